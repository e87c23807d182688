/* history.c - sites from git revisions, dates from history and the change
 * log (see history.h).  The walk through the commit graph for each file is
 * filehist.c; this file decides what the site does with it. */
#include "history.h"
#include "acache.h"
#include "alloc.h"
#include "filehist.h"
#include "git.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static void say(FILE *f, const char *kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void say(FILE *f, const char *kind, const char *fmt, ...)
{
	if (!f)
		return;
	va_list ap;
	va_start(ap, fmt);
	fprintf(f, "annals: %s: ", kind);
	vfprintf(f, fmt, ap);
	fputc('\n', f);
	va_end(ap);
}

static void short_id(char out[8], const git_oid *id)
{
	git_oid_tostr(out, 8, id);
}

/* ---- publication dates ---- */

static an_date local_date(const char *rfc3339)
{
	an_date d = {0, 0, 0};
	char day[11] = "";
	if (strlen(rfc3339) >= 10)
		memcpy(day, rfc3339, 10);
	an_date_parse_iso(&d, day);
	return d;
}

/* Dates the articles that have no front-matter date from the commit that
 * added them; says so, since it changes how relative dates resolve. */
static int date_from_history(an_site *site, int shallow, FILE *notes, an_error *err)
{
	for (size_t i = 0; i < site->n_articles; i++) {
		an_article *a = &site->articles[i];
		if (a->meta.has_date)
			continue;
		if (!a->history.first_commit[0]) {
			if (shallow)
				return an_error_set(err, a->path, 1,
				                    "front matter: no 'date', and git cannot date it: this "
				                    "shallow clone lacks the commit that added it (or it is "
				                    "not committed); add 'date: YYYY-MM-DD' or run 'git "
				                    "fetch --unshallow'");
			continue; /* not committed: the site stage says what to do */
		}
		a->meta.date = local_date(a->history.first_published);
		a->meta.has_date = 1;
		say(notes, "note", "%s: no 'date' in front matter; using %.10s, the date of the "
		    "commit that added it (%.7s)", a->path, a->history.first_published,
		    a->history.first_commit);
	}
	return 0;
}

typedef struct {
	an_git *g;
	git_commit *tip;
	const an_history_opts *o;
	an_history_articles_fn on_articles; /* the caller's, after the history */
	void *payload;
} hook_ctx;

static int history_hook(an_site *site, void *payload, an_error *err)
{
	hook_ctx *h = payload;
	size_t incomplete = 0;
	const char **paths = an_xcalloc(site->n_articles + 1, sizeof *paths);
	an_article_history *hist = an_xcalloc(site->n_articles + 1, sizeof *hist);
	for (size_t i = 0; i < site->n_articles; i++)
		paths[i] = site->articles[i].path;
	int rc = an_filehist(hist, &incomplete, paths, site->n_articles, h->g, h->tip, err);
	for (size_t i = 0; i < site->n_articles; i++)
		site->articles[i].history = hist[i]; /* the article owns them now */
	free(paths);
	free(hist);
	if (rc < 0)
		return rc;
	if (incomplete)
		say(h->o->warnings, "warning",
		    "this is a shallow clone (git clone --depth): the history of %zu "
		    "article%s begins before the clone does, so dates from history are "
		    "incomplete (no first-published date there); run 'git fetch --unshallow' "
		    "for the full history", incomplete, incomplete == 1 ? "" : "s");
	if ((rc = date_from_history(site, an_git_is_shallow(h->g), h->o->notes, err)) < 0)
		return rc;
	return h->on_articles ? h->on_articles(site, h->payload, err) : 0;
}

/* ---- loading ---- */

/* The site input of a load with options `o` (NULL: none), the history
 * hook `hook` given `payload`, and the analyses of `cache`. */
static void input_from(an_site_input *in, const an_history_opts *o,
                       int (*hook)(an_site *, void *, an_error *), void *payload,
                       an_acache *cache)
{
	*in = (an_site_input){.after_parse = hook, .payload = payload, .cache = cache};
	if (!o)
		return;
	in->keep_going = o->keep_going;
	in->problems = o->problems;
	in->progress = o->progress;
	in->analysed = o->analysed;
	in->analysed_payload = o->analysed_payload;
	in->timeline_cache = o->timeline_cache;
}

/* Loads the site at `commit` (or the working files when `from_tree` is 0)
 * with the history hook `hook` (NULL: none) given `payload`. */
