// A Cloudflare Worker that verifies phone numbers by SMS for a web page, and keeps the ippanel
// password (and the codes) away from the browser. The page calls a small JSON API with plain
// fetch(); the Worker makes each code, texts it through ippanel-wasm and checks it.
//
//   POST /api/verify/start   { "to": "0912...", "turnstileToken"?: "..." }
//                            → { "verificationId", "expiresIn", "resendAfter" }
//   POST /api/verify/check   { "verificationId", "code" }
//                            → { "status": "approved", "token" } | { "status": "pending", "attemptsLeft" }
//                              | { "status": "expired" } | 429 { "status": "max_attempts_reached" }
//   GET  /api/credit         → { "credit": 123.5 }              (off unless ENABLE_CREDIT)
//   errors                   → { "error": { "kind", "code", "message", "messageFa" } }
//
// State lives in Durable Objects (SQLite): PhoneVerifier, one per number, and SendBudget, one
// for the deployment. Settings are in wrangler.toml; README.md explains every one.

import { IppanelError } from "ippanel-wasm";
import { config } from "./config.js";
import { ProxyError, corsHeaders, errorResponse, fromProxyError, json, withHeaders } from "./http.js";
import { fromIppanelError, getClient } from "./upstream.js";
import { handleCheck, handleStart, limitByIp } from "./verify.js";

export { PhoneVerifier } from "./phone-verifier.js";
export { SendBudget } from "./send-budget.js";

async function handleCredit(request, env, cfg) {
  const credit = await getClient(env, cfg).credit();
  return json(200, { credit });
}

const ROUTES = {
  "/api/verify/start": { method: "POST", enabled: () => true, run: handleStart },
  "/api/verify/check": { method: "POST", enabled: () => true, run: handleCheck },
  "/api/credit": { method: "GET", enabled: (cfg) => cfg.enableCredit, run: handleCredit },
};

async function handle(request, env, cfg) {
  const { pathname } = new URL(request.url);
  const route = Object.hasOwn(ROUTES, pathname) ? ROUTES[pathname] : null;
  if (!route || !route.enabled(cfg)) throw new ProxyError(404, "not_found", null, "Not found.", "یافت نشد.");
  if (request.method !== route.method) {
    throw new ProxyError(405, "method", null, `Use ${route.method}.`, `از ${route.method} استفاده کنید.`,
      { Allow: `${route.method}, OPTIONS` });
  }
  // Cloudflare sets CF-Connecting-IP and a client cannot forge it through Cloudflare. Locally
  // every request without it shares one key.
  const ip = request.headers.get("CF-Connecting-IP") || "unknown-client";
  await limitByIp(env.RATE_LIMITER, ip, "client");
  return route.run(request, env, cfg, ip);
}

function internalError(err) {
  console.error("proxy internal error " + JSON.stringify({ name: err?.name ?? "unknown" }));
  return errorResponse(500, { kind: "internal", code: null, message: "Internal error.", messageFa: "خطای داخلی." });
}

export default {
  async fetch(request, env) {
    let cfg;
    try {
      cfg = config(env);
    } catch (err) {
      return err instanceof ProxyError ? fromProxyError(err) : internalError(err);
    }
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
      else response = internalError(err);
    }
    return withHeaders(response, cors);
  },
};
