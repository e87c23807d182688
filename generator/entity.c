/* entity.c - names in the text and the entities they stand for (see
 * entity.h).
 *
 * A name is a run of capitalised words, which may hold "of", "for", "de"
 * between them ("Secretary of State Marco Rubio", "Department of
 * Defense").  The first word of a sentence is capitalised anyway, so it
 * opens a name only when it is not a common word.  A title word in the run
 * makes the rest a person's name; keywords make it an organisation or a
 * place, and so does a preposition of place before a single word ("in
 * Canada").  Merging works on folded keys (case and accents): a one-word
 * name joins the longer name it ends ("Türk" -> "Volker Türk"), and an
 * acronym the name whose initials it spells ("UK" -> "United Kingdom"). */
#include "entity.h"
#include "ids.h"
#include "alloc.h"
#include "buf.h"
#include "fsname.h"
#include "terms.h"
#include "words.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_WORDS 200
#define KEY_MAX 128

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
	size_t *pos;
	size_t first[27];
	int made;
} lower_index;

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
	int c = low[0] - 'a';
	for (size_t k = ix->first[c]; k < ix->first[c + 1]; k++) {
		size_t i = ix->pos[k];
		if (i + n <= len && memcmp(t + i, low, n) == 0 &&
		    (i + n == len || !isalpha((unsigned char)t[i + n])))
			return 1;
	}
	return 0;
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
	lower_index ix = {NULL, {0}, 0};
	for (size_t si = 0; si < sentences->len; si++)
		scan_sentence(out, si, text, len, sentences->items[si].start,
		              sentences->items[si].end, &ix);
	free(ix.pos);
}

void an_name_list_free(an_name_list *list)
{
	free(list->items);
	list->items = NULL;
	list->len = list->cap = 0;
}

/* ---- merging ---- */

/* One occurrence with its folded key (the name proper, without title).
 * A real archive has millions: the key lives in one block for all of
 * them (an array of KEY_MAX in each took 200 MB at 10,000 articles). */
typedef struct {
	const char *text; /* borrowed */
	const char *key;  /* in an_entities_build's block of keys */
	size_t doc, idx;
	size_t s, e; /* the name proper as written */
	long group;
	an_entity_type hint;
	int words;
	int opens_sentence;
	int acronym; /* written in capitals: "UK", "CNN" */
} occ;

/* Folds a name: case, accents and dots ("U.S." -> "us"), single spaces. */
static int fold_key(char *out, const char *t, size_t s, size_t e)
{
	char raw[KEY_MAX * 2];
	size_t n = 0;
	int words = 1;
	for (size_t i = s; i < e && n + 2 < sizeof raw; i++) {
		if (t[i] == '.')
			continue;
		if (t[i] == ' ') {
			if (n && raw[n - 1] != ' ')
				raw[n++] = ' ', words++;
			continue;
		}
		raw[n++] = t[i];
	}
	/* "UK’s": the possessive is not part of the name */
	if (n >= 4 && (unsigned char)raw[n - 4] == 0xE2 && raw[n - 1] == 's')
		n -= 4;
	else if (n >= 2 && raw[n - 2] == '\'' && raw[n - 1] == 's')
		n -= 2;
	if (n >= KEY_MAX)
		n = KEY_MAX - 1;
	an_terms_fold_name(out, raw, n);
	return words;
}

static int cmp_occ_key(const void *x, const void *y)
{
	const occ *a = x, *b = y;
	if (a->words != b->words) /* longer names first: they absorb short ones */
		return a->words > b->words ? -1 : 1;
	int k = strcmp(a->key, b->key);
	if (k)
		return k;
	if (a->doc != b->doc)
		return a->doc < b->doc ? -1 : 1;
	return a->idx < b->idx ? -1 : (a->idx > b->idx);
}

/* The initials of a folded multi-word key, skipping connectors:
 * "united kingdom" -> "uk". */
static void initials(char *out, const char *key)
{
	size_t n = 0;
	const char *p = key;
	while (*p && n + 1 < 16) {
		const char *sp = strchr(p, ' ');
		size_t len = sp ? (size_t)(sp - p) : strlen(p);
		if (!((len == 2 && strncmp(p, "of", 2) == 0) || (len == 3 && strncmp(p, "for", 3) == 0) ||
		      (len == 3 && strncmp(p, "and", 3) == 0) || (len == 2 && strncmp(p, "de", 2) == 0)))
			out[n++] = *p;
		p = sp ? sp + 1 : p + len;
	}
	out[n] = '\0';
}

