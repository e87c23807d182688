/* timex_rel.c - expressions that need an anchor or carry no calendar point:
 * "today", "last week", "this year", "two days ago", "a year earlier",
 * "the next day", reporting periods ("the latest quarter") and
 * PAST_REF/PRESENT_REF/FUTURE_REF words.  Durations and sets are in
 * timex_dur.c, holidays in timex_holiday.c, fixed phrases ("right now",
 * "the coming weeks") in timex_phrase.c. */
#include "timex_impl.h"
#include "alloc.h"
#include "timex_tense.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TK(i) (c->tk[(i)])

static an_granularity unit_gran(an_tx_unit u)
{
	switch (u) {
	case AN_TXU_DAY: return AN_GRAN_DAY;
	case AN_TXU_WEEK:
	case AN_TXU_FORTNIGHT:
	case AN_TXU_WEEKEND: return AN_GRAN_WEEK;
	case AN_TXU_MONTH: return AN_GRAN_MONTH;
	case AN_TXU_QUARTER: return AN_GRAN_QUARTER;
	case AN_TXU_SEASON: return AN_GRAN_SEASON;
	case AN_TXU_YEAR: return AN_GRAN_YEAR;
	case AN_TXU_DECADE: return AN_GRAN_DECADE;
	case AN_TXU_CENTURY:
	case AN_TXU_MILLENNIUM: return AN_GRAN_CENTURY;
	default: return AN_GRAN_NONE;
	}
}

/* What follows a year that opens a sentence as its frame: a comma ("Last
 * year, a crash closed ...") or the subject of the clause ("Last year the
 * monsoon arrived on 31 May"), not a verb or a possessive ("Last year was
 * the wettest", "Last year's figures"). */
static int opens_clause(const an_tx_ctx *c, size_t k)
{
	static const char *const subj[] = {"the", "a", "an", "its", "his", "her", "their", "our",
	                                   "we", "they", "he", "she", "it", "i", NULL};
	return an_tx_is_punct(c, k, ',') || an_tx_one_of(c, k, subj);
}

/* Whether token i is inside a quotation opened in its paragraph: the
 * quote marks before it in the paragraph are odd in number.  Counted
 * once for the text, where a walk per question grew with the square of
 * a paragraph. */
static int quoted(const an_tx_ctx *c, size_t i)
{
	unsigned char *q = c->memo->quote_open;
	if (!q) {
		q = c->memo->quote_open = an_xmalloc(c->total + 1);
		int open = 0;
		for (size_t k = 0; k < c->total; k++) {
			if (k > 0 && TK(k).para)
				open = 0;
			q[k] = (unsigned char)open;
			/* (as quote_mark, which stops at the paragraph's end) */
			const char *w = TK(k).low;
			if (TK(k).kind == AN_TK_PUNCT &&
			    (strcmp(w, "\"") == 0 || strcmp(w, "\xe2\x80\x9c") == 0 ||
			     strcmp(w, "\xe2\x80\x9d") == 0))
				open = !open;
		}
	}
	return q[i];
}

/* Deictics: today, yesterday, "this evening", "last night" (not "the last night"). */
static size_t deictic(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	int off = 0, pod = 0;
	size_t e = i + 1;
	if (an_tx_is(c, i, "today"))
		off = 0;
	else if (an_tx_is(c, i, "yesterday"))
		off = -1;
	else if (an_tx_is(c, i, "tomorrow"))
		off = 1;
	else if (an_tx_is(c, i, "tonight"))
		pod = AN_TXP_NI;
	else if (an_tx_is(c, i, "this") && (an_tx_cls(c, i + 1) & AN_TXW_POD) &&
	         !an_tx_is(c, i + 1, "overnight")) {
		pod = TK(i + 1).w.pod;
		e = i + 2;
	} else if (an_tx_is(c, i, "last") && an_tx_is(c, i + 1, "night") &&
	           !an_tx_is(c, i - 1, "the")) {
		off = -1;
		pod = AN_TXP_NI;
		e = i + 2;
	} else {
		return 0;
	}
	if (!pod && (an_tx_cls(c, e) & AN_TXW_POD) && !an_tx_is(c, e, "overnight")) {
		pod = TK(e).w.pod;
		e++;
	}
	an_date d = an_date_add_days(c->dct, off);
	/* "Emma Lindqvist won on Sunday ... 'Today I enjoyed every shot,'
	 * the Swede said": in a quote, "today" and "tonight" are the day it
	 * was said, when the story is of the day before the DCT (its first
	 * day named: not "paid it by yesterday. Interest starts running
	 * today", nor a quote in a story of the DCT's day) */
	/* (not when the telling's day, the DCT's, was named since: "said
	 * on Thursday ... 'He trained for an hour this morning'") */
	if (off == 0 && c->lede_day_at && c->lede_day_at <= i &&
	    an_date_to_days(c->lede_day) == an_date_to_days(c->dct) - 1 && quoted(c, i) &&
	    !(c->today_at > c->lede_day_at && an_tx_sentences_between(c, c->today_at - 1, i) <= 1))
		d = c->lede_day;
	an_tx_set_point(m, d, AN_GRAN_DAY);
	m->anchor.g = AN_GRAN_NONE; /* deictic: no new reference time */
	m->modable = 1;
	if (pod) {
		static const char code[][3] = {"", "MO", "AF", "EV", "NI", "DT"};
		char tmp[64];
		snprintf(tmp, sizeof tmp, "%04d-%02d-%02dT%s", d.y, d.m, d.d, code[pod]);
		an_tx_set_value(m, AN_TIMEX_TIME, tmp);
	}
	return e;
}

/* this/last/next/coming + unit, season or month name: "last week",
 * "this year", "next spring", "last April". */
