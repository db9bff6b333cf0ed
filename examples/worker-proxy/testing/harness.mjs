// Shared by the Worker's test files (and the demo's browser test): the sandbox, the Worker
// bundled the way wrangler bundles it, started in local workerd through Miniflare 4 with its
// real Durable Objects (SQLite) and the real Rate Limiting binding, and helpers that read the
// sandbox's ledger (where the texted code is, as on a phone).

import assert from "node:assert/strict";
import { copyFileSync, existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { Miniflare } from "miniflare";

const HERE = dirname(fileURLToPath(import.meta.url));  // examples/worker-proxy/testing
export const EXAMPLE = resolve(HERE, "..");
export const REPO = resolve(EXAMPLE, "../..");
const PKG = join(REPO, "pkg");

export const PASSWORD = "demo-pass-1234";
export const VERIFY_SECRET = "test-verify-secret-6b1d0c3a9e8f7a2b4c5d";
export const TOKEN_SECRET = "test-token-secret-0f9e8d7c6b5a49382716";
export const ORIGIN = "https://app.example.test";
export const OTHER_ORIGIN = "http://localhost:8080";

/** Bundles src/index.js like wrangler: one ESM file plus the .wasm as a CompiledWasm module. */
export async function bundleWorker() {
  assert.ok(existsSync(join(PKG, "package.json")), "pkg/ is built (make pkg)");
  const work = await mkdtemp(join(tmpdir(), "ippanel-worker-proxy-"));
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
    external: ["cloudflare:*"],
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
  assert.ok(files.includes("index.js"), "bundle has index.js");
  assert.ok(files.some((f) => f.endsWith(".wasm")), "the package's .wasm is imported as a module");
  return {
    dir: work,
    options: {
      modulesRoot: outdir,
      modules: files
        .filter((f) => f.endsWith(".js") || f.endsWith(".wasm"))
        .sort((a, b) => (a === "index.js" ? -1 : b === "index.js" ? 1 : a.localeCompare(b)))
        .map((f) => ({ type: f.endsWith(".wasm") ? "CompiledWasm" : "ESModule", path: join(outdir, f) })),
    },
    dispose: () => rm(work, { recursive: true, force: true }),
  };
}

export async function startSandbox() {
  const { startSandbox: start } = await import(pathToFileURL(join(REPO, "sandbox/server.mjs")).href);
  return start({ port: 0, quiet: true });
}

/**
 * What every Worker test file starts from: the sandbox, the bundled Worker, and a pool of
 * Workers over both. A failure part-way stops what had started.
 */
export async function startWorld() {
  const sandbox = await startSandbox();
  try {
    const bundle = await bundleWorker();
    return { sandbox, bundle, pool: new WorkerPool(bundle, sandbox.url) };
  } catch (err) {
    await sandbox.close();
    throw err;
  }
}

/** Stops what `startWorld` started; any part may be missing. */
export async function stopWorld({ pool, sandbox, bundle } = {}) {
  await pool?.close();
  await sandbox?.close();
  await bundle?.dispose();
}

/** The settings every test starts from: the sandbox's demo account and its otp-demo pattern. */
export function baseVars(sandboxUrl) {
  return {
    IPPANEL_USERNAME: "demo",
    IPPANEL_PASSWORD: PASSWORD,
    IPPANEL_BASE_URL: sandboxUrl,
    IPPANEL_TIMEOUT_MS: "5000",
    IPPANEL_RETRIES: "0",
    VERIFY_SECRET,
    TOKEN_SECRET,
    ALLOWED_ORIGINS: `${ORIGIN}, ${OTHER_ORIGIN}`,
    ALLOW_NO_ORIGIN: "false",
    VERIFY_PATTERN_CODE: "otp-demo",
    VERIFY_FROM: "3000505",
    ENABLE_CREDIT: "true",
    TOKEN_ISSUER: "ippanel-proxy-test",
  };
}

/**
 * Starts Workers and records everything they print and answer, so a test can show that no
 * code, MAC or password ever leaves. `ratelimits` are Miniflare's (the real binding).
 */
export class WorkerPool {
  constructor(bundle, sandboxUrl) {
    this.bundle = bundle;
    this.sandboxUrl = sandboxUrl;
    this.workers = [];
    this.logs = [];
    this.seen = [];
    this.ip = 0;
  }

  async start(vars = {}, { ratelimits, port } = {}) {
    const mf = new Miniflare({
      ...this.bundle.options,
      compatibilityDate: "2025-09-01",
      bindings: { ...baseVars(this.sandboxUrl), ...vars },
      durableObjects: {
        PHONE_VERIFIER: { className: "PhoneVerifier", useSQLite: true },
        SEND_BUDGET: { className: "SendBudget", useSQLite: true },
      },
      ...(ratelimits ? { ratelimits } : {}),
      ...(port !== undefined ? { host: "127.0.0.1", port } : {}),
      handleRuntimeStdio: (stdout, stderr) => {
        stdout.on("data", (d) => this.logs.push(String(d)));
        stderr.on("data", (d) => this.logs.push(String(d)));
      },
    });
    const url = await mf.ready;
    this.workers.push(mf);
    mf.url = url;
    return mf;
  }

  /** A fresh client IP per call, so the per-IP limit of one test does not touch another. */
  freshIp() {
    this.ip += 1;
    return `198.51.${Math.floor(this.ip / 250)}.${(this.ip % 250) + 1}`;
  }

  /**
   * One request to a Worker. Defaults: the allowed ORIGIN, a fresh client IP. `origin: null`
   * sends no Origin header. Returns { status, headers, text, body }.
   */
  async call(mf, path, { method = "GET", origin = ORIGIN, ip = this.freshIp(), headers = {}, body } = {}) {
    const h = { ...headers };
    if (origin !== null) h.Origin = origin;
    if (ip !== null) h["CF-Connecting-IP"] = ip;
    if (body !== undefined && typeof body !== "string") {
      h["Content-Type"] ??= "application/json";
      body = JSON.stringify(body);
    }
    const res = await mf.dispatchFetch("https://proxy.example.test" + path, { method, headers: h, body });
    const text = await res.text();
    this.seen.push(text, ...[...res.headers].flat());
    let parsed = null;
    try { parsed = JSON.parse(text); } catch { /* not JSON */ }
    return { status: res.status, headers: res.headers, text, body: parsed };
  }

  verifyStart(mf, to, extra = {}, opts = {}) {
    return this.call(mf, "/api/verify/start", { method: "POST", body: { to, ...extra }, ...opts });
  }

  verifyCheck(mf, verificationId, code, opts = {}) {
    return this.call(mf, "/api/verify/check", { method: "POST", body: { verificationId, code }, ...opts });
  }

  async close() {
    for (const mf of this.workers) await mf.dispose().catch(() => {});
  }
}

/** Asserts the uniform error shape and returns the error object. */
export function assertError(r, status, kind, code) {
  assert.equal(r.status, status, `status ${r.status}, body ${r.text}`);
  assert.match(r.headers.get("Content-Type") ?? "", /^application\/json/);
  assert.ok(r.body && typeof r.body.error === "object", `an { error } body: ${r.text}`);
  const e = r.body.error;
  for (const key of ["kind", "code", "message", "messageFa"]) assert.ok(key in e, `error.${key} present`);
  assert.ok(typeof e.message === "string" && e.message.length > 0);
  assert.match(e.messageFa, /[\u0600-\u06FF]/, "Persian text");
  if (kind !== undefined) assert.equal(e.kind, kind, `kind in ${r.text}`);
  if (code !== undefined) assert.equal(e.code, code, `code in ${r.text}`);
  return e;
}

/** The sandbox ledger's sends: [{ recipients: ["+98…"], message, … }], oldest first. */
export async function ledger(sandboxUrl) {
  const res = await fetch(`${sandboxUrl}/__sandbox/ledger?uname=demo`);
  assert.equal(res.status, 200, "sandbox ledger");
  const body = await res.json();
  return Array.isArray(body) ? body : body.ledger ?? body.entries ?? body.sends ?? [];
}

const recipientsOf = (row) => [row.recipients ?? row.to ?? row.recipient ?? []].flat().map(String);

/** The sends to `phone` (normalized, "+98…") in the ledger. */
export async function textsTo(sandboxUrl, phone) {
  return (await ledger(sandboxUrl)).filter((row) => recipientsOf(row).includes(phone));
}

/** The code in the last text to `phone`, as the phone's owner would read it. */
export async function lastCode(sandboxUrl, phone) {
  const texts = await textsTo(sandboxUrl, phone);
  assert.ok(texts.length > 0, `a text reached ${phone}`);
  const m = /(\d{4,10})/.exec(String(texts.at(-1).message));
  assert.ok(m, "the text holds a code");
  return m[1];
}

/**
 * The sandbox refuses (and records) any request a correct client never sends; none may have
 * come from the Worker. A sandbox without the record (older than its strict check) answers 404.
 */
export async function assertNoWireViolations(sandboxUrl) {
  const res = await fetch(`${sandboxUrl}/__sandbox/violations`);
  const body = await res.json();
  if (res.status === 404) return;
  assert.equal(res.status, 200);
  assert.deepEqual(body, [], "requests the strict sandbox refused");
}
