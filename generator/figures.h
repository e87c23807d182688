/* figures.h - figures stated in the articles ("at least 76 people killed",
 * "a death toll of more than 70") and the quantities they disagree on.
 * A figure is a number with what it counts, found from the words around
 * it; figures of one kind and similar size count one quantity, and a
 * quantity stated with different values is disputed.  Lists own their
 * arrays; free with the matching _free. */
#ifndef AN_FIGURES_H
#define AN_FIGURES_H

#include <stddef.h>

#include "sentence.h"
#include "timex.h"

#define AN_FIGURE_KEY_MAX 32

typedef struct {
	size_t doc, sentence;
	size_t start, end; /* the figure as written, modifier included: "at least 76" */
	double value;
	char key[AN_FIGURE_KEY_MAX]; /* what it counts, folded: "kill", "strike" */
	char label[AN_FIGURE_KEY_MAX]; /* for readers: "people killed", "strikes" */
	int event_count; /* it counts an event's toll (killed, injured, arrested,
	                  * strikes), not a plain noun ("48 cents") */
} an_figure;

typedef struct {
	an_figure *items;
	size_t len, cap;
} an_figure_list;

#define AN_FIGURE_LIST_INIT {NULL, 0, 0}

/* Appends the figures of article `doc` (its text and sentences); numbers
 * inside date expressions are not figures. */
void an_figures_scan(an_figure_list *out, size_t doc, const char *text,
                     const an_sentence_list *sentences, const an_timex_list *timexes);
void an_figure_list_free(an_figure_list *list);

typedef struct {
	char quantity[AN_FIGURE_KEY_MAX]; /* the label: "people killed" */
	size_t *figures; /* indices into the figure list, by value */
	size_t n_figures;
} an_dispute;

typedef struct {
	an_dispute *items;
	size_t len;
} an_disputes;

/* The quantities stated with two or more different values. */
void an_disputes_find(an_disputes *out, const an_figure_list *figures);
/* The same within groups of articles: figures of docs d1 and d2 count one
 * quantity only if doc_group[d1] == doc_group[d2] (NULL: one group).  A
 * large archive states "people killed" for many unrelated incidents; one
 * site-wide chain of them would be one dispute as large as the archive. */
void an_disputes_find_grouped(an_disputes *out, const an_figure_list *figures,
                              const size_t *doc_group);
void an_disputes_free(an_disputes *d);

#endif
