/* timeline_place.c - the sentences without a date (see timeline_impl.h).
 *
 * A sentence citing a source ("according to CNN") joins that source's
 * dated report; one that clearly restates a dated event joins it; the rest
 * group into undated facts, kept when two or more articles state them.
 * Candidates come from an inverted index over the clusters' rarest terms,
 * never from comparing all pairs. */
#include "timeline_impl.h"
#include "alloc.h"
#include "pool.h"

#include <stdlib.h>
#include <string.h>

#define SIM_ATTACH 0.45       /* undated sentence restating an event */
#define SIM_UNDATED 0.40      /* two undated sentences, one fact */
#define UNDATED_MIN_WORDS 8

/* ---- inverted index over cluster centroids, for undated sentences ---- */

/* term id -> the clusters whose centroid has it, ascending (clusters are
 * added in order); open addressing, so adding a cluster never re-sorts */
typedef struct {
	uint64_t id; /* 0: empty slot */
	size_t *clusters;
	size_t n, cap;
} posting;

typedef struct {
	posting *slots;
	size_t cap, len;
} postings;

static size_t postings_slot(const postings *ps, uint64_t id)
{
	size_t i = (size_t)(id ^ (id >> 31)) & (ps->cap - 1);
	while (ps->slots[i].id && ps->slots[i].id != id)
		i = (i + 1) & (ps->cap - 1);
	return i;
}

static const posting *postings_get(const postings *ps, uint64_t id)
{
	if (!ps->cap)
		return NULL;
	const posting *p = &ps->slots[postings_slot(ps, id ? id : 1)];
	return p->id ? p : NULL;
}

static void postings_add(postings *ps, uint64_t id, size_t ci)
{
	id = id ? id : 1;
	if ((ps->len + 1) * 2 > ps->cap) {
		postings big = {an_xcalloc(ps->cap ? ps->cap * 2 : 1024, sizeof *big.slots),
		                ps->cap ? ps->cap * 2 : 1024, ps->len};
		for (size_t i = 0; i < ps->cap; i++)
			if (ps->slots[i].id)
				big.slots[postings_slot(&big, ps->slots[i].id)] = ps->slots[i];
		free(ps->slots);
		*ps = big;
	}
	posting *p = &ps->slots[postings_slot(ps, id)];
	if (!p->id) {
		p->id = id;
		ps->len++;
	}
	if (p->n && p->clusters[p->n - 1] == ci)
		return;
	p->clusters = an_xgrow(p->clusters, &p->cap, p->n + 1, sizeof *p->clusters);
	p->clusters[p->n++] = ci;
}

static void postings_free(postings *ps)
{
	for (size_t i = 0; i < ps->cap; i++)
		free(ps->slots[i].clusters);
	free(ps->slots);
}

static void postings_add_cluster(postings *ps, const cluster *cl, size_t ci)
{
	for (size_t i = 0; i < cl->centroid.len; i++)
		postings_add(ps, cl->centroid.items[i].id, ci);
}

#define PROBE_TERMS 6
/* A term in more events than this is skipped as a probe; in a small site
 * no term is, so its results are those of probing every term. */
#define PROBE_MAX_CLUSTERS 256
/* A sentence citing a reporter joins one of that reporter's dated reports
 * in articles at most this many places away in publication order. */
#define REPORT_WINDOW 256

static int cmp_term_weight(const void *x, const void *y)
{
	double a = ((const an_term *)x)->w, c = ((const an_term *)y)->w;
	return a > c ? -1 : a < c;
}

/* The best candidates seen, best first, as best_report and best_by_terms
 * rank them: by similarity, ties to the earliest cluster. */
#define SHORTLIST_MAX 4

typedef struct {
	double sim[SHORTLIST_MAX];
	long ci[SHORTLIST_MAX];
	unsigned char n;
	unsigned char cut; /* candidates below the SHORTLIST_MAX best were left out */
} shortlist;

