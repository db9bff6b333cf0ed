// The bulk panel: client.sendBulk over many recipients, with its onProgress bar and a summary.

import { $, h, render, tid } from "../lib/dom.js";
import { fmt, lang, t } from "../lib/i18n.js";
import { drawCounter, parseRecipients, validateRecipients } from "../lib/recipients.js";
import { state } from "../lib/state.js";
import { run } from "../lib/ui.js";
import { refreshCredit } from "./credit.js";

let bulkCtl = null;

function drawProgress(done, total) {
  const bar = tid("bulk-progress");
  bar.max = Math.max(total, 1);
  bar.value = done;
  const pct = total ? Math.round((done / total) * 100) : 0;
  Object.assign(bar.dataset, { done: String(done), total: String(total), percent: String(pct) });
  render(tid("bulk-progress-text"), () => t("progress", { done: fmt(done), total: fmt(total), pct: fmt(pct) }));
}

async function onBulk(e) {
  e.preventDefault();
  const to = parseRecipients(tid("bulk-to").value).map((x) => x.input);
  const out = tid("bulk-out");
  const ctl = new AbortController();
  bulkCtl = ctl;
  tid("bulk-cancel").hidden = false;
  drawProgress(0, to.length);
  const res = await run(out, tid("bulk-submit"), () => state.client.sendBulk({
    from: state.settings.from,
    to,
    message: tid("bulk-message").value,
    chunkSize: Number(tid("bulk-chunk").value) || 100,
    concurrency: Number(tid("bulk-concurrency").value) || 4,
    signal: ctl.signal,
    onProgress: ({ done, total }) => drawProgress(done, total),
  }));
  tid("bulk-cancel").hidden = true;
  bulkCtl = null;
  if (!res) return;
  const summary = () => {
    const rows = res.batches.map((b, i) => h("tr", { dataset: { ok: b.error ? "0" : "1" } },
      h("td", { class: "num" }, fmt(i + 1)),
      h("td", { class: "num" }, fmt(b.recipients.length)),
      h("td", {}, b.error
        ? h("span", { class: "badge st-failed", title: b.error.message }, `${b.error.kind}${b.error.code != null ? " " + b.error.code : ""}: ${lang === "fa" ? b.error.messageFa : b.error.message}`)
        : h("span", {}, t("batchOk", { id: "" }), h("code", { dir: "ltr" }, String(b.bulkId)))),
    ));
    return [
      h("div", { class: res.failed ? "info-box warn" : "ok-box", role: "status", "data-testid": "bulk-summary", dataset: { sent: String(res.sent), failed: String(res.failed), batches: String(res.batches.length) } },
        t("bulkSummary", { sent: fmt(res.sent), failed: fmt(res.failed), batches: fmt(res.batches.length) })),
      h("div", { class: "table-wrap" }, h("table", { class: "data compact", "data-testid": "bulk-batches" },
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "#"), h("th", { scope: "col" }, t("colRecipients")), h("th", { scope: "col" }, t("colResult")))),
        h("tbody", {}, rows))),
    ];
  };
  render(out, summary);
  refreshCredit();
}

function fillSamples() {
  const n = Math.min(Math.max(Number(tid("bulk-sample-n").value) || 0, 1), 10000);
  const prefixes = ["0912", "0935", "0919", "0901"];
  const lines = [];
  for (let i = 0; i < n; i++) {
    lines.push(prefixes[i % prefixes.length] + String(1000000 + i * 37).padStart(7, "0").slice(-7));
  }
  tid("bulk-to").value = lines.join("\n");
  tid("bulk-to").dispatchEvent(new Event("input"));
  drawProgress(0, n);
}

export function init() {
  const bulkTo = tid("bulk-to");
  const bulkMsg = tid("bulk-message");
  bulkTo.addEventListener("input", () => {
    const items = validateRecipients(bulkTo, tid("bulk-to-error"), tid("bulk-to-valid"));
    drawProgress(0, items.length);
  });
  bulkMsg.addEventListener("input", () => drawCounter(tid("bulk-counter"), bulkMsg.value));
  tid("bulk-fill").addEventListener("click", fillSamples);
  tid("bulk-cancel").addEventListener("click", () => bulkCtl?.abort());
  $("#bulk-form").addEventListener("submit", onBulk);
  bulkMsg.value = "Hello from ippanel-wasm (bulk)";
  drawCounter(tid("bulk-counter"), bulkMsg.value);
  drawProgress(0, 0);
}
