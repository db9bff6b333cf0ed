// Recipients per second for one 100,000-recipient campaign: through this Worker (Queues + D1 in
// local workerd, wrangler.toml's consumer settings) beside Client.sendBulk in one Node process,
// both against the same sandbox in the same run. Not a test: it prints the figures (and says so
// if a recipient was not texted exactly once).
//
//   node examples/bulk-queue/bench.mjs        (needs pkg/: `make pkg`)

import os from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import * as w from "./scripts/local-worker.mjs";

const N = 100_000;
const MESSAGE = "Spring sale: 20% off";
const { Client } = await import(pathToFileURL(join(w.REPO, "pkg/node.mjs")).href);

const rate = (ms) => `${Math.round(N / (ms / 1000)).toLocaleString("en-US")} recipients/s`;
const line = (label, ms, note) => console.log(`${label.padEnd(70)} ${(ms / 1000).toFixed(2).padStart(6)} s  ${rate(ms).padStart(20)}   ${note}`);

/** "every recipient once" or what went wrong, from the sandbox's ledger. */
async function ledgerCheck(sandboxUrl) {
  const { counts } = await w.ledgerCounts(sandboxUrl);
  let missing = 0;
  let twice = 0;
  for (let i = 0; i < N; i++) {
    const n = counts.get(w.canonical(i)) ?? 0;
    if (n === 0) missing++;
    if (n > 1) twice++;
  }
  return missing === 0 && twice === 0 && counts.size === N ? "every recipient in the ledger once" : `LEDGER WRONG: ${missing} missing, ${twice} twice, ${counts.size} distinct`;
}

const sandbox = await w.startSandbox();
const [built, wrangler] = await Promise.all([w.bundle(), w.wranglerOptions()]);
// The tests shorten the queue's max_batch_timeout; the bench keeps every wrangler.toml setting.
const main = Object.values(wrangler.queueConsumers).find((c) => c.deadLetterQueue);
const mf = await w.startWorker({ built, wrangler, sandboxUrl: sandbox.url, consumer: { maxBatchTimeout: main.maxBatchTimeout } });
const to = w.numbers(N);
console.log(`machine: ${os.cpus()[0]?.model} x${os.cpus().length}, node ${process.version}; ${N.toLocaleString("en-US")} recipients, batches of 100`);
try {
  // A small campaign first, so neither figure includes workerd's or the wasm's first start.
  await w.resetSandbox(sandbox.url);
  const warm = await w.createCampaign(mf, { from: "3000505", message: MESSAGE, to: to.slice(0, 1000) });
  await w.waitFor(mf, warm.body.campaignId);

  await w.resetSandbox(sandbox.url);
  let t0 = performance.now();
  const r = await w.createCampaign(mf, { from: "3000505", message: MESSAGE, to });
  if (r.status !== 202) throw new Error(`campaign refused: ${r.text}`);
  const accepted = performance.now() - t0;
  const status = await w.waitFor(mf, r.body.campaignId, { timeoutMs: 300_000 });
  const queued = performance.now() - t0;
  line(
    `bulk-queue Worker (Queues + D1, max_batch_size ${main.maxBatchSize}, SEND_CONCURRENCY ${wrangler.bindings.SEND_CONCURRENCY})`,
    queued,
    `${status.batches.sent} batches sent, API answered 202 in ${accepted.toFixed(0)} ms; ${await ledgerCheck(sandbox.url)}`,
  );

  await w.resetSandbox(sandbox.url);
  const client = new Client({ username: "demo", password: w.PASSWORD, baseUrl: sandbox.url });
  await client.sendBulk({ from: "3000505", to: to.slice(0, 1000), message: MESSAGE }); // warm
  await w.resetSandbox(sandbox.url);
  t0 = performance.now();
  const bulk = await client.sendBulk({ from: "3000505", to, message: MESSAGE, chunkSize: 100 });
  const direct = performance.now() - t0;
  line("Client.sendBulk, one process (chunkSize 100, concurrency 4)", direct, `sent ${bulk.sent}, failed ${bulk.failed}; ${await ledgerCheck(sandbox.url)}`);
  console.log(`Worker time / sendBulk time: ${(queued / direct).toFixed(2)}`);
} finally {
  await mf.dispose();
  await sandbox.close();
  await w.cleanup(built);
}
