// The workers-rs example end to end: the Worker as worker-build built it (build/index.js and
// build/index_bg.wasm), run in local workerd by Miniflare 4, in front of the repo's strict
// sandbox of the ippanel service.
//
//   node --test examples/workers-rs/test/          (from the repo root)
//
// The Worker is built first when build/ is missing or older than its sources
// (examples/workers-rs/scripts/build.sh: worker-build --release, offline).

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Miniflare } from "miniflare";

const EXAMPLE = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const REPO = resolve(EXAMPLE, "../..");
const BUILD = join(EXAMPLE, "build");

const USER = "demo";
const PASSWORD = "demo-pass-1234";
const LINE = "3000505";
const START_CREDIT = 1_000_000;

/** The newest modification time among `paths` (files, or folders walked whole). */
function newest(paths) {
  let t = 0;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const s = statSync(p);
    if (s.isDirectory()) t = Math.max(t, newest(readdirSync(p).map((f) => join(p, f))));
    else t = Math.max(t, s.mtimeMs);
  }
  return t;
}

/** Builds the Worker unless build/ is newer than its sources and the library's. */
function ensureBuilt() {
  const out = [join(BUILD, "index.js"), join(BUILD, "index_bg.wasm")];
  const sources = [join(EXAMPLE, "src"), join(EXAMPLE, "Cargo.toml"), join(REPO, "src"), join(REPO, "Cargo.toml")];
  const built = out.every((f) => existsSync(f)) ? Math.min(...out.map((f) => statSync(f).mtimeMs)) : 0;
  if (built > newest(sources)) return;
  const r = spawnSync("bash", [join(EXAMPLE, "scripts/build.sh")], { stdio: "inherit" });
  assert.equal(r.status, 0, "examples/workers-rs/scripts/build.sh failed");
}

/** The sandbox, strict, with delivery slow enough that it moves only when a test forces it. */
async function startSandbox() {
  const { startSandbox: start } = await import(pathToFileURL(join(REPO, "sandbox/server.mjs")).href);
  return start({ port: 0, quiet: true, deliveryStepMs: 3_600_000 });
}

const workers = [];
const logs = [];

/** A Worker with the settings `vars` (strings, as wrangler vars and secrets are). */
async function startWorker(vars) {
  const mf = new Miniflare({
    modulesRoot: BUILD,
    modules: [
      { type: "ESModule", path: join(BUILD, "index.js") },
      { type: "CompiledWasm", path: join(BUILD, "index_bg.wasm") },
    ],
    compatibilityDate: "2025-09-01",
    // The placeholder `request.cf`: Miniflare would otherwise fetch a real one from Cloudflare.
    cf: false,
    bindings: vars,
    handleRuntimeStdio: (stdout, stderr) => {
      stdout.on("data", (d) => logs.push(String(d)));
      stderr.on("data", (d) => logs.push(String(d)));
    },
  });
  await mf.ready;
  workers.push(mf);
  return mf;
}

/** One request to a Worker: { status, headers, body } with the body parsed as JSON. */
async function call(mf, path, { method = "GET", body } = {}) {
  const init = { method };
  if (body !== undefined) {
    init.headers = { "Content-Type": "application/json" };
    init.body = typeof body === "string" ? body : JSON.stringify(body);
  }
  const res = await mf.dispatchFetch("https://worker.example.test" + path, init);
  const text = await res.text();
  assert.match(res.headers.get("Content-Type") ?? "", /^application\/json/, `JSON answer: ${text}`);
  const parsed = JSON.parse(text);
  if (parsed?.error) assert.deepEqual(Object.keys(parsed.error), ["kind", "message", "messageFa", "code", "mayHaveSent"]);
  return { status: res.status, headers: res.headers, body: parsed };
}

async function admin(sandbox, path, method = "GET") {
  const res = await fetch(sandbox.url + path, { method });
  assert.equal(res.status, 200, `sandbox ${path}`);
  return res.json();
}

