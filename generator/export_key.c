/* export_key.c - what the data exports are made from, as one hash (see
 * export.h): a build whose hash is the last build's keeps their files
 * instead of writing 200 MB again at 10,000 articles.
 *
 * Everything an exporter reads goes in, in a fixed order: the settings,
 * each article's text (through the timeline's key when the build made
 * one), metadata and history (the analyses follow from the texts, their
 * dates and the annals binary, which the caller salts in),
 * every event as the hooks and the later stages left it, the entities,
 * the disputes and their figures.  Hashing these is a walk over the
 * site's arrays; making the exports formats 200 MB of text. */
#include "export.h"
#include "acache.h"

#include <string.h>

static uint64_t mix_str(uint64_t h, const char *s)
{
	return s ? an_acache_mix_bytes(h, s, strlen(s)) : an_acache_mix(h, 0x5bd1e995u);
}

static uint64_t mix_size(uint64_t h, size_t n)
{
	return an_acache_mix(h, (uint64_t)n);
}

/* A list: its length, then its items. */
static uint64_t mix_strs(uint64_t h, char *const *list, size_t n)
{
	h = mix_size(h, n);
	for (size_t i = 0; i < n; i++)
		h = mix_str(h, list[i]);
	return h;
}

static uint64_t mix_sizes(uint64_t h, const size_t *list, size_t n)
{
	h = mix_size(h, n);
	for (size_t i = 0; i < n; i++)
		h = mix_size(h, list[i]);
	return h;
}

/* `text`: whether to hash the article's text (not when the timeline's
 * key, which covers every text, is in the hash already) */
static uint64_t article_key(uint64_t h, const an_article *a, int text)
{
	h = mix_str(h, a->slug);
	h = mix_str(h, a->path);
	if (text)
		h = an_acache_mix_bytes(h, a->text ? a->text : "", a->text ? a->text_len : 0);
	h = mix_str(h, a->meta.title);
	h = mix_str(h, a->meta.source);
	h = mix_size(h, (size_t)(long)an_date_to_days(a->meta.date));
	const an_article_history *hi = &a->history;
	h = mix_str(h, hi->first_published);
	h = mix_str(h, hi->first_commit);
	h = mix_str(h, hi->last_modified);
	h = mix_str(h, hi->last_commit);
	return mix_strs(h, hi->authors, hi->n_authors);
}

static uint64_t event_key(uint64_t h, const an_event *ev)
{
	h = mix_str(h, ev->id);
	h = mix_str(h, ev->value);
	h = mix_str(h, ev->mod);
	h = an_acache_mix(h, (uint64_t)ev->span.gran);
	h = an_acache_mix(h, (uint64_t)ev->span.first);
	h = an_acache_mix(h, (uint64_t)ev->span.last);
	h = mix_str(h, ev->title);
	h = mix_str(h, ev->summary);
	h = mix_size(h, ev->rank);
	h = mix_size(h, ev->n_mentions);
	for (size_t i = 0; i < ev->n_mentions; i++) {
		const an_mention *m = &ev->mentions[i];
		h = mix_size(mix_size(mix_size(h, m->doc), m->sentence), (size_t)m->timex);
	}
	h = mix_sizes(h, ev->sources, ev->n_sources);
	h = mix_sizes(h, ev->entities, ev->n_entities);
	h = mix_sizes(h, ev->disputes, ev->n_disputes);
	h = mix_strs(h, ev->notes, ev->n_notes);
	return mix_str(h, ev->era);
}

uint64_t an_export_key(const an_site *site)
{
	const an_config *c = &site->config;
	uint64_t h = mix_str(0x243F6A8885A308D3ULL, c->title);
	h = mix_str(h, c->description);
	h = mix_str(h, c->base_url);
	h = mix_str(h, c->language);
	h = mix_size(h, site->n_articles);
	/* a build with a timeline cache hashed every text for its key
	 * (an_timeline_key: the texts, slugs, dates and order) */
	h = an_acache_mix(h, site->timeline_key);
	for (size_t d = 0; d < site->n_articles; d++)
		h = article_key(h, &site->articles[d], site->timeline_key == 0);
	const an_timeline *tl = &site->timeline;
	h = mix_size(h, tl->n_events);
	for (size_t i = 0; i < tl->n_events; i++)
		h = event_key(h, &tl->events[i]);
	h = mix_size(h, tl->n_undated);
	for (size_t i = 0; i < tl->n_undated; i++)
		h = event_key(h, &tl->undated[i]);
	h = mix_size(h, site->entities.len);
	for (size_t i = 0; i < site->entities.len; i++) {
		const an_entity *en = &site->entities.items[i];
		h = mix_str(mix_str(h, en->id), en->name);
		h = an_acache_mix(h, (uint64_t)en->type);
		h = mix_strs(h, en->variants, en->n_variants);
		h = mix_sizes(h, en->docs, en->n_docs);
	}
	h = mix_size(h, site->disputes.len);
	for (size_t i = 0; i < site->disputes.len; i++) {
		const an_dispute *dp = &site->disputes.items[i];
		h = mix_str(h, dp->quantity);
		h = mix_size(h, dp->n_figures);
		for (size_t k = 0; k < dp->n_figures; k++) {
			const an_figure *f = &site->figures.items[dp->figures[k]];
			uint64_t bits;
			memcpy(&bits, &f->value, sizeof bits);
			h = mix_size(mix_size(mix_size(an_acache_mix(h, bits), f->doc), f->start), f->end);
		}
	}
	return h;
}
