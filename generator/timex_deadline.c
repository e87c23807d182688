/* timex_deadline.c - the phrases of filings, notices and court orders
 * that bound a date or set a deadline: "on or before March 15, 2026", "on
 * or after Dec. 1", "on or about Nov. 14", "2027 or later", "at least the
 * next two years" (the mods of "no later than"; "on" opens too many
 * phrases to be a word the dispatcher starts at, so the driver, timex.c,
 * widens a dated match back over the words before it), and "gave the
 * parties until Friday to file briefs", a deadline granted whose day is
 * still ahead, "ahead of the election on Thursday", the day of an event
 * awaited, "Wednesday's ruling", the day of an act done, "has quit ...
 * before Monday's election", an event ahead, and "up 9 cents from
 * Wednesday", "up from its July forecast", a day or figure compared with
 * (all read by timex_anchor.c). */
#include "timex_impl.h"
#include "timex_tense.h"

#include <string.h>

void an_tx_on_or(an_tx_match *m, const an_tx_ctx *c, size_t lo)
{
	size_t b = m->tb;
	/* "on or around Feb. 18": "around" already made it APPROX */
	if (b >= lo + 2 && strcmp(m->mod, "APPROX") == 0 &&
	    (an_tx_is(c, b, "around") || an_tx_is(c, b, "about")) && an_tx_is(c, b - 1, "or") &&
	    an_tx_is(c, b - 2, "on")) {
		m->tb = b - 2;
		return;
	}
	/* "for at least the next two years": the quantifier before "the",
	 * which the duration's own rule reads only right before the amount */
	if (m->type == AN_TIMEX_DURATION && !m->mod[0] && b >= lo + 2 && an_tx_is(c, b, "the") &&
	    (an_tx_is(c, b - 1, "least") || an_tx_is(c, b - 1, "most")) && an_tx_is(c, b - 2, "at")) {
		an_tx_copy(m->mod, sizeof m->mod,
		           an_tx_is(c, b - 1, "least") ? "EQUAL_OR_MORE" : "EQUAL_OR_LESS");
		m->tb = b - 2;
		return;
	}
	/* "students graduating in 2027 or later", "models from 2019 or
	 * earlier": the bound and the rest, one timex (TimeBank's "1994 or
	 * later") */
	size_t e = m->te;
	if (m->type == AN_TIMEX_DATE && !m->mod[0] && m->anchor.g != AN_GRAN_NONE &&
	    an_tx_is(c, e, "or") && (an_tx_is(c, e + 1, "later") || an_tx_is(c, e + 1, "earlier")) &&
	    !an_tx_is(c, e + 2, "than")) {
		an_tx_copy(m->mod, sizeof m->mod,
		           an_tx_is(c, e + 1, "later") ? "ON_OR_AFTER" : "ON_OR_BEFORE");
		m->te = e + 2;
		return;
	}
	if (b < lo + 3 || (m->type != AN_TIMEX_DATE && m->type != AN_TIMEX_TIME) || m->mod[0] ||
	    m->anchor.g == AN_GRAN_NONE || !an_tx_is(c, b - 2, "or") || !an_tx_is(c, b - 3, "on"))
		return;
	const char *mod;
	if (an_tx_is(c, b - 1, "before"))
		mod = "ON_OR_BEFORE";
	else if (an_tx_is(c, b - 1, "after"))
		mod = "ON_OR_AFTER";
	else if (an_tx_is(c, b - 1, "about") || an_tx_is(c, b - 1, "around"))
		mod = "APPROX";
	else
		return;
	an_tx_copy(m->mod, sizeof m->mod, mod);
	m->tb = b - 3;
}

/* "on or before" / "on or after" ends just before token tb. */
int an_tx_on_or_before(const an_tx_ctx *c, size_t tb)
{
	return tb > 3 && an_tx_is(c, tb - 2, "or") && an_tx_is(c, tb - 3, "on") &&
	       (an_tx_is(c, tb - 1, "before") || an_tx_is(c, tb - 1, "after"));
}

/* A month-day at k ("June 1", "Sept. 1") whose next occurrence is at most
 * half a year after the DCT. */
