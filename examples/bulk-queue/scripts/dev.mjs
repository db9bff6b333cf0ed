#!/usr/bin/env node
// Runs the campaign Worker locally (`wrangler dev --local`: workerd with Cloudflare's Queues and
// D1 engines on this machine, no Cloudflare account) in front of the repo's fake ippanel service:
//
//   node scripts/dev.mjs            (from examples/bulk-queue; `npm run dev:sandbox` does the same)
//
// 1. links node_modules/ippanel-wasm to the repo's pkg/ if `npm install` has not, and copies
//    .dev.vars.example to .dev.vars when there is none (the sandbox's demo account, a local token);
// 2. starts the sandbox on 127.0.0.1:$SANDBOX_PORT (default 8788) unless SANDBOX_URL names one;
// 3. applies the D1 migrations to the local database (`wrangler d1 migrations apply DB --local`);
// 4. runs `wrangler dev --local --port $PORT` (default 8787) with IPPANEL_BASE_URL pointing at the
//    sandbox; extra arguments go to wrangler (e.g. --var TEST_FAULTS:3:http502);
// 5. once it answers, carries on the campaigns found in the local state: local queues live in
//    memory, so batches still `queued` are enqueued again and claims left `sending` by the last
//    run become `unknown` (POST /api/sweep with both thresholds 0; see README.md).
//
// Local state (D1) is kept under .wrangler/state in this folder (STATE_DIR overrides it).
// Ctrl-C stops wrangler and the sandbox.

import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const EXAMPLE = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const REPO = resolve(EXAMPLE, "../..");
const port = process.env.PORT || "8787";
const stateDir = resolve(process.env.STATE_DIR || join(EXAMPLE, ".wrangler/state"));
const extraArgs = process.argv.slice(2);

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

/** The API token: a `--var CAMPAIGN_TOKEN:…` argument wins over .dev.vars, as in wrangler. */
function campaignToken() {
  for (let i = 0; i < extraArgs.length - 1; i++) {
    const m = extraArgs[i] === "--var" && extraArgs[i + 1].match(/^CAMPAIGN_TOKEN:(.*)$/);
    if (m) return m[1];
  }
  const line = readFileSync(join(EXAMPLE, ".dev.vars"), "utf8").match(/^\s*CAMPAIGN_TOKEN\s*=\s*"?([^"\n]*)"?\s*$/m);
  return line?.[1] ?? "";
}

let sandbox = null;
let sandboxUrl = process.env.SANDBOX_URL?.replace(/\/+$/, "");
if (!sandboxUrl) {
  const { startSandbox } = await import(pathToFileURL(join(REPO, "sandbox/server.mjs")).href);
  sandbox = await startSandbox({ port: Number(process.env.SANDBOX_PORT || 8788), quiet: true });
  sandboxUrl = sandbox.url;
}
console.log(`[dev] sandbox: ${sandboxUrl}  (account demo)`);

// wrangler 4 asks for Node 22.12+ in its launcher (bin/wrangler.js). Where the machine has an
// older Node, run its CLI entry directly: `dev` and `d1 migrations apply` work on Node 20.
const require = createRequire(join(EXAMPLE, "package.json"));
let wranglerDir;
try {
  wranglerDir = dirname(require.resolve("wrangler/package.json"));
} catch {
  wranglerDir = join(REPO, "node_modules/wrangler");
}
const [major, minor] = process.versions.node.split(".").map(Number);
const newEnough = major > 22 || (major === 22 && minor >= 12);
const entry = join(wranglerDir, newEnough ? "bin/wrangler.js" : "wrangler-dist/cli.js");
const env = { WRANGLER_SEND_METRICS: "false", ...process.env };

function run(args, stdio) {
  return spawn(process.execPath, [entry, ...args], { cwd: EXAMPLE, stdio, env });
}

// Migrations first (wrangler records the applied ones in the database, so this is idempotent).
await new Promise((resolveRun, reject) => {
  const migrate = run(["d1", "migrations", "apply", "DB", "--local", "--persist-to", stateDir], ["ignore", "pipe", "pipe"]);
  let out = "";
  migrate.stdout.on("data", (d) => (out += d));
  migrate.stderr.on("data", (d) => (out += d));
  migrate.on("exit", (code) => (code === 0 ? resolveRun() : reject(new Error(`d1 migrations apply failed:\n${out}`))));
}).catch(async (err) => {
  console.error("[dev] " + err.message);
  await sandbox?.close();
  process.exit(1);
});
console.log(`[dev] D1 migrations applied (local state: ${stateDir})`);

const child = run(
  ["dev", "--local", "--ip", "127.0.0.1", "--port", port, "--persist-to", stateDir,
    "--var", `IPPANEL_BASE_URL:${sandboxUrl}`, ...extraArgs],
  "inherit",
);

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

// Wait until the Worker answers, then carry on what the last run left.
const origin = `http://127.0.0.1:${port}`;
const deadline = Date.now() + 120_000;
for (;;) {
  try {
    if ((await fetch(`${origin}/healthz`)).ok) break;
  } catch { /* not listening yet */ }
  if (Date.now() > deadline || stopping) {
    console.error("[dev] the Worker did not come up");
    await stop(1);
  }
  await new Promise((r) => setTimeout(r, 250));
}
try {
  const res = await fetch(`${origin}/api/sweep`, {
    method: "POST",
    headers: { Authorization: `Bearer ${campaignToken()}`, "Content-Type": "application/json" },
    body: JSON.stringify({ requeueAfterSeconds: 0, sendingAfterSeconds: 0 }),
  });
  const body = await res.json();
  if (!res.ok) throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
  console.log(`[dev] resumed from local state: ${body.requeued} batch(es) enqueued again, ${body.interrupted} interrupted send(s) marked unknown`);
} catch (err) {
  console.error(`[dev] could not resume earlier campaigns: ${err.message}`);
}
console.log(`[dev] Worker: ${origin}  (campaign API at /api/campaigns, Authorization: Bearer <CAMPAIGN_TOKEN from .dev.vars>)`);
