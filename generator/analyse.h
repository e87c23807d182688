/* analyse.h - the analysis stage: the sentences, date expressions and
 * content terms of one article.  an_analysis owns its lists and vectors
 * (free with an_analysis_free); offsets point into the article's `text`,
 * which must outlive it. */
#ifndef AN_ANALYSE_H
#define AN_ANALYSE_H

#include <stddef.h>

#include "article.h"
#include "entity.h"
#include "sentence.h"
#include "terms.h"
#include "timex.h"

typedef struct {
	an_sentence_list sentences;
	an_timex_list timexes;
	size_t *timex_sentence; /* sentence index of each timex */
	size_t *sentence_para;  /* paragraph index of each sentence */
	an_vec *terms;          /* content terms of each sentence */
	an_name_list names;     /* names of people, organisations, places */
} an_analysis;

/* Analyses `a`, dating relative expressions from its publication date. */
void an_analyse(an_analysis *out, const an_article *a);
void an_analysis_free(an_analysis *an);
/* Frees what only the timeline and the entity stage read: the sentences'
 * terms and the names (NULL and empty after).  For a build that has made
 * both, and that will not cache the analysis after. */
void an_analysis_shed(an_analysis *an);

#endif
