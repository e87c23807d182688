/* timex_impl.h - private to the tagger (timex*.c): the token stream, the
 * word classes, the match record and the helpers the rule files share.
 * Nothing here allocates except an_tx_tokenize, whose array the caller
 * frees with free(). */
#ifndef AN_TIMEX_IMPL_H
#define AN_TIMEX_IMPL_H

#include <stddef.h>
#include <string.h>

#include "timex.h"

enum { AN_TK_WORD, AN_TK_NUM, AN_TK_PUNCT };

/* Word classes, a bitmask: one word may be several ("second", "may"). */
#define AN_TXW_MONTH    0x0001u /* val: 1-12 */
#define AN_TXW_WDAY     0x0002u /* val: ISO 1-7 */
#define AN_TXW_NUM      0x0004u /* cardinal word, val: 0-90, 100, 1000 */
#define AN_TXW_ORD      0x0008u /* ordinal word, val: 1-31 */
#define AN_TXW_UNIT     0x0010u /* val: an_tx_unit */
#define AN_TXW_SEASON   0x0020u /* val: 1 SP, 2 SU, 3 FA, 4 WI */
#define AN_TXW_POD      0x0040u /* part of day, val: an_tx_pod */
#define AN_TXW_FUTURE   0x0080u /* future-tense cue */
#define AN_TXW_PAST     0x0100u /* past-tense cue */
#define AN_TXW_ABBR     0x0200u /* month/weekday abbreviation */
#define AN_TXW_PLURAL   0x0400u /* plural unit ("days") */
#define AN_TXW_NOBREAK  0x0800u /* abbreviation: a following "." ends no sentence */
#define AN_TXW_START    0x1000u /* may open an expression (timex_words.c) */
#define AN_TXW_SCHED    0x2000u /* scheduling verb ("meet", "votes"): direction only */
#define AN_TXW_HOLI     0x4000u /* first word of a holiday's name ("Lunar", "St.") */

typedef enum {
	AN_TXU_NONE = 0,
	AN_TXU_SECOND, AN_TXU_MINUTE, AN_TXU_HOUR, AN_TXU_DAY, AN_TXU_WEEK,
	AN_TXU_WEEKEND, AN_TXU_FORTNIGHT, AN_TXU_MONTH, AN_TXU_QUARTER, AN_TXU_SEASON,
	AN_TXU_YEAR, AN_TXU_DECADE, AN_TXU_CENTURY, AN_TXU_MILLENNIUM
} an_tx_unit;

typedef enum {
	AN_TXP_NONE = 0, AN_TXP_MO, AN_TXP_AF, AN_TXP_EV, AN_TXP_NI, AN_TXP_DT
} an_tx_pod;

typedef struct {
	unsigned cls;
	signed char month, wday, num, ord, unit, season, pod;
	short big; /* NUM words above 90: hundred, thousand */
} an_txw;

typedef struct {
	size_t start, end; /* byte offsets, end exclusive */
	unsigned char kind;
	unsigned char space; /* whitespace precedes the token */
	unsigned char para;  /* a blank line precedes the token */
	unsigned char nl;    /* a line break precedes the token */
	unsigned char cap;   /* begins with an ASCII capital */
	unsigned char sent;  /* first token of a sentence */
	unsigned char head;  /* in a line cased as a headline (timex.c) */
	unsigned char url;   /* part of a web address: opens no timex */
	char low[24];        /* ASCII-lowercased text; "" when longer */
	long num;            /* NUM: its value, -1 when over 9 digits */
	int ndig;            /* NUM: digit count */
	an_txw w;
	/* Sentences opened up to this token, itself included: two tokens
	 * are in one sentence when their counts agree (mark_sentences). */
	unsigned sno;
} an_tk;

/* Reference time for anaphoric expressions ("two days later"). */
typedef struct {
	an_date d;
	an_granularity g; /* AN_GRAN_NONE: no reference yet, use the DCT */
} an_tx_point;

/* an_tx_ctx's memo: -1 for a fact not asked yet. */
typedef struct {
	int country; /* an_tx_country's answer */
	/* per token, whether a quote its paragraph opened before it is still
	 * open (timex_rel.c); NULL until asked, freed with the context */
	unsigned char *quote_open;
} an_tx_memo;

