/* timex_anchor.c - resolving relative expressions: which way a bare
 * "Wednesday" or "in October" points (the tense of its clause), and
 * calendar shifts by units.  A date that is a clause's subject is read in
 * timex_subject.c, the past of "until" and the conditions of "if" in
 * timex_until.c, which year a month without one belongs to in
 * timex_monthyear.c, the TIMEX3 text of a calendar point in
 * timex_value.c. */
#include "timex_tense.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

/* The verb of the clause before token p is a present perfect ("have
 * canceled events" before "through"). */
static int perfect_before(const an_tx_ctx *c, size_t p)
{
	for (size_t j = p, d = 0; d < 6 && j > 1 && !c->tk[j].sent; d++) {
		j--;
		if (c->tk[j].kind == AN_TK_PUNCT)
			return 0;
		int k = an_tx_cue(c, j);
		if (k)
			return k < 0 && present_perfect(c, j);
	}
	return 0;
}

/* A preposition right before the expression says more than any verb:
 * "by Jan. 14", "until Thursday" look ahead, "since September" back. */
static int prep_cue(const an_tk *t)
{
	static const char *const ahead[] = {"until", "till", "upcoming", NULL};
	if (t->kind != AN_TK_WORD)
		return 0;
	for (size_t i = 0; ahead[i]; i++)
		if (strcmp(ahead[i], t->low) == 0)
			return 1;
	if (eq(t->low, "since"))
		return -1;
	/* "through" looks ahead only when the tense says nothing: "rose
	 * this year through August" is past; so do "starting Thursday",
	 * "beginning Monday" ("The update rolls out starting Thursday", but
	 * "were suspended starting Monday") */
	if (eq(t->low, "through") || eq(t->low, "thru") || eq(t->low, "by") ||
	    eq(t->low, "starting") || eq(t->low, "beginning"))
		return 2;
	return 0;
}

/* A past perfect ("had" before a participle or "not") in the sentence
 * around tokens [b, e). */
static int has_past_perfect(const an_tx_ctx *c, size_t b, size_t e)
{
	for (size_t j = b, d = 0; d <= 14; d++) {
		if (word_is(c, j, "had") && (word_is(c, j + 1, "not") || word_is(c, j + 1, "never") ||
		                             (j + 1 < c->n && an_tx_cue(c, j + 1) < 0)))
			return 1;
		if (c->tk[j].sent || j == 0)
			break;
		j--;
	}
	for (size_t j = e, d = 0; j < c->n && d <= 10 && !c->tk[j].sent; j++, d++)
		if (word_is(c, j, "had") && (word_is(c, j + 1, "not") || word_is(c, j + 1, "never") ||
		                             (j + 1 < c->n && an_tx_cue(c, j + 1) < 0)))
			return 1;
	return 0;
}

/* A future cue in a past perfect: "had been due to expire Friday", "had
 * been scheduled to close at midnight Friday", "had planned to leave
 * Monday".  The plan is told as over, so its day is looked back on.
 * "had" must start a perfect ("been", a participle, a future word, after
 * adverbs) a few words before the cue, with no comma or other modal
 * between ("had said it would expire Friday" keeps "would"). */
static int in_past_perfect(const an_tx_ctx *c, size_t j)
{
	for (size_t d = 1; d <= 5 && j >= d; d++) {
		size_t h = j - d;
		const an_tk *t = &c->tk[h];
		if (t->kind != AN_TK_WORD)
			return 0;
		if (t->w.cls & AN_TXW_FUTURE && !an_tx_one_of(c, h, modals) &&
		    strcmp(t->low, "will") != 0 && strcmp(t->low, "can") != 0) {
			if (c->tk[h].sent)
				return 0;
			continue;
		}
		if (eq(t->low, "had") || eq(t->low, "hadn")) {
			size_t a = h + 1;
			while (a < j && c->tk[a].kind == AN_TK_WORD) {
				if (!ends_in(c->tk[a].low, "ly", 4) &&
				    strcmp(c->tk[a].low, "not") != 0 && strcmp(c->tk[a].low, "never") != 0 &&
				    strcmp(c->tk[a].low, "already") != 0 && strcmp(c->tk[a].low, "long") != 0)
					break;
				a++;
			}
			if (a > j || c->tk[a].kind != AN_TK_WORD)
				return 0;
			return strcmp(c->tk[a].low, "been") == 0 || (c->tk[a].w.cls & AN_TXW_FUTURE) ||
			       ends_in(c->tk[a].low, "ed", 3);
		}
		if (t->w.cls & (AN_TXW_FUTURE | AN_TXW_PAST) || t->sent)
			return 0;
	}
	return 0;
}

/* "The Fed had been scheduled to meet on Tuesday", "had been due to
 * defend her dissertation in May": the day or month of a plan given up
 * or changed (the cue at j) is the nearest such one, on whichever side of
 * the news it falls ("had been scheduled to expire at midnight Monday",
 * on a Wednesday, is the Monday gone); 0 for another date at tb. */
/* The participles of a plan: "scheduled", "due", "expected", ... */
const char *const an_tx_plans[] = {"scheduled", "due", "expected", "set", "slated", "planned",
                                   NULL};

static int planned_side(const an_tx_ctx *c, size_t j, size_t tb)
{
	if (!an_tx_one_of(c, j, an_tx_plans) || c->tk[tb].kind != AN_TK_WORD || !c->tk[tb].cap)
		return 0;
	int ahead, back;
	if (c->tk[tb].w.cls & AN_TXW_WDAY) {
		int w0 = an_date_weekday(c->dct), wd = c->tk[tb].w.wday;
		ahead = (wd - w0 + 7) % 7;
		back = (w0 - wd + 7) % 7;
	} else if (month_name(c, tb)) {
		ahead = (c->tk[tb].w.month - c->dct.m + 12) % 12;
		back = (c->dct.m - c->tk[tb].w.month + 12) % 12;
	} else {
		return 0;
	}
	return ahead && ahead < back ? 1 : -1;
}

