/* export_csv.h - events.csv: one row per event (dated, then undated) for
 * spreadsheets, as RFC 4180 CSV (CRLF, quoted fields) with cells that a
 * spreadsheet would run as a formula defused.  Output is appended to a
 * caller's an_buf. */
#ifndef AN_EXPORT_CSV_H
#define AN_EXPORT_CSV_H

#include <stddef.h>

#include "buf.h"
#include "export.h"
#include "site.h"

/* Appends one field: quoted when it holds a comma, quote, CR or LF (quotes
 * doubled); a field starting with = + - @, tab or CR gets a leading ' so
 * that no spreadsheet evaluates text from an article as a formula. */
void an_csv_field(an_buf *out, const char *s, size_t len);
void an_export_events_csv(an_buf *out, const an_site *site);
void an_export_events_csv_to(an_export_out *o, const an_site *site);

#endif
