#!/usr/bin/env node
// Runs the Worker locally (`wrangler dev --local`, workerd on this machine, no Cloudflare account)
// in front of the repo's fake ippanel service, in one command:
//
//   node scripts/dev.mjs            (from examples/worker-proxy; `npm run dev:sandbox` does the same)
//
// 1. links node_modules/ippanel-wasm to the repo's pkg/ if `npm install` has not (the same link
//    npm makes for "file:../../pkg"), and copies .dev.vars.example to .dev.vars when there is none (the sandbox's demo account);
// 2. starts the sandbox (../../sandbox/server.mjs) on 127.0.0.1:$SANDBOX_PORT (default 8788),
//    unless SANDBOX_URL names one that is already running;
// 3. runs `wrangler dev --local --ip 127.0.0.1 --port $PORT` (default 8787), pointing
//    IPPANEL_BASE_URL at that sandbox (`--var` wins over .dev.vars).
//
// Then: curl -H 'Origin: http://localhost:8080' -H 'Content-Type: application/json' \
//             -d '{"to":"09121234567"}' http://127.0.0.1:8787/api/verify/start
// (the texted code is in the sandbox's ledger: GET $SANDBOX_URL/__sandbox/ledger?uname=demo).
// Ctrl-C stops both.

import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const EXAMPLE = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const REPO = resolve(EXAMPLE, "../..");
const port = process.env.PORT || "8787";

if (!existsSync(join(REPO, "pkg/package.json"))) {
  console.error("[dev] pkg/ is not built: run `make pkg` in the repo root first");
  process.exit(1);
}
if (!existsSync(join(EXAMPLE, "node_modules/ippanel-wasm/package.json"))) {
  mkdirSync(join(EXAMPLE, "node_modules"), { recursive: true });
  try {
    symlinkSync("../../../pkg", join(EXAMPLE, "node_modules/ippanel-wasm"), "dir");
  } catch (err) {
    console.error(`[dev] node_modules/ippanel-wasm is broken (${err.code}): remove it or run npm install`);
    process.exit(1);
  }
  console.log("[dev] linked node_modules/ippanel-wasm -> ../../pkg");
}
if (!existsSync(join(EXAMPLE, ".dev.vars"))) {
  copyFileSync(join(EXAMPLE, ".dev.vars.example"), join(EXAMPLE, ".dev.vars"));
  console.log("[dev] created .dev.vars from .dev.vars.example (the sandbox's demo account)");
}
// A .dev.vars from before the verification API lacks its secrets and pattern: say so, rather
// than let every start answer 500 config.
const devVars = readFileSync(join(EXAMPLE, ".dev.vars"), "utf8");
const missing = ["VERIFY_SECRET", "TOKEN_SECRET", "VERIFY_PATTERN_CODE"].filter((n) => !new RegExp(`^${n}=`, "m").test(devVars));
if (missing.length) {
  console.warn(`[dev] .dev.vars has no ${missing.join(", ")}: copy them from .dev.vars.example (or delete .dev.vars)`);
}

let sandbox = null;
let sandboxUrl = process.env.SANDBOX_URL?.replace(/\/+$/, "");
if (!sandboxUrl) {
  const { startSandbox } = await import(pathToFileURL(join(REPO, "sandbox/server.mjs")).href);
  sandbox = await startSandbox({ port: Number(process.env.SANDBOX_PORT || 8788), quiet: true });
  sandboxUrl = sandbox.url;
}
console.log(`[dev] sandbox: ${sandboxUrl}  (demo / demo-pass-1234, OTP pattern otp-demo)`);

// wrangler 4 asks for Node 22.12+ in its launcher (bin/wrangler.js). Where the machine has an
// older Node, run its CLI entry directly: `dev` and `deploy --dry-run` work on Node 20.
const require = createRequire(join(EXAMPLE, "package.json"));
const wranglerDir = dirname(require.resolve("wrangler/package.json"));
const [major, minor] = process.versions.node.split(".").map(Number);
const newEnough = major > 22 || (major === 22 && minor >= 12);
const entry = join(wranglerDir, newEnough ? "bin/wrangler.js" : "wrangler-dist/cli.js");

const args = [
  entry, "dev", "--local", "--ip", "127.0.0.1", "--port", port,
  "--var", `IPPANEL_BASE_URL:${sandboxUrl}`,
  ...process.argv.slice(2),
];
const child = spawn(process.execPath, args, {
  cwd: EXAMPLE,
  stdio: "inherit",
  env: { WRANGLER_SEND_METRICS: "false", ...process.env },
});

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  if (child.exitCode === null) child.kill("SIGTERM");
  await sandbox?.close();
  process.exit(code);
}
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => stop(130));
child.on("exit", (code, signal) => stop(code ?? (signal ? 1 : 0)));
