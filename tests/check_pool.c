/* check_pool.c - the worker pool: every item runs once, and a site loaded
 * with one worker equals the same site loaded with two (timeline.json and
 * the other exports byte for byte). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "pool.h"
#include "site.h"

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

static void exports(an_buf *out, const char *jobs)
{
	an_site site;
	an_error err = AN_ERROR_INIT;
	setenv("ANNALS_JOBS", jobs, 1);
	int rc = an_site_load(&site, "..", &err);
	unsetenv("ANNALS_JOBS");
	ck_assert_msg(rc == 0, "%s: %s", err.file, err.msg);
	for (const an_build_export *e = an_build_exports; e->path; e++)
		e->write(out, &site);
	an_site_free(&site);
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

Suite *an_test_pool_suite(void);
Suite *an_test_pool_suite(void)
{
	Suite *s = suite_create("pool");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, every_item_once);
	tcase_add_test(tc, one_worker_equals_two);
	suite_add_tcase(s, tc);
	return s;
}
