// The Edge retry rule, counted at the `fetch` option: read-only methods are retried on network
// errors, timeouts and 5xx with Client's backoff (about 250 ms, then 500 ms, ±20%); never on
// 4xx, 401, 429, envelope, protocol or input errors; send-type methods, cancel and createPattern
// never. `mayHaveSent` only for sends whose request left without a clear answer. bulk and
// createPattern try the older route once after a 404/405 that is not the envelope. Redirects
// are not followed. Every request's headers.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { EdgeClient } from "../../pkg/edge.node.mjs";
import { OPS, KEY, sandboxCtx, recordingFetch, rejection, closeChecked, requestLog, watchUnhandled } from "./helpers.mjs";

let ctx;
let unhandled;
before(async () => {
  unhandled = watchUnhandled();
  ctx = await sandboxCtx({ pool: 30 });
});
after(async () => {
  await closeChecked(ctx.sb);
  unhandled.assertNone();
});

const make = (rec, extra = {}) => new EdgeClient({ apiKey: KEY, baseUrl: ctx.base, timeoutMs: 300, fetch: rec.fetch, ...extra });
/** A recording fetch whose first `n` requests meet `fault`, the rest the healthy sandbox. */
function faultyFirst(n, fault) {
  const rec = recordingFetch();
  const inner = rec.fetch;
  rec.fetch = (input, init) => { rec.fault = rec.requests.length < n ? fault : null; return inner(input, init); };
  return rec;
}
const reads = OPS.filter(([, , type]) => type === "read" || type === "pager");
const neverRetried = OPS.filter(([, , type]) => type === "send" || type === "write");

test("every read-only method is retried through a 5xx and then succeeds", async () => {
  assert.equal(reads.length, 27);
  for (const [method, , , call] of reads) {
    const rec = faultyFirst(1, "http502");
    const result = await call(make(rec, { retries: 1 }), ctx, {});
    assert.notEqual(result, undefined, method);
    // One failed attempt, one good one (an iterator or waitForDelivery may read more pages after).
    assert.equal(rec.requests[0].url, rec.requests[1].url, `${method}: the same request again`);
    assert.ok(rec.requests.length >= 2, `${method}: attempts ${rec.requests.length}`);
  }
});

test("retries default to 2 (3 attempts); `retries` is honoured; the last attempt's error is reported", async () => {
  for (const retries of [undefined, 0, 1, 3]) {
    const rec = recordingFetch();
    rec.fault = "http500";
    const err = await rejection(make(rec, retries === undefined ? {} : { retries }).credit());
    assert.equal(err.kind, "http");
    assert.equal(err.status, 500);
    assert.equal(rec.requests.length, (retries ?? 2) + 1, `retries: ${retries}`);
  }
  // The last attempt's error: 502, 502, then 500.
  const rec = recordingFetch();
  const inner = rec.fetch;
  rec.fetch = (i, n) => { rec.fault = rec.requests.length < 2 ? "http502" : "http500"; return inner(i, n); };
  const err = await rejection(make(rec).provinces());
  assert.equal(rec.requests.length, 3);
  assert.equal(err.status, 500);
});

test("network errors and timeouts are retried too (default retries)", async () => {
  for (const fault of ["reset", "hang"]) {
    const rec = recordingFetch();
    rec.fault = fault;
    const err = await rejection(make(rec, { timeoutMs: 200 }).jobCategories());
    assert.equal(err.kind, fault === "reset" ? "network" : "timeout");
    assert.equal(rec.requests.length, 3, fault);
    assert.equal(err.mayHaveSent, false);
  }
  // A fetch that rejects on its own (no server involved) is a network error, retried.
  let calls = 0;
  const err = await rejection(new EdgeClient({ apiKey: KEY, baseUrl: ctx.base, fetch: async () => { calls += 1; throw new TypeError("fetch failed"); } }).credit());
  assert.equal(err.kind, "network");
  assert.equal(calls, 3);
  // Then a good answer: the retries get it.
  const rec = faultyFirst(2, "reset");
  const credit = await make(rec).credit();
  assert.equal(typeof credit.credit, "number");
  assert.equal(rec.requests.length, 3);
});

