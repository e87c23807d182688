/* timex_almanac.c - the forms of almanac columns and anniversary
 * stories: the ordinal day of a year ("the 315th day of 2025", the wire
 * services' daily "Today in History" header) and an anniversary counted
 * back from a date near the DCT ("fifty years ago today", "25 years ago
 * this week", "10 years ago Thursday").  Matchers as in timex_rules.c,
 * which runs them. */
#include "timex_impl.h"

#include <stdio.h>
#include <string.h>

#define TK(i) (c->tk[(i)])

/* The year a match's value opens with ("2025", "2025-W46", "2025-11-11TNI"),
 * -1 when it opens with none. */
static int value_year(const char *v)
{
	int y = 0;
	for (int k = 0; k < 4; k++) {
		if (v[k] < '0' || v[k] > '9')
			return -1;
		y = y * 10 + (v[k] - '0');
	}
	return (v[4] == '\0' || v[4] == '-') ? y : -1;
}

/* "the 315th day of 2025", "the first day of the year", "the 60th day of
 * this year": one day.  Only a year closes it, so "the 20th day of the
 * strike" and "the first day of school" stay out. */
static size_t day_of_year(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	static const char *const sfx[] = {"st", "nd", "rd", "th", NULL};
	if (!an_tx_is(c, i, "the") || i + 5 > c->n)
		return 0;
	size_t j = i + 1;
	long n;
	if (an_tx_num(c, j) && TK(j).ndig <= 3 && !TK(j + 1).space &&
	    an_tx_one_of(c, j + 1, sfx)) {
		n = TK(j).num;
		j += 2;
	} else if (an_tx_word(c, j) && (TK(j).w.cls & AN_TXW_ORD) && TK(j).w.ord > 0) {
		n = TK(j).w.ord;
		j++;
	} else {
		return 0;
	}
	if (n < 1 || n > 366 || !an_tx_is(c, j, "day") || !an_tx_is(c, j + 1, "of"))
		return 0;
	j += 2;
	int y;
	size_t e;
	if (an_tx_year_at(c, j, &y)) {
		e = j + 1;
	} else if ((an_tx_is(c, j, "the") || an_tx_is(c, j, "this")) && an_tx_is(c, j + 1, "year")) {
		/* the year of the story's reference, as "the year" alone takes */
		an_tx_match ym;
		memset(&ym, 0, sizeof ym);
		if (an_tx_rel(&ym, c, j) != j + 2 || ym.type != AN_TIMEX_DATE ||
		    (y = value_year(ym.value)) < 0 || ym.value[4])
			return 0;
		e = j + 2;
	} else {
		return 0;
	}
	an_date d = an_date_add_days((an_date){y, 1, 1}, n - 1);
	if (d.y != y)
		return 0; /* "the 366th day" of a common year */
	an_tx_set_point(m, d, AN_GRAN_DAY);
	m->the_ok = 1;
	return e;
}

/* The words that may follow "N years ago" and name the day, week or
 * month the anniversary counts back from. */
static int anniversary_follow(const an_tx_ctx *c, size_t k)
{
	if (!an_tx_word(c, k) || TK(k).space == 0)
		return 0;
	if (TK(k).w.cls & AN_TXW_WDAY)
		return !(TK(k).w.cls & AN_TXW_ABBR) && TK(k).cap;
	return an_tx_is(c, k, "today") || an_tx_is(c, k, "tonight") ||
	       an_tx_is(c, k, "this") || an_tx_is(c, k, "next") || an_tx_is(c, k, "last");
}

/* "Fifty years ago today", "a year ago this week", "20 years ago this
 * month", "60 years ago next week", "10 years ago Thursday": the day,
 * week or month named, that many years back, as one timex (the wire
 * services' anniversary lead).  The count must give a year or a day, so
 * "months ago this week" stays two or none. */
static size_t ago_anniversary(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	/* cheap test first: "ago" within the next few tokens */
	size_t k = i + 1;
	while (k < c->n && k < i + 6 && !an_tx_is(c, k, "ago"))
		k++;
	if (k >= c->n || k >= i + 6 || !anniversary_follow(c, k + 1))
		return 0;
	an_tx_match am;
	memset(&am, 0, sizeof am);
	if (an_tx_rel(&am, c, i) != k + 1 || am.type != AN_TIMEX_DATE || am.mod[0] ||
	    value_year(am.value) < 0)
		return 0;
	/* ("A week ago today": the day a week back, which "a week ago" names
	 * alone, as one timex) */
	if (strlen(am.value) == 10 && an_tx_is(c, k + 1, "today")) {
		an_tx_set_value(m, AN_TIMEX_DATE, am.value);
		return k + 2;
	}
	if (am.value[4])
		return 0;
	int shift = value_year(am.value) - c->dct.y;
	an_tx_match bm, t;
	memset(&bm, 0, sizeof bm);
	size_t be = an_tx_rel(&bm, c, k + 1);
	memset(&t, 0, sizeof t);
	size_t te = an_tx_weekday(&t, c, k + 1);
	if (te > be) {
		be = te;
		bm = t;
	}
	memset(&t, 0, sizeof t);
	te = an_tx_season(&t, c, k + 1);
	if (te > be) {
		be = te;
		bm = t;
	}
	int y;
	if (be <= k + 1 || (bm.type != AN_TIMEX_DATE && bm.type != AN_TIMEX_TIME) ||
	    (y = value_year(bm.value)) < 0)
		return 0;
	/* the day, week or month of the DCT's time, moved back to that year */
	y += shift;
	if (y < 1 || y > 9999)
		return 0;
	if (bm.value[4] == '-' && bm.value[5] >= '0' && bm.value[5] <= '9' && bm.value[7] == '-') {
		an_date d = {y, (bm.value[5] - '0') * 10 + (bm.value[6] - '0'),
		             (bm.value[8] - '0') * 10 + (bm.value[9] - '0')};
		if (!an_date_valid(d))
			return 0; /* Feb. 29 in a common year */
	}
	char v[AN_TIMEX_VALUE_MAX];
	snprintf(v, 5, "%04d", y);
	an_tx_copy(v + 4, sizeof v - 4, bm.value + 4);
	an_tx_set_value(m, bm.type, v);
	return be;
}

size_t an_tx_almanac(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	size_t e = day_of_year(m, c, i);
	if (e)
		return e;
	return ago_anniversary(m, c, i);
}
