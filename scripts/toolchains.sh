# The nightly toolchain the release WASM is built with (scripts/build_release.sh); pinned,
# so that a new nightly never changes a release build unannounced. scripts/setup.sh
# installs it with `rust-src` (for `-Z build-std`).
WASM_NIGHTLY=nightly-2026-10-30
