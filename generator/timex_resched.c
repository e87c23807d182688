/* timex_resched.c - events moved to another day: "postponed until
 * Thursday", "pushed back to March" (the new day lies after the act,
 * whatever its tense), and a first plan put off since ("was originally
 * planned for December but was postponed": a date gone).  an_tx_direction
 * (timex_anchor.c) and the range rule of timex_monthyear.c ask it. */
#include "timex_tense.h"

/* Verbs that reschedule an event. */
static const char *const resched[] = {
	"postponed", "delayed", "moved", "rescheduled", "deferred", "pushed", "put",
	"brought", "shifted", "bumped", "postpone", "delay", "move", "reschedule",
	"defer", "push", "postponing", "delaying", "moving", "pushing", "postpones",
	"delays", "adjourned", "adjourns", "extended", "extends", "extend", "recessed",
	"remanded", "bailed", "reset", NULL};

/* "originally" or "initially" before the plan's verb at j ("was
 * originally scheduled", "had initially been set"). */
static int first_plan(const an_tx_ctx *c, size_t j)
{
	static const char *const first[] = {"originally", "initially", NULL};
	return (j > 0 && an_tx_one_of(c, j - 1, first)) ||
	       (j > 1 && word_is(c, j - 1, "been") && an_tx_one_of(c, j - 2, first));
}

/* A rescheduling verb after token te in its sentence, within twelve
 * tokens ("... for December but was postponed"). */
static int rescheduled_after(const an_tx_ctx *c, size_t te)
{
	for (size_t k = te, n = 0; k < c->n && n < 12 && !c->tk[k].sent; k++, n++)
		if (c->tk[k].kind == AN_TK_WORD && in_list(resched, c->tk[k].low))
			return 1;
	return 0;
}

int an_tx_resched_word(const an_tx_ctx *c, size_t k)
{
	return an_tx_word(c, k) && in_list(resched, c->tk[k].low);
}

int an_tx_first_plan_gone(const an_tx_ctx *c, size_t j, size_t te)
{
	return first_plan(c, j) && rescheduled_after(c, te);
}

int an_tx_rescheduled_before(const an_tx_ctx *c, size_t k)
{
	for (size_t n = 0; n < 8 && k > 0 && !c->tk[k].sent; n += c->tk[k].kind == AN_TK_WORD) {
		k--;
		if (c->tk[k].kind == AN_TK_WORD && in_list(resched, c->tk[k].low))
			return !(k > 0 && is_determiner(c, k - 1)); /* not "a delay" */
	}
	return 0;
}

/* "was moved to Monday night", "postponed until Thursday", "pushed back
 * to March": the day a thing is put off to lies after the act, whatever
 * its tense, unless a past verb follows ("moved to Monday, drew 300");
 * "for March delivery", "the December contract": a commodity's month to
 * come */
