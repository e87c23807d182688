/* clause.h - the parts of a news sentence that decide which event a date
 * dates: the clause around a date expression, whether that clause is a
 * report ("revealed by CNN on Tuesday", "said on Wednesday", a tweet's
 * signature date) and who reports, and attributions without a date
 * ("according to CNN", "sources told CNN").  Pure functions over byte
 * ranges of a caller's text; no allocation. */
#ifndef AN_CLAUSE_H
#define AN_CLAUSE_H

#include <stddef.h>

#define AN_CLAUSE_NAME_MAX 64

typedef struct {
	size_t start, end; /* the clause the date modifies */
	int is_report;     /* the date modifies a reporting verb */
	/* who reports, folded to a key ("cnn", "turk"): the last word of the
	 * name; "" when the report names nobody */
	char reporter[AN_CLAUSE_NAME_MAX];
	char reporter_name[AN_CLAUSE_NAME_MAX]; /* as written: "CNN", "Volker Türk" */
} an_clause;

/* Describes the date text[ts, te) inside the sentence text[s, e). */
void an_clause_of_date(an_clause *out, const char *text, size_t s, size_t e,
                       size_t ts, size_t te);

/* Finds an attribution to a named source in text[s, e): "according to
 * CNN", "CNN reported", "told CNN", "revealed by CNN".  Returns 1 and fills
 * `reporter` with the folded key and `name` with the name as written (both
 * AN_CLAUSE_NAME_MAX bytes; `name` may be NULL), or returns 0. */
int an_clause_attribution(char *reporter, char *name, const char *text, size_t s, size_t e);

#endif
