/* timex_story.c - what a story told in order carries from one timex to the
 * next beyond the reference date: the clock time last named, from which
 * "Six hours later" is a time of day ("at 5 a.m. on March 3 ... Six hours
 * later" is 11:00 that day).  The driver (timex.c) notes every timex it
 * emits; timex_rel.c asks for the shifted time.  Also the day a bare clock
 * time falls on (an_tx_clock_day), the night "overnight" names, and
 * whether a sentence goes on from a date ahead (an_tx_goes_on). */
#include "timex_impl.h"
#include "timex_tense.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int digits(const char *s, int n)
{
	int v = 0;
	for (int k = 0; k < n; k++) {
		if (s[k] < '0' || s[k] > '9')
			return -1;
		v = v * 10 + (s[k] - '0');
	}
	return v;
}

/* A week, weekend, month or year value ("2020-W05", "2020-W05-WE",
 * "2020-01", "2020") of a timex that set no reference time and ends in
 * its unit ("last week", "the previous month"; not "three weeks ago")
 * becomes c->period. */
static void note_period(an_tx_ctx *c, const an_tx_match *m)
{
	const char *v = m->value;
	if (m->te <= m->tb || m->te > c->n || !(c->tk[m->te - 1].w.cls & AN_TXW_UNIT) ||
	    (c->tk[m->te - 1].w.cls & AN_TXW_PLURAL))
		return;
	size_t n = strnlen(v, 12);
	int y = n >= 4 ? digits(v, 4) : -1, k;
	if (y < 1)
		return;
	if (n == 4) {
		c->period.d = (an_date){y, 1, 1};
		c->period.g = AN_GRAN_YEAR;
	} else if (n == 7 && v[4] == '-' && (k = digits(v + 5, 2)) >= 1 && k <= 12) {
		c->period.d = (an_date){y, k, 1};
		c->period.g = AN_GRAN_MONTH;
	} else if ((n == 8 || (n == 11 && strcmp(v + 8, "-WE") == 0)) && v[4] == '-' &&
	           v[5] == 'W' && (k = digits(v + 6, 2)) >= 1 && k <= 53) {
		/* (a weekend is its week's: "this weekend ... the following
		 * weekend") */
		c->period.d = an_date_from_iso_week(y, k);
		c->period.g = AN_GRAN_WEEK;
	} else {
		return;
	}
	c->period_at = m->tb + 1;
	c->period_te = m->te;
}

int an_tx_period_ref(const an_tx_ctx *c, size_t i, an_granularity g, an_tx_point *out)
{
	if (!c->period_at || c->period.g != g || c->period_at - 1 >= i ||
	    (c->ref.g != AN_GRAN_NONE && c->period_at - 1 <= c->ref_at) ||
	    !an_tx_one_sentence(c, c->period_at - 1, i))
		return 0;
	*out = c->period;
	return 1;
}

/* "A jury on Tuesday convicted a guard, ending a trial that began Dec.
 * 1": a day in a relative clause, after a day its sentence named, is the
 * background of the story's day, not a new one. */
static int background_day(const an_tx_ctx *c, size_t tb)
{
	static const char *const rel[] = {"that", "which", "who", NULL};
	size_t v = tb > 0 && (an_tx_is(c, tb - 1, "on") || an_tx_is(c, tb - 1, "in")) ? tb - 1 : tb;
	if (!c->day_at || c->day_at - 1 >= tb || !an_tx_one_sentence(c, c->day_at - 1, tb))
		return 0;
	/* (so is one in a clause of "after" set off by a comma: "Stocks
	 * plunged Monday, even after the Fed slashed rates on Sunday
	 * evening") */
	/* (a clause that far back no longer frames it: sixty tokens) */
	for (size_t k = tb > c->day_at + 60 ? tb - 60 : c->day_at; k + 1 < tb; k++)
		if (an_tx_is(c, k + 1, "after") && (an_tx_is_punct(c, k, ',') ||
		                                    (an_tx_is(c, k, "even") && k > 0 &&
		                                     an_tx_is_punct(c, k - 1, ','))))
			return 1;
	/* (so is a weekday that qualifies a noun: "ending two weeks of talks
	 * that ran past their Tuesday deadline") */
	static const char *const owners[] = {"their", "its", "his", "her", "the", NULL};
	if (tb > 0 && an_tx_one_of(c, tb - 1, owners) && (c->tk[tb].w.cls & AN_TXW_WDAY) &&
	    an_tx_word(c, tb + 1) && !c->tk[tb + 1].cap && !(c->tk[tb + 1].w.cls & AN_TXW_POD) &&
	    !an_tx_cue(c, tb + 1))
		return 1;
	return v > 1 && an_tx_word(c, v - 1) && an_tx_cue(c, v - 1) < 0 && an_tx_one_of(c, v - 2, rel);
}

