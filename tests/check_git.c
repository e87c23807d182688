/* check_git.c - content history through libgit2 (git.c, history.c, diff.c,
 * publish.c).  Every test builds its own repository in a mkdtemp folder
 * with the git command line (only to make fixtures: merges and shallow
 * clones are simplest that way), with author and committer names and
 * dates pinned, and checks the product code, which reads it in process.
 * libgit2 calls made here to inspect results go through GIT_OK, which
 * prints git_error_last() when a call fails. */
#include <check.h>
#include <errno.h>
#include <git2.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build.h"
#include "diff.h"
#include "history.h"
#include "load.h"
#include "publish.h"
#include "site.h"
#include "write.h"

#define GIT_OK(call)                                                                   \
	do {                                                                               \
		int git_ok_rc_ = (call);                                                       \
		const git_error *git_ok_e_ = git_error_last();                                 \
		ck_assert_msg(git_ok_rc_ >= 0, "%s failed: %s", #call,                         \
		              git_ok_e_ && git_ok_e_->message ? git_ok_e_->message : "(no message)"); \
	} while (0)

static char root[64]; /* the test's temporary folder */
static char repo[128]; /* root/repo: the site, a git work tree */

/* ---- fixtures ---- */

static void sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void sh(const char *fmt, ...)
{
	char cmd[4096];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(cmd, sizeof cmd, fmt, ap);
	va_end(ap);
	char full[4200];
	snprintf(full, sizeof full, "( %s ) >/dev/null 2>&1", cmd);
	int rc = system(full);
	ck_assert_msg(rc == 0, "fixture command failed (%d): %s", rc, cmd);
}

static void write_at(const char *dir, const char *rel, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, rel);
	for (char *p = path + strlen(dir) + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(path, 0755);
			*p = '/';
		}
	FILE *f = fopen(path, "wb");
	ck_assert_msg(f != NULL, "cannot create %s: %s", path, strerror(errno));
	fputs(text, f);
	fclose(f);
}

/* An article; `date` NULL leaves the front matter without one. */
static void article(const char *dir, const char *rel, const char *title, const char *date,
                    const char *body)
{
	char text[4096];
	char date_line[64] = "";
	if (date)
		snprintf(date_line, sizeof date_line, "date: %s\n", date);
	snprintf(text, sizeof text, "---\ntitle: \"%s\"\n%ssource: \"Test\"\n---\n\n%s\n", title,
	         date_line, body);
	write_at(dir, rel, text);
}

/* Commits everything in DIR as WHO at WHEN (git date format). */
static void commit(const char *dir, const char *when, const char *who, const char *msg)
{
	sh("cd '%s' && git add -A && GIT_AUTHOR_NAME='%s' GIT_AUTHOR_EMAIL='%s@example.org' "
	   "GIT_COMMITTER_NAME='%s' GIT_COMMITTER_EMAIL='%s@example.org' GIT_AUTHOR_DATE='%s' "
	   "GIT_COMMITTER_DATE='%s' git commit -q --allow-empty -m '%s'",
	   dir, who, who, who, who, when, when, msg);
}

static void git_init(const char *dir)
{
	sh("git init -q -b main '%s' && cd '%s' && git config user.name Publisher && "
	   "git config user.email publisher@example.org", dir, dir);
}

static void setup(void)
{
	/* the git command line must not read the tester's configuration */
	setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
	setenv("GIT_CONFIG_GLOBAL", "/dev/null", 1);
	snprintf(root, sizeof root, "/tmp/annals-check-git-XXXXXX");
	ck_assert_msg(mkdtemp(root) != NULL, "mkdtemp: %s", strerror(errno));
	snprintf(repo, sizeof repo, "%s/repo", root);
	ck_assert(mkdir(repo, 0755) == 0);
	git_libgit2_init();
}

static void teardown(void)
{
	git_libgit2_shutdown();
	an_remove_tree(root);
}

/* A memory stream for notes and warnings. */
typedef struct {
	FILE *f;
	char *text;
	size_t len;
} capture;

static void capture_open(capture *c)
{
	c->text = NULL;
	c->len = 0;
	c->f = open_memstream(&c->text, &c->len);
	ck_assert(c->f != NULL);
}

static const char *capture_text(capture *c)
{
	fflush(c->f);
	return c->text ? c->text : "";
}

static void capture_close(capture *c)
{
	fclose(c->f);
	free(c->text);
}

static char *slurp(const char *path)
{
	an_buf b = AN_BUF_INIT;
	an_error err = AN_ERROR_INIT;
	if (an_load_file(&b, path, &err) < 0) {
		an_buf_free(&b);
		return NULL;
	}
	return an_buf_detach(&b);
}

static const an_article *find_article(const an_site *s, const char *slug)
{
	long i = an_site_find_slug(s, slug);
	ck_assert_msg(i >= 0, "no article %s", slug);
	return &s->articles[i];
}

