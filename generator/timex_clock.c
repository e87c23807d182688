/* timex_clock.c - times of day: "6:30 p.m.", "noon", "10 a.m. EST
 * Thursday", "mid-afternoon", "overnight", with the day they fall on.
 * Matchers as in timex_rules.c, which runs them; also the shapes of a
 * clock time's pieces that the tense window skips (an_tx_no_word). */
#include "timex_tense.h"

#include <stdio.h>
#include <string.h>

#define TK(i) (c->tk[(i)])

static const char *const zones[] = {
	"est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst",
	"cet", "cest", "aest", "aedt", "acst", "acdt", "awst", "nzst", "nzdt", "jst",
	"kst", "hkt", "sgt", "ist", "msk", "sast", "et", "pt", "ct", "mt", "eastern",
	/* (not "WET", "WEST", "CAT", "EAT": capitalised words after a time
	 * too, "at 3 p.m. West Ham") */
	"gst", "eet", "eest", "akst", "akdt", "hst", "ast", "adt", "nst", "ndt", "wib", "pht",
	"pkt",
	"pacific", "central", "mountain", NULL};

/* The time at i, hour h (1-11) without its half of the day, ends a span
 * ("until", "to", "till", past a quantifier) whose start, a clock time
 * a few tokens back ("2 p.m. until" is six), was at h a.m. or after and
 * before h p.m.: the span ends that afternoon. */
static int span_end_after_noon(const an_tx_ctx *c, size_t i, int h)
{
	size_t k = i;
	if (k > 1 && (an_tx_is(c, k - 1, "almost") || an_tx_is(c, k - 1, "about") ||
	              an_tx_is(c, k - 1, "around") || an_tx_is(c, k - 1, "nearly") ||
	              an_tx_is(c, k - 1, "approximately")))
		k--;
	if (k < 2 || !(an_tx_is(c, k - 1, "until") || an_tx_is(c, k - 1, "to") ||
	               an_tx_is(c, k - 1, "till")))
		return 0;
	int prev = c->clock ? (c->clock - 1) / 60 : -1;
	return prev >= h && prev < h + 12 && c->clock_at && c->clock_at + 6 >= k &&
	       c->clock_at < k;
}

/* The preposition p ("at", "from"), and "about" or "around" after it,
 * right before the time at i.  "from" tells the start of what a clause
 * tells ("will be debated for 90 minutes from about 16:00"), which is at
 * a time as "at" is. */
static int prep_before(const an_tx_ctx *c, size_t i, const char *p)
{
	if (i > 1 && (an_tx_is(c, i - 1, "about") || an_tx_is(c, i - 1, "around")))
		i--;
	return i > 0 && an_tx_is(c, i - 1, p);
}

/* A past verb a few words before the "at" of the time at i, with no
 * infinitive between: "opened its disaster operations centre at noon"
 * (not "urged Parisians to stay indoors ... between noon and 5 p.m."). */
static int past_at(const an_tx_ctx *c, size_t i)
{
	if (i < 2 || !an_tx_is(c, i - 1, "at"))
		return 0;
	for (size_t k = i - 1, n = 0; k > 0 && n < 5; n++) {
		k--;
		if (c->tk[k].sent || c->tk[k].kind != AN_TK_WORD || an_tx_is(c, k, "to"))
			return 0;
		int cue = an_tx_cue(c, k);
		if (cue)
			return cue < 0;
	}
	return 0;
}

/* The a.m. (1) or p.m. (2) of a clock time "4 a.m.", "4:30 pm" at k, 0
 * for none. */
static int ampm_at(const an_tx_ctx *c, size_t k)
{
	if (!an_tx_num(c, k) || TK(k).ndig > 2)
		return 0;
	k++;
	if ((an_tx_is_punct(c, k, ':') || an_tx_is_punct(c, k, '.')) && an_tx_num(c, k + 1) &&
	    !TK(k + 1).space && !TK(k).space)
		k += 2;
	if ((an_tx_is(c, k, "a") || an_tx_is(c, k, "p")) && an_tx_is_punct(c, k + 1, '.') &&
	    an_tx_is(c, k + 2, "m"))
		return TK(k).low[0] == 'a' ? 1 : 2;
	if (an_tx_is(c, k, "am") || an_tx_is(c, k, "pm"))
		return TK(k).low[0] == 'a' ? 1 : 2;
	return 0;
}

/* The separator of the minutes after an hour at j - 1: ':' for "6:30",
 * '.' for "7.30" and 'h' for "19h30" (all glued, two digits under 60);
 * 0 for none. */
static int minute_sep(const an_tx_ctx *c, size_t j)
{
	int sep = an_tx_is_punct(c, j, ':') ? ':' : an_tx_is_punct(c, j, '.') ? '.' :
	          an_tx_is(c, j, "h") ? 'h' : 0;
	if (!sep || TK(j).space || !an_tx_num(c, j + 1) || TK(j + 1).space ||
	    TK(j + 1).ndig != 2 || TK(j + 1).num >= 60)
		return 0;
	/* "19h30" is no part of a longer run ("19h30h"); "7.30pm" needs its
	 * a.m./p.m., checked by the caller */
	if (sep == 'h' && j + 2 < c->n && !TK(j + 2).space && TK(j + 2).kind != AN_TK_PUNCT)
		return 0;
	/* "1H26", "2H25" (capital H after 1 or 2) are halves of a year */
	if (sep == 'h' && TK(j).cap && j > 0 && TK(j - 1).ndig == 1 && TK(j - 1).num <= 2)
		return 0;
	return sep;
}

/* The day and half of the day named after a clock time without a.m. or
 * p.m.: "7.15 this morning", "at 9 last night", "10.30 yesterday", "1.20
 * in the morning".  Returns the end, j when none; *half is 1 for the
 * morning, 2 for later, 0 for a day alone; *dated is 0 when the phrase
 * names no day ("in the morning": what follows may). */
