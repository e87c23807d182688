/* timeline_story.c - who an article and a mention are about (see
 * timeline_impl.h): the names they give, as keys, for telling articles of
 * one story from articles that only share a genre's words ("net income
 * ... a share" in every earnings report), and two mentions about one
 * actor from two about different ones. */
#include "timeline_impl.h"
#include "alloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Articles tell one story when this share of one's names, by squared
 * weight, are the other's too (an_tl_same_story) */
#define SIM_STORY_NAMES 0.25
/* an_tl_story_of_cluster asks at most this many of an event's articles */
#define STORY_PROBE_DOCS 8
/* the smallest toll that ties two reports of other stories */
#define FIGURE_MIN 10

static int cmp_name_key(const void *x, const void *y)
{
	uint32_t a = ((const an_tl_name *)x)->key, c = ((const an_tl_name *)y)->key;
	return a < c ? -1 : a > c;
}

static int cmp_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, c = *(const uint32_t *)y;
	return a < c ? -1 : a > c;
}

/* The first index of sorted a[0, n) holding v or more. */
static size_t lower_u32(const uint32_t *a, size_t n, uint32_t v)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (a[mid] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

#define AN_TL_NAME_KEYS 3

/* Words that open or close many unrelated names: "New York" and "New
 * Delhi", "United Airlines" and "United Nations" share no story. */
static const char *const generic_name_words[] = {
	"new", "united", "national", "north", "south", "east", "west", "san", "los",
	"las", "saint", "st", "american", "general", "first", "great", "central",
	"international", "federal", "state", "city", "corp", "inc", "co", "ltd",
	"group", "company", "bank", "university", NULL};

static uint32_t name_word_key(const char *w, size_t n)
{
	if (n < 2)
		return 0;
	/* (the first letter rules out most words before strlen) */
	for (const char *const *g = generic_name_words; *g; g++)
		if ((*g)[0] == w[0] && strlen(*g) == n && memcmp(*g, w, n) == 0)
			return 0;
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)w[i]) * 16777619u;
	return h ? h : 1;
}

/* The keys a name counts under: its first and its last word, so that
 * "Delta Air Lines" and "Delta", "Juan Miguel Gonzalez" and "Gonzalez"
 * meet, and for a name of several words its initials ("United Kingdom"
 * and "UK").  *weak is set for a one-word name that opens its sentence
 * ("Quarterly net rose"): as likely a capitalised word, unless possessive
 * ("Springfield's mayor").  Returns the number of keys written to keys[]
 * (AN_TL_NAME_KEYS at most). */
static int name_keys(uint32_t keys[AN_TL_NAME_KEYS], int *weak, const an_name *nm,
                     const char *text)
{
	size_t len = nm->end - nm->name_start;
	char buf[128];
	if (len >= sizeof buf)
		len = sizeof buf - 1;
	size_t fl = an_terms_fold_name(buf, text + nm->name_start, len);
	size_t fe = 0, ls = fl;
	while (fe < fl && buf[fe] != ' ')
		fe++;
	while (ls > 0 && buf[ls - 1] != ' ')
		ls--;
	/* byte by byte: the text may end right after the name */
	const unsigned char *after = (const unsigned char *)text + nm->end;
	int possessive = (after[0] == '\'' && after[1] == 's') ||
	                 (after[0] == 0xE2 && after[1] == 0x80 && after[2] == 0x99 && after[3] == 's');
	*weak = ls == 0 && nm->opens_sentence && !possessive;
	int n = 0;
	uint32_t first = name_word_key(buf, fe), last = ls > 0 ? name_word_key(buf + ls, fl - ls) : 0;
	if (first)
		keys[n++] = first;
	if (last && last != first)
		keys[n++] = last;
	if (ls > 0) {
		char init[16];
		size_t ni = 0;
		for (size_t i = 0; i < fl && ni < sizeof init; i++)
			if ((i == 0 || buf[i - 1] == ' ') && buf[i] != ' ')
				init[ni++] = buf[i];
		uint32_t k = ni >= 2 && ni < sizeof init ? name_word_key(init, ni) : 0;
		if (k && k != first && k != last)
			keys[n++] = k;
	}
	return n;
}