typedef struct {
	const char *text;
	size_t len;
	an_tk *tk;
	size_t n;     /* the end of the paragraph the rules read */
	size_t total; /* the text's tokens, all its paragraphs */
	an_date dct;
	an_tx_point ref;
	/* The reference time before ref was last set (AN_GRAN_NONE: none):
	 * the main clause's after a relative clause named a date of its own
	 * (timex_rel.c). */
	an_tx_point ref_prev;
	size_t ref_prev_at;
	/* The quarter a business story reports on: the last one named that
	 * is not after the DCT's quarter nor before the year before the DCT
	 * (AN_GRAN_NONE: none named yet).  Unlike ref, a year or a date named
	 * since does not replace it ("In the 1988 period, ... the quarter"). */
	an_tx_point quarter;
	/* A date in the DCT's year or the year before has been tagged: the
	 * text is news told from the DCT, not a story told in the past. */
	unsigned char present;
	/* The clock time last named, as minutes of its day plus one (0: none
	 * since the last other date), its day and its first token plus one
	 * (timex_story.c). */
	int clock;
	an_date clock_day;
	size_t clock_at;
	/* The day of the last timex that named one ("today", "Boxing Day
	 * evening", "at 2 a.m."), which a later bare clock time falls on even
	 * when it set no reference time; day_at: its first token plus one
	 * (0: none yet). */
	an_date day;
	size_t day_at;
	/* The same for the last day named that was not after the DCT: the
	 * day of a bare clock time in a past clause ("arrived at 4am") after
	 * a day ahead was named ("ahead of the election on Tuesday"). */
	an_date past_day;
	size_t past_day_at;
	/* And the last day named after the DCT: the day of a bare clock time
	 * in a clause ahead ("will try again on Thursday ... The launch window
	 * opens at 6:12 p.m."). */
	an_date ahead_day;
	size_t ahead_day_at;
	/* The first token plus one of the last timex dated after the DCT,
	 * a deictic one too ("over the weekend", said on a Friday), which
	 * sets no reference time (0: none yet). */
	size_t ahead_at;
	/* The day last named before a day's possessive of the same sentence
	 * ("yesterday evening, after ... Thursday's election"), and its first
	 * token plus one (0: none yet). */
	an_date told_day;
	size_t told_day_at;
	/* The first day the text names after its dateline (its lede's): the
	 * day a story is of, which a quote's "today" may be. */
	an_date lede_day;
	size_t lede_day_at;
	/* The first token plus one of the last timex that named the DCT's
	 * day (0: none yet). */
	size_t today_at;
	/* The day of the last night or evening named ("Thursday night"),
	 * whose small hours are the next day's, and whether there was one. */
	an_date night_day;
	unsigned char night;
	/* The last week, month or year named from the DCT ("last week", "this
	 * year"), which sets no reference time, and its first token plus one
	 * (0: none yet) and its end: what "the week before" in its sentence
	 * counts from, and the year of "this year through September". */
	an_tx_point period;
	size_t period_at, period_te;
	/* The last day named with its year written, two years or more before
	 * the DCT's ("On July 16, 1969"): the story an anniversary piece tells
	 * between its news (an_tx_past_story_year); story_at: its first token
	 * plus one (0: none yet). */
	an_tx_point story;
	size_t story_at;
	/* The polling day of the election a story tells of, and its first
	 * token plus one (0: none named yet): the day of polling hours told
	 * without one (timex_poll.c). */
	an_date poll_day;
	size_t poll_day_at;
	/* The token the rules are asked at, and the first token of the timex
	 * that set ref: a year named earlier in the same sentence governs a
	 * month in its past clause (an_tx_story_year). */
	size_t at, ref_at;
	/* Facts of the whole text a rule asks for only when it needs them,
	 * worked out once (the rules see the context as const). */
	an_tx_memo *memo;
} an_tx_ctx;

typedef struct {
	size_t tb, te; /* token range [tb, te) */
	an_timex_type type;
	char value[AN_TIMEX_VALUE_MAX];
	char mod[AN_TIMEX_MOD_MAX];
	an_tx_point anchor; /* an explicit calendar point: new reference time */
	unsigned char the_ok; /* a leading "the" belongs to the expression */
	unsigned char modable; /* early/mid/late may modify it */
	/* a name that holds a date ("the Good Friday Agreement", "Easter
	 * Island"): its tokens are passed over, and no timex is made */
	unsigned char skip;
} an_tx_match;

/* Most tokens cannot open a timex; skipping them without asking the rules
 * is most of the tagger's speed.  Numbers and apostrophes ("'80s") may
 * open one, and words of the vocabulary other than bare tense cues
 * (timex_words.c lists the others as AN_TXW_START). */
static inline int an_tx_can_open(const an_tk *t)
{
	if (t->kind == AN_TK_NUM)
		return 1;
	if (t->kind == AN_TK_PUNCT)
		return t->low[0] == '\'' || (t->low[0] == '\xe2' && t->low[1] == '\x80' &&
		                              t->low[2] == '\x99' && !t->low[3]);
	return (t->w.cls & ~(AN_TXW_FUTURE | AN_TXW_PAST | AN_TXW_NOBREAK | AN_TXW_SCHED)) != 0;
}

/* timex.c: the tokenizer.  Returns the token array (caller frees with
 * free()) and its length in *out_n. */
an_tk *an_tx_tokenize(size_t *out_n, const char *text, size_t len);

/* timex_words.c */
void an_tx_classify(an_txw *out, const char *low);

/* timex_anchor.c: direction of a relative expression from its context:
 * -1 past, +1 future, 0 no cue. */
int an_tx_direction(const an_tx_ctx *c, size_t tb, size_t te);
/* Rescheduling (timex_resched.c).  A verb that reschedules among the
 * eight words before token k, in its sentence ("moved the release in
 * March, from Dec. 21 to Nov. 16"); whether token k is such a verb; the
 * day a thing is put off to ("was moved to Monday night", "for March
 * delivery"); a first plan at its verb j, put off after te ("was
 * originally planned for December but was postponed"). */
int an_tx_rescheduled_before(const an_tx_ctx *c, size_t k);
int an_tx_resched_word(const an_tx_ctx *c, size_t k);
int an_tx_put_off(const an_tx_ctx *c, size_t tb, size_t te);
/* timex_holiday.c: the word at e after "9/11" or "September 11" makes
 * it the name of the 2001 attacks ("attacks", "victims", "memorial"). */
int an_tx_names_911(const an_tx_ctx *c, size_t e);
/* timex_spoken.c: the prepositions of time before an hour; a bare
 * 24-hour time at i ("at 0001 on Monday"); "half past eight", "one
 * minute past midnight" at i (its end, the hour and minutes; i for none);
 * "o'clock", "in the morning" after the hour h at j (its end, *ampm set;
 * j for none). */
extern const char *const an_tx_clock_preps[];
int an_tx_bare_hhmm(const an_tx_ctx *c, size_t i);
size_t an_tx_quarter_hour(const an_tx_ctx *c, size_t i, int *h, int *mi);
size_t an_tx_oclock_end(const an_tx_ctx *c, size_t j, int h, int *ampm);
/* timex_resched.c: "sailings on Saturday have been cancelled": a day
 * whose event has been called off, ahead. */
int an_tx_called_off(const an_tx_ctx *c, size_t tb, size_t te);
/* timex_deadline.c: "has quit ... before Monday's election": the day of
 * an event after "before" and a present perfect, ahead. */
