// Shared by the Edge suites: one valid call of every EdgeClient method (the contract's table in
// API.md "The Edge API", plus the …All iterators) against the sandbox's seeded `demo` account,
// and helpers around the sandbox, a recording fetch and rejections.
import assert from "node:assert/strict";
import { startSandbox } from "../../sandbox/server.mjs";
import { EdgeClient, IppanelError } from "../../pkg/edge.node.mjs";

export const KEY = "edge-demo-key-1234";
export const EMPTY_KEY = "edge-empty-key-1234";
export const LINE = "3000505";

let seq = 0;
/** A fresh number for texts and codes: the sandbox refuses an identical send within its window (429). */
export const next = () => ++seq;

/** Collects an async iterator. */
export async function collect(iterable) {
  const out = [];
  for await (const item of iterable) out.push(item);
  return out;
}

/**
 * Every EdgeClient method: [method, op, type, call]. `type`: "send" (send-type, never retried,
 * `mayHaveSent` when the outcome is unknown), "write" (cancel, createPattern: never retried, no
 * SMS), "read" (retried), "pager" (an …All iterator, collected; its pages are reads).
 * `call(client, ctx, extra)` makes one valid call; `extra` ({ signal } …) goes into the request
 * object or the trailing options. `ctx.bulkId` is a final outbox item of the demo account,
 * `ctx.scheduled()` hands out a scheduled send that can still be cancelled.
 */