test("the backoff: about 250 ms, then 500 ms, then 1000 ms (±20% jitter)", async () => {
  const rec = recordingFetch();
  rec.fault = "http500";
  await rejection(make(rec, { retries: 3 }).credit());
  assert.equal(rec.starts.length, 4);
  const gaps = rec.starts.slice(1).map((t, i) => t - rec.starts[i]);
  for (const [i, base] of [250, 500, 1000].entries()) {
    // The gap is the backoff plus one loopback round trip; timers only fire late.
    assert.ok(gaps[i] >= base * 0.8 - 2 && gaps[i] <= base * 1.2 + 300, `gap ${i}: ${gaps[i].toFixed(0)} ms, backoff ${base} ±20%`);
  }
});

test("answers that are not transient are never retried", async () => {
  const cases = [
    ["auth: 401 (bad key)", (c) => c.credit(), "auth", { apiKey: "edge-wrong-key" }, null],
    ["api: 429 (any body)", (c) => c.credit(), "api", {}, "http429"],
    ["api: 422 envelope", (c) => c.counties(1), "api", {}, null],
    ["api: 404 envelope", (c) => c.pattern("no-such-pattern"), "api", {}, null],
    ["api: 404 envelope of by_bulk (no older route tried)", (c) => c.bulk("999999"), "api", {}, null],
    ["http: 404 HTML", (c) => c.credit(), "http", {}, "http404html"],
    ["protocol: wrong shape", (c) => c.credit(), "protocol", {}, "shape"],
    ["http: 200 HTML", (c) => c.numbers(), "http", {}, "html200"],
  ];
  for (const [label, call, kind, extra, fault] of cases) {
    const rec = recordingFetch();
    rec.fault = fault;
    const err = await rejection(call(make(rec, { retries: 3, ...extra })), label);
    assert.equal(err.kind, kind, `${label}: ${err.message}`);
    assert.equal(rec.requests.length, 1, `${label}: attempts`);
    assert.equal(err.mayHaveSent, false, label);
  }
  const rec = recordingFetch();
  const before = (await requestLog(ctx.sb)).length;
  const input = await rejection(make(rec, { retries: 3 }).counties(-1));
  assert.equal(input.kind, "input");
  assert.equal(rec.requests.length, 0, "input errors never reach fetch");
  assert.equal((await requestLog(ctx.sb)).length, before, "nor the sandbox");
});

test("send-type methods, cancel and createPattern are never retried, whatever `retries` says", async () => {
  assert.equal(neverRetried.length, 12);
  for (const [method, , type, call] of neverRetried) {
    for (const fault of ["http502", "http500", "reset", "hang"]) {
      const rec = recordingFetch();
      rec.fault = fault;
      const err = await rejection(call(make(rec, { retries: 5, timeoutMs: 200 }), ctx, {}), `${method} ${fault}`);
      assert.equal(rec.requests.length, 1, `${method} under ${fault}: attempts`);
      assert.equal(err.mayHaveSent, type === "send", `${method} under ${fault}: mayHaveSent`);
    }
  }
});

test("mayHaveSent: true only for a send whose request left without a clear answer", async () => {
  const send = (c, extra = {}) => c.send({ from: "3000505", to: "09121111111", message: `may ${Math.random()}`, ...extra });
  const unknown = [["http500", "http"], ["http404html", "http"], ["html200", "http"], ["truncated", "http"], ["shape", "protocol"], ["reset", "network"], ["hang", "timeout"]];
  for (const [fault, kind] of unknown) {
    const rec = recordingFetch();
    rec.fault = fault;
    const err = await rejection(send(make(rec, { timeoutMs: 200 })), fault);
    assert.equal(err.kind, kind, fault);
    assert.equal(err.mayHaveSent, true, `${fault}: outcome unknown`);
  }
  const clear = [
    ["401", (c) => send(c), { apiKey: "edge-wrong-key" }, "auth"],
    ["429", (c) => send(c), {}, "api", "http429"],
    ["422", (c) => c.send({ from: "3000505", to: "09121111111", message: "x".repeat(1401) }), {}, "api"],
    ["404 envelope", (c) => c.sendPattern({ from: "3000505", to: "09121111111", patternCode: "nope", values: {} }), {}, "api"],
    ["input", (c) => send(c, { to: "12" }), {}, "input"],
    ["aborted before dispatch", (c) => send(c, { signal: AbortSignal.abort() }), {}, "aborted"],
  ];
  for (const [label, call, extra, kind, fault] of clear) {
    const rec = recordingFetch();
    rec.fault = fault ?? null;
    const err = await rejection(call(make(rec, extra)), label);
    assert.equal(err.kind, kind, `${label}: ${err.message}`);
    assert.equal(err.mayHaveSent, false, `${label}: nothing was sent`);
  }
  // A read never says it may have sent.
  const rec = recordingFetch();
  rec.fault = "http500";
  assert.equal((await rejection(make(rec, { retries: 0 }).credit())).mayHaveSent, false);
});