static size_t day_phrase(const an_tx_ctx *c, size_t j, int h, an_date *d, int *half,
                         int *dated)
{
	size_t e = j, p;
	int back = 0;
	*dated = 1;
	if (an_tx_is(c, j, "in") && an_tx_is(c, j + 1, "the")) {
		*dated = 0;
		p = j + 2;
	} else if (an_tx_is(c, j, "this")) {
		p = j + 1;
	} else if (an_tx_is(c, j, "tonight")) {
		p = j; /* the night itself */
	} else if (an_tx_is(c, j, "last") && (an_tx_is(c, j + 1, "night") ||
	                                     an_tx_is(c, j + 1, "evening"))) {
		back = 1;
		p = j + 1;
	} else if (an_tx_is(c, j, "yesterday") || an_tx_is(c, j, "today") ||
	           an_tx_is(c, j, "tomorrow")) {
		back = an_tx_is(c, j, "yesterday") ? 1 : an_tx_is(c, j, "tomorrow") ? -1 : 0;
		p = j + 1;
		e = j + 1;
		if (!(an_tx_cls(c, p) & AN_TXW_POD))
			p = j; /* "10.30 yesterday": the clock's own half of the day */
	} else {
		return j;
	}
	*d = an_date_add_days(c->dct, -back);
	*half = 0;
	if (p == j && !an_tx_is(c, j, "tonight"))
		return e;
	int pod = an_tx_is(c, p, "tonight") ? AN_TXP_NI : (int)(an_tx_cls(c, p) & AN_TXW_POD ?
	          TK(p).w.pod : 0);
	if (pod == AN_TXP_MO && h < 12)
		*half = 1;
	else if (pod == AN_TXP_AF && (h <= 6 || h == 12))
		*half = 2;
	else if ((pod == AN_TXP_EV || pod == AN_TXP_NI) && h >= 5 && h < 12)
		*half = 2;
	else if (!(h > 12 && pod != AN_TXP_MO))
		return j; /* "11.30 this morning" and "3 tonight" or "12.20 last night" */
	return p + 1;
}

/* "the next day", "the following morning", "the previous night", "the
 * same day" at token j: 2 + the days it counts from the reference, 0 when
 * none. */
static int next_day_at(const an_tx_ctx *c, size_t j)
{
	if (!an_tx_is(c, j, "the") ||
	    !(an_tx_is(c, j + 2, "day") || (an_tx_cls(c, j + 2) & AN_TXW_POD)))
		return 0;
	if (an_tx_is(c, j + 1, "next") || an_tx_is(c, j + 1, "following"))
		return 3;
	if (an_tx_is(c, j + 1, "previous") || an_tx_is(c, j + 1, "prior"))
		return 1;
	return an_tx_is(c, j + 1, "same") ? 2 : 0;
}

const char *const an_tx_spend[] = {"spend", "spends", "spent", "spending", NULL};

/* "In the afternoon, she visited a hospital", "By the evening": a part
 * of the day with "the", after a preposition, is that part of the day
 * last named ("On Monday ... In the afternoon", an_tx_clock_day), as
 * TimeBank tags "in the morning" after "Friday"; "late in the afternoon"
 * takes mod END.  Not without a day named (a habit: "she runs in the
 * morning"), nor before "of" (TimeBank tags the date alone in "the night
 * of ...") or a noun it modifies ("the morning session"), nor in a name
 * ("the Evening Standard"). */
static size_t day_part(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	static const char *const preps_pod[] = {"in", "by", "during", "throughout", "through",
	                                        "since", "until", "till", "into", NULL};
	static const char *const nouns[] = {
		"session", "sessions", "show", "shift", "shifts", "rush", "edition", "news",
		"paper", "papers", "commute", "service", "services", "class", "classes", "meeting",
		"flight", "flights", "train", "trains", "bulletin", "programme", "program",
		"briefing", "sky", "light", "sun", "air", "star", "prayer", "prayers", "peak",
		"traffic", "trading", "dress", "wear", "gown", "walk", "run", "routine", NULL};
	/* (also "for much of the morning", "spent the afternoon": a share
	 * of the part, or the part spent) */
	static const char *const shares[] = {"much", "most", "part", "rest", "all", "half", NULL};
	size_t k = i;
	const char *mod = NULL;
	if ((an_tx_is(c, i, "late") || an_tx_is(c, i, "early")) && an_tx_is(c, i + 1, "in")) {
		mod = TK(i).low[0] == 'l' ? "END" : "START";
		k = i + 2;
	} else if (i == 0 ||
	           !(an_tx_one_of(c, i - 1, preps_pod) || an_tx_one_of(c, i - 1, an_tx_spend) ||
	             (i > 2 && an_tx_is(c, i - 1, "of") && an_tx_one_of(c, i - 2, shares) &&
	              !TK(i - 2).sent))) {
		return 0;
	}
	size_t p = k + 1;
	if (!an_tx_is(c, k, "the") || p >= c->n || an_tx_capital(c, p) ||
	    !(an_tx_cls(c, p) & AN_TXW_POD) ||
	    an_tx_is(c, p, "overnight") || (c->ref.g != AN_GRAN_DAY && !c->day_at) ||
	    an_tx_is(c, p + 1, "of") ||
	    an_tx_one_of(c, p + 1, nouns) || (an_tx_is_punct(c, p + 1, '-') && !TK(p + 1).space))
		return 0;
	/* the day a clock time would take: "at 3 a.m. Sunday ... in the
	 * afternoon" is Sunday's, though no date since set the reference */
	char tmp[32];
	an_date d = an_tx_clock_day(c);
	/* (a past clause tells of no day ahead: "'Tomorrow is about
	 * racing,' he said ... His team-mates spent the morning by the
	 * pool" is the news day's) */
	/* (and the mirror: "On Saturday, the president will travel to
	 * Sendai ... suffered its own earthquake on Feb. 27, 2010 ... will
	 * lay a wreath in the morning" is Saturday's, the last day ahead
	 * named, when the day last named is a background weeks back; "said
	 * he would spend the evening" after "Saturday afternoon" keeps the
	 * Saturday) */
	int pdir = an_tx_direction(c, k, p + 1);
	if (an_date_to_days(d) > an_date_to_days(c->dct) && pdir < 0)
		d = c->dct;
	else if (an_date_to_days(c->dct) - an_date_to_days(d) > 14 && pdir > 0 &&
	         c->ahead_day_at && an_date_to_days(c->ahead_day) - an_date_to_days(c->dct) <= 14)
		d = c->ahead_day;
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02dT%s", d.y, d.m, d.d, an_tx_pod_code[TK(p).w.pod]);
	an_tx_set_value(m, AN_TIMEX_TIME, tmp);
	if (mod)
		an_tx_copy(m->mod, sizeof m->mod, mod);
	return p + 1;
}

/* Whether the bare hour at i opens a span of hours whose second hour
 * (after the joiner at j) carries the half of the day: "between 2 and 4
 * a.m.", "from 9 to 11 p.m."; in listings also without the preposition,
 * "this Sunday, 7 to 11 a.m.", "open Fridays 4-9 p.m.", and after "at"
 * with "and", "shows at 7 and 9:30 p.m.".  A figure before the hour ("a
 * 3-4 p.m. window" aside) makes it part of a number. */