static int has_event(const an_site *s, const char *value)
{
	for (size_t i = 0; i < s->timeline.n_events; i++)
		if (strcmp(s->timeline.events[i].value, value) == 0)
			return 1;
	return 0;
}

static int load(an_site *out, const char *dir, const char *rev, FILE *log, an_error *err)
{
	an_history_opts o = {rev, log, log, 1};
	return an_history_load_site(out, dir, &o, err);
}

#define LOAD_OK(site, dir, rev, log)                                                   \
	do {                                                                               \
		an_error load_err_ = AN_ERROR_INIT;                                            \
		int load_rc_ = load(site, dir, rev, log, &load_err_);                          \
		ck_assert_msg(load_rc_ == 0, "load failed: %s:%d: %s", load_err_.file,         \
		              load_err_.line, load_err_.msg);                                  \
	} while (0)

/* ---- build a revision without a checkout ---- */

START_TEST(build_revision_without_checkout)
{
	git_init(repo);
	article(repo, "content/a.md", "Budget", "2025-11-12",
	        "On November 3, 2025, the city council approved the harbour budget.");
	write_at(repo, "themes/mini/theme.lua",
	         "return { build = function(site) return { { path = 'which.txt', content = "
	         "'theme from the revision, ' .. #site.articles .. ' article(s)' } } end }\n");
	write_at(repo, "annals.yaml", "title: Old title\ntheme: mini\n");
	commit(repo, "2025-11-12T10:00:00+00:00", "Ann", "first");
	/* the working tree moves on, uncommitted */
	article(repo, "content/a.md", "Budget", "2025-11-12",
	        "On November 4, 2025, the city council rejected the harbour budget.");
	article(repo, "content/b.md", "Later", "2025-11-13",
	        "On November 9, 2025, the governor visited the flooded town.");
	write_at(repo, "themes/mini/theme.lua", "error('the working theme must not run')\n");
	write_at(repo, "annals.yaml", "title: New title\ntheme: mini\n");

	an_site s;
	LOAD_OK(&s, repo, "HEAD", NULL);
	ck_assert_int_eq(s.n_articles, 1);
	ck_assert_str_eq(s.config.title, "Old title");
	ck_assert(has_event(&s, "2025-11-03"));
	ck_assert(!has_event(&s, "2025-11-04"));
	an_site_free(&s);

	/* the whole build, theme included, comes from the revision */
	char out[256];
	snprintf(out, sizeof out, "%s/out", root);
	an_build_opts bo = {repo, out, NULL, "..", 0, "main", NULL, NULL, 0};
	an_build_stats st;
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(an_build(&st, &bo, &err) == 0, "build: %s: %s", err.file, err.msg);
	char path[320];
	snprintf(path, sizeof path, "%s/which.txt", out);
	char *which = slurp(path);
	ck_assert_ptr_nonnull(which);
	ck_assert_str_eq(which, "theme from the revision, 1 article(s)");
	free(which);
	snprintf(path, sizeof path, "%s/timeline.json", out);
	char *json = slurp(path);
	ck_assert_ptr_nonnull(json);
	ck_assert(strstr(json, "\"2025-11-03\"") != NULL);
	ck_assert(strstr(json, "\"first_published\":\"2025-11-12T10:00:00+00:00\"") != NULL);
	free(json);

	/* and the working tree is as it was */
	snprintf(path, sizeof path, "%s/content/a.md", repo);
	char *a = slurp(path);
	ck_assert(strstr(a, "November 4") != NULL);
	free(a);

	/* without --rev, the working files */
	LOAD_OK(&s, repo, NULL, NULL);
	ck_assert_int_eq(s.n_articles, 2);
	ck_assert(has_event(&s, "2025-11-04"));
	ck_assert_str_eq(find_article(&s, "b")->history.first_published, ""); /* uncommitted */
	an_site_free(&s);
}
END_TEST

START_TEST(unknown_revision)
{
	git_init(repo);
	article(repo, "content/a.md", "A", "2025-11-12", "Text.");
	commit(repo, "2025-11-12T10:00:00+00:00", "Ann", "first");
	an_site s;
	an_error err = AN_ERROR_INIT;
	ck_assert_int_eq(load(&s, repo, "no-such-branch", NULL, &err), -1);
	ck_assert_msg(strstr(err.msg, "unknown revision 'no-such-branch'"), "%s", err.msg);
	an_error err2 = AN_ERROR_INIT;
	ck_assert_int_eq(load(&s, repo, "HEAD^{tree}", NULL, &err2), -1);
	ck_assert_msg(strstr(err2.msg, "not a commit"), "%s", err2.msg);
}
END_TEST

/* ---- dates and authors from history ---- */