export const OPS = [
  ["send", "send:webservice", "send", (c, x, o) => c.send({ from: LINE, to: ["09121111111"], message: `edge test ${next()}`, ...o })],
  ["sendPeerToPeer", "send:peer_to_peer", "send", (c, x, o) => c.sendPeerToPeer({ from: LINE, params: [{ to: "09121111112", message: `p2p ${next()}` }, { to: ["09351111113"], message: "p2p b" }], ...o })],
  ["sendPattern", "send:pattern", "send", (c, x, o) => c.sendPattern({ from: LINE, to: "09121111114", patternCode: "otpdemo123", values: { code: next() }, ...o })],
  ["sendVoiceOtp", "send:votp", "send", (c, x, o) => c.sendVoiceOtp({ to: "09121111115", code: `0${next()}`, ...o })],
  ["sendPostalCode", "send:postal_code", "send", (c, x, o) => c.sendPostalCode({ from: "+98BANK", message: `postal ${next()}`, params: [{ postalCode: 131, mci: { start: 0, size: 1 } }], ...o })],
  ["sendCountry", "send:country", "send", (c, x, o) => c.sendCountry({ from: "+98BANK", message: `country ${next()}`, params: [{ provinceId: 89, pre: 912, mci: { start: 0, size: 1 }, irancell: { start: 0, size: 0 }, other: { start: 0, size: 0 } }], ...o })],
  ["sendGeolocation", "send:geolocation", "send", (c, x, o) => c.sendGeolocation({ from: "+98BANK", message: `geo ${next()}`, params: [{ provinceId: 89, operator: [{ id: "mci", start: 0, size: 1 }] }], ...o })],
  ["sendJob", "send:job", "send", (c, x, o) => c.sendJob({ from: "+98PRO", message: `job ${next()}`, params: [{ mainCategoryId: 1, operator: [{ id: 2, start: 0, size: 1 }] }], ...o })],
  ["sendPhonebook", "send:phonebook", "send", (c, x, o) => c.sendPhonebook({ from: LINE, message: `pb ${next()}`, params: [{ type: "all", phonebookIds: ["123654"], start: 0, size: 1 }], ...o })],
  ["sendKeywordPhonebook", "send:keyword_phonebook", "send", (c, x, o) => c.sendKeywordPhonebook({ from: LINE, message: `kw ${next()} {ex_1234}`, params: [{ phonebookId: "838550" }], ...o })],
  ["cancel", "send/cancel", "write", (c, x, o) => c.cancel(x.scheduled(), o)],
  ["calculatePrice", "send/calculate-price", "read", (c, x, o) => c.calculatePrice({ from: LINE, message: "price", ...o })],
  ["outbox", "report/new_list", "read", (c, x, o) => c.outbox({ limit: 2, ...o })],
  ["bulk", "report/by_bulk", "read", (c, x, o) => c.bulk(x.bulkId, o)],
  ["bulkStats", "report/bulk_stats", "read", (c, x, o) => c.bulkStats(x.bulkId, o)],
  ["recipients", "report/recipients", "read", (c, x, o) => c.recipients(x.bulkId, { limit: 10, ...o })],
  ["inbox", "report/messages-inbox", "read", (c, x, o) => c.inbox({ fromId: 120, ...o })],
  ["credit", "payment/credit/mine", "read", (c, x, o) => c.credit(o)],
  ["patterns", "patterns", "read", (c, x, o) => c.patterns({ limit: 2, filter: { state: "active" }, ...o })],
  ["pattern", "patterns/{code}", "read", (c, x, o) => c.pattern("otpdemo123", o)],
  ["createPattern", "patterns/normal", "write", (c, x, o) => c.createPattern({ message: `new %a% ${next()}`, description: "d", variable: [{ name: "a", type: "string" }], ...o })],
  ["numbers", "number/numbers", "read", (c, x, o) => c.numbers({ limit: 2, ...o })],
  ["phonebooks", "phonebooks/list-new", "read", (c, x, o) => c.phonebooks({ limit: 5, ...o })],
  ["phonebookContacts", "phonebooks/numbers/contact-list", "read", (c, x, o) => c.phonebookContacts({ phonebookId: "123654", ...o })],
  ["provinces", "send/banks/provinces", "read", (c, x, o) => c.provinces(o)],
  ["counties", "send/banks/counties", "read", (c, x, o) => c.counties(119, o)],
  ["cities", "send/banks/cities", "read", (c, x, o) => c.cities(147, o)],
  ["bankCounts", "send/banks/counts", "read", (c, x, o) => c.bankCounts({ provinceId: 89, ...o })],
  ["jobCategories", "send/jobs/categories", "read", (c, x, o) => c.jobCategories(o)],
  ["jobSubCategories", "send/jobs/sub-categories", "read", (c, x, o) => c.jobSubCategories(1, o)],
  ["jobNumberCount", "send/jobs/number-count", "read", (c, x, o) => c.jobNumberCount({ mainCategoryId: 1, ...o })],
  ["waitForDelivery", "report/recipients", "read", (c, x, o) => c.waitForDelivery(x.bulkId, { intervalMs: 20, timeoutMs: 5000, ...o })],
  ["outboxAll", "report/new_list", "pager", (c, x, o) => collect(c.outboxAll({ limit: 50, ...o }))],
  ["recipientsAll", "report/recipients", "pager", (c, x, o) => collect(c.recipientsAll(x.bulkId, { limit: 2, ...o }))],
  ["inboxAll", "report/messages-inbox", "pager", (c, x, o) => collect(c.inboxAll({ limit: 2, ...o }))],
  ["patternsAll", "patterns", "pager", (c, x, o) => collect(c.patternsAll({ limit: 2, ...o }))],
  ["numbersAll", "number/numbers", "pager", (c, x, o) => collect(c.numbersAll({ limit: 3, ...o }))],
  ["phonebooksAll", "phonebooks/list-new", "pager", (c, x, o) => collect(c.phonebooksAll({ limit: 1, ...o }))],
  ["phonebookContactsAll", "phonebooks/numbers/contact-list", "pager", (c, x, o) => collect(c.phonebookContactsAll({ limit: 2, ...o }))],
];

