// The phonebook panel: client.bookList and client.bookSend.

import { h, render, tid } from "../lib/dom.js";
import { fmt, t } from "../lib/i18n.js";
import { state } from "../lib/state.js";
import { infoBox, run, sentBox } from "../lib/ui.js";
import { refreshCredit } from "./credit.js";

async function loadBooks() {
  const out = tid("book-out");
  const list = await run(out, tid("book-load"), () => state.client.bookList());
  if (!list) return;
  const sel = tid("book-select");
  sel.replaceChildren(...list.map((b) => h("option", { value: b.id }, `${b.title} (#${b.id})`)));
  render(out, () => infoBox(list.length ? t("loaded", { n: fmt(list.length) }) : t("emptyList")));
}

async function onBookSend(e) {
  e.preventDefault();
  const out = tid("book-out");
  const res = await run(out, tid("book-submit"), () => state.client.bookSend({
    from: state.settings.from, message: tid("book-message").value, bookId: tid("book-select").value,
  }));
  if (res) { render(out, () => sentBox(res.bulkId)); refreshCredit(); }
}

export function init() {
  tid("book-load").addEventListener("click", loadBooks);
  document.querySelector("#book-form").addEventListener("submit", onBookSend);
  tid("book-message").value = "ippanel-wasm";
}
