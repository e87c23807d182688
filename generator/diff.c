/* diff.c - timeline snapshots and the changes between two (see diff.h). */
#include "diff.h"
#include "alloc.h"

#include <stdlib.h>
#include <string.h>

static char **copy_strs(char *const *v, size_t n)
{
	char **out = an_xcalloc(n + 1, sizeof *out);
	for (size_t i = 0; i < n; i++)
		out[i] = an_xstrdup(v[i]);
	return out;
}

static void free_strs(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void an_snapshot_add(an_snapshot *s, const an_snap_event *ev)
{
	s->items = an_xgrow(s->items, &s->cap, s->len + 1, sizeof *s->items);
	an_snap_event *e = &s->items[s->len++];
	e->id = an_xstrdup(ev->id);
	e->value = an_xstrdup(ev->value ? ev->value : "");
	e->mod = an_xstrdup(ev->mod ? ev->mod : "");
	e->title = an_xstrdup(ev->title ? ev->title : "");
	e->sources = copy_strs(ev->sources, ev->n_sources);
	e->n_sources = ev->n_sources;
	e->keys = copy_strs(ev->keys, ev->n_keys);
	e->n_keys = ev->n_keys;
}

void an_snapshot_free(an_snapshot *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->len; i++) {
		an_snap_event *e = &s->items[i];
		free(e->id);
		free(e->value);
		free(e->mod);
		free(e->title);
		free_strs(e->sources, e->n_sources);
		free_strs(e->keys, e->n_keys);
	}
	free(s->items);
	memset(s, 0, sizeof *s);
}

static int has_str(char *const *v, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return 1;
	return 0;
}

static size_t shared_keys(const an_snap_event *a, const an_snap_event *b)
{
	size_t n = 0;
	for (size_t i = 0; i < a->n_keys; i++)
		n += has_str(b->keys, b->n_keys, a->keys[i]);
	return n;
}

static void push(an_changes *out, an_change_kind kind, const an_snap_event *ev,
                 const char *before, const char *source)
{
	out->items = an_xgrow(out->items, &out->cap, out->len + 1, sizeof *out->items);
	an_change *c = &out->items[out->len++];
	c->kind = kind;
	c->event = an_xstrdup(ev->id);
	c->date = an_xstrdup(ev->value);
	c->mod = an_xstrdup(ev->mod);
	c->title = an_xstrdup(ev->title);
	c->before = before ? an_xstrdup(before) : NULL;
	c->source = source ? an_xstrdup(source) : NULL;
}

/* Pairs old and new events: match_new[j] is the old index of new event j,
 * or -1.  Identity first, then the most shared mentions (greedy, best pair
 * first), then an unchanged headline. */
static void match_events(long *match_new, const an_snapshot *old, const an_snapshot *new)
{
	long *match_old = an_xmalloc((old->len + 1) * sizeof *match_old);
	for (size_t i = 0; i < old->len; i++)
		match_old[i] = -1;
	for (size_t j = 0; j < new->len; j++) {
		match_new[j] = -1;
		for (size_t i = 0; i < old->len; i++)
			if (match_old[i] < 0 && strcmp(old->items[i].id, new->items[j].id) == 0) {
				match_new[j] = (long)i;
				match_old[i] = (long)j;
				break;
			}
	}
	for (;;) {
		size_t best = 0;
		long bi = -1, bj = -1;
		for (size_t j = 0; j < new->len; j++) {
			if (match_new[j] >= 0)
				continue;
			for (size_t i = 0; i < old->len; i++) {
				if (match_old[i] >= 0)
					continue;
				size_t n = shared_keys(&old->items[i], &new->items[j]);
				if (n > best)
					best = n, bi = (long)i, bj = (long)j;
			}
		}
		if (bi < 0)
			break;
		match_new[bj] = bi;
		match_old[bi] = bj;
	}
	for (size_t j = 0; j < new->len; j++) {
		if (match_new[j] >= 0)
			continue;
		for (size_t i = 0; i < old->len; i++)
			if (match_old[i] < 0 && strcmp(old->items[i].title, new->items[j].title) == 0) {
				match_new[j] = (long)i;
				match_old[i] = (long)j;
				break;
			}
	}
	free(match_old);
}

