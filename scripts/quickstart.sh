#!/bin/sh
# The README's first command: make sure the build tools and libraries are
# present (installing them with apt-get when run as root), build annals and
# generate the sample site into public/.
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh
make site
echo "annals: open $(pwd)/public/index.html"