static const char *last_word(const char *key)
{
	const char *sp = strrchr(key, ' ');
	return sp ? sp + 1 : key;
}

typedef struct {
	const char *key; /* its first occurrence's */
	char initials[16];
	size_t first_occ;
	size_t count;
	size_t mid_sentence; /* occurrences not opening their sentence */
	int words;
	int acronym;
	long merged_into; /* -1, or the group this one joined */
} group;

static void slugify(char *out, size_t size, const char *name)
{
	size_t n = 0;
	char folded[KEY_MAX];
	an_terms_fold_name(folded, name, strlen(name) < KEY_MAX ? strlen(name) : KEY_MAX - 1);
	for (const char *p = folded; *p && n + 1 < size; p++) {
		unsigned char c = (unsigned char)*p;
		if (isalnum(c))
			out[n++] = (char)c;
		else if (n && out[n - 1] != '-')
			out[n++] = '-';
	}
	while (n && out[n - 1] == '-')
		n--;
	if (n == 0)
		n = (size_t)snprintf(out, size, "name");
	else if (an_fsname_reserved(out, n) && n + 5 < size) /* "con.html": not on Windows */
		n += (size_t)snprintf(out + n, size - n, "-name");
	out[n] = '\0';
}

/* The name an entity's page shows: the longest form, then the one written
 * most often, then one in mixed case ("London", not the dateline's
 * "LONDON"), then one with its accents ("Türk"). */
static int display_score(const char *t, size_t s, size_t e, size_t count, long *score)
{
	int words = 1, lower = 0, accents = 0;
	for (size_t i = s; i < e; i++) {
		words += t[i] == ' ';
		lower |= islower((unsigned char)t[i]) != 0;
		accents += (unsigned char)t[i] >= 0x80;
	}
	*score = (long)words * 1000000 + (long)count * 1000 + lower * 100 + (accents > 0);
	return words;
}

static const occ *g_cmp_occs; /* for cmp_written; set around one an_qsort */

static int cmp_written(const void *x, const void *y)
{
	const occ *a = &g_cmp_occs[*(const size_t *)x], *b = &g_cmp_occs[*(const size_t *)y];
	size_t la = a->e - a->s, lb = b->e - b->s;
	if (la != lb)
		return la < lb ? -1 : 1;
	int c = memcmp(a->text + a->s, b->text + b->s, la);
	if (c)
		return c;
	return *(const size_t *)x < *(const size_t *)y ? -1 : 1;
}

/* How often each occurrence's name is written exactly so, in the whole
 * site: one sort, not a count over all occurrences for each. */
static size_t *written_counts(const occ *occs, size_t n_occ)
{
	size_t *order = an_xmalloc((n_occ + 1) * sizeof *order);
	size_t *count = an_xmalloc((n_occ + 1) * sizeof *count);
	for (size_t i = 0; i < n_occ; i++)
		order[i] = i;
	g_cmp_occs = occs;
	an_qsort(order, n_occ, sizeof *order, cmp_written);
	g_cmp_occs = NULL;
	for (size_t a = 0; a < n_occ;) {
		const occ *o = &occs[order[a]];
		size_t len = o->e - o->s, z = a + 1;
		while (z < n_occ && occs[order[z]].e - occs[order[z]].s == len &&
		       memcmp(occs[order[z]].text + occs[order[z]].s, o->text + o->s, len) == 0)
			z++;
		for (size_t k = a; k < z; k++)
			count[order[k]] = z - a;
		a = z;
	}
	free(order);
	return count;
}

/* Names each entity after its best written form (display_score); the
 * first occurrence wins a tie.  `best` holds a score per entity. */
typedef struct {
	const char *word;
	size_t group;
} word_ref;

static int cmp_word_ref(const void *x, const void *y)
{
	const word_ref *a = x, *b = y;
	int c = strcmp(a->word, b->word);
	return c ? c : (a->group < b->group ? -1 : a->group > b->group);
}

