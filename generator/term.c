/* term.c - colours on a terminal (see term.h). */
#include "term.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int an_term_interactive(FILE *f)
{
	const char *term = getenv("TERM");
	if (term && strcmp(term, "dumb") == 0)
		return 0;
	return f && isatty(fileno(f));
}

int an_term_color(FILE *f)
{
	const char *no = getenv("NO_COLOR");
	if (no && *no)
		return 0;
	return an_term_interactive(f);
}

const char *an_term_sgr(int on, const char *code)
{
	return on ? code : "";
}
