/* trace.h - stage times of a build, for measuring where the time goes.
 * With ANNALS_TRACE set in the environment, an_trace prints the seconds
 * since the first call, the peak memory so far (Linux) and the stage just
 * finished to stderr; without it, it prints nothing.  Called from the
 * main thread only. */
#ifndef AN_TRACE_H
#define AN_TRACE_H

void an_trace(const char *stage);

#endif
