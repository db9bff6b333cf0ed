// Runs the Worker in local workerd through Miniflare 4 with Cloudflare's own Queues and D1
// engines, configured from the example's real wrangler.toml (wrangler's own converter), bundled
// the way wrangler bundles it, against the repo's sandbox. Shared by the tests and bench.mjs.

import assert from "node:assert/strict";
import { copyFileSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { Miniflare } from "miniflare";

export const EXAMPLE = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const REPO = resolve(EXAMPLE, "../..");
const PKG = join(REPO, "pkg");
export const TOKEN = "test-campaign-token-5b7e2c91";
export const PASSWORD = "demo-pass-1234";

/** Bundles src/index.js like wrangler: one ESM file plus the package's .wasm as a CompiledWasm module. */
export async function bundle() {
  assert.ok(existsSync(join(PKG, "package.json")), "pkg/ is built (make pkg)");
  const work = await mkdtemp(join(tmpdir(), "ippanel-bulk-queue-"));
  const nodeModules = join(work, "node_modules");
  await mkdir(nodeModules);
  await symlink(PKG, join(nodeModules, "ippanel-wasm"), "dir");
  const outdir = join(work, "dist");
  await mkdir(outdir);
  await build({
    entryPoints: [join(EXAMPLE, "src/index.js")],
    bundle: true,
    format: "esm",
    outdir,
    conditions: ["workerd", "worker", "browser"],
    nodePaths: [nodeModules],
    logLevel: "silent",
    plugins: [{
      name: "wasm-module",
      setup(b) {
        b.onResolve({ filter: /\.wasm$/ }, (args) => {
          const file = resolve(args.resolveDir, args.path);
          copyFileSync(file, join(outdir, basename(file)));
          return { path: "./" + basename(file), external: true };
        });
      },
    }],
  });
  const files = await readdir(outdir);
  assert.ok(files.some((f) => f.endsWith(".wasm")), "the package's .wasm is imported as a module");
  return {
    work,
    modulesRoot: outdir,
    modules: files
      .filter((f) => f.endsWith(".js") || f.endsWith(".wasm"))
      .sort((a, b) => (a === "index.js" ? -1 : b === "index.js" ? 1 : a.localeCompare(b)))
      .map((f) => ({ type: f.endsWith(".wasm") ? "CompiledWasm" : "ESModule", path: join(outdir, f) })),
  };
}

/** The bindings, queues and D1 database wrangler would give the Worker, from wrangler.toml. */
export async function wranglerOptions() {
  // wrangler's launcher wants Node 22.12+; its library entry loads on Node 20.
  const wrangler = await import(pathToFileURL(join(REPO, "node_modules/wrangler/wrangler-dist/cli.js")).href);
  // A named env file that does not exist: wrangler then reads neither .dev.vars nor .env, so a
  // developer's local settings (.dev.vars) never leak into the tests.
  const { workerOptions } = wrangler.unstable_getMiniflareWorkerOptions(join(EXAMPLE, "wrangler.toml"), undefined, {
    envFiles: [".env.no-such-file-for-tests"],
  });
  return workerOptions;
}

/** The SQL statements of every migration, in order (wrangler applies the same files). */
export function migrationStatements() {
  const dir = join(EXAMPLE, "migrations");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .flatMap((f) =>
      readFileSync(join(dir, f), "utf8")
        .replace(/--[^\n]*/g, "")
        .split(/;\s*(?:\n|$)/)
        .map((s) => s.trim())
        .filter(Boolean),
    );
}

/**
 * Starts the Worker. `vars` override wrangler.toml's [vars]; `consumer` overrides the main
 * consumer's settings (the tests shorten max_batch_timeout and retry delays, nothing else).
 */
export async function startWorker({ built, wrangler, sandboxUrl, vars = {}, consumer = {}, persist, logs = [] }) {
  const queueConsumers = structuredClone(wrangler.queueConsumers);
  const main = Object.keys(queueConsumers).find((q) => queueConsumers[q].deadLetterQueue);
  Object.assign(queueConsumers[main], { maxBatchTimeout: 0.05, retryDelay: 0, ...consumer });
  const dlq = queueConsumers[main].deadLetterQueue;
  queueConsumers[dlq] = { ...queueConsumers[dlq], maxBatchTimeout: 0.05 };
  const mf = new Miniflare({
    modules: built.modules,
    modulesRoot: built.modulesRoot,
    compatibilityDate: wrangler.compatibilityDate,
    compatibilityFlags: wrangler.compatibilityFlags,
    d1Databases: wrangler.d1Databases,
    queueProducers: wrangler.queueProducers,
    queueConsumers,
    ...(persist ? { d1Persist: join(persist, "d1") } : {}),
    bindings: {
      ...wrangler.bindings,
      IPPANEL_USERNAME: "demo",
      IPPANEL_PASSWORD: PASSWORD,
      IPPANEL_BASE_URL: sandboxUrl,
      IPPANEL_TIMEOUT_MS: "1500",
      IPPANEL_RETRIES: "0",
      CAMPAIGN_TOKEN: TOKEN,
      RETRY_DELAY_SECONDS: "0",
      ...vars,
    },
    handleRuntimeStdio(stdout, stderr) {
      stdout.on("data", (d) => logs.push(String(d)));
      stderr.on("data", (d) => logs.push(String(d)));
    },
  });
  await mf.ready;
  const db = await mf.getD1Database("DB");
  const exists = await db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'campaigns'").first();
  if (!exists) await db.batch(migrationStatements().map((s) => db.prepare(s)));
  return mf;
}

/** One API call: { status, headers, body, text }. */
export async function api(mf, path, { method = "GET", body, token = TOKEN, headers = {} } = {}) {
  const h = { ...headers };
  if (token !== null) h.Authorization = `Bearer ${token}`;
  if (body !== undefined && typeof body !== "string") {
    h["Content-Type"] ??= "application/json";
    body = JSON.stringify(body);
  }
  const res = await mf.dispatchFetch("https://campaigns.example.test" + path, { method, headers: h, body });
  const text = await res.text();
  let parsed = null;
  try { parsed = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, headers: res.headers, text, body: parsed };
}

export const createCampaign = (mf, body) => api(mf, "/api/campaigns", { method: "POST", body });

/** Polls the campaign until `done` (or `until(status)`); returns the last status. */
export async function waitFor(mf, id, { timeoutMs = 60_000, until = (s) => s.done } = {}) {
  const start = Date.now();
  for (;;) {
    const r = await api(mf, `/api/campaigns/${id}`);
    assert.equal(r.status, 200, r.text);
    if (until(r.body)) return r.body;
    if (Date.now() - start > timeoutMs) assert.fail(`campaign not there after ${timeoutMs} ms: ${r.text}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}

/** Every batch of a campaign (all pages), optionally of one state. */
export async function allBatches(mf, id, state) {
  const out = [];
  let after = null;
  for (;;) {
    const q = new URLSearchParams({ limit: "1000", ...(state ? { state } : {}), ...(after !== null ? { after: String(after) } : {}) });
    const r = await api(mf, `/api/campaigns/${id}/batches?${q}`);
    assert.equal(r.status, 200, r.text);
    out.push(...r.body.batches);
    if (r.body.next === null) return out;
    after = r.body.next;
  }
}

/** Polls the sandbox's ledger until `until(ledger)` (a send still in flight lands late). */
export async function waitForLedger(sandboxUrl, until, timeoutMs = 15_000) {
  const start = Date.now();
  for (;;) {
    const ledger = await sandboxAdmin(sandboxUrl, "/__sandbox/ledger?uname=demo");
    if (until(ledger)) return ledger;
    if (Date.now() - start > timeoutMs) assert.fail(`the ledger never got there: ${ledger.length} sends`);
    await new Promise((res) => setTimeout(res, 100));
  }
}

export async function sandboxAdmin(sandboxUrl, path, method = "GET") {
  const res = await fetch(sandboxUrl + path, { method });
  assert.equal(res.status, 200, `sandbox ${path}`);
  return res.json();
}

/** Fresh sandbox state (empty ledger) with `credit` rials on the demo account. */
export async function resetSandbox(sandboxUrl, credit = 1e9) {
  await sandboxAdmin(sandboxUrl, "/__sandbox/reset", "POST");
  await sandboxAdmin(sandboxUrl, `/__sandbox/credit?uname=demo&amount=${credit}`, "POST");
}

/** recipient -> how many times the sandbox accepted a send to it. */
export async function ledgerCounts(sandboxUrl) {
  const ledger = await sandboxAdmin(sandboxUrl, "/__sandbox/ledger?uname=demo");
  const counts = new Map();
  for (const entry of ledger) for (const n of entry.recipients) counts.set(n, (counts.get(n) ?? 0) + 1);
  return { ledger, counts };
}

/** `count` distinct valid numbers in mixed common forms, starting at `offset`. */
export function numbers(count, offset = 0) {
  const forms = [(d) => `0912${d}`, (d) => `+98912${d}`, (d) => `98912${d}`, (d) => `912${d}`];
  return Array.from({ length: count }, (_, i) => forms[i % 4](String(offset + i).padStart(7, "0")));
}

/** The +98 form of numbers(count, offset)[i]. */
export const canonical = (i, offset = 0) => `+98912${String(offset + i).padStart(7, "0")}`;

export async function startSandbox() {
  const { startSandbox: start } = await import(pathToFileURL(join(REPO, "sandbox/server.mjs")).href);
  return start({ port: 0, quiet: true });
}

export async function cleanup(built) {
  if (built?.work) await rm(built.work, { recursive: true, force: true });
}
