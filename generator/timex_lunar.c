/* timex_lunar.c - holidays of lunar and lunisolar calendars: the Lunar
 * (Chinese) New Year, Ramadan, Eid al-Fitr, Eid al-Adha, Diwali, Rosh
 * Hashanah, Yom Kippur, Passover and Hanukkah, whose Gregorian day moves
 * from year to year.  The Hebrew calendar is arithmetic and computed;
 * the others hang on observed or astronomical new moons, so their days
 * are tables: the Islamic ones by the Umm al-Qura calendar as published
 * ahead (an observed moon can move a country's day by one), Diwali by
 * the day of Lakshmi Puja in India.  A year outside a table has no date:
 * the name is then left untagged rather than dated wrong.  timex_holiday.c
 * reads the names through an_tx_lunar_name and gives them the year of
 * their tense, as it does the fixed holidays. */
#include "timex_impl.h"

#include <string.h>

/* Day of the year of each holiday's first occurrence in 1970..2060
 * (Diwali 2000..2029). */
enum { LUNAR_Y0 = 1970, LUNAR_Y1 = 2060, DIWALI_Y0 = 2000, DIWALI_Y1 = 2029 };

static const unsigned short cny[] = {
	37, 27, 46, 34, 23, 42, 31, 49, 38, 28, 47, 36, 25, 44, 33, 51, 40, 29, 48, 37, 27, 46, 35,
	23, 41, 31, 50, 38, 28, 47, 36, 24, 43, 32, 22, 40, 29, 49, 38, 26, 45, 34, 23, 41, 31, 50,
	39, 28, 47, 36, 25, 43, 32, 22, 41, 29, 48, 37, 26, 44, 34, 23, 42, 31, 50, 39, 28, 46, 35,
	24, 43, 32, 22, 41, 30, 48, 37, 26, 45, 33, 23, 42, 32, 50, 39, 28, 46, 35, 24, 43, 33,
};
static const unsigned short ramadan[] = {
	305, 293, 282, 270, 260, 249, 239, 227, 217, 206, 195, 183, 173, 163, 152, 140, 129, 119,
	108, 97, 86, 76, 65, 53, 42, 31, 21, 10, 353, 343, 332, 320, 310, 299, 289, 277, 267, 256,
	245, 234, 223, 213, 202, 190, 179, 169, 158, 147, 136, 126, 115, 103, 92, 82, 71, 60, 49,
	39, 28, 16, 5, 349, 339, 327, 316, 305, 294, 283, 273, 262, 251, 240, 229, 218, 208, 196,
	186, 175, 164, 153, 142, 131, 121, 110, 99, 88, 77, 65, 55, 45, 34,
};
static const unsigned short fitr[] = {
	334, 323, 312, 300, 289, 279, 268, 257, 246, 235, 225, 213, 202, 192, 182, 170, 159, 148,
	137, 126, 116, 105, 95, 83, 72, 61, 50, 39, 29, 18, 8, 350, 339, 329, 319, 307, 296, 286,
	275, 263, 253, 242, 232, 220, 209, 198, 188, 176, 166, 155, 145, 133, 122, 111, 101, 89,
	79, 68, 57, 45, 35, 24, 14, 2, 346, 335, 324, 312, 302, 292, 281, 269, 258, 247, 237, 226,
	215, 205, 194, 182, 171, 161, 150, 139, 129, 118, 107, 95, 84, 74, 64,
};
static const unsigned short adha[] = {
	47, 37, 26, 14, 3, 347, 336, 325, 314, 304, 293, 281, 270, 260, 249, 238, 227, 216, 205,
	194, 183, 173, 163, 151, 140, 129, 118, 107, 97, 86, 76, 64, 53, 42, 32, 21, 10, 354, 343,
	331, 320, 310, 300, 288, 277, 266, 255, 244, 233, 223, 213, 201, 190, 179, 168, 157, 147,
	136, 126, 114, 103, 92, 82, 70, 60, 49, 38, 26, 16, 5, 349, 338, 327, 316, 305, 294, 283,
	273, 263, 251, 240, 229, 218, 207, 196, 186, 175, 163, 152, 142, 131,
};
static const unsigned short diwali[] = {
	300, 318, 308, 298, 317, 305, 294, 313, 302, 290, 309, 299, 318, 307, 296, 315, 304, 292,
	311, 300, 319, 308, 297, 316, 305, 293, 312, 302, 291, 309,
};

