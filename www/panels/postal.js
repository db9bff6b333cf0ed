// The postal-code panel: client.postalCodeArea, postalCodeCount and postalCodeSend.

import { h, render, tid } from "../lib/dom.js";
import { t } from "../lib/i18n.js";
import { state } from "../lib/state.js";
import { infoBox, run, sentBox, showCount } from "../lib/ui.js";
import { refreshCredit } from "./credit.js";

async function loadAreas() {
  const out = tid("postal-out");
  const list = await run(out, tid("postal-load"), () => state.client.postalCodeArea());
  if (!list) return;
  render(out, () => list.length
    // Areas are shown for reference only: postalCodeCount/Send need a full 10-digit postal code.
    ? h("div", { class: "chips", "data-testid": "postal-areas" }, list.slice(0, 40).map((a) => h("span", {
      class: "chip",
    }, h("span", {}, a.name), " ", h("small", { dir: "ltr" }, a.code))))
    : infoBox(t("emptyList")));
}

function postalReq() {
  return { postalCode: tid("postal-code").value.trim(), operator: tid("postal-operator").value, gender: tid("postal-gender").value };
}

async function onPostalCount() {
  const out = tid("postal-out");
  const n = await run(out, tid("postal-count"), () => state.client.postalCodeCount(postalReq()));
  if (n !== undefined) showCount(tid("postal-count-value"), n);
}

async function onPostalSend(e) {
  e.preventDefault();
  const out = tid("postal-out");
  const res = await run(out, tid("postal-submit"), () => state.client.postalCodeSend({
    from: state.settings.from, message: tid("postal-message").value, ...postalReq(),
  }));
  if (res) { render(out, () => sentBox(res.bulkId)); refreshCredit(); }
}

export function init() {
  tid("postal-load").addEventListener("click", loadAreas);
  tid("postal-count").addEventListener("click", onPostalCount);
  document.querySelector("#postal-form").addEventListener("submit", onPostalSend);
  tid("postal-message").value = "ippanel-wasm";
}
