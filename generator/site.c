/* site.c - runs the stages up to the timeline (see site.h). */
#include "site.h"
#include "trace.h"
#include "alloc.h"
#include "load.h"
#include "acache.h"
#include "pool.h"
#include "progress.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int cmp_article(const void *x, const void *y)
{
	const an_article *a = x, *b = y;
	long da = an_date_to_days(a->meta.date), db = an_date_to_days(b->meta.date);
	if (da != db)
		return da < db ? -1 : 1;
	return strcmp(a->slug, b->slug);
}

/* An article left out (keep_going): its error goes to the problems
 * stream as the user would see it, and the count grows. */
static void skip_article(an_site *site, FILE *problems, const an_error *e)
{
	site->n_skipped++;
	if (problems) {
		an_error_print(e, problems);
		fputs("annals: (that article is left out; the others build)\n", problems);
	}
}

static int check_dates(an_site *site, const an_site_input *in, an_error *err)
{
	size_t kept = 0;
	for (size_t i = 0; i < site->n_articles; i++) {
		if (site->articles[i].meta.has_date) {
			site->articles[kept++] = site->articles[i];
			continue;
		}
		an_error_set(err, site->articles[i].path, 1,
		             "front matter: no 'date'; add 'date: YYYY-MM-DD' (the "
		             "publication date anchors relative dates like \"last "
		             "week\"), or commit the file so git history dates it");
		if (!in->keep_going)
			return -1;
		skip_article(site, in->problems, err);
		an_article_free(&site->articles[i]);
	}
	site->n_articles = kept;
	return 0;
}

typedef struct {
	const char *slug;
	size_t index;
} slug_entry;

static int cmp_slug(const void *x, const void *y)
{
	const slug_entry *a = x, *b = y;
	int c = strcasecmp(a->slug, b->slug);
	return c ? c : (a->index < b->index ? -1 : a->index > b->index);
}

/* Refuses two articles whose slugs differ at most in letter case ("A" and
 * "a" are one file on macOS and Windows).  Sorted, so O(n log n); names
 * the pair an all-pairs check would: the earliest article that repeats a
 * slug, and the first article with that slug. */
static int check_slugs(const an_site *site, an_error *err)
{
	size_t n = site->n_articles, bad_i = (size_t)-1, bad_j = 0;
	slug_entry *es = an_xmalloc((n + 1) * sizeof *es);
	for (size_t i = 0; i < n; i++)
		es[i] = (slug_entry){site->articles[i].slug, i};
	an_qsort(es, n, sizeof *es, cmp_slug);
	for (size_t r = 0; r + 1 < n;) {
		size_t z = r + 1;
		while (z < n && strcasecmp(es[z].slug, es[r].slug) == 0)
			z++;
		if (z - r > 1 && es[r + 1].index < bad_i) {
			bad_i = es[r + 1].index;
			bad_j = es[r].index;
		}
		r = z;
	}
	free(es);
	if (bad_i == (size_t)-1)
		return 0;
	return an_error_set(err, site->articles[bad_i].path, 1,
	                    "slug \"%s\" is also used by %s (letter case aside); "
	                    "set a different 'slug:' in one of them",
	                    site->articles[bad_i].slug, site->articles[bad_j].path);
}

static int cmp_size(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	return a < b ? -1 : a > b;
}

/* The site's entities are found from the articles' names alone, so
 * while the timeline is built (entities_start, on a thread of their own
 * when one can be had); then each event gets the entities named in its
 * mentions' sentences (entities_link). */
typedef struct {
	an_site *site;
	an_entity_doc *docs;
	long **entity_of;
	pthread_t thread;
	int threaded;
} entities_job;

static void *find_entities(void *arg)
{
	entities_job *j = arg;
	an_entities_build(&j->site->entities, j->docs, j->site->n_articles, &j->entity_of);
	return NULL;
}

