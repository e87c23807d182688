/* live.h - the browser side of `annals serve`: the live-reload script,
 * its injection into HTML pages, the build-error overlay and the
 * Server-Sent Events messages.  Pure text functions: everything goes into
 * buffers the caller owns; nothing here touches the network or the disk. */
#ifndef AN_LIVE_H
#define AN_LIVE_H

#include <stddef.h>

#include "buf.h"

/* URL paths the server reserves (no site file can be reached there). */
#define AN_LIVE_PREFIX "/__annals/"
#define AN_LIVE_EVENTS "/__annals/events"
#define AN_LIVE_SCRIPT "/__annals/live.js"
#define AN_LIVE_STATUS "/__annals/status"

/* The script (JavaScript) served at AN_LIVE_SCRIPT: it listens on
 * AN_LIVE_EVENTS, reloads the page on "reload" (sent only after a rebuild
 * has finished and been swapped in), shows the overlay on "failed", and
 * reloads on "hello" when the page is older than the served site. */
extern const char an_live_script[];

/* Appends `html` with, before its last </body> (or at its end), the error
 * overlay when `error` is not NULL and the script tag that carries the
 * site's `generation`. */
void an_live_inject(an_buf *out, const char *html, size_t len, unsigned long generation,
                    const char *error);
/* Appends the overlay <div id="annals-error" role="alert"> saying the
 * build failed, with `error` escaped as HTML. */
void an_live_overlay(an_buf *out, const char *error);
/* Appends a whole page (for 404s and "no site yet") with `title` and
 * `text`, the overlay when `error` is not NULL, and the script. */
void an_live_page(an_buf *out, const char *title, const char *text, unsigned long generation,
                  const char *error);
/* Appends one SSE message: "event: NAME\ndata: DATA\n\n" (DATA one line). */
void an_live_event(an_buf *out, const char *name, const char *data);
/* Appends the JSON state {"generation":N,"ok":true|false,"error":"..."|null}. */
void an_live_state_json(an_buf *out, unsigned long generation, const char *error);

#endif
