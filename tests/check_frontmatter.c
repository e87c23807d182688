/* check_frontmatter.c - front matter parsing and its error messages. */
#include <check.h>
#include <string.h>

#include "frontmatter.h"

static int parse(an_meta *m, an_error *err, const char *text)
{
	return an_frontmatter_parse(m, "content/a.md", text, strlen(text), err);
}

START_TEST(fields)
{
	an_meta m;
	an_error err = AN_ERROR_INIT;
	const char *t = "---\n"
	                "title: \"UK halts: sharing\"\n"
	                "date: 2025-11-12  # the day after the report\n"
	                "source: Realist English\n"
	                "original: 004.txt\n"
	                "tags: news\n"
	                "---\n"
	                "Body text.\n";
	ck_assert_int_eq(parse(&m, &err, t), 0);
	ck_assert_str_eq(m.title, "UK halts: sharing");
	ck_assert(m.has_date);
	ck_assert(m.date.y == 2025 && m.date.m == 11 && m.date.d == 12);
	ck_assert_str_eq(m.source, "Realist English");
	ck_assert_str_eq(m.original, "004.txt");
	ck_assert_int_eq(m.n_extra, 1);
	ck_assert_str_eq(m.extra[0].key, "tags");
	ck_assert_str_eq(t + m.body_offset, "Body text.\n");
	ck_assert_int_eq(m.body_line, 8);
	an_meta_free(&m);
}
END_TEST

START_TEST(defaults_and_datetime)
{
	an_meta m;
	an_error err = AN_ERROR_INIT;
	ck_assert_int_eq(parse(&m, &err, "---\ntitle: T\ndate: 2025-11-01T09:30:00Z\n---\n"), 0);
	ck_assert_str_eq(m.source, "unknown");
	ck_assert(m.date.d == 1);
	ck_assert_ptr_null(m.original);
	an_meta_free(&m);
}
END_TEST

static void expect_error(const char *text, int line, const char *needle)
{
	an_meta m;
	an_error err = AN_ERROR_INIT;
	ck_assert_int_eq(parse(&m, &err, text), -1);
	ck_assert_str_eq(err.file, "content/a.md");
	ck_assert_msg(err.line == line, "line %d, expected %d (%s)", err.line, line, err.msg);
	ck_assert_msg(strstr(err.msg, needle) != NULL, "message \"%s\" lacks \"%s\"",
	              err.msg, needle);
}

START_TEST(errors)
{
	expect_error("---\ntitle: T\ndate: Nov 31\n---\n", 3, "'date' is not a date (got \"Nov 31\")");
	expect_error("---\ntitle: T\ndate: 2025-02-30\n---\n", 3, "YYYY-MM-DD");
	expect_error("Just text\n", 1, "no front matter");
	expect_error("---\ntitle: T\n", 1, "not closed");
	expect_error("---\ndate: 2025-11-01\n---\n", 3, "no 'title'");
	expect_error("---\ntitle: T\ntitle: U\n---\n", 3, "given twice");
	expect_error("---\ntitle: [a, b]\n---\n", 2, "single value");
	expect_error("---\ntitle: T\n  bad: indent\n---\n", 3, "front matter:");
	expect_error("---\n- a list\n---\n", 2, "key: value");
}
END_TEST

Suite *an_test_frontmatter_suite(void);
Suite *an_test_frontmatter_suite(void)
{
	Suite *s = suite_create("frontmatter");
	TCase *tc = tcase_create("parse");
	tcase_add_test(tc, fields);
	tcase_add_test(tc, defaults_and_datetime);
	tcase_add_test(tc, errors);
	suite_add_tcase(s, tc);
	return s;
}
