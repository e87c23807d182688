/* load.h - the first stage: reads a site's content into memory.
 * An an_sources list owns every path and byte it holds; free it with
 * an_sources_free.  Loading checks bytes (UTF-8, no NUL) but does not parse. */
#ifndef AN_LOAD_H
#define AN_LOAD_H

#include <stddef.h>

#include "buf.h"
#include "error.h"

typedef struct {
	char *path; /* relative to the site root, '/'-separated: content/a.md */
	char *data; /* NUL-terminated copy of the file */
	size_t len;
} an_source;

typedef struct {
	an_source *items;
	size_t len, cap;
} an_sources;

#define AN_SOURCES_INIT {NULL, 0, 0}

/* Reads a whole file ("-" reads stdin) into `out`, appending.  Returns 0, or
 * -1 with `err` set (file named, reason from the system). */
int an_load_file(an_buf *out, const char *path, an_error *err);
/* Lists ROOT/content recursively and loads every *.md file, sorted by path so
 * builds are reproducible.  Hidden files and folders are skipped; symbolic
 * links that leave the site are refused.  Returns 0 or -1 with `err` set. */
int an_load_content_dir(an_sources *out, const char *root, an_error *err);
/* The same, but a file whose bytes are not text (invalid UTF-8, NUL bytes)
 * is passed to `skip` (with its error: file, line, message) and left out,
 * instead of failing the load. */
typedef void (*an_load_skip_fn)(const an_error *err, void *payload);
int an_load_content_dir_skip(an_sources *out, const char *root, an_load_skip_fn skip,
                             void *payload, an_error *err);
/* The names in folder DIR but hidden ones (starting with "."), sorted
 * bytewise, so that walks are the same on every file system.  Returns
 * the count and sets *names (caller frees each and the array with
 * an_load_names_free), or -1 with errno set when DIR cannot be opened. */
long an_load_list_dir(char ***names, const char *dir);
void an_load_names_free(char **names, size_t n);
/* Checks that `data` is valid UTF-8 without NUL bytes; on failure sets `err`
 * with the line and column of the first bad byte. */
int an_load_check_text(const char *path, const char *data, size_t len, an_error *err);
void an_sources_free(an_sources *list);

#endif
