/* check_git.c - content history through libgit2 (git.c, history.c, diff.c,
 * publish.c).  Every test builds its own repository in a mkdtemp folder
 * through libgit2, with author and committer names and dates pinned, and
 * checks the product code, which reads it in process.  The git command line
 * only makes shallow clones, which libgit2 1.5 cannot.  A failed libgit2
 * call, in a fixture (TRY) or an inspection (GIT_OK), fails the test with
 * git_error_last()'s message. */
#include <check.h>
#include <errno.h>
#include <git2.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "build.h"
#include "diff.h"
#include "history.h"
#include "load.h"
#include "publish.h"
#include "site.h"
#include "write.h"

/* A libgit2 call that inspects a result: the test fails with the call and
 * libgit2's message when it fails (libgit2_ok, below). */
#define GIT_OK(call) libgit2_ok((call), #call)

static char root[64]; /* the test's temporary folder */
static char repo[128]; /* root/repo: the site, a git work tree */

/* ---- fixtures ---- */

/* Fixture steps that call libgit2 run as `TRY(call);` in a function with
 * `int rc = 0; const char *step = NULL;` and a `done:` label that frees
 * everything and then calls libgit2_ok(rc, step): a failed call jumps to the
 * cleanup, and the test fails with the call and libgit2's message. */
#define TRY(call)                                                                      \
	do {                                                                               \
		step = #call;                                                                  \
		if ((rc = (call)) < 0)                                                         \
			goto done;                                                                 \
	} while (0)

static void libgit2_ok(int rc, const char *step)
{
	const git_error *e = git_error_last(); /* may be NULL on libgit2 1.5 */
	ck_assert_msg(rc >= 0, "%s failed (%d): %s", step, rc,
	              e && e->message ? e->message : "(no message)");
}

/* The command line, only where libgit2 cannot make the fixture: libgit2 1.5
 * cannot make a shallow clone. */
static void sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void sh(const char *fmt, ...)
{
	char cmd[4096];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(cmd, sizeof cmd, fmt, ap);
	va_end(ap);
	char full[4200];
	snprintf(full, sizeof full, "( %s ) >/dev/null 2>&1", cmd);
	int rc = system(full);
	ck_assert_msg(rc == 0, "fixture command failed (%d): %s", rc, cmd);
}

/* Creates the folders above the file PATH; the first LEN bytes exist. */
static void make_parents(char *path, size_t len)
{
	for (char *p = path + len + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(path, 0755);
			*p = '/';
		}
}

static void write_at(const char *dir, const char *rel, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, rel);
	make_parents(path, strlen(dir));
	FILE *f = fopen(path, "wb");
	ck_assert_msg(f != NULL, "cannot create %s: %s", path, strerror(errno));
	fputs(text, f);
	fclose(f);
}

/* An article; `date` NULL leaves the front matter without one. */
static void article(const char *dir, const char *rel, const char *title, const char *date,
                    const char *body)
{
	char text[4096];
	char date_line[64] = "";
	if (date)
		snprintf(date_line, sizeof date_line, "date: %s\n", date);
	snprintf(text, sizeof text, "---\ntitle: \"%s\"\n%ssource: \"Test\"\n---\n\n%s\n", title,
	         date_line, body);
	write_at(dir, rel, text);
}

/* `git init -b main DIR` with user.name and user.email set in the
 * repository's own configuration (publish signs with them). */
static void git_init(const char *dir)
{
	git_repository *r = NULL;
	git_config *cfg = NULL, *local = NULL;
	git_repository_init_options o;
	int rc = 0;
	const char *step = NULL;
	git_repository_init_options_init(&o, GIT_REPOSITORY_INIT_OPTIONS_VERSION);
	o.flags = GIT_REPOSITORY_INIT_MKPATH;
	o.initial_head = "main";
	TRY(git_repository_init_ext(&r, dir, &o));
	TRY(git_repository_config(&cfg, r));
	TRY(git_config_open_level(&local, cfg, GIT_CONFIG_LEVEL_LOCAL));
	TRY(git_config_set_string(local, "user.name", "Publisher"));
	TRY(git_config_set_string(local, "user.email", "publisher@example.org"));
done:
	git_config_free(local);
	git_config_free(cfg);
	git_repository_free(r);
	libgit2_ok(rc, step);
}

/* A signature at WHEN, "YYYY-MM-DDTHH:MM:SS+HH:MM", keeping its offset. */
static int pinned_signature(git_signature **out, const char *name, const char *email,
                            const char *when)
{
	struct tm tm = {0};
	char sign;
	int off_h, off_m;
	ck_assert_msg(sscanf(when, "%d-%d-%dT%d:%d:%d%c%d:%d", &tm.tm_year, &tm.tm_mon,
	                     &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &sign, &off_h,
	                     &off_m) == 9 && (sign == '+' || sign == '-'),
	              "bad fixture date %s", when);
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	int offset = (sign == '-' ? -1 : 1) * (off_h * 60 + off_m); /* minutes east of UTC */
	git_time_t t = (git_time_t)timegm(&tm) - (git_time_t)offset * 60;
	return git_signature_new(out, name, email, t, offset);
}

/* Collects the one MERGE_HEAD a merge in progress has. */
static int merge_head(const git_oid *id, void *payload)
{
	git_oid *out = payload;
	if (!git_oid_is_zero(out))
		return -1; /* the fixtures merge one branch at a time */
	git_oid_cpy(out, id);
	return 0;
}

/* `git add -A && git commit --allow-empty -m MSG` as NAME <EMAIL>, author
 * and committer, both at WHEN.  The parent is HEAD (none on an unborn
 * branch), and during a merge (merge_no_commit) MERGE_HEAD second, as git
 * orders them; the merge state is then cleared. */
