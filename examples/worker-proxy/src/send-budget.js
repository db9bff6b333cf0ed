// The global send budget: one Durable Object for the whole deployment (named "global"), so
// the ceiling on texts per hour and per day holds across every isolate and location. An SMS
// pumping attack that gets past every other limit still cannot cost more than this.

import { DurableObject } from "cloudflare:workers";
import { DAY_MS, SendLog } from "./send-log.js";

const HOUR_MS = 3_600_000;

export class SendBudget extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    this.log = new SendLog(ctx.storage.sql);
  }

  /**
   * Takes one send from the budget: { ok: true, sendId } or { ok: false, retryAfterMs }.
   * Synchronous from the first read to the insert, so concurrent calls cannot both take the last send.
   */
  async take({ perHour, perDay }) {
    const now = Date.now();
    this.log.prune(now);
    const wait = Math.max(
      perHour > 0 ? this.log.waitFor(now, HOUR_MS, perHour) : HOUR_MS,
      perDay > 0 ? this.log.waitFor(now, DAY_MS, perDay) : DAY_MS,
    );
    if (wait > 0) return { ok: false, retryAfterMs: wait };
    const sendId = this.log.add(now);
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(now + DAY_MS);
    return { ok: true, sendId };
  }

  /** Gives back a send that certainly did not happen (the service refused it). */
  release(sendId) {
    this.log.remove(sendId);
  }

  /** Drops sends older than a day; sleeps (no alarm) when none are left. */
  async alarm() {
    const now = Date.now();
    this.log.prune(now);
    const oldest = this.log.oldest();
    if (oldest !== null) await this.ctx.storage.setAlarm(oldest + DAY_MS);
  }
}
