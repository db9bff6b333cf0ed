// The Edge patterns panel: patterns() listed (each can be picked for the send below), and
// sendPattern({ from, to, patternCode, values }) with variable rows, its outbox id watched.

import { fmt, t } from "../../lib/i18n.js";
import { $, h, render, tid } from "../../lib/dom.js";
import { validateSingle } from "../../lib/recipients.js";
import { run, table } from "../../lib/ui.js";
import { client, edge, sentIdsBox } from "./state.js";
import { refreshEdgeCredit } from "./credit.js";
import { startEdgeWatch } from "./delivery.js";

const STATUS = { active: "pstActive", inactive: "pstInactive", pending: "pstPending" };
/** The patterns last loaded, by code: picking one fills its variable rows. */
let known = new Map();
let rowSeq = 0;

function varBox() {
  return tid("edge-pattern-vars");
}

function addVarRow(key = "", value = "") {
  const n = ++rowSeq;
  const keyId = `epv-k-${n}`;
  const valId = `epv-v-${n}`;
  const row = h("div", { class: "var-row", "data-testid": "edge-pattern-var-row" },
    h("label", { class: "sr-only", for: keyId, "data-i18n": "varName" }, t("varName")),
    h("input", { id: keyId, dir: "ltr", spellcheck: "false", value: key, placeholder: t("varName"), "data-i18n-placeholder": "varName", "data-testid": "edge-pattern-var-key" }),
    h("label", { class: "sr-only", for: valId, "data-i18n": "varValue" }, t("varValue")),
    h("input", { id: valId, dir: "auto", value, placeholder: t("varValue"), "data-i18n-placeholder": "varValue", "data-testid": "edge-pattern-var-value" }),
    h("button", {
      type: "button", class: "icon secondary", "aria-label": t("removeVar"), title: t("removeVar"),
      "data-i18n-aria-label": "removeVar", "data-i18n-title": "removeVar", "data-testid": "edge-pattern-var-remove",
      onclick: () => row.remove(),
    }, "×"),
  );
  varBox().append(row);
  return row;
}

/** Rows for the variables of `code`'s pattern (when it was loaded), keeping the values typed. */
function fillVarsFor(code) {
  const p = known.get(code);
  if (!p) return;
  const typed = new Map([...varBox().querySelectorAll('[data-testid="edge-pattern-var-row"]')].map((row) =>
    [tid("edge-pattern-var-key", row).value.trim(), tid("edge-pattern-var-value", row).value]));
  varBox().replaceChildren();
  for (const v of p.variable ?? []) addVarRow(v.name, typed.get(v.name) ?? "");
}

function pick(p) {
  tid("edge-pattern-code").value = p.patternCode;
  fillVarsFor(p.patternCode);
  const first = varBox().querySelector('[data-testid="edge-pattern-var-value"]') ?? tid("edge-pattern-to");
  first.focus();
}

async function loadPatterns() {
  const out = tid("edge-patterns-out");
  const page = await run(out, tid("edge-patterns-load"), () => client().patterns({ limit: 100 }));
  if (!page) return;
  const list = page.items;
  known = new Map(list.map((p) => [p.patternCode, p]));
  $("#edge-pattern-codes").replaceChildren(...list.map((p) => h("option", { value: p.patternCode })));
  render(out, () => [
    table("edge-patterns-table", [
      { label: "colCode", dir: "ltr", get: (p) => h("code", { "data-testid": "edge-pattern-row-code" }, p.patternCode) },
      { label: "colTitle", dir: "auto", get: (p) => p.title ?? "—" },
      { label: "statusWord", get: (p) => h("span", { class: `badge pst-${p.patternStatus}`, dataset: { status: p.patternStatus } },
        STATUS[p.patternStatus] ? t(STATUS[p.patternStatus]) : p.patternStatus) },
      { label: "colMessage", dir: "auto", get: (p) => p.patternMessage },
      { label: "variables", dir: "ltr", get: (p) => (p.variable ?? []).map((v) => v.name).join(", ") || "—" },
      { label: "colUse", get: (p) => h("button", {
        type: "button", class: "secondary small", "data-testid": "edge-pattern-use",
        "aria-label": t("usePatternLabel", { code: p.patternCode }), onclick: () => pick(p),
      }, t("usePattern")) },
    ], list),
    list.length ? h("p", { class: "help" }, t("loaded", { n: fmt(page.total ?? list.length) })) : null,
  ].filter(Boolean));
}

async function onSend(e) {
  e.preventDefault();
  const values = {};
  for (const row of varBox().querySelectorAll('[data-testid="edge-pattern-var-row"]')) {
    const k = tid("edge-pattern-var-key", row).value.trim();
    if (k) values[k] = tid("edge-pattern-var-value", row).value;
  }
  const out = tid("edge-pattern-out");
  const res = await run(out, tid("edge-pattern-submit"), () => client().sendPattern({
    from: edge.settings.from,
    to: tid("edge-pattern-to").value.trim(),
    patternCode: tid("edge-pattern-code").value.trim(),
    values,
  }));
  if (res) {
    const ids = res.messageOutboxIds;
    render(out, () => sentIdsBox(ids));
    startEdgeWatch(ids[0]);
    refreshEdgeCredit();
  }
}

export function init() {
  tid("edge-patterns-load").addEventListener("click", loadPatterns);
  tid("edge-pattern-add-var").addEventListener("click", () => addVarRow().querySelector("input").focus());
  tid("edge-pattern-to").addEventListener("input", () => validateSingle(tid("edge-pattern-to"), tid("edge-pattern-to-error")));
  tid("edge-pattern-code").addEventListener("change", () => fillVarsFor(tid("edge-pattern-code").value.trim()));
  $("#edge-pattern-form").addEventListener("submit", onSend);
  addVarRow("code", String(Math.floor(1000 + Math.random() * 9000)));
  tid("edge-pattern-to").value = "09121234567";
}
