-- annals.svg: the timeline as an SVG chart, drawn at build time so that it
-- needs no JavaScript.  A time axis with ticks that suit the span (days,
-- weeks, months, years); one numbered marker per event, linked to its page
-- and sized by its number of sources; an event known only to the week or
-- month drawn as a bar over that span; markers that would overlap moved to
-- lanes below, so that a dense week stays legible.  Colours come from CSS
-- classes (tl-*), so dark mode and print restyle the chart.  No clock, no
-- I/O: the same events always give the same chart.

local template = require("annals.template")
local helpers = require("annals.helpers")

local M = {}

local esc, fmt, floor, max, min = template.escape, string.format, math.floor,
	math.max, math.min

local MONTHS = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
	"Sep", "Oct", "Nov", "Dec" }
local MONTH_NAMES = { "January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December" }

local function ymd(y, m, d) return helpers.days(fmt("%04d-%02d-%02d", y, m, d)) end

-- The day before the first of the month n months after (y, m): the last
-- day of the span of n months that starts at (y, m).
local function months_end(y, m, n)
	local k = (m - 1) + n
	return ymd(y + k // 12, k % 12 + 1, 1) - 1
end

local function iso_week_monday(y, w)
	local jan4 = ymd(y, 1, 4)
	local weekday = (jan4 + 3) % 7          -- Monday 0 .. Sunday 6
	return jan4 - weekday + (w - 1) * 7
end

local SEASON_MONTH = { SP = 3, SU = 6, FA = 9, AU = 9, WI = 12 }

-- The first day of a TIMEX3 value without the core's sort_date (older
-- cores, hand-made site tables); nil when it is not a calendar value.
local function first_day(value)
	value = value or ""
	local d = helpers.days(value)
	if d then return d end
	local y, m = value:match("^(%d%d%d%d)%-(%d%d)$")
	if y then return ymd(tonumber(y), tonumber(m), 1) end
	local w
	y, w = value:match("^(%d%d%d%d)%-W(%d%d)$")
	if y then return iso_week_monday(tonumber(y), tonumber(w)) end
	local q
	y, q = value:match("^(%d%d%d%d)%-Q([1-4])$")
	if y then return ymd(tonumber(y), (tonumber(q) - 1) * 3 + 1, 1) end
	y, q = value:match("^(%d%d%d%d)%-H([12])$")
	if y then return ymd(tonumber(y), q == "1" and 1 or 7, 1) end
	local s
	y, s = value:match("^(%d%d%d%d)%-(%u%u)$")
	if y and SEASON_MONTH[s] then return ymd(tonumber(y), SEASON_MONTH[s], 1) end
	y = value:match("^(%d%d%d%d)$")
	if y then return ymd(tonumber(y), 1, 1) end
	y = value:match("^(%d%d%d)$")
	if y then return ymd(tonumber(y) * 10, 1, 1) end
	y = value:match("^(%d%d)$")
	if y then return ymd(tonumber(y) * 100, 1, 1) end
	return nil
end

-- Months a granularity covers from its first day; nil: a single day.
local SPAN_MONTHS = { month = 1, season = 3, quarter = 3, half = 6, year = 12,
	decade = 120, century = 1200 }

--- The days an event covers: { first = d, last = d, open = nil | "before" |
--- "after" } in days since 1970-01-01, inclusive, from its sort_date (or
--- date) and granularity.  "early"/"mid"/"late" (mod START/MID/END) keep
--- the matching third of the span.  nil for an event without a calendar
--- date.
function M.span(e)
	local first = helpers.days(e.sort_date) or first_day(e.date)
	if not first then return nil end
	local g = e.granularity or "day"
	local last = first
	if g == "week" then
		last = first + 6
	elseif SPAN_MONTHS[g] then
		local y, m = helpers.civil(first)
		last = months_end(y, m, SPAN_MONTHS[g])
	end
	local mod = e.mod or ""
	local len = last - first + 1
	if len >= 3 then
		local third = len // 3
		if mod == "START" then
			last = first + third - 1
		elseif mod == "MID" then
			first = first + third
			last = first + third - 1
		elseif mod == "END" then
			first = last - third + 1
		end
	end
	local open
	if mod:find("BEFORE", 1, true) then open = "before"
	elseif mod:find("AFTER", 1, true) then open = "after" end
	return { first = first, last = last, open = open }
end

-- Ticks ------------------------------------------------------------------