static int month_day_soon(const an_tx_ctx *c, size_t k)
{
	if (k >= c->n || c->tk[k].kind != AN_TK_WORD || !(c->tk[k].w.cls & AN_TXW_MONTH))
		return 0;
	size_t j = k + 1;
	if (an_tx_is_punct(c, j, '.') && (c->tk[k].w.cls & AN_TXW_ABBR))
		j++;
	if (!an_tx_num(c, j) || c->tk[j].ndig > 2)
		return 0;
	an_date d = {c->dct.y, c->tk[k].w.month, (int)c->tk[j].num};
	if (!an_date_valid(d))
		return 0;
	long ahead = an_date_to_days(d) - an_date_to_days(c->dct);
	if (ahead < 0) {
		d.y++;
		ahead = an_date_valid(d) ? an_date_to_days(d) - an_date_to_days(c->dct) : 999;
	}
	return ahead <= 183;
}

/* "until" at u and a weekday after it, ending at te, set a deadline
 * granted: "gave the parties until Friday to file briefs", "had until
 * Monday to respond", "admitted students have until May 1 to accept".
 * Not "was closed until Monday to allow repairs" (no verb of granting),
 * nor a month-day the half year ahead does not hold
 * ("was given until Sept. 1 to leave", said in November, is long past;
 * "gave both sides until June 1 to file motions" in February is not). */
int an_tx_granted_until(const an_tx_ctx *c, size_t u, size_t te)
{
	static const char *const dets[] = {"the", "a", "an", "his", "her", "their", "its", NULL};
	static const char *const grant[] = {"gave", "given", "granted", "had", "have", "has",
	                                    NULL};
	/* (the day may come after its hour: "have until 11:59 p.m. Eastern
	 * time on Friday to submit") */
	int day = 0;
	for (size_t k = u + 1; k < te && k < c->n && !day; k++)
		day = (c->tk[k].w.cls & AN_TXW_WDAY) && c->tk[k].kind == AN_TK_WORD;
	if (u + 1 >= c->n || !(day || month_day_soon(c, u + 1)) ||
	    !an_tx_is(c, te, "to") || !an_tx_word(c, te + 1) || c->tk[te + 1].cap ||
	    an_tx_one_of(c, te + 1, dets) || (c->tk[te + 1].w.cls & (AN_TXW_WDAY | AN_TXW_MONTH)))
		return 0;
	for (size_t j = u, d = 0; d < 4 && j > 0 && !c->tk[j].sent; d++)
		if (an_tx_one_of(c, --j, grant))
			return 1;
	return 0;
}

/* "Toronto sellers brace for a quieter Sunday", "is preparing for a busy
 * Saturday": the weekday at tb, with up to two words of its noun phrase
 * before it, that a present of bracing is for ("were bracing for
 * Sunday" may be over). */
static int braced_for(const an_tx_ctx *c, size_t tb)
{
	static const char *const brace[] = {"brace", "braces", "bracing", "prepare", "prepares",
	                                    "preparing", NULL};
	if (!(c->tk[tb].w.cls & AN_TXW_WDAY) || !c->tk[tb].cap || tb < 3)
		return 0;
	/* (the "for" first, cheaply: the words between are read after) */
	size_t k = tb;
	while (k > tb - 2 && k > 2 && !word_is(c, k - 1, "for"))
		k--;
	if (!word_is(c, k - 1, "for") || !an_tx_one_of(c, k - 2, brace))
		return 0;
	for (size_t q = k; q < tb; q++)
		if (c->tk[q].kind != AN_TK_WORD || c->tk[q].cap || an_tx_cue(c, q))
			return 0;
	return !word_is(c, k - 3, "was") && !word_is(c, k - 3, "were") && !word_is(c, k - 3, "had");
}

/* The weekday at tb dates the event a phrase of waiting governs: "ahead
 * of the election on Thursday", "clearing the way for the single
 * currency's launch on Friday", "in the run-up to the vote on Sunday";
 * so does a month-day the half year ahead holds ("ahead of its first
 * free elections on January 30" on Dec. 31).  The noun phrase between
 * holds no verb. */
