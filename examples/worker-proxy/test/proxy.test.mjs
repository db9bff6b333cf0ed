// The Worker proxy, run in local workerd (Miniflare 4) against the sandbox: no network beyond
// 127.0.0.1. The Worker is bundled the way wrangler bundles it (esbuild, conditions
// workerd/worker/browser, the .wasm kept as a separate compiled module), with "ippanel-wasm"
// resolved to the repo's pkg/ as `npm install` (file:../../pkg) would.
//
//   node --test examples/worker-proxy/test/proxy.test.mjs     (needs pkg/: `make pkg`)

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { Miniflare } from "miniflare";

const HERE = dirname(fileURLToPath(import.meta.url));
const EXAMPLE = resolve(HERE, "..");
const REPO = resolve(EXAMPLE, "../..");
const PKG = join(REPO, "pkg");

const PASSWORD = "demo-pass-1234";
const WRONG_PASSWORD = "wrong-Pa55-7f3e9c";
const ORIGIN = "https://app.example.test";
const OTHER_ORIGIN = "http://localhost:8080";
const EVIL = "https://evil.example.test";
const FINAL = new Set(["delivered", "failed", "discarded"]);
const STATUSES = new Set(["notsync", "send", "pending", ...FINAL]);

let sandbox;
let work;
let modules;
const workers = [];
/** Everything any Worker printed (console.log/console.error), to check for secrets. */
const logs = [];
/** Every response body and header seen, to check for secrets. */
const seen = [];

/** Bundles src/index.js like wrangler: one ESM file plus the .wasm as a CompiledWasm module. */
async function bundle() {
  work = await mkdtemp(join(tmpdir(), "ippanel-worker-proxy-"));
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
  assert.ok(files.includes("index.js"), "bundle has index.js");
  assert.ok(files.some((f) => f.endsWith(".wasm")), "the package's .wasm is imported as a module");
  return {
    modulesRoot: outdir,
    modules: files
      .filter((f) => f.endsWith(".js") || f.endsWith(".wasm"))
      .sort((a, b) => (a === "index.js" ? -1 : b === "index.js" ? 1 : a.localeCompare(b)))
      .map((f) => ({ type: f.endsWith(".wasm") ? "CompiledWasm" : "ESModule", path: join(outdir, f) })),
  };
}

function baseVars() {
  return {
    IPPANEL_USERNAME: "demo",
    IPPANEL_PASSWORD: PASSWORD,
    IPPANEL_BASE_URL: sandbox.url,
    IPPANEL_TIMEOUT_MS: "5000",
    IPPANEL_RETRIES: "0",
    ALLOWED_ORIGINS: `${ORIGIN}, ${OTHER_ORIGIN}`,
    ALLOW_NO_ORIGIN: "false",
    OTP_PATTERN_CODE: "otp-demo",
    OTP_FROM: "3000505",
    OTP_VARIABLES: "code",
    OTP_VALUE_PATTERN: "^[0-9A-Za-z]{1,16}$",
    OTP_PER_RECIPIENT_PER_HOUR: "2",
    ENABLE_OTP: "true",
    ENABLE_DELIVERY: "true",
    ENABLE_CREDIT: "true",
    RATE_LIMIT_PER_MINUTE: "1000",
  };
}

/** Starts the Worker in workerd with the base settings plus `vars` (and Miniflare `options`). */
async function startWorker(vars = {}, options = {}) {
  const mf = new Miniflare({
    ...modules,
    ...options,
    compatibilityDate: "2025-09-01",
    bindings: { ...baseVars(), ...vars },
    handleRuntimeStdio(stdout, stderr) {
      stdout.on("data", (d) => logs.push(String(d)));
      stderr.on("data", (d) => logs.push(String(d)));
    },
  });
  await mf.ready;
  workers.push(mf);
  return mf;
}

