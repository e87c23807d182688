/* check_lint.c - annals check: one fixture site per lint, made in a mkdtemp
 * folder, and the finding it must give (code, file, line, severity); a
 * clean site gives none; the text and JSON reports. */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lint.h"
#include "write.h"

static char root[64];
static an_lint_report rep;

static void setup(void)
{
	snprintf(root, sizeof root, "/tmp/annals-check-lint-XXXXXX");
	ck_assert_msg(mkdtemp(root) != NULL, "mkdtemp: %s", strerror(errno));
	char p[128];
	snprintf(p, sizeof p, "%s/content", root);
	ck_assert_int_eq(mkdir(p, 0755), 0);
	memset(&rep, 0, sizeof rep);
}

static void teardown(void)
{
	an_lint_report_free(&rep);
	an_remove_tree(root);
}

static void put(const char *rel, const char *text)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	FILE *f = fopen(path, "wb");
	ck_assert_msg(f != NULL, "cannot create %s", path);
	fputs(text, f);
	fclose(f);
}

/* An article with a title, a date and `body` (the body starts on line 7). */
static void article(const char *name, const char *body)
{
	char rel[128], text[4096];
	snprintf(rel, sizeof rel, "content/%s.md", name);
	snprintf(text, sizeof text,
	         "---\ntitle: \"Article %s\"\ndate: 2025-03-10\nsource: \"Paper %s\"\n---\n\n%s\n",
	         name, name, body);
	put(rel, text);
}

static void lint(void)
{
	an_lint_report_free(&rep);
	an_lint_site(&rep, root);
}

static size_t count(const char *code)
{
	size_t n = 0;
	for (size_t i = 0; i < rep.len; i++)
		n += strcmp(rep.items[i].code, code) == 0;
	return n;
}

static const char *dump(void)
{
	static char buf[8192];
	an_buf b = AN_BUF_INIT;
	an_lint_text(&b, &rep, 0);
	snprintf(buf, sizeof buf, "%s", b.ptr ? b.ptr : "(no findings)");
	an_buf_free(&b);
	return buf;
}

/* A finding with `code` at FILE:LINE (any line when 0) that says `words`,
 * with `severity`. */
static void expect(const char *code, const char *file, int line, an_lint_severity sev,
                   const char *words)
{
	const an_lint_finding *f = NULL;
	for (size_t i = 0; i < rep.len && !f; i++)
		if (strcmp(rep.items[i].code, code) == 0 && strcmp(rep.items[i].file, file) == 0 &&
		    (line == 0 || rep.items[i].line == line) && strstr(rep.items[i].message, words))
			f = &rep.items[i];
	ck_assert_msg(f != NULL, "no %s at %s:%d saying '%s' in:\n%s", code, file, line, words,
	              dump());
	ck_assert_msg(f->severity == sev, "%s has the wrong severity", code);
}

START_TEST(clean_site)
{
	put("annals.yaml", "title: Fine\n");
	article("a", "The council met on 3 March 2025. See [the other report](b.md).");
	article("b", "The council met on 3 March 2025 and voted.");
	lint();
	ck_assert_msg(rep.len == 0, "findings on a clean site:\n%s", dump());
	ck_assert_uint_eq(rep.articles, 2);
}
END_TEST

START_TEST(front_matter)
{
	put("content/bad.md", "---\ntitle: [unclosed\ndate: 2025-03-10\n---\n\nText.\n");
	/* the other articles are still checked */
	article("good", "See [nothing](missing.md).");
	lint();
	ck_assert_uint_eq(count("front-matter"), 1);
	expect("front-matter", "content/bad.md", 0, AN_LINT_ERROR, "front matter");
	ck_assert_int_gt(rep.items[0].line, 1);
	expect("broken-link", "content/good.md", 7, AN_LINT_ERROR, "missing.md");
	ck_assert_uint_eq(rep.errors, 2);
}
END_TEST

