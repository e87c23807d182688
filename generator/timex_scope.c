/* timex_scope.c - how far a tense reaches in its clause, for
 * an_tx_direction (timex_anchor.c): a participle after its noun that is
 * no verb ("passengers booked through Sunday", ", with the first acts
 * revealed in January"), a future beyond the cue window ("will mark ...
 * with a Mass at St Canice's Church on Sunday"), the object of a
 * directive ("urged drivers heading home on Sunday to leave"), a present
 * in a relative clause ("who faces a review in April,") and an
 * infinitive whose act happened ("were allowed to reopen"), a present
 * progressive ("is meeting Friday") and a present passive before an
 * infinitive ("are asked to stay home on Sunday"), both ahead.  A
 * subordinate clause has a tense of its own and stops every look back;
 * a relative clause between commas is passed over (an_tx_relative_open). */
#include "timex_impl.h"
#include "timex_tense.h"

/* Words that open a subordinate clause, which has a tense of its own. */
static const char *const subs[] = {"after", "before", "since", "while", "when", "because",
                                   "following", "that", "who", "which", "as", NULL};

/* Irregular past participles that are also past forms ("troops left"). */
static const char *const participles[] = {
	"left", "made", "held", "sold", "paid", "lost", "told", "found", "brought", "sent", "kept",
	"shot", "struck", "hit", "led", "built", "bought", "caught", "spent", "set", "put", "cut",
	"hurt", "taken", "given", "written", "seen", "done", "chosen", "stolen", "won", NULL};

/* Token k is a past participle, regular or of the list above. */
static int participle(const an_tx_ctx *c, size_t k)
{
	return an_tx_one_of(c, k, participles) || ends_in(c->tk[k].low, "ed", 3);
}

/* Token k is a plural noun, lowercase and no tense cue ("passengers",
 * "drivers"). */
static int plural_noun(const an_tx_ctx *c, size_t k)
{
	return c->tk[k].kind == AN_TK_WORD && !c->tk[k].cap && ends_in(c->tk[k].low, "s", 2) &&
	       !an_tx_cue(c, k);
}

/* The first tense cue before token p in its sentence, at most `max`
 * tokens back, with no punctuation (but apostrophes where `apos`) nor
 * subordinate clause between: the cue, its distance in *dist; 0 for
 * none. */
static int cue_back(const an_tx_ctx *c, size_t p, size_t max, int apos, size_t *dist)
{
	for (size_t j = p, d = 0; j > 0 && d < max && !c->tk[j].sent; d++) {
		j--;
		/* (the stops of "7 p.m." are no punctuation of the clause) */
		if (an_tx_no_word(c, j))
			continue;
		if ((c->tk[j].kind == AN_TK_PUNCT && !(apos && an_tx_is_apos(c, j))) ||
		    an_tx_one_of(c, j, subs))
			return 0;
		int k = an_tx_cue(c, j);
		if (k) {
			*dist = d;
			return k;
		}
	}
	return 0;
}

/* A past form at j right after a plural noun: "passengers booked",
 * "troops left", a participle or a verb. */
int an_tx_reduced_relative(const an_tx_ctx *c, size_t j)
{
	return j > 1 && participle(c, j) &&
	       plural_noun(c, j - 1);
}

/* A participle at j after the plural noun that opens its sentence
 * ("Claims made before 21 December can be backdated"), or after a word
 * that does ("Public comments submitted by Friday"). */
int an_tx_subject_relative(const an_tx_ctx *c, size_t j)
{
	if (j < 1 || !participle(c, j) || !an_tx_word(c, j - 1) ||
	    !ends_in(c->tk[j - 1].low, "s", 3) || an_tx_cue(c, j - 1))
		return 0;
	return c->tk[j - 1].sent ||
	       (j > 1 && c->tk[j - 2].sent && an_tx_word(c, j - 2) && !an_tx_cue(c, j - 2) &&
	        !is_determiner(c, j - 2));
}

