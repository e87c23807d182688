/* export_timelinejs.c - timelinejs.json (see export_timelinejs.h).
 * TimelineJS 3 takes {"title": slide, "events": [slide]}, where a slide is
 * {"start_date", "end_date", "display_date", "text": {"headline", "text"},
 * "unique_id"} and a date is {"year", "month", "day"} with the fields
 * present as far as the date is precise; its own examples give them as
 * strings. */
#include "export_timelinejs.h"

#include <string.h>

void an_timelinejs_html(an_buf *out, const char *s, size_t len)
{
	an_buf esc = AN_BUF_INIT;
	for (size_t i = 0; i < len; i++) {
		/* the text between markup characters in one put: every slide's
		 * headline and text pass here on every build */
		size_t run = i;
		while (run < len && !memchr("&<>\"'", s[run], 5))
			run++;
		if (run > i) {
			an_buf_put(&esc, s + i, run - i);
			if (run == len)
				break;
			i = run;
		}
		switch (s[i]) {
		case '&': an_buf_puts(&esc, "&amp;"); break;
		case '<': an_buf_puts(&esc, "&lt;"); break;
		case '>': an_buf_puts(&esc, "&gt;"); break;
		case '"': an_buf_puts(&esc, "&quot;"); break;
		case '\'': an_buf_puts(&esc, "&#39;"); break;
		default: an_buf_putc(&esc, s[i]);
		}
	}
	an_buf_json_str(out, esc.ptr ? esc.ptr : "", esc.len);
	an_buf_free(&esc);
}

static void html_str(an_buf *out, const char *s)
{
	an_timelinejs_html(out, s ? s : "", s ? strlen(s) : 0);
}

/* A TimelineJS date object for day `days`, as precise as `gran`. */
static void tl_date(an_buf *out, long days, an_granularity gran)
{
	an_date d = an_date_from_days(days);
	an_buf_puts(out, "{\"year\":\"");
	an_buf_put_zpad(out, d.y, 0);
	if (gran >= AN_GRAN_MONTH) {
		an_buf_puts(out, "\",\"month\":\"");
		an_buf_put_zpad(out, d.m, 0);
	}
	if (gran >= AN_GRAN_WEEK) {
		an_buf_puts(out, "\",\"day\":\"");
		an_buf_put_zpad(out, d.d, 0);
	}
	an_buf_puts(out, "\"}");
}

/* base: the site's base URL without trailing '/', "" for relative links. */
static void slide(an_buf *out, const an_site *site, const an_event *ev, const char *base)
{
	an_buf label = AN_BUF_INIT;
	an_value_label(&label, ev->value, ev->mod);
	an_buf_puts(out, "{\"unique_id\":");
	an_buf_json(out, ev->id);
	/* A day, a month and a year are one TimelineJS date at that precision;
	 * a week, season, quarter or half has no such form, so it is drawn as
	 * the range of days it covers. */
	an_granularity g = ev->span.gran;
	int range = g == AN_GRAN_WEEK || g == AN_GRAN_SEASON || g == AN_GRAN_QUARTER ||
	            g == AN_GRAN_HALF || g == AN_GRAN_DECADE || g == AN_GRAN_CENTURY;
	an_buf_puts(out, ",\"start_date\":");
	tl_date(out, ev->span.first, range ? AN_GRAN_DAY : g);
	if (range) {
		an_buf_puts(out, ",\"end_date\":");
		tl_date(out, ev->span.last, AN_GRAN_DAY);
	}
	an_buf_puts(out, ",\"display_date\":");
	an_buf_json(out, label.ptr ? label.ptr : "");
	an_buf_puts(out, ",\"text\":{\"headline\":\"");
	html_str(out, ev->title);
	an_buf_puts(out, "\",\"text\":\"<p>");
	html_str(out, ev->summary);
	an_buf_puts(out, "</p><p>Sources: ");
	for (size_t i = 0; i < ev->n_sources; i++) {
		const an_article *a = &site->articles[ev->sources[i]];
		an_buf_puts(out, i ? ", <a href=\\\"" : "<a href=\\\"");
		if (base[0]) {
			html_str(out, base);
			an_buf_putc(out, '/');
		}
		an_buf_puts(out, "articles/");
		html_str(out, a->slug);
		an_buf_puts(out, ".html\\\">");
		/* the outlet, or the title when the outlet is not known */
		html_str(out, strcmp(a->meta.source, "unknown") ? a->meta.source : a->meta.title);
		an_buf_puts(out, "</a>");
	}
	an_buf_puts(out, "</p>\"}}");
	an_buf_free(&label);
}

void an_export_timelinejs(an_buf *out, const an_site *site)
{
	an_export_run(out, an_export_timelinejs_to, site);
}

void an_export_timelinejs_to(an_export_out *o, const an_site *site)
{
	an_buf *out = &o->buf;
	const char *u = site->config.base_url ? site->config.base_url : "";
	an_buf base = AN_BUF_INIT;
	size_t n = strlen(u);
	while (n && u[n - 1] == '/')
		n--;
	an_buf_put(&base, u, n);
	an_buf_puts(out, "{\"title\":{\"text\":{\"headline\":\"");
	html_str(out, site->config.title);
	an_buf_puts(out, "\",\"text\":\"");
	if (site->config.description && site->config.description[0]) {
		an_buf_puts(out, "<p>");
		html_str(out, site->config.description);
		an_buf_puts(out, "</p>");
	}
	an_buf_puts(out, "\"}},\n\"events\":[");
	int first = 1;
	for (size_t i = 0; i < site->timeline.n_events; i++) {
		const an_event *ev = &site->timeline.events[i];
		if (ev->span.gran == AN_GRAN_NONE)
			continue;
		an_buf_puts(out, first ? "\n" : ",\n");
		slide(out, site, ev, base.ptr ? base.ptr : "");
		first = 0;
		an_export_step(o);
	}
	an_buf_puts(out, "]}\n");
	an_buf_free(&base);
}
