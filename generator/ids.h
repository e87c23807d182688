/* ids.h - unique page names among records that each hold one in a fixed
 * char array (events, entities): the one owner of the rule for repeats. */
#ifndef AN_IDS_H
#define AN_IDS_H

#include <stddef.h>

/* Makes the n ids unique in place.  The ids are char arrays of `size`
 * bytes, `stride` bytes apart, the first at `first`.  An id already taken
 * by an earlier record gets "-2", "-3", ... (the first free one): a count
 * among the records of that name, not a position in the list, so that an
 * edit elsewhere renames nothing (a position moved with every record
 * added before it, and with it the page's address and every link to
 * it).  Linear: a hash set of the ids so far. */
void an_ids_dedupe(char *first, size_t stride, size_t size, size_t n);

#endif
