/* check_timeline.c - grouping of mentions into events, on small hand-made
 * articles where the right answer is plain from reading them. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "timeline.h"

#define MAX_DOCS 6

static an_article articles[MAX_DOCS];
static an_analysis analyses[MAX_DOCS];
static an_doc docs[MAX_DOCS];
static an_figure_list figures[MAX_DOCS];
static size_t n_docs;
static an_timeline tl;

static void add_doc(const char *slug, const char *date, const char *body)
{
	char text[8192];
	snprintf(text, sizeof text, "---\ntitle: %s\ndate: %s\n---\n\n%s\n", slug, date, body);
	an_source src;
	char path[256];
	snprintf(path, sizeof path, "content/%s.md", slug);
	src.path = path;
	src.data = text;
	src.len = strlen(text);
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(an_article_parse(&articles[n_docs], &src, &err) == 0, "%s", err.msg);
	an_analyse(&analyses[n_docs], &articles[n_docs]);
	/* the figures, as the site scans them for the timeline */
	an_figures_scan(&figures[n_docs], n_docs, articles[n_docs].text,
	                &analyses[n_docs].sentences, &analyses[n_docs].timexes);
	docs[n_docs].article = &articles[n_docs];
	docs[n_docs].analysis = &analyses[n_docs];
	docs[n_docs].figures = &figures[n_docs];
	n_docs++;
}

static void build(void)
{
	an_timeline_build(&tl, docs, n_docs);
}

static void teardown(void)
{
	an_timeline_free(&tl);
	for (size_t i = 0; i < n_docs; i++) {
		an_figure_list_free(&figures[i]);
		an_analysis_free(&analyses[i]);
		an_article_free(&articles[i]);
	}
	n_docs = 0;
}

static size_t count_value(const char *value)
{
	size_t n = 0;
	for (size_t i = 0; i < tl.n_events; i++)
		n += strcmp(tl.events[i].value, value) == 0;
	return n;
}

static const an_event *event_with(const char *value)
{
	for (size_t i = 0; i < tl.n_events; i++)
		if (strcmp(tl.events[i].value, value) == 0)
			return &tl.events[i];
	return NULL;
}

START_TEST(same_event_two_articles)
{
	add_doc("a", "2024-03-10",
	        "The mayor of Springfield resigned on March 4 after a bribery scandal.\n\n"
	        "The city council will elect a successor next month.");
	add_doc("b", "2024-03-11",
	        "Springfield's mayor quit his post on 4 March, days after bribery charges "
	        "were filed against him.");
	build();
	ck_assert_int_eq(count_value("2024-03-04"), 1);
	const an_event *ev = event_with("2024-03-04");
	ck_assert_int_eq(ev->n_sources, 2);
	ck_assert_int_eq(ev->n_mentions, 2);
	ck_assert(strstr(ev->title, "resigned") || strstr(ev->title, "quit"));
}
END_TEST

START_TEST(different_events_same_date_stay_apart)
{
	add_doc("a", "2024-05-02",
	        "A magnitude 6 earthquake struck the coast of Chile on May 1, damaging ports.");
	add_doc("b", "2024-05-02",
	        "The central bank of Norway raised interest rates on May 1 to curb inflation.");
	build();
	ck_assert_int_eq(count_value("2024-05-01"), 2);
}
END_TEST

/* Whether one event has mentions from docs a and b (indices). */
static int one_event_holds(size_t a, size_t b)
{
	for (size_t i = 0; i < tl.n_events; i++) {
		int has_a = 0, has_b = 0;
		for (size_t k = 0; k < tl.events[i].n_sources; k++) {
			has_a |= tl.events[i].sources[k] == a;
			has_b |= tl.events[i].sources[k] == b;
		}
		if (has_a && has_b)
			return 1;
	}
	return 0;
}

START_TEST(other_firms_same_quarter_stay_apart)
{
	/* Earnings reports share every word but the firm's name: two
	 * stories, two events, even with a brief that names no one and
	 * could link both. */
	add_doc("delta", "1989-10-13",
	        "Delta Air Lines posted net income of $133.1 million, or $2.53 a share, for the "
	        "quarter ended Sept. 30. The Atlanta-based carrier said Delta's traffic rose. "
	        "Delta shares closed at $66.");
	add_doc("columbia", "1989-10-13",
	        "Columbia Savings reported net income of $16.3 million, or 37 cents a share, for "
	        "the quarter ended Sept. 30. The Beverly Hills thrift said Columbia's junk bonds "
	        "lost value.");
	add_doc("brief", "1989-10-13",
	        "Net income rose to $5.2 million, or 20 cents a share, in the quarter ended Sept. 30.");
	build();
	ck_assert_int_eq(count_value("1989-09-30"), 2);
	ck_assert(!one_event_holds(0, 1));
}
END_TEST

