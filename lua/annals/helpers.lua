-- annals.helpers: small pure functions themes need around the templates:
-- relative links between output pages, absolute URLs for feeds, XML text,
-- RFC 3339 timestamps and HTML datetime values.  No clock, no I/O: the same
-- site table always gives the same pages.

local template = require("annals.template")

local M = {}

local find, sub, match, format = string.find, string.sub, string.match,
	string.format

-- Paths ------------------------------------------------------------------

--- The relative URL that leads from the output page from_path to
--- target_path (both relative to the output folder, "/"-separated).
--- A "#fragment" or "?query" on the target is kept; URLs with a scheme
--- ("https:", "mailto:"), "//host" or "/rooted" paths and bare "#fragment"
--- are returned unchanged.
---   url("index.html", "events/x.html")          --> "events/x.html"
---   url("events/x.html", "articles/y.html#t3")  --> "../articles/y.html#t3"
---   url("events/x.html", "style.css")           --> "../style.css"
-- In C (luaapi.c): it is on every link of every page.
M.url = annals.url

--- base_url joined with path by exactly one "/", or nil when base_url is
--- nil or empty (a site without a base URL has relative links only).
function M.absolute(base_url, path)
	if base_url == nil or base_url == "" then return nil end
	return (string.gsub(base_url, "/+$", "")) .. "/"
		.. (string.gsub(path or "", "^/+", ""))
end

-- Text -------------------------------------------------------------------

--- Text for XML element content and quoted attributes: & < > " ' as
--- entities (the HTML and XML sets coincide for these five), characters
--- XML 1.0 forbids removed.  nil gives "".
M.xml_escape = template.escape

--- Escaped text with the first occurrence of needle wrapped in <mark>;
--- for showing which words of a quoted sentence carry the date.  Returns a
--- safe string (see template.raw); the plain escaped text when needle is
--- nil, empty or absent.
function M.mark(text, needle)
	local esc = template.escape
	text = text or ""
	if needle and needle ~= "" then
		local s, e = find(text, needle, 1, true)
		if s then
			return template.raw(esc(sub(text, 1, s - 1)) .. "<mark>"
				.. esc(sub(text, s, e)) .. "</mark>" .. esc(sub(text, e + 1)))
		end
	end
	return template.raw(esc(text))
end

--- "1 event" / "3 events": n followed by the singular or plural word
--- (plural defaults to singular .. "s").
function M.count(n, singular, plural)
	return format("%d %s", n, n == 1 and singular or (plural or singular .. "s"))
end

--- A number as a reader writes it: 70 rather than 70.0, 2.5 as is;
--- strings come back unchanged, nil gives "".
function M.number(v)
	if type(v) == "number" then
		if v == math.floor(v) and math.abs(v) < 2^53 then return format("%d", v) end
		return (format("%.6g", v))
	end
	return v == nil and "" or tostring(v)
end

--- A table from list[i][field] to list[i]; later duplicates lose, so the
--- first entry in the given order wins.
function M.index_by(list, field)
	local t = {}
	for _, item in ipairs(list or {}) do
		local k = item[field]
		if k ~= nil and t[k] == nil then t[k] = item end
	end
	return t
end

-- Dates ------------------------------------------------------------------

-- Days since 1970-01-01 of a proleptic Gregorian date, and back (Howard
-- Hinnant's algorithms; exact for every year Lua's integers hold).
local function days_from_civil(y, m, d)
	y = m <= 2 and y - 1 or y
	local era = (y >= 0 and y or y - 399) // 400
	local yoe = y - era * 400
	local doy = (153 * (m > 2 and m - 3 or m + 9) + 2) // 5 + d - 1
	local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
	return era * 146097 + doe - 719468
end

local function civil_from_days(z)
	z = z + 719468
	local era = (z >= 0 and z or z - 146096) // 146097
	local doe = z - era * 146097
	local yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
	local doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
	local mp = (5 * doy + 2) // 153
	local d = doy - (153 * mp + 2) // 5 + 1
	local m = mp < 10 and mp + 3 or mp - 9
	return yoe + era * 400 + (m <= 2 and 1 or 0), m, d
end

--- Days since 1970-01-01 of an ISO date "YYYY-MM-DD" (a date-time is cut
--- to its day), or nil when iso is not such a date.
function M.days(iso)
	local y, m, d = match(iso or "", "^(%d%d%d%d)%-(%d%d)%-(%d%d)")
	if not y then return nil end
	y, m, d = tonumber(y), tonumber(m), tonumber(d)
	if m < 1 or m > 12 or d < 1 or d > 31 then return nil end
	return days_from_civil(y, m, d)
