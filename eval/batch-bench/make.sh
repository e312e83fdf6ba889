#!/usr/bin/env bash
# The batch benchmark's images (README, "Batch captioning"): 200 JPEGs of 1-2 MP cut from the 12
# nature photographs of Debian's mate-backgrounds (GPL-2+/CC-BY-SA, see the package's copyright
# file), into eval/batch-bench/images/ (git-ignored). Needs apt-get download and Java 17.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download -q mate-backgrounds=1.26.0-1 >/dev/null)
dpkg-deb -x "$work"/mate-backgrounds_*.deb "$work/x"
rm -rf "$here/images"
java "$here/MakeImages.java" "$work/x/usr/share/backgrounds/mate/nature" "$here/images" 200
echo "eval/batch-bench: $(ls "$here/images" | wc -l) images in $here/images"
