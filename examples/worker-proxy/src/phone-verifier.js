// One Durable Object per phone number (named by the normalized number, "+98912…"). It holds
// that number's sends (for the cooldown and the per-number limits) and its current
// verification (the MAC of the code, never the code), so every limit holds across all of
// Cloudflare's isolates and locations. An alarm deletes what has expired.

import { DurableObject } from "cloudflare:workers";
import { codeMatches } from "./codes.js";
import { DAY_MS, SendLog } from "./send-log.js";

export class PhoneVerifier extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.log = new SendLog(this.sql);
    this.createTables();
  }

  createTables() {
    this.log.createTable();
    this.sql.exec(`CREATE TABLE IF NOT EXISTS verification (
      id TEXT PRIMARY KEY, phone TEXT NOT NULL, mac TEXT NOT NULL,
      expires_at INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0)`);
  }

  /**
   * Takes a send for this number: { ok: true, sendId } or { ok: false, code, retryAfterMs }
   * with code "cooldown" (too soon after the last send) or "number" (too many sends in the
   * window or the day). No await before the insert: two concurrent starts cannot both pass.
   */
  async reserve({ cooldownMs, windowMs, perWindow, perDay }) {
    const now = Date.now();
    this.log.prune(now);
    const last = this.log.last();
    if (last !== null && now - last < cooldownMs) {
      return { ok: false, code: "cooldown", retryAfterMs: last + cooldownMs - now };
    }
    const wait = Math.max(this.log.waitFor(now, windowMs, perWindow), this.log.waitFor(now, DAY_MS, perDay));
    if (wait > 0) return { ok: false, code: "number", retryAfterMs: wait };
    const sendId = this.log.add(now);
    await this.scheduleCleanup();
    return { ok: true, sendId };
  }

  /** Gives back a send that certainly did not happen, with the cooldown it took. */
  async release(sendId) {
    this.log.remove(sendId);
    await this.scheduleCleanup();
  }

  /** Stores the new verification; an earlier one for this number stops working. */
  async commit({ verificationId, phone, mac, ttlMs }) {
    this.sql.exec("DELETE FROM verification");
    this.sql.exec(
      "INSERT INTO verification (id, phone, mac, expires_at, attempts) VALUES (?, ?, ?, ?, 0)",
      verificationId, phone, mac, Date.now() + ttlMs,
    );
    await this.scheduleCleanup();
  }

  /**
   * Checks a code: { status: "approved", phone } | { status: "pending", attemptsLeft } |
   * { status: "expired" } (unknown, used or timed out: all the same) | { status: "max_attempts_reached" }.
   * The attempt is written before the comparison, so concurrent checks each use one attempt
   * and none can slip past the limit while another is comparing.
   */
  async check({ verificationId, code, maxChecks }) {
    const row = this.sql.exec("SELECT * FROM verification WHERE id = ?", verificationId).toArray()[0];
    if (!row || row.expires_at <= Date.now()) return { status: "expired" };
    if (row.attempts >= maxChecks) return { status: "max_attempts_reached" };
    const attempts = this.sql
      .exec("UPDATE verification SET attempts = attempts + 1 WHERE id = ? RETURNING attempts", verificationId)
      .one().attempts;

    const match = await codeMatches(this.env.VERIFY_SECRET, verificationId, row.phone, code, row.mac);
    if (!match) return { status: "pending", attemptsLeft: Math.max(0, maxChecks - attempts) };
    // Single use: only the check that deletes the row approves (another right check that
    // compared at the same time finds it gone).
    const deleted = this.sql.exec("DELETE FROM verification WHERE id = ? RETURNING id", verificationId).toArray();
    return deleted.length ? { status: "approved", phone: row.phone } : { status: "expired" };
  }

  /** Counts only, for tests and operators: never the MAC or the number. */
  async stats() {
    return {
      verifications: this.sql.exec("SELECT COUNT(*) AS n FROM verification").one().n,
      sends: this.log.count(),
      alarm: await this.ctx.storage.getAlarm(),
    };
  }

  /** The next moment something expires: the verification, or the oldest send leaving the day. */
  async scheduleCleanup() {
    const expires = this.sql.exec("SELECT MIN(expires_at) AS at FROM verification").one().at;
    const oldest = this.log.oldest();
    const next = Math.min(expires ?? Infinity, oldest === null ? Infinity : oldest + DAY_MS);
    if (next === Infinity) await this.ctx.storage.deleteAlarm();
    else await this.ctx.storage.setAlarm(next);
  }

  async alarm() {
    const now = Date.now();
    this.sql.exec("DELETE FROM verification WHERE expires_at <= ?", now);
    this.log.prune(now);
    const empty = this.log.count() === 0 &&
      this.sql.exec("SELECT COUNT(*) AS n FROM verification").one().n === 0;
    if (empty) {
      // Nothing left for this number: free the object's storage entirely.
      await this.ctx.storage.deleteAll();
      this.createTables();
      return;
    }
    await this.scheduleCleanup();
  }
}
