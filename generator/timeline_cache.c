/* timeline_cache.c - the last build's timeline on disk (see timeline.h).
 *
 * The timeline is a function of its documents alone: each article's text,
 * slug and place in the list, its analysis and its figures, which follow
 * from the text, the publication date and the annals binary.  A build
 * whose articles are all what they were (a theme or a setting edited, the
 * same content built again) takes the events from the file instead of
 * clustering again, a third to a half of such a build.  One changed
 * article makes a new key: the timeline's clustering is global, so there
 * is no reusing part of it.
 *
 * The file, every number a uint64_t in the byte order of the machine that
 * wrote it:
 *
 *   header   "ANTLINE\n", FORMAT_VERSION, the binary's fingerprint
 *            (an_acache_fingerprint), the key (an_timeline_key), the
 *            number of documents, the payload's length and its checksum
 *   payload  n_events n_undated n_parallel_parts, then each event: id
 *            value mod (strings), span first last gran, title summary
 *            (strings, or absent), n_mentions, the mentions (doc sentence
 *            timex + 1), n_sources, the sources
 *
 * A string is its length and its bytes, UINT64_MAX for an absent one.  A
 * file that is not exactly right (another binary, another key, truncated,
 * a count or index out of range) is ignored whole: a slow build, never a
 * wrong one. */
#include "timeline_impl.h"
#include "acache.h"
#include "alloc.h"
#include "binread.h"
#include "buf.h"
#include "write.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAGIC "ANTLINE\n"
#define FORMAT_VERSION 1
#define HEADER_WORDS 7
#define NO_STRING UINT64_MAX
/* Above this a file is ignored rather than read (every allocation on
 * load is bounded by the file's size). */
#define MAX_FILE_BYTES ((uint64_t)1 << 30)

uint64_t an_timeline_key(const an_doc *docs, size_t n_docs)
{
	an_buf b = AN_BUF_INIT;
	uint64_t w[4] = {n_docs, 0, 0, 0};
	an_buf_put(&b, (const char *)w, sizeof w[0]);
	for (size_t d = 0; d < n_docs; d++) {
		const an_article *a = docs[d].article;
		w[0] = an_acache_hash(a->text, a->text_len);
		w[1] = a->text_len;
		w[2] = (uint64_t)an_date_to_days(a->meta.date);
		w[3] = docs[d].figures ? 1 : 0;
		an_buf_put(&b, (const char *)w, sizeof w);
		an_buf_put(&b, a->slug, strlen(a->slug) + 1);
	}
	uint64_t key = an_acache_hash(b.ptr, b.len);
	an_buf_free(&b);
	return key;
}

static void put64(an_buf *b, uint64_t v)
{
	an_buf_put(b, (const char *)&v, sizeof v);
}

static void put_str(an_buf *b, const char *s)
{
	if (!s) {
		put64(b, NO_STRING);
		return;
	}
	size_t n = strlen(s);
	put64(b, n);
	an_buf_put(b, s, n);
}

static void put_event(an_buf *b, const an_event *ev)
{
	put_str(b, ev->id);
	put_str(b, ev->value);
	put_str(b, ev->mod);
	put64(b, (uint64_t)(int64_t)ev->span.first);
	put64(b, (uint64_t)(int64_t)ev->span.last);
	put64(b, (uint64_t)ev->span.gran);
	put_str(b, ev->title);
	put_str(b, ev->summary);
	put64(b, ev->n_mentions);
	for (size_t i = 0; i < ev->n_mentions; i++) {
		put64(b, ev->mentions[i].doc);
		put64(b, ev->mentions[i].sentence);
		put64(b, (uint64_t)(ev->mentions[i].timex + 1));
	}
	put64(b, ev->n_sources);
	for (size_t i = 0; i < ev->n_sources; i++)
		put64(b, ev->sources[i]);
}

int an_timeline_save(const an_timeline *tl, uint64_t key, size_t n_docs, const char *path,
                     an_error *err)
{
	an_buf payload = AN_BUF_INIT;
	put64(&payload, tl->n_events);
	put64(&payload, tl->n_undated);
	put64(&payload, tl->n_parallel_parts);
	for (size_t i = 0; i < tl->n_events; i++)
		put_event(&payload, &tl->events[i]);
	for (size_t i = 0; i < tl->n_undated; i++)
		put_event(&payload, &tl->undated[i]);
	uint64_t head[HEADER_WORDS];
	memcpy(&head[0], MAGIC, 8);
	head[1] = FORMAT_VERSION;
	head[2] = an_acache_fingerprint();
	head[3] = key;
	head[4] = n_docs;
	head[5] = payload.len;
	head[6] = an_acache_hash(payload.ptr, payload.len);
	struct iovec parts[2] = {{head, sizeof head}, {payload.ptr, payload.len}};
	int rc = 0;
	if (an_replace_file(path, parts, 2) < 0)
		rc = an_error_set(err, path, 0,
		                  "cannot write the timeline cache: %s; free some space or check "
		                  "the folder's permissions (the next build will cluster again)",
		                  strerror(errno));
	an_buf_free(&payload);
	return rc;
}

