# Shared by the benchmark scripts: start the release server on 127.0.0.1 and measure it.
# Benchmarks only ever target 127.0.0.1 and stop by themselves (wrk -d).

bench_port="${BENCH_PORT:-3200}"
bench_base="http://127.0.0.1:$bench_port"

require_release_build() {
  [ -x target/release/server ] && [ -f target/release/hash.txt ] || {
    echo "no release build: run scripts/build_release.sh first" >&2
    exit 2
  }
  command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
}

start_server() {
  LEPTOS_SITE_ADDR="127.0.0.1:$bench_port" RUST_LOG=warn \
    MAX_CONCURRENT_REQUESTS="${MAX_CONCURRENT_REQUESTS:-4096}" target/release/server &
  server_pid=$!
  trap 'kill "$server_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do
    curl -fsS -o /dev/null "$bench_base/healthz" 2>/dev/null && return 0
    sleep 0.05
  done
  echo "the server did not start" >&2
  exit 1
}

# Resident memory of the server in KiB: current and peak.
rss_kib() { awk '/^VmRSS/ { print $2 }' "/proc/$server_pid/status"; }
peak_rss_kib() { awk '/^VmHWM/ { print $2 }' "/proc/$server_pid/status"; }

# Runs wrk and prints one markdown row: path | req/s | p50 | p99 | errors.
# Optional: BASE (default the server's), ENCODING (the Accept-Encoding sent; default br,
# "identity" sends none) and LABEL (the row's name; default the path).
wrk_row() {
  local connections=$1 seconds=$2 path=$3 out
  local base="${BASE:-$bench_base}" encoding="${ENCODING:-br}" label="${LABEL:-$3}"
  local header=()
  [ "$encoding" = identity ] || header=(-H "Accept-Encoding: $encoding")
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "${header[@]}" "$base$path")
  local rps p50 p99 errors non2xx
  rps=$(awk '/^Requests\/sec/ { print $2 }' <<<"$out")
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  errors=$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' <<<"$out")
  non2xx=$(awk '/Non-2xx/ { print $5 }' <<<"$out")
  printf '| %s | %s | %s | %s | %s |\n' "$label" "$rps" "$p50" "$p99" "$(( ${errors:-0} + ${non2xx:-0} ))"
}

# The share of CPU time the hypervisor took from this machine (steal) since the last call,
# in percent: a noisy neighbour shows up as wall-clock spikes no code change explains.
steal_percent() {
  local now steal total
  now=$(awk '/^cpu / { t = 0; for (i = 2; i <= NF; i++) t += $i; print $9, t }' /proc/stat)
  read -r steal total <<<"$now"
  if [ -n "${_steal_before:-}" ]; then
    awk -v s="$steal" -v t="$total" -v s0="${_steal_before% *}" -v t0="${_steal_before#* }" \
      'BEGIN { printf "%.0f", (t > t0) ? 100 * (s - s0) / (t - t0) : 0 }'
  fi
  _steal_before="$steal $total"
}
