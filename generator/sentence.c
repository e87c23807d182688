/* sentence.c - sentence boundaries (see sentence.h).
 *
 * A boundary is a terminator (. ! ?) plus closing quotes, followed by space
 * and something that can open a sentence.  Scraped text often loses the
 * space ("law.The"); then a lowercase word, the terminator and a capitalised
 * word are enough, because abbreviations and initials ("U.S.", "Adm.") are
 * capitalised or listed.  Tweets embedded in articles end with a date glued
 * to the next sentence ("2025Before"), which is split too. */
#include "sentence.h"
#include "alloc.h"

#include <ctype.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>

/* Abbreviations that end with a full stop but rarely end a sentence. */
static const char *const abbrevs[] = {
	"mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen",
	"lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "cpl", "pvt", "gov",
	"sen", "rep", "rev", "hon", "pres", "supt", "insp", "det", "no", "nos",
	"vs", "v", "etc", "inc", "ltd", "co", "corp", "bros", "dept", "univ",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
	"nov", "dec", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat",
	"sun", "approx", "est", "fig", "vol", "pp", "ed", "eds", "al",
};

/* Words that open sentences; after an acronym with dots ("U.S.") only these
 * make a boundary, since "U.S. Coast Guard" is far more common. */
static const char *const openers[] = {
	"The", "This", "That", "These", "Those", "It", "He", "She", "They", "We",
	"I", "But", "And", "In", "On", "At", "A", "An", "However", "Meanwhile",
	"Its", "His", "Her", "Their", "There", "Some", "Officials", "According",
};

static int in_list(const char *const *list, size_t n, const char *s, size_t len,
                   int fold)
{
	for (size_t i = 0; i < n; i++) {
		size_t m = strlen(list[i]);
		if (m != len)
			continue;
		if (fold ? strncasecmp(list[i], s, len) == 0 : strncmp(list[i], s, len) == 0)
			return 1;
	}
	return 0;
}

/* Uppercase ASCII or Latin-1 uppercase letter (U+00C0-U+00DE) at text+i. */
static int is_upper_at(const char *t, size_t len, size_t i)
{
	unsigned char c = (unsigned char)t[i];
	if (c >= 'A' && c <= 'Z')
		return 1;
	if (c == 0xC3 && i + 1 < len) {
		unsigned char d = (unsigned char)t[i + 1];
		return d >= 0x80 && d <= 0x9E && d != 0x97;
	}
	return 0;
}

static int is_lower(unsigned char c)
{
	return c >= 'a' && c <= 'z';
}

/* Length of a closing quote/bracket at text+i, or 0. */
static size_t closer_len(const char *t, size_t len, size_t i)
{
	unsigned char c = (unsigned char)t[i];
	if (c == '"' || c == '\'' || c == ')' || c == ']')
		return 1;
	/* ” U+201D and ’ U+2019 */
	if (c == 0xE2 && i + 2 < len && (unsigned char)t[i + 1] == 0x80 &&
	    ((unsigned char)t[i + 2] == 0x9D || (unsigned char)t[i + 2] == 0x99))
		return 3;
	return 0;
}

/* Length of an opening quote/bracket at text+i, or 0. */
static size_t opener_len(const char *t, size_t len, size_t i)
{
	unsigned char c = (unsigned char)t[i];
	if (c == '"' || c == '\'' || c == '(' || c == '[')
		return 1;
	/* “ U+201C and ‘ U+2018 */
	if (c == 0xE2 && i + 2 < len && (unsigned char)t[i + 1] == 0x80 &&
	    ((unsigned char)t[i + 2] == 0x9C || (unsigned char)t[i + 2] == 0x98))
		return 3;
	return 0;
}

/* The word that ends just before position `dot`: [*ws, dot). Includes
 * inner dots so that "U.S" is one word. */
static size_t word_before(const char *t, size_t dot, size_t *ws)
{
	size_t i = dot;
	while (i > 0 && (isalnum((unsigned char)t[i - 1]) || t[i - 1] == '.' ||
	                 (unsigned char)t[i - 1] >= 0x80))
		i--;
	*ws = i;
	return dot - i;
}

static size_t word_len_at(const char *t, size_t len, size_t i)
{
	size_t j = i;
	while (j < len && (isalnum((unsigned char)t[j]) || (unsigned char)t[j] >= 0x80))
		j++;
	return j - i;
}

/* Is the period at `dot` the end of an abbreviation or initial? */
static int is_abbrev(const char *t, size_t dot)
{
	size_t ws, n = word_before(t, dot, &ws);
	if (n == 0)
		return 0;
	if (n == 1 && isupper((unsigned char)t[ws]))
		return 1; /* an initial: "John F. Kennedy" */
	if (in_list(abbrevs, sizeof abbrevs / sizeof *abbrevs, t + ws, n, 1))
		return 1;
	return 0;
}

