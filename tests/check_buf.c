/* check_buf.c - the escapes of buf.h: JSON strings and HTML text, whose
 * plain runs are copied whole; printf and putc at the edge of the room
 * the buffer has (they write into it without growing when it fits). */
#include <check.h>
#include <limits.h>
#include <stdio.h>
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

/* Every length of formatted text against every room left, across the
 * buffer's first growths: the text must come out whole and terminated
 * whether it fits, fits but for the NUL, or must be formatted again. */
START_TEST(printf_at_every_room)
{
	char want[200];
	for (size_t pre = 0; pre < 40; pre++)
		for (int n = 0; n < 40; n++) {
			an_buf b = AN_BUF_INIT;
			memset(want, 'p', pre);
			for (size_t i = 0; i < pre; i++)
				an_buf_putc(&b, 'p');
			an_buf_printf(&b, "%.*s|%d", n, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN", n);
			snprintf(want + pre, sizeof want - pre, "%.*s|%d", n,
			         "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN", n);
			ck_assert_uint_eq(b.len, strlen(want));
			ck_assert_str_eq(b.ptr, want);
			ck_assert_uint_lt(b.len, b.cap);
			an_buf_free(&b);
		}
	/* into an empty buffer with no room at all, and an empty format */
	an_buf b = AN_BUF_INIT;
	an_buf_printf(&b, "%s", "");
	ck_assert_uint_eq(b.len, 0);
	an_buf_printf(&b, "%05d", 42);
	ck_assert_str_eq(b.ptr, "00042");
	an_buf_free(&b);
}
END_TEST

/* Decimal as "%zu" gives it, the ends of the range included. */
START_TEST(put_uint_as_printf)
{
	static const size_t values[] = {0, 1, 9, 10, 99, 100, 4294967295u, 4294967296u,
	                                (size_t)-1 / 10, (size_t)-1};
	char want[32];
	for (size_t i = 0; i < sizeof values / sizeof *values; i++) {
		an_buf b = AN_BUF_INIT;
		an_buf_puts(&b, "t");
		an_buf_put_uint(&b, values[i]);
		snprintf(want, sizeof want, "t%zu", values[i]);
		ck_assert_str_eq(b.ptr, want);
		an_buf_free(&b);
	}
}
END_TEST

/* Zero-padded decimal as "%0*ld" gives it: the dates of the exports and
 * labels ("%04d-%02d"), negative years (the sign counts in the width),
 * numbers wider than the width, and the ends of long's range. */
START_TEST(put_zpad_as_printf)
{
	static const long values[] = {0, 1, 7, 9, 10, 99, 100, 999, 1000, 2025, 9999, 10000, 123456,
	                              -1, -5, -99, -100, -2025, -12345, LONG_MAX, LONG_MIN};
	static const int widths[] = {0, 1, 2, 3, 4, 5, 8};
	char want[64];
	for (size_t i = 0; i < sizeof values / sizeof *values; i++)
		for (size_t w = 0; w < sizeof widths / sizeof *widths; w++) {
			an_buf b = AN_BUF_INIT;
			an_buf_puts(&b, "t");
			an_buf_put_zpad(&b, values[i], widths[w]);
			if (widths[w])
				snprintf(want, sizeof want, "t%0*ld", widths[w], values[i]);
			else
				snprintf(want, sizeof want, "t%ld", values[i]);
			ck_assert_str_eq(b.ptr, want);
			an_buf_free(&b);
		}
}
END_TEST

/* putc fills the room to its last byte before the NUL, then grows. */
START_TEST(putc_fills_then_grows)
{
	an_buf b = AN_BUF_INIT;
	char want[100];
	for (int i = 0; i < 99; i++) {
		an_buf_putc(&b, (char)('a' + i % 26));
		want[i] = (char)('a' + i % 26);
		want[i + 1] = '\0';
		ck_assert_uint_eq(b.len, (size_t)i + 1);
		ck_assert_uint_lt(b.len, b.cap);
		ck_assert_str_eq(b.ptr, want);
	}
	an_buf_clear(&b);
	an_buf_putc(&b, 'x');
	ck_assert_str_eq(b.ptr, "x");
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
	tc = tcase_create("growth");
	tcase_add_test(tc, printf_at_every_room);
	tcase_add_test(tc, putc_fills_then_grows);
	tcase_add_test(tc, put_uint_as_printf);
	tcase_add_test(tc, put_zpad_as_printf);
	suite_add_tcase(s, tc);
	return s;
}
