/* timex_coord.c - the direction of a weekday that continues a list of
 * days: "The troupe performs Friday and Saturday", "Saturday at 8 p.m. and
 * Sunday at 3 p.m.", "Friday, Saturday and Sunday".  The tense cue stands
 * before the first day; read from a later one it is out of reach or
 * hidden behind the first, and the later day went the default way (back)
 * while the first went ahead.  A day with a verb of its own ("closed
 * Monday and reopens Wednesday") is no continuation and reads its own.
 * Also a second part of the day named ("Tuesday afternoon and evening"). */
#include "timex_impl.h"

#include <stdio.h>

#define TK(i) (c->tk[(i)])

/* A weekday ("Friday", "Fri.") at k: the index after it, 0 for none. */
static size_t wday_at(const an_tx_ctx *c, size_t k)
{
	if (!an_tx_word(c, k) || !(TK(k).w.cls & AN_TXW_WDAY) || !TK(k).cap)
		return 0;
	if (TK(k).w.cls & AN_TXW_ABBR)
		return an_tx_is_punct(c, k + 1, '.') && !TK(k + 1).space ? k + 2 : 0;
	return k + 1;
}

/* A token of a clock time after the first day: "Saturday at 8 p.m. and" */
static int clock_tok(const an_tx_ctx *c, size_t k)
{
	if (an_tx_num(c, k))
		return TK(k).ndig <= 2;
	return an_tx_is_punct(c, k, '.') || an_tx_is_punct(c, k, ':') || an_tx_is(c, k, "a") ||
	       an_tx_is(c, k, "p") || an_tx_is(c, k, "m") || an_tx_is(c, k, "am") ||
	       an_tx_is(c, k, "pm") || an_tx_is(c, k, "noon") || an_tx_is(c, k, "at");
}

/* The weekday that the list day at i continues, i when none. */
static size_t list_prev(const an_tx_ctx *c, size_t i)
{
	size_t k = i;
	if (k > 0 && an_tx_is(c, k - 1, "on"))
		k--;
	if (k < 2 || TK(k).sent)
		return i;
	size_t s = k - 2;
	if (an_tx_is_punct(c, k - 1, ',')) {
		/* "Friday, Saturday and Sunday": a middle item only, which
		 * keeps "On Friday, Saturday's game ..." out */
		size_t e = wday_at(c, i);
		if (!e || !(an_tx_is(c, e, "and") || an_tx_is(c, e, "or") ||
		            an_tx_is_punct(c, e, ',')))
			return i;
	} else if (an_tx_is(c, k - 1, "and") || an_tx_is(c, k - 1, "or")) {
		if (s > 0 && an_tx_is_punct(c, s, ','))
			s--; /* the serial comma */
		for (int n = 0; n < 6 && s > 0 && clock_tok(c, s) && !TK(s).sent; n++)
			s--;
	} else {
		return i;
	}
	/* "Friday night and Saturday" */
	if (s > 0 && an_tx_word(c, s) && (TK(s).w.cls & AN_TXW_POD) && !an_tx_capital(c, s))
		s--;
	if (s > 0 && an_tx_is_punct(c, s, '.') && !TK(s).space)
		s--; /* "Fri. and Sat." */
	size_t e = wday_at(c, s);
	return e && e <= k - 1 ? s : i;
}

/* The direction of weekday i..e: that of the first day of its list. */
int an_tx_list_direction(const an_tx_ctx *c, size_t i, size_t e)
{
	/* "Sales fell on Monday, and Friday will be busy": a clause of its
	 * own, not the list's next day */
	if (an_tx_clause_subject(c, i, e))
		return an_tx_direction(c, i, e);
	/* ("falls on Sunday and Monday has been declared a public holiday":
	 * a day declared a holiday is ahead, whatever the list) */
	if (an_tx_declared_day(c, i, e))
		return 1;
	size_t h = i;
	for (int n = 0; n < 6; n++) {
		size_t p = list_prev(c, h);
		if (p == h)
			break;
		h = p;
	}
	if (h == i)
		return an_tx_direction(c, i, e);
	if (h > 0 && (an_tx_is(c, h - 1, "this") || an_tx_is(c, h - 1, "next") ||
	              an_tx_is(c, h - 1, "coming")))
		return 1;
	if (h > 0 && (an_tx_is(c, h - 1, "last") || an_tx_is(c, h - 1, "past")))
		return -1;
	return an_tx_direction(c, h, wday_at(c, h));
}

