/* headline.c - headline from a sentence (see headline.h).
 *
 * The sentence becomes a list of words, each with the punctuation glued to
 * it; trimming works on that list, so every rule reads as "drop words i..j"
 * and the result is rebuilt with single spaces. */
#include "headline.h"
#include "alloc.h"
#include "buf.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_WORDS 256

typedef struct {
	const char *s;
	size_t n;
} word;

typedef struct {
	word w[MAX_WORDS];
	size_t n;
} words;

static int is_one_of(const word *w, const char *const *list)
{
	size_t n = w->n;
	/* compare without trailing punctuation */
	while (n > 0 && ispunct((unsigned char)w->s[n - 1]))
		n--;
	/* on every word of every candidate headline: most list words differ
	 * in the first letter, so no strlen of each */
	for (; *list; list++) {
		const char *l = *list;
		size_t k = 0;
		while (k < n && l[k] && tolower((unsigned char)l[k]) == tolower((unsigned char)w->s[k]))
			k++;
		if (k == n && l[n] == '\0')
			return 1;
	}
	return 0;
}

static int ends_with_comma(const word *w)
{
	return w->n > 0 && w->s[w->n - 1] == ',';
}

static const char *const preps_before_date[] = {
	"on", "in", "at", "since", "during", "by", "from", "until", "till",
	"through", "throughout", "of", "for", "as", "around", "about", NULL};

static const char *const openers[] = {
	"however", "meanwhile", "according", "in", "on", "at", "after", "before",
	"while", "although", "though", "as", "since", "for", "under", "behind",
	"additionally", "moreover", "furthermore", "but", "and", "yet", "still",
	"now", "then", "with", "despite", "following", "speaking", "instead",
	"also", "again", "so", "thus", "today", "yesterday", "separately",
	"which", "who", "where", "when", NULL};

static const char *const insert_starters[] = {
	"in", "on", "at", "according", "citing", "who", "which", "speaking",
	"obtained", "revealed", "head", "as", "with", "despite", "following",
	"after", "before", "along", "including", "among", "released", "passed",
	"based", "reportedly", "allegedly", "itself", "the", "a", "an", "his",
	"her", "their", "its", "once", "later", "another", "whose", NULL};

static const char *const clause_cuts[] = {
	"which", "who", "amid", "citing", "while", "but", "saying", "warning",
	"adding", "because", "after", "following", "raising", "marking", "as",
	"whereas", "where", "although", "though", "despite", "according", NULL};

static const char *const boundary_words[] = {
	"over", "in", "on", "at", "for", "with", "by", "from", "into", "after",
	"before", "amid", "during", "against", "near", "off", "and", "or", "but",
	"as", "that", "while", "because", "regarding", "about", "which", "who",
	"including", "under", "toward", "towards", "through", "across", "between",
	"within", "without", "to", NULL};

static const char *const dangling[] = {
	"the", "a", "an", "of", "to", "and", "or", "in", "on", "at", "for",
	"with", "by", "from", "that", "its", "their", "his", "her", "as", "is",
	"was", "has", "have", "been", "be", "which", "who", "over", "into",
	"than", "this", "these", "those", "our", "my", "your", "were", "are",
	"had", "will", "would", "could", "should", "not", "amid", "but", NULL};

static const char *const conjunctions[] = {"and", "but", "yet", "so", "or", "nor", NULL};

static const char *const subordinators[] = {
	"after", "before", "when", "while", "because", "although", "though",
	"since", "until", "once", "whereas", "as", NULL};

static const char *const vague_sources[] = {
	"sources", "officials", "reports", "analysts", "experts", "critics",
	"observers", "diplomats", "insiders", "people", "witnesses", NULL};

static const char *const reporting_verbs[] = {
	"said", "says", "stated", "declared", "told", "warned", "added", "noted",
	"wrote", "tweeted", "announced", "insisted", "claimed", "argued",
	"explained", "reported", "tell", "tells", "report", "reports",
	"indicate", "indicates", "indicated", "suggest", "suggests", "revealed",
	"confirmed", "say", NULL};

