// Fuzzing every EdgeClient method with hostile arguments from a seeded generator: wrong types at
// every field, nested garbage, throwing getters, revoked Proxies, cycles, BigInt, NaN/Infinity,
// huge strings, invalid Dates, signals that are not AbortSignals. Each call must return a
// promise (never throw synchronously) that settles to a value or an IppanelError (kind "input"
// with the method's op when refused locally), and the client must keep working (a normal
// credit() after every round). FUZZ_ROUNDS (default 40 per method), FUZZ_SEED.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import util from "node:util";
import { EdgeClient, IppanelError } from "../../pkg/edge.node.mjs";
import { OPS } from "./helpers.mjs";

const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? 20261204);

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

/** Every field name of every request shape in the contract, and their nested ones. */
const FIELDS = ["from", "to", "message", "sendTime", "params", "patternCode", "values", "phonebook", "id", "name", "pre", "email", "options",
  "code", "otherRecipients", "postalCode", "bank", "gender", "ageFrom", "ageTo", "mci", "irancell", "other", "start", "size", "provinceId",
  "countyId", "cityId", "fromAge", "toAge", "operator", "mainCategoryId", "subCategoryId", "type", "phonebookIds", "phonebookId", "numberIds",
  "page", "limit", "filters", "filter", "username", "number", "messagesOutboxId", "createFromDate", "createToDate", "sendFromDate", "sendToDate",
  "fromExitCount", "toExitCount", "stateId", "fromId", "title", "isShare", "state", "description", "variable", "website", "phonebookTitle",
  "fromCreatedAt", "birthYearFrom", "birthYearTo", "numberPrefix", "operatorId", "signal", "intervalMs", "timeoutMs", "onUpdate"];

