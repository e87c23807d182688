/* sandbox.h - a Lua 5.4 state safe to hand to themes and filters.
 * Only base, table, string, math and utf8 are open (no io, os, package,
 * debug; no dofile/loadfile/load); memory is capped by an allocator budget
 * and each call's running time by the watchdog (watchdog.h); chunks load
 * as text only.
 * `require` finds modules in the annals Lua folder, the theme folder and
 * the folders added with an_sandbox_add_dir.
 * The sandbox owns its lua_State; free with an_sandbox_free. */
#ifndef AN_SANDBOX_H
#define AN_SANDBOX_H

#include <lua.h>
#include <stddef.h>

#include "error.h"

typedef struct an_sandbox an_sandbox;

typedef struct {
	const char *lua_dir;    /* annals' Lua modules (require "annals.x") */
	const char *theme_dir;  /* the theme: theme.lua, templates/, modules */
	size_t memory_limit;    /* bytes; 0 for the default (512 MiB) */
	/* CPU time one call may run without returning or an
	 * an_sandbox_progress; 0 for the default */
	long time_limit_ms;
} an_sandbox_opts;

#define AN_SANDBOX_TIME_LIMIT_MS 120000L

/* Creates the state with the `annals` table installed.  Returns NULL and
 * sets `err` when Lua cannot start. */
an_sandbox *an_sandbox_new(const an_sandbox_opts *opts, an_error *err);
/* Borrowed, valid until an_sandbox_free. */
lua_State *an_sandbox_state(an_sandbox *sb);
/* Loads and runs the text file `path` (chunk name shown as `name`), leaving
 * its first result on the stack.  [-0, +1]  Returns 0, or -1 with `err`
 * holding the Lua message and traceback. */
int an_sandbox_dofile(an_sandbox *sb, const char *path, const char *name, an_error *err);
/* Calls the function below `nargs` arguments on the stack with a traceback
 * handler; one result.  [-(nargs+1), +1]  Returns 0 or -1 with `err` set
 * (the error names `what`, e.g. "theme build()"). */
int an_sandbox_call(an_sandbox *sb, int nargs, const char *what, an_error *err);
/* Tells the watchdog that the running call is getting on (a theme emitted
 * a page): its time limit starts again.  From C code the call runs. */
void an_sandbox_progress(an_sandbox *sb);
/* Adds a folder searched after the theme folder (and earlier added ones)
 * for templates (DIR/templates/NAME) and modules (DIR/NAME.lua): a parent
 * theme, the site's filters/.  Returns 0, or -1 past AN_SANDBOX_MAX_DIRS. */
#define AN_SANDBOX_MAX_DIRS 8
int an_sandbox_add_dir(an_sandbox *sb, const char *dir, an_error *err);
/* Grants one function a site asked for in annals.yaml (lua.allow), e.g.
 * "os.getenv": it appears in the state's `os` table.  Returns 0, or -1 with
 * `err` set for a name that cannot be granted. */
int an_sandbox_grant(an_sandbox *sb, const char *name, an_error *err);
/* Grants every name of a NULL-free list of n names (the config's). */
int an_sandbox_grant_all(an_sandbox *sb, char *const *names, size_t n, an_error *err);
/* 1 when `name` is one annals can grant; the list, for messages. */
int an_sandbox_grantable(const char *name);
const char *an_sandbox_grantable_list(void);
void an_sandbox_free(an_sandbox *sb);

#endif
