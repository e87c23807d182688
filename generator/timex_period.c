/* timex_period.c - the periods of business and sport: quarters and
 * halves ("the third quarter", "Q3 2025", "H1"), fiscal years ("FY26"),
 * the second year of a two-year span ("2022-23") and seasons ("the summer
 * of 1989", "in the fall").  Matchers as in timex_rules.c, which runs
 * them. */
#include "timex_impl.h"

#include <stdio.h>
#include <string.h>

#define TK(i) (c->tk[(i)])

/* "the second week of July 2024", "the last week of June": the ISO week
 * that holds the month's day 1 + 7(n - 1), or its last day; "the first
 * weekend of December" the weekend of its first Saturday; "the first
 * days of October", "the last months of 1918": the month or the year with
 * mod START/END.  "the first week of the war" names no calendar. */
static size_t part_of(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	int n;
	if (an_tx_is(c, i, "last") || an_tx_is(c, i, "final"))
		n = -1;
	else if (an_tx_word(c, i) && (TK(i).w.cls & AN_TXW_ORD) && TK(i).w.ord <= 5)
		n = TK(i).w.ord;
	else
		return 0;
	int weekend = an_tx_is(c, i + 1, "weekend");
	int week = weekend || an_tx_is(c, i + 1, "week");
	if (!week && !an_tx_is(c, i + 1, "days") && !an_tx_is(c, i + 1, "weeks") &&
	    !an_tx_is(c, i + 1, "months"))
		return 0;
	if (!an_tx_is(c, i + 2, "of") || (!week && n > 1))
		return 0;
	an_tx_match x;
	memset(&x, 0, sizeof x);
	size_t e = an_tx_month(&x, c, i + 3);
	if (!e) {
		memset(&x, 0, sizeof x);
		e = an_tx_year(&x, c, i + 3);
	}
	if (!e || x.type != AN_TIMEX_DATE || x.mod[0])
		return 0;
	an_granularity g = x.anchor.g;
	if (week) {
		if (g != AN_GRAN_MONTH)
			return 0;
		an_date d = x.anchor.d;
		d.d = n < 0 ? an_date_days_in_month(d.y, d.m) : 1 + 7 * (n - 1);
		if (d.d > an_date_days_in_month(d.y, d.m))
			return 0;
		/* "the first weekend of December": that of the month's first
		 * Saturday (its last: that of the last Saturday) */
		if (weekend)
			d = an_tx_weekday_date(d, 6, n < 0 ? -1 : 1);
		an_tx_set_point(m, d, AN_GRAN_WEEK);
		m->anchor.g = AN_GRAN_NONE;
		if (weekend)
			an_tx_mark_weekend(m);
	} else {
		if (g != AN_GRAN_YEAR && (g != AN_GRAN_MONTH || an_tx_is(c, i + 1, "months")))
			return 0;
		*m = x;
		an_tx_copy(m->mod, sizeof m->mod, n < 0 ? "END" : "START");
	}
	m->the_ok = 1;
	return e;
}

static int money_sentence(const an_tx_ctx *c, size_t i);

/* The year of a quarter or half named without one, `first` its first
 * month: the DCT's, unless that one has not begun and last year's ended
 * nearer the DCT ("fourth-quarter profit fell" in January is last year's,
 * "the second quarter" in January this year's).  A future cue keeps the
 * DCT's year ("plans to sell it in the second half"), except for the
 * quarter just over, whose results are news for the next three months
 * ("analysts expect fourth-quarter earnings" in January). */
