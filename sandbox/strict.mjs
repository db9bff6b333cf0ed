// The strict wire check: the sandbox's default. It refuses anything a correct client never puts on
// the wire (docs/protocol.md, "Requests": one form per endpoint, `+98` numbers in JSON lists,
// ASCII digits), so a client that sends a raw or sloppy request fails its suites here instead of
// passing against a server that forgives it. The real service forgives more (docs/protocol.md lists
// the variants); `startSandbox({ strict: false })` / `--lenient` accepts them all.
//
// A violation's detail names fields, never their values: a value may be the password.

/** Fields every services.jspd call carries, besides the op's own. */
const COMMON = ["uname", "pass", "op"];

/** Per op: the fields a correct client always sends, and those it may leave out. */
const OPS = {
  send: { required: ["from", "to", "message"], optional: ["time"] },
  postalcodesend: { required: ["from", "message", "type", "gender", "postalcode"] },
  postalcodecount: { required: ["type", "gender", "postalcode"] },
  postalcodearea: { required: [] },
  booksend: { required: ["from", "message", "bookid"] },
  booklist: { required: [] },
  jobssend: { required: ["from", "message", "jobsid", "trendid"] },
  jobslist: { required: [] },
  jobstrenlist: { required: ["jobsid"] },
  jobscount: { required: ["trendid"] },
  checkmessage: { required: ["messageid"] },
  delivery: { required: ["uinqid"] },
  inboxlist: { required: [] },
  credit: { required: [] },
  newuser: {
    required: ["user_uname", "user_pass", "name", "company", "national_id", "certificate_id", "access_id",
      "tell", "mobile", "postalcode", "email", "address"],
  },
  accesslist: { required: [] },
};
/** The query string of a pattern send, in full. */
const PATTERN_FIELDS = ["username", "password", "from", "to", "input_data", "pattern_code"];

const MOBILE = /^\+989\d{9}$/;
const json = (text) => { try { return { ok: true, value: JSON.parse(text) }; } catch { return { ok: false }; } };
const jsonList = (text, item) => { const v = json(text); return v.ok && Array.isArray(v.value) && v.value.every(item); };
const mobiles = (text) => jsonList(text, (n) => typeof n === "string" && MOBILE.test(n));
const ids = (text) => jsonList(text, (n) => Number.isSafeInteger(n) && n >= 0);
const stringObject = (text) => {
  const v = json(text);
  return v.ok && v.value !== null && typeof v.value === "object" && !Array.isArray(v.value) && Object.values(v.value).every((x) => typeof x === "string");
};

/** [rule, test, what a correct client sends]; `rule` is "recipient" for numbers, else "format". */
const DIGITS = ["format", (v) => /^\d+$/.test(v), "ASCII digits"];
const VALUES = {
  from: ["format", (v) => /^\+?\d+$/.test(v), "a sender line in ASCII digits"],
  to: ["recipient", mobiles, 'a JSON list of numbers in +98 form, e.g. ["+989121234567"]'],
  time: ["format", (v) => /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/.test(v), "YYYY-MM-DD or YYYY-MM-DD HH:MM:SS"],
  type: ["format", (v) => v === "mci" || v === "mtn", "mci or mtn"],
  gender: ["format", (v) => ["0", "1", "2"].includes(v), "0, 1 or 2"],
  postalcode: DIGITS,
  bookid: ["format", ids, "a JSON list of integer ids, e.g. [12]"],
  trendid: ["format", ids, "a JSON list of integer ids, e.g. [11,12]"],
  jobsid: DIGITS,
  messageid: DIGITS,
  uinqid: DIGITS,
  national_id: DIGITS,
  access_id: DIGITS,
  mobile: ["recipient", (v) => MOBILE.test(v), "a number in +98 form, e.g. +989121234567"],
};
/** Pattern sends: one recipient, and the variables as a JSON object of strings. */
const PATTERN_VALUES = {
  from: VALUES.from,
  to: ["recipient", (v) => mobiles(v) && JSON.parse(v).length === 1, 'a JSON list of exactly one +98 number, e.g. ["+989121234567"]'],
  input_data: ["format", stringObject, 'a JSON object of string values, e.g. {"code":"1234"}'],
};
/** newuser's postal code is optional: the client sends it empty when not given. */
const NEWUSER_VALUES = { ...VALUES, postalcode: ["format", (v) => /^\d*$/.test(v), "ASCII digits or empty"] };

const URLENCODED = /^application\/x-www-form-urlencoded\s*(;\s*charset="?utf-8"?\s*)?$/i;

const violation = (rule, detail) => ({ rule, detail });

/** The pairs of a urlencoded text, duplicates kept. */
const pairs = (text) => [...new URLSearchParams(text)];

function fieldsOf(entries, allowed, required, values) {
  const seen = new Set();
  for (const [name] of entries) {
    if (seen.has(name)) return violation("duplicate", `field ${name} is given more than once`);
    seen.add(name);
  }
  const missing = required.filter((name) => !seen.has(name));
  if (missing.length) return violation("missing-field", `missing ${missing.join(", ")}`);
  const unknown = [...seen].filter((name) => !allowed.includes(name));
  if (unknown.length) return violation("unknown-field", `not a field of this call: ${unknown.join(", ")}`);
  for (const [name, value] of entries) {
    const rule = values[name];
    if (rule && !rule[1](value)) return violation(rule[0], `${name} must be ${rule[2]}`);
  }
  return null;
}

/**
 * The first rule a request breaks, or null. `path` is the endpoint (after any fault prefix),
 * `query` the raw query string without `?`, `body` the raw body text.
 * @returns {{ rule: string, detail: string } | null}
 */
export function strictViolation({ method, path, query, body, contentType }) {
  if (method !== "POST") return violation("method", `${path} takes POST, not ${method}`);
  if (path === "/patterns/pattern") {
    if (body.length > 0) return violation("placement", "a pattern send carries its fields in the query string and has no body");
    return fieldsOf(pairs(query), PATTERN_FIELDS, PATTERN_FIELDS, PATTERN_VALUES);
  }
  if (query.length > 0) return violation("placement", "services.jspd takes its fields in the body, not the query string");
  if (!URLENCODED.test(contentType ?? "")) {
    return violation("content-type", "services.jspd takes an application/x-www-form-urlencoded (UTF-8) body");
  }
  const entries = pairs(body);
  const op = entries.find(([name]) => name === "op")?.[1];
  const spec = OPS[op];
  if (!spec) return violation("op", op === undefined ? "no op field" : "not an op a correct client sends");
  const required = [...COMMON, ...spec.required];
  return fieldsOf(entries, [...required, ...(spec.optional ?? [])], required, op === "newuser" ? NEWUSER_VALUES : VALUES);
}

/** Every rule name, for the sandbox's own tests and its README. */
export const RULES = ["method", "placement", "content-type", "duplicate", "op", "missing-field", "unknown-field", "recipient", "format"];
