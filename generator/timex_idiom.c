/* timex_idiom.c - idioms built on words of time.  Some are vague times the
 * TIDES guidelines tag as a whole ("the other day" PAST_REF, "in this day
 * and age" PRESENT_REF, "will one day" FUTURE_REF, "the day after
 * tomorrow"); others hold a time word but name no time ("call it a day",
 * "to this day", "Bloody Sunday", "today's youth", "Player of the Year")
 * and are passed over (a skip match), so that the word's own rule does not
 * tag it.  The dispatcher runs this matcher first: on a tie in length it
 * wins over the plain reading of the same words. */
#include "timex_impl.h"

#include <string.h>

#define TK(i) (c->tk[(i)])

static size_t vague(an_tx_match *m, const char *v, size_t e)
{
	an_tx_set_value(m, AN_TIMEX_DATE, v);
	return e;
}

static size_t skip(an_tx_match *m, size_t e)
{
	m->skip = 1;
	return e;
}

/* Token i is punctuation other than an apostrophe or a hyphen (a clause
 * or a phrase ends there), or the end of the paragraph. */
static int phrase_ends(const an_tx_ctx *c, size_t i)
{
	if (i >= c->n)
		return 1;
	return TK(i).kind == AN_TK_PUNCT && !an_tx_is_apos(c, i) && !an_tx_is_punct(c, i, '-');
}

/* "the day after tomorrow", "the other day", "the good old days", "the
 * foreseeable future", "the Roaring Twenties", "at the time", "the Year of
 * the Horse"; i at "the". */
static size_t the_idiom(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	if (an_tx_is(c, i + 1, "day") && an_tx_is(c, i + 3, "tomorrow") &&
	    an_tx_is(c, i + 2, "after")) {
		an_tx_set_point(m, an_date_add_days(c->dct, 2), AN_GRAN_DAY);
		m->anchor.g = AN_GRAN_NONE; /* deictic, as "tomorrow" */
		return i + 4;
	}
	if (an_tx_is(c, i + 1, "day") && an_tx_is(c, i + 3, "yesterday") &&
	    an_tx_is(c, i + 2, "before")) {
		an_tx_set_point(m, an_date_add_days(c->dct, -2), AN_GRAN_DAY);
		m->anchor.g = AN_GRAN_NONE;
		return i + 4;
	}
	/* "the other day" is a recent past day no text names; "the other
	 * days" are a contrast */
	if (an_tx_is(c, i + 1, "other") &&
	    (an_tx_is(c, i + 2, "day") || an_tx_is(c, i + 2, "night") ||
	     an_tx_is(c, i + 2, "week")))
		return vague(m, "PAST_REF", i + 3);
	/* "the old days", "the good old days": the past as a whole */
	size_t k = i + 1;
	if (an_tx_is(c, k, "good") || an_tx_is(c, k, "bad"))
		k++;
	if (an_tx_is(c, k, "old") && an_tx_is(c, k + 1, "days"))
		return vague(m, "PAST_REF", k + 2);
	/* "the distant future", "the not-too-distant future", like "the near
	 * future" (timex_rel.c); TimeBank leaves both its "the foreseeable
	 * future" untagged */
	k = i + 1;
	if (an_tx_is(c, k, "not")) {
		k++;
		while (k < i + 6 && (an_tx_is_punct(c, k, '-') || an_tx_is(c, k, "too") ||
		                     an_tx_is(c, k, "so")))
			k++;
		if (!an_tx_is(c, k, "distant"))
			return 0;
	}
	if ((an_tx_is(c, k, "distant") || an_tx_is(c, k, "immediate")) &&
	    an_tx_is(c, k + 1, "future"))
		return vague(m, "FUTURE_REF", k + 2);
	/* "the Roaring Twenties", "the Swinging Sixties": the decade's name */
	static const char *const decades[] = {"twenties", "thirties", "forties", "fifties",
	                                      "sixties", "seventies", "eighties", "nineties",
	                                      NULL};
	if ((an_tx_is(c, i + 1, "roaring") || an_tx_is(c, i + 1, "swinging")) && TK(i + 1).cap &&
	    an_tx_one_of(c, i + 2, decades) && TK(i + 2).cap) {
		int d = 0;
		while (!an_tx_is(c, i + 2, decades[d]))
			d++;
		an_date y = {1920 + 10 * d, 1, 1};
		an_tx_set_point(m, y, AN_GRAN_DECADE);
		return i + 3;
	}
	/* "who was mayor at the time," "said at the time that": then, a
	 * past time (TimeBank's one such "at the time" is PAST_REF); "at the
	 * time of the merger", "at the time the bridge fell" are conjunctions
	 * of an event, as the corpus leaves both */
	static const char *const says[] = {"said", "says", "saying", "told", "wrote", "added",
	                                   "noted", "argued", "insisted", "stated", "explained",
	                                   "claimed", "acknowledged", "admitted", "conceded",
	                                   "reported", "announced", "warned", "denied", NULL};
	if (i > 0 && an_tx_is(c, i - 1, "at") && an_tx_is(c, i + 1, "time") &&
	    (phrase_ends(c, i + 2) || an_tx_is(c, i + 2, "and") || an_tx_is(c, i + 2, "but") ||
	     (i > 1 && an_tx_one_of(c, i - 2, says) && !an_tx_is(c, i + 2, "of"))) &&
	    an_tx_direction(c, i, i + 2) <= 0) {
		return vague(m, "PAST_REF", i + 2);
	}
	/* "the Year of the Horse", "Player of the Year": titles and names */
	if (an_tx_is(c, i + 1, "year") && TK(i + 1).cap &&
	    (an_tx_is(c, i + 2, "of") ||
	     (i > 1 && an_tx_is(c, i - 1, "of") && an_tx_word(c, i - 2) && TK(i - 2).cap)))
		return skip(m, i + 2);
	return 0;
}