static void commit_as(const char *dir, const char *when, const char *name, const char *email,
                      const char *msg)
{
	git_repository *r = NULL;
	git_index *idx = NULL;
	git_tree *tree = NULL;
	git_signature *sig = NULL;
	git_commit *parents[2] = {NULL, NULL};
	size_t n_parents = 0;
	git_oid tree_id, id, merge_id;
	char message[256];
	int rc = 0;
	const char *step = NULL;
	snprintf(message, sizeof message, "%s\n", msg); /* as `git commit -m` stores it */
	memset(&merge_id, 0, sizeof merge_id);
	TRY(git_repository_open(&r, dir));
	TRY(git_repository_index(&idx, r));
	TRY(git_index_add_all(idx, NULL, GIT_INDEX_ADD_DEFAULT, NULL, NULL)); /* new, changed */
	TRY(git_index_update_all(idx, NULL, NULL, NULL));                    /* and deleted */
	TRY(git_index_write(idx));
	TRY(git_index_write_tree(&tree_id, idx));
	TRY(git_tree_lookup(&tree, r, &tree_id));
	TRY(pinned_signature(&sig, name, email, when));
	TRY(git_repository_head_unborn(r));
	if (rc == 0) {
		TRY(git_reference_name_to_id(&id, r, "HEAD"));
		TRY(git_commit_lookup(&parents[n_parents++], r, &id));
	}
	if (git_repository_state(r) == GIT_REPOSITORY_STATE_MERGE) {
		TRY(git_repository_mergehead_foreach(r, merge_head, &merge_id));
		TRY(git_commit_lookup(&parents[n_parents++], r, &merge_id));
	}
	TRY(git_commit_create(&id, r, "HEAD", sig, sig, NULL, message, tree, n_parents,
	                      (const git_commit **)parents));
	TRY(git_repository_state_cleanup(r));
done:
	git_commit_free(parents[0]);
	git_commit_free(parents[1]);
	git_signature_free(sig);
	git_tree_free(tree);
	git_index_free(idx);
	git_repository_free(r);
	libgit2_ok(rc, step);
}

/* Commits everything in DIR as WHO <WHO@example.org> at WHEN. */
static void commit(const char *dir, const char *when, const char *who, const char *msg)
{
	char email[64];
	snprintf(email, sizeof email, "%s@example.org", who);
	commit_as(dir, when, who, email, msg);
}

/* `git add REL` (ADD) or `git rm REL` (!ADD, which deletes the file too). */
static void index_update(const char *dir, const char *rel, int add)
{
	git_repository *r = NULL;
	git_index *idx = NULL;
	int rc = 0;
	const char *step = NULL;
	TRY(git_repository_open(&r, dir));
	TRY(git_repository_index(&idx, r));
	if (add)
		TRY(git_index_add_bypath(idx, rel));
	else
		TRY(git_index_remove_bypath(idx, rel));
	TRY(git_index_write(idx));
done:
	git_index_free(idx);
	git_repository_free(r);
	libgit2_ok(rc, step);
	if (!add) {
		char path[512];
		snprintf(path, sizeof path, "%s/%s", dir, rel);
		ck_assert_msg(unlink(path) == 0, "%s: %s", path, strerror(errno));
	}
}

static void add_path(const char *dir, const char *rel)
{
	index_update(dir, rel, 1);
}

static void rm_path(const char *dir, const char *rel)
{
	index_update(dir, rel, 0);
}

/* `git mv FROM TO`: the file moves, and the index loses FROM and gains TO. */
static void move(const char *dir, const char *from, const char *to)
{
	char src[512], dst[512];
	snprintf(src, sizeof src, "%s/%s", dir, from);
	snprintf(dst, sizeof dst, "%s/%s", dir, to);
	make_parents(dst, strlen(dir));
	ck_assert_msg(rename(src, dst) == 0, "%s: %s", src, strerror(errno));
	git_repository *r = NULL;
	git_index *idx = NULL;
	int rc = 0;
	const char *step = NULL;
	TRY(git_repository_open(&r, dir));
	TRY(git_repository_index(&idx, r));
	TRY(git_index_remove_bypath(idx, from));
	TRY(git_index_add_bypath(idx, to));
	TRY(git_index_write(idx));
done:
	git_index_free(idx);
	git_repository_free(r);
	libgit2_ok(rc, step);
}

/* `git checkout -b NAME`: a branch at HEAD, checked out (the files stay). */
static void new_branch(const char *dir, const char *name)
{
	git_repository *r = NULL;
	git_commit *head = NULL;
	git_reference *branch = NULL;
	git_oid id;
	int rc = 0;
	const char *step = NULL;
	TRY(git_repository_open(&r, dir));
	TRY(git_reference_name_to_id(&id, r, "HEAD"));
	TRY(git_commit_lookup(&head, r, &id));
	TRY(git_branch_create(&branch, r, name, head, 0));
	TRY(git_repository_set_head(r, git_reference_name(branch)));
done:
	git_reference_free(branch);
	git_commit_free(head);
	git_repository_free(r);
	libgit2_ok(rc, step);
}

/* `git checkout BRANCH`, or with DETACH `git checkout --detach REV`: the
 * work tree and index follow (safe mode: the fixtures are clean then). */
static void checkout(const char *dir, const char *rev, int detach)
{
	git_repository *r = NULL;
	git_object *target = NULL;
	git_checkout_options co;
	char spec[160], ref[128];
	int rc = 0;
	const char *step = NULL;
	snprintf(ref, sizeof ref, "refs/heads/%s", rev);
	snprintf(spec, sizeof spec, "%s^{commit}", detach ? rev : ref);
	git_checkout_options_init(&co, GIT_CHECKOUT_OPTIONS_VERSION);
	co.checkout_strategy = GIT_CHECKOUT_SAFE;
	TRY(git_repository_open(&r, dir));
	TRY(git_revparse_single(&target, r, spec));
	TRY(git_checkout_tree(r, target, &co));
	if (detach)
		TRY(git_repository_set_head_detached(r, git_object_id(target)));
	else
		TRY(git_repository_set_head(r, ref));
done:
	git_object_free(target);
	git_repository_free(r);
	libgit2_ok(rc, step);
}

/* `git merge --no-ff --no-commit BRANCH`: the merged files in the index and
 * the work tree, MERGE_HEAD set; commit_as then makes the merge commit. */
