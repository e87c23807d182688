/* check_scaffold.c - annals new: a new site that loads and builds its
 * timeline as it is, refusals (a folder in use, an existing article, a bad
 * slug, no content/), and slugs made from titles. */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "load.h"
#include "scaffold.h"
#include "site.h"
#include "write.h"

static char root[64];
static char site[128];
static const an_date today = {2025, 3, 4};

static void setup(void)
{
	snprintf(root, sizeof root, "/tmp/annals-check-scaffold-XXXXXX");
	ck_assert_msg(mkdtemp(root) != NULL, "mkdtemp: %s", strerror(errno));
	snprintf(site, sizeof site, "%s/site", root);
}

static void teardown(void)
{
	an_remove_tree(root);
}

static void read_text(an_buf *out, const char *path)
{
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(an_load_file(out, path, &err) == 0, "%s: %s", path, err.msg);
}

START_TEST(new_site_loads)
{
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(an_scaffold_site(site, today, &err) == 0, "%s", err.msg);
	char p[256];
	struct stat st;
	snprintf(p, sizeof p, "%s/annals.yaml", site);
	ck_assert_int_eq(stat(p, &st), 0);
	snprintf(p, sizeof p, "%s/themes", site);
	ck_assert(stat(p, &st) == 0 && S_ISDIR(st.st_mode));
	snprintf(p, sizeof p, "%s/content/2025-03-04-welcome.md", site);
	an_buf text = AN_BUF_INIT;
	read_text(&text, p);
	ck_assert_ptr_nonnull(strstr(text.ptr, "date: 2025-03-04"));
	ck_assert_ptr_nonnull(strstr(text.ptr, "slug: welcome"));
	an_buf_free(&text);

	an_site s;
	ck_assert_msg(an_site_load(&s, site, &err) == 0, "%s: %s", err.file, err.msg);
	ck_assert_uint_eq(s.n_articles, 1);
	ck_assert_str_eq(s.articles[0].slug, "welcome");
	ck_assert_str_eq(s.config.title, "My timeline");
	/* the example gives the timeline something to show */
	ck_assert_uint_ge(s.timeline.n_events, 2);
	an_site_free(&s);
}
END_TEST

START_TEST(new_site_refuses_a_used_folder)
{
	an_error err = AN_ERROR_INIT;
	ck_assert_int_eq(mkdir(site, 0755), 0);
	/* an empty folder is fine */
	ck_assert_msg(an_scaffold_site(site, today, &err) == 0, "%s", err.msg);
	/* a second time, it is in use */
	ck_assert_int_eq(an_scaffold_site(site, today, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "not an empty folder"));
	/* so is a file */
	char p[256];
	snprintf(p, sizeof p, "%s/annals.yaml", site);
	ck_assert_int_eq(an_scaffold_site(p, today, &err), -1);
}
END_TEST

START_TEST(new_article)
{
	an_error err = AN_ERROR_INIT;
	char path[512];
	ck_assert_int_eq(an_scaffold_site(site, today, &err), 0);
	an_date d = {2025, 11, 12};
	ck_assert_msg(an_scaffold_article(path, sizeof path, site, "UK \"suspends\" sharing",
	                                  NULL, d, &err) == 0, "%s", err.msg);
	char want[256];
	snprintf(want, sizeof want, "%s/content/2025-11-12-uk-suspends-sharing.md", site);
	ck_assert_str_eq(path, want);
	an_buf text = AN_BUF_INIT;
	read_text(&text, path);
	ck_assert_msg(strncmp(text.ptr, "---\ntitle: \"UK \\\"suspends\\\" sharing\"\n"
	                                "date: 2025-11-12", 48) == 0, "%s", text.ptr);
	ck_assert_ptr_nonnull(strstr(text.ptr, "\nslug: uk-suspends-sharing\n---\n"));
	an_buf_free(&text);

	/* it parses, with the title as written */
	an_site s;
	ck_assert_msg(an_site_load(&s, site, &err) == 0, "%s: %s", err.file, err.msg);
	ck_assert_uint_eq(s.n_articles, 2);
	long i = an_site_find_slug(&s, "uk-suspends-sharing");
	ck_assert_int_ge(i, 0);
	ck_assert_str_eq(s.articles[i].meta.title, "UK \"suspends\" sharing");
	an_site_free(&s);

	/* never over an existing file */
	ck_assert_int_eq(an_scaffold_article(path, sizeof path, site, "UK \"suspends\" sharing",
	                                     NULL, d, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "never overwrites"));
	/* an explicit slug */
	ck_assert_int_eq(an_scaffold_article(path, sizeof path, site, "Other", "my_slug-2", d, &err),
	                 0);
	ck_assert_ptr_nonnull(strstr(path, "2025-11-12-my_slug-2.md"));
}
END_TEST

START_TEST(new_article_refusals)
{
	an_error err = AN_ERROR_INIT;
	char path[512];
	/* no content/ */
	ck_assert_int_eq(an_scaffold_article(path, sizeof path, root, "T", NULL, today, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "no content/"));
	ck_assert_int_eq(an_scaffold_site(site, today, &err), 0);
	ck_assert_int_eq(an_scaffold_article(path, sizeof path, site, "", NULL, today, &err), -1);
	ck_assert_int_eq(an_scaffold_article(path, sizeof path, site, "T", "../up", today, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "slug"));
	ck_assert_int_eq(an_scaffold_article(path, sizeof path, site, "T", "", today, &err), -1);
}
END_TEST

START_TEST(slugs)
{
	static const char *const cases[][2] = {
		{"UK Suspends Intelligence Sharing", "uk-suspends-intelligence-sharing"},
		{"Volker Türk: «No»!", "volker-turk-no"},
		{"  --Hello,   World--  ", "hello-world"},
		{"2025: a year", "2025-a-year"},
		{"!!!", "article"},
		{"", "article"},
		{"日本", "article"},
		{"A very long title that goes on and on and on past the sixty byte limit for slugs",
		 "a-very-long-title-that-goes-on-and-on-and-on-past-the-sixty"},
		{"Supercalifragilisticexpialidocioussupercalifragilisticexpialidocious",
		 "supercalifragilisticexpialidocioussupercalifragilisticexpial"},
	};
	char out[64];
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		an_scaffold_slug(out, sizeof out, cases[i][0]);
		ck_assert_msg(strcmp(out, cases[i][1]) == 0, "'%s' -> '%s', expected '%s'", cases[i][0],
		              out, cases[i][1]);
	}
	/* a small buffer is respected */
	char tiny[6];
	an_scaffold_slug(tiny, sizeof tiny, "Hello World");
	ck_assert_str_eq(tiny, "hello");
}
END_TEST

Suite *an_test_scaffold_suite(void);
Suite *an_test_scaffold_suite(void)
{
	Suite *s = suite_create("scaffold");
	TCase *tc = tcase_create("new");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, new_site_loads);
	tcase_add_test(tc, new_site_refuses_a_used_folder);
	tcase_add_test(tc, new_article);
	tcase_add_test(tc, new_article_refusals);
	tcase_add_test(tc, slugs);
	suite_add_tcase(s, tc);
	return s;
}
