/* hooks.c - the site's Lua hooks (see hooks.h).
 *
 * Every value a hook returns is read back inside lua_pcall by a C function
 * that copies it into a plain C record (`art_rec`, `ev_rec`): a bad value
 * raises a Lua error with a clear message, and nothing in the site changes
 * until the whole record is read.  Fields are read with raw access, so a
 * table's metamethods never run from C.  A record is applied to the site
 * only after its pcall returned, so an error can never leave an article or
 * an event half changed. */
#include "hooks.h"
#include "alloc.h"
#include "buf.h"
#include "export.h"
#include "luaast.h"
#include "sandbox.h"

#include <cmark.h>
#include <dirent.h>
#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>

#define REG_FILTERS "annals.filters" /* registry: { hooks table, ... } */
#define REG_WALK "annals.ast.walk"

static const char *const hook_names[] = {"on_article", "markdown", "on_event",
                                         "on_timeline", "pages", NULL};

struct an_hooks {
	an_sandbox *sb; /* NULL without filters */
	char **names;   /* "filters/x.lua", for messages */
	size_t n;
	int has[5]; /* per hook_names: does any filter define it */
	size_t n_theme_dirs; /* theme folders added for pages() */
};

size_t an_hooks_count(const an_hooks *h)
{
	return h ? h->n : 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.lua files at the top of DIR, sorted; none when DIR is missing. */
static char **list_filters(const char *dir, size_t *n)
{
	char **names = NULL;
	size_t cap = 0;
	*n = 0;
	DIR *d = opendir(dir);
	if (!d)
		return NULL;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (e->d_name[0] == '.' || len < 5 || strcmp(e->d_name + len - 4, ".lua") != 0)
			continue;
		names = an_xgrow(names, &cap, *n + 1, sizeof *names);
		names[(*n)++] = an_xstrdup(e->d_name);
	}
	closedir(d);
	an_qsort(names, *n, sizeof *names, by_name);
	return names;
}

/* Checks the table a filter file returned and keeps a copy of its hooks
 * (so the file cannot change them later).  [-1, +1, e] */
static int check_filter(lua_State *L)
{
	const char *name = lua_tostring(L, 2);
	if (!lua_istable(L, 1))
		return luaL_error(L, "%s must return a table of hooks, e.g. return { on_article = "
		                     "function(a) ... end } (got %s)", name, luaL_typename(L, 1));
	lua_newtable(L);
	lua_pushnil(L);
	while (lua_next(L, 1)) {
		const char *key = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
		size_t k = 0;
		while (key && hook_names[k] && strcmp(hook_names[k], key) != 0)
			k++;
		if (!key || !hook_names[k])
			return luaL_error(L, "%s: unknown hook '%s' (known: on_article, markdown, "
			                     "on_event, on_timeline, pages)", name,
			                  key ? key : luaL_typename(L, -2));
		int want = k == 1 ? LUA_TTABLE : LUA_TFUNCTION;
		if (lua_type(L, -1) != want)
			return luaL_error(L, "%s: '%s' must be a %s (got %s)", name, key,
			                  k == 1 ? "table of functions by node type" : "function",
			                  luaL_typename(L, -1));
		lua_pushvalue(L, -2);
		lua_insert(L, -2);
		lua_rawset(L, 3);
	}
	return 1;
}

