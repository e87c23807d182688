/* config.c - annals.yaml (see config.h). */
#include "config.h"
#include "alloc.h"
#include "buf.h"
#include "load.h"
#include "sandbox.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <yaml.h>

static void set(char **slot, const char *v)
{
	free(*slot);
	*slot = an_xstrdup(v);
}

static void warn_unknown(an_config *cfg, const char *file, int line, const char *key)
{
	fprintf(stderr, "annals: %s:%d: warning: unknown key '%s' ignored\n", file, line, key);
	cfg->warnings++;
}

/* markdown: { unsafe: true } lets raw HTML and every link scheme through
 * cmark: only for sites whose every author is trusted. */
static int apply_markdown(an_config *cfg, yaml_document_t *doc, yaml_node_t *v,
                          const char *file, an_error *err)
{
	if (v->type != YAML_MAPPING_NODE)
		return an_error_set(err, file, (int)v->start_mark.line + 1,
		                    "'markdown' must be a mapping, e.g. markdown: { unsafe: true }");
	for (yaml_node_pair_t *p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(doc, p->key);
		yaml_node_t *val = yaml_document_get_node(doc, p->value);
		int line = (int)k->start_mark.line + 1;
		const char *key = k->type == YAML_SCALAR_NODE ? (const char *)k->data.scalar.value : "";
		if (strcmp(key, "unsafe") != 0) {
			warn_unknown(cfg, file, line, key);
			continue;
		}
		const char *s = val->type == YAML_SCALAR_NODE ? (const char *)val->data.scalar.value : "";
		if (strcmp(s, "true") == 0)
			cfg->markdown_unsafe = 1;
		else if (strcmp(s, "false") == 0)
			cfg->markdown_unsafe = 0;
		else
			return an_error_set(err, file, line, "'markdown.unsafe' must be true or false");
	}
	return 0;
}

/* params: { key: value, ... } are the theme's (site.params): any names,
 * single values only, so themes get plain strings. */
static int apply_params(an_config *cfg, yaml_document_t *doc, yaml_node_t *v,
                        const char *file, an_error *err)
{
	if (v->type != YAML_MAPPING_NODE)
		return an_error_set(err, file, (int)v->start_mark.line + 1,
		                    "'params' must be a mapping, e.g. params: { accent: teal }");
	for (yaml_node_pair_t *p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(doc, p->key);
		yaml_node_t *val = yaml_document_get_node(doc, p->value);
		int line = (int)k->start_mark.line + 1;
		if (k->type != YAML_SCALAR_NODE || val->type != YAML_SCALAR_NODE)
			return an_error_set(err, file, line, "each of 'params' must be 'name: value' "
			                                     "with a single value");
		cfg->params = an_xrealloc(cfg->params, (cfg->n_params + 1) * sizeof *cfg->params);
		cfg->params[cfg->n_params].key = an_xstrdup((const char *)k->data.scalar.value);
		cfg->params[cfg->n_params++].value = an_xstrdup((const char *)val->data.scalar.value);
	}
	return 0;
}

/* lua: { allow: [os.getenv, os.date] } grants functions from the list the
 * sandbox can grant; anything else is refused here, at its line, rather
 * than when a theme first runs. */
static int apply_lua(an_config *cfg, yaml_document_t *doc, yaml_node_t *v,
                     const char *file, an_error *err)
{
	int line = (int)v->start_mark.line + 1;
	if (v->type != YAML_MAPPING_NODE)
		return an_error_set(err, file, line,
		                    "'lua' must be a mapping, e.g. lua: { allow: [os.getenv] }");
	for (yaml_node_pair_t *p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(doc, p->key);
		yaml_node_t *list = yaml_document_get_node(doc, p->value);
		line = (int)k->start_mark.line + 1;
		if (k->type != YAML_SCALAR_NODE || strcmp((const char *)k->data.scalar.value, "allow"))
			return an_error_set(err, file, line, "'lua' knows only 'allow'");
		if (list->type != YAML_SEQUENCE_NODE)
			return an_error_set(err, file, line,
			                    "'lua.allow' must be a list, e.g. [os.getenv, os.date]");
		for (yaml_node_item_t *it = list->data.sequence.items.start;
		     it < list->data.sequence.items.top; it++) {
			yaml_node_t *n = yaml_document_get_node(doc, *it);
			const char *name = n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : "";
			if (!an_sandbox_grantable(name))
				return an_error_set(err, file, (int)n->start_mark.line + 1,
				                    "'lua.allow': '%s' cannot be granted; annals can grant %s",
				                    name, an_sandbox_grantable_list());
			cfg->lua_allow = an_xrealloc(cfg->lua_allow,
			                             (cfg->n_lua_allow + 1) * sizeof *cfg->lua_allow);
			cfg->lua_allow[cfg->n_lua_allow++] = an_xstrdup(name);
		}
	}
	return 0;
}

