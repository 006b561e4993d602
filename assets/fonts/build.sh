#!/bin/sh
# Rebuild the embedded default faces (maintainers only; see build.py).
# Needs Debian's fonts-noto-cjk and python3-fonttools:
#   apt-get install fonts-noto-cjk python3-fonttools
set -eu
cd "$(dirname "$0")"
exec /usr/bin/python3 build.py "$@"
