/* timeline.h - the timeline stage: dated mentions across articles become
 * events (one per real-world happening, with every article that reports
 * it); corroborated facts without a date become undated entries.
 * an_timeline owns its events and their strings (free with
 * an_timeline_free); mentions refer to the inputs by index. */
#ifndef AN_TIMELINE_H
#define AN_TIMELINE_H

#include <stddef.h>
#include <stdint.h>

#include "analyse.h"
#include "article.h"
#include "date.h"
#include "error.h"
#include "figures.h"

/* One article with its analysis: the timeline's input. */
typedef struct {
	const an_article *article;
	const an_analysis *analysis;
	/* its figures (figures.h), NULL when not scanned: "20 people
	 * killed" stated by two reports of other stories ties them */
	const an_figure_list *figures;
} an_doc;

typedef struct {
	size_t doc;      /* index into the an_doc array */
	size_t sentence; /* index into that doc's sentences */
	long timex;      /* index into that doc's timexes; -1 when undated */
} an_mention;

typedef struct {
	char id[48];                    /* stable across builds of the same text */
	char value[AN_TIMEX_VALUE_MAX]; /* TIMEX3 value; "" when undated */
	char mod[AN_TIMEX_MOD_MAX];
	an_span span; /* gran AN_GRAN_NONE when undated */
	char *title;   /* a short headline cut from the summary sentence */
	char *summary; /* the best supporting sentence, as written */
	an_mention *mentions;
	size_t n_mentions;
	size_t *sources; /* doc indices, ascending, unique */
	size_t n_sources;
	/* set by later stages (site.c), freed with the timeline: */
	size_t *entities; /* indices into the site's entities, ascending */
	size_t n_entities;
	size_t rank;      /* 1 = reported by the most sources */
	size_t *disputes; /* indices into the site's disputed figures */
	size_t n_disputes;
	/* set by the site's Lua hooks (hooks.c), NULL when none: */
	char **notes; /* on_event's notes, shown by themes */
	size_t n_notes;
	char *era; /* on_timeline's grouping: a heading over a run of events */
} an_event;

typedef struct {
	an_event *events; /* dated, in chronological order */
	size_t n_events;
	an_event *undated; /* corroborated facts without a date */
	size_t n_undated;
	/* lookup for an_timeline_find: event index of timex t of doc d at
	 * timex_event[doc_first[d] + t], -1 when it dates no event */
	size_t n_docs;
	size_t *doc_first;
	long *timex_event;
	/* shares of same-date comparisons run on the worker pool (0 on a
	 * small site or with one worker); for tests and logs */
	size_t n_parallel_parts;
} an_timeline;

void an_timeline_build(an_timeline *out, const an_doc *docs, size_t n_docs);
/* The event that timex `timex` of doc `doc` dates, or NULL; O(1). */
const an_event *an_timeline_find(const an_timeline *tl, size_t doc, long timex);
/* Makes the ids of evs[0, n) unique, as the build does: a repeated id
 * gets "-2", "-3", ... in order.  Exposed for tests. */
void an_timeline_dedupe_ids(an_event *evs, size_t n);
void an_timeline_free(an_timeline *tl);

/* Frees what one event owns (for a stage that drops an event). */
void an_event_free(an_event *ev);

/* The timeline on disk (timeline_cache.c): a build whose documents are
 * all what they were takes the last build's events instead of clustering
 * again.  The key of docs[0, n) (their texts, slugs, publication dates
 * and order; the analyses and figures follow from those). */
uint64_t an_timeline_key(const an_doc *docs, size_t n_docs);
/* Writes `tl` (as an_timeline_build made it, before later stages set
 * ranks, entities, disputes and notes) with its key, through a temporary
 * file and a rename.  Returns 0, or -1 with `err` set (a failure loses
 * only speed). */
int an_timeline_save(const an_timeline *tl, uint64_t key, size_t n_docs, const char *path,
                     an_error *err);
/* Fills `out` from the file at `path` when it holds the timeline of key
 * `key` over docs[0, n) from this annals binary, and returns 1; returns
 * 0 with `out` empty otherwise (no file, another key or binary, a file
 * truncated, corrupted or with an index out of range). */
int an_timeline_load(an_timeline *out, uint64_t key, const an_doc *docs, size_t n_docs,
                     const char *path);

#endif
