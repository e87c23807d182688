/* figures.c - figures and disputed quantities (see figures.h).
 *
 * What a number counts is read from its neighbours: a noun right after it
 * ("76 people", "14 strikes") or a word of a countable kind before it
 * ("killed at least 76", "the death toll ... to 75").  Kinds of events that
 * news counts (killings, strikes, arrests, injuries, boats) win over plain
 * nouns ("people"), so that "killed 76 people" and "a death toll of 75"
 * meet.  Among figures of one kind, only those within a factor of two of
 * each other count one quantity: "six killed in Tuesday's strike" and "76
 * killed since September" are two. */
#include "figures.h"
#include "alloc.h"
#include "terms.h"
#include "words.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_WORDS 200
#define SAME_QUANTITY_RATIO 2.0
#define MAX_DISPUTED_VALUES 6

/* Kinds of counted events, as the folded terms name them (terms_words.c
 * folds "killed", "deaths", "dead" to "kill"), with a reader's label. */
static const struct {
	const char *term, *label;
} kinds[] = {
	{"kill", "people killed"}, {"toll", "people killed"}, {"strike", "strikes"},
	{"injur", "people injured"}, {"wound", "people wounded"},
	{"arrest", "people arrested"}, {"boat", "boats"}, {"displac", "people displaced"},
	{"evacuat", "people evacuated"}, {"missing", "people missing"},
};

/* (with their lengths: a word is compared only with those of its own) */
#define NW(w, v) {w, sizeof w - 1, v}
static const struct {
	const char *word;
	size_t len;
	int value;
} number_words[] = {
	NW("two", 2), NW("three", 3), NW("four", 4), NW("five", 5), NW("six", 6), NW("seven", 7),
	NW("eight", 8), NW("nine", 9), NW("ten", 10), NW("eleven", 11), NW("twelve", 12),
	NW("thirteen", 13), NW("fourteen", 14), NW("fifteen", 15), NW("sixteen", 16),
	NW("seventeen", 17), NW("eighteen", 18), NW("nineteen", 19), NW("twenty", 20),
	NW("thirty", 30), NW("forty", 40), NW("fifty", 50), NW("sixty", 60), NW("seventy", 70),
	NW("eighty", 80), NW("ninety", 90), NW("hundred", 100), NW("dozens", 24),
};
#undef NW

/* Words before a figure that qualify it, kept in its text. */
static const char *const qualifiers[] = {
	"least", "than", "over", "nearly", "almost", "about", "around", "some",
	"roughly", "approximately", "up", "to", "under", "fewer", "less", "more",
	"at", "upwards", "of", "just", "only", "exactly", NULL};
static an_wordset qualifiers_set = AN_WORDSET(qualifiers);

static const char *const auxiliaries[] = {
	"were", "was", "are", "is", "have", "has", "had", "been", "being", "be",
	"reportedly", "allegedly", "later", NULL};
static an_wordset auxiliaries_set = AN_WORDSET(auxiliaries);

static int parse_number(const char *t, const an_word *w, double *out)
{
	size_t n = w->ce - w->cs;
	const char *p = t + w->cs;
	if (isdigit((unsigned char)p[0])) {
		double v = 0;
		size_t i = 0;
		for (; i < n && (isdigit((unsigned char)p[i]) || p[i] == ','); i++)
			if (p[i] != ',')
				v = v * 10 + (p[i] - '0');
		if (i < n && p[i] == '.' && i + 1 < n && isdigit((unsigned char)p[i + 1])) {
			double scale = 0.1;
			for (i++; i < n && isdigit((unsigned char)p[i]); i++, scale /= 10)
				v += (p[i] - '0') * scale;
		}
		/* "G7", "76ers", "t.co/1h7": digits glued to letters are no figure;
		 * "%" is a rate, not a count */
		if (i != n || (w->cs > w->s && isalnum((unsigned char)t[w->cs - 1])))
			return 0;
		*out = v;
		return 1;
	}
	/* every word of every sentence comes here: most are let go on their
	 * length and first letter, before the list is walked */
	int c0 = tolower((unsigned char)p[0]);
	if (n < 3 || n > 9 || !memchr("tfsenhd", c0, 7))
		return 0;
	/* (the words are in lower case) */
	for (size_t k = 0; k < sizeof number_words / sizeof *number_words; k++)
		if (number_words[k].len == n && number_words[k].word[0] == c0 &&
		    strncasecmp(number_words[k].word, p, n) == 0) {
			*out = number_words[k].value;
			return 1;
		}
	return 0;
}