static int span_open(const an_tx_ctx *c, size_t i, size_t j)
{
	int to = an_tx_is(c, j, "to") || an_tx_is(c, j, "until") ||
	         (an_tx_is_punct(c, j, '-') && !TK(j).space);
	if (an_tx_is(c, i - 1, "between") || an_tx_is(c, i - 1, "from"))
		return to || an_tx_is(c, j, "and");
	if (an_tx_is(c, i - 1, "at"))
		return to || an_tx_is(c, j, "and");
	if (!to || !TK(i).space || TK(i - 1).kind == AN_TK_NUM || an_tx_is_punct(c, i - 1, '$') ||
	    an_tx_is_punct(c, i - 1, '-'))
		return 0;
	/* "Route 9", "Room 12" name a number; "Fridays 4-9 p.m." (a word of
	 * time) does not */
	return !(TK(i - 1).kind == AN_TK_WORD && TK(i - 1).cap && !TK(i - 1).sent &&
	         !an_tx_cls(c, i - 1));
}

/* "Update, 3:15 p.m. ET: Voting is under way", "10:42 a.m.: The bill has
 * failed": a time that opens its paragraph (after "Update," at most) with
 * a colon or a dash after it stamps an entry of a live blog, written on
 * the day of the page, whatever day its last entry told of.  at: the
 * token after the time. */
static int blog_stamp(const an_tx_ctx *c, size_t i, size_t at)
{
	/* (or the time alone as its paragraph: AP's "The Latest" heads its
	 * entries "4:15 p.m." on a line of their own) */
	if (at >= c->n)
		return TK(i).para;
	if (!(an_tx_is_punct(c, at, ':') || an_tx_is_dash(c, at)))
		return 0;
	if (TK(i).para)
		return 1;
	size_t u = i > 0 && an_tx_is_punct(c, i - 1, ',') ? i - 1 : i;
	return u > 0 && TK(u - 1).para &&
	       (an_tx_is(c, u - 1, "update") || an_tx_is(c, u - 1, "updated"));
}

/* The day of a live blog's stamp at `min` minutes of its day: the
 * page's, but past midnight after a late entry ("11:40pm: Twenty minutes
 * to go. // 12:00am: HAPPY NEW YEAR!") the next, and so the entries
 * after it that go on in order. */
static an_date stamp_day(const an_tx_ctx *c, int min)
{
	long last = c->clock ? an_date_to_days(c->clock_day) : 0;
	long dct = an_date_to_days(c->dct);
	if (!c->clock || last < dct || last > dct + 1)
		return c->dct;
	if (last == dct && c->clock - 1 >= 20 * 60 && min < 6 * 60)
		return an_date_add_days(c->clock_day, 1);
	return last > dct && min >= c->clock - 1 ? c->clock_day : c->dct;
}

/* Whether a live blog's stamp at token s opened the paragraph of token i
 * ("1:35 pm: ... will be pronounced at 3 pm" is that entry's day, not
 * the day ahead an entry before named). */
static int stamp_para(const an_tx_ctx *c, size_t s, size_t i)
{
	return TK(s).para && !an_tx_para_between(c, s, i);
}

/* A day between a determiner and its noun at token s ("the June 30
 * deadline", "a Nov. 5 vote"). */
static int noun_day(const an_tx_ctx *c, size_t s)
{
	static const char *const links[] = {"of", "to", "in", "on", "at", "and", "or", "for",
	                                    "from", "until", "through", NULL};
	if (s == 0 || !is_determiner(c, s - 1) || !(an_tx_cls(c, s) & AN_TXW_MONTH))
		return 0;
	size_t k = s + 1;
	while (k < s + 4 && k < c->n && (c->tk[k].kind != AN_TK_WORD || an_tx_num(c, k)) &&
	       !an_tx_is_punct(c, k, ','))
		k++;
	return k > s + 1 && an_tx_word(c, k) && !TK(k).cap && !an_tx_one_of(c, k, links) &&
	       !an_tx_cue(c, k);
}

/* A plan before the time at i in its sentence: "will" or "shall", "is
 * due", or "would" after a verb of saying ("said roads would close from
 * 8pm"); or after it when the time opens the sentence ("At 3 p.m., bells
 * will ring").  Not in a quote of the sentence ("said at 4.15pm: 'the dream
 * shall never die'"), and not a tense alone: the past of a schedule ("was
 * due to land at 6.30 am", "ran until about 1:30 a.m.") is no plan. */
static int will_before(const an_tx_ctx *c, size_t i)
{
	static const char *const say[] = {"said", "says", "say", "announced", NULL};
	size_t b = i;
	while (b > 0 && !TK(b).sent && !quote_mark(c, b - 1))
		b--;
	size_t e = i;
	if (i - b <= 2) /* "At 3 p.m.," opening it */
		while (e < c->n && !(e > i && TK(e).sent) && !quote_mark(c, e))
			e++;
	static const char *const sched[] = {"due", "scheduled", "expected", "slated", NULL};
	int said = 0;
	for (size_t k = b; k < e; k++) {
		if (an_tx_is(c, k, "will") || an_tx_is(c, k, "shall") ||
		    (said && an_tx_is(c, k, "would")))
			return 1;
		/* ("Its next full advisory is due at 5 p.m.": a schedule in
		 * the present) */
		if (k > b && an_tx_one_of(c, k, sched) &&
		    (an_tx_is(c, k - 1, "is") || an_tx_is(c, k - 1, "are")))
			return 1;
		said |= an_tx_one_of(c, k, say);
	}
	return 0;
}

/* The day a clause ahead tells of at a time when the day last named is
 * gone (an_tx_clock): the lede's, or the last day ahead named, within two
 * weeks of the DCT; else the DCT's. */
static an_date ahead_or_today(const an_tx_ctx *c)
{
	long dct = an_date_to_days(c->dct);
	if (c->lede_day_at && an_date_to_days(c->lede_day) >= dct &&
	    an_date_to_days(c->lede_day) - dct <= 14)
		return c->lede_day;
	if (c->ahead_day_at && an_date_to_days(c->ahead_day) - dct <= 14)
		return c->ahead_day;
	return c->dct;
}

/* "The 7:15 a.m. service from Bristol ... left the track at about 7:52
 * a.m. on Oct. 17": a time that names its noun (after "the" or "a",
 * before a lower-case word at `at`) is of the day its sentence names
 * later after "on".  The day's match into *dm, 1; else 0. */
static int attributive_day(const an_tx_ctx *c, size_t i, size_t at, an_tx_match *dm)
{
	if (i == 0 || !(an_tx_is(c, i - 1, "the") || an_tx_is(c, i - 1, "a")) || at >= c->n ||
	    TK(at).kind != AN_TK_WORD || TK(at).cap || TK(at).w.cls)
		return 0;
	for (size_t k = at + 1; k + 1 < c->n && k < at + 25 && !TK(k).sent; k++) {
		if (!an_tx_is(c, k, "on"))
			continue;
		memset(dm, 0, sizeof *dm);
		if ((an_tx_month(dm, c, k + 1) || an_tx_weekday(dm, c, k + 1)) &&
		    dm->anchor.g == AN_GRAN_DAY)
			return 1;
	}
	return 0;
}