/* Days from the Hebrew calendar's epoch to the new year of Hebrew year y,
 * before the postponements of year length (the molad of Tishrei and the
 * rule that Rosh Hashanah falls on no Sunday, Wednesday or Friday). */
static long hebrew_elapsed(long y)
{
	long months = (235 * y - 234) / 19;
	long parts = 12084 + 13753 * months;
	long days = 29 * months + parts / 25920;
	return (3 * (days + 1)) % 7 < 3 ? days + 1 : days;
}

/* 1 Tishrei of Hebrew year y, as days since 1970-01-01 (an_date_to_days). */
static long hebrew_new_year(long y)
{
	long ny0 = hebrew_elapsed(y - 1), ny1 = hebrew_elapsed(y), ny2 = hebrew_elapsed(y + 1);
	long fix = ny2 - ny1 == 356 ? 2 : ny1 - ny0 == 382 ? 1 : 0;
	/* the epoch, 7 October 3761 BCE (Julian), is day -1373427 counted
	 * from 1 January of year 1, and 1970-01-01 is day 719163 */
	return -1373427 + ny1 + fix - 719163;
}

static an_date from_table(const unsigned short *t, int y0, int y1, int y)
{
	an_date d = {0, 0, 0};
	if (y < y0 || y > y1)
		return d;
	an_date j = {y, 1, 1};
	return an_date_add_days(j, t[y - y0] - 1);
}

an_date an_tx_lunar_date(int kind, int y)
{
	an_date none = {0, 0, 0};
	if (y < LUNAR_Y0 || y > LUNAR_Y1)
		return none;
	long hy = y + 3761; /* the Hebrew year that begins in Gregorian y's autumn */
	switch (kind) {
	case AN_TXL_LUNAR_NEW_YEAR: return from_table(cny, LUNAR_Y0, LUNAR_Y1, y);
	case AN_TXL_LUNAR_NEW_YEARS_EVE: {
		an_date d = from_table(cny, LUNAR_Y0, LUNAR_Y1, y);
		return d.y ? an_date_add_days(d, -1) : d;
	}
	case AN_TXL_RAMADAN: return from_table(ramadan, LUNAR_Y0, LUNAR_Y1, y);
	case AN_TXL_EID_FITR: return from_table(fitr, LUNAR_Y0, LUNAR_Y1, y);
	case AN_TXL_EID_ADHA: return from_table(adha, LUNAR_Y0, LUNAR_Y1, y);
	case AN_TXL_DIWALI: return from_table(diwali, DIWALI_Y0, DIWALI_Y1, y);
	case AN_TXL_ROSH_HASHANAH: return an_date_from_days(hebrew_new_year(hy));
	case AN_TXL_YOM_KIPPUR: return an_date_from_days(hebrew_new_year(hy) + 9);
	case AN_TXL_PASSOVER: /* 15 Nisan, 163 days before the next new year */
		return an_date_from_days(hebrew_new_year(hy) - 163);
	case AN_TXL_HANUKKAH: { /* 25 Kislev; Heshvan has 30 days in a full year */
		long ny = hebrew_new_year(hy), len = hebrew_new_year(hy + 1) - ny;
		return an_date_from_days(ny + 30 + (len % 10 == 5 ? 30 : 29) + 24);
	}
	}
	return none;
}

/* "al", "ul", "el" with the hyphens around them in "Eid al-Fitr",
 * "Eid-al-Adha", "Eid ul-Fitr": the index after them. */
