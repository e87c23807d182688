/* timeline_impl.h - what the timeline's source files share (private to
 * timeline*.c): the builder that owns every mention ("cand") and cluster
 * while an_timeline_build runs.  timeline.c clusters dated mentions,
 * timeline_place.c places the sentences without a date, timeline_event.c
 * turns clusters into events. */
#ifndef AN_TIMELINE_IMPL_H
#define AN_TIMELINE_IMPL_H

#include "clause.h"
#include "terms.h"
#include "timeline.h"
#include "pool.h"

/* A story memo (timeline.c): slots, and their number - 1; with the
 * worker's scratch array of one article's term weights by an_df_index
 * (0 for the terms it lacks). */
typedef struct {
	struct story_memo *slots;
	size_t mask;
	double *doc_terms;
} an_tl_memo;

/* What only a dated mention has.  Kept apart from the mentions (a third
 * of them are dated): at 10,000 articles the mentions took 330 MB when
 * every one carried these. */
typedef struct {
	char key[AN_TIMEX_VALUE_MAX + 2]; /* value, plus '<' or '>' for before/after */
	/* the clause its date modifies: an_clause's fields, with the names
	 * in one block of their own (two arrays of AN_CLAUSE_NAME_MAX in
	 * each took 110 MB at 30,000 articles, mostly empty) */
	struct {
		size_t start, end;
		int is_report;
		const char *reporter, *reporter_name; /* "" for none */
	} clause;
	char *names; /* owns reporter and reporter_name; NULL when both "" */
} an_tl_dated;

typedef struct {
	an_mention m;
	an_vec vec;
	double norm; /* of vec, kept: mentions are compared many times */
	an_span span;
	const an_timex *tx; /* NULL when undated */
	/* the builder's entry for a dated mention; for an undated one a
	 * shared entry with key "" and no clause (read only) */
	const an_tl_dated *dt;
	/* who reports: for a dated report its reporter (in dt), for an
	 * undated sentence the source it is attributed to (owned); "" for
	 * none */
	const char *reporter;
	int attribution_only; /* a second mention of a dated sentence, that
	                       * only says which report it cites */
	int words;
	long cluster;
} cand;

typedef struct {
	an_vec centroid;
	double norm; /* of the centroid, kept up to date by an_tl_cluster_add */
	size_t *members; /* indices into the cand array */
	size_t n, cap;
	an_span span;
	const char *key;   /* borrowed from the first member */
	size_t n_docs;     /* distinct documents among members */
	size_t *docs;      /* those documents, ascending */
	size_t cap_docs;
} cluster;

typedef struct {
	const an_doc *docs;
	size_t n_docs;
	cand *cands;
	size_t n_cands, cap_cands;
	an_tl_dated *dated; /* cands[k].dt for k < n_dated */
	size_t n_dated; /* cands [0, n_dated) are dated */
	cluster *clusters;
	size_t n_clusters, cap_clusters;
	an_df *df;
	an_vec *doc_vecs; /* whole-article terms, for story similarity */
	double *doc_norms;
	/* the an_df_index of each of doc_vecs[d]'s terms; NULL for a doc
	 * with a term the index lacks */
	uint32_t **doc_terms;
	/* story similarities computed (timeline.c), one memo per worker of
	 * the same-date comparisons, kept across levels; [0] is also the
	 * single-threaded one */
	an_tl_memo memos[AN_POOL_MAX];
	size_t n_parallel_parts; /* comparisons shared out (an_timeline's) */
} builder;


/* The cosine of mention c and cluster cl's centroid, with the norms kept. */
double an_tl_sim(const cand *c, const cluster *cl);
/* Adds mention k to cluster ci / to a new cluster (returned). */
void an_tl_cluster_add(builder *b, size_t ci, size_t k);
size_t an_tl_cluster_new(builder *b, size_t k);
/* '<' for BEFORE-like mods, '>' for AFTER-like, 0 for the others. */
char an_tl_mod_side(const char *mod);
/* Places mentions [first_undated, n_cands): they join a dated event they
 * restate or cite, or group into undated facts. */
void an_tl_place_undated(builder *b, size_t first_undated);
/* The clusters sorted by span start, for finding the events inside a
 * coarse date by binary search (timeline_contain.c). */
typedef struct {
	long first;
	size_t cluster;
} an_tl_span_entry;

typedef struct {
	an_tl_span_entry *e; /* owned; free(e) */
	size_t n;
} an_tl_span_index;

/* (Re)builds `si` over the clusters made so far. */
void an_tl_span_index_build(an_tl_span_index *si, const builder *b);
/* Mentions [lvl, end) of one precision join the finer event inside their
 * span that they clearly match, if any (before they are compared among
 * themselves). */
void an_tl_contain_level(builder *b, const an_tl_span_index *si, size_t lvl, size_t end);
/* Fills `ev` (which then owns its strings and arrays) from cluster cl. */
void an_tl_make_event(an_event *ev, const builder *b, const cluster *cl);

#endif
