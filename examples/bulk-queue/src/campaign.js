// Checking a campaign request before anything is stored or enqueued: every field, every
// number (normalized by ippanel-wasm, exactly as a send would), duplicates dropped.

import { normalizeMobile, smsParts } from "ippanel-wasm";

export const MAX_RECIPIENTS = 1_000_000;
/** The service refuses more than 1,000 recipients in one send (error 98). */
export const MAX_BATCH_SIZE = 1000;
export const DEFAULT_BATCH_SIZE = 100;
const MAX_MESSAGE_LENGTH = 5000;
const SENDER = /^\+?[0-9]{3,20}$/;
const TEHRAN_TIME = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/;

/** A refusal of the request, answered as 400 `{ error }`. */
export class InputError extends Error {
  constructor(field, message, messageFa, extra = {}) {
    super(message);
    this.field = field;
    this.messageFa = messageFa;
    this.extra = extra;
  }
}

const fail = (field, message, messageFa, extra) => {
  throw new InputError(field, message, messageFa, extra);
};

function checkTime(time) {
  if (time === undefined || time === null || time === "") return null;
  if (typeof time !== "string") fail("time", "time must be a string", "زمان ارسال باید رشته باشد");
  if (TEHRAN_TIME.test(time)) return time; // Tehran wall-clock time, sent as given
  // Anything else must be an instant with its zone (ISO 8601); the client converts it.
  if (!/T.*(Z|[+-]\d{2}:?\d{2})$/.test(time) || Number.isNaN(Date.parse(time))) {
    fail("time", "time must be YYYY-MM-DD, YYYY-MM-DD HH:MM:SS (Tehran) or an ISO 8601 instant with a zone",
      "زمان ارسال باید به شکل YYYY-MM-DD یا YYYY-MM-DD HH:MM:SS (وقت تهران) یا ISO 8601 با منطقهٔ زمانی باشد");
  }
  return new Date(time).toISOString();
}

/**
 * The campaign a request body asks for, or an InputError. Numbers are normalized to +98…;
 * the first invalid one refuses the whole campaign with its index.
 * @returns {{ from, message, time, batchSize, parts, numbers: string[], duplicates: number }}
 */
export function readCampaign(body) {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    fail("body", "the body must be a JSON object", "بدنهٔ درخواست باید یک شیء JSON باشد");
  }
  const { from, message, to } = body;
  if (typeof from !== "string" || !SENDER.test(from.trim())) {
    fail("from", "from must be the sender line's number", "فرستنده باید شمارهٔ خط ارسال باشد");
  }
  if (typeof message !== "string" || message.trim() === "") {
    fail("message", "message must be a non-empty string", "متن پیام نباید خالی باشد");
  }
  if (message.length > MAX_MESSAGE_LENGTH) {
    fail("message", `message must be at most ${MAX_MESSAGE_LENGTH} characters`, `متن پیام حداکثر ${MAX_MESSAGE_LENGTH} نویسه است`);
  }
  if (!Array.isArray(to) || to.length === 0) fail("to", "to must be a non-empty array of numbers", "گیرندگان باید آرایه‌ای ناخالی از شماره‌ها باشد");
  if (to.length > MAX_RECIPIENTS) {
    fail("to", `at most ${MAX_RECIPIENTS} recipients per campaign`, `حداکثر ${MAX_RECIPIENTS} گیرنده در هر کارزار`);
  }
  let batchSize = DEFAULT_BATCH_SIZE;
  if (body.batchSize !== undefined) {
    batchSize = body.batchSize;
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
      fail("batchSize", `batchSize must be an integer from 1 to ${MAX_BATCH_SIZE}`, `اندازهٔ دسته باید عددی صحیح از ۱ تا ${MAX_BATCH_SIZE} باشد`);
    }
  }
  const time = checkTime(body.time);

  const seen = new Set();
  const numbers = [];
  for (let i = 0; i < to.length; i++) {
    let number;
    try {
      if (typeof to[i] !== "string") throw new TypeError("not a string");
      number = normalizeMobile(to[i]);
    } catch {
      fail("to", `to[${i}] is not a valid Iranian mobile number; nothing was sent`,
        `گیرندهٔ شمارهٔ ${i} (to[${i}]) شمارهٔ موبایل معتبر نیست؛ هیچ پیامی ارسال نشد`, { index: i });
    }
    if (!seen.has(number)) {
      seen.add(number);
      numbers.push(number);
    }
  }
  return {
    from: from.trim(),
    message,
    time,
    batchSize,
    parts: smsParts(message).parts,
    numbers,
    duplicates: to.length - numbers.length,
  };
}

/** `numbers` cut into consecutive batches of `size`. */
export function toBatches(numbers, size) {
  const batches = [];
  for (let i = 0; i < numbers.length; i += size) batches.push(numbers.slice(i, i + size));
  return batches;
}
