// The Worker's settings, read from env ([vars] in wrangler.toml, secrets, .dev.vars locally).
// README.md, "Settings", explains each one; wrangler.toml has a comment on each.

import { configError } from "./http.js";

const TRUE_WORDS = new Set(["1", "true", "yes", "on"]);
const flag = (value) => TRUE_WORDS.has(String(value ?? "").trim().toLowerCase());
export const list = (value) =>
  String(value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * An integer setting. A value that is set but not a whole number in [min, max] is a
 * deployment mistake: it answers 500 `config` (and says which setting in the log) rather than
 * silently running with a limit nobody chose.
 */
function int(env, name, fallback, min, max = Number.MAX_SAFE_INTEGER) {
  const raw = env[name];
  if (raw === undefined || raw === null || String(raw).trim() === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`proxy misconfigured: ${name} must be a whole number from ${min} to ${max}`);
    throw configError();
  }
  return n;
}

export const SECONDS_PER_DAY = 86_400;

export function config(env) {
  const allowedOrigins = new Set(list(env.ALLOWED_ORIGINS));
  return {
    allowedOrigins,
    allowNoOrigin: flag(env.ALLOW_NO_ORIGIN),
    enableCredit: flag(env.ENABLE_CREDIT),

    ippanelBaseUrl: (env.IPPANEL_BASE_URL || "https://ippanel.com").replace(/\/+$/, ""),
    ippanelTimeoutMs: int(env, "IPPANEL_TIMEOUT_MS", 10000, 1),
    ippanelRetries: int(env, "IPPANEL_RETRIES", 1, 0, 5),

    patternCode: env.VERIFY_PATTERN_CODE ?? "",
    from: env.VERIFY_FROM ?? "",
    patternVariable: env.VERIFY_PATTERN_VARIABLE || "code",
    codeLength: int(env, "VERIFY_CODE_LENGTH", 6, 4, 10),
    codeTtl: int(env, "VERIFY_CODE_TTL_SECONDS", 600, 1, SECONDS_PER_DAY),
    maxChecks: int(env, "VERIFY_MAX_CHECKS", 5, 1, 100),
    resendCooldown: int(env, "VERIFY_RESEND_COOLDOWN_SECONDS", 60, 0, SECONDS_PER_DAY),
    sendsPerWindow: int(env, "VERIFY_SENDS_PER_NUMBER", 5, 1),
    sendWindow: int(env, "VERIFY_SENDS_WINDOW_SECONDS", 600, 1, SECONDS_PER_DAY),
    sendsPerDay: int(env, "VERIFY_SENDS_PER_NUMBER_PER_DAY", 10, 1),

    budgetPerHour: int(env, "BUDGET_SENDS_PER_HOUR", 100, 0),
    budgetPerDay: int(env, "BUDGET_SENDS_PER_DAY", 1000, 0),

    tokenTtl: int(env, "TOKEN_TTL_SECONDS", 300, 1, SECONDS_PER_DAY),
    tokenIssuer: env.TOKEN_ISSUER ?? "",
    tokenAudience: env.TOKEN_AUDIENCE ?? "",

    turnstileSecret: env.TURNSTILE_SECRET ?? "",
    turnstileVerifyUrl: env.TURNSTILE_VERIFY_URL || "https://challenges.cloudflare.com/turnstile/v0/siteverify",
    turnstileAction: env.TURNSTILE_ACTION ?? "verify",
    // Empty: the host names of ALLOWED_ORIGINS, the pages that may show the widget.
    turnstileHostnames: new Set(
      list(env.TURNSTILE_HOSTNAMES).length
        ? list(env.TURNSTILE_HOSTNAMES)
        : [...allowedOrigins].map((o) => { try { return new URL(o).hostname; } catch { return ""; } }).filter(Boolean),
    ),
  };
}

/** Secrets shorter than this are refused: an HMAC key should be at least as long as its output's strength. */
const MIN_SECRET_LENGTH = 32;

/** The two secrets of the verification API; 500 `config` when either is missing or short. */
export function verifySecrets(env) {
  for (const name of ["VERIFY_SECRET", "TOKEN_SECRET"]) {
    if (String(env[name] ?? "").length < MIN_SECRET_LENGTH) {
      console.error(`proxy misconfigured: ${name} is not set or shorter than ${MIN_SECRET_LENGTH} characters`);
      throw configError();
    }
  }
  return { verifySecret: env.VERIFY_SECRET, tokenSecret: env.TOKEN_SECRET };
}
