#!/usr/bin/env bash
# Builds the Worker into build/ (index.js, index_bg.wasm, and worker/shim.mjs for older
# wrangler.toml files) with worker-build, the way workers-rs projects build, but offline:
# wasm-bindgen, esbuild and wasm-opt are the ones already installed, never downloaded.
#
#   bash scripts/build.sh            (from examples/workers-rs; wrangler's [build] runs it too)
#   bash scripts/build.sh --dev      (extra arguments go to worker-build, e.g. --dev for a
#                                     debug build; the default is --release)
#
# Needs: worker-build 0.8 (cargo install worker-build --version 0.8.7), wasm-bindgen-cli at
# the version Cargo.lock pins, and the repo's npm tools (npm ci at the repo root: esbuild,
# and wasm-opt from binaryen). Each can be overridden: WASM_BINDGEN_BIN, ESBUILD_BIN,
# WASM_OPT_BIN. Without any wasm-opt the build runs with --no-opt.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
repo="$(cd "$here/../.." && pwd)"
say() { printf '[workers-rs build] %s\n' "$*" >&2; }

command -v worker-build >/dev/null 2>&1 || {
  say "worker-build is not installed: cargo install worker-build --version 0.8.7"
  exit 1
}

# worker-build downloads each of these unless *_BIN names one; this machine reaches no
# download host, so all three must be set to installed binaries.
WASM_BINDGEN_BIN="${WASM_BINDGEN_BIN:-$(command -v wasm-bindgen || true)}"
[ -n "$WASM_BINDGEN_BIN" ] || { say "wasm-bindgen is not installed: scripts/setup.sh at the repo root"; exit 1; }
ESBUILD_BIN="${ESBUILD_BIN:-$repo/node_modules/.bin/esbuild}"
[ -x "$ESBUILD_BIN" ] || { say "no esbuild at $ESBUILD_BIN: npm ci at the repo root"; exit 1; }
WASM_OPT_BIN="${WASM_OPT_BIN:-$repo/node_modules/.bin/wasm-opt}"
export WASM_BINDGEN_BIN ESBUILD_BIN WASM_OPT_BIN

args=("$@")
[ ${#args[@]} -gt 0 ] || args=(--release)
if [ ! -x "$WASM_OPT_BIN" ]; then
  say "no wasm-opt at $WASM_OPT_BIN: building with --no-opt"
  args+=(--no-opt)
fi

cd "$here"
worker-build "${args[@]}"
test -f build/index.js && test -f build/index_bg.wasm
say "built $(du -h build/index_bg.wasm | cut -f1) build/index_bg.wasm and build/index.js"
