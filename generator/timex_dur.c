/* timex_dur.c - durations ("two years", "for months", "the past several
 * months", "10-year") and the counts they and the sets of timex_set.c are
 * made of ("two", "twenty-four", "a few", "a couple of"), and the
 * quantifiers before them ("more than", "about"). */
#include "timex_impl.h"

#include <stdio.h>
#include <string.h>

#define TK(i) (c->tk[(i)])

void an_tx_set_value(an_tx_match *m, an_timex_type type, const char *v)
{
	m->type = type;
	an_tx_copy(m->value, sizeof m->value, v);
}

/* Copies with truncation; values never come near the limit, and avoiding
 * snprintf here keeps -Wformat-truncation quiet. */
void an_tx_copy(char *out, size_t cap, const char *s)
{
	size_t n = strlen(s);
	if (n >= cap)
		n = cap - 1;
	memcpy(out, s, n);
	out[n] = '\0';
}

/* The ISO 8601 duration letter(s) of a unit; sub-day units take "T". */
void an_tx_duration_value(char *dst, size_t dcap, an_tx_unit u, long n, int frac)
{
	char num[32], out[96];
	size_t cap = sizeof out;
	if (n < 0)
		snprintf(num, sizeof num, "X");
	else if (frac)
		snprintf(num, sizeof num, "%ld.5", n);
	else
		snprintf(num, sizeof num, "%ld", n);
	long k = n < 0 ? -1 : n;
	/* "a minute and a half", "5 1/2 hours", "2 1/2 years": ISO 8601 whole
	 * numbers of the next smaller unit (PT1M30S, PT5H30M, P2Y6M), as
	 * TimeBank writes all three; a half month or quarter has no such
	 * form and keeps the decimal */
	if (frac && k >= 0) {
		int done = 1;
		switch (u) {
		case AN_TXU_MINUTE: snprintf(out, cap, k ? "PT%ldM30S" : "PT30S", k); break;
		case AN_TXU_HOUR: snprintf(out, cap, k ? "PT%ldH30M" : "PT30M", k); break;
		case AN_TXU_DAY: snprintf(out, cap, k ? "P%ldDT12H" : "PT12H", k); break;
		case AN_TXU_WEEK: snprintf(out, cap, "P%ldDT12H", 7 * k + 3); break;
		case AN_TXU_YEAR: snprintf(out, cap, k ? "P%ldY6M" : "P6M", k); break;
		case AN_TXU_DECADE: snprintf(out, cap, "P%ldY", 10 * k + 5); break;
		case AN_TXU_CENTURY: snprintf(out, cap, "P%ldY", 100 * k + 50); break;
		case AN_TXU_MILLENNIUM: snprintf(out, cap, "P%ldY", 1000 * k + 500); break;
		default: done = 0; break;
		}
		if (done) {
			an_tx_copy(dst, dcap, out);
			return;
		}
	}
	switch (u) {
	case AN_TXU_SECOND: snprintf(out, cap, "PT%sS", num); break;
	case AN_TXU_MINUTE: snprintf(out, cap, "PT%sM", num); break;
	case AN_TXU_HOUR: snprintf(out, cap, "PT%sH", num); break;
	case AN_TXU_DAY: snprintf(out, cap, "P%sD", num); break;
	case AN_TXU_WEEK: snprintf(out, cap, "P%sW", num); break;
	case AN_TXU_WEEKEND: snprintf(out, cap, "P%sWE", num); break;
	/* two weeks; "a fortnight and a half" three */
	case AN_TXU_FORTNIGHT:
		if (k < 0)
			snprintf(out, cap, "PXW");
		else
			snprintf(out, cap, "P%ldW", 2 * k + (frac ? 1 : 0));
		break;
	case AN_TXU_MONTH: snprintf(out, cap, "P%sM", num); break;
	case AN_TXU_QUARTER: snprintf(out, cap, "P%sQ", num); break;
	case AN_TXU_SEASON: snprintf(out, cap, "P%sS", num); break;
	case AN_TXU_YEAR: snprintf(out, cap, "P%sY", num); break;
	/* a decade is ten years: "a decade" P10Y; vague "decades" PXDE, as
	 * TIDES writes the unit and the sets' annotators do (TimeBank has
	 * no vague decade to follow; its "centuries" are PXC once, PXE
	 * once, so centuries keep C) */
	case AN_TXU_DECADE:
		if (k < 0 || frac)
			snprintf(out, cap, "P%sDE", num);
		else
			snprintf(out, cap, "P%ldY", 10 * k);
		break;
	case AN_TXU_CENTURY:
		if (k < 0 || frac)
			snprintf(out, cap, "P%sC", num);
		else
			snprintf(out, cap, "P%ldY", 100 * k);
		break;
	case AN_TXU_MILLENNIUM:
		if (k < 0 || frac)
			snprintf(out, cap, "P%sL", num);
		else
			snprintf(out, cap, "P%ldY", 1000 * k);
		break;
	default: snprintf(out, cap, "PX"); break;
	}
	an_tx_copy(dst, dcap, out);
}