/* The weekday (1-7) of a recurring day ending at k: "every Sunday",
 * "each Friday", "Sundays"; 0 when none. */
static int recurring_day_before(const an_tx_ctx *c, size_t k)
{
	int wd = an_tx_plural_weekday(c, k);
	if (wd)
		return wd;
	if (k > 0 && an_tx_word(c, k) && (TK(k).w.cls & AN_TXW_WDAY) && TK(k).cap &&
	    (an_tx_is(c, k - 1, "every") || an_tx_is(c, k - 1, "each")))
		return TK(k).w.wday;
	return 0;
}

/* The hours of every day that a clause of opening hours or of a set
 * tells, for the clock time at [i, j): after the days "is open Tuesday
 * through Saturday" (ten tokens back at most), or before "daily" or
 * "each evening" ("closes at 8 p.m. each evening", "open from 10 a.m.
 * to 6 p.m. daily"), in its clause. */
static int opening_hours(const an_tx_ctx *c, size_t i, size_t j)
{
	for (size_t k = i; k > 0 && i - k < 10 && !TK(k).sent;) {
		k--;
		if (an_tx_is_punct(c, k, ';'))
			break;
		if (an_tx_open_days(c, k))
			return 1;
	}
	/* (or after "usually", "typically", "normally" right before it:
	 * "the busiest times, usually between 10am and 2pm") */
	static const char *const habit[] = {"usually", "typically", "normally", "generally",
	                                    NULL};
	for (size_t k = i, n = 0; k > 0 && n < 6 && !TK(k).sent; n++) {
		if (an_tx_is_punct(c, --k, ',') || an_tx_is_punct(c, k, ';'))
			break;
		if (an_tx_one_of(c, k, habit))
			return 1;
	}
	for (size_t k = j; k < c->n && k < j + 9 && !(k > j && TK(k).sent); k++) {
		/* (a week's days set off by a comma: "from 8 a.m. to 10 p.m.
		 * ET, seven days a week") */
		long n;
		if (an_tx_is_punct(c, k, ',') && an_tx_count(&n, c, k + 1) &&
		    an_tx_is(c, k + 2, "days") && an_tx_is(c, k + 3, "a") &&
		    an_tx_is(c, k + 4, "week"))
			return 1;
		if (an_tx_is_punct(c, k, ',') || an_tx_is_punct(c, k, ';'))
			break;
		if (an_tx_is(c, k, "daily") || an_tx_is(c, k, "nightly") || an_tx_every_day(c, k))
			return 1;
	}
	return 0;
}

