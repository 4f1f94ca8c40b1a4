#!/usr/bin/env bash
# Load test: 256 connections for DURATION seconds (default 60) on `/`, an issue page and the
# JSON API, against the release server on 127.0.0.1. Prints a markdown table for
# BENCHMARKS.md with requests/s, latency percentiles, errors and the server's peak RSS.
# With --soak, then runs /issues/dns for SOAK_SECONDS (default 600) and reports RSS growth.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
require_release_build
duration="${DURATION:-60}"
start_server

echo "idle RSS: $(rss_kib) KiB"
echo
echo "| path | requests/s | p50 | p99 | errors |"
echo "|---|---:|---:|---:|---:|"
for path in / /issues/dns /api/issues; do
  wrk_row 256 "$duration" "$path"
done
echo
echo "peak RSS under load: $(peak_rss_kib) KiB"

if [ "${1:-}" = "--soak" ]; then
  soak="${SOAK_SECONDS:-600}"
  before=$(rss_kib)
  echo
  echo "soak: 64 connections on /issues/dns for ${soak}s"
  echo "| path | requests/s | p50 | p99 | errors |"
  echo "|---|---:|---:|---:|---:|"
  wrk_row 64 "$soak" /issues/dns
  after=$(rss_kib)
  echo "RSS before soak ${before} KiB, after ${after} KiB: growth $(( (after - before) * 100 / before ))%"
fi
