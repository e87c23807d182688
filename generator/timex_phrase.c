/* timex_phrase.c - fixed phrases of relative time ("right now", "the
 * recent past", "in the new year", "the coming weeks", "daily"), one of
 * the matchers of an_tx_rel (timex_rel.c). */
#include "timex_impl.h"

#include <pthread.h>
#include <string.h>

#define TK(i) (c->tk[(i)])

typedef struct {
	const char *w[4];
	an_timex_type type;
	const char *value;
} an_tx_phrase;

/* Fixed phrases.  Left out on purpose, as TimeBank tags them far less often
 * than they occur: "previously", "formerly", "soon".  ("current" before
 * a noun is read in current_at.) */
static const an_tx_phrase phrases[] = {
	{{"right", "now"}, AN_TIMEX_DATE, "PRESENT_REF"},
	{{"now"}, AN_TIMEX_DATE, "PRESENT_REF"},
	{{"currently"}, AN_TIMEX_DATE, "PRESENT_REF"},
	{{"nowadays"}, AN_TIMEX_DATE, "PRESENT_REF"},
	{{"these", "days"}, AN_TIMEX_DATE, "PRESENT_REF"},
	{{"the", "present"}, AN_TIMEX_DATE, "PRESENT_REF"},
	{{"recently"}, AN_TIMEX_DATE, "PAST_REF"},
	{{"more", "recently"}, AN_TIMEX_DATE, "PAST_REF"},
	{{"lately"}, AN_TIMEX_DATE, "PAST_REF"},
	{{"the", "recent", "past"}, AN_TIMEX_DATE, "PAST_REF"},
	{{"the", "past"}, AN_TIMEX_DATE, "PAST_REF"},
	/* "in recent weeks", "in recent months": a vague stretch up to now,
	 * a duration as "the past few months" is (TimeBank: all 3 uses of
	 * the two alone); "recent years" stays the vaguer past (3 of 5) */
	{{"recent", "days"}, AN_TIMEX_DURATION, "PXD"},
	{{"recent", "weeks"}, AN_TIMEX_DURATION, "PXW"},
	{{"recent", "months"}, AN_TIMEX_DURATION, "PXM"},
	{{"recent", "years"}, AN_TIMEX_DATE, "PAST_REF"},
	{{"recent", "decades"}, AN_TIMEX_DATE, "PAST_REF"},
	{{"as", "soon", "as", "possible"}, AN_TIMEX_DATE, "FUTURE_REF"},
	{{"the", "near", "future"}, AN_TIMEX_DATE, "FUTURE_REF"},
	{{"the", "future"}, AN_TIMEX_DATE, "FUTURE_REF"},
	{{"the", "near", "term"}, AN_TIMEX_DATE, "FUTURE_REF"},
	{{"the", "short", "term"}, AN_TIMEX_DATE, "FUTURE_REF"},
	{{"the", "long", "term"}, AN_TIMEX_DATE, "FUTURE_REF"},
	/* a vague span ahead, like "the next few days": TimeBank makes "the
	 * coming weeks", "the weeks ahead", "the next few days" durations (6
	 * of 8, 6 documents) */
	{{"the", "coming", "days"}, AN_TIMEX_DURATION, "PXD"},
	{{"the", "coming", "weeks"}, AN_TIMEX_DURATION, "PXW"},
	{{"the", "coming", "months"}, AN_TIMEX_DURATION, "PXM"},
	{{"the", "coming", "years"}, AN_TIMEX_DURATION, "PXY"},
	{{"the", "coming", "decades"}, AN_TIMEX_DURATION, "PXDE"},
	{{"coming", "days"}, AN_TIMEX_DURATION, "PXD"},
	{{"coming", "weeks"}, AN_TIMEX_DURATION, "PXW"},
	{{"coming", "months"}, AN_TIMEX_DURATION, "PXM"},
	{{"coming", "years"}, AN_TIMEX_DURATION, "PXY"},
	{{"coming", "decades"}, AN_TIMEX_DURATION, "PXDE"},
	{{"the", "weeks", "ahead"}, AN_TIMEX_DURATION, "PXW"},
	{{"the", "months", "ahead"}, AN_TIMEX_DURATION, "PXM"},
	{{"the", "years", "ahead"}, AN_TIMEX_DURATION, "PXY"},
	{{"the", "decades", "ahead"}, AN_TIMEX_DURATION, "PXDE"},
	/* "expands over the following weeks": the same vague span, from
	 * the time last named */
	{{"the", "following", "days"}, AN_TIMEX_DURATION, "PXD"},
	{{"the", "following", "weeks"}, AN_TIMEX_DURATION, "PXW"},
	{{"the", "following", "months"}, AN_TIMEX_DURATION, "PXM"},
	{{"a", "later", "date"}, AN_TIMEX_DATE, "FUTURE_REF"},
	{{"daily"}, AN_TIMEX_SET, "P1D"},
	{{"nightly"}, AN_TIMEX_SET, "P1D"},
	{{"weekly"}, AN_TIMEX_SET, "P1W"},
	{{"monthly"}, AN_TIMEX_SET, "P1M"},
	{{"annually"}, AN_TIMEX_SET, "P1Y"},
	{{"yearly"}, AN_TIMEX_SET, "P1Y"},
	{{"hourly"}, AN_TIMEX_SET, "PT1H"},
	{{"semiannually"}, AN_TIMEX_SET, "P6M"},
	{{"quarterly"}, AN_TIMEX_SET, "P3M"},
	/* every two weeks, as pay and newsletters are ("bimonthly" is read
	 * both ways, and left out) */
	{{"biweekly"}, AN_TIMEX_SET, "P2W"}, {{"fortnightly"}, AN_TIMEX_SET, "P2W"},
};