let ipCounter = 0;
/** A fresh client IP per call site, so the rate limit of one test does not touch another. */
const freshIp = () => `198.51.100.${++ipCounter}`;

/**
 * One request to the Worker. Defaults: the allowed ORIGIN, a fresh client IP. Pass
 * `origin: null` to send no Origin header. Returns { status, headers, text, body }.
 */
async function call(mf, path, { method = "GET", origin = ORIGIN, ip = freshIp(), headers = {}, body } = {}) {
  const h = { ...headers };
  if (origin !== null) h.Origin = origin;
  if (ip !== null) h["CF-Connecting-IP"] = ip;
  if (body !== undefined && typeof body !== "string") {
    h["Content-Type"] ??= "application/json";
    body = JSON.stringify(body);
  }
  const res = await mf.dispatchFetch("https://proxy.example.test" + path, { method, headers: h, body });
  const text = await res.text();
  const headerPairs = [...res.headers];
  seen.push(text, ...headerPairs.flat());
  let parsed = null;
  try { parsed = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, headers: res.headers, text, body: parsed };
}

const otp = (mf, to, code = "4821", opts = {}) =>
  call(mf, "/api/otp", { method: "POST", body: { to, values: { code } }, ...opts });

/** Asserts the proxy's JSON error shape and returns the error object. */
function assertError(r, status, kind) {
  assert.equal(r.status, status, `status ${r.status}, body ${r.text}`);
  assert.match(r.headers.get("Content-Type") ?? "", /^application\/json/);
  assert.ok(r.body && typeof r.body.error === "object", `an { error } body: ${r.text}`);
  const e = r.body.error;
  for (const key of ["kind", "code", "message", "messageFa"]) assert.ok(key in e, `error.${key} present`);
  assert.equal(typeof e.message, "string");
  assert.ok(e.message.length > 0);
  assert.equal(typeof e.messageFa, "string");
  assert.ok(e.messageFa.length > 0);
  if (kind) assert.equal(e.kind, kind, `kind in ${r.text}`);
  return e;
}

async function sandboxJson(path, init) {
  const res = await fetch(sandbox.url + path, init);
  assert.equal(res.status, 200, `sandbox ${path}`);
  return res.json();
}

/** Every ledger entry's bulk id, whatever the ledger's exact wrapping. */
function ledgerBulkIds(ledger) {
  const rows = Array.isArray(ledger) ? ledger : ledger.ledger ?? ledger.entries ?? ledger.sends ?? [];
  return rows.map((row) => String(row.bulkId ?? row.bulk_id ?? row.id));
}

function ledgerEntry(ledger, bulkId) {
  const rows = Array.isArray(ledger) ? ledger : ledger.ledger ?? ledger.entries ?? ledger.sends ?? [];
  return rows.find((row) => String(row.bulkId ?? row.bulk_id ?? row.id) === String(bulkId));
}

before(async () => {
  assert.ok(existsSync(join(PKG, "package.json")), "pkg/ is built (make pkg)");
  const { startSandbox } = await import(pathToFileURL(join(REPO, "sandbox/server.mjs")).href);
  sandbox = await startSandbox({ port: 0, quiet: true });
  modules = await bundle();
});

