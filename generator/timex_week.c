/* timex_week.c - "the weekend" and "midweek": parts of a week named
 * without a day, placed by the tense of their clause and by the days
 * named before them in the sentence.  Called from an_tx_rel
 * (timex_rel.c).  Also two steps of a weekday's placing that count from
 * another day than the news (an_tx_ahead_day, an_tx_would_day), asked
 * by timex_weekday.c. */
#include "timex_impl.h"

#include <string.h>

#define TK(i) (c->tk[(i)])

/* Of the day `back` (on or before the DCT) and the next weekday `wd` after
 * the DCT, the nearer one; a tie goes ahead when `ties_ahead`. */
static an_date nearer_day(an_date dct, an_date back, int wd, int ties_ahead)
{
	an_date f = an_tx_weekday_date(dct, wd, 1);
	long now = an_date_to_days(dct), ahead = an_date_to_days(f) - now,
	     behind = now - an_date_to_days(back);
	return ahead < behind || (ties_ahead && ahead == behind) ? f : back;
}

/* "the weekend": the last one in past-tense text, else the coming one;
 * also "the bank holiday weekend", "the long weekend", "the holiday
 * weekend", and "Bank Holiday weekend" without "the" in a headline. */
size_t an_tx_weekend(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	size_t w = i + 1;
	if (an_tx_is(c, i, "bank") && an_tx_is(c, i + 1, "holiday"))
		w = i + 2;
	else if (an_tx_is(c, i, "the") && an_tx_is(c, i + 1, "bank") && an_tx_is(c, i + 2, "holiday"))
		w = i + 3;
	else if (an_tx_is(c, i, "the") &&
	         (an_tx_is(c, i + 1, "long") || an_tx_is(c, i + 1, "holiday")))
		w = i + 2; /* "the long weekend", "the holiday weekend" */
	else if (!an_tx_is(c, i, "the"))
		return 0;
	if (!an_tx_is(c, w, "weekend"))
		return 0;
	int dir = an_tx_direction(c, i, w + 1);
	an_date d = an_tx_weekday_date(c->dct, 6, dir > 0 ? 1 : -1);
	/* "were predicting dry weather for the weekend" on a Thursday: what
	 * is planned or forecast for a weekend is the nearer one, whatever
	 * the tense of the saying */
	if (dir <= 0 && i > 0 && an_tx_is(c, i - 1, "for"))
		d = nearer_day(c->dct, d, 6, 1);
	/* "from home on Tuesday and Wednesday, and hope it's over by the
	 * weekend": the weekend after the days ahead named in the sentence */
	/* (but "raise the rating for the weekend" after "by Monday" is the
	 * coming one: "for" names the weekend itself, not one after) */
	/* (not a bank holiday's: its weekend holds the Monday named) */
	/* (nor after a day weeks off: "Their completion date is 4 November,
	 * and she said the couple would decide by the weekend", on Oct. 18) */
	long ahead = an_date_to_days(c->ref.d) - an_date_to_days(c->dct);
	if (dir > 0 && c->ref.g == AN_GRAN_DAY && c->ref_at < i &&
	    an_tx_one_sentence(c, c->ref_at, i) &&
	    w == i + 1 && ahead > 0 && ahead <= 7 && !an_tx_is(c, i - 1, "for"))
		d = an_tx_is(c, i - 1, "after") /* "Monday, when markets reopen after the weekend" */
		        ? an_tx_weekday_date(an_date_add_days(c->ref.d, -1), 6, -1)
		    /* (the weekend that holds a Saturday or Sunday named:
		     * "results on Sunday, and ... meet over the weekend") */
		    : an_date_weekday(c->ref.d) >= 6
		        ? an_date_add_days(c->ref.d, 6 - an_date_weekday(c->ref.d))
		        : an_tx_weekday_date(c->ref.d, 6, 1);
	/* "the weekend before Christmas", "the weekend after Nov. 3": one
	 * timex, the weekend next to the day named (as "the Friday before
	 * Christmas") */
	size_t de = 0;
	if (w == i + 1 && (an_tx_is(c, w + 1, "before") || an_tx_is(c, w + 1, "after"))) {
		an_tx_match dm;
		de = an_tx_named_day(&dm, c, w + 2);
		if (de && dm.anchor.g == AN_GRAN_DAY && dm.type == AN_TIMEX_DATE) {
			int after = an_tx_is(c, w + 1, "after");
			d = an_tx_weekday_date(an_date_add_days(dm.anchor.d, after ? 1 : -2), 6,
			                       after ? 1 : -1);
		} else {
			de = 0;
		}
	}
	an_tx_set_point(m, d, AN_GRAN_WEEK);
	m->anchor.g = AN_GRAN_NONE;
	an_tx_mark_weekend(m);
	return de ? de : w + 1;
}