size_t an_tx_past_clock(const an_tx_ctx *c, size_t te)
{
	if (!word_is(c, te, "at") || te + 1 >= c->n || !an_tx_num(c, te + 1))
		return te;
	size_t k = te + 2;
	while (k < c->n && k < te + 8 &&
	       (an_tx_no_word(c, k) || word_is(c, k, "a") || word_is(c, k, "p") ||
	        word_is(c, k, "m") || word_is(c, k, "am") || word_is(c, k, "pm")))
		k++;
	return k;
}

/* The first tense cue before token p in its clause (no punctuation nor
 * subordinate clause between, ten words at most), 0 for none. */
int an_tx_clause_cue_before(const an_tx_ctx *c, size_t p)
{
	size_t d;
	return cue_back(c, p, 10, 0, &d);
}

/* The first tense cue after te in its clause (to a punctuation mark,
 * eight words at most), 0 for none. */
int an_tx_clause_cue_after(const an_tx_ctx *c, size_t te)
{
	for (size_t k = te, n = 0; k < c->n && n < 8 && !c->tk[k].sent; k++, n++) {
		if (c->tk[k].kind == AN_TK_PUNCT)
			return 0;
		int cue = an_tx_cue(c, k);
		if (cue)
			return cue;
	}
	return 0;
}

/* A present participle after a plural noun between tokens j and tb
 * ("drivers heading home"; not "a public meeting"). */
int an_tx_ing_between(const an_tx_ctx *c, size_t j, size_t tb)
{
	for (size_t k = j + 2; k < tb; k++)
		if (c->tk[k].kind == AN_TK_WORD && !c->tk[k].cap && ends_in(c->tk[k].low, "ing", 4) &&
		    plural_noun(c, k - 1))
			return 1;
	return 0;
}

/* A "to" and a verb within two words after te. */
int an_tx_to_after(const an_tx_ctx *c, size_t te)
{
	for (size_t k = te; k < te + 3 && k + 1 < c->n && c->tk[k].kind == AN_TK_WORD; k++)
		if (word_is(c, k, "to"))
			return c->tk[k + 1].kind == AN_TK_WORD && !c->tk[k + 1].cap &&
			       !is_determiner(c, k + 1);
	return 0;
}

/* "will mark the first anniversary of his death with a Mass at St
 * Canice's Church on Sunday": a future the window of an_tx_direction
 * does not reach, with no punctuation but apostrophes and no
 * subordinate clause between, is the clause's tense. */
int an_tx_far_future(const an_tx_ctx *c, size_t tb)
{
	/* (a subordinate clause between has a time of its own: "will be out
	 * for months after tearing a hamstring in training on Tuesday") */
	size_t d = 0;
	if (cue_back(c, tb, 30, 1, &d) > 0 && d >= 14)
		return 1;
	/* (and past the comma of a phrase of "with", which has no verb: "would
	 * launch atop a Falcon 9 rocket at 3:06 a.m. EDT, with a backup
	 * opportunity on Monday") */
	for (size_t j = tb, n = 0; j > 2 && n < 8 && !c->tk[j].sent; n++) {
		j--;
		if (c->tk[j].kind == AN_TK_PUNCT)
			break;
		if (word_is(c, j, "with") && an_tx_is_punct(c, j - 1, ',')) {
			for (size_t q = j + 1; q < tb; q++)
				if (an_tx_cue(c, q))
					return 0;
			return cue_back(c, j - 1, 30, 1, &d) > 0;
		}
	}
	/* (so is the infinitive of a present wish, across the commas of its
	 * list: "We just want them to plan ahead, book ahead, and not all
	 * arrive at once on Saturday morning") */
	static const char *const wish[] = {"want", "wants", "need", "needs", "hope", "hopes",
	                                   "expect", "expects", "intend", "intends", NULL};
	/* (or a directive's, for a weekday, as in the window: "asked
	 * airlines to cancel 30 percent of flights at Orly and 20 percent at
	 * Marseille, Lyon and Bordeaux on Thursday and Friday") */
	static const char *const bid[] = {"asked", "urged", "ordered", "told", "advised",
	                                  "instructed", "directed", "requested", NULL};
	int wday = (c->tk[tb].w.cls & AN_TXW_WDAY) && c->tk[tb].cap;
	/* (the "to" first, words only; the tenses between once it is found,
	 * so that the many clauses with none cost no cue reading) */
	size_t to = 0;
	for (size_t j = tb, n = 0; j > 2 && n < 30 && !c->tk[j].sent && !to; n++) {
		j--;
		if (quote_mark(c, j) || an_tx_one_of(c, j, subs) || an_tx_is_punct(c, j, ';'))
			return 0;
		if (word_is(c, j, "to") && an_tx_word(c, j + 1) && !c->tk[j + 1].cap)
			to = j;
	}
	if (!to)
		return 0;
	size_t w = to - 1;
	if (c->tk[w].kind == AN_TK_WORD && !an_tx_one_of(c, w, wish) && w > 1 &&
	    (an_tx_one_of(c, w - 1, wish) || (wday && an_tx_one_of(c, w - 1, bid))))
		w--; /* "want them to", "asked airlines to" */
	if (!(an_tx_one_of(c, w, wish) || (wday && an_tx_one_of(c, w, bid))) ||
	    word_is(c, w - 1, "had") || word_is(c, w - 1, "did"))
		return 0;
	for (size_t j = to + 1; j < tb; j++)
		if (an_tx_cue(c, j) < 0)
			return 0;
	return 1;
}

