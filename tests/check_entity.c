/* check_entity.c - names and entities, driven by tests/spec/entities.txt. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyse.h"
#include "article.h"
#include "buf.h"
#include "entity.h"
#include "sentence.h"

#define MAX_DOCS 4

static void run_case(char texts[MAX_DOCS][4096], size_t n_docs, const char *want, int line)
{
	an_sentence_list sents[MAX_DOCS];
	an_name_list names[MAX_DOCS];
	an_entity_doc docs[MAX_DOCS];
	for (size_t d = 0; d < n_docs; d++) {
		an_sentence_list sl = AN_SENTENCE_LIST_INIT;
		an_name_list nl = AN_NAME_LIST_INIT;
		sents[d] = sl;
		names[d] = nl;
		an_sentence_split(&sents[d], texts[d], strlen(texts[d]));
		an_entity_scan(&names[d], texts[d], &sents[d]);
		docs[d].text = texts[d];
		docs[d].names = &names[d];
	}
	an_entities ents;
	long **map = NULL;
	an_entities_build(&ents, docs, n_docs, &map);
	an_buf got = AN_BUF_INIT;
	for (size_t i = 0; i < ents.len; i++) {
		const an_entity *en = &ents.items[i];
		an_buf_printf(&got, "%s|%s|", an_entity_type_name(en->type), en->name);
		for (size_t v = 0; v < en->n_variants; v++)
			an_buf_printf(&got, "%s%s", v ? ";" : "", en->variants[v]);
		an_buf_putc(&got, '\n');
	}
	/* variants are compared as sets: sort neither, check each line's
	 * type and name exactly and its variants by membership */
	char *g = got.ptr ? got.ptr : (char *)"";
	size_t want_lines = 0, got_lines = 0;
	for (const char *p = want; *p; p++)
		want_lines += *p == '\n';
	for (const char *p = g; *p; p++)
		got_lines += *p == '\n';
	ck_assert_msg(want_lines == got_lines, "entities.txt:%d: want\n%s\ngot\n%s", line, want, g);
	const char *wl = want, *gl = g;
	while (*wl) {
		const char *we = strchr(wl, '\n'), *ge = strchr(gl, '\n');
		const char *wbar = memchr(wl, '|', (size_t)(we - wl));
		wbar = memchr(wbar + 1, '|', (size_t)(we - wbar - 1));
		const char *gbar = memchr(gl, '|', (size_t)(ge - gl));
		gbar = memchr(gbar + 1, '|', (size_t)(ge - gbar - 1));
		ck_assert_msg(wbar - wl == gbar - gl && memcmp(wl, gl, (size_t)(wbar - wl)) == 0,
		              "entities.txt:%d: want\n%s\ngot\n%s", line, want, g);
		/* each wanted variant is among the got ones, and as many */
		size_t nw = 1, ng = 1;
		for (const char *p = wbar + 1; p < we; p++)
			nw += *p == ';';
		for (const char *p = gbar + 1; p < ge; p++)
			ng += *p == ';';
		ck_assert_msg(nw == ng, "entities.txt:%d: variants differ:\n%s\ngot\n%s", line, want, g);
		for (const char *v = wbar + 1; v < we;) {
			const char *ve = memchr(v, ';', (size_t)(we - v));
			if (!ve)
				ve = we;
			int found = 0;
			for (const char *x = gbar + 1; x < ge && !found;) {
				const char *xe = memchr(x, ';', (size_t)(ge - x));
				if (!xe)
					xe = ge;
				found = xe - x == ve - v && memcmp(x, v, (size_t)(ve - v)) == 0;
				x = xe + 1;
			}
			ck_assert_msg(found, "entities.txt:%d: variant '%.*s' missing:\n%s", line,
			              (int)(ve - v), v, g);
			v = ve + 1;
		}
		wl = we + 1;
		gl = ge + 1;
	}
	an_buf_free(&got);
	for (size_t d = 0; d < n_docs; d++) {
		free(map[d]);
		an_name_list_free(&names[d]);
		an_sentence_list_free(&sents[d]);
	}
	free(map);
	an_entities_free(&ents);
}

