// The compiled client (pkg/node.mjs) against a fixture server that answers with the exact
// response bodies docs/protocol.md documents: what goes on the wire, how answers decode, and how
// faults, retries, timeouts and aborts become IppanelErrors. The stateful sandbox suites test
// the ops' behaviour; this one pins the transport.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { Client, IppanelError, isFinalDelivery, normalizeMobile, smsParts } from "../../pkg/node.mjs";

const PASSWORD = "pw-Säkr3t&x=1";
const ANSWERS = {
  credit: '[0,"933222.33"]',
  send: '[0,"10929800"]',
  booklist: '[0,"[{\\"id\\":12,\\"title\\":\\"customers\\",\\"extra_field\\":1}]"]',
  delivery: '[0,"[\\"+989121111111:delivered\\",\\"+989122222222:pending\\"]"]',
  checkmessage: '{"statusMessage":"Active","validMessage":"notconfirm:"}',
  jobscount: '[0,"1520"]',
};
let mode = "ok";
let amount = "0";
const seen = [];
let server;
let base;
// A second origin a redirect points at: it records what reaches it.
const redirected = [];
let other;
let elsewhere;

before(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      seen.push({ url: req.url, body, type: req.headers["content-type"] });
      if (mode === "hang") return;
      if (mode === "reset") return req.socket.destroy();
      if (mode === "502") { res.writeHead(502); return res.end("<html>Bad Gateway</html>"); }
      if (mode === "shape") return res.end('{"foo":1}');
      if (mode === "truncated") return res.end('[0,"9332');
      if (mode === "amount") return res.end(`[0,"${amount}"]`);
      if (mode === "redirect") { res.writeHead(307, { location: `${elsewhere}${req.url}` }); return res.end(); }
      if (req.url.startsWith("/patterns/pattern")) {
        const q = new URL(req.url, "http://x").searchParams;
        return res.end(q.get("password") === PASSWORD ? "43218765123" : "the username or password is incorrect");
      }
      const form = new URLSearchParams(body);
      if (form.get("pass") !== PASSWORD) return res.end('[962,"\\u0646\\u0627\\u0645"]');
      res.end(ANSWERS[form.get("op")] ?? '[777,"something new"]');
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  other = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => { redirected.push({ url: req.url, body }); res.end('[0,"1"]'); });
  });
  await new Promise((resolve) => other.listen(0, "127.0.0.1", resolve));
  elsewhere = `http://127.0.0.1:${other.address().port}`;
});
after(() => { for (const s of [server, other]) { s.closeAllConnections(); s.close(); } });

const client = (extra = {}) => new Client({ username: "u", password: PASSWORD, baseUrl: base, timeoutMs: 400, retries: 1, ...extra });
const rejection = async (promise) => {
  try { await promise; } catch (err) { assert.ok(err instanceof IppanelError && err instanceof Error, String(err)); return err; }
  assert.fail("expected a rejection");
};
const noSecret = (err) => {
  const dump = [String(err), JSON.stringify(err), err.stack, err.body ?? ""].join("\n");
  assert.ok(!dump.includes(PASSWORD) && !dump.includes(encodeURIComponent(PASSWORD)), dump);
};

test("send encodes exactly what docs/protocol.md says", async () => {
  mode = "ok";
  const res = await client().send({ from: "3000505", to: ["۰۹۱۲ ۱۲۳ ۴۵۶۷", "9351234567"], message: "سلام", time: new Date(Date.UTC(2030, 0, 1, 0, 0, 0)) });
  assert.deepEqual(res, { bulkId: "10929800" });
  const { url, body, type } = seen.at(-1);
  assert.equal(url, "/services.jspd");
  assert.match(type, /^application\/x-www-form-urlencoded/);
  const expected = new URLSearchParams({ uname: "u", pass: PASSWORD, op: "send", from: "3000505", to: '["+989121234567","+989351234567"]', message: "سلام", time: "2030-01-01 03:30:00" });
  assert.equal(body, expected.toString());
});