void an_diff_snapshots(an_changes *out, const an_snapshot *old, const an_snapshot *new)
{
	long *match_new = an_xmalloc((new->len + 1) * sizeof *match_new);
	char *old_seen = an_xcalloc(old->len + 1, 1);
	match_events(match_new, old, new);
	for (size_t j = 0; j < new->len; j++) {
		const an_snap_event *n = &new->items[j];
		if (match_new[j] < 0) {
			push(out, AN_CHANGE_ADDED, n, NULL, NULL);
			continue;
		}
		const an_snap_event *o = &old->items[match_new[j]];
		old_seen[match_new[j]] = 1;
		if (strcmp(o->value, n->value) != 0 || strcmp(o->mod, n->mod) != 0)
			push(out, AN_CHANGE_REDATED, n, o->value, NULL);
		if (strcmp(o->title, n->title) != 0)
			push(out, AN_CHANGE_RETITLED, n, o->title, NULL);
		for (size_t k = 0; k < n->n_sources; k++)
			if (!has_str(o->sources, o->n_sources, n->sources[k]))
				push(out, AN_CHANGE_SOURCE_ADDED, n, NULL, n->sources[k]);
		for (size_t k = 0; k < o->n_sources; k++)
			if (!has_str(n->sources, n->n_sources, o->sources[k]))
				push(out, AN_CHANGE_SOURCE_DROPPED, n, NULL, o->sources[k]);
	}
	for (size_t i = 0; i < old->len; i++)
		if (!old_seen[i])
			push(out, AN_CHANGE_REMOVED, &old->items[i], NULL, NULL);
	free(old_seen);
	free(match_new);
}

const char *an_change_kind_name(an_change_kind k)
{
	switch (k) {
	case AN_CHANGE_ADDED: return "added";
	case AN_CHANGE_REMOVED: return "removed";
	case AN_CHANGE_REDATED: return "redated";
	case AN_CHANGE_RETITLED: return "retitled";
	case AN_CHANGE_SOURCE_ADDED: return "source-added";
	case AN_CHANGE_SOURCE_DROPPED: return "source-dropped";
	}
	return "changed";
}

static const char *shown_date(const char *value)
{
	return value && value[0] ? value : "(no date)";
}

void an_diff_text(an_buf *out, const an_changes *c)
{
	for (size_t i = 0; i < c->len; i++) {
		const an_change *ch = &c->items[i];
		const char *sign = ch->kind == AN_CHANGE_ADDED || ch->kind == AN_CHANGE_SOURCE_ADDED
			? "+" : ch->kind == AN_CHANGE_REMOVED || ch->kind == AN_CHANGE_SOURCE_DROPPED
			? "-" : "~";
		an_buf_printf(out, "%s %-15s ", sign, an_change_kind_name(ch->kind));
		switch (ch->kind) {
		case AN_CHANGE_REDATED:
			an_buf_printf(out, "%s -> %s  %s\n", shown_date(ch->before),
			              shown_date(ch->date), ch->title);
			break;
		case AN_CHANGE_RETITLED:
			an_buf_printf(out, "%s  \"%s\" -> \"%s\"\n", shown_date(ch->date), ch->before,
			              ch->title);
			break;
		case AN_CHANGE_SOURCE_ADDED:
		case AN_CHANGE_SOURCE_DROPPED:
			an_buf_printf(out, "%s  %s: %s\n", shown_date(ch->date), ch->title, ch->source);
			break;
		case AN_CHANGE_ADDED:
		case AN_CHANGE_REMOVED:
			an_buf_printf(out, "%s  %s\n", shown_date(ch->date), ch->title);
			break;
		}
	}
}

void an_changes_free(an_changes *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->len; i++) {
		an_change *ch = &c->items[i];
		free(ch->event);
		free(ch->date);
		free(ch->mod);
		free(ch->title);
		free(ch->before);
		free(ch->source);
	}
	free(c->items);
	memset(c, 0, sizeof *c);
}

void an_change_log_free(an_change_log *log)
{
	if (!log)
		return;
	for (size_t i = 0; i < log->len; i++) {
		free(log->items[i].message);
		free(log->items[i].author);
		an_changes_free(&log->items[i].changes);
	}
	free(log->items);
	memset(log, 0, sizeof *log);
}