static int apply(an_config *cfg, yaml_document_t *doc, const char *file, an_error *err)
{
	yaml_node_t *root = yaml_document_get_root_node(doc);
	if (!root)
		return 0;
	if (root->type != YAML_MAPPING_NODE)
		return an_error_set(err, file, (int)root->start_mark.line + 1,
		                    "expected 'key: value' lines");
	for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
	     p < root->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(doc, p->key);
		yaml_node_t *v = yaml_document_get_node(doc, p->value);
		int line = (int)k->start_mark.line + 1;
		if (k->type != YAML_SCALAR_NODE)
			return an_error_set(err, file, line, "keys must be plain words");
		const char *key = (const char *)k->data.scalar.value;
		char **slot = NULL;
		if (strcmp(key, "title") == 0)
			slot = &cfg->title;
		else if (strcmp(key, "description") == 0)
			slot = &cfg->description;
		else if (strcmp(key, "base_url") == 0)
			slot = &cfg->base_url;
		else if (strcmp(key, "language") == 0)
			slot = &cfg->language;
		else if (strcmp(key, "theme") == 0)
			slot = &cfg->theme;
		else if (strcmp(key, "markdown") == 0) {
			if (apply_markdown(cfg, doc, v, file, err) < 0)
				return -1;
			continue;
		} else if (strcmp(key, "params") == 0) {
			if (apply_params(cfg, doc, v, file, err) < 0)
				return -1;
			continue;
		} else if (strcmp(key, "lua") == 0) {
			if (apply_lua(cfg, doc, v, file, err) < 0)
				return -1;
			continue;
		}
		if (!slot) {
			warn_unknown(cfg, file, line, key);
			continue;
		}
		if (v->type != YAML_SCALAR_NODE)
			return an_error_set(err, file, line, "'%s' must be a single value", key);
		set(slot, (const char *)v->data.scalar.value);
	}
	return 0;
}

static void set_defaults(an_config *out)
{
	memset(out, 0, sizeof *out);
	set(&out->title, "Timeline");
	set(&out->description, "");
	set(&out->base_url, "");
	set(&out->language, "en");
	set(&out->theme, "default");
}

int an_config_parse(an_config *out, const char *text, size_t len, an_error *err)
{
	set_defaults(out);
	if (!text)
		return 0;
	yaml_parser_t parser;
	yaml_document_t doc;
	int rc;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	if (!yaml_parser_load(&parser, &doc)) {
		rc = an_error_set(err, "annals.yaml", (int)parser.problem_mark.line + 1, "%s",
		                  parser.problem ? parser.problem : "invalid YAML");
		yaml_parser_delete(&parser);
		goto done;
	}
	rc = apply(out, &doc, "annals.yaml", err);
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	/* base_url ends up in href, og:url and the feed: only a web address,
	 * never a "javascript:" or "data:" one */
	if (rc == 0 && out->base_url[0] && strncasecmp(out->base_url, "https://", 8) != 0 &&
	    strncasecmp(out->base_url, "http://", 7) != 0) {
		rc = an_error_set(err, "annals.yaml", 0,
		                  "'base_url' must start with https:// or http:// (got \"%.80s\")",
		                  out->base_url);
		goto done;
	}
	if (rc < 0)
		goto done;
	/* base_url is joined with paths: keep it without a trailing slash */
	size_t n = strlen(out->base_url);
	while (n > 0 && out->base_url[n - 1] == '/')
		out->base_url[--n] = '\0';
done:
	if (rc < 0)
		an_config_free(out);
	return rc;
}

int an_config_load(an_config *out, const char *root, an_error *err)
{
	an_buf path = AN_BUF_INIT, text = AN_BUF_INIT;
	an_buf_printf(&path, "%s/annals.yaml", root);
	struct stat st;
	int rc;
	if (stat(path.ptr, &st) != 0) /* no config: defaults */
		rc = an_config_parse(out, NULL, 0, err);
	else if ((rc = an_load_file(&text, path.ptr, err)) == 0)
		rc = an_config_parse(out, text.ptr, text.len, err);
	else
		memset(out, 0, sizeof *out);
	an_buf_free(&path);
	an_buf_free(&text);
	return rc;
}

void an_config_free(an_config *cfg)
{
	if (!cfg)
		return;
	free(cfg->title);
	free(cfg->description);
	free(cfg->base_url);
	free(cfg->language);
	free(cfg->theme);
	for (size_t i = 0; i < cfg->n_params; i++) {
		free(cfg->params[i].key);
		free(cfg->params[i].value);
	}
	free(cfg->params);
	for (size_t i = 0; i < cfg->n_lua_allow; i++)
		free(cfg->lua_allow[i]);
	free(cfg->lua_allow);
	memset(cfg, 0, sizeof *cfg);
}