/* Whether sorted keys[0, n) hold key. */
static int has_key(const an_tl_name *keys, size_t n, uint32_t key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (keys[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && keys[lo].key == key;
}

/* The names of doc d as keys with counts, in key order.  Weighed later,
 * once every article's keys are known (an_tl_story_weigh). */
void an_tl_story_keys(an_tl_names *out, const builder *b, size_t d)
{
	const an_analysis *an = b->docs[d].analysis;
	const char *text = b->docs[d].article->text;
	size_t cap = AN_TL_NAME_KEYS * an->names.len + 1, n = 0;
	an_tl_name *keys = an_xmalloc(cap * sizeof *keys);
	/* the names seen where they are surely names first, then the weak
	 * ones that are among them */
	for (int pass = 0; pass < 2; pass++) {
		size_t strong = n;
		for (size_t i = 0; i < an->names.len; i++) {
			uint32_t some[AN_TL_NAME_KEYS];
			int weak, k = name_keys(some, &weak, &an->names.items[i], text);
			if (weak != pass)
				continue;
			for (int w = 0; w < k; w++) {
				if (pass && !has_key(keys, strong, some[w]))
					continue;
				keys[n].key = some[w];
				keys[n++].w = 1;
			}
		}
		an_qsort(keys, n, sizeof *keys, cmp_name_key);
		size_t u = 0;
		for (size_t k = 0; k < n; k++) {
			if (u && keys[u - 1].key == keys[k].key)
				keys[u - 1].w += keys[k].w;
			else
				keys[u++] = keys[k];
		}
		n = u;
	}
	out->items = an_xfit(keys, &cap, n, sizeof *keys);
	out->n = n;
}

/* Weighs each article's name counts by how few articles give the name:
 * log(1 + articles / articles giving it), so that a name every article
 * gives still counts a little, as in a site about one story. */
void an_tl_story_weigh(builder *b)
{
	size_t total = 0;
	for (size_t d = 0; d < b->n_docs; d++)
		total += b->story[d].n;
	uint32_t *all = an_xmalloc((total + 1) * sizeof *all);
	size_t n = 0;
	for (size_t d = 0; d < b->n_docs; d++)
		for (size_t k = 0; k < b->story[d].n; k++)
			all[n++] = b->story[d].items[k].key;
	an_qsort(all, n, sizeof *all, cmp_u32);
	for (size_t d = 0; d < b->n_docs; d++) {
		an_tl_names *s = &b->story[d];
		double sum = 0;
		for (size_t k = 0; k < s->n; k++) {
			uint32_t key = s->items[k].key;
			size_t lo = lower_u32(all, n, key);
			size_t hi = key == UINT32_MAX ? n : lower_u32(all, n, key + 1);
			double w = s->items[k].w * log(1.0 + (double)b->n_docs / (double)(hi - lo));
			s->items[k].w = (float)w;
			sum += w * w;
		}
		s->total = sum;
	}
	/* the names rare enough to tie two mentions of other stories: "New
	 * York Stock Exchange" is in every market report */
	size_t limit = b->n_docs / 50 > 2 ? b->n_docs / 50 : 2, u = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && all[j] == all[i])
			j++;
		if (j - i <= limit)
			all[u++] = all[i];
		i = j;
	}
	b->rare_names = an_xfit(all, &n, u, sizeof *all);
	b->n_rare_names = u;
}

/* Two articles tell one story when much of what one of them names, by
 * squared weight (a story's own names count most), the other names too:
 * a short report naming only "Kenya" and "Nairobi" belongs to a long one
 * naming those among thirty others.  Such a brief could chain stories
 * together; the clustering's actors (an_tl_actors_meet) stop that.  An
 * article that names no one may tell any story. */
int an_tl_same_story(const builder *b, size_t dx, size_t dy)
{
	const an_tl_names *x = &b->story[dx], *y = &b->story[dy];
	if (dx == dy || !x->n || !y->n || x->total <= 0 || y->total <= 0)
		return 1;
	double sx = 0, sy = 0;
	for (size_t i = 0, j = 0; i < x->n && j < y->n;) {
		if (x->items[i].key < y->items[j].key) {
			i++;
		} else if (x->items[i].key > y->items[j].key) {
			j++;
		} else {
			sx += (double)x->items[i].w * x->items[i].w;
			sy += (double)y->items[j].w * y->items[j].w;
			i++;
			j++;
		}
	}
	return sx >= SIM_STORY_NAMES * x->total || sy >= SIM_STORY_NAMES * y->total;
}

/* Whether ascending x[0, nx) and y[0, ny) share a key. */
static int share_key(const uint32_t *x, size_t nx, const uint32_t *y, size_t ny)
{
	for (size_t i = 0, j = 0; i < nx && j < ny;) {
		if (x[i] < y[j])
			i++;
		else if (x[i] > y[j])
			j++;
		else
			return 1;
	}
	return 0;
}

