// Every EdgeClient method of API.md's table against the sandbox: the documented result shapes
// (entity ids strings, enumeration ids numbers, flags booleans, Page), the values sent (read back
// from the wire through a recording fetch and from the sandbox's own state and log), the …All
// iterators, waitForDelivery, cancel, every row of the error mapping table, the constructor.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { EdgeClient, IppanelError } from "../../pkg/edge.node.mjs";
import { IppanelError as MainIppanelError, Client } from "../../pkg/node.mjs";
import { KEY, EMPTY_KEY, sandboxCtx, recordingFetch, rejection, closeChecked, requestLog, collect, next, seedSend, utcIn } from "./helpers.mjs";

let ctx;
let dup; // a sandbox with a short duplicate window, for the 429 row
before(async () => {
  ctx = await sandboxCtx({ pool: 2 });
  dup = await sandboxCtx({ pool: 0, edgeDuplicateWindowMs: 400 });
});
after(() => closeChecked(ctx.sb, dup.sb));

const rec = () => recordingFetch();
const make = (r, extra = {}) => new EdgeClient({ apiKey: KEY, baseUrl: ctx.base, fetch: r?.fetch, ...extra });
const edgeState = async (key = KEY) => (await fetch(`${ctx.sb.url}/__sandbox/edge/state?key=${key}`)).json();
const isDigits = (x) => typeof x === "string" && /^\d+$/.test(x);
const assertPage = (page, label) => {
  assert.ok(Array.isArray(page.items), label);
  assert.equal(typeof page.page, "number", label);
  assert.equal(typeof page.limit, "number", label);
  for (const k of Object.keys(page)) assert.ok(["items", "page", "limit", "total", "lastPage"].includes(k), `${label}: key ${k}`);
  if ("total" in page) assert.equal(typeof page.total, "number", label);
  if ("lastPage" in page) assert.equal(typeof page.lastPage, "number", label);
};

test("the constructor checks its options (input, op EdgeClient) and makes no request", () => {
  let calls = 0;
  const fetch = async () => { calls += 1; return new Response("{}"); };
  const bad = [
    [{ apiKey: "" }, /apiKey/], [{}, /apiKey/], [{ apiKey: KEY, baseUrl: "edge.ippanel.com/v1" }, /baseUrl/],
    [{ apiKey: KEY, baseUrl: "ftp://x.example/v1" }, /baseUrl/], [{ apiKey: KEY, baseUrl: "https://" }, /baseUrl/],
    [{ apiKey: KEY, retries: 11 }, /retries/], [{ apiKey: KEY, retries: -1 }, /retries/], [{ apiKey: KEY, timeoutMs: 0 }, /timeoutMs/],
    [{ apiKey: KEY, timeoutMs: NaN }, /timeoutMs/], [{ apiKey: KEY, fetch: "nope" }, /fetch/],
  ];
  for (const [options, field] of bad) {
    assert.throws(() => new EdgeClient({ fetch, ...options }), (err) => {
      assert.ok(err instanceof IppanelError, String(err));
      assert.equal(err.kind, "input");
      assert.equal(err.op, "EdgeClient");
      assert.match(err.message, field);
      return true;
    }, JSON.stringify(options));
  }
  assert.equal(calls, 0);
  for (const retries of [0, 10]) new EdgeClient({ apiKey: KEY, retries, fetch });
  const c = new EdgeClient({ apiKey: KEY, baseUrl: "https://proxy.example/v1///", fetch });
  assert.deepEqual(c.toJSON(), { baseUrl: "https://proxy.example/v1" }, "trailing slashes dropped");
  assert.deepEqual(JSON.parse(JSON.stringify(c)), { baseUrl: "https://proxy.example/v1" });
  assert.deepEqual(new EdgeClient({ apiKey: KEY }).toJSON(), { baseUrl: "https://edge.ippanel.com/v1" });
  assert.equal(calls, 0);
});

test("IppanelError is the main entry's class itself", async () => {
  assert.equal(IppanelError, MainIppanelError);
  const err = await rejection(new EdgeClient({ apiKey: "edge-wrong", baseUrl: ctx.base }).credit());
  assert.ok(err instanceof MainIppanelError && err instanceof Error);
  const legacy = await new Client({ username: "u", password: "p", baseUrl: "http://127.0.0.1:9", fetch: async () => { throw new TypeError("x"); }, retries: 0 }).credit().catch((e) => e);
  assert.ok(legacy instanceof IppanelError);
  assert.deepEqual(legacy.fieldErrors, {}, "always on Client errors");
});

