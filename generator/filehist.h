/* filehist.h - the history of files through a repository's commit graph:
 * for each path at a commit, the commit that added it, the last commit
 * that changed it and their authors, following renames and merges.  Works
 * on shallow clones, where what lies beyond the clone stays unknown.
 * Fills the caller's records; their authors are freed with the article
 * (an_article_free). */
#ifndef AN_FILEHIST_H
#define AN_FILEHIST_H

#include <stddef.h>

#include "article.h"
#include "error.h"
#include "git.h"

/* Fills out[i] for PATHS[i] (relative to the site root, as in
 * an_article.path) from the commits reachable from `tip` (borrowed).
 * Paths not in `tip` get no history.  *out_incomplete counts the paths
 * whose history goes past a shallow clone's boundary: they get no first-
 * published time, and a last-modified time only when a commit inside the
 * clone changed them.  Returns 0 or -1 with `err` set (unreadable objects). */
int an_filehist(an_article_history *out, size_t *out_incomplete, const char *const *paths,
                size_t n_paths, an_git *g, git_commit *tip, an_error *err);

#endif
