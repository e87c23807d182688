/* entity_scan.c - names in the text (see entity.h; entity.c makes the
 * entities they stand for).
 *
 * A name is a run of capitalised words, which may hold "of", "for", "de"
 * between them ("Secretary of State Marco Rubio", "Department of
 * Defense").  The first word of a sentence is capitalised anyway, so it
 * opens a name only when it is not a common word.  A title word in the run
 * makes the rest a person's name; keywords make it an organisation or a
 * place, and so does a preposition of place before a single word ("in
 * Canada"). */
#include "entity.h"
#include "alloc.h"
#include "words.h"

#include <ctype.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#define MAX_WORDS 200

/* Words that open a person's name when they precede it. */
static const char *const titles[] = {
	"president", "secretary", "minister", "chancellor", "senator", "sen",
	"representative", "rep", "governor", "gov", "admiral", "adm", "general",
	"gen", "commissioner", "chief", "director", "ambassador", "spokesman",
	"spokeswoman", "spokesperson", "premier", "mayor", "judge", "justice",
	"king", "queen", "prince", "princess", "pope", "dr", "mr", "mrs", "ms",
	"lt", "col", "capt", "captain", "sgt", "sergeant", "commander", "envoy",
	"chairman", "chairwoman", "chair", "deputy", "vice", "prime", "foreign",
	"defense", "defence", "attorney", "colonel", "lieutenant", "major",
	"professor", "prof", "rev", "reverend", "sheikh", "emir", "sultan",
	"ayatollah", "archbishop", "bishop", "cardinal", "marshal", "canciller",
	"presidente", "ministro", "high", "counterpart", "leader", "head", NULL};
static an_wordset titles_set = AN_WORDSET(titles);

/* Words that make a name an organisation. */
static const char *const org_words[] = {
	"ministry", "department", "command", "force", "forces", "guard", "duma",
	"council", "parliament", "congress", "pentagon", "agency", "organization",
	"organizations", "organisation", "organisations", "office", "court", "bank",
	"party", "army", "navy", "administration", "government", "university",
	"committee", "commission", "union", "times", "news", "tribune", "tv",
	"post", "institute", "foundation", "corporation", "inc", "ltd", "group",
	"company", "network", "house", "chiefs", "staff", "service", "services",
	"police", "coalition", "alliance", "nations", "senate", "assembly",
	"cabinet", "reuters", "press", "journal", "herald", "gazette", "radio",
	"broadcasting", "task", "staff", "board", "authority", "federation",
	"association", "league", "movement", "front", NULL};
static an_wordset org_words_set = AN_WORDSET(org_words);

/* Words that make a name a place. */
static const char *const place_words[] = {
	"sea", "ocean", "coast", "river", "island", "islands", "gulf", "bay",
	"strait", "canal", "mountains", "valley", "city", "county", "province",
	"region", "kingdom", "republic", "states", "peninsula", "desert", "lake",
	"territory", "territories", "street", "square", "avenue", "caribbean",
	"pacific", "atlantic", NULL};
static an_wordset place_words_set = AN_WORDSET(place_words);

/* A preposition of place before a lone capitalised word. */
static const char *const place_preps[] = {
	"in", "near", "off", "across", "into", "throughout", "from", "to", "toward",
	"towards", "around", "at", "outside", "inside", "within", NULL};
static an_wordset place_preps_set = AN_WORDSET(place_preps);

/* Lowercase words allowed inside a name ("and" is not: "Caracas and
 * Washington" are two names). */
static const char *const connectors[] = {"of", "for", "de", "del", NULL};
static an_wordset connectors_set = AN_WORDSET(connectors);

/* Capitalised only because they open a sentence. */
static const char *const sentence_openers[] = {
	"the", "a", "an", "this", "that", "these", "those", "but", "and", "or", "in",
	"on", "at", "for", "with", "from", "by", "as", "after", "before", "while",
	"when", "however", "meanwhile", "moreover", "also", "last", "earlier",
	"some", "many", "several", "according", "speaking", "it", "he", "she",
	"they", "we", "i", "his", "her", "their", "its", "our", "there", "here",
	"if", "although", "though", "since", "until", "during", "under", "over",
	"behind", "despite", "following", "additionally", "instead", "still", "yet",
	"now", "then", "so", "thus", "both", "each", "every", "all", "any", "no",
	"not", "more", "most", "other", "such", "what", "which", "who", "where",
	"why", "how", "today", "yesterday", "tomorrow", "once", "even", "only",
	"just", "what", "whether", "amid", "among", "against", "without", "within",
	"furthermore", "nevertheless", "separately", "again", "further", "first",
	"second", "finally", "overall", "like", "unlike", "based", NULL};
