// A Cloudflare Worker that lets a browser page use an ippanel account without ever seeing its
// password. The page calls a tiny JSON API with plain fetch(); this Worker holds the username and
// password as secrets and calls the ippanel service through ippanel-wasm.
//
//   POST /api/otp              { "to": "0912...", "values": { "code": "1234" } } → { "bulkId": "..." }
//   GET  /api/delivery/<id>    → { "entries": [ { "recipient": "+98...", "status": "delivered" } ] }
//   GET  /api/credit           → { "credit": 123.5 }
//   errors                     → { "error": { "kind", "code", "message", "messageFa" } }
//
// Configuration is in wrangler.toml ([vars]) and two secrets (IPPANEL_USERNAME, IPPANEL_PASSWORD);
// README.md explains every setting.

import { Client, IppanelError, normalizeMobile } from "ippanel-wasm";

/** Largest request body accepted (bytes). An OTP request is well under 200 bytes. */
const MAX_BODY_BYTES = 2048;
/** Limits on the pattern variables a page may send. */
const MAX_VARIABLES = 10;
const MAX_VALUE_LENGTH = 64;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,31}$/;
const BULK_ID = /^[0-9]{1,20}$/;
/** Entries kept per limiter before old windows are pruned (bounds the isolate's memory). */
const MAX_LIMITER_KEYS = 10000;

// ───────────────────────────── configuration ─────────────────────────────

