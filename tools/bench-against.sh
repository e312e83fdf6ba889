#!/usr/bin/env bash
# Usage: tools/bench-against.sh BASELINE_CLI_JAR [ROUNDS] IMAGE...
# Times this checkout's CLI (cli/target/promptlens-cli.jar) against another build of it, e.g. the
# commit before a change, in the same run: for each round and image the two run `bench --json`
# one after the other, so both see the same machine load. Prints, per image and build, the median
# over rounds of the stage medians (ms) that the README's speed table shows ("measured": the
# measured analyzers' stages added up, each timed in turn), and new / baseline.
# NEW_MODELS_DIR, when set, is passed to this checkout's build only as --models-dir (for a
# converter change: the baseline keeps the store its converter version reads). The table has
# neural.centernet too.
# WARMUP (default 10) untimed runs come first in each JVM: with 3, the measured analyzers' Java code
# is still being compiled during the timed runs, while ImageIO's decode is native from the first
# run, so the ratio to the full decode measured the JIT more than the analysis
# (docs/performance.md, "What an analysis costs").
# Build the baseline with: git worktree add /tmp/base HEAD~1 && (cd /tmp/base && mvn -B -q
# -DskipTests package -pl cli -am), then pass /tmp/base/cli/target/promptlens-cli.jar.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
base="$1"
shift
rounds=3
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then
  rounds="$1"
  shift
fi
new="$here/cli/target/promptlens-cli.jar"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
for round in $(seq 1 "$rounds"); do
  for image in "$@"; do
    for build in baseline new; do
      jar="$base"
      models=()
      if [ "$build" = new ]; then
        jar="$new"
        if [ -n "${NEW_MODELS_DIR:-}" ]; then
          models=(--models-dir "$NEW_MODELS_DIR")
        fi
      fi
      line="$(java -jar "$jar" bench --json --warmup "${WARMUP:-10}" --runs 7 "${models[@]+"${models[@]}"}" "$image")"
      printf '%s\t%s\t%s\n' "$build" "$(cut -d' ' -f1 /proc/loadavg)" "$line" >> "$out"
    done
  done
done
python3 - "$out" <<'PY'
import json, statistics, sys
rows = {}
loads = []
for line in open(sys.argv[1]):
    build, load, js = line.rstrip("\n").split("\t", 2)
    loads.append(float(load))
    d = json.loads(js)
    # Builds before "neural" was a stage: the sum of the models' stages.
    d["stages"].setdefault(
        "neural", sum(v for k, v in d["stages"].items() if k.startswith("neural.")))
    # Builds before the measured analyzers ran beside the models: the whole analysis was in turn.
    d["stages"].setdefault("inTurn", d["stages"]["total"])
    # The measured analyzers together (their stages in turn), beside the models' "neural".
    d["stages"]["measured"] = sum(v for k, v in d["stages"].items() if k.startswith("measured."))
    rows.setdefault((d["file"], build), []).append(d["stages"])
keys = ["decodeFull", "decodeAnalysis", "total", "inTurn", "measured", "neural", "neural.ocr",
        "neural.centernet"]
print("| image | build | " + " | ".join(keys) + " | total / decodeFull |")
print("|---|---|" + "---:|" * (len(keys) + 1))
for (image, build), runs in sorted(rows.items()):
    med = {k: statistics.median(r.get(k, 0) for r in runs) for k in keys}
    other = rows.get((image, "baseline"))
    cells = []
    for k in keys:
        cell = "%.0f" % med[k]
        if build == "new" and other:
            b = statistics.median(r.get(k, 0) for r in other)
            cell += " (%.2f×)" % (med[k] / b) if b else ""
        cells.append(cell)
    print("| %s | %s | %s | %.2f |" % (image, build, " | ".join(cells), med["total"] / med["decodeFull"]))
print("\nload average during the runs: %.1f–%.1f" % (min(loads), max(loads)))
PY
