/* git.c - reading a site's repository with libgit2 (see git.h).
 * Nothing here writes to the repository, the index or the work tree. */
#include "git.h"
#include "alloc.h"
#include "date.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct an_git {
	git_repository *repo;
	char *prefix;
	git_oid *shallow; /* the commits .git/shallow lists */
	size_t n_shallow;
};

int an_git_error(an_error *err, const char *file, const char *what)
{
	const git_error *e = git_error_last();
	return an_error_set(err, file, 0, "%s: %s", what,
	                    e && e->message ? e->message : "unknown libgit2 error");
}

void an_git_time_str(char out[32], git_time_t t, int offset_min)
{
	long long local = (long long)t + (long long)offset_min * 60;
	long long days = local / 86400;
	if (local % 86400 < 0)
		days--;
	long long secs = local - days * 86400;
	an_date d = an_date_from_days((long)days);
	int off = offset_min < 0 ? -offset_min : offset_min;
	char buf[96]; /* roomy: the compiler cannot bound the year */
	snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02lld:%02lld:%02lld%c%02d:%02d", d.y, d.m,
	         d.d, secs / 3600, secs / 60 % 60, secs % 60, offset_min < 0 ? '-' : '+',
	         off / 60 % 100, off % 60);
	snprintf(out, 32, "%.31s", buf);
}

/* .git/shallow: one commit id a line; the parents of those commits are
 * not in the clone. */
static void read_shallow(an_git *g)
{
	an_buf path = AN_BUF_INIT;
	an_buf_printf(&path, "%sshallow", git_repository_path(g->repo));
	FILE *f = fopen(path.ptr, "r");
	an_buf_free(&path);
	if (!f)
		return;
	char line[128];
	size_t cap = 0;
	while (fgets(line, sizeof line, f)) {
		git_oid id;
		line[strcspn(line, "\r\n")] = '\0';
		if (strlen(line) != GIT_OID_HEXSZ || git_oid_fromstr(&id, line) < 0)
			continue;
		g->shallow = an_xgrow(g->shallow, &cap, g->n_shallow + 1, sizeof *g->shallow);
		g->shallow[g->n_shallow++] = id;
	}
	fclose(f);
}

static char *prefix_of(const char *root, const char *workdir)
{
	char real_root[PATH_MAX], real_wd[PATH_MAX];
	if (!realpath(root, real_root) || !realpath(workdir, real_wd))
		return an_xstrdup("");
	size_t n = strlen(real_wd);
	if (strncmp(real_root, real_wd, n) != 0 || real_root[n] != '/')
		return an_xstrdup(""); /* the work tree itself (or outside it) */
	an_buf p = AN_BUF_INIT;
	an_buf_printf(&p, "%s/", real_root + n + 1);
	return an_buf_detach(&p);
}

int an_git_open(an_git **out, const char *root, an_error *err)
{
	*out = NULL;
	git_libgit2_init();
	git_repository *repo = NULL;
	int rc = git_repository_open_ext(&repo, root, 0, NULL);
	if (rc == GIT_ENOTFOUND) {
		git_libgit2_shutdown();
		return 0;
	}
	if (rc < 0) {
		an_git_error(err, root, "cannot open its git repository");
		goto fail;
	}
	if (git_repository_is_bare(repo)) {
		an_error_set(err, root, 0,
		             "this is a bare git repository (no work tree); clone it and run "
		             "annals in the clone (annals build --rev REV reads any revision "
		             "there without a checkout)");
		goto fail;
	}
	an_git *g = an_xcalloc(1, sizeof *g);
	g->repo = repo;
	g->prefix = prefix_of(root, git_repository_workdir(repo));
	read_shallow(g);
	*out = g;
	return 1;
fail:
	git_repository_free(repo);
	git_libgit2_shutdown();
	return -1;
}

git_repository *an_git_repository(an_git *g)
{
	return g->repo;
}

const char *an_git_prefix(const an_git *g)
{
	return g->prefix;
}

int an_git_is_shallow(const an_git *g)
{
	return g->n_shallow > 0 || git_repository_is_shallow(g->repo) == 1;
}

int an_git_is_shallow_root(const an_git *g, const git_oid *id)
{
	for (size_t i = 0; i < g->n_shallow; i++)
		if (git_oid_equal(&g->shallow[i], id))
			return 1;
	return 0;
}

an_git_head an_git_head_state(an_git *g, char *branch, size_t size)
{
	branch[0] = '\0';
	if (git_repository_head_detached(g->repo) == 1)
		return AN_GIT_HEAD_DETACHED;
	git_reference *head = NULL;
	if (git_reference_lookup(&head, g->repo, "HEAD") == 0 &&
	    git_reference_type(head) == GIT_REFERENCE_SYMBOLIC) {
		const char *t = git_reference_symbolic_target(head);
		if (strncmp(t, "refs/heads/", 11) == 0)
			t += 11;
		snprintf(branch, size, "%s", t);
	}
	git_reference_free(head);
	return git_repository_head_unborn(g->repo) == 1 ? AN_GIT_HEAD_UNBORN : AN_GIT_HEAD_BRANCH;
}

