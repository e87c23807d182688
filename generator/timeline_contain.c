/* timeline_contain.c - coarser dates joining finer events inside them
 * (see timeline.c for the whole clustering): "earlier this year" told of
 * what another article dates "September" becomes one event with it when
 * the content clearly matches. */
#include "timeline_impl.h"
#include "alloc.h"
#include "pool.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SIM_CONTAINED 0.25 /* coarser date inside a finer event's */
#define CONTAIN_MAX_CANDIDATES 256

static int cmp_span_entry(const void *x, const void *y)
{
	const an_tl_span_entry *a = x, *c = y;
	if (a->first != c->first)
		return a->first < c->first ? -1 : 1;
	return a->cluster < c->cluster ? -1 : (a->cluster > c->cluster);
}

void an_tl_span_index_build(an_tl_span_index *si, const builder *b)
{
	free(si->e);
	si->n = b->n_clusters;
	si->e = an_xmalloc((si->n + 1) * sizeof *si->e);
	for (size_t i = 0; i < si->n; i++) {
		si->e[i].first = b->clusters[i].span.first;
		si->e[i].cluster = i;
	}
	an_qsort(si->e, si->n, sizeof *si->e, cmp_span_entry);
}

/* A coarser-dated mention joins a finer event inside its span ("earlier
 * this year" told of what another article dates "September") when the
 * content clearly matches.  Its candidates are the first
 * CONTAIN_MAX_CANDIDATES events from its span's start on, so every mention
 * of one date has the same ones (a "window"), and a year-level date has
 * thousands of mentions: the window's centroids are indexed by term, and
 * each mention adds up its dot products along the postings of its own
 * terms, in the order a merge adds them.  An event a mention joins has its
 * postings brought up to date. */
typedef struct {
	uint32_t pos;  /* the centroid's place in the window */
	uint32_t next; /* the next posting of the term, or UINT32_MAX */
	double w;      /* the term's weight in that centroid */
} window_posting;

typedef struct {
	uint64_t id; /* 0: empty slot */
	uint32_t head;
} window_slot;

typedef struct {
	long first, last; /* the span it was built for; first > last: none */
	size_t lo, hi;    /* the span index entries [lo, hi) */
	window_slot *slots; /* term -> its postings; open addressing */
	window_slot zero;   /* the term whose id is 0 */
	size_t n_slots, cap_slots; /* used, and a power of 2 */
	window_posting *postings;
	size_t n_postings, cap_postings;
	double acc[CONTAIN_MAX_CANDIDATES];
} contain_window;

static window_slot *window_slot_of(contain_window *w, uint64_t id)
{
	if (!id)
		return &w->zero; /* 0 marks an empty slot */
	size_t i = (size_t)((id ^ (id >> 29)) * 0x9E3779B97F4A7C15ULL >> 20) & (w->cap_slots - 1);
	while (w->slots[i].id && w->slots[i].id != id)
		i = (i + 1) & (w->cap_slots - 1);
	return &w->slots[i];
}

/* Doubles the slots, for the terms that mentions add as they join. */
static void window_grow(contain_window *w)
{
	window_slot *old = w->slots;
	size_t n = w->cap_slots;
	w->cap_slots *= 2;
	w->slots = an_xcalloc(w->cap_slots, sizeof *w->slots);
	for (size_t i = 0; i < n; i++)
		if (old[i].id)
			*window_slot_of(w, old[i].id) = old[i];
	free(old);
}

/* Sets the weight of term `id` in the centroid at window place pos. */
static void window_set(contain_window *w, uint64_t id, uint32_t pos, double weight)
{
	window_slot *s = window_slot_of(w, id);
	if (!s->id) {
		if (id && (w->n_slots + 1) * 2 > w->cap_slots) {
			window_grow(w);
			s = window_slot_of(w, id);
		}
		w->n_slots += id != 0;
		s->id = id ? id : 1; /* for the zero slot, only "in use" */
		s->head = UINT32_MAX;
	}
	for (uint32_t p = s->head; p != UINT32_MAX; p = w->postings[p].next)
		if (w->postings[p].pos == pos) {
			w->postings[p].w = weight;
			return;
		}
	w->postings = an_xgrow(w->postings, &w->cap_postings, w->n_postings + 1,
	                       sizeof *w->postings);
	w->postings[w->n_postings].pos = pos;
	w->postings[w->n_postings].next = s->head;
	w->postings[w->n_postings].w = weight;
	s->head = (uint32_t)w->n_postings++;
}

