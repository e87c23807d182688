/* timex.c - the tagger's driver: splits the text into tokens, walks them
 * left to right asking the rules (timex_rules.c) for the longest timex at
 * each position, and keeps the reference time that anaphoric expressions
 * ("two days later") resolve against.  Taking the longest match and jumping
 * past it is what keeps the output ordered and free of overlaps, and the
 * whole pass linear in the text. */
#include "timex.h"
#include "alloc.h"
#include "timex_impl.h"
#include "timex_tense.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

/* Decodes one character; a malformed or truncated sequence reads as
 * U+FFFD of length 1, so that a byte is always consumed. */
static size_t utf8_next(unsigned *cp, const unsigned char *s, size_t avail)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	size_t n = an_utf8_decode(cp, s, avail);
	if (n == 0) {
		*cp = 0xFFFD;
		n = 1;
	}
	return n;
}

enum { CH_SPACE, CH_LETTER, CH_DIGIT, CH_PUNCT };

static int char_class(unsigned cp)
{
	/* ASCII first: almost all of news text */
	static const unsigned char ascii[128] = {
		['\t'] = CH_SPACE + 1, ['\n'] = CH_SPACE + 1, ['\v'] = CH_SPACE + 1,
		['\f'] = CH_SPACE + 1, ['\r'] = CH_SPACE + 1, [' '] = CH_SPACE + 1,
		['0'] = CH_DIGIT + 1, ['1'] = CH_DIGIT + 1, ['2'] = CH_DIGIT + 1,
		['3'] = CH_DIGIT + 1, ['4'] = CH_DIGIT + 1, ['5'] = CH_DIGIT + 1,
		['6'] = CH_DIGIT + 1, ['7'] = CH_DIGIT + 1, ['8'] = CH_DIGIT + 1,
		['9'] = CH_DIGIT + 1,
	};
	if (cp < 0x80) {
		if (ascii[cp])
			return ascii[cp] - 1;
		return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ? CH_LETTER : CH_PUNCT;
	}
	/* the word joiner and the byte order mark (a file's first character,
	 * or a zero-width no-break space) are invisible: read as a space */
	if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
	    cp == '\v' || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) ||
	    cp == 0x202F || cp == 0x3000 || cp == 0x2060 || cp == 0xFEFF)
		return CH_SPACE;
	if (cp < 0x80) {
		if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
			return CH_LETTER;
		if (cp >= '0' && cp <= '9')
			return CH_DIGIT;
		return CH_PUNCT;
	}
	/* Quotes, dashes, symbols and emoji stand alone; letters of other
	 * scripts join words (they never match a rule, but they must not make
	 * "Türk" two words). */
	if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF) ||
	    (cp >= 0x3000 && cp <= 0x303F) || cp >= 0x1F000 || cp == 0xFFFD ||
	    (cp >= 0xFE00 && cp <= 0xFE0F))
		return CH_PUNCT;
	return CH_LETTER;
}

static void finish_token(an_tk *t, const char *text, int shy)
{
	size_t n = t->end - t->start;
	t->low[0] = '\0';
	if (n < sizeof t->low && !shy) {
		for (size_t i = 0; i < n; i++) {
			char ch = text[t->start + i];
			t->low[i] = (ch >= 'A' && ch <= 'Z') ? (char)(ch + 32) : ch;
		}
		t->low[n] = '\0';
	} else if (n < sizeof t->low) {
		/* a soft hyphen a layout left in a word ("Novem-ber") is
		 * invisible: the word reads without it */
		size_t k = 0;
		for (size_t i = 0; i < n; i++) {
			char ch = text[t->start + i];
			if (ch == '\xc2' && i + 1 < n && text[t->start + i + 1] == '\xad') {
				i++;
				continue;
			}
			t->low[k++] = (ch >= 'A' && ch <= 'Z') ? (char)(ch + 32) : ch;
		}
		t->low[k] = '\0';
	}
	/* An en dash, figure dash or non-breaking hyphen joins "2024–25",
	 * "Nov. 17–19" as a hyphen does in plain text: the rules read one
	 * "-".  The em dash stays apart: it opens an aside, not a range. */
	if (t->kind == AN_TK_PUNCT && n == 3 && t->low[0] == '\xe2' && t->low[1] == '\x80' &&
	    (t->low[2] == '\x91' || t->low[2] == '\x92' || t->low[2] == '\x93'))
		memcpy(t->low, "-", 2);
	t->cap = text[t->start] >= 'A' && text[t->start] <= 'Z';
	if (t->kind == AN_TK_NUM) {
		t->ndig = (int)n;
		t->num = -1;
		if (n <= 9) {
			t->num = 0;
			for (size_t i = 0; i < n; i++)
				t->num = t->num * 10 + (text[t->start + i] - '0');
		}
	} else if (t->kind == AN_TK_WORD) {
		an_tx_classify(&t->w, t->low);
	}
}

