// Shared by the fault, retry and secret suites: one valid call of each of the 17 ops against the
// sandbox's seeded `demo` account, and small helpers around the sandbox and the client.
import assert from "node:assert/strict";
import { startSandbox } from "../../sandbox/server.mjs";
import { IppanelError } from "../../pkg/node.mjs";

export const DEMO = { username: "demo", password: "demo-pass-1234" };
export const LINE = "3000505";

let userSeq = 0;

/**
 * The 17 ops: [method, wire op, kind of op, call]. `kind` is "send" for the send-type ops
 * (never retried, `mayHaveSent` may be true), "newuser" (never retried, but no SMS), or
 * "read" (retried). `call(client, ctx)` makes one valid call; `ctx.bulkId` is an existing bulk.
 */
export const OPS = [
  ["send", "send", "send", (c) => c.send({ from: LINE, to: ["09121111111"], message: "fault test" })],
  ["sendPattern", "patterns/pattern", "send", (c) => c.sendPattern({ from: LINE, to: "09121111112", patternCode: "otp-demo", values: { code: 4321 } })],
  ["postalCodeSend", "postalcodesend", "send", (c) => c.postalCodeSend({ from: LINE, message: "fault test", postalCode: "1234567890", operator: "mci" })],
  ["postalCodeCount", "postalcodecount", "read", (c) => c.postalCodeCount({ postalCode: "1234567890", operator: "mtn", gender: "female" })],
  ["postalCodeArea", "postalcodearea", "read", (c) => c.postalCodeArea()],
  ["bookSend", "booksend", "send", (c) => c.bookSend({ from: LINE, message: "fault test", bookId: 12 })],
  ["bookList", "booklist", "read", (c) => c.bookList()],
  ["jobsSend", "jobssend", "send", (c) => c.jobsSend({ from: LINE, message: "fault test", jobId: 1, trendIds: [11] })],
  ["jobList", "jobslist", "read", (c) => c.jobList()],
  ["jobTrendList", "jobstrenlist", "read", (c) => c.jobTrendList(1)],
  ["jobsCount", "jobscount", "read", (c) => c.jobsCount({ trendIds: [11, 12] })],
  ["checkMessage", "checkmessage", "read", (c, ctx) => c.checkMessage(ctx.bulkId)],
  ["delivery", "delivery", "read", (c, ctx) => c.delivery(ctx.bulkId)],
  ["inboxList", "inboxlist", "read", (c) => c.inboxList()],
  ["credit", "credit", "read", (c) => c.credit()],
  ["newUser", "newuser", "newuser", (c) => c.newUser({
    username: `fault-user-${process.pid}-${++userSeq}`, password: "new-pass-1234", name: "Test User",
    nationalId: "0012345678", accessId: 1, mobile: "09121234567",
  })],
  ["accessList", "accesslist", "read", (c) => c.accessList()],
];

/** Starts a quiet sandbox on 127.0.0.1 and makes one send so `ctx.bulkId` exists. */
export async function sandboxWithBulk() {
  const sandbox = await startSandbox({ port: 0, quiet: true });
  const ctx = { sandbox, bulkId: await seedBulk(sandbox.url) };
  return ctx;
}

/** One send with plain fetch (not the client under test); its bulk id. */
export async function seedBulk(url) {
  const body = new URLSearchParams({ ...{ uname: DEMO.username, pass: DEMO.password }, op: "send", from: LINE, to: '["+989121111111"]', message: "seed" });
  const answer = await (await fetch(`${url}/services.jspd`, { method: "POST", body })).json();
  assert.equal(answer[0], 0, `seed send: ${JSON.stringify(answer)}`);
  return answer[1];
}

/**
 * Closes sandboxes (all of them, so a failure cannot leave one holding the process open), then
 * fails if any request they got broke a strict rule (sandbox/strict.mjs): the strict sandbox
 * answers such a request with a 400 that a test might expect or swallow, so each suite also
 * checks the list at its end.
 */
export async function closeChecked(...sandboxes) {
  await Promise.all(sandboxes.map((sandbox) => sandbox.close()));
  for (const sandbox of sandboxes) {
    assert.deepEqual(sandbox.violations, [], "every request the client made is one a correct client sends");
  }
}

/** What reached a sandbox so far: its request log and the demo account's ledger. */
export async function traffic(sandbox) {
  const requests = await (await fetch(`${sandbox.url}/__sandbox/requests`)).json();
  const ledger = await (await fetch(`${sandbox.url}/__sandbox/ledger?uname=demo`)).json();
  return { requests: requests.length, sends: ledger.length };
}

/** Resets the sandbox (state and fault counters) and seeds a fresh bulk. */
export async function resetSandbox(ctx) {
  await fetch(`${ctx.sandbox.url}/__sandbox/reset`, { method: "POST" });
  ctx.bulkId = await seedBulk(ctx.sandbox.url);
}

/**
 * A fetch that counts attempts, records when each started, and adds the sandbox's
 * `x-sandbox-fault` header while `fault` is set, so one Client can meet a fault and then a
 * healthy service.
 */
/**
 * What a call of the Client's `fetch` option carries. The Client calls it as fetch is called
 * with a built request, `fetch(request)`; a plain `fetch(url, init)` is read too.
 */
export async function requestParts(input, init) {
  if (input instanceof Request) return { url: input.url, body: await input.clone().text(), headers: new Headers(input.headers) };
  return { url: String(input), body: init?.body ?? "", headers: new Headers(init?.headers) };
}

export function switchableFetch() {
  const sw = {
    fault: null,
    starts: [],
    urls: [],
    fetch: (input, init) => {
      sw.starts.push(performance.now());
      const request = new Request(input, init);
      sw.urls.push(request.url);
      if (sw.fault) request.headers.set("x-sandbox-fault", sw.fault);
      return fetch(request);
    },
  };
  return sw;
}

/** Awaits a promise that must reject with an IppanelError; returns the error. */
export async function rejection(promise) {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof IppanelError && err instanceof Error, `not an IppanelError: ${err?.stack ?? err}`);
    return err;
  }
  assert.fail("expected a rejection");
}