START_TEST(dates_through_rename_and_merge)
{
	git_init(repo);
	article(repo, "content/a.md", "Story", "2025-01-01",
	        "On December 30, 2024, the bridge closed for repairs.");
	commit(repo, "2025-01-01T10:00:00+01:00", "Alice", "add the story");
	sh("cd '%s' && mkdir -p content/news && git mv content/a.md content/news/b.md", repo);
	commit(repo, "2025-01-02T10:00:00+01:00", "Bob", "move it into news/");
	sh("cd '%s' && git checkout -q -b side", repo);
	article(repo, "content/news/b.md", "Story", "2025-01-01",
	        "On December 30, 2024, the bridge closed for repairs.\n\nIt reopens in March.");
	commit(repo, "2025-01-03T10:00:00+01:00", "Carol", "update the story");
	sh("cd '%s' && git checkout -q main", repo);
	article(repo, "content/other.md", "Other", "2025-01-04",
	        "On January 2, 2025, the ferry resumed service.");
	commit(repo, "2025-01-04T10:00:00+01:00", "Alice", "another story");
	sh("cd '%s' && GIT_AUTHOR_NAME=Dave GIT_AUTHOR_EMAIL=dave@example.org "
	   "GIT_COMMITTER_NAME=Dave GIT_COMMITTER_EMAIL=dave@example.org "
	   "GIT_AUTHOR_DATE=2025-01-05T10:00:00+01:00 GIT_COMMITTER_DATE=2025-01-05T10:00:00+01:00 "
	   "git merge -q --no-ff side -m 'merge side'", repo);

	an_site s;
	LOAD_OK(&s, repo, NULL, NULL);
	const an_article_history *b = &find_article(&s, "b")->history;
	ck_assert_str_eq(b->first_published, "2025-01-01T10:00:00+01:00");
	ck_assert_str_eq(b->last_modified, "2025-01-03T10:00:00+01:00");
	ck_assert_uint_eq(b->n_authors, 3); /* the merge changed nothing: no Dave */
	ck_assert_str_eq(b->authors[0], "Alice");
	ck_assert_str_eq(b->authors[1], "Bob");
	ck_assert_str_eq(b->authors[2], "Carol");
	ck_assert_uint_eq(strlen(b->first_commit), 40);
	const an_article_history *o = &find_article(&s, "other")->history;
	ck_assert_str_eq(o->first_published, "2025-01-04T10:00:00+01:00");
	ck_assert_str_eq(o->last_modified, "2025-01-04T10:00:00+01:00");
	ck_assert_uint_eq(o->n_authors, 1);
	ck_assert_str_eq(o->authors[0], "Alice");
	an_site_free(&s);
}
END_TEST

START_TEST(evil_merge_counts)
{
	/* a merge that changes the file beyond both sides is a change */
	git_init(repo);
	article(repo, "content/a.md", "A", "2025-01-01", "On December 30, 2024, it rained.");
	commit(repo, "2025-01-01T10:00:00+00:00", "Alice", "one");
	sh("cd '%s' && git checkout -q -b side", repo);
	write_at(repo, "content/side.txt", "x");
	commit(repo, "2025-01-02T10:00:00+00:00", "Bob", "side");
	sh("cd '%s' && git checkout -q main && GIT_AUTHOR_DATE=2025-01-03T10:00:00+00:00 "
	   "GIT_COMMITTER_DATE=2025-01-03T10:00:00+00:00 GIT_AUTHOR_NAME=Eve "
	   "GIT_AUTHOR_EMAIL=eve@example.org GIT_COMMITTER_NAME=Eve "
	   "GIT_COMMITTER_EMAIL=eve@example.org git merge -q --no-ff --no-commit side", repo);
	article(repo, "content/a.md", "A", "2025-01-01", "On December 31, 2024, it rained.");
	sh("cd '%s' && git add -A && GIT_AUTHOR_DATE=2025-01-03T10:00:00+00:00 "
	   "GIT_COMMITTER_DATE=2025-01-03T10:00:00+00:00 GIT_AUTHOR_NAME=Eve "
	   "GIT_AUTHOR_EMAIL=eve@example.org GIT_COMMITTER_NAME=Eve "
	   "GIT_COMMITTER_EMAIL=eve@example.org git commit -q -m merge", repo);
	an_site s;
	LOAD_OK(&s, repo, NULL, NULL);
	const an_article_history *h = &find_article(&s, "a")->history;
	ck_assert_str_eq(h->first_published, "2025-01-01T10:00:00+00:00");
	ck_assert_str_eq(h->last_modified, "2025-01-03T10:00:00+00:00");
	ck_assert_uint_eq(h->n_authors, 2);
	ck_assert_str_eq(h->authors[1], "Eve");
	an_site_free(&s);
}
END_TEST