/* Verbs that ask someone to do something (a "to" infinitive follows). */
static const char *const directives[] = {
	"urged", "asked", "ordered", "told", "encouraged", "advised", "instructed", "directed",
	"invited", "requested", "called", NULL};

/* A participle opening a clause at j (", confounding forecasts of a
 * contraction", ", forcing a dozen players to ..."): what follows tells a
 * consequence, whose words are no tense of the clause before. */
static int ing_clause(const an_tx_ctx *c, size_t j)
{
	return j < c->n && c->tk[j].kind == AN_TK_WORD && !c->tk[j].cap &&
	       ends_in(c->tk[j].low, "ing", 5);
}

/* Whether an attribution opens at j: "the state epidemiologist said",
 * "officials said", "said John Smith", "according to". */
static int attribution_at(const an_tx_ctx *c, size_t j)
{
	for (size_t k = j; k < c->n && k < j + 5 && c->tk[k].kind == AN_TK_WORD && !c->tk[k].sent;
	     k++)
		if (an_tx_one_of(c, k, reporting))
			return 1;
	return 0;
}

/* Verbs that foretell, and the weather they foretell for a day. */
static const char *const foretell[] = {"warned", "predicted", "forecast", "forecasted", NULL};
static const char *const weather[] = {
	"storms", "storm", "rain", "showers", "snow", "snowfall", "thunderstorms", "winds",
	"gales", "flooding", "floods", "frost", "hail", "sleet", "fog", "heat", "temperatures",
	"tornadoes", "weather",
	/* (and what the weather brings: "warned of further disruption on
	 * Sunday") */
	"disruption", "delays", "cancellations", "closures", "outages", NULL};

/* A word of the weather between tokens j and tb, in one clause. */
static int weather_between(const an_tx_ctx *c, size_t j, size_t tb)
{
	for (size_t k = j + 1; k < tb; k++) {
		if (c->tk[k].kind == AN_TK_PUNCT && !(an_tx_is_dash(c, k) && !c->tk[k].space))
			return 0;
		if (an_tx_one_of(c, k, weather))
			return 1;
	}
	return 0;
}

/* Verbs of commitment, in the past: what they commit to follows as a
 * "to" infinitive. */
static const char *const intent[] = {
	"agreed", "promised", "vowed", "pledged", "decided", "refused", "asked",
	"ordered", "urged", "threatened", "offered", "voted", "summoned", "told",
	"invited", "sought", "committed", "arranged", "called", "directed", NULL};

/* Their participles: what an infinitive right after one commits to is
 * ahead ("promising to hand over power"; "offering relief to investors"
 * has no infinitive next to it). */
static const char *const intent_ing[] = {
	"promising", "pledging", "vowing", "planning", "agreeing", "deciding", "threatening",
	"hoping", "seeking", "aiming", "offering", "preparing", "expecting", NULL};

/* Verbs of deciding, whose infinitive is ahead of the decision. */
static const char *const decided[] = {"voted", "agreed", "decided", "approved", "resolved",
                                      NULL};

/* Words before an infinitive that make it a thing to come: "on track
 * to", "poised to", "slated to". */
static const char *const bound_to[] = {"track", "course", "poised", "slated", "set", NULL};

/* A present perfect of a verb of commitment at j: "has agreed",
 * "have promised", "has been ordered". */
static int perfect_intent(const an_tx_ctx *c, size_t j)
{
	if (!an_tx_one_of(c, j, intent) || j < 2)
		return 0;
	size_t h = j - 1;
	if (word_is(c, h, "been") ||
	    (c->tk[h].kind == AN_TK_WORD && ends_in(c->tk[h].low, "ly", 4)))
		h--;
	return word_is(c, h, "has") || word_is(c, h, "have") || word_is(c, h, "ve");
}

/* Words that open a clause of their own after a comma, no appositive. */
static const char *const subs_rel[] = {"and", "but", "or", "which", "who", "where", "when",
                                       "while", "as", "after", "before", "because", "so",
                                       "although", "though", "if", "unless", NULL};

/* Verbs that open a clause after its subject. */
static const char *const auxiliaries[] = {"has", "have", "is", "are", "was", "were", "will",
                                          "would", "had", NULL};

/* The nearest tense cue before the expression in its sentence wins: "was
 * expected on Wednesday" is future ("expected" is nearer than "was"),
 * "said on Wednesday that it will" is past.  Only when nothing precedes do
 * the words after it count ("On Friday, the police arrested ...").  The
 * windows are bounded, so this is O(1) per timex. */
