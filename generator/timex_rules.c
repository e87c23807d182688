/* timex_rules.c - calendar expressions and the dispatcher.  Each matcher
 * reads tokens from position i and returns the index after its match (0 for
 * none), filling an an_tx_match; an_tx_match_at runs them all, adds the
 * modifiers that wrap any of them ("the", "early", "the end of", "more
 * than") and keeps the longest.  Dates of the calendar are read here;
 * weekdays in timex_weekday.c, years, decades and centuries in
 * timex_year.c, business periods and seasons in timex_period.c, times of
 * day in timex_clock.c, relative expressions in timex_rel.c, durations in
 * timex_dur.c, sets in timex_set.c. */
#include "timex_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TK(i) (c->tk[(i)])

/* A number is part of a larger one ("1,998", "3.2000", "$2000") when
 * glued to digits or currency on either side; such numbers are no years. */
static int num_isolated(const an_tx_ctx *c, size_t i)
{
	if (i >= 1 && !TK(i).space) {
		const an_tk *p = &TK(i - 1);
		if (p->kind != AN_TK_PUNCT)
			return 0; /* "A2025" */
		if (p->low[0] == '$' || p->low[0] == '#' ||
		    (unsigned char)p->low[0] >= 0x80) /* pound, euro signs */
			return 0;
		if (strchr(",.:/", p->low[0]) && i >= 2 && TK(i - 2).kind == AN_TK_NUM &&
		    !p->space)
			return 0;
	}
	if (i + 2 < c->n && !TK(i + 1).space && !TK(i + 2).space &&
	    TK(i + 2).kind == AN_TK_NUM && strchr(",.:/", TK(i + 1).low[0]) &&
	    TK(i + 1).low[1] == '\0')
		return 0;
	if (i + 1 < c->n && !TK(i + 1).space && TK(i + 1).low[0] == '%')
		return 0;
	if (i + 1 < c->n && TK(i + 1).kind == AN_TK_WORD &&
	    (strcmp(TK(i + 1).low, "percent") == 0 || strcmp(TK(i + 1).low, "pct") == 0))
		return 0;
	return 1;
}

/* A four-digit year at i. */
int an_tx_year_at(const an_tx_ctx *c, size_t i, int *out)
{
	if (!an_tx_num(c, i) || TK(i).ndig != 4)
		return 0;
	long y = TK(i).num;
	if (y < 1000 || y > 2199 || !num_isolated(c, i))
		return 0;
	*out = (int)y;
	return 1;
}

/* Whether token i ends where the next token begins with a letter or a
 * digit: "H1N1", "Q3s" are no period codes. */
int an_tx_glued_on(const an_tx_ctx *c, size_t i)
{
	return i + 1 < c->n && !TK(i + 1).space && TK(i + 1).kind != AN_TK_PUNCT;
}

/* The first year of "2025/26" (a fiscal or school year), which the
 * slash would make part of a number such as "2025/2600"; or any year. */
int an_tx_first_of_two_years(const an_tx_ctx *c, size_t i, int *y)
{
	if (an_tx_year_at(c, i, y))
		return 1;
	if (!an_tx_num(c, i) || TK(i).ndig != 4 || !an_tx_is_punct(c, i + 1, '/') ||
	    TK(i + 1).space || !an_tx_num(c, i + 2) || TK(i + 2).space || TK(i + 2).ndig != 2 ||
	    an_tx_glued_on(c, i + 2) || TK(i).num < 1000 || TK(i).num > 2199 ||
	    (TK(i).num + 1) % 100 != TK(i + 2).num ||
	    (i > 0 && !TK(i).space && TK(i - 1).kind != AN_TK_WORD))
		return 0;
	*y = (int)TK(i).num;
	return 1;
}

/* A spelled-out year: "nineteen ninety-six", "nineteen eighty", "two
 * thousand" (only after "year": otherwise it is a count).  Returns the
 * end, 0 for none. */
size_t an_tx_spelled_year(const an_tx_ctx *c, size_t i, int *out)
{
	if (an_tx_is(c, i, "nineteen") && an_tx_word(c, i + 1) &&
	    (TK(i + 1).w.cls & AN_TXW_NUM) && !TK(i + 1).w.big &&
	    (TK(i + 1).w.num >= 10 || an_tx_is(c, i + 1, "hundred"))) {
		int y = 1900 + (an_tx_is(c, i + 1, "hundred") ? 0 : TK(i + 1).w.num);
		size_t e = i + 2;
		if (y % 10 == 0 && y >= 1920) { /* "ninety-six", "ninety six" */
			size_t k = e;
			if (an_tx_is_punct(c, k, '-') && !TK(k).space)
				k++;
			if (an_tx_word(c, k) && (TK(k).w.cls & AN_TXW_NUM) && !TK(k).w.big &&
			    TK(k).w.num >= 1 && TK(k).w.num <= 9) {
				y += TK(k).w.num;
				e = k + 1;
			}
		}
		*out = y;
		return e;
	}
	if (i > 0 && an_tx_is(c, i - 1, "year") && an_tx_is(c, i, "two") &&
	    an_tx_is(c, i + 1, "thousand")) {
		*out = 2000;
		return i + 2;
	}
	return 0;
}