after(async () => {
  for (const mf of workers) await mf.dispose().catch(() => {});
  await sandbox?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe("worker proxy", () => {
  let mf;
  before(async () => {
    mf = await startWorker();
  });

  test("POST /api/otp sends the pattern and the sandbox ledger has the bulk id", async () => {
    const r = await otp(mf, "0912 123 4567", "4821");
    assert.equal(r.status, 200, r.text);
    assert.equal(r.headers.get("Access-Control-Allow-Origin"), ORIGIN);
    assert.equal(typeof r.body.bulkId, "string");
    assert.match(r.body.bulkId, /^[0-9]+$/);
    const ledger = await sandboxJson("/__sandbox/ledger?uname=demo");
    assert.ok(ledgerBulkIds(ledger).includes(r.body.bulkId), `ledger has ${r.body.bulkId}: ${JSON.stringify(ledger)}`);
    const entry = ledgerEntry(ledger, r.body.bulkId);
    assert.ok(JSON.stringify(entry).includes("9121234567"), "the ledger entry names the normalized recipient");
  });

  test("Persian digits and +98 forms are normalized before sending", async () => {
    const r = await otp(mf, "۰۹۱۲۵۵۵۰۰۰۱", "77");
    assert.equal(r.status, 200, r.text);
    const entry = ledgerEntry(await sandboxJson("/__sandbox/ledger?uname=demo"), r.body.bulkId);
    assert.ok(JSON.stringify(entry).includes("+989125550001"), JSON.stringify(entry));
  });

  test("GET /api/delivery/<bulkId> returns the entries, final once the sandbox delivers", async () => {
    const sent = await otp(mf, "09121110002", "1234");
    assert.equal(sent.status, 200, sent.text);
    const first = await call(mf, `/api/delivery/${sent.body.bulkId}`);
    assert.equal(first.status, 200, first.text);
    assert.ok(Array.isArray(first.body.entries));
    assert.equal(first.body.entries.length, 1);
    assert.equal(first.body.entries[0].recipient, "+989121110002");
    assert.ok(STATUSES.has(first.body.entries[0].status), first.text);
    assert.deepEqual(Object.keys(first.body.entries[0]).sort(), ["recipient", "status"]);

    const forced = await fetch(`${sandbox.url}/__sandbox/deliver?bulkId=${sent.body.bulkId}`, { method: "POST" });
    assert.equal(forced.status, 200);
    await forced.arrayBuffer();
    const done = await call(mf, `/api/delivery/${sent.body.bulkId}`);
    assert.equal(done.status, 200, done.text);
    assert.ok(FINAL.has(done.body.entries[0].status), done.text);

    // A bulk id the account does not have: the service answers `null`, the package calls it
    // "Invalid bulk id" (456), and that is the caller's fault: 400.
    const unknown = await call(mf, "/api/delivery/99999999999");
    const e = assertError(unknown, 400, "api");
    assert.equal(Number(e.code), 456, unknown.text);
  });

  test("GET /api/credit returns the account's credit, which drops after a send", async () => {
    const before_ = await call(mf, "/api/credit");
    assert.equal(before_.status, 200, before_.text);
    assert.equal(typeof before_.body.credit, "number");
    assert.ok(before_.body.credit > 0);
    const state = await sandboxJson("/__sandbox/state?uname=demo");
    const stateCredit = Number(state.credit ?? state.account?.credit);
    assert.equal(before_.body.credit, stateCredit, JSON.stringify(state).slice(0, 300));

    assert.equal((await otp(mf, "09121110003", "999")).status, 200);
    const after_ = await call(mf, "/api/credit");
    assert.ok(after_.body.credit < before_.body.credit, `${after_.body.credit} < ${before_.body.credit}`);
  });

  test("an allowed origin gets CORS headers; each listed origin is matched exactly", async () => {
    const r = await call(mf, "/api/credit", { origin: OTHER_ORIGIN });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get("Access-Control-Allow-Origin"), OTHER_ORIGIN);
    assert.match(r.headers.get("Vary") ?? "", /Origin/);
    assert.match(r.headers.get("Access-Control-Expose-Headers") ?? "", /Retry-After/);
    assert.equal(r.headers.get("Access-Control-Allow-Credentials"), null);

    for (const near of [ORIGIN + "/", ORIGIN.replace("https", "http"), ORIGIN + ".evil.test", "null"]) {
      const n = await call(mf, "/api/credit", { origin: near });
      assertError(n, 403, "origin");
      assert.equal(n.headers.get("Access-Control-Allow-Origin"), null, near);
    }
  });

  test("a refused origin gets 403 and no CORS headers, and nothing is sent", async () => {
    const before_ = ledgerBulkIds(await sandboxJson("/__sandbox/ledger?uname=demo")).length;
    const r = await otp(mf, "09121110004", "1234", { origin: EVIL });
    assertError(r, 403, "origin");
    assert.equal(r.headers.get("Access-Control-Allow-Origin"), null);
    for (const [name] of r.headers) assert.ok(!name.toLowerCase().startsWith("access-control-"), name);
    const credit = await call(mf, "/api/credit", { origin: EVIL });
    assertError(credit, 403, "origin");
    const after_ = ledgerBulkIds(await sandboxJson("/__sandbox/ledger?uname=demo")).length;
    assert.equal(after_, before_);
  });

  test("preflight: allowed origin 204 with methods and headers, refused origin 403", async () => {
    const pre = { "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" };
    const ok = await call(mf, "/api/otp", { method: "OPTIONS", headers: pre });
    assert.equal(ok.status, 204);
    assert.equal(ok.headers.get("Access-Control-Allow-Origin"), ORIGIN);
    assert.match(ok.headers.get("Access-Control-Allow-Methods") ?? "", /POST/);
    assert.match(ok.headers.get("Access-Control-Allow-Headers") ?? "", /content-type/i);
    assert.ok(Number(ok.headers.get("Access-Control-Max-Age")) > 0);

    const refused = await call(mf, "/api/otp", { method: "OPTIONS", origin: EVIL, headers: pre });
    assert.equal(refused.status, 403);
    assert.equal(refused.headers.get("Access-Control-Allow-Origin"), null);
    assert.equal(refused.headers.get("Access-Control-Allow-Methods"), null);
  });

  test("no Origin header is refused unless ALLOW_NO_ORIGIN is on", async () => {
    const r = await call(mf, "/api/credit", { origin: null });
    assertError(r, 403, "origin");
    const open = await startWorker({ ALLOW_NO_ORIGIN: "true" });
    const ok = await call(open, "/api/credit", { origin: null });
    assert.equal(ok.status, 200, ok.text);
    assert.equal(typeof ok.body.credit, "number");
    assert.equal(ok.headers.get("Access-Control-Allow-Origin"), null);
    // The flag does not open the door to other sites.
    assertError(await call(open, "/api/credit", { origin: EVIL }), 403, "origin");
  });

  test("a bad number is 400 (kind input) and nothing is sent", async () => {
    const before_ = ledgerBulkIds(await sandboxJson("/__sandbox/ledger?uname=demo")).length;
    for (const to of ["12345", "0912123456", "09121234567890", "abc", ""]) {
      const r = await otp(mf, to);
      const e = assertError(r, 400, "input");
      assert.equal(r.headers.get("Access-Control-Allow-Origin"), ORIGIN, "errors carry CORS headers too");
      assert.ok(e.message.length > 0);
    }
    for (const to of [9121234567, null, ["09121234567"]]) {
      assertError(await call(mf, "/api/otp", { method: "POST", body: { to, values: { code: "1" } } }), 400, "input");
    }
    const after_ = ledgerBulkIds(await sandboxJson("/__sandbox/ledger?uname=demo")).length;
    assert.equal(after_, before_);
  });

  test("bad values are 400: unknown names, arrays, objects, long or link-like values", async () => {
    const cases = [
      undefined, null, "1234", ["1234"], {}, { other: "1" }, { code: { x: 1 } }, { code: true },
      { code: "" }, { code: "x".repeat(65) }, { code: "https://evil.test/x" }, { code: "12 34" },
      { "__proto__x": "1" }, Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`v${i}`, "1"])),
    ];
    for (const values of cases) {
      const r = await call(mf, "/api/otp", { method: "POST", body: { to: "09121234567", values } });
      if (values && typeof values === "object" && !Array.isArray(values) && Object.keys(values).length === 0) {
        // An empty object passes the proxy's checks; the service then refuses the pattern's
        // parameters (970), which is the caller's fault: 400.
        const e = assertError(r, 400, "api");
        assert.equal(Number(e.code), 970, r.text);
        continue;
      }
      assertError(r, 400, "input");
    }
    // A number is fine (the package sends it as text).
    const num = await call(mf, "/api/otp", { method: "POST", body: { to: "09121110005", values: { code: 5512 } } });
    assert.equal(num.status, 200, num.text);
  });

  test("bad bulk ids are 400 and never reach the service", async () => {
    for (const id of ["abc", "12a", "-1", "1.5", "%20", "9".repeat(21), "%D9%A1%D9%A2"]) {
      const r = await call(mf, `/api/delivery/${id}`);
      const e = assertError(r, 400, "input");
      assert.equal(e.code, "invalid_bulk_id", r.text);
    }
    assertError(await call(mf, "/api/delivery/"), 400, "input");
  });

  test("an oversized body is 400 (declared or streamed without a length)", async () => {
    const big = JSON.stringify({ to: "09121234567", values: { code: "1" }, pad: "x".repeat(4000) });
    const r = await call(mf, "/api/otp", { method: "POST", body: big, headers: { "Content-Type": "application/json" } });
    assert.equal(assertError(r, 400, "input").code, "body_too_large");

    const chunk = new TextEncoder().encode("x".repeat(1024));
    let n = 0;
    const stream = new ReadableStream({
      pull(c) {
        if (n++ < 8) c.enqueue(chunk);
        else c.close();
      },
    });
    const res = await mf.dispatchFetch("https://proxy.example.test/api/otp", {
      method: "POST", body: stream, duplex: "half",
      headers: { Origin: ORIGIN, "CF-Connecting-IP": freshIp(), "Content-Type": "application/json" },
    });
    const text = await res.text();
    seen.push(text);
    assert.equal(res.status, 400, text);
    assert.equal(JSON.parse(text).error.code, "body_too_large");
  });

  test("a body that is not JSON, or not declared as JSON, is 400", async () => {
    const json = { "Content-Type": "application/json" };
    for (const body of ["not json", "{\"to\":", "[1,2]", "\"x\"", "null", ""]) {
      const r = await call(mf, "/api/otp", { method: "POST", body, headers: json });
      assertError(r, 400, "input");
    }
    const form = await call(mf, "/api/otp", {
      method: "POST", body: "to=09121234567", headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    assert.equal(assertError(form, 400, "input").code, "content_type");
  });

  test("wrong method is 405 and unknown paths are 404", async () => {
    const get = await call(mf, "/api/otp");
    assertError(get, 405);
    assert.match(get.headers.get("Allow") ?? "", /POST/);
    assertError(await call(mf, "/api/credit", { method: "POST", body: {} }), 405);
    assertError(await call(mf, "/api/nothing"), 404, "not_found");
    assertError(await call(mf, "/"), 404, "not_found");
  });

  test("too many codes to one number: 429 with Retry-After", async () => {
    const to = "09127770001";
    assert.equal((await otp(mf, to)).status, 200);
    assert.equal((await otp(mf, "+98 912 777 0001")).status, 200);
    const r = await otp(mf, "989127770001");
    const e = assertError(r, 429, "rate_limited");
    assert.equal(e.code, "recipient");
    const wait = Number(r.headers.get("Retry-After"));
    assert.ok(wait >= 1 && wait <= 3600, `Retry-After ${wait}`);
    assert.equal((await otp(mf, "09127770002")).status, 200, "another number is not limited");
  });

  test("an api error (insufficient credit on the empty account) maps to 502 with code and messages", async () => {
    const empty = await startWorker({ IPPANEL_USERNAME: "empty", IPPANEL_PASSWORD: "empty-pass-1234" });
    const r = await otp(empty, "09121110006");
    const e = assertError(r, 502, "api");
    assert.equal(Number(e.code), 5, r.text);
    assert.notEqual(e.message, e.messageFa);
    assert.match(e.messageFa, /[\u0600-\u06FF]/, "Persian text");
    assert.ok(!r.text.includes("empty-pass-1234"));
  });

  test("an unknown pattern is an api error without leaking anything", async () => {
    const bad = await startWorker({ OTP_PATTERN_CODE: "no-such-pattern" });
    const r = await otp(bad, "09121110007");
    const e = assertError(r, 502, "api");
    assert.notEqual(e.code, null);
  });
});

