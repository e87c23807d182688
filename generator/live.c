/* live.c - live-reload script, injection and overlay (see live.h). */
#include "live.h"

#include <ctype.h>
#include <string.h>

/* Kept small and dependency-free; EventSource reconnects by itself (after
 * the "retry" the server sends), and on reconnection "hello" tells a page
 * that missed a rebuild to reload. */
const char an_live_script[] =
	"/* annals serve: live reload (injected in serve mode only) */\n"
	"(function () {\n"
	"  'use strict';\n"
	"  var me = document.currentScript;\n"
	"  var gen = me ? me.getAttribute('data-generation') : null;\n"
	"  if (!window.EventSource) return;\n"
	"  function overlay(msg) {\n"
	"    var d = document.getElementById('annals-error');\n"
	"    if (!msg) { if (d) d.parentNode.removeChild(d); return; }\n"
	"    if (!d) {\n"
	"      d = document.createElement('div');\n"
	"      d.id = 'annals-error';\n"
	"      d.setAttribute('role', 'alert');\n"
	"      d.setAttribute('style', me ? me.getAttribute('data-style') : '');\n"
	"      (document.body || document.documentElement).appendChild(d);\n"
	"    }\n"
	"    d.textContent = '';\n"
	"    var h = document.createElement('strong');\n"
	"    h.textContent = 'annals: the build failed; this is the last good site.';\n"
	"    var p = document.createElement('pre');\n"
	"    p.setAttribute('style', 'white-space:pre-wrap;margin:.5em 0 0;font:inherit');\n"
	"    p.textContent = msg;\n"
	"    d.appendChild(h);\n"
	"    d.appendChild(p);\n"
	"  }\n"
	"  var es = new EventSource('" AN_LIVE_EVENTS "');\n"
	"  es.addEventListener('hello', function (e) {\n"
	"    var s = JSON.parse(e.data);\n"
	"    if (gen !== null && String(s.generation) !== gen && s.ok) location.reload();\n"
	"    else overlay(s.error);\n"
	"  });\n"
	"  es.addEventListener('reload', function () { location.reload(); });\n"
	"  es.addEventListener('failed', function (e) { overlay(JSON.parse(e.data).error); });\n"
	"})();\n";

#define OVERLAY_STYLE \
	"position:fixed;z-index:2147483647;left:0;right:0;top:0;max-height:60vh;" \
	"overflow:auto;margin:0;padding:1em 1.25em;background:#7f1d1d;color:#fff;" \
	"font:14px/1.45 ui-monospace,Menlo,Consolas,monospace;" \
	"box-shadow:0 2px 12px rgba(0,0,0,.4)"

void an_live_overlay(an_buf *out, const char *error)
{
	an_buf_puts(out, "<div id=\"annals-error\" role=\"alert\" style=\"" OVERLAY_STYLE "\">"
	                 "<strong>annals: the build failed; this is the last good site.</strong>"
	                 "<pre style=\"white-space:pre-wrap;margin:.5em 0 0;font:inherit\">");
	an_buf_html(out, error);
	an_buf_puts(out, "</pre></div>\n");
}

static void put_tail(an_buf *out, unsigned long generation, const char *error)
{
	if (error)
		an_live_overlay(out, error);
	an_buf_printf(out, "<script src=\"" AN_LIVE_SCRIPT "\" data-generation=\"%lu\" "
	                   "data-style=\"" OVERLAY_STYLE "\"></script>\n", generation);
}

/* The last "</body" in `html`, compared without case; NULL if none. */
static const char *last_body_end(const char *html, size_t len)
{
	static const char tag[] = "</body";
	size_t n = sizeof tag - 1;
	for (size_t i = len >= n ? len - n + 1 : 0; i-- > 0;) {
		size_t k = 0;
		while (k < n && tolower((unsigned char)html[i + k]) == tag[k])
			k++;
		if (k == n)
			return html + i;
	}
	return NULL;
}

void an_live_inject(an_buf *out, const char *html, size_t len, unsigned long generation,
                    const char *error)
{
	const char *at = last_body_end(html, len);
	size_t head = at ? (size_t)(at - html) : len;
	an_buf_put(out, html, head);
	put_tail(out, generation, error);
	an_buf_put(out, html + head, len - head);
}

void an_live_page(an_buf *out, const char *title, const char *text, unsigned long generation,
                  const char *error)
{
	an_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
	                 "<meta name=\"viewport\" content=\"width=device-width\"><title>");
	an_buf_html(out, title);
	an_buf_puts(out, "</title></head>\n<body style=\"font:16px/1.5 system-ui,sans-serif;"
	                 "margin:2em\"><h1>");
	an_buf_html(out, title);
	an_buf_puts(out, "</h1>\n<p>");
	an_buf_html(out, text);
	an_buf_puts(out, "</p>\n");
	put_tail(out, generation, error);
	an_buf_puts(out, "</body></html>\n");
}

void an_live_event(an_buf *out, const char *name, const char *data)
{
	an_buf_printf(out, "event: %s\ndata: ", name);
	for (const char *p = data; *p; p++)
		if (*p != '\n' && *p != '\r') /* a newline would end the data field */
			an_buf_putc(out, *p);
	an_buf_puts(out, "\n\n");
}

void an_live_state_json(an_buf *out, unsigned long generation, const char *error)
{
	an_buf_printf(out, "{\"generation\":%lu,\"ok\":%s,\"error\":", generation,
	              error ? "false" : "true");
	if (error)
		an_buf_json(out, error);
	else
		an_buf_puts(out, "null");
	an_buf_putc(out, '}');
}
