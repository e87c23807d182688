/* article.h - the parse stage: one content file becomes an an_article with
 * its front matter (libyaml) and the plain text of its body (cmark), which
 * is what the analysis reads.  The article owns everything it points to;
 * free with an_article_free. */
#ifndef AN_ARTICLE_H
#define AN_ARTICLE_H

#include <stddef.h>

#include "buf.h"
#include "error.h"
#include "frontmatter.h"
#include "load.h"

/* A block of prose (paragraph, heading, list item text) in `text`. */
typedef struct {
	size_t start, len; /* byte range in an_article.text */
	int line;          /* 1-based line in the source file */
} an_para;

/* When and by whom the file was committed (history.c fills it when the
 * site is in a git repository); "" and no authors when unknown. */
typedef struct {
	char first_published[32]; /* RFC 3339 time of the commit that added it */
	char first_commit[41];
	char last_modified[32]; /* of the last commit that changed it */
	char last_commit[41];
	char **authors; /* of those commits, earliest first, each once */
	size_t n_authors;
} an_article_history;

typedef struct {
	char *path; /* content/x.md, relative to the site root */
	char *slug; /* from front matter 'slug', else the file name */
	an_meta meta;
	char *body;     /* the Markdown body (after the front matter) */
	size_t body_len;
	char *text;     /* plain text: blocks joined by "\n\n" */
	size_t text_len;
	an_para *paras;
	size_t n_paras;
	an_article_history history;
	int unsafe; /* raw HTML kept (annals.yaml markdown.unsafe; site.c sets it) */
} an_article;

/* Parses `src` into `out`.  Returns 0, or -1 with `err` set (file and line).
 * A missing 'date' is not an error here (meta.has_date is 0): the site
 * stage may date the article from its git history, and refuses it if not. */
int an_article_parse(an_article *out, const an_source *src, an_error *err);
void an_article_free(an_article *a);
/* Replaces the Markdown body (copied) and derives its text again, for the
 * site's hooks (hooks.c) that rewrite an article before the analysis. */
void an_article_set_body(an_article *a, const char *body);

/* Writes the start tag that opens marked span `index` of the body (e.g.
 * `<time datetime="2025-11-01" id="t3">`) into `out`, and returns the tag
 * that closes it (a static string). */
typedef const char *(*an_article_mark_fn)(an_buf *out, size_t index, void *payload);

/* Renders the body to HTML (cmark, safe mode: raw HTML and dangerous links
 * dropped, unless a->unsafe) wrapping each byte range [starts[i], ends[i]) of `text` in the
 * tags `mark` gives.  Ranges must be sorted and disjoint; a range that
 * crosses inline markup (e.g. half in emphasis) is left unmarked. */
void an_article_html(an_buf *out, const an_article *a, const size_t *starts,
                     const size_t *ends, size_t n, an_article_mark_fn mark,
                     void *payload);

#endif
