/* acache.h - analyses kept between site loads in one process.  The Changes
 * page loads the site at up to 101 commits and the live preview rebuilds on
 * every save; an article whose text and publication date are unchanged
 * reuses its analysis instead of being tagged again.  The cache owns its
 * entries; free with an_acache_free.  Use it from one thread. */
#ifndef AN_ACACHE_H
#define AN_ACACHE_H

#include "analyse.h"
#include "article.h"
#include "error.h"

#include <stddef.h>
#include <stdint.h>

typedef struct an_acache an_acache;

an_acache *an_acache_new(void);
/* Moves a cached analysis of `a` (same text, same date) into *out and
 * returns 1; returns 0 when there is none. */
int an_acache_take(an_acache *c, an_analysis *out, const an_article *a);
/* Moves `an` (the analysis of `a`) into the cache; *an is left empty. */
void an_acache_give(an_acache *c, an_analysis *an, const an_article *a);
/* Frees the entries neither taken nor given since the last trim, so the
 * cache holds what the last load used. */
void an_acache_trim(an_acache *c);
/* Entries held, and analyses reused so far (for tests and logs). */
size_t an_acache_size(const an_acache *c);
size_t an_acache_hits(const an_acache *c);
void an_acache_free(an_acache *c);

/* The cache on disk, so that a build in a new process reanalyses only the
 * articles that changed.  The file is tied to the annals binary that wrote
 * it (a hash of its bytes): a rebuilt tagger never reuses an old analysis.
 * The format is described at the top of acache.c. */

/* Writes every entry held (not the ones taken) to `path`, through a
 * temporary file beside it and a rename, so that a build killed halfway
 * leaves the old cache or the new one, never half of one.  Creates the
 * folder.  Returns 0, or -1 with `err` set; a failure loses only speed, so
 * callers may warn and go on. */
int an_acache_save(const an_acache *c, const char *path, an_error *err);
/* The same file for articles[i] with analyses[i], i < n, without a cache:
 * reads them only, so it may run on a thread of its own while others read
 * them too (the build saves beside the timeline). */
int an_acache_save_analyses(const an_article *articles, const an_analysis *analyses,
                            size_t n, const char *path, an_error *err);
/* Adds the entries of the file at `path`, unused: a trim that follows a
 * load which did not take them drops them.  An entry whose article is
 * already held (given before the load) is not added twice.  A file that
 * is missing, from another annals binary or format, truncated, corrupted
 * or over 1 GiB adds nothing and returns 0: a bad cache is a slow build,
 * never an error.  Returns -1 with errno set only when the file exists but
 * cannot be read (permissions, EISDIR, EIO), which is worth a warning;
 * the cache is then unchanged. */
int an_acache_load(an_acache *c, const char *path);
/* The hash of the annals binary that runs (of its version where there is
 * no /proc): what the cache files, and the page memo, are tied to. */
uint64_t an_acache_fingerprint(void);
/* The checksum a cache file carries over its payload; exposed so that
 * tests can forge files that pass it and reach the validation behind. */
uint64_t an_acache_hash(const void *data, size_t len);
/* One more value mixed into running hash h: how the fingerprints of the
 * site's tables (render.c) and the data exports' key (export_key.c) fold
 * their fields, the strings among them through an_acache_hash. */
static inline uint64_t an_acache_mix(uint64_t h, uint64_t x)
{
	h = (h ^ x) * 0x9E3779B97F4A7C15ULL;
	return h ^ (h >> 29);
}

/* The hash of data[0, len) mixed into h, as strings go into both. */
static inline uint64_t an_acache_mix_bytes(uint64_t h, const void *data, size_t len)
{
	return an_acache_mix(h, an_acache_hash(data, len));
}

#endif