static void split_words(words *ws, const char *s, size_t len)
{
	size_t i = 0;
	ws->n = 0;
	while (i < len && ws->n < MAX_WORDS) {
		while (i < len && isspace((unsigned char)s[i]))
			i++;
		size_t st = i;
		while (i < len && !isspace((unsigned char)s[i]))
			i++;
		if (i > st) {
			ws->w[ws->n].s = s + st;
			ws->w[ws->n].n = i - st;
			ws->n++;
		}
	}
}

static void drop(words *ws, size_t from, size_t to)
{
	if (to > ws->n)
		to = ws->n;
	if (from >= to)
		return;
	memmove(ws->w + from, ws->w + to, (ws->n - to) * sizeof *ws->w);
	ws->n -= to - from;
}

/* The length of a possessive "'s" (straight or curly apostrophe) at s[i]
 * that ends a word, else 0. */
static size_t possessive_at(const char *s, size_t len, size_t i)
{
	size_t n = 0;
	if (i + 2 <= len && s[i] == '\'' && s[i + 1] == 's')
		n = 2;
	else if (i + 4 <= len && memcmp(s + i, "\xE2\x80\x99s", 4) == 0)
		n = 4;
	if (n && i + n < len && isalnum((unsigned char)s[i + n]))
		return 0;
	return n;
}

/* The text so far ends with an opening quote mark: no space after it. */
static int opens_quote(const an_buf *b)
{
	char c = b->ptr[b->len - 1];
	return c == '"' || c == '`' ||
	       (b->len >= 3 && memcmp(b->ptr + b->len - 3, "\xE2\x80\x9C", 3) == 0);
}

/* Removes the date phrase (already blanked out) and the preposition that
 * introduced it; returns the text with the phrase gone. */
static void remove_date(an_buf *out, const char *s, size_t len, size_t cs, size_t ce)
{
	if (cs >= ce || ce > len) {
		an_buf_put(out, s, len);
		return;
	}
	/* "the handling of Wednesday's meeting": the date is a determiner;
	 * "the" takes its place, and the preposition stays */
	size_t poss = possessive_at(s, len, ce);
	if (poss) {
		an_buf_put(out, s, cs);
		int first = 1;
		for (size_t i = 0; i < cs; i++)
			if (!isspace((unsigned char)s[i]))
				first = 0;
		an_buf_puts(out, first ? "The" : "the");
		an_buf_put(out, s + ce + poss, len - ce - poss);
		return;
	}
	size_t before = cs;
	while (before > 0 && s[before - 1] == ' ')
		before--;
	size_t ws = before;
	while (ws > 0 && !isspace((unsigned char)s[ws - 1]))
		ws--;
	word prev = {s + ws, before - ws};
	if (prev.n && is_one_of(&prev, preps_before_date) && !ispunct((unsigned char)s[before - 1]))
		cs = ws;
	/* an opening quote mark stays: "“Today, I'm here" -> "“I'm here" */
	size_t lead = 0, quote = 0;
	for (;;) {
		if (lead < cs && (isspace((unsigned char)s[lead]) || s[lead] == '"' || s[lead] == '`'))
			lead++;
		else if (lead + 3 <= cs && memcmp(s + lead, "\xE2\x80\x9C", 3) == 0)
			lead += 3;
		else
			break;
		quote = lead;
	}
	while (quote > 0 && isspace((unsigned char)s[quote - 1]))
		quote--;
	if (lead == cs) { /* the date opened the sentence: "Last week, ..." */
		while (ce < len && (s[ce] == ',' || s[ce] == ' '))
			ce++;
		cs = quote;
	}
	an_buf_put(out, s, cs);
	size_t after = ce;
	while (after < len && s[after] == ' ')
		after++;
	/* "began in early September, when" -> "began, when"; and a date
	 * between commas leaves one: "Georgina, 1983, followed" */
	while (out->len && out->ptr[out->len - 1] == ' ')
		out->len--;
	int comma_before = out->len && out->ptr[out->len - 1] == ',';
	if (after < len && (s[after] == ',' || s[after] == '.' || s[after] == ';')) {
		ce = after;
		if (comma_before && s[after] == ',')
			ce++;
	} else if (out->len && !opens_quote(out)) {
		an_buf_putc(out, ' ');
	}
	an_buf_put(out, s + ce, len - ce);
}

