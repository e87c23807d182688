/* timex_trade.c - forms of the trade press (commodities, energy,
 * shipping, travel): "mid-month", and the second of two periods
 * written elliptically, "this year and next".  Called from an_tx_rel
 * (timex_rel.c).  Also a market's time of day, which the clock times
 * (timex_clock.c) ask about. */
#include "timex_impl.h"

#include <string.h>

#define TK(i) (c->tk[(i)])

/* "mid-month", "midmonth": the middle of the DCT's month, or of the one
 * before in a past clause written early in the month ("loadings slowed
 * mid-month" on the 3rd), of the next in a future one written late in
 * it ("will load mid-month" on the 25th).  "mid-month data" is an
 * adjective, as "midweek games" is. */
static size_t midmonth(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	size_t e = an_tx_mid_word(c, i, "midmonth", "month");
	if (!e)
		return 0;
	static const char *const after[] = {"and", "or", "as", "when", "after", "before", "at",
	                                    "in", "on", "to", "from", NULL};
	if (an_tx_word(c, e) && !TK(e).cap && !an_tx_one_of(c, e, after))
		return 0;
	int dir = an_tx_direction(c, i, e);
	an_date d = c->dct;
	if (dir < 0 && d.d <= 10)
		d = an_date_add_months(d, -1);
	else if (dir > 0 && d.d >= 20)
		d = an_date_add_months(d, 1);
	an_tx_set_point(m, d, AN_GRAN_MONTH);
	m->anchor.g = AN_GRAN_NONE;
	an_tx_copy(m->mod, sizeof m->mod, "MID");
	return e;
}

/* "this year and next", "this week or next", "last year and this": the
 * unit is left out of the second period, which is still a date of its
 * own (the year after the DCT's).  Only at the end of the phrase: "this
 * year and next to nothing", "last month and this one" keep their
 * words. */
static size_t elliptic(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	if (i < 3 || !(an_tx_is(c, i, "next") || an_tx_is(c, i, "this")) ||
	    !(an_tx_is(c, i - 1, "and") || an_tx_is(c, i - 1, "or")) || TK(i).cap)
		return 0;
	if (i + 1 < c->n && TK(i + 1).kind != AN_TK_PUNCT)
		return 0;
	int first = an_tx_is(c, i - 3, "this") ? 0 : an_tx_is(c, i - 3, "last") ? -1 : 9;
	int second = TK(i).low[0] == 'n' ? 1 : 0;
	if (first == 9 || second <= first)
		return 0;
	static const struct {
		const char *w;
		an_tx_unit u;
		an_granularity g;
	} units[] = {{"year", AN_TXU_YEAR, AN_GRAN_YEAR},
	             {"month", AN_TXU_MONTH, AN_GRAN_MONTH},
	             {"week", AN_TXU_WEEK, AN_GRAN_WEEK},
	             {"quarter", AN_TXU_QUARTER, AN_GRAN_QUARTER}};
	for (size_t k = 0; k < sizeof units / sizeof units[0]; k++) {
		if (!an_tx_is(c, i - 2, units[k].w))
			continue;
		an_tx_set_point(m, an_tx_shift(c->dct, units[k].u, second), units[k].g);
		m->anchor.g = AN_GRAN_NONE;
		return i + 1;
	}
	return 0;
}

/* One entry in an_tx_rel's table for both: the two never start on the
 * same word, and each entry costs a cleared match at every word. */
size_t an_tx_trade(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	const char *w = c->tk[i].low;
	if (w[0] == 'm')
		return midmonth(m, c, i);
	if (w[0] == 'n' || w[0] == 't')
		return elliptic(m, c, i);
	return 0;
}

/* "The yen was little changed at 108.8 per dollar at 3 p.m. in Tokyo",
 * "traded at $1.0557 at 2:30 p.m. in London": a market's time, with its
 * place after it, is of the news day, whatever day an earlier sentence
 * named (one named in its own sentence still counts). */
int an_tx_market_time(const an_tx_ctx *c, size_t i, size_t at)
{
	/* (or before it, after a price's move: "shares rose 3.8 percent to
	 * 53.10 euros in Amsterdam by noon") */
	static const char *const moves[] = {"percent", "cents", "euros", "pence", "points", "yen",
	                                    NULL};
	int before = 0, by = i > 2 && (an_tx_is(c, i - 1, "by") || an_tx_is(c, i - 1, "at"));
	if (i > 3 && by && an_tx_word(c, i - 2) && TK(i - 2).cap && !TK(i - 2).sent &&
	    !(TK(i - 2).w.cls & (AN_TXW_MONTH | AN_TXW_WDAY)) && an_tx_is(c, i - 3, "in"))
		for (size_t k = i - 3; k > 0 && !TK(k).sent && i - k < 16 && !before; k--)
			before = an_tx_one_of(c, k - 1, moves) || an_tx_is_punct(c, k - 1, '%');
	/* (or right after the price: "fell 2.1 percent to 13.40 euros by
	 * 1530 GMT") */
	if (by && (an_tx_one_of(c, i - 2, moves) || an_tx_is_punct(c, i - 2, '%')))
		before = 1;
	if (!before &&
	    (at + 1 >= c->n || !an_tx_is(c, at, "in") || !an_tx_word(c, at + 1) || !TK(at + 1).cap ||
	     (TK(at + 1).w.cls & (AN_TXW_MONTH | AN_TXW_WDAY))))
		return 0;
	if (c->day_at && an_tx_one_sentence(c, c->day_at - 1, i))
		return 0;
	return !(c->ref.g >= AN_GRAN_DAY && c->ref_at < i && an_tx_one_sentence(c, c->ref_at, i));
}