static size_t this_last_next(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	static const char *const owners[] = {"her", "his", "their", "its", "my", "our", "your",
	                                     NULL};
	static const char *const dets[] = {"the", "a", "an", "this", "that", NULL};
	int rel;
	/* "face the coming winter", "the past winter": the article joins a
	 * season's ("the past week" is a span, read elsewhere) */
	if (an_tx_is(c, i, "the") && (an_tx_is(c, i + 1, "coming") || an_tx_is(c, i + 1, "past")) &&
	    an_tx_word(c, i + 2) && (TK(i + 2).w.cls & AN_TXW_SEASON) && !an_tx_capital(c, i + 2))
		i++;
	size_t j = i + 1;
	if (an_tx_is(c, i, "this") || an_tx_is(c, i, "current"))
		rel = 0;
	else if (an_tx_is(c, i, "last") || an_tx_is(c, i, "past") || an_tx_is(c, i, "previous"))
		rel = -1;
	else if (an_tx_is(c, i, "next") || an_tx_is(c, i, "coming"))
		rel = 1;
	else
		return 0;
	if (an_tx_is(c, j, "past") && rel == 0) {
		rel = -1; /* "this past spring" */
		j++;
	}
	int coming = an_tx_is(c, i, "coming");
	if (an_tx_is(c, j, "coming") && rel == 0) {
		rel = 1; /* "this coming weekend" */
		coming = 1;
		j++;
	}
	an_date d = c->dct;
	/* "last fiscal year", "the next fiscal quarter": the year or quarter
	 * counted from the DCT's, as TimeBank's "the latest fiscal year" */
	if (an_tx_is(c, j, "fiscal") && (an_tx_is(c, j + 1, "year") || an_tx_is(c, j + 1, "quarter")))
		j++;
	/* "this financial year", said on March 3, 2015: Britain's and
	 * Ireland's year from April, named by the year it begins in (as
	 * "the 2014-15 financial year" is) */
	if (an_tx_is(c, j, "financial") && an_tx_is(c, j + 1, "year")) {
		j++;
		if (d.m < 4)
			d.y--;
	}
	/* "last season's levels", "this season", "next season": a season
	 * of sport (or of television, of storms) dated by the year it
	 * begins in, as "the 2022-23 season" is.  Only in the second half
	 * of the year: in spring, "this season" may be one begun last
	 * autumn (football) or this spring (baseball). */
	if (an_tx_is(c, j, "season") && !an_tx_capital(c, j) && c->dct.m >= 7 &&
	    !an_tx_is(c, j + 1, "of") && !(an_tx_is_punct(c, j + 1, '-') && !TK(j + 1).space)) {
		an_date x = {d.y + rel, 1, 1};
		an_tx_set_point(m, x, AN_GRAN_YEAR);
		m->anchor.g = AN_GRAN_NONE;
		return j + 1;
	}
	/* "this semester", "next semester": a school's season */
	if (an_tx_is(c, j, "semester")) {
		an_tx_set_point(m, an_tx_semester(d, rel), AN_GRAN_SEASON);
		m->the_ok = 1;
		return j + 1;
	}
	if (an_tx_word(c, j) && (TK(j).w.cls & AN_TXW_SEASON)) {
		int s = TK(j).w.season;
		int cur = an_tx_season_of(d.m);
		int y = d.m <= 2 ? d.y - 1 : d.y;
		if (rel < 0 && s >= cur)
			y--;
		if (rel > 0 && s <= cur)
			y++;
		/* in January "this spring" is the one ahead: only the winter
		 * began the year before */
		if (rel == 0 && d.m <= 2 && s != 4)
			y = d.y;
		/* and in spring, "had seen 1,400 more patients a day this
		 * winter" is the one just over, in a past clause */
		if (rel == 0 && s == 4 && d.m >= 3 && d.m <= 5 && an_tx_direction(c, i, j + 1) < 0)
			y = d.y - 1;
		an_date x = {y, an_tx_season_mid[s], 1};
		an_tx_set_point(m, x, AN_GRAN_SEASON);
		m->modable = 1;
		return j + 1;
	}
	if (an_tx_word(c, j) && (TK(j).w.cls & AN_TXW_MONTH) && TK(j).cap &&
	    !(TK(j).w.cls & AN_TXW_ABBR)) {
		int mon = TK(j).w.month;
		int y = rel == 0 ? d.y : an_tx_month_year(d, mon, rel, 1);
		/* "crashed last February", said on March 1: the month just
		 * gone would be "last month", so the one a year before */
		if (rel < 0 && (d.m - mon + 12) % 12 == 1)
			y--;
		/* (and the mirror: "from next April", said in March, is the
		 * April after the coming one, which is "next month") */
		if (rel > 0 && (mon - d.m + 12) % 12 == 1)
			y++;
		an_date x = {y, mon, 1};
		an_tx_set_point(m, x, AN_GRAN_MONTH);
		m->modable = 1;
		return j + 1;
	}
	if (!an_tx_word(c, j) || !(TK(j).w.cls & AN_TXW_UNIT) || (TK(j).w.cls & AN_TXW_PLURAL))
		return 0;
	if (an_tx_capital(c, j))
		return 0; /* "This Week", a programme */
	an_tx_unit u = (an_tx_unit)TK(j).w.unit;
	an_granularity g = unit_gran(u);
	/* "in the past hour", "over the last hour": a span back from now, as
	 * "the past week" is (not "the last hour of the show", nor the
	 * idiom "at the last minute") */
	if ((u == AN_TXU_HOUR || u == AN_TXU_MINUTE) && i > 0 && an_tx_is(c, i - 1, "the") &&
	    !an_tx_is(c, j + 1, "of") &&
	    (an_tx_is(c, i, "past") || (an_tx_is(c, i, "last") && u == AN_TXU_HOUR))) {
		char v[AN_TIMEX_VALUE_MAX];
		an_tx_duration_value(v, sizeof v, u, 1, 0);
		an_tx_set_value(m, AN_TIMEX_DURATION, v);
		m->the_ok = 1;
		return j + 1;
	}
	if (g == AN_GRAN_NONE || u == AN_TXU_SEASON)
		return 0;
	/* "the last decade of her life", "the next year of the war": a part
	 * of something the text names, no period counted from the DCT;
	 * passed over ("the last year of the decade" is left to the rules) */
	if (rel && an_tx_is(c, j + 1, "of") && an_tx_word(c, j + 2) &&
	    (an_tx_one_of(c, j + 2, owners) ||
	     (an_tx_one_of(c, j + 2, dets) && an_tx_word(c, j + 3) &&
	      !(TK(j + 3).w.cls & (AN_TXW_UNIT | AN_TXW_MONTH | AN_TXW_SEASON | AN_TXW_WDAY))))) {
		m->skip = 1;
		return j + 1;
	}
	/* a span named by the preposition before "the": "over the next
	 * decade" (five annotators of six; "in the next decade" stays the
	 * decade), "over the coming month", "over the last day", "in the last
	 * day or two" ("over the next year or so" stays a date, as TimeBank's
	 * one has it: "the next" + unit is anaphoric()'s) */
	const char *before = i > 1 && an_tx_is(c, i - 1, "the") && an_tx_word(c, i - 2)
	                     ? TK(i - 2).low : "";
	int over = strcmp(before, "over") == 0 || strcmp(before, "during") == 0 ||
	           strcmp(before, "within") == 0 || strcmp(before, "for") == 0;
	/* "the store's last day", "The last day of business": no day counted
	 * from the DCT (that is "yesterday") */
	int last_day = u == AN_TXU_DAY && an_tx_is(c, i, "last");
	if (last_day && !over && strcmp(before, "in") != 0) {
		m->skip = 1;
		return j + 1;
	}
	/* "the past year" is a date in TimeBank, "the past week" a duration;
	 * so is "the next fortnight", "the coming fortnight" (two weeks, no
	 * calendar unit to name) */
	if ((an_tx_is(c, i, "past") && u != AN_TXU_YEAR) || last_day ||
	    (rel > 0 && u == AN_TXU_DECADE && (over || strcmp(before, "throughout") == 0)) ||
	    (rel > 0 && over && (u == AN_TXU_WEEK || u == AN_TXU_MONTH || u == AN_TXU_YEAR)) ||
	    (u == AN_TXU_FORTNIGHT && i > 0 && an_tx_is(c, i - 1, "the"))) {
		char v[AN_TIMEX_VALUE_MAX];
		an_tx_duration_value(v, sizeof v, u, 1, 0);
		an_tx_set_value(m, AN_TIMEX_DURATION, v);
		m->the_ok = 1;
		return j + 1;
	}
	an_date x = an_tx_shift(d, u, rel);
	/* "the coming weekend", "this coming weekend": the first one after
	 * the DCT, which on a weekday is this week's */
	if (coming && u == AN_TXU_WEEKEND)
		x = an_tx_weekday_date(an_date_add_days(d, 1), 6, 1);
	an_tx_set_point(m, x, g);
	/* "Last year, a crash closed the road for five hours on Dec. 21": a
	 * past year opening the sentence frames its days (as "Four years
	 * ago," does, ago()); otherwise a deictic sets no reference */
	if (!(rel < 0 && u == AN_TXU_YEAR && TK(i).sent && opens_clause(c, j + 1)))
		m->anchor.g = AN_GRAN_NONE;
	m->the_ok = m->modable = 1;
	if (u == AN_TXU_WEEKEND)
		an_tx_mark_weekend(m);
	if (j + 1 < c->n && an_tx_is(c, i, "this") && u == AN_TXU_YEAR &&
	    an_tx_is_punct(c, j + 1, '\'') && an_tx_is(c, j + 2, "s"))
		return j + 1;
	return j + 1;
}

