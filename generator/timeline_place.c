/* timeline_place.c - the sentences without a date (see timeline_impl.h).
 *
 * A sentence citing a source ("according to CNN") joins that source's
 * dated report; one that clearly restates a dated event joins it; the rest
 * group into undated facts, kept when two or more articles state them.
 * Candidates come from an inverted index over the clusters' rarest terms,
 * never from comparing all pairs. */
#include "timeline_impl.h"
#include "alloc.h"

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

/* The most similar cluster among those sharing one of the PROBE_TERMS
 * heaviest terms of v: a restatement shares its rarest words, and probing
 * only those keeps common words from making the search quadratic. */
static long best_by_terms(const builder *b, const postings *ps, const cand *c,
                          size_t first_cluster, double need, size_t skip_doc,
                          int dated)
{
	const an_vec *v = &c->vec;
	long best = -1;
	double best_sim = 0;
	an_term probe[PROBE_TERMS];
	size_t n_probe = v->len < PROBE_TERMS ? v->len : PROBE_TERMS;
	an_term *sorted = an_xmalloc((v->len + 1) * sizeof *sorted);
	if (v->len)
		memcpy(sorted, v->items, v->len * sizeof *sorted);
	an_qsort(sorted, v->len, sizeof *sorted, cmp_term_weight);
	if (n_probe)
		memcpy(probe, sorted, n_probe * sizeof *probe);
	free(sorted);
	for (size_t t = 0; t < n_probe; t++) {
		const posting *p = postings_get(ps, probe[t].id);
		if (p && p->n > PROBE_MAX_CLUSTERS)
			continue; /* as common as a stop word: it identifies nothing */
		for (size_t i = 0; p && i < p->n; i++) {
			size_t ci = p->clusters[i];
			const cluster *cl = &b->clusters[ci];
			if (ci < first_cluster)
				continue;
			if (!dated && cl->n == 1 && b->cands[cl->members[0]].m.doc == skip_doc)
				continue; /* a fact needs a second article */
			double sim = an_tl_sim(c, cl);
			if (sim >= need && (sim > best_sim || (sim == best_sim && (long)ci < best))) {
				best_sim = sim;
				best = (long)ci;
			}
		}
	}
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
			if (!c->clause.is_report || !c->reporter[0])
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

/* The dated report by c's reporter that c most resembles, or -1.  A
 * sentence citing CNN belongs with CNN's dated report; among several
 * reports by CNN the content decides. */
static long best_report(const builder *b, const report_entry *r, size_t n, const cand *c)
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
	long best = -1;
	double best_sim = -1;
	for (size_t i = lo; i < n && strcmp(r[i].reporter, c->reporter) == 0 &&
	                    r[i].doc <= c->m.doc + REPORT_WINDOW; i++) {
		double sim = an_tl_sim(c, &b->clusters[r[i].cluster]);
		/* ties: the earliest cluster */
		if (sim > best_sim || (sim == best_sim && (long)r[i].cluster < best)) {
			best_sim = sim;
			best = (long)r[i].cluster;
		}
	}
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

	/* undated clusters are added as we go, with their postings */
	postings und = {NULL, 0, 0};
	for (size_t k = first_undated; k < b->n_cands; k++) {
		cand *c = &b->cands[k];
		long best = c->reporter[0] ? best_report(b, reports, n_reports, c) : -1;
		if (best >= 0) {
			an_tl_cluster_add(b, (size_t)best, k);
			continue;
		}
		if (c->attribution_only)
			continue;
		best = best_by_terms(b, &dated, c, 0, SIM_ATTACH, (size_t)-1, 1);
		if (best >= 0) {
			an_tl_cluster_add(b, (size_t)best, k);
			continue;
		}
		if (c->words < UNDATED_MIN_WORDS)
			continue;
		best = best_by_terms(b, &und, c, n_dated_clusters, SIM_UNDATED,
		                     c->m.doc, 0);
		if (best >= 0) {
			an_tl_cluster_add(b, (size_t)best, k);
		} else {
			size_t ci = an_tl_cluster_new(b, k);
			postings_add_cluster(&und, &b->clusters[ci], ci);
		}
	}
	postings_free(&dated);
	postings_free(&und);
	free(reports);
}