static void merge_no_commit(const char *dir, const char *branch)
{
	git_repository *r = NULL;
	git_reference *ref = NULL;
	git_annotated_commit *theirs = NULL;
	git_index *idx = NULL;
	git_merge_options mo;
	git_checkout_options co;
	char name[128];
	int rc = 0;
	const char *step = NULL;
	snprintf(name, sizeof name, "refs/heads/%s", branch);
	git_merge_options_init(&mo, GIT_MERGE_OPTIONS_VERSION);
	git_checkout_options_init(&co, GIT_CHECKOUT_OPTIONS_VERSION);
	co.checkout_strategy = GIT_CHECKOUT_SAFE;
	TRY(git_repository_open(&r, dir));
	TRY(git_reference_lookup(&ref, r, name));
	TRY(git_annotated_commit_from_ref(&theirs, r, ref));
	TRY(git_merge(r, (const git_annotated_commit **)&theirs, 1, &mo, &co));
	TRY(git_repository_index(&idx, r));
	if (git_index_has_conflicts(idx)) {
		step = "merge_no_commit";
		rc = -1;
		git_error_set_str(GIT_ERROR_MERGE, "the fixture's merge has conflicts");
	}
done:
	git_index_free(idx);
	git_annotated_commit_free(theirs);
	git_reference_free(ref);
	git_repository_free(r);
	libgit2_ok(rc, step);
}

/* `git init --bare DIR`. */
static void init_bare(const char *dir)
{
	git_repository *r = NULL;
	int rc = 0;
	const char *step = NULL;
	TRY(git_repository_init(&r, dir, 1));
done:
	git_repository_free(r);
	libgit2_ok(rc, step);
}

/* What `git status --porcelain` reports, as libgit2 sees it: one line per
 * path, its status bits then the path (untracked files included, ignored
 * ones not).  Caller frees with an_buf_free. */
static void status_text(an_buf *out, const char *dir)
{
	git_repository *r = NULL;
	git_status_list *list = NULL;
	git_status_options so;
	int rc = 0;
	const char *step = NULL;
	git_status_options_init(&so, GIT_STATUS_OPTIONS_VERSION);
	so.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
	so.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
	           GIT_STATUS_OPT_SORT_CASE_SENSITIVELY;
	TRY(git_repository_open(&r, dir));
	TRY(git_status_list_new(&list, r, &so));
	for (size_t i = 0; i < git_status_list_entrycount(list); i++) {
		const git_status_entry *e = git_status_byindex(list, i);
		const git_diff_delta *d = e->head_to_index ? e->head_to_index : e->index_to_workdir;
		an_buf_printf(out, "%04x %s\n", (unsigned)e->status, d ? d->new_file.path : "?");
	}
done:
	git_status_list_free(list);
	git_repository_free(r);
	libgit2_ok(rc, step);
}

static void setup(void)
{
	/* the git command line (shallow clones) must not read the tester's
	 * configuration */
	setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
	setenv("GIT_CONFIG_GLOBAL", "/dev/null", 1);
	snprintf(root, sizeof root, "/tmp/annals-check-git-XXXXXX");
	ck_assert_msg(mkdtemp(root) != NULL, "mkdtemp: %s", strerror(errno));
	snprintf(repo, sizeof repo, "%s/repo", root);
	ck_assert(mkdir(repo, 0755) == 0);
	git_libgit2_init();
	/* nor libgit2: it looks for global, XDG and system configuration in
	 * the empty temporary folder (reset by the last git_libgit2_shutdown) */
	static const int levels[] = {GIT_CONFIG_LEVEL_PROGRAMDATA, GIT_CONFIG_LEVEL_SYSTEM,
	                             GIT_CONFIG_LEVEL_XDG, GIT_CONFIG_LEVEL_GLOBAL};
	for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++)
		libgit2_ok(git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, levels[i], root),
		          "git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH)");
}

static void teardown(void)
{
	git_libgit2_shutdown();
	an_remove_tree(root);
}

/* A memory stream for notes and warnings. */
typedef struct {
	FILE *f;
	char *text;
	size_t len;
} capture;

static void capture_open(capture *c)
{
	c->text = NULL;
	c->len = 0;
	c->f = open_memstream(&c->text, &c->len);
	ck_assert(c->f != NULL);
}

static const char *capture_text(capture *c)
{
	fflush(c->f);
	return c->text ? c->text : "";
}

static void capture_close(capture *c)
{
	fclose(c->f);
	free(c->text);
}

/* The file's bytes (NUL-terminated, but binary files hold NULs too: use
 * *len to compare them). */
static char *slurp_len(const char *path, size_t *len)
{
	an_buf b = AN_BUF_INIT;
	an_error err = AN_ERROR_INIT;
	if (an_load_file(&b, path, &err) < 0) {
		an_buf_free(&b);
		return NULL;
	}
	if (len)
		*len = b.len;
	return an_buf_detach(&b);
}

static char *slurp(const char *path)
{
	return slurp_len(path, NULL);
}

static const an_article *find_article(const an_site *s, const char *slug)
{
	long i = an_site_find_slug(s, slug);
	ck_assert_msg(i >= 0, "no article %s", slug);
	return &s->articles[i];
}

static int has_event(const an_site *s, const char *value)
{
	for (size_t i = 0; i < s->timeline.n_events; i++)
		if (strcmp(s->timeline.events[i].value, value) == 0)
			return 1;
	return 0;
}

static int load(an_site *out, const char *dir, const char *rev, FILE *log, an_error *err)
{
	an_history_opts o = {.rev = rev, .notes = log, .warnings = log, .changes = 1};
	return an_history_load_site(out, dir, &o, err);
}

#define LOAD_OK(site, dir, rev, log)                                                   \
	do {                                                                               \
		an_error load_err_ = AN_ERROR_INIT;                                            \
		int load_rc_ = load(site, dir, rev, log, &load_err_);                          \
		ck_assert_msg(load_rc_ == 0, "load failed: %s:%d: %s", load_err_.file,         \
		              load_err_.line, load_err_.msg);                                  \
	} while (0)

/* ---- build a revision without a checkout ---- */