/* A comma between tokens a and b. */
static int comma_between(const an_tx_ctx *c, size_t a, size_t b)
{
	for (size_t k = a + 1; k < b; k++)
		if (an_tx_is_punct(c, k, ','))
			return 1;
	return 0;
}

/* The reference time was set inside a relative clause that closed
 * before token i, in i's sentence, and one was set before it (the main
 * clause's, c->ref_prev): an_tx_in_relative's answer (1 "who", 2
 * "which"), else 0. */
static int ref_in_relative(const an_tx_ctx *c, size_t i)
{
	if (c->ref_prev.g == AN_GRAN_NONE || !an_tx_one_sentence(c, c->ref_at, i) ||
	    !comma_between(c, c->ref_at, i))
		return 0;
	return an_tx_in_relative(c, c->ref_at);
}

/* The nearest year written as four figures in the two sentences before
 * token i (a thousand tokens at most), at most `max`; 0 for none. */
static int written_year_before(const an_tx_ctx *c, size_t i, int max)
{
	for (size_t k = i, sents = 0; k > 0 && sents <= 2 && i - k < 1000;) {
		k--;
		sents += c->tk[k].sent;
		if (c->tk[k].kind == AN_TK_NUM && c->tk[k].ndig == 4 && c->tk[k].num >= 1000 &&
		    c->tk[k].num <= max)
			return (int)c->tk[k].num;
	}
	return 0;
}

/* "the next morning", "that night", "that autumn", "the following
 * spring", "that June", "the following January".  A part of the day is
 * a TIME of its day, counted from the day last named; a season or a
 * month falls in the year last named (a narrative's reference time), the
 * next or previous one after "the next/following/previous".  "that"
 * before a month only where it cannot be a conjunction ("said that June
 * sales rose"): at a sentence start or after a preposition or a comma. */
