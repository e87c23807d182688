/* render_impl.h - what the two halves of the render stage share:
 * render.c pushes the site's tables, render_lazy.c makes the fields a
 * theme gets on first use (an event's mentions and anchors, an article's
 * body) and the fingerprint seeds those fields need.  Internal to
 * render*.c; the API is render.h. */
#ifndef AN_RENDER_IMPL_H
#define AN_RENDER_IMPL_H

#include <lua.h>
#include <stdint.h>
#include <stdio.h>

#include "render.h"

/* registry keys: the weak tables that map a site table still without its
 * field to the C object it is made from, and the strings of the articles
 * that mentions share */
#define AN_LAZY_EVENTS "annals.lazy_events"
#define AN_LAZY_ARTICLES "annals.lazy_articles"
#define AN_LAZY_STRINGS "annals.mention_strings"

/* What a mention repeats of its article, as the article table has it:
 * AN_LAZY_STRINGS holds them at AN_MS_N * d + field + 1 for article d. */
enum { AN_MS_TITLE, AN_MS_SLUG, AN_MS_URL, AN_MS_SOURCE, AN_MS_DATE, AN_MS_N };

static inline void an_rt_set_str(lua_State *L, const char *key, const char *value)
{
	lua_pushstring(L, value ? value : "");
	lua_setfield(L, -2, key);
}

/* key = "DIR/NAME.html", a page of the site (Lua formats it: no buffer
 * and no printf for each of thousands of tables) */
static inline void an_rt_set_page(lua_State *L, const char *key, const char *dir,
                                  const char *name)
{
	lua_pushfstring(L, "%s/%s.html", dir, name ? name : "");
	lua_setfield(L, -2, key);
}

static inline void an_rt_set_lstr(lua_State *L, const char *key, const char *value, size_t len)
{
	lua_pushlstring(L, value, len);
	lua_setfield(L, -2, key);
}

static inline void an_rt_iso_date(char out[16], an_date d)
{
	an_date_format_iso(out, d);
}

/* What event ev's and article d's fingerprints start from (their
 * mentions; what the body is made from). */
uint64_t an_rt_event_seed(const an_site *site, const an_event *ev);
uint64_t an_rt_html_seed(const an_site *site, size_t d);
/* Pushes the metatable of event tables / article tables of `site`, and
 * makes the registry's weak table of such tables if the state has none.
 * [-0, +1] */
void an_rt_event_metatable(lua_State *L, const an_site *site);
void an_rt_article_metatable(lua_State *L, const an_site *site);

#endif
