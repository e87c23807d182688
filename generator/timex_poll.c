/* timex_poll.c - the day of a vote.  An election story names its polling
 * day once ("went to the polls on Thursday", "ahead of the Holyrood
 * election on May 7") and then tells the hours of that day without it:
 * "Polling stations opened at 7 a.m. and were due to close at 10 p.m.".
 * Those hours are the polling day's, not the last day named before them
 * ("after Scots voted on Sept 11", "nominations close on Sept. 27").
 * an_tx_note_poll follows every timex emitted (timex.c); an_tx_poll_clock
 * gives a bare clock time its day (timex_clock.c). */
#include "timex_tense.h"

#include <stdlib.h>
#include <string.h>

/* What a vote is called ("won the governor's race in Virginia on
 * Tuesday": a race of another kind has no polling hours to date). */
static const char *const vote_words[] = {"election", "elections", "vote",    "referendum",
                                         "runoff",   "primaries", "ballot", "ballots",
                                         "race",     NULL};

/* What is done to a vote on a day other than its own: "since the Prime
 * Minister called the election on April 5", "called a snap election"
 * ("announced that elections will be held on Oct. 13" gives the vote's
 * own day). */
static const char *const call_words[] = {"called", "calls", "call", "calling", "announced",
                                         NULL};

/* The words of a sentence that tell polling hours. */
static const char *const hours_words[] = {"polls", "polling", "voting", NULL};

/* Whether token k names a vote: lower case, or the sentence's first word
 * ("the Election Commission" is a body, not a vote). */
static int vote_word(const an_tx_ctx *c, size_t k)
{
	/* (most words: out on their first letter, which no vote word has) */
	if (c->tk[k].kind != AN_TK_WORD || !strchr("erpvb", c->tk[k].low[0]))
		return 0;
	/* (the polls a vote goes to, not those of opinion: "went to the
	 * polls on Thursday") */
	if (k > 1 && word_is(c, k, "polls") && word_is(c, k - 1, "the") && word_is(c, k - 2, "to"))
		return 1;
	return an_tx_one_of(c, k, vote_words) && (!c->tk[k].cap || c->tk[k].sent);
}

/* Whether the vote word at k is the object of a call, up to two words
 * between ("called a snap election"), not past "that". */
static int called(const an_tx_ctx *c, size_t k)
{
	for (size_t j = k; j > 0 && k - j < 3 && !c->tk[j].sent; j--) {
		if (an_tx_one_of(c, j - 1, call_words))
			return 1;
		if (word_is(c, j - 1, "that"))
			return 0;
	}
	return 0;
}

/* Whether the day at [tb, te) is the vote's: a vote word before it in
 * its sentence with no verb of saying between ("elections ... will be
 * held in a single phase on Oct. 13", not "The Election Commission on
 * Wednesday announced that elections"), or right after it as the day's
 * vote ("Thursday's election", "the Nov. 5 election"). */
static int vote_day(const an_tx_ctx *c, size_t tb, size_t te)
{
	size_t k = te;
	if (k + 1 < c->n && an_tx_is_apos(c, k) && word_is(c, k + 1, "s"))
		k += 2;
	if (k < c->n && !c->tk[k].sent && vote_word(c, k))
		return 1;
	/* (eighty tokens back at most, as the other look-backs: a line of
	 * words without a full stop would make the walk quadratic) */
	for (size_t n = 0; k = tb - n, k > 0 && n < 80 && !c->tk[k].sent; n++)
		if (vote_word(c, k - 1)) {
			/* (the verbs of saying are looked for only once a vote
			 * word is found: most sentences have none) */
			for (size_t r = k; r < tb; r++)
				if (an_tx_one_of(c, r, reporting))
					return 0;
			return !called(c, k - 1);
		}
	return 0;
}

void an_tx_note_poll(an_tx_ctx *c, const an_tx_match *m)
{
	an_date d;
	/* (a vote within a year of the news: an older one is a story's) */
	if (c->poll_day_at || !an_tx_match_day(m, &d) ||
	    labs(an_date_to_days(d) - an_date_to_days(c->dct)) > 366 || !vote_day(c, m->tb, m->te))
		return;
	c->poll_day = d;
	c->poll_day_at = m->tb + 1;
}

int an_tx_poll_clock(const an_tx_ctx *c, size_t i, an_date *d)
{
	if (!c->poll_day_at || c->poll_day_at - 1 >= i)
		return 0;
	/* (the sentence around i, eighty tokens either side at most) */
	size_t b = i;
	while (b > 0 && i - b < 80 && !c->tk[b].sent)
		b--;
	for (size_t k = b; k < c->n && k < i + 80 && (k == b || !c->tk[k].sent); k++)
		if (an_tx_one_of(c, k, hours_words)) {
			*d = c->poll_day;
			return 1;
		}
	return 0;
}
