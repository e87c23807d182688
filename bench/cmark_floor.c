/* cmark_floor.c - the floor of the benchmark (bench/run.sh): libcmark
 * alone rendering the Markdown bodies of a corpus to HTML in one process,
 * with nothing else (no front matter, no dates, no theme, no output).
 * Reads every *.md under DIR/content, skips the front matter, renders each
 * body with cmark_markdown_to_html and prints the count and bytes.
 *
 *   cmark_floor DIR
 */
#define _DEFAULT_SOURCE
#include <cmark.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static size_t n_files, n_in, n_out;

static void render(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return;
	fseek(f, 0, SEEK_END);
	long len = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)len + 1);
	if (!buf || fread(buf, 1, (size_t)len, f) != (size_t)len) {
		fclose(f);
		free(buf);
		return;
	}
	fclose(f);
	buf[len] = '\0';
	const char *body = buf;
	if (strncmp(buf, "---\n", 4) == 0) {
		const char *end = strstr(buf + 4, "\n---\n");
		if (end)
			body = end + 5;
	}
	size_t blen = (size_t)(buf + len - body);
	char *html = cmark_markdown_to_html(body, blen, CMARK_OPT_VALIDATE_UTF8);
	n_files++;
	n_in += blen;
	n_out += strlen(html);
	free(html);
	free(buf);
}

static void walk(const char *dir)
{
	struct dirent **names;
	int n = scandir(dir, &names, NULL, alphasort);
	for (int i = 0; i < n; i++) {
		const char *name = names[i]->d_name;
		if (name[0] != '.') {
			char path[4096];
			struct stat st;
			snprintf(path, sizeof path, "%s/%s", dir, name);
			size_t l = strlen(name);
			if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
				walk(path);
			else if (l > 3 && strcmp(name + l - 3, ".md") == 0)
				render(path);
		}
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: cmark_floor DIR\n");
		return 2;
	}
	char content[4096];
	snprintf(content, sizeof content, "%s/content", argv[1]);
	walk(content);
	printf("cmark_floor: %zu bodies, %.1f MB Markdown -> %.1f MB HTML\n", n_files,
	       n_in / 1e6, n_out / 1e6);
	return 0;
}
