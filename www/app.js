// The ippanel-wasm demo page. Plain ES module, no framework, no build step: everything the page
// does with the service goes through the four names the package exports.
import { Client, IppanelError, normalizeMobile, smsParts } from "ippanel-wasm";

// ───────────────────────────── text, in both languages ─────────────────────────────

const T = {
  en: {
    title: "ippanel-wasm demo",
    subtitle: "A Rust → WebAssembly client for the ippanel SMS service, running in your browser.",
    loading: "Loading the WebAssembly client…",
    settings: "Settings",
    mode: "Mode",
    modeDirect: "Direct (the wasm client calls the service)",
    modeProxy: "Worker proxy (its JSON API, plain fetch)",
    baseUrl: "Base URL",
    senderLine: "Sender line",
    username: "Username",
    password: "Password",
    proxyUrl: "Worker proxy URL",
    faultHint: "Tip: append /__fault/http502 (or hang, truncated, delay-2000, …) to the sandbox URL to see how failures look.",
    apply: "Apply",
    resetDefaults: "Reset to defaults",
    settingsApplied: "Settings applied.",
    credit: "Credit",
    refresh: "Refresh",
    rials: "rials",
    otp: "One-time code (Worker proxy)",
    recipient: "Recipient",
    otpCode: "Code",
    sendCode: "Send code",
    send: "Send a message",
    recipients: "Recipients",
    recipientsHelp: "One per line or comma-separated; any Iranian form, Persian digits too.",
    message: "Message",
    schedule: "Schedule (optional, Tehran time)",
    sendBtn: "Send",
    status: "Message status and delivery",
    bulkId: "Bulk id",
    checkStatus: "Check status",
    watchDelivery: "Watch delivery",
    stop: "Stop",
    deliveryTable: "Delivery per recipient",
    deliveryStatus: "Status",
    pattern: "Pattern send",
    patternCode: "Pattern code",
    variables: "Variables",
    addVar: "+ Add variable",
    varName: "Name",
    varValue: "Value",
    removeVar: "Remove variable",
    sendPattern: "Send pattern",
    bulk: "Bulk send",
    sampleCount: "Sample numbers",
    fill: "Fill",
    chunkSize: "Per request",
    concurrency: "In parallel",
    sendBulk: "Send to all",
    cancel: "Cancel",
    inbox: "Inbox",
    load: "Load",
    books: "Phonebooks",
    phonebook: "Phonebook",
    sendToBook: "Send to phonebook",
    jobs: "Jobs and trends",
    job: "Job",
    trends: "Trends",
    count: "Count",
    sendToJobs: "Send to these trends",
    postal: "Postal codes",
    loadAreas: "Load areas",
    postalCode: "Postal code (10 digits)",
    operator: "Operator",
    gender: "Gender",
    genderAll: "All",
    genderMale: "Male",
    genderFemale: "Female",
    sendToPostal: "Send to this area",
    access: "Access packages",
    footer: "Everything on this page goes through the ippanel-wasm package. The password stays in the settings form and is sent only to the service.",
    // dynamic
    chars: "Characters",
    parts: "Parts",
    encoding: "Encoding",
    remaining: "Left in this part",
    enc_gsm7: "GSM-7",
    enc_ucs2: "UCS-2 (Unicode)",
    validRecipients: "{n} valid recipient(s)",
    itemN: "#{n}",
    sent: "Sent.",
    watching: "Watching delivery… (every {s} s)",
    final: "Every recipient has reached a final state.",
    timedOut: "Stopped waiting: the time limit was reached.",
    stopped: "Stopped.",
    noEntries: "No delivery entries for this bulk id.",
    statusWord: "Status",
    approvalWord: "Approval",
    progress: "{done} / {total} ({pct}%)",
    bulkSummary: "Sent to {sent} recipient(s), failed for {failed}, in {batches} request(s).",
    batch: "Request",
    batchOk: "bulk id {id}",
    inboxEmpty: "The inbox is empty.",
    colFrom: "From",
    colTo: "To",
    colMessage: "Message",
    colReceived: "Received",
    colId: "Id",
    colTitle: "Title",
    colPrice: "Price",
    colDiscount: "Discount",
    colName: "Name",
    colCode: "Code",
    colRecipients: "Recipients",
    colResult: "Result",
    emptyList: "Nothing here.",
    countResult: "{n} recipient(s)",
    pickTrend: "Pick at least one trend.",
    noTrends: "This job has no trends.",
    loaded: "{n} loaded.",
    errorTitle: "Error",
    kind: "kind",
    code: "code",
    op: "op",
    httpStatus: "HTTP",
    mayHaveSent: "The message may have been sent: check its delivery before trying again.",
    badgeDirect: "Direct",
    badgeProxy: "Worker proxy",
    switchLang: "فارسی",
    switchLangLabel: "تغییر زبان به فارسی",
    noProxy: "Set the Worker proxy URL in the settings first.",
    proxyNetwork: "Could not reach the Worker proxy (network error).",
    proxyBad: "The Worker proxy answered something that is not its JSON API.",
    retryAfter: "Try again in {s} s.",
    unexpected: "Unexpected error",
    badBaseUrl: "The base URL is not a valid URL.",
  },
  fa: {
    title: "دموی ippanel-wasm",
    subtitle: "کلاینت Rust → WebAssembly برای وب‌سرویس پیامک ippanel، اجراشده در مرورگر شما.",
    loading: "در حال بارگذاری کلاینت WebAssembly…",
    settings: "تنظیمات",
    mode: "حالت",
    modeDirect: "مستقیم (کلاینت wasm خودش سرویس را صدا می‌زند)",
    modeProxy: "پراکسی Worker (API جیسونِ آن، با fetch ساده)",
    baseUrl: "نشانی پایه (Base URL)",
    senderLine: "خط فرستنده",
    username: "نام کاربری",
    password: "کلمهٔ عبور",
    proxyUrl: "نشانی پراکسی Worker",
    faultHint: "نکته: با افزودن ‎/__fault/http502‎ (یا hang، truncated، delay-2000 و …) به نشانی سندباکس، شکل خطاها را ببینید.",
    apply: "اعمال",
    resetDefaults: "بازگشت به پیش‌فرض",
    settingsApplied: "تنظیمات اعمال شد.",
    credit: "اعتبار",
    refresh: "به‌روزرسانی",
    rials: "ریال",
    otp: "کد یک‌بارمصرف (پراکسی Worker)",
    recipient: "گیرنده",
    otpCode: "کد",
    sendCode: "ارسال کد",
    send: "ارسال پیامک",
    recipients: "گیرندگان",
    recipientsHelp: "هر شماره در یک سطر یا جدا با ویرگول؛ هر قالب رایج ایرانی، حتی با ارقام فارسی.",
    message: "متن پیام",
    schedule: "زمان ارسال (اختیاری، به وقت تهران)",
    sendBtn: "ارسال",
    status: "وضعیت پیام و تحویل",
    bulkId: "شناسهٔ ارسال (bulk id)",
    checkStatus: "بررسی وضعیت",
    watchDelivery: "پیگیری تحویل",
    stop: "توقف",
    deliveryTable: "وضعیت تحویل هر گیرنده",
    deliveryStatus: "وضعیت",
    pattern: "ارسال با الگو (پترن)",
    patternCode: "کد الگو",
    variables: "متغیرها",
    addVar: "+ افزودن متغیر",
    varName: "نام",
    varValue: "مقدار",
    removeVar: "حذف متغیر",
    sendPattern: "ارسال الگو",
    bulk: "ارسال انبوه",
    sampleCount: "تعداد شمارهٔ نمونه",
    fill: "پر کن",
    chunkSize: "در هر درخواست",
    concurrency: "هم‌زمان",
    sendBulk: "ارسال به همه",
    cancel: "لغو",
    inbox: "صندوق دریافت",
    load: "بارگذاری",
    books: "دفترچه‌های تلفن",
    phonebook: "دفترچهٔ تلفن",
    sendToBook: "ارسال به دفترچه",
    jobs: "مشاغل و رسته‌ها",
    job: "شغل",
    trends: "رسته‌ها",
    count: "شمارش",
    sendToJobs: "ارسال به این رسته‌ها",
    postal: "کد پستی",
    loadAreas: "بارگذاری مناطق",
    postalCode: "کد پستی (۱۰ رقمی)",
    operator: "اپراتور",
    gender: "جنسیت",
    genderAll: "همه",
    genderMale: "مرد",
    genderFemale: "زن",
    sendToPostal: "ارسال به این منطقه",
    access: "بسته‌های دسترسی",
    footer: "همهٔ کارهای این صفحه با بستهٔ ippanel-wasm انجام می‌شود. کلمهٔ عبور در فرم تنظیمات می‌ماند و فقط برای سرویس فرستاده می‌شود.",
    chars: "نویسه‌ها",
    parts: "بخش‌ها",
    encoding: "کدگذاری",
    remaining: "باقی‌مانده در این بخش",
    enc_gsm7: "GSM-7 (لاتین)",
    enc_ucs2: "UCS-2 (یونیکد)",
    validRecipients: "{n} گیرندهٔ معتبر",
    itemN: "مورد {n}",
    sent: "ارسال شد.",
    watching: "در حال پیگیری تحویل… (هر {s} ثانیه)",
    final: "همهٔ گیرنده‌ها به وضعیت نهایی رسیدند.",
    timedOut: "زمان انتظار به پایان رسید.",
    stopped: "متوقف شد.",
    noEntries: "برای این شناسه وضعیتی ثبت نشده است.",
    statusWord: "وضعیت",
    approvalWord: "تأیید",
    progress: "{done} از {total} ({pct}٪)",
    bulkSummary: "ارسال به {sent} گیرنده، ناموفق برای {failed}، در {batches} درخواست.",
    batch: "درخواست",
    batchOk: "شناسه {id}",
    inboxEmpty: "صندوق دریافت خالی است.",
    colFrom: "فرستنده",
    colTo: "گیرنده",
    colMessage: "پیام",
    colReceived: "زمان دریافت",
    colId: "شناسه",
    colTitle: "عنوان",
    colPrice: "قیمت",
    colDiscount: "تخفیف",
    colName: "نام",
    colCode: "کد",
    colRecipients: "گیرندگان",
    colResult: "نتیجه",
    emptyList: "موردی نیست.",
    countResult: "{n} گیرنده",
    pickTrend: "دست‌کم یک رسته را انتخاب کنید.",
    noTrends: "این شغل رسته‌ای ندارد.",
    loaded: "{n} مورد بارگذاری شد.",
    errorTitle: "خطا",
    kind: "نوع",
    code: "کد",
    op: "عملیات",
    httpStatus: "HTTP",
    mayHaveSent: "ممکن است پیام ارسال شده باشد؛ پیش از تلاش دوباره، وضعیت تحویل را بررسی کنید.",
    badgeDirect: "مستقیم",
    badgeProxy: "پراکسی Worker",
    switchLang: "English",
    switchLangLabel: "Switch to English",
    noProxy: "ابتدا نشانی پراکسی Worker را در تنظیمات وارد کنید.",
    proxyNetwork: "اتصال به پراکسی Worker برقرار نشد (خطای شبکه).",
    proxyBad: "پاسخ پراکسی Worker در قالب API جیسونِ آن نبود.",
    retryAfter: "پس از {s} ثانیه دوباره تلاش کنید.",
    unexpected: "خطای پیش‌بینی‌نشده",
    badBaseUrl: "نشانی پایه معتبر نیست.",
  },
};