START_TEST(build_revision_without_checkout)
{
	git_init(repo);
	article(repo, "content/a.md", "Budget", "2025-11-12",
	        "On November 3, 2025, the city council approved the harbour budget.");
	write_at(repo, "themes/mini/theme.lua",
	         "return { build = function(site) return { { path = 'which.txt', content = "
	         "'theme from the revision, ' .. #site.articles .. ' article(s)' } } end }\n");
	write_at(repo, "annals.yaml", "title: Old title\ntheme: mini\n");
	commit(repo, "2025-11-12T10:00:00+00:00", "Ann", "first");
	/* the working tree moves on, uncommitted */
	article(repo, "content/a.md", "Budget", "2025-11-12",
	        "On November 4, 2025, the city council rejected the harbour budget.");
	article(repo, "content/b.md", "Later", "2025-11-13",
	        "On November 9, 2025, the governor visited the flooded town.");
	write_at(repo, "themes/mini/theme.lua", "error('the working theme must not run')\n");
	write_at(repo, "annals.yaml", "title: New title\ntheme: mini\n");

	an_site s;
	LOAD_OK(&s, repo, "HEAD", NULL);
	ck_assert_int_eq(s.n_articles, 1);
	ck_assert_str_eq(s.config.title, "Old title");
	ck_assert(has_event(&s, "2025-11-03"));
	ck_assert(!has_event(&s, "2025-11-04"));
	an_site_free(&s);

	/* the whole build, theme included, comes from the revision */
	char out[256];
	snprintf(out, sizeof out, "%s/out", root);
	an_build_opts bo = {repo, out, NULL, "..", 0, "main", NULL, NULL, 0, NULL, 0, NULL, NULL, NULL};
	an_build_stats st;
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(an_build(&st, &bo, &err) == 0, "build: %s: %s", err.file, err.msg);
	char path[320];
	snprintf(path, sizeof path, "%s/which.txt", out);
	char *which = slurp(path);
	ck_assert_ptr_nonnull(which);
	ck_assert_str_eq(which, "theme from the revision, 1 article(s)");
	free(which);
	snprintf(path, sizeof path, "%s/timeline.json", out);
	char *json = slurp(path);
	ck_assert_ptr_nonnull(json);
	ck_assert(strstr(json, "\"2025-11-03\"") != NULL);
	ck_assert(strstr(json, "\"first_published\":\"2025-11-12T10:00:00+00:00\"") != NULL);
	free(json);

	/* and the working tree is as it was */
	snprintf(path, sizeof path, "%s/content/a.md", repo);
	char *a = slurp(path);
	ck_assert(strstr(a, "November 4") != NULL);
	free(a);

	/* without --rev, the working files */
	LOAD_OK(&s, repo, NULL, NULL);
	ck_assert_int_eq(s.n_articles, 2);
	ck_assert(has_event(&s, "2025-11-04"));
	ck_assert_str_eq(find_article(&s, "b")->history.first_published, ""); /* uncommitted */
	an_site_free(&s);
}
END_TEST

START_TEST(unknown_revision)
{
	git_init(repo);
	article(repo, "content/a.md", "A", "2025-11-12", "Text.");
	commit(repo, "2025-11-12T10:00:00+00:00", "Ann", "first");
	an_site s;
	an_error err = AN_ERROR_INIT;
	ck_assert_int_eq(load(&s, repo, "no-such-branch", NULL, &err), -1);
	ck_assert_msg(strstr(err.msg, "unknown revision 'no-such-branch'"), "%s", err.msg);
	an_error err2 = AN_ERROR_INIT;
	ck_assert_int_eq(load(&s, repo, "HEAD^{tree}", NULL, &err2), -1);
	ck_assert_msg(strstr(err2.msg, "not a commit"), "%s", err2.msg);
}
END_TEST

/* ---- dates and authors from history ---- */

START_TEST(dates_through_rename_and_merge)
{
	git_init(repo);
	article(repo, "content/a.md", "Story", "2025-01-01",
	        "On December 30, 2024, the bridge closed for repairs.");
	commit(repo, "2025-01-01T10:00:00+01:00", "Alice", "add the story");
	move(repo, "content/a.md", "content/news/b.md");
	commit(repo, "2025-01-02T10:00:00+01:00", "Bob", "move it into news/");
	new_branch(repo, "side");
	article(repo, "content/news/b.md", "Story", "2025-01-01",
	        "On December 30, 2024, the bridge closed for repairs.\n\nIt reopens in March.");
	commit(repo, "2025-01-03T10:00:00+01:00", "Carol", "update the story");
	checkout(repo, "main", 0);
	article(repo, "content/other.md", "Other", "2025-01-04",
	        "On January 2, 2025, the ferry resumed service.");
	commit(repo, "2025-01-04T10:00:00+01:00", "Alice", "another story");
	merge_no_commit(repo, "side");
	commit_as(repo, "2025-01-05T10:00:00+01:00", "Dave", "dave@example.org", "merge side");

	an_site s;
	LOAD_OK(&s, repo, NULL, NULL);
	const an_article_history *b = &find_article(&s, "b")->history;
	ck_assert_str_eq(b->first_published, "2025-01-01T10:00:00+01:00");
	ck_assert_str_eq(b->last_modified, "2025-01-03T10:00:00+01:00");
	ck_assert_uint_eq(b->n_authors, 3); /* the merge changed nothing: no Dave */
	ck_assert_str_eq(b->authors[0], "Alice");
	ck_assert_str_eq(b->authors[1], "Bob");
	ck_assert_str_eq(b->authors[2], "Carol");
	ck_assert_uint_eq(strlen(b->first_commit), 40);
	const an_article_history *o = &find_article(&s, "other")->history;
	ck_assert_str_eq(o->first_published, "2025-01-04T10:00:00+01:00");
	ck_assert_str_eq(o->last_modified, "2025-01-04T10:00:00+01:00");
	ck_assert_uint_eq(o->n_authors, 1);
	ck_assert_str_eq(o->authors[0], "Alice");
	an_site_free(&s);
}
END_TEST

START_TEST(evil_merge_counts)
{
	/* a merge that changes the file beyond both sides is a change */
	git_init(repo);
	article(repo, "content/a.md", "A", "2025-01-01", "On December 30, 2024, it rained.");
	commit(repo, "2025-01-01T10:00:00+00:00", "Alice", "one");
	new_branch(repo, "side");
	write_at(repo, "content/side.txt", "x");
	commit(repo, "2025-01-02T10:00:00+00:00", "Bob", "side");
	checkout(repo, "main", 0);
	merge_no_commit(repo, "side");
	article(repo, "content/a.md", "A", "2025-01-01", "On December 31, 2024, it rained.");
	commit_as(repo, "2025-01-03T10:00:00+00:00", "Eve", "eve@example.org", "merge");
	an_site s;
	LOAD_OK(&s, repo, NULL, NULL);
	const an_article_history *h = &find_article(&s, "a")->history;
	ck_assert_str_eq(h->first_published, "2025-01-01T10:00:00+00:00");
	ck_assert_str_eq(h->last_modified, "2025-01-03T10:00:00+00:00");
	ck_assert_uint_eq(h->n_authors, 2);
	ck_assert_str_eq(h->authors[1], "Eve");
	an_site_free(&s);
}
END_TEST

