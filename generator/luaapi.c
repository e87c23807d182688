/* luaapi.c - annals.markdown, annals.url and the lazily loaded helpers
 * (see luaapi.h).
 *
 * annals.markdown renders in cmark's safe mode whatever annals.yaml says:
 * its input is theme or site data (a parameter, a note), and raw HTML in it
 * would bypass the escaping that templates otherwise guarantee. */
#include "luaapi.h"
#include "buf.h"

#include <cmark.h>
#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>

/* annals.markdown(text) -> html   [-1, +1, e] */
static int l_markdown(lua_State *L)
{
	size_t len;
	const char *text = luaL_checklstring(L, 1, &len);
	if (len > AN_LUAAPI_MARKDOWN_MAX)
		return luaL_error(L, "annals.markdown: text of %I bytes is over the limit of %I",
		                  (lua_Integer)len, (lua_Integer)AN_LUAAPI_MARKDOWN_MAX);
	/* control characters other than tab and newlines are not valid in
	 * HTML; cmark passes them through */
	an_buf clean = AN_BUF_INIT;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		if (!((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F))
			an_buf_putc(&clean, (char)c);
	}
	char *html = cmark_markdown_to_html(clean.ptr ? clean.ptr : "", clean.len,
	                                    CMARK_OPT_VALIDATE_UTF8);
	an_buf_free(&clean);
	lua_pushstring(L, html);
	free(html);
	return 1;
}

/* What escape_string stops at, by byte: 1 for the C0 controls but tab, LF
 * and CR (not allowed in HTML or XML 1.0: dropped), 2 for & < > " ' and
 * the lead byte of U+FFFE/U+FFFF.  Every other byte is copied as it is. */
static const unsigned char escape_class[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	['&'] = 2, ['<'] = 2, ['>'] = 2, ['"'] = 2, ['\''] = 2, [0xEF] = 2,
};

/* The length of the run of s[i, len) that escape_string copies as it is. */
static size_t plain_run(const unsigned char *s, size_t i, size_t len)
{
	size_t k = i;
	while (k < len && !escape_class[s[k]])
		k++;
	return k - i;
}

/* annals.escape_string(s) -> s as HTML text   [-1, +1, e]
 * The string case of annals.escape (template.lua), which every {{ }} of
 * every page goes through: in Lua it was three pattern passes.  Same
 * result: controls dropped first, then U+FFFE/U+FFFF, then & < > " '
 * escaped; a string with none of them comes back as it is.  Plain runs
 * are found by a table and copied whole. */
static int l_escape_string(lua_State *L)
{
	size_t len;
	const char *s = luaL_checklstring(L, 1, &len);
	const unsigned char *t = (const unsigned char *)s;
	size_t i = plain_run(t, 0, len);
	if (i == len) {
		lua_settop(L, 1);
		return 1;
	}
	/* Controls go before the rest is read, so that bytes they parted can
	 * make a U+FFFE: a copy without them, only for a string that has one
	 * (rare: the common case reads s itself). */
	an_buf clean = AN_BUF_INIT;
	for (size_t k = i; k < len; k++)
		if (escape_class[t[k]] == 1) {
			for (size_t j = 0; j < len; j++)
				if (escape_class[t[j]] != 1)
					an_buf_putc(&clean, (char)t[j]);
			t = (const unsigned char *)(clean.ptr ? clean.ptr : "");
			len = clean.len;
			i = plain_run(t, 0, len);
			break;
		}
	luaL_Buffer b;
	luaL_buffinit(L, &b);
	luaL_addlstring(&b, (const char *)t, i);
	for (size_t k = i; k < len; k++) {
		switch (t[k]) {
		case '&': luaL_addstring(&b, "&amp;"); break;
		case '<': luaL_addstring(&b, "&lt;"); break;
		case '>': luaL_addstring(&b, "&gt;"); break;
		case '"': luaL_addstring(&b, "&quot;"); break;
		case '\'': luaL_addstring(&b, "&#39;"); break;
		case 0xEF:
			if (k + 2 < len && t[k + 1] == 0xBF && (t[k + 2] == 0xBE || t[k + 2] == 0xBF)) {
				k += 2;
				break;
			}
			/* fall through */
		default: luaL_addchar(&b, (char)t[k]);
		}
		size_t run = plain_run(t, k + 1, len);
		luaL_addlstring(&b, (const char *)t + k + 1, run);
		k += run;
	}
	an_buf_free(&clean);
	luaL_pushresult(&b);
	return 1;
}

/* The escape of template.lua made by annals.escaper(Safe): what every
 * {{ }} of every page calls, in C so that the common cases (a string, a
 * number, nil, a safe string) cost no Lua call.  Upvalue 1: Safe, the
 * metatable of safe strings.  [-1, +1, e] */
