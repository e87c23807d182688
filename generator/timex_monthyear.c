/* timex_monthyear.c - the year of a month or a day written without one:
 * the nearest in the direction of the tense (an_tx_direction,
 * timex_anchor.c), or the year of the story told in the past. */
#include "timex_tense.h"

#include <stdlib.h>
#include <string.h>

/* "its strongest showing since January", said in late December: the
 * tense cannot hold the month that ten months' lean would move ahead. */
int an_tx_since_month(const an_tx_ctx *c, size_t i)
{
	/* (also "since the January earthquake") */
	if ((i > 0 && an_tx_is(c, i - 1, "since")) ||
	    (i > 1 && an_tx_is(c, i - 1, "the") && an_tx_is(c, i - 2, "since")))
		return 1;
	if (i > 2 && an_tx_is_dash(c, i - 1) && an_tx_is(c, i - 2, "mid"))
		i--; /* "since mid-January" */
	return i > 1 && an_tx_is(c, i - 2, "since") &&
	       (an_tx_is(c, i - 1, "early") || an_tx_is(c, i - 1, "late") ||
	        an_tx_is(c, i - 1, "mid"));
}

/* "a run of defeats that had begun in February": "had" at k and its
 * participle right before the preposition at p, of a verb that plans
 * nothing ("had expected a decision in March" may be ahead); an adverb
 * may come between ("Sales had risen sharply in January") */
static int pluperfect(const an_tx_ctx *c, size_t k, size_t p)
{
	if (k + 3 == p && an_tx_word(c, k + 2) && ends_in(c->tk[k + 2].low, "ly", 4))
		p--;
	return k + 2 == p && an_tx_is(c, k, "had") && c->tk[k + 1].kind == AN_TK_WORD &&
	       !c->tk[k + 1].cap && !(c->tk[k + 1].w.cls & AN_TXW_FUTURE) &&
	       !an_tx_one_of(c, k + 1, reporting);
}

/* "visited Nagapattinam in early January", "The average soared in
 * January", said in late December, "lodged a police report on 3
 * September", said in July: a simple past that governs the preposition
 * at p ("in" before a month, "on" before a day), a few words before it,
 * is the date gone, even ten or eleven months back, where the tense of a
 * looser cue yields to the nearer date (an_tx_month_year,
 * an_tx_monthday_year).  Not after an auxiliary ("had expected a
 * decision by"), but for a past perfect of a verb that plans nothing
 * (pluperfect), nor a verb of saying ("said bookings for March"). */
static int past_governs(const an_tx_ctx *c, size_t p)
{
	static const char *const aux[] = {"had", "has", "have", "was", "were", "is", "are", "be",
	                                  "been", "being", "would", "will", "to", NULL};
	for (size_t k = p, n = 0; k > 1 && n < 5; n++) {
		k--;
		/* (nor across a date of the verb's own: "tests taken last
		 * spring in early October") */
		if (c->tk[k].sent || c->tk[k].kind != AN_TK_WORD ||
		    (c->tk[k].w.cls & (AN_TXW_SEASON | AN_TXW_MONTH | AN_TXW_WDAY | AN_TXW_UNIT)))
			return 0;
		int cue = an_tx_cue(c, k);
		/* ("than we had in January": "had" or "was" right before "in"
		 * is the verb itself) */
		/* (so is "had" before its object: "We had crews on the line in
		 * January") */
		int main_verb = (k + 1 == p && (an_tx_is(c, k, "had") || an_tx_is(c, k, "was") ||
		                                an_tx_is(c, k, "were"))) ||
		                (an_tx_is(c, k, "had") && k + 1 < p && is_determiner(c, k + 1)) ||
		                (an_tx_is(c, k, "had") && k + 1 < p && an_tx_word(c, k + 1) &&
		                 !c->tk[k + 1].cap && !an_tx_cue(c, k + 1) &&
		                 ends_in(c->tk[k + 1].low, "s", 3) && !ends_in(c->tk[k + 1].low, "ss", 3));
		if (cue < 0 && pluperfect(c, k, p))
			return 1;
		/* "the schedule we planned in January": planning done then
		 * ("was planned in January" may be for January) */
		if (k + 1 == p && an_tx_is(c, k, "planned") && !an_tx_one_of(c, k - 1, aux) &&
		    !an_tx_is(c, k - 1, "originally") && !an_tx_is(c, k - 1, "initially"))
			return 1;
		/* (an adverb may stand between the auxiliary and its
		 * participle: "was still listed as arriving on Sept. 20") */
		size_t ka = k - 1;
		if (ka > 0 && an_tx_word(c, ka) &&
		    (ends_in(c->tk[ka].low, "ly", 4) || an_tx_is(c, ka, "still") ||
		     an_tx_is(c, ka, "also") || an_tx_is(c, ka, "already")))
			ka--;
		if (cue)
			return cue < 0 && !an_tx_one_of(c, k, reporting) &&
			       (main_verb || !an_tx_one_of(c, k, aux)) &&
			       !an_tx_one_of(c, ka, aux) && !c->tk[k].cap &&
			       !an_tx_with_participle(c, k); /* ", with the first acts revealed in" */
	}
	return 0;
}

int an_tx_data_month(const an_tx_ctx *c, size_t i)
{
	static const char *const data[] = {"index", "indicators", "figures", "data", "numbers",
	                                   "statistics", "payrolls", "report", NULL};
	if (i < 3 || !an_tx_is(c, i - 1, "for"))
		return 0;
	for (size_t k = i - 2, n = 0; k > 0 && n < 3 && c->tk[k].kind == AN_TK_WORD; k--, n++)
		if (an_tx_one_of(c, k, data))
			return 1;
	return 0;
}

/* The "in" before the month at i, past its "early", "late" or "mid-"
 * ("in early October", "in mid-March"); 0 when there is none. */
