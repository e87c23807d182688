/* scaffold.h - `annals new`: a new site folder that builds as it is, and
 * new article files with their front matter filled in.  Writes files and
 * returns; owns nothing.  Today's date is a parameter, never read here. */
#ifndef AN_SCAFFOLD_H
#define AN_SCAFFOLD_H

#include <stddef.h>

#include "date.h"
#include "error.h"

/* Creates DIR (which must not exist, or be an empty folder) with
 * annals.yaml, content/ with one example article published `today`, and
 * themes/ (where a theme of the same name overrides the installed one).
 * Returns 0, or -1 with `err` set; on failure the files written so far
 * stay (nothing in DIR existed before). */
int an_scaffold_site(const char *dir, an_date today, an_error *err);

/* Writes ROOT/content/DATE-SLUG.md with front matter (title, date, slug)
 * and a line to replace, never overwriting a file.  `slug` NULL: made from
 * the title (an_scaffold_slug).  Fills `out` (`size` bytes) with the path
 * written.  Returns 0, or -1 with `err` set (no content/ in ROOT, a bad
 * slug, the file exists). */
int an_scaffold_article(char *out, size_t size, const char *root, const char *title,
                        const char *slug, an_date date, an_error *err);

/* A slug from a title: lower case, Latin accents folded ("Türk" -> "turk"),
 * every other run of characters a single '-', at most 60 bytes, cut at a
 * '-'; "article" when nothing is left.  `out` holds `size` bytes. */
void an_scaffold_slug(char *out, size_t size, const char *title);

#endif
