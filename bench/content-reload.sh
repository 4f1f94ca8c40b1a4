#!/usr/bin/env bash
# Edit → visible in the browser for a content edit under `cargo leptos watch`: starts the
# watcher (dev build; the first run compiles it), waits until it serves, then runs
# end2end/content-reload.mjs (Chromium) against it. Restores content/issues/dns.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
log=$(mktemp)
setsid cargo leptos watch >"$log" 2>&1 &
watch_pid=$!
trap 'kill -- "-$watch_pid" 2>/dev/null || true; git checkout -q content/issues/dns.md 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 1800); do
  curl -fsS -o /dev/null http://127.0.0.1:3000/issues/dns 2>/dev/null && break
  kill -0 "$watch_pid" 2>/dev/null || { tail -30 "$log" >&2; exit 1; }
  sleep 1
done
(cd end2end && node content-reload.mjs http://127.0.0.1:3000 ../content/issues/dns.md)
