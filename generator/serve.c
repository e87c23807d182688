/* serve.c - the preview server (see serve.h).
 *
 * Threads: libmicrohttpd runs one thread per connection (a Server-Sent
 * Events stream blocks its thread while it waits for the next build); the
 * calling thread builds and watches.  They share one `server` under its
 * mutex: the folder of the last good build, its generation, and the last
 * build error.  Each build goes into a fresh folder (site-N) and is swapped
 * in by changing `site_dir` under the lock; the folder before the previous
 * one is removed then, so a request that has just read the old path still
 * finds its files. */
#define _GNU_SOURCE /* signalfd */
#include "serve.h"
#include "acache.h"
#include "alloc.h"
#include "buf.h"
#include "build.h"
#include "config.h"
#include "live.h"
#include "paths.h"
#include "term.h"
#include "watch.h"
#include "write.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* A quiet SSE stream gets a comment this often, so proxies and browsers
 * keep it open and a stopped server is noticed. */
#define KEEPALIVE_S 15

/* A build folder: the temporary folder (PATH_MAX) plus "/site-N". */
#define DIR_MAX (PATH_MAX + 32)

typedef struct {
	pthread_mutex_t lock;
	pthread_cond_t changed; /* broadcast after every build and on stop */
	char site_dir[DIR_MAX]; /* the last good build; "" before the first */
	char prev_dir[DIR_MAX]; /* the one before it, still on disk */
	unsigned long generation; /* of site_dir; 0 before the first good build */
	unsigned long builds;     /* every build, good or not */
	char *error;              /* the last build's error, NULL when it was good */
	int stopping;
} server;

/* ---- requests ------------------------------------------------------------ */

