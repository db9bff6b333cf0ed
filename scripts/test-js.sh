#!/usr/bin/env bash
# Runs every JavaScript suite with Node's test runner: the sandbox's own tests, the contract,
# fault, secret and load tests against pkg/, the demo page in Chromium, the packed-tarball
# runtime matrix, and the Worker proxy in workerd. Each suite starts its own sandbox.
set -euo pipefail
cd "$(dirname "$0")/.."
suites=()
for dir in sandbox/test tests/js tests/browser tests/runtime examples/worker-proxy/test; do
  if compgen -G "$dir/*.test.mjs" >/dev/null; then suites+=("$dir"/*.test.mjs); fi
done
[ ${#suites[@]} -gt 0 ] || { echo "no JS suites found" >&2; exit 1; }
# One file at a time: the browser and workerd suites each start heavy processes.
node --test --test-concurrency=1 --test-reporter=spec "${suites[@]}"
