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
#include "hooks_impl.h"
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

#define REG_WALK "annals.ast.walk"

static const char *const hook_names[] = {"on_article", "markdown", "on_event",
                                         "on_timeline", "pages", NULL};


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
 * (so the file cannot change them later).  (table, name)  [-2, +1, e] */
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
	an_sandbox_opts so = {o->lua_dir, dir.ptr, o->memory_limit, o->time_limit_ms};
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
int an_hooks_call(an_hooks *h, size_t i, const char *name, const char *about,
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
int an_hooks_read(lua_State *L, lua_CFunction fn, void *rec, int nargs,
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
int an_hooks_rawfield(lua_State *L, int idx, const char *key)
{
	idx = lua_absindex(L, idx);
	lua_pushstring(L, key);
	return lua_rawget(L, idx);
}

/* A string field, or NULL when absent; other types raise.  [-0, +0, e] */
const char *an_hooks_str_field(lua_State *L, int idx, const char *key, int required)
{
	int t = an_hooks_rawfield(L, idx, key);
	const char *s = t == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
	lua_pop(L, 1); /* the string is kept alive by the table */
	if (t != LUA_TSTRING && (t != LUA_TNIL || required))
		luaL_error(L, "'%s' must be a string (got %s)", key, lua_typename(L, t));
	return s;
}

void an_hooks_put(char **slot, const char *s)
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
	const char *title = an_hooks_str_field(L, a, "title", 1);
	if (!*title)
		return luaL_error(L, "'title' must not be empty");
	an_hooks_put(&r->title, title);
	const char *slug = an_hooks_str_field(L, a, "slug", 1);
	if (!slug_ok(slug))
		return luaL_error(L, "'slug' \"%s\" may only use letters, digits, '-' and '_'", slug);
	an_hooks_put(&r->slug, slug);
	an_hooks_put(&r->source, an_hooks_str_field(L, a, "source", 0));
	an_hooks_put(&r->original, an_hooks_str_field(L, a, "original", 0));
	const char *date = an_hooks_str_field(L, a, "date", 0);
	an_date d;
	if (date && an_date_parse_iso(&d, date) < 0)
		return luaL_error(L, "'date' must be a date as YYYY-MM-DD (got \"%s\")", date);
	an_hooks_put(&r->date, date);
	an_hooks_put(&r->body, an_hooks_str_field(L, a, "body", 1));
	int pt = an_hooks_rawfield(L, a, "params");
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
	an_hooks_put(&a->meta.title, r->title);
	an_hooks_put(&a->slug, r->slug);
	an_hooks_put(&a->meta.source, r->source ? r->source : "unknown");
	an_hooks_put(&a->meta.original, r->original);
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
		int rc = an_hooks_call(h, i, "on_article", a->path, err);
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
		rc = an_hooks_read(L, read_article, &r, 2, h->names[i], what.ptr, err);
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

int an_hooks_grant(an_hooks *h, const an_config *cfg, an_error *err)
{
	if (!h || !h->sb || h->granted)
		return 0;
	h->granted = 1;
	return an_sandbox_grant_all(h->sb, cfg->lua_allow, cfg->n_lua_allow, err);
}

int an_hooks_articles(an_site *site, void *payload, an_error *err)
{
	an_hooks *h = payload;
	if (!h || !h->sb || (!h->has[0] && !h->has[1]))
		return 0;
	if (an_hooks_grant(h, &site->config, err) < 0)
		return -1;
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

int an_hooks_pages(an_hooks *h, an_pages *pages, const an_site *site,
                   const an_theme *theme, an_error *err)
{
	if (!h || !h->sb || !h->has[4])
		return 0;
	if (an_hooks_grant(h, &site->config, err) < 0)
		return -1;
	lua_State *L = an_sandbox_state(h->sb);
	for (size_t i = h->n_theme_dirs; i < theme->n_dirs; i++, h->n_theme_dirs++)
		if (an_sandbox_add_dir(h->sb, theme->dirs[i], err) < 0)
			return -1;
	an_render_push_site(L, site);
	int rc = 0;
	for (size_t i = 0; i < h->n && rc == 0; i++) {
		lua_pushvalue(L, -1);
		rc = an_hooks_call(h, i, "pages", "site", err);
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