/* Does the word before `dot` contain inner dots ("U.S")? */
static int is_dotted_acronym(const char *t, size_t dot)
{
	size_t ws, n = word_before(t, dot, &ws);
	return n >= 3 && memchr(t + ws, '.', n) != NULL;
}

/* Decides whether a sentence ends at the terminator at `i`; on yes returns
 * the index just past the terminator and its closing quotes. */
static size_t boundary_after(const char *t, size_t len, size_t i)
{
	char c = t[i];
	size_t j = i + 1;
	if (c == '.' && j < len && t[j] == '.')
		return 0; /* ellipsis inside a sentence; the last dot decides */
	size_t q;
	while (j < len && (q = closer_len(t, len, j)) > 0)
		j += q;
	size_t end = j;
	int spaced = 0;
	while (j < len && (t[j] == ' ' || t[j] == '\t' || t[j] == '\n' || t[j] == '\r')) {
		spaced = 1;
		j++;
	}
	if (j >= len)
		return end;
	while (j < len && (q = opener_len(t, len, j)) > 0)
		j += q;
	if (j >= len)
		return 0;
	int upper = is_upper_at(t, len, j);
	int digit = isdigit((unsigned char)t[j]);
	if (c != '.')
		return (upper || digit) && spaced ? end : 0;
	if (!upper && !(digit && spaced))
		return 0;
	if (is_dotted_acronym(t, i)) { /* "U.S.", "p.m.", "e.g."; not "U.S.A" */
		size_t wl = word_len_at(t, len, j);
		return spaced && in_list(openers, sizeof openers / sizeof *openers, t + j, wl, 0)
		       ? end : 0;
	}
	if (is_abbrev(t, i))
		return 0;
	if (!spaced) {
		/* "law.The": a lowercase word before, a capitalised word after;
		 * "example.Com" style domains are rare in news prose.  After an
		 * acronym ("the US.A memo") the next word may be "A" or "I". */
		if (i == 0 || j + 1 >= len)
			return 0;
		int next_word = is_lower((unsigned char)t[j + 1]) ||
		                (t[j + 1] == ' ' && (t[j] == 'A' || t[j] == 'I'));
		size_t ws;
		size_t wl = word_before(t, i, &ws);
		int acronym = wl >= 2 && wl <= 5;
		for (size_t k = ws; k < i && acronym; k++)
			acronym = isupper((unsigned char)t[k]);
		if (!next_word || (!is_lower((unsigned char)t[i - 1]) && !acronym))
			return 0;
	}
	return end;
}

/* A run of 2+ digits glued to a capitalised word ("2025Before"). */
static int glued_number(const char *t, size_t len, size_t i)
{
	return i >= 2 && isdigit((unsigned char)t[i - 1]) &&
	       isdigit((unsigned char)t[i - 2]) && i + 2 < len &&
	       isupper((unsigned char)t[i]) && is_lower((unsigned char)t[i + 1]) &&
	       is_lower((unsigned char)t[i + 2]);
}

static void push(an_sentence_list *out, const char *t, size_t s, size_t e)
{
	while (s < e && isspace((unsigned char)t[s]))
		s++;
	while (e > s && isspace((unsigned char)t[e - 1]))
		e--;
	if (s == e)
		return;
	out->items = an_xgrow(out->items, &out->cap, out->len + 1, sizeof *out->items);
	out->items[out->len].start = s;
	out->items[out->len].end = e;
	out->len++;
}

void an_sentence_split(an_sentence_list *out, const char *t, size_t len)
{
	size_t start = 0;
	for (size_t i = 0; i < len; i++) {
		char c = t[i];
		if (c == '\n' && i + 1 < len && t[i + 1] == '\n') {
			push(out, t, start, i);
			start = i + 2;
			i++;
			continue;
		}
		if (c == '.' || c == '!' || c == '?') {
			size_t e = boundary_after(t, len, i);
			if (e) {
				push(out, t, start, e);
				start = e;
				i = e - 1;
			}
			continue;
		}
		if (glued_number(t, len, i)) {
			push(out, t, start, i);
			start = i;
		}
	}
	push(out, t, start, len);
}

size_t an_sentence_find(const an_sentence_list *list, size_t pos)
{
	size_t lo = 0, hi = list->len;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (list->items[mid].start <= pos)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

void an_sentence_list_free(an_sentence_list *list)
{
	free(list->items);
	list->items = NULL;
	list->len = list->cap = 0;
}
