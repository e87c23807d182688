/* timex_format.h - the output of `annals tag`: the tagger's timexes as the
 * JSON of the tag contract, or as a TimeML document (the text with inline
 * TIMEX3 elements).  Both append to a caller's an_buf; nothing else is
 * allocated, and `text` is only read. */
#ifndef AN_TIMEX_FORMAT_H
#define AN_TIMEX_FORMAT_H

#include <stddef.h>

#include "buf.h"
#include "timex.h"

typedef enum { AN_TIMEX_FORMAT_JSON, AN_TIMEX_FORMAT_TIMEML } an_timex_format;

/* Parses "json" or "timeml" into *out; returns 0, or -1 for anything else. */
int an_timex_format_parse(an_timex_format *out, const char *name);

/* {"dct":"YYYY-MM-DD","timexes":[{"start":..,"end":..,"text":..,"type":..,
 * "value":..[,"mod":..]},...]} and a newline; offsets are UTF-8 bytes into
 * text, which holds len bytes. */
void an_timex_format_json(an_buf *out, const char *text, size_t len, an_date dct,
                          const an_timex_list *list);

/* A TimeML 1.2 document: the DCT as a CREATION_TIME TIMEX3 (tid t0), then
 * <TEXT> with every timex as <TIMEX3 tid="tN" type=".." value=".."
 * [mod=".."]>..</TIMEX3>.  Text is XML-escaped; bytes that are not valid
 * UTF-8 and control characters XML cannot carry become U+FFFD.  The list
 * must be ordered and free of overlaps, as an_timex_tag returns it; a timex
 * that is not is left untagged. */
void an_timex_format_timeml(an_buf *out, const char *text, size_t len, an_date dct,
                            const an_timex_list *list);

#endif