/* Page ids: names that fold to one slug ("Saint-Denis", "Saint Denis")
 * get "-2", "-3" by count among their namesakes, never a position in
 * the list (which an edit elsewhere would change). */
START_TEST(ids_of_namesakes_are_numbered)
{
	static const char text[] =
	    "Saint-Denis voted on Monday. Officials in Saint-Denis agreed.\n\n"
	    "Saint Denis voted too. Officials in Saint Denis disagreed.\n\n"
	    "Saint DENIS was quiet. The mayor of Saint DENIS left.";
	an_sentence_list sl = AN_SENTENCE_LIST_INIT;
	an_name_list nl = AN_NAME_LIST_INIT;
	an_sentence_split(&sl, text, strlen(text));
	an_entity_scan(&nl, text, &sl);
	an_entity_doc doc = {text, &nl};
	an_entities ents;
	an_entities_build(&ents, &doc, 1, NULL);
	size_t found = 0;
	int seen[3] = {0, 0, 0};
	for (size_t i = 0; i < ents.len; i++) {
		const char *id = ents.items[i].id;
		if (strcmp(id, "saint-denis") == 0)
			seen[0]++, found++;
		else if (strcmp(id, "saint-denis-2") == 0)
			seen[1]++, found++;
		else
			ck_assert_msg(strncmp(id, "saint", 5) != 0, "unexpected id %s", id);
	}
	/* "Saint Denis" and "Saint DENIS" fold to one key: two entities */
	ck_assert_msg(found == 2 && seen[0] == 1 && seen[1] == 1,
	              "want saint-denis and saint-denis-2, found %zu", found);
	an_entities_free(&ents);
	an_name_list_free(&nl);
	an_sentence_list_free(&sl);
}
END_TEST

/* "Sources" opening a sentence is a common noun when the article writes
 * it in lowercase elsewhere; "Smith" is a name.  Asked of 160,000
 * sentences: each answer once walked every word of its first letter, so a
 * long article took time with the square of its length (this case: 37 s,
 * over the suite's timeout); answers are kept per word now, and must stay
 * the same. */
START_TEST(sentence_openers_in_a_long_article)
{
	an_buf b = AN_BUF_INIT;
	size_t n = 80000;
	for (size_t i = 0; i < n; i++)
		an_buf_puts(&b, "Smith left the court. Sources said the sources saw it. ");
	an_sentence_list sl = AN_SENTENCE_LIST_INIT;
	an_name_list nl = AN_NAME_LIST_INIT;
	an_sentence_split(&sl, b.ptr, b.len);
	ck_assert_uint_eq(sl.len, 2 * n);
	an_entity_scan(&nl, b.ptr, &sl);
	ck_assert_uint_eq(nl.len, n); /* every "Smith", no "Sources" */
	for (size_t i = 0; i < nl.len; i++) {
		ck_assert_uint_eq(nl.items[i].sentence, 2 * i);
		ck_assert_uint_eq(nl.items[i].end - nl.items[i].start, 5);
		ck_assert(memcmp(b.ptr + nl.items[i].start, "Smith", 5) == 0);
	}
	an_name_list_free(&nl);
	an_sentence_list_free(&sl);
	an_buf_free(&b);
}
END_TEST

/* The analysis keeps no name that is wholly a date ("mid-March",
 * "Christmas", "Independence Day"): they got entity pages.  A name that
 * holds a date word but is more ("the Good Friday Agreement") is no date
 * either: its Friday is not tagged. */