int an_tx_direction(const an_tx_ctx *c, size_t tb, size_t te)
{
	int weak = 0, set_for = 0, from = 0;
	if (an_tx_called_off(c, tb, te))
		return 1;
	if (an_tx_possessive_act(c, tb, te) || an_tx_compared_from(c, tb) ||
	    an_tx_forecast_made(c, tb))
		return -1;
	if (an_tx_scheduled_present(c, tb, te) || an_tx_put_off(c, tb, te) ||
	    an_tx_before_event_ahead(c, tb, te))
		return 1;
	/* "A judge on Friday set a Sept. 12 trial date": the date of what is
	 * set or scheduled, as a modifier of its noun, is ahead */
	if (tb > 1 && (word_is(c, tb - 1, "a") || word_is(c, tb - 1, "the")) &&
	    (word_is(c, tb - 2, "set") || word_is(c, tb - 2, "scheduled") ||
	     word_is(c, tb - 2, "sets") || word_is(c, tb - 2, "schedules")) &&
	    te < c->n && c->tk[te].kind == AN_TK_WORD && !c->tk[te].cap)
		return 1;
	/* "The hearing is Thursday", "The election is on Sunday": the
	 * present of "be" names the day of what is ahead */
	{
		size_t q = tb;
		if (q > 0 && (word_is(c, q - 1, "on") || word_is(c, q - 1, "in")))
			q--;
		/* "Kick-off is 3pm on Saturday", "is at 7 p.m. Friday" */
		if (q > 2 && an_tx_clock_before(c, q - 1, 1) < q - 1) {
			q = an_tx_clock_before(c, q - 1, 1);
			q += !word_is(c, q, "at");
		}
		/* "The final is in Paris on Saturday", "is at St Mary's
		 * Church on Friday": and past the place */
		if (q > 3 && word_is(c, q, "on") && !(te < c->n && an_tx_is_apos(c, te))) {
			size_t p = q;
			while (q - p < 5 && p > 2 &&
			       (c->tk[p - 1].cap || an_tx_is_apos(c, p - 1) ||
			        (word_is(c, p - 1, "s") && an_tx_is_apos(c, p - 2))))
				p--;
			if (p < q && (word_is(c, p - 1, "in") || word_is(c, p - 1, "at")))
				q = p - 1;
		}
		if (q > 0 && !c->tk[q].sent &&
		    (word_is(c, q - 1, "is") || word_is(c, q - 1, "are")))
			return 1;
		/* "Schools are closed Monday", "is open on Friday", "is
		 * available at 3 p.m. EDT Sunday": so does a present passive or
		 * state */
		if (q > 1 && !c->tk[q - 1].sent && c->tk[q - 1].kind == AN_TK_WORD &&
		    (ends_in(c->tk[q - 1].low, "ed", 3) || word_is(c, q - 1, "open") ||
		     word_is(c, q - 1, "shut") || word_is(c, q - 1, "available")) &&
		    (word_is(c, q - 2, "is") || word_is(c, q - 2, "are")))
			return 1;
	}
	/* "by the close of business Friday", "until the end of the day on
	 * Monday": the preposition governs the deadline phrase before the
	 * day */
	size_t pb = tb;
	if (pb > 0 && word_is(c, pb - 1, "on"))
		pb--;
	/* "through 6 p.m. Sunday": the preposition governs the time too */
	size_t cb = pb > 2 ? an_tx_clock_before(c, pb - 1, 1) : pb;
	if (pb > 2 && cb < pb - 1) {
		pb = cb + 1;
		/* ("a strike beginning at 2 a.m. Monday": after its noun;
		 * ", starting at noon Saturday" keeps the clause's tense) */
		if (pb > 3 && word_is(c, pb - 1, "at") &&
		    (word_is(c, pb - 2, "beginning") || word_is(c, pb - 2, "starting")) &&
		    c->tk[pb - 3].kind == AN_TK_WORD)
			pb--;
	}
	if (pb > 3 && word_is(c, pb - 1, "business") && word_is(c, pb - 2, "of") &&
	    (word_is(c, pb - 3, "close") || word_is(c, pb - 3, "end"))) {
		pb -= 3;
	} else if (pb > 1 && (word_is(c, pb - 1, "early") || word_is(c, pb - 1, "late") ||
	                      word_is(c, pb - 1, "mid"))) {
		pb -= 1; /* "by late June" */
	} else if (pb > 2 && an_tx_is_dash(c, pb - 1) && word_is(c, pb - 2, "mid")) {
		pb -= 2; /* "by mid-February" */
	} else if (pb > 1 && word_is(c, pb - 1, "after") && word_is(c, pb - 2, "until")) {
		pb -= 1; /* "held off until after Christmas": the "until" governs */
	} else if (pb > 2 && word_is(c, pb - 1, "of") &&
	           (word_is(c, pb - 2, "end") || word_is(c, pb - 2, "beginning") ||
	            word_is(c, pb - 2, "start") || word_is(c, pb - 2, "middle"))) {
		pb -= 2; /* "by the end of March" */
	} else if (pb > 3 && word_is(c, pb - 1, "day")) {
		size_t q = pb - 2;
		while (q > 1 && (word_is(c, q, "the") || word_is(c, q, "business") ||
		                 word_is(c, q, "trading") || word_is(c, q, "working")))
			q--;
		if (word_is(c, q, "of") && q > 0 && word_is(c, q - 1, "end"))
			pb = q - 1;
	}
	if (pb < tb && pb > 0 && word_is(c, pb - 1, "the"))
		pb--;
	if (pb < tb && (pb == 0 || !prep_cue(&c->tk[pb - 1])))
		pb = tb;
	/* "set a deadline of Friday": ahead unless a tense says otherwise */
	if (tb > 1 && word_is(c, tb - 1, "of") && word_is(c, tb - 2, "deadline"))
		weak = 1;
	if (tb > 0 && !c->tk[tb].sent) {
		int k = prep_cue(&c->tk[pb - 1]);
		if (!k && an_tx_from_start(c, pb, te))
			k = 2, from = 1;
		/* "which opened May 16 and runs through Sunday": a present
		 * of lasting before "through", "until" is the span ahead */
		static const char *const lasting[] = {"runs", "continues", "lasts", "remains",
		                                      "stays", "run", "continue", "last", "remain",
		                                      "stay", NULL};
		/* "issued a fire weather warning through 6 p.m. Sunday", "a
		 * curfew until Monday": a state in force runs ahead */
		static const char *const states[] = {
			"warning", "warnings", "watch", "advisory", "curfew", "ban", "closure",
			"closures", "alert", "moratorium", "freeze", "suspension", "lockdown",
			"ceasefire", "truce", "restrictions", NULL};
		/* (the noun may have its words between: "a warning for
		 * disruptive rain over eThekwini from Saturday afternoon") */
		size_t sn = k > 0 && pb > 1 ? pb - 2 : 0;
		for (size_t n = 0; n < 6 && sn > 0 && c->tk[sn].kind == AN_TK_WORD &&
		                   !an_tx_one_of(c, sn, states) && !an_tx_cue(c, sn) && !c->tk[sn].sent;
		     n++)
			sn--;
		if (k > 0 && pb > 1 && an_tx_one_of(c, sn, states) && !has_past_perfect(c, tb - 1, te))
			return 1;
		/* (so is a span "from" it: "a tour that runs from April
		 * through June"; not the habit of ", which runs from May to
		 * August, funded 34,000 jobs this year") */
		int span = !k && pb > 3 && word_is(c, pb - 1, "from") && te < c->n &&
		           (word_is(c, te, "to") || word_is(c, te, "through") || word_is(c, te, "until")) &&
		           !word_is(c, pb - 3, "which");
		if ((k > 0 || span) && pb > 1 && an_tx_one_of(c, pb - 2, lasting) && pb > 2 &&
		    !word_is(c, pb - 3, "had") && !word_is(c, pb - 3, "has") &&
		    !word_is(c, pb - 3, "have") && !word_is(c, pb - 3, "the"))
			return 1;
		/* "called a strike beginning at 2 a.m. Monday", "a period of
		 * mourning ... on the island beginning Tuesday": after a
		 * determiner and its noun, what begins is ahead ("were
		 * suspended starting Monday" keeps its tense) */
		if (k == 2 && pb > 3 &&
		    (word_is(c, pb - 1, "beginning") || word_is(c, pb - 1, "starting")) &&
		    c->tk[pb - 2].kind == AN_TK_WORD && !c->tk[pb - 2].cap && !an_tx_cue(c, pb - 2) &&
		    !ends_in(c->tk[pb - 2].low, "ly", 4) && !ends_in(c->tk[pb - 2].low, "ed", 3) &&
		    (is_determiner(c, pb - 3) ||
		     /* ("giving teachers a 2 percent raise starting July 1") */
		     (pb > 5 && word_is(c, pb - 3, "percent") && an_tx_num(c, pb - 4) &&
		      is_determiner(c, pb - 5)) ||
		     /* ("declared three days of mourning starting Wednesday") */
		     (word_is(c, pb - 3, "of") && pb > 4 && c->tk[pb - 4].kind == AN_TK_WORD &&
		      (c->tk[pb - 4].w.cls & AN_TXW_UNIT))))
			return 1;
		/* "have canceled events through Wednesday": a present perfect
		 * holds through the day named, ahead ("has risen this year
		 * through August", a month of statistics, is not) */
		if (k == 2 && !word_is(c, pb - 1, "by") && (c->tk[tb].w.cls & AN_TXW_WDAY) &&
		    perfect_before(c, pb - 1))
			return 1;
		if (k == 2)
			weak = 1;
		else if (k > 0 && has_past_perfect(c, tb - 1, te))
			return -1; /* "Until Thursday, they had not called him a suspect" */
		else if (k > 0 && an_tx_until_past(c, pb - 1, te))
			return -1;
		else if (k)
			return k;
		/* "ahead of Friday's vote", "ahead of Monday": like "by", ahead
		 * only when no tense says otherwise ("Stocks fell ahead of
		 * Thursday's decision") */
		if (tb > 1 && word_is(c, tb - 1, "of") && word_is(c, tb - 2, "ahead"))
			weak = 1;
		/* "ready to return to talks as early as Friday": a limit, like
		 * "by" */
		if (tb > 3 && word_is(c, tb - 1, "as") &&
		    (word_is(c, tb - 2, "early") || word_is(c, tb - 2, "soon")) && word_is(c, tb - 3, "as"))
			weak = 1;
		/* "no later than Friday": a deadline, like "by" */
		if (tb > 2 && word_is(c, tb - 1, "than") &&
		    (word_is(c, tb - 2, "later") || word_is(c, tb - 2, "earlier")) &&
		    (word_is(c, tb - 3, "no") || word_is(c, tb - 3, "not")))
			weak = 1;
		if (an_tx_on_or_before(c, tb)) /* "on or before Dec. 1" alike */
			weak = 1;
		/* "has called a strike for Thursday.": a weekday that ends its
		 * clause after "for" is the day an event is set for, whatever
		 * the tense of the setting, unless that is a past perfect */
		/* (after the part of the day: "for Sunday afternoon if they
		 * win", the parade approved) */
		size_t fe = te < c->n && c->tk[te].kind == AN_TK_WORD &&
		            (c->tk[te].w.cls & AN_TXW_POD) ? te + 1 : te;
		/* (past the list's other days when the clause ends there:
		 * "canceled classes for Monday and Tuesday.", not "was in
		 * Nairobi for Thursday and Friday and left") */
		/* (seven more at most: a list of days is a week's) */
		size_t le = fe;
		for (int n = 0; n < 7 && le + 1 < c->n &&
		                (word_is(c, le, "and") || word_is(c, le, "or")) &&
		                (c->tk[le + 1].w.cls & AN_TXW_WDAY) && c->tk[le + 1].cap;
		     n++)
			le += 2;
		if (le > fe && (le >= c->n || (c->tk[le].kind == AN_TK_PUNCT && !an_tx_is_apos(c, le))))
			fe = le;
		if (word_is(c, tb - 1, "for") && (c->tk[tb].w.cls & AN_TXW_WDAY) &&
		    (fe >= c->n || (c->tk[fe].kind == AN_TK_PUNCT && !an_tx_is_apos(c, fe)) ||
		     word_is(c, fe, "if") || word_is(c, fe, "unless") ||
		     /* "organized a vigil for Friday evening at the community
		      * centre": and a place after it */
		     ((word_is(c, fe, "at") || word_is(c, fe, "in")) && fe + 1 < c->n &&
		      (word_is(c, fe + 1, "the") ||
		       (c->tk[fe + 1].cap && !(c->tk[fe + 1].w.cls & (AN_TXW_WDAY | AN_TXW_MONTH))))) ||
		     /* "a public meeting for Tuesday evening to discuss the
		      * feud": a purpose after the day, not "to Thursday" */
		     (word_is(c, fe, "to") && fe + 1 < c->n && c->tk[fe + 1].kind == AN_TK_WORD &&
		      !c->tk[fe + 1].cap && !(c->tk[fe + 1].w.cls & (AN_TXW_WDAY | AN_TXW_MONTH))) ||
		     /* "called a rally for Thursday and said ...", not "for
		      * Thursday and Friday" (a list of days) */
		     ((word_is(c, fe, "and") || word_is(c, fe, "but")) && fe + 1 < c->n &&
		      !(c->tk[fe + 1].w.cls & (AN_TXW_WDAY | AN_TXW_MONTH)) &&
		      c->tk[fe + 1].kind == AN_TK_WORD)) &&
		    !has_past_perfect(c, tb - 1, te))
			set_for = 1;
	}
	/* "The forecast calls for rain Wednesday": a forecast is of what is
	 * ahead, but as a noun only when no verb says otherwise ("The
	 * forecast for Thursday was wrong") */
	/* "and by Saturday night both sides were using mortars", "but by
	 * Friday a deal will be signed": "by" opening a clause after "and" or
	 * "but" takes the tense of its own clause, not the one before */
	if (weak && pb > 1 && !c->tk[pb - 1].sent &&
	    (word_is(c, pb - 2, "and") || word_is(c, pb - 2, "but")))
		return an_tx_right_past(c, te) ? -1 : 1;
	/* "ahead of the election on Thursday", "declared Monday a holiday",
	 * "setting the election for Feb. 27" */
	if (an_tx_awaited_day(c, tb) || an_tx_declared_day(c, tb, te) || an_tx_set_for(c, tb))
		return 1;
	if (an_tx_compared_day(c, tb)) /* "up 9 cents from Wednesday" */
		return -1;
	int own = an_tx_clause_subject(c, tb, te);
	if (own)
		return own;
	static const char *const concessive[] = {"although", "though", "whereas", NULL};
	static const char *const habitual[] = {"usually", "typically", "normally", "generally",
	                                       "often", "always", NULL};
	int forecast = 0, inf = 0, pblock = 0, to_verb = 0, maybe = 0, comma = 0;
	size_t inf_at = 0, fence = 0;
	size_t ac = an_tx_past_clock(c, te); /* past "at 5 p.m." after the date */
	for (size_t j = tb, d = 1; j > 0 && d <= 14; d++) {
		if (c->tk[j].sent)
			break;
		j--;
		/* (past a title: 'introduced its drama "Night Rounds" on
		 * Wednesday') */
		size_t title = quoted_title(c, j, -1);
		if (title < j) {
			j = title;
			continue;
		}
		/* (a quote mark ends the clause, unless it opens a fragment
		 * quoted in the sentence: 'had worked "through Christmas and
		 * into this week,"' has the tense of "had worked") */
		if (quote_mark(c, j) &&
		    !(j > 0 && c->tk[j].space && c->tk[j - 1].kind == AN_TK_WORD &&
		      !an_tx_one_of(c, j - 1, reporting) && j + 1 < tb && !c->tk[j + 1].space))
			break;
		/* "will discuss her book on the 1913 flood, which left much of
		 * downtown under water, at 6:30 p.m. Wednesday": a relative
		 * clause between commas, right before the date, is passed over
		 * to the verb it interrupts */
		/* (so is an attribution: "will have to be made up, the
		 * department said, either by cancelling spring break") */
		if (an_tx_is_punct(c, j, ',')) {
			size_t q = an_tx_attribution_open(c, j);
			if (q == j && d <= 5)
				q = an_tx_relative_open(c, j);
			if (q < j) {
				j = q;
				continue;
			}
		}
		/* ", although OPEC's decision in late November ...": a clause
		 * of its own, whose tense is not the one before the comma */
		if (j > 0 && an_tx_is_punct(c, j - 1, ',') && an_tx_one_of(c, j, concessive)) {
			fence = j;
			break;
		}
		/* "Listings have thinned out this winter and usually rise
		 * sharply before Father's Day": a habitual present joined by
		 * "and" is a clause of its own, with no past to lend */
		if (j > 0 && word_is(c, j - 1, "and") && an_tx_one_of(c, j, habitual) &&
		    j + 1 < tb && an_tx_word(c, j + 1) && !c->tk[j + 1].cap &&
		    !an_tx_cue(c, j + 1) && !ends_in(c->tk[j + 1].low, "ed", 3)) {
			fence = j;
			break;
		}
		/* ", after flooding in February damaged more than 300 homes":
		 * a clause of "after" with a tense of its own after the date
		 * is read by it, not by the clause before the comma (without
		 * one, "after the company cut its forecast on April 22", the
		 * clause before says when) */
		if (j > 0 && an_tx_is_punct(c, j - 1, ',') && word_is(c, j, "after")) {
			int after = an_tx_clause_cue_after(c, te);
			if (after)
				return after;
		}
		/* the window counts words: the ":30" of "at 8:30 a.m. Friday"
		 * put "will hold" out of reach where "at 8 a.m." did not; nor
		 * the hyphens inside "stay-at-home", the ".30" of "8.30pm" */
		if (an_tx_no_word(c, j)) {
			d--;
			continue;
		}
		if (an_tx_is_punct(c, j, ','))
			comma = 1;
		int k = an_tx_cue(c, j);
		if ((k < 0 && an_tx_with_participle(c, j)) || (k > 0 && an_tx_implicative_inf(c, j)))
			k = 0;
		/* "The International Meteor Organization predicts the maximum
		 * at about 8 a.m. GMT on Monday": what a present of foretelling
		 * names is ahead */
		if (!k && (word_is(c, j, "predicts") || word_is(c, j, "forecasts")) && j > 0 &&
		    !is_determiner(c, j - 1))
			return 1;
		/* "We do not need a speech on Saturday": a present negated with
		 * "do" is the nearest tense, and a weekday it names is ahead */
		if (!k && (word_is(c, j, "do") || word_is(c, j, "does")) && word_is(c, j + 1, "not") &&
		    (c->tk[tb].w.cls & AN_TXW_WDAY) && c->tk[tb].cap)
			return 1;
		/* "was originally planned for December but was postponed": a
		 * first plan, put off since, was for a date gone */
		if (k > 0 && an_tx_first_plan_gone(c, j, te))
			return -1;
		/* "was held until his arrest in February": the "until" of a
		 * past verb, with the date inside its phrase, looks back as it
		 * does before the date itself */
		if (k > 0 && j + 1 < tb && (word_is(c, j, "until") || word_is(c, j, "till")) &&
		    an_tx_until_past(c, j, te))
			return -1;
		/* "their first tour since 2014, playing shows in June": a
		 * "since" phrase before a comma names a past of its own, not
		 * the tense of the date's clause */
		if (k < 0 && comma && word_is(c, j, "since"))
			k = 0;
		if (k < 0 && an_tx_unreal_if(c, j))
			return 1;
		/* "were tracking a storm that could approach the Bahamas by the
		 * weekend": a possibility between the past and the date is
		 * ahead of the news */
		if (k < 0 && maybe)
			return 1;
		if (!k && (word_is(c, j, "could") || word_is(c, j, "might") ||
		           (word_is(c, j, "may") && !month_name(c, j))) &&
		    j + 1 < tb && c->tk[j + 1].kind == AN_TK_WORD && !word_is(c, j + 1, "have") &&
		    !word_is(c, j + 1, "not") && !word_is(c, j + 1, "be"))
			maybe = 1;
		/* ("The builder who was due to start on Monday has had to
		 * stay home": a plan told in the simple past, with what came
		 * of it after the day, as in the past perfect) */
		if (k > 0) {
			int perfect = in_past_perfect(c, j);
			int side = perfect || (j > 1 &&
			                       (word_is(c, j - 1, "was") || word_is(c, j - 1, "were")) &&
			                       word_is(c, j + 1, "to") && an_tx_past_after(c, te))
			               ? planned_side(c, j, tb)
			               : 0;
			if (perfect || side)
				return side ? side : -1;
		}
		if (k < 0 && set_for)
			return 1;
		/* "ordered the agency to produce the records by Friday": a
		 * deadline in an infinitive looks ahead of the past verb that
		 * sets it; "had filed by Wednesday" has none */
		/* "promised a supplementary budget before March 31": what is
		 * promised by a day is ahead of the promise */
		/* (so is what is urged before it: "urged the Home Office to
		 * open more desks before the summer") */
		if (k < 0 && (weak || (pb > 0 && word_is(c, pb - 1, "before"))) &&
		    (an_tx_one_of(c, j, an_tx_promise) || (to_verb && an_tx_one_of(c, j, directives))))
			return 1;
		/* (not "agreed in March to cut output from April 1", said in
		 * August: the commitment has a day of its own, months back) */
		if (k < 0 && weak && inf &&
		    !(from && c->ref.g != AN_GRAN_NONE && c->ref_at > j && c->ref_at <= inf_at &&
		      an_date_to_days(c->dct) - an_date_to_days(c->ref.d) > 31))
			return 1;
		/* "has agreed to testify Thursday", "have been ordered to
		 * appear Monday": what the present perfect commits to is ahead */
		if (k < 0 && inf && perfect_intent(c, j))
			return 1;
		/* "promising to hand over power on May 29": so does the
		 * participle of a verb of intent, whose tense is no past */
		if (!k && inf && inf_at == j + 1 && an_tx_one_of(c, j, intent_ing))
			return 1;
		/* "voted last night to close two schools in June": where the
		 * commitment has a day of its own, days from the news, a
		 * second date after the infinitive is that of what it commits
		 * to, ahead of it ("agreed in March to cut output from April
		 * 1" said in August is not); a past cue inside that day, the
		 * "last" of "last night", stands for the verb before it */
		size_t v = c->day_at > 1 && j + 1 >= c->day_at && j < inf_at ? c->day_at - 2 : j;
		if (k < 0 && inf && an_tx_one_of(c, v, intent) && c->day_at > v + 1 &&
		    c->day_at <= inf_at &&
		    labs(an_date_to_days(c->day) - an_date_to_days(c->dct)) <= 7)
			return 1;
		/* (and with no date between: "The board voted 6-1 to hold
		 * classes on Jan. 2", said in September, "has promised to let
		 * customers choose ..., starting in the fall", said in July:
		 * the decision or the promise is the news, what it commits to
		 * ahead of it; not a weekday, as near the news as the
		 * decision: "decided to ride out the storm at home Wednesday
		 * night") */
		if (k < 0 && inf && inf_at > j &&
		    (an_tx_one_of(c, j, decided) || an_tx_one_of(c, j, an_tx_promise)) &&
		    !(c->tk[tb].w.cls & AN_TXW_WDAY) &&
		    !(c->ref.g != AN_GRAN_NONE && c->ref_at > j && c->ref_at < inf_at))
			return 1;
		/* "urged Parisians to stay indoors on Monday", "asked commuters
		 * to plan for Monday morning": the weekday a directive asks for
		 * is ahead of it, and it is days from the news.  (Not a month:
		 * "urged restraint at the end of September" in October is the
		 * September gone.) */
		/* (also with the day in a participle of the object before the
		 * infinitive: "urged drivers heading home on Sunday to leave
		 * early"; not "ordered the company Wednesday to survey") */
		if (k < 0 && (to_verb || (an_tx_to_after(c, te) && an_tx_ing_between(c, j, tb))) &&
		    an_tx_one_of(c, j, directives) &&
		    (c->tk[tb].w.cls & AN_TXW_WDAY) && c->tk[tb].cap)
			return 1;
		/* "Forecasters warned of more severe storms Thursday evening":
		 * the weather foretold is ahead of the telling (not "There was
		 * heavy rain Thursday") */
		/* (also "warned of severe thunderstorms across the south-east
		 * over the weekend": the weather named after the verb) */
		if (k < 0 && an_tx_one_of(c, j, foretell) &&
		    (((c->tk[tb].w.cls & AN_TXW_WDAY) &&
		      (an_tx_one_of(c, tb - 1, weather) ||
		       (tb > 2 && word_is(c, tb - 1, "on") && an_tx_one_of(c, tb - 2, weather)))) ||
		     (word_is(c, tb, "the") && word_is(c, tb + 1, "weekend") &&
		      word_is(c, tb - 1, "over") && weather_between(c, j, tb))))
			return 1;
		/* "Security has been tightened ahead of Christmas": what a
		 * present perfect has readied is still ahead */
		if (k < 0 && weak && word_is(c, tb - 1, "of") && word_is(c, tb - 2, "ahead") && j > 1 &&
		    present_perfect(c, j))
			return 1;
		/* "would offer refunds to all passengers booked through
		 * Sunday": a participle after its plural noun, with a verb of
		 * the clause before it, is no verb of its own */
		/* (not one with its agent: "under budget proposals published by
		 * the borough council on Wednesday" is an act done) */
		/* (or right after the date, the subject's verb: "Claims made
		 * before 21 December can be backdated"; not "Engineers repaired
		 * the seal over the weekend and plan ...") */
		/* ("by" right before the date is its deadline, no agent:
		 * "Public comments submitted by Friday at 5 p.m. will be
		 * included") */
		if (k < 0 &&
		    ((an_tx_reduced_relative(c, j) && an_tx_clause_cue_before(c, j - 1) > 0) ||
		     (an_tx_subject_relative(c, j) && ac < c->n && an_tx_cue(c, ac) > 0)) &&
		    (!word_is(c, j + 1, "by") || (j + 2 == tb && an_tx_subject_relative(c, j))))
			return 1;
		/* (so is one with a date of its own: "will release scores from
		 * tests taken last spring in early October") */
		if (k < 0 && word_is(c, j, "last") && j > 2 && j + 1 < tb &&
		    (c->tk[j + 1].w.cls & (AN_TXW_SEASON | AN_TXW_MONTH | AN_TXW_WDAY | AN_TXW_UNIT)) &&
		    an_tx_reduced_relative(c, j - 1) && an_tx_clause_cue_before(c, j - 2) > 0)
			return 1;
		if (k <= 0 && (an_tx_present_passive_inf(c, j) || an_tx_when_present(c, j, tb)))
			return 1;
		if (k)
			return k;
		if (an_tx_relative_present(c, j, tb, te))
			return 1;
		/* (farther with an infinitive between: "are looking for
		 * volunteers to clear brush and litter along the creek trail
		 * on Sunday morning"; a weekday: not "is continuing to try
		 * to sell itself, under a June agreement") */
		if ((d <= 8 || (to_verb && (c->tk[tb].w.cls & AN_TXW_WDAY))) && !pblock &&
		    an_tx_progressive(c, j))
			return 1;
		pblock |= an_tx_progressive_block(c, j);
		if (d >= 2 && d <= 8 && an_tx_scheduled_plural(c, j) && !an_tx_past_after(c, te))
			return 1;
		/* "to" and a verb: the infinitive proper when the verb is no
		 * tense cue of its own ("to plan" is one) */
		/* ("restored to most of the town by Wednesday night": "to" and a
		 * quantifier or pronoun is a preposition) */
		static const char *const no_verb[] = {"most", "all", "some", "many", "more", "few",
		                                      "several", "both", "them", "him", "me", "us",
		                                      "you", "it", "about", "around", NULL};
		int to_word = word_is(c, j, "to") && j + 1 < tb && c->tk[j + 1].kind == AN_TK_WORD &&
		              !is_determiner(c, j + 1) && !an_tx_capital(c, j + 1) &&
		              !an_tx_one_of(c, j + 1, no_verb);
		to_verb |= to_word;
		/* "remained on track to launch in the spring", "is poised to
		 * open on Friday": the phrase before the infinitive looks
		 * ahead, whatever the tense of its verb */
		if (to_word && j > 0 && an_tx_one_of(c, j - 1, bound_to))
			return 1;
		/* (not an obligation or a habit gone: "I had to go the long
		 * way round twice a week through the autumn", "used to", "the
		 * positions it was supposed to leave by Feb. 18") */
		if (to_word && !(c->tk[j + 1].w.cls & ~(AN_TXW_START | AN_TXW_SCHED)) &&
		    !word_is(c, j - 1, "had") && !word_is(c, j - 1, "used") &&
		    !(word_is(c, j - 1, "supposed") && j > 1 &&
		      (word_is(c, j - 2, "was") || word_is(c, j - 2, "were")))) {
			inf = 1;
			inf_at = j;
		}
		/* ("The National Weather Service's 10-day outlook calls for
		 * highs in the mid-90s from Tuesday": an outlook is a noun) */
		if (((word_is(c, j, "forecast") || word_is(c, j, "forecasts")) && j > 0 &&
		     is_determiner(c, j - 1)) ||
		    word_is(c, j, "outlook") || word_is(c, j, "outlooks"))
			forecast = 1;
		/* "give a 70 percent chance of rain Thursday evening" */
		if ((word_is(c, j, "chance") || word_is(c, j, "risk")) && word_is(c, j + 1, "of") &&
		    weather_between(c, j, tb))
			forecast = 1;
	}
	if (set_for || (inf && an_tx_headline_inf(c, inf_at)))
		return 1;
	if (an_tx_far_future(c, tb))
		return 1;
	/* "By March, the company had cut 300 jobs" */
	if (weak)
		return pb > 0 && clause_opens(c, pb - 1) && an_tx_right_past(c, te) ? -1 : 1;
	/* "Under a plan approved by NATO in June, the force will stay": the
	 * act of a passive participle in the phrase that opens the sentence
	 * is done; the main clause after the comma is not the date's */
	if (an_tx_opening_passive(c, tb, te))
		return -1;
	/* "On Sunday, voters go to the polls": a plural scheduling present
	 * after a day that opens the sentence */
	int opens = clause_opens(c, tb) || (tb > 0 && word_is(c, tb - 1, "on") &&
	                                    clause_opens(c, tb - 1));
	/* (ten words: the commas and the possessive of "In January, the
	 * company's founder, Mark Ellery, resigned" count as none) */
	size_t appo = 0; /* the closing comma of an appositive passed over */
	for (size_t j = te, d = 1; j < c->n && d <= 10; j++, d += c->tk[j - 1].kind == AN_TK_WORD) {
		size_t title = quoted_title(c, j, 1);
		if (title > j) {
			j = title;
			continue;
		}
		/* (nor past a semicolon: "Stores see thinner crowds on Black
		 * Friday as shoppers move online; Cyber Monday set for record") */
		if (c->tk[j].sent || quote_mark(c, j) || an_tx_is_punct(c, j, ';'))
			break;
		/* "On Wednesday, the 40th anniversary of the first broadcast,
		 * a channel will show ...": an appositive with no verb of its
		 * own is passed over to the clause */
		/* (so is one after the subject: "On Sunday, Pennington
		 * Athletic, unbeaten in five, host Corby Vale") */
		if (opens && an_tx_is_punct(c, j, ',') &&
		    ((j == te && is_determiner(c, j + 1)) ||
		     (j > te && an_tx_word(c, j + 1) && !c->tk[j + 1].cap &&
		      !an_tx_one_of(c, j + 1, subs_rel)))) {
			size_t q = j + 1;
			while (q < c->n && q < j + 16 && !c->tk[q].sent && !an_tx_is_punct(c, q, ',') &&
			       !an_tx_cue(c, q) && (c->tk[q].kind == AN_TK_WORD || an_tx_num(c, q)))
				q++;
			if (q < c->n && q < j + 16 && an_tx_is_punct(c, q, ',')) {
				j = appo = q;
				continue;
			}
		}
		/* "That now appears unlikely before March, the state
		 * epidemiologist said": an attribution after the clause is not
		 * its tense (but "On Friday, officials said" is the date's);
		 * nor is a clause of its own after ", and" ("shrank in the
		 * April-June quarter, and economists expect ...") */
		if (!opens && an_tx_is_punct(c, j, ',') &&
		    (attribution_at(c, j + 1) || word_is(c, j + 1, "and") || word_is(c, j + 1, "but") ||
		     ing_clause(c, j + 1)))
			break;
		/* nor the clause of another day after "and": "falls on Sunday
		 * and Monday has been declared a public holiday" */
		if (j == te && word_is(c, j, "and") && j + 2 < c->n && c->tk[j + 1].cap &&
		    (c->tk[j + 1].w.cls & AN_TXW_WDAY) && an_tx_one_of(c, j + 2, auxiliaries))
			break;
		int k = an_tx_cue(c, j);
		if (k)
			return k;
		if (opens && d >= 2 && d <= 6 && (c->tk[j - 1].kind == AN_TK_WORD || j - 1 == appo) &&
		    !word_is(c, j + 1, "of") && an_tx_scheduled_plural(c, j))
			return 1; /* not "On Wednesday, Ricardo Alarcon, head of ..." */
		/* "On Wednesday, the last of the veterans' ships leaves
		 * Portsmouth": the singular too, as the first verb of the
		 * clause the day opens */
		if (opens && d >= 2 && (c->tk[j].w.cls & AN_TXW_SCHED) && j > 0 &&
		    c->tk[j - 1].kind == AN_TK_WORD && !is_determiner(c, j - 1) &&
		    !an_tx_one_of(c, j - 1, an_tx_sched_aux) && ends_in(c->tk[j].low, "s", 2))
			return 1;
		/* "On Sunday we find out whether it was worth it": a plain
		 * present right after the pronoun the day's clause opens with */
		if (opens && j == te + (an_tx_is_punct(c, te, ',') ? 2 : 1) &&
		    (word_is(c, j - 1, "we") || word_is(c, j - 1, "they") || word_is(c, j - 1, "you")) &&
		    an_tx_word(c, j) && !c->tk[j].cap && !ends_in(c->tk[j].low, "ed", 3) &&
		    !an_tx_one_of(c, j, auxiliaries) && !an_tx_one_of(c, j, modals))
			return 1;
	}
	if (forecast)
		return forecast;
	if (an_tx_imperative(c, tb))
		return 1;
	/* No tense in reach: the sentence may go on from a date ahead */
	return an_tx_goes_on(c, tb, fence);
}
