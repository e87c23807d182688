/* timeline.c - clustering mentions into events (see timeline.h).
 *
 * Each dated mention carries the content terms of the clause its date
 * modifies, then at lower weight the rest of its sentence and the sentence
 * before it (which often names what "the move" is), weighted by inverse
 * document frequency, so that words every article of a story shares count
 * little.  Mentions are taken finest date first.  Each joins an event with
 * the same date (value, and the same side for "before"/"after" mods) when it
 * shares content with one of the event's mentions; the bar is lower between
 * articles that tell the same story (their whole texts are similar), since
 * there the same date is itself strong evidence.  A coarser date joins an
 * event inside it ("2025" holds "2025-09") only when the content clearly
 * matches (timeline_contain.c).  Candidates come from date buckets, never
 * from all pairs, and within a bucket from a window of mentions published
 * close together.
 * Then sentences without a date join an event they clearly restate, and the
 * rest are grouped into undated facts when two or more articles state them
 * (timeline_place.c); timeline_event.c makes the events. */
#include "timeline_impl.h"
#include "alloc.h"
#include "ids.h"
#include "pool.h"
#include "trace.h"

#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SIM_SAME_DATE 0.15    /* same date, unrelated articles or one article */
#define SIM_STORY_BONUS 0.30  /* lowers that bar by this x story similarity */
#define SIM_FLOOR 0.02        /* but some content must be shared */
/* A mention is compared with the next SAME_KEY_WINDOW mentions of its date
 * (they are in publication order): "in 2020" in a large archive would
 * otherwise compare every pair of thousands of mentions.  Reports of one
 * event are published close together. */
#define SAME_KEY_WINDOW 512


static int count_words(const char *s, size_t n)
{
	int w = 0, in = 0;
	for (size_t i = 0; i < n; i++) {
		int sp = s[i] == ' ' || s[i] == '\n' || s[i] == '\t';
		if (!sp && !in)
			w++;
		in = !sp;
	}
	return w;
}

/* The weighted term vector of a mention: for a dated one, the clause its
 * date modifies weighs most; the sentence before adds context. */
static void mention_vec(an_vec *out, const builder *b, size_t d, size_t si,
                        const an_tl_dated *dt)
{
	const an_analysis *an = b->docs[d].analysis;
	const char *text = b->docs[d].article->text;
	if (dt) {
		an_terms_add(out, text + dt->clause.start, dt->clause.end - dt->clause.start, 0.5);
		an_vec_add(out, &an->terms[si], 0.5);
		if (si > 0 && an->sentence_para[si - 1] == an->sentence_para[si])
			an_vec_add(out, &an->terms[si - 1], 0.25);
	} else {
		an_vec_add(out, &an->terms[si], 1.0);
	}
	an_vec_weight(out, an_df_idf, b->df);
}

/* A story similarity once computed.  Two articles of one story share
 * several dates, so the same pair comes back under each (at 10,000
 * articles 4.6 million asks were 1.9 million pairs, each a dot product of
 * two whole-article vectors).  Direct-mapped: a clash only recomputes. */
struct story_memo {
	uint32_t d1, d2; /* the pair + 1, d1 < d2; 0: empty */
	double sim;
};

/* Allocates memo m, sized for b's articles and terms, unless it exists. */
static void story_memo_ensure(an_tl_memo *m, const builder *b)
{
	if (m->slots)
		return;
	size_t want = 1 << 12;
	while (want < 64 * b->n_docs && want < ((size_t)1 << 20))
		want <<= 1;
	m->mask = want - 1;
	m->slots = an_xcalloc(want, sizeof(struct story_memo));
	an_tl_pairs_init(&m->same, b->n_docs);
	m->doc_terms = an_xcalloc(an_df_size(b->df) + 1, sizeof *m->doc_terms);
}

/* The dot product of articles dx and dy, as an_vec_dot gives it.  A row of
 * comparisons asks for one article (dx) with many others: its weights are
 * spread over memo.doc_terms once (*spread), and then each other article
 * costs one look-up per term, not a merge of two long vectors.  The
 * products are added in ascending id order as the merge adds them; the
 * terms dx lacks add 0, which changes no sum (weights are positive). */
static double story_dot(const builder *b, an_tl_memo memo, size_t dx, size_t dy,
                        int *spread)
{
	const uint32_t *tx = b->doc_terms[dx], *ty = b->doc_terms[dy];
	const an_vec *vx = &b->doc_vecs[dx], *vy = &b->doc_vecs[dy];
	if (!tx || !ty) /* the same sum either way round */
		return an_vec_dot(vx, vy);
	if (!*spread) {
		for (size_t k = 0; k < vx->len; k++)
			memo.doc_terms[tx[k]] = vx->items[k].w;
		*spread = 1;
	}
	double dot = 0;
	for (size_t k = 0; k < vy->len; k++)
		dot += memo.doc_terms[ty[k]] * vy->items[k].w;
	return dot;
}

/* Undoes story_dot's spreading of article dx, if it was spread. */
static void story_unspread(const builder *b, an_tl_memo memo, size_t dx, int spread)
{
	if (!spread)
		return;
	const uint32_t *tx = b->doc_terms[dx];
	for (size_t k = 0; k < b->doc_vecs[dx].len; k++)
		memo.doc_terms[tx[k]] = 0;
}

/* A row of comparisons (one mention with those after it) asks for the
 * story similarity of its article with many others, and often with one
 * article several times running (its mentions are adjacent). */
typedef struct {
	int spread;      /* the row's article is spread, see story_dot */
	size_t last_doc; /* the article last asked about, SIZE_MAX for none */
	double last_sim;
	size_t same_doc; /* the same for an_tl_same_story */
	int same;
} story_row;