/* Day of month at i: "11", "1st", "21st", "eighth".  Returns the end. */
static size_t day_at(const an_tx_ctx *c, size_t i, int *out)
{
	if (an_tx_num(c, i) && TK(i).ndig <= 2 && TK(i).num >= 1 && TK(i).num <= 31) {
		*out = (int)TK(i).num;
		if (an_tx_word(c, i + 1) && !TK(i + 1).space) {
			static const char *const sfx[] = {"st", "nd", "rd", "th", NULL};
			if (an_tx_one_of(c, i + 1, sfx))
				return i + 2;
			return 0; /* "11am", "5th" handled above; "3D" is no day */
		}
		if (an_tx_num(c, i + 1) && !TK(i + 1).space)
			return 0;
		if (i + 2 < c->n && !TK(i + 1).space && TK(i + 1).low[0] == ':' &&
		    an_tx_num(c, i + 2))
			return 0; /* a clock time */
		return i + 1;
	}
	if (an_tx_word(c, i) && (TK(i).w.cls & AN_TXW_ORD)) {
		*out = TK(i).w.ord;
		return i + 1;
	}
	return 0;
}

/* Month name at i, with the full stop of an abbreviation.  Abbreviations
 * and the verbs "may" and "march" need more evidence, checked by callers
 * via *weak. */
static size_t month_at(const an_tx_ctx *c, size_t i, int *out, int *weak)
{
	if (!an_tx_word(c, i) || !(TK(i).w.cls & AN_TXW_MONTH) || !TK(i).cap)
		return 0;
	*out = TK(i).w.month;
	*weak = 0;
	size_t e = i + 1;
	if (TK(i).w.cls & AN_TXW_ABBR) {
		*weak = 1;
		if (an_tx_is_punct(c, e, '.') && !TK(e).space)
			e++;
	} else if (*out == 5 || *out == 3) {
		*weak = 1;
	}
	return e;
}

int an_tx_weekday_word(const an_tx_ctx *c, size_t i, size_t *end)
{
	if (!an_tx_word(c, i) || !(TK(i).w.cls & AN_TXW_WDAY) || !TK(i).cap)
		return 0;
	*end = i + 1;
	if (TK(i).w.cls & AN_TXW_ABBR) {
		if (!an_tx_is_punct(c, i + 1, '.') || TK(i + 1).space)
			return 0;
		*end = i + 2;
	}
	return TK(i).w.wday;
}

static const char *const month_preps[] = {
	"in", "since", "of", "until", "till", "by", "early", "mid", "late",
	"last", "next", "this", "during", "before", "after", "from", "through",
	"to", "between", "throughout", "end", "beginning", "and", "or", "on",
	"for", "that", "each", "every", "into", "-", NULL};

/* A connector of a range of days at k ("5-9", "5 to 9", "5 through 9",
 * "5 and 6", an en dash): the index after it, 0 for none; *both is set
 * for "and", which names two days rather than a span. */
size_t an_tx_range_link(const an_tx_ctx *c, size_t k, int *both)
{
	*both = 0;
	if (k >= c->n)
		return 0;
	if (an_tx_is_punct(c, k, '-') || strcmp(TK(k).low, "\xe2\x80\x93") == 0)
		return k + 1;
	if (an_tx_is(c, k, "to") || an_tx_is(c, k, "through") || an_tx_is(c, k, "until") ||
	    an_tx_is(c, k, "till"))
		return k + 1;
	if (an_tx_is(c, k, "and")) {
		*both = 1;
		return k + 1;
	}
	return 0;
}

/* Words that may follow the second day of "May 5 and 6": punctuation and
 * these, so that "on May 5 and 6 people died" keeps its six people. */
static const char *const after_range_day[] = {
	"in", "at", "on", "and", "or", "as", "when", "while", "with", "for", "this",
	"last", "next", "before", "after", "to", "that", "but", NULL};

/* The second day of a range after "Month D" at i: "19" of "Nov. 17-19"
 * or of "May 5 and 6" (D2 after D1 for a span, a different day for
 * "and").  Returns the index after it, 0 for none; *year is the year
 * written after it ("Nov. 17-19, 2025"), 0 for none. */
static size_t range_second_day(const an_tx_ctx *c, size_t i, int d1, int *d2, int *year)
{
	int both, mon, weak;
	size_t r = an_tx_range_link(c, i, &both);
	if (!r || !an_tx_num(c, r) || TK(r).ndig > 2 || (both && TK(r).space == 0))
		return 0;
	size_t e = day_at(c, r, d2);
	if (!e || e != r + 1 || !num_isolated(c, r) || (both ? *d2 == d1 : *d2 <= d1))
		return 0;
	if (month_at(c, e, &mon, &weak))
		return 0; /* "5 to 9 June" is the day-first form */
	*year = 0;
	size_t y = an_tx_is_punct(c, e, ',') ? e + 1 : e;
	if (an_tx_year_at(c, y, year))
		return y + 1;
	if (e < c->n && TK(e).kind == AN_TK_WORD && !an_tx_one_of(c, e, after_range_day))
		return 0;
	return e;
}