function generator(random) {
  const pick = (items) => items[Math.floor(random() * items.length)];
  const strings = () => pick([
    "", " ", "09121234567", "+989121234567", "۰۹۱۲۱۲۳۴۵۶۷", "3000505", "+98BANK", "123654", "0042", "131", "mci", "irancell", "all", "white",
    "female", "detail", "active", "2030-01-01T10:00:00+03:30", "2030-01-01 10:00:00", "2030-13-45T99:99:99Z", "\u0000", "\ud800", "\udfff\ud800",
    "a".repeat(1 + Math.floor(random() * 5000)), "9".repeat(2 ** 20 + 1), "𝄞".repeat(40), "سلام", "%code%", "{ex_1}", "<script>", "null", "NaN",
    "-1", "1e309", "0x10", " 12 ", "1.5", "99999999999999999999",
  ]);
  const hostile = () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const { proxy: revokedArray, revoke: r2 } = Proxy.revocable([], {});
    r2();
    const cycle = { to: "09121234567" }; cycle.self = cycle; cycle.params = [cycle];
    const cyclicArray = []; cyclicArray.push(cyclicArray);
    return pick([
      proxy, revokedArray, cycle, cyclicArray,
      new Proxy({}, { get() { throw new Error("trap get"); }, has() { throw new Error("trap has"); }, ownKeys() { throw new Error("trap keys"); } }),
      Object.defineProperty({}, pick(FIELDS), { get() { throw new RangeError("getter"); }, enumerable: true }),
      { [Symbol.toPrimitive]() { throw new Error("toPrimitive"); }, toString() { throw new Error("toString"); }, valueOf() { throw new Error("valueOf"); } },
      Object.create(null),
      new Proxy([], { get(t, k) { if (k === "length") return 2 ** 32 - 1; return Reflect.get(t, k); } }),
      { length: 3, 0: "09121234567" },
      { aborted: true, addEventListener() {}, reason: "fake" }, // a signal look-alike
      new AbortController(), new EventTarget(), new Map([["a", 1]]), new Set([1]), new Uint8Array(4), Promise.resolve(1),
    ]);
  };
  const value = (depth = 0) => {
    const r = random();
    if (r < 0.25) return strings();
    if (r < 0.4) return pick([0, -0, 1, -1, 1.5, 2 ** 53, 2 ** 64, NaN, Infinity, -Infinity, 1e-320, 89, 119, 147, 1300, 1410, 13, 2]);
    if (r < 0.5) return pick([undefined, null, true, false, Symbol("s"), 10n, -(2n ** 70n), () => 1, new Date(NaN), new Date(8.64e15), new Date(Date.now() + 3600e3)]);
    if (r < 0.62) return hostile();
    if (r < 0.77 && depth < 3) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
    if (depth < 3) return object(depth + 1);
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

/** A service that answers every request at once with a valid answer of the right shape. */
const page = (items) => ({ data: items, meta: { status: true, current_page: 1, per_page: 10, last_page: 1, total: items.length } });
function answering(input, init) {
  const url = new URL(new Request(input, init).url);
  const route = url.pathname.replace(/^.*\/api\//, "");
  const ok = (data) => new Response(JSON.stringify({ data, meta: { status: true, message_code: "200-1" } }));
  if (route === "send") return ok({ message_outbox_ids: [1] });
  if (route === "send/cancel") return ok(null);
  if (route === "send/calculate-price") return ok({ mci_price: 1, other_price: 1, parts: 1 });
  if (route === "payment/credit/mine") return ok({ credit: 1000, yesterday_credit: 0, gift: 0, gift_expires_at: null, updated_at: "x" });
  if (route.startsWith("report/by_bulk")) return ok({ messages_outbox_id: "1", number: "+983000505", number_id: "1", username: "u", type: "webservice", state: "finish", state_id: 6, status: "x", valid: null, message: "m", summary: null, rcpts_count: "1", exit_count: "1", part: null, cost: 1, time: "1", time_send: "1" });
  if (route === "report/bulk_stats") return ok({ operators_sent: {}, operators_pending: {}, operators_delivered: {}, operators_failed: {}, operators_blacklist: {} });
  if (route === "report/recipients") return new Response(JSON.stringify(page([{ recipient: "+989121111111", message: "m", is_readable: true, msg_parts: "1", message_status: "2" }])));
  if (route.startsWith("send/banks/counts") || route.startsWith("send/jobs/number-count")) return ok({ mci_count: 1, irancell_count: 1, other_count: 1 });
  if (route.startsWith("send/banks") || route === "send/jobs/categories") return ok([{ id: 1, name: "n" }]);
  if (route === "send/jobs/sub-categories") return ok([{ id: 1, name: "n", main_id: "1", main_name: "m" }]);
  if (route.startsWith("patterns/") && route !== "patterns/normal") return ok({ id: "a", pattern_code: "c", title: null, pattern_message: "m", pattern_description: "d", pattern_status: "active", pattern_is_share: false, variable: [], delimiter: "%", admin_comment: null, reject_text: "", updated_at: "x", time: 1 });
  if (route === "patterns/normal") return ok({ id: "a", pattern_code: "c", title: null, pattern_message: "m", pattern_description: "d", pattern_status: "pending", pattern_is_share: false, variable: [], delimiter: "%", admin_comment: null, reject_text: "", updated_at: "x", time: 1 });
  return new Response(JSON.stringify(page([])));
}

/** A printable sketch of fuzzed arguments. */
function describe(value, depth = 0) {
  try {
    if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...(${value.length})` : value);
    if (typeof value === "bigint") return `${value}n`;
    if (typeof value !== "object" || value === null) return String(value);
    if (util.types.isProxy(value)) return "Proxy";
    if (depth > 3) return "...";
    if (Array.isArray(value)) return `[${value.map((v) => describe(v, depth + 1)).join(", ")}]`;
    return `{${Object.keys(value).map((k) => `${k}: ${describe(value[k], depth + 1)}`).join(", ")}}`;
  } catch {
    return "<hostile>";
  }
}

const METHODS = OPS.map(([method, op]) => [method, op]);
let client;
let unhandledSeen = [];
const onUnhandled = (r) => unhandledSeen.push(r);
before(() => {
  process.on("unhandledRejection", onUnhandled);
  client = new EdgeClient({ apiKey: "k", baseUrl: "http://127.0.0.1:9/v1", retries: 0, timeoutMs: 2000, fetch: answering });
});
after(() => {
  process.off("unhandledRejection", onUnhandled);
  assert.deepEqual(unhandledSeen.map(String), [], "no unhandled rejection");
});

const PAGED = new Set(["outboxAll", "recipientsAll", "inboxAll", "patternsAll", "numbersAll", "phonebooksAll", "phonebookContactsAll"]);
const ID_FIRST = new Set(["cancel", "bulk", "bulkStats", "recipients", "recipientsAll", "pattern", "counties", "cities", "jobSubCategories", "waitForDelivery"]);

async function settle(label, method, op, args) {
  let result;
  try {
    result = client[method](...args);
  } catch (err) {
    assert.fail(`${label}: threw synchronously: ${err?.stack ?? err}`);
  }
  if (PAGED.has(method)) {
    assert.equal(typeof result?.[Symbol.asyncIterator], "function", `${label}: an async iterable`);
    let n = 0;
    result = (async () => { for await (const _ of result) if (++n > 1000) break; })();
  }
  assert.ok(result instanceof Promise, `${label}: returns a promise`);
  try {
    await result;
    return "resolved";
  } catch (err) {
    if (!(err instanceof IppanelError)) assert.fail(`${label}: not an IppanelError: ${err?.stack ?? String(err)}`);
    if (err.kind === "input") {
      assert.equal(err.op, op, `${label}: op of ${err.message}`);
      assert.equal(err.mayHaveSent, false, label);
      assert.equal(typeof err.message, "string");
    }
    return err.kind;
  }
}

test(`every method, ${ROUNDS} hostile calls each (seed ${SEED}): a value or an IppanelError, never a throw`, async () => {
  const g = generator(rng(SEED));
  let calls = 0;
  const kinds = {};
  for (const [method, op] of METHODS) {
    for (let i = 0; i < ROUNDS; i++) {
      let args;
      const shape = g.random();
      if (ID_FIRST.has(method)) args = shape < 0.5 ? [g.value(), g.random() < 0.7 ? g.object() : g.value()] : [g.pick(["1", 1, "123654", "otpdemo123", 89]), g.object()];
      else args = shape < 0.85 ? [g.object()] : [g.value(), g.value()];
      const last = args[args.length - 1];
      if (method === "waitForDelivery" && last && typeof last === "object" && !util.types.isProxy(last)) {
        try { last.intervalMs = 1; last.timeoutMs = 200; } catch { /* frozen or hostile */ }
      }
      const label = `${method} #${i} (seed ${SEED}) of ${describe(args)}`;
      const kind = await settle(label, method, op, args);
      kinds[kind] = (kinds[kind] ?? 0) + 1;
      calls += 1;
    }
    const credit = await client.credit();
    assert.equal(credit.credit, 1000, `the client still works after ${method}`);
  }
  console.log(`# edge bad-input calls: ${calls}, outcomes ${JSON.stringify(kinds)}, seed ${SEED}`);
  assert.equal(calls, METHODS.length * ROUNDS);
  assert.ok((kinds.input ?? 0) > calls / 2, "most hostile requests are refused locally");
});