int an_git_commit(git_commit **out, an_git *g, const char *rev, an_error *err)
{
	*out = NULL;
	git_object *obj = NULL;
	char branch[256];
	int rc = 0;
	if (!rev)
		rev = "HEAD";
	if (strcmp(rev, "HEAD") == 0 && an_git_head_state(g, branch, sizeof branch) ==
	                                    AN_GIT_HEAD_UNBORN) {
		rc = an_error_set(err, "", 0,
		                  "HEAD: the branch '%s' has no commits yet (an unborn branch); "
		                  "commit the content first", branch);
		goto done;
	}
	int e = git_revparse_single(&obj, g->repo, rev);
	if (e == GIT_ENOTFOUND) {
		rc = an_error_set(err, "", 0,
		                  "unknown revision '%s': give a commit, a tag or a branch "
		                  "(see git log)", rev);
		goto done;
	}
	if (e == GIT_EAMBIGUOUS) {
		rc = an_error_set(err, "", 0, "revision '%s' is ambiguous; give more digits", rev);
		goto done;
	}
	if (e < 0) {
		an_buf what = AN_BUF_INIT;
		an_buf_printf(&what, "cannot resolve revision '%s'", rev);
		rc = an_git_error(err, "", what.ptr);
		an_buf_free(&what);
		goto done;
	}
	if (git_object_peel((git_object **)out, obj, GIT_OBJECT_COMMIT) < 0) {
		rc = an_error_set(err, "", 0, "revision '%s' is a %s, not a commit", rev,
		                  git_object_type2string(git_object_type(obj)));
		goto done;
	}
done:
	git_object_free(obj);
	return rc;
}

/* The tree at PREFIX/PATH of `commit` (PATH "" for the site root): 0 with
 * *out set (caller frees with git_tree_free), 1 when absent, -1 on error. */
static int subtree(git_tree **out, an_git *g, git_commit *commit, const char *path,
                   an_error *err)
{
	*out = NULL;
	git_tree *root = NULL;
	git_tree_entry *entry = NULL;
	an_buf full = AN_BUF_INIT;
	int rc = 0;
	an_buf_printf(&full, "%s%s", g->prefix, path);
	while (full.len && full.ptr[full.len - 1] == '/')
		full.ptr[--full.len] = '\0';
	if (git_commit_tree(&root, commit) < 0) {
		rc = an_git_error(err, full.ptr, "cannot read the commit's tree");
		goto done;
	}
	if (full.len == 0) {
		*out = root;
		root = NULL;
		goto done;
	}
	int e = git_tree_entry_bypath(&entry, root, full.ptr);
	if (e == GIT_ENOTFOUND || (e == 0 && git_tree_entry_type(entry) != GIT_OBJECT_TREE)) {
		rc = 1;
		goto done;
	}
	if (e < 0 || git_tree_lookup(out, g->repo, git_tree_entry_id(entry)) < 0)
		rc = an_git_error(err, full.ptr, "cannot read the folder from git");
done:
	git_tree_entry_free(entry);
	git_tree_free(root);
	an_buf_free(&full);
	return rc;
}

int an_git_tree_id(git_oid *out, an_git *g, git_commit *commit, const char *path,
                   an_error *err)
{
	git_tree *t = NULL;
	int rc = subtree(&t, g, commit, path, err);
	if (rc == 0)
		git_oid_cpy(out, git_tree_id(t));
	git_tree_free(t);
	return rc;
}

/* ---- reading files of a tree ---- */

typedef struct {
	an_git *g;
	const char *base; /* the walked tree's path, e.g. "content" */
	an_sources *sources; /* load: collect *.md here */
	const char *dest;    /* export: write everything below here */
	an_error *err;
	int failed;
} walk_ctx;

static int has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);
	return n >= m && strcmp(s + n - m, suf) == 0;
}

static int read_blob(an_buf *out, an_git *g, const git_oid *id, const char *path,
                     an_error *err)
{
	git_blob *blob = NULL;
	if (git_blob_lookup(&blob, g->repo, id) < 0)
		return an_git_error(err, path, "cannot read the file from git (a corrupt object? "
		                               "try git fsck)");
	an_buf_put(out, git_blob_rawcontent(blob), (size_t)git_blob_rawsize(blob));
	git_blob_free(blob);
	return 0;
}

static int write_file(const char *path, const char *data, size_t len, an_error *err)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return an_error_set(err, path, 0, "cannot write: %s", strerror(errno));
	size_t n = fwrite(data, 1, len, f);
	if (fclose(f) != 0 || n != len)
		return an_error_set(err, path, 0, "cannot write: %s", strerror(errno));
	return 0;
}

