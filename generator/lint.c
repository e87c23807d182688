/* lint.c - content checks (see lint.h).
 *
 * The site stage stops at the first error, which is right for a build and
 * wrong for a checker, so this file runs the parse stage article by article
 * itself, and then hands only the articles that parsed (dated, with unique
 * slugs) to an_site_load_input for the analysis and the timeline.  The
 * checks on dates and events read that site. */
#include "lint.h"
#include "alloc.h"
#include "article.h"
#include "config.h"
#include "load.h"
#include "site.h"
#include "term.h"
#include "terms.h"

#include <cmark.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* Two single-source and multi-source events are told as one when the
 * content terms of their summaries are this close (cosine).  Sentences of
 * one story on one topic score 0.3-0.5; the same sentence reworded, 0.7+. */
#define SAME_EVENT_COSINE 0.6

static void add(an_lint_report *r, an_lint_severity sev, const char *code, const char *file,
                int line, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void add(an_lint_report *r, an_lint_severity sev, const char *code, const char *file,
                int line, const char *fmt, ...)
{
	r->items = an_xgrow(r->items, &r->cap, r->len + 1, sizeof *r->items);
	an_lint_finding *f = &r->items[r->len++];
	an_buf msg = AN_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	an_buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	f->severity = sev;
	f->code = code;
	f->file = an_xstrdup(file ? file : "");
	f->line = line;
	f->message = an_buf_detach(&msg);
	if (sev == AN_LINT_ERROR)
		r->errors++;
	else
		r->warnings++;
}

static void add_error(an_lint_report *r, const char *code, const an_error *err)
{
	add(r, AN_LINT_ERROR, code, err->file, err->line, "%s", err->msg);
}

/* The line in the file of byte `off` of the article's plain text. */
static int line_of(const an_article *a, size_t off)
{
	for (size_t i = a->n_paras; i-- > 0;) {
		const an_para *p = &a->paras[i];
		if (p->start <= off) {
			int line = p->line;
			for (size_t k = p->start; k < off && k < a->text_len; k++)
				line += a->text[k] == '\n';
			return line;
		}
	}
	return a->meta.body_line > 0 ? a->meta.body_line : 1;
}

/* ---- parse: front matter, dates, slugs ------------------------------------- */

/* Is ROOT inside a git work tree?  (Then the build can date an article
 * without 'date' from the commit that added it.) */
static int in_git(const char *root)
{
	char dir[PATH_MAX], probe[PATH_MAX + 8];
	struct stat st;
	if (!realpath(root, dir))
		return 0;
	for (;;) {
		snprintf(probe, sizeof probe, "%s/.git", dir);
		if (stat(probe, &st) == 0)
			return 1;
		char *slash = strrchr(dir, '/');
		if (!slash || slash == dir)
			return 0;
		*slash = '\0';
	}
}

/* ---- links ------------------------------------------------------------------ */

/* 1 when `url` names a scheme ("https:", "mailto:"). */
static int has_scheme(const char *url)
{
	const char *p = url;
	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
	       *p == '+' || *p == '-' || *p == '.')
		p++;
	return p > url && *p == ':';
}

/* Resolves `rel` against the folder of `from` ("content/a/b.md"), folding
 * "." and ".." segments; 0 when it climbs out of the site. */
static int resolve(char *out, size_t size, const char *from, const char *rel)
{
	an_buf buf = AN_BUF_INIT;
	const char *slash = strrchr(from, '/');
	an_buf_printf(&buf, "%.*s/%s", slash ? (int)(slash - from) : 0, from, rel);
	size_t n = 0;
	int ok = 1;
	char *save = NULL;
	out[0] = '\0';
	for (char *seg = strtok_r(buf.ptr, "/", &save); seg && ok;
	     seg = strtok_r(NULL, "/", &save)) {
		if (strcmp(seg, ".") == 0)
			continue;
		if (strcmp(seg, "..") == 0) {
			if (n == 0) {
				ok = 0;
				break;
			}
			while (n > 0 && out[n - 1] != '/')
				n--;
			if (n > 0)
				n--;
			out[n] = '\0';
			continue;
		}
		int k = snprintf(out + n, size - n, "%s%s", n ? "/" : "", seg);
		if (k < 0 || (size_t)k >= size - n)
			ok = 0;
		else
			n += (size_t)k;
	}
	an_buf_free(&buf);
	return ok;
}

