#!/usr/bin/env bash
# Runs tests/wasm_client.rs and tests/wasm_edge.rs (the Rust API of both services), compiled to wasm, against a fresh sandbox: once in Node and once in
# headless Chromium. The sandbox URL is compiled in (option_env!("SANDBOX_URL")).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp); node sandbox/server.mjs --port 0 --quiet --delivery-step-ms 40 >"$out" 2>&1 &
sandbox=$!
trap 'kill $sandbox 2>/dev/null || true; rm -f "$out"' EXIT
for _ in $(seq 100); do grep -q '^SANDBOX_URL=' "$out" && break; sleep 0.1; done
SANDBOX_URL=$(sed -n 's/^SANDBOX_URL=//p' "$out"); export SANDBOX_URL
[ -n "$SANDBOX_URL" ] || { echo "sandbox did not start:"; cat "$out"; exit 1; }

export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
echo "== wasm tests in Node (sandbox $SANDBOX_URL)"
cargo test --target wasm32-unknown-unknown --test wasm_client --test wasm_edge
echo "== wasm tests in headless Chromium"
WASM_BINDGEN_USE_BROWSER=1 WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/tests/webdriver.json" \
  CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}" \
  cargo test --target wasm32-unknown-unknown --test wasm_client --test wasm_edge
# The strict sandbox answers what a correct client never sends with a 400 and records it.
v=$(node -e "fetch(process.argv[1]+'/__sandbox/violations').then(r=>r.text()).then(t=>process.stdout.write(t))" "$SANDBOX_URL")
[ "$v" = "[]" ] || { echo "strict sandbox violations: $v"; exit 1; }
