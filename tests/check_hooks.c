/* check_hooks.c - the site's Lua hooks (hooks.c) and themes that extend
 * others (theme.c): each hook's contract (what it may change, what it
 * returns), the errors a user sees (file, line, traceback; a wrong return
 * type; an endless loop, a memory bomb, os.execute), the Markdown filter
 * (replace, remove, nested), and template lookup through `extends`.  Each
 * test builds a small site in a mkdtemp folder; the binary runs with cwd =
 * tests/, so annals' own Lua and themes are in "..". */
#include <check.h>
#include <pthread.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hooks.h"
#include "pool.h"
#include "site.h"
#include "theme.h"
#include "write.h"

#define DATA_DIR ".."
#define LUA_DIR "../lua"

static char root[64];

static void write_at(const char *rel, const char *text)
{
	char path[512], dir[512];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	snprintf(dir, sizeof dir, "%s", path);
	for (char *p = dir + strlen(root) + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(dir, 0755);
			*p = '/';
		}
	FILE *f = fopen(path, "wb");
	ck_assert_msg(f != NULL, "cannot create %s", path);
	fputs(text, f);
	fclose(f);
}

static void setup(void)
{
	snprintf(root, sizeof root, "/tmp/annals-check-hooks-XXXXXX");
	ck_assert_msg(mkdtemp(root) != NULL, "mkdtemp: %s", strerror(errno));
	write_at("content/a.md",
	         "---\ntitle: Council approves budget\ndate: 2025-11-12\nsource: Daily\n---\n"
	         "The council approved the budget on November 1, 2025, after a long debate.\n\n"
	         "Critics said *the [vote](https://example.org/vote) was rushed* by the mayor.\n\n"
	         "BOILERPLATE: subscribe to our newsletter on March 3, 2025 for more.\n");
	write_at("content/b.md",
	         "---\ntitle: Budget passes\ndate: 2025-11-13\nsource: Herald\n---\n"
	         "On November 1, 2025 the council approved the budget for next year.\n\n"
	         "The mayor will present the plan in December 2025 to the public.\n");
}

static void teardown(void)
{
	an_remove_tree(root);
}

/* Loads the site with the filters in root/filters; returns what the load
 * and an_hooks_timeline return.  *out_h stays for pages(). */
static int load(an_site *site, an_hooks **out_h, long time_limit_ms, size_t memory_limit,
                an_error *err)
{
	an_hooks_opts ho = {root, LUA_DIR, memory_limit, time_limit_ms};
	int rc = an_hooks_new(out_h, &ho, err);
	if (rc < 0)
		return rc;
	an_site_input in = {0};
	in.after_parse = an_hooks_articles;
	in.payload = *out_h;
	if ((rc = an_site_load_input(site, root, &in, err)) < 0)
		return rc;
	if ((rc = an_hooks_timeline(*out_h, site, err)) < 0)
		an_site_free(site);
	return rc;
}

/* The load must fail with a message holding each of the needles. */
static void expect_error(long time_limit_ms, size_t memory_limit, const char *const *needles)
{
	an_site site;
	an_hooks *h = NULL;
	an_error err = AN_ERROR_INIT;
	int rc = load(&site, &h, time_limit_ms, memory_limit, &err);
	ck_assert_msg(rc < 0, "expected an error with \"%s\"", needles[0]);
	char full[2048];
	snprintf(full, sizeof full, "%s: %s", err.file, err.msg);
	for (; *needles; needles++)
		ck_assert_msg(strstr(full, *needles) != NULL, "message \"%s\" lacks \"%s\"", full,
		              *needles);
	an_hooks_free(h);
}

static const an_article *article(const an_site *s, const char *slug)
{
	long i = an_site_find_slug(s, slug);
	return i < 0 ? NULL : &s->articles[i];
}

START_TEST(no_filters)
{
	an_site site;
	an_hooks *h = NULL;
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(load(&site, &h, 0, 0, &err) == 0, "%s", err.msg);
	ck_assert_uint_eq(an_hooks_count(h), 0);
	ck_assert_uint_eq(site.n_articles, 2);
	an_site_free(&site);
	an_hooks_free(h);
}
END_TEST

