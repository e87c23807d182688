#!/bin/sh
# Make sure the build dependencies of annals are present.
# Installs the missing Debian -dev packages with apt-get when run as root;
# otherwise prints the exact apt-get line to run and exits non-zero.
set -eu

# pkg-config module -> Debian package that provides it
deps="libcmark:libcmark-dev lua5.4:liblua5.4-dev libgit2:libgit2-dev yaml-0.1:libyaml-dev check:check libmicrohttpd:libmicrohttpd-dev"
missing=""

if ! command -v pkg-config >/dev/null 2>&1; then
	missing="pkg-config"
fi
for d in $deps; do
	mod=${d%%:*}
	pkg=${d#*:}
	if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists "$mod"; then
		missing="$missing $pkg"
	fi
done
# mimalloc has no pkg-config module: ask the compiler (Makefile, MALLOC)
if command -v cc >/dev/null 2>&1 &&
	! printf 'int main(void){return 0;}\n' | cc -x c - -o /dev/null -lmimalloc 2>/dev/null; then
	missing="$missing libmimalloc-dev"
fi
for tool in cc make; do
	command -v "$tool" >/dev/null 2>&1 || missing="$missing build-essential"
done
# tests/e2e_serve.sh talks to `annals serve` with curl
command -v curl >/dev/null 2>&1 || missing="$missing curl"
missing=$(echo $missing | tr ' ' '\n' | sort -u | tr '\n' ' ')
missing=${missing% }

if [ -z "$missing" ]; then
	exit 0
fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "annals: installing missing build dependencies: $missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2 || true
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >&2
	exit 0
fi

echo "annals: missing build dependencies: $missing" >&2
echo "annals: install them with:" >&2
echo "    sudo apt-get install $missing" >&2
exit 1
