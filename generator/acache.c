/* acache.c - the analysis cache (see acache.h).
 *
 * An analysis depends only on the article's plain text and its
 * publication date (the tagger's anchor), and holds offsets, not pointers,
 * into the text: so it moves between two articles with equal text and
 * date.  Entries are keyed by two independent 64-bit hashes of the text,
 * its length and the date; a false match would need both hashes to collide
 * at once.
 *
 * On disk (an_acache_save), every number is a uint64_t in the byte order
 * of the machine that wrote it:
 *
 *   header   "ANCACHE\n", FORMAT_VERSION, the fingerprint of the annals
 *            binary, 8 layout words (AN_TIMEX_VALUE_MAX, AN_TIMEX_MOD_MAX
 *            and the sizes of size_t, double, an_sentence, an_timex,
 *            an_term, an_name), the number of entries, the payload's
 *            length and its checksum (an_acache_hash)
 *   payload  per entry: h1 h2 len date n_sentences n_timexes n_names, then
 *            the sentences (start end), sentence_para, the timexes (start
 *            end type, value and mod as NUL-padded bytes of their array
 *            sizes), timex_sentence, the terms of each sentence (count,
 *            then per term its place in the term table as a LEB128
 *            varint and its weight as one byte, 2 x the weight, for the
 *            half-integers 0.5-127 that term counts give, else 255 and
 *            the weight's 8 bytes), the names (sentence start end
 *            name_start hint opens_sentence); after the entries the term
 *            table (each id once, 8 bytes), then its length
 *
 * A term took 16 bytes written whole and takes about 3 in this form: at
 * 10,000 articles the file went from 134 to 89 MB.
 *
 * The fingerprint hashes the binary itself, so a rebuilt annals, whose
 * tagger may date things differently, never reads an older cache: nobody
 * has to remember to bump FORMAT_VERSION for a tagger change.  Bumping it
 * is for a change of this layout.  A file that is not exactly right is
 * ignored whole, which costs one slow build and never a wrong one. */
#include "acache.h"
#include "alloc.h"
#include "binread.h"
#include "buf.h"
#include "write.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAGIC "ANCACHE\n"
#define FORMAT_VERSION 2
#define HEADER_WORDS 14
#define HEADER_BYTES (HEADER_WORDS * 8)
/* Above this a file is ignored rather than read: a cache file's size is a
 * claim like any other, and every allocation on load is bounded by it. */
#define MAX_FILE_BYTES ((uint64_t)1 << 30)

typedef struct {
	uint64_t h1, h2;
	size_t len;
	long date;
	an_analysis an;
	int used; /* taken or given since the last trim */
	int live; /* holds an analysis */
} entry;

/* Entries, and an open-addressing table from h1 to entry index + 1 (0 is
 * empty), so a lookup costs the same for ten articles as for ten thousand. */
struct an_acache {
	entry *items;
	size_t len, cap;
	size_t *slots;
	size_t n_slots; /* a power of two, at least twice len */
	size_t hits;
};

static void index_add(an_acache *c, size_t i)
{
	size_t s = (size_t)c->items[i].h1 & (c->n_slots - 1);
	while (c->slots[s])
		s = (s + 1) & (c->n_slots - 1);
	c->slots[s] = i + 1;
}

static void reindex(an_acache *c)
{
	size_t want = 64;
	while (want < 2 * (c->len + 1))
		want *= 2;
	free(c->slots);
	c->n_slots = want;
	c->slots = an_xcalloc(want, sizeof *c->slots);
	for (size_t i = 0; i < c->len; i++)
		index_add(c, i);
}

static void key_of(entry *e, const an_article *a)
{
	uint64_t h1 = 1469598103934665603ULL, h2 = 0x9E3779B97F4A7C15ULL;
	for (size_t i = 0; i < a->text_len; i++) {
		unsigned char c = (unsigned char)a->text[i];
		h1 = (h1 ^ c) * 1099511628211ULL;
		h2 = (h2 + c + 1) * 0xBF58476D1CE4E5B9ULL;
		h2 ^= h2 >> 31;
	}
	e->h1 = h1;
	e->h2 = h2;
	e->len = a->text_len;
	e->date = an_date_to_days(a->meta.date);
}