/* Em dashes glued to words ("Duma—Russia's lower house—passed") become
 * separate words, so asides between them can be dropped; '#' of hashtags
 * goes. */
static void space_dashes(an_buf *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (i + 2 < len && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
		    (unsigned char)s[i + 2] == 0x94) {
			an_buf_puts(out, " \xE2\x80\x94 ");
			i += 2;
		} else if (s[i] == '#' && i + 1 < len && isalpha((unsigned char)s[i + 1]) &&
		           (i == 0 || isspace((unsigned char)s[i - 1]))) {
			continue;
		} else {
			an_buf_putc(out, s[i]);
		}
	}
}

/* Text from the first URL on is a link or tweet signature, not prose. */
static size_t cut_at_url(const char *s, size_t len)
{
	for (size_t i = 0; i + 4 < len; i++)
		if (strncmp(s + i, "http", 4) == 0 &&
		    (strncmp(s + i, "https://", 8 < len - i ? 8 : len - i) == 0 ||
		     strncmp(s + i, "http://", 7 < len - i ? 7 : len - i) == 0))
			return i;
	return len;
}

/* Sentence openers that are lower case inside a sentence. */
static const char *const lower_starters[] = {
	"the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she",
	"they", "we", "his", "her", "their", "our", "there", "some", "many", "most",
	"several", "all", "both", "one", "two", "three", "no", "another", "each",
	"officials", "police", "authorities", "we've", "we're", "we'll", "it's",
	"that's", "there's", "they're", "they've", "he's", "she's", "you", "to", "in",
	"on", "at", "for", "with", "from", "by", "after", "before", "during", "under",
	"over", "about", "against",
	"as", "since", "until", "into", "if", "when", "while", "what", "who", "which",
	"more", "only", "also", "even", "just", "now", "then", "still", "such", "not",
	"is", "was", "were", "are", "has", "have", "had", "will", "would", "could",
	"can", "may", "might", "should", "must", NULL};

/* The closing mark of a quotation opened by `open` (a curly, straight or
 * wire-style ``quote'') at s[k], as its length; 0 if none. */
static size_t closes_at(const char *s, size_t n, size_t k, const char *open)
{
	const char *close = open[0] == '"' ? "\"" : open[0] == '`' ? "''" : "\xE2\x80\x9D";
	size_t m = strlen(close);
	return k + m <= n && memcmp(s + k, close, m) == 0 ? m : 0;
}

/* A speaker quoted at the start: “Quote,” Name said ... -> "Name says quote".
 * Returns 1 and fills `out` when the pattern holds. */