static int ranks_before(double s1, long c1, double s2, long c2)
{
	return s1 > s2 || (s1 == s2 && c1 < c2);
}

static void shortlist_add(shortlist *l, double sim, long ci)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->ci[i] == ci)
			return;
	size_t i = l->n;
	while (i > 0 && ranks_before(sim, ci, l->sim[i - 1], l->ci[i - 1]))
		i--;
	if (i == SHORTLIST_MAX) {
		l->cut = 1;
		return;
	}
	if (l->n == SHORTLIST_MAX) {
		l->cut = 1;
		l->n--;
	}
	memmove(&l->sim[i + 1], &l->sim[i], (l->n - i) * sizeof *l->sim);
	memmove(&l->ci[i + 1], &l->ci[i], (l->n - i) * sizeof *l->ci);
	l->sim[i] = sim;
	l->ci[i] = ci;
	l->n++;
}

/* The best of l's candidates that has not changed since, into *best and
 * *best_sim (-1 and `none` when there is none); returns 0 when that one may
 * have been cut. */
static int shortlist_best(long *best, double *best_sim, const shortlist *l,
                          const unsigned char *changed, double none)
{
	*best = -1;
	*best_sim = none;
	for (size_t i = 0; i < l->n; i++)
		if (!changed[l->ci[i]]) {
			*best = l->ci[i];
			*best_sim = l->sim[i];
			return 1;
		}
	return !l->cut;
}

/* The answers of an_tl_story_of_cluster for the undated facts, which the
 * sentences of one article ask again and again (they are placed article
 * by article): for cluster ci, the article asked and the cluster's
 * article count then. */
typedef struct {
	struct story_answer {
		size_t doc, n_docs; /* doc SIZE_MAX: not asked yet */
		int same;
	} *slots;
	size_t cap;
	an_tl_pairs pairs; /* and the pairs of articles asked */
} story_cache;

static int cached_story(story_cache *sc, const builder *b, size_t doc, size_t ci)
{
	const cluster *cl = &b->clusters[ci];
	if (ci >= sc->cap) {
		size_t old = sc->cap;
		sc->slots = an_xgrow(sc->slots, &sc->cap, b->n_clusters + 1, sizeof *sc->slots);
		for (size_t i = old; i < sc->cap; i++)
			sc->slots[i].doc = SIZE_MAX;
	}
	struct story_answer *a = &sc->slots[ci];
	if (a->doc != doc || a->n_docs != cl->n_docs) {
		a->doc = doc;
		a->n_docs = cl->n_docs;
		a->same = an_tl_story_of_cluster(b, doc, cl, &sc->pairs);
	}
	return a->same;
}

/* The cosine of c and cluster ci when c may join it (need or more), else
 * 0: a sentence restates an event, or states a fact, of its own story only
 * ("Sales rose 13% to $1.76 billion" is every company's).  With a cache
 * (never on the worker pool), the answers are kept. */
static double placed_sim(const builder *b, const cand *c, size_t ci, double need,
                         story_cache *sc)
{
	const cluster *cl = &b->clusters[ci];
	double sim = an_tl_sim(c, cl);
	if (sim >= need && !(sc ? cached_story(sc, b, c->m.doc, ci)
	                        : an_tl_story_of_cluster(b, c->m.doc, cl, NULL)))
		return 0;
	return sim;
}

/* Every event a sentence resembles enough, for asking the story of the
 * most similar first (best_by_terms). */
typedef struct {
	struct candidate {
		double sim;
		long ci;
	} *items;
	size_t n, cap;
} candidates;

static void lazy_add(candidates *l, double sim, long ci)
{
	l->items = an_xgrow(l->items, &l->cap, l->n + 1, sizeof *l->items);
	l->items[l->n].sim = sim;
	l->items[l->n++].ci = ci;
}

