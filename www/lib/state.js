// What every panel shares: the served config, the current settings, the wasm client (direct
// mode) and proxyCall (Worker mode: the Worker's JSON API over plain fetch).

import { Client } from "ippanel-wasm";
import { T } from "./text.js";
import { ProxyFailure } from "./ui.js";

export const state = {
  /** /config.json from scripts/serve-demo.mjs, over these defaults. */
  config: {
    sandboxUrl: null, baseUrl: "https://ippanel.com", demoUser: "", demoPass: "",
    senders: ["3000505"], proxyUrl: "", pollIntervalMs: 2000,
    edgeBaseUrl: "https://edge.ippanel.com/v1", edgeApiKey: "", edgeSenders: [],
  },
  /** The current settings. The password lives only here and in its (type=password) field. */
  settings: { mode: "direct", baseUrl: "", username: "", password: "", from: "", proxyUrl: "" },
  /** The ippanel-wasm client for direct mode, remade whenever the settings change. */
  client: null,
  /** Which API the page uses: "legacy" (the panels above) or "edge" (panels/edge/, loaded on demand). */
  api: "legacy",
};

export async function loadConfig() {
  try {
    const res = await fetch("/config.json", { cache: "no-store" });
    if (res.ok) state.config = { ...state.config, ...(await res.json()) };
  } catch { /* served without serve-demo.mjs: keep the defaults */ }
}

export function defaults() {
  const { config } = state;
  return {
    mode: "direct",
    baseUrl: config.baseUrl || config.sandboxUrl || "https://ippanel.com",
    username: config.demoUser || "",
    password: config.demoPass || "",
    from: (config.senders && config.senders[0]) || "",
    proxyUrl: config.proxyUrl || "",
  };
}

export function makeClient() {
  const { username, password, baseUrl } = state.settings;
  state.client = new Client({ username, password, baseUrl });
}

/**
 * One call to the Worker's JSON API. Resolves with the body of a 2xx answer that is not an
 * error; throws a ProxyFailure (kind, code, both messages, HTTP status, Retry-After) otherwise.
 * `allow` lists other statuses whose body is an answer, not an error (check's 429).
 */
export async function proxyCall(path, init = {}, { allow = [] } = {}) {
  const base = state.settings.proxyUrl;
  if (!base) throw new ProxyFailure({ kind: "input", message: T.en.noProxy, messageFa: T.fa.noProxy });
  let res;
  try {
    res = await fetch(base + path, {
      ...init,
      headers: { Accept: "application/json", ...(init.body ? { "Content-Type": "application/json" } : {}) },
    });
  } catch (err) {
    if (init.signal?.aborted) throw err;
    throw new ProxyFailure({ kind: "network", message: T.en.proxyNetwork, messageFa: T.fa.proxyNetwork });
  }
  let body = null;
  try { body = await res.json(); } catch { /* not JSON */ }
  if ((res.ok || allow.includes(res.status)) && body && !body.error) return body;
  if (body && body.error && typeof body.error === "object") {
    const e = body.error;
    const retry = Number(res.headers.get("Retry-After"));
    throw new ProxyFailure({
      kind: e.kind ?? "http", code: e.code ?? null, message: e.message ?? `HTTP ${res.status}`,
      messageFa: e.messageFa ?? e.message ?? `HTTP ${res.status}`, status: res.status,
      retryAfter: Number.isFinite(retry) && retry > 0 ? retry : null,
    });
  }
  throw new ProxyFailure({ kind: "protocol", message: T.en.proxyBad, messageFa: T.fa.proxyBad, status: res.status });
}
