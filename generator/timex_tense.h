/* timex_tense.h - what the parts of the tense reading share:
 * timex_cue.c gives the tense cue of one word (an_tx_cue),
 * timex_anchor.c the direction of a whole clause (an_tx_direction),
 * timex_subject.c the verb a date that is a subject takes.  Small word
 * and clause tests, inlined (they run at every word of a window); for
 * the tagger's own files only. */
#ifndef AN_TIMEX_TENSE_H
#define AN_TIMEX_TENSE_H

#include "timex_impl.h"

#include <string.h>

/* strcmp's answer, with the first byte compared inline: the tense cues
 * are read at every word of a clause, and nearly all differ there */
static inline int eq(const char *a, const char *b)
{
	return a[0] == b[0] && strcmp(a, b) == 0;
}

static inline int in_list(const char *const *list, const char *w)
{
	for (size_t i = 0; list[i]; i++)
		if (eq(list[i], w))
			return 1;
	return 0;
}

/* Whether w is longer than `min` bytes and ends in suffix: "-ly"
 * adverbs ("previously", not "fly"), "-ed" participles. */
static inline int ends_in(const char *w, const char *suffix, size_t min)
{
	size_t n = strlen(w), k = strlen(suffix);
	return n > min && n >= k && strcmp(w + n - k, suffix) == 0;
}

static inline int word_is(const an_tx_ctx *c, size_t j, const char *w)
{
	return j < c->n && c->tk[j].kind == AN_TK_WORD && eq(c->tk[j].low, w);
}

/* A month's name at j, capitalised: "May", "March" are then no modal, no
 * verb. */
static inline int month_name(const an_tx_ctx *c, size_t j)
{
	return j < c->n && (c->tk[j].w.cls & AN_TXW_MONTH) && c->tk[j].cap;
}

static inline int is_determiner(const an_tx_ctx *c, size_t j)
{
	static const char *const det[] = {"the", "a", "an", "its", "his", "her", "their",
	                                  "our", "this", "that", "whose", "another", "every",
	                                  "each", "my", "your", NULL};
	return j < c->n && c->tk[j].kind == AN_TK_WORD && in_list(det, c->tk[j].low);
}

static const char *const modals[] = {
	"would", "could", "should", "must", "might", "may", "wouldn", "couldn", "shouldn",
	"mustn", NULL};

/* A clause of its own opens at k: after ";" or ", and", ", but". */
static inline int clause_break_before(const an_tx_ctx *c, size_t k)
{
	return k > 0 && (an_tx_is_punct(c, k - 1, ';') ||
	                 (k > 1 && an_tx_is_punct(c, k - 2, ',') &&
	                  (word_is(c, k - 1, "and") || word_is(c, k - 1, "but"))));
}

/* A double quote mark, straight or curly: a quote is a clause of its
 * own, with its own tense ("'We start again on Tuesday,' he said"). */
static inline int quote_mark(const an_tx_ctx *c, size_t j)
{
	if (j >= c->n)
		return 0;
	const char *q = c->tk[j].low;
	return c->tk[j].kind == AN_TK_PUNCT &&
	       (strcmp(q, "\"") == 0 || strcmp(q, "\xe2\x80\x9c") == 0 ||
	        strcmp(q, "\xe2\x80\x9d") == 0);
}

/* A title between quote marks ('the drama "Night Rounds" on Wednesday')
 * is a name, not a quotation with a tense of its own: up to six tokens,
 * words capitalised but for short function words, numbers, apostrophes.
 * Returns the index of the other mark of the title whose closing (dir <
 * 0) or opening (dir > 0) mark is at j, j when none. */
static inline size_t quoted_title(const an_tx_ctx *c, size_t j, int dir)
{
	static const char *const small[] = {"of", "the", "a", "an", "and", "in", "on", "to", "for",
	                                    "at", "with", "from", "s", NULL};
	if (!quote_mark(c, j))
		return j;
	/* the opening mark has no space after it, the closing none before */
	size_t open = dir < 0 ? 0 : j, k = j;
	if (dir < 0 ? c->tk[j].space != 0 : j + 1 >= c->n || c->tk[j + 1].space != 0)
		return j;
	for (size_t n = 0; n <= 6; n++) {
		if (dir < 0 ? k == 0 : k + 1 >= c->n)
			return j;
		k = dir < 0 ? k - 1 : k + 1;
		if (quote_mark(c, k)) {
			if (n == 0 || (dir < 0 ? c->tk[k + 1].space != 0 : c->tk[k].space != 0))
				return j;
			if (dir < 0)
				open = k;
			return c->tk[open + 1].cap ? k : j;
		}
		if (!(c->tk[k].kind == AN_TK_WORD && (c->tk[k].cap || an_tx_one_of(c, k, small))) &&
		    !an_tx_num(c, k) && !an_tx_is_apos(c, k))
			return j;
	}
	return j;
}

/* Whether a clause opens at k: a sentence, a quote, or "But", "And"
 * opening a sentence ("But on Tuesday we start again"). */
static inline int clause_opens(const an_tx_ctx *c, size_t k)
{
	static const char *const conj[] = {"but", "and", "so", "yet", NULL};
	/* (the conjunction may open a quote: '"But the weekend looks') */
	return c->tk[k].sent ||
	       (k > 0 && (quote_mark(c, k - 1) ||
	                  ((c->tk[k - 1].sent || (k > 1 && quote_mark(c, k - 2))) &&
	                   an_tx_one_of(c, k - 1, conj))));
}

/* Verbs that report speech: a past tense after them may be shifted back
 * from a present ("said the road was closed until Monday"). */
static const char *const reporting[] = {
	"said", "says", "told", "tells", "announced", "reported", "added", "stated",
	"noted", "explained", "warned", "insisted", "according", "acknowledged", NULL};

/* timex_sched.c: the words that make a scheduling verb after them an
 * infinitive ("to", modals, "let"); a scheduling present right before
 * the date at [tb, te) ("The Senate votes Tuesday"); a plural one
 * further off ("Lawmakers vote on the bill Tuesday") at j; a past verb
 * in the clause after te. */
extern const char *const an_tx_sched_aux[];
int an_tx_scheduled_present(const an_tx_ctx *c, size_t tb, size_t te);
int an_tx_scheduled_plural(const an_tx_ctx *c, size_t j);
int an_tx_past_after(const an_tx_ctx *c, size_t te);

/* The tense cue of token j, read in its context: 1 ahead, -1 back, 0
 * none (timex_cue.c). */
int an_tx_cue(const an_tx_ctx *c, size_t j);

/* A present perfect ends at the participle j: "has closed", "have been
 * cancelled". */
static inline int present_perfect(const an_tx_ctx *c, size_t j)
{
	size_t h = j > 0 && word_is(c, j - 1, "been") ? j - 1 : j;
	return h > 0 && (word_is(c, h - 1, "has") || word_is(c, h - 1, "have"));
}

/* timex_until.c: the first tense cue after te is a past ("By March, the
 * company had cut 300 jobs"), not a reporting verb; "until" at u follows
 * a past verb of its own clause; a past cue at j is a condition ahead
 * ("if the operators dropped the conditions by Monday"); verbs of
 * promising, whose object is ahead of them. */
int an_tx_right_past(const an_tx_ctx *c, size_t te);
int an_tx_until_past(const an_tx_ctx *c, size_t u, size_t te);
int an_tx_unreal_if(const an_tx_ctx *c, size_t j);
extern const char *const an_tx_promise[];

#endif