START_TEST(other_firms_same_words_make_no_fact)
{
	/* the same template, two companies: neither their quarter nor their
	 * revenue sentence (undated) is one thing */
	add_doc("delta", "1989-10-13",
	        "Delta Air Lines said its profit rose in the quarter. Revenue rose 15% to $2.17 "
	        "billion from $1.89 billion, the Atlanta carrier said. Delta shares closed higher.");
	add_doc("columbia", "1989-10-14",
	        "Columbia Gas said its profit fell in the quarter. Revenue rose 14% to $4.03 "
	        "billion from $3.54 billion, the Columbia utility said. Columbia shares closed "
	        "lower.");
	build();
	ck_assert(!one_event_holds(0, 1));
	for (size_t i = 0; i < tl.n_undated; i++)
		ck_assert_int_eq(tl.undated[i].n_sources, 1);
}
END_TEST

START_TEST(one_toll_under_other_names_stays_one)
{
	/* two reports name different places and no one in common, but state
	 * one toll for one day: one event; a third story that day stays apart */
	add_doc("strikes", "2025-11-12",
	        "Israeli airstrikes hit southern Gaza on Tuesday, killing at least 20 people, the "
	        "Israeli military said.\n\nThe army said it targeted militants in Khan Younis.");
	add_doc("deaths", "2025-11-12",
	        "Palestinian health officials said 20 people were killed in Tuesday's strikes on "
	        "Rafah, most of them women and children.\n\nHospitals in Rafah were overwhelmed, "
	        "the officials said.");
	add_doc("markets", "2025-11-12",
	        "Shares in Tokyo fell on Tuesday after weak export data, Nikkei figures showed.");
	build();
	ck_assert(one_event_holds(0, 1));
	ck_assert(!one_event_holds(0, 2));
	ck_assert_int_eq(count_value("2025-11-11"), 2);
}
END_TEST

START_TEST(one_story_under_other_names_stays_one)
{
	/* "UK" and "United Kingdom" are one name (initials), and the two
	 * articles tell one story though each names people the other does
	 * not */
	add_doc("a", "2025-11-11",
	        "The UK suspended intelligence sharing with Washington on Monday, officials in "
	        "London said. Foreign Secretary Yvette Cooper declined to comment.");
	add_doc("b", "2025-11-12",
	        "The United Kingdom suspended intelligence sharing with Washington on Monday, "
	        "according to London officials quoted by CNN. Pete Hegseth did not respond.");
	build();
	ck_assert_int_eq(count_value("2025-11-10"), 1);
	ck_assert_int_eq(event_with("2025-11-10")->n_sources, 2);
}
END_TEST

START_TEST(coarse_date_joins_finer_event)
{
	/* "September" and "early September" are one time; the strike story
	 * is told by both articles. */
	add_doc("a", "2025-11-11",
	        "The navy began lethal strikes on drug boats in early September, officials said.");
	add_doc("b", "2025-11-12",
	        "Since September the navy has carried out lethal strikes on suspected drug boats.");
	build();
	ck_assert_int_eq(count_value("2025-09"), 1);
	const an_event *ev = event_with("2025-09");
	ck_assert_int_eq(ev->n_sources, 2);
	ck_assert_str_eq(ev->mod, "START");
	ck_assert_int_eq(ev->span.gran, AN_GRAN_MONTH);
}
END_TEST

START_TEST(relative_dates_anchor_to_each_article)
{
	/* "yesterday" in two articles published on different days names
	 * different days; "on Monday" from Wednesday 2024-06-05 is 06-03. */
	add_doc("a", "2024-06-05",
	        "The senate passed the budget bill yesterday after a long debate. "
	        "Protesters gathered outside parliament on Monday.");
	add_doc("b", "2024-06-06", "The senate passed the budget bill yesterday, ending weeks of debate.");
	build();
	const an_event *ev = event_with("2024-06-04");
	ck_assert_ptr_nonnull(ev);
	ck_assert_int_eq(ev->n_sources, 1);
	ck_assert_ptr_nonnull(event_with("2024-06-05"));
	ck_assert_ptr_nonnull(event_with("2024-06-03"));
}
END_TEST

