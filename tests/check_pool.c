/* check_pool.c - the worker pool: every item runs once, and a site loaded
 * with one worker equals the same site loaded with two (timeline.json and
 * the other exports byte for byte). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "build.h"
#include "pool.h"
#include "site.h"
#include "write.h"

static void mark(size_t i, void *payload)
{
	((int *)payload)[i]++;
}

START_TEST(every_item_once)
{
	int seen[1000] = {0};
	setenv("ANNALS_JOBS", "3", 1);
	an_pool_run(1000, mark, seen);
	unsetenv("ANNALS_JOBS");
	for (size_t i = 0; i < 1000; i++)
		ck_assert_int_eq(seen[i], 1);
	an_pool_run(0, mark, seen); /* nothing to do is fine */
}
END_TEST

/* The exports of the site at `root` loaded with `jobs` workers; the
 * number of comparison shares the timeline ran on the pool in *parts. */
static void exports_of(an_buf *out, const char *root, const char *jobs, size_t *parts)
{
	an_site site;
	an_error err = AN_ERROR_INIT;
	setenv("ANNALS_JOBS", jobs, 1);
	int rc = an_site_load(&site, root, &err);
	unsetenv("ANNALS_JOBS");
	ck_assert_msg(rc == 0, "%s: %s", err.file, err.msg);
	for (const an_build_export *e = an_build_exports; e->path; e++)
		an_export_run(out, e->write, &site);
	if (parts)
		*parts = site.timeline.n_parallel_parts;
	an_site_free(&site);
}

static void exports(an_buf *out, const char *jobs)
{
	exports_of(out, "..", jobs, NULL);
}

START_TEST(one_worker_equals_two)
{
	an_buf one = AN_BUF_INIT, two = AN_BUF_INIT;
	exports(&one, "1");
	exports(&two, "2");
	ck_assert_uint_gt(one.len, 1000);
	ck_assert_uint_eq(one.len, two.len);
	ck_assert(memcmp(one.ptr, two.ptr, one.len) == 0);
	an_buf_free(&one);
	an_buf_free(&two);
}
END_TEST

/* A site where one date ("in 2020") is stated 510 times: its 510 x 510
 * comparisons pass the threshold for sharing them out among workers, so
 * two workers take the parallel path and one the sequential one.  Stories
 * repeat every seven articles, so some mentions join and some do not. */
START_TEST(one_worker_equals_two_on_a_big_date)
{
	static const char *stories[7] = {
		"harbour council approved the port budget",
		"mining union called a strike at the copper mine",
		"central bank raised interest rates again",
		"river flooded the valley farms after storms",
		"railway operator cancelled the night trains",
		"hospital nurses protested over unpaid overtime",
		"city museum reopened its restored north wing",
	};
	char root[] = "/tmp/annals-check-pool-XXXXXX";
	ck_assert(mkdtemp(root) != NULL);
	char path[256];
	snprintf(path, sizeof path, "%s/content", root);
	ck_assert(mkdir(path, 0755) == 0);
	for (int i = 0; i < 170; i++) {
		snprintf(path, sizeof path, "%s/content/a%03d.md", root, i);
		FILE *f = fopen(path, "w");
		ck_assert(f != NULL);
		const char *s = stories[i % 7];
		fprintf(f, "---\ntitle: \"Report %d\"\ndate: 2021-%02d-%02d\n---\n\n", i, 1 + i % 12,
		        1 + i % 28);
		fprintf(f, "The %s in 2020, officials said.\n\n", s);
		fprintf(f, "Residents recalled that in 2020 the %s.\n\n", stories[(i + 3) % 7]);
		fprintf(f, "Critics said the decision taken in 2020 by the board was rushed.\n");
		fclose(f);
	}
	an_buf one = AN_BUF_INIT, two = AN_BUF_INIT;
	size_t parts_one = 99, parts_two = 0;
	exports_of(&one, root, "1", &parts_one);
	exports_of(&two, root, "2", &parts_two);
	ck_assert_uint_eq(parts_one, 0);
	ck_assert_uint_gt(parts_two, 1); /* the big date was split */
	ck_assert_uint_gt(one.len, 1000);
	ck_assert_uint_eq(one.len, two.len);
	ck_assert(memcmp(one.ptr, two.ptr, one.len) == 0);
	an_buf_free(&one);
	an_buf_free(&two);
	an_remove_tree(root);
}
END_TEST

Suite *an_test_pool_suite(void);
Suite *an_test_pool_suite(void)
{
	Suite *s = suite_create("pool");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, every_item_once);
	tcase_add_test(tc, one_worker_equals_two_on_a_big_date);
	tcase_add_test(tc, one_worker_equals_two);
	suite_add_tcase(s, tc);
	return s;
}
