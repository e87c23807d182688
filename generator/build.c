/* build.c - the build pipeline (see build.h). */
#include "build.h"
#include "trace.h"
#include "acache.h"
#include "alloc.h"
#include "export.h"
#include "history.h"
#include "hooks.h"
#include "export_csv.h"
#include "export_ics.h"
#include "export_timelinejs.h"
#include "paths.h"
#include "render.h"
#include "sink.h"
#include "theme.h"
#include "write.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const an_build_export an_build_exports[] = {
	{"timeline.json", an_export_timeline_json_to},
	{"timelinejs.json", an_export_timelinejs_to},
	{"events.ics", an_export_events_ics_to},
	{"events.csv", an_export_events_csv_to},
	{NULL, NULL},
};

/* Set while the output is being written; a signal then sets g_interrupted
 * and the write loop stops at the next file. */
/* atomics, not only volatile: the writer thread reads g_interrupted too
 * (lock-free atomics are safe in a signal handler) */
static atomic_int g_writing, g_interrupted;

int an_build_interrupt(int sig)
{
	if (!g_writing)
		return 0;
	g_interrupted = sig;
	return 1;
}

/* Where the theme's pages go as it makes them: the writer thread, or the
 * output directly when no thread could start. */
typedef struct {
	an_sink *sink;
	an_output *out;
	an_error err; /* a direct write's failure */
	size_t direct_failed;
	/* the exports' own memo (NULL: none), and what they are made from
	 * (an_export_key, in hex): apart from the pages' memo, since the
	 * exports do not read the theme, and are made while it renders */
	an_pagememo *exports_memo;
	char exports_key[17];
} page_out;

static int emit_page(void *payload, const char *path, const char *data, size_t len)
{
	page_out *po = payload;
	if (po->sink)
		return an_sink_put_copy(po->sink, path, data, len);
	if (an_output_write(po->out, path, data, len, &po->err) < 0) {
		po->direct_failed = 1;
		return -1;
	}
	return 0;
}

/* A page the memo found fresh: the earlier output's file, unchanged. */
static int keep_page(void *payload, const char *path)
{
	page_out *po = payload;
	if (po->sink)
		return an_sink_keep(po->sink, an_xstrdup(path));
	if (an_output_keep(po->out, path, &po->err) < 0) {
		po->direct_failed = 1;
		return -1;
	}
	return 0;
}

/* The page memo ("pages") or the exports' ("exports") of OUTPUT beside
 * the analysis cache CACHE_FILE: one per output folder, named by a hash
 * of its real path.  -1 while the folder does not exist. */
static int memo_path(an_buf *out, const char *what, const char *cache_file, const char *output)
{
	char real[PATH_MAX];
	const char *slash = strrchr(cache_file, '/');
	if (!slash || !realpath(output, real))
		return -1;
	an_buf_clear(out);
	an_buf_printf(out, "%.*s/%s-%016llx", (int)(slash - cache_file), cache_file, what,
	              (unsigned long long)an_acache_hash(real, strlen(real)));
	return 0;
}

/* The timeline cache beside the analysis cache CACHE_FILE (one per site,
 * as the analyses are).  -1 when CACHE_FILE names no folder. */
static int timeline_path(an_buf *out, const char *cache_file)
{
	const char *slash = strrchr(cache_file, '/');
	if (!slash)
		return -1;
	an_buf_clear(out);
	an_buf_printf(out, "%.*s/timeline", (int)(slash - cache_file), cache_file);
	return 0;
}

/* The settings a theme reads besides the site's articles and events. */
static void salt_config(an_pagememo *m, const an_config *c)
{
	const char *fields[] = {c->title, c->description, c->base_url, c->language, c->theme};
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		an_pagememo_salt_bytes(m, fields[i] ? fields[i] : "", fields[i] ? strlen(fields[i]) : 0);
	for (size_t i = 0; i < c->n_params; i++) {
		an_pagememo_salt_bytes(m, c->params[i].key, strlen(c->params[i].key));
		an_pagememo_salt_bytes(m, c->params[i].value, strlen(c->params[i].value));
	}
	for (size_t i = 0; i < c->n_lua_allow; i++)
		an_pagememo_salt_bytes(m, c->lua_allow[i], strlen(c->lua_allow[i]));
	an_pagememo_salt_bytes(m, &c->markdown_unsafe, sizeof c->markdown_unsafe);
}

/* Hands `data` (malloc'd, taken) to the writer. */
static int put_page(page_out *po, const char *path, char *data, size_t len)
{
	if (po->sink)
		return an_sink_put(po->sink, an_xstrdup(path), data, len);
	int rc = emit_page(po, path, data ? data : "", len);
	free(data);
	return rc;
}

