// Every op against every fault the sandbox can play: the documented IppanelError kind, its
// status and body, `mayHaveSent` for the send-type ops, the timeout kept within a margin, and
// the same Client (and the same wasm instance) working on the next call.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { gzipSync } from "node:zlib";
import { Client, IppanelError, normalizeMobile, smsParts } from "../../pkg/node.mjs";
import { DEMO, OPS, sandboxWithBulk, switchableFetch, rejection, closeChecked } from "./ops.mjs";

const TIMEOUT_MS = 400;
/**
 * How late a timeout may fire: timers, the socket teardown, and a busy CI machine whose event
 * loop also runs the sandbox (building 5 MB bodies). The lower bound is what proves the timeout.
 */
const TIMEOUT_MARGIN_MS = 1000;

const html = (code) => `<html><body><h1>${code} Error</h1></body></html>`;
/**
 * What each sandbox fault must become (README, "Behaviour worth knowing"), with the body excerpt
 * the error must carry: the sandbox's whole answer, or its first 2 KB (lossily decoded when it
 * is not UTF-8).
 */
const FAULTS = {
  hang: { kind: "timeout", status: null, body: null },
  reset: { kind: "network", status: null, body: null },
  http500: { kind: "http", status: 500, body: html(500) },
  http502: { kind: "http", status: 502, body: html(502) },
  html200: { kind: "http", status: 200, body: html(200) },
  truncated: { kind: "http", status: 200, body: '[0,"[{\\"id\\":12,\\"tit' },
  shape: { kind: "protocol", status: 200, body: '{"foo":1}' },
  huge: { kind: "http", status: 200, body: '[0,"' + "x".repeat(2044) },
  nonutf8: { kind: "http", status: 200, body: new TextDecoder().decode(new Uint8Array([0x5b, 0x30, 0x2c, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x5d])) },
};

/**
 * The fault cases this file runs, as the README states them: 17 ops under the 9 faults above,
 * 3 ops under each fault by base-URL prefix, and 3 bodies no sandbox fault plays. A case that
 * disappears (an op, a fault, a body) fails the last test below.
 */
const FAULT_CASES = 183;

let ctx;
let casesRun = 0;
before(async () => { ctx = await sandboxWithBulk(); });
after(async () => {
  console.log(`# fault cases run: ${casesRun}`);
  await closeChecked(ctx.sandbox);
});

/** Checks one fault's error against the table above. */
function expectFault(err, fault, [method, wireOp, type]) {
  const want = FAULTS[fault];
  const where = `${method} under ${fault}: ${err.kind} ${err.message}`;
  assert.equal(err.kind, want.kind, where);
  assert.equal(err.op, wireOp, where);
  assert.equal(err.status, want.status, where);
  assert.equal(err.code, null, where);
  assert.equal(typeof err.messageFa, "string", where);
  assert.ok(err.messageFa.length > 0, where);
  // Every fault here leaves a send's outcome unknown: the request reached the server.
  assert.equal(err.mayHaveSent, type === "send", where);
  assert.equal(err.body, want.body, where);
  casesRun += 1;
}

for (const op of OPS) {
  const [method] = op;
  test(`${method}: every fault, then the same client works`, async () => {
    const sw = switchableFetch();
    const client = new Client({ ...DEMO, baseUrl: ctx.sandbox.url, timeoutMs: TIMEOUT_MS, retries: 0, fetch: sw.fetch });
    for (const fault of Object.keys(FAULTS)) {
      sw.fault = fault;
      const started = performance.now();
      const err = await rejection(op[3](client, ctx));
      const elapsed = performance.now() - started;
      expectFault(err, fault, op);
      if (fault === "hang") {
        assert.ok(elapsed >= TIMEOUT_MS - 5 && elapsed <= TIMEOUT_MS + TIMEOUT_MARGIN_MS, `${method} timed out after ${elapsed.toFixed(0)} ms`);
        assert.match(err.message, new RegExp(`${TIMEOUT_MS} ms`));
      }
      sw.fault = null;
      const healthy = await op[3](client, ctx);
      assert.notEqual(healthy, undefined, `${method} after ${fault}`);
    }
  });
}

