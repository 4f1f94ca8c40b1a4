#!/usr/bin/env bash
# Installs whatever is missing, then runs every check: formatting, lints for both the server
# and the browser build, unit tests, server integration tests over TCP, and Playwright tests
# in Debian's Chromium against the release build (hydrated and with JavaScript disabled),
# then the first-load bundle budget, the Nu Html Checker over every page type, REDbot (HTTP
# lint) over every kind of response, the Atom feed through feedparser, the static
# export behind nginx, and the deployment files (manifests, Containerfile, start command).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$HOME/.cargo/bin:$PATH"
step() { printf '\033[1m==> %s\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "clippy: server side (ssr)"
cargo clippy -p app --features ssr --all-targets -- -D warnings
cargo clippy -p server --all-targets -- -D warnings
step "clippy: browser side (hydrate, wasm32)"
cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings

step "content: every rule, the cited addresses' form, warnings for stale figures"
LEPTOS_OUTPUT_NAME=explorer cargo run -q -p server -- --check-content
scripts/check_links.py | tail -1
scripts/check_links_test.sh

step "unit tests: app (ssr)"
cargo test -p app --features ssr
step "integration tests: the real server over TCP"
cargo test -p server

step "release build (scripts/build_release.sh: cargo leptos build --release --split, WASM by nightly)"
scripts/build_release.sh
scripts/check_wasm_split.py target/site/pkg

step "the release binary started as an operator would (clean environment)"
cargo test -p server --test release_binary -- --ignored

step "end-to-end tests in Chromium"
port="${E2E_PORT:-3100}"
# The bare binary with a clean environment, as a container would start it: it finds its
# fingerprinted assets through target/release/hash.txt on its own.
if curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null; then
  echo "something already answers on 127.0.0.1:$port; stop it or set E2E_PORT" >&2
  exit 1
fi
env -i PATH="$PATH" LEPTOS_SITE_ADDR="127.0.0.1:$port" RUST_LOG=warn target/release/server &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { echo "the release server exited" >&2; exit 1; }
  sleep 0.1
done
(cd end2end && BASE_URL="http://127.0.0.1:$port" npx playwright test --project hydrated --project no-js)

step "bundle budget: first-load JS + WASM + CSS of / (brotli)"
scripts/bundle_budget.py "http://127.0.0.1:$port"
step "valid HTML: every page type through the Nu Html Checker"
scripts/validate_html.sh "http://127.0.0.1:$port"
step "HTTP lint: REDbot over every kind of response"
scripts/http_lint.sh "http://127.0.0.1:$port"
step "the Atom feed of changes through a real feed parser"
scripts/check_feed.sh "http://127.0.0.1:$port"
kill "$server_pid" 2>/dev/null || true

step "static export: server export, served by nginx from its files and _headers"
scripts/static_export_test.sh
step "deployment: Kubernetes manifests (offline schemas), hadolint, the image's start command"
scripts/validate_deploy.sh
scripts/container_layout_test.sh
step "all tests passed"