START_TEST(date_from_first_commit)
{
	git_init(repo);
	article(repo, "content/a.md", "Undated", NULL,
	        "Yesterday the council approved the budget.");
	/* late evening in New York: already the next day in UTC */
	commit(repo, "2025-03-04T23:30:00-05:00", "Ann", "add undated");
	article(repo, "content/a.md", "Undated", NULL,
	        "Yesterday the council approved the budget, 7 to 2.");
	commit(repo, "2025-03-06T09:00:00-05:00", "Ann", "edit");
	capture c;
	capture_open(&c);
	an_site s;
	LOAD_OK(&s, repo, NULL, c.f);
	const an_article *a = find_article(&s, "a");
	ck_assert_int_eq(a->meta.date.y, 2025);
	ck_assert_int_eq(a->meta.date.m, 3);
	ck_assert_int_eq(a->meta.date.d, 4);
	ck_assert(has_event(&s, "2025-03-03")); /* "yesterday" from the commit's date */
	const char *log = capture_text(&c);
	ck_assert_msg(strstr(log, "content/a.md: no 'date' in front matter; using 2025-03-04"),
	              "log: %s", log);
	an_site_free(&s);
	capture_close(&c);

	/* an undated file that was never committed cannot be dated */
	article(repo, "content/new.md", "New", NULL, "Text.");
	an_error err = AN_ERROR_INIT;
	ck_assert_int_eq(load(&s, repo, NULL, NULL, &err), -1);
	ck_assert_str_eq(err.file, "content/new.md");
	ck_assert_msg(strstr(err.msg, "no 'date'") && strstr(err.msg, "commit"), "%s", err.msg);
}
END_TEST

START_TEST(shallow_clone)
{
	char origin[160];
	snprintf(origin, sizeof origin, "%s/origin", root);
	git_init(origin);
	article(origin, "content/a.md", "A", "2025-02-01", "On January 30, 2025, it snowed.");
	commit(origin, "2025-02-01T10:00:00+00:00", "Ann", "one");
	article(origin, "content/b.md", "B", "2025-02-02", "On January 31, 2025, it rained.");
	commit(origin, "2025-02-02T10:00:00+00:00", "Bob", "two");
	article(origin, "content/a.md", "A", "2025-02-01",
	        "On January 30, 2025, it snowed heavily.");
	commit(origin, "2025-02-03T10:00:00+00:00", "Cy", "three");
	sh("git clone -q --depth 2 'file://%s' '%s'", origin, repo);

	capture c;
	capture_open(&c);
	an_site s;
	LOAD_OK(&s, repo, NULL, c.f);
	const char *log = capture_text(&c);
	ck_assert_msg(strstr(log, "warning: this is a shallow clone"), "log: %s", log);
	/* a: changed in "three" (inside the clone), added before it */
	const an_article_history *a = &find_article(&s, "a")->history;
	ck_assert_str_eq(a->first_published, "");
	ck_assert_str_eq(a->last_modified, "2025-02-03T10:00:00+00:00");
	/* b: "two" is the shallow boundary; whether it added b is unknown, so
	 * it must not be stamped with that commit's date */
	const an_article_history *b = &find_article(&s, "b")->history;
	ck_assert_str_eq(b->first_published, "");
	ck_assert_str_eq(b->last_modified, "");
	an_site_free(&s);
	capture_close(&c);

	/* an undated article that history cannot date is an error that says why */
	article(origin, "content/c.md", "C", NULL, "Text.");
	commit(origin, "2025-02-04T10:00:00+00:00", "Ann", "four");
	an_remove_tree(repo);
	sh("git clone -q --depth 1 'file://%s' '%s'", origin, repo);
	an_error err = AN_ERROR_INIT;
	ck_assert_int_eq(load(&s, repo, NULL, NULL, &err), -1);
	ck_assert_msg(strstr(err.msg, "shallow"), "%s", err.msg);
}
END_TEST

/* ---- how the timeline changed ---- */

static void news(const char *slug, const char *date, const char *body)
{
	char rel[64];
	snprintf(rel, sizeof rel, "content/%s.md", slug);
	article(repo, rel, slug, date, body);
}

static int has_change(const an_changes *c, an_change_kind kind, const char *date,
                      const char *before, const char *source)
{
	for (size_t i = 0; i < c->len; i++) {
		const an_change *ch = &c->items[i];
		if (ch->kind == kind && (!date || strcmp(ch->date, date) == 0) &&
		    (!before || (ch->before && strcmp(ch->before, before) == 0)) &&
		    (!source || (ch->source && strcmp(ch->source, source) == 0)))
			return 1;
	}
	return 0;
}

