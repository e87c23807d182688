/* check_write.c - the write stage (atomic output folder, refusals, static
 * copies) and the render stage's checks on what a theme may produce (page
 * paths, <time datetime> values).  Each test works in its own folder made
 * with mkdtemp under /tmp and removed afterwards. */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include "buf.h"
#include "render.h"
#include "write.h"

static char root[64];      /* the test's temporary folder */
static char site[128];     /* root/site, with a content/ folder */
static char out_dir[128];  /* root/out */

static void mkdir_or_die(const char *path)
{
	ck_assert_msg(mkdir(path, 0755) == 0, "mkdir %s: %s", path, strerror(errno));
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	ck_assert_msg(f != NULL, "cannot create %s", path);
	fputs(text, f);
	fclose(f);
}

static void setup(void)
{
	snprintf(root, sizeof root, "/tmp/annals-check-write-XXXXXX");
	ck_assert_msg(mkdtemp(root) != NULL, "mkdtemp: %s", strerror(errno));
	snprintf(site, sizeof site, "%s/site", root);
	snprintf(out_dir, sizeof out_dir, "%s/out", root);
	mkdir_or_die(site);
	char content[160];
	snprintf(content, sizeof content, "%s/content", site);
	mkdir_or_die(content);
}

static void teardown(void)
{
	an_remove_tree(root);
}

/* Reads a whole file into a fresh string; NULL when it does not exist. */
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	an_buf b = AN_BUF_INIT;
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		an_buf_put(&b, chunk, n);
	fclose(f);
	an_buf_putc(&b, '\0');
	return an_buf_detach(&b);
}

static int exists(const char *dir, const char *rel)
{
	char path[512];
	struct stat st;
	snprintf(path, sizeof path, "%s/%s", dir, rel);
	return lstat(path, &st) == 0;
}

static void expect_file(const char *dir, const char *rel, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, rel);
	char *got = slurp(path);
	ck_assert_msg(got != NULL, "%s is missing", path);
	ck_assert_str_eq(got, text);
	free(got);
}

/* Every path and byte below `dir`, in a stable order, as one string. */
static void snapshot_into(an_buf *b, const char *dir, const char *rel)
{
	char path[1024];
	snprintf(path, sizeof path, "%s%s%s", dir, rel[0] ? "/" : "", rel);
	struct dirent **list;
	int n = scandir(path, &list, NULL, alphasort);
	ck_assert_msg(n >= 0, "scandir %s", path);
	for (int i = 0; i < n; i++) {
		const char *name = list[i]->d_name;
		if (strcmp(name, ".") != 0 && strcmp(name, "..") != 0) {
			char sub[1024], full[2048];
			snprintf(sub, sizeof sub, "%s%s%s", rel, rel[0] ? "/" : "", name);
			snprintf(full, sizeof full, "%s/%s", dir, sub);
			struct stat st;
			ck_assert(lstat(full, &st) == 0);
			if (S_ISDIR(st.st_mode)) {
				an_buf_printf(b, "dir %s\n", sub);
				snapshot_into(b, dir, sub);
			} else {
				char *data = slurp(full);
				an_buf_printf(b, "file %s mode %o\n%s\n", sub, (unsigned)st.st_mode,
				              data ? data : "(unreadable)");
				free(data);
			}
		}
		free(list[i]);
	}
	free(list);
}

static char *snapshot(const char *dir)
{
	an_buf b = AN_BUF_INIT;
	snapshot_into(&b, dir, "");
	an_buf_putc(&b, '\0');
	return an_buf_detach(&b);
}

/* 1 when a temporary build folder is left in the test folder. */
static int temp_left(void)
{
	DIR *d = opendir(root);
	ck_assert(d != NULL);
	struct dirent *e;
	int found = 0;
	while ((e = readdir(d)) != NULL)
		if (strstr(e->d_name, ".annals-tmp-") || strstr(e->d_name, ".annals-old-"))
			found = 1;
	closedir(d);
	return found;
}

static an_output *begin_ok(const char *dir, int force)
{
	an_error err = AN_ERROR_INIT;
	an_output *o = an_output_begin(dir, site, force, &err);
	ck_assert_msg(o != NULL, "an_output_begin(%s): %s", dir, err.msg);
	return o;
}