int an_tl_names_shared(const an_tl_dated *x, const an_tl_dated *y)
{
	return share_key(x->name_keys, x->n_name_keys, y->name_keys, y->n_name_keys);
}

/* The keys of the rare names in sentence si of doc d (names[first, ...)
 * are those from that sentence on), sorted and unique, into dt. */
void an_tl_mention_names(an_tl_dated *dt, const builder *b, size_t d, size_t si, size_t first)
{
	const an_analysis *an = b->docs[d].analysis;
	size_t end = first;
	while (end < an->names.len && an->names.items[end].sentence == si)
		end++;
	dt->name_keys = NULL;
	dt->n_name_keys = 0;
	if (end == first)
		return;
	uint32_t *keys = an_xmalloc(AN_TL_NAME_KEYS * (end - first) * sizeof *keys);
	size_t n = 0;
	for (size_t i = first; i < end; i++) {
		uint32_t some[AN_TL_NAME_KEYS];
		int weak, k = name_keys(some, &weak, &an->names.items[i], b->docs[d].article->text);
		/* a weak name counts where the article names it surely too */
		for (int w = 0; w < k; w++)
			if (!weak || has_key(b->story[d].items, b->story[d].n, some[w]))
				keys[n++] = some[w];
	}
	an_qsort(keys, n, sizeof *keys, cmp_u32);
	size_t u = 0;
	for (size_t k = 0; k < n; k++) {
		size_t at = lower_u32(b->rare_names, b->n_rare_names, keys[k]);
		if ((!u || keys[u - 1] != keys[k]) && at < b->n_rare_names &&
		    b->rare_names[at] == keys[k])
			keys[u++] = keys[k];
	}
	if (!u) {
		free(keys);
		return;
	}
	dt->name_keys = keys;
	dt->n_name_keys = u;
}

void an_tl_pairs_init(an_tl_pairs *m, size_t n_docs)
{
	size_t want = 1 << 12;
	while (want < 64 * n_docs && want < ((size_t)1 << 20))
		want <<= 1;
	m->mask = want - 1;
	m->slots = an_xcalloc(want, sizeof *m->slots);
}

void an_tl_pairs_free(an_tl_pairs *m)
{
	free(m->slots);
	m->slots = NULL;
}

struct an_tl_pair *an_tl_pairs_slot(an_tl_pairs *m, size_t dx, size_t dy, int *hit)
{
	size_t d1 = dx < dy ? dx : dy, d2 = dx < dy ? dy : dx;
	uint32_t k1 = (uint32_t)d1 + 1, k2 = (uint32_t)d2 + 1;
	struct an_tl_pair *p = &m->slots[((uint64_t)k1 * 0x9E3779B1u ^ k2 * 0x85EBCA77u) & m->mask];
	*hit = p->d1 == k1 && p->d2 == k2;
	p->d1 = k1;
	p->d2 = k2;
	return p;
}

int an_tl_same_story_memo(const builder *b, size_t dx, size_t dy, an_tl_pairs *m)
{
	if (!m || !m->slots)
		return an_tl_same_story(b, dx, dy);
	int hit;
	struct an_tl_pair *p = an_tl_pairs_slot(m, dx, dy, &hit);
	if (!hit)
		p->same = an_tl_same_story(b, dx < dy ? dx : dy, dx < dy ? dy : dx);
	return p->same;
}

an_tl_name_table *an_tl_names_new(const builder *b)
{
	size_t most = 0;
	for (size_t d = 0; d < b->n_docs; d++)
		most = b->story[d].n > most ? b->story[d].n : most;
	size_t cap = 64;
	while (cap < 2 * most)
		cap <<= 1;
	an_tl_name_table *t = an_xcalloc(1, sizeof *t);
	t->slots = an_xcalloc(cap, sizeof *t->slots);
	t->mask = cap - 1;
	return t;
}

void an_tl_names_free(an_tl_name_table *t)
{
	if (t)
		free(t->slots);
	free(t);
}

static size_t name_slot(uint32_t key, size_t mask)
{
	return (size_t)((key * 0x9E3779B1u) >> 7) & mask;
}

void an_tl_names_spread(an_tl_name_table *t, const builder *b, size_t dx)
{
	if (++t->gen == 0) { /* (a new generation per row: wrapped, clear) */
		memset(t->slots, 0, (t->mask + 1) * sizeof *t->slots);
		t->gen = 1;
	}
	const an_tl_names *x = &b->story[dx];
	for (size_t k = 0; k < x->n; k++) {
		size_t i = name_slot(x->items[k].key, t->mask);
		while (t->slots[i].gen == t->gen)
			i = (i + 1) & t->mask;
		t->slots[i] = (struct an_tl_name_slot){x->items[k].key, t->gen, x->items[k].w};
	}
}

