/* timex_sched.c - the present of a scheduled event: "The Senate votes
 * Tuesday", "Polls open Sunday", "The Rivermen open the division series
 * on Wednesday" tell of what is ahead of the news, which an_tx_direction
 * (timex_anchor.c) asks before any other tense. */
#include "timex_tense.h"

#include <string.h>

/* A bare present of a scheduling verb right before the weekday ("Arafat
 * and Netanyahu meet separately Monday", "The Senate votes Tuesday",
 * "Polls open Sunday") is the news present of a scheduled event.  These
 * verbs count only next to the day (one adverb may come between): further
 * off, "begin", "faces", "holds" are as often in another clause ("He
 * faces 10 years in prison after his arrest Monday", "let the offensive
 * begin as planned Saturday").  After "to", a modal, "did" or a causative
 * ("let", "made") the verb is an infinitive, and the word before decides;
 * after a determiner it is a noun ("a swim meet"). */
const char *const an_tx_sched_aux[] = {
	"to", "not", "did", "do", "does", "didn", "don", "doesn", "t", "will",
	"would", "could", "should", "can", "may", "might", "must", "shall",
	"let", "lets", "make", "makes", "made", "help", "helped", "see", "saw",
	"watch", "watched", "never", "ll", "d", "s", NULL};

/* "The vote was close on Sunday", "The store was open": a scheduling
 * word after a past "be" is an adjective. */
static int past_be(const an_tx_ctx *c, size_t j)
{
	return word_is(c, j, "was") || word_is(c, j, "were") || word_is(c, j, "been");
}

/* An adjective of an event's noun at j: a comparative ("an earlier
 * visit"), an ordinal ("a second vote") or one of a few others ("the
 * final meet", "an official visit"); not a noun ("the country meet"). */
static int noun_adjective(const an_tx_ctx *c, size_t j)
{
	static const char *const adjs[] = {"final", "annual", "official", "brief", "surprise",
	                                   "recent", "planned", "state", "last", "next", NULL};
	if (c->tk[j].kind != AN_TK_WORD || c->tk[j].cap)
		return 0;
	return (c->tk[j].w.cls & AN_TXW_ORD) || ends_in(c->tk[j].low, "er", 4) ||
	       ends_in(c->tk[j].low, "est", 4) || an_tx_one_of(c, j, adjs);
}

/* A plural present of a scheduling verb further off in the clause:
 * "Lawmakers vote on the bill Tuesday", "The two sides meet for talks in
 * Geneva on Monday".  Plural forms only: a bare "begin" or "meet" after a
 * subject is a present, while singular "faces", "holds" far from the day
 * are as often the verb of another clause. */
