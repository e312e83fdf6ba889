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
# each round's CPU per request without it, and the ratio of the req/s median to the first jar's.
# Non-2xx answers are counted and printed: they must be 0.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=1
warmup=10
unique=0
jvm="-Xmx1g"
while getopts "r:w:uj:" opt; do
  case "$opt" in
    u) unique=1 ;;
    r) runs="$OPTARG" ;;
    w) warmup="$OPTARG" ;;
    j) jvm="$OPTARG" ;;
    *) exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { sed -n 2,20p "$0"; exit 2; }
image="$here/eval/images/opencv-HappyFish.jpg"
work="$(mktemp -d)"
app_pid=""
cleanup() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid"
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
ticks="$(getconf CLK_TCK)"

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

cpu_ticks() { # utime + stime of a process, in clock ticks
  awk '{print $14 + $15}' "/proc/$1/stat"
}

jit_ticks() { # utime + stime of the process's JIT compiler threads, in clock ticks
  local total=0 task
  for task in /proc/"$1"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in
      C1\ Compiler* | C2\ Compiler*) total=$((total + $(awk '{print $14 + $15}' "$task/stat"))) ;;
    esac
  done
  echo "$total"
}

start_app() { # jar data-dir -> sets app_pid and port
  port="$(free_port)"
  # shellcheck disable=SC2086
  java $jvm -Djava.awt.headless=true -jar "$1" \
    --server.port="$port" --server.address=127.0.0.1 --management.server.port=0 \
    --promptlens.data-dir="$2" --logging.level.root=warn \
    --promptlens.api.anonymous-uploads-per-minute=1000000 \
    --promptlens.billing.anonymous-per-day=1000000 >"$2.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 240); do
    if curl -sf -o /dev/null "http://127.0.0.1:$port/api/v1/targets"; then
      return 0
    fi
    kill -0 "$app_pid" 2>/dev/null || { tail -20 "$2.log"; exit 1; }
    sleep 0.5
  done
  echo "the app did not answer within 120 s" >&2
  exit 1
}

stop_app() {
  kill "$app_pid"
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
}

# wrk's report -> "req/s p50_ms p99_ms requests non2xx"
parse_wrk() {
  python3 -c '
import re, sys
t = sys.stdin.read()
def ms(v):
    n, u = re.match(r"([\d.]+)(us|ms|s)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000}[u]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
p50 = ms(re.search(r"\s50%\s+(\S+)", t).group(1))
p99 = ms(re.search(r"\s99%\s+(\S+)", t).group(1))
n = int(re.search(r"(\d+) requests in", t).group(1))
bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", t)
errs = re.search(r"Socket errors:.*", t)
print(rps, p50, p99, n, (int(bad.group(1)) if bad else 0) + (1 if errs else 0))
'
}

results="$work/results.tsv"
for run in $(seq 1 "$runs"); do
  for jar in "$@"; do
    data="$work/data-$run-$(basename "$jar" .jar)-$RANDOM"
    mkdir -p "$data"
    start_app "$jar" "$data"
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
    for round in 1 2 3; do
      before="$(cpu_ticks "$app_pid")"
      jit_before="$(jit_ticks "$app_pid")"
      line="$(wrk -t1 -c16 -d10s --latency -s "$work/compile.lua" "$base/api/v1/prompts" | parse_wrk)"
      after="$(cpu_ticks "$app_pid")"
      jit_after="$(jit_ticks "$app_pid")"
      read -r rps p50 p99 n bad <<<"$line"
      cpu_ms="$(python3 -c "print(($after - $before) * 1000 / $ticks / max($n, 1))")"
      jit_ms="$(python3 -c "print(($jit_after - $jit_before) * 1000 / $ticks / max($n, 1))")"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$jar" "$run" "$round" "$rps" "$p50" \
        "$p99" "$cpu_ms" "$bad" "$(cut -d' ' -f1 /proc/loadavg)" "$jit_ms" | tee -a "$results" >&2
    done
    stop_app
    rm -rf "$data" "$data.log"
  done
done

python3 - "$results" "$@" <<'PY'
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
jars = sys.argv[2:]
first = None
print("| build | req/s, each round | req/s median | p50 ms | p99 ms | server CPU ms/request |"
      " of which JIT | without JIT, each round | non-2xx |")
print("|---|---|---:|---:|---:|---:|---:|---|---:|")
for jar in jars:
    mine = [r for r in rows if r[0] == jar]
    rps = [float(r[3]) for r in mine]
    med = statistics.median(rps)
    first = first or med
    print("| %s | %s | %.0f (%.2f×) | %.1f | %.1f | %.2f | %.2f | %s | %d |" % (
        jar, ", ".join("%.0f" % v for v in rps), med, med / first,
        statistics.median(float(r[4]) for r in mine),
        statistics.median(float(r[5]) for r in mine),
        statistics.median(float(r[6]) for r in mine),
        statistics.median(float(r[9]) for r in mine),
        ", ".join("%.2f" % (float(r[6]) - float(r[9])) for r in mine),
        sum(int(r[7]) for r in mine)))
loads = [float(r[8]) for r in rows]
print("\nload average (1 min) during the rounds: %.1f–%.1f" % (min(loads), max(loads)))
PY
