/* timex_subject.c - a date that is, or is part of, the subject of a
 * clause takes that clause's verb for its direction ("Friday is the
 * deadline", "Sales fell, and Christmas will be busy", "said heavy rain
 * over the weekend would give way").  an_tx_direction (timex_anchor.c)
 * and the lists of days (timex_coord.c) ask it first.  Also a sentence
 * with no subject at all, a command ("Join us on Saturday"). */
#include "timex_tense.h"

/* "that" after a verb of saying, with up to a weekday between ("said on
 * Friday that"). */
static int reported_that(const an_tx_ctx *c, size_t k)
{
	for (size_t j = k, n = 0; j > 0 && n < 4 && !c->tk[j].sent; j--, n++)
		if (an_tx_one_of(c, j - 1, reporting))
			return 1;
	return 0;
}

/* The token after the list of dates a date ending at te opens ("told
 * that exams in May and June will go ahead", "said Friday and Saturday
 * would be"): the verb that follows the list. */
static size_t past_list(const an_tx_ctx *c, size_t te)
{
	/* (seven more at most: no list of days or months runs longer in
	 * news, and a walk to its end from each would be quadratic) */
	for (int n = 0; n < 7 && te + 2 < c->n && (word_is(c, te, "and") || word_is(c, te, "or")) &&
	                (c->tk[te + 1].w.cls & (AN_TXW_MONTH | AN_TXW_WDAY)) && c->tk[te + 1].cap;
	     n++)
		te += 2;
	return te;
}

/* The tense of the verb at te that a subject takes: "were expected to"
 * and "was likely to" look ahead as their participle does. */
static int subject_cue(const an_tx_ctx *c, size_t te)
{
	te = past_list(c, te);
	int k = an_tx_cue(c, te);
	if (k < 0 && (word_is(c, te, "was") || word_is(c, te, "were")) && te + 1 < c->n &&
	    (an_tx_cue(c, te + 1) > 0 || (word_is(c, te + 1, "likely") && word_is(c, te + 2, "to"))))
		return 1;
	return k;
}

/* The tense of the verb at te after a subject that holds the date at
 * tb: its cue, or for a weekday a present in -s ("The launch window on
 * Thursday lasts two hours": what a day named ahead does). */
static int subject_verb(const an_tx_ctx *c, size_t tb, size_t te)
{
	int k = an_tx_cue(c, te);
	/* ("Passengers travelling to Scotland on Saturday are advised to
	 * use the East Coast line": what they are asked to do is ahead) */
	if (k <= 0 && te + 1 < c->n && an_tx_present_passive_inf(c, te + 1))
		return 1;
	if (!k && (c->tk[tb].w.cls & AN_TXW_WDAY) && c->tk[te].kind == AN_TK_WORD &&
	    !c->tk[te].cap && ends_in(c->tk[te].low, "s", 3) && !ends_in(c->tk[te].low, "ss", 3) &&
	    !word_is(c, te, "was") && !word_is(c, te, "has"))
		return 1;
	return k;
}

/* "Sales fell, and Christmas will be busy": the subject of a clause of its
 * own (after ", and", ", but" or ";", a tense cue right after it) takes
 * that tense: its direction, 0 when the date is no such subject. */