test("bulk: after a 404 or 405 that is not the envelope, the older route is tried once", async () => {
  const id = ctx.bulkId;
  const newUrl = `${ctx.base}/api/report/by_bulk?messages_outbox_id=${id}`;
  const oldUrl = `${ctx.base}/api/report/by_bulk/${id}`;
  // The sandbox's 404 HTML on both: two requests, the second one's error.
  {
    const rec = recordingFetch();
    rec.fault = "http404html";
    const err = await rejection(make(rec, { retries: 3 }).bulk(id));
    assert.deepEqual(rec.requests.map((r) => r.url), [newUrl, oldUrl]);
    assert.equal(rec.requests[1].method, "POST");
    assert.equal(err.kind, "http");
    assert.equal(err.status, 404);
    assert.equal(err.op, "report/by_bulk");
  }
  // The sandbox answers the old route 404 HTML by itself: the error of the second try.
  {
    const rec = recordingFetch();
    rec.answer = (req, n) => (n === 1 ? new Response("<html>Method Not Allowed</html>", { status: 405 }) : fetch(req));
    const err = await rejection(make(rec).bulk(id));
    assert.deepEqual(rec.requests.map((r) => r.url), [newUrl, oldUrl]);
    assert.equal(err.status, 404, "the second try's error is reported");
  }
  // A service that has only the old route: the item comes from it.
  {
    const real = await make(recordingFetch()).bulk(id);
    const wire = await (await fetch(newUrl, { headers: { accept: "application/json", authorization: KEY } })).text();
    const rec = recordingFetch();
    rec.answer = (req, n) => (n === 1 ? new Response("<html>Not Found</html>", { status: 404 }) : new Response(wire, { status: 200 }));
    const item = await make(rec).bulk(id);
    assert.deepEqual(rec.requests.map((r) => r.url), [newUrl, oldUrl]);
    assert.deepEqual(item, real);
  }
  // The 404 envelope (an unknown id) is the service's answer: no second route.
  const rec = recordingFetch();
  const err = await rejection(make(rec).bulk("999999"));
  assert.equal(err.kind, "api");
  assert.equal(err.code, "404-1");
  assert.equal(rec.requests.length, 1);
});

test("createPattern: after a 404 or 405 that is not the envelope, POST user/pattern once", async () => {
  const newUrl = `${ctx.base}/api/patterns/normal`;
  const oldUrl = `${ctx.base}/api/user/pattern`;
  const req = { message: "fallback %a%", description: "d", variable: [{ name: "a", type: "string" }] };
  for (const status of [404, 405]) {
    const rec = recordingFetch();
    rec.answer = (r, n) => (n === 1 ? new Response(`<html>${status}</html>`, { status }) : fetch(r));
    const err = await rejection(make(rec, { retries: 3 }).createPattern(req));
    assert.deepEqual(rec.requests.map((r) => [r.method, r.url]), [["POST", newUrl], ["POST", oldUrl]], `after ${status}`);
    assert.equal(rec.requests[1].body, rec.requests[0].body, "the same body");
    assert.equal(err.status, 404, "the sandbox has no user/pattern: the second try's error");
    assert.equal(err.op, "patterns/normal");
  }
  // Only the old route exists: its pattern is the result.
  const wire = '{"data":{"id":"683c0ef4ad9979cd75069999","title":null,"username":"demo","pattern_code":"oldroute1","pattern_message":"fallback %a%","admin_comment":null,"pattern_description":"d","pattern_status":"pending","pattern_is_share":false,"reject_text":"","type":"sms","variable":[{"name":"a","type":"string","len":40}],"delimiter":"%","updated_at":"2025-06-01T08:27:32.244000Z","time":1748766452},"meta":{"status":true,"message":"انجام شد","message_parameters":[],"message_code":"200-1"}}';
  const rec = recordingFetch();
  rec.answer = (r, n) => (n === 1 ? new Response("<html>nf</html>", { status: 404 }) : new Response(wire));
  const pattern = await make(rec).createPattern(req);
  assert.equal(pattern.patternCode, "oldroute1");
  assert.equal(pattern.patternStatus, "pending");
  assert.equal(rec.requests.length, 2);
  // A 422 envelope is the service's answer: no second route.
  const bad = recordingFetch();
  bad.answer = () => new Response('{"data":null,"meta":{"status":false,"message":"تکمیل گزینه description الزامی است","message_parameters":[],"message_code":"400-2","errors":{"description":["تکمیل گزینه description الزامی است"]}}}', { status: 422 });
  const err = await rejection(make(bad).createPattern(req));
  assert.equal(err.kind, "api");
  assert.equal(bad.requests.length, 1);
  // Any other method: a 404 HTML is just an error, no other route.
  const other = recordingFetch();
  other.fault = "http404html";
  await rejection(make(other, { retries: 0 }).pattern("otpdemo123"));
  assert.equal(other.requests.length, 1);
});