test("pattern sends go in the query string, values as strings", async () => {
  mode = "ok";
  const res = await client().sendPattern({ from: "3000505", to: "09121234567", patternCode: "p1", values: { code: 12.5, name: "علی" } });
  assert.deepEqual(res, { bulkId: "43218765123" });
  const q = new URL(seen.at(-1).url, "http://x").searchParams;
  assert.deepEqual([...q.keys()], ["username", "password", "from", "to", "input_data", "pattern_code"]);
  assert.equal(q.get("to"), '["+989121234567"]');
  assert.deepEqual(JSON.parse(q.get("input_data")), { code: "12.5", name: "علی" });
});

test("responses decode to the documented shapes, extra fields kept", async () => {
  mode = "ok";
  const c = client();
  assert.equal(await c.credit(), 933222.33);
  assert.equal(await c.jobsCount({ trendIds: [1, 2] }), 1520);
  assert.deepEqual(await c.bookList(), [{ id: "12", title: "customers", extraField: 1 }]);
  assert.deepEqual(await c.delivery("10929800"), [
    { recipient: "+989121111111", status: "delivered" },
    { recipient: "+989122222222", status: "pending" },
  ]);
  assert.deepEqual(await c.checkMessage(10929800), { status: "Active", approval: "notconfirm" });
});

test("amounts sent as text read as JavaScript reads them, however many digits", async () => {
  mode = "amount";
  const c = client();
  // Short ones are read by the core, longer ones by the engine: both must agree with Number().
  for (const text of ["0", "-0.5", "933222.33", "123456789012345", "0.000001", "1234567890123456789", "0.1000000000000000055511151231257827", "9007199254740993", "-98765.4321012345678"]) {
    amount = text;
    assert.ok(Object.is(await c.credit(), Number(text)), text);
  }
  mode = "ok";
});

test("service errors: auth, known and unknown codes", async () => {
  mode = "ok";
  const auth = await rejection(client({ password: "wrong-" + PASSWORD }).credit());
  assert.equal(auth.kind, "auth"); assert.equal(auth.code, 962); assert.equal(auth.op, "credit");
  assert.equal(auth.messageFa, "نام کاربری یا کلمه عبور نادرست می باشد");
  const patternAuth = await rejection(client({ password: "wrong" }).sendPattern({ from: "3000505", to: "09121234567", patternCode: "p", values: {} }));
  assert.equal(patternAuth.kind, "auth"); assert.equal(patternAuth.op, "patterns/pattern");
  const unknown = await rejection(client().inboxList());
  assert.equal(unknown.kind, "api"); assert.equal(unknown.code, 777);
  assert.match(unknown.message, /unknown error code 777/);
});

test("bad input fails before any request", async () => {
  mode = "ok";
  const count = seen.length;
  const c = client();
  for (const [call, field] of [
    [() => c.send({ from: "3000505", to: ["09121234567", "0912"], message: "x" }), "to[1]"],
    [() => c.send({ from: "3000505", to: "09121234567", message: "  " }), "message"],
    [() => c.send({ from: "3000505", to: "09121234567", message: "x", time: "2030-02-30" }), "time"],
    [() => c.postalCodeCount({ postalCode: "123", operator: "mci" }), "postalCode"],
    [() => c.postalCodeCount({ postalCode: "1234567890", operator: "rightel" }), "operator"],
    [() => c.jobTrendList(1.5), "jobId"],
    [() => c.sendPattern({ from: "3000505", to: "09121234567", patternCode: "p", values: [] }), "values"],
  ]) {
    const err = await rejection(call());
    assert.equal(err.kind, "input"); assert.ok(err.message.includes(field), `${err.message} names ${field}`);
    assert.equal(err.mayHaveSent, false);
  }
  assert.equal(seen.length, count, "no request was made");
});

