// The API key never leaks: not through any printed form of any Edge error (String, message,
// messageFa, body, code, fieldErrors, JSON, util.inspect, stack) of any kind, including answers
// and fetch errors that echo the key, and not through the client object however it is printed.
import { test, before, after, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import { EdgeClient } from "../../pkg/edge.node.mjs";
import { OPS, sandboxCtx, recordingFetch, rejection, closeChecked } from "./helpers.mjs";

// Characters that the query string, JSON and HTML each write differently.
const SECRET = "edge-Sekr3t&x=1 +%/\"'<>key";
const SPELLINGS = [
  SECRET,
  encodeURIComponent(SECRET),
  new URLSearchParams({ k: SECRET }).toString().slice(2),
  JSON.stringify(SECRET).slice(1, -1),
  "Sekr3t", // the distinctive core, whatever surrounds it
];
const KINDS_SEEN = new Set();
const TEXTS = 8210; // as counted below; a case that disappears fails the last test
let checked = 0;

let ctx;
before(async () => { ctx = await sandboxCtx({ pool: 30 }); });
beforeEach(() => { leaks = []; });
after(async () => {
  console.log(`# texts checked for the key: ${checked}; kinds: ${[...KINDS_SEEN].sort().join(", ")}`);
  await closeChecked(ctx.sb);
});

const holdsSecret = (text) => SPELLINGS.some((s) => String(text).includes(s));
/** Leaks found by the current test (collected, so every text is still searched and counted). */
let leaks = [];
function assertNoSecret(label, ...texts) {
  for (const text of texts) {
    for (const s of SPELLINGS) if (String(text).includes(s)) leaks.push(`${label}: the key (${s}) in ${String(text).slice(0, 300)}`);
    checked += 1;
  }
}
/** Ends a test: no leak, listing the first few. */
function noLeaks() {
  const found = leaks;
  leaks = [];
  assert.deepEqual(found.slice(0, 5), [], `${found.length} leaks`);
}
function assertErrorClean(label, err) {
  KINDS_SEEN.add(err.kind);
  assertNoSecret(label, String(err), err.message, err.messageFa, err.body ?? "", String(err.code), JSON.stringify(err), err.stack,
    inspect(err, { depth: Infinity, showHidden: true }), JSON.stringify(err.fieldErrors), JSON.stringify(Object.getOwnPropertyNames(err).map((k) => [k, err[k]])));
}

test("no error of any method, under any fault or the wrong key, carries the key", async () => {
  const faults = [null, "hang", "reset", "http500", "html200", "truncated", "shape", "huge", "nonutf8", "http404html", "http429"];
  for (const op of OPS) {
    const rec = recordingFetch();
    const client = new EdgeClient({ apiKey: SECRET, baseUrl: ctx.base, timeoutMs: 250, retries: 0, fetch: rec.fetch });
    for (const fault of faults) {
      rec.fault = fault;
      if (op[0] === "cancel" && fault === "shape") continue; // a success (no data read): nothing to print
      const err = await rejection(op[3](client, ctx, {}), `${op[0]} ${fault}`);
      if (fault === null) assert.equal(err.kind, "auth", `${op[0]}: wrong key`);
      assert.ok(rec.requests.every((r) => r.headers.get("authorization") === SECRET), "the key went out raw");
      assertErrorClean(`${op[0]} ${fault ?? "wrong key"}`, err);
    }
  }
  noLeaks();
});

// A body that echoes the key JSON-escaped (inside a JSON answer) or percent-encoded is masked
// too, not only the raw spelling (apiKey 'a"b/c+d' echoed as "a%22b%2Fc%2Bd").
test("answers and fetch errors that echo the key are redacted", async () => {
  const made = [];
  const echoes = {
    html502: (url, key) => new Response(`<html>bad gateway for ${url} key=${key} (${encodeURIComponent(key)})</html>`, { status: 502 }),
    html200: (url, key) => new Response(`<html>${key}</html>`),
    auth401: (url, key) => new Response(JSON.stringify({ data: null, meta: { status: false, message: `bad key ${key}`, message_code: key, errors: { key: [key] } } }), { status: 401 }),
    env422: (url, key) => new Response(JSON.stringify({ data: null, meta: { status: false, message: `تکمیل گزینه ${key} الزامی است`, message_code: "400-2", errors: { [key]: [`bad ${key}`], message: key } } }), { status: 422 }),
    env404: (url, key) => new Response(JSON.stringify({ data: null, meta: { status: false, message: key, message_code: "404-1", errors: {} } }), { status: 404 }),
    shape: (url, key) => new Response(JSON.stringify({ data: key, meta: { status: true, message: key } })),
    json500: (url, key) => new Response(JSON.stringify({ message: "Server Error", exception: `Authorization: ${key}` }), { status: 500 }),
    throws: (url, key) => { throw new TypeError(`connect failed: ${url} Authorization: ${key}`); },
    rejectsWithString: (url, key) => Promise.reject(`raw ${key}`),
  };
  for (const op of OPS) {
    for (const [name, answer] of Object.entries(echoes)) {
      const fetchFn = async (input, init) => {
        const req = new Request(input, init);
        const key = req.headers.get("authorization");
        made.push(key);
        return answer(req.url, key);
      };
      const client = new EdgeClient({ apiKey: SECRET, baseUrl: ctx.base, retries: 0, fetch: fetchFn });
      if (op[0] === "cancel" && name === "shape") continue;
      const err = await rejection(op[3](client, ctx, {}), `${op[0]} ${name}`);
      assert.ok(holdsSecret(made.at(-1)), `${op[0]} ${name}: what the client was handed holds the key`);
      assertErrorClean(`${op[0]} ${name}`, err);
      if (name === "html502") assert.match(err.body, /\*\*\*/, "the redaction leaves a visible mark");
      if (name === "env422" && err.kind === "api") assert.ok(Object.keys(err.fieldErrors).length > 0, `${op[0]}: fieldErrors kept, redacted`);
    }
  }
  noLeaks();
});

test("an echoed key of the usual alphabet (letters, digits, - _) is masked in every text", async () => {
  const key = "edgeSekr3t-Plain_Key1234";
  const echo = async (input, init) => {
    const k = new Request(input, init).headers.get("authorization");
    return new Response(JSON.stringify({ data: null, meta: { status: false, message: `bad ${k}`, message_code: k, errors: { [k]: [k] } } }), { status: 422 });
  };
  for (const op of OPS.filter(([, , type]) => type !== "pager")) {
    const err = await rejection(op[3](new EdgeClient({ apiKey: key, baseUrl: ctx.base, retries: 0, fetch: echo }), ctx, {}), op[0]);
    assert.equal(err.kind, "api", op[0]);
    assertErrorClean(`plain key ${op[0]}`, err);
    assert.match(err.body, /\*\*\*/);
  }
  noLeaks();
});

test("input and aborted errors, with the key as the bad value, never show it", async () => {
  const client = new EdgeClient({ apiKey: SECRET, baseUrl: ctx.base });
  const errors = [
    await rejection(client.send({ from: "3000505", to: SECRET, message: "x" })),
    await rejection(client.send({ from: SECRET, to: "09121234567", message: "x", sendTime: SECRET })),
    await rejection(client.cancel(SECRET)),
    await rejection(client.pattern("p", { signal: AbortSignal.abort(SECRET) })),
    await rejection(client.sendVoiceOtp({ to: "09121234567", code: SECRET })),
    await rejection(client.outbox({ filters: { createFromDate: SECRET } })),
  ];
  for (const err of errors) assertErrorClean(`input ${err.message}`, err);
  for (const options of [{ apiKey: SECRET, baseUrl: SECRET }, { apiKey: SECRET, retries: SECRET }, { apiKey: SECRET, timeoutMs: -1 }, { apiKey: `${SECRET}\n` }]) {
    let thrown;
    try { new EdgeClient(options); } catch (err) { thrown = err; }
    assert.ok(thrown instanceof Error, "refused");
    assertErrorClean("constructor", thrown);
  }
  noLeaks();
});

test("the client object shows no key however it is printed", () => {
  const client = new EdgeClient({ apiKey: SECRET, baseUrl: ctx.base });
  assertNoSecret("client", String(client), JSON.stringify(client), inspect(client, { depth: Infinity, showHidden: true }),
    JSON.stringify(Object.entries(client)), JSON.stringify(client.toJSON()), `${client}`, Object.getOwnPropertyNames(client).join());
  assert.deepEqual(JSON.parse(JSON.stringify(client)), { baseUrl: ctx.base });
  const printed = [];
  const original = console.log;
  console.log = (...args) => printed.push(args.map((a) => (typeof a === "string" ? a : inspect(a))).join(" "));
  try { console.log(client); console.log({ client }); } finally { console.log = original; }
  assertNoSecret("console.log", ...printed);
  noLeaks();
});

test("the sandbox's request log never shows the key", async () => {
  const log = await (await fetch(`${ctx.sb.url}/__sandbox/requests`)).json();
  assert.ok(log.length > 0);
  assertNoSecret("sandbox log", JSON.stringify(log));
  noLeaks();
});

test(`all ${TEXTS} texts were searched, errors of every kind`, () => {
  assert.equal(OPS.length, 39);
  for (const kind of ["input", "auth", "api", "http", "network", "timeout", "aborted", "protocol"]) assert.ok(KINDS_SEEN.has(kind), kind);
  assert.equal(checked, TEXTS);
});