int an_tx_before_event_ahead(const an_tx_ctx *c, size_t tb, size_t te);
int an_tx_first_plan_gone(const an_tx_ctx *c, size_t j, size_t te);
/* The direction of a date that is the subject of a clause of its own
 * (", and Friday will be busy"), 0 when it is none. */
int an_tx_clause_subject(const an_tx_ctx *c, size_t tb, size_t te);
/* The sentence of the date at tb opens with a command: "Join us on
 * Saturday", "Don't forget to vote on Thursday". */
int an_tx_imperative(const an_tx_ctx *c, size_t tb);
/* timex_coord.c: the direction of weekday [i, e), or of the first day of
 * the list it continues ("performs Friday and Saturday") */
int an_tx_list_direction(const an_tx_ctx *c, size_t i, size_t e);
/* The day of weekday `wd` at [i, e) by its list's direction, after the
 * day before it in a list that looks ahead. */
an_date an_tx_list_day(const an_tx_ctx *c, size_t i, size_t e, int wd);
/* "evening" of "Tuesday afternoon and evening": a time of the day just
 * named. */
size_t an_tx_second_part(an_tx_match *m, const an_tx_ctx *c, size_t i);
/* The "to" at i opens a headline's predicate: "Mayor to visit ...". */
int an_tx_headline_inf(const an_tx_ctx *c, size_t i);
/* timex_value.c: weekday `wday` (1 = Monday) on or after `dct` (dir > 0),
 * else on or before it */
an_date an_tx_weekday_date(an_date dct, int wday, int dir);
/* Month `m` (1-12) relative to `dct`: year chosen by direction, nearest
 * when dir is 0.  `strict` excludes the DCT's own month. */
int an_tx_month_year(an_date dct, int m, int dir, int strict);
/* 1 when the month at token i follows "since" ("since January", "since
 * early March"): the last one, however far back. */
int an_tx_since_month(const an_tx_ctx *c, size_t i);
/* A simple past governing "in" and the month at i, or "on" and the day
 * at i, or a period "ended" on the day at i: the date gone. */
int an_tx_past_in_month(const an_tx_ctx *c, size_t i);
/* "will" governing "in" and the month at i: the month ahead. */
int an_tx_future_in_month(const an_tx_ctx *c, size_t i);
/* "its index of leading indicators for November", "payroll figures
 * for June": the month at i that data are for, one gone or under way. */
int an_tx_data_month(const an_tx_ctx *c, size_t i);
/* The year of a period's last month mon written with "ending" ("the
 * quarter ending June 30"): the one under way, up to `reach` months
 * ahead, else the last gone. */
int an_tx_ending_year(an_date dct, int mon, int reach);
/* "the quarter ending" right before the day at i: how many months ahead
 * its end may be (an_tx_ending_year), 0 when there is none. */
int an_tx_period_ending(const an_tx_ctx *c, size_t i);
int an_tx_past_on_day(const an_tx_ctx *c, size_t i);
/* Token k sits in a relative clause after ", who" (1) or ", which" (2),
 * a few words in: background ("Bell, who died in July 2019, ..."); 0 if
 * not. */
int an_tx_in_relative(const an_tx_ctx *c, size_t k);
/* A past clause's date [y, mon, day] (day 0: a month) that would fall
 * after the DCT, or a day in the sentence of the reference time, in a
 * story whose reference time (or last day written with its year) is a
 * day or month of a year long gone, within two months after it: the
 * story's year, else y. */
int an_tx_past_story_year(const an_tx_ctx *c, int y, int mon, int day, int dir);
/* 1 when a paragraph begins after token a, up to token b; after the
 * reference time's timex, up to token i. */
int an_tx_para_between(const an_tx_ctx *c, size_t a, size_t b);
int an_tx_para_since(const an_tx_ctx *c, size_t i);
/* The year of a chronology's entry ("March 3: Regulators give ...") after
 * one with a year, 0 when [i, e) is no such entry. */
int an_tx_entry_year(const an_tx_ctx *c, size_t i, size_t e, int mon, int day);
/* `dir` 2: ahead however far ("until Dec. 31" on Jan. 31), which the
 * tense alone is not (an_tx_day_direction gives it). */
int an_tx_monthday_year(an_date dct, int m, int d, int dir);
/* an_tx_direction of the month-day at [i, e), 2 after "until"/"till" when
 * it looks ahead. */
int an_tx_day_direction(const an_tx_ctx *c, size_t i, size_t e);
/* "Sunday, Jan. 1" without a year: the year next to `year` (the one the
 * tense gave) in which day d of month m is weekday `wday` (1 = Monday;
 * 0: none named), when `year` has it on another and that day is nearer
 * the DCT (a weekday is written for a day close by: "closed Sunday, Jan.
 * 1" on Dec. 28 is the coming one, whatever the tense); else `year`. */
int an_tx_weekday_year(an_date dct, int year, int m, int d, int wday);
/* The reference's year for a month or day without one in a story told in
 * the past, 0 for none (timex_anchor.c). */
int an_tx_story_year(const an_tx_ctx *c, int mon);
/* Whether the month at [i, e) is any year's: "usually ... in June" */
int an_tx_generic_month(const an_tx_ctx *c, size_t i, size_t e);
/* timex_monthyear.c: the year of the second end of "from April to July" */
int an_tx_range_year(const an_tx_ctx *c, size_t i, int mon);

/* timex_shift.c: "nearly three years later", "more than a month ago" */
int an_tx_shift_dir(const an_tx_ctx *c, size_t k);
const char *an_tx_shift_qmod(int dir, const char *qmod);
/* "half a century ago", "a half-century ago", "half a year later": the
 * count of the unit below that half of *u makes (50 years, 5 years, 6
 * months, two weeks, three days (of three and a half), 12 hours, 30
 * minutes) into *n and *u; 0 for other units. */