/* an_tl_same_story of the row's article and dy, asked again and again for
 * one article's adjacent mentions and for each date two articles share */
static int row_same_story(const builder *b, an_tl_memo *memo, size_t dx, size_t dy,
                          story_row *row)
{
	if (row->same_doc == dy)
		return row->same;
	row->same_doc = dy;
	return row->same = an_tl_same_story_memo(b, dx, dy, &memo->same);
}

/* How alike two articles are as a whole: articles telling one story score
 * high, and there a shared date says more.  dx is the article of the row
 * of comparisons. */
static double story_sim(const builder *b, an_tl_memo memo, size_t dx, size_t dy,
                        story_row *row)
{
	if (row->last_doc == dy)
		return row->last_sim;
	row->last_doc = dy;
	size_t d1 = dx < dy ? dx : dy, d2 = dx < dy ? dy : dx;
	uint32_t k1 = (uint32_t)d1 + 1, k2 = (uint32_t)d2 + 1;
	struct story_memo *m = &memo.slots[((uint64_t)k1 * 0x9E3779B1u ^ k2 * 0x85EBCA77u) &
	                                   memo.mask];
	if (m->d1 == k1 && m->d2 == k2)
		return row->last_sim = m->sim;
	double n = b->doc_norms[d1] * b->doc_norms[d2];
	double sim = n > 0 ? story_dot(b, memo, dx, dy, &row->spread) / n : 0;
	m->d1 = k1;
	m->d2 = k2;
	m->sim = sim;
	return row->last_sim = sim;
}

/* The cosine of two mentions, with their norms kept. */
static double mention_sim(const cand *x, const cand *y)
{
	double n = x->norm * y->norm;
	return n > 0 ? an_vec_dot(&x->vec, &y->vec) / n : 0;
}

/* Whether two mentions with the same date and a cosine of `sim` are one
 * event: the cosine must clear a bar.  2 when a figure both state ties
 * them, which the actors of their groups do not undo (auf_union). */
static int same_date_linked(const builder *b, an_tl_memo memo, const cand *x, const cand *y,
                            double sim, story_row *row)
{
	/* two reports by different named sources are two events */
	if (x->dt->clause.is_report && y->dt->clause.is_report && x->reporter[0] && y->reporter[0] &&
	    strcmp(x->reporter, y->reporter) != 0)
		return 0;
	if (x->m.doc == y->m.doc)
		return sim >= SIM_SAME_DATE;
	/* articles about other people and places: only a near restatement
	 * about someone both name is the same event (two firms' "net income
	 * for the quarter" are two; the embassy bombings in the background
	 * of two stories one).  Such a pair is one event in any story, so
	 * the story is asked of the others only. */
	if (sim >= AN_TL_SIM_OTHER_STORY && an_tl_names_shared(x->dt, y->dt))
		return 1;
	/* "killing at least 20 people" and "20 people were killed" on one
	 * date: one event, whatever names each report gives ("Gaza",
	 * "Rafah"), and whoever else its group names (2: past the actors) */
	if (sim >= SIM_SAME_DATE && an_tl_figures_shared(x->dt, y->dt))
		return 2;
	if (!row_same_story(b, &memo, x->m.doc, y->m.doc, row))
		return 0;
	if (sim >= SIM_SAME_DATE)
		return 1;
	/* the story similarity (at least 0) only lowers the bar, so it is
	 * needed only below SIM_SAME_DATE: most pairs that share enough
	 * content to get here clear it anyway */
	double bar = SIM_SAME_DATE - SIM_STORY_BONUS * story_sim(b, memo, x->m.doc, y->m.doc, row);
	return sim >= (bar < SIM_FLOOR ? SIM_FLOOR : bar);
}

/* TIMEX3 mods that move a date to one side ("more than a month ago" is
 * before the month it names) make a different time; START/MID/END/APPROX
 * only make it vaguer. */
char an_tl_mod_side(const char *mod)
{
	if (strcmp(mod, "BEFORE") == 0 || strcmp(mod, "ON_OR_BEFORE") == 0)
		return '<';
	if (strcmp(mod, "AFTER") == 0 || strcmp(mod, "ON_OR_AFTER") == 0)
		return '>';
	return 0;
}

/* The entry of every undated mention: no key, no clause. */
static const an_tl_dated undated_entry = {.clause = {.reporter = "", .reporter_name = ""}};

/* Fills dt's clause from an_clause cl, the names copied into one block. */
static void set_clause(an_tl_dated *dt, const an_clause *cl)
{
	dt->clause.start = cl->start;
	dt->clause.end = cl->end;
	dt->clause.is_report = cl->is_report;
	dt->clause.reporter = dt->clause.reporter_name = "";
	dt->names = NULL;
	size_t a = strlen(cl->reporter), n = strlen(cl->reporter_name);
	if (a + n == 0)
		return;
	dt->names = an_xmalloc(a + n + 2);
	memcpy(dt->names, cl->reporter, a + 1);
	memcpy(dt->names + a + 1, cl->reporter_name, n + 1);
	dt->clause.reporter = dt->names;
	dt->clause.reporter_name = dt->names + a + 1;
}

/* Fills *c with the mention of sentence si of doc d, dated by timex ti
 * (-1: undated) with its entry `dt` (the builder's; NULL when undated).
 * Reads the builder only. */
