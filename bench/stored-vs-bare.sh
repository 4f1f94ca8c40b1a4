#!/usr/bin/env bash
# Stored pages against the framework's ceiling, in one run, with the access log on: for
# `/`, `/issues/dns` and `/map`, identity and brotli, wrk (2 threads, CONNECTIONS, default
# 64, for DURATION seconds, default 10) against
#   (a) the release server (RUST_LOG=info: one access line per request, stdout to
#       /dev/null), answering from its render store;
#   (b) `server/examples/bare_ceiling.rs`: axum and hyper with no middleware, serving the
#       same bytes (and Content-Encoding) from memory.
# Prints the rows and (a)/(b) per page and encoding. Goal (issue #21): every ratio ≥ 0.8.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
require_release_build
duration="${DURATION:-10}"
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

echo "| what | requests/s | p50 | p99 | errors |"
echo "|---|---:|---:|---:|---:|"
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
    bare=$(ENCODING=$encoding BASE="http://127.0.0.1:$bare_port" LABEL="(b) bare $path $encoding" \
      wrk_row "$connections" "$duration" "$path")
    kill "$bare_pid"
    wait "$bare_pid" 2>/dev/null || true
    bare_pid=""
    stored=$(ENCODING=$encoding LABEL="(a) stored $path $encoding" wrk_row "$connections" "$duration" "$path")
    echo "$bare"
    echo "$stored"
    ratios+=("$(awk -F'|' -v s="$stored" -v b="$bare" -v what="$path $encoding" 'BEGIN {
      split(s, sa, "|"); split(b, ba, "|"); printf "%s %.2f", what, sa[3] / ba[3] }')")
  done
done
echo
echo "ratio (a)/(b):"
printf '  %s\n' "${ratios[@]}"
