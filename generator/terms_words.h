/* terms_words.h - word tables for terms.c (data only, see terms_words.c). */
#ifndef AN_TERMS_WORDS_H
#define AN_TERMS_WORDS_H

#include <stddef.h>

/* Sorted lists; look up with an_terms_word_find. */
extern const char *const an_terms_stop_words[];
extern const size_t an_terms_n_stop_words;

typedef struct {
	const char *word;  /* lowercase, unaccented, as written (not stemmed) */
	const char *canon; /* the class it stands for */
} an_terms_syn;

extern const an_terms_syn an_terms_synonyms[];
extern const size_t an_terms_n_synonyms;

#endif
