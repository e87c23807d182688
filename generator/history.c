/* history.c - dates, authors and timeline changes from git history (see
 * history.h).
 *
 * Per-file history walks the commit graph itself instead of using a
 * git_revwalk: libgit2 1.5 cannot walk a shallow clone (the revwalk fails
 * on the first missing parent), and the graph is needed anyway to carry
 * each article's path back through renames.  Commits are visited children
 * first, newest first among those ready (a topological order, as
 * GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME).  Like `git log FILE`, a merge
 * whose file equals one parent's passes the file to that parent only, so a
 * change counts once, in the commit that made it. */
#include "history.h"
#include "alloc.h"
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

/* ---- the commit graph ---- */

typedef struct {
	git_commit *commit;
	size_t *parents;
	size_t n_parents;
	int cut;             /* a shallow clone left its parents out */
	size_t children;     /* children not yet visited */
	const char **paths;  /* per article: its path here, or NULL */
} node;

typedef struct {
	node *nodes;
	size_t len, cap;
	long *slots; /* open addressing: node index by commit id, -1 empty */
	size_t n_slots;
} graph;

static size_t hash_oid(const git_oid *id)
{
	size_t h = 0;
	memcpy(&h, id->id, sizeof h < GIT_OID_RAWSZ ? sizeof h : GIT_OID_RAWSZ);
	return h;
}

static long graph_find(const graph *gr, const git_oid *id)
{
	if (!gr->n_slots)
		return -1;
	for (size_t i = hash_oid(id) & (gr->n_slots - 1);; i = (i + 1) & (gr->n_slots - 1)) {
		long n = gr->slots[i];
		if (n < 0 || git_oid_equal(git_commit_id(gr->nodes[n].commit), id))
			return n;
	}
}

static void graph_rehash(graph *gr)
{
	free(gr->slots);
	gr->n_slots = gr->n_slots ? gr->n_slots * 2 : 64;
	gr->slots = an_xmalloc(gr->n_slots * sizeof *gr->slots);
	for (size_t i = 0; i < gr->n_slots; i++)
		gr->slots[i] = -1;
	for (size_t n = 0; n < gr->len; n++) {
		size_t i = hash_oid(git_commit_id(gr->nodes[n].commit)) & (gr->n_slots - 1);
		while (gr->slots[i] >= 0)
			i = (i + 1) & (gr->n_slots - 1);
		gr->slots[i] = (long)n;
	}
}

/* Takes ownership of `c`; returns its index. */
static size_t graph_add(graph *gr, git_commit *c)
{
	gr->nodes = an_xgrow(gr->nodes, &gr->cap, gr->len + 1, sizeof *gr->nodes);
	memset(&gr->nodes[gr->len], 0, sizeof *gr->nodes);
	gr->nodes[gr->len].commit = c;
	gr->len++;
	if (gr->len * 2 > gr->n_slots)
		graph_rehash(gr);
	else {
		size_t i = hash_oid(git_commit_id(c)) & (gr->n_slots - 1);
		while (gr->slots[i] >= 0)
			i = (i + 1) & (gr->n_slots - 1);
		gr->slots[i] = (long)gr->len - 1;
	}
	return gr->len - 1;
}

static void graph_free(graph *gr)
{
	for (size_t i = 0; i < gr->len; i++) {
		git_commit_free(gr->nodes[i].commit);
		free(gr->nodes[i].parents);
		free((void *)gr->nodes[i].paths);
	}
	free(gr->nodes);
	free(gr->slots);
	memset(gr, 0, sizeof *gr);
}

static void short_id(char out[8], const git_oid *id)
{
	git_oid_tostr(out, 8, id);
}

