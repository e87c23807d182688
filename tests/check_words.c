/* check_words.c - word lists as hash sets (an_wordset_has): the same
 * answers as reading the list (an_words_in) for any word, made once when
 * several threads ask at the same time, and a list too long for a set
 * still answered. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "pool.h"
#include "words.h"

static const char *const colours[] = {"red", "green", "blue", "grey", "gray", "a", "of",
                                      "ultramarine", NULL};

/* The word w of text as an_words_split makes it. */
static an_word word_of(const char *text)
{
	an_word w;
	size_t n = an_words_split(&w, 1, text, 0, strlen(text));
	ck_assert_uint_eq(n, 1);
	return w;
}

static int has(an_wordset *set, const char *text)
{
	an_word w = word_of(text);
	return an_wordset_has(set, text, &w);
}

START_TEST(set_answers_as_the_list)
{
	static an_wordset set = AN_WORDSET(colours);
	/* by hand: case folded, punctuation off, whole words only */
	ck_assert(has(&set, "red"));
	ck_assert(has(&set, "RED"));
	ck_assert(has(&set, "Grey,"));
	ck_assert(has(&set, "\"Ultramarine.\""));
	ck_assert(has(&set, "A"));
	ck_assert(!has(&set, "re"));
	ck_assert(!has(&set, "reds"));
	ck_assert(!has(&set, "greenish"));
	ck_assert(!has(&set, "ultramarin"));
	ck_assert(!has(&set, "of-the"));
	ck_assert(!has(&set, "\xc3\xa9"));
	/* and against the list for every word made of its letters, up to
	 * four of them, in either case */
	static const char letters[] = "aeglbdrAREOuf";
	char text[8];
	size_t nl = sizeof letters - 1;
	for (size_t len = 1; len <= 4; len++) {
		size_t total = 1;
		for (size_t k = 0; k < len; k++)
			total *= nl;
		for (size_t code = 0; code < total; code++) {
			size_t x = code;
			for (size_t k = 0; k < len; k++, x /= nl)
				text[k] = letters[x % nl];
			text[len] = '\0';
			an_word w = word_of(text);
			ck_assert_int_eq(an_wordset_has(&set, text, &w),
			                 an_words_in(colours, text, &w));
		}
	}
}
END_TEST

START_TEST(long_words_and_lists)
{
	/* a word of 255 bytes and more: lengths are kept in a byte */
	static char long_entry[300];
	memset(long_entry, 'x', 299);
	static const char *long_list[] = {long_entry, "y", NULL};
	static an_wordset set = AN_WORDSET(long_list);
	char text[310];
	memset(text, 'X', 299);
	text[299] = '\0';
	ck_assert(has(&set, text));
	text[298] = '\0';
	ck_assert(!has(&set, text));
	memset(text, 'x', 255);
	text[255] = '\0';
	ck_assert(!has(&set, text));

	/* more words than a set holds: the list is read, same answers */
	static char words[AN_WORDSET_MAX + 10][16]; /* room for any int */
	static const char *many[AN_WORDSET_MAX + 11];
	for (int i = 0; i < AN_WORDSET_MAX + 10; i++) {
		snprintf(words[i], sizeof words[i], "w%d", i);
		many[i] = words[i];
	}
	many[AN_WORDSET_MAX + 10] = NULL;
	static an_wordset big = AN_WORDSET(many);
	ck_assert(has(&big, "w0"));
	ck_assert(has(&big, "W264"));
	ck_assert(!has(&big, "w265"));
	ck_assert(!has(&big, "w"));
}
END_TEST

/* Many threads ask a new set at once: each answer is right whether the
 * set was ready, being made, or not yet begun. */
static an_wordset shared = AN_WORDSET(colours);
static const char *const asked[] = {"blue", "Blue.", "bleu", "gray", "grey", "gry", "of",
                                    "off"};
static int answers[4096];

static void ask(size_t i, void *payload)
{
	(void)payload;
	const char *text = asked[i % (sizeof asked / sizeof *asked)];
	an_word w = word_of(text);
	answers[i] = an_wordset_has(&shared, text, &w);
}

START_TEST(first_use_from_many_threads)
{
	an_pool_run(sizeof answers / sizeof *answers, ask, NULL);
	static const int want[] = {1, 1, 0, 1, 1, 0, 1, 0};
	for (size_t i = 0; i < sizeof answers / sizeof *answers; i++)
		ck_assert_int_eq(answers[i], want[i % (sizeof want / sizeof *want)]);
}
END_TEST

Suite *an_test_words_suite(void);
Suite *an_test_words_suite(void)
{
	Suite *s = suite_create("words");
	TCase *tc = tcase_create("sets");
	tcase_add_test(tc, set_answers_as_the_list);
	tcase_add_test(tc, long_words_and_lists);
	tcase_add_test(tc, first_use_from_many_threads);
	suite_add_tcase(s, tc);
	return s;
}
