// Carrying on after a restart: local queues live in memory, D1 on disk. A Worker stopped
// mid-campaign loses its queue messages; the next run's sweep enqueues the `queued` batches
// again and marks the claim it left `sending` as `unknown` (that send did reach the service).
// Once through Miniflare with a persisted D1, once through scripts/dev.mjs (wrangler dev).

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as h from "../scripts/local-worker.mjs";

let sandbox;
let built;
let wrangler;
let stateDir;

before(async () => {
  sandbox = await h.startSandbox();
  [built, wrangler] = await Promise.all([h.bundle(), h.wranglerOptions()]);
  stateDir = await mkdtemp(join(tmpdir(), "ippanel-bulk-queue-state-"));
});

after(async () => {
  await sandbox?.close();
  await h.cleanup(built);
  if (stateDir) await rm(stateDir, { recursive: true, force: true });
});

const sleep = (ms) => new Promise((res) => setTimeout(res, ms));

/** Every recipient of numbers(count) in the ledger exactly once. */
async function assertLedgerExactlyOnce(count) {
  const { counts } = await h.ledgerCounts(sandbox.url);
  assert.equal(counts.size, count);
  for (let i = 0; i < count; i++) assert.equal(counts.get(h.canonical(i)), 1, h.canonical(i));
}

test("Miniflare with a persisted D1: a stopped run's campaign is finished by the next run's sweep", async () => {
  await h.resetSandbox(sandbox.url);
  const persist = join(stateDir, "miniflare");
  // Batch 0 is slow and the consumer takes 5 messages at a time: when the first Worker stops,
  // batch 0 is `sending`, 1-4 are `sent` and 5-29 are `queued`.
  const first = await h.startWorker({ built, wrangler, sandboxUrl: sandbox.url, persist, vars: { TEST_FAULTS: "0:delay-1000" }, consumer: { maxBatchSize: 5 } });
  const r = await h.createCampaign(first, { from: "3000505", message: "hi", to: h.numbers(300), batchSize: 10 });
  assert.equal(r.status, 202, r.text);
  const id = r.body.campaignId;
  await h.waitFor(first, id, { until: (s) => s.batches.sent === 4 });
  await first.dispose();
  await h.waitForLedger(sandbox.url, (ledger) => ledger.length === 5); // the slow send still lands

  const second = await h.startWorker({ built, wrangler, sandboxUrl: sandbox.url, persist });
  try {
    await sleep(300);
    const stalled = (await h.api(second, `/api/campaigns/${id}`)).body;
    assert.deepEqual([stalled.batches.sending, stalled.batches.queued, stalled.batches.sent], [1, 25, 4], "the queue messages died with the first run");
    const sweep = await h.api(second, "/api/sweep", { method: "POST", body: { requeueAfterSeconds: 0, sendingAfterSeconds: 0 } });
    assert.deepEqual(sweep.body, { requeued: 25, interrupted: 1 });
    const done = await h.waitFor(second, id);
    assert.deepEqual([done.batches.sent, done.batches.unknown], [29, 1]);
    const [b0] = await h.allBatches(second, id, "unknown");
    assert.equal(b0.seq, 0);
    assert.equal(b0.error.kind, "interrupted");
    await assertLedgerExactlyOnce(300);
  } finally {
    await second.dispose();
  }
});

test("the cron trigger's sweep uses wrangler.toml's thresholds: only stale rows are touched", async () => {
  await h.resetSandbox(sandbox.url);
  const mf = await h.startWorker({ built, wrangler, sandboxUrl: sandbox.url });
  try {
    // As a Worker that died between storing a campaign and enqueueing it would leave things:
    // rows in D1 and no queue messages. Batch 0 was stored long ago, batch 1 just now; batch 2
    // was claimed long ago, batch 3 a moment ago.
    const db = await mf.getD1Database("DB");
    const id = "11111111-2222-4333-8444-555555555555";
    const now = Date.now();
    const old = now - 2 * 3600_000;
    const row = (seq, state, at, claimedAt = null) =>
      db.prepare(`INSERT INTO batches (campaign_id, seq, state, recipients, size, enqueued_at, claimed_at, claim, updated_at)
                  VALUES (?, ?, ?, ?, 2, ?, ?, ?, ?)`)
        .bind(id, seq, state, JSON.stringify([h.canonical(seq * 2), h.canonical(seq * 2 + 1)]), at, claimedAt, claimedAt ? "lost" : null, at);
    await db.batch([
      db.prepare(`INSERT INTO campaigns (id, created_at, sender, message, parts, recipients, duplicates, batch_size, batches)
                  VALUES (?, ?, '3000505', 'hi', 1, 8, 0, 2, 4)`).bind(id, old),
      row(0, "queued", old), row(1, "queued", now), row(2, "sending", old, old), row(3, "sending", now, now),
    ]);
    const worker = await mf.getWorker();
    await worker.scheduled({ cron: wrangler.cronTriggers[0] });
    const status = await h.waitFor(mf, id, { until: (s) => s.batches.sent === 1 });
    assert.deepEqual([status.batches.sent, status.batches.queued, status.batches.unknown, status.batches.sending], [1, 1, 1, 1]);
    const [sent] = await h.allBatches(mf, id, "sent");
    assert.equal(sent.seq, 0, "only the batch enqueued over REQUEUE_AFTER_SECONDS ago was enqueued again");
    const [unknown] = await h.allBatches(mf, id, "unknown");
    assert.equal(unknown.seq, 2, "only the claim older than CLAIM_TIMEOUT_SECONDS became unknown");
    const { ledger } = await h.ledgerCounts(sandbox.url);
    assert.deepEqual(ledger.flatMap((e) => e.recipients), [h.canonical(0), h.canonical(1)]);
  } finally {
    await mf.dispose();
  }
});

