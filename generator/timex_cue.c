/* timex_cue.c - the tense cue of one word in its context (an_tx_cue):
 * a past or a future form, a modal read with what follows it, and the
 * words that look like verbs and are none ("a set", "the hardest-hit
 * towns", "another televised appeal").  timex_anchor.c reads a clause's
 * direction from these cues. */
#include "timex_tense.h"

/* Adjectives and nouns in "-ed" that say nothing about tense. */
static const char *const not_past[] = {
	"united", "red", "armed", "alleged", "suspected", "based", "related",
	"concerned", "interested", "limited", "detailed", "need", "speed",
	"indeed", "bed", "seed", "feed", "breed", "hundred", "unprecedented",
	"skilled", "advanced", "embed", "shed", "designated", "expected",
	"scheduled", "planned", "proposed", "unnamed", "classified", "fixed",
	"elected", "married", "retired", "talented", "varied", "renewed",
	"preferred", NULL};

/* Past forms in "-eed": the other "-eed" words (succeed, proceed, need)
 * are present or infinitive. */
static const char *const eed_past[] = {
	"agreed", "freed", "guaranteed", "decreed", "disagreed", "refereed", NULL};

/* "won't", "wouldn't": the tokenizer splits off the "'t" */
static int neg_t(const an_tx_ctx *c, size_t j)
{
	return an_tx_is_apos(c, j + 1) && an_tx_glued(c, j + 1) && word_is(c, j + 2, "t") &&
	       an_tx_glued(c, j + 2);
}

/* Words a modal or "to" makes infinitives of: a past form after them
 * ("expected to hit Friday", "will last until") is a base form. */
static const char *const inf_before[] = {
	"to", "will", "would", "could", "should", "can", "may", "might", "must", "shall",
	"did", "do", "does", "ll", "didn", "don", "doesn", "won", "wouldn", "couldn",
	"shouldn", "cannot", NULL};

/* Verbs whose refusal a negated "would" reports: "would not comment
 * Friday", "wouldn't say Sunday whether ..." tell of a refusal made. */
static const char *const say_verbs[] = {
	"say", "comment", "confirm", "discuss", "disclose", "elaborate", "specify",
	"reveal", "identify", "name", "speculate", "answer", "divulge", "detail", NULL};

/* A past participle at j, as a perfect "have" takes ("should have
 * spoken", "might have been"), not the object of "have" meaning to own
 * ("should have power back by Saturday"). */
static int participle(const an_tx_ctx *c, size_t j)
{
	static const char *const irregular[] = {
		"been", "had", "done", "made", "gone", "seen", "got", "won", "lost", "left", "put",
		"set", "cut", "hit", "let", "paid", "kept", "held", "brought", "bought", "thought",
		"caught", "sold", "sent", "spent", "built", "met", "led", "run", "come", "become",
		"said", "told", "found", "felt", "heard", "meant", "begun", "struck", "fought",
		"stood", "understood", NULL};
	if (j >= c->n || c->tk[j].kind != AN_TK_WORD)
		return 0;
	const char *w = c->tk[j].low;
	return ends_in(w, "ed", 3) || ends_in(w, "en", 3) || ends_in(w, "wn", 3) ||
	       in_list(irregular, w);
}

/* The modal at j read with what follows it: -1 for a past ("should have
 * spoken Wednesday", "might have crashed"; "will have" is a future
 * perfect and no modal here) and for a refusal reported ("would not
 * comment Friday"), 0 for neither. */
static int modal_past(const an_tx_ctx *c, size_t j)
{
	size_t a = j + 1;
	int neg = 0;
	if (neg_t(c, j)) {
		a = j + 3;
		neg = 1;
	} else if (word_is(c, a, "not") || word_is(c, a, "never")) {
		a++;
		neg = 1;
	}
	if (a < c->n && c->tk[a].kind == AN_TK_WORD && ends_in(c->tk[a].low, "ly", 4))
		a++;
	if (word_is(c, a, "have") && !word_is(c, a + 1, "to") && participle(c, a + 1))
		return -1;
	if (neg && (word_is(c, j, "would") || word_is(c, j, "wouldn")) &&
	    an_tx_one_of(c, a, say_verbs))
		return -1;
	return 0;
}

static const char *const link_verbs[] = {
	"stay", "stays", "remain", "remains", "keep", "keeps", "seem", "seems", "become",
	"becomes", "get", "gets", NULL};

