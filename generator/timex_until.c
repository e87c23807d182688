/* timex_until.c - the past and the conditions that an_tx_direction
 * (timex_anchor.c) asks about a clause: whether "until" follows a past
 * verb of its own clause ("The rules remained in force until June"),
 * whether the first tense after a sentence-opening "By March," is a past,
 * and whether a past after "if" or "unless" is a condition ahead ("would
 * suspend the strike if the operators dropped the conditions by Monday",
 * "threatened to publish the data unless a ransom was paid by Sunday"). */
#include "timex_tense.h"

/* After a sentence-initial "Until September," or "By March,": the first
 * tense cue of the sentence is a past ("the post was vacant", "the company
 * had cut 300 jobs"), not a reporting verb ("By Friday, officials said,
 * the deal will close"). */
int an_tx_right_past(const an_tx_ctx *c, size_t te)
{
	for (size_t j = te, d = 0; j < c->n && d < 10 && !c->tk[j].sent; j++, d++) {
		if (an_tx_one_of(c, j, reporting))
			return 0;
		int k = an_tx_cue(c, j);
		if (k)
			return k < 0;
	}
	return 0;
}

/* "The rules remained in force until June", "Until September, the post
 * was vacant": "until" after a past verb of its own clause looks back.
 * Not after a reported clause ("officials said the road was closed
 * until Monday" may shift an "is" back), nor across a comma. */
int an_tx_until_past(const an_tx_ctx *c, size_t u, size_t te)
{
	if (!word_is(c, u, "until") && !word_is(c, u, "till"))
		return 0;
	if (an_tx_granted_until(c, u, te))
		return 0; /* "gave them until Friday to respond" (timex_deadline.c) */
	if (c->tk[u].sent)
		return an_tx_right_past(c, te);
	int k = 0;
	size_t j = u;
	for (size_t d = 0; d < 7 && j > 0 && !c->tk[j].sent; d++) {
		j--;
		/* the full stop of "from Dec. 23 until Monday" is no break,
		 * nor the apostrophe of "didn't" */
		if (c->tk[j].kind == AN_TK_PUNCT &&
		    !(an_tx_is_punct(c, j, '.') && j > 0 && !c->tk[j].space &&
		      (c->tk[j - 1].w.cls & AN_TXW_NOBREAK)) &&
		    !(an_tx_is_apos(c, j) && !c->tk[j].space && word_is(c, j + 1, "t")))
			return 0;
		int nt = word_is(c, j, "t") && an_tx_is_apos(c, j - 1) && !c->tk[j].space;
		if (!nt && (k = an_tx_cue(c, j)) != 0)
			break;
		/* "criticized for not opening cooling centers until Friday":
		 * "not ... until" tells when a thing did happen; the tense
		 * before the negation says when ("will not open until",
		 * "didn't start again until") */
		/* ("told not to venture into the sea until Saturday": an
		 * order, ahead) */
		if (word_is(c, j, "not") && word_is(c, j + 1, "to"))
			return 0;
		if (word_is(c, j, "not") || word_is(c, j, "never") || nt) {
			/* ("as pupils do not return from their holidays until
			 * Monday": a present "do" is the tense, not a past
			 * participle before it) */
			for (size_t h = j, n = 0; h > 0 && n < 8 && !c->tk[h].sent && !k; n++) {
				if (word_is(c, h - 1, "do") || word_is(c, h - 1, "does"))
					return 0;
				k = an_tx_cue(c, --h);
			}
			return k < 0;
		}
	}
	if (k >= 0 || an_tx_one_of(c, j, reporting) || an_tx_resched_word(c, j))
		return 0; /* "postponed until Tuesday" is ahead */
	/* ("If the pattern held until Monday, it would be the wettest May":
	 * a condition's past, no past) */
	if (an_tx_unreal_if(c, j))
		return 0;
	/* "Surgeries have been cancelled until Monday", "has closed the road
	 * until Friday": a present perfect holds until then, ahead */
	if (present_perfect(c, j))
		return 0;
	/* (a reporting verb of the clause before ", and" reports no more:
	 * "Players reported problems on Monday, and matchmaking was not
	 * restored until New Year's Eve") */
	for (size_t d = 0; d < 20 && j > 0 && !c->tk[j].sent; d++) {
		if (an_tx_one_of(c, --j, reporting))
			return 0;
		if ((word_is(c, j, "and") || word_is(c, j, "but")) && j > 0 &&
		    an_tx_is_punct(c, j - 1, ','))
			break;
	}
	return 1;
}

/* Verbs of promising, whose object is ahead of them. */
const char *const an_tx_promise[] = {"promised", "pledged", "vowed", "guaranteed", NULL};

/* A modal of a condition's consequence at h. */
static int modal_ahead(const an_tx_ctx *c, size_t h)
{
	return word_is(c, h, "would") || word_is(c, h, "will") || word_is(c, h, "ll") ||
	       word_is(c, h, "could") || word_is(c, h, "might");
}

/* The subject pronouns a consequence opens with. */
static const char *const pronouns[] = {"she", "he", "they", "we", "it", "i", "you", NULL};

/* "would suspend the strike if the operators dropped the conditions by
 * 5pm on Monday", "the surplus could shrink if Wall Street stumbled in
 * the spring": a past after "if" under a "would", "will", "could" or
 * "might" before it is a condition ahead, no past. */
int an_tx_unreal_if(const an_tx_ctx *c, size_t j)
{
	size_t h = j;
	if (word_is(c, j, "had") || (j > 0 && word_is(c, j - 1, "had")))
		return 0; /* "if the board had met on Monday": a past unreal */
	for (size_t d = 0; d < 4 && h > 0 && !c->tk[h].sent; d++) {
		h--;
		if (c->tk[h].kind == AN_TK_PUNCT)
			return 0;
		if (word_is(c, h, "if") || word_is(c, h, "unless"))
			break;
	}
	if (!word_is(c, h, "if") && !word_is(c, h, "unless"))
		return 0;
	/* (or a threat or promise's infinitive: "threatened to publish the
	 * data unless a ransom was paid by midnight on Sunday"; not one told
	 * in the past perfect, whose day has gone) */
	for (size_t d = 0; d < 12 && h > 0 && !c->tk[h].sent; d++) {
		h--;
		if (modal_ahead(c, h))
			return !word_is(c, h + 1, "have"); /* "could have been worse if" */
		if (word_is(c, h, "to") && h > 1 && !word_is(c, h - 2, "had") &&
		    (an_tx_one_of(c, h - 1, an_tx_promise) || word_is(c, h - 1, "threatened")))
			return 1;
	}
	/* (or in the clause after it: "if there were further breaches
	 * before Christmas she would consider an endorsement", "..., she
	 * would") */
	for (size_t k = j + 1, d = 0; k < c->n && d < 20 && !c->tk[k].sent; k++, d++) {
		if (modal_ahead(c, k))
			return !word_is(c, k + 1, "have") && an_tx_one_of(c, k - 1, pronouns);
		if (c->tk[k].kind == AN_TK_PUNCT && !an_tx_is_punct(c, k, ','))
			return 0;
	}
	return 0;
}
