/* check_export_ics.c - events.ics: TEXT escaping, line folding at 75
 * octets without splitting UTF-8, and the calendar of a hand-made site
 * (fixture_export.h): all-day and month-long events, stable UIDs. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "export_ics.h"
#include "fixture_export.h"

START_TEST(text_escaping)
{
	an_buf b = AN_BUF_INIT;
	const char *in = "a\\b;c,d\ne\r\nf\x01g\th";
	an_ics_text(&b, in, strlen(in));
	ck_assert_str_eq(b.ptr, "a\\\\b\\;c\\,d\\ne\\nfg h");
	/* runs of plain text between escapes, at either end and alone: a
	 * lone CR is a break, DEL goes, UTF-8 stays as it is */
	static const char *const cases[][2] = {
		{"plain text, then more", "plain text\\, then more"},
		{";x\r", "\\;x\\n"},
		{"caf\xc3\xa9\x7f;", "caf\xc3\xa9\\;"},
		{"", ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		an_buf_clear(&b);
		an_ics_text(&b, cases[i][0], strlen(cases[i][0]));
		ck_assert_str_eq(b.ptr ? b.ptr : "", cases[i][1]);
	}
	an_buf_free(&b);
}
END_TEST

/* Every physical line of s ends in CRLF and has at most 75 octets. */
static void check_lines(const char *s)
{
	while (*s) {
		const char *crlf = strstr(s, "\r\n");
		ck_assert_msg(crlf != NULL, "a line does not end in CRLF: %s", s);
		ck_assert_msg(crlf - s <= 75, "line of %d octets: %.*s", (int)(crlf - s),
		              (int)(crlf - s), s);
		ck_assert_msg(memchr(s, '\n', (size_t)(crlf - s)) == NULL, "bare LF in %s", s);
		s = crlf + 2;
	}
}

/* s with every CRLF + space removed: the unfolded content lines. */
static void unfold(an_buf *out, const char *s)
{
	for (; *s; s++) {
		if (s[0] == '\r' && s[1] == '\n' && s[2] == ' ') {
			s += 2;
			continue;
		}
		an_buf_putc(out, *s);
	}
}

START_TEST(folding)
{
	an_buf b = AN_BUF_INIT, u = AN_BUF_INIT;
	an_ics_line(&b, "SHORT:x", 7);
	ck_assert_str_eq(b.ptr, "SHORT:x\r\n");
	an_buf_clear(&b);
	char line[400];
	memset(line, 'a', 200);
	memcpy(line, "SUMMARY:", 8);
	an_ics_line(&b, line, 200);
	check_lines(b.ptr);
	ck_assert_int_eq(strncmp(b.ptr + 75, "\r\n a", 4), 0);
	unfold(&u, b.ptr);
	ck_assert_int_eq(u.len, 202);
	ck_assert_int_eq(memcmp(u.ptr, line, 200), 0);
	/* two-byte characters across the fold: never cut in half */
	an_buf_clear(&b);
	an_buf_clear(&u);
	size_t n = 0;
	n += (size_t)snprintf(line, sizeof line, "SUMMARY:x");
	while (n < 300) {
		memcpy(line + n, "\xc3\xbc", 2); /* ü */
		n += 2;
	}
	an_ics_line(&b, line, n);
	check_lines(b.ptr);
	for (const char *s = b.ptr; (s = strstr(s, "\r\n ")) != NULL; s += 3)
		ck_assert_msg(((unsigned char)s[3] & 0xc0) != 0x80, "fold inside a UTF-8 sequence");
	unfold(&u, b.ptr);
	ck_assert_int_eq(u.len, n + 2);
	ck_assert_int_eq(memcmp(u.ptr, line, n), 0);
	an_buf_free(&b);
	an_buf_free(&u);
}
END_TEST

static int has(const char *hay, const char *needle)
{
	return strstr(hay, needle) != NULL;
}

START_TEST(calendar)
{
	an_site site;
	fx_site(&site, "https://example.org/story/");
	an_buf b = AN_BUF_INIT, u = AN_BUF_INIT;
	an_export_events_ics(&b, &site);
	check_lines(b.ptr);
	unfold(&u, b.ptr);
	const char *s = u.ptr;
	ck_assert_int_eq(strncmp(s, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", 37), 0);
	ck_assert(has(s, "\r\nEND:VCALENDAR\r\n"));
	ck_assert_int_eq(strcmp(s + strlen(s) - 15, "END:VCALENDAR\r\n"), 0);
	ck_assert(has(s, "X-WR-CALNAME:Boats\\, strikes\\; & \"sharing\"\r\n"));
	/* a month: all-day from the 1st to the 1st of the next month */
	ck_assert(has(s, "UID:example.org/story/events/2025-09-aaaaaa.html\r\n"
	                 "DTSTAMP:20251112T000000Z\r\n"
	                 "DTSTART;VALUE=DATE:20250901\r\n"
	                 "DTEND;VALUE=DATE:20251001\r\n"));
	ck_assert(has(s, "DESCRIPTION:early September 2025 (approximate date)\\n\\n"));
	/* a day: one all-day event; escaped summary and description */
	ck_assert(has(s, "DTSTART;VALUE=DATE:20251101\r\nDTEND;VALUE=DATE:20251102\r\n"
	                 "SUMMARY:Maduro\\; accused \\\\ Washington\r\n"));
	ck_assert(has(s, "Line one\\nline two\\, with <script>"));
	/* a week: Monday to the next Monday */
	ck_assert(has(s, "DTSTART;VALUE=DATE:20251103\r\nDTEND;VALUE=DATE:20251110\r\n"));
	ck_assert(has(s, "URL:https://example.org/story/events/2025-W45-cccccc.html\r\n"));
	/* undated facts have no place in a calendar */
	ck_assert(!has(s, "fact-dddddd"));
	int n = 0;
	for (const char *p = s; (p = strstr(p, "BEGIN:VEVENT")) != NULL; p++)
		n++;
	ck_assert_int_eq(n, 3);
	an_buf_free(&b);
	an_buf_free(&u);
}
END_TEST

START_TEST(stable_uids_without_base_url)
{
	an_site site;
	fx_site(&site, "");
	an_buf a = AN_BUF_INIT, b = AN_BUF_INIT;
	an_export_events_ics(&a, &site);
	an_export_events_ics(&b, &site);
	ck_assert_str_eq(a.ptr, b.ptr);
	ck_assert(has(a.ptr, "UID:annals-boats-strikes-sharing-2025-09-aaaaaa@annals.invalid\r\n"));
	ck_assert(!has(a.ptr, "URL:"));
	an_buf_free(&a);
	an_buf_free(&b);
}
END_TEST

Suite *an_test_export_ics_suite(void);
Suite *an_test_export_ics_suite(void)
{
	Suite *s = suite_create("export_ics");
	TCase *tc = tcase_create("ics");
	tcase_add_test(tc, text_escaping);
	tcase_add_test(tc, folding);
	tcase_add_test(tc, calendar);
	tcase_add_test(tc, stable_uids_without_base_url);
	suite_add_tcase(s, tc);
	return s;
}
