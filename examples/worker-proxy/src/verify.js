// POST /api/verify/start and POST /api/verify/check: phone verification made and checked here,
// never in the page. See README.md, "The JSON API".

import { IppanelError, normalizeMobile } from "ippanel-wasm";
import { codeMac, makeCode, makeVerificationId, objectIdOf, signJwt, base64url } from "./codes.js";
import { verifySecrets } from "./config.js";
import { ProxyError, badInput, configError, json, rateLimited, readJsonBody } from "./http.js";
import { requireTurnstile } from "./turnstile.js";
import { getClient } from "./upstream.js";

const MAX_ID_LENGTH = 128;

function bindings(env) {
  if (!env.PHONE_VERIFIER || !env.SEND_BUDGET) {
    console.error("proxy misconfigured: the PHONE_VERIFIER or SEND_BUDGET Durable Object binding is missing");
    throw configError();
  }
  return { phones: env.PHONE_VERIFIER, budget: env.SEND_BUDGET.get(env.SEND_BUDGET.idFromName("global")) };
}

/** One Rate Limiting binding call keyed by the client IP; 429 when it says no. */
export async function limitByIp(binding, ip, code) {
  if (!binding || typeof binding.limit !== "function") return;
  const { success } = await binding.limit({ key: ip });
  if (!success) {
    throw rateLimited(code, 60, "Too many requests; try again later.",
      "درخواست‌ها بیش از حد مجاز است؛ کمی بعد دوباره تلاش کنید.");
  }
}

export async function handleStart(request, env, cfg, ip) {
  const { verifySecret } = verifySecrets(env);
  if (!cfg.patternCode || !cfg.from) {
    console.error("proxy misconfigured: VERIFY_PATTERN_CODE or VERIFY_FROM is not set");
    throw configError();
  }
  const { phones, budget } = bindings(env);
  const client = getClient(env, cfg);

  const body = await readJsonBody(request);
  if (typeof body.to !== "string" || body.to.length === 0 || body.to.length > 32) {
    throw badInput("invalid_to", "to must be one mobile number as a string.", "to باید یک شمارهٔ موبایل (رشته) باشد.");
  }
  const phone = normalizeMobile(body.to); // IppanelError kind "input" for anything but an Iranian mobile
  await limitByIp(env.START_LIMITER, ip, "client");
  if (cfg.turnstileSecret) await requireTurnstile(body.turnstileToken, ip, cfg);

  const stub = phones.get(phones.idFromName(phone));
  const reserved = await stub.reserve({
    cooldownMs: cfg.resendCooldown * 1000,
    windowMs: cfg.sendWindow * 1000,
    perWindow: cfg.sendsPerWindow,
    perDay: cfg.sendsPerDay,
  });
  if (!reserved.ok) {
    throw reserved.code === "cooldown"
      ? rateLimited("cooldown", reserved.retryAfterMs / 1000, "A code was just sent to this number; wait before asking again.",
        "همین حالا کدی به این شماره فرستاده شد؛ کمی صبر کنید و دوباره درخواست دهید.")
      : rateLimited("number", reserved.retryAfterMs / 1000, "Too many codes sent to this number; try again later.",
        "کدهای زیادی به این شماره فرستاده شده است؛ بعداً دوباره تلاش کنید.");
  }
  const taken = await budget.take({ perHour: cfg.budgetPerHour, perDay: cfg.budgetPerDay });
  if (!taken.ok) {
    await stub.release(reserved.sendId);
    console.error("verify budget spent " + JSON.stringify({ retryAfterMs: taken.retryAfterMs }));
    throw new ProxyError(503, "unavailable", "budget", "Verification is paused for now; try again later.",
      "ارسال کد تأیید فعلاً متوقف است؛ بعداً دوباره تلاش کنید.",
      { "Retry-After": String(Math.max(1, Math.ceil(taken.retryAfterMs / 1000))) });
  }

  const verificationId = makeVerificationId(stub.id.toString());
  const code = makeCode(cfg.codeLength);
  const mac = await codeMac(verifySecret, verificationId, phone, code);
  try {
    await client.sendPattern({
      from: cfg.from, to: phone, patternCode: cfg.patternCode, values: { [cfg.patternVariable]: code },
    });
  } catch (err) {
    // A send that surely failed gives back its cooldown and budget; one that may have gone
    // out (timeout after the request left) keeps them, so a retry cannot double the texts.
    if (!(err instanceof IppanelError && err.mayHaveSent)) {
      await Promise.all([stub.release(reserved.sendId), budget.release(taken.sendId)]);
    }
    throw err;
  }
  await stub.commit({ verificationId, phone, mac, ttlMs: cfg.codeTtl * 1000 });
  return json(200, { verificationId, expiresIn: cfg.codeTtl, resendAfter: cfg.resendCooldown });
}

/** Persian and Arabic-Indic digits as typed on phones, to ASCII. */
const asciiDigits = (s) =>
  s.replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));

export async function handleCheck(request, env, cfg) {
  const { tokenSecret } = verifySecrets(env);
  const { phones } = bindings(env);
  const body = await readJsonBody(request);
  if (typeof body.verificationId !== "string" || body.verificationId.length === 0 || body.verificationId.length > MAX_ID_LENGTH) {
    throw badInput("invalid_verification_id", "verificationId must be the id that start returned.",
      "verificationId باید شناسه‌ای باشد که start برگرداند.");
  }
  const code = typeof body.code === "string" ? asciiDigits(body.code.trim()) : "";
  if (!/^[0-9]{4,10}$/.test(code)) {
    throw badInput("invalid_code", "code must be the digits of the texted code.", "code باید رقم‌های کد پیامک‌شده باشد.");
  }

  const expired = () => json(200, { status: "expired" });
  const objectId = objectIdOf(body.verificationId);
  if (!objectId) return expired();
  let id;
  try {
    id = phones.idFromString(objectId);
  } catch {
    return expired(); // well-formed but not an id of this namespace
  }
  const result = await phones.get(id).check({ verificationId: body.verificationId, code, maxChecks: cfg.maxChecks });
  switch (result.status) {
    case "approved": {
      const now = Math.floor(Date.now() / 1000);
      const claims = {
        sub: result.phone,
        iat: now,
        exp: now + cfg.tokenTtl,
        jti: base64url(crypto.getRandomValues(new Uint8Array(16))),
        ...(cfg.tokenIssuer ? { iss: cfg.tokenIssuer } : {}),
        ...(cfg.tokenAudience ? { aud: cfg.tokenAudience } : {}),
      };
      return json(200, { status: "approved", token: await signJwt(claims, tokenSecret) });
    }
    case "pending":
      return json(200, { status: "pending", attemptsLeft: result.attemptsLeft });
    case "max_attempts_reached":
      return json(429, { status: "max_attempts_reached" });
    default:
      return expired();
  }
}