test("send: recipients normalized, from rules, sendTime to UTC; Sent of string ids", async () => {
  const r = rec();
  const c = make(r);
  const sent = await c.send({ from: " ۳۰۰۰۵۰۵ ", to: ["09121234567", "۰۹۳۵ ۱۲۳ ۴۵۶۷", "989121234568", "00989121234569", "+98 912-123-4570", "9121234571"], message: `سلام ${next()}` });
  assert.deepEqual(Object.keys(sent), ["messageOutboxIds"]);
  assert.equal(sent.messageOutboxIds.length, 1);
  assert.ok(isDigits(sent.messageOutboxIds[0]));
  const body = r.bodies()[0];
  assert.equal(body.sending_type, "webservice");
  assert.equal(body.from_number, "+983000505", "trimmed, digits made ASCII, +98 added");
  assert.deepEqual(body.params.recipients, ["+989121234567", "+989351234567", "+989121234568", "+989121234569", "+989121234570", "+989121234571"]);
  assert.ok(!("send_time" in body), "no sendTime, none sent");
  // The sandbox got the same.
  const item = (await edgeState()).outbox.find((x) => String(x.id) === sent.messageOutboxIds[0]);
  assert.deepEqual(item.recipients.map((x) => x.number), body.params.recipients);
  assert.equal(item.from_number, "+983000505");
  assert.ok((await requestLog(ctx.sb)).some((line) => /^EDGE POST \/edge\/v1\/api\/send route=send acct=demo status=200/.test(line)));

  // from: "+…" as given, "0098…" → "+98…".
  for (const [from, wire] of [["+98BANK", "+98BANK"], ["009850004001", "+9850004001"], ["+9850004001", "+9850004001"]]) {
    const rr = rec();
    await make(rr).send({ from, to: "09121234567", message: `from ${next()}` });
    assert.equal(rr.bodies()[0].from_number, wire, from);
  }
  // sendTime: a Date, an ISO string with an offset, …Z; sent as UTC, fractions dropped.
  const when = new Date(Math.floor((Date.now() + 2 * 3600_000) / 1000) * 1000 + 789);
  const utc = when.toISOString().slice(0, 19).replace("T", " ");
  const tehran = new Date(when.getTime() + 3.5 * 3600_000).toISOString().slice(0, 19) + "+03:30";
  for (const sendTime of [when, tehran, when.toISOString()]) {
    const rr = rec();
    const s = await make(rr).send({ from: "3000505", to: "09121234567", message: `later ${next()}`, sendTime });
    assert.equal(rr.bodies()[0].send_time, utc, String(sendTime));
    const it = (await edgeState()).outbox.find((x) => String(x.id) === s.messageOutboxIds[0]);
    assert.equal(it.send_time, new Date(Math.floor(when.getTime() / 1000) * 1000).toISOString());
  }
  for (const sendTime of ["2030-01-01 10:00:00", "2030-01-01T10:00:00", "tomorrow", new Date(NaN)]) {
    const rr = rec();
    const err = await rejection(make(rr).send({ from: "3000505", to: "09121234567", message: "x", sendTime }));
    assert.equal(err.kind, "input", String(sendTime));
    assert.equal(err.op, "send:webservice");
    assert.equal(rr.requests.length, 0);
  }
  // One bad number fails the call before sending.
  const rr = rec();
  const err = await rejection(make(rr).send({ from: "3000505", to: ["09121234567", "02112345678"], message: "x" }));
  assert.equal(err.kind, "input");
  assert.match(err.message, /^to\[1\]/);
  assert.equal(rr.requests.length, 0);
});

