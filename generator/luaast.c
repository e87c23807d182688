/* luaast.c - cmark trees to Lua tables and back (see luaast.h).
 *
 * Both directions run inside lua_pcall, so a Lua error (out of memory, a
 * metamethod) cannot jump over C cleanup.  Going back, each node is
 * attached to its parent as soon as it is made, so on an error everything
 * built so far hangs off the root and one cmark_node_free releases it.
 * Fields are read with raw access: a filter's metatables are never run. */
#include "luaast.h"

#include <lauxlib.h>
#include <string.h>

static const struct {
	const char *name;
	cmark_node_type type;
} types[] = {
	{"document", CMARK_NODE_DOCUMENT},
	{"block_quote", CMARK_NODE_BLOCK_QUOTE},
	{"list", CMARK_NODE_LIST},
	{"item", CMARK_NODE_ITEM},
	{"code_block", CMARK_NODE_CODE_BLOCK},
	{"html_block", CMARK_NODE_HTML_BLOCK},
	{"paragraph", CMARK_NODE_PARAGRAPH},
	{"heading", CMARK_NODE_HEADING},
	{"thematic_break", CMARK_NODE_THEMATIC_BREAK},
	{"text", CMARK_NODE_TEXT},
	{"softbreak", CMARK_NODE_SOFTBREAK},
	{"linebreak", CMARK_NODE_LINEBREAK},
	{"code", CMARK_NODE_CODE},
	{"html_inline", CMARK_NODE_HTML_INLINE},
	{"emph", CMARK_NODE_EMPH},
	{"strong", CMARK_NODE_STRONG},
	{"link", CMARK_NODE_LINK},
	{"image", CMARK_NODE_IMAGE},
	{NULL, CMARK_NODE_NONE},
};

static const char *type_name(cmark_node_type t)
{
	for (size_t i = 0; types[i].name; i++)
		if (types[i].type == t)
			return types[i].name;
	return NULL;
}

static int has_literal(cmark_node_type t)
{
	return t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE || t == CMARK_NODE_CODE_BLOCK ||
	       t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE;
}

static void set_string(lua_State *L, const char *key, const char *value)
{
	lua_pushstring(L, value ? value : "");
	lua_setfield(L, -2, key);
}

/* ---- cmark -> Lua ---- */

/* [-0, +1, e] */
static void push_node(lua_State *L, cmark_node *n, int depth)
{
	if (depth > AN_LUAAST_MAX_DEPTH)
		luaL_error(L, "the Markdown is nested more than %d levels deep", AN_LUAAST_MAX_DEPTH);
	luaL_checkstack(L, 4, "Markdown tree");
	cmark_node_type t = cmark_node_get_type(n);
	const char *name = type_name(t);
	lua_createtable(L, 0, 4);
	set_string(L, "type", name ? name : "unknown");
	lua_pushinteger(L, cmark_node_get_start_line(n));
	lua_setfield(L, -2, "line");
	if (has_literal(t))
		set_string(L, "literal", cmark_node_get_literal(n));
	switch (t) {
	case CMARK_NODE_LINK:
	case CMARK_NODE_IMAGE:
		set_string(L, "url", cmark_node_get_url(n));
		set_string(L, "title", cmark_node_get_title(n));
		break;
	case CMARK_NODE_HEADING:
		lua_pushinteger(L, cmark_node_get_heading_level(n));
		lua_setfield(L, -2, "level");
		break;
	case CMARK_NODE_CODE_BLOCK:
		set_string(L, "info", cmark_node_get_fence_info(n));
		break;
	case CMARK_NODE_LIST:
		set_string(L, "list_type",
		           cmark_node_get_list_type(n) == CMARK_ORDERED_LIST ? "ordered" : "bullet");
		lua_pushinteger(L, cmark_node_get_list_start(n));
		lua_setfield(L, -2, "start");
		lua_pushboolean(L, cmark_node_get_list_tight(n));
		lua_setfield(L, -2, "tight");
		set_string(L, "delim",
		           cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM ? "paren" : "period");
		break;
	default:
		break;
	}
	if (cmark_node_first_child(n) || !has_literal(t)) {
		lua_newtable(L);
		lua_Integer i = 0;
		for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
			push_node(L, c, depth + 1);
			lua_rawseti(L, -2, ++i);
		}
		lua_setfield(L, -2, "children");
	}
}

static int push_protected(lua_State *L)
{
	cmark_node *n = lua_touserdata(L, 1);
	push_node(L, n, 0);
	return 1;
}

int an_luaast_push(lua_State *L, cmark_node *node, an_error *err)
{
	lua_pushcfunction(L, push_protected);
	lua_pushlightuserdata(L, node);
	if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
		an_error_set(err, NULL, 0, "Markdown to Lua: %s", lua_tostring(L, -1));
		lua_pop(L, 1);
		lua_pushnil(L);
		return -1;
	}
	return 0;
}

/* ---- Lua -> cmark ---- */

/* The string field `key` of the table on top, or NULL; a non-string is an
 * error.  [-0, +0, e] */
static const char *opt_string(lua_State *L, const char *key, const char *where)
{
	lua_pushstring(L, key);
	lua_rawget(L, -2);
	const char *s = NULL;
	if (lua_type(L, -1) == LUA_TSTRING)
		s = lua_tostring(L, -1);
	else if (!lua_isnil(L, -1))
		luaL_error(L, "%s: '%s' must be a string (got %s)", where, key, luaL_typename(L, -1));
	lua_pop(L, 1); /* the string stays alive in the table */
	return s;
}