START_TEST(on_article_changes_and_drops)
{
	write_at("filters/10-meta.lua",
	         "return { on_article = function(a)\n"
	         "  if a.slug == 'b' then return false end\n"
	         "  a.title = a.title .. ' (checked)'\n"
	         "  a.params.desk = 'metro'\n"
	         "  a.body = a.body:gsub('BOILERPLATE[^\\n]*', '')\n"
	         "end }\n");
	/* a second filter sees the first one's result */
	write_at("filters/20-more.lua",
	         "return { on_article = function(a)\n"
	         "  assert(a.title:find('(checked)', 1, true), 'runs after 10-meta')\n"
	         "  return { slug = 'renamed', title = a.title, source = a.source, date = '2025-11-14',\n"
	         "           body = a.body, params = a.params }\n"
	         "end }\n");
	an_site site;
	an_hooks *h = NULL;
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(load(&site, &h, 0, 0, &err) == 0, "%s", err.msg);
	ck_assert_uint_eq(an_hooks_count(h), 2);
	ck_assert_uint_eq(site.n_articles, 1);
	const an_article *a = article(&site, "renamed");
	ck_assert_ptr_nonnull(a);
	ck_assert_str_eq(a->meta.title, "Council approves budget (checked)");
	ck_assert_int_eq(a->meta.date.d, 14);
	ck_assert_uint_eq(a->meta.n_extra, 1);
	ck_assert_str_eq(a->meta.extra[0].value, "metro");
	/* the analysis read the new body: the boilerplate's date made no event */
	ck_assert_ptr_null(strstr(a->text, "BOILERPLATE"));
	for (size_t i = 0; i < site.timeline.n_events; i++)
		ck_assert_msg(strncmp(site.timeline.events[i].value, "2025-03", 7) != 0,
		              "an event from the dropped paragraph");
	an_site_free(&site);
	an_hooks_free(h);
}
END_TEST

START_TEST(on_article_wrong_type)
{
	write_at("filters/x.lua", "return { on_article = function(a) return 'yes' end }\n");
	const char *n1[] = {"filters/x.lua", "on_article(content/a.md)",
	                    "must return the article (a table), false to drop it, or nothing "
	                    "(got string)", NULL};
	expect_error(0, 0, n1);
	write_at("filters/x.lua", "return { on_article = function(a) a.date = 'Nov 31' end }\n");
	const char *n2[] = {"'date' must be a date as YYYY-MM-DD (got \"Nov 31\")", NULL};
	expect_error(0, 0, n2);
	write_at("filters/x.lua", "return { on_article = function(a) a.slug = '../x' end }\n");
	const char *n3[] = {"'slug' \"../x\" may only use", NULL};
	expect_error(0, 0, n3);
	write_at("filters/x.lua", "return { on_article = function(a) a.title = 42 end }\n");
	const char *n4[] = {"'title' must be a string (got number)", NULL};
	expect_error(0, 0, n4);
}
END_TEST

START_TEST(filter_file_errors)
{
	write_at("filters/x.lua", "return { on_artcle = function() end }\n");
	const char *n1[] = {"filters/x.lua", "unknown hook 'on_artcle'", NULL};
	expect_error(0, 0, n1);
	write_at("filters/x.lua", "return 42\n");
	const char *n2[] = {"filters/x.lua must return a table of hooks", NULL};
	expect_error(0, 0, n2);
	write_at("filters/x.lua", "return {\n  on_event = function(e) end,,\n}\n");
	const char *n3[] = {"filters/x.lua:2:", NULL};
	expect_error(0, 0, n3);
	write_at("filters/x.lua", "return { markdown = function() end }\n");
	const char *n4[] = {"'markdown' must be a table of functions by node type", NULL};
	expect_error(0, 0, n4);
}
END_TEST

START_TEST(hook_error_names_file_line_traceback)
{
	write_at("filters/x.lua",
	         "local function check(a)\n"
	         "  error('no byline in ' .. a.slug)\n"
	         "end\n"
	         "return { on_article = function(a) check(a) end }\n");
	const char *n[] = {"filters/x.lua", "filters/x.lua:2: no byline in a", "stack traceback",
	                   "filters/x.lua:4", NULL};
	expect_error(0, 0, n);
}
END_TEST

START_TEST(hook_limits)
{
	/* an endless loop, also one that catches the stop with pcall */
	write_at("filters/x.lua", "return { on_event = function(e) while true do end end }\n");
	const char *n1[] = {"on_event(", "too long", NULL};
	expect_error(200, 0, n1);
	write_at("filters/x.lua",
	         "return { on_article = function(a)\n"
	         "  while true do pcall(function() while true do end end) end\n"
	         "end }\n");
	const char *n2[] = {"too long", NULL};
	expect_error(200, 0, n2);
	/* a memory bomb */
	write_at("filters/x.lua",
	         "return { on_timeline = function(ev)\n"
	         "  local t = {} for i = 1, 1e9 do t[i] = string.rep('x', 1000) .. i end\n"
	         "end }\n");
	const char *n3[] = {"on_timeline(", "memory", NULL};
	expect_error(0, (size_t)32 << 20, n3);
	/* the sandbox: no os, io, load, require of C modules */
	write_at("filters/x.lua", "return { on_article = function(a) os.execute('true') end }\n");
	const char *n4[] = {"global 'os'", NULL};
	expect_error(0, 0, n4);
	write_at("filters/x.lua", "local io = require('io')\nreturn {}\n");
	const char *n5[] = {"module 'io' not found", NULL};
	expect_error(0, 0, n5);
	/* a filter file's top level is watched too */
	write_at("filters/x.lua", "while true do end\n");
	const char *n6[] = {"too long", NULL};
	expect_error(200, 0, n6);
}
END_TEST