static void make_cand(cand *c, const builder *b, size_t d, size_t si, long ti,
                      const an_span *span, an_tl_dated *dt)
{
	memset(c, 0, sizeof *c);
	const an_analysis *an = b->docs[d].analysis;
	const an_sentence *s = &an->sentences.items[si];
	c->m.doc = d;
	c->m.sentence = si;
	c->m.timex = ti;
	c->tx = ti >= 0 ? &an->timexes.items[ti] : NULL;
	c->cluster = -1;
	c->words = count_words(b->docs[d].article->text + s->start, s->end - s->start);
	if (span)
		c->span = *span;
	const char *text = b->docs[d].article->text;
	c->dt = &undated_entry;
	c->reporter = "";
	if (c->tx) {
		char side = an_tl_mod_side(c->tx->mod);
		snprintf(dt->key, sizeof dt->key, "%s%s", c->tx->value,
		         side ? (side == '<' ? "<" : ">") : "");
		an_clause cl;
		an_clause_of_date(&cl, text, s->start, s->end, c->tx->start, c->tx->end);
		set_clause(dt, &cl);
		/* the first name of the sentence: names are in text order */
		size_t lo = 0, hi = an->names.len;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (an->names.items[mid].sentence < si)
				lo = mid + 1;
			else
				hi = mid;
		}
		an_tl_mention_names(dt, b, d, si, lo);
		an_tl_mention_figures(dt, b, d, si);
		c->dt = dt;
		if (dt->clause.is_report)
			c->reporter = dt->clause.reporter;
	} else {
		char who[AN_CLAUSE_NAME_MAX] = "";
		an_clause_attribution(who, NULL, text, s->start, s->end);
		if (who[0])
			c->reporter = an_xstrdup(who);
	}
	mention_vec(&c->vec, b, d, si, c->tx ? c->dt : NULL);
	an_vec_fit(&c->vec);
	c->norm = an_vec_norm(&c->vec);
}

/* Frees what mention c owns. */
static void free_cand(cand *c)
{
	an_vec_free(&c->vec);
	if (!c->tx && c->reporter[0])
		free((char *)c->reporter);
}

/* A date that can date an event: a calendar value no coarser than a year.
 * Decades and centuries ("the 21st century") are context, not events. */
static int datable(const an_timex *t, an_span *span)
{
	if (t->type != AN_TIMEX_DATE && t->type != AN_TIMEX_TIME)
		return 0;
	if (an_value_span(span, t->value) < 0)
		return 0;
	return span->gran >= AN_GRAN_YEAR;
}

/* The date of a wire story's dateline, "WASHINGTON, August 8 (Xinhua) --"
 * or "NAIROBI, Kenya, Aug. 7 (AP) — Poland ...": the story's own date, not
 * an event's.  Before the date, a place in capitals ("NEW YORK"), a comma,
 * then only capitalised words (a country); after it, at most an agency in
 * brackets, then a dash or the end of the sentence. */
static int dateline(const char *text, const an_sentence *s, const an_timex *t)
{
	size_t i = s->start, caps = 0, words = 0;
	if (t->start <= i || t->start - i > 60)
		return 0;
	for (; i < t->start && text[i] != ','; i++) {
		unsigned char c = (unsigned char)text[i];
		if (isupper(c))
			caps++;
		else if (c != ' ' && c != '.' && c != '-' && c != '\'')
			return 0; /* a lower-case letter: "UN Security Council members" */
	}
	if (caps < 2 || i == t->start)
		return 0;
	for (int word_start = 1; i < t->start; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c == ' ' || c == ',') {
			word_start = 1;
			continue;
		}
		if (word_start) {
			if (islower(c) || ++words > 4)
				return 0; /* "NATO, on March 3, ..." is a sentence */
			word_start = 0;
		}
	}
	size_t j = t->end;
	while (j < s->end && text[j] == ' ')
		j++;
	if (j < s->end && text[j] == '(') {
		const char *close = memchr(text + j, ')', s->end - j < 40 ? s->end - j : 40);
		if (!close)
			return 0;
		j = (size_t)(close - text) + 1;
		while (j < s->end && text[j] == ' ')
			j++;
	}
	if (j >= s->end)
		return 1;
	const char *r = text + j;
	size_t left = s->end - j;
	return (left >= 2 && r[0] == '-' && r[1] == '-') || r[0] == '_' ||
	       (left >= 3 && memcmp(r, "\xE2\x80", 2) == 0 &&
	        ((unsigned char)r[2] == 0x94 || (unsigned char)r[2] == 0x93));
}

/* Timex t of doc d as a mention: 1 when it dates one, -1 when it is
 * datable but a dateline (its sentence is then no undated fact either),
 * 0 when it is no date. */
static int dated_at(const builder *b, size_t d, size_t t, an_span *span)
{
	const an_analysis *an = b->docs[d].analysis;
	const an_timex *x = &an->timexes.items[t];
	if (!datable(x, span))
		return 0;
	return dateline(b->docs[d].article->text, &an->sentences.items[an->timex_sentence[t]], x)
	       ? -1 : 1;
}

void an_tl_cluster_add(builder *b, size_t ci, size_t k)
{
	cluster *cl = &b->clusters[ci];
	cl->members = an_xgrow(cl->members, &cl->cap, cl->n + 1, sizeof *cl->members);
	/* the distinct docs, kept sorted: a binary search, not a scan of every
	 * member, so a large event grows in O(n log n) */
	size_t doc = b->cands[k].m.doc, lo = 0, hi = cl->n_docs;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cl->docs[mid] < doc)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == cl->n_docs || cl->docs[lo] != doc) {
		cl->docs = an_xgrow(cl->docs, &cl->cap_docs, cl->n_docs + 1, sizeof *cl->docs);
		memmove(cl->docs + lo + 1, cl->docs + lo, (cl->n_docs - lo) * sizeof *cl->docs);
		cl->docs[lo] = doc;
		cl->n_docs++;
	}
	cl->members[cl->n++] = k;
	an_vec_add(&cl->centroid, &b->cands[k].vec, 1.0);
	cl->norm = an_vec_norm(&cl->centroid);
	b->cands[k].cluster = (long)ci;
}