static lua_Integer opt_integer(lua_State *L, const char *key, lua_Integer dflt,
                               const char *where)
{
	lua_pushstring(L, key);
	lua_rawget(L, -2);
	lua_Integer v = dflt;
	if (lua_isinteger(L, -1))
		v = lua_tointeger(L, -1);
	else if (!lua_isnil(L, -1))
		luaL_error(L, "%s: '%s' must be an integer (got %s)", where, key, luaL_typename(L, -1));
	lua_pop(L, 1);
	return v;
}

/* Fills `n` (already in the tree) from the table on top, then its
 * children.  [-0, +0, e] */
static void fill_node(lua_State *L, cmark_node *n, int depth)
{
	if (depth > AN_LUAAST_MAX_DEPTH)
		luaL_error(L, "the Markdown tree is nested more than %d levels deep",
		           AN_LUAAST_MAX_DEPTH);
	luaL_checkstack(L, 4, "Markdown tree");
	cmark_node_type t = cmark_node_get_type(n);
	const char *where = type_name(t);
	if (has_literal(t)) {
		const char *lit = opt_string(L, "literal", where);
		cmark_node_set_literal(n, lit ? lit : "");
	}
	switch (t) {
	case CMARK_NODE_LINK:
	case CMARK_NODE_IMAGE: {
		const char *url = opt_string(L, "url", where), *title = opt_string(L, "title", where);
		cmark_node_set_url(n, url ? url : "");
		cmark_node_set_title(n, title ? title : "");
		break;
	}
	case CMARK_NODE_HEADING: {
		lua_Integer level = opt_integer(L, "level", 1, where);
		if (level < 1 || level > 6)
			luaL_error(L, "heading: 'level' must be 1 to 6 (got %d)", (int)level);
		cmark_node_set_heading_level(n, (int)level);
		break;
	}
	case CMARK_NODE_CODE_BLOCK: {
		const char *info = opt_string(L, "info", where);
		cmark_node_set_fence_info(n, info ? info : "");
		break;
	}
	case CMARK_NODE_LIST: {
		const char *lt = opt_string(L, "list_type", where);
		const char *delim = opt_string(L, "delim", where);
		lua_Integer start = opt_integer(L, "start", 1, where);
		if (start < 0 || start > 999999999)
			luaL_error(L, "list: 'start' must be 0 to 999999999");
		cmark_node_set_list_type(n, lt && strcmp(lt, "ordered") == 0 ? CMARK_ORDERED_LIST
		                                                             : CMARK_BULLET_LIST);
		cmark_node_set_list_delim(n, delim && strcmp(delim, "paren") == 0 ? CMARK_PAREN_DELIM
		                                                                 : CMARK_PERIOD_DELIM);
		cmark_node_set_list_start(n, (int)start);
		lua_pushstring(L, "tight");
		lua_rawget(L, -2);
		cmark_node_set_list_tight(n, lua_toboolean(L, -1));
		lua_pop(L, 1);
		break;
	}
	default:
		break;
	}
	lua_pushstring(L, "children");
	lua_rawget(L, -2);
	if (lua_isnil(L, -1)) {
		lua_pop(L, 1);
		return;
	}
	if (!lua_istable(L, -1))
		luaL_error(L, "%s: 'children' must be a list of nodes (got %s)", where,
		           luaL_typename(L, -1));
	lua_Integer len = (lua_Integer)lua_rawlen(L, -1);
	for (lua_Integer i = 1; i <= len; i++) {
		lua_rawgeti(L, -1, i);
		if (!lua_istable(L, -1))
			luaL_error(L, "%s: child %d is not a node table (got %s)", where, (int)i,
			           luaL_typename(L, -1));
		const char *name = opt_string(L, "type", where);
		cmark_node_type ct = CMARK_NODE_NONE;
		for (size_t k = 0; name && types[k].name; k++)
			if (strcmp(types[k].name, name) == 0)
				ct = types[k].type;
		if (ct == CMARK_NODE_NONE || ct == CMARK_NODE_DOCUMENT)
			luaL_error(L, "%s: child %d has %s type '%s'", where, (int)i,
			           name ? "an unknown" : "no", name ? name : "");
		cmark_node *c = cmark_node_new(ct);
		if (!cmark_node_append_child(n, c)) {
			cmark_node_free(c);
			luaL_error(L, "a %s node cannot hold a %s node (child %d)", where, name, (int)i);
		}
		fill_node(L, c, depth + 1);
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
}

static int build_protected(lua_State *L)
{
	cmark_node *root = lua_touserdata(L, 2);
	lua_settop(L, 1);
	if (!lua_istable(L, 1))
		return luaL_error(L, "the filter must give a document node (got %s)",
		                  luaL_typename(L, 1));
	const char *type = opt_string(L, "type", "document");
	if (!type || strcmp(type, "document") != 0)
		return luaL_error(L, "the filter must give a node of type 'document' (got '%s')",
		                  type ? type : "");
	fill_node(L, root, 0);
	return 0;
}

cmark_node *an_luaast_to_cmark(lua_State *L, int idx, an_error *err)
{
	idx = lua_absindex(L, idx);
	cmark_node *root = cmark_node_new(CMARK_NODE_DOCUMENT);
	lua_pushcfunction(L, build_protected);
	lua_pushvalue(L, idx);
	lua_pushlightuserdata(L, root);
	if (lua_pcall(L, 2, 0, 0) != LUA_OK) {
		an_error_set(err, NULL, 0, "Markdown filter: %s", lua_tostring(L, -1));
		lua_pop(L, 1);
		cmark_node_free(root);
		return NULL;
	}
	return root;
}