int an_serve_path(char *out, size_t size, const char *url)
{
	if (!url || url[0] != '/' || strchr(url, '\\'))
		return -1;
	const char *p = url + 1;
	for (const char *seg = p; *seg;) {
		const char *end = strchr(seg, '/');
		size_t n = end ? (size_t)(end - seg) : strlen(seg);
		if ((n == 2 && seg[0] == '.' && seg[1] == '.') || (n == 1 && seg[0] == '.'))
			return -1;
		if (!end)
			break;
		seg = end + 1;
	}
	size_t len = strlen(p);
	int dir = len == 0 || p[len - 1] == '/';
	int n = snprintf(out, size, "%s%s", p, dir ? "index.html" : "");
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

const char *an_serve_mime(const char *path)
{
	static const char *const types[][2] = {
		{".html", "text/html; charset=utf-8"},
		{".css", "text/css; charset=utf-8"},
		{".js", "text/javascript; charset=utf-8"},
		{".json", "application/json"},
		{".svg", "image/svg+xml"},
		{".xml", "application/xml"},
		{".ics", "text/calendar; charset=utf-8"},
		{".csv", "text/csv; charset=utf-8"},
		{".txt", "text/plain; charset=utf-8"},
		{".png", "image/png"},
		{".jpg", "image/jpeg"},
		{".jpeg", "image/jpeg"},
		{".gif", "image/gif"},
		{".webp", "image/webp"},
		{".ico", "image/x-icon"},
		{".woff2", "font/woff2"},
		{".pdf", "application/pdf"},
	};
	const char *dot = strrchr(path, '.');
	if (dot && !strchr(dot, '/'))
		for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
			if (strcasecmp(dot, types[i][0]) == 0)
				return types[i][1];
	return "application/octet-stream";
}

static enum MHD_Result send_buf(struct MHD_Connection *c, unsigned status, an_buf *body,
                                const char *type)
{
	size_t len = body->len;
	char *data = an_buf_detach(body);
	struct MHD_Response *r =
		MHD_create_response_from_buffer_with_free_callback(len, data, free);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	enum MHD_Result ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

/* A copy of what a request needs, taken under the lock. */
typedef struct {
	char dir[DIR_MAX];
	unsigned long generation;
	char *error;
} snapshot;

static void take_snapshot(snapshot *out, server *s)
{
	pthread_mutex_lock(&s->lock);
	memcpy(out->dir, s->site_dir, sizeof out->dir);
	out->generation = s->generation;
	out->error = s->error ? an_xstrdup(s->error) : NULL;
	pthread_mutex_unlock(&s->lock);
}

static enum MHD_Result redirect(struct MHD_Connection *c, const char *url)
{
	an_buf loc = AN_BUF_INIT;
	an_buf_printf(&loc, "%s/", url);
	struct MHD_Response *r = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
	MHD_add_response_header(r, MHD_HTTP_HEADER_LOCATION, loc.ptr);
	enum MHD_Result ret = MHD_queue_response(c, MHD_HTTP_MOVED_PERMANENTLY, r);
	MHD_destroy_response(r);
	an_buf_free(&loc);
	return ret;
}

/* Reads an open file whole into `out`. */
static int read_fd(an_buf *out, int fd)
{
	char chunk[16384];
	ssize_t n;
	while ((n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		an_buf_put(out, chunk, (size_t)n);
	}
	return 0;
}

static enum MHD_Result serve_file(struct MHD_Connection *c, server *s, const char *url)
{
	snapshot snap;
	take_snapshot(&snap, s);
	an_buf body = AN_BUF_INIT;
	enum MHD_Result ret;
	char rel[PATH_MAX], path[DIR_MAX + PATH_MAX + 2];
	if (!snap.dir[0]) {
		an_live_page(&body, "No site yet",
		             "The first build failed. Fix the error and save: this page reloads "
		             "by itself.", 0, snap.error ? snap.error : "unknown error");
		ret = send_buf(c, MHD_HTTP_SERVICE_UNAVAILABLE, &body, "text/html; charset=utf-8");
		goto done;
	}
	int fd = -1;
	struct stat st;
	if (an_serve_path(rel, sizeof rel, url) == 0) {
		snprintf(path, sizeof path, "%s/%s", snap.dir, rel);
		fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	}
	if (fd >= 0 && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		ret = redirect(c, url);
		goto done;
	}
	if (fd < 0 || !S_ISREG(st.st_mode)) {
		if (fd >= 0)
			close(fd);
		an_live_page(&body, "Not found", "There is no page at this address in the site.",
		             snap.generation, snap.error);
		ret = send_buf(c, MHD_HTTP_NOT_FOUND, &body, "text/html; charset=utf-8");
		goto done;
	}
	const char *type = an_serve_mime(rel);
	if (strncmp(type, "text/html", 9) == 0) {
		an_buf html = AN_BUF_INIT;
		int rc = read_fd(&html, fd);
		close(fd);
		if (rc < 0) {
			an_buf_free(&html);
			an_live_page(&body, "Read error", "The page could not be read.",
			             snap.generation, snap.error);
			ret = send_buf(c, MHD_HTTP_INTERNAL_SERVER_ERROR, &body,
			               "text/html; charset=utf-8");
			goto done;
		}
		an_live_inject(&body, html.ptr ? html.ptr : "", html.len, snap.generation, snap.error);
		an_buf_free(&html);
		ret = send_buf(c, MHD_HTTP_OK, &body, type);
		goto done;
	}
	struct MHD_Response *r = MHD_create_response_from_fd((uint64_t)st.st_size, fd);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	ret = MHD_queue_response(c, MHD_HTTP_OK, r);
	MHD_destroy_response(r);
done:
	an_buf_free(&body);
	free(snap.error);
	return ret;
}

/* ---- Server-Sent Events ---------------------------------------------------- */

typedef struct {
	server *s;
	unsigned long seen; /* s->builds when this stream last spoke */
	int hello;
	an_buf pending;
	size_t off;
} sse_stream;

/* Fills st->pending with the next message, waiting for a build if needed.
 * Returns -1 when the server stops. */
static int sse_next(sse_stream *st)
{
	server *s = st->s;
	pthread_mutex_lock(&s->lock);
	if (!st->hello) {
		an_buf state = AN_BUF_INIT;
		an_live_state_json(&state, s->generation, s->error);
		an_buf_puts(&st->pending, "retry: 1000\n");
		an_live_event(&st->pending, "hello", state.ptr);
		an_buf_free(&state);
		st->hello = 1;
		st->seen = s->builds;
		pthread_mutex_unlock(&s->lock);
		return 0;
	}
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += KEEPALIVE_S;
	int rc = 0;
	while (!s->stopping && s->builds == st->seen && rc != ETIMEDOUT)
		rc = pthread_cond_timedwait(&s->changed, &s->lock, &until);
	if (s->stopping) {
		pthread_mutex_unlock(&s->lock);
		return -1;
	}
	if (s->builds == st->seen) {
		an_buf_puts(&st->pending, ": keep-alive\n\n");
	} else {
		an_buf state = AN_BUF_INIT;
		an_live_state_json(&state, s->generation, s->error);
		an_live_event(&st->pending, s->error ? "failed" : "reload", state.ptr);
		an_buf_free(&state);
		st->seen = s->builds;
	}
	pthread_mutex_unlock(&s->lock);
	return 0;
}

static ssize_t sse_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	sse_stream *st = cls;
	(void)pos;
	if (st->off >= st->pending.len) {
		an_buf_clear(&st->pending);
		st->off = 0;
		if (sse_next(st) < 0)
			return MHD_CONTENT_READER_END_OF_STREAM;
	}
	size_t n = st->pending.len - st->off;
	if (n > max)
		n = max;
	memcpy(buf, st->pending.ptr + st->off, n);
	st->off += n;
	return (ssize_t)n;
}

static void sse_free(void *cls)
{
	sse_stream *st = cls;
	an_buf_free(&st->pending);
	free(st);
}

static enum MHD_Result serve_events(struct MHD_Connection *c, server *s)
{
	sse_stream *st = an_xcalloc(1, sizeof *st);
	st->s = s;
	struct MHD_Response *r =
		MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 4096, sse_read, st, sse_free);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, "text/event-stream");
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	enum MHD_Result ret = MHD_queue_response(c, MHD_HTTP_OK, r);
	MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *upload, size_t *upload_size, void **req)
{
	server *s = cls;
	(void)version, (void)upload, (void)req;
	an_buf body = AN_BUF_INIT;
	if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 && strcmp(method, MHD_HTTP_METHOD_HEAD) != 0) {
		an_buf_puts(&body, "only GET and HEAD\n");
		return send_buf(c, MHD_HTTP_METHOD_NOT_ALLOWED, &body, "text/plain; charset=utf-8");
	}
	if (*upload_size) { /* a GET with a body: ignore the body */
		*upload_size = 0;
		return MHD_YES;
	}
	if (strcmp(url, AN_LIVE_EVENTS) == 0)
		return serve_events(c, s);
	if (strcmp(url, AN_LIVE_SCRIPT) == 0) {
		an_buf_puts(&body, an_live_script);
		return send_buf(c, MHD_HTTP_OK, &body, "text/javascript; charset=utf-8");
	}
	if (strcmp(url, AN_LIVE_STATUS) == 0) {
		snapshot snap;
		take_snapshot(&snap, s);
		an_live_state_json(&body, snap.generation, snap.error);
		an_buf_putc(&body, '\n');
		free(snap.error);
		return send_buf(c, MHD_HTTP_OK, &body, "application/json");
	}
	if (strncmp(url, AN_LIVE_PREFIX, sizeof AN_LIVE_PREFIX - 1) == 0) {
		an_buf_puts(&body, "not found\n");
		return send_buf(c, MHD_HTTP_NOT_FOUND, &body, "text/plain; charset=utf-8");
	}
	return serve_file(c, s, url);
}