/** The raw wire: headers a correct client sends, for seeding with plain fetch. */
export async function edgeFetch(sb, path, { method = "GET", body, key = KEY } = {}) {
  const headers = { accept: "application/json", authorization: key };
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${sb.url}/edge/v1/api/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

/** One send with plain fetch (not the client under test); its outbox id (a string). */
export async function seedSend(sb, { to = ["+989121111111"], message = `seed ${next()}`, sendTime, key = KEY } = {}) {
  const body = { sending_type: "webservice", from_number: "+983000505", message, params: { recipients: to } };
  if (sendTime) body.send_time = sendTime;
  const { status, json } = await edgeFetch(sb, "send", { method: "POST", body, key });
  assert.equal(status, 200, `seed send: ${JSON.stringify(json)}`);
  return String(json.data.message_outbox_ids[0]);
}

/** UTC "YYYY-MM-DD HH:MM:SS" `ms` from now. */
export const utcIn = (ms) => new Date(Date.now() + ms).toISOString().slice(0, 19).replace("T", " ");

/**
 * Starts a quiet sandbox with a final outbox item (`bulkId`) and a pool of `pool` scheduled
 * sends for `cancel`.
 */
export async function sandboxCtx({ pool = 40, ...options } = {}) {
  const sb = await startSandbox({ port: 0, quiet: true, deliveryStepMs: 50, ...options });
  const ctx = { sb, base: `${sb.url}/edge/v1`, pool: [] };
  ctx.bulkId = await seedSend(sb, { to: ["+989121111111", "+989351111110", "+989121111199"] });
  await fetch(`${sb.url}/__sandbox/edge/deliver?id=${ctx.bulkId}`, { method: "POST" });
  await refill(ctx, pool);
  ctx.scheduled = () => {
    const id = ctx.pool.pop();
    assert.ok(id, "the pool of scheduled sends ran dry");
    return id;
  };
  return ctx;
}

/** Adds `n` scheduled (cancellable) sends to the pool. */
export async function refill(ctx, n) {
  for (let i = 0; i < n; i++) ctx.pool.push(await seedSend(ctx.sb, { sendTime: utcIn(3600_000), message: `scheduled ${next()}` }));
}

/** Closes sandboxes, then fails if any request broke a strict rule. */
export async function closeChecked(...sandboxes) {
  await Promise.all(sandboxes.map((sb) => sb.close()));
  for (const sb of sandboxes) assert.deepEqual(sb.violations, [], "every request the client made is one a correct client sends");
}

/** The sandbox's request log (one line per request). */
export async function requestLog(sb) {
  return (await fetch(`${sb.url}/__sandbox/requests`)).json();
}

/**
 * A fetch that records every request (url, method, headers, body) and when it started, adds the
 * sandbox's `x-sandbox-fault` header while `fault` is set, and forwards to the real fetch (or
 * to `answer(request)` when set).
 */
export function recordingFetch() {
  const rec = {
    fault: null,
    answer: null,
    starts: [],
    requests: [],
    fetch: async (input, init) => {
      rec.starts.push(performance.now());
      const request = new Request(input, init);
      const body = request.body ? await request.clone().text() : null;
      rec.requests.push({ url: request.url, method: request.method, headers: new Headers(request.headers), body, redirect: request.redirect });
      if (rec.fault) request.headers.set("x-sandbox-fault", rec.fault);
      if (rec.answer) return rec.answer(request, rec.requests.length);
      return fetch(request);
    },
    bodies: () => rec.requests.map((r) => (r.body ? JSON.parse(r.body) : null)),
  };
  return rec;
}

export const client = (ctx, extra = {}) => new EdgeClient({ apiKey: KEY, baseUrl: ctx.base, ...extra });

/** Awaits a promise that must reject with an IppanelError; returns the error. */
export async function rejection(promise, label = "") {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof IppanelError && err instanceof Error, `${label} not an IppanelError: ${err?.stack ?? err}`);
    return err;
  }
  assert.fail(`${label} expected a rejection`);
}

/** Counts unhandled rejections while a suite runs; `assertNone()` at its end. */
export function watchUnhandled() {
  const seen = [];
  const onUnhandled = (reason) => seen.push(reason);
  process.on("unhandledRejection", onUnhandled);
  return {
    seen,
    assertNone() {
      process.off("unhandledRejection", onUnhandled);
      assert.deepEqual(seen.map((r) => String(r?.stack ?? r)), [], "no unhandled rejection");
    },
  };
}
