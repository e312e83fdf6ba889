#!/usr/bin/env bash
# Usage: tools/bench-analyze-server.sh [-r RUNS] [-w WARMUP_SECONDS] [-c CONNECTIONS] [-i IMAGE]
#        [-j "JVM OPTIONS"] JAR...
#
# Loads the analysis upload (multipart POST /api/v1/analyses: decode, every neural model, the
# measured analyzers, one row stored) of each app jar with wrk, the goal of issue 17 being at least
# 10 analyses a second of a 1 MP photo on 2 cores within 1.5 GB resident. wrk 1 thread, CONNECTIONS
# connections (default 4: the default admission of 2 cores lets 2 run and 4 wait, so 4 keep both
# slots busy and none is turned away), a WARMUP_SECONDS warm-up (default 20), then three 10 s rounds;
# H2 in a fresh temporary folder, the anonymous limits lifted, loopback only. IMAGE defaults to the
# 1 MP garden photo of tools/garden-images.sh (made into a temporary folder). JVM OPTIONS default
# to -Xmx1g, the heap `promptlens serve` gives the app (-j "" for the JVM's own). With several jars (e.g. the
# commit before a change, then app/target/promptlens-app.jar) each run starts every jar in turn, so
# they all see the same machine load; RUNS runs (default 1).
#
# Per jar it prints (tools/app-bench-lib.sh's table) the median over all rounds of requests per
# second (analyses: each answer is one, and the non-2xx column must be 0 for the rate to count),
# wrk's p50 and p99, the server's CPU time per analysis (utime + stime of the app process over the
# round, from /proc) with its JIT share, and the peak resident memory of the app process (VmHWM
# from /proc/PID/status after each round: start-up, models and all rounds so far). Needs wrk,
# curl, python3 and, without -i, ImageMagick.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
warmup=20
connections=4
image=""
# shellcheck source=tools/app-bench-lib.sh
. "$here/tools/app-bench-lib.sh"
while getopts "r:w:c:i:j:" opt; do
  case "$opt" in
    c) connections="$OPTARG" ;;
    i) image="$OPTARG" ;;
    *) common_option "$opt" || exit 2 ;;
  esac
done
shift $((OPTIND - 1))
command -v wrk >/dev/null || { echo "bench-analyze-server: needs wrk (Debian package wrk)" >&2; exit 2; }
[ $# -ge 1 ] || { sed -n 2,21p "$0"; exit 2; }

if [ -z "$image" ]; then
  "$here/tools/garden-images.sh" "$work/garden"
  image="$work/garden/garden-1mp.jpg"
fi
image="$(cd "$(dirname "$image")" && pwd)/$(basename "$image")"

# The whole multipart body is built once from the file's bytes; every request sends it again.
cat >"$work/analyze.lua" <<LUA
local file = assert(io.open("$image", "rb"))
local bytes = file:read("*all")
file:close()
local boundary = "promptlens-bench-boundary"
wrk.method = "POST"
wrk.headers["Content-Type"] = "multipart/form-data; boundary=" .. boundary
wrk.body = "--" .. boundary .. "\r\n"
  .. 'Content-Disposition: form-data; name="image"; filename="image.jpg"\r\n'
  .. "Content-Type: image/jpeg\r\n\r\n" .. bytes .. "\r\n--" .. boundary .. "--\r\n"
LUA

for run in $(seq 1 "$runs"); do
  for jar in "$@"; do
    start_fresh_app "$jar" "$run"
    url="http://127.0.0.1:$port/api/v1/analyses"
    # One answer checked by hand: 201 with the neural models' provenance, so wrk measures the
    # whole analysis and not a rejection or a run without models.
    status="$(curl -s -o "$work/one.json" -w '%{http_code}' -F "image=@$image;type=image/jpeg" "$url")"
    [ "$status" = 201 ] || { echo "analysis answered $status: $(head -c 400 "$work/one.json")" >&2; exit 1; }
    grep -q '"safety"' "$work/one.json" || { echo "the analysis holds no safety verdict" >&2; exit 1; }
    wrk -t1 -c"$connections" -d"${warmup}s" -s "$work/analyze.lua" "$url" >/dev/null
    measure_rounds "$jar" "$run" "$connections" "$work/analyze.lua" "$url"
    stop_fresh_app
  done
done

print_summary "$results" "$@"