test("faults by base-URL prefix, with the runtime's own fetch", async () => {
  for (const fault of Object.keys(FAULTS)) {
    const client = new Client({ ...DEMO, baseUrl: `${ctx.sandbox.url}/__fault/${fault}`, timeoutMs: TIMEOUT_MS, retries: 0 });
    for (const op of OPS.filter(([m]) => m === "credit" || m === "send" || m === "sendPattern")) {
      expectFault(await rejection(op[3](client, ctx)), fault, op);
    }
  }
});

test("the wasm instance survives every fault: helpers and a new client still work", async () => {
  assert.equal(normalizeMobile("۰۹۱۲ ۱۲۳ ۴۵۶۷"), "+989121234567");
  assert.deepEqual(smsParts("x".repeat(161)), { encoding: "gsm7", length: 161, parts: 2, perPart: 153, remaining: 145 });
  const credit = await new Client({ ...DEMO, baseUrl: ctx.sandbox.url }).credit();
  assert.equal(typeof credit, "number");
  assert.ok(credit > 0);
});

// Faults the sandbox cannot play, from a raw server, through the runtime's own fetch: a body that
// stops half-way, an endless body with no declared length, and a gzip bomb. How far the Client
// reads before it stops is measured exactly in body-cap.test.mjs.
test("a body that stalls times out; an endless body and a compressed bomb are cut off at the cap", async () => {
  // 64 MB of answer in 64 KB of gzip: its declared length is small, its bytes are not.
  const bomb = gzipSync(Buffer.concat([Buffer.from('[0,"'), Buffer.alloc(64 << 20, 0x7a), Buffer.from('"]')]));
  const server = http.createServer((req, res) => {
    if (req.url.startsWith("/bomb")) {
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip", "content-length": bomb.length });
      return res.end(bomb);
    }
    if (req.url.startsWith("/stall")) {
      res.writeHead(200, { "content-type": "application/json" });
      return res.write('[0,"12');
    }
    res.writeHead(200, { "content-type": "application/json" }); // chunked: no content-length
    res.write('[0,"');
    const chunk = "y".repeat(256 * 1024);
    const pump = () => { while (res.write(chunk)) { /* until the socket pushes back */ } };
    res.on("drain", pump);
    pump();
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    const stalled = await rejection(new Client({ ...DEMO, baseUrl: `${base}/stall`, timeoutMs: TIMEOUT_MS, retries: 0 }).send({ from: "3000505", to: "09121111111", message: "x" }));
    assert.equal(stalled.kind, "timeout");
    assert.equal(stalled.mayHaveSent, true);
    const endless = await rejection(new Client({ ...DEMO, baseUrl: `${base}/endless`, timeoutMs: 10_000, retries: 0 }).credit());
    assert.equal(endless.kind, "http");
    assert.match(endless.message, /too large/);
    assert.equal(endless.body, '[0,"' + "y".repeat(2044));
    const bombed = await rejection(new Client({ ...DEMO, baseUrl: `${base}/bomb`, timeoutMs: 10_000, retries: 0 }).credit());
    assert.equal(bombed.kind, "http");
    assert.match(bombed.message, /too large/);
    assert.equal(bombed.body, '[0,"' + "z".repeat(2044));
    for (const err of [endless, bombed]) {
      assert.equal(err.status, 200);
      assert.equal(err.mayHaveSent, false);
    }
    casesRun += 3;
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test("a fault is an IppanelError in every respect", async () => {
  const err = await rejection(new Client({ ...DEMO, baseUrl: `${ctx.sandbox.url}/__fault/http502`, retries: 0 }).credit());
  assert.ok(err instanceof IppanelError);
  assert.equal(err.name, "IppanelError");
  assert.equal(typeof err.stack, "string");
  assert.match(String(err), /^IppanelError: HTTP 502/);
});

test(`the fault matrix ran all ${FAULT_CASES} cases`, () => {
  assert.equal(OPS.length, 17);
  assert.equal(Object.keys(FAULTS).length, 9);
  assert.equal(casesRun, FAULT_CASES);
});
