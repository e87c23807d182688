/* timeline.c - clustering mentions into events (see timeline.h).
 *
 * Each dated mention carries the content terms of its sentence (and, at
 * half weight, of the sentence before it, which often names what "the
 * move" or "the decision" is), weighted by inverse document frequency over
 * all sentences, so that words every article of a story shares count little.
 * Mentions are taken finest date first; each joins the most similar event
 * with the same date value, or one whose date it contains ("2025" contains
 * "2025-09") when the content is clearly the same, or starts a new event.
 * Candidates are found by date bucket, never by comparing all pairs.
 * Then sentences without a date join an event they clearly restate, and the
 * rest are grouped into undated facts when two or more articles state them. */
#include "timeline.h"
#include "alloc.h"
#include "headline.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SIM_SAME_DATE 0.12    /* same value: related content suffices */
#define SIM_CONTAINED 0.30    /* coarser date inside a finer event's */
#define SIM_ATTACH 0.45       /* undated sentence restating an event */
#define SIM_UNDATED 0.40      /* two undated sentences, one fact */
#define UNDATED_MIN_WORDS 8
#define CONTAIN_MAX_CANDIDATES 256

/* ---- document frequencies: an open-addressing map id -> count ---- */

typedef struct {
	uint64_t *ids;
	unsigned *counts;
	size_t cap, len;
	double n_docs;
} df_map;

static size_t df_slot(const df_map *m, uint64_t id)
{
	size_t i = (size_t)(id ^ (id >> 29)) & (m->cap - 1);
	while (m->ids[i] && m->ids[i] != id)
		i = (i + 1) & (m->cap - 1);
	return i;
}

static void df_add(df_map *m, uint64_t id)
{
	if (id == 0)
		id = 1; /* 0 marks an empty slot */
	if ((m->len + 1) * 2 > m->cap) {
		df_map big = {an_xcalloc(m->cap * 2, sizeof(uint64_t)),
		              an_xcalloc(m->cap * 2, sizeof(unsigned)), m->cap * 2, 0, 0};
		for (size_t i = 0; i < m->cap; i++)
			if (m->ids[i]) {
				size_t s = df_slot(&big, m->ids[i]);
				big.ids[s] = m->ids[i];
				big.counts[s] = m->counts[i];
				big.len++;
			}
		free(m->ids);
		free(m->counts);
		m->ids = big.ids;
		m->counts = big.counts;
		m->cap = big.cap;
	}
	size_t s = df_slot(m, id);
	if (!m->ids[s]) {
		m->ids[s] = id;
		m->len++;
	}
	m->counts[s]++;
}

static double idf(uint64_t id, void *payload)
{
	const df_map *m = payload;
	if (id == 0)
		id = 1;
	size_t s = df_slot(m, id);
	double df = m->ids[s] ? m->counts[s] : 0;
	return log((m->n_docs + 1) / (df + 1)) + 0.1;
}

/* ---- mentions and clusters ---- */

typedef struct {
	an_mention m;
	an_vec vec;
	an_span span;
	const an_timex *tx; /* NULL when undated */
	long cluster;
	int words;
} cand;

typedef struct {
	an_vec centroid;
	size_t *members; /* indices into the cand array */
	size_t n, cap;
	an_span span;
	const char *value; /* borrowed from the first member's timex */
	size_t n_docs;     /* distinct documents among members */
} cluster;

typedef struct {
	const an_doc *docs;
	size_t n_docs;
	cand *cands;
	size_t n_cands, cap_cands;
	cluster *clusters;
	size_t n_clusters, cap_clusters;
	df_map df;
} builder;

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

/* The weighted term vector of sentence `si` of doc `d`. */
static void sentence_vec(an_vec *out, const builder *b, size_t d, size_t si)
{
	const an_analysis *an = b->docs[d].analysis;
	an_vec_add(out, &an->terms[si], 1.0);
	if (si > 0 && an->sentence_para[si - 1] == an->sentence_para[si])
		an_vec_add(out, &an->terms[si - 1], 0.5);
	an_vec_weight(out, idf, (void *)&b->df);
}

