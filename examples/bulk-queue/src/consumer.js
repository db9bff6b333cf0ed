// The queue consumer: one message = one batch (`{ c: campaignId, s: seq }`); the recipients are
// in D1. The at-most-once rule: a batch is sent only by the delivery that moved it from `queued`
// to `sending`, and nothing ever moves it back once the request may have left.

import * as ledger from "./ledger.js";
import { clientFor, crashAfterSend, errorRecord, faultFor, intVar, outcomeOf, TestCrash } from "./service.js";

const TEHRAN_TIME = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/;
/** Longest retry delay Cloudflare Queues accepts (12 hours). */
const MAX_RETRY_DELAY_SECONDS = 43_200;

/** The queue() entry: the campaign queue, or its dead-letter queue. */
export async function consume(batch, env) {
  if (batch.queue === (env.DEAD_LETTER_QUEUE || "ippanel-campaigns-dlq")) return deadLetters(batch, env);
  const messages = batch.messages.filter((msg) => {
    if (isBatchRef(msg.body)) return true;
    console.error("dropping a message that is not a batch reference");
    msg.ack();
    return false;
  });
  const campaigns = await ledger.getCampaigns(env.DB, messages.map((m) => m.body.c));
  let crash = null;
  // Up to SEND_CONCURRENCY sends at once (a Worker invocation has 6 connections anyway).
  await eachLimited(messages, intVar(env.SEND_CONCURRENCY, 6, 1), async (msg) => {
    try {
      await handle(msg, campaigns.get(msg.body.c), env);
    } catch (err) {
      // Anything thrown after a claim (a failed D1 write, a crash) leaves the message un-acked:
      // its redelivery finds the batch `sending` and marks it `unknown`; never a second send.
      crash ??= err;
    }
  });
  if (crash) {
    if (!(crash instanceof TestCrash)) console.error("consumer failed mid-batch: " + String(crash?.message ?? crash));
    throw crash;
  }
}

const isBatchRef = (body) => body && typeof body.c === "string" && Number.isInteger(body.s) && body.s >= 0;

async function handle(msg, campaign, env) {
  const { c: campaignId, s: seq } = msg.body;
  const db = env.DB;
  if (!campaign) {
    msg.ack(); // the campaign is gone (deleted by hand): nothing to send
    return;
  }
  const token = crypto.randomUUID();
  const recipients = await ledger.claim(db, campaignId, seq, token, Date.now());
  if (!recipients) {
    // Not `queued`: another delivery owns it or finished it, or it was cancelled. A batch still
    // `sending` here belonged to a delivery that died (this message is its redelivery).
    if ((await ledger.stateOf(db, campaignId, seq)) === "sending" && msg.attempts > 1) {
      await ledger.markInterrupted(db, campaignId, seq, Date.now());
    }
    msg.ack();
    return;
  }

  const client = clientFor(env, faultFor(env, seq, msg.attempts));
  if (!client) {
    const error = { kind: "config", code: null, message: "IPPANEL_USERNAME / IPPANEL_PASSWORD are not set" };
    await ledger.release(db, campaignId, seq, token, error, Date.now());
    msg.retry({ delaySeconds: retryDelay(env, msg.attempts) });
    return;
  }
  let result;
  let failure = null;
  try {
    result = await client.send({
      from: campaign.sender,
      to: recipients,
      message: campaign.message,
      ...(campaign.send_time ? { time: TEHRAN_TIME.test(campaign.send_time) ? campaign.send_time : new Date(campaign.send_time) } : {}),
    });
  } catch (err) {
    failure = err;
  }
  const outcome = failure ? outcomeOf(failure) : "sent";
  if (outcome !== "retry" && crashAfterSend(env, seq)) throw new TestCrash(`test crash after the send of batch ${seq}`);

  const now = Date.now();
  if (outcome === "sent") {
    await ledger.record(db, campaignId, seq, token, "sent", { bulkId: String(result.bulkId) }, now);
    msg.ack();
  } else if (outcome === "retry") {
    // Nothing left this Worker: give the claim back and let the queue try later (its retry
    // limit then moves the message to the dead-letter queue).
    await ledger.release(db, campaignId, seq, token, errorRecord(failure), now);
    msg.retry({ delaySeconds: retryDelay(env, msg.attempts) });
  } else {
    await ledger.record(db, campaignId, seq, token, outcome, { error: errorRecord(failure) }, now);
    msg.ack();
  }
}

/** Exponential backoff from RETRY_DELAY_SECONDS: base, 2×base, 4×base… capped at 12 hours. */
function retryDelay(env, attempts) {
  const base = intVar(env.RETRY_DELAY_SECONDS, 30);
  return Math.min(base * 2 ** Math.min(attempts - 1, 20), MAX_RETRY_DELAY_SECONDS);
}

/** Messages that used up their retries: their batches, if still `queued`, become `failed`. */
async function deadLetters(batch, env) {
  for (const msg of batch.messages) {
    if (isBatchRef(msg.body)) await ledger.deadLetter(env.DB, msg.body.c, msg.body.s, Date.now());
    msg.ack();
  }
}

async function eachLimited(items, limit, fn) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