int an_tx_clause_subject(const an_tx_ctx *c, size_t tb, size_t te)
{
	/* (the part of the day is the date's: "but the gusts on Thursday
	 * morning were stronger") */
	if (te < c->n && c->tk[te].kind == AN_TK_WORD && !c->tk[te].cap &&
	    (c->tk[te].w.cls & AN_TXW_POD))
		te++;
	/* "Friday is the deadline", "the good news is that Thursday and
	 * Friday look quiet": a day that is the subject of a present is
	 * ahead */
	/* (and the weekend: "But the weekend looks genuinely pleasant") */
	/* ("the holiday weekend is among its busiest", "the long weekend") */
	int weekend = word_is(c, tb, "the") && word_is(c, te - 1, "weekend") &&
	              (te == tb + 2 || (te == tb + 3 && (word_is(c, tb + 1, "holiday") ||
	                                                 word_is(c, tb + 1, "long"))));
	if ((((c->tk[tb].w.cls & AN_TXW_WDAY) && c->tk[tb].cap) || weekend) &&
	    (clause_opens(c, tb) || clause_break_before(c, tb) ||
	     (weekend && tb > 0 && an_tx_one_of(c, tb - 1, reporting)) ||
	     (tb > 0 && word_is(c, tb - 1, "that")))) {
		static const char *const pres[] = {"is", "are", "looks", "look", "seems", "seem",
		                                   "promises", "promise", NULL};
		size_t v = te;
		if (v + 1 < c->n && (word_is(c, v, "and") || word_is(c, v, "or")) &&
		    (c->tk[v + 1].w.cls & AN_TXW_WDAY))
			v += 2;
		if (v < c->n && an_tx_one_of(c, v, pres))
			return 1;
	}
	/* "Saturday's bill includes the folk trio": a day's possessive that
	 * opens the sentence is its subject's, whose verb follows the noun */
	/* (or a clause after "while", "whereas": "while Sunday's televised
	 * tie between Kingsbridge and Portland Vale kicks off at 4 p.m.") */
	/* (or a clause reported: "Officials said Wednesday's matches would
	 * start an hour early") */
	int opener = (c->tk[tb].w.cls & AN_TXW_WDAY) && te + 3 < c->n && an_tx_is_apos(c, te) &&
	             (c->tk[tb].sent ||
	              (tb > 0 && (word_is(c, tb - 1, "while") || word_is(c, tb - 1, "whereas") ||
	                          word_is(c, tb - 1, "that") || an_tx_one_of(c, tb - 1, reporting))));
	/* (a measure may come first: "Tuesday's 158.5-kilometre stage") */
	size_t h = te + 2;
	while (opener && h < c->n && h < te + 8 &&
	       (an_tx_num(c, h) || (h > te + 2 && !c->tk[h].space &&
	                            (an_tx_is_punct(c, h, '.') || an_tx_is_dash(c, h) ||
	                             (an_tx_word(c, h) && an_tx_is_dash(c, h - 1))))))
		h++;
	/* (an adjective in "-ed" may come first: "Sunday's televised tie") */
	int adj = opener && h + 1 < c->n && ends_in(c->tk[h].low, "ed", 3) && an_tx_word(c, h + 1) &&
	          !c->tk[h + 1].cap && !an_tx_cue(c, h + 1);
	if (opener && h + 1 < c->n && word_is(c, te + 1, "s") && an_tx_word(c, h) &&
	    !c->tk[h].cap && (!an_tx_cue(c, h) || adj)) {
		static const char *const places[] = {"between", "against", "at", "to", "on", NULL};
		size_t v = h + 1;
		if (an_tx_word(c, v) && !c->tk[v].cap && !an_tx_cue(c, v) && v + 1 < c->n &&
		    !ends_in(c->tk[v].low, "s", 3) && !word_is(c, v, "is") && !word_is(c, v, "are") &&
		    !an_tx_one_of(c, v, places))
			v++; /* "Saturday's main stage bill" */
		/* (past the teams or places of the noun: "tie between
		 * Kingsbridge and Portland Vale", "stage to Le Grand-Bornand") */
		/* (or "on the steps of the Rector's Palace": a place with its
		 * article, up to a name) */
		size_t p0 = v + 1;
		if (an_tx_one_of(c, v, places) && word_is(c, p0, "the")) {
			while (p0 < c->n && p0 < v + 6 && !c->tk[p0].cap &&
			       (word_is(c, p0, "the") || word_is(c, p0, "of") ||
			        (an_tx_word(c, p0) && !an_tx_cue(c, p0))))
				p0++;
		}
		if (an_tx_one_of(c, v, places) && p0 < c->n && c->tk[p0].cap) {
			size_t q = p0;
			while (q < c->n && q < p0 + 8 &&
			       ((c->tk[q].kind == AN_TK_WORD && (c->tk[q].cap || word_is(c, q, "s"))) ||
			        word_is(c, q, "and") || an_tx_is_apos(c, q) ||
			        (an_tx_is_dash(c, q) && !c->tk[q].space)))
				q++;
			v = q;
		}
		/* ("Saturday's concert on the steps of the palace sold out in
		 * May": what sells out does so before it takes place) */
		if (word_is(c, v, "sold") && word_is(c, v + 1, "out"))
			return 1;
		int k = an_tx_word(c, v) ? subject_verb(c, tb, v) : 0;
		if (k)
			return k;
		/* ("Saturday's eclipse is a rehearsal": the present of "be" too,
		 * but not of what is over once done: "Saturday's result is a
		 * blow", "Friday's ruling is final") */
		static const char *const done[] = {"result", "results", "score", "win", "loss",
		                                   "defeat", "victory", NULL};
		if ((word_is(c, v, "is") || word_is(c, v, "are")) && !an_tx_one_of(c, h, done) &&
		    !an_tx_one_of(c, h, an_tx_acts))
			return 1;
	}
	/* "Christmas may be over, but pantomime goes on": a day the clause
	 * says is over is the one gone (also after a dateline's dash) */
	if ((clause_opens(c, tb) || clause_break_before(c, tb) ||
	     (tb > 0 && an_tx_is_dash(c, tb - 1))) &&
	    te + 2 < c->n) {
		size_t v = te;
		if ((word_is(c, v, "may") || word_is(c, v, "might") || word_is(c, v, "must")) &&
		    word_is(c, v + 1, "be"))
			v += 2;
		else if ((word_is(c, v, "has") || word_is(c, v, "have")) && word_is(c, v + 1, "been"))
			v += 2;
		else if (word_is(c, v, "is") || word_is(c, v, "are") || word_is(c, v, "was"))
			v++;
		if (v > te && word_is(c, v, "over"))
			return -1;
	}
	if (tb > 1 && clause_break_before(c, tb) && te < c->n)
		return an_tx_cue(c, te);
	/* "..., but on New Year's Day the government dropped a plan": a date
	 * that opens a clause of its own after its preposition takes the
	 * clause's first tense after it */
	/* (so does one right after the "that" of a verb of saying, before
	 * or after a comma: "announced that from September, every division
	 * would publish its figures") */
	int that = tb > 3 && word_is(c, tb - 2, "that") && reported_that(c, tb - 2);
	if (tb > 2 &&
	    (word_is(c, tb - 1, "on") || word_is(c, tb - 1, "in") || word_is(c, tb - 1, "by") ||
	     (that && word_is(c, tb - 1, "from"))) &&
	    (clause_break_before(c, tb - 1) || that))
		for (size_t j = te, n = 0; j < c->n && n < 8 && !c->tk[j].sent; j++, n++) {
			if (that && j == te && an_tx_is_punct(c, j, ','))
				continue;
			if (c->tk[j].kind == AN_TK_PUNCT)
				break;
			int k = an_tx_cue(c, j);
			if (k)
				return k;
			/* ("and on Friday we travel again": the present of a
			 * scheduled event, after its subject) */
			if ((c->tk[j].w.cls & AN_TXW_SCHED) && j > te)
				return 1;
		}
	/* "Forecasters said Monday would be almost as hot": the day between a
	 * verb of saying and a verb is the subject of what was said ("said
	 * Monday that ..." is the day of the saying); also after "that":
	 * "warned that the winter would soon cut off mountain villages" */
	static const char *const verbs[] = {"would", "will", "could", "might", "may", "should",
	                                    "is", "was", NULL};
	/* (so is one after the subject's noun: "said lows Thursday night
	 * could reach 25 below") */
	/* (and past a list of days: "said Friday and Saturday would be its
	 * busiest days") */
	size_t lv = past_list(c, te);
	if (tb > 0 && lv < c->n && an_tx_one_of(c, lv, verbs)) {
		size_t rv = tb > 1 && word_is(c, tb - 1, "that") ? tb - 2 : tb - 1;
		if (rv == tb - 1 && rv > 1 && an_tx_word(c, rv) && !c->tk[rv].cap &&
		    !c->tk[rv].sent && !an_tx_cue(c, rv) && !is_determiner(c, rv) &&
		    !an_tx_one_of(c, rv, reporting) && !(c->tk[rv].w.cls & AN_TXW_UNIT))
			rv--;
		if (an_tx_one_of(c, rv, reporting))
			return subject_cue(c, lv);
	}
	/* "until this March, and a recall in June affected every truck":
	 * the date ends a subject of its own ("a recall in"), whose verb
	 * follows it; the "until" before the comma is the other clause's */
	/* so does one after a conjunction: "after a shutdown over the
	 * weekend closed the parks" (with no verb after the date, "after"
	 * was a preposition, and the cue is none) */
	/* ("said tickets for Sunday would be valid", "said any decision
	 * about Friday would be made") */
	static const char *const preps[] = {"in", "on", "of", "since", "over", "during", "through",
	                                    "for", "about", NULL};
	static const char *const conj[] = {"after", "before", "when", "while", "because",
	                                   "although", "though", "once", NULL};
	/* "after a New Year's Day reprieve allowed crews to ...": the date
	 * modifies the noun of a subject after the conjunction, whose verb
	 * follows that noun */
	/* (and after "as": "urged to set off early as the Easter getaway
	 * gets under way", where a present in -s is the one under way or
	 * ahead) */
	if (te + 1 < c->n && tb > 1 && is_determiner(c, tb - 1) &&
	    (an_tx_one_of(c, tb - 2, conj) || word_is(c, tb - 2, "as")) && an_tx_word(c, te) &&
	    !c->tk[te].cap && !an_tx_cue(c, te) && c->tk[te + 1].kind == AN_TK_WORD) {
		int k = an_tx_cue(c, te + 1);
		if (!k && !c->tk[te + 1].cap && ends_in(c->tk[te + 1].low, "s", 3) &&
		    !ends_in(c->tk[te + 1].low, "ss", 3) && !word_is(c, te + 1, "was") &&
		    !word_is(c, te + 1, "has") && !word_is(c, te + 1, "is"))
			return 1;
		if (k || !word_is(c, tb - 2, "as"))
			return k;
	}
	/* "will govern alone after Monday's election reduced his party to a
	 * minority": so does a day's possessive right after the conjunction */
	if (tb > 0 && an_tx_one_of(c, tb - 1, conj) && te + 3 < c->n && an_tx_is_apos(c, te) &&
	    word_is(c, te + 1, "s") && an_tx_word(c, te + 2) && !c->tk[te + 2].cap &&
	    !an_tx_cue(c, te + 2))
		return an_tx_cue(c, te + 3);
	if (te >= c->n || tb < 2 || !an_tx_one_of(c, tb - 1, preps))
		return 0;
	for (size_t k = tb - 1, n = 0; n < 7; k--, n++) {
		/* "Forecasters said heavy rain over the weekend would give
		 * way", "said on Friday that temperatures on Sunday were
		 * expected to", "said pupils sitting GCSE exams on Tuesday
		 * should": the subject of what was said (six words back) */
		if (k < tb - 1 && (an_tx_one_of(c, k, reporting) ||
		                   (word_is(c, k, "that") && reported_that(c, k))))
			return subject_cue(c, te);
		if (c->tk[k].kind != AN_TK_WORD || an_tx_cue(c, k))
			return 0;
		/* "Burglaries through March 24 were down": the sentence's
		 * subject, whose verb follows the date */
		if (c->tk[k].sent)
			return k < tb - 1 && c->tk[k].cap ? subject_verb(c, tb, te) : 0;
		if (is_determiner(c, k) &&
		    (clause_break_before(c, k) || an_tx_one_of(c, k - 1, conj)))
			return an_tx_cue(c, te);
		if (k == 0)
			break;
	}
	return 0;
}