test("the other send types: wire bodies and results", async () => {
  const r = rec();
  const c = make(r);
  const p2p = await c.sendPeerToPeer({ from: "3000505", params: [{ to: "09121234567", message: `a ${next()}` }, { to: ["09351234567", "9121234568"], message: "b" }] });
  assert.equal(p2p.messageOutboxIds.length, 2, "one id per item");
  assert.ok(p2p.messageOutboxIds.every(isDigits));
  assert.deepEqual(r.bodies().at(-1).params, [{ recipients: ["+989121234567"], message: r.bodies().at(-1).params[0].message }, { recipients: ["+989351234567", "+989121234568"], message: "b" }]);

  const pat = await c.sendPattern({ from: "3000505", to: "۰۹۱۲۱۲۳۴۵۶۷", patternCode: "welcome456", values: { name: 12.5, extra: true, neg: -3 }, phonebook: { id: "838550", name: "n", options: { 1234: "1370/01/01" } } });
  assert.ok(isDigits(pat.messageOutboxIds[0]));
  let b = r.bodies().at(-1);
  assert.equal(b.sending_type, "pattern");
  assert.equal(b.code, "welcome456");
  assert.deepEqual(b.recipients, ["+989121234567"]);
  assert.deepEqual(b.params, { name: "12.5", extra: "true", neg: "-3" }, "values as strings");
  assert.deepEqual(b.phonebook, { id: 838550, name: "n", options: { 1234: "1370/01/01" } }, "phonebook id a JSON integer");

  const votp = await c.sendVoiceOtp({ to: "09121234567", code: "۰۰۴۲" });
  assert.ok(isDigits(votp.messageOutboxIds[0]));
  b = r.bodies().at(-1);
  assert.deepEqual(b, { sending_type: "votp", message: "0042", params: { recipients: ["+989121234567"] } }, "leading zeros kept, no from");
  await c.sendVoiceOtp({ to: "09121234567", code: 98765, from: "3000505" });
  assert.equal(r.bodies().at(-1).message, "98765");
  assert.equal(r.bodies().at(-1).from_number, "+983000505", "from only when given");
  for (const code of ["", "123456789012345", "12a", -1, 1.5]) {
    const err = await rejection(c.sendVoiceOtp({ to: "09121234567", code }));
    assert.equal(err.kind, "input", String(code));
    assert.equal(err.op, "send:votp");
  }

  await c.sendPostalCode({ from: "+98BANK", message: `postal ${next()}`, params: [{ postalCode: "131", gender: "female", ageFrom: "1330", mci: { start: 0, size: 1 } }], otherRecipients: ["09121234567"] });
  b = r.bodies().at(-1);
  assert.deepEqual(b.params, [{ bank: "all", postal_code: 131, gender: 2, age_from: 1330, mci: { start: 0, size: 1 } }]);
  assert.deepEqual(b.other_recipients, ["+989121234567"]);

  await c.sendCountry({ from: "+98BANK", message: `country ${next()}`, params: [{ provinceId: 89, countyId: "212", pre: "938", bank: "white", mci: { start: 0, size: 1 }, irancell: { start: 0, size: 0 }, other: { start: 0, size: 0 } }] });
  assert.deepEqual(r.bodies().at(-1).params, [{ bank: "white", pre: 938, province_id: 89, county_id: 212, gender: 0, age_from: 1300, age_to: 1410, mci: { start: 0, size: 1 }, irancell: { start: 0, size: 0 }, other: { start: 0, size: 0 } }]);

  await c.sendGeolocation({ from: "+98BANK", message: `geo ${next()}`, params: [{ provinceId: 89, pre: 912, gender: "all", operator: [{ id: "irancell", start: 0, size: 1 }, { id: "other", start: "0", size: "1" }] }] });
  assert.deepEqual(r.bodies().at(-1).params, [{ province_id: 89, pre: "912", operator: [{ start: 0, size: 1, id: 2 }, { start: 0, size: 1, id: 13 }] }], "gender all omitted, pre a digit string");

  await c.sendJob({ from: "+98PRO", message: `job ${next()}`, params: [{ mainCategoryId: "1", subCategoryId: 3, operator: [{ id: "mci", start: 0, size: 1 }] }] });
  assert.deepEqual(r.bodies().at(-1).params, [{ main_category_id: 1, sub_category_id: 3, operator: [{ start: 0, size: 1, id: 1 }] }]);

  await c.sendPhonebook({ from: "3000505", message: `pb ${next()}`, params: [{ type: "all", phonebookIds: ["123654"], start: 0, size: 2 }, { type: "detail", phonebookId: "838550", numberIds: ["1240"] }] });
  const pb = r.bodies().at(-1).params;
  assert.equal(pb[0].type, "all");
  assert.deepEqual(pb[0].phonebook_ids, ["123654"]);
  assert.equal(pb[0].start, "0");
  assert.equal(pb[0].size, "2");
  assert.equal(pb[1].phonebook_id, "838550");
  assert.deepEqual(pb[1].number_ids, ["1240"]);

  const kw = await c.sendKeywordPhonebook({ from: "3000505", message: `kw ${next()} {ex_1234}`, params: [{ phonebookId: "838550" }] });
  assert.deepEqual(r.bodies().at(-1).params, [{ phonebook_id: 838550 }]);
  assert.ok(isDigits(kw.messageOutboxIds[0]));
  assert.deepEqual(ctx.sb.violations, []);
});

