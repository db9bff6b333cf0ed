// The consumer's at-most-once rule, in local workerd (Miniflare 4: real Queues and D1) against
// the sandbox, whose ledger is the truth about what was texted: a 100,000-recipient campaign
// exactly once; crashes after the send; faults after dispatch -> `unknown`, never resent;
// failures before dispatch -> retried with backoff and sent once, or dead-lettered -> `failed`.

import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import * as h from "../scripts/local-worker.mjs";

let sandbox;
let built;
let wrangler;
const logs = [];
let current = null;

/** A Worker with these test settings (one at a time: each test starts its own). */
async function worker(options = {}) {
  await current?.dispose();
  current = await h.startWorker({ built, wrangler, sandboxUrl: sandbox.url, logs, ...options });
  return current;
}

/** Recipients of the sandbox's ledger must be texted at most once; returns recipient -> count. */
async function ledgerOnce() {
  const { ledger, counts } = await h.ledgerCounts(sandbox.url);
  const twice = [...counts].filter(([, n]) => n > 1);
  assert.deepEqual(twice, [], "a recipient was texted more than once");
  return { ledger, counts };
}

const sendRequests = async (fault) =>
  (await h.sandboxAdmin(sandbox.url, "/__sandbox/requests")).filter((l) => / op=send /.test(l) && (!fault || l.endsWith(` fault=${fault}`))).length;

before(async () => {
  sandbox = await h.startSandbox();
  [built, wrangler] = await Promise.all([h.bundle(), h.wranglerOptions()]);
});

after(async () => {
  await current?.dispose();
  await sandbox?.close();
  await h.cleanup(built);
});

beforeEach(() => h.resetSandbox(sandbox.url));

test("100,000 recipients: every one in the sandbox's ledger exactly once, and the counts agree", async () => {
  const mf = await worker(); // wrangler.toml's queue and consumer settings
  const to = h.numbers(100_000);
  // 2,000 repeats in other spellings: dropped and counted.
  for (let i = 0; i < 2000; i++) to.push(h.canonical(i * 50).replace("+98", "0"));
  const started = Date.now();
  const r = await h.createCampaign(mf, { from: "3000505", message: "Spring sale: 20% off", to });
  assert.equal(r.status, 202, r.text);
  assert.equal(r.body.recipients, 100_000);
  assert.equal(r.body.duplicates, 2000);
  assert.equal(r.body.batches, 1000);
  const status = await h.waitFor(mf, r.body.campaignId, { timeoutMs: 60_000 });
  const ms = Date.now() - started;
  assert.deepEqual(status.batches, { total: 1000, queued: 0, sending: 0, sent: 1000, failed: 0, unknown: 0, cancelled: 0 });
  assert.equal(status.recipientsByState.sent, 100_000);

  const { ledger, counts } = await ledgerOnce();
  assert.equal(counts.size, 100_000);
  for (let i = 0; i < 100_000; i++) assert.equal(counts.get(h.canonical(i)), 1, h.canonical(i));
  assert.equal(ledger.length, 1000, "one send per batch");
  assert.equal(await sendRequests(), 1000, "no batch was sent twice, nor retried");
  assert.equal(ledger.reduce((s, e) => s + e.cost, 0), 100_000 * 150);
  const batches = await h.allBatches(mf, r.body.campaignId, "sent");
  assert.deepEqual(new Set(batches.map((b) => b.bulkId)), new Set(ledger.map((e) => e.bulkId)));
  assert.ok(batches.every((b) => b.deliveries === 1));
  console.log(`# 100,000 recipients through Queues + D1 in ${ms} ms`);
});