/* Words that, after "one day", show it is a length: "one day a week",
 * "one day later", "one day in jail". */
static const char *const after_length[] = {
	"of", "a", "an", "the", "and", "or", "in", "on", "at", "for", "per", "later", "earlier",
	"before", "after", "ago", "late", "early", "off", "each", "every", "only", "long", "to",
	"than", "from", "with", "without", "into", "until", "by", "so", "more", "less", "this",
	"that", "last", "next", NULL};

/* "will one day be", "hopes to one day run": an unnamed future time
 * (FUTURE_REF, as TimeBank's "will one day be");
 * "One day, a stranger knocked", "One day last March": an unnamed day of
 * a story, no timex. */
static size_t one_day(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	static const char *const modals[] = {"will", "would", "could", "might", "may", "can",
	                                     "shall", "should", "must", "ll", NULL};
	static const char *const story[] = {"last", "this", "that", "in", "during", "early",
	                                    "late", "when", "while", "back", NULL};
	int some = an_tx_is(c, i, "some");
	if ((!some && !an_tx_is(c, i, "one")) || !an_tx_is(c, i + 1, "day"))
		return 0;
	size_t e = i + 2;
	/* "return some day": no length ("some days" would be); TimeBank
	 * leaves its one "someday" untagged.  "some day next week" is a day
	 * of that week. */
	if (some)
		return an_tx_one_of(c, e, after_length) ? 0 : skip(m, e);
	if (i > 0 && an_tx_one_of(c, i - 1, modals))
		return vague(m, "FUTURE_REF", e);
	if (i > 0 && (an_tx_is(c, i - 1, "to") || an_tx_is(c, i - 1, "of")) &&
	    an_tx_word(c, e) && !an_tx_one_of(c, e, after_length) &&
	    !(an_tx_cls(c, e) & (AN_TXW_UNIT | AN_TXW_NUM)))
		return vague(m, "FUTURE_REF", e);
	int opens = TK(i).sent || (i > 0 && (an_tx_is(c, i - 1, "until") ||
	                                     an_tx_is(c, i - 1, "then") ||
	                                     an_tx_is(c, i - 1, "but") ||
	                                     an_tx_is(c, i - 1, "and") ||
	                                     an_tx_is_punct(c, i - 1, ',')));
	if (opens && (an_tx_is_punct(c, e, ',') || an_tx_one_of(c, e, story)))
		return an_tx_direction(c, i, e) > 0 ? vague(m, "FUTURE_REF", e) : skip(m, e);
	return 0;
}