/* "declared Thursday and Friday public holidays", "declared Monday a
 * national day of mourning": a weekday a declaration makes a holiday is
 * ahead of it (not "declared Monday that ..."). */
int an_tx_declared_day(const an_tx_ctx *c, size_t tb, size_t te)
{
	static const char *const verbs[] = {"declared", "declares", "declare", "proclaimed",
	                                    "proclaims", "designated", NULL};
	static const char *const kinds[] = {"holiday", "holidays", "mourning", NULL};
	if (!(c->tk[tb].w.cls & AN_TXW_WDAY))
		return 0;
	/* ("Monday has been declared a public holiday": the passive, with
	 * the day its subject) */
	size_t k = te;
	if (k + 2 < c->n && (word_is(c, k, "has") || word_is(c, k, "have")) &&
	    word_is(c, k + 1, "been") && an_tx_one_of(c, k + 2, verbs))
		k += 3;
	else if (tb < 1 || !an_tx_one_of(c, tb - 1, verbs))
		return 0;
	if (k == te && k + 1 < c->n && (word_is(c, k, "and") || word_is(c, k, "or")) &&
	    (c->tk[k + 1].w.cls & AN_TXW_WDAY))
		k += 2;
	for (size_t n = 0; n < 6 && k < c->n && c->tk[k].kind == AN_TK_WORD && !c->tk[k].sent;
	     n++, k++)
		if (an_tx_one_of(c, k, kinds))
			return 1;
	return 0;
}

/* "setting the presidential election for Feb. 27", "schedules a vote
 * for Tuesday": what is set for a day is ahead of the setting, a
 * participle or a present ("set" alone is as often a past: "set a
 * record for March"; not after "had").  "set" alone is one too with an
 * event or a deadline between ("set its standard shipping cutoff for
 * Sunday"), unless a perfect ("had set a record for March"). */
int an_tx_set_for(const an_tx_ctx *c, size_t tb)
{
	static const char *const sets[] = {"setting", "sets", "scheduling", "schedules", "slated",
	                                   "fixing", NULL};
	static const char *const events[] = {
		"cutoff", "deadline", "date", "vote", "hearing", "meeting", "trial", "election",
		"launch", "opening", "talks", "session", "auction", "release", "referendum",
		"ballot", "debate", "sale", "closing", "start", NULL};
	if (tb < 3 || !word_is(c, tb - 1, "for"))
		return 0;
	int event = 0;
	for (size_t k = tb - 1, d = 0; k > 0 && d < 6; d++) {
		k--;
		if (an_tx_one_of(c, k, sets) && d < 5)
			return !(k > 0 && word_is(c, k - 1, "had"));
		event |= an_tx_one_of(c, k, events);
		if (event && word_is(c, k, "set") && !word_is(c, k - 1, "had") &&
		    !word_is(c, k - 1, "has") && !word_is(c, k - 1, "have"))
			return 1;
		if (c->tk[k].sent || c->tk[k].kind == AN_TK_PUNCT || an_tx_one_of(c, k, subs))
			return 0;
	}
	return 0;
}

