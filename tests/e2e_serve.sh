#!/bin/sh
# tests/e2e_serve.sh - the writer's workflow end to end: `annals new site`,
# `annals new article`, `annals check`, the per-command --help, and
# `annals serve` on a free loopback port: the page is served with the
# live-reload script, an edit shows up and the event stream announces the
# reload, a front matter error shows as an overlay while the last good
# site is still served, fixing it clears it, and SIGINT stops the server
# with exit status 0 and no temporary folder left.
#
#   sh tests/e2e_serve.sh bin/annals      (tests/e2e.sh runs it at its end)
#
# The server is asynchronous, so every wait is a poll bounded by
# E2E_SERVE_WAIT seconds (default 20: ASan builds are slow); nothing
# sleeps for a fixed time to "let it settle".

set -u

if [ $# -ne 1 ]; then
	echo "usage: sh tests/e2e_serve.sh PATH/TO/annals" >&2
	exit 2
fi
case $1 in
/*) ANNALS=$1 ;;
*) ANNALS=$(pwd)/$1 ;;
esac
[ -x "$ANNALS" ] || { echo "e2e_serve: $ANNALS is not an executable" >&2; exit 1; }
WAIT=${E2E_SERVE_WAIT:-20}

if ! command -v curl >/dev/null 2>&1; then
	echo "e2e_serve: curl is not installed (scripts/setup.sh installs it); serve cases skipped"
	exit 0
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/annals-e2e-serve.XXXXXX") || exit 1
PID=""
SSE=""
cleanup() {
	[ -n "$SSE" ] && kill "$SSE" 2>/dev/null
	[ -n "$PID" ] && kill -KILL "$PID" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

STEP=""
step() {
	STEP=$*
	printf 'e2e_serve: %s\n' "$STEP"
}

fail() {
	{
		printf 'e2e_serve: FAIL (%s): %s\n' "$STEP" "$*"
		for f in stderr stdout serve.err serve.out sse body; do
			if [ -s "$T/$f" ]; then
				echo "--- $f (last 30 lines):"
				tail -n 30 "$T/$f"
			fi
		done
	} >&2
	exit 1
}

run() {
	"$ANNALS" "$@" >"$T/stdout" 2>"$T/stderr"
	rc=$?
}
expect_rc() {
	[ "$rc" -eq "$1" ] || fail "exit status $rc, expected $1"
}
has() { # FILE STRING
	grep -qF -- "$2" "$1" || fail "$(basename "$1") lacks '$2'"
}
lacks() { # FILE STRING
	if grep -qF -- "$2" "$1"; then fail "$(basename "$1") contains '$2'"; fi
}

# wait_for DESCRIPTION COMMAND...: polls COMMAND every 0.1 s for $WAIT s.
wait_for() {
	what=$1
	shift
	i=0
	while ! "$@"; do
		i=$((i + 1))
		[ "$i" -le $((WAIT * 10)) ] || fail "timed out after ${WAIT} s waiting for $what"
		if [ -n "$PID" ] && ! kill -0 "$PID" 2>/dev/null; then
			fail "the server exited while waiting for $what"
		fi
		sleep 0.1
	done
}

# get PATH: the body into $T/body, the status code into $code.
get() {
	code=$(curl -s -o "$T/body" -w '%{http_code}' --max-time 10 "$URL$1") || code=000
}
page_has() { # PATH STRING
	get "$1" && [ "$code" = 200 ] && grep -qF -- "$2" "$T/body"
}
status_has() { # STRING: in /__annals/status
	get /__annals/status && grep -qF -- "$1" "$T/body"
}

# ---- help, new, check ---------------------------------------------------------

step "every command has --help"
for c in build serve new check diff publish tag timeline; do
	run "$c" --help
	expect_rc 0
	has "$T/stdout" "usage: annals $c"
done
run help serve
expect_rc 0
has "$T/stdout" "--port"

step "new site makes a site that checks clean and builds"
run new site "$T/site"
expect_rc 0
[ -f "$T/site/annals.yaml" ] || fail "no annals.yaml"
[ -d "$T/site/themes" ] || fail "no themes/"
ls "$T/site/content/"*-welcome.md >/dev/null 2>&1 || fail "no example article"
run check --source "$T/site"
expect_rc 0
has "$T/stderr" "0 errors, 0 warnings"
run build --source "$T/site" --output "$T/site-out" --quiet
expect_rc 0
has "$T/site-out/articles/welcome.html" "Welcome to your timeline"

step "new site refuses a folder that is not empty"
run new site "$T/site"
expect_rc 1
has "$T/stderr" "not an empty folder"

step "new article prints the file it wrote, with its front matter"
run new article --source "$T/site" --date 2025-03-04 "Rates rise: what Müller said"
expect_rc 0
ART=$(cat "$T/stdout")
[ "$ART" = "$T/site/content/2025-03-04-rates-rise-what-muller-said.md" ] || fail "wrote '$ART'"
has "$ART" 'title: "Rates rise: what Müller said"'
has "$ART" "date: 2025-03-04"
has "$ART" "slug: rates-rise-what-muller-said"
run new article --source "$T/site" --date 2025-03-04 "Rates rise: what Müller said"
expect_rc 1
has "$T/stderr" "never overwrites"
rm -f "$ART"

step "check finds an error, exits 1, and speaks JSON"
printf -- '---\ntitle: "No date"\n---\n\nSee [the other](missing.md).\n' >"$T/site/content/nodate.md"
run check --source "$T/site"
expect_rc 1
has "$T/stdout" "content/nodate.md:1: error: no 'date'"
has "$T/stdout" "content/nodate.md:5: error: link to 'missing.md'"
lacks "$T/stdout" "$(printf '\033')"
run check --source "$T/site" --json
expect_rc 1
has "$T/stdout" '"errors":2'
has "$T/stdout" '"code":"broken-link"'
rm -f "$T/site/content/nodate.md"

# ---- serve --------------------------------------------------------------------

step "serve: when the first build fails, every page says so until it is fixed"
mkdir -p "$T/tmp" "$T/first/content"
printf -- '---\ntitle: [unclosed\n---\n' >"$T/first/content/a.md"
TMPDIR="$T/tmp" "$ANNALS" serve --source "$T/first" --port 0 >"$T/serve.out" 2>"$T/serve.err" &
PID=$!
wait_for "the URL" grep -qs 'serving http://' "$T/serve.out"
URL=$(sed -n 's|^annals: serving \(http://[^ ]*\)/ .*|\1|p' "$T/serve.out")
get /
[ "$code" = 503 ] || fail "GET / gave $code before any good build"
has "$T/body" 'id="annals-error"'
has "$T/body" "content/a.md:"
has "$T/serve.err" "no site to serve until the error is fixed"
printf -- '---\ntitle: "Fixed"\ndate: 2025-01-02\n---\n\nIt rained on 1 January 2025.\n' \
	>"$T/first/content/a.md"
wait_for "the first good build" page_has / "It rained"
kill -TERM "$PID"
wait "$PID"
rc=$?
PID=""
[ "$rc" -eq 0 ] || fail "exit status $rc after SIGTERM, expected 0"

step "serve: bad options are usage errors"
run serve --port 70000
expect_rc 2
run serve --bind not-an-address --source "$T/site"
expect_rc 1
has "$T/stderr" "not an IPv4 or IPv6 address"

step "serve --port 0 picks a free loopback port and prints it"
# emptied here, not only by the background job's redirection: that one runs
# in the child, and wait_for could read the first server's line before it
: >"$T/serve.out"
: >"$T/serve.err"
TMPDIR="$T/tmp" "$ANNALS" serve --source "$T/site" --port 0 >"$T/serve.out" 2>"$T/serve.err" &
PID=$!
wait_for "the URL" grep -qs 'serving http://' "$T/serve.out"
URL=$(sed -n 's|^annals: serving \(http://[^ ]*\)/ .*|\1|p' "$T/serve.out")
case $URL in
http://127.0.0.1:[0-9]*) ;;
*) fail "printed '$URL'" ;;
esac
PORT=${URL##*:}
[ "$PORT" -gt 0 ] || fail "port $PORT"

step "serve: the page comes with the live-reload script, only when served"
get /
[ "$code" = 200 ] || fail "GET / gave $code"
has "$T/body" "Welcome to your timeline"
has "$T/body" '<script src="/__annals/live.js" data-generation="1"'
run build --source "$T/site" --output "$T/plain-out" --quiet
if grep -rqF "__annals" "$T/plain-out"; then fail "annals build injected the script"; fi
get /__annals/live.js
[ "$code" = 200 ] || fail "live.js gave $code"
has "$T/body" "EventSource"
get /articles/welcome.html
[ "$code" = 200 ] || fail "an article page gave $code"
get /style.css
[ "$code" = 200 ] || fail "style.css gave $code"
lacks "$T/body" "__annals"
get /no/such/page.html
[ "$code" = 404 ] || fail "a missing page gave $code"
code=$(curl -s -o /dev/null -w '%{http_code}' --path-as-is "$URL/../../../etc/passwd")
[ "$code" = 404 ] || [ "$code" = 400 ] || fail "a path out of the site gave $code"
code=$(curl -s -o /dev/null -w '%{http_code}' "$URL/articles")
[ "$code" = 301 ] || fail "a folder without its slash gave $code"

step "serve: the event stream says hello"
curl -sN --max-time 120 "$URL/__annals/events" >"$T/sse" 2>/dev/null &
SSE=$!
wait_for "the hello event" grep -qs '^event: hello' "$T/sse"
has "$T/sse" '"generation":1,"ok":true'

step "serve: an edit is rebuilt, served, and announced after the build"
printf '\nThe zebracorn arrived on 2 January 2026.\n' >>"$(ls "$T/site/content/"*-welcome.md)"
wait_for "the edit on the article page" page_has /articles/welcome.html zebracorn
wait_for "the reload event" grep -q '^event: reload' "$T/sse"
has "$T/sse" '"generation":2,"ok":true'
has "$T/serve.err" "changed: content/"
status_has '"generation":2,"ok":true'

step "serve: a front matter error is an overlay; the last good site stays"
printf -- '---\ntitle: [unclosed\ndate: 2025-01-01\n---\n\nText.\n' >"$T/site/content/broken.md"
wait_for "the failed build" status_has '"ok":false'
wait_for "the failed event" grep -q '^event: failed' "$T/sse"
get /articles/welcome.html
[ "$code" = 200 ] || fail "the last good page gave $code"
has "$T/body" "zebracorn"
has "$T/body" 'id="annals-error"'
has "$T/body" "content/broken.md:"
has "$T/serve.err" "build failed"
has "$T/serve.err" "still serving the last good site"

step "serve: fixing the error clears the overlay and reloads"
rm -f "$T/site/content/broken.md"
wait_for "the good build" status_has '"generation":3,"ok":true'
get /articles/welcome.html
lacks "$T/body" 'id="annals-error"'
n=$(grep -c '^event: reload' "$T/sse")
[ "$n" -ge 2 ] || fail "$n reload events, expected 2"

step "serve: a second server on the same port fails cleanly"
run serve --source "$T/site" --port "$PORT"
expect_rc 1
has "$T/stderr" "cannot listen"

step "serve: SIGINT stops it cleanly, with nothing left behind"
kill -INT "$PID"
i=0
while kill -0 "$PID" 2>/dev/null; do
	i=$((i + 1))
	[ "$i" -le $((WAIT * 10)) ] || fail "still running ${WAIT} s after SIGINT"
	sleep 0.1
done
wait "$PID"
rc=$?
PID=""
[ "$rc" -eq 0 ] || fail "exit status $rc after SIGINT, expected 0"
has "$T/serve.err" "stopping"
left=$(ls -A "$T/tmp")
[ -z "$left" ] || fail "left in TMPDIR: $left"
wait "$SSE" 2>/dev/null
SSE=""

echo "e2e_serve: all passed"
