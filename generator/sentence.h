/* sentence.h - sentence splitting for scraped English news text.
 * Copes with missing spaces after full stops ("law.The"), years glued to the
 * next sentence ("2025Before"), abbreviations ("Adm.", "U.S."), quotes and
 * URLs.  Results are spans into the caller's text; the list owns only its
 * array (free with an_sentence_list_free). */
#ifndef AN_SENTENCE_H
#define AN_SENTENCE_H

#include <stddef.h>

typedef struct {
	size_t start, end; /* byte range, end exclusive, trimmed of spaces */
} an_sentence;

typedef struct {
	an_sentence *items;
	size_t len, cap;
} an_sentence_list;

#define AN_SENTENCE_LIST_INIT {NULL, 0, 0}

/* Appends the sentences of text[0, len) to `out`.  A blank line ("\n\n") is
 * always a boundary. */
void an_sentence_split(an_sentence_list *out, const char *text, size_t len);
/* Index of the sentence that contains byte `pos`, or the one before it. */
size_t an_sentence_find(const an_sentence_list *list, size_t pos);
void an_sentence_list_free(an_sentence_list *list);

#endif
