// The sandbox's own tests, with plain fetch and URLSearchParams (its own client, not the package).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSandbox, countParts } from "../server.mjs";

// The strict sandbox (the default) for everything a correct client sends; a lenient one for the
// service's answers to what only a sloppy client sends (docs/protocol.md's accepted variants).
let sb;
let lenient;
const lines = [];
before(async () => {
  sb = await startSandbox({ port: 0, deliveryStepMs: 20, log: (l) => lines.push(l) });
  lenient = await startSandbox({ port: 0, deliveryStepMs: 20, strict: false, log: (l) => lines.push(l) });
});
after(async () => {
  await sb.close();
  await lenient.close();
  assert.deepEqual(sb.violations, [], "every request of this suite is one a correct client sends");
});

const call = async (fields, { prefix = "", uname = "demo", pass = "demo-pass-1234", server = sb } = {}) => {
  const res = await fetch(`${server.url}${prefix}/services.jspd`, { method: "POST", body: new URLSearchParams({ uname, pass, ...fields }) });
  return { status: res.status, text: await res.text() };
};
const ok = async (fields, opts) => {
  const { text } = await call(fields, opts);
  const [code, data] = JSON.parse(text);
  assert.equal(code, 0, text);
  return data;
};
const code = async (fields, opts) => JSON.parse((await call(fields, opts)).text)[0];
const pattern = async (q, server = sb) => (await fetch(`${server.url}/patterns/pattern?${new URLSearchParams(q)}`, { method: "POST" })).text();
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
  const b = Number(await ok({ ...sendFields, to: '["+989121234560","+989121234599","+989121234567"]' }));
  assert.equal(b, a + 1);
  await new Promise((r) => setTimeout(r, 100));
  const last = JSON.parse(await ok({ op: "delivery", uinqid: String(b) }));
  assert.deepEqual(last, ["+989121234560:failed", "+989121234599:discarded", "+989121234567:delivered"]);
  const status = JSON.parse((await call({ op: "checkmessage", messageid: String(b) })).text);
  assert.deepEqual(status, { statusMessage: "Finish", validMessage: "approve" });
  assert.equal((await call({ op: "delivery", uinqid: "1" })).text, "null");
  assert.equal(await code({ op: "checkmessage", messageid: "1" }), 456);
});

test("delivery steps notsync, send, pending, then final, one step per deliveryStepMs", async () => {
  const slow = await startSandbox({ port: 0, quiet: true, deliveryStepMs: 300 });
  try {
    const c = (fields) => call(fields, { server: slow }).then(({ text }) => JSON.parse(text));
    const [, bulk] = await c(sendFields);
    const seen = [];
    const t0 = Date.now();
    // Sampled mid-step (150 ms into each 300 ms step), so each sample falls in one known step.
    for (let step = 0; step < 4; step++) {
      await new Promise((r) => setTimeout(r, t0 + step * 300 + 150 - Date.now()));
      seen.push(JSON.parse((await c({ op: "delivery", uinqid: bulk }))[1])[0]);
    }
    assert.deepEqual(seen, ["notsync", "send", "pending", "delivered"].map((s) => `+989121234567:${s}`));
  } finally {
    await slow.close();
  }
});

test("the lenient sandbox reads every recipient form docs/protocol.md lists", async () => {
  const to = '["09121234560","9121234599","989121234567","۰۹۱۲۱۲۳۴۵۶۸"]';
  const id = await ok({ ...sendFields, to }, { server: lenient });
  const entry = (await (await fetch(`${lenient.url}/__sandbox/ledger?uname=demo`)).json()).find((e) => e.bulkId === id);
  assert.deepEqual(entry.recipients, ["+989121234560", "+989121234599", "+989121234567", "+989121234568"]);
  assert.equal(await code({ ...sendFields, to: '["0912"]' }, { server: lenient }), 4);
});

