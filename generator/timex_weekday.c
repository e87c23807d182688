/* timex_weekday.c - weekdays: "Friday", "last Friday", "next Tuesday",
 * "Friday morning", "Sunday nights", and the spans of days they open or
 * close ("Friday to Monday", "between Thursday and Sunday").  A matcher
 * as in timex_rules.c, which runs it; the direction of a bare weekday is
 * timex_anchor.c's. */
#include "timex_impl.h"

#include <stdio.h>
#include <string.h>

#define TK(i) (c->tk[(i)])

static const char *const not_weekday_next[] = {
	"times", "telegraph", "mirror", "express", "herald", "post", "independent",
	"tribune", "star", "mail", "world", "magazine", "live", "school",
	"service", "club", "sport", "people", "business", "review", "night's",
	NULL};

const char an_tx_pod_code[][3] = {"", "MO", "AF", "EV", "NI", "DT"};

/* Token k is part of a clock time ("5 a.m.", "10:30 p.m.", "noon") or an
 * early/late before a day. */
static int clock_part(const an_tx_ctx *c, size_t k)
{
	if (an_tx_num(c, k))
		return TK(k).ndig <= 2;
	if (an_tx_is_punct(c, k, '.') || an_tx_is_punct(c, k, ':'))
		return 1;
	return an_tx_is(c, k, "a") || an_tx_is(c, k, "p") || an_tx_is(c, k, "m") ||
	       an_tx_is(c, k, "am") || an_tx_is(c, k, "pm") || an_tx_is(c, k, "noon") ||
	       an_tx_is(c, k, "midnight") || an_tx_is(c, k, "early") || an_tx_is(c, k, "late");
}

/* The weekday at i (from weekday_word), 0 for none. */
static int weekday_at(const an_tx_ctx *c, size_t i)
{
	size_t e;
	return an_tx_weekday_word(c, i, &e);
}

/* "would travel between Thursday and Sunday" on a Friday: a span of
 * weekdays that holds the DCT's day is the one under way, not next
 * week's; d is the day its start (weekday wd, the span ending on wd2)
 * took by its tense.  (Not one that ends on the DCT's day: "will run
 * from Friday until Tuesday", on a Tuesday, is still to come.) */
static an_date span_now(const an_tx_ctx *c, int wd, int wd2, an_date d)
{
	int w0 = an_date_weekday(c->dct);
	if (!wd2 || an_date_to_days(d) <= an_date_to_days(c->dct) ||
	    (w0 - wd + 7) % 7 >= (wd2 - wd + 7) % 7)
		return d;
	return an_tx_weekday_date(c->dct, wd, -1);
}

/* The end of a span of days, "Friday to Monday", "10 p.m. Friday to 5
 * a.m. Monday", "Friday night through Sunday": the day of the start when
 * weekday i closes such a span, else 0.  The end then follows the start
 * whatever the tense cues reach (they are read from the start's place,
 * and a long span puts them out of the end's window). */
static int range_start_day(const an_tx_ctx *c, size_t i, an_date *start)
{
	size_t k = i, skip = 0;
	int both;
	while (k > 0 && skip < 6 && !TK(k).sent && clock_part(c, k - 1)) {
		k--;
		skip++;
	}
	if (k < 2 || TK(k).sent || an_tx_range_link(c, k - 1, &both) != k)
		return 0;
	size_t s = k - 2;
	if (s > 0 && an_tx_word(c, s) && (TK(s).w.cls & AN_TXW_POD) && !an_tx_capital(c, s))
		s--; /* "Friday night to" */
	size_t e;
	int wd = an_tx_weekday_word(c, s, &e);
	if (!wd && s > 0 && an_tx_is_punct(c, s, '.')) /* "Fri. to" */
		wd = an_tx_weekday_word(c, --s, &e);
	/* ("between Thursday and Sunday" is a span; "Friday and Sunday" a
	 * list) */
	if (!wd || e > k - 1 || TK(s).sent || (both && !(s > 0 && an_tx_is(c, s - 1, "between"))))
		return 0;
	*start = span_now(c, wd, weekday_at(c, i),
	                  an_tx_weekday_date(c->dct, wd, an_tx_direction(c, s, e)));
	return 1;
}

