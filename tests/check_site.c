/* check_site.c - the sample site end to end through the timeline stage.
 * The expectations come from reading the five articles in content/:
 *  - the US lethal strikes on boats began in (early) September 2025: told
 *    by the BBC-style piece (002), the Orinoco Tribune translation (003)
 *    and Realist English (004), each once;
 *  - Maduro's address of 1 November 2025: KSMO (000) and 001;
 *  - CNN's report of the suspension on Tuesday 11 November 2025: the
 *    tweet embedded in 003 and "revealed by CNN on Tuesday" in 004 date
 *    it, and every article cites it;
 *  - the Cooper-Rubio meeting at the G7 on Wednesday 12 November 2025,
 *    expected in 002 (published the day before). */
#include <check.h>
#include <lauxlib.h>
#include <lualib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "load.h"
#include "render.h"
#include "site.h"

#define KSMO "2025-11-11-ksmo-uk-suspends-intelligence-sharing"
#define CEASES "2025-11-11-uk-ceases-intelligence-sharing"
#define HALTS "2025-11-11-uk-halts-some-intelligence-sharing"
#define ORINOCO "2025-11-12-uk-suspends-intelligence-cooperation"
#define REALIST "2025-11-12-realist-english-uk-suspends-maritime-intelligence"

static an_site site;

static void load_site(void)
{
	an_error err = AN_ERROR_INIT;
	int rc = an_site_load(&site, "..", &err);
	ck_assert_msg(rc == 0, "loading the sample site: %s:%d: %s", err.file, err.line, err.msg);
}

static void free_site(void)
{
	an_site_free(&site);
}

static int has_source(const an_event *ev, const char *slug)
{
	for (size_t i = 0; i < ev->n_sources; i++)
		if (strcmp(site.articles[ev->sources[i]].slug, slug) == 0)
			return 1;
	return 0;
}

static int mentions_word(const an_event *ev, const char *word)
{
	if (strstr(ev->title, word) || strstr(ev->summary, word))
		return 1;
	for (size_t i = 0; i < ev->n_mentions; i++) {
		const an_mention *m = &ev->mentions[i];
		const an_sentence *s = &site.analyses[m->doc].sentences.items[m->sentence];
		const char *t = site.articles[m->doc].text;
		for (size_t k = s->start; k + strlen(word) <= s->end; k++)
			if (strncmp(t + k, word, strlen(word)) == 0)
				return 1;
	}
	return 0;
}

/* The one event with `value` whose mentions contain `word`; fails when
 * there are none or several. */
static const an_event *only_event(const char *value, const char *word)
{
	const an_event *found = NULL;
	for (size_t i = 0; i < site.timeline.n_events; i++) {
		const an_event *ev = &site.timeline.events[i];
		if (strcmp(ev->value, value) != 0 || !mentions_word(ev, word))
			continue;
		ck_assert_msg(found == NULL, "two events dated %s about '%s': \"%s\" and \"%s\"",
		              value, word, found ? found->title : "", ev->title);
		found = ev;
	}
	ck_assert_msg(found != NULL, "no event dated %s about '%s'", value, word);
	return found;
}

START_TEST(articles_loaded)
{
	ck_assert_int_eq(site.n_articles, 5);
	/* sorted by publication date, then slug */
	ck_assert_str_eq(site.articles[0].slug, KSMO);
	ck_assert_str_eq(site.articles[4].slug, ORINOCO);
	ck_assert_int_eq(site.articles[4].meta.date.d, 12);
}
END_TEST

START_TEST(strikes_began_in_september)
{
	const an_event *ev = only_event("2025-09", "strike");
	ck_assert(has_source(ev, HALTS));
	ck_assert(has_source(ev, ORINOCO));
	ck_assert(has_source(ev, REALIST));
	ck_assert(!has_source(ev, KSMO)); /* KSMO dates no strike to September */
	ck_assert_str_eq(ev->mod, "START"); /* "early September" */
}
END_TEST