static size_t in_before_month(const an_tx_ctx *c, size_t i)
{
	if (i > 2 && an_tx_is_dash(c, i - 1) && an_tx_is(c, i - 2, "mid"))
		i -= 2;
	else if (i > 1 && (an_tx_is(c, i - 1, "early") || an_tx_is(c, i - 1, "late")))
		i--;
	return i >= 3 && an_tx_is(c, i - 1, "in") ? i - 1 : 0;
}

int an_tx_past_in_month(const an_tx_ctx *c, size_t i)
{
	size_t p = in_before_month(c, i);
	return p && past_governs(c, p);
}

/* "The museum will reopen in October", said in November: "will" or
 * "shall" a few words before the "in" at p commits the month to the
 * year ahead, however near the one gone (the tense of a looser cue
 * yields to the nearer month, as "decided ... early March" in February
 * is gone).  Not across a verb of the past ("will cut jobs, having lost
 * money in October") nor a preposition that makes the month a noun's
 * ("will cut jobs after heavy losses in October"). */
static int future_governs(const an_tx_ctx *c, size_t p)
{
	static const char *const noun_preps[] = {"after", "before", "since", "following", "of",
	                                         "than", "despite", "during", "amid", NULL};
	for (size_t k = p, n = 0; k > 1 && n < 6; n++) {
		k--;
		if (c->tk[k].sent || c->tk[k].kind != AN_TK_WORD ||
		    (c->tk[k].w.cls & (AN_TXW_SEASON | AN_TXW_MONTH | AN_TXW_WDAY | AN_TXW_UNIT)) ||
		    an_tx_one_of(c, k, noun_preps))
			return 0;
		if (an_tx_is(c, k, "will") || an_tx_is(c, k, "shall"))
			return an_tx_cue(c, k) > 0;
		if (an_tx_cue(c, k) < 0)
			return 0;
	}
	return 0;
}

int an_tx_future_in_month(const an_tx_ctx *c, size_t i)
{
	size_t p = in_before_month(c, i);
	return p && future_governs(c, p);
}

int an_tx_ending_year(an_date dct, int mon, int reach)
{
	int ahead = (mon - dct.m + 12) % 12;
	if (ahead <= reach)
		return mon >= dct.m ? dct.y : dct.y + 1;
	return mon <= dct.m ? dct.y : dct.y - 1;
}

/* A period "ended" or "ending" (w) right before the day at i. */
static int period_end_at(const an_tx_ctx *c, size_t i, const char *w)
{
	static const char *const periods[] = {"quarter", "year", "period", "months", "weeks",
	                                      "half", NULL};
	return i >= 3 && an_tx_is(c, i - 1, w) && an_tx_one_of(c, i - 2, periods);
}

int an_tx_period_ending(const an_tx_ctx *c, size_t i)
{
	if (!period_end_at(c, i, "ending"))
		return 0;
	/* ("raised its forecast for the fiscal year ending March 31", on
	 * Oct. 31: a year under way ends up to nine months on, a half up to
	 * six; a quarter, as a count of months or weeks, up to three) */
	return an_tx_is(c, i - 2, "year") ? 9 : an_tx_is(c, i - 2, "half") ? 6 : 3;
}

int an_tx_past_on_day(const an_tx_ctx *c, size_t i)
{
	/* ("for the quarter ended Dec. 31": a period's end gone by, even
	 * in "will restate results for") */
	if (period_end_at(c, i, "ended"))
		return 1;
	if (i < 3 || !an_tx_is(c, i - 1, "on"))
		return 0;
	/* (across the hour: "touched down at 4:17 p.m. on July 20") */
	size_t q = an_tx_clock_before(c, i - 2, 1);
	if (q < i - 2 && q > 1 && an_tx_is(c, q, "at"))
		return past_governs(c, q);
	return past_governs(c, i - 1);
}

/* "had" and a participle before token i in its sentence (not "had to"). */
static int had_before(const an_tx_ctx *c, size_t i)
{
	for (size_t k = i; k > 0 && !c->tk[k].sent; k--)
		if (an_tx_is(c, k - 1, "had") && an_tx_word(c, k) && !an_tx_is(c, k, "to") &&
		    (ends_in(c->tk[k].low, "ed", 3) || an_tx_is(c, k, "been") ||
		     (c->tk[k].w.cls & AN_TXW_PAST)))
			return 1;
	return 0;
}

/* "At about 9.20 am on October 31, 1984, Mrs Gandhi walked ... that
 * afternoon ... who lost her husband in Trilokpuri on November 1", said
 * on Oct. 31, 2014: a past clause cannot tell of a day ahead, and a
 * story that looked back to a day or month of its own (the reference
 * time) is still there, whatever news came before it. */
int an_tx_past_story_year(const an_tx_ctx *c, int y, int mon, int day, int dir)
{
	const an_tx_point *r = &c->ref;
	if (dir >= 0)
		return y;
	if ((r->g != AN_GRAN_DAY && r->g != AN_GRAN_MONTH) || r->d.y < 1 ||
	    r->d.y > c->dct.y - 2 || c->ref_at >= c->at) {
		/* (or the day of the story whose year was written, news
		 * named since: "lifted off on July 16, 1969 ... a restored
		 * room was opened on July 1 ... The Eagle touched down on
		 * July 20") */
		if (!day || !c->story_at || c->story_at > c->at)
			return y;
		r = &c->story;
	}
	an_date x = {y, mon, day ? day : 1};
	int after = day ? an_date_to_days(x) > an_date_to_days(c->dct)
	                : (y > c->dct.y || (y == c->dct.y && mon > c->dct.m));
	/* (so is a day of the story's own sentence told days after its
	 * reference: "A draw the following Saturday left them needing a
	 * win on the final day, May 5") */
	/* (and one a past perfect tells: "Apollo 11 had lifted off four
	 * days earlier, at 9:32 a.m. on July 16", in a piece of July 20,
	 * 2009, after "July 20, 1969") */
	int told = day && r == &c->ref && an_tx_one_sentence(c, c->ref_at, c->at);
	int flashback = day && !told && had_before(c, c->at) && !an_tx_since_month(c, c->at);
	if (!after && !told && !flashback)
		return y;
	/* (within two months of the reference: a story goes on by days and
	 * weeks; "have booked time on the telescope on Oct. 20", months after
	 * a story of July 2020, is news) */
	an_date s = {r->d.y + (mon < r->d.m), mon, day ? day : 1};
	long gap = an_date_to_days(s) - an_date_to_days(r->d);
	/* (a flashback's day comes before the reference, within a month) */
	if (flashback && !after)
		return gap >= -31 && gap <= 0 ? s.y : y;
	return gap >= -31 && gap <= 62 ? s.y : y;
}

