/* fsname.c - file names safe on every file system (see fsname.h). */
#include "fsname.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

int an_fsname_reserved(const char *name, size_t len)
{
	static const char *const devices[] = {"con", "prn", "aux", "nul"};
	const char *dot = memchr(name, '.', len);
	size_t n = dot ? (size_t)(dot - name) : len;
	/* Windows also ignores trailing spaces: "con .txt" is CON */
	while (n > 0 && name[n - 1] == ' ')
		n--;
	if (n == 3) {
		for (size_t i = 0; i < sizeof devices / sizeof *devices; i++)
			if (strncasecmp(name, devices[i], 3) == 0)
				return 1;
	}
	if (n == 4 && isdigit((unsigned char)name[3]) &&
	    (strncasecmp(name, "com", 3) == 0 || strncasecmp(name, "lpt", 3) == 0))
		return 1;
	return 0;
}