/* The live entry with k's key, or NULL. */
static entry *find_live(an_acache *c, const entry *k)
{
	if (!c->n_slots)
		return NULL;
	for (size_t s = (size_t)k->h1 & (c->n_slots - 1); c->slots[s];
	     s = (s + 1) & (c->n_slots - 1)) {
		entry *e = &c->items[c->slots[s] - 1];
		if (e->live && e->h1 == k->h1 && e->h2 == k->h2 && e->len == k->len &&
		    e->date == k->date)
			return e;
	}
	return NULL;
}

/* Appends e (whose analysis the cache now owns) and indexes it. */
static void append(an_acache *c, const entry *e)
{
	c->items = an_xgrow(c->items, &c->cap, c->len + 1, sizeof *c->items);
	c->items[c->len++] = *e;
	if (2 * c->len > c->n_slots)
		reindex(c);
	else
		index_add(c, c->len - 1);
}

an_acache *an_acache_new(void)
{
	return an_xcalloc(1, sizeof(an_acache));
}

int an_acache_take(an_acache *c, an_analysis *out, const an_article *a)
{
	if (!c)
		return 0;
	entry k;
	key_of(&k, a);
	entry *e = find_live(c, &k);
	if (!e)
		return 0;
	*out = e->an;
	memset(&e->an, 0, sizeof e->an);
	e->live = 0;
	e->used = 1;
	c->hits++;
	return 1;
}

void an_acache_give(an_acache *c, an_analysis *an, const an_article *a)
{
	if (!c) {
		an_analysis_free(an);
		return;
	}
	entry e;
	memset(&e, 0, sizeof e);
	key_of(&e, a);
	e.an = *an;
	e.live = 1;
	e.used = 1;
	memset(an, 0, sizeof *an);
	append(c, &e);
}

void an_acache_trim(an_acache *c)
{
	if (!c)
		return;
	size_t k = 0;
	for (size_t i = 0; i < c->len; i++) {
		entry *e = &c->items[i];
		if (e->live && e->used) {
			e->used = 0;
			c->items[k++] = *e;
		} else if (e->live) {
			an_analysis_free(&e->an);
		}
	}
	c->len = k;
	reindex(c);
}

size_t an_acache_size(const an_acache *c)
{
	return c ? c->len : 0;
}

size_t an_acache_hits(const an_acache *c)
{
	return c ? c->hits : 0;
}

void an_acache_free(an_acache *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->len; i++)
		if (c->items[i].live)
			an_analysis_free(&c->items[i].an);
	free(c->items);
	free(c->slots);
	free(c);
}

/* --- on disk ------------------------------------------------------------ */

/* Word by word, each word mixed through a multiply and a shift: fast over
 * a binary of megabytes, and any change of a few bytes changes the result.
 * Not a defence against forgery, which needs write access to the cache
 * folder anyway: the loader validates every value as well. */
static uint64_t hash_more(uint64_t h, const unsigned char *p, size_t n)
{
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, p + i, 8);
		h = (h ^ w) * 0x9E3779B97F4A7C15ULL;
		h ^= h >> 29;
	}
	for (; i < n; i++) {
		h = (h ^ p[i]) * 0xBF58476D1CE4E5B9ULL;
		h ^= h >> 31;
	}
	return h;
}

static uint64_t hash_end(uint64_t h, uint64_t total)
{
	h ^= total;
	h *= 0xFF51AFD7ED558CCDULL;
	h ^= h >> 33;
	h *= 0xC4CEB9FE1A85EC53ULL;
	return h ^ (h >> 33);
}

#define HASH_SEED 0x6A09E667F3BCC908ULL

uint64_t an_acache_hash(const void *data, size_t len)
{
	return hash_end(hash_more(HASH_SEED, data, len), len);
}

static uint64_t fingerprint_value;

static void fingerprint_init(void)
{
	FILE *f = fopen("/proc/self/exe", "rb");
	uint64_t h = HASH_SEED, total = 0;
	if (f) {
		unsigned char *chunk = an_xmalloc(1 << 16);
		size_t n;
		while ((n = fread(chunk, 1, 1 << 16, f)) > 0) {
			h = hash_more(h, chunk, n);
			total += n;
		}
		if (ferror(f))
			total = 0;
		free(chunk);
		fclose(f);
	}
	if (total == 0) /* no /proc: the version, so a release still invalidates */
		h = hash_more(HASH_SEED, (const unsigned char *)"annals " AN_VERSION,
		              strlen("annals " AN_VERSION));
	fingerprint_value = hash_end(h, total);
}