static size_t part_anaphor(an_tx_match *m, const an_tx_ctx *c, size_t i, size_t j, int rel)
{
	static const char *const preps[] = {"in", "by", "until", "till", "during", "of", "since",
	                                    "through", "and", "but", "later", "earlier", NULL};
	unsigned cls = an_tx_cls(c, j);
	if (!an_tx_word(c, j) || (cls & AN_TXW_PLURAL))
		return 0;
	an_tx_point r = an_tx_ref(c);
	if (an_tx_capital(c, j) && !(cls & AN_TXW_MONTH))
		return 0; /* "that Spring Festival" */
	if (cls & AN_TXW_POD) {
		if (r.g < AN_GRAN_DAY || an_tx_is(c, j, "overnight") || an_tx_is(c, j + 1, "of"))
			return 0;
		/* ("The next morning he took the first train west and came
		 * home the same evening": the day last named, counted from
		 * the reference, which sets none) */
		if (rel == 0 && c->day_at && c->day_at - 1 > c->ref_at)
			r.d = c->day;
		an_tx_set_point(m, an_date_add_days(r.d, rel), AN_GRAN_DAY);
		m->anchor.g = AN_GRAN_NONE;
		m->modable = 1;
		/* "that evening", "the following morning" are parts of the
		 * day named, TIMEs as "this evening" is (TimeBank's one "the
		 * next morning" has the day alone) */
		char v[AN_TIMEX_VALUE_MAX];
		snprintf(v, sizeof v, "%.10sT%s", m->value, an_tx_pod_code[TK(j).w.pod]);
		an_tx_set_value(m, AN_TIMEX_TIME, v);
		return j + 1;
	}
	int month = (cls & AN_TXW_MONTH) && !(cls & AN_TXW_ABBR) && TK(j).cap;
	if (!(cls & AN_TXW_SEASON) && !month)
		return 0;
	/* "The pit, which had opened in 1896, was back in production that
	 * summer": past the relative clause, the main clause's reference */
	if (ref_in_relative(c, i))
		r = c->ref_prev;
	if (r.g < AN_GRAN_YEAR)
		return 0;
	if (month && rel == 0 && !TK(i).sent && !(i > 0 && an_tx_is_punct(c, i - 1, ',')) &&
	    !(i > 0 && an_tx_one_of(c, i - 1, preps)) && !an_tx_that_month(c, i, j))
		return 0;
	int y = r.d.y, fine = r.g > AN_GRAN_YEAR;
	an_date x;
	if (month) {
		int mon = TK(j).w.month;
		if (rel > 0)
			y += fine && mon > r.d.m ? 0 : 1;
		else if (rel < 0)
			y -= fine && mon < r.d.m ? 0 : 1;
		x = (an_date){y, mon, 1};
		an_tx_set_point(m, x, AN_GRAN_MONTH);
	} else {
		int s = TK(j).w.season;
		/* the reference's season and its season year */
		int cur = fine ? an_tx_season_of(r.d.m) : 0;
		int sy = fine && r.d.m <= 2 ? y - 1 : y;
		if (rel > 0)
			y = fine ? (s > cur ? sy : sy + 1) : y + 1;
		else if (rel < 0)
			y = fine ? (s < cur ? sy : sy - 1) : y - 1;
		else if (s == 4 && fine && r.d.m <= 2)
			y--;
		x = (an_date){y, an_tx_season_mid[s], 1};
		an_tx_set_point(m, x, AN_GRAN_SEASON);
		/* ("Is this like 1976? ... That summer, parts of England went 45
		 * days without rain. The government appointed a minister in
		 * August": "that" season of a year named is where the story goes
		 * on; not after a day, which stays the finer reference) */
		if (rel == 0 && !fine && y < c->dct.y - 2) {
			m->modable = 1;
			return j + 1;
		}
	}
	m->anchor.g = AN_GRAN_NONE;
	m->modable = 1;
	return j + 1;
}

/* Anaphoric: "the next day", "the following week", "the previous year",
 * "that day", "the same day", "the previous weekend": resolved against
 * the reference time. */
