/* bench_dates.c - throughput of the date tagger (an_timex_tag) on a corpus:
 * reads every NAME.txt (with its NAME.dct) in a directory written by
 * `timex_score.py extract`, tags each document with its own DCT over and
 * over for at least a second of CPU time, and prints MB/s single-threaded.
 * Only tagging is timed: reading the files and freeing the lists is not.
 *
 *   bench_dates DIR [SECONDS]
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "alloc.h"
#include "timex.h"

typedef struct {
	char *text;
	size_t len;
	an_date dct;
} doc;

static char *slurp(const char *path, size_t *out_len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, len = 0, n;
	char *p = an_xmalloc(cap);
	while ((n = fread(p + len, 1, cap - len, f)) > 0) {
		len += n;
		if (len == cap)
			p = an_xrealloc(p, cap *= 2);
	}
	fclose(f);
	*out_len = len;
	return p;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: bench_dates DIR [SECONDS]\n");
		return 2;
	}
	double min_secs = argc > 2 ? atof(argv[2]) : 1.0;
	DIR *d = opendir(argv[1]);
	if (!d) {
		perror(argv[1]);
		return 1;
	}
	doc *docs = NULL;
	size_t ndocs = 0, cap = 0, bytes = 0;
	struct dirent *e;
	char path[4096];
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		if (n < 5 || strcmp(e->d_name + n - 4, ".txt") != 0)
			continue;
		doc x = {NULL, 0, {2000, 1, 1}};
		snprintf(path, sizeof path, "%s/%s", argv[1], e->d_name);
		if (!(x.text = slurp(path, &x.len)))
			continue;
		snprintf(path, sizeof path, "%s/%.*s.dct", argv[1], (int)(n - 4), e->d_name);
		size_t dl;
		char *dct = slurp(path, &dl);
		if (dct && dl >= 10) {
			dct[10] = '\0';
			if (an_date_parse_iso(&x.dct, dct) < 0)
				x.dct = (an_date){2000, 1, 1};
		}
		free(dct);
		docs = an_xgrow(docs, &cap, ndocs + 1, sizeof *docs);
		docs[ndocs++] = x;
		bytes += x.len;
	}
	closedir(d);
	if (!ndocs) {
		fprintf(stderr, "bench_dates: no .txt files in %s\n", argv[1]);
		return 1;
	}
	double spent = 0;
	size_t rounds = 0, found = 0;
	an_timex_list l = AN_TIMEX_LIST_INIT;
	while (spent < min_secs) {
		for (size_t i = 0; i < ndocs; i++) {
			double t0 = now();
			an_timex_tag(&l, docs[i].text, docs[i].len, docs[i].dct);
			spent += now() - t0;
			found += l.len;
			an_timex_list_free(&l);
		}
		rounds++;
	}
	double mb = (double)bytes * (double)rounds / 1e6;
	printf("dates: %zu docs, %.2f MB x %zu rounds in %.3f s: %.1f MB/s (%zu timexes a round)\n",
	       ndocs, (double)bytes / 1e6, rounds, spent, mb / spent, found / rounds);
	for (size_t i = 0; i < ndocs; i++)
		free(docs[i].text);
	free(docs);
	return 0;
}
