/* timex_part.c - the part of a period that "early", "mid" and "late"
 * name, alone ("late 1990s", "mid-October") or as a span of two parts
 * ("the mid-to-late 1990s", "early- to mid-March").  The dispatcher in
 * timex_rules.c wraps the date that follows. */
#include "timex_impl.h"

/* 1 early, 2 mid, 3 late; 0 for another word. */
static int part_word(const an_tx_ctx *c, size_t i)
{
	if (an_tx_is(c, i, "early"))
		return 1;
	if (an_tx_is(c, i, "mid") || an_tx_is(c, i, "middle"))
		return 2;
	return an_tx_is(c, i, "late") ? 3 : 0;
}

size_t an_tx_part(const an_tx_ctx *c, size_t i, const char **mod)
{
	static const char *const mods[] = {"", "START", "MID", "END"};
	int p = part_word(c, i);
	/* "will run a day late this week": after an amount of time the word
	 * says how far off schedule, not which part of the week ("cut for
	 * two weeks early next year" is a span, then a part) */
	if (!p || (i > 2 && (an_tx_cls(c, i - 1) & AN_TXW_UNIT) && !an_tx_is(c, i - 3, "for") &&
	           !an_tx_is(c, i - 3, "over") && !an_tx_is(c, i - 3, "within")))
		return 0;
	size_t j = i + 1;
	if (an_tx_is_punct(c, j, '-'))
		j++;
	/* A span of two neighbouring parts reaches one end of the period,
	 * and TimeML has no mod for two parts: "early-to-mid" takes START,
	 * "mid-to-late" END.  Without this the first part and "to" were
	 * left out of the timex. */
	size_t k = j + 1;
	if (an_tx_is_punct(c, k, '-')) /* "mid-to-late" */
		k++;
	int q = an_tx_is(c, j, "to") ? part_word(c, k) : 0;
	if (q == p + 1) {
		p = p == 1 ? 1 : q;
		j = k + 1;
		if (an_tx_is_punct(c, j, '-'))
			j++;
	}
	*mod = mods[p];
	return j;
}
