/* hooks_events.c - on_event and on_timeline (see hooks.h): events as
 * tables, what the hooks return read back into C records inside pcall,
 * then applied to the timeline: renames, new dates (sorted again), hidden
 * events freed, notes, order and eras; and the lookup from an article's
 * dates to events rebuilt afterwards. */
#include "hooks.h"
#include "hooks_impl.h"
#include "alloc.h"
#include "buf.h"
#include "export.h"

#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>

/* ---- events ---- */

typedef struct {
	int hidden;
	char *title, *summary, *date, *mod, *era;
	char **notes;
	size_t n_notes;
} ev_rec;

static void ev_rec_free(ev_rec *r)
{
	free(r->title);
	free(r->summary);
	free(r->date);
	free(r->mod);
	free(r->era);
	for (size_t i = 0; i < r->n_notes; i++)
		free(r->notes[i]);
	free(r->notes);
	memset(r, 0, sizeof *r);
}

/* The table on_event and on_timeline get.  [-0, +1] */
static void push_event(lua_State *L, const an_site *site, const an_event *ev, int dated)
{
	lua_createtable(L, 0, 12);
	lua_pushstring(L, ev->id);
	lua_setfield(L, -2, "id");
	lua_pushstring(L, ev->title ? ev->title : "");
	lua_setfield(L, -2, "title");
	lua_pushstring(L, ev->summary ? ev->summary : "");
	lua_setfield(L, -2, "summary");
	lua_pushboolean(L, dated);
	lua_setfield(L, -2, "dated");
	if (dated) {
		lua_pushstring(L, ev->value);
		lua_setfield(L, -2, "date");
		lua_pushstring(L, an_granularity_name(ev->span.gran));
		lua_setfield(L, -2, "granularity");
		if (ev->mod[0]) {
			lua_pushstring(L, ev->mod);
			lua_setfield(L, -2, "mod");
		}
		an_buf b = AN_BUF_INIT;
		an_value_label(&b, ev->value, ev->mod);
		lua_pushlstring(L, b.ptr ? b.ptr : "", b.len);
		lua_setfield(L, -2, "date_label");
		an_buf_free(&b);
	}
	if (ev->era) {
		lua_pushstring(L, ev->era);
		lua_setfield(L, -2, "era");
	}
	lua_createtable(L, (int)ev->n_sources, 0);
	for (size_t i = 0; i < ev->n_sources; i++) {
		lua_pushstring(L, site->articles[ev->sources[i]].slug);
		lua_rawseti(L, -2, (lua_Integer)i + 1);
	}
	lua_setfield(L, -2, "sources");
	lua_createtable(L, (int)ev->n_mentions, 0);
	for (size_t i = 0; i < ev->n_mentions; i++) {
		size_t len;
		const char *s = an_export_sentence(site, &ev->mentions[i], &len);
		lua_createtable(L, 0, 2);
		lua_pushstring(L, site->articles[ev->mentions[i].doc].slug);
		lua_setfield(L, -2, "article");
		lua_pushlstring(L, s, len);
		lua_setfield(L, -2, "sentence");
		lua_rawseti(L, -2, (lua_Integer)i + 1);
	}
	lua_setfield(L, -2, "mentions");
	lua_createtable(L, (int)ev->n_notes, 0);
	for (size_t i = 0; i < ev->n_notes; i++) {
		lua_pushstring(L, ev->notes[i]);
		lua_rawseti(L, -2, (lua_Integer)i + 1);
	}
	lua_setfield(L, -2, "notes");
}

