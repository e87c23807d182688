/* paths.h - where annals finds its own files (the Lua modules and the
 * installed themes): beside the binary in a source tree (bin/../lua), or
 * under PREFIX/share/annals for an installed binary (bin/../share/annals).
 * Relocatable: nothing is compiled in. */
#ifndef AN_PATHS_H
#define AN_PATHS_H

#include "error.h"

/* Fills `out` (PATH_MAX bytes) with the folder that holds lua/ and themes/.
 * The environment variable ANNALS_DATA_DIR overrides the search.  Returns 0,
 * or -1 with `err` saying where it looked. */
int an_paths_data_dir(char *out, const char *argv0, an_error *err);
/* Finds theme NAME: SITE_ROOT/themes/NAME first, then DATA_DIR/themes/NAME.
 * Fills `out` (PATH_MAX bytes).  Returns 0 or -1 with `err` set. */
int an_paths_theme(char *out, const char *site_root, const char *data_dir,
                   const char *name, an_error *err);

#endif
