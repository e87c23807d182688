/* export_ics.c - events.ics (see export_ics.h). */
#include "export_ics.h"

#include <ctype.h>
#include <string.h>

#define LINE_MAX_OCTETS 75

/* Bytes TEXT copies as they are: runs of them go out in one an_buf_put
 * (every summary and source list of events.ics passes here). */
static int ics_plain(unsigned char c)
{
	return c >= 0x20 && c != 0x7f && c != '\\' && c != ';' && c != ',';
}

void an_ics_text(an_buf *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		size_t run = i;
		while (run < len && ics_plain((unsigned char)s[run]))
			run++;
		if (run > i) {
			an_buf_put(out, s + i, run - i);
			if (run == len)
				break;
			i = run;
		}
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '\\': an_buf_puts(out, "\\\\"); break;
		case ';': an_buf_puts(out, "\\;"); break;
		case ',': an_buf_puts(out, "\\,"); break;
		case '\n': an_buf_puts(out, "\\n"); break;
		case '\r':
			if (i + 1 < len && s[i + 1] == '\n')
				break; /* CRLF: the LF writes the break */
			an_buf_puts(out, "\\n");
			break;
		default:
			/* TEXT allows HTAB but no other control character. */
			if (c >= 0x20 && c != 0x7f)
				an_buf_putc(out, (char)c);
			else if (c == '\t')
				an_buf_putc(out, ' ');
		}
	}
}

void an_ics_line(an_buf *out, const char *line, size_t len)
{
	size_t room = LINE_MAX_OCTETS, i = 0;
	while (len - i > room) {
		size_t cut = i + room;
		/* back up to the first byte of a UTF-8 sequence */
		while (cut > i && ((unsigned char)line[cut] & 0xc0) == 0x80)
			cut--;
		if (cut == i)
			cut = i + room; /* not UTF-8 after all: cut anywhere */
		an_buf_put(out, line + i, cut - i);
		an_buf_puts(out, "\r\n ");
		i = cut;
		room = LINE_MAX_OCTETS - 1; /* the leading space counts */
	}
	an_buf_put(out, line + i, len - i);
	an_buf_puts(out, "\r\n");
}

/* NAME:value, with value escaped as TEXT, through `line` (cleared; kept
 * from property to property, as the buffers of vevent are). */
static void text_prop_with(an_buf *out, an_buf *line, const char *name, const char *value)
{
	an_buf_clear(line);
	an_buf_puts(line, name);
	an_buf_putc(line, ':');
	an_ics_text(line, value, strlen(value));
	an_ics_line(out, line->ptr, line->len);
}

static void text_prop(an_buf *out, const char *name, const char *value)
{
	an_buf line = AN_BUF_INIT;
	text_prop_with(out, &line, name, value);
	an_buf_free(&line);
}

/* YYYYMMDD; dates are appended piece by piece, not printf'd, here and
 * below: events.ics is made on every build, with several dates and
 * lines per event. */
static void ics_date(an_buf *out, an_date d)
{
	an_buf_put_zpad(out, d.y, 4);
	an_buf_put_zpad(out, d.m, 2);
	an_buf_put_zpad(out, d.d, 2);
}

/* base_url without trailing '/', with anything not printable ASCII
 * dropped (it ends up in a URI value); "" when unset. */
static void site_base(an_buf *out, const an_config *c)
{
	const char *u = c->base_url ? c->base_url : "";
	size_t n = strlen(u);
	while (n && u[n - 1] == '/')
		n--;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)u[i] > 0x20 && (unsigned char)u[i] < 0x7f)
			an_buf_putc(out, u[i]);
}

/* Without a base URL: the site title folded to [a-z0-9-], as the feed's tag
 * URIs do, so that two annals sites rarely share UIDs. */
static void title_key(an_buf *out, const char *title)
{
	int dash = 0;
	size_t start = out->len;
	for (const char *s = title ? title : ""; *s; s++) {
		if (isalnum((unsigned char)*s)) {
			if (dash && out->len > start)
				an_buf_putc(out, '-');
			an_buf_putc(out, (char)tolower((unsigned char)*s));
			dash = 0;
		} else {
			dash = 1;
		}
	}
	if (out->len == start)
		an_buf_puts(out, "site");
}

/* PREFIX/events/ID.html: the event's page under a base URL or a host. */
static void event_url(an_buf *b, const char *prefix, const char *id)
{
	an_buf_puts(b, prefix);
	an_buf_puts(b, "/events/");
	an_buf_puts(b, id);
	an_buf_puts(b, ".html");
}

/* An event's two buffers, kept from event to event (an_buf_clear keeps
 * the memory): a property's value, and its line. */
typedef struct {
	an_buf b, line;
} vevent_bufs;

