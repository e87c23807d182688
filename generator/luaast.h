/* luaast.h - a cmark tree as plain Lua tables and back, for the Markdown
 * filters of hooks.c.  Lua never sees a cmark pointer: the tree is copied
 * into tables ({type =, children =, literal =, url =, ...}; docs/themes.md
 * lists the fields) and a new tree is built from whatever tables the
 * filter returns, checking every node.  The caller owns the cmark trees
 * on both sides. */
#ifndef AN_LUAAST_H
#define AN_LUAAST_H

#include <cmark.h>
#include <lua.h>

#include "error.h"

/* Deepest nesting copied either way; deeper is an error, not a crash. */
#define AN_LUAAST_MAX_DEPTH 500

/* Pushes `node` and its descendants as tables.  [-0, +1]  Returns 0, or
 * -1 with `err` set (too deep, out of Lua memory) and nil pushed. */
int an_luaast_push(lua_State *L, cmark_node *node, an_error *err);
/* Builds a cmark document from the node table at `idx`, which must be of
 * type "document".  [-0, +0]  Returns the tree (caller frees with
 * cmark_node_free), or NULL with `err` saying which node is wrong. */
cmark_node *an_luaast_to_cmark(lua_State *L, int idx, an_error *err);

#endif
