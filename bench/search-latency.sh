#!/usr/bin/env bash
# Keystroke-to-results latency of the search in headless Chromium against the release
# server (median and worst over 68 keystrokes), with the CPU steal meanwhile (a noisy
# virtual machine shows up as slow keystrokes). Needs `scripts/build_release.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
require_release_build
start_server
steal_percent
(cd end2end && node search-latency.mjs "$bench_base")
echo "CPU steal during the run: $(steal_percent) %"
