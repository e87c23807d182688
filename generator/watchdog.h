/* watchdog.h - stops Lua code that runs too long, at no cost per VM
 * instruction.
 *
 * A count hook would do it, but with any count hook set Lua calls into the
 * debug layer before every instruction: a tenth of a theme's render time.
 * Instead one watchdog thread looks every few milliseconds at the CPU time
 * of the threads inside a watched call; when one has run past its limit
 * without progress it signals that thread, and the signal handler sets
 * the stop hook, the way the stand-alone `lua` handles Ctrl-C
 * (lua_sethook is made to be called from a signal handler).
 *
 * The caller owns each an_watch (on its stack or in its struct); the
 * watchdog only links it while the call runs. */
#ifndef AN_WATCHDOG_H
#define AN_WATCHDOG_H

#include <lua.h>
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

typedef struct an_watch {
	/* set by an_watch_begin */
	lua_State *L;
	lua_Hook stop; /* set from the signal handler, count 1 */
	long long limit_ns;
	pthread_t thread;
	clockid_t clock; /* that thread's CPU clock */
	struct an_watch *outer; /* the thread's watch this one nests in */
	/* bumped by an_watch_progress: the limit starts again */
	atomic_ulong progress;
	/* the watchdog's, under its lock */
	struct an_watch *next, *prev;
	unsigned long seen_progress;
	long long start_ns; /* CPU time when last seen making progress; -1 */
	atomic_int fired;
} an_watch;

/* The watchdog thread runs while anyone holds it: a sandbox from its
 * creation to its end.  Acquire returns 0, or -1 when the thread cannot
 * start (then nothing is watched). */
int an_watchdog_acquire(void);
void an_watchdog_release(void);

/* Watches the calling thread while it runs Lua code in L: after limit_ms
 * of its CPU time without an an_watch_progress, `stop` is set as a count
 * hook firing at the next instruction; it should raise an error (and can
 * keep itself set, so that a pcall cannot swallow the stop).  End with
 * an_watch_end on the same thread, which removes the hook if it was set. */
void an_watch_begin(an_watch *w, lua_State *L, lua_Hook stop, long limit_ms);
void an_watch_end(an_watch *w);
/* Says the watched code is getting on (a page was made): its time starts
 * again.  Cheap: one atomic increment. */
static inline void an_watch_progress(an_watch *w)
{
	atomic_fetch_add_explicit(&w->progress, 1, memory_order_relaxed);
}

#endif
