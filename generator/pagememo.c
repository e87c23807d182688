/* pagememo.c - the page memo (see pagememo.h).
 *
 * The file is text, one page a line after a header line:
 *
 *     annals-pagememo 1
 *     KEY INODE SIZE MTIME_S MTIME_NS PATH
 *
 * KEY is the 16-hex-digit hash of the salted key; PATH runs to the end of
 * the line.  Text rather than binary: it is small (a line a page), and a
 * damaged line is easy to tell and skip. */
#include "pagememo.h"
#include "acache.h"
#include "alloc.h"
#include "buf.h"
#include "load.h"
#include "write.h"

#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define HEADER "annals-pagememo 1\n"

typedef struct {
	char *path;
	uint64_t key, ino, size;
	int64_t sec, nsec;
} entry;

struct an_pagememo {
	char *output_dir;
	uint64_t salt;
	/* the last build's pages: read-only once loaded, so that lookups from
	 * several threads need no lock */
	entry *old;
	size_t n_old, cap_old;
	size_t *slots; /* open addressing over `old`, index + 1; 0: empty */
	size_t mask;
	/* this build's pages */
	pthread_mutex_t lock;
	entry *now;
	size_t n_now, cap_now, kept;
};

static uint64_t path_hash(const char *path)
{
	return an_acache_hash(path, strlen(path));
}

static uint64_t key_hash(const an_pagememo *m, const char *key, size_t len)
{
	uint64_t w[2] = {m->salt, an_acache_hash(key, len)};
	return an_acache_hash(w, sizeof w);
}

an_pagememo *an_pagememo_new(const char *output_dir, uint64_t salt)
{
	an_pagememo *m = an_xcalloc(1, sizeof *m);
	m->output_dir = an_xstrdup(output_dir);
	m->salt = salt;
	pthread_mutex_init(&m->lock, NULL);
	return m;
}

static void index_old(an_pagememo *m)
{
	size_t want = 16;
	while (want < 2 * m->n_old)
		want <<= 1;
	free(m->slots);
	m->slots = an_xcalloc(want, sizeof *m->slots);
	m->mask = want - 1;
	for (size_t i = 0; i < m->n_old; i++) {
		size_t s = path_hash(m->old[i].path) & m->mask;
		while (m->slots[s])
			s = (s + 1) & m->mask;
		m->slots[s] = i + 1;
	}
}

static const entry *find_old(const an_pagememo *m, const char *path)
{
	if (!m->slots)
		return NULL;
	size_t s = path_hash(path) & m->mask;
	for (; m->slots[s]; s = (s + 1) & m->mask)
		if (strcmp(m->old[m->slots[s] - 1].path, path) == 0)
			return &m->old[m->slots[s] - 1];
	return NULL;
}

int an_pagememo_load(an_pagememo *m, const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return 0;
	char line[8192];
	if (!fgets(line, sizeof line, f) || strcmp(line, HEADER) != 0) {
		fclose(f);
		return 0;
	}
	while (fgets(line, sizeof line, f)) {
		size_t n = strlen(line);
		if (n == 0 || line[n - 1] != '\n')
			break; /* cut short: the rest is not to be trusted */
		line[n - 1] = '\0';
		entry e;
		int used = 0;
		if (sscanf(line, "%16" SCNx64 " %" SCNu64 " %" SCNu64 " %" SCNd64 " %" SCNd64 " %n",
		           &e.key, &e.ino, &e.size, &e.sec, &e.nsec, &used) != 5 || used == 0 ||
		    !line[used] || find_old(m, line + used))
			continue;
		e.path = an_xstrdup(line + used);
		m->old = an_xgrow(m->old, &m->cap_old, m->n_old + 1, sizeof *m->old);
		m->old[m->n_old++] = e;
		if (2 * m->n_old > m->mask)
			index_old(m);
	}
	fclose(f);
	index_old(m);
	return 0;
}

int an_pagememo_fresh(an_pagememo *m, const char *path, const char *key, size_t len)
{
	const entry *e = find_old(m, path);
	if (!e || e->key != key_hash(m, key, len))
		return 0;
	an_buf full = AN_BUF_INIT;
	an_buf_printf(&full, "%s/%s", m->output_dir, path);
	struct stat st;
	int same = lstat(full.ptr, &st) == 0 && S_ISREG(st.st_mode) &&
	           (uint64_t)st.st_ino == e->ino && (uint64_t)st.st_size == e->size &&
	           (int64_t)st.st_mtim.tv_sec == e->sec && (int64_t)st.st_mtim.tv_nsec == e->nsec;
	an_buf_free(&full);
	if (same) {
		pthread_mutex_lock(&m->lock);
		m->kept++;
		pthread_mutex_unlock(&m->lock);
	}
	return same;
}

