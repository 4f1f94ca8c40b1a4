#!/usr/bin/env bash
# SSR throughput against a static file server, in one run: 64 connections for DURATION
# seconds (default 20) on (a) the server rendering `/`, `/issues/dns` and `/map`, and (b) the
# same server's static file handler (tower-http ServeDir, same middleware) serving
# byte-identical saved copies of those pages. Prints the table and the ratio (a)/(b).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
require_release_build
duration="${DURATION:-20}"
saved=target/site/bench-static
mkdir -p "$saved"
start_server
curl -fsS "$bench_base/" -o "$saved/home.html"
curl -fsS "$bench_base/issues/dns" -o "$saved/dns.html"
curl -fsS "$bench_base/map" -o "$saved/map.html"
trap 'kill "$server_pid" 2>/dev/null || true; rm -rf "$saved"' EXIT

echo "| path | requests/s | p50 | p99 | errors |"
echo "|---|---:|---:|---:|---:|"
rows=$(for path in / /issues/dns /map /bench-static/home.html /bench-static/dns.html /bench-static/map.html; do wrk_row 64 "$duration" "$path"; done)
echo "$rows"
awk -F'|' '{ rps[NR] = $3 } END {
  ssr = rps[1] + rps[2] + rps[3]; static = rps[4] + rps[5] + rps[6];
  printf "\nratio SSR/static (sum of the three pages): %.2f\n", ssr / static;
  printf "ratio for /map alone: %.2f\n", rps[3] / rps[6] }' <<<"$rows"