size_t an_tx_count(long *out, const an_tx_ctx *c, size_t i)
{
	if (i >= c->n)
		return 0;
	if (an_tx_num(c, i)) {
		/* part of a larger number or an amount of money: no count; nor
		 * the digit of a name ("the F1 season", "an A1 road") */
		if (i > 0 && !TK(i).space &&
		    ((TK(i - 1).kind == AN_TK_PUNCT && strchr("$.,/", TK(i - 1).low[0])) ||
		     TK(i - 1).kind == AN_TK_WORD))
			return 0;
		if (TK(i).num < 0 || TK(i).ndig > 5)
			return 0;
		long v = TK(i).num;
		size_t j = i + 1;
		/* "1,000" */
		while (j + 1 < c->n && an_tx_is_punct(c, j, ',') && !TK(j).space &&
		       an_tx_num(c, j + 1) && !TK(j + 1).space && TK(j + 1).ndig == 3 && v < 1000000) {
			v = v * 1000 + TK(j + 1).num;
			j += 2;
		}
		if (an_tx_is_punct(c, j, '.') && !TK(j).space && an_tx_num(c, j + 1) && !TK(j + 1).space)
			return 0; /* decimals are left alone */
		*out = v;
		return j;
	}
	if (!an_tx_word(c, i))
		return 0;
	const an_txw *w = &TK(i).w;
	if (an_tx_is(c, i, "a") && an_tx_is(c, i + 1, "few")) {
		*out = -1;
		return i + 2;
	}
	if (an_tx_is(c, i, "a") && an_tx_is(c, i + 1, "couple") && an_tx_is(c, i + 2, "of")) {
		*out = 2;
		return i + 3;
	}
	if (an_tx_is(c, i, "a") || an_tx_is(c, i, "an") || an_tx_is(c, i, "one")) {
		/* "a hundred years", "one thousand days" */
		if (an_tx_is(c, i + 1, "hundred") || an_tx_is(c, i + 1, "thousand")) {
			*out = an_tx_is(c, i + 1, "hundred") ? 100 : 1000;
			return i + 2;
		}
		*out = 1;
		return i + 1;
	}
	if (an_tx_is(c, i, "few") || an_tx_is(c, i, "several") || an_tx_is(c, i, "many") ||
	    an_tx_is(c, i, "some") || an_tx_is(c, i, "numerous")) {
		*out = -1;
		return i + 1;
	}
	if (an_tx_is(c, i, "couple") && an_tx_is(c, i + 1, "of")) {
		*out = 2;
		return i + 2;
	}
	if (!(w->cls & AN_TXW_NUM) || w->big)
		return 0;
	long v = w->num;
	size_t j = i + 1;
	/* "twenty-four", "twenty four" */
	if (v >= 20 && v % 10 == 0) {
		size_t k = j;
		if (an_tx_is_punct(c, k, '-') && !TK(k).space)
			k++;
		if (an_tx_word(c, k) && (TK(k).w.cls & AN_TXW_NUM) && !TK(k).w.big &&
		    TK(k).w.num >= 1 && TK(k).w.num <= 9) {
			v += TK(k).w.num;
			j = k + 1;
		}
	}
	if (an_tx_is(c, j, "hundred")) {
		v *= 100;
		j++;
	}
	*out = v;
	return j;
}

/* Quantifiers of an amount ("more than", "about") and of a point ("no
 * later than"), with their TIMEX3 mods; the dispatcher applies them. */
typedef struct {
	const char *w[3];
	const char *mod;
} an_tx_quant;

static const an_tx_quant quants[] = {
	{{"more", "than"}, "MORE_THAN"}, {{"over"}, "MORE_THAN"},
	{{"just", "over"}, "MORE_THAN"}, {{"well", "over"}, "MORE_THAN"},
	{{"at", "least"}, "EQUAL_OR_MORE"}, {{"nearly"}, "APPROX"},
	{{"almost"}, "APPROX"}, {{"about"}, "APPROX"}, {{"around"}, "APPROX"},
	{{"roughly"}, "APPROX"}, {{"approximately"}, "APPROX"},
	{{"some"}, "APPROX"}, {{"up", "to"}, "EQUAL_OR_LESS"},
	{{"no", "more", "than"}, "EQUAL_OR_LESS"}, {{"less", "than"}, "LESS_THAN"},
	{{"fewer", "than"}, "LESS_THAN"}, {{"under"}, "LESS_THAN"},
	{{"just", "under"}, "LESS_THAN"}, {{"circa"}, "APPROX"},
	/* deadlines and earliest dates: TimeML's mods of a point */
	{{"no", "later", "than"}, "ON_OR_BEFORE"}, {{"no", "earlier", "than"}, "ON_OR_AFTER"},
};

const char *an_tx_quantifier(const an_tx_ctx *c, size_t i, size_t *end)
{
	const char *best = NULL;
	size_t bestn = 0;
	*end = i;
	/* most tokens the dispatcher sees are numbers, units and names: out
	 * before the table on the first letters the quantifiers have */
	if (!an_tx_word(c, i) || !(TK(i).w.cls & AN_TXW_START) ||
	    !strchr("acfjlmnorsuw", TK(i).low[0]))
		return NULL;
	/* "a little more than a year", "a bit less than": the degree joins
	 * the bound */
	if (an_tx_is(c, i, "a") && (an_tx_is(c, i + 1, "little") || an_tx_is(c, i + 1, "bit")) &&
	    (an_tx_is(c, i + 2, "more") || an_tx_is(c, i + 2, "less")) &&
	    an_tx_is(c, i + 3, "than")) {
		*end = i + 4;
		return TK(i + 2).low[0] == 'm' ? "MORE_THAN" : "LESS_THAN";
	}
	if (!TK(i).low[1])
		return NULL;
	for (size_t q = 0; q < sizeof quants / sizeof quants[0]; q++) {
		size_t n = 0;
		while (n < 3 && quants[q].w[n] && an_tx_is(c, i + n, quants[q].w[n]))
			n++;
		if ((n == 3 || !quants[q].w[n]) && n > bestn) {
			bestn = n;
			best = quants[q].mod;
		}
	}
	*end = i + bestn;
	/* "talking about a few weeks", "about several months": no one
	 * rounds a vague amount, so "about" is the preposition there; so it
	 * is before "the" ("worried about the months ahead") */
	if (best && strcmp(best, "APPROX") == 0 &&
	    ((an_tx_is(c, *end, "a") && an_tx_is(c, *end + 1, "few")) ||
	     (an_tx_is(c, i, "about") && an_tx_is(c, *end, "the")) ||
	     an_tx_is(c, *end, "several") || an_tx_is(c, *end, "many") ||
	     an_tx_is(c, *end, "few"))) {
		*end = i;
		return NULL;
	}
	return best;
}

void an_tx_or_so(an_tx_match *m, const an_tx_ctx *c)
{
	static const char *const more[] = {"more", "longer", NULL};
	static const char *const less[] = {"less", "fewer", "shorter", NULL};
	if (m->te == 0 || !(an_tx_cls(c, m->te - 1) & AN_TXW_UNIT) || !an_tx_is(c, m->te, "or"))
		return;
	const char *mod = an_tx_is(c, m->te + 1, "so") ? "APPROX"
	                  : m->type != AN_TIMEX_DURATION ? NULL
	                  : an_tx_one_of(c, m->te + 1, more) ? "EQUAL_OR_MORE"
	                  : an_tx_one_of(c, m->te + 1, less) ? "EQUAL_OR_LESS"
	                                                     : NULL;
	/* (not "two years or more than that") */
	if (!mod || an_tx_is(c, m->te + 2, "than"))
		return;
	m->te += 2;
	if (!m->mod[0])
		an_tx_copy(m->mod, sizeof m->mod, mod);
}

