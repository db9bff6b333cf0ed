// POST /api/verify/start and /check in local workerd (Miniflare 4, real SQLite Durable Objects)
// against the sandbox, whose ledger shows the texted code as a phone would.
//
//   node --test examples/worker-proxy/test/     (needs pkg/: `make pkg`)

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { jwtVerify } from "jose";
import { codeMac } from "../src/codes.js";
import {
  PASSWORD, TOKEN_SECRET, VERIFY_SECRET, assertError, assertNoWireViolations, lastCode, startWorld, stopWorld, textsTo,
} from "../testing/harness.mjs";

let sandbox;
let bundle;
let pool;
/** Every code texted and every MAC the Worker stored, to show none ever leaves it. */
const codes = [];
const macs = [];

before(async () => ({ sandbox, bundle, pool } = await startWorld()));
after(() => stopWorld({ pool, sandbox, bundle }));

/** Starts a verification for `phone` and reads its code from the sandbox's ledger. */
async function startAndRead(mf, to, phone, opts) {
  const r = await pool.verifyStart(mf, to, {}, opts);
  assert.equal(r.status, 200, r.text);
  const code = await lastCode(sandbox.url, phone);
  codes.push(code);
  macs.push(await codeMac(VERIFY_SECRET, r.body.verificationId, phone, code));
  return { id: r.body.verificationId, code, start: r };
}

/** A code of the same length that is not `code`. */
const wrong = (code) => code.replace(/^./, (d) => String((Number(d) + 1) % 10));

const secretBytes = new TextEncoder().encode(TOKEN_SECRET);

