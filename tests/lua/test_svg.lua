-- tests/lua/test_svg.lua: annals.svg (the timeline chart) and annals.json
-- (the search index's encoder).  Run by the core's Check suite inside the
-- theme sandbox; any failure raises an error.

local svg = require("annals.svg")
local json = require("annals.json")
local helpers = require("annals.helpers")

local function check(cond, fmt, ...)
	if not cond then error(string.format(fmt, ...), 2) end
end

local function count(s, needle)
	local n, pos = 0, 1
	while true do
		local i, j = string.find(s, needle, pos, true)
		if not i then return n end
		n, pos = n + 1, j + 1
	end
end

local D = helpers.days

-- Spans ----------------------------------------------------------------------
local function span(date, gran, mod, sort_date)
	local s = svg.span({ date = date, granularity = gran, mod = mod, sort_date = sort_date })
	return s and s.first, s and s.last, s and s.open
end
local f, l = span("2025-11-01", "day")
check(f == D("2025-11-01") and l == f, "a day is one day")
f, l = span("2025-09", "month")
check(f == D("2025-09-01") and l == D("2025-09-30"), "a month")
f, l = span("2025-02", "month")
check(l == D("2025-02-28"), "February 2025 has 28 days")
f, l = span("2025-W45", "week")
check(f == D("2025-11-03") and l == D("2025-11-09"), "ISO week 45 of 2025 is 3-9 November")
f, l = span("2025-W01", "week", nil)
check(f == D("2024-12-30"), "week 1 of 2025 starts in 2024")
f, l = span("2025-09", "month", "START")
check(f == D("2025-09-01") and l == D("2025-09-10"), "early September is its first third")
f, l = span("2025-09", "month", "END")
check(f == D("2025-09-21") and l == D("2025-09-30"), "late September is its last third")
local open
f, l, open = span("2025-10", "month", "BEFORE")
check(open == "before" and f == D("2025-10-01"), "BEFORE is open to the left")
f, l = span("2025-Q3", "quarter")
check(f == D("2025-07-01") and l == D("2025-09-30"), "a quarter")
f, l = span("2025-SU", "season", nil, "2025-06-01")
check(f == D("2025-06-01") and l == D("2025-08-31"), "a season from its sort_date")
f, l = span("2025", "year")
check(f == D("2025-01-01") and l == D("2025-12-31"), "a year")
f, l = span("2025-12", "month")
check(l == D("2025-12-31"), "December ends the year")
check(svg.span({ date = "PAST_REF" }) == nil, "not a calendar value: no span")

-- Lanes: the first lane free at a marker's left edge ---------------------------
local function lanes(spans)
	local items = {}
	for i, sp in ipairs(spans) do items[i] = { from = sp[1], to = sp[2] } end
	local n = svg._lanes(items)
	local out = {}
	for i, it in ipairs(items) do out[i] = it.lane end
	return n, table.concat(out, ",")
end
local n, got = lanes({ { 0, 10 }, { 5, 15 }, { 12, 20 }, { 16, 30 } })
check(n == 2 and got == "1,2,1,2", "two lanes taken in turn: %d %s", n, got)
n, got = lanes({ { 0, 10 }, { 10, 20 } })
check(n == 1 and got == "1,1", "a marker may start where the last one ends: %d %s", n, got)
n, got = lanes({ { 0, 100 }, { 1, 5 }, { 2, 6 }, { 7, 9 }, { 7, 8 } })
check(n == 3 and got == "1,2,3,2,3", "the lowest free lane first: %d %s", n, got)
n, got = lanes({})
check(n == 0 and got == "", "no markers, no lanes")
-- against the first fit that asks every lane in turn, on random markers
local seed = 99
local function rand(k)
	seed = (seed * 1103515245 + 12345) % 2147483648
	return seed % k
end
for round = 1, 200 do
	local spans, model_end, model = {}, {}, {}
	local from = 0
	for i = 1, rand(60) + 1 do
		from = from + rand(4) -- left edges in order, some equal
		spans[i] = { from, from + 1 + rand(12) }
	end
	for i, sp in ipairs(spans) do
		local lane = 1
		while model_end[lane] and model_end[lane] > sp[1] do lane = lane + 1 end
		model_end[lane] = sp[2]
		model[i] = lane
	end
	local k, order = lanes(spans)
	check(k == #model_end and order == table.concat(model, ","),
		"round %d: %d lanes %s, first fit gives %d lanes %s", round, k, order,
		#model_end, table.concat(model, ","))
end

-- Ticks suit the span --------------------------------------------------------
local function labels(d0, d1)
	local major, _, context = svg._ticks(D(d0), D(d1), 684)
	local out = {}
	for _, t in ipairs(major) do out[#out + 1] = t.label end
	local ctx = {}
	for _, c in ipairs(context) do ctx[#ctx + 1] = c.label end
	return table.concat(out, " "), table.concat(ctx, " ")
end
local m, c = labels("2025-11-01", "2025-11-15")
check(m:find("^1 2 3 4 5") and c == "November 2025", "two weeks: daily ticks (%s | %s)", m, c)
m, c = labels("2025-09-01", "2025-11-20")
check(m:find("^1 8 15 22 29 6 13") and c == "September 2025 October 2025 November 2025",
	"three months: weekly ticks on Mondays (%s | %s)", m, c)
m, c = labels("2024-11-01", "2025-08-01")
check(m == "Nov Dec Jan Feb Mar Apr May Jun Jul Aug" and c == "2024 2025",
	"nine months: monthly ticks (%s | %s)", m, c)
m = labels("2001-01-01", "2025-01-01")
check(m:find("^2001 2002") or m:find("^2002 2004") or m:find("^2005 2010"), "decades: yearly ticks (%s)", m)
m = labels("1500-01-01", "2025-01-01")
check(m:find("^1500 1550") or m:find("^1500 1600"), "centuries: ticks every 50 or 100 years (%s)", m)

-- The chart -------------------------------------------------------------------
local events = {
	{ id = "a", date = "2025-09", sort_date = "2025-09-01", granularity = "month", mod = "START",
		approximate = true, title = "Early <b>", sources = { "x", "y", "z" } },
	{ id = "b", date = "2025-11-01", sort_date = "2025-11-01", granularity = "day",
		title = "Day one", sources = { "x" } },
	{ id = "c", date = "2025-11-01", sort_date = "2025-11-01", granularity = "day",
		title = "Same day", sources = { "x", "y" } },
	{ id = "d", date = "2025-W45", sort_date = "2025-11-03", granularity = "week",
		title = "That week", sources = { "x" } },
	{ id = "u", title = "no date" },
}
local chart = tostring(svg.timeline(events, {
	href = function(e) return "events/" .. e.id .. ".html" end }))
check(chart:find('^<svg class="tl%-chart"'), "chart: an <svg>")
check(count(chart, '<a class="tl-event') == 4, "chart: one marker per dated event")
check(count(chart, 'class="tl-span"') == 2, "chart: the early month and the week are bars")
check(chart:find("Early &lt;b&gt;", 1, true) and not chart:find("<b>", 1, true), "chart: titles escaped")
check(chart:find('href="events/b.html"', 1, true), "chart: markers link to their event")
-- Two events on the same day must not be drawn on top of each other.
local cys = {}
for cx, cy in chart:gmatch('<circle class="tl%-marker" cx="([%d.]+)" cy="([%d.]+)"') do
	cys[#cys + 1] = cx .. "," .. cy
end
check(#cys == 4, "chart: 4 circles, got %d", #cys)
local seen = {}
for _, p in ipairs(cys) do
	check(not seen[p], "chart: two markers at %s", p)
	seen[p] = true
end
-- Radius grows with the number of sources.
local r1 = chart:match('href="events/b.html".-r="([%d.]+)"')
local r3 = chart:match('href="events/a.html".-r="([%d.]+)"')
check(tonumber(r3) > tonumber(r1), "chart: more sources, bigger marker (%s vs %s)", r3, r1)
check(tostring(svg.timeline({ events[5] }, { href = tostring })) == "", "no dated event: no chart")
-- The same events always give the same chart.
check(tostring(svg.timeline(events, { href = function(e) return e.id end }))
	== tostring(svg.timeline(events, { href = function(e) return e.id end })), "chart: deterministic")

-- JSON -------------------------------------------------------------------------
check(json.encode({ b = 1, a = { 1, 2, "x" }, c = true }) == '{"a":[1,2,"x"],"b":1,"c":true}',
	"json: sorted keys, arrays")
check(json.encode('a"b\\c\n</script>\1') == '"a\\"b\\\\c\\n\\u003c/script>\\u0001"', "json: escapes")
check(json.encode(json.array({})) == "[]" and json.encode({}) == "{}", "json: empty array and object")
check(json.encode("Türk") == '"Türk"', "json: UTF-8 as is")
check(not pcall(json.encode, { [1.5] = 1 }), "json: non-string keys refused")