double an_tl_sim(const cand *c, const cluster *cl)
{
	double n = c->norm * cl->norm;
	return n > 0 ? an_vec_dot(&c->vec, &cl->centroid) / n : 0;
}

size_t an_tl_cluster_new(builder *b, size_t k)
{
	b->clusters = an_xgrow(b->clusters, &b->cap_clusters, b->n_clusters + 1,
	                       sizeof *b->clusters);
	cluster *cl = &b->clusters[b->n_clusters];
	memset(cl, 0, sizeof *cl);
	cl->span = b->cands[k].span;
	cl->key = b->cands[k].dt->key;
	an_tl_cluster_add(b, b->n_clusters, k);
	return b->n_clusters++;
}

static int cmp_cand_precision(const void *x, const void *y)
{
	const cand *a = x, *c = y;
	if (a->span.gran != c->span.gran)
		return a->span.gran > c->span.gran ? -1 : 1;
	if (a->span.first != c->span.first)
		return a->span.first < c->span.first ? -1 : 1;
	int k = strcmp(a->dt->key, c->dt->key);
	if (k)
		return k;
	if (a->m.doc != c->m.doc)
		return a->m.doc < c->m.doc ? -1 : 1;
	return a->m.timex < c->m.timex ? -1 : (a->m.timex > c->m.timex);
}

/* A union-find over mentions [lo, lo + n) of one date key (indices
 * relative to the group) that keeps, for each component, the rare names
 * its mentions give: components of two stories whose mentions name
 * different actors, none in common, stay apart ("Delta posted net
 * income" and "Columbia reported earnings" for one quarter), also when a
 * mention naming no one would link both.  Within one story, reports of
 * one event may well name different people ("London", "Downing
 * Street"). */
typedef struct {
	const builder *b;
	size_t from; /* the group's first mention */
	size_t lo, n;
	size_t *parent;
	const uint32_t **keys; /* the root's; a mention's own, or owned */
	size_t *n_keys;
	unsigned char *owned;
	/* the root's story: the article of its first member that names
	 * someone, SIZE_MAX for none (an article naming no one would let
	 * every story in) */
	size_t *story_doc;
} actor_uf;

static void auf_init(actor_uf *u, const builder *b, size_t from, size_t lo, size_t n)
{
	u->b = b;
	u->from = from;
	u->lo = lo;
	u->n = n;
	u->parent = an_xmalloc((n + 1) * sizeof *u->parent);
	u->keys = an_xmalloc((n + 1) * sizeof *u->keys);
	u->n_keys = an_xmalloc((n + 1) * sizeof *u->n_keys);
	u->owned = an_xcalloc(n + 1, 1);
	u->story_doc = an_xmalloc((n + 1) * sizeof *u->story_doc);
	for (size_t i = 0; i < n; i++) {
		const cand *c = &b->cands[from + lo + i];
		const an_tl_dated *dt = c->dt;
		u->story_doc[i] = b->story[c->m.doc].n ? c->m.doc : SIZE_MAX;
		u->parent[i] = i;
		u->keys[i] = dt->name_keys;
		u->n_keys[i] = dt->n_name_keys;
	}
}

static void auf_free(actor_uf *u)
{
	for (size_t i = 0; i < u->n; i++)
		if (u->owned[i])
			free((void *)u->keys[i]);
	free(u->parent);
	free(u->keys);
	free(u->n_keys);
	free(u->owned);
	free(u->story_doc);
}

static size_t auf_find(actor_uf *u, size_t i)
{
	i -= u->lo;
	while (u->parent[i] != i)
		i = u->parent[i] = u->parent[u->parent[i]];
	return i + u->lo;
}

/* Joins the components of mentions i and j (group indices) unless they
 * are one already or their actors clash (a `strong` link, a shared
 * figure, joins them anyway); returns 1 when joined.  The lower root
 * stays the root, so that the components are those of the links taken
 * in order, whoever found them. */
static int auf_union(actor_uf *u, size_t i, size_t j, int strong)
{
	size_t ri = auf_find(u, i) - u->lo, rj = auf_find(u, j) - u->lo;
	if (ri == rj)
		return 0;
	size_t di = u->story_doc[ri], dj = u->story_doc[rj];
	if (!strong && di != SIZE_MAX && dj != SIZE_MAX && !an_tl_same_story(u->b, di, dj) &&
	    !an_tl_actors_meet(u->keys[ri], u->n_keys[ri], u->keys[rj], u->n_keys[rj]))
		return 0;
	size_t root = ri < rj ? ri : rj, other = ri < rj ? rj : ri;
	if (u->story_doc[root] == SIZE_MAX)
		u->story_doc[root] = u->story_doc[other];
	if (u->n_keys[other]) {
		size_t n;
		uint32_t *merged = an_tl_actors_merge(u->keys[root], u->n_keys[root], u->keys[other],
		                                      u->n_keys[other], &n);
		if (u->owned[root])
			free((void *)u->keys[root]);
		u->keys[root] = merged;
		u->n_keys[root] = n;
		u->owned[root] = 1;
	}
	if (u->owned[other])
		free((void *)u->keys[other]);
	u->owned[other] = 0;
	u->keys[other] = NULL;
	u->n_keys[other] = 0;
	u->parent[other] = root;
	return 1;
}

/* A share of one date's comparisons: rows [i0, i1) of group g, linked in
 * a union-find of their own; the links that joined two of its components
 * are kept, in the order found, for the group's union-find. */
typedef struct {
	size_t g, i0, i1;
	size_t (*links)[3]; /* i, j, strong */
	size_t n_links, cap_links;
} level_part;

/* Mentions [from, to) share one date key: the pairs of rows [pt->i0,
 * pt->i1) and the next SAME_KEY_WINDOW mentions that share enough content,
 * as links in pt.  Reads the builder only, so that the rows of one group
 * and the groups of one level can be compared at once. */