test("named hostile values: each refused locally with the method's op", async () => {
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();
  const cycle = { from: "3000505", message: "m" }; cycle.params = [cycle];
  const endless = new Proxy([], { get: (t, k) => (k === "length" ? 2 ** 32 - 1 : k in t ? Reflect.get(t, k) : "09121234567") });
  const throwing = Object.defineProperty({ from: "3000505", message: "m" }, "to", { get() { throw new Error("getter"); }, enumerable: true });
  const cases = [
    ["send", "send:webservice", [revoked]],
    ["send", "send:webservice", [throwing]],
    ["send", "send:webservice", [{ from: "3000505", to: endless, message: "m" }]],
    ["send", "send:webservice", [{ from: "3000505", to: "09121234567", message: "m", sendTime: new Date(NaN) }]],
    ["send", "send:webservice", [{ from: "3000505", to: "09121234567", message: "m", signal: new EventTarget() }]],
    ["sendPeerToPeer", "send:peer_to_peer", [cycle]],
    ["sendPattern", "send:pattern", [{ from: "3000505", to: "09121234567", patternCode: "c", values: { a: 10n } }]],
    ["sendPattern", "send:pattern", [{ from: "3000505", to: "09121234567", patternCode: "c", values: { a: NaN } }]],
    ["sendPattern", "send:pattern", [{ from: "3000505", to: "09121234567", patternCode: "c", values: revoked }]],
    ["sendVoiceOtp", "send:votp", [{ to: "09121234567", code: 10n }]],
    ["sendVoiceOtp", "send:votp", [{ to: "09121234567", code: Infinity }]],
    ["sendPostalCode", "send:postal_code", [{ from: "+98BANK", message: "m", params: [{ postalCode: 1e21 }] }]],
    ["sendCountry", "send:country", [{ from: "+98BANK", message: "m", params: [{ provinceId: NaN, pre: 912, mci: {}, irancell: {}, other: {} }] }]],
    ["sendGeolocation", "send:geolocation", [{ from: "+98BANK", message: "m", params: [{ operator: [{ id: "tci", start: 0, size: 1 }] }] }]],
    ["sendJob", "send:job", [{ from: "+98PRO", message: "m", params: [{ mainCategoryId: -1 }] }]],
    ["sendPhonebook", "send:phonebook", [{ from: "3000505", message: "m", params: [{ type: "some", phonebookIds: ["1"] }] }]],
    ["sendKeywordPhonebook", "send:keyword_phonebook", [{ from: "3000505", message: "m", params: [{ phonebookId: "12a" }] }]],
    ["cancel", "send/cancel", [10n]],
    ["cancel", "send/cancel", ["1", "not options"]],
    ["calculatePrice", "send/calculate-price", [{ from: "", message: "m" }]],
    ["outbox", "report/new_list", [{ filters: { createFromDate: new Date(NaN) } }]],
    ["outbox", "report/new_list", [{ page: 0 }]],
    ["outbox", "report/new_list", [{ limit: 1001 }]],
    ["bulk", "report/by_bulk", [{}]],
    ["bulkStats", "report/bulk_stats", ["1".repeat(1000)]],
    ["recipients", "report/recipients", ["1", { limit: Infinity }]],
    ["inbox", "report/messages-inbox", [{ fromId: "abc" }]],
    ["credit", "payment/credit/mine", [{ signal: new AbortController() }]],
    ["patterns", "patterns", [{ limit: 101 }]],
    ["patterns", "patterns", [{ filter: { state: "deleted" } }]],
    ["pattern", "patterns/{code}", [""]],
    ["createPattern", "patterns/normal", [{ message: "m", description: "d", variable: [{ name: "a", type: "float" }] }]],
    ["numbers", "number/numbers", [{ page: -1 }]],
    ["phonebooks", "phonebooks/list-new", [{ id: "x1" }]],
    ["phonebookContacts", "phonebooks/numbers/contact-list", [{ fromCreatedAt: "yesterday" }]],
    ["provinces", "send/banks/provinces", [5]],
    ["counties", "send/banks/counties", [NaN]],
    ["cities", "send/banks/cities", [-1]],
    ["bankCounts", "send/banks/counts", [{ provinceId: 89, gender: "both" }]],
    ["jobCategories", "send/jobs/categories", ["x"]],
    ["jobSubCategories", "send/jobs/sub-categories", [1.5]],
    ["jobNumberCount", "send/jobs/number-count", [{ mainCategoryId: 1, operatorId: "tci" }]],
    ["waitForDelivery", "report/recipients", ["1", { timeoutMs: -5 }]],
    ["outboxAll", "report/new_list", [{ limit: 0 }]],
    ["recipientsAll", "report/recipients", [revoked]],
    ["inboxAll", "report/messages-inbox", [{ fromId: -1 }]],
    ["patternsAll", "patterns", [{ limit: 500 }]],
    ["numbersAll", "number/numbers", [{ page: "x" }]],
    ["phonebooksAll", "phonebooks/list-new", [{ limit: -3 }]],
    ["phonebookContactsAll", "phonebooks/numbers/contact-list", [{ number: "12" }]],
  ];
  const covered = new Set();
  for (const [method, op, args] of cases) {
    const kind = await settle(`${method}(${describe(args)})`, method, op, args);
    assert.equal(kind, "input", `${method}(${describe(args)}) is refused locally`);
    covered.add(method);
  }
  assert.deepEqual([...covered].sort(), OPS.map(([m]) => m).sort(), "every method has a named case");
  assert.equal((await client.credit()).credit, 1000);
});

