/* render.h - the render stage: gives the site to the Lua theme as plain
 * tables (copies, never pointers into C data; an event's mentions and an
 * article's body are made the first time the theme reads them, so the
 * site must outlive the Lua state) and collects the pages its build()
 * returns.  The page
 * list owns its paths and bytes; free with an_pages_free. */
#ifndef AN_RENDER_H
#define AN_RENDER_H

#include <lua.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "pagememo.h"
#include "site.h"

typedef struct {
	char *path; /* relative to the output folder, '/'-separated, checked */
	char *data;
	size_t len;
	int emitted; /* already handed to an_emit: path only, data NULL */
} an_page;

typedef struct {
	an_page *items;
	size_t len, cap;
} an_pages;

#define AN_PAGES_INIT {NULL, 0, 0}

/* Where pages go the moment a theme makes them: the core calls
 * build(site, emit), and emit(path, content) hands a page over at once
 * (the page's string can then be collected) instead of keeping it for the
 * returned list.  `page` copies what it keeps; it returns 0, or -1 when
 * the output has failed (the theme's build then stops with an error). */
typedef struct {
	int (*page)(void *payload, const char *path, const char *data, size_t len);
	void *payload;
	int threads; /* `page` may be called from several threads at once, so a
	              * theme that says `parallel = true` may render in several
	              * Lua states */
	/* emit(path, content, key): when the memo (may be NULL) finds the
	 * page fresh, `keep` takes the earlier output's file instead and
	 * the theme's content function is not called */
	an_pagememo *memo;
	int (*keep)(void *payload, const char *path);
} an_emit;

/* Runs THEME_DIR/theme.lua with annals' Lua modules from LUA_DIR.  Returns
 * 0, or -1 with `err` carrying the theme's message and traceback. */
int an_render_site(an_pages *out, const an_site *site, const char *lua_dir,
                   const char *theme_dir, an_error *err);
/* What the fingerprints of the site's events and articles start from
 * (hashes of their mentions, and of what a body is made from): the same
 * in every Lua state, so made once, on the worker pool, for all. */
typedef struct {
	uint64_t *events, *undated, *articles; /* as site->timeline's lists and
	                                        * site->articles */
} an_render_seeds;

void an_render_seeds_make(an_render_seeds *out, const an_site *site);
void an_render_seeds_free(an_render_seeds *s);

/* Pushes the site table themes and hooks get (docs/themes.md), a copy.
 * [-0, +1] */
void an_render_push_site(lua_State *L, const an_site *site);
/* an_render_push_site in protected mode, with the seeds of the site made
 * beforehand (NULL: made here): a site larger than the state's memory
 * budget is an error (-1, `err` set, nothing pushed), not a Lua panic
 * that aborts the process.  [-0, +1 or +0, -] */
int an_render_push_site_safe(lua_State *L, const an_site *site, const an_render_seeds *seeds,
                             an_error *err);
/* Drops the fields of the site tables made on first use since the last
 * call (an event's mentions and anchors, an article's body), once the
 * page that read them is out: read again, they are made again.  A state
 * that renders thousands of pages then keeps none of them.  [-0, +0] */
void an_render_forget_made(lua_State *L);
/* Copies the list of {path=, content=} at `idx` into `out`; `who` names
 * the function that returned it in errors ("build()").  [-0, +0] */
int an_render_collect_pages(an_pages *out, lua_State *L, int idx, const char *who,
                            an_error *err);
/* Adds a page (copies path and data). */
void an_pages_add(an_pages *pages, const char *path, const char *data, size_t len);
/* 1 when `path` is a safe relative page path: no "..", no leading '/', no
 * backslash or control characters, no empty segments, no Windows device
 * names (fsname.h). */
int an_render_path_ok(const char *path);
/* 1 when `value` is a valid HTML datetime (year, month, day, week or local
 * date-time), so it can go in <time datetime>. */
int an_render_html_datetime(const char *value);
void an_pages_free(an_pages *pages);

#endif
