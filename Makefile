# annals - build, test and install.  See README.md for the quick start.
#
#   make              build bin/annals
#   make site         install missing -dev packages, build, generate public/
#   make test         the whole test suite: unit + end-to-end, then again
#                     under AddressSanitizer and UndefinedBehaviorSanitizer,
#                     then the generated site in a browser (test-browser)
#   make install PREFIX=/usr/local DESTDIR=

PREFIX ?= /usr/local
DESTDIR ?=
CC ?= cc
PKG_CONFIG ?= pkg-config

VERSION := 0.1.0
PKGS := libcmark lua5.4 libgit2 yaml-0.1 libmicrohttpd

# Deferred (=) so that they are evaluated after `deps` has installed what
# was missing.
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS))
PKG_LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS))
CHECK_CFLAGS = $(shell $(PKG_CONFIG) --cflags check)
CHECK_LIBS = $(shell $(PKG_CONFIG) --libs check)

WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
        -Wformat=2 -Wno-format-nonliteral
CFLAGS ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
             -DAN_VERSION='"$(VERSION)"' $(WARN) $(CFLAGS) $(EXTRA_CFLAGS) \
             -MMD -MP $(PKG_CFLAGS)
LDLIBS_ALL = $(PKG_LIBS) -lm -lpthread
# mimalloc (Debian's libmimalloc-dev) takes over malloc in bin/annals: the
# themes' Lua states and the analyses make millions of small blocks, and
# with it a 10,000-article build spends a quarter less CPU and a tenth less
# memory (docs/performance.md).  Linking it is all it takes (it replaces
# malloc for the whole process).  The sanitizer builds keep glibc's, which
# ASan must intercept; `make MALLOC=` builds without it.
MALLOC = $(shell printf 'int main(void){return 0;}\n' | \
           $(CC) -x c - -o /dev/null -lmimalloc 2>/dev/null && echo -lmimalloc)

BUILD ?= build
SRC := $(filter-out generator/main.c,$(wildcard generator/*.c))
OBJ := $(SRC:generator/%.c=$(BUILD)/%.o)
MAIN_OBJ := $(BUILD)/main.o
TEST_SRC := $(wildcard tests/check_*.c)
SUITES := $(sort $(patsubst tests/check_%.c,%,$(filter-out tests/check_main.c,$(TEST_SRC))))
TEST_OBJ := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%.o)

.PHONY: all site deps test check check-unit check-e2e check-sets check-asan asan \
        test-browser install uninstall clean

all: bin/annals

deps:
	@sh scripts/setup.sh

bin/annals: $(OBJ) $(MAIN_OBJ) | deps
	@mkdir -p bin
	$(CC) $(ALL_CFLAGS) -o $@ $(OBJ) $(MAIN_OBJ) $(LDFLAGS) $(MALLOC) $(LDLIBS_ALL)

$(BUILD)/%.o: generator/%.c | deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%.o: tests/%.c | deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) -Igenerator -I$(BUILD)/tests -c -o $@ $<

# The list of suites, regenerated when a tests/check_*.c appears or goes.
$(BUILD)/tests/suites.h: $(TEST_SRC)
	@mkdir -p $(dir $@)
	@printf 'AN_SUITE(%s)\n' $(SUITES) > $@.tmp && mv $@.tmp $@

$(BUILD)/tests/check_main.o: $(BUILD)/tests/suites.h

$(BUILD)/check_annals: $(OBJ) $(TEST_OBJ) | deps
	$(CC) $(ALL_CFLAGS) -o $@ $(TEST_OBJ) $(OBJ) $(LDFLAGS) $(CHECK_LIBS) $(LDLIBS_ALL)

site: bin/annals
	bin/annals build --source . --output public

check: check-unit check-e2e check-replay check-hostile check-sets

# The whole-article timex sets stay well-formed (scores: make eval-sets).
TIMEX_SETS = $(sort $(dir $(wildcard tests/timex-sets/*/SET.md)))
check-sets:
	$(PYTHON) scripts/timex-sets.py --check $(TIMEX_SETS)

check-unit: $(BUILD)/check_annals
	cd tests && CK_DEFAULT_TIMEOUT=30 ../$(BUILD)/check_annals

check-e2e: bin/annals
	sh tests/e2e.sh bin/annals

