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
 * matches.  Candidates come from date buckets, never from all pairs.
 * Then sentences without a date join an event they clearly restate, and the
 * rest are grouped into undated facts when two or more articles state them. */
#include "timeline.h"
#include "alloc.h"
#include "clause.h"
#include "headline.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SIM_SAME_DATE 0.15    /* same date, unrelated articles or one article */
#define SIM_STORY_BONUS 0.30  /* lowers that bar by this x story similarity */
#define SIM_FLOOR 0.02        /* but some content must be shared */
#define SIM_CONTAINED 0.25    /* coarser date inside a finer event's */
#define SIM_ATTACH 0.45       /* undated sentence restating an event */
#define SIM_UNDATED 0.40      /* two undated sentences, one fact */
#define UNDATED_MIN_WORDS 8
#define CONTAIN_MAX_CANDIDATES 256

/* ---- mentions and clusters ---- */

typedef struct {
	an_mention m;
	an_vec vec;
	an_span span;
	const an_timex *tx; /* NULL when undated */
	char key[AN_TIMEX_VALUE_MAX + 2]; /* value, plus '<' or '>' for before/after */
	an_clause clause; /* for a dated mention: the clause its date modifies */
	/* who reports: for a dated report its reporter, for an undated
	 * sentence the source it is attributed to; "" for none */
	char reporter[AN_CLAUSE_NAME_MAX];
	int attribution_only; /* a second mention of a dated sentence, that
	                       * only says which report it cites */
	long cluster;
	int words;
} cand;

typedef struct {
	an_vec centroid;
	size_t *members; /* indices into the cand array */
	size_t n, cap;
	an_span span;
	const char *key;   /* borrowed from the first member */
	size_t n_docs;     /* distinct documents among members */
} cluster;

typedef struct {
	const an_doc *docs;
	size_t n_docs;
	cand *cands;
	size_t n_cands, cap_cands;
	cluster *clusters;
	size_t n_clusters, cap_clusters;
	an_df *df;
	an_vec *doc_vecs; /* whole-article terms, for story similarity */
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

/* The weighted term vector of a mention: for a dated one, the clause its
 * date modifies weighs most; the sentence before adds context. */
static void mention_vec(an_vec *out, const builder *b, size_t d, size_t si,
                        const an_clause *clause)
{
	const an_analysis *an = b->docs[d].analysis;
	const char *text = b->docs[d].article->text;
	if (clause) {
		an_terms_add(out, text + clause->start, clause->end - clause->start, 0.5);
		an_vec_add(out, &an->terms[si], 0.5);
		if (si > 0 && an->sentence_para[si - 1] == an->sentence_para[si])
			an_vec_add(out, &an->terms[si - 1], 0.25);
	} else {
		an_vec_add(out, &an->terms[si], 1.0);
	}
	an_vec_weight(out, an_df_idf, b->df);
}

/* How alike two articles are as a whole: articles telling one story score
 * high, and there a shared date says more. */
static double story_sim(const builder *b, size_t d1, size_t d2)
{
	return an_vec_cosine(&b->doc_vecs[d1], &b->doc_vecs[d2]);
}

/* The bar two mentions with the same date must clear to be one event. */
static double same_date_bar(const builder *b, const cand *x, const cand *y)
{
	/* two reports by different named sources are two events */
	if (x->clause.is_report && y->clause.is_report && x->reporter[0] && y->reporter[0] &&
	    strcmp(x->reporter, y->reporter) != 0)
		return 2.0;
	if (x->m.doc == y->m.doc)
		return SIM_SAME_DATE;
	double bar = SIM_SAME_DATE - SIM_STORY_BONUS * story_sim(b, x->m.doc, y->m.doc);
	return bar < SIM_FLOOR ? SIM_FLOOR : bar;
}

/* TIMEX3 mods that move a date to one side ("more than a month ago" is
 * before the month it names) make a different time; START/MID/END/APPROX
 * only make it vaguer. */
static char mod_side(const char *mod)
{
	if (strcmp(mod, "BEFORE") == 0 || strcmp(mod, "ON_OR_BEFORE") == 0)
		return '<';
	if (strcmp(mod, "AFTER") == 0 || strcmp(mod, "ON_OR_AFTER") == 0)
		return '>';
	return 0;
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
	const char *text = b->docs[d].article->text;
	if (c->tx) {
		char side = mod_side(c->tx->mod);
		snprintf(c->key, sizeof c->key, "%s%s", c->tx->value, side ? (side == '<' ? "<" : ">") : "");
		an_clause_of_date(&c->clause, text, s->start, s->end, c->tx->start, c->tx->end);
		if (c->clause.is_report)
			memcpy(c->reporter, c->clause.reporter, sizeof c->reporter);
	} else {
		an_clause_attribution(c->reporter, NULL, text, s->start, s->end);
	}
	mention_vec(&c->vec, b, d, si, c->tx ? &c->clause : NULL);
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
	cl->key = b->cands[k].key;
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
	int k = strcmp(a->key, c->key);
	if (k)
		return k;
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
	an_qsort(si->e, si->n, sizeof *si->e, cmp_span_entry);
}

/* A coarser-dated mention joins a finer event inside its span ("earlier
 * this year" told of what another article dates "September") when the
 * content clearly matches; returns the cluster, or -1. */
static long best_containing(const builder *b, const span_index *si, size_t k)
{
	const cand *c = &b->cands[k];
	if (mod_side(c->tx->mod))
		return -1; /* "before October" is not inside October */
	long best = -1;
	double best_sim = SIM_CONTAINED;
	size_t lo = 0, hi = si->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (si->e[mid].first < c->span.first)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo, seen = 0; i < si->n && seen < CONTAIN_MAX_CANDIDATES; i++, seen++) {
		const cluster *cl = &b->clusters[si->e[i].cluster];
		if (cl->span.first > c->span.last)
			break;
		if (cl->span.last > c->span.last)
			continue;
		double sim = an_vec_cosine(&c->vec, &cl->centroid);
		if (sim >= best_sim) {
			best_sim = sim;
			best = (long)si->e[i].cluster;
		}
	}
	return best;
}

