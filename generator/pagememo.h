/* pagememo.h - what each page of the last build was made from, so that a
 * rebuild keeps a page whose inputs did not change instead of rendering it
 * again.  A theme names a page's inputs in a key string (emit's third
 * argument, docs/themes.md); the memo keeps, per page path, a hash of that
 * key salted with everything else a theme reads (its own files, annals'
 * Lua modules, the site's settings, the annals binary), and the identity
 * of the file the build wrote (inode, size, modification time), so that a
 * page changed or removed in the output by hand is rendered again.
 *
 * The memo lives in a file beside the analysis cache, one per output
 * folder; it is written only after the new site is in place.  A missing,
 * foreign or damaged file is an empty memo: a slower build, never an
 * error.  an_pagememo_fresh and an_pagememo_record may be called from
 * several threads at once (the parallel render); the rest from one. */
#ifndef AN_PAGEMEMO_H
#define AN_PAGEMEMO_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"

typedef struct an_pagememo an_pagememo;

/* An empty memo for the output folder OUTPUT_DIR (the folder as the build
 * names it: the earlier pages are looked up there) whose keys are salted
 * with `salt` and what an_pagememo_salt_* add. */
an_pagememo *an_pagememo_new(const char *output_dir, uint64_t salt);
/* Adds the entries of the memo file at `path`.  Returns 0, also when the
 * file is missing or unusable (then nothing is added). */
int an_pagememo_load(an_pagememo *m, const char *path);
/* 1 when the last build wrote the page at `path` from the same key and
 * salt, and the output folder still holds the very file it wrote; 0 when
 * the page must be rendered. */
int an_pagememo_fresh(an_pagememo *m, const char *path, const char *key, size_t len);
/* Notes that this build's page at `path` comes from `key`. */
void an_pagememo_record(an_pagememo *m, const char *path, const char *key, size_t len);
/* Writes the pages recorded in this build, with the identity of their
 * files now in `output_dir` (call after the new site is in place), to
 * `path` through a temporary file and a rename.  Returns 0, or -1 with
 * `err` set (a failure costs the next build speed only). */
int an_pagememo_save(const an_pagememo *m, const char *path, const char *output_dir,
                     an_error *err);
/* Pages found fresh (kept) so far; 0 for a NULL memo. */
size_t an_pagememo_kept(const an_pagememo *m);
void an_pagememo_free(an_pagememo *m);

/* Mixes into the salt, before the first an_pagememo_fresh: every regular
 * file below `dir` with its relative path (sorted, so the order on disk
 * does not matter; hidden files and folders skipped), or len bytes. */
void an_pagememo_salt_dir(an_pagememo *m, const char *dir);
void an_pagememo_salt_bytes(an_pagememo *m, const void *data, size_t len);

#endif