/* Once per process: hashing the binary costs a few milliseconds. */
uint64_t an_acache_fingerprint(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, fingerprint_init);
	return fingerprint_value;
}

static void header_words(uint64_t w[HEADER_WORDS], uint64_t n_entries, uint64_t payload_len,
                         uint64_t checksum)
{
	memcpy(&w[0], MAGIC, 8);
	w[1] = FORMAT_VERSION;
	w[2] = an_acache_fingerprint();
	w[3] = AN_TIMEX_VALUE_MAX;
	w[4] = AN_TIMEX_MOD_MAX;
	w[5] = sizeof(size_t);
	w[6] = sizeof(double);
	w[7] = sizeof(an_sentence);
	w[8] = sizeof(an_timex);
	w[9] = sizeof(an_term);
	w[10] = sizeof(an_name);
	w[11] = n_entries;
	w[12] = payload_len;
	w[13] = checksum;
}

static void put64(an_buf *b, uint64_t v)
{
	an_buf_put(b, (const char *)&v, 8);
}

/* A string array as its full size, NUL-padded: what follows the NUL in
 * memory may be stale, and the file should depend on the analysis only. */
static void put_str(an_buf *b, const char *s, size_t size)
{
	char pad[AN_TIMEX_VALUE_MAX > AN_TIMEX_MOD_MAX ? AN_TIMEX_VALUE_MAX : AN_TIMEX_MOD_MAX];
	memset(pad, 0, size);
	size_t n = strnlen(s, size - 1);
	memcpy(pad, s, n);
	an_buf_put(b, pad, size);
}

static void put_varint(an_buf *b, uint64_t v)
{
	while (v >= 0x80) {
		an_buf_putc(b, (char)(unsigned char)(v | 0x80));
		v >>= 7;
	}
	an_buf_putc(b, (char)(unsigned char)v);
}

/* The term table of a file being written: ids in the order first met,
 * and an open-addressing map from id to place + 1. */
typedef struct {
	uint64_t *ids;
	size_t len, cap;
	size_t *slots;
	size_t n_slots; /* a power of two, at least twice len */
} term_table;

static void table_index(term_table *t, size_t i)
{
	size_t s = (size_t)(t->ids[i] * 0x9E3779B97F4A7C15ULL >> 20) & (t->n_slots - 1);
	while (t->slots[s])
		s = (s + 1) & (t->n_slots - 1);
	t->slots[s] = i + 1;
}

static uint64_t term_place(term_table *t, uint64_t id)
{
	if (t->n_slots) {
		size_t s = (size_t)(id * 0x9E3779B97F4A7C15ULL >> 20) & (t->n_slots - 1);
		for (; t->slots[s]; s = (s + 1) & (t->n_slots - 1))
			if (t->ids[t->slots[s] - 1] == id)
				return t->slots[s] - 1;
	}
	t->ids = an_xgrow(t->ids, &t->cap, t->len + 1, sizeof *t->ids);
	t->ids[t->len++] = id;
	if (2 * t->len > t->n_slots) {
		free(t->slots);
		t->n_slots = t->n_slots ? 2 * t->n_slots : 1024;
		t->slots = an_xcalloc(t->n_slots, sizeof *t->slots);
		for (size_t i = 0; i < t->len; i++)
			table_index(t, i);
	} else {
		table_index(t, t->len - 1);
	}
	return t->len - 1;
}