START_TEST(before_is_not_the_month)
{
	/* "more than a month ago" is before October, "in October" is in it */
	add_doc("a", "2025-11-11",
	        "The ministry froze the contract more than a month ago. "
	        "The auditor published a damning report in October.");
	build();
	const an_event *in_oct = NULL, *before = NULL;
	for (size_t i = 0; i < tl.n_events; i++) {
		if (strcmp(tl.events[i].value, "2025-10") != 0)
			continue;
		if (tl.events[i].mod[0])
			before = &tl.events[i];
		else
			in_oct = &tl.events[i];
	}
	ck_assert_ptr_nonnull(in_oct);
	ck_assert_ptr_nonnull(before);
	ck_assert_str_eq(before->mod, "BEFORE");
}
END_TEST

START_TEST(undated_facts_need_two_articles)
{
	add_doc("a", "2024-01-10",
	        "The volcano on the island of Hekla has released a large plume of ash over the north.\n\n"
	        "Local farmers moved their sheep to lower pastures near the fjord villages.");
	add_doc("b", "2024-01-10",
	        "A large plume of ash was released by the Hekla volcano over the north of the island.");
	build();
	ck_assert_int_eq(tl.n_undated, 1);
	ck_assert_int_eq(tl.undated[0].n_sources, 2);
	ck_assert_str_eq(tl.undated[0].value, "");
	ck_assert_int_eq(tl.undated[0].span.gran, AN_GRAN_NONE);
}
END_TEST

/* An undated fact is named after what it says, not after the article
 * that happens to tell it first: renaming both articles, or a report
 * earlier in the archive, leaves its id (and its page's address) as is. */
START_TEST(undated_fact_id_is_its_sentence)
{
	const char *hekla_a =
	        "The volcano on the island of Hekla has released a large plume of ash over the north.";
	const char *hekla_b =
	        "A large plume of ash was released by the Hekla volcano over the north of the island.";
	add_doc("a", "2024-01-10", hekla_a);
	add_doc("b", "2024-01-10", hekla_b);
	build();
	ck_assert_int_eq(tl.n_undated, 1);
	char id[48];
	snprintf(id, sizeof id, "%s", tl.undated[0].id);
	ck_assert(strncmp(id, "fact-", 5) == 0);
	/* the id hashes the sentence the fact is shown with */
	char summary[256];
	snprintf(summary, sizeof summary, "%s", tl.undated[0].summary);
	teardown();
	add_doc("zz-first", "2024-01-10", hekla_a);
	add_doc("yy-second", "2024-01-10", hekla_b);
	build();
	ck_assert_int_eq(tl.n_undated, 1);
	ck_assert_str_eq(tl.undated[0].summary, summary);
	ck_assert_str_eq(tl.undated[0].id, id);
}
END_TEST

START_TEST(report_and_its_citations)
{
	/* The date dates the report, not the resignation; the other article
	 * cites the same report without a date. */
	add_doc("a", "2024-04-10",
	        "The Herald revealed on Tuesday that the finance minister resigned in secret "
	        "after a row over the budget.");
	add_doc("b", "2024-04-11",
	        "According to the Herald, the finance minister quietly left his post after the "
	        "budget row.");
	build();
	const an_event *ev = event_with("2024-04-09");
	ck_assert_ptr_nonnull(ev);
	ck_assert_int_eq(ev->n_sources, 2);
	ck_assert(strstr(ev->title, "Herald") != NULL);
}
END_TEST

START_TEST(reports_by_different_outlets_stay_apart)
{
	add_doc("a", "2024-04-10",
	        "The Herald reported on Tuesday that the harbour would close for repairs.");
	add_doc("b", "2024-04-10",
	        "The Gazette reported on Tuesday that the harbour closure was delayed.");
	build();
	ck_assert_int_eq(count_value("2024-04-09"), 2);
}
END_TEST

