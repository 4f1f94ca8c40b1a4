#!/usr/bin/env bash
# Installs whatever is missing, builds the release explorer and serves it at
# http://127.0.0.1:3000 (Ctrl-C stops it). For development use `cargo leptos watch` instead.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
# The release build (lazy islands as their own WASM chunks, the WASM built for size) and run.
exec scripts/build_release.sh serve