static void put_entry(an_buf *b, term_table *terms, const entry *e)
{
	const an_analysis *an = &e->an;
	put64(b, e->h1);
	put64(b, e->h2);
	put64(b, e->len);
	put64(b, (uint64_t)(int64_t)e->date);
	put64(b, an->sentences.len);
	put64(b, an->timexes.len);
	put64(b, an->names.len);
	for (size_t i = 0; i < an->sentences.len; i++) {
		put64(b, an->sentences.items[i].start);
		put64(b, an->sentences.items[i].end);
	}
	for (size_t i = 0; i < an->sentences.len; i++)
		put64(b, an->sentence_para ? an->sentence_para[i] : 0);
	for (size_t i = 0; i < an->timexes.len; i++) {
		const an_timex *t = &an->timexes.items[i];
		put64(b, t->start);
		put64(b, t->end);
		put64(b, (uint64_t)t->type);
		put_str(b, t->value, AN_TIMEX_VALUE_MAX);
		put_str(b, t->mod, AN_TIMEX_MOD_MAX);
	}
	for (size_t i = 0; i < an->timexes.len; i++)
		put64(b, an->timex_sentence[i]);
	for (size_t i = 0; i < an->sentences.len; i++) {
		const an_vec *v = &an->terms[i];
		put64(b, v->len);
		for (size_t k = 0; k < v->len; k++) {
			put_varint(b, term_place(terms, v->items[k].id));
			double twice = v->items[k].w * 2.0;
			if (twice >= 1.0 && twice <= 254.0 && twice == (double)(int)twice) {
				an_buf_putc(b, (char)(unsigned char)(int)twice);
			} else {
				uint64_t bits;
				memcpy(&bits, &v->items[k].w, 8);
				an_buf_putc(b, (char)0xFF);
				put64(b, bits);
			}
		}
	}
	for (size_t i = 0; i < an->names.len; i++) {
		const an_name *nm = &an->names.items[i];
		put64(b, nm->sentence);
		put64(b, nm->start);
		put64(b, nm->end);
		put64(b, nm->name_start);
		put64(b, (uint64_t)nm->hint);
		put64(b, (uint64_t)nm->opens_sentence);
	}
}

/* mkdir -p of the folder that holds `path`, saying which folder is at
 * fault and what to do. */
static int make_parent(const char *path, an_error *err)
{
	if (an_mkdir_parents(path, 1, err) == 0)
		return 0;
	int e = errno;
	char dir[sizeof err->file];
	memcpy(dir, err->file, sizeof dir);
	return an_error_set(err, dir, 0,
	                    "cannot create the analysis cache's folder: %s; make it writable "
	                    "or move the cache elsewhere", strerror(e));
}

/* Writes the entries e[0, n) (those live) as the file at `path`. */
static int save_entries(const entry *e, size_t n, const char *path, an_error *err)
{
	an_buf payload = AN_BUF_INIT;
	term_table table = {NULL, 0, 0, NULL, 0};
	uint64_t n_entries = 0;
	for (size_t i = 0; i < n; i++) {
		if (!e[i].live)
			continue;
		put_entry(&payload, &table, &e[i]);
		n_entries++;
	}
	for (size_t i = 0; i < table.len; i++)
		put64(&payload, table.ids[i]);
	put64(&payload, table.len);
	free(table.ids);
	free(table.slots);
	uint64_t head[HEADER_WORDS];
	header_words(head, n_entries, payload.len, an_acache_hash(payload.ptr, payload.len));

	int rc = make_parent(path, err);
	struct iovec parts[2] = {{head, sizeof head}, {payload.ptr, payload.len}};
	if (rc == 0 && an_replace_file(path, parts, 2) < 0)
		rc = an_error_set(err, path, 0,
		                  "cannot write the analysis cache: %s; free some space or "
		                  "check the folder's permissions (the next build will "
		                  "analyse every article again)", strerror(errno));
	an_buf_free(&payload);
	return rc;
}

int an_acache_save(const an_acache *c, const char *path, an_error *err)
{
	return save_entries(c ? c->items : NULL, c ? c->len : 0, path, err);
}

int an_acache_save_analyses(const an_article *articles, const an_analysis *analyses,
                            size_t n, const char *path, an_error *err)
{
	/* entries that borrow the analyses: put_entry only reads them */
	entry *e = an_xcalloc(n + 1, sizeof *e);
	for (size_t i = 0; i < n; i++) {
		key_of(&e[i], &articles[i]);
		e[i].an = analyses[i];
		e[i].live = 1;
	}
	int rc = save_entries(e, n, path, err);
	free(e);
	return rc;
}

/* A cursor over the payload: every read checks what is left, so a lying
 * count can only run the cursor out, never past the end.  The term table
 * (read first, from the end) is what the terms' places refer to. */
typedef struct {
	an_binread in;
	const unsigned char *terms; /* n_terms ids of 8 bytes */
	size_t n_terms;
} reader;