void an_pagememo_record(an_pagememo *m, const char *path, const char *key, size_t len)
{
	entry e = {an_xstrdup(path), key_hash(m, key, len), 0, 0, 0, 0};
	pthread_mutex_lock(&m->lock);
	m->now = an_xgrow(m->now, &m->cap_now, m->n_now + 1, sizeof *m->now);
	m->now[m->n_now++] = e;
	pthread_mutex_unlock(&m->lock);
}

int an_pagememo_save(const an_pagememo *m, const char *path, const char *output_dir,
                     an_error *err)
{
	an_buf text = AN_BUF_INIT, full = AN_BUF_INIT;
	an_buf_puts(&text, HEADER);
	for (size_t i = 0; i < m->n_now; i++) {
		const entry *e = &m->now[i];
		struct stat st;
		an_buf_clear(&full);
		an_buf_printf(&full, "%s/%s", output_dir, e->path);
		if (strchr(e->path, '\n') || lstat(full.ptr, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		an_buf_printf(&text, "%016" PRIx64 " %" PRIu64 " %" PRIu64 " %" PRId64 " %" PRId64
		              " %s\n", e->key, (uint64_t)st.st_ino, (uint64_t)st.st_size,
		              (int64_t)st.st_mtim.tv_sec, (int64_t)st.st_mtim.tv_nsec, e->path);
	}
	int rc = an_mkdir_parents(path, 1, err);
	struct iovec part = {text.ptr, text.len};
	if (rc == 0 && an_replace_file(path, &part, 1) < 0)
		rc = an_error_set(err, path, 0, "cannot write the page memo: %s", strerror(errno));
	an_buf_free(&text);
	an_buf_free(&full);
	return rc;
}

size_t an_pagememo_kept(const an_pagememo *m)
{
	return m ? m->kept : 0;
}

void an_pagememo_free(an_pagememo *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n_old; i++)
		free(m->old[i].path);
	for (size_t i = 0; i < m->n_now; i++)
		free(m->now[i].path);
	free(m->old);
	free(m->now);
	free(m->slots);
	free(m->output_dir);
	pthread_mutex_destroy(&m->lock);
	free(m);
}

/* --- the salt ------------------------------------------------------------ */

static uint64_t mix(uint64_t h, const void *data, size_t len)
{
	uint64_t w[3] = {h, an_acache_hash(data, len), len};
	return an_acache_hash(w, sizeof w);
}

static uint64_t salt_tree(uint64_t h, const char *dir, const char *rel, int depth)
{
	char **names = NULL;
	long listed = depth < 16 ? an_load_list_dir(&names, dir) : -1;
	if (listed < 0)
		return mix(h, "-", 1);
	size_t n = (size_t)listed;
	for (size_t i = 0; i < n; i++) {
		an_buf full = AN_BUF_INIT, sub = AN_BUF_INIT, data = AN_BUF_INIT;
		an_buf_printf(&full, "%s/%s", dir, names[i]);
		an_buf_printf(&sub, "%s/%s", rel, names[i]);
		struct stat st;
		int known = lstat(full.ptr, &st) == 0;
		if (known && S_ISDIR(st.st_mode)) {
			h = salt_tree(h, full.ptr, sub.ptr, depth + 1);
		} else if (known && S_ISREG(st.st_mode)) {
			an_error ignored = AN_ERROR_INIT;
			h = mix(h, sub.ptr, sub.len);
			if (an_load_file(&data, full.ptr, &ignored) == 0)
				h = mix(h, data.ptr ? data.ptr : "", data.len);
			else /* unreadable: unlike any content it had */
				h = mix(h, "?", 1);
		}
		an_buf_free(&full);
		an_buf_free(&sub);
		an_buf_free(&data);
	}
	an_load_names_free(names, n);
	return h;
}

void an_pagememo_salt_dir(an_pagememo *m, const char *dir)
{
	m->salt = salt_tree(m->salt, dir, "", 0);
}

void an_pagememo_salt_bytes(an_pagememo *m, const void *data, size_t len)
{
	m->salt = mix(m->salt, data, len);
}
