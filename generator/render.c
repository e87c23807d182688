/* render.c - site tables for the Lua theme, and its pages back (see
 * render.h).  The tables follow docs/themes.md; everything is copied into
 * Lua strings, so a theme cannot reach or corrupt C memory.  The fields
 * made on first use are render_lazy.c's. */
#include "render.h"
#include "render_impl.h"
#include "acache.h"
#include "alloc.h"
#include "buf.h"
#include "fsname.h"
#include "sandbox.h"

#include <ctype.h>
#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>

void an_pages_add(an_pages *pages, const char *path, const char *data, size_t len)
{
	pages->items = an_xgrow(pages->items, &pages->cap, pages->len + 1,
	                        sizeof *pages->items);
	an_page *p = &pages->items[pages->len++];
	p->path = an_xstrdup(path);
	p->data = data ? an_xstrndup(data, len) : NULL;
	p->len = len;
	p->emitted = 0;
}

void an_pages_free(an_pages *pages)
{
	for (size_t i = 0; i < pages->len; i++) {
		free(pages->items[i].path);
		free(pages->items[i].data);
	}
	free(pages->items);
	pages->items = NULL;
	pages->len = pages->cap = 0;
}

int an_render_path_ok(const char *path)
{
	size_t n = strlen(path);
	if (n == 0 || n > 1024 || path[0] == '/' || path[n - 1] == '/')
		return 0;
	for (const char *p = path; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == '\\' || *p == ':')
			return 0;
	for (const char *seg = path; seg;) {
		const char *end = strchr(seg, '/');
		size_t len = end ? (size_t)(end - seg) : strlen(seg);
		if (len == 0 || len > 255 || (len == 1 && seg[0] == '.') ||
		    (len == 2 && seg[0] == '.' && seg[1] == '.') || an_fsname_reserved(seg, len))
			return 0;
		seg = end ? end + 1 : NULL;
	}
	return 1;
}

