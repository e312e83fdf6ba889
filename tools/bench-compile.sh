#!/usr/bin/env bash
# Usage: tools/bench-compile.sh [-r RUNS] [-w WARMUP_SECONDS] [-u] [-j "JVM OPTIONS"] JAR...
#
# Loads the JSON compile endpoint (POST /api/v1/prompts with an analysisId: a stored analysis
# compiled again, no image analysis) of each app jar with wrk, the method of the README's "Load"
# section: wrk 1 thread, 16 connections, a 10 s warm-up, then three 10 s rounds; H2 (the default
# store) in a fresh temporary folder, the anonymous limits lifted, loopback only. With several jars
# (e.g. the commit before a change, then this checkout's app/target/promptlens-app.jar) each run
# goes through every jar in turn, so they all see the same machine load; RUNS runs (default 1).
# On a loaded machine the JIT is still compiling after 10 s (its CPU counts as the server's): -w
# lengthens the warm-up. With -u every request differs (controls.avoid names a word that is not in
# the prompt, "w1", "w2", ...), so no compiled prompt is ever asked for twice: the cost of a compile
# that nothing held can answer.
#
# Per jar it prints the median over all rounds of req/s, wrk's p50 and p99, the server's CPU time
# per request (utime + stime of the app process over the round, from /proc), the share of it spent
# by the JIT compiler threads (a one-off cost that a starved machine stretches over the rounds),
# each round's CPU per request without it, the ratio of the req/s median to the first jar's and
# the app's peak resident memory (VmHWM).
# Non-2xx answers are counted and printed: they must be 0.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
warmup=10
unique=0
# shellcheck source=tools/app-bench-lib.sh
. "$here/tools/app-bench-lib.sh"
while getopts "r:w:uj:" opt; do
  case "$opt" in
    u) unique=1 ;;
    *) common_option "$opt" || exit 2 ;;
  esac
done
shift $((OPTIND - 1))
image="$here/eval/images/opencv-HappyFish.jpg"
[ $# -ge 1 ] || { sed -n 2,20p "$0"; exit 2; }

for run in $(seq 1 "$runs"); do
  for jar in "$@"; do
    start_fresh_app "$jar" "$run"
    base="http://127.0.0.1:$port"
    seeded="$(curl -sf -F target=flux -F "image=@$image;type=image/jpeg" "$base/api/v1/prompts")"
    analysis="$(printf '%s' "$seeded" | python3 -c 'import json,sys; print(json.load(sys.stdin)["analysisId"])')"
    cat >"$work/compile.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"analysisId": "$analysis", "target": "flux"}'
LUA
    if [ "$unique" = 1 ]; then
      cat >>"$work/compile.lua" <<LUA
local n = 0
request = function()
  n = n + 1
  return wrk.format(nil, nil, nil,
    '{"analysisId": "$analysis", "target": "flux", "controls": {"avoid": ["w' .. n .. '"]}}')
end
LUA
    fi
    # One answer checked by hand: 201 with a prompt, so wrk measures the real thing.
    status="$(curl -s -o "$work/one.json" -w '%{http_code}' -H 'Content-Type: application/json' \
      -d "{\"analysisId\": \"$analysis\", \"target\": \"flux\"}" "$base/api/v1/prompts")"
    [ "$status" = 201 ] || { echo "compile answered $status: $(cat "$work/one.json")" >&2; exit 1; }
    wrk -t1 -c16 -d"${warmup}s" -s "$work/compile.lua" "$base/api/v1/prompts" >/dev/null
    measure_rounds "$jar" "$run" 16 "$work/compile.lua" "$base/api/v1/prompts"
    stop_fresh_app
  done
done

print_summary "$results" "$@"