describe("workers-rs example", () => {
  let sandbox;
  let good;

  before(async () => {
    ensureBuilt();
    sandbox = await startSandbox();
    good = await startWorker({ IPPANEL_USER: USER, IPPANEL_PASS: PASSWORD, IPPANEL_URL: sandbox.url, IPPANEL_TIMEOUT_MS: "5000" });
  });

  after(async () => {
    for (const mf of workers) await mf.dispose().catch(() => {});
    await sandbox?.close();
    // Nothing the Worker printed may hold the password.
    assert.ok(!logs.join("").includes(PASSWORD), "the password in the Worker's output");
  });

  test("GET /credit answers the sandbox's balance", async () => {
    const state = await admin(sandbox, `/__sandbox/state?uname=${USER}`);
    assert.equal(state.credit, START_CREDIT);
    const r = await call(good, "/credit");
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { credit: START_CREDIT });
    assert.equal(r.headers.get("Cache-Control"), "no-store");
  });

  test("POST /send is recorded by the service, and GET /delivery follows it", async () => {
    const message = "Hello from workers-rs";
    const r = await call(good, "/send", { method: "POST", body: { from: LINE, to: ["09121234567", "0912 123 4560"], message } });
    assert.equal(r.status, 200);
    assert.deepEqual(Object.keys(r.body), ["bulkId"]);
    const { bulkId } = r.body;
    assert.match(bulkId, /^\d+$/);

    const ledger = await admin(sandbox, `/__sandbox/ledger?uname=${USER}`);
    assert.equal(ledger.length, 1);
    const { at, ...entry } = ledger[0];
    assert.ok(!Number.isNaN(Date.parse(at)));
    // One GSM-7 part to two numbers at 150 rials a part.
    assert.deepEqual(entry, {
      bulkId, op: "send", from: LINE, recipients: ["+989121234567", "+989121234560"], message, parts: 1, cost: 300, time: null,
    });
    assert.deepEqual((await call(good, "/credit")).body, { credit: START_CREDIT - 300 });

    // Not yet moved (the sandbox's delivery steps are an hour here).
    const pending = await call(good, `/delivery/${bulkId}`);
    assert.equal(pending.status, 200);
    assert.deepEqual(pending.body, [
      { recipient: "+989121234567", status: "notsync" },
      { recipient: "+989121234560", status: "notsync" },
    ]);

    assert.deepEqual(await admin(sandbox, `/__sandbox/deliver?bulkId=${bulkId}`, "POST"), { ok: true });
    const done = await call(good, `/delivery/${bulkId}`);
    assert.equal(done.status, 200);
    // The sandbox fails numbers ending in 0 and delivers the rest.
    assert.deepEqual(done.body, [
      { recipient: "+989121234567", status: "delivered" },
      { recipient: "+989121234560", status: "failed" },
    ]);
  });

  test("a wrong password is an auth error, 502, and nothing is sent", async () => {
    const bad = await startWorker({ IPPANEL_USER: USER, IPPANEL_PASS: "not-the-password", IPPANEL_URL: sandbox.url });
    const auth = {
      error: {
        kind: "auth",
        message: "Username or password is incorrect",
        messageFa: "نام کاربری یا کلمه عبور نادرست می باشد",
        code: 962,
        mayHaveSent: false,
      },
    };
    const credit = await call(bad, "/credit");
    assert.equal(credit.status, 502);
    assert.deepEqual(credit.body, auth);

    const before = (await admin(sandbox, `/__sandbox/state?uname=${USER}`)).sends;
    const send = await call(bad, "/send", { method: "POST", body: { from: LINE, to: "09121234567", message: "hi" } });
    assert.equal(send.status, 502);
    assert.deepEqual(send.body, auth);
    assert.equal((await admin(sandbox, `/__sandbox/state?uname=${USER}`)).sends, before);
  });

  test("a refusal by the service is an api error, 502, with its code", async () => {
    const r = await call(good, "/send", { method: "POST", body: { from: "50009999", to: "09121234567", message: "hi" } });
    assert.equal(r.status, 502);
    assert.deepEqual(r.body, {
      error: { kind: "api", message: "The sender line does not belong to you", messageFa: "خط به شما تعلق ندارد", code: 3, mayHaveSent: false },
    });
    const unknown = await call(good, "/delivery/987654");
    assert.equal(unknown.status, 502);
    assert.deepEqual(unknown.body, {
      error: { kind: "api", message: "Invalid bulk id", messageFa: "کد بالک ارسالی نامعتبر است", code: 456, mayHaveSent: false },
    });
  });

  test("an upstream that never answers is a timeout error, 504", async () => {
    const hung = await startWorker({
      IPPANEL_USER: USER, IPPANEL_PASS: PASSWORD, IPPANEL_URL: `${sandbox.url}/__fault/hang`, IPPANEL_TIMEOUT_MS: "1500", IPPANEL_RETRIES: "0",
    });
    const t0 = Date.now();
    const credit = await call(hung, "/credit");
    const took = Date.now() - t0;
    assert.equal(credit.status, 504);
    assert.deepEqual(credit.body, {
      error: { kind: "timeout", message: "no response within 1500 ms", messageFa: "پاسخی در 1500 میلی‌ثانیه دریافت نشد", code: null, mayHaveSent: false },
    });
    assert.ok(took >= 1400 && took < 10_000, `answered after ${took} ms`);

    // A send whose request left and got no answer may have gone out: the Worker says so.
    const send = await call(hung, "/send", { method: "POST", body: { from: LINE, to: "09121234567", message: "hi" } });
    assert.equal(send.status, 504);
    assert.deepEqual(send.body, {
      error: { kind: "timeout", message: "no response within 1500 ms", messageFa: "پاسخی در 1500 میلی‌ثانیه دریافت نشد", code: null, mayHaveSent: true },
    });
  });

  test("the caller's mistakes are 4xx, the Worker's settings 500", async () => {
    const input = await call(good, "/send", { method: "POST", body: { from: LINE, to: ["09121234567", "12345"], message: "hi" } });
    assert.equal(input.status, 400);
    assert.deepEqual(input.body, {
      error: {
        kind: "input",
        message: 'to[1]: "12345" is not a valid Iranian mobile number (e.g. 09121234567)',
        messageFa: "to[1]: «12345» شماره موبایل معتبر ایرانی نیست (مانند 09121234567)",
        code: null,
        mayHaveSent: false,
      },
    });

    const notJson = await call(good, "/send", { method: "POST", body: "{ from: 3000505" });
    assert.equal(notJson.status, 400);
    assert.deepEqual(notJson.body, {
      error: {
        kind: "input",
        message: "body: must be JSON { from, to, message[, time] }",
        messageFa: "body: باید JSON به شکل { from, to, message[, time] } باشد",
        code: null,
        mayHaveSent: false,
      },
    });

    const route = await call(good, "/nowhere");
    assert.equal(route.status, 404);
    assert.deepEqual(route.body, {
      error: { kind: "not_found", message: "no such route", messageFa: "چنین مسیری وجود ندارد", code: null, mayHaveSent: false },
    });

    const method = await call(good, "/credit", { method: "POST", body: {} });
    assert.equal(method.status, 405);
    assert.equal(method.headers.get("Allow"), "GET");
    assert.deepEqual(method.body, {
      error: { kind: "method_not_allowed", message: "method not allowed", messageFa: "این متد مجاز نیست", code: null, mayHaveSent: false },
    });

    const unset = await startWorker({ IPPANEL_USER: USER, IPPANEL_URL: sandbox.url });
    const config = await call(unset, "/credit");
    assert.equal(config.status, 500);
    assert.deepEqual(config.body, {
      error: { kind: "config", message: "IPPANEL_PASS is not set", messageFa: "IPPANEL_PASS تنظیم نشده است", code: null, mayHaveSent: false },
    });

    // Only the one send of the send test reached the service.
    assert.equal((await admin(sandbox, `/__sandbox/state?uname=${USER}`)).sends, 1);
  });

  test("the Worker sent the sandbox no request a correct client never sends", async () => {
    assert.deepEqual(await admin(sandbox, "/__sandbox/violations"), []);
  });
});
