// The page's language: which one is on, t() for the page's words, word() for the service's.

import { T, WORDS } from "./text.js";

function pickLanguage() {
  const q = new URLSearchParams(location.search).get("lang");
  if (q === "fa" || q === "en") return q;
  try {
    const saved = localStorage.getItem("ippanel-demo-lang");
    if (saved === "fa" || saved === "en") return saved;
  } catch { /* storage may be disabled */ }
  // Persian by default; English when the browser asks for English first.
  return /^en\b/i.test(navigator.language || "") ? "en" : "fa";
}

/** The language on the page now ("fa" or "en"); a live binding, changed only by setLang. */
export let lang = pickLanguage();

export function setLang(next) {
  lang = next;
  try { localStorage.setItem("ippanel-demo-lang", lang); } catch { /* ignore */ }
}

export function t(key, vars = {}) {
  const s = T[lang][key] ?? T.en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => (k in vars ? String(vars[k]) : `{${k}}`));
}

export const word = (w) => WORDS[lang][w] ?? w;

export const fmt = (n, opts) =>
  new Intl.NumberFormat(lang === "fa" ? "fa-IR" : "en-US", { maximumFractionDigits: 2, ...opts }).format(n);
