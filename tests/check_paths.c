/* check_paths.c - where hostile input could make annals write or read
 * outside its folders: slugs (../, absolute, NUL, overlong, Windows device
 * names), page paths a theme returns, symbolic links in content/, output
 * folders that would replace the site, and the write-fault hook that
 * proves a failed build leaves the previous site as it was.  File-system
 * tests work in a folder made with mkdtemp under /tmp and removed after. */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "article.h"
#include "fsname.h"
#include "load.h"
#include "render.h"
#include "site.h"
#include "write.h"

static char root[64];
static char site[128];

static void put(const char *rel, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	FILE *f = fopen(path, "wb");
	ck_assert_msg(f != NULL, "cannot create %s", path);
	fputs(text, f);
	fclose(f);
}

static void mk(const char *rel)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	ck_assert_msg(mkdir(path, 0755) == 0, "mkdir %s: %s", path, strerror(errno));
}

static void link_to(const char *target, const char *rel)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	ck_assert_msg(symlink(target, path) == 0, "symlink %s: %s", path, strerror(errno));
}

static void setup(void)
{
	snprintf(root, sizeof root, "/tmp/annals-check-paths-XXXXXX");
	ck_assert(mkdtemp(root) != NULL);
	snprintf(site, sizeof site, "%s/site", root);
	mk("site");
	mk("site/content");
	put("site/content/a.md", "---\ntitle: A\ndate: 2025-11-01\n---\nOn May 1 it rained.\n");
}

static void teardown(void)
{
	unsetenv("ANNALS_FAULT_AFTER_WRITES");
	unsetenv("ANNALS_FAULT_KIND");
	an_remove_tree(root);
}

START_TEST(device_names)
{
	const char *reserved[] = {"con", "CON", "Con.html", "nul", "NUL.md", "aux", "prn",
	                          "com1", "COM9.txt", "lpt1", "lpt0", "con .html", NULL};
	const char *fine[] = {"console", "icon.svg", "com10", "lpt", "null", "auxiliary",
	                      "co", "a.con", "nul-name", "", NULL};
	for (const char *const *p = reserved; *p; p++)
		ck_assert_msg(an_fsname_reserved(*p, strlen(*p)), "\"%s\" accepted", *p);
	for (const char *const *p = fine; *p; p++)
		ck_assert_msg(!an_fsname_reserved(*p, strlen(*p)), "\"%s\" refused", *p);
	/* the length is honoured: "con" inside a longer buffer */
	ck_assert(an_fsname_reserved("console", 3));
}
END_TEST

START_TEST(page_paths)
{
	const char *bad[] = {"CON.html", "articles/nul.html", "entities/Aux.html", "lpt9",
	                     "../x.html", "/etc/passwd", "a/../../b", "a\\b", "c:x", "a//b", NULL};
	for (const char *const *p = bad; *p; p++)
		ck_assert_msg(!an_render_path_ok(*p), "\"%s\" accepted", *p);
	ck_assert(an_render_path_ok("entities/con-name.html"));
	ck_assert(an_render_path_ok("icon.svg"));
}
END_TEST

/* Parses an article whose front matter sets `slug_line` (or the file name
 * `path` decides) and expects an error that mentions `want`. */
static void expect_slug_refused(const char *path, const char *slug_yaml, const char *want)
{
	char text[2048];
	snprintf(text, sizeof text, "---\ntitle: T\ndate: 2025-11-01\n%s%s%s---\nbody\n",
	         slug_yaml ? "slug: " : "", slug_yaml ? slug_yaml : "", slug_yaml ? "\n" : "");
	an_source src = {(char *)path, text, strlen(text)};
	an_article a;
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(an_article_parse(&a, &src, &err) < 0, "slug %s accepted",
	              slug_yaml ? slug_yaml : path);
	ck_assert_msg(strstr(err.msg, want) != NULL, "message: %s", err.msg);
	ck_assert_str_eq(err.file, path);
	ck_assert_int_ge(err.line, 1);
}