static int period_year(const an_tx_ctx *c, size_t tb, size_t te, int first, int months)
{
	an_date start = {c->dct.y, first, 1}, prev = {c->dct.y - 1, first, 1};
	long now = an_date_to_days(c->dct), from = an_date_to_days(start);
	long ended = an_date_to_days(an_date_add_months(prev, months));
	/* and the mirror: "will decide by the end of the first quarter" in
	 * November is next year's, this year's being over for more than the
	 * three months in which its results are still news ("will report
	 * third-quarter results" in November) */
	if (from <= now) {
		long over = an_date_to_days(an_date_add_months(start, months));
		if (now - over > 92 && an_tx_direction(c, tb, te) > 0)
			return c->dct.y + 1;
		return c->dct.y;
	}
	/* not begun this year: a past clause means last year's ("rose to
	 * 212 in the fourth quarter from 38 in the third quarter", March);
	 * not a fiscal quarter, which may have begun the calendar year
	 * before, nor one about to begin, which a past hope may look to
	 * ("had hoped to see orders stabilize by the fourth quarter" in
	 * late September) */
	int fiscal = 0;
	for (size_t k = tb; k < te && !fiscal; k++)
		fiscal = an_tx_is(c, k, "fiscal");
	if (!fiscal && from - now > 45 && an_tx_direction(c, tb, te) < 0)
		return c->dct.y - 1;
	if (now - ended >= from - now)
		return c->dct.y;
	/* (the results of the quarter just over are news; a launch "will
	 * follow in the fourth quarter" in January is this year's) */
	/* (nor is a deadline: "back on a growth track by the fourth
	 * quarter" in March) */
	size_t pb = tb > 1 && an_tx_is(c, tb - 1, "the") ? tb - 1 : tb;
	int by = pb > 0 && (an_tx_is(c, pb - 1, "by") || an_tx_is(c, pb - 1, "until") ||
	                    an_tx_is(c, pb - 1, "before"));
	if ((months != 3 || now - ended > 92 || by || !money_sentence(c, tb)) &&
	    an_tx_direction(c, tb, te) > 0)
		return c->dct.y;
	return c->dct.y - 1;
}

/* "the third quarter", "third-quarter", "the fourth quarter of 1997",
 * "the first half of 2025", "the 1988 second quarter". */