static int load_at(an_site *out, const char *root, an_git *g, git_commit *commit,
                   int from_tree, int (*hook)(an_site *, void *, an_error *),
                   void *payload, an_acache *cache, const an_history_opts *o,
                   an_error *err)
{
	an_sources src = AN_SOURCES_INIT;
	an_buf cfg = AN_BUF_INIT;
	int has_cfg = 0, rc = 0;
	an_site_input in;
	input_from(&in, o, hook, payload, cache);
	if (from_tree) {
		if ((rc = an_git_load_site(&src, &cfg, &has_cfg, g, commit, err)) < 0)
			goto done;
		in.sources = &src;
		in.config_yaml = has_cfg ? cfg.ptr : NULL;
		in.config_len = cfg.len;
	}
	rc = an_site_load_input(out, root, &in, err);
done:
	an_sources_free(&src);
	an_buf_free(&cfg);
	return rc;
}

/* ---- the change log ---- */

void an_history_snapshot(an_snapshot *out, const an_site *site)
{
	const an_timeline *tl = &site->timeline;
	for (int pass = 0; pass < 2; pass++) {
		const an_event *evs = pass ? tl->undated : tl->events;
		size_t n = pass ? tl->n_undated : tl->n_events;
		for (size_t i = 0; i < n; i++) {
			const an_event *ev = &evs[i];
			an_snap_event s = {(char *)ev->id, (char *)ev->value, (char *)ev->mod,
			                   ev->title, NULL, ev->n_sources, NULL, ev->n_mentions};
			s.sources = an_xcalloc(ev->n_sources + 1, sizeof *s.sources);
			for (size_t k = 0; k < ev->n_sources; k++)
				s.sources[k] = site->articles[ev->sources[k]].slug;
			s.keys = an_xcalloc(ev->n_mentions + 1, sizeof *s.keys);
			for (size_t k = 0; k < ev->n_mentions; k++) {
				const an_mention *m = &ev->mentions[k];
				const an_sentence *st = &site->analyses[m->doc].sentences.items[m->sentence];
				an_buf key = AN_BUF_INIT;
				an_buf_printf(&key, "%s\n", site->articles[m->doc].slug);
				an_buf_put(&key, site->articles[m->doc].text + st->start,
				           st->end - st->start);
				s.keys[k] = an_buf_detach(&key);
			}
			an_snapshot_add(out, &s);
			for (size_t k = 0; k < ev->n_mentions; k++)
				free(s.keys[k]);
			free(s.keys);
			free(s.sources);
		}
	}
}

/* For old commits of the change log: an article without a front-matter
 * date gets the date of the first commit on the walk that had its path
 * (a full per-file history for every commit would cost too much). */
typedef struct {
	char **paths;
	an_date *dates;
	size_t len, cap, cap2;
	an_date now; /* the commit being loaded */
} seen_dates;

static int seen_hook(an_site *site, void *payload, an_error *err)
{
	seen_dates *s = payload;
	(void)err;
	for (size_t i = 0; i < site->n_articles; i++) {
		an_article *a = &site->articles[i];
		size_t k = 0;
		while (k < s->len && strcmp(s->paths[k], a->path) != 0)
			k++;
		if (k == s->len) {
			s->paths = an_xgrow(s->paths, &s->cap, s->len + 1, sizeof *s->paths);
			s->dates = an_xgrow(s->dates, &s->cap2, s->len + 1, sizeof *s->dates);
			s->paths[s->len] = an_xstrdup(a->path);
			s->dates[s->len++] = s->now;
		}
		if (!a->meta.has_date) {
			a->meta.date = s->dates[k];
			a->meta.has_date = 1;
		}
	}
	return 0;
}

static void first_line(an_buf *out, const char *msg)
{
	msg = msg ? msg : "";
	while (*msg == '\n')
		msg++;
	an_buf_put(out, msg, strcspn(msg, "\n"));
	if (!out->ptr)
		an_buf_put(out, "", 0);
}

/* The first-parent chain from `tip`, oldest first, each commit owned. */
static int first_parent_chain(git_commit ***out, size_t *len, int *cut, an_git *g,
                              git_commit *tip, an_error *err)
{
	size_t cap = 0;
	git_commit *c = NULL;
	int rc = 0;
	*out = NULL;
	*len = 0;
	*cut = 0;
	if (git_commit_dup(&c, tip) < 0)
		return an_git_error(err, "", "cannot read the commit");
	while (c) {
		*out = an_xgrow(*out, &cap, *len + 1, sizeof **out);
		(*out)[(*len)++] = c;
		git_commit *p = NULL;
		if (git_commit_parentcount(c) == 0)
			break;
		if (an_git_is_shallow_root(g, git_commit_id(c))) {
			*cut = 1;
			break;
		}
		int e = git_commit_parent(&p, c, 0);
		if (e == GIT_ENOTFOUND && an_git_is_shallow(g)) {
			*cut = 1;
			break;
		}
		if (e < 0) {
			rc = an_git_error(err, "", "cannot read a parent commit (a corrupt repository? "
			                           "try git fsck)");
			break;
		}
		c = p;
	}
	for (size_t i = 0; i < *len / 2; i++) {
		git_commit *t = (*out)[i];
		(*out)[i] = (*out)[*len - 1 - i];
		(*out)[*len - 1 - i] = t;
	}
	return rc;
}

