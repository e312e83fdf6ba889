#!/usr/bin/env bash
# Usage: fetch-images.sh SET_DIR. Fetches the images of SET_DIR/manifest.csv from the Debian
# packages it names (apt-get download, no root needed) into SET_DIR/images/, which git ignores
# (eval/medium and eval/statements call it): a set is megabytes of
# other projects' files, so the repository keeps only the list, the labels and the licences.
# Rows whose file lies outside images/ are already in the repository. Needs Debian's apt and
# python3; run it once, then `promptlens eval` on the set's CSV.
set -euo pipefail

here="$(cd "$1" && pwd)"
name="eval/$(basename "$here")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$here/manifest.csv" > "$work/rows.tsv" <<'PY'
import csv, sys
for r in csv.DictReader(open(sys.argv[1])):
    if r["file"].startswith("images/"):
        print("\t".join([r["package"], r["version"], r["source"], r["file"]]))
PY

cut -f1,2 "$work/rows.tsv" | sort -u | while IFS=$'\t' read -r package version; do
  if awk -F'\t' -v p="$package" '$1 == p' "$work/rows.tsv" | cut -f4 |
    while read -r file; do [ -f "$here/$file" ] || exit 1; done; then
    echo "$name: $package: all files present"
    continue
  fi
  echo "$name: fetching $package $version"
  (cd "$work" && apt-get download -q "$package=$version" >/dev/null)
  mkdir -p "$work/$package"
  dpkg-deb -x "$work"/"${package}"_*.deb "$work/$package"
  awk -F'\t' -v p="$package" '$1 == p' "$work/rows.tsv" | while IFS=$'\t' read -r _ _ source file; do
    mkdir -p "$(dirname "$here/$file")"
    cp "$work/$package$source" "$here/$file"
  done
  rm -rf "${work:?}/$package" "$work"/"${package}"_*.deb
done
echo "$name: $(wc -l < "$work/rows.tsv") images in $here/images"