size_t an_tx_quarter(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	size_t j = i;
	size_t pe = part_of(m, c, i);
	if (pe)
		return pe;
	int year = 0, q = 0, half = 0, lastw = 0;
	if (an_tx_year_at(c, j, &year))
		j++;
	/* "this year's third quarter", "next year's first quarter" */
	int step;
	if (an_tx_deictic_step(c, j, &step) && an_tx_is(c, j + 1, "year") && j + 3 < c->n &&
	    !TK(j + 2).space &&
	    (TK(j + 2).low[0] == '\'' || strcmp(TK(j + 2).low, "\xe2\x80\x99") == 0) &&
	    an_tx_is(c, j + 3, "s")) {
		year = c->dct.y + step;
		j += 4;
	}
	if (an_tx_is(c, j, "fiscal"))
		j++;
	/* "the September quarter", "the December quarter": the calendar
	 * quarter that ends with (or holds) the month, in the month's year */
	if (an_tx_word(c, j) && (TK(j).w.cls & AN_TXW_MONTH) && an_tx_is(c, j + 1, "quarter") &&
	    !year && j > 0 && an_tx_is(c, j - 1, "the") && TK(j).cap &&
	    !(TK(j).w.cls & AN_TXW_ABBR) && !an_tx_capital(c, j + 1)) {
		int mon = TK(j).w.month, y;
		size_t e = j + 2;
		if ((an_tx_is(c, e, "of") || an_tx_is(c, e, "in")) && an_tx_year_at(c, e + 1, &y))
			e += 2; /* "the September quarter of 2024" */
		else
			y = an_tx_month_year(c->dct, mon, an_tx_direction(c, i, j + 2), 0);
		an_date d = {y, (mon - 1) / 3 * 3 + 1, 1};
		an_tx_set_point(m, d, AN_GRAN_QUARTER);
		m->the_ok = m->modable = 1;
		return e;
	}
	if (an_tx_word(c, j) && (TK(j).w.cls & AN_TXW_ORD) && TK(j).w.ord <= 4)
		q = TK(j).w.ord;
	else if (an_tx_is(c, j, "final") ||
	         (an_tx_is(c, j, "last") && j > 0 && an_tx_is(c, j - 1, "the")))
		q = lastw = 4; /* "the last quarter"; "the last half" is the second */
	/* without "the", "grew 3 percent last quarter" is the quarter before
	 * the DCT's (this/last/next in timex_rel.c), not the fourth */
	else if (an_tx_num(c, j) && TK(j).num >= 1 && TK(j).num <= 4 && an_tx_word(c, j + 1) &&
	         !TK(j + 1).space)
		q = (int)TK(j++).num; /* "3rd" */
	if (!q)
		return 0;
	/* "The moon, just past first quarter, will set": a phase of the
	 * moon named a few words before, no quarter of a year */
	for (size_t k = i, n = 0; !year && k > 0 && n < 6 && !TK(k).sent; n++)
		if (an_tx_is(c, --k, "moon"))
			return 0;
	j++;
	int hyph = 0;
	if (an_tx_is_punct(c, j, '-') && j + 1 < c->n && !TK(j).space && !TK(j + 1).space) {
		j++;
		hyph = 1;
	}
	if (an_tx_is(c, j, "fiscal"))
		j++;
	if (an_tx_is(c, j, "quarter")) {
		j++;
	} else if (an_tx_is(c, j, "half") && (q <= 2 || lastw)) {
		half = lastw ? 2 : q;
		j++;
	} else {
		return 0;
	}
	size_t e = j;
	if (!year) {
		size_t k = j;
		if (an_tx_is(c, k, "of") || an_tx_is(c, k, "in"))
			k++;
		/* "of fiscal 2026", "of calendar 2026" */
		if (an_tx_is(c, k, "fiscal") || an_tx_is(c, k, "calendar"))
			k++;
		if (an_tx_year_at(c, k, &year) && k > j) {
			e = k + 1;
		} else if (an_tx_is(c, j, "of") &&
		           (an_tx_is(c, k, "this") || an_tx_is(c, k, "the") || an_tx_is(c, k, "next") ||
		            an_tx_is(c, k, "last")) &&
		           an_tx_is(c, k + 1, "year")) {
			/* "the first half of this year", "the first quarter of
			 * next year"; "of the year" is the year in question */
			year = c->dct.y + (an_tx_is(c, k, "next") ? 1 : an_tx_is(c, k, "last") ? -1 : 0);
			e = k + 2;
			if (an_tx_is(c, k, "the"))
				year = 0;
		} else if (half && an_tx_is(c, j, "of")) {
			return 0; /* "the last half of the '80s": see an_tx_match_at */
		}
	}
	int first = half ? (half - 1) * 6 + 1 : (q - 1) * 3 + 1;
	/* "in the third quarter" of a game, "a fourth-quarter comeback": a
	 * quarter without a year in a match report is play, not a date */
	if (!year && an_tx_game_sentence(c, i))
		return 0;
	/* (so is one "of Wednesday's loss", whatever the sentence's words) */
	if (!year && an_tx_is(c, e, "of") && e + 3 < c->n && (c->tk[e + 1].w.cls & AN_TXW_WDAY) &&
	    an_tx_is_apos(c, e + 2) && an_tx_is(c, e + 3, "s"))
		return 0;
	/* "expect the first half of 1988 to be rocky, followed by a
	 * recovery in the second half": a later part of the year whose half
	 * or quarter the sentence named is in that year (not the base of a
	 * change: "in the first quarter, up from 1.0 percent in the fourth
	 * quarter") */
	if (!year && (c->ref.g == AN_GRAN_HALF || c->ref.g == AN_GRAN_QUARTER) &&
	    c->ref_at < i && an_tx_one_sentence(c, c->ref_at, i) && first > c->ref.d.m &&
	    !an_tx_compared_from(c, i))
		year = c->ref.d.y;
	/* (and a part of a past year written out in the sentence, in a past
	 * clause: "For 2013, net profit rose 3 per cent, helped by strong
	 * results in the first half"; not past a "this year" named since:
	 * "fell in 2003, but the toll has risen this year, with 11 killed in
	 * the first quarter") */
	if (!year && c->ref.g == AN_GRAN_YEAR && c->ref.d.y < c->dct.y && c->ref_at < i &&
	    an_tx_num(c, c->ref_at) && an_tx_one_sentence(c, c->ref_at, i) &&
	    !(c->period_at && c->period_at - 1 > c->ref_at) && !an_tx_compared_from(c, i) &&
	    an_tx_direction(c, i, e) < 0)
		year = c->ref.d.y;
	if (!year)
		year = period_year(c, i, e, first, half ? 6 : 3);
	an_date d = {year, first, 1};
	an_tx_set_point(m, d, half ? AN_GRAN_HALF : AN_GRAN_QUARTER);
	/* "the fourth-quarter outlook": the adjective is the timex and "the"
	 * the noun's, as TimeBank tags all its "the third-quarter ..." */
	m->the_ok = !hyph;
	m->modable = 1;
	return e;
}

/* A year written with two digits ("FY26", "Q3 '25"): the one in the DCT's
 * century, unless that is more than twenty years ahead of the DCT. */
static int two_digit_year(an_date dct, int yy)
{
	int y = dct.y - dct.y % 100 + yy;
	return y > dct.y + 20 ? y - 100 : y;
}

/* Words after a bare "Q3" that make it a business quarter; a bare "Q3" is
 * also a qualifying session or a product name. */
static const char *const quarter_nouns[] = {
	"results", "earnings", "revenue", "revenues", "sales", "profit", "profits",
	"loss", "losses", "guidance", "growth", "gdp", "output", "figures", "report",
	"deliveries", "shipments", "margin", "margins", NULL};

