-- tests/lua/test_theme.lua: the default theme (themes/default/theme.lua and
-- its templates) on a small hand-made site whose strings are hostile.  Run
-- by the core's Check suite inside the theme sandbox with the default theme
-- folder on require's path; any failure raises an error.

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

-- The site ------------------------------------------------------------------
-- Every string the articles control carries markup that must never reach a
-- page as markup.  Only article.html is trusted, and it has no <script>.
local EVIL = [[<script>alert("x&y")</script>'"&]]

local function make_site(base_url)
	local a1 = {
		slug = "uk-suspends", title = "UK suspends sharing " .. EVIL,
		date = "2025-11-11", date_label = "11 November 2025",
		source = "KSMO " .. EVIL, path = "content/uk-suspends.md",
		original = "000_aac9dc282fbf5a47.txt" .. EVIL,
		url = "articles/uk-suspends.html", summary = "First sentence " .. EVIL,
		html = '<p>On <time datetime="2025-11-01" id="t3"><a href="../events/e-20251101-ab12.html">November 1st</a></time> it began.</p>',
		events = { "e-20251101-ab12", "e-20250901-cd34", "u-territories" },
	}
	local a2 = {
		slug = "uk-halts", title = "UK halts sharing", date = "2025-11-12",
		date_label = "12 November 2025", source = "Wire & Co", path = "content/uk-halts.md",
		original = "001_b.txt", url = "articles/uk-halts.html", summary = "Halts.",
		html = "<p>Plain.</p>", events = { "e-20251101-ab12" },
	}
	local function mention(a, sentence, anchor, timex)
		return { article = a.slug, article_title = a.title, article_url = a.url,
			source = a.source, date = a.date, sentence = sentence, anchor = anchor,
			timex = timex }
	end
	return {
		title = "Timeline " .. EVIL, description = "About " .. EVIL,
		base_url = base_url, language = "en", generator = "annals 0.1.0",
		updated = "2025-11-12",
		articles = { a1, a2 },
		events = {
			{ id = "e-20250901-cd34", date = "2025-09-01", granularity = "month", mod = "START",
				date_label = "early September 2025", approximate = true,
				title = "FIRST-EVENT " .. EVIL, summary = "Strikes began " .. EVIL, rank = 2,
				url = "events/e-20250901-cd34.html", sources = { "uk-suspends" },
				mentions = { mention(a1, "In early September " .. EVIL, nil,
					{ text = "early September", value = "2025-09" }) } },
			{ id = "e-20251101-ab12", date = "2025-11-01", granularity = "day",
				date_label = "1 November 2025", approximate = false,
				title = "SECOND-EVENT Maduro accuses Washington", summary = "One sentence.", rank = 1,
				url = "events/e-20251101-ab12.html", sources = { "uk-suspends", "uk-halts" },
				mentions = {
					mention(a1, "On November 1st " .. EVIL, "t3", { text = "November 1st", value = "2025-11-01" }),
					mention(a2, "Then it happened.", nil, nil),
				} },
		},
		undated = {
			{ id = "u-territories", title = "UNDATED-FACT " .. EVIL, summary = "Territories " .. EVIL,
				approximate = false, url = "events/u-territories.html", sources = { "uk-suspends" },
				mentions = { mention(a1, "Britain has territories " .. EVIL, nil, nil) } },
		},
	}
end

local theme = require("theme")
check(type(theme) == "table" and type(theme.build) == "function", "theme.lua must return {build = function}")

local function build(base_url)
	local pages = theme.build(make_site(base_url))
	local by_path = {}
	for i, p in ipairs(pages) do
		check(type(p.path) == "string" and type(p.content) == "string", "page %d is not {path, content}", i)
		check(not by_path[p.path], "page %s produced twice", p.path)
		check(not p.path:find("..", 1, true) and p.path:sub(1, 1) ~= "/", "bad page path %s", p.path)
		by_path[p.path] = p.content
	end
	return pages, by_path
end

-- Pages without a base URL ---------------------------------------------------
local pages, page = build("")

local expected = {
	"index.html", "feed.xml", "sources.html", "search.html", "search-index.js",
	"events/e-20250901-cd34.html", "events/e-20251101-ab12.html", "events/u-territories.html",
	"articles/uk-suspends.html", "articles/uk-halts.html",
}
for _, path in ipairs(expected) do check(page[path], "missing page %s", path) end
check(#pages == #expected, "expected %d pages, got %d", #expected, #pages)
check(not page["sitemap.xml"], "no sitemap without a base URL (it needs absolute URLs)")

-- Nothing from the data appears as markup anywhere.
for path, content in pairs(page) do
	check(not content:find("<script>", 1, true), "%s contains <script> from the data", path)
	for tag in content:gmatch("<script[^>]*>") do
		check(tag:match('^<script src="[%w./-]+%.js" defer>$'), "%s: unexpected %s", path, tag)
	end
	check(not content:find('"x&y"', 1, true), "%s contains an unescaped quote or &", path)
	check(not content:find("http://", 1, true) and not content:find("https://", 1, true)
		or path == "feed.xml", "%s has an absolute URL without base_url", path)
end

-- The search index is a script that sets one JSON value; data in it
-- cannot close a <script> element or run.
local idx = page["search-index.js"]
check(idx:find("\nwindow.ANNALS_SEARCH = %[") and idx:find("%];\n$"), "search-index.js: shape")
check(not idx:find("<", 1, true), "search-index.js: a raw < from the data")
check(idx:find("FIRST-EVENT", 1, true) and idx:find("UNDATED-FACT", 1, true)
	and idx:find('"k":"article"', 1, true), "search-index.js: events, facts and articles")
check(page["search.html"]:find('<script src="search-index.js" defer></script>', 1, true),
	"search.html loads the index")

local index_html = page["index.html"]
-- The chart: one marker per dated event, linked to its page, numbered as
-- in the list; a month-long event is a bar.
check(count(index_html, '<a class="tl-event') == 2, "index: one chart marker per dated event")
check(index_html:find('href="events/e-20251101-ab12.html" tabindex="-1"', 1, true), "index: marker link")
check(index_html:find('class="tl-span"', 1, true), "index: the month-long event is drawn as a bar")
check(index_html:find('aria-hidden="true"', 1, true), "index: the chart repeats the list for sighted readers")

-- The coverage matrix: a dot where an article reports an event.
local sources = page["sources.html"]
check(count(sources, '<td class="hit">') == 4, "sources: 4 article-event pairs, got %d",
	count(sources, '<td class="hit">'))
check(sources:find('href="articles/uk-suspends.html#t3"', 1, true), "sources: a dot links to the mention")

-- Every HTML page is a complete document with the landmarks and one <h1>.
for path, content in pairs(page) do
	if path:match("%.html$") then
		check(content:find("^<!doctype html>\n<html lang=\"en\">"), "%s: doctype and lang", path)
		check(content:find('<meta charset="utf-8">', 1, true), "%s: charset", path)
		check(content:find('name="viewport"', 1, true), "%s: viewport", path)
		check(count(content, "<h1") == 1, "%s: %d <h1>", path, count(content, "<h1"))
		for _, tag in ipairs({ "<header", "<nav", "<main", "<footer", "<title>" }) do
			check(content:find(tag, 1, true), "%s: no %s", path, tag)
		end
		check(content:find('href="#main"', 1, true), "%s: no skip link", path)
		local depth = select(2, path:gsub("/", ""))
		local css = string.rep("../", depth) .. "style.css"
		check(content:find('href="' .. css .. '"', 1, true), "%s: style.css not linked as %s", path, css)
	end
end

-- Every relative link leads to a page that exists (or to a static file),
-- and a #fragment to an element of that page.
-- style.css and the rest of static/, and the data files the core writes.
local STATIC = { ["style.css"] = true, ["favicon.svg"] = true, ["search.js"] = true,
	["timeline.json"] = true, ["timelinejs.json"] = true, ["events.ics"] = true,
	["events.csv"] = true }
local function resolve(from, href)
	local parts = {}
	for seg in from:gmatch("[^/]+") do parts[#parts + 1] = seg end
	parts[#parts] = nil
	for seg in href:gmatch("[^/]+") do
		if seg == ".." then
			check(#parts > 0, "%s: link %s leaves the site", from, href)
			parts[#parts] = nil
		elseif seg ~= "." then
			parts[#parts + 1] = seg
		end
	end
	return table.concat(parts, "/")
end
for path, content in pairs(page) do
	if path:match("%.html$") then
		for href in content:gmatch('href="([^"]*)"') do
			if not href:match("^%a[%w+.-]*:") then
				local file, frag = href:match("^([^#]*)#?(.*)$")
				local target = file == "" and path or resolve(path, file)
				check(page[target] or STATIC[target], "%s: broken link %s", path, href)
				if frag ~= "" and page[target] then
					check(page[target]:find('id="' .. frag .. '"', 1, true),
						"%s: link %s: no id %s in %s", path, href, frag, target)
				end
			end
		end
	end
end

-- The index lists the events in the given order, undated facts apart.
local index = page["index.html"]
-- (after "In brief", which lists by rank, not by date)
local list_at = index:find('<ol class="timeline">', 1, true) or 1
local first = index:find("FIRST-EVENT", list_at, true)
local second = index:find("SECOND-EVENT", list_at, true)
local undated = index:find("UNDATED-FACT", list_at, true)
check(first and second and first < second, "index: events out of order")
check(undated and second < undated, "index: undated facts belong after the timeline")
check(index:find('<ol class="timeline">', 1, true), "index: timeline is not an <ol>")
check(index:find("Without a date", 1, true), "index: no 'Without a date' section")
check(index:find('<time datetime="2025-11-01">1 November 2025</time>', 1, true), "index: day <time>")
check(index:find('<time datetime="2025-09">early September 2025</time>', 1, true), "index: month <time>")
check(index:find("approx.", 1, true), "index: approximate date not marked")
check(index:find('href="events/e-20251101-ab12.html"', 1, true), "index: event link")
check(index:find('href="articles/uk-halts.html"', 1, true), "index: article link")
check(index:find("Timeline &lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt;&#39;&quot;&amp;", 1, true),
	"index: title not escaped as expected")

-- Event pages quote every mention and link the article's <time> anchor.
local ev = page["events/e-20251101-ab12.html"]
check(ev:find('href="../articles/uk-suspends.html#t3"', 1, true), "event page: no link to the anchor")
check(ev:find('href="../articles/uk-halts.html"', 1, true), "event page: no link to the article")
check(count(ev, "<blockquote") == 2, "event page: expected 2 quotes")
check(ev:find("<mark>November 1st</mark>", 1, true), "event page: date words not marked")
check(page["events/u-territories.html"]:find("Britain has territories", 1, true), "undated fact page: no quote")

-- Article pages carry the trusted body as is and list their events.
local art = page["articles/uk-suspends.html"]
check(art:find('<time datetime="2025-11-01" id="t3">', 1, true), "article page: body not raw")
check(art:find('href="../events/e-20250901-cd34.html"', 1, true), "article page: event list")
check(art:find("000_aac9dc282fbf5a47.txt", 1, true), "article page: original file name")

-- Atom feed: one entry per dated event, well-formed looking, no raw data.
local feed = page["feed.xml"]
check(feed:find('^<%?xml version="1.0" encoding="utf%-8"%?>\n<feed xmlns="http://www.w3.org/2005/Atom"'), "feed: prologue")
check(count(feed, "<entry>") == 2 and count(feed, "</entry>") == 2, "feed: one entry per event")
check(count(feed, "<id>") == 3 and count(feed, "<updated>") == 3, "feed: ids and updated")
check(feed:find("<updated>2025-11-12T00:00:00Z</updated>", 1, true), "feed: updated from site.updated")
check(feed:find("<id>tag:", 1, true), "feed: tag: ids without a base URL")
check(feed:find("</feed>\n$"), "feed: not closed")
-- Outside tags, & only starts an entity.
-- Rank: the event two articles report leads the feed and the index's "In
-- brief"; the one-source event is in the feed, after it, and not in brief.
check(feed:find("SECOND%-EVENT") < feed:find("FIRST%-EVENT"), "feed: rank 1 first")
local brief = page["index.html"]:match('<section class="in%-brief".-</section>')
check(brief and brief:find("SECOND-EVENT", 1, true), "index: In brief lists the rank-1 event")
check(not brief:find("FIRST-EVENT", 1, true), "index: In brief skips a one-source event")
for amp in feed:gmatch("&[^;%s]*;?") do
	check(amp:match("^&[%w#]+;$"), "feed: bare & (%s)", amp)
end

-- With a base URL: absolute ids, a sitemap -------------------------------------
local _, page2 = build("https://example.org/timeline/")
local sitemap = page2["sitemap.xml"]
check(sitemap, "sitemap.xml missing with a base URL")
check(sitemap:find("^<%?xml"), "sitemap: prologue")
check(count(sitemap, "<url>") == 7, "sitemap: index + 3 events + 2 articles + sources")
check(sitemap:find("<loc>https://example.org/timeline/events/e-20251101-ab12.html</loc>", 1, true), "sitemap: event loc")
check(page2["feed.xml"]:find("<id>https://example.org/timeline/events/e-20250901-cd34.html</id>", 1, true),
	"feed: absolute entry id")
check(page2["feed.xml"]:find('rel="self"', 1, true), "feed: self link")

-- An empty site still builds.
local empty = theme.build({ title = "Empty", description = "", base_url = "", language = "en",
	generator = "annals 0.1.0", updated = "", articles = {}, events = {}, undated = {} })
check(#empty == 5, "empty site: index, sources, search, its index and feed expected, got %d pages", #empty)

-- Entities and disputed figures (issue 4's fields), when the core gives
-- them --------------------------------------------------------------------
local site3 = make_site("")
site3.entities = {
	{ id = "maduro", name = "Nicolás Maduro " .. EVIL, kind = "person", aliases = { "Maduro" } },
	{ name = "Washington" },
	"London",   -- a bare name is an entity too
}
site3.events[2].entities = { "maduro", { name = "Washington" } }
site3.events[1].entities = { "London", "Nobody we know" }
site3.events[2].disputes = { { quantity = "death toll " .. EVIL, values = {
	{ value = "70", text = "more than 70", article = "uk-suspends" },
	{ value = "76", text = "at least 76 " .. EVIL, article = "uk-halts" } } } }
local pages3, page3 = {}, {}
for _, p in ipairs(theme.build(site3)) do pages3[#pages3 + 1] = p; page3[p.path] = p.content end
check(page3["entities.html"], "entities.html missing when site.entities is given")
local maduro = page3["entities/maduro.html"]
check(maduro, "no page for the entity with id maduro")
check(maduro:find("SECOND-EVENT", 1, true) and not maduro:find("FIRST-EVENT", 1, true),
	"entity page: lists exactly its events")
check(maduro:find("Also written: Maduro", 1, true), "entity page: aliases")
check(page3["entities/washington.html"]:find("SECOND-EVENT", 1, true), "entity named by a table")
check(page3["entities/london.html"]:find("FIRST-EVENT", 1, true), "entity given as a bare name")
check(page3["events/e-20250901-cd34.html"]:find("Nobody we know", 1, true),
	"an event's entity without a page is still named")
local ev3 = page3["events/e-20251101-ab12.html"]
check(ev3:find('href="../entities/maduro.html"', 1, true), "event page links its entities")
check(ev3:find("Disputed figures", 1, true) and ev3:find("at least 76", 1, true), "event page: disputes")
check(page3["index.html"]:find('id="disputes"', 1, true), "index: disputed figures section")
check(page3["index.html"]:find('href="entities.html"', 1, true), "nav: entities link")
check(page3["search-index.js"]:find('"k":"entity"', 1, true), "search index: entities")
for path, content in pairs(page3) do
	check(not content:find("<script>", 1, true), "%s contains <script> from the data", path)
	if path:match("%.html$") then
		check(count(content, "<h1") == 1, "%s: %d <h1>", path, count(content, "<h1"))
	end
end
-- Without entities there are no entity pages and no link to them.
check(not page["entities.html"] and not page["index.html"]:find("entities.html", 1, true),
	"no entities page without site.entities")

-- A big event quotes its first site.params.event_quotes reports and lists
-- the other articles once each, after the quotes ------------------------
local site4 = make_site("")
site4.params = { event_quotes = "1" }
local big = site4.events[2]
big.mentions[3] = big.mentions[2] -- uk-halts again: listed once
local page4 = {}
for _, p in ipairs(theme.build(site4)) do page4[p.path] = p.content end
local ev4 = page4["events/e-20251101-ab12.html"]
check(count(ev4, "<blockquote") == 1, "event_quotes = 1: one quote, got %d", count(ev4, "<blockquote"))
check(ev4:find("3 reports", 1, true), "event_quotes: the heading still counts every report")
check(ev4:find("<mark>November 1st</mark>", 1, true) and not ev4:find("Then it happened", 1, true),
	"event_quotes: the first report is quoted, not the later ones")
local more = ev4:match('<ul class="more%-reports".-</ul>')
check(more and count(more, "<li>") == 1 and more:find('href="../articles/uk-halts.html"', 1, true),
	"event_quotes: the other reporting article is listed once")
check(ev4:find("Also reported in 1 more article<", 1, true), "event_quotes: the list's heading")
check(not page4["search-index.js"]:find("Then it happened", 1, true),
	"search index: the sentences of the quoted reports only")
-- The default quotes every report of a small event (the first site).
check(not page["events/e-20251101-ab12.html"]:find("more-reports", 1, true),
	"default: no list of more reports for an event of 2 reports")
