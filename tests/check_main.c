/* check_main.c - runs every unit-test suite.  Each tests/check_NAME.c
 * defines `Suite *an_test_NAME_suite(void)`; the Makefile generates the list
 * (build/tests/suites.h) from the file names, so adding a suite is adding a
 * file. */
#include <check.h>
#include <stdlib.h>

#define AN_SUITE(name) Suite *an_test_##name##_suite(void);
#include "suites.h"
#undef AN_SUITE

int main(void)
{
	SRunner *sr = srunner_create(NULL);
#define AN_SUITE(name) srunner_add_suite(sr, an_test_##name##_suite());
#include "suites.h"
#undef AN_SUITE
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
