// Every read and write of the D1 ledger (schema: migrations/0001_ledger.sql). Each state change
// is one conditional UPDATE, so two deliveries of the same message can never both win a claim.

export const STATES = ["queued", "sending", "sent", "failed", "unknown", "cancelled"];

/** Largest JSON text bound to one INSERT (D1 allows 2 MB per value; stay well under). */
const MAX_INSERT_JSON = 900_000;

/**
 * Stores a campaign and all its batches (state `queued`) in one D1 transaction, so a campaign
 * either exists whole or not at all.
 */
export async function insertCampaign(db, campaign, batches, now) {
  const statements = [
    db
      .prepare(
        `INSERT INTO campaigns (id, created_at, sender, message, send_time, parts, recipients, duplicates, batch_size, batches)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .bind(campaign.id, now, campaign.from, campaign.message, campaign.time, campaign.parts,
        campaign.recipients, campaign.duplicates, campaign.batchSize, batches.length),
  ];
  // Rows go in through json_each: one bound value carries hundreds of batches, where a
  // multi-row VALUES list would hit D1's 100 bound parameters per statement.
  const insert = db.prepare(
    `INSERT INTO batches (campaign_id, seq, state, recipients, size, enqueued_at, updated_at)
     SELECT ?1, ?2 + CAST(key AS INTEGER), 'queued', value, json_array_length(value), ?3, ?3 FROM json_each(?4)`,
  );
  let first = 0;
  let chunk = [];
  let chunkBytes = 0;
  const flush = () => {
    if (chunk.length === 0) return;
    statements.push(insert.bind(campaign.id, first, now, `[${chunk.join(",")}]`));
    first += chunk.length;
    chunk = [];
    chunkBytes = 0;
  };
  for (const batch of batches) {
    const text = JSON.stringify(batch);
    if (chunkBytes + text.length > MAX_INSERT_JSON) flush();
    chunk.push(text);
    chunkBytes += text.length + 1;
  }
  flush();
  await db.batch(statements);
}

/** Parts still to be paid for: every batch not yet sent or given up, across all campaigns. */
export async function outstandingParts(db) {
  const row = await db
    .prepare(
      `SELECT COALESCE(SUM(b.size * c.parts), 0) AS parts FROM batches b
       JOIN campaigns c ON c.id = b.campaign_id WHERE b.state IN ('queued', 'sending')`,
    )
    .first();
  return Number(row?.parts ?? 0);
}

export function getCampaign(db, id) {
  return db.prepare("SELECT * FROM campaigns WHERE id = ?").bind(id).first();
}

/** The campaigns with these ids, as a Map id -> row. */
export async function getCampaigns(db, ids) {
  const unique = [...new Set(ids)];
  const out = new Map();
  // D1 binds at most 100 values per statement.
  for (let i = 0; i < unique.length; i += 100) {
    const part = unique.slice(i, i + 100);
    const { results } = await db
      .prepare(`SELECT id, sender, message, send_time FROM campaigns WHERE id IN (${part.map(() => "?").join(",")})`)
      .bind(...part)
      .all();
    for (const row of results) out.set(row.id, row);
  }
  return out;
}

/** Batches and recipients per state: { state: { batches, recipients } }. */
export async function countsByState(db, id) {
  const { results } = await db
    .prepare("SELECT state, COUNT(*) AS batches, SUM(size) AS recipients FROM batches WHERE campaign_id = ? GROUP BY state")
    .bind(id)
    .all();
  const counts = Object.fromEntries(STATES.map((s) => [s, { batches: 0, recipients: 0 }]));
  for (const row of results) counts[row.state] = { batches: row.batches, recipients: row.recipients };
  return counts;
}

/** One page of a campaign's batches, in order, optionally of one state, after `afterSeq`. */
export async function listBatches(db, id, { state, afterSeq = -1, limit }) {
  const where = state ? "AND state = ?" : "";
  const binds = state ? [id, afterSeq, state, limit] : [id, afterSeq, limit];
  const { results } = await db
    .prepare(
      `SELECT seq, state, recipients, size, deliveries, bulk_id, error_kind, error_code, error_message, updated_at
       FROM batches WHERE campaign_id = ? AND seq > ? ${where} ORDER BY seq LIMIT ?`,
    )
    .bind(...binds)
    .all();
  return results;
}

/** Moves every batch not yet claimed to `cancelled`; returns how many. */
export async function cancel(db, id, now) {
  const [result] = await db.batch([
    db.prepare("UPDATE batches SET state = 'cancelled', updated_at = ? WHERE campaign_id = ? AND state = 'queued'").bind(now, id),
    db.prepare("UPDATE campaigns SET cancelled_at = COALESCE(cancelled_at, ?) WHERE id = ?").bind(now, id),
  ]);
  return result.meta.changes;
}

/**
 * `queued` -> `sending` under `token`; returns the recipients, or null when the batch is not
 * `queued` (another delivery claimed it, it was cancelled, or it is finished).
 */
export async function claim(db, campaignId, seq, token, now) {
  const row = await db
    .prepare(
      `UPDATE batches SET state = 'sending', claim = ?, claimed_at = ?, deliveries = deliveries + 1, updated_at = ?
       WHERE campaign_id = ? AND seq = ? AND state = 'queued' RETURNING recipients`,
    )
    .bind(token, now, now, campaignId, seq)
    .first();
  return row ? JSON.parse(row.recipients) : null;
}

export async function stateOf(db, campaignId, seq) {
  const row = await db.prepare("SELECT state FROM batches WHERE campaign_id = ? AND seq = ?").bind(campaignId, seq).first();
  return row?.state ?? null;
}

const INTERRUPTED =
  "the delivery that claimed this batch stopped before recording its outcome; the send may have gone out";

/** A `sending` batch seen again by a later delivery: its first delivery died, so `unknown`. */
export async function markInterrupted(db, campaignId, seq, now) {
  await db
    .prepare(
      `UPDATE batches SET state = 'unknown', error_kind = 'interrupted', error_code = NULL, error_message = ?, updated_at = ?
       WHERE campaign_id = ? AND seq = ? AND state = 'sending'`,
    )
    .bind(INTERRUPTED, now, campaignId, seq)
    .run();
}

/**
 * Records the outcome of the send made under `token`: `sent` (bulkId), `failed` or `unknown`
 * (error). Also from `unknown`: a slow delivery that was presumed dead knows better.
 */
export async function record(db, campaignId, seq, token, state, { bulkId = null, error = null }, now) {
  await db
    .prepare(
      `UPDATE batches SET state = ?, bulk_id = ?, error_kind = ?, error_code = ?, error_message = ?, updated_at = ?
       WHERE campaign_id = ? AND seq = ? AND claim = ? AND state IN ('sending', 'unknown')`,
    )
    .bind(state, bulkId, error?.kind ?? null, error?.code ?? null, error?.message ?? null, now, campaignId, seq, token)
    .run();
}

/** Gives a claim back (`sending` -> `queued`) after a failure before the request left. */
export async function release(db, campaignId, seq, token, error, now) {
  await db
    .prepare(
      `UPDATE batches SET state = 'queued', claim = NULL, error_kind = ?, error_code = ?, error_message = ?, updated_at = ?
       WHERE campaign_id = ? AND seq = ? AND claim = ? AND state = 'sending'`,
    )
    .bind(error.kind, error.code, error.message, now, campaignId, seq, token)
    .run();
}

/** A message that used up its retries: its batch, if still `queued`, is `failed`. */
export async function deadLetter(db, campaignId, seq, now) {
  await db
    .prepare(
      `UPDATE batches SET state = 'failed',
         error_message = 'gave up after ' || deliveries || ' deliveries; last error: ' || COALESCE(error_message, 'none recorded'),
         updated_at = ?
       WHERE campaign_id = ? AND seq = ? AND state = 'queued'`,
    )
    .bind(now, campaignId, seq)
    .run();
}

/** `sending` claims older than `cutoff` (ms) become `unknown`; returns how many. */
export async function expireClaims(db, cutoff, now) {
  const result = await db
    .prepare(
      `UPDATE batches SET state = 'unknown', error_kind = 'interrupted', error_code = NULL, error_message = ?, updated_at = ?
       WHERE state = 'sending' AND claimed_at <= ?`,
    )
    .bind(INTERRUPTED, now, cutoff)
    .run();
  return result.meta.changes;
}

/**
 * Up to `limit` `queued` batches last enqueued at or before `cutoff`, stamped as enqueued now;
 * returns their { campaignId, seq }.
 */
export async function takeStaleQueued(db, cutoff, now, limit) {
  const { results } = await db
    .prepare(
      `UPDATE batches SET enqueued_at = ?1 WHERE (campaign_id, seq) IN
         (SELECT campaign_id, seq FROM batches WHERE state = 'queued' AND enqueued_at <= ?2 LIMIT ?3)
       RETURNING campaign_id, seq`,
    )
    .bind(now, cutoff, limit)
    .all();
  return results.map((r) => ({ campaignId: r.campaign_id, seq: r.seq }));
}
