// The strict sandbox (the default): every request shaped as the client shapes it is answered; each
// thing a correct client never sends gets the distinctive 400 naming its rule, is logged and listed
// at /__sandbox/violations, and is answered normally by the lenient sandbox (`strict: false`).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSandbox } from "../server.mjs";
import { RULES } from "../strict.mjs";

const PASS = "demo-pass-1234";
const FORM = "application/x-www-form-urlencoded;charset=UTF-8"; // what the client's fetch sends
let strict;
let lenient;
const lines = [];
before(async () => {
  strict = await startSandbox({ port: 0, log: (l) => lines.push(l) });
  lenient = await startSandbox({ port: 0, quiet: true, strict: false });
});
after(async () => { await strict.close(); await lenient.close(); });

/** Every op as the client encodes it (src/core/request.rs): fields in its order, all of them. */
const CORRECT = {
  send: { from: "3000505", to: '["+989121234567","+989351234567"]', message: "سلام", time: "2099-01-01 03:30:00" },
  postalcodesend: { from: "3000505", message: "m", type: "mci", gender: "0", postalcode: "1234567890" },
  postalcodecount: { type: "mtn", gender: "2", postalcode: "1234567890" },
  postalcodearea: {},
  booksend: { from: "3000505", message: "m", bookid: "[12]" },
  booklist: {},
  jobssend: { from: "+983000505", message: "m", jobsid: "1", trendid: "[11]" },
  jobslist: {},
  jobstrenlist: { jobsid: "1" },
  jobscount: { trendid: "[11,12]" },
  checkmessage: { messageid: "10929800" },
  delivery: { uinqid: "10929800" },
  inboxlist: {},
  credit: {},
  newuser: { user_uname: "strict-user", user_pass: "Pw-123456789", name: "n", company: "", national_id: "0012345679",
    certificate_id: "", access_id: "1", tell: "", mobile: "+989121234567", postalcode: "", email: "", address: "" },
  accesslist: {},
};
const form = (op, fields = CORRECT[op]) => new URLSearchParams({ uname: "demo", pass: PASS, op, ...fields }).toString();
const PATTERN = { username: "demo", password: PASS, from: "3000505", to: '["+989121234567"]', input_data: '{"code":"1234"}', pattern_code: "otp-demo" };
const patternQuery = (over = {}) => new URLSearchParams({ ...PATTERN, ...over }).toString();

/** One raw request to a sandbox; its status, strict header and text. */
async function raw(server, { method = "POST", path = "/services.jspd", query = "", body, type = FORM }) {
  const headers = body === undefined || type === null ? {} : { "content-type": type };
  const res = await fetch(`${server.url}${path}${query ? "?" + query : ""}`, { method, headers, body });
  return { status: res.status, rule: res.headers.get("x-sandbox-strict"), text: await res.text() };
}

test("every op, shaped as the client shapes it, is answered; nothing is a violation", async () => {
  for (const op of Object.keys(CORRECT)) {
    const res = await raw(strict, { body: form(op) });
    assert.equal(res.status, 200, `${op}: ${res.text}`);
    assert.equal(res.rule, null, op);
    assert.ok(!res.text.startsWith("sandbox strict"), op);
  }
  const pattern = await raw(strict, { path: "/patterns/pattern", query: patternQuery() });
  assert.match(pattern.text, /^\d+$/);
  assert.deepEqual(strict.violations, []);
});