test("faults: kinds, retries for reads only, mayHaveSent for sends", async () => {
  const c = client();
  const send = () => c.send({ from: "3000505", to: "09121234567", message: "x" });
  mode = "502";
  let n = seen.length;
  const read502 = await rejection(c.credit());
  assert.equal(read502.kind, "http"); assert.equal(read502.status, 502); assert.equal(seen.length - n, 2, "one retry");
  n = seen.length;
  const send502 = await rejection(send());
  assert.equal(send502.mayHaveSent, true); assert.equal(seen.length - n, 1, "sends are never retried");
  mode = "reset";
  assert.equal((await rejection(send())).kind, "network");
  mode = "shape";
  assert.equal((await rejection(c.credit())).kind, "protocol");
  mode = "truncated";
  assert.equal((await rejection(c.credit())).kind, "http");
  mode = "hang";
  const t0 = Date.now();
  const hung = await rejection(send());
  assert.equal(hung.kind, "timeout"); assert.equal(hung.mayHaveSent, true);
  assert.ok(Date.now() - t0 < 400 * 1.5 + 500, `timed out in ${Date.now() - t0} ms`);
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 50);
  assert.equal((await rejection(c.credit({ signal: controller.signal }))).kind, "aborted");
  mode = "ok";
  assert.equal(await c.credit(), 933222.33, "the same client works after every fault");
});

test("sendBulk chunks, reports progress and counts recipients", async () => {
  mode = "ok";
  const progress = [];
  const to = Array.from({ length: 250 }, (_, i) => "0912" + String(1000000 + i));
  const res = await client().sendBulk({ from: "3000505", to, message: "hi", chunkSize: 100, onProgress: (p) => progress.push(p.done) });
  assert.equal(res.sent, 250); assert.equal(res.failed, 0);
  assert.deepEqual(res.batches.map((b) => b.recipients.length), [100, 100, 50]);
  assert.deepEqual(progress.sort((a, b) => a - b).at(-1), 250);
});

test("the password never leaks, not even through a failing fetch", async () => {
  mode = "ok";
  const throwing = async (input) => { throw new TypeError(`Failed to parse URL from ${new Request(input).url}`); };
  const errs = [
    await rejection(client({ password: "wrong-" + PASSWORD }).credit()),
    await rejection(client({ fetch: throwing }).sendPattern({ from: "3000505", to: "09121234567", patternCode: "p", values: {} })),
  ];
  errs.forEach(noSecret);
  const c = client();
  assert.ok(!JSON.stringify(c).includes(PASSWORD));
  assert.ok(!(await import("node:util")).inspect(c).includes(PASSWORD));
});

test("a fetch that ignores its signal still times out, and an abort still ends the call", async () => {
  const never = () => new Promise(() => {});
  let started = performance.now();
  const err = await rejection(client({ fetch: never, retries: 0 }).credit());
  const elapsed = performance.now() - started;
  assert.equal(err.kind, "timeout");
  assert.ok(elapsed >= 395 && elapsed < 1400, `timed out after ${elapsed} ms`);
  // A body that never ends, from a fetch that ignores the signal.
  const stalled = async () => new Response(new ReadableStream({ pull() { return new Promise(() => {}); } }));
  started = performance.now();
  assert.equal((await rejection(client({ fetch: stalled, retries: 0 }).credit())).kind, "timeout");
  assert.ok(performance.now() - started < 1400);
  const controller = new AbortController();
  const pending = client({ fetch: never, timeoutMs: 60_000 }).credit({ signal: controller.signal });
  setTimeout(() => controller.abort("a string reason"), 50);
  started = performance.now();
  const aborted = await rejection(pending);
  assert.equal(aborted.kind, "aborted");
  assert.ok(performance.now() - started < 1000);
});

