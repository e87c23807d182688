/* timex_headline.c - the grammar of headlines that the direction of a
 * weekday or month depends on.  A headline drops the finite verb of a
 * plan: "Mayor to visit Kyiv Thursday", "UN To Hold Emergency Session
 * Friday" say "is to", and a bare weekday after them is ahead, whatever
 * follows ("Strike to end Saturday, union said"). */
#include "timex_impl.h"

#include <string.h>

/* Verbs of motion and change whose "to" opens a phrase of place or
 * amount, not an infinitive ("Shares slide to record low Friday",
 * "Minister speaks to reporters Monday"), and auxiliaries. */
static const char *const to_verbs[] = {
	"fall", "falls", "rise", "rises", "slide", "slides", "slip", "slips", "jump", "jumps",
	"climb", "climbs", "sink", "sinks", "drop", "drops", "surge", "surges", "soar", "soars",
	"tumble", "tumbles", "plunge", "plunges", "dip", "dips", "edge", "edges", "gain",
	"gains", "grow", "grows", "swing", "swings", "rally", "rallies", "return", "returns",
	"go", "goes", "come", "comes", "head", "heads", "move", "moves", "fly", "flies",
	"travel", "travels", "turn", "turns", "shift", "shifts", "switch", "switches", "speak",
	"speaks", "write", "writes", "listen", "listens", "react", "reacts", "respond",
	"responds", "lose", "loses", "win", "wins", "cut", "cuts", "raise", "raises", "lower",
	"lowers", "sell", "sells", "lend", "lends", "send", "sends", "give", "gives", "get",
	"gets", "take", "takes", "bring", "brings", "lead", "leads", "point", "points",
	"close", "closes", "open", "opens",
	/* a finite verb of its own: "The delay has to do with the storm" */
	"is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did",
	"used", "got", NULL};

/* Whether the "to" at `to` (before an infinitive, an_tx_direction) opens
 * the predicate of a headline: only a short subject stands between it
 * and the start of the sentence ("Prime Minister to visit", "Ex-minister
 * to testify"), of words and hyphens, none of them a verb that takes
 * "to" for a place. */
int an_tx_headline_inf(const an_tx_ctx *c, size_t to)
{
	if (to == 0 || to >= c->n || c->tk[to].sent)
		return 0;
	for (size_t j = to, d = 0; j > 0 && d < 5; d++) {
		j--;
		const an_tk *t = &c->tk[j];
		if (t->kind == AN_TK_PUNCT ? !(t->low[0] == '-' && !t->space) :
		    t->kind != AN_TK_WORD || an_tx_one_of(c, j, to_verbs) ||
		    (t->w.cls & (AN_TXW_FUTURE | AN_TXW_PAST)))
			return 0;
		if (t->sent)
			return 1;
	}
	return 0;
}
