#!/bin/sh
# tests/browser/serve.sh - live reload in a real browser: makes a site with
# `annals new site`, starts `annals serve --port 0` on it, and runs
# serve.mjs through run.sh (which installs Chromium and playwright-core
# first); stops the server with SIGINT at the end.
#
#   sh tests/browser/serve.sh PATH/TO/annals WORK_DIR
set -eu
if [ $# -ne 2 ]; then
	echo "usage: sh tests/browser/serve.sh PATH/TO/annals WORK_DIR" >&2
	exit 2
fi
ANNALS=$1
W=$2
HERE=$(cd "$(dirname "$0")" && pwd)
rm -rf "$W"
mkdir -p "$W"
"$ANNALS" new site "$W/site" 2>/dev/null
"$ANNALS" serve --source "$W/site" --port 0 >"$W/serve.out" 2>"$W/serve.err" &
PID=$!
trap 'kill -INT $PID 2>/dev/null; wait $PID 2>/dev/null' EXIT
i=0
until grep -qs 'serving http://' "$W/serve.out"; do
	i=$((i + 1))
	if [ "$i" -gt 200 ] || ! kill -0 "$PID" 2>/dev/null; then
		echo "browser serve: the server did not start" >&2
		cat "$W/serve.err" >&2
		exit 1
	fi
	sleep 0.1
done
URL=$(sed -n 's|^annals: serving \(http://[^ ]*\)/ .*|\1|p' "$W/serve.out")
ANNALS_BROWSER_TEST=serve.mjs sh "$HERE/run.sh" "$URL" "$W/site"