/* ---- building ------------------------------------------------------------ */

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void format_error(an_buf *out, const an_error *err)
{
	if (err->file[0]) {
		an_buf_puts(out, err->file);
		if (err->line > 0)
			an_buf_printf(out, ":%d", err->line);
		if (err->line > 0 && err->col > 0)
			an_buf_printf(out, ":%d", err->col);
		an_buf_puts(out, ": ");
	}
	an_buf_puts(out, err->msg);
}

typedef struct {
	const an_serve_opts *o;
	char tmp[PATH_MAX]; /* holds site-1, site-2, ... */
	unsigned long next;
	int color;
	an_acache *cache; /* analyses of unchanged articles, between rebuilds */
} builder;

/* Builds into a new folder and swaps it in, or records the error. */
static void rebuild(server *s, builder *b, const char *why)
{
	const an_serve_opts *o = b->o;
	char dir[DIR_MAX];
	snprintf(dir, sizeof dir, "%s/site-%lu", b->tmp, ++b->next);
	an_error err = AN_ERROR_INIT;
	an_build_stats st;
	int first = b->next == 1;
	/* the timeline too waits in the folder of the builds: a template
	 * edited, with no article changed, builds without clustering again */
	char timeline[DIR_MAX];
	snprintf(timeline, sizeof timeline, "%s/timeline", b->tmp);
	an_build_opts bo = {.source = o->source, .output = dir, .theme = o->theme,
	                    .data_dir = o->data_dir, .notes = first ? o->log : NULL,
	                    .warnings = first ? o->log : NULL, .cache = b->cache,
	                    .timeline_file = timeline};
	double t0 = now_ms();
	int rc = an_build(&st, &bo, &err);
	double ms = now_ms() - t0;
	char old[DIR_MAX] = "";

	pthread_mutex_lock(&s->lock);
	s->builds++;
	free(s->error);
	s->error = NULL;
	if (rc == 0) {
		memcpy(old, s->prev_dir, sizeof old);
		memcpy(s->prev_dir, s->site_dir, sizeof s->prev_dir);
		snprintf(s->site_dir, sizeof s->site_dir, "%s", dir);
		s->generation++;
	} else {
		an_buf msg = AN_BUF_INIT;
		format_error(&msg, &err);
		s->error = an_buf_detach(&msg);
	}
	pthread_cond_broadcast(&s->changed);
	pthread_mutex_unlock(&s->lock);

	if (old[0])
		an_remove_tree(old);
	if (!o->log)
		return;
	const char *red = an_term_sgr(b->color, AN_TERM_RED AN_TERM_BOLD);
	const char *green = an_term_sgr(b->color, AN_TERM_GREEN);
	const char *reset = an_term_sgr(b->color, AN_TERM_RESET);
	if (rc == 0) {
		fprintf(o->log, "annals: %sbuilt%s %zu files from %zu articles (%zu events) in %.0f ms%s%s\n",
		        green, reset, st.files, st.articles, st.events, ms, why[0] ? "; changed: " : "",
		        why);
	} else {
		fprintf(o->log, "annals: %sbuild failed%s%s%s\n", red, reset,
		        why[0] ? "; changed: " : "", why);
		an_error_print(&err, o->log);
		fprintf(o->log, "annals: %s\n", s->generation ? "still serving the last good site"
		                                              : "no site to serve until the error is fixed");
	}
	fflush(o->log);
}