static int walk_cb(const char *root, const git_tree_entry *e, void *payload)
{
	walk_ctx *c = payload;
	const char *name = git_tree_entry_name(e);
	git_object_t type = git_tree_entry_type(e);
	if (name[0] == '.' && c->sources) /* hidden, as on disk */
		return type == GIT_OBJECT_TREE ? 1 : 0;
	an_buf rel = AN_BUF_INIT, data = AN_BUF_INIT, out = AN_BUF_INIT;
	int rc = 0;
	an_buf_printf(&rel, "%s/%s%s", c->base, root, name);
	if (c->dest)
		an_buf_printf(&out, "%s/%s%s", c->dest, root, name);
	if (type == GIT_OBJECT_TREE) {
		if (c->dest && mkdir(out.ptr, 0755) != 0 && errno != EEXIST)
			rc = an_error_set(c->err, out.ptr, 0, "cannot create: %s", strerror(errno));
		goto done;
	}
	if (type != GIT_OBJECT_BLOB || (c->sources && !has_suffix(name, ".md")))
		goto done; /* submodules; files that are not articles */
	if (git_tree_entry_filemode(e) == GIT_FILEMODE_LINK) {
		if (c->sources)
			rc = an_error_set(c->err, rel.ptr, 0,
			                  "refusing a symbolic link in a git revision; commit the "
			                  "file itself");
		goto done;
	}
	if ((rc = read_blob(&data, c->g, git_tree_entry_id(e), rel.ptr, c->err)) < 0)
		goto done;
	if (c->dest) {
		rc = write_file(out.ptr, data.ptr ? data.ptr : "", data.len, c->err);
		goto done;
	}
	if (!data.ptr)
		an_buf_put(&data, "", 0);
	if ((rc = an_load_check_text(rel.ptr, data.ptr, data.len, c->err)) < 0)
		goto done;
	an_sources *s = c->sources;
	s->items = an_xgrow(s->items, &s->cap, s->len + 1, sizeof *s->items);
	s->items[s->len].path = an_xstrdup(rel.ptr);
	s->items[s->len].len = data.len;
	s->items[s->len].data = an_buf_detach(&data);
	s->len++;
done:
	an_buf_free(&rel);
	an_buf_free(&data);
	an_buf_free(&out);
	if (rc < 0) {
		c->failed = 1;
		return -1;
	}
	return 0;
}

static int walk_tree(walk_ctx *c, git_tree *tree)
{
	int e = git_tree_walk(tree, GIT_TREEWALK_PRE, walk_cb, c);
	if (c->failed)
		return -1;
	if (e < 0)
		return an_git_error(c->err, c->base, "cannot read the folder from git");
	return 0;
}

/* The order of load.c: names compared folder by folder, so '/' sorts
 * before every other byte. */
static int cmp_source(const void *x, const void *y)
{
	const unsigned char *a = (const unsigned char *)((const an_source *)x)->path;
	const unsigned char *b = (const unsigned char *)((const an_source *)y)->path;
	for (; *a && *a == *b; a++, b++)
		;
	int ca = *a == '/' ? 1 : *a ? *a + 1 : 0;
	int cb = *b == '/' ? 1 : *b ? *b + 1 : 0;
	return ca - cb;
}

int an_git_load_site(an_sources *out, an_buf *config, int *has_config, an_git *g,
                     git_commit *commit, an_error *err)
{
	git_tree *content = NULL, *root = NULL;
	git_tree_entry *cfg = NULL;
	char short_id[8];
	git_oid_tostr(short_id, sizeof short_id, git_commit_id(commit));
	*has_config = 0;
	int rc = subtree(&content, g, commit, "content", err);
	if (rc == 1) {
		rc = an_error_set(err, "", 0, "commit %s has no %scontent/ folder", short_id,
		                  g->prefix);
		goto done;
	}
	if (rc < 0)
		goto done;
	walk_ctx c = {g, "content", out, NULL, err, 0};
	if ((rc = walk_tree(&c, content)) < 0)
		goto done;
	an_qsort(out->items, out->len, sizeof *out->items, cmp_source);
	if ((rc = subtree(&root, g, commit, "", err)) < 0)
		goto done;
	int e = git_tree_entry_bypath(&cfg, root, "annals.yaml");
	if (e == 0 && git_tree_entry_type(cfg) == GIT_OBJECT_BLOB) {
		if ((rc = read_blob(config, g, git_tree_entry_id(cfg), "annals.yaml", err)) < 0)
			goto done;
		if (!config->ptr)
			an_buf_put(config, "", 0);
		*has_config = 1;
	}
done:
	git_tree_entry_free(cfg);
	git_tree_free(content);
	git_tree_free(root);
	return rc < 0 ? -1 : 0;
}

int an_git_export_dir(an_git *g, git_commit *commit, const char *dir, const char *dest,
                      an_error *err)
{
	git_tree *tree = NULL;
	int rc = subtree(&tree, g, commit, dir, err);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	if (mkdir(dest, 0755) != 0 && errno != EEXIST) {
		rc = an_error_set(err, dest, 0, "cannot create: %s", strerror(errno));
		goto done;
	}
	walk_ctx c = {g, dir, NULL, dest, err, 0};
	if ((rc = walk_tree(&c, tree)) == 0)
		rc = 1;
done:
	git_tree_free(tree);
	return rc;
}

void an_git_free(an_git *g)
{
	if (!g)
		return;
	git_repository_free(g->repo);
	free(g->prefix);
	free(g->shallow);
	free(g);
	git_libgit2_shutdown();
}
