-- The default annals theme: turns the site table into the timeline page
-- (an SVG chart drawn at build time, then the events as a list), one page
-- per event, article and entity, a sources page with the coverage matrix,
-- a search page with its static index, an Atom feed and (when the site has
-- a base URL) a sitemap.  The markup lives in templates/; this file decides
-- which pages exist and gives the templates what they need.
-- docs/themes.md describes the contract with the core.

local template = require("annals.template")
local helpers = require("annals.helpers")
local svg = require("annals.svg")
local json = require("annals.json")

-- The core may render this theme in several Lua states at once, each
-- making its share of the pages (build's third argument).
local theme = { parallel = true }

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

-- A file-name-safe, lower-case ASCII slug of s for an entity page.  Bytes
-- of non-ASCII letters become hex ("Türk" -> "t-c3bc-rk" would lose the
-- letter otherwise), so that "Türk" and "Turk" stay apart.
local function slugify(s)
	s = tostring(s or ""):lower():gsub("[\128-\255]", function(c)
		return string.format("%02x", c:byte())
	end)
	s = s:gsub("[^%w]+", "-"):gsub("^%-+", ""):gsub("%-+$", "")
	return s ~= "" and s:sub(1, 80) or "entity"
end

-- The rank of the n-th event of `list` by rank (no rank last): the first n
-- by rank are among those ranked no lower, so only those need sorting.
-- The ranks are numbers, sorted by Lua's own comparison, in C.
local function rank_bound(list, n)
	if #list <= n then return math.huge end
	local ranks = {}
	for i, e in ipairs(list) do ranks[i] = e.rank or math.huge end
	table.sort(ranks)
	return ranks[n]
end

-- site.params[name] as a count of at least 1, else `default`.
local function count_param(site, name, default)
	local n = math.tointeger(tonumber(site.params and site.params[name]))
	return n and n >= 1 and n or default
end

-- fn(x), worked out the first time and kept for the build: for what
-- several pages ask of one event or article (the value is shared, so
-- callers must not change it).
local function once(fn)
	local memo = {}
	return function(x)
		local v = memo[x]
		if v == nil then
			v = fn(x)
			memo[x] = v
		end
		return v
	end
end

-- What an entry of event.entities refers to: its id, slug or name (the
-- core may give strings or tables).
local function entity_ref(x)
	if type(x) == "table" then return x.id or x.slug or x.name or x.text end
	return x
end

local function entity_name(x)
	if type(x) == "table" then return x.name or x.text or x.label or x.id end
	return x
end

-- site.entities as the theme uses them: each with a name, a unique page
-- path and its events; nil when the core gives no entities.
local function prepare_entities(site, event_by_id)
	if type(site.entities) ~= "table" then return nil end
	local list, by_ref, used, used_url = {}, {}, {}, {}
	for _, raw in ipairs(site.entities) do
		local ent = type(raw) == "table" and raw or { name = tostring(raw) }
		local name = entity_name(ent)
		if name and name ~= "" then
			local slug = slugify(ent.slug or ent.id or name)
			local base, n = slug, 1
			while used[slug] do n = n + 1; slug = base .. "-" .. n end
			used[slug] = true
			-- The core's url when it is a plain page path, else our own.
			local url = type(ent.url) == "string" and ent.url:match("^entities/[%w._-]+%.html$")
			if not url or used_url[url] then url = "entities/" .. slug .. ".html" end
			used_url[url] = true
			local e = { name = name, kind = ent.kind or ent.type, aliases = ent.aliases or ent.variants,
				url = url, slug = slug, raw = ent, events = {} }
			list[#list + 1] = e
			-- (not ipairs: id and slug may be nil)
			for _, key in pairs({ ent.id, ent.slug, name }) do
				if by_ref[key] == nil then by_ref[key] = e end
			end
			for _, alias in ipairs(type(e.aliases) == "table" and e.aliases or {}) do
				if by_ref[alias] == nil then by_ref[alias] = e end
			end
		end
	end
	return list, by_ref
end

-- `emit`, when the core gives it, writes a page at once, so the page's
-- string can be collected while the next renders; a theme that extends
-- this one and calls theme.parent.build(site) without it gets the list.
-- `shard` ({index =, count =}, when the core splits the work) says which
-- share of the pages this call makes: the site-wide HTML pages in the
-- first, the search index, feed and sitemap in the last, the pages of
-- events, entities and articles dealt round all of them.
function theme.build(site, emit, shard)
	local share_index, share_count = 1, 1
	if type(shard) == "table" then share_index, share_count = shard.index, shard.count end
	-- The site-wide pages are split between the first share (the HTML
	-- pages) and the last (search index, feed, sitemap), so that on a
	-- rebuild, where few other pages are made, neither core waits for one
	-- share doing them all.
	local whole = share_index == 1
	local data_files = share_index == share_count
	local dealt = 0
	local function mine()
		dealt = dealt + 1
		return (dealt - 1) % share_count + 1 == share_index
	end
	-- An event's date is the same on its page, its timeline's, and every
	-- article's and entity's page that lists it: made once a build (the
	-- memo checks the variables it read besides `event`, so an override
	-- that reads the page's own still renders per page).
	template.memo("partials/date.html")
	local articles = site.articles or {}
	local events = site.events or {}
	local undated = site.undated or {}
	local base_url = site.base_url or ""

	local article_by_slug = helpers.index_by(articles, "slug")
	-- Position on the timeline, undated facts after the dated ones: lists
	-- of events elsewhere (an article's) are shown in timeline order.
	local event_by_id, position = {}, {}
	-- (also by the event's table: the order checks below run over every
	-- list of events on every build, rebuilds included)
	local position_of = {}
	for i, e in ipairs(events) do
		event_by_id[e.id] = e; position[e.id] = i; position_of[e] = i
	end
	for i, e in ipairs(undated) do
		event_by_id[e.id] = e; position[e.id] = #events + i; position_of[e] = #events + i
	end
	-- Events into timeline order.  The core's lists mostly come in that
	-- order already: a pass that finds so is much cheaper than a sort,
	-- which calls the comparison n log n times.
	local function by_position(x, y) return position_of[x] < position_of[y] end
	local function sort_by_position(list)
		local before = position_of[list[1]]
		for i = 2, #list do
			local at = position_of[list[i]]
			if at < before then
				table.sort(list, by_position)
				return
			end
			before = at
		end
	end

	-- Entities, when the core provides them: each gets the events that list
	-- it, from the entity's own `events` or from the events' `entities`.
	local entities, entity_by_ref = prepare_entities(site, event_by_id)
	if entities then
		local function attach(ent, e)
			local seen = ent.seen
			if not seen then seen = {}; ent.seen = seen end
			if not seen[e] then seen[e] = true; ent.events[#ent.events + 1] = e end
		end
		for _, ent in ipairs(entities) do
			for _, id in ipairs(type(ent.raw.events) == "table" and ent.raw.events or {}) do
				local e = event_by_id[entity_ref(id)]
				if e then attach(ent, e) end
			end
		end
		for _, list in ipairs({ events, undated }) do
			for _, e in ipairs(list) do
				for _, x in ipairs(e.entities or {}) do
					local ent = entity_by_ref[entity_ref(x)] or entity_by_ref[entity_name(x)]
					if ent then attach(ent, e) end
				end
			end
		end
		for _, ent in ipairs(entities) do
			sort_by_position(ent.events)
			ent.seen = nil
		end
		table.sort(entities, function(a, b)
			if #a.events ~= #b.events then return #a.events > #b.events end
			return a.name < b.name
		end)
	end

	-- The entities of event e as { name =, url = (nil without a page) }.
	local entities_of = once(function(e)
		local out = {}
		for _, x in ipairs(e.entities or {}) do
			local ent = entity_by_ref and (entity_by_ref[entity_ref(x)] or entity_by_ref[entity_name(x)])
			local name = ent and ent.name or entity_name(x)
			if name and name ~= "" then out[#out + 1] = { name = name, url = ent and ent.url } end
		end
		return out
	end)

	-- An event page quotes its first reports only (site.params.event_quotes,
	-- default 20) and lists the other articles that report it: on a large
	-- archive "in 2020" has thousands of reports, and a page of thousands
	-- of quotes is no use to a reader and most of the build's output.
	local quote_limit = count_param(site, "event_quotes", 20)
	-- An item of the timeline names its first five reporting articles and
	-- counts the others (the event page lists them all): an event a
	-- thousand articles report is one line, not a thousand links.
	local item_sources = 5
	local function quoted_reports(e)
		local all = e.mentions or {}
		local shown, quoted_article, more = {}, {}, {}
		for i = 1, math.min(#all, quote_limit) do
			shown[i] = all[i]
			quoted_article[all[i].article] = true
		end
		for i = quote_limit + 1, #all do
			local m = all[i]
			if not quoted_article[m.article] then
				quoted_article[m.article] = true
				more[#more + 1] = m
			end
		end
		return shown, more
	end

	local function event_url(e) return e.url or ("events/" .. e.id .. ".html") end
	local function article_url(a) return a.url or ("articles/" .. a.slug .. ".html") end

	-- A long timeline is not one page: past site.params.timeline_page dated
	-- events (default 300) it is split by year, and a year with more than
	-- that by month, each period a page of its own that the home page
	-- links.  A home page of tens of thousands of events is tens of
	-- megabytes no browser shows well, and any edit would make it again.
	local period_limit = count_param(site, "timeline_page", 300)
	local periods, period_of = {}, {}
	if #events > period_limit then
		local by_key = {}
		local function period(key, label, parent)
			local p = by_key[key]
			if not p then
				p = { key = key, label = label, path = "timeline/" .. key .. ".html",
					events = {}, months = {}, parent = parent }
				by_key[key] = p
				if parent then parent.months[#parent.months + 1] = p else periods[#periods + 1] = p end
			end
			return p
		end
		-- the year of the event's first day; dates before year 1000 (and
		-- anything odd) share one page
		local function year_of(e)
			local y = (e.sort_date or e.date or ""):match("^(%d%d%d%d)%-")
			return y or "earlier", y or "Earlier dates"
		end
		local count = {}
		for _, e in ipairs(events) do
			local y = year_of(e)
			count[y] = (count[y] or 0) + 1
		end
		local fine = { day = true, week = true, month = true, time = true }
		for _, e in ipairs(events) do
			local y, label = year_of(e)
			local p = period(y, label)
			-- a split year keeps on its own page what is dated only to a
			-- season, quarter or the year itself
			local m = count[y] > period_limit and fine[e.granularity] and y ~= "earlier"
				and (e.sort_date or ""):match("^%d%d%d%d%-%d%d")
			if m then p = period(m, annals.date_label(m), p) end
			p.events[#p.events + 1] = e
			period_of[e.id] = p
		end
		local all = {}
		for _, p in ipairs(periods) do
			all[#all + 1] = p
			for _, mp in ipairs(p.months) do all[#all + 1] = mp end
		end
		for i, p in ipairs(all) do p.previous, p.following = all[i - 1], all[i + 1] end
		-- (a month has no months: its total is its own events)
		for i = #all, 1, -1 do
			local p = all[i]
			p.total = #p.events
			for _, mp in ipairs(p.months) do p.total = p.total + mp.total end
		end
		periods.all = all
	end
	-- Where event e sits on the timeline: its period's page, or the home
	-- page of a short timeline.
	local function timeline_url(e)
		local p = period_of[e.id]
		return (p and p.path or "index.html") .. "#" .. e.id
	end

	-- The articles that report event e, in the order of e.sources, each
	-- once; slugs the site does not know are skipped.
	local sources_of = once(function(e)
		local out, seen = {}, {}
		for _, slug in ipairs(e.sources or {}) do
			local a = article_by_slug[slug]
			if a and not seen[slug] then seen[slug] = true; out[#out + 1] = a end
		end
		return out
	end)

	-- The events article a reports, in timeline order.
	local events_of = once(function(a)
		local out, seen = {}, {}
		for _, id in ipairs(a.events or {}) do
			local e = event_by_id[id]
			if e and not seen[id] then seen[id] = true; out[#out + 1] = e end
		end
		sort_by_position(out)
		return out
	end)

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

	-- `content` is the page's string or a function that makes it; with a
	-- key (below) the core may keep the page of the last build instead of
	-- calling it.
	local pages = {}
	local function add_page(path, content, key)
		if emit then
			emit(path, content, key)
		else
			if type(content) == "function" then content = content() end
			pages[#pages + 1] = { path = path, content = content }
		end
	end

	-- Page keys: what a page is made from, as a string, so that a rebuild
	-- makes again only the pages whose inputs changed (emit's third
	-- argument; docs/themes.md).  A key must hold everything the page's
	-- templates read: the core's fingerprints stand for whole articles,
	-- events and entities; nil (no fingerprint from the core) means "make
	-- it every time".
	local SEP = "\31"
	-- (what layout.html shows on every page: whether there are entities
	-- and changes, not how many, so that a new article does not make
	-- every page again)
	local chrome = table.concat({ site.title or "", site.description or "",
		site.language or "", site.generator or "", base_url,
		tostring(entities ~= nil and #entities > 0), tostring(site.changes ~= nil and #site.changes > 0),
		quote_limit, item_sources }, SEP)
	-- an event as a line of a list: partials/date.html and its link
	local event_line = once(function(e)
		-- one concatenation, no table: this runs for every event
		return (e.id or "") .. SEP .. (e.title or "") .. SEP .. (e.date_label or "") .. SEP
			.. (e.date or "") .. SEP .. (e.granularity or "") .. SEP .. tostring(e.approximate)
			.. SEP .. event_url(e)
	end)
	local function line_key(e)
		return e and event_line(e) or ""
	end
	local function event_key(e, previous, following)
		if not e.fingerprint then return nil end
		local parts = { e.fingerprint, line_key(previous), line_key(following), timeline_url(e) }
		for _, x in ipairs(entities_of(e)) do
			parts[#parts + 1] = x.name .. SEP .. (x.url or "")
		end
		return table.concat(parts, SEP)
	end
	local function article_key(a)
		if not a.fingerprint then return nil end
		local parts = { a.fingerprint }
		for _, e in ipairs(events_of(a)) do parts[#parts + 1] = line_key(e) end
		return table.concat(parts, SEP)
	end
	local function entity_key(ent)
		if type(ent.raw) ~= "table" or not ent.raw.fingerprint then return nil end
		local parts = { ent.raw.fingerprint, ent.name, tostring(ent.kind), ent.url }
		for _, alias in ipairs(type(ent.aliases) == "table" and ent.aliases or {}) do
			parts[#parts + 1] = tostring(alias)
		end
		for _, e in ipairs(ent.events) do parts[#parts + 1] = line_key(e) end
		return table.concat(parts, SEP)
	end
	local chart, draw_chart, disputes, undated_groups = nil, nil, {}, {}

	-- Renders template name for the page at path, then wraps it in
	-- layout.html; vars are the page's own template variables.
	local make_page
	local function page(path, name, vars, key)
		check_path(path)
		add_page(path, function() return make_page(path, name, vars) end,
			key and (name .. SEP .. path .. SEP .. chrome .. SEP .. key))
	end
	-- the same for every page: made once, not a closure per page
	local function absolute(target) return helpers.absolute(base_url, target) end
	local function article(slug) return article_by_slug[slug] end
	local function event_number(e) return position[e.id] end
	-- Each rendering gets a context table of its own, made afresh rather
	-- than copied (template.render_fresh): the page's template, then the
	-- layout around it, which must not see the page's own globals.
	local url = helpers.url
	make_page = function(path, name, vars)
		local function href(target) return url(path, target) end
		local function context()
			local ctx = {
				site = site, page_path = path, helpers = helpers,
				href = href,
				absolute = absolute,
				sources_of = sources_of, events_of = events_of, quoted_reports = quoted_reports,
				event_url = event_url, article_url = article_url,
				mention_url = mention_url, article = article,
				entities = entities, entities_of = entities_of, event_number = event_number,
				chart = chart, latest = events[#events], disputes = disputes,
				undated_groups = undated_groups, periods = periods, timeline_url = timeline_url,
				draw_chart = draw_chart,
				item_sources = item_sources,
			}
			for k, v in pairs(vars) do ctx[k] = v end
			return ctx
		end
		local content = template.raw(template.render_fresh(name, context()))
		local ctx = context()
		ctx.content = content
		return template.render_fresh("layout.html", ctx) .. "\n"
	end

	-- The chart of the events of page `path`, numbered as its list; the
	-- home page's is drawn once (by the share that makes it), and only for
	-- a timeline of one page.
	draw_chart = function(list, path)
		return svg.timeline(list, {
			href = function(e) return helpers.url(path, event_url(e)) end,
			label = function(e)
				return string.format("%s: %s (%s)", e.date_label or e.date or "", e.title or "",
					helpers.count(#(e.sources or {}), "source"))
			end,
		})
	end
	chart = whole and not periods.all and draw_chart(events, "index.html")

	-- Every disputed figure once (site.disputes when the core gives it,
	-- else the events' own), each with the events that state it.
	do
		local by_quantity = {}
		local function add(d)
			local q = d.quantity or ""
			if not by_quantity[q] then
				by_quantity[q] = { dispute = d, events = {} }
				disputes[#disputes + 1] = by_quantity[q]
			end
			return by_quantity[q]
		end
		for _, d in ipairs(type(site.disputes) == "table" and site.disputes or {}) do add(d) end
		for _, list in ipairs({ events, undated }) do
			for _, e in ipairs(list) do
				for _, d in ipairs(e.disputes or {}) do
					local entry = add(d)
					entry.events[#entry.events + 1] = e
				end
			end
		end
	end

	-- Undated facts grouped by topic when the core gives one, in the order
	-- of their first fact; one group without a heading otherwise.
	do
		local by_topic = {}
		for _, e in ipairs(undated) do
			local t = type(e.topic) == "string" and e.topic ~= "" and e.topic or false
			if not by_topic[t] then
				by_topic[t] = { topic = t or nil, events = {} }
				undated_groups[#undated_groups + 1] = by_topic[t]
			end
			table.insert(by_topic[t].events, e)
		end
		-- Facts without a topic go last, under "Other" when others have one.
		if by_topic[false] and #undated_groups > 1 then
			for i, g in ipairs(undated_groups) do
				if g == by_topic[false] then table.remove(undated_groups, i); break end
			end
			by_topic[false].topic = "Other"
			undated_groups[#undated_groups + 1] = by_topic[false]
		end
	end

	-- "In brief": the events told by the most articles (the core's rank),
	-- two sources at least, so a one-source story is not headlined.
	local top, told = {}, {}
	for _, e in ipairs(events) do
		if e.rank and #(e.sources or {}) >= 2 then told[#told + 1] = e end
	end
	local bound = rank_bound(told, 3)
	for _, e in ipairs(told) do
		if e.rank <= bound then top[#top + 1] = e end
	end
	table.sort(top, function(a, b) return a.rank < b.rank end)
	while #top > 3 do top[#top] = nil end
	if whole then
		page("index.html", "index.html", { top = top })
		if site.changes and #site.changes > 0 then
			page("changes.html", "changes.html", { title = "Changes", changes = site.changes,
				description = "How this timeline changed, commit by commit." })
		end
		page("sources.html", "sources.html", { title = "Sources",
			description = "The articles this timeline is built from, and which events each reports." })
		page("search.html", "search.html", { title = "Search", search = true,
			description = "Search the events, entities and articles of this timeline." })
		if entities then
			page("entities.html", "entities.html", { title = "Entities",
				description = "People, organisations and places named in the events." })
		end
	end
	-- the pages of a long timeline, one per period
	for _, p in ipairs(periods.all or {}) do
		if mine() then
			local parts = {}
			for _, q in ipairs({ p.parent or false, p.previous or false, p.following or false }) do
				parts[#parts + 1] = q and (q.label .. SEP .. q.path) or ""
			end
			for _, mp in ipairs(p.months) do
				parts[#parts + 1] = mp.label .. SEP .. mp.path .. SEP .. #mp.events
			end
			for _, e in ipairs(p.events) do
				if not e.fingerprint then parts = nil; break end
				parts[#parts + 1] = e.fingerprint
			end
			page(p.path, "period.html", { period = p, title = p.label,
				description = helpers.count(p.total, "event") .. " of " .. p.label .. "." },
				parts and table.concat(parts, SEP))
		end
	end
	for _, ent in ipairs(entities or {}) do
		if mine() then
			page(ent.url, "entity.html", { entity = ent, title = ent.name,
				description = helpers.count(#ent.events, "event") .. " that name " .. ent.name .. "." },
				entity_key(ent))
		end
	end

	for i, e in ipairs(events) do
		if mine() then
			page(event_url(e), "event.html", {
				event = e, title = e.title, description = e.summary,
				previous = events[i - 1], following = events[i + 1],
			}, event_key(e, events[i - 1], events[i + 1]))
		end
	end
	for _, e in ipairs(undated) do
		if mine() then
			page(event_url(e), "event.html", {
				event = e, title = e.title, description = e.summary,
			}, event_key(e))
		end
	end
	for _, a in ipairs(articles) do
		if mine() then
			page(article_url(a), "article.html", {
				article = a, title = a.title, description = a.summary,
			}, article_key(a))
		end
	end
	-- the rest is site-wide: search index, feed, sitemap
	if not data_files then return pages end

	-- What the search index and the sitemap are made from: every event,
	-- entity and article, in order, by fingerprint (the events' dates,
	-- titles, summaries, sources and entities; the articles' titles,
	-- dates and sources; the entities' names; the layout and settings are
	-- in every key's salt).  nil when a table has none: made every time.
	local every_table = (function()
		local parts = {}
		for _, list in ipairs({ events, undated, articles }) do
			for _, t in ipairs(list) do
				if not t.fingerprint then return nil end
				parts[#parts + 1] = t.fingerprint
			end
			parts[#parts + 1] = "|"
		end
		for _, ent in ipairs(entities or {}) do
			if type(ent.raw) ~= "table" or not ent.raw.fingerprint then return nil end
			parts[#parts + 1] = ent.raw.fingerprint
		end
		return table.concat(parts, SEP)
	end)()
	local function site_wide_key(name)
		return every_table and (name .. SEP .. chrome .. SEP .. base_url .. SEP .. every_table)
	end

	local function make_search_index()
		-- The search index alone makes some 70 MB of strings at 10,000
		-- articles; what the pages before it left is garbage by now, and a
		-- collection here keeps this state's peak 35 MB lower.
		collectgarbage()

		-- The search index: one entry per event, entity and article, with the
		-- text a reader may look for (headline, summary, quoted sentences,
		-- entity names, outlets).  A script, not JSON, so that search.html can
		-- load it from file:// too, where fetch() is not allowed.
		-- Each entry written as JSON at once, keys in json.encode's sorted
		-- order (the same text, without a table and a sort per entry).
		-- The script is one table.concat of its pieces, the separators in the
		-- entries: concatenating a joined list with its head and tail copied
		-- the 28 MB of a 10,000-article index once more.
		local index, jstr = {
			"/* The search index of search.html, written by annals at build time. */\n"
				.. "window.ANNALS_SEARCH = [",
		}, json.encode
		local function add_entry(kind, title, url, date, text)
			index[#index + 1] = (#index > 1 and ',{"d":' or '{"d":') .. jstr(date or "")
				.. ',"k":' .. jstr(kind) .. ',"t":' .. jstr(title or "") .. ',"u":' .. jstr(url)
				.. ',"x":' .. jstr(table.concat(text, " ")) .. "}"
		end
		local function event_entry(e)
			local text = { e.summary or "" }
			for _, a in ipairs(sources_of(e)) do text[#text + 1] = a.source or "" end
			for _, x in ipairs(entities_of(e)) do text[#text + 1] = x.name end
			add_entry("event", e.title, event_url(e), e.date_label, text)
		end
		for _, e in ipairs(events) do event_entry(e) end
		for _, e in ipairs(undated) do event_entry(e) end
		for _, ent in ipairs(entities or {}) do
			local text = {}
			for _, alias in ipairs(type(ent.aliases) == "table" and ent.aliases or {}) do text[#text + 1] = alias end
			for _, e in ipairs(ent.events) do text[#text + 1] = e.title or "" end
			add_entry("entity", ent.name, ent.url, ent.kind, text)
		end
		for _, a in ipairs(articles) do
			add_entry("article", a.title, article_url(a), a.date_label, { a.source or "", a.summary or "" })
		end
		index[#index + 1] = "];\n"
		local script = table.concat(index)
		-- the entries are garbage before the page is copied out to be written
		index = nil
		collectgarbage()
		return script
	end
	-- (a build with nothing changed keeps it)
	add_page("search-index.js", make_search_index, site_wide_key("search-index.js"))

	-- Atom: entry ids are the absolute page URLs when there is a base URL,
	-- else tag: URIs; links stay relative to feed.xml, which sits at the
	-- root, so they resolve either way.
	local key = site_key(site.title)
	local updated = helpers.rfc3339(site.updated) or "1970-01-01T00:00:00Z"
	-- the first site.params.feed_entries (default 100): a feed of every
	-- event of a large archive is megabytes a feed reader fetches again
	-- and again; entries are made for the events that can be among them
	local feed_limit = count_param(site, "feed_entries", 100)
	local bound = rank_bound(events, feed_limit)
	local entries = {}
	for _, e in ipairs(events) do
		if (e.rank or math.huge) > bound then goto next_event end
		-- An event changes when an article reports it; its last report is
		-- its update time, its first its publication.
		local first, last = e.first_reported, e.last_reported
		local url = event_url(e)
		entries[#entries + 1] = {
			event = e,
			id = helpers.absolute(base_url, url) or (TAG_AUTHORITY .. key .. "/" .. url),
			link = helpers.absolute(base_url, url) or url,
			updated = helpers.rfc3339(last) or updated,
			published = helpers.rfc3339(first),
			sources = sources_of(e),
		}
		::next_event::
	end
	-- Feeds lead with what most articles report (rank 1 first); an event
	-- from one source still comes, after the others.
	table.sort(entries, function(a, b)
		local ra, rb = a.event.rank or math.huge, b.event.rank or math.huge
		if ra ~= rb then return ra < rb end
		return a.id < b.id
	end)
	for i = #entries, feed_limit + 1, -1 do entries[i] = nil end
	local feed_ctx = {
		site = site, entries = entries, updated = updated,
		id = helpers.absolute(base_url, "") or (TAG_AUTHORITY .. key .. "/"),
		home = helpers.absolute(base_url, "index.html") or "index.html",
		self = helpers.absolute(base_url, "feed.xml"),
	}
	add_page("feed.xml", template.render("feed.xml", feed_ctx) .. "\n")

	-- A sitemap needs absolute URLs and at least one <url>: without a base
	-- URL there is nothing valid to write, so there is no sitemap.
	if base_url ~= "" then
		add_page("sitemap.xml", function()
			-- lastmod must be a W3C date; anything else is left out.
			local function w3c(d)
				return type(d) == "string" and d:match("^%d%d%d%d%-%d%d%-%d%d$") or nil
			end
			local urls = { { loc = helpers.absolute(base_url, "index.html"), lastmod = w3c(site.updated) } }
			for _, e in ipairs(events) do
				local last = e.last_reported
				urls[#urls + 1] = { loc = helpers.absolute(base_url, event_url(e)), lastmod = w3c(last) }
			end
			for _, e in ipairs(undated) do
				urls[#urls + 1] = { loc = helpers.absolute(base_url, event_url(e)) }
			end
			for _, a in ipairs(articles) do
				urls[#urls + 1] = { loc = helpers.absolute(base_url, article_url(a)), lastmod = w3c(a.date) }
			end
			urls[#urls + 1] = { loc = helpers.absolute(base_url, "sources.html"), lastmod = w3c(site.updated) }
			if entities then
				urls[#urls + 1] = { loc = helpers.absolute(base_url, "entities.html") }
				for _, ent in ipairs(entities) do
					urls[#urls + 1] = { loc = helpers.absolute(base_url, ent.url) }
				end
			end
			return template.render("sitemap.xml", { urls = urls }) .. "\n"
		end, site_wide_key("sitemap.xml"))
	end

	return pages
end

return theme
