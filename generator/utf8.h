/* utf8.h - decoding one UTF-8 sequence, strictly (no overlong forms, no
 * surrogates, nothing past U+10FFFF), without reading past the buffer.
 * Pure function; no allocation. */
#ifndef AN_UTF8_H
#define AN_UTF8_H

#include <stddef.h>

/* Decodes the sequence at s (avail >= 1 bytes) into *cp and returns its
 * length (1-4), or 0 when it is malformed or truncated. */
size_t an_utf8_decode(unsigned *cp, const unsigned char *s, size_t avail);

#endif