const char *an_tx_amount_qmod(const an_tx_ctx *c, size_t i, an_timex_type t, const char *qmod)
{
	/* (TimeBank: 4 of its 6 such durations; a point, "nearly two
	 * weeks ago", stays approximate) */
	if (t == AN_TIMEX_DURATION && (an_tx_is(c, i, "almost") || an_tx_is(c, i, "nearly")))
		return "LESS_THAN";
	return qmod;
}

/* Whether the tokens before i end an amount: "$5 million", "7%", "700
 * seats", "three": "a year" or "per year" after one is the rate of a
 * quantity, which TimeBank leaves untagged (7 of 9), not a recurring time. */
static int after_amount(const an_tx_ctx *c, size_t i)
{
	if (i == 0)
		return 0;
	const an_tk *p = &TK(i - 1);
	if (p->kind == AN_TK_NUM || an_tx_is(c, i - 1, "million") ||
	    an_tx_is(c, i - 1, "billion") || an_tx_is(c, i - 1, "trillion") ||
	    an_tx_is(c, i - 1, "percent") || an_tx_is_punct(c, i - 1, '%') ||
	    (an_tx_cls(c, i - 1) & AN_TXW_NUM))
		return 1;
	/* "40 bus trips a day": a compound noun counted */
	size_t q = i - 1;
	if (q > 1 && an_tx_word(c, q - 1) && !an_tx_capital(c, q - 1) && !TK(q - 1).w.cls &&
	    (TK(q - 2).kind == AN_TK_NUM || (an_tx_cls(c, q - 2) & AN_TXW_NUM)))
		q--;
	return q >= 1 && p->kind == AN_TK_WORD && !an_tx_capital(c, i - 1) &&
	       (TK(q - 1).kind == AN_TK_NUM || an_tx_is(c, q - 1, "million") ||
	        an_tx_is(c, q - 1, "billion") || (an_tx_cls(c, q - 1) & AN_TXW_NUM));
}

/* "dozens of interviews a day", "a handful of ships a week": how often a
 * thing happens, a SET, as TimeBank has "hundreds of interviews a day"
 * (not the length of time that "a day" alone would be) */
static int after_heap(const an_tx_ctx *c, size_t i)
{
	static const char *const heaps[] = {"handful", "dozen", "dozens", "hundreds",
	                                    "thousands", "millions", "scores", "lots", "couple",
	                                    "number", "tens", NULL};
	return i > 2 && an_tx_word(c, i - 1) && !an_tx_capital(c, i - 1) &&
	       !(an_tx_cls(c, i - 1) & AN_TXW_UNIT) && an_tx_is(c, i - 2, "of") &&
	       an_tx_one_of(c, i - 3, heaps);
}

/* "have faced months of disruption", "amid weeks of talks", "ended
 * years of war": a bare plural unit after a past verb or a preposition of
 * circumstance is the length of what "of" names; not "the final weeks of
 * campaigning" (an adjective before), nor "days of the week" (a
 * determiner after). */
static int span_of(const an_tx_ctx *c, size_t j)
{
	static const char *const before[] = {"amid", "despite", "following", "through",
	                                     "endure", "endures", "face", "faces", "facing",
	                                     "brings", "bring", "brought", "ending", "ends",
	                                     /* "said months of uncertainty had
	                                      * cost", "describe months of
	                                      * separation", "given years of
	                                      * warning", "caps months of debate" */
	                                     "said", "says", "describe", "describes", "given",
	                                     "caps", "capped", "with", "without", NULL};
	static const char *const dets[] = {"the", "a", "an", "this", "that", "these", "those",
	                                   "his", "her", "its", "their", "our", "my", "your",
	                                   NULL};
	if (j == 0 || !an_tx_is(c, j + 1, "of") || !an_tx_word(c, j + 2) || TK(j + 2).cap ||
	    an_tx_one_of(c, j + 2, dets) || TK(j + 2).w.cls || !an_tx_word(c, j - 1) ||
	    TK(j - 1).cap)
		return 0;
	const char *w = TK(j - 1).low;
	size_t n = strlen(w);
	return an_tx_one_of(c, j - 1, before) ||
	       (n > 4 && strcmp(w + n - 2, "ed") == 0 && !TK(j - 1).w.cls);
}

/* Words that qualify a bare plural unit after them ("the final weeks",
 * "several days"): a period of its own, no length. */
static const char *const plural_qualifiers[] = {
	"the", "a", "these", "those", "its", "his", "her", "their", "our", "final", "last",
	"first", "few", "several", "many", "next", "early", "late", "recent", "past",
	"coming", "previous", "following", "same", "long", "two", "three", "of", "in",
	"for", "within", NULL};

/* "struck just weeks before the harvest", "Hours before the deadline,
 * talks collapsed": a bare plural unit before "before" or "after" and
 * the event it counts from is how long before or after it (as "two days
 * before the vote" tags "two days"); only where nothing qualifies the
 * plural ("in the days before the slaying" is a period of its own). */