/* Prepositions before a bare "Q3" or "H1" that make it a period in a
 * sentence about money ("margin was 41% in Q3, up from Q2"). */
static const char *const code_preps[] = {"in", "from", "for", "during", "since", "than",
                                         "through", "over", "versus", "vs", "to", NULL};

/* The sentence around token i speaks of money: a percentage, an amount
 * or a word of results.  "She was fastest in Q3" does not. */
static int money_sentence(const an_tx_ctx *c, size_t i)
{
	size_t b = i, e = i + 1;
	while (b > 0 && i - b < 60 && !TK(b).sent)
		b--;
	while (e < c->n && e - i < 60 && !TK(e).sent)
		e++;
	for (size_t k = b; k < e; k++) {
		if (TK(k).kind == AN_TK_PUNCT ? TK(k).low[0] == '%' || TK(k).low[0] == '$'
		                              : an_tx_is(c, k, "percent") ||
		                                    an_tx_one_of(c, k, quarter_nouns))
			return 1;
	}
	return 0;
}

/* "3Q25", "4Q 2024", "1H26": the number before the letter, the year
 * glued after it, as analysts write them. */
static size_t number_code(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	int half = an_tx_is(c, i + 1, "h");
	if (!an_tx_num(c, i) || TK(i).ndig != 1 || TK(i).num < 1 || TK(i).num > (half ? 2 : 4) ||
	    !(half || an_tx_is(c, i + 1, "q")) || !TK(i + 1).cap || TK(i + 1).space ||
	    !an_tx_num(c, i + 2) || an_tx_glued_on(c, i + 2) ||
	    (i > 0 && !TK(i).space && TK(i - 1).kind != AN_TK_PUNCT))
		return 0;
	int year;
	if (TK(i + 2).ndig == 2 && !TK(i + 2).space)
		year = two_digit_year(c->dct, (int)TK(i + 2).num);
	else if (!an_tx_year_at(c, i + 2, &year))
		return 0;
	an_date d = {year, half ? (int)(TK(i).num - 1) * 6 + 1 : (int)(TK(i).num - 1) * 3 + 1, 1};
	an_tx_set_point(m, d, half ? AN_GRAN_HALF : AN_GRAN_QUARTER);
	m->modable = 1;
	return i + 3;
}

/* The year of "FY2026", "FY 2026", "FY26" whose number is at j; 0 for
 * none. */
static int fy_year(const an_tx_ctx *c, size_t j)
{
	if (!an_tx_num(c, j) || an_tx_glued_on(c, j))
		return 0;
	if (TK(j).ndig == 4 && TK(j).num >= 1900 && TK(j).num <= 2199)
		return (int)TK(j).num;
	if (TK(j).ndig == 2 && !TK(j).space)
		return two_digit_year(c->dct, (int)TK(j).num);
	return 0;
}

/* The codes of business reporting: "Q3 2025", "Q4 earnings", "H1 2025",
 * "FY2026", "FY 2026", "FY26".  Capitalised only, and a code glued to
 * more letters or digits is a name ("H1N1", "Q3X"). */
size_t an_tx_period_code(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	if (an_tx_num(c, i))
		return number_code(m, c, i);
	int fy = an_tx_is(c, i, "fy"), half = an_tx_is(c, i, "h");
	if (!(fy || half || an_tx_is(c, i, "q")) || !TK(i).cap || !an_tx_num(c, i + 1) ||
	    (i > 0 && !TK(i).space && TK(i - 1).kind != AN_TK_PUNCT))
		return 0;
	size_t j = i + 1;
	int year;
	if (fy) {
		if (!(year = fy_year(c, j)))
			return 0;
		an_date d = {year, 1, 1};
		an_tx_set_point(m, d, AN_GRAN_YEAR);
		return j + 1;
	}
	long n = TK(j).num;
	if (TK(j).space || TK(j).ndig != 1 || n < 1 || n > (half ? 2 : 4) || an_tx_glued_on(c, j))
		return 0;
	size_t e = j + 1;
	if (an_tx_year_at(c, e, &year)) {
		e++;
	} else if (an_tx_is(c, e, "fy") && TK(e).cap && (year = fy_year(c, e + 1)) != 0) {
		e += 2; /* "Q3 FY26": the quarter of that fiscal year */
	} else if (an_tx_is(c, e, "fiscal") && an_tx_year_at(c, e + 1, &year)) {
		e += 2; /* "Q3 fiscal 2026" */
	} else if (an_tx_is_punct(c, e, '\'') && an_tx_num(c, e + 1) && TK(e + 1).ndig == 2 &&
	           !TK(e + 1).space && !an_tx_glued_on(c, e + 1)) {
		year = two_digit_year(c->dct, (int)TK(e + 1).num); /* "Q3'25" */
		e += 2;
	} else if (!an_tx_one_of(c, e, quarter_nouns) &&
	           !(i > 0 && an_tx_one_of(c, i - 1, code_preps) && money_sentence(c, i))) {
		return 0;
	} else {
		year = period_year(c, i, e, half ? (int)(n - 1) * 6 + 1 : (int)(n - 1) * 3 + 1,
		                   half ? 6 : 3);
	}
	an_date d = {year, half ? (int)(n - 1) * 6 + 1 : (int)(n - 1) * 3 + 1, 1};
	an_tx_set_point(m, d, half ? AN_GRAN_HALF : AN_GRAN_QUARTER);
	m->modable = 1;
	return e;
}

