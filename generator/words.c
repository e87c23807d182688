/* words.c - sentences as words (see words.h). */
#include "words.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static int is_punct_byte(unsigned char c)
{
	return ispunct(c) && c != '@' && c != '#';
}

size_t an_words_split(an_word *w, size_t max, const char *t, size_t s, size_t e)
{
	size_t n = 0, i = s;
	while (i < e && n < max) {
		while (i < e && isspace((unsigned char)t[i]))
			i++;
		size_t a = i;
		while (i < e && !isspace((unsigned char)t[i]))
			i++;
		if (i == a)
			break;
		/* scraped text glues links to words ("CNN.https://t.co/x") and
		 * words to each other with dashes ("Duma—Russia’s",
		 * "Exclusive–The"): both end the word */
		for (size_t k = a + 1; k + 4 < i; k++) {
			if (t[k - 1] == '.' && strncmp(t + k, "http", 4) == 0) {
				i = k;
				break;
			}
			if ((unsigned char)t[k] == 0xE2 && (unsigned char)t[k + 1] == 0x80 &&
			    ((unsigned char)t[k + 2] == 0x94 || (unsigned char)t[k + 2] == 0x93) &&
			    isalpha((unsigned char)t[k - 1]) && k + 3 < i) {
				i = k + 3; /* the dash stays on the first word */
				break;
			}
		}
		an_word x = {a, i, a, i};
		/* curly quotes and dashes are three bytes starting 0xE2 */
		for (int again = 1; again;) {
			again = 0;
			while (x.cs < x.ce && is_punct_byte((unsigned char)t[x.cs]))
				x.cs++, again = 1;
			while (x.cs + 3 <= x.ce && (unsigned char)t[x.cs] == 0xE2)
				x.cs += 3, again = 1;
		}
		for (int again = 1; again;) {
			again = 0;
			while (x.ce > x.cs && is_punct_byte((unsigned char)t[x.ce - 1]))
				x.ce--, again = 1;
			while (x.ce >= x.cs + 3 && (unsigned char)t[x.ce - 3] == 0xE2)
				x.ce -= 3, again = 1;
		}
		if (x.cs < x.ce)
			w[n++] = x;
	}
	return n;
}

int an_words_in(const char *const *list, const char *t, const an_word *w)
{
	size_t n = w->ce - w->cs;
	int first = tolower((unsigned char)t[w->cs]);
	/* the first letter rules out nearly every entry before any strlen */
	for (; *list; list++)
		if ((unsigned char)(*list)[0] == first && strlen(*list) == n &&
		    strncasecmp(*list, t + w->cs, n) == 0)
			return 1;
	return 0;
}

/* FNV-1a over the bytes with ASCII letters folded to lower case, as
 * strncasecmp compares them. */
static uint32_t folded_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		h = (h ^ c) * 16777619u;
	}
	return h;
}

/* Fills the set's slots, or marks it too long to hold. */
static void wordset_make(an_wordset *set)
{
	size_t n = 0;
	while (set->list[n])
		n++;
	if (n > AN_WORDSET_MAX) {
		atomic_store_explicit(&set->state, 3, memory_order_release);
		return;
	}
	for (size_t k = 0; k < n; k++) {
		size_t len = strlen(set->list[k]);
		set->len[k] = (uint8_t)(len > 255 ? 255 : len);
		size_t i = folded_hash(set->list[k], len) & (AN_WORDSET_SLOTS - 1);
		while (set->slot[i])
			i = (i + 1) & (AN_WORDSET_SLOTS - 1);
		set->slot[i] = (uint8_t)(k + 1);
	}
	atomic_store_explicit(&set->state, 2, memory_order_release);
}

int an_wordset_has(an_wordset *set, const char *t, const an_word *w)
{
	int state = atomic_load_explicit(&set->state, memory_order_acquire);
	if (state == 0) {
		int expected = 0;
		if (atomic_compare_exchange_strong(&set->state, &expected, 1)) {
			wordset_make(set);
			state = atomic_load_explicit(&set->state, memory_order_acquire);
		}
	}
	if (state != 2)
		return an_words_in(set->list, t, w);
	size_t n = w->ce - w->cs;
	const char *word = t + w->cs;
	for (size_t i = folded_hash(word, n) & (AN_WORDSET_SLOTS - 1);;
	     i = (i + 1) & (AN_WORDSET_SLOTS - 1)) {
		unsigned k = set->slot[i];
		if (!k)
			return 0;
		const char *entry = set->list[k - 1];
		/* (lengths of 255 and more are kept as 255: strlen tells those) */
		if ((n < 255 ? set->len[k - 1] == n : strlen(entry) == n) &&
		    strncasecmp(entry, word, n) == 0)
			return 1;
	}
}

int an_words_capitalised(const char *t, const an_word *w)
{
	unsigned char c = (unsigned char)t[w->cs];
	return isupper(c) || c == 0xC3 || c == 0xC5;
}

int an_words_ends_clause(const char *t, const an_word *w)
{
	char c = t[w->e - 1];
	return c == ',' || c == ';' || c == ':' || w->ce + 2 < w->e;
}

uint32_t an_words_hash(const char *w)
{
	uint32_t h = 2166136261u;
	for (; *w; w++)
		h = (h ^ (unsigned char)*w) * 16777619u;
	return h;
}