end

--- The year, month and day of a count of days since 1970-01-01; the
--- inverse of days().
function M.civil(days)
	return civil_from_days(days)
end

--- The ISO 8601 week string ("2025-W45") of the week holding a
--- "YYYY-MM-DD" date, or nil when iso is not such a date.
function M.iso_week(iso)
	local y, m, d = match(iso or "", "^(%d%d%d%d)%-(%d%d)%-(%d%d)")
	if not y then return nil end
	local days = days_from_civil(tonumber(y), tonumber(m), tonumber(d))
	local weekday = (days + 3) % 7 + 1           -- Monday 1 .. Sunday 7
	local thursday = days - weekday + 4          -- decides the week's year
	local ty = civil_from_days(thursday)
	local week = (thursday - days_from_civil(ty, 1, 1)) // 7 + 1
	return format("%04d-W%02d", ty, week)
end

--- An RFC 3339 timestamp for an ISO date, as Atom wants: "2025-11-11" ->
--- "2025-11-11T00:00:00Z"; "2025-11" and "2025" get the first day; a
--- date-time without a zone is taken as UTC.  nil for anything else.
function M.rfc3339(iso)
	iso = iso or ""
	local y, m, d = match(iso, "^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
	if y then return format("%s-%s-%sT00:00:00Z", y, m, d) end
	y, m = match(iso, "^(%d%d%d%d)%-(%d%d)$")
	if y then return format("%s-%s-01T00:00:00Z", y, m) end
	y = match(iso, "^(%d%d%d%d)$")
	if y then return y .. "-01-01T00:00:00Z" end
	local date, hm, rest = match(iso,
		"^(%d%d%d%d%-%d%d%-%d%d)[Tt ](%d%d:%d%d)(.*)$")
	if not date then return nil end
	local sec, zone = match(rest, "^(:%d%d[%.%d]*)(.*)$")
	if not sec then sec, zone = ":00", rest end
	if zone == "" then
		zone = "Z"
	elseif not (zone == "Z" or zone == "z" or match(zone, "^[+-]%d%d:%d%d$")) then
		return nil
	end
	return date .. "T" .. hm .. sec .. zone
end

-- How precise an HTML datetime value can be for each granularity.  Season,
-- quarter and half have no HTML form, so they fall back to the year that
-- contains them: coarser, never wrong.
local DATETIME_BY_GRANULARITY = {
	day = "day", time = "day", week = "week", month = "month",
	season = "year", quarter = "year", half = "year",
	year = "year", decade = "year", century = "year",
}

-- (the work of M.datetime, on a date it has not seen)
local function datetime_of(date, granularity)
	local y, m, d = match(date, "^(%d%d%d%d+)%-(%d%d)%-(%d%d)")
	if not y then y, m = match(date, "^(%d%d%d%d+)%-(%d%d)$") end
	if not y then y = match(date, "^(%d%d%d%d+)$") end
	if not y then return nil end
	local want = DATETIME_BY_GRANULARITY[granularity or "day"] or "day"
	if want == "day" and d then
		-- A full date-time, if given, is valid as is.
		if match(date, "^%d%d%d%d+%-%d%d%-%d%dT%d%d:%d%d") then return date end
		return format("%s-%s-%s", y, m, d)
	elseif want == "week" and d then
		return M.iso_week(date)
	elseif want ~= "year" and m then
		return y .. "-" .. m
	end
	return y
end

--- The value for <time datetime> of a date at the start of its span,
--- as precise as its granularity: ("2025-11-01", "day") -> "2025-11-01",
--- ("2025-09-01", "month") -> "2025-09", ("2025-11-03", "week") ->
--- "2025-W45", ("2025-07-01", "season") -> "2025".  nil when date is not
--- an ISO date HTML accepts (then use no <time> element).
local datetime_memo = {}

function M.datetime(date, granularity)
	date = date or ""
	-- (every list of events asks for the same few thousand dates)
	local by_gran = datetime_memo[granularity or "day"]
	if by_gran then
		local v = by_gran[date]
		if v ~= nil then return v or nil end
	else
		by_gran = {}
		datetime_memo[granularity or "day"] = by_gran
	end
	local v = datetime_of(date, granularity)
	by_gran[date] = v or false
	return v
end

return M