static size_t eid_article(const an_tx_ctx *c, size_t j)
{
	if (an_tx_is_punct(c, j, '-'))
		j++;
	if (an_tx_is(c, j, "al") || an_tx_is(c, j, "ul") || an_tx_is(c, j, "el"))
		j++;
	if (an_tx_is_punct(c, j, '-'))
		j++;
	return j;
}

size_t an_tx_lunar_name(const an_tx_ctx *c, size_t i, int *kind)
{
	const char *w = c->tk[i].low;
	size_t j = i + 1;
	/* after a capitalised word, a surname: "Tariq Ramadan", "Taha Yassin
	 * Ramadan" (not "During Ramadan", "Happy Diwali" opening a sentence) */
	static const char *const opener[] = {"during", "in", "after", "before", "since", "until",
	                                     "throughout", "for", "by", "the", "this", "last",
	                                     "next", "happy", "ahead", "on", "at", NULL};
	if (i > 0 && c->tk[i - 1].kind == AN_TK_WORD && c->tk[i - 1].cap && !c->tk[i].sent &&
	    !c->tk[i - 1].head && !(c->tk[i - 1].sent && an_tx_one_of(c, i - 1, opener)))
		return 0;
	switch (w[0]) {
	case 'c': case 'h': case 'l':
		if (an_tx_is(c, i, "hanukkah") || an_tx_is(c, i, "chanukah") ||
		    an_tx_is(c, i, "hanukah")) {
			*kind = AN_TXL_HANUKKAH;
			return j;
		}
		/* "Lunar New Year", "Chinese New Year", "Lunar New Year's Eve" */
		if (!(an_tx_is(c, i, "lunar") || an_tx_is(c, i, "chinese")) ||
		    !an_tx_is(c, j, "new") || !an_tx_is(c, j + 1, "year") || !c->tk[j].cap)
			return 0;
		if (!an_tx_is_apos(c, j + 2)) {
			*kind = AN_TXL_LUNAR_NEW_YEAR;
			return j + 2;
		}
		if (!an_tx_is(c, j + 3, "s") || !an_tx_is(c, j + 4, "eve"))
			return 0;
		*kind = AN_TXL_LUNAR_NEW_YEARS_EVE;
		return j + 5;
	case 'r':
		if (an_tx_is(c, i, "ramadan")) {
			*kind = AN_TXL_RAMADAN;
			return j;
		}
		if (an_tx_is(c, i, "rosh") && (an_tx_is(c, j, "hashanah") || an_tx_is(c, j, "hashana"))) {
			*kind = AN_TXL_ROSH_HASHANAH;
			return j + 1;
		}
		return 0;
	case 'e':
		if (!an_tx_is(c, i, "eid"))
			return 0;
		j = eid_article(c, j);
		if (an_tx_is(c, j, "fitr") || an_tx_is(c, j, "adha")) {
			*kind = c->tk[j].low[0] == 'f' ? AN_TXL_EID_FITR : AN_TXL_EID_ADHA;
			return j + 1;
		}
		return 0;
	case 'd':
		if (an_tx_is(c, i, "diwali") || an_tx_is(c, i, "deepavali") || an_tx_is(c, i, "divali")) {
			*kind = AN_TXL_DIWALI;
			return j;
		}
		return 0;
	case 'y':
		if (an_tx_is(c, i, "yom") && an_tx_is(c, j, "kippur")) {
			*kind = AN_TXL_YOM_KIPPUR;
			return j + 1;
		}
		return 0;
	case 's':
		/* "the Spring Festival", China's name for the Lunar New Year */
		if (an_tx_is(c, i, "spring") && c->tk[i].cap && an_tx_is(c, j, "festival") &&
		    c->tk[j].cap) {
			*kind = AN_TXL_LUNAR_NEW_YEAR;
			return j + 1;
		}
		return 0;
	case 'p':
		if (an_tx_is(c, i, "passover")) {
			*kind = AN_TXL_PASSOVER;
			return j;
		}
		return 0;
	}
	return 0;
}