describe("rate limit per client IP", () => {
  test("429 with Retry-After after RATE_LIMIT_PER_MINUTE requests, other IPs unaffected", async () => {
    const mf = await startWorker({ RATE_LIMIT_PER_MINUTE: "3" });
    const ip = "203.0.113.9";
    for (let i = 0; i < 3; i++) {
      const r = await call(mf, "/api/credit", { ip });
      assert.equal(r.status, 200, `request ${i + 1}: ${r.text}`);
    }
    const limited = await call(mf, "/api/credit", { ip });
    const e = assertError(limited, 429, "rate_limited");
    assert.equal(e.code, "client");
    const wait = Number(limited.headers.get("Retry-After"));
    assert.ok(Number.isInteger(wait) && wait >= 1 && wait <= 60, `Retry-After ${wait}`);
    assert.equal(limited.headers.get("Access-Control-Allow-Origin"), ORIGIN, "the page can read the 429");
    // Sends are limited too, and preflights are not counted.
    assertError(await otp(mf, "09121110008", "1", { ip }), 429, "rate_limited");
    const pre = await call(mf, "/api/otp", { method: "OPTIONS", ip });
    assert.equal(pre.status, 204);
    assert.equal((await call(mf, "/api/credit", { ip: "203.0.113.10" })).status, 200);
  });
});

