// The pattern panel: client.sendPattern with a pattern code and variable rows.

import { $, h, render, tid } from "../lib/dom.js";
import { t } from "../lib/i18n.js";
import { validateSingle } from "../lib/recipients.js";
import { state } from "../lib/state.js";
import { run, sentBox } from "../lib/ui.js";
import { refreshCredit } from "./credit.js";
import { startWatch } from "./delivery.js";

function addVarRow(key = "", value = "") {
  const box = $("#pattern-vars");
  const n = box.children.length + 1;
  const keyId = `pv-k-${Date.now()}-${n}`;
  const valId = `pv-v-${Date.now()}-${n}`;
  const row = h("div", { class: "var-row", "data-testid": "pattern-var-row" },
    h("label", { class: "sr-only", for: keyId, "data-i18n": "varName" }, t("varName")),
    h("input", { id: keyId, dir: "ltr", spellcheck: "false", value: key, placeholder: t("varName"), "data-i18n-placeholder": "varName", "data-testid": "pattern-var-key" }),
    h("label", { class: "sr-only", for: valId, "data-i18n": "varValue" }, t("varValue")),
    h("input", { id: valId, dir: "auto", value, placeholder: t("varValue"), "data-i18n-placeholder": "varValue", "data-testid": "pattern-var-value" }),
    h("button", {
      type: "button", class: "icon secondary", "aria-label": t("removeVar"), title: t("removeVar"),
      "data-i18n-aria-label": "removeVar", "data-i18n-title": "removeVar", "data-testid": "pattern-var-remove",
      onclick: () => row.remove(),
    }, "×"),
  );
  box.append(row);
  return row;
}

async function onPattern(e) {
  e.preventDefault();
  const values = {};
  for (const row of document.querySelectorAll('[data-testid="pattern-var-row"]')) {
    const k = tid("pattern-var-key", row).value.trim();
    if (k) values[k] = tid("pattern-var-value", row).value;
  }
  const out = tid("pattern-out");
  const res = await run(out, tid("pattern-submit"), () => state.client.sendPattern({
    from: state.settings.from,
    to: tid("pattern-to").value.trim(),
    patternCode: tid("pattern-code").value.trim(),
    values,
  }));
  if (res) {
    render(out, () => sentBox(res.bulkId));
    startWatch(res.bulkId);
    refreshCredit();
  }
}

export function init() {
  tid("pattern-add-var").addEventListener("click", () => addVarRow().querySelector("input").focus());
  tid("pattern-to").addEventListener("input", () => validateSingle(tid("pattern-to"), tid("pattern-to-error")));
  $("#pattern-form").addEventListener("submit", onPattern);
  addVarRow("code", String(Math.floor(1000 + Math.random() * 9000)));
  tid("pattern-to").value = "09121234567";
}