// A large or small number value goes out in plain decimal, not the exponent form String(n) gives.
test("sendPattern: number values in plain decimal, however large or small", async () => {
  const r = rec();
  await make(r).sendPattern({ from: "3000505", to: "09121234567", patternCode: "welcome456", values: { name: `x${next()}`, big: 1e21, small: 1e-7 } });
  const b = r.bodies().at(-1);
  assert.deepEqual({ big: b.params.big, small: b.params.small }, { big: "1000000000000000000000", small: "0.0000001" });
});

test("reads: result shapes (ids strings, enumeration ids numbers, flags booleans, pages)", async () => {
  const c = make();
  const price = await c.calculatePrice({ from: "3000505", message: "hello" });
  assert.deepEqual(price, { mciPrice: 150, otherPrice: 170, parts: 1 });

  const outbox = await c.outbox({ limit: 2, filters: { stateId: 6 } });
  assertPage(outbox, "outbox");
  assert.equal(outbox.limit, 2);
  assert.equal(typeof outbox.total, "number");
  for (const it of outbox.items) {
    assert.ok(isDigits(it.messagesOutboxId) && isDigits(it.numberId));
    assert.equal(it.stateId, 6);
    for (const k of ["rcptsCount", "exitCount", "cost", "time", "timeSend"]) assert.equal(typeof it[k], "number", k);
  }
  const bulk = await c.bulk(ctx.bulkId);
  assert.equal(bulk.messagesOutboxId, ctx.bulkId);
  assert.equal(bulk.stateId, 6);
  assert.equal(bulk.part, 1);
  assert.equal(bulk.rcptsCount, 3);
  assert.equal(bulk.userId, "1234", "extra fields kept, camelCased");
  assert.equal(bulk.rejectComment, null);
  const stats = await c.bulkStats(Number(ctx.bulkId));
  assert.deepEqual(stats.operatorsDelivered.mci, { en: 1, fa: 0 });
  assert.deepEqual(stats.operatorsFailed.irancell, { en: 1, fa: 0 });
  assert.deepEqual(stats.operatorsBlacklist.mci, { en: 1, fa: 0 });
  const recips = await c.recipients(ctx.bulkId, { limit: 2 });
  assertPage(recips, "recipients");
  assert.deepEqual({ page: recips.page, limit: recips.limit, total: recips.total, lastPage: recips.lastPage }, { page: 1, limit: 2, total: 3, lastPage: 2 });
  assert.deepEqual(recips.items[0], { recipient: "+989121111111", message: recips.items[0].message, isReadable: true, msgParts: 1, messageStatus: 2, status: "delivered" });
  const inbox = await c.inbox({ fromId: "121" });
  assert.deepEqual(inbox.items.map((m) => m.messagesInboxId), ["123", "122"]);
  assert.equal(inbox.items[0].seen, false);
  assert.equal(typeof inbox.items[0].time, "number");
  assert.equal(inbox.limit, 10, "the wire's default");
  const credit = await c.credit();
  assert.deepEqual(Object.keys(credit).sort(), ["credit", "gift", "giftExpiresAt", "updatedAt", "yesterdayCredit"]);
  assert.equal(typeof credit.credit, "number");
  assert.equal(credit.giftExpiresAt, null);
  const patterns = await c.patterns({ limit: 100, filter: { state: "active", isShare: false, type: "normal" } });
  assert.deepEqual(patterns.items.map((p) => p.patternCode).sort(), ["otpdemo123", "welcome456"]);
  const pattern = await c.pattern("otpdemo123");
  assert.equal(pattern.patternStatus, "active");
  assert.equal(pattern.patternStatusId, 1);
  assert.equal(pattern.patternIsShare, false);
  assert.equal(typeof pattern.time, "number");
  assert.deepEqual(pattern.variable, [{ name: "code", type: "string", len: 20 }]);
  const created = await c.createPattern({ message: `otp %code% ${next()}`, description: "desc", variable: [{ name: "code", type: "integer" }], isShare: true, title: "t" });
  assert.equal(created.patternStatus, "pending");
  assert.equal(created.patternIsShare, true);
  assert.equal(typeof created.id, "string");
  const numbers = await c.numbers({ limit: 2 });
  assertPage(numbers, "numbers");
  assert.ok(!("total" in numbers) && !("lastPage" in numbers), "numbers gives neither");
  assert.deepEqual(numbers.items[0], { id: "10001", number: "+983000505", operatorId: 1, alias: null, gets: true, is66Char: false });
  const books = await c.phonebooks();
  assert.deepEqual(books.items.map((b) => b.id), ["123654", "838550"]);
  assert.deepEqual(books.items[1].options, [{ id: "1234", title: "تاریخ تولد", type: "date" }]);
  assert.equal(typeof books.items[0].count, "number");
  const contacts = await c.phonebookContacts({ phonebookId: "123654", number: "09123456788" });
  assert.equal(contacts.items.length, 1);
  assert.deepEqual([contacts.items[0].id, contacts.items[0].phonebookId, contacts.items[0].number], ["1233", "123654", "+989123456788"]);
  const provinces = await c.provinces();
  assert.equal(provinces.length, 31);
  assert.deepEqual(provinces[0], { id: 89, name: "تهران" });
  assert.equal((await c.counties(119))[0].id, 147);
  assert.deepEqual(await c.cities(147), [{ id: 12, name: "بیرجند" }]);
  const counts = await c.bankCounts({ provinceId: 89, gender: "female", birthYearFrom: 1360 });
  for (const k of ["mciCount", "irancellCount", "otherCount"]) assert.equal(typeof counts[k], "number");
  assert.equal((await c.jobCategories()).length, 8);
  assert.deepEqual((await c.jobSubCategories(1))[0], { id: 1, name: "صنفی", mainId: 1, mainName: "صنایع و اصناف" });
  const jc = await c.jobNumberCount({ mainCategoryId: 1, operatorId: "irancell" });
  assert.equal(jc.mciCount, 0);
  assert.ok(jc.irancellCount > 0);
});

