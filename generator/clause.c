/* clause.c - clauses, reports and attributions (see clause.h).
 *
 * The sentence is read as words (runs between spaces, punctuation kept on
 * them).  A date modifies a report when a reporting verb stands just
 * before it with only names, prepositions and auxiliaries between
 * ("revealed by CNN on Tuesday", "reported Tuesday"), or just after it
 * ("On Tuesday, CNN reported").  A tweet embedded in an article ends with
 * "— Name (@handle) November 11, 2025": that date is when the tweet
 * reported what it says. */
#include "clause.h"
#include "terms.h"
#include "words.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define MAX_WORDS 160


static const char *const reporting[] = {
	"reported", "reports", "report", "revealed", "reveals", "reveal", "said",
	"says", "told", "tells", "tell", "announced", "announces", "stated", "states",
	"confirmed", "confirms", "disclosed", "discloses", "published", "publishes",
	"declared", "declares", "tweeted", "wrote", "writes", "broke", "obtained",
	"claimed", "claims", "warned", "warns", "insisted", "added", NULL};
static an_wordset reporting_set = AN_WORDSET(reporting);

/* words allowed between a reporting verb and its date */
static const char *const linkers[] = {
	"by", "on", "in", "at", "late", "early", "earlier", "last", "this", "was",
	"were", "had", "has", "been", "first", "the", "network", "to", NULL};
static an_wordset linkers_set = AN_WORDSET(linkers);

static const char *const pronouns[] = {
	"he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those",
	"the", "a", "an", "his", "her", "their", "its", "our", "sources", "officials",
	/* unnamed sources are not a reporter */
	"analysts", "experts", "critics", "observers", "diplomats", "insiders",
	"witnesses", "residents", "reports", "report", "some", "many", NULL};
static an_wordset pronouns_set = AN_WORDSET(pronouns);


/* The name as written, words [first, last], into `out`. */
static void name_text(char *out, const char *t, const an_word *w, size_t first, size_t last)
{
	if (!out)
		return;
	size_t n = w[last].ce - w[first].cs;
	if (n >= AN_CLAUSE_NAME_MAX)
		n = AN_CLAUSE_NAME_MAX - 1;
	memcpy(out, t + w[first].cs, n);
	out[n] = '\0';
}

/* Folds the name ending at word `last` to its key: the last word,
 * lowercase, unaccented. */
static void name_key(char *out, const char *t, const an_word *w, size_t last)
{
	char buf[AN_CLAUSE_NAME_MAX];
	size_t n = w[last].ce - w[last].cs;
	if (n >= sizeof buf)
		n = sizeof buf - 1;
	an_terms_fold_name(buf, t + w[last].cs, n);
	snprintf(out, AN_CLAUSE_NAME_MAX, "%s", buf);
}

/* The capitalised name ending at word `end` (inclusive), if any; returns
 * 1, its key and its text. */
static int name_ending(char *out, char *name, const char *t, const an_word *w, size_t end)
{
	if (!an_words_capitalised(t, &w[end]) || an_wordset_has(&pronouns_set, t, &w[end]))
		return 0;
	size_t first = end;
	while (first > 0 && an_words_capitalised(t, &w[first - 1]) && !an_words_ends_clause(t, &w[first - 1]) &&
	       !an_wordset_has(&pronouns_set, t, &w[first - 1]) && end - first < 3)
		first--;
	name_key(out, t, w, end);
	name_text(name, t, w, first, end);
	return 1;
}

/* The capitalised name starting at word `start`; its last word's key. */
static int name_starting(char *out, char *name, const char *t, const an_word *w, size_t n,
                         size_t start)
{
	if (start >= n || !an_words_capitalised(t, &w[start]) ||
	    an_wordset_has(&pronouns_set, t, &w[start]))
		return 0;
	size_t last = start;
	while (last + 1 < n && an_words_capitalised(t, &w[last + 1]) && !an_words_ends_clause(t, &w[last]))
		last++;
	name_key(out, t, w, last);
	name_text(name, t, w, start, last);
	return 1;
}

/* Who a reporting verb at w[v] attributes to: "by NAME", "NAME verb",
 * "told NAME". */
static int reporter_of(char *out, char *name, const char *t, const an_word *w, size_t n,
                       size_t v)
{
	if (v + 2 < n && (w[v + 1].ce - w[v + 1].cs) == 2 &&
	    strncasecmp(t + w[v + 1].cs, "by", 2) == 0 &&
	    name_starting(out, name, t, w, n, v + 2))
		return 1;
	size_t vn = w[v].ce - w[v].cs;
	/* "sources tell CNN", "told CNN": the outlet told is the reporter */
	if (((vn == 4 || vn == 5) && strncasecmp(t + w[v].cs, "tel", 3) == 0) ||
	    (vn == 4 && strncasecmp(t + w[v].cs, "told", 4) == 0)) {
		if (v + 1 < n && !an_words_ends_clause(t, &w[v]) && name_starting(out, name, t, w, n, v + 1))
			return 1;
	}
	if (v > 0 && !an_words_ends_clause(t, &w[v - 1]) && name_ending(out, name, t, w, v - 1))
		return 1;
	return 0;
}

