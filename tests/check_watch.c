/* check_watch.c - inotify watches: a write, a rename over a file (editors
 * save so), a folder created later and a file in it, annals.yaml through
 * its folder, and the files that do not count (hidden, backups, other
 * names beside annals.yaml). */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "watch.h"
#include "write.h"

static char root[64];
static an_watch *w;
static an_buf changed;

static void setup(void)
{
	snprintf(root, sizeof root, "/tmp/annals-check-watch-XXXXXX");
	ck_assert_msg(mkdtemp(root) != NULL, "mkdtemp: %s", strerror(errno));
	char p[128];
	snprintf(p, sizeof p, "%s/content", root);
	ck_assert_int_eq(mkdir(p, 0755), 0);
	an_error err = AN_ERROR_INIT;
	w = an_watch_new(&err);
	ck_assert_msg(w != NULL, "%s", err.msg);
	ck_assert_int_eq(an_watch_tree(w, p, &err), 0);
	snprintf(p, sizeof p, "%s/annals.yaml", root);
	ck_assert_int_eq(an_watch_file(w, p, &err), 0);
	/* a tree that does not exist yet is no error */
	snprintf(p, sizeof p, "%s/themes", root);
	ck_assert_int_eq(an_watch_tree(w, p, &err), 0);
	memset(&changed, 0, sizeof changed);
}

static void teardown(void)
{
	an_watch_free(w);
	an_buf_free(&changed);
	an_remove_tree(root);
}

static void put(const char *rel, const char *text)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	FILE *f = fopen(path, "wb");
	ck_assert_msg(f != NULL, "cannot create %s", path);
	fputs(text, f);
	fclose(f);
}

/* The changes seen within 50 ms of quiet (events are queued already). */
static int settle(void)
{
	an_error err = AN_ERROR_INIT;
	an_buf_clear(&changed);
	int n = an_watch_settle(w, &changed, 50, 2000, &err);
	ck_assert_msg(n >= 0, "%s", err.msg);
	return n;
}

static int changed_is(const char *rel)
{
	char want[256];
	snprintf(want, sizeof want, "%s/%s", root, rel);
	return changed.ptr && strcmp(changed.ptr, want) == 0;
}

START_TEST(writes_and_renames)
{
	ck_assert_int_eq(settle(), 0);
	put("content/a.md", "one");
	ck_assert_int_gt(settle(), 0);
	ck_assert_msg(changed_is("content/a.md"), "changed: %s", changed.ptr);

	/* an editor's save: write a temporary file, rename it over */
	put("content/.a.md.tmp", "two");
	ck_assert_int_eq(settle(), 0); /* hidden: not yet a change */
	char from[256], to[256];
	snprintf(from, sizeof from, "%s/content/.a.md.tmp", root);
	snprintf(to, sizeof to, "%s/content/a.md", root);
	ck_assert_int_eq(rename(from, to), 0);
	ck_assert_int_gt(settle(), 0);
	ck_assert_msg(changed_is("content/a.md"), "changed: %s", changed.ptr);

	ck_assert_int_eq(unlink(to), 0);
	ck_assert_int_gt(settle(), 0);
}
END_TEST

START_TEST(new_folders)
{
	char p[128];
	snprintf(p, sizeof p, "%s/content/2025", root);
	ck_assert_int_eq(mkdir(p, 0755), 0);
	settle();
	put("content/2025/b.md", "b");
	ck_assert_int_gt(settle(), 0);
	ck_assert_msg(changed_is("content/2025/b.md"), "changed: %s", changed.ptr);
}
END_TEST

START_TEST(ignored)
{
	put("content/a.md~", "backup");
	put("content/.a.md.swp", "vim");
	put("content/4913", "vim probe");
	put("notes.txt", "beside annals.yaml, not watched");
	ck_assert_int_eq(settle(), 0);
	put("annals.yaml", "title: T\n");
	ck_assert_int_gt(settle(), 0);
	ck_assert_msg(changed_is("annals.yaml"), "changed: %s", changed.ptr);
}
END_TEST

Suite *an_test_watch_suite(void);
Suite *an_test_watch_suite(void)
{
	Suite *s = suite_create("watch");
	TCase *tc = tcase_create("inotify");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, writes_and_renames);
	tcase_add_test(tc, new_folders);
	tcase_add_test(tc, ignored);
	suite_add_tcase(s, tc);
	return s;
}