test("…All iterators: collect every page, `break` stops early, a failing page rejects", async () => {
  // Five more lines are not seeded, so page through the outbox and contacts with small limits.
  const r = rec();
  const c = make(r);
  assert.deepEqual((await collect(c.numbersAll({ limit: 3 }))).map((l) => l.id), ["10001", "10002", "10003", "10004"]);
  assert.deepEqual(r.requests.map((x) => new URL(x.url).search), ["?page=1&per_page=3", "?page=2&per_page=3"], "page on every request; a short page is the last");
  assert.equal((await collect(c.phonebookContactsAll({ phonebookId: "123654", limit: 1 }))).length, (await c.phonebookContacts({ phonebookId: "123654" })).total);
  assert.equal((await collect(c.recipientsAll(ctx.bulkId, { limit: 2 }))).length, 3);
  assert.deepEqual((await collect(c.inboxAll({ limit: 1, fromId: 120 }))).map((m) => m.messagesInboxId), ["123", "122", "121"]);
  assert.ok((await collect(c.patternsAll({ limit: 1 }))).length >= 3);
  assert.equal((await collect(c.phonebooksAll({ limit: 1 }))).length, 2);
  const outbox = await collect(c.outboxAll({ limit: 3 }));
  assert.equal(outbox.length, (await c.outbox({ limit: 1 })).total);
  assert.equal(new Set(outbox.map((o) => o.messagesOutboxId)).size, outbox.length);
  // From a given page on.
  assert.deepEqual((await collect(c.numbersAll({ page: 2, limit: 3 }))).map((l) => l.id), ["10004"]);

  // break: no request after it.
  const rb = rec();
  const seen = [];
  for await (const item of make(rb).outboxAll({ limit: 1 })) { seen.push(item); if (seen.length === 2) break; }
  assert.equal(seen.length, 2);
  assert.equal(rb.requests.length, 2);
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(rb.requests.length, 2, "nothing after break");

  // A page repeating the previous one stops the iteration.
  const rp = rec();
  const same = '{"data":[{"id":1,"number":"+983000505","operator_id":1,"alias":null,"gets":0,"is_66_char":0}],"meta":{"status":true,"message":"Success","message_code":"200-1"}}';
  rp.answer = () => new Response(same);
  assert.equal((await collect(make(rp).numbersAll({ limit: 1 }))).length, 1);
  assert.equal(rp.requests.length, 2);

  // A failure on page 2 rejects the iteration (after page 1's items).
  const rf = rec();
  const inner = rf.fetch;
  rf.fetch = (i, n) => { rf.fault = rf.requests.length >= 1 ? "http404html" : null; return inner(i, n); };
  const got = [];
  const err = await rejection((async () => { for await (const x of make(rf, { retries: 0 }).numbersAll({ limit: 2 })) got.push(x); })());
  assert.equal(err.kind, "http");
  assert.equal(err.op, "number/numbers");
  assert.equal(got.length, 2);
  // Bad arguments reject the iteration, nothing sent.
  const ri = rec();
  const bad = await rejection(collect(make(ri).outboxAll({ limit: 0 })));
  assert.equal(bad.kind, "input");
  assert.equal(bad.op, "report/new_list");
  assert.equal(ri.requests.length, 0);
});

