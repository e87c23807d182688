/* words.h - a sentence as words, for the rules that read it (clauses,
 * names): runs between spaces, each with its punctuation and without it.
 * Scraped text glues links to words ("CNN.https://t.co/x"); the link
 * becomes its own word.  Spans only; no allocation. */
#ifndef AN_WORDS_H
#define AN_WORDS_H

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
/* Does the word end a clause (a comma, semicolon, colon, or a closing
 * quote or dash after it)? */
int an_words_ends_clause(const char *text, const an_word *w);
/* Does the clean word start with a capital (ASCII or Latin)? */
int an_words_capitalised(const char *text, const an_word *w);
/* FNV-1a of a NUL-terminated word: the slot hash of the word tables
 * (terms.c, timex_words.c). */
uint32_t an_words_hash(const char *w);

#endif
