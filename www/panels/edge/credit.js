// The Edge credit panel: credit() (credit, gift and when the service last counted it).

import { fmt, t } from "../../lib/i18n.js";
import { clear, h, render, tid } from "../../lib/dom.js";
import { run } from "../../lib/ui.js";
import { client } from "./state.js";

export async function refreshEdgeCredit() {
  const el = tid("edge-credit-value");
  const res = await run(tid("edge-credit-out"), tid("edge-credit-refresh"), () => client().credit());
  el.dataset.state = res === undefined ? "error" : "ok";
  if (res === undefined) return;
  el.dataset.value = String(res.credit);
  render(el, () => `${fmt(res.credit)} ${t("rials")}`);
  const details = tid("edge-credit-details");
  if (res.gift || res.updatedAt) {
    render(details, () => [
      res.gift ? `${t("gift")}: ${fmt(res.gift)} ${t("rials")}` : null,
      res.gift && res.updatedAt ? " · " : null,
      res.updatedAt ? h("span", {}, `${t("updatedAt")}: `, h("bdi", { dir: "ltr" }, res.updatedAt)) : null,
    ].filter(Boolean));
  } else {
    clear(details);
  }
}

export function init() {
  tid("edge-credit-refresh").addEventListener("click", refreshEdgeCredit);
}