/* What an ASCII byte continues, plus one: a word (letters), a number
 * (digits); 0 for neither. */
static const unsigned char run_class[128] = {
	['0'] = CH_DIGIT + 1, ['1'] = CH_DIGIT + 1, ['2'] = CH_DIGIT + 1, ['3'] = CH_DIGIT + 1,
	['4'] = CH_DIGIT + 1, ['5'] = CH_DIGIT + 1, ['6'] = CH_DIGIT + 1, ['7'] = CH_DIGIT + 1,
	['8'] = CH_DIGIT + 1, ['9'] = CH_DIGIT + 1, ['A'] = CH_LETTER + 1, ['B'] = CH_LETTER + 1,
	['C'] = CH_LETTER + 1, ['D'] = CH_LETTER + 1, ['E'] = CH_LETTER + 1, ['F'] = CH_LETTER + 1,
	['G'] = CH_LETTER + 1, ['H'] = CH_LETTER + 1, ['I'] = CH_LETTER + 1, ['J'] = CH_LETTER + 1,
	['K'] = CH_LETTER + 1, ['L'] = CH_LETTER + 1, ['M'] = CH_LETTER + 1, ['N'] = CH_LETTER + 1,
	['O'] = CH_LETTER + 1, ['P'] = CH_LETTER + 1, ['Q'] = CH_LETTER + 1, ['R'] = CH_LETTER + 1,
	['S'] = CH_LETTER + 1, ['T'] = CH_LETTER + 1, ['U'] = CH_LETTER + 1, ['V'] = CH_LETTER + 1,
	['W'] = CH_LETTER + 1, ['X'] = CH_LETTER + 1, ['Y'] = CH_LETTER + 1, ['Z'] = CH_LETTER + 1,
	['a'] = CH_LETTER + 1, ['b'] = CH_LETTER + 1, ['c'] = CH_LETTER + 1, ['d'] = CH_LETTER + 1,
	['e'] = CH_LETTER + 1, ['f'] = CH_LETTER + 1, ['g'] = CH_LETTER + 1, ['h'] = CH_LETTER + 1,
	['i'] = CH_LETTER + 1, ['j'] = CH_LETTER + 1, ['k'] = CH_LETTER + 1, ['l'] = CH_LETTER + 1,
	['m'] = CH_LETTER + 1, ['n'] = CH_LETTER + 1, ['o'] = CH_LETTER + 1, ['p'] = CH_LETTER + 1,
	['q'] = CH_LETTER + 1, ['r'] = CH_LETTER + 1, ['s'] = CH_LETTER + 1, ['t'] = CH_LETTER + 1,
	['u'] = CH_LETTER + 1, ['v'] = CH_LETTER + 1, ['w'] = CH_LETTER + 1, ['x'] = CH_LETTER + 1,
	['y'] = CH_LETTER + 1, ['z'] = CH_LETTER + 1,
};

an_tk *an_tx_tokenize(size_t *out_n, const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	/* news prose has a token every four to six bytes (punctuation is one
	 * each): room for almost every text at once, since growing copies the
	 * array (at one per six bytes most texts grew once, 3% of the tagger's
	 * instructions); a huge text, maybe all spaces, grows from 65,536 */
	size_t n = 0, cap = (len < ((size_t)4 << 16) ? len / 4 : (size_t)1 << 16) + 16, i = 0;
	an_tk *tk = an_xmalloc(cap * sizeof *tk);
	int space = 1, newlines = 2;
	while (i < len) {
		unsigned cp;
		size_t l = utf8_next(&cp, s + i, len - i);
		int cl = char_class(cp);
		if (cl == CH_SPACE) {
			space = 1;
			if (cp == '\n')
				newlines++;
			i += l;
			continue;
		}
		if (n == cap)
			tk = an_xgrow(tk, &cap, n + 1, sizeof *tk);
		an_tk *t = &tk[n++];
		memset(t, 0, sizeof *t);
		t->start = i;
		t->space = (unsigned char)space;
		t->para = newlines >= 2;
		t->nl = newlines >= 1;
		t->kind = cl == CH_LETTER ? AN_TK_WORD : cl == CH_DIGIT ? AN_TK_NUM : AN_TK_PUNCT;
		i += l;
		int shy = 0;
		if (cl != CH_PUNCT) {
			while (i < len) {
				if (s[i] < 0x80) { /* the common case: one look-up a byte */
					if (run_class[s[i]] != cl + 1)
						break;
					i++;
					continue;
				}
				size_t l2 = utf8_next(&cp, s + i, len - i);
				/* a soft hyphen inside a word (finish_token) */
				shy |= cp == 0xAD && cl == CH_LETTER;
				if ((cp == 0xAD && cl == CH_LETTER ? cl : char_class(cp)) != cl)
					break;
				i += l2;
			}
		}
		t->end = i;
		finish_token(t, text, shy);
		space = 0;
		newlines = 0;
	}
	*out_n = n;
	return tk;
}