static int slug_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '_';
}

typedef struct {
	const an_sources *sources;
	const an_article *articles;
	size_t n_articles;
} link_ctx;

static int has_slug(const link_ctx *c, const char *slug, size_t len)
{
	for (size_t i = 0; i < c->n_articles; i++)
		if (strlen(c->articles[i].slug) == len && memcmp(c->articles[i].slug, slug, len) == 0)
			return 1;
	return 0;
}

static int has_source(const link_ctx *c, const char *path)
{
	for (size_t i = 0; i < c->sources->len; i++)
		if (strcmp(c->sources->items[i].path, path) == 0)
			return 1;
	return 0;
}

/* Checks one link target of article `a`; `line` is its line in the file.
 * Only links annals can judge: to .md files, and to articles by slug
 * ("slug", "slug.html", "../articles/slug.html" as the default theme lays
 * articles out).  Web addresses, anchors and site-absolute paths pass. */
static void check_link(an_lint_report *r, const link_ctx *c, const an_article *a,
                       const char *url, int line)
{
	char target[PATH_MAX], path[PATH_MAX];
	if (!url[0] || url[0] == '#' || url[0] == '/' || url[0] == '?' || has_scheme(url))
		return;
	size_t n = strcspn(url, "#?");
	snprintf(target, sizeof target, "%.*s", (int)n, url);
	n = strlen(target);
	if (n > 3 && strcmp(target + n - 3, ".md") == 0) {
		if (!resolve(path, sizeof path, a->path, target) || !has_source(c, path))
			add(r, AN_LINT_ERROR, "broken-link", a->path, line,
			    "link to '%s': there is no such article file (%s)", url,
			    path[0] ? path : "outside the site");
		return;
	}
	const char *base = strrchr(target, '/');
	if (base) {
		/* only .../articles/SLUG.html reaches an article */
		size_t dir_len = (size_t)(base - target);
		if (dir_len < 8 || strncmp(base - 8, "articles", 8) != 0 ||
		    (dir_len > 8 && base[-9] != '/'))
			return;
		base++;
	} else {
		base = target;
	}
	size_t len = strlen(base);
	if (len > 5 && strcmp(base + len - 5, ".html") == 0)
		len -= 5;
	else if (strchr(base, '.'))
		return; /* a file of another kind: the theme's business */
	for (size_t i = 0; i < len; i++)
		if (!slug_char(base[i]))
			return;
	if (len && !has_slug(c, base, len))
		add(r, AN_LINT_ERROR, "broken-link", a->path, line,
		    "link to '%s': no article has the slug '%.*s'", url, (int)len, base);
}

static void check_links(an_lint_report *r, const link_ctx *c, const an_article *a)
{
	cmark_node *doc = cmark_parse_document(a->body ? a->body : "", a->body_len,
	                                       CMARK_OPT_VALIDATE_UTF8);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_LINK)
			continue;
		const char *url = cmark_node_get_url(node);
		/* an inline node has no position of its own: its paragraph's */
		cmark_node *block = node;
		while (block && cmark_node_get_start_line(block) == 0)
			block = cmark_node_parent(block);
		int line = (block ? cmark_node_get_start_line(block) : 1) + a->meta.body_line - 1;
		check_link(r, c, a, url ? url : "", line);
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
}

/* ---- dates ------------------------------------------------------------------ */

static void check_timexes(an_lint_report *r, const an_article *a, const an_analysis *an)
{
	for (size_t i = 0; i < an->timexes.len; i++) {
		const an_timex *t = &an->timexes.items[i];
		if (t->type != AN_TIMEX_DATE && t->type != AN_TIMEX_TIME)
			continue;
		if (!strchr(t->value, 'X'))
			continue;
		add(r, AN_LINT_WARNING, "unresolved-date", a->path, line_of(a, t->start),
		    "\"%.*s\" is a date that could not be placed on the calendar (value %s); "
		    "it stays off the timeline: write it as a date", (int)(t->end - t->start),
		    a->text + t->start, t->value);
	}
}

