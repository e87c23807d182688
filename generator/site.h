/* site.h - a site in memory: configuration, articles, their analyses and
 * the timeline, produced by running the load, parse, analyse and timeline
 * stages in order.  an_site owns all of it; free with an_site_free. */
#ifndef AN_SITE_H
#define AN_SITE_H

#include <stddef.h>

#include "analyse.h"
#include "article.h"
#include "config.h"
#include "error.h"
#include "timeline.h"

typedef struct {
	char *root;
	an_config config;
	an_article *articles; /* by publication date, then slug */
	an_analysis *analyses;
	an_doc *docs; /* pairs of the above, the timeline's input */
	size_t n_articles;
	an_timeline timeline;
} an_site;

/* Loads ROOT (annals.yaml, content/) and runs the pipeline up to the
 * timeline.  Returns 0, or -1 with `err` naming the file and line at fault. */
int an_site_load(an_site *out, const char *root, an_error *err);
/* The article with `slug`, or -1. */
long an_site_find_slug(const an_site *site, const char *slug);
void an_site_free(an_site *site);

#endif
