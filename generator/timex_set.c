/* timex_set.c - sets, times that recur: "every week", "each July",
 * "every June 16", "twice a year", "three times monthly", "on weekends",
 * "closed Sundays", "every weekend" (TimeML SET).  The counts and
 * durations they are built from are timex_dur.c's. */
#include "timex_impl.h"
#include "timex_tense.h"

#include <stdio.h>
#include <string.h>

#define TK(i) (c->tk[(i)])

/* "twice daily", "once weekly", "three times monthly": the index of the
 * adverb after the frequency, 0 for none; its set's value into *set. */
static size_t times_adverb(const an_tx_ctx *c, size_t i, const char **set)
{
	static const struct {
		const char *word, *set;
	} adverbs[] = {{"daily", "P1D"},   {"weekly", "P1W"},   {"monthly", "P1M"},
	               {"yearly", "P1Y"},  {"annually", "P1Y"}, {"hourly", "PT1H"}};
	size_t j;
	long n;
	if (an_tx_is(c, i, "once") || an_tx_is(c, i, "twice"))
		j = i + 1;
	else if (an_tx_is(c, i + 1, "times") && an_tx_count(&n, c, i) == i + 1 && n >= 1 &&
	         !an_tx_is(c, i, "a") && !an_tx_is(c, i, "an"))
		j = i + 2; /* a one-word count: "three times", "3 times" */
	else
		return 0;
	for (size_t k = 0; k < sizeof adverbs / sizeof adverbs[0]; k++)
		if (an_tx_is(c, j, adverbs[k].word)) {
			*set = adverbs[k].set;
			return j;
		}
	return 0;
}

/* "a year" at i after an amount: "$50,000 a year", "5 percent a year",
 * "three meals a day", "500 tons of steel a day" (a number or a count up
 * to five tokens back, in the sentence, with words and the marks of an
 * amount between); not "a year ago", "a day earlier", "a week of talks",
 * "an hour late", "a week's pause", "a year from now". */
static int rate_after_amount(const an_tx_ctx *c, size_t i)
{
	static const char *const not_after[] = {"ago", "earlier", "later", "before", "after", "of",
	                                        "or", "late", "early", "long", "behind", "ahead",
	                                        NULL};
	static const char *const from_day[] = {"now", "today", "tomorrow", "yesterday", "then",
	                                       NULL};
	static const char *const units[] = {"year", "day", "week", "month", "hour", NULL};
	/* (a rate follows its amount; after these words the unit is an
	 * amount of time: "in less than a day", "for a year") */
	static const char *const not_before[] = {"than", "about", "nearly", "almost", "over",
	                                         "under", "within", "for", "in", "after", "only",
	                                         "just", "around", "roughly", "barely", "least",
	                                         "by", "at", "of", "to", "with", NULL};
	/* (nor a speed: "40 miles an hour", "15 kilometres an hour"; snow
	 * at "three inches an hour", "200 inches a year" is a rate) */
	static const char *const lengths[] = {"miles", "kilometres", "kilometers", "km", "knots",
	                                      NULL};
	if (i < 1 || !an_tx_one_of(c, i + 1, units) || an_tx_one_of(c, i + 2, not_after) ||
	    an_tx_one_of(c, i - 1, not_before) ||
	    (an_tx_one_of(c, i - 1, lengths) && an_tx_is(c, i + 1, "hour")) ||
	    (i + 2 < c->n && TK(i + 2).kind == AN_TK_PUNCT &&
	     (TK(i + 2).low[0] == '-' || an_tx_is_apos(c, i + 2))) ||
	    (an_tx_is(c, i + 2, "and") && an_tx_is(c, i + 3, "a")) || /* "a year and a half" */
	    (an_tx_is(c, i + 2, "from") && an_tx_one_of(c, i + 3, from_day)) || /* "from now" */
	    (an_tx_is(c, i + 2, "to") && an_tx_is(c, i + 3, "go")))
		return 0;
	for (size_t k = i, d = 0; k > 0 && d < 5; d++) {
		k--;
		long n;
		if (an_tx_num(c, k) || (an_tx_word(c, k) && an_tx_count(&n, c, k) && n > 1))
			return 1;
		if (TK(k).sent)
			return 0;
		/* (only the marks of an amount: "$", "%", and the "," or "."
		 * inside a number) */
		if (TK(k).kind == AN_TK_PUNCT && !strchr("$%", TK(k).low[0]) &&
		    !(strchr(",.-", TK(k).low[0]) && !TK(k).space && !TK(k + 1).space))
			return 0;
		if (TK(k).kind == AN_TK_WORD && an_tx_cue(c, k))
			return 0;
	}
	return 0;
}