START_TEST(date_from_first_commit)
{
	git_init(repo);
	article(repo, "content/a.md", "Undated", NULL,
	        "Yesterday the council approved the budget.");
	/* late evening in New York: already the next day in UTC */
	commit(repo, "2025-03-04T23:30:00-05:00", "Ann", "add undated");
	article(repo, "content/a.md", "Undated", NULL,
	        "Yesterday the council approved the budget, 7 to 2.");
	commit(repo, "2025-03-06T09:00:00-05:00", "Ann", "edit");
	capture c;
	capture_open(&c);
	an_site s;
	LOAD_OK(&s, repo, NULL, c.f);
	const an_article *a = find_article(&s, "a");
	ck_assert_int_eq(a->meta.date.y, 2025);
	ck_assert_int_eq(a->meta.date.m, 3);
	ck_assert_int_eq(a->meta.date.d, 4);
	ck_assert(has_event(&s, "2025-03-03")); /* "yesterday" from the commit's date */
	const char *log = capture_text(&c);
	ck_assert_msg(strstr(log, "content/a.md: no 'date' in front matter; using 2025-03-04"),
	              "log: %s", log);
	an_site_free(&s);
	capture_close(&c);

	/* an undated file that was never committed cannot be dated */
	article(repo, "content/new.md", "New", NULL, "Text.");
	an_error err = AN_ERROR_INIT;
	ck_assert_int_eq(load(&s, repo, NULL, NULL, &err), -1);
	ck_assert_str_eq(err.file, "content/new.md");
	ck_assert_msg(strstr(err.msg, "no 'date'") && strstr(err.msg, "commit"), "%s", err.msg);
}
END_TEST

START_TEST(shallow_clone)
{
	char origin[160];
	snprintf(origin, sizeof origin, "%s/origin", root);
	git_init(origin);
	article(origin, "content/a.md", "A", "2025-02-01", "On January 30, 2025, it snowed.");
	commit(origin, "2025-02-01T10:00:00+00:00", "Ann", "one");
	article(origin, "content/b.md", "B", "2025-02-02", "On January 31, 2025, it rained.");
	commit(origin, "2025-02-02T10:00:00+00:00", "Bob", "two");
	article(origin, "content/a.md", "A", "2025-02-01",
	        "On January 30, 2025, it snowed heavily.");
	commit(origin, "2025-02-03T10:00:00+00:00", "Cy", "three");
	sh("git clone -q --depth 2 'file://%s' '%s'", origin, repo);

	capture c;
	capture_open(&c);
	an_site s;
	LOAD_OK(&s, repo, NULL, c.f);
	const char *log = capture_text(&c);
	ck_assert_msg(strstr(log, "warning: this is a shallow clone"), "log: %s", log);
	/* a: changed in "three" (inside the clone), added before it */
	const an_article_history *a = &find_article(&s, "a")->history;
	ck_assert_str_eq(a->first_published, "");
	ck_assert_str_eq(a->last_modified, "2025-02-03T10:00:00+00:00");
	/* b: "two" is the shallow boundary; whether it added b is unknown, so
	 * it must not be stamped with that commit's date */
	const an_article_history *b = &find_article(&s, "b")->history;
	ck_assert_str_eq(b->first_published, "");
	ck_assert_str_eq(b->last_modified, "");
	an_site_free(&s);
	capture_close(&c);

	/* an undated article that history cannot date is an error that says why */
	article(origin, "content/c.md", "C", NULL, "Text.");
	commit(origin, "2025-02-04T10:00:00+00:00", "Ann", "four");
	an_remove_tree(repo);
	sh("git clone -q --depth 1 'file://%s' '%s'", origin, repo);
	an_error err = AN_ERROR_INIT;
	ck_assert_int_eq(load(&s, repo, NULL, NULL, &err), -1);
	ck_assert_msg(strstr(err.msg, "shallow"), "%s", err.msg);
}
END_TEST

/* ---- how the timeline changed ---- */

static void news(const char *slug, const char *date, const char *body)
{
	char rel[64];
	snprintf(rel, sizeof rel, "content/%s.md", slug);
	article(repo, rel, slug, date, body);
}

static int has_change(const an_changes *c, an_change_kind kind, const char *date,
                      const char *before, const char *source)
{
	for (size_t i = 0; i < c->len; i++) {
		const an_change *ch = &c->items[i];
		if (ch->kind == kind && (!date || strcmp(ch->date, date) == 0) &&
		    (!before || (ch->before && strcmp(ch->before, before) == 0)) &&
		    (!source || (ch->source && strcmp(ch->source, source) == 0)))
			return 1;
	}
	return 0;
}

static void story_repo(void)
{
	git_init(repo);
	news("a", "2025-11-12", "On November 3, 2025, the city council approved the harbour budget "
	     "after a long debate.\n\nOn November 5, 2025, the mayor resigned over the parking "
	     "scandal.");
	news("b", "2025-11-12", "The city council approved the harbour budget on November 3, 2025, "
	     "after a long debate.");
	news("z", "2025-11-12", "On November 8, 2025, heavy rain flooded the old mill district.");
	commit(repo, "2025-11-12T10:00:00+00:00", "Ann", "First reports");
	news("a", "2025-11-12", "On November 3, 2025, the city council approved the harbour budget "
	     "after a long debate.\n\nOn November 6, 2025, the mayor resigned over the parking "
	     "scandal.");
	news("c", "2025-11-13", "The city council approved the harbour budget on November 3, 2025, "
	     "in a close vote after a long debate.\n\nOn November 10, 2025, the governor visited "
	     "the flooded town of Milltown.");
	rm_path(repo, "content/z.md");
	commit(repo, "2025-11-13T10:00:00+00:00", "Bob", "Corrections and a new report");
	rm_path(repo, "content/b.md");
	commit(repo, "2025-11-14T10:00:00+00:00", "Ann", "Drop the weekly");
	commit_as(repo, "2025-11-15T10:00:00+00:00", "Publisher", "publisher@example.org",
	          "no content change");
}

