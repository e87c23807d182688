/* timeline_event.c - clusters become events (see timeline_impl.h): the
 * representative mention, its headline and summary, the sources, the id. */
#include "timeline_impl.h"
#include "alloc.h"
#include "headline.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- turning clusters into events ---- */

static int cmp_size(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, c = *(const size_t *)y;
	return a < c ? -1 : a > c;
}


static const char *sentence_text(const builder *b, const an_mention *m, size_t *len)
{
	const an_doc *d = &b->docs[m->doc];
	const an_sentence *s = &d->analysis->sentences.items[m->sentence];
	*len = s->end - s->start;
	return d->article->text + s->start;
}

/* Words of s[0, len), runs between spaces, as headlines are counted. */
static size_t spaced_words(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0, in = 0; i < len; i++) {
		int sp = s[i] == ' ';
		n += !sp && !in;
		in = !sp;
	}
	return n;
}

/* The headline a mention would give its event, written into *title;
 * returns the number of words it keeps. */
/* Does the sentence of mention c date something else too? */
static int other_date_in_sentence(const builder *b, const cand *c)
{
	const an_analysis *an = b->docs[c->m.doc].analysis;
	/* timex_sentence ascends (both lists are in text order): search for the
	 * sentence's first timex instead of scanning them all per mention */
	size_t lo = 0, hi = an->timexes.len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (an->timex_sentence[mid] < c->m.sentence)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t t = lo; t < an->timexes.len && an->timex_sentence[t] == c->m.sentence; t++)
		if ((long)t != c->m.timex)
			return 1;
	return 0;
}

/* "who was born in Prague", "was found guilty in 1991": a clause without a
 * subject of its own makes no headline; the sentence must.  A clause that
 * can stand opens with a name, a determiner or a subordinator. */
static int relative_clause(const char *t, size_t s, size_t e)
{
	static const char *const rel[] = {"who ", "which ", "that ", "whose ", "whom ",
	                                  "where ", "when ", NULL};
	static const char *const opens[] = {"the ", "a ", "an ", "his ", "her ", "its ",
	                                    "their ", "after ", "before ", "as ",
	                                    "while ", "because ", "since ", "until ",
	                                    "although ", "though ", "once ", NULL};
	while (s < e && (t[s] == ' ' || t[s] == ','))
		s++;
	for (const char *const *r = rel; *r; r++)
		if (e - s > strlen(*r) && strncasecmp(t + s, *r, strlen(*r)) == 0)
			return 1;
	if (s < e && (isupper((unsigned char)t[s]) || (unsigned char)t[s] >= 0x80))
		return 0;
	for (const char *const *o = opens; *o; o++)
		if (e - s > strlen(*o) && strncmp(t + s, *o, strlen(*o)) == 0)
			return 0;
	return 1;
}

static size_t mention_headline(const builder *b, const cand *c, char **title)
{
	size_t len;
	const char *text = sentence_text(b, &c->m, &len);
	size_t cs = 0, ce = 0;
	if (c->tx) {
		size_t s0 = b->docs[c->m.doc].analysis->sentences.items[c->m.sentence].start;
		/* "residents fled on Monday, after the dam failed on Sunday":
		 * each date's headline comes from its own clause */
		if (other_date_in_sentence(b, c) && c->dt->clause.end > c->dt->clause.start &&
		    !relative_clause(b->docs[c->m.doc].article->text, c->dt->clause.start,
		                     c->dt->clause.end)) {
			text = b->docs[c->m.doc].article->text + c->dt->clause.start;
			len = c->dt->clause.end - c->dt->clause.start;
			s0 = c->dt->clause.start;
		}
		cs = c->tx->start - s0;
		ce = c->tx->end - s0;
	}
	*title = an_headline(text, len, cs, ce);
	return spaced_words(*title, strlen(*title));
}

/* At most how many words mention_headline can return for c: a headline
 * keeps AN_HEADLINE_WORDS words or fewer, or, when nothing survives its
 * cuts, falls back to the start of the text it was given, which is the
 * sentence or a clause inside it. */
static size_t headline_words_bound(const builder *b, const cand *c)
{
	size_t len;
	const char *text = sentence_text(b, &c->m, &len);
	size_t n = spaced_words(text, len);
	return n > AN_HEADLINE_WORDS ? n : AN_HEADLINE_WORDS;
}

/* The member that best represents the cluster: one told with the event's
 * own date, then one whose headline keeps the most of its sentence (a
 * sentence cut short makes a poor headline), then the one closest to all
 * others, then the earliest article.  Fills *title with its headline. */
static size_t representative(const builder *b, const cluster *cl, char **title)
{
	size_t best = cl->members[0];
	double best_score = -1;
	*title = NULL;
	for (size_t i = 0; i < cl->n; i++) {
		const cand *c = &b->cands[cl->members[i]];
		double score = an_tl_sim(c, cl);
		char *t = NULL;
		int own_date = c->tx && strcmp(c->dt->key, cl->key) == 0;
		if (!c->tx || own_date) {
			/* A headline costs more than the rest together: skip it
			 * when even the longest this member could have would
			 * not beat the best so far (the bound is summed as the
			 * score is, so rounding cannot put the score above it) */
			double bound = score + 0.05 * (double)headline_words_bound(b, c);
			if (own_date)
				bound += 10;
			if (bound < best_score - 1e-9)
				continue;
			score += 0.05 * (double)mention_headline(b, c, &t);
		}
		if (own_date)
			score += 10; /* told with the event's own date */
		if (score > best_score + 1e-9 ||
		    (fabs(score - best_score) <= 1e-9 && c->m.doc < b->cands[best].m.doc)) {
			best_score = score;
			best = cl->members[i];
			free(*title);
			*title = t;
		} else {
			free(t);
		}
	}
	if (!*title)
		mention_headline(b, &b->cands[best], title);
	return best;
}