static an_wordset sentence_openers_set = AN_WORDSET(sentence_openers);

/* Months and weekdays are capitalised but name times, not entities. */
static const char *const calendar_words[] = {
	"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "jan", "feb", "mar", "apr",
	"jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday",
	"tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL};
static an_wordset calendar_words_set = AN_WORDSET(calendar_words);

/* Capitalised words that are not names at any position. */
static const char *const not_names[] = {
	"breaking", "exclusive", "update", "watch", "read", "opinion", "analysis",
	"live", "wait", "photo", "video", "translation", NULL};
static an_wordset not_names_set = AN_WORDSET(not_names);

static int word_is(const char *t, const an_word *w, an_wordset *list)
{
	/* titles may carry a full stop ("Adm."), which the split keeps off */
	return an_wordset_has(list, t, w);
}

static int is_acronym(const char *t, const an_word *w)
{
	size_t letters = 0;
	for (size_t i = w->cs; i < w->ce; i++) {
		if (t[i] == '.')
			continue;
		if (!isupper((unsigned char)t[i]))
			return 0;
		letters++;
	}
	return letters >= 2;
}

/* Is the capitalised word a common word rather than a name?  At the start
 * of a sentence every word is capitalised, and "The", "However", "Last"
 * open no name. */
static int common_word(const char *t, const an_word *w)
{
	return an_wordset_has(&sentence_openers_set, t, w) ||
	       an_wordset_has(&calendar_words_set, t, w) || an_wordset_has(&not_names_set, t, w);
}

/* "Venezuelan", "British", "Western" before a noun describe it: adjectives
 * of nationality or region, not names. */
static int adjective_of_origin(const char *t, const an_word *w)
{
	static const char *const endings[] = {"ian", "ean", "ish", "ese", "ern", "can",
	                                      "lan", NULL};
	size_t n = w->ce - w->cs;
	if (n < 6)
		return 0;
	for (const char *const *e = endings; *e; e++)
		if (strncmp(t + w->ce - 3, *e, 3) == 0)
			return 1;
	return 0;
}

/* Bytes of a possessive ending ("’s" or "'s") on the clean word, or 0. */
static size_t possessive(const char *t, const an_word *w)
{
	size_t n = w->ce - w->cs;
	if (n > 4 && t[w->ce - 1] == 's' && (unsigned char)t[w->ce - 4] == 0xE2 &&
	    (unsigned char)t[w->ce - 2] == 0x99)
		return 4;
	if (n > 2 && t[w->ce - 1] == 's' && t[w->ce - 2] == '\'')
		return 2;
	return 0;
}

/* A word that can be part of a name: capitalised, not common, no slashes
 * or handles (scraped bylines: "OT/JB/SH", "@teleSURtv"). */
static int name_word(const char *t, const an_word *w)
{
	int brand = 0; /* "teleSUR", "eBay": a capital after a lowercase start */
	for (size_t i = w->cs + 1; i < w->ce && !brand; i++)
		brand = islower((unsigned char)t[w->cs]) && isupper((unsigned char)t[i]);
	if ((!an_words_capitalised(t, w) && !brand) || common_word(t, w))
		return 0;
	for (size_t i = w->cs; i < w->ce; i++)
		if (t[i] == '/' || t[i] == '@' || t[i] == '#')
			return 0;
	return 1;
}

static void push_name(an_name_list *out, size_t si, size_t start, size_t end,
                      size_t name_start, an_entity_type hint, int opens)
{
	out->items = an_xgrow(out->items, &out->cap, out->len + 1, sizeof *out->items);
	an_name *n = &out->items[out->len++];
	n->sentence = si;
	n->start = start;
	n->end = end;
	n->name_start = name_start;
	n->hint = hint;
	n->opens_sentence = opens;
}

/* Classifies the run w[a..z] and records it. */
static void take_run(an_name_list *out, size_t si, const char *t, const an_word *w,
                     size_t a, size_t z, const an_word *before)
{
	size_t last_title = (size_t)-1;
	int org = 0, place = 0;
	for (size_t i = a; i <= z; i++) {
		if (word_is(t, &w[i], &titles_set))
			last_title = i;
		org |= word_is(t, &w[i], &org_words_set);
		place |= word_is(t, &w[i], &place_words_set);
	}
	an_entity_type hint = AN_ENTITY_NAME;
	size_t name_first = a;
	if (last_title == (size_t)-1 && before && word_is(t, before, &titles_set) && !org &&
	    !place && !is_acronym(t, &w[a])) {
		hint = AN_ENTITY_PERSON; /* "her counterpart Marco Rubio" */
	} else if (last_title != (size_t)-1 && last_title < z && !org) {
		/* "UN High Commissioner for Human Rights Volker Türk": a person's
		 * name is its last words after the title; a connector after the
		 * title means the title goes on ("Secretary of War Pete ...") */
		size_t first = last_title + 1;
		if (z - first + 1 > 2 || word_is(t, &w[first], &connectors_set))
			first = z >= 1 ? z - 1 : z;
		while (first <= z && word_is(t, &w[first], &connectors_set))
			first++;
		if (first <= z) {
			hint = AN_ENTITY_PERSON;
			name_first = first;
		}
	} else if (org) {
		hint = AN_ENTITY_ORG;
	} else if (place) {
		hint = AN_ENTITY_PLACE;
	} else if (a == z && before && word_is(t, before, &place_preps_set) &&
	           !is_acronym(t, &w[a])) {
		hint = AN_ENTITY_PLACE;
	} else if (a == z && is_acronym(t, &w[a]) && w[a].ce - w[a].cs >= 3 &&
	           w[a].ce - w[a].cs <= 5 && !memchr(t + w[a].cs, '.', w[a].ce - w[a].cs)) {
		hint = AN_ENTITY_ORG; /* "CNN", "NATO" */
	}
	if (last_title == z && !org)
		return; /* a bare title: "the President" */
	push_name(out, si, w[a].cs, w[z].ce, w[name_first].cs, hint, a == 0);
}

/* The small words a title leaves in lower case ("Background of the
 * Intelligence Partnership"). */
static const char *const title_small_words[] = {
	"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with",
	"from", "as", "vs", NULL};
static an_wordset title_small_words_set = AN_WORDSET(title_small_words);

/* Headlines and section titles capitalise every word: no names there.
 * Either most words are capitalised, or the sentence is a heading: no
 * closing stop, and every word but the small ones capitalised. */
static int title_case(const char *t, const an_word *w, size_t n, size_t s, size_t e)
{
	size_t caps = 0, big = 0, big_caps = 0;
	for (size_t i = 0; i < n; i++) {
		int cap = an_words_capitalised(t, &w[i]) != 0;
		caps += cap;
		if (!word_is(t, &w[i], &title_small_words_set)) {
			big++;
			big_caps += cap;
		}
	}
	if (n >= 4 && caps * 10 >= n * 7)
		return 1;
	while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\n' || t[e - 1] == '"'))
		e--;
	int stop = e > s && (t[e - 1] == '.' || t[e - 1] == '!' || t[e - 1] == '?' ||
	                     t[e - 1] == ':' || t[e - 1] == ';');
	return !stop && n > big && big >= 2 && big_caps == big;
}

/* Where the words of an article that begin in lowercase start, by their
 * first letter: pos[first[c - 'a'], first[c - 'a' + 1]) for letter c.
 * Made on the first question, for the article's sentences to share. */
typedef struct {
	char word[41]; /* "" for a free slot */
	unsigned char len;
	signed char found;
} lower_answer;

typedef struct {
	size_t *pos;
	size_t first[27];
	int made;
	/* the answers given, by word: a long article asks the same first
	 * words ("The", "But") again and again, and each answer walks all
	 * the words of its letter */
	lower_answer *memo;
	size_t memo_cap, memo_len;
} lower_index;

static uint64_t word_hash(const char *w, size_t n)
{
	uint64_t h = 1469598103934665603u; /* FNV-1a */
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)w[i]) * 1099511628211u;
	return h;
}

