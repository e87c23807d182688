/* timex_report.c - reporting periods of business news that the calendar
 * matchers leave: the quarter before the one a story reports on ("the
 * prior quarter"), "the prior-year quarter", "full-year" and "the holiday
 * quarter".  Matchers as in timex_rules.c, which runs them. */
#include "timex_impl.h"

#define TK(i) (c->tk[(i)])

/* Token i is glued to a hyphen and the word after it: "prior-year". */
static int hyphened(const an_tx_ctx *c, size_t i, const char *next)
{
	return an_tx_is_punct(c, i + 1, '-') && !TK(i + 1).space && an_tx_is(c, i + 2, next) &&
	       !TK(i + 2).space;
}

/* Nouns after "full-year" that make it a year of results or of a
 * forecast; "a full-year ban" is a length of time. */
static const char *const result_nouns[] = {
	"results", "profit", "profits", "earnings", "revenue", "revenues", "sales", "loss",
	"losses", "net", "dividend", "figures", "performance", "growth", "income", "margin",
	"margins", NULL};
static const char *const forecast_nouns[] = {
	"guidance", "outlook", "forecast", "forecasts", "target", "targets", "estimate",
	"estimates", "projections", NULL};

size_t an_tx_report(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	/* "full-year results": the year of the quarter the story reports on
	 * (the DCT's when none); "full-year guidance" the DCT's, the year
	 * still running ("fourth-quarter profit ... full-year guidance" in
	 * January); "full-year 2025" is the year named (an_tx_year) */
	int forecast = 0;
	if (an_tx_is(c, i, "full") && hyphened(c, i, "year") &&
	    ((forecast = an_tx_one_of(c, i + 3, forecast_nouns)) ||
	     an_tx_one_of(c, i + 3, result_nouns))) {
		an_date y = {c->dct.y, 1, 1};
		if (!forecast && c->quarter.g == AN_GRAN_QUARTER)
			y.y = c->quarter.d.y;
		an_tx_set_point(m, y, AN_GRAN_YEAR);
		m->anchor.g = AN_GRAN_NONE;
		return i + 3;
	}
	if (!an_tx_is(c, i, "the"))
		return 0;
	size_t j = i + 1;
	/* "the prior quarter", "the previous fiscal quarter": the one before
	 * the quarter the story reports on, as "the quarter" is that one */
	if (an_tx_is(c, j, "prior") || an_tx_is(c, j, "previous") || an_tx_is(c, j, "preceding")) {
		size_t k = an_tx_is(c, j + 1, "fiscal") ? j + 2 : j + 1;
		if (an_tx_is(c, k, "quarter") && !an_tx_glued_on(c, k)) {
			an_tx_set_point(m, an_date_add_months(an_tx_story_quarter(c), -3),
			                AN_GRAN_QUARTER);
			m->anchor.g = AN_GRAN_NONE;
			m->modable = 1;
			return k + 1;
		}
		/* "the prior-year quarter", "the prior-year period": the
		 * story's quarter a year back, as "the year-ago quarter" */
		if (an_tx_is(c, j, "prior") && hyphened(c, j, "year") &&
		    (an_tx_is(c, j + 3, "quarter") || an_tx_is(c, j + 3, "period"))) {
			an_tx_set_point(m, an_date_add_months(an_tx_story_quarter(c), -12),
			                AN_GRAN_QUARTER);
			m->anchor.g = AN_GRAN_NONE;
			return j + 4;
		}
		return 0;
	}
	/* "the holiday quarter": the calendar quarter that ends with
	 * December, as "the December quarter" */
	if (an_tx_is(c, j, "holiday") && an_tx_is(c, j + 1, "quarter") && !TK(j).cap &&
	    !an_tx_glued_on(c, j + 1)) {
		an_date d = {an_tx_month_year(c->dct, 12, an_tx_direction(c, i, j + 2), 0), 10, 1};
		an_tx_set_point(m, d, AN_GRAN_QUARTER);
		m->modable = 1;
		return j + 2;
	}
	return 0;
}