test("a consumer that crashes after the send: those batches `unknown`, never in the ledger twice", async () => {
  const crashes = [2, 7, 13];
  const mf = await worker({ vars: { TEST_CRASH_AFTER_SEND: crashes.join(",") } });
  const r = await h.createCampaign(mf, { from: "3000505", message: "hi", to: h.numbers(2000), batchSize: 100 });
  assert.equal(r.status, 202, r.text);
  const status = await h.waitFor(mf, r.body.campaignId);
  assert.equal(status.batches.unknown, crashes.length, JSON.stringify(status.batches));
  assert.equal(status.batches.sent, 20 - crashes.length);

  const unknown = await h.allBatches(mf, r.body.campaignId, "unknown");
  assert.deepEqual(unknown.map((b) => b.seq), crashes);
  for (const b of unknown) {
    assert.equal(b.error.kind, "interrupted");
    assert.equal(b.deliveries, 1, "claimed once: the redelivery did not send");
    assert.equal(b.bulkId, null);
  }
  const { counts, ledger } = await ledgerOnce();
  // The crash came after the service accepted the send: those recipients were texted, once.
  for (const b of unknown) for (const n of b.recipients) assert.equal(counts.get(n), 1, n);
  assert.equal(counts.size, 2000);
  assert.equal(ledger.length, 20);
  assert.equal(await sendRequests(), 20);
});

test("sandbox faults after dispatch (http502, hang, reset, a late answer): `unknown`, never retried", async () => {
  // delay-2500 outlasts the 1,500 ms timeout, but the sandbox still sends: the case that makes
  // resending unsafe.
  const faults = { 3: "http502", 5: "hang", 8: "reset", 11: "delay-2500" };
  const mf = await worker({ vars: { TEST_FAULTS: Object.entries(faults).map(([s, f]) => `${s}:${f}`).join(",") } });
  const r = await h.createCampaign(mf, { from: "3000505", message: "hi", to: h.numbers(1500), batchSize: 100 });
  assert.equal(r.status, 202, r.text);
  const status = await h.waitFor(mf, r.body.campaignId);
  assert.equal(status.batches.unknown, 4, JSON.stringify(status.batches));
  assert.equal(status.batches.sent, 11);

  const unknown = await h.allBatches(mf, r.body.campaignId, "unknown");
  assert.deepEqual(unknown.map((b) => b.seq), [3, 5, 8, 11]);
  assert.deepEqual(unknown.map((b) => b.error.kind), ["http", "timeout", "network", "timeout"]);
  assert.ok(unknown.every((b) => b.deliveries === 1));
  // The late answer's send lands in the ledger about a second after the batch became unknown.
  const late = unknown.find((b) => b.seq === 11).recipients[0];
  await h.waitForLedger(sandbox.url, (ledger) => ledger.some((e) => e.recipients.includes(late)));
  // The sandbox logs a request once its answer is written; the hung, reset and late ones never
  // are (their client is gone), so `deliveries === 1` above shows each was claimed only once.
  assert.equal(await sendRequests("http502"), 1, "http502: one attempt only");
  const { counts } = await ledgerOnce();
  const [b3, b5, b8, b11] = unknown;
  for (const b of [b3, b5, b8]) assert.ok(b.recipients.every((n) => !counts.has(n)), `batch ${b.seq} never reached the service`);
  assert.ok(b11.recipients.every((n) => counts.get(n) === 1), "the late batch was sent by the service, once");
  assert.equal(counts.size, 1200);
});

test("a failure before dispatch is retried with the queue's backoff and sent once", async () => {
  // Batch 4's fetch fails before the request leaves on its first two deliveries.
  const mf = await worker({ vars: { TEST_FAULTS: "4:before-dispatch*2", RETRY_DELAY_SECONDS: "1" } });
  const started = Date.now();
  const r = await h.createCampaign(mf, { from: "3000505", message: "hi", to: h.numbers(800), batchSize: 100 });
  assert.equal(r.status, 202, r.text);
  const status = await h.waitFor(mf, r.body.campaignId);
  assert.deepEqual(status.batches, { total: 8, queued: 0, sending: 0, sent: 8, failed: 0, unknown: 0, cancelled: 0 });

  const [b4] = (await h.allBatches(mf, r.body.campaignId)).filter((b) => b.seq === 4);
  assert.equal(b4.deliveries, 3, "claimed, given back twice, sent on the third delivery");
  assert.equal(b4.error, null);
  const { counts, ledger } = await ledgerOnce();
  assert.equal(counts.size, 800);
  assert.equal(ledger.length, 8);
  const sentAt = Date.parse(ledger.find((e) => e.bulkId === b4.bulkId).at);
  // Backoff 1 s then 2 s (RETRY_DELAY_SECONDS doubling per delivery).
  assert.ok(sentAt - started >= 3000, `batch 4 sent ${sentAt - started} ms after the campaign, expected >= 3000`);
});

