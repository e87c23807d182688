/* headline.h - cuts a short headline (at most AN_HEADLINE_WORDS words) from
 * a news sentence: the date phrase, leading adverbials, attributions,
 * inserted clauses and trailing subordinate clauses are trimmed, and the cut
 * never ends on a dangling word. */
#ifndef AN_HEADLINE_H
#define AN_HEADLINE_H

#include <stddef.h>

#define AN_HEADLINE_WORDS 12

/* Returns the headline for sentence[0, len); bytes [cut_start, cut_end)
 * (the event's date expression) are removed first, with the preposition
 * before them; pass cut_start == cut_end for none.  Caller frees with
 * free(). */
char *an_headline(const char *sentence, size_t len, size_t cut_start, size_t cut_end);

/* "CNN reports the UK has suspended ...": puts the reporter in front of a
 * headline that does not name it, keeping the word limit.  Returns a new
 * string; caller frees with free(). */
char *an_headline_reported(const char *headline, const char *reporter);

#endif