/* Clock times: "6:30 p.m.", "10 a.m. EST Thursday", "noon". */
size_t an_tx_clock(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	size_t j = i, k, pe = 0, stop = 0;
	int h, mi = 0, sec = -1, ampm = 0, pod = 0, span = 0, half = 0, dated = 0, mid = 0;
	an_date pd = c->dct;
	if (an_tx_is(c, i, "overnight"))
		return an_tx_overnight(m, c, i);
	if (an_tx_is(c, i, "the") || an_tx_is(c, i, "late") || an_tx_is(c, i, "early"))
		return day_part(m, c, i);
	if ((j = an_tx_quarter_hour(c, i, &h, &mi)) > i) {
		ampm = 3; /* "half past eight in the evening" */
		size_t e = an_tx_oclock_end(c, j, h, &ampm);
		if (ampm == 2 && h < 12)
			h += 12;
		j = e;
	} else if (an_tx_is(c, i, "noon") || an_tx_is(c, i, "midday")) {
		h = 12;
		j = i + 1;
	} else if (an_tx_is(c, i, "midafternoon") || an_tx_is(c, i, "midmorning")) {
		pod = TK(i).low[3] == 'a' ? AN_TXP_AF : AN_TXP_MO;
		h = 0;
		j = i + 1;
		mid = 1;
	} else if (an_tx_is(c, i, "mid") &&
	           (an_tx_is(c, i + 1, "afternoon") || an_tx_is(c, i + 1, "morning") ||
	            (an_tx_is_punct(c, i + 1, '-') && !TK(i + 1).space &&
	             (an_tx_is(c, i + 2, "afternoon") || an_tx_is(c, i + 2, "morning"))))) {
		/* "mid-afternoon", "by mid afternoon": a part of the day */
		j = an_tx_is_punct(c, i + 1, '-') ? i + 2 : i + 1;
		if (!an_tx_is_punct(c, i + 1, '-') && !TK(j).space)
			return 0;
		pod = TK(j).w.pod;
		h = 0;
		j++;
		mid = 1;
	} else if (an_tx_is(c, i, "midnight")) {
		h = 24;
		j = i + 1;
	} else if (an_tx_word(c, i) && (TK(i).w.cls & AN_TXW_NUM) && TK(i).w.num >= 1 &&
	           TK(i).w.num <= 12 && i > 0 && an_tx_one_of(c, i - 1, an_tx_clock_preps)) {
		/* "at four in the morning", "until five in the afternoon",
		 * "at seven o'clock": an hour written as a word, with the words
		 * that make it one */
		h = TK(i).w.num;
		j = an_tx_oclock_end(c, i + 1, h, &ampm);
		if (j == i + 1)
			return 0;
		if (ampm == 2 && h < 12)
			h += 12;
	} else if (an_tx_num(c, i) && TK(i).ndig == 4 && TK(i).num % 100 < 60 &&
	           TK(i).num / 100 < 24 && !an_tx_glued(c, i) &&
	           (((an_tx_is(c, i + 1, "gmt") || an_tx_is(c, i + 1, "utc")) && TK(i + 1).cap) ||
	            /* "0930 local time", military "0400 hours" (the leading
	             * zero makes it no count of hours) */
	            (an_tx_is(c, i + 1, "local") && an_tx_is(c, i + 2, "time")) ||
	            (TK(i).num < 1000 && (an_tx_is(c, i + 1, "hours") || an_tx_is(c, i + 1, "hrs"))) ||
	            an_tx_bare_hhmm(c, i))) {
		/* "at 0600 GMT", "1430 UTC": wire copy's 24-hour times, which
		 * always carry the zone; a restatement in brackets after
		 * another time ("10:35 a.m. (0735 GMT)") names the same instant
		 * and is left out */
		if (i > 1 && an_tx_is_punct(c, i - 1, '(') &&
		    (an_tx_is(c, i - 2, "m") || an_tx_is_punct(c, i - 2, '.') || an_tx_is(c, i - 2, "am") ||
		     an_tx_is(c, i - 2, "pm") || an_tx_is(c, i - 2, "time")))
			return 0;
		h = (int)(TK(i).num / 100);
		mi = (int)(TK(i).num % 100);
		j = i + 1;
		if (an_tx_is(c, j, "hours") || an_tx_is(c, j, "hrs"))
			j++;
	} else {
		if (!an_tx_num(c, i) || TK(i).ndig > 2 || TK(i).num > 24)
			return 0;
		if (i > 0 && !TK(i).space && TK(i - 1).kind != AN_TK_WORD &&
		    (TK(i - 1).low[0] == '$' || TK(i - 1).low[0] == '.' || TK(i - 1).low[0] == ',' ||
		     TK(i - 1).low[0] == ':'))
			return 0; /* also the tail of a race time "2:03:45" */
		h = (int)TK(i).num;
		j = i + 1;
		int sep = minute_sep(c, j);
		if (sep) {
			mi = (int)TK(j + 1).num;
			j += 2;
			ampm = 3; /* a clock time even without a.m./p.m. */
			/* "21:30:45": the seconds of timestamps */
			if (sep == ':' && minute_sep(c, j) == ':') {
				sec = (int)TK(j + 1).num;
				j += 2;
			}
			/* "1:08.392" is a lap time */
			if (an_tx_is_punct(c, j, '.') && !TK(j).space && an_tx_num(c, j + 1) &&
			    !TK(j + 1).space)
				return 0;
		}
		/* "7.15 this morning", "at 9 last night": the phrase gives the
		 * half of the day that "a.m." would; a number with a full stop
		 * only where no amount can be ("rose 2.40 this morning") */
		int at_prep = i > 0 && an_tx_one_of(c, i - 1, an_tx_clock_preps);
		/* "with 2:13 left", "won in 2:03:45": a game clock or a race
		 * time, unless a.m., p.m. or a zone makes it the time of day; a
		 * date before it ("Nov. 11, 2025 5:37:12") stands for a
		 * preposition */
		if (sep == ':' && !ampm_at(c, i) && !an_tx_is(c, j, "am") && !an_tx_is(c, j, "pm") &&
		    !((an_tx_is(c, j, "a") || an_tx_is(c, j, "p")) && an_tx_is_punct(c, j + 1, '.')) &&
		    !(an_tx_one_of(c, j, zones) && TK(j).cap) &&
		    an_tx_game_clock(c, i, j, sec >= 0,
		                     at_prep || (i > 0 && (TK(i - 1).kind != AN_TK_WORD ||
		                                           (an_tx_cls(c, i - 1) &
		                                            (AN_TXW_MONTH | AN_TXW_WDAY))))))
			return 0;
		if (!ampm_at(c, i) &&
		    (at_prep || (sep && (sep != '.' || TK(i).sent || an_tx_is(c, i - 1, "was")))) &&
		    (pe = day_phrase(c, j, h, &pd, &half, &dated)) > j && (half || sep)) {
			ampm = 3;
			if (half == 2 && h < 12)
				h += 12;
			if (half == 1 && h == 12)
				h = 0;
			j = pe;
		} else {
			pe = 0;
		}
		/* "7.30pm" (British) needs its a.m./p.m., a day or a zone ("17.02
		 * GMT"): "2.40" is a number */
		if (sep == '.' && !ampm_at(c, i) && !pe && !(an_tx_one_of(c, j, zones) && TK(j).cap))
			return 0;
		/* a.m. / p.m. / am / pm / AM / PM */
		if ((an_tx_is(c, j, "a") || an_tx_is(c, j, "p")) && an_tx_is_punct(c, j + 1, '.') &&
		    !TK(j + 1).space && an_tx_is(c, j + 2, "m") && !TK(j + 2).space) {
			ampm = TK(j).low[0] == 'a' ? 1 : 2;
			j += 3;
			/* the last full stop: where it also ends the sentence, it
			 * joins the time only at its end (below), after nothing
			 * of the next sentence has been read as its day */
			if (an_tx_is_punct(c, j, '.') && !TK(j).space &&
			    (j + 1 >= c->n || !an_tx_capital(c, j + 1) || an_tx_one_of(c, j + 1, zones) ||
			     /* "4 p.m. New York time", "9 a.m. Moscow time" */
			     an_tx_is(c, j + 2, "time") ||
			     (an_tx_word(c, j + 2) && TK(j + 2).cap && an_tx_is(c, j + 3, "time")) ||
			     (an_tx_word(c, j + 2) && TK(j + 2).cap && an_tx_word(c, j + 3) &&
			      TK(j + 3).cap && an_tx_is(c, j + 4, "time")) ||
			     (TK(j + 1).w.cls & (AN_TXW_WDAY | AN_TXW_MONTH)) ||
			     an_tx_plural_weekday(c, j + 1)))
				j++;
			else if (an_tx_is_punct(c, j, '.') && !TK(j).space)
				stop = j;
		} else if (an_tx_is(c, j, "am") || an_tx_is(c, j, "pm")) {
			ampm = TK(j).low[0] == 'a' ? 1 : 2;
			j++;
		} else if (ampm != 3 && (k = an_tx_oclock_end(c, j, h, &ampm)) > j) {
			j = k; /* "9 o'clock", "3 in the morning" */
		}
		/* "between 2 and 4 a.m.", "from 9 to 11 p.m.": the first hour
		 * takes the half of the day of the second */
		if (!ampm && j == i + 1 && i > 0 && span_open(c, i, j) &&
		    (ampm = ampm_at(c, j + 1)) != 0) {
			/* "from 9 to 5 p.m." starts in the morning; "from 11 to 2
			 * a.m." the night before, which is left alone */
			if (h > 12 || h % 12 > TK(j + 1).num % 12) {
				if (ampm == 1 || h > 12)
					return 0;
				ampm = 1;
			}
			span = 1;
		}
		if (!ampm || h > 12 + (ampm == 3 ? 12 : 0))
			return 0;
		/* "from noon until 4:30", "from 11 a.m. until almost 4:30": a
		 * bare hour that ends a span begun later in the morning or
		 * after noon, a few words before, is in the afternoon */
		if (ampm == 3 && h >= 1 && h < 12 && span_end_after_noon(c, i, h))
			h += 12;
		if (ampm == 2 && h < 12)
			h += 12;
		if (ampm == 1 && h == 12)
			h = 0;
	}
	if (an_tx_one_of(c, j, zones) && TK(j).cap) {
		j++;
		/* "Eastern time", "Pacific Time" */
		if (TK(j - 1).low[2] && an_tx_is(c, j, "time"))
			j++;
	}
	/* "8 a.m. local time on Sunday": the day is read past "local time",
	 * which joins the expression only when the day does */
	size_t at = j;
	/* "between 1 a.m. and 4 a.m. on Aug. 13": both hours on the day after
	 * the second */
	/* (also "from about 2 p.m. to 7:30 p.m. on May 16") */
	size_t op = i > 1 && (an_tx_is(c, i - 1, "about") || an_tx_is(c, i - 1, "around") ||
	                      an_tx_is(c, i - 1, "approximately"))
	                    ? i - 1 : i;
	size_t join = (!span && op > 0 && (an_tx_is(c, op - 1, "between") ||
	                                   an_tx_is(c, op - 1, "from")) &&
	               (an_tx_is(c, j, "and") || an_tx_is(c, j, "to") || an_tx_is(c, j, "until")))
	                      ? j : 0;
	/* the zone between commas, as tender offers write it: "at 5:00
	 * p.m., New York City time, on Dec. 10" */
	size_t z = an_tx_is_punct(c, j, ',') ? j + 1 : j;
	/* "9 a.m. Moscow time on Monday", "New York City time": up to three
	 * capitalised words before "time" */
	size_t zw = z;
	while (zw < z + 3 && an_tx_word(c, zw) && TK(zw).cap && !an_tx_is(c, zw, "time"))
		zw++;
	if (an_tx_is(c, z, "local") && an_tx_is(c, z + 1, "time"))
		at = z + 2;
	else if (zw > z && an_tx_is(c, zw, "time"))
		at = zw + 1;
	if (at > z && z > j && !an_tx_is_punct(c, at, ','))
		at = j; /* "at 5 p.m., Paris time is ..." : no closing comma */
	else if (at > z && z > j)
		at++;
	/* "struck at 3:12 a.m. local time.": the zone is the time's, with a
	 * day after it or not (not one between commas) */
	size_t zone_end = z == j ? at : j;
	/* "8 a.m. sharp on Sunday": the day is read past "sharp" */
	if (an_tx_is(c, at, "sharp") && an_tx_is(c, at + 1, "on"))
		at++;
	/* "at 4:17 a.m. local time (0117 GMT) on Monday": and past the
	 * time in another zone between brackets */
	if (an_tx_is_punct(c, at, '(')) {
		size_t q = at + 1;
		while (q < c->n && q < at + 6 && !an_tx_is_punct(c, q, ')') && !TK(q).sent)
			q++;
		if (an_tx_is_punct(c, q, ')') && an_tx_is(c, q + 1, "on"))
			at = q + 1;
	}
	/* "airs at 9 p.m. Sundays": the hour of every such day, one SET */
	/* (not the second hour of "from 10 a.m. to 5 p.m. Saturdays", whose
	 * first stays a time) */
	int second = i > 2 && (an_tx_is(c, i - 1, "to") || an_tx_is(c, i - 1, "until")) &&
	             an_tx_clock_before(c, i - 2, 0) < i - 2;
	int every = pod || span || join || second ? 0 : an_tx_plural_weekday(c, at);
	if (every) {
		snprintf(m->value, sizeof m->value, "XXXX-WXX-%dT%02d:%02d", every, h, mi);
		m->type = AN_TIMEX_SET;
		return at + 1;
	}
	/* "Mass is celebrated every Sunday at 11 a.m.", "airs Sundays at 9
	 * p.m.": the hour of each such day, a time with the set's pattern
	 * (the day stays a SET of its own) */
	/* (and "every Tuesday from 11 a.m. to 1 p.m.": both hours) */
	size_t b = second ? an_tx_clock_before(c, i - 2, 0) : i - 1;
	int each = b > 1 && (an_tx_is(c, b, "at") || an_tx_is(c, b, "from"))
	                   ? recurring_day_before(c, b - 1) : 0;
	if (each && !pod) {
		/* (of a list of days, the hour of any day: "open Saturdays and
		 * Sundays from 10 a.m.") */
		size_t wb = b - 1; /* the recurring day */
		if (wb > 2 && (an_tx_is(c, wb - 1, "and") || an_tx_is(c, wb - 1, "or")) &&
		    ((TK(wb - 2).w.cls & AN_TXW_WDAY) || an_tx_plural_weekday(c, wb - 2)))
			snprintf(m->value, sizeof m->value, "XXXX-XX-XXT%02d:%02d", h, mi);
		else
			snprintf(m->value, sizeof m->value, "XXXX-WXX-%dT%02d:%02d", each, h, mi);
		m->type = AN_TIMEX_TIME;
		return stop && j == stop ? j + 1 : zone_end > j ? zone_end : j;
	}
	/* "The main lifts run daily from 8:30 a.m. to 4:30 p.m.": the hour
	 * of any day, no day of its own (not with a day after it) */
	if (!pod && (an_tx_daily_before(c, i) || opening_hours(c, i, j)) &&
	    !(an_tx_cls(c, at) & (AN_TXW_WDAY | AN_TXW_MONTH)) && !an_tx_is(c, at, "on") &&
	    !an_tx_is(c, at, "today") && !an_tx_is(c, at, "tonight") &&
	    !an_tx_is(c, at, "tomorrow")) {
		snprintf(m->value, sizeof m->value, "XXXX-XX-XXT%02d:%02d", h, mi);
		m->type = AN_TIMEX_TIME;
		return stop && j == stop ? j + 1 : zone_end > j ? zone_end : j;
	}
	/* a following day gives the date: "10 p.m. Wednesday" */
	/* without a day of its own, a time belongs to the day last named,
	 * but a live blog's timestamp to the blog's */
	int blog = blog_stamp(c, i, at), stamp = blog || an_tx_market_time(c, i, at);
	an_date d = blog ? stamp_day(c, h * 60 + mi) : stamp ? c->dct : an_tx_clock_day(c);
	/* "received the ballots on Wednesday ahead of the election on
	 * Tuesday ... arrived at 4am": what a past clause tells is not on a
	 * day ahead, but on the last day named before it */
	/* (with no such day, the news day, when a past verb of the time's
	 * own clause says so: "issued a warning from Saturday afternoon.
	 * The municipality opened its centre at noon") */
	/* (not a day ahead named in the time's own sentence: "urged
	 * Parisians to stay indoors on Monday between noon and 5 p.m.") */
	/* (but not a day that only qualifies a noun: "beating the June 30
	 * deadline, after a session that stretched past 11 p.m.") */
	int day_here = c->day_at && an_tx_one_sentence(c, c->day_at - 1, i) &&
	               !noun_day(c, c->day_at - 1);
	if (an_date_to_days(d) > an_date_to_days(c->dct) && !day_here &&
	    (c->past_day_at ? an_tx_direction(c, i, j) < 0 : past_at(c, i)))
		d = c->past_day_at ? c->past_day : c->dct;
	/* and the mirror: "NASA will try again on Thursday ..., officials
	 * said today.  The launch window opens at 6:12 p.m.": what a clause
	 * ahead tells at a time is on the last day ahead named, within two
	 * weeks, not on the telling's (not a stamp that opens its sentence,
	 * nor after a day of its sentence: "host Phoenix tonight at 7 p.m.";
	 * "by midnight", "after 10 a.m." are the news day's; "from about
	 * 16:00" is at a time as "at 4 p.m." is) */
	else if (!stamp && !c->tk[i].sent && (prep_before(c, i, "at") || prep_before(c, i, "from")) &&
	         an_date_to_days(d) <= an_date_to_days(c->dct) && c->ahead_day_at &&
	         an_date_to_days(c->ahead_day) - an_date_to_days(c->dct) <= 14 &&
	         !(c->day_at > c->ahead_day_at &&
	           (an_tx_one_sentence(c, c->day_at - 1, i) || stamp_para(c, c->day_at - 1, i))) &&
	         an_tx_direction(c, i, j) > 0)
		d = c->ahead_day;
	/* and never a day gone, named in another sentence: "Ten years ago
	 * today, bushfires tore through ... Residents will gather at the
	 * memorial at 11 a.m." is on the lede's day when it is ahead, else
	 * on the last day ahead named, else today */
	else if (!stamp && an_date_to_days(d) < an_date_to_days(c->dct) && !day_here &&
	         will_before(c, i))
		d = ahead_or_today(c);
	/* "Polling stations opened at 7 a.m.": the hours of the vote */
	if (!stamp && !day_here)
		an_tx_poll_clock(c, i, &d);
	/* "a curfew from 10 p.m. to 6 a.m.": the second hour of a span that
	 * runs past midnight is the next day's */
	if (i > 2 && (an_tx_is(c, i - 1, "to") || an_tx_is(c, i - 1, "until") ||
	              an_tx_is(c, i - 1, "till")) &&
	    c->clock && (c->clock - 1) / 60 > h && an_tx_clock_before(c, i - 2, 1) < i - 2 &&
	    an_date_to_days(c->clock_day) == an_date_to_days(d))
		d = an_date_add_days(d, 1);
	else if (an_tx_past_midnight(c, i, h, d))
		d = an_date_add_days(d, 1);
	/* "had gathered to watch fireworks at midnight", said on New Year's
	 * Day: a midnight gone on the news day is the one it began with,
	 * the day before's T24:00 */
	else if (h == 24 && !stamp && !day_here &&
	         an_date_to_days(d) == an_date_to_days(c->dct) && an_tx_direction(c, i, j) < 0)
		d = an_date_add_days(d, -1);
	an_tx_match dm;
	memset(&dm, 0, sizeof dm);
	int nd;
	k = at;
	if (an_tx_is_punct(c, k, ','))
		k++;
	/* the month matcher first: "Saturday, Nov. 22" is one day, whose
	 * weekday alone would be this week's; so is "Mon November 10" */
	size_t de = an_tx_month(&dm, c, k);
	if (!de && (an_tx_cls(c, k) & AN_TXW_ABBR))
		de = an_tx_web_date(&dm, c, k);
	if (!de || dm.anchor.g != AN_GRAN_DAY) {
		memset(&dm, 0, sizeof dm);
		de = an_tx_weekday(&dm, c, k);
	}
	int named = 0; /* the day is part of the timex */
	/* ("4 o'clock Monday morning", "2 a.m. Sunday morning": one time,
	 * the part of the day a restatement of the hour) */
	if (de && dm.anchor.g == AN_GRAN_DAY &&
	    (dm.type == AN_TIMEX_DATE || (dm.type == AN_TIMEX_TIME && !pod))) {
		d = dm.anchor.d;
		j = de;
		named = 1;
	} else if (an_tx_is(c, at, "on") &&
	           (memset(&dm, 0, sizeof dm), (de = an_tx_month(&dm, c, at + 1)) ||
	            (de = an_tx_weekday(&dm, c, at + 1)) ||
	            /* "8 p.m. on Election Day" */
	            (de = an_tx_holiday_at(&dm, c, at + 1)) ||
	            /* "6 a.m. on the Monday after Thanksgiving" */
	            (an_tx_is(c, at + 1, "the") && (de = an_tx_weekday(&dm, c, at + 2)))) &&
	           dm.anchor.g == AN_GRAN_DAY &&
	           (dm.type == AN_TIMEX_DATE || (dm.type == AN_TIMEX_TIME && !pod))) {
		/* "11 p.m. on Nov. 3": the day is a timex of its own, but it
		 * is the day of the time; so is that of "2 a.m. on Sunday
		 * morning" */
		d = dm.anchor.d;
	} else if (an_tx_is(c, at, "today") || (an_tx_is(c, at, "tonight") && !pod)) {
		d = c->dct;
		j = at + 1;
	} else if (an_tx_is(c, at, "yesterday")) {
		d = an_date_add_days(c->dct, -1); /* deictic: from the DCT */
		j = at + 1;
	} else if (!pod && an_tx_is(c, at, "last") &&
	           (an_tx_is(c, at + 1, "night") || an_tx_is(c, at + 1, "evening"))) {
		/* "11pm last night" ("1am last night" is this morning's) */
		d = an_date_add_days(c->dct, h < 6 ? 0 : -1);
		j = at + 2;
	} else if (an_tx_is(c, at, "tomorrow")) {
		d = an_date_add_days(c->dct, 1);
		j = at + 1;
	} else if ((nd = next_day_at(c, at)) != 0) {
		/* "docked at 6 a.m. the next day": the day after the one the
		 * phrase counts from, which stays a timex of its own */
		an_tx_point r = an_tx_ref(c);
		if (r.g == AN_GRAN_DAY)
			d = an_date_add_days(r.d, nd - 2);
	} else if ((an_tx_is(c, at, "starting") || an_tx_is(c, at, "beginning")) &&
	           (memset(&dm, 0, sizeof dm), an_tx_weekday(&dm, c, at + 1)) &&
	           dm.anchor.g == AN_GRAN_DAY && dm.type == AN_TIMEX_DATE) {
		/* "meals from 11 a.m. to 1 p.m. starting Monday": the hours of
		 * the day things start, a timex of its own */
		d = dm.anchor.d;
	}
	if (pe && dated)
		d = pd;
	else if (!named && attributive_day(c, i, at, &dm))
		d = dm.anchor.d;
	/* the first hour of a span is on the day of the second: "between 2
	 * and 4 a.m. Friday" */
	if (span || join) {
		an_tx_match sm;
		memset(&sm, 0, sizeof sm);
		size_t k2 = (join ? join : j) + 1;
		int h2 = 0, hour2 = 0;
		/* "from 9 p.m. until 5 a.m. on Aug. 20" began the night before
		 * (Aug. 19) */
		an_date d2;
		if (join && (!an_tx_clock(&sm, c, k2) ||
		             !(hour2 = sscanf(sm.value + 10, "T%2d", &h2) == 1) || h2 < h)) {
			/* (only where the second names a day of its own: its day
			 * is not the one a bare time would take) */
			if (hour2 && h2 < h && sscanf(sm.value, "%4d-%2d-%2d", &d2.y, &d2.m, &d2.d) == 3 &&
			    an_date_valid(d2) &&
			    an_date_to_days(d2) != an_date_to_days(an_tx_clock_day(c)))
				d = an_date_add_days(d2, -1);
		} else if (an_tx_clock(&sm, c, k2) &&
		         sscanf(sm.value, "%4d-%2d-%2d", &d.y, &d.m, &d.d) != 3)
			d = c->dct;
	}
	char tmp[64];
	if (pod)
		snprintf(tmp, sizeof tmp, "%04d-%02d-%02dT%s", d.y, d.m, d.d, an_tx_pod_code[pod]);
	else if (sec >= 0)
		snprintf(tmp, sizeof tmp, "%04d-%02d-%02dT%02d:%02d:%02d", d.y, d.m, d.d, h, mi, sec);
	else
		snprintf(tmp, sizeof tmp, "%04d-%02d-%02dT%02d:%02d", d.y, d.m, d.d, h, mi);
	memcpy(m->value, tmp, AN_TIMEX_VALUE_MAX - 1);
	m->value[AN_TIMEX_VALUE_MAX - 1] = '\0';
	m->type = AN_TIMEX_TIME;
	if (mid) /* "mid-afternoon yesterday": TAF, mod MID, as TimeBank has it */
		an_tx_copy(m->mod, sizeof m->mod, "MID");
	/* "They left at 5 a.m. The rest ...": the stop is also the
	 * abbreviation's, so a sentence ending in "p.m." takes no second */
	if (stop && j == stop)
		j++;
	else if (!named && zone_end > j)
		j = zone_end;
	/* "The robbery took place at 9:15 a.m. Tuesday ... the next day":
	 * a day named with the time is the reference, as "on Tuesday" is */
	if (named && an_date_to_days(d) == an_date_to_days(dm.anchor.d)) {
		m->anchor.d = d;
		m->anchor.g = AN_GRAN_DAY;
	}
	return j;
}

