#!/usr/bin/env bash
# Builds pkg/: one size-optimized .wasm, the web glue (ESM) and the nodejs glue (CommonJS) for it,
# and the per-runtime entries, types and package.json (scripts/package.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"   # wasm-pack finds binaryen's wasm-opt here

rm -rf pkg
# The package is the JS-layer crate (js/), built on its own so that no other workspace member's
# dependency features reach it. wasm-pack: cargo build --release, wasm-bindgen --target web,
# wasm-opt -Oz (js/Cargo.toml's metadata).
# (Run from js/: wasm-pack 0.15 given the path from the workspace root checks the root crate's type.)
(cd js && wasm-pack build --quiet --mode no-install --release --target web --out-dir ../pkg --out-name ippanel_wasm --no-pack) 2>&1 \
  | grep -v '^\[INFO\]' || true
[ -f pkg/ippanel_wasm_bg.wasm ] || { echo "wasm-pack produced no pkg/ippanel_wasm_bg.wasm" >&2; exit 1; }

# The nodejs glue for require(): same wasm imports and exports (wasm-bindgen emits a byte-identical
# wasm for every target), so it loads the optimized wasm above.
tmp=$(mktemp -d)
wasm-bindgen --target nodejs --out-dir "$tmp" --out-name ippanel_wasm \
  target/wasm32-unknown-unknown/release/ippanel_wasm_js.wasm
mkdir -p pkg/cjs
cp "$tmp/ippanel_wasm.js" pkg/cjs/ippanel_wasm.cjs
rm -rf "$tmp"

node scripts/package.mjs
node scripts/optimize-js.mjs