test("whatever a caller's fetch answers is a typed error or a result, never a throw or a hang", async () => {
  const { runInNewContext } = await import("node:vm");
  const answer = (response) => async () => response;
  const within = async (promise) => Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error("hung")), 2000))]);
  // A bare mock with no headers and no body: an empty answer.
  let err = await rejection(within(client({ fetch: answer({ status: 200, text: async () => '[0,"5"]' }), retries: 0 }).credit()));
  assert.equal(err.kind, "http");
  // A Node stream as the body, and a body already locked by the caller.
  err = await rejection(within(client({ fetch: answer({ status: 200, headers: new Headers(), body: { pipe() {} } }), retries: 0 }).credit()));
  assert.equal(err.kind, "network");
  const locked = new Response(new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('[0,"5"]')); c.close(); } }));
  locked.body.getReader();
  err = await rejection(within(client({ fetch: answer(locked), retries: 0 }).credit()));
  assert.equal(err.kind, "network");
  // A chunk that is not bytes ends the call, not the body.
  const junk = new Response(new ReadableStream({ start(c) { c.enqueue("text, not bytes"); c.close(); } }));
  err = await rejection(within(client({ fetch: answer(junk), retries: 0 }).credit()));
  assert.equal(err.kind, "network");
  // One huge chunk is cut at the cap, not copied whole.
  const huge = new Response(new ReadableStream({ start(c) { c.enqueue(new Uint8Array(64 << 20).fill(0x7a)); c.close(); } }));
  err = await rejection(within(client({ fetch: answer(huge), retries: 0 }).credit()));
  assert.equal(err.kind, "http");
  assert.match(err.message, /too large/);
  // Another realm's bytes are bytes.
  const foreign = runInNewContext('new Uint8Array([91, 48, 44, 34, 53, 34, 93])');
  const fromVm = new Response(new ReadableStream({ start(c) { c.enqueue(foreign); c.close(); } }));
  assert.equal(await within(client({ fetch: answer(fromVm), retries: 0 }).credit()), 5);
});

test("a redirect is not followed: the password goes nowhere else, and the call fails", async () => {
  mode = "redirect";
  seen.length = 0;
  redirected.length = 0;
  for (const call of [(c) => c.credit(), (c) => c.sendPattern({ from: "3000505", to: "09121234567", patternCode: "p1", values: { a: "1" } })]) {
    const err = await rejection(call(client({ retries: 0 })));
    assert.equal(err.kind, "network", String(err));
    noSecret(err);
  }
  assert.equal(seen.length, 2);
  assert.deepEqual(redirected, []);
  mode = "ok";
});

test("https by default", async () => {
  const urls = [];
  const recording = async (input) => { urls.push(new Request(input).url); return new Response('[0,"1"]'); };
  await new Client({ username: "u", password: "p", fetch: recording }).credit();
  assert.equal(urls[0], "https://ippanel.com/services.jspd");
});

test("helpers", () => {
  for (const form of ["09121234567", "9121234567", "989121234567", "+989121234567", "00989121234567", "۰۹۱۲-۱۲۳-۴۵۶۷", "٠٩١٢ ١٢٣ ٤٥٦٧"]) {
    assert.equal(normalizeMobile(form), "+989121234567", form);
  }
  assert.throws(() => normalizeMobile("02112345678"), (e) => e instanceof IppanelError && e.kind === "input");
  assert.deepEqual(smsParts("a".repeat(161)), { encoding: "gsm7", length: 161, parts: 2, perPart: 153, remaining: 145 });
  assert.deepEqual(smsParts("سلام"), { encoding: "ucs2", length: 4, parts: 1, perPart: 70, remaining: 66 });
  const words = ["notsync", "send", "pending", "failed", "discarded", "delivered", "SomethingNew", "", "Delivered"];
  assert.deepEqual(words.filter(isFinalDelivery), ["failed", "discarded", "delivered"]);
  for (const odd of [undefined, null, 2, {}, ["delivered"]]) assert.equal(isFinalDelivery(odd), false);
});
