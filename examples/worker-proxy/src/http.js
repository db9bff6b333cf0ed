// JSON answers, the uniform error shape, CORS headers and request bodies.

/** Largest request body accepted (bytes): room for a Turnstile token (up to 2048 characters). */
const MAX_BODY_BYTES = 4096;

const BASE_HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
};

/**
 * An answer of our own (not from the SMS service). Every failure the page sees has the same
 * shape: { error: { kind, code, message, messageFa } }, so a page handles them all one way.
 */
export class ProxyError extends Error {
  constructor(status, kind, code, message, messageFa, extraHeaders = {}) {
    super(message);
    this.status = status;
    this.kind = kind;
    this.code = code;
    this.messageFa = messageFa;
    this.extraHeaders = extraHeaders;
  }
}

export function json(status, body, headers = {}) {
  return new Response(JSON.stringify(body), { status, headers: { ...BASE_HEADERS, ...headers } });
}

export function errorResponse(status, error, headers = {}) {
  return json(status, { error }, headers);
}

export const fromProxyError = (e) =>
  errorResponse(e.status, { kind: e.kind, code: e.code, message: e.message, messageFa: e.messageFa }, e.extraHeaders);

export const badInput = (code, message, messageFa) => new ProxyError(400, "input", code, message, messageFa);

export const configError = () =>
  new ProxyError(500, "config", null, "The proxy is misconfigured.", "پیکربندی پراکسی نادرست است.");

/** 429 with Retry-After (whole seconds, at least 1). */
export function rateLimited(code, seconds, message, messageFa) {
  const wait = Math.max(1, Math.ceil(seconds));
  return new ProxyError(429, "rate_limited", code, message, messageFa, { "Retry-After": String(wait) });
}

export function corsHeaders(origin) {
  if (!origin) return {};
  return {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Expose-Headers": "Retry-After",
    Vary: "Origin",
  };
}

export function withHeaders(response, headers) {
  for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
  return response;
}

/** Reads a JSON object body of at most MAX_BODY_BYTES, counting bytes as they stream in. */
export async function readJsonBody(request) {
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