START_TEST(dates_are_no_names)
{
	static const char text[] =
	    "---\ntitle: t\ndate: 2025-11-11\n---\n\n"
	    "Maria Hartley said in mid-March that the talks would resume after Christmas. "
	    "The parade on Independence Day was cancelled. "
	    "The Good Friday Agreement was signed in 1998.\n";
	an_source src = {(char *)"content/t.md", (char *)text, sizeof text - 1};
	an_article a;
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(an_article_parse(&a, &src, &err) == 0, "%s", err.msg);
	an_analysis an;
	an_analyse(&an, &a);
	int hartley = 0;
	for (size_t i = 0; i < an.names.len; i++) {
		const an_name *nm = &an.names.items[i];
		char name[128];
		size_t n = nm->end - nm->name_start < sizeof name - 1 ? nm->end - nm->name_start
		                                                     : sizeof name - 1;
		memcpy(name, a.text + nm->name_start, n);
		name[n] = '\0';
		ck_assert_msg(strstr(name, "March") == NULL && strstr(name, "Christmas") == NULL &&
		                  strstr(name, "Independence") == NULL,
		              "a date kept as a name: %s", name);
		hartley += strcmp(name, "Maria Hartley") == 0;
	}
	ck_assert_int_eq(hartley, 1);
	/* mid-March, Christmas, Independence Day, 1998; no Friday */
	ck_assert_uint_eq(an.timexes.len, 4);
	for (size_t i = 0; i < an.timexes.len; i++) {
		const an_timex *t = &an.timexes.items[i];
		ck_assert_msg(memchr(a.text + t->start, 'F', t->end - t->start) == NULL,
		              "the Agreement's Friday was tagged (%s)", t->value);
	}
	an_analysis_free(&an);
	an_article_free(&a);
}
END_TEST

START_TEST(spec_cases)
{
	FILE *f = fopen("spec/entities.txt", "r");
	ck_assert_msg(f != NULL, "cannot open spec/entities.txt (run from tests/)");
	static char texts[MAX_DOCS][4096];
	char line[4096], want[4096] = "";
	size_t n_docs = 0;
	int state = 0, lineno = 0, case_line = 0, cases = 0;
	while (fgets(line, sizeof line, f)) {
		lineno++;
		line[strcspn(line, "\n")] = '\0';
		if (state == 0 && (line[0] == '#' || line[0] == '\0'))
			continue;
		if (state == 0) {
			case_line = lineno;
			n_docs = 1;
			texts[0][0] = '\0';
			want[0] = '\0';
			state = 1;
		}
		if (state == 1 && strcmp(line, "---") == 0) {
			ck_assert(n_docs < MAX_DOCS);
			texts[n_docs++][0] = '\0';
		} else if (state == 1 && strcmp(line, ".") == 0) {
			state = 2;
		} else if (state == 1) {
			char *t = texts[n_docs - 1];
			size_t l = strlen(t), add = strlen(line);
			ck_assert(l + add + 3 < 4096);
			if (l)
				memcpy(t + l, "\n\n", 2), l += 2;
			memcpy(t + l, line, add + 1);
		} else if (strcmp(line, "~~~") == 0) {
			run_case(texts, n_docs, want, case_line);
			state = 0;
			cases++;
		} else {
			size_t l = strlen(want), add = strlen(line);
			ck_assert(l + add + 2 < sizeof want);
			memcpy(want + l, line, add);
			memcpy(want + l + add, "\n", 2);
		}
	}
	fclose(f);
	ck_assert_int_ge(cases, 5);
}
END_TEST

Suite *an_test_entity_suite(void);
Suite *an_test_entity_suite(void)
{
	Suite *s = suite_create("entity");
	TCase *tc = tcase_create("names");
	tcase_add_test(tc, spec_cases);
	tcase_add_test(tc, ids_of_namesakes_are_numbered);
	tcase_add_test(tc, dates_are_no_names);
	tcase_add_test(tc, sentence_openers_in_a_long_article);
	suite_add_tcase(s, tc);
	return s;
}
