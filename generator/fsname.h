/* fsname.h - file names that are safe on every file system a site may be
 * copied to.  Pure functions over a caller's bytes; no allocation. */
#ifndef AN_FSNAME_H
#define AN_FSNAME_H

#include <stddef.h>

/* 1 when name[0, len), up to its first '.', is a device name that Windows
 * reserves in every folder (CON, PRN, AUX, NUL, COM0-9, LPT0-9, any
 * case): "con.html" cannot be created or opened there. */
int an_fsname_reserved(const char *name, size_t len);

#endif
