// Fuzzing at the wasm boundary: every method and helper gets thousands of arbitrary JS values
// (wrong types, hostile getters, proxies, huge and odd strings) from a seeded generator. Each
// call must return or reject/throw an IppanelError (kind "input" for anything bad), never a
// TypeError or a wasm trap, and the instance must still work afterwards.
// FUZZ_ROUNDS raises the count (default 150 per method); FUZZ_SEED picks the seed.
import { test } from "node:test";
import assert from "node:assert/strict";
import util from "node:util";
import { Client, IppanelError, normalizeMobile, smsParts } from "../../pkg/node.mjs";
import { OPS, requestParts } from "./ops.mjs";

const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);

/** mulberry32: small, seeded, good enough to pick cases. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIELDS = ["from", "to", "message", "time", "patternCode", "values", "postalCode", "operator", "gender", "bookId",
  "jobId", "trendIds", "signal", "username", "password", "name", "nationalId", "accessId", "mobile", "email",
  "chunkSize", "concurrency", "onProgress", "intervalMs", "timeoutMs", "onUpdate", "company", "tel", "address"];

function generator(random) {
  const pick = (items) => items[Math.floor(random() * items.length)];
  const strings = () => pick([
    "", " ", "09121234567", "+989121234567", "۰۹۱۲۱۲۳۴۵۶۷", "3000505", "1234567890", "mci", "mtn", "all", "male",
    "2099-01-01 10:00:00", "2099-13-45", "\u0000", "\ud800", "\udfff\ud800", "a".repeat(1 + Math.floor(random() * 5000)),
    "𝄞".repeat(40), "سلام دنیا", "%code%", "<script>", "null", "NaN", "-1", "1e309", "0x10", " 12 ",
  ]);
  const hostile = () => pick([
    new Proxy({}, { get() { throw new Error("trap get"); }, has() { throw new Error("trap has"); }, ownKeys() { throw new Error("trap keys"); } }),
    Object.defineProperty({}, "to", { get() { throw new RangeError("getter"); }, enumerable: true }),
    { [Symbol.toPrimitive]() { throw new Error("toPrimitive"); }, toString() { throw new Error("toString"); } },
    Object.create(null),
    new Proxy([], { get(t, k) { if (k === "length") return 2 ** 32 - 1; return Reflect.get(t, k); } }),
    { length: 3, 0: "09121234567" },
  ]);
  const value = (depth = 0) => {
    const r = random();
    if (r < 0.25) return strings();
    if (r < 0.4) return pick([0, -0, 1, -1, 1.5, 2 ** 53, 2 ** 64, NaN, Infinity, -Infinity, 1e-320, 12, 11, 21, 999]);
    if (r < 0.5) return pick([undefined, null, true, false, Symbol("s"), 10n, () => 1, new Date(NaN), new Date(4e12)]);
    if (r < 0.6) return hostile();
    if (r < 0.75 && depth < 2) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
    if (depth < 2) return object(depth + 1);
    return strings();
  };
  const object = (depth = 0) => {
    const out = {};
    const n = Math.floor(random() * 8);
    for (let i = 0; i < n; i++) out[pick(FIELDS)] = value(depth);
    return out;
  };
  return { value, object, pick, random };
}

const METHODS = ["send", "sendPattern", "postalCodeSend", "postalCodeCount", "postalCodeArea", "bookSend", "bookList",
  "jobsSend", "jobList", "jobTrendList", "jobsCount", "checkMessage", "delivery", "inboxList", "credit", "newUser",
  "accessList", "sendBulk", "waitForDelivery"];

/** A service that answers every request at once with a valid answer of some shape. */
const answering = async (input, init) => {
  const { url, body } = await requestParts(input, init);
  if (url.includes("/patterns/")) return new Response("1234");
  const op = new URLSearchParams(body).get("op");
  const answers = {
    checkmessage: '{"statusMessage":"Finish","validMessage":"approve"}',
    delivery: '[0,"[\\"+989121111111:delivered\\"]"]',
    booklist: "[0,\"[]\"]", postalcodearea: "[0,\"[]\"]", jobslist: "[0,\"[]\"]", jobstrenlist: "[0,\"[]\"]",
    inboxlist: "[0,\"[]\"]", accesslist: "[0,\"[]\"]",
  };
  return new Response(answers[op] ?? '[0,"1000"]');
};

/** A printable sketch of fuzzed arguments (they may hold proxies, symbols, BigInts). */
function describe(value, depth = 0) {
  try {
    if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...(${value.length})` : value);
    if (typeof value !== "object" || value === null) return typeof value === "symbol" || typeof value === "bigint" ? value.toString() + (typeof value === "bigint" ? "n" : "") : String(value);
    if (util.types.isProxy(value)) return "Proxy";
    if (depth > 3) return "...";
    if (Array.isArray(value)) return `[${value.map((v) => describe(v, depth + 1)).join(", ")}]`;
    return `{${Object.keys(value).map((k) => `${k}: ${describe(value[k], depth + 1)}`).join(", ")}}`;
  } catch {
    return "<hostile>";
  }
}

function expectIppanel(label, err) {
  if (!(err instanceof IppanelError)) assert.fail(`${label}: not an IppanelError: ${err?.stack ?? String(err)}`);
  assert.equal(err.kind, "input", `${label}: kind ${err.kind}: ${err.message}`);
}

test(`every method, ${ROUNDS} arbitrary requests each: an answer or an IppanelError, never a trap`, async () => {
  const g = generator(rng(SEED));
  const client = new Client({ username: "u", password: "p", baseUrl: "http://127.0.0.1:9", retries: 0, fetch: answering });
  let calls = 0;
  let inputErrors = 0;
  for (const method of METHODS) {
    for (let i = 0; i < ROUNDS; i++) {
      const args = g.random() < 0.85 ? [g.object()] : [g.value(), g.value()];
      if (method === "waitForDelivery" && args[1] && typeof args[1] === "object") args[1].intervalMs = 1;
      const label = `${method} #${i} (seed ${SEED}) of ${describe(args)}`;
      let promise;
      try {
        promise = client[method](...args);
      } catch (err) {
        expectIppanel(`${label} (threw synchronously)`, err);
        continue;
      }
      assert.ok(promise instanceof Promise, `${label}: returns a promise`);
      calls += 1;
      try {
        await promise;
      } catch (err) {
        expectIppanel(label, err);
        inputErrors += 1;
      }
    }
  }
  console.log(`# bad-input calls: ${calls}, rejected as input: ${inputErrors}, seed ${SEED}`);
  assert.ok(inputErrors > calls / 2, "most arbitrary requests are refused");
  assert.equal(await client.credit(), 1000, "the client still works");
});

