// The Edge fault matrix: every EdgeClient method (the …All iterators included) under every fault
// switch the sandbox plays (sandbox/README.md "The Edge API"): the IppanelError kind, status, code,
// op, body and `mayHaveSent` as API.md's error table says, the timeout kept within a margin, no
// unhandled rejection, and the same client working on the next call. A case count at the end
// makes a skipped row fail.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { EdgeClient, IppanelError } from "../../pkg/edge.node.mjs";
import { OPS, KEY, sandboxCtx, recordingFetch, rejection, closeChecked, watchUnhandled } from "./helpers.mjs";

const TIMEOUT_MS = 250;
const TIMEOUT_MARGIN_MS = 1000;

/**
 * What each fault must become, from API.md's table: `resolves` for a fault that only slows the
 * answer below the timeout. `sent` is `mayHaveSent` for a send-type method (false for the others).
 */
const FAULTS = {
  hang: { kind: "timeout", status: null, code: null, sent: true, body: null },
  reset: { kind: "network", status: null, code: null, sent: true, body: null },
  http500: { kind: "http", status: 500, code: null, sent: true, body: /<h1>500 Error<\/h1>/ },
  http502: { kind: "http", status: 502, code: null, sent: true, body: /<h1>502 Error<\/h1>/ },
  html200: { kind: "http", status: 200, code: null, sent: true, body: /<h1>200 Error<\/h1>/ },
  truncated: { kind: "http", status: 200, code: null, sent: true, body: /^\{"data":/ },
  shape: { kind: "protocol", status: 200, code: null, sent: true, body: /^\{"data":(\{\}|\[\]|\{"message_outbox_ids":\[\]\}),"meta":\{"status":true/ },
  huge: { kind: "http", status: 200, code: null, sent: true, body: /^\{"data":"x{100}/, maxBody: 2048 },
  nonutf8: { kind: "http", status: 200, code: null, sent: true, body: /^\{"data":"/ },
  "delay-50": { resolves: true },
  [`delay-${TIMEOUT_MS + 400}`]: { kind: "timeout", status: null, code: null, sent: true, body: null },
  http404html: { kind: "http", status: 404, code: null, sent: true, body: /Not Found/ },
  http429: { kind: "api", status: 429, code: "429", sent: false, body: /Too Many Requests/ },
};
/** Contract exceptions: `cancel` resolves to undefined and reads no `data`, so a wrong-shaped success envelope is still a success. */
const RESOLVES = { cancel: ["shape"] };

const PREFIX_METHODS = ["credit", "send", "sendPattern", "bulk", "patternsAll"];
const FAULT_CASES = OPS.length * Object.keys(FAULTS).length + PREFIX_METHODS.length * Object.keys(FAULTS).length;

let ctx;
let casesRun = 0;
let unhandled;
before(async () => {
  unhandled = watchUnhandled();
  ctx = await sandboxCtx({ pool: 2 * Object.keys(FAULTS).length * 2 + 4 });
});
after(async () => {
  console.log(`# edge fault cases run: ${casesRun}`);
  await closeChecked(ctx.sb);
  unhandled.assertNone();
});

function expectFault(err, fault, [method, op, type], label) {
  const want = FAULTS[fault];
  const where = `${label}: ${err.kind} ${err.status} ${err.message}`;
  assert.ok(err instanceof IppanelError, where);
  assert.equal(err.name, "IppanelError", where);
  assert.equal(err.kind, want.kind, where);
  assert.equal(err.op, op, where);
  assert.equal(err.status, want.status, where);
  assert.equal(err.code, want.code, where);
  assert.equal(typeof err.message, "string", where);
  assert.ok(err.message.length > 0, where);
  assert.equal(typeof err.messageFa, "string", where);
  assert.ok(err.messageFa.length > 0, where);
  assert.deepEqual(err.fieldErrors, {}, where);
  assert.equal(err.mayHaveSent, type === "send" ? want.sent : false, `${where}: mayHaveSent`);
  if (want.body === null) assert.equal(err.body, null, where);
  else {
    assert.equal(typeof err.body, "string", where);
    assert.match(err.body, want.body, where);
    assert.ok(err.body.length <= 2048, `${where}: body is at most 2 KB (${err.body.length})`);
  }
}

for (const op of OPS) {
  const [method, , , call] = op;
  test(`${method}: every fault, then the same client works`, async () => {
    const rec = recordingFetch();
    const short = new EdgeClient({ apiKey: KEY, baseUrl: ctx.base, timeoutMs: TIMEOUT_MS, retries: 0, fetch: rec.fetch });
    // Reading 5 MB may take longer than the short timeout on a busy machine: the cap, not the clock, must end it.
    const patient = new EdgeClient({ apiKey: KEY, baseUrl: ctx.base, timeoutMs: 20_000, retries: 0, fetch: rec.fetch });
    for (const fault of Object.keys(FAULTS)) {
      const client = fault === "huge" ? patient : short;
      const label = `${method} under ${fault}`;
      rec.fault = fault;
      const started = performance.now();
      if (FAULTS[fault].resolves || RESOLVES[method]?.includes(fault)) {
        const value = await call(client, ctx, {});
        if (method !== "cancel") assert.notEqual(value, undefined, label);
      } else {
        const err = await rejection(call(client, ctx, {}), label);
        const elapsed = performance.now() - started;
        expectFault(err, fault, op, label);
        if (err.kind === "timeout") {
          assert.ok(elapsed >= TIMEOUT_MS - 5 && elapsed <= TIMEOUT_MS + TIMEOUT_MARGIN_MS, `${label}: timed out after ${elapsed.toFixed(0)} ms`);
          assert.match(err.message, new RegExp(`${TIMEOUT_MS} ms`), label);
        }
      }
      casesRun += 1;
      rec.fault = null;
      const healthy = await call(client, ctx, {});
      if (method !== "cancel") assert.notEqual(healthy, undefined, `${label}: the next call`);
    }
  });
}

test("faults by base-URL prefix, with the runtime's own fetch", async () => {
  for (const fault of Object.keys(FAULTS)) {
    const client = new EdgeClient({ apiKey: KEY, baseUrl: `${ctx.sb.url}/__fault/${fault}/edge/v1`, timeoutMs: fault === "huge" ? 20_000 : TIMEOUT_MS, retries: 0 });
    for (const op of OPS.filter(([m]) => PREFIX_METHODS.includes(m))) {
      const label = `${op[0]} by prefix ${fault}`;
      if (FAULTS[fault].resolves) assert.notEqual(await op[3](client, ctx, {}), undefined, label);
      else expectFault(await rejection(op[3](client, ctx, {}), label), fault, op, label);
      casesRun += 1;
    }
  }
});

test("after every fault a new client on the healthy base works too", async () => {
  const credit = await new EdgeClient({ apiKey: KEY, baseUrl: ctx.base }).credit();
  assert.equal(typeof credit.credit, "number");
  assert.ok(credit.credit > 0);
});

test(`the fault matrix ran all ${FAULT_CASES} cases`, () => {
  assert.equal(OPS.length, 39, "32 methods and 7 iterators");
  assert.equal(Object.keys(FAULTS).length, 13);
  assert.equal(casesRun, FAULT_CASES);
});
