/* lint.h - `annals check`: finds content mistakes without building the
 * site.  Runs every stage it can: each article is parsed on its own (so one
 * bad front matter does not hide the others), then the articles that parse
 * go through the analysis and the timeline.  An an_lint_report owns its
 * findings; free with an_lint_report_free. */
#ifndef AN_LINT_H
#define AN_LINT_H

#include <stddef.h>

#include "buf.h"

typedef enum { AN_LINT_ERROR, AN_LINT_WARNING } an_lint_severity;

/* What each finding is about (its `code`; stable, for tools):
 *   config            annals.yaml does not parse (error), or has keys
 *                     annals does not know (warning; config.c names them)
 *   load              content/ cannot be read (then nothing else runs) error
 *   front-matter      an article's front matter or text does not parse error
 *   no-date           no 'date' in the front matter (a warning in a git
 *                     work tree, where the build can date it from the
 *                     commit that added the file)                      error
 *   duplicate-slug    two articles with one slug                       error
 *   broken-link       a link to a .md file or an article slug that does
 *                     not exist                                         error
 *   unresolved-date   a date the tagger found but could not put on the
 *                     calendar ("3000 years ago": XXXX)                 warning
 *   impossible-date   a day the month does not have ("November 31"),
 *                     which the tagger skips                            warning
 *   disputed-figure   a figure only this article gives, where others
 *                     give another value                                warning
 *   conflicting-date  an event only this article dates, that other
 *                     articles tell with another date                   warning */
typedef struct {
	an_lint_severity severity;
	const char *code; /* static */
	char *file;       /* relative to the site root; "" for the site */
	int line;         /* 1-based; 0 when the whole file */
	char *message;
} an_lint_finding;

typedef struct {
	an_lint_finding *items; /* by file, then line */
	size_t len, cap;
	size_t errors, warnings, articles;
} an_lint_report;

#define AN_LINT_REPORT_INIT {NULL, 0, 0, 0, 0, 0}

/* Lints the site at ROOT.  Problems are findings, never a failure: a site
 * that cannot be read at all gives a `load` error. */
void an_lint_site(an_lint_report *out, const char *root);
/* "file:line: error: message [code]" lines; `color` adds terminal colours. */
void an_lint_text(an_buf *out, const an_lint_report *r, int color);
/* {"errors":N,"warnings":N,"articles":N,"findings":[{"file","line",
 * "severity","code","message"}]} */
void an_lint_json(an_buf *out, const an_lint_report *r);
void an_lint_report_free(an_lint_report *r);

#endif
