/* timex_report.c - reporting periods of business news that the calendar
 * matchers leave: the quarter before the one a story reports on ("the
 * prior quarter"), "the prior-year quarter", "full-year" and "the holiday
 * quarter"; the latest, current and year-ago periods, "the fiscal year",
 * "year-end", "the week ended Nov. 8" (an_tx_report_period, which
 * an_tx_rel runs).  Matchers as in timex_rules.c, which runs them. */
#include "timex_impl.h"

#include <stdio.h>
#include <string.h>

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

an_date an_tx_quarter_ended(an_date end)
{
	an_date q = an_date_add_months(end, -1);
	q.m = (q.m - 1) / 3 * 3 + 1;
	q.d = 1;
	return q;
}

/* The quarter a business story is about: the one last named (see
 * an_tx_ctx.quarter), else the last one completed before the DCT. */
an_date an_tx_story_quarter(const an_tx_ctx *c)
{
	if (c->quarter.g == AN_GRAN_QUARTER)
		return c->quarter.d;
	return an_date_add_months(c->dct, -3);
}

/* Reporting periods: "the latest quarter", "the current quarter", "the
 * year", "the fiscal year", "the year-earlier quarter", "year-ago". */
/* "a year ago", "a year earlier", "last year" right after a reporting
 * period ("the quarter a year ago"): returns the index after it, 0 if
 * none. */
static size_t year_back(const an_tx_ctx *c, size_t j)
{
	if ((an_tx_is(c, j, "a") || an_tx_is(c, j, "one")) && an_tx_is(c, j + 1, "year") &&
	    (an_tx_is(c, j + 2, "ago") || an_tx_is(c, j + 2, "earlier")))
		return j + 3;
	if (an_tx_is(c, j, "last") && an_tx_is(c, j + 1, "year") &&
	    !(j + 2 < c->n && !TK(j + 2).space && TK(j + 2).kind == AN_TK_PUNCT &&
	      (TK(j + 2).low[0] == '\'' || (unsigned char)TK(j + 2).low[0] == 0xe2)))
		return j + 2; /* not "last year's" */
	return 0;
}

/* The fiscal year that the clause at k tells the end or start of:
 * "ended Sept. 30" (the last Sept. 30), "ends June 30" (the next),
 * "began Oct. 1", "begins July 1" (the year it ends in: 2019 for one
 * that begins on July 1, 2018).  0 when k holds no such clause. */
static int fiscal_year_told(const an_tx_ctx *c, size_t k)
{
	static const char *const ends[] = {"ended", "ends", "ending", "began", "begins",
	                                   "beginning", "started", "starts", "starting", NULL};
	if (!an_tx_one_of(c, k, ends) || !an_tx_word(c, k + 1) || !TK(k + 1).cap ||
	    !(TK(k + 1).w.cls & AN_TXW_MONTH))
		return 0;
	size_t d = k + 2 + (an_tx_is_punct(c, k + 2, '.') && !TK(k + 2).space);
	if (d >= c->n || !an_tx_num(c, d) || TK(d).num < 1 || TK(d).num > 31)
		return 0;
	int mon = TK(k + 1).w.month, day = (int)TK(d).num;
	int past = TK(k).low[strlen(TK(k).low) - 1] == 'd' || an_tx_is(c, k, "began");
	int end = TK(k).low[0] == 'e';
	int later = mon > c->dct.m || (mon == c->dct.m && day > c->dct.d);
	int y = past ? c->dct.y - later : c->dct.y + !later;
	return end ? y : y + (mon > 1 || day > 1);
}

/* A year "1988" at i (four digits, 1900-2100, standing alone). */
static int plain_year(const an_tx_ctx *c, size_t i)
{
	if (i >= c->n || TK(i).kind != AN_TK_NUM || TK(i).ndig != 4 || TK(i).num < 1900 ||
	    TK(i).num > 2100)
		return 0;
	if (i + 1 < c->n && !TK(i + 1).space)
		return 0;
	return TK(i).space || i == 0;
}