/** [rule, label, request]: each breaks exactly one rule; the lenient sandbox answers it. */
const CASES = [
  ["method", "GET services.jspd", { method: "GET", query: form("credit"), body: undefined }],
  ["method", "PUT services.jspd", { method: "PUT", body: form("credit") }],
  ["method", "GET pattern", { method: "GET", path: "/patterns/pattern", query: patternQuery() }],
  ["placement", "services.jspd fields in the query", { query: "op=credit", body: new URLSearchParams({ uname: "demo", pass: PASS }).toString() }],
  ["placement", "services.jspd split across query and body", { query: "to=%5B%22%2B989121234567%22%5D", body: form("send", { from: "3000505", message: "m" }) }],
  ["placement", "pattern fields in the body", { path: "/patterns/pattern", body: patternQuery() }],
  ["content-type", "text/plain body", { body: form("credit"), type: "text/plain;charset=UTF-8" }],
  ["content-type", "JSON body", { body: JSON.stringify({ uname: "demo", pass: PASS, op: "credit" }), type: "application/json" }],
  ["content-type", "no content type", { body: form("credit"), type: null }],
  ["content-type", "a charset other than UTF-8", { body: form("credit"), type: "application/x-www-form-urlencoded; charset=ISO-8859-1" }],
  ["duplicate", "to given twice", { body: `${form("send")}&to=%5B%22%2B989121234568%22%5D` }],
  ["op", "no op", { body: new URLSearchParams({ uname: "demo", pass: PASS }).toString() }],
  ["op", "joblist (the reference's spelling)", { body: form("joblist", {}) }],
  ["op", "upper-case op", { body: form("Credit", {}) }],
  ["missing-field", "send without message", { body: form("send", { from: "3000505", to: '["+989121234567"]' }) }],
  ["missing-field", "newuser without its empty optional fields", { body: form("newuser", { user_uname: "x1", user_pass: "p", name: "n", national_id: "0012345679", access_id: "1", mobile: "+989121234567" }) }],
  ["missing-field", "pattern without input_data", { path: "/patterns/pattern", query: new URLSearchParams(Object.entries(PATTERN).filter(([k]) => k !== "input_data")).toString() }],
  ["unknown-field", "credit with a from", { body: form("credit", { from: "3000505" }) }],
  ["unknown-field", "send with a bookid", { body: form("send", { ...CORRECT.send, bookid: "[12]" }) }],
  ["unknown-field", "pattern with a text", { path: "/patterns/pattern", query: patternQuery({ text: "x" }) }],
  ["recipient", "to as 09...", { body: form("send", { ...CORRECT.send, to: '["09121234567"]' }) }],
  ["recipient", "to as 9...", { body: form("send", { ...CORRECT.send, to: '["9121234567"]' }) }],
  ["recipient", "to as 98...", { body: form("send", { ...CORRECT.send, to: '["989121234567"]' }) }],
  ["recipient", "to in Persian digits", { body: form("send", { ...CORRECT.send, to: '["+۹۸۹۱۲۱۲۳۴۵۶۷"]' }) }],
  ["recipient", "to with spaces", { body: form("send", { ...CORRECT.send, to: '["+98 912 123 4567"]' }) }],
  ["recipient", "to not JSON", { body: form("send", { ...CORRECT.send, to: "+989121234567" }) }],
  ["recipient", "to a JSON string, not a list", { body: form("send", { ...CORRECT.send, to: '"+989121234567"' }) }],
  ["recipient", "to as JSON numbers", { body: form("send", { ...CORRECT.send, to: "[989121234567]" }) }],
  ["recipient", "pattern to as 09...", { path: "/patterns/pattern", query: patternQuery({ to: '["09121234567"]' }) }],
  ["recipient", "pattern to with two numbers", { path: "/patterns/pattern", query: patternQuery({ to: '["+989121234567","+989121234568"]' }) }],
  ["recipient", "newuser mobile as 09...", { body: form("newuser", { ...CORRECT.newuser, user_uname: "x2", mobile: "09121234567" }) }],
  ["format", "bookid not a list", { body: form("booksend", { ...CORRECT.booksend, bookid: "12" }) }],
  ["format", "bookid a list of strings", { body: form("booksend", { ...CORRECT.booksend, bookid: '["12"]' }) }],
  ["format", "trendid comma-separated", { body: form("jobscount", { trendid: "11,12" }) }],
  ["format", "jobsid in Persian digits", { body: form("jobstrenlist", { jobsid: "۱" }) }],
  ["format", "uinqid with a space", { body: form("delivery", { uinqid: " 10929800" }) }],
  ["format", "gender as a word", { body: form("postalcodecount", { ...CORRECT.postalcodecount, gender: "all" }) }],
  ["format", "type upper case", { body: form("postalcodecount", { ...CORRECT.postalcodecount, type: "MCI" }) }],
  ["format", "time with slashes", { body: form("send", { ...CORRECT.send, time: "2099/01/01" }) }],
  ["format", "from with a dash", { body: form("send", { ...CORRECT.send, from: "3000-505" }) }],
  ["format", "pattern values not strings", { path: "/patterns/pattern", query: patternQuery({ input_data: '{"code":1234}' }) }],
];