START_TEST(config)
{
	put("annals.yaml", "title: [a, b]\n");
	article("a", "Text.");
	lint();
	expect("config", "annals.yaml", 1, AN_LINT_ERROR, "title");
	ck_assert_uint_eq(rep.errors, 1);

	/* unknown keys: one warning (config.c prints their names on stderr) */
	put("annals.yaml", "title: T\ncolour: blue\nsize: 3\n");
	lint();
	expect("config", "annals.yaml", 0, AN_LINT_WARNING, "2 unknown keys");
	ck_assert_uint_eq(rep.errors, 0);
}
END_TEST

START_TEST(no_date)
{
	put("content/undated.md", "---\ntitle: \"Undated\"\n---\n\nOn 3 March 2025 it rained.\n");
	article("dated", "Text.");
	lint();
	expect("no-date", "content/undated.md", 1, AN_LINT_ERROR, "'date'");
	ck_assert_uint_eq(rep.errors, 1);
}
END_TEST

START_TEST(duplicate_slug)
{
	put("content/a.md", "---\ntitle: A\ndate: 2025-03-10\nslug: same\n---\n\nText.\n");
	put("content/b.md", "---\ntitle: B\ndate: 2025-03-11\nslug: same\n---\n\nText.\n");
	lint();
	ck_assert_uint_eq(count("duplicate-slug"), 1);
	expect("duplicate-slug", "content/b.md", 1, AN_LINT_ERROR, "content/a.md");
	/* letter case aside: one file on case-insensitive file systems; the
	 * other checks still run */
	put("content/b.md", "---\ntitle: B\ndate: 2025-03-11\nslug: Same\n---\n\n[x](gone.md)\n");
	lint();
	expect("duplicate-slug", "content/b.md", 1, AN_LINT_ERROR, "letter case aside");
	expect("broken-link", "content/b.md", 7, AN_LINT_ERROR, "gone.md");
	ck_assert_uint_eq(count("front-matter"), 0);
}
END_TEST

START_TEST(broken_links)
{
	char p[128];
	snprintf(p, sizeof p, "%s/content/sub", root);
	ck_assert_int_eq(mkdir(p, 0755), 0);
	put("content/sub/c.md", "---\ntitle: C\ndate: 2025-03-10\nslug: cee\n---\n\nSee [a](../a.md).\n");
	article("b", "Text.");
	article("a", "Fine: [b](b.md), [b again](./b.md#part), [c](sub/c.md), [slug](cee),\n"
	             "[page](cee.html), [theme path](../articles/b.html), [web](https://x.org/y.md),\n"
	             "[anchor](#top), [site path](/about.md), [file](style.css).\n"
	             "\n"
	             "Broken: [one](missing.md)\n"
	             "\n"
	             "[two](sub/none.md) and [three](no-such-slug) and [four](../articles/gone.html)\n"
	             "\n"
	             "[five](../../outside.md)");
	lint();
	ck_assert_msg(count("broken-link") == 5, "%s", dump());
	expect("broken-link", "content/a.md", 11, AN_LINT_ERROR, "'missing.md'");
	expect("broken-link", "content/a.md", 13, AN_LINT_ERROR, "'sub/none.md'");
	expect("broken-link", "content/a.md", 13, AN_LINT_ERROR, "slug 'no-such-slug'");
	expect("broken-link", "content/a.md", 13, AN_LINT_ERROR, "slug 'gone'");
	expect("broken-link", "content/a.md", 15, AN_LINT_ERROR, "outside the site");
}
END_TEST

START_TEST(unresolved_date)
{
	article("a", "The first settlers came here 3000 years ago.\n\nThey left on 3 March 2025.");
	lint();
	ck_assert_uint_eq(count("unresolved-date"), 1);
	expect("unresolved-date", "content/a.md", 7, AN_LINT_WARNING, "\"3000 years ago\"");
	ck_assert_uint_eq(rep.errors, 0);
}
END_TEST