// The service's own words, with a reader-friendly label in each language.
const WORDS = {
  en: {
    notsync: "queued", send: "sent", pending: "at the operator", failed: "failed",
    discarded: "discarded (blacklist)", delivered: "delivered",
    Finish: "finished", Interacting: "sending", NoAuthentication: "not authenticated", Active: "active",
    Cancel: "cancelled", "No Sufficient Charge": "insufficient credit",
    approve: "approved", cancel: "rejected", notconfirm: "not confirmed",
  },
  fa: {
    notsync: "در صف ارسال", send: "ارسال‌شده", pending: "نزد اپراتور", failed: "ناموفق",
    discarded: "رد شده (فهرست سیاه)", delivered: "تحویل شد",
    Finish: "پایان‌یافته", Interacting: "در حال ارسال", NoAuthentication: "احراز نشده", Active: "فعال",
    Cancel: "لغوشده", "No Sufficient Charge": "اعتبار ناکافی",
    approve: "تأییدشده", cancel: "ردشده", notconfirm: "تأییدنشده",
  },
};
const FINAL = new Set(["delivered", "failed", "discarded"]);

let lang = pickLanguage();

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

function t(key, vars = {}) {
  const s = T[lang][key] ?? T.en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => (k in vars ? String(vars[k]) : `{${k}}`));
}
const word = (w) => WORDS[lang][w] ?? w;
const fmt = (n, opts) => new Intl.NumberFormat(lang === "fa" ? "fa-IR" : "en-US", { maximumFractionDigits: 2, ...opts }).format(n);