/* The second year of "2022-23", "the 2020-21 season": a year of its own,
 * as the second of "2009-2010" is.  Its two digits must follow the first
 * year's, so "1995-97" and "2022-23" count but "2022-10" (a month) and
 * "1998-5" do not. */
size_t an_tx_short_year(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	int first;
	if (i < 2 || !an_tx_num(c, i) || TK(i).ndig != 2 || TK(i).space ||
	    !(an_tx_is_punct(c, i - 1, '-') || an_tx_is_punct(c, i - 1, '/')) ||
	    TK(i - 1).space || an_tx_glued_on(c, i) || !an_tx_first_of_two_years(c, i - 2, &first))
		return 0;
	int y = first - first % 100 + (int)TK(i).num;
	if (y <= first)
		y += 100;
	if ((y - first > 9 && (i < 3 || !an_tx_life_span(c, i - 3))) ||
	    (an_tx_is_punct(c, i + 1, '-') && !TK(i + 1).space))
		return 0;
	an_date d = {y, 1, 1};
	an_tx_set_point(m, d, AN_GRAN_YEAR);
	return i + 1;
}

/* "the 2024-25 financial year", "the 2022-23 season", "2025/26": a
 * fiscal, school or sports year across two calendar years is one period,
 * dated by the year it begins in ("1995-97" and "2009-2010" are ranges
 * of two years), the range its extent; a single year's takes "the" and
 * "financial year" as its own words ("the 2025 financial year", as
 * "fiscal 2025"). */
size_t an_tx_split_year(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	static const char *const years[] = {"financial", "fiscal", "tax", "school",
	                                    "academic", NULL};
	size_t k = an_tx_is(c, i, "the") ? i + 1 : i;
	int first;
	if (an_tx_num(c, k) && TK(k).ndig == 4 && TK(k).num >= 1900 && TK(k).num <= 2100 &&
	    an_tx_one_of(c, k + 1, years) && an_tx_is(c, k + 2, "year")) {
		an_date d = {(int)TK(k).num, 1, 1};
		an_tx_set_point(m, d, AN_GRAN_YEAR);
		return k + 3;
	}
	if (!an_tx_first_of_two_years(c, k, &first) || !an_tx_num(c, k + 2) ||
	    TK(k + 2).space || TK(k + 1).space || an_tx_glued_on(c, k + 2) ||
	    !(an_tx_is_dash(c, k + 1) || an_tx_is_punct(c, k + 1, '/')) ||
	    TK(k + 2).ndig != 2 || TK(k + 2).num != (first + 1) % 100 ||
	    (an_tx_is_dash(c, k + 3) && !TK(k + 3).space))
		return 0;
	/* (the range alone: "the 2022-23 season", "the 2024-25 financial
	 * year" tag "2022-23", "2024-25", as the sets' guide has it) */
	if (k > i)
		return 0;
	an_date d = {first, 1, 1};
	an_tx_set_point(m, d, AN_GRAN_YEAR);
	return k + 3;
}

const int an_tx_season_mid[5] = {0, 4, 7, 10, 12};

an_date an_tx_semester(an_date d, int rel)
{
	int y = d.y, s = d.m <= 5 ? 1 : d.m <= 7 ? 2 : 3;
	/* last and next pass over the summer: "next semester" in April is
	 * the fall one */
	if (rel < 0)
		s = s == 1 ? (y--, 3) : 1;
	else if (rel > 0)
		s = s == 3 ? (y++, 1) : 3;
	return (an_date){y, an_tx_season_mid[s], 1};
}