/* "every ballot that arrived on Tuesday", "the plan that collapsed":
 * a past form after a relative "that" is its verb, not a noun after the
 * determiner ("that armed group" is an adjective; "that cut", "that
 * hit" may be nouns) */
static int relative_past(const an_tk *t)
{
	static const char *const nouns[] = {"set", "cut", "hit", "put", "cost", "let", "shut",
	                                    "spread", "bid", "quit", "split", "hurt", "read",
	                                    "bet", "lead", "fed", "led", "bed", NULL};
	if (in_list(nouns, t->low))
		return 0;
	return (t->w.cls & AN_TXW_PAST) ||
	       (ends_in(t->low, "ed", 3) && !in_list(not_past, t->low) &&
	        (!ends_in(t->low, "eed", 3) || in_list(eed_past, t->low)));
}

/* "the hardest-hit towns", "a long-awaited visit", "state-owned": the
 * second half of a compound adjective has no tense; after a prefix
 * ("re-elected", "co-founded") it is the verb itself. */
static int hyphen_half(const an_tx_ctx *c, size_t j)
{
	static const char *const prefixes[] = {"re", "co", "pre", "de", "un", "non", "mis",
	                                       "out", "over", "under", "ex", "counter", "cross",
	                                       "self", NULL};
	return j >= 2 && an_tx_glued(c, j) && an_tx_is_punct(c, j - 1, '-') &&
	       an_tx_glued(c, j - 1) && c->tk[j - 2].kind == AN_TK_WORD &&
	       !in_list(prefixes, c->tk[j - 2].low);
}

/* Prepositions before an adjective, and words of frequency before it (cue
 * rules for participles used as adjectives). */
static const char *const preps_adj[] = {"in", "on", "at", "from", "with", "for", "of", "by",
                                        "into", "about", "to", NULL};
static const char *const freq_adj[] = {"weekly", "daily", "monthly", "annual", "nightly",
                                       "regular", "regularly", NULL};

/* A singular subject right before the verb at j: "he", "she", "it", or a
 * determiner and a noun not in "-s" ("the president"). */
static int singular_subject(const an_tx_ctx *c, size_t j)
{
	static const char *const dets[] = {"the", "a", "an", "his", "her", "its", "their", NULL};
	if (j < 2 || c->tk[j - 1].kind != AN_TK_WORD || c->tk[j - 1].w.cls)
		return 0;
	const an_tk *n = &c->tk[j - 1];
	if (eq(n->low, "he") || eq(n->low, "she") || eq(n->low, "it"))
		return 1;
	return !ends_in(n->low, "s", 1) && c->tk[j - 2].kind == AN_TK_WORD &&
	       in_list(dets, c->tk[j - 2].low);
}

static int cue(const an_tx_ctx *c, size_t j, int nested);

/* The tense cue of token j, read in its context: a noun after a
 * determiner ("the plan", "a set") says nothing; "set" is future only as
 * "set to"/"set for"; a participle after "be"/"being" ("would be held")
 * leaves the tense to the modal before it. */
int an_tx_cue(const an_tx_ctx *c, size_t j)
{
	return cue(c, j, 0);
}

/* nested: asked from the causative test of a participle after it, which
 * reads the words before it by their cue; that test is not asked again
 * for them, or a run of participles ("fixed fixed fixed ...") would be
 * read in exponential time. */
