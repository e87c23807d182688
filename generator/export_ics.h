/* export_ics.h - events.ics: every dated event as an all-day iCalendar
 * (RFC 5545) VEVENT spanning the days its date covers (one day, a week, a
 * month, ...), with a UID that stays the same from build to build.  Output
 * is appended to a caller's an_buf. */
#ifndef AN_EXPORT_ICS_H
#define AN_EXPORT_ICS_H

#include <stddef.h>

#include "buf.h"
#include "export.h"
#include "site.h"

/* Appends s as an iCalendar TEXT value: backslash, ';' and ',' escaped,
 * line breaks as "\n", other control characters dropped. */
void an_ics_text(an_buf *out, const char *s, size_t len);
/* Appends one content line followed by CRLF, folded so that no physical
 * line is longer than 75 octets (CRLF + space before each continuation),
 * never inside a UTF-8 sequence. */
void an_ics_line(an_buf *out, const char *line, size_t len);
void an_export_events_ics(an_buf *out, const an_site *site);
void an_export_events_ics_to(an_export_out *o, const an_site *site);

#endif