/* "Stocks fell ahead of Thursday's decision": the day is after the fall,
 * which the past tense puts before the news, but the day itself may be
 * on either side of it: the nearer of the two (written on a Tuesday, the
 * coming Thursday; on a Friday, the one before), and the coming one when
 * the sentence is about the day of the news.  d is the day the tense
 * gave; wd its weekday. */
an_date an_tx_ahead_day(const an_tx_ctx *c, size_t i, int wd, an_date d)
{
	if (i < 2 || !an_tx_is(c, i - 1, "of") || !an_tx_is(c, i - 2, "ahead"))
		return d;
	long now = an_date_to_days(c->dct);
	if (an_date_to_days(d) >= now)
		return d; /* the tense already put it ahead */
	/* "counted votes today ahead of Wednesday's showdown": what is ahead
	 * of today is not before it */
	if (c->day_at && an_date_to_days(c->day) == now && c->day_at - 1 < i &&
	    an_tx_one_sentence(c, c->day_at - 1, i))
		return an_tx_weekday_date(c->dct, wd, 1);
	return nearer_day(c->dct, d, wd, 0);
}

/* "regulators said late Sunday that depositors would have access to
 * their money starting Monday", on a Tuesday: a future in the past
 * ("would") after the day it was said on, in its sentence, counts from
 * that day, not from the news: the first such weekday after it.  d is
 * the day the tense gave; wd its weekday. */
an_date an_tx_would_day(const an_tx_ctx *c, size_t i, int wd, an_date d)
{
	long now = an_date_to_days(c->dct), said = an_date_to_days(c->day);
	if (an_date_to_days(d) <= now || !c->day_at || c->day_at - 1 >= i || said >= now ||
	    now - said > 6 || !an_tx_one_sentence(c, c->day_at - 1, i))
		return d;
	/* (eighty tokens back at most: a sentence without end made the
	 * walk quadratic) */
	for (size_t k = i - c->day_at > 80 ? i - 80 : c->day_at; k < i; k++)
		if (an_tx_is(c, k, "would"))
			return an_tx_weekday_date(an_date_add_days(c->day, 1), wd, 1);
	return d;
}

/* "midweek", "mid-week": the middle of the DCT's week, or of the one
 * before in a past clause written early in the week ("prices fell
 * midweek" on a Monday), of the next in a future one written late in it
 * ("by midweek" on a Friday).  "midweek games" is an adjective. */
size_t an_tx_mid_word(const an_tx_ctx *c, size_t i, const char *joined, const char *unit)
{
	if (an_tx_is(c, i, joined))
		return i + 1;
	if (an_tx_is(c, i, "mid") && an_tx_is_punct(c, i + 1, '-') && !TK(i + 1).space &&
	    an_tx_is(c, i + 2, unit) && !TK(i + 2).space)
		return i + 3;
	return 0;
}

size_t an_tx_midweek(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	size_t e = an_tx_mid_word(c, i, "midweek", "week");
	if (!e)
		return 0;
	static const char *const after[] = {"and", "or", "as", "when", "after", "before", "at",
	                                    "in", "on", NULL};
	if (an_tx_word(c, e) && !TK(e).cap && !an_tx_one_of(c, e, after))
		return 0;
	int dir = an_tx_direction(c, i, e), wd = an_date_weekday(c->dct);
	an_date d = c->dct;
	if (dir < 0 && wd <= 2)
		d = an_date_add_days(d, -7);
	else if (dir > 0 && wd >= 4)
		d = an_date_add_days(d, 7);
	an_tx_set_point(m, d, AN_GRAN_WEEK);
	m->anchor.g = AN_GRAN_NONE;
	an_tx_copy(m->mod, sizeof m->mod, "MID");
	return e;
}