test("waitForDelivery: final entries, dead sends resolve empty, timeout with latest, onUpdate", async () => {
  const c = make();
  const sent = await c.send({ from: "3000505", to: ["09121234567", "09351234560", "09121234599"], message: `track ${next()}` });
  const updates = [];
  const entries = await c.waitForDelivery(sent.messageOutboxIds[0], { intervalMs: 30, timeoutMs: 10_000, onUpdate: (e) => updates.push(e) });
  assert.deepEqual(entries.map((e) => e.status), ["delivered", "failed", "discarded"]);
  assert.deepEqual(entries.map((e) => e.messageStatus), [2, 3, 4]);
  assert.ok(updates.length >= 2, `onUpdate on every poll: ${updates.length}`);
  assert.deepEqual(updates.at(-1), entries);
  assert.ok(updates.slice(0, -1).every((u) => u.every((e) => e.status === "notsync") || u.length === 0));

  // Insufficient credit (the empty key): state 8, no recipients ever.
  const poor = new EdgeClient({ apiKey: EMPTY_KEY, baseUrl: ctx.base });
  const none = await poor.send({ from: "3000505", to: "09121234567", message: `poor ${next()}` });
  assert.equal((await poor.bulk(none.messageOutboxIds[0])).stateId, 8);
  assert.deepEqual(await poor.waitForDelivery(none.messageOutboxIds[0], { intervalMs: 20, timeoutMs: 5000 }), []);
  // Rejected by review (REJECTME): 1 → 3, then empty.
  const rj = await c.send({ from: "3000505", to: "09121234567", message: `REJECTME ${next()}` });
  const started = performance.now();
  assert.deepEqual(await c.waitForDelivery(rj.messageOutboxIds[0], { intervalMs: 20, timeoutMs: 5000 }), []);
  assert.ok(performance.now() - started < 4000, "resolved on the state, not at the timeout");

  // A scheduled send stays queued: the time runs out, the latest entries come back.
  const later = await c.send({ from: "3000505", to: ["09121234567"], message: `later ${next()}`, sendTime: new Date(Date.now() + 3600_000) });
  const t0 = performance.now();
  const latest = await c.waitForDelivery(later.messageOutboxIds[0], { intervalMs: 50, timeoutMs: 300 });
  const elapsed = performance.now() - t0;
  assert.deepEqual(latest.map((e) => [e.recipient, e.status, e.messageStatus]), [["+989121234567", "notsync", null]]);
  assert.ok(elapsed >= 290 && elapsed < 1500, `gave up after ${elapsed.toFixed(0)} ms`);
  // An observer that throws is ignored.
  const ok = await c.waitForDelivery(ctx.bulkId, { intervalMs: 10, onUpdate: () => { throw new Error("observer bug"); } });
  assert.equal(ok.length, 3);
  // Bad arguments.
  for (const [args, field] of [[["abc"], /outboxId/], [["1", { intervalMs: -1 }], /intervalMs/], [["1", { onUpdate: 1 }], /onUpdate/]]) {
    const err = await rejection(c.waitForDelivery(...args));
    assert.equal(err.kind, "input");
    assert.match(err.message, field);
  }
  // An unknown id: the poll's 404 envelope rejects.
  const unknown = await rejection(c.waitForDelivery("999999", { intervalMs: 10 }));
  assert.equal(unknown.kind, "api");
  assert.equal(unknown.code, "404-1");
});