static uint64_t get_varint(reader *r)
{
	uint64_t v = 0;
	for (unsigned shift = 0; shift < 64; shift += 7) {
		if (r->in.bad || r->in.left < 1) {
			r->in.bad = 1;
			return 0;
		}
		unsigned char c = *r->in.p++;
		r->in.left--;
		v |= (uint64_t)(c & 0x7F) << shift;
		if (!(c & 0x80))
			return v;
	}
	r->in.bad = 1; /* more than ten bytes */
	return 0;
}

static unsigned char get_byte(reader *r)
{
	if (r->in.bad || r->in.left < 1) {
		r->in.bad = 1;
		return 0;
	}
	r->in.left--;
	return *r->in.p++;
}

/* A term: its id from the table, its weight. */
static void get_term(reader *r, an_term *out)
{
	uint64_t place = get_varint(r);
	if (place >= r->n_terms)
		r->in.bad = 1;
	if (r->in.bad) {
		memset(out, 0, sizeof *out);
		return;
	}
	memcpy(&out->id, r->terms + 8 * place, 8);
	unsigned char w = get_byte(r);
	if (w == 0xFF) {
		uint64_t bits = an_binread_u64(&r->in);
		memcpy(&out->w, &bits, 8);
	} else {
		out->w = w / 2.0;
		if (w == 0)
			r->in.bad = 1;
	}
}

/* A NUL-terminated string of exactly `size` bytes. */
static void get_str(reader *r, char *out, size_t size)
{
	if (r->in.bad || r->in.left < size || !memchr(r->in.p, '\0', size)) {
		r->in.bad = 1;
		memset(out, 0, size);
		return;
	}
	memcpy(out, r->in.p, size);
	r->in.p += size;
	r->in.left -= size;
}

#define TIMEX_BYTES (3 * 8 + AN_TIMEX_VALUE_MAX + AN_TIMEX_MOD_MAX)

/* Reads one entry into *e; returns 0, or -1 with whatever was allocated
 * freed. */
static int get_entry(reader *r, entry *e)
{
	memset(e, 0, sizeof *e);
	an_analysis *an = &e->an;
	e->h1 = an_binread_u64(&r->in);
	e->h2 = an_binread_u64(&r->in);
	e->len = an_binread_max(&r->in, SIZE_MAX);
	e->date = (long)(int64_t)an_binread_u64(&r->in);
	/* the least each item costs, counting its share of the parallel arrays */
	size_t n_sent = an_binread_count(&r->in, 4 * 8);
	size_t n_tim = an_binread_count(&r->in, TIMEX_BYTES + 8);
	size_t n_names = an_binread_count(&r->in, 6 * 8);
	if (r->in.bad)
		return -1;
	if (n_sent) {
		an->sentences.items = an_xcalloc(n_sent, sizeof *an->sentences.items);
		an->sentences.cap = n_sent;
	}
	an->sentences.len = n_sent;
	an->sentence_para = an_xcalloc(n_sent + 1, sizeof *an->sentence_para);
	an->terms = an_xcalloc(n_sent + 1, sizeof *an->terms);
	if (n_tim) {
		an->timexes.items = an_xcalloc(n_tim, sizeof *an->timexes.items);
		an->timexes.cap = n_tim;
	}
	an->timexes.len = n_tim;
	an->timex_sentence = an_xcalloc(n_tim + 1, sizeof *an->timex_sentence);
	if (n_names) {
		an->names.items = an_xcalloc(n_names, sizeof *an->names.items);
		an->names.cap = n_names;
	}
	an->names.len = n_names;

	for (size_t i = 0; i < n_sent && !r->in.bad; i++) {
		an_sentence *s = &an->sentences.items[i];
		s->start = an_binread_max(&r->in, e->len);
		s->end = an_binread_max(&r->in, e->len);
		if (s->start > s->end)
			r->in.bad = 1;
	}
	for (size_t i = 0; i < n_sent && !r->in.bad; i++) {
		an->sentence_para[i] = an_binread_max(&r->in, SIZE_MAX);
		if (i > 0 && an->sentence_para[i] < an->sentence_para[i - 1])
			r->in.bad = 1;
	}
	for (size_t i = 0; i < n_tim && !r->in.bad; i++) {
		an_timex *t = &an->timexes.items[i];
		t->start = an_binread_max(&r->in, e->len);
		t->end = an_binread_max(&r->in, e->len);
		t->type = (an_timex_type)an_binread_max(&r->in, AN_TIMEX_SET);
		get_str(r, t->value, AN_TIMEX_VALUE_MAX);
		get_str(r, t->mod, AN_TIMEX_MOD_MAX);
		if (t->start > t->end)
			r->in.bad = 1;
	}
	/* an_sentence_find answers 0 when there are no sentences */
	for (size_t i = 0; i < n_tim && !r->in.bad; i++)
		an->timex_sentence[i] = an_binread_max(&r->in, n_sent ? n_sent - 1 : 0);
	for (size_t i = 0; i < n_sent && !r->in.bad; i++) {
		an_vec *v = &an->terms[i];
		size_t n = an_binread_count(&r->in, 2); /* a term takes two bytes at least */
		if (r->in.bad || n == 0)
			continue;
		v->items = an_xcalloc(n, sizeof *v->items);
		v->cap = n;
		for (size_t k = 0; k < n && !r->in.bad; k++) {
			get_term(r, &v->items[k]);
			v->len = k + 1;
			/* an_vec_cosine merges by id: ids ascend */
			if (!isfinite(v->items[k].w) || (k > 0 && v->items[k].id <= v->items[k - 1].id))
				r->in.bad = 1;
		}
	}
	for (size_t i = 0; i < n_names && !r->in.bad; i++) {
		an_name *nm = &an->names.items[i];
		nm->sentence = an_binread_max(&r->in, n_sent ? n_sent - 1 : 0);
		nm->start = an_binread_max(&r->in, e->len);
		nm->end = an_binread_max(&r->in, e->len);
		nm->name_start = an_binread_max(&r->in, e->len);
		nm->hint = (an_entity_type)an_binread_max(&r->in, AN_ENTITY_PLACE);
		nm->opens_sentence = (int)an_binread_max(&r->in, 1);
		if (n_sent == 0 || nm->start > nm->name_start || nm->name_start > nm->end)
			r->in.bad = 1;
	}
	if (r->in.bad) {
		an_analysis_free(an);
		return -1;
	}
	return 0;
}