int an_tl_same_story_spread(const builder *b, const an_tl_name_table *t, size_t dx, size_t dy)
{
	const an_tl_names *x = &b->story[dx], *y = &b->story[dy];
	if (dx == dy || !x->n || !y->n || x->total <= 0 || y->total <= 0)
		return 1;
	/* dy's names in ascending order, as the merge meets the shared ones:
	 * the same sums, term for term (keys are unique in an article) */
	double sx = 0, sy = 0;
	for (size_t j = 0; j < y->n; j++) {
		uint32_t key = y->items[j].key;
		for (size_t i = name_slot(key, t->mask); t->slots[i].gen == t->gen;
		     i = (i + 1) & t->mask)
			if (t->slots[i].key == key) {
				sx += (double)t->slots[i].w * t->slots[i].w;
				sy += (double)y->items[j].w * y->items[j].w;
				break;
			}
	}
	return sx >= SIM_STORY_NAMES * x->total || sy >= SIM_STORY_NAMES * y->total;
}

/* The articles that name no one say nothing of the cluster's story: were
 * they to count, one such brief would let every story in. */
int an_tl_story_of_cluster(const builder *b, size_t doc, const cluster *cl, an_tl_pairs *m)
{
	if (!b->story[doc].n)
		return 1;
	/* a story is told by its first articles as well as by all: the
	 * check stays cheap for an event of thousands of reports */
	int named = 0;
	size_t n = cl->n_docs < STORY_PROBE_DOCS ? cl->n_docs : STORY_PROBE_DOCS;
	for (size_t i = 0; i < n; i++) {
		size_t d = cl->docs[i];
		if (d == doc)
			return 1;
		if (!b->story[d].n)
			continue;
		named = 1;
		if (an_tl_same_story_memo(b, doc, d, m))
			return 1;
	}
	return !named;
}

int an_tl_actors_meet(const uint32_t *x, size_t nx, const uint32_t *y, size_t ny)
{
	return !nx || !ny || share_key(x, nx, y, ny);
}

uint32_t *an_tl_actors_merge(const uint32_t *x, size_t nx, const uint32_t *y, size_t ny,
                             size_t *n_out)
{
	uint32_t *out = an_xmalloc((nx + ny + 1) * sizeof *out);
	size_t n = 0, i = 0, j = 0;
	while (i < nx || j < ny) {
		uint32_t v = j >= ny || (i < nx && x[i] <= y[j]) ? x[i] : y[j];
		if (i < nx && x[i] == v)
			i++;
		if (j < ny && y[j] == v)
			j++;
		out[n++] = v;
	}
	*n_out = n;
	return out;
}


void an_tl_mention_figures(an_tl_dated *dt, const builder *b, size_t d, size_t si)
{
	dt->figure_keys = NULL;
	dt->n_figure_keys = 0;
	const an_figure_list *f = b->docs[d].figures;
	if (!f || !f->len)
		return;
	size_t lo = 0, hi = f->len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (f->items[mid].sentence < si)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t end = lo;
	while (end < f->len && f->items[end].sentence == si)
		end++;
	if (end == lo)
		return;
	uint32_t *keys = an_xmalloc((end - lo) * sizeof *keys);
	size_t n = 0;
	for (size_t i = lo; i < end; i++) {
		/* a toll, and one large enough not to recur by chance on a busy
		 * day: "48 cents a share" and "two killed" tie nothing */
		if (!f->items[i].event_count || f->items[i].value < FIGURE_MIN)
			continue;
		char v[48];
		int len = snprintf(v, sizeof v, "%s=%.6g", f->items[i].key, f->items[i].value);
		uint32_t h = 2166136261u;
		for (int k = 0; k < len && k < (int)sizeof v - 1; k++)
			h = (h ^ (unsigned char)v[k]) * 16777619u;
		keys[n++] = h;
	}
	if (!n) {
		free(keys);
		return;
	}
	an_qsort(keys, n, sizeof *keys, cmp_u32);
	dt->figure_keys = keys;
	dt->n_figure_keys = n;
}

int an_tl_figures_shared(const an_tl_dated *x, const an_tl_dated *y)
{
	return share_key(x->figure_keys, x->n_figure_keys, y->figure_keys, y->n_figure_keys);
}
