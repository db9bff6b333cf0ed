// The code generator and MAC helpers on their own (Web Crypto in Node, the same API as workerd).

import { test } from "node:test";
import assert from "node:assert/strict";
import { codeMac, codeMatches, makeCode, objectIdOf, makeVerificationId } from "../src/codes.js";

test("bytes 250-255 are drawn again, never folded into a digit (no modulo bias)", (t) => {
  let calls = 0;
  // First draw: only bytes that `% 10` would turn into 0-5; second draw: 7s.
  t.mock.method(crypto, "getRandomValues", (bytes) => {
    calls += 1;
    bytes.fill(calls === 1 ? 252 : 7);
    return bytes;
  });
  assert.equal(makeCode(6), "777777");
  assert.equal(calls, 2, "the first draw was thrown away whole");
  t.mock.restoreAll();
  assert.match(makeCode(10), /^[0-9]{10}$/);
});

// 600,000 digits: `byte % 10` (26/256 for 0-5, 25/256 for 6-9) would score about 220 here;
// a uniform generator stays under 45 (p = 1e-6, 9 degrees of freedom) but once in a million runs.
test("digits are uniform: a chi-square test over 600,000 digits", () => {
  const counts = new Array(10).fill(0);
  for (let i = 0; i < 100_000; i++) for (const d of makeCode(6)) counts[d] += 1;
  const expected = 60_000;
  const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
  assert.ok(chi2 < 45, `chi-square ${chi2.toFixed(1)}, counts ${counts}`);
});

test("a MAC matches only its own id, phone and code", async () => {
  const id = makeVerificationId("a".repeat(64));
  assert.equal(objectIdOf(id), "a".repeat(64));
  const mac = await codeMac("k".repeat(32), id, "+989121234567", "123456");
  assert.equal(await codeMatches("k".repeat(32), id, "+989121234567", "123456", mac), true);
  assert.equal(await codeMatches("k".repeat(32), id, "+989121234567", "123457", mac), false);
  assert.equal(await codeMatches("k".repeat(32), id, "+989121234568", "123456", mac), false);
  assert.equal(await codeMatches("j".repeat(32), id, "+989121234567", "123456", mac), false);
  assert.ok(!mac.includes("123456"));
});
