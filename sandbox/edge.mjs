// The sandbox's fake of ippanel's Edge JSON API (`{sandbox}/edge/v1/api/…`), written from
// EDGE-PROTOCOL.md and the "Values sent" paragraph of API.md independently of the client.
// server.mjs routes every path under /edge/v1/ (after any /__fault/<name> prefix) here and
// shares its fault switches, request log and violations. See sandbox/README.md, "The Edge API".
import { edgeViolation } from "./edge/strict.mjs";
import { HANDLERS, patternView } from "./edge/service.mjs";
import { seedState, ok, unauthorized, stateOf, finalCode } from "./edge/common.mjs";
import { KEYS } from "./edge/seed.mjs";

/** Route template → its one method. */
const METHOD = {
  send: "POST", "send/cancel": "POST", "send/calculate-price": "POST", "report/new_list": "POST", "report/by_bulk": "GET",
  "report/bulk_stats": "GET", "report/recipients": "GET", "report/messages-inbox": "POST", "payment/credit/mine": "GET",
  "number/numbers": "GET", patterns: "GET", "patterns/{code}": "GET", "patterns/normal": "POST", "phonebooks/list-new": "GET",
  "phonebooks/numbers/contact-list": "GET", "send/banks/provinces": "GET", "send/banks/counties": "GET", "send/banks/cities": "GET",
  "send/banks/counts": "GET", "send/jobs/categories": "GET", "send/jobs/sub-categories": "GET", "send/jobs/number-count": "GET",
};
/** What `shape` answers in `data`: a send without ids, an object where a list is expected, a list where an object is. */
const LISTS = new Set(["report/new_list", "report/recipients", "report/messages-inbox", "number/numbers", "patterns", "phonebooks/list-new",
  "phonebooks/numbers/contact-list", "send/banks/provinces", "send/banks/counties", "send/banks/cities", "send/jobs/categories", "send/jobs/sub-categories"]);
const wrongShape = (route) => (route === "send" ? { message_outbox_ids: [] } : LISTS.has(route) ? {} : []);

const HTML = { 404: "Not Found", 405: "Method Not Allowed", 429: "Too Many Requests" };
const page = (code) => ({ status: code, html: `<!DOCTYPE html>\n<html><head><title>${HTML[code]}</title></head><body><h1>${code} ${HTML[code]}</h1></body></html>\n` });

/** The route of a path (after /edge/v1/api/) and method: { route, params } or { status: 404 | 405 }. */
function match(method, path) {
  const m = path.match(/^\/edge\/v1\/api\/(.+)$/);
  if (!m) return { status: 404 };
  let rest;
  try { rest = decodeURIComponent(m[1]); } catch { return { status: 404 }; }
  if (METHOD[rest] && (METHOD[rest] === method || rest !== "patterns/normal")) return METHOD[rest] === method ? { route: rest, params: {} } : { status: 405 };
  const code = rest.match(/^patterns\/([^/]+)$/);
  if (code) return method === "GET" ? { route: "patterns/{code}", params: { code: code[1] } } : { status: 405 };
  return { status: 404 };
}