/* Marks sentence starts.  A full stop after an abbreviation ("Nov.",
 * "U.S.", "Mr.") or a lone letter ends no sentence; glued text such as
 * "law.The" still does, since the next word is capitalised. */
static void mark_sentences(an_tk *tk, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		an_tk *t = &tk[i];
		if (i == 0 || t->para) {
			t->sent = 1;
			continue;
		}
		const an_tk *p = &tk[i - 1];
		if (p->kind != AN_TK_PUNCT)
			continue;
		char ch = p->low[0];
		/* a capital after the stamp of a live-blog entry opens a
		 * sentence ("08:15 BST: Overnight, ...", "1.14pm: The vote");
		 * after other colons it may be a name or a quote's first word */
		if (ch == '!' || ch == '?' ||
		    (ch == ':' && t->cap && i >= 3 &&
		     (tk[i - 2].kind == AN_TK_NUM || tk[i - 3].kind == AN_TK_NUM)))
			t->sent = 1;
		else if (ch == '.' && i >= 2) {
			const an_tk *w = &tk[i - 2];
			int abbr = w->kind == AN_TK_WORD && w->end == p->start &&
			           (w->w.cls & AN_TXW_NOBREAK);
			t->sent = !abbr && (t->cap || t->kind == AN_TK_PUNCT || t->para);
		}
	}
	unsigned sno = 0;
	for (size_t i = 0; i < n; i++)
		tk[i].sno = sno += tk[i].sent;
}

/* The words title case may leave in lower case: articles, conjunctions,
 * prepositions ("Talks Resume After a Weekend of Talks", "Fed Moves Into
 * the Lead").  Any other word in lower case makes a line prose. */
static int title_small(const an_tk *t)
{
	static const char *const small[] = {
		"a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "at", "by", "in",
		"of", "on", "to", "up", "as", "via", "per", "vs", "off", "out", "with", "from",
		"into", "onto", "over", "upon", "than", "amid", "near", "after", "before", "during",
		"until", "since", "against", "among", "through", "toward", "towards", "without",
		"within", NULL};
	for (size_t k = 0; small[k]; k++)
		if (small[k][0] == t->low[0] && strcmp(t->low, small[k]) == 0)
			return 1;
	return 0;
}

/* Marks the lines cased as headlines: Title Case ("Storm To Hit Coast By
 * Friday Night") or capitals ("LAST YEAR'S WINNER RETURNS").  There every
 * word has a capital, so one says nothing of a name, and the rules that
 * take "This Week" or "60 Minutes" for a programme must not read it so
 * (an_tx_capital).  A line qualifies when three of its words of three
 * letters or more are capitalised and no word is in lower case but the
 * small ones title case allows; a letter alone and the parts glued after
 * an apostrophe, a hyphen, a full stop or a quote ("Year's", "Sell-off",
 * "p.m.") do not count, nor words that do not start with an ASCII letter. */
static void mark_headlines(an_tk *tk, size_t n, const char *text)
{
	for (size_t ls = 0; ls < n;) {
		int words = 0, lower = 0;
		size_t i = ls;
		for (; i < n && (i == ls || !tk[i].nl); i++) {
			const an_tk *t = &tk[i];
			if (lower || t->kind != AN_TK_WORD || t->end - t->start < 2 ||
			    (unsigned char)text[t->start] >= 0x80 ||
			    (i > 0 && !t->space && tk[i - 1].kind == AN_TK_PUNCT &&
			     (strchr("-.'", tk[i - 1].low[0]) ||
			      (unsigned char)tk[i - 1].low[0] >= 0x80)))
				continue;
			if (t->cap)
				words += t->end - t->start >= 3;
			else if (!title_small(t))
				lower = 1; /* prose: the rest of the line is passed over */
		}
		if (words >= 3 && !lower)
			for (size_t k = ls; k < i; k++)
				tk[k].head = 1;
		ls = i;
	}
}

static int tk_punct(const an_tk *t, char ch)
{
	return t->kind == AN_TK_PUNCT && t->low[0] == ch && t->low[1] == '\0';
}

/* Whether the glued tokens [a, b) hold a web address: "https://...",
 * "www.example.org/...", or a host ("example.com/archive/march-2024"):
 * a word, a full stop and a word of two letters or more before the
 * first slash ("a.m./p.m." and "U.S./Mexico" are none). */