int an_tx_in_relative(const an_tx_ctx *c, size_t k)
{
	for (size_t n = 0; k > 1 && n < 6 && !c->tk[k].sent; k--, n++) {
		if (c->tk[k - 1].kind == AN_TK_PUNCT)
			break;
		if ((an_tx_is(c, k - 1, "who") || an_tx_is(c, k - 1, "which")) &&
		    an_tx_is_punct(c, k - 2, ','))
			return an_tx_is(c, k - 1, "who") ? 1 : 2;
	}
	return 0;
}

/* A timeline in an explainer: "Jan. 18, 2022: The council votes ...",
 * then "March 3: Regulators give ..." in the present of a list.  An
 * entry that opens its paragraph, with a colon after it, follows the
 * last date named: in its year, or the next when it would go back. */
int an_tx_entry_year(const an_tx_ctx *c, size_t i, size_t e, int mon, int day)
{
	if (!c->tk[i].para || !an_tx_is_punct(c, e, ':') || c->ref.g < AN_GRAN_MONTH)
		return 0;
	an_date r = c->ref.d;
	int back = mon < r.m || (mon == r.m && day && c->ref.g == AN_GRAN_DAY && day < r.d);
	return back ? r.y + 1 : r.y;
}

int an_tx_para_between(const an_tx_ctx *c, size_t a, size_t b)
{
	for (size_t k = a + 1; k <= b && k < c->n; k++)
		if (c->tk[k].para)
			return 1;
	return 0;
}

int an_tx_para_since(const an_tx_ctx *c, size_t i)
{
	return an_tx_para_between(c, c->ref_at, i);
}

int an_tx_month_year(an_date dct, int m, int dir, int strict)
{
	/* as for days: a month more than ten months away in the direction
	 * of the tense yields to the nearer one ("decided ... early March"
	 * in February) */
	int back = (dct.m - m + 12) % 12, ahead = (m - dct.m + 12) % 12;
	if (!strict && ((dir < 0 && back > 10) || (dir > 0 && ahead > 10)))
		dir = 0;
	if (dir < 0)
		return (strict ? m < dct.m : m <= dct.m) ? dct.y : dct.y - 1;
	if (dir > 0)
		return (strict ? m > dct.m : m >= dct.m) ? dct.y : dct.y + 1;
	/* No cue: news looks back more often than ahead, so the window leans
	 * to the past. */
	int diff = m - dct.m;
	if (diff > 4)
		return dct.y - 1;
	if (diff < -7)
		return dct.y + 1;
	return dct.y;
}

/* The direction picks the occurrence only within about ten months: "payable
 * Dec. 15" in late October is this December even if a past-tense verb is
 * near, since a date a year back would carry its year. */
int an_tx_monthday_year(an_date dct, int m, int d, int dir)
{
	long now = an_date_to_days(dct);
	int neary = dct.y, diry = 0;
	long neard = -1, dird = -1;
	for (int y = dct.y - 1; y <= dct.y + 1; y++) {
		an_date x = {y, m, d};
		if (!an_date_valid(x))
			continue;
		long diff = an_date_to_days(x) - now;
		long dist = diff < 0 ? -diff : diff;
		/* ties go to the past */
		if (neard < 0 || dist < neard) {
			neard = dist;
			neary = y;
		}
		int ok = (dir < 0 && diff <= 0) || (dir > 0 && diff >= 0);
		if (ok && (dird < 0 || dist < dird)) {
			dird = dist;
			diry = y;
		}
	}
	/* ... but a day of the DCT's own year in a past clause carries no
	 * year in news style ("attacked the base on Jan. 7" in November),
	 * nor one in a clause ahead ("will be signed on Dec. 31", written
	 * on Jan. 2) */
	if (dir && dird >= 0 && (dird <= 300 || dir == 2 || diry == dct.y))
		return diry;
	/* no cue: news looks back more often than ahead, as for months */
	if (!dir && neary > dct.y - 1 && neard > 120) {
		an_date p = {neary - 1, m, d};
		if (an_date_valid(p) && now - an_date_to_days(p) <= 250)
			return neary - 1;
	}
	return neary;
}

/* "Tickets for the Loony Dook, the charity dip in the river on Jan. 1,
 * sold out": a day in an appositive between commas, with no verb of its
 * own, takes no tense from the clause around it. */
static int appositive(const an_tx_ctx *c, size_t i, size_t e)
{
	if (e >= c->n || !an_tx_is_punct(c, e, ','))
		return 0;
	for (size_t k = i, n = 0; k > 1 && n < 10 && !c->tk[k].sent; n++) {
		k--;
		if (an_tx_is_punct(c, k, ','))
			return n > 1 && (an_tx_is(c, k + 1, "the") || an_tx_is(c, k + 1, "a") ||
			                 an_tx_is(c, k + 1, "an"));
		if (c->tk[k].kind != AN_TK_WORD || an_tx_cue(c, k))
			return 0;
	}
	return 0;
}