#define N_PHRASES (sizeof phrases / sizeof phrases[0])
_Static_assert(N_PHRASES < 256, "order[] holds phrase indices in bytes");

/* The phrases by the first byte of their first word, in table order
 * within each (counting sort), so that a token is tried against the few
 * that may match and not the whole table: "the", which opens many, is
 * also one of the commonest words.  Built once (the tagger may run on
 * several threads). */
static unsigned char order[N_PHRASES];
static unsigned short first[257]; /* phrases of byte b: order[first[b] .. first[b + 1]) */
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static void build_index(void)
{
	unsigned short count[256] = {0};
	for (size_t k = 0; k < N_PHRASES; k++)
		count[(unsigned char)phrases[k].w[0][0]]++;
	for (size_t b = 0; b < 256; b++)
		first[b + 1] = (unsigned short)(first[b] + count[b]);
	unsigned short at[256];
	memcpy(at, first, sizeof at);
	for (size_t k = 0; k < N_PHRASES; k++)
		order[at[(unsigned char)phrases[k].w[0][0]]++] = (unsigned char)k;
}

/* Words after "the present", "the future" that leave them nouns. */
static const char *const not_nouns[] = {
	"and", "or", "but", "nor", "that", "which", "who", "of", "if", "is", "was", "are",
	"were", "will", "would", "may", "might", "could", "can", "should", "must", "when",
	"where", "while", "as", "with", "in", "on", "at", "for", "to", "by", "from", "than",
	"time", "moment", "age", "era", "generation", "looked", "seemed", "belonged", "it",
	"they", "he", "she", "we", "i", "you", "there", "this", "these", "those", "the", "a",
	"an", "no", "not", "too", "also", "again", "alone", "remain", "lie", "hold", "look",
	"probably", "likely", "certainly", "clearly", "really", "surely", "still", "already",
	NULL};

/* "current" before the noun it dates: "its current pastor", "at the
 * current pace", "current policies" are the present's (the sets' guide,
 * 15 of 17 such uses; TimeBank tags about half).  Not the noun ("swept
 * away by the current", "the current carried it", "a rip current"), nor
 * the accountant's short term ("current account", "current assets"),
 * nor the first word of a longer timex ("the current quarter", read by
 * the other matchers, which the longer match wins over). */
