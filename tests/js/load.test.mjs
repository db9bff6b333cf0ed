// 2,000 sends at once through one Client: every call resolves, every bulk id is distinct, and the
// sandbox's ledger holds exactly those sends, each with the recipient and text the caller gave.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSandbox } from "../../sandbox/server.mjs";
import { Client } from "../../pkg/node.mjs";
import { DEMO, LINE, closeChecked } from "./ops.mjs";

const CALLS = 2000;
let sandbox;
before(async () => { sandbox = await startSandbox({ port: 0, quiet: true }); });
after(() => closeChecked(sandbox));

test(`${CALLS} concurrent sends are all accounted for`, async () => {
  const client = new Client({ ...DEMO, baseUrl: sandbox.url, timeoutMs: 60_000 });
  // Distinct recipients and texts, so each ledger entry can be matched to its call.
  const requests = Array.from({ length: CALLS }, (_, i) => ({
    from: LINE,
    to: [`0912${String(1000000 + i).slice(1).padStart(7, "0")}`],
    message: `load ${i}`,
  }));
  const settled = await Promise.allSettled(requests.map((req) => client.send(req)));
  const failures = settled.filter((s) => s.status === "rejected").map((s) => `${s.reason.kind}: ${s.reason.message}`);
  assert.deepEqual(failures, [], "every send resolves");
  const bulkIds = settled.map((s) => s.value.bulkId);
  assert.equal(new Set(bulkIds).size, CALLS, "every bulk id is distinct");

  const ledger = await (await fetch(`${sandbox.url}/__sandbox/ledger?uname=demo`)).json();
  assert.equal(ledger.length, CALLS, "the ledger holds exactly the client's sends");
  const byId = new Map(ledger.map((entry) => [entry.bulkId, entry]));
  for (const [i, bulkId] of bulkIds.entries()) {
    const entry = byId.get(bulkId);
    assert.ok(entry, `bulk ${bulkId} is in the ledger`);
    assert.equal(entry.message, requests[i].message, `bulk ${bulkId}: text`);
    assert.deepEqual(entry.recipients, [`+98${requests[i].to[0].slice(1)}`], `bulk ${bulkId}: recipient`);
  }
  const state = await (await fetch(`${sandbox.url}/__sandbox/state?uname=demo`)).json();
  assert.equal(state.credit, 1_000_000 - CALLS * 150, "each one-part send was charged once");
});
