/* buf.h - a growable byte buffer, always NUL-terminated.
 * The buffer owns `ptr`; an_buf_free releases it, an_buf_detach hands it to
 * the caller (who frees it with free()). */
#ifndef AN_BUF_H
#define AN_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct {
	char *ptr;
	size_t len;
	size_t cap;
} an_buf;

#define AN_BUF_INIT {NULL, 0, 0}

void an_buf_put(an_buf *b, const char *data, size_t len);
void an_buf_puts(an_buf *b, const char *s);
void an_buf_putc(an_buf *b, char c);
/* Appends v in decimal ("%zu"). */
void an_buf_put_uint(an_buf *b, size_t v);
/* Appends v in decimal with zeros in front up to `width` characters, the
 * sign counted, as "%0*ld" does ("%d" with width 0): the dates and
 * counts of the exports and labels, made for every event of every
 * build, where vsnprintf cost a few thousand instructions a call. */
void an_buf_put_zpad(an_buf *b, long v, int width);
void an_buf_printf(an_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void an_buf_vprintf(an_buf *b, const char *fmt, va_list ap);
/* Appends `s` as the body of a JSON string (no quotes added). */
void an_buf_json_str(an_buf *b, const char *s, size_t len);
/* Appends s as HTML text, good in element content and quoted attributes:
 * & < > " ' as entities. */
void an_buf_html(an_buf *b, const char *s);
/* Appends the longest start of s that holds none of the bytes of `stop`
 * (strcspn), and returns its length: the plain run before the next byte
 * an escape or a scan must look at. */
size_t an_buf_put_span(an_buf *b, const char *s, const char *stop);
/* Appends `s` as a quoted JSON string. */
void an_buf_json(an_buf *b, const char *s);
void an_buf_clear(an_buf *b);
/* Returns the contents (never NULL; "" when empty); caller frees with free(). */
char *an_buf_detach(an_buf *b);
void an_buf_free(an_buf *b);

#endif