static void add_cand(builder *b, size_t d, size_t si, long ti, const an_span *span)
{
	b->cands = an_xgrow(b->cands, &b->cap_cands, b->n_cands + 1, sizeof *b->cands);
	cand *c = &b->cands[b->n_cands++];
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
	sentence_vec(&c->vec, b, d, si);
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

static void cluster_add(builder *b, size_t ci, size_t k)
{
	cluster *cl = &b->clusters[ci];
	cl->members = an_xgrow(cl->members, &cl->cap, cl->n + 1, sizeof *cl->members);
	int new_doc = 1;
	for (size_t i = 0; i < cl->n; i++)
		if (b->cands[cl->members[i]].m.doc == b->cands[k].m.doc)
			new_doc = 0;
	cl->n_docs += new_doc;
	cl->members[cl->n++] = k;
	an_vec_add(&cl->centroid, &b->cands[k].vec, 1.0);
	b->cands[k].cluster = (long)ci;
}

static size_t cluster_new(builder *b, size_t k)
{
	b->clusters = an_xgrow(b->clusters, &b->cap_clusters, b->n_clusters + 1,
	                       sizeof *b->clusters);
	cluster *cl = &b->clusters[b->n_clusters];
	memset(cl, 0, sizeof *cl);
	cl->span = b->cands[k].span;
	cl->value = b->cands[k].tx ? b->cands[k].tx->value : "";
	cluster_add(b, b->n_clusters, k);
	return b->n_clusters++;
}

static int cmp_cand_precision(const void *x, const void *y)
{
	const cand *a = x, *c = y;
	if (a->span.gran != c->span.gran)
		return a->span.gran > c->span.gran ? -1 : 1;
	if (a->span.first != c->span.first)
		return a->span.first < c->span.first ? -1 : 1;
	if (a->m.doc != c->m.doc)
		return a->m.doc < c->m.doc ? -1 : 1;
	return a->m.timex < c->m.timex ? -1 : (a->m.timex > c->m.timex);
}

/* Clusters sorted by span start, for finding the events inside a coarse
 * date by binary search. */
typedef struct {
	long first;
	size_t cluster;
} span_entry;

typedef struct {
	span_entry *e;
	size_t n;
} span_index;

static int cmp_span_entry(const void *x, const void *y)
{
	const span_entry *a = x, *c = y;
	if (a->first != c->first)
		return a->first < c->first ? -1 : 1;
	return a->cluster < c->cluster ? -1 : (a->cluster > c->cluster);
}

static void span_index_build(span_index *si, const builder *b)
{
	free(si->e);
	si->n = b->n_clusters;
	si->e = an_xmalloc((si->n + 1) * sizeof *si->e);
	for (size_t i = 0; i < si->n; i++) {
		si->e[i].first = b->clusters[i].span.first;
		si->e[i].cluster = i;
	}
	qsort(si->e, si->n, sizeof *si->e, cmp_span_entry);
}

/* Finds the best event for dated candidate k; -1 when none is close enough. */
static long best_dated(builder *b, const span_index *si, size_t k)
{
	const cand *c = &b->cands[k];
	long best = -1;
	double best_sim = 0;
	/* first cluster whose span starts at or after c's start */
	size_t lo = 0, hi = si->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (si->e[mid].first < c->span.first)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t seen = 0;
	for (size_t i = lo; i < si->n && seen < CONTAIN_MAX_CANDIDATES; i++, seen++) {
		const cluster *cl = &b->clusters[si->e[i].cluster];
		if (cl->span.first > c->span.last)
			break;
		if (cl->span.last > c->span.last)
			continue;
		int same = strcmp(cl->value, c->tx->value) == 0;
		double need = same ? SIM_SAME_DATE : SIM_CONTAINED;
		double sim = an_vec_cosine(&c->vec, &cl->centroid);
		if (sim >= need && sim > best_sim) {
			best_sim = sim;
			best = (long)si->e[i].cluster;
		}
	}
	/* clusters created since the index was built (same granularity) */
	for (size_t ci = si->n; ci < b->n_clusters; ci++) {
		const cluster *cl = &b->clusters[ci];
		if (strcmp(cl->value, c->tx->value) != 0)
			continue;
		double sim = an_vec_cosine(&c->vec, &cl->centroid);
		if (sim >= SIM_SAME_DATE && sim > best_sim) {
			best_sim = sim;
			best = (long)ci;
		}
	}
	return best;
}

static void cluster_dated(builder *b, size_t n_dated)
{
	qsort(b->cands, n_dated, sizeof *b->cands, cmp_cand_precision);
	span_index si = {NULL, 0};
	an_granularity level = AN_GRAN_NONE;
	for (size_t k = 0; k < n_dated; k++) {
		if (b->cands[k].span.gran != level) {
			level = b->cands[k].span.gran;
			span_index_build(&si, b);
		}
		long best = best_dated(b, &si, k);
		if (best >= 0)
			cluster_add(b, (size_t)best, k);
		else
			cluster_new(b, k);
	}
	free(si.e);
}

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
	memcpy(sorted, v->items, v->len * sizeof *sorted);
	qsort(sorted, v->len, sizeof *sorted, cmp_term_weight);
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

static void place_undated(builder *b, size_t first_undated)
{
	size_t n_dated_clusters = b->n_clusters;
	postings dated = {NULL, 0, 0};
	for (size_t ci = 0; ci < n_dated_clusters; ci++)
		postings_add_cluster(&dated, &b->clusters[ci], ci);
	qsort(dated.p, dated.n, sizeof *dated.p, cmp_posting);

	/* Undated clusters are added as we go; their postings are kept in a
	 * second list that is re-sorted in batches. */
	postings und = {NULL, 0, 0};
	size_t sorted_upto = 0;
	for (size_t k = first_undated; k < b->n_cands; k++) {
		cand *c = &b->cands[k];
		long best = best_by_terms(b, &dated, &c->vec, 0, SIM_ATTACH, (size_t)-1, 1);
		if (best >= 0) {
			cluster_add(b, (size_t)best, k);
			continue;
		}
		if (c->words < UNDATED_MIN_WORDS)
			continue;
		if (und.n > sorted_upto) {
			qsort(und.p, und.n, sizeof *und.p, cmp_posting);
			sorted_upto = und.n;
		}
		best = best_by_terms(b, &und, &c->vec, n_dated_clusters, SIM_UNDATED,
		                     c->m.doc, 0);
		if (best >= 0) {
			cluster_add(b, (size_t)best, k);
		} else {
			size_t ci = cluster_new(b, k);
			postings_add_cluster(&und, &b->clusters[ci], ci);
		}
	}
	free(dated.p);
	free(und.p);
}

/* ---- turning clusters into events ---- */

static int cmp_size(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, c = *(const size_t *)y;
	return a < c ? -1 : a > c;
}

static const char *sentence_text(const builder *b, const an_mention *m, size_t *len)
{
	const an_doc *d = &b->docs[m->doc];
	const an_sentence *s = &d->analysis->sentences.items[m->sentence];
	*len = s->end - s->start;
	return d->article->text + s->start;
}

/* The member that best represents the cluster: dated mentions first, then
 * the one closest to all others, then the earliest article. */
static size_t representative(const builder *b, const cluster *cl)
{
	size_t best = cl->members[0];
	double best_score = -1;
	for (size_t i = 0; i < cl->n; i++) {
		const cand *c = &b->cands[cl->members[i]];
		double score = an_vec_cosine(&c->vec, &cl->centroid);
		if (c->tx)
			score += 10;
		if (score > best_score + 1e-9 ||
		    (fabs(score - best_score) <= 1e-9 && c->m.doc < b->cands[best].m.doc)) {
			best_score = score;
			best = cl->members[i];
		}
	}
	return best;
}

static uint64_t hash_str(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static void make_event(an_event *ev, const builder *b, const cluster *cl)
{
	memset(ev, 0, sizeof *ev);
	size_t rep = representative(b, cl);
	const cand *r = &b->cands[rep];
	ev->span = cl->span;
	if (r->tx) {
		snprintf(ev->value, sizeof ev->value, "%s", cl->value);
		/* The mod of the most precise mention of the event's own value:
		 * "early September" says more than "since September". */
		for (size_t i = 0; i < cl->n; i++) {
			const cand *c = &b->cands[cl->members[i]];
			if (c->tx && c->tx->mod[0] && strcmp(c->tx->value, cl->value) == 0) {
				snprintf(ev->mod, sizeof ev->mod, "%s", c->tx->mod);
				break;
			}
		}
	} else {
		ev->span.gran = AN_GRAN_NONE;
	}

	size_t len;
	const char *text = sentence_text(b, &r->m, &len);
	ev->summary = an_xstrndup(text, len);
	size_t cut_s = 0, cut_e = 0;
	if (r->tx) {
		size_t s0 = b->docs[r->m.doc].analysis->sentences.items[r->m.sentence].start;
		cut_s = r->tx->start - s0;
		cut_e = r->tx->end - s0;
	}
	ev->title = an_headline(text, len, cut_s, cut_e);

	ev->n_mentions = cl->n;
	ev->mentions = an_xmalloc(cl->n * sizeof *ev->mentions);
	ev->sources = an_xmalloc(cl->n * sizeof *ev->sources);
	/* Mentions in document order, so pages list sources consistently. */
	size_t *order = an_xmalloc(cl->n * sizeof *order);
	for (size_t i = 0; i < cl->n; i++)
		order[i] = cl->members[i];
	qsort(order, cl->n, sizeof *order, cmp_size);
	for (size_t i = 0; i < cl->n; i++)
		ev->mentions[i] = b->cands[order[i]].m;
	free(order);
	for (size_t i = 0; i < cl->n; i++) {
		size_t d = ev->mentions[i].doc, j = 0;
		while (j < ev->n_sources && ev->sources[j] != d)
			j++;
		if (j == ev->n_sources)
			ev->sources[ev->n_sources++] = d;
	}
	qsort(ev->sources, ev->n_sources, sizeof *ev->sources, cmp_size);

	/* The id hashes what identifies the event to a reader: its date and the
	 * article and sentence it is first told in. */
	const an_mention *first = &ev->mentions[0];
	size_t flen;
	const char *ftext = sentence_text(b, first, &flen);
	const char *slug = b->docs[first->doc].article->slug;
	uint64_t h = hash_str(1469598103934665603ULL, ev->value, strlen(ev->value));
	h = hash_str(h, slug, strlen(slug));
	h = hash_str(h, ftext, flen);
	char prefix[AN_TIMEX_VALUE_MAX];
	size_t p = 0;
	for (const char *v = r->tx ? ev->value : "fact"; *v && p + 1 < sizeof prefix; v++)
		prefix[p++] = (*v >= 'A' && *v <= 'Z') || (*v >= 'a' && *v <= 'z') ||
		              (*v >= '0' && *v <= '9') ? *v : '-';
	prefix[p] = '\0';
	snprintf(ev->id, sizeof ev->id, "%s-%06llx", prefix,
	         (unsigned long long)(h & 0xFFFFFF));
}

static int cmp_event(const void *x, const void *y)
{
	const an_event *a = x, *c = y;
	if (a->span.first != c->span.first)
		return a->span.first < c->span.first ? -1 : 1;
	if (a->span.gran != c->span.gran) /* coarse first: they open their span */
		return a->span.gran < c->span.gran ? -1 : 1;
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

/* Two events must never share an id: pages are named after them. */
static void dedupe_ids(an_event *evs, size_t n)
{
	for (size_t i = 1; i < n; i++)
		for (size_t j = 0; j < i; j++)
			if (strcmp(evs[i].id, evs[j].id) == 0) {
				size_t l = strlen(evs[i].id);
				snprintf(evs[i].id + l, sizeof evs[i].id - l, "-%zu", i);
				break;
			}
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
	b.df.cap = 1024;
	b.df.ids = an_xcalloc(b.df.cap, sizeof(uint64_t));
	b.df.counts = an_xcalloc(b.df.cap, sizeof(unsigned));
	for (size_t d = 0; d < n_docs; d++) {
		const an_analysis *an = docs[d].analysis;
		for (size_t s = 0; s < an->sentences.len; s++) {
			for (size_t t = 0; t < an->terms[s].len; t++)
				df_add(&b.df, an->terms[s].items[t].id);
			b.df.n_docs++;
		}
	}

	/* dated mentions first, then every sentence without one */
	for (size_t d = 0; d < n_docs; d++) {
		const an_analysis *an = docs[d].analysis;
		for (size_t t = 0; t < an->timexes.len; t++) {
			an_span span;
			if (datable(&an->timexes.items[t], &span))
				add_cand(&b, d, an->timex_sentence[t], (long)t, &span);
		}
	}
	size_t n_dated = b.n_cands;
	for (size_t d = 0, k = 0; d < n_docs; d++) {
		const an_analysis *an = docs[d].analysis;
		unsigned char *dated = an_xcalloc(an->sentences.len + 1, 1);
		for (; k < n_dated && b.cands[k].m.doc == d; k++)
			dated[b.cands[k].m.sentence] = 1;
		for (size_t s = 0; s < an->sentences.len; s++)
			if (!dated[s])
				add_cand(&b, d, s, -1, NULL);
		free(dated);
	}
	cluster_dated(&b, n_dated);
	size_t n_dated_clusters = b.n_clusters;
	place_undated(&b, n_dated);

	out->events = an_xcalloc(n_dated_clusters + 1, sizeof *out->events);
	for (size_t ci = 0; ci < n_dated_clusters; ci++)
		make_event(&out->events[out->n_events++], &b, &b.clusters[ci]);
	out->undated = an_xcalloc(b.n_clusters - n_dated_clusters + 1, sizeof *out->undated);
	for (size_t ci = n_dated_clusters; ci < b.n_clusters; ci++)
		if (b.clusters[ci].n_docs >= 2)
			make_event(&out->undated[out->n_undated++], &b, &b.clusters[ci]);
	dedupe_ids(out->events, out->n_events);
	dedupe_ids(out->undated, out->n_undated);
	qsort(out->events, out->n_events, sizeof *out->events, cmp_event);
	qsort(out->undated, out->n_undated, sizeof *out->undated, cmp_undated);
	index_timexes(out, docs, n_docs);

	for (size_t k = 0; k < b.n_cands; k++)
		an_vec_free(&b.cands[k].vec);
	for (size_t ci = 0; ci < b.n_clusters; ci++) {
		an_vec_free(&b.clusters[ci].centroid);
		free(b.clusters[ci].members);
	}
	free(b.cands);
	free(b.clusters);
	free(b.df.ids);
	free(b.df.counts);
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
	free(ev->title);
	free(ev->summary);
	free(ev->mentions);
	free(ev->sources);
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
