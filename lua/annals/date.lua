-- annals.date: dates for readers, as precise as the date itself.
--
-- The core's dates are TIMEX3 values of any granularity: "2025-11-01",
-- "2025-09", "2025-W45", "2025-SU", "2025".  format() prints one with a
-- strftime-like pattern and leaves out what the value does not know:
-- format("2025-09", "%e %B %Y") is "September 2025", never "1 September
-- 2025", which would claim a day the articles never gave.  Available to
-- every theme and filter as annals.date; docs/themes.md is the manual.

local helpers = require("annals.helpers")

local M = {}

local MONTHS = { "January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December" }
local DAYS = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
	"Sunday" }
local PERIODS = {
	SP = "spring", SU = "summer", FA = "autumn", WI = "winter",
	Q1 = "Q1", Q2 = "Q2", Q3 = "Q3", Q4 = "Q4",
	H1 = "first half", H2 = "second half",
}

local PARTS = { TMO = "morning", TAF = "afternoon", TEV = "evening", TNI = "night",
	TDT = "daytime" }

-- What each directive needs from the value.
local NEEDS = {
	Y = "year", y = "year", G = "year",
	m = "month", B = "month", b = "month",
	d = "day", e = "day", A = "day", a = "day", j = "day",
	V = "week",
	H = "time", M = "time",
	Q = "period",
}

--- The parts of a TIMEX3 date value: { granularity =, year =, month =,
--- day =, week =, period =, hour =, minute =, part = ("morning" for
--- "2025-11-01TMO"), has = {unit = true} }, or nil
--- when value is not a calendar value.
function M.parse(value)
	if type(value) ~= "string" then return nil end
	local p = { has = {} }
	local function day(y, m, d)
		local days = helpers.days(string.format("%04d-%02d-%02d", y, m, d))
		if not days then return nil end
		local cy, cm, cd = helpers.civil(days)
		if cy ~= y or cm ~= m or cd ~= d then return nil end -- 31 November
		p.year, p.month, p.day = y, m, d
		p.weekday = (days + 3) % 7 + 1
		p.week = tonumber(helpers.iso_week(string.format("%04d-%02d-%02d", y, m, d)):sub(-2))
		p.has.year, p.has.month, p.has.day = true, true, true
		return p
	end
	local y, m, d, hh, mm = value:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)T(%d%d):(%d%d)")
	if y then
		if not day(tonumber(y), tonumber(m), tonumber(d)) then return nil end
		p.granularity, p.hour, p.minute, p.has.time = "time", tonumber(hh), tonumber(mm), true
		return p
	end
	-- a day, or a part of one ("2025-11-01TMO": a day to a pattern, with
	-- the part in words as p.part)
	local part
	y, m, d, part = value:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)(.*)$")
	if y and (part == "" or PARTS[part]) then
		if not day(tonumber(y), tonumber(m), tonumber(d)) then return nil end
		p.granularity, p.part = "day", PARTS[part]
		return p
	end
	local w
	y, w = value:match("^(%d%d%d%d)%-W(%d%d)$")
	if y then
		w = tonumber(w)
		if w < 1 or w > 53 then return nil end
		p.granularity, p.year, p.week = "week", tonumber(y), w
		p.has.year, p.has.week = true, true
		return p
	end
	y, m = value:match("^(%d%d%d%d)%-(%d%d)$")
	if y then
		m = tonumber(m)
		if m < 1 or m > 12 then return nil end
		p.granularity, p.year, p.month = "month", tonumber(y), m
		p.has.year, p.has.month = true, true
		return p
	end
	local code
	y, code = value:match("^(%d%d%d%d)%-(%u%w)$")
	if y and PERIODS[code] then
		local kinds = { S = "season", F = "season", W = "season", Q = "quarter", H = "half" }
		p.granularity, p.year, p.period = kinds[code:sub(1, 1)], tonumber(y), PERIODS[code]
		p.has.year, p.has.period = true, true
		return p
	end
	if value:match("^%d%d%d%d$") then
		p.granularity, p.year, p.has.year = "year", tonumber(value), true
		return p
	end
	if value:match("^%d%d%d$") then p.granularity = "decade"; return p end
	if value:match("^%d%d$") then p.granularity = "century"; return p end
	return nil
