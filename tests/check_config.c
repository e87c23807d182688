/* check_config.c - annals.yaml: defaults, values, and errors that name the
 * file and line.  Each test writes its annals.yaml in a mkdtemp folder. */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "write.h"

static char root[64];

static void setup(void)
{
	snprintf(root, sizeof root, "/tmp/annals-check-config-XXXXXX");
	ck_assert_msg(mkdtemp(root) != NULL, "mkdtemp: %s", strerror(errno));
}

static void teardown(void)
{
	an_remove_tree(root);
}

static void write_config(const char *text)
{
	char path[128];
	snprintf(path, sizeof path, "%s/annals.yaml", root);
	FILE *f = fopen(path, "wb");
	ck_assert_msg(f != NULL, "cannot create %s", path);
	fputs(text, f);
	fclose(f);
}

static void expect_defaults(const an_config *c)
{
	ck_assert_str_eq(c->title, "Timeline");
	ck_assert_str_eq(c->language, "en");
	ck_assert_str_eq(c->theme, "default");
	ck_assert_str_eq(c->base_url, "");
	ck_assert_str_eq(c->description, "");
}

START_TEST(absent)
{
	an_config c;
	an_error err = AN_ERROR_INIT;
	ck_assert_int_eq(an_config_load(&c, root, &err), 0);
	expect_defaults(&c);
	an_config_free(&c);
	an_config_free(&c); /* freeing twice is harmless: the fields are cleared */
}
END_TEST

START_TEST(empty_file)
{
	write_config("");
	an_config c;
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(an_config_load(&c, root, &err) == 0, "%s", err.msg);
	expect_defaults(&c);
	an_config_free(&c);

	write_config("# only a comment\n");
	ck_assert_msg(an_config_load(&c, root, &err) == 0, "%s", err.msg);
	expect_defaults(&c);
	an_config_free(&c);
}
END_TEST

START_TEST(values)
{
	write_config("# the site\n"
	             "title: \"War & peace: a timeline\"\n"
	             "base_url: https://x.org/\n"
	             "language: fr\n"
	             "description: Dates from the news\n");
	an_config c;
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(an_config_load(&c, root, &err) == 0, "%s", err.msg);
	ck_assert_str_eq(c.title, "War & peace: a timeline");
	ck_assert_str_eq(c.base_url, "https://x.org");
	ck_assert_str_eq(c.language, "fr");
	ck_assert_str_eq(c.description, "Dates from the news");
	ck_assert_str_eq(c.theme, "default"); /* not given: still the default */
	an_config_free(&c);
}
END_TEST

START_TEST(base_url_slashes)
{
	an_config c;
	an_error err = AN_ERROR_INIT;
	write_config("base_url: https://x.org/tl//\n");
	ck_assert_msg(an_config_load(&c, root, &err) == 0, "%s", err.msg);
	ck_assert_str_eq(c.base_url, "https://x.org/tl");
	an_config_free(&c);

	write_config("base_url: https://x.org/tl\n");
	ck_assert_msg(an_config_load(&c, root, &err) == 0, "%s", err.msg);
	ck_assert_str_eq(c.base_url, "https://x.org/tl");
	an_config_free(&c);
}
END_TEST

START_TEST(unknown_key_is_a_warning)
{
	write_config("title: T\ncolour: blue\ntheme: plain\n");
	an_config c;
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(an_config_load(&c, root, &err) == 0, "%s", err.msg);
	ck_assert_str_eq(c.title, "T");
	ck_assert_str_eq(c.theme, "plain");
	an_config_free(&c);
}
END_TEST

static void expect_error(const char *text, int line, const char *needle)
{
	write_config(text);
	an_config c;
	an_error err = AN_ERROR_INIT;
	ck_assert_int_lt(an_config_load(&c, root, &err), 0);
	ck_assert_str_eq(err.file, "annals.yaml");
	ck_assert_msg(err.line == line, "line %d, expected %d (%s)", err.line, line, err.msg);
	ck_assert_msg(strstr(err.msg, needle) != NULL, "message \"%s\" lacks \"%s\"", err.msg,
	              needle);
	/* a failed load leaves nothing to free; freeing is still allowed */
	ck_assert_ptr_null(c.title);
	an_config_free(&c);
}

START_TEST(errors)
{
	/* line 3 holds the ':' YAML cannot accept after the plain scalar "en" */
	expect_error("title: A\nlanguage: en\n  bad: indent\n", 3, "");
	/* an unclosed quote: the scanner reports where the scalar started or
	 * where the input ended, both on line 2 here (there is no line 3) */
	expect_error("title: A\nlanguage: \"en", 2, "");
	expect_error("language: fr\ntitle: [a, b]\n", 2, "'title' must be a single value");
	expect_error("title:\n  nested: map\n", 1, "'title' must be a single value");
	expect_error("- a list\n- not a mapping\n", 1, "key: value");
}
END_TEST

START_TEST(lua_allow)
{
	an_config c;
	an_error err = AN_ERROR_INIT;
	const char *ok = "title: A\nlua:\n  allow: [os.getenv, os.date]\n";
	ck_assert_int_eq(an_config_parse(&c, ok, strlen(ok), &err), 0);
	ck_assert_int_eq(c.n_lua_allow, 2);
	ck_assert_str_eq(c.lua_allow[0], "os.getenv");
	ck_assert_str_eq(c.lua_allow[1], "os.date");
	an_config_free(&c);
	/* running programs or touching files can never be granted */
	expect_error("lua:\n  allow:\n    - os.getenv\n    - os.execute\n", 4,
	             "'os.execute' cannot be granted");
	expect_error("lua:\n  allow: [io.open]\n", 2, "'io.open' cannot be granted");
	expect_error("lua:\n  deny: [os.getenv]\n", 2, "only 'allow'");
	expect_error("lua: yes\n", 1, "'lua' must be a mapping");
}
END_TEST

START_TEST(base_url_is_a_web_address)
{
	/* it lands in href, og:url and the feed: no script or data URLs */
	expect_error("base_url: \"javascript:alert(1)//\"\n", 0, "https://");
	expect_error("base_url: data:text/html,x\n", 0, "https://");
	an_config c;
	an_error err = AN_ERROR_INIT;
	const char *ok = "base_url: HTTP://example.org\n";
	/* schemes are case-insensitive (RFC 3986) */
	ck_assert_int_eq(an_config_parse(&c, ok, strlen(ok), &err), 0);
	an_config_free(&c);
	const char *good = "base_url: https://example.org/site/\n";
	ck_assert_int_eq(an_config_parse(&c, good, strlen(good), &err), 0);
	ck_assert_str_eq(c.base_url, "https://example.org/site");
	an_config_free(&c);
}
END_TEST

Suite *an_test_config_suite(void);
Suite *an_test_config_suite(void)
{
	Suite *s = suite_create("config");
	TCase *tc = tcase_create("annals.yaml");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, absent);
	tcase_add_test(tc, empty_file);
	tcase_add_test(tc, values);
	tcase_add_test(tc, base_url_slashes);
	tcase_add_test(tc, unknown_key_is_a_warning);
	tcase_add_test(tc, errors);
	tcase_add_test(tc, lua_allow);
	tcase_add_test(tc, base_url_is_a_web_address);
	suite_add_tcase(s, tc);
	return s;
}