int an_acache_load(an_acache *c, const char *path)
{
	if (!c)
		return 0;
	size_t len = 0;
	unsigned char *data = an_binread_file(path, HEADER_BYTES, MAX_FILE_BYTES, &len);
	if (!data)
		return errno == 0 || errno == ENOENT ? 0 : -1;

	uint64_t head[HEADER_WORDS], want[HEADER_WORDS];
	memcpy(head, data, sizeof head);
	reader r = {{data + HEADER_BYTES, len - HEADER_BYTES, 0}, NULL, 0};
	/* another binary's file is told by its first words, before hashing */
	header_words(want, head[11], r.in.left, 0);
	if (memcmp(head, want, 13 * 8) != 0 || head[11] > r.in.left / (7 * 8) ||
	    head[13] != an_acache_hash(r.in.p, r.in.left)) {
		free(data);
		return 0;
	}
	/* the term table at the end, its length last: the entries are what
	 * comes before it */
	uint64_t n_terms = 0;
	if (r.in.left >= 8)
		memcpy(&n_terms, r.in.p + r.in.left - 8, 8);
	if (r.in.left < 8 || n_terms > (r.in.left - 8) / 8) {
		free(data);
		return 0;
	}
	r.n_terms = (size_t)n_terms;
	r.in.left -= 8 + 8 * r.n_terms;
	r.terms = r.in.p + r.in.left;

	/* all or nothing: entries go into the cache only once every one has
	 * been read and validated */
	entry *got = NULL;
	size_t n = 0, cap = 0;
	for (uint64_t i = 0; i < head[11]; i++) {
		got = an_xgrow(got, &cap, n + 1, sizeof *got);
		if (get_entry(&r, &got[n]) != 0)
			break;
		n++;
	}
	if (r.in.bad || r.in.left != 0) {
		for (size_t i = 0; i < n; i++)
			an_analysis_free(&got[i].an);
		n = 0;
	}
	size_t before = c->len;
	for (size_t i = 0; i < n; i++) {
		entry *had = find_live(c, &got[i]);
		if (had && had < c->items + before) { /* given before the load: keep it */
			an_analysis_free(&got[i].an);
			continue;
		}
		got[i].live = 1;
		got[i].used = 0; /* a trim before a load takes it drops it */
		append(c, &got[i]);
	}
	free(got);
	free(data);
	return 0;
}