static int digits_at(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

int an_render_html_datetime(const char *v)
{
	size_t n = strlen(v);
	if (n < 4 || !digits_at(v, 4))
		return 0;
	if (n == 4)
		return 1;
	if (v[4] != '-')
		return 0;
	if (n == 8 && v[5] == 'W' && digits_at(v + 6, 2)) {
		int w = (v[6] - '0') * 10 + (v[7] - '0');
		return w >= 1 && w <= 53;
	}
	if (n < 7 || !digits_at(v + 5, 2))
		return 0;
	int m = (v[5] - '0') * 10 + (v[6] - '0');
	if (m < 1 || m > 12)
		return 0;
	if (n == 7)
		return 1;
	if (n < 10 || v[7] != '-' || !digits_at(v + 8, 2))
		return 0;
	an_date d = {atoi(v), m, (v[8] - '0') * 10 + (v[9] - '0')};
	if (!an_date_valid(d))
		return 0;
	if (n == 10)
		return 1;
	return n == 16 && v[10] == 'T' && digits_at(v + 11, 2) && v[13] == ':' &&
	       digits_at(v + 14, 2) && atoi(v + 11) < 24 && atoi(v + 14) < 60;
}

/* ---- fingerprints ---- */

/* A table's fingerprint is made as its fields are set: each key and value
 * is mixed in, in the order the push functions below set them (the same
 * in every state).  Every field of an event, article or entity table goes
 * through these fp_* setters, so that the fingerprint stands for all of
 * it; the rank never does (set_fingerprint).  Hashing the finished
 * table instead walked it through the Lua API in each state: 40% of
 * pushing the site. */
static void fp_mix_str(uint64_t *h, const char *s, size_t n)
{
	*h = an_acache_mix_bytes(*h, s, n);
}

static void fp_key(uint64_t *h, const char *key)
{
	fp_mix_str(h, key, strlen(key));
}

static void fp_set_lstr(lua_State *L, uint64_t *h, const char *key, const char *v, size_t n)
{
	an_rt_set_lstr(L, key, v, n);
	fp_key(h, key);
	fp_mix_str(h, v, n);
}

static void fp_set_str(lua_State *L, uint64_t *h, const char *key, const char *v)
{
	v = v ? v : "";
	fp_set_lstr(L, h, key, v, strlen(v));
}

/* key = "DIR/NAME.html" (an_rt_set_page) */
static void fp_set_page(lua_State *L, uint64_t *h, const char *key, const char *dir,
                        const char *name)
{
	an_rt_set_page(L, key, dir, name);
	fp_key(h, key);
	fp_mix_str(h, dir, strlen(dir));
	fp_mix_str(h, name ? name : "", name ? strlen(name) : 0);
}

/* The string at the top becomes field `key`.  [-1, +0] */
static void fp_set_top(lua_State *L, uint64_t *h, const char *key)
{
	size_t n;
	const char *v = lua_tolstring(L, -1, &n);
	fp_key(h, key);
	fp_mix_str(h, v, n);
	lua_setfield(L, -2, key);
}

static void fp_set_bool(lua_State *L, uint64_t *h, const char *key, int v)
{
	lua_pushboolean(L, v);
	lua_setfield(L, -2, key);
	fp_key(h, key);
	*h = an_acache_mix(*h, (uint64_t)(v != 0) + 1);
}

/* A list of strings begins: key and length are mixed in; its items go
 * through fp_list_item.  [-0, +1] */
static void fp_list_begin(lua_State *L, uint64_t *h, const char *key, size_t n)
{
	lua_createtable(L, (int)n, 0);
	fp_key(h, key);
	*h = an_acache_mix(*h, (uint64_t)n);
}

static void fp_list_item(lua_State *L, uint64_t *h, size_t i, const char *v)
{
	v = v ? v : "";
	size_t n = strlen(v);
	lua_pushlstring(L, v, n);
	lua_rawseti(L, -2, (lua_Integer)i + 1);
	fp_mix_str(h, v, n);
}

/* t.fingerprint = the hash of what was set (from `seed`, which stands for
 * the fields made on first use): a theme puts it in the key of a page
 * made from t (emit's third argument), so that the page is made again
 * only when t changes.  The rank is never in it, because one more report
 * of any event moves the ranks of many others; a page that shows it puts
 * it in its key itself.  [-0, +0] */
static void set_fingerprint(lua_State *L, uint64_t seed, uint64_t h)
{
	char hex[17];
	snprintf(hex, sizeof hex, "%016llx", (unsigned long long)an_acache_mix(seed, h));
	an_rt_set_str(L, "fingerprint", hex);
}

/* a before b, as their ISO dates sort */
static int date_before(an_date a, an_date b)
{
	return a.y != b.y ? a.y < b.y : a.m != b.m ? a.m < b.m : a.d < b.d;
}

static void push_label(lua_State *L, const char *value, const char *mod)
{
	an_buf b = AN_BUF_INIT;
	an_value_label(&b, value, mod);
	lua_pushlstring(L, b.ptr, b.len);
	an_buf_free(&b);
}

/* The first sentence long enough to say something, as the article's blurb. */
static void push_article_summary(lua_State *L, const an_site *site, size_t d)
{
	const an_analysis *an = &site->analyses[d];
	const char *text = site->articles[d].text;
	for (size_t i = 0; i < an->sentences.len; i++) {
		const an_sentence *s = &an->sentences.items[i];
		size_t spaces = 0;
		for (size_t k = s->start; k < s->end; k++)
			spaces += text[k] == ' ';
		if (spaces >= 7 || i + 1 == an->sentences.len) {
			lua_pushlstring(L, text + s->start, s->end - s->start);
			return;
		}
	}
	lua_pushstring(L, "");
}

/* Git history of an article (history.c): set only when known.  [-0, +0] */
static void push_history(lua_State *L, uint64_t *fp, const an_article_history *h)
{
	const char *keys[2][3] = {{"first_published", "first_published_label", "first_commit"},
	                          {"last_modified", "last_modified_label", "last_commit"}};
	const char *times[2] = {h->first_published, h->last_modified};
	const char *ids[2] = {h->first_commit, h->last_commit};
	for (int i = 0; i < 2; i++) {
		if (!times[i][0])
			continue;
		char day[16];
		snprintf(day, sizeof day, "%.10s", times[i]);
		fp_set_str(L, fp, keys[i][0], times[i]);
		push_label(L, day, "");
		fp_set_top(L, fp, keys[i][1]);
		fp_set_str(L, fp, keys[i][2], ids[i]);
	}
	fp_list_begin(L, fp, "authors", h->n_authors);
	for (size_t i = 0; i < h->n_authors; i++)
		fp_list_item(L, fp, i, h->authors[i]);
	lua_setfield(L, -2, "authors");
}

/* site.changes: how the timeline changed, commit by commit, newest first
 * (see history.h).  [-0, +0] */
static void push_changes(lua_State *L, const an_change_log *log)
{
	lua_createtable(L, (int)log->len, 0);
	for (size_t i = 0; i < log->len; i++) {
		const an_revision *r = &log->items[i];
		char day[16], short_id[8];
		snprintf(day, sizeof day, "%.10s", r->date);
		snprintf(short_id, sizeof short_id, "%.7s", r->commit);
		lua_createtable(L, 0, 8);
		an_rt_set_str(L, "commit", r->commit);
		an_rt_set_str(L, "short_commit", short_id);
		an_rt_set_str(L, "date", r->date);
		push_label(L, day, "");
		lua_setfield(L, -2, "date_label");
		an_rt_set_str(L, "message", r->message);
		an_rt_set_str(L, "author", r->author);
		lua_createtable(L, (int)r->changes.len, 0);
		for (size_t k = 0; k < r->changes.len; k++) {
			const an_change *c = &r->changes.items[k];
			lua_createtable(L, 0, 9);
			an_rt_set_str(L, "kind", an_change_kind_name(c->kind));
			an_rt_set_str(L, "event", c->event);
			an_rt_set_str(L, "title", c->title);
			an_rt_set_str(L, "date", c->date);
			if (c->date[0]) {
				push_label(L, c->date, c->mod);
				lua_setfield(L, -2, "date_label");
			}
			if (c->before) {
				an_rt_set_str(L, "before", c->before);
				if (c->kind == AN_CHANGE_REDATED && c->before[0]) {
					push_label(L, c->before, "");
					lua_setfield(L, -2, "before_label");
				}
			}
			if (c->source)
				an_rt_set_str(L, "source", c->source);
			lua_rawseti(L, -2, (lua_Integer)k + 1);
		}
		lua_setfield(L, -2, "changes");
		lua_rawseti(L, -2, (lua_Integer)i + 1);
	}
}

/* Article d's table, its fingerprint's hash of it into *fp.  [-0, +1] */
static void push_article(lua_State *L, uint64_t *fp, const an_site *site, size_t d,
                         const an_event *const *article_events, size_t n_events)
{
	const an_article *a = &site->articles[d];
	char date[16];
	an_rt_iso_date(date, a->meta.date);
	lua_createtable(L, 0, 12);
	fp_set_str(L, fp, "slug", a->slug);
	fp_set_str(L, fp, "title", a->meta.title);
	fp_set_str(L, fp, "date", date);
	push_label(L, date, "");
	fp_set_top(L, fp, "date_label");
	fp_set_str(L, fp, "source", a->meta.source);
	fp_set_str(L, fp, "path", a->path);
	if (a->meta.original)
		fp_set_str(L, fp, "original", a->meta.original);
	fp_set_page(L, fp, "url", "articles", a->slug);
	push_article_summary(L, site, d);
	fp_set_top(L, fp, "summary");
	/* (`html` on first use: render_lazy.c) */
	fp_list_begin(L, fp, "events", n_events);
	for (size_t i = 0; i < n_events; i++)
		fp_list_item(L, fp, i, article_events[i]->id);
	lua_setfield(L, -2, "events");
	lua_createtable(L, 0, (int)a->meta.n_extra);
	fp_key(fp, "params");
	for (size_t i = 0; i < a->meta.n_extra; i++)
		fp_set_str(L, fp, a->meta.extra[i].key, a->meta.extra[i].value);
	lua_setfield(L, -2, "params");
	push_history(L, fp, &a->history);
}

/* {quantity=, values={{value=, text=, article=}, ...}}, the hash of it
 * into *fp (the events that share the table mix that in).  [-0, +1] */
static void push_dispute(lua_State *L, uint64_t *fp, const an_site *site, const an_dispute *d)
{
	lua_createtable(L, 0, 2);
	fp_set_str(L, fp, "quantity", d->quantity);
	fp_list_begin(L, fp, "values", d->n_figures);
	for (size_t i = 0; i < d->n_figures; i++) {
		const an_figure *f = &site->figures.items[d->figures[i]];
		lua_createtable(L, 0, 3);
		lua_pushnumber(L, f->value);
		lua_setfield(L, -2, "value");
		uint64_t bits;
		memcpy(&bits, &f->value, sizeof bits);
		*fp = an_acache_mix(*fp, bits);
		fp_set_lstr(L, fp, "text", site->articles[f->doc].text + f->start, f->end - f->start);
		fp_set_str(L, fp, "article", site->articles[f->doc].slug);
		lua_rawseti(L, -2, (lua_Integer)i + 1);
	}
	lua_setfield(L, -2, "values");
}

/* The entity of an undated fact that the most undated facts share (ties:
 * the less mentioned, more particular one). */
static size_t undated_topic(const an_site *site, const an_event *ev,
                            const size_t *undated_per_entity)
{
	size_t best = ev->entities[0], best_shared = 0;
	for (size_t i = 0; i < ev->n_entities; i++) {
		size_t e = ev->entities[i], shared = undated_per_entity[e];
		if (shared > best_shared ||
		    (shared == best_shared &&
		     site->entities.items[e].mentions < site->entities.items[best].mentions)) {
			best = e;
			best_shared = shared;
		}
	}
	return best;
}

/* site.entities: {id=, name=, type=, variants=, articles=, events=, url=}
 * [-0, +1] */
static void push_entities(lua_State *L, const an_site *site)
{
	an_entity_events idx;
	an_site_entity_events_index(&idx, site);
	lua_createtable(L, (int)site->entities.len, 0);
	for (size_t i = 0; i < site->entities.len; i++) {
		const an_entity *en = &site->entities.items[i];
		uint64_t fp = 0;
		lua_createtable(L, 0, 7);
		fp_set_str(L, &fp, "id", en->id);
		fp_set_str(L, &fp, "name", en->name);
		fp_set_str(L, &fp, "type", an_entity_type_name(en->type));
		fp_set_page(L, &fp, "url", "entities", en->id);
		fp_list_begin(L, &fp, "variants", en->n_variants);
		for (size_t v = 0; v < en->n_variants; v++)
			fp_list_item(L, &fp, v, en->variants[v]);
		lua_setfield(L, -2, "variants");
		fp_list_begin(L, &fp, "articles", en->n_docs);
		for (size_t d = 0; d < en->n_docs; d++)
			fp_list_item(L, &fp, d, site->articles[en->docs[d]].slug);
		lua_setfield(L, -2, "articles");
		fp_list_begin(L, &fp, "events", idx.first[i + 1] - idx.first[i]);
		for (size_t k = idx.first[i]; k < idx.first[i + 1]; k++)
			fp_list_item(L, &fp, k - idx.first[i], idx.events[k]->id);
		lua_setfield(L, -2, "events");
		set_fingerprint(L, 0, fp);
		lua_rawseti(L, -2, (lua_Integer)i + 1);
	}
	an_entity_events_free(&idx);
}

/* `undated_per_entity`: how many undated facts name each entity (for the
 * topic of an undated one); NULL for a dated event.  `disputes`: the stack
 * index of site.disputes, whose tables events share, and `dispute_fp`
 * their hashes.  The hash of the table into *fp.  [-0, +1] */
static void push_event(lua_State *L, uint64_t *fp, const an_site *site, const an_event *ev,
                       int dated, const size_t *undated_per_entity, int disputes,
                       const uint64_t *dispute_fp)
{
	lua_createtable(L, 0, 14);
	fp_set_str(L, fp, "id", ev->id);
	fp_set_str(L, fp, "title", ev->title);
	fp_set_str(L, fp, "summary", ev->summary);
	fp_set_page(L, fp, "url", "events", ev->id);
	if (dated) {
		fp_set_str(L, fp, "date", ev->value);
		fp_set_str(L, fp, "granularity", an_granularity_name(ev->span.gran));
		if (ev->mod[0])
			fp_set_str(L, fp, "mod", ev->mod);
		if (an_render_html_datetime(ev->value))
			fp_set_str(L, fp, "datetime", ev->value);
		push_label(L, ev->value, ev->mod);
		fp_set_top(L, fp, "date_label");
		fp_set_bool(L, fp, "approximate", ev->span.gran < AN_GRAN_DAY || ev->mod[0]);
		char first[16];
		an_rt_iso_date(first, an_date_from_days(ev->span.first));
		fp_set_str(L, fp, "sort_date", first);
	}
	fp_list_begin(L, fp, "sources", ev->n_sources);
	for (size_t i = 0; i < ev->n_sources; i++)
		fp_list_item(L, fp, i, site->articles[ev->sources[i]].slug);
	lua_setfield(L, -2, "sources");
	/* when the event was first and last reported: what a feed or a
	 * sitemap needs of its mentions, without making them */
	if (ev->n_mentions) {
		an_date first = site->articles[ev->mentions[0].doc].meta.date, last = first;
		for (size_t i = 1; i < ev->n_mentions; i++) {
			an_date d = site->articles[ev->mentions[i].doc].meta.date;
			if (date_before(d, first))
				first = d;
			if (date_before(last, d))
				last = d;
		}
		char date[16];
		an_rt_iso_date(date, first);
		fp_set_str(L, fp, "first_reported", date);
		an_rt_iso_date(date, last);
		fp_set_str(L, fp, "last_reported", date);
	}
	fp_list_begin(L, fp, "entities", ev->n_entities);
	for (size_t i = 0; i < ev->n_entities; i++)
		fp_list_item(L, fp, i, site->entities.items[ev->entities[i]].id);
	lua_setfield(L, -2, "entities");
	fp_list_begin(L, fp, "disputes", ev->n_disputes);
	for (size_t i = 0; i < ev->n_disputes; i++) {
		lua_rawgeti(L, disputes, (lua_Integer)ev->disputes[i] + 1);
		lua_rawseti(L, -2, (lua_Integer)i + 1);
		*fp = an_acache_mix(*fp, dispute_fp[ev->disputes[i]]);
	}
	lua_setfield(L, -2, "disputes");
	fp_list_begin(L, fp, "notes", ev->n_notes);
	for (size_t i = 0; i < ev->n_notes; i++)
		fp_list_item(L, fp, i, ev->notes[i]);
	lua_setfield(L, -2, "notes");
	if (ev->era)
		fp_set_str(L, fp, "era", ev->era);
	if (dated) {
		/* (not in the fingerprint: see set_fingerprint) */
		lua_pushinteger(L, (lua_Integer)ev->rank);
		lua_setfield(L, -2, "rank");
	} else if (ev->n_entities) {
		/* facts without a date are grouped by topic: the entity they
		 * name that other facts name most */
		fp_set_str(L, fp, "topic",
		           site->entities.items[undated_topic(site, ev, undated_per_entity)].name);
	}
}

/* For each article, the events it reports (timeline order, dated first). */
static void article_events(const an_site *site, const an_event ***out, size_t *counts)
{
	const an_timeline *tl = &site->timeline;
	for (int pass = 0; pass < 2; pass++) {
		const an_event *evs = pass ? tl->undated : tl->events;
		size_t n = pass ? tl->n_undated : tl->n_events;
		for (size_t i = 0; i < n; i++)
			for (size_t s = 0; s < evs[i].n_sources; s++) {
				size_t d = evs[i].sources[s];
				out[d] = an_xrealloc(out[d], (counts[d] + 1) * sizeof **out);
				out[d][counts[d]++] = &evs[i];
			}
	}
}

/* The event or article table at the top gets its fingerprint (from
 * `seed`, which stands for the fields it lacks) and, through metatable
 * `mt` and the registry's table `lazy`, the C object `obj` its fields
 * are made from on first use (render_lazy.c).  [-0, +0] */
static void finish_lazy(lua_State *L, const void *obj, uint64_t seed, uint64_t fp, int mt,
                        int lazy)
{
	set_fingerprint(L, seed, fp);
	lua_pushvalue(L, mt);
	lua_setmetatable(L, -2);
	lua_pushvalue(L, -1);
	lua_pushlightuserdata(L, (void *)obj);
	lua_rawset(L, lazy);
}

static void push_site(lua_State *L, const an_site *site, const an_render_seeds *seeds)
{
	const an_config *c = &site->config;
	lua_createtable(L, 0, 14);
	an_rt_set_str(L, "title", c->title);
	an_rt_set_str(L, "description", c->description);
	an_rt_set_str(L, "base_url", c->base_url);
	an_rt_set_str(L, "language", c->language);
	an_rt_set_str(L, "theme", c->theme);
	lua_createtable(L, 0, (int)c->n_params);
	for (size_t i = 0; i < c->n_params; i++)
		an_rt_set_str(L, c->params[i].key, c->params[i].value);
	lua_setfield(L, -2, "params");
	an_rt_set_str(L, "generator", "annals " AN_VERSION);
	if (site->n_articles) {
		char date[16];
		an_rt_iso_date(date, site->articles[site->n_articles - 1].meta.date);
		an_rt_set_str(L, "updated", date);
	}

	const an_event ***per = an_xcalloc(site->n_articles + 1, sizeof *per);
	size_t *counts = an_xcalloc(site->n_articles + 1, sizeof *counts);
	article_events(site, per, counts);
	int site_idx = lua_gettop(L);
	/* the strings mentions repeat, shared (push_mention) */
	lua_createtable(L, (int)(site->n_articles * AN_MS_N), 0);
	lua_pushvalue(L, -1);
	lua_setfield(L, LUA_REGISTRYINDEX, AN_LAZY_STRINGS);
	int strings = lua_gettop(L);
	an_rt_article_metatable(L, site);
	int article_mt = lua_gettop(L);
	lua_getfield(L, LUA_REGISTRYINDEX, AN_LAZY_ARTICLES);
	int lazy_articles = lua_gettop(L);
	lua_createtable(L, (int)site->n_articles, 0);
	for (size_t d = 0; d < site->n_articles; d++) {
		uint64_t fp = 0;
		push_article(L, &fp, site, d, per[d], counts[d]);
		finish_lazy(L, &site->articles[d], seeds ? seeds->articles[d] : an_rt_html_seed(site, d),
		            fp, article_mt, lazy_articles);
		static const char *const shared[AN_MS_N] = {"title", "slug", "url", "source",
		                                             "date"};
		for (int k = 0; k < AN_MS_N; k++) {
			lua_getfield(L, -1, shared[k]);
			lua_rawseti(L, strings, (lua_Integer)(d * AN_MS_N) + k + 1);
		}
		lua_rawseti(L, -2, (lua_Integer)d + 1);
		free((void *)per[d]);
	}
	lua_setfield(L, site_idx, "articles");
	lua_pop(L, 2); /* lazy_articles, article_mt */
	free(per);
	free(counts);

	/* site.disputes first: an event's disputes are the same tables */
	const an_timeline *tl = &site->timeline;
	lua_createtable(L, (int)site->disputes.len, 0);
	int disputes = lua_gettop(L);
	uint64_t *dispute_fp = an_xcalloc(site->disputes.len + 1, sizeof *dispute_fp);
	for (size_t i = 0; i < site->disputes.len; i++) {
		push_dispute(L, &dispute_fp[i], site, &site->disputes.items[i]);
		lua_rawseti(L, -2, (lua_Integer)i + 1);
	}
	an_rt_event_metatable(L, site);
	int event_mt = lua_gettop(L);
	lua_getfield(L, LUA_REGISTRYINDEX, AN_LAZY_EVENTS);
	int lazy = lua_gettop(L);
	lua_createtable(L, (int)tl->n_events, 0);
	for (size_t i = 0; i < tl->n_events; i++) {
		uint64_t fp = 0;
		push_event(L, &fp, site, &tl->events[i], 1, NULL, disputes, dispute_fp);
		finish_lazy(L, &tl->events[i],
		            seeds ? seeds->events[i] : an_rt_event_seed(site, &tl->events[i]), fp,
		            event_mt, lazy);
		lua_rawseti(L, -2, (lua_Integer)i + 1);
	}
	lua_setfield(L, site_idx, "events");
	size_t *per_entity = an_xcalloc(site->entities.len + 1, sizeof *per_entity);
	for (size_t u = 0; u < tl->n_undated; u++)
		for (size_t k = 0; k < tl->undated[u].n_entities; k++)
			if (tl->undated[u].entities[k] < site->entities.len)
				per_entity[tl->undated[u].entities[k]]++;
	lua_createtable(L, (int)tl->n_undated, 0);
	for (size_t i = 0; i < tl->n_undated; i++) {
		uint64_t fp = 0;
		push_event(L, &fp, site, &tl->undated[i], 0, per_entity, disputes, dispute_fp);
		finish_lazy(L, &tl->undated[i],
		            seeds ? seeds->undated[i] : an_rt_event_seed(site, &tl->undated[i]), fp,
		            event_mt, lazy);
		lua_rawseti(L, -2, (lua_Integer)i + 1);
	}
	free(per_entity);
	free(dispute_fp);
	lua_setfield(L, site_idx, "undated");
	lua_pop(L, 2); /* lazy, event_mt */
	push_entities(L, site);
	lua_setfield(L, site_idx, "entities");
	lua_setfield(L, site_idx, "disputes");
	lua_pop(L, 1); /* strings */
	push_changes(L, &site->changes);
	lua_setfield(L, site_idx, "changes");
}

void an_render_push_site(lua_State *L, const an_site *site)
{
	push_site(L, site, NULL);
}

/* [-2, +1, m]: the light userdata of the site and its seeds become its
 * table */
static int push_site_cf(lua_State *L)
{
	const an_site *site = lua_touserdata(L, 1);
	const an_render_seeds *seeds = lua_touserdata(L, 2);
	lua_pop(L, 2);
	push_site(L, site, seeds);
	return 1;
}

int an_render_push_site_safe(lua_State *L, const an_site *site, const an_render_seeds *seeds,
                             an_error *err)
{
	lua_pushcfunction(L, push_site_cf);
	lua_pushlightuserdata(L, (void *)site);
	lua_pushlightuserdata(L, (void *)seeds);
	if (lua_pcall(L, 2, 1, 0) != LUA_OK) {
		const char *msg = lua_tostring(L, -1);
		an_error_set(err, "", 0, "the site does not fit in the theme's Lua state (%s): "
		             "%zu articles, %zu events", msg ? msg : "error", site->n_articles,
		             site->timeline.n_events);
		lua_pop(L, 1);
		return -1;
	}
	return 0;
}

int an_render_collect_pages(an_pages *out, lua_State *L, int idx, const char *who,
                            an_error *err)
{
	if (!lua_istable(L, idx))
		return an_error_set(err, "theme.lua", 0,
		                    "%s must return a list of {path=..., content=...} "
		                    "(got %s)", who, luaL_typename(L, idx));
	lua_Integer n = luaL_len(L, idx);
	for (lua_Integer i = 1; i <= n; i++) {
		lua_rawgeti(L, idx, i);
		if (!lua_istable(L, -1)) {
			lua_pop(L, 1);
			return an_error_set(err, "theme.lua", 0, "page %lld is not a table", (long long)i);
		}
		lua_getfield(L, -1, "path");
		lua_getfield(L, -2, "content");
		size_t len, path_len = 0;
		const char *path = lua_tolstring(L, -2, &path_len);
		const char *data = lua_tolstring(L, -1, &len);
		int rc = 0;
		if (!path || strlen(path) != path_len || !an_render_path_ok(path))
			rc = an_error_set(err, "theme.lua", 0,
			                  "page %lld has a bad path \"%s\": use a relative path "
			                  "inside the output folder", (long long)i,
			                  path ? path : "(none)");
		else if (!data)
			rc = an_error_set(err, "theme.lua", 0, "page \"%s\" has no content string",
			                  path);
		else
			an_pages_add(out, path, data, len);
		lua_pop(L, 3);
		if (rc < 0)
			return rc;
	}
	return 0;
}

int an_render_site(an_pages *out, const an_site *site, const char *lua_dir,
                   const char *theme_dir, an_error *err)
{
	an_sandbox_opts opts = {lua_dir, theme_dir, 0, 0};
	an_sandbox *sb = an_sandbox_new(&opts, err);
	if (!sb)
		return -1;
	lua_State *L = an_sandbox_state(sb);
	an_buf path = AN_BUF_INIT;
	an_buf_printf(&path, "%s/theme.lua", theme_dir);
	int rc = an_sandbox_dofile(sb, path.ptr, path.ptr, err);
	if (rc < 0)
		goto done;
	if (!lua_istable(L, -1)) {
		rc = an_error_set(err, path.ptr, 0, "theme.lua must return a table with build(site)");
		goto done;
	}
	lua_getfield(L, -1, "build");
	if (!lua_isfunction(L, -1)) {
		rc = an_error_set(err, path.ptr, 0, "theme.lua returns no build(site) function");
		goto done;
	}
	an_render_push_site(L, site);
	if ((rc = an_sandbox_call(sb, 1, "theme build()", err)) < 0)
		goto done;
	rc = an_render_collect_pages(out, L, lua_gettop(L), "build()", err);
done:
	if (rc < 0 && !err->file[0])
		snprintf(err->file, sizeof err->file, "%s", path.ptr);
	an_buf_free(&path);
	an_sandbox_free(sb);
	return rc;
}
