// The limits that guard against SMS pumping: resend cooldown and per-number limits (held in the
// number's Durable Object), the global send budget, per-IP limits through the real Rate
// Limiting binding, and what a failed or uncertain send does to them. Every "nothing was
// sent" is read from the sandbox's ledger.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { assertError, assertNoWireViolations, ledger, startWorld, stopWorld, textsTo } from "../testing/harness.mjs";

let sandbox;
let bundle;
let pool;

before(async () => ({ sandbox, bundle, pool } = await startWorld()));
after(() => stopWorld({ pool, sandbox, bundle }));

const retryAfter = (r) => Number(r.headers.get("Retry-After"));

describe("per number (Durable Object)", () => {
  test("resend cooldown: a second start within VERIFY_RESEND_COOLDOWN_SECONDS is 429 and texts nothing", async () => {
    const mf = await pool.start();
    const first = await pool.verifyStart(mf, "09122220001");
    assert.equal(first.status, 200, first.text);
    assert.equal(first.body.resendAfter, 60);
    // Another spelling of the same number, from another IP: the same Durable Object.
    const again = await pool.verifyStart(mf, "+98 912 222 0001");
    assertError(again, 429, "rate_limited", "cooldown");
    assert.ok(retryAfter(again) >= 55 && retryAfter(again) <= 60, `Retry-After ${retryAfter(again)}`);
    assert.equal(again.headers.get("Access-Control-Allow-Origin"), "https://app.example.test", "the page can read the 429");
    assert.equal((await textsTo(sandbox.url, "+989122220001")).length, 1);
    assert.equal((await pool.verifyStart(mf, "09122220002")).status, 200, "another number is not limited");
  });

  test("sends per number per window, counted across two Durable Object stubs obtained separately", async () => {
    const mf = await pool.start({ VERIFY_RESEND_COOLDOWN_SECONDS: "0", VERIFY_SENDS_PER_NUMBER: "3", VERIFY_SENDS_WINDOW_SECONDS: "600" });
    const phone = "+989122220003";
    const ns = await mf.getDurableObjectNamespace("PHONE_VERIFIER");
    const one = ns.get(ns.idFromName(phone));
    const two = ns.get(ns.idFromName(phone));
    const limits = { cooldownMs: 0, windowMs: 600_000, perWindow: 3, perDay: 10 };
    assert.equal((await one.reserve(limits)).ok, true);
    assert.equal((await two.reserve(limits)).ok, true);
    assert.equal((await one.stats()).sends, 2, "the first stub sees the second stub's send");

    assert.equal((await pool.verifyStart(mf, "09122220003")).status, 200, "the third send fits");
    const over = await pool.verifyStart(mf, "09122220003");
    assertError(over, 429, "rate_limited", "number");
    assert.ok(retryAfter(over) > 590 && retryAfter(over) <= 600, `Retry-After ${retryAfter(over)}`);
    const refused = await two.reserve(limits);
    assert.equal(refused.ok, false);
    assert.equal(refused.code, "number");
    assert.equal((await textsTo(sandbox.url, phone)).length, 1, "only the one start that passed was texted");
  });

  test("sends per number per day", async () => {
    const mf = await pool.start({ VERIFY_RESEND_COOLDOWN_SECONDS: "0", VERIFY_SENDS_PER_NUMBER: "100", VERIFY_SENDS_PER_NUMBER_PER_DAY: "2" });
    assert.equal((await pool.verifyStart(mf, "09122220004")).status, 200);
    assert.equal((await pool.verifyStart(mf, "09122220004")).status, 200);
    const over = await pool.verifyStart(mf, "09122220004");
    assertError(over, 429, "rate_limited", "number");
    assert.ok(retryAfter(over) > 86_000 && retryAfter(over) <= 86_400, `Retry-After ${retryAfter(over)}`);
    assert.equal((await textsTo(sandbox.url, "+989122220004")).length, 2);
  });

  test("a send the service refused gives back its cooldown and budget", async () => {
    const mf = await pool.start({ VERIFY_PATTERN_CODE: "no-such-pattern", BUDGET_SENDS_PER_HOUR: "1" });
    for (let i = 0; i < 3; i++) {
      const r = await pool.verifyStart(mf, "09122220005");
      const e = assertError(r, 502, "api");
      assert.equal(e.code, 971, r.text);
      assert.ok(!("mayHaveSent" in e));
    }
    const ns = await mf.getDurableObjectNamespace("PHONE_VERIFIER");
    assert.equal((await ns.get(ns.idFromName("+989122220005")).stats()).sends, 0);
  });

  test("a send whose outcome is unknown (timeout) keeps its cooldown", async () => {
    const mf = await pool.start({ IPPANEL_BASE_URL: `${sandbox.url}/__fault/hang`, IPPANEL_TIMEOUT_MS: "400" });
    const r = await pool.verifyStart(mf, "09122220006");
    const e = assertError(r, 502, "timeout", null);
    assert.equal(e.mayHaveSent, true);
    assertError(await pool.verifyStart(mf, "09122220006"), 429, "rate_limited", "cooldown");
  });
});

