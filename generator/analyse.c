/* analyse.c - sentences, timexes and terms of an article (see analyse.h).
 *
 * The tagger runs over the whole text at once, so that a reference time set
 * in one paragraph ("on March 3") carries into the next ("two days later");
 * sentences are split per paragraph, so no sentence spans a block. */
#include "analyse.h"
#include "alloc.h"

#include <stdlib.h>
#include <string.h>

/* Drops the names that lie wholly inside a date expression: "mid-July",
 * "Christmas", "Independence Day" are dates, not people, bodies or
 * places to give a page.  Both lists are in text order. */
static void drop_date_names(an_name_list *names, const an_timex_list *tx)
{
	size_t keep = 0, t = 0;
	for (size_t i = 0; i < names->len; i++) {
		const an_name *nm = &names->items[i];
		while (t < tx->len && tx->items[t].end <= nm->start)
			t++;
		if (t < tx->len && tx->items[t].start <= nm->start && nm->end <= tx->items[t].end)
			continue;
		names->items[keep++] = *nm;
	}
	names->len = keep;
}

void an_analyse(an_analysis *out, const an_article *a)
{
	memset(out, 0, sizeof *out);
	for (size_t p = 0; p < a->n_paras; p++) {
		size_t before = out->sentences.len;
		an_sentence_list local = AN_SENTENCE_LIST_INIT;
		an_sentence_split(&local, a->text + a->paras[p].start, a->paras[p].len);
		for (size_t i = 0; i < local.len; i++) {
			an_sentence s = local.items[i];
			s.start += a->paras[p].start;
			s.end += a->paras[p].start;
			out->sentences.items = an_xgrow(out->sentences.items, &out->sentences.cap,
			                                out->sentences.len + 1, sizeof s);
			out->sentences.items[out->sentences.len++] = s;
		}
		an_sentence_list_free(&local);
		out->sentence_para = an_xrealloc(out->sentence_para,
		                                 (out->sentences.len + 1) * sizeof(size_t));
		for (size_t i = before; i < out->sentences.len; i++)
			out->sentence_para[i] = p;
	}

	an_entity_scan(&out->names, a->text, &out->sentences);
	an_timex_tag(&out->timexes, a->text, a->text_len, a->meta.date);
	drop_date_names(&out->names, &out->timexes);
	/* all three are kept for the whole build */
	out->sentences.items = an_xfit(out->sentences.items, &out->sentences.cap,
	                               out->sentences.len, sizeof *out->sentences.items);
	out->names.items = an_xfit(out->names.items, &out->names.cap, out->names.len,
	                           sizeof *out->names.items);
	out->timexes.items = an_xfit(out->timexes.items, &out->timexes.cap, out->timexes.len,
	                             sizeof *out->timexes.items);
	out->timex_sentence = an_xcalloc(out->timexes.len + 1, sizeof(size_t));
	for (size_t i = 0; i < out->timexes.len; i++)
		out->timex_sentence[i] = an_sentence_find(&out->sentences,
		                                          out->timexes.items[i].start);

	out->terms = an_xcalloc(out->sentences.len + 1, sizeof *out->terms);
	for (size_t i = 0; i < out->sentences.len; i++) {
		const an_sentence *s = &out->sentences.items[i];
		an_terms_add(&out->terms[i], a->text + s->start, s->end - s->start, 1.0);
		an_vec_fit(&out->terms[i]); /* kept until the timeline is made */
	}
}

void an_analysis_shed(an_analysis *an)
{
	for (size_t i = 0; an->terms && i < an->sentences.len; i++)
		an_vec_free(&an->terms[i]);
	free(an->terms);
	an->terms = NULL;
	an_name_list_free(&an->names);
}

void an_analysis_free(an_analysis *an)
{
	if (!an)
		return;
	for (size_t i = 0; an->terms && i < an->sentences.len; i++)
		an_vec_free(&an->terms[i]);
	free(an->terms);
	free(an->timex_sentence);
	free(an->sentence_para);
	an_name_list_free(&an->names);
	an_sentence_list_free(&an->sentences);
	an_timex_list_free(&an->timexes);
	memset(an, 0, sizeof *an);
}