int an_hooks_new(an_hooks **out, const an_hooks_opts *o, an_error *err)
{
	an_hooks *h = an_xcalloc(1, sizeof *h);
	*out = h;
	an_buf dir = AN_BUF_INIT, path = AN_BUF_INIT;
	an_buf_printf(&dir, "%s/filters", o->site_root);
	h->names = list_filters(dir.ptr, &h->n);
	int rc = 0;
	if (h->n == 0)
		goto done;
	an_sandbox_opts so = {o->lua_dir, dir.ptr, o->memory_limit, o->instruction_limit};
	if (!(h->sb = an_sandbox_new(&so, err))) {
		rc = -1;
		goto done;
	}
	lua_State *L = an_sandbox_state(h->sb);
	lua_createtable(L, (int)h->n, 0);
	lua_setfield(L, LUA_REGISTRYINDEX, REG_FILTERS);
	for (size_t i = 0; i < h->n; i++) {
		an_buf_clear(&path);
		an_buf_printf(&path, "%s/%s", dir.ptr, h->names[i]);
		char *shown = an_xmalloc(strlen(h->names[i]) + 9);
		sprintf(shown, "filters/%s", h->names[i]);
		free(h->names[i]);
		h->names[i] = shown;
		if ((rc = an_sandbox_dofile(h->sb, path.ptr, shown, err)) < 0)
			goto done;
		lua_pushcfunction(L, check_filter);
		lua_insert(L, -2);
		lua_pushstring(L, shown);
		if (lua_pcall(L, 2, 1, 0) != LUA_OK) {
			rc = an_error_set(err, shown, 0, "%s", lua_tostring(L, -1));
			goto done;
		}
		for (size_t k = 0; hook_names[k]; k++) {
			lua_getfield(L, -1, hook_names[k]);
			h->has[k] |= !lua_isnil(L, -1);
			lua_pop(L, 1);
		}
		lua_getfield(L, LUA_REGISTRYINDEX, REG_FILTERS);
		lua_insert(L, -2);
		lua_rawseti(L, -2, (lua_Integer)i + 1);
		lua_pop(L, 1);
	}
	if (h->has[1]) { /* the walker of the Markdown filters */
		lua_getglobal(L, "require");
		lua_pushstring(L, "annals.ast");
		if ((rc = an_sandbox_call(h->sb, 1, "require('annals.ast')", err)) < 0)
			goto done;
		lua_getfield(L, -1, "walk");
		lua_setfield(L, LUA_REGISTRYINDEX, REG_WALK);
		lua_pop(L, 1);
	}
done:
	if (rc < 0 && h->sb)
		lua_settop(an_sandbox_state(h->sb), 0);
	an_buf_free(&dir);
	an_buf_free(&path);
	return rc;
}

/* Calls filter i's hook `name` on the value on top of the stack (which it
 * pops), leaving the result.  [-1, +(0|1)]  Returns 0, 1 when the filter
 * has no such hook (nothing pushed), -1 on error (nil pushed). */
static int call_hook(an_hooks *h, size_t i, const char *name, const char *about,
                     an_error *err)
{
	lua_State *L = an_sandbox_state(h->sb);
	lua_getfield(L, LUA_REGISTRYINDEX, REG_FILTERS);
	lua_rawgeti(L, -1, (lua_Integer)i + 1);
	lua_getfield(L, -1, name); /* a plain table of ours: no metamethods */
	lua_replace(L, -3);
	lua_pop(L, 1);
	if (lua_isnil(L, -1)) {
		lua_pop(L, 2);
		return 1;
	}
	lua_insert(L, -2);
	an_buf what = AN_BUF_INIT;
	an_buf_printf(&what, "%s(%s)", name, about);
	int rc = an_sandbox_call(h->sb, 1, what.ptr, err);
	an_buf_free(&what);
	if (rc < 0)
		snprintf(err->file, sizeof err->file, "%s", h->names[i]);
	return rc;
}

/* Runs `fn` on the values at the top `nargs` slots in a protected call,
 * which reads them into the C record `rec`.  [-nargs, +0]  On error sets
 * `err` ("FILE: WHAT: message") and returns -1. */
static int read_protected(lua_State *L, lua_CFunction fn, void *rec, int nargs,
                          const char *file, const char *what, an_error *err)
{
	lua_pushcfunction(L, fn);
	lua_insert(L, -nargs - 1);
	lua_pushlightuserdata(L, rec);
	if (lua_pcall(L, nargs + 1, 0, 0) != LUA_OK) {
		an_error_set(err, file, 0, "%s: %s", what, lua_tostring(L, -1));
		lua_pop(L, 1);
		return -1;
	}
	return 0;
}

/* The raw field `key` of the table at `idx` onto the stack.  [-0, +1, m] */
static int rawfield(lua_State *L, int idx, const char *key)
{
	idx = lua_absindex(L, idx);
	lua_pushstring(L, key);
	return lua_rawget(L, idx);
}

/* A string field, or NULL when absent; other types raise.  [-0, +0, e] */
static const char *str_field(lua_State *L, int idx, const char *key, int required)
{
	int t = rawfield(L, idx, key);
	const char *s = t == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
	lua_pop(L, 1); /* the string is kept alive by the table */
	if (t != LUA_TSTRING && (t != LUA_TNIL || required))
		luaL_error(L, "'%s' must be a string (got %s)", key, lua_typename(L, t));
	return s;
}

static void put(char **slot, const char *s)
{
	free(*slot);
	*slot = s ? an_xstrdup(s) : NULL;
}

/* ---- articles ---- */

/* What on_article left: copies, owned by the record. */
typedef struct {
	int drop;
	char *title, *slug, *source, *original, *date, *body;
	an_meta_field *params;
	size_t n_params;
} art_rec;

