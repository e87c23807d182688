/* check_buf.c - the escapes of buf.h: JSON strings and HTML text, whose
 * plain runs are copied whole. */
#include <check.h>
#include <string.h>

#include "buf.h"

static void expect_json(const char *in, size_t len, const char *want)
{
	an_buf b = AN_BUF_INIT;
	an_buf_json_str(&b, in, len);
	ck_assert_str_eq(b.ptr ? b.ptr : "", want);
	an_buf_free(&b);
}

START_TEST(json_escapes)
{
	expect_json("", 0, "");
	expect_json("plain text", 10, "plain text");
	/* every escape, at the start, between runs and at the end */
	expect_json("\"a\\b\nc\rd\te<f\x01", 13, "\\\"a\\\\b\\nc\\rd\\te\\u003cf\\u0001");
	/* UTF-8 and '>' pass as they are */
	expect_json("T\xc3\xbcrk > 2", 9, "T\xc3\xbcrk > 2");
	/* a NUL inside the given length is escaped, not an end */
	expect_json("a\0b", 3, "a\\u0000b");
	/* len is respected: what follows is not read */
	expect_json("abc\"def", 3, "abc");
	an_buf b = AN_BUF_INIT;
	an_buf_json(&b, "say \"hi\"");
	an_buf_json(&b, NULL);
	ck_assert_str_eq(b.ptr, "\"say \\\"hi\\\"\"\"\"");
	an_buf_free(&b);
}
END_TEST

START_TEST(html_escapes)
{
	an_buf b = AN_BUF_INIT;
	an_buf_html(&b, "");
	an_buf_html(&b, "plain");
	an_buf_html(&b, "&a<b>c\"d'");
	an_buf_html(&b, "<");
	ck_assert_str_eq(b.ptr, "plain&amp;a&lt;b&gt;c&quot;d&#39;&lt;");
	an_buf_free(&b);
}
END_TEST

Suite *an_test_buf_suite(void);
Suite *an_test_buf_suite(void)
{
	Suite *s = suite_create("buf");
	TCase *tc = tcase_create("escapes");
	tcase_add_test(tc, json_escapes);
	tcase_add_test(tc, html_escapes);
	suite_add_tcase(s, tc);
	return s;
}
