// The Edge fake's strict wire check (the default): what a correct client puts on the wire, per
// the "Values sent" paragraph of API.md's "The Edge API". Anything else is answered 400 with
// `x-sandbox-strict: <rule>`. A detail names fields (dotted paths), never their values.

const v = (rule, detail) => ({ rule, detail });

// Field flags: R the service requires it (its absence, or an empty string, is the service's 422,
// not a violation); A the client always sends it (absence is `missing-field`); O optional
// (absent is fine; "" or null is `empty`: a correct client omits it).
const R = (s) => ({ ...s, need: "R" });
const A = (s) => ({ ...s, need: "A" });
const O = (s) => ({ ...s, need: "O" });

const MOBILE = /^\+98\d{10}$/;
const STR = { kind: "string" };
const LINE = { kind: "string", test: (x) => /^\+\S+$/.test(x), rule: "format", want: 'an E.164 line starting with "+"' };
const MOB = { kind: "string", test: (x) => MOBILE.test(x), rule: "recipient", want: '"+98" and 10 ASCII digits' };
const DIGITS = { kind: "string", test: (x) => /^\d+$/.test(x), rule: "format", want: "a string of ASCII digits" };
const TIME = { kind: "string", test: (x) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(x), rule: "format", want: "YYYY-MM-DD HH:MM:SS (UTC)" };
const VOTP = { kind: "string", test: (x) => /^\d{1,14}$/.test(x), rule: "format", want: "1 to 14 ASCII digits" };
const INT = { kind: "int" };
const POS = { kind: "int", min: 1 };
const BOOL = { kind: "bool" };
const oneOf = (...values) => ({ kind: "enum", values });
const obj = (fields) => ({ kind: "object", fields });
const arr = (item) => ({ kind: "array", item });
const map = (value) => ({ kind: "map", value });

const SLICE = obj({ start: R(INT), size: R(INT) });
const OPERATOR = obj({ id: R(oneOf(1, 2, 13)), start: R(INT), size: R(INT) });
const TARGETED = { from_number: R(LINE), message: R(STR) };
const OTHERS = { other_recipients: O(arr(MOB)) };
const PHONEBOOK_ALL = obj({ type: R(STR), phonebook_ids: R(arr(DIGITS)), start: O(DIGITS), size: O(DIGITS) });
const PHONEBOOK_DETAIL = obj({ type: R(STR), phonebook_id: R(DIGITS), number_ids: R(arr(DIGITS)) });

/** Per sending_type, the body's fields besides `sending_type` and `send_time`. */
export const SEND_TYPES = {
  webservice: { from_number: R(LINE), message: R(STR), params: R(obj({ recipients: R(arr(MOB)) })) },
  peer_to_peer: { from_number: R(LINE), params: R(arr(obj({ recipients: R(arr(MOB)), message: R(STR) }))) },
  pattern: { from_number: R(LINE), code: R(STR), recipients: R(arr(MOB)), params: R(map(STR)),
    phonebook: O(obj({ id: R(INT), name: O(STR), pre: O(STR), email: O(STR), options: O(map(STR)) })) },
  votp: { message: R(VOTP), params: R(obj({ recipients: R(arr(MOB)) })), from_number: O(LINE) },
  postal_code: { ...TARGETED, ...OTHERS, params: R(arr(obj({ bank: A(oneOf("all", "white")), postal_code: R(INT), gender: A(oneOf(0, 1, 2)),
    age_from: O(INT), age_to: O(INT), mci: O(SLICE), irancell: O(SLICE), other: O(SLICE) }))) },
  country: { ...TARGETED, ...OTHERS, params: R(arr(obj({ bank: A(oneOf("all", "white")), pre: R(INT), province_id: R(INT), county_id: O(INT),
    city_id: O(INT), gender: A(oneOf(0, 1, 2)), age_from: A(INT), age_to: A(INT), mci: R(SLICE), irancell: R(SLICE), other: R(SLICE) }))) },
  geolocation: { ...TARGETED, ...OTHERS, params: R(arr(obj({ province_id: O(INT), county_id: O(INT), city_id: O(INT), pre: O(DIGITS),
    gender: O(oneOf(1, 2)), from_age: O(INT), to_age: O(INT), operator: O(arr(OPERATOR)) }))) },
  job: { ...TARGETED, ...OTHERS, params: R(arr(obj({ main_category_id: R(INT), sub_category_id: O(INT), operator: O(arr(OPERATOR)) }))) },
  phonebook: { ...TARGETED, params: R(arr({ kind: "union", by: "type", cases: { all: PHONEBOOK_ALL, detail: PHONEBOOK_DETAIL } })) },
  keyword_phonebook: { ...TARGETED, params: R(arr(obj({ phonebook_id: R(INT) }))) },
};