static int is_url(const an_tk *tk, size_t a, size_t b)
{
	if (tk[a].kind == AN_TK_WORD && strcmp(tk[a].low, "www") == 0 && a + 1 < b &&
	    tk_punct(&tk[a + 1], '.'))
		return 1;
	int host = 0;
	for (size_t k = a; k < b; k++) {
		if (tk_punct(&tk[k], ':') && k + 2 < b && tk_punct(&tk[k + 1], '/') &&
		    tk_punct(&tk[k + 2], '/'))
			return 1;
		if (tk_punct(&tk[k], '/'))
			return host;
		if (tk_punct(&tk[k], '.') && k > a && k + 1 < b && tk[k - 1].kind == AN_TK_WORD &&
		    tk[k + 1].kind == AN_TK_WORD && tk[k - 1].end - tk[k - 1].start >= 2 &&
		    tk[k + 1].end - tk[k + 1].start >= 2)
			host = 1;
	}
	return 0;
}

/* Marks the tokens of web addresses, whose paths hold numbers that read
 * as years and dates ("www.example.org/news/2024-05-12-storm") but name
 * a page.  An address holds a slash and runs from the last space or dash
 * or quote outside ASCII, which scraped text glues to it ("t.co/x— Name"),
 * to the next. */
static void mark_urls(an_tk *tk, size_t n)
{
	for (size_t k = 1; k < n; k++) {
		if (tk[k].kind != AN_TK_PUNCT || tk[k].low[0] != '/' || tk[k].space)
			continue;
		size_t a = k, b = k + 1;
		while (a > 0 && !tk[a].space &&
		       !(tk[a].kind == AN_TK_PUNCT && (unsigned char)tk[a].low[0] >= 0x80))
			a--;
		if (tk[a].kind == AN_TK_PUNCT && (unsigned char)tk[a].low[0] >= 0x80)
			a++;
		while (b < n && !tk[b].space &&
		       !(tk[b].kind == AN_TK_PUNCT && (unsigned char)tk[b].low[0] >= 0x80))
			b++;
		if (is_url(tk, a, b))
			for (size_t j = a; j < b; j++)
				tk[j].url = 1;
		k = b;
	}
}

int an_tx_glued(const an_tx_ctx *c, size_t i)
{
	return i < c->n && !c->tk[i].space;
}

unsigned an_tx_cls(const an_tx_ctx *c, size_t i)
{
	return i < c->n && c->tk[i].kind == AN_TK_WORD ? c->tk[i].w.cls : 0;
}

static void push(an_timex_list *out, const an_tx_ctx *c, const an_tx_match *m)
{
	out->items = an_xgrow(out->items, &out->cap, out->len + 1, sizeof *out->items);
	an_timex *t = &out->items[out->len++];
	memset(t, 0, sizeof *t);
	t->start = c->tk[m->tb].start;
	t->end = c->tk[m->te - 1].end;
	t->type = m->type;
	memcpy(t->value, m->value, sizeof t->value);
	memcpy(t->mod, m->mod, sizeof t->mod);
	t->value[sizeof t->value - 1] = '\0';
	t->mod[sizeof t->mod - 1] = '\0';
}

/* A value in the DCT's year or the year before ("2025-11-07", "2024"). */
static int near_dct(const an_tx_ctx *c, const char *v)
{
	int y = 0;
	for (int k = 0; k < 4; k++) {
		if (v[k] < '0' || v[k] > '9')
			return 0;
		y = y * 10 + (v[k] - '0');
	}
	return y >= c->dct.y - 1 && y <= c->dct.y + 1;
}

/* "the", "a" and "an" are the commonest tokens that can open a timex, and
 * they only do so before a word that can ("the third quarter", "a year
 * ago") or before one of the few nouns that the "the" phrases end in ("the
 * present", "the end of"). */
static int article_leads(const an_tx_ctx *c, size_t i)
{
	static const char *const after_the[] = {"present", "future", "near", "short", "long",
	                                        "beginning", "start", "end", "other", "time",
	                                        "old", "bad", "distant",
	                                        "immediate", "roaring", "swinging", "not", NULL};
	const an_tk *t = &c->tk[i];
	int the = strcmp(t->low, "the") == 0;
	if (!the && strcmp(t->low, "a") != 0 && strcmp(t->low, "an") != 0)
		return 1;
	if (i + 1 >= c->n)
		return 0;
	if (an_tx_can_open(&c->tk[i + 1]))
		return 1;
	/* "A.D. 1066" (timex_year.c) */
	if (t->cap && t->low[1] == '\0' && c->tk[i + 1].kind == AN_TK_PUNCT &&
	    c->tk[i + 1].low[0] == '.' && !c->tk[i + 1].space)
		return 1;
	for (size_t k = 0; the && after_the[k]; k++)
		if (an_tx_is(c, i + 1, after_the[k]))
			return 1;
	/* "in a single day", "for a while" (timex_idiom.c), "a further
	 * week" (timex_dur.c), "a little more than a year" */
	return !the && (an_tx_is(c, i + 1, "single") || an_tx_is(c, i + 1, "while") ||
	                an_tx_is(c, i + 1, "further") || an_tx_is(c, i + 1, "little") ||
	                an_tx_is(c, i + 1, "bit"));
}

