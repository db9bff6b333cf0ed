// The Edge fake's service: per-account state and every endpoint's answer, checked as the service
// checks (EDGE-PROTOCOL.md). Handlers take { acct, input, query, params, state, opts } and
// return { status, body } (body a JS value) or throw such an answer.
import { ok, fail, notFound, NO_PATTERN, Errors, present, isObject, text, int, pageArgs, paginate, operatorOf, finalCode, sec, stateOf, outboxView, ownItem } from "./common.mjs";
import { send, cancel, calculatePrice } from "./send.mjs";
import { PROVINCES, countiesOf, countyById, citiesOf, JOB_CATEGORIES, subCategoriesOf } from "./seed.mjs";

// ---- reports ----------------------------------------------------------------------------------
function outboxList(ctx) {
  const b = ctx.input;
  const e = new Errors();
  const paging = pageArgs(e, b, "limit");
  const f = isObject(b.filters) ? b.filters : {};
  e.done();
  if (present(f.state_id) && !/^\d$/.test(String(f.state_id))) throw fail(422, "400-31", "invalid state");
  const n = (k) => (present(f[k]) ? Number(f[k]) : undefined);
  const step = ctx.opts.deliveryStepMs, now = Date.now();
  const items = [...ctx.state.outbox.values()].filter((it) => it.account === ctx.acct.name).reverse().filter((it) => {
    const s = stateOf(it, now, step), t = sec(it.at), ts = sec(it.sendAt ?? it.at);
    return (!present(f.state_id) || s === Number(f.state_id)) && (!present(f.messages_outbox_id) || String(it.id) === String(f.messages_outbox_id))
      && (!present(f.number) || it.from === f.number) && (!present(f.message) || String(it.text).includes(f.message))
      && !(t < n("create_from_date")) && !(t > n("create_to_date")) && !(ts < n("send_from_date")) && !(ts > n("send_to_date"))
      && !((s === 6 ? it.recipients.length : 0) < n("from_exit_count")) && !((s === 6 ? it.recipients.length : 0) > n("to_exit_count"));
  });
  return paginate(items.map((it) => outboxView(ctx, it, false)), paging, "/api/report/new_list");
}

function recipientsOf(ctx, item) {
  const s = stateOf(item, Date.now(), ctx.opts.deliveryStepMs);
  if (![1, 5, 6].includes(s)) return [];
  return item.recipients.map((r) => ({ recipient: r.number, message: r.message, is_readable: true, msg_parts: String(r.parts),
    message_status: s === 6 ? String(finalCode(r.number)) : null }));
}

function bulkStats(ctx) {
  const item = ownItem(ctx, ctx.query.bulk_id, "bulk_id");
  const s = stateOf(item, Date.now(), ctx.opts.deliveryStepMs);
  const keys = ["operators_blacklist", "operators_failed", "operators_pending", "operators_sent", "operators_delivered"];
  const ops = ["irancell", "mci", ...(item.recipients.some((r) => operatorOf(r.number) === "other") ? ["other"] : [])];
  const data = Object.fromEntries(keys.map((k) => [k, Object.fromEntries(ops.map((o) => [o, { en: 0, fa: 0 }]))]));
  if ([1, 5, 6].includes(s)) {
    for (const r of item.recipients) {
      const key = s !== 6 ? "operators_pending" : { 2: "operators_delivered", 3: "operators_failed", 4: "operators_blacklist" }[finalCode(r.number)];
      data[key][operatorOf(r.number)][/^[\x00-\x7f]*$/.test(r.message) ? "en" : "fa"] += 1;
    }
  }
  return ok(data);
}

function inbox(ctx) {
  const b = ctx.input;
  const e = new Errors();
  const paging = pageArgs(e, b);
  const f = isObject(b.filters) ? b.filters : {};
  const fromId = int(e, f, "from_id", "filters.from_id", { required: false, min: 0 });
  e.done();
  const items = ctx.acct.inbox.filter((m) => fromId === undefined || m.messages_inbox_id > fromId).sort((x, y) => y.messages_inbox_id - x.messages_inbox_id);
  return paginate(items, paging, "/api/report/messages-inbox");
}