static void story_repo(void)
{
	git_init(repo);
	news("a", "2025-11-12", "On November 3, 2025, the city council approved the harbour budget "
	     "after a long debate.\n\nOn November 5, 2025, the mayor resigned over the parking "
	     "scandal.");
	news("b", "2025-11-12", "The city council approved the harbour budget on November 3, 2025, "
	     "after a long debate.");
	news("z", "2025-11-12", "On November 8, 2025, heavy rain flooded the old mill district.");
	commit(repo, "2025-11-12T10:00:00+00:00", "Ann", "First reports");
	news("a", "2025-11-12", "On November 3, 2025, the city council approved the harbour budget "
	     "after a long debate.\n\nOn November 6, 2025, the mayor resigned over the parking "
	     "scandal.");
	news("c", "2025-11-13", "The city council approved the harbour budget on November 3, 2025, "
	     "in a close vote after a long debate.\n\nOn November 10, 2025, the governor visited "
	     "the flooded town of Milltown.");
	sh("cd '%s' && git rm -q content/z.md", repo);
	commit(repo, "2025-11-13T10:00:00+00:00", "Bob", "Corrections and a new report");
	sh("cd '%s' && git rm -q content/b.md", repo);
	commit(repo, "2025-11-14T10:00:00+00:00", "Ann", "Drop the weekly");
	sh("cd '%s' && git commit -q --allow-empty -m 'no content change'", repo);
}

START_TEST(diff_between_revisions)
{
	story_repo();
	an_changes c = AN_CHANGES_INIT;
	an_error err = AN_ERROR_INIT;
	an_history_opts o = {NULL, NULL, NULL, 0};
	ck_assert_msg(an_history_diff(&c, repo, "HEAD~3", "HEAD~2", &o, &err) == 0, "%s", err.msg);
	ck_assert(has_change(&c, AN_CHANGE_ADDED, "2025-11-10", NULL, NULL));
	ck_assert(has_change(&c, AN_CHANGE_REMOVED, "2025-11-08", NULL, NULL));
	ck_assert(has_change(&c, AN_CHANGE_REDATED, "2025-11-06", "2025-11-05", NULL));
	ck_assert(has_change(&c, AN_CHANGE_SOURCE_ADDED, "2025-11-03", NULL, "c"));
	an_buf text = AN_BUF_INIT;
	an_diff_text(&text, &c);
	ck_assert_msg(strstr(text.ptr, "~ redated         2025-11-05 -> 2025-11-06  "), "%s",
	              text.ptr);
	ck_assert(strstr(text.ptr, "- removed         2025-11-08  "));
	an_buf_free(&text);
	an_changes_free(&c);

	ck_assert(an_history_diff(&c, repo, "HEAD~2", "HEAD~1", &o, &err) == 0);
	ck_assert(has_change(&c, AN_CHANGE_SOURCE_DROPPED, "2025-11-03", NULL, "b"));
	ck_assert_uint_eq(c.len, 1);
	an_changes_free(&c);

	ck_assert(an_history_diff(&c, repo, "HEAD~1", "HEAD", &o, &err) == 0);
	ck_assert_uint_eq(c.len, 0);
	an_changes_free(&c);
}
END_TEST

START_TEST(changes_page_log)
{
	story_repo();
	an_site s;
	LOAD_OK(&s, repo, NULL, NULL);
	/* three commits changed the timeline; the empty one did not */
	ck_assert_uint_eq(s.changes.len, 3);
	const an_revision *newest = &s.changes.items[0], *oldest = &s.changes.items[2];
	ck_assert_str_eq(newest->message, "Drop the weekly");
	ck_assert_str_eq(newest->date, "2025-11-14T10:00:00+00:00");
	ck_assert_str_eq(newest->author, "Ann");
	ck_assert(has_change(&newest->changes, AN_CHANGE_SOURCE_DROPPED, NULL, NULL, "b"));
	ck_assert_str_eq(s.changes.items[1].author, "Bob");
	ck_assert(has_change(&oldest->changes, AN_CHANGE_ADDED, "2025-11-05", NULL, NULL));
	an_site_free(&s);
}
END_TEST

/* The diff itself on hand-made snapshots: each kind, and the matching. */
static void snap(an_snapshot *s, const char *id, const char *value, const char *title,
                 const char *src1, const char *src2, const char *key)
{
	char *sources[2] = {(char *)src1, (char *)src2};
	char *keys[1] = {(char *)key};
	an_snap_event e = {(char *)id, (char *)value, "", (char *)title, sources,
	                   src2 ? 2 : 1, keys, 1};
	an_snapshot_add(s, &e);
}