/* The part of the day of a plural at k ("nights", "mornings"), 0 for
 * none. */
static int plural_pod(const an_tx_ctx *c, size_t k)
{
	static const char *const pods[] = {"mornings", "afternoons", "evenings", "nights", NULL};
	static const int code[] = {AN_TXP_MO, AN_TXP_AF, AN_TXP_EV, AN_TXP_NI};
	if (!an_tx_word(c, k) || an_tx_capital(c, k))
		return 0;
	for (int n = 0; pods[n]; n++)
		if (an_tx_is(c, k, pods[n]))
			return code[n];
	return 0;
}

/* "Friday", "last Friday", "next Tuesday", "Friday morning". */
/* "Tuesday and Wednesday of last week", "Friday of next week": the week
 * named after the days (and the other days of their list) after e, as
 * weeks from the DCT's (-1, 0, 1); 2 for none. */
static int of_week(const an_tx_ctx *c, size_t e)
{
	size_t pe;
	/* (seven more days at most: a list of days is a week's) */
	for (int n = 0; n < 7 && e + 1 < c->n && (an_tx_is(c, e, "and") || an_tx_is(c, e, "or")) &&
	                an_tx_weekday_word(c, e + 1, &pe);
	     n++)
		e = pe;
	if (!an_tx_is(c, e, "of") || !an_tx_is(c, e + 2, "week"))
		return 2;
	return an_tx_is(c, e + 1, "last") ? -1 : an_tx_is(c, e + 1, "next") ? 1
	       : an_tx_is(c, e + 1, "this") ? 0 : 2;
}

/* Opening hours: the first of a range of weekdays at k ("Tuesday
 * through Saturday", "Monday to Friday") that "is open", "are closed",
 * "opens" or ", open" comes right before: a week's days that recur,
 * not a span of days.  ("was closed Monday through Wednesday" is one
 * span; so is what "will be open" names.)  Returns the index after the
 * range's second day, 0 for none. */
static size_t open_range_at(const an_tx_ctx *c, size_t k)
{
	size_t e1, e2;
	int both;
	if (!an_tx_weekday_word(c, k, &e1))
		return 0;
	size_t r = an_tx_range_link(c, e1, &both);
	if (!r || both || an_tx_is(c, e1, "until") || an_tx_is(c, e1, "till") ||
	    !an_tx_weekday_word(c, r, &e2) || k < 2 || c->tk[k].sent)
		return 0;
	size_t v = k - 1;
	if (an_tx_is(c, v, "opens") || an_tx_is(c, v, "closes"))
		return e2;
	if (!an_tx_is(c, v, "open") && !an_tx_is(c, v, "closed"))
		return 0;
	static const char *const now[] = {"is", "are", "remains", "remain", "stays", "stay", NULL};
	return an_tx_one_of(c, v - 1, now) || an_tx_is_punct(c, v - 1, ',') ? e2 : 0;
}

size_t an_tx_open_days(const an_tx_ctx *c, size_t i)
{
	size_t e = open_range_at(c, i);
	if (e)
		return e;
	/* (the second day: "Tuesday through Saturday" from its "Saturday") */
	size_t ie;
	for (size_t k = i >= 4 ? i - 4 : 0; k + 1 < i; k++)
		if ((e = open_range_at(c, k)) && an_tx_weekday_word(c, i, &ie) && ie == e)
			return e;
	return 0;
}