// ---- account ----------------------------------------------------------------------------------
export function patternView(p) {
  const statusId = { active: 1, inactive: 2, pending: 3 }[p.status];
  const fa = { active: "فعال", inactive: "رد شده", pending: "در انتظار بررسی" }[p.status];
  return { id: p.id, partner_id: null, verifier_user_id: null, verifier_partner_id: null, title: p.title, username: p.username ?? "demo", user_id: p.user_id ?? "1234",
    pattern_code: p.code, pattern_message: p.message, admin_comment: p.admin_comment ?? null, pattern_description: p.description, website: p.website,
    pattern_status: p.status, pattern_status_fa: fa, pattern_status_id: statusId, pattern_is_share: p.is_share, reject_text: "", type: "sms",
    variable: p.variables, delimiter: "%", updated_at: p.updated_at, time: p.time, pattern_type: "normal", readonly: false,
    pattern_state_revision: null, pattern_message_revision: null, pattern_is_share_revision: null, pattern_description_revision: null,
    pattern_delimiter_revision: null, pattern_variable_revision: null, pattern_type_revision: "", pattern_state_log: null, pattern_message_log: null,
    pattern_is_share_log: null, pattern_description_log: null, pattern_delimiter_log: null, pattern_variable_log: null, pattern_type_log: null,
    revision: { type: "", variable: null, pattern_status_id: null, pattern_status_fa: null, pattern_message: null, pattern_description: null, pattern_is_share: null, delimiter: null },
    pattern_log: null };
}

function patterns(ctx) {
  const q = ctx.query;
  const e = new Errors();
  const paging = pageArgs(e, q, "per_page", 100);
  e.done();
  const share = q["filter[is_share]"];
  const items = ctx.acct.patterns.filter((p) => (!present(q["filter[code]"]) || p.code === q["filter[code]"])
    && (!present(q["filter[title]"]) || String(p.title ?? "").includes(q["filter[title]"]))
    && (!present(share) || p.is_share === (share === "true" || share === "1"))
    && (!present(q["filter[state]"]) || p.status === q["filter[state]"])
    && (!present(q["filter[type]"]) || q["filter[type]"] === "normal"));
  return paginate(items.map(patternView), paging, "/api/patterns");
}

function createPattern(ctx) {
  const b = ctx.input;
  const e = new Errors();
  const title = text(e, b, "title", "title", { required: false });
  const description = text(e, b, "description");
  const message = text(e, b, "message");
  const website = text(e, b, "website", "website", { required: false });
  if (present(b.is_share) && typeof b.is_share !== "boolean") e.invalid("is_share");
  const variable = present(b.variable) ? b.variable : [];
  if (!Array.isArray(variable)) e.invalid("variable");
  else variable.forEach((x, i) => {
    text(e, x, "name", `variable.${i}.name`);
    if (!present(x?.type)) e.required(`variable.${i}.type`); else if (!["string", "integer"].includes(x.type)) e.invalid(`variable.${i}.type`);
  });
  e.done();
  const n = ctx.state.nextPattern++;
  const p = { id: `683c0ef4ad9979cd7506${String(n).padStart(4, "0")}`, code: `newpattern${String(n).padStart(5, "0")}`, message, status: "pending",
    variables: variable.map((x) => ({ name: x.name, type: x.type, len: 40 })), is_share: b.is_share === true, title: title ?? null, description,
    website: website ?? null, updated_at: new Date().toISOString().replace(/Z$/, "000Z"), time: sec(Date.now()), username: ctx.acct.name, user_id: ctx.acct.user_id };
  ctx.acct.patterns.push(p);
  return ok(patternView(p));
}

function phonebooks(ctx) {
  const q = ctx.query, e = new Errors();
  const paging = pageArgs(e, q, "per_page", 1000);
  e.done();
  const items = ctx.acct.phonebooks.filter((p) => (!present(q.title) || p.title.includes(q.title)) && (!present(q.id) || String(p.id) === q.id))
    .map((p) => ({ id: p.id, title: p.title, count: ctx.acct.contacts.filter((c) => c.phonebook_id === p.id).length, export_status: 0, import_status: 0,
      created_at: p.created_at, updated_at: p.updated_at, options: p.options }));
  return paginate(items, paging, "/api/phonebooks/listNew");
}

function contacts(ctx) {
  const q = ctx.query, e = new Errors();
  const paging = pageArgs(e, q, "per_page", 1000);
  e.done();
  const titleOf = (id) => ctx.acct.phonebooks.find((p) => p.id === id)?.title ?? "";
  const items = ctx.acct.contacts.filter((c) => (!present(q.number) || c.number === q.number) && (!present(q.phonebook_id) || String(c.phonebook_id) === q.phonebook_id)
    && (!present(q.phonebook_title) || titleOf(c.phonebook_id).includes(q.phonebook_title))
    && (!present(q.from_created_at) || Date.parse(c.created_at) / 1000 >= Number(q.from_created_at)))
    .map(({ options, ...c }) => ({ ...c, phonebook_title: titleOf(c.phonebook_id) }));
  return paginate(items, paging, "/api/phonebooks/numbers/contact-list");
}

