// A table of send times in a Durable Object's SQLite storage, counted over sliding windows.
// Both Durable Objects use it: one per phone number (its own sends) and the global budget.

import { SECONDS_PER_DAY } from "./config.js";

export const DAY_MS = SECONDS_PER_DAY * 1000;

export class SendLog {
  constructor(sql) {
    this.sql = sql;
    this.createTable();
  }

  createTable() {
    this.sql.exec("CREATE TABLE IF NOT EXISTS sends (id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL)");
  }

  /** Forgets sends older than a day (no window is longer). */
  prune(now) {
    this.sql.exec("DELETE FROM sends WHERE at <= ?", now - DAY_MS);
  }

  /**
   * Milliseconds until a new send fits within `limit` sends per `windowMs`, or 0 when it fits
   * now. The window slides: it opens again when its oldest counted send is `windowMs` old.
   */
  waitFor(now, windowMs, limit) {
    const rows = this.sql
      .exec("SELECT at FROM sends WHERE at > ? ORDER BY at DESC LIMIT ?", now - windowMs, limit)
      .toArray();
    if (rows.length < limit) return 0;
    return rows[rows.length - 1].at + windowMs - now;
  }

  /** Time of the latest send, or null. */
  last() {
    return this.sql.exec("SELECT MAX(at) AS at FROM sends").one().at ?? null;
  }

  /** Time of the oldest send kept, or null. */
  oldest() {
    return this.sql.exec("SELECT MIN(at) AS at FROM sends").one().at ?? null;
  }

  add(now) {
    return this.sql.exec("INSERT INTO sends (at) VALUES (?) RETURNING id", now).one().id;
  }

  remove(id) {
    this.sql.exec("DELETE FROM sends WHERE id = ?", id);
  }

  count() {
    return this.sql.exec("SELECT COUNT(*) AS n FROM sends").one().n;
  }
}
