/* sink.c - the writer thread (see sink.h). */
#include "sink.h"
#include "alloc.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* Bytes queued before an_sink_put waits: enough to keep the writer busy
 * while the theme renders the next pages, small next to a site. */
#define MAX_QUEUED ((size_t)32 << 20)

typedef struct item {
	struct item *next;
	char *path, *data;
	size_t len;
	int keep; /* an_output_keep, not a write */
	int part; /* a piece of a file (PART_*), not a whole one */
} item;

enum { PART_NONE, PART_MORE, PART_LAST };

/* A file arriving in pieces, open until its last one. */
typedef struct stream {
	struct stream *next;
	char *path;
	an_output_file *file;
} stream;

struct an_sink {
	an_output *out;
	const atomic_int *stop;
	an_progress *progress;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t ready, room; /* work queued; bytes went below MAX_QUEUED */
	item *head, *tail;
	stream *streams; /* the writer's */
	size_t queued;
	int closing, failed;
	an_error err; /* the first failure, read after the join */
};

static void item_free(item *it)
{
	free(it->path);
	free(it->data);
	free(it);
}

/* Writes piece `it` into its file, opening it at the first piece and
 * closing it at the last.  On the writer thread. */
static int write_part(an_sink *s, const item *it)
{
	stream **sp = &s->streams;
	while (*sp && strcmp((*sp)->path, it->path) != 0)
		sp = &(*sp)->next;
	if (!*sp) {
		an_output_file *f = an_output_open(s->out, it->path, &s->err);
		if (!f)
			return -1;
		stream *st = an_xcalloc(1, sizeof *st);
		st->path = an_xstrdup(it->path);
		st->file = f;
		st->next = s->streams;
		s->streams = st;
		sp = &s->streams;
	}
	stream *st = *sp;
	int rc = an_output_file_write(st->file, it->data ? it->data : "", it->len, &s->err);
	if (it->part == PART_LAST || rc < 0) {
		*sp = st->next;
		an_error close_err = AN_ERROR_INIT;
		if (an_output_file_close(st->file, rc < 0 ? &close_err : &s->err) < 0)
			rc = -1;
		free(st->path);
		free(st);
	}
	return rc;
}

static void *writer(void *arg)
{
	an_sink *s = arg;
	pthread_mutex_lock(&s->lock);
	for (;;) {
		while (!s->head && !s->closing)
			pthread_cond_wait(&s->ready, &s->lock);
		item *it = s->head;
		if (!it)
			break;
		s->head = it->next;
		if (!s->head)
			s->tail = NULL;
		int failed = s->failed;
		pthread_mutex_unlock(&s->lock);

		int rc = 0;
		if (!failed && s->stop && atomic_load(s->stop))
			rc = an_error_set(&s->err, NULL, 0, "interrupted; the previous site is unchanged");
		else if (!failed && it->keep)
			rc = an_output_keep(s->out, it->path, &s->err);
		else if (!failed && it->part)
			rc = write_part(s, it);
		else if (!failed)
			rc = an_output_write(s->out, it->path, it->data ? it->data : "", it->len, &s->err);
		if (!failed && rc == 0 && it->part != PART_MORE)
			AN_PROGRESS_ADD(s->progress, pages, 1);
		size_t len = it->len;
		item_free(it);

		pthread_mutex_lock(&s->lock);
		if (rc < 0)
			s->failed = 1;
		s->queued -= len;
		pthread_cond_broadcast(&s->room);
	}
	pthread_mutex_unlock(&s->lock);
	/* files left open by a failure (or by a producer that stopped) */
	while (s->streams) {
		stream *st = s->streams;
		s->streams = st->next;
		an_error ignored = AN_ERROR_INIT;
		an_output_file_close(st->file, &ignored);
		free(st->path);
		free(st);
	}
	return NULL;
}

an_sink *an_sink_start(an_output *out, const atomic_int *stop, an_progress *progress)
{
	an_sink *s = an_xcalloc(1, sizeof *s);
	s->out = out;
	s->stop = stop;
	s->progress = progress;
	pthread_mutex_init(&s->lock, NULL);
	pthread_cond_init(&s->ready, NULL);
	pthread_cond_init(&s->room, NULL);
	if (pthread_create(&s->thread, NULL, writer, s) != 0) {
		pthread_cond_destroy(&s->room);
		pthread_cond_destroy(&s->ready);
		pthread_mutex_destroy(&s->lock);
		free(s);
		return NULL;
	}
	return s;
}

static int put(an_sink *s, char *path, char *data, size_t len, int keep, int part)
{
	item *it = an_xcalloc(1, sizeof *it);
	it->path = path;
	it->data = data;
	it->len = len;
	it->keep = keep;
	it->part = part;
	pthread_mutex_lock(&s->lock);
	/* a single page larger than the bound still goes through, alone */
	while (!s->failed && s->queued > 0 && s->queued + len > MAX_QUEUED)
		pthread_cond_wait(&s->room, &s->lock);
	int failed = s->failed;
	if (!failed) {
		if (s->tail)
			s->tail->next = it;
		else
			s->head = it;
		s->tail = it;
		s->queued += len;
		pthread_cond_signal(&s->ready);
	}
	pthread_mutex_unlock(&s->lock);
	if (failed) {
		item_free(it);
		return -1;
	}
	return 0;
}

int an_sink_put(an_sink *s, char *path, char *data, size_t len)
{
	return put(s, path, data, len, 0, PART_NONE);
}

int an_sink_put_part(an_sink *s, const char *path, const char *data, size_t len, int last)
{
	char *copy = NULL;
	if (len) {
		copy = an_xmalloc(len);
		memcpy(copy, data, len);
	}
	return put(s, an_xstrdup(path), copy, len, 0, last ? PART_LAST : PART_MORE);
}

int an_sink_keep(an_sink *s, char *path)
{
	return put(s, path, NULL, 0, 1, PART_NONE);
}

int an_sink_put_copy(an_sink *s, const char *path, const char *data, size_t len)
{
	char *copy = NULL;
	if (len) {
		copy = an_xmalloc(len);
		memcpy(copy, data, len);
	}
	return an_sink_put(s, an_xstrdup(path), copy, len);
}

int an_sink_finish(an_sink *s, an_error *err)
{
	pthread_mutex_lock(&s->lock);
	s->closing = 1;
	pthread_cond_signal(&s->ready);
	pthread_mutex_unlock(&s->lock);
	pthread_join(s->thread, NULL);
	int rc = 0;
	if (s->failed) {
		*err = s->err;
		rc = -1;
	}
	pthread_cond_destroy(&s->room);
	pthread_cond_destroy(&s->ready);
	pthread_mutex_destroy(&s->lock);
	free(s);
	return rc;
}
