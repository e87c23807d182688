/* timex_words.c - the tagger's vocabulary as data: month and weekday names,
 * number words, units, seasons, parts of the day and the tense cues that
 * pick a direction for "Wednesday" or "in October".  A word may appear in
 * several rows; an_tx_classify merges them.  To add a word, add a row. */
#include "timex_impl.h"
#include "words.h"

#include <pthread.h>
#include <string.h>

typedef struct {
	const char *word;
	unsigned cls;
	int val;
} an_txw_row;

#define M AN_TXW_MONTH
#define MA (AN_TXW_MONTH | AN_TXW_ABBR | AN_TXW_NOBREAK)
#define WD AN_TXW_WDAY
#define WA (AN_TXW_WDAY | AN_TXW_ABBR | AN_TXW_NOBREAK)
#define N AN_TXW_NUM
#define O AN_TXW_ORD
#define U AN_TXW_UNIT
#define UP (AN_TXW_UNIT | AN_TXW_PLURAL)
#define S AN_TXW_SEASON
#define P AN_TXW_POD
#define F AN_TXW_FUTURE
#define PA AN_TXW_PAST
#define NB AN_TXW_NOBREAK
#define SC AN_TXW_SCHED

static const an_txw_row rows[] = {
	{"january", M, 1}, {"february", M, 2}, {"march", M, 3},
	{"april", M, 4}, {"may", M, 5}, {"june", M, 6}, {"july", M, 7},
	{"august", M, 8}, {"september", M, 9}, {"october", M, 10},
	{"november", M, 11}, {"december", M, 12},
	{"jan", MA, 1}, {"feb", MA, 2}, {"mar", MA, 3}, {"apr", MA, 4},
	{"jun", MA, 6}, {"jul", MA, 7}, {"aug", MA, 8}, {"sep", MA, 9},
	{"sept", MA, 9}, {"oct", MA, 10}, {"nov", MA, 11}, {"dec", MA, 12},

	{"monday", WD, 1}, {"tuesday", WD, 2}, {"wednesday", WD, 3},
	{"thursday", WD, 4}, {"friday", WD, 5}, {"saturday", WD, 6},
	{"sunday", WD, 7},
	{"mon", WA, 1}, {"tue", WA, 2}, {"tues", WA, 2}, {"wed", WA, 3}, {"weds", WA, 3},
	{"thu", WA, 4}, {"thur", WA, 4}, {"thurs", WA, 4}, {"fri", WA, 5},
	{"sat", WA, 6}, {"sun", WA, 7},

	{"zero", N, 0}, {"one", N, 1}, {"two", N, 2}, {"three", N, 3},
	{"four", N, 4}, {"five", N, 5}, {"six", N, 6}, {"seven", N, 7},
	{"eight", N, 8}, {"nine", N, 9}, {"ten", N, 10}, {"eleven", N, 11},
	{"twelve", N, 12}, {"thirteen", N, 13}, {"fourteen", N, 14},
	{"fifteen", N, 15}, {"sixteen", N, 16}, {"seventeen", N, 17},
	{"eighteen", N, 18}, {"nineteen", N, 19}, {"twenty", N, 20},
	{"thirty", N, 30}, {"forty", N, 40}, {"fifty", N, 50},
	{"sixty", N, 60}, {"seventy", N, 70}, {"eighty", N, 80},
	{"ninety", N, 90}, {"hundred", N, 100}, {"thousand", N, 1000},
	{"dozen", N, 12},

	{"first", O, 1}, {"second", O, 2}, {"third", O, 3}, {"fourth", O, 4},
	{"fifth", O, 5}, {"sixth", O, 6}, {"seventh", O, 7}, {"eighth", O, 8},
	{"ninth", O, 9}, {"tenth", O, 10}, {"eleventh", O, 11},
	{"twelfth", O, 12}, {"thirteenth", O, 13}, {"fourteenth", O, 14},
	{"fifteenth", O, 15}, {"sixteenth", O, 16}, {"seventeenth", O, 17},
	{"eighteenth", O, 18}, {"nineteenth", O, 19}, {"twentieth", O, 20},
	{"thirtieth", O, 30},

	{"second", U, AN_TXU_SECOND}, {"seconds", UP, AN_TXU_SECOND},
	{"minute", U, AN_TXU_MINUTE}, {"minutes", UP, AN_TXU_MINUTE},
	{"hour", U, AN_TXU_HOUR}, {"hours", UP, AN_TXU_HOUR},
	/* the short forms of bylines and captions: "4 min read", "2 hrs" */
	{"min", U, AN_TXU_MINUTE}, {"mins", UP, AN_TXU_MINUTE},
	{"hr", U, AN_TXU_HOUR}, {"hrs", UP, AN_TXU_HOUR}, {"secs", UP, AN_TXU_SECOND},
	{"day", U, AN_TXU_DAY}, {"days", UP, AN_TXU_DAY},
	{"week", U, AN_TXU_WEEK}, {"weeks", UP, AN_TXU_WEEK},
	{"fortnight", U, AN_TXU_FORTNIGHT}, {"fortnights", UP, AN_TXU_FORTNIGHT},
	{"weekend", U, AN_TXU_WEEKEND}, {"weekends", UP, AN_TXU_WEEKEND},
	{"month", U, AN_TXU_MONTH}, {"months", UP, AN_TXU_MONTH},
	{"quarter", U, AN_TXU_QUARTER}, {"quarters", UP, AN_TXU_QUARTER},
	{"season", U, AN_TXU_SEASON}, {"seasons", UP, AN_TXU_SEASON},
	{"year", U, AN_TXU_YEAR}, {"years", UP, AN_TXU_YEAR},
	{"decade", U, AN_TXU_DECADE}, {"decades", UP, AN_TXU_DECADE},
	{"century", U, AN_TXU_CENTURY}, {"centuries", UP, AN_TXU_CENTURY},
	{"millennium", U, AN_TXU_MILLENNIUM},
	{"millennia", UP, AN_TXU_MILLENNIUM},

	{"spring", S, 1}, {"summer", S, 2}, {"fall", S, 3}, {"autumn", S, 3},
	{"winter", S, 4},

	{"morning", P, AN_TXP_MO}, {"afternoon", P, AN_TXP_AF},
	{"evening", P, AN_TXP_EV}, {"forenoon", P, AN_TXP_MO}, {"night", P, AN_TXP_NI},
	{"overnight", P, AN_TXP_NI},

	/* Cues for the direction of "Wednesday", "in October": words that put
	 * the clause in the future or the past.  Generic "-ed" verbs count as
	 * past in an_tx_direction; the future rows here win over that. */
	{"will", F, 0}, {"ll", F, 0}, {"shall", F, 0}, {"wo", F, 0},
	{"expected", F, 0}, {"expect", F, 0}, {"expects", F, 0},
	{"scheduled", F, 0}, {"slated", F, 0}, {"due", F, 0},
	{"planned", F, 0}, {"plans", F, 0}, {"plan", F, 0},
	{"upcoming", F, 0}, {"next", F, 0}, {"going", F, 0},
	{"intends", F, 0}, {"intend", F, 0}, {"hopes", F, 0}, {"wants", F, 0}, {"want", F, 0},
	/* what was hoped for was ahead of the hoping ("hoped for a deal
	 * before the summer"), as what was expected is */
	{"hoped", F, 0}, {"hope", F, 0},
	{"until", F, 0}, {"awaiting", F, 0}, {"await", F, 0},
	{"set", F, 0}, {"coming", F, 0}, {"begins", F, 0}, {"starts", F, 0},
	{"would", F, 0}, {"could", F, 0}, {"might", F, 0}, {"may", F, 0},
	{"should", F, 0}, {"must", F, 0}, {"can", F, 0}, {"cannot", F, 0},
	{"wouldn", F, 0}, {"shouldn", F, 0}, {"mustn", F, 0}, {"didn", PA, 0},
	{"payable", F, 0}, {"effective", F, 0}, {"expire", F, 0},
	{"expires", F, 0}, {"planning", F, 0}, {"tomorrow", F, 0},
	/* the present of a scheduled event: "the board meets Friday" */
	{"meets", F, 0}, {"opens", F, 0}, {"ends", F, 0}, {"resumes", F, 0},
	{"convenes", F, 0}, {"arrives", F, 0}, {"departs", F, 0},
	{"travels", F, 0}, {"visits", F, 0}, {"hosts", F, 0}, {"kicks", F, 0},
	{"forecast", F, 0}, {"forecasts", F, 0}, {"reopens", F, 0}, {"closes", F, 0},
	{"launches", F, 0}, {"premieres", F, 0}, {"airs", F, 0}, {"stays", F, 0},
	{"announces", F, 0}, {"unveils", F, 0},
	/* what is foretold is ahead of the telling: "with the weather
	 * service forecasting no relief before the weekend" */
	{"forecasting", F, 0}, {"predicting", F, 0}, {"expecting", F, 0},
	{"anticipating", F, 0},
	/* "takes effect/office/place Monday", "comes into force Sunday";
	 * plural "Classes resume Monday" (not "take", "kick": "did not take
	 * place Sunday" is past) */
	{"takes", F, 0}, {"comes", F, 0}, {"resume", F, 0}, {"reopen", F, 0}, {"reconvene", F, 0},
	{"debuts", F, 0}, {"concludes", F, 0}, {"returns", F, 0}, {"reconvenes", F, 0},
	{"said", PA, 0}, {"was", PA, 0}, {"were", PA, 0}, {"had", PA, 0},
	{"did", PA, 0}, {"ago", PA, 0}, {"last", PA, 0}, {"told", PA, 0},
	{"took", PA, 0}, {"came", PA, 0}, {"went", PA, 0}, {"made", PA, 0},
	{"began", PA, 0}, {"rose", PA, 0}, {"fell", PA, 0}, {"won", PA, 0},
	{"lost", PA, 0}, {"met", PA, 0}, {"left", PA, 0}, {"gave", PA, 0},
	{"spoke", PA, 0}, {"wrote", PA, 0}, {"saw", PA, 0}, {"held", PA, 0},
	{"sold", PA, 0}, {"paid", PA, 0}, {"got", PA, 0}, {"led", PA, 0},
	{"earlier", PA, 0}, {"since", PA, 0}, {"struck", PA, 0},
	{"hit", PA, 0}, {"brought", PA, 0}, {"found", PA, 0}, {"felt", PA, 0},
	{"became", PA, 0}, {"fled", PA, 0}, {"ran", PA, 0}, {"sent", PA, 0},
	{"kept", PA, 0}, {"thought", PA, 0}, {"knew", PA, 0}, {"chose", PA, 0},
	{"shot", PA, 0}, {"beat", PA, 0}, {"broke", PA, 0}, {"drew", PA, 0},
	/* more irregular pasts of news verbs; "died", "used" are too short
	 * for the "-ed" rule of timex_cue.c */
	{"died", PA, 0}, {"grew", PA, 0}, {"threw", PA, 0}, {"flew", PA, 0},
	{"used", PA, 0}, {"owed", PA, 0}, {"axed", PA, 0}, {"eyed", PA, 0},
	/* and of markets and sport ("the economy shrank in the April-June
	 * quarter", "prices slid", "swung to a loss") */
	{"shrank", PA, 0}, {"slid", PA, 0}, {"swung", PA, 0}, {"lent", PA, 0},
	{"dug", PA, 0}, {"crept", PA, 0}, {"sprang", PA, 0}, {"sang", PA, 0},
	{"rang", PA, 0}, {"swam", PA, 0},
	{"fought", PA, 0}, {"caught", PA, 0}, {"bought", PA, 0}, {"built", PA, 0},
	{"spent", PA, 0}, {"heard", PA, 0}, {"stood", PA, 0}, {"drove", PA, 0},
	{"froze", PA, 0}, {"sank", PA, 0}, {"shook", PA, 0}, {"withdrew", PA, 0},
	{"oversaw", PA, 0}, {"underwent", PA, 0}, {"arose", PA, 0}, {"dealt", PA, 0},
	{"swore", PA, 0}, {"stole", PA, 0}, {"sought", PA, 0}, {"taught", PA, 0},
	{"upheld", PA, 0}, {"withheld", PA, 0}, {"forgave", PA, 0}, {"wore", PA, 0},
	{"tore", PA, 0}, {"woke", PA, 0}, {"rode", PA, 0}, {"hid", PA, 0},
	{"swept", PA, 0}, {"slept", PA, 0}, {"wept", PA, 0}, {"hung", PA, 0},
	{"stuck", PA, 0}, {"spun", PA, 0}, {"laid", PA, 0}, {"overtook", PA, 0},
	{"undertook", PA, 0}, {"forgot", PA, 0}, {"bled", PA, 0}, {"sped", PA, 0},

	/* Scheduling verbs, whose present before a weekday is a scheduled
	 * event ("X and Y meet Monday", "The Senate votes Tuesday"); read
	 * by an_tx_direction only.  Plural forms first, then singular ones,
	 * which count only next to the day. */
	{"meet", SC, 0}, {"vote", SC, 0}, {"gather", SC, 0}, {"begin", SC, 0},
	{"open", SC, 0}, {"start", SC, 0}, {"play", SC, 0}, {"face", SC, 0},
	{"hold", SC, 0}, {"host", SC, 0}, {"visit", SC, 0}, {"travel", SC, 0},
	{"arrive", SC, 0}, {"return", SC, 0}, {"head", SC, 0}, {"convene", SC, 0},
	{"close", SC, 0}, {"end", SC, 0}, {"go", SC, 0}, {"leave", SC, 0}, {"fly", SC, 0},
	{"testify", SC, 0}, {"speak", SC, 0}, {"march", SC, 0}, {"rally", SC, 0},
	{"perform", SC, 0}, {"include", SC, 0}, {"feature", SC, 0},
	{"reach", SC, 0}, {"ship", SC, 0}, {"launch", SC, 0}, {"debut", SC, 0},
	{"votes", SC, 0}, {"gathers", SC, 0}, {"plays", SC, 0}, {"faces", SC, 0},
	{"holds", SC, 0}, {"speaks", SC, 0}, {"testifies", SC, 0}, {"heads", SC, 0},
	{"leaves", SC, 0}, {"flies", SC, 0}, {"marches", SC, 0}, {"rallies", SC, 0},
	{"performs", SC, 0}, {"runs", SC, 0}, {"opens", SC, 0}, {"closes", SC, 0},
	{"begins", SC, 0}, {"starts", SC, 0}, {"ends", SC, 0}, {"returns", SC, 0},
	{"arrives", SC, 0}, {"continues", SC, 0}, {"falls", SC, 0}, {"rises", SC, 0},
	{"resumes", SC, 0}, {"reconvenes", SC, 0}, {"departs", SC, 0},
	/* ("The meteor shower peaks on Monday morning", "The finale airs
	 * Sunday", "The permit expires Friday", "the parade follows at 10
	 * a.m. on Sunday") */
	{"peak", SC, 0}, {"peaks", SC, 0}, {"airs", SC, 0}, {"premieres", SC, 0},
	{"expire", SC, 0}, {"expires", SC, 0}, {"follows", SC, 0},

	/* Abbreviations whose full stop ends no sentence. */
	{"mr", NB, 0}, {"mrs", NB, 0}, {"ms", NB, 0}, {"dr", NB, 0},
	{"st", NB, 0}, {"gen", NB, 0}, {"gov", NB, 0}, {"sen", NB, 0},
	{"rep", NB, 0}, {"lt", NB, 0}, {"col", NB, 0}, {"sgt", NB, 0},
	{"jr", NB, 0}, {"sr", NB, 0}, {"inc", NB, 0}, {"corp", NB, 0},
	{"co", NB, 0}, {"ltd", NB, 0}, {"no", NB, 0}, {"vs", NB, 0},
	{"adm", NB, 0}, {"capt", NB, 0}, {"prof", NB, 0}, {"rev", NB, 0},
	{"mt", NB, 0}, {"ft", NB, 0}, {"a", NB, 0}, {"p", NB, 0}, {"m", NB, 0},
	{"u", NB, 0}, {"s", NB, 0}, {"etc", NB, 0}, {"approx", NB, 0},
};

