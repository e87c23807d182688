#!/bin/sh
# End-to-end tests; filled in as commands land.
exit 0
