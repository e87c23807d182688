/* timeline.c - clustering mentions into events (see timeline.h): the
 * mentions, the stages in order, the events' order and lookup.
 *
 * Each dated mention carries the content terms of the clause its date
 * modifies, then at lower weight the rest of its sentence and the sentence
 * before it (which often names what "the move" is), weighted by inverse
 * document frequency, so that words every article of a story shares count
 * little.  Mentions are taken finest date first.  Each joins an event with
 * the same date (value, and the same side for "before"/"after" mods) when it
 * shares content with one of the event's mentions (timeline_link.c); the
 * bar is lower between articles that tell the same story (their whole
 * texts are similar), since there the same date is itself strong
 * evidence, and higher between stories (timeline_story.c).  A coarser
 * date joins an
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
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>



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
		an_tl_cluster_level_keys(b, lvl, end);
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

void an_tl_index_timexes(an_timeline *tl, const an_doc *docs, size_t n_docs)
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
	an_tl_memo_ensure(&b.memos[0], &b);
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
	an_tl_index_timexes(out, docs, n_docs);

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
		an_tl_names_free(b.memos[m].names);
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