/* The token before a clock time that ends at token j ("at" in "at 8
 * p.m."), j when none; `marked`: only a time with a.m., p.m., a zone or
 * minutes ("is 3pm on Saturday", not "is 10 on Friday"). */
size_t an_tx_clock_before(const an_tx_ctx *c, size_t j, int marked)
{
	static const char *const clock[] = {"a", "p", "m", "am", "pm", "noon", "midnight",
	                                    "gmt", "utc", "est", "edt", "et", "local",
	                                    "time", NULL};
	size_t q = j;
	int mark = 0;
	/* (not across a sentence's end: "since 1994. On Friday") */
	if (j + 1 < c->n && TK(j + 1).sent)
		return j;
	for (int d = 0; d < 8 && q > 1 && !TK(q).sent; d++, q--) {
		if (!(TK(q).kind == AN_TK_NUM || an_tx_is_punct(c, q, '.') ||
		      an_tx_is_punct(c, q, ':') || an_tx_one_of(c, q, clock)))
			break;
		mark |= TK(q).kind != AN_TK_NUM;
	}
	return marked && !mark ? j : q;
}

/* Whether token j is the ":" or the minutes of a clock time ("8:30"),
 * written without spaces. */
static int clock_minutes(const an_tx_ctx *c, size_t j)
{
	size_t colon = an_tx_is_punct(c, j, ':') ? j : j > 0 && an_tx_num(c, j) ? j - 1 : 0;
	return colon > 0 && colon + 1 < c->n && an_tx_is_punct(c, colon, ':') &&
	       an_tx_num(c, colon - 1) && an_tx_num(c, colon + 1) && !c->tk[colon].space &&
	       !c->tk[colon + 1].space;
}

