/* render_lazy.c - the fields of the site tables made the first time a
 * theme reads them: an event's mentions and anchors, an article's body
 * with its dates marked; and the fingerprint seeds that stand for them
 * in the tables (see render_impl.h). */
#include "render_impl.h"
#include "acache.h"
#include "alloc.h"
#include "buf.h"
#include "export.h"
#include "pool.h"

#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>

/* ---- article bodies with their dates marked ---- */

typedef struct {
	const an_site *site;
	size_t doc;
} mark_ctx;

static const char *mark_timex(an_buf *out, size_t i, void *payload)
{
	const mark_ctx *mc = payload;
	const an_timex *t = &mc->site->analyses[mc->doc].timexes.items[i];
	const an_event *ev = an_timeline_find(&mc->site->timeline, mc->doc, (long)i);
	int is_time = an_render_html_datetime(t->value);
	if (is_time) {
		an_buf_puts(out, "<time class=\"timex\" datetime=\"");
	} else {
		an_buf_puts(out, "<span class=\"timex\" data-value=\"");
	}
	an_buf_html(out, t->value);
	an_buf_puts(out, "\" id=\"t");
	an_buf_put_uint(out, i);
	an_buf_puts(out, "\">");
	if (ev) {
		an_buf_puts(out, "<a href=\"../events/");
		an_buf_html(out, ev->id);
		an_buf_puts(out, ".html\">");
		return is_time ? "</a></time>" : "</a></span>";
	}
	return is_time ? "</time>" : "</span>";
}

static void article_html(an_buf *out, const an_site *site, size_t d)
{
	const an_timex_list *tl = &site->analyses[d].timexes;
	size_t *starts = an_xmalloc((tl->len + 1) * sizeof *starts);
	size_t *ends = an_xmalloc((tl->len + 1) * sizeof *ends);
	for (size_t i = 0; i < tl->len; i++) {
		starts[i] = tl->items[i].start;
		ends[i] = tl->items[i].end;
	}
	mark_ctx mc = {site, d};
	an_article_html(out, &site->articles[d], starts, ends, tl->len, mark_timex, &mc);
	free(starts);
	free(ends);
}

/* "t" and the index of a date in its article: an anchor of the article
 * page (snprintf was most of making one). */
