# Sourced by tools/bench-compile.sh and tools/bench-analyze-server.sh: starting and stopping an app
# jar on loopback with the anonymous limits lifted, the CPU time of its process from /proc, and
# wrk's report read back. Sets the defaults of the options every such benchmark takes (runs 1,
# jvm -Xmx1g; common_option reads them) before the caller's getopts; sets app_pid and port.
# Sourcing it makes $work, a temporary folder removed on exit (the app stopped first), $results,
# the file measure_rounds writes its rows to, and $ticks.

runs=1
jvm="-Xmx1g"
work="$(mktemp -d)"
results="$work/results.tsv"
app_pid=""
ticks="$(getconf CLK_TCK)"
cleanup() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    stop_app
  fi
  rm -rf "$work"
}
trap cleanup EXIT

common_option() { # getopts letter -> sets runs (-r), warmup (-w) or jvm (-j); 1 when not one
  case "$1" in
    r) runs="$OPTARG" ;;
    w) warmup="$OPTARG" ;;
    j) jvm="$OPTARG" ;;
    *) return 1 ;;
  esac
}

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

peak_rss_mb() { # the process's peak resident memory so far (VmHWM), in MB
  awk '/^VmHWM:/ {printf "%.0f\n", $2 / 1024}' "/proc/$1/status"
}

start_app() { # jar data-dir [extra app arguments...] -> sets app_pid and port
  local jar="$1" data="$2"
  shift 2
  port="$(free_port)"
  # shellcheck disable=SC2086
  java $jvm -Djava.awt.headless=true -jar "$jar" \
    --server.port="$port" --server.address=127.0.0.1 --management.server.port=0 \
    --promptlens.data-dir="$data" --logging.level.root=warn \
    --promptlens.api.anonymous-uploads-per-minute=1000000 \
    --promptlens.billing.anonymous-per-day=1000000 "$@" >"$data.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 240); do
    if curl -sf -o /dev/null "http://127.0.0.1:$port/api/v1/targets"; then
      return 0
    fi
    kill -0 "$app_pid" 2>/dev/null || { tail -20 "$data.log"; exit 1; }
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

start_fresh_app() { # jar run -> start_app on a new empty data folder, $data
  data="$work/data-$2-$(basename "$1" .jar)-$RANDOM"
  mkdir -p "$data"
  start_app "$1" "$data"
}

stop_fresh_app() { # stops the app of start_fresh_app and removes its data folder and log
  stop_app
  rm -rf "$data" "$data.log"
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

# Three timed 10 s rounds of wrk against the started app ($app_pid, after its warm-up), each
# appending a row to $results: jar, run, round, req/s, p50 ms, p99 ms, the server's CPU ms per
# request, non-2xx answers, load average, its JIT compiler threads' CPU ms per request and its
# peak resident memory so far in MB.
measure_rounds() { # jar run connections lua url
  local jar="$1" run="$2" connections="$3" lua="$4" url="$5"
  local round before after jit_before jit_after line rps p50 p99 n bad cpu_ms jit_ms
  for round in 1 2 3; do
    before="$(cpu_ticks "$app_pid")"
    jit_before="$(jit_ticks "$app_pid")"
    line="$(wrk -t1 -c"$connections" -d10s --timeout 30s --latency -s "$lua" "$url" | parse_wrk)"
    after="$(cpu_ticks "$app_pid")"
    jit_after="$(jit_ticks "$app_pid")"
    read -r rps p50 p99 n bad <<<"$line"
    cpu_ms="$(python3 -c "print(($after - $before) * 1000 / $ticks / max($n, 1))")"
    jit_ms="$(python3 -c "print(($jit_after - $jit_before) * 1000 / $ticks / max($n, 1))")"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$jar" "$run" "$round" "$rps" "$p50" \
      "$p99" "$cpu_ms" "$bad" "$(cut -d' ' -f1 /proc/loadavg)" "$jit_ms" \
      "$(peak_rss_mb "$app_pid")" | tee -a "$results" >&2
  done
}

# The rows of measure_rounds as one table, per jar: medians over all its rounds, the ratio of its
# req/s median to the first jar's, the CPU of the JIT (a one-off cost that a starved machine
# stretches over the rounds) and each round's CPU without it, the highest peak resident memory.
print_summary() { # results jar...
  python3 - "$@" <<'PY'
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
first = None
print("| build | req/s, each round | req/s median | p50 ms | p99 ms | server CPU ms/request |"
      " of which JIT | without JIT, each round | peak resident MB | non-2xx |")
print("|---|---|---:|---:|---:|---:|---:|---|---:|---:|")
for jar in sys.argv[2:]:
    mine = [r for r in rows if r[0] == jar]
    rps = [float(r[3]) for r in mine]
    med = statistics.median(rps)
    first = first or med
    print("| %s | %s | %.1f (%.2f×) | %.1f | %.1f | %.2f | %.2f | %s | %d | %d |" % (
        jar, ", ".join("%.1f" % v for v in rps), med, med / first if first else 0,
        statistics.median(float(r[4]) for r in mine),
        statistics.median(float(r[5]) for r in mine),
        statistics.median(float(r[6]) for r in mine),
        statistics.median(float(r[9]) for r in mine),
        ", ".join("%.2f" % (float(r[6]) - float(r[9])) for r in mine),
        max(int(r[10]) for r in mine),
        sum(int(r[7]) for r in mine)))
loads = [float(r[8]) for r in rows]
print("\nload average (1 min) during the rounds: %.1f–%.1f" % (min(loads), max(loads)))
PY
}