/* The first entry of sorted `refs` whose word is `word` (or n). */
static size_t word_ref_first(const word_ref *refs, size_t n, const char *word)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (strcmp(refs[mid].word, word) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void pick_display_names(an_entities *out, const occ *occs, size_t n_occ,
                               const group *groups, const long *entity_of_group)
{
	size_t *count = written_counts(occs, n_occ);
	long *best = an_xmalloc((out->len + 1) * sizeof *best);
	for (size_t ei = 0; ei < out->len; ei++)
		best[ei] = -1;
	for (size_t i = 0; i < n_occ; i++) {
		long gi = occs[i].group;
		if (groups[gi].merged_into >= 0)
			gi = groups[gi].merged_into;
		long ei = entity_of_group[gi];
		long score;
		display_score(occs[i].text, occs[i].s, occs[i].e, count[i], &score);
		if (score > best[ei]) {
			an_entity *en = &out->items[ei];
			best[ei] = score;
			free(en->name);
			en->name = an_xstrndup(occs[i].text + occs[i].s, occs[i].e - occs[i].s);
		}
	}
	free(best);
	free(count);
}

typedef struct {
	size_t mentions, index;
	const char *id;
} rank_entry;

static int cmp_rank(const void *x, const void *y)
{
	const rank_entry *a = x, *b = y;
	if (a->mentions != b->mentions)
		return a->mentions > b->mentions ? -1 : 1;
	return strcmp(a->id, b->id);
}

static int cmp_size(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	return a < b ? -1 : a > b;
}

/* Keeps names that are surely names: said twice, or more than one word,
 * or marked by a title or keyword.  A lone word seen only opening
 * sentences ("Analysts say") is a capitalised common noun. */
static int worth_keeping(const group *g, int words, an_entity_type type)
{
	if (words == 1 && g->mid_sentence == 0 && type == AN_ENTITY_NAME && !g->acronym)
		return 0;
	return g->count >= 2 || words >= 2 || type != AN_ENTITY_NAME || g->acronym;
}

void an_entities_build(an_entities *out, const an_entity_doc *docs, size_t n_docs,
                       long ***entity_of)
{
	memset(out, 0, sizeof *out);
	/* sized once: a key is never longer than the name it folds */
	size_t n_occ = 0, key_bytes = 0;
	for (size_t d = 0; d < n_docs; d++)
		for (size_t i = 0; i < docs[d].names->len; i++) {
			const an_name *nm = &docs[d].names->items[i];
			size_t len = nm->end - nm->name_start;
			key_bytes += (len < KEY_MAX ? len : KEY_MAX - 1) + 1;
			n_occ++;
		}
	occ *occs = an_xmalloc((n_occ + 1) * sizeof *occs);
	char *keys = an_xmalloc(key_bytes + 1), *next_key = keys;
	n_occ = 0;
	for (size_t d = 0; d < n_docs; d++)
		for (size_t i = 0; i < docs[d].names->len; i++) {
			const an_name *nm = &docs[d].names->items[i];
			occ *o = &occs[n_occ++];
			o->doc = d;
			o->idx = i;
			o->text = docs[d].text;
			o->s = nm->name_start;
			o->e = nm->end;
			o->hint = nm->hint;
			o->opens_sentence = nm->opens_sentence;
			o->acronym = 1;
			for (size_t k = o->s; k < o->e && o->acronym; k++)
				o->acronym = isupper((unsigned char)o->text[k]) || o->text[k] == '.';
			char key[KEY_MAX];
			o->words = fold_key(key, o->text, o->s, o->e);
			size_t kl = strlen(key), room = key_bytes - (size_t)(next_key - keys) - 1;
			if (kl > room) /* cannot happen: folding never lengthens */
				kl = room;
			memcpy(next_key, key, kl);
			next_key[kl] = '\0';
			o->key = next_key;
			next_key += kl + 1;
			o->group = -1;
		}
	an_qsort(occs, n_occ, sizeof *occs, cmp_occ_key);

	/* groups of equal keys, longest names first */
	group *groups = NULL;
	size_t n_groups = 0, gcap = 0;
	for (size_t i = 0; i < n_occ; i++) {
		if (i == 0 || strcmp(occs[i].key, occs[i - 1].key) != 0) {
			groups = an_xgrow(groups, &gcap, n_groups + 1, sizeof *groups);
			group *g = &groups[n_groups++];
			memset(g, 0, sizeof *g);
			g->key = occs[i].key;
			initials(g->initials, g->key);
			g->first_occ = i;
			g->words = occs[i].words;
			g->acronym = occs[i].acronym;
			g->merged_into = -1;
		}
		groups[n_groups - 1].count++;
		groups[n_groups - 1].mid_sentence += !occs[i].opens_sentence;
		occs[i].group = (long)n_groups - 1;
	}
	/* one-word names join the one longer name they end or abbreviate;
	 * ambiguous ones ("John" of two Johns) stay apart.  The longer names
	 * are looked up by last word and by initials in two sorted tables,
	 * not scanned for each one-word name. */
	size_t n_multi = 0;
	while (n_multi < n_groups && groups[n_multi].words > 1)
		n_multi++;
	word_ref *by_last = an_xmalloc((n_multi + 1) * sizeof *by_last);
	word_ref *by_initials = an_xmalloc((n_multi + 1) * sizeof *by_initials);
	for (size_t hi = 0; hi < n_multi; hi++) {
		by_last[hi] = (word_ref){last_word(groups[hi].key), hi};
		by_initials[hi] = (word_ref){groups[hi].initials, hi};
	}
	an_qsort(by_last, n_multi, sizeof *by_last, cmp_word_ref);
	an_qsort(by_initials, n_multi, sizeof *by_initials, cmp_word_ref);
	for (size_t gi = n_multi; gi < n_groups; gi++) {
		group *g = &groups[gi];
		if (g->words != 1)
			continue;
		long target = -1;
		int ambiguous = 0;
		size_t gl = strlen(g->key);
		for (size_t k = word_ref_first(by_last, n_multi, g->key);
		     k < n_multi && strcmp(by_last[k].word, g->key) == 0; k++) {
			if (target >= 0 && target != (long)by_last[k].group)
				ambiguous = 1;
			target = (long)by_last[k].group;
		}
		for (size_t k = gl >= 2 ? word_ref_first(by_initials, n_multi, g->key) : n_multi;
		     k < n_multi && strcmp(by_initials[k].word, g->key) == 0; k++) {
			const group *h = &groups[by_initials[k].group];
			/* "US" is the initials of "United States", not of "US
			 * SOUTHCOM", which merely starts with it */
			if (strncmp(h->key, g->key, gl) == 0 && h->key[gl] == ' ')
				continue;
			if (target >= 0 && target != (long)by_initials[k].group)
				ambiguous = 1;
			target = (long)by_initials[k].group;
		}
		if (target >= 0 && !ambiguous)
			g->merged_into = target;
	}
	free(by_last);
	free(by_initials);

	/* entities from the groups that did not merge */
	long *entity_of_group = an_xmalloc((n_groups + 1) * sizeof *entity_of_group);
	out->items = an_xcalloc(n_groups + 1, sizeof *out->items);
	for (size_t gi = 0; gi < n_groups; gi++) {
		entity_of_group[gi] = -1;
		if (groups[gi].merged_into >= 0)
			continue;
		an_entity *en = &out->items[out->len];
		memset(en, 0, sizeof *en);
		entity_of_group[gi] = (long)out->len++;
		const occ *o = &occs[groups[gi].first_occ];
		en->name = an_xstrndup(o->text + o->s, o->e - o->s);
	}
	int *votes = an_xcalloc((out->len + 1) * 4, sizeof *votes);
	size_t *en_docs_cap = an_xcalloc(out->len + 1, sizeof *en_docs_cap);
	for (size_t i = 0; i < n_occ; i++) {
		long gi = occs[i].group;
		if (groups[gi].merged_into >= 0)
			gi = groups[gi].merged_into;
		long ei = entity_of_group[gi];
		an_entity *en = &out->items[ei];
		en->mentions++;
		votes[ei * 4 + occs[i].hint]++;
		/* variants as written, each once */
		size_t len = occs[i].e - occs[i].s;
		int seen = 0;
		for (size_t v = 0; v < en->n_variants && !seen; v++)
			seen = strlen(en->variants[v]) == len &&
			       memcmp(en->variants[v], occs[i].text + occs[i].s, len) == 0;
		if (!seen) {
			en->variants = an_xrealloc(en->variants, (en->n_variants + 1) * sizeof *en->variants);
			en->variants[en->n_variants++] = an_xstrndup(occs[i].text + occs[i].s, len);
		}
		/* every doc once: appended here, sorted and made unique below */
		if (!en->n_docs || en->docs[en->n_docs - 1] != occs[i].doc) {
			en->docs = an_xgrow(en->docs, &en_docs_cap[ei], en->n_docs + 1,
			                    sizeof *en->docs);
			en->docs[en->n_docs++] = occs[i].doc;
		}
	}
	free(en_docs_cap);
	pick_display_names(out, occs, n_occ, groups, entity_of_group);
	for (size_t ei = 0; ei < out->len; ei++) {
		an_entity *en = &out->items[ei];
		/* a person or organisation beats a bare name; ties go to the
		 * more specific kind */
		an_entity_type best = AN_ENTITY_NAME;
		for (int ty = AN_ENTITY_PERSON; ty <= AN_ENTITY_PLACE; ty++)
			if (votes[ei * 4 + ty] > votes[ei * 4 + best] ||
			    (best == AN_ENTITY_NAME && votes[ei * 4 + ty] > 0))
				best = (an_entity_type)ty;
		en->type = best;
		an_qsort(en->docs, en->n_docs, sizeof *en->docs, cmp_size);
		size_t u = 0;
		for (size_t k = 0; k < en->n_docs; k++)
			if (u == 0 || en->docs[u - 1] != en->docs[k])
				en->docs[u++] = en->docs[k];
		en->n_docs = u;
	}
	free(votes);

	/* drop the names that are not surely names, then order and name pages */
	long *remap = an_xmalloc((out->len + 1) * sizeof *remap);
	size_t kept = 0;
	/* each group with the groups merged into it */
	size_t *total = an_xcalloc(2 * (n_groups + 1), sizeof *total), *mid = total + n_groups + 1;
	for (size_t hj = 0; hj < n_groups; hj++) {
		long into = groups[hj].merged_into;
		total[into >= 0 ? (size_t)into : hj] += groups[hj].count;
		if (into >= 0)
			mid[into] += groups[hj].mid_sentence;
	}
	for (size_t gi = 0; gi < n_groups; gi++) {
		long ei = entity_of_group[gi];
		if (ei < 0)
			continue;
		an_entity *en = &out->items[ei];
		group g = groups[gi];
		g.count = total[gi];
		g.mid_sentence += mid[gi];
		remap[ei] = worth_keeping(&g, groups[gi].words, en->type) ? 0 : -1;
	}
	free(total);
	for (size_t ei = 0; ei < out->len; ei++) {
		an_entity *en = &out->items[ei];
		if (remap[ei] < 0) {
			for (size_t v = 0; v < en->n_variants; v++)
				free(en->variants[v]);
			free(en->variants);
			free(en->docs);
			free(en->name);
			continue;
		}
		remap[ei] = (long)kept;
		out->items[kept++] = *en;
	}
	out->len = kept;
	for (size_t ei = 0; ei < out->len; ei++)
		slugify(out->items[ei].id, sizeof out->items[ei].id, out->items[ei].name);
	/* order by mentions; remember where each went */
	rank_entry *rank = an_xmalloc((out->len + 1) * sizeof *rank);
	for (size_t ei = 0; ei < out->len; ei++) {
		rank[ei].mentions = out->items[ei].mentions;
		rank[ei].id = out->items[ei].id;
		rank[ei].index = ei;
	}
	an_qsort(rank, out->len, sizeof *rank, cmp_rank);
	size_t *order = an_xmalloc((out->len + 1) * sizeof *order);
	an_entity *sorted = an_xmalloc((out->len + 1) * sizeof *sorted);
	for (size_t k = 0; k < out->len; k++) {
		sorted[k] = out->items[rank[k].index];
		order[rank[k].index] = k;
	}
	if (out->len)
		memcpy(out->items, sorted, out->len * sizeof *sorted);
	free(sorted);
	free(rank);
	/* two names can fold to one slug: pages need distinct ones */
	if (out->len)
		an_ids_dedupe(out->items[0].id, sizeof *out->items, sizeof out->items[0].id,
		              out->len);

	if (entity_of) {
		long **map = an_xcalloc(n_docs + 1, sizeof *map);
		for (size_t d = 0; d < n_docs; d++) {
			map[d] = an_xmalloc((docs[d].names->len + 1) * sizeof **map);
			for (size_t i = 0; i < docs[d].names->len; i++)
				map[d][i] = -1;
		}
		for (size_t i = 0; i < n_occ; i++) {
			long gi = occs[i].group;
			if (groups[gi].merged_into >= 0)
				gi = groups[gi].merged_into;
			long ei = entity_of_group[gi];
			if (ei >= 0 && remap[ei] >= 0)
				map[occs[i].doc][occs[i].idx] = (long)order[remap[ei]];
		}
		*entity_of = map;
	}
	free(order);
	free(remap);
	free(entity_of_group);
	free(groups);
	free(occs);
	free(keys);
}

const char *an_entity_type_name(an_entity_type type)
{
	switch (type) {
	case AN_ENTITY_PERSON: return "person";
	case AN_ENTITY_ORG: return "organisation";
	case AN_ENTITY_PLACE: return "place";
	case AN_ENTITY_NAME: break;
	}
	return "name";
}

void an_entities_free(an_entities *ents)
{
	for (size_t i = 0; i < ents->len; i++) {
		an_entity *en = &ents->items[i];
		for (size_t v = 0; v < en->n_variants; v++)
			free(en->variants[v]);
		free(en->variants);
		free(en->docs);
		free(en->name);
	}
	free(ents->items);
	ents->items = NULL;
	ents->len = 0;
}
