// The send panel: client.send to typed recipients, optionally scheduled (Tehran time).

import { $, render, tid } from "../lib/dom.js";
import { lang } from "../lib/i18n.js";
import { drawCounter, parseRecipients, validateRecipients } from "../lib/recipients.js";
import { state } from "../lib/state.js";
import { run, sentBox } from "../lib/ui.js";
import { refreshCredit } from "./credit.js";
import { startWatch } from "./delivery.js";

function tehranTime(value) {
  // <input type=datetime-local> gives "YYYY-MM-DDTHH:MM" or "...:SS"; the label says Tehran time,
  // so it is passed as the string form the API sends as given.
  if (!value) return undefined;
  const [d, tm] = value.split("T");
  return `${d} ${tm.length === 5 ? tm + ":00" : tm}`;
}

async function onSend(e) {
  e.preventDefault();
  const to = parseRecipients(tid("send-to").value).map((x) => x.input);
  const out = tid("send-out");
  const res = await run(out, tid("send-submit"), () =>
    state.client.send({
      from: state.settings.from,
      to,
      message: tid("send-message").value,
      time: tehranTime(tid("send-time").value),
    }));
  if (res) {
    render(out, () => sentBox(res.bulkId));
    startWatch(res.bulkId);
    refreshCredit();
  }
}

export function init() {
  const sendTo = tid("send-to");
  const sendMsg = tid("send-message");
  sendTo.addEventListener("input", () => validateRecipients(sendTo, tid("send-to-error"), tid("send-to-valid")));
  sendMsg.addEventListener("input", () => drawCounter(tid("send-counter"), sendMsg.value));
  $("#send-form").addEventListener("submit", onSend);
  sendMsg.value = lang === "fa" ? "سلام! این پیام آزمایشی از ippanel-wasm است." : "Hello from ippanel-wasm!";
  sendTo.value = "09121234567";
  drawCounter(tid("send-counter"), sendMsg.value);
  validateRecipients(sendTo, tid("send-to-error"), tid("send-to-valid"));
}
