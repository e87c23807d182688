/* sink.h - the write stage's queue: the pages a theme makes and the data
 * exports go to one writer thread as soon as they exist, so the file
 * system's work overlaps the render, and a page's bytes are freed once
 * written instead of the whole site waiting in memory.  The sink owns
 * what is queued; the an_output stays the caller's (commit or abort it
 * after an_sink_finish). */
#ifndef AN_SINK_H
#define AN_SINK_H

#include <stdatomic.h>
#include <stddef.h>

#include "error.h"
#include "progress.h"
#include "write.h"

typedef struct an_sink an_sink;

/* Starts the writer on `out`.  It stops at the next file once *stop is
 * set (a signal; may be NULL) and the sink fails "interrupted".  Bumps
 * progress->pages (may be NULL) per file.  NULL if no thread can start:
 * the caller then writes with an_output_write itself. */
an_sink *an_sink_start(an_output *out, const atomic_int *stop, an_progress *progress);
/* Queues a file, taking `path` and `data` (malloc'd; data may be NULL when
 * len is 0).  Waits while much is queued, so memory stays bounded.
 * Returns 0, or -1 once the writer has failed (what went wrong comes from
 * an_sink_finish); the arguments are freed either way. */
int an_sink_put(an_sink *s, char *path, char *data, size_t len);
/* Queues an_output_keep of `path` (taken): the earlier output's file
 * goes into the new site as it is.  Returns as an_sink_put does. */
int an_sink_keep(an_sink *s, char *path);
/* The same with copies of path and data. */
int an_sink_put_copy(an_sink *s, const char *path, const char *data, size_t len);
/* Queues a piece of the file at `path` (copies of both): the pieces of one
 * path are written in the order queued, into one file, until the piece
 * with `last` set closes it.  For exports too large to hold whole; memory
 * stays bounded as for pages.  Returns as an_sink_put does. */
int an_sink_put_part(an_sink *s, const char *path, const char *data, size_t len, int last);
/* Waits until everything queued is written, stops the writer and frees
 * the sink.  Returns 0, or -1 with `err` holding the first failure. */
int an_sink_finish(an_sink *s, an_error *err);

#endif
