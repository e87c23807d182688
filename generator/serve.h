/* serve.h - `annals serve`: builds the site into a temporary folder, serves
 * it over HTTP with libmicrohttpd, watches the content, themes and
 * annals.yaml (watch.h), rebuilds on change and tells open pages to reload
 * over Server-Sent Events once the new site is in place (live.h).  A failed
 * build keeps the last good site served, with the error as an overlay in
 * the browser and on the terminal.  Owns everything it makes and removes
 * it before returning. */
#ifndef AN_SERVE_H
#define AN_SERVE_H

#include <stddef.h>
#include <stdio.h>

#include "error.h"

typedef struct {
	const char *source;   /* the site folder */
	const char *theme;    /* NULL: the config's theme */
	const char *data_dir; /* annals' lua/ and themes/ (see paths.h) */
	const char *bind;     /* an IPv4 or IPv6 address; NULL: 127.0.0.1 */
	unsigned port;        /* 0: any free port (printed) */
	FILE *out;            /* the line "annals: serving http://ADDR:PORT/" */
	FILE *log;            /* rebuilds and build errors; NULL: silent */
} an_serve_opts;

/* Serves until SIGINT or SIGTERM (blocked in every thread and read through
 * a signalfd, so an interrupt never lands in the middle of a build or a
 * response).  Returns 0 after a clean stop, or -1 with `err` set when it
 * cannot start (a bad address, a port in use, no inotify). */
int an_serve(const an_serve_opts *o, an_error *err);

/* Maps a request path to a file below the site folder: "/" and "/dir/" to
 * their index.html; refuses ".." segments and backslashes.  Fills `out`
 * (`size` bytes) with the relative path.  Returns 0, or -1 when refused. */
int an_serve_path(char *out, size_t size, const char *url);
/* The Content-Type for a file name (by its extension). */
const char *an_serve_mime(const char *path);

#endif
