/* publish.h - commits a built site to a branch of the site's repository
 * (e.g. gh-pages) with libgit2: the files become blobs and trees written
 * straight into the object database, and only refs/heads/BRANCH moves.
 * HEAD, the index and the work tree are never touched.  Owns nothing. */
#ifndef AN_PUBLISH_H
#define AN_PUBLISH_H

#include "error.h"

typedef struct {
	const char *site_dir; /* the built site to commit (its .annals-output is left out) */
	const char *root;     /* a folder in the repository's work tree */
	const char *branch;   /* e.g. "gh-pages"; created when missing */
	const char *message;  /* NULL: "Publish the site built from <commit>" */
	const char *rev;      /* what the site was built from, for the default message */
	long long now;        /* commit time, seconds since 1970 (injected) */
	int tz_offset;        /* minutes east of UTC */
} an_publish_opts;

/* Commits opts->site_dir as the new tip of refs/heads/BRANCH, whose
 * previous tip (if any) is the parent.  `out` (41 bytes) gets the commit
 * id; *out_unchanged is 1 when the branch already held exactly this site
 * (no commit is made).  Refuses the branch HEAD is on.  Returns 0, or -1
 * with `err` set. */
int an_publish(char *out, int *out_unchanged, const an_publish_opts *o, an_error *err);

#endif