/* Words that may follow a season that is a date, not an adjective ("the
 * summer when", but "the winter storm"). */
static const char *const after_season[] = {
	"and", "or", "but", "when", "as", "after", "before", "to", "in", "on", "at",
	"that", "with", "for", "is", "was", "will", "has", "had", "have", "were", "are",
	"the", "a", "than", "we", "he", "she", "they", "i", "you", "it", "early", "late",
	"nears", "looks", "seems", "shut", "ends", "begins", "starts", "arrives", "comes",
	"came", "because", "if", "unless", "while", "until", "so", "amid", "despite", "ahead",
	"could", "would", "should", "may", "might", "can", "must", "also", "without", "our",
	"their", "its", "his", "her", "my", "your", NULL};

/* "Come spring, the debate starts again": "come" before a bare season
 * and a comma is the season ahead ("as they come, spring ..." aside) */
static int come_season(const an_tx_ctx *c, size_t p, size_t i)
{
	return an_tx_is(c, p, "come") && p + 1 == i && an_tx_is_punct(c, i + 1, ',') &&
	       (TK(p).sent || an_tx_is_punct(c, p - 1, ',') || an_tx_is(c, p - 1, "and") ||
	        an_tx_is(c, p - 1, "but"));
}

/* "in the summer", "during the early winter", "in spring": a season
 * without a year, in the year the tense points to.  Only after "the" or a
 * preposition, in lower case and followed by punctuation or a function
 * word, so that "summer camp", "the winter storm" and "the Arab Spring"
 * stay untagged. */