int an_tx_half_unit(long *n, an_tx_unit *u);
/* At i, with the count an_tx_count read there (*n, *j: the index after
 * it): 1 for "half a(n)" (*n = 1, *j at the unit) or "a half-" (*j moved
 * to the unit), whose unit an_tx_half_unit halves; -1 for the "a" of
 * "half a", which the match at "half" covers; 0 otherwise. */
int an_tx_half_count(const an_tx_ctx *c, size_t i, size_t *j, long *n);
/* "13 billion years ago", "billions of years ago", "some 70 million
 * years ago", "4.5 billion years ago": deep time, a past no calendar
 * value names, the whole amount the expression's.  At i, with the index
 * after the count an_tx_count read there (0 for none): the index of the
 * unit, 0 when no such amount. */
size_t an_tx_deep_count(const an_tx_ctx *c, size_t i, size_t j);
/* timex_ofyear.c: joins "of last/this/next year" to the date before it;
 * the year of such an "of" phrase at e, and the index after it */
size_t an_tx_of_rel_year(const an_tx_ctx *c, size_t e, int *y);
void an_tx_of_year(an_tx_match *m, const an_tx_ctx *c);
/* timex_deadline.c: widens a dated match back over "on or before/after/
 * about" (lo: the first token it may take); whether "on or before" ends
 * before tb; whether "until" at u grants a deadline ("until Friday to
 * respond"); whether the weekday at tb is that of an event awaited
 * ("ahead of the election on Thursday"), or the base of a change ("up 9
 * cents from Wednesday") */
void an_tx_on_or(an_tx_match *m, const an_tx_ctx *c, size_t lo);
int an_tx_on_or_before(const an_tx_ctx *c, size_t tb);
int an_tx_granted_until(const an_tx_ctx *c, size_t u, size_t te);
int an_tx_awaited_day(const an_tx_ctx *c, size_t tb);
/* What a figure is up or down from, before token tb, is behind it
 * ("up from its July forecast", "down from 1.2 percent in the fourth
 * quarter"). */
int an_tx_compared_from(const an_tx_ctx *c, size_t tb);
/* A figure's forecast that the date at tb dates ("the $99.7 billion
 * forecast in December"): behind, when it was made. */
int an_tx_forecast_made(const an_tx_ctx *c, size_t tb);
/* "from" before the date at [p, te) as the day a thing takes effect
 * ("a new contract from August"): ahead unless a tense says otherwise. */
int an_tx_from_start(const an_tx_ctx *c, size_t p, size_t te);
/* A weekday in the possessive before the noun of an act over once named
 * ("Wednesday's ruling"), or a month before one ("the October crash"),
 * at [tb, te): the date is behind. */
int an_tx_possessive_act(const an_tx_ctx *c, size_t tb, size_t te);
/* timex_scope.c: a regular past right after a plural noun at j; the first
 * tense cue before p in its clause; a participle of an object between j
 * and tb; a "to" and a verb right after te; a future beyond the cue window
 * before tb */
int an_tx_reduced_relative(const an_tx_ctx *c, size_t j);
/* A participle at j after the plural noun that opens its sentence
 * ("Claims made before 21 December can be backdated"): the subject's, no
 * verb. */
int an_tx_subject_relative(const an_tx_ctx *c, size_t j);
/* The token after "at 5 p.m." at te ("submitted by Friday at 5 p.m.
 * will be"), te when no clock time follows there. */
size_t an_tx_past_clock(const an_tx_ctx *c, size_t te);
int an_tx_clause_cue_before(const an_tx_ctx *c, size_t p);
int an_tx_clause_cue_after(const an_tx_ctx *c, size_t te);
int an_tx_ing_between(const an_tx_ctx *c, size_t j, size_t tb);
int an_tx_to_after(const an_tx_ctx *c, size_t te);
int an_tx_far_future(const an_tx_ctx *c, size_t tb);
/* timex_scope.c: the comma opening the relative clause the comma at j
 * closes (", which ... ,"), j when none. */
size_t an_tx_relative_open(const an_tx_ctx *c, size_t j);
/* The comma that opens an attribution closed by the comma at j: ", the
 * state Department of Education said," or ", said Ann Lee,": a few
 * words with the reporting verb at one end and no other verb, after a
 * clause that keeps its tense across them; j when there is none. */
size_t an_tx_attribution_open(const an_tx_ctx *c, size_t j);
/* "when they announce their decision at 2 p.m. Wednesday": "when" at j,
 * a pronoun and a present: a time ahead, whatever the clause before
 * (timex_scope.c). */
int an_tx_when_present(const an_tx_ctx *c, size_t j, size_t tb);
/* "Under a plan approved by NATO in June, the force will stay": the date
 * at [tb, te) ends, before a comma, a phrase opening its sentence with a
 * passive participle and its agent, and no verb (timex_scope.c). */
int an_tx_opening_passive(const an_tx_ctx *c, size_t tb, size_t te);
/* A present in a relative clause ("who faces ... in April,") from its
 * pronoun j to a comma after the date at [tb, te): ahead. */
int an_tx_relative_present(const an_tx_ctx *c, size_t j, size_t tb, size_t te);
/* A participle at j after "with" and its noun ("with the first acts
 * revealed"): no tense of its own. */
int an_tx_with_participle(const an_tx_ctx *c, size_t j);
/* An infinitive at j after a verb that tells the act happened ("were
 * allowed to reopen"): no cue of its own. */
int an_tx_implicative_inf(const an_tx_ctx *c, size_t j);
/* A present progressive at j ("is meeting Friday"): an arrangement
 * ahead; a word at j that ties the day to another event ("are
 * investigating a shooting Sunday") blocks it. */
int an_tx_progressive(const an_tx_ctx *c, size_t j);
int an_tx_progressive_block(const an_tx_ctx *c, size_t j);
/* A present passive at j before an infinitive ("are asked to stay
 * home"): what is asked is ahead. */
