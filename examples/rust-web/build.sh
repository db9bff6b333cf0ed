#!/usr/bin/env bash
# Builds the example into examples/rust-web/dist/: the app's wasm (cargo, release, wasm32) and
# its JS glue (wasm-bindgen-cli, the exact version the crate pins; scripts/setup.sh installs it).
# Run from anywhere; paths are the repo root's.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$HOME/.cargo/bin:$PATH"

pin=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$pin" ]; then
  echo "examples/rust-web/build.sh: wasm-bindgen-cli $pin is needed on PATH (found: ${have:-none}); run scripts/setup.sh" >&2
  exit 1
fi

# A member of the root workspace: its lockfile, its target dir, its release profile.
cargo build --release --target wasm32-unknown-unknown -p ippanel-rust-web-example
wasm-bindgen --target web --no-typescript --out-dir examples/rust-web/dist \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/ippanel_rust_web_example.wasm"
