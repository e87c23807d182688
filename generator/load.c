/* load.c - reading content from the file system (see load.h). */
#include "load.h"
#include "alloc.h"
#include "utf8.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int an_load_file(an_buf *out, const char *path, an_error *err)
{
	int is_stdin = strcmp(path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	if (!f)
		return an_error_set(err, path, 0, "cannot open: %s", strerror(errno));
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		an_buf_put(out, chunk, n);
	int failed = ferror(f);
	if (!is_stdin)
		fclose(f);
	if (failed)
		return an_error_set(err, path, 0, "cannot read: %s", strerror(errno));
	if (!out->ptr)
		an_buf_put(out, "", 0);
	return 0;
}

int an_load_check_text(const char *path, const char *data, size_t len, an_error *err)
{
	int line = 1, col = 1;
	for (size_t i = 0; i < len;) {
		const unsigned char *s = (const unsigned char *)data + i;
		/* ASCII needs no decoding: most of every article, and every
		 * article is checked on every build, in line before the pool */
		if (*s && *s < 0x80) {
			if (*s == '\n') {
				line++;
				col = 1;
			} else {
				col++;
			}
			i++;
			continue;
		}
		if (*s == 0)
			return an_error_set_col(err, path, line, col,
			                        "NUL byte in text; is this a binary file?");
		unsigned cp;
		size_t n = an_utf8_decode(&cp, s, len - i);
		if (n == 0)
			return an_error_set_col(err, path, line, col,
			                        "invalid UTF-8 (byte 0x%02X); save the file as UTF-8",
			                        *s);
		if (*s == '\n') {
			line++;
			col = 0;
		}
		col++;
		i += n;
	}
	return 0;
}

static int has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);
	return n >= m && strcmp(s + n - m, suf) == 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

long an_load_list_dir(char ***out, const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		names = an_xgrow(names, &cap, n + 1, sizeof *names);
		names[n++] = an_xstrdup(e->d_name);
	}
	closedir(d);
	an_qsort(names, n, sizeof *names, cmp_str);
	*out = names;
	return (long)n;
}

void an_load_names_free(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

static void push_source(an_sources *out, const char *rel, an_buf *data)
{
	out->items = an_xgrow(out->items, &out->cap, out->len + 1, sizeof *out->items);
	an_source *s = &out->items[out->len++];
	s->path = an_xstrdup(rel);
	s->len = data->len;
	s->data = an_buf_detach(data);
}

/* Walks ROOT/REL.  `real_root` is the resolved site root, used to refuse
 * symbolic links that point outside the site. */
typedef struct {
	an_load_skip_fn fn;
	void *payload;
} skipper;

static int walk(an_sources *out, const skipper *sk, const char *root, const char *real_root,
                const char *rel, int depth, an_error *err)
{
	if (depth > 32)
		return an_error_set(err, rel, 0, "folders nested too deeply (a link loop?)");
	an_buf dirpath = AN_BUF_INIT;
	an_buf_printf(&dirpath, "%s/%s", root, rel);
	char **names = NULL;
	long listed = an_load_list_dir(&names, dirpath.ptr);
	an_buf_free(&dirpath);
	if (listed < 0)
		return an_error_set(err, rel, 0, "cannot open folder: %s", strerror(errno));
	size_t n = (size_t)listed;

	int rc = 0;
	an_buf childrel = AN_BUF_INIT, childpath = AN_BUF_INIT;
	for (size_t i = 0; i < n && rc == 0; i++) {
		char real[PATH_MAX];
		an_buf_clear(&childrel);
		an_buf_clear(&childpath);
		an_buf_printf(&childrel, "%s/%s", rel, names[i]);
		an_buf_printf(&childpath, "%s/%s", root, childrel.ptr);
		struct stat st;
		if (stat(childpath.ptr, &st) != 0) {
			rc = an_error_set(err, childrel.ptr, 0, "cannot read: %s (a broken link?)",
			                  strerror(errno));
			break;
		}
		size_t rl = strlen(real_root);
		if (!realpath(childpath.ptr, real) || strncmp(real, real_root, rl) != 0 ||
		    (real[rl] != '/' && real[rl] != '\0')) {
			rc = an_error_set(err, childrel.ptr, 0,
			                  "refusing a link that points outside the site");
			break;
		}
		if (S_ISDIR(st.st_mode)) {
			rc = walk(out, sk, root, real_root, childrel.ptr, depth + 1, err);
		} else if (S_ISREG(st.st_mode) && has_suffix(names[i], ".md")) {
			an_buf data = AN_BUF_INIT;
			rc = an_load_file(&data, childpath.ptr, err);
			int text_ok = 1;
			if (rc == 0 && an_load_check_text(childrel.ptr, data.ptr, data.len, err) < 0) {
				text_ok = 0;
				if (sk->fn)
					sk->fn(err, sk->payload); /* left out; the rest loads */
				else
					rc = -1;
			}
			if (rc == 0 && text_ok)
				push_source(out, childrel.ptr, &data);
			an_buf_free(&data);
			if (rc < 0) /* name the file as the user knows it */
				an_error_rename(err, childrel.ptr);
		}
	}
	an_buf_free(&childrel);
	an_buf_free(&childpath);
	an_load_names_free(names, n);
	return rc;
}

int an_load_content_dir_skip(an_sources *out, const char *root, an_load_skip_fn skip,
                             void *payload, an_error *err)
{
	char real_root[PATH_MAX];
	if (!realpath(root, real_root))
		return an_error_set(err, root, 0, "cannot open the site folder: %s",
		                    strerror(errno));
	an_buf content = AN_BUF_INIT;
	an_buf_printf(&content, "%s/content", root);
	struct stat st;
	int is_dir = stat(content.ptr, &st) == 0 && S_ISDIR(st.st_mode);
	an_buf_free(&content);
	if (!is_dir)
		return an_error_set(err, root, 0,
		                    "no content/ folder here; put the articles (*.md) in "
		                    "%s/content or pass --source DIR", root);
	skipper sk = {skip, payload};
	return walk(out, &sk, root, real_root, "content", 0, err);
}

void an_sources_free(an_sources *list)
{
	for (size_t i = 0; i < list->len; i++) {
		free(list->items[i].path);
		free(list->items[i].data);
	}
	free(list->items);
	list->items = NULL;
	list->len = list->cap = 0;
}

int an_load_content_dir(an_sources *out, const char *root, an_error *err)
{
	return an_load_content_dir_skip(out, root, NULL, NULL, err);
}
