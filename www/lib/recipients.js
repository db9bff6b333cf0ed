// Recipient fields and message counters: live checks with the package's normalizeMobile and smsParts.

import { IppanelError, normalizeMobile, smsParts } from "ippanel-wasm";
import { fmt, lang, t } from "./i18n.js";
import { clear, h, render } from "./dom.js";
import { errorBox } from "./ui.js";

export function drawCounter(el, text) {
  let p;
  try {
    p = smsParts(text);
  } catch (err) {
    render(el, () => errorBox(err));
    return;
  }
  Object.assign(el.dataset, {
    encoding: p.encoding, length: String(p.length), parts: String(p.parts),
    remaining: String(p.remaining), perPart: String(p.perPart),
  });
  render(el, () => [
    h("span", { "data-testid": "counter-length" }, `${t("chars")}: `, h("b", {}, fmt(p.length))),
    h("span", { "data-testid": "counter-parts" }, `${t("parts")}: `, h("b", {}, fmt(p.parts))),
    h("span", { "data-testid": "counter-encoding" }, `${t("encoding")}: `, h("b", {}, t(`enc_${p.encoding}`))),
    h("span", { "data-testid": "counter-remaining" }, `${t("remaining")}: `, h("b", {}, fmt(p.remaining))),
  ]);
}

/** Splits a recipient field into entries and checks each with normalizeMobile. */
export function parseRecipients(text) {
  return text
    .split(/[\n\r,،;؛]+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((input, i) => {
      try {
        return { i, input, normalized: normalizeMobile(input) };
      } catch (err) {
        return { i, input, error: err };
      }
    });
}

/** Live validation beside a recipient field; returns the parsed entries. */
export function validateRecipients(field, errEl, okEl) {
  const items = parseRecipients(field.value);
  const bad = items.filter((x) => x.error);
  const good = items.filter((x) => !x.error);
  field.setAttribute("aria-invalid", bad.length ? "true" : "false");
  errEl.dataset.count = String(bad.length);
  if (bad.length) {
    render(errEl, () => h("ul", {}, bad.slice(0, 20).map((x) =>
      h("li", { "data-testid": "recipient-error" },
        h("span", { class: "which" }, t("itemN", { n: fmt(x.i + 1) })), " ",
        h("bdi", { dir: "ltr", class: "bad-input" }, x.input), ": ",
        x.error instanceof IppanelError ? (lang === "fa" ? x.error.messageFa : x.error.message) : String(x.error?.message ?? x.error),
      ))));
  } else {
    clear(errEl);
  }
  if (okEl) {
    okEl.dataset.count = String(good.length);
    if (good.length) {
      render(okEl, () => [
        `✓ ${t("validRecipients", { n: fmt(good.length) })}: `,
        h("bdi", { dir: "ltr" }, good.slice(0, 3).map((x) => x.normalized).join(", ") + (good.length > 3 ? ", …" : "")),
      ]);
    } else {
      clear(okEl);
    }
  }
  return items;
}

export function validateSingle(field, errEl) {
  const v = field.value.trim();
  if (!v) { clear(errEl); field.removeAttribute("aria-invalid"); return; }
  try {
    normalizeMobile(v);
    clear(errEl);
    field.setAttribute("aria-invalid", "false");
  } catch (err) {
    field.setAttribute("aria-invalid", "true");
    render(errEl, () => (err instanceof IppanelError ? (lang === "fa" ? err.messageFa : err.message) : String(err?.message ?? err)));
  }
}