static size_t anaphoric(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	int rel;
	size_t j;
	if (an_tx_is(c, i, "the") && (an_tx_is(c, i + 1, "next") || an_tx_is(c, i + 1, "following"))) {
		rel = 1;
		j = i + 2;
	} else if (an_tx_is(c, i, "the") &&
	           (an_tx_is(c, i + 1, "previous") || an_tx_is(c, i + 1, "prior"))) {
		rel = -1;
		j = i + 2;
	} else if (an_tx_is(c, i, "the") && an_tx_is(c, i + 1, "same")) {
		rel = 0;
		j = i + 2;
	} else if (an_tx_is(c, i, "that")) {
		rel = 0;
		j = i + 1;
	} else {
		return 0;
	}
	if (rel == 0 && TK(i).low[1] == 'h' && TK(i).low[2] == 'a' && an_tx_is(c, j, "same"))
		j++; /* "that same month" */
	size_t e = part_anaphor(m, c, i, j, rel);
	if (e)
		return e;
	if (!an_tx_word(c, j) || !(TK(j).w.cls & AN_TXW_UNIT) || (TK(j).w.cls & AN_TXW_PLURAL))
		return 0;
	an_tx_unit u = (an_tx_unit)TK(j).w.unit;
	/* "By the end of that decade": the decade of the year last named
	 * ("the next decade" is news's, not the story's) */
	if (u == AN_TXU_DECADE && rel == 0 && c->ref.g >= AN_GRAN_DECADE) {
		an_date x = {c->ref.d.y, 1, 1};
		an_tx_set_point(m, x, AN_GRAN_DECADE);
		m->anchor.g = AN_GRAN_NONE;
		m->modable = 1;
		return j + 1;
	}
	/* "left the track on Oct. 17 ... wiring work the previous weekend":
	 * the weekend before or after the day last named, or its own */
	/* ("no fixtures this weekend ... resumes the following weekend":
	 * from the week or weekend its sentence named from the DCT) */
	an_tx_point wk;
	if (u == AN_TXU_WEEKEND && rel && an_tx_period_ref(c, i, AN_GRAN_WEEK, &wk)) {
		an_date sat = an_date_add_days(wk.d, 5 + 7 * rel);
		an_tx_set_point(m, sat, AN_GRAN_WEEK);
		m->anchor.g = AN_GRAN_NONE;
		an_tx_mark_weekend(m);
		return j + 1;
	}
	/* (the day last named may be one counted from the reference, which
	 * sets none: "fell ill on July 26 ... four days later ... the
	 * following weekend") */
	if (u == AN_TXU_WEEKEND && c->ref.g == AN_GRAN_DAY) {
		an_date r = c->day_at && c->day_at - 1 > c->ref_at ? c->day : c->ref.d;
		an_date sat = rel < 0 ? an_tx_weekday_date(an_date_add_days(r, -1), 6, -1)
		            : rel > 0 ? an_tx_weekday_date(an_date_add_days(r, 1), 6, 1)
		                      : an_tx_weekday_date(r, 6, 1);
		if (rel == 0 && an_date_weekday(r) == 7)
			sat = an_date_add_days(r, -1);
		an_tx_set_point(m, sat, AN_GRAN_WEEK);
		m->anchor.g = AN_GRAN_NONE;
		an_tx_mark_weekend(m);
		return j + 1;
	}
	if (u != AN_TXU_DAY && u != AN_TXU_WEEK && u != AN_TXU_MONTH && u != AN_TXU_YEAR)
		return 0;
	/* "within the next month", "over the next week": a stretch of one
	 * unit, as "the next three months" is (not "took over the following
	 * year", a particle; TimeBank keeps "over the next year or so" a
	 * date) */
	static const char *const spans[] = {"over", "within", "during", "throughout", NULL};
	if (rel > 0 && i > 0 && an_tx_one_of(c, i - 1, spans) &&
	    (an_tx_is(c, i + 1, "next") || !an_tx_is(c, i - 1, "over")) &&
	    !(an_tx_is(c, j + 1, "or") && an_tx_is(c, j + 2, "so"))) {
		char v[AN_TIMEX_VALUE_MAX];
		an_tx_duration_value(v, sizeof v, u, 1, 0);
		an_tx_set_value(m, AN_TIMEX_DURATION, v);
		return j + 1;
	}
	an_tx_point r = an_tx_ref(c);
	/* "cases last week, up from the previous week": from the period the
	 * sentence named from the DCT */
	if (rel && an_tx_period_ref(c, i, unit_gran(u), &r))
		;
	/* ("reported on Tuesday that revenue rose in the fourth quarter,
	 * and its shares jumped the next day": the day named before the
	 * coarser reference, in its sentence) */
	else if (r.g < unit_gran(u) && r.g != AN_GRAN_NONE && u == AN_TXU_DAY && c->day_at &&
	         c->day_at - 1 < c->ref_at && an_tx_one_sentence(c, c->day_at - 1, i))
		r = (an_tx_point){c->day, AN_GRAN_DAY};
	else if (r.g < unit_gran(u) && r.g != AN_GRAN_NONE)
		return 0; /* "the next day" after "in 1998": no day to count from */
	an_tx_set_point(m, an_tx_shift(r.d, u, rel), unit_gran(u));
	m->anchor.g = AN_GRAN_NONE;
	m->modable = u != AN_TXU_DAY; /* "late the following year" */
	return j + 1;
}

/* The word "anniversary" in the text before token i. */
static int anniversary_before(const an_tx_ctx *c, size_t i)
{
	for (size_t k = i; k > 0 && i - k < 400;)
		if (an_tx_is(c, --k, "anniversary"))
			return 1;
	return 0;
}

/* "two days ago", "a year earlier", "three weeks later", "a month from
 * now".  "ago" counts from the DCT; "earlier"/"later" from the reference
 * time, keeping its precision ("the third quarter ... a year earlier" is a
 * quarter). */
