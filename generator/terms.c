/* terms.c - content-term vectors (see terms.h). */
#include "terms.h"
#include "words.h"
#include "alloc.h"
#include "terms_words.h"

#include <ctype.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* The stop words and synonyms in one hash table: every word of every text
 * is looked up in both lists, and a probe that compares once beats two
 * binary searches that compare eight or nine times.  Built once, on first
 * use, from any thread. */
typedef struct {
	const char *word; /* NULL: empty slot */
	const char *canon; /* the word's synonym class, or NULL */
	int stop;
	uint32_t hash;
} word_entry;

#define WORD_SLOTS 2048 /* a power of 2, at least twice the words */

static word_entry word_table[WORD_SLOTS];
static pthread_once_t word_table_once = PTHREAD_ONCE_INIT;

static word_entry *word_slot(const char *w, uint32_t h)
{
	size_t i = h & (WORD_SLOTS - 1);
	while (word_table[i].word && (word_table[i].hash != h || strcmp(word_table[i].word, w) != 0))
		i = (i + 1) & (WORD_SLOTS - 1);
	return &word_table[i];
}

static word_entry *word_add(const char *w)
{
	uint32_t h = an_words_hash(w);
	word_entry *e = word_slot(w, h);
	e->word = w;
	e->hash = h;
	return e;
}

static void word_table_build(void)
{
	if (2 * (an_terms_n_stop_words + an_terms_n_synonyms) > WORD_SLOTS)
		abort(); /* WORD_SLOTS must grow with the lists */
	for (size_t i = 0; i < an_terms_n_stop_words; i++)
		word_add(an_terms_stop_words[i])->stop = 1;
	for (size_t i = 0; i < an_terms_n_synonyms; i++)
		word_add(an_terms_synonyms[i].word)->canon = an_terms_synonyms[i].canon;
}

/* The entry of folded word w, or NULL when it is in neither list. */
static const word_entry *word_find(const char *w)
{
	pthread_once(&word_table_once, word_table_build);
	const word_entry *e = word_slot(w, an_words_hash(w));
	return e->word ? e : NULL;
}

/* Maps a two-byte Latin-1 letter (C3 xx) to its base ASCII letter, so
 * "Türk" and "Turk" are one term. */
static char fold_latin1(unsigned char b)
{
	static const char map[64] =
		"AAAAAAACEEEEIIII" "DNOOOOO*OUUUUYTs" "aaaaaaaceeeeiiii" "dnooooo/ouuuuyty";
	return map[b - 0x80];
}

/* Folds case and accents into `out`; returns the length. */
static size_t fold_chars(char *out, const char *word, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)word[i];
		if (c == 0xC3 && i + 1 < len && (unsigned char)word[i + 1] >= 0x80 &&
		    (unsigned char)word[i + 1] <= 0xBF) {
			out[n++] = (char)tolower((unsigned char)fold_latin1((unsigned char)word[++i]));
		} else if (c < 0x80) {
			out[n++] = (char)tolower(c);
		} else {
			out[n++] = (char)c;
		}
	}
	out[n] = '\0';
	return n;
}

size_t an_terms_fold_name(char *out, const char *word, size_t len)
{
	return fold_chars(out, word, len);
}

/* An acronym in capitals ("US", "UK", "CNN") is a name even when its
 * lowercase form is a stop word ("us"). */
static int is_acronym(const char *word, size_t len)
{
	if (len < 2)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (!isupper((unsigned char)word[i]))
			return 0;
	return 1;
}

size_t an_terms_fold(char *out, const char *word, size_t len)
{
	size_t n = fold_chars(out, word, len);
	const word_entry *e = word_find(out);
	if (e && e->canon) {
		n = strlen(e->canon);
		memcpy(out, e->canon, n + 1);
		return n;
	}
	if (is_acronym(word, len))
		return n;
	if (e && e->stop)
		return 0;
	/* Light stemming: enough to meet "strike"/"strikes"/"striking". */
	if (n > 4 && memcmp(out + n - 3, "ies", 3) == 0) {
		n -= 2;
		out[n - 1] = 'y';
	} else if (n > 5 && memcmp(out + n - 3, "ing", 3) == 0) {
		n -= 3;
	} else if (n > 4 && memcmp(out + n - 2, "ed", 2) == 0) {
		n -= 2;
	} else if (n > 3 && out[n - 1] == 's' && out[n - 2] != 's' && out[n - 2] != 'u') {
		n -= 1;
	}
	if (n > 4 && out[n - 1] == 'e')
		n -= 1; /* "strike" and "strik(ing)" */
	out[n] = '\0';
	return n < 2 ? 0 : n;
}

