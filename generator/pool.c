/* pool.c - the worker pool (see pool.h).  Items are handed out one at a
 * time from an atomic counter: an article takes a millisecond or so, so
 * the counter costs nothing and no thread idles behind a long article. */
#include "pool.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

typedef struct {
	atomic_size_t next;
	size_t n;
	void (*fn)(size_t, void *);
	void *payload;
} job;

static void *worker(void *arg)
{
	job *j = arg;
	for (;;) {
		size_t i = atomic_fetch_add(&j->next, 1);
		if (i >= j->n)
			break;
		j->fn(i, j->payload);
	}
	return NULL;
}

int an_pool_jobs(void)
{
	const char *env = getenv("ANNALS_JOBS");
	long n = env && *env ? strtol(env, NULL, 10) : sysconf(_SC_NPROCESSORS_ONLN);
	if (n < 1)
		n = 1;
	return n > AN_POOL_MAX ? AN_POOL_MAX : (int)n;
}

void an_pool_run(size_t n, void (*fn)(size_t i, void *payload), void *payload)
{
	job j;
	atomic_init(&j.next, 0);
	j.n = n;
	j.fn = fn;
	j.payload = payload;
	size_t jobs = (size_t)an_pool_jobs();
	if (jobs > n)
		jobs = n;
	pthread_t threads[AN_POOL_MAX];
	size_t started = 0;
	/* the calling thread is one of the workers */
	for (size_t t = 1; t < jobs; t++)
		if (pthread_create(&threads[started], NULL, worker, &j) == 0)
			started++;
	worker(&j);
	for (size_t t = 0; t < started; t++)
		pthread_join(threads[t], NULL);
}
