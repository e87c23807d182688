-- The report theme: the whole timeline as one printable page, as a
-- newsroom hands it round before a meeting: every event with its date, its
-- sources and what they said, the facts without a date, the disputed
-- figures, and the articles it was built from.  It stands alone (it does
-- not extend the default theme) and uses only the documented API:
-- annals.template, annals.date.format, annals.escape (through the
-- templates), annals.url and annals.markdown.  docs/themes.md is the manual.

local template = require("annals.template")

local theme = {}

-- The date of an event as precise as the event: "1 November 2025",
-- "September 2025", "week of 3 November 2025"; early/late/about from the
-- core's label when the date carries a modifier.
local function when(e)
	if not e.date then return nil end
	if e.mod then return e.date_label end
	return annals.date.format(e.date, "%e %B %Y")
end

-- Events in sections: the eras a filter set (on_timeline), else months.
local function sections(events)
	local out, current = {}, nil
	for i, e in ipairs(events) do
		local heading = e.era or annals.date.format(e.sort_date or e.date, "%B %Y")
		if not current or current.heading ~= heading then
			current = { heading = heading, events = {} }
			out[#out + 1] = current
		end
		current.events[#current.events + 1] = { number = i, event = e }
	end
	return out
end

function theme.build(site)
	local by_slug = {}
	for _, a in ipairs(site.articles or {}) do by_slug[a.slug] = a end
	local function sources_of(e)
		local out = {}
		for _, slug in ipairs(e.sources or {}) do
			if by_slug[slug] then out[#out + 1] = by_slug[slug] end
		end
		return out
	end
	local params = site.params or {}
	local ctx = {
		site = site,
		sections = sections(site.events or {}),
		undated = site.undated or {},
		disputes = site.disputes or {},
		articles = site.articles or {},
		sources_of = sources_of,
		when = when,
		-- site.params.intro is Markdown written by the site's editors:
		-- rendered by cmark in safe mode, so it can hold no raw HTML
		intro = params.intro and template.raw(annals.markdown(params.intro)) or nil,
		prepared_by = params.prepared_by,
		href = function(target) return annals.url("index.html", target) end,
		updated = site.updated and annals.date.format(site.updated, "%e %B %Y"),
	}
	return {
		{ path = "index.html", content = template.render("report.html", ctx) .. "\n" },
	}
end

return theme
