/* watch.h - notices changes to a site's files with inotify (Linux): whole
 * folder trees (content/, themes/), with folders created later watched as
 * they appear, and single files (annals.yaml) through their parent folder.
 * Editor droppings (hidden files, "x~", vim's .swp and 4913) are ignored.
 * An an_watch owns its inotify descriptor; free with an_watch_free. */
#ifndef AN_WATCH_H
#define AN_WATCH_H

#include "buf.h"
#include "error.h"

typedef struct an_watch an_watch;

/* Returns a watcher, or NULL with `err` set. */
an_watch *an_watch_new(an_error *err);
/* Watches DIR and every folder below it (a missing DIR is not an error:
 * it is watched once it appears, when its parent is watched). */
int an_watch_tree(an_watch *w, const char *dir, an_error *err);
/* Watches the file PATH (by watching its folder for that name only). */
int an_watch_file(an_watch *w, const char *path, an_error *err);
/* The descriptor to poll for POLLIN; borrowed, valid until an_watch_free. */
int an_watch_fd(const an_watch *w);
/* Reads the pending events without blocking.  Returns how many of them
 * change a watched file, and puts the path of the last one in `changed`
 * (when not NULL): after an editor's write-and-rename, the real file.
 * -1 with `err` on a read error. */
int an_watch_read(an_watch *w, an_buf *changed, an_error *err);
/* Waits until the watched files have been quiet for `quiet_ms` (at most
 * `max_ms` in all), reading events as an_watch_read does: an editor's save
 * is often several events.  Returns the number of changes seen, or -1. */
int an_watch_settle(an_watch *w, an_buf *changed, int quiet_ms, int max_ms, an_error *err);
void an_watch_free(an_watch *w);

#endif