/** JSON bodies of the other POST routes. */
const BODIES = {
  "send/cancel": { message_outbox_id: R(INT) },
  "send/calculate-price": { number: R(LINE), message: R(STR) },
  "report/new_list": { page: O(POS), limit: O(POS), filters: O(obj({ username: O(STR), number: O(STR), messages_outbox_id: O(DIGITS),
    create_from_date: O(DIGITS), create_to_date: O(DIGITS), send_from_date: O(DIGITS), send_to_date: O(DIGITS),
    from_exit_count: O(INT), to_exit_count: O(INT), message: O(STR), state_id: O(DIGITS) })) },
  "report/messages-inbox": { page: O(POS), per_page: O(POS), filters: O(obj({ from_id: O({ kind: "int", min: 0 }) })) },
  "patterns/normal": { title: O(STR), description: R(STR), is_share: A(BOOL), message: R(STR), website: O(STR),
    variable: A(arr(obj({ name: R(STR), type: R(STR) }))) },
};

// Query parameters of the GET routes: D digits, P a positive integer, S any non-empty text.
const Q = (test, want) => ({ test, want });
const QD = Q((x) => /^\d+$/.test(x), "ASCII digits");
const QP = Q((x) => /^[1-9]\d*$/.test(x), "a positive integer");
const QS = Q(() => true, "text");
const QE = (...values) => Q((x) => values.includes(x), values.join(" or "));
const PAGE = { page: O(QP), per_page: O(QP) };
const QUERIES = {
  "report/by_bulk": { messages_outbox_id: R(QD) },
  "report/bulk_stats": { bulk_id: R(QD) },
  "report/recipients": { bulk_id: R(QD), ...PAGE },
  "payment/credit/mine": {},
  "number/numbers": { ...PAGE },
  patterns: { ...PAGE, "filter[code]": O(QS), "filter[title]": O(QS), "filter[is_share]": O(QE("true", "false", "1", "0")),
    "filter[state]": O(QE("active", "inactive")), "filter[type]": O(QE("normal", "systemic")) },
  "patterns/{code}": {},
  "phonebooks/list-new": { ...PAGE, title: O(QS), id: O(QD) },
  "phonebooks/numbers/contact-list": { ...PAGE, from_created_at: O(QD), number: O(Q((x) => MOBILE.test(x), '"+98" and 10 digits')),
    phonebook_title: O(QS), phonebook_id: O(QD) },
  "send/banks/provinces": {},
  "send/banks/counties": { province_id: R(QD) },
  "send/banks/cities": { county_id: R(QD) },
  "send/banks/counts": { province_id: R(QD), county_id: O(QD), city_id: O(QD), birth_year_from: O(QD), birth_year_to: O(QD),
    gender_id: O(QE("1", "2")), number_prefix: O(QD) },
  "send/jobs/categories": {},
  "send/jobs/sub-categories": { main_category_id: R(QD) },
  "send/jobs/number-count": { main_category_id: R(QD), sub_category_id: O(QD), operator_id: O(QE("1", "2", "13")), start: O(QD), size: O(QD) },
};

const typeName = (x) => (x === null ? "null" : Array.isArray(x) ? "array" : typeof x);

