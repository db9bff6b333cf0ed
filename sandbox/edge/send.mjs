// The Edge fake's sends: POST send (every sending_type), send/cancel, send/calculate-price.
import { countParts } from "../parts.mjs";
import { PRICE, MAX_CHARS, VOTP_LINE, ok, duplicate, notFound, NO_PATTERN, NO_BOOK, Errors, present, isObject, intOf, text, int, mobiles, priceOf, stateOf } from "./common.mjs";
import { newContact, PROVINCES, countiesOf, citiesOf, subCategoriesOf } from "./seed.mjs";

// ---- sending ----------------------------------------------------------------------------------
const TYPES = ["webservice", "peer_to_peer", "pattern", "votp", "postal_code", "country", "geolocation", "job", "phonebook", "keyword_phonebook"];
const WIRE_TYPE = { webservice: "webservice", peer_to_peer: "peer_to_peer", pattern: "pattern", votp: "sendvoice", postal_code: "postal_code",
  country: "country", geolocation: "geolocation", job: "job", phonebook: "phonebook", keyword_phonebook: "keyword_phonebook" };
const PREFIX = { mci: "912", irancell: "935", other: "921" };

function slice(e, src, path, op, seed, out) {
  if (!isObject(src)) { e.invalid(path); return; }
  const start = int(e, src, "start", `${path}.start`, { min: 0 });
  const size = int(e, src, "size", `${path}.size`, { min: 0, max: 1_000_000 });
  if (start === undefined || size === undefined) return;
  if (out.length + size > 1_000_000) { e.invalid("params"); return; }
  for (let k = 0; k < size; k++) out.push(`+98${PREFIX[op]}${String((seed * 10_000 + start + k) % 10_000_000).padStart(7, "0")}`);
}
function operators(e, item, path, seed, out) {
  if (!present(item.operator)) return slice(e, { start: 0, size: 5 }, path, "mci", seed, out);
  if (!Array.isArray(item.operator)) return e.invalid(`${path}.operator`);
  item.operator.forEach((o, j) => {
    const op = { 1: "mci", 2: "irancell", 13: "other" }[intOf(o?.id)];
    if (!op) e.invalid(`${path}.operator.${j}.id`); else slice(e, o, `${path}.operator.${j}`, op, seed, out);
  });
}
function targets(e, b, path = "params") {
  if (!present(b.params) || (Array.isArray(b.params) && !b.params.length)) { e.required(path); return []; }
  if (!Array.isArray(b.params)) { e.invalid(path); return []; }
  return b.params.map((p, i) => (isObject(p) ? p : (e.invalid(`${path}.${i}`), {})));
}
function ages(e, p, i, from, to) {
  int(e, p, from, `params.${i}.${from}`, { required: false, min: 1300, max: 1410 });
  int(e, p, to, `params.${i}.${to}`, { required: false, min: 1300, max: 1410 });
}
function bankGender(e, p, i, genders) {
  if (present(p.bank) && !["all", "white"].includes(p.bank)) e.invalid(`params.${i}.bank`);
  if (present(p.gender) && !genders.includes(intOf(p.gender))) e.invalid(`params.${i}.gender`);
}
function province(e, p, i, required) {
  const pid = int(e, p, "province_id", `params.${i}.province_id`, { required });
  if (pid === undefined) return;
  const bad = () => e.add("province_id", "منطقه انتخابی نامعتبر است");
  if (!PROVINCES.some((x) => x.id === pid)) return bad();
  const cid = int(e, p, "county_id", `params.${i}.county_id`, { required: false });
  if (cid !== undefined && !countiesOf(pid).some((c) => c.id === cid)) return bad();
  const city = int(e, p, "city_id", `params.${i}.city_id`, { required: false });
  if (city !== undefined && (cid === undefined || !citiesOf(cid).some((c) => c.id === city))) bad();
}