START_TEST(maduro_address)
{
	const an_event *ev = only_event("2025-11-01", "Maduro");
	ck_assert_int_eq(ev->n_sources, 2);
	ck_assert(has_source(ev, KSMO));
	ck_assert(has_source(ev, CEASES));
	ck_assert(strstr(ev->title, "Maduro") != NULL);
}
END_TEST

START_TEST(cnn_report)
{
	const an_event *ev = only_event("2025-11-11", "CNN");
	ck_assert(has_source(ev, ORINOCO));
	ck_assert(has_source(ev, REALIST));
	/* the others cite CNN's report without dating it: "This revelation,
	 * obtained by CNN" (KSMO), "According to CNN" (001), "According to
	 * reports from CNN" (002) */
	ck_assert(has_source(ev, KSMO));
	ck_assert(has_source(ev, CEASES));
	ck_assert(has_source(ev, HALTS));
	ck_assert(strstr(ev->title, "CNN") != NULL);
	/* the teleSUR tweet of the same day is another event */
	ck_assert(!mentions_word(ev, "canciller"));
	only_event("2025-11-11", "canciller");
}
END_TEST

START_TEST(cooper_rubio_meeting)
{
	const an_event *ev = only_event("2025-11-12", "Rubio");
	ck_assert_int_eq(ev->n_sources, 1);
	ck_assert(has_source(ev, HALTS));
	ck_assert(strstr(ev->title, "Cooper") && strstr(ev->title, "Rubio"));
}
END_TEST

START_TEST(disputed_death_toll)
{
	/* "more than 70 people" (002), "75" (003's headline), "at least 76
	 * people" (003 and 004): one quantity, disputed */
	ck_assert_int_ge(site.disputes.len, 1);
	const an_dispute *d = NULL;
	for (size_t i = 0; i < site.disputes.len; i++)
		if (strcmp(site.disputes.items[i].quantity, "people killed") == 0)
			d = &site.disputes.items[i];
	ck_assert_ptr_nonnull(d);
	int seen70 = 0, seen75 = 0, seen76 = 0;
	for (size_t i = 0; i < d->n_figures; i++) {
		const an_figure *f = &site.figures.items[d->figures[i]];
		const char *slug = site.articles[f->doc].slug;
		seen70 |= f->value == 70 && strcmp(slug, HALTS) == 0;
		seen75 |= f->value == 75 && strcmp(slug, ORINOCO) == 0;
		seen76 |= f->value == 76 && strcmp(slug, REALIST) == 0;
	}
	ck_assert(seen70 && seen75 && seen76);
	/* and the event of the strikes shows it */
	const an_event *ev = only_event("2025-09", "strike");
	ck_assert_int_ge(ev->n_disputes, 1);
}
END_TEST

START_TEST(entities_of_the_story)
{
	int turk = 0, maduro = 0, cnn = 0;
	for (size_t i = 0; i < site.entities.len; i++) {
		const an_entity *en = &site.entities.items[i];
		if (strcmp(en->name, "Volker Türk") == 0) {
			turk = en->type == AN_ENTITY_PERSON && en->n_variants == 3;
		}
		maduro |= strcmp(en->name, "Nicolás Maduro") == 0 && en->type == AN_ENTITY_PERSON;
		cnn |= strcmp(en->name, "CNN") == 0 && en->n_docs == 5;
	}
	ck_assert_msg(turk, "Volker Türk / Volker Turk / Türk is not one person");
	ck_assert(maduro);
	ck_assert(cnn);
	const an_event *ev = only_event("2025-11-01", "Maduro");
	int has = 0;
	for (size_t i = 0; i < ev->n_entities; i++)
		has |= strcmp(site.entities.items[ev->entities[i]].name, "Nicolás Maduro") == 0;
	ck_assert(has);
}
END_TEST