START_TEST(slugs_stay_inside)
{
	expect_slug_refused("content/a.md", "../../etc/passwd", "may only use");
	expect_slug_refused("content/a.md", "/etc/passwd", "may only use");
	expect_slug_refused("content/a.md", "\"a\\0../b\"", "NUL character");
	expect_slug_refused("content/a.md", "a/b", "may only use");
	expect_slug_refused("content/a.md", "\"..\"", "may only use");
	expect_slug_refused("content/a.md", "\"\"", "may only use");
	expect_slug_refused("content/a.md", "\"caf\\u00e9\"", "may only use");
	char longslug[400];
	memset(longslug, 'x', 300);
	longslug[300] = '\0';
	expect_slug_refused("content/a.md", longslug, "may only use");
	expect_slug_refused("content/a.md", "CON", "device name");
	expect_slug_refused("content/a.md", "com1", "device name");
	expect_slug_refused("content/NUL.md", NULL, "device name");
	expect_slug_refused("content/aux.md", NULL, "rename the file");

	/* a plain slug is fine */
	const char *text = "---\ntitle: T\ndate: 2025-11-01\nslug: console-2\n---\n";
	an_source src = {"content/x.md", (char *)text, strlen(text)};
	an_article a;
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(an_article_parse(&a, &src, &err) == 0, "%s", err.msg);
	ck_assert_str_eq(a.slug, "console-2");
	an_article_free(&a);
}
END_TEST

/* Slugs that differ only in case would be one file on macOS and Windows. */
START_TEST(slugs_differ_beyond_case)
{
	an_source items[2] = {
		{"content/A.md", "---\ntitle: A\ndate: 2025-11-01\n---\nx\n", 0},
		{"content/b.md", "---\ntitle: B\ndate: 2025-11-01\nslug: a\n---\ny\n", 0},
	};
	for (int i = 0; i < 2; i++)
		items[i].len = strlen(items[i].data);
	an_sources sources = {items, 2, 2};
	an_site_input in = {.sources = &sources};
	an_site s;
	an_error err = AN_ERROR_INIT;
	ck_assert(an_site_load_input(&s, "/nonexistent", &in, &err) < 0);
	ck_assert_msg(strstr(err.msg, "is also used by"), "%s", err.msg);
}
END_TEST

static void expect_load_error(const char *want)
{
	an_sources s = AN_SOURCES_INIT;
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(an_load_content_dir(&s, site, &err) < 0, "loaded");
	ck_assert_msg(strstr(err.msg, want) != NULL, "message: %s", err.msg);
	an_sources_free(&s);
}

