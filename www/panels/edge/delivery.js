// The Edge delivery panel: waitForDelivery(outboxId, { intervalMs, onUpdate }), each
// recipient's status drawn as every poll reports it.

import { isFinalDelivery } from "ippanel-wasm";
import { WORDS } from "../../lib/text.js";
import { fmt, lang, t, word } from "../../lib/i18n.js";
import { $, clear, h, render, tid } from "../../lib/dom.js";
import { errorBox } from "../../lib/ui.js";
import { state } from "../../lib/state.js";
import { client } from "./state.js";

let watchCtl = null;
let entries = [];
let watchState = "idle";
let polls = 0;

function drawRows() {
  const table = tid("edge-delivery-table");
  table.dataset.rows = String(entries.length);
  table.dataset.polls = String(polls);
  render($("tbody", table), () => entries.map((e) =>
    h("tr", { "data-testid": "edge-delivery-row", dataset: { status: e.status, final: isFinalDelivery(e.status) ? "1" : "0" } },
      h("td", { dir: "ltr", class: "num" }, e.recipient),
      h("td", {}, h("span", { class: `badge st-${String(e.status).replace(/[^a-z]/gi, "")}` }, word(e.status)),
        lang === "fa" && WORDS.fa[e.status] ? h("small", { class: "raw", dir: "ltr" }, e.status) : null),
    )));
}

function setWatchState(s) {
  watchState = s;
  const el = tid("edge-delivery-state");
  el.dataset.state = s;
  el.className = `state state-${s}`;
  const secs = Math.round((state.config.pollIntervalMs / 1000) * 10) / 10;
  render(el, () => ({
    watching: t("watching", { s: fmt(secs) }), final: t("final"), timeout: t("timedOut"),
    stopped: t("stopped"), empty: t("noEdgeEntries"),
  }[watchState] ?? ""));
  tid("edge-delivery-stop").hidden = s !== "watching";
}

function stopWatch() {
  if (!watchCtl) return;
  const ctl = watchCtl;
  watchCtl = null;
  ctl.abort();
  setWatchState("stopped");
}

/** Watches `outboxId` until every recipient is final (or it never will be, or time runs out). */
export async function startEdgeWatch(outboxId) {
  if (watchCtl) { watchCtl.abort(); watchCtl = null; }
  const ctl = new AbortController();
  watchCtl = ctl;
  const mine = () => watchCtl === ctl;
  tid("edge-delivery-id").value = String(outboxId);
  entries = [];
  polls = 0;
  drawRows();
  clear(tid("edge-delivery-out"));
  setWatchState("watching");
  try {
    const last = await client().waitForDelivery(outboxId, {
      intervalMs: state.config.pollIntervalMs, timeoutMs: 10 * 60 * 1000, signal: ctl.signal,
      onUpdate: (list) => {
        if (!mine()) return;
        polls += 1;
        entries = list;
        drawRows();
      },
    });
    if (!mine()) return;
    entries = last;
    drawRows();
    setWatchState(last.length === 0 ? "empty" : last.every((x) => isFinalDelivery(x.status)) ? "final" : "timeout");
  } catch (err) {
    if (ctl.signal.aborted || !mine()) return; // stopped, or replaced by a newer watch
    setWatchState("error");
    render(tid("edge-delivery-out"), () => errorBox(err));
  } finally {
    if (mine()) {
      watchCtl = null;
      tid("edge-delivery-stop").hidden = true;
    }
  }
}

export function init() {
  $("#edge-delivery-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const id = tid("edge-delivery-id").value.trim();
    if (id) startEdgeWatch(id);
  });
  tid("edge-delivery-stop").addEventListener("click", stopWatch);
}