/* w[i] is a reporting verb: in the list, and not capitalised inside the
 * sentence, where it is part of a name ("the United States on April 6",
 * "Consumer Reports"). */
static int reporting_verb(const char *t, const an_word *w, size_t i)
{
	return an_wordset_has(&reporting_set, t, &w[i]) && (i == 0 || !an_words_capitalised(t, &w[i]));
}

/* A tweet signature before word `i`: "— Natasha Bertrand (@NatashaBertrand)". */
static int tweet_signature(const char *t, const an_word *w, size_t i)
{
	return i > 0 && w[i - 1].s + 2 < w[i - 1].e && t[w[i - 1].s] == '(' &&
	       t[w[i - 1].s + 1] == '@';
}

void an_clause_of_date(an_clause *out, const char *t, size_t s, size_t e, size_t ts, size_t te)
{
	memset(out, 0, sizeof *out);
	an_word w[MAX_WORDS];
	size_t n = an_words_split(w, MAX_WORDS, t, s, e);
	size_t first = n, last = n;
	for (size_t i = 0; i < n; i++) {
		if (first == n && w[i].e > ts)
			first = i;
		if (w[i].s < te)
			last = i;
	}
	/* the clause: out to the nearest clause punctuation on either side,
	 * widened a little when that leaves only the date */
	size_t a = first, z = last;
	if (first < n) {
		for (int widen = 0; widen < 3; widen++) {
			while (a > 0 && !an_words_ends_clause(t, &w[a - 1]))
				a--;
			while (z + 1 < n && !an_words_ends_clause(t, &w[z]))
				z++;
			if ((first - a) + (z - last) >= 6)
				break;
			if (a > 0)
				a--;
			if (z + 1 < n)
				z++;
		}
		out->start = w[a].s;
		out->end = w[z].e;
	} else {
		out->start = s;
		out->end = e;
		return;
	}

	if (tweet_signature(t, w, first)) {
		out->is_report = 1;
		if (!an_clause_attribution(out->reporter, out->reporter_name, t, s,
		                           w[first - 1].s) && first >= 2) {
			/* the tweet's author: the words between the dash and
			 * "(@handle)", whatever their case ("teleSUR TV") */
			size_t from = first - 1;
			while (from > 0 && first - 1 - from < 4 &&
			       !(t[w[from - 1].e - 1] == '\x94' && w[from - 1].e >= w[from - 1].s + 3))
				from--;
			if (from < first - 1) {
				name_key(out->reporter, t, w, first - 2);
				name_text(out->reporter_name, t, w, from, first - 2);
			}
		}
		return;
	}
	/* a reporting verb before the date, with only linkers between */
	for (size_t k = first, steps = 0; k > 0 && steps < 5; k--, steps++) {
		const an_word *x = &w[k - 1];
		if (an_words_ends_clause(t, x))
			break;
		if (reporting_verb(t, w, k - 1)) {
			out->is_report = 1;
			reporter_of(out->reporter, out->reporter_name, t, w, n, k - 1);
			return;
		}
		if (!an_wordset_has(&linkers_set, t, x) && !an_words_capitalised(t, x))
			break;
	}
	/* or right after it: "on Tuesday reported", "On Tuesday, CNN reported" */
	size_t k = last + 1;
	if (k < n && reporting_verb(t, w, k)) {
		out->is_report = 1;
		reporter_of(out->reporter, out->reporter_name, t, w, n, k);
		return;
	}
	size_t name_end = k;
	while (name_end < n && an_words_capitalised(t, &w[name_end]) && name_end < k + 4)
		name_end++;
	if (name_end > k && name_end < n && reporting_verb(t, w, name_end)) {
		out->is_report = 1;
		name_ending(out->reporter, out->reporter_name, t, w, name_end - 1);
	}
}

int an_clause_attribution(char *reporter, char *name, const char *t, size_t s, size_t e)
{
	an_word w[MAX_WORDS];
	size_t n = an_words_split(w, MAX_WORDS, t, s, e);
	reporter[0] = '\0';
	if (name)
		name[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		/* "according to [the] [reports|report from|of] NAME" */
		if (i + 2 < n && (w[i].ce - w[i].cs) == 9 &&
		    strncasecmp(t + w[i].cs, "according", 9) == 0) {
			size_t j = i + 2;
			while (j < n && j < i + 6 && !an_words_capitalised(t, &w[j]) && !an_words_ends_clause(t, &w[j - 1]))
				j++;
			if (j < n && !an_words_ends_clause(t, &w[j - 1]) &&
			    name_starting(reporter, name, t, w, n, j))
				return 1;
			continue;
		}
		if (reporting_verb(t, w, i) && reporter_of(reporter, name, t, w, n, i))
			return 1;
	}
	reporter[0] = '\0';
	return 0;
}