static void entities_start(entities_job *j, an_site *site)
{
	memset(j, 0, sizeof *j);
	j->site = site;
	j->docs = an_xcalloc(site->n_articles + 1, sizeof *j->docs);
	for (size_t d = 0; d < site->n_articles; d++) {
		j->docs[d].text = site->articles[d].text;
		j->docs[d].names = &site->analyses[d].names;
	}
	j->threaded = pthread_create(&j->thread, NULL, find_entities, j) == 0;
}

/* The first of `names` in sentence `s` or after: the scan lists them in
 * sentence order, and a walk from the first per mention was quadratic in
 * a long article. */
static size_t first_name_in(const an_name_list *names, size_t s)
{
	size_t lo = 0, hi = names->len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (names->items[mid].sentence < s)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void entities_link(entities_job *j)
{
	an_site *site = j->site;
	if (j->threaded)
		pthread_join(j->thread, NULL);
	else
		find_entities(j);
	long **entity_of = j->entity_of;
	an_timeline *tl = &site->timeline;
	for (int pass = 0; pass < 2; pass++) {
		an_event *evs = pass ? tl->undated : tl->events;
		size_t n = pass ? tl->n_undated : tl->n_events;
		for (size_t i = 0; i < n; i++) {
			an_event *ev = &evs[i];
			for (size_t m = 0; m < ev->n_mentions; m++) {
				const an_mention *mn = &ev->mentions[m];
				const an_name_list *names = &site->analyses[mn->doc].names;
				size_t k = first_name_in(names, mn->sentence);
				for (; k < names->len && names->items[k].sentence == mn->sentence;
				     k++) {
					long e = entity_of[mn->doc][k];
					if (e < 0)
						continue;
					size_t x = 0;
					while (x < ev->n_entities && ev->entities[x] != (size_t)e)
						x++;
					if (x < ev->n_entities)
						continue;
					ev->entities = an_xrealloc(ev->entities,
					                           (ev->n_entities + 1) * sizeof *ev->entities);
					ev->entities[ev->n_entities++] = (size_t)e;
				}
			}
			an_qsort(ev->entities, ev->n_entities, sizeof *ev->entities, cmp_size);
		}
	}
	for (size_t d = 0; d < site->n_articles; d++)
		free(entity_of[d]);
	free(entity_of);
	free(j->docs);
}

/* Stories: each article joins the day-dated event with the most sources
 * among those it reports (its lead story; ties: the earlier event), or
 * the story of the nearest article in date that has one.  Figures only dispute each other within a story (see
 * an_disputes_find_grouped).  Not transitive on purpose: boilerplate
 * shared by unrelated reports would chain a whole archive into one; nor
 * from undated facts, which formulaic sentences ("the toll rose to")
 * make across a whole archive. */
static size_t *story_groups(const an_site *site)
{
	size_t n = site->n_articles;
	const an_timeline *tl = &site->timeline;
	size_t *group = an_xmalloc((n + 1) * sizeof *group);
	size_t *best = an_xcalloc(n + 1, sizeof *best);
	for (size_t d = 0; d < n; d++)
		group[d] = tl->n_events + d;
	for (size_t i = 0; i < tl->n_events; i++) {
		const an_event *ev = &tl->events[i];
		if (ev->span.gran < AN_GRAN_DAY || ev->n_sources < 2)
			continue;
		for (size_t s = 0; s < ev->n_sources; s++) {
			size_t d = ev->sources[s];
			if (ev->n_sources > best[d]) {
				best[d] = ev->n_sources;
				group[d] = i;
			}
		}
	}
	/* an article in no story joins the story of the nearest article by
	 * publication date that has one (ties: the earlier); with no story
	 * anywhere, the site is one story */
	long *prev = an_xmalloc((n + 1) * sizeof *prev), last = -1;
	for (size_t d = 0; d < n; d++) {
		prev[d] = last;
		if (best[d])
			last = (long)d;
	}
	long next = -1;
	for (size_t k = n; k-- > 0;) {
		if (best[k]) {
			next = (long)k;
			continue;
		}
		long when = an_date_to_days(site->articles[k].meta.date), pick = prev[k];
		if (next >= 0 && (pick < 0 ||
		                  an_date_to_days(site->articles[next].meta.date) - when <
		                      when - an_date_to_days(site->articles[pick].meta.date)))
			pick = next;
		group[k] = pick >= 0 ? group[pick] : 0;
	}
	free(prev);
	free(best);
	return group;
}

/* Each article's figures into a list of its own, on the worker pool. */
typedef struct {
	const an_site *site;
	an_figure_list *lists;
} figures_job;

static void scan_figures(size_t d, void *payload)
{
	figures_job *j = payload;
	an_figures_scan(&j->lists[d], d, j->site->articles[d].text,
	                &j->site->analyses[d].sentences, &j->site->analyses[d].timexes);
}

/* Each article's figures, which the timeline reads too, into lists of
 * their own (freed by link_disputes). */
static an_figure_list *scan_all_figures(an_site *site)
{
	figures_job job = {site, an_xcalloc(site->n_articles + 1, sizeof *job.lists)};
	an_pool_run(site->n_articles, scan_figures, &job);
	for (size_t d = 0; d < site->n_articles; d++)
		site->docs[d].figures = &job.lists[d];
	return job.lists;
}

/* Disputed figures, and the events whose sentences state them: each
 * figure is in at most one dispute, so an event's disputes come from the
 * figures of its mentions' sentences (figures are listed by doc).  Takes
 * the lists of scan_all_figures. */
static void link_disputes(an_site *site, an_figure_list *lists)
{
	/* joined in article order, as one scan after the other makes them */
	for (size_t d = 0; d < site->n_articles; d++) {
		site->docs[d].figures = NULL;
		an_figure_list *l = &lists[d];
		if (l->len) {
			site->figures.items = an_xgrow(site->figures.items, &site->figures.cap,
			                               site->figures.len + l->len,
			                               sizeof *site->figures.items);
			memcpy(site->figures.items + site->figures.len, l->items,
			       l->len * sizeof *l->items);
			site->figures.len += l->len;
		}
		an_figure_list_free(l);
	}
	free(lists);
	size_t *groups = story_groups(site);
	an_disputes_find_grouped(&site->disputes, &site->figures, groups);
	free(groups);
	size_t nf = site->figures.len;
	long *dispute_of = an_xmalloc((nf + 1) * sizeof *dispute_of);
	size_t *doc_first = an_xcalloc(site->n_articles + 2, sizeof *doc_first);
	for (size_t f = 0; f < nf; f++) {
		dispute_of[f] = -1;
		doc_first[site->figures.items[f].doc + 1]++;
	}
	for (size_t d = 0; d < site->n_articles; d++)
		doc_first[d + 1] += doc_first[d];
	for (size_t q = 0; q < site->disputes.len; q++)
		for (size_t k = 0; k < site->disputes.items[q].n_figures; k++)
			dispute_of[site->disputes.items[q].figures[k]] = (long)q;
	an_timeline *tl = &site->timeline;
	for (int pass = 0; pass < 2 && site->disputes.len; pass++) {
		an_event *evs = pass ? tl->undated : tl->events;
		size_t n = pass ? tl->n_undated : tl->n_events;
		for (size_t i = 0; i < n; i++) {
			an_event *ev = &evs[i];
			size_t cap = 0;
			for (size_t m = 0; m < ev->n_mentions; m++) {
				size_t doc = ev->mentions[m].doc;
				for (size_t f = doc_first[doc]; f < doc_first[doc + 1]; f++) {
					long q = dispute_of[f];
					if (q < 0 || site->figures.items[f].sentence != ev->mentions[m].sentence)
						continue;
					ev->disputes = an_xgrow(ev->disputes, &cap, ev->n_disputes + 1,
					                        sizeof *ev->disputes);
					ev->disputes[ev->n_disputes++] = (size_t)q;
				}
			}
			/* ascending and unique, as the themes list them */
			an_qsort(ev->disputes, ev->n_disputes, sizeof *ev->disputes, cmp_size);
			size_t u = 0;
			for (size_t k = 0; k < ev->n_disputes; k++)
				if (u == 0 || ev->disputes[u - 1] != ev->disputes[k])
					ev->disputes[u++] = ev->disputes[k];
			ev->n_disputes = u;
		}
	}
	free(dispute_of);
	free(doc_first);
}

/* Rank 1 is the event told by the most articles, then by the most
 * mentions, then the earliest. */
static int cmp_rank(const void *x, const void *y)
{
	const an_event *a = *(an_event *const *)x, *b = *(an_event *const *)y;
	if (a->n_sources != b->n_sources)
		return a->n_sources > b->n_sources ? -1 : 1;
	if (a->n_mentions != b->n_mentions)
		return a->n_mentions > b->n_mentions ? -1 : 1;
	if (a->span.first != b->span.first)
		return a->span.first < b->span.first ? -1 : 1;
	return strcmp(a->id, b->id);
}

static void rank_events(an_timeline *tl)
{
	an_event **order = an_xmalloc((tl->n_events + 1) * sizeof *order);
	for (size_t i = 0; i < tl->n_events; i++)
		order[i] = &tl->events[i];
	an_qsort(order, tl->n_events, sizeof *order, cmp_rank);
	for (size_t i = 0; i < tl->n_events; i++)
		order[i]->rank = i + 1;
	free(order);
}

/* ---- the per-article stages, on the worker pool (pool.h) ---- */

typedef struct {
	an_site *site;
	const an_sources *sources;
	int *rc;
	an_error *errs;
} parse_job;

static void parse_one(size_t i, void *payload)
{
	parse_job *j = payload;
	j->rc[i] = an_article_parse(&j->site->articles[i], &j->sources->items[i], &j->errs[i]);
	if (j->rc[i] == 0)
		j->site->articles[i].unsafe = j->site->config.markdown_unsafe;
}

/* Parses every source; the error reported is the first in source order,
 * as if they were parsed one by one, whatever the number of workers. */
typedef struct {
	an_site *site;
	FILE *problems;
} skip_ctx;

static void skip_source(const an_error *e, void *payload)
{
	skip_ctx *k = payload;
	skip_article(k->site, k->problems, e);
}

static int parse_all(an_site *site, const an_sources *sources, const an_site_input *in,
                     an_error *err)
{
	size_t n = sources->len;
	parse_job j = {site, sources, an_xcalloc(n + 1, sizeof *j.rc),
	               an_xcalloc(n + 1, sizeof *j.errs)};
	an_pool_run(n, parse_one, &j);
	if (in->keep_going) {
		size_t kept = 0;
		for (size_t i = 0; i < n; i++) {
			if (j.rc[i] == 0)
				site->articles[kept++] = site->articles[i];
			else
				skip_article(site, in->problems, &j.errs[i]);
		}
		site->n_articles = kept;
		free(j.rc);
		free(j.errs);
		return 0;
	}
	size_t bad = 0;
	while (bad < n && j.rc[bad] == 0)
		bad++;
	if (bad < n) {
		*err = j.errs[bad];
		for (size_t i = bad + 1; i < n; i++)
			if (j.rc[i] == 0)
				an_article_free(&site->articles[i]);
	}
	site->n_articles = bad;
	free(j.rc);
	free(j.errs);
	return bad < n ? -1 : 0;
}

typedef struct {
	an_site *site;
	const unsigned char *cached; /* per article: its analysis came from the cache */
	an_progress *progress;
} analyse_job;

static void analyse_one(size_t i, void *payload)
{
	analyse_job *j = payload;
	if (!j->cached || !j->cached[i])
		an_analyse(&j->site->analyses[i], &j->site->articles[i]);
	AN_PROGRESS_ADD(j->progress, articles, 1);
}

/* in->analysed on a thread of its own (site.h). */
typedef struct {
	const an_site_input *in;
	const an_site *site;
} analysed_job;

static void *analysed_thread(void *arg)
{
	analysed_job *j = arg;
	j->in->analysed(j->site, j->in->analysed_payload);
	return NULL;
}

int an_site_load_input(an_site *out, const char *root, const an_site_input *in,
                       an_error *err)
{
	analysed_job aj = {in, out};
	pthread_t analysed_tid;
	int analysed_running = 0;
	memset(out, 0, sizeof *out);
	out->root = an_xstrdup(root);
	an_sources read = AN_SOURCES_INIT;
	const an_sources *sources = in->sources ? in->sources : &read;
	int rc;
	if (in->sources)
		rc = an_config_parse(&out->config, in->config_yaml, in->config_len, err);
	else
		rc = an_config_load(&out->config, root, err);
	if (rc < 0)
		goto done;
	skip_ctx sk = {out, in->problems};
	if (!in->sources &&
	    (rc = an_load_content_dir_skip(&read, root, in->keep_going ? skip_source : NULL, &sk,
	                                   err)) < 0)
		goto done;
	an_trace("content read");
	out->articles = an_xcalloc(sources->len + 1, sizeof *out->articles);
	rc = parse_all(out, sources, in, err);
	/* the articles hold copies of what they need: the files' bytes (as
	 * much again as the bodies) need not wait for the timeline */
	an_sources_free(&read);
	if (rc < 0)
		goto done;
	if (in->after_parse && (rc = in->after_parse(out, in->payload, err)) < 0)
		goto done;
	if ((rc = check_dates(out, in, err)) < 0)
		goto done;
	an_qsort(out->articles, out->n_articles, sizeof *out->articles, cmp_article);
	if ((rc = check_slugs(out, err)) < 0)
		goto done;

	out->analyses = an_xcalloc(out->n_articles + 1, sizeof *out->analyses);
	out->docs = an_xcalloc(out->n_articles + 1, sizeof *out->docs);
	unsigned char *cached = NULL;
	if (in->cache) {
		cached = an_xcalloc(out->n_articles + 1, 1);
		for (size_t i = 0; i < out->n_articles; i++)
			cached[i] = (unsigned char)an_acache_take(in->cache, &out->analyses[i],
			                                          &out->articles[i]);
	}
	AN_PROGRESS_SET(in->progress, n_articles, out->n_articles);
	analyse_job job = {out, cached, in->progress};
	an_pool_run(out->n_articles, analyse_one, &job);
	free(cached);
	an_trace("articles parsed and analysed");
	for (size_t i = 0; i < out->n_articles; i++) {
		out->docs[i].article = &out->articles[i];
		out->docs[i].analysis = &out->analyses[i];
	}
	/* the timeline takes seconds on a large site with a core often idle */
	if (in->analysed &&
	    !(analysed_running = pthread_create(&analysed_tid, NULL, analysed_thread, &aj) == 0))
		in->analysed(out, in->analysed_payload);
	entities_job entities;
	entities_start(&entities, out);
	an_figure_list *figures = scan_all_figures(out);
	if (in->timeline_cache) {
		out->timeline_key = an_timeline_key(out->docs, out->n_articles);
		out->timeline_reused = an_timeline_load(&out->timeline, out->timeline_key, out->docs,
		                                        out->n_articles, in->timeline_cache);
	}
	if (!out->timeline_reused)
		an_timeline_build(&out->timeline, out->docs, out->n_articles);
	an_trace(out->timeline_reused ? "timeline built (read from the cache)" : "timeline built");
	entities_link(&entities);
	link_disputes(out, figures);
	rank_events(&out->timeline);
	an_trace("entities and figures linked");
	AN_PROGRESS_SET(in->progress, events, out->timeline.n_events + out->timeline.n_undated);
done:
	/* before anything it reads can be freed */
	if (analysed_running)
		pthread_join(analysed_tid, NULL);
	an_sources_free(&read);
	if (rc < 0)
		an_site_free(out);
	return rc;
}

int an_site_load(an_site *out, const char *root, an_error *err)
{
	an_site_input in = {0};
	return an_site_load_input(out, root, &in, err);
}

void an_site_entity_events(const an_site *site, size_t e,
                           void (*fn)(const an_event *ev, void *payload), void *payload)
{
	const an_timeline *tl = &site->timeline;
	for (int pass = 0; pass < 2; pass++) {
		const an_event *evs = pass ? tl->undated : tl->events;
		size_t n = pass ? tl->n_undated : tl->n_events;
		for (size_t i = 0; i < n; i++)
			for (size_t k = 0; k < evs[i].n_entities; k++)
				if (evs[i].entities[k] == e)
					fn(&evs[i], payload);
	}
}

void an_site_entity_events_index(an_entity_events *out, const an_site *site)
{
	size_t n = site->entities.len, total = 0;
	const an_timeline *tl = &site->timeline;
	out->first = an_xcalloc(n + 2, sizeof *out->first);
	for (int pass = 0; pass < 2; pass++) {
		const an_event *evs = pass ? tl->undated : tl->events;
		size_t ne = pass ? tl->n_undated : tl->n_events;
		for (size_t i = 0; i < ne; i++)
			for (size_t k = 0; k < evs[i].n_entities; k++)
				if (evs[i].entities[k] < n) {
					out->first[evs[i].entities[k] + 1]++;
					total++;
				}
	}
	for (size_t e = 0; e < n; e++)
		out->first[e + 1] += out->first[e];
	out->events = an_xmalloc((total + 1) * sizeof *out->events);
	size_t *fill = an_xmalloc((n + 1) * sizeof *fill);
	memcpy(fill, out->first, n * sizeof *fill);
	/* entities are listed once per event, so each event lands once */
	for (int pass = 0; pass < 2; pass++) {
		const an_event *evs = pass ? tl->undated : tl->events;
		size_t ne = pass ? tl->n_undated : tl->n_events;
		for (size_t i = 0; i < ne; i++)
			for (size_t k = 0; k < evs[i].n_entities; k++)
				if (evs[i].entities[k] < n)
					out->events[fill[evs[i].entities[k]]++] = &evs[i];
	}
	free(fill);
}

void an_entity_events_free(an_entity_events *idx)
{
	free(idx->first);
	free(idx->events);
	idx->first = NULL;
	idx->events = NULL;
}

long an_site_find_slug(const an_site *site, const char *slug)
{
	for (size_t i = 0; i < site->n_articles; i++)
		if (strcmp(site->articles[i].slug, slug) == 0)
			return (long)i;
	return -1;
}

void an_site_give_analyses(an_site *site, an_acache *cache)
{
	if (!cache || !site->analyses)
		return;
	for (size_t i = 0; i < site->n_articles; i++)
		an_acache_give(cache, &site->analyses[i], &site->articles[i]);
}

void an_site_free(an_site *site)
{
	if (!site)
		return;
	an_timeline_free(&site->timeline);
	an_entities_free(&site->entities);
	an_disputes_free(&site->disputes);
	an_figure_list_free(&site->figures);
	if (site->analyses)
		for (size_t i = 0; i < site->n_articles; i++)
			an_analysis_free(&site->analyses[i]);
	for (size_t i = 0; i < site->n_articles; i++)
		an_article_free(&site->articles[i]);
	free(site->analyses);
	free(site->docs);
	free(site->articles);
	an_config_free(&site->config);
	an_change_log_free(&site->changes);
	free(site->root);
	memset(site, 0, sizeof *site);
}
