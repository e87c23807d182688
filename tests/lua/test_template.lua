-- tests/lua/test_template.lua: the template language (lua/annals/template.lua)
-- and the link/date helpers (lua/annals/helpers.lua).  Run by the core's
-- Check suite inside the theme sandbox: only require, annals.* and the
-- base library are used; any failure raises an error.

local T = require("annals.template")
local H = require("annals.helpers")

local function eq(got, want, what)
	if got ~= want then
		error(string.format("%s: got %q, want %q", what or "value",
			tostring(got), tostring(want)), 2)
	end
end

local function contains(s, needle, what)
	if not string.find(s, needle, 1, true) then
		error(string.format("%s: %q not found in %q", what or "text", needle, s), 2)
	end
end

-- Compiling src must fail with a message that contains every needle.
local function fails(src, name, needles, ctx)
	local ok, err = pcall(function() return T.compile(src, name):render(ctx or {}) end)
	if ok then error("expected an error from " .. name, 2) end
	for _, n in ipairs(needles) do contains(tostring(err), n, "error message") end
	return err
end

local function render(src, ctx) return T.compile(src, "inline.html"):render(ctx or {}) end

-- escape() -----------------------------------------------------------------
eq(T.escape(nil), "", "escape nil")
eq(T.escape(42), "42", "escape integer")
eq(T.escape(1.5), "1.5", "escape float")
eq(T.escape(true), "true", "escape boolean")
eq(T.escape([[<script>"'&</script>]]), "&lt;script&gt;&quot;&#39;&amp;&lt;/script&gt;", "escape specials")
eq(T.escape("a\1b\31c\tz"), "ab" .. "c\tz", "escape drops C0 controls but tab")
-- the noncharacters U+FFFE and U+FFFF go too; the BOM, DEL and line ends stay
eq(T.escape("a\239\191\190b\239\191\191c"), "abc", "escape drops U+FFFE and U+FFFF")
eq(T.escape("\239\187\191x\127\r\n"), "\239\187\191x\127\r\n", "escape keeps BOM, DEL, CR, LF")
-- controls go first: a noncharacter they split is still found
eq(T.escape("a\239\1\191\190b"), "ab", "escape drops a noncharacter split by a control")
eq(T.escape("end\239"), "end\239", "escape keeps a lone lead byte at the end")
eq(T.escape("\0<\0"), "&lt;", "escape drops NUL around a special")
eq(T.escape(""), "", "escape empty string")
eq(T.escape(T.raw("<b>")), "<b>", "escape keeps raw()")
assert(not pcall(T.escape, {}), "escape refuses a table")

-- escape() against a model: the pattern passes of template.lua (controls,
-- then U+FFFE/U+FFFF, then the five specials), on strings made of the
-- bytes that matter, in every order up to four bytes and at random longer.
do
	local ENT = { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;", ["'"] = "&#39;" }
	local function model(s) return (string.gsub(T.strip_controls(s), "[&<>\"']", ENT)) end
	local bytes = { "a", "&", "<", ">", '"', "'", "\0", "\1", "\t", "\n", "\31",
		"\239", "\191", "\190", "\187", "\195\169" }
	local function check(s)
		local got, want = T.escape(s), model(s)
		if got ~= want then
			error(string.format("escape(%q): got %q, model %q", s, got, want), 2)
		end
	end
	local function all(prefix, n)
		check(prefix)
		if n == 0 then return end
		for _, b in ipairs(bytes) do all(prefix .. b, n - 1) end
	end
	all("", 4)
	local seed = 12345
	for _ = 1, 5000 do
		local parts = {}
		for k = 1, 1 + seed % 40 do
			seed = (seed * 1103515245 + 12345) % 2147483648
			parts[k] = bytes[1 + seed % #bytes]
		end
		check(table.concat(parts))
	end
end

-- {{ }} escapes, {{! }} and raw() do not ------------------------------------
local hostile = [[<script>alert("x" & 'y')</script>]]
eq(render("<p>{{ s }}</p>", { s = hostile }),
	"<p>&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;</p>", "{{ }} escapes")
eq(render('<a title="{{ s }}">', { s = [["'&]] }), '<a title="&quot;&#39;&amp;">', "attribute")
eq(render("{{! s }}", { s = "<b>&</b>" }), "<b>&</b>", "{{! }} is raw")
eq(render("{{ raw(s) }}", { s = "<i>" }), "<i>", "raw() is raw")
eq(render("[{{ missing }}][{{! missing }}]"), "[][]", "nil renders empty")
eq(render("{{ n + 1 }}", { n = 41 }), "42", "expressions")
eq(render("{{ ({a = {b = 'x'}}).a.b }}"), "x", "}} inside an expression")
eq(render("{{ '}}' }}"), "}}", "}} inside a string")

-- Statements, loops, conditions, locals --------------------------------------
eq(render("{% for i, v in ipairs(xs) do %}[{{ i }}:{{ v }}]{% end %}", { xs = { "a", "<b>" } }),
	"[1:a][2:&lt;b&gt;]", "for loop")
eq(render("{% if ok then %}yes{% else %}no{% end %}", { ok = false }), "no", "if/else")
eq(render("{% local x = 'L' %}{{ x }}"), "L", "local")
local ctx = { v = 1 }
render("{% v = 2 %}{{ v }}", ctx)
eq(ctx.v, 1, "assignments in a template do not touch the context")

-- Whitespace: standalone block lines vanish, '-' trims ------------------------
eq(render("<ul>\n{% for _, x in ipairs(xs) do %}\n  <li>{{ x }}</li>\n{% end %}\n</ul>\n",
	{ xs = { 1, 2 } }), "<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>", "standalone lines")
eq(render("a  {{- 'b' -}}  \n c"), "abc", "'-' trims both sides")
eq(render("a {%- if true then -%} b {%- end %}"), "ab", "'-' on statements")
eq(render("{# a comment #}x{#- another -#} y"), "xy", "comments")
eq(render("x\n{# standalone comment #}\ny"), "x\ny", "standalone comment line")

-- Includes -------------------------------------------------------------------
T.define("test/item.html", "<li>{{ label }}: {{ item }}</li>\n")
T.define("test/list.html",
	"<ul>\n{% for _, it in ipairs(items) do %}\n{{ include('test/item.html', { item = it }) }}\n{% end %}\n</ul>")
eq(T.render("test/list.html", { label = "L&", items = { "<a>", "b" } }),
	"<ul>\n<li>L&amp;: &lt;a&gt;</li>\n<li>L&amp;: b</li>\n</ul>",
	"include sees caller's variables plus its own, output is not re-escaped")
-- what a template sees: include() over the context over the base library;
-- an included template's variables over its caller's; its own globals
-- stay its own
T.define("test/scope.html", "{% shadow = 'inner' %}{{ who }}/{{ shadow }}/{{ type(1) }}")
eq(render("{{ include('test/scope.html', { who = 'child' }) }}|{{ who }}/{{ shadow }}",
	{ who = "parent", shadow = "outer" }),
	"child/inner/number|parent/outer", "include scope")
eq(render("{{ type }}", { type = "mine" }), "mine", "the context hides a base function")
eq(render("{{ include == nil }}", { include = "x" }), "false", "include() is always there")
-- a context with a metatable of its own still answers through it
local lazy = setmetatable({}, { __index = function(_, k) if k == "who" then return "world" end end })
eq(render("hello {{ who }}, {{ tostring(nothing) }}", lazy), "hello world, nil",
	"a context's own __index")
eq(render("{{ n }}", { n = false }), "false", "a false variable is not missing")
-- a template that names neither include nor _ENV gets no include(); one
-- that reaches its environment through _ENV still finds it
T.define("test/leaf.html", "[{{ who }}]")
T.define("test/env.html", "{{ _ENV.include('test/leaf.html', { who = 'env' }) }}")
eq(render("{{ include('test/env.html') }}"), "[env]", "include() through _ENV")
eq(render("{% local f = _ENV['incl' .. 'ude'] %}{{ f ~= nil }}"), "true",
	"include() found by a computed name through _ENV")
-- render_fresh: the caller's table becomes the environment, same output
local fresh = { who = "fresh", xs = { 1, 2 } }
T.define("test/fresh.html",
	"{% seen = 'set' %}{{ who }}{% for _, x in ipairs(xs) do %}{{ include('test/leaf.html', { who = x }) }}{% end %}")
eq(T.render_fresh("test/fresh.html", fresh), T.render("test/fresh.html", { who = "fresh", xs = { 1, 2 } }),
	"render_fresh renders as render")
eq(fresh.seen, "set", "render_fresh: the table is the environment")
eq(T.render_fresh("test/leaf.html", { who = "<&>" }), "[&lt;&amp;&gt;]", "render_fresh escapes")
eq(pcall(T.render_fresh, "test/leaf.html", setmetatable({}, {})), false,
	"render_fresh refuses a table with a metatable")
-- template.memo: a partial kept by the value of its one variable, made
-- again when a caller's variable it read differs, never kept when it fails
local made = 0
T.define("test/memo.html", "{{ count() }}{{ ev.label }}@{{ where }}")
local function counting() made = made + 1; return "" end
T.memo("test/memo.html")
local e1, e2 = { label = "one" }, { label = "two" }
local memo_page = "{{ include('test/memo.html', { ev = a }) }}|"
	.. "{{ include('test/memo.html', { ev = b }) }}"
eq(render(memo_page, { a = e1, b = e1, where = "p", count = counting }), "one@p|one@p", "memo")
eq(made, 1, "memo: rendered once for one value")
eq(render(memo_page, { a = e1, b = e2, where = "p", count = counting }), "one@p|two@p",
	"memo: another value")
eq(made, 2, "memo: only the new value rendered")
eq(render(memo_page, { a = e1, b = e1, where = "q", count = counting }), "one@q|one@q",
	"memo: a variable it read changed, not stale")
eq(made, 3, "memo: made again for the changed variable")
eq(render(memo_page, { a = e1, b = e1, where = "p", count = counting }), "one@p|one@p",
	"memo: back to the first value, not the second's output")
eq(made, 4, "memo: made again for the first value")
-- a variable read on one branch only, and a variable read as nil
T.define("test/memo2.html", "{% if ev.dated then %}{{ fmt(ev.label) }}{% else %}-{{ tag }}{% end %}")
T.memo("test/memo2.html")
local d1, u1 = { dated = true, label = "ab" }, { label = "x" }
local memo2 = "{{ include('test/memo2.html', { ev = d }) }}/{{ include('test/memo2.html', { ev = u }) }}"
eq(render(memo2, { d = d1, u = u1, fmt = string.upper }), "AB/-", "memo: branches")
eq(render(memo2, { d = d1, u = u1, fmt = string.upper, tag = "t" }), "AB/-t",
	"memo: a variable read as nil, then set, is not served stale")
eq(render(memo2, { d = d1, u = u1, fmt = string.lower, tag = "t" }), "ab/-t",
	"memo: a variable read on one branch changed, not stale")
eq(render("{{ include('test/memo.html', { ev = a, x = 1 }) }}",
	{ a = e1, where = "q", count = counting }), "one@q", "memo: vars of two fields render as ever")
eq(made, 5, "memo: not kept for vars of two fields")
T.define("test/memo.html", "new {{ ev.label }}")
eq(render(memo_page, { a = e1, b = e1, where = "q", count = counting }), "new one|new one",
	"memo: a redefined template is not served from the old one's memo")
e1.label = "changed"
T.memo("test/memo.html")
eq(render(memo_page, { a = e1, b = e1 }), "new changed|new changed", "memo: memo() starts afresh")
T.define("test/memo-bad.html", "{{ ev.x.y }}")
T.memo("test/memo-bad.html")
fails("{{ include('test/memo-bad.html', { ev = {} }) }}", "memo-outer.html",
	{ "memo-outer.html:1:", "in include 'test/memo-bad.html'", "test/memo-bad.html:1:" })
fails("{{ include('test/memo-bad.html', { ev = {} }) }}", "memo-outer.html",
	{ "in include 'test/memo-bad.html'" })
T.define("test/self.html", "{{ include('test/self.html') }}")
fails("{{ include('test/self.html') }}", "loop.html", { "nested more than" })

-- Error messages name the template and the line --------------------------------
fails("line 1\nline 2\n{% for x do %}\n{% end %}", "broken.html", { "broken.html:3:" })
fails("a\n{{ x( }}\n", "expr.html", { "expr.html:2:" })
fails("a\nb\n\n{{ x", "open.html", { "open.html:4:", "never closed" })
fails("{{ }}", "empty.html", { "empty.html:1:", "empty" })
fails("1\n2\n{{ nothing.field }}", "runtime.html", { "runtime.html:3:" })
fails("{% for i = 1, 2 do %}\nok\n{% end %}\n{{ error('boom') }}", "raise.html", { "raise.html:4:", "boom" })
T.define("test/bad-partial.html", "fine\n{{ nope.x }}")
fails("first\n{{ include('test/bad-partial.html') }}", "outer.html",
	{ "outer.html:2:", "test/bad-partial.html:2:" })
fails("{{ t }}", "table.html", { "table.html:1:", "cannot output a table" }, { t = {} })
fails("\n{{ f }}", "function.html", { "function.html:2:", "cannot output a function" },
	{ f = print })
-- pieces between {% %} tags are joined into one string: the lines still
-- hold, in the middle of such a run and after it
fails("<p>{{ 1 }}\n<b>{{ raw(2) }}\n{{ nothing.field }}</b>", "run.html", { "run.html:3:" })
fails("{{ 1 }}{{ 2 }}\n{{ 3 }}\n\n{{ t }}", "run-table.html", { "run-table.html:4:" }, { t = {} })
fails("{{ 1\n+ 1 }}-{{ 'a' }}\n{{ error('boom') }}", "run-expr.html", { "run-expr.html:3:" })
do
	-- a run longer than one concatenation takes, and one cut by a tag
	local src, want = {}, {}
	for i = 1, 50 do
		src[#src + 1] = "<" .. i .. ">{{ v" .. i .. " }}{{! w }}" .. (i % 9 == 0 and "\n" or "")
		want[#want + 1] = "<" .. i .. ">&lt;" .. i .. "&gt;<w>" .. (i % 9 == 0 and "\n" or "")
		if i == 30 then src[#src + 1] = "{% x = 1 %}" end
	end
	local ctx = { w = "<w>" }
	for i = 1, 50 do ctx["v" .. i] = "<" .. i .. ">" end
	eq(render(table.concat(src), ctx), table.concat(want), "a long run of output")
end
eq(T.escape(T.raw("<b>")), "<b>", "a safe string is not escaped again")
eq(pcall(T.escape, setmetatable({ "<b>" }, {})), false, "a table like a safe string is not one")

-- The theme templates load through annals.read_template and compile.
for _, name in ipairs({ "layout.html", "index.html", "event.html", "article.html",
		"partials/event-item.html", "partials/date.html", "feed.xml", "sitemap.xml" }) do
	T.load(name)
end

-- helpers.url ------------------------------------------------------------------
eq(H.url("index.html", "events/x.html"), "events/x.html", "url index -> event")
eq(H.url("events/x.html", "articles/y.html"), "../articles/y.html", "url event -> article")
eq(H.url("events/x.html", "style.css"), "../style.css", "url event -> style.css")
eq(H.url("index.html", "style.css"), "style.css", "url index -> style.css")
eq(H.url("events/x.html", "events/z.html"), "z.html", "url same folder")
eq(H.url("events/x.html", "articles/y.html#t3"), "../articles/y.html#t3", "url keeps fragment")
eq(H.url("a/b/c.html", "a/d/e.html"), "../d/e.html", "url common prefix")
eq(H.url("events/x.html", "https://example.org/"), "https://example.org/", "url absolute")
assert(not pcall(H.url, "index.html", "../etc/passwd"), "url refuses ..")
-- url() keeps answers by the page's folder: pages of one folder share
-- them, pages of others and names that are not pages do not
eq(H.url("a/b/x.html", "a/c.html"), "../c.html", "url up one folder")
eq(H.url("a/b/y.html", "a/c.html"), "../c.html", "url same folder, another page")
eq(H.url("a/b/", "a/c.html"), "c.html", "url from a folder path: its last part is the page")
eq(H.url("a/b/.", "a/c.html"), "c.html", "url: '.' is not a page name")
eq(H.url("a/b/x.html", "a/c.html"), "../c.html", "url asked again")
eq(H.url("a/b/x.html", "#top"), "#top", "url bare fragment")
-- a fragment or query is kept on the folder's answer for the page
eq(H.url("events/x.html", "articles/y.html#t3"), "../articles/y.html#t3", "url fragment")
eq(H.url("events/z.html", "articles/y.html#t4"), "../articles/y.html#t4", "url another fragment")
eq(H.url("events/z.html", "articles/y.html"), "../articles/y.html", "url the same without one")
eq(H.url("events/z.html", "articles/y.html?q=1#t"), "../articles/y.html?q=1#t", "url query")
eq(H.url("index.html", "articles/y.html#t4"), "articles/y.html#t4", "url fragment, other folder")
eq(H.datetime("2025-11-03", "week"), "2025-W45", "datetime week")
eq(H.datetime("2025-11-03", "day"), "2025-11-03", "datetime day, same date")
eq(H.datetime("2025-11-03", "week"), "2025-W45", "datetime week again")
eq(H.datetime("soon", "day"), nil, "datetime of no date")
eq(H.datetime("soon", "day"), nil, "datetime of no date, again")
assert(not pcall(H.url, "a/b/x.html", "../c.html"), "url refuses .. when asked again")
assert(not pcall(H.url, "a/b/x.html", "../c.html"), "url refuses .. every time")

-- helpers: dates, absolute URLs, mark --------------------------------------------
eq(H.rfc3339("2025-11-11"), "2025-11-11T00:00:00Z", "rfc3339 date")
eq(H.rfc3339("2025-11"), "2025-11-01T00:00:00Z", "rfc3339 month")
eq(H.rfc3339("2025-11-11T08:30"), "2025-11-11T08:30:00Z", "rfc3339 date-time")
eq(H.rfc3339("soon"), nil, "rfc3339 garbage")
eq(H.datetime("2025-11-01", "day"), "2025-11-01", "datetime day")
eq(H.datetime("2025-09-01", "month"), "2025-09", "datetime month")
eq(H.datetime("2025-11-03", "week"), "2025-W45", "datetime week")
eq(H.datetime("2025-06-21", "season"), "2025", "datetime season")
eq(H.iso_week("2021-01-03"), "2020-W53", "iso week of a Sunday in January")
eq(H.iso_week("2024-12-30"), "2025-W01", "iso week of a Monday in December")
eq(H.absolute("https://example.org/tl/", "events/x.html"), "https://example.org/tl/events/x.html", "absolute")
eq(H.absolute("https://example.org/tl", "events/x.html"), "https://example.org/tl/events/x.html", "absolute no slash")
eq(H.absolute("", "x.html"), nil, "absolute without base")
eq(tostring(H.mark("<b> on Nov 1 & more", "Nov 1")), "&lt;b&gt; on <mark>Nov 1</mark> &amp; more", "mark")
eq(H.xml_escape("a<b>&'\""), "a&lt;b&gt;&amp;&#39;&quot;", "xml_escape")
