-- tests/lua/test_api.lua: the helpers every theme and filter finds in the
-- annals table: annals.escape, annals.url, annals.markdown (cmark, safe
-- mode) and annals.date.format (granularity-aware).  Run by
-- tests/check_sandbox.c inside the real sandbox.

local function eq(got, want, what)
	if got ~= want then
		error(string.format("%s: got %q, want %q", what or "value",
			tostring(got), tostring(want)), 2)
	end
end

local function has(s, needle, what)
	if not string.find(s, needle, 1, true) then
		error(string.format("%s: %q not found in %q", what or "text", needle, s), 2)
	end
end

local function lacks(s, needle, what)
	if string.find(s, needle, 1, true) then
		error(string.format("%s: %q found in %q", what or "text", needle, s), 2)
	end
end

-- annals.escape and annals.url are the template engine's and the helpers'
eq(annals.escape([[<a href="x">'&'</a>]]),
	"&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;", "escape")
eq(annals.escape(nil), "", "escape nil")
eq(rawequal(annals.escape, require("annals.template").escape), true, "same escape")
eq(annals.url("events/a.html", "articles/b.html#t3"), "../articles/b.html#t3", "url")
eq(annals.url("index.html", "style.css"), "style.css", "url from the root")

-- annals.markdown: CommonMark, safe mode whatever the site allows
local html = annals.markdown("Some *emphasis* and `code`.")
eq(html, "<p>Some <em>emphasis</em> and <code>code</code>.</p>\n", "markdown")
html = annals.markdown("<script>alert(1)</script>\n\nhi <b onclick=x>there</b>")
lacks(html, "<script", "raw HTML block dropped")
lacks(html, "<b onclick", "raw inline HTML dropped")
has(html, "<!-- raw HTML omitted -->", "cmark says what it dropped")
html = annals.markdown("[click](javascript:alert(1)) ![i](data:text/html;base64,xx)")
lacks(html, "javascript:", "dangerous link dropped")
has(annals.markdown("a < b & \"c\""), "a &lt; b &amp; &quot;c&quot;", "text escaped")
lacks(annals.markdown("x\1y\127z"), "\1", "control characters removed")
eq(annals.markdown(""), "", "empty markdown")
assert(not pcall(annals.markdown, {}), "markdown of a table is an error")
local ok, err = pcall(annals.markdown, string.rep("x", 5 * 1024 * 1024))
assert(not ok and tostring(err):find("over the limit", 1, true), "markdown size limit")

-- annals.date.format
local F = annals.date.format
eq(F("2025-11-01", "%e %B %Y"), "1 November 2025", "day")
eq(F("2025-09", "%e %B %Y"), "September 2025", "month drops the day")
eq(F("2025", "%e %B %Y"), "2025", "year drops day and month")
eq(F("2025-09", "%B %e, %Y"), "September 2025", "US order, month")
eq(F("2025-11-01", "%B %e, %Y"), "November 1, 2025", "US order, day")
eq(F("2025-09", "%Y-%m-%d"), "2025-09", "ISO, month: no trailing dash")
eq(F("2025", "%Y-%m-%d"), "2025", "ISO, year")
eq(F("2025-11-01", "%A %e %b %Y"), "Saturday 1 Nov 2025", "weekday and short month")
eq(F("2025-11-01", "%a %d/%m/%y"), "Sat 01/11/25", "padded")
eq(F("2025-09", "%A %e %B %Y"), "September 2025", "month drops the weekday too")
eq(F("2025-11-01T18:30", "%e %B %Y, %H:%M"), "1 November 2025, 18:30", "time")
eq(F("2025-11-01", "%e %B %Y, %H:%M"), "1 November 2025", "a day has no time")
eq(F("2025-W45", "week %V of %Y"), "week 45 of 2025", "week with %V")
eq(F("2025-W45", "%e %B %Y"), "week of 3 November 2025", "week without %V: the label")
eq(F("2025-SU", "%Q %Y"), "summer 2025", "season")
eq(F("2025-Q3", "%Q %Y"), "Q3 2025", "quarter")
eq(F("2025-SU", "%B %Y"), annals.date_label("2025-SU"), "season without %Q: the label")
eq(F("199", "%Y"), annals.date_label("199"), "decade: the label")
eq(F("2025-09"), "September 2025", "no pattern: the label")
eq(F("2025-09", { day = "%e %b", month = "%b %Y" }), "Sep 2025", "pattern by granularity")
eq(F("2025-09-02", { day = "%e %b", default = "%Y" }), "2 Sep", "table, day")
eq(F("2025", { day = "%e %b", default = "%Y!" }), "2025!", "table default")
eq(F({ date = "2025-11-01" }, "%e %B"), "1 November", "an event table")
eq(F("PAST_REF", "%Y"), "PAST_REF", "not a date: unchanged")
eq(F("2025-11-31", "%e %B %Y"), "2025-11-31", "not a real day: unchanged")
eq(F(nil, "%Y"), "", "nil")
eq(F("2025-11-01", "100%% on %e %B"), "100% on 1 November", "%%")
ok, err = pcall(F, "2025-11-01", "%Z")
assert(not ok and tostring(err):find("unknown directive '%Z'", 1, true), "bad directive: " .. tostring(err))
local p = annals.date.parse("2025-W45")
eq(p.granularity, "week", "parse granularity")
eq(p.week, 45, "parse week")
eq(annals.date.parse("nope"), nil, "parse nonsense")
eq(F("2020-01-16TMO", "%e %B %Y"), "16 January 2020", "a part of the day is a day to a pattern")
eq(annals.date.parse("2020-01-16TNI").part, "night", "parse part of the day")
eq(annals.date.parse("2020-01-16TXX"), nil, "parse unknown part")

-- annals.json_string: the escapes of annals.json, in C ---------------------
local J = annals.json_string
eq(J('a"b\\c\n\r\t<'), '"a\\"b\\\\c\\n\\r\\t\\u003c"', "short escapes and <")
eq(J("\1\31\127 é>&'"), '"\\u0001\\u001f\\u007f é>&\'"', "other controls as \\u00XX; the rest as is")
eq(J(""), '""', "empty")
eq(J("a\0b"), '"a\\u0000b"', "NUL")
-- every byte as the pattern version of json.lua writes it
local ESC = { ['"'] = '\\"', ["\\"] = "\\\\", ["\n"] = "\\n", ["\r"] = "\\r",
	["\t"] = "\\t", ["<"] = "\\u003c" }
for c = 0, 255 do
	local s = "x" .. string.char(c) .. "y"
	local want = '"' .. s:gsub('[%c"\\<]', function(ch)
		return ESC[ch] or string.format("\\u%04x", ch:byte())
	end) .. '"'
	eq(J(s), want, "byte " .. c)
end
eq(require("annals.json").encode({ t = "a<b" }), '{"t":"a\\u003cb"}', "json.encode uses it")

return true
