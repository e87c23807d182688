/* timex_ofyear.c - "July 1 of last year", "the spring of next year",
 * "March of this year": a date without a year whose year follows as "of"
 * and a relative year.  The rules match the date and the relative year
 * apart, the first with a guessed year ("March 3 of next year" was this
 * March); the driver (timex.c) joins them here into one timex with the
 * year named. */
#include "timex_impl.h"

#include <stdio.h>
#include <string.h>

/* The year of "of last/this/next year" (from the DCT) or "of that year",
 * "of that same year", "of the same/following/next/previous year" (from
 * the year of the reference time: a story's "the autumn of that year")
 * with e at "of": the index after "year", 0 for none. */
size_t an_tx_of_rel_year(const an_tx_ctx *c, size_t e, int *y)
{
	if (!an_tx_is(c, e, "of") || e + 2 >= c->n)
		return 0;
	size_t k = e + 1;
	int rel = 0, anaphor = 1;
	if (an_tx_deictic_step(c, k, &rel)) {
		anaphor = 0;
		k++;
	} else if (an_tx_is(c, k, "that")) {
		k += 1 + an_tx_is(c, k + 1, "same");
	} else if (an_tx_is(c, k, "the")) {
		k++;
		if (an_tx_is(c, k, "following") || an_tx_is(c, k, "next"))
			rel = 1;
		else if (an_tx_is(c, k, "previous") || an_tx_is(c, k, "preceding"))
			rel = -1;
		else if (!an_tx_is(c, k, "same"))
			return 0;
		k++;
	} else {
		return 0;
	}
	/* "the winner of last year's race": the year is a possessive */
	if (!an_tx_is(c, k, "year") || (k + 1 < c->n && an_tx_is_apos(c, k + 1)))
		return 0;
	/* "did not declare that the 2008 recession had begun until December
	 * of that year": a year written earlier in the sentence (sixty
	 * tokens back at most), though it only qualified a noun and set no
	 * reference, is the one meant */
	int named = 0;
	for (size_t q = e, n = 0; anaphor && q > 0 && n < 60 && !c->tk[q].sent && !named; n++) {
		q--;
		if (c->tk[q].kind == AN_TK_NUM && c->tk[q].ndig == 4 && c->tk[q].num >= 1000 &&
		    c->tk[q].num <= (long)c->dct.y + 50)
			named = (int)c->tk[q].num;
	}
	if (anaphor && !named && c->ref.g < AN_GRAN_YEAR)
		return 0; /* "that year" with no year named before */
	*y = (anaphor ? (named ? named : c->ref.d.y) : c->dct.y) + rel;
	return k + 1;
}

void an_tx_of_year(an_tx_match *m, const an_tx_ctx *c)
{
	size_t e = m->te;
	int y;
	size_t end = m->type == AN_TIMEX_DATE ? an_tx_of_rel_year(c, e, &y) : 0;
	if (!end)
		return;
	/* a month, a day or a season of spring to autumn: "2025-07-01",
	 * "2025-03", "2025-SP" (a winter spans two years) */
	const char *v = m->value;
	size_t n = strnlen(v, AN_TIMEX_VALUE_MAX);
	for (size_t k = 0; k < 4; k++)
		if (n < 7 || v[k] < '0' || v[k] > '9')
			return;
	int month = v[5] >= '0' && v[5] <= '9';
	if (v[4] != '-' || !(n == 7 || (n == 10 && month)) ||
	    (!month && strcmp(v + 5, "SP") != 0 && strcmp(v + 5, "SU") != 0 &&
	     strcmp(v + 5, "FA") != 0))
		return;
	/* a year written in the date already ("May 2024 of last year" is no
	 * phrase of news) */
	for (size_t k = m->tb; k < e; k++)
		if (c->tk[k].kind == AN_TK_NUM && c->tk[k].ndig == 4)
			return;
	if (n == 10) {
		an_date d = {y, (v[5] - '0') * 10 + (v[6] - '0'), (v[8] - '0') * 10 + (v[9] - '0')};
		if (!an_date_valid(d))
			return; /* "Feb. 29 of next year" in a common year */
	}
	char yy[8];
	snprintf(yy, sizeof yy, "%04d", y);
	memcpy(m->value, yy, 4);
	if (m->anchor.g != AN_GRAN_NONE)
		m->anchor.d.y = y;
	m->te = end;
}