/* Every commit reachable from `tip` (which the graph takes over). */
static int graph_collect(graph *gr, an_git *g, git_commit *tip, an_error *err)
{
	git_repository *repo = an_git_repository(g);
	size_t *stack = NULL, n_stack = 0, cap_stack = 0;
	int rc = 0;
	graph_add(gr, tip);
	stack = an_xgrow(stack, &cap_stack, 1, sizeof *stack);
	stack[n_stack++] = 0;
	while (n_stack) {
		size_t ni = stack[--n_stack];
		git_commit *c = gr->nodes[ni].commit;
		if (an_git_is_shallow_root(g, git_commit_id(c))) {
			gr->nodes[ni].cut = 1;
			continue;
		}
		unsigned np = git_commit_parentcount(c);
		gr->nodes[ni].parents = an_xcalloc(np + 1, sizeof *gr->nodes[ni].parents);
		for (unsigned p = 0; p < np; p++) {
			const git_oid *pid = git_commit_parent_id(c, p);
			long found = graph_find(gr, pid);
			if (found < 0) {
				git_commit *pc = NULL;
				int e = git_commit_lookup(&pc, repo, pid);
				if (e == GIT_ENOTFOUND && an_git_is_shallow(g)) {
					gr->nodes[ni].cut = 1;
					continue;
				}
				if (e < 0) {
					char a[8], b[8];
					short_id(a, git_commit_id(c));
					short_id(b, pid);
					an_buf what = AN_BUF_INIT;
					an_buf_printf(&what, "commit %s: cannot read its parent %s (a corrupt "
					              "repository? try git fsck)", a, b);
					rc = an_git_error(err, "", what.ptr);
					an_buf_free(&what);
					goto done;
				}
				found = (long)graph_add(gr, pc);
				stack = an_xgrow(stack, &cap_stack, n_stack + 1, sizeof *stack);
				stack[n_stack++] = (size_t)found;
			}
			node *n = &gr->nodes[ni]; /* graph_add may have moved it */
			n->parents[n->n_parents++] = (size_t)found;
			gr->nodes[found].children++;
		}
	}
done:
	free(stack);
	return rc;
}

/* A max-heap of node indices by commit time: the next commit to visit. */
typedef struct {
	size_t *items;
	size_t len, cap;
} heap;

static int newer(const graph *gr, size_t a, size_t b)
{
	return git_commit_time(gr->nodes[a].commit) > git_commit_time(gr->nodes[b].commit);
}

static void heap_push(heap *h, const graph *gr, size_t v)
{
	h->items = an_xgrow(h->items, &h->cap, h->len + 1, sizeof *h->items);
	size_t i = h->len++;
	h->items[i] = v;
	while (i && newer(gr, h->items[i], h->items[(i - 1) / 2])) {
		size_t p = (i - 1) / 2, t = h->items[p];
		h->items[p] = h->items[i];
		h->items[i] = t;
		i = p;
	}
}

static size_t heap_pop(heap *h, const graph *gr)
{
	size_t top = h->items[0], i = 0;
	h->items[0] = h->items[--h->len];
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;
		if (l < h->len && newer(gr, h->items[l], h->items[m]))
			m = l;
		if (r < h->len && newer(gr, h->items[r], h->items[m]))
			m = r;
		if (m == i)
			break;
		size_t t = h->items[m];
		h->items[m] = h->items[i];
		h->items[i] = t;
		i = m;
	}
	return top;
}

/* ---- per-article history ---- */

typedef struct {
	char *name, *email;
	git_time_t t;
} author;

typedef struct {
	int has_first, has_last, incomplete;
	git_time_t first_t, last_t;
	int first_off, last_off;
	git_oid first_id, last_id;
	author *authors;
	size_t n_authors, cap_authors;
} acc;

typedef struct {
	an_git *g;
	graph gr;
	acc *accs;
	size_t n;          /* articles */
	char **pool;       /* paths owned here (renamed names) */
	size_t n_pool, cap_pool;
} walk;

static const char *pool_add(walk *w, const char *s)
{
	w->pool = an_xgrow(w->pool, &w->cap_pool, w->n_pool + 1, sizeof *w->pool);
	return w->pool[w->n_pool++] = an_xstrdup(s);
}

static void assign(walk *w, size_t ni, size_t a, const char *path)
{
	node *n = &w->gr.nodes[ni];
	if (!n->paths)
		n->paths = an_xcalloc(w->n + 1, sizeof *n->paths);
	if (!n->paths[a])
		n->paths[a] = path;
}

