/* check_headline.c - headlines cut from sentences, driven by
 * tests/spec/headlines.txt ("date: X", sentence, ".", headline, "~~~"). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "headline.h"

static int count_words(const char *s)
{
	int n = 0, in = 0;
	for (; *s; s++) {
		int sp = *s == ' ';
		n += !sp && !in;
		in = !sp;
	}
	return n;
}

static void run_case(const char *date, const char *sentence, const char *want, int line)
{
	size_t cs = 0, ce = 0;
	if (date[0]) {
		const char *at = strstr(sentence, date);
		ck_assert_msg(at != NULL, "headlines.txt:%d: date '%s' not in sentence", line, date);
		cs = (size_t)(at - sentence);
		ce = cs + strlen(date);
	}
	char *got = an_headline(sentence, strlen(sentence), cs, ce);
	ck_assert_msg(strcmp(got, want) == 0, "headlines.txt:%d:\n want: %s\n  got: %s", line,
	              want, got);
	ck_assert_int_le(count_words(got), AN_HEADLINE_WORDS);
	free(got);
}

START_TEST(spec_cases)
{
	FILE *f = fopen("spec/headlines.txt", "r");
	ck_assert_msg(f != NULL, "cannot open spec/headlines.txt (run from tests/)");
	char line[4096], date[4096] = "", sentence[4096] = "", want[4096] = "";
	int state = 0, lineno = 0, case_line = 0, cases = 0;
	while (fgets(line, sizeof line, f)) {
		lineno++;
		line[strcspn(line, "\n")] = '\0';
		if (state == 0 && (line[0] == '#' || line[0] == '\0'))
			continue;
		if (state == 0) {
			case_line = lineno;
			if (strncmp(line, "date: ", 6) == 0) {
				snprintf(date, sizeof date, "%s", line + 6);
				continue;
			}
			snprintf(sentence, sizeof sentence, "%s", line);
			state = 1;
		} else if (state == 1 && strcmp(line, ".") == 0) {
			state = 2;
		} else if (state == 2) {
			snprintf(want, sizeof want, "%s", line);
			state = 3;
		} else if (state == 3 && strcmp(line, "~~~") == 0) {
			run_case(date, sentence, want, case_line);
			date[0] = '\0';
			state = 0;
			cases++;
		} else {
			ck_abort_msg("headlines.txt:%d: malformed case", lineno);
		}
	}
	fclose(f);
	ck_assert_int_ge(cases, 10);
}
END_TEST

START_TEST(degenerate_inputs)
{
	/* Never empty, never longer than the limit, never a crash. */
	const char *cases[] = {"", ",", "— —", "the the the", "“", "https://x.y/z",
	                       "a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s"};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t n = strlen(cases[i]);
		char *h = an_headline(cases[i], n, 0, n ? 1 : 0);
		ck_assert_ptr_nonnull(h);
		ck_assert_int_le(count_words(h), AN_HEADLINE_WORDS);
		free(h);
	}
}
END_TEST

/* The reporter in front: a sentence opener that is never a name goes lower
 * case, a name keeps its capital. */
START_TEST(reported)
{
	const char *cases[][3] = {
		{"The UK has suspended sharing intelligence", "CNN",
		 "CNN reports the UK has suspended sharing intelligence"},
		{"Gonzalez said he would go to Washington", "Castro",
		 "Castro reports Gonzalez said he would go to Washington"},
		{"Police closed the bridge", "Reuters", "Reuters reports police closed the bridge"},
		{"To the embassy staff she offered thanks", "Albright",
		 "Albright reports to the embassy staff she offered thanks"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *h = an_headline_reported(cases[i][0], cases[i][1]);
		ck_assert_str_eq(h, cases[i][2]);
		free(h);
	}
}
END_TEST

Suite *an_test_headline_suite(void);
Suite *an_test_headline_suite(void)
{
	Suite *s = suite_create("headline");
	TCase *tc = tcase_create("cut");
	tcase_add_test(tc, spec_cases);
	tcase_add_test(tc, degenerate_inputs);
	tcase_add_test(tc, reported);
	suite_add_tcase(s, tc);
	return s;
}