int an_tx_present_passive_inf(const an_tx_ctx *c, size_t j);
/* A weekday declared a holiday at [tb, te): ahead. */
int an_tx_declared_day(const an_tx_ctx *c, size_t tb, size_t te);
/* A day set for by "setting ... for" at tb: ahead. */
int an_tx_set_for(const an_tx_ctx *c, size_t tb);
/* Nouns of acts that are over once named ("ruling", "attack"). */
extern const char *const an_tx_acts[];
/* timex_anchor.c: the participles of a plan ("scheduled", "due",
 * "expected", "set", "slated", "planned") */
extern const char *const an_tx_plans[];
/* timex_clock.c: the forms of "spend" (what fills a time spent follows:
 * "spent the summer deciding", "spent the morning by the pool") */
extern const char *const an_tx_spend[];
int an_tx_compared_day(const an_tx_ctx *c, size_t tb);

/* timex_np.c: "a cool, wet May,": a month in a noun phrase; "Sunday
 * trading": a weekday that modifies a noun names no day */
int an_tx_month_np(const an_tx_ctx *c, size_t i, size_t e);

/* timex_world.c: "Friday last", "Monday week", "this fiscal", "end-November",
 * "the April-June quarter"; the country of an Independence Day (0: none) */
size_t an_tx_world(an_tx_match *m, const an_tx_ctx *c, size_t i);
int an_tx_independence(const an_tx_ctx *c, size_t i, int *mo, int *dd);
/* timex_week.c: "the weekend", "midweek" */
an_date an_tx_ahead_day(const an_tx_ctx *c, size_t i, int wd, an_date d);
/* A weekday ahead after "would" and the past day it was said on, in one
 * sentence: the first such weekday after that day. */
an_date an_tx_would_day(const an_tx_ctx *c, size_t i, int wd, an_date d);
size_t an_tx_weekend(an_tx_match *m, const an_tx_ctx *c, size_t i);
size_t an_tx_midweek(an_tx_match *m, const an_tx_ctx *c, size_t i);
/* "midweek" or "mid-week", "midmonth" or "mid-month" at i (the word
 * `joined`, or "mid", a hyphen and `unit` unspaced): the index after it,
 * 0 for none */
size_t an_tx_mid_word(const an_tx_ctx *c, size_t i, const char *joined, const char *unit);
/* timex_trade.c: "mid-month", "this year and next" */
size_t an_tx_trade(an_tx_match *m, const an_tx_ctx *c, size_t i);
int an_tx_weekday_modifier(const an_tx_ctx *c, size_t tb, size_t te);
/* timex_value.c: `d` moved by n units */
an_date an_tx_shift(an_date d, an_tx_unit u, long n);
/* Formats a calendar point at its granularity into out (AN_TIMEX_VALUE_MAX). */
void an_tx_format(char *out, an_tx_point p);
void an_tx_set_point(an_tx_match *m, an_date d, an_granularity g);
/* Clears m to the unit of calendar g that holds `at` ("the end of the
 * month": the month), ending before token te; no new reference time.
 * Returns 1. */
/* A week's value ("2025-W46") made its weekend ("2025-W46-WE"). */
void an_tx_mark_weekend(an_tx_match *m);
int an_tx_unit_of(an_tx_match *m, an_date at, an_granularity g, size_t te);
an_tx_point an_tx_ref(const an_tx_ctx *c);

/* timex_rules.c: the dispatcher, and the calendar matchers and year
 * readers the other rule files build on.  A matcher reads tokens from i
 * and returns the index after its match, 0 for none. */
int an_tx_match_at(an_tx_match *out, const an_tx_ctx *c, size_t i);
size_t an_tx_month(an_tx_match *m, const an_tx_ctx *c, size_t i);
/* The weekday named at i, capitalised ("Friday", "Fri."), 1 = Monday,
 * with its end in *end; 0 for none. */
int an_tx_weekday_word(const an_tx_ctx *c, size_t i, size_t *end);
/* timex_weekday.c: the weekday at i is one of a range that "is open"
 * ("is open Tuesday through Saturday"): the index after the range, else 0 */
size_t an_tx_open_days(const an_tx_ctx *c, size_t i);
/* A connector of a range at k ("5-9", "to", "through", "until", an en
 * dash, "and"): the index after it, 0 for none; *both is set for "and",
 * which names two days rather than a span. */
size_t an_tx_range_link(const an_tx_ctx *c, size_t k, int *both);
/* timex_weekday.c: "Friday", "last Friday", "Friday morning", spans of
 * days */
size_t an_tx_weekday(an_tx_match *m, const an_tx_ctx *c, size_t i);
/* A four-digit year at i, not part of a larger number ("1,998", "$2000"). */
int an_tx_year_at(const an_tx_ctx *c, size_t i, int *out);
/* Also the first year of "2025/26". */
int an_tx_first_of_two_years(const an_tx_ctx *c, size_t i, int *y);
/* "(1795-1821)" at open: a lifespan or a reign (timex_year.c) */
int an_tx_life_span(const an_tx_ctx *c, size_t open);
/* "nineteen ninety-six": returns the end, 0 for none. */
size_t an_tx_spelled_year(const an_tx_ctx *c, size_t i, int *out);
/* Token i is followed, without a space, by a word or a number ("H1N1"). */
int an_tx_glued_on(const an_tx_ctx *c, size_t i);
/* TIMEX3 part-of-day codes by an_tx_pod: "MO", "AF", ... (timex_weekday.c) */
extern const char an_tx_pod_code[][3];

/* timex_period.c: the month a season's value is placed at (spring April
 * ... winter December), by AN_TXW_SEASON number */
extern const int an_tx_season_mid[5];
/* The season (AN_TXW_SEASON number) month m falls in: January and
 * February in the winter that began the year before. */