/* Parts of the day counted at j, then "a", "per" or "each" and a unit
 * of a week or longer: "two nights a week", "three mornings a month". */
static int night_rate(const an_tx_ctx *c, size_t j)
{
	static const char *const parts[] = {"nights", "mornings", "evenings", "afternoons", NULL};
	return an_tx_one_of(c, j, parts) &&
	       (an_tx_is(c, j + 1, "a") || an_tx_is(c, j + 1, "per") || an_tx_is(c, j + 1, "each")) &&
	       (an_tx_cls(c, j + 2) & AN_TXW_UNIT) && !(an_tx_cls(c, j + 2) & AN_TXW_PLURAL) &&
	       TK(j + 2).w.unit >= AN_TXU_WEEK && !an_tx_is(c, j + 3, "ago") &&
	       !an_tx_is(c, j + 3, "earlier") && !an_tx_is(c, j + 3, "later");
}

/* The weekday (1-7) of a capitalised plural weekday at token i
 * ("Sundays"), 0 when none. */
int an_tx_plural_weekday(const an_tx_ctx *c, size_t i)
{
	static const char *const days[] = {"mondays", "tuesdays", "wednesdays", "thursdays",
	                                   "fridays", "saturdays", "sundays", NULL};
	if (!an_tx_word(c, i) || !TK(i).cap)
		return 0;
	size_t n = strlen(TK(i).low);
	if (n < 7 || strcmp(TK(i).low + n - 4, "days") != 0)
		return 0;
	for (int k = 0; days[k]; k++)
		if (an_tx_is(c, i, days[k]))
			return k + 1;
	return 0;
}

/* "on weekends", "closed Sundays", "on Saturdays and Sundays": a plural
 * day is every such day (TimeML SET).  A plural weekday must be
 * capitalised, not after a determiner ("the Sundays", a band) nor before
 * a name ("Sundays Times"); "weekends" only after a preposition of time
 * ("weekends are busy" is generic talk, "two weekends" a duration). */
static size_t plural_days(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	/* (and "to": "will scale back to weekends after Labor Day") */
	static const char *const preps[] = {"on", "at", "during", "to", NULL};
	static const char *const dets[] = {"the", "a", "an", "these", "those", "their", "its",
	                                   "his", "her", "our", "two", "three", "several", NULL};
	char v[AN_TIMEX_VALUE_MAX];
	if (i == 0 || !an_tx_word(c, i))
		return 0;
	if (an_tx_is(c, i, "weekends")) {
		if (!an_tx_one_of(c, i - 1, preps))
			return 0;
		an_tx_copy(v, sizeof v, "XXXX-WXX-WE");
	} else {
		int wd = an_tx_plural_weekday(c, i);
		if (!wd || (TK(i).sent && !an_tx_is(c, i + 1, "and")) ||
		    an_tx_one_of(c, i - 1, dets) || (i + 1 < c->n && TK(i + 1).cap && !TK(i + 1).sent))
			return 0;
		snprintf(v, sizeof v, "XXXX-WXX-%d", wd);
	}
	an_tx_set_value(m, AN_TIMEX_SET, v);
	return i + 1;
}

/* Sets: "every week", "each year", "every Monday", "each July", "twice a
 * year", "per day", "on alternate days". */