/* The slot of word w[0, n) in the memo: its answer, or the free slot
 * where it goes.  The memo must have a free slot. */
static lower_answer *memo_slot(const lower_index *ix, const char *w, size_t n)
{
	size_t mask = ix->memo_cap - 1;
	for (size_t k = (size_t)word_hash(w, n) & mask;; k = (k + 1) & mask) {
		lower_answer *a = &ix->memo[k];
		if (!a->len || (a->len == n && memcmp(a->word, w, n) == 0))
			return a;
	}
}

static void memo_put(lower_index *ix, const char *w, size_t n, int found)
{
	if (2 * (ix->memo_len + 1) > ix->memo_cap) {
		lower_index old = *ix;
		ix->memo_cap = old.memo_cap ? 2 * old.memo_cap : 64;
		ix->memo = an_xcalloc(ix->memo_cap, sizeof *ix->memo);
		for (size_t k = 0; k < old.memo_cap; k++)
			if (old.memo[k].len)
				*memo_slot(ix, old.memo[k].word, old.memo[k].len) = old.memo[k];
		free(old.memo);
	}
	lower_answer *a = memo_slot(ix, w, n);
	memcpy(a->word, w, n);
	a->len = (unsigned char)n;
	a->found = (signed char)found;
	ix->memo_len++;
}

