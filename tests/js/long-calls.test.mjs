// sendBulk and waitForDelivery (Rust async loops over send and delivery) against the sandbox:
// batches, progress, partial failure, nothing sent for a bad list, polling to the final states,
// the timeout (a poll in flight at the deadline included), abort, and bad arguments.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSandbox } from "../../sandbox/server.mjs";
import { Client } from "../../pkg/node.mjs";
import { DEMO, LINE, switchableFetch, rejection, closeChecked, traffic } from "./ops.mjs";

let fast; // recipients reach their final state after 3 steps of 250 ms
let slow; // ... of 60 s
before(async () => {
  fast = await startSandbox({ port: 0, quiet: true, deliveryStepMs: 250 });
  slow = await startSandbox({ port: 0, quiet: true, deliveryStepMs: 60_000 });
});
after(() => closeChecked(fast, slow));

const numbers = (n, from = 0) => Array.from({ length: n }, (_, i) => `0912${String(2000000 + from + i)}`);
const ledger = async (sandbox) => (await fetch(`${sandbox.url}/__sandbox/ledger?uname=demo`)).json();

test("sendBulk: batches of chunkSize, progress, every recipient in the ledger once", async () => {
  const client = new Client({ ...DEMO, baseUrl: fast.url });
  const before = (await ledger(fast)).length;
  const progress = [];
  const to = numbers(25);
  const result = await client.sendBulk({ from: LINE, to, message: "bulk", chunkSize: 10, concurrency: 2, onProgress: (p) => progress.push({ ...p }) });
  assert.equal(result.sent, 25);
  assert.equal(result.failed, 0);
  assert.deepEqual(result.batches.map((b) => b.recipients.length), [10, 10, 5]);
  assert.deepEqual(result.batches.flatMap((b) => b.recipients), to.map((n) => `+98${n.slice(1)}`), "normalized, in order");
  for (const batch of result.batches) assert.match(batch.bulkId, /^\d+$/);
  // Two batches run at once, so the 5-recipient batch may finish before a 10-recipient one.
  const done = progress.map((p) => p.done);
  assert.equal(done.length, 3);
  assert.ok(done.every((d, i) => i === 0 || d > done[i - 1]), `increasing: ${done}`);
  assert.equal(done.at(-1), 25);
  assert.ok(progress.every((p) => p.total === 25));
  const sends = (await ledger(fast)).slice(before);
  assert.deepEqual(sends.map((s) => s.bulkId).sort(), result.batches.map((b) => b.bulkId).sort());
  assert.deepEqual(sends.flatMap((s) => s.recipients).sort(), result.batches.flatMap((b) => b.recipients).sort());
});

test("sendBulk: a failed batch is reported and the others go on; a failing onProgress changes nothing", async () => {
  const sw = switchableFetch();
  let calls = 0;
  const faultSecond = (url, init) => { sw.fault = ++calls === 2 ? "http502" : null; return sw.fetch(url, init); };
  const client = new Client({ ...DEMO, baseUrl: fast.url, fetch: faultSecond });
  let observed = 0;
  const onProgress = () => { observed += 1; if (observed === 1) throw new Error("observer bug"); return Promise.reject(new Error("async observer bug")); };
  const result = await client.sendBulk({ from: LINE, to: numbers(30, 100), message: "partial", chunkSize: 10, concurrency: 1, onProgress });
  assert.equal(observed, 3, "every batch was observed");
  assert.equal(result.sent, 20);
  assert.equal(result.failed, 10);
  const failedBatch = result.batches[1];
  assert.equal(failedBatch.error.kind, "http");
  assert.equal(failedBatch.error.mayHaveSent, true);
  assert.equal(failedBatch.bulkId, undefined);
  assert.equal(calls, 3, "the failed batch is not retried");
});

test("sendBulk: an invalid number anywhere fails the whole call before anything is sent", async () => {
  const sw = switchableFetch();
  const client = new Client({ ...DEMO, baseUrl: fast.url, fetch: sw.fetch });
  const before = await traffic(fast);
  const to = numbers(300);
  to[213] = "02112345678";
  const err = await rejection(client.sendBulk({ from: LINE, to, message: "x" }));
  assert.equal(err.kind, "input");
  assert.match(err.message, /^to\[213\]/);
  for (const [req, field] of [
    [{ from: LINE, to: numbers(2), message: "x", chunkSize: 0 }, "chunkSize"],
    [{ from: LINE, to: numbers(2), message: "x", concurrency: 65 }, "concurrency"],
    [{ from: LINE, to: numbers(2), message: "" }, "message"],
    [{ from: LINE, to: [], message: "x" }, "to"],
    [{ from: LINE, to: numbers(2), message: "x", time: "tomorrow" }, "time"],
    [{ from: LINE, to: numbers(2), message: "x", onProgress: 1 }, "onProgress"],
  ]) {
    const e = await rejection(client.sendBulk(req));
    assert.equal(e.kind, "input", field);
    assert.ok(e.message.startsWith(field), `${field}: ${e.message}`);
  }
  assert.equal(sw.starts.length, 0, "no request was made");
  assert.deepEqual(await traffic(fast), before, "the sandbox saw no request and no send");
});

test("sendBulk: a Date time goes out as Tehran time in every batch", async () => {
  const client = new Client({ ...DEMO, baseUrl: fast.url });
  const when = new Date(Date.UTC(2099, 0, 31, 15, 0, 0)); // 18:30 in Tehran (UTC+03:30)
  const result = await client.sendBulk({ from: LINE, to: numbers(4, 300), message: "later", chunkSize: 2, time: when });
  assert.equal(result.sent, 4);
  const sends = (await ledger(fast)).filter((s) => result.batches.some((b) => b.bulkId === s.bulkId));
  assert.deepEqual(sends.map((s) => s.time), ["2099-01-31 18:30:00", "2099-01-31 18:30:00"]);
});

