// The campaign API: create (check everything, store, then enqueue), status, batches by state,
// cancel, and the sweep that re-enqueues batches whose queue message was lost.

import { InputError, readCampaign, toBatches } from "./campaign.js";
import { HttpError, json, readJson } from "./http.js";
import * as ledger from "./ledger.js";
import { getClient, intVar } from "./service.js";

/** 1,000,000 numbers of up to ~30 bytes each (Persian digits are 2 bytes in UTF-8). */
const MAX_BODY_BYTES = 40 * 1024 * 1024;
/** Cloudflare Queues takes at most 100 messages per sendBatch. */
const SEND_BATCH_MAX = 100;

export async function createCampaign(request, env) {
  let campaign;
  try {
    campaign = readCampaign(await readJson(request, MAX_BODY_BYTES));
  } catch (err) {
    if (err instanceof InputError) throw new HttpError(400, "input", err.field, err.message, err.messageFa, err.extra);
    throw err;
  }
  const client = getClient(env);
  if (!client) throw new HttpError(500, "config", null, "IPPANEL_USERNAME / IPPANEL_PASSWORD are not set", "نام کاربری یا گذرواژهٔ ippanel تنظیم نشده است");

  // Credit: this campaign plus everything still queued or sending, at the configured price.
  const price = Number(env.PRICE_PER_PART_RIALS ?? 150);
  const recipients = campaign.numbers.length;
  const cost = campaign.parts * recipients * price;
  let credit;
  try {
    credit = await client.credit();
  } catch (err) {
    throw new HttpError(502, err.kind ?? "upstream", err.code ?? null, "could not read the account's credit; nothing was enqueued",
      "اعتبار حساب خوانده نشد؛ چیزی در صف قرار نگرفت");
  }
  const outstanding = (await ledger.outstandingParts(env.DB)) * price;
  if (credit < cost + outstanding) {
    throw new HttpError(402, "credit", 5, `insufficient credit: the campaign costs ${cost} rials, ${outstanding} are already committed to queued batches, the account has ${credit}`,
      `اعتبار کافی نیست: هزینهٔ کارزار ${cost} ریال، ${outstanding} ریال در صف، اعتبار حساب ${credit} ریال`,
      { cost, outstanding, credit });
  }

  const batches = toBatches(campaign.numbers, campaign.batchSize);
  const id = crypto.randomUUID();
  await ledger.insertCampaign(env.DB, { ...campaign, id, recipients }, batches, Date.now());
  // Stored first, enqueued second: if this Worker dies in between, the sweep finds the batches
  // still `queued` and enqueues them.
  const enqueued = await enqueue(env, batches.map((_, seq) => ({ campaignId: id, seq })));
  return json(202, {
    campaignId: id,
    recipients,
    duplicates: campaign.duplicates,
    batches: batches.length,
    parts: campaign.parts,
    cost,
    enqueued,
  });
}

/** Puts one message per batch on the queue, 100 per sendBatch; returns how many went. */
async function enqueue(env, refs) {
  const chunks = [];
  for (let i = 0; i < refs.length; i += SEND_BATCH_MAX) chunks.push(refs.slice(i, i + SEND_BATCH_MAX));
  let sent = 0;
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const chunk = chunks[next++];
      await env.CAMPAIGN_QUEUE.sendBatch(chunk.map(({ campaignId, seq }) => ({ body: { c: campaignId, s: seq }, contentType: "json" })));
      sent += chunk.length;
    }
  };
  await Promise.all(Array.from({ length: Math.min(6, chunks.length) }, worker));
  return sent;
}

async function campaignOr404(env, id) {
  const row = await ledger.getCampaign(env.DB, id);
  if (!row) throw new HttpError(404, "not_found", null, "no such campaign", "چنین کارزاری وجود ندارد");
  return row;
}