# The same suite, built apart in build-asan/ so the two builds never mix.
check-asan asan:
	$(MAKE) BUILD=build-asan ANNALS_BIN=build-asan/annals \
	  EXTRA_CFLAGS="-O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  LDFLAGS="-fsanitize=address,undefined" build-asan/annals build-asan/check_annals \
	  check-replay
	cd tests && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  CK_FORK=no CK_DEFAULT_TIMEOUT=120 ../build-asan/check_annals
	ASAN_OPTIONS=detect_leaks=1 sh tests/e2e.sh build-asan/annals
	ASAN_OPTIONS=detect_leaks=1 sh tests/hostile/run.sh build-asan/annals

# The worker pool under ThreadSanitizer: the pool suite (one worker against
# two on the sample) built apart in build-tsan/.
.PHONY: check-tsan
check-tsan:
	$(MAKE) BUILD=build-tsan EXTRA_CFLAGS="-O1 -fsanitize=thread" \
	  LDFLAGS="-fsanitize=thread" build-tsan/check_annals
	cd tests && for suite in pool sink hooks words acache; do \
	  CK_FORK=no CK_RUN_SUITE=$$suite TSAN_OPTIONS=halt_on_error=1 \
	  ../build-tsan/check_annals || exit 1; done

build-asan/annals: $(OBJ) $(MAIN_OBJ) | deps
	$(CC) $(ALL_CFLAGS) -o $@ $(OBJ) $(MAIN_OBJ) $(LDFLAGS) $(LDLIBS_ALL)

test: check check-asan check-valgrind test-browser

# The sample site, and the same split into a page per period
# (timeline_page: 3), in a real browser: Nu HTML Checker, axe-core, layout from
# 320 px, search, dark mode, print, and the exports parsed.  run.sh installs
# what it needs (chromium, Java, npm packages into tests/browser/).  Then
# the hostile site (tests/hostile/): no script from content runs; then
# annals serve's live reload and error overlay.
test-browser: bin/annals
	rm -rf $(BUILD)/browser-site
	bin/annals build --source . --output $(BUILD)/browser-site --quiet
	sh tests/browser/run.sh $(BUILD)/browser-site $(BUILD)/screenshots
	rm -rf $(BUILD)/browser-paged && mkdir -p $(BUILD)/browser-paged
	cp -R content $(BUILD)/browser-paged/
	{ cat annals.yaml; printf 'params:\n  timeline_page: 3\n'; } >$(BUILD)/browser-paged/annals.yaml
	bin/annals build --source $(BUILD)/browser-paged --output $(BUILD)/browser-paged/public --quiet
	sh tests/browser/run.sh $(BUILD)/browser-paged/public $(BUILD)/screenshots-paged
	sh tests/browser/hostile.sh bin/annals $(BUILD)/browser-hostile
	sh tests/browser/serve.sh bin/annals $(BUILD)/browser-serve

install: bin/annals
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/annals
	install -m 755 bin/annals $(DESTDIR)$(PREFIX)/bin/annals
	cp -R themes lua $(DESTDIR)$(PREFIX)/share/annals/
	install -d $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions
	install -m 644 docs/annals.1 $(DESTDIR)$(PREFIX)/share/man/man1/annals.1
	install -m 644 scripts/annals.bash-completion \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions/annals

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/annals
	rm -rf $(DESTDIR)$(PREFIX)/share/annals
	rm -f $(DESTDIR)$(PREFIX)/share/man/man1/annals.1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions/annals

clean:
	rm -rf build build-asan bin public

-include $(OBJ:.o=.d) $(MAIN_OBJ:.o=.d) $(TEST_OBJ:.o=.d)

# --- the date tagger: accuracy and speed (docs/dates.md) -------------------
#   make eval-dates   TempEval-3 scores on TimeBank+AQUAINT, then throughput
#   make bench-dates  tagging throughput (MB/s, one thread) on that text
#   make eval-sets    the whole-article sets of tests/timex-sets/ (right
#                     lines and extras per set; SET.md says which are held out)
TIMEML ?= ../shared/data/timeml
TIMEX_SCORER ?= ../shared/tools/timex_score.py
PYTHON ?= python3

.PHONY: eval-dates bench-dates eval-sets

$(BUILD)/bench_dates: bench/bench_dates.c $(OBJ) | deps
	$(CC) $(ALL_CFLAGS) -Igenerator -o $@ bench/bench_dates.c $(OBJ) $(LDFLAGS) $(LDLIBS_ALL)