// An operator id outside 1, 2, 13 (the contract's OperatorId) is refused before anything is sent
// (it used to go on the wire, where the strict sandbox flags `format`).
test("an OperatorId outside 1 | 2 | 13 | mci | irancell | other is refused locally", async () => {
  const cases = [
    ["sendGeolocation", "send:geolocation", [{ from: "+98BANK", message: "m", params: [{ operator: [{ id: 7, start: 0, size: 1 }] }] }]],
    ["sendJob", "send:job", [{ from: "+98PRO", message: "m", params: [{ mainCategoryId: 1, operator: [{ id: 7, start: 0, size: 1 }] }] }]],
    ["jobNumberCount", "send/jobs/number-count", [{ mainCategoryId: 1, operatorId: 3 }]],
  ];
  for (const [method, op, args] of cases) assert.equal(await settle(`${method}(${describe(args)})`, method, op, args), "input", method);
});

// A revoked Proxy as the optional request object of a list method is refused, as send(revoked) is
// (it used to be read as "no request", and the call went out).
test("a revoked Proxy as a list method's request object is refused locally", async () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  for (const [method, op] of [["phonebooks", "phonebooks/list-new"], ["outbox", "report/new_list"], ["phonebooksAll", "phonebooks/list-new"]]) {
    assert.equal(await settle(`${method}(revoked)`, method, op, [proxy]), "input", method);
  }
});