/* (result, event table, dated, record): on_event's result.  [-4, +0, e] */
static int read_event(lua_State *L)
{
	ev_rec *r = lua_touserdata(L, 4);
	int dated = (int)lua_tointeger(L, 3);
	int t = lua_type(L, 1);
	if (t == LUA_TBOOLEAN && !lua_toboolean(L, 1)) {
		r->hidden = 1;
		return 0;
	}
	if (t != LUA_TNIL && t != LUA_TTABLE)
		return luaL_error(L, "must return the event (a table), false to hide it, or "
		                     "nothing (got %s)", lua_typename(L, t));
	int e = t == LUA_TNIL ? 2 : 1;
	an_hooks_rawfield(L, e, "hidden");
	r->hidden = lua_toboolean(L, -1);
	lua_pop(L, 1);
	an_hooks_put(&r->title, an_hooks_str_field(L, e, "title", 1));
	an_hooks_put(&r->summary, an_hooks_str_field(L, e, "summary", 1));
	const char *date = an_hooks_str_field(L, e, "date", 0), *mod = an_hooks_str_field(L, e, "mod", 0);
	an_span span;
	if (date && !dated)
		return luaL_error(L, "'date' cannot be set on a fact without a date");
	if (dated && (!date || strlen(date) >= AN_TIMEX_VALUE_MAX || an_value_span(&span, date) < 0))
		return luaL_error(L, "'date' must be a date value such as 2025-11-01, 2025-09, "
		                     "2025-W45 or 2025 (got \"%s\")", date ? date : "nil");
	if (mod && strlen(mod) >= AN_TIMEX_MOD_MAX)
		return luaL_error(L, "'mod' is too long (\"%s\")", mod);
	an_hooks_put(&r->date, date);
	an_hooks_put(&r->mod, mod);
	an_hooks_put(&r->era, an_hooks_str_field(L, e, "era", 0));
	int nt = an_hooks_rawfield(L, e, "notes");
	if (nt != LUA_TNIL && nt != LUA_TTABLE)
		return luaL_error(L, "'notes' must be a list of strings (got %s)", lua_typename(L, nt));
	if (nt == LUA_TTABLE) {
		size_t n = lua_rawlen(L, -1);
		r->notes = an_xcalloc(n + 1, sizeof *r->notes);
		for (size_t i = 1; i <= n; i++) {
			if (lua_rawgeti(L, -1, (lua_Integer)i) != LUA_TSTRING)
				return luaL_error(L, "'notes' must be a list of strings (item %d is %s)",
				                  (int)i, luaL_typename(L, -1));
			r->notes[r->n_notes++] = an_xstrdup(lua_tostring(L, -1));
			lua_pop(L, 1);
		}
	}
	return 0;
}

static void apply_event(an_event *ev, ev_rec *r)
{
	an_hooks_put(&ev->title, r->title);
	an_hooks_put(&ev->summary, r->summary);
	if (r->date && strcmp(r->date, ev->value) != 0) {
		snprintf(ev->value, sizeof ev->value, "%s", r->date);
		an_value_span(&ev->span, ev->value);
	}
	snprintf(ev->mod, sizeof ev->mod, "%s", r->mod ? r->mod : "");
	an_hooks_put(&ev->era, r->era);
	for (size_t i = 0; i < ev->n_notes; i++)
		free(ev->notes[i]);
	free(ev->notes);
	ev->notes = r->notes;
	ev->n_notes = r->n_notes;
	r->notes = NULL;
	r->n_notes = 0;
}

