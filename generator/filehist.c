/* filehist.c - the history of files through the commit graph (see
 * filehist.h).
 *
 * This walks the commit graph itself instead of using a
 * git_revwalk: libgit2 1.5 cannot walk a shallow clone (the revwalk fails
 * on the first missing parent), and the graph is needed anyway to carry
 * each article's path back through renames.  Commits are visited children
 * first, newest first among those ready (a topological order, as
 * GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME).  Like `git log FILE`, a merge
 * whose file equals one parent's passes the file to that parent only, so a
 * change counts once, in the commit that made it. */
#include "filehist.h"
#include "alloc.h"

#include <stdlib.h>
#include <string.h>

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

int an_filehist(an_article_history *out, size_t *out_incomplete, const char *const *paths,
                size_t n_paths, an_git *g, git_commit *tip, an_error *err)
{
	walk w = {0};
	heap h = {0};
	git_commit *own = NULL;
	int rc = 0;
	w.g = g;
	w.n = n_paths;
	w.accs = an_xcalloc(w.n + 1, sizeof *w.accs);
	*out_incomplete = 0;
	if ((rc = git_commit_dup(&own, tip)) < 0) {
		rc = an_git_error(err, "", "cannot read the commit");
		goto done;
	}
	if ((rc = graph_collect(&w.gr, g, own, err)) < 0)
		goto done;
	for (size_t a = 0; a < w.n; a++) {
		an_buf p = AN_BUF_INIT;
		an_buf_printf(&p, "%s%s", an_git_prefix(g), paths[a]);
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
		store(&out[a], &w.accs[a]);
		*out_incomplete += (size_t)w.accs[a].incomplete;
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
