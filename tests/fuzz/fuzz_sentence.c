/* fuzz_sentence.c - libFuzzer target: the sentence splitter (sentence.c)
 * on raw bytes.  Checks that sentences are non-empty, in order, inside the
 * text and disjoint, and that an_sentence_find returns an index in range
 * for every byte position. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "sentence.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = an_xmalloc(size ? size : 1);
	memcpy(text, data, size);
	an_sentence_list list = AN_SENTENCE_LIST_INIT;
	an_sentence_split(&list, text, size);
	size_t prev_end = 0;
	for (size_t i = 0; i < list.len; i++) {
		const an_sentence *s = &list.items[i];
		if (s->start >= s->end || s->end > size || s->start < prev_end)
			abort();
		prev_end = s->end;
	}
	if (list.len > 0)
		for (size_t pos = 0; pos <= size; pos += 1 + size / 64)
			if (an_sentence_find(&list, pos) >= list.len)
				abort();
	an_sentence_list_free(&list);
	free(text);
	return 0;
}