int an_tx_scheduled_plural(const an_tx_ctx *c, size_t j)
{
	/* "between March and June": the month is no verb "march" */
	if (j == 0 || !(c->tk[j].w.cls & AN_TXW_SCHED) ||
	    c->tk[j].low[strlen(c->tk[j].low) - 1] == 's' || month_name(c, j))
		return 0;
	/* (the first part of "face-to-face" is no verb) */
	if (j + 1 < c->n && an_tx_is_dash(c, j + 1) && !c->tk[j + 1].space)
		return 0;
	/* ("in a 5-2 vote Wednesday", "On a second visit on 20 July": after
	 * a number or an ordinal, a noun) */
	/* (nor after a determiner and an adjective: "On an earlier visit in
	 * April, the salad came with blood oranges") */
	if (an_tx_one_of(c, j - 1, an_tx_sched_aux) || is_determiner(c, j - 1) || c->tk[j].sent ||
	    past_be(c, j - 1) || c->tk[j - 1].kind == AN_TK_NUM ||
	    (j > 1 && (word_is(c, j - 2, "a") || word_is(c, j - 2, "an") ||
	               word_is(c, j - 2, "the")) &&
	     noun_adjective(c, j - 1)) ||
	    (c->tk[j - 1].kind == AN_TK_WORD && (c->tk[j - 1].w.cls & AN_TXW_ORD)))
		return 0;
	/* "Thunderstorms delayed play for two hours on Saturday": after a
	 * past verb, the word is its object, no verb of its own */
	if (an_tx_cue(c, j - 1) < 0)
		return 0;
	/* (nor after a past verb and a noun: "snarled holiday travel for
	 * thousands"; a verb of saying has a subject after it, "said
	 * lawmakers vote on Tuesday") */
	if (j > 1 && an_tx_cue(c, j - 2) < 0 && !an_tx_one_of(c, j - 2, reporting) &&
	    c->tk[j - 1].kind == AN_TK_WORD && !c->tk[j - 1].cap && !an_tx_cue(c, j - 1) &&
	    !ends_in(c->tk[j - 1].low, "s", 3))
		return 0;
	/* "let the ground offensive begin" (within the sentence: "before
	 * they do. European leaders meet in Brussels on Tuesday") */
	for (size_t d = 2; d <= 4 && j >= d && !c->tk[j - d + 1].sent; d++)
		if (an_tx_one_of(c, j - d, an_tx_sched_aux) && !word_is(c, j - d, "s"))
			return 0;
	return 1;
}

/* "The state swim meet Saturday drew 300": a past verb after the day in
 * the same clause makes "meet" a noun */
int an_tx_past_after(const an_tx_ctx *c, size_t te)
{
	for (size_t k = te, d = 0; k < c->n && d < 8 && c->tk[k].kind == AN_TK_WORD &&
	                           !c->tk[k].sent; k++, d++)
		if (an_tx_cue(c, k) < 0)
			return 1;
	return 0;
}

static int sched_present(const an_tx_ctx *c, size_t tb, size_t te, int depth);

int an_tx_scheduled_present(const an_tx_ctx *c, size_t tb, size_t te)
{
	return sched_present(c, tb, te, 0);
}

/* depth: the days of a list passed back to its verb, seven at most (a
 * list of days is a week's; a walk back from each day of a longer one
 * would be quadratic). */
