// The access-packages panel: client.accessList.

import { render, tid } from "../lib/dom.js";
import { fmt } from "../lib/i18n.js";
import { state } from "../lib/state.js";
import { run, table } from "../lib/ui.js";

async function loadAccess() {
  const out = tid("access-out");
  const list = await run(out, tid("access-load"), () => state.client.accessList());
  if (!list) return;
  render(out, () => table("access-table", [
    { label: "colId", dir: "ltr", cls: "num", get: (a) => a.id },
    { label: "colTitle", dir: "auto", get: (a) => a.title },
    { label: "colPrice", cls: "num", get: (a) => fmt(a.price) },
    { label: "colDiscount", cls: "num", get: (a) => fmt(a.discount) },
  ], list));
}

export function init() {
  tid("access-load").addEventListener("click", loadAccess);
}