/* "from June 11 to July 19, 2026", "between Dec. 20 and Jan. 5, 2026",
 * "from April to September 1970": the first day or month of a span of
 * two months takes the year written after the second (the year before
 * when it is the later month).  Reads the second
 * date's tokens only, so a chain of dates costs no more than one. */
static int span_year(const an_tx_ctx *c, size_t i, size_t e, int mon, int day, int *year)
{
	int both, mon2, weak, d2, y;
	size_t r = an_tx_range_link(c, e, &both);
	/* (two months joined by "and" share the year too: "in September and
	 * October 2010") */
	if (!r || (both && day && !(i > 0 && an_tx_is(c, i - 1, "between"))))
		return 0;
	size_t k = month_at(c, r, &mon2, &weak);
	size_t kd = k ? day_at(c, k, &d2) : 0;
	if (!k || (!kd && day))
		return 0;
	if (kd)
		k = kd;
	if (an_tx_is_punct(c, k, ','))
		k++;
	if (!an_tx_year_at(c, k, &y))
		return 0;
	*year = mon > mon2 ? y - 1 : y;
	return 1;
}

/* "$6.9 trillion was erased between January and December", on Jan. 2,
 * 2009: a span of months in a past clause ends in the past, and its
 * first month is of the year of the last (or the year before), 0 when
 * [i, e) opens no such span. */
static int past_span_year(const an_tx_ctx *c, size_t i, size_t e, int mon)
{
	int both, mon2, weak;
	if (i == 0 || !(an_tx_is(c, i - 1, "from") || an_tx_is(c, i - 1, "between")))
		return 0;
	size_t r = an_tx_range_link(c, e, &both);
	if (!r || (both && !an_tx_is(c, i - 1, "between")))
		return 0;
	size_t k = month_at(c, r, &mon2, &weak);
	int d2, y;
	if (!k || day_at(c, k, &d2) || an_tx_year_at(c, k, &y) ||
	    (an_tx_is_punct(c, k, ',') && an_tx_year_at(c, k + 1, &y)) ||
	    an_tx_direction(c, i, e) >= 0)
		return 0;
	/* "were last rehabilitated in 1986, when the road was closed from
	 * May to July", "tried in 2019; testimony ran from May to July": right
	 * after a past year (in its sentence or the next in its paragraph,
	 * nothing dated between), the span is of that year; not after the end
	 * of a span of years ("above the average for 1850 to 1900") */
	static const char *const ends[] = {"to", "through", "until", "and", "since", NULL};
	const an_tx_point *ref = &c->ref;
	size_t ra = c->ref_at;
	/* (and after a month of a past year that opens its sentence: "In
	 * January 1990, it reported its first loss. From March to May, it
	 * missed three payments"; a span that begins before that month is
	 * of the year after) */
	int opens = c->tk[ra].sent || (ra > 0 && an_tx_is(c, ra - 1, "in") && c->tk[ra - 1].sent);
	if ((ref->g == AN_GRAN_YEAR || (ref->g == AN_GRAN_MONTH && opens)) && ref->d.y >= 1 &&
	    ref->d.y < c->dct.y && ra < i &&
	    !(ra > 0 && (an_tx_one_of(c, ra - 1, ends) || an_tx_is_dash(c, ra - 1)))) {
		int base = ref->d.y + (ref->g == AN_GRAN_MONTH && mon < ref->d.m);
		/* (the year before the DCT's only in the span's own sentence:
		 * "Last year it was shut from March to May") */
		int breaks = ref->d.y == c->dct.y - 1;
		for (size_t j = ra + 1; j <= i && breaks < 2; j++)
			breaks += c->tk[j].sent ? 1 + c->tk[j].para : 0;
		if (breaks < 2 && base < c->dct.y)
			return mon > mon2 ? base - 1 : base;
	}
	int y2 = an_tx_month_year(c->dct, mon2, -1, 0);
	return mon > mon2 ? y2 - 1 : y2;
}

/* "November 11, 2025", "Nov. 11", "11 November 2025", "November 1995",
 * "October", "Friday, Oct. 23", "the 5th of November". */