static size_t uf_find(size_t *parent, size_t i)
{
	while (parent[i] != i)
		i = parent[i] = parent[parent[i]];
	return i;
}

/* Mentions [from, to) share one date key: the connected components of
 * "shares enough content" become events (single link, so a story's
 * mentions chain through the one that shares words with each). */
static void cluster_same_key(builder *b, size_t from, size_t to)
{
	size_t n = to - from;
	size_t *parent = an_xmalloc(n * sizeof *parent);
	long *made = an_xmalloc(n * sizeof *made);
	for (size_t i = 0; i < n; i++) {
		parent[i] = i;
		made[i] = -1;
	}
	for (size_t i = 0; i < n; i++) {
		const cand *x = &b->cands[from + i];
		if (x->cluster >= 0)
			continue;
		for (size_t j = i + 1; j < n; j++) {
			const cand *y = &b->cands[from + j];
			if (y->cluster >= 0)
				continue;
			if (an_vec_cosine(&x->vec, &y->vec) >= same_date_bar(b, x, y)) {
				size_t ri = uf_find(parent, i), rj = uf_find(parent, j);
				parent[ri > rj ? ri : rj] = ri < rj ? ri : rj;
			}
		}
	}
	for (size_t i = 0; i < n; i++) {
		if (b->cands[from + i].cluster >= 0)
			continue;
		size_t r = uf_find(parent, i);
		if (made[r] < 0)
			made[r] = (long)cluster_new(b, from + i);
		else
			cluster_add(b, (size_t)made[r], from + i);
	}
	free(parent);
	free(made);
}

static void cluster_dated(builder *b, size_t n_dated)
{
	an_qsort(b->cands, n_dated, sizeof *b->cands, cmp_cand_precision);
	span_index si = {NULL, 0};
	for (size_t lvl = 0; lvl < n_dated;) {
		size_t end = lvl;
		while (end < n_dated && b->cands[end].span.gran == b->cands[lvl].span.gran)
			end++;
		/* events of finer dates exist now: try those first */
		span_index_build(&si, b);
		size_t n_before = b->n_clusters;
		for (size_t k = lvl; k < end; k++) {
			long ci = best_containing(b, &si, k);
			if (ci >= 0 && (size_t)ci < n_before)
				cluster_add(b, (size_t)ci, k);
		}
		for (size_t k = lvl; k < end;) {
			size_t e = k;
			while (e < end && strcmp(b->cands[e].key, b->cands[k].key) == 0)
				e++;
			cluster_same_key(b, k, e);
			k = e;
		}
		lvl = end;
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

static void place_undated(builder *b, size_t first_undated)
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
			cluster_add(b, (size_t)best, k);
			continue;
		}
		if (c->attribution_only)
			continue;
		best = best_by_terms(b, &dated, &c->vec, 0, SIM_ATTACH, (size_t)-1, 1);
		if (best >= 0) {
			cluster_add(b, (size_t)best, k);
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
			cluster_add(b, (size_t)best, k);
		} else {
			size_t ci = cluster_new(b, k);
			postings_add_cluster(&und, &b->clusters[ci], ci);
		}
	}
	free(dated.p);
	free(und.p);
	free(reports);
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

