// The verification panel (Worker mode): a number is verified the way a site would do it. The
// Worker makes and texts the code (POST /api/verify/start) and checks what is typed
// (POST /api/verify/check); the page never sees the code. With the sandbox, a "phone" beside
// the form shows the last text the sandbox delivered to that number, as a real phone would.

import { normalizeMobile } from "ippanel-wasm";
import { fmt, t } from "../lib/i18n.js";
import { $, clear, h, render, tid } from "../lib/dom.js";
import { validateSingle } from "../lib/recipients.js";
import { proxyCall, state } from "../lib/state.js";
import { errorBox, infoBox, okBox, run } from "../lib/ui.js";

/** The verification in progress: { id, phone, expiresIn, resendAt } or null. */
let current = null;
let resendTimer = null;

function drawResend() {
  const el = tid("verify-resend");
  if (!current) return clear(el);
  const wait = Math.max(0, Math.ceil((current.resendAt - Date.now()) / 1000));
  el.dataset.wait = String(wait);
  render(el, () => (wait > 0 ? t("resendIn", { s: fmt(wait) }) : t("resendNow")));
  if (wait === 0) {
    clearInterval(resendTimer);
    resendTimer = null;
  }
}

async function onStart(e) {
  e.preventDefault();
  const to = tid("verify-to").value.trim();
  const out = tid("verify-start-out");
  clear(tid("verify-out"));
  const res = await run(out, tid("verify-start"), async () => {
    const phone = normalizeMobile(to); // refuses a bad number before anything is sent
    const body = await proxyCall("/api/verify/start", { method: "POST", body: JSON.stringify({ to }) });
    return { ...body, phone };
  });
  if (!res) return;
  current = {
    id: res.verificationId, phone: res.phone, expiresIn: res.expiresIn,
    resendAt: Date.now() + Number(res.resendAfter) * 1000,
  };
  render(out, () => okBox(
    h("span", { "data-testid": "verify-sent" }, t("codeSent", { phone: current.phone, min: fmt(Math.max(1, Math.round(current.expiresIn / 60))) })),
    " ",
    h("span", { "data-testid": "verify-resend" }),
  ));
  clearInterval(resendTimer);
  resendTimer = setInterval(drawResend, 1000);
  drawResend();
  tid("verify-start").dataset.i18n = "resendCode";
  tid("verify-start").textContent = t("resendCode");
  tid("verify-check-form").hidden = false;
  tid("verify-code").value = "";
  tid("verify-code").focus();
  await showPhone(current.phone);
}

/** The claims of a JWT, decoded for display only: the site's backend verifies the signature. */
function claimsOf(token) {
  try {
    const part = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    const text = new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0)));
    return JSON.parse(text);
  } catch {
    return {};
  }
}

function approvedBox(token) {
  const claims = claimsOf(token);
  const when = (s) => (Number.isFinite(s) ? new Date(s * 1000).toLocaleString(document.documentElement.lang === "fa" ? "fa-IR" : "en-US") : "—");
  const row = (label, claim, value) =>
    h("div", {}, h("dt", {}, t(label)), h("dd", { dir: "ltr", "data-claim": claim }, value ?? "—"));
  return [
    okBox(h("strong", { "data-testid": "verify-result", dataset: { status: "approved" } }, "✓ ", t("stApproved"))),
    h("div", { class: "token-box" },
      h("h3", {}, t("tokenTitle")),
      h("dl", { class: "claims", "data-testid": "verify-claims" },
        row("claimSub", "sub", claims.sub),
        row("claimIat", "iat", when(claims.iat)),
        row("claimExp", "exp", when(claims.exp)),
        claims.iss ? row("claimIss", "iss", claims.iss) : null,
        row("claimJti", "jti", claims.jti),
      ),
      h("code", { class: "token", dir: "ltr", "data-testid": "verify-token" }, token),
      h("p", { class: "help" }, t("tokenNote")),
    ),
  ];
}

function resultBox(res) {
  const status = (kind, text) =>
    h("div", { class: kind === "ok" ? "ok-box" : "info-box warn", role: "status" },
      h("span", { "data-testid": "verify-result", dataset: { status: res.status } }, text));
  switch (res.status) {
    case "approved": return approvedBox(res.token);
    case "pending": return status("warn", t("stPending", { n: fmt(res.attemptsLeft) }));
    case "max_attempts_reached": return status("warn", t("stMax"));
    default: return status("warn", t("stExpired"));
  }
}

async function onCheck(e) {
  e.preventDefault();
  if (!current) return;
  const out = tid("verify-out");
  const res = await run(out, tid("verify-check"), () => proxyCall("/api/verify/check", {
    method: "POST", body: JSON.stringify({ verificationId: current.id, code: tid("verify-code").value.trim() }),
  }, { allow: [429] })); // 429 { status: "max_attempts_reached" } is an answer, not an error
  if (!res) return;
  render(out, () => resultBox(res));
  if (res.status !== "pending") {
    // This code is done (approved, or unusable): a new one starts over.
    tid("verify-check-form").hidden = true;
    current = null;
    clearInterval(resendTimer);
    resendTimer = null;
    clear(tid("verify-start-out"));
    tid("verify-start").dataset.i18n = "sendCode";
    tid("verify-start").textContent = t("sendCode");
  }
}

// ───────────────────────────── the sandbox "phone" ─────────────────────────────

/** The sandbox ledger's sends ({ recipients, message, at }), whatever its exact wrapping. */
async function ledger() {
  const { sandboxUrl, demoUser } = state.config;
  const res = await fetch(`${sandboxUrl}/__sandbox/ledger?uname=${encodeURIComponent(demoUser || "demo")}`, { cache: "no-store" });
  if (!res.ok) throw new Error(`ledger HTTP ${res.status}`);
  const body = await res.json();
  return Array.isArray(body) ? body : body.ledger ?? body.entries ?? body.sends ?? [];
}

async function showPhone(phone) {
  const screen = tid("verify-phone-screen");
  if (!state.config.sandboxUrl) return;
  try {
    const texts = (await ledger()).filter((row) => [row.recipients ?? row.to ?? []].flat().map(String).includes(phone));
    const last = texts.at(-1);
    render(screen, () => (last
      ? h("div", { class: "sms" },
        h("div", { class: "sms-from", dir: "ltr" }, String(last.from ?? "")),
        h("p", { class: "sms-text", dir: "auto", "data-testid": "verify-phone-message" }, String(last.message)),
        h("small", { class: "sms-time", dir: "ltr" }, last.at ? new Date(last.at).toLocaleTimeString() : ""),
        h("small", { class: "sms-to", dir: "ltr" }, phone))
      : infoBox(t("phoneEmpty"))));
  } catch (err) {
    render(screen, () => errorBox(err));
  }
}

export function init() {
  const to = tid("verify-to");
  to.addEventListener("input", () => validateSingle(to, tid("verify-to-error")));
  $("#verify-start-form").addEventListener("submit", onStart);
  $("#verify-check-form").addEventListener("submit", onCheck);
  to.value = "09121234567";
  // Without a sandbox the code goes to a real phone: there is nothing to show here.
  tid("verify-phone").hidden = !state.config.sandboxUrl;
  render(tid("verify-phone-screen"), () => infoBox(t("phoneEmpty")));
}