int an_tx_awaited_day(const an_tx_ctx *c, size_t tb)
{
	if (braced_for(c, tb))
		return 1;
	if (tb < 4 || !(((c->tk[tb].w.cls & AN_TXW_WDAY) && c->tk[tb].cap) ||
	                month_day_soon(c, tb)) ||
	    !an_tx_is(c, tb - 1, "on"))
		return 0;
	for (size_t k = tb - 2, n = 0; k > 1 && n < 7; k--, n++) {
		if (an_tx_is(c, k, "of") && an_tx_is(c, k - 1, "ahead"))
			return 1;
		if ((an_tx_is(c, k, "for") && an_tx_is(c, k - 1, "way")) ||
		    (an_tx_is(c, k, "to") && an_tx_is(c, k - 1, "up") &&
		     (an_tx_is(c, k - 2, "run") ||
		      (k > 2 && an_tx_is_punct(c, k - 2, '-') && an_tx_is(c, k - 3, "run")))))
			return 1;
		/* (a possessive's apostrophe and "s" are part of the phrase) */
		if (c->tk[k].sent || (c->tk[k].kind != AN_TK_WORD && !an_tx_is_apos(c, k)) ||
		    an_tx_cue(c, k))
			return 0;
	}
	return 0;
}

/* Nouns of acts that are over once named: "Wednesday's ruling", "a
 * shooting Sunday". */
const char *const an_tx_acts[] = {
	"ruling", "rulings", "decision", "verdict", "announcement", "declaration",
	"attack", "attacks", "bombing", "bombings", "shooting", "shootings",
	"crash", "explosion", "explosions", "blast", "blasts", "killing",
	"killings", "arrest", "arrests", "resignation", "raid", "raids",
	"quake", "earthquake", "collapse", "selloff", "plunge", "close",
	"closing", "remarks", "statement", "ambush", "massacre", "accident",
	"derailment", "fire", "trading", "losses", "gains",
	"defeat", "loss", "rout", "victory", "win", "upset", "crackdown", "landslide", NULL};

/* An owner before the act noun that ends at k+1 ("his", "her", "its",
 * "their", or a name's "'s"), itself after "responding to", "reacting
 * to" or "in response to". */
static int answered(const an_tx_ctx *c, size_t k)
{
	static const char *const owners[] = {"his", "her", "its", "their", NULL};
	static const char *const answer[] = {"responding", "reacting", "response", "responded",
	                                     "reacted", NULL};
	if (word_is(c, k, "s") && k > 1 && an_tx_is_apos(c, k - 1) && !c->tk[k].space) {
		k -= 2; /* past the name: "President Donald Trump" */
		for (size_t n = 0; n < 4 && k > 0 && c->tk[k].kind == AN_TK_WORD && c->tk[k].cap; n++)
			k--;
		k += 1;
	} else if (!an_tx_one_of(c, k, owners)) {
		return 0;
	}
	return k > 1 && word_is(c, k - 1, "to") && c->tk[k - 2].kind == AN_TK_WORD &&
	       in_list(answer, c->tk[k - 2].low);
}

/* "Wednesday's ruling", "Tuesday's deadly attack": a weekday in the
 * possessive before the noun of a completed act names the day the act
 * was done, whatever the verb of the clause ("said they would look for
 * ways to get around Wednesday's ruling": the appeal is ahead, the ruling
 * behind); so does a month that modifies such a noun ("despite the
 * October crash").  Only nouns of acts that are over once they are named
 * this way; a scheduled event ("Friday's vote", "Sunday's game") follows
 * its clause, and so does any act with a word that puts it ahead ("ahead
 * of Thursday's decision", "Friday's expected ruling"). */
