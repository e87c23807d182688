/* history.h - content history from git: a site loaded from any revision
 * without a checkout; per article the commit that added it (first
 * published), the last commit that changed it and their authors, following
 * renames and merges; publication dates from history; and how the timeline
 * changed from commit to commit.  Results live in the an_site (freed by
 * an_site_free); nothing else is kept. */
#ifndef AN_HISTORY_H
#define AN_HISTORY_H

#include <stdio.h>

#include "diff.h"
#include "error.h"
#include "site.h"

typedef struct {
	const char *rev; /* NULL: the working files, with history from HEAD */
	FILE *notes;     /* "history features skipped", dates taken from commits;
	                    NULL: silent */
	FILE *warnings;  /* incomplete history (a shallow clone); NULL: silent */
	int changes;     /* also fill site.changes (the Changes page) */
	struct an_acache *cache; /* analyses from earlier loads (acache.h); NULL */
	int keep_going;  /* leave out bad articles, reported to `problems` (site.h) */
	FILE *problems;
	struct an_progress *progress; /* counts the site's own load (site.h); NULL */
	/* an_site_input's `analysed`, for the site's own load (not the change
	 * log's past revisions); NULL: none */
	void (*analysed)(const an_site *site, void *payload);
	void *analysed_payload;
	const char *timeline_cache; /* an_site_input's, for the site's own load */
} an_history_opts;

/* At most this many commits that changed the content go into site.changes
 * (each one is a full load of the site at that commit). */
#define AN_HISTORY_MAX_CHANGES 100

/* Loads the site at ROOT: from revision `rev` of its git repository, or
 * from the working files.  In a git work tree it also fills each article's
 * history, dates articles without a front-matter 'date' from the commit
 * that added them (with a note), and with `changes` the change log.
 * Outside git (no `rev`) it is an_site_load plus a note.  Returns 0, or -1
 * with `err` set (unknown revision, unborn branch, bare repository,
 * unreadable objects). */
int an_history_load_site(an_site *out, const char *root, const an_history_opts *o,
                         an_error *err);
/* an_history_load_site that also runs `on_articles` once every article of
 * the site is parsed (and dated from history), before the analysis: the
 * site's Lua hooks (hooks.c), which may change or drop articles.  The
 * change log's past revisions are read without it. */
typedef int (*an_history_articles_fn)(an_site *site, void *payload, an_error *err);
int an_history_load_site_with(an_site *out, const char *root, const an_history_opts *o,
                              an_history_articles_fn on_articles, void *payload,
                              an_error *err);
/* The reader-visible parts of the site's timeline. */
void an_history_snapshot(an_snapshot *out, const an_site *site);
/* Appends what changed in the timeline from REV1 to REV2 of ROOT's
 * repository.  Returns 0 or -1 with `err` set. */
int an_history_diff(an_changes *out, const char *root, const char *rev1,
                    const char *rev2, const an_history_opts *o, an_error *err);
/* Writes REV's PREFIX/themes and PREFIX/filters folders (if any) into
 * DEST, so a build of REV can look for its theme and hooks in DEST as it
 * would in ROOT.  Returns 0 or
 * -1 with `err` set. */
int an_history_export_themes(const char *root, const char *rev, const char *dest,
                             an_error *err);

#endif
