/* fuzz_article.c - libFuzzer target: the whole pipeline from Markdown to
 * timeline entries, as `annals build` runs it up to the theme: the input is
 * split at NUL bytes (which no content file may hold) into up to eight
 * files; a part that starts with "annals.yaml\n" is the site's config, the
 * others are articles content/fN.md.  Each article passes the loader's
 * text check first, as on disk.  Then site.c parses, analyses and builds
 * the timeline, and every export and every article's HTML (with its dates
 * marked up) is rendered.  Only the Lua theme is left out: it is slow to
 * start and has its own sandbox tests. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "export.h"
#include "export_csv.h"
#include "export_ics.h"
#include "export_timelinejs.h"
#include "load.h"
#include "site.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_PARTS 8
#define CONFIG_TAG "annals.yaml\n"

static const char *mark(an_buf *out, size_t index, void *payload)
{
	(void)payload;
	an_buf_printf(out, "<time id=\"t%zu\">", index);
	return "</time>";
}

static void check_event(const an_site *site, const an_event *ev)
{
	if (!ev->title || !ev->summary || ev->n_sources == 0)
		abort();
	for (size_t i = 0; i < ev->n_sources; i++)
		if (ev->sources[i] >= site->n_articles || (i && ev->sources[i] <= ev->sources[i - 1]))
			abort();
	for (size_t m = 0; m < ev->n_mentions; m++) {
		const an_mention *mn = &ev->mentions[m];
		if (mn->doc >= site->n_articles ||
		    mn->sentence >= site->analyses[mn->doc].sentences.len ||
		    mn->timex >= (long)site->analyses[mn->doc].timexes.len)
			abort();
	}
}

static void run_site(const an_sources *sources, const char *config, size_t config_len)
{
	an_site site;
	an_error err = AN_ERROR_INIT;
	an_site_input in = {.sources = sources, .config_yaml = config, .config_len = config_len};
	if (an_site_load_input(&site, "/nonexistent-fuzz-site", &in, &err) < 0) {
		if (!err.msg[0])
			abort();
		return;
	}
	for (size_t i = 0; i < site.timeline.n_events; i++)
		check_event(&site, &site.timeline.events[i]);
	for (size_t i = 0; i < site.timeline.n_undated; i++)
		check_event(&site, &site.timeline.undated[i]);

	an_buf out = AN_BUF_INIT;
	an_export_timeline_json(&out, &site);
	an_export_timeline_text(&out, &site);
	an_export_timelinejs(&out, &site);
	an_export_events_ics(&out, &site);
	an_export_events_csv(&out, &site);
	for (size_t d = 0; d < site.n_articles; d++) {
		const an_timex_list *tl = &site.analyses[d].timexes;
		size_t *starts = an_xcalloc(tl->len + 1, sizeof *starts);
		size_t *ends = an_xcalloc(tl->len + 1, sizeof *ends);
		for (size_t i = 0; i < tl->len; i++) {
			starts[i] = tl->items[i].start;
			ends[i] = tl->items[i].end;
		}
		an_buf_clear(&out);
		an_article_html(&out, &site.articles[d], starts, ends, tl->len, mark, NULL);
		free(starts);
		free(ends);
	}
	an_buf_free(&out);
	an_site_free(&site);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	an_sources sources = AN_SOURCES_INIT;
	const char *config = NULL;
	size_t config_len = 0;
	char *config_copy = NULL;
	const char *p = (const char *)data, *end = p + size;
	for (int part = 0; part < MAX_PARTS && p <= end; part++) {
		const char *nul = memchr(p, '\0', (size_t)(end - p));
		size_t len = nul ? (size_t)(nul - p) : (size_t)(end - p);
		an_error err = AN_ERROR_INIT;
		if (len >= strlen(CONFIG_TAG) && memcmp(p, CONFIG_TAG, strlen(CONFIG_TAG)) == 0) {
			if (!config_copy) {
				config_len = len - strlen(CONFIG_TAG);
				config_copy = an_xstrndup(p + strlen(CONFIG_TAG), config_len);
				config = config_copy;
			}
		} else if (an_load_check_text("content/f.md", p, len, &err) == 0) {
			char path[32];
			snprintf(path, sizeof path, "content/f%d.md", part);
			sources.items = an_xgrow(sources.items, &sources.cap, sources.len + 1,
			                         sizeof *sources.items);
			an_source *s = &sources.items[sources.len++];
			s->path = an_xstrdup(path);
			s->data = an_xstrndup(p, len);
			s->len = len;
		}
		if (!nul)
			break;
		p = nul + 1;
	}
	run_site(&sources, config, config_len);
	an_sources_free(&sources);
	free(config_copy);
	return 0;
}
