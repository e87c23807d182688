-- The default annals theme: turns the site table into the timeline page,
-- one page per event and per article, an Atom feed and (when the site has a
-- base URL) a sitemap.  The markup lives in templates/; this file decides
-- which pages exist and gives the templates what they need.  docs/themes.md
-- describes the contract with the core.

local template = require("annals.template")
local helpers = require("annals.helpers")

local theme = {}

-- Fixed, so that entry ids stay the same from build to build (a feed
-- reader shows an entry again when its id changes).  ".invalid" can never
-- be registered, so these tags cannot collide with anyone else's.
local TAG_AUTHORITY = "tag:annals.invalid,2025:"

-- Paths come from the core, but a page outside the output folder must not
-- be produced by a theme either; fail loudly rather than write it.
local function check_path(path)
	if type(path) ~= "string" or path == "" or path:find("^/")
		or path:find("\\", 1, true) then
		error(string.format("bad page path %q", tostring(path)), 2)
	end
	for seg in path:gmatch("[^/]+") do
		if seg == ".." then
			error(string.format("page path %q leaves the output folder", path), 2)
		end
	end
	return path
end

-- A lower-case ASCII label for the tag: URI of a site without base URL.
local function site_key(title)
	local key = (title or ""):lower():gsub("[^%w]+", "-"):gsub("^%-+", "")
		:gsub("%-+$", "")
	return key ~= "" and key or "site"
end

function theme.build(site)
	local articles = site.articles or {}
	local events = site.events or {}
	local undated = site.undated or {}
	local base_url = site.base_url or ""

	local article_by_slug = helpers.index_by(articles, "slug")
	-- Position on the timeline, undated facts after the dated ones: lists
	-- of events elsewhere (an article's) are shown in timeline order.
	local event_by_id, position = {}, {}
	for i, e in ipairs(events) do event_by_id[e.id] = e; position[e.id] = i end
	for i, e in ipairs(undated) do
		event_by_id[e.id] = e; position[e.id] = #events + i
	end

	local function event_url(e) return e.url or ("events/" .. e.id .. ".html") end
	local function article_url(a) return a.url or ("articles/" .. a.slug .. ".html") end

	-- The articles that report event e, in the order of e.sources, each
	-- once; slugs the site does not know are skipped.
	local function sources_of(e)
		local out, seen = {}, {}
		for _, slug in ipairs(e.sources or {}) do
			local a = article_by_slug[slug]
			if a and not seen[slug] then seen[slug] = true; out[#out + 1] = a end
		end
		return out
	end

	local function events_of(a)
		local out, seen = {}, {}
		for _, id in ipairs(a.events or {}) do
			local e = event_by_id[id]
			if e and not seen[id] then seen[id] = true; out[#out + 1] = e end
		end
		table.sort(out, function(x, y) return position[x.id] < position[y.id] end)
		return out
	end

	-- Where a mention's sentence sits: the <time> element of the article
	-- page when the core gave its id, else the article page.
	local function mention_url(m)
		local url = m.article_url
		if not url then
			local a = article_by_slug[m.article]
			url = a and article_url(a) or ("articles/" .. tostring(m.article) .. ".html")
		end
		if m.anchor and m.anchor ~= "" then url = url .. "#" .. m.anchor end
		return url
	end

	local pages = {}

	-- Renders template name for the page at path, then wraps it in
	-- layout.html; vars are the page's own template variables.
	local function page(path, name, vars)
		check_path(path)
		local ctx = {
			site = site, page_path = path, helpers = helpers,
			href = function(target) return helpers.url(path, target) end,
			absolute = function(target) return helpers.absolute(base_url, target) end,
			sources_of = sources_of, events_of = events_of,
			event_url = event_url, article_url = article_url,
			mention_url = mention_url, article = function(slug)
				return article_by_slug[slug]
			end,
		}
		for k, v in pairs(vars) do ctx[k] = v end
		ctx.content = template.raw(template.render(name, ctx))
		pages[#pages + 1] = { path = path, content = template.render("layout.html", ctx) .. "\n" }
	end

	page("index.html", "index.html", {})
	if site.changes and #site.changes > 0 then
		page("changes.html", "changes.html", { title = "Changes", changes = site.changes,
			description = "How this timeline changed, commit by commit." })
	end

	for i, e in ipairs(events) do
		page(event_url(e), "event.html", {
			event = e, title = e.title, description = e.summary,
			previous = events[i - 1], following = events[i + 1],
		})
	end
	for _, e in ipairs(undated) do
		page(event_url(e), "event.html", {
			event = e, title = e.title, description = e.summary,
		})
	end
	for _, a in ipairs(articles) do
		page(article_url(a), "article.html", {
			article = a, title = a.title, description = a.summary,
		})
	end

	-- Atom: entry ids are the absolute page URLs when there is a base URL,
	-- else tag: URIs; links stay relative to feed.xml, which sits at the
	-- root, so they resolve either way.
	local key = site_key(site.title)
	local updated = helpers.rfc3339(site.updated) or "1970-01-01T00:00:00Z"
	local entries = {}
	for _, e in ipairs(events) do
		-- An event changes when an article reports it; its last report is
		-- its update time, its first its publication.
		local first, last
		for _, m in ipairs(e.mentions or {}) do
			if m.date and (not first or m.date < first) then first = m.date end
			if m.date and (not last or m.date > last) then last = m.date end
		end
		local url = event_url(e)
		entries[#entries + 1] = {
			event = e,
			id = helpers.absolute(base_url, url) or (TAG_AUTHORITY .. key .. "/" .. url),
			link = helpers.absolute(base_url, url) or url,
			updated = helpers.rfc3339(last) or updated,
			published = helpers.rfc3339(first),
			sources = sources_of(e),
		}
	end
	local feed_ctx = {
		site = site, entries = entries, updated = updated,
		id = helpers.absolute(base_url, "") or (TAG_AUTHORITY .. key .. "/"),
		home = helpers.absolute(base_url, "index.html") or "index.html",
		self = helpers.absolute(base_url, "feed.xml"),
	}
	pages[#pages + 1] = { path = "feed.xml", content = template.render("feed.xml", feed_ctx) .. "\n" }

	-- A sitemap needs absolute URLs and at least one <url>: without a base
	-- URL there is nothing valid to write, so there is no sitemap.
	if base_url ~= "" then
		-- lastmod must be a W3C date; anything else is left out.
		local function w3c(d)
			return type(d) == "string" and d:match("^%d%d%d%d%-%d%d%-%d%d$") or nil
		end
		local urls = { { loc = helpers.absolute(base_url, "index.html"), lastmod = w3c(site.updated) } }
		for _, e in ipairs(events) do
			local last
			for _, m in ipairs(e.mentions or {}) do
				if m.date and (not last or m.date > last) then last = m.date end
			end
			urls[#urls + 1] = { loc = helpers.absolute(base_url, event_url(e)), lastmod = w3c(last) }
		end
		for _, e in ipairs(undated) do
			urls[#urls + 1] = { loc = helpers.absolute(base_url, event_url(e)) }
		end
		for _, a in ipairs(articles) do
			urls[#urls + 1] = { loc = helpers.absolute(base_url, article_url(a)), lastmod = w3c(a.date) }
		end
		pages[#pages + 1] = { path = "sitemap.xml",
			content = template.render("sitemap.xml", { urls = urls }) .. "\n" }
	end

	return pages
end

return theme
