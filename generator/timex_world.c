/* timex_world.c - forms of the English of South Asia, Africa, Australasia
 * and Ireland that the American wire style lacks: a weekday with "last",
 * "next" or "week" after it ("on Friday last", "Monday week", "Tuesday
 * last week"), "the 5th of this month", "this fiscal", "end-November",
 * "the April-June quarter", and the country whose Independence Day a
 * sentence names.  Matcher as in timex_rules.c, which runs it. */
#include "timex_impl.h"
#include "timex_tense.h"

#include <stdio.h>
#include <string.h>

#define TK(i) (c->tk[(i)])

/* Words that may follow a postposed "last"/"next"/"week" or "fiscal"
 * when it ends the phrase: "on Friday last in Delhi", "this fiscal as
 * demand", not "Friday last minute", "this fiscal policy". */
static int phrase_ends(const an_tx_ctx *c, size_t e)
{
	static const char *const after[] = {
		"and", "or", "but", "in", "at", "by", "when", "the", "a", "an", "after", "before",
		"to", "for", "from", "with", "that", "which", "while", "as", "on", "near", "he",
		"she", "they", "it", "we", "his", "her", "their", "its", "said", "was", "were",
		"had", "has", "have", "is", "are", "will", "against", "compared", "itself", "so",
		"amid", "under", "over", "ended", "alone", "too", "also", NULL};
	if (e >= c->n)
		return 1;
	if (TK(e).kind == AN_TK_PUNCT)
		return TK(e).space || !strchr("-'/", TK(e).low[0]);
	/* (or a verb in the past: "on Monday last began removing hoardings") */
	return TK(e).space && (an_tx_one_of(c, e, after) || (!TK(e).cap && an_tx_cue(c, e) < 0));
}

/* "on Tuesday last" (the last Tuesday before the DCT), "on Wednesday
 * next" (as "next Wednesday"), "Monday week" (a week after the coming
 * Monday, or after today when it is one), "Tuesday last week", "Friday
 * next week", "Thursday this week": the weekday of that week. */
static size_t weekday_after(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	/* ("next Tuesday week": a week after next Tuesday, as "Tuesday
	 * week" is) */
	if (an_tx_is(c, i, "next") && i + 2 < c->n && (TK(i + 1).w.cls & AN_TXW_WDAY) &&
	    TK(i + 1).cap && an_tx_is(c, i + 2, "week") && phrase_ends(c, i + 3) &&
	    !an_tx_is(c, i + 3, "of")) {
		an_date d = an_tx_weekday_date(an_date_add_days(c->dct, 1), TK(i + 1).w.wday, 1);
		an_tx_set_point(m, an_date_add_days(d, 7), AN_GRAN_DAY);
		return i + 3;
	}
	if (!an_tx_word(c, i) || !(TK(i).w.cls & AN_TXW_WDAY) || !TK(i).cap ||
	    i + 1 >= c->n || !TK(i + 1).space || an_tx_is(c, i - (i > 0), "the"))
		return 0;
	int wd = TK(i).w.wday;
	size_t j = i + 1;
	an_date d;
	int k;
	if (an_tx_deictic_step(c, j, &k) && an_tx_is(c, j + 1, "week") && TK(j + 1).space &&
	    !an_tx_is_apos(c, j + 2) &&
	    !(j + 2 < c->n && !TK(j + 2).space && TK(j + 2).kind != AN_TK_PUNCT)) {
		an_date mon = an_date_add_days(c->dct, 1 - an_date_weekday(c->dct) + 7 * k);
		d = an_date_add_days(mon, wd - 1);
		an_tx_set_point(m, d, AN_GRAN_DAY);
		return j + 2;
	}
	if (!phrase_ends(c, j + 1) || TK(j).cap)
		return 0;
	if (an_tx_is(c, j, "last"))
		d = an_tx_weekday_date(an_date_add_days(c->dct, -1), wd, -1);
	else if (an_tx_is(c, j, "next"))
		d = an_tx_weekday_date(an_date_add_days(c->dct, 1), wd, 1);
	else if (an_tx_is(c, j, "week") && !an_tx_is(c, j + 1, "of") &&
	         an_tx_direction(c, i, j + 1) >= 0) /* not "held talks on Monday week" */
		d = an_date_add_days(an_tx_weekday_date(c->dct, wd, 1), 7);
	else
		return 0;
	an_tx_set_point(m, d, AN_GRAN_DAY);
	return j + 1;
}

