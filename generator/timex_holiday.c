/* timex_holiday.c - holidays by name ("Christmas", "Thanksgiving",
 * "Easter Monday", "election night"), with the year their tense or a
 * written year gives, their nights, mornings and long weekends, and the
 * capitalised nouns that make a date part of a name ("Christmas Island");
 * and "9/11", the name of a day.
 * Split from timex_rel.c, which runs it among its matchers. */
#include "timex_impl.h"
#include "timex_tense.h"

#include <stdio.h>
#include <string.h>

#define TK(i) (c->tk[(i)])

/* Holidays with a fixed rule; the year comes from the tense, as for
 * "Nov. 27".  nth > 0: the nth weekday wd (1 Monday .. 7 Sunday) of the
 * month; 0: day d.  m < 0: a lunar holiday of kind -m (timex_lunar.c).
 * A word "x's" is three tokens, "x'" two, "x." the word and a stop that
 * may be left out ("Jr", "St").
 * m == 0: the feasts that move with Easter, d days from Easter Sunday;
 * with nth 1, the (ISO) week that ends on it: "Easter week".  With nth
 * > 0, d counts days after the nth weekday: "Black Friday" follows
 * Thanksgiving, which is not always November's fourth Friday but one. */
enum { HW = 5 }; /* words in a holiday's name at most */

typedef struct {
	const char *w[HW];
	int m, d, wd, nth;
} an_tx_holiday;

static const an_tx_holiday holidays[] = {
	{{"christmas", "day"}, 12, 25, 0, 0}, {{"christmas"}, 12, 25, 0, 0},
	{{"christmas", "eve"}, 12, 24, 0, 0},
	{{"new", "year's", "day"}, 1, 1, 0, 0},
	{{"new", "year's", "eve"}, 12, 31, 0, 0},
	{{"halloween"}, 10, 31, 0, 0}, {{"valentine's", "day"}, 2, 14, 0, 0},
	{{"independence", "day"}, 7, 4, 0, 0},
	{{"thanksgiving", "day"}, 11, 0, 4, 4}, {{"thanksgiving"}, 11, 0, 4, 4},
	{{"black", "friday"}, 11, 1, 4, 4}, {{"cyber", "monday"}, 11, 4, 4, 4},
	{{"labor", "day"}, 9, 0, 1, 1}, {{"memorial", "day"}, 5, 0, 1, -1},
	/* (Canada's, the first Monday of September like the United States';
	 * Australia's and New Zealand's fall on other days) */
	{{"labour", "day"}, 9, 0, 1, 1},
	{{"election", "day"}, 11, 0, 2, 0},
	{{"easter"}, 0, 0, 0, 0}, {{"easter", "sunday"}, 0, 0, 0, 0},
	{{"easter", "monday"}, 0, 1, 0, 0}, {{"good", "friday"}, 0, -2, 0, 0},
	{{"easter", "week"}, 0, -6, 0, 1},
	{{"ash", "wednesday"}, 0, -46, 0, 0}, {{"shrove", "tuesday"}, 0, -47, 0, 0},
	{{"mardi", "gras"}, 0, -47, 0, 0}, {{"palm", "sunday"}, 0, -7, 0, 0},
	{{"maundy", "thursday"}, 0, -3, 0, 0}, {{"pentecost"}, 0, 49, 0, 0},
	{{"new", "year's"}, 1, 1, 0, 0}, {{"new", "year"}, 1, 1, 0, 0},
	{{"boxing", "day"}, 12, 26, 0, 0},
	{{"veterans", "day"}, 11, 11, 0, 0}, {{"remembrance", "day"}, 11, 11, 0, 0},
	{{"armistice", "day"}, 11, 11, 0, 0}, {{"columbus", "day"}, 10, 0, 1, 2},
	{{"groundhog", "day"}, 2, 2, 0, 0}, {{"may", "day"}, 5, 1, 0, 0},
	{{"bastille", "day"}, 7, 14, 0, 0}, {{"canada", "day"}, 7, 1, 0, 0},
	{{"australia", "day"}, 1, 26, 0, 0}, {{"juneteenth"}, 6, 19, 0, 0},
	/* US federal and civic days; Inauguration Day as the Twentieth
	 * Amendment fixes it */
	{{"inauguration", "day"}, 1, 20, 0, 0},
	{{"martin", "luther", "king", "jr.", "day"}, 1, 0, 1, 3},
	{{"martin", "luther", "king", "day"}, 1, 0, 1, 3}, {{"mlk", "day"}, 1, 0, 1, 3},
	{{"presidents", "day"}, 2, 0, 1, 3}, {{"presidents'", "day"}, 2, 0, 1, 3},
	{{"mother's", "day"}, 5, 0, 7, 2}, {{"father's", "day"}, 6, 0, 7, 3},
	{{"st.", "patrick's", "day"}, 3, 17, 0, 0}, {{"saint", "patrick's", "day"}, 3, 17, 0, 0},
	/* Britain's: the Sunday nearest Armistice Day is the second in
	 * November */
	{{"remembrance", "sunday"}, 11, 0, 7, 2},
	{{"guy", "fawkes", "night"}, 11, 5, 0, 0}, {{"bonfire", "night"}, 11, 5, 0, 0},
	/* the Julian calendar's Christmas, 13 days on from 1900 to 2099 */
	{{"orthodox", "christmas"}, 1, 7, 0, 0}, {{"epiphany"}, 1, 6, 0, 0},
	/* national days of the Commonwealth's press: India's Republic Day,
	 * New Zealand's, Australia's, Kenya's, South Africa's, Ireland's,
	 * the Philippines' */
	{{"republic", "day"}, 1, 26, 0, 0}, {{"gandhi", "jayanti"}, 10, 2, 0, 0},
	{{"waitangi", "day"}, 2, 6, 0, 0}, {{"anzac", "day"}, 4, 25, 0, 0},
	{{"jamhuri", "day"}, 12, 12, 0, 0}, {{"mashujaa", "day"}, 10, 20, 0, 0},
	{{"madaraka", "day"}, 6, 1, 0, 0}, {{"heritage", "day"}, 9, 24, 0, 0},
	{{"day", "of", "reconciliation"}, 12, 16, 0, 0},
	{{"st.", "stephen's", "day"}, 12, 26, 0, 0}, {{"saint", "stephen's", "day"}, 12, 26, 0, 0},
	{{"rizal", "day"}, 12, 30, 0, 0}, {{"freedom", "day"}, 4, 27, 0, 0},
	/* Canada's: Thanksgiving on the second Monday of October, Victoria
	 * Day on the Monday before May 25, a week before May's last */
	{{"thanksgiving", "monday"}, 10, 0, 1, 2}, {{"victoria", "day"}, 5, -7, 1, -1},
	{{"hogmanay"}, 12, 31, 0, 0},
};

