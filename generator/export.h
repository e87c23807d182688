/* export.h - data exports of a built site that do not go through a theme:
 * timeline.json (the documented, stable format) and the terminal listing of
 * `annals timeline`.  Output is appended to a caller's an_buf. */
#ifndef AN_EXPORT_H
#define AN_EXPORT_H

#include "buf.h"
#include "site.h"

/* The sentence of a mention, as written; borrowed from the site. */
const char *an_export_sentence(const an_site *site, const an_mention *m, size_t *len);
void an_export_timeline_json(an_buf *out, const an_site *site);
void an_export_timeline_text(an_buf *out, const an_site *site);

#endif
