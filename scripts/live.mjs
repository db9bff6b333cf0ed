// `make live`: an opt-in smoke test of the built package against the real ippanel service,
// which the sandbox can only imitate. Never part of `make test`: it needs a real account, and
// with IPPANEL_LIVE_TO it sends a real SMS that costs money.
//
//   IPPANEL_USER, IPPANEL_PASS   a legacy account (username and password): the main entry's Client
//   IPPANEL_URL                  another origin for it (a reseller's host, or a sandbox to try this script)
//   IPPANEL_API_KEY              an Edge API key: the ippanel-wasm/edge entry's EdgeClient
//   IPPANEL_EDGE_URL             another base URL for it (default https://edge.ippanel.com/v1)
//   IPPANEL_LIVE_TO              one recipient: also send one SMS to it (through each API given)
//                                and follow its delivery
//   IPPANEL_LIVE_FROM            the sender line for that SMS (required with IPPANEL_LIVE_TO)
//   IPPANEL_LIVE_WAIT_MS         how long to follow delivery; default 60000
//
// At least one of the two accounts is required (without either this exits 2).
// Exit status: 0 when every step passed, 1 when one failed, 2 when it could not start.
import { existsSync } from "node:fs";

const env = process.env;
const entry = new URL("../pkg/node.mjs", import.meta.url);
const edgeEntry = new URL("../pkg/edge.node.mjs", import.meta.url);

function stop(message) {
  console.error(`live: ${message}`);
  process.exit(2);
}

const legacy = Boolean(env.IPPANEL_USER && env.IPPANEL_PASS);
const edge = Boolean(env.IPPANEL_API_KEY);
if (!legacy && !edge) {
  stop("IPPANEL_USER and IPPANEL_PASS are not set, nor IPPANEL_API_KEY, so nothing was tested. This smoke test talks to the real service with a real account; set a username and password (the legacy API), an API key (the Edge API) or both (and IPPANEL_LIVE_TO plus IPPANEL_LIVE_FROM to also send one SMS).");
}
if (env.IPPANEL_LIVE_TO && !env.IPPANEL_LIVE_FROM) {
  stop("IPPANEL_LIVE_TO is set but IPPANEL_LIVE_FROM (the sender line) is not.");
}
if (!existsSync(entry)) stop("pkg/ is missing: run `make pkg` first.");

const { Client, IppanelError, normalizeMobile } = await import(entry.href);

let to;
if (env.IPPANEL_LIVE_TO) {
  try {
    to = normalizeMobile(env.IPPANEL_LIVE_TO);
  } catch (err) {
    stop(`IPPANEL_LIVE_TO: ${err.message}`);
  }
}

let failures = 0;

/** The error's own fields, which the package keeps free of the password. */
function describe(err) {
  if (!(err instanceof IppanelError)) return `unexpected ${err?.name ?? typeof err}: ${err?.message ?? err}`;
  const code = err.code === null ? "" : ` code ${err.code}`;
  const status = err.status === null ? "" : ` HTTP ${err.status}`;
  return `${err.kind}${code}${status}: ${err.message}`;
}

/**
 * Runs one step and prints its outcome. `tolerated(err)` names service answers that still
 * prove the exchange works (an account without reseller access, say); they pass with a note.
 */
async function step(name, run, tolerated = () => false) {
  const started = performance.now();
  const took = () => `${Math.round(performance.now() - started)} ms`;
  try {
    const summary = await run();
    console.log(`  ok    ${name} (${took()}): ${summary}`);
    return true;
  } catch (err) {
    if (err instanceof IppanelError && tolerated(err)) {
      console.log(`  ok    ${name} (${took()}): the service answered ${describe(err)}`);
      return true;
    }
    failures += 1;
    console.log(`  FAIL  ${name} (${took()}): ${describe(err)}`);
    return false;
  }
}

const count = (list, what) => `${list.length} ${what}`;
// Codes that mean "this account may not do that" (963 invalid access, 964 not a reseller).
const noAccess = (err) => err.kind === "api" && (err.code === 963 || err.code === 964);

async function live() {
  const client = new Client({ username: env.IPPANEL_USER, password: env.IPPANEL_PASS, baseUrl: env.IPPANEL_URL || undefined });
  console.log(`live: ${client.toJSON().baseUrl} as ${client.toJSON().username}`);
  const loggedIn = await step("credit", async () => `${await client.credit()} rials`);
  if (loggedIn) {
    await step("inboxList", async () => count(await client.inboxList(), "messages"));
    await step("bookList", async () => count(await client.bookList(), "phonebooks"));
    await step("accessList", async () => count(await client.accessList(), "access packages"), noAccess);
  }
  if (loggedIn && to) {
    const message = `ippanel-wasm live test ${new Date().toISOString()}`;
    let bulkId;
    const sent = await step(`send to ${to}`, async () => {
      ({ bulkId } = await client.send({ from: env.IPPANEL_LIVE_FROM, to, message }));
      return `bulkId ${bulkId}`;
    });
    if (sent) {
      await step("checkMessage", async () => {
        const { status, approval } = await client.checkMessage(bulkId);
        return `${status}, ${approval}`;
      });
      await step("waitForDelivery", async () => describeEntries(await client.waitForDelivery(bulkId, waitOptions())));
    }
  } else if (loggedIn) {
    console.log("  skip  send: IPPANEL_LIVE_TO is not set");
  }
  client.free();
}

/** The Edge API with an API key: credit and lines always, a send only when asked. */
async function liveEdge() {
  if (!existsSync(edgeEntry)) stop("pkg/edge.node.mjs is missing: run `make pkg` first.");
  const { EdgeClient } = await import(edgeEntry.href);
  const client = new EdgeClient({ apiKey: env.IPPANEL_API_KEY, baseUrl: env.IPPANEL_EDGE_URL || undefined });
  console.log(`live: ${client.toJSON().baseUrl} with an API key`);
  const loggedIn = await step("edge credit", async () => `${(await client.credit()).credit} rials`);
  if (loggedIn) {
    await step("edge numbers", async () => count((await client.numbers()).items, "lines"));
    await step("edge inbox", async () => count((await client.inbox()).items, "messages"));
  }
  if (loggedIn && to) {
    const message = `ippanel-wasm live test (Edge) ${new Date().toISOString()}`;
    let id;
    const sent = await step(`edge send to ${to}`, async () => {
      [id] = (await client.send({ from: env.IPPANEL_LIVE_FROM, to, message })).messageOutboxIds;
      return `outbox id ${id}`;
    });
    if (sent) {
      await step("edge bulk", async () => {
        const item = await client.bulk(id);
        return `${item.state} (state ${item.stateId}), ${item.status}`;
      });
      await step("edge waitForDelivery", async () => describeEntries(await client.waitForDelivery(id, waitOptions())));
    }
  } else if (loggedIn) {
    console.log("  skip  edge send: IPPANEL_LIVE_TO is not set");
  }
  client.free();
}

function waitOptions() {
  const timeoutMs = Number(env.IPPANEL_LIVE_WAIT_MS) || 60_000;
  return { intervalMs: Math.min(5_000, Math.max(250, timeoutMs / 10)), timeoutMs };
}

function describeEntries(entries) {
  return entries.map((e) => `${e.recipient} ${e.status}`).join(", ") || "no entries yet";
}

for (const [wanted, run] of [[legacy, live], [edge, liveEdge]]) {
  if (!wanted) continue;
  try {
    await run();
  } catch (err) {
    stop(describe(err));
  }
}

console.log(failures === 0 ? "live: all steps passed" : `live: ${failures} step(s) failed`);
process.exit(failures === 0 ? 0 : 1);