/* ---- setup --------------------------------------------------------------- */

typedef struct {
	struct sockaddr_storage addr;
	int v6;
} address;

static int parse_bind(address *out, const char *bind, unsigned port, an_error *err)
{
	memset(out, 0, sizeof *out);
	struct sockaddr_in *v4 = (struct sockaddr_in *)&out->addr;
	struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&out->addr;
	const char *host = bind ? bind : "127.0.0.1";
	char tmp[INET6_ADDRSTRLEN + 2];
	size_t n = strlen(host);
	if (n >= 2 && host[0] == '[' && host[n - 1] == ']' && n - 2 < sizeof tmp) {
		snprintf(tmp, sizeof tmp, "%.*s", (int)(n - 2), host + 1);
		host = tmp;
	}
	if (inet_pton(AF_INET, host, &v4->sin_addr) == 1) {
		v4->sin_family = AF_INET;
		v4->sin_port = htons((uint16_t)port);
		return 0;
	}
	if (inet_pton(AF_INET6, host, &v6->sin6_addr) == 1) {
		v6->sin6_family = AF_INET6;
		v6->sin6_port = htons((uint16_t)port);
		out->v6 = 1;
		return 0;
	}
	return an_error_set(err, "", 0, "--bind: '%s' is not an IPv4 or IPv6 address "
	                    "(e.g. 127.0.0.1, 0.0.0.0, ::1)", bind);
}

