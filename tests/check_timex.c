/* check_timex.c - the date tagger.  Behaviour lives in spec/timex*.txt (see
 * the header of spec/timex.txt for the format), looped by one test; the other tests feed
 * hostile input and check only the output contract: offsets in range, in
 * order, not overlapping, never splitting a UTF-8 character. */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "alloc.h"
#include "buf.h"
#include "timex.h"
#include "timex_format.h"
#include "utf8.h"

static char *read_file(const char *path, size_t *out_len)
{
	FILE *f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	an_buf b = AN_BUF_INIT;
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		an_buf_put(&b, chunk, n);
	fclose(f);
	*out_len = b.len;
	return an_buf_detach(&b);
}

/* The contract every output must meet, whatever the input. */
static void check_contract(const char *text, size_t len, const an_timex_list *l, int utf8)
{
	size_t prev_end = 0;
	for (size_t i = 0; i < l->len; i++) {
		const an_timex *t = &l->items[i];
		ck_assert_msg(t->start < t->end && t->end <= len,
		              "timex %zu: bad offsets %zu..%zu (len %zu)", i, t->start, t->end, len);
		ck_assert_msg(t->start >= prev_end, "timex %zu overlaps or is out of order", i);
		prev_end = t->end;
		/* never split a character: in valid UTF-8 neither end is a
		 * continuation byte (random bytes have stray ones anywhere) */
		ck_assert(!utf8 || ((unsigned char)text[t->start] & 0xC0) != 0x80);
		ck_assert(!utf8 || t->end == len || ((unsigned char)text[t->end] & 0xC0) != 0x80);
		ck_assert(memchr(t->value, '\0', sizeof t->value) != NULL);
		ck_assert(memchr(t->mod, '\0', sizeof t->mod) != NULL);
	}
}

/* Runs one example; returns 0 when it passes, else appends to `why`. */
static int run_example(an_buf *why, const char *path, int line, an_date dct, const char *in,
                       size_t inlen, const char *want)
{
	/* exactly inlen bytes, no NUL after: ASan catches any over-read */
	char *text = an_xmalloc(inlen ? inlen : 1);
	memcpy(text, in, inlen);
	an_timex_list l = AN_TIMEX_LIST_INIT;
	an_timex_tag(&l, text, inlen, dct);
	check_contract(text, inlen, &l, 1);
	an_buf got = AN_BUF_INIT;
	for (size_t i = 0; i < l.len; i++) {
		const an_timex *t = &l.items[i];
		an_buf_put(&got, text + t->start, t->end - t->start);
		an_buf_printf(&got, "|%s|%s|%s\n", an_timex_type_name(t->type), t->value, t->mod);
	}
	int bad = strcmp(got.ptr ? got.ptr : "", want) != 0;
	if (bad)
		an_buf_printf(why, "%s:%d: input %.*s\n--- want\n%s--- got\n%s\n", path, line,
		              (int)inlen, text, want, got.ptr ? got.ptr : "");
	an_buf_free(&got);
	an_timex_list_free(&l);
	free(text);
	return bad;
}