size_t an_tx_set(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	const char *set;
	size_t j;
	long n = 1;
	/* "twice each year": the frequency belongs to the set, as in "twice
	 * a year"; "once every four years", "roughly every 18 months" are
	 * tagged from "every" (the sets do so in all four uses) */
	if (an_tx_is(c, i, "twice") && (an_tx_is(c, i + 1, "every") || an_tx_is(c, i + 1, "each")))
		return an_tx_set(m, c, i + 1);
	if (an_tx_is(c, i, "every") || an_tx_is(c, i, "each") || an_tx_is(c, i, "per")) {
		j = i + 1;
		/* "miles per hour", "$10 per month", "3 per cent per year", "300
		 * graduates per year": rates of a quantity, not recurring times.
		 * "per" makes a set only after a frequency ("several times per
		 * year"; "once per day" and "three times per week" are read from
		 * their first word) */
		if (an_tx_is(c, i, "per") && !an_tx_is(c, i - 1, "times"))
			return 0;
		/* "every weekend": the weekends of any week, as "weekends" is */
		if (an_tx_is(c, j, "weekend") && !an_tx_is(c, i, "per")) {
			an_tx_set_value(m, AN_TIMEX_SET, "XXXX-WXX-WE");
			return j + 1;
		}
		/* "every half hour", "every quarter-hour", "every four and a half
		 * hours": a fractional amount the unit alone cannot give */
		an_tx_match d;
		memset(&d, 0, sizeof d);
		size_t e = an_tx_is(c, i, "per") ? 0 : an_tx_duration(&d, c, j);
		if (e > j && d.type == AN_TIMEX_DURATION && !d.mod[0]) {
			int frac = 0;
			for (size_t t = j; t < e; t++)
				frac |= an_tx_is(c, t, "half") || an_tx_is(c, t, "quarter");
			if (frac) {
				an_tx_set_value(m, AN_TIMEX_SET, d.value);
				return e;
			}
		}
		/* "every 25 to 30 years", "every two to three weeks": a range of
		 * periods, with the bound the duration gives it */
		if (e > j + 2 && d.type == AN_TIMEX_DURATION && d.mod[0] &&
		    (an_tx_is(c, j + 1, "to") || an_tx_is_punct(c, j + 1, '-'))) {
			an_tx_set_value(m, AN_TIMEX_SET, d.value);
			an_tx_copy(m->mod, sizeof m->mod, d.mod);
			return e;
		}
		/* "every other week", "every alternate day" */
		if (an_tx_is(c, i, "every") &&
		    (an_tx_is(c, j, "other") || an_tx_is(c, j, "alternate"))) {
			n = 2;
			j++;
		} else if (an_tx_is(c, i, "every") && an_tx_is(c, j, "few") &&
		           (an_tx_cls(c, j + 1) & AN_TXW_PLURAL)) {
			n = -1; /* "every few years": a vague period, PXY */
			j++;
		} else {
			size_t k = an_tx_count(&n, c, j);
			if (k && !an_tx_is(c, j, "a") && !an_tx_is(c, j, "an") && n > 0)
				j = k;
			else
				n = 1;
		}
	} else if ((an_tx_is(c, i, "once") || an_tx_is(c, i, "twice")) &&
	           (an_tx_is(c, i + 1, "a") || an_tx_is(c, i + 1, "per"))) {
		j = i + 2;
	} else if ((j = an_tx_count(&n, c, i)) != 0 && an_tx_is(c, j, "times") && n &&
	           !(n == 1 && (an_tx_is(c, i, "a") || an_tx_is(c, i, "an"))) &&
	           (an_tx_is(c, j + 1, "a") || an_tx_is(c, j + 1, "an") || an_tx_is(c, j + 1, "per")) &&
	           !an_tx_is(c, j + 3, "ago") && !an_tx_is(c, j + 3, "later") &&
	           !an_tx_is(c, j + 3, "earlier")) {
		/* "three times a week", like "twice a week": the frequency is
		 * part of the set (TimeML's "twice a week", freq 2X); also a
		 * vague one, "several times a year", "a few times per month" */
		j += 2;
		n = 1;
	} else if (an_tx_is(c, i, "alternate") && (an_tx_cls(c, i + 1) & AN_TXW_PLURAL) &&
	           (an_tx_cls(c, i + 1) & AN_TXW_UNIT) && !an_tx_capital(c, i + 1)) {
		/* "on alternate days", "alternate weekends": every second one */
		char v[AN_TIMEX_VALUE_MAX];
		an_tx_duration_value(v, sizeof v, (an_tx_unit)TK(i + 1).w.unit, 2, 0);
		an_tx_set_value(m, AN_TIMEX_SET, v);
		return i + 2;
	} else if ((j = plural_days(m, c, i)) != 0) {
		return j;
	} else if (an_tx_is(c, i, "the") &&
	           ((an_tx_cls(c, i + 1) & AN_TXW_ORD) || an_tx_is(c, i + 1, "last")) &&
	           (an_tx_cls(c, i + 2) & AN_TXW_WDAY) && TK(i + 2).cap && an_tx_is(c, i + 3, "of") &&
	           (an_tx_is(c, i + 4, "every") || an_tx_is(c, i + 4, "each")) &&
	           an_tx_is(c, i + 5, "month")) {
		/* "the second Monday of each month": one day a month, a SET of
		 * the month (the weekday alone was a date of this week) */
		an_tx_set_value(m, AN_TIMEX_SET, "P1M");
		return i + 6;
	} else if ((an_tx_is(c, i, "a") || an_tx_is(c, i, "an")) && rate_after_amount(c, i)) {
		/* "$50,000 a year", "100 barrels a day": an amount in each
		 * period (TimeBank: "about $33 million a year", SET P1Y) */
		j = i + 1;
	} else if (night_rate(c, i + 1) && (j = an_tx_count(&n, c, i)) == i + 1 && n > 0) {
		/* "two nights a week", "three mornings a week": time within
		 * each week, one SET of it, as "five days a week" is */
		char v[AN_TIMEX_VALUE_MAX];
		an_tx_duration_value(v, sizeof v, (an_tx_unit)TK(j + 2).w.unit, 1, 0);
		an_tx_set_value(m, AN_TIMEX_SET, v);
		return j + 3;
	} else if ((j = times_adverb(c, i, &set)) != 0) {
		/* "twice daily", "three times weekly": the frequency joins the
		 * set, as in "twice a day" */
		an_tx_set_value(m, AN_TIMEX_SET, set);
		return j + 1;
	} else {
		return 0;
	}
	if (!an_tx_word(c, j))
		return 0;
	const an_txw *w = &TK(j).w;
	char v[AN_TIMEX_VALUE_MAX];
	if ((w->cls & AN_TXW_WDAY) && TK(j).cap) {
		snprintf(v, sizeof v, "XXXX-WXX-%d", w->wday);
		/* "every Sunday morning" */
		if (an_tx_word(c, j + 1) && (TK(j + 1).w.cls & AN_TXW_POD) && !an_tx_capital(c, j + 1) &&
		    !an_tx_is(c, j + 1, "overnight")) {
			snprintf(v, sizeof v, "XXXX-WXX-%dT%s", w->wday, an_tx_pod_code[TK(j + 1).w.pod]);
			j++;
		}
	} else if ((w->cls & AN_TXW_MONTH) && TK(j).cap) {
		snprintf(v, sizeof v, "XXXX-%02d", w->month);
		/* "every June 16": that day of every year; not "each May 2,
		 * 2024" (a list of dates) nor "every June 16-year-old" */
		/* ("every Oct. 21": past the abbreviation's full stop) */
		size_t k = (w->cls & AN_TXW_ABBR) && an_tx_is_punct(c, j + 1, '.') && !TK(j + 1).space
		                   ? j + 2 : j + 1;
		long day = an_tx_num(c, k) ? TK(k).num : 0;
		int year;
		if (day >= 1 && day <= an_date_days_in_month(2024, w->month) &&
		    !(an_tx_is_punct(c, k + 1, ',') && an_tx_year_at(c, k + 2, &year)) &&
		    !an_tx_is_punct(c, k + 1, '-') && !an_tx_num(c, k + 1)) {
			snprintf(v, sizeof v, "XXXX-%02d-%02ld", w->month, day);
			j = k;
		} else if (k == j + 2) {
			j++; /* "every Oct.": the stop is the abbreviation's */
		}
	} else if ((w->cls & AN_TXW_POD) && !an_tx_capital(c, j) && !an_tx_is(c, j, "overnight")) {
		/* "every morning", "each night": that part of every day */
		snprintf(v, sizeof v, "XXXX-XX-XXT%s", an_tx_pod_code[w->pod]);
	} else if (w->cls & AN_TXW_SEASON) {
		static const char *const code[] = {"", "SP", "SU", "FA", "WI"};
		snprintf(v, sizeof v, "XXXX-%s", code[w->season]);
	} else if (w->cls & AN_TXW_UNIT) {
		an_tx_unit u = (an_tx_unit)w->unit;
		if (u == AN_TXU_SEASON)
			snprintf(v, sizeof v, "P1Y"); /* a sports season comes once a year */
		else
			an_tx_duration_value(v, sizeof v, u, n, 0);
	} else {
		return 0;
	}
	an_tx_set_value(m, AN_TIMEX_SET, v);
	return j + 1;
}

int an_tx_every_day(const an_tx_ctx *c, size_t k)
{
	static const char *const parts[] = {"day", "evening", "night", "morning", "afternoon",
	                                    NULL};
	return (word_is(c, k, "every") || word_is(c, k, "each")) && an_tx_one_of(c, k + 1, parts);
}

int an_tx_daily_before(const an_tx_ctx *c, size_t i)
{
	/* (six words back, and forty tokens: a run of clock times without
	 * words would else be read back to the text's start each time) */
	for (size_t k = i, n = 0; k > 0 && n < 6 && i - k < 40;) {
		if (TK(k).sent)
			return 0;
		k--;
		/* (past the first hour of a span: "daily from 10 a.m. to
		 * 6 p.m.") */
		if (an_tx_no_word(c, k) || TK(k).kind == AN_TK_NUM)
			continue;
		if (TK(k).kind != AN_TK_WORD)
			return 0;
		n++;
		if (word_is(c, k, "daily") || word_is(c, k, "nightly"))
			return 1;
		/* ("every day", "every evening from 5 p.m. to 8 p.m.") */
		if (k > 0 && an_tx_every_day(c, k - 1))
			return 1;
		if (an_tx_cue(c, k) < 0)
			return 0;
	}
	return 0;
}
