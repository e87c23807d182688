/* pool.h - a worker pool for the per-article stages (parse, analyse):
 * runs fn(i) for every i in [0, n) on a few threads and returns when all
 * are done.  Items must be independent; which thread runs which item is
 * not fixed, so results must depend on i alone.  Owns no state between
 * calls. */
#ifndef AN_POOL_H
#define AN_POOL_H

#include <stddef.h>

/* How many threads an_pool_run uses: ANNALS_JOBS when set (1 runs
 * everything on the calling thread), else the online processors, at most
 * AN_POOL_MAX. */
#define AN_POOL_MAX 16
int an_pool_jobs(void);
void an_pool_run(size_t n, void (*fn)(size_t i, void *payload), void *payload);

#endif
