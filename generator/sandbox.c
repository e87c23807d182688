/* sandbox.c - the restricted Lua state (see sandbox.h).
 *
 * Limits are enforced from C, where a script cannot reach them: the
 * allocator refuses to grow past the budget (Lua raises "not enough
 * memory"), and the watchdog (watchdog.c) sets a hook that raises once a
 * call has run too long.  That hook fires on every instruction, so a
 * script that catches the error with pcall fails again at its very next
 * instruction, in the frame outside the pcall, until the error reaches the
 * top. */
#include "sandbox.h"
#include "alloc.h"
#include "buf.h"
#include "date.h"
#include "load.h"
#include "luaapi.h"
#include "watchdog.h"

#include <lauxlib.h>
#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct an_sandbox {
	lua_State *L;
	size_t used, limit;
	long time_limit_ms;
	int depth;      /* an_sandbox_call nesting: the outermost is watched */
	int watchdog;   /* an_watchdog_acquire succeeded */
	an_watch watch;
	char *lua_dir, *theme_dir;
	char *more_dirs[AN_SANDBOX_MAX_DIRS]; /* an_sandbox_add_dir, searched in order */
	size_t n_more;
};

static void *budget_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
	an_sandbox *sb = ud;
	if (nsize == 0) {
		free(ptr);
		sb->used -= ptr ? osize : 0;
		return NULL;
	}
	size_t old = ptr ? osize : 0;
	if (nsize > old && sb->used + (nsize - old) > sb->limit)
		return NULL; /* Lua turns this into a "not enough memory" error */
	/* (most calls make a new block: malloc's path is the shorter) */
	void *p = ptr ? realloc(ptr, nsize) : malloc(nsize);
	if (p)
		sb->used = sb->used - old + nsize;
	return p;
}

static an_sandbox *self(lua_State *L)
{
	void *ud;
	lua_getallocf(L, &ud);
	return ud;
}

/* Set by the watchdog once a call has run too long; stays set (count 1)
 * until an_sandbox_call's end takes it off. */
static void stop_hook(lua_State *L, lua_Debug *ar)
{
	(void)ar;
	an_sandbox *sb = self(L);
	char secs[32]; /* lua_pushfstring has no %g */
	snprintf(secs, sizeof secs, "%g", sb->time_limit_ms / 1000.0);
	luaL_error(L, "the Lua code ran too long (%s s of CPU time without returning or "
	              "emitting a page); look for an endless loop", secs);
}

/* Reads a text file below `dir`; `rel` must not climb out of it. */
static int read_below(an_buf *out, const char *dir, const char *rel)
{
	if (!rel[0] || rel[0] == '/' || strstr(rel, "..") || strchr(rel, '\\'))
		return -1;
	an_buf path = AN_BUF_INIT;
	an_buf_printf(&path, "%s/%s", dir, rel);
	an_error err = AN_ERROR_INIT;
	int rc = an_load_file(out, path.ptr, &err);
	an_buf_free(&path);
	return rc;
}

static int load_text(lua_State *L, const char *code, size_t len, const char *name)
{
	return luaL_loadbufferx(L, code, len, name, "t");
}

/* annals.load_text(code, chunkname [, env]) -> function | nil, message
 * [-(2|3), +(1|2), -] */
static int l_load_text(lua_State *L)
{
	size_t len;
	const char *code = luaL_checklstring(L, 1, &len);
	const char *name = luaL_optstring(L, 2, "=(load_text)");
	int has_env = !lua_isnoneornil(L, 3);
	if (load_text(L, code, len, name) != LUA_OK) {
		lua_pushnil(L);
		lua_insert(L, -2);
		return 2;
	}
	if (has_env) {
		lua_pushvalue(L, 3);
		if (!lua_setupvalue(L, -2, 1))
			lua_pop(L, 1);
	}
	return 1;
}

/* The folders searched for templates and modules after the annals Lua
 * folder: the theme, then each added folder (a parent theme, filters/). */
static const char *search_dir(const an_sandbox *sb, size_t i)
{
	return i == 0 ? sb->theme_dir : i <= sb->n_more ? sb->more_dirs[i - 1] : NULL;
}

/* annals.read_template(name) -> string   [-1, +1, e] */
static int l_read_template(lua_State *L)
{
	const char *name = luaL_checkstring(L, 1);
	an_sandbox *sb = self(L);
	an_buf dir = AN_BUF_INIT, text = AN_BUF_INIT;
	int rc = -1;
	for (size_t i = 0; rc < 0 && search_dir(sb, i); i++) {
		an_buf_clear(&dir);
		an_buf_printf(&dir, "%s/templates", search_dir(sb, i));
		rc = read_below(&text, dir.ptr, name);
	}
	an_buf_free(&dir);
	if (rc < 0) {
		an_buf_free(&text);
		return luaL_error(L, "template '%s' not found in %s/templates", name,
		                  sb->theme_dir);
	}
	lua_pushlstring(L, text.ptr, text.len);
	an_buf_free(&text);
	return 1;
}

