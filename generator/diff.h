/* diff.h - how a timeline changed between two versions of the content:
 * events added, removed, re-dated, re-headlined, sources added or dropped.
 * Works on snapshots (plain copies of the parts of a timeline a reader
 * sees), so the two sites need not stay in memory.  Every list here owns
 * its strings; free with the matching _free (NULL-safe on empty lists). */
#ifndef AN_DIFF_H
#define AN_DIFF_H

#include <stddef.h>

#include "buf.h"

/* One event (or undated fact) as a reader sees it. */
typedef struct {
	char *id;
	char *value; /* TIMEX3 value; "" for an undated fact */
	char *mod;
	char *title;
	char **sources; /* article slugs */
	size_t n_sources;
	/* "slug\n sentence" of each mention: what makes the event the same
	 * event when its date or headline changes */
	char **keys;
	size_t n_keys;
} an_snap_event;

typedef struct {
	an_snap_event *items;
	size_t len, cap;
} an_snapshot;

#define AN_SNAPSHOT_INIT {NULL, 0, 0}

typedef enum {
	AN_CHANGE_ADDED,
	AN_CHANGE_REMOVED,
	AN_CHANGE_REDATED,
	AN_CHANGE_RETITLED,
	AN_CHANGE_SOURCE_ADDED,
	AN_CHANGE_SOURCE_DROPPED
} an_change_kind;

typedef struct {
	an_change_kind kind;
	char *event;  /* event id: the new one, or the old one when removed */
	char *date;   /* TIMEX3 value (new, or old when removed); "" undated */
	char *mod;
	char *title;  /* headline (new, or old when removed) */
	char *before; /* re-dated: the old value; re-headlined: the old title */
	char *source; /* source added/dropped: the article's slug */
} an_change;

typedef struct {
	an_change *items;
	size_t len, cap;
} an_changes;

#define AN_CHANGES_INIT {NULL, 0, 0}

/* The timeline changes of one commit (the Changes page). */
typedef struct {
	char commit[41];
	char date[32]; /* RFC 3339, the committer's time zone */
	char *message; /* the commit message's first line */
	char *author;
	an_changes changes;
} an_revision;

typedef struct {
	an_revision *items; /* newest first */
	size_t len, cap;
} an_change_log;

#define AN_CHANGE_LOG_INIT {NULL, 0, 0}

/* Adds an event to a snapshot, copying every string. */
void an_snapshot_add(an_snapshot *s, const an_snap_event *ev);
void an_snapshot_free(an_snapshot *s);

/* Appends to `out` what changed from OLD to NEW.  Events are matched by id,
 * then by shared mentions (a re-dated event gets a new id), then by
 * headline.  Changes come in NEW's timeline order, removals last. */
void an_diff_snapshots(an_changes *out, const an_snapshot *old, const an_snapshot *new);
/* "added", "removed", "redated", "retitled", "source-added", "source-dropped". */
const char *an_change_kind_name(an_change_kind k);
/* One line per change, e.g.
 *   ~ redated   2025-11-01 -> 2025-11-02  Maduro addresses the nation */
void an_diff_text(an_buf *out, const an_changes *c);
void an_changes_free(an_changes *c);
void an_change_log_free(an_change_log *log);

#endif
