/* fixture_export.h - a small hand-made site for the export suites
 * (check_export_*.c): two articles and three dated events (a day, an early
 * month, a week) plus one undated fact, with strings that need escaping in
 * every format.  Only the fields the exports read are filled; nothing is
 * allocated, so there is nothing to free. */
#ifndef AN_FIXTURE_EXPORT_H
#define AN_FIXTURE_EXPORT_H

#include <string.h>

#include "site.h"

static an_article fx_articles[2];
static an_event fx_events[3], fx_undated[1];
static size_t fx_src_both[] = {0, 1}, fx_src_first[] = {0};

static an_event fx_event(const char *id, const char *value, const char *mod,
                         long first, long last, an_granularity gran,
                         const char *title, const char *summary,
                         size_t *sources, size_t n_sources)
{
	an_event e;
	memset(&e, 0, sizeof e);
	snprintf(e.id, sizeof e.id, "%s", id);
	snprintf(e.value, sizeof e.value, "%s", value);
	snprintf(e.mod, sizeof e.mod, "%s", mod);
	e.span.first = first;
	e.span.last = last;
	e.span.gran = gran;
	e.title = (char *)title;
	e.summary = (char *)summary;
	e.sources = sources;
	e.n_sources = n_sources;
	return e;
}

/* base_url: "" or the site's base URL. */
static void fx_site(an_site *out, const char *base_url)
{
	static an_date d1 = {2025, 11, 11}, d2 = {2025, 11, 12};
	memset(out, 0, sizeof *out);
	memset(fx_articles, 0, sizeof fx_articles);
	fx_articles[0].slug = "uk-halts";
	fx_articles[0].meta.title = "UK halts; sharing, \"paused\"";
	fx_articles[0].meta.source = "Wire, & Co";
	fx_articles[0].meta.date = d1;
	fx_articles[1].slug = "realist";
	fx_articles[1].meta.title = "<b>Realist</b> report";
	fx_articles[1].meta.source = "=HYPERLINK(\"http://evil\")";
	fx_articles[1].meta.date = d2;
	/* 2025-11-01 is day 20393 since 1970-01-01 */
	fx_events[0] = fx_event("2025-09-aaaaaa", "2025-09", "START", 20332, 20361, AN_GRAN_MONTH,
	                        "Strikes began", "Strikes began in early September, officials said.",
	                        fx_src_both, 2);
	fx_events[1] = fx_event("2025-11-01-bbbbbb", "2025-11-01", "", 20393, 20393, AN_GRAN_DAY,
	                        "Maduro; accused \\ Washington",
	                        "Line one\nline two, with <script>alert(1)</script>",
	                        fx_src_first, 1);
	fx_events[2] = fx_event("2025-W45-cccccc", "2025-W45", "", 20395, 20401, AN_GRAN_WEEK,
	                        "-2+3 warships struck boats", "@everyone: two vessels were struck.",
	                        fx_src_first, 1);
	fx_undated[0] = fx_event("fact-dddddd", "", "", 0, 0, AN_GRAN_NONE, "Britain has territories",
	                         "Britain has territories in the Caribbean.", fx_src_both, 2);
	out->config.title = "Boats, strikes; & \"sharing\"";
	out->config.description = "A test site";
	out->config.base_url = (char *)base_url;
	out->config.language = "en";
	out->config.theme = "default";
	out->articles = fx_articles;
	out->n_articles = 2;
	out->timeline.events = fx_events;
	out->timeline.n_events = 3;
	out->timeline.undated = fx_undated;
	out->timeline.n_undated = 1;
}

#endif
