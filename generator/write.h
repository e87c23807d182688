/* write.h - the write stage: pages go into a fresh temporary folder beside
 * the output folder, which replaces the old site in one step only when
 * everything is written; on failure the old site stays as it was and the
 * temporary folder is removed.  an_output owns the temporary folder until
 * commit or abort (exactly one of them must be called). */
#ifndef AN_WRITE_H
#define AN_WRITE_H

#include <stddef.h>
#include <sys/uio.h>

#include "error.h"

typedef struct an_output an_output;

/* Prepares to build into DIR.  Refuses DIR when it is "/", the site root
 * SITE_ROOT or inside its content/ folder, or an existing non-empty folder
 * that annals did not create (unless `force`).  Returns NULL with `err` set. */
an_output *an_output_begin(const char *dir, const char *site_root, int force, an_error *err);
/* Writes one file at relative `path` (parent folders are created).  When
 * the earlier output holds the same bytes at that path, the file is a hard
 * link to it instead: an unchanged page is not rewritten. */
int an_output_write(an_output *o, const char *path, const char *data, size_t len,
                    an_error *err);
/* A file written in pieces, for exports too large to hold whole (the
 * timeline.json of a large archive is 100 MB and more): open, write the
 * pieces in order, close.  Like an_output_write, a file whose bytes turn
 * out the same as the earlier output's becomes a link to it (the pieces
 * are compared with the earlier file as they come).  After a failed write
 * only close remains to do.  Each returns 0, or -1 with `err` set; close
 * frees `f` either way. */
typedef struct an_output_file an_output_file;
an_output_file *an_output_open(an_output *o, const char *path, an_error *err);
int an_output_file_write(an_output_file *f, const char *data, size_t len, an_error *err);
int an_output_file_close(an_output_file *f, an_error *err);
/* Takes the earlier output's file at `path` into the new site unchanged
 * (a hard link, or a copy where links fail): a page the page memo found
 * fresh (pagememo.h), which the theme did not render again.  Returns 0,
 * or -1 with `err` set when the earlier file cannot be had. */
int an_output_keep(an_output *o, const char *path, an_error *err);
/* Creates the folders along `path` that end after byte `from` (mkdir -p
 * of its parent; 1 starts at the root).  Returns 0, or -1 with `err`
 * naming the folder and errno kept. */
int an_mkdir_parents(const char *path, size_t from, an_error *err);
/* write(2) until all of data[0, len) is out, through EINTR; 0, or -1 with
 * errno set. */
int an_write_all(int fd, const char *data, size_t len);
/* Replaces the file at `path` with the n pieces given, through a
 * temporary file beside it (mode 0644) and a rename, so that a reader
 * finds the old file or the new one, never half of one; the folder must
 * exist.  Returns 0, or -1 with errno set and no temporary file left:
 * the caller says which file failed and what to do. */
int an_replace_file(const char *path, const struct iovec *parts, int n);
/* Copies the regular files below SRC_DIR (if it exists) into the output,
 * keeping their relative paths; symbolic links are not followed. */
int an_output_copy_tree(an_output *o, const char *src_dir, an_error *err);
/* The same, asking `skip` first about each file by its relative path: a
 * file it returns 1 for is not copied (a theme's parent yields to the
 * child's file of the same name). */
typedef int (*an_output_skip_fn)(const char *rel, void *payload);
int an_output_copy_tree_skip(an_output *o, const char *src_dir, an_output_skip_fn skip,
                             void *payload, an_error *err);
/* Puts the new site in place of the old one and frees `o`. */
int an_output_commit(an_output *o, an_error *err);
/* Removes the temporary folder and frees `o`; NULL is allowed. */
void an_output_abort(an_output *o);
/* Files written so far (pages, exports, theme files; not annals' own
 * marker), and how many of them were unchanged (hard links). */
size_t an_output_files(const an_output *o);
size_t an_output_linked(const an_output *o);
/* The temporary folder being written (for a signal handler to remove);
 * borrowed, valid until commit or abort. */
const char *an_output_tmpdir(const an_output *o);
/* Test hook (fault injection, no LD_PRELOAD needed): when the environment
 * holds ANNALS_FAULT_AFTER_WRITES=N, the Nth an_output_write of a build
 * (the first is the .annals-output marker) writes half its bytes and then
 * fails as a full disk does (ENOSPC); ANNALS_FAULT_KIND=eio fails it with
 * EIO instead, and ANNALS_FAULT_KIND=sigterm or sigint lets the write
 * succeed but raises that signal, as a user's kill or Ctrl-C would.  Used
 * by tests/e2e.sh and tests/check_paths.c; unset, it costs one getenv. */

/* Removes a folder and everything in it, never following links. */
int an_remove_tree(const char *dir);

#endif
