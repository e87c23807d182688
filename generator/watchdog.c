/* watchdog.c - the thread that stops Lua code running too long (see
 * watchdog.h).
 *
 * Two locks: `life` orders starting and stopping the thread (a release
 * joins it, and an acquire meanwhile must wait rather than start a second
 * one); `mu` guards the list of watched calls, which the thread walks.
 * The signal handler takes no lock: it reads the thread's own chain of
 * watches, which only that thread changes. */
#include "watchdog.h"

#include <signal.h>
#include <string.h>

#define TICK_NS 20000000L /* how often the watched threads' clocks are read */

static pthread_mutex_t life = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static pthread_t watcher;
static int users, stopping, signo;
static an_watch *head;

/* The innermost watch of this thread, for the signal handler. */
static _Thread_local an_watch *volatile current;

static void on_signal(int sig)
{
	(void)sig;
	for (an_watch *w = current; w; w = w->outer)
		if (atomic_load(&w->fired))
			lua_sethook(w->L, w->stop, LUA_MASKCOUNT, 1);
}

static void setup(void)
{
	pthread_condattr_t ca;
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&cv, &ca);
	pthread_condattr_destroy(&ca);
	/* a real-time signal: nothing else in annals or its libraries uses
	 * one, and SA_RESTART keeps the stopped thread's system calls going */
	signo = SIGRTMIN;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	sigaction(signo, &sa, NULL);
}

static long long cpu_ns(clockid_t clock)
{
	struct timespec ts;
	if (clock_gettime(clock, &ts) != 0)
		return -1;
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* One look at every watched call; under mu. */
static void inspect(void)
{
	for (an_watch *w = head; w; w = w->next) {
		long long now = cpu_ns(w->clock);
		if (now < 0 || atomic_load(&w->fired))
			continue;
		unsigned long p = atomic_load_explicit(&w->progress, memory_order_relaxed);
		if (w->start_ns < 0 || p != w->seen_progress) {
			w->start_ns = now;
			w->seen_progress = p;
		} else if (now - w->start_ns >= w->limit_ns) {
			atomic_store(&w->fired, 1);
			pthread_kill(w->thread, signo);
		}
	}
}

static void *watch_loop(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&mu);
	while (!stopping) {
		if (!head) {
			pthread_cond_wait(&cv, &mu);
			continue;
		}
		struct timespec until;
		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_nsec += TICK_NS;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&cv, &mu, &until);
		inspect();
	}
	pthread_mutex_unlock(&mu);
	return NULL;
}

int an_watchdog_acquire(void)
{
	pthread_once(&once, setup);
	int rc = 0;
	pthread_mutex_lock(&life);
	if (users == 0) {
		stopping = 0;
		rc = pthread_create(&watcher, NULL, watch_loop, NULL) == 0 ? 0 : -1;
	}
	if (rc == 0)
		users++;
	pthread_mutex_unlock(&life);
	return rc;
}

void an_watchdog_release(void)
{
	pthread_mutex_lock(&life);
	if (users > 0 && --users == 0) {
		pthread_mutex_lock(&mu);
		stopping = 1;
		pthread_cond_signal(&cv);
		pthread_mutex_unlock(&mu);
		pthread_join(watcher, NULL);
	}
	pthread_mutex_unlock(&life);
}

void an_watch_begin(an_watch *w, lua_State *L, lua_Hook stop, long limit_ms)
{
	w->L = L;
	w->stop = stop;
	w->limit_ns = (long long)limit_ms * 1000000LL;
	w->thread = pthread_self();
	atomic_init(&w->progress, 0);
	atomic_init(&w->fired, 0);
	w->seen_progress = 0;
	w->start_ns = -1; /* the watchdog reads the clock at its first look */
	w->outer = current;
	current = w;
	if (pthread_getcpuclockid(w->thread, &w->clock) != 0) {
		w->next = w->prev = NULL; /* unwatched: no CPU clock to read */
		return;
	}
	pthread_mutex_lock(&mu);
	w->prev = NULL;
	w->next = head;
	if (head)
		head->prev = w;
	else
		pthread_cond_signal(&cv); /* the watchdog waits for a first call */
	head = w;
	pthread_mutex_unlock(&mu);
}

void an_watch_end(an_watch *w)
{
	pthread_mutex_lock(&mu);
	if (w->prev)
		w->prev->next = w->next;
	else if (head == w)
		head = w->next;
	if (w->next)
		w->next->prev = w->prev;
	pthread_mutex_unlock(&mu);
	/* A signal sent before the unlink may still arrive: first leave the
	 * handler nothing to find, then take off whatever it set. */
	current = w->outer;
	atomic_signal_fence(memory_order_seq_cst);
	if (atomic_load(&w->fired))
		lua_sethook(w->L, NULL, 0, 0);
}
