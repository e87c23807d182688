/* alloc.h - the one place annals allocates memory.
 * Out of memory is not recoverable for a site generator: every function here
 * aborts with a message instead of returning NULL.  Free with free(). */
#ifndef AN_ALLOC_H
#define AN_ALLOC_H

#include <stddef.h>

void *an_xmalloc(size_t size);
void *an_xcalloc(size_t n, size_t size);
void *an_xrealloc(void *ptr, size_t size);
/* Grow an array of `*cap` elements of `size` bytes so that it holds at least
 * `need`; returns the (possibly moved) array and updates *cap. */
void *an_xgrow(void *ptr, size_t *cap, size_t need, size_t size);
/* Gives back an an_xgrow'n array's room beyond its `len` elements (it
 * keeps one), for arrays kept for the rest of a build: growth by doubling
 * leaves a quarter of them empty on average.  Updates *cap. */
void *an_xfit(void *ptr, size_t *cap, size_t len, size_t size);
char *an_xstrdup(const char *s);
/* qsort that accepts (NULL, 0): an empty list is sorted, not undefined. */
void an_qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
char *an_xstrndup(const char *s, size_t n);

#endif