int an_tx_possessive_act(const an_tx_ctx *c, size_t tb, size_t te)
{
	static const char *const ahead[] = {
		"ahead", "before", "await", "awaits", "awaiting", "pending", "until",
		"upcoming", "expected", "planned", "scheduled", "proposed", "likely",
		"bracing", "braced", "brace", "preparing", "prepared", "prepare", "gearing",
		"readying",
		"possible", "anticipated", "looming", "forthcoming", "coming", NULL};
	/* "despite the October crash", "after the March attack": a month
	 * before such a noun, after "the", alike */
	if (tb > 0 && tb + 1 == te && te < c->n && an_tx_is(c, tb - 1, "the") &&
	    (c->tk[tb].w.cls & AN_TXW_MONTH) && c->tk[tb].cap && c->tk[te].kind == AN_TK_WORD &&
	    !c->tk[te].cap &&
	    in_list(an_tx_acts, c->tk[te].low) && !an_tx_is(c, te, "close") &&
	    !an_tx_is(c, te, "closing") && !an_tx_is(c, te, "trading") &&
	    !(tb > 1 && c->tk[tb - 2].kind == AN_TK_WORD && in_list(ahead, c->tk[tb - 2].low)))
		return 1;
	/* (so does a weekday after an owner's act that is answered:
	 * "responding to President Donald Trump's announcement on
	 * Thursday", "reacting to her resignation on Monday"; not "will wait
	 * for the president's decision on Thursday") */
	if (tb > 4 && (c->tk[tb].w.cls & AN_TXW_WDAY) && word_is(c, tb - 1, "on") &&
	    c->tk[tb - 2].kind == AN_TK_WORD && in_list(an_tx_acts, c->tk[tb - 2].low) &&
	    answered(c, tb - 3))
		return 1;
	if (te < 1 || te + 2 >= c->n || !(c->tk[te - 1].w.cls & AN_TXW_WDAY))
		return 0;
	const an_tk *a = &c->tk[te];
	if (a->kind != AN_TK_PUNCT ||
	    (strcmp(a->low, "'") != 0 && strcmp(a->low, "\xe2\x80\x99") != 0) ||
	    !word_is(c, te + 1, "s") || an_tx_glued(c, te) == 0)
		return 0;
	if (in_list(ahead, c->tk[te + 2].low))
		return 0;
	/* "counting ballots from Tuesday's election", "a majority in
	 * Tuesday's primary", "the winner of Saturday's vote": what came
	 * out of an event is counted after it */
	static const char *const outcome[] = {
		"result", "results", "winner", "winners", "loser", "losers", "ballots",
		"seats", "majority", "turnout", "count", "outcome", "aftermath", "cast", NULL};
	if (tb > 1 && (word_is(c, tb - 1, "in") || word_is(c, tb - 1, "from") ||
	               word_is(c, tb - 1, "of")) &&
	    c->tk[tb - 2].kind == AN_TK_WORD && in_list(outcome, c->tk[tb - 2].low))
		return 1;
	for (size_t d = 1; d <= 2 && tb >= d; d++)
		if (c->tk[tb - d].kind == AN_TK_WORD && in_list(ahead, c->tk[tb - d].low))
			return 0;
	return (c->tk[te + 2].kind == AN_TK_WORD && in_list(an_tx_acts, c->tk[te + 2].low)) ||
	       (te + 3 < c->n && c->tk[te + 2].kind == AN_TK_WORD &&
	        c->tk[te + 3].kind == AN_TK_WORD && in_list(an_tx_acts, c->tk[te + 3].low));
}

/* "below the $99.7 billion forecast in December", "up from the ¥155
 * billion it forecast in August": the date of a figure's forecast is when
 * it was made, behind. */
int an_tx_forecast_made(const an_tx_ctx *c, size_t tb)
{
	static const char *const pronouns[] = {"it", "they", "we", "he", "she", NULL};
	static const char *const made[] = {"forecast", "estimated", "predicted", "projected",
	                                   NULL};
	if (tb < 3 || !(an_tx_is(c, tb - 1, "in") || an_tx_is(c, tb - 1, "on")))
		return 0;
	if (an_tx_one_of(c, tb - 3, pronouns) && an_tx_one_of(c, tb - 2, made))
		return 1;
	return (an_tx_is(c, tb - 2, "forecast") || an_tx_is(c, tb - 2, "estimate")) &&
	       (an_tx_num(c, tb - 3) || an_tx_is(c, tb - 3, "million") ||
	        an_tx_is(c, tb - 3, "billion") || an_tx_is(c, tb - 3, "percent") ||
	        an_tx_is_punct(c, tb - 3, '%'));
}