static int sched_present(const an_tx_ctx *c, size_t tb, size_t te, int depth)
{
	if (tb < 2 || c->tk[tb].sent)
		return 0;
	size_t j = tb - 1;
	/* "Polls close at 8 p.m. Sunday": the verb stands before the time
	 * the day belongs to */
	/* (and before a span of hours: "Packet pickup runs from 9 a.m. to 5
	 * p.m. on Saturday") */
	{
		size_t e = j > 2 && word_is(c, j, "on") ? j - 1 : j;
		size_t q = an_tx_clock_before(c, e, 0);
		if (q < e && q > 2 && (word_is(c, q, "to") || word_is(c, q, "until"))) {
			size_t p = an_tx_clock_before(c, q - 1, 0);
			if (p < q - 1 && word_is(c, p, "from"))
				q = p;
		}
		if (q < e && q > 1 && (word_is(c, q, "at") || (e < j && word_is(c, q, "from"))))
			j = q - 1;
	}
	/* ("runs from noon to 8 p.m. on Friday and from 9 a.m. to 5 p.m. on
	 * Saturday": the second day has the first's verb) */
	if (j > 2 && word_is(c, j, "and") && (c->tk[j - 1].w.cls & AN_TXW_WDAY) && j - 1 < tb)
		return depth < 7 ? sched_present(c, j - 1, j, depth + 1) : 0;
	if (c->tk[j].kind == AN_TK_WORD && !c->tk[j].sent &&
	    (ends_in(c->tk[j].low, "ly", 4) || strcmp(c->tk[j].low, "again") == 0 ||
	     strcmp(c->tk[j].low, "on") == 0))
		j--;
	/* "flies home on Saturday", "heads back Monday" */
	if (c->tk[j].kind == AN_TK_WORD && !c->tk[j].sent && j > 1 &&
	    (strcmp(c->tk[j].low, "home") == 0 || strcmp(c->tk[j].low, "back") == 0 ||
	     strcmp(c->tk[j].low, "abroad") == 0))
		j--;
	/* "The Rivermen open the division series on Wednesday": the verb
	 * with its object, whose determiner shows the verb, after a name
	 * ("let the convoy leave the base Saturday" is no schedule); so does
	 * an office taken or left ("Pastrana leaves office on August 7") */
	static const char *const posts[] = {"office", "power", "command", NULL};
	if (c->tk[j].kind == AN_TK_WORD && !(c->tk[j].w.cls & AN_TXW_SCHED) && j > 1)
		for (size_t k = j, n = 0; k > 1 && n < 8 && !c->tk[k].sent; k--, n++) {
			if ((c->tk[k].kind == AN_TK_PUNCT && !an_tx_is_dash(c, k)) || an_tx_cue(c, k))
				break;
			/* (or after "the" and a noun, in "-s": "The company
			 * holds a conference call with investors on Tuesday") */
			if ((c->tk[k - 1].w.cls & AN_TXW_SCHED) && c->tk[k - 1].kind == AN_TK_WORD &&
			    ((is_determiner(c, k) && !word_is(c, k, "that") && k > 2 &&
			      (an_tx_capital(c, k - 2) ||
			       (word_is(c, k - 3, "the") && (k == 3 || c->tk[k - 3].sent) &&
			        ends_in(c->tk[k - 1].low, "s", 2) && an_tx_word(c, k - 2) &&
			        !an_tx_cue(c, k - 2)))) ||
			     (k == j && an_tx_one_of(c, k, posts)))) {
				j = k - 1;
				break;
			}
		}
	if (c->tk[j].kind != AN_TK_WORD || !(c->tk[j].w.cls & AN_TXW_SCHED) || c->tk[j].sent ||
	    j == 0 || month_name(c, j))
		return 0;
	/* "state tests that begin on April 3": "that" after a plural noun
	 * is the relative pronoun, the verb its clause's ("before that vote
	 * on April 3" is the demonstrative) */
	int relative = j > 1 && word_is(c, j - 1, "that") && c->tk[j - 2].kind == AN_TK_WORD &&
	               !c->tk[j - 2].cap && ends_in(c->tk[j - 2].low, "s", 3) &&
	               !an_tx_cue(c, j - 2) && !ends_in(c->tk[j].low, "s", 1);
	/* ("holding rallies on Saturday": the object of a participle is a
	 * noun; not "the landing falls on Saturday", a noun in "-ing") */
	/* (a number before it makes it a noun, "a 5-2 vote Wednesday", but
	 * not the year that ends its subject: "The first meteor shower of
	 * 2016 peaks on Monday") */
	int year_of = j > 2 && c->tk[j - 1].kind == AN_TK_NUM && c->tk[j - 1].ndig == 4 &&
	              word_is(c, j - 2, "of") && ends_in(c->tk[j].low, "s", 2);
	if (an_tx_one_of(c, j - 1, an_tx_sched_aux) || (is_determiner(c, j - 1) && !relative) ||
	    (c->tk[j - 1].kind == AN_TK_NUM && !year_of) ||
	    (c->tk[j - 1].kind == AN_TK_WORD && ends_in(c->tk[j - 1].low, "ing", 4) &&
	     !c->tk[j - 1].cap && !(j > 1 && is_determiner(c, j - 2))))
		return 0;
	if (past_be(c, j - 1))
		return 0;
	/* ("The league suspended play on Thursday night": the object of a
	 * past verb, a noun) */
	if (c->tk[j - 1].kind == AN_TK_WORD && !c->tk[j - 1].cap && an_tx_cue(c, j - 1) < 0)
		return 0;
	return !an_tx_past_after(c, te);
}
