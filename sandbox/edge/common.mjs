// The Edge fake's shared parts: its state, envelopes, the service's field checks (422 with
// Persian errors), pagination and the outbox clock. Everything here is read leniently: the strict
// check (strict.mjs) has already refused what a correct client never sends.
import { seedAccounts } from "./seed.mjs";

export const PRICE = { mci: 150, other: 170 }; // rials per part per recipient
export const MAX_CHARS = 1400;
export const MOBILE = /^\+98\d{10}$/;
export const VOTP_LINE = { id: 10009, number: "+98votp" };

export function seedState() {
  return { accounts: seedAccounts(), outbox: new Map(), nextOutbox: 1123544244, nextInbox: 124, nextPattern: 4, nextContact: 2000, sent: new Map() };
}

// ---- envelopes --------------------------------------------------------------------------------
export const DONE = "انجام شد";
export const ok = (data, { params = true, message = DONE, status = 200 } = {}) =>
  ({ status, body: { data, meta: { status: true, message, ...(params ? { message_parameters: [] } : {}), message_code: "200-1" } } });
export const fail = (status, code, message, errors = {}) =>
  ({ status, body: { data: null, meta: { status: false, message, message_parameters: [], message_code: code, errors } } });
export const unauthorized = () => fail(401, "400-1", "اطلاعات وارد شده صحیح نمی باشد");
export const duplicate = () => fail(429, "429-1", "ارسال تکراری: همین پیام از همین خط به همین گیرندگان در ۴۰ ثانیه گذشته ارسال شده است");
export const notFound = (message) => fail(404, "404-1", message);
export const NO_MESSAGE = "پیام مورد نظر یافت نشد";
export const NO_PATTERN = "الگو یافت نشد";
export const NO_BOOK = "دفترچه تلفن یافت نشد";

export class Errors {
  constructor(labels = {}) { this.map = {}; this.labels = labels; }
  add(path, text) { (this.map[path] ??= []).push(text); }
  required(path) { this.add(path, `تکمیل گزینه ${this.labels[path] ?? path} الزامی است`); }
  invalid(path) { this.add(path, `گزینه انتخاب شده ${this.labels[path] ?? path} صحیح نمی باشد`); }
  get any() { return Object.keys(this.map).length > 0; }
  /** Throws the 422 when any field failed. */
  done() {
    const all = Object.values(this.map).flat();
    if (all.length) throw fail(422, "400-2", all.length > 1 ? `${all[0]} (و ${all.length - 1} خطای دیگر)` : all[0], this.map);
  }
}

// ---- lenient readers (the strict check has already refused what a correct client never sends) ----
export const present = (x) => x !== undefined && x !== null && x !== "";
export const isObject = (x) => x !== null && typeof x === "object" && !Array.isArray(x);
export const intOf = (x) => (Number.isSafeInteger(x) ? x : typeof x === "string" && /^\d{1,15}$/.test(x) ? Number(x) : NaN);
export function text(e, src, key, path = key, { required = true } = {}) {
  const x = src?.[key];
  if (!present(x)) { if (required) e.required(path); return undefined; }
  if (typeof x !== "string") { e.invalid(path); return undefined; }
  return x;
}
export function int(e, src, key, path = key, { required = true, min = -Infinity, max = Infinity } = {}) {
  const x = src?.[key];
  if (!present(x)) { if (required) e.required(path); return undefined; }
  const n = intOf(x);
  if (!(n >= min && n <= max)) { e.invalid(path); return undefined; }
  return n;
}
export function mobiles(e, src, key, path, { required = true } = {}) {
  const x = src?.[key];
  if (!present(x) || (Array.isArray(x) && x.length === 0)) { if (required) e.required(path); return []; }
  if (!Array.isArray(x)) { e.invalid(path); return []; }
  x.forEach((n, i) => { if (typeof n !== "string" || !MOBILE.test(n)) e.invalid(`${path}.${i}`); });
  return x.filter((n) => typeof n === "string" && MOBILE.test(n));
}
export function pageArgs(e, src, perKey = "per_page", max = Infinity) {
  const page = int(e, src, "page", "page", { required: false, min: 1 }) ?? 1;
  const per = int(e, src, perKey, perKey, { required: false, min: 1, max }) ?? 10;
  return { page, per };
}
export function paginate(items, { page, per }, path, message = DONE) {
  const total = items.length;
  const data = items.slice((page - 1) * per, page * per);
  const from = data.length ? (page - 1) * per + 1 : null;
  return { status: 200, body: { data, meta: { current_page: page, from, last_page: Math.max(1, Math.ceil(total / per)), path, per_page: per,
    to: data.length ? from + data.length - 1 : null, total, status: true, message, message_code: "200-1" } } };
}

// ---- outbox state -----------------------------------------------------------------------------
export const operatorOf = (n) => (/^\+989(1\d|9[0-4])/.test(n) ? "mci" : /^\+989(0[1-5]|3\d|41)/.test(n) ? "irancell" : "other");
export const priceOf = (n) => (operatorOf(n) === "mci" ? PRICE.mci : PRICE.other);
export const finalCode = (n) => (n.endsWith("99") ? 4 : n.endsWith("0") ? 3 : 2);
export const sec = (ms) => Math.floor(ms / 1000);

/** state_id now: 1 review → 5 queue → 6 sent, one step per deliveryStepMs (pattern/votp skip 1). */
export function stateOf(item, now, step) {
  if (item.final) return item.final;
  if (item.forced) return 6;
  const steps = Math.floor((now - item.at) / step) + (item.review ? 0 : 1);
  if (steps === 0) return 1;
  if (item.reject) return 3;
  if (item.sendAt) return now >= item.sendAt ? 6 : 5;
  return steps === 1 ? 5 : 6;
}
export const WORD = { 1: "pending", 3: "reject", 5: "queue", 6: "finish", 7: "cancel", 8: "credit" };
export const STATUS_FA = { 1: "در انتظار تایید", 3: "رد شده", 5: "در صف ارسال", 6: "پایان یافته", 7: "لغو شده", 8: "اعتبار ناکافی" };
export const VALID = { 1: null, 3: "reject", 5: "approve", 6: "approve", 7: "approve", 8: null };

export function outboxView(ctx, item, bulk) {
  const s = stateOf(item, Date.now(), ctx.opts.deliveryStepMs);
  const n = item.recipients.length;
  const v = { username: ctx.acct.name, number_color: "#95E871", number: item.from, number_id: String(item.lineId), messages_outbox_id: String(item.id),
    state: WORD[s], type: item.wireType, time_send: String(sec(item.sendAt ?? item.at)), time: String(sec(item.at)), rcpts_count: String(n),
    exit_count: String(s === 6 ? n : 0), status: STATUS_FA[s] };
  if (bulk) v.return = 0;
  Object.assign(v, { partner_id: null, in_delivery_line: 0, valid: VALID[s], message: item.text, part: bulk ? String(item.parts) : null, cost: item.cost,
    summary: bulk && item.wireType === "sendvoice" ? `ارسال کد فعالسازی صوتی : ${item.text}` : null, user_ip: null, user_id: bulk ? ctx.acct.user_id : null });
  if (bulk) v.reject_comment = s === 3 ? "متن پیام مورد تایید نیست" : null;
  return Object.assign(v, { files_path: null, parent_id: null, state_id: s });
}

export function ownItem(ctx, raw, key) {
  const e = new Errors();
  const id = int(e, { [key]: raw }, key, key, { min: 0 });
  e.done();
  const item = ctx.state.outbox.get(id);
  if (!item || item.account !== ctx.acct.name) throw notFound(NO_MESSAGE);
  return item;
}