/* The span index entries [*lo, *hi) that a mention with span [first,
 * last] is compared with, and how many terms their centroids have. */
static void window_range(size_t *lo_out, size_t *hi_out, size_t *n_terms, const builder *b,
                         const an_tl_span_index *si, long first, long last)
{
	size_t lo = 0, hi = si->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (si->e[mid].first < first)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t i = lo;
	*n_terms = 0;
	for (; i < si->n && i - lo < CONTAIN_MAX_CANDIDATES; i++) {
		const cluster *cl = &b->clusters[si->e[i].cluster];
		if (cl->span.first > last)
			break;
		*n_terms += cl->centroid.len;
	}
	*lo_out = lo;
	*hi_out = i;
}

/* Makes w the window of a mention with span [first, last]. */
static void window_build(contain_window *w, const builder *b, const an_tl_span_index *si,
                         long first, long last)
{
	size_t n_terms, i;
	window_range(&w->lo, &w->hi, &n_terms, b, si, first, last);
	w->first = first;
	w->last = last;
	size_t want = 1024;
	while (want < 2 * n_terms)
		want <<= 1;
	if (want > w->cap_slots || want * 8 < w->cap_slots) { /* memset per window */
		free(w->slots);
		w->slots = an_xmalloc(want * sizeof *w->slots);
		w->cap_slots = want;
	}
	memset(w->slots, 0, w->cap_slots * sizeof *w->slots);
	memset(&w->zero, 0, sizeof w->zero);
	w->n_slots = 0;
	w->n_postings = 0;
	for (i = w->lo; i < w->hi; i++) {
		const cluster *cl = &b->clusters[si->e[i].cluster];
		if (cl->span.last > last)
			continue; /* never a candidate */
		for (size_t t = 0; t < cl->centroid.len; t++)
			window_set(w, cl->centroid.items[t].id, (uint32_t)(i - w->lo),
			           cl->centroid.items[t].w);
	}
}

/* Whether dated mention c may join event cl at a cosine of sim: an event
 * of another story takes only a near restatement about someone it names
 * ("America West reported profit" is not Delta's, whatever the quarter). */
static int contain_ok(const builder *b, const cand *c, const cluster *cl, double sim,
                      an_tl_pairs *pairs)
{
	if (an_tl_story_of_cluster(b, c->m.doc, cl, pairs))
		return 1;
	if (sim < AN_TL_SIM_OTHER_STORY)
		return 0;
	for (size_t i = 0; i < cl->n; i++) {
		const cand *m = &b->cands[cl->members[i]];
		if (m->tx && an_tl_names_shared(c->dt, m->dt))
			return 1;
	}
	return 0;
}

/* The event mention k joins among those inside its span, or -1; the same
 * as comparing it with each candidate by an_tl_sim, the last of the most
 * similar winning. */
static long best_containing(const builder *b, const an_tl_span_index *si, contain_window *w,
                            size_t k, an_tl_pairs *pairs)
{
	const cand *c = &b->cands[k];
	if (an_tl_mod_side(c->tx->mod))
		return -1; /* "before October" is not inside October */
	if (w->first != c->span.first || w->last != c->span.last)
		window_build(w, b, si, c->span.first, c->span.last);
	/* c's terms in id order, so that each centroid's products are added
	 * as an_vec_dot adds them */
	for (size_t t = 0; t < c->vec.len; t++) {
		uint64_t id = c->vec.items[t].id;
		const window_slot *s = window_slot_of(w, id);
		if (!s->id)
			continue;
		double cw = c->vec.items[t].w;
		for (uint32_t p = s->head; p != UINT32_MAX; p = w->postings[p].next)
			w->acc[w->postings[p].pos] += cw * w->postings[p].w;
	}
	long best = -1;
	double best_sim = SIM_CONTAINED;
	for (size_t i = w->lo; i < w->hi; i++) {
		const cluster *cl = &b->clusters[si->e[i].cluster];
		double dot = w->acc[i - w->lo];
		w->acc[i - w->lo] = 0;
		if (cl->span.last > c->span.last)
			continue;
		double n = c->norm * cl->norm;
		double sim = n > 0 ? dot / n : 0;
		if (sim >= best_sim && !contain_ok(b, c, cl, sim, pairs))
			continue;
		if (sim >= best_sim) {
			best_sim = sim;
			best = (long)si->e[i].cluster;
		}
	}
	return best;
}