START_TEST(markdown_filter)
{
	/* replace (emph -> strong), remove (the boilerplate paragraph),
	 * nested (a link inside emphasis inside a paragraph is unwrapped) */
	write_at("filters/md.lua",
	         "local ast = require('annals.ast')\n"
	         "return { markdown = {\n"
	         "  link = function(n) return n.children end,\n"
	         "  emph = function(n) n.type = 'strong' end,\n"
	         "  paragraph = function(n)\n"
	         "    if ast.stringify(n):find('^BOILERPLATE') then return {} end\n"
	         "  end,\n"
	         "  text = function(n)\n"
	         "    if n.literal:find('the mayor') then return ast.text((n.literal:gsub('the mayor', 'Mayor Ann Lee'))) end\n"
	         "  end,\n"
	         "} }\n");
	an_site site;
	an_hooks *h = NULL;
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(load(&site, &h, 0, 0, &err) == 0, "%s", err.msg);
	const an_article *a = article(&site, "a");
	ck_assert_ptr_nonnull(a);
	ck_assert_msg(strstr(a->body, "**the vote was rushed**") != NULL, "body: %s", a->body);
	ck_assert_msg(strstr(a->body, "https://") == NULL, "link kept: %s", a->body);
	ck_assert_msg(strstr(a->body, "BOILERPLATE") == NULL, "paragraph kept: %s", a->body);
	ck_assert_msg(strstr(a->text, "rushed by Mayor Ann Lee.") != NULL, "text: %s", a->text);
	an_site_free(&site);
	an_hooks_free(h);

	write_at("filters/md.lua",
	         "return { markdown = { paragraph = function(n) return { type = 'text', literal = 'x' } end } }\n");
	const char *n1[] = {"filters/md.lua", "markdown filter on content/a.md",
	                    "a document node cannot hold a text node", NULL};
	expect_error(0, 0, n1);
	write_at("filters/md.lua", "return { markdown = { paragraph = function(n) return 7 end } }\n");
	const char *n2[] = {"the filter for 'paragraph' must return a node, a list of nodes, false "
	                    "or nothing (got number)", NULL};
	expect_error(0, 0, n2);
	write_at("filters/md.lua", "return { markdown = { paragrph = function(n) end } }\n");
	const char *n3[] = {"unknown Markdown node type 'paragrph'", NULL};
	expect_error(0, 0, n3);
}
END_TEST

static const an_event *find_event(const an_site *s, const char *title_part)
{
	for (size_t i = 0; i < s->timeline.n_events; i++)
		if (strstr(s->timeline.events[i].title, title_part))
			return &s->timeline.events[i];
	return NULL;
}

START_TEST(on_event_and_on_timeline)
{
	write_at("filters/ev.lua",
	         "return {\n"
	         "  on_event = function(e)\n"
	         "    if e.date == '2025-12' then return false end\n"
	         "    if e.title:find('budget') then\n"
	         "      e.title = 'Budget approved'\n"
	         "      e.notes = { 'Checked by the desk.' }\n"
	         "      e.date = '2025-10-31'\n"
	         "    end\n"
	         "  end,\n"
	         "  on_timeline = function(events)\n"
	         "    local out = {}\n"
	         "    for i = #events, 1, -1 do\n"
	         "      events[i].era = 'Autumn'\n"
	         "      out[#out + 1] = events[i]\n"
	         "    end\n"
	         "    return out\n"
	         "  end,\n"
	         "}\n");
	an_site site;
	an_hooks *h = NULL;
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(load(&site, &h, 0, 0, &err) == 0, "%s", err.msg);
	const an_event *e = find_event(&site, "Budget approved");
	ck_assert_ptr_nonnull(e);
	ck_assert_str_eq(e->value, "2025-10-31");
	ck_assert_uint_eq(e->n_notes, 1);
	ck_assert_str_eq(e->notes[0], "Checked by the desk.");
	ck_assert_str_eq(e->era, "Autumn");
	for (size_t i = 0; i < site.timeline.n_events; i++) {
		ck_assert_msg(strcmp(site.timeline.events[i].value, "2025-12") != 0, "hidden event kept");
		ck_assert_uint_eq(site.timeline.events[i].rank >= 1, 1);
		ck_assert_uint_le(site.timeline.events[i].rank, site.timeline.n_events);
	}
	/* the lookup from an article's dates to events follows the changes */
	long ai = an_site_find_slug(&site, "a");
	const an_event *f = an_timeline_find(&site.timeline, (size_t)ai, 0);
	ck_assert_ptr_nonnull(f);
	ck_assert_str_eq(f->title, "Budget approved");
	ck_assert_str_eq(f->value, "2025-10-31");
	/* on_timeline's order: latest first */
	ck_assert_str_eq(site.timeline.events[site.timeline.n_events - 1].value, "2025-03-03");
	an_site_free(&site);
	an_hooks_free(h);
}
END_TEST