/* A piece of a clock time's "a.m."/"p.m." at j (its letters and dots,
 * written without spaces): no word of the window, as minutes are not. */
static int ampm_piece(const an_tx_ctx *c, size_t j)
{
	if (j == 0 || j + 1 >= c->n)
		return 0;
	const an_tk *t = &c->tk[j];
	if (t->kind == AN_TK_PUNCT && t->low[0] == '.' && !t->space)
		return word_is(c, j - 1, "a") || word_is(c, j - 1, "p") || word_is(c, j - 1, "m");
	if (word_is(c, j, "m") && !t->space)
		return an_tx_is_punct(c, j - 1, '.');
	if ((word_is(c, j, "a") || word_is(c, j, "p")) && an_tx_is_punct(c, j + 1, '.') &&
	    !c->tk[j + 1].space && word_is(c, j + 2, "m"))
		return an_tx_num(c, j - 1) || clock_minutes(c, j - 1);
	return 0;
}

/* A hyphen or full stop glued on both sides inside a word or a number
 * ("stay-at-home", "8.30pm"), or a piece glued after such a stop, at j:
 * no word of its own. */
static int inner_mark(const an_tx_ctx *c, size_t j)
{
	if (j == 0 || c->tk[j].space)
		return 0;
	/* (the "30" after it and the "pm" glued to the minutes; the "to" of
	 * "face-to-face", no infinitive) */
	if ((an_tx_num(c, j) && an_tx_is_punct(c, j - 1, '.')) ||
	    ((word_is(c, j, "pm") || word_is(c, j, "am")) && an_tx_num(c, j - 1)) ||
	    (c->tk[j].kind == AN_TK_WORD && an_tx_is_dash(c, j - 1) && !c->tk[j - 1].space))
		return 1;
	return j + 1 < c->n && c->tk[j].kind == AN_TK_PUNCT && !c->tk[j + 1].space &&
	       (an_tx_is_dash(c, j) || an_tx_is_punct(c, j, '.')) &&
	       c->tk[j - 1].kind != AN_TK_PUNCT && c->tk[j + 1].kind != AN_TK_PUNCT;
}

int an_tx_no_word(const an_tx_ctx *c, size_t j)
{
	return clock_minutes(c, j) || ampm_piece(c, j) || inner_mark(c, j);
}
