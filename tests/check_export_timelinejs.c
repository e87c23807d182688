/* check_export_timelinejs.c - timelinejs.json in TimelineJS 3's shape:
 * a title slide, one slide per dated event with dates as precise as the
 * event's, HTML in the slide text escaped (fixture_export.h). */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "export_timelinejs.h"
#include "fixture_export.h"

static int has(const char *hay, const char *needle)
{
	return strstr(hay, needle) != NULL;
}

START_TEST(html_in_json)
{
	an_buf b = AN_BUF_INIT;
	const char *in = "<b>\"x\" & 'y'\n";
	an_timelinejs_html(&b, in, strlen(in));
	ck_assert_str_eq(b.ptr, "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;\\n");
	/* plain runs at either end of a markup character */
	an_buf_clear(&b);
	an_timelinejs_html(&b, "Q&A", 3);
	ck_assert_str_eq(b.ptr, "Q&amp;A");
	an_buf_clear(&b);
	an_timelinejs_html(&b, "no markup at all", 16);
	ck_assert_str_eq(b.ptr, "no markup at all");
	an_buf_free(&b);
}
END_TEST

START_TEST(slides)
{
	an_site site;
	fx_site(&site, "https://example.org/story/");
	an_buf b = AN_BUF_INIT;
	an_export_timelinejs(&b, &site);
	const char *s = b.ptr;
	ck_assert(has(s, "{\"title\":{\"text\":{\"headline\":\"Boats, strikes; &amp; &quot;sharing&quot;\""));
	ck_assert(has(s, "\"events\":["));
	/* a month is a month-precise date */
	ck_assert(has(s, "{\"unique_id\":\"2025-09-aaaaaa\",\"start_date\":{\"year\":\"2025\",\"month\":\"9\"},"
	                 "\"display_date\":\"early September 2025\""));
	/* a day is a day */
	ck_assert(has(s, "\"start_date\":{\"year\":\"2025\",\"month\":\"11\",\"day\":\"1\"},\"display_date\""));
	/* a week is the range of its days */
	ck_assert(has(s, "\"start_date\":{\"year\":\"2025\",\"month\":\"11\",\"day\":\"3\"},"
	                 "\"end_date\":{\"year\":\"2025\",\"month\":\"11\",\"day\":\"9\"}"));
	ck_assert(has(s, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	ck_assert(!has(s, "<script"));
	ck_assert(has(s, "<a href=\\\"https://example.org/story/articles/realist.html\\\">"));
	ck_assert(!has(s, "fact-dddddd"));
	an_buf_free(&b);
}
END_TEST

START_TEST(relative_links_without_base_url)
{
	an_site site;
	fx_site(&site, "");
	an_buf b = AN_BUF_INIT;
	an_export_timelinejs(&b, &site);
	ck_assert(has(b.ptr, "<a href=\\\"articles/uk-halts.html\\\">Wire, &amp; Co</a>"));
	an_buf_free(&b);
}
END_TEST

Suite *an_test_export_timelinejs_suite(void);
Suite *an_test_export_timelinejs_suite(void)
{
	Suite *s = suite_create("export_timelinejs");
	TCase *tc = tcase_create("timelinejs");
	tcase_add_test(tc, html_in_json);
	tcase_add_test(tc, slides);
	tcase_add_test(tc, relative_links_without_base_url);
	suite_add_tcase(s, tc);
	return s;
}
