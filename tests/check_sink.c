/* check_sink.c - the writer thread (sink.c) and the progress line's text
 * (progress.c).  Each test writes into its own mkdtemp folder. */
#include <check.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "alloc.h"
#include "progress.h"
#include "sink.h"
#include "write.h"

static char root[64];     /* the test's temporary folder */
static char site[128];    /* root/site */
static char out_dir[128]; /* root/out */

static void setup(void)
{
	snprintf(root, sizeof root, "/tmp/annals-check-sink-XXXXXX");
	ck_assert_msg(mkdtemp(root) != NULL, "mkdtemp: %s", strerror(errno));
	snprintf(site, sizeof site, "%s/site", root);
	snprintf(out_dir, sizeof out_dir, "%s/out", root);
	ck_assert(mkdir(site, 0755) == 0);
}

static void teardown(void)
{
	an_remove_tree(root);
}

static an_output *begin(void)
{
	an_error err = AN_ERROR_INIT;
	an_output *o = an_output_begin(out_dir, site, 0, &err);
	ck_assert_msg(o != NULL, "%s", err.msg);
	return o;
}

/* The text of out_dir/rel, or NULL. */
static char *slurp(const char *rel)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", out_dir, rel);
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = an_xcalloc(1, 1 << 16);
	size_t n = fread(buf, 1, (1 << 16) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* Many pages, some far larger than the queue's bound, arrive whole and in
 * their folders; the progress counts each once. */
START_TEST(writes_everything)
{
	an_output *o = begin();
	an_progress progress;
	memset(&progress, 0, sizeof progress);
	an_sink *s = an_sink_start(o, NULL, &progress);
	ck_assert_ptr_nonnull(s);
	for (int i = 0; i < 2000; i++) {
		char path[64], text[64];
		snprintf(path, sizeof path, "d%d/p%d.html", i % 7, i);
		snprintf(text, sizeof text, "page %d\n", i);
		ck_assert_int_eq(an_sink_put_copy(s, path, text, strlen(text)), 0);
	}
	/* 40 MiB: more than the queue holds, so put must wait, not refuse */
	size_t big = (size_t)40 << 20;
	char *data = an_xmalloc(big);
	memset(data, 'x', big);
	ck_assert_int_eq(an_sink_put(s, an_xstrdup("big.bin"), data, big), 0);
	ck_assert_int_eq(an_sink_put(s, an_xstrdup("empty.txt"), NULL, 0), 0);
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(an_sink_finish(s, &err) == 0, "%s", err.msg);
	ck_assert_uint_eq(atomic_load(&progress.pages), 2002);
	ck_assert_uint_eq(an_output_files(o), 2002);
	ck_assert_msg(an_output_commit(o, &err) == 0, "%s", err.msg);
	char *t = slurp("d4/p1999.html") /* 1999 % 7 == 4 */;
	ck_assert_ptr_nonnull(t);
	ck_assert_str_eq(t, "page 1999\n");
	free(t);
	t = slurp("empty.txt");
	ck_assert_ptr_nonnull(t);
	ck_assert_str_eq(t, "");
	free(t);
	char path[512];
	snprintf(path, sizeof path, "%s/big.bin", out_dir);
	struct stat st;
	ck_assert(stat(path, &st) == 0);
	ck_assert_uint_eq((size_t)st.st_size, big);
}
END_TEST

/* Pieces of two files, queued interleaved with whole pages and with each
 * other, and far more than the queue holds, end up as two whole files;
 * each file counts once in the progress. */
START_TEST(files_in_pieces)
{
	an_output *o = begin();
	an_progress progress;
	memset(&progress, 0, sizeof progress);
	an_sink *s = an_sink_start(o, NULL, &progress);
	ck_assert_ptr_nonnull(s);
	size_t piece = (size_t)1 << 20;
	char *a = an_xmalloc(piece), *b = an_xmalloc(piece);
	for (int i = 0; i < 48; i++) { /* 48 MiB each, over the 32 MiB bound */
		memset(a, 'a' + i % 26, piece);
		memset(b, 'A' + i % 26, piece);
		ck_assert_int_eq(an_sink_put_part(s, "a.json", a, piece, 0), 0);
		if (i == 5)
			ck_assert_int_eq(an_sink_put_copy(s, "page.html", "p", 1), 0);
		ck_assert_int_eq(an_sink_put_part(s, "sub/b.json", b, piece, 0), 0);
	}
	ck_assert_int_eq(an_sink_put_part(s, "a.json", "end", 3, 1), 0);
	ck_assert_int_eq(an_sink_put_part(s, "sub/b.json", NULL, 0, 1), 0);
	free(a);
	free(b);
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(an_sink_finish(s, &err) == 0, "%s", err.msg);
	ck_assert_uint_eq(atomic_load(&progress.pages), 3);
	ck_assert_msg(an_output_commit(o, &err) == 0, "%s", err.msg);
	char path[512];
	snprintf(path, sizeof path, "%s/a.json", out_dir);
	FILE *f = fopen(path, "rb");
	ck_assert_ptr_nonnull(f);
	char *got = an_xmalloc(48 * piece + 4);
	size_t n = fread(got, 1, 48 * piece + 4, f);
	fclose(f);
	ck_assert_uint_eq(n, 48 * piece + 3);
	for (int i = 0; i < 48; i++)
		ck_assert_msg(got[(size_t)i * piece] == 'a' + i % 26 &&
		                  got[(size_t)i * piece + piece - 1] == 'a' + i % 26,
		              "piece %d of a.json out of place", i);
	ck_assert(memcmp(got + 48 * piece, "end", 3) == 0);
	free(got);
	snprintf(path, sizeof path, "%s/sub/b.json", out_dir);
	struct stat st;
	ck_assert(stat(path, &st) == 0);
	ck_assert_uint_eq((size_t)st.st_size, 48 * piece);
}
END_TEST

/* The first failure is the one reported; later puts are refused and
 * their bytes freed (ASan and valgrind check that). */
START_TEST(first_error_wins)
{
	an_output *o = begin();
	an_sink *s = an_sink_start(o, NULL, NULL);
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(an_sink_put_copy(s, "a.html", "1", 1), 0);
	ck_assert_int_eq(an_sink_put_copy(s, "a.html", "2", 1), 0);
	/* the writer fails on the second a.html; give it time to, then see
	 * later puts refused (they may still be accepted before it fails) */
	int refused = 0;
	for (int i = 0; i < 200000 && !refused; i++) {
		char path[32];
		snprintf(path, sizeof path, "later%d.html", i);
		refused = an_sink_put_copy(s, path, "x", 1) < 0;
	}
	ck_assert_msg(refused, "puts after a failure are still accepted");
	an_error err = AN_ERROR_INIT;
	ck_assert_int_eq(an_sink_finish(s, &err), -1);
	ck_assert_str_eq(err.file, "a.html");
	ck_assert_msg(strstr(err.msg, "two pages have this path") != NULL, "%s", err.msg);
	an_output_abort(o);
	struct stat st;
	ck_assert_msg(stat(out_dir, &st) != 0, "a failed build left an output folder");
}
END_TEST

START_TEST(stops_when_interrupted)
{
	an_output *o = begin();
	atomic_int stop = 0;
	an_sink *s = an_sink_start(o, &stop, NULL);
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(an_sink_put_copy(s, "before.html", "x", 1), 0);
	atomic_store(&stop, SIGINT);
	an_sink_put_copy(s, "after.html", "x", 1);
	an_error err = AN_ERROR_INIT;
	ck_assert_int_eq(an_sink_finish(s, &err), -1);
	ck_assert_msg(strstr(err.msg, "interrupted") != NULL, "%s", err.msg);
	an_output_abort(o);
}
END_TEST

/* The line's text, worked out by hand: 1,200 of 10,000 articles in 2 s is
 * 600 articles/s; once pages are written the rate is pages since the
 * first page (900 pages in 3 s - 1.5 s = 600/s). */
START_TEST(progress_line)
{
	an_progress p;
	memset(&p, 0, sizeof p);
	char line[256];
	an_progress_format(&p, 0.5, line, sizeof line);
	ck_assert_str_eq(line, "reading articles");
	atomic_store(&p.n_articles, 10000);
	atomic_store(&p.articles, 1200);
	an_progress_format(&p, 2.0, line, sizeof line);
	ck_assert_str_eq(line, "1,200/10,000 articles \xc2\xb7 0 events \xc2\xb7 0 pages \xc2\xb7 "
	                       "600 articles/s");
	/* every article read, no page yet: the timeline is being built and
	 * a rate of articles would only fall */
	atomic_store(&p.articles, 10000);
	an_progress_format(&p, 4.0, line, sizeof line);
	ck_assert_str_eq(line, "10,000/10,000 articles \xc2\xb7 0 events \xc2\xb7 0 pages");
	atomic_store(&p.events, 1234567);
	atomic_store(&p.pages, 900);
	p.pages_start = 1.5;
	an_progress_format(&p, 3.0, line, sizeof line);
	ck_assert_str_eq(line, "10,000/10,000 articles \xc2\xb7 1,234,567 events \xc2\xb7 900 pages "
	                       "\xc2\xb7 600 pages/s");
	/* a tiny buffer is cut, never overrun */
	char tiny[8];
	an_progress_format(&p, 3.0, tiny, sizeof tiny);
	ck_assert_uint_eq(strlen(tiny), 7);
}
END_TEST

/* Started and stopped at once: no line is drawn before a second, so the
 * stream stays empty. */
START_TEST(progress_quiet_when_fast)
{
	an_progress p;
	memset(&p, 0, sizeof p);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(an_progress_start(&p, f), 0);
	an_progress_stop(&p);
	fclose(f);
	ck_assert_uint_eq(len, 0);
	free(buf);
	an_progress_stop(&p); /* twice is harmless */
}
END_TEST

Suite *an_test_sink_suite(void);
Suite *an_test_sink_suite(void)
{
	Suite *s = suite_create("sink");
	TCase *tc = tcase_create("sink");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, writes_everything);
	tcase_add_test(tc, files_in_pieces);
	tcase_add_test(tc, first_error_wins);
	tcase_add_test(tc, stops_when_interrupted);
	tcase_add_test(tc, progress_line);
	tcase_add_test(tc, progress_quiet_when_fast);
	suite_add_tcase(s, tc);
	return s;
}