/** Per type: the outbox items a send makes, [{ text, recipients: [{ number, message }] , review }]. */
function build(ctx, st, b, e) {
  const acct = ctx.acct;
  const book = (id) => acct.phonebooks.find((p) => p.id === id);
  const contactsOf = (id) => acct.contacts.filter((c) => c.phonebook_id === id);
  const one = (message, numbers) => [{ text: message, recipients: numbers.map((number) => ({ number, message })), review: true }];
  switch (st) {
    case "webservice": {
      const message = text(e, b, "message");
      const to = mobiles(e, isObject(b.params) ? b.params : {}, "recipients", "params.recipients");
      return one(message, to);
    }
    case "peer_to_peer": return targets(e, b).map((p, i) => {
      const message = text(e, p, "message", `params.${i}.message`);
      return one(message, mobiles(e, p, "recipients", `params.${i}.recipients`))[0];
    });
    case "pattern": case "votp": {
      const pattern = st === "pattern";
      const to = pattern ? mobiles(e, b, "recipients", "recipients") : mobiles(e, isObject(b.params) ? b.params : {}, "recipients", "params.recipients");
      if (to.length > 1) e.invalid(pattern ? "recipients" : "params.recipients");
      if (!pattern) {
        const code = Number.isSafeInteger(b.message) && b.message >= 0 ? String(b.message) : b.message;
        if (!present(code)) e.required("message"); else if (typeof code !== "string" || !/^\d{1,14}$/.test(code)) e.invalid("message");
        e.done();
        return [{ text: code, recipients: to.map((number) => ({ number, message: code })), review: false, parts: 1 }];
      }
      const code = text(e, b, "code");
      const values = b.params ?? undefined;
      if (values === undefined) e.required("params"); else if (!isObject(values)) e.invalid("params");
      let bookId;
      if (present(b.phonebook)) { bookId = isObject(b.phonebook) ? int(e, b.phonebook, "id", "phonebook.id") : (e.invalid("phonebook"), undefined); }
      e.done();
      const p = acct.patterns.find((x) => x.code === code);
      if (!p) throw notFound(NO_PATTERN);
      if (p.status !== "active") { e.invalid("code"); e.done(); }
      for (const { name } of p.variables) {
        if (!present(values[name])) e.required(`params.${name}`); else if (typeof values[name] !== "string") e.invalid(`params.${name}`);
      }
      if (bookId !== undefined && !book(bookId)) throw notFound(NO_BOOK);
      e.done();
      const message = p.message.replace(/%(\w+)%/g, (m, v) => values[v] ?? m);
      return [{ text: message, recipients: to.map((number) => ({ number, message })), review: false, saveTo: bookId }];
    }
    case "postal_code": case "country": case "geolocation": case "job": {
      const message = text(e, b, "message");
      const out = [];
      targets(e, b).forEach((p, i) => {
        let seed = i + 1;
        if (st === "postal_code") {
          const pc = intOf(p.postal_code);
          if (!present(p.postal_code)) e.required(`params.${i}.postal_code`);
          else if (!(pc >= 10 && pc <= 99999)) e.add("postal_code", "کد پستی نامعتبر است");
          else seed = pc;
          bankGender(e, p, i, [0, 1, 2]); ages(e, p, i, "age_from", "age_to");
          const given = ["mci", "irancell", "other"].filter((op) => present(p[op]));
          if (!given.length) slice(e, { start: 0, size: 5 }, `params.${i}`, "mci", seed, out);
          for (const op of given) slice(e, p[op], `params.${i}.${op}`, op, seed, out);
        } else if (st === "country") {
          const pre = int(e, p, "pre", `params.${i}.pre`, { min: 10, max: 999999 });
          province(e, p, i, true); bankGender(e, p, i, [0, 1, 2]); ages(e, p, i, "age_from", "age_to");
          seed = pre ?? seed;
          for (const op of ["mci", "irancell", "other"]) {
            if (!present(p[op])) e.required(`params.${i}.${op}`); else slice(e, p[op], `params.${i}.${op}`, op, seed, out);
          }
        } else if (st === "geolocation") {
          if (present(p.pre) && !/^\d{2,6}$/.test(String(p.pre))) e.invalid(`params.${i}.pre`);
          province(e, p, i, false); bankGender(e, p, i, [1, 2]); ages(e, p, i, "from_age", "to_age");
          operators(e, p, `params.${i}`, intOf(p.province_id) || seed, out);
        } else {
          const main = int(e, p, "main_category_id", `params.${i}.main_category_id`);
          const subs = main === undefined ? [] : subCategoriesOf(main);
          if (main !== undefined && !subs) e.add(`params.${i}.main_category_id`, "گزینه انتخابی شناسه دسته بندی اصلی صحیح نمی باشد");
          const sub = int(e, p, "sub_category_id", `params.${i}.sub_category_id`, { required: false });
          if (sub !== undefined && subs && !subs.some((s) => s.id === sub)) e.invalid(`params.${i}.sub_category_id`);
          operators(e, p, `params.${i}`, main ?? seed, out);
        }
      });
      out.push(...mobiles(e, b, "other_recipients", "other_recipients", { required: false }));
      return one(message, [...new Set(out)]);
    }
    case "phonebook": case "keyword_phonebook": {
      const message = text(e, b, "message");
      const items = targets(e, b);
      if (items.length > 100) e.invalid("params");
      e.done();
      const picked = [];
      items.forEach((p, i) => {
        if (st === "keyword_phonebook") {
          const id = int(e, p, "phonebook_id", `params.${i}.phonebook_id`);
          e.done();
          if (!book(id)) throw notFound(NO_BOOK);
          picked.push(...contactsOf(id));
        } else if (p.type === "all") {
          if (!Array.isArray(p.phonebook_ids) || !p.phonebook_ids.length) { e.required(`params.${i}.phonebook_ids`); return; }
          const ids = p.phonebook_ids.map(intOf);
          if (ids.some((id) => !book(id))) throw notFound(NO_BOOK);
          const start = int(e, p, "start", `params.${i}.start`, { required: false, min: 0 }) ?? 0;
          const size = int(e, p, "size", `params.${i}.size`, { required: false, min: 0 });
          const all = ids.flatMap(contactsOf);
          picked.push(...all.slice(start, size === undefined ? undefined : start + size));
        } else if (p.type === "detail") {
          const id = int(e, p, "phonebook_id", `params.${i}.phonebook_id`);
          if (id !== undefined && !book(id)) throw notFound(NO_BOOK);
          if (!Array.isArray(p.number_ids) || !p.number_ids.length) { e.required(`params.${i}.number_ids`); return; }
          p.number_ids.forEach((n, j) => {
            const c = contactsOf(id).find((x) => x.id === intOf(n));
            if (c) picked.push(c); else e.invalid(`params.${i}.number_ids.${j}`);
          });
        } else if (!present(p.type)) e.required(`params.${i}.type`); else e.invalid(`params.${i}.type`);
      });
      e.done();
      const fill = (c) => (message ?? "").replace(/\{ex_(\d+)\}/g, (_, id) => c.options?.[id] ?? "");
      const unique = [...new Map(picked.map((c) => [c.number, c])).values()];
      return [{ text: message, recipients: unique.map((c) => ({ number: c.number, message: st === "keyword_phonebook" ? fill(c) : message })), review: true }];
    }
  }
  return [];
}

