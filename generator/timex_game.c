/* timex_game.c - the periods of play that read like dates: "the third
 * quarter" and "the first half" of a game, "2:13 left", "in 2:03:45".
 * The calendar matchers ask here before they take a quarter, a half or a
 * clock time whose context is a match report. */
#include "timex_impl.h"

#include <string.h>

#define TK(i) (c->tk[(i)])

/* Words that place a sentence in a game.  All but a few are rare in
 * business copy; the ambiguous ones ("points", "led", "season") are
 * outweighed by any word of money (money_words). */
static const char *const game_words[] = {
	"halftime", "overtime", "touchdown", "touchdowns", "inning", "innings",
	"quarterback", "possession", "possessions", "rebounds", "assists", "interception",
	"interceptions", "fumble", "fumbles", "outscored", "equaliser", "equalizer",
	"equalised", "equalized", "goalless", "scoreless", "goals", "scored", "scoring",
	"points", "point", "score", "led", "trailed", "trailing", "comeback", "yards", "threw",
	"game", "games", "league", "season", "offense", "offence", "defense", "defence",
	"tiebreak", "wickets", "penalty", "coach", "seconds", "pointer", "pointers", "referee",
	"goalkeeper", "striker", "playoff", "playoffs", "shootout", NULL};

/* Words of money and markets: a quarter or half in their sentence is a
 * period of reporting even beside "led" or "points". */
static const char *const money_words[] = {
	"percent", "revenue", "revenues", "sales", "profit", "profits", "earnings", "loss",
	"losses", "income", "results", "shares", "stock", "stocks", "index", "dow", "market",
	"markets", "economy", "gdp", "growth", "million", "billion", "fiscal", "quarterly",
	"spending", "investors", "analysts", "company", "prices", "basis", "percentage",
	"dividend", "margin", NULL};

/* A score: two small numbers joined by a glued hyphen ("38-19", "2-1") or
 * "1-for-12". */
static int score_at(const an_tx_ctx *c, size_t k)
{
	if (!an_tx_num(c, k) || TK(k).ndig > 3 || !an_tx_is_punct(c, k + 1, '-') ||
	    TK(k + 1).space)
		return 0;
	size_t j = k + 2;
	if (an_tx_is(c, j, "for") && !TK(j).space && an_tx_is_punct(c, j + 1, '-') &&
	    !TK(j + 1).space)
		j += 2;
	return an_tx_num(c, j) && !TK(j).space && TK(j).ndig <= 3 && !an_tx_glued_on(c, j);
}

int an_tx_game_sentence(const an_tx_ctx *c, size_t i)
{
	size_t b = i, e = i + 1;
	while (b > 0 && i - b < 60 && !TK(b).sent)
		b--;
	while (e < c->n && e - i < 60 && !TK(e).sent)
		e++;
	int game = 0;
	for (size_t k = b; k < e; k++) {
		if (TK(k).kind == AN_TK_PUNCT) {
			if (TK(k).low[0] == '%' || TK(k).low[0] == '$')
				return 0;
			continue;
		}
		if (an_tx_one_of(c, k, money_words))
			return 0;
		/* "the Defense Department" is no team's */
		if (!game && (score_at(c, k) || (an_tx_one_of(c, k, game_words) &&
		                                 !(TK(k).cap && strncmp(TK(k).low, "def", 3) == 0))))
			game = 1;
	}
	return game;
}

/* Words after a clock reading that make it the time left in a period of
 * play ("2:13 left", "10:30 to go") or a game clock ("0:03 on the
 * clock"). */
static const char *const left_words[] = {"left", "remaining", "to", "on", "into", NULL};

/* The digits i..j-1 ("2:13", "2:03:45", no a.m. or p.m.) are a game clock
 * or a race time, not a time of day: "with 2:13 left", "at 12:34 of the
 * second period", "won in 16:05", "a record of 2:05:11"; with seconds
 * and a one-digit hour, without a preposition of time before them ("at
 * 9:42:07") they are a result: clocks write "09:42:07". */
int an_tx_game_clock(const an_tx_ctx *c, size_t i, size_t j, int sec, int prep)
{
	/* "won in 16:05", "across the line in 18:49", "a time of 16:05": a
	 * race's result */
	static const char *const finish[] = {"won", "finished", "ran", "clocked", "line", "swam",
	                                     "completed", NULL};
	if (i > 0 && an_tx_is(c, i - 1, "with"))
		return 1;
	if (i > 1 && ((an_tx_is(c, i - 1, "in") && an_tx_one_of(c, i - 2, finish)) ||
	              (an_tx_is(c, i - 1, "of") && an_tx_is(c, i - 2, "time"))))
		return 1;
	if (sec && !prep && TK(i).ndig == 1)
		return 1;
	if (an_tx_one_of(c, j, left_words)) {
		if (an_tx_is(c, j, "to"))
			return an_tx_is(c, j + 1, "play") || an_tx_is(c, j + 1, "go");
		if (an_tx_is(c, j, "on"))
			return an_tx_is(c, j + 1, "the") && an_tx_is(c, j + 2, "clock");
		if (an_tx_is(c, j, "into"))
			return an_tx_is(c, j + 1, "overtime") ||
			       (an_tx_is(c, j + 1, "the") && an_tx_word(c, j + 2) &&
			        (TK(j + 2).w.cls & AN_TXW_ORD));
		return 1;
	}
	/* "at 12:34 of the second period", "at 4:10 of overtime" */
	return an_tx_is(c, j, "of") &&
	       (an_tx_is(c, j + 1, "overtime") || an_tx_is(c, j + 1, "play") ||
	        (an_tx_is(c, j + 1, "the") && an_tx_word(c, j + 2) &&
	         ((TK(j + 2).w.cls & AN_TXW_ORD) || an_tx_is(c, j + 2, "final") ||
	          an_tx_is(c, j + 2, "last"))));
}
