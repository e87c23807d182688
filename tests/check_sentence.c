/* check_sentence.c - sentence splitting, driven by tests/spec/sentences.txt
 * (input, ".", expected sentences, "~~~"). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "sentence.h"

/* Turns the two characters "\n" into a newline, as the spec file writes
 * paragraph breaks inside one line. */
static void unescape_into(an_buf *b, const char *line)
{
	for (const char *p = line; *p; p++) {
		if (p[0] == '\\' && p[1] == 'n') {
			an_buf_putc(b, '\n');
			p++;
		} else {
			an_buf_putc(b, *p);
		}
	}
}

static void run_case(const an_buf *input, const an_buf *expected, int line)
{
	an_sentence_list list = AN_SENTENCE_LIST_INIT;
	an_sentence_split(&list, input->ptr, input->len);
	an_buf got = AN_BUF_INIT;
	for (size_t i = 0; i < list.len; i++) {
		an_buf_put(&got, input->ptr + list.items[i].start,
		           list.items[i].end - list.items[i].start);
		an_buf_putc(&got, '\n');
	}
	ck_assert_msg(strcmp(got.ptr ? got.ptr : "", expected->ptr ? expected->ptr : "") == 0,
	              "spec/sentences.txt case at line %d:\nexpected:\n%s\ngot:\n%s", line,
	              expected->ptr, got.ptr);
	an_buf_free(&got);
	an_sentence_list_free(&list);
}

START_TEST(spec_cases)
{
	FILE *f = fopen("spec/sentences.txt", "r");
	ck_assert_msg(f != NULL, "cannot open spec/sentences.txt (run from tests/)");
	char line[4096];
	an_buf input = AN_BUF_INIT, expected = AN_BUF_INIT;
	int state = 0, lineno = 0, case_line = 0, cases = 0;
	while (fgets(line, sizeof line, f)) {
		lineno++;
		line[strcspn(line, "\n")] = '\0';
		if (state == 0 && (line[0] == '#' || line[0] == '\0'))
			continue;
		if (strcmp(line, "~~~") == 0) {
			run_case(&input, &expected, case_line);
			an_buf_clear(&input);
			an_buf_clear(&expected);
			state = 0;
			cases++;
		} else if (state == 1 && strcmp(line, ".") == 0) {
			state = 2;
		} else if (state == 2) {
			an_buf_puts(&expected, line);
			an_buf_putc(&expected, '\n');
		} else {
			if (state == 0)
				case_line = lineno;
			else
				an_buf_putc(&input, '\n');
			unescape_into(&input, line);
			state = 1;
		}
	}
	fclose(f);
	an_buf_free(&input);
	an_buf_free(&expected);
	ck_assert_int_ge(cases, 10);
}
END_TEST

START_TEST(find_sentence)
{
	const char *t = "One. Two. Three.";
	an_sentence_list list = AN_SENTENCE_LIST_INIT;
	an_sentence_split(&list, t, strlen(t));
	ck_assert_int_eq(list.len, 3);
	ck_assert_int_eq(an_sentence_find(&list, 0), 0);
	ck_assert_int_eq(an_sentence_find(&list, 6), 1);
	ck_assert_int_eq(an_sentence_find(&list, 15), 2);
	an_sentence_list_free(&list);
}
END_TEST

START_TEST(hostile_bytes)
{
	/* Terminators at the edges, lone quotes, bytes >= 0x80 without their
	 * continuation: spans stay inside the text and in order. */
	const char *cases[] = {".", "..", "?\"", "a.\xE2", "\xE2\x80", "x.\xC3", "\"", "A. ",
	                       "99Ab", "\n\n\n", ""};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		size_t n = strlen(cases[k]);
		an_sentence_list list = AN_SENTENCE_LIST_INIT;
		an_sentence_split(&list, cases[k], n);
		size_t prev = 0;
		for (size_t i = 0; i < list.len; i++) {
			ck_assert(list.items[i].start >= prev);
			ck_assert(list.items[i].start < list.items[i].end);
			ck_assert(list.items[i].end <= n);
			prev = list.items[i].end;
		}
		an_sentence_list_free(&list);
	}
}
END_TEST

Suite *an_test_sentence_suite(void);
Suite *an_test_sentence_suite(void)
{
	Suite *s = suite_create("sentence");
	TCase *tc = tcase_create("split");
	tcase_add_test(tc, spec_cases);
	tcase_add_test(tc, find_sentence);
	tcase_add_test(tc, hostile_bytes);
	suite_add_tcase(s, tc);
	return s;
}