int an_tx_match_day(const an_tx_match *m, an_date *d)
{
	const char *v = m->value;
	char day[11];
	if ((m->type != AN_TIMEX_DATE && m->type != AN_TIMEX_TIME) || strnlen(v, 11) < 10 ||
	    (v[10] != '\0' && v[10] != 'T') || v[4] != '-' || v[7] != '-')
		return 0;
	memcpy(day, v, 10);
	day[10] = '\0';
	return an_date_parse_iso(d, day) == 0;
}

void an_tx_note_clock(an_tx_ctx *c, const an_tx_match *m)
{
	const char *v = m->value;
	an_date d;
	int dated = an_tx_match_day(m, &d);
	if (dated) {
		/* "sworn in yesterday evening, after the commission declared
		 * him winner of Thursday's presidential election": a day's
		 * possessive names an event of its own; the day the sentence
		 * named before it is kept for what is told at a time
		 * (an_tx_clock_day) */
		if (c->day_at && m->te + 1 < c->n && an_tx_is_apos(c, m->te) &&
		    an_tx_is(c, m->te + 1, "s") && an_tx_one_sentence(c, c->day_at - 1, m->tb)) {
			c->told_day = c->day;
			c->told_day_at = c->day_at;
		}
		if (background_day(c, m->tb)) {
			/* kept out of the story's days, but for a past clause's
			 * clock time after a day ahead: "has given the
			 * department until June 14 ..., after officials told a
			 * hearing on Wednesday night ... The hearing, which began
			 * at 9am" */
			if (an_date_to_days(d) <= an_date_to_days(c->dct) && c->day_at &&
			    an_date_to_days(c->day) > an_date_to_days(c->dct)) {
				c->past_day = d;
				c->past_day_at = m->tb + 1;
			}
		} else {
			c->day = d;
			c->day_at = m->tb + 1;
			if (an_date_to_days(d) <= an_date_to_days(c->dct)) {
				c->past_day = d;
				c->past_day_at = m->tb + 1;
			} else {
				c->ahead_day = d;
				c->ahead_day_at = m->tb + 1;
			}
			if (an_date_to_days(d) == an_date_to_days(c->dct))
				c->today_at = m->tb + 1;
			if (m->type == AN_TIMEX_TIME &&
			    (strcmp(v + 10, "TNI") == 0 || strcmp(v + 10, "TEV") == 0)) {
				c->night_day = d;
				c->night = 1;
			}
			if (!c->lede_day_at) {
				c->lede_day = d;
				c->lede_day_at = m->tb + 1;
			}
		}
	}
	if (m->type == AN_TIMEX_DATE && m->anchor.g == AN_GRAN_NONE)
		note_period(c, m);
	if (dated && m->type == AN_TIMEX_TIME && strnlen(v, 16) == 16 && v[13] == ':') {
		int h = digits(v + 11, 2), mi = digits(v + 14, 2);
		if (h >= 0 && h <= 24 && mi >= 0 && mi < 60) {
			c->clock_day = d;
			c->clock = h * 60 + mi + 1;
			c->clock_at = m->tb + 1;
			return;
		}
	}
	/* a date forgets the time ("Two days later"), unless it is the
	 * time's own day ("at 5 a.m. on March 3, 1998"); durations do not */
	if (c->clock && (m->type == AN_TIMEX_DATE || m->type == AN_TIMEX_TIME)) {
		char cday[16];
		an_date_format_iso(cday, c->clock_day);
		if (strncmp(v, cday, 10) != 0 || (v[10] && v[10] != 'T'))
			c->clock = 0;
	}
}