describe("rate limit through the Rate Limiting binding", () => {
  test("with a RATE_LIMITER binding, the binding decides (not RATE_LIMIT_PER_MINUTE)", async () => {
    const mf = await startWorker(
      { RATE_LIMIT_PER_MINUTE: "1000" },
      { ratelimits: { RATE_LIMITER: { namespace_id: "1001", simple: { limit: 2, period: 60 } } } },
    );
    const ip = "203.0.113.20";
    assert.equal((await call(mf, "/api/credit", { ip })).status, 200);
    assert.equal((await call(mf, "/api/credit", { ip })).status, 200);
    const limited = await call(mf, "/api/credit", { ip });
    assertError(limited, 429, "rate_limited");
    assert.equal(limited.headers.get("Retry-After"), "60");
    assert.equal((await call(mf, "/api/credit", { ip: "203.0.113.21" })).status, 200);
  });
});

describe("upstream failures are mapped without leaking", () => {
  test("HTTP 502 from the service: 502 kind http, no upstream body", async () => {
    const mf = await startWorker({ IPPANEL_BASE_URL: `${sandbox.url}/__fault/http502` });
    const upstream = await fetch(`${sandbox.url}/__fault/http502/services.jspd`, { method: "POST", body: "op=credit" });
    const upstreamText = await upstream.text();
    for (const r of [await call(mf, "/api/credit"), await call(mf, "/api/delivery/123"), await otp(mf, "09121110009")]) {
      const e = assertError(r, 502, "http");
      assert.equal(e.code, null);
      assert.ok(!/<html|<body|<h1/i.test(r.text), r.text);
      if (upstreamText.length > 20) assert.ok(!r.text.includes(upstreamText.trim().slice(0, 40)), r.text);
      assert.equal(r.headers.get("Access-Control-Allow-Origin"), ORIGIN);
    }
  });

  test("a hanging service: 502 kind timeout after IPPANEL_TIMEOUT_MS; a send says it may have gone", async () => {
    const mf = await startWorker({ IPPANEL_BASE_URL: `${sandbox.url}/__fault/hang`, IPPANEL_TIMEOUT_MS: "400" });
    const t0 = Date.now();
    const credit = await call(mf, "/api/credit");
    assertError(credit, 502, "timeout");
    assert.ok(Date.now() - t0 < 4000, `took ${Date.now() - t0} ms`);
    const send = await otp(mf, "09121110010");
    const e = assertError(send, 502, "timeout");
    assert.equal(e.mayHaveSent, true);
  });

  test("other broken answers (html200, truncated, shape) are 502 without the raw body", async () => {
    for (const fault of ["html200", "truncated", "shape"]) {
      const mf = await startWorker({ IPPANEL_BASE_URL: `${sandbox.url}/__fault/${fault}` });
      const r = await call(mf, "/api/credit");
      const e = assertError(r, 502);
      assert.ok(["http", "protocol"].includes(e.kind), `${fault}: ${r.text}`);
      assert.ok(!/<html|<body/i.test(r.text), r.text);
      assert.ok(!("body" in e) && !("status" in e), r.text);
    }
  });

  test("a wrong password: 502 with a generic message, no password, no upstream text", async () => {
    const mf = await startWorker({ IPPANEL_PASSWORD: WRONG_PASSWORD });
    for (const r of [await call(mf, "/api/credit"), await otp(mf, "09121110011"), await call(mf, "/api/delivery/1")]) {
      const e = assertError(r, 502, "upstream");
      assert.equal(e.code, null);
      assert.ok(!r.text.includes(WRONG_PASSWORD));
      assert.ok(!/incorrect|962|password|کلمه عبور/i.test(r.text), r.text);
      for (const [, v] of r.headers) assert.ok(!v.includes(WRONG_PASSWORD));
    }
  });

  test("missing secrets: 500 kind config, nothing sent", async () => {
    const mf = await startWorker({ IPPANEL_PASSWORD: "" });
    assertError(await call(mf, "/api/credit"), 500, "config");
  });
});

