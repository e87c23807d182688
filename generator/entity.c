/* entity.c - the entities that the names of entity_scan.c stand for
 * (see entity.h).  Merging works on folded keys (case and accents): a
 * one-word name joins the longer name it ends ("Türk" -> "Volker Türk"),
 * and an acronym the name whose initials it spells ("UK" -> "United
 * Kingdom"). */
#include "entity.h"
#include "ids.h"
#include "alloc.h"
#include "fsname.h"
#include "terms.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KEY_MAX 128

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