START_TEST(chronological_and_unique_ids)
{
	const an_timeline *tl = &site.timeline;
	for (size_t i = 1; i < tl->n_events; i++)
		ck_assert(tl->events[i - 1].span.first <= tl->events[i].span.first);
	for (size_t i = 0; i < tl->n_events; i++)
		for (size_t j = i + 1; j < tl->n_events; j++)
			ck_assert_str_ne(tl->events[i].id, tl->events[j].id);
	for (size_t i = 0; i < tl->n_undated; i++)
		ck_assert_int_ge(tl->undated[i].n_sources, 2);
}
END_TEST

START_TEST(ids_stable_across_builds)
{
	an_site again;
	an_error err = AN_ERROR_INIT;
	ck_assert_int_eq(an_site_load(&again, "..", &err), 0);
	ck_assert_int_eq(again.timeline.n_events, site.timeline.n_events);
	for (size_t i = 0; i < site.timeline.n_events; i++)
		ck_assert_str_eq(again.timeline.events[i].id, site.timeline.events[i].id);
	an_site_free(&again);
}
END_TEST

/* The fingerprints of site.<list> in a fresh state's site table, pushed
 * with `seeds` (NULL: made by the push), one per line. */
static char *fingerprints(const an_render_seeds *seeds, const char *list)
{
	lua_State *L = luaL_newstate();
	an_error err = AN_ERROR_INIT;
	ck_assert_int_eq(an_render_push_site_safe(L, &site, seeds, &err), 0);
	lua_getfield(L, -1, list);
	luaL_Buffer b;
	luaL_buffinit(L, &b);
	for (lua_Integer i = 1; i <= (lua_Integer)lua_rawlen(L, -2); i++) {
		lua_rawgeti(L, -2, i);
		lua_getfield(L, -1, "fingerprint");
		ck_assert_int_eq(lua_type(L, -1), LUA_TSTRING);
		lua_remove(L, -2);
		luaL_addvalue(&b);
		luaL_addchar(&b, '\n');
	}
	luaL_pushresult(&b);
	char *out = strdup(lua_tostring(L, -1));
	lua_close(L);
	return out;
}

/* The seeds made once for all the theme's states give the fingerprints
 * each state would make on its own. */
START_TEST(seeds_same_as_made_in_the_push)
{
	an_render_seeds seeds;
	an_render_seeds_make(&seeds, &site);
	const char *lists[] = {"articles", "events", "undated"};
	for (size_t i = 0; i < 3; i++) {
		char *with = fingerprints(&seeds, lists[i]), *without = fingerprints(NULL, lists[i]);
		ck_assert_msg(strlen(with) > 17, "no fingerprints in site.%s", lists[i]);
		ck_assert_str_eq(with, without);
		free(with);
		free(without);
	}
	an_render_seeds_free(&seeds);
}
END_TEST

/* An article's body is made on first use, so its fingerprint stands for
 * what the body is made from: a date's value changes it, and only its
 * article's. */
START_TEST(article_fingerprint_follows_its_dates)
{
	size_t d = 0;
	while (d < site.n_articles && site.analyses[d].timexes.len == 0)
		d++;
	ck_assert_uint_lt(d, site.n_articles);
	char *before = fingerprints(NULL, "articles");
	an_timex *t = &site.analyses[d].timexes.items[0];
	t->value[0] = t->value[0] == '1' ? '2' : '1';
	char *after = fingerprints(NULL, "articles");
	/* one line per article, 16 hex digits and a newline */
	for (size_t a = 0; a < site.n_articles; a++) {
		int same = strncmp(before + a * 17, after + a * 17, 16) == 0;
		ck_assert_msg(same == (a != d), "article %zu's fingerprint %s", a,
		              same ? "did not change" : "changed");
	}
	free(before);
	free(after);
}
END_TEST

/* A text's first NUL or bad byte is reported at its line and column, the
 * column counted in characters: ASCII runs, multi-byte characters and
 * newlines before it each move it on their own path. */
