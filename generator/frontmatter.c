/* frontmatter.c - YAML front matter with libyaml (see frontmatter.h). */
#include "frontmatter.h"
#include "alloc.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* Finds the end of the line starting at `i`, returning the index of the
 * next line's start (past "\n"). */
static size_t next_line(const char *d, size_t len, size_t i)
{
	while (i < len && d[i] != '\n')
		i++;
	return i < len ? i + 1 : len;
}

/* Is the line [i, end) exactly `mark`, allowing trailing blanks and \r? */
static int line_is(const char *d, size_t i, size_t end, const char *mark)
{
	size_t m = strlen(mark);
	if (end - i < m || memcmp(d + i, mark, m) != 0)
		return 0;
	for (i += m; i < end; i++)
		if (d[i] != ' ' && d[i] != '\t' && d[i] != '\r' && d[i] != '\n')
			return 0;
	return 1;
}

static char *scalar(yaml_node_t *n)
{
	return an_xstrndup((const char *)n->data.scalar.value, n->data.scalar.length);
}

/* Accepts YYYY-MM-DD, optionally followed by a time ("T10:00:00Z" or
 * " 10:00"), which is ignored: annals dates articles by day. */
static int parse_date(an_date *out, const char *s)
{
	char day[11];
	size_t n = strlen(s);
	if (n < 10)
		return -1;
	if (n > 10 && s[10] != 'T' && s[10] != ' ' && s[10] != 't')
		return -1;
	memcpy(day, s, 10);
	day[10] = '\0';
	return an_date_parse_iso(out, day);
}

static int set_known(an_meta *out, const char *key, yaml_node_t *val,
                     const char *path, int line, an_error *err)
{
	char **slot = NULL;
	if (strcmp(key, "title") == 0)
		slot = &out->title;
	else if (strcmp(key, "source") == 0)
		slot = &out->source;
	else if (strcmp(key, "original") == 0)
		slot = &out->original;
	else if (strcmp(key, "slug") == 0)
		slot = &out->slug;
	else if (strcmp(key, "date") != 0)
		return 0; /* not a known key */

	if (val->type != YAML_SCALAR_NODE)
		return an_error_set(err, path, line,
		                    "front matter: '%s' must be a single value, not a list "
		                    "or mapping", key);
	char *v = scalar(val);
	if (slot) {
		free(*slot);
		*slot = v;
		return 1;
	}
	if (parse_date(&out->date, v) < 0) {
		an_error_set(err, path, line,
		             "front matter: 'date' is not a date (got \"%.100s\"); write "
		             "it as YYYY-MM-DD", v);
		free(v);
		return -1;
	}
	out->has_date = 1;
	free(v);
	return 1;
}

static int read_mapping(an_meta *out, yaml_document_t *doc, const char *path,
                        int first_line, an_error *err)
{
	yaml_node_t *root = yaml_document_get_root_node(doc);
	if (!root)
		return 0; /* empty front matter */
	if (root->type != YAML_MAPPING_NODE)
		return an_error_set(err, path, first_line + (int)root->start_mark.line,
		                    "front matter: expected 'key: value' lines");
	for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
	     p < root->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(doc, p->key);
		yaml_node_t *v = yaml_document_get_node(doc, p->value);
		int line = first_line + (int)k->start_mark.line;
		if (k->type != YAML_SCALAR_NODE)
			return an_error_set(err, path, line, "front matter: keys must be plain words");
		/* a "\0" escape would cut the C string short: "a\0../x" is not "a" */
		if (memchr(k->data.scalar.value, '\0', k->data.scalar.length) ||
		    (v->type == YAML_SCALAR_NODE &&
		     memchr(v->data.scalar.value, '\0', v->data.scalar.length)))
			return an_error_set(err, path, line,
			                    "front matter: a NUL character (\\0) in a key or value");
		char *key = scalar(k);
		for (yaml_node_pair_t *q = root->data.mapping.pairs.start; q < p; q++) {
			yaml_node_t *k2 = yaml_document_get_node(doc, q->key);
			if (k2->type == YAML_SCALAR_NODE &&
			    strcmp((const char *)k2->data.scalar.value, key) == 0) {
				an_error_set(err, path, line,
				             "front matter: '%s' is given twice; keep one", key);
				free(key);
				return -1;
			}
		}
		int rc = set_known(out, key, v, path, line, err);
		if (rc == 0 && v->type == YAML_SCALAR_NODE) {
			out->extra = an_xrealloc(out->extra, (out->n_extra + 1) * sizeof *out->extra);
			out->extra[out->n_extra].key = key;
			out->extra[out->n_extra].value = scalar(v);
			out->n_extra++;
			key = NULL;
		}
		free(key);
		if (rc < 0)
			return -1;
	}
	return 0;
}

int an_frontmatter_parse(an_meta *out, const char *path, const char *data,
                         size_t len, an_error *err)
{
	memset(out, 0, sizeof *out);
	size_t i = 0;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3; /* a byte-order mark some editors write */
	size_t eol = next_line(data, len, i);
	if (!line_is(data, i, eol, "---"))
		return an_error_set(err, path, 1,
		                    "no front matter; start the file with a line '---', then "
		                    "'title: ...' and 'date: YYYY-MM-DD', then '---'");
	size_t yaml_start = eol, yaml_end = 0, body = 0;
	int line = 2, close_line = 0;
	for (size_t j = yaml_start; j < len; j = next_line(data, len, j), line++) {
		size_t e = next_line(data, len, j);
		if (line_is(data, j, e, "---") || line_is(data, j, e, "...")) {
			yaml_end = j;
			body = e;
			close_line = line;
			break;
		}
	}
	if (!close_line)
		return an_error_set(err, path, 1,
		                    "front matter is not closed; add a line '---' after it");

	yaml_parser_t parser;
	yaml_document_t doc;
	int rc = 0;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)data + yaml_start,
	                             yaml_end - yaml_start);
	if (!yaml_parser_load(&parser, &doc)) {
		rc = an_error_set_col(err, path, 2 + (int)parser.problem_mark.line,
		                      (int)parser.problem_mark.column + 1,
		                      "front matter: %s%s%s",
		                      parser.problem ? parser.problem : "invalid YAML",
		                      parser.context ? " " : "",
		                      parser.context ? parser.context : "");
		yaml_parser_delete(&parser);
		goto done;
	}
	rc = read_mapping(out, &doc, path, 2, err);
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	if (rc < 0)
		goto done;

	if (!out->title || !out->title[0]) {
		rc = an_error_set(err, path, close_line,
		                  "front matter: no 'title'; add a line 'title: ...'");
		goto done;
	}
	if (!out->source || !out->source[0]) {
		free(out->source);
		out->source = an_xstrdup("unknown");
	}
	out->body_offset = body;
	out->body_line = close_line + 1;
done:
	if (rc < 0)
		an_meta_free(out);
	return rc;
}

void an_meta_free(an_meta *meta)
{
	if (!meta)
		return;
	free(meta->title);
	free(meta->source);
	free(meta->original);
	free(meta->slug);
	for (size_t i = 0; i < meta->n_extra; i++) {
		free(meta->extra[i].key);
		free(meta->extra[i].value);
	}
	free(meta->extra);
	memset(meta, 0, sizeof *meta);
}