/* A word that opens only holidays' names ("Lunar New Year", "St.
 * Patrick's Day", "Mother's Day") opens nothing before a lower-case word:
 * "Chinese officials", "Martin said". */
static int holiday_head_idle(const an_tx_ctx *c, size_t i)
{
	const an_tk *t = &c->tk[i];
	if (t->kind != AN_TK_WORD || (t->w.cls & ~(AN_TXW_HOLI | AN_TXW_FUTURE | AN_TXW_PAST |
	                                           AN_TXW_NOBREAK | AN_TXW_SCHED)) ||
	    !(t->w.cls & AN_TXW_HOLI))
		return 0;
	if (i + 1 >= c->n || !t->cap)
		return 1;
	const an_tk *u = &c->tk[i + 1];
	return !(u->cap || an_tx_is_apos(c, i + 1) || (u->kind == AN_TK_PUNCT && u->low[0] == '.'));
}

/* Quarters counted from year 0: one more for each quarter later. */
static int quarter_no(an_date d)
{
	return d.y * 4 + (d.m - 1) / 3;
}

/* A quarter named in the text can be the one the story reports on when it
 * is over at the DCT and not older than last year: "results
 * through the third quarter of 1990" is a forecast, not the story's
 * quarter. */
static int story_quarter_ok(const an_tx_ctx *c, an_date q)
{
	int qn = quarter_no(q), dn = quarter_no(c->dct);
	if (qn >= dn || q.y < c->dct.y - 1)
		return 0;
	/* the most recent one named: "this year's first quarter" after "the
	 * third quarter" is a comparison */
	return c->quarter.g != AN_GRAN_QUARTER ||
	       qn > quarter_no(c->quarter.d);
}

/* "the next Summer Games", "the Winter Olympics": a capitalised season
 * before the Games names them, no date (a year before them is: "the
 * 2022 Olympics"). */
static int games_name(const an_tx_ctx *c, const an_tx_match *m)
{
	const an_tk *t = &c->tk[m->te - 1];
	return m->te < c->n && t->w.season && t->cap &&
	       (an_tx_is(c, m->te, "games") || an_tx_is(c, m->te, "olympics") ||
	        an_tx_is(c, m->te, "paralympics"));
}

/* The timex writes its year in digits: "July 16, 1969", not "50 years
 * ago" nor "that day". */
static int year_written(const an_tx_ctx *c, const an_tx_match *m)
{
	for (size_t k = m->tb; k < m->te; k++)
		if (c->tk[k].kind == AN_TK_NUM && c->tk[k].ndig == 4 && c->tk[k].num == m->anchor.d.y)
			return 1;
	return 0;
}

/* "the fiscal fourth quarter, which ended May 31", said in June: a
 * fiscal quarter's label runs ahead of the calendar's, so one of the
 * DCT's year (or the next) may be the story's quarter however its number
 * compares with the DCT's; "the quarter" after it is that one. */
static int fiscal_quarter(const an_tx_ctx *c, const an_tx_match *m)
{
	if (m->anchor.d.y != c->dct.y && m->anchor.d.y != c->dct.y + 1)
		return 0;
	for (size_t k = m->tb; k < m->te; k++)
		if (an_tx_is(c, k, "fiscal"))
			return 1;
	/* (so is the first one named, whose results a past clause tells,
	 * "reported a 47% decline in fourth-quarter earnings" in November:
	 * a quarter not yet over on the calendar is over on the books) */
	return quarter_no(m->anchor.d) >= quarter_no(c->dct) && m->anchor.d.y == c->dct.y &&
	       c->quarter.g != AN_GRAN_QUARTER &&
	       an_tx_direction(c, m->tb, m->te) < 0;
}

/* The last day of a quarter already named: "the fourth quarter ended
 * Aug. 26", "the fiscal first quarter ended Sept. 30".  The quarter, not
 * its last day, stays (or becomes again) the reference for "a year
 * earlier". */
