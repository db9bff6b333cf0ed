// Edge mode: the panels of #edge-app over ippanel-wasm/edge's EdgeClient. panels/api.js imports
// this module the first time Edge mode is chosen; importing it loads the Edge entry and its
// wasm (through panels/edge/state.js), which the legacy mode never does.

import * as settingsPanel from "./settings.js";
import * as creditPanel from "./credit.js";
import * as sendPanel from "./send.js";
import * as deliveryPanel from "./delivery.js";
import * as patternsPanel from "./patterns.js";
import * as inboxPanel from "./inbox.js";
import * as linesPanel from "./lines.js";
import { t } from "../../lib/i18n.js";

// Settings first: it makes the client the other panels use.
const PANELS = [settingsPanel, creditPanel, sendPanel, deliveryPanel, patternsPanel, inboxPanel, linesPanel];

export function init() {
  for (const panel of PANELS) panel.init();
  // Their static words, as app.js's applyLanguage sets them for the rest of the page.
  for (const el of document.querySelectorAll("#edge-app [data-i18n]")) el.textContent = t(el.dataset.i18n);
  document.body.dataset.edgeReady = "1";
}

/** Called on every switch to Edge mode: the credit is (re)loaded, as the legacy one is. */
export function activate() {
  return creditPanel.refreshEdgeCredit();
}
