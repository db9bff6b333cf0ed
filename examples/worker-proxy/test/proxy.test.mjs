// What every endpoint shares, in local workerd (Miniflare 4) against the sandbox: CORS and the
// origin check, request bodies, methods and paths, the uniform error shape, upstream failures
// mapped without leaking, and GET /api/credit.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  ORIGIN, OTHER_ORIGIN, PASSWORD, assertError, assertNoWireViolations, ledger, startWorld, stopWorld,
} from "../testing/harness.mjs";

const WRONG_PASSWORD = "wrong-Pa55-7f3e9c";
const EVIL = "https://evil.example.test";

let sandbox;
let bundle;
let pool;

before(async () => ({ sandbox, bundle, pool } = await startWorld()));
after(() => stopWorld({ pool, sandbox, bundle }));

const ledgerSize = async () => (await ledger(sandbox.url)).length;

describe("origins and CORS", () => {
  let mf;
  before(async () => {
    mf = await pool.start();
  });

  test("an allowed origin gets CORS headers; each listed origin is matched exactly", async () => {
    const r = await pool.call(mf, "/api/credit", { origin: OTHER_ORIGIN });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get("Access-Control-Allow-Origin"), OTHER_ORIGIN);
    assert.match(r.headers.get("Vary") ?? "", /Origin/);
    assert.match(r.headers.get("Access-Control-Expose-Headers") ?? "", /Retry-After/);
    assert.equal(r.headers.get("Access-Control-Allow-Credentials"), null);
    for (const near of [ORIGIN + "/", ORIGIN.replace("https", "http"), ORIGIN + ".evil.test", "null"]) {
      const n = await pool.call(mf, "/api/credit", { origin: near });
      assertError(n, 403, "origin", null);
      assert.equal(n.headers.get("Access-Control-Allow-Origin"), null, near);
    }
  });

  test("a refused origin gets 403, no CORS headers, and nothing is texted", async () => {
    const before_ = await ledgerSize();
    const r = await pool.verifyStart(mf, "09121110004", {}, { origin: EVIL });
    assertError(r, 403, "origin", null);
    for (const [name] of r.headers) assert.ok(!name.toLowerCase().startsWith("access-control-"), name);
    assert.equal(await ledgerSize(), before_);
  });

  test("preflight: allowed origin 204 with methods and headers, refused origin 403", async () => {
    const pre = { "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" };
    const ok = await pool.call(mf, "/api/verify/start", { method: "OPTIONS", headers: pre });
    assert.equal(ok.status, 204);
    assert.equal(ok.headers.get("Access-Control-Allow-Origin"), ORIGIN);
    assert.match(ok.headers.get("Access-Control-Allow-Methods") ?? "", /POST/);
    assert.match(ok.headers.get("Access-Control-Allow-Headers") ?? "", /content-type/i);
    assert.ok(Number(ok.headers.get("Access-Control-Max-Age")) > 0);
    const refused = await pool.call(mf, "/api/verify/start", { method: "OPTIONS", origin: EVIL, headers: pre });
    assert.equal(refused.status, 403);
    assert.equal(refused.headers.get("Access-Control-Allow-Origin"), null);
  });

  test("no Origin header is refused unless ALLOW_NO_ORIGIN is on", async () => {
    assertError(await pool.call(mf, "/api/credit", { origin: null }), 403, "origin");
    const open = await pool.start({ ALLOW_NO_ORIGIN: "true" });
    const ok = await pool.call(open, "/api/credit", { origin: null });
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.headers.get("Access-Control-Allow-Origin"), null);
    assertError(await pool.call(open, "/api/credit", { origin: EVIL }), 403, "origin");
  });
});