START_TEST(timex_lookup)
{
	add_doc("a", "2024-03-10", "The mayor of Springfield resigned on March 4 over a scandal.");
	build();
	ck_assert_int_ge(analyses[0].timexes.len, 1);
	const an_event *ev = an_timeline_find(&tl, 0, 0);
	ck_assert_ptr_nonnull(ev);
	ck_assert_str_eq(ev->value, "2024-03-04");
	ck_assert_ptr_null(an_timeline_find(&tl, 0, -1));
	ck_assert_ptr_null(an_timeline_find(&tl, 7, 0));
}
END_TEST

/* Ids name the event pages: a repeated id takes the first free "-N",
 * counted among its namesakes, so that an event added before them on the
 * timeline renames neither. */
static void dedupe(const char *const *in, size_t n, char out[][48])
{
	an_event evs[8];
	memset(evs, 0, sizeof evs);
	for (size_t i = 0; i < n; i++)
		snprintf(evs[i].id, sizeof evs[i].id, "%s", in[i]);
	an_timeline_dedupe_ids(evs, n);
	for (size_t i = 0; i < n; i++)
		memcpy(out[i], evs[i].id, 48);
}

START_TEST(duplicate_ids_are_numbered_among_namesakes)
{
	char out[8][48];
	const char *a[] = {"fact-93ad4c", "2020-1a2b3c", "fact-93ad4c", "fact-93ad4c"};
	dedupe(a, 4, out);
	ck_assert_str_eq(out[0], "fact-93ad4c");
	ck_assert_str_eq(out[1], "2020-1a2b3c");
	ck_assert_str_eq(out[2], "fact-93ad4c-2");
	ck_assert_str_eq(out[3], "fact-93ad4c-3");
	/* one more event earlier on the timeline: the same names */
	const char *b[] = {"2019-ffffff", "fact-93ad4c", "2020-1a2b3c", "fact-93ad4c"};
	dedupe(b, 4, out);
	ck_assert_str_eq(out[3], "fact-93ad4c-2");
	/* a "-2" already taken by an event of its own is skipped */
	const char *c[] = {"x-2", "x", "x"};
	dedupe(c, 3, out);
	ck_assert_str_eq(out[2], "x-3");
	/* an id as long as the field still gets a distinct name */
	char longest[48];
	memset(longest, 'a', 47);
	longest[47] = '\0';
	const char *d[] = {longest, longest};
	dedupe(d, 2, out);
	ck_assert_str_ne(out[0], out[1]);
	ck_assert_uint_le(strlen(out[1]), 47);
}
END_TEST

START_TEST(empty_input)
{
	build();
	ck_assert_int_eq(tl.n_events, 0);
	ck_assert_int_eq(tl.n_undated, 0);
}
END_TEST

/* ---- tests/spec/timelines.txt ---- */

typedef struct {
	char expect[4096];
	int line;
	char name[256];
} spec_case;

static void check_expectations(const spec_case *c)
{
	/* every expected line matches one event, in order; no others */
	size_t want = 0;
	const char *p = c->expect;
	size_t ev = 0;
	while (*p) {
		const char *end = strchr(p, '\n');
		char line[512];
		snprintf(line, sizeof line, "%.*s", (int)(end - p), p);
		p = end + 1;
		char date[64], slugs[256], word[128];
		ck_assert_msg(sscanf(line, "%63[^ |] | %255[^|]| %127s", date, slugs, word) == 3,
		              "timelines.txt:%d: bad expect line '%s'", c->line, line);
		size_t sl = strlen(slugs);
		while (sl && slugs[sl - 1] == ' ')
			slugs[--sl] = '\0';
		const an_event *e = NULL;
		if (strcmp(date, "undated") == 0) {
			for (size_t u = 0; u < tl.n_undated && !e; u++)
				if (strstr(tl.undated[u].title, word))
					e = &tl.undated[u];
			ck_assert_msg(e != NULL, "timelines.txt:%d (%s): no undated fact with '%s'",
			              c->line, c->name, word);
		} else {
			want++;
			ck_assert_msg(ev < tl.n_events, "timelines.txt:%d (%s): missing event %s",
			              c->line, c->name, line);
			e = &tl.events[ev++];
			ck_assert_msg(strcmp(e->value, date) == 0 && strstr(e->title, word),
			              "timelines.txt:%d (%s): want '%s', got %s '%s'", c->line, c->name,
			              line, e->value, e->title);
		}
		char got[256] = "";
		for (size_t i = 0; i < e->n_sources; i++) {
			size_t l = strlen(got);
			snprintf(got + l, sizeof got - l, "%s%s", i ? " " : "",
			         articles[e->sources[i]].slug);
		}
		/* compare as sets: every wanted slug present and as many */
		size_t nw = 1, ng = e->n_sources;
		for (const char *q = slugs; *q; q++)
			nw += *q == ' ';
		int all = nw == ng;
		for (char *tok = strtok(slugs, " "); tok && all; tok = strtok(NULL, " ")) {
			int found = 0;
			for (size_t i = 0; i < e->n_sources; i++)
				found |= strcmp(articles[e->sources[i]].slug, tok) == 0;
			all = found;
		}
		ck_assert_msg(all, "timelines.txt:%d (%s): '%s' has sources '%s'", c->line, c->name,
		              line, got);
	}
	ck_assert_msg(tl.n_events == want, "timelines.txt:%d (%s): %zu events, want %zu",
	              c->line, c->name, tl.n_events, want);
}

