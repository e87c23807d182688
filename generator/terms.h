/* terms.h - content terms of a piece of text, as a weighted sparse vector,
 * for telling whether two sentences talk about the same thing.  Words are
 * folded (case, Latin accents, plural and verb endings) and stop words are
 * dropped; capitalised names weigh more.  an_vec owns its array; free with
 * an_vec_free. */
#ifndef AN_TERMS_H
#define AN_TERMS_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
	uint64_t id; /* hash of the folded term */
	double w;
} an_term;

typedef struct {
	an_term *items; /* sorted by id, ids unique */
	size_t len, cap;
} an_vec;

#define AN_VEC_INIT {NULL, 0, 0}

/* Adds the terms of text[0, len) to `out` with weight `scale` each (names
 * 1.5 x scale).  Keeps `out` sorted and merged. */
void an_terms_add(an_vec *out, const char *text, size_t len, double scale);
/* out += scale * v */
void an_vec_add(an_vec *out, const an_vec *v, double scale);
/* Multiplies each weight by idf(id); `idf` returns the weight for an id. */
void an_vec_weight(an_vec *v, double (*idf)(uint64_t id, void *payload), void *payload);
double an_vec_cosine(const an_vec *a, const an_vec *b);
/* The parts of the cosine, for callers that compare one vector many times
 * and keep its norm: cosine = dot / (norm(a) * norm(b)). */
double an_vec_dot(const an_vec *a, const an_vec *b);
/* Gives back the room v grew beyond its terms, for a vector kept long. */
void an_vec_fit(an_vec *v);
double an_vec_norm(const an_vec *v);
void an_vec_free(an_vec *v);
/* Folds one word as an_terms_add does, into `out` (size >= len + 1); returns
 * the folded length, 0 for a stop word.  Exposed for tests and entities. */
size_t an_terms_fold(char *out, const char *word, size_t len);
/* Folds case and Latin accents only ("Türk" -> "turk"), for names; `out`
 * holds len + 1 bytes.  Returns the length. */
size_t an_terms_fold_name(char *out, const char *word, size_t len);

/* Document frequencies: in how many texts (sentences) each term occurs,
 * for weighting rare terms up.  Owns its tables; free with an_df_free. */
typedef struct an_df an_df;

an_df *an_df_new(void);
/* Counts one text with the terms of `v` (each id once, as ids are unique). */
void an_df_add(an_df *df, const an_vec *v);
/* Inverse document frequency of `id`; `payload` is the an_df (this is the
 * callback an_vec_weight takes). */
double an_df_idf(uint64_t id, void *payload);
/* A number below an_df_size(df) for each id counted, distinct ids getting
 * distinct numbers, for callers that keep arrays indexed by term;
 * (size_t)-1 for an id never counted (or 0, which shares 1's count).
 * Valid until the next an_df_add. */
size_t an_df_index(const an_df *df, uint64_t id);
size_t an_df_size(const an_df *df);
void an_df_free(an_df *df);

#endif