static void link_same_key(const builder *b, an_tl_memo memo, size_t from, size_t to,
                          level_part *pt)
{
	size_t n = to - from;
	size_t hi = n - pt->i1 > SAME_KEY_WINDOW ? pt->i1 + SAME_KEY_WINDOW : n;
	actor_uf u;
	auf_init(&u, b, from, pt->i0, hi - pt->i0);
	for (size_t i = pt->i0; i < pt->i1; i++) {
		const cand *x = &b->cands[from + i];
		if (x->cluster >= 0)
			continue;
		size_t last = n - i > SAME_KEY_WINDOW ? i + SAME_KEY_WINDOW : n;
		story_row row = {0, SIZE_MAX, 0, SIZE_MAX, 0};
		for (size_t j = i + 1; j < last; j++) {
			const cand *y = &b->cands[from + j];
			if (y->cluster >= 0)
				continue;
			/* the bar is at least SIM_FLOOR, and at most SIM_SAME_DATE
			 * but for rival reporters */
			double sim = mention_sim(x, y);
			if (sim < SIM_FLOOR)
				continue;
			int link = same_date_linked(b, memo, x, y, sim, &row);
			if (link && auf_union(&u, i, j, link == 2)) {
				pt->links = an_xgrow(pt->links, &pt->cap_links, pt->n_links + 1,
				                     sizeof *pt->links);
				pt->links[pt->n_links][0] = i;
				pt->links[pt->n_links][1] = j;
				pt->links[pt->n_links++][2] = link == 2;
			}
		}
		story_unspread(b, memo, x->m.doc, row.spread);
	}
	auf_free(&u);
}

/* The components of group [from, to) become events (single link, so a
 * story's mentions chain through the one that shares words with each),
 * each made at its first mention: the parts' links are taken in order,
 * so the events are the same however many workers found them. */
static void make_same_key(builder *b, size_t from, size_t to, const level_part *parts,
                          size_t n_parts)
{
	size_t n = to - from;
	actor_uf u;
	auf_init(&u, b, from, 0, n);
	for (size_t k = 0; k < n_parts; k++)
		for (size_t l = 0; l < parts[k].n_links; l++)
			auf_union(&u, parts[k].links[l][0], parts[k].links[l][1], (int)parts[k].links[l][2]);
	long *made = an_xmalloc((n + 1) * sizeof *made);
	for (size_t i = 0; i < n; i++)
		made[i] = -1;
	for (size_t i = 0; i < n; i++) {
		if (b->cands[from + i].cluster >= 0)
			continue;
		size_t r = auf_find(&u, i);
		if (made[r] < 0)
			made[r] = (long)an_tl_cluster_new(b, from + i);
		else
			an_tl_cluster_add(b, (size_t)made[r], from + i);
	}
	free(made);
	auf_free(&u);
}

/* Rows per share: a big date (every "in 2020" of an archive) is split so
 * that both cores work on it.  Fixed, not by the number of workers, so
 * that the links found are the same on any machine. */
#define ROWS_PER_PART 64

/* Each worker takes a free one of the builder's story memos (there are as
 * many as workers, kept from level to level); the memos only save work. */
typedef struct {
	const builder *b;
	size_t (*groups)[2];
	level_part *parts;
	pthread_mutex_t lock;
	an_tl_memo *memos; /* the builder's, AN_POOL_MAX of them */
	int busy[AN_POOL_MAX];
} level_job;

static void link_part(size_t k, void *payload)
{
	level_job *j = payload;
	level_part *pt = &j->parts[k];
	size_t slot = 0;
	pthread_mutex_lock(&j->lock);
	while (j->busy[slot])
		slot++;
	j->busy[slot] = 1;
	story_memo_ensure(&j->memos[slot], j->b);
	pthread_mutex_unlock(&j->lock);
	link_same_key(j->b, j->memos[slot], j->groups[pt->g][0], j->groups[pt->g][1], pt);
	pthread_mutex_lock(&j->lock);
	j->busy[slot] = 0;
	pthread_mutex_unlock(&j->lock);
}

/* Comparisons in a level below which threads cost more than they save. */
#define PARALLEL_MIN_PAIRS 200000

/* The mentions [lvl, end) of one precision, grouped by date key: each
 * group's components become events, in group order. */
static void cluster_level_keys(builder *b, size_t lvl, size_t end)
{
	size_t (*groups)[2] = NULL, n_groups = 0, cap = 0, pairs = 0;
	for (size_t k = lvl; k < end;) {
		size_t e = k;
		while (e < end && strcmp(b->cands[e].dt->key, b->cands[k].dt->key) == 0)
			e++;
		groups = an_xgrow(groups, &cap, n_groups + 1, sizeof *groups);
		groups[n_groups][0] = k;
		groups[n_groups][1] = e;
		n_groups++;
		size_t n = e - k;
		pairs += n * (n < SAME_KEY_WINDOW ? n : SAME_KEY_WINDOW);
		k = e;
	}
	/* every group's shares, in group order; first_part[g] is its first */
	level_part *parts = NULL;
	size_t n_parts = 0, cap_parts = 0;
	size_t *first_part = an_xmalloc((n_groups + 1) * sizeof *first_part);
	for (size_t g = 0; g < n_groups; g++) {
		size_t n = groups[g][1] - groups[g][0];
		first_part[g] = n_parts;
		for (size_t i0 = 0; n >= 2 && i0 < n; i0 += ROWS_PER_PART) {
			parts = an_xgrow(parts, &cap_parts, n_parts + 1, sizeof *parts);
			memset(&parts[n_parts], 0, sizeof *parts);
			parts[n_parts].g = g;
			parts[n_parts].i0 = i0;
			parts[n_parts].i1 = n - i0 > ROWS_PER_PART ? i0 + ROWS_PER_PART : n;
			n_parts++;
		}
	}
	first_part[n_groups] = n_parts;
	level_job j;
	memset(&j, 0, sizeof j);
	j.b = b;
	j.groups = groups;
	j.parts = parts;
	j.memos = b->memos;
	pthread_mutex_init(&j.lock, NULL);
	if (an_pool_jobs() > 1 && pairs >= PARALLEL_MIN_PAIRS) {
		an_pool_run(n_parts, link_part, &j);
		b->n_parallel_parts += n_parts;
	} else {
		for (size_t k = 0; k < n_parts; k++)
			link_part(k, &j);
	}
	pthread_mutex_destroy(&j.lock);
	/* (no parts at all when every date has one mention) */
	for (size_t g = 0; g < n_groups; g++)
		make_same_key(b, groups[g][0], groups[g][1], parts ? &parts[first_part[g]] : NULL,
		              first_part[g + 1] - first_part[g]);
	for (size_t k = 0; k < n_parts; k++)
		free(parts[k].links);
	free(parts);
	free(first_part);
	free(groups);
}

