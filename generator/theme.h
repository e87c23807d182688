/* theme.h - themes as folders that may extend one another: finding a
 * theme and the chain of themes it extends (`extends = "name"` in
 * theme.lua), running them in one sandbox so that templates and modules
 * are looked up in the theme first and then in its parents, and merging
 * their static/ folders (the theme wins).  an_theme owns its folder
 * names; free with an_theme_free. */
#ifndef AN_THEME_H
#define AN_THEME_H

#include <stddef.h>

#include "error.h"
#include "render.h"
#include "sandbox.h"
#include "site.h"
#include "write.h"

typedef struct {
	char *dirs[AN_SANDBOX_MAX_DIRS]; /* the theme, then what it extends, ... */
	size_t n_dirs;
} an_theme;

#define AN_THEME_INIT {{NULL}, 0}

/* Where themes are looked up: ROOT/themes/NAME, then DATA_DIR/themes/NAME. */
typedef struct {
	const char *site_root; /* the site (or a revision's exported themes) */
	const char *data_dir;  /* annals' lua/ and installed themes/ */
	char *const *allow;    /* lua.allow of annals.yaml, granted before the
	                        * theme runs (may be NULL) */
	size_t n_allow;
	size_t memory_limit;   /* the theme's Lua memory; 0: the sandbox default */
	const an_emit *emit;   /* where build(site, emit) sends pages as it makes
	                        * them (recorded in the list as `emitted`);
	                        * NULL: emit keeps them in the list */
	int jobs;              /* Lua states for a theme with `parallel = true`
	                        * when emit->threads: 0 decides (the pool's
	                        * workers on a site of 64 articles or more) */
} an_theme_paths;

/* Finds theme NAME and everything it extends, creates a sandbox for it
 * and leaves the theme's table on the sandbox's stack (the core has set
 * `parent` in each table that extends another).  [-0, +1]
 * Fills `theme` and `*out_sb` (caller frees with an_sandbox_free, also
 * on failure).  Returns 0 or -1 with `err` naming the theme file. */
int an_theme_load(an_theme *theme, an_sandbox **out_sb, const an_theme_paths *p,
                  const char *name, an_error *err);
/* Renders the site: an_theme_load, then the first build(site) up the
 * chain; its pages go into `out`.  A theme whose build-defining table says
 * `parallel = true` is rendered in several states at once, each called as
 * build(site, emit, {index = i, count = n}) to make its share of the
 * pages.  Returns 0 or -1 with `err` set (the first share's error). */
int an_theme_render(an_pages *out, an_theme *theme, const an_site *site,
                    const an_theme_paths *p, const char *name, an_error *err);
/* How many Lua states render a parallel theme on a site of n_articles
 * with `jobs` workers when `avail` bytes of memory are free (0: unknown):
 * one on a small site (< 64 articles: a second copy of the site does not
 * pay), else one per worker as long as their estimated size fits in half
 * of `avail`. */
int an_theme_states(size_t n_articles, int jobs, size_t avail);
/* Copies the static/ folders into the output, the theme's own files
 * first; a parent's file with the same path is skipped. */
int an_theme_copy_static(an_output *o, const an_theme *theme, an_error *err);
void an_theme_free(an_theme *theme);

#endif
