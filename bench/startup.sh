#!/usr/bin/env bash
# Start-up time: from exec of the release server to the first 200 from /healthz, on a warm
# disk; median of RUNS (default 11). Also prints the idle RSS right after start.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
require_release_build
runs="${RUNS:-11}"
times=()
for _ in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  LEPTOS_SITE_ADDR="127.0.0.1:$bench_port" RUST_LOG=warn target/release/server &
  server_pid=$!
  until curl -fsS -o /dev/null "$bench_base/healthz" 2>/dev/null; do sleep 0.002; done
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
  rss=$(rss_kib)
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(sed -n "$(( (runs + 1) / 2 ))p" <<<"$sorted")
echo "start-up to healthz 200 (ms), $runs runs: $(tr '\n' ' ' <<<"$sorted")"
echo "median: ${median} ms; idle RSS after start: ${rss} KiB"
