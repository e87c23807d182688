/* check_figures.c - figures and disputes: tests/spec/figures.txt, and a
 * dispute among articles worked out by hand. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "figures.h"

static void scan(an_figure_list *out, size_t doc, const char *t)
{
	an_sentence_list sl = AN_SENTENCE_LIST_INIT;
	an_timex_list tx = AN_TIMEX_LIST_INIT;
	an_date dct = {2025, 11, 11};
	an_sentence_split(&sl, t, strlen(t));
	an_timex_tag(&tx, t, strlen(t), dct);
	an_figures_scan(out, doc, t, &sl, &tx);
	an_timex_list_free(&tx);
	an_sentence_list_free(&sl);
}

START_TEST(spec_cases)
{
	FILE *f = fopen("spec/figures.txt", "r");
	ck_assert_msg(f != NULL, "cannot open spec/figures.txt (run from tests/)");
	char line[2048], sentence[2048] = "";
	an_buf want = AN_BUF_INIT;
	int state = 0, lineno = 0, case_line = 0, cases = 0;
	while (fgets(line, sizeof line, f)) {
		lineno++;
		line[strcspn(line, "\n")] = '\0';
		if (state == 0 && (line[0] == '#' || line[0] == '\0'))
			continue;
		if (state == 0) {
			snprintf(sentence, sizeof sentence, "%s", line);
			case_line = lineno;
			an_buf_clear(&want);
			state = 1;
		} else if (state == 1 && strcmp(line, ".") == 0) {
			state = 2;
		} else if (strcmp(line, "~~~") == 0) {
			an_figure_list fl = AN_FIGURE_LIST_INIT;
			scan(&fl, 0, sentence);
			an_buf got = AN_BUF_INIT;
			for (size_t i = 0; i < fl.len; i++)
				an_buf_printf(&got, "%s|%g|%.*s\n", fl.items[i].key, fl.items[i].value,
				              (int)(fl.items[i].end - fl.items[i].start),
				              sentence + fl.items[i].start);
			ck_assert_msg(strcmp(got.ptr ? got.ptr : "", want.ptr ? want.ptr : "") == 0,
			              "figures.txt:%d:\nwant:\n%s\ngot:\n%s", case_line,
			              want.ptr ? want.ptr : "", got.ptr ? got.ptr : "");
			an_buf_free(&got);
			an_figure_list_free(&fl);
			state = 0;
			cases++;
		} else {
			an_buf_printf(&want, "%s\n", line);
		}
	}
	fclose(f);
	an_buf_free(&want);
	ck_assert_int_ge(cases, 7);
}
END_TEST

START_TEST(disputes_among_articles)
{
	/* Three tolls of one kind and size disagree; six deaths in one strike
	 * are another quantity; 14 strikes are stated once. */
	an_figure_list fl = AN_FIGURE_LIST_INIT;
	scan(&fl, 0, "The death toll has risen to more than 70 people. The US conducted 14 strikes.");
	scan(&fl, 1, "Strikes have killed at least 76 people. The last one killed six people.");
	scan(&fl, 2, "Civilian death toll rises to 75.");
	an_disputes ds;
	an_disputes_find(&ds, &fl);
	ck_assert_int_eq(ds.len, 1);
	ck_assert_str_eq(ds.items[0].quantity, "people killed");
	ck_assert_int_eq(ds.items[0].n_figures, 3);
	/* by value */
	ck_assert(fl.items[ds.items[0].figures[0]].value == 70);
	ck_assert(fl.items[ds.items[0].figures[1]].value == 75);
	ck_assert(fl.items[ds.items[0].figures[2]].value == 76);
	ck_assert_int_eq(fl.items[ds.items[0].figures[2]].doc, 1);
	an_disputes_free(&ds);

	/* the same value twice is no dispute */
	an_figure_list same = AN_FIGURE_LIST_INIT;
	scan(&same, 0, "Strikes have killed at least 76 people.");
	scan(&same, 1, "The strikes killed 76 people.");
	an_disputes_find(&ds, &same);
	ck_assert_int_eq(ds.len, 0);
	an_disputes_free(&ds);
	an_figure_list_free(&same);

	/* one article's two figures are no dispute between articles */
	an_figure_list one = AN_FIGURE_LIST_INIT;
	scan(&one, 0, "Strikes have killed at least 76 people. The toll rose to 80.");
	an_disputes_find(&ds, &one);
	ck_assert_int_eq(ds.len, 0);
	an_disputes_free(&ds);
	an_figure_list_free(&one);

	/* values chained by doubling (10, 19, 37) are not one quantity: 10
	 * and 19 are within a factor of two, 37 is not */
	an_figure_list chain = AN_FIGURE_LIST_INIT;
	scan(&chain, 0, "The blast killed 10 people.");
	scan(&chain, 1, "The blast killed 19 people.");
	scan(&chain, 2, "The blast killed 37 people.");
	an_disputes_find(&ds, &chain);
	ck_assert_int_eq(ds.len, 1);
	ck_assert_int_eq(ds.items[0].n_figures, 2);
	an_disputes_free(&ds);
	an_figure_list_free(&chain);

	/* a plain noun labels its quantity as written, not as its stem */
	an_figure_list plain = AN_FIGURE_LIST_INIT;
	scan(&plain, 0, "The council planted 40 trees.");
	ck_assert_int_eq(plain.len, 1);
	ck_assert_str_eq(plain.items[0].label, "trees");
	an_figure_list_free(&plain);
	an_figure_list_free(&fl);
}
END_TEST

Suite *an_test_figures_suite(void);
Suite *an_test_figures_suite(void)
{
	Suite *s = suite_create("figures");
	TCase *tc = tcase_create("figures");
	tcase_add_test(tc, spec_cases);
	tcase_add_test(tc, disputes_among_articles);
	suite_add_tcase(s, tc);
	return s;
}
