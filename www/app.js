// The ippanel-wasm demo page. Plain ES modules, no framework, no build step: each panel is a
// module under panels/, the shared pieces are under lib/, and everything the page does with
// the service goes through the names the package exports (or, in Worker mode, the Worker's
// JSON API over plain fetch). Edge mode (panels/edge/, the ippanel-wasm/edge entry) is
// imported by panels/api.js only when it is chosen.

import { $, h, redrawAll, tid } from "./lib/dom.js";
import { lang, setLang, t } from "./lib/i18n.js";
import { loadConfig, state } from "./lib/state.js";
import * as apiSwitch from "./panels/api.js";
import * as settingsPanel from "./panels/settings.js";
import * as creditPanel from "./panels/credit.js";
import * as verifyPanel from "./panels/verify.js";
import * as sendPanel from "./panels/send.js";
import * as deliveryPanel from "./panels/delivery.js";
import * as patternPanel from "./panels/pattern.js";
import * as bulkPanel from "./panels/bulk.js";
import * as inboxPanel from "./panels/inbox.js";
import * as booksPanel from "./panels/books.js";
import * as jobsPanel from "./panels/jobs.js";
import * as postalPanel from "./panels/postal.js";
import * as accessPanel from "./panels/access.js";

// Settings first: it makes the client the other panels use.
const PANELS = [apiSwitch, settingsPanel, creditPanel, verifyPanel, sendPanel, deliveryPanel, patternPanel, bulkPanel,
  inboxPanel, booksPanel, jobsPanel, postalPanel, accessPanel];

function applyLanguage(next) {
  setLang(next);
  const root = document.documentElement;
  root.lang = lang;
  root.dir = lang === "fa" ? "rtl" : "ltr";
  document.title = t("title");
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll("[data-i18n-placeholder]")) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of document.querySelectorAll("[data-i18n-aria-label]")) el.setAttribute("aria-label", t(el.dataset.i18nAriaLabel));
  for (const el of document.querySelectorAll("[data-i18n-title]")) el.title = t(el.dataset.i18nTitle);
  const toggle = tid("lang-toggle");
  toggle.textContent = t("switchLang");
  toggle.setAttribute("aria-label", t("switchLangLabel"));
  toggle.lang = lang === "fa" ? "en" : "fa";
  settingsPanel.drawModeBadge();
  creditPanel.drawCredit();
  deliveryPanel.drawDelivery();
  deliveryPanel.drawWatchState();
  redrawAll();
}

async function start() {
  await loadConfig();
  $("#senders").replaceChildren(...(state.config.senders ?? []).map((s) => h("option", { value: s })));
  for (const panel of PANELS) panel.init();
  tid("lang-toggle").addEventListener("click", () => applyLanguage(lang === "fa" ? "en" : "fa"));

  applyLanguage(lang);
  $("#boot").hidden = true;
  $("#app").hidden = false;
  const api = apiSwitch.pickApi();
  if (api === "edge" && (await apiSwitch.setApi("edge", { initial: true }))) {
    document.body.dataset.ready = "1";
    return;
  }
  await apiSwitch.setApi("legacy", { initial: true });
  document.body.dataset.ready = "1";
  await creditPanel.refreshCredit();
}

start();
