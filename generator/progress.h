/* progress.h - the progress line of a long build on a terminal.  The
 * stages only bump counters (atomics, so pool workers and the writer
 * thread may bump them); a ticker thread of its own draws the line
 * several times a second once the build has run for a second, and
 * an_progress_stop erases it.  The caller owns the struct; nothing here
 * writes anywhere but the FILE given. */
#ifndef AN_PROGRESS_H
#define AN_PROGRESS_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

typedef struct an_progress {
	atomic_size_t articles, n_articles; /* analysed so far, of how many */
	atomic_size_t events;               /* on the timeline, once built */
	atomic_size_t pages;                /* files written */
	/* private */
	FILE *out;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	int running, stopping, drawn;
	double start, pages_start;
} an_progress;

/* Starts drawing to `out` (a terminal).  Returns 0, or -1 when no thread
 * could be started (the build goes on without a progress line). */
int an_progress_start(an_progress *p, FILE *out);
/* Stops the ticker and erases the line; safe on a progress never started. */
void an_progress_stop(an_progress *p);
/* The line as it would be drawn now, `elapsed` seconds into the build
 * (for tests): "1,200/10,000 articles · 3,400 events · 800 pages · ...". */
void an_progress_format(const an_progress *p, double elapsed, char *buf, size_t size);

/* Bumps a counter of a progress that may be NULL. */
#define AN_PROGRESS_ADD(p, field, n)                                     \
	do {                                                                 \
		if (p)                                                           \
			atomic_fetch_add_explicit(&(p)->field, (n), memory_order_relaxed); \
	} while (0)
#define AN_PROGRESS_SET(p, field, n)                                     \
	do {                                                                 \
		if (p)                                                           \
			atomic_store_explicit(&(p)->field, (n), memory_order_relaxed); \
	} while (0)

#endif