test("every list op answers a double-encoded list", async () => {
  for (const op of ["postalcodearea", "booklist", "jobslist", "inboxlist", "accesslist"]) {
    const data = await ok({ op });
    assert.equal(typeof data, "string", op);
    assert.ok(JSON.parse(data).length > 0, op);
  }
  // The reference's spelling: only the lenient sandbox takes it (a correct client sends jobslist).
  assert.deepEqual(JSON.parse(await ok({ op: "joblist" }, { server: lenient })), JSON.parse(await ok({ op: "jobslist" })));
  const trends = JSON.parse(await ok({ op: "jobstrenlist", jobsid: "1" }));
  assert.ok(trends[0].id && trends[0].title);
  assert.match(await ok({ op: "jobscount", trendid: "[11,12]" }), /^\d+$/);
});

test("booksend, jobssend, postal code ops", async () => {
  assert.match(await ok({ op: "booksend", from: "3000505", message: "m", bookid: "[12]" }), /^\d+$/);
  assert.equal(await code({ op: "booksend", from: "3000505", message: "m", bookid: "[99]" }), 993, "an unknown phonebook");
  assert.equal(await code({ op: "booksend", from: "3000505", message: "m", bookid: "12x" }, { server: lenient }), 993);
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
  assert.equal(await code({ ...sendFields, to: JSON.stringify(Array(1001).fill("+989121234567")) }), 98);
  assert.equal(await code({ ...sendFields, time: "2001-01-01 10:00:00" }), 1006);
  assert.equal(await code(sendFields, { pass: "wrong" }), 962);
  const body = (await call({ op: "credit" }, { pass: "wrong" })).text;
  assert.ok(body.includes("\\u"), "non-ASCII is \\u-escaped like PHP's json_encode");
});

test("patterns: success, 971, 996, 970, 972, bad login", async () => {
  const base = { username: "demo", password: "demo-pass-1234", from: "3000505", to: '["+989121234567"]' };
  assert.match(await pattern({ ...base, pattern_code: "otp-demo", input_data: '{"code":"1234"}' }), /^\d+$/);
  assert.equal(JSON.parse(await pattern({ ...base, pattern_code: "nope", input_data: "{}" }))[0], 971);
  assert.equal(JSON.parse(await pattern({ ...base, pattern_code: "old-promo", input_data: "{}" }))[0], 996);
  assert.equal(JSON.parse(await pattern({ ...base, pattern_code: "otp-demo", input_data: "{}" }))[0], 970);
  assert.equal(JSON.parse(await pattern({ ...base, to: '["123"]', pattern_code: "otp-demo", input_data: '{"code":"1"}' }, lenient))[0], 972);
  assert.equal(await pattern({ ...base, password: "x", pattern_code: "otp-demo", input_data: "{}" }), "the username or password is incorrect");
});

test("newuser creates an account that can log in", async () => {
  const u = { op: "newuser", user_uname: "sub" + Date.now(), user_pass: "Pw-123456789", name: "n", company: "", national_id: "0012345679",
    certificate_id: "", access_id: "1", tell: "", mobile: "+989121234567", postalcode: "", email: "", address: "" };
  assert.match(await ok(u), /^\d+$/);
  assert.equal(await code(u), 304);
  assert.equal(await code({ ...u, user_uname: "" }), 303);
  assert.equal(await code({ ...u, user_uname: "x" + Date.now(), access_id: "99" }), 316);
  for (const [field, value, expected] of [["user_pass", "", 317], ["national_id", "", 306], ["mobile", "", 314], ["mobile", "123", 315]]) {
    assert.equal(await code({ ...u, user_uname: "y" + Date.now(), [field]: value }, { server: lenient }), expected, field);
  }
  assert.equal(await code({ op: "nosuchop" }, { server: lenient }), 1);
  assert.equal(await ok({ op: "credit" }, { uname: u.user_uname, pass: u.user_pass }), "0.00");
});