const TRUE_WORDS = new Set(["1", "true", "yes", "on"]);
const flag = (value) => TRUE_WORDS.has(String(value ?? "").trim().toLowerCase());
const list = (value) =>
  String(value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

function intVar(value, fallback, min = 0) {
  if (value === undefined || value === null || String(value).trim() === "") return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n >= min ? n : fallback;
}

let regexCache = { source: null, regex: null };
/** `OTP_VALUE_PATTERN` compiled once per isolate; throws on an invalid pattern (a config error). */
function valuePattern(source) {
  if (!source) return null;
  if (regexCache.source !== source) regexCache = { source, regex: new RegExp(source, "u") };
  return regexCache.regex;
}

function config(env) {
  return {
    allowedOrigins: new Set(list(env.ALLOWED_ORIGINS)),
    allowNoOrigin: flag(env.ALLOW_NO_ORIGIN),
    enableOtp: flag(env.ENABLE_OTP),
    enableDelivery: flag(env.ENABLE_DELIVERY),
    enableCredit: flag(env.ENABLE_CREDIT),
    ratePerMinute: intVar(env.RATE_LIMIT_PER_MINUTE, 30),
    otpPerRecipientPerHour: intVar(env.OTP_PER_RECIPIENT_PER_HOUR, 5),
    otpVariables: list(env.OTP_VARIABLES),
    maskRecipients: flag(env.DELIVERY_MASK_RECIPIENTS),
  };
}

// ───────────────────────────── the client, one per isolate ─────────────────────────────

let cached = null;

/**
 * The ippanel client, created on first use and kept for the life of the isolate (its wasm
 * instance and settings are reused by every request). Rebuilt only if the settings change.
 * Returns null when the secrets are missing.
 */
function getClient(env) {
  const settings = {
    username: env.IPPANEL_USERNAME ?? "",
    password: env.IPPANEL_PASSWORD ?? "",
    baseUrl: (env.IPPANEL_BASE_URL || "https://ippanel.com").replace(/\/+$/, ""),
    timeoutMs: intVar(env.IPPANEL_TIMEOUT_MS, 10000, 1),
    retries: intVar(env.IPPANEL_RETRIES, 1),
  };
  if (!settings.username || !settings.password) return null;
  if (cached && Object.keys(settings).every((k) => cached.settings[k] === settings[k])) {
    return cached.client;
  }
  cached = { settings, client: new Client(settings) };
  return cached.client;
}

// ───────────────────────────── rate limiting (per isolate) ─────────────────────────────

/**
 * A fixed window per key, in this isolate's memory. Cloudflare runs many isolates (one or more
 * per data centre), so this bounds each isolate, not the whole deployment: see README.md for the
 * Rate Limiting binding or a Durable Object when the limit must be global.
 */
class WindowLimiter {
  constructor() {
    this.windows = new Map();
  }

  /** Counts one hit; returns 0 when allowed, else the seconds until the key's window ends. */
  hit(key, limit, windowMs, now = Date.now()) {
    if (limit <= 0) return 0;
    let w = this.windows.get(key);
    if (!w || now - w.start >= windowMs) {
      this.windows.delete(key);
      if (this.windows.size >= MAX_LIMITER_KEYS) this.prune(windowMs, now);
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    if (w.count >= limit) return Math.max(1, Math.ceil((w.start + windowMs - now) / 1000));
    w.count += 1;
    return 0;
  }

  prune(windowMs, now) {
    for (const [key, w] of this.windows) {
      if (now - w.start >= windowMs) this.windows.delete(key);
    }
    // Still full (a flood of distinct keys): drop the oldest windows (Map keeps insertion order).
    for (const key of this.windows.keys()) {
      if (this.windows.size < MAX_LIMITER_KEYS) break;
      this.windows.delete(key);
    }
  }
}

const perClient = new WindowLimiter();
const perRecipient = new WindowLimiter();

/**
 * Seconds the client must wait, or 0. With a Rate Limiting binding named RATE_LIMITER
 * (wrangler.toml [[ratelimits]], counted per Cloudflare location across isolates) that binding
 * decides; otherwise the in-memory window above, RATE_LIMIT_PER_MINUTE per isolate.
 */
async function clientWait(env, cfg, ip) {
  if (env.RATE_LIMITER && typeof env.RATE_LIMITER.limit === "function") {
    const { success } = await env.RATE_LIMITER.limit({ key: ip });
    return success ? 0 : 60;
  }
  return perClient.hit(ip, cfg.ratePerMinute, 60_000);
}

// ───────────────────────────── responses ─────────────────────────────

const BASE_HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
};

/** Thrown by handlers for an answer of our own (not from the service). */
class ProxyError extends Error {
  constructor(status, kind, code, message, messageFa, extraHeaders = {}) {
    super(message);
    this.status = status;
    this.kind = kind;
    this.code = code;
    this.messageFa = messageFa;
    this.extraHeaders = extraHeaders;
  }
}

function json(status, body, headers = {}) {
  return new Response(JSON.stringify(body), { status, headers: { ...BASE_HEADERS, ...headers } });
}

function errorResponse(status, error, headers = {}) {
  return json(status, { error }, headers);
}

const fromProxyError = (e) =>
  errorResponse(
    e.status,
    { kind: e.kind, code: e.code, message: e.message, messageFa: e.messageFa },
    e.extraHeaders,
  );

const badInput = (code, message, messageFa) => new ProxyError(400, "input", code, message, messageFa);

// What the page sees for failures on the service side. Our own fixed words: the package's
// messages for these kinds may carry HTTP details, and the raw body is never forwarded.
const UPSTREAM_WORDS = {
  network: ["Could not reach the SMS service.", "اتصال به سرویس پیامک برقرار نشد."],
  timeout: ["The SMS service did not answer in time.", "سرویس پیامک به‌موقع پاسخ نداد."],
  aborted: ["The request to the SMS service was cancelled.", "درخواست به سرویس پیامک لغو شد."],
  http: ["The SMS service answered with an error page.", "سرویس پیامک با صفحهٔ خطا پاسخ داد."],
  protocol: ["The SMS service gave an answer this proxy does not understand.", "پاسخ سرویس پیامک قابل فهم نبود."],
  upstream: ["The SMS service is not available right now.", "سرویس پیامک در حال حاضر در دسترس نیست."],
};

// Service error codes that the caller caused (their input), answered as 400. Every other code
// is about the account or its configuration (credit, sender line, pattern) and answered as 502.
const CALLER_CODES = new Set([970, 972, 456]);

/** Writes one log line for a failed call: kind, code, op and status only, never text or body. */
function logFailure(err) {
  console.error(
    "ippanel call failed " +
      JSON.stringify({ op: err.op, kind: err.kind, code: err.code, status: err.status, mayHaveSent: err.mayHaveSent }),
  );
}

/** Maps an IppanelError to the proxy's JSON error. See README.md, "Errors". */
function fromIppanelError(err) {
  const extra = err.mayHaveSent ? { mayHaveSent: true } : {};
  switch (err.kind) {
    case "input":
      return errorResponse(400, {
        kind: "input", code: err.code ?? null, message: err.message, messageFa: err.messageFa, ...extra,
      });
    case "api": {
      logFailure(err);
      const status = CALLER_CODES.has(Number(err.code)) ? 400 : 502;
      return errorResponse(status, {
        kind: "api", code: err.code ?? null, message: err.message, messageFa: err.messageFa, ...extra,
      });
    }
    case "auth": {
      // The browser learns only that the service is unavailable; the Worker's log says why.
      logFailure(err);
      const [message, messageFa] = UPSTREAM_WORDS.upstream;
      return errorResponse(502, { kind: "upstream", code: null, message, messageFa, ...extra });
    }
    default: {
      logFailure(err);
      const kind = Object.hasOwn(UPSTREAM_WORDS, err.kind) ? err.kind : "upstream";
      const [message, messageFa] = UPSTREAM_WORDS[kind];
      return errorResponse(502, { kind, code: null, message, messageFa, ...extra });
    }
  }
}

// ───────────────────────────── CORS ─────────────────────────────

function corsHeaders(origin) {
  if (!origin) return {};
  return {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Expose-Headers": "Retry-After",
    Vary: "Origin",
  };
}

function withHeaders(response, headers) {
  for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
  return response;
}

// ───────────────────────────── request bodies ─────────────────────────────

/** Reads a JSON object body of at most MAX_BODY_BYTES, counting bytes as they stream in. */
async function readJsonBody(request) {
  const type = (request.headers.get("Content-Type") ?? "").toLowerCase();
  if (!/^application\/json\s*(;|$)/.test(type)) {
    throw badInput("content_type", "Send the body as JSON (Content-Type: application/json).",
      "بدنهٔ درخواست باید JSON باشد (Content-Type: application/json).");
  }
  const tooLarge = () =>
    badInput("body_too_large", `The request body is larger than ${MAX_BODY_BYTES} bytes.`,
      `بدنهٔ درخواست بزرگ‌تر از ${MAX_BODY_BYTES} بایت است.`);
  const declared = Number(request.headers.get("Content-Length"));
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) throw tooLarge();

  const chunks = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel().catch(() => {});
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  let body;
  try {
    body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw badInput("invalid_json", "The request body is not valid JSON.", "بدنهٔ درخواست JSON معتبر نیست.");
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw badInput("invalid_json", "The request body must be a JSON object.", "بدنهٔ درخواست باید یک شیء JSON باشد.");
  }
  return body;
}

