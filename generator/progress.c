/* progress.c - the progress line (see progress.h). */
#include "progress.h"

#include <string.h>
#include <time.h>

/* Drawn only once a build has taken this long: a quick build prints
 * nothing but its summary. */
#define AFTER_SECONDS 1.0
#define EVERY_NS 200000000L

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* n with thousands separators: 10,000 reads at a glance. */
static void grouped(char *buf, size_t size, size_t n)
{
	char digits[32];
	int len = snprintf(digits, sizeof digits, "%zu", n), j = 0;
	for (int i = 0; i < len && (size_t)j + 2 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf[j++] = ',';
		buf[j++] = digits[i];
	}
	buf[j] = '\0';
}

static size_t get(const atomic_size_t *v)
{
	return atomic_load_explicit(v, memory_order_relaxed);
}

void an_progress_format(const an_progress *p, double elapsed, char *buf, size_t size)
{
	char a[32], n[32], e[32], pg[32], rate[48] = "";
	size_t articles = get(&p->articles), total = get(&p->n_articles);
	size_t events = get(&p->events), pages = get(&p->pages);
	grouped(a, sizeof a, articles);
	grouped(n, sizeof n, total);
	grouped(e, sizeof e, events);
	grouped(pg, sizeof pg, pages);
	/* the rate of the stage under way: articles while they are read,
	 * pages once they are written, none in between (the timeline) */
	double since = pages ? elapsed - p->pages_start : elapsed;
	size_t done = pages ? pages : articles < total || !total ? articles : 0;
	if (since > 0.05 && done) {
		char r[32];
		grouped(r, sizeof r, (size_t)((double)done / since + 0.5));
		snprintf(rate, sizeof rate, " \xc2\xb7 %s %s/s", r, pages ? "pages" : "articles");
	}
	if (total)
		snprintf(buf, size, "%s/%s articles \xc2\xb7 %s events \xc2\xb7 %s pages%s", a, n, e,
		         pg, rate);
	else
		snprintf(buf, size, "reading articles%s", rate);
}

static void *tick(void *arg)
{
	an_progress *p = arg;
	pthread_mutex_lock(&p->lock);
	while (!p->stopping) {
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_nsec += EVERY_NS;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&p->wake, &p->lock, &until);
		if (p->stopping)
			break;
		double t = now() - p->start;
		if (get(&p->pages) && p->pages_start == 0)
			p->pages_start = t;
		if (t < AFTER_SECONDS)
			continue;
		char line[256];
		an_progress_format(p, t, line, sizeof line);
		/* \r and erase-to-end: the line is redrawn in place */
		fprintf(p->out, "\r\033[Kannals: %s", line);
		fflush(p->out);
		p->drawn = 1;
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

int an_progress_start(an_progress *p, FILE *out)
{
	p->out = out;
	p->start = now();
	p->pages_start = 0;
	p->stopping = p->drawn = 0;
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->wake, NULL);
	p->running = pthread_create(&p->thread, NULL, tick, p) == 0;
	if (!p->running) {
		pthread_cond_destroy(&p->wake);
		pthread_mutex_destroy(&p->lock);
	}
	return p->running ? 0 : -1;
}

void an_progress_stop(an_progress *p)
{
	if (!p || !p->running)
		return;
	pthread_mutex_lock(&p->lock);
	p->stopping = 1;
	pthread_cond_signal(&p->wake);
	pthread_mutex_unlock(&p->lock);
	pthread_join(p->thread, NULL);
	if (p->drawn) {
		fputs("\r\033[K", p->out);
		fflush(p->out);
	}
	pthread_cond_destroy(&p->wake);
	pthread_mutex_destroy(&p->lock);
	p->running = 0;
}
