/* acache.h - analyses kept between site loads in one process.  The Changes
 * page loads the site at up to 101 commits and the live preview rebuilds on
 * every save; an article whose text and publication date are unchanged
 * reuses its analysis instead of being tagged again.  The cache owns its
 * entries; free with an_acache_free.  Use it from one thread. */
#ifndef AN_ACACHE_H
#define AN_ACACHE_H

#include "analyse.h"
#include "article.h"

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

#endif