/* "the 5th of this month", "the 1st of last month", "the 25th of next
 * month": that day of the month named relative to the DCT. */
static size_t day_of_month(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	static const char *const sfx[] = {"st", "nd", "rd", "th", NULL};
	if (!an_tx_is(c, i, "the") || !an_tx_num(c, i + 1) || TK(i + 1).ndig > 2 ||
	    i + 6 > c->n || TK(i + 2).space || !an_tx_one_of(c, i + 2, sfx) ||
	    !an_tx_is(c, i + 3, "of") || !an_tx_is(c, i + 5, "month"))
		return 0;
	int k;
	if (an_tx_is(c, i + 4, "this") || an_tx_is(c, i + 4, "the"))
		k = 0;
	else if (an_tx_is(c, i + 4, "last") || an_tx_is(c, i + 4, "previous"))
		k = -1;
	else if (an_tx_is(c, i + 4, "next"))
		k = 1;
	else
		return 0;
	if (k == 0 && an_tx_is(c, i + 4, "the"))
		return 0; /* "the 5th of the month" is every month's */
	an_date d = an_tx_shift((an_date){c->dct.y, c->dct.m, 1}, AN_TXU_MONTH, k);
	d.d = (int)TK(i + 1).num;
	if (!an_date_valid(d))
		return 0;
	an_tx_set_point(m, d, AN_GRAN_DAY);
	m->the_ok = 1;
	return i + 6;
}

/* "this fiscal", "last fiscal", "the current fiscal", "next fiscal": the
 * fiscal year, named as TimeBank names "the current fiscal year" (by
 * the calendar year it is said in). */
static size_t fiscal(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	int k;
	if (an_tx_is(c, i, "this") || an_tx_is(c, i, "current"))
		k = 0;
	else if (an_tx_is(c, i, "last") || an_tx_is(c, i, "previous"))
		k = -1;
	else if (an_tx_is(c, i, "next"))
		k = 1;
	else
		return 0;
	if (!an_tx_is(c, i + 1, "fiscal") || !phrase_ends(c, i + 2))
		return 0;
	an_tx_set_point(m, (an_date){c->dct.y + k, 1, 1}, AN_GRAN_YEAR);
	m->the_ok = 1;
	return i + 2;
}

/* "end-November", "end-2025": the month or year, mod END, as "the end
 * of November" (a bare "end" opens no other timex). */
static size_t end_dash(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	if (!an_tx_is(c, i, "end") || !an_tx_is_punct(c, i + 1, '-') || TK(i + 1).space ||
	    i + 2 >= c->n || TK(i + 2).space)
		return 0;
	size_t e = an_tx_month(m, c, i + 2);
	if (!e || m->anchor.g != AN_GRAN_MONTH) {
		memset(m, 0, sizeof *m);
		e = an_tx_year(m, c, i + 2);
		if (!e || m->anchor.g != AN_GRAN_YEAR)
			return 0;
	}
	if (m->type != AN_TIMEX_DATE || m->mod[0])
		return 0;
	an_tx_copy(m->mod, sizeof m->mod, "END");
	return e;
}

/* "the April-June quarter", "the July–September quarter", "the
 * January-March period": the calendar quarter those months make, in the
 * year named after it or else the one its last month has by the tense
 * ("grew in the October-December quarter" in November: last year's). */
