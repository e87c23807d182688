/* timex_year.c - years, decades and centuries: "1998", "fiscal 1989",
 * "the year 2000", "1990s", "'80s", "the nineties", "the 21st century",
 * and the guards that tell a bare four-digit number that is a year from a
 * count ("2000 troops", "2000 milligrams") or a label ("Room 1907").  A
 * matcher as in timex_rules.c, which runs it; the year readers it builds
 * on (an_tx_year_at, an_tx_spelled_year) stay there with the other
 * calendar readers. */
#include "timex_impl.h"

#include <stdio.h>
#include <string.h>

#define TK(i) (c->tk[(i)])

/* A unit of measure after a number ("2000 milligrams", "1500 megawatts";
 * the metric and computing units by their endings) is no year; nor,
 * unless a preposition makes the year likely ("In 2000 passengers flew
 * less"), is one before a counted noun of news figures ("2000
 * passengers"). */
static int measure_word(const char *w, int after_prep)
{
	static const char *const ends[] = {"grams", "meters", "metres", "liters", "litres",
	                                   "watts", "bytes", "hertz", NULL};
	static const char *const units[] = {
		"gallons", "calories", "ounces", "inches", "yards", "tonnes", "degrees", "mph",
		"mg", "kg", "ml", "mm", "cm", NULL};
	static const char *const words[] = {
		"passengers", "patients", "residents", "customers", "visitors", "flights",
		"signatures", "doses", "arrests", "calls", "complaints", "applications",
		"participants", "officers", "police", "protesters", "refugees", "migrants",
		"spectators", "fans", NULL};
	size_t n = strlen(w);
	for (size_t k = 0; units[k]; k++)
		if (strcmp(w, units[k]) == 0)
			return 1;
	for (size_t k = 0; ends[k]; k++) {
		size_t e = strlen(ends[k]);
		if (n >= e && strcmp(w + n - e, ends[k]) == 0)
			return 1;
	}
	for (size_t k = 0; words[k] && !after_prep; k++)
		if (strcmp(w, words[k]) == 0)
			return 1;
	return 0;
}

static const char *const year_preps[] = {"in", "since", "by", "from", "until", "before",
                                         "after", "during", "through", NULL};

/* "Highs will be in the sixties", "in the forties (degrees)": a spelled
 * decade in a sentence about temperatures is a reading, not the 1960s. */
static int temperature(const an_tx_ctx *c, size_t i)
{
	static const char *const words[] = {"temperature", "temperatures", "highs", "lows",
	                                    "degrees", "thermometer", "mercury", "fahrenheit",
	                                    NULL};
	if (an_tx_is(c, i + 1, "degrees") || an_tx_is(c, i + 1, "fahrenheit"))
		return 1;
	for (size_t k = i, n = 0; k > 0 && n < 12 && !TK(k).sent; k--, n++)
		if (an_tx_one_of(c, k - 1, words))
			return 1;
	return 0;
}

static const char *const decade_words[] = {
	"twenties", "thirties", "forties", "fifties", "sixties", "seventies",
	"eighties", "nineties", NULL};

/* m as the decade or century that begins in `year` ("the 1990s", "the
 * 21st century").  A decade is a reference time ("in the 1950s ... a
 * decade later" is the 1960s); a century is a name of its own, none.
 * Returns `end`. */
static size_t span_of(an_tx_match *m, int year, an_granularity g, size_t end)
{
	an_date d = {year, 1, 1};
	an_tx_set_point(m, d, g);
	if (g != AN_GRAN_DECADE)
		m->anchor.g = AN_GRAN_NONE;
	m->the_ok = m->modable = 1;
	return end;
}

/* An era in capitals at i: "BC", "BCE", "B.C.", "B.C.E." (*bc = 1), "AD",
 * "A.D.", "CE" (*bc = 0).  Returns the index after it, 0 for none ("ad"
 * and "Ad" are words). */
