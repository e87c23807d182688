/* git.h - the git repository a site lives in, read in process with libgit2:
 * finding it, resolving revisions, reading a revision's content, config and
 * theme from its trees and blobs (never a checkout).  an_git owns the
 * repository handle and one libgit2 init; free with an_git_free. */
#ifndef AN_GIT_H
#define AN_GIT_H

#include <git2.h>
#include <stddef.h>

#include "buf.h"
#include "error.h"
#include "load.h"

typedef struct an_git an_git;

typedef enum {
	AN_GIT_HEAD_BRANCH,   /* on a branch with commits */
	AN_GIT_HEAD_DETACHED, /* HEAD names a commit directly */
	AN_GIT_HEAD_UNBORN    /* on a branch without commits yet */
} an_git_head;

/* Opens the repository whose work tree holds ROOT (searching upwards).
 * Returns 1 with *out set; 0 with *out NULL when ROOT is in no repository;
 * -1 with `err` set for a bare repository or one libgit2 cannot read. */
int an_git_open(an_git **out, const char *root, an_error *err);
/* Borrowed, valid until an_git_free. */
git_repository *an_git_repository(an_git *g);
/* ROOT relative to the work tree, "" or ending in '/' ("site/"); borrowed. */
const char *an_git_prefix(const an_git *g);
/* 1 for a shallow clone (history cut at the commits in .git/shallow). */
int an_git_is_shallow(const an_git *g);
/* 1 when `id` is a commit whose parents a shallow clone left out. */
int an_git_is_shallow_root(const an_git *g, const git_oid *id);
/* The state of HEAD; `branch` (size 256) gets the branch name, if any. */
an_git_head an_git_head_state(an_git *g, char *branch, size_t size);
/* Resolves REV (NULL: HEAD) to a commit; caller frees with git_commit_free.
 * Unknown revisions, unborn branches and non-commits are errors that say
 * so.  Returns 0 or -1 with `err` set. */
int an_git_commit(git_commit **out, an_git *g, const char *rev, an_error *err);
/* Reads the site of `commit`: every PREFIX/content/ **.md blob (sorted as
 * an_load_content_dir sorts, UTF-8 checked) into `out`, PREFIX/annals.yaml
 * into `config` (*has_config 0 when there is none).  Returns 0 or -1. */
int an_git_load_site(an_sources *out, an_buf *config, int *has_config, an_git *g,
                     git_commit *commit, an_error *err);
/* The id of the tree at PREFIX/PATH in `commit` into `out`; 0 found, 1 not
 * there, -1 error. */
int an_git_tree_id(git_oid *out, an_git *g, git_commit *commit, const char *path,
                   an_error *err);
/* Writes the files below PREFIX/DIR of `commit` into the folder DEST
 * (created).  Returns 1 when written, 0 when there is no such folder, -1
 * with `err` set. */
int an_git_export_dir(an_git *g, git_commit *commit, const char *dir, const char *dest,
                      an_error *err);
/* Fills `err` with "WHAT: <libgit2's message>" (git_error_last() may be
 * NULL on libgit2 1.5) and returns -1. */
int an_git_error(an_error *err, const char *file, const char *what);
/* RFC 3339 time of a signature or commit ("2025-11-11T09:30:00+01:00"). */
void an_git_time_str(char out[32], git_time_t t, int offset_min);
void an_git_free(an_git *g);

#endif
