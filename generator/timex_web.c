/* timex_web.c - the date furniture of news pages as scraped to text:
 * bylines and timestamps ("Nov. 11, 2025 5:37 a.m. ET", "11/11/2025
 * 08:30", "2025-11-11T08:30:00Z"), fixture lists ("Sat 15 Nov"), numeric
 * dates ("2025-11-11", "11/11/2025"), those with two-digit years
 * ("11/11/25") and dotted ISO ones ("2025.11.10"), and the short units of
 * "2h ago", "5 mins ago".  Matchers as in timex_rules.c, which runs them. */
#include "timex_impl.h"

#include <stdio.h>
#include <string.h>

#define TK(i) (c->tk[(i)])

/* "2025-11-11", "11/11/2025", "11.11.2025" (day first with dots). */
size_t an_tx_numeric(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	if (an_tx_num(c, i) && i + 2 < c->n && an_tx_nine_eleven(m, c, i))
		return i + 3;
	if (!an_tx_num(c, i) || i + 4 >= c->n)
		return 0;
	for (size_t k = i + 1; k <= i + 4; k++)
		if (TK(k).space)
			return 0;
	if (!an_tx_num(c, i + 2) || !an_tx_num(c, i + 4))
		return 0;
	char s1 = TK(i + 1).low[0], s2 = TK(i + 3).low[0];
	if (TK(i + 1).kind != AN_TK_PUNCT || s1 != s2 || !strchr("-/.", s1))
		return 0;
	/* not part of a longer digit run such as a phone number */
	if (i + 5 < c->n && !TK(i + 5).space && strchr("-/.", TK(i + 5).low[0]) && an_tx_num(c, i + 6))
		return 0;
	if (i > 0 && !TK(i).space && TK(i - 1).kind != AN_TK_WORD &&
	    strchr("-/.", TK(i - 1).low[0]))
		return 0;
	an_date d;
	if (TK(i).ndig == 4 && s1 != '.') {
		d.y = (int)TK(i).num;
		d.m = (int)TK(i + 2).num;
		d.d = (int)TK(i + 4).num;
	} else if (TK(i + 4).ndig == 4 && TK(i).ndig <= 2 && TK(i + 2).ndig <= 2) {
		d.y = (int)TK(i + 4).num;
		if (s1 == '.') {
			d.d = (int)TK(i).num;
			d.m = (int)TK(i + 2).num;
		} else { /* month first, unless it can only be a day: "25/10/2025" */
			d.m = (int)(TK(i).num > 12 ? TK(i + 2).num : TK(i).num);
			d.d = (int)(TK(i).num > 12 ? TK(i).num : TK(i + 2).num);
		}
	} else {
		return 0;
	}
	if (d.y < 1000 || !an_date_valid(d))
		return 0;
	an_tx_set_point(m, d, AN_GRAN_DAY);
	return i + 5;
}

/* "11/11/25", "11/8/25" (month first as in "11/11/2025", unless the first
 * number can only be a day), and "2025.11.10".  Slashes only for the
 * short year: "3-1-25" may be a score; both dotted parts of two digits,
 * so that a version "2.10.31" or "2024.1.2" is none. */
static size_t short_numeric(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	if (!an_tx_num(c, i) || i + 4 >= c->n)
		return 0;
	for (size_t k = i + 1; k <= i + 4; k++)
		if (TK(k).space)
			return 0;
	if (!an_tx_num(c, i + 2) || !an_tx_num(c, i + 4) || TK(i + 1).kind != AN_TK_PUNCT ||
	    TK(i + 1).low[1] || strcmp(TK(i + 1).low, TK(i + 3).low) != 0)
		return 0;
	/* no part of a longer run: "1/2/25/4", "v2025.11.10", "11/11/25a" */
	if (i > 0 && !TK(i).space && TK(i - 1).low[0] != '(' && TK(i - 1).low[0] != '[')
		return 0;
	size_t e = i + 5;
	if (e < c->n && !TK(e).space &&
	    (TK(e).kind != AN_TK_PUNCT ||
	     (strchr("/.-", TK(e).low[0]) && e + 1 < c->n && !TK(e + 1).space &&
	      TK(e + 1).kind != AN_TK_PUNCT)))
		return 0;
	an_date d;
	char s = TK(i + 1).low[0];
	long a = TK(i).num, b = TK(i + 2).num, y = TK(i + 4).num;
	if (s == '/' && TK(i).ndig <= 2 && TK(i + 2).ndig <= 2 && TK(i + 4).ndig == 2) {
		/* the century that puts the year no more than ten years ahead:
		 * "12/7/41" is 1941 */
		d.y = (int)(2000 + y > c->dct.y + 10 ? 1900 + y : 2000 + y);
		d.m = (int)(a > 12 ? b : a);
		d.d = (int)(a > 12 ? a : b);
	} else if (s == '.' && TK(i).ndig == 4 && a >= 1900 && a <= 2100 && TK(i + 2).ndig == 2 &&
	           TK(i + 4).ndig == 2) {
		d.y = (int)a;
		d.m = (int)b;
		d.d = (int)y;
	} else {
		return 0;
	}
	if (!an_date_valid(d))
		return 0;
	an_tx_set_point(m, d, AN_GRAN_DAY);
	return e;
}

