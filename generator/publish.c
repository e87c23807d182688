/* publish.c - a built site committed to a branch (see publish.h).
 * git_commit_create with the branch's ref name moves that ref only, and
 * only if it still points at the parent we read, so a concurrent update of
 * the branch fails instead of being lost. */
#include "publish.h"
#include "alloc.h"
#include "buf.h"
#include "git.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Writes the files below DIR as blobs and trees; *out_empty is 1 when
 * there was nothing to write (git keeps no empty folders). */
static int tree_from_dir(git_oid *out, int *out_empty, git_repository *repo,
                         const char *dir, int top, an_error *err)
{
	git_treebuilder *tb = NULL;
	char **names = NULL;
	size_t n = 0, cap = 0;
	an_buf path = AN_BUF_INIT;
	int rc = 0;
	DIR *d = opendir(dir);
	if (!d)
		return an_error_set(err, dir, 0, "cannot open folder: %s", strerror(errno));
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0 ||
		    (top && strcmp(e->d_name, ".annals-output") == 0) ||
		    strcmp(e->d_name, ".git") == 0)
			continue;
		names = an_xgrow(names, &cap, n + 1, sizeof *names);
		names[n++] = an_xstrdup(e->d_name);
	}
	closedir(d);
	an_qsort(names, n, sizeof *names, cmp_str);
	if (git_treebuilder_new(&tb, repo, NULL) < 0) {
		rc = an_git_error(err, dir, "cannot start a tree");
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		git_oid id;
		an_buf_clear(&path);
		an_buf_printf(&path, "%s/%s", dir, names[i]);
		if (lstat(path.ptr, &st) != 0) {
			rc = an_error_set(err, path.ptr, 0, "cannot read: %s", strerror(errno));
			goto done;
		}
		if (S_ISDIR(st.st_mode)) {
			int empty = 0;
			if ((rc = tree_from_dir(&id, &empty, repo, path.ptr, 0, err)) < 0)
				goto done;
			if (empty)
				continue;
			if (git_treebuilder_insert(NULL, tb, names[i], &id, GIT_FILEMODE_TREE) < 0) {
				rc = an_git_error(err, path.ptr, "cannot add the folder");
				goto done;
			}
		} else if (S_ISREG(st.st_mode)) {
			if (git_blob_create_from_disk(&id, repo, path.ptr) < 0 ||
			    git_treebuilder_insert(NULL, tb, names[i], &id,
			                           st.st_mode & 0111 ? GIT_FILEMODE_BLOB_EXECUTABLE
			                                             : GIT_FILEMODE_BLOB) < 0) {
				rc = an_git_error(err, path.ptr, "cannot add the file");
				goto done;
			}
		} /* a site has no links or devices; anything else stays out */
	}
	*out_empty = git_treebuilder_entrycount(tb) == 0;
	if (git_treebuilder_write(out, tb) < 0)
		rc = an_git_error(err, dir, "cannot write the tree");
done:
	git_treebuilder_free(tb);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	an_buf_free(&path);
	return rc;
}

static void default_message(an_buf *out, an_git *g, const char *rev)
{
	git_object *obj = NULL;
	char id[8] = "";
	if (git_revparse_single(&obj, an_git_repository(g), rev ? rev : "HEAD") == 0)
		git_oid_tostr(id, sizeof id, git_object_id(obj));
	git_object_free(obj);
	if (rev)
		an_buf_printf(out, "Publish the site built from %s (%s)\n", rev, id);
	else if (id[0])
		an_buf_printf(out, "Publish the site built from %s\n", id);
	else
		an_buf_puts(out, "Publish the site\n");
}

int an_publish(char *out, int *out_unchanged, const an_publish_opts *o, an_error *err)
{
	an_git *g = NULL;
	git_reference *ref = NULL;
	git_commit *parent = NULL;
	git_tree *tree = NULL;
	git_signature *def = NULL, *sig = NULL;
	an_buf refname = AN_BUF_INIT, msg = AN_BUF_INIT;
	char head_branch[256];
	git_oid tree_id, commit_id;
	int valid = 0, empty = 0;
	out[0] = '\0';
	*out_unchanged = 0;
	int rc = an_git_open(&g, o->root, err);
	if (rc == 0)
		rc = an_error_set(err, o->root, 0, "publish commits to a git branch, and this "
		                                   "folder is not in a git repository");
	if (rc < 0)
		goto done;
	rc = 0;
	git_repository *repo = an_git_repository(g);
	an_buf_printf(&refname, "refs/heads/%s", o->branch);
	if (git_reference_name_is_valid(&valid, refname.ptr) < 0 || !valid ||
	    strcmp(o->branch, "HEAD") == 0) {
		rc = an_error_set(err, "", 0, "'%s' is not a valid branch name", o->branch);
		goto done;
	}
	if (an_git_head_state(g, head_branch, sizeof head_branch) != AN_GIT_HEAD_DETACHED &&
	    strcmp(head_branch, o->branch) == 0) {
		rc = an_error_set(err, "", 0,
		                  "'%s' is the branch checked out here; publishing to it would "
		                  "change your work tree; publish to another branch (e.g. gh-pages)",
		                  o->branch);
		goto done;
	}
	int e = git_reference_lookup(&ref, repo, refname.ptr);
	if (e < 0 && e != GIT_ENOTFOUND) {
		rc = an_git_error(err, "", "cannot read the branch");
		goto done;
	}
	if (ref && git_reference_peel((git_object **)&parent, ref, GIT_OBJECT_COMMIT) < 0) {
		rc = an_git_error(err, "", "the branch does not point to a readable commit");
		goto done;
	}
	if ((rc = tree_from_dir(&tree_id, &empty, repo, o->site_dir, 1, err)) < 0)
		goto done;
	if (parent && git_oid_equal(&tree_id, git_commit_tree_id(parent))) {
		*out_unchanged = 1;
		git_oid_tostr(out, GIT_OID_HEXSZ + 1, git_commit_id(parent));
		goto done;
	}
	if (git_tree_lookup(&tree, repo, &tree_id) < 0) {
		rc = an_git_error(err, "", "cannot read the new tree");
		goto done;
	}
	if (git_signature_default(&def, repo) < 0) {
		rc = an_error_set(err, "", 0,
		                  "git has no user.name or user.email for the commit; set them "
		                  "(git config user.name \"...\"; git config user.email ...)");
		goto done;
	}
	if (git_signature_new(&sig, def->name, def->email, (git_time_t)o->now, o->tz_offset) < 0) {
		rc = an_git_error(err, "", "cannot make the commit's signature");
		goto done;
	}
	if (o->message)
		an_buf_printf(&msg, "%s\n", o->message);
	else
		default_message(&msg, g, o->rev);
	const git_commit *parents[1] = {parent};
	if (git_commit_create(&commit_id, repo, refname.ptr, sig, sig, NULL, msg.ptr, tree,
	                      parent ? 1 : 0, parents) < 0) {
		rc = an_git_error(err, "", "cannot commit the site");
		goto done;
	}
	git_oid_tostr(out, GIT_OID_HEXSZ + 1, &commit_id);
done:
	git_signature_free(sig);
	git_signature_free(def);
	git_tree_free(tree);
	git_commit_free(parent);
	git_reference_free(ref);
	an_buf_free(&refname);
	an_buf_free(&msg);
	an_git_free(g);
	return rc < 0 ? -1 : 0;
}
