/* timex.c - placeholder; the real tagger replaces this file. */
#include "timex.h"
#include "alloc.h"

#include <stdlib.h>

void an_timex_tag(an_timex_list *out, const char *text, size_t len, an_date dct)
{
	(void)out; (void)text; (void)len; (void)dct;
}

void an_timex_list_free(an_timex_list *list)
{
	free(list->items);
	list->items = NULL;
	list->len = list->cap = 0;
}

const char *an_timex_type_name(an_timex_type type)
{
	switch (type) {
	case AN_TIMEX_DATE: return "DATE";
	case AN_TIMEX_TIME: return "TIME";
	case AN_TIMEX_DURATION: return "DURATION";
	case AN_TIMEX_SET: return "SET";
	}
	return "DATE";
}
