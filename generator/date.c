/* date.c - calendar arithmetic and TIMEX3 value spans (see date.h). */
#include "date.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"};

/* Howard Hinnant's days_from_civil: exact for the whole proleptic Gregorian
 * calendar, no tables, no loops. */
long an_date_to_days(an_date d)
{
	long y = d.y - (d.m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

an_date an_date_from_days(long z)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	an_date r;
	r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	r.y = (int)(y + (r.m <= 2));
	return r;
}

int an_date_days_in_month(int y, int m)
{
	static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return len[m - 1];
}

int an_date_valid(an_date d)
{
	return d.m >= 1 && d.m <= 12 && d.d >= 1 &&
	       d.d <= an_date_days_in_month(d.y, d.m);
}

int an_date_weekday(an_date d)
{
	long z = an_date_to_days(d); /* 1970-01-01 was a Thursday (4) */
	long w = (z % 7 + 7 + 3) % 7;  /* 0 = Monday */
	return (int)w + 1;
}

an_date an_date_add_days(an_date d, long n)
{
	return an_date_from_days(an_date_to_days(d) + n);
}

an_date an_date_add_months(an_date d, int n)
{
	long m = (long)d.y * 12 + (d.m - 1) + n;
	an_date r;
	r.y = (int)(m >= 0 ? m / 12 : (m - 11) / 12);
	r.m = (int)(m - (long)r.y * 12) + 1;
	int dim = an_date_days_in_month(r.y, r.m);
	r.d = d.d > dim ? dim : d.d;
	return r;
}

an_date an_date_from_iso_week(int year, int week)
{
	an_date jan4 = {year, 1, 4};
	long monday1 = an_date_to_days(jan4) - (an_date_weekday(jan4) - 1);
	return an_date_from_days(monday1 + 7L * (week - 1));
}

void an_date_iso_week(an_date d, int *out_year, int *out_week)
{
	/* The ISO week belongs to the year that holds its Thursday. */
	long z = an_date_to_days(d);
	long thursday = z - (an_date_weekday(d) - 1) + 3;
	an_date t = an_date_from_days(thursday);
	an_date jan1 = {t.y, 1, 1};
	*out_year = t.y;
	*out_week = (int)((thursday - an_date_to_days(jan1)) / 7) + 1;
}

static int digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

static int num(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

void an_date_format_iso(char out[16], an_date d)
{
	if (d.y < 0 || d.y > 9999 || d.m < 0 || d.m > 99 || d.d < 0 || d.d > 99) {
		snprintf(out, 16, "%04d-%02d-%02d", d.y, d.m, d.d);
		return;
	}
	out[0] = (char)('0' + d.y / 1000);
	out[1] = (char)('0' + d.y / 100 % 10);
	out[2] = (char)('0' + d.y / 10 % 10);
	out[3] = (char)('0' + d.y % 10);
	out[4] = '-';
	out[5] = (char)('0' + d.m / 10);
	out[6] = (char)('0' + d.m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d.d / 10);
	out[9] = (char)('0' + d.d % 10);
	out[10] = '\0';
}

int an_date_parse_iso(an_date *out, const char *s)
{
	if (strlen(s) != 10 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) ||
	    s[7] != '-' || !digits(s + 8, 2))
		return -1;
	an_date d = {num(s, 4), num(s + 5, 2), num(s + 8, 2)};
	if (!an_date_valid(d))
		return -1;
	*out = d;
	return 0;
}

static long ymd(int y, int m, int d)
{
	an_date t = {y, m, d};
	return an_date_to_days(t);
}

static void set_span(an_span *out, long first, long last, an_granularity g)
{
	out->first = first;
	out->last = last;
	out->gran = g;
}

static void month_span(an_span *out, int y, int m1, int m2, an_granularity g)
{
	int y2 = y;
	if (m2 > 12) {
		m2 -= 12;
		y2++;
	}
	set_span(out, ymd(y, m1, 1), ymd(y2, m2, an_date_days_in_month(y2, m2)), g);
}

int an_value_span(an_span *out, const char *v)
{
	size_t n = strlen(v);
	if (n == 2 && digits(v, 2)) {
		int c = num(v, 2) * 100;
		set_span(out, ymd(c, 1, 1), ymd(c + 99, 12, 31), AN_GRAN_CENTURY);
		return 0;
	}
	if (n == 3 && digits(v, 3)) {
		int dec = num(v, 3) * 10;
		set_span(out, ymd(dec, 1, 1), ymd(dec + 9, 12, 31), AN_GRAN_DECADE);
		return 0;
	}
	if (n < 4 || !digits(v, 4))
		return -1;
	int y = num(v, 4);
	if (n == 4) {
		set_span(out, ymd(y, 1, 1), ymd(y, 12, 31), AN_GRAN_YEAR);
		return 0;
	}
	if (v[4] != '-')
		return -1;
	const char *r = v + 5;
	size_t rn = n - 5;
	if (rn == 2 && digits(r, 2)) {
		int m = num(r, 2);
		if (m < 1 || m > 12)
			return -1;
		month_span(out, y, m, m, AN_GRAN_MONTH);
		return 0;
	}
	if (rn == 3 && r[0] == 'W' && digits(r + 1, 2)) {
		int w = num(r + 1, 2);
		if (w < 1 || w > 53)
			return -1;
		long mon = an_date_to_days(an_date_from_iso_week(y, w));
		set_span(out, mon, mon + 6, AN_GRAN_WEEK);
		return 0;
	}
	if (rn == 2 && r[0] == 'Q' && r[1] >= '1' && r[1] <= '4') {
		int q = r[1] - '0';
		month_span(out, y, 3 * q - 2, 3 * q, AN_GRAN_QUARTER);
		return 0;
	}
	if (rn == 2 && r[0] == 'H' && (r[1] == '1' || r[1] == '2')) {
		int h = r[1] - '0';
		month_span(out, y, 6 * h - 5, 6 * h, AN_GRAN_HALF);
		return 0;
	}
	if (rn == 2) {
		/* Meteorological seasons of the northern hemisphere; winter runs
		 * into the next year, as "winter 2025" does in news usage. */
		static const struct { const char *code; int m1, m2; } seasons[] = {
			{"SP", 3, 5}, {"SU", 6, 8}, {"FA", 9, 11}, {"WI", 12, 14}};
		for (size_t i = 0; i < 4; i++)
			if (strcmp(r, seasons[i].code) == 0) {
				month_span(out, y, seasons[i].m1, seasons[i].m2,
				           AN_GRAN_SEASON);
				return 0;
			}
		return -1;
	}
	if (rn >= 5 && digits(r, 2) && r[2] == '-' && digits(r + 3, 2)) {
		an_date d = {y, num(r, 2), num(r + 3, 2)};
		if (!an_date_valid(d))
			return -1;
		long z = an_date_to_days(d);
		if (rn == 5) {
			set_span(out, z, z, AN_GRAN_DAY);
			return 0;
		}
		if (r[5] == 'T') {
			set_span(out, z, z, AN_GRAN_TIME);
			return 0;
		}
	}
	return -1;
}

const char *an_granularity_name(an_granularity g)
{
	switch (g) {
	case AN_GRAN_CENTURY: return "century";
	case AN_GRAN_DECADE: return "decade";
	case AN_GRAN_YEAR: return "year";
	case AN_GRAN_HALF: return "half";
	case AN_GRAN_SEASON: return "season";
	case AN_GRAN_QUARTER: return "quarter";
	case AN_GRAN_MONTH: return "month";
	case AN_GRAN_WEEK: return "week";
	case AN_GRAN_DAY: return "day";
	case AN_GRAN_TIME: return "time";
	case AN_GRAN_NONE: break;
	}
	return "none";
}

static const char *mod_word(const char *mod, an_granularity g)
{
	if (!mod || !*mod)
		return NULL;
	if (strcmp(mod, "START") == 0)
		return "early";
	if (strcmp(mod, "MID") == 0)
		return g == AN_GRAN_DAY ? "midday" : "mid-";
	if (strcmp(mod, "END") == 0)
		return "late";
	if (strcmp(mod, "APPROX") == 0)
		return "about";
	if (strcmp(mod, "ON_OR_BEFORE") == 0 || strcmp(mod, "EQUAL_OR_LESS") == 0)
		return "by";
	if (strcmp(mod, "ON_OR_AFTER") == 0 || strcmp(mod, "EQUAL_OR_MORE") == 0)
		return "from";
	return NULL;
}

/* "more than a month ago" is BEFORE a month it names only roughly, so the
 * label says "or earlier" rather than "before". */
static const char *mod_suffix(const char *mod)
{
	if (!mod)
		return NULL;
	if (strcmp(mod, "BEFORE") == 0 || strcmp(mod, "LESS_THAN") == 0)
		return " or earlier";
	if (strcmp(mod, "AFTER") == 0 || strcmp(mod, "MORE_THAN") == 0)
		return " or later";
	return NULL;
}

static const char *season_name(const char *code)
{
	if (strcmp(code, "SP") == 0) return "spring";
	if (strcmp(code, "SU") == 0) return "summer";
	if (strcmp(code, "FA") == 0) return "autumn";
	if (strcmp(code, "WI") == 0) return "winter";
	return code;
}

/* The words for TIMEX3's parts of the day ("2025-11-01TMO"); a clock time
 * ("09:30") stays as it is. */
static const char *part_of_day_name(const char *code)
{
	if (strcmp(code, "MO") == 0) return "morning";
	if (strcmp(code, "AF") == 0) return "afternoon";
	if (strcmp(code, "EV") == 0) return "evening";
	if (strcmp(code, "NI") == 0) return "night";
	if (strcmp(code, "DT") == 0) return "daytime";
	return code;
}

/* "11 November 2025" */
static void put_day_month_year(an_buf *out, an_date d)
{
	an_buf_put_zpad(out, d.d, 0);
	an_buf_putc(out, ' ');
	an_buf_puts(out, month_names[d.m - 1]);
	an_buf_putc(out, ' ');
	an_buf_put_zpad(out, d.y, 0);
}

void an_value_label(an_buf *out, const char *value, const char *mod)
{
	an_span s;
	if (an_value_span(&s, value) < 0) {
		an_buf_puts(out, value);
		return;
	}
	const char *mw = mod_word(mod, s.gran);
	if (mw) {
		an_buf_puts(out, mw);
		if (mw[strlen(mw) - 1] != '-')
			an_buf_putc(out, ' ');
	}
	an_date first = an_date_from_days(s.first);
	int y = atoi(value);
	/* (appended piece by piece: a label is made for every event on every
	 * page and export, and printf's parsing was most of its cost) */
	switch (s.gran) {
	case AN_GRAN_CENTURY:
	case AN_GRAN_DECADE:
		an_buf_puts(out, "the ");
		an_buf_put_zpad(out, first.y, 0);
		an_buf_putc(out, 's');
		break;
	case AN_GRAN_YEAR:
		an_buf_put_zpad(out, y, 0);
		break;
	case AN_GRAN_HALF:
		an_buf_puts(out, value[6] == '1' ? "first half of " : "second half of ");
		an_buf_put_zpad(out, y, 0);
		break;
	case AN_GRAN_SEASON:
		an_buf_puts(out, season_name(value + 5));
		an_buf_putc(out, ' ');
		an_buf_put_zpad(out, y, 0);
		break;
	case AN_GRAN_QUARTER:
		an_buf_putc(out, 'Q');
		an_buf_putc(out, value[6]);
		an_buf_putc(out, ' ');
		an_buf_put_zpad(out, y, 0);
		break;
	case AN_GRAN_MONTH:
		an_buf_puts(out, month_names[first.m - 1]);
		an_buf_putc(out, ' ');
		an_buf_put_zpad(out, first.y, 0);
		break;
	case AN_GRAN_WEEK:
		an_buf_puts(out, "week of ");
		put_day_month_year(out, first);
		break;
	case AN_GRAN_DAY:
		put_day_month_year(out, first);
		break;
	case AN_GRAN_TIME:
		put_day_month_year(out, first);
		an_buf_puts(out, ", ");
		an_buf_puts(out, part_of_day_name(value + 11));
		break;
	case AN_GRAN_NONE:
		an_buf_puts(out, value);
		break;
	}
	const char *suffix = mod_suffix(mod);
	if (suffix)
		an_buf_puts(out, suffix);
}