size_t an_tx_month(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	size_t j = i, e;
	int mon = 0, weak = 0, day = 0, year = 0, explicit_year = 0;
	size_t wend;
	int wd = an_tx_weekday_word(c, i, &wend);
	if (wd) {
		j = wend;
		if (an_tx_is_punct(c, j, ','))
			j++;
	}
	if ((e = month_at(c, j, &mon, &weak)) != 0) {
		size_t k = e, dend;
		if ((dend = day_at(c, k, &day)) != 0) {
			k = dend;
			size_t y = k;
			if (an_tx_is_punct(c, y, ','))
				y++;
			int d2, ry;
			if (an_tx_year_at(c, y, &year)) {
				explicit_year = 1;
				k = y + 1;
			} else if (range_second_day(c, k, day, &d2, &ry) && ry) {
				year = ry; /* "Nov. 17-19, 2019": the year closes the range */
				explicit_year = 1;
			}
		} else {
			size_t y = e;
			if (an_tx_is_punct(c, y, ','))
				y++;
			size_t sy;
			if (an_tx_year_at(c, y, &year)) {
				explicit_year = 1;
				k = y + 1;
			} else if ((sy = an_tx_spelled_year(c, y, &year)) != 0) {
				explicit_year = 1; /* "January nineteen ninety-seven" */
				k = sy;
			} else if (j > i) {
				return 0; /* "Friday, October" */
			} else {
				/* a bare month name */
				int prep = (i > 0 && TK(i - 1).kind != AN_TK_NUM &&
				            an_tx_one_of(c, i - 1, month_preps)) || an_tx_month_np(c, i, e);
				if (i > 0 && an_tx_is_punct(c, i - 1, '-') && TK(i).space)
					prep = 0;
				/* "mid-March", "January-March": the part glued on is
				 * evidence enough for the months that are also verbs */
				if (i > 1 && an_tx_is_punct(c, i - 1, '-') && !TK(i).space &&
				    (an_tx_is(c, i - 2, "mid") || an_tx_is(c, i - 2, "early") ||
				     an_tx_is(c, i - 2, "late") || (an_tx_cls(c, i - 2) & AN_TXW_MONTH)))
					prep = 1;
				/* ("looked into May Smith's case": a name) */
				if (weak && (!prep || (an_tx_is(c, i - 1, "into") && an_tx_word(c, e) &&
				                       TK(e).cap)))
					return 0;
				if (!prep && an_tx_word(c, e) && TK(e).cap && !TK(e).sent)
					return 0; /* "April Ryan" */
				if ((TK(i).w.cls & AN_TXW_ABBR) && !(prep && (e > i + 1 || TK(i).low[3])))
					return 0; /* "in Sept." with its full stop; "in Sept" */
			}
		}
		e = k;
	} else {
		/* day first: "11 November 2025", "the 5th of November" */
		size_t k = j;
		if (j == i && an_tx_is(c, k, "the"))
			k++;
		size_t dend = day_at(c, k, &day);
		/* "the 1 June onset date": a bare number leaves "the" to its noun */
		if (!dend || (k > j && dend == k + 1 && an_tx_num(c, k) && !an_tx_is(c, dend, "of")))
			return 0;
		/* "won 3-1 May 4": a score, where "5-9 May" would be a range */
		if (k >= 2 && an_tx_num(c, k) && !TK(k).space && an_tx_is_punct(c, k - 1, '-') &&
		    !TK(k - 1).space && an_tx_num(c, k - 2) && TK(k - 2).num >= day)
			return 0;
		int of = an_tx_is(c, dend, "of");
		dend += of;
		e = month_at(c, dend, &mon, &weak);
		if (!e)
			return 0;
		/* "the first December poll since 1923": an ordinal word before a
		 * month and its noun ranks the noun, no day ("the first of
		 * December", "the first December 2019" are days) */
		if (!of && an_tx_word(c, k) && (TK(k).w.cls & AN_TXW_ORD) && an_tx_word(c, e) &&
		    !TK(e).cap && !an_tx_is(c, e, "and") && !an_tx_is(c, e, "or") &&
		    !(TK(e).w.cls & (AN_TXW_PAST | AN_TXW_FUTURE)))
			return 0;
		size_t y = e;
		if (an_tx_is_punct(c, y, ','))
			y++;
		if (an_tx_year_at(c, y, &year)) {
			explicit_year = 1;
			e = y + 1;
		}
	}
	/* "January this year", "June last year" */
	int step;
	if (!explicit_year && an_tx_deictic_step(c, e, &step) && an_tx_is(c, e + 1, "year")) {
		year = c->dct.y + step;
		explicit_year = 1;
		e += 2;
	}
	if (!explicit_year)
		explicit_year = span_year(c, i, e, mon, day, &year) ||
		                (!day && (year = past_span_year(c, i, e, mon)) != 0);
	/* "the September 11 attacks", "Sept. 11 victims": the name of the
	 * 2001 day, as "9/11" is, whatever story is told ("In 2002, a year
	 * after the September 11 attacks") */
	int attacks = !explicit_year && mon == 9 && day == 11 && c->dct.y > 2001 &&
	              an_tx_names_911(c, e);
	if (!explicit_year &&
	    ((year = an_tx_range_year(c, i, mon)) || (year = an_tx_entry_year(c, i, e, mon, day)) ||
	     (year = an_tx_story_year(c, mon))))
		explicit_year = 1;
	if (attacks) {
		year = 2001;
		explicit_year = 1;
	}
	/* "an election on Thursday 12 December, the first December poll
	 * since 1923": the month of a day its sentence just named is that
	 * day's */
	if (!explicit_year && !day && c->ref.g == AN_GRAN_DAY && c->ref.d.m == mon &&
	    c->ref_at < i && an_tx_one_sentence(c, c->ref_at, i)) {
		year = c->ref.d.y;
		explicit_year = 1;
	}
	if (day) {
		int reach;
		if (!explicit_year && (reach = an_tx_period_ending(c, i)) != 0) {
			year = an_tx_ending_year(c->dct, mon, reach);
		} else if (!explicit_year && an_tx_past_on_day(c, i)) {
			an_date x = {c->dct.y, mon, day};
			int ahead = an_date_to_days(x) > an_date_to_days(c->dct);
			year = ahead ? an_tx_past_story_year(c, c->dct.y, mon, day, -1) : c->dct.y;
			if (ahead && year == c->dct.y)
				year--;
			year = an_tx_weekday_year(c->dct, year, mon, day, wd);
		} else if (!explicit_year) {
			int dir = an_tx_day_direction(c, i, e);
			year = an_tx_weekday_year(c->dct, an_tx_monthday_year(c->dct, mon, day, dir), mon,
			                          day, wd);
			year = an_tx_past_story_year(c, year, mon, day, dir);
		}
		an_date d = {year, mon, day};
		if (!an_date_valid(d))
			return 0;
		an_tx_set_point(m, d, AN_GRAN_DAY);
		if (attacks)
			m->anchor.g = AN_GRAN_NONE;
	} else {
		if (!explicit_year && (an_tx_since_month(c, i) || an_tx_past_in_month(c, i) ||
		                       an_tx_data_month(c, i)))
			year = mon <= c->dct.m ? c->dct.y : c->dct.y - 1;
		else if (!explicit_year && an_tx_future_in_month(c, i))
			year = mon >= c->dct.m ? c->dct.y : c->dct.y + 1;
		else if (!explicit_year) {
			int dir = an_tx_direction(c, i, e);
			year = an_tx_past_story_year(c, an_tx_month_year(c->dct, mon, dir, 0), mon, 0,
			                             dir);
		}
		an_date d = {year, mon, 1};
		an_tx_set_point(m, d, AN_GRAN_MONTH);
		m->modable = 1;
		if (!explicit_year && an_tx_generic_month(c, i, e)) {
			snprintf(m->value, sizeof m->value, "XXXX-%02d", mon);
			m->anchor.g = AN_GRAN_NONE;
		}
	}
	return e;
}

