// The API switch: the legacy API (the package's Client, username/password: every panel of
// #legacy-app) or the Edge API (ippanel-wasm/edge's EdgeClient, an API key: #edge-app). The
// Edge mode's modules (panels/edge/), and with them the Edge entry and its wasm, are imported
// the first time Edge mode is chosen, never before: the legacy mode fetches none of them.

import { T } from "../lib/text.js";
import { t } from "../lib/i18n.js";
import { $, clear, render, tid } from "../lib/dom.js";
import { ProxyFailure, errorBox, infoBox } from "../lib/ui.js";
import { state } from "../lib/state.js";
import { refreshCredit } from "./credit.js";
import { drawModeBadge } from "./settings.js";

const KEY = "ippanel-demo-api";

/** The Edge mode's module (panels/edge/index.js) once loaded, and its loading promise. */
let edgeMode = null;
let edgeLoading = null;
/** The API last asked for: a slow Edge load must not undo a switch back made meanwhile. */
let wanted = "legacy";

/** ?api=edge|legacy first, then the last choice on this browser, else the legacy API. */
export function pickApi() {
  const q = new URLSearchParams(location.search).get("api");
  if (q === "edge" || q === "legacy") return q;
  try {
    const saved = localStorage.getItem(KEY);
    if (saved === "edge" || saved === "legacy") return saved;
  } catch { /* storage may be disabled */ }
  return "legacy";
}

function loadEdge() {
  edgeLoading ??= import("./edge/index.js").then((m) => {
    m.init();
    edgeMode = m;
    return m;
  }, (err) => {
    edgeLoading = null; // a later switch tries again
    throw new ProxyFailure({
      kind: "unexpected", op: "import",
      message: `${T.en.edgeLoadFailed} (${err?.message ?? err})`, messageFa: T.fa.edgeLoadFailed,
    });
  });
  return edgeLoading;
}

function markRadios(api) {
  for (const r of document.querySelectorAll('input[name="api"]')) r.checked = r.value === api;
}

function show(api) {
  state.api = api;
  $("#legacy-app").hidden = api === "edge";
  $("#edge-app").hidden = api !== "edge";
  document.body.dataset.api = api;
  tid("api-switch").dataset.api = api;
  drawModeBadge();
  try { localStorage.setItem(KEY, api); } catch { /* ignore */ }
  const url = new URL(location.href);
  if (url.searchParams.has("api")) {
    url.searchParams.set("api", api);
    history.replaceState(null, "", url);
  }
}

/**
 * Switches the page to `api` ("legacy" or "edge"), loading the Edge mode first when needed.
 * `initial`: the page is starting (the legacy credit is then loaded by app.js).
 */
export async function setApi(api, { initial = false } = {}) {
  const out = tid("api-out");
  const box = tid("api-switch");
  wanted = api;
  markRadios(api);
  if (api === "edge") {
    if (!edgeMode) {
      box.setAttribute("aria-busy", "true");
      render(out, () => infoBox(t("edgeLoading")));
      try {
        await loadEdge();
      } catch (err) {
        if (wanted !== "edge") return false;
        render(out, () => errorBox(err));
        wanted = state.api;
        markRadios(state.api);
        return false;
      } finally {
        box.removeAttribute("aria-busy");
      }
      if (wanted !== "edge") return false;
    }
    clear(out);
    show("edge");
    edgeMode.activate(); // loads the Edge credit; its panel shows how that went
  } else {
    clear(out);
    show("legacy");
    if (!initial) await refreshCredit();
  }
  return true;
}

export function init() {
  state.api = "legacy";
  for (const r of document.querySelectorAll('input[name="api"]')) {
    r.addEventListener("change", () => { if (r.checked) setApi(r.value); });
  }
}