static void write_ok(an_output *o, const char *path, const char *text)
{
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(an_output_write(o, path, text, strlen(text), &err) == 0, "write %s: %s",
	              path, err.msg);
}

static void commit_ok(an_output *o)
{
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(an_output_commit(o, &err) == 0, "commit: %s", err.msg);
}

/* Builds a site made of the given NULL-terminated path, text pairs. */
static void build(const char *const *files)
{
	an_output *o = begin_ok(out_dir, 0);
	for (; files[0]; files += 2)
		write_ok(o, files[0], files[1]);
	commit_ok(o);
}

START_TEST(first_build)
{
	an_output *o = begin_ok(out_dir, 0);
	/* nothing is visible at the output path before commit */
	ck_assert(!exists(out_dir, ""));
	const char *tmp = an_output_tmpdir(o);
	ck_assert_msg(strncmp(tmp, out_dir, strlen(out_dir)) == 0 &&
	                  strstr(tmp, ".annals-tmp-") != NULL,
	              "temporary folder %s is not beside %s", tmp, out_dir);
	write_ok(o, "a/b/c.html", "<p>deep</p>\n");
	write_ok(o, "index.html", "<p>top</p>\n");
	write_ok(o, "empty.txt", "");
	commit_ok(o);
	expect_file(out_dir, "a/b/c.html", "<p>deep</p>\n");
	expect_file(out_dir, "index.html", "<p>top</p>\n");
	expect_file(out_dir, "empty.txt", "");
	ck_assert_msg(exists(out_dir, ".annals-output"), "no .annals-output marker");
	ck_assert_msg(!temp_left(), "a temporary folder is left behind");
	/* a site is public: the folder is not left private as mkdtemp makes it */
	struct stat st;
	ck_assert(stat(out_dir, &st) == 0);
	ck_assert_msg((st.st_mode & 0755) == 0755, "output mode %o", (unsigned)st.st_mode);
}
END_TEST

START_TEST(rebuild_replaces)
{
	const char *first[] = {"old.html", "old", "dir/old.html", "old", "same.html", "v1", NULL};
	const char *second[] = {"new.html", "new", "same.html", "v2", NULL};
	build(first);
	build(second);
	ck_assert_msg(!exists(out_dir, "old.html"), "old.html survived the rebuild");
	ck_assert_msg(!exists(out_dir, "dir"), "dir/ survived the rebuild");
	expect_file(out_dir, "new.html", "new");
	expect_file(out_dir, "same.html", "v2");
	ck_assert(exists(out_dir, ".annals-output"));
	ck_assert_msg(!temp_left(), "the old site is left behind in a temporary folder");
}
END_TEST

static ino_t inode_of(const char *dir, const char *rel)
{
	char path[PATH_MAX];
	snprintf(path, sizeof path, "%s/%s", dir, rel);
	struct stat st;
	ck_assert_msg(stat(path, &st) == 0, "%s: %s", path, strerror(errno));
	return st.st_ino;
}

/* A rebuild keeps the files whose bytes did not change (same inode: not
 * rewritten, so rsync and caches see them unchanged) and writes new ones
 * for the rest, including a file of the same length with other bytes. */
START_TEST(rebuild_keeps_unchanged_files)
{
	const char *first[] = {"same.html", "unchanged", "dir/same.html", "deep", "len.html",
	                       "abcd", "grow.html", "v1", NULL};
	build(first);
	ino_t same = inode_of(out_dir, "same.html"), deep = inode_of(out_dir, "dir/same.html");
	ino_t len = inode_of(out_dir, "len.html"), grow = inode_of(out_dir, "grow.html");
	an_output *o = begin_ok(out_dir, 0);
	write_ok(o, "same.html", "unchanged");
	write_ok(o, "dir/same.html", "deep");
	write_ok(o, "len.html", "abce");
	write_ok(o, "grow.html", "v1 and more");
	write_ok(o, "new.html", "new");
	ck_assert_uint_eq(an_output_linked(o), 2);
	ck_assert_uint_eq(an_output_files(o), 5);
	commit_ok(o);
	ck_assert(inode_of(out_dir, "same.html") == same);
	ck_assert(inode_of(out_dir, "dir/same.html") == deep);
	ck_assert(inode_of(out_dir, "len.html") != len);
	ck_assert(inode_of(out_dir, "grow.html") != grow);
	expect_file(out_dir, "same.html", "unchanged");
	expect_file(out_dir, "len.html", "abce");
	expect_file(out_dir, "grow.html", "v1 and more");
	/* the old tree is gone and the kept file has no second name left */
	ck_assert(!temp_left());
	char path[PATH_MAX];
	snprintf(path, sizeof path, "%s/same.html", out_dir);
	struct stat st;
	ck_assert(stat(path, &st) == 0);
	ck_assert_uint_eq(st.st_nlink, 1);
}
END_TEST