$(BUILD)/timeml-text/.done: $(TIMEX_SCORER)
	rm -rf $(BUILD)/timeml-text
	$(PYTHON) $(TIMEX_SCORER) extract $(TIMEML) $(BUILD)/timeml-text >/dev/null
	touch $@

bench-dates: $(BUILD)/bench_dates $(BUILD)/timeml-text/.done
	$(BUILD)/bench_dates $(BUILD)/timeml-text 2

eval-dates: bin/annals
	$(PYTHON) $(TIMEX_SCORER) run --gold $(TIMEML) \
	  --cmd 'bin/annals tag --dct {dct} {txt}'
	$(MAKE) --no-print-directory bench-dates

eval-sets: bin/annals
	$(PYTHON) scripts/timex-sets.py --bin bin/annals $(TIMEX_SETS)

# --- fuzzing (tests/fuzz/, docs/hardening.md) -------------------------------
#   make fuzz FUZZ_SECONDS=N  each libFuzzer target for N s (clang, ASan+UBSan,
#                             in build-fuzz/); new inputs go to
#                             build-fuzz/corpus/, crashes to build-fuzz/crashes/
#   make check-replay         every seed and past crash through the same entry
#                             points, built with $(CC) (part of `make check`)
FUZZ_TARGETS := frontmatter timex sentence article
FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_OBJ := $(FUZZ_TARGETS:%=$(BUILD)/fuzz/fuzz_%.o)

.PHONY: fuzz fuzz-build check-replay check-hostile check-valgrind
.SECONDARY: $(FUZZ_OBJ) $(BUILD)/fuzz/replay.o

$(BUILD)/fuzz/%.o: tests/fuzz/%.c | deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Igenerator -c -o $@ $<

$(BUILD)/fuzz/replay_%: $(BUILD)/fuzz/fuzz_%.o $(BUILD)/fuzz/replay.o $(OBJ) | deps
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS_ALL)

check-replay: $(FUZZ_TARGETS:%=$(BUILD)/fuzz/replay_%)
	@for t in $(FUZZ_TARGETS); do \
	  printf 'fuzz corpus %s: ' $$t; \
	  $(BUILD)/fuzz/replay_$$t tests/fuzz/corpus/$$t || exit 1; \
	done

$(BUILD)/fuzz/fuzz_%: $(BUILD)/fuzz/fuzz_%.o $(OBJ) | deps
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $^ $(LDFLAGS) $(LDLIBS_ALL)

fuzz-build: $(FUZZ_TARGETS:%=$(BUILD)/fuzz/fuzz_%)

fuzz:
	$(MAKE) BUILD=build-fuzz CC=$(FUZZ_CC) \
	  EXTRA_CFLAGS="-O1 -fsanitize=fuzzer-no-link $(FUZZ_SAN)" \
	  LDFLAGS="$(FUZZ_SAN)" fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p build-fuzz/corpus/$$t build-fuzz/crashes; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  build-fuzz/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
	    -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
	    -artifact_prefix=build-fuzz/crashes/$$t- \
	    build-fuzz/corpus/$$t tests/fuzz/corpus/$$t || exit 1; \
	done

-include $(FUZZ_OBJ:.o=.d) $(BUILD)/fuzz/replay.d

# --- hostile input (tests/hostile/, docs/hardening.md) -----------------------
#   make check-hostile   escaping in every export, raw HTML, atomic output
#                        under faults and signals, bad input (part of check)
#   make check-valgrind  the sample and hostile builds under memcheck: no
#                        invalid access, no definite or indirect leak
# (memcheck puts its own malloc in place of mimalloc's: the synonym)
VALGRIND ?= valgrind --quiet --soname-synonyms=somalloc=libmimalloc.so* \
            --leak-check=full --show-leak-kinds=definite,indirect \
            --errors-for-leak-kinds=definite,indirect --error-exitcode=99

check-hostile: bin/annals
	sh tests/hostile/run.sh bin/annals

check-valgrind: bin/annals
	rm -rf $(BUILD)/valgrind && mkdir -p $(BUILD)/valgrind
	$(VALGRIND) bin/annals build --source . --output $(BUILD)/valgrind/sample --quiet
	$(VALGRIND) bin/annals build --source tests/hostile --output $(BUILD)/valgrind/hostile --quiet
	$(VALGRIND) bin/annals tag --dct 2025-11-11 content/$(notdir $(firstword $(wildcard content/*.md))) >/dev/null
	@echo "valgrind: clean"
