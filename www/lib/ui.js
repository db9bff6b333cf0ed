// How results and failures look: error boxes in both languages, ok and info boxes, and run(),
// which every panel action goes through.

import { IppanelError } from "ippanel-wasm";
import { T } from "./text.js";
import { fmt, t } from "./i18n.js";
import { clear, h, render } from "./dom.js";

/** A failure reported by the Worker proxy's JSON API (or reaching it), or found by the page
 *  itself (`op` says where: "proxy", or "import" when the Edge entry could not be loaded). */
export class ProxyFailure extends Error {
  constructor({ kind, code = null, message, messageFa, status = null, retryAfter = null, op = "proxy" }) {
    super(message);
    this.kind = kind;
    this.code = code;
    this.messageFa = messageFa;
    this.status = status;
    this.retryAfter = retryAfter;
    this.op = op;
  }
}

/** What an error box shows; never the raw object, never the password (the package guarantees
 *  its errors carry none, and the page adds nothing of its own). */
function describe(err) {
  if (err instanceof IppanelError) {
    return {
      message: err.message, messageFa: err.messageFa, kind: err.kind, code: err.code, op: err.op,
      status: err.status, mayHaveSent: err.mayHaveSent, fieldErrors: err.fieldErrors,
    };
  }
  if (err instanceof ProxyFailure) {
    return {
      message: err.message, messageFa: err.messageFa, kind: err.kind, code: err.code, op: err.op,
      status: err.status, retryAfter: err.retryAfter,
    };
  }
  const message = err && typeof err.message === "string" ? err.message : String(err);
  return { message, messageFa: `${T.fa.unexpected}: ${message}`, kind: "unexpected", code: null };
}

/** The service's errors by field (Edge errors' `fieldErrors`: wire field paths, its Persian
 *  texts), or nothing when there are none (always the case for legacy errors). */
function fieldErrorList(fieldErrors) {
  const entries = Object.entries(fieldErrors ?? {}).filter(([, msgs]) => Array.isArray(msgs) && msgs.length);
  if (!entries.length) return null;
  return h("div", { class: "err-fields" },
    h("span", { class: "err-fields-title" }, t("fieldErrors")),
    h("ul", { "data-testid": "error-fields" }, entries.map(([field, msgs]) =>
      h("li", { "data-testid": "error-field", dataset: { field } },
        h("code", { dir: "ltr", class: "err-field-name" }, field), ": ",
        h("span", { dir: "auto" }, msgs.join(" · "))))));
}

export function errorBox(err) {
  const d = describe(err);
  const pair = (label, testid, value) => h("div", {}, h("dt", {}, t(label)), h("dd", { "data-testid": testid, dir: "ltr" }, value));
  const meta = h("dl", { class: "err-meta" },
    pair("kind", "error-kind", d.kind),
    pair("code", "error-code", d.code ?? "—"),
    d.op ? pair("op", "error-op", d.op) : null,
    d.status ? pair("httpStatus", "error-status", d.status) : null,
  );
  return h("div", { class: "error-box", role: "alert", "data-testid": "error-box", dataset: { kind: d.kind, code: d.code ?? "" } },
    h("strong", { class: "err-title" }, t("errorTitle")),
    h("p", { class: "err-fa", lang: "fa", dir: "rtl", "data-testid": "error-message-fa" }, d.messageFa),
    h("p", { class: "err-en", lang: "en", dir: "ltr", "data-testid": "error-message" }, d.message),
    meta,
    fieldErrorList(d.fieldErrors),
    d.mayHaveSent ? h("p", { class: "err-note", "data-testid": "error-may-have-sent" }, t("mayHaveSent")) : null,
    d.retryAfter ? h("p", { class: "err-note" }, t("retryAfter", { s: fmt(d.retryAfter) })) : null,
  );
}

export const okBox = (...children) => h("div", { class: "ok-box", role: "status", "data-testid": "result" }, ...children);
export const infoBox = (...children) => h("div", { class: "info-box", role: "status" }, ...children);

/**
 * Runs one action of a panel: disables its button, clears its output, and shows any failure
 * as an error box. Returns the action's value, or undefined when it failed.
 */
export async function run(out, button, action) {
  if (button) button.disabled = true;
  const panel = out.closest(".card");
  panel?.setAttribute("aria-busy", "true");
  clear(out);
  try {
    return await action();
  } catch (err) {
    render(out, () => errorBox(err));
    return undefined;
  } finally {
    if (button) button.disabled = false;
    panel?.removeAttribute("aria-busy");
  }
}
/** "Sent. Bulk id: 123" */
export function sentBox(bulkId, extra) {
  return okBox(
    h("span", {}, t("sent"), " "),
    h("span", {}, `${t("bulkId")}: `),
    h("code", { "data-testid": "bulk-id", dir: "ltr" }, String(bulkId)),
    extra ?? null,
  );
}

/** A count of recipients in `el` ("1,520 recipient(s)"), the number itself in `data-value`. */
export function showCount(el, n) {
  el.dataset.value = String(n);
  render(el, () => t("countResult", { n: fmt(n) }));
}

/** A table of `rows` with `columns` ({ label, dir, cls, get }), or "Nothing here." */
export function table(testid, columns, rows) {
  if (!rows.length) return infoBox(t("emptyList"));
  return h("div", { class: "table-wrap" }, h("table", { class: "data", "data-testid": testid, dataset: { rows: String(rows.length) } },
    h("thead", {}, h("tr", {}, columns.map((c) => h("th", { scope: "col" }, t(c.label))))),
    h("tbody", {}, rows.map((r) => h("tr", {}, columns.map((c) => h("td", { dir: c.dir, class: c.cls }, c.get(r)))))),
  ));
}