/* For each commit on the first-parent chain that changed the content and
 * with it the timeline: its changes, newest first. */
static int build_changes(an_change_log *log, an_git *g, git_commit *tip, const char *root,
                         const an_history_opts *o, an_error *err)
{
	git_commit **chain = NULL;
	size_t len = 0, n_loads = 0;
	int cut = 0, rc, have_prev = 0;
	seen_dates seen = {0};
	an_snapshot prev = AN_SNAPSHOT_INIT;
	git_oid prev_tree;
	size_t *changed = NULL, n_changed = 0;
	an_acache *cache = an_acache_new();
	if ((rc = first_parent_chain(&chain, &len, &cut, g, tip, err)) < 0)
		goto done;
	/* the commits whose content differs from their first parent's */
	changed = an_xcalloc(len + 1, sizeof *changed);
	for (size_t i = 0; i < len; i++) {
		git_oid t;
		int e = an_git_tree_id(&t, g, chain[i], "content", err);
		if (e < 0) {
			rc = -1;
			goto done;
		}
		if (e == 0 && (!have_prev || !git_oid_equal(&t, &prev_tree)))
			changed[n_changed++] = i;
		if (e == 0)
			git_oid_cpy(&prev_tree, &t);
		have_prev = e == 0;
	}
	/* A shallow clone's oldest commit is a baseline, not an addition of
	 * everything; so is the commit before the last AN_HISTORY_MAX_CHANGES. */
	size_t start = 0;
	if (n_changed > AN_HISTORY_MAX_CHANGES)
		start = n_changed - AN_HISTORY_MAX_CHANGES - 1;
	int baseline = cut || start > 0;
	for (size_t k = start; k < n_changed; k++) {
		git_commit *c = chain[changed[k]];
		an_site site;
		an_snapshot now = AN_SNAPSHOT_INIT;
		an_error e2 = AN_ERROR_INIT;
		char sid[8];
		short_id(sid, git_commit_id(c));
		seen.now = an_date_from_days((long)((git_commit_time(c) +
		                                     git_commit_time_offset(c) * 60LL) / 86400));
		n_loads++;
		/* a past commit's bad article leaves it out of that snapshot */
		an_history_opts past = {.keep_going = 1};
		if (load_at(&site, root, g, c, 1, seen_hook, &seen, cache, &past, &e2) < 0) {
			say(o->notes, "note", "Changes page: commit %s is left out: %s%s%s", sid,
			    e2.file, e2.file[0] ? ": " : "", e2.msg);
			continue;
		}
		an_history_snapshot(&now, &site);
		/* consecutive commits share most articles: the next load takes
		 * their analyses instead of tagging them again */
		an_site_give_analyses(&site, cache);
		an_acache_trim(cache);
		an_site_free(&site);
		if (baseline) {
			baseline = 0;
		} else {
			an_revision r;
			memset(&r, 0, sizeof r);
			an_diff_snapshots(&r.changes, &prev, &now);
			if (r.changes.len) {
				an_buf msg = AN_BUF_INIT;
				first_line(&msg, git_commit_message(c));
				git_oid_tostr(r.commit, sizeof r.commit, git_commit_id(c));
				an_git_time_str(r.date, git_commit_time(c), git_commit_time_offset(c));
				r.message = an_buf_detach(&msg);
				const git_signature *s = git_commit_author(c);
				r.author = an_xstrdup(s && s->name ? s->name : "");
				log->items = an_xgrow(log->items, &log->cap, log->len + 1,
				                      sizeof *log->items);
				log->items[log->len++] = r;
			}
		}
		an_snapshot_free(&prev);
		prev = now;
	}
	/* newest first */
	for (size_t i = 0; i < log->len / 2; i++) {
		an_revision t = log->items[i];
		log->items[i] = log->items[log->len - 1 - i];
		log->items[log->len - 1 - i] = t;
	}
done:
	an_acache_free(cache);
	an_snapshot_free(&prev);
	for (size_t i = 0; i < seen.len; i++)
		free(seen.paths[i]);
	free(seen.paths);
	free(seen.dates);
	for (size_t i = 0; i < len; i++)
		git_commit_free(chain[i]);
	free(chain);
	free(changed);
	return rc;
}

/* ---- entry points ---- */

/* The working files without history, with the caller's hooks. */
static int load_plain(an_site *out, const char *root, an_history_articles_fn on_articles,
                      void *payload, const an_history_opts *o, an_error *err)
{
	an_site_input in;
	input_from(&in, o, on_articles, payload, o->cache);
	return an_site_load_input(out, root, &in, err);
}

