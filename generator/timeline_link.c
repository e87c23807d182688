/* timeline_link.c - the mentions of one date become events (see
 * timeline_impl.h): pairs within a window of publication order are
 * linked when they share enough content, less between articles of one
 * story (their whole texts alike), and only on a near restatement about a
 * shared name, or a shared toll, between other stories; the links make
 * events through a union-find that keeps each group's actors apart from
 * another story's.  Shares of rows run on the worker pool, and their
 * links are taken in order, so that the events do not depend on the
 * number of workers. */
#include "timeline_impl.h"
#include "alloc.h"
#include "pool.h"

#include <pthread.h>
#include <stdint.h>
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

/* A story similarity once computed.  Two articles of one story share
 * several dates, so the same pair comes back under each (at 10,000
 * articles 4.6 million asks were 1.9 million pairs, each a dot product of
 * two whole-article vectors).  Direct-mapped: a clash only recomputes. */
struct story_memo {
	uint32_t d1, d2; /* the pair + 1, d1 < d2; 0: empty */
	double sim;
};

/* Allocates memo m, sized for b's articles and terms, unless it exists. */
void an_tl_memo_ensure(an_tl_memo *m, const builder *b)
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
	m->names = an_tl_names_new(b);
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
	int names_spread; /* the row's article's names are in memo.names */
} story_row;

/* an_tl_same_story of the row's article and dy, asked again and again for
 * one article's adjacent mentions and for each date two articles share */
static int row_same_story(const builder *b, an_tl_memo *memo, size_t dx, size_t dy,
                          story_row *row)
{
	if (row->same_doc == dy)
		return row->same;
	row->same_doc = dy;
	int hit;
	struct an_tl_pair *p = an_tl_pairs_slot(&memo->same, dx, dy, &hit);
	if (!hit) {
		/* (two in three asks miss the memo: the row's article's names
		 * spread once serve all of them) */
		if (!row->names_spread) {
			an_tl_names_spread(memo->names, b, dx);
			row->names_spread = 1;
		}
		p->same = an_tl_same_story_spread(b, memo->names, dx, dy);
	}
	return row->same = p->same;
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
	/* the story answers asked when two components meet (a worker's
	 * memo: a pair of articles meets under each date they share) */
	an_tl_pairs *same;
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

static void auf_init(actor_uf *u, const builder *b, an_tl_pairs *same, size_t from, size_t lo,
                     size_t n)
{
	u->b = b;
	u->same = same;
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
	if (!strong && di != SIZE_MAX && dj != SIZE_MAX &&
	    !an_tl_same_story_memo(u->b, di, dj, u->same) &&
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
	auf_init(&u, b, &memo.same, from, pt->i0, hi - pt->i0);
	for (size_t i = pt->i0; i < pt->i1; i++) {
		const cand *x = &b->cands[from + i];
		if (x->cluster >= 0)
			continue;
		size_t last = n - i > SAME_KEY_WINDOW ? i + SAME_KEY_WINDOW : n;
		story_row row = {0, SIZE_MAX, 0, SIZE_MAX, 0, 0};
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
	/* (the links are taken on one thread, after the shares: the first
	 * memo is free) */
	auf_init(&u, b, &b->memos[0].same, from, 0, n);
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
	an_tl_memo_ensure(&j->memos[slot], j->b);
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
void an_tl_cluster_level_keys(builder *b, size_t lvl, size_t end)
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

