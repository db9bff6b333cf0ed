// JSON answers, errors, and the bearer-token check.

const HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
};

export function json(status, body, headers = {}) {
  return new Response(JSON.stringify(body), { status, headers: { ...HEADERS, ...headers } });
}

/** An answer of our own that is not a success: `{ error: { kind, code, message, messageFa, … } }`. */
export class HttpError extends Error {
  constructor(status, kind, code, message, messageFa, extra = {}, headers = {}) {
    super(message);
    Object.assign(this, { status, kind, code, messageFa, extra, headers });
  }

  toResponse() {
    const { kind, code, message, messageFa, extra } = this;
    return json(this.status, { error: { kind, code, message, messageFa, ...extra } }, this.headers);
  }
}

export const notFound = () => new HttpError(404, "not_found", null, "not found", "پیدا نشد");

const encoder = new TextEncoder();

/**
 * Requires `Authorization: Bearer <CAMPAIGN_TOKEN>`. Compared in constant time (both sides
 * hashed first, so neither the length nor a prefix of the secret leaks through timing).
 */
export async function requireToken(request, env) {
  const secret = env.CAMPAIGN_TOKEN ?? "";
  if (secret.length < 16) {
    throw new HttpError(500, "config", null, "CAMPAIGN_TOKEN is not set (or shorter than 16 characters)",
      "CAMPAIGN_TOKEN تنظیم نشده است (یا کوتاه‌تر از ۱۶ نویسه است)");
  }
  const given = (request.headers.get("Authorization") ?? "").match(/^Bearer\s+(\S+)\s*$/i)?.[1] ?? "";
  const [a, b] = await Promise.all(
    [given, secret].map(async (s) => new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(s)))),
  );
  if (!given || !crypto.subtle.timingSafeEqual(a, b)) {
    throw new HttpError(401, "auth", null, "a valid bearer token is required", "توکن دسترسی معتبر لازم است", {},
      { "WWW-Authenticate": 'Bearer realm="campaigns"' });
  }
}

/** The request's JSON body, refusing bodies over `maxBytes` or not declared as JSON. */
export async function readJson(request, maxBytes) {
  if (!/^application\/json\b/i.test(request.headers.get("Content-Type") ?? "")) {
    throw new HttpError(415, "input", "body", "the body must be JSON (Content-Type: application/json)",
      "بدنهٔ درخواست باید JSON باشد (Content-Type: application/json)");
  }
  const declared = Number(request.headers.get("Content-Length") ?? NaN);
  const tooLarge = () => new HttpError(413, "input", "body", `the body is over ${maxBytes} bytes`, `بدنهٔ درخواست بیش از ${maxBytes} بایت است`);
  if (declared > maxBytes) throw tooLarge();
  const text = await request.text();
  if (text.length > maxBytes) throw tooLarge();
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "input", "body", "the body is not valid JSON", "بدنهٔ درخواست JSON معتبر نیست");
  }
}
