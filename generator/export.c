/* export.c - timeline.json and the terminal timeline (see export.h). */
#include "export.h"

#include <string.h>

const char *an_export_sentence(const an_site *site, const an_mention *m, size_t *len)
{
	const an_analysis *an = &site->analyses[m->doc];
	const an_sentence *s = &an->sentences.items[m->sentence];
	*len = s->end - s->start;
	return site->articles[m->doc].text + s->start;
}

static void json_key(an_buf *out, const char *key, const char *value)
{
	an_buf_json(out, key);
	an_buf_putc(out, ':');
	an_buf_json(out, value);
}

/* The git history of an article, when the site is in a repository: keys
 * only for what is known (a shallow clone knows no first_published). */
static void json_history(an_buf *out, const an_article_history *h)
{
	if (h->first_published[0]) {
		an_buf_putc(out, ',');
		json_key(out, "first_published", h->first_published);
	}
	if (h->last_modified[0]) {
		an_buf_putc(out, ',');
		json_key(out, "last_modified", h->last_modified);
	}
	if (h->n_authors) {
		an_buf_puts(out, ",\"authors\":[");
		for (size_t i = 0; i < h->n_authors; i++) {
			if (i)
				an_buf_putc(out, ',');
			an_buf_json(out, h->authors[i]);
		}
		an_buf_putc(out, ']');
	}
}

/* {"quantity":"people killed","values":[{"value":76,"text":"at least 76",
 * "article":"slug"}, ...]} */
static void json_dispute(an_buf *out, const an_site *site, const an_dispute *d)
{
	an_buf_putc(out, '{');
	json_key(out, "quantity", d->quantity);
	an_buf_puts(out, ",\"values\":[");
	for (size_t i = 0; i < d->n_figures; i++) {
		const an_figure *f = &site->figures.items[d->figures[i]];
		const char *text = site->articles[f->doc].text;
		an_buf_printf(out, "%s{\"value\":%.15g,\"text\":\"", i ? "," : "", f->value);
		an_buf_json_str(out, text + f->start, f->end - f->start);
		an_buf_puts(out, "\",");
		json_key(out, "article", site->articles[f->doc].slug);
		an_buf_putc(out, '}');
	}
	an_buf_puts(out, "]}");
}

static void json_event(an_buf *out, const an_site *site, const an_event *ev, int dated)
{
	an_buf_putc(out, '{');
	json_key(out, "id", ev->id);
	if (dated) {
		an_buf_putc(out, ',');
		json_key(out, "date", ev->value);
		an_buf_putc(out, ',');
		json_key(out, "granularity", an_granularity_name(ev->span.gran));
		if (ev->mod[0]) {
			an_buf_putc(out, ',');
			json_key(out, "mod", ev->mod);
		}
	}
	an_buf_putc(out, ',');
	json_key(out, "title", ev->title);
	an_buf_putc(out, ',');
	json_key(out, "summary", ev->summary);
	an_buf_puts(out, ",\"sources\":[");
	for (size_t i = 0; i < ev->n_sources; i++) {
		if (i)
			an_buf_putc(out, ',');
		an_buf_json(out, site->articles[ev->sources[i]].slug);
	}
	an_buf_puts(out, "],\"entities\":[");
	for (size_t i = 0; i < ev->n_entities; i++) {
		if (i)
			an_buf_putc(out, ',');
		an_buf_json(out, site->entities.items[ev->entities[i]].id);
	}
	an_buf_puts(out, "],\"disputes\":[");
	for (size_t i = 0; i < ev->n_disputes; i++) {
		if (i)
			an_buf_putc(out, ',');
		json_dispute(out, site, &site->disputes.items[ev->disputes[i]]);
	}
	an_buf_putc(out, ']');
	if (dated)
		an_buf_printf(out, ",\"rank\":%zu", ev->rank);
	an_buf_puts(out, ",\"mentions\":[");
	for (size_t i = 0; i < ev->n_mentions; i++) {
		const an_mention *m = &ev->mentions[i];
		size_t len;
		const char *s = an_export_sentence(site, m, &len);
		an_buf_puts(out, i ? ",{" : "{");
		json_key(out, "article", site->articles[m->doc].slug);
		an_buf_puts(out, ",\"sentence\":\"");
		an_buf_json_str(out, s, len);
		an_buf_putc(out, '"');
		if (m->timex >= 0) {
			const an_timex *t = &site->analyses[m->doc].timexes.items[m->timex];
			an_buf_puts(out, ",\"timex\":{\"text\":\"");
			an_buf_json_str(out, site->articles[m->doc].text + t->start, t->end - t->start);
			an_buf_puts(out, "\",");
			json_key(out, "value", t->value);
			if (t->mod[0]) {
				an_buf_putc(out, ',');
				json_key(out, "mod", t->mod);
			}
			an_buf_putc(out, '}');
		}
		an_buf_putc(out, '}');
	}
	an_buf_puts(out, "]}");
}

typedef struct {
	an_buf *out;
	int first;
} id_list;

static void json_event_id(const an_event *ev, void *payload)
{
	id_list *l = payload;
	an_buf_puts(l->out, l->first ? "" : ",");
	an_buf_json(l->out, ev->id);
	l->first = 0;
}