static inline int an_tx_season_of(int m)
{
	return m == 12 || m <= 2 ? 4 : (m - 3) / 3 + 1;
}
/* The academic semester rel (-1, 0, 1) from the one date d falls in, as a
 * season's value: spring (January to May), summer (June, July), fall
 * (August to December). */
an_date an_tx_semester(an_date d, int rel);

/* timex_year.c: years, decades, centuries */
size_t an_tx_year(an_tx_match *m, const an_tx_ctx *c, size_t i);
/* A BC year or century held as an astronomical year (1 BC is 0, 146 BC
 * is -145) into out (AN_TIMEX_VALUE_MAX): "BC0146", "BC01" (200-101 BC,
 * as "BC04" is the 5th century BC).  0 when p is neither. */
int an_tx_format_bc(char *out, an_tx_point p);
/* "by mid-century", "mid-decade": i at "mid", j at the unit; 1 if matched */
int an_tx_mid_span(an_tx_match *m, const an_tx_ctx *c, size_t i, size_t j);
/* timex_part.c: "early", "mid", "late", "mid-to-late" at i: the index
 * after them (and a hyphen), the mod (START, MID, END) into *mod; 0 */
size_t an_tx_part(const an_tx_ctx *c, size_t i, const char **mod);

/* timex_period.c: quarters, halves, fiscal years, "2022-23", seasons */
size_t an_tx_quarter(an_tx_match *m, const an_tx_ctx *c, size_t i);
size_t an_tx_period_code(an_tx_match *m, const an_tx_ctx *c, size_t i);
size_t an_tx_short_year(an_tx_match *m, const an_tx_ctx *c, size_t i);
size_t an_tx_split_year(an_tx_match *m, const an_tx_ctx *c, size_t i);
size_t an_tx_season(an_tx_match *m, const an_tx_ctx *c, size_t i);

/* timex_clock.c: times of day, "overnight" */
size_t an_tx_clock(an_tx_match *m, const an_tx_ctx *c, size_t i);
size_t an_tx_ordinal_day(an_tx_match *m, const an_tx_ctx *c, size_t i); /* timex_ordday.c */
/* timex_almanac.c: "the 315th day of 2025", "fifty years ago today" */
size_t an_tx_almanac(an_tx_match *m, const an_tx_ctx *c, size_t i);
size_t an_tx_overnight(an_tx_match *m, const an_tx_ctx *c, size_t i);

/* timex_web.c: timestamps and fixture dates ("Nov. 11, 2025 5:37 a.m.
 * ET", "Sat 15 Nov", "11/11/25"); the short units of "2h ago", "6 hr.
 * ago" (the index after the unit, before "ago"; 0 for none) */
size_t an_tx_web_date(an_tx_match *m, const an_tx_ctx *c, size_t i);
/* "2025-11-11", "11/11/2025", "11.11.2025" */
size_t an_tx_numeric(an_tx_match *m, const an_tx_ctx *c, size_t i);
/* The same, given what an_tx_month made of token i (mon, and mon_e its
 * return) when the caller has it: the dispatcher asks both at every token,
 * and a month's year may cost a scan of its clause for a tense */
size_t an_tx_web_date_with(an_tx_match *m, const an_tx_ctx *c, size_t i, const an_tx_match *mon,
                           size_t mon_e);
size_t an_tx_short_unit(const an_tx_ctx *c, size_t j, an_tx_unit *u);

/* timex_idiom.c: idioms of time words, tagged whole ("the other day",
 * "will one day") or passed over ("to this day", "Bloody Sunday") */
size_t an_tx_idiom(an_tx_match *m, const an_tx_ctx *c, size_t i);
/* timex_rel.c: relative expressions */
size_t an_tx_rel(an_tx_match *m, const an_tx_ctx *c, size_t i);
/* timex_phrase.c: the fixed phrases ("right now", "the near future") */
size_t an_tx_phrase_at(an_tx_match *m, const an_tx_ctx *c, size_t i);
/* timex_report.c: the quarter a business story reports on
 * (an_tx_ctx.quarter), else the last one over before the DCT */
an_date an_tx_story_quarter(const an_tx_ctx *c);
/* The calendar quarter that holds most of the three months that end in
 * the month of `end` ("the quarter ended July 31": the second), as the
 * first day of its first month. */
an_date an_tx_quarter_ended(an_date end);
/* "the prior quarter", "full-year", "the holiday quarter" */
size_t an_tx_report(an_tx_match *m, const an_tx_ctx *c, size_t i);
/* "the latest quarter", "the fiscal year", "year-end", "the week ended
 * Nov. 8" (an_tx_rel runs it) */
size_t an_tx_report_period(an_tx_match *m, const an_tx_ctx *c, size_t i);
/* timex_clock.c: token j is a piece of a word or a clock time (the ":30"
 * of "8:30", the dots of "a.m.", the hyphens inside "stay-at-home"), no
 * word of its own for the tense window (an_tx_direction) */
int an_tx_no_word(const an_tx_ctx *c, size_t j);
/* timex_clock.c: the token before a clock time ending at j, j if none */
size_t an_tx_clock_before(const an_tx_ctx *c, size_t j, int marked);
/* timex_game.c: the sentence of token i tells of a game (a score, words of
 * play) and not of money: its quarters, halves and clock times are play */
int an_tx_game_sentence(const an_tx_ctx *c, size_t i);
/* the clock reading at tokens i..j-1 (sec: with seconds; prep: a
 * preposition of time or a date before it) is a game clock or a result */
int an_tx_game_clock(const an_tx_ctx *c, size_t i, size_t j, int sec, int prep);

/* timex_holiday.c: holidays by name ("Christmas Day 2021", "Halloween
 * night", "the Thanksgiving weekend") */
size_t an_tx_holiday_at(an_tx_match *m, const an_tx_ctx *c, size_t i);
/* timex_holiday.c: the country whose holidays the n tokens at tk keep
 * where they differ from the United States': AN_TX_CANADA when Canada or
 * a province is named, and they and its cities at least twice and more
 * often than the United States ("U.S.", "American", "United States") or
 * Australia and New Zealand; AN_TX_AUSTRALASIA likewise; 0 for any other
 * text. */
