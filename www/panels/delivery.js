// The status and delivery panel: checkMessage, and waitForDelivery drawn as it polls.

import { isFinalDelivery } from "ippanel-wasm";
import { WORDS } from "../lib/text.js";
import { fmt, lang, t, word } from "../lib/i18n.js";
import { $, clear, h, render, tid } from "../lib/dom.js";
import { errorBox, okBox, run } from "../lib/ui.js";
import { state } from "../lib/state.js";

let watchCtl = null;
let deliveryEntries = [];
let watchState = "idle";

export function drawDelivery() {
  const tbody = $("tbody", tid("delivery-table"));
  tbody.replaceChildren(...deliveryEntries.map((e) =>
    h("tr", { "data-testid": "delivery-row", dataset: { status: e.status, final: isFinalDelivery(e.status) ? "1" : "0" } },
      h("td", { dir: "ltr", class: "num" }, e.recipient),
      h("td", {}, h("span", { class: `badge st-${String(e.status).replace(/[^a-z]/gi, "")}` }, word(e.status)),
        lang === "fa" && WORDS.fa[e.status] ? h("small", { class: "raw", dir: "ltr" }, e.status) : null),
    )));
  tid("delivery-table").dataset.rows = String(deliveryEntries.length);
}

export function drawWatchState() {
  const el = tid("delivery-state");
  el.dataset.state = watchState;
  const s = Math.round((state.config.pollIntervalMs / 1000) * 10) / 10;
  el.textContent = {
    idle: "", watching: t("watching", { s: fmt(s) }), final: t("final"), timeout: t("timedOut"),
    stopped: t("stopped"), empty: t("noEntries"), error: "",
  }[watchState] ?? "";
  el.className = `state state-${watchState}`;
}

function setWatchState(s) {
  watchState = s;
  drawWatchState();
  tid("delivery-stop").hidden = s !== "watching";
}

function stopWatch() {
  if (watchCtl) {
    const ctl = watchCtl;
    watchCtl = null;
    ctl.abort();
    setWatchState("stopped");
  }
}

export async function startWatch(bulkId) {
  if (watchCtl) { watchCtl.abort(); watchCtl = null; }
  const ctl = new AbortController();
  watchCtl = ctl;
  const mine = () => watchCtl === ctl;
  tid("status-bulk-id").value = String(bulkId);
  deliveryEntries = [];
  drawDelivery();
  clear(tid("delivery-out"));
  setWatchState("watching");
  const onUpdate = (entries) => {
    if (!mine()) return;
    deliveryEntries = entries;
    drawDelivery();
  };
  try {
    const entries = await state.client.waitForDelivery(bulkId, {
      intervalMs: state.config.pollIntervalMs, timeoutMs: 10 * 60 * 1000, signal: ctl.signal, onUpdate,
    });
    if (!mine()) return;
    deliveryEntries = entries;
    drawDelivery();
    setWatchState(entries.length === 0 ? "empty" : entries.every((x) => isFinalDelivery(x.status)) ? "final" : "timeout");
  } catch (err) {
    if (ctl.signal.aborted) return; // stopped by the user or replaced by a newer watch
    if (!mine()) return;
    setWatchState("error");
    render(tid("delivery-out"), () => errorBox(err));
  } finally {
    if (mine()) {
      watchCtl = null;
      tid("delivery-stop").hidden = true;
    }
  }
}


async function onCheckStatus(e) {
  e.preventDefault();
  const id = tid("status-bulk-id").value.trim();
  const out = tid("status-out");
  const res = await run(out, tid("status-check"), () => state.client.checkMessage(id));
  if (res) {
    render(out, () => okBox(
      h("span", { "data-testid": "message-status", dataset: { value: res.status } }, `${t("statusWord")}: `,
        h("b", {}, word(res.status)), h("small", { class: "raw", dir: "ltr" }, `(${res.status})`)),
      " · ",
      h("span", { "data-testid": "message-approval", dataset: { value: res.approval } }, `${t("approvalWord")}: `,
        h("b", {}, word(res.approval)), h("small", { class: "raw", dir: "ltr" }, `(${res.approval})`)),
    ));
  }
}

function onWatchClick() {
  const id = tid("status-bulk-id").value.trim();
  if (!id) { tid("status-bulk-id").focus(); return; }
  startWatch(id);
}

export function init() {
  $("#status-form").addEventListener("submit", onCheckStatus);
  tid("delivery-watch").addEventListener("click", onWatchClick);
  tid("delivery-stop").addEventListener("click", stopWatch);
}
