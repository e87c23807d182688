/* fuzz_frontmatter.c - libFuzzer target: the YAML front matter of an
 * article (frontmatter.c), and the same bytes as annals.yaml (config.c).
 * Checks the parser's promises: on success the body offset lies inside
 * the input and the body line is positive; on failure the error names the
 * file.  Built by `make fuzz` (clang) and replayed by `make check-replay`
 * (any C compiler, tests/fuzz/replay.c). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "config.h"
#include "frontmatter.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* content files reach the parser NUL-terminated (load.c) */
	char *text = an_xmalloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';

	an_meta meta;
	an_error err = AN_ERROR_INIT;
	if (an_frontmatter_parse(&meta, "content/fuzz.md", text, size, &err) == 0) {
		if (meta.body_offset > size || meta.body_line < 1 || !meta.title)
			abort();
		if (meta.has_date && !an_date_valid(meta.date))
			abort();
		an_meta_free(&meta);
	} else if (strcmp(err.file, "content/fuzz.md") != 0 || !err.msg[0]) {
		abort();
	}

	an_config cfg;
	an_error cerr = AN_ERROR_INIT;
	if (an_config_parse(&cfg, text, size, &cerr) == 0) {
		if (!cfg.title || !cfg.theme || !cfg.base_url)
			abort();
		an_config_free(&cfg);
	} else if (!cerr.msg[0]) {
		abort();
	}
	free(text);
	return 0;
}
