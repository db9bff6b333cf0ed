// The sandbox's own tests, with plain fetch and URLSearchParams (its own client, not the package).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSandbox, countParts } from "../server.mjs";

let sb;
const lines = [];
before(async () => { sb = await startSandbox({ port: 0, deliveryStepMs: 20, log: (l) => lines.push(l) }); });
after(() => sb.close());

const call = async (fields, { prefix = "", uname = "demo", pass = "demo-pass-1234" } = {}) => {
  const res = await fetch(`${sb.url}${prefix}/services.jspd`, { method: "POST", body: new URLSearchParams({ uname, pass, ...fields }) });
  return { status: res.status, text: await res.text() };
};
const ok = async (fields, opts) => {
  const { text } = await call(fields, opts);
  const [code, data] = JSON.parse(text);
  assert.equal(code, 0, text);
  return data;
};
const code = async (fields, opts) => JSON.parse((await call(fields, opts)).text)[0];
const pattern = async (q) => (await fetch(`${sb.url}/patterns/pattern?${new URLSearchParams(q)}`, { method: "POST" })).text();
const admin = async (path) => (await fetch(`${sb.url}/__sandbox/${path}`, { method: path.startsWith("reset") || path.startsWith("deliver") ? "POST" : "GET" })).json();
const sendFields = { op: "send", from: "3000505", to: '["+989121234567"]', message: "hello" };

test("credit drops per part, GSM-7 vs UCS-2", async () => {
  await admin("reset");
  const before = Number(await ok({ op: "credit" }));
  await ok({ ...sendFields, message: "a".repeat(161) }); // 2 GSM-7 parts
  await ok({ ...sendFields, message: "س".repeat(71) }); // 2 UCS-2 parts
  await ok({ ...sendFields, message: "{".repeat(80) }); // 160 septets: 1 part
  assert.equal(before - Number(await ok({ op: "credit" })), 5 * 150);
  assert.deepEqual([countParts("a".repeat(160)), countParts("a".repeat(161)), countParts("س".repeat(70)), countParts("س".repeat(135))], [1, 2, 1, 3]);
});

test("bulk ids increase, delivery progresses to a final state, checkmessage follows", async () => {
  const a = Number(await ok(sendFields));
  const b = Number(await ok({ ...sendFields, to: '["09121234560","9121234599","+989121234567"]' }));
  assert.ok(b > a);
  const first = JSON.parse(await ok({ op: "delivery", uinqid: String(b) }));
  assert.ok(first.every((d) => /:(notsync|send|pending|delivered|failed|discarded)$/.test(d)));
  await new Promise((r) => setTimeout(r, 100));
  const last = JSON.parse(await ok({ op: "delivery", uinqid: String(b) }));
  assert.deepEqual(last, ["+989121234560:failed", "+989121234599:discarded", "+989121234567:delivered"]);
  const status = JSON.parse((await call({ op: "checkmessage", messageid: String(b) })).text);
  assert.deepEqual(status, { statusMessage: "Finish", validMessage: "approve" });
  assert.equal((await call({ op: "delivery", uinqid: "1" })).text, "null");
  assert.equal(await code({ op: "checkmessage", messageid: "1" }), 456);
});

test("every list op answers a double-encoded list", async () => {
  for (const op of ["postalcodearea", "booklist", "jobslist", "joblist", "inboxlist", "accesslist"]) {
    const data = await ok({ op });
    assert.equal(typeof data, "string", op);
    assert.ok(JSON.parse(data).length > 0, op);
  }
  const trends = JSON.parse(await ok({ op: "jobstrenlist", jobsid: "1" }));
  assert.ok(trends[0].id && trends[0].title);
  assert.match(await ok({ op: "jobscount", trendid: "[11,12]" }), /^\d+$/);
});

test("booksend, jobssend, postal code ops", async () => {
  assert.match(await ok({ op: "booksend", from: "3000505", message: "m", bookid: "[12]" }), /^\d+$/);
  assert.equal(await code({ op: "booksend", from: "3000505", message: "m", bookid: "12x" }), 993);
  assert.match(await ok({ op: "jobssend", from: "3000505", message: "m", jobsid: "1", trendid: "[11]" }), /^\d+$/);
  const pc = { type: "mci", gender: "0", postalcode: "1234567890" };
  assert.match(await ok({ op: "postalcodecount", ...pc }), /^\d+$/);
  assert.match(await ok({ op: "postalcodesend", from: "3000505", message: "m", ...pc }), /^\d+$/);
});

test("the service's error codes", async () => {
  assert.equal(await code({ ...sendFields, message: "" }), 1);
  assert.equal(await code({ ...sendFields, from: "1111111" }), 3);
  assert.equal(await code({ ...sendFields, to: "[]" }), 4);
  assert.equal(await code(sendFields, { uname: "empty", pass: "empty-pass-1234" }), 5);
  assert.equal(await code({ ...sendFields, to: JSON.stringify(Array(1001).fill("09121234567")) }), 98);
  assert.equal(await code({ ...sendFields, time: "2001-01-01 10:00:00" }), 1006);
  assert.equal(await code(sendFields, { pass: "wrong" }), 962);
  const body = (await call({ op: "credit" }, { pass: "wrong" })).text;
  assert.ok(body.includes("\\u"), "non-ASCII is \\u-escaped like PHP's json_encode");
});