/* Writes `text` into the output at `path` as a file in pieces of `piece`
 * bytes (the last may be shorter). */
static void write_pieces(an_output *o, const char *path, const char *text, size_t piece)
{
	an_error err = AN_ERROR_INIT;
	an_output_file *f = an_output_open(o, path, &err);
	ck_assert_msg(f != NULL, "open %s: %s", path, err.msg);
	size_t len = strlen(text);
	for (size_t off = 0; off < len; off += piece) {
		size_t n = len - off < piece ? len - off : piece;
		ck_assert_msg(an_output_file_write(f, text + off, n, &err) == 0, "%s", err.msg);
	}
	ck_assert_msg(an_output_file_close(f, &err) == 0, "close %s: %s", path, err.msg);
}

/* A file written in pieces holds them in order; on a rebuild it is kept
 * (same inode) only when all its bytes match the earlier file's, which
 * the pieces are compared with as they come: not when the earlier file is
 * longer, shorter, or differs in a late piece. */
START_TEST(file_in_pieces)
{
	an_output *o = begin_ok(out_dir, 0);
	write_pieces(o, "data/same.json", "{\"a\": [1, 2, 3]}\n", 4);
	write_pieces(o, "longer.json", "0123456789", 3);
	write_pieces(o, "shorter.json", "0123", 3);
	write_pieces(o, "late.json", "0123456789", 5);
	write_pieces(o, "empty.json", "", 1);
	ck_assert_uint_eq(an_output_files(o), 5);
	commit_ok(o);
	expect_file(out_dir, "data/same.json", "{\"a\": [1, 2, 3]}\n");
	expect_file(out_dir, "empty.json", "");
	ino_t same = inode_of(out_dir, "data/same.json");
	ino_t longer = inode_of(out_dir, "longer.json"), shorter = inode_of(out_dir, "shorter.json");
	ino_t late = inode_of(out_dir, "late.json");

	o = begin_ok(out_dir, 0);
	write_pieces(o, "data/same.json", "{\"a\": [1, 2, 3]}\n", 7); /* other cuts */
	write_pieces(o, "longer.json", "012345678", 3);
	write_pieces(o, "shorter.json", "01234", 3);
	write_pieces(o, "late.json", "012345678X", 5);
	ck_assert_uint_eq(an_output_linked(o), 1);
	ck_assert_uint_eq(an_output_files(o), 4);
	commit_ok(o);
	ck_assert(inode_of(out_dir, "data/same.json") == same);
	ck_assert(inode_of(out_dir, "longer.json") != longer);
	ck_assert(inode_of(out_dir, "shorter.json") != shorter);
	ck_assert(inode_of(out_dir, "late.json") != late);
	expect_file(out_dir, "longer.json", "012345678");
	expect_file(out_dir, "shorter.json", "01234");
	expect_file(out_dir, "late.json", "012345678X");
	ck_assert(!exists(out_dir, "data/same.json.link"));

	/* two files of one path are refused, as whole pages are */
	o = begin_ok(out_dir, 0);
	write_ok(o, "x.json", "{}");
	an_error err = AN_ERROR_INIT;
	ck_assert_ptr_null(an_output_open(o, "x.json", &err));
	ck_assert_msg(strstr(err.msg, "two pages have this path") != NULL, "%s", err.msg);
	an_output_abort(o);
}
END_TEST

