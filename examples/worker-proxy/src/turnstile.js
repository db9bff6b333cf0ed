// Cloudflare Turnstile: when TURNSTILE_SECRET is set, `start` needs a token from the widget on
// the page, checked with siteverify (success, hostname and action).

import { ProxyError } from "./http.js";

const MAX_TOKEN_LENGTH = 2048; // Turnstile tokens are up to 2048 characters
const SITEVERIFY_TIMEOUT_MS = 5000;

const refused = (code, message, messageFa) => new ProxyError(403, "turnstile", code, message, messageFa);

/** Throws a ProxyError unless the token is a fresh, successful challenge for this site and action. */
export async function requireTurnstile(token, ip, cfg) {
  if (typeof token !== "string" || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
    throw new ProxyError(400, "turnstile", "turnstile_missing", "Complete the human check first (turnstileToken).",
      "ابتدا بررسی انسان بودن را کامل کنید (turnstileToken).");
  }
  const form = new FormData();
  form.append("secret", cfg.turnstileSecret);
  form.append("response", token);
  if (ip) form.append("remoteip", ip);
  let outcome;
  try {
    const res = await fetch(cfg.turnstileVerifyUrl, {
      method: "POST", body: form, signal: AbortSignal.timeout(SITEVERIFY_TIMEOUT_MS),
    });
    if (!res.ok) throw new Error(`siteverify HTTP ${res.status}`);
    outcome = await res.json();
  } catch (err) {
    console.error("turnstile siteverify failed " + JSON.stringify({ name: err?.name ?? "unknown" }));
    throw new ProxyError(502, "turnstile", "turnstile_unavailable", "The human check could not be verified; try again.",
      "بررسی انسان بودن تأیید نشد؛ دوباره تلاش کنید.");
  }
  const failed = () => refused("turnstile_failed", "The human check failed; try again.", "بررسی انسان بودن رد شد؛ دوباره تلاش کنید.");
  if (outcome?.success !== true) throw failed();
  // A token solved on another site, or for another form of this one, is not for this call.
  if (cfg.turnstileHostnames.size && !cfg.turnstileHostnames.has(outcome.hostname)) throw failed();
  if (cfg.turnstileAction && outcome.action !== cfg.turnstileAction) throw failed();
}
