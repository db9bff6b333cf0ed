/**
 * The JavaScript half of the one transport. The wasm starts a call by calling `run` with the
 * request and a call id; `run` makes each attempt (fetch, per-attempt timeout, the caller's
 * AbortSignal, body read) and hands its outcome to the wasm's `settle`, which decodes it and
 * says whether to resolve, reject, or try again after a backoff. The wasm keeps the policy; this
 * file keeps the I/O, so a call costs no Rust future and no Rust closure. The package entry
 * registers `run` with the wasm through `__registerTransport`; `delay` also serves `long_calls.js`.
 */

/** Bodies longer than this (bytes) are refused; no more than this and one chunk is ever held. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** The service answers UTF-8; bytes that are not are a fault, not text to guess at. */
const utf8 = new TextDecoder("utf-8", { fatal: true });
/** For the excerpt of a body that is refused. */
const lossy = new TextDecoder();

/**
 * Waits `ms` (or less, if `signal` aborts). Resolves to `false` when aborted.
 * @param {number} ms
 * @param {AbortSignal | undefined} signal
 * @returns {Promise<boolean>}
 */
export function delay(ms, signal) {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve(!signal?.aborted);
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done);
  });
}

/**
 * One POST, its body read as bytes and decoded as UTF-8, under one timeout; after waiting `delayMs`
 * (retry backoff).
 * Never rejects; resolves to:
 * - `[status, text]` when an answer arrived;
 * - `[status, head, "too_large"]` when its body was over the cap (head: its first 2 KB);
 * - `[status, head, "not_utf8"]` when its body was not UTF-8;
 * - `[0, detail, kind, dispatched]` with kind `timeout`, `aborted` or `network`; `dispatched`
 *   says whether the request had been handed to `fetch` (a send may then have gone out).
 * @param {typeof fetch | undefined} fetchFn the caller's fetch, or undefined for the global one
 * @param {string} url
 * @param {string | undefined} body the form body, or undefined for a body-less POST
 * @param {number} timeoutMs
 * @param {AbortSignal | undefined} signal the caller's signal
 * @param {number} delayMs
 */
async function attempt(fetchFn, url, body, timeoutMs, signal, delayMs) {
  if (delayMs > 0 && !(await delay(delayMs, signal))) return [0, "", "aborted", false];
  if (signal?.aborted) return [0, "", "aborted", false];
  // One controller per attempt carries both the timeout and the caller's abort, so either one
  // frees the connection instead of leaving it to finish in the background.
  const controller = new AbortController();
  const abort = () => controller.abort();
  const timer = setTimeout(abort, timeoutMs);
  signal?.addEventListener("abort", abort);
  const init = { method: "POST", signal: controller.signal };
  if (body !== undefined) {
    init.headers = { "content-type": "application/x-www-form-urlencoded;charset=UTF-8" };
    init.body = body;
  }
  let dispatched = false;
  try {
    // Looked up per call so a runtime's or a test's replacement is used; the global fetch is
    // called on the global object (browsers throw otherwise).
    const pending = fetchFn ? fetchFn(url, init) : globalThis.fetch(url, init);
    dispatched = true;
    const response = await pending;
    const bytes = await readCapped(response);
    const head = () => lossy.decode(bytes.subarray(0, 2048));
    if (bytes.length > MAX_BODY_BYTES) return [response.status, head(), "too_large"];
    try {
      return [response.status, utf8.decode(bytes)];
    } catch {
      return [response.status, head(), "not_utf8"];
    }
  } catch (error) {
    if (signal?.aborted) return [0, "", "aborted", dispatched];
    if (controller.signal.aborted) return [0, "", "timeout", dispatched];
    const code = error?.cause?.code;
    const detail = String(error?.message ?? "fetch failed") + (typeof code === "string" ? ` (${code})` : "");
    return [0, detail, "network", dispatched];
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", abort);
  }
}

/**
 * The body's bytes, or its first MAX_BODY_BYTES and at most one more chunk when it is longer:
 * an uncompressed body that declares a length within the cap is read whole (the fast path
 * every real answer takes); any other is streamed and dropped once over the cap, so a runaway
 * answer cannot fill memory. A compressed body is always streamed: its declared length is the
 * compressed one, and fetch hands over the bytes decompressed.
 * @param {Response} response
 * @returns {Promise<Uint8Array>}
 */
async function readCapped(response) {
  const declared = response.headers.get("content-length");
  const encoding = response.headers.get("content-encoding");
  const plain = encoding === null || encoding.trim().toLowerCase() === "identity";
  if (!response.body || (plain && declared !== null && Number(declared) <= MAX_BODY_BYTES)) {
    return new Uint8Array(await response.arrayBuffer());
  }
  const reader = response.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
    if (size > MAX_BODY_BYTES) {
      reader.cancel().catch(() => {});
      break;
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/**
 * Runs call `id` to its end: attempts until `settle` (the wasm) answers `[0, result]` (resolve)
 * or `[1, error]` (reject an IppanelError); `[2, delayMs]` means attempt again after `delayMs`.
 * @param {(id: number, outcome: unknown[]) => [number, unknown]} settle
 * @param {number} id
 * @param {typeof fetch | undefined} fetchFn
 * @param {string} url
 * @param {string | undefined} body
 * @param {number} timeoutMs
 * @param {AbortSignal | undefined} signal
 */
export async function run(settle, id, fetchFn, url, body, timeoutMs, signal) {
  let delayMs = 0;
  for (;;) {
    const [verdict, value] = settle(id, await attempt(fetchFn, url, body, timeoutMs, signal, delayMs));
    if (verdict === 0) return value;
    if (verdict === 1) throw value;
    delayMs = value;
  }
}