static void art_rec_free(art_rec *r)
{
	free(r->title);
	free(r->slug);
	free(r->source);
	free(r->original);
	free(r->date);
	free(r->body);
	for (size_t i = 0; i < r->n_params; i++) {
		free(r->params[i].key);
		free(r->params[i].value);
	}
	free(r->params);
	memset(r, 0, sizeof *r);
}

static int slug_ok(const char *s)
{
	if (!*s || strlen(s) > 200)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
			return 0;
	return 1;
}

/* (result, article table, record): on_article's result into the record.
 * [-3, +0, e] */
static int read_article(lua_State *L)
{
	art_rec *r = lua_touserdata(L, 3);
	int t = lua_type(L, 1);
	if (t == LUA_TBOOLEAN && !lua_toboolean(L, 1)) {
		r->drop = 1;
		return 0;
	}
	if (t != LUA_TNIL && t != LUA_TTABLE)
		return luaL_error(L, "must return the article (a table), false to drop it, or "
		                     "nothing (got %s)", lua_typename(L, t));
	int a = t == LUA_TNIL ? 2 : 1;
	const char *title = str_field(L, a, "title", 1);
	if (!*title)
		return luaL_error(L, "'title' must not be empty");
	put(&r->title, title);
	const char *slug = str_field(L, a, "slug", 1);
	if (!slug_ok(slug))
		return luaL_error(L, "'slug' \"%s\" may only use letters, digits, '-' and '_'", slug);
	put(&r->slug, slug);
	put(&r->source, str_field(L, a, "source", 0));
	put(&r->original, str_field(L, a, "original", 0));
	const char *date = str_field(L, a, "date", 0);
	an_date d;
	if (date && an_date_parse_iso(&d, date) < 0)
		return luaL_error(L, "'date' must be a date as YYYY-MM-DD (got \"%s\")", date);
	put(&r->date, date);
	put(&r->body, str_field(L, a, "body", 1));
	int pt = rawfield(L, a, "params");
	if (pt != LUA_TNIL && pt != LUA_TTABLE)
		return luaL_error(L, "'params' must be a table (got %s)", lua_typename(L, pt));
	if (pt == LUA_TTABLE) {
		size_t cap = 0;
		lua_pushnil(L);
		while (lua_next(L, -2)) {
			int vt = lua_type(L, -1);
			if (lua_type(L, -2) != LUA_TSTRING ||
			    (vt != LUA_TSTRING && vt != LUA_TNUMBER && vt != LUA_TBOOLEAN))
				return luaL_error(L, "'params' must map names to strings, numbers or "
				                     "booleans");
			r->params = an_xgrow(r->params, &cap, r->n_params + 1, sizeof *r->params);
			an_meta_field *f = &r->params[r->n_params++];
			f->key = an_xstrdup(lua_tostring(L, -2));
			f->value = NULL;
			f->value = an_xstrdup(vt == LUA_TBOOLEAN ? (lua_toboolean(L, -1) ? "true" : "false")
			                                         : lua_tostring(L, -1));
			lua_pop(L, 1);
		}
	}
	return 0;
}

/* The table on_article gets.  [-0, +1] */
static void push_article(lua_State *L, const an_article *a)
{
	lua_createtable(L, 0, 9);
	lua_pushstring(L, a->slug);
	lua_setfield(L, -2, "slug");
	lua_pushstring(L, a->meta.title);
	lua_setfield(L, -2, "title");
	lua_pushstring(L, a->meta.source ? a->meta.source : "unknown");
	lua_setfield(L, -2, "source");
	if (a->meta.original) {
		lua_pushstring(L, a->meta.original);
		lua_setfield(L, -2, "original");
	}
	lua_pushstring(L, a->path);
	lua_setfield(L, -2, "path");
	if (a->meta.has_date) {
		lua_pushfstring(L, "%d-%s%d-%s%d", a->meta.date.y, a->meta.date.m < 10 ? "0" : "",
		                a->meta.date.m, a->meta.date.d < 10 ? "0" : "", a->meta.date.d);
		lua_setfield(L, -2, "date");
	}
	lua_pushlstring(L, a->body, a->body_len);
	lua_setfield(L, -2, "body");
	lua_createtable(L, 0, (int)a->meta.n_extra);
	for (size_t i = 0; i < a->meta.n_extra; i++) {
		lua_pushstring(L, a->meta.extra[i].value);
		lua_setfield(L, -2, a->meta.extra[i].key);
	}
	lua_setfield(L, -2, "params");
}