static size_t bare_season(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	/* (a school's break may open its sentence: "Winter break begins on
	 * Dec. 22") */
	int opens_break = i > 0 && c->tk[i].sent && an_tx_is(c, i + 1, "break") &&
	                  !c->tk[i + 1].cap;
	if (i == 0 || (an_tx_capital(c, i) && !opens_break))
		return 0;
	/* "the spring semester", "fall term", "over spring break": a
	 * school's season, whatever opens it ("for fall semester"); not
	 * "fall term limits", nor "a winter break", one of any year */
	static const char *const compounds[] = {"limit", "limits", "paper", "papers", "life", NULL};
	int school = (an_tx_is(c, i + 1, "semester") || an_tx_is(c, i + 1, "term") ||
	              (an_tx_is(c, i + 1, "break") && !an_tx_is(c, i - 1, "a"))) &&
	             !an_tx_one_of(c, i + 2, compounds) && !an_tx_is_punct(c, i + 2, '-');
	size_t p = i - 1;
	if ((an_tx_is(c, p, "early") || an_tx_is(c, p, "late") || an_tx_is(c, p, "mid")) && p > 0)
		p--;
	/* ("as summer begins", "as winter approaches": the season at hand) */
	static const char *const turns[] = {"begins", "starts", "arrives", "approaches", "nears",
	                                    "ends", "comes", "wanes", "fades", NULL};
	int as_turns = an_tx_is(c, p, "as") && p + 1 == i && an_tx_one_of(c, i + 1, turns);
	if (!school && !an_tx_is(c, p, "the") && !an_tx_is(c, p, "in") &&
	    !an_tx_is(c, p, "during") && !an_tx_is(c, p, "since") && !an_tx_is(c, p, "until") &&
	    !an_tx_is(c, p, "through") && !an_tx_is(c, p, "by") && !an_tx_is(c, p, "before") &&
	    !an_tx_is(c, p, "after") && !an_tx_is(c, p, "till") && !come_season(c, p, i) &&
	    !as_turns)
		return 0;
	/* "spring after spring": a repetition, no date */
	if (p > 0 && an_tx_is(c, p, "after") && an_tx_is(c, p - 1, TK(i).low))
		return 0;
	if (an_tx_word(c, i + 1) && !school) {
		int ok = 0;
		for (const char *const *w = after_season; *w && !ok; w++)
			ok = an_tx_is(c, i + 1, *w);
		/* "the spring of next year", "the autumn of that year"
		 * (timex_ofyear.c joins the year) */
		int y;
		ok |= an_tx_of_rel_year(c, i + 1, &y) != 0;
		/* "the autumn this year", "the spring next year" */
		ok |= (an_tx_is(c, i + 1, "this") || an_tx_is(c, i + 1, "next") ||
		       an_tx_is(c, i + 1, "last")) &&
		      an_tx_is(c, i + 2, "year");
		/* "for the winter starting Dec. 6" (not "the winter starting
		 * lineup") */
		ok |= (an_tx_is(c, i + 1, "starting") || an_tx_is(c, i + 1, "beginning")) &&
		      (an_tx_num(c, i + 2) || an_tx_is(c, i + 2, "in") || an_tx_is(c, i + 2, "on") ||
		       (an_tx_cls(c, i + 2) & (AN_TXW_MONTH | AN_TXW_WDAY)));
		/* "stoppages in the summer crippled the network", "the winter
		 * was mild": a verb, where a noun would make a compound */
		size_t n1 = i + 1 < c->n ? strlen(TK(i + 1).low) : 0;
		ok |= ((an_tx_cls(c, i + 1) & (AN_TXW_PAST | AN_TXW_FUTURE)) ||
		       (n1 >= 5 && strcmp(TK(i + 1).low + n1 - 2, "ed") == 0)) &&
		      !an_tx_capital(c, i + 1);
		/* "spent the summer deciding", "will spend the winter
		 * lobbying": the time spent, what fills it after (not "spent
		 * the summer camp budget") */
		ok |= p > 0 && an_tx_is(c, p, "the") && an_tx_one_of(c, p - 1, an_tx_spend) &&
		      n1 >= 5 && strcmp(TK(i + 1).low + n1 - 3, "ing") == 0;
		if (!ok)
			return 0;
	}
	/* "fall" is also a drop: only after a preposition of time ("in the
	 * fall", "until the fall"), and never "the fall in prices", "before
	 * the fall of the Berlin Wall" */
	static const char *const fall_preps[] = {"in", "during", "until", "till", "before", "by",
	                                         "since", "through", NULL};
	int come = come_season(c, p, i);
	/* (or right after one: "can gather steam by fall,") */
	/* ("saving their money for the fall." at a clause's end; "will hear
	 * arguments in the fall in the case of", a new phrase after it) */
	int the_fall = an_tx_is(c, p, "the") && p > 0;
	int for_end = the_fall && an_tx_is(c, p - 1, "for") && i + 1 < c->n &&
	              TK(i + 1).kind == AN_TK_PUNCT && !an_tx_is_punct(c, i + 1, '-');
	static const char *const measures[] = {"price", "prices", "value", "rate", "rates",
	                                       "number", "cost", "level", "demand", "sales",
	                                       "dollar", "pound", "euro", "yen", NULL};
	int then_in = the_fall && (an_tx_is(c, p - 1, "in") || an_tx_is(c, p - 1, "during")) &&
	              an_tx_is(c, i + 1, "in") &&
	              (an_tx_is(c, i + 2, "the") || an_tx_is(c, i + 2, "a") ||
	               an_tx_is(c, i + 2, "an")) &&
	              !an_tx_one_of(c, i + 3, measures);
	/* (or before the year it falls in: "will move to the fall next
	 * year") */
	int year_after = an_tx_is(c, i + 1, "next") && an_tx_is(c, i + 2, "year");
	/* (or after "to" and a verb that puts things off: "has moved some
	 * maintenance checks to the fall") */
	int moved_to = the_fall && an_tx_is(c, p - 1, "to") && an_tx_rescheduled_before(c, p - 1);
	if (an_tx_is(c, i, "fall") && !school && !come && !for_end && !year_after && !moved_to &&
	    (!((the_fall && an_tx_one_of(c, p - 1, fall_preps)) || an_tx_one_of(c, p, fall_preps)) ||
	     (an_tx_is(c, i + 1, "in") && !then_in) || an_tx_is(c, i + 1, "of")))
		return 0;
	/* the season of year y runs from month first[s] for three months
	 * (winter from December into the next year); the current one, else
	 * the last one over (past tense), the next to begin (future), or the
	 * nearest */
	static const int first[5] = {0, 3, 6, 9, 12};
	/* the tense is asked from "the": "unlikely to begin before the fall"
	 * has its preposition before it */
	int s = TK(i).w.season,
	    dir = come ? 1 : an_tx_direction(c, an_tx_is(c, p, "the") ? p : i, i + 1);
	long now = an_date_to_days(c->dct), best_dist = 0;
	int y = c->dct.y;
	/* ("will continue through the autumn" goes on in this one) */
	static const char *const spans[] = {"through", "throughout", "until", "till", "into",
	                                    "during", NULL};
	size_t pp = an_tx_is(c, p, "the") && p > 0 ? p - 1 : p;
	int lasting = an_tx_one_of(c, pp, spans);
	/* "the first heavy snow of the autumn", "the wettest week of the
	 * summer": a part of the season under way, whatever the tense; a
	 * first one may come weeks before its season ("the first snow of
	 * the winter fell on Monday", Nov. 16) */
	int of_the = an_tx_is(c, p, "the") && p > 0 && an_tx_is(c, p - 1, "of");
	int first_of = 0;
	for (size_t k = p, n = 0; of_the && k > 1 && n < 5 && TK(k).kind == AN_TK_WORD; n++)
		first_of |= an_tx_is(c, --k, "first");
	for (int cand = c->dct.y - 2, found = 0; cand <= c->dct.y + 1; cand++) {
		an_date a = {cand, first[s], 1};
		long from = an_date_to_days(a), to = an_date_to_days(an_date_add_months(a, 3));
		long dist = now < from ? from - now : now >= to ? now - to + 1 : 0;
		/* ahead: not a season in its last month ("is planned for the
		 * autumn" on Nov. 22 is next year's) */
		/* (nor, before "before", the one under way: "hopes to reduce
		 * outages before the winter", in January, is the next) */
		int part = of_the && (!dist || (first_of && from > now && from - now <= 31));
		if (part) {
			y = cand;
			break;
		}
		if ((dir < 0 && from > now) || (dir > 0 && to <= now && dist) ||
		    (dir > 0 && !dist && to - now <= 31 && !lasting) ||
		    (dir > 0 && !dist && an_tx_is(c, pp, "before")))
			continue;
		if (!found || dist < best_dist) {
			best_dist = dist;
			y = cand;
			found = 1;
		}
	}
	/* "In the spring of 1348 ... By autumn": the story's year, as for
	 * a month */
	int story = an_tx_story_year(c, an_tx_season_mid[s]);
	/* ("the autumn next year", "in the spring last year": the year
	 * named after it) */
	int after = an_tx_is(c, i + 2, "year") && an_tx_is(c, i + 1, "next")   ? 1
	            : an_tx_is(c, i + 2, "year") && an_tx_is(c, i + 1, "last") ? -1
	            : an_tx_is(c, i + 2, "year") && an_tx_is(c, i + 1, "this") ? 0
	                                                                      : 2;
	if (after != 2)
		story = c->dct.y + after;
	an_date x = {story ? story : y, an_tx_season_mid[s], 1};
	an_tx_set_point(m, x, AN_GRAN_SEASON);
	m->the_ok = m->modable = 1;
	return i + 1 + school;
}