/* Canada's Thanksgiving, October's second Monday, for "Thanksgiving" and
 * "Thanksgiving Day" in Canadian news (Black Friday stays the American
 * one's: Canadian shops follow it); Australia's and New Zealand's
 * Father's Day, September's first Sunday. */
static const an_tx_holiday thanksgiving_ca = {{"thanksgiving"}, 10, 0, 1, 2};
static const an_tx_holiday fathers_au = {{"father's", "day"}, 9, 0, 7, 1};

/* Capitalised word k of tk names a place of the list, or is the second
 * word of a two-word name of pairs ({"nova", "scotia"}). */
static int place_at(const an_tk *tk, size_t k, const char *const *list,
                    const char *const (*pairs)[2])
{
	if (in_list(list, tk[k].low))
		return 1;
	if (k == 0 || tk[k - 1].kind != AN_TK_WORD || !tk[k - 1].cap)
		return 0;
	for (size_t p = 0; pairs[p][0]; p++)
		if (strcmp(tk[k].low, pairs[p][1]) == 0 && strcmp(tk[k - 1].low, pairs[p][0]) == 0)
			return 1;
	return 0;
}

int an_tx_country(const an_tk *tk, size_t n)
{
	/* The nation and its provinces or states first: a city alone may
	 * be a person's ("Sydney Sweeney") or another country's town
	 * (Melbourne, Fla.; Halifax, England), and counts only beside one of
	 * them. */
	static const char *const ca[] = {"canada", "canadian", "canadians", "ontario", "quebec",
	                                 "alberta", "manitoba", "saskatchewan", "newfoundland",
	                                 "yukon", "nunavut", NULL};
	static const char *const ca2[][2] = {{"nova", "scotia"}, {"british", "columbia"},
	                                     {"new", "brunswick"}, {"edward", "island"},
	                                     {NULL, NULL}};
	static const char *const ca_towns[] = {
		"ottawa", "toronto", "montreal", "vancouver", "calgary", "edmonton", "winnipeg",
		"halifax", "saskatoon", "mississauga", "gatineau", NULL};
	static const char *const au[] = {"australia", "australian", "australians", "queensland",
	                                 "tasmania", "nsw", NULL};
	/* ("New South Wales" by its first two words: Britain has a South
	 * Wales) */
	static const char *const au2[][2] = {{"new", "zealand"}, {"new", "south"}, {NULL, NULL}};
	static const char *const au_towns[] = {"sydney", "melbourne", "brisbane", "adelaide",
	                                       "canberra", "hobart", "auckland", "christchurch",
	                                       NULL};
	static const char *const none[][2] = {{NULL, NULL}};
	static const char *const us[] = {"america", "american", "americans", NULL};
	int nca = 0, nau = 0, nus = 0, ca_named = 0, au_named = 0;
	for (size_t k = 0; k < n; k++) {
		const an_tk *t = &tk[k];
		if (t->kind != AN_TK_WORD || !t->cap)
			continue;
		if (place_at(tk, k, ca, ca2)) {
			nca++;
			ca_named = 1;
		} else if (place_at(tk, k, ca_towns, none)) {
			nca++;
		} else if (place_at(tk, k, au, au2)) {
			nau++;
			au_named = 1;
		} else if (place_at(tk, k, au_towns, none)) {
			nau++;
		} else if (in_list(us, t->low) ||
		           /* ("U.S." is "u" "." "s" ".") */
		           (strcmp(t->low, "u") == 0 && k + 2 < n && tk[k + 1].low[0] == '.' &&
		            strcmp(tk[k + 2].low, "s") == 0) ||
		           (strcmp(t->low, "states") == 0 && k > 0 &&
		            strcmp(tk[k - 1].low, "united") == 0)) {
			nus++;
		}
	}
	if (ca_named && nca >= 2 && nca > nus && nca > nau)
		return AN_TX_CANADA;
	if (au_named && nau >= 2 && nau > nus && nau > nca)
		return AN_TX_AUSTRALASIA;
	return 0;
}