static int period_end(const an_tx_ctx *c, const an_tx_match *m)
{
	size_t b = m->tb;
	if (m->anchor.g != AN_GRAN_DAY || b < 2)
		return 0;
	/* the story's quarter when another period was named since: only if
	 * the day can end it (a fiscal quarter ends up to two months after
	 * the calendar one) */
	if (c->ref.g != AN_GRAN_QUARTER) {
		if (c->quarter.g != AN_GRAN_QUARTER)
			return b > 4 && an_tx_is(c, b - 1, "ended") &&
			       ((an_tx_is(c, b - 2, "quarter") && an_tx_is(c, b - 3, "the")) ||
			        (an_tx_is(c, b - 2, "months") && an_tx_is(c, b - 3, "three") &&
			         an_tx_is(c, b - 4, "the"))) ? 2 : 0;
		int last = (c->quarter.d.m - 1) / 3 * 3 + 3,
		    late = (m->anchor.d.y - c->quarter.d.y) * 12 + m->anchor.d.m - last;
		if (late < 0 || late > 2)
			return 0;
	}
	if (!an_tx_is(c, b - 1, "ended") && !an_tx_is(c, b - 1, "ending"))
		return 0;
	/* "the quarter that ended Dec. 28", "the third quarter, which ended
	 * Sept. 25" */
	size_t q = b - 2;
	if (q > 1 && (an_tx_is(c, q, "that") || an_tx_is(c, q, "which")))
		q -= an_tx_is_punct(c, q - 1, ',') ? 2 : 1;
	/* "the three months ended June 26" is the quarter too */
	return an_tx_is(c, q, "quarter") ||
	       (q > 1 && an_tx_is(c, q, "months") && an_tx_is(c, q - 1, "three") &&
	        an_tx_is(c, q - 2, "the"));
}

/* "a warning in place since Thursday evening", "the heaviest since early
 * November", "ahead of next Tuesday's contests": where a state began, or
 * what is still to come, is no time the story moves to, so the reference
 * time stays, and the day of the clock times after it.
 * It does move for a story told from there ("since 2020, when ...") or
 * where nothing was named before ("today", which sets no reference,
 * counts as named: "progress today on a fire that has burned since
 * Saturday. Crews worked overnight" is the night before the news). */
