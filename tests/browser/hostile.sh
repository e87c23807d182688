#!/bin/sh
# tests/browser/hostile.sh - builds the hostile site (tests/hostile/) twice,
# as it is and with `markdown: { unsafe: true }` as a control, and runs
# hostile.mjs on both through run.sh (which installs Chromium and
# playwright-core first).
#
#   sh tests/browser/hostile.sh PATH/TO/annals WORK_DIR
set -eu
if [ $# -ne 2 ]; then
	echo "usage: sh tests/browser/hostile.sh PATH/TO/annals WORK_DIR" >&2
	exit 2
fi
ANNALS=$1
W=$2
HERE=$(cd "$(dirname "$0")" && pwd)
HOSTILE=$HERE/../hostile
rm -rf "$W"
mkdir -p "$W/unsafe-src"
"$ANNALS" build --quiet --source "$HOSTILE" --output "$W/safe"
cp -R "$HOSTILE/content" "$W/unsafe-src/"
{ cat "$HOSTILE/annals.yaml"; printf 'markdown: { unsafe: true }\n'; } >"$W/unsafe-src/annals.yaml"
"$ANNALS" build --quiet --source "$W/unsafe-src" --output "$W/unsafe"
ANNALS_BROWSER_TEST=hostile.mjs sh "$HERE/run.sh" "$W/safe" "$W/unsafe"
