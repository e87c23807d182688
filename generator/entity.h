/* entity.h - people, organisations and places named in the articles.
 * Found without a list of names: capitalised word runs, titles that open a
 * person's name ("Foreign Secretary Yvette Cooper"), keywords that mark an
 * organisation ("Ministry", "Command") or a place ("Sea", "Coast"), and the
 * prepositions before places.  Variants merge: "Volker Türk", "Volker Turk"
 * and "Türk"; "UK" and "United Kingdom".  Lists own their arrays and
 * strings; free with the matching _free. */
#ifndef AN_ENTITY_H
#define AN_ENTITY_H

#include <stddef.h>

#include "sentence.h"

typedef enum {
	AN_ENTITY_NAME, /* a name of unknown kind */
	AN_ENTITY_PERSON,
	AN_ENTITY_ORG,
	AN_ENTITY_PLACE
} an_entity_type;

/* One occurrence of a name in an article's text. */
typedef struct {
	size_t sentence;
	size_t start, end;  /* the whole run, title included */
	size_t name_start;  /* where the name proper begins, after a title */
	an_entity_type hint;
	int opens_sentence; /* its first word is the sentence's first word */
} an_name;

typedef struct {
	an_name *items;
	size_t len, cap;
} an_name_list;

#define AN_NAME_LIST_INIT {NULL, 0, 0}

/* Appends the names in each sentence of text to `out`. */
void an_entity_scan(an_name_list *out, const char *text, const an_sentence_list *sentences);
void an_name_list_free(an_name_list *list);

typedef struct {
	char id[64];      /* for its page: "volker-turk" */
	char *name;       /* the fullest form seen: "Volker Türk" */
	an_entity_type type;
	char **variants;  /* every form as written, without titles */
	size_t n_variants;
	size_t *docs;     /* articles naming it, ascending */
	size_t n_docs;
	size_t mentions;  /* occurrences */
} an_entity;

typedef struct {
	an_entity *items; /* most mentioned first */
	size_t len;
} an_entities;

/* The names of one article, as the entity stage reads them. */
typedef struct {
	const char *text;
	const an_name_list *names;
} an_entity_doc;

/* Merges the names of all articles into entities; `entity_of` (may be
 * NULL) receives, per article, an array (caller frees each and the outer
 * array with free()) giving the entity index of each name, or -1 for a
 * name that made no entity. */
void an_entities_build(an_entities *out, const an_entity_doc *docs, size_t n_docs,
                       long ***entity_of);
const char *an_entity_type_name(an_entity_type type);
void an_entities_free(an_entities *ents);

#endif
