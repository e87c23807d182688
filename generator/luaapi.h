/* luaapi.h - the helpers of the `annals` table that every sandboxed state
 * gets besides its core functions: annals.markdown (cmark), annals.url
 * and the string cases of the escapes, from C; the Lua-written
 * annals.escape and annals.date, loaded from lua/annals/ on first use.
 * Nothing here owns memory beyond the state. */
#ifndef AN_LUAAPI_H
#define AN_LUAAPI_H

#include <lua.h>

/* Adds the helpers to the table on top of the stack.  [-0, +0, e] */
void an_luaapi_open(lua_State *L);

/* Largest Markdown text annals.markdown accepts: cmark's memory is outside
 * the sandbox's budget, so the input is bounded instead. */
#define AN_LUAAPI_MARKDOWN_MAX (4u << 20)

#endif
