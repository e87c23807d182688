/* article.c - parse stage: front matter + cmark body (see article.h).
 *
 * The plain text is built by walking the cmark tree and joining the literal
 * text of each prose block, because one paragraph arrives split across many
 * inline nodes.  an_article_html walks the same tree the same way, so byte
 * offsets into `text` find their text node again when marking up dates. */
#include "article.h"
#include "alloc.h"
#include "fsname.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#define CMARK_OPTS (CMARK_OPT_VALIDATE_UTF8)

static int is_prose_block(cmark_node_type t)
{
	return t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING;
}

/* Called for every inline node in document order with the offset in `text`
 * where its literal starts; used by both the text builder and the marker. */
typedef void (*inline_fn)(cmark_node *node, size_t offset, void *payload);

/* Walks the document, producing the plain text into `text` (when non-NULL)
 * and reporting each text node to `fn`. */
static void walk_text(cmark_node *doc, an_buf *text, an_para **paras,
                      size_t *n_paras, inline_fn fn, void *payload)
{
	an_buf local = AN_BUF_INIT;
	an_buf *t = text ? text : &local;
	size_t cap = 0;
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	size_t para_start = 0;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type type = cmark_node_get_type(n);
		if (is_prose_block(type)) {
			if (ev == CMARK_EVENT_ENTER) {
				if (t->len)
					an_buf_puts(t, "\n\n");
				para_start = t->len;
			} else if (paras) {
				*paras = an_xgrow(*paras, &cap, *n_paras + 1, sizeof **paras);
				an_para *p = &(*paras)[(*n_paras)++];
				p->start = para_start;
				p->len = t->len - para_start;
				p->line = cmark_node_get_start_line(n);
			}
			continue;
		}
		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (type) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE: {
			/* fn may replace the literal (and free the old one), while the
			 * offsets must keep counting the original text: copy it first */
			const char *lit = cmark_node_get_literal(n);
			size_t before = t->len;
			an_buf_puts(t, lit ? lit : "");
			if (fn)
				fn(n, before, payload);
			break;
		}
		case CMARK_NODE_SOFTBREAK:
			an_buf_putc(t, ' ');
			break;
		case CMARK_NODE_LINEBREAK:
			an_buf_putc(t, '\n');
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	an_buf_free(&local);
}

static int is_control(unsigned char c)
{
	return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
}

/* Drops C0 control characters from text nodes: they are not valid in HTML,
 * and an_article_html uses three of them as placeholders.  Both passes over
 * a body call this first, so offsets into `text` agree between them. */
static void strip_controls(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		if (ev != CMARK_EVENT_ENTER ||
		    (t != CMARK_NODE_TEXT && t != CMARK_NODE_CODE))
			continue;
		const char *lit = cmark_node_get_literal(n);
		const char *p = lit;
		while (p && *p && !is_control((unsigned char)*p))
			p++;
		if (!p || !*p)
			continue;
		an_buf b = AN_BUF_INIT;
		for (p = lit; *p; p++)
			if (!is_control((unsigned char)*p))
				an_buf_putc(&b, *p);
		cmark_node_set_literal(n, b.ptr ? b.ptr : "");
		an_buf_free(&b);
	}
	cmark_iter_free(it);
}

/* The file name without ".md", with every character a URL or file name
 * could trip on turned into '-' ("APW19980213.1310.md" ->
 * "APW19980213-1310"); an explicit 'slug:' is checked, not rewritten. */
