/* error.c - error records (see error.h). */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>

static int vset(an_error *err, const char *file, int line, int col,
                const char *fmt, va_list ap)
{
	if (!err)
		return -1;
	snprintf(err->file, sizeof err->file, "%s", file ? file : "");
	err->line = line;
	err->col = col;
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	return -1;
}

int an_error_set(an_error *err, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vset(err, file, line, 0, fmt, ap);
	va_end(ap);
	return -1;
}

int an_error_set_col(an_error *err, const char *file, int line, int col,
                     const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vset(err, file, line, col, fmt, ap);
	va_end(ap);
	return -1;
}

void an_error_rename(an_error *err, const char *file)
{
	snprintf(err->file, sizeof err->file, "%s", file);
}

void an_error_print(const an_error *err, FILE *f)
{
	fputs("annals: ", f);
	if (err->file[0]) {
		fputs(err->file, f);
		if (err->line > 0) {
			fprintf(f, ":%d", err->line);
			if (err->col > 0)
				fprintf(f, ":%d", err->col);
		}
		fputs(": ", f);
	}
	fprintf(f, "%s\n", err->msg[0] ? err->msg : "unknown error");
}
