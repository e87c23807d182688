/* check_export_csv.c - events.csv: RFC 4180 quoting, the guard against
 * formula injection, and the rows of a hand-made site (fixture_export.h). */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "export_csv.h"
#include "fixture_export.h"

static void expect_field(const char *in, const char *want)
{
	an_buf b = AN_BUF_INIT;
	an_csv_field(&b, in, strlen(in));
	ck_assert_msg(strcmp(b.ptr ? b.ptr : "", want) == 0, "field %s: got %s, want %s", in,
	              b.ptr ? b.ptr : "", want);
	an_buf_free(&b);
}

START_TEST(quoting)
{
	expect_field("", "");
	expect_field("plain text", "plain text");
	expect_field("a,b", "\"a,b\"");
	expect_field("say \"hi\"", "\"say \"\"hi\"\"\"");
	expect_field("two\nlines", "\"two\nlines\"");
	expect_field("cr\rhere", "\"cr\rhere\"");
	expect_field("Türk’s “view”", "Türk’s “view”");
	expect_field("2025-11-01", "2025-11-01");
}
END_TEST

START_TEST(formula_guard)
{
	expect_field("=1+1", "\"'=1+1\"");
	expect_field("+44 20", "\"'+44 20\"");
	expect_field("-5", "\"'-5\"");
	expect_field("@SUM(A1)", "\"'@SUM(A1)\"");
	expect_field("\tx", "\"'\tx\"");
	expect_field("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"");
	expect_field("a=b", "a=b");
}
END_TEST

/* Splits one RFC 4180 record starting at *p into at most max fields
 * (unquoted, quotes undoubled) and advances *p past its CRLF; returns the
 * number of fields. */
static int parse_record(const char **p, char fields[][512], int max)
{
	int n = 0;
	const char *s = *p;
	for (;;) {
		char *f = fields[n];
		size_t k = 0;
		if (*s == '"') {
			for (s++;; s++) {
				if (*s == '"' && s[1] == '"')
					f[k++] = '"', s++;
				else if (*s == '"') {
					s++;
					break;
				} else
					f[k++] = *s;
			}
		} else {
			while (*s && *s != ',' && *s != '\r')
				f[k++] = *s++;
		}
		f[k] = 0;
		n++;
		if (*s == ',' && n < max) {
			s++;
			continue;
		}
		ck_assert_msg(s[0] == '\r' && s[1] == '\n', "record does not end in CRLF");
		*p = s + 2;
		return n;
	}
}

START_TEST(site_rows)
{
	an_site site;
	fx_site(&site, "");
	an_buf b = AN_BUF_INIT;
	an_export_events_csv(&b, &site);
	const char *p = b.ptr;
	static char f[16][512];
	ck_assert_int_eq(parse_record(&p, f, 16), 11);
	ck_assert_str_eq(f[0], "id");
	ck_assert_str_eq(f[10], "page");
	ck_assert_int_eq(parse_record(&p, f, 16), 11);
	ck_assert_str_eq(f[0], "2025-09-aaaaaa");
	ck_assert_str_eq(f[1], "2025-09");
	ck_assert_str_eq(f[2], "month");
	ck_assert_str_eq(f[3], "START");
	ck_assert_str_eq(f[4], "early September 2025");
	ck_assert_str_eq(f[7], "2");
	ck_assert_str_eq(f[8], "uk-halts; realist");
	/* the second outlet's name is a formula: defused */
	ck_assert_str_eq(f[9], "Wire, & Co; =HYPERLINK(\"http://evil\")");
	ck_assert_str_eq(f[10], "events/2025-09-aaaaaa.html");
	ck_assert_int_eq(parse_record(&p, f, 16), 11);
	ck_assert_str_eq(f[5], "Maduro; accused \\ Washington");
	ck_assert_str_eq(f[6], "Line one\nline two, with <script>alert(1)</script>");
	ck_assert_int_eq(parse_record(&p, f, 16), 11);
	ck_assert_str_eq(f[5], "'-2+3 warships struck boats");
	ck_assert_str_eq(f[6], "'@everyone: two vessels were struck.");
	ck_assert_int_eq(parse_record(&p, f, 16), 11);
	ck_assert_str_eq(f[0], "fact-dddddd");
	ck_assert_str_eq(f[1], "");
	ck_assert_str_eq(f[2], "");
	ck_assert_str_eq(p, "");
	an_buf_free(&b);
}
END_TEST

Suite *an_test_export_csv_suite(void);
Suite *an_test_export_csv_suite(void)
{
	Suite *s = suite_create("export_csv");
	TCase *tc = tcase_create("csv");
	tcase_add_test(tc, quoting);
	tcase_add_test(tc, formula_guard);
	tcase_add_test(tc, site_rows);
	suite_add_tcase(s, tc);
	return s;
}