/* "the hurricane season, which runs June 1 to Nov. 30", written on Aug.
 * 31: a span told with a present of lasting ("runs", "lasts") whose
 * days, in the DCT's year, hold the DCT is the one under way, begun. i
 * is the first day's month, e the token after its number. */
static int span_under_way(const an_tx_ctx *c, size_t i, size_t e)
{
	static const char *const lasting[] = {"runs", "lasts", "run", "last", NULL};
	if (i < 2 || e + 2 >= c->n || !(an_tx_cls(c, i) & AN_TXW_MONTH) ||
	    !(an_tx_cls(c, e + 1) & AN_TXW_MONTH))
		return 0;
	size_t v = an_tx_is(c, i - 1, "from") ? i - 2 : i - 1;
	if (!an_tx_one_of(c, v, lasting) ||
	    !(an_tx_is(c, e, "to") || an_tx_is(c, e, "through") || an_tx_is(c, e, "until") ||
	      an_tx_is_dash(c, e)))
		return 0;
	/* (the days after the months, past an abbreviation's stop) */
	size_t d1 = an_tx_is_punct(c, i + 1, '.') ? i + 2 : i + 1;
	size_t d2 = an_tx_is_punct(c, e + 2, '.') ? e + 3 : e + 2;
	if (!an_tx_num(c, d1) || !an_tx_num(c, d2))
		return 0;
	an_date a = {c->dct.y, c->tk[i].w.month, (int)c->tk[d1].num};
	an_date b = {c->dct.y, c->tk[e + 1].w.month, (int)c->tk[d2].num};
	if (!an_date_valid(a) || !an_date_valid(b) || an_date_to_days(b) < an_date_to_days(a))
		return 0;
	long now = an_date_to_days(c->dct);
	return an_date_to_days(a) <= now && now <= an_date_to_days(b);
}

int an_tx_day_direction(const an_tx_ctx *c, size_t i, size_t e)
{
	if (appositive(c, i, e))
		return 0;
	int dir = an_tx_direction(c, i, e);
	if (dir > 0 && span_under_way(c, i, e))
		return -1;
	/* "a transition period that is due to run until Dec. 31", written on
	 * Jan. 31: a deadline said with "until" is ahead, eleven months or
	 * not (the ten months' nearness is for a tense read further off);
	 * not in a past clause ("was supposed to stay secret until Jan. 9",
	 * written on Jan. 15) */
	if (dir > 0 && i > 0 && (an_tx_is(c, i - 1, "until") || an_tx_is(c, i - 1, "till"))) {
		for (size_t k = i - 1, n = 0; k > 0 && n < 8 && !c->tk[k].sent; k--, n++) {
			if (c->tk[k - 1].kind == AN_TK_PUNCT)
				break;
			if (an_tx_is(c, k - 1, "was") || an_tx_is(c, k - 1, "were") ||
			    an_tx_is(c, k - 1, "had") || an_tx_is(c, k - 1, "did"))
				return dir;
		}
		return 2;
	}
	/* "had removed the jet from its schedule through Aug. 5", written
	 * on May 31: the end of a span told in the past may lie ahead; the
	 * nearer of the two days, as with no tense ("was closed until June
	 * 2" in July is the June gone) */
	if (dir < 0 && i > 0 &&
	    (an_tx_is(c, i - 1, "through") || an_tx_is(c, i - 1, "until") ||
	     an_tx_is(c, i - 1, "till")))
		return 0;
	/* "The tour opens March 4 ... and closes June 27", written in
	 * August: a day ahead after one ahead in the same sentence comes
	 * after it, however far off (the ten months' nearness is for a
	 * tense read on its own) */
	if (dir > 0 && c->ref.g == AN_GRAN_DAY && c->ref_at < i &&
	    an_date_to_days(c->ref.d) > an_date_to_days(c->dct) &&
	    an_tx_one_sentence(c, c->ref_at, i))
		return 2;
	return dir;
}

int an_tx_weekday_year(an_date dct, int year, int m, int d, int wday)
{
	an_date x = {year, m, d};
	if (!wday || !an_date_valid(x) || an_date_weekday(x) == wday)
		return year;
	long now = an_date_to_days(dct), away = labs(an_date_to_days(x) - now);
	/* a day's weekday moves by one or two a year: at most one neighbour
	 * has it */
	for (int dy = -1; dy <= 1; dy += 2) {
		an_date y = {year + dy, m, d};
		if (an_date_valid(y) && an_date_weekday(y) == wday &&
		    labs(an_date_to_days(y) - now) < away)
			return year + dy;
	}
	return year;
}

/* Whether the month at c->at sits in a clause that a past year names its
 * time: "flooded in 2011, when a storm stalled in late August" (a "when"
 * clause right after the year, the month inside it: before any comma
 * that could close it, so "retired in 2009, when he turned 65, and died
 * on Nov. 2" stays news); "That year, the comet grazed the Sun on Oct.
 * 21" (the sentence opens with the year last named, as an anaphor). */