static int cmp_candidate(const void *x, const void *y)
{
	const struct candidate *a = x, *c = y;
	if (ranks_before(a->sim, a->ci, c->sim, c->ci))
		return -1;
	if (ranks_before(c->sim, c->ci, a->sim, a->ci))
		return 1;
	return 0;
}

#define LAZY_PICKS 8

/* The first of l's events, in best_by_terms' order, whose story c tells;
 * -1 for none.  With a shortlist, the first SHORTLIST_MAX such go into it,
 * and it is marked cut when events were left unasked after them. */
static long lazy_best(candidates *l, const builder *b, const cand *c, story_cache *sc,
                      shortlist *list)
{
	long best = -1;
	for (size_t i = 0; i < l->n; i++) {
		/* the next in rank: picked out for the first few, which mostly
		 * settle it; the rest sorted only when it comes to that */
		if (i < LAZY_PICKS) {
			size_t m = i;
			for (size_t j = i + 1; j < l->n; j++)
				if (ranks_before(l->items[j].sim, l->items[j].ci, l->items[m].sim,
				                 l->items[m].ci))
					m = j;
			struct candidate t = l->items[i];
			l->items[i] = l->items[m];
			l->items[m] = t;
		} else if (i == LAZY_PICKS) {
			an_qsort(l->items + i, l->n - i, sizeof *l->items, cmp_candidate);
		}
		size_t ci = (size_t)l->items[i].ci;
		if (!(sc ? cached_story(sc, b, c->m.doc, ci)
		         : an_tl_story_of_cluster(b, c->m.doc, &b->clusters[ci], NULL)))
			continue;
		if (best < 0)
			best = (long)ci;
		if (!list)
			break;
		shortlist_add(list, l->items[i].sim, (long)ci);
		if (list->n == SHORTLIST_MAX) {
			list->cut = i + 1 < l->n;
			break;
		}
	}
	return best;
}

/* The ids of the PROBE_TERMS heaviest terms of v, into probe; returns
 * how many. */
static size_t probe_terms(uint64_t *probe, const an_vec *v)
{
	size_t n_probe = v->len < PROBE_TERMS ? v->len : PROBE_TERMS;
	an_term *sorted = an_xmalloc((v->len + 1) * sizeof *sorted);
	if (v->len)
		memcpy(sorted, v->items, v->len * sizeof *sorted);
	an_qsort(sorted, v->len, sizeof *sorted, cmp_term_weight);
	for (size_t t = 0; t < n_probe; t++)
		probe[t] = sorted[t].id;
	free(sorted);
	return n_probe;
}

/* The clusters in the postings of the probe terms, each once, ascending
 * (caller frees): a cluster sharing several of a sentence's heaviest terms
 * is compared once, not once per term.  Terms in more than
 * PROBE_MAX_CLUSTERS clusters are as common as stop words: they identify
 * nothing and are skipped.  The postings are ascending already: merged,
 * not sorted (a sort here was the timeline's largest). */
static size_t *probed_clusters(const postings *ps, const uint64_t *probe, size_t n_probe,
                               size_t *n_out)
{
	const posting *use[PROBE_TERMS];
	size_t at[PROBE_TERMS], n_use = 0, total = 0;
	for (size_t t = 0; t < n_probe; t++) {
		const posting *p = postings_get(ps, probe[t]);
		if (p && p->n <= PROBE_MAX_CLUSTERS) {
			at[n_use] = 0;
			use[n_use++] = p;
			total += p->n;
		}
	}
	size_t *out = an_xmalloc((total + 1) * sizeof *out), n = 0;
	for (;;) {
		size_t least = SIZE_MAX;
		for (size_t u = 0; u < n_use; u++)
			if (at[u] < use[u]->n && use[u]->clusters[at[u]] < least)
				least = use[u]->clusters[at[u]];
		if (least == SIZE_MAX)
			break;
		out[n++] = least;
		for (size_t u = 0; u < n_use; u++)
			if (at[u] < use[u]->n && use[u]->clusters[at[u]] == least)
				at[u]++;
	}
	*n_out = n;
	return out;
}