/* Mention k has joined event ci of window w: its new weights replace the
 * old in the postings. */
static void window_joined(contain_window *w, const builder *b, const an_tl_span_index *si,
                          size_t ci, size_t k)
{
	const an_vec *v = &b->cands[k].vec, *cen = &b->clusters[ci].centroid;
	size_t pos = w->lo;
	while (pos < w->hi && si->e[pos].cluster != ci)
		pos++;
	/* both in id order, the centroid holding every id of v */
	for (size_t t = 0, u = 0; t < v->len; t++) {
		while (cen->items[u].id != v->items[t].id)
			u++;
		window_set(w, cen->items[u].id, (uint32_t)(pos - w->lo), cen->items[u].w);
	}
}

/* Mentions [k0, k1) of a level: the events they may join are theirs only,
 * so that they can join them at the same time as other tasks' mentions
 * join theirs, with the same results as one after the other. */
typedef struct {
	size_t k0, k1;
} contain_task;

typedef struct {
	builder *b;
	const an_tl_span_index *si;
	const contain_task *tasks;
} contain_job;

static void contain_run(size_t t, void *payload)
{
	contain_job *j = payload;
	contain_window w;
	memset(&w, 0, sizeof w);
	w.first = 1; /* no window yet */
	w.last = 0;
	an_tl_pairs pairs;
	an_tl_pairs_init(&pairs, 0); /* a small one: a task asks few pairs */
	for (size_t k = j->tasks[t].k0; k < j->tasks[t].k1; k++) {
		long ci = best_containing(j->b, j->si, &w, k, &pairs);
		if (ci >= 0) {
			an_tl_cluster_add(j->b, (size_t)ci, k);
			window_joined(&w, j->b, j->si, (size_t)ci, k);
		}
	}
	free(w.slots);
	free(w.postings);
	an_tl_pairs_free(&pairs);
}

/* The mentions [lvl, end) of one precision join events of finer dates
 * inside their spans.  Mentions of one span share their candidates (a
 * window, see best_containing), and a level's spans seldom overlap, so
 * the mentions are split into tasks whose windows share no event. */
void an_tl_contain_level(builder *b, const an_tl_span_index *si, size_t lvl, size_t end)
{
	contain_task *tasks = NULL;
	size_t n_tasks = 0, cap = 0, task_hi = 0;
	for (size_t k = lvl; k < end;) {
		const an_span *sp = &b->cands[k].span;
		size_t e = k + 1, lo, hi, n_terms;
		while (e < end && b->cands[e].span.first == sp->first &&
		       b->cands[e].span.last == sp->last)
			e++;
		window_range(&lo, &hi, &n_terms, b, si, sp->first, sp->last);
		/* spans ascend, and so do the windows' starts */
		if (n_tasks && lo < task_hi) {
			tasks[n_tasks - 1].k1 = e;
		} else {
			tasks = an_xgrow(tasks, &cap, n_tasks + 1, sizeof *tasks);
			tasks[n_tasks].k0 = k;
			tasks[n_tasks++].k1 = e;
		}
		task_hi = hi > task_hi ? hi : task_hi;
		k = e;
	}
	contain_job j = {b, si, tasks};
	if (an_pool_jobs() > 1 && n_tasks > 1)
		an_pool_run(n_tasks, contain_run, &j);
	else
		for (size_t t = 0; t < n_tasks; t++)
			contain_run(t, &j);
	free(tasks);
}