static void apply_article(an_article *a, art_rec *r)
{
	put(&a->meta.title, r->title);
	put(&a->slug, r->slug);
	put(&a->meta.source, r->source ? r->source : "unknown");
	put(&a->meta.original, r->original);
	if (r->date) {
		an_date_parse_iso(&a->meta.date, r->date);
		a->meta.has_date = 1;
	}
	for (size_t i = 0; i < a->meta.n_extra; i++) {
		free(a->meta.extra[i].key);
		free(a->meta.extra[i].value);
	}
	free(a->meta.extra);
	a->meta.extra = r->params;
	a->meta.n_extra = r->n_params;
	r->params = NULL;
	r->n_params = 0;
	if (strcmp(r->body, a->body) != 0)
		an_article_set_body(a, r->body);
}

/* Every on_article on article a.  Sets *drop.  Returns 0 or -1. */
static int article_hooks(an_hooks *h, an_article *a, int *drop, an_error *err)
{
	lua_State *L = an_sandbox_state(h->sb);
	*drop = 0;
	for (size_t i = 0; i < h->n && !*drop; i++) {
		push_article(L, a);
		lua_pushvalue(L, -1);
		int rc = call_hook(h, i, "on_article", a->path, err);
		if (rc == 1) {
			lua_pop(L, 1);
			continue;
		}
		if (rc < 0) {
			lua_pop(L, 2);
			return -1;
		}
		lua_insert(L, -2); /* result, article */
		art_rec r = {0};
		an_buf what = AN_BUF_INIT;
		an_buf_printf(&what, "on_article(%s)", a->path);
		rc = read_protected(L, read_article, &r, 2, h->names[i], what.ptr, err);
		an_buf_free(&what);
		if (rc == 0 && r.drop)
			*drop = 1;
		else if (rc == 0)
			apply_article(a, &r);
		art_rec_free(&r);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* Every Markdown filter on article a's body. */
static int markdown_filters(an_hooks *h, an_article *a, an_error *err)
{
	lua_State *L = an_sandbox_state(h->sb);
	cmark_node *doc = cmark_parse_document(a->body, a->body_len, CMARK_OPT_VALIDATE_UTF8);
	an_error e2 = AN_ERROR_INIT;
	int rc = an_luaast_push(L, doc, &e2);
	cmark_node_free(doc);
	doc = NULL;
	if (rc < 0) {
		lua_pop(L, 1);
		return an_error_set(err, a->path, 0, "%s", e2.msg);
	}
	size_t last = 0; /* the last filter that ran, to blame for its result */
	for (size_t i = 0; i < h->n; i++) {
		lua_getfield(L, LUA_REGISTRYINDEX, REG_FILTERS);
		lua_rawgeti(L, -1, (lua_Integer)i + 1);
		lua_getfield(L, -1, "markdown");
		lua_replace(L, -3);
		lua_pop(L, 1); /* doc, filter */
		if (lua_isnil(L, -1)) {
			lua_pop(L, 1);
			continue;
		}
		lua_getfield(L, LUA_REGISTRYINDEX, REG_WALK);
		lua_insert(L, -3); /* walk, doc, filter */
		an_buf what = AN_BUF_INIT;
		an_buf_printf(&what, "markdown filter on %s", a->path);
		rc = an_sandbox_call(h->sb, 2, what.ptr, err);
		an_buf_free(&what);
		if (rc < 0) {
			lua_pop(L, 1);
			snprintf(err->file, sizeof err->file, "%s", h->names[i]);
			return -1;
		}
		last = i;
	}
	doc = an_luaast_to_cmark(L, -1, &e2);
	lua_pop(L, 1);
	if (!doc)
		return an_error_set(err, h->names[last], 0, "markdown filter on %s: %s", a->path,
		                    e2.msg);
	char *md = cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0);
	cmark_node_free(doc);
	an_article_set_body(a, md);
	free(md);
	return 0;
}

int an_hooks_articles(an_site *site, void *payload, an_error *err)
{
	an_hooks *h = payload;
	if (!h || !h->sb || (!h->has[0] && !h->has[1]))
		return 0;
	size_t kept = 0;
	for (size_t i = 0; i < site->n_articles; i++) {
		an_article *a = &site->articles[i];
		int drop = 0;
		if (h->has[0] && article_hooks(h, a, &drop, err) < 0)
			goto fail;
		if (!drop && h->has[1] && markdown_filters(h, a, err) < 0)
			goto fail;
		if (drop)
			an_article_free(a);
		else
			site->articles[kept++] = *a;
		continue;
fail:
		/* keep every article not yet freed, so an_site_free frees it */
		for (size_t j = i; j < site->n_articles; j++)
			site->articles[kept++] = site->articles[j];
		site->n_articles = kept;
		return -1;
	}
	site->n_articles = kept;
	return 0;
}

/* ---- events ---- */

typedef struct {
	int hidden;
	char *title, *summary, *date, *mod, *era;
	char **notes;
	size_t n_notes;
} ev_rec;

static void ev_rec_free(ev_rec *r)
{
	free(r->title);
	free(r->summary);
	free(r->date);
	free(r->mod);
	free(r->era);
	for (size_t i = 0; i < r->n_notes; i++)
		free(r->notes[i]);
	free(r->notes);
	memset(r, 0, sizeof *r);
}

/* The table on_event and on_timeline get.  [-0, +1] */
static void push_event(lua_State *L, const an_site *site, const an_event *ev, int dated)
{
	lua_createtable(L, 0, 12);
	lua_pushstring(L, ev->id);
	lua_setfield(L, -2, "id");
	lua_pushstring(L, ev->title ? ev->title : "");
	lua_setfield(L, -2, "title");
	lua_pushstring(L, ev->summary ? ev->summary : "");
	lua_setfield(L, -2, "summary");
	lua_pushboolean(L, dated);
	lua_setfield(L, -2, "dated");
	if (dated) {
		lua_pushstring(L, ev->value);
		lua_setfield(L, -2, "date");
		lua_pushstring(L, an_granularity_name(ev->span.gran));
		lua_setfield(L, -2, "granularity");
		if (ev->mod[0]) {
			lua_pushstring(L, ev->mod);
			lua_setfield(L, -2, "mod");
		}
		an_buf b = AN_BUF_INIT;
		an_value_label(&b, ev->value, ev->mod);
		lua_pushlstring(L, b.ptr ? b.ptr : "", b.len);
		lua_setfield(L, -2, "date_label");
		an_buf_free(&b);
	}
	if (ev->era) {
		lua_pushstring(L, ev->era);
		lua_setfield(L, -2, "era");
	}
	lua_createtable(L, (int)ev->n_sources, 0);
	for (size_t i = 0; i < ev->n_sources; i++) {
		lua_pushstring(L, site->articles[ev->sources[i]].slug);
		lua_rawseti(L, -2, (lua_Integer)i + 1);
	}
	lua_setfield(L, -2, "sources");
	lua_createtable(L, (int)ev->n_mentions, 0);
	for (size_t i = 0; i < ev->n_mentions; i++) {
		size_t len;
		const char *s = an_export_sentence(site, &ev->mentions[i], &len);
		lua_createtable(L, 0, 2);
		lua_pushstring(L, site->articles[ev->mentions[i].doc].slug);
		lua_setfield(L, -2, "article");
		lua_pushlstring(L, s, len);
		lua_setfield(L, -2, "sentence");
		lua_rawseti(L, -2, (lua_Integer)i + 1);
	}
	lua_setfield(L, -2, "mentions");
	lua_createtable(L, (int)ev->n_notes, 0);
	for (size_t i = 0; i < ev->n_notes; i++) {
		lua_pushstring(L, ev->notes[i]);
		lua_rawseti(L, -2, (lua_Integer)i + 1);
	}
	lua_setfield(L, -2, "notes");
}

/* (result, event table, dated, record): on_event's result.  [-4, +0, e] */
static int read_event(lua_State *L)
{
	ev_rec *r = lua_touserdata(L, 4);
	int dated = (int)lua_tointeger(L, 3);
	int t = lua_type(L, 1);
	if (t == LUA_TBOOLEAN && !lua_toboolean(L, 1)) {
		r->hidden = 1;
		return 0;
	}
	if (t != LUA_TNIL && t != LUA_TTABLE)
		return luaL_error(L, "must return the event (a table), false to hide it, or "
		                     "nothing (got %s)", lua_typename(L, t));
	int e = t == LUA_TNIL ? 2 : 1;
	rawfield(L, e, "hidden");
	r->hidden = lua_toboolean(L, -1);
	lua_pop(L, 1);
	put(&r->title, str_field(L, e, "title", 1));
	put(&r->summary, str_field(L, e, "summary", 1));
	const char *date = str_field(L, e, "date", 0), *mod = str_field(L, e, "mod", 0);
	an_span span;
	if (date && !dated)
		return luaL_error(L, "'date' cannot be set on a fact without a date");
	if (dated && (!date || strlen(date) >= AN_TIMEX_VALUE_MAX || an_value_span(&span, date) < 0))
		return luaL_error(L, "'date' must be a date value such as 2025-11-01, 2025-09, "
		                     "2025-W45 or 2025 (got \"%s\")", date ? date : "nil");
	if (mod && strlen(mod) >= AN_TIMEX_MOD_MAX)
		return luaL_error(L, "'mod' is too long (\"%s\")", mod);
	put(&r->date, date);
	put(&r->mod, mod);
	put(&r->era, str_field(L, e, "era", 0));
	int nt = rawfield(L, e, "notes");
	if (nt != LUA_TNIL && nt != LUA_TTABLE)
		return luaL_error(L, "'notes' must be a list of strings (got %s)", lua_typename(L, nt));
	if (nt == LUA_TTABLE) {
		size_t n = lua_rawlen(L, -1);
		r->notes = an_xcalloc(n + 1, sizeof *r->notes);
		for (size_t i = 1; i <= n; i++) {
			if (lua_rawgeti(L, -1, (lua_Integer)i) != LUA_TSTRING)
				return luaL_error(L, "'notes' must be a list of strings (item %d is %s)",
				                  (int)i, luaL_typename(L, -1));
			r->notes[r->n_notes++] = an_xstrdup(lua_tostring(L, -1));
			lua_pop(L, 1);
		}
	}
	return 0;
}

static void apply_event(an_event *ev, ev_rec *r)
{
	put(&ev->title, r->title);
	put(&ev->summary, r->summary);
	if (r->date && strcmp(r->date, ev->value) != 0) {
		snprintf(ev->value, sizeof ev->value, "%s", r->date);
		an_value_span(&ev->span, ev->value);
	}
	snprintf(ev->mod, sizeof ev->mod, "%s", r->mod ? r->mod : "");
	put(&ev->era, r->era);
	for (size_t i = 0; i < ev->n_notes; i++)
		free(ev->notes[i]);
	free(ev->notes);
	ev->notes = r->notes;
	ev->n_notes = r->n_notes;
	r->notes = NULL;
	r->n_notes = 0;
}

/* Every on_event on ev; sets *hidden. */
static int event_hooks(an_hooks *h, const an_site *site, an_event *ev, int dated,
                       int *hidden, an_error *err)
{
	lua_State *L = an_sandbox_state(h->sb);
	*hidden = 0;
	for (size_t i = 0; i < h->n && !*hidden; i++) {
		push_event(L, site, ev, dated);
		lua_pushvalue(L, -1);
		int rc = call_hook(h, i, "on_event", ev->id, err);
		if (rc == 1) {
			lua_pop(L, 1);
			continue;
		}
		if (rc < 0) {
			lua_pop(L, 2);
			return -1;
		}
		lua_insert(L, -2);
		lua_pushinteger(L, dated);
		ev_rec r = {0};
		an_buf what = AN_BUF_INIT;
		an_buf_printf(&what, "on_event(%s)", ev->id);
		rc = read_protected(L, read_event, &r, 3, h->names[i], what.ptr, err);
		an_buf_free(&what);
		if (rc == 0 && r.hidden)
			*hidden = 1;
		else if (rc == 0)
			apply_event(ev, &r);
		ev_rec_free(&r);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* What on_timeline left: the listed events in order, with their eras. */
typedef struct {
	const an_timeline *tl;
	size_t *order; /* indices into tl->events */
	char **eras;   /* per listed event; NULL entries for none */
	size_t n;
	char *seen;
} tl_rec;

static void tl_rec_free(tl_rec *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->eras[i]);
	free(r->eras);
	free(r->order);
	free(r->seen);
}

/* (result, list, record): on_timeline's result.  [-3, +0, e] */
static int read_timeline(lua_State *L)
{
	tl_rec *r = lua_touserdata(L, 3);
	int t = lua_type(L, 1);
	if (t != LUA_TNIL && t != LUA_TTABLE)
		return luaL_error(L, "must return the list of events in the order to show them, "
		                     "or nothing (got %s)", lua_typename(L, t));
	int list = t == LUA_TNIL ? 2 : 1;
	const an_timeline *tl = r->tl;
	size_t n = lua_rawlen(L, list);
	r->order = an_xcalloc(n + 1, sizeof *r->order);
	r->eras = an_xcalloc(n + 1, sizeof *r->eras);
	r->seen = an_xcalloc(tl->n_events + 1, 1);
	for (size_t i = 1; i <= n; i++) {
		if (lua_rawgeti(L, list, (lua_Integer)i) != LUA_TTABLE)
			return luaL_error(L, "item %d of the list is not an event table (got %s)",
			                  (int)i, luaL_typename(L, -1));
		const char *id = str_field(L, -1, "id", 1);
		size_t k = 0;
		while (k < tl->n_events && strcmp(tl->events[k].id, id) != 0)
			k++;
		if (k == tl->n_events)
			return luaL_error(L, "item %d: no dated event has the id \"%s\"", (int)i, id);
		if (r->seen[k])
			return luaL_error(L, "item %d: event \"%s\" is listed twice", (int)i, id);
		r->seen[k] = 1;
		const char *era = str_field(L, -1, "era", 0);
		r->order[r->n] = k;
		r->eras[r->n++] = era ? an_xstrdup(era) : NULL;
		lua_pop(L, 1);
	}
	return 0;
}

/* Keeps the events at `order` (indices into *evs), in that order, and
 * frees the others. */
static void reorder(an_event **evs, size_t *n, const size_t *order, size_t n_order)
{
	an_event *out = an_xcalloc(n_order + 1, sizeof *out);
	char *used = an_xcalloc(*n + 1, 1);
	for (size_t i = 0; i < n_order; i++) {
		out[i] = (*evs)[order[i]];
		used[order[i]] = 1;
	}
	for (size_t i = 0; i < *n; i++)
		if (!used[i])
			an_event_free(&(*evs)[i]);
	free(used);
	free(*evs);
	*evs = out;
	*n = n_order;
}

typedef struct {
	long key;
	size_t index;
} keyed;

static int cmp_keyed(const void *x, const void *y)
{
	const keyed *a = x, *b = y;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* Sorts the dated events by the first day of their span (stable, so
 * events of one day keep the core's order); with `keep`, only those. */
static void sort_events(an_timeline *tl, int by_date, const char *keep)
{
	keyed *k = an_xcalloc(tl->n_events + 1, sizeof *k);
	size_t *order = an_xcalloc(tl->n_events + 1, sizeof *order), n = 0;
	for (size_t i = 0; i < tl->n_events; i++)
		if (!keep || keep[i]) {
			k[n].key = by_date ? tl->events[i].span.first : 0;
			k[n++].index = i;
		}
	an_qsort(k, n, sizeof *k, cmp_keyed);
	for (size_t i = 0; i < n; i++)
		order[i] = k[i].index;
	reorder(&tl->events, &tl->n_events, order, n);
	free(order);
	free(k);
}

/* After events were dropped or moved: the lookup an_timeline_find uses,
 * and ranks 1..n in their old order. */
static void reindex(an_site *site)
{
	an_timeline *tl = &site->timeline;
	size_t total = 0;
	for (size_t d = 0; d < tl->n_docs && d < site->n_articles; d++)
		total = tl->doc_first[d] + site->analyses[d].timexes.len;
	for (size_t i = 0; i < total; i++)
		tl->timex_event[i] = -1;
	for (size_t i = 0; i < tl->n_events; i++)
		for (size_t j = 0; j < tl->events[i].n_mentions; j++) {
			const an_mention *m = &tl->events[i].mentions[j];
			if (m->timex >= 0)
				tl->timex_event[tl->doc_first[m->doc] + (size_t)m->timex] = (long)i;
		}
	keyed *k = an_xcalloc(tl->n_events + 1, sizeof *k);
	for (size_t i = 0; i < tl->n_events; i++) {
		k[i].key = (long)tl->events[i].rank;
		k[i].index = i;
	}
	an_qsort(k, tl->n_events, sizeof *k, cmp_keyed);
	for (size_t i = 0; i < tl->n_events; i++)
		tl->events[k[i].index].rank = i + 1;
	free(k);
}

/* on_event over one list of events (dated or not); drops the hidden ones.
 * Sets *redated when a date changed. */
static int events_pass(an_hooks *h, an_site *site, int dated, int *redated, an_error *err)
{
	an_timeline *tl = &site->timeline;
	an_event *evs = dated ? tl->events : tl->undated;
	size_t n = dated ? tl->n_events : tl->n_undated;
	char *keep = an_xcalloc(n + 1, 1);
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		char before[AN_TIMEX_VALUE_MAX];
		int hidden = 0;
		memcpy(before, evs[i].value, sizeof before);
		rc = event_hooks(h, site, &evs[i], dated, &hidden, err);
		keep[i] = !hidden;
		*redated |= strcmp(before, evs[i].value) != 0;
	}
	if (rc == 0) {
		size_t *order = an_xcalloc(n + 1, sizeof *order), m = 0;
		for (size_t i = 0; i < n; i++)
			if (keep[i])
				order[m++] = i;
		if (dated)
			reorder(&tl->events, &tl->n_events, order, m);
		else
			reorder(&tl->undated, &tl->n_undated, order, m);
		free(order);
	}
	free(keep);
	return rc;
}

/* Every on_timeline, each on the result of the one before. */
static int timeline_hooks(an_hooks *h, an_site *site, an_error *err)
{
	lua_State *L = an_sandbox_state(h->sb);
	an_timeline *tl = &site->timeline;
	for (size_t i = 0; i < h->n; i++) {
		lua_createtable(L, (int)tl->n_events, 0);
		for (size_t k = 0; k < tl->n_events; k++) {
			push_event(L, site, &tl->events[k], 1);
			lua_rawseti(L, -2, (lua_Integer)k + 1);
		}
		lua_pushvalue(L, -1);
		int rc = call_hook(h, i, "on_timeline", "events", err);
		if (rc == 1) {
			lua_pop(L, 1);
			continue;
		}
		if (rc < 0) {
			lua_pop(L, 2);
			return -1;
		}
		lua_insert(L, -2);
		tl_rec r = {tl, NULL, NULL, 0, NULL};
		rc = read_protected(L, read_timeline, &r, 2, h->names[i], "on_timeline()", err);
		if (rc == 0) {
			for (size_t k = 0; k < r.n; k++) {
				an_event *ev = &tl->events[r.order[k]];
				free(ev->era);
				ev->era = r.eras[k];
				r.eras[k] = NULL;
			}
			reorder(&tl->events, &tl->n_events, r.order, r.n);
		}
		tl_rec_free(&r);
		if (rc < 0)
			return -1;
	}
	return 0;
}

int an_hooks_timeline(an_hooks *h, an_site *site, an_error *err)
{
	if (!h || !h->sb || (!h->has[2] && !h->has[3]))
		return 0;
	int redated = 0;
	if (h->has[2]) {
		if (events_pass(h, site, 1, &redated, err) < 0 ||
		    events_pass(h, site, 0, &redated, err) < 0)
			return -1;
		if (redated)
			sort_events(&site->timeline, 1, NULL);
	}
	if (h->has[3] && timeline_hooks(h, site, err) < 0)
		return -1;
	reindex(site);
	return 0;
}

int an_hooks_pages(an_hooks *h, an_pages *pages, const an_site *site,
                   const an_theme *theme, an_error *err)
{
	if (!h || !h->sb || !h->has[4])
		return 0;
	lua_State *L = an_sandbox_state(h->sb);
	for (size_t i = h->n_theme_dirs; i < theme->n_dirs; i++, h->n_theme_dirs++)
		if (an_sandbox_add_dir(h->sb, theme->dirs[i], err) < 0)
			return -1;
	an_render_push_site(L, site);
	int rc = 0;
	for (size_t i = 0; i < h->n && rc == 0; i++) {
		lua_pushvalue(L, -1);
		rc = call_hook(h, i, "pages", "site", err);
		if (rc == 1) {
			rc = 0;
			continue;
		}
		if (rc < 0) {
			lua_pop(L, 1);
			break;
		}
		an_pages mine = AN_PAGES_INIT;
		an_buf who = AN_BUF_INIT;
		an_buf_printf(&who, "%s: pages()", h->names[i]);
		rc = an_render_collect_pages(&mine, L, -1, who.ptr, err);
		an_buf_free(&who);
		lua_pop(L, 1);
		for (size_t k = 0; k < mine.len && rc == 0; k++) {
			for (size_t j = 0; j < pages->len && rc == 0; j++)
				if (strcmp(pages->items[j].path, mine.items[k].path) == 0)
					rc = an_error_set(err, h->names[i], 0,
					                  "pages(): \"%s\" is already a page of the theme "
					                  "or of an earlier filter", mine.items[k].path);
			if (rc == 0)
				an_pages_add(pages, mine.items[k].path, mine.items[k].data,
				             mine.items[k].len);
		}
		an_pages_free(&mine);
		if (rc < 0)
			snprintf(err->file, sizeof err->file, "%s", h->names[i]);
	}
	lua_pop(L, 1);
	return rc;
}

void an_hooks_free(an_hooks *h)
{
	if (!h)
		return;
	an_sandbox_free(h->sb);
	for (size_t i = 0; i < h->n; i++)
		free(h->names[i]);
	free(h->names);
	free(h);
}