START_TEST(diff_kinds)
{
	an_snapshot old = AN_SNAPSHOT_INIT, new = AN_SNAPSHOT_INIT;
	snap(&old, "e1", "2025-11-01", "Maduro speaks", "a", NULL, "a\nMaduro spoke.");
	snap(&old, "e2", "2025-11-02", "Old headline", "a", "b", "a\nThe vote.");
	snap(&old, "e3", "2025-11-03", "Gone", "b", NULL, "b\nGone.");
	snap(&new, "e1x", "2025-11-02", "Maduro speaks", "a", NULL, "a\nMaduro spoke.");
	snap(&new, "e2", "2025-11-02", "New headline", "a", "c", "a\nThe vote.");
	snap(&new, "e4", "2025-11-04", "Fresh", "c", NULL, "c\nFresh.");
	an_changes c = AN_CHANGES_INIT;
	an_diff_snapshots(&c, &old, &new);
	ck_assert(has_change(&c, AN_CHANGE_REDATED, "2025-11-02", "2025-11-01", NULL));
	ck_assert(has_change(&c, AN_CHANGE_RETITLED, "2025-11-02", "Old headline", NULL));
	ck_assert(has_change(&c, AN_CHANGE_SOURCE_ADDED, "2025-11-02", NULL, "c"));
	ck_assert(has_change(&c, AN_CHANGE_SOURCE_DROPPED, "2025-11-02", NULL, "b"));
	ck_assert(has_change(&c, AN_CHANGE_ADDED, "2025-11-04", NULL, NULL));
	ck_assert(has_change(&c, AN_CHANGE_REMOVED, "2025-11-03", NULL, NULL));
	ck_assert_uint_eq(c.len, 6);
	an_buf t = AN_BUF_INIT;
	an_diff_text(&t, &c);
	ck_assert_msg(strstr(t.ptr, "~ retitled        2025-11-02  \"Old headline\" -> "
	                            "\"New headline\"\n"), "%s", t.ptr);
	ck_assert(strstr(t.ptr, "+ source-added    2025-11-02  New headline: c\n"));
	an_buf_free(&t);
	an_changes_free(&c);
	an_diff_snapshots(&c, &new, &new);
	ck_assert_uint_eq(c.len, 0);
	an_changes_free(&c);
	an_snapshot_free(&old);
	an_snapshot_free(&new);
}
END_TEST

/* ---- publish ---- */

static void head_state(const char *dir, char *head_ref, size_t size, git_oid *head_id)
{
	git_repository *r = NULL;
	git_reference *h = NULL;
	GIT_OK(git_repository_open(&r, dir));
	GIT_OK(git_reference_lookup(&h, r, "HEAD"));
	snprintf(head_ref, size, "%s", git_reference_symbolic_target(h));
	git_reference_free(h);
	GIT_OK(git_reference_name_to_id(head_id, r, "HEAD"));
	git_repository_free(r);
}

/* The commit a branch points to and the paths of its tree, one a line. */
static void branch_tree(const char *dir, const char *branch, an_buf *paths, size_t *n_parents,
                        char *message, size_t size)
{
	git_repository *r = NULL;
	git_commit *c = NULL;
	git_tree *t = NULL;
	git_oid id;
	char ref[128];
	snprintf(ref, sizeof ref, "refs/heads/%s", branch);
	GIT_OK(git_repository_open(&r, dir));
	GIT_OK(git_reference_name_to_id(&id, r, ref));
	GIT_OK(git_commit_lookup(&c, r, &id));
	GIT_OK(git_commit_tree(&t, c));
	*n_parents = git_commit_parentcount(c);
	snprintf(message, size, "%s", git_commit_message(c));
	for (size_t i = 0; i < git_tree_entrycount(t); i++) {
		const git_tree_entry *e = git_tree_entry_byindex(t, i);
		an_buf_printf(paths, "%s%s\n", git_tree_entry_name(e),
		              git_tree_entry_type(e) == GIT_OBJECT_TREE ? "/" : "");
	}
	git_tree_free(t);
	git_commit_free(c);
	git_repository_free(r);
}

