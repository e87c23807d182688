/* export_timelinejs.h - timelinejs.json: the dated events in the JSON
 * format of Knight Lab's TimelineJS 3 (a title slide and one slide per
 * event), so the story can be embedded with TimelineJS.  Output is
 * appended to a caller's an_buf. */
#ifndef AN_EXPORT_TIMELINEJS_H
#define AN_EXPORT_TIMELINEJS_H

#include <stddef.h>

#include "buf.h"
#include "export.h"
#include "site.h"

/* Appends s HTML-escaped (& < > " ') as the body of a JSON string: for the
 * slides' text, which TimelineJS inserts as HTML. */
void an_timelinejs_html(an_buf *out, const char *s, size_t len);
void an_export_timelinejs(an_buf *out, const an_site *site);
void an_export_timelinejs_to(an_export_out *o, const an_site *site);

#endif
