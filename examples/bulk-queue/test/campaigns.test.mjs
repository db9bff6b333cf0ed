// The campaign API in local workerd (Miniflare 4: real Queues and D1) against the sandbox:
// the bearer token, every refusal (nothing stored, nothing enqueued, nothing sent), duplicates,
// status and batch listing, cancel.
//
//   node --test examples/bulk-queue/test/     (needs pkg/: `make pkg`)

import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import * as h from "../scripts/local-worker.mjs";

let sandbox;
let built;
let wrangler;
const workers = [];
const logs = [];

async function worker(options = {}) {
  const mf = await h.startWorker({ built, wrangler, sandboxUrl: sandbox.url, logs, ...options });
  workers.push(mf);
  return mf;
}

async function tableCounts(mf) {
  const db = await mf.getD1Database("DB");
  const c = await db.prepare("SELECT (SELECT COUNT(*) FROM campaigns) AS campaigns, (SELECT COUNT(*) FROM batches) AS batches").first();
  return { campaigns: c.campaigns, batches: c.batches };
}

/** Gives a wrongly enqueued message time to be consumed, then checks that nothing was sent. */
async function assertNothingSent() {
  await new Promise((r) => setTimeout(r, 300));
  const { ledger } = await h.ledgerCounts(sandbox.url);
  assert.equal(ledger.length, 0, "nothing reached the service");
  const requests = await h.sandboxAdmin(sandbox.url, "/__sandbox/requests");
  assert.equal(requests.filter((l) => / op=send /.test(l)).length, 0, "no send request was made");
}

before(async () => {
  sandbox = await h.startSandbox();
  [built, wrangler] = await Promise.all([h.bundle(), h.wranglerOptions()]);
});

after(async () => {
  for (const mf of workers) await mf.dispose().catch(() => {});
  await sandbox?.close();
  await h.cleanup(built);
});

