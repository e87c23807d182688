/* timex_ordday.c - days written without the usual month-and-day order:
 * an ordinal day without a month ("payments are due on the 14th", "by
 * the 20th", "Friday the 13th") and the data style "11-Nov-2025".
 * Matcher as in timex_rules.c, which runs it. */
#include "timex_impl.h"

#include <string.h>

#define TK(i) (c->tk[(i)])

/* "11-Nov-2025", "3-Sept-24": day, month name and year joined by
 * hyphens, no spaces. */
static size_t day_mon_year(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	if (i + 5 > c->n || TK(i).ndig > 2 || !an_tx_is_punct(c, i + 1, '-') ||
	    !an_tx_word(c, i + 2) || !(TK(i + 2).w.cls & AN_TXW_MONTH) || !TK(i + 2).cap ||
	    !an_tx_is_punct(c, i + 3, '-') || !an_tx_num(c, i + 4))
		return 0;
	for (size_t k = i + 1; k < i + 5; k++)
		if (TK(k).space)
			return 0;
	if ((i + 5 < c->n && !TK(i + 5).space &&
	     (TK(i + 5).kind != AN_TK_PUNCT || strchr("-/", TK(i + 5).low[0]))) ||
	    (i > 0 && !TK(i).space && !an_tx_is_punct(c, i - 1, '(')))
		return 0;
	int y = (int)TK(i + 4).num;
	if (TK(i + 4).ndig == 2)
		y += 2000;
	else if (TK(i + 4).ndig != 4)
		return 0;
	an_date d = {y, TK(i + 2).w.month, (int)TK(i).num};
	if (!an_date_valid(d))
		return 0;
	an_tx_set_point(m, d, AN_GRAN_DAY);
	return i + 5;
}

/* "on the 14th": only after a preposition of time and before the end of
 * the phrase, so "on the 14th floor", "the 20th century", "finished in
 * the 3rd" stay out.  The month is the one of the day or month last
 * named ("met on Nov. 3 and again on the 10th"), else the DCT's, moved
 * by the tense to the month after or before when the day has passed or
 * is still to come. */
size_t an_tx_ordinal_day(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	if (an_tx_num(c, i))
		return day_mon_year(m, c, i);
	static const char *const preps[] = {"on", "by", "until", "till", "from", "to", "since",
	                                    "before", "after", "through", NULL};
	static const char *const ends[] = {"and", "to", "through", "until", "at", "when", "but",
	                                   NULL};
	static const char *const sfx[] = {"st", "nd", "rd", "th", NULL};
	/* "Friday the 13th", "on Sunday, the 9th": the month nearest the
	 * base in which the day falls on that weekday */
	int wday = 0;
	size_t w = i;
	if (an_tx_word(c, i) && (TK(i).w.cls & AN_TXW_WDAY) && TK(i).cap &&
	    !(TK(i).w.cls & AN_TXW_ABBR)) {
		wday = TK(i).w.wday;
		i += an_tx_is_punct(c, i + 1, ',') ? 2 : 1;
	}
	if (wday && !an_tx_is(c, i, "the"))
		return 0;
	if (i == 0 || i + 3 > c->n || !an_tx_is(c, i, "the") ||
	    (!wday && !an_tx_one_of(c, i - 1, preps)) ||
	    !an_tx_num(c, i + 1) || TK(i + 1).ndig > 2 || TK(i + 1).num < 1 ||
	    TK(i + 1).num > 31 || TK(i + 2).space || !an_tx_one_of(c, i + 2, sfx))
		return 0;
	size_t e = i + 3;
	if (e < c->n && !(TK(e).kind == AN_TK_PUNCT && (TK(e).space || TK(e).low[0] != '-')) &&
	    !(TK(e).space && an_tx_one_of(c, e, ends)))
		return 0;
	/* "the 14th and 15th floors", "to the 10th and final round" */
	if (an_tx_is(c, e, "and") && e + 1 < c->n && (an_tx_word(c, e + 1) || an_tx_num(c, e + 1)) &&
	    !an_tx_is(c, e + 1, "the") && !(TK(e + 1).w.cls & AN_TXW_WDAY))
		return 0;
	an_date d = c->dct;
	int day = (int)TK(i + 1).num;
	if (c->ref.g == AN_GRAN_DAY || c->ref.g == AN_GRAN_MONTH) {
		d = c->ref.d;
	} else {
		int dir = an_tx_direction(c, i, e);
		if (dir > 0 && day < d.d)
			d = an_tx_shift((an_date){d.y, d.m, 1}, AN_TXU_MONTH, 1);
		else if (dir < 0 && day > d.d)
			d = an_tx_shift((an_date){d.y, d.m, 1}, AN_TXU_MONTH, -1);
	}
	d.d = day;
	if (wday) {
		an_date best = {0, 0, 0};
		/* this month, then the ones after and before it in turn; only
		 * in the tense's direction when there is one */
		int dir = an_tx_direction(c, w, e);
		for (int k = 0; k < 29 && !best.y; k++) {
			int n = (k + 1) / 2 * (k % 2 ? 1 : -1);
			if ((dir > 0 && n < 0) || (dir < 0 && n > 0))
				continue;
			an_date t = an_tx_shift((an_date){d.y, d.m, 1}, AN_TXU_MONTH, n);
			t.d = day;
			if (an_date_valid(t) && an_date_weekday(t) == wday)
				best = t;
		}
		if (!best.y)
			return 0;
		d = best;
	}
	if (!an_date_valid(d))
		return 0;
	an_tx_set_point(m, d, AN_GRAN_DAY);
	m->the_ok = 1;
	return e;
}