static void record_change(acc *ac, git_commit *c)
{
	git_time_t t = git_commit_time(c);
	if (!ac->has_last || t > ac->last_t) {
		ac->has_last = 1;
		ac->last_t = t;
		ac->last_off = git_commit_time_offset(c);
		git_oid_cpy(&ac->last_id, git_commit_id(c));
	}
	const git_signature *s = git_commit_author(c);
	const char *name = s && s->name ? s->name : "";
	const char *email = s && s->email ? s->email : "";
	for (size_t i = 0; i < ac->n_authors; i++)
		if (email[0] ? strcmp(ac->authors[i].email, email) == 0
		             : strcmp(ac->authors[i].name, name) == 0) {
			if (t < ac->authors[i].t)
				ac->authors[i].t = t;
			return;
		}
	ac->authors = an_xgrow(ac->authors, &ac->cap_authors, ac->n_authors + 1,
	                       sizeof *ac->authors);
	author *au = &ac->authors[ac->n_authors++];
	au->name = an_xstrdup(name);
	au->email = an_xstrdup(email);
	au->t = t;
}

static void record_first(acc *ac, git_commit *c)
{
	git_time_t t = git_commit_time(c);
	if (!ac->has_first || t < ac->first_t) {
		ac->has_first = 1;
		ac->first_t = t;
		ac->first_off = git_commit_time_offset(c);
		git_oid_cpy(&ac->first_id, git_commit_id(c));
	}
}

/* The id of the blob at `path` in `tree` into `out`: 1 found, 0 absent,
 * -1 when a tree on the way cannot be read (`err` set). */
static int blob_at(git_oid *out, git_tree *tree, const char *path, an_error *err)
{
	git_tree_entry *e = NULL;
	int rc = git_tree_entry_bypath(&e, tree, path);
	if (rc == GIT_ENOTFOUND)
		return 0;
	if (rc < 0)
		return an_git_error(err, path, "cannot read a folder of a commit (a corrupt "
		                               "object? try git fsck)");
	int found = git_tree_entry_type(e) == GIT_OBJECT_BLOB;
	if (found)
		git_oid_cpy(out, git_tree_entry_id(e));
	git_tree_entry_free(e);
	return found;
}

/* The old name of a file the diff PARENT -> COMMIT renamed to `path`. */
static const char *renamed_from(git_diff *d, const char *path)
{
	size_t n = git_diff_num_deltas(d);
	for (size_t i = 0; i < n; i++) {
		const git_diff_delta *dd = git_diff_get_delta(d, i);
		if (dd->status == GIT_DELTA_RENAMED && strcmp(dd->new_file.path, path) == 0)
			return dd->old_file.path;
	}
	return NULL;
}

static int diff_renames(git_diff **out, walk *w, git_tree *ptree, git_tree *tree,
                        an_error *err)
{
	git_diff_options opts;
	git_diff_find_options fopts;
	git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
	git_diff_find_options_init(&fopts, GIT_DIFF_FIND_OPTIONS_VERSION);
	an_buf spec = AN_BUF_INIT;
	an_buf_printf(&spec, "%scontent", an_git_prefix(w->g));
	char *specs[1] = {spec.ptr};
	opts.pathspec.strings = specs;
	opts.pathspec.count = 1;
	fopts.flags = GIT_DIFF_FIND_RENAMES;
	int rc = 0;
	if (git_diff_tree_to_tree(out, an_git_repository(w->g), ptree, tree, &opts) < 0 ||
	    git_diff_find_similar(*out, &fopts) < 0)
		rc = an_git_error(err, "", "cannot compare commits for renames");
	an_buf_free(&spec);
	return rc;
}

/* One commit: which tracked files it changed, added, or took from a
 * parent (under which name). */