static size_t era_at(const an_tx_ctx *c, size_t i, int *bc)
{
	static const char *const eras[] = {"bc", "bce", "ad", "ce", NULL};
	if (!an_tx_word(c, i) || TK(i).end - TK(i).start > 3)
		return 0;
	for (size_t k = TK(i).start; k < TK(i).end; k++)
		if (c->text[k] < 'A' || c->text[k] > 'Z')
			return 0;
	if (an_tx_one_of(c, i, eras)) {
		*bc = TK(i).low[0] == 'b';
		return i + 1;
	}
	/* "B.C.", "A.D.", "B.C.E.": letters and full stops, glued */
	size_t j = i;
	char s[4];
	int n = 0;
	while (n < 3 && an_tx_word(c, j) && TK(j).end - TK(j).start == 1 &&
	       (j == i || !TK(j).space) && an_tx_is_punct(c, j + 1, '.') && !TK(j + 1).space) {
		s[n++] = TK(j).low[0];
		j += 2;
	}
	s[n] = '\0';
	if (strcmp(s, "bc") != 0 && strcmp(s, "bce") != 0 && strcmp(s, "ad") != 0)
		return 0;
	*bc = s[0] == 'b';
	return j;
}

/* "49 BC", "AD 79", "A.D. 1066", "2560 BCE": years of an era (BC years
 * as "BC0049", TIDES); "the 5th century BC" is "BC04".  Years of both
 * eras are reference times ("146 BC ... A century later" is 46 BC): a BC
 * year is held as its astronomical number (1 BC is 0, 49 BC is -48),
 * which an_tx_format writes back with "BC". */
static size_t era_year(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	int bc;
	size_t e;
	if ((e = era_at(c, i, &bc)) != 0 && !bc && an_tx_num(c, e) && TK(e).ndig <= 4 &&
	    TK(e).num >= 1 && TK(e).space && !an_tx_glued_on(c, e)) {
		an_date d = {(int)TK(e).num, 1, 1};
		an_tx_set_point(m, d, AN_GRAN_YEAR);
		m->modable = 1;
		return e + 1;
	}
	if (!an_tx_num(c, i) || TK(i).ndig > 4 || TK(i).num < 1 ||
	    (i > 0 && !TK(i).space && an_tx_num(c, i - 1)) || !(e = era_at(c, i + 1, &bc)) ||
	    !TK(i + 1).space)
		return 0;
	an_date d = {bc ? 1 - (int)TK(i).num : (int)TK(i).num, 1, 1};
	an_tx_set_point(m, d, AN_GRAN_YEAR);
	m->modable = 1;
	return e;
}

int an_tx_format_bc(char *out, an_tx_point p)
{
	int bc = 1 - p.d.y;
	if (bc < 1 || bc > 9999 || (p.g != AN_GRAN_YEAR && p.g != AN_GRAN_CENTURY))
		return 0;
	if (p.g == AN_GRAN_YEAR)
		snprintf(out, AN_TIMEX_VALUE_MAX, "BC%04d", bc);
	else
		snprintf(out, AN_TIMEX_VALUE_MAX, "BC%02d", (bc - 1) / 100);
	return 1;
}

/* The n-th century, ending before `end`, or after an era there. */
static size_t century(an_tx_match *m, const an_tx_ctx *c, int n, size_t end)
{
	int bc;
	size_t e = era_at(c, end, &bc);
	if (!e || !bc)
		return span_of(m, (n - 1) * 100, AN_GRAN_CENTURY, e ? e : end);
	return span_of(m, 1 - n * 100, AN_GRAN_CENTURY, e); /* its first year */
}

/* The n-th millennium, ending before `end`, or after an era there: one
 * digit, as a century is two ("the second millennium" is "1", the 1000s;
 * "the second millennium BC" is "BC1", 2000-1001 BC).  No reference. */
static size_t millennium(an_tx_match *m, const an_tx_ctx *c, int n, size_t end)
{
	int bc = 0;
	size_t e = era_at(c, end, &bc);
	char v[AN_TIMEX_VALUE_MAX];
	snprintf(v, sizeof v, "%s%d", bc ? "BC" : "", n - 1);
	an_tx_set_value(m, AN_TIMEX_DATE, v);
	m->the_ok = 1;
	return e ? e : end;
}

static const char *const clip_preps[] = {"in", "since", "until", "by", "from", "before",
                                        "after", "through", NULL};

/* Whether the tokens at `open` are "(1795-1821)", "(1809-65)" or
 * "(1941-2025)" with a hyphen or an en dash and no spaces: a lifespan or
 * a reign after a name, whose years need no preposition.  The second
 * must come after the first and within a lifetime. */