describe("campaign API", () => {
  let mf;
  before(async () => {
    mf = await worker();
  });
  beforeEach(() => h.resetSandbox(sandbox.url, 1_000_000));

  test("the bearer token is required on every /api/ route, compared exactly", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    const routes = [["POST", "/api/campaigns"], ["GET", `/api/campaigns/${id}`], ["GET", `/api/campaigns/${id}/batches`],
      ["POST", `/api/campaigns/${id}/cancel`], ["POST", "/api/sweep"]];
    for (const [method, path] of routes) {
      for (const token of [null, "", h.TOKEN + "x", h.TOKEN.slice(0, -1), h.TOKEN.toUpperCase()]) {
        const r = await h.api(mf, path, { method, token, body: method === "POST" ? {} : undefined });
        assert.equal(r.status, 401, `${method} ${path} with ${token === null ? "no" : "a wrong"} token: ${r.text}`);
        assert.equal(r.body.error.kind, "auth");
        assert.match(r.headers.get("WWW-Authenticate") ?? "", /^Bearer/);
      }
    }
    const basic = await h.api(mf, "/api/sweep", { method: "POST", token: null, headers: { Authorization: `Basic ${btoa("x:" + h.TOKEN)}` } });
    assert.equal(basic.status, 401);
    assert.equal((await h.api(mf, "/api/sweep", { method: "POST" })).status, 200, "the right token passes");
    await assertNothingSent();
  });

  test("duplicates (after normalization) are dropped and counted; the response says what was enqueued", async () => {
    const to = ["09121234567", "+989121234567", "۰۹۱۲۱۲۳۴۵۶۷", "9121234567", "0912-123-4568", "00989121234568", "09351234567"];
    const r = await h.createCampaign(mf, { from: "3000505", message: "سلام", to, batchSize: 2 });
    assert.equal(r.status, 202, r.text);
    assert.equal(typeof r.body.campaignId, "string");
    assert.deepEqual({ ...r.body, campaignId: undefined },
      { campaignId: undefined, recipients: 3, duplicates: 4, batches: 2, parts: 1, cost: 450, enqueued: 2 });
    const status = await h.waitFor(mf, r.body.campaignId);
    assert.equal(status.recipients, 3);
    assert.equal(status.duplicates, 4);
    assert.equal(status.batches.sent, 2);
    assert.equal(status.recipientsByState.sent, 3);
    const { counts } = await h.ledgerCounts(sandbox.url);
    assert.deepEqual([...counts.keys()].sort(), ["+989121234567", "+989121234568", "+989351234567"]);
    assert.ok([...counts.values()].every((n) => n === 1));
  });

  test("a scheduled `time` reaches the service as Tehran time, given as such or as an ISO instant", async () => {
    for (const [time, tehran] of [["2099-01-01 10:00:00", "2099-01-01 10:00:00"], ["2099-03-01T06:30:00Z", "2099-03-01 10:00:00"]]) {
      await h.resetSandbox(sandbox.url);
      const r = await h.createCampaign(mf, { from: "3000505", message: "later", to: ["09121234567"], time });
      assert.equal(r.status, 202, r.text);
      const status = await h.waitFor(mf, r.body.campaignId);
      assert.equal(status.batches.sent, 1, JSON.stringify(status));
      const { ledger } = await h.ledgerCounts(sandbox.url);
      assert.equal(ledger[0].time, tehran);
    }
  });

  test("one bad number refuses the whole campaign with its index; nothing stored or sent", async () => {
    const before = await tableCounts(mf);
    const to = h.numbers(500);
    for (const [index, bad] of [[0, "12345"], [137, "0912123456"], [499, "not a number"], [250, 9121234567], [3, null]]) {
      const list = to.slice();
      list[index] = bad;
      const r = await h.createCampaign(mf, { from: "3000505", message: "hi", to: list });
      assert.equal(r.status, 400, r.text);
      assert.equal(r.body.error.kind, "input");
      assert.equal(r.body.error.code, "to");
      assert.equal(r.body.error.index, index, r.text);
      assert.match(r.body.error.message, new RegExp(`to\\[${index}\\]`));
      assert.ok(r.body.error.messageFa.length > 0);
    }
    assert.deepEqual(await tableCounts(mf), before, "no campaign or batch row was written");
    await assertNothingSent();
  });

  test("other bad requests are refused before anything is stored", async () => {
    const before = await tableCounts(mf);
    const ok = { from: "3000505", message: "hi", to: ["09121234567"] };
    const cases = [
      [{ ...ok, from: "" }, "from"], [{ ...ok, from: 3000505 }, "from"], [{ ...ok, message: "  " }, "message"],
      [{ ...ok, to: [] }, "to"], [{ ...ok, to: "09121234567" }, "to"], [{ ...ok, batchSize: 0 }, "batchSize"],
      [{ ...ok, batchSize: 1001 }, "batchSize"], [{ ...ok, batchSize: 2.5 }, "batchSize"],
      [{ ...ok, time: "tomorrow" }, "time"], [{ ...ok, time: "2030-01-01T10:00:00" }, "time"], [[ok], "body"],
    ];
    for (const [body, field] of cases) {
      const r = await h.createCampaign(mf, body);
      assert.equal(r.status, 400, `${JSON.stringify(body)}: ${r.text}`);
      assert.equal(r.body.error.code, field, r.text);
    }
    const notJson = await h.api(mf, "/api/campaigns", { method: "POST", body: "{", headers: { "Content-Type": "application/json" } });
    assert.equal(notJson.status, 400);
    const plain = await h.api(mf, "/api/campaigns", { method: "POST", body: JSON.stringify(ok), headers: { "Content-Type": "text/plain" } });
    assert.equal(plain.status, 415);
    assert.deepEqual(await tableCounts(mf), before);
    await assertNothingSent();
  });

  test("credit is checked against smsParts x recipients (plus what is still queued); a shortfall enqueues nothing", async () => {
    const before = await tableCounts(mf);
    // 71 Persian characters: 2 UCS-2 parts. 1000 recipients x 2 parts x 150 rials = 300,000.
    const message = "س".repeat(71);
    await h.sandboxAdmin(sandbox.url, "/__sandbox/credit?uname=demo&amount=299999", "POST");
    const low = await h.createCampaign(mf, { from: "3000505", message, to: h.numbers(1000) });
    assert.equal(low.status, 402, low.text);
    assert.equal(low.body.error.kind, "credit");
    assert.equal(low.body.error.cost, 300_000);
    assert.equal(low.body.error.credit, 299_999);
    assert.deepEqual(await tableCounts(mf), before);
    await assertNothingSent();

    await h.sandboxAdmin(sandbox.url, "/__sandbox/credit?uname=demo&amount=300000", "POST");
    const exact = await h.createCampaign(mf, { from: "3000505", message, to: h.numbers(1000) });
    assert.equal(exact.status, 202, exact.text);
    assert.equal(exact.body.parts, 2);
    assert.equal(exact.body.cost, 300_000);
    await h.waitFor(mf, exact.body.campaignId);
    const state = await h.sandboxAdmin(sandbox.url, "/__sandbox/state?uname=demo");
    assert.equal(state.credit, 0, "the sandbox charged exactly the computed cost");
  });

  test("credit already committed to queued batches counts against a new campaign", async () => {
    // Hold the first campaign's batches in `queued`: batch 0 is slow, so the rest wait in the queue.
    const slow = await worker({ vars: { TEST_FAULTS: "0:delay-1000" }, consumer: { maxBatchSize: 1 } });
    await h.sandboxAdmin(sandbox.url, "/__sandbox/credit?uname=demo&amount=20000", "POST");
    const first = await h.createCampaign(slow, { from: "3000505", message: "hi", to: h.numbers(100), batchSize: 10 });
    assert.equal(first.status, 202, first.text); // 15,000 of 20,000
    const second = await h.createCampaign(slow, { from: "3000505", message: "hi", to: h.numbers(40, 500) });
    assert.equal(second.status, 402, second.text); // 6,000 more would need 21,000 with the queued batches
    assert.ok(second.body.error.outstanding > 0);
    await h.waitFor(slow, first.body.campaignId);
    await slow.dispose();
    workers.splice(workers.indexOf(slow), 1);
  });

  test("status and batches-by-state: counts agree, pages cover every batch, unknown states refused", async () => {
    const r = await h.createCampaign(mf, { from: "3000505", message: "hi", to: h.numbers(2345), batchSize: 100 });
    assert.equal(r.status, 202, r.text);
    const id = r.body.campaignId;
    const status = await h.waitFor(mf, id);
    assert.equal(status.done, true);
    assert.deepEqual(status.batches, { total: 24, queued: 0, sending: 0, sent: 24, failed: 0, unknown: 0, cancelled: 0 });
    assert.equal(status.recipientsByState.sent, 2345);

    const page = await h.api(mf, `/api/campaigns/${id}/batches?state=sent&limit=10`);
    assert.equal(page.body.batches.length, 10);
    assert.equal(page.body.next, 9);
    const all = await h.allBatches(mf, id, "sent");
    assert.deepEqual(all.map((b) => b.seq), Array.from({ length: 24 }, (_, i) => i));
    assert.equal(all.at(-1).recipients.length, 45);
    assert.deepEqual(all.flatMap((b) => b.recipients), Array.from({ length: 2345 }, (_, i) => h.canonical(i)));
    const { ledger } = await h.ledgerCounts(sandbox.url);
    assert.deepEqual(new Set(all.map((b) => b.bulkId)), new Set(ledger.map((e) => e.bulkId)), "each batch carries its bulk id");
    assert.equal((await h.allBatches(mf, id, "unknown")).length, 0);

    assert.equal((await h.api(mf, `/api/campaigns/${id}/batches?state=lost`)).status, 400);
    assert.equal((await h.api(mf, "/api/campaigns/00000000-0000-4000-8000-000000000000")).status, 404);
    assert.equal((await h.api(mf, `/api/campaigns/${id}`, { method: "DELETE" })).status, 405);
    assert.equal((await h.api(mf, "/api/nothing")).status, 404);
  });

  test("cancel stops the batches not yet claimed; the ledger has exactly the sent ones", async () => {
    // maxBatchSize 2 and a slow batch 0: batches 2.. wait in the queue while cancel runs.
    const slow = await worker({ vars: { TEST_FAULTS: "0:delay-800" }, consumer: { maxBatchSize: 2 } });
    const r = await h.createCampaign(slow, { from: "3000505", message: "hi", to: h.numbers(500), batchSize: 10 });
    assert.equal(r.status, 202, r.text);
    const id = r.body.campaignId;
    await h.waitFor(slow, id, { until: (s) => s.batches.sending > 0 }); // batch 0 is held for 800 ms
    const c = await h.api(slow, `/api/campaigns/${id}/cancel`, { method: "POST" });
    assert.equal(c.status, 200, c.text);
    assert.ok(c.body.cancelled >= 40 && c.body.cancelled <= 48, `cancelled ${c.body.cancelled} of 50`);
    const status = await h.waitFor(slow, id);
    assert.equal(status.cancelled, true);
    assert.equal(status.batches.cancelled, c.body.cancelled);
    assert.equal(status.batches.sent + status.batches.cancelled, 50);

    const sent = new Set((await h.allBatches(slow, id, "sent")).flatMap((b) => b.recipients));
    const cancelled = (await h.allBatches(slow, id, "cancelled")).flatMap((b) => b.recipients);
    const { counts } = await h.ledgerCounts(sandbox.url);
    assert.deepEqual(new Set(counts.keys()), sent, "the ledger holds exactly the sent batches' recipients");
    assert.ok([...counts.values()].every((n) => n === 1));
    assert.ok(cancelled.every((n) => !counts.has(n)), "no cancelled recipient was texted");
    const again = await h.api(slow, `/api/campaigns/${id}/cancel`, { method: "POST" });
    assert.equal(again.body.cancelled, 0, "a second cancel finds nothing left to stop");
    await slow.dispose();
    workers.splice(workers.indexOf(slow), 1);
  });

  test("without CAMPAIGN_TOKEN configured every /api/ call is refused (500 config)", async () => {
    const bare = await worker({ vars: { CAMPAIGN_TOKEN: "" } });
    const r = await h.createCampaign(bare, { from: "3000505", message: "hi", to: ["09121234567"] });
    assert.equal(r.status, 500);
    assert.equal(r.body.error.kind, "config");
    const noToken = await h.api(bare, "/api/sweep", { method: "POST", token: "" });
    assert.equal(noToken.status, 500);
    await assertNothingSent();
  });

  // Last in this file: its consumer is still sending when the Worker is disposed.
  test("1,000,000 recipients are accepted, stored as 10,000 batches and enqueued; 1,000,001 are refused", async () => {
    await h.sandboxAdmin(sandbox.url, "/__sandbox/credit?uname=demo&amount=1000000000", "POST");
    const big = await worker();
    const to = h.numbers(1_000_000);
    const r = await h.createCampaign(big, { from: "3000505", message: "hi", to });
    assert.equal(r.status, 202, r.text);
    assert.deepEqual([r.body.recipients, r.body.duplicates, r.body.batches, r.body.enqueued], [1_000_000, 0, 10_000, 10_000]);
    const db = await big.getD1Database("DB");
    const rows = await db.prepare("SELECT COUNT(*) AS n, SUM(size) AS recipients FROM batches WHERE campaign_id = ?").bind(r.body.campaignId).first();
    assert.deepEqual([rows.n, rows.recipients], [10_000, 1_000_000]);
    await h.api(big, `/api/campaigns/${r.body.campaignId}/cancel`, { method: "POST" });
    to.push("09120000000"); // even a repeat: the limit is on what the request lists
    const tooMany = await h.createCampaign(big, { from: "3000505", message: "hi", to });
    assert.equal(tooMany.status, 400);
    assert.equal(tooMany.body.error.code, "to");
    await big.dispose();
    workers.splice(workers.indexOf(big), 1);
  });

  test("no password or token in any Worker log line", async () => {
    const all = logs.join("");
    assert.ok(!all.includes(h.PASSWORD), "the password leaked into the Worker log");
    assert.ok(!all.includes(h.TOKEN), "the token leaked into the Worker log");
  });
});
