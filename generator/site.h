/* site.h - a site in memory: configuration, articles, their analyses and
 * the timeline, produced by running the load, parse, analyse and timeline
 * stages in order.  an_site owns all of it; free with an_site_free. */
#ifndef AN_SITE_H
#define AN_SITE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "analyse.h"
#include "article.h"
#include "config.h"
#include "entity.h"
#include "figures.h"
#include "diff.h"
#include "error.h"
#include "load.h"
#include "timeline.h"

typedef struct {
	char *root;
	an_config config;
	an_article *articles; /* by publication date, then slug */
	an_analysis *analyses;
	an_doc *docs; /* pairs of the above, the timeline's input */
	size_t n_articles;
	an_timeline timeline;
	an_entities entities; /* most mentioned first */
	an_figure_list figures; /* every figure stated, by article */
	an_disputes disputes;   /* quantities stated with different values */
	an_change_log changes; /* how the timeline changed (history.c); may be empty */
	uint64_t timeline_key; /* an_timeline_key of the docs, with a timeline cache */
	int timeline_reused;   /* 1: the timeline came from the timeline cache */
	size_t n_skipped;      /* articles left out for errors (keep_going) */
} an_site;

/* Loads ROOT (annals.yaml, content/) and runs the pipeline up to the
 * timeline.  Returns 0, or -1 with `err` naming the file and line at fault. */
int an_site_load(an_site *out, const char *root, an_error *err);

/* Where a site comes from when it is not simply ROOT on disk. */
typedef struct an_site_input {
	const an_sources *sources; /* NULL: read ROOT/content */
	const char *config_yaml;   /* with `sources`: annals.yaml's text, NULL if none */
	size_t config_len;
	/* Runs after every article is parsed, before the analysis reads the
	 * publication dates: may fill an_article.history and date articles
	 * without a front-matter 'date'.  Returns 0 or -1 with `err` set. */
	int (*after_parse)(an_site *site, void *payload, an_error *err);
	void *payload;
	/* analyses kept from earlier loads (acache.h): an article with the
	 * same text and date takes its analysis from here; NULL: none */
	struct an_acache *cache;
	/* 1: an article that cannot be read or parsed, or has no date, is
	 * reported to `problems` (may be NULL) and left out, and the others
	 * build; 0: the first such article fails the load */
	int keep_going;
	FILE *problems;
	/* counts articles analysed and events found (progress.h); NULL */
	struct an_progress *progress;
	/* Runs once every article is analysed, on a thread of its own while
	 * the timeline is built (inline when no thread starts), with
	 * `analysed_payload`; the load waits for it before it returns, also
	 * on failure.  It may read the site's articles, analyses and
	 * n_articles only: nothing changes them until then.  For work that
	 * needs the analyses and not the timeline (saving them).  NULL: none. */
	void (*analysed)(const an_site *site, void *payload);
	void *analysed_payload;
	/* the file of the last build's timeline (an_timeline_load): taken when
	 * the documents are what they were, and the key noted in the site
	 * for the caller to save a new one; NULL: none */
	const char *timeline_cache;
} an_site_input;

/* an_site_load with the content and config from `in` (borrowed).  An
 * article still without a date after `after_parse` is an error. */
int an_site_load_input(an_site *out, const char *root, const an_site_input *in,
                       an_error *err);
/* Calls fn for each event (dated, then undated) that names entity `e`, in
 * timeline order. */
void an_site_entity_events(const an_site *site, size_t e,
                           void (*fn)(const an_event *ev, void *payload), void *payload);
/* Every entity's events at once, for a loop over all entities (one pass
 * over the events instead of one per entity): the events naming entity e
 * are events[first[e]] .. events[first[e + 1] - 1], in timeline order.
 * Built from the site as it is then; free with an_entity_events_free. */
typedef struct {
	size_t *first;
	const an_event **events;
} an_entity_events;

void an_site_entity_events_index(an_entity_events *out, const an_site *site);
void an_entity_events_free(an_entity_events *idx);
/* The article with `slug`, or -1. */
long an_site_find_slug(const an_site *site, const char *slug);
/* Moves the site's analyses into `cache` (for the next load) before
 * freeing the site. */
struct an_acache;
void an_site_give_analyses(an_site *site, struct an_acache *cache);
void an_site_free(an_site *site);

#endif
