// The 4 MiB body cap, measured: a local server streams bodies the cap must stop (a gzip bomb whose
// declared length is its small compressed size, an endless gzip stream with no declared length, an
// endless plain body, a plain body declaring more than the cap), and a counting fetch hands the
// Client (through its public `fetch` option) the decoded body in fixed 64 KiB chunks, pulled only
// when the Client reads. The count of bytes pulled is therefore exact, whatever the machine's
// memory does: the Client must stop within one chunk past the cap, fail with kind `http`, and let
// go of the connection.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { createGzip, gzipSync } from "node:zlib";
import { Client } from "../../pkg/node.mjs";
import { DEMO, rejection } from "./ops.mjs";

/** The documented cap (README, "Behaviour worth knowing"): bodies over 4 MiB are refused. */
const CAP = 4 * 1024 * 1024;
/** The size of every chunk the counting fetch hands over; CAP is a multiple of it. */
const CHUNK = 64 * 1024;
const BOMB_BYTES = 64 * 1024 * 1024;

let server;
let base;
/** Per path: the bytes the server wrote (compressed where gzip) and whether its connection closed. */
const served = new Map();

before(async () => {
  // 64 MiB of answer in about 64 KiB of gzip, sent whole with its (compressed) length declared.
  const bomb = gzipSync(Buffer.concat([Buffer.from('[0,"'), Buffer.alloc(BOMB_BYTES, 0x7a), Buffer.from('"]')]));
  server = http.createServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname.split("/")[1];
    const record = { written: 0, closed: false };
    served.set(path, record);
    res.on("close", () => { record.closed = true; });
    req.resume();
    const json = { "content-type": "application/json" };
    if (path === "gzip-declared") {
      res.writeHead(200, { ...json, "content-encoding": "gzip", "content-length": bomb.length });
      record.written = bomb.length;
      return res.end(bomb);
    }
    const declared = path === "plain-declared" ? { "content-length": String(BOMB_BYTES + 6) } : {};
    const gzip = path === "gzip-endless";
    res.writeHead(200, { ...json, ...declared, ...(gzip ? { "content-encoding": "gzip" } : {}) });
    // Written as fast as the socket takes it, for ever (plain-declared stops short of its length).
    const sink = gzip ? createGzip() : res;
    if (gzip) {
      sink.on("data", (d) => { record.written += d.length; });
      sink.pipe(res);
    } else {
      const write = res.write.bind(res);
      res.write = (chunk) => { record.written += chunk.length; return write(chunk); };
    }
    sink.write('[0,"');
    const block = Buffer.alloc(256 * 1024, 0x7a);
    const pump = () => {
      while (!record.closed && sink.write(block)) { /* until the socket pushes back */ }
    };
    sink.on("drain", pump);
    res.on("close", () => { if (gzip) sink.destroy(); });
    pump();
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => { server.closeAllConnections(); server.close(); });

/**
 * A fetch (the Client's public `fetch` option) that answers with the real response's status and
 * headers but a body it doles out one CHUNK per read, counting what the Client pulled.
 */
function countingFetch() {
  const meter = { pulled: 0, cancelled: false };
  meter.fetch = async (url, init) => {
    const upstream = await fetch(url, init);
    const reader = upstream.body.getReader();
    let pending = new Uint8Array(0);
    const body = new ReadableStream({
      async pull(controller) {
        while (pending.length < CHUNK) {
          const { done, value } = await reader.read();
          if (done) break;
          const joined = new Uint8Array(pending.length + value.length);
          joined.set(pending);
          joined.set(value, pending.length);
          pending = joined;
        }
        if (pending.length === 0) return controller.close();
        const chunk = pending.slice(0, CHUNK);
        pending = pending.slice(CHUNK);
        meter.pulled += chunk.length;
        controller.enqueue(chunk);
      },
      cancel(reason) {
        meter.cancelled = true;
        return reader.cancel(reason);
      },
    }, { highWaterMark: 0 });
    return new Response(body, { status: upstream.status, headers: upstream.headers });
  };
  return meter;
}

const CASES = [
  ["gzip-declared", "a gzip bomb declaring its small compressed length"],
  ["gzip-endless", "an endless gzip body with no declared length"],
  ["plain-endless", "an endless plain body with no declared length"],
  ["plain-declared", "a plain body declaring 64 MiB"],
];

for (const [path, label] of CASES) {
  test(`${label}: the read stops within one chunk past the cap`, async () => {
    const meter = countingFetch();
    const client = new Client({ ...DEMO, baseUrl: `${base}/${path}`, timeoutMs: 20_000, retries: 0, fetch: meter.fetch });
    const err = await rejection(client.credit());
    assert.equal(err.kind, "http", err.message);
    assert.equal(err.status, 200);
    assert.equal(err.code, null);
    assert.equal(err.mayHaveSent, false);
    assert.match(err.message, /too large/);
    assert.equal(err.body, '[0,"' + "z".repeat(2044), "the body excerpt is the first 2 KB");
    assert.ok(meter.pulled > CAP && meter.pulled <= CAP + CHUNK, `${path}: pulled ${meter.pulled} bytes, cap ${CAP}, chunk ${CHUNK}`);
    // Nothing reads on in the background, and the endless bodies' connections are let go.
    const pulled = meter.pulled;
    const record = served.get(path);
    const deadline = Date.now() + 2000;
    while (path !== "gzip-declared" && !record.closed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.equal(meter.pulled, pulled, `${path}: read on after the error`);
    if (path !== "gzip-declared") assert.equal(record.closed, true, `${path}: the connection is still open`);
  });
}

test("a body of exactly the cap is read whole; one byte more is refused", async () => {
  // The boundary, through a fetch that streams a bookList answer padded to CAP and CAP + 1 bytes.
  const head = '[0,"[{\\"id\\":12,\\"title\\":\\"';
  const tail = '\\"}]"]';
  const answer = (size) => head + "t".repeat(size - head.length - tail.length) + tail;
  for (const [size, fits] of [[CAP, true], [CAP + 1, false]]) {
    let pulled = 0;
    const fetchFn = async () => {
      const bytes = new TextEncoder().encode(answer(size));
      let at = 0;
      return new Response(new ReadableStream({
        pull(controller) {
          if (at >= bytes.length) return controller.close();
          const chunk = bytes.slice(at, at + CHUNK);
          at += chunk.length;
          pulled += chunk.length;
          controller.enqueue(chunk);
        },
      }, { highWaterMark: 0 }), { status: 200 });
    };
    const client = new Client({ ...DEMO, baseUrl: base, retries: 0, fetch: fetchFn });
    if (fits) {
      const books = await client.bookList();
      assert.equal(books.length, 1);
      assert.equal(books[0].title.length, size - head.length - tail.length);
    } else {
      const err = await rejection(client.bookList());
      assert.equal(err.kind, "http");
      assert.match(err.message, /too large/);
    }
    assert.equal(pulled, size, `${size}: every byte was read`);
  }
});