static int year_frames(const an_tx_ctx *c, size_t ra)
{
	/* (the reference may be longer than its year: "the summer of 1997,
	 * when the collapse of the baht on July 2 ...") */
	size_t e = ra + 1;
	while (e < c->at && e < ra + 5 && !c->tk[e].sent && c->tk[e].kind != AN_TK_PUNCT)
		e++;
	/* (the walks below stop 200 tokens back: a text without full stops
	 * would else be read again from each month of it) */
	if (e + 1 < c->at && an_tx_is_punct(c, e, ',') && an_tx_is(c, e + 1, "when")) {
		if (c->at - e > 200)
			return 0;
		for (size_t k = e + 2; k < c->at; k++)
			if (c->tk[k].sent || an_tx_is_punct(c, k, ',') || an_tx_is_punct(c, k, ';'))
				return 0;
		return 1;
	}
	/* "collapsed in 1993: a presidential election was held June 12":
	 * what a colon after the year opens tells of that year */
	if (e < c->at && an_tx_is_punct(c, e, ':'))
		return an_tx_one_sentence(c, e, c->at - 1);
	static const char *const lead[] = {"in", "during", "later", "earlier", "by", NULL};
	size_t s = c->at;
	while (s > ra && !c->tk[s].sent && c->at - s < 200)
		s--;
	if (s <= ra || !c->tk[s].sent)
		return 0;
	if (an_tx_one_of(c, s, lead))
		s++;
	if (an_tx_is(c, s, "the") && an_tx_is(c, s + 1, "same"))
		s += 2;
	else if (an_tx_is(c, s, "that"))
		s += an_tx_is(c, s + 1, "same") ? 2 : 1;
	else
		return 0;
	return s < c->at && an_tx_is(c, s, "year");
}

/* A year written out among tokens [a, b). */
static int year_between(const an_tx_ctx *c, size_t a, size_t b)
{
	int y;
	for (size_t k = a; k < b; k++)
		if (an_tx_year_at(c, k, &y))
			return 1;
	return 0;
}

/* The sentence of c->at, at most eighty tokens back, opens with "Next
 * year," (not "Next year's"). */
static int next_year_opens(const an_tx_ctx *c)
{
	size_t s = c->at;
	for (size_t n = 0; s > 0 && n < 80 && !c->tk[s].sent; n++)
		s--;
	return c->tk[s].sent && s + 3 < c->at && an_tx_is(c, s, "next") &&
	       an_tx_is(c, s + 1, "year") && an_tx_is_punct(c, s + 2, ',');
}

/* The timex that starts at token ra writes its year: a four-digit
 * number among its first six tokens, the reference's year. */
static int year_written(const an_tx_ctx *c, size_t ra)
{
	for (size_t k = ra; k < c->n && k < ra + 6; k++)
		if (an_tx_num(c, k) && c->tk[k].ndig == 4 && c->tk[k].num == c->ref.d.y)
			return 1;
	return 0;
}

/* A plan told in the past a few words before c->at, in its sentence:
 * "Last year, workers were scheduled for 12-hour shifts from
 * mid-November" (a plan's words read ahead on their own). */
static int past_plan_before(const an_tx_ctx *c)
{
	for (size_t k = c->at, n = 0; k > 1 && n < 12 && !c->tk[k].sent; k--, n++)
		if ((an_tx_is(c, k - 2, "was") || an_tx_is(c, k - 2, "were")) &&
		    an_tx_one_of(c, k - 1, an_tx_plans))
			return 1;
	return 0;
}

/* The sentence of c->at, or the quote it is in, opens with "last year"
 * (or "this time last year"), or a count of years back ("Two years ago
 * at Thanksgiving", "A year ago in March"), at most eighty tokens before
 * the token asked at: that year, else 0. */
static int past_year_opens(const an_tx_ctx *c)
{
	size_t s = c->at;
	while (s > 0 && c->at - s < 80 && !c->tk[s].sent && !quote_mark(c, s))
		s--;
	if (quote_mark(c, s))
		s++;
	else if (!c->tk[s].sent)
		return 0;
	if (an_tx_is(c, s, "this") && an_tx_is(c, s + 1, "time"))
		s += 2; /* "This time last year, the region was recovering" */
	/* (or the clause a verb of saying opens: "told the board that last
	 * year nearly 30 percent of students were absent") */
	for (size_t k = s; k + 3 < c->at; k++)
		if (an_tx_is(c, k, "that") && an_tx_is(c, k + 1, "last") &&
		    an_tx_is(c, k + 2, "year") && k > s &&
		    (an_tx_one_of(c, k - 1, reporting) ||
		     (k > s + 2 && an_tx_one_of(c, k - 3, reporting)))) {
			s = k + 1; /* "said that", "told the board that" */
			break;
		}
	int step;
	long n = 0;
	size_t e = s + 2;
	if (an_tx_is(c, s, "a"))
		n = 1;
	else if (an_tx_num(c, s))
		n = (long)c->tk[s].num;
	else if (!an_tx_count(&n, c, s))
		n = 0;
	if (s + 3 < c->at && an_tx_is(c, s + 2, "ago") && n >= 1 && n <= 50 &&
	    (an_tx_is(c, s + 1, "years") || an_tx_is(c, s + 1, "year")))
		e = s + 3;
	else if (s + 2 < c->at && an_tx_deictic_step(c, s, &step) && step < 0 &&
	         an_tx_is(c, s + 1, "year") && !an_tx_is_apos(c, s + 2))
		n = -step;
	else
		return 0;
	/* (within its clause: "Last year was the wettest on record, and the
	 * monsoon arrived on 31 May" is this year's May) */
	for (size_t k = e; k <= c->at; k++)
		if (clause_break_before(c, k))
			return 0;
	return c->dct.y - (int)n;
}

/* A year at token k, a lower-case word after it (its verb), before the
 * token asked at: into *y. */
static int year_at_subject(const an_tx_ctx *c, size_t k, int *y)
{
	return k + 1 < c->at && an_tx_year_at(c, k, y) && an_tx_word(c, k + 1) &&
	       !c->tk[k + 1].cap && !an_tx_glued(c, k + 1);
}

/* "2007 brings the Rugby World Cup from September to October", "Looking
 * ahead, 2007 brings ...": a year that is the subject of the sentence at
 * s (or of its clause after a short opening phrase).  The year, 0 if
 * none. */