int an_tx_country_of(const an_tx_ctx *c)
{
	if (c->memo->country < 0)
		c->memo->country = an_tx_country(c->tk, c->total);
	return c->memo->country;
}

/* Easter Sunday of Gregorian year y (the anonymous Gregorian computus). */
static an_date easter_sunday(int y)
{
	int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int n = h + l - 7 * m + 114;
	an_date s = {y, n / 31, n % 31 + 1};
	return s;
}

/* Words that, capitalised after a holiday or a date, make it part of a
 * name rather than a date: "Christmas Island", "the Easter Rising", "the
 * Good Friday Agreement", "the March 1 Movement".  (A lower-case noun is a
 * modifier, which TimeML dates: "the Christmas truce", "the September 11
 * attacks".) */
static const char *const name_heads[] = {
	"island", "islands", "agreement", "accord", "accords", "rising", "uprising",
	"offensive", "massacre", "treaty", "act", "parade", "revolution", "declaration",
	"proclamation", "movement", "incident", "war", NULL};

int an_tx_name_head(const an_tx_ctx *c, size_t i)
{
	if (!an_tx_word(c, i) || !TK(i).cap)
		return 0;
	for (const char *const *w = name_heads; *w; w++)
		if (an_tx_is(c, i, *w))
			return 1;
	return 0;
}

static an_date holiday_date(const an_tx_holiday *h, int y)
{
	if (h->m < 0)
		return an_tx_lunar_date(-h->m, y);
	if (h->m == 0)
		return an_date_add_days(easter_sunday(y), h->d);
	an_date d = {y, h->m, h->d && !h->nth ? h->d : 1};
	if (h->d && !h->nth)
		return d;
	if (h->nth == -1) { /* last wd of the month, and d days on */
		d.d = an_date_days_in_month(y, h->m);
		int w = an_date_weekday(d);
		return an_date_add_days(d, -((w - h->wd + 7) % 7) + h->d);
	}
	int w = an_date_weekday(d);
	d = an_date_add_days(d, (h->wd - w + 7) % 7);
	if (h->nth == 0) /* Election Day: the Tuesday after the first Monday */
		return d.d == 1 ? an_date_add_days(d, 7) : d;
	return an_date_add_days(d, 7 * (h->nth - 1) + h->d);
}

/* A part of the holiday after its name: "Halloween night", "Christmas
 * morning" are that TIME; "the Thanksgiving weekend", "Labor Day weekend"
 * the weekend the holiday makes long: the one before a Monday or Tuesday
 * holiday, the one after a Wednesday to Friday one, the one holding a
 * Saturday or Sunday one.  Returns the end of the expression. */
static size_t holiday_part(an_tx_match *m, const an_tx_ctx *c, size_t e, an_date day)
{
	if (!an_tx_word(c, e) || an_tx_capital(c, e))
		return e;
	if ((TK(e).w.cls & AN_TXW_POD) && !an_tx_is(c, e, "overnight")) {
		char v[32];
		snprintf(v, sizeof v, "%04d-%02d-%02dT%s", day.y, day.m, day.d,
		         an_tx_pod_code[TK(e).w.pod]);
		an_tx_set_value(m, AN_TIMEX_TIME, v);
		m->anchor.g = AN_GRAN_NONE;
		return e + 1;
	}
	/* "Thanksgiving week", "Christmas week": the ISO week holding it */
	if (an_tx_is(c, e, "week") && !an_tx_is_apos(c, e + 1)) {
		an_tx_set_point(m, day, AN_GRAN_WEEK);
		m->anchor.g = AN_GRAN_NONE;
		return e + 1;
	}
	if (an_tx_is(c, e, "weekend")) {
		int w = an_date_weekday(day);
		an_date sat = an_date_add_days(day, w <= 2 ? -(w + 1) : 6 - w);
		an_tx_set_point(m, sat, AN_GRAN_WEEK);
		m->anchor.g = AN_GRAN_NONE;
		an_tx_mark_weekend(m);
		m->the_ok = 1;
		return e + 1;
	}
	return e;
}

/* "D-Day", "the D-Day landings": June 6, 1944, a name in news as fixed
 * as 9/11 (no reference time for what follows).  Not a day of decision
 * ("Friday is D-Day for the budget", "a D-Day moment"). */