/* "today's youth", "in today's world", "tomorrow's leaders", "yesterday's
 * men": the present, future or past of a generation, no day (TimeBank
 * leaves all three of its such "today's" untagged).  The noun must end
 * its phrase: "today's world leaders" met on the day. */
static size_t generic_day(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	static const char *const nouns[] = {
		"world", "youth", "society", "generation", "children", "kids", "teenagers",
		"teens", "students", "parents", "families", "leaders", "politics", "politicians",
		"culture", "standards", "economy", "technology", "consumers", "workforce",
		"workplace", "men", "women", "heroes", "problems", "challenges", "battles", "wars",
		NULL};
	static const char *const next[] = {
		"are", "is", "was", "were", "have", "has", "had", "can", "cannot", "will", "would",
		"must", "need", "face", "and", "or", "who", "that", "than", "in", "to", NULL};
	size_t k = i + 3;
	if (!an_tx_is_apos(c, i + 1) || !an_tx_is(c, i + 2, "s") || !an_tx_one_of(c, k, nouns))
		return 0;
	if (!phrase_ends(c, k + 1) && !an_tx_one_of(c, k + 1, next))
		return 0;
	return skip(m, k + 1);
}

/* "in this day and age" is the present; "to this day", "until this very
 * day" run up to it, with no day of their own; "this time last year" is
 * the same time a year back. */
static size_t this_day(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	/* "This time last year": the same time a year back, to the month
	 * (a week or a month back, to the day) */
	int step;
	if (an_tx_is(c, i + 1, "time") && an_tx_deictic_step(c, i + 2, &step) && step &&
	    (an_tx_is(c, i + 3, "year") || an_tx_is(c, i + 3, "week") ||
	     an_tx_is(c, i + 3, "month"))) {
		an_tx_unit u = (an_tx_unit)TK(i + 3).w.unit;
		an_tx_set_point(m, an_tx_shift(c->dct, u, step),
		                u == AN_TXU_YEAR ? AN_GRAN_MONTH : AN_GRAN_DAY);
		m->anchor.g = AN_GRAN_NONE;
		return i + 4;
	}
	size_t d = an_tx_is(c, i + 1, "very") ? i + 2 : i + 1;
	if (!an_tx_is(c, d, "day"))
		return 0;
	if (d == i + 1 && an_tx_is(c, d + 1, "and") && an_tx_is(c, d + 2, "age"))
		return vague(m, "PRESENT_REF", d + 3);
	if (i > 0 && (an_tx_is(c, i - 1, "to") || an_tx_is(c, i - 1, "until")) &&
	    !an_tx_is(c, d + 1, "of") && !an_tx_is(c, d + 1, "in"))
		return skip(m, d + 1);
	/* "On this day in 1945": the date in another year, not today; the
	 * year alone is tagged */
	int y;
	if (d == i + 1 && an_tx_is(c, d + 1, "in") && an_tx_year_at(c, d + 2, &y))
		return skip(m, d + 1);
	return 0;
}

/* Units in one word with "long": "a yearlong drought", "a weeklong
 * visit", as "year-long" is read (timex_dur.c). */
static size_t long_word(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	static const struct {
		const char *w, *v;
	} words[] = {{"yearlong", "P1Y"}, {"weeklong", "P1W"}, {"monthlong", "P1M"},
	             {"daylong", "P1D"}, {"hourlong", "PT1H"}, {"decadelong", "P10Y"}};
	for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
		if (an_tx_is(c, i, words[k].w)) {
			an_tx_set_value(m, AN_TIMEX_DURATION, words[k].v);
			return i + 1;
		}
	return 0;
}

