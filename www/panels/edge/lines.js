// The Edge lines panel: numbers(), the account's sender lines (also offered in the settings).

import { fmt, t } from "../../lib/i18n.js";
import { h, render, tid } from "../../lib/dom.js";
import { run, table } from "../../lib/ui.js";
import { state } from "../../lib/state.js";
import { client, edge } from "./state.js";
import { setSenders } from "./settings.js";

const OPERATORS = { 1: "opMci", 2: "opIrancell" };

async function loadLines() {
  const out = tid("edge-lines-out");
  const page = await run(out, tid("edge-lines-load"), () => client().numbers({ limit: 100 }));
  if (!page) return;
  const lines = page.items;
  setSenders([edge.settings.from, ...(state.config.edgeSenders ?? []), ...lines.map((l) => l.number)].filter(Boolean));
  render(out, () => [
    table("edge-lines-table", [
      { label: "colNumber", dir: "ltr", cls: "num", get: (l) => h("span", { "data-testid": "edge-line-number" }, l.number) },
      { label: "colAlias", dir: "auto", get: (l) => l.alias ?? "—" },
      { label: "operator", get: (l) => (OPERATORS[l.operatorId] ? t(OPERATORS[l.operatorId]) : h("bdi", { dir: "ltr" }, String(l.operatorId))) },
      { label: "colReceives", get: (l) => (l.gets ? t("yes") : t("no")) },
      { label: "colId", dir: "ltr", cls: "num", get: (l) => l.id },
    ], lines),
    lines.length ? h("p", { class: "help" }, t("loaded", { n: fmt(lines.length) })) : null,
  ].filter(Boolean));
}

export function init() {
  tid("edge-lines-load").addEventListener("click", loadLines);
}