static size_t d_day(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	if (!an_tx_is(c, i, "d") || !TK(i).cap || !an_tx_is_punct(c, i + 1, '-') ||
	    TK(i + 1).space || !an_tx_is(c, i + 2, "day") || TK(i + 2).space ||
	    !TK(i + 2).cap || an_tx_is(c, i + 3, "for") ||
	    (i > 0 && (an_tx_is(c, i - 1, "a") || an_tx_is(c, i - 1, "another") ||
	               an_tx_is(c, i - 1, "is") || an_tx_is(c, i - 1, "was"))))
		return 0;
	an_date d = {1944, 6, 6};
	an_tx_set_point(m, d, AN_GRAN_DAY);
	m->anchor.g = AN_GRAN_NONE;
	return i + 3;
}

size_t an_tx_holiday_at(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	if (i < c->n && TK(i).low[0] == 'd' && !TK(i).low[1])
		return d_day(m, c, i);
	/* "next Thanksgiving", "last Christmas", "this Easter": one timex,
	 * the occurrence after the DCT, before it, or in its year */
	int deixis = 0, rel;
	/* (not "the last Christmas before the war", an ordinal) */
	if (i + 1 < c->n && TK(i + 1).cap && !(i > 0 && an_tx_is(c, i - 1, "the")) &&
	    (!TK(i).cap || TK(i).sent || (i > 0 && TK(i - 1).kind == AN_TK_PUNCT))) {
		if (an_tx_deictic_step(c, i, &rel))
			deixis = rel ? rel : 2;
		else if (an_tx_is(c, i, "every") || an_tx_is(c, i, "each"))
			deixis = 3;
		i += deixis != 0;
	}
	/* "election night", as AP writes it: the night of Election Day */
	int enight = an_tx_is(c, i, "election") && an_tx_is(c, i + 1, "night");
	if (!an_tx_word(c, i) || (!TK(i).cap && !enight))
		return 0;
	size_t best = 0;
	const an_tx_holiday *hb = NULL;
	if (enight) {
		for (size_t k = 0; k < sizeof holidays / sizeof holidays[0]; k++)
			if (strcmp(holidays[k].w[0], "election") == 0)
				hb = &holidays[k];
		best = i + 1; /* "night" is read as the part of the day */
	}
	for (size_t k = 0; k < sizeof holidays / sizeof holidays[0]; k++) {
		const an_tx_holiday *h = &holidays[k];
		size_t j = i, w = 0;
		while (w < HW && h->w[w]) {
			const char *word = h->w[w];
			if (j >= c->n || TK(j).low[0] != word[0])
				break; /* most entries, cheaply */
			size_t n = strlen(word);
			char head[16];
			if (n >= sizeof head)
				break;
			memcpy(head, word, n + 1);
			const char *ap = strchr(word, '\'');
			int stop = !ap && word[n - 1] == '.';
			if (ap)
				head[ap - word] = '\0';
			else if (stop)
				head[n - 1] = '\0';
			if (!an_tx_is(c, j, head))
				break;
			j++;
			if (ap) {
				/* "year's" is three tokens: year ' s; "presidents'" two */
				if (!an_tx_is_apos(c, j) || TK(j).space)
					break;
				j++;
				if (ap[1] == 's') {
					if (!an_tx_is(c, j, "s"))
						break;
					j++;
				}
			} else if (stop && an_tx_is_punct(c, j, '.') && !TK(j).space) {
				j++;
			}
			w++;
		}
		if ((w == HW || !h->w[w]) && j > best) {
			best = j;
			hb = h;
		}
	}
	an_tx_holiday lunar = {{NULL}, 0, 0, 0, 0};
	int kind = 0;
	size_t le = hb ? 0 : an_tx_lunar_name(c, i, &kind);
	if (le) {
		lunar.m = -kind;
		hb = &lunar;
		best = le;
		/* "the Lunar New Year": the article is the name's, unless a
		 * noun follows ("the Lunar New Year holiday") */
		static const char *const nouns[] = {"holiday", "holidays", "festival", "festivities",
		                                    "celebrations", "travel", "rush", "break",
		                                    "period", "season", "parade", "eve", NULL};
		m->the_ok = kind == AN_TXL_LUNAR_NEW_YEAR && !an_tx_one_of(c, le, nouns);
	}
	if (!hb)
		return 0;
	/* (the whole text read for it only when the day is named) */
	if (hb->m == 11 && strcmp(hb->w[0], "thanksgiving") == 0 &&
	    an_tx_country_of(c) == AN_TX_CANADA)
		hb = &thanksgiving_ca;
	else if (hb->m == 6 && strcmp(hb->w[0], "father's") == 0 &&
	         an_tx_country_of(c) == AN_TX_AUSTRALASIA)
		hb = &fathers_au;
	an_tx_holiday land = {{NULL}, 0, 0, 0, 0};
	if (hb->w[0] && strcmp(hb->w[0], "independence") == 0 &&
	    an_tx_independence(c, i, &land.m, &land.d)) {
		land.wd = land.nth = 0;
		hb = &land;
	}
	/* "Happy New Year": a greeting ("New Year" alone is the day) */
	if (hb->w[1] && strcmp(hb->w[1], "year") == 0 && i > 0 && an_tx_is(c, i - 1, "happy"))
		return 0;
	if (an_tx_name_head(c, best)) {
		m->skip = 1;
		return best + 1;
	}
	/* "Christmas trees will be collected", "a Berlin Christmas market",
	 * "Easter eggs": things named for the day, no time (the season's
	 * "Christmas shopping", "the Christmas holiday" stay times) */
	static const char *const things[] = {
		"tree", "trees", "market", "markets", "lights", "decorations", "carol", "carols",
		"pudding", "ornaments", "stocking", "stockings", "cracker", "crackers", "wreath",
		"wreaths", "egg", "eggs", "bunny", "costume", "costumes", "jumper", "jumpers", NULL};
	if (best < c->n && !TK(best).cap && an_tx_one_of(c, best, things)) {
		m->skip = 1;
		return best;
	}
	an_granularity gran = hb->m == 0 && hb->nth == 1 ? AN_GRAN_WEEK : AN_GRAN_DAY;
	/* "Every New Year's Eve": the set of a day of fixed date */
	if (deixis == 3) {
		char v[AN_TIMEX_VALUE_MAX];
		/* (a movable day gives its month: "every Thanksgiving") */
		if (hb->m <= 0)
			return 0;
		if (hb->d > 0 && !hb->wd && !hb->nth)
			snprintf(v, sizeof v, "XXXX-%02d-%02d", hb->m, hb->d);
		else
			snprintf(v, sizeof v, "XXXX-%02d", hb->m);
		an_tx_set_value(m, AN_TIMEX_SET, v);
		return best;
	}
	if (deixis) {
		long now = an_date_to_days(c->dct);
		an_date pick = {0, 0, 0};
		for (int y = c->dct.y - 1; y <= c->dct.y + 1; y++) {
			an_date d = holiday_date(hb, y);
			long diff = d.y ? an_date_to_days(d) - now : 0;
			if (d.y && ((deixis == 2 && y == c->dct.y) || (deixis == 1 && diff > 0 && !pick.y) ||
			            (deixis == -1 && diff < 0)))
				pick = d;
		}
		if (!pick.y)
			return 0;
		an_tx_set_point(m, pick, gran);
		return best;
	}
	/* "Christmas Day 2021", "Easter 2020", "Thanksgiving, 2019": the
	 * year written after it */
	size_t y = an_tx_is_punct(c, best, ',') ? best + 1 : best;
	if (y < c->n && TK(y).kind == AN_TK_NUM && TK(y).ndig == 4 && TK(y).num >= 1583 &&
	    TK(y).num <= 2199 && TK(y).space &&
	    !(y + 1 < c->n && !TK(y + 1).space && TK(y + 1).kind != AN_TK_PUNCT)) {
		an_date wd = holiday_date(hb, (int)TK(y).num);
		if (!wd.y)
			return 0; /* "Diwali 1990": beyond the tables */
		an_tx_set_point(m, wd, gran);
		return y + 1;
	}
	/* "Election Day next year", "Cyber Monday last year": one timex, as
	 * "Dec. 14 this year" is (not "Christmas this year's ...") */
	int step;
	if (an_tx_deictic_step(c, best, &step) && an_tx_is(c, best + 1, "year") &&
	    !an_tx_is_apos(c, best + 2)) {
		an_date rd = holiday_date(hb, c->dct.y + step);
		if (!rd.y)
			return 0;
		an_tx_set_point(m, rd, gran);
		return best + 2;
	}
	/* "just ahead of Independence Day on 1 October", "Chinese New Year
	 * falls on Feb 17 this year": a holiday dated in apposition, or as
	 * the subject of "falls on", is on that day, whatever land keeps it */
	size_t on = best;
	static const char *const falls[] = {"falls", "fell", "is", "was", NULL};
	/* (past an appositive to its verb: "Eid Al Adha, the next major
	 * Islamic holiday, is expected to fall on June 28"; not "after
	 * Christmas, the company said, on Dec. 28") */
	if (an_tx_is_punct(c, on, ',')) {
		size_t q = on + 1;
		while (q < c->n && q < on + 9 && an_tx_word(c, q))
			q++;
		if (q > on + 1 && an_tx_is_punct(c, q, ',') &&
		    (an_tx_one_of(c, q + 1, falls) || an_tx_is(c, q + 1, "will")))
			on = q + 1;
	}
	if (an_tx_one_of(c, on, falls) && an_tx_is(c, on + 1, "on"))
		on++;
	else if (an_tx_is(c, on, "will") &&
	         (an_tx_is(c, on + 1, "fall") || an_tx_is(c, on + 1, "be")) &&
	         an_tx_is(c, on + 2, "on"))
		on += 2;
	/* "Eid Al Adha ... is expected to fall on June 28" */
	else if ((an_tx_is(c, on, "is") || an_tx_is(c, on, "was")) &&
	         (an_tx_is(c, on + 1, "expected") || an_tx_is(c, on + 1, "due") ||
	          an_tx_is(c, on + 1, "likely")) &&
	         an_tx_is(c, on + 2, "to") && an_tx_is(c, on + 3, "fall") && an_tx_is(c, on + 4, "on"))
		on += 4;
	if (an_tx_is(c, on, "on")) {
		an_tx_match dm;
		memset(&dm, 0, sizeof dm);
		if (an_tx_month(&dm, c, on + 1) && dm.anchor.g == AN_GRAN_DAY) {
			an_tx_set_point(m, dm.anchor.d, AN_GRAN_DAY);
			return best;
		}
	}
	int dir = an_tx_direction(c, i, best);
	an_date now = c->dct, pick = holiday_date(hb, now.y);
	if (!pick.y)
		return 0; /* a lunar holiday beyond the tables */
	long diff = an_date_to_days(pick) - an_date_to_days(now);
	/* "hired extra staff for Christmas", "bookings for the Christmas
	 * period are up on last year" in November: a purpose, the one ahead
	 * within two months whatever the tense */
	size_t f = i > 0 && an_tx_is(c, i - 1, "the") ? i - 1 : i;
	/* (the next one may be in the next year: "markets closed on
	 * Wednesday for New Year's Day" on Dec. 31) */
	an_date next = diff > 0 ? pick : holiday_date(hb, now.y + 1);
	long ahead = next.y ? an_date_to_days(next) - an_date_to_days(now) : -1;
	if (diff <= 0 && ahead > 0 && ahead <= 60 && f > 0 && an_tx_is(c, f - 1, "for")) {
		pick = next;
		diff = ahead;
	}
	/* (and what leads up to one: "nativity plays in the run-up to
	 * Christmas", in October) */
	int run_up = f > 3 && an_tx_is(c, f - 1, "to") && an_tx_is(c, f - 2, "up") &&
	             (an_tx_is(c, f - 3, "run") || an_tx_is(c, f - 3, "lead") ||
	              (an_tx_is_dash(c, f - 3) && f > 4 &&
	               (an_tx_is(c, f - 4, "run") || an_tx_is(c, f - 4, "lead"))));
	if (diff > 0 && diff <= 60 && f > 0 && (an_tx_is(c, f - 1, "for") || run_up))
		dir = 1;
	/* "Thanksgiving travelers head home", "Christmas shoppers", three
	 * days after or before it: a holiday that qualifies a noun (a
	 * plural, or a word of the occasion: "the Easter getaway") names
	 * the one of the news's days, within a week either side, whatever
	 * the tense ("Christmas shoppers crowded the malls", Dec. 21), but
	 * for what happens on the day itself ("was injured as the Easter
	 * parade passed", days before Easter); not "on Good Friday alone",
	 * "Independence Day put" */
	static const char *const occasion[] = {"getaway", "rush", "break", "period", "shopping",
	                                       "traffic", "travel", "trip", "market", "crowd",
	                                       "spending", NULL};
	/* (what happens on the day itself is not ahead in a past clause) */
	static const char *const on_day[] = {"dinner", "lunch", "parade", "party", "service",
	                                     "message", "address", "speech", NULL};
	static const char *const not_noun[] = {"is", "was", "has", "this", "its", "always", NULL};
	if (best < c->n && an_tx_word(c, best) && !TK(best).cap && !TK(best).w.cls &&
	    !an_tx_cue(c, best) && !an_tx_one_of(c, best, not_noun) &&
	    ((ends_in(TK(best).low, "s", 4) && !ends_in(TK(best).low, "ss", 4)) ||
	     an_tx_one_of(c, best, occasion) || an_tx_one_of(c, best, on_day))) {
		an_date prev = diff > 0 ? holiday_date(hb, now.y - 1) : pick;
		long back = prev.y ? an_date_to_days(now) - an_date_to_days(prev) : -1;
		if (back >= 0 && back <= 7) {
			pick = prev;
			diff = -back;
			dir = 0;
		} else if (ahead > 0 && ahead <= 7 && (dir >= 0 || !an_tx_one_of(c, best, on_day))) {
			pick = next;
			diff = ahead;
			dir = 0;
		}
	}
	/* so is the one that bounds, within two weeks: "urged everyone to
	 * get a shot before Christmas" on Dec. 20 (six weeks ahead, "was
	 * tightened ahead of Christmas" is last year's) */
	if (diff > 0 && diff <= 14 && f > 0 &&
	    (an_tx_is(c, f - 1, "before") || an_tx_is(c, f - 1, "by") ||
	     an_tx_is(c, f - 1, "until") ||
	     (f > 1 && an_tx_is(c, f - 1, "of") && an_tx_is(c, f - 2, "ahead"))))
		dir = 1;
	/* and the mirror: "travellers heading home after Christmas" on Dec.
	 * 30, "the first weekday since Easter" is the one just gone; so is a
	 * cause ("will run a day behind schedule because of the New Year's
	 * Day holiday" on Jan. 2) */
	int cause = f > 1 && ((an_tx_is(c, f - 1, "of") && an_tx_is(c, f - 2, "because")) ||
	                      (an_tx_is(c, f - 1, "to") &&
	                       (an_tx_is(c, f - 2, "due") || an_tx_is(c, f - 2, "owing"))));
	if (f > 0 && (an_tx_is(c, f - 1, "after") || an_tx_is(c, f - 1, "since") || cause)) {
		an_date last = diff > 0 ? holiday_date(hb, now.y - 1) : pick;
		long back = last.y ? an_date_to_days(now) - an_date_to_days(last) : -1;
		if (back >= 0 && back <= 14) {
			pick = last;
			diff = -back;
			dir = -1;
		}
	}
	/* in a story told in the past ("In August 1914 ... By Christmas"),
	 * the year of its reference, as for a month (an_tx_story_year) */
	/* (a holiday of a fixed month asks with its month, as a month
	 * does: "Last year we made 212 arrests on New Year's Eve") */
	int sy = an_tx_story_year(c, hb->m > 0 ? hb->m : 0);
	if (sy && (hb->m || sy >= 1583)) {
		pick = holiday_date(hb, an_tx_story_year(c, holiday_date(hb, sy).m));
		dir = diff = 0;
	}
	/* "between Thursday and Easter Monday", "from Friday to Christmas":
	 * the end of a range is the first one from its start */
	if (c->ref.g == AN_GRAN_DAY && c->ref_at < i && i - c->ref_at <= 5 &&
	    (an_tx_is(c, i - 1, "and") || an_tx_is(c, i - 1, "to") ||
	     an_tx_is(c, i - 1, "through") || an_tx_is(c, i - 1, "until")) &&
	    an_tx_one_sentence(c, c->ref_at, i)) {
		an_date r = holiday_date(hb, c->ref.d.y);
		if (r.y && an_date_to_days(r) < an_date_to_days(c->ref.d))
			r = holiday_date(hb, c->ref.d.y + 1);
		if (r.y) {
			pick = r;
			dir = diff = 0;
		}
	}
	/* (a span from a holiday of the last two weeks runs on: "expects
	 * 135 million to shop during the stretch from Thanksgiving through
	 * Cyber Monday", said on that Monday) */
	/* (or "between Black Friday and Christmas", said in between: the
	 * span's end, read as it would be, not passed yet) */
	int link;
	size_t r = an_tx_range_link(c, best, &link);
	int runs_on = dir > 0 && diff < 0 && diff >= -14 && r && !link;
	if (dir > 0 && diff < 0 && diff >= -60 && r && link && i > 0 &&
	    an_tx_is(c, i - 1, "between")) {
		an_tx_match em;
		size_t ee = an_tx_named_day(&em, c, r);
		runs_on = ee && em.anchor.g == AN_GRAN_DAY &&
		          an_date_to_days(em.anchor.d) >= an_date_to_days(now);
	}
	if (dir < 0 && diff > 0)
		pick = holiday_date(hb, now.y - 1);
	else if (dir > 0 && diff < 0 && !runs_on)
		pick = holiday_date(hb, now.y + 1);
	else if (!dir && (diff > 183 || diff < -183)) {
		/* no tense: the nearest one, as for a month-day ("New Year's
		 * Day falls on a Thursday" in November is the coming one) */
		an_date o = holiday_date(hb, now.y + (diff > 0 ? -1 : 1));
		long od = an_date_to_days(o) - an_date_to_days(now);
		if (o.y && (od < 0 ? -od : od) < (diff < 0 ? -diff : diff))
			pick = o;
	}
	/* "not restored until 8:15 a.m. Tuesday, Christmas Day": an
	 * apposition to the day just named, when it is that day */
	if (i > 1 && an_tx_is_punct(c, i - 1, ',') && c->day_at && c->day_at - 1 < i - 1 &&
	    an_tx_one_sentence(c, c->day_at - 1, i)) {
		an_date same = holiday_date(hb, c->day.y);
		if (same.y && an_date_to_days(same) == an_date_to_days(c->day))
			pick = same;
	}
	if (!pick.y)
		return 0; /* a lunar holiday beyond the tables */
	/* a week's holiday is dated by its first day, named by its week */
	an_tx_set_point(m, pick, gran);
	if (enight) {
		char v[32];
		snprintf(v, sizeof v, "%04d-%02d-%02dTNI", pick.y, pick.m, pick.d);
		an_tx_set_value(m, AN_TIMEX_TIME, v);
		m->anchor.g = AN_GRAN_NONE;
		return i + 2;
	}
	if (gran == AN_GRAN_DAY)
		return holiday_part(m, c, best, pick);
	return best;
}

