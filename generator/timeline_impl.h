/* timeline_impl.h - what the timeline's source files share (private to
 * timeline*.c): the builder that owns every mention ("cand") and cluster
 * while an_timeline_build runs.  timeline.c makes the mentions and runs
 * the stages; timeline_story.c says who articles and mentions are about;
 * timeline_link.c clusters the mentions of one date, timeline_contain.c
 * puts coarse dates into finer events, timeline_place.c places the
 * sentences without a date, timeline_event.c turns clusters into
 * events. */
#ifndef AN_TIMELINE_IMPL_H
#define AN_TIMELINE_IMPL_H

#include "clause.h"
#include "terms.h"
#include "timeline.h"
#include "pool.h"

/* A story memo (timeline.c): slots, and their number - 1; with the
 * worker's scratch array of one article's term weights by an_df_index
 * (0 for the terms it lacks). */
/* Answers of an_tl_same_story once asked: a pair of articles comes back
 * for every date they share and every event one's sentences are compared
 * with (at 10,000 articles, millions of asks).  Direct-mapped: a clash
 * only asks again.  One per thread. */
typedef struct {
	struct an_tl_pair {
		uint32_t d1, d2; /* the pair + 1, d1 < d2; 0: empty */
		int same;
	} *slots;
	size_t mask;
} an_tl_pairs;

/* One article's names spread for look-ups (an_tl_names_spread): a row
 * of comparisons asks an_tl_same_story of its article with hundreds of
 * others.  A spread is a generation: the last one's slots are stale
 * without a clear. */
typedef struct {
	struct an_tl_name_slot {
		uint32_t key, gen;
		float w;
	} *slots;
	size_t mask;
	uint32_t gen;
} an_tl_name_table;

typedef struct {
	struct story_memo *slots;
	size_t mask;
	double *doc_terms;
	an_tl_pairs same;
	an_tl_name_table *names;
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
	/* the keys of the rare names in its sentence, ascending (owned) */
	uint32_t *name_keys;
	size_t n_name_keys;
	/* the figures of its sentence ("20 people killed") as keys of what
	 * they count and their value, ascending (owned) */
	uint32_t *figure_keys;
	size_t n_figure_keys;
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

/* An article's names as keys (hashes of their first and last words)
 * with weights: count x rarity. */
typedef struct {
	uint32_t key;
	float w;
} an_tl_name;

typedef struct {
	an_tl_name *items; /* ascending keys */
	size_t n;
	double total; /* of the squared weights */
} an_tl_names;

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
	/* who each article is about: its names, weighted (timeline_story.c) */
	an_tl_names *story;
	/* the name keys few articles give, ascending */
	uint32_t *rare_names;
	size_t n_rare_names;
	/* story similarities computed (timeline.c), one memo per worker of
	 * the same-date comparisons, kept across levels; [0] is also the
	 * single-threaded one */
	an_tl_memo memos[AN_POOL_MAX];
	size_t n_parallel_parts; /* comparisons shared out (an_timeline's) */
} builder;


/* timeline_story.c: the names of articles and mentions. */
/* The name keys of doc d with their counts, into out (owned). */
void an_tl_story_keys(an_tl_names *out, const builder *b, size_t d);
/* Weighs every article's keys by rarity, once all are known, and keeps
 * the rare keys (b->rare_names). */
void an_tl_story_weigh(builder *b);
/* The rare name keys of sentence si of doc d into dt; names[first, ...)
 * are the doc's names from that sentence on. */
void an_tl_mention_names(an_tl_dated *dt, const builder *b, size_t d, size_t si, size_t first);
/* Whether articles dx and dy tell one story: much of what one names, the
 * other names too (or one names no one).  Mentions of other stories join
 * only on a near restatement. */
int an_tl_same_story(const builder *b, size_t dx, size_t dy);
/* Whether two dated mentions' sentences name someone in common. */
int an_tl_names_shared(const an_tl_dated *x, const an_tl_dated *y);
/* The figures of sentence si of doc d into dt (none when the doc's were
 * not scanned). */
void an_tl_mention_figures(an_tl_dated *dt, const builder *b, size_t d, size_t si);
/* Whether two dated mentions' sentences state one figure: the same count
 * of the same thing. */
int an_tl_figures_shared(const an_tl_dated *x, const an_tl_dated *y);
/* an_tl_same_story through memo m (an_tl_pairs_init'ed, or NULL). */
int an_tl_same_story_memo(const builder *b, size_t dx, size_t dy, an_tl_pairs *m);
/* The slot of m for the pair dx, dy; *hit when it holds the pair's
 * answer, else the caller stores it there. */
struct an_tl_pair *an_tl_pairs_slot(an_tl_pairs *m, size_t dx, size_t dy, int *hit);
/* A name table for b's articles (free with an_tl_names_free). */
an_tl_name_table *an_tl_names_new(const builder *b);
void an_tl_names_free(an_tl_name_table *t);
/* Spreads article dx's names over t, for an_tl_same_story_spread. */
void an_tl_names_spread(an_tl_name_table *t, const builder *b, size_t dx);
/* an_tl_same_story(b, dx, dy) with dx spread over t: the same answer,
 * from a look-up per name of dy instead of a merge. */
int an_tl_same_story_spread(const builder *b, const an_tl_name_table *t, size_t dx, size_t dy);
void an_tl_pairs_init(an_tl_pairs *m, size_t n_docs);
void an_tl_pairs_free(an_tl_pairs *m);
/* Whether article doc tells the story of one of cluster cl's named
 * articles (any, when it or they name no one); m as above. */
int an_tl_story_of_cluster(const builder *b, size_t doc, const cluster *cl, an_tl_pairs *m);
/* Whether two sets of name keys (ascending) can be one event's actors:
 * they share a key, or one is empty. */
int an_tl_actors_meet(const uint32_t *x, size_t nx, const uint32_t *y, size_t ny);
/* The union of two sets of name keys, ascending (owned by the caller). */
uint32_t *an_tl_actors_merge(const uint32_t *x, size_t nx, const uint32_t *y, size_t ny,
                             size_t *n_out);
/* The similarity at which mentions of other stories still join. */
#define AN_TL_SIM_OTHER_STORY 0.5

/* timeline_link.c: the mentions [lvl, end) of one precision, grouped by
 * date key, become events, in key order. */
void an_tl_cluster_level_keys(builder *b, size_t lvl, size_t end);
/* Allocates story memo m, sized for b's articles and terms, unless it
 * exists (the builder frees the memos). */
void an_tl_memo_ensure(an_tl_memo *m, const builder *b);

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
/* timeline.c: fills the timex -> event lookup of tl (an_timeline_find)
 * once the events are in their final order (also for a loaded one). */
void an_tl_index_timexes(an_timeline *tl, const an_doc *docs, size_t n_docs);
/* Fills `ev` (which then owns its strings and arrays) from cluster cl. */
void an_tl_make_event(an_event *ev, const builder *b, const cluster *cl);

#endif
