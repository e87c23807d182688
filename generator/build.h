/* build.h - the build: load the site, render it with its theme, and write
 * pages, theme files and data exports atomically into the output folder.
 * Owns nothing after it returns.  The only global state in annals is the
 * interrupt flag here, because a signal handler can reach nothing else. */
#ifndef AN_BUILD_H
#define AN_BUILD_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"
#include "error.h"
#include "export.h"
#include "site.h"

typedef struct {
	const char *source;   /* the site folder */
	const char *output;   /* NULL: SOURCE/public */
	const char *theme;    /* NULL: the config's theme */
	const char *data_dir; /* annals' lua/ and themes/ (see paths.h) */
	int force;            /* replace a folder annals did not make */
	const char *rev;      /* a git revision to build (no checkout); NULL: the files */
	FILE *notes;          /* history notes (see history.h); NULL: silent */
	FILE *warnings;       /* history warnings (a shallow clone); NULL: silent */
	int strict;           /* warnings (unknown annals.yaml keys) fail the build */
	struct an_acache *cache; /* analyses kept between builds (the live
	                          * preview's); NULL: none */
	int keep_going;       /* a bad article is reported and left out and the
	                       * others build (stats.skipped); 0: it fails the build */
	struct an_progress *progress; /* counters for a progress line (progress.h);
	                               * NULL: none */
	const char *cache_file; /* without `cache`: the analyses kept on disk
	                         * between builds (acache.h), read before and
	                         * written after; NULL: none */
	const char *timeline_file; /* the last build's timeline (timeline.h),
	                            * taken when no article changed, else
	                            * written; NULL: beside cache_file when there
	                            * is one, else none */
} an_build_opts;

typedef struct {
	size_t files; /* pages, theme files and exports written */
	size_t articles, events, undated;
	size_t skipped; /* articles left out for errors (reported; not --strict) */
	size_t linked;  /* files unchanged since the last build, kept as they were */
	size_t reused;  /* articles whose analysis came from the cache */
	size_t kept;    /* pages the page memo found fresh: not rendered again */
	size_t exports_kept; /* data exports made from what the last build's were */
	char output[1024]; /* the folder written */
} an_build_stats;

/* Runs the build.  Returns 0, or -1 with `err` set; on failure the output
 * folder is as it was. */
int an_build(an_build_stats *out, const an_build_opts *opts, an_error *err);

/* A data file written beside the theme's pages, from the site alone. */
typedef struct {
	const char *path;
	void (*write)(an_export_out *o, const an_site *site);
} an_build_export;

/* The exports every build writes (timeline.json, ...), NULL-terminated. */
extern const an_build_export an_build_exports[];

/* For a SIGINT/SIGTERM handler: returns 1 when a build is writing (it will
 * stop, clean up and fail), 0 when nothing is on disk yet (the handler may
 * exit at once).  Async-signal-safe. */
int an_build_interrupt(int sig);

#endif