static uint64_t hash_str(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

/* The headline names the reporter already: its last word ("Castro" of
 * "President Fidel Castro") stands in it as a word of its own. */
static int names_reporter(const char *title, const char *name)
{
	const char *last = strrchr(name, ' ');
	last = last ? last + 1 : name;
	size_t n = strlen(last);
	if (n == 0)
		return 1;
	for (const char *p = strstr(title, last); p; p = strstr(p + 1, last)) {
		int starts = p == title || !isalnum((unsigned char)p[-1]);
		int ends = !isalnum((unsigned char)p[n]);
		if (starts && ends)
			return 1;
	}
	return 0;
}

void an_tl_make_event(an_event *ev, const builder *b, const cluster *cl)
{
	memset(ev, 0, sizeof *ev);
	size_t rep = representative(b, cl, &ev->title);
	const cand *r = &b->cands[rep];
	ev->span = cl->span;
	if (r->tx) {
		snprintf(ev->value, sizeof ev->value, "%s", r->tx->value);
		/* The mod of a mention with the event's own date: "early
		 * September" says more than "since September". */
		for (size_t i = 0; i < cl->n; i++) {
			const cand *c = &b->cands[cl->members[i]];
			if (c->tx && c->tx->mod[0] && strcmp(c->dt->key, cl->key) == 0) {
				snprintf(ev->mod, sizeof ev->mod, "%s", c->tx->mod);
				break;
			}
		}
	} else {
		ev->span.gran = AN_GRAN_NONE;
	}

	size_t len;
	const char *text = sentence_text(b, &r->m, &len);
	ev->summary = an_xstrndup(text, len);
	/* a report's headline says whose report it is */
	const char *name = r->dt->clause.reporter_name;
	if (r->tx && r->dt->clause.is_report && name[0] && !names_reporter(ev->title, name)) {
		char *t = an_headline_reported(ev->title, name);
		free(ev->title);
		ev->title = t;
	}

	ev->n_mentions = cl->n;
	ev->mentions = an_xmalloc(cl->n * sizeof *ev->mentions);
	ev->sources = an_xmalloc(cl->n * sizeof *ev->sources);
	/* Mentions in document order, so pages list sources consistently. */
	size_t *order = an_xmalloc(cl->n * sizeof *order);
	for (size_t i = 0; i < cl->n; i++)
		order[i] = cl->members[i];
	an_qsort(order, cl->n, sizeof *order, cmp_size);
	for (size_t i = 0; i < cl->n; i++)
		ev->mentions[i] = b->cands[order[i]].m;
	free(order);
	for (size_t i = 0; i < cl->n; i++) {
		size_t d = ev->mentions[i].doc, j = 0;
		while (j < ev->n_sources && ev->sources[j] != d)
			j++;
		if (j == ev->n_sources)
			ev->sources[ev->n_sources++] = d;
	}
	an_qsort(ev->sources, ev->n_sources, sizeof *ev->sources, cmp_size);

	/* An undated fact is what it says: its id hashes its representative
	 * sentence.  Hashing its first report, as for a dated event, renamed
	 * the fact (and every article page that lists it) whenever a report
	 * earlier in the archive joined or left it, which an edit anywhere
	 * can do to a fact restated by thousands of articles. */
	if (!r->tx) {
		uint64_t fh = hash_str(1469598103934665603ULL, ev->summary, strlen(ev->summary));
		snprintf(ev->id, sizeof ev->id, "fact-%06llx", (unsigned long long)(fh & 0xFFFFFF));
		return;
	}
	/* The id of a dated event hashes what identifies it to a reader: its
	 * date and the article and sentence it is first told in.  An article
	 * that says the same sentence again ("Diplomats urged restraint."
	 * closing several sections) may begin an event at each: which time it
	 * was said tells them apart, where a suffix given in timeline order
	 * would move with any event added before them. */
	const an_mention *first = &ev->mentions[0];
	size_t flen;
	const char *ftext = sentence_text(b, first, &flen);
	const char *slug = b->docs[first->doc].article->slug;
	uint64_t h = hash_str(1469598103934665603ULL, ev->value, strlen(ev->value));
	h = hash_str(h, slug, strlen(slug));
	h = hash_str(h, ftext, flen);
	unsigned said_before = 0;
	for (size_t k = 0; k < first->sentence; k++) {
		an_mention earlier = {first->doc, k, -1};
		size_t elen;
		const char *said = sentence_text(b, &earlier, &elen);
		said_before += elen == flen && memcmp(said, ftext, elen) == 0;
	}
	if (said_before) { /* otherwise the id it always had */
		char nth[16];
		int n = snprintf(nth, sizeof nth, "#%u", said_before);
		h = hash_str(h, nth, (size_t)n);
	}
	char prefix[AN_TIMEX_VALUE_MAX];
	size_t p = 0;
	for (const char *v = ev->value; *v && p + 1 < sizeof prefix; v++)
		prefix[p++] = (*v >= 'A' && *v <= 'Z') || (*v >= 'a' && *v <= 'z') ||
		              (*v >= '0' && *v <= '9') ? *v : '-';
	prefix[p] = '\0';
	snprintf(ev->id, sizeof ev->id, "%s-%06llx", prefix,
	         (unsigned long long)(h & 0xFFFFFF));
}
