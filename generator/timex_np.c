/* timex_np.c - dates inside noun phrases.  A month name as the head of
 * one: "thanks to a cool, wet May", "after a dry March.".  "May" and
 * "March" are also verbs and names, so a bare one needs a preposition
 * before it (timex_rules.c); an article with adjectives before it and the
 * end of the phrase after it are evidence as good.  A name that follows
 * adjectives ("a defiant May told MPs") has its verb after it, not a
 * comma.  And a weekday that only modifies a noun of the practice ("Sunday
 * trading laws", "conditions on Sunday working") names no day. */
#include "timex_impl.h"

#include <string.h>

int an_tx_month_np(const an_tx_ctx *c, size_t i, size_t e)
{
	/* "March was the strongest month": the subject of a verb no verb
	 * "march" takes (not "May", also a name: "May was elected") */
	static const char *const verbs[] = {"was", "is", "had", "has", "saw", "brought",
	                                    "marked", "proved", "ended", NULL};
	if (c->tk[i].w.month == 3 && e < c->n && an_tx_one_of(c, e, verbs) &&
	    (i == 0 || c->tk[i].sent || !c->tk[i - 1].cap))
		return 1;
	/* "the March employment report", "the May figures": after "the", a
	 * modifier of a lowercase noun (for "May", also a name, only nouns
	 * of data and events: not "the May government") */
	static const char *const function[] = {"on", "to", "of", "for", "in", "at", "and", "or",
	                                       "through", "past", "was", "is", "will", NULL};
	static const char *const data[] = {
		"figures", "figure", "data", "report", "numbers", "sales", "jobs", "payrolls",
		"meeting", "election", "elections", "session", "contract", "contracts", "futures",
		"delivery", "survey", "index", "reading", "release", "issue", "edition", "deadline",
		"vote", "poll", "polls", "budget", "quarter", "employment", "inflation", NULL};
	if (i > 0 && e < c->n && an_tx_is(c, i - 1, "the") && !c->tk[i].sent &&
	    an_tx_word(c, e) && !c->tk[e].cap && !an_tx_glued(c, e) &&
	    (c->tk[i].w.month == 3 ? !an_tx_one_of(c, e, function) : an_tx_one_of(c, e, data)))
		return 1;
	if (i == 0 || c->tk[i].sent || e >= c->n || c->tk[e].kind != AN_TK_PUNCT ||
	    !strchr(",.;:)", c->tk[e].low[0]))
		return 0;
	/* back over up to three lowercase adjectives and their commas to "a" */
	size_t k = i, words = 0;
	while (k > 0 && words < 3) {
		k--;
		if (an_tx_is_punct(c, k, ',') && words > 0)
			continue;
		if (!an_tx_word(c, k) || c->tk[k].cap || c->tk[k].sent)
			return 0;
		if (an_tx_is(c, k, "a") || an_tx_is(c, k, "an"))
			return words > 0;
		words++;
	}
	return 0;
}

int an_tx_weekday_modifier(const an_tx_ctx *c, size_t tb, size_t te)
{
	static const char *const practice[] = {"trading", "working", "shopping", "opening",
	                                       "openings", NULL};
	static const char *const free_after[] = {"on", "in", "at", "for", "with", "to", "from",
	                                         "through", "late", "out", "the", "a", "his",
	                                         "her", "their", "its", "our", "as", "was", "is",
	                                         "were", "are", "has", "had", "will", NULL};
	if (te <= tb || te + 1 > c->n || !(c->tk[te - 1].w.cls & AN_TXW_WDAY) ||
	    te - tb != 1 || !an_tx_one_of(c, te, practice) || c->tk[te].cap)
		return 0;
	/* "On Sunday working conditions changed": a day that opens the
	 * sentence is the day of its news */
	if (c->tk[tb].sent || (tb > 0 && c->tk[tb - 1].sent))
		return 0;
	/* "on Saturday trading was thin": after "on", only the end of the
	 * phrase shows a noun ("conditions on Sunday working.") */
	if (te + 1 >= c->n)
		return 1;
	if (an_tx_is(c, tb - 1, "on"))
		return c->tk[te + 1].kind == AN_TK_PUNCT && c->tk[te + 1].low[0] != '\'';
	/* "Shares fell 9% in Friday trading, their steepest drop": one
	 * day's session, where the practice has a noun after it ("Sunday
	 * trading laws") */
	if ((an_tx_is(c, tb - 1, "in") || an_tx_is(c, tb - 1, "during")) &&
	    an_tx_is(c, te, "trading") &&
	    (c->tk[te + 1].kind == AN_TK_PUNCT || an_tx_is(c, te + 1, "on") ||
	     an_tx_is(c, te + 1, "in") || an_tx_is(c, te + 1, "at") || an_tx_is(c, te + 1, "after")))
		return 0;
	/* "spent Sunday working on the report": a verb after the day */
	return !an_tx_one_of(c, te + 1, free_after);
}
