// Turnstile on POST /api/verify/start: with TURNSTILE_SECRET set, a token is required and
// checked with siteverify (success, hostname, action). TURNSTILE_VERIFY_URL points at a fake
// siteverify on 127.0.0.1 that answers by token, the way Cloudflare's would.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { assertError, assertNoWireViolations, startWorld, stopWorld, textsTo } from "../testing/harness.mjs";

const TURNSTILE_SECRET = "turnstile-test-secret-0x4AAAAA";

let sandbox;
let bundle;
let pool;
let siteverify;
let siteverifyUrl;
/** Every form siteverify received: { secret, response, remoteip }. */
const received = [];

/** Cloudflare's answers, by the token the page sent. */
const ANSWERS = {
  "token-ok": { success: true, hostname: "app.example.test", action: "verify", challenge_ts: "2026-11-30T10:00:00Z" },
  "token-bad": { success: false, "error-codes": ["invalid-input-response"] },
  "token-other-host": { success: true, hostname: "evil.example.test", action: "verify" },
  "token-other-action": { success: true, hostname: "app.example.test", action: "login" },
};

before(async () => {
  ({ sandbox, bundle, pool } = await startWorld());
  siteverify = createServer(async (req, res) => {
    const form = await new Response(req, { headers: { "content-type": req.headers["content-type"] } }).formData()
      .catch(() => new FormData());
    const entry = Object.fromEntries(form);
    received.push(entry);
    if (entry.response === "token-down") {
      res.writeHead(500, { "content-type": "text/html" });
      return res.end("<html>down</html>");
    }
    const answer = entry.secret === TURNSTILE_SECRET
      ? ANSWERS[entry.response] ?? ANSWERS["token-bad"]
      : { success: false, "error-codes": ["invalid-input-secret"] };
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(answer));
  });
  await new Promise((ok) => siteverify.listen(0, "127.0.0.1", ok));
  siteverifyUrl = `http://127.0.0.1:${siteverify.address().port}/turnstile/v0/siteverify`;
});

after(async () => {
  await stopWorld({ pool, sandbox, bundle });
  await new Promise((ok) => (siteverify ? siteverify.close(ok) : ok()));
});

describe("Turnstile", () => {
  let mf;
  before(async () => {
    mf = await pool.start({ TURNSTILE_SECRET, TURNSTILE_VERIFY_URL: siteverifyUrl, TURNSTILE_ACTION: "verify" });
  });

  test("pass: a valid token for this host and action lets start text a code", async () => {
    const r = await pool.verifyStart(mf, "09123330001", { turnstileToken: "token-ok" }, { ip: "203.0.113.50" });
    assert.equal(r.status, 200, r.text);
    assert.equal((await textsTo(sandbox.url, "+989123330001")).length, 1);
    const last = received.at(-1);
    assert.equal(last.secret, TURNSTILE_SECRET, "the secret went to siteverify");
    assert.equal(last.response, "token-ok");
    assert.equal(last.remoteip, "203.0.113.50");
  });

  test("missing token: 400 turnstile_missing, siteverify not asked, nothing texted", async () => {
    const asked = received.length;
    for (const extra of [{}, { turnstileToken: "" }, { turnstileToken: 42 }, { turnstileToken: "x".repeat(2049) }]) {
      assertError(await pool.verifyStart(mf, "09123330002", extra), 400, "turnstile", "turnstile_missing");
    }
    assert.equal(received.length, asked);
    assert.equal((await textsTo(sandbox.url, "+989123330002")).length, 0);
  });

  test("fail: a refused token, another site's host name or another action is 403 turnstile_failed", async () => {
    for (const token of ["token-bad", "token-other-host", "token-other-action"]) {
      assertError(await pool.verifyStart(mf, "09123330003", { turnstileToken: token }), 403, "turnstile", "turnstile_failed");
    }
    assert.equal((await textsTo(sandbox.url, "+989123330003")).length, 0);
  });

  test("siteverify unreachable or failing: 502 turnstile_unavailable, nothing texted", async () => {
    assertError(await pool.verifyStart(mf, "09123330004", { turnstileToken: "token-down" }), 502, "turnstile", "turnstile_unavailable");
    const gone = await pool.start({ TURNSTILE_SECRET, TURNSTILE_VERIFY_URL: "http://127.0.0.1:9/siteverify" });
    assertError(await pool.verifyStart(gone, "09123330004", { turnstileToken: "token-ok" }), 502, "turnstile", "turnstile_unavailable");
    assert.equal((await textsTo(sandbox.url, "+989123330004")).length, 0);
  });

  test("TURNSTILE_HOSTNAMES overrides the hosts of ALLOWED_ORIGINS", async () => {
    const other = await pool.start({
      TURNSTILE_SECRET, TURNSTILE_VERIFY_URL: siteverifyUrl, TURNSTILE_HOSTNAMES: "evil.example.test",
    });
    assert.equal((await pool.verifyStart(other, "09123330005", { turnstileToken: "token-other-host" })).status, 200);
    assertError(await pool.verifyStart(other, "09123330006", { turnstileToken: "token-ok" }), 403, "turnstile", "turnstile_failed");
  });

  test("without TURNSTILE_SECRET no token is needed and siteverify is never asked", async () => {
    const asked = received.length;
    const plain = await pool.start({ TURNSTILE_VERIFY_URL: siteverifyUrl });
    assert.equal((await pool.verifyStart(plain, "09123330007")).status, 200);
    assert.equal(received.length, asked);
  });

  test("the Turnstile secret is in no response or log line", () => {
    for (const s of [...pool.seen, ...pool.logs]) assert.ok(!s.includes(TURNSTILE_SECRET));
  });
});

test("the strict sandbox refused no request from the Worker", async () => {
  await assertNoWireViolations(sandbox.url);
});
