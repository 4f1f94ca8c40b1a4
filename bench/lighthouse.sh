#!/usr/bin/env bash
# Lighthouse (mobile preset, Debian Chromium) against the release server on 127.0.0.1:
# RUNS runs (default 5) per page; prints the median Performance and the other category
# scores, and CLS, as a markdown table for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
require_release_build
runs="${RUNS:-5}"
[ -x bench/node_modules/.bin/lighthouse ] || (cd bench && npm ci --no-audit --no-fund)
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
out=$(mktemp -d)
start_server
trap 'kill "$server_pid" 2>/dev/null || true; rm -rf "$out"' EXIT

echo "| page | performance (median of $runs) | accessibility | best practices | SEO | CLS |"
echo "|---|---:|---:|---:|---:|---:|"
for path in ${PAGES:-/ /issues/dns /map /glossary}; do
  for run in $(seq 1 "$runs"); do
    bench/node_modules/.bin/lighthouse "$bench_base$path" --quiet --output=json --output-path="$out/$run.json" \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run --disable-sync" \
      >/dev/null 2>&1
  done
  node -e '
    const fs = require("fs");
    const [dir, runs, path] = process.argv.slice(1);
    const reports = Array.from({ length: +runs }, (_, i) => JSON.parse(fs.readFileSync(`${dir}/${i + 1}.json`)));
    const score = (r, c) => Math.round(r.categories[c].score * 100);
    const perf = reports.map((r) => score(r, "performance")).sort((a, b) => a - b);
    const r = reports[0];
    const cls = Math.max(...reports.map((x) => x.audits["cumulative-layout-shift"].numericValue));
    console.log(`| ${path} | ${perf[Math.floor(perf.length / 2)]} (${perf.join(", ")}) | ${score(r, "accessibility")} | ${score(r, "best-practices")} | ${score(r, "seo")} | ${cls.toFixed(3)} |`);
  ' "$out" "$runs" "$path"
done
