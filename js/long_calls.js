/**
 * The two Client methods that are loops over other calls: `sendBulk` (batches of `send`) and
 * `waitForDelivery` (`delivery` until every recipient is final). They live in JS so the wasm
 * carries no async runtime; the wasm still checks their arguments (`__planBulk`, `__planWait`)
 * and makes every call. The package entry installs them on `Client.prototype`.
 */
import { delay } from "./transport.js";

/**
 * Calls an observer callback. Its failure, thrown or as a rejected promise, must not stop the
 * calls it observes, nor surface as an unhandled rejection.
 */
function notify(callback, value) {
  try {
    const result = callback(value);
    if (result && typeof result.then === "function") result.then(undefined, () => {});
  } catch {}
}

/** Delivery states that no longer change. */
const FINAL = new Set(["delivered", "failed", "discarded"]);

/**
 * Sends one message to a long recipient list in `send` calls of `chunkSize` recipients,
 * `concurrency` at a time. Failed batches are reported, not thrown.
 */
export async function sendBulk(req) {
  const plan = this.__planBulk(req);
  const { batches, send, signal, onProgress, total } = plan;
  const results = new Array(batches.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < batches.length) {
      const index = next++;
      const recipients = batches[index];
      try {
        const { bulkId } = await this.send({ ...send, to: recipients, signal });
        results[index] = { recipients, bulkId };
      } catch (error) {
        results[index] = { recipients, error };
      }
      done += recipients.length;
      if (onProgress) notify(onProgress, { done, total });
    }
  };
  await Promise.all(Array.from({ length: Math.min(plan.concurrency, batches.length) }, worker));
  let sent = 0;
  let failed = 0;
  for (const batch of results) {
    if (batch.error) failed += batch.recipients.length;
    else sent += batch.recipients.length;
  }
  return { batches: results, sent, failed };
}

/**
 * Polls `delivery` every `intervalMs` until every recipient is final or `timeoutMs` passes,
 * then resolves with the latest entries.
 */
export async function waitForDelivery(bulkId, opts) {
  const { intervalMs, timeoutMs, onUpdate, signal } = this.__planWait(bulkId, opts);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const entries = await this.delivery(bulkId, { signal });
    if (onUpdate) notify(onUpdate, entries);
    const left = deadline - Date.now();
    if (left <= 0 || (entries.length > 0 && entries.every((entry) => FINAL.has(entry.status)))) return entries;
    if (!(await delay(Math.min(intervalMs, left), signal))) {
      // Aborted while waiting: a call with the aborted signal rejects with the `aborted`
      // IppanelError of `delivery` without making a request.
      return this.delivery(bulkId, { signal });
    }
  }
}

/**
 * Puts both methods on `Client.prototype`, not enumerable, like the methods the wasm defines.
 * @param {Function} Client
 */
export function installLongCalls(Client) {
  for (const [name, value] of Object.entries({ sendBulk, waitForDelivery })) {
    Object.defineProperty(Client.prototype, name, { value, writable: true, configurable: true });
  }
}
