// The Edge send panel: send({ from, to, message }), its messageOutboxIds shown and the first
// one watched in the delivery panel. Recipients and the counter are checked live with the main
// entry's normalizeMobile and smsParts (the Edge entry has neither: API.md).

import { $, render, tid } from "../../lib/dom.js";
import { lang } from "../../lib/i18n.js";
import { drawCounter, parseRecipients, validateRecipients } from "../../lib/recipients.js";
import { run } from "../../lib/ui.js";
import { client, edge, sentIdsBox } from "./state.js";
import { refreshEdgeCredit } from "./credit.js";
import { startEdgeWatch } from "./delivery.js";

async function onSend(e) {
  e.preventDefault();
  const to = parseRecipients(tid("edge-send-to").value).map((x) => x.input);
  const out = tid("edge-send-out");
  const res = await run(out, tid("edge-send-submit"), () =>
    client().send({ from: edge.settings.from, to, message: tid("edge-send-message").value }));
  if (res) {
    const ids = res.messageOutboxIds;
    render(out, () => sentIdsBox(ids));
    startEdgeWatch(ids[0]);
    refreshEdgeCredit();
  }
}

export function init() {
  const to = tid("edge-send-to");
  const msg = tid("edge-send-message");
  to.addEventListener("input", () => validateRecipients(to, tid("edge-send-to-error"), tid("edge-send-to-valid")));
  msg.addEventListener("input", () => drawCounter(tid("edge-send-counter"), msg.value));
  $("#edge-send-form").addEventListener("submit", onSend);
  msg.value = lang === "fa" ? "سلام! این پیام آزمایشی از ippanel-wasm/edge است." : "Hello from ippanel-wasm/edge!";
  to.value = "09121234567";
  drawCounter(tid("edge-send-counter"), msg.value);
  validateRecipients(to, tid("edge-send-to-error"), tid("edge-send-to-valid"));
}
