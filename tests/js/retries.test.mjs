// The retry rule, counted at the fetch: read-only ops are retried up to `retries` times with a
// growing backoff on network errors, timeouts and 5xx; never on api/auth/input/protocol answers;
// send-type ops and newUser are never retried; an abort during a backoff ends the call at once.
import { test, before, after, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { Client } from "../../pkg/node.mjs";
import { DEMO, OPS, sandboxWithBulk, resetSandbox, switchableFetch, rejection, closeChecked, traffic } from "./ops.mjs";

let ctx;
before(async () => { ctx = await sandboxWithBulk(); });
after(() => closeChecked(ctx.sandbox));
// Fault counters (flaky-<n>) start again from zero.
beforeEach(() => resetSandbox(ctx));

const client = (sw, extra = {}) => new Client({ ...DEMO, baseUrl: ctx.sandbox.url, timeoutMs: 300, fetch: sw.fetch, ...extra });
const reads = OPS.filter(([, , type]) => type === "read");
const neverRetried = OPS.filter(([, , type]) => type !== "read");

test("every read-only op is retried through 5xx answers and then succeeds", async () => {
  assert.equal(reads.length, 11);
  for (const [method, , , call] of reads) {
    await resetSandbox(ctx);
    const sw = switchableFetch();
    sw.fault = "flaky-2"; // the first two requests answer 502
    const result = await call(client(sw, { retries: 2 }), ctx);
    assert.notEqual(result, undefined, method);
    assert.equal(sw.starts.length, 3, `${method}: attempts`);
  }
});

test("reads give up after `retries` extra attempts, with the last attempt's error", async () => {
  for (const retries of [0, 1, 3]) {
    const sw = switchableFetch();
    sw.fault = "http500";
    const err = await rejection(client(sw, { retries }).credit());
    assert.equal(err.kind, "http");
    assert.equal(err.status, 500);
    assert.equal(sw.starts.length, retries + 1, `retries: ${retries}`);
  }
});

test("network errors and timeouts are retried too", async () => {
  for (const fault of ["reset", "hang"]) {
    const sw = switchableFetch();
    sw.fault = fault;
    const err = await rejection(client(sw, { retries: 2 }).bookList());
    assert.equal(err.kind, fault === "reset" ? "network" : "timeout");
    assert.equal(sw.starts.length, 3, fault);
  }
});

test("the backoff grows: about 250, 500, 1000 ms, within the ±20% jitter", async () => {
  const sw = switchableFetch();
  sw.fault = "flaky-3";
  await client(sw, { retries: 3 }).credit();
  assert.equal(sw.starts.length, 4);
  const gaps = sw.starts.slice(1).map((t, i) => t - sw.starts[i]);
  for (const [i, base] of [250, 500, 1000].entries()) {
    // The gap is the backoff plus one 502 round trip on loopback.
    // Timers only ever fire late, so the upper bound has room for a busy machine.
    assert.ok(gaps[i] >= base * 0.8 - 2 && gaps[i] <= base * 1.2 + 300, `gap ${i}: ${gaps[i].toFixed(0)} ms, backoff ${base} ±20%`);
  }
});

test("answers that are not transient are never retried", async () => {
  const cases = [
    ["api: unknown job", (c) => c.jobTrendList(999), "api", null],
    ["auth: wrong password", (c) => c.credit(), "auth", "wrong-password"],
    ["protocol: wrong shape", (c) => c.credit(), "protocol", "shape"],
    ["http 4xx", (c) => c.credit(), "http", "404"],
  ];
  for (const [label, call, kind, twist] of cases) {
    const sw = switchableFetch();
    let extra = { retries: 3 };
    if (twist === "wrong-password") extra.password = "not-the-password";
    if (twist === "shape") sw.fault = "shape";
    if (twist === "404") extra.baseUrl = `${ctx.sandbox.url}/no-such-prefix`;
    const err = await rejection(call(client(sw, extra)));
    assert.equal(err.kind, kind, label);
    assert.equal(sw.starts.length, 1, `${label}: attempts`);
  }
  const sw = switchableFetch();
  const before = await traffic(ctx.sandbox);
  const input = await rejection(client(sw, { retries: 3 }).jobTrendList(-1));
  assert.equal(input.kind, "input");
  assert.equal(sw.starts.length, 0, "input errors never reach fetch");
  assert.deepEqual(await traffic(ctx.sandbox), before, "nor the sandbox");
});

test("send-type ops and newUser are never retried, whatever `retries` says", async () => {
  assert.equal(neverRetried.length, 6);
  for (const [method, , type, call] of neverRetried) {
    for (const fault of ["http502", "reset", "hang"]) {
      const sw = switchableFetch();
      sw.fault = fault;
      const err = await rejection(call(client(sw, { retries: 5 }), ctx));
      assert.equal(sw.starts.length, 1, `${method} under ${fault}: attempts`);
      assert.equal(err.mayHaveSent, type === "send", `${method} under ${fault}: mayHaveSent`);
    }
  }
  const ledger = await (await fetch(`${ctx.sandbox.url}/__sandbox/ledger?uname=demo`)).json();
  assert.equal(ledger.length, 1, "only the seed send reached the ledger");
});

test("an abort during a backoff ends the call at once, with no further attempt", async () => {
  const sw = switchableFetch();
  sw.fault = "http502";
  const controller = new AbortController();
  const pending = rejection(client(sw, { retries: 5 }).credit({ signal: controller.signal }));
  // The first 502 arrives within a few ms; the backoff before the second attempt is >= 200 ms.
  let abortedAt = 0;
  setTimeout(() => { abortedAt = performance.now(); controller.abort(); }, 30);
  const err = await pending;
  const late = performance.now() - abortedAt;
  assert.equal(err.kind, "aborted");
  assert.equal(sw.starts.length, 1);
  // The backoff had at least 170 ms left; a rejection well before that means the abort ended it.
  assert.ok(late < 100, `rejected ${late.toFixed(0)} ms after the abort`);
  await new Promise((resolve) => setTimeout(resolve, 400));
  assert.equal(sw.starts.length, 1, "no attempt after the abort");
});

test("a signal already aborted makes no request at all", async () => {
  const sw = switchableFetch();
  const before = await traffic(ctx.sandbox);
  const err = await rejection(client(sw).credit({ signal: AbortSignal.abort() }));
  assert.equal(err.kind, "aborted");
  assert.equal(err.mayHaveSent, false);
  assert.equal(sw.starts.length, 0);
  const send = await rejection(client(sw).send({ from: "3000505", to: "09121111111", message: "x", signal: AbortSignal.abort() }));
  assert.equal(send.kind, "aborted");
  assert.equal(send.mayHaveSent, false, "a send aborted before dispatch did not go out");
  assert.deepEqual(await traffic(ctx.sandbox), before, "the sandbox saw no request and no send");
});