START_TEST(impossible_date)
{
	article("a", "The vote was on November 31, 2025.\n\n"
	             "Leap years: February 29, 2024 is a day, February 29, 2025 is not.\n\n"
	             "Nor is 31 April, but 30 April and 31 May are.");
	lint();
	ck_assert_msg(count("impossible-date") == 3, "%s", dump());
	expect("impossible-date", "content/a.md", 7, AN_LINT_WARNING, "\"November 31\"");
	expect("impossible-date", "content/a.md", 9, AN_LINT_WARNING, "\"February 29\"");
	expect("impossible-date", "content/a.md", 11, AN_LINT_WARNING, "\"31 April\"");
}
END_TEST

START_TEST(disputed_figure)
{
	article("a", "At least 76 people were killed in the floods.");
	article("b", "At least 76 people were killed in the floods.");
	article("c", "40 people were killed in the floods.");
	lint();
	ck_assert_msg(count("disputed-figure") == 1, "%s", dump());
	expect("disputed-figure", "content/c.md", 7, AN_LINT_WARNING, "\"40\"");
}
END_TEST

START_TEST(figures_that_fit_are_no_dispute)
{
	/* "75" fits "more than 70": each is backed by the other article */
	article("a", "More than 70 people were killed in the floods.");
	article("b", "75 people were killed in the floods.");
	lint();
	ck_assert_msg(count("disputed-figure") == 0, "%s", dump());
}
END_TEST

START_TEST(conflicting_date)
{
	article("a", "The minister resigned on 3 March 2025 after the budget vote.");
	article("b", "The minister resigned on 3 March 2025 after the budget vote.");
	article("c", "The minister resigned on 5 March 2025 after the budget vote.");
	lint();
	ck_assert_msg(count("conflicting-date") == 1, "%s", dump());
	expect("conflicting-date", "content/c.md", 7, AN_LINT_WARNING, "2025-03-03");
}
END_TEST

START_TEST(reports)
{
	put("content/bad.md", "---\ntitle: \"Quote \\\" and\"\n---\n\nText.\n");
	lint();
	an_buf b = AN_BUF_INIT;
	an_lint_text(&b, &rep, 0);
	ck_assert_msg(strstr(b.ptr, "content/bad.md:1: error: no 'date'") == b.ptr, "%s", b.ptr);
	ck_assert_msg(strstr(b.ptr, "[no-date]\n") != NULL, "%s", b.ptr);
	ck_assert_ptr_null(strchr(b.ptr, '\033'));
	an_buf_clear(&b);
	an_lint_text(&b, &rep, 1);
	ck_assert_ptr_nonnull(strstr(b.ptr, "\033[31m"));
	an_buf_clear(&b);
	an_lint_json(&b, &rep);
	ck_assert_msg(strncmp(b.ptr, "{\"errors\":1,\"warnings\":0,\"articles\":1,\"findings\":[", 50) == 0,
	              "%s", b.ptr);
	ck_assert_ptr_nonnull(strstr(b.ptr, "{\"file\":\"content/bad.md\",\"line\":1,"
	                                    "\"severity\":\"error\",\"code\":\"no-date\""));
	an_buf_free(&b);
}
END_TEST

START_TEST(no_content_folder)
{
	char p[128];
	snprintf(p, sizeof p, "%s/content", root);
	ck_assert_int_eq(rmdir(p), 0);
	lint();
	ck_assert_uint_eq(count("load"), 1);
	ck_assert_uint_eq(rep.errors, 1);
}
END_TEST

Suite *an_test_lint_suite(void);
Suite *an_test_lint_suite(void)
{
	Suite *s = suite_create("lint");
	TCase *tc = tcase_create("check");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, clean_site);
	tcase_add_test(tc, front_matter);
	tcase_add_test(tc, config);
	tcase_add_test(tc, no_date);
	tcase_add_test(tc, duplicate_slug);
	tcase_add_test(tc, broken_links);
	tcase_add_test(tc, unresolved_date);
	tcase_add_test(tc, impossible_date);
	tcase_add_test(tc, disputed_figure);
	tcase_add_test(tc, figures_that_fit_are_no_dispute);
	tcase_add_test(tc, conflicting_date);
	tcase_add_test(tc, reports);
	tcase_add_test(tc, no_content_folder);
	suite_add_tcase(s, tc);
	return s;
}
