// What the Edge panels share: their settings (base URL, API key, sender line) and the
// EdgeClient made from them. This module is the only one importing "ippanel-wasm/edge", and it
// is reached only through panels/edge/index.js, which panels/api.js imports on demand.

import { EdgeClient } from "ippanel-wasm/edge";
import { fmt, lang, t } from "../../lib/i18n.js";
import { h } from "../../lib/dom.js";
import { okBox } from "../../lib/ui.js";
import { state } from "../../lib/state.js";

export const edge = {
  /** The current Edge settings. The key lives only here and in its (type=password) field. */
  settings: { baseUrl: "", apiKey: "", from: "" },
  /** The EdgeClient, remade whenever the settings are applied; null when they are refused. */
  client: null,
  /** Why the settings were refused (the constructor's `input` error), thrown by client(). */
  clientError: null,
};

export function edgeDefaults() {
  const { config } = state;
  return {
    baseUrl: config.edgeBaseUrl || "https://edge.ippanel.com/v1",
    apiKey: config.edgeApiKey || "",
    from: (config.edgeSenders && config.edgeSenders[0]) || (config.senders && config.senders[0]) || "",
  };
}

/** Makes the EdgeClient from the settings; throws (and keeps) the constructor's error. */
export function makeEdgeClient() {
  const { apiKey, baseUrl } = edge.settings;
  try {
    edge.client = new EdgeClient({ apiKey, baseUrl });
    edge.clientError = null;
  } catch (err) {
    // The old client is not freed: a delivery watch may still be polling with it.
    edge.client = null;
    edge.clientError = err;
    throw err;
  }
}

/** The EdgeClient to call, or the error that refused the settings. */
export function client() {
  if (!edge.client) throw edge.clientError;
  return edge.client;
}

/** A unix-second time of the service, in the page's language (Tehran time). */
export function when(unix) {
  if (!Number.isFinite(unix)) return "—";
  return new Date(unix * 1000).toLocaleString(lang === "fa" ? "fa-IR" : "en-US", { timeZone: "Asia/Tehran" });
}

/** "Sent. Outbox id(s): 1123544244" (a send's `messageOutboxIds`). */
export function sentIdsBox(ids) {
  return okBox(
    h("span", {}, t("sent"), " "),
    h("span", {}, `${t("outboxIds", { n: fmt(ids.length) })}: `),
    h("span", { class: "ids", "data-testid": "edge-outbox-ids", dataset: { count: String(ids.length) } },
      ids.map((id) => h("code", { "data-testid": "edge-outbox-id", dir: "ltr" }, id))),
  );
}
