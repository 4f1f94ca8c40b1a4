#!/usr/bin/env bash
# A hostile network against the release server on 127.0.0.1 (issue #18).
#
# Flood: two client processes each keep FLOOD_CONNECTIONS (default 10,000; on one machine
# more would exhaust the clients' 28,232 ephemeral ports and fail the visitor's own connect)
# connections trickling their headers (bench/slow_headers.py) for FLOOD_SECONDS (default 60), against a
# server whose open-file limit is SERVER_FILE_LIMIT (default 16,384, so the flood exceeds its
# connection cap). Meanwhile an ordinary visitor asks for /issues/dns once a second; the
# script prints that visitor's latencies and failures, the server's peak descriptors and
# RSS, and its connection counters from /metrics.
#
# --soak: then SOAK_SECONDS (default 600) of wrk (64 connections cycling through every kind
# of request: pages, searches, the API, HEAD, 304s and bad requests; bench/soak_mix.lua)
# beside a smaller flood (2 x 1,000 trickling connections, reopened as they are cut) and 16
# clients that leave in the middle of a response, sampling RSS and descriptors every 10 s.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
require_release_build
command -v python3 >/dev/null || { echo "python3 is missing" >&2; exit 2; }

flood_connections="${FLOOD_CONNECTIONS:-10000}"
flood_seconds="${FLOOD_SECONDS:-60}"
server_file_limit="${SERVER_FILE_LIMIT:-16384}"
ulimit -n "$(ulimit -Hn)"

LEPTOS_SITE_ADDR="127.0.0.1:$bench_port" RUST_LOG=warn \
  bash -c "ulimit -n $server_file_limit && exec target/release/server" &
server_pid=$!
pids=("$server_pid")
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -fsS -o /dev/null "$bench_base/healthz" 2>/dev/null && break
  sleep 0.05
done

fds() { ls "/proc/$server_pid/fd" | wc -l; }
metric() { curl -fsS --max-time 10 "$bench_base/metrics" | awk -v name="$1" '$1 == name { print $2 }'; }
flood() { # connections seconds output
  python3 bench/slow_headers.py 127.0.0.1 "$bench_port" "$1" "$2" >"$3" &
  pids+=($!)
}

peak_fds=0
visitor() { # seconds: one GET /issues/dns a second; prints ms per request or FAIL
  local until=$(( $(date +%s) + $1 )) took
  while [ "$(date +%s)" -lt "$until" ]; do
    if took=$(curl -fsS -o /dev/null --max-time 10 -w '%{time_total}' "$bench_base/issues/dns"); then
      awk -v t="$took" 'BEGIN { printf "%.1f\n", t * 1000 }'
    else
      echo FAIL
    fi
    local now_fds; now_fds=$(fds)
    [ "$now_fds" -gt "$peak_fds" ] && peak_fds=$now_fds
    sleep 1
  done
}

echo "server open-file limit $server_file_limit; $(metric explorer_connections_max) connections at most"
echo "flood: 2 processes x $flood_connections trickling connections for ${flood_seconds}s"
out1=$(mktemp) out2=$(mktemp) visits=$(mktemp)
flood "$flood_connections" "$flood_seconds" "$out1"
flood "$flood_connections" "$flood_seconds" "$out2"
sleep 5
visitor $(( flood_seconds - 8 )) >"$visits"
wait "${pids[1]}" "${pids[2]}"
ok=$(grep -vc FAIL "$visits" || true)
failed=$(grep -c FAIL "$visits" || true)
sorted=$(grep -v FAIL "$visits" | sort -n)
echo "visitor: $ok answered, $failed failed; ms min $(head -1 <<<"$sorted"), median $(sed -n "$(( (ok + 1) / 2 ))p" <<<"$sorted"), max $(tail -1 <<<"$sorted")"
echo "flood 1: $(cat "$out1")"
echo "flood 2: $(cat "$out2")"
echo "server: peak $peak_fds descriptors, peak RSS $(peak_rss_kib) KiB"
for name in accepted refused evicted; do
  echo "explorer_connections_${name}_total $(metric "explorer_connections_${name}_total")"
done
echo "explorer_header_timeouts_total $(metric explorer_header_timeouts_total)"
echo "explorer_accept_errors_total $(metric explorer_accept_errors_total)"
rm -f "$out1" "$out2" "$visits"

if [ "${1:-}" = "--soak" ]; then
  soak="${SOAK_SECONDS:-600}"
  echo
  echo "soak: wrk 64 connections cycling through every kind of request (bench/soak_mix.lua) for"
  echo "${soak}s, beside 2 x 1,000 trickling connections and 16 clients that leave mid-response"
  flood 1000 "$soak" /dev/null
  flood 1000 "$soak" /dev/null
  python3 bench/disconnects.py 127.0.0.1 "$bench_port" 16 "$soak" >"${TMPDIR:-/tmp}/soak-leavers.txt" &
  pids+=($!)
  wrk -t2 -c64 -d"${soak}s" --latency -s bench/soak_mix.lua "$bench_base" >"${TMPDIR:-/tmp}/soak-wrk.txt" &
  wrk_pid=$!
  pids+=("$wrk_pid")
  echo "| s | RSS KiB | descriptors |"
  echo "|---:|---:|---:|"
  for second in $(seq 0 10 "$soak"); do
    echo "| $second | $(rss_kib) | $(fds) |"
    [ "$second" -lt "$soak" ] && sleep 10
  done
  wait "$wrk_pid" || true
  sleep 2
  echo "after the clients left: RSS $(rss_kib) KiB, $(fds) descriptors"
  grep -E 'requests in|Requests/sec|Socket errors|Non-2xx| 50%| 99%' "${TMPDIR:-/tmp}/soak-wrk.txt"
  cat "${TMPDIR:-/tmp}/soak-leavers.txt"
fi