describe("switches", () => {
  test("an endpoint that is switched off answers 404", async () => {
    const mf = await startWorker({ ENABLE_OTP: "false", ENABLE_DELIVERY: "0", ENABLE_CREDIT: "" });
    assertError(await otp(mf, "09121234567"), 404, "not_found");
    assertError(await call(mf, "/api/delivery/1"), 404, "not_found");
    assertError(await call(mf, "/api/credit"), 404, "not_found");
    const one = await startWorker({ ENABLE_OTP: "false" });
    assertError(await otp(one, "09121234567"), 404, "not_found");
    assert.equal((await call(one, "/api/credit")).status, 200);
  });

  test("DELIVERY_MASK_RECIPIENTS hides the middle digits", async () => {
    const mf = await startWorker({ DELIVERY_MASK_RECIPIENTS: "true" });
    const sent = await otp(mf, "09124443322");
    assert.equal(sent.status, 200, sent.text);
    const r = await call(mf, `/api/delivery/${sent.body.bulkId}`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.entries[0].recipient, "+98912***3322");
  });
});

describe("secrets", () => {
  test("no password in any response body, header or Worker log line", async () => {
    assert.ok(seen.length > 50, `responses were recorded (${seen.length})`);
    for (const s of seen) {
      assert.ok(!s.includes(PASSWORD), "the demo password leaked into a response");
      assert.ok(!s.includes(WRONG_PASSWORD), "the wrong password leaked into a response");
    }
    const all = logs.join("");
    assert.ok(all.includes("ippanel call failed"), "failures were logged");
    for (const secret of [PASSWORD, WRONG_PASSWORD, "empty-pass-1234"]) {
      assert.ok(!all.includes(secret), `a password leaked into the Worker log: ${secret}`);
    }
    assert.ok(!/<html|<body/i.test(all), "an upstream body leaked into the Worker log");
  });
});
