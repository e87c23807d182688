/* buf.c - growable byte buffer (see buf.h). */
#include "buf.h"
#include "alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void reserve(an_buf *b, size_t extra)
{
	b->ptr = an_xgrow(b->ptr, &b->cap, b->len + extra + 1, 1);
}

void an_buf_put(an_buf *b, const char *data, size_t len)
{
	reserve(b, len);
	if (len)
		memcpy(b->ptr + b->len, data, len);
	b->len += len;
	b->ptr[b->len] = '\0';
}

void an_buf_puts(an_buf *b, const char *s)
{
	an_buf_put(b, s, strlen(s));
}

void an_buf_putc(an_buf *b, char c)
{
	/* the exports' and escapes' byte at a time: no call to grow or copy
	 * while there is room (the room always holds the terminating NUL) */
	if (b->len + 1 < b->cap) {
		b->ptr[b->len++] = c;
		b->ptr[b->len] = '\0';
		return;
	}
	an_buf_put(b, &c, 1);
}

void an_buf_put_uint(an_buf *b, size_t v)
{
	char digits[24];
	size_t n = sizeof digits;
	do {
		digits[--n] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	an_buf_put(b, digits + n, sizeof digits - n);
}

void an_buf_put_zpad(an_buf *b, long v, int width)
{
	char digits[32];
	size_t n = sizeof digits;
	/* the magnitude as unsigned: -LONG_MIN does not fit a long */
	unsigned long m = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
	do {
		digits[--n] = (char)('0' + m % 10);
		m /= 10;
	} while (m);
	int sign = v < 0;
	while (width > 0 && (size_t)width - (size_t)sign > sizeof digits - n && n > 1)
		digits[--n] = '0';
	if (sign)
		digits[--n] = '-';
	an_buf_put(b, digits + n, sizeof digits - n);
}

void an_buf_vprintf(an_buf *b, const char *fmt, va_list ap)
{
	/* Formatted straight into the room left, which nearly always holds
	 * it (ids, paths, dates): formatting twice, once to measure, was 3%
	 * of a build's instructions.  Only text that does not fit is
	 * formatted again, after the buffer has grown. */
	size_t room = b->cap - b->len;
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(room ? b->ptr + b->len : NULL, room, fmt, ap2);
	va_end(ap2);
	if (n < 0) {
		if (room)
			b->ptr[b->len] = '\0';
		return;
	}
	if ((size_t)n >= room) {
		reserve(b, (size_t)n);
		vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	}
	b->len += (size_t)n;
}

void an_buf_printf(an_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	an_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

/* Bytes JSON text copies as they are: most of every string.  Runs of them
 * go out in one an_buf_put (timeline.json is 100 MB of sentences at
 * 10,000 articles; a put per byte was most of its making). */
static int json_plain(unsigned char c)
{
	return c >= 0x20 && c != '"' && c != '\\' && c != '<';
}

void an_buf_json_str(an_buf *b, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		size_t run = i;
		while (run < len && json_plain((unsigned char)s[run]))
			run++;
		if (run > i) {
			an_buf_put(b, s + i, run - i);
			i = run;
			if (i == len)
				break;
		}
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '"': an_buf_puts(b, "\\\""); break;
		case '\\': an_buf_puts(b, "\\\\"); break;
		case '\n': an_buf_puts(b, "\\n"); break;
		case '\r': an_buf_puts(b, "\\r"); break;
		case '\t': an_buf_puts(b, "\\t"); break;
		case '<': an_buf_puts(b, "\\u003c"); break; /* safe inside <script> */
		default:
			if (c < 0x20)
				an_buf_printf(b, "\\u%04x", c);
			else
				an_buf_putc(b, (char)c);
		}
	}
}

void an_buf_json(an_buf *b, const char *s)
{
	an_buf_putc(b, '"');
	if (s)
		an_buf_json_str(b, s, strlen(s));
	an_buf_putc(b, '"');
}

size_t an_buf_put_span(an_buf *b, const char *s, const char *stop)
{
	size_t run = strcspn(s, stop);
	if (run)
		an_buf_put(b, s, run);
	return run;
}

void an_buf_html(an_buf *b, const char *s)
{
	for (s += an_buf_put_span(b, s, "&<>\"'"); *s; s += an_buf_put_span(b, s, "&<>\"'")) {
		switch (*s++) {
		case '&': an_buf_puts(b, "&amp;"); break;
		case '<': an_buf_puts(b, "&lt;"); break;
		case '>': an_buf_puts(b, "&gt;"); break;
		case '"': an_buf_puts(b, "&quot;"); break;
		default: an_buf_puts(b, "&#39;"); break; /* ' */
		}
	}
}

void an_buf_clear(an_buf *b)
{
	b->len = 0;
	if (b->ptr)
		b->ptr[0] = '\0';
}

char *an_buf_detach(an_buf *b)
{
	char *p = b->ptr ? b->ptr : an_xstrdup("");
	b->ptr = NULL;
	b->len = b->cap = 0;
	return p;
}

void an_buf_free(an_buf *b)
{
	free(b->ptr);
	b->ptr = NULL;
	b->len = b->cap = 0;
}