/** Checks the pattern variables a page sent; returns a clean copy. */
function checkValues(values, cfg, env) {
  const bad = (message, messageFa) => badInput("invalid_values", message, messageFa);
  if (values === null || typeof values !== "object" || Array.isArray(values)) {
    throw bad("values must be an object of pattern variables.", "values باید شیئی از متغیرهای الگو باشد.");
  }
  const names = Object.keys(values);
  if (names.length > MAX_VARIABLES) {
    throw bad(`values may hold at most ${MAX_VARIABLES} variables.`, `values حداکثر ${MAX_VARIABLES} متغیر می‌تواند داشته باشد.`);
  }
  const allowed = cfg.otpVariables.length ? new Set(cfg.otpVariables) : null;
  let pattern;
  try {
    pattern = valuePattern(env.OTP_VALUE_PATTERN);
  } catch {
    throw new ProxyError(500, "config", null, "The proxy is misconfigured.", "پیکربندی پراکسی نادرست است.");
  }
  const clean = {};
  for (const name of names) {
    if (!VARIABLE_NAME.test(name) || (allowed && !allowed.has(name))) {
      throw bad(`values: unknown variable name "${name.slice(0, 40)}".`, `values: نام متغیر «${name.slice(0, 40)}» مجاز نیست.`);
    }
    const v = values[name];
    let text;
    if (typeof v === "string") text = v;
    else if (typeof v === "number" && Number.isFinite(v)) text = String(v);
    else throw bad(`values.${name} must be a string or a number.`, `values.${name} باید رشته یا عدد باشد.`);
    if (text.length === 0 || text.length > MAX_VALUE_LENGTH) {
      throw bad(`values.${name} must be 1 to ${MAX_VALUE_LENGTH} characters.`, `values.${name} باید ۱ تا ${MAX_VALUE_LENGTH} نویسه باشد.`);
    }
    if (pattern && !pattern.test(text)) {
      throw bad(`values.${name} has characters that are not allowed.`, `values.${name} نویسه‌های غیرمجاز دارد.`);
    }
    clean[name] = v;
  }
  return clean;
}

// ───────────────────────────── handlers ─────────────────────────────

function requireClient(env) {
  const client = getClient(env);
  if (!client) {
    console.error("proxy misconfigured: IPPANEL_USERNAME or IPPANEL_PASSWORD is not set");
    throw new ProxyError(500, "config", null, "The proxy is misconfigured.", "پیکربندی پراکسی نادرست است.");
  }
  return client;
}