test("waitForDelivery: polls until every recipient is final, reporting each poll", async () => {
  const client = new Client({ ...DEMO, baseUrl: fast.url });
  const { bulkId } = await client.send({ from: LINE, to: ["09121234567", "09351234560", "09121234599"], message: "track" });
  const updates = [];
  const entries = await client.waitForDelivery(bulkId, { intervalMs: 50, timeoutMs: 10_000, onUpdate: (e) => updates.push(e) });
  assert.deepEqual(entries.map((e) => e.status), ["delivered", "failed", "discarded"]);
  assert.ok(updates.length >= 2, `onUpdate on every poll: ${updates.length}`);
  assert.deepEqual(updates.at(-1), entries);
});

test("waitForDelivery: resolves with the latest entries when the time runs out", async () => {
  const client = new Client({ ...DEMO, baseUrl: slow.url });
  const { bulkId } = await client.send({ from: LINE, to: ["09121234567"], message: "slow" });
  const started = performance.now();
  const entries = await client.waitForDelivery(bulkId, { intervalMs: 50, timeoutMs: 250 });
  const elapsed = performance.now() - started;
  assert.deepEqual(entries.map((e) => e.status), ["notsync"]);
  assert.ok(elapsed >= 240 && elapsed < 1000, `gave up after ${elapsed.toFixed(0)} ms`);
});

test("waitForDelivery: a poll still in flight when the time runs out is cut short; the latest entries come back", async () => {
  const sw = switchableFetch();
  let polls = 0;
  // The first poll answers; every later one hangs, so only the deadline can end the wait.
  const hangAfterFirst = (input, init) => { sw.fault = ++polls > 1 ? "hang" : null; return sw.fetch(input, init); };
  const { bulkId } = await new Client({ ...DEMO, baseUrl: slow.url }).send({ from: LINE, to: ["09121234567"], message: "slow" });
  const client = new Client({ ...DEMO, baseUrl: slow.url, fetch: hangAfterFirst });
  const started = performance.now();
  const entries = await client.waitForDelivery(bulkId, { intervalMs: 50, timeoutMs: 400 });
  const elapsed = performance.now() - started;
  assert.deepEqual(entries.map((e) => e.status), ["notsync"]);
  assert.ok(polls >= 2, `a second poll was in flight: ${polls}`);
  assert.ok(elapsed >= 390 && elapsed < 1500, `ended at the deadline: ${elapsed.toFixed(0)} ms`);
});

test("waitForDelivery: when no poll answers in time, a timeout error of delivery", async () => {
  const sw = switchableFetch();
  const { bulkId } = await new Client({ ...DEMO, baseUrl: slow.url }).send({ from: LINE, to: ["09121234567"], message: "slow" });
  sw.fault = "hang";
  const client = new Client({ ...DEMO, baseUrl: slow.url, fetch: sw.fetch });
  const started = performance.now();
  const err = await rejection(client.waitForDelivery(bulkId, { intervalMs: 50, timeoutMs: 300 }));
  const elapsed = performance.now() - started;
  assert.equal(err.kind, "timeout");
  assert.equal(err.op, "delivery");
  assert.equal(err.mayHaveSent, false);
  assert.ok(err.message.includes("300 ms"), err.message);
  assert.ok(elapsed >= 290 && elapsed < 1500, `ended at the deadline: ${elapsed.toFixed(0)} ms`);
});

test("waitForDelivery: an abort while waiting rejects at once, as delivery's aborted error", async () => {
  const client = new Client({ ...DEMO, baseUrl: slow.url });
  const { bulkId } = await client.send({ from: LINE, to: ["09121234567"], message: "slow" });
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  const started = performance.now();
  const err = await rejection(client.waitForDelivery(bulkId, { intervalMs: 5_000, signal: controller.signal }));
  assert.equal(err.kind, "aborted");
  assert.equal(err.op, "delivery");
  assert.equal(err.mayHaveSent, false);
  assert.ok(performance.now() - started < 1000);
});

test("waitForDelivery: bad arguments and unknown bulks", async () => {
  const client = new Client({ ...DEMO, baseUrl: fast.url });
  for (const [args, field] of [[["abc"], "bulkId"], [[null], "bulkId"], [["1", { intervalMs: -1 }], "intervalMs"], [["1", { timeoutMs: "x" }], "timeoutMs"], [["1", { onUpdate: "x" }], "onUpdate"], [["1", 5], "options"]]) {
    const err = await rejection(client.waitForDelivery(...args));
    assert.equal(err.kind, "input", field);
    assert.ok(err.message.startsWith(field), `${field}: ${err.message}`);
    assert.equal(err.op, "delivery");
  }
  const unknown = await rejection(client.waitForDelivery("999999999", { intervalMs: 10 }));
  assert.equal(unknown.kind, "api");
  assert.equal(unknown.code, 456);
});

test("both are methods of Client like the others: on the prototype, not enumerable", () => {
  const client = new Client({ ...DEMO, baseUrl: fast.url });
  assert.equal(typeof client.sendBulk, "function");
  assert.equal(typeof client.waitForDelivery, "function");
  assert.ok(!Object.keys(Client.prototype).includes("sendBulk"));
  assert.ok(!Object.keys(client).includes("sendBulk"));
});
