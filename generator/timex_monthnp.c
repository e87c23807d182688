/* timex_monthnp.c - a month name as the head of a noun phrase: "thanks to
 * a cool, wet May", "after a dry March.".  "May" and "March" are also
 * verbs and names, so a bare one needs a preposition before it
 * (timex_rules.c); an article with adjectives before it and the end of the
 * phrase after it are evidence as good.  A name that follows adjectives
 * ("a defiant May told MPs") has its verb after it, not a comma. */
#include "timex_impl.h"

#include <string.h>

int an_tx_month_np(const an_tx_ctx *c, size_t i, size_t e)
{
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