START_TEST(on_event_errors)
{
	write_at("filters/ev.lua", "return { on_event = function(e) e.date = 'soon' end }\n");
	const char *n1[] = {"on_event(", "'date' must be a date value", "(got \"soon\")", NULL};
	expect_error(0, 0, n1);
	write_at("filters/ev.lua", "return { on_event = function(e) return 1 end }\n");
	const char *n2[] = {"must return the event (a table), false to hide it, or nothing "
	                    "(got number)", NULL};
	expect_error(0, 0, n2);
	write_at("filters/ev.lua", "return { on_event = function(e) e.notes = { 1 } end }\n");
	const char *n3[] = {"'notes' must be a list of strings", NULL};
	expect_error(0, 0, n3);
	write_at("filters/ev.lua", "return { on_timeline = function(ev) return { ev[1], ev[1] } end }\n");
	const char *n4[] = {"on_timeline()", "is listed twice", NULL};
	expect_error(0, 0, n4);
	write_at("filters/ev.lua", "return { on_timeline = function(ev) return { { id = 'nope' } } end }\n");
	const char *n5[] = {"no dated event has the id \"nope\"", NULL};
	expect_error(0, 0, n5);
	write_at("filters/ev.lua", "return { on_timeline = function(ev) return 'sorted' end }\n");
	const char *n6[] = {"must return the list of events", "(got string)", NULL};
	expect_error(0, 0, n6);
}
END_TEST

START_TEST(pages_hook)
{
	write_at("filters/pages.lua",
	         "local template = require('annals.template')\n"
	         "return { pages = function(site)\n"
	         "  local out = {}\n"
	         "  for _, a in ipairs(site.articles) do\n"
	         "    out[#out + 1] = { path = 'sources/' .. a.slug .. '.html',\n"
	         "      content = template.render('source.html', { a = a }) }\n"
	         "  end\n"
	         "  return out\n"
	         "end }\n");
	write_at("filters/templates/source.html", "<h1>{{ a.title }}</h1>\n");
	an_site site;
	an_hooks *h = NULL;
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(load(&site, &h, 0, 0, &err) == 0, "%s", err.msg);
	an_theme theme = AN_THEME_INIT;
	an_pages pages = AN_PAGES_INIT;
	an_pages_add(&pages, "index.html", "x", 1);
	ck_assert_msg(an_hooks_pages(h, &pages, &site, &theme, &err) == 0, "%s", err.msg);
	ck_assert_uint_eq(pages.len, 3);
	ck_assert_str_eq(pages.items[1].path, "sources/a.html");
	ck_assert_str_eq(pages.items[1].data, "<h1>Council approves budget</h1>");
	an_pages_free(&pages);
	/* a page the theme already wrote is an error */
	an_pages_add(&pages, "sources/b.html", "x", 1);
	ck_assert_int_eq(an_hooks_pages(h, &pages, &site, &theme, &err), -1);
	ck_assert_msg(strstr(err.msg, "\"sources/b.html\" is already a page") != NULL, "%s",
	              err.msg);
	an_pages_free(&pages);
	an_site_free(&site);
	an_hooks_free(h);
}
END_TEST

/* ---- themes that extend others ---- */

static int render(an_pages *pages, an_theme *theme, const char *name, an_error *err)
{
	an_site site;
	an_error e0 = AN_ERROR_INIT;
	ck_assert_msg(an_site_load(&site, root, &e0) == 0, "%s", e0.msg);
	an_theme_paths tp = {root, DATA_DIR, NULL, 0, 0, NULL, 0};
	int rc = an_theme_render(pages, theme, &site, &tp, name, err);
	an_site_free(&site);
	return rc;
}

static const an_page *page(const an_pages *pages, const char *path)
{
	for (size_t i = 0; i < pages->len; i++)
		if (strcmp(pages->items[i].path, path) == 0)
			return &pages->items[i];
	return NULL;
}