test("cancel: a scheduled send is cancelled (credit back); a second cancel is the 404 envelope", async () => {
  const r = rec();
  const c = make(r);
  const before = (await edgeState()).credit;
  const s = await c.send({ from: "3000505", to: "09121234567", message: `cancel me ${next()}`, sendTime: new Date(Date.now() + 3600_000) });
  assert.ok((await edgeState()).credit < before);
  assert.equal(await c.cancel(s.messageOutboxIds[0]), undefined);
  assert.deepEqual(r.bodies().at(-1), { message_outbox_id: Number(s.messageOutboxIds[0]) }, "a JSON integer");
  assert.equal((await c.bulk(s.messageOutboxIds[0])).stateId, 7);
  assert.equal((await edgeState()).credit, before);
  const err = await rejection(c.cancel(Number(s.messageOutboxIds[0])));
  assert.equal(err.kind, "api");
  assert.equal(err.code, "404-1");
  assert.equal(err.op, "send/cancel");
  assert.equal(err.status, 404);
  assert.equal(err.message, "Message not found or cannot be cancelled");
  for (const id of ["12a", "", -1, null]) {
    const e = await rejection(c.cancel(id));
    assert.equal(e.kind, "input", String(id));
    assert.equal(e.op, "send/cancel");
  }
});

test("error mapping: 401 → auth with code", async () => {
  const err = await rejection(new EdgeClient({ apiKey: "edge-wrong-key", baseUrl: ctx.base }).credit());
  assert.equal(err.kind, "auth");
  assert.equal(err.code, "400-1");
  assert.equal(err.status, 401);
  assert.equal(err.mayHaveSent, false);
  assert.deepEqual(err.fieldErrors, {});
  assert.equal(err.messageFa, "اطلاعات وارد شده صحیح نمی باشد");
  const send = await rejection(new EdgeClient({ apiKey: "Bearer edge-demo-key-1234", baseUrl: ctx.base }).send({ from: "3000505", to: "09121234567", message: "x" }));
  assert.equal(send.kind, "auth");
  assert.equal(send.mayHaveSent, false);
});

test("error mapping: 429 (an identical send within the window) → api with code", async () => {
  const c = new EdgeClient({ apiKey: KEY, baseUrl: dup.base });
  const req = { from: "3000505", to: "09121234567", message: `twice ${next()}` };
  await c.send(req);
  const err = await rejection(c.send(req));
  assert.equal(err.kind, "api");
  assert.equal(err.code, "429-1");
  assert.equal(err.status, 429);
  assert.equal(err.mayHaveSent, false);
  assert.equal(err.op, "send:webservice");
  await new Promise((resolve) => setTimeout(resolve, 450));
  assert.equal((await c.send(req)).messageOutboxIds.length, 1, "after the window the same send goes out");
});

test("error mapping: 422 → api with fieldErrors keyed by wire paths", async () => {
  const c = make();
  const err = await rejection(c.send({ from: "3000505", to: "09121234567", message: "x".repeat(1401) }));
  assert.equal(err.kind, "api");
  assert.equal(err.code, "400-2");
  assert.equal(err.status, 422);
  assert.deepEqual(Object.keys(err.fieldErrors), ["message"]);
  assert.ok(Array.isArray(err.fieldErrors.message) && typeof err.fieldErrors.message[0] === "string");
  assert.equal(err.mayHaveSent, false);
  const line = await rejection(c.send({ from: "+98NOTMINE", to: "09121234567", message: "x" }));
  assert.deepEqual(Object.keys(line.fieldErrors), ["from_number"]);
  const pv = await rejection(c.sendPattern({ from: "3000505", to: "09121234567", patternCode: "otpdemo123", values: {} }));
  assert.deepEqual(Object.keys(pv.fieldErrors), ["params.code"]);
  const region = await rejection(c.counties(1));
  assert.equal(region.code, "400-2");
  assert.deepEqual(Object.keys(region.fieldErrors), ["province_id"]);
  assert.equal(region.op, "send/banks/counties");
  // Several fields, a dotted path, one string instead of an array, errors at the top level.
  const wire = (body, status = 422) => { const r = rec(); r.answer = () => new Response(JSON.stringify(body), { status }); return make(r); };
  const many = await rejection(wire({ data: null, meta: { status: false, message: "تکمیل گزینه description الزامی است (و 1 خطای دیگر)", message_code: "400-2", errors: { description: ["تکمیل گزینه description الزامی است"], "variable.0.name": "تکمیل گزینه variable.0.name الزامی است" } } }).createPattern({ message: "m", description: "d" }));
  assert.deepEqual(many.fieldErrors, { description: ["تکمیل گزینه description الزامی است"], "variable.0.name": ["تکمیل گزینه variable.0.name الزامی است"] });
  assert.equal(many.message, "description is required (and 1 more errors)");
  const top = await rejection(wire({ data: null, meta: { status: false, message: "x", message_code: "422-1" }, errors: { message: ["bad"] } }).calculatePrice({ from: "3000505", message: "m" }));
  assert.equal(top.code, "422-1");
  assert.deepEqual(top.fieldErrors, { message: ["bad"] });
});

