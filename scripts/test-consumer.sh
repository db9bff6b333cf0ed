#!/usr/bin/env bash
# A Rust app that depends on the crate (tests/consumer) and exports its own `Client` and
# `normalizeMobile`: it must build, wasm-bindgen must accept it (two crates exporting `Client`
# stop it), and its wasm must export the app's names only, nothing of this crate.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet -p ippanel-wasm-consumer-check --target wasm32-unknown-unknown
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
wasm-bindgen --target web --out-dir "$out" target/wasm32-unknown-unknown/debug/ippanel_wasm_consumer_check.wasm
node - "$out/ippanel_wasm_consumer_check_bg.wasm" <<'JS'
const bytes = require("node:fs").readFileSync(process.argv[2]);
const names = WebAssembly.Module.exports(new WebAssembly.Module(bytes)).map((e) => e.name);
// The app's own exports (wasm-bindgen's names for its class and function) and the glue's.
const ours = /^(__wbg_client_free|client_new|client_username|normalizeMobile|memory|__wbindgen_.*|__wbg_.*|__externref_.*|__abort_handler|__instance_terminated|wasm_bindgen__convert__.*)$/;
const foreign = names.filter((n) => !ours.test(n));
if (foreign.length) {
  console.error(`the app's wasm exports names that are not its own: ${foreign.join(", ")}`);
  process.exit(1);
}
for (const n of ["client_new", "client_username", "normalizeMobile"]) {
  if (!names.includes(n)) { console.error(`the app's own export ${n} is missing`); process.exit(1); }
}
console.log(`consumer: its wasm exports ${names.length} names, all its own or wasm-bindgen's`);
JS
