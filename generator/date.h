/* date.h - proleptic Gregorian calendar arithmetic and TIMEX3 date values.
 * Everything here is pure computation on values: no allocation except into a
 * caller's an_buf, no clock.  Day numbers count days since 1970-01-01. */
#ifndef AN_DATE_H
#define AN_DATE_H

#include "buf.h"

typedef struct {
	int y, m, d; /* m 1-12, d 1-31 */
} an_date;

long an_date_to_days(an_date d);
an_date an_date_from_days(long days);
int an_date_valid(an_date d);
int an_date_days_in_month(int y, int m);
/* ISO weekday: 1 = Monday ... 7 = Sunday. */
int an_date_weekday(an_date d);
/* ISO 8601 week-numbering year and week (1-53). */
void an_date_iso_week(an_date d, int *out_year, int *out_week);
/* Monday of ISO week `week` of ISO year `year`. */
an_date an_date_from_iso_week(int year, int week);
an_date an_date_add_days(an_date d, long n);
/* Adds months, clamping the day to the target month's length. */
an_date an_date_add_months(an_date d, int n);
/* Parses exactly "YYYY-MM-DD"; returns 0 on success, -1 when malformed or
 * not a real day (e.g. 2025-02-30). */
int an_date_parse_iso(an_date *out, const char *s);
/* Writes d as snprintf's "%04d-%02d-%02d" would (NUL-terminated, at most
 * 16 bytes with any int fields), without printf for the years 0-9999:
 * every page's, mention's and timex's day goes through it. */
void an_date_format_iso(char out[16], an_date d);

/* How precise a TIMEX3 date value is, coarsest first. */
typedef enum {
	AN_GRAN_NONE = 0, /* not a calendar value: PAST_REF, P1M, ... */
	AN_GRAN_CENTURY,
	AN_GRAN_DECADE,
	AN_GRAN_YEAR,
	AN_GRAN_HALF,
	AN_GRAN_SEASON,
	AN_GRAN_QUARTER,
	AN_GRAN_MONTH,
	AN_GRAN_WEEK,
	AN_GRAN_DAY,
	AN_GRAN_TIME
} an_granularity;

/* The days a calendar value covers, inclusive. */
typedef struct {
	long first, last;
	an_granularity gran;
} an_span;

/* Reads a TIMEX3 DATE/TIME value ("2025", "2025-11", "2025-11-01",
 * "2025-W45", "2025-Q3", "2025-SU", "2025-H1", "199" (decade), "19"
 * (century), "2025-11-01T18:30", "2025-11-01TEV") into the span it covers.
 * Returns 0, or -1 when the value is not a calendar value. */
int an_value_span(an_span *out, const char *value);
const char *an_granularity_name(an_granularity g);
/* Appends a reader's label for a value at its granularity: "1 November 2025",
 * "September 2025", "week of 3 November 2025", "2025", "the 1990s"; a mod
 * adds "early"/"mid-"/"late"/"about"/"by"/"from" before it, or "or
 * earlier"/"or later" after it (BEFORE/AFTER).  Values
 * that are not calendar values are appended as they are. */
void an_value_label(an_buf *out, const char *value, const char *mod);

#endif