// ---- geo and jobs -----------------------------------------------------------------------------
const BAD_PROVINCE = "گزینه انتخاب شده province id صحیح نمی باشد";
function provinceArg(q) {
  const e = new Errors({ province_id: "province id" });
  const id = int(e, q, "province_id");
  e.done();
  if (!PROVINCES.some((p) => p.id === id)) throw fail(422, "400-2", BAD_PROVINCE, { province_id: [BAD_PROVINCE] });
  return id;
}
function countyArg(q, required) {
  const e = new Errors({ county_id: "county id" });
  const id = int(e, q, "county_id", "county_id", { required });
  e.done();
  if (id !== undefined && !countyById(id)) throw notFound("شهرستان یافت نشد");
  return id;
}
const MAIN = "گزینه انتخابی شناسه دسته بندی اصلی صحیح نمی باشد";
function mainArg(q) {
  const e = new Errors();
  const id = int(e, q, "main_category_id");
  e.done();
  if (!subCategoriesOf(id)) throw fail(422, "400-2", MAIN, { main_category_id: [MAIN] });
  return id;
}
const counts = (seed, op) => ({ status: 200, body: { data: { mci_count: op && op !== 1 ? 0 : 1000 + (seed * 37) % 9000,
  irancell_count: op && op !== 2 ? 0 : 500 + (seed * 53) % 5000, other_count: op && op !== 13 ? 0 : 10 + (seed * 11) % 900 },
  meta: { status: true, message: "count", message_parameters: [], message_code: "200-1" } } });

function bankCounts(ctx) {
  const q = ctx.query;
  const pid = provinceArg(q);
  const cid = countyArg(q, false);
  const e = new Errors();
  for (const k of ["city_id", "birth_year_from", "birth_year_to"]) int(e, q, k, k, { required: false });
  if (present(q.gender_id) && !["1", "2"].includes(String(q.gender_id))) e.invalid("gender_id");
  e.done();
  return counts(pid + (cid ?? 0) + Number(q.gender_id ?? 0));
}
function jobCount(ctx) {
  const q = ctx.query;
  const main = mainArg(q);
  const e = new Errors();
  const sub = int(e, q, "sub_category_id", "sub_category_id", { required: false });
  if (sub !== undefined && !subCategoriesOf(main).some((s) => s.id === sub)) e.invalid("sub_category_id");
  const op = int(e, q, "operator_id", "operator_id", { required: false });
  if (op !== undefined && ![1, 2, 13].includes(op)) e.invalid("operator_id");
  int(e, q, "start", "start", { required: false }); int(e, q, "size", "size", { required: false });
  e.done();
  return counts(main * 100 + (sub ?? 0), op);
}

/** Route template → handler (method and strict spec live in edge.mjs). */
export const HANDLERS = {
  send,
  "send/cancel": cancel,
  "send/calculate-price": calculatePrice,
  "report/new_list": outboxList,
  "report/by_bulk": (ctx) => ok(outboxView(ctx, ownItem(ctx, ctx.query.messages_outbox_id, "messages_outbox_id"), true), { params: false }),
  "report/bulk_stats": bulkStats,
  "report/recipients": (ctx) => {
    const e = new Errors();
    const paging = pageArgs(e, ctx.query);
    e.done();
    return paginate(recipientsOf(ctx, ownItem(ctx, ctx.query.bulk_id, "bulk_id")), paging, "/api/report/recipients");
  },
  "report/messages-inbox": inbox,
  "payment/credit/mine": (ctx) => ok({ credit: ctx.acct.credit, yesterday_credit: ctx.acct.yesterday_credit, gift: 0, gift_expires_at: null,
    updated_at: new Date().toISOString().slice(0, 19).replace("T", " ") }, { params: false }),
  "number/numbers": (ctx) => {
    const e = new Errors();
    const { page, per } = pageArgs(e, ctx.query);
    e.done();
    return ok(ctx.acct.lines.slice((page - 1) * per, page * per), { params: false, message: "Success" });
  },
  patterns,
  "patterns/{code}": (ctx) => {
    const p = ctx.acct.patterns.find((x) => x.code === ctx.params.code);
    if (!p) throw notFound(NO_PATTERN);
    return ok(patternView(p), { params: false });
  },
  "patterns/normal": createPattern,
  "phonebooks/list-new": phonebooks,
  "phonebooks/numbers/contact-list": contacts,
  "send/banks/provinces": () => ok(PROVINCES, { params: false }),
  "send/banks/counties": (ctx) => ok(countiesOf(provinceArg(ctx.query)), { params: false }),
  "send/banks/cities": (ctx) => ok(citiesOf(countyArg(ctx.query, true)), { params: false }),
  "send/banks/counts": bankCounts,
  "send/jobs/categories": () => ok(JOB_CATEGORIES),
  "send/jobs/sub-categories": (ctx) => ok(subCategoriesOf(mainArg(ctx.query))),
  "send/jobs/number-count": jobCount,
};