static void cluster_dated(builder *b, size_t n_dated)
{
	an_qsort(b->cands, n_dated, sizeof *b->cands, cmp_cand_precision);
	an_tl_span_index si = {NULL, 0};
	for (size_t lvl = 0; lvl < n_dated;) {
		size_t end = lvl;
		while (end < n_dated && b->cands[end].span.gran == b->cands[lvl].span.gran)
			end++;
		/* events of finer dates exist now: try those first */
		an_tl_span_index_build(&si, b);
		an_tl_contain_level(b, &si, lvl, end);
		cluster_level_keys(b, lvl, end);
		lvl = end;
	}
	free(si.e);
}

/* Which cluster makes which event: events[i] is made from clusters[i]
 * (every dated cluster), undated[i] from the i-th undated cluster that two
 * articles or more state. */
typedef struct {
	an_timeline *out;
	const builder *b;
	size_t n_dated;
	size_t *undated_cluster; /* out->n_undated of them */
} events_job;

static void make_one_event(size_t i, void *payload)
{
	events_job *j = payload;
	if (i < j->n_dated)
		an_tl_make_event(&j->out->events[i], j->b, &j->b->clusters[i]);
	else
		an_tl_make_event(&j->out->undated[i - j->n_dated], j->b,
		                 &j->b->clusters[j->undated_cluster[i - j->n_dated]]);
}

/* Events are made one per cluster, each reading the builder only: on the
 * worker pool, since a headline per member of a large event adds up. */
static void make_events(an_timeline *out, const builder *b, size_t n_dated)
{
	events_job j = {out, b, n_dated, NULL};
	j.undated_cluster = an_xmalloc((b->n_clusters - n_dated + 1) * sizeof *j.undated_cluster);
	for (size_t ci = n_dated; ci < b->n_clusters; ci++)
		if (b->clusters[ci].n_docs >= 2)
			j.undated_cluster[out->n_undated++] = ci;
	out->n_events = n_dated;
	an_pool_run(n_dated + out->n_undated, make_one_event, &j);
	free(j.undated_cluster);
}

/* Where each doc's mentions go: its dated ones at dated_first[d], its
 * undated ones from undated_first[d] (room for one per sentence), of
 * which n_undated[d] are kept. */
typedef struct {
	builder *b;
	size_t *dated_first, *undated_first, *n_undated;
	/* each doc's timexes as dated_at sees them, from timex_first[d] */
	size_t *timex_first;
	signed char *verdict;
	an_span *spans;
} cands_job;

/* dated_at for each timex of doc d, once: the count of dated mentions
 * and then the mentions are made from it. */
static void judge_doc_timexes(size_t d, void *payload)
{
	cands_job *j = payload;
	const an_analysis *an = j->b->docs[d].analysis;
	size_t first = j->timex_first[d];
	for (size_t t = 0; t < an->timexes.len; t++)
		j->verdict[first + t] = (signed char)dated_at(j->b, d, t, &j->spans[first + t]);
}

static void make_doc_cands(size_t d, void *payload)
{
	cands_job *j = payload;
	builder *b = j->b;
	const an_analysis *an = b->docs[d].analysis;
	cand *dated_cands = &b->cands[j->dated_first[d]];
	an_tl_dated *entries = &b->dated[j->dated_first[d]];
	size_t n_dated = 0;
	/* 1: the sentence dates something; 2: it dates a report, or it is a
	 * dateline; neither is an undated fact */
	unsigned char *flags = an_xcalloc(an->sentences.len + 1, 1);
	const signed char *verdict = &j->verdict[j->timex_first[d]];
	const an_span *spans = &j->spans[j->timex_first[d]];
	for (size_t t = 0; t < an->timexes.len; t++) {
		if (verdict[t] > 0) {
			make_cand(&dated_cands[n_dated], b, d, an->timex_sentence[t], (long)t, &spans[t],
			          &entries[n_dated]);
			n_dated++;
		} else if (verdict[t] < 0) {
			flags[an->timex_sentence[t]] |= 2;
		}
	}
	for (size_t k = 0; k < n_dated; k++)
		flags[dated_cands[k].m.sentence] |= dated_cands[k].dt->clause.is_report ? 3 : 1;
	cand *undated = &b->cands[j->undated_first[d]];
	size_t n = 0;
	for (size_t s = 0; s < an->sentences.len; s++) {
		if (flags[s] & 2)
			continue;
		cand *c = &undated[n];
		make_cand(c, b, d, s, -1, NULL, NULL);
		/* "According to CNN, the pause began over a month ago": the
		 * date is the pause's, and the sentence also cites CNN's
		 * report, so it stays as an undated mention of that report */
		if (flags[s] && !c->reporter[0]) {
			free_cand(c);
			continue;
		}
		c->attribution_only = flags[s] != 0;
		n++;
	}
	j->n_undated[d] = n;
	free(flags);
}