/* The second day of a range whose first is the day last named: "19" of
 * "Nov. 17-19, 2025", "6" of "May 5 and 6".  A timex of its own, as the
 * ends of "from May to July" are. */
static size_t m_range_end(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	if (c->ref.g != AN_GRAN_DAY || i < 3 || !an_tx_num(c, i))
		return 0;
	/* back over the connector to the first day and its month */
	size_t k = i - 1;
	if (!an_tx_num(c, k - 1) || TK(k - 1).num != c->ref.d.d)
		return 0;
	size_t mk = an_tx_is_punct(c, k - 2, '.') ? k - 3 : k - 2;
	int mon, weak, d2, year;
	if (!month_at(c, mk, &mon, &weak) || mon != c->ref.d.m)
		return 0;
	size_t e = range_second_day(c, k, c->ref.d.d, &d2, &year);
	if (!e)
		return 0;
	an_date d = {year ? year : c->ref.d.y, mon, d2};
	if (!an_date_valid(d))
		return 0;
	an_tx_set_point(m, d, AN_GRAN_DAY);
	return e;
}

/* The first day of a day-first range: "5" of "from 5 to 9 December",
 * "between 3 and 7 March", "5 and 6 May", in the month and year of the
 * date that closes it. */
static size_t m_range_start(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	int d1, both;
	size_t e = day_at(c, i, &d1);
	if (!e || e != i + 1 || !an_tx_num(c, i) || !num_isolated(c, i))
		return 0;
	size_t r = an_tx_range_link(c, e, &both);
	if (!r || !an_tx_num(c, r))
		return 0;
	int mon, weak;
	if (i > 0 && month_at(c, i - 1 - (an_tx_is_punct(c, i - 1, '.') ? 1 : 0), &mon, &weak))
		return 0; /* "May 5-9": the month-first form */
	an_tx_match dm;
	memset(&dm, 0, sizeof dm);
	if (!an_tx_month(&dm, c, r) || dm.anchor.g != AN_GRAN_DAY ||
	    (both ? dm.anchor.d.d == d1 : dm.anchor.d.d <= d1))
		return 0;
	an_date d = {dm.anchor.d.y, dm.anchor.d.m, d1};
	an_tx_set_point(m, d, AN_GRAN_DAY);
	return e;
}

/* --- the dispatcher ---------------------------------------------------- */

typedef size_t (*matcher)(an_tx_match *, const an_tx_ctx *, size_t);

static const matcher core_matchers[] = {
	an_tx_idiom, an_tx_numeric, an_tx_month, an_tx_year, an_tx_weekday, an_tx_quarter,
	an_tx_clock, an_tx_season, an_tx_period_code, m_range_start, m_range_end, an_tx_report,
	an_tx_rel, an_tx_duration, an_tx_ordinal_day, an_tx_web_date, an_tx_world,
	an_tx_almanac, an_tx_split_year, an_tx_second_part,
};

static int core(an_tx_match *out, const an_tx_ctx *c, size_t i)
{
	int found = 0;
	if (i >= c->n || !an_tx_can_open(&TK(i)))
		return 0;
	/* "the 2022-23 season": "23" is the second year, not 23 seasons */
	an_tx_match sy;
	memset(&sy, 0, sizeof sy);
	size_t se = an_tx_short_year(&sy, c, i);
	if (se) {
		sy.tb = i;
		sy.te = se;
		*out = sy;
		return 1;
	}
	an_tx_match mon; /* an_tx_month's reading, handed on to the web dates' */
	size_t mon_e = 0;
	for (size_t k = 0; k < sizeof core_matchers / sizeof core_matchers[0]; k++) {
		an_tx_match m;
		memset(&m, 0, sizeof m);
		size_t e;
		if (core_matchers[k] == an_tx_web_date) {
			e = an_tx_web_date_with(&m, c, i, &mon, mon_e);
		} else {
			e = core_matchers[k](&m, c, i);
			if (core_matchers[k] == an_tx_month) {
				mon = m;
				mon_e = e;
			}
		}
		if (e > i && e <= c->n && (!found || e > out->te)) {
			m.tb = i;
			m.te = e;
			*out = m;
			found = 1;
		}
	}
	return found;
}

