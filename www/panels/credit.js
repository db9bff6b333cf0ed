// The credit panel: the account's credit, through the wasm client or the Worker's GET /api/credit.

import { fmt, t } from "../lib/i18n.js";
import { tid } from "../lib/dom.js";
import { run } from "../lib/ui.js";
import { proxyCall, state } from "../lib/state.js";

let creditValue = null;

export function drawCredit() {
  const el = tid("credit-value");
  if (creditValue === null) {
    el.textContent = "—";
    delete el.dataset.value;
  } else {
    el.textContent = `${fmt(creditValue)} ${t("rials")}`;
    el.dataset.value = String(creditValue);
  }
}

export async function refreshCredit() {
  const out = tid("credit-out");
  const value = await run(out, tid("credit-refresh"), async () => {
    if (state.settings.mode === "proxy") {
      const body = await proxyCall("/api/credit");
      return Number(body.credit);
    }
    return await state.client.credit();
  });
  if (value !== undefined) {
    creditValue = value;
  }
  drawCredit();
  tid("credit-value").dataset.state = value === undefined ? "error" : "ok";
}

export function init() {
  tid("credit-refresh").addEventListener("click", refreshCredit);
}