/* The most similar cluster among those sharing one of the heaviest terms
 * of c's vector (`probe`, from probe_terms): a restatement shares its
 * rarest words, and probing only those keeps common words from making the
 * search quadratic. */
static long best_by_terms(const builder *b, const postings *ps, const cand *c,
                          const uint64_t *probe, size_t n_probe, size_t first_cluster,
                          double need, size_t skip_doc, int dated, shortlist *list,
                          story_cache *sc)
{
	/* the story is asked of the most similar events first, and of the
	 * others only when it fails (or to fill the shortlist): a sentence of
	 * a template many stories share ("Local newspapers carried the
	 * story") resembles hundreds of them */
	candidates lazy = {NULL, 0, 0};
	size_t n_found;
	size_t *found = probed_clusters(ps, probe, n_probe, &n_found);
	for (size_t f = 0; f < n_found; f++) {
		size_t ci = found[f];
		const cluster *cl = &b->clusters[ci];
		if (ci < first_cluster)
			continue;
		if (!dated && cl->n == 1 && b->cands[cl->members[0]].m.doc == skip_doc)
			continue; /* a fact needs a second article */
		double sim = an_tl_sim(c, cl);
		if (sim >= need)
			lazy_add(&lazy, sim, (long)ci);
	}
	free(found);
	long best = lazy_best(&lazy, b, c, sc, list);
	free(lazy.items);
	return best;
}

/* Dated reports by reporter, for attaching the sentences that cite them. */
typedef struct {
	const char *reporter;
	size_t doc, cluster;
} report_entry;

static int cmp_report(const void *x, const void *y)
{
	const report_entry *a = x, *c = y;
	int k = strcmp(a->reporter, c->reporter);
	if (k)
		return k;
	if (a->doc != c->doc)
		return a->doc < c->doc ? -1 : 1;
	return a->cluster < c->cluster ? -1 : (a->cluster > c->cluster);
}

static report_entry *index_reports(const builder *b, size_t n_clusters, size_t *n_out)
{
	report_entry *r = NULL;
	size_t n = 0, cap = 0;
	for (size_t ci = 0; ci < n_clusters; ci++) {
		const cluster *cl = &b->clusters[ci];
		for (size_t i = 0; i < cl->n; i++) {
			const cand *c = &b->cands[cl->members[i]];
			if (!c->dt->clause.is_report || !c->reporter[0])
				continue;
			r = an_xgrow(r, &cap, n + 1, sizeof *r);
			r[n].reporter = c->reporter;
			r[n].doc = c->m.doc;
			r[n].cluster = ci;
			n++;
		}
	}
	an_qsort(r, n, sizeof *r, cmp_report);
	*n_out = n;
	return r;
}

/* The dated reports [*lo, *hi) of r by c's reporter near c's article. */
static void report_range(size_t *lo_out, size_t *hi_out, const report_entry *r, size_t n,
                         const cand *c)
{
	size_t from = c->m.doc > REPORT_WINDOW ? c->m.doc - REPORT_WINDOW : 0;
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int k = strcmp(r[mid].reporter, c->reporter);
		if (k < 0 || (k == 0 && r[mid].doc < from))
			lo = mid + 1;
		else
			hi = mid;
	}
	*lo_out = lo;
	while (lo < n && strcmp(r[lo].reporter, c->reporter) == 0 &&
	       r[lo].doc <= c->m.doc + REPORT_WINDOW)
		lo++;
	*hi_out = lo;
}

/* The dated report among r[lo, hi) that c most resembles, or -1.  A
 * sentence citing CNN belongs with CNN's dated report; among several
 * reports by CNN the content decides. */