/* Watches annals.yaml, content/ and themes/ of the site, and the theme's
 * own folder when it lives elsewhere (annals' default theme). */
static int watch_site(an_watch *w, const an_serve_opts *o, an_error *err)
{
	char path[PATH_MAX + 32], theme[PATH_MAX];
	snprintf(path, sizeof path, "%s/annals.yaml", o->source);
	if (an_watch_file(w, path, err) < 0)
		return -1;
	snprintf(path, sizeof path, "%s/content", o->source);
	if (an_watch_tree(w, path, err) < 0)
		return -1;
	snprintf(path, sizeof path, "%s/themes", o->source);
	if (an_watch_tree(w, path, err) < 0)
		return -1;
	an_config cfg;
	an_error ignored = AN_ERROR_INIT;
	if (an_config_load(&cfg, o->source, &ignored) < 0)
		return 0; /* the build reports it; themes/ is watched anyway */
	int found = an_paths_theme(theme, o->source, o->data_dir,
	                           o->theme ? o->theme : cfg.theme, &ignored) == 0;
	an_config_free(&cfg);
	if (found && strncmp(theme, path, strlen(path)) != 0)
		return an_watch_tree(w, theme, err);
	return 0;
}

static void print_url(FILE *f, const address *a)
{
	char host[INET6_ADDRSTRLEN];
	unsigned port;
	if (a->v6) {
		const struct sockaddr_in6 *v6 = (const struct sockaddr_in6 *)&a->addr;
		inet_ntop(AF_INET6, &v6->sin6_addr, host, sizeof host);
		port = ntohs(v6->sin6_port);
		fprintf(f, "annals: serving http://[%s]:%u/ (Ctrl-C to stop)\n", host, port);
	} else {
		const struct sockaddr_in *v4 = (const struct sockaddr_in *)&a->addr;
		inet_ntop(AF_INET, &v4->sin_addr, host, sizeof host);
		port = ntohs(v4->sin_port);
		fprintf(f, "annals: serving http://%s:%u/ (Ctrl-C to stop)\n", host, port);
	}
	fflush(f);
}

