/* alloc.c - allocation that aborts on exhaustion (see alloc.h). */
#include "alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(size_t size)
{
	fprintf(stderr, "annals: out of memory (asked for %zu bytes)\n", size);
	abort();
}

void *an_xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		oom(size);
	return p;
}

void *an_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom(n * size);
	return p;
}

void *an_xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		oom(size);
	return p;
}

void *an_xfit(void *ptr, size_t *cap, size_t len, size_t size)
{
	size_t c = len ? len : 1;
	if (!ptr || c >= *cap)
		return ptr;
	*cap = c;
	return an_xrealloc(ptr, c * size);
}

void *an_xgrow(void *ptr, size_t *cap, size_t need, size_t size)
{
	size_t c = *cap;
	if (need <= c)
		return ptr;
	if (c < 8)
		c = 8;
	while (c < need) {
		if (c > ((size_t)-1) / 2 / size)
			oom(need * size);
		c *= 2;
	}
	*cap = c;
	return an_xrealloc(ptr, c * size);
}

char *an_xstrndup(const char *s, size_t n)
{
	char *p = an_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *an_xstrdup(const char *s)
{
	return an_xstrndup(s, strlen(s));
}

void an_qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}