async function freePort() {
  const server = createServer();
  await new Promise((res) => server.listen(0, "127.0.0.1", res));
  const { port } = server.address();
  await new Promise((res) => server.close(res));
  return port;
}

/** Starts scripts/dev.mjs; resolves once it prints the API line, with its output so far. */
function startDev(port, extraArgs) {
  const child = spawn(process.execPath, [join(h.EXAMPLE, "scripts/dev.mjs"), ...extraArgs], {
    cwd: h.EXAMPLE,
    env: { ...process.env, PORT: String(port), SANDBOX_URL: sandbox.url, STATE_DIR: join(stateDir, "wrangler") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dev.mjs did not come up:\n${out}`)), 90_000);
    const onData = (d) => {
      out += d;
      if (out.includes("[dev] Worker: ")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => reject(new Error(`dev.mjs exited (${code}):\n${out}`)));
  });
  const exited = new Promise((res) => child.on("exit", res));
  return { child, ready, exited, output: () => out };
}

test("scripts/dev.mjs: stopped mid-campaign and started again, it carries on; each recipient texted once", async () => {
  await h.resetSandbox(sandbox.url);
  const port = await freePort();
  const token = "dev-test-token-3f9a1c77e2";
  const common = ["--var", `CAMPAIGN_TOKEN:${token}`, "--var", "IPPANEL_USERNAME:demo", "--var", `IPPANEL_PASSWORD:${h.PASSWORD}`];
  const call = (path, init = {}) =>
    fetch(`http://127.0.0.1:${port}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" } })
      .then(async (res) => ({ status: res.status, body: await res.json() }));

  // First run: batch 0 takes 3 s, so the first consumer invocation (20 messages, as in
  // wrangler.toml) is still running when the run is stopped; batches 20-59 are still queued.
  const run1 = startDev(port, [...common, "--var", "TEST_FAULTS:0:delay-3000"]);
  let id;
  try {
    await run1.ready;
    const r = await call("/api/campaigns", { method: "POST", body: JSON.stringify({ from: "3000505", message: "hi", to: h.numbers(6000) }) });
    assert.equal(r.status, 202, JSON.stringify(r.body));
    id = r.body.campaignId;
    for (const start = Date.now(); (await call(`/api/campaigns/${id}`)).body.batches.sent < 19; await sleep(50)) {
      assert.ok(Date.now() - start < 30_000, "the first run never sent batches 1-19");
    }
  } finally {
    run1.child.kill("SIGINT");
    await run1.exited;
  }
  // The slow send lands at the service after its Worker is gone.
  await h.waitForLedger(sandbox.url, (ledger) => ledger.length === 20);

  const run2 = startDev(port, common);
  try {
    await run2.ready;
    assert.match(run2.output(), /resumed from local state: 40 batch\(es\) enqueued again, 1 interrupted send\(s\) marked unknown/);
    let status;
    for (const start = Date.now(); !(status = (await call(`/api/campaigns/${id}`)).body).done; await sleep(100)) {
      assert.ok(Date.now() - start < 30_000, JSON.stringify(status));
    }
    assert.deepEqual([status.batches.sent, status.batches.unknown, status.recipientsByState.unknown], [59, 1, 100]);
    await assertLedgerExactlyOnce(6000);
    assert.ok(!run2.output().includes(token) && !run1.output().includes(token), "dev.mjs and wrangler never print the token");
  } finally {
    run2.child.kill("SIGINT");
    await run2.exited;
  }
});