export async function campaignStatus(env, id) {
  const row = await campaignOr404(env, id);
  const counts = await ledger.countsByState(env.DB, id);
  const pick = (field) => Object.fromEntries(ledger.STATES.map((s) => [s, counts[s][field]]));
  return json(200, {
    campaignId: id,
    createdAt: new Date(row.created_at).toISOString(),
    from: row.sender,
    message: row.message,
    time: row.send_time,
    parts: row.parts,
    recipients: row.recipients,
    duplicates: row.duplicates,
    batchSize: row.batch_size,
    batches: { total: row.batches, ...pick("batches") },
    recipientsByState: pick("recipients"),
    cancelled: row.cancelled_at !== null,
    done: counts.queued.batches === 0 && counts.sending.batches === 0,
  });
}

export async function campaignBatches(env, id, url) {
  await campaignOr404(env, id);
  const state = url.searchParams.get("state") || undefined;
  if (state && !ledger.STATES.includes(state)) {
    throw new HttpError(400, "input", "state", `state must be one of ${ledger.STATES.join(", ")}`, `وضعیت باید یکی از ${ledger.STATES.join("، ")} باشد`);
  }
  const limit = Math.min(intVar(url.searchParams.get("limit"), 100, 1), 1000);
  const afterSeq = intVar(url.searchParams.get("after"), -1, 0);
  const rows = await ledger.listBatches(env.DB, id, { state, afterSeq, limit });
  return json(200, {
    campaignId: id,
    state: state ?? null,
    batches: rows.map((r) => ({
      seq: r.seq,
      state: r.state,
      recipients: JSON.parse(r.recipients),
      deliveries: r.deliveries,
      bulkId: r.bulk_id,
      error: r.error_kind ? { kind: r.error_kind, code: r.error_code, message: r.error_message } : null,
      updatedAt: new Date(r.updated_at).toISOString(),
    })),
    // Pass as ?after= for the next page.
    next: rows.length === limit ? rows[rows.length - 1].seq : null,
  });
}

export async function cancelCampaign(env, id) {
  await campaignOr404(env, id);
  const cancelled = await ledger.cancel(env.DB, id, Date.now());
  return json(200, { campaignId: id, cancelled });
}

/**
 * Recovery after lost queue messages (a local restart, a Worker that died between storing and
 * enqueueing): `sending` claims older than `sendingAfterSeconds` become `unknown` (their sends
 * may have gone out), and `queued` batches last enqueued over `requeueAfterSeconds` ago are
 * enqueued again. Safe to run any time: a batch is only ever sent by the delivery that claims it.
 */
export async function sweep(env, { requeueAfterSeconds, sendingAfterSeconds } = {}) {
  const now = Date.now();
  const requeueAfter = requeueAfterSeconds ?? intVar(env.REQUEUE_AFTER_SECONDS, 3600);
  const sendingAfter = sendingAfterSeconds ?? intVar(env.CLAIM_TIMEOUT_SECONDS, 1800);
  const interrupted = await ledger.expireClaims(env.DB, now - sendingAfter * 1000 - 1, now);
  let requeued = 0;
  for (;;) {
    const refs = await ledger.takeStaleQueued(env.DB, now - requeueAfter * 1000 - 1, now, 1000);
    if (refs.length > 0) requeued += await enqueue(env, refs);
    if (refs.length < 1000) break;
  }
  return { requeued, interrupted };
}

export async function sweepRequest(request, env) {
  const body = request.headers.get("Content-Length") === "0" || !request.headers.get("Content-Type") ? {} : await readJson(request, 1024);
  const opts = {};
  for (const key of ["requeueAfterSeconds", "sendingAfterSeconds"]) {
    if (body?.[key] === undefined) continue;
    if (!Number.isInteger(body[key]) || body[key] < 0) {
      throw new HttpError(400, "input", key, `${key} must be a non-negative integer`, `${key} باید عدد صحیح نامنفی باشد`);
    }
    opts[key] = body[key];
  }
  return json(200, await sweep(env, opts));
}