int an_tx_put_off(const an_tx_ctx *c, size_t tb, size_t te)
{
	static const char *const particles[] = {"back", "off", "forward", "ahead", "over", NULL};
	static const char *const goods[] = {"delivery", "futures", "contract", "contracts", NULL};
	if ((te < c->n && c->tk[te].kind == AN_TK_WORD && !an_tx_capital(c, te) &&
	     in_list(goods, c->tk[te].low)) ||
	    (tb > 2 && word_is(c, tb - 1, "in") && word_is(c, tb - 2, "delivery")))
		return 1; /* "for March delivery", "for delivery in March" */
	/* ("have rescheduled it for 7:30 p.m. Tuesday": past the hour) */
	if (tb > 2 && !c->tk[tb].sent) {
		size_t q = an_tx_clock_before(c, tb - 1, 1);
		if (q < tb - 1)
			tb = q + 1;
	}
	if (tb < 2 || c->tk[tb].sent ||
	    !(word_is(c, tb - 1, "to") || word_is(c, tb - 1, "until") || word_is(c, tb - 1, "till") ||
	      word_is(c, tb - 1, "for")))
		return 0;
	static const char *const says[] = {"said", "told", "announced", "reported", "added",
	                                   "confirmed", NULL};
	size_t v = tb - 2;
	if (v > 0 && an_tx_one_of(c, v, particles) && !c->tk[v].sent)
		v--;
	/* ("rescheduled it for Tuesday": a pronoun object before "for") */
	if (v > 0 && (word_is(c, v, "it") || word_is(c, v, "them")) && !c->tk[v].sent)
		v--;
	/* "extended the deadline by three months to 30 June", "had pushed
	 * back their return-to-office plans until July": the verb may have
	 * its object and a measure between it and "to" or "until" (words
	 * and the hyphens inside them only) */
	for (size_t n = 0; n < 12 && v > 0 && !c->tk[v].sent &&
	                   (c->tk[v].kind == AN_TK_WORD ||
	                    (an_tx_is_dash(c, v) && !c->tk[v].space)) &&
	                   !in_list(resched, c->tk[v].low) && !an_tx_cue(c, v) &&
	                   !word_is(c, tb - 1, "for");
	     n++)
		v--;
	/* ("a delay to Friday" is a noun: the tense decides) */
	if (c->tk[v].kind != AN_TK_WORD || !in_list(resched, c->tk[v].low) ||
	    (v > 0 && is_determiner(c, v - 1)))
		return 0;
	/* a past verb after the day, across commas, but not the attribution,
	 * nor one of a clause of its own ("pushed that deadline back to
	 * Friday after its online portal slowed to a crawl") */
	static const char *const subs[] = {"after", "when", "because", "as", "while", "since",
	                                   "once", NULL};
	for (size_t k = te, d = 0; k < c->n && d < 8 && !c->tk[k].sent; k++, d++) {
		if (c->tk[k].kind == AN_TK_WORD && in_list(subs, c->tk[k].low))
			break;
		if (c->tk[k].kind == AN_TK_WORD && an_tx_cue(c, k) < 0 && !in_list(says, c->tk[k].low))
			return 0;
	}
	return 1;
}

/* "Most sailings on Saturday have been cancelled", "Saturday's match has
 * been called off": an event that has been cancelled, by a present
 * perfect right after its day, was still ahead when it was (a day gone
 * tells "was cancelled"); so does a reported "had been" ("CalMac said
 * sailings on Saturday had been cancelled").  tb..te is a weekday. */
int an_tx_called_off(const an_tx_ctx *c, size_t tb, size_t te)
{
	static const char *const cancel[] = {"cancelled", "canceled", "called", "scrapped",
	                                     "suspended", "abandoned", "axed", NULL};
	if (!(c->tk[tb].w.cls & AN_TXW_WDAY) || !c->tk[tb].cap)
		return 0;
	/* "Another line canceled a Saturday cruise to the Bahamas": what is
	 * called off by its day's name, before its noun, had not happened */
	static const char *const dets[] = {"a", "an", "the", "its", "their", "this", NULL};
	if (tb > 1 && an_tx_one_of(c, tb - 1, dets) &&
	    (an_tx_one_of(c, tb - 2, cancel) || word_is(c, tb - 2, "postponed")) &&
	    te < c->n && c->tk[te].kind == AN_TK_WORD && !c->tk[te].cap && !an_tx_cue(c, te))
		return 1;
	size_t v = te;
	/* (past a possessive's noun: "Saturday's Scottish Premiership match") */
	if (v + 2 < c->n && an_tx_is_apos(c, v) && word_is(c, v + 1, "s")) {
		v += 2;
		for (size_t n = 0; n < 4 && v < c->n && an_tx_word(c, v) && !an_tx_cue(c, v) &&
		                   !word_is(c, v, "has") && !word_is(c, v, "have");
		     n++)
			v++;
	}
	if (v + 2 >= c->n || !word_is(c, v + 1, "been") || !an_tx_one_of(c, v + 2, cancel) ||
	    (word_is(c, v + 2, "called") && !word_is(c, v + 3, "off")))
		return 0;
	if (word_is(c, v, "has") || word_is(c, v, "have"))
		return 1;
	if (!word_is(c, v, "had"))
		return 0;
	for (size_t k = tb, n = 0; k > 0 && n < 12 && !c->tk[k].sent; n++)
		if (word_is(c, --k, "said") || word_is(c, k, "says"))
			return 1;
	return 0;
}
