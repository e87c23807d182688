/* trace.h - stage times of a build, for measuring where the time goes.
 * With ANNALS_TRACE set in the environment, an_trace prints the seconds
 * since the last an_trace_start (or the first call), the peak memory so
 * far and the memory in use (Linux) and the stage just finished to stderr; without it, it
 * prints nothing.  Called from the thread that runs the build only. */
#ifndef AN_TRACE_H
#define AN_TRACE_H

/* Starts the clock: a build calls it first, so that each build of a
 * process that makes several (annals serve) counts from its own start. */
void an_trace_start(void);
void an_trace(const char *stage);

#endif
