#include "trace.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int on = -1;
static struct timespec t0;

void an_trace_start(void)
{
	if (on < 0)
		on = getenv("ANNALS_TRACE") != NULL;
	clock_gettime(CLOCK_MONOTONIC, &t0);
}

void an_trace(const char *stage)
{
	if (on < 0)
		an_trace_start();
	if (!on)
		return;
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	double s = (double)(t.tv_sec - t0.tv_sec) + (double)(t.tv_nsec - t0.tv_nsec) / 1e9;
	/* the CPU time of all threads so far: against the wall time, how
	 * much of a stage ran on more than one core */
	struct timespec cpu;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
	double cs = (double)cpu.tv_sec + (double)cpu.tv_nsec / 1e9;
	/* the peak resident memory so far, and now, where /proc says (the
	 * peak alone hides which stage holds what) */
	long peak_kb = -1, now_kb = -1;
	char line[128];
	FILE *f = fopen("/proc/self/status", "r");
	while (f && fgets(line, sizeof line, f))
		if (sscanf(line, "VmHWM: %ld kB", &peak_kb) == 1 ||
		    sscanf(line, "VmRSS: %ld kB", &now_kb) == 1)
			if (peak_kb >= 0 && now_kb >= 0)
				break;
	if (f)
		fclose(f);
	if (peak_kb >= 0 && now_kb >= 0)
		fprintf(stderr, "annals: trace: %7.3f s  %7.3f s cpu  %6ld MB peak  %6ld MB now  %s\n",
		        s, cs, peak_kb / 1024, now_kb / 1024, stage);
	else
		fprintf(stderr, "annals: trace: %7.3f s  %7.3f s cpu  %s\n", s, cs, stage);
}