START_TEST(publish_new_and_existing_branch)
{
	git_init(repo);
	article(repo, "content/a.md", "A", "2025-11-12", "On November 3, 2025, it rained.");
	commit(repo, "2025-11-12T10:00:00+00:00", "Ann", "content");
	/* local changes that publish must not disturb: staged, unstaged, untracked */
	article(repo, "content/a.md", "A", "2025-11-12", "On November 4, 2025, it rained.");
	sh("cd '%s' && git add content/a.md", repo);
	article(repo, "content/a.md", "A", "2025-11-12", "On November 5, 2025, it rained.");
	write_at(repo, "notes.txt", "untracked\n");
	char index_path[256], status_before[256], status_after[256];
	snprintf(index_path, sizeof index_path, "%s/.git/index", repo);
	char *index_before = slurp(index_path);
	snprintf(status_before, sizeof status_before, "%s/status-before", root);
	snprintf(status_after, sizeof status_after, "%s/status-after", root);
	sh("cd '%s' && git status --porcelain > '%s'", repo, status_before);
	char ref_before[128], ref_after[128];
	git_oid id_before, id_after;
	head_state(repo, ref_before, sizeof ref_before, &id_before);

	char site_dir[256];
	snprintf(site_dir, sizeof site_dir, "%s/site", root);
	ck_assert(mkdir(site_dir, 0755) == 0);
	write_at(site_dir, "index.html", "<p>v1</p>\n");
	write_at(site_dir, "events/e.html", "<p>e</p>\n");
	write_at(site_dir, ".annals-output", "");
	write_at(site_dir, ".nojekyll", "");

	an_publish_opts po = {site_dir, repo, "gh-pages", NULL, NULL, 1763000000LL, 60};
	char id[41];
	int unchanged = -1;
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(an_publish(id, &unchanged, &po, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(unchanged, 0);
	ck_assert_uint_eq(strlen(id), 40);
	an_buf paths = AN_BUF_INIT;
	size_t n_parents;
	char msg[256];
	branch_tree(repo, "gh-pages", &paths, &n_parents, msg, sizeof msg);
	ck_assert_str_eq(paths.ptr, ".nojekyll\nevents/\nindex.html\n");
	ck_assert_uint_eq(n_parents, 0);
	ck_assert_msg(strncmp(msg, "Publish the site built from ", 28) == 0, "%s", msg);

	/* again with a change: a second commit on top */
	write_at(site_dir, "index.html", "<p>v2</p>\n");
	po.message = "Site update";
	ck_assert_msg(an_publish(id, &unchanged, &po, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(unchanged, 0);
	an_buf_clear(&paths);
	branch_tree(repo, "gh-pages", &paths, &n_parents, msg, sizeof msg);
	ck_assert_uint_eq(n_parents, 1);
	ck_assert_str_eq(msg, "Site update\n");
	/* and once more without a change: nothing to commit */
	char same[41];
	ck_assert(an_publish(same, &unchanged, &po, &err) == 0);
	ck_assert_int_eq(unchanged, 1);
	ck_assert_str_eq(same, id);
	an_buf_free(&paths);

	/* HEAD, the index and the work tree are untouched */
	head_state(repo, ref_after, sizeof ref_after, &id_after);
	ck_assert_str_eq(ref_after, ref_before);
	ck_assert(git_oid_equal(&id_after, &id_before));
	char *index_after = slurp(index_path);
	ck_assert(index_before && index_after && strcmp(index_before, index_after) == 0);
	sh("cd '%s' && git status --porcelain > '%s' && cmp -s '%s' '%s'", repo, status_after,
	   status_before, status_after);
	char apath[256];
	snprintf(apath, sizeof apath, "%s/content/a.md", repo);
	char *a = slurp(apath);
	ck_assert(strstr(a, "November 5"));
	free(a);
	free(index_before);
	free(index_after);

	/* the checked-out branch and bad names are refused */
	po.branch = "main";
	ck_assert_int_eq(an_publish(id, &unchanged, &po, &err), -1);
	ck_assert_msg(strstr(err.msg, "checked out"), "%s", err.msg);
	po.branch = "bad..name";
	ck_assert_int_eq(an_publish(id, &unchanged, &po, &err), -1);
	ck_assert_msg(strstr(err.msg, "not a valid branch name"), "%s", err.msg);
}
END_TEST

/* ---- repositories in odd states ---- */

START_TEST(not_a_repository)
{
	article(repo, "content/a.md", "A", "2025-11-12", "On November 3, 2025, it rained.");
	capture c;
	capture_open(&c);
	an_site s;
	LOAD_OK(&s, repo, NULL, c.f);
	ck_assert_msg(strstr(capture_text(&c), "not in a git repository: history features"),
	              "%s", capture_text(&c));
	ck_assert_str_eq(s.articles[0].history.first_published, "");
	ck_assert_uint_eq(s.changes.len, 0);
	an_site_free(&s);
	capture_close(&c);
	an_error err = AN_ERROR_INIT;
	ck_assert_int_eq(load(&s, repo, "HEAD", NULL, &err), -1);
	ck_assert_msg(strstr(err.msg, "needs a git repository"), "%s", err.msg);
	an_changes ch = AN_CHANGES_INIT;
	an_history_opts o = {NULL, NULL, NULL, 0};
	ck_assert_int_eq(an_history_diff(&ch, repo, "HEAD~1", "HEAD", &o, &err), -1);
	ck_assert_msg(strstr(err.msg, "not in a git repository"), "%s", err.msg);
	char id[41];
	int unchanged;
	an_publish_opts po = {repo, repo, "gh-pages", NULL, NULL, 0, 0};
	ck_assert_int_eq(an_publish(id, &unchanged, &po, &err), -1);
	ck_assert_msg(strstr(err.msg, "not in a git repository"), "%s", err.msg);
}
END_TEST

START_TEST(bare_repository)
{
	sh("git init -q --bare '%s'", repo);
	an_site s;
	an_error err = AN_ERROR_INIT;
	ck_assert_int_eq(load(&s, repo, NULL, NULL, &err), -1);
	ck_assert_msg(strstr(err.msg, "bare git repository"), "%s", err.msg);
	an_error err2 = AN_ERROR_INIT;
	ck_assert_int_eq(load(&s, repo, "HEAD", NULL, &err2), -1);
	ck_assert_msg(strstr(err2.msg, "bare git repository"), "%s", err2.msg);
}
END_TEST

START_TEST(detached_head)
{
	git_init(repo);
	article(repo, "content/a.md", "A", "2025-11-12", "On November 3, 2025, it rained.");
	commit(repo, "2025-11-12T10:00:00+00:00", "Ann", "one");
	article(repo, "content/a.md", "A", "2025-11-12", "On November 4, 2025, it rained.");
	commit(repo, "2025-11-13T10:00:00+00:00", "Ann", "two");
	sh("cd '%s' && git checkout -q --detach HEAD~1", repo);
	capture c;
	capture_open(&c);
	an_site s;
	LOAD_OK(&s, repo, NULL, c.f);
	ck_assert_msg(strstr(capture_text(&c), "HEAD is detached at"), "%s", capture_text(&c));
	ck_assert_str_eq(s.articles[0].history.last_modified, "2025-11-12T10:00:00+00:00");
	an_site_free(&s);
	capture_close(&c);
	LOAD_OK(&s, repo, "main", NULL); /* a branch still builds */
	ck_assert(has_event(&s, "2025-11-04"));
	an_site_free(&s);
}
END_TEST

START_TEST(unborn_branch)
{
	git_init(repo);
	article(repo, "content/a.md", "A", "2025-11-12", "On November 3, 2025, it rained.");
	capture c;
	capture_open(&c);
	an_site s;
	LOAD_OK(&s, repo, NULL, c.f);
	ck_assert_msg(strstr(capture_text(&c), "the branch 'main' has no commits yet"), "%s",
	              capture_text(&c));
	an_site_free(&s);
	capture_close(&c);
	an_error err = AN_ERROR_INIT;
	ck_assert_int_eq(load(&s, repo, "HEAD", NULL, &err), -1);
	ck_assert_msg(strstr(err.msg, "no commits yet"), "%s", err.msg);
	an_changes ch = AN_CHANGES_INIT;
	an_history_opts o = {NULL, NULL, NULL, 0};
	an_error err2 = AN_ERROR_INIT;
	ck_assert_int_eq(an_history_diff(&ch, repo, "HEAD", "HEAD", &o, &err2), -1);
	ck_assert_msg(strstr(err2.msg, "no commits yet"), "%s", err2.msg);
}
END_TEST

/* Overwrites the loose object for REV's id with bytes zlib cannot read. */
static void corrupt(const char *rev)
{
	git_repository *r = NULL;
	git_object *o = NULL;
	GIT_OK(git_repository_open(&r, repo));
	GIT_OK(git_revparse_single(&o, r, rev));
	char hex[41], path[320];
	git_oid_tostr(hex, sizeof hex, git_object_id(o));
	git_object_free(o);
	git_repository_free(r);
	snprintf(path, sizeof path, "%s/.git/objects/%.2s/%s", repo, hex, hex + 2);
	chmod(path, 0644);
	FILE *f = fopen(path, "wb");
	ck_assert_msg(f != NULL, "%s: %s", path, strerror(errno));
	fputs("this is not a zlib stream", f);
	fclose(f);
}

START_TEST(corrupt_objects)
{
	git_init(repo);
	article(repo, "content/a.md", "A", "2025-11-12", "On November 3, 2025, it rained.");
	article(repo, "content/sub/b.md", "B", "2025-11-12", "On November 4, 2025, it snowed.");
	commit(repo, "2025-11-12T10:00:00+00:00", "Ann", "one");
	corrupt("HEAD:content/a.md");
	an_site s;
	an_error err = AN_ERROR_INIT;
	ck_assert_int_eq(load(&s, repo, "HEAD", NULL, &err), -1);
	ck_assert_str_eq(err.file, "content/a.md");
	ck_assert_msg(strstr(err.msg, "cannot read the file from git"), "%s", err.msg);
	/* history reads trees: a broken tree stops it with a message */
	corrupt("HEAD:content/sub");
	an_error err2 = AN_ERROR_INIT;
	ck_assert_int_eq(load(&s, repo, NULL, NULL, &err2), -1);
	ck_assert_msg(err2.msg[0] != '\0', "no message");
}
END_TEST

Suite *an_test_git_suite(void);
Suite *an_test_git_suite(void)
{
	Suite *s = suite_create("git");
	TCase *tc = tcase_create("history");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, build_revision_without_checkout);
	tcase_add_test(tc, unknown_revision);
	tcase_add_test(tc, dates_through_rename_and_merge);
	tcase_add_test(tc, evil_merge_counts);
	tcase_add_test(tc, date_from_first_commit);
	tcase_add_test(tc, shallow_clone);
	tcase_add_test(tc, diff_between_revisions);
	tcase_add_test(tc, changes_page_log);
	tcase_add_test(tc, publish_new_and_existing_branch);
	tcase_add_test(tc, not_a_repository);
	tcase_add_test(tc, bare_repository);
	tcase_add_test(tc, detached_head);
	tcase_add_test(tc, unborn_branch);
	tcase_add_test(tc, corrupt_objects);
	suite_add_tcase(s, tc);
	TCase *pure = tcase_create("diff");
	tcase_add_test(pure, diff_kinds);
	suite_add_tcase(s, pure);
	return s;
}