static size_t current_at(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	static const char *const kinds[] = {"rip", "electric", "electrical", "alternating",
	                                    "direct", "ocean", "tidal", "strong", "powerful",
	                                    "swift", "fast", "air", "jet", NULL};
	static const char *const terms[] = {"account", "accounts", "assets", "liabilities",
	                                    "ratio", "yield", "yields", NULL};
	size_t j = i + 1;
	if (j >= c->n || TK(j).kind != AN_TK_WORD || TK(j).sent || TK(j).para ||
	    an_tx_one_of(c, j, not_nouns) || an_tx_one_of(c, j, terms) ||
	    (i > 0 && an_tx_one_of(c, i - 1, kinds)) || (i > 0 && an_tx_is(c, i - 1, "then")))
		return 0;
	/* (a verb after the noun: "the current carried", "the current
	 * swept"; a hyphen, "the current-account gap", is no word) */
	static const char *const verbs[] = {"swept", "took", "drew", "drove", "threw", "caught",
	                                    "ran", "runs", "flows", "pulls", "carries", "kept",
	                                    "keeps", "made", "makes", "moves", NULL};
	size_t n = strlen(TK(j).low);
	if ((n > 3 && strcmp(TK(j).low + n - 2, "ed") == 0) || an_tx_one_of(c, j, verbs))
		return 0;
	an_tx_set_value(m, AN_TIMEX_DATE, "PRESENT_REF");
	return j;
}