static int visit(walk *w, size_t ni, an_error *err)
{
	node *n = &w->gr.nodes[ni];
	git_tree *tree = NULL, **ptrees = NULL;
	git_diff **diffs = NULL;
	int rc = 0;
	if (!n->paths)
		goto done; /* no tracked file reaches this commit */
	ptrees = an_xcalloc(n->n_parents + 1, sizeof *ptrees);
	diffs = an_xcalloc(n->n_parents + 1, sizeof *diffs);
	if (git_commit_tree(&tree, n->commit) < 0) {
		rc = an_git_error(err, "", "cannot read a commit's tree");
		goto done;
	}
	for (size_t p = 0; p < n->n_parents; p++)
		if (git_commit_tree(&ptrees[p], w->gr.nodes[n->parents[p]].commit) < 0) {
			rc = an_git_error(err, "", "cannot read a commit's tree");
			goto done;
		}
	for (size_t a = 0; a < w->n; a++) {
		const char *path = n->paths[a];
		git_oid here, there;
		int found = 0;
		if (!path || (rc = found = blob_at(&here, tree, path, err)) <= 0) {
			if (rc < 0)
				goto done;
			continue;
		}
		rc = 0;
		if (n->cut) { /* when and how it got here is beyond the clone */
			w->accs[a].incomplete = 1;
			continue;
		}
		long same = -1;
		for (size_t p = 0; p < n->n_parents && same < 0; p++) {
			if ((found = blob_at(&there, ptrees[p], path, err)) < 0) {
				rc = -1;
				goto done;
			}
			if (found && git_oid_equal(&here, &there))
				same = (long)p;
		}
		if (same >= 0) {
			assign(w, n->parents[same], a, path);
			continue;
		}
		record_change(&w->accs[a], n->commit);
		int added = 1;
		for (size_t p = 0; p < n->n_parents; p++) {
			const char *old = NULL;
			if ((found = blob_at(&there, ptrees[p], path, err)) < 0) {
				rc = -1;
				goto done;
			}
			if (found) {
				old = path;
			} else {
				if (!diffs[p] && (rc = diff_renames(&diffs[p], w, ptrees[p], tree, err)) < 0)
					goto done;
				if ((old = renamed_from(diffs[p], path)) != NULL)
					old = pool_add(w, old);
			}
			if (old) {
				assign(w, n->parents[p], a, old);
				added = 0;
			}
		}
		if (added)
			record_first(&w->accs[a], n->commit);
	}
done:
	if (ptrees)
		for (size_t p = 0; p < n->n_parents; p++) {
			git_tree_free(ptrees[p]);
			git_diff_free(diffs[p]);
		}
	free(ptrees);
	free(diffs);
	git_tree_free(tree);
	return rc;
}

static int cmp_author(const void *x, const void *y)
{
	const author *a = x, *b = y;
	return a->t < b->t ? -1 : a->t > b->t;
}

static void store(an_article_history *h, acc *ac)
{
	if (ac->has_first && !ac->incomplete) {
		an_git_time_str(h->first_published, ac->first_t, ac->first_off);
		git_oid_tostr(h->first_commit, sizeof h->first_commit, &ac->first_id);
	}
	if (ac->has_last) {
		an_git_time_str(h->last_modified, ac->last_t, ac->last_off);
		git_oid_tostr(h->last_commit, sizeof h->last_commit, &ac->last_id);
	}
	an_qsort(ac->authors, ac->n_authors, sizeof *ac->authors, cmp_author);
	h->authors = an_xcalloc(ac->n_authors + 1, sizeof *h->authors);
	for (size_t i = 0; i < ac->n_authors; i++)
		h->authors[h->n_authors++] = an_xstrdup(ac->authors[i].name);
}

/* Fills every article's history from the commits reachable from `tip`
 * (borrowed). */
