/* watch.c - inotify watches over folder trees and single files (see
 * watch.h).  inotify is not recursive, so every folder gets its own watch,
 * and a folder created later (or moved in) is added when its parent
 * reports it.  Each watch remembers its path and whether it covers a tree
 * or only one file name in it. */
#include "watch.h"
#include "alloc.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct {
	int wd;
	char *dir;
	char *only; /* a file name: only changes to it count (a file watch); NULL: a tree */
} entry;

struct an_watch {
	int fd;
	entry *items;
	size_t len, cap;
};

#define TREE_MASK (IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | \
                   IN_CREATE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB)

/* Files editors write beside the real one, and hidden files annals skips. */
static int ignored_name(const char *name)
{
	size_t n = strlen(name);
	if (n == 0 || name[0] == '.' || name[n - 1] == '~' || strcmp(name, "4913") == 0)
		return 1;
	return n > 4 && (strcmp(name + n - 4, ".swp") == 0 || strcmp(name + n - 4, ".swx") == 0);
}

an_watch *an_watch_new(an_error *err)
{
	int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (fd < 0) {
		an_error_set(err, "", 0, "cannot watch files (inotify): %s", strerror(errno));
		return NULL;
	}
	an_watch *w = an_xcalloc(1, sizeof *w);
	w->fd = fd;
	return w;
}

static entry *find_wd(an_watch *w, int wd)
{
	for (size_t i = 0; i < w->len; i++)
		if (w->items[i].wd == wd)
			return &w->items[i];
	return NULL;
}

/* Adds (or updates) the watch on DIR.  Returns the entry, or NULL when the
 * folder cannot be watched (then `err` says why). */
static entry *add_dir(an_watch *w, const char *dir, const char *only, an_error *err)
{
	int wd = inotify_add_watch(w->fd, dir, TREE_MASK | IN_ONLYDIR);
	if (wd < 0) {
		an_error_set(err, dir, 0, "cannot watch this folder: %s%s", strerror(errno),
		             errno == ENOSPC ? " (raise fs.inotify.max_user_watches)" : "");
		return NULL;
	}
	entry *e = find_wd(w, wd);
	if (e) {
		/* the same folder watched as a tree and for one file: the tree wins */
		if (!only && e->only) {
			free(e->only);
			e->only = NULL;
		}
		return e;
	}
	w->items = an_xgrow(w->items, &w->cap, w->len + 1, sizeof *w->items);
	e = &w->items[w->len++];
	e->wd = wd;
	e->dir = an_xstrdup(dir);
	e->only = only ? an_xstrdup(only) : NULL;
	return e;
}

int an_watch_tree(an_watch *w, const char *dir, an_error *err)
{
	struct stat st;
	if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode))
		return 0;
	if (!add_dir(w, dir, NULL, err))
		return -1;
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	int rc = 0;
	struct dirent *de;
	char path[PATH_MAX];
	while (rc == 0 && (de = readdir(d)) != NULL) {
		if (ignored_name(de->d_name))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			rc = an_watch_tree(w, path, err);
	}
	closedir(d);
	return rc;
}

int an_watch_file(an_watch *w, const char *path, an_error *err)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');
	if (slash)
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
	else
		snprintf(dir, sizeof dir, ".");
	if (!dir[0])
		snprintf(dir, sizeof dir, "/");
	entry *e = add_dir(w, dir, slash ? slash + 1 : path, err);
	return e ? 0 : -1;
}

int an_watch_fd(const an_watch *w)
{
	return w->fd;
}

/* Handles one event; returns 1 when it changes a watched file. */
static int handle(an_watch *w, const struct inotify_event *ev, an_buf *changed, an_error *err)
{
	entry *e = find_wd(w, ev->wd);
	if (!e)
		return 0;
	if (ev->mask & IN_IGNORED) {
		/* the folder went away: forget it (its parent saw the deletion) */
		free(e->dir);
		free(e->only);
		*e = w->items[--w->len];
		return 0;
	}
	if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF))
		return e->only ? 0 : 1;
	const char *name = ev->len ? ev->name : "";
	if (ignored_name(name))
		return 0;
	if (e->only && strcmp(name, e->only) != 0)
		return 0;
	char path[PATH_MAX];
	snprintf(path, sizeof path, "%s/%s", e->dir, name);
	if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO)) && !e->only) {
		if (an_watch_tree(w, path, err) < 0)
			return -1;
	} else if ((ev->mask & IN_CREATE) && !(ev->mask & IN_ISDIR)) {
		return 0; /* its IN_CLOSE_WRITE follows once it has content */
	} else if ((ev->mask & IN_ATTRIB) && !(ev->mask & IN_ISDIR)) {
		return 0; /* `touch` alone changes nothing annals reads */
	}
	if (changed && !(ev->mask & IN_MOVED_FROM)) {
		an_buf_clear(changed);
		an_buf_puts(changed, path);
	}
	return 1;
}

int an_watch_read(an_watch *w, an_buf *changed, an_error *err)
{
	/* aligned as the kernel wants its records */
	char buf[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
	int changes = 0;
	for (;;) {
		ssize_t n = read(w->fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return changes;
		if (n <= 0)
			return an_error_set(err, "", 0, "cannot read file changes (inotify): %s",
			                    n < 0 ? strerror(errno) : "end of file");
		for (char *p = buf; p < buf + n;) {
			const struct inotify_event *ev = (const struct inotify_event *)(void *)p;
			int rc = handle(w, ev, changed, err);
			if (rc < 0)
				return -1;
			changes += rc;
			p += sizeof *ev + ev->len;
		}
	}
}

static long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

int an_watch_settle(an_watch *w, an_buf *changed, int quiet_ms, int max_ms, an_error *err)
{
	long end = now_ms() + max_ms;
	int changes = 0;
	for (;;) {
		long left = end - now_ms();
		if (left <= 0)
			return changes;
		struct pollfd p = {w->fd, POLLIN, 0};
		int r = poll(&p, 1, (int)(left < quiet_ms ? left : quiet_ms));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return r < 0 ? an_error_set(err, "", 0, "poll: %s", strerror(errno)) : changes;
		int n = an_watch_read(w, changed, err);
		if (n < 0)
			return -1;
		changes += n;
	}
}

void an_watch_free(an_watch *w)
{
	if (!w)
		return;
	for (size_t i = 0; i < w->len; i++) {
		free(w->items[i].dir);
		free(w->items[i].only);
	}
	free(w->items);
	close(w->fd);
	free(w);
}