/* "Scheer, who faces a leadership review in April, said he would stay
 * on", "who turns 72 on December 25", "whose review body reports in
 * February": a present in a relative clause that holds the date names
 * what is ahead of the news; the main verb after it is not the date's
 * tense.  j is the "who", "which" or "whose" the look back from tb
 * reached with no cue between; the clause must run to a punctuation mark
 * after te with no cue of its own. */
int an_tx_relative_present(const an_tx_ctx *c, size_t j, size_t tb, size_t te)
{
	/* (a present of lasting is a span's, not a plan's: "the program,
	 * which runs from May to August," said in July is this year's) */
	static const char *const not_present[] = {"was",   "has",  "does",   "had",   "were",
	                                          "runs",  "lasts", "spans", "covers", "remains",
	                                          "stays", "continues", NULL};
	size_t vj = j + 1;
	/* ("Nurses, whose pay review body reports in February, had hoped":
	 * the verb after the noun "whose" leads, right before the
	 * preposition of the date) */
	if (word_is(c, j, "whose") && tb > j + 3 && an_tx_is(c, tb - 1, "in") &&
	    tb - 2 - j <= 5) {
		vj = tb - 2;
		for (size_t k = j + 1; k < vj; k++)
			if (c->tk[k].kind != AN_TK_WORD || c->tk[k].cap)
				return 0;
	} else if (!(word_is(c, j, "who") || word_is(c, j, "which")) || j + 1 >= tb) {
		return 0;
	}
	/* (a plural's present is a base form, which a past may look like;
	 * a habit between it and the date tells it: "lifeguards, who patrol
	 * more than 70 beaches daily between May and September,") */
	static const char *const habit[] = {"daily", "weekly", "monthly", "annually", "usually",
	                                    "often", "always", "regularly", "normally",
	                                    "typically", "every", "each", NULL};
	int habitual = 0;
	for (size_t k = vj + 1; k < tb && !habitual; k++)
		habitual = an_tx_one_of(c, k, habit);
	const an_tk *v = &c->tk[vj];
	if (v->kind != AN_TK_WORD || v->cap || an_tx_one_of(c, vj, not_present) ||
	    !(ends_in(v->low, "s", 3) || eq(v->low, "is") || eq(v->low, "are") ||
	      (habitual && !v->w.cls && !ends_in(v->low, "ed", 3) && !ends_in(v->low, "ing", 4))))
		return 0;
	for (size_t k = te; k < c->n && k < te + 12; k++) {
		if (c->tk[k].sent)
			return 0;
		if (c->tk[k].kind == AN_TK_PUNCT)
			return an_tx_is_punct(c, k, ',');
		if (an_tx_cue(c, k))
			return 0;
	}
	return 0;
}

/* A participle of the absolute construction opened by "with" at w
 * before token e. */
static int with_participle_at(const an_tx_ctx *c, size_t w, size_t e)
{
	for (size_t k = w + 1; k < e; k++)
		if (participle(c, k))
			return 1;
	return 0;
}

/* "would be announced in stages, with the first acts revealed in
 * January": a participle after ", with" and its noun is no verb of its
 * own (the absolute construction); the clause's verb before it is the
 * tense.  j is the participle. */
