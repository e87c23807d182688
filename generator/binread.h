/* binread.h - reading the binary files annals keeps in its cache folder
 * (acache.c, timeline_cache.c): a cursor over a payload in memory whose
 * every read checks what is left, so a lying count or length can only
 * run the cursor out (`bad` set, zeros read), never past the end. */
#ifndef AN_BINREAD_H
#define AN_BINREAD_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
	const unsigned char *p;
	size_t left;
	int bad; /* a read ran out or a value was out of range */
} an_binread;

/* A uint64_t in the byte order of the machine that wrote it. */
uint64_t an_binread_u64(an_binread *r);
/* A value that must be at most `max`. */
size_t an_binread_max(an_binread *r, uint64_t max);
/* A count of items that each take at least `min_bytes` of what is left,
 * so no allocation outgrows the file. */
size_t an_binread_count(an_binread *r, size_t min_bytes);
/* The whole regular file at `path` (malloc'd, *len its size), or NULL with
 * errno 0 when it is not worth reading (missing, shorter than `min` or
 * longer than `max` bytes, not a regular file, too big for memory) and
 * errno set on an I/O error. */
unsigned char *an_binread_file(const char *path, size_t min, uint64_t max, size_t *len);

#endif