START_TEST(extends_overrides_one_template)
{
	/* a site theme named like the installed one may extend it */
	write_at("themes/default/theme.lua", "return { extends = 'default' }\n");
	write_at("themes/default/templates/article.html",
	         "<p class=\"mine\">MINE {{ article.title }}</p>\n");
	an_pages pages = AN_PAGES_INIT;
	an_theme theme = AN_THEME_INIT;
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(render(&pages, &theme, "default", &err) == 0, "%s", err.msg);
	ck_assert_uint_eq(theme.n_dirs, 2);
	const an_page *p = page(&pages, "articles/a.html");
	ck_assert_ptr_nonnull(p);
	ck_assert_msg(strstr(p->data, "MINE Council approves budget") != NULL, "override unused");
	ck_assert_msg(strstr(p->data, "<!doctype html>") != NULL, "the parent's layout is gone");
	p = page(&pages, "index.html");
	ck_assert_ptr_nonnull(p);
	ck_assert_msg(strstr(p->data, "MINE") == NULL, "override leaks into index.html");
	an_pages_free(&pages);
	an_theme_free(&theme);
}
END_TEST

START_TEST(extends_build_and_parent)
{
	/* a child's own build() can call the parent's and add a page */
	write_at("themes/child/theme.lua",
	         "local theme = { extends = 'default' }\n"
	         "function theme.build(site)\n"
	         "  local pages = theme.parent.build(site)\n"
	         "  pages[#pages + 1] = { path = 'extra.txt', content = annals.escape('<' .. site.title .. '>') }\n"
	         "  return pages\n"
	         "end\n"
	         "return theme\n");
	an_pages pages = AN_PAGES_INIT;
	an_theme theme = AN_THEME_INIT;
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(render(&pages, &theme, "child", &err) == 0, "%s", err.msg);
	const an_page *p = page(&pages, "extra.txt");
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p->data, "&lt;Timeline&gt;");
	ck_assert_ptr_nonnull(page(&pages, "index.html"));
	an_pages_free(&pages);
	an_theme_free(&theme);
}
END_TEST

/* ---- build(site, emit): pages handed over as they are made ---- */

typedef struct {
	an_pages got;  /* what emit delivered, in order */
	int fail_at;   /* 1-based call that fails; 0: none */
	int calls;
} emit_log;

static int log_page(void *payload, const char *path, const char *data, size_t len)
{
	emit_log *l = payload;
	if (++l->calls == l->fail_at)
		return -1;
	an_pages_add(&l->got, path, data, len);
	return 0;
}

static int render_emit(an_pages *pages, an_theme *theme, const char *name, emit_log *l,
                       an_error *err)
{
	an_site site;
	an_error e0 = AN_ERROR_INIT;
	ck_assert_msg(an_site_load(&site, root, &e0) == 0, "%s", e0.msg);
	an_emit emit = {log_page, l, 0, NULL, NULL};
	an_theme_paths tp = {root, DATA_DIR, NULL, 0, 0, &emit, 0};
	int rc = an_theme_render(pages, theme, &site, &tp, name, err);
	an_site_free(&site);
	return rc;
}

START_TEST(emit_streams_pages)
{
	an_pages pages = AN_PAGES_INIT;
	an_theme theme = AN_THEME_INIT;
	an_error err = AN_ERROR_INIT;
	emit_log l = {AN_PAGES_INIT, 0, 0};
	ck_assert_msg(render_emit(&pages, &theme, "default", &l, &err) == 0, "%s", err.msg);
	/* the default theme emits every page: the list keeps paths only */
	const an_page *got = page(&l.got, "articles/a.html");
	ck_assert_ptr_nonnull(got);
	ck_assert_msg(strstr(got->data, "Council approves budget") != NULL, "%s", got->data);
	ck_assert_ptr_nonnull(page(&l.got, "index.html"));
	ck_assert_ptr_nonnull(page(&l.got, "feed.xml"));
	ck_assert_uint_eq(pages.len, l.got.len);
	for (size_t i = 0; i < pages.len; i++) {
		ck_assert_msg(pages.items[i].emitted, "%s was not emitted", pages.items[i].path);
		ck_assert_ptr_null(pages.items[i].data);
		ck_assert_str_eq(pages.items[i].path, l.got.items[i].path);
	}
	an_pages_free(&pages);
	an_pages_free(&l.got);
	an_theme_free(&theme);
}
END_TEST

