-- annals.template: the template language of annals themes.
--
-- A template is text with three kinds of tags:
--   {{ expr }}    the value of a Lua expression, HTML-escaped
--   {{! expr }}   the value of a Lua expression, raw (trusted HTML only)
--   {% stmts %}   Lua statements: loops, conditions, local variables
--   {# text #}    a comment, dropped from the output
-- A '-' just inside a delimiter ({{- x -}}, {%- ... -%}, {#- ... -#}) trims
-- the whitespace, newlines included, on that side of the tag.  A {% %} or
-- {# #} tag alone on its line takes the whole line with it, so block tags
-- can sit on lines of their own without leaving blank lines behind.
--
-- Each template is compiled once, through annals.load_text, into a Lua
-- function whose line numbers are the template's own: a syntax or runtime
-- error reads "index.html:12: ...".  docs/themes.md is the user manual.

local M = {}

local find, sub, gsub, rep, format = string.find, string.sub, string.gsub,
	string.rep, string.format
local concat = table.concat

-- Safe strings -----------------------------------------------------------

-- A safe string is HTML that must not be escaped again: the result of
-- raw() or include().  It is a table rather than a plain string so that
-- escape() can tell the difference; __tostring lets it print as itself.
local Safe = {}
Safe.__index = Safe
Safe.__tostring = function(s) return s[1] end
Safe.__name = "annals.safe"

--- Marks s (converted with tostring; nil gives "") as trusted HTML that
--- {{ }} outputs unescaped.
function M.raw(s)
	if getmetatable(s) == Safe then return s end
	if s == nil then s = "" end
	return setmetatable({ tostring(s) }, Safe)
end

--- True when v was made by raw() or include().
function M.is_safe(v)
	return getmetatable(v) == Safe
end

local ENTITIES = {
	["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;",
	['"'] = "&quot;", ["'"] = "&#39;",
}

-- C0 controls other than tab, LF and CR, and the noncharacters U+FFFE and
-- U+FFFF, are forbidden in both HTML and XML 1.0: a single one makes a feed
-- ill-formed, so they go rather than being escaped (there is no escape).
local function strip_controls(s)
	s = gsub(s, "[%z\1-\8\11\12\14-\31]", "")
	s = gsub(s, "\239\191[\190\191]", "")
	return s
end
M.strip_controls = strip_controls

--- HTML/XML text for any value: nil -> "", numbers and booleans through
--- tostring, safe strings unchanged, strings with & < > " ' escaped (the
--- result is safe both in element content and in quoted attributes).
-- The string case in C when annals provides it (one pass; this is on
-- every {{ }} of every page), else the same in patterns.
local escape_string = annals and annals.escape_string or function(s)
	return (gsub(strip_controls(s), "[&<>\"']", ENTITIES))
end

function M.escape(v)
	local t = type(v)
	if t == "string" then
		return escape_string(v)
	elseif v == nil then
		return ""
	elseif t == "number" or t == "boolean" then
		return tostring(v)
	elseif getmetatable(v) == Safe then
		return v[1]
	end
	-- Printing "table: 0x..." into a page is never what the author meant.
	error("cannot output a " .. t .. " value", 2)
end
-- the same in C when annals provides it: no Lua call per {{ }}
if annals and annals.escaper then M.escape = annals.escaper(Safe) end
local escape = M.escape

-- Output of {{! }}: tostring, but nil still gives "".
local function tostr(v)
	if v == nil then return "" end
	return tostring(v)
end

-- Lexer ------------------------------------------------------------------

local CLOSE = { ["{"] = "}}", ["%"] = "%}", ["#"] = "#}" }

local function count_lines(s, i, j)
	local _, n = gsub(sub(s, i, j), "\n", "")
	return n
end

-- Checks that code is one Lua expression; the leading newlines make the
-- error, if any, carry the template line.
local function check_expr(code, name, line)
	local f, err = annals.load_text(rep("\n", line - 1) .. "return " .. code,
		"=" .. name, {})
	return f ~= nil, err
end

-- Splits src into tokens {kind = "text"|"expr"|"raw"|"code"|"comment",
-- value, line, trim_left, trim_right}; text tokens alternate with tags
-- (possibly empty) so that whitespace rules can look at both neighbours.
local function tokenize(src, name)
	local tokens, pos, line = {}, 1, 1
	while true do
		local s = find(src, "{[{%%#]", pos)
		local text = sub(src, pos, s and s - 1 or #src)
		tokens[#tokens + 1] = { kind = "text", value = text, line = line }
		if not s then break end
		line = line + count_lines(src, pos, s - 1)

		local open = sub(src, s + 1, s + 1)
		local close = CLOSE[open]
		local tok = { line = line }
		local p = s + 2
		if sub(src, p, p) == "-" then tok.trim_left = true; p = p + 1 end
		if open == "{" then
			tok.kind = "expr"
			if sub(src, p, p) == "!" then tok.kind = "raw"; p = p + 1 end
		else
			tok.kind = open == "%" and "code" or "comment"
		end

		local e = find(src, close, p, true)
		if not e then
			error(format("%s:%d: '{%s' is never closed (no '%s')",
				name, line, open, close), 0)
		end
		if tok.kind == "expr" or tok.kind == "raw" then
			-- An expression may itself contain "}}" (a table constructor, a
			-- string): take the first closing "}}" after which the text
			-- compiles, and report the first candidate's error otherwise.
			local first_e, first_err = e, nil
			if not find(sub(src, p, e - 1), "[^%s%-]") then
				error(format("%s:%d: empty {{ }}", name, line), 0)
			end
			for _ = 1, 8 do
				local code = sub(src, p, e - 1)
				if sub(code, -1) == "-" then code = sub(code, 1, -2) end
				local ok, err = check_expr(code, name, line)
				if ok then first_e, first_err = e, nil; break end
				first_err = first_err or err
				e = find(src, close, e + 1, true)
				if not e then break end
			end
			if first_err then
				error(format("%s (in {{%s}})", first_err,
					sub(src, p, first_e - 1)), 0)
			end
			e = first_e
		end
		local body = sub(src, p, e - 1)
		if sub(body, -1) == "-" then tok.trim_right = true; body = sub(body, 1, -2) end
		tok.value = body
		tokens[#tokens + 1] = tok
		line = line + count_lines(src, s, e + #close - 1)
		pos = e + #close
	end
	return tokens
end

-- Applies the standalone-line rule and '-' trimming to the text tokens
-- around each tag.  Standalone lines are decided on the untouched text
-- first, so that several block tags on consecutive lines all qualify.
-- Lines are counted on the source, so trimming never shifts the line
-- numbers of errors.
local function trim(tokens)
	local last, alone = #tokens, {}
	for i = 2, last - 1, 2 do
		local tag, before, after = tokens[i], tokens[i - 1].value, tokens[i + 1].value
		if tag.kind == "code" or tag.kind == "comment" then
			alone[i] = (find(before, "\n[ \t]*$") or (i == 2 and find(before, "^[ \t]*$")))
				and (find(after, "^[ \t]*\r?\n") or (i + 1 == last and find(after, "^[ \t]*$")))
		end
	end
	for i = 2, last - 1, 2 do
		local tag, before, after = tokens[i], tokens[i - 1], tokens[i + 1]
		if alone[i] then
			before.value = gsub(before.value, "[ \t]*$", "")
			after.value = gsub(after.value, "^[ \t]*\r?\n?", "")
		end
		if tag.trim_left then before.value = gsub(before.value, "%s+$", "") end
		if tag.trim_right then after.value = gsub(after.value, "^%s+", "") end
	end
	-- As in Jinja, the newline that ends the file is not part of the
	-- template: a partial included on a line of its own adds no blank line.
	tokens[last].value = gsub(tokens[last].value, "\r?\n$", "")
end

-- Code generation --------------------------------------------------------

-- A string literal on one line: "%q" writes a newline as backslash-newline,
-- which would put the following code on a later line than its tag.
local function quote(s)
	return (gsub(format("%q", s), "\\\n", "\\n"))
end

-- Names starting with "__" are reserved for the generated code.
local PROLOGUE = "local _ENV, __out, __esc, __str = ...; local __n = 0; "

-- The pieces of output between two {% %} tags go into __out as one string,
-- joined by one `..` (a single concatenation in Lua): a slot of __out per
-- piece cost a table store and, in the final concat, a read, about twice
-- what the joining costs.  At most this many pieces a string: each is a
-- register while the `..` is evaluated, and a level of parser recursion.
local MAX_RUN = 16

local function generate(tokens)
	local out, genline = { PROLOGUE }, 1
	local run = 0 -- pieces in the current string, 0 when there is none
	local function at(line)
		if line > genline then
			out[#out + 1] = rep("\n", line - genline)
			genline = line
		end
	end
	local function piece(line, code)
		if run == MAX_RUN then out[#out + 1] = "; "; run = 0 end
		if run == 0 then
			at(line)
			out[#out + 1] = "__n = __n + 1; __out[__n] = "
		else
			out[#out + 1] = " .. "
			at(line)
		end
		out[#out + 1] = code
		run = run + 1
	end
	local function end_run()
		if run > 0 then out[#out + 1] = "; "; run = 0 end
	end
	for _, tok in ipairs(tokens) do
		local k, v = tok.kind, tok.value
		if k == "text" then
			if v ~= "" then piece(tok.line, quote(v)) end
		elseif k == "expr" or k == "raw" then
			piece(tok.line, (k == "expr" and "__esc((" or "__str((") .. v .. "))")
			genline = genline + count_lines(v, 1, #v)
		elseif k == "code" then
			end_run()
			at(tok.line)
			out[#out + 1] = v
			genline = genline + count_lines(v, 1, #v)
			-- A trailing "-- comment" would swallow the next piece on this
			-- line; a newline costs one line of accuracy only in that case.
			if find(v, "--", 1, true) then
				out[#out + 1] = "\n"
				genline = genline + 1
			else
				out[#out + 1] = " ; "
			end
		end
	end
	end_run()
	return concat(out)
end

-- Compilation and rendering ----------------------------------------------

-- What every template sees besides its context.
local BASE = {
	ipairs = ipairs, pairs = pairs, next = next, select = select,
	tostring = tostring, tonumber = tonumber, type = type,
	error = error, assert = assert, pcall = pcall,
	rawget = rawget, rawequal = rawequal, rawlen = rawlen,
	string = string, table = table, math = math, utf8 = utf8,
	escape = M.escape, raw = M.raw,
	annals = annals,
}

-- Includes nested deeper than this are taken for a template that includes
-- itself, which would otherwise only stop at the instruction budget.
local MAX_DEPTH = 20

local Template = {}
Template.__index = Template

--- Compiles template source; name is used in error messages and must be
--- the name include() would use.  Raises "name:line: message" on a syntax
--- error.  Returns a template object t with t:render(ctx).
function M.compile(src, name)
	assert(type(src) == "string", "template source must be a string")
	name = name or "template"
	local tokens = tokenize(src, name)
	trim(tokens)
	local code = generate(tokens)
	local fn, err = annals.load_text(code, "=" .. name, {})
	if not fn then error(err, 0) end
	local body = sub(code, #PROLOGUE + 1)
	return setmetatable({ name = name, fn = fn, code = code,
		needs_include = find(body, "include", 1, true) ~= nil
			or find(body, "_ENV", 1, true) ~= nil }, Template)
end

local cache = {}

--- The compiled template themes/<theme>/templates/<name>, compiled on
--- first use and cached for the life of the Lua state.
function M.load(name)
	local t = cache[name]
	if not t then
		t = M.compile(annals.read_template(name), name)
		cache[name] = t
	end
	return t
end

-- The environment of one rendering: include(), then the context, then
-- BASE.  Assignments to globals in {% %} land in the environment and
-- never modify ctx, which is often shared site data.  Every variable of
-- every page is looked up here, so the lookups are chains of tables,
-- which Lua follows in C: a plain context is copied into the
-- environment (its fields as they are when the rendering starts), over
-- BASE; an included template's environment holds its own variables,
-- over its caller's.  A context with a metatable of its own is read
-- through a function, so that its own __index still answers.
local TO_BASE = { __index = BASE }
-- (a template that includes another in a loop gives each child the same
-- metatable)
local over = setmetatable({}, { __mode = "k" })

local make_include

-- A template whose code names neither `include` nor `_ENV` cannot reach
-- include() (its globals are looked up by name), so its environment gets
-- none: a partial rendered thousands of times makes no closure each time.
local function finish_env(t, env, depth, mt)
	if t.needs_include then env.include = make_include(env, depth) end
	return setmetatable(env, mt)
end

-- The environment of template t rendering ctx (see above).
local function environment(t, ctx, depth)
	local env, mt = {}, TO_BASE
	if getmetatable(ctx) == nil then
		for k, v in next, ctx do env[k] = v end
	else
		mt = { __index = function(_, k)
			local v = ctx[k]
			if v == nil then v = BASE[k] end
			return v
		end }
	end
	return finish_env(t, env, depth, mt)
end

-- Memoised templates (M.memo): name -> { key =, template =, strs = {
-- [the value of vars' one field] = output }, seen = { [a caller's
-- variable read] = its value } }.  One snapshot of the variables read
-- serves every kept output (a string each, not a table: tens of thousands
-- of events): a rendering that reads a variable at another value than
-- the snapshot's drops what was kept and starts a new snapshot.
local memos = {}
local NIL = {} -- a variable read as nil, in `seen`

-- An include's rendering, in the pcall of include(): no closure a call.
-- The included template's environment holds vars, over its caller's.
-- With `memo`, the caller's variables it reads are recorded, and what it
-- made is kept for the next include of the same value.
local function render_included(name, vars, depth, parent, memo)
	local t = cache[name] or M.load(name)
	local env = {}
	if getmetatable(vars) == nil then
		for k, v in next, vars do env[k] = v end
	else
		for k, v in pairs(vars) do env[k] = v end
	end
	local mt, reads
	if memo then
		reads = {}
		mt = { __index = function(_, k)
			local v = parent[k]
			reads[#reads + 1] = k
			reads[#reads + 1] = v
			return v
		end }
	else
		mt = over[parent]
		if not mt then mt = { __index = parent }; over[parent] = mt end
	end
	local res = t:render_env(finish_env(t, env, depth, mt))
	if memo then
		local k, v = next(vars)
		local seen = memo.seen
		if memo.key ~= k or memo.template ~= t then seen = nil end
		for i = 1, seen and #reads or 0, 2 do
			local was, now = seen[reads[i]], reads[i + 1]
			if now == nil then now = NIL end
			if was == nil then
				seen[reads[i]] = now
			elseif not rawequal(was, now) then
				seen = nil
				break
			end
		end
		if not seen then
			seen = {}
			for i = 1, #reads, 2 do
				local now = reads[i + 1]
				if now == nil then now = NIL end
				seen[reads[i]] = now
			end
			memo.key, memo.template, memo.seen, memo.strs = k, t, seen, {}
		end
		memo.strs[v] = res[1]
	end
	return res
end

-- The kept rendering of memoised template `name` for vars, when the
-- caller's variables it read last time are still the same values; vars
-- qualifies when it is a plain table of one field.
local function memo_hit(memo, name, vars, env)
	if getmetatable(vars) ~= nil then return nil end
	local k, v = next(vars)
	if k == nil or next(vars, k) ~= nil or v ~= v then return nil end
	local str = memo.strs[v]
	if not str or memo.key ~= k or memo.template ~= cache[name] then return nil end
	for var, was in next, memo.seen do
		local now = env[var]
		if now == nil then now = NIL end
		if not rawequal(now, was) then return nil end
	end
	return str
end

function make_include(env, depth)
	return function(name, vars)
		if depth >= MAX_DEPTH then
			error(format("include of '%s' nested more than %d deep",
				name, MAX_DEPTH), 2)
		end
		-- The included template sees the caller's variables (globals, not
		-- its locals) with vars on top.
		if vars ~= nil and type(vars) ~= "table" then
			error("include: the second argument must be a table", 2)
		end
		local memo = memos[name]
		if memo and vars then
			local str = memo_hit(memo, name, vars, env)
			if str then return setmetatable({ str }, Safe) end
			-- (only a table of one field, not NaN, is kept)
			local k, v = next(vars)
			if k == nil or next(vars, k) ~= nil or v ~= v or getmetatable(vars) ~= nil then
				memo = nil
			end
		else
			memo = nil
		end
		local ok, res = pcall(render_included, name, vars or {}, depth + 1, env, memo)
		if not ok then
			-- Level 2 prefixes the position of the include() call, so the
			-- message names both templates: "a.html:3: in include 'b.html':
			-- b.html:7: ...".
			error(format("in include '%s': %s", name, tostring(res)), 2)
		end
		return res
	end
end

function Template:render_env(env)
	local out = {}
	self.fn(env, out, escape, tostr)
	return setmetatable({ concat(out) }, Safe)
end

function Template:render_at(ctx, depth)
	return self:render_env(environment(self, ctx or {}, depth))
end

--- Renders the template with ctx (a table whose fields are the template's
--- variables); returns the output as a plain string.
function Template:render(ctx)
	return self:render_at(ctx, 0)[1]
end

--- Shorthand for M.load(name):render(ctx).
function M.render(name, ctx)
	return M.load(name):render(ctx)
end

--- Renders template name with a context table that the caller made for
--- this one rendering and gives up: it becomes the rendering's environment
--- itself rather than being copied into one (the same output as
--- render(name, ctx); afterwards ctx holds what the template assigned,
--- an include() and the base library through its metatable).  ctx must be
--- a plain table: no metatable of its own.
function M.render_fresh(name, ctx)
	assert(getmetatable(ctx) == nil, "render_fresh: the context has a metatable")
	local t = cache[name] or M.load(name)
	return t:render_env(finish_env(t, ctx, 0, TO_BASE))[1]
end

--- Makes include(name, vars) keep what template name renders: when it
--- is included again with a vars table of one field whose value is the
--- same (an event, say), and the caller's variables it read the first time
--- are still the same values, the kept string is the result.  For
--- partials that many pages render alike: the template must make its
--- output from what it reads alone, with no side effects, and the tables
--- it reads must not change while the memo lives.  Each call starts the
--- memo afresh (a theme calls it at the start of build()).
function M.memo(name)
	memos[name] = { seen = {}, strs = {} }
end

--- Compiles src under name and caches it, so that load(name) and
--- include(name) find it without a file; for tests and for themes that
--- build templates in Lua.  Returns the template object.
function M.define(name, src)
	local t = M.compile(src, name)
	cache[name] = t
	return t
end

--- Drops the compiled templates (for tests and long-lived states).
function M.clear_cache()
	cache = {}
end

return M