static size_t month_span_quarter(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	if (!an_tx_word(c, i) || !(TK(i).w.cls & AN_TXW_MONTH) || !TK(i).cap ||
	    i + 3 >= c->n || TK(i + 1).kind != AN_TK_PUNCT || TK(i + 2).space ||
	    !an_tx_is_dash(c, i + 1) ||
	    !an_tx_word(c, i + 2) || !(TK(i + 2).w.cls & AN_TXW_MONTH) ||
	    !(an_tx_is(c, i + 3, "quarter") || an_tx_is(c, i + 3, "period")))
		return 0;
	int m1 = TK(i).w.month, m2 = TK(i + 2).w.month;
	if (m2 % 3 != 0 || m1 != m2 - 2)
		return 0;
	/* "the October-December quarter of 2023" names its year */
	int y;
	size_t e = i + 4;
	if (an_tx_is(c, e, "of") && an_tx_year_at(c, e + 1, &y))
		e += 2;
	else
		y = an_tx_month_year(c->dct, m2, an_tx_direction(c, i, i + 4), 0);
	an_tx_set_point(m, (an_date){y, m2, 1}, AN_GRAN_QUARTER);
	m->the_ok = 1;
	return e;
}

/* A part of the day with its day after it, "late night on Sunday", "the
 * night of Sunday", "in the afternoon on Monday", "the afternoon of April
 * 27" (but "the night of April 27" is the date's); or alone after "since",
 * "by", "till" ("without power since morning", "by late evening"): that
 * part of the day last named, else of the DCT's.  "by night" is an
 * idiom, and "night" is left to it. */
static size_t part_of_day(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	static const char *const preps[] = {"since", "by", "till", "until", NULL};
	size_t j = i;
	const char *mod = "";
	if (an_tx_is(c, j, "late") || an_tx_is(c, j, "early")) {
		mod = TK(j).low[0] == 'l' ? "END" : "START";
		j++;
	} else if (an_tx_is(c, j, "the")) {
		j++;
	}
	if (!an_tx_word(c, j) || !(TK(j).w.cls & AN_TXW_POD) || TK(j).cap ||
	    TK(j).w.pod == AN_TXP_DT)
		return 0;
	int pod = TK(j).w.pod, named = 0;
	an_date d;
	size_t e;
	/* (a bare part before "on" is a noun's: "a dinner and movie night
	 * on Friday"; "late on Friday", "in the afternoon on Monday" are
	 * times) */
	if ((an_tx_is(c, j + 1, "of") ||
	     (an_tx_is(c, j + 1, "on") && (mod[0] || (i > 0 && an_tx_is(c, i - 1, "the"))))) &&
	    !(an_tx_is(c, i, "the") && an_tx_is(c, j + 1, "on"))) {
		an_tx_match w;
		memset(&w, 0, sizeof w);
		e = an_tx_weekday(&w, c, j + 2);
		/* (a weekday with its date written after it: "the evening of
		 * Tuesday 1 December") */
		size_t k = e == j + 3 && an_tx_is_punct(c, e, ',') ? e + 1 : e;
		int written = e == j + 3 && (an_tx_num(c, k) ||
		                             (an_tx_word(c, k) && (TK(k).w.cls & AN_TXW_MONTH)));
		if ((e != j + 3 || written) && an_tx_is(c, j + 1, "of") && pod != AN_TXP_NI) {
			/* "the afternoon of April 27", "the morning of Nov. 4,
			 * 1966": that part of the day written out, as the sets
			 * tag 18 of their 20 (never the date alone; TimeBank tags
			 * the date alone in its only two, both "the night of Oct.
			 * 23", which stays so) */
			memset(&w, 0, sizeof w);
			e = an_tx_month(&w, c, j + 2);
			if (!e || w.type != AN_TIMEX_DATE || w.anchor.g != AN_GRAN_DAY)
				return 0;
			/* (the date named is the reference time, as alone) */
			named = 1;
		} else {
			if (e != j + 3 || w.type != AN_TIMEX_DATE || w.anchor.g != AN_GRAN_DAY)
				return 0;
			/* "the night of Friday, Oct. 23": the date is written out */
			if (written)
				return 0;
		}
		d = w.anchor.d;
	} else if (i > 0 && an_tx_one_of(c, i - 1, preps) && !an_tx_is(c, i, "the") &&
	           pod != AN_TXP_NI && phrase_ends(c, j + 1)) {
		d = an_tx_clock_day(c); /* the day a clock time would take */
		e = j + 1;
	} else {
		return 0;
	}
	char v[AN_TIMEX_VALUE_MAX];
	snprintf(v, sizeof v, "%04d-%02d-%02dT%s", d.y, d.m, d.d, an_tx_pod_code[pod]);
	an_tx_set_value(m, AN_TIMEX_TIME, v);
	an_tx_copy(m->mod, sizeof m->mod, mod);
	m->the_ok = 1;
	if (named) {
		m->anchor.d = d;
		m->anchor.g = AN_GRAN_DAY;
	}
	return e;
}

