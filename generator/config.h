/* config.h - the site configuration, annals.yaml at the site root (optional).
 * an_config owns its strings; free with an_config_free. */
#ifndef AN_CONFIG_H
#define AN_CONFIG_H

#include <stddef.h>

#include "error.h"

/* One entry of `params:`, a mapping of theme parameters (site.params). */
typedef struct {
	char *key, *value;
} an_config_param;

typedef struct {
	char *title;       /* default "Timeline" */
	char *description; /* default "" */
	char *base_url;    /* default "": relative links only */
	char *language;    /* default "en" */
	char *theme;       /* default "default" */
	int markdown_unsafe; /* markdown: { unsafe: true }: raw HTML and any link
	                      * kept in article bodies (default 0: dropped) */
	int warnings;        /* warnings printed (unknown keys); --strict fails */
	an_config_param *params; /* `params:` in file order, for the theme */
	size_t n_params;
	/* lua: { allow: [os.getenv, ...] }: functions the site grants its
	 * themes and filters beyond the sandbox (see an_sandbox_grant) */
	char **lua_allow;
	size_t n_lua_allow;
} an_config;

/* Reads ROOT/annals.yaml when it exists, else fills the defaults.  Unknown
 * keys are reported on stderr as warnings.  Returns 0 or -1 with `err`
 * naming the file and line. */
int an_config_load(an_config *out, const char *root, an_error *err);
/* The same from the text of an annals.yaml already in memory (e.g. read
 * from a git revision); NULL `text` gives the defaults. */
int an_config_parse(an_config *out, const char *text, size_t len, an_error *err);
void an_config_free(an_config *cfg);

#endif