size_t an_tx_phrase_at(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	size_t best = 0;
	if (!an_tx_word(c, i) || !(TK(i).w.cls & AN_TXW_START))
		return 0; /* every phrase opens with a listed starter */
	if (TK(i).low[0] == 'c' && an_tx_is(c, i, "current"))
		return current_at(m, c, i);
	if (TK(i).low[0] == 't' && an_tx_is(c, i, "the")) {
		/* "in the new year" (lower case; "New Year's Day" is a holiday):
		 * the year after the DCT's in its second half, unless a past
		 * verb says the new year has begun; in the first half the DCT's */
		if (an_tx_is(c, i + 1, "new") && an_tx_is(c, i + 2, "year") && !an_tx_capital(c, i + 1) &&
		    !an_tx_capital(c, i + 2) &&
		    !(i + 3 < c->n && TK(i + 3).kind == AN_TK_PUNCT && !TK(i + 3).space &&
		      TK(i + 3).low[0] != '.' && TK(i + 3).low[0] != ',')) {
			an_date y = {c->dct.y, 1, 1};
			/* (in the last days of December a past verb tells of the
			 * year coming too: "New Zealand was the first to enter the
			 * new year", Dec. 31) */
			/* (and what is planned "for the new year": "called for a
			 * clear plan for the new year", Nov. 15) */
			if (c->dct.m >= 7 && (an_tx_direction(c, i, i + 3) >= 0 ||
			                      (i > 0 && an_tx_is(c, i - 1, "for")) ||
			                      (c->dct.m == 12 && c->dct.d >= 20)))
				y.y++;
			an_tx_set_point(m, y, AN_GRAN_YEAR);
			m->anchor.g = AN_GRAN_NONE;
			return i + 3;
		}
		/* "the week ahead", "the year ahead": the span from now, one
		 * unit long like "the next week"; "the days ahead" vague like
		 * "the weeks ahead" (the table); "ahead of" is a preposition */
		if (an_tx_is(c, i + 2, "ahead") && !an_tx_is(c, i + 3, "of") &&
		    (an_tx_cls(c, i + 1) & AN_TXW_UNIT)) {
			an_tx_unit u = (an_tx_unit)TK(i + 1).w.unit;
			int plural = (TK(i + 1).w.cls & AN_TXW_PLURAL) != 0;
			if (u == AN_TXU_DAY || (!plural && (u == AN_TXU_WEEK || u == AN_TXU_MONTH ||
			                                    u == AN_TXU_YEAR))) {
				char v[AN_TIMEX_VALUE_MAX];
				an_tx_duration_value(v, sizeof v, u, plural ? -1 : 1, 0);
				an_tx_set_value(m, AN_TIMEX_DURATION, v);
				return i + 3;
			}
		}
	}
	pthread_once(&index_once, build_index);
	unsigned char b = (unsigned char)TK(i).low[0];
	for (size_t o = first[b]; o < first[b + 1]; o++) {
		const an_tx_phrase *p = &phrases[order[o]];
		size_t j = i, w = 0;
		while (w < 4 && p->w[w] && an_tx_is(c, j, p->w[w])) {
			j++;
			w++;
		}
		if (w < 4 && p->w[w])
			continue;
		if (j > best) {
			best = j;
			an_tx_set_value(m, p->type, p->value);
		}
	}
	if (!best)
		return 0;
	/* "Daily Mail", "as soon as": names and conjunctions, not times */
	if (TK(i).cap && best < c->n && TK(best).cap && !TK(best).sent &&
	    m->type == AN_TIMEX_SET)
		return 0;
	if (an_tx_is(c, i, "soon") && (an_tx_is(c, best, "as") || an_tx_is(c, best, "after") ||
	                               (i > 0 && an_tx_is(c, i - 1, "as"))))
		return 0;
	/* "as recently as early October", "most recently in December": a
	 * degree of the time that follows (or was named), no past of its own
	 * (TimeBank leaves "most recently" out) */
	if (best == i + 1 && an_tx_is(c, i, "recently") && i > 0 &&
	    ((an_tx_is(c, i - 1, "as") && an_tx_is(c, best, "as")) || an_tx_is(c, i - 1, "most")))
		return 0;
	/* "over the past five sessions": an amount of something that is no
	 * unit of time follows, and "the past" is its adjective.  A count of
	 * seasons ("the past three summers") is time, though no duration
	 * value names it: "the past" stays its timex. */
	if (an_tx_is(c, best - 1, "past") && an_tx_is(c, i, "the")) {
		static const char *const seasons[] = {"springs", "summers", "autumns", "falls",
		                                      "winters", NULL};
		long n;
		size_t k = an_tx_count(&n, c, best);
		if ((k && !an_tx_one_of(c, k, seasons)) || (an_tx_cls(c, best) & AN_TXW_ORD))
			return 0;
	}
	/* "the present assembly", "the future king": adjectives of a noun
	 * (a word that no conjunction, preposition or verb in -s can be) */
	if (best == i + 2 && an_tx_is(c, i, "the") &&
	    (an_tx_is(c, i + 1, "present") || an_tx_is(c, i + 1, "future")) &&
	    an_tx_word(c, best) && !TK(best).sent && !an_tx_one_of(c, best, not_nouns) &&
	    !(TK(best).w.cls & AN_TXW_UNIT) &&
	    !(strlen(TK(best).low) > 3 && TK(best).low[strlen(TK(best).low) - 1] == 's'))
		return 0;
	/* "publishes its index quarterly", "report on its spending
	 * quarterly, rather than twice a year": the adverb; "a quarterly
	 * dividend", "quarterly results" are business's adjectives, which
	 * TimeBank leaves untagged */
	static const char *const after_adverb[] = {"and", "or", "but", "by", "in", "on", "at",
	                                           "rather", "instead", "since", "until", "from",
	                                           "to", "as", "with", "for", NULL};
	if (an_tx_is(c, i, "quarterly") && best < c->n && TK(best).kind == AN_TK_WORD &&
	    !an_tx_one_of(c, best, after_adverb))
		return 0;
	/* "the week ahead of the vote": "ahead of" is a preposition */
	if (an_tx_is(c, best - 1, "ahead") && an_tx_is(c, best, "of"))
		return 0;
	return best;
}