int an_tx_clock_shift(an_tx_match *m, const an_tx_ctx *c, size_t i, an_tx_unit u, long n)
{
	if (!c->clock || (u != AN_TXU_HOUR && u != AN_TXU_MINUTE) || n > 100000 || n < -100000)
		return 0;
	/* "over an hour later", "about six hours later": an amount said
	 * roughly is the span, a DURATION with its mod (timex_dur.c) */
	for (size_t b = i > 3 ? i - 3 : 0; b < i; b++) {
		size_t e;
		if (an_tx_quantifier(c, b, &e) && e == i)
			return 0;
	}
	long min = c->clock - 1 + (u == AN_TXU_HOUR ? 60 * n : n);
	long day = min >= 0 ? min / 1440 : -((-min + 1439) / 1440);
	min -= day * 1440;
	an_date d = an_date_add_days(c->clock_day, day);
	if (d.y < 1 || d.y > 9999)
		return 0;
	char v[AN_TIMEX_VALUE_MAX];
	snprintf(v, sizeof v, "%04d-%02d-%02dT%02ld:%02ld", d.y, d.m, d.d, min / 60, min % 60);
	an_tx_set_value(m, AN_TIMEX_TIME, v);
	return 1;
}

/* One of the verbs `verbs` at most n words before token i in its
 * sentence. */
static int verb_before(const an_tx_ctx *c, size_t i, const char *const *verbs, size_t n)
{
	for (size_t k = i, d = 0; k > 0 && d < n && !c->tk[k].sent; d++)
		if (an_tx_one_of(c, --k, verbs))
			return 1;
	return 0;
}

/* The month at r qualifies a noun ("the hottest mid-June day there
 * since 1994"): after its "mid-", "early" or "late", a lower-case word
 * with no tense. */
static int month_modifier(const an_tx_ctx *c, size_t r)
{
	size_t e = r;
	while (e < c->n && e < r + 3 &&
	       (an_tx_is(c, e, "mid") || an_tx_is(c, e, "early") || an_tx_is(c, e, "late") ||
	        (an_tx_is_dash(c, e) && !c->tk[e].space)))
		e++;
	if (!(an_tx_cls(c, e) & AN_TXW_MONTH) || !c->tk[e].cap)
		return 0;
	e++;
	static const char *const links[] = {"and", "or", "but", "to", "in", "on", "at", "of", "for",
	                                    "from", "with", "as", "when", "while", "that", "which",
	                                    "until", "through", "by", NULL};
	return e < c->n && an_tx_word(c, e) && !c->tk[e].cap && !an_tx_cue(c, e) &&
	       !an_tx_one_of(c, e, links);
}

/* Verbs of telling: "told reporters at 6:15 p.m.", "told the crowd
 * around 7 p.m." (four words back) */
static const char *const tell[] = {"told", "said", "says", "tells", "added", NULL};

/* And of announcing: "Speaking at a news conference at 12:30 p.m.",
 * "announced the results at about 5.30pm" (six words back). */
static const char *const announce[] = {"told", "said", "says", "added", "announced",
                                       "declared", "speaking", "spoke", "conceded",
                                       "confirmed", NULL};

