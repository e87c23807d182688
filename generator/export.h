/* export.h - data exports of a built site that do not go through a theme:
 * timeline.json (the documented, stable format) and the terminal listing of
 * `annals timeline`.  Output is appended to a caller's an_buf. */
#ifndef AN_EXPORT_H
#define AN_EXPORT_H

#include "buf.h"
#include "site.h"

/* Where an export goes: `buf`, and optionally a drain that takes what
 * buf holds whenever it passes a megabyte between two records, so that
 * a build never holds a whole export (timeline.json is over 100 MB at
 * 10,000 articles).  The caller takes what is left at the end. */
typedef struct {
	an_buf buf;
	int (*drain)(void *payload, const char *data, size_t len); /* NULL: keep all */
	void *payload;
	int failed; /* a drain failed: the rest is dropped, memory stays bounded */
} an_export_out;

#define AN_EXPORT_OUT_INIT {AN_BUF_INIT, NULL, NULL, 0}

/* Between two records of an export: drains buf when it is large. */
void an_export_step(an_export_out *o);
/* Runs an exporter into plain buffer `out` (appending). */
void an_export_run(an_buf *out, void (*fn)(an_export_out *, const an_site *),
                   const an_site *site);

/* The sentence of a mention, as written; borrowed from the site. */
const char *an_export_sentence(const an_site *site, const an_mention *m, size_t *len);
void an_export_timeline_json(an_buf *out, const an_site *site);
void an_export_timeline_json_to(an_export_out *o, const an_site *site);
void an_export_timeline_text(an_buf *out, const an_site *site);
/* What the data exports (timeline.json, timelinejs.json, events.ics,
 * events.csv) are made from, as one hash (export_key.c): equal hashes,
 * with the same annals binary, make equal files. */
uint64_t an_export_key(const an_site *site);

#endif