static int fill_history(an_site *site, an_git *g, git_commit *tip, int *incomplete,
                        an_error *err)
{
	walk w = {0};
	heap h = {0};
	git_commit *own = NULL;
	int rc = 0;
	w.g = g;
	w.n = site->n_articles;
	w.accs = an_xcalloc(w.n + 1, sizeof *w.accs);
	*incomplete = 0;
	if ((rc = git_commit_dup(&own, tip)) < 0) {
		rc = an_git_error(err, "", "cannot read the commit");
		goto done;
	}
	if ((rc = graph_collect(&w.gr, g, own, err)) < 0)
		goto done;
	for (size_t a = 0; a < w.n; a++) {
		an_buf p = AN_BUF_INIT;
		an_buf_printf(&p, "%s%s", an_git_prefix(g), site->articles[a].path);
		assign(&w, 0, a, pool_add(&w, p.ptr));
		an_buf_free(&p);
	}
	heap_push(&h, &w.gr, 0);
	while (h.len) {
		size_t ni = heap_pop(&h, &w.gr);
		if ((rc = visit(&w, ni, err)) < 0)
			goto done;
		node *n = &w.gr.nodes[ni];
		free((void *)n->paths);
		n->paths = NULL;
		for (size_t p = 0; p < n->n_parents; p++)
			if (--w.gr.nodes[n->parents[p]].children == 0)
				heap_push(&h, &w.gr, n->parents[p]);
	}
	for (size_t a = 0; a < w.n; a++) {
		store(&site->articles[a].history, &w.accs[a]);
		*incomplete += w.accs[a].incomplete && !site->articles[a].history.first_commit[0];
	}
done:
	for (size_t a = 0; a < w.n; a++) {
		for (size_t i = 0; i < w.accs[a].n_authors; i++) {
			free(w.accs[a].authors[i].name);
			free(w.accs[a].authors[i].email);
		}
		free(w.accs[a].authors);
	}
	free(w.accs);
	for (size_t i = 0; i < w.n_pool; i++)
		free(w.pool[i]);
	free(w.pool);
	free(h.items);
	graph_free(&w.gr);
	return rc;
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
} hook_ctx;

static int history_hook(an_site *site, void *payload, an_error *err)
{
	hook_ctx *h = payload;
	int incomplete = 0, rc;
	if ((rc = fill_history(site, h->g, h->tip, &incomplete, err)) < 0)
		return rc;
	if (incomplete)
		say(h->o->warnings, "warning",
		    "this is a shallow clone (git clone --depth): history stops before %d "
		    "article%s were added, so they get no first-published date and dates from "
		    "history are incomplete; run 'git fetch --unshallow' for the full history",
		    incomplete, incomplete == 1 ? "" : "s");
	return date_from_history(site, an_git_is_shallow(h->g), h->o->notes, err);
}

/* ---- loading ---- */

/* Loads the site at `commit` (or the working files when `from_tree` is 0)
 * with the history hook `hook` (NULL: none) given `payload`. */
static int load_at(an_site *out, const char *root, an_git *g, git_commit *commit,
                   int from_tree, int (*hook)(an_site *, void *, an_error *),
                   void *payload, an_error *err)
{
	an_sources src = AN_SOURCES_INIT;
	an_buf cfg = AN_BUF_INIT;
	int has_cfg = 0, rc = 0;
	an_site_input in = {NULL, NULL, 0, hook, payload};
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
		if (load_at(&site, root, g, c, 1, seen_hook, &seen, &e2) < 0) {
			say(o->notes, "note", "Changes page: commit %s is left out: %s%s%s", sid,
			    e2.file, e2.file[0] ? ": " : "", e2.msg);
			continue;
		}
		an_history_snapshot(&now, &site);
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

int an_history_load_site(an_site *out, const char *root, const an_history_opts *o,
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
		rc = an_site_load(out, root, err);
		goto done;
	}
	an_git_head state = an_git_head_state(g, branch, sizeof branch);
	if (!o->rev && state == AN_GIT_HEAD_UNBORN) {
		say(o->notes, "note", "the branch '%s' has no commits yet: history features "
		    "(dates from commits, the Changes page) are skipped", branch);
		rc = an_site_load(out, root, err);
		goto done;
	}
	if ((rc = an_git_commit(&tip, g, o->rev, err)) < 0)
		goto done;
	if (!o->rev && state == AN_GIT_HEAD_DETACHED) {
		short_id(sid, git_commit_id(tip));
		say(o->notes, "note", "HEAD is detached at %s: history is read from that commit",
		    sid);
	}
	hook_ctx h = {g, tip, o};
	if ((rc = load_at(out, root, g, tip, o->rev != NULL, history_hook, &h, err)) < 0)
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
		hook_ctx h = {g, c, o};
		if ((rc = load_at(&site, root, g, c, 1, history_hook, &h, err)) < 0) {
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
done:
	an_buf_free(&dir);
	git_commit_free(c);
	an_git_free(g);
	return rc;
}