static int anchored_plural(const an_tx_ctx *c, size_t j)
{
	static const char *const only[] = {"just", "only", "mere", "barely", NULL};
	/* (after a comma or a clause's object too: "resigned on Friday
	 * night, hours after 23 lawmakers ...", "inherited the contract
	 * weeks before the system went live"; not after a word that
	 * qualifies the plural: "the final weeks before", "several days") */

	if (!(an_tx_is(c, j + 1, "before") || an_tx_is(c, j + 1, "after")) ||
	    !(an_tx_word(c, j + 2) || an_tx_num(c, j + 2)))
		return 0;
	if (TK(j).sent || an_tx_one_of(c, j - 1, only) || an_tx_is_punct(c, j - 1, ','))
		return 1;
	/* (a verb's cue class is no qualifier: "The results came hours
	 * after an outage", "struck weeks before the harvest") */
	/* (not a copula's: "There were years before the war when peace
	 * held" names years; "It was weeks before" is the caller's) */
	static const char *const copulas[] = {"was", "were", "is", "are", "be", "been", NULL};
	unsigned verb = AN_TXW_PAST | AN_TXW_FUTURE | AN_TXW_SCHED;
	return an_tx_word(c, j - 1) && !TK(j - 1).cap && !(TK(j - 1).w.cls & ~verb) &&
	       !an_tx_one_of(c, j - 1, copulas) &&
	       !an_tx_one_of(c, j - 1, plural_qualifiers) && !an_tx_count(&(long){0}, c, j - 1);
}

/* The place of a unit among the parts of an ISO 8601 duration (Y M D H
 * M S; a week is 7 days), -1 for units that take no part. */
static int part_of(an_tx_unit u)
{
	static const signed char part[] = {
		[AN_TXU_YEAR] = 0, [AN_TXU_MONTH] = 1, [AN_TXU_WEEK] = 2, [AN_TXU_DAY] = 2,
		[AN_TXU_HOUR] = 3, [AN_TXU_MINUTE] = 4, [AN_TXU_SECOND] = 5, [AN_TXU_NONE] = -1,
		[AN_TXU_WEEKEND] = -1, [AN_TXU_FORTNIGHT] = -1, [AN_TXU_QUARTER] = -1,
		[AN_TXU_SEASON] = -1, [AN_TXU_DECADE] = -1, [AN_TXU_CENTURY] = -1,
		[AN_TXU_MILLENNIUM] = -1};
	return (unsigned)u < sizeof part ? part[u] : -1;
}

/* "4.2 seconds", "2.47 seconds": a count, a full stop and up to three
 * decimals written without spaces, then a unit at j + 3. */
static int decimal_unit(const an_tx_ctx *c, size_t j)
{
	return an_tx_num(c, j) && an_tx_is_punct(c, j + 1, '.') && an_tx_glued(c, j + 1) &&
	       an_tx_num(c, j + 2) && an_tx_glued(c, j + 2) && TK(j + 2).ndig <= 3 &&
	       an_tx_word(c, j + 3) && (TK(j + 3).w.cls & AN_TXW_UNIT);
}

/* "29 minutes 45 seconds", "25 hours and 5 minutes", "two years and
 * three months": smaller units after a duration join it as one value
 * (PT29M45S, PT25H5M, P2Y3M).  e is the end of the first part, of n units
 * u; returns the end of the last part and rewrites v when one joins. */
static size_t compound(char *v, size_t cap, const an_tx_ctx *c, size_t e, an_tx_unit u, long n)
{
	static const char letter[] = "YMDHMS";
	long amt[6] = {0};
	int last = part_of(u), parts = 0, commas = 0;
	size_t frac = 0; /* the token of the seconds' decimals, 0: none */
	if (last < 0)
		return e;
	amt[last] = u == AN_TXU_WEEK ? 7 * n : n;
	for (;;) {
		size_t k = e;
		int comma = 0;
		if (an_tx_is(c, k, "and")) {
			k++; /* not a comma: "Over two days, 10 hours of talks" */
		} else if (an_tx_is_punct(c, k, ',') && last >= 3) {
			/* but a race time: "2 hours, 23 minutes, 7 seconds" */
			comma = 1;
			k += 1 + an_tx_is(c, k + 1, "and");
		}
		/* "31 minutes 2.47 seconds": decimals of seconds end a time */
		if (last < 5 && decimal_unit(c, k) && TK(k).num >= 0 &&
		    TK(k + 3).w.unit == AN_TXU_SECOND && (!comma || !parts || commas)) {
			amt[5] = TK(k).num;
			frac = k + 2;
			parts++;
			e = k + 4;
			break;
		}
		long m;
		size_t q = an_tx_count(&m, c, k);
		if (!q || m < 0 || !an_tx_word(c, q) || !(TK(q).w.cls & AN_TXW_UNIT) ||
		    an_tx_is(c, k, "a") || an_tx_is(c, k, "an") || an_tx_is(c, q + 1, "ago"))
			break;
		int p = part_of((an_tx_unit)TK(q).w.unit);
		/* "two weeks and three days": the days add to the weeks' */
		int days = p == 2 && last == 2 && !parts && u == AN_TXU_WEEK &&
		           TK(q).w.unit == AN_TXU_DAY;
		/* a race time is written with commas throughout, and ends
		 * there: "in five hours 12 minutes, 34 seconds ahead of the
		 * group" is a time and a gap */
		static const char *const gap[] = {"ahead", "behind", "more", "less", "later",
		                                  "earlier", "before", "after", "longer", "shorter",
		                                  "faster", "slower", "off", "clear", NULL};
		if (comma && (p < 4 || (parts && !commas) || an_tx_one_of(c, q + 1, gap)))
			break;
		commas = comma;
		if (p <= last && !days)
			break;
		amt[p] += TK(q).w.unit == AN_TXU_WEEK ? 7 * m : m;
		last = p;
		parts++;
		e = q + 1;
	}
	if (!parts)
		return e;
	char out[AN_TIMEX_VALUE_MAX], *o = out;
	size_t room = sizeof out;
	int w = snprintf(o, room, "P");
	for (int p = 0; p < 6 && w >= 0 && (size_t)w < room; p++) {
		o += w;
		room -= (size_t)w;
		w = 0;
		if (p == 3 && (amt[3] || amt[4] || amt[5]))
			w = snprintf(o, room, "T");
		if (p == 5 && frac && w >= 0 && (size_t)w < room)
			w += snprintf(o + w, room - (size_t)w, "%ld.%.*sS", amt[p],
			              (int)(TK(frac).end - TK(frac).start), c->text + TK(frac).start);
		else if (amt[p] && w >= 0 && (size_t)w < room)
			w += snprintf(o + w, room - (size_t)w, "%ld%c", amt[p], letter[p]);
	}
	an_tx_copy(v, cap, out);
	return e;
}

/* Words that may follow a noun "half-century" ("the half-century since
 * the war"), where an adjective's noun would stand. */