enum { AN_TX_CANADA = 1, AN_TX_AUSTRALASIA = 2 };
int an_tx_country(const an_tk *tk, size_t n);
/* an_tx_country of c's whole text, read once however often it is asked */
int an_tx_country_of(const an_tx_ctx *c);
size_t an_tx_holiday_eve(an_tx_match *m, const an_tx_ctx *c, size_t i);
/* timex_holiday.c: a holiday or a month and day at k ("Christmas", "Nov.
 * 3"), as the range's end of "between Black Friday and Christmas" and
 * the day of "the weekend before Christmas" read it: its end, 0 for
 * none */
size_t an_tx_named_day(an_tx_match *m, const an_tx_ctx *c, size_t k);
/* holidays of lunar calendars (timex_lunar.c): the name at i, its kind
 * into *kind and the index after it, 0 for none; its date in Gregorian
 * year y, {0} where the tables do not reach */
enum { AN_TXL_LUNAR_NEW_YEAR = 1, AN_TXL_RAMADAN, AN_TXL_EID_FITR, AN_TXL_EID_ADHA,
       AN_TXL_DIWALI, AN_TXL_ROSH_HASHANAH, AN_TXL_YOM_KIPPUR, AN_TXL_PASSOVER,
       AN_TXL_HANUKKAH, AN_TXL_LUNAR_NEW_YEARS_EVE };
size_t an_tx_lunar_name(const an_tx_ctx *c, size_t i, int *kind);
an_date an_tx_lunar_date(int kind, int y);
/* "9/11" where it names the 2001 attacks ("since 9/11", "the 9/11
 * Commission"): as fixed a date as a holiday's.  Returns the end, 0 for
 * none; token i must be a number. */
size_t an_tx_nine_eleven(an_tx_match *m, const an_tx_ctx *c, size_t i);
/* "the first Tuesday in March": the nth weekday of a month, a DATE. */
size_t an_tx_nth_weekday(an_tx_match *m, const an_tx_ctx *c, size_t i);
/* Whether token i is a capitalised word that makes the date before it
 * part of a name ("the March 1 Movement", "Christmas Island"). */
int an_tx_name_head(const an_tx_ctx *c, size_t i);

/* timex_trade.c: the clock time at i (the token after it at `at`) is a
 * market's, of the news day ("at 3 p.m. in Tokyo", "53.10 euros in
 * Amsterdam by noon"). */
int an_tx_market_time(const an_tx_ctx *c, size_t i, size_t at);
/* timex_story.c: the clock time last named.  an_tx_note_clock follows
 * every timex emitted; an_tx_clock_shift writes into m the TIME n hours
 * or minutes (u) from it, and returns 0 when there is none or a quantifier
 * ends at token i ("over an hour later" stays a DURATION). */
void an_tx_note_clock(an_tx_ctx *c, const an_tx_match *m);
/* The day a date or time m names ("2025-11-11", "2025-11-11TNI") into *d:
 * 1, else 0. */
int an_tx_match_day(const an_tx_match *m, an_date *d);
/* A date at tb with no tense in reach is ahead because its sentence goes
 * on from a date ahead named before it (from token `fence` on). */
int an_tx_goes_on(const an_tx_ctx *c, size_t tb, size_t fence);
/* timex_poll.c: an_tx_note_poll follows every timex emitted and keeps the
 * first day named as a vote's; an_tx_poll_clock writes that day into *d
 * for a clock time at i in a sentence of polling hours ("Polls close at 8
 * p.m."), and returns whether it did. */
void an_tx_note_poll(an_tx_ctx *c, const an_tx_match *m);
int an_tx_poll_clock(const an_tx_ctx *c, size_t i, an_date *d);
int an_tx_clock_shift(an_tx_match *m, const an_tx_ctx *c, size_t i, an_tx_unit u, long n);
/* The day of a clock time that names none: that of the last timex that
 * named a day ("today", "Boxing Day evening"), unless a coarser reference
 * time was named since; else the DCT, or the lede's day in a past clause
 * of a story told the day after (the lede's day also for a telling a
 * paragraph after the background's days). */
an_date an_tx_clock_day(const an_tx_ctx *c);
/* The period last named from the DCT (an_tx_ctx.period) when it is of
 * granularity g, in the sentence of token i and named after the reference
 * time: into *out, 1; else 0. */
int an_tx_period_ref(const an_tx_ctx *c, size_t i, an_granularity g, an_tx_point *out);
/* Whether a bare small hour h at i, on day d, follows a late one of that
 * day in the same paragraph, or a night or evening named before the DCT's
 * day: the next day's (timex_story.c) */
int an_tx_past_midnight(const an_tx_ctx *c, size_t i, int h, an_date d);
/* "that" at i is a demonstrative before the month at j ("released that
 * September to poor reviews"), not a conjunction ("said that June sales
 * rose"). */
int an_tx_that_month(const an_tx_ctx *c, size_t i, size_t j);

/* timex_dur.c: durations; timex_set.c: sets */
size_t an_tx_duration(an_tx_match *m, const an_tx_ctx *c, size_t i);
size_t an_tx_set(an_tx_match *m, const an_tx_ctx *c, size_t i);
int an_tx_plural_weekday(const an_tx_ctx *c, size_t i);
/* timex_set.c: "open daily from 10 a.m. to 6 p.m.", "serve every day
 * until 10:30 p.m.": a word of every day a few words before the clock
 * time at i, in its clause (no past verb between): the hour of any day. */
int an_tx_daily_before(const an_tx_ctx *c, size_t i);
/* timex_set.c: "every" or "each" at k before a day or a part of one
 * ("every day", "each evening") */