/* A date written as a day and a clock time next to it, as in bylines and
 * timestamps ("Nov. 11, 2025 5:37 a.m. ET", "10 Nov 2025 17:45",
 * "2025-11-11T08:30:00Z"), is one TIME, as TimeBank has its "12/05/1998
 * 09:42:00"; a comma, "at" or a dash between leave two timexes.  A
 * weekday before the date is part of it, abbreviated without its full
 * stop too ("Sat 15 Nov", "Tue, Nov 11th 2025"), as fixture lists and
 * datelines of web pages write it. */
size_t an_tx_web_date(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	return an_tx_web_date_with(m, c, i, NULL, 0);
}

size_t an_tx_web_date_with(an_tx_match *m, const an_tx_ctx *c, size_t i, const an_tx_match *mon,
                           size_t mon_e)
{
	size_t j = i, e;
	int wday = 0, brief = 0;
	if (an_tx_word(c, i) && (TK(i).w.cls & AN_TXW_WDAY) && TK(i).cap) {
		wday = 1;
		j = i + 1;
		if ((TK(i).w.cls & AN_TXW_ABBR) && an_tx_is_punct(c, j, '.') && !TK(j).space)
			j++;
		if (an_tx_is_punct(c, j, ','))
			j++;
		if (j >= c->n || !TK(j).space)
			return 0;
	}
	an_tx_match dm;
	memset(&dm, 0, sizeof dm);
	if ((e = short_numeric(&dm, c, j)) != 0) {
		brief = 1;
	} else if (!(e = an_tx_numeric(&dm, c, j))) {
		if (mon && j == i) {
			dm = *mon;
			e = mon_e;
		} else {
			memset(&dm, 0, sizeof dm);
			e = an_tx_month(&dm, c, j);
		}
	}
	if (!e || dm.type != AN_TIMEX_DATE || dm.anchor.g != AN_GRAN_DAY || dm.mod[0])
		return 0;
	/* the clock: after a space, or glued on by ISO 8601's "T" */
	size_t k = e;
	int iso = an_tx_is(c, k, "t") && !TK(k).space && an_tx_num(c, k + 1) && !TK(k + 1).space;
	if (iso)
		k++;
	an_tx_match tm;
	memset(&tm, 0, sizeof tm);
	size_t ce = an_tx_num(c, k) && (iso || TK(k).space) ? an_tx_clock(&tm, c, k) : 0;
	if (ce > k && tm.type == AN_TIMEX_TIME && strlen(tm.value) >= 16 && tm.value[13] == ':') {
		/* ISO's zone: "Z", "+00:00", "-05:00" */
		if (an_tx_is(c, ce, "z") && !TK(ce).space) {
			ce++;
		} else if (ce + 3 < c->n && (an_tx_is_punct(c, ce, '+') || an_tx_is_punct(c, ce, '-')) &&
		           !TK(ce).space && an_tx_num(c, ce + 1) && TK(ce + 1).ndig == 2 &&
		           !TK(ce + 1).space && an_tx_is_punct(c, ce + 2, ':') && !TK(ce + 2).space &&
		           an_tx_num(c, ce + 3) && TK(ce + 3).ndig == 2 && !TK(ce + 3).space) {
			ce += 4;
		}
		char tmp[64];
		snprintf(tmp, sizeof tmp, "%04d-%02d-%02d%.20s", dm.anchor.d.y, dm.anchor.d.m,
		         dm.anchor.d.d, tm.value + 10);
		*m = dm;
		an_tx_set_value(m, AN_TIMEX_TIME, tmp);
		return ce;
	}
	if (!wday && !brief)
		return 0; /* a date alone: the calendar matchers' */
	*m = dm;
	return e;
}

/* The short units of web pages' "posted ... ago" lines: "2h ago", "12m
 * ago", "3d ago" (the letter glued to the number), "6 hr. ago", "5 mins.
 * ago".  Returns the index after the unit, 0 for none; only before "ago",
 * where "m" can be no million and "h" no other letter. */
size_t an_tx_short_unit(const an_tx_ctx *c, size_t j, an_tx_unit *u)
{
	static const struct {
		const char *w;
		an_tx_unit u;
		unsigned char glued; /* only glued to the number */
	} units[] = {
		{"h", AN_TXU_HOUR, 1}, {"m", AN_TXU_MINUTE, 1}, {"d", AN_TXU_DAY, 1},
		{"w", AN_TXU_WEEK, 1}, {"hr", AN_TXU_HOUR, 0}, {"hrs", AN_TXU_HOUR, 0},
		{"min", AN_TXU_MINUTE, 0}, {"mins", AN_TXU_MINUTE, 0}, {"sec", AN_TXU_SECOND, 0},
		{"secs", AN_TXU_SECOND, 0}, {"wk", AN_TXU_WEEK, 0}, {"wks", AN_TXU_WEEK, 0},
		{"mo", AN_TXU_MONTH, 0}, {"mos", AN_TXU_MONTH, 0}, {"yr", AN_TXU_YEAR, 0},
		{"yrs", AN_TXU_YEAR, 0},
	};
	if (j == 0 || !an_tx_word(c, j) || !an_tx_num(c, j - 1))
		return 0;
	for (size_t k = 0; k < sizeof units / sizeof units[0]; k++) {
		if (!an_tx_is(c, j, units[k].w) || (units[k].glued && TK(j).space))
			continue;
		size_t e = j + 1;
		if (!units[k].glued && an_tx_is_punct(c, e, '.') && !TK(e).space)
			e++;
		if (!an_tx_is(c, e, "ago"))
			return 0;
		*u = units[k].u;
		return e;
	}
	return 0;
}