test("patterns: success, 971, 996, 970, 972, bad login", async () => {
  const base = { username: "demo", password: "demo-pass-1234", from: "3000505", to: '["09121234567"]' };
  assert.match(await pattern({ ...base, pattern_code: "otp-demo", input_data: '{"code":"1234"}' }), /^\d+$/);
  assert.equal(JSON.parse(await pattern({ ...base, pattern_code: "nope", input_data: "{}" }))[0], 971);
  assert.equal(JSON.parse(await pattern({ ...base, pattern_code: "old-promo", input_data: "{}" }))[0], 996);
  assert.equal(JSON.parse(await pattern({ ...base, pattern_code: "otp-demo", input_data: "{}" }))[0], 970);
  assert.equal(JSON.parse(await pattern({ ...base, to: '["123"]', pattern_code: "otp-demo", input_data: '{"code":"1"}' }))[0], 972);
  assert.equal(await pattern({ ...base, password: "x", pattern_code: "otp-demo" }), "the username or password is incorrect");
});

test("newuser creates an account that can log in", async () => {
  const u = { op: "newuser", user_uname: "sub" + Date.now(), user_pass: "Pw-123456789", name: "n", national_id: "0012345679", mobile: "09121234567", access_id: "1" };
  assert.match(await ok(u), /^\d+$/);
  assert.equal(await code(u), 304);
  assert.equal(await code({ ...u, user_uname: "" }), 303);
  assert.equal(await code({ ...u, user_uname: "x" + Date.now(), access_id: "99" }), 316);
  for (const [field, value, expected] of [["user_pass", "", 317], ["national_id", "", 306], ["mobile", "", 314], ["mobile", "123", 315]]) {
    assert.equal(await code({ ...u, user_uname: "y" + Date.now(), [field]: value }), expected, field);
  }
  assert.equal(await code({ op: "nosuchop" }), 1);
  assert.equal(await ok({ op: "credit" }, { uname: u.user_uname, pass: u.user_pass }), "0.00");
});

test("multipart bodies are accepted", async () => {
  const form = new FormData();
  for (const [k, v] of Object.entries({ uname: "demo", pass: "demo-pass-1234", op: "credit" })) form.append(k, v);
  const text = await (await fetch(`${sb.url}/services.jspd`, { method: "POST", body: form })).text();
  assert.equal(JSON.parse(text)[0], 0);
});

test("fault switches", async () => {
  const f = (name) => ({ prefix: `/__fault/${name}` });
  assert.equal((await call({ op: "credit" }, f("http500"))).status, 500);
  const r502 = await call({ op: "credit" }, f("http502"));
  assert.equal(r502.status, 502); assert.match(r502.text, /<html>/);
  const h200 = await call({ op: "credit" }, f("html200"));
  assert.equal(h200.status, 200); assert.match(h200.text, /<html>/);
  const truncated = (await call({ op: "credit" }, f("truncated"))).text;
  assert.throws(() => JSON.parse(truncated));
  assert.deepEqual(JSON.parse((await call({ op: "credit" }, f("shape"))).text), { foo: 1 });
  assert.ok((await call({ op: "credit" }, f("huge"))).text.length >= 5 * 1024 * 1024);
  const raw = await (await fetch(`${sb.url}/__fault/nonutf8/services.jspd`, { method: "POST" })).arrayBuffer();
  assert.throws(() => new TextDecoder("utf-8", { fatal: true }).decode(raw));
  await assert.rejects(call({ op: "credit" }, f("reset")));
  const t0 = Date.now();
  assert.equal(JSON.parse((await call({ op: "credit" }, f("delay-150"))).text)[0], 0);
  assert.ok(Date.now() - t0 >= 140);
  await assert.rejects(fetch(`${sb.url}/__fault/hang/services.jspd`, { method: "POST", signal: AbortSignal.timeout(200) }));
  await admin("reset");
  assert.equal((await call({ op: "credit" }, f("flaky-2"))).status, 502);
  assert.equal((await call({ op: "credit" }, f("flaky-2"))).status, 502);
  assert.equal((await call({ op: "credit" }, f("flaky-2"))).status, 200);
  const viaHeader = await fetch(`${sb.url}/services.jspd`, { method: "POST", headers: { "x-sandbox-fault": "http502" } });
  assert.equal(viaHeader.status, 502);
});

test("CORS and preflight", async () => {
  const pre = await fetch(`${sb.url}/services.jspd`, { method: "OPTIONS", headers: { origin: "http://x", "access-control-request-method": "POST" } });
  assert.equal(pre.status, 204);
  assert.equal(pre.headers.get("access-control-allow-origin"), "*");
  const res = await fetch(`${sb.url}/services.jspd`, { method: "POST" });
  assert.equal(res.headers.get("access-control-allow-origin"), "*");
});

test("ledger and the request log; the password is never logged", async () => {
  await admin("reset");
  const id = await ok(sendFields);
  await pattern({ username: "demo", password: "demo-pass-1234", from: "3000505", to: '["09121234567"]', pattern_code: "otp-demo", input_data: '{"code":"9"}' });
  const ledger = await admin("ledger?uname=demo");
  assert.deepEqual(ledger.map((e) => e.bulkId).slice(0, 1), [id]);
  assert.equal(ledger[0].recipients[0], "+989121234567");
  const log = await admin("requests");
  assert.ok(log.length >= 2);
  for (const line of [...log, ...lines]) assert.ok(!line.includes("demo-pass-1234") && !line.includes("empty-pass"), line);
});