static void set_mod(an_tx_match *m, const char *mod)
{
	snprintf(m->mod, sizeof m->mod, "%s", mod);
}

/* early/mid/late X, mid-X, mid-to-late X */
static int with_part(an_tx_match *out, const an_tx_ctx *c, size_t i)
{
	const char *mod;
	size_t j = an_tx_part(c, i, &mod); /* also "mid-to-late" */
	if (!j)
		return 0;
	/* "early the next morning", "late the following year": an anaphor
	 * (timex_rel.c); other phrases with "the" take "the early ..." */
	if (an_tx_is(c, j, "the") && !an_tx_is(c, j + 1, "next") &&
	    !an_tx_is(c, j + 1, "following"))
		return 0;
	if (mod[0] == 'M' && an_tx_mid_span(out, c, i, j))
		return 1; /* "by mid-century" */
	/* "late on Monday", "early on Christmas Eve": an adverb before the
	 * preposition, which leaves the day alone (as every set's
	 * annotator tags it; TimeBank has none) */
	if (an_tx_is(c, j, "on"))
		return 0;
	if (!core(out, c, j) || !out->modable)
		return 0;
	out->tb = i;
	set_mod(out, mod);
	return 1;
}

static int longer(const an_tx_match *a, int have, const an_tx_match *b)
{
	return !have || b->te > a->te;
}

/* A clause of its own opens between tokens a and b of one sentence: ",
 * and", ", but" or a semicolon. */
static int new_clause(const an_tx_ctx *c, size_t a, size_t b)
{
	for (size_t k = a + 1; k < b; k++) {
		if (TK(k).sent)
			return 0;
		if (an_tx_is_punct(c, k, ';') ||
		    (an_tx_is_punct(c, k, ',') &&
		     (an_tx_is(c, k + 1, "and") || an_tx_is(c, k + 1, "but"))))
			return 1;
	}
	return 0;
}