describe("requests", () => {
  let mf;
  before(async () => {
    mf = await pool.start();
  });

  test("a number that is not an Iranian mobile is 400 input, and nothing is texted", async () => {
    const before_ = await ledgerSize();
    for (const to of ["12345", "0912123456", "09121234567890", "abc", "+14155550100", "02188776655"]) {
      const r = await pool.verifyStart(mf, to);
      assertError(r, 400, "input");
      assert.equal(r.headers.get("Access-Control-Allow-Origin"), ORIGIN, "errors carry CORS headers too");
    }
    for (const to of ["", 9121234567, null, ["09121234567"], "0".repeat(40)]) {
      assertError(await pool.call(mf, "/api/verify/start", { method: "POST", body: { to } }), 400, "input", "invalid_to");
    }
    assert.equal(await ledgerSize(), before_);
  });

  test("an oversized body is 400 (declared or streamed without a length)", async () => {
    const big = JSON.stringify({ to: "09121234567", pad: "x".repeat(5000) });
    const r = await pool.call(mf, "/api/verify/start", { method: "POST", body: big, headers: { "Content-Type": "application/json" } });
    assertError(r, 400, "input", "body_too_large");

    const chunk = new TextEncoder().encode("x".repeat(1024));
    let n = 0;
    const stream = new ReadableStream({
      pull(c) {
        if (n++ < 8) c.enqueue(chunk);
        else c.close();
      },
    });
    const res = await mf.dispatchFetch("https://proxy.example.test/api/verify/check", {
      method: "POST", body: stream, duplex: "half",
      headers: { Origin: ORIGIN, "CF-Connecting-IP": pool.freshIp(), "Content-Type": "application/json" },
    });
    const text = await res.text();
    pool.seen.push(text);
    assert.equal(res.status, 400, text);
    assert.equal(JSON.parse(text).error.code, "body_too_large");
  });

  test("a body that is not JSON, or not declared as JSON, is 400", async () => {
    const json = { "Content-Type": "application/json" };
    for (const body of ["not json", "{\"to\":", "[1,2]", "\"x\"", "null", ""]) {
      assertError(await pool.call(mf, "/api/verify/start", { method: "POST", body, headers: json }), 400, "input", "invalid_json");
    }
    const form = await pool.call(mf, "/api/verify/start", {
      method: "POST", body: "to=09121234567", headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    assertError(form, 400, "input", "content_type");
  });

  test("wrong method is 405; unknown paths and the removed /api/otp are 404", async () => {
    const get = await pool.call(mf, "/api/verify/start");
    assertError(get, 405, "method");
    assert.match(get.headers.get("Allow") ?? "", /POST/);
    assertError(await pool.call(mf, "/api/credit", { method: "POST", body: {} }), 405, "method");
    const otp = await pool.call(mf, "/api/otp", { method: "POST", body: { to: "09121234567", values: { code: "1234" } } });
    assertError(otp, 404, "not_found");
    assertError(await pool.call(mf, "/api/delivery/1"), 404, "not_found");
    assertError(await pool.call(mf, "/"), 404, "not_found");
  });

  test("GET /api/credit is the sandbox account's credit, and drops after a start; off unless enabled", async () => {
    const c1 = await pool.call(mf, "/api/credit");
    assert.equal(c1.status, 200, c1.text);
    const state = await (await fetch(`${sandbox.url}/__sandbox/state?uname=demo`)).json();
    assert.equal(c1.body.credit, Number(state.credit));
    assert.equal((await pool.verifyStart(mf, "09121110003")).status, 200);
    const c2 = await pool.call(mf, "/api/credit");
    assert.ok(c2.body.credit < c1.body.credit, `${c2.body.credit} < ${c1.body.credit}`);
    const off = await pool.start({ ENABLE_CREDIT: "false" });
    assertError(await pool.call(off, "/api/credit"), 404, "not_found");
  });
});

describe("upstream failures are mapped without leaking", () => {
  test("HTTP 502 from the service: 502 kind http, no upstream body", async () => {
    const mf = await pool.start({ IPPANEL_BASE_URL: `${sandbox.url}/__fault/http502` });
    for (const r of [await pool.call(mf, "/api/credit"), await pool.verifyStart(mf, "09121110009")]) {
      assertError(r, 502, "http", null);
      assert.ok(!/<html|<body|<h1/i.test(r.text), r.text);
      assert.equal(r.headers.get("Access-Control-Allow-Origin"), ORIGIN);
    }
  });

  // docs/protocol.md and docs/api.md: a 2xx body that is not the service's format is `http`; well-formed
  // JSON of the wrong shape is `protocol`.
  for (const [fault, kind] of [["html200", "http"], ["truncated", "http"], ["shape", "protocol"]]) {
    test(`a ${fault} answer is 502 kind ${kind} without the raw body`, async () => {
      const mf = await pool.start({ IPPANEL_BASE_URL: `${sandbox.url}/__fault/${fault}` });
      const r = await pool.call(mf, "/api/credit");
      const e = assertError(r, 502, kind, null);
      assert.ok(!/<html|<body|foo/i.test(r.text), r.text);
      assert.ok(!("body" in e) && !("status" in e), r.text);
    });
  }

  test("a wrong password: 502 upstream with a generic message, no password, no upstream text", async () => {
    const mf = await pool.start({ IPPANEL_PASSWORD: WRONG_PASSWORD });
    for (const r of [await pool.call(mf, "/api/credit"), await pool.verifyStart(mf, "09121110011")]) {
      assertError(r, 502, "upstream", null);
      assert.ok(!r.text.includes(WRONG_PASSWORD));
      assert.ok(!/incorrect|962|password|کلمه عبور/i.test(r.text), r.text);
    }
  });

  test("no credit on the account: 502 api code 5 with the service's words in both languages", async () => {
    const mf = await pool.start({ IPPANEL_USERNAME: "empty", IPPANEL_PASSWORD: "empty-pass-1234" });
    const r = await pool.verifyStart(mf, "09121110006");
    const e = assertError(r, 502, "api", 5);
    assert.notEqual(e.message, e.messageFa);
  });
});

describe("secrets", () => {
  test("no password in any response body, header or Worker log line", () => {
    assert.ok(pool.seen.length > 30, `responses were recorded (${pool.seen.length})`);
    for (const s of pool.seen) {
      for (const secret of [PASSWORD, WRONG_PASSWORD, "empty-pass-1234"]) assert.ok(!s.includes(secret), "a password leaked");
    }
    const all = pool.logs.join("");
    assert.ok(all.includes("ippanel call failed"), "failures were logged");
    for (const secret of [PASSWORD, WRONG_PASSWORD, "empty-pass-1234"]) assert.ok(!all.includes(secret), "a password leaked into the log");
    assert.ok(!/<html|<body/i.test(all), "an upstream body leaked into the Worker log");
  });
});

test("the strict sandbox refused no request from the Worker", async () => {
  await assertNoWireViolations(sandbox.url);
});