static int l_escape_value(lua_State *L)
{
	switch (lua_type(L, 1)) {
	case LUA_TSTRING:
		lua_settop(L, 1);
		return l_escape_string(L);
	case LUA_TNIL:
	case LUA_TNONE:
		lua_pushliteral(L, "");
		return 1;
	case LUA_TNUMBER:
	case LUA_TBOOLEAN:
		luaL_tolstring(L, 1, NULL);
		return 1;
	case LUA_TTABLE:
		if (lua_getmetatable(L, 1) && lua_rawequal(L, -1, lua_upvalueindex(1))) {
			lua_rawgeti(L, 1, 1);
			return 1;
		}
		break;
	}
	/* as error(msg, 2) in Lua: where the caller of escape is */
	luaL_where(L, 1);
	lua_pushfstring(L, "cannot output a %s value", luaL_typename(L, 1));
	lua_concat(L, 2);
	return lua_error(L);
}

/* annals.escaper(Safe) -> escape   [-1, +1, -] */
static int l_escaper(lua_State *L)
{
	luaL_checktype(L, 1, LUA_TTABLE);
	lua_settop(L, 1);
	lua_pushcclosure(L, l_escape_value, 1);
	return 1;
}

/* annals.json_string(s) -> s as a JSON string literal, quotes included
 * [-1, +1, e]
 * The string case of annals.json (json.lua), which writes every sentence
 * of the search index: the same escapes, in one pass instead of a gsub
 * with a function per match.  " \ and LF CR tab get their short escapes,
 * "<" is \u003c (the text may sit in a <script>), and the other ASCII
 * controls (0-31 and 127, as Lua's %c) are \u00XX. */
static int l_json_string(lua_State *L)
{
	size_t len;
	const char *s = luaL_checklstring(L, 1, &len);
	luaL_Buffer b;
	luaL_buffinit(L, &b);
	luaL_addchar(&b, '"');
	size_t run = 0; /* start of the bytes not yet added */
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *esc = NULL;
		char hex[8];
		switch (c) {
		case '"': esc = "\\\""; break;
		case '\\': esc = "\\\\"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\t': esc = "\\t"; break;
		case '<': esc = "\\u003c"; break;
		default:
			if (c < 0x20 || c == 0x7F) {
				snprintf(hex, sizeof hex, "\\u%04x", c);
				esc = hex;
			}
		}
		if (!esc)
			continue;
		luaL_addlstring(&b, s + run, i - run);
		luaL_addstring(&b, esc);
		run = i + 1;
	}
	luaL_addlstring(&b, s + run, len - run);
	luaL_addchar(&b, '"');
	luaL_pushresult(&b);
	return 1;
}

/* A segment of a path: its bytes, not 0-terminated. */
typedef struct {
	const char *p;
	size_t len;
} url_seg;

/* The segments of s[0, n) into out (room for n / 2 + 1): empty segments
 * and "." are skipped, so that "a//b" and "./a/b" mean "a/b".  ".." is an
 * error at the caller of url: pages never leave the output folder.
 * Returns the count.  [-0, +0, e] */
static size_t split_segments(lua_State *L, const char *s, size_t n, const char *what,
                             url_seg *out)
{
	size_t count = 0;
	for (size_t b = 0; b < n;) {
		const char *slash = memchr(s + b, '/', n - b);
		size_t e = slash ? (size_t)(slash - s) : n, l = e - b;
		if (l == 2 && s[b] == '.' && s[b + 1] == '.') {
			luaL_where(L, 1);
			lua_pushfstring(L, "%s path '", what);
			lua_pushlstring(L, s, n);
			lua_pushliteral(L, "' contains '..'");
			lua_concat(L, 4);
			lua_error(L);
		}
		if (l && !(l == 1 && s[b] == '.'))
			out[count++] = (url_seg){s + b, l};
		b = e + 1;
	}
	return count;
}

/* Room for the segments of a path of n bytes: on the stack (`stack`, of
 * URL_STACK_SEGS) for what pages link, else a userdata.  [-0, +(0|1), m] */
#define URL_STACK_SEGS 32

static url_seg *segments_room(lua_State *L, size_t n, url_seg *stack)
{
	if (n / 2 + 1 <= URL_STACK_SEGS)
		return stack;
	return lua_newuserdatauv(L, (n / 2 + 1) * sizeof(url_seg), 0);
}

