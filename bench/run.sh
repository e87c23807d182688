#!/bin/sh
# bench/run.sh - annals against Hugo on the same synthetic corpus, in one run.
#
#   sh bench/run.sh [ANNALS_BIN] [SIZES] [RUNS]
#   (defaults: bin/annals, "1000 10000 30000", 3)
#
# For each N it generates the corpus (bench/gen.py N, seed 1) into
# $BENCH_DIR/N (default /tmp/annals-bench), then builds it RUNS times with
# annals, with Hugo (Debian's hugo, the same folder, bench/hugo/ layout) and
# with the floor (bench/cmark_floor.c: libcmark alone rendering the same
# bodies in one process), each into a fresh output folder, and prints the
# medians of wall time, CPU time (user + system) and peak memory
# (/usr/bin/time -v), and the ratios annals/Hugo and annals/floor.  Full
# builds use --no-cache and a fresh output folder; the "rebuild" row is a
# build after one article was edited, with the analysis cache and the
# previous output in place (incremental); the "same" row a build with
# nothing changed since the last (the timeline read from its cache).
# As root it installs hugo and time with apt-get when they are missing.
# BENCH_OUT is the folder the builds write (default $BENCH_DIR/out), deleted
# before every run: on a file system that skips recently freed inodes when
# it allocates new ones (ext4 without a journal, as on the guest of
# docs/performance.md), the files of a build made just after the last
# output was deleted cost time in the kernel that grows with the square of
# their number; a tmpfs folder (BENCH_OUT=/dev/shm/annals-out) leaves that
# out for both tools.
# Results for docs/performance.md: paste the table with `nproc`, the CPU
# model and the date, which it prints first.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
annals=${1:-bin/annals}
sizes=${2:-1000 10000 30000}
runs=${3:-3}
dir=${BENCH_DIR:-/tmp/annals-bench}
out=${BENCH_OUT:-$dir/out}
case $annals in /*) ;; *) annals=$(pwd)/$annals ;; esac

need() {
	command -v "$1" >/dev/null 2>&1 && return 0
	if [ "$(id -u)" = 0 ]; then
		apt-get install -y "$2" >/dev/null
	else
		echo "bench: $1 is missing; run: sudo apt-get install $2" >&2
		exit 1
	fi
}
need hugo hugo
[ -x /usr/bin/time ] || need /usr/bin/time time
need python3 python3
need cc build-essential

mkdir -p "$dir"
# the analysis cache of the rebuild runs stays with the benchmark
XDG_CACHE_HOME=$dir/cache
export XDG_CACHE_HOME
floor=$dir/cmark_floor
cc -O2 -o "$floor" "$here/cmark_floor.c" $(pkg-config --cflags --libs libcmark)

mkdir -p "$out"
echo "output: $out ($(stat -f -c %T "$out"))"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr)"
echo "date: $(date -u +%Y-%m-%d)  annals: $("$annals" --version)  $(hugo version | cut -d' ' -f1-2)"

# one timed run: prints "wall cpu peak_kb"
timed() {
	log=$dir/time.log
	/usr/bin/time -v -o "$log" "$@" >/dev/null 2>"$dir/stderr.log" || {
		echo "bench: failed: $*" >&2
		cat "$dir/stderr.log" >&2
		exit 1
	}
	awk -F': ' '
		/Elapsed \(wall clock\)/ { n = split($2, t, ":"); w = 0
		                           for (i = 1; i <= n; i++) w = w * 60 + t[i] }
		/User time/ { u = $2 } /System time/ { s = $2 }
		/Maximum resident/ { m = $2 }
		END { printf "%.2f %.2f %d\n", w, u + s, m }' "$log"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

medians() {
	echo "$(cut -d' ' -f1 "$dir/runs" | median) $(cut -d' ' -f2 "$dir/runs" | median) $(cut -d' ' -f3 "$dir/runs" | median)"
}

# runs a tool RUNS times; prints "wall cpu peak" medians
measure() {
	: >"$dir/runs"
	i=0
	while [ $i -lt "$runs" ]; do
		rm -rf "$out"
		timed "$@" >>"$dir/runs"
		i=$((i + 1))
	done
	medians
}

# The rebuild after one article changes: a full build first (the output
# and the analysis cache in place), then RUNS times an edit of the first
# article and a rebuild into the same folder; the article is restored.
measure_rebuild() {
	site=$1
	rm -rf "$out" "$XDG_CACHE_HOME"
	"$annals" build --source "$site" --output "$out" --quiet
	art=$(find "$site/content" -name '*.md' | LC_ALL=C sort | head -n 1)
	cp "$art" "$dir/article.bak"
	: >"$dir/runs"
	i=0
	while [ $i -lt "$runs" ]; do
		printf '\nThe council met again on Friday, officials said (edit %d).\n' "$i" >>"$art"
		timed "$annals" build --source "$site" --output "$out" --quiet >>"$dir/runs"
		i=$((i + 1))
	done
	cp "$dir/article.bak" "$art"
	medians
}

# A build with nothing changed since the last (run after measure_rebuild,
# whose restored article the first build here takes in): the analyses and
# the timeline come from the cache, the pages from the page memo.
measure_unchanged() {
	site=$1
	"$annals" build --source "$site" --output "$out" --quiet
	: >"$dir/runs"
	i=0
	while [ $i -lt "$runs" ]; do
		timed "$annals" build --source "$site" --output "$out" --quiet >>"$dir/runs"
		i=$((i + 1))
	done
	medians
}

printf '\n%-7s %-7s %9s %9s %10s\n' N tool "wall s" "cpu s" "peak MB"
for n in $sizes; do
	site=$dir/$n
	[ -f "$site/.done" ] || { python3 "$here/gen.py" "$n" "$site" 2>/dev/null && touch "$site/.done"; }
	# full builds: no analysis cache, a fresh output folder every run
	a=$(measure "$annals" build --source "$site" --output "$out" --quiet --no-cache)
	h=$(measure hugo --source "$site" --destination "$out" --quiet)
	f=$(measure "$floor" "$site")
	r=$(measure_rebuild "$site")
	u=$(measure_unchanged "$site")
	for t in "annals $a" "hugo $h" "floor $f" "rebuild $r" "same $u"; do
		set -- $t
		printf '%-7s %-7s %9.2f %9.2f %10.0f\n' "$n" "$1" "$2" "$3" "$(($4 / 1024))"
	done
	set -- $a
	aw=$1 am=$3
	set -- $h
	hw=$1 hm=$3
	set -- $f
	fw=$1
	set -- $r
	rw=$1
	awk -v n="$n" -v aw="$aw" -v hw="$hw" -v am="$am" -v hm="$hm" -v fw="$fw" -v rw="$rw" 'BEGIN {
		printf "%-7s ratio   annals/hugo wall %.2f, peak %.2f; annals/floor wall %.1f; rebuild/full %.2f\n",
		       n, aw / hw, am / hm, aw / (fw > 0 ? fw : 0.01), rw / aw }'
done