static size_t headline_words(const char *h)
{
	size_t n = 0;
	for (int in = 0; *h; h++) {
		int sp = *h == ' ';
		n += !sp && !in;
		in = !sp;
	}
	return n;
}

/* The headline a mention would give its event, written into *title;
 * returns the number of words it keeps. */
/* Does the sentence of mention c date something else too? */
static int other_date_in_sentence(const builder *b, const cand *c)
{
	const an_analysis *an = b->docs[c->m.doc].analysis;
	for (size_t t = 0; t < an->timexes.len; t++)
		if ((long)t != c->m.timex && an->timex_sentence[t] == c->m.sentence)
			return 1;
	return 0;
}

/* "who was born in Prague", "was found guilty in 1991": a clause without a
 * subject of its own makes no headline; the sentence must.  A clause that
 * can stand opens with a name, a determiner or a subordinator. */
static int relative_clause(const char *t, size_t s, size_t e)
{
	static const char *const rel[] = {"who ", "which ", "that ", "whose ", "whom ",
	                                  "where ", "when ", NULL};
	static const char *const opens[] = {"the ", "a ", "an ", "his ", "her ", "its ",
	                                    "their ", "after ", "before ", "as ",
	                                    "while ", "because ", "since ", "until ",
	                                    "although ", "though ", "once ", NULL};
	while (s < e && (t[s] == ' ' || t[s] == ','))
		s++;
	for (const char *const *r = rel; *r; r++)
		if (e - s > strlen(*r) && strncasecmp(t + s, *r, strlen(*r)) == 0)
			return 1;
	if (s < e && (isupper((unsigned char)t[s]) || (unsigned char)t[s] >= 0x80))
		return 0;
	for (const char *const *o = opens; *o; o++)
		if (e - s > strlen(*o) && strncmp(t + s, *o, strlen(*o)) == 0)
			return 0;
	return 1;
}

static size_t mention_headline(const builder *b, const cand *c, char **title)
{
	size_t len;
	const char *text = sentence_text(b, &c->m, &len);
	size_t cs = 0, ce = 0;
	if (c->tx) {
		size_t s0 = b->docs[c->m.doc].analysis->sentences.items[c->m.sentence].start;
		/* "residents fled on Monday, after the dam failed on Sunday":
		 * each date's headline comes from its own clause */
		if (other_date_in_sentence(b, c) && c->clause.end > c->clause.start &&
		    !relative_clause(b->docs[c->m.doc].article->text, c->clause.start,
		                     c->clause.end)) {
			text = b->docs[c->m.doc].article->text + c->clause.start;
			len = c->clause.end - c->clause.start;
			s0 = c->clause.start;
		}
		cs = c->tx->start - s0;
		ce = c->tx->end - s0;
	}
	*title = an_headline(text, len, cs, ce);
	return headline_words(*title);
}

/* The member that best represents the cluster: one told with the event's
 * own date, then one whose headline keeps the most of its sentence (a
 * sentence cut short makes a poor headline), then the one closest to all
 * others, then the earliest article.  Fills *title with its headline. */