START_TEST(emit_parent_without_emit_returns_list)
{
	/* a child that post-processes its parent's list keeps working: the
	 * parent called without emit returns its pages */
	write_at("themes/child/theme.lua",
	         "local theme = { extends = 'default' }\n"
	         "function theme.build(site, emit)\n"
	         "  local pages = theme.parent.build(site)\n"
	         "  for _, p in ipairs(pages) do p.content = p.content:gsub('<html', '<html data-x') end\n"
	         "  emit('extra.txt', 'streamed')\n"
	         "  return pages\n"
	         "end\n"
	         "return theme\n");
	an_pages pages = AN_PAGES_INIT;
	an_theme theme = AN_THEME_INIT;
	an_error err = AN_ERROR_INIT;
	emit_log l = {AN_PAGES_INIT, 0, 0};
	ck_assert_msg(render_emit(&pages, &theme, "child", &l, &err) == 0, "%s", err.msg);
	ck_assert_uint_eq(l.got.len, 1);
	ck_assert_str_eq(l.got.items[0].path, "extra.txt");
	ck_assert_str_eq(l.got.items[0].data, "streamed");
	const an_page *p = page(&pages, "index.html");
	ck_assert_ptr_nonnull(p);
	ck_assert(!p->emitted);
	ck_assert_msg(strstr(p->data, "<html data-x") != NULL, "post-processing lost");
	an_pages_free(&pages);
	an_pages_free(&l.got);
	an_theme_free(&theme);
}
END_TEST