static int bound_date(const an_tx_ctx *c, const an_tx_match *m)
{
	size_t b = m->tb;
	if (b == 0 || (c->ref.g == AN_GRAN_NONE && !c->day_at))
		return 0;
	/* "which had survived the 1703 earthquake ... The next day": a
	 * year that names an event's noun is no time the story moves to */
	if (m->anchor.g == AN_GRAN_YEAR && an_tx_is(c, b - 1, "the") && m->te < c->n &&
	    an_tx_word(c, m->te) && !c->tk[m->te].cap)
		return 1;
	/* "The Keston Vale Cricket Club, founded in 1887, said it hoped to
	 * play the following weekend": a year in a participle's aside names
	 * the noun's past, not a time the story moves to */
	if (m->anchor.g == AN_GRAN_YEAR && b > 3 && an_tx_is(c, b - 1, "in") &&
	    an_tx_is_punct(c, b - 3, ',') && an_tx_is_punct(c, m->te, ',') &&
	    an_tx_word(c, b - 2) && ends_in(c->tk[b - 2].low, "ed", 4))
		return 1;
	/* "arrested a man Friday night, the chief said Saturday. He was taken
	 * into custody at 10:45 p.m.": the day of the report, after the day of
	 * the news in its sentence, is not the story's */
	size_t r = an_tx_is(c, b - 1, "on") && b > 1 ? b - 2 : b - 1;
	int said = m->anchor.g == AN_GRAN_DAY && (an_tx_is(c, r, "said") || an_tx_is(c, r, "says"));
	if (said && c->day_at && c->day_at - 1 < b && an_tx_one_sentence(c, c->day_at - 1, b) &&
	    an_date_to_days(c->day) < an_date_to_days(m->anchor.d))
		return 1;
	/* nor, in a story of long ago, the news day a witness said it on:
	 * "who lost her husband on November 1 [1984] ... she said on
	 * Thursday. That December, ..." */
	if (said && (c->ref.g == AN_GRAN_DAY || c->ref.g == AN_GRAN_MONTH) && c->ref.d.y >= 1 &&
	    c->ref.d.y <= c->dct.y - 2 &&
	    an_date_to_days(c->dct) - an_date_to_days(m->anchor.d) <= 7)
		return 1;
	/* "The invasion had been set for June 5, but Eisenhower put it off
	 * by one day": a first plan's date is no day the story moved to */
	if (b > 3 && an_tx_is(c, b - 1, "for") &&
	    (an_tx_is(c, b - 2, "set") || an_tx_is(c, b - 2, "scheduled") ||
	     an_tx_is(c, b - 2, "planned") || an_tx_is(c, b - 2, "slated")) &&
	    ((an_tx_is(c, b - 3, "been") && b > 4 && an_tx_is(c, b - 4, "had")) ||
	     an_tx_is(c, b - 3, "originally") || an_tx_is(c, b - 3, "initially")))
		return 1;
	/* "the number of homes sold in May fell 20.1 percent from May 2016
	 * ... was down 6.2 percent from April, though still 14.9 percent above
	 * the level a year earlier": what a figure is compared from is no
	 * period the story moves to (but a span's start is: "cut their gas
	 * use 15 percent from Aug. 1 to March 31") */
	/* (nor one right after the month it is compared with: "prices fell
	 * 0.1% in September from August") */
	if (b > 2 && an_tx_is(c, b - 1, "from") &&
	    (an_tx_is(c, b - 2, "percent") || an_tx_is_punct(c, b - 2, '%') ||
	     an_tx_is(c, b - 2, "points") ||
	     (c->ref.g == AN_GRAN_MONTH && c->ref_at == b - 2 && m->anchor.g == AN_GRAN_MONTH)) &&
	    c->ref.g != AN_GRAN_NONE && !an_tx_is(c, m->te, "to") && !an_tx_is(c, m->te, "through") &&
	    !an_tx_is(c, m->te, "until") && !an_tx_is_dash(c, m->te))
		return 1;
	/* "the return rush would last into Monday": the day a span lasts
	 * into is where it ends, no time the story moves to */
	static const char *const lasting[] = {"last", "lasts", "run", "runs", "continue",
	                                      "continues", "stretch", "stretches", "extend",
	                                      "extends", "spill", "drag", NULL};
	if (b > 2 && an_tx_is(c, b - 1, "into") && an_tx_one_of(c, b - 2, lasting))
		return 1;
	/* "a state of emergency that runs until Aug. 22": where a state ends
	 * is no more the story's time than where it began, but "was not
	 * called until early this morning" is when it was */
	/* (unless what comes then follows: "closed until Tuesday, reopening
	 * at 9 a.m.") */
	static const char *const resume[] = {"reopening", "resuming", "restarting", "returning",
	                                     NULL};
	if ((an_tx_is(c, b - 1, "until") || an_tx_is(c, b - 1, "till")) && b > 1) {
		if (an_tx_is_punct(c, m->te, ',') && an_tx_one_of(c, m->te + 1, resume))
			return 0;
		for (size_t k = b - 1, n = 0; k > 0 && n < 10 && !c->tk[k].sent; k--, n++)
			if (an_tx_is(c, k - 1, "not") || an_tx_is(c, k - 1, "never") ||
			    an_tx_is(c, k - 1, "t") || an_tx_is(c, k - 1, "only"))
				return 0;
	} else if (!an_tx_is(c, b - 1, "since") &&
	           !(b > 1 && an_tx_is(c, b - 1, "of") && an_tx_is(c, b - 2, "ahead"))) {
		return 0;
	}
	return !(an_tx_is_punct(c, m->te, ',') && an_tx_is(c, m->te + 1, "when"));
}

/* Whether m, the text's first timex, dates its dateline: capitalised
 * words (the place), a comma, the day, then a stop, a bracket, a colon or
 * a dash.  A dateline is no day the story tells of: its lede's day is the
 * next one named. */
static int dateline(const an_tx_ctx *c, const an_tx_match *m)
{
	if (m->tb < 2 || m->tb > 8 || m->type != AN_TIMEX_DATE || m->anchor.g != AN_GRAN_DAY ||
	    !an_tx_is_punct(c, m->tb - 1, ',') || m->te >= c->n ||
	    c->tk[m->te].kind != AN_TK_PUNCT || !strchr(".(:-", c->tk[m->te].low[0]))
		return 0;
	/* (the place in capitals, with its state: "EUGENE, Ore., Aug. 17 -") */
	for (size_t k = 0; k + 1 < m->tb; k++)
		if (!(c->tk[k].kind == AN_TK_WORD && c->tk[k].cap) && !an_tx_is_punct(c, k, ',') &&
		    !an_tx_is_punct(c, k, '.'))
			return 0;
	return c->tk[0].kind == AN_TK_WORD;
}

/* "NEW DELHI, May 16. Mr. Vajpayee was sworn in this evening": a dateline
 * one to three days before the DCT is the day the story was written,
 * which "this evening", "yesterday" and the weekdays count from (papers
 * date their stories the day before the edition). */
static void dateline_day(an_tx_ctx *c, const an_tx_match *m)
{
	long back = an_date_to_days(c->dct) - an_date_to_days(m->anchor.d);
	if (back >= 1 && back <= 3)
		c->dct = m->anchor.d;
}