static int quoted_speaker(an_buf *out, const words *ws)
{
	const word *f = &ws->w[0];
	const char *open = f->n >= 3 && memcmp(f->s, "\xE2\x80\x9C", 3) == 0 ? "\xE2\x80\x9C"
	                   : f->n >= 2 && memcmp(f->s, "``", 2) == 0     ? "``"
	                   : f->s[0] == '"'                              ? "\""
	                                                                 : NULL;
	if (!open)
		return 0;
	size_t skip = strlen(open);
	size_t close = ws->n;
	for (size_t i = 0; i < ws->n && close == ws->n; i++) {
		const word *w = &ws->w[i];
		for (size_t k = (i == 0 ? skip : 0); k < w->n; k++)
			if (closes_at(w->s, w->n, k, open))
				close = i;
	}
	if (close == ws->n || close + 2 >= ws->n)
		return 0;
	/* speaker: capitalised words right after the quote, then a verb */
	size_t v = close + 1;
	while (v < ws->n && v < close + 5 && isupper((unsigned char)ws->w[v].s[0]))
		v++;
	if (v == close + 1 || v >= ws->n || !is_one_of(&ws->w[v], reporting_verbs))
		return 0;
	an_buf_put(out, ws->w[v - 1].s, ws->w[v - 1].n);
	an_buf_puts(out, " says ");
	for (size_t i = 0; i <= close; i++) {
		const char *s = ws->w[i].s + (i == 0 ? skip : 0);
		size_t n = ws->w[i].n - (i == 0 ? skip : 0);
		if (i == close) { /* drop the closing quote and what follows it */
			for (size_t k = 0; k < n; k++)
				if (closes_at(s, n, k, open)) {
					n = k;
					break;
				}
		}
		/* the quote goes on the sentence: a word that is never a name
		 * loses its capital ("says we were", "says Gonzalez is") */
		word w0 = {s, n};
		if (i == 0 && n > 1 && isupper((unsigned char)s[0]) && is_one_of(&w0, lower_starters)) {
			an_buf_putc(out, (char)tolower((unsigned char)s[0]));
			s++;
			n--;
		}
		an_buf_put(out, s, n);
		an_buf_putc(out, ' ');
	}
	return 1;
}

static int is_dash(const word *w)
{
	return (w->n == 3 && memcmp(w->s, "\xE2\x80\x94", 3) == 0) ||
	       (w->n == 3 && memcmp(w->s, "\xE2\x80\x93", 3) == 0) ||
	       (w->n == 2 && memcmp(w->s, "--", 2) == 0);
}

/* Position just past an em or en dash inside word w, or 0. */
static size_t glued_dash(const word *w)
{
	for (size_t k = 1; k + 3 <= w->n; k++)
		if ((unsigned char)w->s[k] == 0xE2 && (unsigned char)w->s[k + 1] == 0x80 &&
		    ((unsigned char)w->s[k + 2] == 0x94 || (unsigned char)w->s[k + 2] == 0x93))
			return k + 3;
	return 0;
}

/* A label before the story: "BREAKING:", "UPDATE:", "Exclusive–The". */
static void drop_label(words *ws)
{
	if (ws->n < 2)
		return;
	word *w = &ws->w[0];
	if (w->n > 1 && w->s[w->n - 1] == ':' && isupper((unsigned char)w->s[0])) {
		drop(ws, 0, 1);
		return;
	}
	size_t d = glued_dash(w);
	if (d && d < w->n && isupper((unsigned char)w->s[0]) && isupper((unsigned char)w->s[d])) {
		w->s += d;
		w->n -= d;
	}
}