START_TEST(emit_errors)
{
	static const struct {
		const char *call, *want;
	} cases[] = {
		{"emit('../up.html', 'x')", "emit: bad page path \"../up.html\""},
		{"emit('/abs.html', 'x')", "emit: bad page path"},
		{"emit('a.html', {})", "emit: page \"a.html\" needs its content as a string (got table)"},
		{"emit('a.html')", "needs its content as a string (got no value)"},
		{"emit(nil, 'x')", "bad argument #1"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char src[256];
		snprintf(src, sizeof src,
		         "return { build = function(site, emit) %s; return {} end }\n", cases[i].call);
		write_at("themes/bad/theme.lua", src);
		an_pages pages = AN_PAGES_INIT;
		an_theme theme = AN_THEME_INIT;
		an_error err = AN_ERROR_INIT;
		emit_log l = {AN_PAGES_INIT, 0, 0};
		ck_assert_int_eq(render_emit(&pages, &theme, "bad", &l, &err), -1);
		ck_assert_msg(strstr(err.msg, cases[i].want) != NULL, "%s: %s", cases[i].call, err.msg);
		ck_assert_uint_eq(l.got.len, 0);
		an_pages_free(&pages);
		an_theme_free(&theme);
	}
	/* the output failing stops the theme at that page */
	write_at("themes/bad/theme.lua",
	         "return { build = function(site, emit)\n"
	         "  for i = 1, 10 do emit('p' .. i .. '.html', 'x') end\n"
	         "  return {} end }\n");
	an_pages pages = AN_PAGES_INIT;
	an_theme theme = AN_THEME_INIT;
	an_error err = AN_ERROR_INIT;
	emit_log l = {AN_PAGES_INIT, 3, 0};
	ck_assert_int_eq(render_emit(&pages, &theme, "bad", &l, &err), -1);
	ck_assert_msg(strstr(err.msg, "emit: the output stopped") != NULL, "%s", err.msg);
	ck_assert_int_eq(l.calls, 3);
	ck_assert_uint_eq(l.got.len, 2);
	an_pages_free(&pages);
	an_pages_free(&l.got);
	an_theme_free(&theme);
}
END_TEST

/* ---- parallel themes: several states, each its share of the pages ---- */

typedef struct {
	pthread_mutex_t lock;
	an_pages got;
} shared_log;

static int log_page_locked(void *payload, const char *path, const char *data, size_t len)
{
	shared_log *l = payload;
	pthread_mutex_lock(&l->lock);
	an_pages_add(&l->got, path, data, len);
	pthread_mutex_unlock(&l->lock);
	return 0;
}

static int cmp_page(const void *x, const void *y)
{
	return strcmp(((const an_page *)x)->path, ((const an_page *)y)->path);
}

/* Renders theme `name` with `jobs` states; the pages emitted, sorted by
 * path, in *got; returns build's result. */
static int render_jobs(const char *name, int jobs, an_pages *got, an_pages *pages,
                       an_error *err)
{
	an_site site;
	an_error e0 = AN_ERROR_INIT;
	ck_assert_msg(an_site_load(&site, root, &e0) == 0, "%s", e0.msg);
	shared_log l = {PTHREAD_MUTEX_INITIALIZER, AN_PAGES_INIT};
	an_emit emit = {log_page_locked, &l, 1, NULL, NULL};
	an_theme_paths tp = {root, DATA_DIR, NULL, 0, 0, &emit, jobs};
	an_theme theme = AN_THEME_INIT;
	int rc = an_theme_render(pages, &theme, &site, &tp, name, err);
	an_theme_free(&theme);
	an_site_free(&site);
	if (l.got.len)
		qsort(l.got.items, l.got.len, sizeof *l.got.items, cmp_page);
	*got = l.got;
	return rc;
}

START_TEST(parallel_default_theme_same_pages)
{
	an_pages one = AN_PAGES_INIT, two = AN_PAGES_INIT, p1 = AN_PAGES_INIT, p2 = AN_PAGES_INIT;
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(render_jobs("default", 1, &one, &p1, &err) == 0, "%s", err.msg);
	ck_assert_msg(render_jobs("default", 3, &two, &p2, &err) == 0, "%s", err.msg);
	/* three states make exactly the pages one makes, byte for byte */
	ck_assert_uint_gt(one.len, 10);
	ck_assert_uint_eq(one.len, two.len);
	for (size_t i = 0; i < one.len; i++) {
		ck_assert_str_eq(one.items[i].path, two.items[i].path);
		ck_assert_uint_eq(one.items[i].len, two.items[i].len);
		ck_assert_msg(memcmp(one.items[i].data, two.items[i].data, one.items[i].len) == 0,
		              "%s differs", one.items[i].path);
	}
	/* and the list keeps every path, each once */
	ck_assert_uint_eq(p2.len, two.len);
	an_pages_free(&one);
	an_pages_free(&two);
	an_pages_free(&p1);
	an_pages_free(&p2);
}
END_TEST

START_TEST(parallel_only_when_declared)
{
	/* without parallel = true: one call, no third argument */
	write_at("themes/plain/theme.lua",
	         "return { build = function(site, emit, shard)\n"
	         "  emit('shard.txt', shard == nil and 'none' or 'given')\n"
	         "  return {} end }\n");
	an_pages got = AN_PAGES_INIT, pages = AN_PAGES_INIT;
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(render_jobs("plain", 2, &got, &pages, &err) == 0, "%s", err.msg);
	ck_assert_uint_eq(got.len, 1);
	ck_assert_str_eq(got.items[0].data, "none");
	an_pages_free(&got);
	an_pages_free(&pages);
	/* with it: one call per state, each told its share */
	write_at("themes/split/theme.lua",
	         "return { parallel = true, build = function(site, emit, shard)\n"
	         "  emit('part' .. shard.index .. '.txt', shard.index .. '/' .. shard.count)\n"
	         "  return {} end }\n");
	ck_assert_msg(render_jobs("split", 2, &got, &pages, &err) == 0, "%s", err.msg);
	ck_assert_uint_eq(got.len, 2);
	ck_assert_str_eq(got.items[0].path, "part1.txt");
	ck_assert_str_eq(got.items[0].data, "1/2");
	ck_assert_str_eq(got.items[1].data, "2/2");
	ck_assert_uint_eq(pages.len, 2);
	ck_assert_str_eq(pages.items[0].path, "part1.txt"); /* shard order */
	an_pages_free(&got);
	an_pages_free(&pages);
}
END_TEST

/* Sizes by hand: a state is estimated at 64 MiB + 128 KiB an article, and
 * extra states must fit in half of the memory available. */
START_TEST(parallel_states_fit_in_memory)
{
	size_t gib = (size_t)1 << 30;
	ck_assert_int_eq(an_theme_states(10, 2, 0), 1);          /* small site */
	ck_assert_int_eq(an_theme_states(1000, 1, 8 * gib), 1);  /* one worker */
	ck_assert_int_eq(an_theme_states(1000, 2, 0), 2);        /* memory unknown */
	ck_assert_int_eq(an_theme_states(1000, 2, 8 * gib), 2);  /* 2 x 189 MiB */
	/* 10,000 articles: 1,314 MiB a state; two need 2,628 > 2,048 */
	ck_assert_int_eq(an_theme_states(10000, 2, 4 * gib), 1);
	/* four would need 5,256 > 4,096, three 3,942 */
	ck_assert_int_eq(an_theme_states(10000, 4, 8 * gib), 3);
	ck_assert_int_eq(an_theme_states(100, 99, 0), AN_POOL_MAX);
}
END_TEST

START_TEST(parallel_error_in_one_share)
{
	write_at("themes/split/theme.lua",
	         "return { parallel = true, build = function(site, emit, shard)\n"
	         "  if shard.index == 2 then error('share two broke') end\n"
	         "  return { { path = 'a.txt', content = 'a' } } end }\n");
	an_pages got = AN_PAGES_INIT, pages = AN_PAGES_INIT;
	an_error err = AN_ERROR_INIT;
	ck_assert_int_eq(render_jobs("split", 2, &got, &pages, &err), -1);
	ck_assert_msg(strstr(err.msg, "share two broke") != NULL, "%s", err.msg);
	ck_assert_msg(strstr(err.file, "theme.lua") != NULL, "%s", err.file);
	an_pages_free(&got);
	an_pages_free(&pages);
}
END_TEST

START_TEST(extends_errors)
{
	write_at("themes/a/theme.lua", "return { extends = 'b' }\n");
	write_at("themes/b/theme.lua", "return { extends = 'a' }\n");
	an_pages pages = AN_PAGES_INIT;
	an_theme theme = AN_THEME_INIT;
	an_error err = AN_ERROR_INIT;
	ck_assert_int_eq(render(&pages, &theme, "a", &err), -1);
	ck_assert_msg(strstr(err.msg, "extends \"a\"") && strstr(err.msg, "loop"), "%s", err.msg);
	an_theme_free(&theme);
	write_at("themes/a/theme.lua", "return { extends = 'nowhere' }\n");
	ck_assert_int_eq(render(&pages, &theme, "a", &err), -1);
	ck_assert_msg(strstr(err.msg, "extends \"nowhere\": no such theme"), "%s", err.msg);
	an_theme_free(&theme);
	write_at("themes/a/theme.lua", "return { }\n");
	ck_assert_int_eq(render(&pages, &theme, "a", &err), -1);
	ck_assert_msg(strstr(err.msg, "no build(site) function"), "%s", err.msg);
	an_theme_free(&theme);
	write_at("themes/a/theme.lua", "return 'x'\n");
	ck_assert_int_eq(render(&pages, &theme, "a", &err), -1);
	ck_assert_msg(strstr(err.msg, "must return a table"), "%s", err.msg);
	an_theme_free(&theme);
	/* a runtime error in the theme names the file and line */
	write_at("themes/a/theme.lua", "return { build = function(site)\n  return site.nope.x\nend }\n");
	ck_assert_int_eq(render(&pages, &theme, "a", &err), -1);
	ck_assert_msg(strstr(err.msg, "theme.lua:2:") && strstr(err.msg, "stack traceback"), "%s",
	              err.msg);
	an_theme_free(&theme);
	an_pages_free(&pages);
}
END_TEST

START_TEST(static_merge)
{
	write_at("themes/child/theme.lua", "return { extends = 'default' }\n");
	write_at("themes/child/static/style.css", "/* child */\n");
	write_at("themes/child/static/extra/a.txt", "a\n");
	an_pages pages = AN_PAGES_INIT;
	an_theme theme = AN_THEME_INIT;
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(render(&pages, &theme, "child", &err) == 0, "%s", err.msg);
	char out[128];
	snprintf(out, sizeof out, "%s/public", root);
	an_output *o = an_output_begin(out, root, 0, &err);
	ck_assert_msg(o != NULL, "%s", err.msg);
	ck_assert_msg(an_theme_copy_static(o, &theme, &err) == 0, "%s", err.msg);
	ck_assert_msg(an_output_commit(o, &err) == 0, "%s", err.msg);
	char path[160], buf[64] = "";
	snprintf(path, sizeof path, "%s/style.css", out);
	FILE *f = fopen(path, "rb");
	ck_assert_ptr_nonnull(f);
	ck_assert_ptr_nonnull(fgets(buf, sizeof buf, f));
	fclose(f);
	ck_assert_str_eq(buf, "/* child */\n");
	snprintf(path, sizeof path, "%s/favicon.svg", out); /* the parent's */
	ck_assert_int_eq(access(path, R_OK), 0);
	snprintf(path, sizeof path, "%s/extra/a.txt", out);
	ck_assert_int_eq(access(path, R_OK), 0);
	an_pages_free(&pages);
	an_theme_free(&theme);
}
END_TEST

Suite *an_test_hooks_suite(void);
Suite *an_test_hooks_suite(void)
{
	Suite *s = suite_create("hooks");
	TCase *tc = tcase_create("hooks");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, no_filters);
	tcase_add_test(tc, on_article_changes_and_drops);
	tcase_add_test(tc, on_article_wrong_type);
	tcase_add_test(tc, filter_file_errors);
	tcase_add_test(tc, hook_error_names_file_line_traceback);
	tcase_add_test(tc, hook_limits);
	tcase_add_test(tc, markdown_filter);
	tcase_add_test(tc, on_event_and_on_timeline);
	tcase_add_test(tc, on_event_errors);
	tcase_add_test(tc, pages_hook);
	suite_add_tcase(s, tc);
	TCase *th = tcase_create("themes");
	tcase_add_checked_fixture(th, setup, teardown);
	tcase_set_timeout(th, 120);
	tcase_add_test(th, extends_overrides_one_template);
	tcase_add_test(th, extends_build_and_parent);
	tcase_add_test(th, emit_streams_pages);
	tcase_add_test(th, emit_parent_without_emit_returns_list);
	tcase_add_test(th, emit_errors);
	tcase_add_test(th, parallel_default_theme_same_pages);
	tcase_add_test(th, parallel_only_when_declared);
	tcase_add_test(th, parallel_error_in_one_share);
	tcase_add_test(th, parallel_states_fit_in_memory);
	tcase_add_test(th, extends_errors);
	tcase_add_test(th, static_merge);
	suite_add_tcase(s, th);
	return s;
}