an_date an_tx_list_day(const an_tx_ctx *c, size_t i, size_t e, int wd)
{
	int dir = an_tx_list_direction(c, i, e);
	an_date d = an_tx_weekday_date(c->dct, wd, dir);
	/* "closed several main roads until midnight Thursday", "trains were
	 * cancelled until Sunday": what a past act suspended until a day
	 * stays so past the news, to the coming one (a clock time may come
	 * between), unless that was the day before the news ("The road was
	 * closed until Monday", on a Tuesday, has reopened); not a state
	 * over ("the road stayed closed through Wednesday") nor an event
	 * awaited ("did not take a snap until Wednesday") */
	static const char *const suspend[] = {"closed", "cancelled", "canceled", "suspended",
	                                      "halted", "shut", "postponed", "banned", "barred",
	                                      "grounded", "delayed", "extended", NULL};
	static const char *const over[] = {"stayed", "remained", "not", "never", "t", NULL};
	static const char *const kept[] = {"stayed", "remained", "stays", "remains", "kept", NULL};
	size_t b = i > 0 ? i - 1 : 0;
	if (b > 0 && (an_tx_is(c, b, "midnight") || an_tx_is(c, b, "noon")))
		b--;
	else if (b > 1 && an_tx_clock_before(c, b, 1) < b)
		b = an_tx_clock_before(c, b, 1);
	int act = 0;
	for (size_t k = b, n = 0; k > 0 && n < 6 && !TK(k).sent; n++) {
		k--;
		if (an_tx_one_of(c, k, over))
			break;
		if (an_tx_one_of(c, k, suspend)) {
			act = !(k > 0 && an_tx_one_of(c, k - 1, kept));
			break;
		}
	}
	if (dir < 0 && b > 0 && act &&
	    (an_tx_is(c, b, "until") || an_tx_is(c, b, "till") || an_tx_is(c, b, "through")) &&
	    an_date_to_days(c->dct) - an_date_to_days(d) > 1)
		d = an_tx_weekday_date(c->dct, wd, 1);
	/* "will walk out on Tuesday, Thursday and Saturday" on a Friday: the
	 * days of a list ahead come in order, so Saturday is the one after
	 * Thursday, not tomorrow */
	size_t p = list_prev(c, i);
	if (dir > 0 && p != i && c->ref.g == AN_GRAN_DAY && c->ref_at == p &&
	    an_date_to_days(d) <= an_date_to_days(c->ref.d))
		d = an_tx_weekday_date(an_date_add_days(c->ref.d, 1), wd, 1);
	return d;
}

/* "could hit the region Tuesday afternoon and evening": the second part
 * of the day, after "and" or "or", is a time of the day just named. */
size_t an_tx_second_part(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	if (i < 3 || !c->day_at || c->day_at - 1 != i - 3 || !wday_at(c, i - 3) ||
	    !an_tx_word(c, i) || TK(i).cap || !(TK(i).w.cls & AN_TXW_POD) ||
	    !(an_tx_is(c, i - 1, "and") || an_tx_is(c, i - 1, "or")) || !an_tx_word(c, i - 2) ||
	    TK(i - 2).cap || !(TK(i - 2).w.cls & AN_TXW_POD) || TK(i).w.pod == TK(i - 2).w.pod)
		return 0;
	an_tx_set_point(m, c->day, AN_GRAN_DAY);
	char v[AN_TIMEX_VALUE_MAX];
	snprintf(v, sizeof v, "%.10sT%s", m->value, an_tx_pod_code[TK(i).w.pod]);
	an_tx_set_value(m, AN_TIMEX_TIME, v);
	return i + 1;
}