static int year_subject(const an_tx_ctx *c, size_t s)
{
	int y;
	/* a figure opens no sentence of its own, so "... in October. 2011
	 * saw floods in January" is one to the tokenizer: the year after
	 * its last full stop */
	for (size_t q = c->at; q > s + 1; q--)
		if (an_tx_is_punct(c, q - 1, '.'))
			return year_at_subject(c, q, &y) ? y : 0;
	size_t k = s;
	for (size_t q = s; q < s + 4 && q + 1 < c->at; q++)
		if (an_tx_is_punct(c, q, ',')) {
			k = q + 1;
			break;
		}
	return year_at_subject(c, k, &y) ? y : 0;
}

/* The subject at s is "the" and a year before a noun ("The 2018
 * race"), or "next year's" and the like: the year, else 0. */
static int subject_at(const an_tx_ctx *c, size_t s)
{
	int y = 0, step;
	if (an_tx_is(c, s, "the") && an_tx_year_at(c, s + 1, &y) && an_tx_word(c, s + 2) &&
	    !c->tk[s + 2].cap && !an_tx_glued(c, s + 2)) /* not "The 1930s span" */
		return y;
	if (an_tx_deictic_step(c, s, &step) && an_tx_is(c, s + 1, "year") &&
	    an_tx_is_apos(c, s + 2) && an_tx_is(c, s + 3, "s"))
		return c->dct.y + step;
	return 0;
}

/* A verb of saying between tokens s and k. */
static int reported_before(const an_tx_ctx *c, size_t s, size_t k)
{
	for (size_t q = s; q < k; q++)
		if (an_tx_one_of(c, q, reporting))
			return 1;
	return 0;
}

/* "The 2018 race will take place on 28 October", "Next year's race will
 * be held on March 25": a sentence whose subject a year modifies is about
 * that year's edition, and a day or month without a year in it falls in
 * that year, unless a past verb is right before it ("The 2015 calendar,
 * published on Nov. 28" is published in the news's year).  0: no such
 * subject. */
static int subject_year(const an_tx_ctx *c)
{
	/* (a subject so far back governs nothing; the bound keeps a text
	 * without full stops from being read once per date) */
	size_t s = c->at;
	while (s > 0 && !c->tk[s].sent && c->at - s < 200)
		s--;
	if (!c->tk[s].sent || s + 3 >= c->at)
		return 0;
	int y = subject_at(c, s);
	/* (or of a clause reported with "that": "Organizers said Monday
	 * that next year's race will be held on Oct. 27") */
	for (size_t k = c->at - 1; !y && k > s + 1; k--)
		if (an_tx_is(c, k, "that")) {
			if (k + 3 < c->at && reported_before(c, s, k))
				y = subject_at(c, k + 1);
			break;
		}
	if (!y && !(y = year_subject(c, s)))
		return 0;
	size_t v = c->at > 0 && (an_tx_is(c, c->at - 1, "on") || an_tx_is(c, c->at - 1, "in"))
	                   ? c->at - 1 : c->at;
	if (v > 0 && an_tx_cue(c, v - 1) < 0)
		return 0;
	return y;
}

/* "Jane Morris, born May 4, 1941, ... died in March": a birth date at ra
 * in an obituary tells a life, not the story's time. */
static int born_at(const an_tx_ctx *c, size_t ra)
{
	return ra > 0 && (an_tx_is(c, ra - 1, "born") ||
	                  (ra > 1 && an_tx_is(c, ra - 2, "born") &&
	                   (an_tx_is(c, ra - 1, "on") || an_tx_is(c, ra - 1, "in"))));
}

/* A story told in the past (a history, the backstory of a follow-up): no
 * date near the DCT tagged yet, and the reference time a month, season or
 * day at least two years before the DCT's year.  A month or a day without
 * a year then falls in the reference's year, or in the next when it comes
 * more than five months before the reference's month ("In November 1916
 * ... In March"): such stories move forward.  A bare year is no such
 * reference: "He retired in 2009 and died on Nov. 2" is news.  Returns 0
 * when the story is not in the past; `mon` 0 for no month. */