static void json_entities(an_buf *out, const an_site *site)
{
	an_entity_events idx;
	an_site_entity_events_index(&idx, site);
	for (size_t i = 0; i < site->entities.len; i++) {
		const an_entity *en = &site->entities.items[i];
		an_buf_puts(out, i ? ",\n{" : "\n{");
		json_key(out, "id", en->id);
		an_buf_putc(out, ',');
		json_key(out, "name", en->name);
		an_buf_putc(out, ',');
		json_key(out, "type", an_entity_type_name(en->type));
		an_buf_puts(out, ",\"variants\":[");
		for (size_t v = 0; v < en->n_variants; v++) {
			if (v)
				an_buf_putc(out, ',');
			an_buf_json(out, en->variants[v]);
		}
		an_buf_puts(out, "],\"articles\":[");
		for (size_t d = 0; d < en->n_docs; d++) {
			if (d)
				an_buf_putc(out, ',');
			an_buf_json(out, site->articles[en->docs[d]].slug);
		}
		an_buf_puts(out, "],\"events\":[");
		id_list l = {out, 1};
		for (size_t k = idx.first[i]; k < idx.first[i + 1]; k++)
			json_event_id(idx.events[k], &l);
		an_buf_puts(out, "]}");
	}
	an_entity_events_free(&idx);
}

#define DRAIN_AT ((size_t)1 << 20)

void an_export_step(an_export_out *o)
{
	if (!o->drain || o->buf.len < DRAIN_AT)
		return;
	if (!o->failed && o->drain(o->payload, o->buf.ptr, o->buf.len) < 0)
		o->failed = 1;
	an_buf_clear(&o->buf);
}

void an_export_run(an_buf *out, void (*fn)(an_export_out *, const an_site *),
                   const an_site *site)
{
	an_export_out o = AN_EXPORT_OUT_INIT;
	o.buf = *out;
	fn(&o, site);
	*out = o.buf;
}

void an_export_timeline_json(an_buf *out, const an_site *site)
{
	an_export_run(out, an_export_timeline_json_to, site);
}

void an_export_timeline_json_to(an_export_out *o, const an_site *site)
{
	an_buf *out = &o->buf;
	an_buf_puts(out, "{");
	json_key(out, "title", site->config.title);
	an_buf_puts(out, ",\n\"articles\":[");
	for (size_t i = 0; i < site->n_articles; i++) {
		const an_article *a = &site->articles[i];
		char date[16];
		snprintf(date, sizeof date, "%04d-%02d-%02d", a->meta.date.y, a->meta.date.m,
		         a->meta.date.d);
		an_buf_puts(out, i ? ",\n{" : "\n{");
		json_key(out, "slug", a->slug);
		an_buf_putc(out, ',');
		json_key(out, "title", a->meta.title);
		an_buf_putc(out, ',');
		json_key(out, "date", date);
		an_buf_putc(out, ',');
		json_key(out, "source", a->meta.source);
		an_buf_putc(out, ',');
		json_key(out, "path", a->path);
		json_history(out, &a->history);
		an_buf_putc(out, '}');
		an_export_step(o);
	}
	an_buf_puts(out, "],\n\"events\":[");
	for (size_t i = 0; i < site->timeline.n_events; i++) {
		an_buf_puts(out, i ? ",\n" : "\n");
		json_event(out, site, &site->timeline.events[i], 1);
		an_export_step(o);
	}
	an_buf_puts(out, "],\n\"undated\":[");
	for (size_t i = 0; i < site->timeline.n_undated; i++) {
		an_buf_puts(out, i ? ",\n" : "\n");
		json_event(out, site, &site->timeline.undated[i], 0);
		an_export_step(o);
	}
	an_buf_puts(out, "],\n\"entities\":[");
	json_entities(out, site);
	an_buf_puts(out, "],\n\"disputes\":[");
	for (size_t i = 0; i < site->disputes.len; i++) {
		an_buf_puts(out, i ? ",\n" : "\n");
		json_dispute(out, site, &site->disputes.items[i]);
		an_export_step(o);
	}
	an_buf_puts(out, "]}\n");
}

static void text_event(an_buf *out, const an_site *site, const an_event *ev)
{
	an_buf label = AN_BUF_INIT;
	if (ev->value[0])
		an_value_label(&label, ev->value, ev->mod);
	else
		an_buf_puts(&label, "(no date)");
	an_buf_printf(out, "%-26s  %s\n", label.ptr, ev->title);
	an_buf_free(&label);
	an_buf_printf(out, "%-26s  ", "");
	for (size_t i = 0; i < ev->n_sources; i++) {
		/* an outlet's name where known, else the article's slug */
		const an_article *a = &site->articles[ev->sources[i]];
		an_buf_printf(out, "%s%s", i ? ", " : "sources: ",
		              strcmp(a->meta.source, "unknown") ? a->meta.source : a->slug);
	}
	an_buf_putc(out, '\n');
}

void an_export_timeline_text(an_buf *out, const an_site *site)
{
	an_buf_printf(out, "%s: %zu event%s from %zu article%s\n\n", site->config.title,
	              site->timeline.n_events, site->timeline.n_events == 1 ? "" : "s",
	              site->n_articles, site->n_articles == 1 ? "" : "s");
	for (size_t i = 0; i < site->timeline.n_events; i++)
		text_event(out, site, &site->timeline.events[i]);
	if (site->timeline.n_undated) {
		an_buf_puts(out, "\nWithout a date:\n");
		for (size_t i = 0; i < site->timeline.n_undated; i++)
			text_event(out, site, &site->timeline.undated[i]);
	}
}