test("the lenient sandbox accepts multipart bodies, query fields and GET pattern sends", async () => {
  const form = new FormData();
  for (const [k, v] of Object.entries({ uname: "demo", pass: "demo-pass-1234", op: "credit" })) form.append(k, v);
  const text = await (await fetch(`${lenient.url}/services.jspd`, { method: "POST", body: form })).text();
  assert.equal(JSON.parse(text)[0], 0);
  const query = await (await fetch(`${lenient.url}/services.jspd?op=credit`, { method: "POST", body: new URLSearchParams({ uname: "demo", pass: "demo-pass-1234" }) })).text();
  assert.equal(JSON.parse(query)[0], 0);
  const q = new URLSearchParams({ username: "demo", password: "demo-pass-1234", from: "3000505", to: '["+989121234567"]', pattern_code: "otp-demo", input_data: '{"code":"1"}' });
  assert.match(await (await fetch(`${lenient.url}/patterns/pattern?${q}`)).text(), /^\d+$/);
  assert.deepEqual(lenient.violations, [], "the lenient sandbox records no violation");
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
  assert.equal((await call({ op: "credit" }, f("huge"))).text, `[0,"${"x".repeat(5 * 1024 * 1024)}"]`);
  const raw = await (await fetch(`${sb.url}/__fault/nonutf8/services.jspd`, { method: "POST", body: new URLSearchParams({ uname: "demo", pass: "demo-pass-1234", op: "credit" }) })).arrayBuffer();
  assert.throws(() => new TextDecoder("utf-8", { fatal: true }).decode(raw));
  await assert.rejects(call({ op: "credit" }, f("reset")));
  const t0 = Date.now();
  assert.equal(JSON.parse((await call({ op: "credit" }, f("delay-150"))).text)[0], 0);
  assert.ok(Date.now() - t0 >= 140);
  await assert.rejects(fetch(`${sb.url}/__fault/hang/services.jspd`, { method: "POST", body: new URLSearchParams({ uname: "demo", pass: "demo-pass-1234", op: "credit" }), signal: AbortSignal.timeout(200) }));
  await admin("reset");
  assert.equal((await call({ op: "credit" }, f("flaky-2"))).status, 502);
  assert.equal((await call({ op: "credit" }, f("flaky-2"))).status, 502);
  assert.equal((await call({ op: "credit" }, f("flaky-2"))).status, 200);
  const viaHeader = await fetch(`${sb.url}/services.jspd`, { method: "POST", headers: { "x-sandbox-fault": "http502" }, body: new URLSearchParams({ uname: "demo", pass: "demo-pass-1234", op: "credit" }) });
  assert.equal(viaHeader.status, 502);
});

test("CORS and preflight", async () => {
  const pre = await fetch(`${sb.url}/services.jspd`, { method: "OPTIONS", headers: { origin: "http://x", "access-control-request-method": "POST" } });
  assert.equal(pre.status, 204);
  assert.equal(pre.headers.get("access-control-allow-origin"), "*");
  const res = await fetch(`${sb.url}/services.jspd`, { method: "POST", body: new URLSearchParams({ uname: "demo", pass: "demo-pass-1234", op: "credit" }) });
  assert.equal(res.headers.get("access-control-allow-origin"), "*");
});

test("ledger and the request log; the password is never logged", async () => {
  await admin("reset");
  const id = await ok(sendFields);
  assert.match(await pattern({ username: "demo", password: "demo-pass-1234", from: "3000505", to: '["+989121234567"]', pattern_code: "otp-demo", input_data: '{"code":"9"}' }), /^\d+$/);
  const ledger = await admin("ledger?uname=demo");
  assert.deepEqual(ledger.map((e) => e.bulkId).slice(0, 1), [id]);
  assert.equal(ledger[0].recipients[0], "+989121234567");
  const log = await admin("requests");
  assert.deepEqual(log.map((l) => l.split(" ").slice(0, 3).join(" ")), ["POST /services.jspd op=send", "POST /patterns/pattern op=pattern"]);
  for (const line of [...log, ...lines]) assert.ok(!line.includes("demo-pass-1234") && !line.includes("empty-pass"), line);
});
