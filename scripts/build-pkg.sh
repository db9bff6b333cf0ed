#!/usr/bin/env bash
# Builds pkg/: one size-optimized .wasm per entry (the main entry's legacy API and the Edge
# entry's, each built from the JS-layer crate with one feature), the web glue (ESM) and the
# nodejs glue (CommonJS) for each, and the per-runtime entries, types and package.json
# (scripts/package.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"   # wasm-pack finds binaryen's wasm-opt here

rm -rf pkg
mkdir -p pkg/cjs
# build <out-name> [cargo args...]: the JS-layer crate (js/) on its own, so that no other
# workspace member's dependency features reach it. wasm-pack: cargo build --release,
# wasm-bindgen --target web, wasm-opt -Oz (js/Cargo.toml's metadata). Then the nodejs glue for
# require(): same wasm imports and exports (wasm-bindgen emits a byte-identical wasm for every
# target), so it loads the optimized wasm. Both features build the same cargo output file, so
# each glue is made right after its build.
build() {
  local name=$1 tmp
  shift
  tmp=$(mktemp -d)
  # (Run from js/: wasm-pack 0.15 given the path from the workspace root checks the root crate's type.)
  (cd js && wasm-pack build --quiet --mode no-install --release --target web --out-dir "$tmp/web" --out-name "$name" --no-pack -- "$@") 2>&1 \
    | grep -v '^\[INFO\]' || true
  [ -f "$tmp/web/${name}_bg.wasm" ] || { echo "wasm-pack produced no ${name}_bg.wasm" >&2; exit 1; }
  cp "$tmp/web/${name}.js" "$tmp/web/${name}_bg.wasm" pkg/
  wasm-bindgen --target nodejs --out-dir "$tmp/node" --out-name "$name" \
    target/wasm32-unknown-unknown/release/ippanel_wasm_js.wasm
  cp "$tmp/node/${name}.js" "pkg/cjs/${name}.cjs"
  # The release wasm before wasm-bindgen, for make bench's breakdown of each entry's bytes.
  mkdir -p target/pkg-wasm
  cp target/wasm32-unknown-unknown/release/ippanel_wasm_js.wasm "target/pkg-wasm/${name}.wasm"
  rm -rf "$tmp"
}
build ippanel_wasm
build ippanel_wasm_edge --no-default-features --features edge

node scripts/package.mjs
node scripts/optimize-js.mjs
