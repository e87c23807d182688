/* write.c - atomic site output (see write.h). */
#define _GNU_SOURCE /* renameat2 */
#include "write.h"
#include "alloc.h"
#include "buf.h"
#include "load.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The file that marks a folder as annals' output, so that a later build
 * may replace it without --force. */
#define MARKER ".annals-output"

struct an_output {
	char *dir; /* the output folder as given */
	char *tmp; /* the temporary folder beside it */
	int reuse; /* o->dir is annals' earlier output: unchanged files are linked */
	size_t files, linked; /* files written, and of them taken unchanged */
	long writes, fault_after; /* the test hook (write.h); 0: off */
	int fault_errno, fault_signal;
};

/* Reads the fault-injection hook documented in write.h. */
static void read_fault_hook(an_output *o)
{
	const char *n = getenv("ANNALS_FAULT_AFTER_WRITES");
	const char *kind = getenv("ANNALS_FAULT_KIND");
	if (!n || !*n)
		return;
	o->fault_after = strtol(n, NULL, 10);
	o->fault_errno = ENOSPC;
	if (kind && strcmp(kind, "eio") == 0)
		o->fault_errno = EIO;
	else if (kind && strcmp(kind, "sigterm") == 0)
		o->fault_signal = SIGTERM;
	else if (kind && strcmp(kind, "sigint") == 0)
		o->fault_signal = SIGINT;
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	return (flag == FTW_DP ? rmdir(path) : unlink(path)) == 0 ? 0 : -1;
}

int an_remove_tree(const char *dir)
{
	struct stat st;
	if (lstat(dir, &st) != 0)
		return errno == ENOENT ? 0 : -1;
	return nftw(dir, rm_entry, 32, FTW_DEPTH | FTW_PHYS);
}