size_t an_tx_named_day(an_tx_match *m, const an_tx_ctx *c, size_t k)
{
	memset(m, 0, sizeof *m);
	size_t e = an_tx_holiday_at(m, c, k);
	if (!e) {
		memset(m, 0, sizeof *m);
		e = an_tx_month(m, c, k);
	}
	return e;
}

/* "the day before Thanksgiving", "the day after Christmas": one DATE, the
 * day next to the holiday's ("The day before, ..." alone is an anaphor:
 * timex_rel.c). */
size_t an_tx_holiday_eve(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	if (!an_tx_is(c, i, "the") || !an_tx_is(c, i + 1, "day") ||
	    !(an_tx_is(c, i + 2, "before") || an_tx_is(c, i + 2, "after")))
		return 0;
	an_tx_match h;
	memset(&h, 0, sizeof h);
	size_t e = an_tx_holiday_at(&h, c, i + 3);
	if (!e || h.skip || h.type != AN_TIMEX_DATE || h.anchor.g != AN_GRAN_DAY)
		return 0;
	int after = TK(i + 2).low[0] == 'a';
	an_tx_set_point(m, an_date_add_days(h.anchor.d, after ? 1 : -1), AN_GRAN_DAY);
	return e;
}

/* "the first Tuesday in March", "the last Friday of May 2026", "the
 * fourth Thursday of November": the nth (or last) weekday of a month, one
 * DATE, as the holidays above are defined.  The month takes its year as a
 * bare month does (its tense); "of every month" is a SET (timex_set.c). */
