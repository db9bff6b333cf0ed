// The Edge fake's own tests, with plain fetch (its own client, not the package's EdgeClient).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { startSandbox } from "../server.mjs";
import { EDGE_RULES } from "../edge/strict.mjs";

const KEY = "edge-demo-key-1234";
const EMPTY = "edge-empty-key-1234";
const STEP = 40;
let sb;
let lenient;
const lines = [];
before(async () => {
  sb = await startSandbox({ port: 0, deliveryStepMs: STEP, edgeDuplicateWindowMs: 400, log: (l) => lines.push(l) });
  lenient = await startSandbox({ port: 0, deliveryStepMs: STEP, edgeDuplicateWindowMs: 400, strict: false, quiet: true });
});
after(async () => {
  await sb.close();
  await lenient.close();
  assert.deepEqual(lenient.violations, [], "the lenient sandbox records no violation");
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** One request as a correct client sends it, unless `headers`/`raw` say otherwise. */
async function call(method, path, { body, raw, key = KEY, headers = {}, server = sb, prefix = "" } = {}) {
  const h = { accept: "application/json", ...(key === null ? {} : { authorization: key }), ...headers };
  if ((body !== undefined || raw !== undefined) && !("content-type" in h)) h["content-type"] = "application/json";
  for (const [k, v] of Object.entries(h)) if (v === null) delete h[k];
  const text0 = raw ?? (body === undefined ? undefined : JSON.stringify(body));
  // Bytes, not a string: fetch would add its own text/plain Content-Type to a string body.
  const res = await fetch(`${server.url}${prefix}/edge/v1/api/${path}`, { method, headers: h, body: text0 === undefined ? undefined : Buffer.from(text0) });
  const text = await res.text();
  let json; try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, rule: res.headers.get("x-sandbox-strict"), type: res.headers.get("content-type"), text, json };
}
const get = (path, opts) => call("GET", path, opts);
const post = (path, body, opts) => call("POST", path, { body, ...opts });
const data = async (p) => { const r = await p; assert.equal(r.status, 200, r.text); assert.equal(r.json.meta.status, true, r.text); return r.json.data; };
const admin = async (path, method = "GET") => (await fetch(`${sb.url}/__sandbox/${path}`, { method })).json();
const reset = () => admin("reset", "POST");
const ws = (over = {}) => ({ sending_type: "webservice", from_number: "+983000505", message: "hello " + Math.random(), params: { recipients: ["+989121234567"] }, ...over });
const send = async (body, opts) => (await data(post("send", body, opts))).message_outbox_ids;
const utc = (ms) => new Date(Date.now() + ms).toISOString().slice(0, 19).replace("T", " ");
const ENVELOPE_OK = { status: true, message: "انجام شد", message_parameters: [], message_code: "200-1" };
const PAGINATOR = ["current_page", "from", "last_page", "path", "per_page", "to", "total"];
const isHtml = (r, status) => { assert.equal(r.status, status, r.text); assert.match(r.type, /text\/html/); assert.match(r.text, /<html>/); assert.equal(r.json, undefined); };

test("every send type answers integer outbox ids in the documented envelope", async () => {
  await reset();
  const bodies = {
    webservice: ws(),
    peer_to_peer: { sending_type: "peer_to_peer", from_number: "+983000505", params: [{ recipients: ["+989120000000", "+989350000000"], message: "پیام اول" }, { recipients: ["+989130000000"], message: "پیام دوم" }] },
    pattern: { sending_type: "pattern", from_number: "+983000505", code: "otpdemo123", recipients: ["+989120000001"], params: { code: "1234" },
      phonebook: { id: 838550, name: "سعید محمدی", pre: "mr", email: "s@example.com", options: { 1234: "1370/01/01" } } },
    votp: { sending_type: "votp", message: "01234", params: { recipients: ["+989120000002"] } },
    postal_code: { sending_type: "postal_code", from_number: "+98BANK", message: "متن پیام", params: [{ bank: "all", postal_code: 131, gender: 0, age_from: 1330, age_to: 1402,
      mci: { start: 0, size: 1 }, irancell: { start: 0, size: 0 }, other: { start: 0, size: 0 } }], other_recipients: ["+989120000003"], send_time: utc(3600_000) },
    country: { sending_type: "country", from_number: "+98BANK", message: "تست", params: [{ bank: "all", pre: 938, province_id: 89, county_id: 212, city_id: 82, gender: 0,
      age_from: 1300, age_to: 1401, mci: { start: 10, size: 3 }, irancell: { start: 1, size: 2 }, other: { start: 2, size: 1 } }] },
    geolocation: { sending_type: "geolocation", from_number: "+98BANK", message: "تست", params: [{ province_id: 89, pre: "912", gender: 2, from_age: 1354, to_age: 1364,
      operator: [{ start: 0, size: 2, id: 1 }, { start: 0, size: 1, id: 2 }] }] },
    job: { sending_type: "job", from_number: "+98PRO", message: "متن پیام", params: [{ main_category_id: 1, sub_category_id: 1, operator: [{ start: 0, size: 3, id: 2 }, { start: 1, size: 2, id: 13 }] }] },
    phonebook: { sending_type: "phonebook", from_number: "+983000505", message: "تست", params: [{ phonebook_ids: ["123654"], type: "all", start: "1", size: "2" },
      { phonebook_id: "838550", type: "detail", number_ids: ["1240"] }] },
    keyword_phonebook: { sending_type: "keyword_phonebook", from_number: "+983000505", message: "تاریخ {ex_1234}", params: [{ phonebook_id: 838550 }] },
  };
  const counts = { peer_to_peer: 2 };
  for (const [type, body] of Object.entries(bodies)) {
    const r = await post("send", body);
    assert.equal(r.status, 200, `${type}: ${r.text}`);
    assert.deepEqual(r.json.meta, ENVELOPE_OK, type);
    assert.deepEqual(Object.keys(r.json.data), ["message_outbox_ids"], type);
    assert.equal(r.json.data.message_outbox_ids.length, counts[type] ?? 1, type);
    for (const id of r.json.data.message_outbox_ids) assert.ok(Number.isSafeInteger(id), type);
  }
  const st = await admin(`edge/state?key=${KEY}`);
  const byType = Object.fromEntries(st.outbox.map((o) => [o.sending_type, o]));
  assert.equal(byType.country.recipients.length, 6);
  assert.equal(byType.job.recipients.length, 5);
  assert.equal(byType.phonebook.recipients.length, 3, "two of phonebook 123654 from offset 1, plus contact 1240");
  assert.equal(byType.keyword_phonebook.message, "تاریخ {ex_1234}");
  assert.equal(byType.votp.from_number, "+98votp");
  assert.equal(st.contacts, 5, "the pattern send saved its recipient into phonebook 838550");
  assert.deepEqual(sb.violations, []);
});

test("every other endpoint's success shape", async () => {
  await reset();
  const [id] = await send(ws({ params: { recipients: ["+989121234567", "+989351234560"] } }));
  assert.equal(await data(post("send/cancel", { message_outbox_id: (await send(ws({ send_time: utc(3600_000) })))[0] })), null);
  assert.deepEqual(await data(post("send/calculate-price", { number: "+983000505", message: "تست" })), { mci_price: 150, other_price: 170, parts: 1 });
  assert.equal((await post("send/calculate-price", { number: "+983000505", message: "a".repeat(161) })).json.meta.message, "calculate successfully");

  const outbox = await post("report/new_list", { page: 1, limit: 10 });
  assert.deepEqual(Object.keys(outbox.json.meta), [...PAGINATOR, "status", "message", "message_code"]);
  const item = outbox.json.data.find((o) => o.messages_outbox_id === String(id));
  for (const k of ["messages_outbox_id", "number_id", "rcpts_count", "exit_count", "time", "time_send"]) assert.equal(typeof item[k], "string", k);
  assert.equal(typeof item.state_id, "number");
  assert.equal(typeof item.cost, "number");
  assert.equal(item.rcpts_count, "2");
  assert.equal(item.number, "+983000505");

  const bulk = await data(get(`report/by_bulk?messages_outbox_id=${id}`));
  assert.equal(bulk.messages_outbox_id, String(id));
  assert.equal(bulk.part, "1");
  assert.ok("reject_comment" in bulk && "return" in bulk);
  const stats = await data(get(`report/bulk_stats?bulk_id=${id}`));
  assert.deepEqual(Object.keys(stats).sort(), ["operators_blacklist", "operators_delivered", "operators_failed", "operators_pending", "operators_sent"]);
  assert.deepEqual(Object.keys(stats.operators_sent).sort(), ["irancell", "mci"]);
  const recips = await get(`report/recipients?bulk_id=${id}&page=1&per_page=10`);
  assert.deepEqual(Object.keys(recips.json.data[0]), ["recipient", "message", "is_readable", "msg_parts", "message_status"]);
  assert.equal(recips.json.data[0].msg_parts, "1");

  const inbox = await data(post("report/messages-inbox", { page: 1, per_page: 10 }));
  assert.deepEqual(inbox.map((m) => m.messages_inbox_id), [123, 122, 121], "newest first, integer ids");
  assert.deepEqual(Object.keys(inbox[0]), ["messages_inbox_id", "from", "number", "message", "type", "time", "seen"]);
  assert.equal(inbox[0].seen, "0");

  const credit = await get("payment/credit/mine");
  assert.deepEqual(Object.keys(credit.json.data), ["credit", "yesterday_credit", "gift", "gift_expires_at", "updated_at"]);
  assert.equal(credit.json.data.credit, 1_000_000 - 150 - 170);
  assert.equal(credit.json.data.gift_expires_at, null);
  assert.match(credit.json.data.updated_at, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  assert.equal(credit.json.meta.message_parameters, undefined);

  const numbers = await get("number/numbers?page=1&per_page=10");
  assert.deepEqual(numbers.json.data.map((l) => l.number), ["+983000505", "+98BANK", "+98PRO", "+9850004001"]);
  assert.equal(numbers.json.data[0].operator_id, 1);
  assert.deepEqual(Object.keys(numbers.json.meta), ["status", "message", "message_code"], "no paginator");

  const patterns = await data(get("patterns?page=1&per_page=10"));
  assert.deepEqual(patterns.map((p) => [p.pattern_code, p.pattern_status]), [["otpdemo123", "active"], ["welcome456", "active"], ["oldpromo789", "inactive"]]);
  assert.equal(patterns[0].id.length, 24);
  assert.deepEqual(patterns[0].variable, [{ name: "code", type: "string", len: 20 }]);
  assert.deepEqual((await data(get("patterns?filter%5Bstate%5D=inactive"))).map((p) => p.pattern_code), ["oldpromo789"]);
  const one = await data(get("patterns/welcome456"));
  assert.equal(one.pattern_status_id, 1);
  const created = await data(post("patterns/normal", { title: "t", description: "d", is_share: false, message: "کد %code%", variable: [{ name: "code", type: "integer" }] }));
  assert.equal(created.pattern_status, "pending");
  assert.deepEqual(created.variable, [{ name: "code", type: "integer", len: 40 }]);
  assert.equal((await data(get(`patterns/${created.pattern_code}`))).pattern_status, "pending");

  const books = await get("phonebooks/list-new?page=1&per_page=10");
  assert.deepEqual(books.json.data.map((b) => [b.id, b.count, b.options]), [[123654, 3, []], [838550, 1, [{ id: 1234, title: "تاریخ تولد", type: "date" }]]]);
  assert.equal(books.json.meta.path, "/api/phonebooks/listNew");
  const contacts = await data(get("phonebooks/numbers/contact-list?phonebook_id=123654"));
  assert.deepEqual(contacts.map((c) => c.id), [1233, 1234, 1235]);
  assert.deepEqual(Object.keys(contacts[0]), ["id", "phonebook_id", "pre", "name", "email", "number", "created_at", "updated_at", "phonebook_title"]);

  const provinces = await data(get("send/banks/provinces"));
  assert.equal(provinces.length, 31);
  assert.deepEqual([provinces[0], provinces.at(-1).id], [{ id: 89, name: "تهران" }, 119]);
  assert.equal((await data(get("send/banks/counties?province_id=119"))).length, 12);
  assert.deepEqual(await data(get("send/banks/cities?county_id=147")), [{ id: 12, name: "بیرجند" }]);
  const counts = await get("send/banks/counts?province_id=89&county_id=212&gender_id=2");
  assert.deepEqual(Object.keys(counts.json.data), ["mci_count", "irancell_count", "other_count"]);
  assert.equal(counts.json.meta.message, "count");
  assert.equal((await data(get("send/jobs/categories"))).length, 8);
  assert.deepEqual((await data(get("send/jobs/sub-categories?main_category_id=1")))[0], { id: 1, name: "صنفی", main_id: "1", main_name: "صنایع و اصناف" });
  const jc = await data(get("send/jobs/number-count?main_category_id=1&operator_id=2"));
  assert.equal(jc.mci_count, 0);
  assert.ok(jc.irancell_count > 0);
  assert.deepEqual(sb.violations, []);
});

test("auth: a missing, wrong or Bearer-prefixed key is the 401 envelope, on every route", async () => {
  const expected = { data: null, meta: { status: false, message: "اطلاعات وارد شده صحیح نمی باشد", message_parameters: [], message_code: "400-1", errors: {} } };
  for (const key of [null, "nope", `Bearer ${KEY}`, ""]) {
    const r = await get("payment/credit/mine", { key });
    assert.equal(r.status, 401, String(key));
    assert.deepEqual(r.json, expected);
  }
  assert.equal((await post("send", ws(), { key: "nope" })).status, 401);
  const empty = await data(get("payment/credit/mine", { key: EMPTY }));
  assert.equal(empty.credit, 0);
  assert.deepEqual((await data(get("number/numbers", { key: EMPTY }))).map((l) => l.number), ["+983000505"]);
});

test("routes: unknown paths 404 HTML, old forms are no route, wrong method 405 HTML, CORS allows Authorization", async () => {
  isHtml(await get("nope"), 404);
  isHtml(await post("report/by_bulk/1123544244", {}), 404);
  isHtml(await post("user/pattern", { description: "d", is_share: false, message: "m", variable: [] }), 404);
  isHtml(await call("GET", "send"), 405);
  isHtml(await post("payment/credit/mine", {}), 405);
  const bare = await fetch(`${sb.url}/edge/v1/other`, { headers: { accept: "application/json", authorization: KEY } });
  assert.equal(bare.status, 404);
  const pre = await fetch(`${sb.url}/edge/v1/api/send`, { method: "OPTIONS", headers: { origin: "http://x", "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" } });
  assert.equal(pre.status, 204);
  assert.equal(pre.headers.get("access-control-allow-origin"), "*");
  assert.match(pre.headers.get("access-control-allow-headers"), /(^|, )authorization(,|$)/);
  const res = await fetch(`${sb.url}/edge/v1/api/payment/credit/mine`, { headers: { accept: "application/json", authorization: KEY } });
  assert.equal(res.headers.get("access-control-allow-origin"), "*");
});

test("the service's 422 checks", async () => {
  await reset();
  const err = async (body, path = "send", server = sb) => { const r = await post(path, body, { server }); assert.equal(r.status, 422, r.text); assert.equal(r.json.meta.status, false); return r.json.meta; };
  assert.deepEqual(await err(ws({ message: "" })), { status: false, message: "تکمیل گزینه پیام الزامی است", message_parameters: [], message_code: "400-2",
    errors: { message: ["تکمیل گزینه پیام الزامی است"] } });
  const several = await err({ sending_type: "webservice", from_number: "+983000505", params: { recipients: [] } });
  assert.equal(several.message, "تکمیل گزینه پیام الزامی است (و 1 خطای دیگر)");
  assert.deepEqual(Object.keys(several.errors), ["message", "params.recipients"]);
  assert.deepEqual((await err({ sending_type: "peer_to_peer", from_number: "+983000505", params: [{ message: "a" }] })).errors, { "params.0.recipients": ["تکمیل گزینه params.0.recipients الزامی است"] });
  // Malformed numbers: only a lenient sandbox lets them through to the service.
  assert.deepEqual(Object.keys((await err(ws({ params: { recipients: ["09121234567", "+98912123456"] } }), "send", lenient)).errors), ["params.recipients.0", "params.recipients.1"]);
  assert.deepEqual(Object.keys((await err(ws({ send_time: utc(60_000) }))).errors), ["send_time"]);
  assert.deepEqual(Object.keys((await err(ws({ send_time: utc(100 * 86400_000) }))).errors), ["send_time"]);
  assert.deepEqual(Object.keys((await err(ws({ send_time: "2099-02-30 10:00:00" }))).errors), ["send_time"]);
  assert.deepEqual(Object.keys((await err({ sending_type: "pattern", from_number: "+983000505", code: "otpdemo123", recipients: ["+989120000000", "+989120000001"], params: { code: "1" } })).errors), ["recipients"]);
  assert.deepEqual(Object.keys((await err({ sending_type: "votp", message: "1234", params: { recipients: ["+989120000000", "+989120000001"] } })).errors), ["params.recipients"]);
  assert.deepEqual(Object.keys((await err({ sending_type: "pattern", from_number: "+983000505", code: "otpdemo123", recipients: ["+989120000000"], params: {} })).errors), ["params.code"]);
  assert.deepEqual(Object.keys((await err({ sending_type: "pattern", from_number: "+983000505", code: "oldpromo789", recipients: ["+989120000000"], params: {} })).errors), ["code"]);
  assert.deepEqual(Object.keys((await err(ws({ message: "س".repeat(1401) }))).errors), ["message"]);
  assert.equal((await post("send", ws({ message: "س".repeat(1400) }))).status, 200, "1400 characters is the limit");
  assert.deepEqual((await err({ sending_type: "postal_code", from_number: "+98BANK", message: "m", params: [{ bank: "all", postal_code: 1, gender: 0 }] })).errors,
    { postal_code: ["کد پستی نامعتبر است"] });
  const country = { sending_type: "country", from_number: "+98BANK", message: "m", params: [{ bank: "all", pre: 912, province_id: 5, gender: 0, age_from: 1300, age_to: 1410,
    mci: { start: 0, size: 1 }, irancell: { start: 0, size: 0 }, other: { start: 0, size: 0 } }] };
  assert.deepEqual((await err(country)).errors, { province_id: ["منطقه انتخابی نامعتبر است"] });
  assert.deepEqual(Object.keys((await err({ ...country, params: [{ ...country.params[0], province_id: 89, county_id: 147 }] })).errors), ["province_id"]);
  assert.deepEqual(Object.keys((await err({ sending_type: "job", from_number: "+98PRO", message: "m", params: [{ main_category_id: 99 }] })).errors), ["params.0.main_category_id"]);
  assert.deepEqual((await err(ws({ from_number: "+981111" }))).errors, { from_number: ["گزینه انتخاب شده from_number صحیح نمی باشد"] });
  assert.deepEqual((await err({ number: "+983000505", message: "" }, "send/calculate-price")).errors, { message: ["تکمیل گزینه پیام الزامی است"] });
  const pattern = await err({ description: "", is_share: false, message: "", variable: [{ name: "", type: "integer" }] }, "patterns/normal");
  assert.equal(pattern.message, "تکمیل گزینه description الزامی است (و 2 خطای دیگر)");
  assert.deepEqual(Object.keys(pattern.errors), ["description", "message", "variable.0.name"]);
  assert.deepEqual(Object.keys((await err({ description: "d", is_share: false, message: "m", variable: [{ name: "v", type: "float" }] }, "patterns/normal")).errors), ["variable.0.type"]);
  const county = await get("send/banks/counties?province_id=5");
  assert.equal(county.status, 422);
  assert.deepEqual(county.json.meta.errors, { province_id: ["گزینه انتخاب شده province id صحیح نمی باشد"] });
  assert.equal((await get("send/banks/counties")).status, 422, "province_id is required");
  assert.equal((await get("send/jobs/sub-categories?main_category_id=99")).json.meta.errors.main_category_id[0], "گزینه انتخابی شناسه دسته بندی اصلی صحیح نمی باشد");
  assert.equal((await get("patterns?per_page=101")).status, 422);
  const state = await post("report/new_list", { filters: { state_id: "10" } });
  assert.equal(state.status, 422);
  assert.deepEqual(state.json, { data: null, meta: { status: false, message: "invalid state", message_parameters: [], message_code: "400-31", errors: {} } });
  assert.deepEqual(sb.violations, []);
});

test("404 envelopes: unknown pattern, phonebook, message; cancel of an unknown id", async () => {
  const nf = async (p, message) => { const r = await p; assert.equal(r.status, 404, r.text); assert.deepEqual(r.json, { data: null, meta: { status: false, message, message_parameters: [], message_code: "404-1", errors: {} } }); };
  await nf(post("send", { sending_type: "pattern", from_number: "+983000505", code: "nosuch", recipients: ["+989120000000"], params: {} }), "الگو یافت نشد");
  await nf(get("patterns/nosuch"), "الگو یافت نشد");
  await nf(post("send", { sending_type: "phonebook", from_number: "+983000505", message: "m", params: [{ phonebook_ids: ["999"], type: "all" }] }), "دفترچه تلفن یافت نشد");
  await nf(post("send", { sending_type: "keyword_phonebook", from_number: "+983000505", message: "m", params: [{ phonebook_id: 999 }] }), "دفترچه تلفن یافت نشد");
  await nf(post("send", { sending_type: "pattern", from_number: "+983000505", code: "otpdemo123", recipients: ["+989120000000"], params: { code: "1" }, phonebook: { id: 999 } }), "دفترچه تلفن یافت نشد");
  await nf(get("report/by_bulk?messages_outbox_id=1"), "پیام مورد نظر یافت نشد");
  await nf(get("report/bulk_stats?bulk_id=1"), "پیام مورد نظر یافت نشد");
  await nf(get("report/recipients?bulk_id=1"), "پیام مورد نظر یافت نشد");
  await nf(post("send/cancel", { message_outbox_id: 1 }), "پیام یافت نشد یا قابل لغو نیست");
  await nf(get("send/banks/cities?county_id=1"), "شهرستان یافت نشد");
  const [mine] = await send(ws());
  await nf(get(`report/by_bulk?messages_outbox_id=${mine}`, { key: EMPTY }), "پیام مورد نظر یافت نشد");
});

test("429 for an identical send within the window; 429 is an envelope with message_code 429-1", async () => {
  const body = ws();
  assert.equal((await post("send", body)).status, 200);
  const dup = await post("send", body);
  assert.equal(dup.status, 429);
  assert.deepEqual(Object.keys(dup.json), ["data", "meta"]);
  assert.equal(dup.json.data, null);
  assert.equal(dup.json.meta.status, false);
  assert.equal(dup.json.meta.message_code, "429-1");
  assert.equal((await post("send", { ...body, message: body.message + "!" })).status, 200, "another text");
  assert.equal((await post("send", { ...body, params: { recipients: ["+989121234568"] } })).status, 200, "another recipient");
  assert.equal((await post("send", body, { key: EMPTY })).status, 200, "another account (accepted, no credit)");
  await sleep(450);
  assert.equal((await post("send", body)).status, 200, "after the window (400 ms here)");
  const defaults = await startSandbox({ port: 0, quiet: true });
  try {
    for (const expected of [200, 429]) assert.equal((await post("send", body, { server: defaults })).status, expected);
  } finally { await defaults.close(); }
});

// Sampled mid-step on a sandbox with a slow clock, so each sample falls in one known step.
const SLOW = 250;
test("outbox states 1 → 5 → 6, recipient statuses only when final, bulk_stats follows", async () => {
  const slow = await startSandbox({ port: 0, quiet: true, deliveryStepMs: SLOW });
  try {
    const o = { server: slow };
    const [id] = (await data(post("send", ws({ params: { recipients: ["+989121234567", "+989121234560", "+989121234599", "+989351234567"] } }), o))).message_outbox_ids;
    const t0 = Date.now();
    const seen = [];
    for (let step = 0; step < 3; step++) {
      await sleep(t0 + step * SLOW + SLOW / 2 - Date.now());
      const item = await data(get(`report/by_bulk?messages_outbox_id=${id}`, o));
      const recips = await data(get(`report/recipients?bulk_id=${id}`, o));
      const stats = await data(get(`report/bulk_stats?bulk_id=${id}`, o));
      seen.push([item.state_id, recips.map((r) => r.message_status), stats.operators_pending.mci.en, stats.operators_delivered.mci.en]);
    }
    assert.deepEqual(seen, [[1, [null, null, null, null], 3, 0], [5, [null, null, null, null], 3, 0], [6, ["2", "3", "4", "2"], 0, 1]]);
    const stats = await data(get(`report/bulk_stats?bulk_id=${id}`, o));
    assert.deepEqual([stats.operators_failed.mci.en, stats.operators_blacklist.mci.en, stats.operators_delivered.irancell.en], [1, 1, 1]);
    const item = await data(get(`report/by_bulk?messages_outbox_id=${id}`, o));
    assert.deepEqual([item.state, item.exit_count, item.status], ["finish", "4", "پایان یافته"]);
  } finally { await slow.close(); }
});

test("pattern and votp skip review; REJECTME is rejected; the admin deliver forces final", async () => {
  const slow = await startSandbox({ port: 0, quiet: true, deliveryStepMs: SLOW });
  try {
    const o = { server: slow };
    const sendOn = async (body) => (await data(post("send", body, o))).message_outbox_ids;
    const t0 = Date.now();
    const [p] = await sendOn({ sending_type: "pattern", from_number: "+983000505", code: "welcome456", recipients: ["+989120000005"], params: { name: "علی" } });
    const [v] = await sendOn({ sending_type: "votp", message: "4585", params: { recipients: ["+989120000006"] } });
    const [r] = await sendOn(ws({ message: "please REJECTME now" }));
    const [later] = await sendOn(ws({ send_time: utc(3600_000) }));
    const state = async (id) => (await data(get(`report/by_bulk?messages_outbox_id=${id}`, o))).state_id;
    assert.deepEqual([await state(p), await state(v), await state(r)], [5, 5, 1]);
    assert.ok(Date.now() - t0 < SLOW, "sampled within the first step");
    assert.equal((await data(get(`report/recipients?bulk_id=${p}`, o)))[0].message, "علی عزیز، خوش آمدید");
    await sleep(t0 + SLOW * 2.5 - Date.now());
    assert.deepEqual([await state(p), await state(v), await state(r), await state(later)], [6, 6, 3, 5]);
    assert.equal((await data(get(`report/by_bulk?messages_outbox_id=${v}`, o))).type, "sendvoice");
    assert.deepEqual(await data(get(`report/recipients?bulk_id=${r}`, o)), [], "a rejected bulk lists no recipients");
    assert.deepEqual(await (await fetch(`${slow.url}/__sandbox/edge/deliver?id=${later}`, { method: "POST" })).json(), { ok: true });
    assert.equal(await state(later), 6);
    assert.equal((await data(get(`report/recipients?bulk_id=${later}`, o)))[0].message_status, "2");
    assert.equal((await fetch(`${slow.url}/__sandbox/edge/deliver?id=1`, { method: "POST" })).status, 404);
  } finally { await slow.close(); }
});

test("credit: spent per part per recipient by operator; too little credit gives state 8 and no recipients", async () => {
  await reset();
  const credit = async (key = KEY) => (await data(get("payment/credit/mine", { key }))).credit;
  const before = await credit();
  await send(ws({ message: "a".repeat(161), params: { recipients: ["+989121234567", "+989351234567"] } })); // 2 GSM-7 parts: 2×150 + 2×170
  await send(ws({ message: "س".repeat(71) })); // 2 UCS-2 parts to MCI
  await send(ws({ message: "{".repeat(80) })); // 160 septets: 1 part
  assert.equal(before - await credit(), 640 + 300 + 150);
  const [poor] = await send(ws(), { key: EMPTY });
  await sleep(STEP * 3);
  const item = await data(get(`report/by_bulk?messages_outbox_id=${poor}`, { key: EMPTY }));
  assert.equal(item.state_id, 8);
  assert.deepEqual(await data(get(`report/recipients?bulk_id=${poor}`, { key: EMPTY })), []);
  assert.equal(await credit(EMPTY), 0);
  await admin(`edge/credit?key=${EMPTY}&amount=1000`, "POST");
  await send(ws(), { key: EMPTY });
  assert.equal(await credit(EMPTY), 850);
  const st = await admin(`edge/state?key=${EMPTY}`);
  assert.deepEqual(st.outbox.map((o) => o.state_id), [8, 1]);
});

test("scheduled sends stay queued and can be cancelled (→ 7, refunded); cancel of a sent one is 404", async () => {
  await reset();
  const credit = async () => (await data(get("payment/credit/mine"))).credit;
  const before = await credit();
  const [id] = await send(ws({ send_time: utc(3600_000) }));
  assert.equal(await credit(), before - 150);
  await sleep(STEP * 3);
  assert.equal((await data(get(`report/by_bulk?messages_outbox_id=${id}`))).state_id, 5);
  assert.deepEqual((await data(get(`report/recipients?bulk_id=${id}`))).map((r) => r.message_status), [null]);
  assert.equal(await data(post("send/cancel", { message_outbox_id: id })), null);
  assert.equal(await credit(), before);
  const item = await data(get(`report/by_bulk?messages_outbox_id=${id}`));
  assert.deepEqual([item.state_id, item.state], [7, "cancel"]);
  assert.equal((await post("send/cancel", { message_outbox_id: id })).status, 404, "already cancelled");
  const [now] = await send(ws());
  assert.equal((await post("send/cancel", { message_outbox_id: now })).status, 404, "not a scheduled send");
  assert.deepEqual((await data(post("report/new_list", { filters: { state_id: "7" } }))).map((o) => o.messages_outbox_id), [String(id)]);
});

test("pagination: the paginator in meta, pages of per_page/limit", async () => {
  await reset();
  for (let i = 0; i < 5; i++) await send(ws({ message: `m${i}` }));
  const p2 = await post("report/new_list", { page: 2, limit: 2 });
  assert.deepEqual(p2.json.meta, { current_page: 2, from: 3, last_page: 3, path: "/api/report/new_list", per_page: 2, to: 4, total: 5, status: true, message: "انجام شد", message_code: "200-1" });
  assert.deepEqual(p2.json.data.map((o) => o.message), ["m2", "m1"], "newest first");
  const past = await post("report/new_list", { page: 9, limit: 2 });
  assert.deepEqual([past.json.data, past.json.meta.from, past.json.meta.to, past.json.meta.last_page], [[], null, null, 3]);
  const dflt = await post("report/new_list", {});
  assert.equal(dflt.json.meta.per_page, 10);
  const inbox = await post("report/messages-inbox", { page: 2, per_page: 1, filters: { from_id: 121 } });
  assert.deepEqual([inbox.json.data.map((m) => m.messages_inbox_id), inbox.json.meta.total, inbox.json.meta.last_page], [[122], 2, 2]);
  const added = await admin(`edge/inbox?key=${KEY}&from=%2B989121234500&message=new`, "POST");
  assert.equal(added.messages_inbox_id, 124);
  assert.deepEqual((await data(post("report/messages-inbox", { filters: { from_id: 123 } }))).map((m) => m.message), ["new"]);
  const patterns = await get("patterns?page=2&per_page=2");
  assert.deepEqual([patterns.json.data.length, patterns.json.meta.total, patterns.json.meta.current_page], [1, 3, 2]);
  const contacts = await get("phonebooks/numbers/contact-list?page=1&per_page=2");
  assert.deepEqual([contacts.json.data.length, contacts.json.meta.last_page, contacts.json.meta.path], [2, 2, "/api/phonebooks/numbers/contact-list"]);
  const lines = await data(get("number/numbers?page=2&per_page=3"));
  assert.deepEqual(lines.map((l) => l.number), ["+9850004001"]);
});

test("fault switches on Edge routes", async () => {
  const f = (name) => ({ prefix: `/__fault/${name}` });
  const credit = () => get("payment/credit/mine", f("http500"));
  isHtml(await credit(), 500);
  isHtml(await get("payment/credit/mine", f("http502")), 502);
  isHtml(await get("payment/credit/mine", f("html200")), 200);
  isHtml(await post("send", ws(), f("http404html")), 404);
  const r429 = await post("send", ws(), f("http429"));
  assert.equal(r429.status, 429); assert.equal(r429.json, undefined);
  const shape = await post("send", ws(), f("shape"));
  assert.deepEqual([shape.status, shape.json.data, shape.json.meta.status], [200, { message_outbox_ids: [] }, true]);
  assert.deepEqual((await get("number/numbers", f("shape"))).json.data, {}, "an object where a list is expected");
  assert.deepEqual((await get("payment/credit/mine", f("shape"))).json.data, [], "a list where an object is expected");
  const cut = await get("payment/credit/mine", f("truncated"));
  assert.equal(cut.status, 200);
  assert.equal(cut.json, undefined);
  assert.ok(cut.text.startsWith('{"data":{"credit":'), cut.text);
  const huge = await get("payment/credit/mine", f("huge"));
  assert.ok(huge.text.length > 5 * 1024 * 1024);
  assert.equal(huge.json.meta.status, true);
  const raw = await (await fetch(`${sb.url}/__fault/nonutf8/edge/v1/api/payment/credit/mine`, { headers: { accept: "application/json", authorization: KEY } })).arrayBuffer();
  assert.throws(() => new TextDecoder("utf-8", { fatal: true }).decode(raw));
  await assert.rejects(get("payment/credit/mine", f("reset")));
  await assert.rejects(fetch(`${sb.url}/__fault/hang/edge/v1/api/payment/credit/mine`, { headers: { accept: "application/json", authorization: KEY }, signal: AbortSignal.timeout(200) }));
  const t0 = Date.now();
  assert.equal((await get("payment/credit/mine", f("delay-150"))).status, 200);
  assert.ok(Date.now() - t0 >= 140);
  await reset();
  for (const expected of [502, 502, 200]) assert.equal((await get("payment/credit/mine", f("flaky-2"))).status, expected);
  assert.equal((await get("payment/credit/mine", { headers: { "x-sandbox-fault": "http502" } })).status, 502, "by header");
  // A fault replaces the answer of a request that is still checked first.
  assert.equal((await get("payment/credit/mine", { ...f("http502"), headers: { accept: null } })).rule, "accept");
});

/** [rule, label, request]: each breaks one rule a correct client never breaks. `lenient` the status the lenient sandbox answers. */
let nth = 0;
const pb = (over) => ({ sending_type: "postal_code", from_number: "+98BANK", message: `m${nth++}`, params: [{ bank: "all", postal_code: 131, gender: 0, ...over }] });
const CASES = [
  ["accept", "no Accept", ["GET", "payment/credit/mine", { headers: { accept: null } }], 200],
  ["accept", "Accept text/html", ["GET", "payment/credit/mine", { headers: { accept: "text/html" } }], 200],
  ["placement", "a body on GET", ["GETBODY", "payment/credit/mine"], 200],
  ["placement", "a POST with a query string", ["POST", "report/new_list?page=1", { body: {} }], 200],
  ["content-type", "POST without Content-Type", ["POST", "report/new_list", { raw: "{}", headers: { "content-type": null } }], 200],
  ["content-type", "POST as a form", ["POST", "report/new_list", { raw: "{}", headers: { "content-type": "application/x-www-form-urlencoded" } }], 200],
  ["content-type", "a Content-Type on GET", ["GET", "payment/credit/mine", { headers: { "content-type": "application/json" } }], 200],
  ["json", "a body that is not JSON", ["POST", "report/new_list", { raw: "page=1" }], 200],
  ["json", "a JSON array body", ["POST", "report/new_list", { raw: "[]" }], 200],
  ["unknown-field", "send with a field of another type", ["POST", "send", { body: ws({ code: "x" }) }], 200],
  ["unknown-field", "an undocumented query parameter", ["GET", "payment/credit/mine?x=1"], 200],
  ["unknown-field", "report/recipients with limit", ["GET", "report/recipients?bulk_id=1&limit=5"], 404],
  ["missing-field", "createPattern without is_share", ["POST", "patterns/normal", { body: { description: "d", message: "m", variable: [] } }], 200],
  ["missing-field", "createPattern without variable", ["POST", "patterns/normal", { body: { description: "d", message: "m", is_share: false } }], 200],
  ["missing-field", "a postal target without bank", ["POST", "send", { body: pb({ bank: undefined }) }], 200],
  ["missing-field", "a postal target without gender", ["POST", "send", { body: pb({ gender: undefined }) }], 200],
  ["missing-field", "a country target without ages", ["POST", "send", { body: { sending_type: "country", from_number: "+98BANK", message: "m",
    params: [{ bank: "all", pre: 912, province_id: 89, gender: 0, mci: { start: 0, size: 1 }, irancell: { start: 0, size: 0 }, other: { start: 0, size: 0 } }] } }], 200],
  ["empty", "an empty send_time", ["POST", "send", { body: ws({ send_time: "" }) }], 200],
  ["empty", "a null optional field", ["POST", "send", { body: ws({ send_time: null }) }], 200],
  ["empty", "an empty query parameter", ["GET", "phonebooks/list-new?title="], 200],
  ["type", "cancel id as a string", ["POST", "send/cancel", { body: { message_outbox_id: "1" } }], 404],
  ["type", "pattern params not strings", ["POST", "send", { body: { sending_type: "pattern", from_number: "+983000505", code: "otpdemo123", recipients: ["+989120000100"], params: { code: 1234 } } }], 422],
  ["type", "postal_code as a string", ["POST", "send", { body: pb({ postal_code: "131" }) }], 200],
  ["type", "keyword phonebook_id as a string", ["POST", "send", { body: { sending_type: "keyword_phonebook", from_number: "+983000505", message: "m", params: [{ phonebook_id: "838550" }] } }], 200],
  ["type", "phonebook start as an integer", ["POST", "send", { body: { sending_type: "phonebook", from_number: "+983000505", message: "m2", params: [{ type: "all", phonebook_ids: ["123654"], start: 0 }] } }], 200],
  ["type", "outbox state_id as an integer", ["POST", "report/new_list", { body: { filters: { state_id: 6 } } }], 200],
  ["type", "is_share as a string", ["POST", "patterns/normal", { body: { description: "d", message: "m", is_share: "false", variable: [] } }], 422],
  ["type", "page as a string", ["POST", "report/messages-inbox", { body: { page: "1" } }], 200],
  ["format", "page 0 in the query", ["GET", "number/numbers?page=0"], 422],
  ["format", "from_number without +", ["POST", "send", { body: ws({ from_number: "3000505" }) }], 422],
  ["format", "send_time with a T", ["POST", "send", { body: ws({ send_time: "2099-01-01T10:00:00" }) }], 422],
  ["format", "votp code with a letter", ["POST", "send", { body: { sending_type: "votp", message: "12a4", params: { recipients: ["+989120000000"] } } }], 422],
  ["type", "geolocation pre as an integer", ["POST", "send", { body: { sending_type: "geolocation", from_number: "+98BANK", message: "g", params: [{ pre: 912 }] } }], 200],
  ["format", "an unknown sending_type", ["POST", "send", { body: ws({ sending_type: "Webservice" }) }], 422],
  ["recipient", "a recipient as 09…", ["POST", "send", { body: ws({ params: { recipients: ["09121234567"] } }) }], 422],
  ["recipient", "an other_recipients number without +", ["POST", "send", { body: { ...pb({}), other_recipients: ["989121234567"] } }], 422],
  ["duplicate", "a query parameter twice", ["GET", "number/numbers?page=1&page=2"], 200],
];

/** GET with a body: fetch refuses to send one, so plain http. */
function getWithBody(server, path) {
  return new Promise((resolve, reject) => {
    const req = http.request(`${server.url}/edge/v1/api/${path}`, { method: "GET", headers: { accept: "application/json", authorization: KEY, "content-length": 2 } }, (res) => {
      let text = ""; res.on("data", (d) => { text += d; }); res.on("end", () => resolve({ status: res.statusCode, rule: res.headers["x-sandbox-strict"] ?? null, text }));
    });
    req.on("error", reject); req.end("{}");
  });
}
const run = (server, [method, path, opts = {}]) => (method === "GETBODY" ? getWithBody(server, path) : call(method, path, { ...opts, server }));

test(`strict: ${CASES.length} requests a correct client never sends; the lenient sandbox answers them`, async () => {
  await reset();
  const before = sb.violations.length;
  const logged = lines.length;
  for (const [rule, label, request, lenientStatus] of CASES) {
    const res = await run(sb, request);
    assert.equal(res.status, 400, `${label}: ${res.text}`);
    assert.equal(res.rule, rule, `${label}: ${res.text}`);
    assert.match(res.text, new RegExp(`^sandbox strict: ${rule}: `), label);
    const relaxed = await run(lenient, request);
    assert.equal(relaxed.rule, null, `${label}: lenient`);
    assert.equal(relaxed.status, lenientStatus, `${label}: lenient: ${relaxed.text}`);
  }
  const listed = sb.violations.slice(before);
  assert.deepEqual(listed.map((v) => v.rule), CASES.map(([rule]) => rule));
  assert.ok(listed.every((v) => v.edge === true && v.path.startsWith("/edge/v1/api/")));
  assert.deepEqual(await admin("violations"), sb.violations);
  const logLines = lines.slice(logged);
  assert.equal(logLines.length, CASES.length);
  for (const [i, [rule]] of CASES.entries()) assert.match(logLines[i], new RegExp(`^EDGE .* status=400 .* strict=${rule}: `));
  // A detail names fields, never values.
  const details = listed.map((v) => v.detail).join("\n");
  for (const value of ["3000505", "09121234567", "989121234567", "12a4", "2099-01-01T10:00:00", "838550"]) assert.ok(!details.includes(value), value);
  assert.deepEqual([...new Set(CASES.map(([rule]) => rule))].sort(), [...EDGE_RULES].sort(), "every rule has a case");
  // A violation wins over a fault and reaches no state.
  const sends = (await admin(`edge/state?key=${KEY}`)).outbox.length;
  for (const prefix of ["/__fault/http502", "/__fault/hang", "/__fault/shape"]) {
    assert.equal((await post("send", ws({ params: { recipients: ["09121234567"] } }), { prefix })).rule, "recipient", prefix);
  }
  assert.equal((await admin(`edge/state?key=${KEY}`)).outbox.length, sends);
  sb.violations.length = before; // the rest of the suite sends only correct requests
});

test("the request log marks Edge requests and never holds the key; reset resets Edge state", async () => {
  await reset();
  await send(ws());
  await get("payment/credit/mine", { key: "some-secret-key" });
  await get("payment/credit/mine", { key: null });
  const log = await admin("requests");
  assert.deepEqual(log.map((l) => l.split(" ").slice(0, 5).join(" ")), [
    "EDGE POST /edge/v1/api/send route=send acct=demo",
    "EDGE GET /edge/v1/api/payment/credit/mine route=payment/credit/mine acct=unknown",
    "EDGE GET /edge/v1/api/payment/credit/mine route=payment/credit/mine acct=-",
  ]);
  for (const line of [...log, ...lines]) assert.ok(!line.includes(KEY) && !line.includes(EMPTY) && !line.includes("some-secret-key"), line);
  assert.notEqual((await data(get("payment/credit/mine"))).credit, 1_000_000);
  await data(post("patterns/normal", { description: "d", is_share: false, message: "m", variable: [] }));
  await reset();
  assert.equal((await data(get("payment/credit/mine"))).credit, 1_000_000);
  assert.equal((await data(get("patterns"))).length, 3);
  assert.deepEqual((await admin(`edge/state?key=${KEY}`)).outbox, []);
  assert.equal((await fetch(`${sb.url}/__sandbox/edge/state?key=nope`)).status, 404);
});

test("admin pattern-status: a pending pattern becomes sendable once approved", async () => {
  await reset();
  const p = await data(post("patterns/normal", { description: "d", is_share: true, message: "کد %code%", variable: [{ name: "code", type: "string" }] }));
  const body = { sending_type: "pattern", from_number: "+983000505", code: p.pattern_code, recipients: ["+989120000009"], params: { code: "77" } };
  assert.equal((await post("send", body)).status, 422, "pending");
  const approved = await admin(`edge/pattern-status?key=${KEY}&code=${p.pattern_code}&status=active`, "POST");
  assert.equal(approved.pattern_status, "active");
  assert.equal((await post("send", body)).status, 200);
  assert.equal((await data(get("patterns?filter%5Bis_share%5D=true"))).length, 1);
});