static int is_empty_dir(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	struct dirent *e;
	int empty = 1;
	while (empty && (e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			empty = 0;
	closedir(d);
	return empty;
}

/* Resolves `path` even when its last part does not exist yet. */
static int resolve(char out[PATH_MAX], const char *path)
{
	if (realpath(path, out))
		return 0;
	char parent[PATH_MAX], base[PATH_MAX];
	snprintf(parent, sizeof parent, "%s", path);
	char *slash = strrchr(parent, '/');
	if (slash) {
		snprintf(base, sizeof base, "%s", slash + 1);
		if (slash == parent)
			slash[1] = '\0';
		else
			*slash = '\0';
	} else {
		snprintf(base, sizeof base, "%s", parent);
		snprintf(parent, sizeof parent, ".");
	}
	char rp[PATH_MAX];
	if (!realpath(parent, rp))
		return -1;
	if (snprintf(out, PATH_MAX, "%s/%s", strcmp(rp, "/") ? rp : "", base) >= PATH_MAX)
		return -1;
	return 0;
}

static int is_within(const char *path, const char *dir)
{
	size_t n = strlen(dir);
	return strncmp(path, dir, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

/* A build killed outright (SIGKILL, power loss) leaves its temporary
 * folder beside the output.  The next build removes such folders: ours by
 * name and marker, and older than STALE_SECONDS, so a build running at the
 * same moment keeps its own. */
#define STALE_SECONDS 600

static void remove_stale_tmp(const char *dir)
{
	an_buf parent = AN_BUF_INIT, prefix = AN_BUF_INIT;
	const char *slash = strrchr(dir, '/');
	if (slash) {
		an_buf_put(&parent, dir, (size_t)(slash - dir) + (slash == dir));
		an_buf_printf(&prefix, "%s.annals-tmp-", slash + 1);
	} else {
		an_buf_puts(&parent, ".");
		an_buf_printf(&prefix, "%s.annals-tmp-", dir);
	}
	DIR *d = opendir(parent.ptr);
	struct dirent *e;
	time_t now = time(NULL);
	while (d && (e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, prefix.ptr, prefix.len) != 0)
			continue;
		an_buf path = AN_BUF_INIT, marker = AN_BUF_INIT;
		an_buf_printf(&path, "%s/%s", parent.ptr, e->d_name);
		an_buf_printf(&marker, "%s/" MARKER, path.ptr);
		struct stat st;
		if (lstat(path.ptr, &st) == 0 && S_ISDIR(st.st_mode) &&
		    access(marker.ptr, F_OK) == 0 && now - st.st_mtime > STALE_SECONDS)
			an_remove_tree(path.ptr);
		an_buf_free(&path);
		an_buf_free(&marker);
	}
	if (d)
		closedir(d);
	an_buf_free(&parent);
	an_buf_free(&prefix);
}

an_output *an_output_begin(const char *dir, const char *site_root, int force, an_error *err)
{
	char real_out[PATH_MAX], real_root[PATH_MAX], content[PATH_MAX + 16];
	if (resolve(real_out, dir) < 0) {
		an_error_set(err, dir, 0, "cannot use this output folder: %s", strerror(errno));
		return NULL;
	}
	if (!realpath(site_root, real_root)) {
		an_error_set(err, site_root, 0, "cannot open the site folder: %s", strerror(errno));
		return NULL;
	}
	snprintf(content, sizeof content, "%s/content", strcmp(real_root, "/") ? real_root : "");
	if (strcmp(real_out, "/") == 0 || strcmp(real_out, real_root) == 0 ||
	    is_within(real_out, content) || is_within(real_root, real_out)) {
		an_error_set(err, dir, 0,
		             "refusing to build into this folder: it would replace the site "
		             "or its content; choose another --output");
		return NULL;
	}
	struct stat st;
	int reuse = 0;
	if (lstat(dir, &st) == 0) {
		an_buf marker = AN_BUF_INIT;
		an_buf_printf(&marker, "%s/" MARKER, dir);
		int ours = access(marker.ptr, F_OK) == 0;
		an_buf_free(&marker);
		reuse = ours && S_ISDIR(st.st_mode);
		if (!S_ISDIR(st.st_mode)) {
			an_error_set(err, dir, 0, "the output path exists and is not a folder");
			return NULL;
		}
		if (!ours && !force && !is_empty_dir(dir)) {
			an_error_set(err, dir, 0,
			             "this folder was not made by annals; refusing to replace "
			             "it (pass --force to replace it anyway)");
			return NULL;
		}
	}

	remove_stale_tmp(dir);
	an_output *o = an_xcalloc(1, sizeof *o);
	o->dir = an_xstrdup(dir);
	an_buf tmp = AN_BUF_INIT;
	an_buf_printf(&tmp, "%s.annals-tmp-XXXXXX", dir);
	o->tmp = an_buf_detach(&tmp);
	if (!mkdtemp(o->tmp)) {
		an_error_set(err, dir, 0, "cannot create a temporary folder beside it: %s",
		             strerror(errno));
		free(o->tmp);
		free(o->dir);
		free(o);
		return NULL;
	}
	chmod(o->tmp, 0755); /* mkdtemp makes it private; a site is public */
	o->reuse = reuse;
	read_fault_hook(o);
	if (an_output_write(o, MARKER, "annals\n", 7, err) < 0) {
		an_output_abort(o);
		return NULL;
	}
	return o;
}

size_t an_output_linked(const an_output *o)
{
	return o->linked;
}

size_t an_output_files(const an_output *o)
{
	return o->files;
}

const char *an_output_tmpdir(const an_output *o)
{
	return o->tmp;
}

int an_mkdir_parents(const char *path, size_t from, an_error *err)
{
	char *p = an_xstrdup(path);
	int rc = 0;
	for (size_t i = from; p[i]; i++) {
		if (p[i] != '/' || i == 0)
			continue;
		p[i] = '\0';
		if (mkdir(p, 0755) != 0 && errno != EEXIST) {
			int e = errno;
			rc = an_error_set(err, p, 0, "cannot create folder: %s", strerror(e));
			errno = e;
		}
		p[i] = '/';
		if (rc < 0)
			break;
	}
	free(p);
	return rc;
}

int an_write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

int an_replace_file(const char *path, const struct iovec *parts, int n)
{
	size_t tlen = strlen(path) + sizeof ".tmp-XXXXXX";
	char *tmp = an_xmalloc(tlen);
	snprintf(tmp, tlen, "%s.tmp-XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		free(tmp);
		return -1;
	}
	(void)fchmod(fd, 0644); /* mkstemp's 0600 is for secrets; these are not */
	int rc = 0;
	for (int i = 0; i < n && rc == 0; i++)
		rc = an_write_all(fd, parts[i].iov_base, parts[i].iov_len);
	int e = errno;
	if (close(fd) != 0 && rc == 0) {
		rc = -1;
		e = errno;
	}
	if (rc == 0 && rename(tmp, path) != 0) {
		rc = -1;
		e = errno;
	}
	if (rc < 0) {
		unlink(tmp);
		errno = e;
	}
	free(tmp);
	return rc;
}

/* 1 when the earlier output's file at `path` holds exactly data[0, len). */
static int same_as_before(const an_output *o, const char *path, const char *data,
                          size_t len, an_buf *old)
{
	an_buf_clear(old);
	an_buf_printf(old, "%s/%s", o->dir, path);
	int fd = open(old->ptr, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return 0;
	struct stat st;
	int same = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size == len;
	char chunk[65536];
	for (size_t off = 0; same && off < len;) {
		size_t want = len - off < sizeof chunk ? len - off : sizeof chunk;
		ssize_t n = read(fd, chunk, want);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0 || memcmp(chunk, data + off, (size_t)n) != 0)
			same = 0;
		else
			off += (size_t)n;
	}
	close(fd);
	return same;
}

int an_output_write(an_output *o, const char *path, const char *data, size_t len,
                    an_error *err)
{
	an_buf full = AN_BUF_INIT;
	an_buf_printf(&full, "%s/%s", o->tmp, path);
	int rc = 0;
	/* the folders below the temporary one: it exists */
	if (an_mkdir_parents(full.ptr, strlen(o->tmp) + 1, err) < 0) {
		an_buf_free(&full);
		return -1;
	}
	/* An unchanged file is a hard link to the earlier output's: it keeps
	 * its inode and time stamp, so rsync, make and browsers see it
	 * unchanged, and the build skips a new inode and a copy of the bytes.
	 * The earlier tree is only ever unlinked, never written, so sharing is
	 * safe; the fault hook (write.h) counts real writes only. */
	if (o->reuse && o->fault_after == 0) {
		an_buf old = AN_BUF_INIT;
		int linked = same_as_before(o, path, data, len, &old) && link(old.ptr, full.ptr) == 0;
		an_buf_free(&old);
		if (linked) {
			o->linked += strcmp(path, MARKER) != 0;
			goto count;
		}
	}
	/* O_EXCL: two pages with one path is a theme bug, not an overwrite */
	int fd = open(full.ptr, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0) {
		rc = an_error_set(err, path, 0,
		                  errno == EEXIST ? "two pages have this path; each must be unique"
		                                  : "cannot create: %s", strerror(errno));
		goto done;
	}
	size_t stop = len;
	int fault = o->fault_after > 0 && ++o->writes == o->fault_after;
	if (fault && o->fault_signal)
		raise(o->fault_signal);
	else if (fault)
		stop = len / 2;
	if (an_write_all(fd, data, stop) < 0)
		rc = an_error_set(err, path, 0, "cannot write: %s", strerror(errno));
	if (fault && !o->fault_signal && rc == 0)
		rc = an_error_set(err, path, 0, "cannot write: %s", strerror(o->fault_errno));
	if (close(fd) != 0 && rc == 0)
		rc = an_error_set(err, path, 0, "cannot write: %s", strerror(errno));
count:
	o->files += rc == 0 && strcmp(path, MARKER) != 0;
done:
	an_buf_free(&full);
	return rc;
}

struct an_output_file {
	an_output *o;
	char *path;  /* relative, for messages */
	an_buf full; /* in the temporary folder */
	int fd;
	int old_fd; /* the earlier output's file while it matches; -1 */
	int fault;  /* the fault hook's file: half its first piece, then it fails */
	int failed;
};

an_output_file *an_output_open(an_output *o, const char *path, an_error *err)
{
	an_output_file *f = an_xcalloc(1, sizeof *f);
	f->o = o;
	f->path = an_xstrdup(path);
	f->old_fd = -1;
	an_buf_printf(&f->full, "%s/%s", o->tmp, path);
	if (an_mkdir_parents(f->full.ptr, strlen(o->tmp) + 1, err) < 0)
		goto fail;
	f->fd = open(f->full.ptr, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (f->fd < 0) {
		an_error_set(err, path, 0, errno == EEXIST ? "two pages have this path; each must "
		             "be unique" : "cannot create: %s", strerror(errno));
		goto fail;
	}
	f->fault = o->fault_after > 0 && ++o->writes == o->fault_after;
	if (f->fault && o->fault_signal)
		raise(o->fault_signal);
	if (o->reuse && o->fault_after == 0) {
		an_buf old = AN_BUF_INIT;
		an_buf_printf(&old, "%s/%s", o->dir, path);
		struct stat st;
		f->old_fd = open(old.ptr, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
		if (f->old_fd >= 0 && (fstat(f->old_fd, &st) != 0 || !S_ISREG(st.st_mode))) {
			close(f->old_fd);
			f->old_fd = -1;
		}
		an_buf_free(&old);
	}
	return f;
fail:
	an_buf_free(&f->full);
	free(f->path);
	free(f);
	return NULL;
}

/* Whether the earlier file goes on with data[0, len); stops comparing at
 * the first difference. */
static void compare_old(an_output_file *f, const char *data, size_t len)
{
	char chunk[65536];
	for (size_t off = 0; f->old_fd >= 0 && off < len;) {
		size_t want = len - off < sizeof chunk ? len - off : sizeof chunk;
		ssize_t n = read(f->old_fd, chunk, want);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0 || memcmp(chunk, data + off, (size_t)n) != 0) {
			close(f->old_fd);
			f->old_fd = -1;
		} else {
			off += (size_t)n;
		}
	}
}

int an_output_file_write(an_output_file *f, const char *data, size_t len, an_error *err)
{
	if (f->failed)
		return -1;
	compare_old(f, data, len);
	int fault = f->fault && !f->o->fault_signal;
	if (an_write_all(f->fd, data, fault ? len / 2 : len) < 0) {
		f->failed = 1;
		return an_error_set(err, f->path, 0, "cannot write: %s", strerror(errno));
	}
	if (fault) {
		f->failed = 1;
		return an_error_set(err, f->path, 0, "cannot write: %s", strerror(f->o->fault_errno));
	}
	return 0;
}

int an_output_file_close(an_output_file *f, an_error *err)
{
	int rc = f->failed ? -1 : 0;
	/* the fault hook's file that got no bytes fails here */
	if (rc == 0 && f->fault && !f->o->fault_signal)
		rc = an_error_set(err, f->path, 0, "cannot write: %s", strerror(f->o->fault_errno));
	if (close(f->fd) != 0 && rc == 0)
		rc = an_error_set(err, f->path, 0, "cannot write: %s", strerror(errno));
	if (rc == 0 && f->old_fd >= 0) {
		/* the same bytes, if the earlier file ends here too: link it, as
		 * an_output_write does for an unchanged file */
		char c;
		ssize_t n;
		while ((n = read(f->old_fd, &c, 1)) < 0 && errno == EINTR)
			;
		an_buf old = AN_BUF_INIT, lnk = AN_BUF_INIT;
		an_buf_printf(&old, "%s/%s", f->o->dir, f->path);
		an_buf_printf(&lnk, "%s.link", f->full.ptr);
		/* where links fail, the file just written is as good */
		if (n == 0 && link(old.ptr, lnk.ptr) == 0) {
			if (rename(lnk.ptr, f->full.ptr) == 0)
				f->o->linked++;
			else
				unlink(lnk.ptr);
		}
		an_buf_free(&old);
		an_buf_free(&lnk);
	}
	if (f->old_fd >= 0)
		close(f->old_fd);
	f->o->files += rc == 0;
	an_buf_free(&f->full);
	free(f->path);
	free(f);
	return rc;
}

int an_output_keep(an_output *o, const char *path, an_error *err)
{
	an_buf old = AN_BUF_INIT, full = AN_BUF_INIT;
	an_buf_printf(&old, "%s/%s", o->dir, path);
	an_buf_printf(&full, "%s/%s", o->tmp, path);
	int rc = an_mkdir_parents(full.ptr, strlen(o->tmp) + 1, err);
	/* under the fault hook (write.h) every file is a real write, as an
	 * unchanged page is in an_output_write, so the Nth write still fails */
	if (rc == 0 && o->fault_after == 0 && link(old.ptr, full.ptr) == 0) {
		o->linked++;
		o->files++;
	} else if (rc == 0) {
		/* no hard links here (or too many): the bytes, as any page */
		an_buf data = AN_BUF_INIT;
		rc = an_load_file(&data, old.ptr, err);
		if (rc == 0)
			rc = an_output_write(o, path, data.ptr ? data.ptr : "", data.len, err);
		an_buf_free(&data);
	}
	an_buf_free(&old);
	an_buf_free(&full);
	return rc;
}

static int copy_dir(an_output *o, const char *src, const char *rel, int depth,
                    an_output_skip_fn skip, void *payload, an_error *err)
{
	if (depth > 32)
		return an_error_set(err, src, 0, "folders nested too deeply");
	DIR *d = opendir(src);
	if (!d)
		return 0;
	struct dirent *e;
	int rc = 0;
	while (rc == 0 && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		an_buf from = AN_BUF_INIT, to = AN_BUF_INIT;
		an_buf_printf(&from, "%s/%s", src, e->d_name);
		an_buf_printf(&to, "%s%s%s", rel, rel[0] ? "/" : "", e->d_name);
		struct stat st;
		if (lstat(from.ptr, &st) == 0) {
			if (S_ISDIR(st.st_mode)) {
				rc = copy_dir(o, from.ptr, to.ptr, depth + 1, skip, payload, err);
			} else if (S_ISREG(st.st_mode) && !(skip && skip(to.ptr, payload))) {
				FILE *f = fopen(from.ptr, "rb");
				an_buf data = AN_BUF_INIT;
				if (!f) {
					rc = an_error_set(err, from.ptr, 0, "cannot read: %s", strerror(errno));
				} else {
					char chunk[65536];
					size_t n;
					while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
						an_buf_put(&data, chunk, n);
					fclose(f);
					rc = an_output_write(o, to.ptr, data.ptr ? data.ptr : "", data.len, err);
				}
				an_buf_free(&data);
			}
		}
		an_buf_free(&from);
		an_buf_free(&to);
	}
	closedir(d);
	return rc;
}

int an_output_copy_tree_skip(an_output *o, const char *src_dir, an_output_skip_fn skip,
                             void *payload, an_error *err)
{
	return copy_dir(o, src_dir, "", 0, skip, payload, err);
}

int an_output_copy_tree(an_output *o, const char *src_dir, an_error *err)
{
	return copy_dir(o, src_dir, "", 0, NULL, NULL, err);
}

int an_output_commit(an_output *o, an_error *err)
{
	int rc = 0;
	struct stat st;
	if (lstat(o->dir, &st) != 0) {
		if (rename(o->tmp, o->dir) != 0)
			rc = an_error_set(err, o->dir, 0, "cannot move the new site into place: %s",
			                  strerror(errno));
	} else if (renameat2(AT_FDCWD, o->tmp, AT_FDCWD, o->dir, RENAME_EXCHANGE) == 0) {
		/* swapped in one step: o->tmp now holds the old site */
	} else {
		/* file systems without RENAME_EXCHANGE: two renames */
		an_buf old = AN_BUF_INIT;
		an_buf_printf(&old, "%s.annals-old-XXXXXX", o->dir);
		if (!mkdtemp(old.ptr) || rmdir(old.ptr) != 0 || rename(o->dir, old.ptr) != 0) {
			rc = an_error_set(err, o->dir, 0, "cannot replace the old site: %s",
			                  strerror(errno));
		} else if (rename(o->tmp, o->dir) != 0) {
			rc = an_error_set(err, o->dir, 0, "cannot move the new site into place: %s",
			                  strerror(errno));
			rename(old.ptr, o->dir);
		} else {
			free(o->tmp);
			o->tmp = an_buf_detach(&old);
		}
		an_buf_free(&old);
	}
	an_output_abort(o);
	return rc;
}

void an_output_abort(an_output *o)
{
	if (!o)
		return;
	an_remove_tree(o->tmp);
	free(o->tmp);
	free(o->dir);
	free(o);
}
