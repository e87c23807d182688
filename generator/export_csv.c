/* export_csv.c - events.csv (see export_csv.h). */
#include "export_csv.h"

#include <string.h>

void an_csv_field(an_buf *out, const char *s, size_t len)
{
	/* OWASP's list of formula triggers: a cell starting with one of these
	 * is a formula in Excel, LibreOffice or Google Sheets. */
	int guard = len > 0 && strchr("=+-@\t\r", s[0]) != NULL;
	int quote = guard;
	for (size_t i = 0; i < len && !quote; i++)
		quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
	if (!quote) {
		an_buf_put(out, s, len);
		return;
	}
	an_buf_putc(out, '"');
	if (guard)
		an_buf_putc(out, '\'');
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '"')
			an_buf_putc(out, '"');
		an_buf_putc(out, s[i]);
	}
	an_buf_putc(out, '"');
}

static void field(an_buf *out, const char *s, int last)
{
	an_csv_field(out, s ? s : "", s ? strlen(s) : 0);
	an_buf_puts(out, last ? "\r\n" : ",");
}

static void row(an_buf *out, const an_site *site, const an_event *ev)
{
	an_buf b = AN_BUF_INIT;
	field(out, ev->id, 0);
	field(out, ev->value, 0);
	field(out, ev->value[0] ? an_granularity_name(ev->span.gran) : "", 0);
	field(out, ev->mod, 0);
	if (ev->value[0])
		an_value_label(&b, ev->value, ev->mod);
	field(out, b.ptr, 0);
	field(out, ev->title, 0);
	field(out, ev->summary, 0);
	/* (appended, not printf'd: a row per event on every build) */
	an_buf_clear(&b);
	an_buf_put_uint(&b, ev->n_sources);
	field(out, b.ptr, 0);
	/* Lists inside one cell are joined with "; " so that a reader can split
	 * them again: slugs never contain ';'. */
	an_buf_clear(&b);
	for (size_t i = 0; i < ev->n_sources; i++) {
		an_buf_puts(&b, i ? "; " : "");
		an_buf_puts(&b, site->articles[ev->sources[i]].slug);
	}
	field(out, b.ptr, 0);
	an_buf_clear(&b);
	for (size_t i = 0; i < ev->n_sources; i++) {
		an_buf_puts(&b, i ? "; " : "");
		an_buf_puts(&b, site->articles[ev->sources[i]].meta.source);
	}
	field(out, b.ptr, 0);
	an_buf_clear(&b);
	an_buf_puts(&b, "events/");
	an_buf_puts(&b, ev->id);
	an_buf_puts(&b, ".html");
	field(out, b.ptr, 1);
	an_buf_free(&b);
}

void an_export_events_csv(an_buf *out, const an_site *site)
{
	an_export_run(out, an_export_events_csv_to, site);
}

void an_export_events_csv_to(an_export_out *o, const an_site *site)
{
	an_buf *out = &o->buf;
	an_buf_puts(out, "id,date,granularity,mod,date_label,title,summary,"
	                 "source_count,articles,outlets,page\r\n");
	for (size_t i = 0; i < site->timeline.n_events; i++) {
		row(out, site, &site->timeline.events[i]);
		an_export_step(o);
	}
	for (size_t i = 0; i < site->timeline.n_undated; i++) {
		row(out, site, &site->timeline.undated[i]);
		an_export_step(o);
	}
}