test(`helpers and the constructor, ${ROUNDS * 10} arbitrary values: a result or an IppanelError`, () => {
  const g = generator(rng(SEED + 1));
  for (let i = 0; i < ROUNDS * 10; i++) {
    const value = g.value();
    for (const [name, fn] of [["normalizeMobile", normalizeMobile], ["smsParts", smsParts], ["Client", (v) => new Client(v)]]) {
      try {
        const out = fn(value);
        if (name === "normalizeMobile") assert.match(out, /^\+989\d{9}$/);
        if (name === "smsParts") assert.ok(out.parts >= 0 && out.length >= 0);
      } catch (err) {
        expectIppanel(`${name}(${typeof value})`, err);
      }
    }
  }
  assert.equal(normalizeMobile("09121234567"), "+989121234567");
});

test("hostile values found by the fuzzer: huge proxy arrays, revoked proxies, throwing traps", async () => {
  const client = new Client({ username: "u", password: "p", baseUrl: "http://127.0.0.1:9", retries: 0, fetch: answering });
  const endless = new Proxy([], { get: (t, k) => (k === "length" ? 2 ** 32 - 1 : k in t ? Reflect.get(t, k) : "09121234567") });
  const { proxy: revoked, revoke } = Proxy.revocable([], {});
  revoke();
  const throwing = new Proxy({}, { ownKeys() { throw new Error("ownKeys"); }, get() { throw new Error("get"); } });
  const cases = [
    ["jobsCount", () => client.jobsCount({ trendIds: endless }), /trendIds: has more than 1,000,000 items/],
    ["send", () => client.send({ from: "3000505", to: endless, message: "m" }), /to: has more than 1,000,000 items/],
    ["sendBulk", () => client.sendBulk({ from: "3000505", to: revoked, message: "m" }), /^to: must be/],
    ["sendPattern", () => client.sendPattern({ from: "3000505", to: "09121234567", patternCode: "c", values: throwing }), /^values: must be an object/],
    ["jobsSend", () => client.jobsSend({ from: "3000505", message: "m", jobId: 1, trendIds: new Proxy([1, 2], { get(t, k) { if (k === "0") throw new Error("item"); return Reflect.get(t, k); } }) }), /^trendIds\[0\]: is required/],
    // Long strings are refused before they are copied into the wasm: 3,000 recipients of 1 MiB
    // each would need more memory than wasm32 has.
    ["send", () => client.send({ from: "3000505", to: Array(3000).fill("9".repeat(2 ** 20 + 1)), message: "m" }), /^to\[0\]: is longer than 64 characters/],
    ["send", () => client.send({ from: "3000505", to: "09121234567", message: "x".repeat(2 ** 20 + 1) }), /^message: is longer than 1,048,576 characters/],
    ["sendPattern", () => client.sendPattern({ from: "3000505", to: "09121234567", patternCode: "c", values: Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`v${i}`, "1"])) }), /^values: has more than 1,000 entries/],
    ["checkMessage", () => client.checkMessage("1".repeat(65)), /^bulkId: is longer than 64 characters/],
  ];
  for (const [name, call, message] of cases) {
    try {
      await call();
      assert.fail(`${name} resolved`);
    } catch (err) {
      expectIppanel(name, err);
      assert.match(err.message, message, name);
    }
  }
  assert.equal(await client.credit(), 1000);
  assert.throws(() => normalizeMobile("0".repeat(10_000_000)), (err) => err instanceof IppanelError && /is longer than 64/.test(err.message));
  assert.throws(() => smsParts("x".repeat(2 ** 20 + 1)), (err) => err instanceof IppanelError && /is longer than 1,048,576/.test(err.message));
  assert.equal(smsParts("x".repeat(2 ** 20)).length, 2 ** 20);
});

test("an argument refused before the call names the same wire op as the call's own errors", async () => {
  // The JS layer names the op of an argument it refuses itself; the faults suite checks the
  // names the Rust API gives. A number where an object belongs is refused for every method
  // (as the request, or as the options after a valid id).
  const client = new Client({ username: "u", password: "p", baseUrl: "http://127.0.0.1:9" });
  for (const [method, wireOp] of OPS) {
    const err = await client[method](5, 5).then(() => null, (e) => e);
    assert.ok(err instanceof IppanelError, method);
    assert.equal(err.kind, "input", `${method}: ${err.message}`);
    assert.equal(err.op, wireOp, method);
  }
  assert.equal(OPS.length, 17);
});