size_t an_tx_world(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	/* most openers are none of these: numbers, and words other than a
	 * weekday, month, part of day or "the this current last previous
	 * next end early late" */
	if (!an_tx_word(c, i) ||
	    (!(TK(i).w.cls & (AN_TXW_WDAY | AN_TXW_MONTH | AN_TXW_POD)) &&
	     !strchr("tclpne", TK(i).low[0])))
		return 0;
	size_t e;
	if ((e = weekday_after(m, c, i)) || (e = day_of_month(m, c, i)) ||
	    (e = part_of_day(m, c, i)) ||
	    (e = fiscal(m, c, i)) || (e = end_dash(m, c, i)) ||
	    (e = month_span_quarter(m, c, i)))
		return e;
	memset(m, 0, sizeof *m);
	return 0;
}

/* Countries with their Independence Day, by name, people and the cities
 * of their datelines. */
static const struct {
	const char *w;
	int m, d;
} lands[] = {
	{"india", 8, 15}, {"indian", 8, 15}, {"indians", 8, 15}, {"pakistan", 8, 14},
	{"pakistani", 8, 14}, {"pakistanis", 8, 14}, {"nigeria", 10, 1},
	{"nigerian", 10, 1}, {"nigerians", 10, 1}, {"philippines", 6, 12},
	{"philippine", 6, 12}, {"filipino", 6, 12}, {"filipinos", 6, 12},
	{"bangladesh", 3, 26}, {"ghana", 3, 6}, {"ukraine", 8, 24}, {"ukrainian", 8, 24},
	{"mexico", 9, 16}, {"mexican", 9, 16}, {"indonesia", 8, 17},
	{"indonesian", 8, 17}, {"sri", 2, 4},
	{"delhi", 8, 15}, {"mumbai", 8, 15}, {"islamabad", 8, 14}, {"karachi", 8, 14},
	{"lahore", 8, 14}, {"abuja", 10, 1}, {"lagos", 10, 1}, {"manila", 6, 12},
	{"dhaka", 3, 26}, {"accra", 3, 6}, {"kyiv", 8, 24}, {"kiev", 8, 24},
	{"jakarta", 8, 17}, {"colombo", 2, 4},
};

/* The first country of `lands` named in tokens [lo, hi]. */
static int land_in(const an_tx_ctx *c, size_t lo, size_t hi, int *mo, int *dd)
{
	for (size_t k = lo; k <= hi && k < c->n; k++) {
		if (!TK(k).cap || TK(k).kind != AN_TK_WORD)
			continue;
		for (size_t l = 0; l < sizeof lands / sizeof lands[0]; l++)
			if (an_tx_is(c, k, lands[l].w) &&
			    (lands[l].w[0] != 's' || an_tx_is(c, k + 1, "lanka"))) {
				*mo = lands[l].m;
				*dd = lands[l].d;
				return 1;
			}
	}
	return 0;
}

/* The day of "Independence Day" in a sentence that names the country
 * (India's on Aug. 15, Pakistan's on Aug. 14, ...), or in the story's
 * first words, where its dateline is ("ISLAMABAD, Aug 14: The nation
 * celebrated Independence Day"): month and day into *mo and *dd; 0 for
 * none found, the American July 4 then. */
int an_tx_independence(const an_tx_ctx *c, size_t i, int *mo, int *dd)
{
	size_t lo = i, hi = i;
	while (lo > 0 && !TK(lo).sent && i - lo < 40)
		lo--;
	while (hi + 1 < c->n && !TK(hi + 1).sent && hi - i < 40)
		hi++;
	return land_in(c, lo, hi, mo, dd) || (lo > 0 && land_in(c, 0, 3, mo, dd));
}