static long best_report(const builder *b, const report_entry *r, size_t lo, size_t hi,
                        const cand *c, shortlist *list)
{
	long best = -1;
	double best_sim = -1;
	for (size_t i = lo; i < hi; i++) {
		double sim = an_tl_sim(c, &b->clusters[r[i].cluster]);
		if (list)
			shortlist_add(list, sim, (long)r[i].cluster);
		/* ties: the earliest cluster */
		if (sim > best_sim || (sim == best_sim && (long)r[i].cluster < best)) {
			best_sim = sim;
			best = (long)r[i].cluster;
		}
	}
	return best;
}

/* What an undated mention would join, worked out for a block of them at
 * once on the worker pool with the dated events as they are at the start
 * of the block: the few best candidates are kept, and in turn, a mention
 * compares again only with the candidates that have changed since (that
 * earlier mentions of the block joined), so the choices are those of
 * comparing in turn. */
typedef struct {
	shortlist reports;  /* when c has a reporter */
	shortlist restates; /* best_by_terms' over the dated events, when asked */
	size_t rlo, rhi;    /* the reports compared */
	uint64_t probe[PROBE_TERMS];
	unsigned char n_probe;
	unsigned char asked; /* restates was worked out */
} guess;

typedef struct {
	const builder *b;
	const report_entry *reports;
	size_t n_reports;
	const postings *dated;
	size_t first, end; /* the mentions guessed, g[0] for `first` */
	guess *g;
} guess_job;

#define GUESSES_PER_PART 256
/* Guesses are made this many mentions at a time, to bound their memory. */
#define GUESS_BLOCK (128 * GUESSES_PER_PART)

static void make_guess(const guess_job *j, size_t k)
{
	const cand *c = &j->b->cands[k];
	guess *g = &j->g[k - j->first];
	memset(g, 0, sizeof *g);
	long best = -1;
	if (c->reporter[0]) {
		report_range(&g->rlo, &g->rhi, j->reports, j->n_reports, c);
		best = best_report(j->b, j->reports, g->rlo, g->rhi, c, &g->reports);
	}
	/* most mentions with a report to join do join it */
	g->asked = best < 0 && !c->attribution_only;
	if (g->asked) {
		g->n_probe = (unsigned char)probe_terms(g->probe, &c->vec);
		best_by_terms(j->b, j->dated, c, g->probe, g->n_probe, 0, SIM_ATTACH, (size_t)-1, 1,
		              &g->restates, NULL);
	}
}

static void make_guesses(size_t part, void *payload)
{
	const guess_job *j = payload;
	size_t k0 = j->first + part * GUESSES_PER_PART;
	size_t k1 = k0 + GUESSES_PER_PART < j->end ? k0 + GUESSES_PER_PART : j->end;
	for (size_t k = k0; k < k1; k++)
		make_guess(j, k);
}

/* best_report for mention k, from its guess where there is one. */
static long report_now(const builder *b, const report_entry *r, size_t n, const cand *c,
                       const guess *g, const unsigned char *changed)
{
	long best;
	double best_sim;
	if (!g || !shortlist_best(&best, &best_sim, &g->reports, changed, -1)) {
		size_t lo, hi;
		report_range(&lo, &hi, r, n, c);
		return best_report(b, r, lo, hi, c, NULL);
	}
	for (size_t i = g->rlo; i < g->rhi; i++) {
		long ci = (long)r[i].cluster;
		if (!changed[ci])
			continue;
		double sim = an_tl_sim(c, &b->clusters[ci]);
		if (ranks_before(sim, ci, best_sim, best)) {
			best_sim = sim;
			best = ci;
		}
	}
	return best;
}

/* best_by_terms over the dated events for mention k, from its guess where
 * there is one. */