START_TEST(diff_between_revisions)
{
	story_repo();
	an_changes c = AN_CHANGES_INIT;
	an_error err = AN_ERROR_INIT;
	an_history_opts o = {0};
	ck_assert_msg(an_history_diff(&c, repo, "HEAD~3", "HEAD~2", &o, &err) == 0, "%s", err.msg);
	ck_assert(has_change(&c, AN_CHANGE_ADDED, "2025-11-10", NULL, NULL));
	ck_assert(has_change(&c, AN_CHANGE_REMOVED, "2025-11-08", NULL, NULL));
	ck_assert(has_change(&c, AN_CHANGE_REDATED, "2025-11-06", "2025-11-05", NULL));
	ck_assert(has_change(&c, AN_CHANGE_SOURCE_ADDED, "2025-11-03", NULL, "c"));
	an_buf text = AN_BUF_INIT;
	an_diff_text(&text, &c);
	ck_assert_msg(strstr(text.ptr, "~ redated         2025-11-05 -> 2025-11-06  "), "%s",
	              text.ptr);
	ck_assert(strstr(text.ptr, "- removed         2025-11-08  "));
	an_buf_free(&text);
	an_changes_free(&c);

	ck_assert(an_history_diff(&c, repo, "HEAD~2", "HEAD~1", &o, &err) == 0);
	ck_assert(has_change(&c, AN_CHANGE_SOURCE_DROPPED, "2025-11-03", NULL, "b"));
	ck_assert_uint_eq(c.len, 1);
	an_changes_free(&c);

	ck_assert(an_history_diff(&c, repo, "HEAD~1", "HEAD", &o, &err) == 0);
	ck_assert_uint_eq(c.len, 0);
	an_changes_free(&c);
}
END_TEST

START_TEST(changes_page_log)
{
	story_repo();
	an_site s;
	LOAD_OK(&s, repo, NULL, NULL);
	/* three commits changed the timeline; the empty one did not */
	ck_assert_uint_eq(s.changes.len, 3);
	const an_revision *newest = &s.changes.items[0], *oldest = &s.changes.items[2];
	ck_assert_str_eq(newest->message, "Drop the weekly");
	ck_assert_str_eq(newest->date, "2025-11-14T10:00:00+00:00");
	ck_assert_str_eq(newest->author, "Ann");
	ck_assert(has_change(&newest->changes, AN_CHANGE_SOURCE_DROPPED, NULL, NULL, "b"));
	ck_assert_str_eq(s.changes.items[1].author, "Bob");
	ck_assert(has_change(&oldest->changes, AN_CHANGE_ADDED, "2025-11-05", NULL, NULL));
	an_site_free(&s);
}
END_TEST

/* The diff itself on hand-made snapshots: each kind, and the matching. */
static void snap(an_snapshot *s, const char *id, const char *value, const char *title,
                 const char *src1, const char *src2, const char *key)
{
	char *sources[2] = {(char *)src1, (char *)src2};
	char *keys[1] = {(char *)key};
	an_snap_event e = {(char *)id, (char *)value, "", (char *)title, sources,
	                   src2 ? 2 : 1, keys, 1};
	an_snapshot_add(s, &e);
}

START_TEST(diff_kinds)
{
	an_snapshot old = AN_SNAPSHOT_INIT, new = AN_SNAPSHOT_INIT;
	snap(&old, "e1", "2025-11-01", "Maduro speaks", "a", NULL, "a\nMaduro spoke.");
	snap(&old, "e2", "2025-11-02", "Old headline", "a", "b", "a\nThe vote.");
	snap(&old, "e3", "2025-11-03", "Gone", "b", NULL, "b\nGone.");
	snap(&new, "e1x", "2025-11-02", "Maduro speaks", "a", NULL, "a\nMaduro spoke.");
	snap(&new, "e2", "2025-11-02", "New headline", "a", "c", "a\nThe vote.");
	snap(&new, "e4", "2025-11-04", "Fresh", "c", NULL, "c\nFresh.");
	an_changes c = AN_CHANGES_INIT;
	an_diff_snapshots(&c, &old, &new);
	ck_assert(has_change(&c, AN_CHANGE_REDATED, "2025-11-02", "2025-11-01", NULL));
	ck_assert(has_change(&c, AN_CHANGE_RETITLED, "2025-11-02", "Old headline", NULL));
	ck_assert(has_change(&c, AN_CHANGE_SOURCE_ADDED, "2025-11-02", NULL, "c"));
	ck_assert(has_change(&c, AN_CHANGE_SOURCE_DROPPED, "2025-11-02", NULL, "b"));
	ck_assert(has_change(&c, AN_CHANGE_ADDED, "2025-11-04", NULL, NULL));
	ck_assert(has_change(&c, AN_CHANGE_REMOVED, "2025-11-03", NULL, NULL));
	ck_assert_uint_eq(c.len, 6);
	an_buf t = AN_BUF_INIT;
	an_diff_text(&t, &c);
	ck_assert_msg(strstr(t.ptr, "~ retitled        2025-11-02  \"Old headline\" -> "
	                            "\"New headline\"\n"), "%s", t.ptr);
	ck_assert(strstr(t.ptr, "+ source-added    2025-11-02  New headline: c\n"));
	an_buf_free(&t);
	an_changes_free(&c);
	an_diff_snapshots(&c, &new, &new);
	ck_assert_uint_eq(c.len, 0);
	an_changes_free(&c);
	an_snapshot_free(&old);
	an_snapshot_free(&new);
}
END_TEST

/* ---- publish ---- */

static void head_state(const char *dir, char *head_ref, size_t size, git_oid *head_id)
{
	git_repository *r = NULL;
	git_reference *h = NULL;
	GIT_OK(git_repository_open(&r, dir));
	GIT_OK(git_reference_lookup(&h, r, "HEAD"));
	snprintf(head_ref, size, "%s", git_reference_symbolic_target(h));
	git_reference_free(h);
	GIT_OK(git_reference_name_to_id(head_id, r, "HEAD"));
	git_repository_free(r);
}