static int cue(const an_tx_ctx *c, size_t j, int nested)
{
	const an_tk *t = &c->tk[j];
	if (t->kind != AN_TK_WORD)
		return 0;
	if (month_name(c, j))
		return 0; /* "May", the month, is no modal */
	/* "as Lent begins", "said Will Fraser": a capitalised word inside a
	 * sentence (not a headline's) is a name, no verb */
	if ((t->w.cls & (AN_TXW_PAST | AN_TXW_FUTURE)) && an_tx_capital(c, j) && !t->sent)
		return 0;
	if (hyphen_half(c, j))
		return 0;
	/* "laid-off workers", "sold-out shows", "burned-out crews": the
	 * first half of such a compound adjective, a participle and its
	 * particle, has no tense either */
	static const char *const particles[] = {"off", "out", "up", "down", "over", "back", NULL};
	if (j + 2 < c->n && c->tk[j + 1].kind == AN_TK_PUNCT && c->tk[j + 1].low[0] == '-' &&
	    an_tx_glued(c, j + 1) && an_tx_glued(c, j + 2) && an_tx_one_of(c, j + 2, particles))
		return 0;
	/* "the Serious Organised Crime Agency": a participle inside a name
	 * that "the" opens, between two capitalised words (not a headline's
	 * "Union Approved Strikes") */
	if (t->cap && !t->sent && j > 1 && j + 1 < c->n && c->tk[j - 1].cap &&
	    c->tk[j - 1].kind == AN_TK_WORD && c->tk[j + 1].cap &&
	    c->tk[j + 1].kind == AN_TK_WORD && !c->tk[j + 1].sent && ends_in(t->low, "ed", 3) &&
	    (word_is(c, j - 2, "the") || (j > 2 && word_is(c, j - 3, "the") && c->tk[j - 2].cap)))
		return 0;
	/* "the last Saturday before Christmas", "next Tuesday's budget, the
	 * last before the Sept. 14 election", "the last of the ships", "the
	 * last buses on Tuesday": an ordinal, no tense */
	/* (and "the last day for seniors moves to June 12": the last of
	 * the days, no time gone) */
	if (j > 0 && j + 1 < c->n && word_is(c, j, "last") && word_is(c, j - 1, "the") &&
	    ((c->tk[j + 1].w.cls & AN_TXW_WDAY) || word_is(c, j + 1, "before") ||
	     ((c->tk[j + 1].w.cls & AN_TXW_UNIT) && word_is(c, j + 2, "for")) ||
	     word_is(c, j + 1, "one") || word_is(c, j + 1, "of") ||
	     (c->tk[j + 1].kind == AN_TK_WORD && !c->tk[j + 1].cap && c->tk[j + 1].w.cls == 0)))
		return 0;
	/* "the ends", but "a road trip that ends Saturday": a relative "that"
	 * before the present of a scheduled event; so "a calendar that will
	 * start classes Aug. 26" (not "signed that will in June") */
	if (j > 0 && is_determiner(c, j - 1) && !word_is(c, j, "last") && !word_is(c, j, "next") &&
	    !(word_is(c, j - 1, "that") && (t->w.cls & AN_TXW_FUTURE) && ends_in(t->low, "s", 1)) &&
	    !(word_is(c, j - 1, "that") &&
	      (relative_past(t) || (eq(t->low, "will") && j > 1 && cue(c, j - 2, nested) >= 0))))
		return 0;
	/* "take part in weekly televised debates from early April": a
	 * participle after a preposition and an adjective of frequency,
	 * before its noun, is an adjective (after the preposition alone,
	 * "in revised ...", too often a verb's object follows) */
	if (ends_in(t->low, "ed", 4) && j > 1 && j + 1 < c->n && c->tk[j + 1].kind == AN_TK_WORD &&
	    !c->tk[j + 1].cap && !is_determiner(c, j + 1) && !an_tx_one_of(c, j + 1, preps_adj) &&
	    an_tx_one_of(c, j - 1, freq_adj) && an_tx_one_of(c, j - 2, preps_adj))
		return 0;
	/* "will run at reduced speed on Saturday", "with increased
	 * security", "under renewed pressure", "behind closed doors": right
	 * after a preposition no finite verb follows, the participle before
	 * its noun is an adjective */
	if (ends_in(t->low, "ed", 4) && j > 0 && j + 1 < c->n &&
	    (word_is(c, j - 1, "at") || word_is(c, j - 1, "with") || word_is(c, j - 1, "under") ||
	     word_is(c, j - 1, "amid") || word_is(c, j - 1, "behind")) &&
	    c->tk[j + 1].kind == AN_TK_WORD && !c->tk[j + 1].cap && !c->tk[j + 1].w.cls &&
	    !is_determiner(c, j + 1) && !an_tx_one_of(c, j + 1, preps_adj))
		return 0;
	/* "is to visit affected areas on Thursday", "to rebuild damaged
	 * homes": between an infinitive's verb and its object noun, the
	 * participle is an adjective (not "to have finished", "to be
	 * married") */
	if (ends_in(t->low, "ed", 4) && j > 1 && j + 1 < c->n && word_is(c, j - 2, "to") &&
	    an_tx_word(c, j - 1) && !c->tk[j - 1].cap &&
	    !(c->tk[j - 1].w.cls & ~(AN_TXW_SCHED | AN_TXW_START)) &&
	    !word_is(c, j - 1, "have") && !word_is(c, j - 1, "be") && !word_is(c, j - 1, "get") &&
	    !word_is(c, j - 1, "become") && an_tx_word(c, j + 1) && !c->tk[j + 1].cap &&
	    !c->tk[j + 1].w.cls && !is_determiner(c, j + 1) && !an_tx_one_of(c, j + 1, preps_adj))
		return 0;
	/* "will have their general waste collected every two weeks from the
	 * autumn": the participle of "have" or "get" and its object tells
	 * what is done, no tense ("had his car stolen" keeps the "had") */
	if (!nested && ends_in(t->low, "ed", 4) && j > 2) {
		static const char *const causative[] = {"have", "has", "having", "get", "gets",
		                                        "getting", NULL};
		for (size_t k = j - 1, n = 0; k > 0 && n < 5; k--, n++) {
			if (!an_tx_word(c, k) || c->tk[k].sent || (n > 0 && cue(c, k, 1)))
				break;
			if (is_determiner(c, k) && an_tx_one_of(c, k - 1, causative))
				return 0;
			/* (or a bare plural: "who have jobs lined up for the
			 * summer") */
			if (n == 0 && !c->tk[k].cap && ends_in(c->tk[k].low, "s", 3) &&
			    !ends_in(c->tk[k].low, "ss", 3) && an_tx_one_of(c, k - 1, causative))
				return 0;
		}
	}
	/* "within three days of going on sale Saturday": after a
	 * preposition, "going" is a gerund with no tense of its own */
	/* (and "going" is "going to" alone: "finished going door to door
	 * on Monday" tells of no plan) */
	if (eq(t->low, "going") && j > 0 &&
	    (word_is(c, j - 1, "of") || word_is(c, j - 1, "after") || word_is(c, j - 1, "since") ||
	     word_is(c, j - 1, "before") || word_is(c, j - 1, "without") ||
	     word_is(c, j - 1, "from") || !word_is(c, j + 1, "to")))
		return 0;
	/* "is Christmas Day, followed by Boxing Day": a participle of
	 * sequence after a comma has the tense of the clause before it */
	if ((eq(t->low, "followed") || eq(t->low, "preceded")) && word_is(c, j + 1, "by") &&
	    j > 0 && an_tx_is_punct(c, j - 1, ','))
		return 0;
	/* "with a ceremony attended by the emperor on Saturday": a passive
	 * participle right after its noun is no verb of the clause */
	if (word_is(c, j + 1, "by") && ends_in(t->low, "ed", 4) && j > 1 &&
	    c->tk[j - 1].kind == AN_TK_WORD && !c->tk[j - 1].cap && is_determiner(c, j - 2))
		return 0;
	/* "the first broadcast", "the original cast": a past form after a
	 * determiner and an ordinal is a noun ("The final will" keeps its
	 * modal) */
	if (j > 1 && ((t->w.cls & AN_TXW_PAST) || ends_in(t->low, "ed", 3)) &&
	    is_determiner(c, j - 2) &&
	    (word_is(c, j - 1, "first") || word_is(c, j - 1, "second") ||
	     word_is(c, j - 1, "third") || word_is(c, j - 1, "final") ||
	     word_is(c, j - 1, "latest") || word_is(c, j - 1, "original") ||
	     word_is(c, j - 1, "initial") || word_is(c, j - 1, "previous")))
		return 0;
	/* "sells used cars": "used" before a noun is an adjective; the verb
	 * takes an object with its determiner, a pronoun or "to" */
	if (eq(t->low, "used") && j + 1 < c->n && c->tk[j + 1].kind == AN_TK_WORD &&
	    !c->tk[j + 1].cap && !is_determiner(c, j + 1)) {
		static const char *const objs[] = {"to", "it", "them", "him", "me", "us", "by", "in",
		                                   "as", "for", "on", "at", "up", "these", "those",
		                                   "some", "all", "both", "more", "less", NULL};
		if (!in_list(objs, c->tk[j + 1].low))
			return 0;
	}
	/* "more than 600 planned operations", "the 12 scheduled flights": a
	 * participle of plans before its noun, after a number, is an
	 * adjective and no plan ahead */
	if ((eq(t->low, "planned") || eq(t->low, "scheduled") || eq(t->low, "expected")) &&
	    j > 0 && c->tk[j - 1].kind == AN_TK_NUM && j + 1 < c->n &&
	    c->tk[j + 1].kind == AN_TK_WORD && !c->tk[j + 1].cap && !c->tk[j + 1].w.cls &&
	    ends_in(c->tk[j + 1].low, "s", 2))
		return 0;
	/* "Ballots were due at 5 p.m. Tuesday": a deadline told in the past
	 * ("was due to" is still a plan) */
	if (eq(t->low, "due") && j > 0 && (word_is(c, j - 1, "was") || word_is(c, j - 1, "were")) &&
	    !word_is(c, j + 1, "to"))
		return -1;
	/* "began earlier than planned on Monday", "rose more than expected
	 * Tuesday": a participle after "than" compares, it tells no tense */
	if (j > 0 && word_is(c, j - 1, "than"))
		return 0;
	/* "costs $32 if bought by Thursday", "unless renewed by Friday": a
	 * participle of a condition tells no past */
	if (j > 0 && (word_is(c, j - 1, "if") || word_is(c, j - 1, "unless")) &&
	    ((t->w.cls & AN_TXW_PAST) || ends_in(t->low, "ed", 3)))
		return 0;
	/* "trains would start earlier and run later": after a verb of
	 * schedule, "earlier" compares times of day and tells no past */
	if (eq(t->low, "earlier") && j > 0 && (c->tk[j - 1].w.cls & AN_TXW_SCHED))
		return 0;
	/* ("Curtain times will move 30 minutes earlier in August": so it
	 * does after an amount of time that a verb shifts by) */
	if ((eq(t->low, "earlier") || eq(t->low, "later")) && j > 1 &&
	    (c->tk[j - 1].w.cls & AN_TXW_UNIT) && (c->tk[j - 1].w.cls & AN_TXW_PLURAL) &&
	    c->tk[j - 2].kind == AN_TK_NUM)
		return 0;
	/* ("Freight services will be hit earlier, from Sunday evening": so
	 * it does in a clause ahead) */
	if (eq(t->low, "earlier"))
		for (size_t k = j, n = 0; k > 0 && n < 3 && !c->tk[k].sent; k--, n++)
			if (word_is(c, k - 1, "will") || word_is(c, k - 1, "would"))
				return 0;
	/* "The season tips off Friday", "The first group tees off at 7:40
	 * a.m. Thursday" */
	if (eq(t->low, "tips") || eq(t->low, "tip") || eq(t->low, "tees") || eq(t->low, "tee"))
		return word_is(c, j + 1, "off") ? 1 : 0;
	/* "Pupils break up for the holidays on Friday": a school's term */
	/* (not an infinitive: "Police had to break up a fight") */
	if ((eq(t->low, "break") || eq(t->low, "breaks")) && word_is(c, j + 1, "up") && j > 0 &&
	    !is_determiner(c, j - 1) && !word_is(c, j - 1, "to"))
		return 1;
	/* "It reports second-quarter results on Wednesday": a present of
	 * publishing figures is the date they are due (not "reports that") */
	if (eq(t->low, "reports") || eq(t->low, "releases") || eq(t->low, "publishes") ||
	    eq(t->low, "posts")) {
		static const char *const figures[] = {"results", "earnings", "figures", "data",
		                                      "numbers", NULL};
		/* ("reports second-quarter results": past the hyphen) */
		for (size_t k = j + 1; k < c->n && k <= j + 5; k++)
			if (c->tk[k].kind == AN_TK_WORD && in_list(figures, c->tk[k].low))
				return 1;
	}
	if (eq(t->low, "won") && neg_t(c, j))
		return 1; /* "won't" */
	if (an_tx_one_of(c, j, modals) && modal_past(c, j))
		return -1;
	/* "has to respond Thursday", "needs to file": an obligation ahead
	 * ("has to do with" is no tense) */
	if ((eq(t->low, "has") || eq(t->low, "have") ||
	     eq(t->low, "need") || eq(t->low, "needs")) &&
	    word_is(c, j + 1, "to") && !word_is(c, j + 2, "do"))
		return 1;
	/* "The Fed also cut its discount rate on Sunday night": a verb that
	 * has one form for present and past, right after a name (an adverb
	 * between), is a past; the present would take "-s" */
	if ((eq(t->low, "cut") || eq(t->low, "beat") || eq(t->low, "shut") || eq(t->low, "quit") ||
	     eq(t->low, "split") || eq(t->low, "spread")) && j > 1) {
		size_t s = j - 1;
		if (word_is(c, s, "also") || word_is(c, s, "then") || word_is(c, s, "just"))
			s--;
		if (c->tk[s].kind == AN_TK_WORD && c->tk[s].cap && !c->tk[s].sent && !c->tk[s].w.cls)
			return -1;
	}
	/* "Another storm is headed for New England on Sunday night": on
	 * its way to what is ahead */
	if ((eq(t->low, "headed") || eq(t->low, "heading")) && j > 0 &&
	    (word_is(c, j - 1, "is") || word_is(c, j - 1, "are")) &&
	    (word_is(c, j + 1, "for") || word_is(c, j + 1, "to") || word_is(c, j + 1, "toward") ||
	     word_is(c, j + 1, "towards")))
		return 1;
	/* "has not ruled out further action in April", "refused to rule
	 * out": what is not ruled out is a possibility ahead ("ruled out a
	 * deal on Monday" is the day of the ruling) */
	if ((eq(t->low, "ruled") || eq(t->low, "rule")) && word_is(c, j + 1, "out") && j > 0 &&
	    (word_is(c, j - 1, "not") || word_is(c, j - 1, "never") || word_is(c, j - 1, "to") ||
	     (word_is(c, j - 1, "t") && an_tx_is_apos(c, j - 2))))
		return 1;
	/* ("a date the president set in April": after a singular subject,
	 * whose present would be "sets", a past) */
	if (eq(t->low, "set"))
		return word_is(c, j + 1, "to") || word_is(c, j + 1, "for") ? 1
		       : singular_subject(c, j)                              ? -1
		                                                             : 0;
	/* "a trial date was fixed for 15 June", "slated for Friday" */
	if ((eq(t->low, "fixed") || eq(t->low, "slated") || eq(t->low, "pencilled") ||
	     eq(t->low, "penciled")) && word_is(c, j + 1, "for"))
		return 1;
	/* "remanded in custody to appear again on January 7": a court date */
	if ((eq(t->low, "appear") || eq(t->low, "reappear")) && j > 0 && word_is(c, j - 1, "to"))
		return 1;
	/* "they plan a march downtown on Halloween" */
	if ((eq(t->low, "plan") || eq(t->low, "plans")) && j > 0 &&
	    (word_is(c, j - 1, "they") || word_is(c, j - 1, "we") || word_is(c, j - 1, "he") ||
	     word_is(c, j - 1, "she") || word_is(c, j - 1, "i")))
		return 1;
	/* "are bracing for a return of extreme heat on Friday", "preparing
	 * for": what is braced for is ahead */
	if ((eq(t->low, "bracing") || eq(t->low, "preparing")) && word_is(c, j + 1, "for"))
		return 1;
	/* "Other measures take effect on July 1" (not "did not take effect") */
	if (eq(t->low, "take") && word_is(c, j + 1, "effect"))
		return j > 0 && (word_is(c, j - 1, "not") || word_is(c, j - 1, "did") ||
		                 word_is(c, j - 1, "never") || word_is(c, j - 1, "t")) ? 0 : 1;
	/* "light snow was possible late Friday", "rain is likely Sunday": a
	 * forecast's chance is ahead, whatever the tense of its report */
	if ((eq(t->low, "possible") || eq(t->low, "likely") || eq(t->low, "unlikely")) && j > 0 &&
	    (word_is(c, j - 1, "was") || word_is(c, j - 1, "is") || word_is(c, j - 1, "were") ||
	     word_is(c, j - 1, "are") || word_is(c, j - 1, "be")) &&
	    !(word_is(c, j + 1, "to") && word_is(c, j + 2, "have"))) /* "likely to have been" */
		return 1;
	if (eq(t->low, "next") && word_is(c, j + 1, "to"))
		return 0; /* "the blasts next to the embassies" */
	/* "its July forecast of $3", "raised its full-year forecast after
	 * revenue in the second quarter jumped": after a month, a
	 * determiner or a word that names what it forecasts, a noun */
	if ((eq(t->low, "forecast") || eq(t->low, "forecasts")) && j > 0 &&
	    (month_name(c, j - 1) || is_determiner(c, j - 1) || word_is(c, j - 1, "year") ||
	     word_is(c, j - 1, "annual") || word_is(c, j - 1, "sales") ||
	     word_is(c, j - 1, "earnings") || word_is(c, j - 1, "profit") ||
	     word_is(c, j - 1, "revenue") || word_is(c, j - 1, "growth")))
		return 0;
	/* "kept their playoff hopes alive into December": after a possessive
	 * and a noun, "hopes" is one too ("the team hopes to" is a verb) */
	if ((eq(t->low, "hopes") || eq(t->low, "hope")) && j > 1 && !word_is(c, j + 1, "to") &&
	    !word_is(c, j + 1, "that") && c->tk[j - 1].kind == AN_TK_WORD && !c->tk[j - 1].cap &&
	    (word_is(c, j - 2, "their") || word_is(c, j - 2, "his") || word_is(c, j - 2, "her") ||
	     word_is(c, j - 2, "its") || word_is(c, j - 2, "our") || an_tx_is_apos(c, j - 2) ||
	     (j > 2 && an_tx_is_apos(c, j - 3) && word_is(c, j - 2, "s"))))
		return 0;
	/* "plans to" is a plan ahead; "vacation plans for the trip" a noun;
	 * so is "Engineers plan a second test", a verb with its object
	 * ("the plan" and "its plans" are nouns whatever follows) */
	if (eq(t->low, "plans") || eq(t->low, "plan"))
		return word_is(c, j + 1, "to") ||
		       (is_determiner(c, j + 1) && !word_is(c, j + 1, "that") &&
		        !word_is(c, j + 1, "this") && j > 0 && !is_determiner(c, j - 1) &&
		        !an_tx_is_apos(c, j - 1) && !(j > 1 && an_tx_is_apos(c, j - 2)))
		       ? 1 : 0;
	/* "the hastily planned trip", "a long expected visit": adjectives */
	if ((t->w.cls & AN_TXW_FUTURE) && j > 1 && is_determiner(c, j - 2) &&
	    c->tk[j - 1].kind == AN_TK_WORD && ends_in(c->tk[j - 1].low, "ly", 4) &&
	    ends_in(t->low, "ed", 2))
		return 0;
	/* "as planned", "as previously scheduled", "as expected": a
	 * comparison with the plan, no tense of its own ("the offensive
	 * began as planned Saturday", "will go ahead as planned Friday") */
	if ((t->w.cls & AN_TXW_FUTURE) && j > 0 &&
	    (word_is(c, j - 1, "as") ||
	     (j > 1 && word_is(c, j - 2, "as") && c->tk[j - 1].kind == AN_TK_WORD &&
	      ends_in(c->tk[j - 1].low, "ly", 4))))
		return 0;
	/* "SpaceX is targeting Thursday", "are eyeing March": a plan */
	if ((eq(t->low, "targeting") || eq(t->low, "eyeing")) && j > 0 &&
	    (word_is(c, j - 1, "is") || word_is(c, j - 1, "are") || word_is(c, j - 1, "s")))
		return 1;
	/* "is to resume trading Tuesday": a plan */
	if ((eq(t->low, "is") || eq(t->low, "are")) && word_is(c, j + 1, "to"))
		return 1;
	if (eq(t->low, "could") && word_is(c, j + 1, "not"))
		return 0; /* "could not be reached Friday" */
	/* "Neither he nor his lawyer could be located Wednesday", "No one
	 * could say Friday ...": a negated "could" is the past of "can" (was
	 * not able), no future */
	if (eq(t->low, "could")) {
		static const char *const neg[] = {"neither", "nor", "no", "nobody",
		                                  "none", "never", "nothing", NULL};
		for (size_t h = j, d = 0; h > 0 && d < 8 && !c->tk[h].sent; d++) {
			h--;
			if (an_tx_is_punct(c, h, ',') || an_tx_is_punct(c, h, ';') ||
			    an_tx_is_punct(c, h, ':'))
				break;
			if (c->tk[h].kind == AN_TK_WORD && in_list(neg, c->tk[h].low))
				return 0;
		}
	}
	int k = 0;
	/* "had begun planning in early September": the gerund of a plan is
	 * the verb before it's, "begun" or "started" */
	if ((t->w.cls & AN_TXW_FUTURE) && ends_in(t->low, "ing", 5) && j > 0 &&
	    (word_is(c, j - 1, "begun") || word_is(c, j - 1, "began") ||
	     word_is(c, j - 1, "started") || word_is(c, j - 1, "stopped")))
		return -1;
	if (t->w.cls & AN_TXW_FUTURE)
		return 1;
	if (t->w.cls & AN_TXW_PAST) {
		k = -1;
		/* "is expected to hit Friday", "could last until June" */
		size_t p = j;
		if (p > 0 && (word_is(c, p - 1, "not") || word_is(c, p - 1, "never")))
			p--;
		else if (p > 2 && word_is(c, p - 1, "t") && c->tk[p - 2].kind == AN_TK_PUNCT)
			p -= 2;
		if (p > 0 && an_tx_one_of(c, p - 1, inf_before))
			return 0;
	} else {
		size_t n = strlen(t->low);
		if (n >= 5 && t->low[n - 2] == 'e' && t->low[n - 1] == 'd' &&
		    !in_list(not_past, t->low) &&
		    (t->low[n - 3] != 'e' || in_list(eed_past, t->low)))
			k = -1;
		/* "a previously announced plan", "a still unspecified date": an
		 * adjective after a determiner and an adverb */
		if (k < 0 && j > 1 && is_determiner(c, j - 2) && c->tk[j - 1].kind == AN_TK_WORD) {
			const char *a = c->tk[j - 1].low;
			size_t an = strlen(a);
			if ((an > 4 && a[an - 2] == 'l' && a[an - 1] == 'y') ||
			    strcmp(a, "still") == 0 || strcmp(a, "yet") == 0 ||
			    strcmp(a, "newly") == 0 || strcmp(a, "only") == 0 ||
			    strcmp(a, "most") == 0) /* "their only televised debate" */
				return 0;
		}
		/* "will present updated data", "could offer revised terms": after
		 * a modal and its verb, an "-ed" word is an adjective of the
		 * object (not "will have finished", "would be delayed") */
		static const char *const aux[] = {"will", "would", "could", "should", "must", "might",
		                                  "may", "can", "shall", NULL};
		if (k < 0 && j > 1 && an_tx_one_of(c, j - 2, aux) &&
		    !month_name(c, j - 2) && /* "in May and" */
		    c->tk[j - 1].kind == AN_TK_WORD && !word_is(c, j - 1, "have") &&
		    !word_is(c, j - 1, "be") && !word_is(c, j - 1, "get") && !word_is(c, j - 1, "not"))
			return 0;
	}
	/* "resolutions they will have abandoned by Valentine's Day": a future
	 * perfect */
	if (k < 0 && j > 1 && word_is(c, j - 1, "have") &&
	    (word_is(c, j - 2, "will") || word_is(c, j - 2, "ll")))
		return 1;
	/* (past an adverb in "-ly": "will be fully staffed"; or of degree:
	 * "will be better prepared in the fall") */
	static const char *const degree[] = {"better", "well", "best", "worse", "still", "also",
	                                     "already", "now", "more", "less", NULL};
	size_t pj = k < 0 && j > 2 && c->tk[j - 1].kind == AN_TK_WORD &&
	                    (ends_in(c->tk[j - 1].low, "ly", 4) || an_tx_one_of(c, j - 1, degree))
	                ? j - 1 : j;
	/* "with details to be announced on Thursday": a passive infinitive
	 * is of what is still to come */
	if (k < 0 && pj > 1 && word_is(c, pj - 1, "be") && word_is(c, pj - 2, "to"))
		return 1;
	/* "would be held": the modal decides; "is held", "are played": a
	 * present passive, no tense */
	if (k < 0 && pj > 0 && (word_is(c, pj - 1, "be") || word_is(c, pj - 1, "being") ||
	                        word_is(c, pj - 1, "is") || word_is(c, pj - 1, "are")))
		return 0;
	/* (so is the second of two joined by "and": "will be cooled and
	 * calibrated before operations begin in June") */
	if (k < 0 && pj > 2 && word_is(c, pj - 1, "and") && c->tk[pj - 2].kind == AN_TK_WORD &&
	    ends_in(c->tk[pj - 2].low, "ed", 3) &&
	    (word_is(c, pj - 3, "be") || word_is(c, pj - 3, "being") || word_is(c, pj - 3, "is") ||
	     word_is(c, pj - 3, "are")))
		return 0;
	/* "will stay closed", "remains shut": an adjective after a link verb */
	if (k < 0 && j > 0 && an_tx_one_of(c, j - 1, link_verbs))
		return 0;
	return k;
}
