#!/usr/bin/env bash
# Stored pages against the framework's ceiling, in one run, with the access log on: for
# `/`, `/issues/dns` and `/map`, identity and brotli, wrk (2 threads, CONNECTIONS, default
# 64, for DURATION seconds, default 5, ROUNDS times, default 3) against
#   (a) the release server (RUST_LOG=info: one access line per request, stdout to
#       /dev/null), answering from its render store;
#   (b) `server/examples/bare_ceiling.rs`: axum and hyper with no middleware, serving the
#       same bytes (and Content-Encoding) from memory.
# Prints the medians and (a)/(b) per page and encoding. Goal (issue #21): every ratio ≥ 0.8.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
require_release_build
duration="${DURATION:-5}"
connections="${CONNECTIONS:-64}"
bare_port="${BARE_PORT:-3230}"
cargo build --release -q -p server --example bare_ceiling

work=$(mktemp -d)
LEPTOS_SITE_ADDR="127.0.0.1:$bench_port" RUST_LOG=info \
  MAX_CONCURRENT_REQUESTS=4096 target/release/server >/dev/null &
server_pid=$!
bare_pid=""
trap 'kill "$server_pid" $bare_pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  curl -fsS -o /dev/null "$bench_base/healthz" 2>/dev/null && break
  sleep 0.05
done

# Each pair is measured ROUNDS times (default 3), alternating, and the medians are compared:
# this machine's neighbours make single runs of a few seconds vary by ±20%.
rounds="${ROUNDS:-3}"
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# The requests/s of a wrk_row; fails on any socket error or non-2xx answer.
rps_of() {
  awk -F'|' '{ e = $6; gsub(/ /, "", e); if (e != 0) { print "errors in: " $0 > "/dev/stderr"; exit 1 }
    r = $3; gsub(/ /, "", r); print r }'
}
echo "| what | requests/s (median of $rounds) | each run |"
echo "|---|---:|---|"
ratios=()
for encoding in identity br; do
  for path in / /issues/dns /map; do
    copy="$work/page"
    header=()
    [ "$encoding" = identity ] || header=(-H "Accept-Encoding: $encoding")
    curl -fsS "${header[@]}" "$bench_base$path" -o "$copy"
    bare_args=("$copy" "127.0.0.1:$bare_port")
    [ "$encoding" = identity ] || bare_args+=("$encoding")
    target/release/examples/bare_ceiling "${bare_args[@]}" &
    bare_pid=$!
    for _ in $(seq 1 100); do
      curl -fsS -o /dev/null "http://127.0.0.1:$bare_port/" 2>/dev/null && break
      sleep 0.05
    done
    cmp <(curl -fsS "${header[@]}" "http://127.0.0.1:$bare_port$path") "$copy"
    bare_runs=() stored_runs=()
    for _ in $(seq 1 "$rounds"); do
      bare_runs+=("$(ENCODING=$encoding BASE="http://127.0.0.1:$bare_port" wrk_row "$connections" "$duration" "$path" | rps_of)")
      stored_runs+=("$(ENCODING=$encoding wrk_row "$connections" "$duration" "$path" | rps_of)")
    done
    kill "$bare_pid"
    wait "$bare_pid" 2>/dev/null || true
    bare_pid=""
    bare=$(printf '%s\n' "${bare_runs[@]}" | median)
    stored=$(printf '%s\n' "${stored_runs[@]}" | median)
    echo "| (b) bare $path $encoding | $bare | ${bare_runs[*]} |"
    echo "| (a) stored $path $encoding | $stored | ${stored_runs[*]} |"
    ratios+=("$(awk -v s="$stored" -v b="$bare" -v what="$path $encoding" 'BEGIN { printf "%s %.2f", what, s / b }')")
  done
done
echo
echo "ratio (a)/(b), medians:"
printf '  %s\n' "${ratios[@]}"