/* Every dated mention, doc by doc, then every sentence without a date that
 * may be placed: each doc's on the worker pool, where the clause and the
 * terms of each mention are found, then moved together. */
static void make_cands(builder *b)
{
	size_t n_docs = b->n_docs, n_dated = 0, n_sentences = 0;
	cands_job j = {b, an_xmalloc((n_docs + 1) * sizeof *j.dated_first),
	               an_xmalloc((n_docs + 1) * sizeof *j.undated_first),
	               an_xmalloc((n_docs + 1) * sizeof *j.n_undated),
	               an_xmalloc((n_docs + 1) * sizeof *j.timex_first), NULL, NULL};
	size_t n_timexes = 0;
	for (size_t d = 0; d < n_docs; d++) {
		j.timex_first[d] = n_timexes;
		n_timexes += b->docs[d].analysis->timexes.len;
	}
	j.verdict = an_xmalloc(n_timexes + 1);
	j.spans = an_xmalloc((n_timexes + 1) * sizeof *j.spans);
	an_pool_run(n_docs, judge_doc_timexes, &j);
	for (size_t d = 0; d < n_docs; d++) {
		j.dated_first[d] = n_dated;
		const an_analysis *an = b->docs[d].analysis;
		for (size_t t = 0; t < an->timexes.len; t++)
			n_dated += j.verdict[j.timex_first[d] + t] > 0;
	}
	for (size_t d = 0; d < n_docs; d++) {
		j.undated_first[d] = n_dated + n_sentences;
		n_sentences += b->docs[d].analysis->sentences.len;
	}
	b->cap_cands = n_dated + n_sentences + 1;
	b->cands = an_xmalloc(b->cap_cands * sizeof *b->cands);
	b->dated = an_xmalloc((n_dated + 1) * sizeof *b->dated);
	an_pool_run(n_docs, make_doc_cands, &j);
	b->n_cands = n_dated;
	for (size_t d = 0; d < n_docs; d++) {
		memmove(&b->cands[b->n_cands], &b->cands[j.undated_first[d]],
		        j.n_undated[d] * sizeof *b->cands);
		b->n_cands += j.n_undated[d];
	}
	/* a quarter of the sentences were not kept: give their room back */
	b->cap_cands = b->n_cands + 1;
	b->cands = an_xrealloc(b->cands, b->cap_cands * sizeof *b->cands);
	b->n_dated = n_dated;
	free(j.dated_first);
	free(j.undated_first);
	free(j.n_undated);
	free(j.timex_first);
	free(j.verdict);
	free(j.spans);
}

static int cmp_event(const void *x, const void *y)
{
	const an_event *a = x, *c = y;
	if (a->span.first != c->span.first)
		return a->span.first < c->span.first ? -1 : 1;
	if (a->span.gran != c->span.gran) /* coarse first: they open their span */
		return a->span.gran < c->span.gran ? -1 : 1;
	/* "October or earlier" before "October" before "October or later" */
	int sa = an_tl_mod_side(a->mod), sc = an_tl_mod_side(c->mod);
	int oa = sa == '<' ? 0 : sa == '>' ? 2 : 1, oc = sc == '<' ? 0 : sc == '>' ? 2 : 1;
	if (oa != oc)
		return oa < oc ? -1 : 1;
	/* one day's events: the most reported first, then as first told */
	if (a->n_sources != c->n_sources)
		return a->n_sources > c->n_sources ? -1 : 1;
	if (a->mentions[0].doc != c->mentions[0].doc)
		return a->mentions[0].doc < c->mentions[0].doc ? -1 : 1;
	if (a->mentions[0].sentence != c->mentions[0].sentence)
		return a->mentions[0].sentence < c->mentions[0].sentence ? -1 : 1;
	return strcmp(a->id, c->id);
}

static int cmp_undated(const void *x, const void *y)
{
	const an_event *a = x, *c = y;
	if (a->n_sources != c->n_sources) /* best corroborated first */
		return a->n_sources > c->n_sources ? -1 : 1;
	if (a->mentions[0].doc != c->mentions[0].doc)
		return a->mentions[0].doc < c->mentions[0].doc ? -1 : 1;
	return a->mentions[0].sentence < c->mentions[0].sentence ? -1 : 1;
}

void an_timeline_dedupe_ids(an_event *evs, size_t n)
{
	if (n)
		an_ids_dedupe(evs[0].id, sizeof *evs, sizeof evs[0].id, n);
}

/* The an_df_index of each term of v, or NULL when one has none (a doc's
 * terms are its sentences', all counted, but for an id of 0). */
static uint32_t *doc_term_indices(const an_df *df, const an_vec *v)
{
	if (an_df_size(df) > UINT32_MAX)
		return NULL;
	uint32_t *t = an_xmalloc((v->len + 1) * sizeof *t);
	for (size_t k = 0; k < v->len; k++) {
		size_t i = an_df_index(df, v->items[k].id);
		if (i == (size_t)-1) {
			free(t);
			return NULL;
		}
		t[k] = (uint32_t)i;
	}
	return t;
}

/* The whole-article vector of doc d, for story similarity; the document
 * frequencies are complete. */
static void make_doc_vec(size_t d, void *payload)
{
	builder *b = payload;
	const an_analysis *an = b->docs[d].analysis;
	an_tl_story_keys(&b->story[d], b, d);
	for (size_t s = 0; s < an->sentences.len; s++)
		an_vec_add(&b->doc_vecs[d], &an->terms[s], 1.0);
	an_vec_weight(&b->doc_vecs[d], an_df_idf, b->df);
	b->doc_norms[d] = an_vec_norm(&b->doc_vecs[d]);
	b->doc_terms[d] = doc_term_indices(b->df, &b->doc_vecs[d]);
}