/* The commit a branch points to and the paths of its tree, one a line. */
static void branch_tree(const char *dir, const char *branch, an_buf *paths, size_t *n_parents,
                        char *message, size_t size)
{
	git_repository *r = NULL;
	git_commit *c = NULL;
	git_tree *t = NULL;
	git_oid id;
	char ref[128];
	snprintf(ref, sizeof ref, "refs/heads/%s", branch);
	GIT_OK(git_repository_open(&r, dir));
	GIT_OK(git_reference_name_to_id(&id, r, ref));
	GIT_OK(git_commit_lookup(&c, r, &id));
	GIT_OK(git_commit_tree(&t, c));
	*n_parents = git_commit_parentcount(c);
	snprintf(message, size, "%s", git_commit_message(c));
	for (size_t i = 0; i < git_tree_entrycount(t); i++) {
		const git_tree_entry *e = git_tree_entry_byindex(t, i);
		an_buf_printf(paths, "%s%s\n", git_tree_entry_name(e),
		              git_tree_entry_type(e) == GIT_OBJECT_TREE ? "/" : "");
	}
	git_tree_free(t);
	git_commit_free(c);
	git_repository_free(r);
}

START_TEST(publish_new_and_existing_branch)
{
	git_init(repo);
	article(repo, "content/a.md", "A", "2025-11-12", "On November 3, 2025, it rained.");
	commit(repo, "2025-11-12T10:00:00+00:00", "Ann", "content");
	/* local changes that publish must not disturb: staged, unstaged, untracked */
	article(repo, "content/a.md", "A", "2025-11-12", "On November 4, 2025, it rained.");
	add_path(repo, "content/a.md");
	article(repo, "content/a.md", "A", "2025-11-12", "On November 5, 2025, it rained.");
	write_at(repo, "notes.txt", "untracked\n");
	char index_path[256];
	snprintf(index_path, sizeof index_path, "%s/.git/index", repo);
	size_t index_before_len = 0, index_after_len = 0;
	char *index_before = slurp_len(index_path, &index_before_len);
	an_buf status_before = AN_BUF_INIT, status_after = AN_BUF_INIT;
	status_text(&status_before, repo);
	char ref_before[128], ref_after[128];
	git_oid id_before, id_after;
	head_state(repo, ref_before, sizeof ref_before, &id_before);

	char site_dir[256];
	snprintf(site_dir, sizeof site_dir, "%s/site", root);
	ck_assert(mkdir(site_dir, 0755) == 0);
	write_at(site_dir, "index.html", "<p>v1</p>\n");
	write_at(site_dir, "events/e.html", "<p>e</p>\n");
	write_at(site_dir, ".annals-output", "");
	write_at(site_dir, ".nojekyll", "");

	an_publish_opts po = {site_dir, repo, "gh-pages", NULL, NULL, 1763000000LL, 60};
	char id[41];
	int unchanged = -1;
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(an_publish(id, &unchanged, &po, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(unchanged, 0);
	ck_assert_uint_eq(strlen(id), 40);
	an_buf paths = AN_BUF_INIT;
	size_t n_parents;
	char msg[256];
	branch_tree(repo, "gh-pages", &paths, &n_parents, msg, sizeof msg);
	ck_assert_str_eq(paths.ptr, ".nojekyll\nevents/\nindex.html\n");
	ck_assert_uint_eq(n_parents, 0);
	ck_assert_msg(strncmp(msg, "Publish the site built from ", 28) == 0, "%s", msg);

	/* again with a change: a second commit on top */
	write_at(site_dir, "index.html", "<p>v2</p>\n");
	po.message = "Site update";
	ck_assert_msg(an_publish(id, &unchanged, &po, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(unchanged, 0);
	an_buf_clear(&paths);
	branch_tree(repo, "gh-pages", &paths, &n_parents, msg, sizeof msg);
	ck_assert_uint_eq(n_parents, 1);
	ck_assert_str_eq(msg, "Site update\n");
	/* and once more without a change: nothing to commit */
	char same[41];
	ck_assert(an_publish(same, &unchanged, &po, &err) == 0);
	ck_assert_int_eq(unchanged, 1);
	ck_assert_str_eq(same, id);
	an_buf_free(&paths);

	/* HEAD, the index and the work tree are untouched */
	head_state(repo, ref_after, sizeof ref_after, &id_after);
	ck_assert_str_eq(ref_after, ref_before);
	ck_assert(git_oid_equal(&id_after, &id_before));
	char *index_after = slurp_len(index_path, &index_after_len);
	/* the index is binary: compare every byte, not up to the first NUL */
	ck_assert(index_before && index_after && index_before_len == index_after_len &&
	          memcmp(index_before, index_after, index_before_len) == 0);
	status_text(&status_after, repo);
	ck_assert_str_eq(status_after.ptr ? status_after.ptr : "",
	                 status_before.ptr ? status_before.ptr : "");
	an_buf_free(&status_before);
	an_buf_free(&status_after);
	char apath[256];
	snprintf(apath, sizeof apath, "%s/content/a.md", repo);
	char *a = slurp(apath);
	ck_assert(strstr(a, "November 5"));
	free(a);
	free(index_before);
	free(index_after);

	/* the checked-out branch and bad names are refused */
	po.branch = "main";
	ck_assert_int_eq(an_publish(id, &unchanged, &po, &err), -1);
	ck_assert_msg(strstr(err.msg, "checked out"), "%s", err.msg);
	po.branch = "bad..name";
	ck_assert_int_eq(an_publish(id, &unchanged, &po, &err), -1);
	ck_assert_msg(strstr(err.msg, "not a valid branch name"), "%s", err.msg);
}
END_TEST

/* ---- repositories in odd states ---- */

START_TEST(not_a_repository)
{
	article(repo, "content/a.md", "A", "2025-11-12", "On November 3, 2025, it rained.");
	capture c;
	capture_open(&c);
	an_site s;
	LOAD_OK(&s, repo, NULL, c.f);
	ck_assert_msg(strstr(capture_text(&c), "not in a git repository: history features"),
	              "%s", capture_text(&c));
	ck_assert_str_eq(s.articles[0].history.first_published, "");
	ck_assert_uint_eq(s.changes.len, 0);
	an_site_free(&s);
	capture_close(&c);
	an_error err = AN_ERROR_INIT;
	ck_assert_int_eq(load(&s, repo, "HEAD", NULL, &err), -1);
	ck_assert_msg(strstr(err.msg, "needs a git repository"), "%s", err.msg);
	an_changes ch = AN_CHANGES_INIT;
	an_history_opts o = {0};
	ck_assert_int_eq(an_history_diff(&ch, repo, "HEAD~1", "HEAD", &o, &err), -1);
	ck_assert_msg(strstr(err.msg, "not in a git repository"), "%s", err.msg);
	char id[41];
	int unchanged;
	an_publish_opts po = {repo, repo, "gh-pages", NULL, NULL, 0, 0};
	ck_assert_int_eq(an_publish(id, &unchanged, &po, &err), -1);
	ck_assert_msg(strstr(err.msg, "not in a git repository"), "%s", err.msg);
}
END_TEST

START_TEST(bare_repository)
{
	init_bare(repo);
	an_site s;
	an_error err = AN_ERROR_INIT;
	ck_assert_int_eq(load(&s, repo, NULL, NULL, &err), -1);
	ck_assert_msg(strstr(err.msg, "bare git repository"), "%s", err.msg);
	an_error err2 = AN_ERROR_INIT;
	ck_assert_int_eq(load(&s, repo, "HEAD", NULL, &err2), -1);
	ck_assert_msg(strstr(err2.msg, "bare git repository"), "%s", err2.msg);
}
END_TEST

START_TEST(detached_head)
{
	git_init(repo);
	article(repo, "content/a.md", "A", "2025-11-12", "On November 3, 2025, it rained.");
	commit(repo, "2025-11-12T10:00:00+00:00", "Ann", "one");
	article(repo, "content/a.md", "A", "2025-11-12", "On November 4, 2025, it rained.");
	commit(repo, "2025-11-13T10:00:00+00:00", "Ann", "two");
	checkout(repo, "HEAD~1", 1);
	capture c;
	capture_open(&c);
	an_site s;
	LOAD_OK(&s, repo, NULL, c.f);
	ck_assert_msg(strstr(capture_text(&c), "HEAD is detached at"), "%s", capture_text(&c));
	ck_assert_str_eq(s.articles[0].history.last_modified, "2025-11-12T10:00:00+00:00");
	an_site_free(&s);
	capture_close(&c);
	LOAD_OK(&s, repo, "main", NULL); /* a branch still builds */
	ck_assert(has_event(&s, "2025-11-04"));
	an_site_free(&s);
}
END_TEST

START_TEST(unborn_branch)
{
	git_init(repo);
	article(repo, "content/a.md", "A", "2025-11-12", "On November 3, 2025, it rained.");
	capture c;
	capture_open(&c);
	an_site s;
	LOAD_OK(&s, repo, NULL, c.f);
	ck_assert_msg(strstr(capture_text(&c), "the branch 'main' has no commits yet"), "%s",
	              capture_text(&c));
	an_site_free(&s);
	capture_close(&c);
	an_error err = AN_ERROR_INIT;
	ck_assert_int_eq(load(&s, repo, "HEAD", NULL, &err), -1);
	ck_assert_msg(strstr(err.msg, "no commits yet"), "%s", err.msg);
	an_changes ch = AN_CHANGES_INIT;
	an_history_opts o = {0};
	an_error err2 = AN_ERROR_INIT;
	ck_assert_int_eq(an_history_diff(&ch, repo, "HEAD", "HEAD", &o, &err2), -1);
	ck_assert_msg(strstr(err2.msg, "no commits yet"), "%s", err2.msg);
}
END_TEST

/* Overwrites the loose object for REV's id with bytes zlib cannot read. */
static void corrupt(const char *rev)
{
	git_repository *r = NULL;
	git_object *o = NULL;
	GIT_OK(git_repository_open(&r, repo));
	GIT_OK(git_revparse_single(&o, r, rev));
	char hex[41], path[320];
	git_oid_tostr(hex, sizeof hex, git_object_id(o));
	git_object_free(o);
	git_repository_free(r);
	snprintf(path, sizeof path, "%s/.git/objects/%.2s/%s", repo, hex, hex + 2);
	chmod(path, 0644);
	FILE *f = fopen(path, "wb");
	ck_assert_msg(f != NULL, "%s: %s", path, strerror(errno));
	fputs("this is not a zlib stream", f);
	fclose(f);
}

START_TEST(corrupt_objects)
{
	git_init(repo);
	article(repo, "content/a.md", "A", "2025-11-12", "On November 3, 2025, it rained.");
	article(repo, "content/sub/b.md", "B", "2025-11-12", "On November 4, 2025, it snowed.");
	commit(repo, "2025-11-12T10:00:00+00:00", "Ann", "one");
	corrupt("HEAD:content/a.md");
	an_site s;
	an_error err = AN_ERROR_INIT;
	ck_assert_int_eq(load(&s, repo, "HEAD", NULL, &err), -1);
	ck_assert_str_eq(err.file, "content/a.md");
	ck_assert_msg(strstr(err.msg, "cannot read the file from git"), "%s", err.msg);
	/* history reads trees: a broken tree stops it with a message */
	corrupt("HEAD:content/sub");
	an_error err2 = AN_ERROR_INIT;
	ck_assert_int_eq(load(&s, repo, NULL, NULL, &err2), -1);
	ck_assert_msg(err2.msg[0] != '\0', "no message");
}
END_TEST

Suite *an_test_git_suite(void);
Suite *an_test_git_suite(void)
{
	Suite *s = suite_create("git");
	TCase *tc = tcase_create("history");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, build_revision_without_checkout);
	tcase_add_test(tc, unknown_revision);
	tcase_add_test(tc, dates_through_rename_and_merge);
	tcase_add_test(tc, evil_merge_counts);
	tcase_add_test(tc, date_from_first_commit);
	tcase_add_test(tc, shallow_clone);
	tcase_add_test(tc, diff_between_revisions);
	tcase_add_test(tc, changes_page_log);
	tcase_add_test(tc, publish_new_and_existing_branch);
	tcase_add_test(tc, not_a_repository);
	tcase_add_test(tc, bare_repository);
	tcase_add_test(tc, detached_head);
	tcase_add_test(tc, unborn_branch);
	tcase_add_test(tc, corrupt_objects);
	suite_add_tcase(s, tc);
	TCase *pure = tcase_create("diff");
	tcase_add_test(pure, diff_kinds);
	suite_add_tcase(s, pure);
	return s;
}
