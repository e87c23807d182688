/* replay.c - runs a fuzz target's entry point over files, without
 * libFuzzer: every crash `make fuzz` ever found is kept in
 * tests/fuzz/corpus/<target>/ and replayed by `make check-replay` (part of
 * `make check`, and under ASan+UBSan in `make check-asan`), built with any
 * C compiler.
 *
 *   replay_<target> FILE|DIR...   prints "replay: N inputs" and exits 0,
 *                                 or dies in the target on a regression */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "buf.h"
#include "load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay_file(const char *path)
{
	an_buf b = AN_BUF_INIT;
	an_error err = AN_ERROR_INIT;
	if (an_load_file(&b, path, &err) < 0) {
		an_error_print(&err, stderr);
		an_buf_free(&b);
		return -1;
	}
	/* an exact-size copy: a sanitiser sees reads past the end */
	uint8_t *copy = an_xmalloc(b.len ? b.len : 1);
	memcpy(copy, b.ptr, b.len);
	LLVMFuzzerTestOneInput(copy, b.len);
	free(copy);
	an_buf_free(&b);
	return 0;
}

static int replay(const char *path, size_t *n)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		perror(path);
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		++*n;
		return replay_file(path);
	}
	char **names;
	long listed = an_load_list_dir(&names, path);
	if (listed < 0) {
		perror(path);
		return -1;
	}
	size_t len = (size_t)listed;
	int rc = 0;
	for (size_t i = 0; i < len; i++) {
		an_buf p = AN_BUF_INIT;
		an_buf_printf(&p, "%s/%s", path, names[i]);
		if (rc == 0)
			rc = replay(p.ptr, n);
		an_buf_free(&p);
	}
	an_load_names_free(names, len);
	return rc;
}

int main(int argc, char **argv)
{
	size_t n = 0;
	for (int i = 1; i < argc; i++)
		if (replay(argv[i], &n) < 0)
			return 1;
	printf("replay: %zu inputs\n", n);
	return 0;
}