/* base: the site's base URL, or NULL; key: its title folded for UIDs. */
static void vevent(an_buf *out, vevent_bufs *bufs, const an_site *site, const an_event *ev,
                   const char *stamp, const char *base, const char *key)
{
	an_buf *b = &bufs->b;
	an_ics_line(out, "BEGIN:VEVENT", 12);
	/* The page URL is unique to this site and event and stable as long as
	 * the event id is; without one, a name under the reserved .invalid. */
	an_buf_clear(b);
	if (base) {
		const char *host = strstr(base, "://");
		event_url(b, host ? host + 3 : base, ev->id);
	} else {
		an_buf_puts(b, "annals-");
		an_buf_puts(b, key);
		an_buf_putc(b, '-');
		an_buf_puts(b, ev->id);
		an_buf_puts(b, "@annals.invalid");
	}
	text_prop_with(out, &bufs->line, "UID", b->ptr);
	an_buf_clear(b);
	an_buf_puts(b, "DTSTAMP:");
	an_buf_puts(b, stamp);
	an_ics_line(out, b->ptr, b->len);
	an_buf_clear(b);
	an_buf_puts(b, "DTSTART;VALUE=DATE:");
	ics_date(b, an_date_from_days(ev->span.first));
	an_ics_line(out, b->ptr, b->len);
	an_buf_clear(b);
	an_buf_puts(b, "DTEND;VALUE=DATE:");
	/* DTEND of an all-day event is exclusive */
	ics_date(b, an_date_from_days(ev->span.last + 1));
	an_ics_line(out, b->ptr, b->len);
	text_prop_with(out, &bufs->line, "SUMMARY", ev->title);
	/* The description says how precise the date is, since a month-long
	 * calendar entry does not mean the event lasted a month. */
	an_buf_clear(b);
	an_value_label(b, ev->value, ev->mod);
	an_buf_puts(b, ev->span.gran < AN_GRAN_DAY || ev->mod[0] ? " (approximate date)\n\n"
	                                                         : "\n\n");
	an_buf_puts(b, ev->summary);
	an_buf_puts(b, "\n\nSources:");
	for (size_t i = 0; i < ev->n_sources; i++) {
		const an_article *a = &site->articles[ev->sources[i]];
		char date[16];
		an_date_format_iso(date, a->meta.date);
		an_buf_puts(b, "\n- ");
		an_buf_puts(b, a->meta.source);
		an_buf_puts(b, ": ");
		an_buf_puts(b, a->meta.title);
		an_buf_puts(b, " (");
		an_buf_puts(b, date);
		an_buf_putc(b, ')');
	}
	text_prop_with(out, &bufs->line, "DESCRIPTION", b->ptr);
	if (base) {
		an_buf_clear(b);
		an_buf_puts(b, "URL:");
		event_url(b, base, ev->id);
		an_ics_line(out, b->ptr, b->len);
	}
	an_ics_line(out, "TRANSP:TRANSPARENT", 18);
	an_ics_line(out, "END:VEVENT", 10);
}

void an_export_events_ics(an_buf *out, const an_site *site)
{
	an_export_run(out, an_export_events_ics_to, site);
}

void an_export_events_ics_to(an_export_out *o, const an_site *site)
{
	an_buf *out = &o->buf;
	char stamp[32] = "19700101T000000Z";
	if (site->n_articles) {
		/* The latest article's date, never the clock: the same content
		 * gives the same file. */
		an_date d = site->articles[site->n_articles - 1].meta.date;
		snprintf(stamp, sizeof stamp, "%04d%02d%02dT000000Z", d.y, d.m, d.d);
	}
	an_buf base = AN_BUF_INIT, key = AN_BUF_INIT;
	site_base(&base, &site->config);
	title_key(&key, site->config.title);
	an_ics_line(out, "BEGIN:VCALENDAR", 15);
	an_ics_line(out, "VERSION:2.0", 11);
	text_prop(out, "PRODID", "-//annals//annals " AN_VERSION "//EN");
	an_ics_line(out, "CALSCALE:GREGORIAN", 18);
	an_ics_line(out, "METHOD:PUBLISH", 14);
	text_prop(out, "NAME", site->config.title);
	text_prop(out, "X-WR-CALNAME", site->config.title);
	if (site->config.description && site->config.description[0])
		text_prop(out, "X-WR-CALDESC", site->config.description);
	vevent_bufs bufs = {AN_BUF_INIT, AN_BUF_INIT};
	for (size_t i = 0; i < site->timeline.n_events; i++) {
		if (site->timeline.events[i].span.gran != AN_GRAN_NONE)
			vevent(out, &bufs, site, &site->timeline.events[i], stamp,
			       base.len ? base.ptr : NULL, key.ptr);
		an_export_step(o);
	}
	an_buf_free(&bufs.b);
	an_buf_free(&bufs.line);
	an_ics_line(out, "END:VCALENDAR", 13);
	an_buf_free(&base);
	an_buf_free(&key);
}
