/* check_tlstory.c - the story test of the timeline (timeline_story.c):
 * the look-up over a spread article (an_tl_same_story_spread, what rows
 * of comparisons ask) answers as the merge (an_tl_same_story) does, pair
 * for pair, also when the table's generations wrap; and the answer
 * itself, on lists worked out by hand. */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "timeline_impl.h"

Suite *an_test_tlstory_suite(void);

#define N_DOCS 60

static an_tl_name names[N_DOCS][40];
static an_tl_names story[N_DOCS];

/* A deterministic generator, so that a failure is the same every run. */
static uint32_t rnd(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

/* Articles naming 0-39 of 120 names (keys spread over 32 bits, some
 * colliding in a small table), ascending and unique as the builder's. */
static void make_story(builder *b)
{
	uint32_t s = 2463534242u;
	for (size_t d = 0; d < N_DOCS; d++) {
		size_t n = 0;
		double total = 0;
		size_t want = d % 7 == 3 ? 0 : rnd(&s) % 40;
		for (uint32_t k = 0; k < 120 && n < want; k++) {
			if (rnd(&s) % 3)
				continue;
			names[d][n].key = k * 35791393u; /* ascending in k */
			names[d][n].w = (float)(rnd(&s) % 1000) / 100.0f + 0.01f;
			total += (double)names[d][n].w * names[d][n].w;
			n++;
		}
		story[d] = (an_tl_names){names[d], n, total};
	}
	memset(b, 0, sizeof *b);
	b->story = story;
	b->n_docs = N_DOCS;
}

START_TEST(spread_answers_as_the_merge)
{
	builder b;
	make_story(&b);
	an_tl_name_table *t = an_tl_names_new(&b);
	size_t same = 0, other = 0;
	for (size_t dx = 0; dx < N_DOCS; dx++) {
		an_tl_names_spread(t, &b, dx);
		for (size_t dy = 0; dy < N_DOCS; dy++) {
			int want = an_tl_same_story(&b, dx < dy ? dx : dy, dx < dy ? dy : dx);
			ck_assert_int_eq(an_tl_same_story_spread(&b, t, dx, dy), want);
			same += want;
			other += !want;
		}
	}
	/* the lists make both answers, or the test proves little */
	ck_assert_uint_gt(same, N_DOCS);
	ck_assert_uint_gt(other, N_DOCS);
	an_tl_names_free(t);
}
END_TEST

START_TEST(spread_survives_a_wrapped_generation)
{
	builder b;
	make_story(&b);
	an_tl_name_table *t = an_tl_names_new(&b);
	/* the next spread wraps the generation to 0: the table is cleared,
	 * and no slot of an old spread may pass for the new one's */
	an_tl_names_spread(t, &b, 1);
	t->gen = UINT32_MAX;
	for (size_t dx = 0; dx < N_DOCS; dx++) {
		an_tl_names_spread(t, &b, dx);
		for (size_t dy = 0; dy < N_DOCS; dy++)
			ck_assert_int_eq(an_tl_same_story_spread(&b, t, dx, dy),
			                 an_tl_same_story(&b, dx, dy));
	}
	an_tl_names_free(t);
}
END_TEST

START_TEST(same_story_by_hand)
{
	/* x names A (w 3), B (w 1); y names A (w 1), C (w 4).  Shared: A.
	 * x: 9 of 10 shared (>= a quarter); so one story, whatever y's 1 of
	 * 17.  z names B (w 1), D (w 3): x shares 1 of 10, z 1 of 10; no. */
	static an_tl_name nx[] = {{10, 3.0f}, {20, 1.0f}};
	static an_tl_name ny[] = {{10, 1.0f}, {30, 4.0f}};
	static an_tl_name nz[] = {{20, 1.0f}, {40, 3.0f}};
	an_tl_names st[3] = {{nx, 2, 10.0}, {ny, 2, 17.0}, {nz, 2, 10.0}};
	builder b;
	memset(&b, 0, sizeof b);
	b.story = st;
	b.n_docs = 3;
	an_tl_name_table *t = an_tl_names_new(&b);
	ck_assert_int_eq(an_tl_same_story(&b, 0, 1), 1);
	ck_assert_int_eq(an_tl_same_story(&b, 0, 2), 0);
	an_tl_names_spread(t, &b, 0);
	ck_assert_int_eq(an_tl_same_story_spread(&b, t, 0, 1), 1);
	ck_assert_int_eq(an_tl_same_story_spread(&b, t, 0, 2), 0);
	an_tl_names_spread(t, &b, 2);
	ck_assert_int_eq(an_tl_same_story_spread(&b, t, 2, 0), 0);
	an_tl_names_free(t);
}
END_TEST

Suite *an_test_tlstory_suite(void)
{
	Suite *s = suite_create("tlstory");
	TCase *tc = tcase_create("same_story");
	tcase_add_test(tc, spread_answers_as_the_merge);
	tcase_add_test(tc, spread_survives_a_wrapped_generation);
	tcase_add_test(tc, same_story_by_hand);
	suite_add_tcase(s, tc);
	return s;
}