void an_timex_tag(an_timex_list *out, const char *text, size_t len, an_date dct)
{
	an_tx_ctx c;
	an_tx_memo memo = {-1, NULL};
	memset(&c, 0, sizeof c);
	c.memo = &memo;
	c.text = text;
	c.len = len;
	c.dct = dct;
	c.ref.g = AN_GRAN_NONE;
	c.ref_prev.g = AN_GRAN_NONE;
	c.quarter.g = AN_GRAN_NONE;
	if (!text || !len)
		return;
	size_t total;
	c.tk = an_tx_tokenize(&total, text, len);
	mark_sentences(c.tk, total);
	mark_headlines(c.tk, total, text);
	mark_urls(c.tk, total);
	c.total = total;
	size_t pushed = 0;
	/* Rules see one paragraph at a time (c.n is its end), so no phrase can
	 * run across a blank line; the reference time carries over. */
	for (size_t ps = 0; ps < total;) {
		size_t pe = ps + 1;
		while (pe < total && !c.tk[pe].para)
			pe++;
		c.n = pe;
		size_t lo = ps; /* the first token after the last timex */
		for (size_t i = ps; i < pe;) {
			an_tx_match m;
			if (!an_tx_can_open(&c.tk[i]) || c.tk[i].url || !article_leads(&c, i) ||
			    holiday_head_idle(&c, i)) {
				i++;
				continue;
			}
			c.at = i;
			if (an_tx_match_at(&m, &c, i) && m.tb == i && m.te > i && m.te <= pe) {
				an_tx_of_year(&m, &c);
				an_tx_on_or(&m, &c, lo);
				if (m.skip || (m.type == AN_TIMEX_DATE && (an_tx_name_head(&c, m.te) ||
				                                         games_name(&c, &m) ||
				                                         an_tx_weekday_modifier(&c, m.tb, m.te)))) {
					i = lo = m.te;
					continue;
				}
				int bound = bound_date(&c, &m);
				push(out, &c, &m);
				if (m.anchor.d.y > 0 &&
				    an_date_to_days(m.anchor.d) > an_date_to_days(c.dct))
					c.ahead_at = m.tb + 1;
				int lineday = !pushed++ && dateline(&c, &m);
				if (lineday)
					dateline_day(&c, &m);
				if (!bound)
					an_tx_note_clock(&c, &m);
				an_tx_note_poll(&c, &m);
				if (lineday)
					c.lede_day_at = 0;
				if (!c.present &&
				    (m.type == AN_TIMEX_DATE || m.type == AN_TIMEX_TIME))
					c.present = near_dct(&c, m.value);
				if (m.anchor.g != AN_GRAN_NONE && !bound) {
					/* (a quarter's last day: the quarter is the
					 * reference, "the first half" named since or not) */
					int end = period_end(&c, &m);
					if (!end || c.ref.g != AN_GRAN_QUARTER) {
						c.ref_prev = c.ref;
						c.ref_prev_at = c.ref_at;
						c.ref = end == 1 ? c.quarter : m.anchor;
						/* "in the quarter ended Sept. 30 rose 18
						 * percent from a year earlier": the
						 * calendar quarter that holds most of its
						 * months */
						if (end == 2) {
							c.ref.d = an_tx_quarter_ended(m.anchor.d);
							c.ref.g = AN_GRAN_QUARTER;
						}
						c.ref_at = m.tb;
					}
				}
				if (year_written(&c, &m)) {
					/* (a later year written ends the story: "in
					 * the autumn of 2023") */
					int old = m.anchor.g == AN_GRAN_DAY && m.anchor.d.y <= c.dct.y - 2;
					c.story = m.anchor;
					c.story_at = old ? m.tb + 1 : 0;
				}
				if (m.anchor.g == AN_GRAN_QUARTER &&
				    (story_quarter_ok(&c, m.anchor.d) || fiscal_quarter(&c, &m)))
					c.quarter = m.anchor;
				i = lo = m.te;
			} else {
				i++;
			}
		}
		ps = pe;
	}
	free(c.tk);
	free(memo.quote_open);
}

void an_timex_list_free(an_timex_list *list)
{
	if (!list)
		return;
	free(list->items);
	list->items = NULL;
	list->len = list->cap = 0;
}

const char *an_timex_type_name(an_timex_type type)
{
	switch (type) {
	case AN_TIMEX_DATE: return "DATE";
	case AN_TIMEX_TIME: return "TIME";
	case AN_TIMEX_DURATION: return "DURATION";
	case AN_TIMEX_SET: return "SET";
	}
	return "DATE";
}