static const char *const noun_ends[] = {"of", "since", "before", "after", "and", "or", "in",
                                        "to", "that", "which", "when", "ago", "for", "is",
                                        "was", "has", "had", "will", "with", NULL};

/* Durations: "two years", "a month", "the past several months", "for
 * months", "10-year", "a couple of weeks". */
/* "4.2 seconds", "10.02 seconds", "3.5 years": a decimal amount of time
 * (an_tx_count takes no decimals).  A half is written in the next smaller
 * unit, as "5 1/2 hours" is; another fraction as ISO 8601's decimal of the
 * last unit ("PT4.2S"). */
static size_t decimal_amount(an_tx_match *m, const an_tx_ctx *c, size_t j)
{
	static const char letter[AN_TXU_YEAR + 1] = {
		[AN_TXU_SECOND] = 'S', [AN_TXU_MINUTE] = 'M', [AN_TXU_HOUR] = 'H',
		[AN_TXU_DAY] = 'D', [AN_TXU_WEEK] = 'W', [AN_TXU_MONTH] = 'M', [AN_TXU_YEAR] = 'Y'};
	if (!decimal_unit(c, j) || TK(j).ndig > 4 || !(an_tx_cls(c, j + 3) & AN_TXW_PLURAL) ||
	    TK(j + 3).cap || an_tx_is(c, j + 4, "ago") || an_tx_is(c, j + 4, "old") ||
	    (j > 0 && !TK(j).space && TK(j - 1).kind != AN_TK_WORD && TK(j - 1).low[0] &&
	     strchr("$.,:", TK(j - 1).low[0])))
		return 0;
	an_tx_unit u = (an_tx_unit)TK(j + 3).w.unit;
	if (u < AN_TXU_SECOND || u > AN_TXU_YEAR || !letter[u])
		return 0;
	char v[AN_TIMEX_VALUE_MAX];
	const char *frac = c->text + TK(j + 2).start;
	int nf = (int)(TK(j + 2).end - TK(j + 2).start);
	if (nf == 1 && frac[0] == '5')
		an_tx_duration_value(v, sizeof v, u, TK(j).num, 1);
	else
		snprintf(v, sizeof v, "P%s%ld.%.*s%c", u <= AN_TXU_HOUR ? "T" : "", TK(j).num, nf,
		         frac, letter[u]);
	an_tx_set_value(m, AN_TIMEX_DURATION, v);
	return j + 4;
}

