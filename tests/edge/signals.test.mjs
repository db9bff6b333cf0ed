// `signal` on every request object and trailing options aborts (kind "aborted"); an already
// aborted signal fails before anything is sent (nothing in the sandbox's log); `timeoutMs` is
// per attempt.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { EdgeClient } from "../../pkg/edge.node.mjs";
import { OPS, KEY, sandboxCtx, recordingFetch, rejection, closeChecked, requestLog, watchUnhandled } from "./helpers.mjs";

let ctx;
let unhandled;
before(async () => {
  unhandled = watchUnhandled();
  ctx = await sandboxCtx({ pool: 4 });
});
after(async () => {
  await closeChecked(ctx.sb);
  unhandled.assertNone();
});

let cases = 0;

test("an already-aborted signal: every method fails before anything is sent", async () => {
  for (const [method, op, , call] of OPS) {
    const rec = recordingFetch();
    const c = new EdgeClient({ apiKey: KEY, baseUrl: ctx.base, fetch: rec.fetch });
    const before = (await requestLog(ctx.sb)).length;
    const err = await rejection(call(c, ctx, { signal: AbortSignal.abort() }), method);
    assert.equal(err.kind, "aborted", `${method}: ${err.message}`);
    assert.equal(err.op, op, method);
    assert.equal(err.mayHaveSent, false, `${method}: nothing went out`);
    assert.equal(rec.requests.length, 0, `${method}: no fetch`);
    assert.equal((await requestLog(ctx.sb)).length, before, `${method}: nothing in the sandbox's log`);
    cases += 1;
  }
});

test("an abort while the request is in flight rejects at once with kind aborted", async () => {
  for (const [method, op, type, call] of OPS) {
    const rec = recordingFetch();
    rec.fault = "hang";
    const c = new EdgeClient({ apiKey: KEY, baseUrl: ctx.base, timeoutMs: 10_000, fetch: rec.fetch });
    const controller = new AbortController();
    const pending = rejection(call(c, ctx, { signal: controller.signal }), method);
    await new Promise((resolve) => setTimeout(resolve, 40));
    const t0 = performance.now();
    controller.abort();
    const err = await pending;
    assert.ok(performance.now() - t0 < 300, `${method}: rejected ${(performance.now() - t0).toFixed(0)} ms after the abort`);
    assert.equal(err.kind, "aborted", `${method}: ${err.message}`);
    assert.equal(err.op, op, method);
    assert.equal(err.mayHaveSent, type === "send", `${method}: the request had left`);
    assert.equal(rec.requests.length, 1, method);
    cases += 1;
  }
});

test("an abort during the backoff ends a read at once, with no further attempt", async () => {
  const rec = recordingFetch();
  rec.fault = "http502";
  const controller = new AbortController();
  const pending = rejection(new EdgeClient({ apiKey: KEY, baseUrl: ctx.base, retries: 5, fetch: rec.fetch }).credit({ signal: controller.signal }));
  setTimeout(() => controller.abort(), 60);
  const err = await pending;
  assert.equal(err.kind, "aborted");
  assert.equal(rec.requests.length, 1);
  await new Promise((resolve) => setTimeout(resolve, 400));
  assert.equal(rec.requests.length, 1, "no attempt after the abort");
});

test("an abort stops an …All iteration and waitForDelivery between polls", async () => {
  const controller = new AbortController();
  const c = new EdgeClient({ apiKey: KEY, baseUrl: ctx.base });
  const seen = [];
  const err = await rejection((async () => {
    for await (const item of c.outboxAll({ limit: 1, signal: controller.signal })) { seen.push(item); if (seen.length === 1) controller.abort(); }
  })());
  assert.equal(err.kind, "aborted");
  assert.equal(seen.length, 1);
  const later = await c.send({ from: "3000505", to: "09121234567", message: `later ${Date.now()}`, sendTime: new Date(Date.now() + 3600_000) });
  const wait = new AbortController();
  setTimeout(() => wait.abort(), 100);
  const t0 = performance.now();
  const w = await rejection(c.waitForDelivery(later.messageOutboxIds[0], { intervalMs: 5000, signal: wait.signal }));
  assert.equal(w.kind, "aborted");
  assert.equal(w.mayHaveSent, false);
  assert.ok(performance.now() - t0 < 1000);
});

test("timeoutMs is per attempt: three attempts of a hanging read each get the full time", async () => {
  const rec = recordingFetch();
  rec.fault = "hang";
  const t0 = performance.now();
  const err = await rejection(new EdgeClient({ apiKey: KEY, baseUrl: ctx.base, timeoutMs: 200, retries: 2, fetch: rec.fetch }).provinces());
  const elapsed = performance.now() - t0;
  assert.equal(err.kind, "timeout");
  assert.match(err.message, /200 ms/);
  assert.equal(rec.requests.length, 3);
  const gaps = rec.starts.slice(1).map((t, i) => t - rec.starts[i]);
  assert.ok(gaps[0] >= 200 + 250 * 0.8 - 5 && gaps[1] >= 200 + 500 * 0.8 - 5, `each attempt waited its own 200 ms: ${gaps.map((g) => g.toFixed(0))}`);
  assert.ok(elapsed >= 3 * 200 + 750 * 0.8 - 10 && elapsed < 3 * 200 + 900 + 1000, `${elapsed.toFixed(0)} ms in all`);
  // A body that stalls counts against the attempt too.
  const stall = recordingFetch();
  stall.answer = () => new Response(new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('{"data":')); } }));
  const s = await rejection(new EdgeClient({ apiKey: KEY, baseUrl: ctx.base, timeoutMs: 200, retries: 0, fetch: stall.fetch }).credit());
  assert.equal(s.kind, "timeout");
  // A fetch that ignores the request's signal is still ended by the timeout.
  const deaf = new EdgeClient({ apiKey: KEY, baseUrl: ctx.base, timeoutMs: 150, retries: 0, fetch: () => new Promise(() => {}) });
  const t1 = performance.now();
  assert.equal((await rejection(deaf.credit())).kind, "timeout");
  assert.ok(performance.now() - t1 < 1000);
  const deafAbort = new AbortController();
  const pending = rejection(new EdgeClient({ apiKey: KEY, baseUrl: ctx.base, timeoutMs: 10_000, retries: 0, fetch: () => new Promise(() => {}) }).credit({ signal: deafAbort.signal }));
  setTimeout(() => deafAbort.abort(), 30);
  assert.equal((await pending).kind, "aborted");
});

test("a signal that is not an AbortSignal is an input error, nothing sent", async () => {
  const rec = recordingFetch();
  const c = new EdgeClient({ apiKey: KEY, baseUrl: ctx.base, fetch: rec.fetch });
  // (An object with an `aborted` flag is read as a signal, as Client reads it: cross-realm signals.)
  for (const signal of ["yes", 1, new AbortController(), new EventTarget()]) {
    const err = await rejection(c.credit({ signal }));
    assert.equal(err.kind, "input", String(signal));
    assert.match(err.message, /signal/);
  }
  assert.equal(rec.requests.length, 0);
});

test("every method took part", () => {
  assert.equal(OPS.length, 39);
  assert.equal(cases, 2 * OPS.length);
});