/* A folder annals did not make (--force) is never linked from: its files
 * are not known to be a site's and are replaced by fresh copies. */
START_TEST(foreign_files_not_linked)
{
	char path[PATH_MAX];
	ck_assert(mkdir(out_dir, 0755) == 0);
	snprintf(path, sizeof path, "%s/page.html", out_dir);
	FILE *f = fopen(path, "w");
	ck_assert(f != NULL);
	fputs("same", f);
	fclose(f);
	an_output *o = begin_ok(out_dir, 1);
	write_ok(o, "page.html", "same");
	ck_assert_uint_eq(an_output_linked(o), 0);
	commit_ok(o);
	expect_file(out_dir, "page.html", "same");
}
END_TEST

START_TEST(abort_keeps_old_site)
{
	const char *first[] = {"index.html", "v1", "events/e.html", "event v1", NULL};
	build(first);
	char *before = snapshot(out_dir);

	an_output *o = begin_ok(out_dir, 0);
	write_ok(o, "index.html", "v2");
	write_ok(o, "extra/new.html", "new");
	an_output_abort(o);

	char *after = snapshot(out_dir);
	ck_assert_str_eq(after, before);
	ck_assert_msg(!temp_left(), "abort left a temporary folder");
	free(before);
	free(after);
	an_output_abort(NULL); /* allowed */
}
END_TEST

/* A folder a killed build left behind, as an_output_begin names it. */
static void left_behind(const char *name, time_t age)
{
	char path[256], marker[300];
	snprintf(path, sizeof path, "%s/%s", root, name);
	ck_assert_int_eq(mkdir(path, 0755), 0);
	snprintf(marker, sizeof marker, "%s/.annals-output", path);
	FILE *f = fopen(marker, "w");
	ck_assert_ptr_nonnull(f);
	fputs("annals\n", f);
	fclose(f);
	struct utimbuf t = {time(NULL) - age, time(NULL) - age};
	ck_assert_int_eq(utime(path, &t), 0);
}

START_TEST(stale_temporary_folders)
{
	/* SIGKILL leaves out.annals-tmp-*: the next build removes an old one
	 * of ours, keeps a fresh one (a build running now) and anything that
	 * is not ours */
	left_behind("out.annals-tmp-old111", 3600);
	left_behind("out.annals-tmp-new222", 5);
	char foreign[256];
	snprintf(foreign, sizeof foreign, "%s/out.annals-tmp-mine333", root);
	ck_assert_int_eq(mkdir(foreign, 0755), 0);
	struct utimbuf t = {time(NULL) - 3600, time(NULL) - 3600};
	utime(foreign, &t);
	an_output *o = begin_ok(out_dir, 0);
	an_output_abort(o);
	char path[256];
	struct stat st;
	snprintf(path, sizeof path, "%s/out.annals-tmp-old111", root);
	ck_assert_msg(stat(path, &st) != 0, "an old temporary folder was kept");
	snprintf(path, sizeof path, "%s/out.annals-tmp-new222", root);
	ck_assert_msg(stat(path, &st) == 0, "a fresh temporary folder was removed");
	ck_assert_msg(stat(foreign, &st) == 0, "a folder without the marker was removed");
}
END_TEST

START_TEST(duplicate_path)
{
	an_output *o = begin_ok(out_dir, 0);
	write_ok(o, "events/x.html", "first");
	an_error err = AN_ERROR_INIT;
	ck_assert_int_lt(an_output_write(o, "events/x.html", "second", 6, &err), 0);
	ck_assert_msg(strstr(err.msg, "unique") != NULL, "message: %s", err.msg);
	ck_assert_str_eq(err.file, "events/x.html");
	/* the marker is annals' own: a theme page of that name collides too */
	err = (an_error)AN_ERROR_INIT;
	ck_assert_int_lt(an_output_write(o, ".annals-output", "x", 1, &err), 0);
	an_output_abort(o);
	ck_assert(!temp_left());
}
END_TEST

