/* binread.c - bounds-checked reading of cache files (see binread.h). */
#include "binread.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

uint64_t an_binread_u64(an_binread *r)
{
	uint64_t v = 0;
	if (r->bad || r->left < 8) {
		r->bad = 1;
		return 0;
	}
	memcpy(&v, r->p, 8);
	r->p += 8;
	r->left -= 8;
	return v;
}

size_t an_binread_max(an_binread *r, uint64_t max)
{
	uint64_t v = an_binread_u64(r);
	if (v > max)
		r->bad = 1;
	return r->bad ? 0 : (size_t)v;
}

size_t an_binread_count(an_binread *r, size_t min_bytes)
{
	return an_binread_max(r, r->left / min_bytes);
}

unsigned char *an_binread_file(const char *path, size_t min, uint64_t max, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	unsigned char *data = NULL;
	struct stat st;
	int saved = 0;
	if (fstat(fd, &st) != 0) {
		saved = errno;
		goto done;
	}
	if (S_ISDIR(st.st_mode)) {
		saved = EISDIR;
		goto done;
	}
	if (!S_ISREG(st.st_mode) || (uint64_t)st.st_size < min ||
	    (uint64_t)st.st_size > max)
		goto done;
	/* plain malloc: a file too big for memory is ignored, not fatal */
	data = malloc((size_t)st.st_size);
	if (!data)
		goto done;
	size_t got = 0, want = (size_t)st.st_size;
	while (got < want) {
		ssize_t n = read(fd, data + got, want - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			saved = n < 0 ? errno : 0; /* 0: shrank under us */
			free(data);
			data = NULL;
			goto done;
		}
		got += (size_t)n;
	}
	*len = got;
done:
	close(fd);
	errno = saved;
	return data;
}
