#!/usr/bin/env node
// Runs the Rust Worker locally (`wrangler dev --local`: workerd on this machine, no Cloudflare
// account) in front of the repo's fake ippanel service, in one command:
//
//   node scripts/dev.mjs            (from examples/workers-rs; extra arguments go to wrangler)
//
// 1. starts the sandbox (../../sandbox/server.mjs) on 127.0.0.1:$SANDBOX_PORT (default 8788),
//    unless SANDBOX_URL names one that is already running;
// 2. runs `wrangler dev --local --ip 127.0.0.1 --port $PORT` (default 8787) with the sandbox's
//    demo account (`--var` wins over wrangler.toml and .dev.vars). wrangler builds the Worker
//    first with wrangler.toml's [build] command (scripts/build.sh), and again when src/ changes.
//
// Then: curl http://127.0.0.1:8787/credit
//       curl -H 'Content-Type: application/json' \
//            -d '{"from":"3000505","to":"09121234567","message":"Hello"}' http://127.0.0.1:8787/send
//       curl http://127.0.0.1:8787/delivery/<bulkId>
// Ctrl-C stops both.

import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const EXAMPLE = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const REPO = resolve(EXAMPLE, "../..");
const port = process.env.PORT || "8787";

let sandbox = null;
let sandboxUrl = process.env.SANDBOX_URL?.replace(/\/+$/, "");
if (!sandboxUrl) {
  const { startSandbox } = await import(pathToFileURL(join(REPO, "sandbox/server.mjs")).href);
  sandbox = await startSandbox({ port: Number(process.env.SANDBOX_PORT || 8788), quiet: true });
  sandboxUrl = sandbox.url;
}
console.log(`[dev] sandbox: ${sandboxUrl}  (demo / demo-pass-1234, line 3000505)`);

// The repo's wrangler (npm ci at the repo root). wrangler 4 asks for Node 22.12+ in its
// launcher; on an older Node run its CLI entry directly (`dev` works on Node 20).
const require = createRequire(join(REPO, "package.json"));
const wranglerDir = dirname(require.resolve("wrangler/package.json"));
const [major, minor] = process.versions.node.split(".").map(Number);
const newEnough = major > 22 || (major === 22 && minor >= 12);
const entry = join(wranglerDir, newEnough ? "bin/wrangler.js" : "wrangler-dist/cli.js");

const args = [
  entry, "dev", "--local", "--ip", "127.0.0.1", "--port", port,
  "--var", `IPPANEL_URL:${sandboxUrl}`,
  "--var", "IPPANEL_USER:demo",
  "--var", "IPPANEL_PASS:demo-pass-1234",
  ...process.argv.slice(2),
];
const child = spawn(process.execPath, args, {
  cwd: EXAMPLE,
  stdio: "inherit",
  // No metrics, and the placeholder `request.cf` rather than one fetched from Cloudflare.
  env: { WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", ...process.env },
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