/* A string into `fixed` (of `cap` bytes) or, with fixed NULL, a new one
 * (NULL when absent). */
static char *get_str(an_binread *r, char *fixed, size_t cap)
{
	uint64_t n = an_binread_u64(r);
	if (r->bad)
		return NULL;
	if (n == NO_STRING) {
		if (fixed)
			r->bad = 1;
		return NULL;
	}
	if (n > r->left || (fixed && n >= cap)) {
		r->bad = 1;
		return NULL;
	}
	char *s = fixed ? fixed : an_xmalloc((size_t)n + 1);
	memcpy(s, r->p, (size_t)n);
	s[n] = '\0';
	r->p += n;
	r->left -= (size_t)n;
	return s;
}

static void get_event(an_binread *r, an_event *ev, const an_doc *docs, size_t n_docs)
{
	get_str(r, ev->id, sizeof ev->id);
	get_str(r, ev->value, sizeof ev->value);
	get_str(r, ev->mod, sizeof ev->mod);
	ev->span.first = (long)(int64_t)an_binread_u64(r);
	ev->span.last = (long)(int64_t)an_binread_u64(r);
	uint64_t gran = an_binread_u64(r);
	if (gran > AN_GRAN_TIME)
		r->bad = 1;
	ev->span.gran = (an_granularity)gran;
	ev->title = get_str(r, NULL, 0);
	ev->summary = get_str(r, NULL, 0);
	ev->n_mentions = an_binread_count(r, 24);
	ev->mentions = an_xcalloc(ev->n_mentions + 1, sizeof *ev->mentions);
	for (size_t i = 0; i < ev->n_mentions && !r->bad; i++) {
		an_mention *m = &ev->mentions[i];
		uint64_t d = an_binread_u64(r), s = an_binread_u64(r), t = an_binread_u64(r);
		if (r->bad || d >= n_docs || s >= docs[d].analysis->sentences.len ||
		    t > docs[d].analysis->timexes.len) {
			r->bad = 1;
			break;
		}
		m->doc = (size_t)d;
		m->sentence = (size_t)s;
		m->timex = (long)t - 1;
	}
	ev->n_sources = an_binread_count(r, 8);
	ev->sources = an_xcalloc(ev->n_sources + 1, sizeof *ev->sources);
	for (size_t i = 0; i < ev->n_sources && !r->bad; i++) {
		uint64_t d = an_binread_u64(r);
		if (d >= n_docs)
			r->bad = 1;
		ev->sources[i] = (size_t)d;
	}
}

int an_timeline_load(an_timeline *out, uint64_t key, const an_doc *docs, size_t n_docs,
                     const char *path)
{
	memset(out, 0, sizeof *out);
	size_t len = 0;
	unsigned char *data = an_binread_file(path, HEADER_WORDS * 8, MAX_FILE_BYTES, &len);
	if (!data)
		return 0;
	uint64_t head[HEADER_WORDS];
	memcpy(head, data, sizeof head);
	an_binread r = {data + sizeof head, len - sizeof head, 0};
	if (memcmp(&head[0], MAGIC, 8) != 0 || head[1] != FORMAT_VERSION ||
	    head[2] != an_acache_fingerprint() || head[3] != key || head[4] != n_docs ||
	    head[5] != r.left || head[6] != an_acache_hash(r.p, r.left)) {
		free(data);
		return 0;
	}
	/* an event takes at least 12 words */
	size_t n_events = an_binread_count(&r, 96), n_undated = an_binread_count(&r, 96);
	out->n_parallel_parts = (size_t)an_binread_u64(&r);
	out->events = an_xcalloc(n_events + 1, sizeof *out->events);
	out->undated = an_xcalloc(n_undated + 1, sizeof *out->undated);
	for (; out->n_events < n_events && !r.bad; out->n_events++)
		get_event(&r, &out->events[out->n_events], docs, n_docs);
	for (; out->n_undated < n_undated && !r.bad; out->n_undated++)
		get_event(&r, &out->undated[out->n_undated], docs, n_docs);
	free(data);
	if (r.bad || r.left) {
		an_timeline_free(out);
		return 0;
	}
	an_tl_index_timexes(out, docs, n_docs);
	return 1;
}