/** The first rule `value` (at `path`) breaks under schema `s`, or null. */
function check(s, value, path) {
  switch (s.kind) {
    case "string":
      if (typeof value !== "string") return v("type", `${path} must be a JSON string, not ${typeName(value)}`);
      if (value === "" && s.need === "R") return null; // the service's own 422
      if (s.test && !s.test(value)) return v(s.rule, `${path} must be ${s.want}`);
      return null;
    case "int":
      if (!Number.isSafeInteger(value)) return v("type", `${path} must be a JSON integer, not ${typeName(value)}`);
      if (s.min !== undefined && value < s.min) return v("format", `${path} must be at least ${s.min}`);
      return null;
    case "bool": return typeof value === "boolean" ? null : v("type", `${path} must be a JSON boolean, not ${typeName(value)}`);
    case "enum": return s.values.includes(value) ? null : v(typeof value === typeof s.values[0] ? "format" : "type", `${path} must be one of ${s.values.map((x) => JSON.stringify(x)).join(", ")}`);
    case "array": {
      if (!Array.isArray(value)) return v("type", `${path} must be a JSON array, not ${typeName(value)}`);
      for (const [i, item] of value.entries()) { const b = check(s.item, item, `${path}.${i}`); if (b) return b; }
      return null;
    }
    case "map": {
      if (typeName(value) !== "object") return v("type", `${path} must be a JSON object, not ${typeName(value)}`);
      for (const [k, item] of Object.entries(value)) { const b = check(s.value, item, `${path}.${k}`); if (b) return b; }
      return null;
    }
    case "union": {
      if (typeName(value) !== "object") return v("type", `${path} must be a JSON object, not ${typeName(value)}`);
      const chosen = s.cases[value[s.by]];
      if (!chosen) return v("format", `${path}.${s.by} must be one of ${Object.keys(s.cases).join(", ")}`);
      return check(chosen, value, path);
    }
    case "object": return fields(s.fields, value, path);
    default: throw new Error("bad schema");
  }
}

function fields(spec, value, path) {
  const at = (name) => (path ? `${path}.${name}` : name);
  if (typeName(value) !== "object") return v("type", `${path || "the body"} must be a JSON object, not ${typeName(value)}`);
  const unknown = Object.keys(value).filter((k) => !(k in spec));
  if (unknown.length) return v("unknown-field", `not a field of this call: ${unknown.map(at).join(", ")}`);
  const missing = Object.keys(spec).filter((k) => spec[k].need === "A" && !(k in value));
  if (missing.length) return v("missing-field", `a correct client always sends ${missing.map(at).join(", ")}`);
  for (const [name, s] of Object.entries(spec)) {
    if (!(name in value)) continue;
    const x = value[name];
    if (x === null) return v("empty", `${at(name)} is null: a correct client omits it`);
    if (x === "" && s.need === "O") return v("empty", `${at(name)} is empty: a correct client omits it`);
    const b = check(s, x, at(name));
    if (b) return b;
  }
  return null;
}

/**
 * The first rule an Edge request breaks, or null. `route` is the matched route template
 * ("send", "patterns/{code}", …), `query` the URLSearchParams, `body` the raw text.
 */
export function edgeViolation({ method, route, headers, query, body }) {
  const accept = String(headers.accept ?? "").split(",").map((x) => x.split(";")[0].trim().toLowerCase());
  if (!accept.includes("application/json")) return v("accept", "every request carries Accept: application/json");
  const type = headers["content-type"];
  if (method === "GET") {
    if (body.length > 0) return v("placement", "a GET carries no body: its parameters go in the query string");
    if (type !== undefined) return v("content-type", "a GET has no body, so no Content-Type");
    const spec = QUERIES[route];
    const seen = new Set();
    for (const [name, value] of query) {
      if (seen.has(name)) return v("duplicate", `query parameter ${name} is given more than once`);
      seen.add(name);
      const s = spec[name];
      if (!s) return v("unknown-field", `not a query parameter of this call: ${name}`);
      if (value === "") { if (s.need === "O") return v("empty", `query parameter ${name} is empty: a correct client omits it`); continue; }
      if (!s.test(value)) return v("format", `query parameter ${name} must be ${s.want}`);
    }
    return null;
  }
  if ([...query].length > 0) return v("placement", "a POST carries its fields in the JSON body, not the query string");
  if (!/^application\/json\s*(;\s*charset="?utf-8"?\s*)?$/i.test(type ?? "")) return v("content-type", "a POST carries Content-Type: application/json");
  let json;
  try { json = JSON.parse(body); } catch { return v("json", "the body is not JSON"); }
  if (typeName(json) !== "object") return v("json", "the body is not a JSON object");
  if (route !== "send") return fields(BODIES[route], json, "");
  const st = json.sending_type;
  if (st === undefined || st === "") return null; // the service's 422
  if (typeof st !== "string") return v("type", `sending_type must be a JSON string, not ${typeName(st)}`);
  if (!SEND_TYPES[st]) return v("format", `sending_type must be one of ${Object.keys(SEND_TYPES).join(", ")}`);
  return fields({ sending_type: R(STR), send_time: O(TIME), ...SEND_TYPES[st] }, json, "");
}

/** Every rule name, for the tests and the README. */
export const EDGE_RULES = ["accept", "placement", "content-type", "json", "duplicate", "unknown-field", "missing-field", "empty", "type", "format", "recipient"];