// ───────────────────────────── small DOM helpers ─────────────────────────────

const $ = (sel, root = document) => root.querySelector(sel);
const tid = (id, root = document) => root.querySelector(`[data-testid="${id}"]`);

/** h("div", { class: "x", dataset: {...} }, child...) — text only via textContent, never innerHTML. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "dataset") Object.assign(el.dataset, v);
    else if (k === "text") el.textContent = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

// Dynamic regions keep the function that draws them, so a language switch redraws them.
const renderers = new Map();
function render(el, draw) {
  renderers.set(el, draw);
  el.replaceChildren(...[draw()].flat().filter(Boolean));
}
function clear(el) {
  renderers.delete(el);
  el.replaceChildren();
}
function redrawAll() {
  for (const [el, draw] of renderers) el.replaceChildren(...[draw()].flat().filter(Boolean));
}

// ───────────────────────────── errors ─────────────────────────────

/** A failure reported by the Worker proxy's JSON API (or reaching it). */
class ProxyFailure extends Error {
  constructor({ kind, code = null, message, messageFa, status = null, retryAfter = null }) {
    super(message);
    this.kind = kind;
    this.code = code;
    this.messageFa = messageFa;
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

/** What an error box shows; never the raw object, never the password (the package guarantees
 *  its errors carry none, and the page adds nothing of its own). */
function describe(err) {
  if (err instanceof IppanelError) {
    return {
      message: err.message, messageFa: err.messageFa, kind: err.kind, code: err.code, op: err.op,
      status: err.status, mayHaveSent: err.mayHaveSent,
    };
  }
  if (err instanceof ProxyFailure) {
    return {
      message: err.message, messageFa: err.messageFa, kind: err.kind, code: err.code, op: "proxy",
      status: err.status, retryAfter: err.retryAfter,
    };
  }
  const message = err && typeof err.message === "string" ? err.message : String(err);
  return { message, messageFa: `${T.fa.unexpected}: ${message}`, kind: "unexpected", code: null };
}

function errorBox(err) {
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
    d.mayHaveSent ? h("p", { class: "err-note", "data-testid": "error-may-have-sent" }, t("mayHaveSent")) : null,
    d.retryAfter ? h("p", { class: "err-note" }, t("retryAfter", { s: fmt(d.retryAfter) })) : null,
  );
}

const okBox = (...children) => h("div", { class: "ok-box", role: "status", "data-testid": "result" }, ...children);
const infoBox = (...children) => h("div", { class: "info-box", role: "status" }, ...children);

/**
 * Runs one action of a panel: disables its button, clears its output, and shows any failure
 * as an error box. Returns the action's value, or undefined when it failed.
 */
async function run(out, button, action) {
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

// ───────────────────────────── settings and the client ─────────────────────────────

let config = {
  sandboxUrl: null, baseUrl: "https://ippanel.com", demoUser: "", demoPass: "",
  senders: ["3000505"], proxyUrl: "", pollIntervalMs: 2000,
};
/** The current settings. The password lives only here and in its (type=password) field. */
const settings = { mode: "direct", baseUrl: "", username: "", password: "", from: "", proxyUrl: "" };
let client = null;

async function loadConfig() {
  try {
    const res = await fetch("/config.json", { cache: "no-store" });
    if (res.ok) config = { ...config, ...(await res.json()) };
  } catch { /* served without serve-demo.mjs: keep the defaults */ }
}

function fillSettingsForm() {
  const form = $("#settings-form");
  form.elements.mode.value = settings.mode;
  form.elements.baseUrl.value = settings.baseUrl;
  form.elements.username.value = settings.username;
  form.elements.password.value = settings.password;
  form.elements.from.value = settings.from;
  form.elements.proxyUrl.value = settings.proxyUrl;
  form.dataset.mode = settings.mode;
}

function defaults() {
  return {
    mode: "direct",
    baseUrl: config.baseUrl || config.sandboxUrl || "https://ippanel.com",
    username: config.demoUser || "",
    password: config.demoPass || "",
    from: (config.senders && config.senders[0]) || "",
    proxyUrl: config.proxyUrl || "",
  };
}

function makeClient() {
  client = new Client({ username: settings.username, password: settings.password, baseUrl: settings.baseUrl });
}

function applySettingsFromForm() {
  const f = $("#settings-form").elements;
  const next = {
    mode: f.mode.value === "proxy" ? "proxy" : "direct",
    baseUrl: f.baseUrl.value.trim().replace(/\/+$/, ""),
    username: f.username.value.trim(),
    password: f.password.value,
    from: f.from.value.trim(),
    proxyUrl: f.proxyUrl.value.trim().replace(/\/+$/, ""),
  };
  Object.assign(settings, next);
  setMode(settings.mode);
  makeClient();
  drawSettingsSummary();
}

function setMode(mode) {
  document.body.classList.toggle("mode-proxy", mode === "proxy");
  document.body.classList.toggle("mode-direct", mode !== "proxy");
  tid("mode-badge").dataset.mode = mode;
  drawModeBadge();
}

function drawModeBadge() {
  tid("mode-badge").textContent = settings.mode === "proxy" ? t("badgeProxy") : t("badgeDirect");
}

function drawSettingsSummary() {
  let text;
  if (settings.mode === "proxy") {
    text = settings.proxyUrl || "—";
  } else {
    let host = settings.baseUrl;
    try { host = new URL(settings.baseUrl).host + new URL(settings.baseUrl).pathname.replace(/\/$/, ""); } catch { /* keep */ }
    text = `${settings.username || "—"} @ ${host} · ${settings.from || "—"}`;
  }
  tid("settings-summary").textContent = text;
}

// ───────────────────────────── the Worker proxy (plain fetch) ─────────────────────────────

async function proxyCall(path, init = {}) {
  if (!settings.proxyUrl) {
    throw new ProxyFailure({ kind: "input", message: T.en.noProxy, messageFa: T.fa.noProxy });
  }
  let res;
  try {
    res = await fetch(settings.proxyUrl + path, {
      ...init,
      headers: { Accept: "application/json", ...(init.body ? { "Content-Type": "application/json" } : {}) },
    });
  } catch (err) {
    if (init.signal?.aborted) throw err;
    throw new ProxyFailure({ kind: "network", message: T.en.proxyNetwork, messageFa: T.fa.proxyNetwork });
  }
  let body = null;
  try { body = await res.json(); } catch { /* not JSON */ }
  if (res.ok && body && !body.error) return body;
  if (body && body.error && typeof body.error === "object") {
    const e = body.error;
    const retry = Number(res.headers.get("Retry-After"));
    throw new ProxyFailure({
      kind: e.kind ?? "http", code: e.code ?? null, message: e.message ?? `HTTP ${res.status}`,
      messageFa: e.messageFa ?? e.message ?? `HTTP ${res.status}`, status: res.status,
      retryAfter: Number.isFinite(retry) && retry > 0 ? retry : null,
    });
  }
  throw new ProxyFailure({ kind: "protocol", message: T.en.proxyBad, messageFa: T.fa.proxyBad, status: res.status });
}

// ───────────────────────────── credit ─────────────────────────────

let creditValue = null;

function drawCredit() {
  const el = tid("credit-value");
  if (creditValue === null) {
    el.textContent = "—";
    delete el.dataset.value;
  } else {
    el.textContent = `${fmt(creditValue)} ${t("rials")}`;
    el.dataset.value = String(creditValue);
  }
}

async function refreshCredit() {
  const out = tid("credit-out");
  const value = await run(out, tid("credit-refresh"), async () => {
    if (settings.mode === "proxy") {
      const body = await proxyCall("/api/credit");
      return Number(body.credit);
    }
    return await client.credit();
  });
  if (value !== undefined) {
    creditValue = value;
  }
  drawCredit();
  tid("credit-value").dataset.state = value === undefined ? "error" : "ok";
}

// ───────────────────────────── counters and recipients ─────────────────────────────

function drawCounter(el, text) {
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
function parseRecipients(text) {
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
function validateRecipients(field, errEl, okEl) {
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

// ───────────────────────────── send ─────────────────────────────

function tehranTime(value) {
  // <input type=datetime-local> gives "YYYY-MM-DDTHH:MM" or "...:SS"; the label says Tehran time,
  // so it is passed as the string form the API sends as given.
  if (!value) return undefined;
  const [d, tm] = value.split("T");
  return `${d} ${tm.length === 5 ? tm + ":00" : tm}`;
}

function sentBox(bulkId, extra) {
  return okBox(
    h("span", {}, t("sent"), " "),
    h("span", {}, `${t("bulkId")}: `),
    h("code", { "data-testid": "bulk-id", dir: "ltr" }, String(bulkId)),
    extra ?? null,
  );
}

async function onSend(e) {
  e.preventDefault();
  const to = parseRecipients(tid("send-to").value).map((x) => x.input);
  const out = tid("send-out");
  const res = await run(out, tid("send-submit"), () =>
    client.send({
      from: settings.from,
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

// ───────────────────────────── status and delivery ─────────────────────────────

let watchCtl = null;
let deliveryEntries = [];
let watchState = "idle";

function drawDelivery() {
  const tbody = $("tbody", tid("delivery-table"));
  tbody.replaceChildren(...deliveryEntries.map((e) =>
    h("tr", { "data-testid": "delivery-row", dataset: { status: e.status, final: FINAL.has(e.status) ? "1" : "0" } },
      h("td", { dir: "ltr", class: "num" }, e.recipient),
      h("td", {}, h("span", { class: `badge st-${String(e.status).replace(/[^a-z]/gi, "")}` }, word(e.status)),
        lang === "fa" && WORDS.fa[e.status] ? h("small", { class: "raw", dir: "ltr" }, e.status) : null),
    )));
  tid("delivery-table").dataset.rows = String(deliveryEntries.length);
}

function drawWatchState() {
  const el = tid("delivery-state");
  el.dataset.state = watchState;
  const s = Math.round((config.pollIntervalMs / 1000) * 10) / 10;
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

async function startWatch(bulkId) {
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
    const entries = settings.mode === "proxy"
      ? await proxyWaitForDelivery(bulkId, { signal: ctl.signal, onUpdate })
      : await client.waitForDelivery(bulkId, {
        intervalMs: config.pollIntervalMs, timeoutMs: 10 * 60 * 1000, signal: ctl.signal, onUpdate,
      });
    if (!mine()) return;
    deliveryEntries = entries;
    drawDelivery();
    setWatchState(entries.length === 0 ? "empty" : entries.every((x) => FINAL.has(x.status)) ? "final" : "timeout");
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

/** waitForDelivery's behaviour, over the Worker proxy's GET /api/delivery/<bulkId>. */
async function proxyWaitForDelivery(bulkId, { signal, onUpdate }) {
  const deadline = Date.now() + 10 * 60 * 1000;
  for (;;) {
    const body = await proxyCall(`/api/delivery/${encodeURIComponent(bulkId)}`, { signal });
    const entries = Array.isArray(body.entries) ? body.entries : [];
    onUpdate(entries);
    if (entries.every((x) => FINAL.has(x.status)) || Date.now() > deadline) return entries;
    await new Promise((ok, fail) => {
      const timer = setTimeout(ok, config.pollIntervalMs);
      signal.addEventListener("abort", () => { clearTimeout(timer); fail(new Error("aborted")); }, { once: true });
    });
  }
}

async function onCheckStatus(e) {
  e.preventDefault();
  const id = tid("status-bulk-id").value.trim();
  const out = tid("status-out");
  const res = await run(out, tid("status-check"), () => client.checkMessage(id));
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

// ───────────────────────────── pattern ─────────────────────────────

function addVarRow(key = "", value = "") {
  const box = $("#pattern-vars");
  const n = box.children.length + 1;
  const keyId = `pv-k-${Date.now()}-${n}`;
  const valId = `pv-v-${Date.now()}-${n}`;
  const row = h("div", { class: "var-row", "data-testid": "pattern-var-row" },
    h("label", { class: "sr-only", for: keyId, "data-i18n": "varName" }, t("varName")),
    h("input", { id: keyId, dir: "ltr", spellcheck: "false", value: key, placeholder: t("varName"), "data-i18n-placeholder": "varName", "data-testid": "pattern-var-key" }),
    h("label", { class: "sr-only", for: valId, "data-i18n": "varValue" }, t("varValue")),
    h("input", { id: valId, dir: "auto", value, placeholder: t("varValue"), "data-i18n-placeholder": "varValue", "data-testid": "pattern-var-value" }),
    h("button", {
      type: "button", class: "icon secondary", "aria-label": t("removeVar"), title: t("removeVar"),
      "data-i18n-aria-label": "removeVar", "data-i18n-title": "removeVar", "data-testid": "pattern-var-remove",
      onclick: () => row.remove(),
    }, "×"),
  );
  box.append(row);
  return row;
}

async function onPattern(e) {
  e.preventDefault();
  const values = {};
  for (const row of document.querySelectorAll('[data-testid="pattern-var-row"]')) {
    const k = tid("pattern-var-key", row).value.trim();
    if (k) values[k] = tid("pattern-var-value", row).value;
  }
  const out = tid("pattern-out");
  const res = await run(out, tid("pattern-submit"), () => client.sendPattern({
    from: settings.from,
    to: tid("pattern-to").value.trim(),
    patternCode: tid("pattern-code").value.trim(),
    values,
  }));
  if (res) {
    render(out, () => sentBox(res.bulkId));
    startWatch(res.bulkId);
    refreshCredit();
  }
}

// ───────────────────────────── bulk ─────────────────────────────

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
  const res = await run(out, tid("bulk-submit"), () => client.sendBulk({
    from: settings.from,
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

// ───────────────────────────── lists: inbox, phonebooks, jobs, postal, access ─────────────────────────────

function table(testid, columns, rows) {
  if (!rows.length) return infoBox(t("emptyList"));
  return h("div", { class: "table-wrap" }, h("table", { class: "data", "data-testid": testid, dataset: { rows: String(rows.length) } },
    h("thead", {}, h("tr", {}, columns.map((c) => h("th", { scope: "col" }, t(c.label))))),
    h("tbody", {}, rows.map((r) => h("tr", {}, columns.map((c) => h("td", { dir: c.dir, class: c.cls }, c.get(r)))))),
  ));
}

async function loadInbox() {
  const out = tid("inbox-out");
  const list = await run(out, tid("inbox-refresh"), () => client.inboxList());
  if (!list) return;
  render(out, () => list.length ? table("inbox-table", [
    { label: "colFrom", dir: "ltr", cls: "num", get: (m) => m.from },
    { label: "colTo", dir: "ltr", cls: "num", get: (m) => m.to },
    { label: "colMessage", dir: "auto", get: (m) => m.message },
    { label: "colReceived", dir: "ltr", cls: "num", get: (m) => m.receivedAt },
  ], list) : infoBox(t("inboxEmpty")));
}

async function loadBooks() {
  const out = tid("book-out");
  const list = await run(out, tid("book-load"), () => client.bookList());
  if (!list) return;
  const sel = tid("book-select");
  sel.replaceChildren(...list.map((b) => h("option", { value: b.id }, `${b.title} (#${b.id})`)));
  render(out, () => infoBox(list.length ? t("loaded", { n: fmt(list.length) }) : t("emptyList")));
}

async function onBookSend(e) {
  e.preventDefault();
  const out = tid("book-out");
  const res = await run(out, tid("book-submit"), () => client.bookSend({
    from: settings.from, message: tid("book-message").value, bookId: tid("book-select").value,
  }));
  if (res) { render(out, () => sentBox(res.bulkId)); refreshCredit(); }
}

async function loadJobs() {
  const out = tid("jobs-out");
  const res = await run(out, tid("jobs-load"), async () => {
    const jobs = await client.jobList();
    const trends = jobs.length ? await client.jobTrendList(Number(jobs[0].id)) : [];
    return { jobs, trends };
  });
  if (!res) return;
  tid("jobs-select").replaceChildren(...res.jobs.map((j) => h("option", { value: j.id }, `${j.title} (#${j.id})`)));
  drawTrends(res.trends);
  render(out, () => infoBox(res.jobs.length ? t("loaded", { n: fmt(res.jobs.length) }) : t("emptyList")));
}

function drawTrends(list) {
  tid("jobs-trends").replaceChildren(...list.map((tr) => h("label", { class: "inline check" },
    h("input", { type: "checkbox", value: tr.id, "data-testid": "jobs-trend" }), ` ${tr.title}`)));
  const count = tid("jobs-count-value");
  count.textContent = "";
  delete count.dataset.value;
  renderers.delete(count);
}

async function loadTrends() {
  const out = tid("jobs-out");
  const list = await run(out, null, () => client.jobTrendList(Number(tid("jobs-select").value)));
  if (!list) return;
  drawTrends(list);
  if (!list.length) render(out, () => infoBox(t("noTrends")));
}

function pickedTrends() {
  return [...document.querySelectorAll('[data-testid="jobs-trend"]:checked')].map((c) => Number(c.value));
}

async function onJobsCount() {
  const out = tid("jobs-out");
  const trendIds = pickedTrends();
  const n = await run(out, tid("jobs-count"), () => client.jobsCount({ trendIds }));
  const el = tid("jobs-count-value");
  if (n !== undefined) { el.dataset.value = String(n); render(el, () => t("countResult", { n: fmt(n) })); }
}

async function onJobsSend(e) {
  e.preventDefault();
  const out = tid("jobs-out");
  const res = await run(out, tid("jobs-submit"), () => client.jobsSend({
    from: settings.from, message: tid("jobs-message").value,
    jobId: Number(tid("jobs-select").value), trendIds: pickedTrends(),
  }));
  if (res) { render(out, () => sentBox(res.bulkId)); refreshCredit(); }
}

async function loadAreas() {
  const out = tid("postal-out");
  const list = await run(out, tid("postal-load"), () => client.postalCodeArea());
  if (!list) return;
  render(out, () => list.length
    // Areas are shown for reference only: postalCodeCount/Send need a full 10-digit postal code.
    ? h("div", { class: "chips", "data-testid": "postal-areas" }, list.slice(0, 40).map((a) => h("span", {
      class: "chip",
    }, h("span", {}, a.name), " ", h("small", { dir: "ltr" }, a.code))))
    : infoBox(t("emptyList")));
}

function postalReq() {
  return { postalCode: tid("postal-code").value.trim(), operator: tid("postal-operator").value, gender: tid("postal-gender").value };
}

async function onPostalCount() {
  const out = tid("postal-out");
  const n = await run(out, tid("postal-count"), () => client.postalCodeCount(postalReq()));
  const el = tid("postal-count-value");
  if (n !== undefined) { el.dataset.value = String(n); render(el, () => t("countResult", { n: fmt(n) })); }
}

async function onPostalSend(e) {
  e.preventDefault();
  const out = tid("postal-out");
  const res = await run(out, tid("postal-submit"), () => client.postalCodeSend({
    from: settings.from, message: tid("postal-message").value, ...postalReq(),
  }));
  if (res) { render(out, () => sentBox(res.bulkId)); refreshCredit(); }
}

async function loadAccess() {
  const out = tid("access-out");
  const list = await run(out, tid("access-load"), () => client.accessList());
  if (!list) return;
  render(out, () => table("access-table", [
    { label: "colId", dir: "ltr", cls: "num", get: (a) => a.id },
    { label: "colTitle", dir: "auto", get: (a) => a.title },
    { label: "colPrice", cls: "num", get: (a) => fmt(a.price) },
    { label: "colDiscount", cls: "num", get: (a) => fmt(a.discount) },
  ], list));
}

// ───────────────────────────── OTP through the proxy ─────────────────────────────

async function onOtp(e) {
  e.preventDefault();
  const out = tid("otp-out");
  const res = await run(out, tid("otp-submit"), () => proxyCall("/api/otp", {
    method: "POST",
    body: JSON.stringify({ to: tid("otp-to").value.trim(), values: { code: tid("otp-code").value.trim() } }),
  }));
  if (res) {
    render(out, () => sentBox(res.bulkId));
    startWatch(res.bulkId);
    refreshCredit();
  }
}

function validateSingle(field, errEl) {
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

// ───────────────────────────── language ─────────────────────────────

function applyLanguage(next) {
  lang = next;
  try { localStorage.setItem("ippanel-demo-lang", lang); } catch { /* ignore */ }
  const root = document.documentElement;
  root.lang = lang;
  root.dir = lang === "fa" ? "rtl" : "ltr";
  document.title = t("title");
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll("[data-i18n-placeholder]")) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of document.querySelectorAll("[data-i18n-aria-label]")) el.setAttribute("aria-label", t(el.dataset.i18nAriaLabel));
  for (const el of document.querySelectorAll("[data-i18n-title]")) el.title = t(el.dataset.i18nTitle);
  const toggle = tid("lang-toggle");
  toggle.textContent = t("switchLang");
  toggle.setAttribute("aria-label", t("switchLangLabel"));
  toggle.lang = lang === "fa" ? "en" : "fa";
  drawModeBadge();
  drawCredit();
  drawDelivery();
  drawWatchState();
  redrawAll();
}

// ───────────────────────────── start ─────────────────────────────

function wire() {
  const on = (id, ev, fn) => tid(id).addEventListener(ev, fn);
  on("lang-toggle", "click", () => applyLanguage(lang === "fa" ? "en" : "fa"));

  $("#settings-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const out = tid("settings-out");
    try {
      const base = $("#settings-form").elements.baseUrl.value.trim();
      if ($("#settings-form").elements.mode.value !== "proxy") {
        try { new URL(base); } catch {
          throw new ProxyFailure({ kind: "input", code: null, message: T.en.badBaseUrl, messageFa: T.fa.badBaseUrl });
        }
      }
      applySettingsFromForm();
      render(out, () => okBox(t("settingsApplied")));
      refreshCredit();
    } catch (err) {
      render(out, () => errorBox(err));
    }
  });
  for (const r of document.querySelectorAll('input[name="mode"]')) {
    r.addEventListener("change", () => { $("#settings-form").dataset.mode = $("#settings-form").elements.mode.value; });
  }
  on("settings-reset", "click", () => {
    Object.assign(settings, defaults());
    fillSettingsForm();
    setMode(settings.mode);
    makeClient();
    drawSettingsSummary();
    render(tid("settings-out"), () => okBox(t("settingsApplied")));
    refreshCredit();
  });

  on("credit-refresh", "click", refreshCredit);

  const sendTo = tid("send-to");
  const sendMsg = tid("send-message");
  sendTo.addEventListener("input", () => validateRecipients(sendTo, tid("send-to-error"), tid("send-to-valid")));
  sendMsg.addEventListener("input", () => drawCounter(tid("send-counter"), sendMsg.value));
  $("#send-form").addEventListener("submit", onSend);

  $("#status-form").addEventListener("submit", onCheckStatus);
  on("delivery-watch", "click", onWatchClick);
  on("delivery-stop", "click", stopWatch);

  on("pattern-add-var", "click", () => addVarRow().querySelector("input").focus());
  tid("pattern-to").addEventListener("input", () => validateSingle(tid("pattern-to"), tid("pattern-to-error")));
  $("#pattern-form").addEventListener("submit", onPattern);

  const bulkTo = tid("bulk-to");
  const bulkMsg = tid("bulk-message");
  bulkTo.addEventListener("input", () => {
    const items = validateRecipients(bulkTo, tid("bulk-to-error"), tid("bulk-to-valid"));
    drawProgress(0, items.length);
  });
  bulkMsg.addEventListener("input", () => drawCounter(tid("bulk-counter"), bulkMsg.value));
  on("bulk-fill", "click", fillSamples);
  on("bulk-cancel", "click", () => bulkCtl?.abort());
  $("#bulk-form").addEventListener("submit", onBulk);

  on("inbox-refresh", "click", loadInbox);
  on("book-load", "click", loadBooks);
  $("#book-form").addEventListener("submit", onBookSend);
  on("jobs-load", "click", loadJobs);
  on("jobs-select", "change", loadTrends);
  on("jobs-count", "click", onJobsCount);
  $("#jobs-form").addEventListener("submit", onJobsSend);
  on("postal-load", "click", loadAreas);
  on("postal-count", "click", onPostalCount);
  $("#postal-form").addEventListener("submit", onPostalSend);
  on("access-load", "click", loadAccess);

  tid("otp-to").addEventListener("input", () => validateSingle(tid("otp-to"), tid("otp-to-error")));
  $("#otp-form").addEventListener("submit", onOtp);
}

async function start() {
  await loadConfig();
  $("#senders").replaceChildren(...(config.senders ?? []).map((s) => h("option", { value: s })));
  Object.assign(settings, defaults());
  fillSettingsForm();
  setMode(settings.mode);
  makeClient();
  drawSettingsSummary();
  if (!config.sandboxUrl) $("#settings").open = true;

  wire();
  addVarRow("code", String(Math.floor(1000 + Math.random() * 9000)));
  tid("send-message").value = lang === "fa" ? "سلام! این پیام آزمایشی از ippanel-wasm است." : "Hello from ippanel-wasm!";
  tid("bulk-message").value = "Hello from ippanel-wasm (bulk)";
  tid("book-message").value = tid("jobs-message").value = tid("postal-message").value = "ippanel-wasm";
  tid("send-to").value = "09121234567";
  tid("pattern-to").value = "09121234567";
  drawCounter(tid("send-counter"), tid("send-message").value);
  drawCounter(tid("bulk-counter"), tid("bulk-message").value);
  validateRecipients(tid("send-to"), tid("send-to-error"), tid("send-to-valid"));
  drawProgress(0, 0);

  applyLanguage(lang);
  $("#boot").hidden = true;
  $("#app").hidden = false;
  document.body.dataset.ready = "1";
  await refreshCredit();
}

start();
