// The Edge inbox panel: every page of inboxAll(), newest first as the service lists them.

import { fmt, t } from "../../lib/i18n.js";
import { h, render, tid } from "../../lib/dom.js";
import { infoBox, run, table } from "../../lib/ui.js";
import { client, when } from "./state.js";

/** At most this many messages are read (a demo, not an export). */
const MAX = 500;

async function loadInbox() {
  const out = tid("edge-inbox-out");
  const list = await run(out, tid("edge-inbox-load"), async () => {
    const items = [];
    for await (const m of client().inboxAll({ limit: 100 })) {
      items.push(m);
      if (items.length >= MAX) break;
    }
    return items;
  });
  if (!list) return;
  render(out, () => list.length ? [
    table("edge-inbox-table", [
      { label: "colFrom", dir: "ltr", cls: "num", get: (m) => m.from },
      { label: "colLine", dir: "ltr", cls: "num", get: (m) => m.number },
      { label: "colMessage", dir: "auto", get: (m) => m.message },
      { label: "colReceived", cls: "num", get: (m) => when(m.time) },
      { label: "colSeen", get: (m) => h("span", { dataset: { seen: m.seen ? "1" : "0" } }, m.seen ? t("yes") : t("no")) },
    ], list),
    h("p", { class: "help" }, t("loaded", { n: fmt(list.length) })),
  ] : infoBox(t("inboxEmpty")));
}

export function init() {
  tid("edge-inbox-load").addEventListener("click", loadInbox);
}
