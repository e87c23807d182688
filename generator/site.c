/* site.c - runs the stages up to the timeline (see site.h). */
#include "site.h"
#include "alloc.h"
#include "load.h"

#include <stdlib.h>
#include <string.h>

static int cmp_article(const void *x, const void *y)
{
	const an_article *a = x, *b = y;
	long da = an_date_to_days(a->meta.date), db = an_date_to_days(b->meta.date);
	if (da != db)
		return da < db ? -1 : 1;
	return strcmp(a->slug, b->slug);
}

static int check_dates(const an_site *site, an_error *err)
{
	for (size_t i = 0; i < site->n_articles; i++)
		if (!site->articles[i].meta.has_date)
			return an_error_set(err, site->articles[i].path, 1,
			                    "front matter: no 'date'; add 'date: YYYY-MM-DD' (the "
			                    "publication date anchors relative dates like \"last "
			                    "week\"), or commit the file so git history dates it");
	return 0;
}

int an_site_load_input(an_site *out, const char *root, const an_site_input *in,
                       an_error *err)
{
	memset(out, 0, sizeof *out);
	out->root = an_xstrdup(root);
	an_sources read = AN_SOURCES_INIT;
	const an_sources *sources = in->sources ? in->sources : &read;
	int rc;
	if (in->sources)
		rc = an_config_parse(&out->config, in->config_yaml, in->config_len, err);
	else
		rc = an_config_load(&out->config, root, err);
	if (rc < 0)
		goto done;
	if (!in->sources && (rc = an_load_content_dir(&read, root, err)) < 0)
		goto done;
	out->articles = an_xcalloc(sources->len + 1, sizeof *out->articles);
	for (size_t i = 0; i < sources->len; i++) {
		if ((rc = an_article_parse(&out->articles[i], &sources->items[i], err)) < 0)
			goto done;
		out->n_articles++;
	}
	if (in->after_parse && (rc = in->after_parse(out, in->payload, err)) < 0)
		goto done;
	if ((rc = check_dates(out, err)) < 0)
		goto done;
	an_qsort(out->articles, out->n_articles, sizeof *out->articles, cmp_article);
	for (size_t i = 1; i < out->n_articles; i++)
		for (size_t j = 0; j < i; j++)
			if (strcmp(out->articles[i].slug, out->articles[j].slug) == 0) {
				rc = an_error_set(err, out->articles[i].path, 1,
				                  "slug \"%s\" is also used by %s; set a different "
				                  "'slug:' in one of them", out->articles[i].slug,
				                  out->articles[j].path);
				goto done;
			}

	out->analyses = an_xcalloc(out->n_articles + 1, sizeof *out->analyses);
	out->docs = an_xcalloc(out->n_articles + 1, sizeof *out->docs);
	for (size_t i = 0; i < out->n_articles; i++) {
		an_analyse(&out->analyses[i], &out->articles[i]);
		out->docs[i].article = &out->articles[i];
		out->docs[i].analysis = &out->analyses[i];
	}
	an_timeline_build(&out->timeline, out->docs, out->n_articles);
done:
	an_sources_free(&read);
	if (rc < 0)
		an_site_free(out);
	return rc;
}

int an_site_load(an_site *out, const char *root, an_error *err)
{
	an_site_input in = {0};
	return an_site_load_input(out, root, &in, err);
}

long an_site_find_slug(const an_site *site, const char *slug)
{
	for (size_t i = 0; i < site->n_articles; i++)
		if (strcmp(site->articles[i].slug, slug) == 0)
			return (long)i;
	return -1;
}

void an_site_free(an_site *site)
{
	if (!site)
		return;
	an_timeline_free(&site->timeline);
	if (site->analyses)
		for (size_t i = 0; i < site->n_articles; i++)
			an_analysis_free(&site->analyses[i]);
	for (size_t i = 0; i < site->n_articles; i++)
		an_article_free(&site->articles[i]);
	free(site->analyses);
	free(site->docs);
	free(site->articles);
	an_config_free(&site->config);
	an_change_log_free(&site->changes);
	free(site->root);
	memset(site, 0, sizeof *site);
}