/* Fills the timex -> event lookup once the events are in their final order. */
static void index_timexes(an_timeline *tl, const an_doc *docs, size_t n_docs)
{
	size_t total = 0;
	tl->n_docs = n_docs;
	tl->doc_first = an_xmalloc((n_docs + 1) * sizeof *tl->doc_first);
	for (size_t d = 0; d < n_docs; d++) {
		tl->doc_first[d] = total;
		total += docs[d].analysis->timexes.len;
	}
	tl->timex_event = an_xmalloc((total + 1) * sizeof *tl->timex_event);
	for (size_t i = 0; i < total; i++)
		tl->timex_event[i] = -1;
	for (size_t i = 0; i < tl->n_events; i++)
		for (size_t j = 0; j < tl->events[i].n_mentions; j++) {
			const an_mention *m = &tl->events[i].mentions[j];
			if (m->timex >= 0)
				tl->timex_event[tl->doc_first[m->doc] + (size_t)m->timex] = (long)i;
		}
}

void an_timeline_build(an_timeline *out, const an_doc *docs, size_t n_docs)
{
	memset(out, 0, sizeof *out);
	builder b;
	memset(&b, 0, sizeof b);
	b.docs = docs;
	b.n_docs = n_docs;
	b.df = an_df_new();
	for (size_t d = 0; d < n_docs; d++) {
		const an_analysis *an = docs[d].analysis;
		for (size_t s = 0; s < an->sentences.len; s++)
			an_df_add(b.df, &an->terms[s]);
	}

	b.doc_vecs = an_xcalloc(n_docs + 1, sizeof *b.doc_vecs);
	b.doc_norms = an_xcalloc(n_docs + 1, sizeof *b.doc_norms);
	b.doc_terms = an_xcalloc(n_docs + 1, sizeof *b.doc_terms);
	b.story = an_xcalloc(n_docs + 1, sizeof *b.story);
	an_pool_run(n_docs, make_doc_vec, &b);
	an_tl_story_weigh(&b);
	story_memo_ensure(&b.memos[0], &b);
	an_trace("timeline: term weights and article vectors");

	make_cands(&b);
	an_trace("timeline: mentions");
	size_t n_dated = b.n_dated;
	cluster_dated(&b, n_dated);
	an_trace("timeline: dated mentions clustered");
	out->n_parallel_parts = b.n_parallel_parts;
	size_t n_dated_clusters = b.n_clusters;
	an_tl_place_undated(&b, n_dated);
	an_trace("timeline: undated sentences placed");

	out->events = an_xcalloc(n_dated_clusters + 1, sizeof *out->events);
	out->undated = an_xcalloc(b.n_clusters - n_dated_clusters + 1, sizeof *out->undated);
	make_events(out, &b, n_dated_clusters);
	an_timeline_dedupe_ids(out->events, out->n_events);
	an_timeline_dedupe_ids(out->undated, out->n_undated);
	an_qsort(out->events, out->n_events, sizeof *out->events, cmp_event);
	an_qsort(out->undated, out->n_undated, sizeof *out->undated, cmp_undated);
	index_timexes(out, docs, n_docs);

	for (size_t k = 0; k < b.n_cands; k++)
		free_cand(&b.cands[k]);
	for (size_t ci = 0; ci < b.n_clusters; ci++) {
		an_vec_free(&b.clusters[ci].centroid);
		free(b.clusters[ci].members);
		free(b.clusters[ci].docs);
	}
	for (size_t d = 0; d < n_docs; d++)
		an_vec_free(&b.doc_vecs[d]);
	free(b.doc_vecs);
	free(b.doc_norms);
	for (size_t d = 0; d < n_docs; d++)
		free(b.doc_terms[d]);
	free(b.doc_terms);
	for (size_t d = 0; d < n_docs; d++)
		free(b.story[d].items);
	free(b.story);
	free(b.rare_names);
	for (size_t m = 0; m < AN_POOL_MAX; m++) {
		free(b.memos[m].slots);
		an_tl_pairs_free(&b.memos[m].same);
		free(b.memos[m].doc_terms);
	}
	free(b.cands);
	for (size_t k = 0; k < b.n_dated; k++) {
		free(b.dated[k].names);
		free(b.dated[k].name_keys);
		free(b.dated[k].figure_keys);
	}
	free(b.dated);
	free(b.clusters);
	an_df_free(b.df);
}

const an_event *an_timeline_find(const an_timeline *tl, size_t doc, long timex)
{
	if (doc >= tl->n_docs || timex < 0)
		return NULL;
	long e = tl->timex_event[tl->doc_first[doc] + (size_t)timex];
	return e >= 0 ? &tl->events[e] : NULL;
}

static void event_free(an_event *ev)
{
	free(ev->entities);
	free(ev->disputes);
	free(ev->title);
	free(ev->summary);
	free(ev->mentions);
	free(ev->sources);
	for (size_t i = 0; i < ev->n_notes; i++)
		free(ev->notes[i]);
	free(ev->notes);
	free(ev->era);
}

void an_event_free(an_event *ev)
{
	event_free(ev);
}

void an_timeline_free(an_timeline *tl)
{
	for (size_t i = 0; i < tl->n_events; i++)
		event_free(&tl->events[i]);
	for (size_t i = 0; i < tl->n_undated; i++)
		event_free(&tl->undated[i]);
	free(tl->events);
	free(tl->undated);
	free(tl->doc_first);
	free(tl->timex_event);
	memset(tl, 0, sizeof *tl);
}
