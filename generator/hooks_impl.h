/* hooks_impl.h - what hooks.c (filters, articles, pages) and
 * hooks_events.c (on_event, on_timeline) share; not part of the API.
 * Every function here works on the hooks' own sandbox. */
#ifndef AN_HOOKS_IMPL_H
#define AN_HOOKS_IMPL_H

#include <lua.h>

#include "hooks.h"
#include "config.h"
#include "sandbox.h"

#define REG_FILTERS "annals.filters" /* registry: { hooks table, ... } */

struct an_hooks {
	an_sandbox *sb; /* NULL without filters */
	char **names;   /* "filters/x.lua", for messages */
	size_t n;
	int has[5]; /* per hook_names: does any filter define it */
	size_t n_theme_dirs; /* theme folders added for pages() */
	int granted;         /* lua.allow applied (once the config is known) */
};

/* Applies the site's lua.allow to the filters' sandbox, once: hooks are
 * loaded before annals.yaml is read, so grants reach them when the first
 * hook runs (not a filter file's top level).  Returns 0 or -1. */
int an_hooks_grant(an_hooks *h, const an_config *cfg, an_error *err);

/* Calls filter i's hook `name` on the value on top of the stack (which it
 * pops), leaving the result; `about` names the thing in messages.
 * [-1, +(0|1)]  Returns 0, 1 when the filter has no such hook (nothing
 * pushed), -1 on error (nil pushed, `err` naming the filter file). */
int an_hooks_call(an_hooks *h, size_t i, const char *name, const char *about,
                  an_error *err);
/* Runs `fn` in a protected call on the top `nargs` values plus `rec` (as
 * a light userdata, last), to read a hook's result into the C record
 * `rec`.  [-nargs, +0]  On error sets `err` ("FILE: WHAT: message"). */
int an_hooks_read(lua_State *L, lua_CFunction fn, void *rec, int nargs, const char *file,
                  const char *what, an_error *err);
/* Pushes the raw field `key` of the table at `idx`; returns its type.
 * [-0, +1, m] */
int an_hooks_rawfield(lua_State *L, int idx, const char *key);
/* The string field `key` (raw), or NULL when nil and not `required`; any
 * other type raises.  Borrowed from the table.  [-0, +0, e] */
const char *an_hooks_str_field(lua_State *L, int idx, const char *key, int required);
/* Replaces *slot with a copy of s (NULL allowed). */
void an_hooks_put(char **slot, const char *s);

#endif