/* Words that can open an expression without being in a class above
 * (classed words, numbers and apostrophes always may).  The driver tries
 * the rules only at tokens that can open one, which is what keeps the
 * tagger fast: a rule that starts on a new word must list it here. */
static const char *const starters[] = {
	"the", "its", "this", "that", "these", "last", "next", "past", "previous", "preceding",
	"current", "coming", "final", "latest", "recent", "additional", "extra",
	"following", "fiscal", "full", "comparable", "corresponding", "same", "today",
	"yesterday", "tomorrow", "tonight", "right", "now", "currently",
	"nowadays", "recently", "lately", "as", "a", "an", "few", "several",
	"many", "some", "numerous", "couple", "every", "each", "per", "once",
	"twice", "daily", "nightly", "weekly", "monthly", "annually", "yearly",
	"hourly", "quarterly", "noon", "midday", "midnight", "midafternoon",
	"midmorning", "midweek", "early", "mid", "middle", "late", "end", "start",
	"earlier", "later", "more", "over", "just", "well", "at", "nearly",
	"almost", "about", "around", "circa", "roughly", "approximately", "up", "no",
	"less", "fewer", "under", "christmas", "new", "halloween", "valentine", "easter", "good",
	"boxing", "veterans", "remembrance", "armistice", "columbus", "groundhog", "bastille",
	"canada", "australia", "juneteenth", "q", "h", "fy", "ash", "shrove", "mardi", "palm",
	"maundy", "pentecost", "calendar", "trailing", "prior", "holiday", "d",
	"mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays",
	"independence", "thanksgiving", "labor", "labour", "memorial", "election",
	"twenties", "thirties", "forties", "fifties", "sixties", "seventies",
	"eighties", "nineties", "half", "semiannually", "biweekly", "fortnightly",
	"millions", "billions", "thousands", "hundreds", "ad", "another", "alternate",
	"then", "present", "any", "yearlong", "weeklong", "monthlong", "daylong",
	"hourlong", "decadelong", "black", "cyber", "end", "epiphany", "ramadan", "eid", "diwali",
	"deepavali", "divali", "passover", "hanukkah", "chanukah", "hanukah",
	"republic", "gandhi", "waitangi", "anzac", "jamhuri", "mashujaa", "madaraka", "heritage",
	"rizal", "midmonth", "hogmanay", "bank",
};