/* Runs every example of one spec file; counts into *examples, *failed. */
static void run_spec_file(an_buf *why, int *examples, int *failed, const char *path)
{
	size_t len;
	char *spec = read_file(path, &len);
	an_buf in = AN_BUF_INIT, want = AN_BUF_INIT;
	int state = -1; /* -1 header, 0 input, 1 expected */
	int line = 0, start_line = 0;
	an_date dct = {2025, 11, 11};
	char *p = spec;
	while (p < spec + len) {
		char *nl = memchr(p, '\n', (size_t)(spec + len - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(spec + len - p);
		line++;
		int fence = n == 3 && memcmp(p, "```", 3) == 0;
		if (fence || (nl == NULL && state >= 0 && !(n == 3 && memcmp(p, "```", 3) == 0))) {
			if (!fence && state == 1 && n) {
				an_buf_put(&want, p, n);
				an_buf_putc(&want, '\n');
			}
			if (state == 1) {
				(*examples)++;
				*failed += run_example(why, path, start_line, dct, in.ptr ? in.ptr : "",
				                       in.len, want.ptr ? want.ptr : "");
			} else if (state == 0) {
				an_buf_printf(why, "%s:%d: example without a '.' line\n", path, start_line);
				(*failed)++;
			}
			an_buf_clear(&in);
			an_buf_clear(&want);
			dct.y = 2025, dct.m = 11, dct.d = 11;
			state = 0;
			start_line = line + 1;
		} else if (state == 0) {
			if (n == 1 && p[0] == '.') {
				state = 1;
			} else if (in.len == 0 && n > 5 && memcmp(p, "dct: ", 5) == 0) {
				char iso[11] = {0};
				memcpy(iso, p + 5, n - 5 < 10 ? n - 5 : 10);
				ck_assert_msg(an_date_parse_iso(&dct, iso) == 0, "%s:%d: bad dct", path, line);
			} else {
				if (in.len)
					an_buf_putc(&in, '\n');
				an_buf_put(&in, p, n);
			}
		} else if (state == 1 && n) {
			an_buf_put(&want, p, n);
			an_buf_putc(&want, '\n');
		}
		p = nl ? nl + 1 : spec + len;
	}
	if (state == 1) {
		(*examples)++;
		*failed += run_example(why, path, start_line, dct, in.ptr ? in.ptr : "", in.len,
		                       want.ptr ? want.ptr : "");
	}
	an_buf_free(&in);
	an_buf_free(&want);
	free(spec);
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every spec/timex*.txt, in name order. */
START_TEST(spec_examples)
{
	DIR *d = opendir("spec");
	ck_assert_msg(d != NULL, "cannot open tests/spec");
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		size_t l = strlen(e->d_name);
		if (strncmp(e->d_name, "timex", 5) != 0 || l < 9 || strcmp(e->d_name + l - 4, ".txt") != 0)
			continue;
		names = an_xgrow(names, &cap, n + 1, sizeof *names);
		size_t need = l + 6;
		names[n] = an_xmalloc(need);
		snprintf(names[n++], need, "spec/%s", e->d_name);
	}
	closedir(d);
	an_qsort(names, n, sizeof *names, cmp_name);
	an_buf why = AN_BUF_INIT;
	int failed = 0, examples = 0;
	for (size_t i = 0; i < n; i++) {
		run_spec_file(&why, &examples, &failed, names[i]);
		free(names[i]);
	}
	free(names);
	ck_assert_msg(examples >= 300, "only %d examples read", examples);
	ck_assert_msg(failed == 0, "%d of %d examples failed:\n%s", failed, examples,
	              why.ptr ? why.ptr : "");
	an_buf_free(&why);
}
END_TEST

START_TEST(empty_and_tiny)
{
	an_date dct = {2025, 11, 11};
	an_timex_list l = AN_TIMEX_LIST_INIT;
	an_timex_tag(&l, NULL, 0, dct);
	an_timex_tag(&l, "", 0, dct);
	ck_assert_uint_eq(l.len, 0);
	/* truncated UTF-8 and lone bytes at the very end */
	const char *bits[] = {"\xe2", "\xe2\x80", "May\xf0\x9f", "1998\xc3", "Nov.", "6:3", "'8"};
	for (size_t i = 0; i < sizeof bits / sizeof bits[0]; i++) {
		size_t n = strlen(bits[i]);
		char *t = an_xmalloc(n);
		memcpy(t, bits[i], n);
		an_timex_tag(&l, t, n, dct);
		check_contract(t, n, &l, 0);
		an_timex_list_free(&l);
		free(t);
	}
	an_timex_list_free(&l);
	an_timex_list_free(NULL);
	ck_assert_str_eq(an_timex_type_name(AN_TIMEX_SET), "SET");
}
END_TEST

/* Random bytes, biased towards the characters rules care about. */
START_TEST(random_bytes)
{
	static const char alphabet[] = "0123456789 .,:-/'$%\nMayNovFridaylastweekago ";
	unsigned long seed = 12345;
	an_date dct = {2025, 11, 11};
	for (int round = 0; round < 300; round++) {
		size_t n = 1 + (size_t)(round * 37 % 2000);
		char *t = an_xmalloc(n);
		for (size_t i = 0; i < n; i++) {
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			unsigned r = (unsigned)(seed >> 33);
			t[i] = (r & 3) ? alphabet[r % (sizeof alphabet - 1)] : (char)(r >> 8);
		}
		an_timex_list l = AN_TIMEX_LIST_INIT;
		an_timex_tag(&l, t, n, dct);
		check_contract(t, n, &l, 0);
		an_timex_list_free(&l);
		free(t);
	}
}
END_TEST

/* 1 MB of news text: must stay linear (a few tenths of a second at most). */
START_TEST(long_input)
{
	static const char para[] =
		"Last week, American warships conducted strikes on November 1st. "
		"A meeting was expected on Wednesday; officials said on Tuesday that "
		"the pause began more than a month ago, in early September 2025. "
		"For months, 14 strikes since September killed 76 people.\n\n";
	size_t plen = sizeof para - 1, n = 0, cap = (size_t)1 << 20;
	char *t = an_xmalloc(cap);
	while (n + plen <= cap) {
		memcpy(t + n, para, plen);
		n += plen;
	}
	an_date dct = {2025, 11, 11};
	an_timex_list l = AN_TIMEX_LIST_INIT;
	clock_t t0 = clock();
	an_timex_tag(&l, t, n, dct);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	check_contract(t, n, &l, 1);
	ck_assert_uint_eq(l.len, (n / plen) * 8);
	ck_assert_msg(secs < 5.0, "1 MB took %.2f s", secs);
	/* one huge token and one huge run of punctuation */
	memset(t, '7', cap);
	an_timex_list_free(&l);
	an_timex_tag(&l, t, cap, dct);
	check_contract(t, cap, &l, 1);
	memset(t, '-', cap);
	an_timex_list_free(&l);
	an_timex_tag(&l, t, cap, dct);
	ck_assert_uint_eq(l.len, 0);
	an_timex_list_free(&l);
	free(t);
}
END_TEST

/* NUL bytes, invalid and truncated UTF-8, overlong forms and surrogates in
 * the middle of dates: the tagger must keep to its contract, and the TimeML
 * output must stay well-formed (no raw NUL, no invalid UTF-8, escaped
 * markup). */
START_TEST(hostile_bytes)
{
	static const char text[] =
		"On Nov.\0 3, 2025 \xff\xfe the <b>vote</b> & \xc0\xaf count \xed\xa0\x80"
		"began last week\0\0 at 6:30 p.m.\x01 and ended \xe2\x80 Friday \xf4\x90\x80\x80 1998";
	size_t n = sizeof text - 1;
	char *t = an_xmalloc(n);
	memcpy(t, text, n);
	an_date dct = {2025, 11, 11};
	an_timex_list l = AN_TIMEX_LIST_INIT;
	an_timex_tag(&l, t, n, dct);
	check_contract(t, n, &l, 0);
	ck_assert_uint_ge(l.len, 3); /* last week, 6:30 p.m., Friday, 1998 */
	an_buf out = AN_BUF_INIT;
	an_timex_format_timeml(&out, t, n, dct, &l);
	ck_assert_uint_eq(strlen(out.ptr), out.len); /* no NUL inside */
	for (size_t i = 0; i < out.len;) {
		unsigned cp;
		size_t k = an_utf8_decode(&cp, (const unsigned char *)out.ptr + i, out.len - i);
		ck_assert_msg(k > 0, "invalid UTF-8 at byte %zu of the TimeML output", i);
		ck_assert(cp >= 0x20 || cp == '\n' || cp == '\t' || cp == '\r');
		i += k;
	}
	ck_assert(strstr(out.ptr, "&lt;b&gt;vote&lt;/b&gt; &amp;") != NULL);
	ck_assert(strstr(out.ptr, ">last week</TIMEX3>") != NULL);
	an_buf_free(&out);
	an_timex_format_json(&out, t, n, dct, &l);
	ck_assert_uint_eq(strlen(out.ptr), out.len);
	an_buf_free(&out);
	an_timex_list_free(&l);
	free(t);
}
END_TEST

/* One line of 1 MB without a newline, made of words, dates and digits. */
START_TEST(megabyte_line)
{
	static const char piece[] = "Nov. 3 1998 last week 2009-2010 6:30 p.m. ";
	size_t plen = sizeof piece - 1, cap = (size_t)1 << 20, n = 0;
	char *t = an_xmalloc(cap);
	while (n + plen <= cap) {
		memcpy(t + n, piece, plen);
		n += plen;
	}
	an_date dct = {2025, 11, 11};
	an_timex_list l = AN_TIMEX_LIST_INIT;
	an_timex_tag(&l, t, n, dct);
	check_contract(t, n, &l, 1);
	ck_assert_uint_ge(l.len, n / plen * 4);
	an_timex_list_free(&l);
	/* all NUL bytes */
	memset(t, 0, cap);
	an_timex_tag(&l, t, cap, dct);
	ck_assert_uint_eq(l.len, 0);
	free(t);
}
END_TEST

/* Tags the text of a long run, checks the output contract, and that it
 * holds `want` timexes: the cases below time the tagger on texts that
 * once took it minutes, and a regression hits their timeout. */
static void check_run(const an_buf *b, an_date dct, size_t want)
{
	an_timex_list l = AN_TIMEX_LIST_INIT;
	an_timex_tag(&l, b->ptr, b->len, dct);
	check_contract(b->ptr, b->len, &l, 1);
	ck_assert_uint_eq(l.len, want);
	an_timex_list_free(&l);
}

/* A sentence of 60 participles in a row: the tense test of each reads
 * the words before it by their own tense, which once re-read theirs, in
 * time exponential in the run (50 words took minutes).  Linear now; a
 * regression hits the case's timeout. */
START_TEST(participle_run)
{
	an_buf b = AN_BUF_INIT;
	for (int s = 0; s < 100; s++) {
		an_buf_puts(&b, "They will have the ");
		for (int w = 0; w < 60; w++)
			an_buf_puts(&b, "fixed ");
		an_buf_puts(&b, "on Monday. ");
	}
	an_date dct = {2025, 11, 11};
	check_run(&b, dct, 100); /* every "Monday" */
	an_buf_free(&b);
}
END_TEST

/* A list of 100,000 days in one sentence: each day once walked the rest
 * of the list (80,000 took 79 s); linear now, and a regression hits the
 * case's timeout. */
START_TEST(day_list)
{
	an_buf b = AN_BUF_INIT;
	an_buf_puts(&b, "He said Monday");
	for (int d = 1; d < 100000; d++)
		an_buf_puts(&b, " and Monday");
	an_buf_puts(&b, " would be busy.");
	an_date dct = {2025, 11, 11};
	check_run(&b, dct, 100000); /* every "Monday" */
	an_buf_free(&b);
}
END_TEST

/* Runs of one date form with no full stop between them: each of these
 * once read back to the text's start (or its sentence's) from every
 * date, so the time grew with the square of the run (16,000 of
 * "Thanksgiving" took 10 s, of "10:30 a.m." 4.6 s, of "March 3" 0.8 s,
 * of "over the weekend" and "current" 0.35 s; 24,000 of the last two
 * forms 1.2 and 2.9 s).  Each run below took a minute or more, and takes
 * under a second now: a regression hits the case's timeout.  DCT
 * Thursday 2025-11-20: Thanksgiving is the 27th, November's fourth
 * Thursday; a clock time without a day is the DCT's; "a year ago",
 * 2024; "the day before", the 19th. */
START_TEST(form_runs)
{
	static const struct {
		const char *unit, *first; /* the first timex's value, NULL: any */
		size_t n, per;            /* units; timexes per unit, 0: any */
	} runs[] = {{"Thanksgiving ", "2025-11-27", 40000, 1},
	            {"10:30 a.m. ", "2025-11-20T10:30", 60000, 1},
	            {"March 3 ", NULL, 120000, 1},
	            {"over the weekend ", NULL, 200000, 1},
	            {"current ", NULL, 200000, 0},
	            {"a year ago since September may ", "2024", 150000, 2},
	            {"the day before, tonight, ", "2025-11-19", 100000, 2}};
	an_date dct = {2025, 11, 20};
	for (size_t r = 0; r < sizeof runs / sizeof *runs; r++) {
		an_buf b = AN_BUF_INIT;
		size_t n = runs[r].n;
		for (size_t i = 0; i < n; i++)
			an_buf_puts(&b, runs[r].unit);
		an_timex_list l = AN_TIMEX_LIST_INIT;
		an_timex_tag(&l, b.ptr, b.len, dct);
		check_contract(b.ptr, b.len, &l, 1);
		if (runs[r].per)
			ck_assert_uint_eq(l.len, n * runs[r].per);
		if (runs[r].first) {
			ck_assert_str_eq(l.items[0].value, runs[r].first);
			if (runs[r].per == 1)
				ck_assert_str_eq(l.items[n - 1].value, runs[r].first);
		}
		an_timex_list_free(&l);
		an_buf_free(&b);
	}
}
END_TEST

/* The two output formats of `annals tag`. */
START_TEST(formats)
{
	const char *text = "Talks began on Nov. 3 & ended last week.";
	size_t n = strlen(text);
	an_date dct = {2025, 11, 11};
	an_timex_list l = AN_TIMEX_LIST_INIT;
	an_timex_tag(&l, text, n, dct);
	an_buf out = AN_BUF_INIT;
	an_timex_format_timeml(&out, text, n, dct, &l);
	ck_assert_str_eq(out.ptr,
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>\n"
		"<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2025-11-11\" temporalFunction=\"false\" "
		"functionInDocument=\"CREATION_TIME\">2025-11-11</TIMEX3></DCT>\n"
		"<TEXT>Talks began on <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2025-11-03\">Nov. 3</TIMEX3>"
		" &amp; ended <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2025-W45\">last week</TIMEX3>."
		"</TEXT>\n</TimeML>\n");
	an_buf_free(&out);
	an_timex_format_json(&out, text, n, dct, &l);
	ck_assert_str_eq(out.ptr,
		"{\"dct\":\"2025-11-11\",\"timexes\":["
		"{\"start\":15,\"end\":21,\"text\":\"Nov. 3\",\"type\":\"DATE\",\"value\":\"2025-11-03\"},"
		"{\"start\":30,\"end\":39,\"text\":\"last week\",\"type\":\"DATE\",\"value\":\"2025-W45\"}]}\n");
	an_buf_free(&out);
	an_timex_format fmt;
	ck_assert_int_eq(an_timex_format_parse(&fmt, "timeml"), 0);
	ck_assert_int_eq(fmt, AN_TIMEX_FORMAT_TIMEML);
	ck_assert_int_eq(an_timex_format_parse(&fmt, "json"), 0);
	ck_assert_int_eq(fmt, AN_TIMEX_FORMAT_JSON);
	ck_assert_int_eq(an_timex_format_parse(&fmt, "xml"), -1);
	an_timex_list_free(&l);
}
END_TEST

Suite *an_test_timex_suite(void);
Suite *an_test_timex_suite(void)
{
	Suite *s = suite_create("timex");
	TCase *tc = tcase_create("tagger");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, spec_examples);
	tcase_add_test(tc, empty_and_tiny);
	tcase_add_test(tc, random_bytes);
	tcase_add_test(tc, long_input);
	tcase_add_test(tc, participle_run);
	tcase_add_test(tc, day_list);
	tcase_add_test(tc, form_runs);
	tcase_add_test(tc, hostile_bytes);
	tcase_add_test(tc, megabyte_line);
	tcase_add_test(tc, formats);
	suite_add_tcase(s, tc);
	return s;
}
