// The Edge settings: base URL ({sandbox}/edge/v1 with the sandbox), API key and sender line.

import { T } from "../../lib/text.js";
import { t } from "../../lib/i18n.js";
import { $, h, render, tid } from "../../lib/dom.js";
import { ProxyFailure, errorBox, okBox } from "../../lib/ui.js";
import { edge, edgeDefaults, makeEdgeClient } from "./state.js";
import { refreshEdgeCredit } from "./credit.js";

function fillForm() {
  const f = $("#edge-settings-form").elements;
  f.baseUrl.value = edge.settings.baseUrl;
  f.apiKey.value = edge.settings.apiKey;
  f.from.value = edge.settings.from;
}

function drawSummary() {
  let host = edge.settings.baseUrl;
  try { const u = new URL(host); host = u.host + u.pathname.replace(/\/$/, ""); } catch { /* keep */ }
  // The key itself is never shown, only whether there is one.
  tid("edge-settings-summary").textContent = `${edge.settings.apiKey ? "***" : "—"} @ ${host} · ${edge.settings.from || "—"}`;
}

/** Fills the sender line's suggestions (the served lines, then the account's from numbers()). */
export function setSenders(numbers) {
  $("#edge-senders").replaceChildren(...[...new Set(numbers)].map((n) => h("option", { value: n })));
}

/** Applies `next`; a refused setting (bad URL, empty key) shows its error here. */
function apply(next) {
  const out = tid("edge-settings-out");
  try {
    try { new URL(next.baseUrl); } catch {
      throw new ProxyFailure({ kind: "input", op: "EdgeClient", message: T.en.badBaseUrl, messageFa: T.fa.badBaseUrl });
    }
    Object.assign(edge.settings, next);
    drawSummary();
    makeEdgeClient();
    render(out, () => okBox(t("settingsApplied")));
    return true;
  } catch (err) {
    render(out, () => errorBox(err));
    return false;
  }
}

function onApply(e) {
  e.preventDefault();
  const f = $("#edge-settings-form").elements;
  if (apply({ baseUrl: f.baseUrl.value.trim().replace(/\/+$/, ""), apiKey: f.apiKey.value, from: f.from.value.trim() })) {
    refreshEdgeCredit();
  }
}

function onReset() {
  const next = edgeDefaults();
  Object.assign(edge.settings, next);
  fillForm();
  if (apply(next)) refreshEdgeCredit();
}

export function init() {
  Object.assign(edge.settings, edgeDefaults());
  fillForm();
  drawSummary();
  setSenders(edge.settings.from ? [edge.settings.from] : []);
  try { makeEdgeClient(); } catch (err) { render(tid("edge-settings-out"), () => errorBox(err)); }
  // Without a served key (no sandbox) the settings are where to start.
  if (!edge.settings.apiKey) $("#edge-settings").open = true;
  $("#edge-settings-form").addEventListener("submit", onApply);
  tid("edge-settings-reset").addEventListener("click", onReset);
}