async function handleOtp(request, env, cfg) {
  if (!env.OTP_FROM || !env.OTP_PATTERN_CODE) {
    console.error("proxy misconfigured: OTP_FROM or OTP_PATTERN_CODE is not set");
    throw new ProxyError(500, "config", null, "The proxy is misconfigured.", "پیکربندی پراکسی نادرست است.");
  }
  const body = await readJsonBody(request);
  if (typeof body.to !== "string" || body.to.length === 0 || body.to.length > 32) {
    throw badInput("invalid_to", "to must be one mobile number as a string.", "to باید یک شمارهٔ موبایل (رشته) باشد.");
  }
  const to = normalizeMobile(body.to); // throws IppanelError kind "input" for a bad number
  const values = checkValues(body.values, cfg, env);

  const wait = perRecipient.hit(to, cfg.otpPerRecipientPerHour, 3600_000);
  if (wait) {
    throw new ProxyError(429, "rate_limited", "recipient", "Too many codes sent to this number; try again later.",
      "کدهای زیادی به این شماره فرستاده شده است؛ بعداً دوباره تلاش کنید.", { "Retry-After": String(wait) });
  }
  const client = requireClient(env);
  const { bulkId } = await client.sendPattern({
    from: env.OTP_FROM, to, patternCode: env.OTP_PATTERN_CODE, values,
  });
  return json(200, { bulkId: String(bulkId) });
}

function maskRecipient(number) {
  const s = String(number);
  return s.length > 10 ? s.slice(0, 6) + "*".repeat(s.length - 10) + s.slice(-4) : s;
}

async function handleDelivery(request, env, cfg, bulkId) {
  if (!BULK_ID.test(bulkId)) {
    throw badInput("invalid_bulk_id", "The bulk id must be digits only.", "شناسهٔ ارسال (bulk id) باید فقط رقم باشد.");
  }
  const client = requireClient(env);
  const list = await client.delivery(bulkId);
  const entries = (Array.isArray(list) ? list : []).map((e) => ({
    recipient: cfg.maskRecipients ? maskRecipient(e.recipient) : e.recipient,
    status: e.status,
  }));
  return json(200, { entries });
}

async function handleCredit(request, env) {
  const client = requireClient(env);
  const credit = await client.credit();
  return json(200, { credit });
}

// ───────────────────────────── routing ─────────────────────────────

const notFound = () =>
  new ProxyError(404, "not_found", null, "Not found.", "یافت نشد.");

/** Finds the handler for a path: { method, enabled, run } or null. */
function route(pathname, cfg) {
  if (pathname === "/api/otp") return { method: "POST", enabled: cfg.enableOtp, run: handleOtp };
  if (pathname === "/api/credit") return { method: "GET", enabled: cfg.enableCredit, run: handleCredit };
  const m = /^\/api\/delivery\/([^/]*)$/.exec(pathname);
  if (m) {
    let id;
    try {
      id = decodeURIComponent(m[1]);
    } catch {
      id = m[1];
    }
    return {
      method: "GET",
      enabled: cfg.enableDelivery,
      run: (request, env, c) => handleDelivery(request, env, c, id),
    };
  }
  return null;
}

async function handle(request, env, cfg) {
  const url = new URL(request.url);
  const r = route(url.pathname, cfg);
  if (!r || !r.enabled) throw notFound();
  if (request.method !== r.method) {
    throw new ProxyError(405, "method", null, `Use ${r.method}.`, `از ${r.method} استفاده کنید.`, { Allow: `${r.method}, OPTIONS` });
  }
  const ip = request.headers.get("CF-Connecting-IP") || "unknown-client";
  const wait = await clientWait(env, cfg, ip);
  if (wait) {
    throw new ProxyError(429, "rate_limited", "client", "Too many requests; try again later.",
      "درخواست‌ها بیش از حد مجاز است؛ کمی بعد دوباره تلاش کنید.", { "Retry-After": String(wait) });
  }
  return r.run(request, env, cfg);
}

export default {
  async fetch(request, env) {
    const cfg = config(env);
    const origin = request.headers.get("Origin");

    // Origin check first: a page on another site gets 403 and no CORS headers, so its script
    // cannot read anything. No Origin at all means a non-browser caller (or a same-origin GET).
    if (origin !== null ? !cfg.allowedOrigins.has(origin) : !cfg.allowNoOrigin) {
      return fromProxyError(
        new ProxyError(403, "origin", null, "This origin may not use the proxy.", "این مبدأ اجازهٔ استفاده از پراکسی را ندارد."),
      );
    }
    const cors = corsHeaders(origin);

    if (request.method === "OPTIONS") {
      return new Response(null, {
        status: 204,
        headers: {
          ...cors,
          "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
          "Access-Control-Allow-Headers": "Content-Type",
          "Access-Control-Max-Age": "600",
        },
      });
    }

    let response;
    try {
      response = await handle(request, env, cfg);
    } catch (err) {
      if (err instanceof ProxyError) response = fromProxyError(err);
      else if (err instanceof IppanelError) response = fromIppanelError(err);
      else {
        console.error("proxy internal error " + JSON.stringify({ name: err?.name ?? "unknown" }));
        response = errorResponse(500, {
          kind: "internal", code: null, message: "Internal error.", messageFa: "خطای داخلی.",
        });
      }
    }
    return withHeaders(response, cors);
  },
};