static void trim_clauses(words *ws)
{
	drop_label(ws);
	/* an aside between dashes: "the strikes — which have killed 76 — amount" */
	for (size_t i = 1; i < ws->n; i++) {
		if (!is_dash(&ws->w[i]))
			continue;
		size_t j = i + 1;
		while (j < ws->n && j < i + 16 && !is_dash(&ws->w[j]))
			j++;
		if (j < ws->n && is_dash(&ws->w[j]))
			drop(ws, i, j + 1);
		break;
	}
	/* a clause cut from its sentence may open with its subordinator:
	 * "after the upstream dam failed" */
	int comma_soon = 0;
	for (size_t i = 0; i < ws->n && i < 10; i++)
		comma_soon |= ends_with_comma(&ws->w[i]);
	if (ws->n > 4 && !comma_soon && is_one_of(&ws->w[0], subordinators))
		drop(ws, 0, 1);
	/* "And the council agreed": a conjunction only links to what came
	 * before */
	if (ws->n > 4 && is_one_of(&ws->w[0], conjunctions) && !ends_with_comma(&ws->w[0]))
		drop(ws, 0, 1);
	/* "Sources indicate that ...": unnamed sources say nothing a headline
	 * needs, unlike "Maduro warned that ..." */
	for (size_t i = 1; i < 3 && i + 5 < ws->n && is_one_of(&ws->w[0], vague_sources); i++)
		if (is_one_of(&ws->w[i], reporting_verbs) && !ends_with_comma(&ws->w[i]) &&
		    ws->w[i + 1].n == 4 && strncmp(ws->w[i + 1].s, "that", 4) == 0) {
			drop(ws, 0, i + 2);
			break;
		}
	/* "The shift began, when the administration initiated ...": a short
	 * main clause that only says something happened; the event is in the
	 * "when" clause */
	for (size_t i = 1; i < 4 && i + 5 < ws->n; i++)
		if (ends_with_comma(&ws->w[i]) && ws->w[i + 1].n == 4 &&
		    strncasecmp(ws->w[i + 1].s, "when", 4) == 0) {
			drop(ws, 0, i + 2);
			break;
		}
	/* leading adverbials and attributions, up to their comma */
	for (int round = 0; round < 3 && ws->n > 4; round++) {
		if (!is_one_of(&ws->w[0], openers))
			break;
		size_t c = 0;
		while (c < ws->n && c < 10 && !ends_with_comma(&ws->w[c]))
			c++;
		if (c >= 10 || c + 4 >= ws->n)
			break;
		drop(ws, 0, c + 1);
	}
	/* inserted clauses between commas: ", in a fiery address to the nation," */
	for (size_t i = 0; i + 1 < ws->n; i++) {
		if (!ends_with_comma(&ws->w[i]) || !is_one_of(&ws->w[i + 1], insert_starters))
			continue;
		size_t j = i + 1;
		while (j < ws->n && j < i + 14 && !ends_with_comma(&ws->w[j]))
			j++;
		if (j >= ws->n || j >= i + 14 || j + 1 >= ws->n)
			continue;
		ws->w[i].n--; /* the comma before the insert */
		drop(ws, i + 1, j + 1);
	}
	/* trailing subordinate clauses and attributions */
	for (size_t i = 3; i + 1 < ws->n; i++) {
		int comma = ends_with_comma(&ws->w[i]);
		int dash = is_dash(&ws->w[i + 1]);
		if ((comma && (is_one_of(&ws->w[i + 1], clause_cuts) ||
		               (i + 2 < ws->n && is_one_of(&ws->w[i + 2], reporting_verbs)) ||
		               (i + 3 < ws->n && is_one_of(&ws->w[i + 3], reporting_verbs)))) ||
		    dash || (ws->w[i].n && ws->w[i].s[ws->w[i].n - 1] == ';')) {
			ws->n = i + 1;
			break;
		}
	}
}

/* Titles that open a person's name: "Foreign Secretary Yvette Cooper"
 * is "Cooper" in a headline. */
static const char *const titles[] = {
	"president", "secretary", "minister", "chancellor", "senator", "governor",
	"admiral", "adm.", "general", "gen.", "commissioner", "chief", "director",
	"ambassador", "spokesman", "spokeswoman", "spokesperson", "premier",
	"mayor", "judge", "justice", "counterpart", "leader", "king", "queen",
	"prince", "pope", "sen.", "rep.", "gov.", "dr.", "mr.", "mrs.", "ms.",
	"lt.", "col.", "capt.", "sgt.", "commander", "envoy", "chairman",
	"chairwoman", "chair", NULL};

static int is_capitalised(const word *w)
{
	unsigned char c = (unsigned char)w->s[0];
	return isupper(c) || c == 0xC3 || c == 0xC5;
}

/* Replaces "<Title words> First Last" with "Last" wherever a title word
 * is followed by capitalised words; "of", "for" and "the" may sit inside
 * a title ("Secretary of State Marco Rubio"). */