/* Nouns that "present" is the adjective of after "at" */
static const char *const measures[] = {"levels", "level", "rates", "rate", "prices", "price",
                                       "value", "values", "trends", "speed", "pace",
                                       "capacity", "strength", "size", "day", NULL};

size_t an_tx_idiom(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	if (!an_tx_word(c, i))
		return 0;
	/* "Bloody Sunday", "Black Monday", "Super Tuesday": events named by
	 * their weekday ("Black Friday" is a holiday, timex_holiday.c) */
	static const char *const named[] = {"bloody", "black", "super", "blue", "manic", NULL};
	if ((TK(i).w.cls & AN_TXW_WDAY) && TK(i).cap && i > 0 && TK(i - 1).cap &&
	    an_tx_one_of(c, i - 1, named))
		return skip(m, i + 1);
	switch (TK(i).low[0]) {
	case 't':
		if (an_tx_is(c, i, "the"))
			return the_idiom(m, c, i);
		if (an_tx_is(c, i, "this"))
			return this_day(m, c, i);
		if (an_tx_is(c, i, "then")) {
			/* "Until then", "by then": the time last named, as TimeBank
			 * has its one "Until then"; "since then" and "back then" it
			 * leaves untagged */
			if (i == 0 || c->ref.g == AN_GRAN_NONE ||
			    !(an_tx_is(c, i - 1, "until") || an_tx_is(c, i - 1, "till") ||
			      an_tx_is(c, i - 1, "by")))
				return 0;
			/* "signed by then-President Obama": an adjective */
			if (an_tx_is_punct(c, i + 1, '-') && !TK(i + 1).space)
				return 0;
			an_tx_set_point(m, c->ref.d, c->ref.g);
			m->anchor.g = AN_GRAN_NONE;
			return i + 1;
		}
		if (an_tx_is(c, i, "today") || an_tx_is(c, i, "tomorrow"))
			return generic_day(m, c, i);
		return 0;
	case 'y':
		if (an_tx_is(c, i, "yesterday"))
			return generic_day(m, c, i);
		return long_word(m, c, i);
	case 'o':
	case 's':
		return one_day(m, c, i);
	case 'a':
		/* "any day now", "any minute now": soon */
		if (an_tx_is(c, i, "any") && (an_tx_cls(c, i + 1) & AN_TXW_UNIT) &&
		    !(an_tx_cls(c, i + 1) & AN_TXW_PLURAL) && an_tx_is(c, i + 2, "now"))
			return vague(m, "FUTURE_REF", i + 3);
		if (an_tx_is(c, i, "any") && (an_tx_is(c, i + 1, "moment") ||
		                              an_tx_is(c, i + 1, "time")) && an_tx_is(c, i + 2, "now"))
			return vague(m, "FUTURE_REF", i + 3);
		/* "for a while": TimeBank's vague PXX */
		if (an_tx_is(c, i, "a") && an_tx_is(c, i + 1, "while") && i > 0 &&
		    an_tx_is(c, i - 1, "for")) {
			an_tx_set_value(m, AN_TIMEX_DURATION, "PXX");
			return i + 2;
		}
		/* "call it a day", "called it a night": stopping, no time */
		if (an_tx_is(c, i, "a") && i > 1 && an_tx_is(c, i - 1, "it") &&
		    (an_tx_is(c, i + 1, "day") || an_tx_is(c, i + 1, "night")) &&
		    strncmp(TK(i - 2).low, "call", 4) == 0)
			return skip(m, i + 2);
		return 0;
	case 'p':
		/* "at present", like "the present"; not the adjective of "at
		 * present levels" */
		if (an_tx_is(c, i, "present") && i > 0 && an_tx_is(c, i - 1, "at") &&
		    !an_tx_one_of(c, i + 1, measures))
			return vague(m, "PRESENT_REF", i + 1);
		return 0;
	default:
		return long_word(m, c, i);
	}
}