/* The folded term of a word ("killed" -> "kill"), "" for a stop word. */
static void fold_word(char *out, const char *t, const an_word *w)
{
	size_t n = w->ce - w->cs;
	if (n >= 48) {
		out[0] = '\0';
		return;
	}
	if (an_terms_fold(out, t + w->cs, n) == 0)
		out[0] = '\0';
}

static int kind_of(const char *term)
{
	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
		if (strncmp(term, kinds[k].term, strlen(kinds[k].term)) == 0)
			return (int)k;
	return -1;
}

/* Timexes are in text order and never overlap, so their ends are sorted
 * too: a binary search keeps a long article linear (a scan per number
 * made a 6 MB article take half a minute). */
static int inside_timex(const an_timex_list *tx, size_t s, size_t e)
{
	size_t lo = 0, hi = tx->len;
	while (lo < hi) { /* the first timex that ends after s */
		size_t mid = lo + (hi - lo) / 2;
		if (tx->items[mid].end <= s)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < tx->len && tx->items[lo].start < e;
}

static void push(an_figure_list *out, const an_figure *f)
{
	out->items = an_xgrow(out->items, &out->cap, out->len + 1, sizeof *out->items);
	out->items[out->len++] = *f;
}

static void scan_sentence(an_figure_list *out, size_t doc, size_t si, const char *t,
                          size_t s, size_t e, const an_timex_list *tx)
{
	an_word w[MAX_WORDS];
	size_t n = an_words_split(w, MAX_WORDS, t, s, e);
	for (size_t i = 0; i < n; i++) {
		double v;
		if (!parse_number(t, &w[i], &v) || inside_timex(tx, w[i].cs, w[i].ce))
			continue;
		/* "two of the world's closest allies": a part, not a count */
		if (i + 1 < n && w[i + 1].ce - w[i + 1].cs == 2 &&
		    strncasecmp(t + w[i + 1].cs, "of", 2) == 0)
			continue;
		char term[48];
		int kind = -1, best_before = -1;
		char noun[48] = "", written[48] = "";
		/* after: the counted noun, the first content word */
		for (size_t k = i + 1; k < n && k <= i + 4; k++) {
			if (an_words_ends_clause(t, &w[k - 1]) && k > i + 1)
				break;
			fold_word(term, t, &w[k]);
			if (!term[0])
				continue;
			kind = kind_of(term);
			memcpy(noun, term, sizeof noun);
			/* the label is the word as written ("people"), not its stem */
			size_t wl = w[k].ce - w[k].cs;
			if (wl >= sizeof written)
				wl = sizeof written - 1;
			an_terms_fold_name(written, t + w[k].cs, wl);
			/* "76 people were killed": the kind follows the noun */
			size_t next = k + 1;
			while (next < n && next < k + 4 && an_wordset_has(&auxiliaries_set, t, &w[next]))
				next++;
			if (kind < 0 && next > k + 1 && next < n &&
			    !an_words_ends_clause(t, &w[next - 1])) {
				fold_word(term, t, &w[next]);
				if (term[0])
					kind = kind_of(term);
			}
			break;
		}
		/* before: a kind of event in the same clause ("the death toll
		 * from US attacks ... has now risen to more than 70") */
		for (size_t k = i, content = 0; k > 0 && content < 10 && kind < 0; k--) {
			if (an_words_ends_clause(t, &w[k - 1]))
				break;
			fold_word(term, t, &w[k - 1]);
			if (!term[0])
				continue;
			content++;
			/* keep looking: "the death toll from US attacks ... 70"
			 * counts deaths, the first kind in the list */
			int kk = kind_of(term);
			if (kk >= 0 && (best_before < 0 || kk < best_before))
				best_before = kk;
		}
		if (kind < 0)
			kind = best_before;
		if (kind < 0 && !noun[0])
			continue;
		an_figure f;
		memset(&f, 0, sizeof f);
		f.doc = doc;
		f.sentence = si;
		f.value = v;
		size_t first = i;
		while (first > 0 && i - first < 3 && an_wordset_has(&qualifiers_set, t, &w[first - 1]) &&
		       !an_words_ends_clause(t, &w[first - 1]))
			first--;
		/* "to 75" and "of 6" say where, not how many */
		while (first < i && (an_words_in((const char *const[]){"to", "of", NULL}, t, &w[first])))
			first++;
		f.start = w[first].cs;
		f.end = w[i].ce;
		if (kind >= 0) {
			f.event_count = 1;
			snprintf(f.key, sizeof f.key, "%s", kinds[kind].term);
			snprintf(f.label, sizeof f.label, "%s", kinds[kind].label);
			if (strcmp(f.key, "toll") == 0)
				snprintf(f.key, sizeof f.key, "kill");
		} else {
			/* nouns longer than a key are cut; they still compare */
			snprintf(f.key, sizeof f.key, "%.*s", (int)sizeof f.key - 1, noun);
			snprintf(f.label, sizeof f.label, "%.*s", (int)sizeof f.label - 1, written);
		}
		push(out, &f);
	}
}

void an_figures_scan(an_figure_list *out, size_t doc, const char *text,
                     const an_sentence_list *sentences, const an_timex_list *timexes)
{
	for (size_t si = 0; si < sentences->len; si++)
		scan_sentence(out, doc, si, text, sentences->items[si].start,
		              sentences->items[si].end, timexes);
}

void an_figure_list_free(an_figure_list *list)
{
	free(list->items);
	list->items = NULL;
	list->len = list->cap = 0;
}

/* ---- disputes ---- */

typedef struct {
	const an_figure *f;
	size_t index, group;
} entry;

static int cmp_entry(const void *x, const void *y)
{
	const entry *a = x, *b = y;
	int k = strcmp(a->f->key, b->f->key);
	if (k)
		return k;
	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	if (a->f->value != b->f->value)
		return a->f->value < b->f->value ? -1 : 1;
	return a->index < b->index ? -1 : (a->index > b->index);
}

void an_disputes_find(an_disputes *out, const an_figure_list *figures)
{
	an_disputes_find_grouped(out, figures, NULL);
}

void an_disputes_find_grouped(an_disputes *out, const an_figure_list *figures,
                              const size_t *doc_group)
{
	memset(out, 0, sizeof *out);
	size_t n = figures->len, cap = 0;
	entry *es = an_xmalloc((n + 1) * sizeof *es);
	for (size_t i = 0; i < n; i++) {
		es[i].f = &figures->items[i];
		es[i].index = i;
		es[i].group = doc_group ? doc_group[es[i].f->doc] : 0;
	}
	an_qsort(es, n, sizeof *es, cmp_entry);
	/* runs of one key within the ratio of their smallest value (not of
	 * their neighbour: a chain 10, 19, 37, 70 is four quantities) */
	for (size_t a = 0; a < n;) {
		size_t z = a + 1;
		while (z < n && strcmp(es[z].f->key, es[a].f->key) == 0 &&
		       es[z].group == es[a].group &&
		       es[z].f->value <= es[a].f->value * SAME_QUANTITY_RATIO &&
		       es[a].f->value > 0)
			z++;
		/* disputed: two values at least, told by two articles at least;
		 * a run of many values is many counts that share a noun ("14
		 * strikes", "12 strikes" of different weeks), not one quantity */
		size_t distinct = 1;
		int two_docs = 0;
		for (size_t k = a + 1; k < z; k++) {
			distinct += es[k].f->value != es[k - 1].f->value;
			two_docs |= es[k].f->doc != es[a].f->doc;
		}
		if (distinct >= 2 && two_docs && distinct <= MAX_DISPUTED_VALUES) {
			out->items = an_xgrow(out->items, &cap, out->len + 1, sizeof *out->items);
			an_dispute *d = &out->items[out->len++];
			snprintf(d->quantity, sizeof d->quantity, "%s", es[a].f->label);
			d->n_figures = z - a;
			d->figures = an_xmalloc(d->n_figures * sizeof *d->figures);
			for (size_t k = a; k < z; k++)
				d->figures[k - a] = es[k].index;
		}
		a = z;
	}
	free(es);
}

void an_disputes_free(an_disputes *d)
{
	for (size_t i = 0; i < d->len; i++)
		free(d->items[i].figures);
	free(d->items);
	d->items = NULL;
	d->len = 0;
}
