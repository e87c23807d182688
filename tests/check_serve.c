/* check_serve.c - the pure parts of annals serve: request paths to files
 * (no way out of the site), content types, the live-reload injection and
 * overlay (escaped, only where asked), and SSE framing. */
#include <check.h>
#include <string.h>

#include "live.h"
#include "serve.h"

START_TEST(paths)
{
	static const char *const ok[][2] = {
		{"/", "index.html"},
		{"/index.html", "index.html"},
		{"/articles/", "articles/index.html"},
		{"/articles/a.html", "articles/a.html"},
		{"/style.css", "style.css"},
		{"/a..b/c", "a..b/c"},
		{"/.well-known/x", ".well-known/x"},
	};
	char out[256];
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		ck_assert_msg(an_serve_path(out, sizeof out, ok[i][0]) == 0, "%s refused", ok[i][0]);
		ck_assert_str_eq(out, ok[i][1]);
	}
	static const char *const refused[] = {
		"/..", "/../etc/passwd", "/a/../../b", "/a/..", "/./a", "/a/./b", "a.html",
		"", "/a\\..\\b",
	};
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
		ck_assert_msg(an_serve_path(out, sizeof out, refused[i]) == -1, "'%s' accepted",
		              refused[i]);
	ck_assert_int_eq(an_serve_path(out, sizeof out, NULL), -1);
	char tiny[8];
	ck_assert_int_eq(an_serve_path(tiny, sizeof tiny, "/"), -1); /* index.html does not fit */
}
END_TEST

START_TEST(mime)
{
	ck_assert_str_eq(an_serve_mime("index.html"), "text/html; charset=utf-8");
	ck_assert_str_eq(an_serve_mime("a/B.HTML"), "text/html; charset=utf-8");
	ck_assert_str_eq(an_serve_mime("timeline.json"), "application/json");
	ck_assert_str_eq(an_serve_mime("events.ics"), "text/calendar; charset=utf-8");
	ck_assert_str_eq(an_serve_mime("favicon.svg"), "image/svg+xml");
	ck_assert_str_eq(an_serve_mime("noext"), "application/octet-stream");
	ck_assert_str_eq(an_serve_mime("dir.d/noext"), "application/octet-stream");
}
END_TEST

START_TEST(inject)
{
	an_buf b = AN_BUF_INIT;
	const char *html = "<html><body><p>x</p></BODY></html>";
	an_live_inject(&b, html, strlen(html), 7, NULL);
	const char *script = strstr(b.ptr, "<script src=\"" AN_LIVE_SCRIPT "\" data-generation=\"7\"");
	ck_assert_ptr_nonnull(script);
	ck_assert_ptr_nonnull(strstr(b.ptr, "<p>x</p>"));
	ck_assert(script < strstr(b.ptr, "</BODY>")); /* before the body ends, whatever its case */
	ck_assert_ptr_null(strstr(b.ptr, "annals-error"));
	an_buf_clear(&b);

	/* the last </body> wins; without one the tail goes at the end */
	html = "<body><pre>&lt;/body&gt;</pre></body>";
	an_live_inject(&b, html, strlen(html), 1, NULL);
	ck_assert_ptr_nonnull(strstr(b.ptr, "</pre><script"));
	an_buf_clear(&b);
	an_live_inject(&b, "plain", 5, 1, NULL);
	ck_assert(strncmp(b.ptr, "plain<script", 12) == 0);
	an_buf_clear(&b);

	/* the overlay, with the error escaped */
	html = "<body>x</body>";
	an_live_inject(&b, html, strlen(html), 2, "content/a.md:3: <script>alert('x')</script> & \"q\"");
	ck_assert_ptr_nonnull(strstr(b.ptr, "<div id=\"annals-error\" role=\"alert\""));
	ck_assert_ptr_nonnull(strstr(b.ptr, "content/a.md:3: &lt;script&gt;alert(&#39;x&#39;)"
	                                    "&lt;/script&gt; &amp; &quot;q&quot;"));
	ck_assert_ptr_null(strstr(b.ptr, "<script>alert"));
	an_buf_free(&b);
}
END_TEST

START_TEST(pages_and_events)
{
	an_buf b = AN_BUF_INIT;
	an_live_page(&b, "Not <found>", "None & nothing", 3, NULL);
	ck_assert_ptr_nonnull(strstr(b.ptr, "<title>Not &lt;found&gt;</title>"));
	ck_assert_ptr_nonnull(strstr(b.ptr, "None &amp; nothing"));
	ck_assert_ptr_nonnull(strstr(b.ptr, "data-generation=\"3\""));
	an_buf_clear(&b);

	an_live_event(&b, "reload", "{\"a\":1}\nevent: evil");
	ck_assert_str_eq(b.ptr, "event: reload\ndata: {\"a\":1}event: evil\n\n");
	an_buf_clear(&b);

	an_live_state_json(&b, 4, NULL);
	ck_assert_str_eq(b.ptr, "{\"generation\":4,\"ok\":true,\"error\":null}");
	an_buf_clear(&b);
	an_live_state_json(&b, 4, "a.md:1: \"bad\"\nline");
	ck_assert_str_eq(b.ptr, "{\"generation\":4,\"ok\":false,\"error\":\"a.md:1: \\\"bad\\\"\\nline\"}");
	an_buf_free(&b);

	/* the script listens to the events the server sends */
	ck_assert_ptr_nonnull(strstr(an_live_script, "new EventSource('" AN_LIVE_EVENTS "')"));
	ck_assert_ptr_nonnull(strstr(an_live_script, "'reload'"));
	ck_assert_ptr_nonnull(strstr(an_live_script, "'failed'"));
	ck_assert_ptr_nonnull(strstr(an_live_script, "'hello'"));
}
END_TEST

Suite *an_test_serve_suite(void);
Suite *an_test_serve_suite(void)
{
	Suite *s = suite_create("serve");
	TCase *tc = tcase_create("http");
	tcase_add_test(tc, paths);
	tcase_add_test(tc, mime);
	tcase_add_test(tc, inject);
	tcase_add_test(tc, pages_and_events);
	suite_add_tcase(s, tc);
	return s;
}