/* Waits for changes and rebuilds until a stop signal arrives. */
static int loop(server *s, builder *b, an_watch *w, int sigfd, an_error *err)
{
	an_buf changed = AN_BUF_INIT;
	int rc = 0;
	for (;;) {
		struct pollfd p[2] = {{sigfd, POLLIN, 0}, {an_watch_fd(w), POLLIN, 0}};
		if (poll(p, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			rc = an_error_set(err, "", 0, "poll: %s", strerror(errno));
			break;
		}
		if (p[0].revents & POLLIN)
			break;
		if (!(p[1].revents & POLLIN))
			continue;
		int n = an_watch_read(w, &changed, err);
		if (n > 0)
			n = an_watch_settle(w, &changed, 100, 2000, err) < 0 ? -1 : n;
		if (n < 0) {
			rc = -1;
			break;
		}
		if (n > 0) {
			const char *why = changed.ptr ? changed.ptr : "";
			size_t root = strlen(b->o->source);
			if (strncmp(why, b->o->source, root) == 0 && why[root] == '/')
				why += root + 1;
			rebuild(s, b, why);
		}
	}
	an_buf_free(&changed);
	return rc;
}

int an_serve(const an_serve_opts *o, an_error *err)
{
	server s;
	memset(&s, 0, sizeof s);
	pthread_mutex_init(&s.lock, NULL);
	pthread_cond_init(&s.changed, NULL);
	builder b = {o, "", 0, an_term_color(o->log), an_acache_new()};
	address addr;
	struct MHD_Daemon *d = NULL;
	an_watch *w = NULL;
	int sigfd = -1, rc;
	sigset_t mask, old_mask;
	sigemptyset(&mask);
	sigaddset(&mask, SIGINT);
	sigaddset(&mask, SIGTERM);
	sigaddset(&mask, SIGPIPE);
	/* before any thread starts, so that every thread inherits the mask */
	pthread_sigmask(SIG_BLOCK, &mask, &old_mask);
	sigdelset(&mask, SIGPIPE);

	if ((rc = parse_bind(&addr, o->bind, o->port, err)) < 0)
		goto done;
	sigfd = signalfd(-1, &mask, SFD_CLOEXEC | SFD_NONBLOCK);
	if (sigfd < 0) {
		rc = an_error_set(err, "", 0, "signalfd: %s", strerror(errno));
		goto done;
	}
	if (!(w = an_watch_new(err)) || (rc = watch_site(w, o, err)) < 0) {
		rc = -1;
		goto done;
	}
	const char *tmpdir = getenv("TMPDIR");
	snprintf(b.tmp, sizeof b.tmp, "%s/annals-serve-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
	if (!mkdtemp(b.tmp)) {
		b.tmp[0] = '\0';
		rc = an_error_set(err, "", 0, "cannot create a temporary folder: %s", strerror(errno));
		goto done;
	}
	/* the first build before the first request, so that no page says "no
	 * site yet" while the site is only being built */
	rebuild(&s, &b, "");
	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION |
	                     MHD_USE_ERROR_LOG | (addr.v6 ? MHD_USE_IPv6 : 0),
	                     (uint16_t)o->port, NULL, NULL, on_request, &s,
	                     MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr.addr,
	                     MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)(4 * KEEPALIVE_S),
	                     MHD_OPTION_END);
	if (!d) {
		rc = an_error_set(err, "", 0, "cannot listen on %s port %u (in use, or not an "
		                  "address of this machine?)", o->bind ? o->bind : "127.0.0.1",
		                  o->port);
		goto done;
	}
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	if (info && info->port) {
		if (addr.v6)
			((struct sockaddr_in6 *)&addr.addr)->sin6_port = htons(info->port);
		else
			((struct sockaddr_in *)&addr.addr)->sin_port = htons(info->port);
	}
	print_url(o->out ? o->out : stdout, &addr);
	rc = loop(&s, &b, w, sigfd, err);
	if (o->log) {
		fputs("annals: stopping\n", o->log);
		fflush(o->log);
	}
done:
	pthread_mutex_lock(&s.lock);
	s.stopping = 1;
	pthread_cond_broadcast(&s.changed);
	pthread_mutex_unlock(&s.lock);
	if (d)
		MHD_stop_daemon(d);
	an_watch_free(w);
	if (b.tmp[0])
		an_remove_tree(b.tmp);
	an_acache_free(b.cache);
	if (sigfd >= 0) {
		/* consume the signals that stopped us, or unblocking delivers them */
		struct signalfd_siginfo si;
		while (read(sigfd, &si, sizeof si) == (ssize_t)sizeof si)
			;
		close(sigfd);
	}
	pthread_sigmask(SIG_SETMASK, &old_mask, NULL);
	free(s.error);
	pthread_cond_destroy(&s.changed);
	pthread_mutex_destroy(&s.lock);
	return rc;
}