START_TEST(text_check_positions)
{
	/* (the length from sizeof: a text may hold a NUL) */
#define T(s) s, sizeof s - 1
	static const struct {
		const char *text;
		size_t len;
		int line, col; /* 0: valid */
	} cases[] = {
		{T("plain\nascii\n"), 0, 0},
		{T("caf\xc3\xa9 \xe2\x80\x94 ok"), 0, 0},
		{T("ab\0c"), 1, 3},
		{T("\xc3\xa9\nx\xc3\xa9\xff"), 2, 3},
		{T("line\n\nbad \xff byte"), 3, 5},
		{T("\xe2\x80"), 1, 1},
		{T("\n\n\xc3\xa9\xc3\xa9\xc3\xa9\0"), 3, 4},
	};
#undef T
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		an_error err = AN_ERROR_INIT;
		int rc = an_load_check_text("t.md", cases[i].text, cases[i].len, &err);
		ck_assert_msg(rc == (cases[i].line ? -1 : 0), "case %zu: rc %d", i, rc);
		if (cases[i].line) {
			ck_assert_msg(err.line == cases[i].line && err.col == cases[i].col,
			              "case %zu: %d:%d, want %d:%d", i, err.line, err.col,
			              cases[i].line, cases[i].col);
		}
	}
}
END_TEST

/* Asserts that of the fingerprints in `before` and `after` (lines of 16
 * hex digits), only line `which` differs; SIZE_MAX: none. */
static void only_changed(const char *what, const char *before, const char *after, size_t which)
{
	ck_assert_uint_eq(strlen(before), strlen(after));
	for (size_t a = 0; a < strlen(before) / 17; a++) {
		int same = strncmp(before + a * 17, after + a * 17, 16) == 0;
		ck_assert_msg(same == (a != which), "%s: fingerprint %zu %s", what, a,
		              same ? "did not change" : "changed");
	}
}

/* A table's fingerprint is made from the fields as they are set: each
 * field, in a list or not, moves it, and only its own table's; the rank
 * does not (one more report moves the ranks of many events). */
START_TEST(fingerprint_follows_every_field)
{
	ck_assert_uint_gt(site.timeline.n_events, 1);
	ck_assert_uint_gt(site.entities.len, 1);
	an_article *a = &site.articles[1];
	an_event *ev = &site.timeline.events[1];
	an_entity *en = &site.entities.items[1];
	struct {
		const char *list, *what;
		char **field; /* set to "changed" and back */
		size_t which;
	} cases[] = {
		{"articles", "article title", &a->meta.title, 1},
		{"articles", "article source", &a->meta.source, 1},
		{"articles", "article path", &a->path, 1},
		{"events", "event title", &ev->title, 1},
		{"events", "event summary", &ev->summary, 1},
		{"events", "event era", &ev->era, 1},
		{"entities", "entity name", &en->name, 1},
	};
	char changed[] = "changed";
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *before = fingerprints(NULL, cases[i].list);
		char *was = *cases[i].field;
		*cases[i].field = changed;
		char *after = fingerprints(NULL, cases[i].list);
		*cases[i].field = was;
		only_changed(cases[i].what, before, after, cases[i].which);
		free(before);
		free(after);
	}
	/* a source more (a slug in a list), a date's mod, the rank */
	char *before = fingerprints(NULL, "events");
	size_t n = ev->n_sources;
	ev->n_sources = n - 1;
	char *after = fingerprints(NULL, "events");
	ev->n_sources = n;
	only_changed("event sources", before, after, 1);
	free(after);
	char mod = ev->mod[0];
	ev->mod[0] = 'X';
	after = fingerprints(NULL, "events");
	ev->mod[0] = mod;
	only_changed("event mod", before, after, 1);
	free(after);
	size_t rank = ev->rank;
	ev->rank = rank + 7;
	after = fingerprints(NULL, "events");
	ev->rank = rank;
	only_changed("event rank", before, after, SIZE_MAX);
	free(after);
	free(before);
}
END_TEST

