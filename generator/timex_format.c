/* timex_format.c - JSON and TimeML renderings of the tagger's output for
 * `annals tag`.  Kept apart from main.c so that tests can check them and
 * the command stays a thin shell over the tagger. */
#include "timex_format.h"
#include "utf8.h"

#include <stdio.h>
#include <string.h>

int an_timex_format_parse(an_timex_format *out, const char *name)
{
	if (strcmp(name, "json") == 0)
		*out = AN_TIMEX_FORMAT_JSON;
	else if (strcmp(name, "timeml") == 0)
		*out = AN_TIMEX_FORMAT_TIMEML;
	else
		return -1;
	return 0;
}

void an_timex_format_json(an_buf *out, const char *text, size_t len, an_date dct,
                          const an_timex_list *list)
{
	an_buf_printf(out, "{\"dct\":\"%04d-%02d-%02d\",\"timexes\":[", dct.y, dct.m, dct.d);
	size_t written = 0;
	for (size_t i = 0; i < list->len; i++) {
		const an_timex *t = &list->items[i];
		if (t->start > t->end || t->end > len)
			continue;
		an_buf_printf(out, "%s{\"start\":%zu,\"end\":%zu,\"text\":\"", written++ ? "," : "",
		              t->start, t->end);
		an_buf_json_str(out, text + t->start, t->end - t->start);
		an_buf_printf(out, "\",\"type\":\"%s\",\"value\":", an_timex_type_name(t->type));
		an_buf_json(out, t->value);
		if (t->mod[0]) {
			an_buf_puts(out, ",\"mod\":");
			an_buf_json(out, t->mod);
		}
		an_buf_putc(out, '}');
	}
	an_buf_puts(out, "]}\n");
}

/* Appends text[0..len) as XML character data. */
static void put_xml(an_buf *out, const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, run = 0; /* bytes [run, i) are copied as they are */
	while (i < len) {
		const char *esc = NULL;
		size_t n = 1;
		unsigned cp = s[i];
		if (cp >= 0x80) {
			n = an_utf8_decode(&cp, s + i, len - i);
			if (n == 0 || cp == 0xFFFE || cp == 0xFFFF) {
				esc = "\xef\xbf\xbd";
				n = n ? n : 1;
			}
		} else if (cp == '&') {
			esc = "&amp;";
		} else if (cp == '<') {
			esc = "&lt;";
		} else if (cp == '>') {
			esc = "&gt;";
		} else if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') {
			esc = "\xef\xbf\xbd"; /* NUL and other C0 controls */
		}
		if (esc) {
			an_buf_put(out, text + run, i - run);
			an_buf_puts(out, esc);
			run = i + n;
		}
		i += n;
	}
	an_buf_put(out, text + run, len - run);
}

/* Attribute values are the tagger's own ASCII; escaped all the same. */
static void put_attr(an_buf *out, const char *name, const char *value)
{
	an_buf_printf(out, " %s=\"", name);
	for (const char *p = value; *p; p++) {
		if (*p == '"')
			an_buf_puts(out, "&quot;");
		else if (*p == '&')
			an_buf_puts(out, "&amp;");
		else if (*p == '<')
			an_buf_puts(out, "&lt;");
		else
			an_buf_putc(out, *p);
	}
	an_buf_putc(out, '"');
}

void an_timex_format_timeml(an_buf *out, const char *text, size_t len, an_date dct,
                            const an_timex_list *list)
{
	char iso[16];
	snprintf(iso, sizeof iso, "%04d-%02d-%02d", dct.y, dct.m, dct.d);
	an_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>\n<DCT><TIMEX3"
	                 " tid=\"t0\" type=\"DATE\"");
	put_attr(out, "value", iso);
	an_buf_printf(out, " temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">"
	                   "%s</TIMEX3></DCT>\n<TEXT>", iso);
	size_t at = 0, tid = 0;
	for (size_t i = 0; i < list->len; i++) {
		const an_timex *t = &list->items[i];
		if (t->start < at || t->start >= t->end || t->end > len)
			continue;
		put_xml(out, text + at, t->start - at);
		an_buf_printf(out, "<TIMEX3 tid=\"t%zu\"", ++tid);
		put_attr(out, "type", an_timex_type_name(t->type));
		put_attr(out, "value", t->value);
		if (t->mod[0])
			put_attr(out, "mod", t->mod);
		an_buf_putc(out, '>');
		put_xml(out, text + t->start, t->end - t->start);
		an_buf_puts(out, "</TIMEX3>");
		at = t->end;
	}
	put_xml(out, text + at, len - at);
	an_buf_puts(out, "</TEXT>\n</TimeML>\n");
}
