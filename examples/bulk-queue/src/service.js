// The ippanel client (one per isolate and settings), what each failure means for a batch,
// and the two test-only settings that inject crashes and faults on chosen batches.

import { Client, IppanelError } from "ippanel-wasm";

export function intVar(value, fallback, min = 0) {
  if (value === undefined || value === null || String(value).trim() === "") return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n >= min ? n : fallback;
}

export function settings(env) {
  return {
    username: env.IPPANEL_USERNAME ?? "",
    password: env.IPPANEL_PASSWORD ?? "",
    baseUrl: (env.IPPANEL_BASE_URL || "https://ippanel.com").replace(/\/+$/, ""),
    timeoutMs: intVar(env.IPPANEL_TIMEOUT_MS, 30000, 1),
    retries: intVar(env.IPPANEL_RETRIES, 2),
  };
}

const clients = new Map();

/**
 * The client for these settings, kept for the isolate's life (one wasm instance serves every
 * request and queue batch). `variant` keys the test-only clients below. Null without secrets.
 */
export function getClient(env, variant = "", make = (s) => new Client(s)) {
  const s = settings(env);
  if (!s.username || !s.password) return null;
  const key = JSON.stringify([s, variant]);
  let client = clients.get(key);
  if (!client) {
    client = make(s);
    clients.set(key, client);
  }
  return client;
}

/**
 * What a failed send means for its batch:
 * - `unknown`: the request may have reached the service (`mayHaveSent`); never sent again;
 * - `failed`: the service (or the client, before sending) refused it for good;
 * - `retry`: it failed before the request left this Worker; the queue tries again later.
 */
export function outcomeOf(err) {
  // The client rejects only with IppanelError; anything else says nothing about the request.
  if (!(err instanceof IppanelError) || err.mayHaveSent) return "unknown";
  if (["network", "timeout", "aborted"].includes(err.kind)) return "retry";
  return "failed"; // input, auth, api, and http/protocol answers that prove no send
}

/** The fields of an error worth keeping in the ledger (never a response body). */
export function errorRecord(err) {
  return {
    kind: String(err?.kind ?? "internal"),
    code: err?.code === null || err?.code === undefined ? null : String(err.code),
    message: String(err?.message ?? err).slice(0, 500),
  };
}

// ───────────── test-only settings (leave unset in production; README.md, "Tests") ─────────────

/** TEST_CRASH_AFTER_SEND="3,17": batches whose consumer throws right after the send returns. */
export function crashAfterSend(env, seq) {
  return list(env.TEST_CRASH_AFTER_SEND).includes(String(seq));
}

/** The error thrown by TEST_CRASH_AFTER_SEND, standing for an isolate that dies mid-batch. */
export class TestCrash extends Error {}

/**
 * TEST_FAULTS="4:http502,9:hang,12:before-dispatch*2": the fault for batch `seq` on delivery
 * `attempt`. A sandbox fault name goes into the base URL (`/__fault/<name>`); `before-dispatch`
 * makes the fetch fail before the request leaves. `*n` limits it to the first n deliveries.
 */
export function faultFor(env, seq, attempt) {
  for (const item of list(env.TEST_FAULTS)) {
    const m = item.match(/^(\d+):([a-z0-9-]+)(?:\*(\d+))?$/);
    if (m && Number(m[1]) === seq && (!m[3] || attempt <= Number(m[3]))) return m[2];
  }
  return null;
}

/** The client a batch uses: the normal one, or one suffering its test fault. */
export function clientFor(env, fault) {
  if (!fault) return getClient(env);
  if (fault === "before-dispatch") {
    return getClient(env, fault, (s) => new Client({
      ...s,
      // Thrown synchronously, so the client knows the request never left (mayHaveSent false),
      // as with a socket that fails while connecting.
      fetch: () => {
        throw new TypeError("Network connection lost (test fault: before dispatch)");
      },
    }));
  }
  return getClient(env, fault, (s) => new Client({ ...s, baseUrl: `${s.baseUrl}/__fault/${fault}` }));
}

function list(value) {
  return String(value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}
