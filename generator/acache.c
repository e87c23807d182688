/* acache.c - the analysis cache (see acache.h).
 *
 * An analysis depends only on the article's plain text and its
 * publication date (the tagger's anchor), and holds offsets, not pointers,
 * into the text: so it moves between two articles with equal text and
 * date.  Entries are keyed by two independent 64-bit hashes of the text,
 * its length and the date; a false match would need both hashes to collide
 * at once. */
#include "acache.h"
#include "alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	uint64_t h1, h2;
	size_t len;
	long date;
	an_analysis an;
	int used; /* taken or given since the last trim */
	int live; /* holds an analysis */
} entry;

/* Entries, and an open-addressing table from h1 to entry index + 1 (0 is
 * empty), so a lookup costs the same for ten articles as for ten thousand. */
struct an_acache {
	entry *items;
	size_t len, cap;
	size_t *slots;
	size_t n_slots; /* a power of two, at least twice len */
	size_t hits;
};

static void index_add(an_acache *c, size_t i)
{
	size_t s = (size_t)c->items[i].h1 & (c->n_slots - 1);
	while (c->slots[s])
		s = (s + 1) & (c->n_slots - 1);
	c->slots[s] = i + 1;
}

static void reindex(an_acache *c)
{
	size_t want = 64;
	while (want < 2 * (c->len + 1))
		want *= 2;
	free(c->slots);
	c->n_slots = want;
	c->slots = an_xcalloc(want, sizeof *c->slots);
	for (size_t i = 0; i < c->len; i++)
		index_add(c, i);
}

static void key_of(entry *e, const an_article *a)
{
	uint64_t h1 = 1469598103934665603ULL, h2 = 0x9E3779B97F4A7C15ULL;
	for (size_t i = 0; i < a->text_len; i++) {
		unsigned char c = (unsigned char)a->text[i];
		h1 = (h1 ^ c) * 1099511628211ULL;
		h2 = (h2 + c + 1) * 0xBF58476D1CE4E5B9ULL;
		h2 ^= h2 >> 31;
	}
	e->h1 = h1;
	e->h2 = h2;
	e->len = a->text_len;
	e->date = an_date_to_days(a->meta.date);
}

an_acache *an_acache_new(void)
{
	return an_xcalloc(1, sizeof(an_acache));
}

int an_acache_take(an_acache *c, an_analysis *out, const an_article *a)
{
	if (!c)
		return 0;
	entry k;
	key_of(&k, a);
	if (!c->n_slots)
		return 0;
	for (size_t s = (size_t)k.h1 & (c->n_slots - 1); c->slots[s];
	     s = (s + 1) & (c->n_slots - 1)) {
		entry *e = &c->items[c->slots[s] - 1];
		if (e->live && e->h1 == k.h1 && e->h2 == k.h2 && e->len == k.len &&
		    e->date == k.date) {
			*out = e->an;
			memset(&e->an, 0, sizeof e->an);
			e->live = 0;
			e->used = 1;
			c->hits++;
			return 1;
		}
	}
	return 0;
}

void an_acache_give(an_acache *c, an_analysis *an, const an_article *a)
{
	if (!c) {
		an_analysis_free(an);
		return;
	}
	c->items = an_xgrow(c->items, &c->cap, c->len + 1, sizeof *c->items);
	entry *e = &c->items[c->len++];
	memset(e, 0, sizeof *e);
	key_of(e, a);
	e->an = *an;
	e->live = 1;
	e->used = 1;
	memset(an, 0, sizeof *an);
	if (2 * c->len > c->n_slots)
		reindex(c);
	else
		index_add(c, c->len - 1);
}

void an_acache_trim(an_acache *c)
{
	if (!c)
		return;
	size_t k = 0;
	for (size_t i = 0; i < c->len; i++) {
		entry *e = &c->items[i];
		if (e->live && e->used) {
			e->used = 0;
			c->items[k++] = *e;
		} else if (e->live) {
			an_analysis_free(&e->an);
		}
	}
	c->len = k;
	reindex(c);
}

size_t an_acache_size(const an_acache *c)
{
	return c ? c->len : 0;
}

size_t an_acache_hits(const an_acache *c)
{
	return c ? c->hits : 0;
}

void an_acache_free(an_acache *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->len; i++)
		if (c->items[i].live)
			an_analysis_free(&c->items[i].an);
	free(c->items);
	free(c->slots);
	free(c);
}
