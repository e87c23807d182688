/* fuzz_timex.c - libFuzzer target: the date tagger (timex*.c) and both of
 * its output formats.  The first three bytes pick the reference date, the
 * rest is the text, passed as raw bytes (the tagger must not read past
 * `len` nor trust the text to be UTF-8 or free of NUL).  Checks that the
 * timexes are in order, inside the text and do not overlap, and that every
 * value is a NUL-terminated string. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "timex.h"
#include "timex_format.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 3)
		return 0;
	/* years 1900..2155, every month and day the calendar has */
	an_date dct = {1900 + data[0], 1 + data[1] % 12, 1};
	dct.d = 1 + data[2] % an_date_days_in_month(dct.y, dct.m);
	data += 3;
	size -= 3;
	/* an exact-size copy, so ASan sees any read past the end */
	char *text = an_xmalloc(size ? size : 1);
	memcpy(text, data, size);

	an_timex_list list = AN_TIMEX_LIST_INIT;
	an_timex_tag(&list, text, size, dct);
	size_t prev_end = 0;
	for (size_t i = 0; i < list.len; i++) {
		const an_timex *t = &list.items[i];
		if (t->start >= t->end || t->end > size || t->start < prev_end)
			abort();
		if (!memchr(t->value, '\0', sizeof t->value) || !memchr(t->mod, '\0', sizeof t->mod))
			abort();
		prev_end = t->end;
	}
	an_buf out = AN_BUF_INIT;
	an_timex_format_json(&out, text, size, dct, &list);
	an_buf_clear(&out);
	an_timex_format_timeml(&out, text, size, dct, &list);
	an_buf_free(&out);
	an_timex_list_free(&list);
	free(text);
	return 0;
}