/* The data exports' key moves with each thing they show: an event's
 * title, rank, date, sources, notes and era, an article's title, date and
 * history, an entity's name, a dispute's quantity, the site's title; and
 * comes back when the thing does. */
START_TEST(export_key_follows_what_exports_read)
{
	uint64_t k0 = an_export_key(&site);
	ck_assert_uint_eq(an_export_key(&site), k0);
	ck_assert_uint_gt(site.timeline.n_events, 1);
	ck_assert_uint_gt(site.entities.len, 0);
	an_event *ev = &site.timeline.events[1];
	an_article *a = &site.articles[0];
	char changed[] = "changed";
	char **fields[] = {&ev->title, &ev->summary, &ev->era, &a->meta.title, &a->meta.source,
	                   &a->path, &site.entities.items[0].name, &site.config.title,
	                   &site.config.base_url};
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
		char *was = *fields[i];
		*fields[i] = changed;
		ck_assert_msg(an_export_key(&site) != k0, "field %zu does not move the key", i);
		*fields[i] = was;
		ck_assert_uint_eq(an_export_key(&site), k0);
	}
	size_t rank = ev->rank;
	ev->rank = rank + 1;
	ck_assert_uint_ne(an_export_key(&site), k0);
	ev->rank = rank;
	char v = ev->value[0];
	ev->value[0] = v == '1' ? '2' : '1';
	ck_assert_uint_ne(an_export_key(&site), k0);
	ev->value[0] = v;
	ev->n_sources--;
	ck_assert_uint_ne(an_export_key(&site), k0);
	ev->n_sources++;
	char *note = changed, **notes = ev->notes;
	size_t n_notes = ev->n_notes;
	ev->notes = &note;
	ev->n_notes = 1;
	ck_assert_uint_ne(an_export_key(&site), k0);
	ev->notes = notes;
	ev->n_notes = n_notes;
	int day = a->meta.date.d;
	a->meta.date.d = day == 1 ? 2 : 1;
	ck_assert_uint_ne(an_export_key(&site), k0);
	a->meta.date.d = day;
	char pub = a->history.first_published[0];
	a->history.first_published[0] = pub ? 0 : '2';
	ck_assert_uint_ne(an_export_key(&site), k0);
	a->history.first_published[0] = pub;
	if (site.disputes.len) {
		char q = site.disputes.items[0].quantity[0];
		site.disputes.items[0].quantity[0] = q == 'x' ? 'y' : 'x';
		ck_assert_uint_ne(an_export_key(&site), k0);
		site.disputes.items[0].quantity[0] = q;
	}
	ck_assert_uint_eq(an_export_key(&site), k0);
}
END_TEST

Suite *an_test_site_suite(void);
Suite *an_test_site_suite(void)
{
	Suite *s = suite_create("site");
	TCase *tc = tcase_create("sample");
	tcase_add_checked_fixture(tc, load_site, free_site);
	tcase_add_test(tc, articles_loaded);
	tcase_add_test(tc, text_check_positions);
	tcase_add_test(tc, fingerprint_follows_every_field);
	tcase_add_test(tc, export_key_follows_what_exports_read);
	tcase_add_test(tc, strikes_began_in_september);
	tcase_add_test(tc, maduro_address);
	tcase_add_test(tc, cnn_report);
	tcase_add_test(tc, cooper_rubio_meeting);
	tcase_add_test(tc, disputed_death_toll);
	tcase_add_test(tc, entities_of_the_story);
	tcase_add_test(tc, chronological_and_unique_ids);
	tcase_add_test(tc, ids_stable_across_builds);
	tcase_add_test(tc, seeds_same_as_made_in_the_push);
	tcase_add_test(tc, article_fingerprint_follows_its_dates);
	suite_add_tcase(s, tc);
	return s;
}