test(`each strict rule: ${CASES.length} requests a correct client never sends`, async () => {
  const before = strict.violations.length;
  const logged = lines.length;
  for (const [rule, label, request] of CASES) {
    const res = await raw(strict, request);
    assert.equal(res.status, 400, `${label}: ${res.text}`);
    assert.equal(res.rule, rule, label);
    assert.match(res.text, new RegExp(`^sandbox strict: ${rule}: `), label);
    assert.ok(!res.text.includes(PASS), `${label}: the answer quotes no value`);
    const relaxed = await raw(lenient, request);
    assert.equal(relaxed.rule, null, `${label}: lenient`);
    assert.notEqual(relaxed.status, 400, `${label}: lenient answers it`);
  }
  const listed = strict.violations.slice(before);
  assert.deepEqual(listed.map((v) => v.rule), CASES.map(([rule]) => rule));
  assert.deepEqual(await (await fetch(`${strict.url}/__sandbox/violations`)).json(), strict.violations);
  const logLines = lines.slice(logged);
  assert.equal(logLines.length, CASES.length);
  for (const [i, [rule]] of CASES.entries()) assert.match(logLines[i], new RegExp(` status=400 .* strict=${rule}: `));
  for (const line of logLines) assert.ok(!line.includes(PASS), line);
  assert.deepEqual([...new Set(CASES.map(([rule]) => rule))].sort(), [...RULES].sort(), "every rule has a case");
  assert.deepEqual(lenient.violations, []);
});

test("a violation wins over a fault, and nothing reaches the ledger", async () => {
  const ledger = async () => (await fetch(`${strict.url}/__sandbox/ledger?uname=demo`)).json();
  const sends = (await ledger()).length;
  const bad = { body: form("send", { ...CORRECT.send, to: '["09121234567"]' }) };
  for (const prefix of ["/__fault/http502", "/__fault/hang", "/__fault/delay-10"]) {
    const res = await raw(strict, { ...bad, path: `${prefix}/services.jspd` });
    assert.equal(res.rule, "recipient", prefix);
  }
  assert.equal((await ledger()).length, sends);
  // Paths that are not the service's keep their own answers: a 404 for a wrong base URL.
  const missing = await raw(strict, { path: "/no-such-prefix/services.jspd", body: "x" });
  assert.equal(missing.status, 404);
  assert.equal(missing.rule, null);
});

test("the CLI is strict unless --lenient", async () => {
  const { spawn } = await import("node:child_process");
  const { fileURLToPath } = await import("node:url");
  const server = fileURLToPath(new URL("../server.mjs", import.meta.url));
  for (const [args, status] of [[[], 400], [["--lenient"], 200]]) {
    const child = spawn(process.execPath, [server, "--port", "0", "--quiet", ...args], { stdio: ["ignore", "pipe", "inherit"] });
    try {
      const url = await new Promise((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (d) => { out += d; const m = out.match(/SANDBOX_URL=(\S+)/); if (m) resolve(m[1]); });
        child.on("exit", (code) => reject(new Error(`sandbox exited: ${code}`)));
      });
      const res = await raw({ url }, { body: form("send", { ...CORRECT.send, to: '["09121234567"]' }) });
      assert.equal(res.status, status, args.join(" ") || "default");
    } finally {
      child.kill();
    }
  }
});