int an_history_load_site(an_site *out, const char *root, const an_history_opts *o,
                         an_error *err)
{
	return an_history_load_site_with(out, root, o, NULL, NULL, err);
}

int an_history_load_site_with(an_site *out, const char *root, const an_history_opts *o,
                              an_history_articles_fn on_articles, void *payload,
                              an_error *err)
{
	an_git *g = NULL;
	git_commit *tip = NULL;
	char branch[256], sid[8];
	int rc = an_git_open(&g, root, err);
	memset(out, 0, sizeof *out);
	if (rc < 0)
		goto done;
	if (rc == 0) {
		if (o->rev) {
			rc = an_error_set(err, root, 0,
			                  "--rev %s needs a git repository, and this folder is not in "
			                  "one", o->rev);
			goto done;
		}
		say(o->notes, "note", "%s is not in a git repository: history features (dates "
		    "from commits, the Changes page) are skipped", root);
		rc = load_plain(out, root, on_articles, payload, o, err);
		goto done;
	}
	an_git_head state = an_git_head_state(g, branch, sizeof branch);
	if (!o->rev && state == AN_GIT_HEAD_UNBORN) {
		say(o->notes, "note", "the branch '%s' has no commits yet: history features "
		    "(dates from commits, the Changes page) are skipped", branch);
		rc = load_plain(out, root, on_articles, payload, o, err);
		goto done;
	}
	if ((rc = an_git_commit(&tip, g, o->rev, err)) < 0)
		goto done;
	if (!o->rev && state == AN_GIT_HEAD_DETACHED) {
		short_id(sid, git_commit_id(tip));
		say(o->notes, "note", "HEAD is detached at %s: history is read from that commit",
		    sid);
	}
	hook_ctx h = {g, tip, o, on_articles, payload};
	if ((rc = load_at(out, root, g, tip, o->rev != NULL, history_hook, &h, o->cache, o,
	                  err)) < 0)
		goto done;
	if (o->changes && (rc = build_changes(&out->changes, g, tip, root, o, err)) < 0)
		an_site_free(out);
done:
	git_commit_free(tip);
	an_git_free(g);
	return rc;
}

int an_history_diff(an_changes *out, const char *root, const char *rev1,
                    const char *rev2, const an_history_opts *o, an_error *err)
{
	an_git *g = NULL;
	git_commit *c = NULL;
	an_snapshot snaps[2] = {AN_SNAPSHOT_INIT, AN_SNAPSHOT_INIT};
	const char *revs[2] = {rev1, rev2};
	int rc = an_git_open(&g, root, err);
	if (rc == 0)
		rc = an_error_set(err, root, 0, "annals diff compares git revisions, and this "
		                                "folder is not in a git repository");
	if (rc < 0)
		goto done;
	for (int i = 0; i < 2; i++) {
		an_site site;
		if ((rc = an_git_commit(&c, g, revs[i], err)) < 0)
			goto done;
		hook_ctx h = {g, c, o, NULL, NULL};
		if ((rc = load_at(&site, root, g, c, 1, history_hook, &h, NULL, NULL, err)) < 0) {
			char msg[sizeof err->msg];
			snprintf(msg, sizeof msg, "%s", err->msg);
			snprintf(err->msg, sizeof err->msg, "%.900s (in revision %.100s)", msg, revs[i]);
			goto done;
		}
		an_history_snapshot(&snaps[i], &site);
		an_site_free(&site);
		git_commit_free(c);
		c = NULL;
	}
	an_diff_snapshots(out, &snaps[0], &snaps[1]);
done:
	an_snapshot_free(&snaps[0]);
	an_snapshot_free(&snaps[1]);
	git_commit_free(c);
	an_git_free(g);
	return rc;
}

int an_history_export_themes(const char *root, const char *rev, const char *dest,
                             an_error *err)
{
	an_git *g = NULL;
	git_commit *c = NULL;
	an_buf dir = AN_BUF_INIT;
	int rc = an_git_open(&g, root, err);
	if (rc == 0)
		rc = an_error_set(err, root, 0, "--rev needs a git repository, and this folder "
		                                "is not in one");
	if (rc < 0)
		goto done;
	if ((rc = an_git_commit(&c, g, rev, err)) < 0)
		goto done;
	an_buf_printf(&dir, "%s/themes", dest);
	rc = an_git_export_dir(g, c, "themes", dir.ptr, err) < 0 ? -1 : 0;
	an_buf_clear(&dir);
	an_buf_printf(&dir, "%s/filters", dest); /* the site's Lua hooks (hooks.h) */
	if (rc == 0)
		rc = an_git_export_dir(g, c, "filters", dir.ptr, err) < 0 ? -1 : 0;
done:
	an_buf_free(&dir);
	git_commit_free(c);
	an_git_free(g);
	return rc;
}
