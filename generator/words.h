/* words.h - a sentence as words, for the rules that read it (clauses,
 * names): runs between spaces, each with its punctuation and without it.
 * Scraped text glues links to words ("CNN.https://t.co/x"); the link
 * becomes its own word.  Spans only; no allocation. */
#ifndef AN_WORDS_H
#define AN_WORDS_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
	size_t s, e;   /* the word with its punctuation */
	size_t cs, ce; /* without leading and trailing punctuation and quotes */
} an_word;

/* Splits text[s, e) into at most `max` words; returns how many. */
size_t an_words_split(an_word *out, size_t max, const char *text, size_t s, size_t e);
/* Case-insensitive: is the clean word one of the NULL-terminated list? */
int an_words_in(const char *const *list, const char *text, const an_word *w);

/* A word list that is asked about every word of every sentence: a hash
 * set of it is made on first use, by whichever thread comes first; until
 * it is ready (and for a list of more than AN_WORDSET_MAX words) lookups
 * read the list.  Static storage, nothing to free.  Define one per list:
 *     static an_wordset pronoun_set = AN_WORDSET(pronouns); */
#define AN_WORDSET_MAX 255
#define AN_WORDSET_SLOTS 512 /* a power of two, at least twice the max */
typedef struct {
	const char *const *list; /* lowercase, NULL-terminated */
	atomic_int state;        /* 0 not made, 1 being made, 2 ready, 3 too long */
	uint8_t len[AN_WORDSET_MAX];
	uint8_t slot[AN_WORDSET_SLOTS]; /* index + 1 into list, 0 empty */
} an_wordset;
#define AN_WORDSET(l) {(l), 0, {0}, {0}}
/* an_words_in for a set: the same answers. */
int an_wordset_has(an_wordset *set, const char *text, const an_word *w);
/* Does the word end a clause (a comma, semicolon, colon, or a closing
 * quote or dash after it)? */
int an_words_ends_clause(const char *text, const an_word *w);
/* Does the clean word start with a capital (ASCII or Latin)? */
int an_words_capitalised(const char *text, const an_word *w);
/* FNV-1a of a NUL-terminated word: the slot hash of the word tables
 * (terms.c, timex_words.c). */
uint32_t an_words_hash(const char *w);

#endif