START_TEST(links_out_of_the_site)
{
	put("secret.md", "---\ntitle: secret\ndate: 2025-11-01\n---\nsecret\n");
	mk("outside");
	put("outside/b.md", "---\ntitle: B\ndate: 2025-11-01\n---\n");

	link_to("../../secret.md", "site/content/file-link.md");
	expect_load_error("outside the site");
	unlink(strcat(strcpy((char[512]){0}, site), "/content/file-link.md"));

	link_to("/etc/passwd", "site/content/abs.md");
	expect_load_error("outside the site");
	unlink(strcat(strcpy((char[512]){0}, site), "/content/abs.md"));

	char outside[256];
	snprintf(outside, sizeof outside, "%s/outside", root);
	link_to(outside, "site/content/dir-link");
	expect_load_error("outside the site");
	unlink(strcat(strcpy((char[512]){0}, site), "/content/dir-link"));

	link_to(".", "site/content/loop"); /* a link to its own folder */
	expect_load_error("nested too deeply");
	unlink(strcat(strcpy((char[512]){0}, site), "/content/loop"));

	link_to("missing.md", "site/content/broken.md");
	expect_load_error("broken link");
	unlink(strcat(strcpy((char[512]){0}, site), "/content/broken.md"));

	/* a link that stays in the site is followed */
	put("site/shared.md", "---\ntitle: S\ndate: 2025-11-01\n---\n");
	link_to("../shared.md", "site/content/shared.md");
	an_sources s = AN_SOURCES_INIT;
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(an_load_content_dir(&s, site, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(s.len, 2);
	an_sources_free(&s);
}
END_TEST

static void expect_output_refused(const char *dir)
{
	an_error err = AN_ERROR_INIT;
	an_output *o = an_output_begin(dir, site, 1, &err);
	ck_assert_msg(o == NULL, "%s accepted as output", dir);
	ck_assert_msg(err.msg[0], "no message for %s", dir);
}

START_TEST(outputs_that_replace_the_site)
{
	char path[512];
	link_to("site", "root-link");
	snprintf(path, sizeof path, "%s/root-link", root);
	expect_output_refused(path); /* the site root through a link */
	snprintf(path, sizeof path, "%s/root-link/content", root);
	expect_output_refused(path);
	snprintf(path, sizeof path, "%s/", site);
	expect_output_refused(path);
	snprintf(path, sizeof path, "%s//content/", site);
	expect_output_refused(path);
	expect_output_refused("//");
	expect_output_refused("/tmp/..");
	/* the output path is a file */
	put("file", "x");
	snprintf(path, sizeof path, "%s/file", root);
	an_error err = AN_ERROR_INIT;
	ck_assert(an_output_begin(path, site, 1, &err) == NULL);
	ck_assert_msg(strstr(err.msg, "not a folder"), "%s", err.msg);
}
END_TEST

/* ANNALS_FAULT_AFTER_WRITES: the Nth write fails as a full disk does; the
 * previous site stays and no temporary folder is left. */
START_TEST(full_disk_keeps_old_site)
{
	char out[256], path[512];
	snprintf(out, sizeof out, "%s/out", root);
	an_error err = AN_ERROR_INIT;
	an_output *o = an_output_begin(out, site, 0, &err);
	ck_assert_msg(o != NULL, "%s", err.msg);
	ck_assert(an_output_write(o, "index.html", "old", 3, &err) == 0);
	ck_assert(an_output_commit(o, &err) == 0);

	for (int n = 1; n <= 3; n++) {
		char nbuf[16];
		snprintf(nbuf, sizeof nbuf, "%d", n);
		setenv("ANNALS_FAULT_AFTER_WRITES", nbuf, 1);
		an_error e = AN_ERROR_INIT;
		o = an_output_begin(out, site, 0, &e);
		int rc = o ? 0 : -1;
		if (o) {
			rc = an_output_write(o, "index.html", "new site", 8, &e);
			if (rc == 0)
				rc = an_output_write(o, "b/c.html", "more", 4, &e);
			if (rc == 0)
				rc = an_output_commit(o, &e);
			else
				an_output_abort(o);
		}
		ck_assert_msg(rc < 0, "write %d did not fail", n);
		ck_assert_msg(strstr(e.msg, "No space left"), "message: %s", e.msg);
		snprintf(path, sizeof path, "%s/index.html", out);
		FILE *f = fopen(path, "rb");
		char got[16] = "";
		ck_assert(f != NULL);
		ck_assert(fgets(got, sizeof got, f) != NULL);
		fclose(f);
		ck_assert_str_eq(got, "old");
		snprintf(path, sizeof path, "%s/b", out);
		ck_assert(access(path, F_OK) != 0);
	}
	/* a file written in pieces fails the same way: at its first piece,
	 * or at its close when it got none */
	setenv("ANNALS_FAULT_AFTER_WRITES", "2", 1);
	for (int empty = 0; empty <= 1; empty++) {
		an_error e = AN_ERROR_INIT;
		o = an_output_begin(out, site, 0, &e);
		ck_assert(o != NULL);
		an_output_file *f = an_output_open(o, "data.json", &e);
		ck_assert_msg(f != NULL, "%s", e.msg);
		int rc = empty ? 0 : an_output_file_write(f, "[1,2,3]", 7, &e);
		ck_assert_int_eq(rc, empty ? 0 : -1);
		if (!empty) /* nothing more goes in */
			ck_assert_int_eq(an_output_file_write(f, "]", 1, &e), -1);
		an_error ce = AN_ERROR_INIT;
		ck_assert_int_eq(an_output_file_close(f, &ce), -1);
		ck_assert_msg(strstr(empty ? ce.msg : e.msg, "No space left"), "message: %s / %s",
		              e.msg, ce.msg);
		an_output_abort(o);
	}
	setenv("ANNALS_FAULT_KIND", "eio", 1);
	setenv("ANNALS_FAULT_AFTER_WRITES", "2", 1);
	o = an_output_begin(out, site, 0, &err);
	ck_assert(o != NULL);
	ck_assert(an_output_write(o, "x", "y", 1, &err) < 0);
	ck_assert_msg(strstr(err.msg, "Input/output"), "message: %s", err.msg);
	an_output_abort(o);
	/* no temporary folder is left beside the output */
	char cmd[600];
	snprintf(cmd, sizeof cmd, "ls -a %s | grep -q annals-tmp", root);
	ck_assert_msg(system(cmd) != 0, "a temporary folder was left in %s", root);
}
END_TEST

Suite *an_test_paths_suite(void);
Suite *an_test_paths_suite(void)
{
	Suite *s = suite_create("paths");
	TCase *names = tcase_create("names");
	tcase_add_test(names, device_names);
	tcase_add_test(names, page_paths);
	tcase_add_test(names, slugs_stay_inside);
	tcase_add_test(names, slugs_differ_beyond_case);
	suite_add_tcase(s, names);
	TCase *fs = tcase_create("file system");
	tcase_add_checked_fixture(fs, setup, teardown);
	tcase_add_test(fs, links_out_of_the_site);
	tcase_add_test(fs, outputs_that_replace_the_site);
	tcase_add_test(fs, full_disk_keeps_old_site);
	suite_add_tcase(s, fs);
	return s;
}