static void lower_index_make(lower_index *ix, const char *t, size_t len)
{
	size_t count[26] = {0};
	for (size_t i = 0; i < len; i++)
		if (t[i] >= 'a' && t[i] <= 'z' && (i == 0 || !isalpha((unsigned char)t[i - 1])))
			count[t[i] - 'a']++;
	ix->first[0] = 0;
	for (int c = 0; c < 26; c++)
		ix->first[c + 1] = ix->first[c] + count[c];
	ix->pos = an_xmalloc((ix->first[26] + 1) * sizeof *ix->pos);
	size_t at[26];
	memcpy(at, ix->first, sizeof at);
	for (size_t i = 0; i < len; i++)
		if (t[i] >= 'a' && t[i] <= 'z' && (i == 0 || !isalpha((unsigned char)t[i - 1])))
			ix->pos[at[t[i] - 'a']++] = i;
	ix->made = 1;
}

/* Does the word occur in lowercase somewhere in text[0, len)?  Asked of
 * the first word of most sentences: the text's words that start with its
 * letter are compared, where a scan of the whole text for each made the
 * names a tenth of the analysis. */
static int lowercase_elsewhere(const char *t, size_t len, const an_word *w, lower_index *ix)
{
	size_t n = w->ce - w->cs;
	if (n < 2 || n > 40 || !isupper((unsigned char)t[w->cs]))
		return 0;
	char low[48];
	low[0] = (char)tolower((unsigned char)t[w->cs]);
	memcpy(low + 1, t + w->cs + 1, n - 1);
	if (low[0] < 'a' || low[0] > 'z')
		return 0;
	if (!ix->made)
		lower_index_make(ix, t, len);
	if (ix->memo_cap) {
		const lower_answer *a = memo_slot(ix, low, n);
		if (a->len)
			return a->found;
	}
	int c = low[0] - 'a', found = 0;
	for (size_t k = ix->first[c]; k < ix->first[c + 1] && !found; k++) {
		size_t i = ix->pos[k];
		found = i + n <= len && memcmp(t + i, low, n) == 0 &&
		        (i + n == len || !isalpha((unsigned char)t[i + n]));
	}
	memo_put(ix, low, n, found);
	return found;
}

static void scan_sentence(an_name_list *out, size_t si, const char *t, size_t len,
                          size_t s, size_t e, lower_index *ix)
{
	an_word w[MAX_WORDS];
	size_t n = an_words_split(w, MAX_WORDS, t, s, e);
	if (title_case(t, w, n, s, e))
		return;
	size_t i = 0;
	while (i < n) {
		if (!name_word(t, &w[i])) {
			i++;
			continue;
		}
		size_t a = i, z = i;
		/* extend over capitalised words and inner connectors; a comma,
		 * quote, bracket or possessive ends the name */
		while (z + 1 < n && !an_words_ends_clause(t, &w[z]) && w[z].ce == w[z].e &&
		       !possessive(t, &w[z])) {
			size_t next = z + 1;
			if (word_is(t, &w[next], &connectors_set) && next + 1 < n &&
			    name_word(t, &w[next + 1]) && w[next].ce == w[next].e)
				next++;
			if (!name_word(t, &w[next]) || w[next].cs != w[next].s)
				break;
			z = next;
		}
		i = z + 1;
		if (z + 1 < n && adjective_of_origin(t, &w[z]) &&
		    !an_words_capitalised(t, &w[z + 1]) && w[z].ce == w[z].e)
			continue; /* "Latin American waters" */
		if (a == z && a == 0 && lowercase_elsewhere(t, len, &w[a], ix))
			continue; /* "Sources told ...": a common noun opening a sentence */
		an_word last = w[z];
		last.ce -= possessive(t, &last);
		an_word saved = w[z];
		w[z] = last;
		const an_word *before = a > 0 ? &w[a - 1] : NULL;
		/* "in the US": look past an article for the preposition */
		if (before && a > 1 && before->ce - before->cs == 3 &&
		    strncasecmp(t + before->cs, "the", 3) == 0)
			before = &w[a - 2];
		take_run(out, si, t, w, a, z, before);
		w[z] = saved;
	}
}

void an_entity_scan(an_name_list *out, const char *text, const an_sentence_list *sentences)
{
	size_t len = strlen(text);
	lower_index ix = {NULL, {0}, 0, NULL, 0, 0};
	for (size_t si = 0; si < sentences->len; si++)
		scan_sentence(out, si, text, len, sentences->items[si].start,
		              sentences->items[si].end, &ix);
	free(ix.pos);
	free(ix.memo);
}

void an_name_list_free(an_name_list *list)
{
	free(list->items);
	list->items = NULL;
	list->len = list->cap = 0;
}