size_t an_tx_nth_weekday(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	if (!an_tx_is(c, i, "the"))
		return 0;
	int nth = an_tx_is(c, i + 1, "last") ? -1 : (an_tx_cls(c, i + 1) & AN_TXW_ORD) ?
	          TK(i + 1).w.ord : 0;
	if (!nth || nth > 5 || !(an_tx_cls(c, i + 2) & AN_TXW_WDAY) || !TK(i + 2).cap ||
	    (TK(i + 2).w.cls & AN_TXW_ABBR) || !(an_tx_is(c, i + 3, "in") || an_tx_is(c, i + 3, "of")))
		return 0;
	an_tx_match mm;
	memset(&mm, 0, sizeof mm);
	size_t e = an_tx_month(&mm, c, i + 4);
	if (!e || mm.type != AN_TIMEX_DATE || mm.anchor.g != AN_GRAN_MONTH)
		return 0;
	/* the tense is read from "the": "last" inside is no past cue */
	int y = mm.anchor.d.y, written = 0;
	for (size_t k = i + 5; k < e; k++)
		written |= an_tx_num(c, k) && TK(k).ndig == 4;
	if (!written && !an_tx_story_year(c, mm.anchor.d.m)) /* else the story's, as read */
		y = an_tx_month_year(c->dct, mm.anchor.d.m, an_tx_direction(c, i, e), 0);
	an_tx_holiday h = {{NULL}, mm.anchor.d.m, 0, TK(i + 2).w.wday, nth};
	an_date d = holiday_date(&h, y);
	if (d.m != mm.anchor.d.m)
		return 0; /* no fifth Monday that month */
	an_tx_set_point(m, d, AN_GRAN_DAY);
	return e;
}