int an_tx_match_at(an_tx_match *out, const an_tx_ctx *c, size_t i)
{
	an_tx_match m;
	int have = core(out, c, i);
	memset(&m, 0, sizeof m);
	if (with_part(&m, c, i) && longer(out, have, &m)) {
		*out = m;
		have = 1;
	}
	if (an_tx_is(c, i, "the")) {
		/* "the 1990s", "the early 1980s", "the third quarter" */
		memset(&m, 0, sizeof m);
		if ((core(&m, c, i + 1) && m.the_ok) || with_part(&m, c, i + 1)) {
			m.tb = i;
			if (longer(out, have, &m)) {
				*out = m;
				have = 1;
			}
		}
		/* "the week of March 6": the week that holds the day; "the
		 * weekend of May 16" its weekend */
		int wkend = an_tx_is(c, i + 1, "weekend");
		if ((wkend || an_tx_is(c, i + 1, "week")) && an_tx_is(c, i + 2, "of")) {
			memset(&m, 0, sizeof m);
			if (core(&m, c, i + 3) && m.type == AN_TIMEX_DATE && !m.mod[0] &&
			    m.anchor.g == AN_GRAN_DAY) {
				an_date d = m.anchor.d;
				an_tx_set_point(&m, d, AN_GRAN_WEEK);
				if (wkend)
					an_tx_mark_weekend(&m);
				m.tb = i;
				if (longer(out, have, &m)) {
					*out = m;
					have = 1;
				}
			}
		}
		/* "the beginning of October", "the end of the year", "the
		 * last half of the '80s" */
		const char *mod = NULL;
		size_t o = 0;
		if (an_tx_is(c, i + 1, "beginning") || an_tx_is(c, i + 1, "start"))
			mod = "START";
		else if (an_tx_is(c, i + 2, "half") && an_tx_is(c, i + 3, "of") &&
		         (an_tx_is(c, i + 1, "first") || an_tx_is(c, i + 1, "last") ||
		          an_tx_is(c, i + 1, "second") || an_tx_is(c, i + 1, "latter"))) {
			mod = TK(i + 1).low[0] == 'f' ? "START" : "END";
			o = 1; /* "half of" takes the place of "end of" */
		} else if (an_tx_is(c, i + 1, "middle"))
			mod = "MID";
		else if (an_tx_is(c, i + 1, "end"))
			mod = "END";
		if (mod && an_tx_is(c, i + 2 + o, "of")) {
			memset(&m, 0, sizeof m);
			size_t k = i + 3 + o;
			/* in a story told in the past, the year of its reference */
			int sy = an_tx_is(c, k, "the") && an_tx_is(c, k + 1, "year")
			         ? an_tx_story_year(c, 0) : 0;
			an_date at = {sy, 1, 1};
			int ok = sy ? an_tx_unit_of(&m, at, AN_GRAN_YEAR, k + 2)
			            : core(&m, c, k) && m.modable;
			if (!ok && an_tx_is(c, k, "the")) {
				memset(&m, 0, sizeof m);
				ok = core(&m, c, k + 1) && m.the_ok && m.modable;
			}
			/* (not a year gone in a clause ahead of its own: "the
			 * highest rates since 2011, and lenders say the pressure is
			 * unlikely to ease before the end of the year" is the DCT's
			 * year; "put lines into operation in 2025, bringing its
			 * network to 50,000 km by the end of the year" is 2025) */
			if (ok && !sy && an_tx_is(c, k, "the") && an_tx_is(c, k + 1, "year") &&
			    strlen(m.value) == 4 && atoi(m.value) < c->dct.y &&
			    c->ref_at < i && i - c->ref_at < 60 && new_clause(c, c->ref_at, i) &&
			    an_tx_direction(c, i, k + 2) > 0) {
				memset(&m, 0, sizeof m);
				at = (an_date){c->dct.y, 1, 1};
				ok = an_tx_unit_of(&m, at, AN_GRAN_YEAR, k + 2);
			}
			/* "the end of the month", "the start of the week": the
			 * month of the day last named ("On March 3 ... by the end of
			 * the month"), else the DCT's */
			/* "by the end of the decade", "the middle of the century":
			 * the DCT's; in a past clause the one of the time last
			 * named ("In 1995 ... by the end of the decade it had") */
			if (!ok && an_tx_is(c, k, "the") &&
			    (an_tx_is(c, k + 1, "decade") || an_tx_is(c, k + 1, "century"))) {
				int dec = TK(k + 1).low[0] == 'd';
				int past = an_tx_direction(c, i, k + 2) < 0 || an_tx_story_year(c, 0);
				at = c->ref.g != AN_GRAN_NONE && past ? c->ref.d : c->dct;
				ok = an_tx_unit_of(&m, at, dec ? AN_GRAN_DECADE : AN_GRAN_CENTURY, k + 2);
			}
			if (!ok && an_tx_is(c, k, "the") &&
			    (an_tx_is(c, k + 1, "month") || an_tx_is(c, k + 1, "week"))) {
				int month = TK(k + 1).low[0] == 'm';
				/* (a month named in an earlier paragraph is no more the
				 * story's: "hoped to finish by late May. ... expects 40
				 * percent by the end of the month", said on March 1) */
				at = c->ref.g == AN_GRAN_DAY ||
				             (month && c->ref.g == AN_GRAN_MONTH && !an_tx_para_since(c, i))
				         ? c->ref.d : c->dct;
				/* ("began on July 12 ...", a sentence or more before
				 * "could arrive by the end of the month": a month ahead
				 * is the DCT's) */
				if (month && c->ref.g != AN_GRAN_NONE && !an_tx_one_sentence(c, c->ref_at, i) &&
				    an_tx_direction(c, i, k + 2) > 0)
					at = c->dct;
				/* (and after the news day named since, in its
				 * sentence: "said this afternoon that ... 'well
				 * before the end of the month'") */
				if (c->today_at && c->today_at - 1 > c->ref_at &&
				    an_tx_one_sentence(c, c->today_at - 1, i))
					at = c->dct;
				/* ("said on Sunday ... should recover by the end of the
				 * week", on Monday: a week gone is not the one ahead) */
				if (!month && an_date_to_days(at) + 7 - an_date_weekday(at) <
				                  an_date_to_days(c->dct) && an_tx_direction(c, i, k + 2) > 0)
					at = c->dct;
				ok = an_tx_unit_of(&m, at, month ? AN_GRAN_MONTH : AN_GRAN_WEEK, k + 2);
			}
			if (ok && m.type == AN_TIMEX_DATE) {
				m.tb = i;
				set_mod(&m, mod);
				if (longer(out, have, &m)) {
					*out = m;
					have = 1;
				}
			}
		}
	}
	/* "Regulators give chatbot maker until end of May": a headline's
	 * "end of" and a month, without "the", after a preposition */
	if ((an_tx_is(c, i, "end") || an_tx_is(c, i, "start") || an_tx_is(c, i, "beginning")) &&
	    an_tx_is(c, i + 1, "of") && i > 0 && an_tx_one_of(c, i - 1, month_preps) &&
	    (an_tx_cls(c, i + 2) & AN_TXW_MONTH)) {
		memset(&m, 0, sizeof m);
		size_t me = an_tx_month(&m, c, i + 2);
		if (me && m.anchor.g == AN_GRAN_MONTH && m.modable) {
			m.tb = i;
			m.te = me;
			set_mod(&m, TK(i).low[0] == 'e' ? "END" : "START");
			if (longer(out, have, &m)) {
				*out = m;
				have = 1;
			}
		}
	}
	/* "earlier this month", "later this year", "later this summer",
	 * "earlier Sunday" */
	if (an_tx_is(c, i, "earlier") || an_tx_is(c, i, "later")) {
		memset(&m, 0, sizeof m);
		/* TimeBank takes the adverb into "earlier this month/year" and
		 * "earlier yesterday", but leaves it out of "earlier this week"
		 * and "later Thursday". */
		int unit = an_tx_cls(c, i + 2) & AN_TXW_UNIT ? TK(i + 2).w.unit : 0;
		if (core(&m, c, i + 1) && m.type != AN_TIMEX_DURATION &&
		    (((an_tx_is(c, i + 1, "this") || an_tx_is(c, i + 1, "that") ||
		       an_tx_is(c, i + 1, "last") || an_tx_is(c, i + 1, "next")) &&
		      (unit == AN_TXU_MONTH || unit == AN_TXU_QUARTER || unit == AN_TXU_YEAR ||
		       unit == AN_TXU_DECADE || /* "later this decade" */
		       /* ("later this summer", "earlier this fall", as a month) */
		       (an_tx_cls(c, i + 2) & AN_TXW_SEASON))) ||
		     (an_tx_is(c, i + 1, "that") && unit == AN_TXU_DAY) || /* "Later that day" */
		     an_tx_is(c, i + 1, "yesterday"))) {
			m.tb = i;
			set_mod(&m, TK(i).low[0] == 'e' ? "START" : "END");
			if (longer(out, have, &m)) {
				*out = m;
				have = 1;
			}
		}
	}
	/* "early in the year", "earlier in the year" (TimeBank's one is the
	 * year with START): the adverb and its "in" join the year */
	if ((an_tx_is(c, i, "early") || an_tx_is(c, i, "earlier") || an_tx_is(c, i, "late") ||
	     an_tx_is(c, i, "later")) &&
	    an_tx_is(c, i + 1, "in") && an_tx_is(c, i + 2, "the") && an_tx_is(c, i + 3, "year")) {
		memset(&m, 0, sizeof m);
		if (core(&m, c, i + 2) && m.type == AN_TIMEX_DATE && !m.mod[0] && m.tb == i + 2) {
			m.tb = i;
			set_mod(&m, TK(i).low[0] == 'e' ? "START" : "END");
			if (longer(out, have, &m)) {
				*out = m;
				have = 1;
			}
		}
	}
	/* "more than a month ago", "at least 30 days", "nearly two years" */
	size_t k;
	const char *qmod = an_tx_quantifier(c, i, &k);
	memset(&m, 0, sizeof m);
	/* "over three years, the firm grew": "over" is a preposition there;
	 * "over a month ago", "over an hour" are quantities */
	/* (but "just over 13 months", "well over a decade" are amounts) */
	if (qmod && an_tx_is(c, k - 1, "over") && !an_tx_is(c, k, "a") && !an_tx_is(c, k, "an") &&
	    !(k > 1 && (an_tx_is(c, k - 2, "just") || an_tx_is(c, k - 2, "well") ||
	                an_tx_is(c, k - 2, "slightly"))))
		qmod = NULL;
	/* "about 2 a.m.", "around noon": an approximate clock time (TimeML
	 * mod APPROX); other quantifiers say nothing of a time of day */
	int clock = qmod && strcmp(qmod, "APPROX") == 0 && !an_tx_is(c, i, "some") &&
	            an_tx_clock(&m, c, k) > k;
	/* "no later than Dec. 31", "no earlier than April 2026": a point in
	 * time; "around 2030", "roughly mid-2026", "circa 1850", "around Nov.
	 * 1": a written calendar date made approximate (not "get around
	 * Wednesday", nor "about 2019", which is often a topic) */
	int point = qmod && strncmp(qmod, "ON_OR", 5) == 0;
	int approx = qmod && (an_tx_is(c, i, "around") || an_tx_is(c, i, "roughly") ||
	                      an_tx_is(c, i, "approximately") || an_tx_is(c, i, "circa"));
	an_tx_match q; /* what the quantifier governs, matched once */
	memset(&q, 0, sizeof q);
	int qm = qmod && core(&q, c, k);
	m = q;
	int dated = qm && (point || approx) && (m.type == AN_TIMEX_DATE || m.type == AN_TIMEX_TIME) &&
	            m.anchor.g != AN_GRAN_NONE && !m.mod[0];
	if (dated && approx && !point) {
		dated = 0;
		for (size_t t = k; t < m.te; t++)
			dated |= an_tx_num(c, t);
	}
	if (dated && (point || approx)) {
		m.tb = i;
		set_mod(&m, qmod);
		if (longer(out, have, &m)) {
			*out = m;
			have = 1;
		}
	}
	m = q;
	if (qm && !point &&
	    (m.type == AN_TIMEX_DURATION ||
	     (m.type == AN_TIMEX_DATE && an_tx_shift_dir(c, m.te - 1)) ||
	     (clock && m.type == AN_TIMEX_TIME))) {
		m.tb = i;
		/* "more than a month ago" lies before the month-ago date */
		qmod = m.type == AN_TIMEX_DATE ? an_tx_shift_qmod(an_tx_shift_dir(c, m.te - 1), qmod)
		                               : an_tx_amount_qmod(c, i, m.type, qmod);
		set_mod(&m, qmod);
		if (longer(out, have, &m)) {
			*out = m;
			have = 1;
		}
	}
	if (have)
		an_tx_or_so(out, c); /* "a week or so", "six months or longer" */
	return have;
}