/* "earnings of $3.60 a share, up from its July forecast of $3", "down
 * from 1.2 percent in the fourth quarter": what a figure is up or down
 * from is behind it, whatever the clause's tense; so is the day a raise
 * is made retroactive to. */
int an_tx_compared_from(const an_tx_ctx *c, size_t tb)
{
	/* (and what a raise is backdated to: "the first increase retroactive
	 * to July 1", "backdated to April") */
	if (tb > 1 && an_tx_is(c, tb - 1, "to") &&
	    (an_tx_is(c, tb - 2, "retroactive") || an_tx_is(c, tb - 2, "retroactively") ||
	     an_tx_is(c, tb - 2, "backdated")))
		return 1;
	/* (from before "mid-", "early", "late") */
	if (tb > 2 && an_tx_is_dash(c, tb - 1) && an_tx_is(c, tb - 2, "mid"))
		tb -= 2;
	else if (tb > 1 && (an_tx_is(c, tb - 1, "early") || an_tx_is(c, tb - 1, "late")))
		tb--;
	for (size_t k = tb, d = 0; k > 1 && d < 8 && !c->tk[k].sent; d++) {
		k--;
		if (c->tk[k].kind == AN_TK_PUNCT && !an_tx_is_punct(c, k, '$') &&
		    !an_tx_is_punct(c, k, '.'))
			return 0;
		if (an_tx_is(c, k, "from"))
			return an_tx_is(c, k - 1, "up") || an_tx_is(c, k - 1, "down");
		/* "more than double its low of $9.55 in mid-December": a
		 * figure's low or high reached is behind it */
		if ((an_tx_is(c, k, "low") || an_tx_is(c, k, "high") || an_tx_is(c, k, "peak")) &&
		    (an_tx_is(c, k - 1, "its") || an_tx_is(c, k - 1, "their")) &&
		    an_tx_is(c, tb - 1, "in"))
			return 1;
		/* (and its record: "12% below its record close of 2999.75 on
		 * July 16") */
		if (an_tx_is(c, k, "record") &&
		    (an_tx_is(c, k - 1, "its") || an_tx_is(c, k - 1, "their")) &&
		    (an_tx_is(c, tb - 1, "in") || an_tx_is(c, tb - 1, "on")))
			return 1;
	}
	return 0;
}

/* The weekday at tb is the base of a change: ", up 9 cents from
 * Wednesday", ", down 3 percent from Friday's close", "compared with
 * Tuesday".  A base is a value already known: the day is behind. */
int an_tx_compared_day(const an_tx_ctx *c, size_t tb)
{
	static const char *const moves[] = {"up", "down", "higher", "lower", "above", "below",
	                                    NULL};
	if (tb < 2 || !(c->tk[tb].w.cls & AN_TXW_WDAY) || !c->tk[tb].cap)
		return 0;
	if ((an_tx_is(c, tb - 1, "with") || an_tx_is(c, tb - 1, "to")) &&
	    an_tx_is(c, tb - 2, "compared"))
		return 1;
	if (!an_tx_is(c, tb - 1, "from"))
		return 0;
	int amount = 0;
	for (size_t k = tb - 2, n = 0; k > 0 && n < 5 && !c->tk[k].sent; k--, n++) {
		amount |= an_tx_num(c, k);
		/* (after a comma: "Fares go up 5 percent from Monday" starts
		 * then) */
		if (an_tx_one_of(c, k, moves))
			return amount && an_tx_is_punct(c, k - 1, ',');
	}
	return 0;
}

/* "to freeze pensions for new hires from Jan. 1", "impose a new contract
 * from August": "from" and a date that no end follows ("from May to
 * July" is a span) is when a thing takes effect, ahead unless a tense
 * says otherwise, like "starting".  Not the base of a change ("4 percent
 * from April", "down from March") nor a source ("figures from March"). */