static char *slug_from_path(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	if (n > 3 && strcmp(base + n - 3, ".md") == 0)
		n -= 3;
	if (n > 200)
		n = 200;
	char *slug = an_xstrndup(base, n);
	for (char *p = slug; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
			*p = '-';
	return slug;
}

/* Slugs become file names and URLs: keep them to a safe alphabet. */
static int slug_ok(const char *s)
{
	if (!*s || strlen(s) > 200)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
			return 0;
	return 1;
}

/* The plain text and paragraphs of the body, as the analysis reads them. */
static void derive_text(an_article *a)
{
	cmark_node *doc = cmark_parse_document(a->body, a->body_len, CMARK_OPTS);
	strip_controls(doc);
	an_buf text = AN_BUF_INIT;
	walk_text(doc, &text, &a->paras, &a->n_paras, NULL, NULL);
	cmark_node_free(doc);
	for (size_t i = 0; i < a->n_paras; i++)
		a->paras[i].line += a->meta.body_line - 1;
	a->text_len = text.len;
	/* kept for the whole build: without the room the buffer grew by */
	a->text = an_xrealloc(an_buf_detach(&text), a->text_len + 1);
}

int an_article_parse(an_article *out, const an_source *src, an_error *err)
{
	memset(out, 0, sizeof *out);
	if (an_frontmatter_parse(&out->meta, src->path, src->data, src->len, err) < 0)
		return -1;
	out->path = an_xstrdup(src->path);
	out->slug = out->meta.slug ? an_xstrdup(out->meta.slug) : slug_from_path(src->path);
	if (!slug_ok(out->slug)) {
		an_error_set(err, src->path, 1,
		             "slug \"%.80s\" may only use letters, digits, '-' and '_'; "
		             "rename the file or set 'slug:'", out->slug);
		an_article_free(out);
		return -1;
	}
	if (an_fsname_reserved(out->slug, strlen(out->slug))) {
		an_error_set(err, src->path, 1,
		             "slug \"%s\" is a device name on Windows (CON, PRN, AUX, NUL, "
		             "COM1-9, LPT1-9), so its page could not be copied there; "
		             "rename the file or set 'slug:'", out->slug);
		an_article_free(out);
		return -1;
	}
	out->body_len = src->len - out->meta.body_offset;
	out->body = an_xstrndup(src->data + out->meta.body_offset, out->body_len);
	derive_text(out);
	return 0;
}

void an_article_set_body(an_article *a, const char *body)
{
	free(a->body);
	free(a->text);
	free(a->paras);
	a->paras = NULL;
	a->n_paras = 0;
	a->body = an_xstrdup(body);
	a->body_len = strlen(a->body);
	derive_text(a);
}

void an_article_free(an_article *a)
{
	if (!a)
		return;
	an_meta_free(&a->meta);
	free(a->path);
	free(a->slug);
	free(a->body);
	free(a->text);
	free(a->paras);
	for (size_t i = 0; i < a->history.n_authors; i++)
		free(a->history.authors[i]);
	free(a->history.authors);
	memset(a, 0, sizeof *a);
}


/* Marking: ranges become control-character placeholders inside the text
 * nodes, cmark renders (escaping everything else), and the placeholders
 * become tags afterwards, so the tags never pass through cmark's safe mode. */
#define MARK_OPEN '\x01'
#define MARK_SEP '\x02'
#define MARK_CLOSE '\x03'

typedef struct {
	const size_t *starts, *ends;
	size_t n, next;
} mark_state;

static void mark_node(cmark_node *node, size_t offset, void *payload)
{
	mark_state *st = payload;
	const char *lit = cmark_node_get_literal(node);
	size_t len = lit ? strlen(lit) : 0, end = offset + len;
	while (st->next < st->n && st->starts[st->next] < offset)
		st->next++; /* began in an earlier node: left unmarked */
	if (st->next >= st->n || st->starts[st->next] >= end ||
	    cmark_node_get_type(node) != CMARK_NODE_TEXT)
		return;
	an_buf b = AN_BUF_INIT;
	size_t pos = offset;
	while (st->next < st->n && st->starts[st->next] < end) {
		size_t s = st->starts[st->next], e = st->ends[st->next];
		if (e > end) /* crosses into the next inline node */
			break;
		an_buf_put(&b, lit + (pos - offset), s - pos);
		an_buf_putc(&b, MARK_OPEN);
		an_buf_put_uint(&b, st->next);
		an_buf_putc(&b, MARK_SEP);
		an_buf_put(&b, lit + (s - offset), e - s);
		an_buf_putc(&b, MARK_CLOSE);
		pos = e;
		st->next++;
	}
	an_buf_put(&b, lit + (pos - offset), end - pos);
	cmark_node_set_literal(node, b.ptr);
	an_buf_free(&b);
}

void an_article_html(an_buf *out, const an_article *a, const size_t *starts,
                     const size_t *ends, size_t n, an_article_mark_fn mark,
                     void *payload)
{
	cmark_node *doc = cmark_parse_document(a->body, a->body_len, CMARK_OPTS);
	strip_controls(doc);
	mark_state st = {starts, ends, n, 0};
	walk_text(doc, NULL, NULL, NULL, mark_node, &st);
	char *html = cmark_render_html(doc, CMARK_OPTS | (a->unsafe ? CMARK_OPT_UNSAFE : 0));
	cmark_node_free(doc);

	/* the HTML between placeholders goes out in runs */
	static const char marks[] = {MARK_OPEN, MARK_CLOSE, '\0'};
	const char *close_tag = "";
	for (const char *p = html + an_buf_put_span(out, html, marks); *p;
	     p += an_buf_put_span(out, p, marks)) {
		if (*p == MARK_OPEN) {
			char *endp;
			size_t idx = strtoul(p + 1, &endp, 10);
			close_tag = mark(out, idx, payload);
			p = *endp ? endp + 1 : endp; /* past MARK_SEP */
		} else { /* MARK_CLOSE */
			an_buf_puts(out, close_tag);
			p++;
		}
	}
	free(html);
}