int an_tx_every_day(const an_tx_ctx *c, size_t k);
/* Writes the TIMEX3 duration for n units (n < 0: vague, "PXY"; frac:
 * and a half) into out (cap bytes). */
void an_tx_duration_value(char *out, size_t cap, an_tx_unit u, long n, int frac);
/* Copies s into out (cap bytes), truncating. */
void an_tx_copy(char *out, size_t cap, const char *s);
/* Sets m's type and value (truncated to fit). */
void an_tx_set_value(an_tx_match *m, an_timex_type type, const char *v);
/* Reads a count ("two", "21", "a", "twenty-four", "a few") at i: returns
 * the index after it and the value in *out (-1 for vague: "a few"). */
size_t an_tx_count(long *out, const an_tx_ctx *c, size_t i);

/* A quantifier at i ("more than", "about", "no later than"): its TIMEX3
 * mod and in *end the index after it; NULL for none. */
const char *an_tx_quantifier(const an_tx_ctx *c, size_t i, size_t *end);
/* "the next two years or so", "a week or so" (APPROX), "six months or
 * longer" (a duration's EQUAL_OR_MORE), "a year or less": the tail joins
 * the expression m and gives its mod, as "about" and "at least" do. */
void an_tx_or_so(an_tx_match *m, const an_tx_ctx *c);
/* The mod of a quantifier before an amount of type t at i: "almost two
 * years" is short of them, not about them. */
const char *an_tx_amount_qmod(const an_tx_ctx *c, size_t i, an_timex_type t, const char *qmod);

/* Token helpers shared by the rule files (bounds-checked: i may be >= n). */
/* Inline with a first-byte test: the rules call it on every candidate
 * token, and most calls fail on the first letter. */
static inline int an_tx_is(const an_tx_ctx *c, size_t i, const char *low)
{
	const char *t;
	if (i >= c->n || c->tk[i].kind != AN_TK_WORD)
		return 0;
	t = c->tk[i].low;
	if (t[0] != low[0] || !low[0] || t[1] != low[1])
		return 0;
	return !low[1] || strcmp(t + 2, low + 2) == 0;
}
static inline int an_tx_word(const an_tx_ctx *c, size_t i)
{
	return i < c->n && c->tk[i].kind == AN_TK_WORD;
}
/* A capital at i that may mark a name ("Sunday Times", "60 Minutes",
 * "This Week" the programme): none in a line cased as a headline, where
 * every word has one ("Storm To Hit By Friday Night", "LAST WEEK"). */
static inline int an_tx_capital(const an_tx_ctx *c, size_t i)
{
	return i < c->n && c->tk[i].cap && !c->tk[i].head;
}
static inline int an_tx_num(const an_tx_ctx *c, size_t i)
{
	return i < c->n && c->tk[i].kind == AN_TK_NUM;
}
/* Token i is one of the words of a NULL-terminated list. */
static inline int an_tx_one_of(const an_tx_ctx *c, size_t i, const char *const *list)
{
	if (!an_tx_word(c, i))
		return 0;
	for (size_t k = 0; list[k]; k++)
		if (an_tx_is(c, i, list[k]))
			return 1;
	return 0;
}
/* Token i is the one-byte punctuation mark ch.  (Inline, as the two
 * below: the tense look-backs ask them at every token of a window.) */
static inline int an_tx_is_punct(const an_tx_ctx *c, size_t i, char ch)
{
	return i < c->n && c->tk[i].kind == AN_TK_PUNCT && c->tk[i].low[0] == ch &&
	       c->tk[i].low[1] == '\0';
}
/* Token i is the three-byte punctuation mark u (a UTF-8 sequence). */
static inline int an_tx_is_punct3(const an_tx_ctx *c, size_t i, const char *u)
{
	return i < c->n && c->tk[i].kind == AN_TK_PUNCT && c->tk[i].low[0] == u[0] &&
	       strcmp(c->tk[i].low, u) == 0;
}
/* Token i is an apostrophe, straight or curly (U+2019). */
static inline int an_tx_is_apos(const an_tx_ctx *c, size_t i)
{
	return an_tx_is_punct(c, i, '\'') || an_tx_is_punct3(c, i, "\xe2\x80\x99");
}
/* Token i is a hyphen or an en dash (U+2013). */
static inline int an_tx_is_dash(const an_tx_ctx *c, size_t i)
{
	return an_tx_is_punct(c, i, '-') || an_tx_is_punct3(c, i, "\xe2\x80\x93");
}
/* Token k is "last", "this" or "next": its step from the DCT's unit (-1,
 * 0, 1) into *step. */
static inline int an_tx_deictic_step(const an_tx_ctx *c, size_t k, int *step)
{
	if (an_tx_is(c, k, "last"))
		*step = -1;
	else if (an_tx_is(c, k, "this"))
		*step = 0;
	else if (an_tx_is(c, k, "next"))
		*step = 1;
	else
		return 0;
	return 1;
}
/* How many sentences open after token a up to token b (within the
 * paragraph's tokens).  By the tokens' counts, not a walk: the rules ask
 * it for every date, and a long sentence made the walks quadratic. */
static inline int an_tx_sentences_between(const an_tx_ctx *c, size_t a, size_t b)
{
	size_t from = a + 1; /* (0 for an a of SIZE_MAX, as the walk had it) */
	if (c->n == 0)
		return 0;
	size_t to = b < c->n ? b : c->n - 1;
	if (from > to)
		return 0;
	return (int)(c->tk[to].sno - (from ? c->tk[from - 1].sno : 0));
}
/* No sentence opens after token a up to token b: both in one sentence. */
static inline int an_tx_one_sentence(const an_tx_ctx *c, size_t a, size_t b)
{
	return an_tx_sentences_between(c, a, b) == 0;
}
int an_tx_glued(const an_tx_ctx *c, size_t i); /* no space before token i */
unsigned an_tx_cls(const an_tx_ctx *c, size_t i);

#endif
