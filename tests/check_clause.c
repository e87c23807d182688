/* check_clause.c - which event a date dates, from tests/spec/clauses.txt. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "clause.h"

/* Strips the [brackets] from `line` into `text` and returns the date span. */
static void unmark(char *text, size_t *ts, size_t *te, const char *line)
{
	size_t n = 0;
	*ts = *te = 0;
	for (const char *p = line; *p; p++) {
		if (*p == '[')
			*ts = n;
		else if (*p == ']')
			*te = n;
		else
			text[n++] = *p;
	}
	text[n] = '\0';
}

static void check_case(const char *line, const char *want, const char *attr, int lineno)
{
	char text[2048];
	size_t ts, te;
	unmark(text, &ts, &te, line);
	ck_assert_msg(te > ts, "clauses.txt:%d: no [date]", lineno);
	an_clause c;
	an_clause_of_date(&c, text, 0, strlen(text), ts, te);
	ck_assert_msg(c.start <= ts && c.end >= te, "clauses.txt:%d: clause misses the date", lineno);
	char got[256];
	if (c.is_report && c.reporter[0])
		snprintf(got, sizeof got, "report %s %s", c.reporter, c.reporter_name);
	else
		snprintf(got, sizeof got, "%s", c.is_report ? "report" : "event");
	ck_assert_msg(strcmp(got, want) == 0, "clauses.txt:%d: want '%s', got '%s'", lineno,
	              want, got);
	if (attr[0]) {
		char key[AN_CLAUSE_NAME_MAX], name[AN_CLAUSE_NAME_MAX];
		int found = an_clause_attribution(key, name, text, 0, strlen(text));
		const char *g = found ? key : "-";
		ck_assert_msg(strcmp(g, attr) == 0, "clauses.txt:%d: attribution want '%s', got '%s'",
		              lineno, attr, g);
	}
}

START_TEST(spec_cases)
{
	FILE *f = fopen("spec/clauses.txt", "r");
	ck_assert_msg(f != NULL, "cannot open spec/clauses.txt (run from tests/)");
	char line[2048], sentence[2048] = "", want[2048] = "", attr[2048] = "";
	int lineno = 0, case_line = 0, cases = 0;
	while (fgets(line, sizeof line, f)) {
		lineno++;
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		if (strcmp(line, "~~~") == 0) {
			check_case(sentence, want, attr, case_line);
			sentence[0] = want[0] = attr[0] = '\0';
			cases++;
		} else if (strncmp(line, "=> ", 3) == 0) {
			snprintf(want, sizeof want, "%s", line + 3);
		} else if (strncmp(line, "attribution: ", 13) == 0) {
			snprintf(attr, sizeof attr, "%s", line + 13);
		} else {
			snprintf(sentence, sizeof sentence, "%s", line);
			case_line = lineno;
		}
	}
	fclose(f);
	ck_assert_int_ge(cases, 12);
}
END_TEST

START_TEST(degenerate)
{
	an_clause c;
	an_clause_of_date(&c, "", 0, 0, 0, 0);
	ck_assert_int_eq(c.is_report, 0);
	const char *t = "[(@x)";
	an_clause_of_date(&c, t, 0, strlen(t), 1, 5);
	char key[AN_CLAUSE_NAME_MAX];
	ck_assert_int_eq(an_clause_attribution(key, NULL, "said", 0, 4), 0);
	ck_assert_int_eq(an_clause_attribution(key, NULL, "according to", 0, 12), 0);
}
END_TEST

Suite *an_test_clause_suite(void);
Suite *an_test_clause_suite(void)
{
	Suite *s = suite_create("clause");
	TCase *tc = tcase_create("dates");
	tcase_add_test(tc, spec_cases);
	tcase_add_test(tc, degenerate);
	suite_add_tcase(s, tc);
	return s;
}