/* Words before "9/11" that make it the name of the attacks ("since
 * 9/11", "the 9/11 attacks", "post-9/11"), and words after it that do
 * ("9/11 victims", "the 9/11 Commission"). */
static const char *const before_911[] = {"the", "since", "after", "before", "of", "until",
                                         "post", "pre", NULL};
static const char *const after_911[] = {"attack", "attacks", "terror", "terrorist",
                                        "hijackers", "victims", "families", "anniversary",
                                        "memorial", "museum", "commission", "responders",
                                        "era", NULL};

int an_tx_names_911(const an_tx_ctx *c, size_t e)
{
	return an_tx_one_of(c, e, after_911);
}

/* "9/11", "post-9/11": the day of the 2001 attacks, a name in news as
 * fixed as a holiday's.  Only where the words around it make it that name:
 * "went 9/11 from the line" is a count, "rose on 9/11 and fell on 9/12"
 * a day of the year.  Not inside a longer number ("9/11/2025", "19/11")
 * nor a score or fraction glued to more digits. */
size_t an_tx_nine_eleven(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	if (TK(i).num != 9 || TK(i).ndig != 1 || !an_tx_is_punct(c, i + 1, '/') ||
	    TK(i + 1).space || !an_tx_num(c, i + 2) || TK(i + 2).space || TK(i + 2).num != 11 ||
	    TK(i + 2).ndig != 2)
		return 0;
	if (i > 0 && !TK(i).space && TK(i - 1).kind != AN_TK_WORD && !an_tx_is_punct(c, i - 1, '-') &&
	    !an_tx_is_punct(c, i - 1, '(') && TK(i - 1).low[0] != '\'' && TK(i - 1).low[0] != '"' &&
	    (unsigned char)TK(i - 1).low[0] != 0xe2)
		return 0;
	if (i + 3 < c->n && !TK(i + 3).space && TK(i + 3).kind != AN_TK_WORD &&
	    (TK(i + 3).low[0] == '/' || TK(i + 3).low[0] == '-' || TK(i + 3).low[0] == '.') &&
	    an_tx_num(c, i + 4))
		return 0;
	size_t p = i > 0 && an_tx_is_punct(c, i - 1, '-') && !TK(i).space ? i - 2 : i - 1;
	if (!(i > 0 && p < i && an_tx_one_of(c, p, before_911)) && !an_tx_one_of(c, i + 3, after_911))
		return 0;
	an_date d = {2001, 9, 11};
	an_tx_set_point(m, d, AN_GRAN_DAY);
	m->anchor.g = AN_GRAN_NONE; /* a name: no reference time for what follows */
	return i + 3;
}