size_t an_tx_report_period(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	size_t j = i;
	int latest = 0, current = 0, ago_adj = 0, same = 0, full = 0;
	int the = an_tx_is(c, j, "the") || an_tx_is(c, j, "its");
	if (the)
		j++;
	/* "by the end of the calendar year": the DCT's year, the calendar's
	 * against a fiscal year ("The calendar year is long", a subject,
	 * is any year's) */
	if (the && an_tx_is(c, j, "calendar") && an_tx_is(c, j + 1, "year") && !TK(i).cap) {
		an_date y = {c->dct.y, 1, 1};
		an_tx_set_point(m, y, AN_GRAN_YEAR);
		m->anchor.g = AN_GRAN_NONE;
		m->modable = 1;
		return j + 2;
	}
	/* "last year's quarter": the story's quarter a year back */
	if (!the && an_tx_is(c, j, "last") && an_tx_is(c, j + 1, "year") && j + 3 < c->n &&
	    !TK(j + 2).space && !TK(j + 3).space &&
	    (TK(j + 2).low[0] == '\'' || strcmp(TK(j + 2).low, "\xe2\x80\x99") == 0) &&
	    an_tx_is(c, j + 3, "s") &&
	    (an_tx_is(c, j + 4, "quarter") || an_tx_is(c, j + 4, "period"))) {
		an_date q = an_date_add_months(an_tx_story_quarter(c), -12);
		an_tx_set_point(m, q, AN_GRAN_QUARTER);
		m->anchor.g = AN_GRAN_NONE;
		return j + 5;
	}
	/* "the 1988 quarter", "the 1989 period": the story's quarter in that
	 * year, or the year when the story is about a year-to-date period
	 * ("the first nine months ... the 1988 period") or names no quarter */
	if (the && plain_year(c, j) &&
	    (an_tx_is(c, j + 1, "quarter") || an_tx_is(c, j + 1, "period"))) {
		an_date q = an_tx_story_quarter(c);
		q.y = (int)TK(j).num;
		int quarter = an_tx_is(c, j + 1, "quarter") ||
		              (c->quarter.g == AN_GRAN_QUARTER && c->ref.g != AN_GRAN_YEAR);
		if (quarter)
			an_tx_set_point(m, q, AN_GRAN_QUARTER);
		else
			an_tx_set_point(m, q, AN_GRAN_YEAR);
		m->anchor.g = AN_GRAN_NONE;
		return j + 2;
	}
	/* "the week ended Nov. 8", "the month ending Oct. 31": seven days or
	 * a month counted back from a day, the weekly figures' period; a
	 * DURATION like "the year ended March 31" */
	/* "in the week to Friday", "for the month through Oct. 31" likewise */
	static const char *const upto[] = {"to", "through", NULL};
	static const char *const span[] = {"in", "for", "over", NULL};
	if (the && (an_tx_is(c, j, "week") || an_tx_is(c, j, "month")) &&
	    (an_tx_is(c, j + 1, "ended") || an_tx_is(c, j + 1, "ending") ||
	     (an_tx_one_of(c, j + 1, upto) && i > 0 && an_tx_one_of(c, i - 1, span))) &&
	    (an_tx_cls(c, j + 2) & (AN_TXW_MONTH | AN_TXW_WDAY)) && TK(j + 2).cap) {
		an_tx_set_value(m, AN_TIMEX_DURATION, TK(j).low[0] == 'w' ? "P1W" : "P1M");
		return j + 1;
	}
	/* "by year-end", "since year end", "before year's end": the end of
	 * the DCT's year, of the year before after "since"; "year-end net" is
	 * an adjective */
	/* also "at month-end", "into quarter-end": the DCT's month or
	 * quarter, the one before after "since" */
	/* "by end of year", a headline's "by the end of the year", alike */
	size_t u = j, eo = 0;
	if (!the && an_tx_is(c, j, "end") && an_tx_is(c, j + 1, "of"))
		eo = u = j + 2;
	if (!the && (an_tx_is(c, u, "year") || an_tx_is(c, u, "month") || an_tx_is(c, u, "quarter")) &&
	    i > 0) {
		size_t k = u + 1;
		if (eo)
			k = eo;
		else if (an_tx_is_punct(c, k, '-') && !TK(k).space && k + 1 < c->n && !TK(k + 1).space)
			k++;
		else if (k + 1 < c->n && !TK(k).space && TK(k).kind == AN_TK_PUNCT &&
		         (TK(k).low[0] == '\'' || (unsigned char)TK(k).low[0] == 0xe2) &&
		         an_tx_is(c, k + 1, "s"))
			k += 2;
		static const char *const preps[] = {"by", "at", "since", "before", "after",
		                                    "until", "till", "around", "through",
		                                    "near", "toward", "towards", "from", "to",
		                                    "of", "into", NULL};
		int prep = 0;
		for (size_t p = 0; preps[p]; p++)
			if (an_tx_is(c, i - 1, preps[p]))
				prep = 1;
		if (prep && (eo || an_tx_is(c, k, "end"))) {
			/* "rose to 12 million at quarter-end": in a past clause the
			 * last end over, unless the DCT's period ends within a week */
			static const char *const stative[] = {"at", "of", "around", "near", "into",
			                                      "after", NULL};
			int lm = an_tx_is(c, u, "month") ? c->dct.m
			         : an_tx_is(c, u, "quarter") ? (c->dct.m - 1) / 3 * 3 + 3 : 12;
			an_date pe = {c->dct.y, lm, an_date_days_in_month(c->dct.y, lm)};
			int since = an_tx_is(c, i - 1, "since") ||
			            (an_tx_one_of(c, i - 1, stative) && an_tx_direction(c, i, k + 1) < 0 &&
			             an_date_to_days(pe) - an_date_to_days(c->dct) > 7);
			if (an_tx_is(c, u, "month") || an_tx_is(c, u, "quarter")) {
				int q = an_tx_is(c, u, "quarter");
				an_date x = an_date_add_months(c->dct, since ? (q ? -3 : -1) : 0);
				an_tx_set_point(m, x, q ? AN_GRAN_QUARTER : AN_GRAN_MONTH);
				m->anchor.g = AN_GRAN_NONE;
				an_tx_copy(m->mod, sizeof m->mod, "END");
				return k + 1;
			}
			an_date y = {c->dct.y - (since ? 1 : 0), 1, 1};
			int wy = 0; /* "at year-end 2024": the year written */
			if (!eo && an_tx_year_at(c, k + 1, &wy))
				y.y = wy;
			an_tx_set_point(m, y, AN_GRAN_YEAR);
			m->anchor.g = AN_GRAN_NONE;
			an_tx_copy(m->mod, sizeof m->mod, "END");
			return k + 1 + (wy != 0);
		}
	}
	/* (six words at most: a run of them must not be read again from
	 * each of its words) */
	for (size_t j0 = j; j - j0 < 6;) {
		if (an_tx_is(c, j, "latest") || an_tx_is(c, j, "recent"))
			latest = 1;
		else if (an_tx_is(c, j, "current"))
			current = 1;
		else if (an_tx_is(c, j, "comparable") || an_tx_is(c, j, "same") ||
		         an_tx_is(c, j, "corresponding"))
			same = 1;
		else if (an_tx_is(c, j, "full"))
			full = 1;
		else if (!an_tx_is(c, j, "fiscal"))
			break;
		j++;
	}
	if (an_tx_is(c, j, "year") && an_tx_is_punct(c, j + 1, '-') && !TK(j + 1).space &&
	    (an_tx_is(c, j + 2, "earlier") || an_tx_is(c, j + 2, "ago")) && !TK(j + 2).space) {
		ago_adj = 1;
		j += 3;
		size_t k = j;
		if (an_tx_word(c, k) && (TK(k).w.cls & AN_TXW_ORD) && TK(k).w.ord <= 4 &&
		    an_tx_is(c, k + 1, "quarter"))
			k++;
		an_date q = an_date_add_months(an_tx_story_quarter(c), -12);
		if (an_tx_is(c, k, "quarter") || an_tx_is(c, k, "period")) {
			if (k > j)
				q.m = (TK(j).w.ord - 1) * 3 + 1;
			an_tx_set_point(m, q, AN_GRAN_QUARTER);
			m->anchor.g = AN_GRAN_NONE;
			return k + 1;
		}
		if (the)
			return 0;
		if (c->ref.g == AN_GRAN_QUARTER)
			an_tx_set_point(m, q, AN_GRAN_QUARTER);
		else
			an_tx_set_point(m, an_date_add_months(c->dct, -12), AN_GRAN_YEAR);
		m->anchor.g = AN_GRAN_NONE;
		return j;
	}
	(void)ago_adj;
	if (!the)
		return 0;
	size_t back = year_back(c, j + 1);
	/* (a period is a quarter only in a story that named one: "ticket
	 * sales since May 1 ... the same period last year" is the year) */
	if (back && !latest && !current &&
	    (an_tx_is(c, j, "quarter") ||
	     (an_tx_is(c, j, "period") && same && c->quarter.g == AN_GRAN_QUARTER))) {
		/* "the quarter a year ago", "the corresponding period last year" */
		an_tx_set_point(m, an_date_add_months(an_tx_story_quarter(c), -12), AN_GRAN_QUARTER);
		m->anchor.g = AN_GRAN_NONE;
		return back;
	}
	if (an_tx_is(c, j, "quarter") || (an_tx_is(c, j, "period") && (latest || current))) {
		if (an_tx_is_punct(c, j + 1, '-') && !TK(j + 1).space)
			return 0;
		/* "the latest quarter" is the one the story reports on, as is
		 * "the quarter"; with none named and a cue ahead ("will stop
		 * selling it at the end of the quarter") the one under way */
		an_date q = current || (c->quarter.g != AN_GRAN_QUARTER && !latest &&
		                        an_tx_direction(c, i, j + 1) > 0)
		                ? c->dct
		                : an_tx_story_quarter(c);
		/* "the quarter ended July 31": the calendar quarter that holds
		 * most of its three months, that of the month before the last
		 * (unless the story named its quarter by a label: "the fiscal
		 * third quarter ... the quarter ended March 31") */
		int em = an_tx_is(c, j, "quarter") && !current && !latest &&
		                 c->quarter.g != AN_GRAN_QUARTER &&
		                 (an_tx_is(c, j + 1, "ended") || an_tx_is(c, j + 1, "ending")) &&
		                 TK(j + 2).cap
		             ? TK(j + 2).w.month : 0;
		if (em > 0) {
			int ending = an_tx_is(c, j + 1, "ending");
			an_date end = {ending ? an_tx_ending_year(c->dct, em, 3)
			                      : em <= c->dct.m ? c->dct.y : c->dct.y - 1,
			               em, 1};
			q = an_tx_quarter_ended(end);
		}
		an_tx_set_point(m, q, AN_GRAN_QUARTER);
		m->anchor.g = AN_GRAN_NONE;
		m->modable = 1;
		return j + 1;
	}
	if (an_tx_is(c, j, "year") && !(j + 1 < c->n && !TK(j + 1).space &&
	                                 TK(j + 1).kind == AN_TK_PUNCT && TK(j + 1).low[0] == '-')) {
		if (an_tx_is(c, j + 1, "before") || an_tx_is(c, j + 1, "after") ||
		    an_tx_is(c, j + 1, "earlier") || an_tx_is(c, j + 1, "ago") ||
		    (an_tx_is(c, j + 1, "two") && an_tx_is(c, j + 2, "thousand")) ||
		    (j + 1 < c->n && TK(j + 1).kind == AN_TK_NUM))
			return 0;
		/* "the fiscal year that ended Sept. 30", "the fiscal year that
		 * begins July 1": that fiscal year, named by the calendar year
		 * it ends in */
		if (j > 0 && (an_tx_is(c, j - 1, "fiscal") || an_tx_is(c, j - 1, "financial")) &&
		    an_tx_is(c, j + 1, "that")) {
			int fy = fiscal_year_told(c, j + 2);
			if (fy) {
				an_date y = {fy, 1, 1};
				an_tx_set_point(m, y, AN_GRAN_YEAR);
				m->anchor.g = AN_GRAN_NONE;
				return j + 1;
			}
		}
		/* "the year ended March 31", "the fiscal year ending in June": a
		 * twelve-month period that is no calendar year */
		/* but "has until the end of the year to respond" is the year */
		int to_month = (an_tx_is(c, j + 1, "through") || an_tx_is(c, j + 1, "to")) &&
		               (an_tx_cls(c, j + 2) & AN_TXW_MONTH) && TK(j + 2).cap;
		if (an_tx_is(c, j + 1, "ended") || an_tx_is(c, j + 1, "ending") || to_month) {
			an_tx_set_value(m, AN_TIMEX_DURATION, "P1Y");
			return j + 1;
		}
		/* "in the year to date": the DCT's year, so far; "to date" is part
		 * of it as it is of "year-to-date" */
		if (the && an_tx_is(c, j + 1, "to") && an_tx_is(c, j + 2, "date")) {
			an_tx_set_point(m, c->dct, AN_GRAN_YEAR);
			m->anchor.g = AN_GRAN_NONE;
			return j + 3;
		}
		static const char *const clause[] = {"she", "he", "they", "i", "we", "you", "it",
		                                     "when", NULL};
		/* "the full year" of a story on a quarter is the quarter's year
		 * ("fourth-quarter profit fell" in January ... "for the full year") */
		/* and so is "profit for the year was ..." after a fourth quarter
		 * of last year: that year's results ("the plan for the year is"
		 * looks ahead) */
		int q4 = c->quarter.g == AN_GRAN_QUARTER && c->quarter.d.m >= 10 &&
		         c->quarter.d.y == c->dct.y - 1 && i > 0 && an_tx_is(c, i - 1, "for") &&
		         an_tx_direction(c, i, j + 1) < 0;
		an_date at = (full || q4) && c->quarter.g == AN_GRAN_QUARTER ? c->quarter.d : c->dct;
		if (i > 1 && an_tx_is_punct(c, i - 1, ',') && an_tx_num(c, i - 2) &&
		    c->ref.g == AN_GRAN_YEAR && TK(i - 2).num == c->ref.d.y)
			at = c->ref.d; /* "In 1975, the year she turned 30": 1975 */
		/* "Crime fell by 4 per cent in 2001, according to the report for
		 * the year": a past year written earlier in the sentence (not a
		 * year of a relative clause: "the review, which began in 2010,
		 * would be completed by the end of the year") */
		else if (!full && i > 0 && (an_tx_is(c, i - 1, "for") || an_tx_is(c, i - 1, "of")) &&
		         c->ref.g == AN_GRAN_YEAR && c->ref.d.y < c->dct.y && c->ref_at < i &&
		         an_tx_num(c, c->ref_at) && an_tx_one_sentence(c, c->ref_at, i) &&
		         !an_tx_in_relative(c, c->ref_at))
			at = c->ref.d;
		/* "the Nasdaq ended the year above 4,000", said on Jan. 3: the
		 * year that just closed */
		else if (c->dct.m == 1 && i > 0 && j == i + 1 &&
		         (an_tx_is(c, i - 1, "ended") || an_tx_is(c, i - 1, "closed") ||
		          an_tx_is(c, i - 1, "finished")))
			at.y--;
		else if (j == i + 1 && an_tx_one_of(c, j + 1, clause)) {
			m->skip = 1; /* "the year she turned 30": an event's year */
			return j + 1;
		}
		an_tx_set_point(m, at, AN_GRAN_YEAR);
		m->anchor.g = AN_GRAN_NONE;
		m->modable = 1;
		return j + 1;
	}
	return 0;
}
