/* timex_value.c - the TIMEX3 value of a calendar point ("2025-W46",
 * "2025-SP", "196"), the matches built on one, and the calendar steps
 * between points.  Apart from timex_anchor.c, which decides which point
 * an expression names. */
#include "timex_impl.h"

#include <stdio.h>
#include <string.h>

static void copy_value(char *out, const char *s)
{
	size_t n = strlen(s);
	if (n >= AN_TIMEX_VALUE_MAX)
		n = AN_TIMEX_VALUE_MAX - 1;
	memcpy(out, s, n);
	out[n] = '\0';
}

void an_tx_format(char *out, an_tx_point p)
{
	char tmp[96];
	an_date d = p.d;
	if (d.y <= 0 && an_tx_format_bc(out, p))
		return; /* BC years are astronomical: 1 BC is 0 (timex_year.c) */
	if (d.y < 1 || d.y > 9999) {
		copy_value(out, "XXXX");
		return;
	}
	switch (p.g) {
	case AN_GRAN_DAY:
	case AN_GRAN_TIME:
		an_date_format_iso(tmp, d);
		break;
	case AN_GRAN_WEEK: {
		int y, w;
		an_date_iso_week(d, &y, &w);
		snprintf(tmp, sizeof tmp, "%04d-W%02d", y, w);
		break;
	}
	case AN_GRAN_MONTH:
		snprintf(tmp, sizeof tmp, "%04d-%02d", d.y, d.m);
		break;
	case AN_GRAN_QUARTER:
		snprintf(tmp, sizeof tmp, "%04d-Q%d", d.y, (d.m - 1) / 3 + 1);
		break;
	case AN_GRAN_HALF:
		snprintf(tmp, sizeof tmp, "%04d-H%d", d.y, d.m <= 6 ? 1 : 2);
		break;
	case AN_GRAN_SEASON: {
		/* December belongs to the winter that starts in its year; January
		 * and February to the one that started the year before. */
		static const char *const code[12] = {"WI", "WI", "SP", "SP", "SP",
		                                     "SU", "SU", "SU", "FA", "FA",
		                                     "FA", "WI"};
		int y = d.m <= 2 ? d.y - 1 : d.y;
		snprintf(tmp, sizeof tmp, "%04d-%s", y, code[(d.m - 1) % 12]);
		break;
	}
	case AN_GRAN_YEAR:
		snprintf(tmp, sizeof tmp, "%04d", d.y);
		break;
	case AN_GRAN_DECADE:
		snprintf(tmp, sizeof tmp, "%03d", d.y / 10);
		break;
	case AN_GRAN_CENTURY:
		snprintf(tmp, sizeof tmp, "%02d", d.y / 100);
		break;
	default:
		snprintf(tmp, sizeof tmp, "XXXX");
		break;
	}
	copy_value(out, tmp);
}

void an_tx_set_point(an_tx_match *m, an_date d, an_granularity g)
{
	an_tx_point p = {d, g};
	an_tx_format(m->value, p);
	m->type = AN_TIMEX_DATE;
	m->anchor = p;
}

void an_tx_mark_weekend(an_tx_match *m)
{
	size_t n = strlen(m->value);
	if (n + 3 < sizeof m->value)
		memcpy(m->value + n, "-WE", 4);
}

int an_tx_unit_of(an_tx_match *m, an_date at, an_granularity g, size_t te)
{
	memset(m, 0, sizeof *m);
	an_tx_set_point(m, at, g);
	m->anchor.g = AN_GRAN_NONE;
	m->te = te;
	return 1;
}

an_tx_point an_tx_ref(const an_tx_ctx *c)
{
	if (c->ref.g != AN_GRAN_NONE)
		return c->ref;
	an_tx_point p = {c->dct, AN_GRAN_DAY};
	return p;
}

/* Calendar steps the resolvers share (timex_anchor.c decides the
 * direction; these only count). */
an_date an_tx_weekday_date(an_date dct, int wday, int dir)
{
	int w = an_date_weekday(dct);
	if (dir > 0)
		return an_date_add_days(dct, (wday - w + 7) % 7);
	return an_date_add_days(dct, -((w - wday + 7) % 7));
}

an_date an_tx_shift(an_date d, an_tx_unit u, long n)
{
	if (n > 100000 || n < -100000)
		return d;
	switch (u) {
	case AN_TXU_DAY: return an_date_add_days(d, n);
	case AN_TXU_WEEK:
	case AN_TXU_WEEKEND: return an_date_add_days(d, 7 * n);
	case AN_TXU_FORTNIGHT: return an_date_add_days(d, 14 * n);
	case AN_TXU_MONTH: return an_date_add_months(d, (int)n);
	case AN_TXU_QUARTER:
	case AN_TXU_SEASON: return an_date_add_months(d, (int)(3 * n));
	case AN_TXU_YEAR: return an_date_add_months(d, (int)(12 * n));
	case AN_TXU_DECADE: return an_date_add_months(d, (int)(120 * n));
	case AN_TXU_CENTURY: return an_date_add_months(d, (int)(1200 * n));
	case AN_TXU_MILLENNIUM: return an_date_add_months(d, (int)(12000 * n));
	default: return d;
	}
}
