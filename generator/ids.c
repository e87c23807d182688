/* ids.c - unique page names (see ids.h). */
#include "ids.h"
#include "alloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t id_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

/* Slot of `id` in the open-addressing set (its own or the empty one). */
static size_t id_slot(const char **set, size_t cap, const char *id)
{
	size_t h = (size_t)id_hash(id) & (cap - 1);
	while (set[h] && strcmp(set[h], id) != 0)
		h = (h + 1) & (cap - 1);
	return h;
}

void an_ids_dedupe(char *first, size_t stride, size_t size, size_t n)
{
	size_t cap = 16;
	while (cap < 2 * n + 2)
		cap *= 2;
	const char **set = an_xcalloc(cap, sizeof *set);
	for (size_t i = 0; i < n; i++) {
		char *id = first + i * stride;
		size_t h = id_slot(set, cap, id);
		if (set[h]) {
			size_t l = strlen(id);
			if (l > size - 12) /* room for any count */
				l = size - 12;
			for (unsigned k = 2; set[h]; k++) {
				snprintf(id + l, size - l, "-%u", k);
				h = id_slot(set, cap, id);
			}
		}
		set[h] = id;
	}
	free(set);
}
