// The ippanel client (one per isolate) and how its errors are shown to the page.

import { Client } from "ippanel-wasm";
import { configError, errorResponse } from "./http.js";

let cached = null;

/**
 * The ippanel client, created on first use and kept for the life of the isolate (its wasm
 * instance and settings are reused by every request). Rebuilt only if the settings change.
 */
export function getClient(env, cfg) {
  const settings = {
    username: env.IPPANEL_USERNAME ?? "",
    password: env.IPPANEL_PASSWORD ?? "",
    baseUrl: cfg.ippanelBaseUrl,
    timeoutMs: cfg.ippanelTimeoutMs,
    retries: cfg.ippanelRetries,
  };
  if (!settings.username || !settings.password) {
    console.error("proxy misconfigured: IPPANEL_USERNAME or IPPANEL_PASSWORD is not set");
    throw configError();
  }
  if (cached && Object.keys(settings).every((k) => cached.settings[k] === settings[k])) {
    return cached.client;
  }
  cached = { settings, client: new Client(settings) };
  return cached.client;
}

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

/** One log line for a failed call: op, kind, code, status only; never text, body or values. */
function logFailure(err) {
  console.error(
    "ippanel call failed " +
      JSON.stringify({ op: err.op, kind: err.kind, code: err.code, status: err.status, mayHaveSent: err.mayHaveSent }),
  );
}

/**
 * Maps an IppanelError to the proxy's JSON error. The Worker chooses everything it sends (the
 * number is normalized first, the pattern and its values are settings), so a refusal by the
 * service is about the account or its configuration: 502, with the service's code and the
 * package's English and Persian text. See README.md, "Errors".
 */
export function fromIppanelError(err) {
  const extra = err.mayHaveSent ? { mayHaveSent: true } : {};
  if (err.kind === "input") {
    return errorResponse(400, { kind: "input", code: err.code ?? null, message: err.message, messageFa: err.messageFa });
  }
  logFailure(err);
  if (err.kind === "api") {
    return errorResponse(502, { kind: "api", code: err.code ?? null, message: err.message, messageFa: err.messageFa, ...extra });
  }
  // A wrong password ("auth") is the operator's business: the page learns only that the
  // service is unavailable, and the Worker's log says why.
  const kind = err.kind !== "auth" && Object.hasOwn(UPSTREAM_WORDS, err.kind) ? err.kind : "upstream";
  const [message, messageFa] = UPSTREAM_WORDS[kind];
  return errorResponse(502, { kind, code: null, message, messageFa, ...extra });
}