int an_tx_life_span(const an_tx_ctx *c, size_t open)
{
	if (open + 4 >= c->n || !an_tx_is_punct(c, open, '(') || !an_tx_num(c, open + 1) ||
	    TK(open + 1).ndig != 4 || TK(open + 1).space ||
	    !an_tx_is_dash(c, open + 2) ||
	    TK(open + 2).space || !an_tx_num(c, open + 3) || TK(open + 3).space ||
	    !an_tx_is_punct(c, open + 4, ')') || TK(open + 4).space)
		return 0;
	long a = TK(open + 1).num, b = TK(open + 3).num;
	if (TK(open + 3).ndig == 2)
		b += a - a % 100 + (b <= a % 100 ? 100 : 0);
	else if (TK(open + 3).ndig != 4)
		return 0;
	/* "(1200-1300)" is as often a range of amounts */
	return a >= 1000 && b > a && b - a <= 120 && b <= 2199 && (a % 100 || b % 100);
}

/* "1998", "fiscal 1989", "the year 2000", "1990s", "'80s", "the nineties",
 * "the 21st century", "2009-2010" (two timexes, each matched here). */
size_t an_tx_year(an_tx_match *m, const an_tx_ctx *c, size_t i)
{
	size_t j = i;
	int y;
	if (an_tx_is(c, j, "fiscal") || an_tx_is(c, j, "calendar"))
		j++;
	/* "fiscal year 2025", "calendar year 2026"; the "year" of "full-year
	 * 2025" is the adjective's, and the year stands alone */
	if (an_tx_is(c, j, "year") && !(j == i && i > 0 && !TK(i).space && TK(i - 1).low[0] == '-') &&
	    (an_tx_num(c, j + 1) || (an_tx_is(c, j + 1, "two") && an_tx_is(c, j + 2, "thousand"))))
		j++;
	/* century: "21st century", "twentieth century" */
	if (an_tx_num(c, i) && TK(i).ndig <= 2 && an_tx_word(c, i + 1) && !TK(i + 1).space &&
	    an_tx_is(c, i + 2, "century")) {
		int n = (int)TK(i).num;
		if (n >= 1 && n <= 30)
			return century(m, c, n, i + 3);
	}
	if (an_tx_word(c, i) && (TK(i).w.cls & AN_TXW_ORD) && an_tx_is(c, i + 1, "century"))
		return century(m, c, TK(i).w.ord, i + 2);
	/* "the second millennium BC", "the 3rd millennium" */
	if (an_tx_word(c, i) && (TK(i).w.cls & AN_TXW_ORD) && TK(i).w.ord <= 10 &&
	    an_tx_is(c, i + 1, "millennium"))
		return millennium(m, c, TK(i).w.ord, i + 2);
	if (an_tx_num(c, i) && TK(i).ndig == 1 && TK(i).num >= 1 && an_tx_word(c, i + 1) &&
	    !TK(i + 1).space && an_tx_is(c, i + 2, "millennium"))
		return millennium(m, c, (int)TK(i).num, i + 3);
	size_t era = era_year(m, c, i);
	if (era)
		return era;
	if (an_tx_one_of(c, i, decade_words) && i > 0 && an_tx_is(c, i - 1, "the") &&
	    !temperature(c, i)) {
		int k = 0;
		while (strcmp(decade_words[k], TK(i).low) != 0)
			k++;
		return span_of(m, 1920 + 10 * k, AN_GRAN_DECADE, i + 1);
	}
	/* 'ʹ80s */
	if (an_tx_is_apos(c, i) &&
	    an_tx_num(c, i + 1) && TK(i + 1).ndig == 2 && !TK(i + 1).space &&
	    TK(i + 1).num % 10 == 0 && an_tx_is(c, i + 2, "s") && !TK(i + 2).space) {
		return span_of(m, 1900 + (int)TK(i + 1).num, AN_GRAN_DECADE, i + 3);
	}
	/* "in '08", "since '89": a clipped year after a preposition of time,
	 * in the century that keeps it at most five years past the DCT */
	if (an_tx_is_apos(c, i) &&
	    i > 0 && TK(i).space && an_tx_one_of(c, i - 1, clip_preps) && an_tx_num(c, i + 1) &&
	    TK(i + 1).ndig == 2 && !TK(i + 1).space &&
	    (i + 2 >= c->n || TK(i + 2).space || TK(i + 2).kind == AN_TK_PUNCT) &&
	    !an_tx_is_punct(c, i + 2, '\'') && !an_tx_is_punct(c, i + 2, '%') &&
	    !(i + 3 < c->n && !TK(i + 3).space && an_tx_num(c, i + 3))) {
		int yy = 2000 + (int)TK(i + 1).num;
		an_date d = {yy > c->dct.y + 5 ? yy - 100 : yy, 1, 1};
		an_tx_set_point(m, d, AN_GRAN_YEAR);
		return i + 2;
	}
	size_t sy = an_tx_spelled_year(c, j, &y);
	if (sy) {
		an_date d = {y, 1, 1};
		an_tx_set_point(m, d, AN_GRAN_YEAR);
		m->modable = 1;
		m->the_ok = j > i;
		return sy;
	}
	if (!an_tx_year_at(c, j, &y) && !(j == i && an_tx_first_of_two_years(c, j, &y)))
		return 0;
	/* decade: "1990s", "1990's"; "the 1800s" is a century (TIDES "18"),
	 * as the words say ("the late 1800s" is the late 19th century), but
	 * "the 2000s" is the decade of "the early 2000s" */
	an_granularity dg = y % 100 == 0 && y < 2000 ? AN_GRAN_CENTURY : AN_GRAN_DECADE;
	if (y % 10 == 0 && an_tx_is(c, j + 1, "s") && !TK(j + 1).space) {
		return span_of(m, y, dg, j + 2);
	}
	if (y % 10 == 0 && j + 2 < c->n && !TK(j + 1).space && !TK(j + 2).space &&
	    (TK(j + 1).low[0] == '\'' || strcmp(TK(j + 1).low, "\xe2\x80\x99") == 0) &&
	    an_tx_is(c, j + 2, "s")) {
		return span_of(m, y, dg, j + 3);
	}
	/* Bare numbers: only plausible years, and not counts ("2000 troops").
	 * A glued word after the year is accepted: "2025Before". */
	if (j == i) {
		/* "support for Foldwise Office 2016", "a venture called Orion
		 * 1980", "the plan, Vision 2030,": after a capitalised word of
		 * no time inside a sentence (not its first word: "Windows 2000
		 * was popular" keeps its year), the number is a version or a
		 * name, no year of the story */
		static const char *const function[] = {"in", "of", "since", "by", "from", "until",
		                                       "before", "after", "during", "for", "to",
		                                       "the", "and", "or", "at", "on", NULL};
		if (i > 0 && an_tx_word(c, i - 1) && c->tk[i - 1].cap && !c->tk[i - 1].sent &&
		    !c->tk[i - 1].w.cls && !an_tx_one_of(c, i - 1, function) && TK(i).space)
			return 0;
		if (y < 1900 || y > 2100) {
			/* "the years 1888 to 1890", "the years 1888 and 1889" ("between
			 * 1500 and 1800" is as often an amount) */
			static const char *const preps[] = {"in", "since", "of", "by", "from",
			                                    "until", "before", "after", "year",
			                                    "circa", "to", NULL};
			/* "Over the years 1200 volunteers": a span needs its end */
			int span = i > 0 && an_tx_is(c, i - 1, "years") &&
			           (an_tx_is(c, i + 1, "to") || an_tx_is(c, i + 1, "and") ||
			            an_tx_is(c, i + 1, "through"));
			span |= (i > 0 && an_tx_life_span(c, i - 1)) ||
			        (i > 2 && an_tx_life_span(c, i - 3));
			/* "painted between 1620 and 1680.", "the average for 1850
			 * to 1900,": a later year after the link and no noun after
			 * it (not "between 1500 and 1800 people") */
			size_t e2 = i + 2;
			if ((an_tx_is(c, i + 1, "and") || an_tx_is(c, i + 1, "to")) && an_tx_num(c, e2) &&
			    TK(e2).ndig == 4 && TK(e2).num > y && TK(e2).num - y <= 500 &&
			    (e2 + 1 >= c->n || TK(e2 + 1).kind == AN_TK_PUNCT) &&
			    (an_tx_is(c, i + 1, "to") || (i > 0 && an_tx_is(c, i - 1, "between"))))
				span = 1;
			if (i > 2 && an_tx_is(c, i - 1, "and") && an_tx_is(c, i - 3, "between") &&
			    an_tx_num(c, i - 2) && TK(i - 2).ndig == 4 && TK(i - 2).num < y &&
			    (i + 1 >= c->n || TK(i + 1).kind == AN_TK_PUNCT))
				span = 1;
			/* "survived the 1703 earthquake": a year before an
			 * event's noun, after "the" (not "the 1500 troops") */
			static const char *const events[] = {
				"earthquake", "quake", "fire", "flood", "floods", "eruption", "war",
				"revolution", "rebellion", "uprising", "riots", "plague", "famine",
				"treaty", "census", "constitution", "massacre", "siege", "battle",
				"storm", "hurricane", "election", "tsunami", "epidemic", NULL};
			span |= i > 0 && an_tx_is(c, i - 1, "the") && an_tx_one_of(c, i + 1, events);
			if (!(i > 0 && an_tx_one_of(c, i - 1, preps)) && !span &&
			    !(i > 2 && an_tx_is(c, i - 1, "and") && an_tx_num(c, i - 2) &&
			      TK(i - 2).ndig == 4 && an_tx_is(c, i - 3, "years")))
				return 0;
		}
		/* "The drought of 2011-2017 killed": the end of a span of years
		 * is no count, whatever word follows it */
		int span_end = i > 1 && an_tx_is_punct(c, i - 1, '-') && !TK(i - 1).space &&
		               !TK(i).space && an_tx_num(c, i - 2) && TK(i - 2).ndig == 4 &&
		               TK(i - 2).num >= 1900 && TK(i - 2).num < y;
		if (!span_end && an_tx_word(c, i + 1) && TK(i + 1).space && !an_tx_capital(c, i + 1)) {
			static const char *const counts[] = {
				"people", "troops", "men", "women", "soldiers", "persons",
				"feet", "meters", "metres", "miles", "kilometers", "km", "tons",
				"barrels", "shares", "points", "votes", "members", "units",
				"jobs", "employees", "workers", "students", "cases", "deaths",
				"dead", "killed", "times", "pounds", "dollars", "euros", "yuan",
				"acres", "homes", "houses", "vehicles", "cars", "children",
				"hours", "days", "years", "rounds", "copies", "pages", "words",
				"seats", "beds", "rooms", "companies", "firms", "sites", NULL};
			/* ("since fires in 1983 killed 75 people": after a
			 * preposition of years, a verb) */
			int prep = i > 0 && an_tx_one_of(c, i - 1, year_preps);
			if ((an_tx_one_of(c, i + 1, counts) && !(prep && an_tx_is(c, i + 1, "killed"))) ||
			    measure_word(TK(i + 1).low, prep))
				return 0;
		}
		/* "Room 1907", "Flight 2010", "No. 1999": a label, not a year */
		if (i > 0 && an_tx_word(c, i - 1)) {
			static const char *const labels[] = {
				"room", "flight", "route", "highway", "interstate", "no", "number",
				"gate", "platform", "suite", "apartment", "page", "pages",
				"article", "section", "chapter", "version", "model", "bus",
				"track", "channel", "pier", "lot", "unit", "box", "resolution",
				"rule", "form", "item", "bill", "code", "exit", "hr", NULL};
			if (an_tx_one_of(c, i - 1, labels))
				return 0;
		}
		if (i > 1 && an_tx_is_punct(c, i - 1, '.') && an_tx_is(c, i - 2, "no"))
			return 0;
	}
	an_date d = {y, 1, 1};
	an_tx_set_point(m, d, AN_GRAN_YEAR);
	m->modable = 1;
	/* "the year 2000", but "the fiscal 1991 budget": "the" is the noun's */
	m->the_ok = j > i && an_tx_is(c, j - 1, "year");
	return j + 1;
}