static long restates_now(const builder *b, const postings *ps, const cand *c,
                         const uint64_t *probe, size_t n_probe, const guess *g,
                         const unsigned char *changed, story_cache *sc)
{
	long best;
	double best_sim;
	if (!g || !g->asked || !shortlist_best(&best, &best_sim, &g->restates, changed, 0))
		return best_by_terms(b, ps, c, probe, n_probe, 0, SIM_ATTACH, (size_t)-1, 1, NULL, sc);
	size_t n_found;
	size_t *found = probed_clusters(ps, probe, n_probe, &n_found);
	for (size_t f = 0; f < n_found; f++) {
		long ci = (long)found[f];
		if (!changed[ci])
			continue;
		double sim = placed_sim(b, c, (size_t)ci, SIM_ATTACH, sc);
		if (sim >= SIM_ATTACH && ranks_before(sim, ci, best_sim, best)) {
			best_sim = sim;
			best = ci;
		}
	}
	free(found);
	return best;
}

void an_tl_place_undated(builder *b, size_t first_undated)
{
	size_t n_dated_clusters = b->n_clusters;
	size_t n_reports;
	report_entry *reports = index_reports(b, n_dated_clusters, &n_reports);
	postings dated = {NULL, 0, 0};
	for (size_t ci = 0; ci < n_dated_clusters; ci++)
		postings_add_cluster(&dated, &b->clusters[ci], ci);

	/* with one worker, guessing would only add work */
	guess *guesses = NULL;
	unsigned char *changed = an_xcalloc(n_dated_clusters + 1, 1);
	size_t n_undated = b->n_cands - first_undated;
	if (an_pool_jobs() > 1 && n_undated > GUESSES_PER_PART)
		guesses = an_xmalloc(GUESS_BLOCK * sizeof *guesses);

	/* undated clusters are added as we go, with their postings */
	postings und = {NULL, 0, 0};
	story_cache sc = {NULL, 0, {NULL, 0}};
	an_tl_pairs_init(&sc.pairs, b->n_docs);
	size_t block = first_undated, block_end = first_undated;
	for (size_t k = first_undated; k < b->n_cands; k++) {
		if (guesses && k == block_end) {
			/* guesses for the next block, on the events as they are now */
			guess_job j = {b, reports, n_reports, &dated, k, b->n_cands, guesses};
			if (j.end - k > GUESS_BLOCK)
				j.end = k + GUESS_BLOCK;
			an_pool_run((j.end - k + GUESSES_PER_PART - 1) / GUESSES_PER_PART, make_guesses,
			            &j);
			memset(changed, 0, n_dated_clusters);
			block = k;
			block_end = j.end;
		}
		cand *c = &b->cands[k];
		const guess *g = guesses ? &guesses[k - block] : NULL;
		long best = c->reporter[0] ? report_now(b, reports, n_reports, c, g, changed) : -1;
		if (best >= 0) {
			an_tl_cluster_add(b, (size_t)best, k);
			changed[best] = 1;
			continue;
		}
		if (c->attribution_only)
			continue;
		uint64_t own[PROBE_TERMS];
		const uint64_t *probe = own;
		size_t n_probe;
		if (g && g->asked) {
			probe = g->probe;
			n_probe = g->n_probe;
		} else {
			n_probe = probe_terms(own, &c->vec);
		}
		best = restates_now(b, &dated, c, probe, n_probe, g, changed, &sc);
		if (best >= 0) {
			an_tl_cluster_add(b, (size_t)best, k);
			changed[best] = 1;
			continue;
		}
		if (c->words < UNDATED_MIN_WORDS)
			continue;
		best = best_by_terms(b, &und, c, probe, n_probe, n_dated_clusters, SIM_UNDATED,
		                     c->m.doc, 0, NULL, &sc);
		if (best >= 0) {
			an_tl_cluster_add(b, (size_t)best, k);
		} else {
			size_t ci = an_tl_cluster_new(b, k);
			postings_add_cluster(&und, &b->clusters[ci], ci);
		}
	}
	free(guesses);
	free(changed);
	free(sc.slots);
	an_tl_pairs_free(&sc.pairs);
	postings_free(&dated);
	postings_free(&und);
	free(reports);
}
