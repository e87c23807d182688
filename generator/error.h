/* error.h - the error record every fallible annals function fills.
 * It is a plain value (no heap): callers keep one on the stack, pass its
 * address down, and print it once at the top.  Functions that fail return a
 * negative number and set the record; success leaves it untouched. */
#ifndef AN_ERROR_H
#define AN_ERROR_H

#include <stdio.h>

typedef struct {
	char file[512]; /* "" when the error has no file */
	int line;       /* 1-based; 0 when unknown */
	int col;        /* 1-based; 0 when unknown */
	char msg[1024];
} an_error;

#define AN_ERROR_INIT {"", 0, 0, ""}

/* Sets the record and returns -1, so callers can `return an_error_set(...)`. */
int an_error_set(an_error *err, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
int an_error_set_col(an_error *err, const char *file, int line, int col,
                     const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Replaces the file an error names (e.g. an absolute path by the path the
 * user wrote). */
void an_error_rename(an_error *err, const char *file);
/* Prints "file:line:col: message" (the parts that are known) to `f`. */
void an_error_print(const an_error *err, FILE *f);

#endif