/* Every on_event on ev; sets *hidden. */
static int event_hooks(an_hooks *h, const an_site *site, an_event *ev, int dated,
                       int *hidden, an_error *err)
{
	lua_State *L = an_sandbox_state(h->sb);
	*hidden = 0;
	for (size_t i = 0; i < h->n && !*hidden; i++) {
		push_event(L, site, ev, dated);
		lua_pushvalue(L, -1);
		int rc = an_hooks_call(h, i, "on_event", ev->id, err);
		if (rc == 1) {
			lua_pop(L, 1);
			continue;
		}
		if (rc < 0) {
			lua_pop(L, 2);
			return -1;
		}
		lua_insert(L, -2);
		lua_pushinteger(L, dated);
		ev_rec r = {0};
		an_buf what = AN_BUF_INIT;
		an_buf_printf(&what, "on_event(%s)", ev->id);
		rc = an_hooks_read(L, read_event, &r, 3, h->names[i], what.ptr, err);
		an_buf_free(&what);
		if (rc == 0 && r.hidden)
			*hidden = 1;
		else if (rc == 0)
			apply_event(ev, &r);
		ev_rec_free(&r);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* What on_timeline left: the listed events in order, with their eras. */
typedef struct {
	const an_timeline *tl;
	size_t *order; /* indices into tl->events */
	char **eras;   /* per listed event; NULL entries for none */
	size_t n;
	char *seen;
} tl_rec;

static void tl_rec_free(tl_rec *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->eras[i]);
	free(r->eras);
	free(r->order);
	free(r->seen);
}

/* (result, list, record): on_timeline's result.  [-3, +0, e] */
static int read_timeline(lua_State *L)
{
	tl_rec *r = lua_touserdata(L, 3);
	int t = lua_type(L, 1);
	if (t != LUA_TNIL && t != LUA_TTABLE)
		return luaL_error(L, "must return the list of events in the order to show them, "
		                     "or nothing (got %s)", lua_typename(L, t));
	int list = t == LUA_TNIL ? 2 : 1;
	const an_timeline *tl = r->tl;
	size_t n = lua_rawlen(L, list);
	r->order = an_xcalloc(n + 1, sizeof *r->order);
	r->eras = an_xcalloc(n + 1, sizeof *r->eras);
	r->seen = an_xcalloc(tl->n_events + 1, 1);
	for (size_t i = 1; i <= n; i++) {
		if (lua_rawgeti(L, list, (lua_Integer)i) != LUA_TTABLE)
			return luaL_error(L, "item %d of the list is not an event table (got %s)",
			                  (int)i, luaL_typename(L, -1));
		const char *id = an_hooks_str_field(L, -1, "id", 1);
		size_t k = 0;
		while (k < tl->n_events && strcmp(tl->events[k].id, id) != 0)
			k++;
		if (k == tl->n_events)
			return luaL_error(L, "item %d: no dated event has the id \"%s\"", (int)i, id);
		if (r->seen[k])
			return luaL_error(L, "item %d: event \"%s\" is listed twice", (int)i, id);
		r->seen[k] = 1;
		const char *era = an_hooks_str_field(L, -1, "era", 0);
		r->order[r->n] = k;
		r->eras[r->n++] = era ? an_xstrdup(era) : NULL;
		lua_pop(L, 1);
	}
	return 0;
}

/* Keeps the events at `order` (indices into *evs), in that order, and
 * frees the others. */
static void reorder(an_event **evs, size_t *n, const size_t *order, size_t n_order)
{
	an_event *out = an_xcalloc(n_order + 1, sizeof *out);
	char *used = an_xcalloc(*n + 1, 1);
	for (size_t i = 0; i < n_order; i++) {
		out[i] = (*evs)[order[i]];
		used[order[i]] = 1;
	}
	for (size_t i = 0; i < *n; i++)
		if (!used[i])
			an_event_free(&(*evs)[i]);
	free(used);
	free(*evs);
	*evs = out;
	*n = n_order;
}

typedef struct {
	long key;
	size_t index;
} keyed;

static int cmp_keyed(const void *x, const void *y)
{
	const keyed *a = x, *b = y;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* Sorts the dated events by the first day of their span (stable, so
 * events of one day keep the core's order); with `keep`, only those. */
static void sort_events(an_timeline *tl, int by_date, const char *keep)
{
	keyed *k = an_xcalloc(tl->n_events + 1, sizeof *k);
	size_t *order = an_xcalloc(tl->n_events + 1, sizeof *order), n = 0;
	for (size_t i = 0; i < tl->n_events; i++)
		if (!keep || keep[i]) {
			k[n].key = by_date ? tl->events[i].span.first : 0;
			k[n++].index = i;
		}
	an_qsort(k, n, sizeof *k, cmp_keyed);
	for (size_t i = 0; i < n; i++)
		order[i] = k[i].index;
	reorder(&tl->events, &tl->n_events, order, n);
	free(order);
	free(k);
}

/* After events were dropped or moved: the lookup an_timeline_find uses,
 * and ranks 1..n in their old order. */
static void reindex(an_site *site)
{
	an_timeline *tl = &site->timeline;
	size_t total = 0;
	for (size_t d = 0; d < tl->n_docs && d < site->n_articles; d++)
		total = tl->doc_first[d] + site->analyses[d].timexes.len;
	for (size_t i = 0; i < total; i++)
		tl->timex_event[i] = -1;
	for (size_t i = 0; i < tl->n_events; i++)
		for (size_t j = 0; j < tl->events[i].n_mentions; j++) {
			const an_mention *m = &tl->events[i].mentions[j];
			if (m->timex >= 0)
				tl->timex_event[tl->doc_first[m->doc] + (size_t)m->timex] = (long)i;
		}
	keyed *k = an_xcalloc(tl->n_events + 1, sizeof *k);
	for (size_t i = 0; i < tl->n_events; i++) {
		k[i].key = (long)tl->events[i].rank;
		k[i].index = i;
	}
	an_qsort(k, tl->n_events, sizeof *k, cmp_keyed);
	for (size_t i = 0; i < tl->n_events; i++)
		tl->events[k[i].index].rank = i + 1;
	free(k);
}

/* on_event over one list of events (dated or not); drops the hidden ones.
 * Sets *redated when a date changed. */
static int events_pass(an_hooks *h, an_site *site, int dated, int *redated, an_error *err)
{
	an_timeline *tl = &site->timeline;
	an_event *evs = dated ? tl->events : tl->undated;
	size_t n = dated ? tl->n_events : tl->n_undated;
	char *keep = an_xcalloc(n + 1, 1);
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		char before[AN_TIMEX_VALUE_MAX];
		int hidden = 0;
		memcpy(before, evs[i].value, sizeof before);
		rc = event_hooks(h, site, &evs[i], dated, &hidden, err);
		keep[i] = !hidden;
		*redated |= strcmp(before, evs[i].value) != 0;
	}
	if (rc == 0) {
		size_t *order = an_xcalloc(n + 1, sizeof *order), m = 0;
		for (size_t i = 0; i < n; i++)
			if (keep[i])
				order[m++] = i;
		if (dated)
			reorder(&tl->events, &tl->n_events, order, m);
		else
			reorder(&tl->undated, &tl->n_undated, order, m);
		free(order);
	}
	free(keep);
	return rc;
}

/* Every on_timeline, each on the result of the one before. */
static int timeline_hooks(an_hooks *h, an_site *site, an_error *err)
{
	lua_State *L = an_sandbox_state(h->sb);
	an_timeline *tl = &site->timeline;
	for (size_t i = 0; i < h->n; i++) {
		lua_createtable(L, (int)tl->n_events, 0);
		for (size_t k = 0; k < tl->n_events; k++) {
			push_event(L, site, &tl->events[k], 1);
			lua_rawseti(L, -2, (lua_Integer)k + 1);
		}
		lua_pushvalue(L, -1);
		int rc = an_hooks_call(h, i, "on_timeline", "events", err);
		if (rc == 1) {
			lua_pop(L, 1);
			continue;
		}
		if (rc < 0) {
			lua_pop(L, 2);
			return -1;
		}
		lua_insert(L, -2);
		tl_rec r = {tl, NULL, NULL, 0, NULL};
		rc = an_hooks_read(L, read_timeline, &r, 2, h->names[i], "on_timeline()", err);
		if (rc == 0) {
			for (size_t k = 0; k < r.n; k++) {
				an_event *ev = &tl->events[r.order[k]];
				free(ev->era);
				ev->era = r.eras[k];
				r.eras[k] = NULL;
			}
			reorder(&tl->events, &tl->n_events, r.order, r.n);
		}
		tl_rec_free(&r);
		if (rc < 0)
			return -1;
	}
	return 0;
}

int an_hooks_timeline(an_hooks *h, an_site *site, an_error *err)
{
	if (!h || !h->sb || (!h->has[2] && !h->has[3]))
		return 0;
	if (an_hooks_grant(h, &site->config, err) < 0)
		return -1;
	int redated = 0;
	if (h->has[2]) {
		if (events_pass(h, site, 1, &redated, err) < 0 ||
		    events_pass(h, site, 0, &redated, err) < 0)
			return -1;
		if (redated)
			sort_events(&site->timeline, 1, NULL);
	}
	if (h->has[3] && timeline_hooks(h, site, err) < 0)
		return -1;
	reindex(site);
	return 0;
}

