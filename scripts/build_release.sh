#!/usr/bin/env bash
# The release build: `cargo leptos build --release --split`, with the browser's WASM built by
# a pinned nightly that rebuilds the standard library for size and aborts on panic without
# formatting a message (`-Z build-std`, `-C panic=immediate-abort`); the server is built by
# the stable toolchain as always. Measured in BENCHMARKS.md §12. `cargo leptos watch` and
# debug builds stay on stable, with readable panics.
#
# Usage: scripts/build_release.sh [serve] [cargo-leptos options, e.g. --frontend-only]
# (serve: build, then run it; scripts/setup.sh installs the toolchain)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchains.sh

# The server with the toolchain the rest of the project uses (rustup's default).
server_toolchain=$(rustup default | cut -d' ' -f1)
export LEPTOS_BIN_CARGO_COMMAND="cargo +$server_toolchain"
export RUSTUP_TOOLCHAIN="$WASM_NIGHTLY"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
command=build
if [ "${1:-}" = serve ]; then
  command=serve
  shift
fi
exec cargo leptos "$command" --release --split --lib-cargo-args=-Zbuild-std=std,panic_abort "$@"
