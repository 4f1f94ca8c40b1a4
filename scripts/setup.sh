#!/usr/bin/env bash
# Installs what the explorer needs and is missing; each step checks first, so a second run
# takes seconds. Usage: scripts/setup.sh [--browser]   (--browser: also Chromium, Java + end2end deps)
# Measured on a fresh 2-core machine: about 24 minutes cold (cargo-leptos dominates).
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION=0.3.10
BINARYEN_VERSION=132.0.0
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then
    step "apt-get update"
    apt-get update -qq
    apt_updated=1
  fi
  step "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# The wasm-bindgen version the workspace is locked to; the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# The release WASM's toolchain (scripts/build_release.sh), with the standard library's source.
source scripts/toolchains.sh
if ! rustup component list --installed --toolchain "$WASM_NIGHTLY" 2>/dev/null | grep -q '^rust-src'; then
  step "rustup toolchain install $WASM_NIGHTLY with rust-src (about 1 minute)"
  rustup toolchain install "$WASM_NIGHTLY" --profile minimal --component rust-src
fi

if ! cargo leptos --version 2>/dev/null | grep -q " $CARGO_LEPTOS_VERSION"; then
  step "cargo install cargo-leptos $CARGO_LEPTOS_VERSION (about 14 minutes on 2 cores)"
  # Its release profile asks for fat LTO and one codegen unit; without them the install
  # took 830 s instead of about 990 s here, and builds byte-identical assets.
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install cargo-leptos --locked --version "$CARGO_LEPTOS_VERSION"
fi

wbg_version="$(wasm_bindgen_version)"
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wbg_version\$"; then
  # Not --locked: the CLI's own lock file names a crate version the registry here lacks.
  step "cargo install wasm-bindgen-cli $wbg_version (about 5 minutes)"
  cargo install wasm-bindgen-cli --version "$wbg_version"
fi

# Debian's binaryen (v108) produces WASM that fails to hydrate; it must not shadow npm's.
if dpkg -s binaryen >/dev/null 2>&1; then
  step "removing Debian's binaryen (its wasm-opt breaks hydration)"
  DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq binaryen >/dev/null
fi
if ! wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then
  have npm || apt_install nodejs npm
  step "npm install -g binaryen@$BINARYEN_VERSION (wasm-opt)"
  npm install -g --no-audit --no-fund "binaryen@$BINARYEN_VERSION" >/dev/null
fi

if [ "${1:-}" = "--browser" ]; then
  have chromium || apt_install chromium chromium-driver
  have brotli || apt_install brotli
  have curl || apt_install curl
  have python3 || apt_install python3
  have wrk || apt_install wrk
  have ss || apt_install iproute2
  # The static export test serves the export with nginx (brotli_static for the .br copies).
  { have nginx && [ -f /usr/share/nginx/modules-available/mod-http-brotli-static.conf ]; } \
    || apt_install nginx-light libnginx-mod-http-brotli-static
  # The Nu Html Checker (end2end's vnu-jar, run by scripts/validate_html.sh) needs Java 11+;
  # Debian's, before npm ci, so that vnu-jar's postinstall finds it and downloads no runtime.
  java -version 2>&1 | grep -Eq 'version "(1[1-9]|[2-9][0-9])' || apt_install default-jre-headless
  if [ ! -d end2end/node_modules/@playwright/test ] || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
    step "npm ci in end2end/"
    (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
  fi
fi
step "tools ready"