an_date an_tx_clock_day(const an_tx_ctx *c)
{
	/* (a coarser time that only qualifies a noun in the day's own
	 * sentence, "the parade yesterday, ahead of the centenary of 1916",
	 * "ahead of the 2023 general elections", does not move the story off
	 * the day, as "campaigning began in mid-January" does) */
	size_t r = c->ref_at;
	/* "resumed talks Wednesday ... On Monday, the envoy shuttled ...
	 * by late Tuesday", a paragraph on: "told reporters at 6:15 p.m.":
	 * the telling in a new paragraph is on the day of the news its lede
	 * named (the DCT's or the day before), not on the background's
	 * days (what is told there, "struck at 4:31 a.m.", may well be) */
	long lede = c->lede_day_at ? an_date_to_days(c->lede_day) : 0;
	long back = an_date_to_days(c->dct) - lede;
	if (c->day_at && c->lede_day_at && c->lede_day_at < c->day_at && back >= 0 && back <= 1 &&
	    an_date_to_days(c->day) < lede && an_tx_para_between(c, c->day_at - 1, c->at) &&
	    verb_before(c, c->at, tell, 5))
		return c->lede_day;
	/* "sworn in yesterday evening, after the commission declared him
	 * winner of Thursday's election.  The chairman announced the results
	 * at about 5.30pm": what is told at a time is on the day named
	 * before a weekday's possessive of the same sentence (an event of its
	 * own); "The match kicked off at 9pm" after "Saturday's final" may
	 * well be of that day */
	if (c->told_day_at && c->told_day_at < c->day_at && c->day_at - 1 == r &&
	    (c->tk[r].w.cls & AN_TXW_WDAY) && an_tx_is_apos(c, r + 1) &&
	    verb_before(c, c->at, announce, 7))
		return c->told_day;
	if (c->ref.g == AN_GRAN_DAY && background_day(c, r))
		return c->day;
	/* (nor does a year of background, long gone, in the sentence of a
	 * day of the news's week, for what the next sentence tells: "brought
	 * 8,000 people to the festival on Saturday, the biggest turnout since
	 * the event moved to the park in 2004.  By 11 a.m.") */
	if (c->day_at && (c->ref.g == AN_GRAN_NONE || c->day_at > r ||
	                  (c->ref.g < AN_GRAN_DAY && r > 0 &&
	                   (an_tx_is(c, r - 1, "of") || an_tx_is(c, r - 1, "the") ||
	                    month_modifier(c, r) ||
	                    (c->ref.g == AN_GRAN_YEAR && c->ref.d.y <= c->dct.y - 2 &&
	                     labs(an_date_to_days(c->day) - an_date_to_days(c->dct)) <= 7 &&
	                     an_tx_sentences_between(c, r, c->at) <= 1)) &&
	                   an_tx_one_sentence(c, c->day_at - 1, r))))
		return c->day;
	if (c->ref.g == AN_GRAN_DAY)
		return c->ref.d;
	/* "opened the bridge yesterday. ... first crossed in 1932. The
	 * ceremony began at 10 a.m.": a past clause's bare time, once the
	 * story has looked back past its day, is on the day the lede named
	 * (when that was the day before the DCT, and the DCT's own day has
	 * not been named since) */
	if (c->lede_day_at && c->today_at <= c->lede_day_at &&
	    an_date_to_days(c->dct) - an_date_to_days(c->lede_day) == 1 &&
	    an_tx_direction(c, c->at, c->at + 1) < 0)
		return c->lede_day;
	return c->dct;
}

/* "released that September to poor reviews", "left that June.": "that"
 * after a verb is a demonstrative when the month ends the phrase (a full
 * stop, a comma, a preposition or a past verb after it), not after a verb
 * of saying or knowing or a word that makes it a conjunction ("said that
 * June sales rose", "found that June in particular was slow", "so that
 * May ..."). */
int an_tx_that_month(const an_tx_ctx *c, size_t i, size_t j)
{
	static const char *const conj[] = {
		"said", "says", "say", "told", "tells", "announced", "reported", "added",
		"stated", "noted", "explained", "warned", "insisted", "acknowledged", "argued",
		"claimed", "believed", "believe", "thought", "think", "knew", "know", "found",
		"find", "showed", "shows", "show", "expected", "expect", "estimated", "predicted",
		"admitted", "suggested", "indicated", "confirmed", "revealed", "wrote", "hoped",
		"hope", "feared", "fear", "felt", "realized", "agreed", "decided", "ruled",
		"means", "meant", "ensure", "ensured", "so", "such", "now", "given", "except",
		"fact", "than", "is", "was", "are", "were", NULL};
	static const char *const preps[] = {
		"to", "in", "at", "on", "for", "with", "after", "before", "by", "from", "when",
		"as", "amid", "despite", "during", "until", "under", "against", NULL};
	if (!an_tx_is(c, i, "that") || i == 0 || !an_tx_word(c, i - 1) ||
	    an_tx_one_of(c, i - 1, conj))
		return 0;
	/* (also with the day of the saying between: "confirmed on Wednesday
	 * that December was the hottest on record") */
	if ((an_tx_cls(c, i - 1) & AN_TXW_WDAY) || an_tx_is(c, i - 1, "today") ||
	    an_tx_is(c, i - 1, "yesterday"))
		for (size_t k = i - 1, n = 0; k > 0 && n < 3 && !c->tk[k].sent; n++)
			if (an_tx_one_of(c, --k, conj))
				return 0;
	size_t k = j + 1;
	if (k >= c->n || c->tk[k].sent)
		return 1;
	if (c->tk[k].kind == AN_TK_PUNCT)
		return strchr(".,;:!?)", c->tk[k].low[0]) != NULL;
	/* "A drive launched that December lost steam": the verb of the
	 * clause the phrase ends in */
	if (an_tx_cue(c, k) < 0)
		return 1;
	/* "June to August" is a span that a conjunction may open */
	return an_tx_one_of(c, k, preps) && !(an_tx_cls(c, k + 1) & AN_TXW_MONTH);
}