static int ascii_letter(char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* Whether a link is left as it is: a scheme ("https:", "mailto:"), a
 * "/rooted" or "//host" path, a bare "#fragment". */
static int url_kept(const char *to, size_t n)
{
	if (n && (to[0] == '/' || to[0] == '#'))
		return 1;
	if (!n || !ascii_letter(to[0]))
		return 0;
	for (size_t i = 1; i < n; i++) {
		char c = to[i];
		if (c == ':')
			return 1;
		if (!(ascii_letter(c) || (c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-'))
			return 0;
	}
	return 0;
}

/* annals.url(from, to) -> the relative link from output page `from` to
 * output path `to`, both "/"-separated and relative to the output folder;
 * the last segment of `from` is the page, the others its folders.  A
 * "#fragment" or "?query" on `to` is kept.  [-2, +1, e]
 * It is on every link of every page: in Lua, with its patterns and a
 * memo, it was a sixth of a theme's instructions. */
static int l_url(lua_State *L)
{
	size_t nf, nt;
	const char *from = luaL_optlstring(L, 1, "", &nf);
	const char *to = luaL_optlstring(L, 2, "", &nt);
	if (url_kept(to, nt)) {
		lua_pushlstring(L, to, nt);
		return 1;
	}
	/* (memchr: a loop over the bytes of a page's name was dearer) */
	const char *hash = memchr(to, '#', nt), *query = memchr(to, '?', nt);
	size_t cut = hash ? (size_t)(hash - to) : nt;
	if (query && (size_t)(query - to) < cut)
		cut = (size_t)(query - to);
	/* each path split once (walking them again for each step was two
	 * thirds of the call) */
	url_seg stack_from[URL_STACK_SEGS], stack_to[URL_STACK_SEGS];
	url_seg *sf = segments_room(L, nf, stack_from);
	size_t n_from = split_segments(L, from, nf, "page", sf);
	url_seg *st = segments_room(L, cut, stack_to);
	size_t n_to = split_segments(L, to, cut, "link", st);
	/* the folders both paths share; the target's last segment is a file
	 * and never matches a folder */
	size_t common = 0;
	while (common + 1 < n_from && common + 1 < n_to && sf[common].len == st[common].len &&
	       memcmp(sf[common].p, st[common].p, sf[common].len) == 0)
		common++;
	/* the link is at most "../" per folder of `from`, then `to` and a
	 * "/": most fit on the stack, and one lua_pushlstring is all the
	 * Lua work (a luaL_Buffer was a third of the call) */
	char stack[256];
	size_t most = 3 * n_from + nt + 2;
	char *out = most <= sizeof stack ? stack : lua_newuserdatauv(L, most, 0);
	size_t len = 0;
	for (size_t i = common + 1; i < n_from; i++) {
		if (len)
			out[len++] = '/';
		out[len++] = '.';
		out[len++] = '.';
	}
	for (size_t i = common; i < n_to; i++) {
		if (len)
			out[len++] = '/';
		memcpy(out + len, st[i].p, st[i].len);
		len += st[i].len;
	}
	if (!len) {
		out[len++] = '.';
		out[len++] = '/';
	} else if (n_to == 0) {
		out[len++] = '/'; /* a folder: "../" rather than ".." */
	}
	memcpy(out + len, to + cut, nt - cut);
	len += nt - cut;
	lua_pushlstring(L, out, len);
	return 1;
}

/* The helpers written in Lua: name, module, field (NULL: the module). */
static const struct {
	const char *name, *module, *field;
} lazy[] = {
	{"escape", "annals.template", "escape"},
	{"date", "annals.date", NULL},
	{NULL, NULL, NULL},
};

/* __index of the annals table: requires the module on first use and
 * caches the value in the table.  [-2, +1, e] */
static int l_index(lua_State *L)
{
	const char *key = lua_tostring(L, 2);
	for (size_t i = 0; key && lazy[i].name; i++) {
		if (strcmp(key, lazy[i].name) != 0)
			continue;
		lua_getglobal(L, "require");
		lua_pushstring(L, lazy[i].module);
		lua_call(L, 1, 1);
		if (lazy[i].field)
			lua_getfield(L, -1, lazy[i].field);
		lua_pushvalue(L, -1);
		lua_setfield(L, 1, key);
		return 1;
	}
	lua_pushnil(L);
	return 1;
}

void an_luaapi_open(lua_State *L)
{
	lua_pushcfunction(L, l_markdown);
	lua_setfield(L, -2, "markdown");
	lua_pushcfunction(L, l_escape_string);
	lua_setfield(L, -2, "escape_string");
	lua_pushcfunction(L, l_json_string);
	lua_setfield(L, -2, "json_string");
	lua_pushcfunction(L, l_escaper);
	lua_setfield(L, -2, "escaper");
	lua_pushcfunction(L, l_url);
	lua_setfield(L, -2, "url");
	lua_createtable(L, 0, 1);
	lua_pushcfunction(L, l_index);
	lua_setfield(L, -2, "__index");
	lua_setmetatable(L, -2);
}