int an_tx_story_year(const an_tx_ctx *c, int mon)
{
	const an_tx_point *r = &c->ref;
	int sy = subject_year(c);
	if (sy)
		return sy;
	/* "In 2023 the club led the league before fading in April": a past
	 * year that opens the sentence (or a clause after "and") frames a
	 * month of a past clause in it, even in news told from the DCT ("He
	 * retired in 2009 and died on Nov. 2" keeps the news: the year does
	 * not open it) */
	static const char *const lead[] = {"in", "by", "during", "through", "throughout",
	                                   "until", "since", NULL};
	size_t ra = c->ref_at;
	if (r->g >= AN_GRAN_YEAR && r->g <= AN_GRAN_TIME && r->d.y >= 1 && r->d.y < c->dct.y &&
	    ra < c->at && c->at < c->n && mon && year_frames(c, ra) &&
	    an_tx_direction(c, c->at, c->at + 1) < 0)
		return r->d.y;
	/* "later than last year, when port backlogs pushed cutoffs as early
	 * as Dec. 6": a "when" clause right after a past year named from
	 * the DCT, the month inside it (before any comma), is of that year */
	/* (a year, not a season: "last season, when warm weather kept runs
	 * closed until mid-January" is the winter's January) */
	if (mon && c->period.g == AN_GRAN_YEAR && c->period_at && c->period.d.y < c->dct.y &&
	    c->period_te > 0 && an_tx_is(c, c->period_te - 1, "year") &&
	    c->period_te + 2 < c->at && c->at - c->period_te < 40 &&
	    an_tx_is_punct(c, c->period_te, ',') && an_tx_is(c, c->period_te + 1, "when") &&
	    an_tx_one_sentence(c, c->period_te, c->at)) {
		size_t k = c->period_te + 2;
		while (k < c->at && !an_tx_is_punct(c, k, ',') && !an_tx_is_punct(c, k, ';'))
			k++;
		if (k == c->at && an_tx_direction(c, c->at, c->at + 1) <= 0)
			return c->period.d.y;
	}
	/* "In January 1990, it reported a loss. From March to May, it missed
	 * three payments, and on June 11 it filed": a month or day of a past
	 * clause joined by ", and" to a past month or day of the same
	 * sentence, itself read in a story's year, goes on in that year
	 * (not after a year written out: "The bull market began on March 9,
	 * 2009, and in July the expansion ..." is news) */
	size_t q = c->at > 0 && (an_tx_is(c, c->at - 1, "on") || an_tx_is(c, c->at - 1, "in"))
	                   ? c->at - 1 : c->at;
	if (mon && (r->g == AN_GRAN_MONTH || r->g == AN_GRAN_DAY) && r->d.y >= 1 &&
	    r->d.y < c->dct.y && mon >= r->d.m && ra < q && q > 1 && an_tx_is(c, q - 1, "and") &&
	    an_tx_is_punct(c, q - 2, ',') && an_tx_one_sentence(c, ra, c->at) &&
	    !year_between(c, ra, q) && an_tx_direction(c, c->at, c->at + 1) < 0)
		return r->d.y;
	/* "Last year, Eid al-Fitr fell on May 2", "Last year it rained every
	 * weekend in January": so does "last year" opening the sentence
	 * (not its possessive: "Last year's loss ...") */
	int py = mon ? past_year_opens(c) : 0;
	if (py && (an_tx_direction(c, c->at, c->at + 1) < 0 || past_plan_before(c)))
		return py;
	/* (and "Next year, on Oct. 3, Germany marks 30 years of unity": the
	 * year ahead opening the sentence frames its days, whatever the
	 * tense) */
	if (mon && next_year_opens(c))
		return c->dct.y + 1;
	/* (so does a month or season of a past year: "In January 1972,
	 * Muskie led every poll and was finished by April", "In the summer
	 * of 2023 Ukraine launched a counteroffensive that stalled by
	 * November") */
	if ((r->g == AN_GRAN_YEAR ||
	     ((r->g == AN_GRAN_MONTH || r->g == AN_GRAN_SEASON) && r->d.y < c->dct.y - 1)) &&
	    r->d.y >= 1 && r->d.y < c->dct.y && ra < c->at && c->at < c->n && mon &&
	    (c->tk[ra].sent ||
	     (ra > 0 && an_tx_one_of(c, ra - 1, lead) &&
	      (c->tk[ra - 1].sent || (ra > 1 && (an_tx_is(c, ra - 2, "and") ||
	                                         an_tx_is(c, ra - 2, "but") ||
	                                         an_tx_is_punct(c, ra - 2, ';') ||
	                                         /* '"In 2005 the whole town' */
	                                         (quote_mark(c, ra - 2) && c->tk[ra - 2].sent))))))) {
		if (an_tx_one_sentence(c, c->ref_at, c->at) &&
		    an_tx_direction(c, c->at, c->at + 1) < 0)
			return r->d.y + (r->g != AN_GRAN_YEAR && mon < r->d.m);
	}
	/* "was last seen on 17 March 2007.  Hollis reported his wife missing
	 * on 21 March": a past day or month up to two months after a day
	 * written with its year (the story's day, when it is the reference),
	 * in the next sentence at most, goes on in that year, even in news
	 * told from the DCT (not once "this week" or "today" has come back
	 * to the news) */
	/* (so does a day of the year before the DCT's written with its
	 * year, which makes no story of its own: "The war began on April
	 * 15, 2023.  ... on May 11 they signed a declaration", in 2024) */
	if (mon && (c->story_at == ra + 1 || (r->d.y == c->dct.y - 1 && year_written(c, ra))) &&
	    r->g == AN_GRAN_DAY && mon >= r->d.m && mon - r->d.m <= 2 && ra < c->at &&
	    !an_tx_para_between(c, ra, c->at) && an_tx_sentences_between(c, ra, c->at) <= 1 &&
	    !(c->period_at > ra + 1) && !(c->today_at > ra + 1) &&
	    an_tx_direction(c, c->at, c->at + 1) < 0)
		return r->d.y;
	/* (and after a season written with its year: "how, in the spring
	 * of 2016, the council shortlisted three bidders.  On March 3 a
	 * senior engineer emailed ...": the months of that season, and two
	 * after it; and so on from a day the story reached from there, into
	 * the next paragraph: "... ¶ The contract was signed on April 19".
	 * Not after a month: "began in March 2016 and was halted in April"
	 * may be years on; nor a season of two years back, which a story
	 * of the news may still look back to: three years or more; also
	 * "that" season of a year the story wrote, "Is this like 1976? ...
	 * That summer, ... The government appointed a minister in August") */
	int season = r->g == AN_GRAN_SEASON;
	if (mon && (season || r->g == AN_GRAN_DAY) && r->d.y >= 1 && r->d.y <= c->dct.y - 3 &&
	    (c->story.g == AN_GRAN_SEASON || (season && c->story.g == AN_GRAN_YEAR)) &&
	    c->story.d.y == r->d.y && ra < c->at &&
	    mon >= r->d.m - season && mon - r->d.m <= 2 + season &&
	    (!an_tx_para_between(c, ra, c->at) || r->g == AN_GRAN_DAY) &&
	    an_tx_sentences_between(c, ra, c->at) <= 1 + (r->g == AN_GRAN_DAY) &&
	    !(c->period_at > ra + 1) && !(c->today_at > ra + 1) && !born_at(c, ra) &&
	    an_tx_direction(c, c->at, c->at + 1) < 0)
		return r->d.y;
	if (c->present || r->g <= AN_GRAN_YEAR || r->g > AN_GRAN_TIME || r->d.y < 1 ||
	    r->d.y >= c->dct.y - 1)
		return 0;
	if (born_at(c, ra))
		return 0;
	/* "A memoir by Curtis Bell, who died in July 2019, will be
	 * published on May 17": a date in a relative clause between commas
	 * is background to the news, not a story told from it */
	if (an_tx_in_relative(c, ra))
		return 0;
	/* "the musical that opened on Broadway in April 1998, will close
	 * Jan. 3", "launched in December 2010 will arrive at its target on
	 * June 14": a story of a past year is told in the past; what "will"
	 * happen is the news's */
	for (size_t k = c->at, n = 0; k > 0 && n < 8 && !c->tk[k].sent; k--, n++) {
		if (c->tk[k - 1].kind != AN_TK_WORD)
			break;
		if (an_tx_is(c, k - 1, "will") || an_tx_is(c, k - 1, "shall"))
			return 0;
	}
	if (mon && mon - r->d.m < -5)
		return r->d.y + 1;
	return r->d.y;
}

