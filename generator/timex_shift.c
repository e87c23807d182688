/* timex_shift.c - the quantifier of a shifted date: "more than a month
 * ago", "nearly three years later", "less than a year after", "some ten
 * years on".  The dispatcher (timex_rules.c) wraps the quantifier around
 * the date the count names and asks here which way the date moved, so
 * that the mod says where the event lies against that date: "more than
 * two years later" is after the two-years-later date, "more than a month
 * ago" before the month-ago one; "nearly", "about" only approximate it.
 * Also the amounts of deep time ("4.5 billion years ago") that
 * timex_rel.c reads as a past no calendar names. */
#include "timex_impl.h"

#include <string.h>

/* The direction of the shift word at k that ends a date: -1 for "ago",
 * "earlier", "before"; 1 for "later", "after", "on" ("A year on,"); 0 when
 * the date ends otherwise. */
int an_tx_shift_dir(const an_tx_ctx *c, size_t k)
{
	if (an_tx_is(c, k, "ago") || an_tx_is(c, k, "earlier") || an_tx_is(c, k, "before"))
		return -1;
	if (an_tx_is(c, k, "later") || an_tx_is(c, k, "after") || an_tx_is(c, k, "on"))
		return 1;
	return 0;
}

int an_tx_half_count(const an_tx_ctx *c, size_t i, size_t *j, long *n)
{
	if (an_tx_is(c, i, "half") && (an_tx_is(c, i + 1, "a") || an_tx_is(c, i + 1, "an"))) {
		*n = 1;
		*j = i + 2;
		return 1;
	}
	if (*j && *n == 1 && an_tx_is(c, *j, "half") && an_tx_is_punct(c, *j + 1, '-')) {
		*j += 2;
		return 1;
	}
	/* matched at "half", where it is half the unit: at "a" it would be a
	 * whole one ("half a century ago" a century back) */
	return i > 0 && an_tx_is(c, i - 1, "half") && *j && *n == 1 ? -1 : 0;
}

int an_tx_half_unit(long *n, an_tx_unit *u)
{
	static const struct {
		an_tx_unit unit, below;
		long count;
	} halves[] = {{AN_TXU_CENTURY, AN_TXU_YEAR, 50}, {AN_TXU_DECADE, AN_TXU_YEAR, 5},
	              {AN_TXU_YEAR, AN_TXU_MONTH, 6}, {AN_TXU_MONTH, AN_TXU_WEEK, 2},
	              {AN_TXU_WEEK, AN_TXU_DAY, 3},
	              {AN_TXU_DAY, AN_TXU_HOUR, 12},
	              {AN_TXU_HOUR, AN_TXU_MINUTE, 30}};
	for (size_t i = 0; i < sizeof halves / sizeof *halves; i++)
		if (halves[i].unit == *u) {
			*n = halves[i].count;
			*u = halves[i].below;
			return 1;
		}
	return 0;
}

/* The mod of a date shifted by dir (an_tx_shift_dir) under the
 * quantifier's mod qmod (MORE_THAN, LESS_THAN, APPROX, ...). */
const char *an_tx_shift_qmod(int dir, const char *qmod)
{
	if (strcmp(qmod, "APPROX") == 0)
		return qmod;
	int more = strcmp(qmod, "MORE_THAN") == 0 || strcmp(qmod, "EQUAL_OR_MORE") == 0;
	int incl = strncmp(qmod, "EQUAL", 5) == 0;
	/* more time before: earlier; less time before: later */
	if ((dir < 0) == more)
		return incl ? "ON_OR_BEFORE" : "BEFORE";
	return incl ? "ON_OR_AFTER" : "AFTER";
}

size_t an_tx_deep_count(const an_tx_ctx *c, size_t i, size_t j)
{
	static const char *const big[] = {"thousand", "million", "billion", NULL};
	static const char *const bigs[] = {"thousands", "millions", "billions", "hundreds", NULL};
	if (j)
		return an_tx_is(c, j + 2, "ago") && (an_tx_cls(c, j + 1) & AN_TXW_PLURAL) &&
		               an_tx_one_of(c, j, big)
		           ? j + 1 : 0;
	if (!an_tx_num(c, i)) {
		return an_tx_is(c, i + 3, "ago") && an_tx_is(c, i + 1, "of") &&
		               (an_tx_cls(c, i + 2) & AN_TXW_PLURAL) && an_tx_one_of(c, i, bigs)
		           ? i + 2 : 0;
	}
	/* "4.5 billion years ago" (a count with decimals counts nothing
	 * else; not "$4.5 billion") */
	if (an_tx_is_punct(c, i + 1, '.') && !c->tk[i + 1].space &&
	    an_tx_num(c, i + 2) && !c->tk[i + 2].space && an_tx_one_of(c, i + 3, big) &&
	    (an_tx_cls(c, i + 4) & AN_TXW_PLURAL) && an_tx_is(c, i + 5, "ago") &&
	    !(i > 0 && !c->tk[i].space && c->tk[i - 1].kind != AN_TK_WORD))
		return i + 4;
	return 0;
}
