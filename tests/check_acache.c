/* check_acache.c - analyses reused between loads: only for the same text
 * and date, and giving the same timeline as a fresh analysis. */
#include <check.h>
#include <string.h>

#include "acache.h"
#include "buf.h"
#include "export.h"
#include "site.h"

static void parse(an_article *a, const char *date, const char *body)
{
	char text[1024];
	snprintf(text, sizeof text, "---\ntitle: T\ndate: %s\n---\n\n%s\n", date, body);
	an_source src = {(char *)"content/t.md", text, strlen(text)};
	an_error err = AN_ERROR_INIT;
	ck_assert_int_eq(an_article_parse(a, &src, &err), 0);
}

START_TEST(same_text_same_date_only)
{
	an_acache *c = an_acache_new();
	an_article a, same, other_date, other_text;
	parse(&a, "2025-11-11", "The talks failed on Tuesday.");
	parse(&same, "2025-11-11", "The talks failed on Tuesday.");
	parse(&other_date, "2025-11-18", "The talks failed on Tuesday.");
	parse(&other_text, "2025-11-11", "The talks failed on Monday.");
	an_analysis an, got;
	an_analyse(&an, &a);
	ck_assert_int_eq(an.timexes.len, 1);
	an_acache_give(c, &an, &a);
	ck_assert_int_eq(an.timexes.len, 0); /* moved out */
	/* "on Tuesday" means another day a week later: no reuse */
	ck_assert_int_eq(an_acache_take(c, &got, &other_date), 0);
	ck_assert_int_eq(an_acache_take(c, &got, &other_text), 0);
	ck_assert_int_eq(an_acache_take(c, &got, &same), 1);
	ck_assert_str_eq(got.timexes.items[0].value, "2025-11-11");
	/* taken once: the entry is gone */
	an_analysis again;
	ck_assert_int_eq(an_acache_take(c, &again, &same), 0);
	an_analysis_free(&got);
	an_acache_free(c);
	an_article_free(&a);
	an_article_free(&same);
	an_article_free(&other_date);
	an_article_free(&other_text);
}
END_TEST

START_TEST(trim_keeps_what_the_last_load_used)
{
	an_acache *c = an_acache_new();
	an_article a, b;
	parse(&a, "2025-11-11", "First text.");
	parse(&b, "2025-11-11", "Second text.");
	an_analysis x, y;
	an_analyse(&x, &a);
	an_analyse(&y, &b);
	an_acache_give(c, &x, &a);
	an_acache_give(c, &y, &b);
	an_acache_trim(c); /* both were given since: both stay */
	ck_assert_int_eq(an_acache_size(c), 2);
	an_analysis got;
	ck_assert_int_eq(an_acache_take(c, &got, &a), 1);
	an_acache_give(c, &got, &a);
	an_acache_trim(c); /* only a was used since the last trim */
	ck_assert_int_eq(an_acache_size(c), 1);
	ck_assert_int_eq(an_acache_take(c, &got, &b), 0);
	an_acache_free(c);
	an_article_free(&a);
	an_article_free(&b);
}
END_TEST

static void timeline_json(an_buf *out, an_acache *cache)
{
	an_site site;
	an_error err = AN_ERROR_INIT;
	an_site_input in;
	memset(&in, 0, sizeof in);
	in.cache = cache;
	ck_assert_msg(an_site_load_input(&site, "..", &in, &err) == 0, "%s", err.msg);
	an_export_timeline_json(out, &site);
	an_site_give_analyses(&site, cache);
	an_acache_trim(cache);
	an_site_free(&site);
}

START_TEST(reused_analyses_give_the_same_timeline)
{
	an_acache *c = an_acache_new();
	an_buf fresh = AN_BUF_INIT, reused = AN_BUF_INIT;
	timeline_json(&fresh, c);
	ck_assert_int_eq(an_acache_hits(c), 0);
	timeline_json(&reused, c);
	ck_assert_int_eq(an_acache_hits(c), 5); /* the five sample articles */
	ck_assert_str_eq(fresh.ptr, reused.ptr);
	an_buf_free(&fresh);
	an_buf_free(&reused);
	an_acache_free(c);
}
END_TEST

Suite *an_test_acache_suite(void);
Suite *an_test_acache_suite(void)
{
	Suite *s = suite_create("acache");
	TCase *tc = tcase_create("reuse");
	tcase_add_test(tc, same_text_same_date_only);
	tcase_add_test(tc, trim_keeps_what_the_last_load_used);
	tcase_add_test(tc, reused_analyses_give_the_same_timeline);
	suite_add_tcase(s, tc);
	return s;
}