describe("global budget (one Durable Object)", () => {
  test("when the hourly budget is spent, start answers 503 and texts nothing", async () => {
    const mf = await pool.start({ BUDGET_SENDS_PER_HOUR: "2", BUDGET_SENDS_PER_DAY: "100" });
    const before_ = (await ledger(sandbox.url)).length;
    assert.equal((await pool.verifyStart(mf, "09122230001")).status, 200);
    assert.equal((await pool.verifyStart(mf, "09122230002")).status, 200);
    const spent = await pool.verifyStart(mf, "09122230003");
    assertError(spent, 503, "unavailable", "budget");
    assert.ok(retryAfter(spent) > 3500 && retryAfter(spent) <= 3600, `Retry-After ${retryAfter(spent)}`);
    assert.equal((await ledger(sandbox.url)).length, before_ + 2);
    // The refused number's cooldown was given back.
    const ns = await mf.getDurableObjectNamespace("PHONE_VERIFIER");
    assert.equal((await ns.get(ns.idFromName("+989122230003")).stats()).sends, 0);
  });

  test("the daily budget too, and concurrent starts never exceed it", async () => {
    const mf = await pool.start({ BUDGET_SENDS_PER_HOUR: "100", BUDGET_SENDS_PER_DAY: "3" });
    const before_ = (await ledger(sandbox.url)).length;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => pool.verifyStart(mf, `0912224000${i}`)),
    );
    assert.equal(results.filter((r) => r.status === 200).length, 3);
    for (const r of results.filter((x) => x.status !== 200)) assertError(r, 503, "unavailable", "budget");
    assert.equal((await ledger(sandbox.url)).length, before_ + 3);
  });
});

describe("per client IP (Rate Limiting binding)", () => {
  test("START_LIMITER limits starts per IP; other IPs are not affected", async () => {
    const mf = await pool.start({}, { ratelimits: { START_LIMITER: { namespace_id: "1002", simple: { limit: 2, period: 60 } } } });
    const ip = "203.0.113.7";
    assert.equal((await pool.verifyStart(mf, "09122250001", {}, { ip })).status, 200);
    assert.equal((await pool.verifyStart(mf, "09122250002", {}, { ip })).status, 200);
    const before_ = (await ledger(sandbox.url)).length;
    const limited = await pool.verifyStart(mf, "09122250003", {}, { ip });
    assertError(limited, 429, "rate_limited", "client");
    assert.equal(retryAfter(limited), 60);
    assert.equal((await ledger(sandbox.url)).length, before_, "nothing texted");
    assert.equal((await pool.verifyStart(mf, "09122250003", {}, { ip: "203.0.113.8" })).status, 200);
  });

  test("RATE_LIMITER limits every API request per IP, checks included; preflights are free", async () => {
    const mf = await pool.start({}, { ratelimits: { RATE_LIMITER: { namespace_id: "1001", simple: { limit: 3, period: 60 } } } });
    const ip = "203.0.113.9";
    const { body } = await pool.verifyStart(mf, "09122250004", {}, { ip });
    assert.equal((await pool.verifyCheck(mf, body.verificationId, "000000", { ip })).status, 200);
    assert.equal((await pool.call(mf, "/api/credit", { ip })).status, 200);
    assertError(await pool.verifyCheck(mf, body.verificationId, "000000", { ip }), 429, "rate_limited", "client");
    const pre = await pool.call(mf, "/api/verify/check", { method: "OPTIONS", ip });
    assert.equal(pre.status, 204);
    assert.equal((await pool.call(mf, "/api/credit", { ip: "203.0.113.10" })).status, 200);
  });
});

test("the strict sandbox refused no request from the Worker", async () => {
  await assertNoWireViolations(sandbox.url);
});