int an_tx_from_start(const an_tx_ctx *c, size_t p, size_t te)
{
	static const char *const ends[] = {"to", "through", "thru", "until", "till", "and", "or",
	                                   NULL};
	static const char *const bases[] = {
		"percent", "cent", "up", "down", "data", "figures", "numbers", "statistics",
		"records", "results", "documents", "emails", "letters", "footage", "photos",
		"images", "video", "videos", "notes", "minutes", "transcripts", "readings", "levels",
		"level", "low", "high", "peak", "lows", "highs", "away", "apart", "far", NULL};
	if (p < 2 || !an_tx_is(c, p - 1, "from") || c->tk[p - 1].sent)
		return 0;
	if (te < c->n && (an_tx_one_of(c, te, ends) || an_tx_is_dash(c, te) || an_tx_is_apos(c, te)))
		return 0;
	const an_tk *b = &c->tk[p - 2];
	return !(b->kind == AN_TK_PUNCT && an_tx_is_punct(c, p - 2, '%')) && !an_tx_num(c, p - 2) &&
	       !an_tx_one_of(c, p - 2, bases);
}

/* "were in talks on Wednesday, less than 48 hours before the NBA's trade
 * deadline at 3 p.m. ET on Thursday", written on Wednesday: the day of
 * what comes "before" a noun phrase, after the news day named in its
 * sentence, is after that day.  tb is the weekday, after "on". */
static int after_today_before(const an_tx_ctx *c, size_t tb)
{
	if (tb < 4 || !(c->tk[tb].w.cls & AN_TXW_WDAY) || !word_is(c, tb - 1, "on") ||
	    !c->today_at || !an_tx_one_sentence(c, c->today_at - 1, tb))
		return 0;
	/* (back past the noun phrase and a clock time, "at 3 p.m. ET") */
	for (size_t q = tb - 2, n = 0; q > 0 && n < 16 && !c->tk[q].sent; n++, q--) {
		/* (an event's noun phrase: not "shortly before midnight on
		 * Sunday", a time) */
		if (word_is(c, q, "before"))
			return q > c->today_at - 1 &&
			       (word_is(c, q + 1, "the") || word_is(c, q + 1, "its") ||
			        word_is(c, q + 1, "their"));
		if (an_tx_no_word(c, q) || an_tx_num(c, q))
			continue;
		if (!(c->tk[q].kind == AN_TK_WORD || an_tx_is_apos(c, q)) || an_tx_cue(c, q))
			return 0;
	}
	return 0;
}

/* "has quit the race less than a week before Monday's federal
 * election": an event of a day's possessive after "before", with a
 * present perfect (an act just done) before it in the clause, is ahead
 * ("quit days before Monday's election" may tell of one gone). */
int an_tx_before_event_ahead(const an_tx_ctx *c, size_t tb, size_t te)
{
	if (after_today_before(c, tb))
		return 1;
	static const char *const events[] = {
		"election", "vote", "poll", "polls", "referendum", "primary", "game", "match",
		"final", "summit", "meeting", "hearing", "debate", "deadline", "launch", NULL};
	if (tb < 2 || !word_is(c, tb - 1, "before") || te + 2 >= c->n || !an_tx_is_apos(c, te) ||
	    !word_is(c, te + 1, "s"))
		return 0;
	size_t n = te + 2;
	if (an_tx_word(c, n) && !an_tx_one_of(c, n, events))
		n++; /* "Monday's federal election" */
	if (!an_tx_one_of(c, n, events))
		return 0;
	for (size_t j = tb - 1, d = 0; d < 10 && j > 1 && !c->tk[j].sent; d++) {
		j--;
		if (c->tk[j].kind == AN_TK_PUNCT)
			return 0;
		/* (a participle with no cue of its own: "has quit") */
		if ((word_is(c, j, "has") || word_is(c, j, "have")) && an_tx_word(c, j + 1) &&
		    !c->tk[j + 1].cap)
			return 1;
		int k = an_tx_cue(c, j);
		if (k)
			return k < 0 && present_perfect(c, j);
	}
	return 0;
}
