-- tests/lua/test_url.lua: annals.url (helpers.url), the relative link
-- between two output paths, written in C (generator/luaapi.c) because it
-- is on every link of every page.  Hand-checked cases first, then the C
-- function against a model: the Lua function it replaced, kept here as
-- the oracle, on paths made of every kind of segment.  Run by
-- tests/check_sandbox.c inside the real sandbox.

local function eq(got, want, what)
	if got ~= want then
		error(string.format("%s: got %q, want %q", what or "value",
			tostring(got), tostring(want)), 2)
	end
end

local url = annals.url
eq(rawequal(url, require("annals.helpers").url), true, "helpers.url is annals.url")

-- By hand ----------------------------------------------------------------
eq(url("index.html", "events/x.html"), "events/x.html", "down one folder")
eq(url("events/x.html", "index.html"), "../index.html", "up one folder")
eq(url("a/b/c/p.html", "x.html"), "../../../x.html", "up three folders")
eq(url("a/b/p.html", "a/b/q.html"), "q.html", "same folder")
eq(url("a/b/p.html", "a/c/q.html"), "../c/q.html", "one folder shared")
eq(url("a/p.html", "a"), "../a", "a target named like the page's folder is a file")
eq(url("a//b/./p.html", "./a/b//q.html"), "q.html", "empty and '.' segments drop out")
eq(url("p.html", "p.html"), "p.html", "itself")
eq(url("a/p.html", ""), "../", "the root folder from a folder")
eq(url("p.html", ""), "./", "the root folder from the root")
eq(url(nil, "x.html"), "x.html", "nil page: the root")
eq(url("a/p.html", nil), "../", "nil target: the root folder")
eq(url("a/p.html", "?q=1"), "../?q=1", "a bare query keeps to the root folder")
eq(url("a/p.html", "b/q.html?x=1#top"), "../b/q.html?x=1#top", "query and fragment kept")
eq(url("a/p.html", "b/q.html#x/../y"), "../b/q.html#x/../y", "a fragment is not a path")
-- left as they are
eq(url("a/p.html", "#top"), "#top", "bare fragment")
eq(url("a/p.html", "/rooted.css"), "/rooted.css", "rooted path")
eq(url("a/p.html", "//cdn.example/x.js"), "//cdn.example/x.js", "network path")
eq(url("a/p.html", "https://example.org/a/../b"), "https://example.org/a/../b", "https")
eq(url("a/p.html", "mailto:desk@example.org"), "mailto:desk@example.org", "mailto")
eq(url("a/p.html", "svn+ssh:x"), "svn+ssh:x", "scheme with + . -")
eq(url("a/p.html", "a b:c"), "../a b:c", "a space: no scheme")
eq(url("a/p.html", "1a:b"), "../1a:b", "a scheme begins with a letter")
-- ".." never: the message names the path and the page that asked
local ok, msg = pcall(url, "index.html", "../etc/passwd")
eq(ok, false, "'..' in a link")
eq(msg, "link path '../etc/passwd' contains '..'", "link message")
ok, msg = pcall(url, "a/../p.html", "x.html")
eq(ok, false, "'..' in a page")
eq(msg, "page path 'a/../p.html' contains '..'", "page message")
ok, msg = pcall(function() return url("p.html", "a/..") end)
eq(ok, false, "'..' last")
eq(msg:match("^[^:]*test_url%.lua:%d+: link path 'a/%.%.' contains '%.%.'$") ~= nil, true,
	"the error points at the caller: " .. msg)
eq(url("a/p.html", "x..y/..z"), "../x..y/..z", "dots inside names are names")
eq(select("#", url("a", "b")), 1, "one result")

-- The model --------------------------------------------------------------
local function segments(path, what)
	local out = {}
	for seg in string.gmatch(path, "[^/]+") do
		if seg == ".." then
			error(string.format("%s path '%s' contains '..'", what, path), 0)
		elseif seg ~= "." then
			out[#out + 1] = seg
		end
	end
	return out
end

local function model(from_path, target_path)
	local to = target_path or ""
	if string.match(to, "^[%a][%w+.-]*:") or string.sub(to, 1, 1) == "/"
		or string.sub(to, 1, 1) == "#" then
		return to
	end
	local suffix = ""
	local cut = string.find(to, "[#?]")
	if cut then
		suffix = string.sub(to, cut)
		to = string.sub(to, 1, cut - 1)
	end
	local from = segments(from_path or "", "page")
	local parts = segments(to, "link")
	local common = 0
	while common < #from - 1 and common < #parts - 1
		and from[common + 1] == parts[common + 1] do
		common = common + 1
	end
	local out = {}
	for _ = common + 1, #from - 1 do out[#out + 1] = ".." end
	for i = common + 1, #parts do out[#out + 1] = parts[i] end
	local rel = table.concat(out, "/")
	if rel == "" then
		rel = "./"
	elseif #parts == 0 then
		rel = rel .. "/"
	end
	return rel .. suffix
end

-- Paths of up to five segments drawn from names that meet and differ,
-- the segments that drop out, "..", schemes, queries and fragments.
local SEGS = { "a", "b", "ab", "x.html", "", ".", "..", "a.", "#f", "?q=1",
	"#", "https:", "m:x", "a b", "%" }
local state = 12345
local function rand(n) -- a fixed LCG: the same paths on every run
	state = (state * 1103515245 + 12345) % 2147483648
	return state % n + 1
end
local function path()
	local n = rand(6) - 1
	local t = {}
	for i = 1, n do t[i] = SEGS[rand(#SEGS)] end
	local p = table.concat(t, "/")
	local lead = rand(8)
	if lead == 1 then p = "/" .. p elseif lead == 2 then p = "./" .. p end
	return p
end

for i = 1, 20000 do
	local from, to = path(), path()
	local ok1, got = pcall(url, from, to)
	local ok2, want = pcall(model, from, to)
	if ok1 ~= ok2 or got ~= want then
		error(string.format("case %d: url(%q, %q): got %s %q, model %s %q", i, from, to,
			tostring(ok1), tostring(got), tostring(ok2), tostring(want)))
	end
end