end

local function directive(p, c)
	if c == "Y" or c == "G" then return string.format("%04d", p.year)
	elseif c == "y" then return string.format("%02d", p.year % 100)
	elseif c == "m" then return string.format("%02d", p.month)
	elseif c == "B" then return MONTHS[p.month]
	elseif c == "b" then return MONTHS[p.month]:sub(1, 3)
	elseif c == "d" then return string.format("%02d", p.day)
	elseif c == "e" then return tostring(p.day)
	elseif c == "A" then return DAYS[p.weekday]
	elseif c == "a" then return DAYS[p.weekday]:sub(1, 3)
	elseif c == "V" then return string.format("%02d", p.week)
	elseif c == "H" then return string.format("%02d", p.hour)
	elseif c == "M" then return string.format("%02d", p.minute)
	elseif c == "Q" then return p.period
	end
end

-- Splits a pattern into literal strings and { c = directive } items.
local function tokens(pattern)
	local out, pos = {}, 1
	while pos <= #pattern do
		local s = pattern:find("%", pos, true)
		if not s then out[#out + 1] = pattern:sub(pos); break end
		if s > pos then out[#out + 1] = pattern:sub(pos, s - 1) end
		local c = pattern:sub(s + 1, s + 1)
		if c == "%" then
			out[#out + 1] = "%"
		elseif NEEDS[c] then
			out[#out + 1] = { c = c }
		else
			error(string.format("annals.date.format: unknown directive '%%%s' in %q", c,
				pattern), 3)
		end
		pos = s + 2
	end
	return out
end

--- value (a TIMEX3 date value, or a table with .date such as an event)
--- printed with pattern: %Y %y year, %m %B %b month (number, name, short
--- name), %d %e day (two digits, plain), %A %a weekday, %V ISO week, %H %M
--- time, %Q the season, quarter or half ("summer", "Q3", "first half"),
--- %% a per cent sign.  A directive the value cannot fill is left out with
--- the text that joins it to the next one (the previous one at the end).
--- When the value's own precision has no directive in the pattern (a week
--- without %V, a season without %Q, a decade), the reader's label
--- (annals.date_label) is returned instead.  pattern may be a table by
--- granularity ({ day = "...", month = "...", default = "..." }); with no
--- pattern the label is returned.  A value that is not a date comes back
--- as it is.
function M.format(value, pattern)
	if type(value) == "table" then value = value.date end
	if value == nil then return "" end
	value = tostring(value)
	local p = M.parse(value)
	if not p then return value end
	if type(pattern) == "table" then
		pattern = pattern[p.granularity] or pattern.default
	end
	if pattern == nil then return annals.date_label(value) end
	if type(pattern) ~= "string" then
		error("annals.date.format: the pattern must be a string or a table", 2)
	end
	local list = tokens(pattern)
	local has_own = { day = true, time = true, month = true, year = true }
	local own = ({ week = "V", season = "Q", quarter = "Q", half = "Q" })[p.granularity]
	if not has_own[p.granularity] then
		local found = false
		for _, t in ipairs(list) do
			if type(t) == "table" and t.c == own then found = true end
		end
		if not found then return annals.date_label(value) end
	end
	-- Drop what the value does not know, with the literal after it (or
	-- before it when it is the last directive).
	local keep = {}
	for i, t in ipairs(list) do keep[i] = true end
	local last_kept
	for i, t in ipairs(list) do
		if type(t) == "table" then
			if p.has[NEEDS[t.c]] then
				last_kept = i
			else
				keep[i] = false
				local j = i + 1
				local next_directive = false
				for k = i + 1, #list do
					if type(list[k]) == "table" and p.has[NEEDS[list[k].c]] then
						next_directive = true
						break
					end
				end
				if next_directive and type(list[j]) == "string" then
					keep[j] = false
				elseif not next_directive and last_kept and type(list[i - 1]) == "string" then
					keep[i - 1] = false
				end
			end
		end
	end
	local out = {}
	for i, t in ipairs(list) do
		if keep[i] then out[#out + 1] = type(t) == "table" and directive(p, t.c) or t end
	end
	return table.concat(out)
end

return M