static int month_at(const char *s, size_t len, size_t *n)
{
	static const char *const names[12] = {
		"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"};
	for (int m = 0; m < 12; m++) {
		size_t k = strlen(names[m]);
		if (k <= len && memcmp(s, names[m], k) == 0) {
			*n = k;
			return m + 1;
		}
		/* "Nov", "Nov." (but not "Nova") */
		if (len >= 3 && memcmp(s, names[m], 3) == 0 &&
		    (len == 3 || !((s[3] >= 'a' && s[3] <= 'z') || (s[3] >= 'A' && s[3] <= 'Z')))) {
			*n = len > 3 && s[3] == '.' ? 4 : 3;
			return m + 1;
		}
	}
	return 0;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Reads a day "31", "31st" at s[*i]; returns it, or 0. */
static int day_at(const char *s, size_t len, size_t *i)
{
	size_t j = *i;
	int d = 0;
	while (j < len && is_digit(s[j]) && j - *i < 3)
		d = d * 10 + (s[j++] - '0');
	if (j == *i || j - *i > 2 || (j < len && is_digit(s[j])))
		return 0;
	if (j + 1 < len && is_alpha(s[j]) && is_alpha(s[j + 1]) &&
	    (j + 2 >= len || !is_alpha(s[j + 2])))
		j += 2; /* st, nd, rd, th */
	if (j < len && (is_alpha(s[j]) || s[j] == ':' || (s[j] == '.' && j + 1 < len &&
	                                                  is_digit(s[j + 1]))))
		return 0;
	*i = j;
	return d;
}

/* A four-digit year after ", " or " " at s[i], or 0. */
static int year_at(const char *s, size_t len, size_t i)
{
	if (i < len && s[i] == ',')
		i++;
	if (i >= len || s[i] != ' ')
		return 0;
	i++;
	if (i + 4 > len || !is_digit(s[i]) || !is_digit(s[i + 1]) || !is_digit(s[i + 2]) ||
	    !is_digit(s[i + 3]) || (i + 4 < len && is_digit(s[i + 4])))
		return 0;
	return (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + s[i + 3] - '0';
}

/* "November 31", "31 November", "February 29, 2025": days the month does
 * not have.  The tagger skips them, so the writer would never know. */
static void check_impossible(an_lint_report *r, const an_article *a)
{
	const char *s = a->text;
	size_t len = a->text_len;
	for (size_t i = 0; i < len; i++) {
		if (i > 0 && (is_alpha(s[i - 1]) || is_digit(s[i - 1])))
			continue;
		size_t n = 0, j, end = i;
		int m = 0, d = 0, y = 0;
		if ((m = month_at(s + i, len - i, &n)) != 0) {
			j = i + n;
			if (j < len && s[j] == ' ') {
				j++;
				d = day_at(s, len, &j);
				y = d ? year_at(s, len, j) : 0;
				end = j;
			}
		} else if (is_digit(s[i])) {
			j = i;
			d = day_at(s, len, &j);
			if (d && j < len && s[j] == ' ') {
				j++;
				if (len - j > 3 && memcmp(s + j, "of ", 3) == 0)
					j += 3;
				m = month_at(s + j, len - j, &n);
				y = m ? year_at(s, len, j + n) : 0;
				end = j + n;
			}
		}
		if (!m || d < 29 || d > 31)
			continue;
		int days = an_date_days_in_month(y ? y : 2024, m); /* no year: allow 29 February */
		if (d > days)
			add(r, AN_LINT_WARNING, "impossible-date", a->path, line_of(a, i),
			    "\"%.*s\" is not a day of the calendar (that month has %d days); the "
			    "date is left off the timeline", (int)(end - i),
			    s + i, days);
	}
}

/* ---- events ----------------------------------------------------------------- */

/* What a figure as written allows: "more than 70" is (70, inf), "at most
 * 5" [0, 5], "about 40" [36, 44], a bare number itself.  Two figures
 * contradict each other only when these ranges do not meet. */
typedef struct {
	double lo, hi;
} range;

static range figure_range(const char *text, size_t len, double v)
{
	static const struct {
		const char *words;
		double lo, hi; /* multiples of v; a negative hi: no upper bound */
	} mods[] = {
		{"more than ", 1.000001, -1}, {"over ", 1.000001, -1}, {"above ", 1.000001, -1},
		{"upwards of ", 1.000001, -1}, {"in excess of ", 1.000001, -1},
		{"at least ", 1, -1}, {"no fewer than ", 1, -1}, {"no less than ", 1, -1},
		{"a minimum of ", 1, -1},
		{"fewer than ", 0, 0.999999}, {"less than ", 0, 0.999999}, {"under ", 0, 0.999999},
		{"below ", 0, 0.999999}, {"at most ", 0, 1}, {"up to ", 0, 1},
		{"no more than ", 0, 1}, {"as many as ", 0, 1}, {"a maximum of ", 0, 1},
		{"nearly ", 0.9, 1}, {"almost ", 0.9, 1}, {"close to ", 0.9, 1},
		{"about ", 0.9, 1.1}, {"around ", 0.9, 1.1}, {"roughly ", 0.9, 1.1},
		{"approximately ", 0.9, 1.1}, {"some ", 0.9, 1.1}, {"an estimated ", 0.9, 1.1},
		{"estimated ", 0.9, 1.1},
	};
	range r = {v, v};
	for (size_t i = 0; i < sizeof mods / sizeof mods[0]; i++) {
		size_t n = strlen(mods[i].words);
		if (len > n && strncasecmp(text, mods[i].words, n) == 0) {
			r.lo = v * mods[i].lo;
			r.hi = mods[i].hi < 0 ? 1e300 : v * mods[i].hi;
			break;
		}
	}
	return r;
}

static range range_of(const an_site *site, const an_figure *f)
{
	return figure_range(site->articles[f->doc].text + f->start, f->end - f->start, f->value);
}

/* A figure no other article backs (states a value that fits it), while
 * another article states one that does not fit: worth a second look at
 * the source.  "75" next to "more than 70" is backed; next to only "at
 * least 76", it is not. */
static void check_disputes(an_lint_report *r, const an_site *site)
{
	for (size_t q = 0; q < site->disputes.len; q++) {
		const an_dispute *dp = &site->disputes.items[q];
		for (size_t f = 0; f < dp->n_figures; f++) {
			const an_figure *fg = &site->figures.items[dp->figures[f]];
			range a = range_of(site, fg);
			int backed = 0, repeated = 0;
			long against = -1;
			for (size_t k = 0; k < dp->n_figures; k++) {
				const an_figure *g = &site->figures.items[dp->figures[k]];
				if (g->doc == fg->doc) {
					repeated |= k < f && g->value == fg->value;
					continue;
				}
				range b = range_of(site, g);
				if (a.lo <= b.hi && b.lo <= a.hi)
					backed = 1;
				else if (against < 0)
					against = (long)dp->figures[k];
			}
			if (backed || repeated || against < 0)
				continue;
			const an_figure *og = &site->figures.items[against];
			const an_article *x = &site->articles[fg->doc], *y = &site->articles[og->doc];
			add(r, AN_LINT_WARNING, "disputed-figure", x->path, line_of(x, fg->start),
			    "only this article gives %s as \"%.*s\"; %s says \"%.*s\"", dp->quantity,
			    (int)(fg->end - fg->start), x->text + fg->start, y->path,
			    (int)(og->end - og->start), y->text + og->start);
		}
	}
}

static void event_terms(an_vec *out, const an_event *ev)
{
	if (ev->summary)
		an_terms_add(out, ev->summary, strlen(ev->summary), 1.0);
}

/* The first dated mention's line. */
static int event_line(const an_site *site, const an_event *ev, size_t doc)
{
	for (size_t m = 0; m < ev->n_mentions; m++) {
		const an_mention *mn = &ev->mentions[m];
		if (mn->doc != doc || mn->timex < 0)
			continue;
		const an_timex *t = &site->analyses[doc].timexes.items[mn->timex];
		return line_of(&site->articles[doc], t->start);
	}
	return 0;
}

/* An event that one article dates, which other articles tell with another
 * date: the timeline keeps them apart, so the writer should settle it. */
static void check_event_dates(an_lint_report *r, const an_site *site)
{
	const an_timeline *tl = &site->timeline;
	an_vec *terms = an_xcalloc(tl->n_events + 1, sizeof *terms);
	for (size_t i = 0; i < tl->n_events; i++)
		event_terms(&terms[i], &tl->events[i]);
	for (size_t i = 0; i < tl->n_events; i++) {
		const an_event *e = &tl->events[i];
		if (e->n_sources != 1)
			continue;
		size_t doc = e->sources[0];
		long best = -1;
		double best_cos = SAME_EVENT_COSINE;
		for (size_t j = 0; j < tl->n_events; j++) {
			const an_event *f = &tl->events[j];
			if (j == i || !(e->span.last < f->span.first || f->span.last < e->span.first))
				continue;
			if (f->n_sources == 1 && f->sources[0] == doc)
				continue; /* one article, two dates: a story over time */
			double cos = an_vec_cosine(&terms[i], &terms[j]);
			if (cos >= best_cos) {
				best_cos = cos;
				best = (long)j;
			}
		}
		if (best < 0)
			continue;
		const an_event *f = &tl->events[best];
		size_t other = f->sources[0];
		for (size_t k = 0; k < f->n_sources && other == doc; k++)
			other = f->sources[k];
		const an_article *a = &site->articles[doc];
		char more[48] = "";
		if (f->n_sources > 1)
			snprintf(more, sizeof more, " (and %zu more)", f->n_sources - 1);
		add(r, AN_LINT_WARNING, "conflicting-date", a->path, event_line(site, e, doc),
		    "only this article puts \"%s\" on %s; %s%s puts it on %s",
		    e->title ? e->title : "", e->value, site->articles[other].path, more, f->value);
	}
	for (size_t i = 0; i < tl->n_events; i++)
		an_vec_free(&terms[i]);
	free(terms);
}

/* ---- the whole check -------------------------------------------------------- */

static int cmp_finding(const void *x, const void *y)
{
	const an_lint_finding *a = x, *b = y;
	int c = strcmp(a->file, b->file);
	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return strcmp(a->code, b->code);
}

/* Parses every article on its own, reporting what fails, and moves the
 * sources of the good ones (dated, unique slug) into `good`. */
static void parse_all(an_lint_report *r, an_sources *all, an_sources *good,
                      const char *root, an_article **out, size_t *n_out)
{
	int git = -1;
	an_article *arts = an_xcalloc(all->len + 1, sizeof *arts);
	size_t n = 0;
	for (size_t i = 0; i < all->len; i++) {
		an_error err = AN_ERROR_INIT;
		an_article *a = &arts[n];
		if (an_article_parse(a, &all->items[i], &err) < 0) {
			add_error(r, "front-matter", &err);
			continue;
		}
		n++;
		int ok = 1;
		if (!a->meta.has_date) {
			if (git < 0)
				git = in_git(root);
			add(r, git ? AN_LINT_WARNING : AN_LINT_ERROR, "no-date", a->path, 1,
			    "no 'date' in the front matter: add 'date: YYYY-MM-DD', the publication "
			    "date that relative dates (\"last week\") count from%s",
			    git ? "; until then the build uses the date of the commit that added the "
			          "file, if it is committed" : "");
			ok = 0;
		}
		/* letter case aside, as the site stage does: A.html and a.html are
		 * one file on macOS and Windows */
		for (size_t k = 0; k + 1 < n; k++)
			if (strcasecmp(arts[k].slug, a->slug) == 0) {
				add(r, AN_LINT_ERROR, "duplicate-slug", a->path, 1,
				    "the slug \"%s\" is also %s's%s; set a different 'slug:' in one of "
				    "them", a->slug, arts[k].path,
				    strcmp(arts[k].slug, a->slug) ? " (letter case aside)" : "");
				ok = 0;
				break;
			}
		if (ok) {
			good->items = an_xgrow(good->items, &good->cap, good->len + 1, sizeof *good->items);
			good->items[good->len++] = all->items[i];
			all->items[i].path = NULL; /* moved */
			all->items[i].data = NULL;
		}
	}
	*out = arts;
	*n_out = n;
}

void an_lint_site(an_lint_report *out, const char *root)
{
	memset(out, 0, sizeof *out);
	an_error err = AN_ERROR_INIT;
	an_config cfg;
	an_sources all = AN_SOURCES_INIT, good = AN_SOURCES_INIT;
	an_article *arts = NULL;
	size_t n_arts = 0;

	if (an_config_load(&cfg, root, &err) < 0) {
		add_error(out, "config", &err);
	} else {
		if (cfg.warnings)
			add(out, AN_LINT_WARNING, "config", "annals.yaml", 0,
			    "%d unknown key%s, named above, %s ignored", cfg.warnings,
			    cfg.warnings == 1 ? "" : "s", cfg.warnings == 1 ? "is" : "are");
		an_config_free(&cfg);
	}
	err = (an_error)AN_ERROR_INIT;
	if (an_load_content_dir(&all, root, &err) < 0) {
		add_error(out, "load", &err);
		goto done;
	}
	parse_all(out, &all, &good, root, &arts, &n_arts);
	out->articles = all.len;

	/* `all` lost the good sources to `good`: links may point into both */
	an_sources every = AN_SOURCES_INIT;
	every.items = an_xcalloc(all.len + good.len + 1, sizeof *every.items);
	for (size_t i = 0; i < all.len; i++)
		if (all.items[i].path)
			every.items[every.len++] = all.items[i];
	for (size_t i = 0; i < good.len; i++)
		every.items[every.len++] = good.items[i];
	link_ctx lc = {&every, arts, n_arts};
	for (size_t i = 0; i < n_arts; i++)
		check_links(out, &lc, &arts[i]);
	free(every.items);

	an_site site;
	/* the checks need no setting of annals.yaml: the defaults do, and its
	 * warnings are not printed twice */
	an_site_input in = {.sources = &good};
	err = (an_error)AN_ERROR_INIT;
	if (an_site_load_input(&site, root, &in, &err) < 0) {
		add_error(out, "front-matter", &err); /* parse_all let nothing through that fails */
		goto done;
	}
	for (size_t d = 0; d < site.n_articles; d++) {
		check_timexes(out, &site.articles[d], &site.analyses[d]);
		check_impossible(out, &site.articles[d]);
	}
	check_disputes(out, &site);
	check_event_dates(out, &site);
	an_site_free(&site);
done:
	for (size_t i = 0; i < n_arts; i++)
		an_article_free(&arts[i]);
	free(arts);
	an_sources_free(&all);
	an_sources_free(&good);
	an_qsort(out->items, out->len, sizeof *out->items, cmp_finding);
}

void an_lint_text(an_buf *out, const an_lint_report *r, int color)
{
	for (size_t i = 0; i < r->len; i++) {
		const an_lint_finding *f = &r->items[i];
		int err = f->severity == AN_LINT_ERROR;
		an_buf_printf(out, "%s", an_term_sgr(color, AN_TERM_BOLD));
		if (f->file[0])
			an_buf_printf(out, "%s:", f->file);
		if (f->file[0] && f->line > 0)
			an_buf_printf(out, "%d:", f->line);
		an_buf_printf(out, "%s %s%s:%s %s [%s]\n", an_term_sgr(color, AN_TERM_RESET),
		              an_term_sgr(color, err ? AN_TERM_RED AN_TERM_BOLD : AN_TERM_YELLOW),
		              err ? "error" : "warning", an_term_sgr(color, AN_TERM_RESET), f->message,
		              f->code);
	}
}

void an_lint_json(an_buf *out, const an_lint_report *r)
{
	an_buf_printf(out, "{\"errors\":%zu,\"warnings\":%zu,\"articles\":%zu,\"findings\":[",
	              r->errors, r->warnings, r->articles);
	for (size_t i = 0; i < r->len; i++) {
		const an_lint_finding *f = &r->items[i];
		an_buf_puts(out, i ? ",\n{\"file\":" : "\n{\"file\":");
		an_buf_json(out, f->file);
		an_buf_printf(out, ",\"line\":%d,\"severity\":\"%s\",\"code\":\"%s\",\"message\":",
		              f->line, f->severity == AN_LINT_ERROR ? "error" : "warning", f->code);
		an_buf_json(out, f->message);
		an_buf_putc(out, '}');
	}
	an_buf_puts(out, "]}\n");
}

void an_lint_report_free(an_lint_report *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->len; i++) {
		free(r->items[i].file);
		free(r->items[i].message);
	}
	free(r->items);
	memset(r, 0, sizeof *r);
}