static size_t anchor_of(char out[24], long timex)
{
	char digits[20];
	size_t n = 0, len = 0;
	unsigned long v = (unsigned long)timex;
	do {
		digits[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	out[len++] = 't';
	while (n)
		out[len++] = digits[--n];
	out[len] = '\0';
	return len;
}

/* Field `key` = the string of article d's `field` in `strings`. */
static void set_shared(lua_State *L, int strings, size_t d, int field, const char *key)
{
	lua_rawgeti(L, strings, (lua_Integer)(d * AN_MS_N) + field + 1);
	lua_setfield(L, -2, key);
}

/* `strings`: the stack index of AN_LAZY_STRINGS, whose strings of an
 * article every mention of it shares (pushed afresh, each was a copy or
 * at least a hash and a look-up per mention, and the page path a format:
 * half a million mentions at 10,000 articles, in each Lua state). */
static void push_mention(lua_State *L, const an_site *site, const an_mention *m, int strings)
{
	const an_article *a = &site->articles[m->doc];
	/* exactly the fields below: a hint of 9 made 16 slots for 8 */
	lua_createtable(L, 0, m->timex >= 0 ? 8 : 6);
	set_shared(L, strings, m->doc, AN_MS_SLUG, "article");
	set_shared(L, strings, m->doc, AN_MS_TITLE, "article_title");
	set_shared(L, strings, m->doc, AN_MS_URL, "article_url");
	set_shared(L, strings, m->doc, AN_MS_SOURCE, "source");
	set_shared(L, strings, m->doc, AN_MS_DATE, "date");
	size_t len;
	const char *s = an_export_sentence(site, m, &len);
	an_rt_set_lstr(L, "sentence", s, len);
	if (m->timex >= 0) {
		const an_timex *t = &site->analyses[m->doc].timexes.items[m->timex];
		char anchor[24];
		an_rt_set_lstr(L, "anchor", anchor, anchor_of(anchor, m->timex));
		lua_createtable(L, 0, 3);
		an_rt_set_lstr(L, "text", a->text + t->start, t->end - t->start);
		an_rt_set_str(L, "value", t->value);
		if (t->mod[0])
			an_rt_set_str(L, "mod", t->mod);
		lua_setfield(L, -2, "timex");
	}
}

/* A hash of every field push_mention sets, in its order: an event's
 * fingerprint covers its mentions without making their tables. */
static uint64_t mention_hash(const an_site *site, const an_mention *m, uint64_t h)
{
	const an_article *a = &site->articles[m->doc];
	char date[16];
	an_rt_iso_date(date, a->meta.date);
	const char *plain[] = {a->slug, a->meta.title, "articles/", a->slug, ".html",
	                       a->meta.source, date};
	for (size_t i = 0; i < sizeof plain / sizeof *plain; i++)
		h = an_acache_mix_bytes(h, plain[i] ? plain[i] : "", plain[i] ? strlen(plain[i]) : 0);
	size_t len;
	const char *s = an_export_sentence(site, m, &len);
	h = an_acache_mix_bytes(h, s, len);
	if (m->timex >= 0) {
		const an_timex *t = &site->analyses[m->doc].timexes.items[m->timex];
		h = an_acache_mix(h, (uint64_t)m->timex);
		h = an_acache_mix_bytes(h, a->text + t->start, t->end - t->start);
		h = an_acache_mix_bytes(h, t->value, strlen(t->value));
		h = an_acache_mix_bytes(h, t->mod, strlen(t->mod));
	}
	return h;
}

/* ---- mentions on first use ----
 * An event's mentions are most of a Lua state's copy of the site (half a
 * million tables at 10,000 articles), and a theme reads few of them: a
 * rebuild keeps most event pages, and each of the parallel states makes
 * only its share.  So an event table gets them the first time a theme
 * reads e.mentions: its metatable's __index makes the list and stores it
 * in the table, and __pairs does so before iterating, so the table reads
 * as if the list had always been there (rawget and next alone see it
 * missing until then, and again after the page that read it is out:
 * an_render_forget_made).  e.anchors (each reporting article's first
 * mention as a page anchor, for a link to it without the mentions'
 * tables) and an article's body are made the same way (lazy_fields).
 * The registry maps each such table to its C object (weak keys), next
 * to the strings of the articles that the mentions share. */

/* The fields made since the last page, {table, key, table, key, ...}:
 * an_render_forget_made drops them once the page is out, so that a state
 * that renders ten thousand event pages does not keep every event's
 * mentions (and every article's body) to the end of the build. */
#define AN_LAZY_MADE "annals.made_fields"

static void remember_made(lua_State *L, int t, const char *key)
{
	t = lua_absindex(L, t);
	if (lua_getfield(L, LUA_REGISTRYINDEX, AN_LAZY_MADE) != LUA_TTABLE) {
		lua_pop(L, 1);
		lua_newtable(L);
		lua_pushvalue(L, -1);
		lua_setfield(L, LUA_REGISTRYINDEX, AN_LAZY_MADE);
	}
	lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
	lua_pushvalue(L, t);
	lua_rawseti(L, -2, n + 1);
	lua_pushstring(L, key);
	lua_rawseti(L, -2, n + 2);
	lua_pop(L, 1);
}

void an_render_forget_made(lua_State *L)
{
	if (lua_getfield(L, LUA_REGISTRYINDEX, AN_LAZY_MADE) != LUA_TTABLE) {
		lua_pop(L, 1);
		return;
	}
	lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
	if (n == 0) {
		lua_pop(L, 1);
		return;
	}
	for (lua_Integer i = 1; i + 1 <= n; i += 2) {
		lua_rawgeti(L, -1, i);
		lua_rawgeti(L, -2, i + 1);
		lua_pushnil(L);
		lua_rawset(L, -3);
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
	lua_newtable(L);
	lua_setfield(L, LUA_REGISTRYINDEX, AN_LAZY_MADE);
}

/* The mentions of event `obj` as a list.  [-0, +1] */
static void push_mentions(lua_State *L, const an_site *site, const void *obj)
{
	const an_event *ev = obj;
	lua_getfield(L, LUA_REGISTRYINDEX, AN_LAZY_STRINGS);
	int strings = lua_gettop(L);
	lua_createtable(L, (int)ev->n_mentions, 0);
	for (size_t i = 0; i < ev->n_mentions; i++) {
		push_mention(L, site, &ev->mentions[i], strings);
		lua_rawseti(L, -2, (lua_Integer)i + 1);
	}
	lua_remove(L, strings);
}

/* { [slug] = anchor } for each article that reports event `obj`: the
 * anchor of its first mention's date ("t3"), "" when that mention has no
 * date.  [-0, +1] */
static void push_anchors(lua_State *L, const an_site *site, const void *obj)
{
	const an_event *ev = obj;
	lua_createtable(L, 0, (int)ev->n_sources);
	for (size_t i = 0; i < ev->n_mentions; i++) {
		const an_mention *m = &ev->mentions[i];
		const char *slug = site->articles[m->doc].slug;
		if (lua_getfield(L, -1, slug) != LUA_TNIL) {
			lua_pop(L, 1);
			continue;
		}
		lua_pop(L, 1);
		char anchor[24] = "";
		if (m->timex >= 0)
			anchor_of(anchor, m->timex);
		an_rt_set_str(L, slug, anchor);
	}
	for (size_t i = 0; i < ev->n_sources; i++) {
		const char *slug = site->articles[ev->sources[i]].slug;
		if (lua_getfield(L, -1, slug) == LUA_TNIL) {
			lua_pushliteral(L, "");
			lua_setfield(L, -3, slug);
		}
		lua_pop(L, 1);
	}
}

/* The body of article `obj` with its dates marked.  [-0, +1] */
static void push_html(lua_State *L, const an_site *site, const void *obj)
{
	an_buf html = AN_BUF_INIT;
	article_html(&html, site, (size_t)((const an_article *)obj - site->articles));
	lua_pushlstring(L, html.ptr ? html.ptr : "", html.len);
	an_buf_free(&html);
}

/* The fields made on first use: which registry table maps a site table
 * to the C object they are made from, and how. */
static const struct {
	const char *key, *registry;
	void (*make)(lua_State *L, const an_site *site, const void *obj);
} lazy_fields[] = {
	{"mentions", AN_LAZY_EVENTS, push_mentions},
	{"anchors", AN_LAZY_EVENTS, push_anchors},
	{"html", AN_LAZY_ARTICLES, push_html},
};

#define N_LAZY_FIELDS (sizeof lazy_fields / sizeof *lazy_fields)

/* Pushes field lazy_fields[f] of table t, made and stored now if it was
 * not yet; nil for a table that has none to make (not in the field's
 * registry table).  Upvalue 1: the site. */
static void lazy_field(lua_State *L, int t, size_t f)
{
	t = lua_absindex(L, t);
	lua_pushstring(L, lazy_fields[f].key);
	if (lua_rawget(L, t) != LUA_TNIL)
		return;
	lua_pop(L, 1);
	const an_site *site = lua_touserdata(L, lua_upvalueindex(1));
	const void *obj = NULL;
	if (lua_getfield(L, LUA_REGISTRYINDEX, lazy_fields[f].registry) == LUA_TTABLE) {
		lua_pushvalue(L, t);
		lua_rawget(L, -2);
		obj = lua_touserdata(L, -1);
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
	if (!obj || !site) {
		lua_pushnil(L);
		return;
	}
	lazy_fields[f].make(L, site, obj);
	lua_pushvalue(L, -1);
	lua_setfield(L, t, lazy_fields[f].key); /* no __newindex: a plain store */
	remember_made(L, t, lazy_fields[f].key);
}

static int l_lazy_index(lua_State *L)
{
	const char *key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "";
	for (size_t f = 0; f < N_LAZY_FIELDS; f++)
		if (strcmp(key, lazy_fields[f].key) == 0) {
			lazy_field(L, 1, f);
			return 1;
		}
	return 0;
}

static int l_next(lua_State *L)
{
	luaL_checktype(L, 1, LUA_TTABLE);
	lua_settop(L, 2);
	if (lua_next(L, 1))
		return 2;
	lua_pushnil(L);
	return 1;
}

/* pairs(t) sees the fields a read would make: they are made first. */
static int l_lazy_pairs(lua_State *L)
{
	luaL_checktype(L, 1, LUA_TTABLE);
	for (size_t f = 0; f < N_LAZY_FIELDS; f++)
		lazy_field(L, 1, f);
	lua_pop(L, (int)N_LAZY_FIELDS);
	lua_pushcfunction(L, l_next);
	lua_pushvalue(L, 1);
	lua_pushnil(L);
	return 3;
}

/* Pushes the metatable of the site's tables whose fields are made on
 * first use (events, articles): __index and __pairs with the site as
 * upvalue; makes the registry's weak table `lazy` of those tables if the
 * state has none yet. */
static void push_lazy_metatable(lua_State *L, const an_site *site, const char *lazy)
{
	if (lua_getfield(L, LUA_REGISTRYINDEX, lazy) != LUA_TTABLE) {
		lua_pop(L, 1);
		lua_newtable(L);
		lua_createtable(L, 0, 1);
		lua_pushliteral(L, "k");
		lua_setfield(L, -2, "__mode");
		lua_setmetatable(L, -2);
		lua_setfield(L, LUA_REGISTRYINDEX, lazy);
	} else {
		lua_pop(L, 1);
	}
	lua_createtable(L, 0, 2);
	lua_pushlightuserdata(L, (void *)site);
	lua_pushcclosure(L, l_lazy_index, 1);
	lua_setfield(L, -2, "__index");
	lua_pushlightuserdata(L, (void *)site);
	lua_pushcclosure(L, l_lazy_pairs, 1);
	lua_setfield(L, -2, "__pairs");
}

void an_rt_event_metatable(lua_State *L, const an_site *site)
{
	push_lazy_metatable(L, site, AN_LAZY_EVENTS);
}

/* ---- article bodies on first use ----
 * An article's `html` is its body rendered by cmark with the dates
 * marked: the biggest string of the site table, and read by one page
 * only, which a rebuild mostly keeps.  Made in every Lua state, the
 * bodies cost each state a cmark render of every article and a copy of
 * them all.  So an article table gets `html` the first time a theme
 * reads it, the way an event gets its mentions (above); its fingerprint
 * hashes what the body is made from instead (an_rt_html_seed). */

/* What article d's html is made from: the Markdown, whether raw HTML is
 * allowed, and each date's place, value and event. */
uint64_t an_rt_html_seed(const an_site *site, size_t d)
{
	const an_article *a = &site->articles[d];
	const an_timex_list *tl = &site->analyses[d].timexes;
	uint64_t h = an_acache_mix(an_acache_hash(a->body ? a->body : "", a->body_len),
	                           (uint64_t)a->unsafe);
	for (size_t i = 0; i < tl->len; i++) {
		const an_timex *t = &tl->items[i];
		const an_event *ev = an_timeline_find(&site->timeline, d, (long)i);
		h = an_acache_mix(h, (uint64_t)t->start);
		h = an_acache_mix(h, (uint64_t)t->end);
		h = an_acache_mix_bytes(h, t->value, strlen(t->value));
		h = an_acache_mix(h, ev ? an_acache_hash(ev->id, strlen(ev->id)) : 0);
	}
	return h;
}

/* What an event's fingerprint starts from: its mentions. */
uint64_t an_rt_event_seed(const an_site *site, const an_event *ev)
{
	uint64_t h = (uint64_t)ev->n_mentions;
	for (size_t i = 0; i < ev->n_mentions; i++)
		h = mention_hash(site, &ev->mentions[i], h);
	return h;
}

typedef struct {
	const an_site *site;
	an_render_seeds *out;
} seeds_job;

static void make_seed(size_t i, void *payload)
{
	seeds_job *j = payload;
	const an_timeline *tl = &j->site->timeline;
	if (i < tl->n_events)
		j->out->events[i] = an_rt_event_seed(j->site, &tl->events[i]);
	else if ((i -= tl->n_events) < tl->n_undated)
		j->out->undated[i] = an_rt_event_seed(j->site, &tl->undated[i]);
	else
		j->out->articles[i - tl->n_undated] = an_rt_html_seed(j->site, i - tl->n_undated);
}

void an_render_seeds_make(an_render_seeds *out, const an_site *site)
{
	const an_timeline *tl = &site->timeline;
	out->events = an_xcalloc(tl->n_events + 1, sizeof *out->events);
	out->undated = an_xcalloc(tl->n_undated + 1, sizeof *out->undated);
	out->articles = an_xcalloc(site->n_articles + 1, sizeof *out->articles);
	seeds_job j = {site, out};
	an_pool_run(tl->n_events + tl->n_undated + site->n_articles, make_seed, &j);
}

void an_render_seeds_free(an_render_seeds *s)
{
	free(s->events);
	free(s->undated);
	free(s->articles);
	memset(s, 0, sizeof *s);
}

void an_rt_article_metatable(lua_State *L, const an_site *site)
{
	push_lazy_metatable(L, site, AN_LAZY_ARTICLES);
}