static size_t representative(const builder *b, const cluster *cl, char **title)
{
	size_t best = cl->members[0];
	double best_score = -1;
	*title = NULL;
	for (size_t i = 0; i < cl->n; i++) {
		const cand *c = &b->cands[cl->members[i]];
		double score = an_vec_cosine(&c->vec, &cl->centroid);
		char *t = NULL;
		if (!c->tx || strcmp(c->key, cl->key) == 0)
			score += 0.05 * (double)mention_headline(b, c, &t);
		if (c->tx && strcmp(c->key, cl->key) == 0)
			score += 10; /* told with the event's own date */
		if (score > best_score + 1e-9 ||
		    (fabs(score - best_score) <= 1e-9 && c->m.doc < b->cands[best].m.doc)) {
			best_score = score;
			best = cl->members[i];
			free(*title);
			*title = t;
		} else {
			free(t);
		}
	}
	if (!*title)
		mention_headline(b, &b->cands[best], title);
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
	size_t rep = representative(b, cl, &ev->title);
	const cand *r = &b->cands[rep];
	ev->span = cl->span;
	if (r->tx) {
		snprintf(ev->value, sizeof ev->value, "%s", r->tx->value);
		/* The mod of a mention with the event's own date: "early
		 * September" says more than "since September". */
		for (size_t i = 0; i < cl->n; i++) {
			const cand *c = &b->cands[cl->members[i]];
			if (c->tx && c->tx->mod[0] && strcmp(c->key, cl->key) == 0) {
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
	/* a report's headline says whose report it is */
	const char *name = r->clause.reporter_name;
	if (r->tx && r->clause.is_report && name[0] && !strstr(ev->title, name)) {
		char *t = an_headline_reported(ev->title, name);
		free(ev->title);
		ev->title = t;
	}

	ev->n_mentions = cl->n;
	ev->mentions = an_xmalloc(cl->n * sizeof *ev->mentions);
	ev->sources = an_xmalloc(cl->n * sizeof *ev->sources);
	/* Mentions in document order, so pages list sources consistently. */
	size_t *order = an_xmalloc(cl->n * sizeof *order);
	for (size_t i = 0; i < cl->n; i++)
		order[i] = cl->members[i];
	an_qsort(order, cl->n, sizeof *order, cmp_size);
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
	an_qsort(ev->sources, ev->n_sources, sizeof *ev->sources, cmp_size);

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
	/* "October or earlier" before "October" before "October or later" */
	int sa = mod_side(a->mod), sc = mod_side(c->mod);
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
	b.df = an_df_new();
	for (size_t d = 0; d < n_docs; d++) {
		const an_analysis *an = docs[d].analysis;
		for (size_t s = 0; s < an->sentences.len; s++)
			an_df_add(b.df, &an->terms[s]);
	}

	b.doc_vecs = an_xcalloc(n_docs + 1, sizeof *b.doc_vecs);
	for (size_t d = 0; d < n_docs; d++) {
		const an_analysis *an = docs[d].analysis;
		for (size_t s = 0; s < an->sentences.len; s++)
			an_vec_add(&b.doc_vecs[d], &an->terms[s], 1.0);
		an_vec_weight(&b.doc_vecs[d], an_df_idf, b.df);
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
		/* 1: the sentence dates something; 2: it dates a report */
		unsigned char *dated = an_xcalloc(an->sentences.len + 1, 1);
		for (; k < n_dated && b.cands[k].m.doc == d; k++)
			dated[b.cands[k].m.sentence] |= b.cands[k].clause.is_report ? 3 : 1;
		for (size_t s = 0; s < an->sentences.len; s++) {
			if (dated[s] & 2)
				continue;
			add_cand(&b, d, s, -1, NULL);
			cand *c = &b.cands[b.n_cands - 1];
			/* "According to CNN, the pause began over a month ago": the
			 * date is the pause's, and the sentence also cites CNN's
			 * report, so it stays as an undated mention of that report */
			if (dated[s] && !c->reporter[0]) {
				an_vec_free(&c->vec);
				b.n_cands--;
			} else if (dated[s]) {
				c->attribution_only = 1;
			}
		}
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
	an_qsort(out->events, out->n_events, sizeof *out->events, cmp_event);
	an_qsort(out->undated, out->n_undated, sizeof *out->undated, cmp_undated);
	index_timexes(out, docs, n_docs);

	for (size_t k = 0; k < b.n_cands; k++)
		an_vec_free(&b.cands[k].vec);
	for (size_t ci = 0; ci < b.n_clusters; ci++) {
		an_vec_free(&b.clusters[ci].centroid);
		free(b.clusters[ci].members);
	}
	for (size_t d = 0; d < n_docs; d++)
		an_vec_free(&b.doc_vecs[d]);
	free(b.doc_vecs);
	free(b.cands);
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