static uint64_t fnv1a(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static int cmp_term(const void *a, const void *b)
{
	uint64_t x = ((const an_term *)a)->id, y = ((const an_term *)b)->id;
	return x < y ? -1 : x > y;
}

/* Sorts and merges duplicate ids. */
static void normalise(an_vec *v)
{
	if (v->len < 2)
		return;
	an_qsort(v->items, v->len, sizeof *v->items, cmp_term);
	size_t k = 0;
	for (size_t i = 1; i < v->len; i++) {
		if (v->items[i].id == v->items[k].id)
			v->items[k].w += v->items[i].w;
		else
			v->items[++k] = v->items[i];
	}
	v->len = k + 1;
}

static void push(an_vec *v, uint64_t id, double w)
{
	v->items = an_xgrow(v->items, &v->cap, v->len + 1, sizeof *v->items);
	v->items[v->len].id = id;
	v->items[v->len].w = w;
	v->len++;
}

static int word_byte(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/* A run of two or more capitalised words ("United Kingdom", "Joint
 * Interagency Task Force") also stands for its initials, so that it meets
 * its acronym ("UK"). */
typedef struct {
	char initials[16];
	size_t n;
} name_run;

static void run_end(an_vec *out, name_run *r, double scale)
{
	if (r->n >= 2 && r->n < sizeof r->initials) {
		r->initials[r->n] = '\0';
		char folded[32];
		size_t f = an_terms_fold(folded, r->initials, r->n);
		if (f)
			push(out, fnv1a(folded, f), 1.5 * scale);
	}
	r->n = 0;
}

void an_terms_add(an_vec *out, const char *text, size_t len, double scale)
{
	char folded[64];
	name_run run = {{0}, 0};
	size_t i = 0;
	while (i < len) {
		size_t gap = i;
		while (i < len && !word_byte((unsigned char)text[i]))
			i++;
		size_t s = i;
		while (i < len && word_byte((unsigned char)text[i]))
			i++;
		size_t n = i - s;
		int spaced_only = 1;
		for (size_t k = gap; k < s; k++)
			if (text[k] != ' ')
				spaced_only = 0;
		if (!spaced_only || n == 0 || !isupper((unsigned char)text[s]) ||
		    is_acronym(text + s, n))
			run_end(out, &run, scale);
		if (n == 0 || n >= sizeof folded)
			continue;
		/* Typographic marks (curly quotes, dashes) are not words. */
		if ((unsigned char)text[s] == 0xE2)
			continue;
		int name = isupper((unsigned char)text[s]) || (unsigned char)text[s] == 0xC3;
		size_t f = an_terms_fold(folded, text + s, n);
		if (name && f == 0) /* "The" opening a sentence is no part of a name */
			run_end(out, &run, scale);
		else if (name && !is_acronym(text + s, n) && run.n < sizeof run.initials - 1)
			run.initials[run.n++] = text[s];
		if (f == 0 || isdigit((unsigned char)folded[0]))
			continue;
		push(out, fnv1a(folded, f), name ? 1.5 * scale : scale);
	}
	run_end(out, &run, scale);
	normalise(out);
}

void an_vec_add(an_vec *out, const an_vec *v, double scale)
{
	if (v->len == 0)
		return;
	/* Both are sorted with unique ids: one merge, where appending and
	 * sorting again cost a sort of the whole of `out` per add (an event's
	 * centroid grows by one mention at a time).  Sums are as before: the
	 * weight already in `out` first. */
	size_t n = out->len + v->len, i = 0, j = 0, k = 0;
	an_term *m = an_xmalloc(n * sizeof *m);
	while (i < out->len && j < v->len) {
		uint64_t a = out->items[i].id, b = v->items[j].id;
		if (a < b) {
			m[k++] = out->items[i++];
		} else if (b < a) {
			m[k].id = b;
			m[k++].w = v->items[j++].w * scale;
		} else {
			m[k].id = a;
			m[k++].w = out->items[i++].w + v->items[j++].w * scale;
		}
	}
	for (; i < out->len; i++)
		m[k++] = out->items[i];
	for (; j < v->len; j++) {
		m[k].id = v->items[j].id;
		m[k++].w = v->items[j].w * scale;
	}
	free(out->items);
	out->items = m;
	out->len = k;
	out->cap = n;
}

void an_vec_weight(an_vec *v, double (*idf)(uint64_t, void *), void *payload)
{
	for (size_t i = 0; i < v->len; i++)
		v->items[i].w *= idf(v->items[i].id, payload);
}

/* The dot product of a short vector with a much longer one (a mention
 * with a large event's centroid): each term of the short one is looked up
 * by galloping through the long one, so the cost grows with the short
 * length times a logarithm, not with the long length.  The products are
 * added in ascending id order, as the merge adds them. */
static double dot_gallop(const an_term *x, size_t nx, const an_term *y, size_t ny)
{
	double dot = 0;
	size_t lo = 0;
	for (size_t i = 0; i < nx && lo < ny; i++) {
		uint64_t id = x[i].id;
		/* the first y[k].id >= id, k >= lo: bounds 1, 2, 4, ... ahead,
		 * then bisect the last step */
		size_t step = 1, hi = lo;
		while (hi < ny && y[hi].id < id) {
			lo = hi + 1;
			hi += step;
			step <<= 1;
		}
		if (hi > ny)
			hi = ny;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (y[mid].id < id)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < ny && y[lo].id == id) /* a product is the same either way round */
			dot += x[i].w * y[lo].w, lo++;
	}
	return dot;
}

/* Above this ratio of lengths a lookup per term of the short vector beats
 * walking both. */
#define GALLOP_RATIO 16

double an_vec_dot(const an_vec *a, const an_vec *b)
{
	if (a->len * GALLOP_RATIO < b->len)
		return dot_gallop(a->items, a->len, b->items, b->len);
	if (b->len * GALLOP_RATIO < a->len)
		return dot_gallop(b->items, b->len, a->items, a->len);
	/* The clustering's inner loop.  The ids are hashes, so which side
	 * advances is a coin toss the branch predictor loses half the time:
	 * advance by comparisons instead (same sums, in the same order). */
	double dot = 0;
	const an_term *x = a->items, *y = b->items;
	const an_term *xe = x + a->len, *ye = y + b->len;
	while (x < xe && y < ye) {
		uint64_t u = x->id, v = y->id;
		if (u == v)
			dot += x->w * y->w;
		x += u <= v;
		y += v <= u;
	}
	return dot;
}

double an_vec_norm(const an_vec *v)
{
	double n = 0;
	for (size_t k = 0; k < v->len; k++)
		n += v->items[k].w * v->items[k].w;
	return sqrt(n);
}

double an_vec_cosine(const an_vec *a, const an_vec *b)
{
	double na = an_vec_norm(a), nb = an_vec_norm(b);
	if (na == 0 || nb == 0)
		return 0;
	return an_vec_dot(a, b) / (na * nb);
}

void an_vec_fit(an_vec *v)
{
	if (v->len == 0)
		an_vec_free(v);
	else
		v->items = an_xfit(v->items, &v->cap, v->len, sizeof *v->items);
}

void an_vec_free(an_vec *v)
{
	free(v->items);
	v->items = NULL;
	v->len = v->cap = 0;
}

/* ---- document frequencies: an open-addressing map id -> count ---- */

/* IDF_PRIOR pseudo-texts that hold no term keep a small corpus (two
 * articles) from scoring the very words its texts share as noise. */
#define IDF_PRIOR 20.0

struct an_df {
	uint64_t *ids; /* 0 marks an empty slot */
	unsigned *counts;
	size_t cap, len;
	double n_texts;
};

an_df *an_df_new(void)
{
	an_df *df = an_xcalloc(1, sizeof *df);
	df->cap = 1024;
	df->ids = an_xcalloc(df->cap, sizeof *df->ids);
	df->counts = an_xcalloc(df->cap, sizeof *df->counts);
	return df;
}

static size_t df_slot(const an_df *m, uint64_t id)
{
	size_t i = (size_t)(id ^ (id >> 29)) & (m->cap - 1);
	while (m->ids[i] && m->ids[i] != id)
		i = (i + 1) & (m->cap - 1);
	return i;
}

static void df_grow(an_df *m)
{
	an_df big = {an_xcalloc(m->cap * 2, sizeof(uint64_t)),
	             an_xcalloc(m->cap * 2, sizeof(unsigned)), m->cap * 2, m->len, 0};
	for (size_t i = 0; i < m->cap; i++)
		if (m->ids[i]) {
			size_t s = df_slot(&big, m->ids[i]);
			big.ids[s] = m->ids[i];
			big.counts[s] = m->counts[i];
		}
	free(m->ids);
	free(m->counts);
	m->ids = big.ids;
	m->counts = big.counts;
	m->cap = big.cap;
}

void an_df_add(an_df *m, const an_vec *v)
{
	for (size_t k = 0; k < v->len; k++) {
		uint64_t id = v->items[k].id ? v->items[k].id : 1;
		if ((m->len + 1) * 2 > m->cap)
			df_grow(m);
		size_t s = df_slot(m, id);
		if (!m->ids[s]) {
			m->ids[s] = id;
			m->len++;
		}
		m->counts[s]++;
	}
	m->n_texts++;
}

double an_df_idf(uint64_t id, void *payload)
{
	const an_df *m = payload;
	size_t s = df_slot(m, id ? id : 1);
	double df = m->ids[s] ? m->counts[s] : 0;
	/* rounded to 1/1024: one sentence more anywhere changes every
	 * weight by about 1/n_texts, and a clustering full of near-equal
	 * choices then moved a thousand mentions at 10,000 articles for an
	 * edit to one of them; a weight now moves only when its own term's
	 * count does (or sits at a rounding edge) */
	return round(log((m->n_texts + IDF_PRIOR) / (df + 1)) * 1024.0) / 1024.0;
}

size_t an_df_index(const an_df *df, uint64_t id)
{
	if (!id)
		return (size_t)-1;
	size_t s = df_slot(df, id);
	return df->ids[s] ? s : (size_t)-1;
}

size_t an_df_size(const an_df *df)
{
	return df->cap;
}

void an_df_free(an_df *df)
{
	if (!df)
		return;
	free(df->ids);
	free(df->counts);
	free(df);
}
