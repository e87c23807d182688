/* theme.c - theme lookup, `extends` and static merging (see theme.h).
 *
 * A theme's parent is only known once its theme.lua has run, so the chain
 * is loaded one link at a time into the same sandbox, each parent's folder
 * added to the search path before its theme.lua runs: a parent's own
 * require() and templates then resolve in its child first, which is what
 * makes an override of one template or one module work. */
#include "theme.h"
#include "alloc.h"
#include "buf.h"
#include "pool.h"

#include <lauxlib.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The folder of theme NAME that is not already in the chain: a site theme
 * may extend the installed theme of the same name. */
static int find(char *out, const an_theme *t, const an_theme_paths *p, const char *name,
                const char *child, an_error *err)
{
	if (!*name || strchr(name, '/') || strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
		return an_error_set(err, child, 0, "bad theme name \"%s\": use a folder name", name);
	const char *roots[2] = {p->site_root, p->data_dir};
	for (int i = 0; i < 2; i++) {
		char cand[PATH_MAX + 300], lua[PATH_MAX + 320];
		snprintf(cand, sizeof cand, "%s/themes/%s", roots[i], name);
		snprintf(lua, sizeof lua, "%s/theme.lua", cand);
		if (access(lua, R_OK) != 0 || !realpath(cand, out))
			continue;
		size_t k = 0;
		while (k < t->n_dirs && strcmp(t->dirs[k], out) != 0)
			k++;
		if (k == t->n_dirs)
			return 0;
	}
	if (child)
		return an_error_set(err, child, 0,
		                    "extends \"%s\": no such theme in %s/themes or %s/themes that "
		                    "is not already extended (themes extend in a loop?)", name,
		                    p->site_root, p->data_dir);
	return an_error_set(err, NULL, 0, "theme \"%s\" not found in %s/themes or %s/themes",
	                    name, p->site_root, p->data_dir);
}

/* Runs DIR/theme.lua, which must return a table.  [-0, +1] */
static int run_theme_lua(an_sandbox *sb, const char *dir, an_error *err)
{
	lua_State *L = an_sandbox_state(sb);
	an_buf path = AN_BUF_INIT;
	an_buf_printf(&path, "%s/theme.lua", dir);
	int rc = an_sandbox_dofile(sb, path.ptr, path.ptr, err);
	if (rc == 0 && !lua_istable(L, -1))
		rc = an_error_set(err, path.ptr, 0, "theme.lua must return a table (with "
		                  "build(site), or extends = \"name\"); got %s",
		                  luaL_typename(L, -1));
	if (rc < 0 && !err->file[0])
		snprintf(err->file, sizeof err->file, "%s", path.ptr);
	an_buf_free(&path);
	return rc;
}

int an_theme_load(an_theme *t, an_sandbox **out_sb, const an_theme_paths *p,
                  const char *name, an_error *err)
{
	char dir[PATH_MAX];
	*out_sb = NULL;
	if (find(dir, t, p, name, NULL, err) < 0)
		return -1;
	an_buf lua_dir = AN_BUF_INIT;
	an_buf_printf(&lua_dir, "%s/lua", p->data_dir);
	an_sandbox_opts opts = {lua_dir.ptr, dir, p->memory_limit, 0};
	an_sandbox *sb = an_sandbox_new(&opts, err);
	an_buf_free(&lua_dir);
	if (!sb)
		return -1;
	*out_sb = sb;
	if (an_sandbox_grant_all(sb, p->allow, p->n_allow, err) < 0)
		return -1;
	lua_State *L = an_sandbox_state(sb);
	t->dirs[t->n_dirs++] = an_xstrdup(dir);
	if (run_theme_lua(sb, dir, err) < 0)
		return -1;
	int top = lua_gettop(L); /* the theme's table stays here */
	lua_pushvalue(L, -1);    /* the link being followed */
	for (;;) {
		lua_getfield(L, -1, "extends");
		if (lua_isnil(L, -1)) {
			lua_pop(L, 1);
			break;
		}
		an_buf child = AN_BUF_INIT;
		an_buf_printf(&child, "%s/theme.lua", t->dirs[t->n_dirs - 1]);
		int rc = 0;
		if (!lua_isstring(L, -1) || lua_type(L, -1) == LUA_TNUMBER)
			rc = an_error_set(err, child.ptr, 0, "'extends' must be a theme name (a string)");
		else if (t->n_dirs == AN_SANDBOX_MAX_DIRS)
			rc = an_error_set(err, child.ptr, 0, "themes extend one another more than %d "
			                  "deep", AN_SANDBOX_MAX_DIRS);
		else
			rc = find(dir, t, p, lua_tostring(L, -1), child.ptr, err);
		an_buf_free(&child);
		lua_pop(L, 1);
		if (rc < 0 || an_sandbox_add_dir(sb, dir, err) < 0)
			return -1;
		t->dirs[t->n_dirs++] = an_xstrdup(dir);
		if (run_theme_lua(sb, dir, err) < 0)
			return -1;
		lua_pushvalue(L, -1);
		lua_setfield(L, -3, "parent"); /* child.parent = parent */
		lua_remove(L, -2);             /* go on with the parent */
	}
	lua_settop(L, top);
	return 0;
}

typedef struct {
	an_pages *pages;
	const an_emit *emit;
	an_sandbox *sb;
} emitter;

/* emit(path, content [, key]): the page goes to the output now; the list
 * keeps its path, so that a filter's page of the same path is still
 * refused.  `content` is a string, or a function that returns it, called
 * only when the page must be made: with a key (the page's inputs, as the
 * theme names them) the page memo may find that the earlier build wrote
 * this page from the same inputs, and the earlier file is kept.
 * Returns true when the page was made, false when it was kept. */
static int l_emit(lua_State *L)
{
	emitter *em = lua_touserdata(L, lua_upvalueindex(1));
	an_sandbox_progress(em->sb); /* a theme at work is no endless loop */
	size_t path_len, len, key_len = 0;
	const char *path = luaL_checklstring(L, 1, &path_len);
	const char *key = lua_type(L, 3) == LUA_TSTRING ? lua_tolstring(L, 3, &key_len) : NULL;
	if (strlen(path) != path_len || !an_render_path_ok(path))
		return luaL_error(L, "emit: bad page path \"%s\": use a relative path inside "
		                  "the output folder", path);
	if (!lua_isnoneornil(L, 3) && !key)
		return luaL_error(L, "emit: page \"%s\": the key must be a string (got %s)",
		                  path, luaL_typename(L, 3));
	an_pagememo *memo = em->emit ? em->emit->memo : NULL;
	if (key && memo && em->emit->keep && an_pagememo_fresh(memo, path, key, key_len)) {
		if (em->emit->keep(em->emit->payload, path) < 0)
			return luaL_error(L, "emit: the output stopped (see the error below)");
		an_pagememo_record(memo, path, key, key_len);
		an_pages_add(em->pages, path, NULL, 0);
		em->pages->items[em->pages->len - 1].emitted = 1;
		lua_pushboolean(L, 0);
		return 1;
	}
	if (lua_isfunction(L, 2)) {
		lua_pushvalue(L, 2);
		lua_call(L, 0, 1);
		lua_replace(L, 2);
	}
	const char *data = lua_type(L, 2) == LUA_TSTRING ? lua_tolstring(L, 2, &len) : NULL;
	if (!data)
		return luaL_error(L, "emit: page \"%s\" needs its content as a string (got %s)",
		                  path, luaL_typename(L, 2));
	if (!em->emit) {
		an_pages_add(em->pages, path, data, len);
		lua_pushboolean(L, 1);
		return 1;
	}
	if (em->emit->page(em->emit->payload, path, data, len) < 0)
		return luaL_error(L, "emit: the output stopped (see the error below)");
	an_render_forget_made(L);
	if (key && memo)
		an_pagememo_record(memo, path, key, key_len);
	an_pages_add(em->pages, path, NULL, 0);
	em->pages->items[em->pages->len - 1].emitted = 1;
	lua_pushboolean(L, 1);
	return 1;
}

/* One rendering of the theme in a Lua state of its own: the whole site,
 * or with `count` > 1 the share `index` (1-based) of a theme that says
 * `parallel = true`. */
typedef struct {
	const an_site *site;
	const an_render_seeds *seeds;
	const an_theme_paths *p;
	const char *name;
	an_theme theme;
	an_sandbox *sb;
	an_pages pages;
	an_error err;
	int index, count;
	int prepared, parallel, rc;
} shard;

/* Loads the theme and leaves its build function on the stack; reads the
 * `parallel` flag of the table that defines build (a child that writes
 * its own build must say so itself). */
static int shard_prepare(shard *sh)
{
	sh->prepared = 1;
	int rc = an_theme_load(&sh->theme, &sh->sb, sh->p, sh->name, &sh->err);
	if (rc < 0)
		return rc;
	lua_State *L = an_sandbox_state(sh->sb);
	/* the first build up the chain: a theme that only overrides templates
	 * has none of its own */
	lua_pushvalue(L, -1);
	for (;;) {
		lua_getfield(L, -1, "build");
		if (!lua_isnil(L, -1))
			break;
		lua_pop(L, 1);
		lua_getfield(L, -1, "parent");
		lua_remove(L, -2);
		if (!lua_istable(L, -1))
			return an_error_set(&sh->err, sh->theme.dirs[0], 0, "theme.lua returns no "
			                    "build(site) function, and extends no theme that does");
	}
	lua_getfield(L, -2, "parallel");
	sh->parallel = lua_toboolean(L, -1);
	lua_pop(L, 1);
	lua_remove(L, -2);
	if (!lua_isfunction(L, -1))
		return an_error_set(&sh->err, sh->theme.dirs[0], 0,
		                    "'build' in theme.lua must be a function");
	return 0;
}

/* Calls build(site, emit[, {index =, count =}]) and collects what it
 * returns. */
static int shard_run(shard *sh)
{
	lua_State *L = an_sandbox_state(sh->sb);
	emitter em = {&sh->pages, sh->p->emit, sh->sb};
	/* All the push makes stays alive until build() returns: collecting
	 * during it is wasted work.  Then the generational mode: the site table
	 * is old and a page's strings are young, so a minor collection leaves
	 * the site alone, where each incremental cycle marked all of it (at
	 * 10,000 articles: 30% less peak memory, no slower; generational
	 * during the push, when everything is young, was slower).  A minor
	 * collection once the young grow by a tenth (Lua's default is a
	 * fifth): at 10,000 articles 842-878 -> 816-834 MB peak, time within
	 * noise, +0.3% instructions at 1,000; growth by a half or the whole
	 * (multipliers 50, 100) raised the peak to 924 and 1,054 MB. */
	lua_gc(L, LUA_GCSTOP);
	int rc = an_render_push_site_safe(L, sh->site, sh->seeds, &sh->err);
	lua_gc(L, LUA_GCRESTART);
	lua_gc(L, LUA_GCGEN, 10, 0);
	if (rc < 0)
		return rc;
	lua_pushlightuserdata(L, &em);
	lua_pushcclosure(L, l_emit, 1);
	int nargs = 2;
	if (sh->count > 1) {
		lua_createtable(L, 0, 2);
		lua_pushinteger(L, sh->index);
		lua_setfield(L, -2, "index");
		lua_pushinteger(L, sh->count);
		lua_setfield(L, -2, "count");
		nargs = 3;
	}
	if ((rc = an_sandbox_call(sh->sb, nargs, "theme build()", &sh->err)) < 0)
		return rc;
	return an_render_collect_pages(&sh->pages, L, lua_gettop(L), "build()", &sh->err);
}

static void shard_finish(shard *sh)
{
	if (sh->rc < 0 && !sh->err.file[0] && sh->theme.n_dirs)
		snprintf(sh->err.file, sizeof sh->err.file, "%s/theme.lua", sh->theme.dirs[0]);
	an_sandbox_free(sh->sb);
	sh->sb = NULL;
}

static void shard_work(size_t i, void *payload)
{
	shard *sh = &((shard *)payload)[i];
	if (!sh->prepared && (sh->rc = shard_prepare(sh)) < 0) {
		shard_finish(sh);
		return;
	}
	sh->rc = shard_run(sh);
	shard_finish(sh);
}

/* What the kernel could give without swapping (MemAvailable: free memory
 * and the page cache it can drop); 0 when it does not say. */
static size_t available_memory(void)
{
	FILE *f = fopen("/proc/meminfo", "r");
	unsigned long long kb = 0;
	char line[128];
	while (f && fgets(line, sizeof line, f))
		if (sscanf(line, "MemAvailable: %llu kB", &kb) == 1)
			break;
	if (f)
		fclose(f);
	return (size_t)kb * 1024;
}

int an_theme_states(size_t n_articles, int jobs, size_t avail)
{
	if (n_articles < 64 || jobs < 2)
		return 1;
	/* each state holds a copy of the site table (54 KB an article at
	 * 1,000 articles) and as much again of garbage between collections */
	size_t per_state = ((size_t)64 << 20) + n_articles * ((size_t)128 << 10);
	int n = jobs > AN_POOL_MAX ? AN_POOL_MAX : jobs;
	/* extra states only in half of the memory free now: a second copy of
	 * a big site must not push the machine into swap or the OOM killer */
	while (n > 1 && avail && per_state * (size_t)n > avail / 2)
		n--;
	return n;
}

/* How many Lua states render a parallel theme (see an_theme_states):
 * only when pages can go to the output from several threads. */
static int shard_count(const an_theme_paths *p, const an_site *site)
{
	if (!p->emit || !p->emit->threads)
		return 1;
	if (p->jobs > 0)
		return p->jobs > AN_POOL_MAX ? AN_POOL_MAX : p->jobs;
	return an_theme_states(site->n_articles, an_pool_jobs(), available_memory());
}

int an_theme_render(an_pages *out, an_theme *t, const an_site *site,
                    const an_theme_paths *p, const char *name, an_error *err)
{
	int count = shard_count(p, site), made = count;
	an_render_seeds seeds;
	an_render_seeds_make(&seeds, site);
	shard *shards = an_xcalloc((size_t)count, sizeof *shards);
	for (int i = 0; i < count; i++) {
		shards[i] = (shard){site, &seeds, p, name, AN_THEME_INIT, NULL, AN_PAGES_INIT,
		                    AN_ERROR_INIT, i + 1, count, 0, 0, 0};
	}
	/* the first state tells whether the theme can be split at all */
	if ((shards[0].rc = shard_prepare(&shards[0])) < 0 || !shards[0].parallel)
		count = 1;
	/* a page's memo key holds the theme's files: salted before any page */
	if (shards[0].rc == 0 && p->emit && p->emit->memo)
		for (size_t i = 0; i < shards[0].theme.n_dirs; i++)
			an_pagememo_salt_dir(p->emit->memo, shards[0].theme.dirs[i]);
	shards[0].count = count;
	if (shards[0].rc < 0)
		shard_finish(&shards[0]);
	else if (count == 1)
		shard_work(0, shards);
	else
		an_pool_run((size_t)count, shard_work, shards);

	int rc = 0;
	for (int i = 0; i < count; i++) {
		if (shards[i].rc < 0 && rc == 0) {
			*err = shards[i].err;
			rc = -1;
		}
		/* the paths in shard order, so the list reads the same however
		 * the shards were scheduled */
		for (size_t k = 0; k < shards[i].pages.len; k++) {
			an_page *pg = &shards[i].pages.items[k];
			out->items = an_xgrow(out->items, &out->cap, out->len + 1, sizeof *out->items);
			out->items[out->len++] = *pg;
		}
		free(shards[i].pages.items);
	}
	/* the caller's an_theme is the first state's (the chain is the same) */
	*t = shards[0].theme;
	for (int i = 1; i < made; i++)
		an_theme_free(&shards[i].theme);
	free(shards);
	an_render_seeds_free(&seeds);
	return rc;
}

/* Relative paths already written, so a parent's file is skipped. */
typedef struct {
	char **items;
	size_t len, cap;
} path_set;

/* Skips a file the theme or a nearer parent already wrote, and records
 * the others, which the output then holds. */
static int already_written(const char *rel, void *payload)
{
	path_set *s = payload;
	for (size_t i = 0; i < s->len; i++)
		if (strcmp(s->items[i], rel) == 0)
			return 1;
	s->items = an_xgrow(s->items, &s->cap, s->len + 1, sizeof *s->items);
	s->items[s->len++] = an_xstrdup(rel);
	return 0;
}

int an_theme_copy_static(an_output *o, const an_theme *t, an_error *err)
{
	path_set done = {NULL, 0, 0};
	int rc = 0;
	for (size_t i = 0; i < t->n_dirs && rc == 0; i++) {
		an_buf dir = AN_BUF_INIT;
		an_buf_printf(&dir, "%s/static", t->dirs[i]);
		rc = an_output_copy_tree_skip(o, dir.ptr, already_written, &done, err);
		an_buf_free(&dir);
	}
	for (size_t i = 0; i < done.len; i++)
		free(done.items[i]);
	free(done.items);
	return rc;
}

void an_theme_free(an_theme *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n_dirs; i++)
		free(t->dirs[i]);
	t->n_dirs = 0;
}
