#!/usr/bin/env bash
# Edit → visible for a content edit under `cargo leptos watch`: starts the watcher (dev
# build), waits until it serves, then RUNS times (default 5) appends a unique sentence to
# the DNS overview and measures the time until /issues/dns serves it; then breaks the
# content and measures the time until the error page (503, with file:line:column) shows,
# and the time back to a working page after the fix. Restores content/issues/dns.md.
# Prints a markdown table for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
runs="${RUNS:-5}"
file=content/issues/dns.md
base=http://127.0.0.1:3000
backup=$(mktemp)
cp "$file" "$backup"
log=$(mktemp)
cargo leptos watch >"$log" 2>&1 &
watch_pid=$!
cleanup() {
  cp "$backup" "$file"
  kill -- "-$watch_pid" 2>/dev/null || kill "$watch_pid" 2>/dev/null || true
  pkill -f 'target/debug/server' 2>/dev/null || true
  rm -f "$backup" "$log"
}
trap cleanup EXIT
for _ in $(seq 1 1800); do
  curl -fsS -o /dev/null "$base/issues/dns" 2>/dev/null && break
  sleep 1
done
curl -fsS -o /dev/null "$base/issues/dns" || { tail -30 "$log" >&2; exit 1; }
sleep 2

now_ms() { date +%s%3N; }
# Waits until GET path answers `status` with a body containing `text`; prints the ms taken.
wait_for() {
  local path=$1 status=$2 text=$3 start=$4
  for _ in $(seq 1 600); do
    body=$(curl -s -w '\n%{http_code}' "$base$path" 2>/dev/null || true)
    if [ "$(tail -1 <<<"$body")" = "$status" ] && grep -qF "$text" <<<"$body"; then
      echo $(( $(now_ms) - start ))
      return 0
    fi
    sleep 0.05
  done
  echo "timeout waiting for $text on $path" >&2
  tail -20 "$log" >&2
  exit 1
}

edits=()
for run in $(seq 1 "$runs"); do
  marker="Reload check $run $(now_ms)."
  start=$(now_ms)
  printf '\n%s\n' "$marker" >>"$file"
  edits+=("$(wait_for /issues/dns 200 "$marker" "$start")")
  cp "$backup" "$file"
  wait_for /issues/dns 200 "Domain Name System" "$(now_ms)" >/dev/null
  sleep 1
done
start=$(now_ms)
sed -i 's/^focus_areas = \["improving-technical-security"\]/focus_areas = ["nowhere"]/' "$file"
broken=$(wait_for /issues/dns 503 "issues/dns.md:" "$start")
start=$(now_ms)
cp "$backup" "$file"
fixed=$(wait_for /issues/dns 200 "Domain Name System" "$start")

sorted=$(printf '%s\n' "${edits[@]}" | sort -n)
median=$(sed -n "$(( (runs + 1) / 2 ))p" <<<"$sorted")
echo "| change | time to visible (ms) |"
echo "|---|---:|"
echo "| overview edit, median of $runs (all: $(tr '\n' ' ' <<<"$sorted" | sed 's/ $//')) | $median |"
echo "| broken front matter → error page with file:line:column | $broken |"
echo "| fixed → the page again | $fixed |"
