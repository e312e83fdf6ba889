#!/usr/bin/env bash
# Usage: tools/garden-images.sh OUT_DIR
# Writes the benchmark's photo without text, eval/images/mate-Garden.jpg (1024 × 640), enlarged to
# about 1, 4, 12, 24 and 48 megapixels (garden-1mp.jpg 1264 × 790, garden-4mp.jpg 2528 × 1580,
# garden-12mp.jpg 4384 × 2740, garden-24mp.jpg 6200 × 3875, garden-48mp.jpg 8768 × 5480; Lanczos,
# JPEG quality 92) with ImageMagick, so that every run of tools/bench-against.sh times the same
# files.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$1"
mkdir -p "$out"
for size in 1:1264x790 4:2528x1580 12:4384x2740 24:6200x3875 48:8768x5480; do
  convert "$here/eval/images/mate-Garden.jpg" -filter Lanczos -resize "${size#*:}!" -quality 92 \
    -strip "$out/garden-${size%%:*}mp.jpg"
done
