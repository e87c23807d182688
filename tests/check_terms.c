/* check_terms.c - term vectors: the dot product and the word lists give
 * the same answers whatever the shape of the vectors. */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "terms.h"
#include "terms_words.h"

static uint64_t rng = 88172645463325252ULL;

static uint64_t next_random(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* A vector of n terms with ids drawn from [1, span], sorted and unique. */
static void random_vec(an_vec *v, size_t n, uint64_t span)
{
	an_vec_free(v);
	for (size_t i = 0; i < n; i++) {
		an_vec one = AN_VEC_INIT;
		an_term t = {1 + next_random() % span, (double)(next_random() % 1000) / 7.0 + 0.01};
		one.items = &t;
		one.len = 1;
		an_vec_add(v, &one, 1.0);
	}
}

/* The merge the dot product is defined by: products in ascending id order. */
static double merge_dot(const an_vec *a, const an_vec *b)
{
	double dot = 0;
	size_t i = 0, j = 0;
	while (i < a->len && j < b->len) {
		if (a->items[i].id < b->items[j].id)
			i++;
		else if (a->items[i].id > b->items[j].id)
			j++;
		else
			dot += a->items[i++].w * b->items[j++].w;
	}
	return dot;
}

START_TEST(dot_is_the_merge_for_any_lengths)
{
	static const size_t lens[] = {0, 1, 3, 9, 40, 200, 3000};
	an_vec a = AN_VEC_INIT, b = AN_VEC_INIT;
	for (size_t x = 0; x < sizeof lens / sizeof *lens; x++)
		for (size_t y = 0; y < sizeof lens / sizeof *lens; y++)
			for (int round = 0; round < 5; round++) {
				random_vec(&a, lens[x], 4000);
				random_vec(&b, lens[y], 4000);
				double want = merge_dot(&a, &b), got = an_vec_dot(&a, &b);
				ck_assert_msg(memcmp(&want, &got, sizeof want) == 0,
				              "lengths %zu, %zu: %.17g, not %.17g", a.len, b.len, got,
				              want);
				got = an_vec_dot(&b, &a);
				ck_assert_msg(memcmp(&want, &got, sizeof want) == 0,
				              "lengths %zu, %zu: %.17g, not %.17g", b.len, a.len, got,
				              want);
			}
	an_vec_free(&a);
	an_vec_free(&b);
}
END_TEST

START_TEST(df_index_is_one_number_per_term)
{
	an_df *df = an_df_new();
	an_vec v = AN_VEC_INIT;
	for (int text = 0; text < 50; text++) {
		random_vec(&v, 100, 1000000);
		an_df_add(df, &v);
	}
	size_t size = an_df_size(df);
	ck_assert_uint_eq(an_df_index(df, 0), (size_t)-1);
	ck_assert_uint_eq(an_df_index(df, 1000001), (size_t)-1);
	/* the last text's terms: distinct numbers below the size */
	for (size_t i = 0; i < v.len; i++) {
		size_t k = an_df_index(df, v.items[i].id);
		ck_assert_uint_lt(k, size);
		for (size_t j = 0; j < i; j++)
			ck_assert_uint_ne(k, an_df_index(df, v.items[j].id));
	}
	an_vec_free(&v);
	an_df_free(df);
}
END_TEST

/* A text without a term leaves the term's weight as it was: one
 * sentence added anywhere must not shift every weight (the clustering
 * then moved a thousand mentions for an edit to one article). */
START_TEST(idf_stays_for_an_unrelated_text)
{
	an_df *df = an_df_new();
	an_vec with = AN_VEC_INIT, without = AN_VEC_INIT;
	an_terms_add(&with, "harbour strike", 14, 1.0);
	an_terms_add(&without, "council budget", 14, 1.0);
	/* a corpus the size of 2,500 articles' sentences */
	for (int i = 0; i < 100000; i++)
		an_df_add(df, i % 7 ? &without : &with);
	uint64_t id = with.items[0].id;
	double w = an_df_idf(id, df);
	ck_assert(w > 0);
	int moved = 0;
	for (int i = 0; i < 50; i++) {
		an_df_add(df, &without);
		double now = an_df_idf(id, df);
		moved += now != w;
		w = now;
	}
	/* at a rounding edge a weight may step, not at every text */
	ck_assert_int_le(moved, 1);
	an_vec_free(&with);
	an_vec_free(&without);
	an_df_free(df);
}
END_TEST

START_TEST(word_lists_fold_as_listed)
{
	char out[64];
	for (size_t i = 0; i < an_terms_n_synonyms; i++) {
		const an_terms_syn *s = &an_terms_synonyms[i];
		size_t n = an_terms_fold(out, s->word, strlen(s->word));
		ck_assert_uint_eq(n, strlen(s->canon));
		ck_assert_str_eq(out, s->canon);
	}
	for (size_t i = 0; i < an_terms_n_stop_words; i++) {
		const char *w = an_terms_stop_words[i];
		int synonym = 0;
		for (size_t j = 0; j < an_terms_n_synonyms; j++)
			synonym |= strcmp(an_terms_synonyms[j].word, w) == 0;
		if (!synonym)
			ck_assert_msg(an_terms_fold(out, w, strlen(w)) == 0, "%s is a stop word", w);
	}
	/* in capitals, a stop word is an acronym */
	ck_assert_uint_eq(an_terms_fold(out, "US", 2), 2);
	ck_assert_str_eq(out, "us");
	ck_assert_uint_eq(an_terms_fold(out, "us", 2), 0);
}
END_TEST

Suite *an_test_terms_suite(void);
Suite *an_test_terms_suite(void)
{
	Suite *s = suite_create("terms");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, dot_is_the_merge_for_any_lengths);
	tcase_add_test(tc, df_index_is_one_number_per_term);
	tcase_add_test(tc, idf_stays_for_an_unrelated_text);
	tcase_add_test(tc, word_lists_fold_as_listed);
	suite_add_tcase(s, tc);
	return s;
}