/* "kept voting open until almost 10 p.m. ... ahead until about 1 a.m.":
 * a story told in order crosses midnight when a small hour follows a late
 * one of the same day in the same paragraph (not in a past perfect, which
 * steps back).  Whether the bare time at i, hour h, on day d, is the next
 * day's. */
int an_tx_past_midnight(const an_tx_ctx *c, size_t i, int h, an_date d)
{
	/* "won Game 6 on Thursday night ... partied in the streets until
	 * 3 a.m.": the small hours after a night named before the DCT's are
	 * the next day's (this evening's are not tomorrow's: "struck again
	 * this evening, a day after bombing began at 2:30 a.m.") */
	if (c->night && h < 6 && an_date_to_days(c->night_day) == an_date_to_days(d) &&
	    an_date_to_days(d) < an_date_to_days(c->dct))
		return 1;
	if (!c->clock || !c->clock_at || c->clock_at > i || (c->clock - 1) / 60 < 20 || h >= 6 ||
	    an_date_to_days(c->clock_day) != an_date_to_days(d))
		return 0;
	/* (one paragraph on, the first hours after a time just before
	 * midnight: "contracts expired at 11:59 p.m. Thursday without a
	 * deal. // At 12:30 a.m., about 200 workers were marching") */
	int paras = 0;
	for (size_t k = c->clock_at; k <= i && k < c->n; k++)
		paras += c->tk[k].para != 0;
	if (paras > 1 || (paras && ((c->clock - 1) / 60 < 22 || h >= 3)))
		return 0;
	for (size_t k = i; k > 0 && !c->tk[k].sent; k--)
		if (an_tx_is(c, k - 1, "had"))
			return 0;
	return 1;
}

/* "overnight": the night of the day that follows it ("overnight Monday",
 * "overnight on Saturday"), else of the day last named or the DCT; in a
 * past clause the night before that day ("servers were down overnight"
 * in the morning's news, "On Friday shares fell on overnight losses in
 * New York").  Once a new
 * paragraph has begun since that day was named, the day is the story's
 * own (its lede's): "searched the ship on Friday ... struck on Thursday
 * ...", then a paragraph on, "were flown to Germany overnight" is
 * Thursday night.  Not a time in the money market ("overnight rates",
 * "overnight loans") nor in "an overnight stay" or "an overnight
 * success". */
size_t an_tx_overnight(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	static const char *const not_time[] = {
		"rate", "rates", "loan", "loans", "lending", "repo", "repos", "money", "funds",
		"interbank", "index", "deposit", "deposits", "success", "sensation", "star",
		"stay", "stays", "bag", "bags", "camp", "camps", "delivery", "shipping", "guest",
		"guests", "visit", "visits", "parking", NULL};
	static const char *const dets[] = {"a", "an", "every", "each", "no", NULL};
	if (!an_tx_is(c, i, "overnight") || (an_tx_capital(c, i) && !c->tk[i].sent))
		return 0;
	if ((i > 0 && an_tx_one_of(c, i - 1, dets)) || an_tx_one_of(c, i + 1, not_time) ||
	    (an_tx_is_punct(c, i + 1, '-') && !c->tk[i + 1].space))
		return 0;
	size_t j = i + 1;
	an_date d;
	an_tx_match dm;
	memset(&dm, 0, sizeof dm);
	size_t de = an_tx_weekday(&dm, c, j);
	an_tx_match om;
	memset(&om, 0, sizeof om);
	if (de && dm.anchor.g == AN_GRAN_DAY && dm.type == AN_TIMEX_DATE) {
		d = dm.anchor.d; /* "overnight Monday" */
		j = de;
	} else if (an_tx_is(c, j, "on") && an_tx_weekday(&om, c, j + 1) &&
	           om.anchor.g == AN_GRAN_DAY && om.type == AN_TIMEX_DATE) {
		d = om.anchor.d; /* "will close overnight on Saturday": its own timex */
	} else if (an_tx_is(c, j, "and") &&
	           an_tx_weekday(&om, c, j + 1 + (an_tx_is(c, j + 1, "early") ||
	                                          an_tx_is(c, j + 1, "late"))) &&
	           om.anchor.g == AN_GRAN_DAY && om.type == AN_TIMEX_DATE) {
		/* "landed overnight and early Saturday": the night before the
		 * day that follows, its own timex */
		d = an_date_add_days(om.anchor.d, -1);
	} else {
		d = c->ref.g == AN_GRAN_DAY ? c->ref.d : c->dct;
		if (c->ref.g == AN_GRAN_DAY && c->lede_day_at && an_tx_para_since(c, i))
			d = c->lede_day;
		if (an_tx_direction(c, i, i + 1) < 0)
			d = an_date_add_days(d, -1);
	}
	char tmp[32];
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02dTNI", d.y, d.m, d.d);
	an_tx_copy(m->value, sizeof m->value, tmp);
	m->type = AN_TIMEX_TIME;
	return j;
}