test("past the retry limit the message goes to the dead-letter queue and its batch is `failed`", async () => {
  const mf = await worker({ vars: { TEST_FAULTS: "1:before-dispatch" } });
  const r = await h.createCampaign(mf, { from: "3000505", message: "hi", to: h.numbers(300), batchSize: 100 });
  assert.equal(r.status, 202, r.text);
  const status = await h.waitFor(mf, r.body.campaignId);
  assert.equal(status.batches.failed, 1, JSON.stringify(status.batches));
  assert.equal(status.batches.sent, 2);
  const [failed] = await h.allBatches(mf, r.body.campaignId, "failed");
  const maxRetries = Object.values(wrangler.queueConsumers).find((c) => c.deadLetterQueue).maxRetries;
  assert.equal(failed.deliveries, maxRetries + 1, "every delivery the queue allowed");
  assert.equal(failed.error.kind, "network");
  assert.match(failed.error.message, new RegExp(`^gave up after ${maxRetries + 1} deliveries; last error: `));
  const { counts } = await ledgerOnce();
  assert.equal(counts.size, 200);
  assert.ok(failed.recipients.every((n) => !counts.has(n)));
});

test("an error the service answers (a line that is not yours) is `failed` with its code, not retried", async () => {
  const mf = await worker();
  const r = await h.createCampaign(mf, { from: "9999999", message: "hi", to: h.numbers(250), batchSize: 100 });
  assert.equal(r.status, 202, r.text);
  const status = await h.waitFor(mf, r.body.campaignId);
  assert.equal(status.batches.failed, 3);
  const failed = await h.allBatches(mf, r.body.campaignId, "failed");
  assert.ok(failed.every((b) => b.error.kind === "api" && b.error.code === "3" && b.deliveries === 1), JSON.stringify(failed[0]));
  assert.equal(await sendRequests(), 3);
  assert.equal((await h.ledgerCounts(sandbox.url)).ledger.length, 0);
});

test("duplicate messages (a sweep, a redelivery) for finished batches are acknowledged without sending", async () => {
  const mf = await worker();
  const r = await h.createCampaign(mf, { from: "3000505", message: "hi", to: h.numbers(500), batchSize: 100 });
  const id = r.body.campaignId;
  await h.waitFor(mf, id);
  const queue = await mf.getQueueProducer("CAMPAIGN_QUEUE");
  await queue.sendBatch(Array.from({ length: 5 }, (_, s) => ({ body: { c: id, s }, contentType: "json" })));
  await queue.send({ c: id, s: 0 }, { contentType: "json" });
  await queue.send({ nonsense: true }, { contentType: "json" });
  const sweep = await h.api(mf, "/api/sweep", { method: "POST", body: { requeueAfterSeconds: 0, sendingAfterSeconds: 0 } });
  assert.deepEqual(sweep.body, { requeued: 0, interrupted: 0 }, "nothing queued or sending to recover");
  await new Promise((res) => setTimeout(res, 500));
  const { ledger } = await ledgerOnce();
  assert.equal(ledger.length, 5);
  assert.equal(await sendRequests(), 5);
  const batches = await h.allBatches(mf, id);
  assert.ok(batches.every((b) => b.state === "sent" && b.deliveries === 1));
});

test("no password or token in any Worker log line", () => {
  const all = logs.join("");
  assert.ok(!all.includes(h.PASSWORD), "the password leaked into the Worker log");
  assert.ok(!all.includes(h.TOKEN), "the token leaked into the Worker log");
});