describe("verification flow", () => {
  let mf;
  before(async () => {
    mf = await startWorker();
  });
  const startWorker = (vars) => pool.start({ VERIFY_RESEND_COOLDOWN_SECONDS: "0", ...vars });

  test("start texts a 6-digit code; a wrong code is pending; the right one approves with a JWT", async () => {
    const phone = "+989121234567";
    const { id, code, start } = await startAndRead(mf, "0912 123 4567", phone);
    assert.deepEqual(Object.keys(start.body).sort(), ["expiresIn", "resendAfter", "verificationId"]);
    assert.equal(start.body.expiresIn, 600);
    assert.equal(start.body.resendAfter, 0);
    assert.match(start.body.verificationId, /^[0-9a-f]{64}\.[A-Za-z0-9_-]{22}$/);
    assert.match(code, /^[0-9]{6}$/);
    const texts = await textsTo(sandbox.url, phone);
    assert.equal(texts.length, 1);
    assert.match(texts[0].message, new RegExp(`کد تایید شما: ${code}$`), "the otp-demo pattern, filled by the Worker");

    const bad = await pool.verifyCheck(mf, id, wrong(code));
    assert.equal(bad.status, 200, bad.text);
    assert.deepEqual(bad.body, { status: "pending", attemptsLeft: 4 });

    const ok = await pool.verifyCheck(mf, id, code);
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.body.status, "approved");
    const { payload, protectedHeader } = await jwtVerify(ok.body.token, secretBytes, {
      algorithms: ["HS256"], issuer: "ippanel-proxy-test",
    });
    assert.equal(protectedHeader.alg, "HS256");
    assert.equal(payload.sub, phone);
    assert.equal(payload.exp - payload.iat, 300);
    assert.ok(Math.abs(payload.iat - Date.now() / 1000) < 60, "iat is now");
    assert.equal(typeof payload.jti, "string");

    // The token does not verify with another secret, nor once changed.
    await assert.rejects(jwtVerify(ok.body.token, new TextEncoder().encode("x".repeat(40)), { algorithms: ["HS256"] }));
    const [h, p, s] = ok.body.token.split(".");
    const forged = Buffer.from(JSON.stringify({ ...payload, sub: "+989120000000" })).toString("base64url");
    await assert.rejects(jwtVerify(`${h}.${forged}.${s}`, secretBytes, { algorithms: ["HS256"] }));
    assert.ok(p.length > 0);
  });

  test("single use: an approved code, checked again, is expired", async () => {
    const { id, code } = await startAndRead(mf, "09121230001", "+989121230001");
    assert.equal((await pool.verifyCheck(mf, id, code)).body.status, "approved");
    const again = await pool.verifyCheck(mf, id, code);
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, { status: "expired" });
  });

  test("five wrong codes, then max_attempts_reached (429) even for the right code", async () => {
    const { id, code } = await startAndRead(mf, "09121230002", "+989121230002");
    for (let left = 4; left >= 0; left--) {
      const r = await pool.verifyCheck(mf, id, wrong(code));
      assert.deepEqual(r.body, { status: "pending", attemptsLeft: left });
    }
    const right = await pool.verifyCheck(mf, id, code);
    assert.equal(right.status, 429, right.text);
    assert.deepEqual(right.body, { status: "max_attempts_reached" });
  });

  test("20 concurrent wrong checks count exactly 20 attempts and never approve", async () => {
    const many = await startWorker({ VERIFY_MAX_CHECKS: "25" });
    const { id, code } = await startAndRead(many, "09121230003", "+989121230003");
    const results = await Promise.all(Array.from({ length: 20 }, () => pool.verifyCheck(many, id, wrong(code))));
    for (const r of results) assert.equal(r.body.status, "pending", r.text);
    const left = results.map((r) => r.body.attemptsLeft).sort((a, b) => a - b);
    assert.deepEqual(left, Array.from({ length: 20 }, (_, i) => i + 5), "each check used its own attempt");
    const next = await pool.verifyCheck(many, id, wrong(code));
    assert.deepEqual(next.body, { status: "pending", attemptsLeft: 4 }, "21 attempts counted");
    assert.equal((await pool.verifyCheck(many, id, code)).body.status, "approved");
  });

  test("20 concurrent wrong checks against the limit of 5: five pending, fifteen 429, none approve", async () => {
    const { id, code } = await startAndRead(mf, "09121230004", "+989121230004");
    const results = await Promise.all(Array.from({ length: 20 }, () => pool.verifyCheck(mf, id, wrong(code))));
    const pending = results.filter((r) => r.status === 200);
    assert.equal(pending.length, 5);
    assert.deepEqual(pending.map((r) => r.body.attemptsLeft).sort(), [0, 1, 2, 3, 4]);
    assert.equal(results.filter((r) => r.status === 429 && r.body.status === "max_attempts_reached").length, 15);
    assert.equal((await pool.verifyCheck(mf, id, code)).status, 429);
  });

  test("a code expires after VERIFY_CODE_TTL_SECONDS, and the alarm deletes it", async () => {
    const short = await startWorker({ VERIFY_CODE_TTL_SECONDS: "1" });
    const phone = "+989121230005";
    const { id, code, start } = await startAndRead(short, "09121230005", phone);
    assert.equal(start.body.expiresIn, 1);
    const ns = await short.getDurableObjectNamespace("PHONE_VERIFIER");
    const stub = ns.get(ns.idFromName(phone));
    const fresh = await stub.stats();
    assert.equal(fresh.verifications, 1);
    assert.ok(fresh.alarm !== null && fresh.alarm <= Date.now() + 1500, `alarm at expiry (${fresh.alarm})`);

    // The alarm fires on its own (nobody checks meanwhile) and removes the record.
    const deadline = Date.now() + 10_000;
    let stats = fresh;
    while (stats.verifications !== 0 && Date.now() < deadline) {
      await new Promise((ok) => setTimeout(ok, 200));
      stats = await stub.stats();
    }
    assert.equal(stats.verifications, 0, "the alarm deleted the expired verification");
    assert.equal(stats.sends, 1, "the send is kept for the per-number limits");
    assert.ok(stats.alarm > Date.now() + 23 * 3600_000, "next alarm when the send leaves the day");
    assert.deepEqual((await pool.verifyCheck(short, id, code)).body, { status: "expired" });
  });

  test("an expired code is refused even before the alarm has run", async () => {
    const short = await startWorker({ VERIFY_CODE_TTL_SECONDS: "1" });
    const { id, code } = await startAndRead(short, "09121230006", "+989121230006");
    await new Promise((ok) => setTimeout(ok, 1100));
    assert.deepEqual((await pool.verifyCheck(short, id, code)).body, { status: "expired" });
  });

  test("a new start replaces the earlier code for that number", async () => {
    const first = await startAndRead(mf, "09121230007", "+989121230007");
    const second = await startAndRead(mf, "+98 912 123 0007", "+989121230007");
    assert.notEqual(first.id, second.id);
    assert.deepEqual((await pool.verifyCheck(mf, first.id, first.code)).body, { status: "expired" });
    assert.equal((await pool.verifyCheck(mf, second.id, second.code)).body.status, "approved");
  });

  test("unknown, malformed and foreign ids all answer expired; bad types are 400", async () => {
    const { id, code } = await startAndRead(mf, "09121230008", "+989121230008");
    const [objectId, random] = id.split(".");
    const otherRandom = random.replace(/^./, (c) => (c === "A" ? "B" : "A"));
    for (const other of [`${objectId}.${otherRandom}`, `${"0".repeat(64)}.${random}`, "nonsense", `${objectId}.`]) {
      const r = await pool.verifyCheck(mf, other, code);
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(r.body, { status: "expired" });
    }
    // An id made by another deployment (another Durable Object namespace).
    const otherWorker = await startWorker();
    assert.deepEqual((await pool.verifyCheck(otherWorker, id, code)).body, { status: "expired" });

    for (const body of [{ verificationId: 12, code }, { code }, { verificationId: "x".repeat(200), code }]) {
      assertError(await pool.call(mf, "/api/verify/check", { method: "POST", body }), 400, "input", "invalid_verification_id");
    }
    for (const bad of [undefined, 123456, "12", "12a456", "1".repeat(11)]) {
      assertError(await pool.call(mf, "/api/verify/check", { method: "POST", body: { verificationId: id, code: bad } }),
        400, "input", "invalid_code");
    }
    // Malformed input used no attempt; Persian digits as typed on a phone are accepted.
    const persian = code.replace(/[0-9]/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[d]);
    assert.equal((await pool.verifyCheck(mf, id, persian)).body.status, "approved");
  });

  test("VERIFY_CODE_LENGTH sets the digits; an out-of-range setting is a config error", async () => {
    const eight = await startWorker({ VERIFY_CODE_LENGTH: "8" });
    const { code } = await startAndRead(eight, "09121230009", "+989121230009");
    assert.match(code, /^[0-9]{8}$/);
    const broken = await startWorker({ VERIFY_CODE_LENGTH: "3" });
    assertError(await pool.verifyStart(broken, "09121230010"), 500, "config");
  });

  test("missing or short secrets, or a missing pattern: 500 config and nothing texted", async () => {
    const before_ = (await textsTo(sandbox.url, "+989121230011")).length;
    for (const vars of [{ VERIFY_SECRET: "" }, { TOKEN_SECRET: "short" }, { VERIFY_PATTERN_CODE: "" }, { IPPANEL_PASSWORD: "" }]) {
      const w = await startWorker(vars);
      assertError(await pool.verifyStart(w, "09121230011"), 500, "config", null);
    }
    assert.equal((await textsTo(sandbox.url, "+989121230011")).length, before_);
  });
});

describe("secrets", () => {
  test("no code, MAC or password in any response body, header or Worker log line", () => {
    assert.ok(codes.length >= 10 && macs.length === codes.length, `codes were recorded (${codes.length})`);
    assert.ok(pool.seen.length > 50, `responses were recorded (${pool.seen.length})`);
    const everything = [...pool.seen, ...pool.logs];
    for (const s of everything) {
      assert.ok(!s.includes(PASSWORD), "the password leaked");
      assert.ok(!s.includes(VERIFY_SECRET) && !s.includes(TOKEN_SECRET), "a secret leaked");
      for (const mac of macs) assert.ok(!s.includes(mac), "a stored MAC leaked");
      for (const code of codes) {
        assert.ok(!new RegExp(`(?<![0-9])${code}(?![0-9])`).test(s), "a texted code leaked");
      }
    }
  });
});

test("the strict sandbox refused no request from the Worker", async () => {
  await assertNoWireViolations(sandbox.url);
});
