/* check_alloc.c - growing and fitting arrays (alloc.h). */
#include <check.h>
#include <stdlib.h>

#include "alloc.h"

/* Grown by doubling, then fitted: the room goes, the elements stay, and
 * an empty array keeps one element of room rather than becoming NULL
 * (callers index it and free it later). */
START_TEST(fit_gives_back_room)
{
	size_t cap = 0;
	int *a = NULL;
	for (int i = 0; i < 1000; i++) {
		a = an_xgrow(a, &cap, (size_t)i + 1, sizeof *a);
		a[i] = i * 3;
	}
	ck_assert_uint_eq(cap, 1024);
	a = an_xfit(a, &cap, 1000, sizeof *a);
	ck_assert_uint_eq(cap, 1000);
	for (int i = 0; i < 1000; i++)
		ck_assert_int_eq(a[i], i * 3);
	/* already exact: nothing to do */
	int *same = an_xfit(a, &cap, 1000, sizeof *a);
	ck_assert_ptr_eq(same, a);
	a = an_xfit(a, &cap, 0, sizeof *a);
	ck_assert_ptr_nonnull(a);
	ck_assert_uint_eq(cap, 1);
	free(a);
	/* never allocated: stays NULL */
	size_t none = 0;
	ck_assert_ptr_null(an_xfit(NULL, &none, 0, sizeof(int)));
	ck_assert_uint_eq(none, 0);
}
END_TEST

Suite *an_test_alloc_suite(void);
Suite *an_test_alloc_suite(void)
{
	Suite *s = suite_create("alloc");
	TCase *tc = tcase_create("alloc");
	tcase_add_test(tc, fit_gives_back_room);
	suite_add_tcase(s, tc);
	return s;
}