/* annals.date_label(value [, mod]) -> string   [-(1|2), +1, e] */
static int l_date_label(lua_State *L)
{
	const char *value = luaL_checkstring(L, 1);
	const char *mod = luaL_optstring(L, 2, "");
	an_buf b = AN_BUF_INIT;
	an_value_label(&b, value, mod);
	lua_pushlstring(L, b.ptr, b.len);
	an_buf_free(&b);
	return 1;
}

/* require(name): modules from the annals Lua folder, then the theme.
 * Results are cached in the registry table "annals.loaded".
 * [-1, +1, e] */
static int l_require(lua_State *L)
{
	const char *name = luaL_checkstring(L, 1);
	an_sandbox *sb = self(L);
	lua_getfield(L, LUA_REGISTRYINDEX, "annals.loaded");
	lua_getfield(L, -1, name);
	if (!lua_isnil(L, -1))
		return 1;
	lua_pop(L, 1);
	/* dotted words only: "annals.template"; no empty part, so one module
	 * has one name (and one cache entry) */
	for (const char *p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '_' || *p == '-' ||
		      (*p == '.' && p > name && p[-1] != '.' && p[1] && p[1] != '.')))
			return luaL_error(L, "require: bad module name '%s'", name);
	an_buf rel = AN_BUF_INIT, text = AN_BUF_INIT;
	for (const char *p = name; *p; p++)
		an_buf_putc(&rel, *p == '.' ? '/' : *p);
	an_buf_puts(&rel, ".lua");
	const char *found = NULL;
	if (read_below(&text, sb->lua_dir, rel.ptr) == 0)
		found = sb->lua_dir;
	for (size_t i = 0; !found && search_dir(sb, i); i++)
		if (read_below(&text, search_dir(sb, i), rel.ptr) == 0)
			found = search_dir(sb, i);
	if (!found) {
		an_buf_free(&rel);
		an_buf_free(&text);
		return luaL_error(L, "module '%s' not found in %s or %s", name, sb->lua_dir,
		                  sb->theme_dir);
	}
	an_buf chunk = AN_BUF_INIT;
	an_buf_printf(&chunk, "@%s/%s", found, rel.ptr);
	int rc = load_text(L, text.ptr, text.len, chunk.ptr);
	an_buf_free(&chunk);
	an_buf_free(&rel);
	an_buf_free(&text);
	if (rc != LUA_OK)
		return lua_error(L);
	lua_pushstring(L, name);
	lua_call(L, 1, 1);
	if (lua_isnil(L, -1)) {
		lua_pop(L, 1);
		lua_pushboolean(L, 1);
	}
	lua_pushvalue(L, -1);
	lua_setfield(L, -3, name);
	return 1;
}

/* print(...) goes to stderr, marked as the theme's, never into the site.
 * [-n, +0, -] */
static int l_print(lua_State *L)
{
	int n = lua_gettop(L);
	fputs("annals: theme:", stderr);
	for (int i = 1; i <= n; i++)
		fprintf(stderr, " %s", luaL_tolstring(L, i, NULL));
	fputc('\n', stderr);
	return 0;
}

static void open_safe_libs(lua_State *L)
{
	static const luaL_Reg libs[] = {
		{LUA_GNAME, luaopen_base},       {LUA_TABLIBNAME, luaopen_table},
		{LUA_STRLIBNAME, luaopen_string}, {LUA_MATHLIBNAME, luaopen_math},
		{LUA_UTF8LIBNAME, luaopen_utf8},  {NULL, NULL}};
	for (const luaL_Reg *l = libs; l->func; l++) {
		luaL_requiref(L, l->name, l->func, 1);
		lua_pop(L, 1);
	}
	static const char *const removed[] = {"dofile", "loadfile", "load", NULL};
	for (const char *const *r = removed; *r; r++) {
		lua_pushnil(L);
		lua_setglobal(L, *r);
	}
	/* string.dump makes binary chunks; nothing here may load them anyway */
	lua_getglobal(L, "string");
	lua_pushnil(L);
	lua_setfield(L, -2, "dump");
	lua_pop(L, 1);
}

an_sandbox *an_sandbox_new(const an_sandbox_opts *opts, an_error *err)
{
	an_sandbox *sb = an_xcalloc(1, sizeof *sb);
	sb->limit = opts->memory_limit ? opts->memory_limit : (size_t)512 << 20;
	sb->time_limit_ms = opts->time_limit_ms ? opts->time_limit_ms : AN_SANDBOX_TIME_LIMIT_MS;
	sb->watchdog = an_watchdog_acquire() == 0;
	sb->lua_dir = an_xstrdup(opts->lua_dir);
	sb->theme_dir = an_xstrdup(opts->theme_dir);
	sb->L = lua_newstate(budget_alloc, sb);
	if (!sb->L) {
		an_error_set(err, NULL, 0, "cannot start Lua (out of memory)");
		an_sandbox_free(sb);
		return NULL;
	}
	lua_State *L = sb->L;
	open_safe_libs(L);
	lua_newtable(L);
	lua_setfield(L, LUA_REGISTRYINDEX, "annals.loaded");
	lua_register(L, "require", l_require);
	lua_register(L, "print", l_print);

	lua_newtable(L);
	lua_pushstring(L, AN_VERSION);
	lua_setfield(L, -2, "version");
	static const luaL_Reg api[] = {{"load_text", l_load_text},
	                               {"read_template", l_read_template},
	                               {"date_label", l_date_label},
	                               {NULL, NULL}};
	luaL_setfuncs(L, api, 0);
	an_luaapi_open(L);
	lua_setglobal(L, "annals");
	return sb;
}