export function createEdge({ strict = true, deliveryStepMs = 400, duplicateWindowMs = 40_000 } = {}) {
  let state = seedState();
  const opts = { deliveryStepMs, duplicateWindowMs };
  const accountOf = (key) => (typeof key === "string" && KEYS[key] ? state.accounts[KEYS[key]] : null);

  function compute(req, matched, body, url) {
    if (!matched.route) return page(matched.status);
    const acct = accountOf(req.headers.authorization);
    if (!acct) return unauthorized();
    let input = {};
    if (req.method === "POST") { try { const v = JSON.parse(body); if (v && typeof v === "object" && !Array.isArray(v)) input = v; } catch { /* read as empty */ } }
    const query = Object.fromEntries(url.searchParams);
    try {
      return HANDLERS[matched.route]({ acct, input, query, params: matched.params, state, opts });
    } catch (answer) {
      if (answer && typeof answer.status === "number" && answer.body) return answer;
      return { status: 500, body: { message: "Server Error", exception: String(answer?.stack ?? answer) } };
    }
  }
  const serialize = (a) => (a.html !== undefined ? a.html : JSON.stringify(a.body));
  const write = (res, a, text = serialize(a)) => {
    res.writeHead(a.status, { "content-type": a.html !== undefined ? "text/html; charset=UTF-8" : "application/json" });
    res.end(text);
  };

  /** One Edge request. `fault(name, normal)` is the legacy switch; `record(line)` the shared log. */
  async function handle({ req, res, path, url, faultName, t0, fault, record, violations }) {
    const chunks = []; for await (const c of req) chunks.push(c);
    const body = Buffer.concat(chunks).toString("utf8");
    const matched = match(req.method, path);
    const key = req.headers.authorization;
    const who = key === undefined ? "-" : KEYS[key] ?? "unknown"; // never the key itself
    const broken = strict && matched.route
      ? edgeViolation({ method: req.method, route: matched.route, headers: req.headers, query: url.searchParams, body })
      : null;
    res.on("finish", () => record(`EDGE ${req.method} ${path} route=${matched.route ?? "-"} acct=${who} status=${res.statusCode} ${Date.now() - t0}ms`
      + `${faultName ? " fault=" + faultName : ""}${broken ? ` strict=${broken.rule}: ${broken.detail}` : ""}`));
    // Checked before any fault, as for the legacy endpoints.
    if (broken) {
      violations.push({ ...broken, method: req.method, path, op: matched.route, edge: true });
      res.writeHead(400, { "content-type": "text/plain; charset=UTF-8", "x-sandbox-strict": broken.rule });
      return res.end(`sandbox strict: ${broken.rule}: ${broken.detail}`);
    }
    const normal = () => write(res, compute(req, matched, body, url));
    const json = (status, value) => { res.writeHead(status, { "content-type": "application/json" }); res.end(typeof value === "string" ? value : JSON.stringify(value)); };
    switch (faultName ?? "") {
      case "shape": return json(200, ok(wrongShape(matched.route)).body);
      case "truncated": { const a = compute(req, matched, body, url); const t = serialize(a); return write(res, a, t.slice(0, Math.max(1, Math.floor(t.length / 2)))); }
      case "huge": return json(200, `{"data":"${"x".repeat(5 * 1024 * 1024)}","meta":{"status":true,"message":"انجام شد","message_parameters":[],"message_code":"200-1"}}`);
      case "nonutf8": res.writeHead(200, { "content-type": "application/json" });
        return res.end(Buffer.concat([Buffer.from('{"data":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('","meta":{"status":true,"message_code":"200-1"}}')]));
      case "http404html": return write(res, page(404));
      case "http429": return write(res, page(429));
      default: return fault(faultName ?? "", normal);
    }
  }

  /** /__sandbox/edge/…: the test harness's view and levers. Answers true when it took the path. */
  function admin(req, path, url, json) {
    const q = url.searchParams;
    const acct = accountOf(q.get("key"));
    const needAcct = () => json({ error: "unknown key" }, 404);
    switch (path) {
      case "/__sandbox/edge/state": {
        if (!acct) return needAcct();
        const now = Date.now();
        const outbox = [...state.outbox.values()].filter((it) => it.account === acct.name).map((it) => ({
          id: it.id, sending_type: it.sendingType, state_id: stateOf(it, now, deliveryStepMs), from_number: it.from, message: it.text, parts: it.parts, cost: it.cost,
          send_time: it.sendAt ? new Date(it.sendAt).toISOString() : null, created_at: new Date(it.at).toISOString(),
          recipients: it.recipients.map((r) => ({ number: r.number, parts: r.parts, final: finalCode(r.number) })) }));
        return json({ account: acct.name, credit: acct.credit, outbox, patterns: acct.patterns.map((p) => ({ code: p.code, status: p.status })), contacts: acct.contacts.length });
      }
      case "/__sandbox/edge/deliver": {
        const item = state.outbox.get(Number(q.get("id")));
        if (item) { item.forced = true; item.final = null; }
        return json({ ok: !!item }, item ? 200 : 404);
      }
      case "/__sandbox/edge/credit": {
        if (!acct) return needAcct();
        acct.credit = Number(q.get("amount"));
        return json({ ok: true, credit: acct.credit });
      }
      case "/__sandbox/edge/inbox": {
        if (!acct) return needAcct();
        const m = { messages_inbox_id: state.nextInbox++, from: q.get("from") ?? "+989121234567", number: q.get("number") ?? acct.lines[0].number,
          message: q.get("message") ?? "test", type: "normal", time: Math.floor(Date.now() / 1000), seen: "0" };
        acct.inbox.push(m);
        return json(m);
      }
      case "/__sandbox/edge/pattern-status": {
        const p = acct?.patterns.find((x) => x.code === q.get("code"));
        if (!p || !["active", "inactive", "pending"].includes(q.get("status"))) return json({ error: "unknown key, code or status" }, 404);
        p.status = q.get("status");
        return json(patternView(p));
      }
      default: return json({ error: "unknown admin path" }, 404);
    }
  }

  return { handle, admin, reset: () => { state = seedState(); }, get state() { return state; } };
}