/* The year of a month written without one that ends a range whose first
 * end is the date last named: "from April to July", "between September
 * and December", "Feb. 15 to June 30", "the November-March season".  The second end comes after the
 * first, whatever the tense says of it alone ("the quota runs from Feb.
 * 15 to June 30" in November: both next year).  Returns 0 when the month
 * at `i` ends no such range. */
int an_tx_range_year(const an_tx_ctx *c, size_t i, int mon)
{
	const an_tx_point *r = &c->ref;
	size_t ra = c->ref_at;
	/* "have risen 4 percent this year through September": the month
	 * ends a span that a year named from the DCT opens */
	if (c->period_at && c->period.g == AN_GRAN_YEAR && c->period_te + 1 == i &&
	    (an_tx_is(c, i - 1, "through") || an_tx_is(c, i - 1, "to") ||
	     an_tx_is(c, i - 1, "until") || an_tx_is(c, i - 1, "till")))
		return c->period.d.y;
	if ((r->g != AN_GRAN_MONTH && r->g != AN_GRAN_DAY) || r->d.y < 1 || i < 3 ||
	    ra + 2 > i || i - ra > 6 || ra < 1)
		return 0;
	if (!an_tx_one_sentence(c, ra, i))
		return 0;
	size_t l = i - 1;
	int link = an_tx_is(c, l, "to") || an_tx_is(c, l, "until") || an_tx_is(c, l, "till") ||
	           an_tx_is(c, l, "through") || an_tx_is_dash(c, l);
	/* "bookings for September and October": two months side by side go
	 * on in order, as a range does */
	int pair = (an_tx_is(c, l, "and") || an_tx_is(c, l, "or")) && r->g == AN_GRAN_MONTH &&
	           l == ra + 1;
	if (!link && !pair && !(an_tx_is(c, l, "and") && an_tx_is(c, ra - 1, "between")))
		return 0;
	/* without "from", only a month opens a range: "a revision Friday to
	 * December's figures" is none */
	if (link && !an_tx_is(c, ra - 1, "from") && !(c->tk[ra].w.cls & AN_TXW_MONTH))
		return 0;
	/* "moved the release from Dec. 21 to Nov. 16": two dates of one
	 * event, each read on its own, not a span */
	if (link && an_tx_is(c, ra - 1, "from") && an_tx_rescheduled_before(c, ra - 1))
		return 0;
	/* the first end must run up to the link: "from May 5 for talks to
	 * June" is no range ("between last Friday and 4 January" is one) */
	/* (a holiday's name is such an end: "between Christmas Eve and
	 * January 2") */
	static const char *const deixis[] = {"last", "this", "next", NULL};
	for (size_t k = ra; k < l; k++)
		if (an_tx_word(c, k) && !(c->tk[k].w.cls & (AN_TXW_MONTH | AN_TXW_WDAY)) &&
		    !(k == ra && an_tx_one_of(c, k, deixis)) && !(r->g == AN_GRAN_DAY && c->tk[k].cap))
			return 0;
	return mon < r->d.m ? r->d.y + 1 : r->d.y;
}

/* Where a clause ends: "; :", and a comma before a conjunction ("is
 * usually closed in August, but it will open in March"). */
static int clause_edge(const an_tx_ctx *c, size_t k)
{
	static const char *const conj[] = {"but", "and", "while", "although", "though", "whereas",
	                                   "yet", NULL};
	return an_tx_is_punct(c, k, ';') || an_tx_is_punct(c, k, ':') ||
	       (an_tx_is_punct(c, k, ',') && k + 1 < c->n && an_tx_one_of(c, k + 1, conj));
}

/* A month named as any year's: "the area usually receives between June
 * and September", "the strongest for any January", "a typical July".  A
 * habitual adverb in the month's clause (up to the sentence's edges, ";",
 * ":" or a comma before a conjunction; ten words each way), or a
 * determiner or adjective of kind right before it.  TimeML gives such a
 * month no year (XXXX-06), as it does "each July". */
int an_tx_generic_month(const an_tx_ctx *c, size_t i, size_t e)
{
	static const char *const habitual[] = {"usually", "typically", "normally", "generally",
	                                       "traditionally", "customarily", "ordinarily", NULL};
	static const char *const kind[] = {"any", "typical", "average", "normal", NULL};
	if (i > 0 && an_tx_one_of(c, i - 1, kind))
		return 1;
	for (size_t k = i, n = 0; k > 0 && n < 10 && !c->tk[k].sent; n++) {
		k--;
		if (clause_edge(c, k))
			break;
		if (an_tx_one_of(c, k, habitual))
			return 1;
	}
	/* (not past ", when": "into January, when pension funds typically
	 * put new money to work" tells of the month, and is one) */
	for (size_t k = e, n = 0; k < c->n && n < 10 && !c->tk[k].sent; k++, n++) {
		if (clause_edge(c, k) || (an_tx_is_punct(c, k, ',') && an_tx_is(c, k + 1, "when")))
			break;
		if (an_tx_one_of(c, k, habitual))
			return 1;
	}
	return 0;
}