int an_sandbox_add_dir(an_sandbox *sb, const char *dir, an_error *err)
{
	if (sb->n_more == AN_SANDBOX_MAX_DIRS)
		return an_error_set(err, dir, 0, "more than %d folders for templates and modules "
		                    "(a theme extends too many others)", AN_SANDBOX_MAX_DIRS);
	sb->more_dirs[sb->n_more++] = an_xstrdup(dir);
	return 0;
}

lua_State *an_sandbox_state(an_sandbox *sb)
{
	return sb->L;
}

void an_sandbox_progress(an_sandbox *sb)
{
	an_watch_progress(&sb->watch);
}

static int traceback(lua_State *L)
{
	const char *msg = lua_tostring(L, 1);
	if (!msg)
		msg = luaL_tolstring(L, 1, NULL);
	luaL_traceback(L, L, msg, 1);
	return 1;
}

int an_sandbox_call(an_sandbox *sb, int nargs, const char *what, an_error *err)
{
	lua_State *L = sb->L;
	int base = lua_gettop(L) - nargs;
	lua_pushcfunction(L, traceback);
	lua_insert(L, base);
	if (sb->depth++ == 0)
		an_watch_begin(&sb->watch, L, stop_hook, sb->time_limit_ms);
	int rc = lua_pcall(L, nargs, 1, base);
	if (--sb->depth == 0)
		an_watch_end(&sb->watch);
	lua_remove(L, base);
	if (rc != LUA_OK) {
		const char *msg = lua_tostring(L, -1);
		an_error_set(err, NULL, 0, "%s failed: %s", what, msg ? msg : "(no message)");
		lua_pop(L, 1);
		lua_pushnil(L);
		return -1;
	}
	return 0;
}

int an_sandbox_dofile(an_sandbox *sb, const char *path, const char *name, an_error *err)
{
	an_buf text = AN_BUF_INIT;
	if (an_load_file(&text, path, err) < 0) {
		lua_pushnil(sb->L);
		an_buf_free(&text);
		return -1;
	}
	an_buf chunk = AN_BUF_INIT;
	an_buf_printf(&chunk, "@%s", name);
	int rc = load_text(sb->L, text.ptr, text.len, chunk.ptr);
	an_buf_free(&chunk);
	an_buf_free(&text);
	if (rc != LUA_OK) {
		an_error_set(err, NULL, 0, "%s", lua_tostring(sb->L, -1));
		lua_pop(sb->L, 1);
		lua_pushnil(sb->L);
		return -1;
	}
	return an_sandbox_call(sb, 0, name, err);
}

/* What a site may grant: reading the environment and the clock.  Nothing
 * that runs programs, touches files or loads code is on the list, whatever
 * annals.yaml says. */
static const char *const grantable[] = {"os.getenv", "os.time", "os.date", "os.clock",
                                        NULL};

int an_sandbox_grantable(const char *name)
{
	for (const char *const *g = grantable; *g; g++)
		if (strcmp(*g, name) == 0)
			return 1;
	return 0;
}

const char *an_sandbox_grantable_list(void)
{
	return "os.getenv, os.time, os.date and os.clock";
}

int an_sandbox_grant(an_sandbox *sb, const char *name, an_error *err)
{
	if (!an_sandbox_grantable(name))
		return an_error_set(err, NULL, 0, "lua.allow: '%s' cannot be granted; annals can "
		                                  "grant %s", name, an_sandbox_grantable_list());
	lua_State *L = sb->L;
	/* the real os library, opened apart (not made global), lends one
	 * function to a global `os` that holds only what was granted */
	luaL_requiref(L, LUA_OSLIBNAME, luaopen_os, 0);
	lua_getfield(L, -1, name + 3);
	lua_getglobal(L, "os");
	if (!lua_istable(L, -1)) {
		lua_pop(L, 1);
		lua_newtable(L);
		lua_pushvalue(L, -1);
		lua_setglobal(L, "os");
	}
	lua_insert(L, -2);
	lua_setfield(L, -2, name + 3);
	lua_pop(L, 2);
	return 0;
}

int an_sandbox_grant_all(an_sandbox *sb, char *const *names, size_t n, an_error *err)
{
	for (size_t i = 0; i < n; i++)
		if (an_sandbox_grant(sb, names[i], err) < 0)
			return -1;
	return 0;
}

void an_sandbox_free(an_sandbox *sb)
{
	if (!sb)
		return;
	if (sb->L)
		lua_close(sb->L);
	if (sb->watchdog)
		an_watchdog_release();
	free(sb->lua_dir);
	free(sb->theme_dir);
	for (size_t i = 0; i < sb->n_more; i++)
		free(sb->more_dirs[i]);
	free(sb);
}
