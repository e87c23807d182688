/* check_date.c - calendar arithmetic and TIMEX3 value spans.
 * Expected values come from a printed calendar (cal 2025, ISO week tables). */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "date.h"

static an_date D(int y, int m, int d)
{
	an_date r = {y, m, d};
	return r;
}

START_TEST(days_roundtrip)
{
	ck_assert_int_eq(an_date_to_days(D(1970, 1, 1)), 0);
	ck_assert_int_eq(an_date_to_days(D(2000, 3, 1)), 11017);
	for (long z = -800000; z < 800000; z += 97) {
		an_date d = an_date_from_days(z);
		ck_assert(an_date_valid(d));
		ck_assert_int_eq(an_date_to_days(d), z);
	}
}
END_TEST

START_TEST(weekdays)
{
	ck_assert_int_eq(an_date_weekday(D(2025, 11, 1)), 6);  /* Saturday */
	ck_assert_int_eq(an_date_weekday(D(2025, 11, 11)), 2); /* Tuesday */
	ck_assert_int_eq(an_date_weekday(D(2025, 11, 12)), 3); /* Wednesday */
	ck_assert_int_eq(an_date_weekday(D(1998, 2, 15)), 7);  /* Sunday */
}
END_TEST

START_TEST(iso_weeks)
{
	int y, w;
	an_date_iso_week(D(2025, 11, 3), &y, &w);
	ck_assert_int_eq(y, 2025);
	ck_assert_int_eq(w, 45);
	an_date_iso_week(D(2025, 11, 9), &y, &w); /* Sunday closes W45 */
	ck_assert_int_eq(w, 45);
	an_date_iso_week(D(2021, 1, 1), &y, &w); /* belongs to 2020-W53 */
	ck_assert_int_eq(y, 2020);
	ck_assert_int_eq(w, 53);
	an_date_iso_week(D(2024, 12, 30), &y, &w); /* belongs to 2025-W01 */
	ck_assert_int_eq(y, 2025);
	ck_assert_int_eq(w, 1);
	an_date m = an_date_from_iso_week(2025, 45);
	ck_assert(m.y == 2025 && m.m == 11 && m.d == 3);
}
END_TEST

START_TEST(months)
{
	an_date d = an_date_add_months(D(2025, 1, 31), 1);
	ck_assert(d.y == 2025 && d.m == 2 && d.d == 28);
	d = an_date_add_months(D(2025, 1, 15), -2);
	ck_assert(d.y == 2024 && d.m == 11 && d.d == 15);
	ck_assert_int_eq(an_date_days_in_month(2024, 2), 29);
	ck_assert_int_eq(an_date_days_in_month(1900, 2), 28);
	ck_assert_int_eq(an_date_days_in_month(2000, 2), 29);
}
END_TEST

START_TEST(parse_iso)
{
	an_date d;
	ck_assert_int_eq(an_date_parse_iso(&d, "2025-11-12"), 0);
	ck_assert(d.y == 2025 && d.m == 11 && d.d == 12);
	ck_assert_int_eq(an_date_parse_iso(&d, "2025-02-29"), -1);
	ck_assert_int_eq(an_date_parse_iso(&d, "2025-11-1"), -1);
	ck_assert_int_eq(an_date_parse_iso(&d, "Nov 31"), -1);
}
END_TEST

static void check_label(const char *value, const char *mod, const char *want)
{
	an_buf b = AN_BUF_INIT;
	an_value_label(&b, value, mod);
	ck_assert_str_eq(b.ptr, want);
	an_buf_free(&b);
}

/* The day as text, by hand for the usual years, as printf would give it
 * for any fields. */