test("redirects are not followed: a 307 is an error and nothing goes to its target", async () => {
  // A fetch that answers 307 itself.
  const rec = recordingFetch();
  rec.answer = () => new Response(null, { status: 307, headers: { location: "http://127.0.0.1:9/elsewhere" } });
  const err = await rejection(make(rec, { retries: 3 }).credit());
  assert.equal(err.kind, "http");
  assert.equal(err.status, 307);
  assert.equal(rec.requests.length, 1, "no second request");
  assert.notEqual(rec.requests[0].redirect, "follow", "the request itself does not follow redirects");
  // A real server redirecting to another that records what reaches it, through the runtime's fetch.
  const reached = [];
  const target = http.createServer((req, res) => { reached.push({ url: req.url, auth: req.headers.authorization }); res.end('{"data":{"credit":1},"meta":{"status":true}}'); });
  await new Promise((resolve) => target.listen(0, "127.0.0.1", resolve));
  const redirector = http.createServer((req, res) => { res.writeHead(307, { location: `http://127.0.0.1:${target.address().port}${req.url}` }); res.end(); });
  await new Promise((resolve) => redirector.listen(0, "127.0.0.1", resolve));
  try {
    for (const call of [(c) => c.credit(), (c) => c.send({ from: "3000505", to: "09121111111", message: "redirect" })]) {
      const e = await rejection(call(new EdgeClient({ apiKey: KEY, baseUrl: `http://127.0.0.1:${redirector.address().port}/v1`, retries: 2 })));
      assert.ok(["http", "network"].includes(e.kind), `${e.kind}: ${e.message}`);
    }
    assert.deepEqual(reached, [], "the key never went to the redirect's target");
  } finally {
    for (const s of [target, redirector]) { s.closeAllConnections(); s.close(); }
  }
});

test("every request: Accept: application/json, the raw key in Authorization, Content-Type exactly with a body", async () => {
  const rec = recordingFetch();
  const c = make(rec, { timeoutMs: 5000 });
  for (const [method, , , call] of OPS) await call(c, ctx, {}).catch((e) => assert.fail(`${method}: ${e.message}`));
  assert.ok(rec.requests.length >= OPS.length);
  for (const r of rec.requests) {
    const where = `${r.method} ${r.url}`;
    assert.equal(r.headers.get("accept"), "application/json", where);
    assert.equal(r.headers.get("authorization"), KEY, where);
    if (r.body !== null && r.body !== "") {
      assert.equal(r.method, "POST", where);
      assert.equal(r.headers.get("content-type"), "application/json", where);
      assert.equal(typeof JSON.parse(r.body), "object", where);
    } else {
      assert.equal(r.method, "GET", where);
      assert.equal(r.headers.get("content-type"), null, where);
    }
  }
  // The key goes out exactly as given: no scheme added, none removed, inner spaces kept.
  for (const apiKey of ["Bearer abc.def", "apikey  xyz", "raw-key"]) {
    const seen = recordingFetch();
    seen.answer = () => new Response('{"data":{"credit":1,"yesterday_credit":0,"gift":0,"gift_expires_at":null,"updated_at":"x"},"meta":{"status":true}}');
    await new EdgeClient({ apiKey, baseUrl: ctx.base, fetch: seen.fetch }).credit();
    assert.equal(seen.requests[0].headers.get("authorization"), apiKey);
  }
});