int an_tx_with_participle(const an_tx_ctx *c, size_t j)
{
	if (!participle(c, j))
		return 0;
	/* (", with reduced services on Saturday": right after "with" and
	 * before its noun, the participle is an adjective) */
	if (j > 1 && j + 1 < c->n && word_is(c, j - 1, "with") && an_tx_is_punct(c, j - 2, ',') &&
	    c->tk[j + 1].kind == AN_TK_WORD && !c->tk[j + 1].cap && !c->tk[j + 1].w.cls &&
	    !is_determiner(c, j + 1) && !word_is(c, j + 1, "by"))
		return 1;
	for (size_t k = j, d = 0; k > 0 && d < 5; d++) {
		k--;
		/* (and the second of two joined by "and": ", with the first
		 * acts revealed in January and the full bill published by
		 * early March") */
		if (word_is(c, k, "and") && k + 1 < j) {
			for (size_t w = k, e = 0; w > 1 && e < 12; e++) {
				w--;
				if (c->tk[w].sent || c->tk[w].kind != AN_TK_WORD)
					return 0;
				if (word_is(c, w, "with"))
					return an_tx_is_punct(c, w - 1, ',') && with_participle_at(c, w, k);
			}
			return 0;
		}
		if (c->tk[k].sent || c->tk[k].kind != AN_TK_WORD || an_tx_cue(c, k))
			return 0;
		/* (after a comma: "talks with the authority collapsed late
		 * Monday" is the verb of "talks") */
		if (word_is(c, k, "with"))
			return k + 1 < j && k > 0 && an_tx_is_punct(c, k - 1, ',');
	}
	return 0;
}

/* "were allowed to reopen on Monday", "managed to land on Sunday": after
 * a verb that tells the act happened (permission, ability, force), the
 * infinitive at j is no plan ahead; the verb before it is the tense. */
int an_tx_implicative_inf(const an_tx_ctx *c, size_t j)
{
	static const char *const implicative[] = {"allowed", "permitted", "able", "unable",
	                                          "forced", "managed", "failed", "compelled",
	                                          "obliged", NULL};
	return j > 1 && word_is(c, j - 1, "to") && an_tx_one_of(c, j - 2, implicative);
}

/* A present progressive at j: "is meeting Friday", "are heading to the
 * polls Sunday", "is being released Thursday" tell of an arrangement
 * ahead.  Adjectives and nouns in "-ing" after "is" are none. */
int an_tx_progressive(const an_tx_ctx *c, size_t j)
{
	static const char *const not_verb[] = {
		"nothing", "something", "anything", "everything", "during", "thing", "king",
		"morning", "evening", "spring", "willing", "missing", "ongoing", "pending",
		"interesting", "amazing", "outstanding", "surprising", "disappointing",
		"encouraging", "worrying", "troubling", "shocking", "exciting", "misleading",
		"lacking", "remaining", "following", "according", NULL};
	const an_tk *t = &c->tk[j];
	if (j == 0 || t->kind != AN_TK_WORD || !ends_in(t->low, "ing", 4) ||
	    an_tx_one_of(c, j, not_verb))
		return 0;
	size_t b = j - 1;
	if (b > 0 && c->tk[b].kind == AN_TK_WORD && !c->tk[b].sent &&
	    (ends_in(c->tk[b].low, "ly", 4) || word_is(c, b, "still") || word_is(c, b, "now") ||
	     word_is(c, b, "also")))
		b--;
	return word_is(c, b, "is") || word_is(c, b, "are") || word_is(c, b, "am") ||
	       word_is(c, b, "re");
}

/* Words between a progressive and the day that tie the day to another
 * event: "are investigating a shooting Sunday", "is recovering after
 * surgery Friday", "is questioning a man who ...". */
int an_tx_progressive_block(const an_tx_ctx *c, size_t j)
{
	static const char *const block[] = {
		"after", "since", "following", "from", "over", "about", "who", "which", "that",
		"of", NULL};
	return an_tx_one_of(c, j, block) || an_tx_one_of(c, j, an_tx_acts);
}

/* "Residents are asked to stay home on Sunday", "Volunteers are needed
 * to clear brush on Sunday morning": a present passive before an
 * infinitive asks for, or needs, an act still ahead; the participle at j
 * is no past.  Not what is said or believed of the past ("is believed to
 * have fled on Sunday", "is said to be ..."), nor "were asked to". */
