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

typedef struct {
	uint64_t id;
	size_t cluster;
} posting;

static int cmp_posting(const void *x, const void *y)
{
	const posting *a = x, *c = y;
	if (a->id != c->id)
		return a->id < c->id ? -1 : 1;
	return a->cluster < c->cluster ? -1 : (a->cluster > c->cluster);
}

typedef struct {
	posting *p;
	size_t n, cap;
} postings;

static void postings_add_cluster(postings *ps, const cluster *cl, size_t ci)
{
	for (size_t i = 0; i < cl->centroid.len; i++) {
		ps->p = an_xgrow(ps->p, &ps->cap, ps->n + 1, sizeof *ps->p);
		ps->p[ps->n].id = cl->centroid.items[i].id;
		ps->p[ps->n].cluster = ci;
		ps->n++;
	}
}

#define PROBE_TERMS 6

static int cmp_term_weight(const void *x, const void *y)
{
	double a = ((const an_term *)x)->w, c = ((const an_term *)y)->w;
	return a > c ? -1 : a < c;
}

/* The most similar cluster among those sharing one of the PROBE_TERMS
 * heaviest terms of v: a restatement shares its rarest words, and probing
 * only those keeps common words from making the search quadratic. */
static long best_by_terms(const builder *b, const postings *ps, const an_vec *v,
                          size_t first_cluster, double need, size_t skip_doc,
                          int dated)
{
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
		posting key = {probe[t].id, 0};
		size_t lo = 0, hi = ps->n;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (cmp_posting(&ps->p[mid], &key) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (size_t i = lo; i < ps->n && ps->p[i].id == key.id; i++) {
			size_t ci = ps->p[i].cluster;
			const cluster *cl = &b->clusters[ci];
			if (ci < first_cluster)
				continue;
			if (!dated && cl->n == 1 && b->cands[cl->members[0]].m.doc == skip_doc)
				continue; /* a fact needs a second article */
			double sim = an_vec_cosine(v, &cl->centroid);
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
	size_t cluster;
} report_entry;

static int cmp_report(const void *x, const void *y)
{
	const report_entry *a = x, *c = y;
	int k = strcmp(a->reporter, c->reporter);
	if (k)
		return k;
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
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (strcmp(r[mid].reporter, c->reporter) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	long best = -1;
	double best_sim = -1;
	for (size_t i = lo; i < n && strcmp(r[i].reporter, c->reporter) == 0; i++) {
		double sim = an_vec_cosine(&c->vec, &b->clusters[r[i].cluster].centroid);
		if (sim > best_sim) {
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
	an_qsort(dated.p, dated.n, sizeof *dated.p, cmp_posting);

	/* Undated clusters are added as we go; their postings are kept in a
	 * second list that is re-sorted in batches. */
	postings und = {NULL, 0, 0};
	size_t sorted_upto = 0;
	for (size_t k = first_undated; k < b->n_cands; k++) {
		cand *c = &b->cands[k];
		long best = c->reporter[0] ? best_report(b, reports, n_reports, c) : -1;
		if (best >= 0) {
			an_tl_cluster_add(b, (size_t)best, k);
			continue;
		}
		if (c->attribution_only)
			continue;
		best = best_by_terms(b, &dated, &c->vec, 0, SIM_ATTACH, (size_t)-1, 1);
		if (best >= 0) {
			an_tl_cluster_add(b, (size_t)best, k);
			continue;
		}
		if (c->words < UNDATED_MIN_WORDS)
			continue;
		if (und.n > sorted_upto) {
			an_qsort(und.p, und.n, sizeof *und.p, cmp_posting);
			sorted_upto = und.n;
		}
		best = best_by_terms(b, &und, &c->vec, n_dated_clusters, SIM_UNDATED,
		                     c->m.doc, 0);
		if (best >= 0) {
			an_tl_cluster_add(b, (size_t)best, k);
		} else {
			size_t ci = an_tl_cluster_new(b, k);
			postings_add_cluster(&und, &b->clusters[ci], ci);
		}
	}
	free(dated.p);
	free(und.p);
	free(reports);
}