static void expect_refused(const char *dir, int force, const char *needle)
{
	an_error err = AN_ERROR_INIT;
	an_output *o = an_output_begin(dir, site, force, &err);
	if (o)
		an_output_abort(o);
	ck_assert_msg(o == NULL, "an_output_begin(%s, force=%d) accepted it", dir, force);
	ck_assert_msg(strstr(err.msg, needle) != NULL, "%s: message \"%s\" lacks \"%s\"", dir,
	              err.msg, needle);
}

START_TEST(refusals)
{
	char path[256], content[256];
	snprintf(content, sizeof content, "%s/content", site);
	write_file(strcat(strcpy(path, content), "/a.md"), "---\ntitle: A\n---\n");
	char *content_before = snapshot(site);

	expect_refused(site, 0, "refusing");
	expect_refused(site, 1, "refusing");
	snprintf(path, sizeof path, "%s/.", site);
	expect_refused(path, 1, "refusing");
	expect_refused(content, 1, "refusing");
	snprintf(path, sizeof path, "%s/content/public", site);
	expect_refused(path, 1, "refusing");
	snprintf(path, sizeof path, "%s/content/../content/x", site);
	expect_refused(path, 1, "refusing");
	expect_refused("/", 1, "refusing");
	/* a folder that holds the site would replace it as well */
	expect_refused(root, 1, "refusing");

	char *content_after = snapshot(site);
	ck_assert_str_eq(content_after, content_before);
	free(content_before);
	free(content_after);
	ck_assert(!temp_left());

	/* a sibling folder of content/ inside the site is fine */
	snprintf(path, sizeof path, "%s/public", site);
	an_output *o = begin_ok(path, 0);
	write_ok(o, "index.html", "x");
	commit_ok(o);
	expect_file(path, "index.html", "x");
}
END_TEST

START_TEST(foreign_folder)
{
	char path[256];
	mkdir_or_die(out_dir);
	snprintf(path, sizeof path, "%s/precious.txt", out_dir);
	write_file(path, "mine");
	expect_refused(out_dir, 0, "--force");
	expect_file(out_dir, "precious.txt", "mine");
	ck_assert(!temp_left());

	an_output *o = begin_ok(out_dir, 1);
	write_ok(o, "index.html", "site");
	commit_ok(o);
	expect_file(out_dir, "index.html", "site");
	ck_assert(!exists(out_dir, "precious.txt"));
	ck_assert(exists(out_dir, ".annals-output"));
	/* now marked as annals' own: the next build needs no force */
	an_output_abort(begin_ok(out_dir, 0));
}
END_TEST

START_TEST(empty_folder_accepted)
{
	mkdir_or_die(out_dir);
	an_output *o = begin_ok(out_dir, 0);
	write_ok(o, "index.html", "x");
	commit_ok(o);
	expect_file(out_dir, "index.html", "x");

	/* a file in the way is not a folder to replace */
	char file[256];
	snprintf(file, sizeof file, "%s/plain", root);
	write_file(file, "data");
	expect_refused(file, 1, "not a folder");
	char *got = slurp(file);
	ck_assert_str_eq(got, "data");
	free(got);
}
END_TEST

START_TEST(copy_tree)
{
	char src[256], path[512];
	snprintf(src, sizeof src, "%s/static", root);
	mkdir_or_die(src);
	snprintf(path, sizeof path, "%s/style.css", src);
	write_file(path, "body{}");
	snprintf(path, sizeof path, "%s/.hidden", src);
	write_file(path, "secret");
	snprintf(path, sizeof path, "%s/img", src);
	mkdir_or_die(path);
	snprintf(path, sizeof path, "%s/img/icons", src);
	mkdir_or_die(path);
	snprintf(path, sizeof path, "%s/img/icons/a.svg", src);
	write_file(path, "<svg/>");
	snprintf(path, sizeof path, "%s/img/.DS_Store", src);
	write_file(path, "junk");
	snprintf(path, sizeof path, "%s/.git", src);
	mkdir_or_die(path);
	snprintf(path, sizeof path, "%s/.git/config", src);
	write_file(path, "[core]");
	/* a link out of the folder is not followed */
	snprintf(path, sizeof path, "%s/link.txt", src);
	ck_assert(symlink("/etc/passwd", path) == 0);

	an_output *o = begin_ok(out_dir, 0);
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(an_output_copy_tree(o, src, &err) == 0, "%s", err.msg);
	/* a missing folder is no error: a theme may have no static files */
	snprintf(path, sizeof path, "%s/none", root);
	ck_assert_msg(an_output_copy_tree(o, path, &err) == 0, "%s", err.msg);
	commit_ok(o);

	expect_file(out_dir, "style.css", "body{}");
	expect_file(out_dir, "img/icons/a.svg", "<svg/>");
	ck_assert_msg(!exists(out_dir, ".hidden"), ".hidden copied");
	ck_assert_msg(!exists(out_dir, "img/.DS_Store"), "img/.DS_Store copied");
	ck_assert_msg(!exists(out_dir, ".git"), ".git copied");
	ck_assert_msg(!exists(out_dir, "link.txt"), "symbolic link followed");
}
END_TEST