int an_tx_present_passive_inf(const an_tx_ctx *c, size_t j)
{
	static const char *const be[] = {"is", "are", "am", NULL};
	static const char *const hearsay[] = {
		"said", "believed", "thought", "reported", "known", "understood", "alleged",
		"rumored", "rumoured", "considered", "feared", "presumed", "supposed", "claimed",
		"suspected", "estimated", "seen", "accused", "charged", NULL};
	if (j < 2 || j + 2 >= c->n || !participle(c, j) || an_tx_one_of(c, j, hearsay) ||
	    !word_is(c, j + 1, "to") || !an_tx_word(c, j + 2) || c->tk[j + 2].cap ||
	    word_is(c, j + 2, "have") || is_determiner(c, j + 2) || c->tk[j + 2].w.cls)
		return 0;
	/* (an adverb or "being" between: "are also asked", "are being
	 * urged") */
	size_t b = j - 1;
	if (!an_tx_one_of(c, b, be) && b > 0 && !c->tk[b].sent && an_tx_word(c, b) &&
	    (ends_in(c->tk[b].low, "ly", 4) || word_is(c, b, "also") || word_is(c, b, "being")))
		b--;
	return an_tx_one_of(c, b, be);
}

size_t an_tx_attribution_open(const an_tx_ctx *c, size_t j)
{
	size_t k = j;
	for (size_t n = 0; k > 0 && n < 8 && !c->tk[k].sent; n++) {
		k--;
		if (an_tx_is_punct(c, k, ','))
			break;
		if (c->tk[k].kind != AN_TK_WORD && !an_tx_is_punct(c, k, '.'))
			return j;
	}
	if (!an_tx_is_punct(c, k, ',') || k + 2 > j || k < 3 ||
	    !(an_tx_one_of(c, j - 1, reporting) || an_tx_one_of(c, k + 1, reporting)))
		return j;
	for (size_t q = k + 1; q < j; q++)
		if (an_tx_cue(c, q) && !an_tx_one_of(c, q, reporting))
			return j;
	return k;
}

/* The comma that opens a relative clause (", which", ", who", ",
 * where") closed by the comma at j, in its sentence; j when there is
 * none. */
size_t an_tx_relative_open(const an_tx_ctx *c, size_t j)
{
	for (size_t k = j, n = 0; k > 0 && n < 25 && !c->tk[k].sent; n++) {
		k--;
		if (an_tx_is_punct(c, k, ','))
			return k + 1 < j && (an_tx_is(c, k + 1, "which") || an_tx_is(c, k + 1, "who") ||
			                     an_tx_is(c, k + 1, "where"))
			           ? k
			           : j;
	}
	return j;
}

int an_tx_when_present(const an_tx_ctx *c, size_t j, size_t tb)
{
	static const char *const plural[] = {"they", "we", "you", "i", NULL};
	static const char *const single[] = {"he", "she", "it", NULL};
	if (!word_is(c, j, "when") || j + 3 > tb || c->tk[j + 2].kind != AN_TK_WORD ||
	    c->tk[j + 2].cap || an_tx_cue(c, j + 2) || ends_in(c->tk[j + 2].low, "ed", 3) ||
	    c->tk[j + 2].w.cls)
		return 0;
	if (an_tx_one_of(c, j + 1, plural))
		return !ends_in(c->tk[j + 2].low, "s", 2);
	return an_tx_one_of(c, j + 1, single) && ends_in(c->tk[j + 2].low, "s", 2);
}

int an_tx_opening_passive(const an_tx_ctx *c, size_t tb, size_t te)
{
	if (!an_tx_is_punct(c, te, ','))
		return 0;
	for (size_t k = tb, n = 0; k > 1 && n < 12; n++) {
		if (c->tk[--k].sent)
			return 0;
		if (c->tk[k].kind != AN_TK_WORD)
			return 0;
		if (word_is(c, k, "by") && participle(c, k - 1) && !c->tk[k - 1].sent) {
			/* (back to the sentence's start, no verb on the way) */
			for (size_t q = k - 1; q > 0 && !c->tk[q].sent; q--)
				if (c->tk[q - 1].kind != AN_TK_WORD || an_tx_cue(c, q - 1))
					return 0;
			return 1;
		}
	}
	return 0;
}