/* The data exports, from the site alone.  With the writer thread their
 * pieces go to it as they are made: timeline.json alone is over 100 MB
 * at 10,000 articles, and held whole (with the doubling of its buffer)
 * it was a large part of the build's memory. */
typedef struct {
	an_sink *sink;
	const char *path;
} export_drain;

static int drain_export(void *payload, const char *data, size_t len)
{
	export_drain *d = payload;
	return an_sink_put_part(d->sink, d->path, data, len, 0);
}

static int put_exports(page_out *po, const an_site *site)
{
	for (const an_build_export *e = an_build_exports; e->path; e++) {
		/* made from what the last build's were: its file stays */
		if (po->exports_memo) {
			an_pagememo_record(po->exports_memo, e->path, po->exports_key, 16);
			if (an_pagememo_fresh(po->exports_memo, e->path, po->exports_key, 16)) {
				if (keep_page(po, e->path) < 0)
					return -1;
				continue;
			}
		}
		an_export_out o = AN_EXPORT_OUT_INIT;
		export_drain d = {po->sink, e->path};
		if (po->sink) {
			o.drain = drain_export;
			o.payload = &d;
		}
		e->write(&o, site);
		int rc;
		if (po->sink) {
			rc = o.failed ? -1 : an_sink_put_part(po->sink, e->path, o.buf.ptr, o.buf.len, 1);
		} else {
			size_t len = o.buf.len;
			rc = put_page(po, e->path, an_buf_detach(&o.buf), len);
		}
		an_buf_free(&o.buf);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* The analysis cache file is written as soon as the site is analysed (an
 * an_site_input `analysed` task), on a thread beside the timeline: the
 * analyses are final once made, the timeline keeps one core of two busy
 * for seconds, and the sentences' terms and names, which only the
 * timeline and the entities read, can go before the theme's Lua states
 * fill memory (80 MB at 10,000 articles).  It took 0.5 s of a rebuild at
 * 10,000 articles in line. */
typedef struct {
	const an_acache *own; /* the cache the load took analyses from */
	size_t hits_before, from_disk;
	const char *file;
	an_error err;
	int rc;
} cache_saver;

static void save_cache(const an_site *site, void *payload)
{
	cache_saver *s = payload;
	/* every article's analysis came from the file, and the file held
	 * nothing else: it is already what would be written (the load is
	 * done with the cache: reading its count races with nothing) */
	size_t n = site->n_articles;
	if (an_acache_hits(s->own) - s->hits_before == n && s->from_disk == n)
		return;
	s->rc = an_acache_save_analyses(site->articles, site->analyses, n, s->file, &s->err);
}

/* The exports made on a thread of their own while the theme renders:
 * they read the site only (the theme and the filters do not change it),
 * and on a rebuild, where the theme keeps most pages, they were the last
 * two seconds with one core idle. */
typedef struct {
	page_out *po;
	const an_site *site;
	int rc;
} export_job;

static void *export_thread(void *arg)
{
	export_job *job = arg;
	job->rc = put_exports(job->po, job->site);
	return NULL;
}

/* The pages build() returned and the filters added (those it emitted are
 * written already), then the data exports unless a thread made them. */
static int put_rest(page_out *po, an_pages *pages, const an_site *site, int exported)
{
	for (size_t i = 0; i < pages->len; i++) {
		an_page *p = &pages->items[i];
		if (p->emitted)
			continue;
		char *data = p->data;
		p->data = NULL;
		if (put_page(po, p->path, data, p->len) < 0)
			return -1;
	}
	return exported ? 0 : put_exports(po, site);
}

/* A build of a git revision takes its theme from that revision when the
 * revision has one: its themes/ goes into a temporary folder that stands
 * in for the site root when the theme is looked up. */
static int rev_theme_root(char *out, size_t size, const an_build_opts *o, an_error *err)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(out, size, "%s/annals-rev-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(out)) {
		an_error_set(err, out, 0, "cannot create a temporary folder");
		out[0] = '\0';
		return -1;
	}
	return an_history_export_themes(o->source, o->rev, out, err);
}

/* An error from the output beats the theme's report of it: "emit: the
 * output stopped" names no file, the writer's error does. */
static int output_error(an_error *err, const an_error *cause)
{
	*err = *cause;
	return -1;
}

int an_build(an_build_stats *out, const an_build_opts *o, an_error *err)
{
	memset(out, 0, sizeof *out);
	an_trace_start();
	an_site site;
	an_pages pages = AN_PAGES_INIT;
	an_theme theme = AN_THEME_INIT;
	an_hooks *hooks = NULL;
	an_pagememo *memo = NULL;
	an_buf lua_dir = AN_BUF_INIT, memo_file = AN_BUF_INIT, timeline_file = AN_BUF_INIT;
	char rev_root[PATH_MAX] = "";
	/* a build of its own keeps analyses in cache_file; a live preview
	 * passes the cache it keeps in memory */
	an_acache *own = NULL, *cache = o->cache;
	FILE *warn = o->warnings ? o->warnings : stderr;
	if (!cache && o->cache_file) {
		cache = own = an_acache_new();
		if (an_acache_load(own, o->cache_file) < 0)
			fprintf(warn, "annals: warning: %s: cannot read the analysis cache (%s); every "
			        "article is analysed again\n", o->cache_file, strerror(errno));
	}
	size_t hits_before = cache ? an_acache_hits(cache) : 0;
	size_t from_disk = own ? an_acache_size(own) : 0;
	cache_saver saver = {own, hits_before, from_disk, o->cache_file, AN_ERROR_INIT, 0};
	/* the last timeline beside the analyses, for a build whose articles
	 * are all what they were */
	if (o->timeline_file)
		an_buf_puts(&timeline_file, o->timeline_file);
	else if (own && timeline_path(&timeline_file, o->cache_file) < 0)
		an_buf_clear(&timeline_file);
	an_history_opts ho = {o->rev, o->notes, o->warnings, 1, cache, o->keep_going, warn,
	                      o->progress, own ? save_cache : NULL, &saver,
	                      timeline_file.len ? timeline_file.ptr : NULL};
	page_out po = {NULL, NULL, AN_ERROR_INIT, 0, NULL, ""};
	an_error sink_err = AN_ERROR_INIT;
	int rc, loaded = 0;
	/* a revision's themes and filters are read from the revision */
	if (o->rev && (rc = rev_theme_root(rev_root, sizeof rev_root, o, err)) < 0)
		goto done;
	const char *root = o->rev ? rev_root : o->source;
	an_buf_printf(&lua_dir, "%s/lua", o->data_dir);
	an_hooks_opts hk = {root, lua_dir.ptr, 0, 0};
	if ((rc = an_hooks_new(&hooks, &hk, err)) < 0)
		goto done;
	if ((rc = an_history_load_site_with(&site, o->source, &ho, an_hooks_articles, hooks,
	                                    err)) < 0)
		goto done;
	loaded = 1;
	if (o->strict && site.config.warnings) {
		rc = an_error_set(err, "annals.yaml", 0,
		                  "%d warning%s above; --strict makes warnings errors",
		                  site.config.warnings, site.config.warnings == 1 ? "" : "s");
		goto done;
	}
	if (cache)
		out->reused = an_acache_hits(cache) - hits_before;
	if (own) {
		/* what no article took goes now, not after the render */
		an_acache_trim(own);
		if (saver.rc < 0)
			fprintf(warn, "annals: warning: %s: %s\n", saver.err.file, saver.err.msg);
		an_trace("analysis cache saved (beside the timeline)");
	}
	if (timeline_file.len && !site.timeline_reused) {
		an_error terr = AN_ERROR_INIT;
		if (an_timeline_save(&site.timeline, site.timeline_key, site.n_articles,
		                     timeline_file.ptr, &terr) < 0)
			fprintf(warn, "annals: warning: %s: %s\n", terr.file, terr.msg);
		an_trace("timeline cache saved");
	}
	/* a live preview's cache takes the analyses whole after the build */
	if (!o->cache)
		for (size_t i = 0; i < site.n_articles; i++)
			an_analysis_shed(&site.analyses[i]);
	if ((rc = an_hooks_timeline(hooks, &site, err)) < 0)
		goto done;
	const char *name = o->theme ? o->theme : site.config.theme;
	if (o->output)
		snprintf(out->output, sizeof out->output, "%s", o->output);
	else
		snprintf(out->output, sizeof out->output, "%s/public", o->source);

	/* Writing starts before the render: pages go to disk as the theme
	 * makes them.  From here a signal stops the build at the next file
	 * and leaves the old site (an_build_interrupt). */
	g_interrupted = 0;
	g_writing = 1;
	if (!(po.out = an_output_begin(out->output, site.root, o->force, err))) {
		rc = -1;
		goto done;
	}
	po.sink = an_sink_start(po.out, &g_interrupted, o->progress);
	/* pages whose inputs did not change since the build that wrote this
	 * output are kept, not rendered (with the analyses' cache only) */
	if (o->cache_file) {
		memo = an_pagememo_new(out->output, an_acache_fingerprint());
		an_pagememo_salt_dir(memo, lua_dir.ptr);
		salt_config(memo, &site.config);
		if (memo_path(&memo_file, "pages", o->cache_file, out->output) == 0)
			an_pagememo_load(memo, memo_file.ptr);
		/* the exports are kept when what they read did not change: a
		 * build with nothing changed, a theme or a template edited */
		po.exports_memo = an_pagememo_new(out->output, an_acache_fingerprint());
		snprintf(po.exports_key, sizeof po.exports_key, "%016llx",
		         (unsigned long long)an_export_key(&site));
		if (memo_path(&memo_file, "exports", o->cache_file, out->output) == 0)
			an_pagememo_load(po.exports_memo, memo_file.ptr);
	}

	/* The theme holds the whole site while it renders: its memory budget,
	 * there to stop a runaway script, grows with the site. */
	size_t budget = ((size_t)512 << 20) + site.n_articles * ((size_t)256 << 10);
	an_emit emit = {emit_page, &po, po.sink != NULL, memo, keep_page};
	an_theme_paths tp = {root, o->data_dir, site.config.lua_allow, site.config.n_lua_allow,
	                     budget, &emit, 0};
	export_job exports = {&po, &site, 0};
	pthread_t export_tid;
	int exporting = po.sink && pthread_create(&export_tid, NULL, export_thread, &exports) == 0;
	an_trace("output begun");
	rc = an_theme_render(&pages, &theme, &site, &tp, name, err);
	an_trace("theme rendered");
	if (exporting) {
		pthread_join(export_tid, NULL);
		an_trace("exports joined");
		/* (a failed write is the sink's to report, below) */
		if (exports.rc < 0 && rc == 0)
			rc = -1;
	}
	if (rc < 0) {
		if (strstr(err->msg, "not enough memory")) {
			/* say which budget and why, not only Lua's words */
			size_t bytes = 0;
			for (size_t i = 0; i < site.n_articles; i++)
				bytes += site.articles[i].text_len;
			an_error_set(err, name, 0,
			             "the theme ran out of its memory budget (%zu MiB) on %zu "
			             "article%s, %zu KiB of text and %zu events; a very large "
			             "article is best split into several",
			             budget >> 20, site.n_articles, site.n_articles == 1 ? "" : "s",
			             bytes >> 10, site.timeline.n_events);
		}
		goto done;
	}
	if ((rc = an_hooks_pages(hooks, &pages, &site, &theme, err)) < 0)
		goto done;
	rc = put_rest(&po, &pages, &site, exporting);
	out->articles = site.n_articles;
	out->skipped = site.n_skipped;
	out->events = site.timeline.n_events;
	out->undated = site.timeline.n_undated;
done:
	if (po.sink && an_sink_finish(po.sink, &sink_err) < 0)
		rc = output_error(err, &sink_err);
	else if (po.direct_failed)
		rc = output_error(err, &po.err);
	/* the theme's static files once the writer is done with the output
	 * (an_output is one thread's); a page with the same path is an error,
	 * as a page the theme makes twice is */
	if (rc == 0 && po.out && !g_interrupted)
		rc = an_theme_copy_static(po.out, &theme, err);
	if (rc == 0 && g_interrupted)
		rc = an_error_set(err, out->output, 0, "interrupted; the previous site is unchanged");
	else if (rc < 0 && g_interrupted && !err->file[0]) {
		size_t n = strnlen(out->output, sizeof err->file - 1);
		memcpy(err->file, out->output, n);
		err->file[n] = '\0';
	}
	if (po.out && rc == 0) {
		out->files = an_output_files(po.out);
		out->linked = an_output_linked(po.out);
		out->kept = an_pagememo_kept(memo);
		out->exports_kept = an_pagememo_kept(po.exports_memo);
		an_trace("sink finished");
		rc = an_output_commit(po.out, err);
		an_trace("output committed");
		an_error merr = AN_ERROR_INIT;
		if (rc == 0 && memo &&
		    (memo_path(&memo_file, "pages", o->cache_file, out->output) < 0 ||
		     an_pagememo_save(memo, memo_file.ptr, out->output, &merr) < 0 ||
		     memo_path(&memo_file, "exports", o->cache_file, out->output) < 0 ||
		     an_pagememo_save(po.exports_memo, memo_file.ptr, out->output, &merr) < 0))
			fprintf(warn, "annals: warning: %s: %s\n", merr.file[0] ? merr.file : out->output,
			        merr.msg[0] ? merr.msg : "cannot keep the page memo");
	} else if (po.out) {
		an_output_abort(po.out);
	}
	g_writing = 0;
	if (rev_root[0])
		an_remove_tree(rev_root);
	an_buf_free(&lua_dir);
	an_buf_free(&memo_file);
	an_buf_free(&timeline_file);
	an_pagememo_free(memo);
	an_pagememo_free(po.exports_memo);
	an_pages_free(&pages);
	an_theme_free(&theme);
	an_hooks_free(hooks);
	if (loaded && o->cache) {
		/* the next build (a live preview's) reuses what did not change */
		an_site_give_analyses(&site, cache);
		an_acache_trim(cache);
	}
	if (loaded)
		an_site_free(&site);
	an_trace("freed");
	an_acache_free(own);
	return rc;
}
