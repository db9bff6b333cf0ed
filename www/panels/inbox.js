// The inbox panel: client.inboxList.

import { render, tid } from "../lib/dom.js";
import { t } from "../lib/i18n.js";
import { state } from "../lib/state.js";
import { infoBox, run, table } from "../lib/ui.js";

async function loadInbox() {
  const out = tid("inbox-out");
  const list = await run(out, tid("inbox-refresh"), () => state.client.inboxList());
  if (!list) return;
  render(out, () => list.length ? table("inbox-table", [
    { label: "colFrom", dir: "ltr", cls: "num", get: (m) => m.from },
    { label: "colTo", dir: "ltr", cls: "num", get: (m) => m.to },
    { label: "colMessage", dir: "auto", get: (m) => m.message },
    { label: "colReceived", dir: "ltr", cls: "num", get: (m) => m.receivedAt },
  ], list) : infoBox(t("inboxEmpty")));
}

export function init() {
  tid("inbox-refresh").addEventListener("click", loadInbox);
}
