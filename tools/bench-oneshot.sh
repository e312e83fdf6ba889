#!/usr/bin/env bash
# Usage: tools/bench-oneshot.sh BASELINE_CHECKOUT [ROUNDS] IMAGE [DESCRIBE OPTIONS...]
# Times a one-shot `./promptlens describe IMAGE` from a cold JVM (issue 17's goal: at most 1.5 s
# wall with all models) for this checkout's launcher and another checkout's, e.g. the commit
# before a change (built, with its launcher's stamp newer than its sources so that it does not
# build again), alternating, ROUNDS rounds (default 5). Each launcher runs once untimed first, so
# its AppCDS archive and flat class path exist, as they do after a user's first run. Prints per
# build the median and range of wall time and the median CPU (user + sys of the process and its
# children) and the load average during the runs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
base="$(cd "$1" && pwd)"
shift
rounds=5
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then
  rounds="$1"
  shift
fi
python3 - "$base" "$here" "$rounds" "$@" <<'PY'
import os, resource, statistics, subprocess, sys, time
base, new, rounds, args = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
builds = {"baseline": base, "new": new}

def once(checkout):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([os.path.join(checkout, "promptlens"), "describe", *args], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, os.getloadavg()[0]

for checkout in builds.values():
    once(checkout)
runs = {name: [] for name in builds}
for _ in range(rounds):
    for name, checkout in builds.items():
        runs[name].append(once(checkout))
print("| build | wall s, median (range) | CPU s (user + sys), median |")
print("|---|---:|---:|")
first = None
for name, rows in runs.items():
    wall = statistics.median(r[0] for r in rows)
    first = first or wall
    print("| %s | %.2f (%.2f–%.2f), %.2f× | %.2f |" % (
        name, wall, min(r[0] for r in rows), max(r[0] for r in rows), wall / first,
        statistics.median(r[1] for r in rows)))
loads = [r[2] for rows in runs.values() for r in rows]
print("\nload average (1 min) during the runs: %.1f–%.1f" % (min(loads), max(loads)))
PY