static void compress_names(words *ws)
{
	for (size_t i = 0; i < ws->n; i++) {
		size_t start = i;
		/* back up over capitalised words before the title ("US Secretary") */
		if (!is_one_of(&ws->w[i], titles))
			continue;
		if (!is_capitalised(&ws->w[i])) {
			start = i + 1; /* "her counterpart Marco Rubio": keep the noun */
		} else {
			while (start > 0 && is_capitalised(&ws->w[start - 1]) &&
			       !ends_with_comma(&ws->w[start - 1]))
				start--;
		}
		size_t j = i + 1, last_cap = 0;
		while (j < ws->n && j < i + 8) {
			const word *w = &ws->w[j];
			if (is_capitalised(w) || is_one_of(w, titles)) {
				if (is_capitalised(w))
					last_cap = j;
				if (ends_with_comma(w))
					break;
				j++;
			} else if (w->n <= 3 && (strncmp(w->s, "of", 2) == 0 ||
			                         strncmp(w->s, "for", 3) == 0 ||
			                         strncmp(w->s, "the", 3) == 0)) {
				j++;
			} else {
				break;
			}
		}
		/* need a name after the title: two capitalised words at least */
		if (last_cap <= i + 1 || !is_capitalised(&ws->w[last_cap - 1]) ||
		    last_cap <= start)
			continue;
		drop(ws, start, last_cap);
		i = start;
	}
}

static void fit_length(words *ws)
{
	if (ws->n > AN_HEADLINE_WORDS) {
		size_t cut = 0;
		for (size_t i = 5; i <= AN_HEADLINE_WORDS && i < ws->n; i++)
			if (is_one_of(&ws->w[i], boundary_words) || ends_with_comma(&ws->w[i - 1]))
				cut = i;
		ws->n = cut ? cut : AN_HEADLINE_WORDS;
		/* a cut modifier ("vessels allegedly linked") reads as unfinished:
		 * end before the adverb */
		for (size_t i = ws->n >= 3 ? ws->n - 3 : 1; i + 1 < ws->n; i++) {
			const word *w = &ws->w[i], *v = &ws->w[i + 1];
			if (i >= 3 && w->n > 4 && strncmp(w->s + w->n - 2, "ly", 2) == 0 &&
			    v->n > 3 && strncmp(v->s + v->n - 2, "ed", 2) == 0) {
				ws->n = i;
				break;
			}
		}
	}
	while (ws->n > 3) {
		word *w = &ws->w[ws->n - 1];
		if (ends_with_comma(w))
			w->n--;
		else if (is_one_of(w, dangling) ||
		         (w->n > 4 && strncmp(w->s + w->n - 2, "ly", 2) == 0))
			ws->n--;
		else
			break;
	}
}

/* Removes unbalanced quote marks and trailing punctuation. */
static void tidy(an_buf *b)
{
	/* a quotation cut in half loses its marks: curly, straight, and the
	 * ``wire style'' of two backticks and two apostrophes */
	int open = 0, close = 0, straight = 0, ticks = 0, apos = 0;
	for (size_t i = 0; i < b->len; i++) {
		if (b->ptr[i] == '"')
			straight++;
		if (i + 1 < b->len && b->ptr[i] == '`' && b->ptr[i + 1] == '`')
			ticks++, i++;
		else if (i + 1 < b->len && b->ptr[i] == '\'' && b->ptr[i + 1] == '\'')
			apos++, i++;
		if (i + 2 < b->len && (unsigned char)b->ptr[i] == 0xE2 &&
		    (unsigned char)b->ptr[i + 1] == 0x80) {
			open += (unsigned char)b->ptr[i + 2] == 0x9C;
			close += (unsigned char)b->ptr[i + 2] == 0x9D;
		}
	}
	an_buf t = AN_BUF_INIT;
	for (size_t i = 0; i < b->len; i++) {
		unsigned char c = (unsigned char)b->ptr[i];
		if (c == '"' && straight % 2)
			continue;
		if (i + 1 < b->len && (c == '`' || c == '\'') && b->ptr[i + 1] == (char)c) {
			/* typeset when whole, dropped when cut */
			if (ticks == apos)
				an_buf_puts(&t, c == '`' ? "\xE2\x80\x9C" : "\xE2\x80\x9D");
			i++;
			continue;
		}
		if (c == 0xE2 && i + 2 < b->len && (unsigned char)b->ptr[i + 1] == 0x80 &&
		    ((unsigned char)b->ptr[i + 2] == 0x9C || (unsigned char)b->ptr[i + 2] == 0x9D) &&
		    open != close) {
			i += 2;
			continue;
		}
		an_buf_putc(&t, (char)c);
	}
	/* "policies of war,”" ends "policies of war”" */
	if (t.len >= 4 && memcmp(t.ptr + t.len - 3, "\xE2\x80\x9D", 3) == 0 &&
	    t.ptr[t.len - 4] && strchr(",;:", t.ptr[t.len - 4])) {
		memmove(t.ptr + t.len - 4, t.ptr + t.len - 3, 3);
		t.ptr[--t.len] = '\0';
	}
	while (t.len && (strchr(" .,;:-", t.ptr[t.len - 1]) != NULL)) {
		/* keep the last dot of "U.S." */
		if (t.ptr[t.len - 1] == '.' && t.len >= 3 && t.ptr[t.len - 3] == '.')
			break;
		t.ptr[--t.len] = '\0';
	}
	/* capitalise a plain first word, not a brand ("teleSUR", "iPhone") */
	int plain = 1;
	for (size_t i = 1; i < t.len && t.ptr[i] != ' '; i++)
		if (isupper((unsigned char)t.ptr[i]))
			plain = 0;
	if (t.len && plain && islower((unsigned char)t.ptr[0]))
		t.ptr[0] = (char)toupper((unsigned char)t.ptr[0]);
	an_buf_free(b);
	*b = t;
}