size_t an_tx_weekday(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	size_t j = i, e;
	int rel = 0; /* -1 last, +1 next, 2 this */
	int anaph = 0; /* "the previous Friday", "the following Monday" */
	/* ("drags on past Friday": without "the", "past" is a preposition) */
	if (an_tx_is(c, j, "past") && (j == 0 || !an_tx_is(c, j - 1, "the")))
		return 0;
	if (an_tx_is(c, j, "last") || an_tx_is(c, j, "past") || an_tx_is(c, j, "previous") ||
	    an_tx_is(c, j, "preceding")) {
		rel = -1;
		anaph = an_tx_is(c, j, "previous") || an_tx_is(c, j, "preceding");
		j++;
	} else if (an_tx_is(c, j, "following")) {
		rel = 1;
		anaph = 1;
		j++;
	} else if (an_tx_is(c, j, "next")) {
		rel = 1;
		j++;
	} else if (an_tx_is(c, j, "this") || an_tx_is(c, j, "coming")) {
		/* "this Monday" is this week's; "the coming Monday" the next */
		rel = an_tx_is(c, j, "coming") ? 1 : 2;
		m->the_ok = rel == 1; /* "the coming Monday" */
		j++;
		if (an_tx_is(c, j, "coming") || an_tx_is(c, j, "past")) {
			rel = an_tx_is(c, j, "coming") ? 1 : -1;
			j++;
		}
	}
	/* "Bank Holiday Monday", "on bank holiday Monday": the holiday's
	 * weekday, one timex */
	int bank = !rel && an_tx_is(c, j, "bank") && an_tx_is(c, j + 1, "holiday");
	j += 2 * bank;
	int wd = an_tx_weekday_word(c, j, &e);
	if (!wd)
		return 0;
	/* (its day may follow: "Bank Holiday Monday, 27 August") */
	if (bank && an_tx_is_punct(c, e, ',')) {
		an_tx_match dm;
		memset(&dm, 0, sizeof dm);
		if (an_tx_month(&dm, c, e + 1) && dm.anchor.g == AN_GRAN_DAY &&
		    an_date_weekday(dm.anchor.d) == wd) {
			an_tx_set_point(m, dm.anchor.d, AN_GRAN_DAY);
			return e;
		}
	}
	if (an_tx_word(c, e) && TK(e).cap && an_tx_one_of(c, e, not_weekday_next))
		return 0;
	an_date d;
	size_t pe0;
	/* "the Friday before Christmas", "the Monday after Nov. 3", "the last
	 * Saturday before Christmas": the weekday next to the day named, one timex */
	if ((!rel || (rel == -1 && !anaph && an_tx_is(c, i, "last"))) && i > 0 &&
	    an_tx_is(c, i - 1, "the") && (an_tx_is(c, e, "before") || an_tx_is(c, e, "after"))) {
		an_tx_match dm;
		memset(&dm, 0, sizeof dm);
		size_t de = an_tx_month(&dm, c, e + 1);
		if (!de) {
			memset(&dm, 0, sizeof dm);
			de = an_tx_rel(&dm, c, e + 1);
		}
		if (de && dm.anchor.g == AN_GRAN_DAY && dm.type == AN_TIMEX_DATE) {
			int after = an_tx_is(c, e, "after");
			d = an_tx_weekday_date(an_date_add_days(dm.anchor.d, after ? 1 : -1), wd,
			                       after ? 1 : -1);
			an_tx_set_point(m, d, AN_GRAN_DAY);
			m->the_ok = 1;
			return de;
		}
	}
	/* "Sunday mornings", "on Monday and Tuesday nights": every such
	 * part of that weekday, a SET */
	int pp = plural_pod(c, e);
	if (!rel && !pp && (an_tx_is(c, e, "and") || an_tx_is(c, e, "or")) &&
	    an_tx_weekday_word(c, e + 1, &pe0) && pe0 == e + 2)
		pp = plural_pod(c, e + 2);
	if (!rel && pp) {
		snprintf(m->value, sizeof m->value, "XXXX-WXX-%dT%s", wd, an_tx_pod_code[pp]);
		m->type = AN_TIMEX_SET;
		return plural_pod(c, e) ? e + 1 : e;
	}
	/* "is open Tuesday through Saturday": each day of every week */
	if (!rel && an_tx_open_days(c, i)) {
		snprintf(m->value, sizeof m->value, "XXXX-WXX-%d", wd);
		m->type = AN_TIMEX_SET;
		return e;
	}
	/* "every Monday and Thursday": the second day of the set is one too */
	size_t pe;
	if (!rel && i >= 3 && (an_tx_is(c, i - 1, "and") || an_tx_is(c, i - 1, "or")) &&
	    an_tx_weekday_word(c, i - 2, &pe) && pe == i - 1 &&
	    (an_tx_is(c, i - 3, "every") || an_tx_is(c, i - 3, "each"))) {
		snprintf(m->value, sizeof m->value, "XXXX-WXX-%d", wd);
		m->type = AN_TIMEX_SET;
		return e;
	}
	/* "fell on a Sunday", "falls on a Wednesday this year": no dated one */
	if (!rel && i > 0 && an_tx_is(c, i - 1, "a") &&
	    (!an_tx_word(c, e) || an_tx_is(c, e, "this") || an_tx_is(c, e, "in"))) {
		snprintf(m->value, sizeof m->value, "XXXX-WXX-%d", wd); /* a DATE: type 0 */
		return e;
	}
	int week;
	if (anaph) {
		/* the weekday before or after the day last named (else the DCT) */
		an_date r = c->ref.g == AN_GRAN_DAY ? c->ref.d : c->dct;
		d = an_tx_weekday_date(an_date_add_days(r, rel), wd, rel);
		m->the_ok = 1;
	} else if (rel == -1) {
		d = an_tx_weekday_date(an_date_add_days(c->dct, -1), wd, -1);
	} else if (rel == 1) {
		d = an_tx_weekday_date(an_date_add_days(c->dct, 1), wd, 1);
		/* (nobody calls tomorrow "next Thursday": said on a Wednesday,
		 * it is the week after's) */
		if (an_date_to_days(d) - an_date_to_days(c->dct) == 1 && an_tx_is(c, j - 1, "next"))
			d = an_date_add_days(d, 7);
	} else if (rel == 2) {
		d = an_date_add_days(c->dct, wd - an_date_weekday(c->dct));
	} else if ((week = of_week(c, e)) != 2) {
		d = an_date_add_days(c->dct, wd - an_date_weekday(c->dct) + 7 * week);
	} else if (range_start_day(c, i, &d)) {
		d = an_tx_weekday_date(an_date_add_days(d, 1), wd, 1);
	} else {
		d = an_tx_would_day(c, i, wd, an_tx_ahead_day(c, i, wd, an_tx_list_day(c, i, e, wd)));
		/* (the start of "between Thursday and Sunday") */
		int both;
		size_t k2 = an_tx_range_link(c, e, &both);
		if (k2 && (!both || (i > 0 && an_tx_is(c, i - 1, "between"))))
			d = span_now(c, wd, weekday_at(c, k2), d);
		/* "had been stable since Friday", written on a Friday: what has
		 * held since the news day's own weekday began a week before */
		if (i > 0 && an_tx_is(c, i - 1, "since") &&
		    an_date_to_days(d) == an_date_to_days(c->dct))
			d = an_date_add_days(d, -7);
	}
	an_tx_set_point(m, d, AN_GRAN_DAY);
	m->modable = 1; /* "early Tuesday" */
	if (an_tx_word(c, e) && (TK(e).w.cls & AN_TXW_POD) && !an_tx_capital(c, e)) {
		char tmp[AN_TIMEX_VALUE_MAX + 8];
		snprintf(tmp, sizeof tmp, "%.10sT%s", m->value, an_tx_pod_code[TK(e).w.pod]);
		memcpy(m->value, tmp, AN_TIMEX_VALUE_MAX - 1);
		m->value[AN_TIMEX_VALUE_MAX - 1] = '\0';
		m->type = AN_TIMEX_TIME;
		e++;
	}
	return e;
}