/* "by mid-century", "until mid-decade" (j: the unit after "mid"): the
 * DCT's century or decade (in a past clause the one of the time last
 * named), as for "the middle of the century".  Only after a preposition,
 * since "a mid-century modern house" is a style. */
int an_tx_mid_span(an_tx_match *m, const an_tx_ctx *c, size_t i, size_t j)
{
	static const char *const preps[] = {"by", "until", "till", "before", "after", "around",
	                                    "at", "toward", "towards", "since", "through", "from",
	                                    "to", "near", "beyond", NULL};
	if (!(an_tx_is(c, j, "century") || an_tx_is(c, j, "decade")) || i == 0 ||
	    !an_tx_one_of(c, i - 1, preps) || an_tx_is(c, j + 1, "modern") ||
	    (j + 1 < c->n && an_tx_capital(c, j + 1) && !TK(j + 1).sent))
		return 0;
	int dec = TK(j).low[0] == 'd';
	an_date at = c->ref.g != AN_GRAN_NONE && an_tx_direction(c, i, j + 1) < 0 ? c->ref.d : c->dct;
	an_tx_unit_of(m, at, dec ? AN_GRAN_DECADE : AN_GRAN_CENTURY, j + 1);
	m->tb = i;
	an_tx_copy(m->mod, sizeof m->mod, "MID");
	return 1;
}