/* The preposition p ("before", "after") and a gerund between tokens a
 * and b. */
static int prep_ing(const an_tx_ctx *c, size_t a, size_t b, const char *p)
{
	for (size_t k = a + 1; k + 1 < b; k++)
		if (an_tx_is(c, k, p) && c->tk[k + 1].kind == AN_TK_WORD &&
		    ends_in(c->tk[k + 1].low, "ing", 5))
			return 1;
	return 0;
}

/* The first tense cue before token a in its sentence (sixty tokens at
 * most) is a past, with no infinitive nor comma between: "received more
 * than 61,000 applications for admission in the fall of 2019 by its
 * regular deadline on New Year's Day" tells a past, whatever the date
 * ahead in it names (a term applied for). */
static int past_before(const an_tx_ctx *c, size_t a)
{
	for (size_t k = a, n = 0; k > 0 && n < 60 && !c->tk[k].sent; n++) {
		/* (nor across a comma: "its first tour since 2014, playing 22
		 * shows from late June") */
		if (an_tx_is_punct(c, --k, ',') && k + 1 < c->n && c->tk[k + 1].space)
			return 0; /* (the comma of "61,000" is no clause's) */
		int cue = an_tx_cue(c, k);
		if (cue)
			return cue < 0;
		/* (not past an infinitive, a plan the past verb made:
		 * "approved a plan to switch to remote learning this winter,
		 * rather than adding days in June") */
		if (an_tx_is(c, k, "to") && k + 1 < a && an_tx_word(c, k + 1) && !c->tk[k + 1].cap &&
		    !is_determiner(c, k + 1))
			return 0;
	}
	return 0;
}

/* A date named after one ahead of the DCT in the same sentence goes on
 * from it ("will tour next spring, opening in late March and closing ...
 * in June"); so does one after "before" and a gerund, from tonight
 * ("expected it to emerge over the Gulf on Sunday night before striking
 * the Panhandle on Monday afternoon"); not one after "after" and a
 * gerund ("will face Price on Sunday ..., after needing three hours to
 * win her match on Friday night").  The date ahead may be a deictic one
 * that set no reference ("to slow down over the weekend ... before it
 * nears the coast late Monday").  Only from `fence` on. */
int an_tx_goes_on(const an_tx_ctx *c, size_t tb, size_t fence)
{
	if (!c->ahead_at && c->ref.g == AN_GRAN_NONE)
		return 0;
	size_t from = c->ahead_at ? c->ahead_at - 1 : c->ref_at;
	if (from < tb && an_tx_one_sentence(c, from, tb) && past_before(c, from))
		return 0;
	/* (nor into a clause of its own that reports: "set their deadlines
	 * on Jan. 15, and counselors say the stretch between Christmas Eve
	 * and New Year's Eve has become the busiest") */
	for (size_t k = from + 1; k < tb && k < c->n && k < from + 60; k++)
		if (clause_break_before(c, k))
			for (size_t q = k; q < tb && q < k + 4; q++)
				if (an_tx_one_of(c, q, reporting) || an_tx_is(c, q, "say"))
					return 0;
	if (c->ahead_at && c->ahead_at - 1 < tb && c->ahead_at - 1 >= fence &&
	    !prep_ing(c, c->ahead_at - 1, tb, "after") && an_tx_one_sentence(c, c->ahead_at - 1, tb))
		return 1;
	return c->ref.g != AN_GRAN_NONE && c->ref_at < tb && c->ref_at >= fence &&
	       !prep_ing(c, c->ref_at, tb, "after") &&
	       (an_date_to_days(c->ref.d) > an_date_to_days(c->dct) ||
	        (an_date_to_days(c->ref.d) == an_date_to_days(c->dct) &&
	         prep_ing(c, c->ref_at, tb, "before"))) &&
	       an_tx_one_sentence(c, c->ref_at, tb);
}
