/* timex.h - the date tagger: finds TIMEX3 temporal expressions in English
 * text and normalises them against a reference date (the document creation
 * time, DCT).  The tagger owns nothing after it returns: results go into an
 * an_timex_list the caller owns and frees with an_timex_list_free. */
#ifndef AN_TIMEX_H
#define AN_TIMEX_H

#include <stddef.h>

#include "date.h"

typedef enum {
	AN_TIMEX_DATE,
	AN_TIMEX_TIME,
	AN_TIMEX_DURATION,
	AN_TIMEX_SET
} an_timex_type;

#define AN_TIMEX_VALUE_MAX 32
#define AN_TIMEX_MOD_MAX 16

typedef struct {
	size_t start, end; /* UTF-8 byte offsets into the text, end exclusive */
	an_timex_type type;
	char value[AN_TIMEX_VALUE_MAX]; /* TIMEX3 value: 2025-11-01, P1M, PAST_REF */
	char mod[AN_TIMEX_MOD_MAX];     /* "" or START, MID, END, APPROX, ... */
} an_timex;

typedef struct {
	an_timex *items;
	size_t len, cap;
} an_timex_list;

#define AN_TIMEX_LIST_INIT {NULL, 0, 0}

/* Tags `text` (len bytes, UTF-8, need not be NUL-terminated) and appends the
 * timexes to `out` in text order; they never overlap.  `dct` anchors relative
 * expressions ("yesterday", "on Wednesday", "last week").  Paragraphs may be
 * separated by blank lines; the tagger treats "\n\n" as a hard boundary for
 * phrases but keeps its reference time across paragraphs. */
void an_timex_tag(an_timex_list *out, const char *text, size_t len, an_date dct);
void an_timex_list_free(an_timex_list *list);
const char *an_timex_type_name(an_timex_type type);

#endif