-- Major ticks (labelled), minor ticks, and context labels (the month or
-- year the major labels belong to), for days [d0, d1) drawn over `px`
-- pixels.  The step is the smallest calendar unit whose labels fit.
local function ticks(d0, d1, px)
	local per_day = px / (d1 - d0)
	local major, minor, context = {}, {}, {}
	local function each_day(fn) for d = d0, d1 do fn(d, helpers.civil(d)) end end
	local function month_context()
		local y0, m0 = helpers.civil(d0)
		context[#context + 1] = { day = d0, label = MONTH_NAMES[m0] .. " " .. y0, edge = true }
		each_day(function(d, y, m, day)
			if day == 1 and d > d0 then
				context[#context + 1] = { day = d, label = MONTH_NAMES[m] .. " " .. y }
			end
		end)
	end
	if per_day >= 26 then
		each_day(function(d, _, _, day) major[#major + 1] = { day = d, label = tostring(day) } end)
		month_context()
	elseif per_day * 7 >= 34 then
		each_day(function(d, _, _, day)
			if (d + 3) % 7 == 0 then          -- a Monday
				major[#major + 1] = { day = d, label = tostring(day) }
			elseif per_day >= 4 then
				minor[#minor + 1] = d
			end
		end)
		month_context()
	elseif per_day * 30 >= 30 then
		local y0 = helpers.civil(d0)
		context[#context + 1] = { day = d0, label = tostring(y0), edge = true }
		-- Three letters need ~30px; when months are narrower, label every
		-- third month and tick the rest.
		local every = per_day * 30 >= 30 * 1.5 and 1 or 3
		each_day(function(d, y, m, day)
			if day == 1 then
				if (m - 1) % every == 0 then
					major[#major + 1] = { day = d, label = MONTHS[m] }
				else
					minor[#minor + 1] = d
				end
				if m == 1 and d > d0 then context[#context + 1] = { day = d, label = tostring(y) } end
			elseif per_day * 7 >= 8 and (d + 3) % 7 == 0 then
				minor[#minor + 1] = d
			end
		end)
	else
		local step = 1
		for _, s in ipairs({ 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000 }) do
			step = s
			if per_day * 365.25 * s >= 40 then break end
		end
		local y0, y1 = helpers.civil(d0), helpers.civil(d1)
		for y = y0, y1 + 1 do
			local d = ymd(y, 1, 1)
			if d and d >= d0 and d <= d1 then
				if y % step == 0 then
					major[#major + 1] = { day = d, label = tostring(y) }
				elseif step <= 10 or y % (step // 5) == 0 then
					minor[#minor + 1] = d
				end
			end
		end
	end
	return major, minor, context
end

-- The chart --------------------------------------------------------------

local WIDTH, PAD_X, TOP = 720, 18, 10
local AXIS_GAP, LABEL_ROW, CONTEXT_ROW = 8, 16, 32

-- Radius by number of sources: one source is still a visible, clickable
-- marker; five or more is the largest.
local function radius(n) return 8 + 2.5 * (min(max(n, 1), 5) - 1) end

local function num(v) return fmt("%.1f", v):gsub("%.0$", "") end

-- A binary heap in h[1..#h], least first by less(a, b).
local function heap_push(h, v, less)
	local i = #h + 1
	h[i] = v
	while i > 1 do
		local up = i // 2
		if not less(h[i], h[up]) then break end
		h[i], h[up] = h[up], h[i]
		i = up
	end
end

local function heap_pop(h, less)
	local n = #h
	if n == 0 then return nil end
	local top, last = h[1], h[n]
	h[n] = nil
	n = n - 1
	if n == 0 then return top end
	h[1] = last
	local i = 1
	while true do
		local l, r, least = 2 * i, 2 * i + 1, i
		if l <= n and less(h[l], h[least]) then least = l end
		if r <= n and less(h[r], h[least]) then least = r end
		if least == i then return top end
		h[i], h[least] = h[least], h[i]
		i = least
	end
end

-- Each of items (sorted by .from) gets .lane: the first lane whose last
-- marker ends (.to) at or before its .from.  Returns the number of lanes.
-- A lane free for one marker stays free for the next, so the busy lanes
-- wait in a heap by their end and move to a heap of free ones by number
-- once passed: a month of a large archive has hundreds of markers, and
-- asking every lane in turn was quadratic.
local function assign_lanes(items)
	local busy, free = {}, {}
	local function by_end(a, b) return a.stop < b.stop end
	local function by_number(a, b) return a < b end
	local n_lanes = 0
	for _, it in ipairs(items) do
		while busy[1] and busy[1].stop <= it.from do
			heap_push(free, heap_pop(busy, by_end).lane, by_number)
		end
		local lane = heap_pop(free, by_number)
		if not lane then
			n_lanes = n_lanes + 1
			lane = n_lanes
		end
		heap_push(busy, { lane = lane, stop = it.to }, by_end)
		it.lane = lane
	end
	return n_lanes
end
M._lanes = assign_lanes -- for tests

--- The chart of events as SVG markup (a safe string), or "" when no event
--- has a calendar date.  opts:
---   href(e)   the link of an event's marker (required)
---   label(e)  its tooltip text (default: the title)
---   number(e) the number shown on its marker (default: its position)
---   title     an accessible name for the chart
--- The <svg> is aria-hidden with unfocusable links: it repeats the list of
--- events that must follow it, which is what assistive technology reads.
function M.timeline(events, opts)
	opts = opts or {}
	local items = {}
	for i, e in ipairs(events or {}) do
		local sp = M.span(e)
		if sp then
			items[#items + 1] = { e = e, n = opts.number and opts.number(e) or i,
				first = sp.first, last = sp.last, open = sp.open,
				r = radius(#(e.sources or {})),
				coarse = sp.last > sp.first }
		end
	end
	if #items == 0 then return template.raw("") end

	local d0, d1 = math.huge, -math.huge
	for _, it in ipairs(items) do d0 = min(d0, it.first); d1 = max(d1, it.last + 1) end
	-- At least two weeks on the axis, and some room at both ends so that
	-- the first and last markers are not cut.
	if d1 - d0 < 14 then
		local grow = 14 - (d1 - d0)
		d0 = d0 - grow // 2
		d1 = d1 + grow - grow // 2
	end
	local pad = max(1, floor((d1 - d0) * 0.04 + 0.5))
	d0, d1 = d0 - pad, d1 + pad
	local left, right = PAD_X, WIDTH - PAD_X
	local function x(d) return left + (d - d0) * (right - left) / (d1 - d0) end

	-- Lanes: each marker goes into the first lane where it overlaps nothing.
	for _, it in ipairs(items) do
		local x1, x2 = x(it.first), x(it.last + 1)
		it.cx = it.coarse and (x1 + x2) / 2 or x(it.first + 0.5)
		it.x1, it.x2 = x1, x2
		it.from = min(x1, it.cx - it.r) - 3
		it.to = max(it.coarse and x2 or 0, it.cx + it.r) + 3
	end
	local order = {}
	for i = 1, #items do order[i] = items[i] end
	table.sort(order, function(a, b)
		if a.from ~= b.from then return a.from < b.from end
		return a.n < b.n
	end)
	local n_lanes = assign_lanes(order)
	local rmax = 0
	for _, it in ipairs(items) do rmax = max(rmax, it.r) end
	local lane_h = 2 * rmax + 8
	local axis_y = TOP + n_lanes * lane_h + AXIS_GAP
	local height = axis_y + CONTEXT_ROW + 8

	local out = {}
	local function add(...) out[#out + 1] = fmt(...) end
	add('<svg class="tl-chart" viewBox="0 0 %d %d" width="%d" height="%d" aria-hidden="true">',
		WIDTH, height, WIDTH, height)
	if opts.title then add("<title>%s</title>", esc(opts.title)) end

	local major, minor, context = ticks(d0, d1, right - left)
	add('<g class="tl-grid">')
	for _, t in ipairs(major) do
		local tx = num(x(t.day))
		add('<line x1="%s" y1="%d" x2="%s" y2="%d"/>', tx, TOP, tx, axis_y)
	end
	add("</g>")
	add('<g class="tl-axis">')
	add('<line x1="%d" y1="%d" x2="%d" y2="%d"/>', left, axis_y, right, axis_y)
	for _, d in ipairs(minor) do
		local tx = num(x(d))
		add('<line class="tl-minor" x1="%s" y1="%d" x2="%s" y2="%d"/>', tx, axis_y, tx, axis_y + 3)
	end
	for _, t in ipairs(major) do
		local tx = num(x(t.day))
		add('<line x1="%s" y1="%d" x2="%s" y2="%d"/>', tx, axis_y, tx, axis_y + 6)
		add('<text class="tl-tick" x="%s" y="%d" text-anchor="middle">%s</text>', tx,
			axis_y + LABEL_ROW + 2, esc(t.label))
	end
	-- A context label at the left edge is dropped when the next one would
	-- run into it (a month that has barely begun).
	for i, c in ipairs(context) do
		local cx = x(c.day)
		local nxt = context[i + 1]
		if not (c.edge and nxt and x(nxt.day) - cx < 120) then
			add('<text class="tl-context" x="%s" y="%d">%s</text>', num(max(cx, left)),
				axis_y + CONTEXT_ROW, esc(c.label))
		end
	end
	add("</g>")

	for _, it in ipairs(items) do
		local cy = TOP + (it.lane - 0.5) * lane_h
		local e = it.e
		local classes = "tl-event"
		if e.approximate or it.coarse or e.mod then classes = classes .. " tl-approx" end
		add('<a class="%s" href="%s" tabindex="-1">', classes, esc(opts.href(e)))
		add("<title>%s</title>", esc(opts.label and opts.label(e) or e.title or ""))
		if it.coarse then
			add('<rect class="tl-span" x="%s" y="%s" width="%s" height="8" rx="4"/>',
				num(it.x1), num(cy - 4), num(max(it.x2 - it.x1, 2)))
		end
		if it.open == "before" then
			add('<path class="tl-open" d="M%s %sl-8 -5v10z"/>', num(it.x1), num(cy))
		elseif it.open == "after" then
			add('<path class="tl-open" d="M%s %sl8 -5v10z"/>', num(it.x2), num(cy))
		end
		add('<circle class="tl-marker" cx="%s" cy="%s" r="%s"/>', num(it.cx), num(cy), num(it.r))
		add('<text class="tl-num" x="%s" y="%s" text-anchor="middle">%d</text>', num(it.cx),
			num(cy + 4), it.n)
		add("</a>")
	end
	add("</svg>")
	return template.raw(table.concat(out, "\n"))
end

M._ticks = ticks   -- for tests

return M
