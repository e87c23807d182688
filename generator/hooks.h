/* hooks.h - the site's Lua hooks: every SITE/filters/NAME.lua returns a table
 * of functions the core calls at fixed points of the build (on_article,
 * markdown, on_event, on_timeline, pages; docs/themes.md has the
 * contracts).  They run in one sandbox of their own, separate from the
 * theme's, with the same memory and time limits, and what they
 * return is checked and copied back into the C data: Lua never holds a
 * pointer into it.  an_hooks owns the sandbox; free with an_hooks_free. */
#ifndef AN_HOOKS_H
#define AN_HOOKS_H

#include <stddef.h>

#include "error.h"
#include "render.h"
#include "site.h"
#include "theme.h"

typedef struct an_hooks an_hooks;

typedef struct {
	const char *site_root;  /* hooks: SITE_ROOT/filters/NAME.lua, by name */
	const char *lua_dir;    /* annals' Lua modules */
	size_t memory_limit;    /* 0: the sandbox's default */
	long time_limit_ms;     /* per hook call; 0: the sandbox's default */
} an_hooks_opts;

/* Loads the filters (none when SITE_ROOT/filters has no .lua file: then
 * every call below does nothing).  Returns 0, or -1 with `err` naming the
 * filter file (a syntax error, a runtime error, a bad return value). */
int an_hooks_new(an_hooks **out, const an_hooks_opts *opts, an_error *err);
/* How many filter files were loaded. */
size_t an_hooks_count(const an_hooks *h);
/* on_article, then the Markdown filters, on every article of `site`;
 * dropped articles are freed.  For an_history_load_site_with (`hooks` is
 * the an_hooks): runs after parsing, before the analysis. */
int an_hooks_articles(an_site *site, void *hooks, an_error *err);
/* on_event on every event (dated and undated), then on_timeline on the
 * dated ones; applies renames, new dates (re-sorting the timeline), hidden
 * events, notes, order and eras to site->timeline. */
int an_hooks_timeline(an_hooks *h, an_site *site, an_error *err);
/* pages(site): appends the filters' pages to `pages`; a path the theme
 * already wrote is an error.  The theme's folders are searched for
 * templates after filters/templates. */
int an_hooks_pages(an_hooks *h, an_pages *pages, const an_site *site,
                   const an_theme *theme, an_error *err);
void an_hooks_free(an_hooks *h);

#endif
