// The settings panel: direct mode (the wasm client, with base URL, account and line) or Worker
// mode (the Worker's URL), applied to every panel.

import { T } from "../lib/text.js";
import { t } from "../lib/i18n.js";
import { $, render, tid } from "../lib/dom.js";
import { ProxyFailure, errorBox, okBox } from "../lib/ui.js";
import { defaults, makeClient, state } from "../lib/state.js";
import { refreshCredit } from "./credit.js";

function fillSettingsForm() {
  const form = $("#settings-form");
  form.elements.mode.value = state.settings.mode;
  form.elements.baseUrl.value = state.settings.baseUrl;
  form.elements.username.value = state.settings.username;
  form.elements.password.value = state.settings.password;
  form.elements.from.value = state.settings.from;
  form.elements.proxyUrl.value = state.settings.proxyUrl;
  form.dataset.mode = state.settings.mode;
}

function applySettingsFromForm() {
  const f = $("#settings-form").elements;
  const next = {
    mode: f.mode.value === "proxy" ? "proxy" : "direct",
    baseUrl: f.baseUrl.value.trim().replace(/\/+$/, ""),
    username: f.username.value.trim(),
    password: f.password.value,
    from: f.from.value.trim(),
    proxyUrl: f.proxyUrl.value.trim().replace(/\/+$/, ""),
  };
  Object.assign(state.settings, next);
  setMode(state.settings.mode);
  makeClient();
  drawSettingsSummary();
}

function setMode(mode) {
  document.body.classList.toggle("mode-proxy", mode === "proxy");
  document.body.classList.toggle("mode-direct", mode !== "proxy");
  drawModeBadge();
}

/** The header's badge: Edge API, or the legacy API's direct or Worker mode. */
export function drawModeBadge() {
  const badge = tid("mode-badge");
  const mode = state.api === "edge" ? "edge" : state.settings.mode;
  badge.dataset.mode = mode;
  badge.textContent = t(mode === "edge" ? "badgeEdge" : mode === "proxy" ? "badgeProxy" : "badgeDirect");
}

function drawSettingsSummary() {
  let text;
  if (state.settings.mode === "proxy") {
    text = state.settings.proxyUrl || "—";
  } else {
    let host = state.settings.baseUrl;
    try { host = new URL(state.settings.baseUrl).host + new URL(state.settings.baseUrl).pathname.replace(/\/$/, ""); } catch { /* keep */ }
    text = `${state.settings.username || "—"} @ ${host} · ${state.settings.from || "—"}`;
  }
  tid("settings-summary").textContent = text;
}

function onApply(e) {
  e.preventDefault();
  const form = $("#settings-form");
  const out = tid("settings-out");
  try {
    if (form.elements.mode.value !== "proxy") {
      try { new URL(form.elements.baseUrl.value.trim()); } catch {
        throw new ProxyFailure({ kind: "input", code: null, message: T.en.badBaseUrl, messageFa: T.fa.badBaseUrl });
      }
    }
    applySettingsFromForm();
    render(out, () => okBox(t("settingsApplied")));
    refreshCredit();
  } catch (err) {
    render(out, () => errorBox(err));
  }
}

function onReset() {
  Object.assign(state.settings, defaults());
  fillSettingsForm();
  setMode(state.settings.mode);
  makeClient();
  drawSettingsSummary();
  render(tid("settings-out"), () => okBox(t("settingsApplied")));
  refreshCredit();
}

export function init() {
  Object.assign(state.settings, defaults());
  fillSettingsForm();
  setMode(state.settings.mode);
  makeClient();
  drawSettingsSummary();
  if (!state.config.sandboxUrl) $("#settings").open = true;

  const form = $("#settings-form");
  form.addEventListener("submit", onApply);
  for (const r of document.querySelectorAll('input[name="mode"]')) {
    r.addEventListener("change", () => { form.dataset.mode = form.elements.mode.value; });
  }
  tid("settings-reset").addEventListener("click", onReset);
}
