/* frontmatter.h - the YAML front matter of an article (parsed with libyaml).
 * an_meta owns all its strings; free with an_meta_free.  Known keys are
 * checked (title, date, source, original, slug); other scalar keys are kept
 * in `extra` for themes. */
#ifndef AN_FRONTMATTER_H
#define AN_FRONTMATTER_H

#include <stddef.h>

#include "date.h"
#include "error.h"

typedef struct {
	char *key, *value;
} an_meta_field;

typedef struct {
	char *title;    /* required */
	char *source;   /* "unknown" when absent */
	char *original; /* NULL when absent */
	char *slug;     /* NULL when absent: the file name decides */
	an_date date;
	int has_date;
	an_meta_field *extra;
	size_t n_extra;
	size_t body_offset; /* byte offset of the body in the file */
	int body_line;      /* 1-based line of the body's first line */
} an_meta;

/* Parses the front matter at the start of `data`, which must open with a
 * line "---" and close with "---" or "...".  On error returns -1 with `err`
 * naming `path` and the line in the file, e.g.
 *   content/a.md:3: front matter: 'date' is not a date (got "Nov 31") */
int an_frontmatter_parse(an_meta *out, const char *path, const char *data,
                         size_t len, an_error *err);
void an_meta_free(an_meta *meta);

#endif