START_TEST(page_paths)
{
	static const char *const good[] = {"index.html", "events/x.html", "a/b/c/d.html",
	                                   ".well-known/x", "a..b.html", "..x", NULL};
	static const char *const bad[] = {"", "/abs", "../x", "a/../b", "a//b", "a\\b", "a/",
	                                  ".", "..", "a/.", "./a", "x\ty", "x\ny", "a/..", NULL};
	for (const char *const *p = good; *p; p++)
		ck_assert_msg(an_render_path_ok(*p), "\"%s\" refused", *p);
	for (const char *const *p = bad; *p; p++)
		ck_assert_msg(!an_render_path_ok(*p), "\"%s\" accepted", *p);

	char seg[301];
	memset(seg, 'a', 300);
	seg[300] = '\0';
	ck_assert_msg(!an_render_path_ok(seg), "a 300-byte segment accepted");
	char path[320];
	snprintf(path, sizeof path, "events/%s", seg);
	ck_assert_msg(!an_render_path_ok(path), "a 300-byte last segment accepted");
	seg[255] = '\0';
	ck_assert_msg(an_render_path_ok(seg), "a 255-byte segment (the usual NAME_MAX) refused");
}
END_TEST

START_TEST(html_datetimes)
{
	static const char *const good[] = {"2025",    "2025-11",          "2025-11-01",
	                                   "2025-W45", "2025-11-01T18:30", "0999", NULL};
	static const char *const bad[] = {"2025-SU", "199",   "PAST_REF",      "P1M",
	                                  "2025-Q3", "2025-11-01TEV", "2025-H1", "XXXX-11",
	                                  "2025-11-01T18", "2025-1", "20251101", "2025-W4",
	                                  "2025-11-01 18:30", "", "FUTURE_REF",
	                                  /* digits in the right places, but not real */
	                                  "2025-13", "2025-00", "2025-W99", "2025-W00",
	                                  "2025-02-30", "2025-11-01T25:00", NULL};
	for (const char *const *p = good; *p; p++)
		ck_assert_msg(an_render_html_datetime(*p), "\"%s\" refused", *p);
	for (const char *const *p = bad; *p; p++)
		ck_assert_msg(!an_render_html_datetime(*p), "\"%s\" accepted", *p);
}
END_TEST

Suite *an_test_write_suite(void);
Suite *an_test_write_suite(void)
{
	Suite *s = suite_create("write");
	TCase *tc = tcase_create("output");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, first_build);
	tcase_add_test(tc, rebuild_replaces);
	tcase_add_test(tc, rebuild_keeps_unchanged_files);
	tcase_add_test(tc, file_in_pieces);
	tcase_add_test(tc, foreign_files_not_linked);
	tcase_add_test(tc, abort_keeps_old_site);
	tcase_add_test(tc, duplicate_path);
	tcase_add_test(tc, stale_temporary_folders);
	tcase_add_test(tc, refusals);
	tcase_add_test(tc, foreign_folder);
	tcase_add_test(tc, empty_folder_accepted);
	tcase_add_test(tc, copy_tree);
	suite_add_tcase(s, tc);
	TCase *checks = tcase_create("render checks");
	tcase_add_test(checks, page_paths);
	tcase_add_test(checks, html_datetimes);
	suite_add_tcase(s, checks);
	return s;
}