size_t an_tx_duration(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	size_t j = i;
	int lead = 0;
	/* "expected to last three weeks", "will last two days": the verb, not
	 * "the last three weeks"; the duration is matched from the count */
	static const char *const before_verb[] = {"to", "will", "would", "could", "may", "might",
	                                          "should", "can", "ll", "not", "must", NULL};
	if (an_tx_is(c, j, "last") && j > 0 && an_tx_one_of(c, j - 1, before_verb))
		return 0;
	/* "could last another decade", "at least another year": one more
	 * unit, as "another six months" is six (not "year after another");
	 * so is "a further week", "a further two weeks" */
	int another = an_tx_is(c, j, "another");
	if (an_tx_is(c, j, "a") && an_tx_is(c, j + 1, "further")) {
		j++;
		another = 1;
	}
	if (another && an_tx_word(c, j + 1) && !an_tx_capital(c, j + 1) &&
	    (TK(j + 1).w.cls & AN_TXW_UNIT) && !(TK(j + 1).w.cls & AN_TXW_PLURAL) &&
	    /* ("another year of dither and delay", not "another week of
	     * June", "another day of the month") */
	    !(an_tx_is(c, j + 2, "of") &&
	      (an_tx_is(c, j + 3, "the") || an_tx_capital(c, j + 3) || an_tx_num(c, j + 3) ||
	       (an_tx_cls(c, j + 3) & (AN_TXW_MONTH | AN_TXW_UNIT | AN_TXW_SEASON)))) &&
	    !an_tx_is_apos(c, j + 2) && !an_tx_is_punct(c, j + 2, '-')) {
		an_tx_unit u = (an_tx_unit)TK(j + 1).w.unit;
		if (u == AN_TXU_QUARTER || u == AN_TXU_SEASON || u == AN_TXU_WEEKEND)
			return 0;
		char v[AN_TIMEX_VALUE_MAX];
		an_tx_duration_value(v, sizeof v, u, 1, 0);
		an_tx_set_value(m, AN_TIMEX_DURATION, v);
		return j + 2;
	}
	if (an_tx_is(c, j, "past") || an_tx_is(c, j, "last") || an_tx_is(c, j, "next") ||
	    an_tx_is(c, j, "first") || an_tx_is(c, j, "previous") || an_tx_is(c, j, "coming") ||
	    an_tx_is(c, j, "final") || an_tx_is(c, j, "latest") || an_tx_is(c, j, "additional") ||
	    an_tx_is(c, j, "following") || an_tx_is(c, j, "trailing") ||
	    /* "another two quarters", "another 10 days" (a single unit,
	     * "another year", is read above) */
	    (another && !an_tx_is(c, j + 1, "a") &&
	     (an_tx_num(c, j + 1) || (an_tx_cls(c, j + 1) & AN_TXW_NUM) ||
	      an_tx_is(c, j + 1, "few") || an_tx_is(c, j + 1, "several")))) {
		j++;
		lead = 1;
		/* "who lost in the final two years ago": the amount is "ago"'s */
		long n;
		size_t q = an_tx_count(&n, c, j);
		if (q && (an_tx_cls(c, q) & AN_TXW_UNIT) && an_tx_is(c, q + 1, "ago"))
			return 0;
		/* "the previous five-year agreement": the word is the noun's,
		 * the adjective "five-year" is read from its count on */
		if (q && an_tx_is_punct(c, q, '-') && !TK(q).space &&
		    (an_tx_cls(c, q + 1) & AN_TXW_UNIT) && !(an_tx_cls(c, q + 1) & AN_TXW_PLURAL))
			return 0;
	}
	/* "every half hour", "each quarter hour": the set's unit, no article */
	int every = j > 0 && (an_tx_is(c, j - 1, "every") || an_tx_is(c, j - 1, "each"));
	/* "a quarter century", "a quarter-century", "the past quarter century",
	 * "a quarter of an hour": 25 years, 15 minutes.  "the past quarter"
	 * alone is a business quarter, and "century" was left over. */
	{
		size_t q = j + (an_tx_is(c, j, "a") && an_tx_is(c, j + 1, "quarter"));
		size_t k = q + 1;
		if (an_tx_is_punct(c, k, '-') && !TK(k).space)
			k++;
		else if (an_tx_is(c, k, "of") && (an_tx_is(c, k + 1, "a") || an_tx_is(c, k + 1, "an")))
			k += 2;
		int cen = an_tx_is(c, k, "century");
		if (an_tx_is(c, q, "quarter") && (q > j || lead || every) &&
		    (cen || an_tx_is(c, k, "hour")) &&
		    !an_tx_is(c, k + 1, "old") && !an_tx_is_punct(c, k + 1, '-')) {
			an_tx_set_value(m, AN_TIMEX_DURATION, cen ? "P25Y" : "PT15M");
			m->the_ok = 1;
			return k + 1;
		}
	}
	/* "half a century", "a half-century", "the past half century": half
	 * of one unit.  Without this, "the past" was a PAST_REF, "half a
	 * century" a century and "the last half-century" the second half of
	 * the year. */
	{
		size_t h = j, k = 0;
		int hyph = 0;
		if (an_tx_is(c, h + 1, "half") && (an_tx_is(c, h, "a") || an_tx_is(c, h, "an")))
			h++;
		if (an_tx_is(c, h, "half")) {
			k = h + 1;
			if (h == j && (an_tx_is(c, k, "a") || an_tx_is(c, k, "an")))
				k++;
			else if (an_tx_is_punct(c, k, '-') && !TK(k).space && k + 1 < c->n && !TK(k + 1).space)
				hyph = (int)++k;
			else if (h == j && !lead && !every)
				k = 0; /* "half century": only after "a" or "the past" */
		}
		if (k && an_tx_word(c, k) && (TK(k).w.cls & AN_TXW_UNIT) &&
		    !(TK(k).w.cls & AN_TXW_PLURAL) && !an_tx_capital(c, k)) {
			an_tx_unit u = (an_tx_unit)TK(k).w.unit;
			/* "half a second", "half a quarter", "a half-season": no
			 * such durations in news; "a half-century-old bridge": an age */
			if (u == AN_TXU_SECOND || u == AN_TXU_QUARTER || u == AN_TXU_SEASON ||
			    u == AN_TXU_WEEKEND || u == AN_TXU_FORTNIGHT ||
			    (an_tx_is_punct(c, k + 1, '-') && an_tx_is(c, k + 2, "old")) ||
			    an_tx_is(c, k + 1, "old") || an_tx_is(c, k + 1, "ago"))
				return 0;
			char v[AN_TIMEX_VALUE_MAX];
			/* "the half-hour show", "a half-hour drive": an adjective
			 * before its noun takes no article, as "the two-week delay"
			 * does not; the article is the noun's */
			int adj = hyph && !lead && an_tx_word(c, k + 1) && !an_tx_capital(c, k + 1) &&
			          !(TK(k + 1).w.cls & AN_TXW_START) && !an_tx_one_of(c, k + 1, noun_ends);
			if (adj && h > j)
				return 0;
			an_tx_duration_value(v, sizeof v, u, 0, 1);
			an_tx_set_value(m, AN_TIMEX_DURATION, v);
			m->the_ok = !adj;
			return k + 1;
		}
	}
	size_t de = decimal_amount(m, c, j);
	if (de)
		return de;
	long n;
	size_t k = an_tx_count(&n, c, j);
	int half = 0;
	/* "six to eight weeks", "the next 12 to 18 months", "5-7 days": one
	 * DURATION of at least the first count, as TimeBank has "two to
	 * three weeks" (P2W, EQUAL_OR_MORE) and "the next 12 to 18 months" */
	int range = 0;
	if (k && n >= 1 && !an_tx_is(c, j, "a") && !an_tx_is(c, j, "an")) {
		long n2;
		size_t r = an_tx_is(c, k, "to") || (an_tx_is_punct(c, k, '-') && an_tx_num(c, j) &&
		                                    !TK(k).space && !TK(k + 1 < c->n ? k + 1 : k).space)
		           ? k + 1 : 0;
		size_t q = r ? an_tx_count(&n2, c, r) : 0;
		if (q && n2 > n && !an_tx_is(c, r, "a") && !an_tx_is(c, r, "an") &&
		    (an_tx_cls(c, q) & AN_TXW_PLURAL) && !an_tx_capital(c, q)) {
			k = q;
			range = 1;
		}
	}
	/* "5 1/2 hours": a whole number, then "1/2" on its own */
	if (k && an_tx_num(c, j) && k == j + 1 && n >= 0 && an_tx_num(c, k) && TK(k).num == 1 &&
	    TK(k).space && an_tx_is_punct(c, k + 1, '/') && !TK(k + 1).space &&
	    an_tx_num(c, k + 2) && TK(k + 2).num == 2 && !TK(k + 2).space && TK(k + 2).ndig == 1) {
		half = 1;
		k += 3;
	}
	/* "three and a half weeks" */
	if (k && n >= 1 && an_tx_is(c, k, "and") && an_tx_is(c, k + 1, "a") &&
	    an_tx_is(c, k + 2, "half") && (an_tx_cls(c, k + 3) & AN_TXW_UNIT)) {
		half = 1;
		k += 3;
	}
	if (k) {
		/* "10-year", "two-day" */
		int hyph = an_tx_is_punct(c, k, '-') && !TK(k).space && !TK(k + 1 < c->n ? k + 1 : k).space;
		if (hyph)
			k++;
		/* "two more days", "six consecutive weeks", "10 straight days":
		 * the adjective counts the same units */
		if (an_tx_is(c, k, "more") || an_tx_is(c, k, "full") || an_tx_is(c, k, "long") ||
		    an_tx_is(c, k, "additional") || an_tx_is(c, k, "extra") ||
		    an_tx_is(c, k, "consecutive") || an_tx_is(c, k, "straight") ||
		    an_tx_is(c, k, "successive") || (an_tx_is(c, k, "single") && n == 1))
			k++; /* also "in a single day" */
		/* "eight trading days", "five business days", "the past three
		 * fiscal years", "the next two financial years" (not "changed
		 * from a fiscal year to a calendar year", a kind of year) */
		if ((an_tx_is(c, k, "trading") || an_tx_is(c, k, "business")) && an_tx_word(c, k + 1) &&
		    (TK(k + 1).w.cls & AN_TXW_UNIT) && TK(k + 1).w.unit == AN_TXU_DAY)
			k++;
		else if ((an_tx_is(c, k, "fiscal") || an_tx_is(c, k, "financial")) &&
		         !an_tx_is(c, j, "a") && an_tx_word(c, k + 1) &&
		         (TK(k + 1).w.cls & AN_TXW_UNIT) &&
		         (TK(k + 1).w.unit == AN_TXU_YEAR || TK(k + 1).w.unit == AN_TXU_QUARTER))
			k++;
		if (!an_tx_word(c, k) || !(TK(k).w.cls & AN_TXW_UNIT))
			return 0;
		int bare_a = (an_tx_is(c, j, "a") || an_tx_is(c, j, "an")) && n == 1;
		if (bare_a && (TK(k).w.cls & AN_TXW_PLURAL))
			return 0;
		an_tx_unit u = (an_tx_unit)TK(k).w.unit;
		int one = n == 1;
		if (u == AN_TXU_WEEKEND && n == 1 && !lead)
			return 0;
		/* "a second term", "a quarter of the shares", "three-quarters",
		 * "the 1988 quarter", "60 Minutes" */
		/* (but "for about a second in late 2016", "lasted a second.":
		 * after a word of measure, with no noun after it, a second of
		 * time; "a second, smaller blast" is none) */
		static const char *const sec_before[] = {"about", "around", "roughly", "nearly",
		                                         "almost", "for", "within", "lasted", "took",
		                                         "takes", "than", NULL};
		static const char *const sec_ends[] = {"to", "or", "and", "later", "earlier", "before",
		                                       "after", "longer", "in", NULL};
		if ((u == AN_TXU_SECOND || u == AN_TXU_QUARTER) && one && !lead &&
		    !(u == AN_TXU_SECOND && j > 0 && an_tx_one_of(c, j - 1, sec_before) &&
		      (k + 1 >= c->n || TK(k + 1).kind == AN_TK_PUNCT ||
		       an_tx_one_of(c, k + 1, sec_ends))))
			return 0;
		/* "after 15 seasons", "the past two seasons": a sports season is
		 * a competition of some months, counted like games or terms, not
		 * a length of calendar time (TimeML tags no "three terms") */
		if (u == AN_TXU_SEASON)
			return 0;
		if (hyph && (TK(k).w.cls & AN_TXW_PLURAL))
			return 0;
		/* "the 14th Five-Year Plan": a name, not a span */
		if (hyph && TK(j).cap && !TK(j).sent && an_tx_capital(c, k + 1))
			return 0;
		if (n >= 1000 && !(TK(k).w.cls & AN_TXW_PLURAL))
			return 0;
		if (an_tx_capital(c, k) && !TK(k).sent && !TK(j).cap)
			return 0;
		/* "a 30-year-old man", "17-year-olds": an age, not a duration */
		if (an_tx_is_punct(c, k + 1, '-') &&
		    (an_tx_is(c, k + 2, "old") || an_tx_is(c, k + 2, "olds")))
			return 0;
		if (an_tx_is(c, k + 1, "old") || an_tx_is(c, k + 1, "olds"))
			return 0;
		/* "a year-earlier loss", "by year-end": a date, see timex_rel.c */
		if (an_tx_is_punct(c, k + 1, '-') && !TK(k + 1).space && k + 2 < c->n &&
		    !TK(k + 2).space &&
		    (an_tx_is(c, k + 2, "earlier") || an_tx_is(c, k + 2, "ago") ||
		     an_tx_is(c, k + 2, "end")))
			return 0;
		int frac = half;
		size_t e = k + 1;
		/* "a year and a half" */
		if (an_tx_is(c, e, "and") && an_tx_is(c, e + 1, "a") && an_tx_is(c, e + 2, "half") &&
		    n > 0 && !frac) {
			frac = 1;
			e += 3;
		}
		char v[AN_TIMEX_VALUE_MAX];
		an_tx_duration_value(v, sizeof v, u, n, frac);
		if (!frac && !hyph && !range && n >= 0)
			e = compound(v, sizeof v, c, e, u, n);
		/* "three times a week": a set */
		if (an_tx_is(c, j, "a") && i == j && i > 0 && an_tx_is(c, i - 1, "times")) {
			an_tx_duration_value(v, sizeof v, u, 1, 0);
			an_tx_set_value(m, AN_TIMEX_SET, v);
			return e;
		}
		/* "$5 million a year", "700 seats a week", "24 hours a day": the
		 * rate of a quantity, which TimeBank leaves untagged (7 of 9) */
		/* also "7% a year", "from three a week to two", "4 million tons
		 * a month" */
		if ((an_tx_is(c, j, "a") || an_tx_is(c, j, "an")) && i == j && after_amount(c, i))
			return 0;
		if (an_tx_is(c, j, "a") && i == j && n == 1 && after_heap(c, i)) {
			an_tx_set_value(m, AN_TIMEX_SET, v);
			return e;
		}
		/* "24 hours a day", "three days a week": time taken within each
		 * period, a SET of the period (TimeML: "3 days each week" is a
		 * SET P1W with freq 3D) */
		/* (not "from 38 days a year earlier": a time back) */
		if ((an_tx_is(c, e, "a") || an_tx_is(c, e, "per") || an_tx_is(c, e, "each")) &&
		    (an_tx_cls(c, e + 1) & AN_TXW_UNIT) && !(an_tx_cls(c, e + 1) & AN_TXW_PLURAL) &&
		    TK(e + 1).w.unit > (int)u && !lead && n > 0 && !an_tx_is(c, e + 2, "earlier") &&
		    !an_tx_is(c, e + 2, "ago") && !an_tx_is(c, e + 2, "before") &&
		    !an_tx_is(c, e + 2, "later")) {
			an_tx_duration_value(v, sizeof v, (an_tx_unit)TK(e + 1).w.unit, 1, 0);
			an_tx_set_value(m, AN_TIMEX_SET, v);
			return e + 2;
		}
		/* "a two-week-long strike"; in "a week-long visit" the "a" is the
		 * visit's, and "week-long" is tagged on its own (below) */
		if (e == k + 1 && an_tx_is_punct(c, e, '-') && !TK(e).space &&
		    an_tx_is(c, e + 1, "long") && !TK(e + 1).space) {
			if (bare_a)
				return 0;
			e += 2;
		}
		an_tx_set_value(m, AN_TIMEX_DURATION, v);
		if (range)
			an_tx_copy(m->mod, sizeof m->mod, "EQUAL_OR_MORE");
		m->the_ok = !hyph; /* "the two-week delay": TimeBank tags "two-week" */
		/* "the nine months", "the first six months": a reporting period
		 * inside the year; "a year earlier" then means the year before,
		 * not the quarter named before it ("over the following three
		 * months" is a span ahead, no period the story moves to) */
		size_t d = lead ? i : j;
		int ahead = lead && (an_tx_is(c, i, "following") || an_tx_is(c, i, "next") ||
		                     an_tx_is(c, i, "coming"));
		if (u == AN_TXU_MONTH && n >= 2 && n <= 11 && !hyph && d > 0 && !ahead &&
		    an_tx_is(c, d - 1, "the")) {
			an_date y = {c->ref.g == AN_GRAN_QUARTER ? c->ref.d.y : c->dct.y, 1, 1};
			m->anchor.d = y;
			m->anchor.g = AN_GRAN_YEAR;
		}
		return e;
	}
	/* "a day-long strike", "a decades-long conflict": the length of what
	 * follows, one unit or an unknown number of them */
	if (!lead && an_tx_word(c, j) && (TK(j).w.cls & AN_TXW_UNIT) && an_tx_is_punct(c, j + 1, '-') &&
	    !TK(j + 1).space && an_tx_is(c, j + 2, "long") && !TK(j + 2).space) {
		an_tx_unit u = (an_tx_unit)TK(j).w.unit;
		if (u == AN_TXU_WEEKEND || u == AN_TXU_QUARTER)
			return 0;
		char v[AN_TIMEX_VALUE_MAX];
		an_tx_duration_value(v, sizeof v, u, (TK(j).w.cls & AN_TXW_PLURAL) ? -1 : 1, 0);
		an_tx_set_value(m, AN_TIMEX_DURATION, v);
		return j + 3;
	}
	/* bare plurals after a preposition: "for months", "for years"; and
	 * the one set against such a plural: "for days, perhaps weeks", "in
	 * weeks, not months" */
	static const char *const alt[] = {"not", "perhaps", "maybe", "possibly", "even", NULL};
	if (!lead && an_tx_word(c, j) && (TK(j).w.cls & AN_TXW_PLURAL) && j > 0 &&
	    (an_tx_is(c, j - 1, "for") || span_of(c, j) || an_tx_is(c, j - 1, "over") ||
	     (j > 2 && an_tx_one_of(c, j - 1, alt) && an_tx_is_punct(c, j - 2, ',') &&
	      (an_tx_cls(c, j - 3) & AN_TXW_PLURAL) && (an_tx_cls(c, j - 3) & AN_TXW_UNIT)) ||
	     (an_tx_is(c, j - 1, "in") && TK(j - 1).space) || an_tx_is(c, j - 1, "within") ||
	     an_tx_is(c, j - 1, "after") || an_tx_is(c, j - 1, "took") ||
	     an_tx_is(c, j - 1, "lasted") || an_tx_is(c, j - 1, "spent") ||
	     /* "would take weeks", "could take years", "lasts hours" */
	     an_tx_is(c, j - 1, "take") || an_tx_is(c, j - 1, "takes") ||
	     an_tx_is(c, j - 1, "taking") || an_tx_is(c, j - 1, "lasts") ||
	     an_tx_is(c, j - 1, "spend") || an_tx_is(c, j - 1, "spending") ||
	     /* "have waited years", "went months without pay" */
	     an_tx_is(c, j - 1, "wait") || an_tx_is(c, j - 1, "waited") ||
	     an_tx_is(c, j - 1, "waiting") || an_tx_is(c, j - 1, "went") ||
	     /* "it may be years before we know", "It was weeks until";
	      * "the repairs could be weeks." */
	     ((an_tx_is(c, j - 1, "be") || an_tx_is(c, j - 1, "was") || an_tx_is(c, j - 1, "is")) &&
	      (an_tx_is(c, j + 1, "before") || an_tx_is(c, j + 1, "until"))) ||
	     (an_tx_is(c, j - 1, "be") && j + 1 < c->n && TK(j + 1).kind == AN_TK_PUNCT &&
	      (an_tx_is_punct(c, j + 1, '.') || an_tx_is_punct(c, j + 1, ',') ||
	       an_tx_is_punct(c, j + 1, ';'))) ||
	     /* "ran years behind schedule", "court dates years away" (a
	      * word that qualifies the plural aside: "The days behind us") */
	     ((an_tx_is(c, j + 1, "behind") || an_tx_is(c, j + 1, "away")) &&
	      an_tx_word(c, j - 1) && !TK(j).sent && !TK(j - 1).cap &&
	      !an_tx_one_of(c, j - 1, plural_qualifiers)) ||
	     anchored_plural(c, j))) {
		an_tx_unit u = (an_tx_unit)TK(j).w.unit;
		if (an_tx_is(c, j + 1, "of") && an_tx_is(c, j - 1, "in"))
			return 0;
		if (an_tx_is(c, j + 1, "old") || u == AN_TXU_SEASON || u == AN_TXU_QUARTER)
			return 0;
		char v[AN_TIMEX_VALUE_MAX];
		an_tx_duration_value(v, sizeof v, u, -1, 0);
		an_tx_set_value(m, AN_TIMEX_DURATION, v);
		return j + 1;
	}
	/* "the past few months" with lead: count required above */
	return 0;
}