/* First words of holidays' names that are common words or open other
 * names ("Chinese officials", "St. Louis", "Mother Teresa"): they open an
 * expression only before a capital or an apostrophe (the driver checks). */
static const char *const holiday_heads[] = {
	"inauguration", "martin", "mlk", "presidents", "mother", "father", "st", "saint",
	"guy", "bonfire", "orthodox", "lunar", "chinese", "rosh", "yom", "victoria", "freedom",
};

/* The vocabulary as an open-addressing hash table of merged rows, built
 * once (pthread_once: the tagger may run on several threads). */
#define TABLE_SIZE 1024 /* a power of two, over twice the distinct words */

typedef struct {
	const char *word;
	an_txw w;
} an_txw_slot;

static an_txw_slot table[TABLE_SIZE];
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

static an_txw_slot *slot_for(const char *word)
{
	unsigned h = an_words_hash(word) & (TABLE_SIZE - 1);
	while (table[h].word && (table[h].word[0] != word[0] || strcmp(table[h].word, word) != 0))
		h = (h + 1) & (TABLE_SIZE - 1);
	return &table[h];
}

static void merge(an_txw *out, unsigned cls, int val)
{
	out->cls |= cls;
	if (cls & AN_TXW_MONTH)
		out->month = (signed char)val;
	if (cls & AN_TXW_WDAY)
		out->wday = (signed char)val;
	if (cls & AN_TXW_NUM) {
		if (val > 90)
			out->big = (short)val;
		else
			out->num = (signed char)val;
	}
	if (cls & AN_TXW_ORD)
		out->ord = (signed char)val;
	if (cls & AN_TXW_UNIT)
		out->unit = (signed char)val;
	if (cls & AN_TXW_SEASON)
		out->season = (signed char)val;
	if (cls & AN_TXW_POD)
		out->pod = (signed char)val;
}

static void build_table(void)
{
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		an_txw_slot *s = slot_for(rows[i].word);
		s->word = rows[i].word;
		merge(&s->w, rows[i].cls, rows[i].val);
	}
	for (size_t i = 0; i < sizeof starters / sizeof starters[0]; i++) {
		an_txw_slot *s = slot_for(starters[i]);
		s->word = starters[i];
		s->w.cls |= AN_TXW_START;
	}
	for (size_t i = 0; i < sizeof holiday_heads / sizeof holiday_heads[0]; i++) {
		an_txw_slot *s = slot_for(holiday_heads[i]);
		s->word = holiday_heads[i];
		s->w.cls |= AN_TXW_HOLI;
	}
}

void an_tx_classify(an_txw *out, const char *low)
{
	memset(out, 0, sizeof *out);
	if (!low[0])
		return;
	pthread_once(&table_once, build_table);
	const an_txw_slot *s = slot_for(low);
	if (s->word)
		*out = s->w;
}
