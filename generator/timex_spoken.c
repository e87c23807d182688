/* timex_spoken.c - clock times as they are said and written out rather
 * than in figures: "half past eight", "quarter to nine", "one minute past
 * midnight", "five to midnight", "3 o'clock", "10 in the evening", and
 * the bare 24-hour "at 0001 on Monday".  Pieces of the clock-time matcher
 * of timex_clock.c, which calls them. */
#include "timex_impl.h"

#define TK(i) (c->tk[(i)])

/* Prepositions of time before an hour that is no count without them. */
const char *const an_tx_clock_preps[] = {"at", "by", "until", "till", "before", "after",
                                         "around", "about", "from", "to", "since",
                                         "approximately", NULL};

/* A 24-hour time without a zone after a preposition of time: "at 0001
 * on Monday", "by 0430" (a leading zero makes it no year nor count, but
 * not before a unit: "from 0800 hours" is read by the caller).  Without
 * the zero only after "at" and before a day ("at 2359 on Sunday", "at
 * 1730 today"): "rose to 2300 on Monday" is an index level, and decimals
 * ("at 2350.5") are no times. */
int an_tx_bare_hhmm(const an_tx_ctx *c, size_t i)
{
	if (i == 0 || !an_tx_one_of(c, i - 1, an_tx_clock_preps) || an_tx_glued_on(c, i) ||
	    (an_tx_is_punct(c, i + 1, '.') && !TK(i + 1).space && an_tx_num(c, i + 2)))
		return 0;
	if (TK(i).num < 1000)
		return !(an_tx_cls(c, i + 1) & AN_TXW_UNIT);
	return an_tx_is(c, i - 1, "at") &&
	       ((an_tx_is(c, i + 1, "on") && (an_tx_cls(c, i + 2) & AN_TXW_WDAY)) ||
	        an_tx_is(c, i + 1, "today") || an_tx_is(c, i + 1, "tonight"));
}

/* An hour written as a number or a word (1-12), or midnight (0) and
 * noon (12), at e; -1 for none. */
static int named_hour(const an_tx_ctx *c, size_t e)
{
	if (an_tx_is(c, e, "midnight"))
		return 0;
	if (an_tx_is(c, e, "noon") || an_tx_is(c, e, "midday"))
		return 12;
	int hour = an_tx_num(c, e) && TK(e).ndig <= 2 ? (int)TK(e).num :
	           an_tx_word(c, e) && (TK(e).w.cls & AN_TXW_NUM) ? TK(e).w.num : -1;
	if (hour < 1 || hour > 12 || (e + 1 < c->n && an_tx_is_punct(c, e + 1, '%')))
		return -1;
	return hour;
}

/* "half past eight", "quarter to nine", "a quarter past 6", "one minute
 * past midnight", "five to midnight", "ten minutes to noon" after a
 * preposition of time: the end, with the hour and minutes in *h and *mi
 * (the half of the day is left to what follows); i when none. */
size_t an_tx_quarter_hour(const an_tx_ctx *c, size_t i, int *h, int *mi)
{
	size_t k = i;
	if (i == 0 || !an_tx_one_of(c, i - 1, an_tx_clock_preps))
		return i;
	if (an_tx_is(c, k, "a") && an_tx_is(c, k + 1, "quarter"))
		k++;
	int m, named = 0;
	if (an_tx_is(c, k, "half") || an_tx_is(c, k, "quarter")) {
		m = TK(k).low[0] == 'h' ? 30 : 15;
	} else {
		m = an_tx_num(c, k) && TK(k).ndig <= 2 ? (int)TK(k).num :
		    an_tx_word(c, k) && (TK(k).w.cls & AN_TXW_NUM) ? TK(k).w.num : -1;
		if (m < 1 || m > 59)
			return i;
		named = an_tx_is(c, k + 1, "minute") || an_tx_is(c, k + 1, "minutes");
		k += named;
	}
	int to = an_tx_is(c, k + 1, "to") || an_tx_is(c, k + 1, "of");
	if (!to && !an_tx_is(c, k + 1, "past") && !an_tx_is(c, k + 1, "after"))
		return i;
	if ((to || an_tx_is(c, k + 1, "after")) && TK(k).low[0] == 'h')
		return i; /* "half to", "half after" are no clock times */
	size_t e = k + 2;
	int hour = named_hour(c, e);
	if (hour < 0)
		return i;
	/* (a count of minutes only before midnight or noon: "from five to
	 * ten" is a range, and "ten past nine" too often no time at all) */
	int count = !an_tx_is(c, k, "half") && !an_tx_is(c, k, "quarter");
	if (count && hour != 0 && hour != 12)
		return i;
	if (count && named && to && hour == 0)
		return i; /* the Doomsday Clock's "at 100 minutes to midnight" */
	/* (past midnight: the day's first minutes; to it, the last) */
	*h = to ? (hour == 1 ? 12 : hour == 0 ? 23 : hour - 1) : hour;
	*mi = to ? 60 - m : m;
	return e + 1;
}

/* The end of "o'clock" or "in the morning/afternoon/evening", "at night"
 * after the hour h at j, setting *ampm; j when neither follows. */
size_t an_tx_oclock_end(const an_tx_ctx *c, size_t j, int h, int *ampm)
{
	if (h < 1 || h > 12)
		return j;
	if (an_tx_is(c, j, "o") && j + 2 < c->n && !TK(j + 1).space &&
	    an_tx_is_apos(c, j + 1) &&
	    an_tx_is(c, j + 2, "clock") && !TK(j + 2).space) {
		*ampm = 3;
		j += 3;
	}
	/* a count before "in the morning" needs a preposition of time:
	 * "at 3 in the morning", not "scored 3 in the afternoon" */
	size_t k = j + (an_tx_is(c, j, "in") && an_tx_is(c, j + 1, "the") ? 2 : 0);
	if (*ampm != 3 && (j < 2 || !an_tx_one_of(c, j - 2, an_tx_clock_preps)))
		return j;
	int pod = k > j && k < c->n ? TK(k).w.pod : 0;
	/* "3 in the morning", "4 in the afternoon", "10 in the evening" */
	if ((pod == AN_TXP_MO && h < 12) || (pod == AN_TXP_AF && (h <= 6 || h == 12)) ||
	    (pod == AN_TXP_EV && h >= 4 && h < 12)) {
		*ampm = pod == AN_TXP_MO ? 1 : 2;
		return k + 1;
	}
	if (an_tx_is(c, j, "at") && an_tx_is(c, j + 1, "night") && (h >= 6 || h <= 4) && h != 12) {
		*ampm = h >= 6 ? 2 : 1;
		return j + 2;
	}
	return j;
}