/** "YYYY-MM-DD HH:MM:SS" UTC → ms, or NaN. */
function utc(s) {
  const m = typeof s === "string" && s.match(/^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/);
  if (!m) return NaN;
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number);
  const t = Date.UTC(y, mo - 1, d, h, mi, se);
  const back = new Date(t);
  return back.getUTCMonth() === mo - 1 && back.getUTCDate() === d && h < 24 && mi < 60 && se < 60 ? t : NaN;
}

export function send(ctx) {
  const { acct, state, opts } = ctx;
  const b = ctx.input;
  const e = new Errors({ message: "پیام" });
  const st = b.sending_type;
  if (!present(st)) e.required("sending_type"); else if (!TYPES.includes(st)) e.invalid("sending_type");
  e.done();
  let line;
  if (st !== "votp" || present(b.from_number)) {
    const from = text(e, b, "from_number");
    line = from === undefined ? undefined : acct.lines.find((l) => l.number === from);
    if (from !== undefined && !line) e.invalid("from_number");
  } else line = VOTP_LINE;
  let sendAt;
  if (present(b.send_time)) {
    const now = Date.now(), t = utc(b.send_time), max = new Date(now); max.setUTCMonth(max.getUTCMonth() + 3);
    if (!(t >= now + 5 * 60_000 && t <= max.getTime())) e.invalid("send_time"); else sendAt = t;
  }
  const items = build(ctx, st, b, e);
  items.forEach((it, i) => {
    const path = st === "peer_to_peer" ? `params.${i}.message` : "message";
    if (it.text !== undefined && [...it.text].length > MAX_CHARS) e.invalid(path);
  });
  e.done();
  const now = Date.now();
  const sig = JSON.stringify([acct.name, line.number, items.map((it) => [it.recipients.map((r) => r.number), it.text])]);
  if (now - (state.sent.get(sig) ?? -Infinity) < opts.duplicateWindowMs) throw duplicate();
  state.sent.set(sig, now);
  const ids = items.map((it) => {
    const id = state.nextOutbox++;
    const recipients = it.recipients.map((r) => ({ ...r, parts: it.parts ?? countParts(r.message) }));
    const cost = recipients.reduce((sum, r) => sum + r.parts * priceOf(r.number), 0);
    const enough = acct.credit >= cost;
    if (enough) acct.credit -= cost;
    state.outbox.set(id, { id, account: acct.name, sendingType: st, wireType: WIRE_TYPE[st], from: line.number, lineId: line.id, text: it.text,
      parts: it.parts ?? countParts(it.text), recipients, cost, at: now, sendAt, review: it.review, reject: it.review && /\bREJECTME\b/.test(it.text),
      final: enough ? null : 8, forced: false });
    if (it.saveTo !== undefined && enough) {
      for (const r of recipients) if (!acct.contacts.some((c) => c.phonebook_id === it.saveTo && c.number === r.number)) {
        const pb = b.phonebook, c = newContact(state.nextContact++, it.saveTo, r.number, typeof pb.name === "string" ? pb.name : "", isObject(pb.options) ? pb.options : {});
        acct.contacts.push({ ...c, pre: typeof pb.pre === "string" ? pb.pre : "", email: typeof pb.email === "string" ? pb.email : "" });
      }
    }
    return id;
  });
  return ok({ message_outbox_ids: ids });
}

export function cancel(ctx) {
  const e = new Errors();
  const id = int(e, ctx.input, "message_outbox_id", "message_outbox_id", { min: 0 });
  e.done();
  const item = ctx.state.outbox.get(id);
  const now = Date.now();
  const s = item && stateOf(item, now, ctx.opts.deliveryStepMs);
  if (!item || item.account !== ctx.acct.name || !item.sendAt || ![1, 5].includes(s) || item.sendAt - now < 5 * 60_000) {
    throw notFound("پیام یافت نشد یا قابل لغو نیست");
  }
  item.final = 7;
  ctx.acct.credit += item.cost;
  return ok(null);
}

export function calculatePrice(ctx) {
  const e = new Errors({ message: "پیام" });
  const number = text(e, ctx.input, "number");
  if (number !== undefined && !ctx.acct.lines.some((l) => l.number === number)) e.invalid("number");
  const message = text(e, ctx.input, "message");
  if (message !== undefined && [...message].length > MAX_CHARS) e.invalid("message");
  e.done();
  const parts = countParts(message);
  return ok({ mci_price: parts * PRICE.mci, other_price: parts * PRICE.other, parts }, { message: "calculate successfully" });
}