START_TEST(spec_cases)
{
	FILE *f = fopen("spec/timelines.txt", "r");
	ck_assert_msg(f != NULL, "cannot open spec/timelines.txt (run from tests/)");
	char line[4096], slug[128] = "", date[32] = "", body[8192] = "";
	spec_case c;
	memset(&c, 0, sizeof c);
	int lineno = 0, in_expect = 0, cases = 0, open = 0;
	for (;;) {
		char *got = fgets(line, sizeof line, f);
		if (got) {
			lineno++;
			line[strcspn(line, "\n")] = '\0';
		}
		int starts = got && (strncmp(line, "=== ", 4) == 0 || strncmp(line, "--- ", 4) == 0);
		if ((!got || starts) && slug[0]) {
			add_doc(slug, date, body);
			slug[0] = body[0] = '\0';
		}
		if ((!got || strncmp(line, "=== ", 4) == 0) && open) {
			build();
			check_expectations(&c);
			teardown();
			cases++;
			open = 0;
		}
		if (!got)
			break;
		if (line[0] == '#' || (line[0] == '\0' && !slug[0]))
			continue;
		if (strncmp(line, "=== ", 4) == 0) {
			memset(&c, 0, sizeof c);
			snprintf(c.name, sizeof c.name, "%.200s", line + 4);
			c.line = lineno;
			in_expect = 0;
			open = 1;
		} else if (strcmp(line, "--- expect") == 0) {
			in_expect = 1;
		} else if (strncmp(line, "--- ", 4) == 0) {
			ck_assert(sscanf(line + 4, "%127s %31s", slug, date) == 2);
		} else if (in_expect) {
			size_t l = strlen(c.expect);
			snprintf(c.expect + l, sizeof c.expect - l, "%s\n", line);
		} else if (slug[0]) {
			size_t l = strlen(body);
			snprintf(body + l, sizeof body - l, "%s%s", l ? "\n\n" : "", line);
		}
	}
	fclose(f);
	ck_assert_int_ge(cases, 7);
}
END_TEST

Suite *an_test_timeline_suite(void);
Suite *an_test_timeline_suite(void)
{
	Suite *s = suite_create("timeline");
	TCase *tc = tcase_create("grouping");
	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, same_event_two_articles);
	tcase_add_test(tc, duplicate_ids_are_numbered_among_namesakes);
	tcase_add_test(tc, undated_fact_id_is_its_sentence);
	tcase_add_test(tc, different_events_same_date_stay_apart);
	tcase_add_test(tc, coarse_date_joins_finer_event);
	tcase_add_test(tc, other_firms_same_quarter_stay_apart);
	tcase_add_test(tc, one_story_under_other_names_stays_one);
	tcase_add_test(tc, other_firms_same_words_make_no_fact);
	tcase_add_test(tc, one_toll_under_other_names_stays_one);
	tcase_add_test(tc, relative_dates_anchor_to_each_article);
	tcase_add_test(tc, before_is_not_the_month);
	tcase_add_test(tc, undated_facts_need_two_articles);
	tcase_add_test(tc, report_and_its_citations);
	tcase_add_test(tc, reports_by_different_outlets_stay_apart);
	tcase_add_test(tc, timex_lookup);
	tcase_add_test(tc, empty_input);
	tcase_add_test(tc, spec_cases);
	suite_add_tcase(s, tc);
	return s;
}
