/* term.h - colours on a terminal, for humans only: never when the stream is
 * not a terminal, when TERM is "dumb", or when NO_COLOR is set to anything
 * non-empty (https://no-color.org).  Owns nothing. */
#ifndef AN_TERM_H
#define AN_TERM_H

#include <stdio.h>

#define AN_TERM_RED "\033[31m"
#define AN_TERM_YELLOW "\033[33m"
#define AN_TERM_GREEN "\033[32m"
#define AN_TERM_BOLD "\033[1m"
#define AN_TERM_RESET "\033[0m"

/* 1 when `f` is a terminal that can redraw a line (not "dumb"): where a
 * progress line may go.  Colours also need NO_COLOR unset. */
int an_term_interactive(FILE *f);
/* 1 when colour codes may be written to `f`. */
int an_term_color(FILE *f);
/* `code` when `on`, else "": printf("%s...%s", an_term_sgr(c, RED), an_term_sgr(c, RESET)). */
const char *an_term_sgr(int on, const char *code);

#endif
