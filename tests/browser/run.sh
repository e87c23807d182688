#!/bin/sh
# tests/browser/run.sh - the browser tests of the generated site (see
# run.mjs), with what they need installed first: Debian's chromium and a
# Java runtime (with apt-get when root, else the apt-get line to run), and
# playwright-core, vnu-jar and axe-core from package-lock.json into
# tests/browser/node_modules.
#
#   sh tests/browser/run.sh SITE_DIR [SHOTS_DIR]
#
# SITE_DIR is a site built by annals; SHOTS_DIR (default: a temporary
# folder) receives the screenshots.  Nothing is fetched at test time: the
# npm packages ship everything (vnu-jar's postinstall, which would download
# a Java runtime, is skipped with --ignore-scripts).  ANNALS_BROWSER_TEST=NAME.mjs
# runs another test of this folder (hostile.sh runs hostile.mjs) instead.
set -eu

if [ $# -lt 1 ]; then
	echo "usage: sh tests/browser/run.sh SITE_DIR [SHOTS_DIR]" >&2
	exit 2
fi
HERE=$(cd "$(dirname "$0")" && pwd)

missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
if [ -n "$missing" ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "browser tests: installing$missing" >&2
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq >&2 || true
		# shellcheck disable=SC2086
		apt-get install -y -qq --no-install-recommends $missing >&2
	else
		echo "browser tests: missing$missing; install with:" >&2
		echo "    sudo apt-get install$missing" >&2
		exit 1
	fi
fi

# Node 20 or newer: playwright-core needs it.
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
	echo "browser tests: node $(node --version) is too old; playwright-core needs 20 or newer" >&2
	exit 1
fi

# npm ci only when node_modules does not match the lock file.
stamp="$HERE/node_modules/.package-lock.json"
if [ ! -f "$stamp" ] || ! cmp -s "$HERE/package-lock.json" "$HERE/node_modules/.annals-lock"; then
	(cd "$HERE" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
	cp "$HERE/package-lock.json" "$HERE/node_modules/.annals-lock"
fi

exec node "$HERE/${ANNALS_BROWSER_TEST:-run.mjs}" "$@"