/* "winter 1994", "the summer of 1989", "spring of nineteen ninety-six" */
size_t an_tx_season(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	if (!an_tx_word(c, i) || !(TK(i).w.cls & AN_TXW_SEASON))
		return 0;
	size_t j = i + 1, e;
	int y;
	size_t of = an_tx_is(c, j, "of") ? j + 1 : j;
	if (an_tx_year_at(c, of, &y))
		e = of + 1;
	else if (TK(i).w.season == 4 && an_tx_num(c, of) && TK(of).ndig == 4 &&
	         TK(of).num >= 1900 && TK(of).num <= 2100 && an_tx_is_punct(c, of + 1, '/'))
		e = of + 1, y = (int)TK(of).num; /* "winter 2025/26": checked below */
	else if ((e = an_tx_spelled_year(c, of, &y)) == 0)
		return bare_season(m, c, i);
	/* "the fall 2026 semester": the noun is the season's, and so "the" */
	if (of == j && (an_tx_is(c, e, "semester") || an_tx_is(c, e, "term")))
		e++;
	/* "winter 2025-26", "the winter of 2025/26": the one winter that
	 * spans both years, dated by its December as "winter 2025" is */
	else if (TK(i).w.season == 4 && e + 1 < c->n && !TK(e).space && !TK(e + 1).space &&
	         (an_tx_is_dash(c, e) || an_tx_is_punct(c, e, '/')) && an_tx_num(c, e + 1) &&
	         (TK(e + 1).ndig == 2 ? TK(e + 1).num == (y + 1) % 100 : TK(e + 1).num == y + 1))
		e += 2;
	else if (an_tx_is_punct(c, e, '/'))
		return bare_season(m, c, i); /* "winter 2025/2600" */
	an_date d = {y, an_tx_season_mid[TK(i).w.season], 1};
	an_tx_set_point(m, d, AN_GRAN_SEASON);
	m->the_ok = m->modable = 1;
	return e;
}