START_TEST(format_iso)
{
	char got[16], want[32];
	an_date_format_iso(got, (an_date){2025, 11, 1});
	ck_assert_str_eq(got, "2025-11-01");
	an_date_format_iso(got, (an_date){7, 1, 9});
	ck_assert_str_eq(got, "0007-01-09");
	an_date_format_iso(got, (an_date){9999, 12, 31});
	ck_assert_str_eq(got, "9999-12-31");
	static const int years[] = {0, 1, 99, 100, 999, 1000, 1999, 2000, 9999, 10000, 123456, -1,
	                            -45, -2147483647 - 1, 2147483647};
	static const int parts[] = {0, 1, 9, 10, 12, 31, 99, 100, -1, 2147483647};
	for (size_t y = 0; y < sizeof years / sizeof *years; y++)
		for (size_t m = 0; m < sizeof parts / sizeof *parts; m++)
			for (size_t d = 0; d < sizeof parts / sizeof *parts; d++) {
				an_date x = {years[y], parts[m], parts[d]};
				snprintf(want, 16, "%04d-%02d-%02d", x.y, x.m, x.d);
				an_date_format_iso(got, x);
				ck_assert_str_eq(got, want);
			}
}
END_TEST

START_TEST(spans_and_labels)
{
	an_span s;
	ck_assert_int_eq(an_value_span(&s, "2025-09"), 0);
	ck_assert_int_eq(s.gran, AN_GRAN_MONTH);
	ck_assert_int_eq(s.first, an_date_to_days(D(2025, 9, 1)));
	ck_assert_int_eq(s.last, an_date_to_days(D(2025, 9, 30)));
	ck_assert_int_eq(an_value_span(&s, "2025-W45"), 0);
	ck_assert_int_eq(s.first, an_date_to_days(D(2025, 11, 3)));
	ck_assert_int_eq(s.last, an_date_to_days(D(2025, 11, 9)));
	ck_assert_int_eq(an_value_span(&s, "199"), 0);
	ck_assert_int_eq(s.gran, AN_GRAN_DECADE);
	ck_assert_int_eq(an_value_span(&s, "2025-WI"), 0);
	ck_assert_int_eq(s.last, an_date_to_days(D(2026, 2, 28)));
	ck_assert_int_eq(an_value_span(&s, "PAST_REF"), -1);
	ck_assert_int_eq(an_value_span(&s, "P1M"), -1);
	ck_assert_int_eq(an_value_span(&s, "2025-13"), -1);

	check_label("2025-11-01", "", "1 November 2025");
	check_label("2025-09", "", "September 2025");
	check_label("2025-09", "START", "early September 2025");
	check_label("2025-W45", NULL, "week of 3 November 2025");
	check_label("2025", NULL, "2025");
	check_label("199", NULL, "the 1990s");
	check_label("PAST_REF", NULL, "PAST_REF");
	check_label("2025-10", "BEFORE", "October 2025 or earlier");
	check_label("1998", "MID", "mid-1998");
	check_label("2025-11-01", "APPROX", "about 1 November 2025");
	/* parts of the day in words, clock times as written */
	check_label("2020-01-16TMO", NULL, "16 January 2020, morning");
	check_label("2025-11-10TNI", NULL, "10 November 2025, night");
	check_label("2025-11-10T21:30", NULL, "10 November 2025, 21:30");
	/* the coarse granularities, each appended on its own path */
	check_label("19", NULL, "the 1900s");
	check_label("2025-H1", NULL, "first half of 2025");
	check_label("2025-H2", "END", "late second half of 2025");
	check_label("2025-SP", NULL, "spring 2025");
	check_label("2024-FA", NULL, "autumn 2024");
	check_label("1989-Q3", NULL, "Q3 1989");
	check_label("0044", NULL, "44");
}
END_TEST

Suite *an_test_date_suite(void);
Suite *an_test_date_suite(void)
{
	Suite *s = suite_create("date");
	TCase *tc = tcase_create("calendar");
	tcase_add_test(tc, days_roundtrip);
	tcase_add_test(tc, weekdays);
	tcase_add_test(tc, iso_weeks);
	tcase_add_test(tc, months);
	tcase_add_test(tc, parse_iso);
	tcase_add_test(tc, spans_and_labels);
	tcase_add_test(tc, format_iso);
	suite_add_tcase(s, tc);
	return s;
}