char *an_headline(const char *sentence, size_t len, size_t cut_start, size_t cut_end)
{
	an_buf text = AN_BUF_INIT, out = AN_BUF_INIT;
	remove_date(&text, sentence, len, cut_start, cut_end);
	text.len = cut_at_url(text.ptr, text.len);
	an_buf spaced = AN_BUF_INIT;
	space_dashes(&spaced, text.ptr, text.len);
	words ws;
	split_words(&ws, spaced.ptr ? spaced.ptr : "", spaced.len);
	an_buf quoted = AN_BUF_INIT;
	if (ws.n > 2 && quoted_speaker(&quoted, &ws))
		split_words(&ws, quoted.ptr, quoted.len);
	else
		trim_clauses(&ws);
	if (ws.n > AN_HEADLINE_WORDS)
		compress_names(&ws);
	fit_length(&ws);
	for (size_t i = 0; i < ws.n; i++) {
		if (i)
			an_buf_putc(&out, ' ');
		an_buf_put(&out, ws.w[i].s, ws.w[i].n);
	}
	tidy(&out);
	an_buf_free(&quoted);
	an_buf_free(&spaced);
	an_buf_free(&text);
	if (out.len == 0) { /* nothing survived: fall back to the sentence start */
		an_buf_put(&out, sentence, len < 80 ? len : 80);
	}
	return an_buf_detach(&out);
}

char *an_headline_reported(const char *headline, const char *reporter)
{
	an_buf b = AN_BUF_INIT;
	an_buf_puts(&b, reporter);
	an_buf_puts(&b, " reports ");
	/* "The UK has ..." continues the sentence: "CNN reports the UK has";
	 * only a word that is never a name loses its capital ("Castro reports
	 * Gonzalez said", not "gonzalez") */
	size_t first = strcspn(headline, " ");
	word w0 = {headline, first};
	if (isupper((unsigned char)headline[0]) && is_one_of(&w0, lower_starters))
		an_buf_putc(&b, (char)tolower((unsigned char)headline[0])), headline++;
	an_buf_puts(&b, headline);
	words ws;
	split_words(&ws, b.ptr, b.len);
	fit_length(&ws);
	an_buf out = AN_BUF_INIT;
	for (size_t i = 0; i < ws.n; i++) {
		if (i)
			an_buf_putc(&out, ' ');
		an_buf_put(&out, ws.w[i].s, ws.w[i].n);
	}
	tidy(&out);
	an_buf_free(&b);
	return an_buf_detach(&out);
}