static size_t ago(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	long n;
	size_t j = an_tx_count(&n, c, i);
	/* "half a century ago", "a half-century ago" (timex_shift.c) */
	int halfway = an_tx_half_count(c, i, &j, &n);
	if (halfway < 0)
		return 0;
	/* "The day before, he had bought a gun", "the week after.": one unit
	 * from the reference time, as "a day before" is, but naming the
	 * whole unit ("the week before" is a week) */
	/* Only days and weeks: "up from $450 million the year before" comes
	 * after "last year", which sets no reference time, so a year or a
	 * month would count from the wrong point. */
	int the = an_tx_is(c, i, "the") && (an_tx_is(c, i + 1, "day") || an_tx_is(c, i + 1, "week")) &&
	          (an_tx_is(c, i + 2, "before") || an_tx_is(c, i + 2, "after"));
	/* A year or a month does where its own sentence named that year or
	 * month, and the phrase ends there: "214 breaks in 2015, up from 131
	 * the year before" (not "the year before the war") */
	if (!the && an_tx_is(c, i, "the") &&
	    (an_tx_is(c, i + 1, "year") || an_tx_is(c, i + 1, "month")) &&
	    (an_tx_is(c, i + 2, "before") || an_tx_is(c, i + 2, "after")) &&
	    (i + 3 >= c->n || c->tk[i + 3].sent || c->tk[i + 3].kind == AN_TK_PUNCT) &&
	    c->ref.g == (TK(i + 1).low[0] == 'y' ? AN_GRAN_YEAR : AN_GRAN_MONTH) && c->ref_at < i)
		the = an_tx_one_sentence(c, c->ref_at, i);
	if (the) {
		n = 1;
		j = i + 1;
	}
	/* "2,914 cases last week, up from 2,301 the week before", "last
	 * month, ... the month before": the period named from the DCT in the
	 * sentence, which set no reference time, is what the phrase counts
	 * from (not "the week before the election"; and not a year, which
	 * TimeBank leaves untagged: "last year, down from $450 million the
	 * year before") */
	an_tx_point per;
	if (an_tx_is(c, i, "the") && (an_tx_is(c, i + 1, "week") || an_tx_is(c, i + 1, "month")) &&
	    (an_tx_is(c, i + 2, "before") || an_tx_is(c, i + 2, "after")) &&
	    (i + 3 >= c->n || TK(i + 3).sent || TK(i + 3).kind == AN_TK_PUNCT) &&
	    an_tx_period_ref(c, i, unit_gran((an_tx_unit)TK(i + 1).w.unit), &per)) {
		int step = an_tx_is(c, i + 2, "before") ? -1 : 1;
		an_tx_set_point(m, an_tx_shift(per.d, (an_tx_unit)TK(i + 1).w.unit, step), per.g);
		m->anchor.g = AN_GRAN_NONE;
		return i + 3;
	}
	/* "13 billion years ago", "billions of years ago": deep time
	 * (timex_shift.c) */
	size_t dj = an_tx_deep_count(c, i, j);
	if (dj) {
		n = -1;
		j = dj;
	}
	if (!j) {
		if (!an_tx_word(c, i) || !(TK(i).w.cls & AN_TXW_PLURAL))
			return 0;
		n = -1; /* "months ago" */
		j = i;
	}
	/* "two and a half years ago", "a year and a half earlier": months */
	int half = n > 0 && !the && an_tx_is(c, j, "and") && an_tx_is(c, j + 1, "a") &&
	           an_tx_is(c, j + 2, "half") && (an_tx_cls(c, j + 3) & AN_TXW_UNIT) &&
	           TK(j + 3).w.unit == AN_TXU_YEAR;
	if (half)
		j += 3;
	/* "2h ago", "6 hr. ago": k is at "ago" */
	an_tx_unit u;
	size_t k = n > 0 && !the ? an_tx_short_unit(c, j, &u) : 0;
	if (!k) {
		if (!an_tx_word(c, j) || !(TK(j).w.cls & AN_TXW_UNIT))
			return 0;
		u = (an_tx_unit)TK(j).w.unit;
		k = j + 1;
		/* "two seasons ago": a sports season is a competition, counted
		 * like games (see an_tx_duration) */
		if (u == AN_TXU_SEASON)
			return 0;
	}
	int dir, from_ref = 0, from_day = 0;
	if (!half && n > 0 && !the && u == AN_TXU_YEAR && an_tx_is(c, k, "and") &&
	    an_tx_is(c, k + 1, "a") && an_tx_is(c, k + 2, "half")) {
		half = 1;
		k += 3;
	}
	if (half) {
		n = n * 12 + 6;
		u = AN_TXU_MONTH;
	}
	if (halfway && (n != 1 || the || !an_tx_half_unit(&n, &u)))
		return 0;
	/* "a week or so ago": an approximation inside the expression */
	int approx = an_tx_is(c, k, "or") && an_tx_is(c, k + 1, "so") && n >= 0;
	if (approx)
		k += 2;
	/* "two years and three months ago": one date, at the finer unit */
	an_tx_unit u2 = AN_TXU_NONE;
	long n2 = 0;
	if (n > 0 && !the && !approx && an_tx_is(c, k, "and")) {
		size_t j2 = an_tx_count(&n2, c, k + 1);
		if (j2 && n2 > 0 && (an_tx_cls(c, j2) & AN_TXW_UNIT) && TK(j2).w.unit < (int)u &&
		    unit_gran((an_tx_unit)TK(j2).w.unit) != AN_GRAN_NONE &&
		    (an_tx_is(c, j2 + 1, "ago") || an_tx_is(c, j2 + 1, "earlier") ||
		     an_tx_is(c, j2 + 1, "later"))) {
			u2 = (an_tx_unit)TK(j2).w.unit;
			k = j2 + 1;
		}
	}
	if (an_tx_is(c, k, "ago") || an_tx_is(c, k, "before") || an_tx_is(c, k, "after")) {
		dir = an_tx_is(c, k, "after") ? 1 : -1;
		/* "two days before the vote": anchored on an event (so is one
		 * in quotes: "Ten years after 'We can do this,'") */
		if (!an_tx_is(c, k, "ago") &&
		    !(k + 1 >= c->n || TK(k + 1).kind == AN_TK_PUNCT))
			return 0;
		if (!an_tx_is(c, k, "ago") && k + 1 < c->n && TK(k + 1).space &&
		    (TK(k + 1).low[0] == '\'' || TK(k + 1).low[0] == '"' ||
		     (unsigned char)TK(k + 1).low[0] == 0xe2))
			return 0;
		/* "'the day after' the election", "the day before's": no anaphor */
		if (!an_tx_is(c, k, "ago") && k + 1 < c->n && !TK(k + 1).space &&
		    (TK(k + 1).low[0] == '\'' || (unsigned char)TK(k + 1).low[0] == 0xe2))
			return 0;
		from_ref = !an_tx_is(c, k, "ago");
		k++;
	} else if (the) {
		return 0;
	} else if ((an_tx_is(c, k, "earlier") || an_tx_is(c, k, "later")) &&
	           !an_tx_is(c, k + 1, "than") && !an_tx_is(c, k + 1, "each") &&
	           !an_tx_is(c, k + 1, "every") &&
	           !((an_tx_is(c, k + 1, "this") || an_tx_is(c, k + 1, "next")) &&
	             (an_tx_cls(c, k + 2) & AN_TXW_UNIT))) {
		/* "three weeks earlier than usual" compares; the amount is a
		 * duration (timex_dur.c); so are "for three days later this
		 * month", whose "later" is the month's, and "starts about 11
		 * days earlier each year" */
		dir = TK(k).low[0] == 'e' ? -1 : 1;
		from_ref = 1;
		k++;
	} else if (an_tx_is(c, k, "on") && n > 0 && c->ref.g != AN_GRAN_NONE &&
	           (an_tx_is_punct(c, k + 1, ',') || an_tx_is_punct(c, k + 1, '.'))) {
		/* "A year on, the town was rebuilt": later, after the time last
		 * named ("two weeks on the job", "a year on from" an event are
		 * none) */
		dir = 1;
		from_ref = 1;
		k++;
	} else if (an_tx_is(c, k, "from") &&
	           (an_tx_is(c, k + 1, "now") || an_tx_is(c, k + 1, "today"))) {
		dir = 1;
		k += 2;
	} else if (an_tx_is(c, k, "from") &&
	           (an_tx_is(c, k + 1, "tomorrow") || an_tx_is(c, k + 1, "yesterday"))) {
		/* "a week from tomorrow": from that day, to the day */
		dir = 1;
		from_day = TK(k + 1).low[0] == 't' ? 1 : -1;
		k += 2;
	} else if (an_tx_is(c, k, "hence")) {
		dir = 1;
		k++;
	} else {
		return 0;
	}
	an_granularity g = unit_gran(u);
	/* "a week or so ago": the day that far back, as TimeBank has it, and
	 * "A week ago today" (timex_almanac.c); "a week ago", "a fortnight
	 * ago" are the week, as "two weeks ago" is (the guide of the sets,
	 * and every one of their annotators) */
	if (!from_ref && !from_day && n == 1 && dir < 0 && !u2 &&
	    (approx || an_tx_is(c, k, "today")) &&
	    (u == AN_TXU_WEEK || u == AN_TXU_FORTNIGHT))
		g = AN_GRAN_DAY;
	/* "11 hours later", "over an hour later": the amount alone, a
	 * DURATION, as TimeBank tags both of its (the reference is a day,
	 * which cannot place an hour); "two hours ago" stays the DCT's day */
	if (g == AN_GRAN_NONE && n >= 0 && from_ref && u <= AN_TXU_HOUR) {
		/* after a clock time ("at 5 a.m. ... Six hours later") the
		 * TIME that far from it */
		if (n > 0 && !the && an_tx_clock_shift(m, c, i, u, dir * n))
			return k;
		return 0;
	}
	if (n < 0 || g == AN_GRAN_NONE) {
		if (from_day)
			return 0; /* "hours from tomorrow" is no phrase */
		if (n < 0)
			an_tx_set_value(m, AN_TIMEX_DATE, dir < 0 ? "PAST_REF" : "FUTURE_REF");
		else {
			an_tx_set_point(m, c->dct, AN_GRAN_DAY); /* "two hours ago" */
			m->anchor.g = AN_GRAN_NONE;
		}
		return k;
	}
	/* "a decade ago" is a year, and so "a century ago", as "half a
	 * century ago" is */
	if ((g == AN_GRAN_DECADE && u == AN_TXU_DECADE) || u == AN_TXU_CENTURY)
		g = AN_GRAN_YEAR;
	an_tx_point base = {an_date_add_days(c->dct, from_day), AN_GRAN_DAY};
	if (from_day && g < AN_GRAN_DAY)
		g = AN_GRAN_DAY;
	/* In a story about a quarter, "a year ago" is that quarter last year. */
	/* ("Four years ago, inflation was running at 7 percent" is a year) */
	if (!from_ref && u == AN_TXU_YEAR && n == 1 && c->ref.g == AN_GRAN_QUARTER &&
	    c->ref.d.y >= c->dct.y - 1 && c->ref.d.y <= c->dct.y) {
		from_ref = 1;
	}
	/* "In the latest quarter, sales climbed to $155 million from $99
	 * million a year earlier", "oil prices higher than a year ago", the
	 * reference a month or year of an earlier sentence: in a story of a
	 * quarter's results, the comparison is with that quarter a year back
	 * (not with a reference of its own sentence) */
	int story_q = 0;
	if (u == AN_TXU_YEAR && n == 1 && dir < 0 && c->quarter.g == AN_GRAN_QUARTER &&
	    c->ref.g != AN_GRAN_QUARTER &&
	    !(c->ref.g != AN_GRAN_NONE && an_tx_one_sentence(c, c->ref_at, i)))
		story_q = 1;
	/* "rose 0.1 percent last month and 2.1 percent from a year earlier",
	 * "from the previous week and 21 percent from a year ago": the same
	 * month or week a year back, as for a quarter; "would spend 20 billion
	 * this year, up from 14 billion a year earlier": the year before */
	an_tx_point yper;
	int per_year = u == AN_TXU_YEAR && n == 1 && dir < 0 && !story_q &&
	               (an_tx_period_ref(c, i, AN_GRAN_MONTH, &yper) ||
	                an_tx_period_ref(c, i, AN_GRAN_WEEK, &yper) ||
	                an_tx_period_ref(c, i, AN_GRAN_YEAR, &yper));
	/* "struck on May 3 ... shelters this summer ... announced 10 days
	 * later": a season or a year named since cannot place the days; the
	 * day named before it does */
	if (from_ref && c->ref.g != AN_GRAN_NONE && c->ref.g < AN_GRAN_MONTH &&
	    g >= AN_GRAN_WEEK && c->day_at && c->day_at - 1 < c->ref_at &&
	    an_tx_one_sentence(c, c->ref_at, i)) {
		an_tx_set_point(m, an_tx_shift(c->day, u, dir * n), g);
		m->anchor.g = AN_GRAN_NONE;
		return k;
	}
	/* "In 2018 ... a day earlier": a reference coarser than a month cannot
	 * place a day or a week, but the day is all but surely in that year */
	if (from_ref && c->ref.g != AN_GRAN_NONE && c->ref.g < AN_GRAN_MONTH &&
	    g >= AN_GRAN_WEEK) {
		an_tx_set_point(m, c->ref.d, c->ref.g);
		m->anchor.g = AN_GRAN_NONE;
		return k;
	}
	if (from_ref && c->ref.g != AN_GRAN_NONE) {
		base = c->ref;
		/* "Van Acker, who crashed in Bologna on May 11 and needed six
		 * stitches, had been two minutes off the lead a week earlier":
		 * past the relative clause, the reference of the main clause;
		 * after ", who" (a person's background) wherever it was named,
		 * after ", which" (which may date the main clause's period:
		 * "For the quarter, which ended Feb. 28") only when named in
		 * its sentence */
		int relc = ref_in_relative(c, i);
		if (relc == 1 || (relc == 2 && c->ref_prev_at < c->ref_at &&
		                  an_tx_one_sentence(c, c->ref_prev_at, c->ref_at)))
			base = c->ref_prev;
		/* '"When I came here in 2015 ...," Holloway told reporters on
		 * Thursday. "Three years later we're in the Premier League"':
		 * the day of the telling, in the news's week, is no time the
		 * story counts from when the count from it would land past
		 * the news and the count from the time before would not */
		/* (nor a day ahead in what was told, in a past clause: "I got a
		 * letter on March 3 saying my rent would go up on May 1. Two
		 * weeks later my neighbor got the same letter") */
		long ahead = an_date_to_days(base.d) - an_date_to_days(c->dct);
		if (dir > 0 && base.g == AN_GRAN_DAY && c->ref_prev.g != AN_GRAN_NONE &&
		    ((c->ref_prev.g <= AN_GRAN_MONTH && labs(ahead) <= 7) ||
		     (ahead > 0 && an_tx_direction(c, i, k) < 0))) {
			long now = an_date_to_days(c->dct);
			if (an_date_to_days(an_tx_shift(base.d, u, n)) > now &&
			    an_date_to_days(an_tx_shift(c->ref_prev.d, u, n)) <= now)
				base = c->ref_prev;
		}
		/* "I remember the 1989 freeze ... I did not think I would be
		 * writing about the same thing 32 years later": years counted
		 * past the news from the reference come from a year written in
		 * the text before, though it only qualified a noun, when that
		 * one lands on the news or before and the count from the
		 * reference more than a decade past it ("a year later" may be
		 * ahead) */
		if (dir > 0 && u == AN_TXU_YEAR && an_tx_shift(base.d, u, n).y > c->dct.y + 10) {
			int y = written_year_before(c, i, c->dct.y - (int)n);
			if (y) {
				base.d = (an_date){y, 1, 1};
				base.g = AN_GRAN_YEAR;
			}
		}
		/* "will open on Friday ... premiered in September ... and
		 * stream 45 days later": a month cannot place the day that the
		 * days count from; the day last named does */
		if (base.g == AN_GRAN_MONTH && g == AN_GRAN_DAY && u == AN_TXU_DAY && c->day_at &&
		    c->day_at - 1 < c->ref_at) {
			/* (not where the count would land on the month's wrong
			 * side: "On Feb. 2 ... In March ... Ten days later") */
			long to = an_date_to_days(an_date_add_days(c->day, dir * n));
			long first = an_date_to_days(base.d),
			     last = an_date_to_days(an_date_add_months(base.d, 1)) - 1;
			if (dir > 0 ? to > last : to < first) {
				base.d = c->day;
				base.g = AN_GRAN_DAY;
			}
		}
		/* a quarter named as a comparison ("this year's first quarter")
		 * is no new story quarter */
		if (base.g == AN_GRAN_QUARTER && c->quarter.g == AN_GRAN_QUARTER &&
		    u == AN_TXU_YEAR)
			base = c->quarter;
		/* "Four months later", "Two years later" name a month, a year:
		 * the unit's precision ("a week later" stays a day).  "a year
		 * earlier" compares a period with the same one before ("the
		 * quarter ended Sept. 30 ... a year earlier"): it keeps the finer
		 * precision of the reference, as the reporting periods (quarters,
		 * halves) always do. */
		int same_period = (n == 1 && dir < 0 && u == AN_TXU_YEAR) ||
		                  base.g == AN_GRAN_QUARTER || base.g == AN_GRAN_HALF;
		if (base.g > g && !the && (same_period || g < AN_GRAN_YEAR || g > AN_GRAN_MONTH))
			g = base.g;
		/* "in the 1950s ... a decade later": a decade cannot place a
		 * year; the shift keeps its precision (the 1960s) */
		if (base.g == AN_GRAN_DECADE && g > base.g)
			g = base.g;
	}
	if (story_q) {
		base = c->quarter;
		g = AN_GRAN_QUARTER;
	} else if (per_year) {
		base = yper;
		g = yper.g;
	}
	an_date to = an_tx_shift(base.d, u, dir * n);
	if (per_year && g == AN_GRAN_WEEK)
		to = an_date_add_days(base.d, -364); /* the same week number */
	if (u2) {
		to = an_tx_shift(to, u2, dir * n2);
		if (g < unit_gran(u2))
			g = unit_gran(u2);
	}
	an_tx_set_point(m, to, g);
	/* "3000 years ago": a round amount before the era, no date (a BC
	 * year is written as one: "146 BC ... a century later") */
	/* "Four years ago, the primaries were held on March 3": a year ago
	 * that opens the sentence frames it, as "In 2020," would */
	int frames = !from_ref && g == AN_GRAN_YEAR && TK(i).sent && opens_clause(c, k) &&
	             m->anchor.d.y >= 1;
	if (!from_ref && m->anchor.d.y < 1)
		an_tx_set_value(m, AN_TIMEX_DATE, "XXXX");
	if (!frames)
		m->anchor.g = AN_GRAN_NONE;
	/* "Fifty years ago, crowds packed Whitehall to hear Churchill at 3
	 * p.m.", in a piece on the anniversary: the story is on the day the
	 * anniversary marks (the value stays the year) */
	else if (u == AN_TXU_YEAR && dir < 0 && n >= 2 && !from_day && anniversary_before(c, i)) {
		m->anchor.d = to;
		m->anchor.g = AN_GRAN_DAY;
	}
	if (approx)
		an_tx_copy(m->mod, sizeof m->mod, "APPROX");
	return k;
}

size_t an_tx_rel(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	size_t (*const fns[])(an_tx_match *, const an_tx_ctx *, size_t) = {
		deictic, an_tx_phrase_at, this_last_next, anaphoric, ago, an_tx_set, an_tx_report_period,
		an_tx_weekend,
		an_tx_holiday_at, an_tx_midweek, an_tx_nth_weekday, an_tx_holiday_eve, an_tx_trade};
	size_t best = 0;
	for (size_t k = 0; k < sizeof fns / sizeof fns[0]; k++) {
		an_tx_match t;
		memset(&t, 0, sizeof t);
		size_t e = fns[k](&t, c, i);
		if (e > best) {
			best = e;
			*m = t;
		}
	}
	return best;
}