/* "Set your clocks back on Sunday", "Don't forget to vote on Thursday",
 * "Join us on Saturday": a sentence that opens with a command has no
 * subject and no tense of its own, and what it asks for is ahead.  The
 * verb must be followed by its object or complement (a lowercase word
 * that is no preposition: not "Set in 1920, the novel"). */
int an_tx_imperative(const an_tx_ctx *c, size_t tb)
{
	static const char *const verbs[] = {
		"join", "set", "remember", "bring", "book", "register", "come", "expect", "mark",
		"save", "tune", "head", "check", "plan", "make", "get", "turn", "please", "vote",
		"watch", "visit", "sign", "apply", "look", "reserve", "ask", "call", "wait", "try",
		"stop", "drop", NULL};
	static const char *const preps[] = {"in", "on", "at", "by", "from", "of", "for", "as",
	                                    NULL};
	/* (eighty tokens back at most: a command's day comes early) */
	size_t s = tb;
	for (size_t n = 0; s > 0 && n < 80 && !c->tk[s].sent; n++)
		s--;
	/* (a command may open a quote: '"Ask me on Thursday," she said') */
	if (s + 1 < tb && c->tk[s].sent && quote_mark(c, s))
		s++;
	if (s + 1 >= tb || !(c->tk[s].sent || (s > 0 && quote_mark(c, s - 1))) || !c->tk[s].cap)
		return 0;
	/* "Don't", "Do not": any verb after them */
	if (word_is(c, s, "don") && an_tx_is_apos(c, s + 1) && word_is(c, s + 2, "t"))
		return s + 3 < tb && an_tx_word(c, s + 3);
	if (word_is(c, s, "do") && word_is(c, s + 1, "not"))
		return s + 2 < tb && an_tx_word(c, s + 2);
	if (!an_tx_one_of(c, s, verbs))
		return 0;
	return s + 1 < tb && c->tk[s + 1].kind == AN_TK_WORD && !c->tk[s + 1].cap &&
	       !an_tx_one_of(c, s + 1, preps);
}