test("error mapping: 404 envelope → api; 2xx envelope with status false → api", async () => {
  const c = make();
  for (const [call, op, text] of [[() => c.pattern("nope"), "patterns/{code}", "Pattern not found"], [() => c.bulk("999999"), "report/by_bulk", "Message not found"], [() => c.sendPhonebook({ from: "3000505", message: "m", params: [{ type: "all", phonebookIds: ["1"] }] }), "send:phonebook", "Phonebook not found"]]) {
    const err = await rejection(call());
    assert.equal(err.kind, "api", op);
    assert.equal(err.code, "404-1", op);
    assert.equal(err.status, 404, op);
    assert.equal(err.op, op);
    assert.equal(err.message, text);
    assert.equal(err.mayHaveSent, false);
  }
  const r = rec();
  r.answer = () => new Response('{"data":null,"meta":{"status":false,"message":"invalid state","message_code":"400-31","errors":{}}}');
  const err = await rejection(make(r).outbox({ filters: { stateId: 5 } }));
  assert.equal(err.kind, "api");
  assert.equal(err.code, "400-31");
  assert.equal(err.status, 200);
  assert.equal(err.messageFa, "فیلتر وضعیت نامعتبر است");
});

test("error mapping: 5xx → http (mayHaveSent for sends, envelope code kept); 404 HTML, 200 HTML → http; wrong shape → protocol", async () => {
  const at = (fault) => new EdgeClient({ apiKey: KEY, baseUrl: `${ctx.sb.url}/__fault/${fault}/edge/v1`, retries: 0 });
  for (const [fault, kind, status] of [["http500", "http", 500], ["http502", "http", 502], ["http404html", "http", 404], ["html200", "http", 200], ["shape", "protocol", 200]]) {
    const send = await rejection(at(fault).send({ from: "3000505", to: "09121234567", message: `f ${next()}` }));
    assert.deepEqual([send.kind, send.status, send.code, send.mayHaveSent], [kind, status, null, true], fault);
    const read = await rejection(at(fault).credit());
    assert.deepEqual([read.kind, read.status, read.code, read.mayHaveSent], [kind, status, null, false], fault);
  }
  const r = rec();
  r.answer = () => new Response('{"data":null,"meta":{"status":false,"message":"Server Error","message_code":"500-1"}}', { status: 503 });
  const env = await rejection(make(r, { retries: 0 }).sendVoiceOtp({ to: "09121234567", code: "1" }));
  assert.deepEqual([env.kind, env.status, env.code, env.mayHaveSent], ["http", 503, "500-1", true]);
  // Success rows: no meta at all with data, meta without status with data.
  for (const body of ['{"data":{"message_outbox_ids":["5"]}}', '{"data":{"message_outbox_ids":[5]},"meta":{"message":"ok"}}']) {
    const ok = rec();
    ok.answer = () => new Response(body);
    assert.deepEqual(await make(ok).send({ from: "3000505", to: "09121234567", message: "x" }), { messageOutboxIds: ["5"] });
  }
  for (const body of ['{"meta":{"status":true}}', '[1,2]', '"x"', '{"data":{"message_outbox_ids":["x"]},"meta":{"status":true}}']) {
    const bad = rec();
    bad.answer = () => new Response(body);
    const e = await rejection(make(bad).send({ from: "3000505", to: "09121234567", message: "x" }), body);
    assert.equal(e.kind, "protocol", body);
    assert.equal(e.mayHaveSent, true, body);
  }
  // A number sent as text that does not parse is a protocol error.
  const nan = rec();
  nan.answer = () => new Response('{"data":{"credit":"lots","yesterday_credit":0,"gift":0,"gift_expires_at":null,"updated_at":"x"},"meta":{"status":true}}');
  assert.equal((await rejection(make(nan).credit())).kind, "protocol");
});

test("strict sandbox: no request broke a rule, and a seeded send still reads back", async () => {
  const id = await seedSend(ctx.sb, { sendTime: utcIn(3600_000) });
  assert.equal((await make().bulk(id)).stateId, 1, "awaiting review");
  await new Promise((resolve) => setTimeout(resolve, 120));
  assert.equal((await make().bulk(id)).stateId, 5);
  assert.deepEqual(ctx.sb.violations, []);
  assert.deepEqual(dup.sb.violations, []);
});
