// A stateful fake of the ippanel web service (services.jspd and patterns/pattern), written from
// docs/protocol.md independently of the client. No dependencies. See sandbox/README.md.
import http from "node:http";
import { pathToFileURL } from "node:url";
import { strictViolation } from "./strict.mjs";
import { createEdge } from "./edge.mjs";
import { countParts } from "./parts.mjs";

// The part counter is the sandbox's one rule for pricing both APIs (sandbox/parts.mjs).
export { countParts };

const PRICE_PER_PART = 150; // rials
const MAX_RECIPIENTS = 1000;
const FINAL_RULE = (n) => (n.endsWith("99") ? "discarded" : n.endsWith("0") ? "failed" : "delivered");
const ERR = {
  1: "متن پیام خالی می باشد", 3: "خط به شما تعلق ندارد", 4: "گیرندگان خالی است", 5: "اعتبار کافی نیست",
  98: "حداکثر تعداد گیرنده رعایت نشده است", 303: "نام کاربری وارد نگردیده است", 304: "نام کاربری قبلا انتخاب گردیده است",
  306: "کد ملی وارد نگردیده است", 314: "شماره موبایل را وارد نکرده اید", 315: "شماره موبایل به نادرستی وارد گردیده است",
  316: "سطح دسترسی به نادرستی وارد گردیده است", 317: "کلمه عبور وارد نگردیده است", 456: "کد بالک ارسالی نامعتبر است",
  962: "نام کاربری یا کلمه عبور نادرست می باشد", 970: "پارامتر های ارسالی برای پترن نامعتبر است", 971: "پترن ارسالی نامعتبر است",
  972: "دریافت کننده برای ارسال پترن نامعتبر می باشد", 993: "دفترچه تلفن باید یک آرایه باشد", 996: "پترن فعال نیست",
  1006: "تاریخ ارسال پیام برای گذشته می باشد",
};

// PHP's json_encode escapes non-ASCII as \uXXXX; so does the real service.
const phpJson = (v) => JSON.stringify(v).replace(/[\u007f-\uffff]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));


const DIGITS = { "۰": 0, "۱": 1, "۲": 2, "۳": 3, "۴": 4, "۵": 5, "۶": 6, "۷": 7, "۸": 8, "۹": 9 };
function mobile(raw) {
  const s = String(raw).replace(/[۰-۹]/g, (d) => DIGITS[d]).replace(/[\s\-()]/g, "");
  const m = s.match(/^(?:\+98|0098|98|0)?(9\d{9})$/);
  return m ? "+98" + m[1] : null;
}
function jsonList(raw) {
  if (raw === undefined || raw === "") return [];
  try { const v = JSON.parse(raw); return Array.isArray(v) ? v : [v]; } catch { return [raw]; }
}
function tehranNow() {
  return new Date(Date.now() + 3.5 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
}

function seed() {
  const account = (password, credit, lines) => ({ password, credit, lines, sends: [], inbox: [],
    books: [{ id: 12, title: "customers", contacts: ["+989121110001", "+989121110002"] }, { id: 13, title: "مشتریان ویژه", contacts: ["+989351110003"] }] });
  const demo = account("demo-pass-1234", 1_000_000, ["3000505", "50004001"]);
  demo.inbox = [
    { message: "سلام، پیام شما رسید", from: "+989121234567", to: "+983000505", time: "2026-11-20 10:00:00" },
    { message: "STOP", from: "+989351234567", to: "+983000505", time: "2026-11-21 18:30:12" },
  ];
  return {
    nextBulk: 10929800,
    accounts: { demo, empty: account("empty-pass-1234", 0, ["3000505"]) },
    bulks: new Map(),
    patterns: { "otp-demo": { text: "کد تایید شما: %code%", active: true }, welcome: { text: "%name% عزیز، خوش آمدید", active: true }, "old-promo": { text: "تخفیف", active: false } },
    jobs: [{ id: 1, title: "پزشکان", trends: [{ id: 11, title: "دندانپزشک", count: 1520 }, { id: 12, title: "داروساز", count: 430 }] }, { id: 2, title: "وکلا", trends: [{ id: 21, title: "وکیل پایه یک", count: 980 }] }],
    areas: [{ code: "11", name: "تهران" }, { code: "81", name: "اصفهان" }, { code: "71", name: "شیراز" }],
    access: [{ id: 1, title: "Bronze", price: 500000, discount: 0 }, { id: 2, title: "Gold", price: 2000000, discount: 10 }],
    requests: [],
    faultCounters: new Map(),
  };
}

export async function startSandbox({ port = 8787, host = "127.0.0.1", quiet = false, deliveryStepMs = 400, log, strict = true, edgeDuplicateWindowMs = 40_000 } = {}) {
  let state = seed();
  const edge = createEdge({ strict, deliveryStepMs, duplicateWindowMs: edgeDuplicateWindowMs });
  // Outside `state`: a reset between tests must not hide a violation from the suite's end.
  const violations = [];
  const say = log ?? ((line) => { if (!quiet) console.log(line); });

  const deliveryOf = (bulk) => {
    const steps = Math.floor((Date.now() - bulk.at) / deliveryStepMs);
    return bulk.recipients.map((n) => `${n}:${bulk.forced || steps >= 3 ? FINAL_RULE(n) : ["notsync", "send", "pending"][steps]}`);
  };
  const send = (acct, uname, op, from, recipients, message, time) => {
    if (!message || !String(message).trim()) return [1, ERR[1]];
    if (recipients.length === 0) return [4, ERR[4]];
    if (recipients.length > MAX_RECIPIENTS) return [98, ERR[98]];
    const line = String(from ?? "").replace(/^\+98|^98/, "");
    if (!acct.lines.includes(line)) return [3, ERR[3]];
    if (time !== undefined && time !== "") {
      if (!/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/.test(time)) return [1006, ERR[1006]];
      if (time.length === 10 ? time < tehranNow().slice(0, 10) : time < tehranNow()) return [1006, ERR[1006]];
    }
    const parts = countParts(String(message));
    const cost = parts * PRICE_PER_PART * recipients.length;
    if (acct.credit < cost) return [5, ERR[5]];
    acct.credit -= cost;
    const bulkId = String(state.nextBulk++);
    const entry = { bulkId, op, from, recipients, message, parts, cost, time: time || null, at: Date.now() };
    acct.sends.push(entry);
    state.bulks.set(bulkId, { ...entry, uname, forced: false });
    return [0, bulkId];
  };
  const list = (items) => [0, phpJson(items)];

  function op(f, acct, uname) {
    const recipients = () => jsonList(f.to).map(mobile);
    switch (f.op) {
      case "credit": return [0, acct.credit.toFixed(2)];
      case "send": {
        const to = recipients();
        if (to.includes(null)) return [4, ERR[4]];
        return send(acct, uname, "send", f.from, to, f.message, f.time);
      }
      case "postalcodesend": case "postalcodecount": {
        if (!/^\d{10}$/.test(f.postalcode ?? "") || !["mci", "mtn"].includes(f.type) || !["0", "1", "2"].includes(f.gender ?? "0")) return [1, "ورودی نامعتبر"];
        const count = (Number(f.postalcode.slice(0, 4)) % 500) + 20 + Number(f.gender ?? 0) * 3;
        if (f.op === "postalcodecount") return [0, String(count)];
        const fake = Array.from({ length: Math.min(count, 5) }, (_, i) => `+98912${f.postalcode.slice(0, 4)}${String(i).padStart(3, "0")}`);
        return send(acct, uname, "postalcodesend", f.from, fake, f.message);
      }
      case "postalcodearea": return list(state.areas);
      case "booklist": return list(acct.books.map(({ id, title }) => ({ id, title })));
      case "booksend": {
        let ids; try { ids = JSON.parse(f.bookid); } catch { return [993, ERR[993]]; }
        if (!Array.isArray(ids)) return [993, ERR[993]];
        const books = ids.map((id) => acct.books.find((b) => String(b.id) === String(id)));
        if (books.includes(undefined)) return [993, ERR[993]];
        return send(acct, uname, "booksend", f.from, books.flatMap((b) => b.contacts), f.message);
      }
      case "jobslist": case "joblist": return list(state.jobs.map(({ id, title }) => ({ id, title })));
      case "jobstrenlist": {
        const job = state.jobs.find((j) => String(j.id) === f.jobsid);
        return job ? list(job.trends.map(({ id, title }) => ({ id, title }))) : [1, "شغل نامعتبر"];
      }
      case "jobscount": case "jobssend": {
        const ids = jsonList(f.trendid).map(String);
        const trends = state.jobs.flatMap((j) => j.trends).filter((t) => ids.includes(String(t.id)));
        if (trends.length === 0) return [4, ERR[4]];
        const count = trends.reduce((s, t) => s + t.count, 0);
        if (f.op === "jobscount") return [0, String(count)];
        const fake = trends.map((t) => `+98912000${String(t.id).padStart(4, "0")}`);
        return send(acct, uname, "jobssend", f.from, fake, f.message);
      }
      case "checkmessage": {
        const bulk = state.bulks.get(f.messageid);
        if (!bulk || bulk.uname !== uname) return [456, ERR[456]];
        const done = deliveryOf(bulk).every((d) => !/:(notsync|send|pending)$/.test(d));
        return { statusMessage: done ? "Finish" : "Active", validMessage: "approve" };
      }
      case "delivery": {
        const bulk = state.bulks.get(f.uinqid);
        return bulk && bulk.uname === uname ? list(deliveryOf(bulk)) : null;
      }
      case "inboxlist": return list(acct.inbox);
      case "accesslist": return list(state.access);
      case "newuser": {
        if (!f.user_uname) return [303, ERR[303]];
        if (!f.user_pass) return [317, ERR[317]];
        if (!f.national_id) return [306, ERR[306]];
        if (!f.mobile) return [314, ERR[314]];
        if (!mobile(f.mobile)) return [315, ERR[315]];
        if (!state.access.some((a) => String(a.id) === f.access_id)) return [316, ERR[316]];
        if (state.accounts[f.user_uname]) return [304, ERR[304]];
        state.accounts[f.user_uname] = { password: f.user_pass, credit: 0, lines: [], sends: [], inbox: [], books: [] };
        return [0, String(1000 + Object.keys(state.accounts).length)];
      }
      default: return [1, "op نامعتبر"];
    }
  }

  function pattern(q) {
    const acct = state.accounts[q.username];
    if (!acct || acct.password !== q.password) return "the username or password is incorrect";
    const p = state.patterns[q.pattern_code];
    if (!p) return phpJson([971, ERR[971]]);
    if (!p.active) return phpJson([996, ERR[996]]);
    const to = jsonList(q.to).map(mobile);
    if (to.length === 0 || to[0] === null) return phpJson([972, ERR[972]]);
    let values; try { values = JSON.parse(q.input_data ?? "{}"); } catch { return phpJson([970, ERR[970]]); }
    const vars = [...p.text.matchAll(/%(\w+)%/g)].map((m) => m[1]);
    if (vars.some((v) => typeof values?.[v] !== "string" || values[v] === "")) return phpJson([970, ERR[970]]);
    const text = p.text.replace(/%(\w+)%/g, (_, v) => values[v]);
    const [code, data] = send(acct, q.username, "pattern", q.from, [to[0]], text);
    return code === 0 ? data : phpJson([code, data]);
  }

  /** The raw body, and the fields of query and body merged (lenient) as the service reads them. */
  async function readRequest(req, url) {
    const fields = Object.fromEntries(url.searchParams);
    const chunks = []; for await (const c of req) chunks.push(c);
    const body = Buffer.concat(chunks).toString("utf8");
    const type = req.headers["content-type"] ?? "";
    const boundary = type.match(/boundary=(?:"([^"]+)"|([^;]+))/);
    if (boundary) {
      for (const part of body.split("--" + (boundary[1] ?? boundary[2]))) {
        const m = part.match(/name="([^"]+)"\r\n\r\n([\s\S]*)\r\n$/);
        if (m) fields[m[1]] = m[2];
      }
    } else if (body) Object.assign(fields, Object.fromEntries(new URLSearchParams(body)));
    return { fields, body, contentType: req.headers["content-type"] };
  }

  function fault(name, res, req, normal) {
    const html = (code) => { res.writeHead(code, { "content-type": "text/html" }); res.end(`<html><body><h1>${code} Error</h1></body></html>`); };
    if (name === "hang") return; // answered never; close() destroys the socket
    if (name === "reset") return req.socket.destroy();
    if (name === "http500") return html(500);
    if (name === "http502") return html(502);
    if (name === "html200") return html(200);
    if (name === "truncated") return res.end('[0,"[{\\"id\\":12,\\"tit');
    if (name === "shape") return res.end('{"foo":1}');
    if (name === "huge") return res.end("[0,\"" + "x".repeat(5 * 1024 * 1024) + "\"]");
    if (name === "nonutf8") return res.end(Buffer.from([0x5b, 0x30, 0x2c, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x5d]));
    const delay = name.match(/^delay-(\d+)$/);
    if (delay) return setTimeout(normal, Number(delay[1]));
    const flaky = name.match(/^flaky-(\d+)$/);
    if (flaky) {
      const seen = (state.faultCounters.get(name) ?? 0) + 1;
      state.faultCounters.set(name, seen);
      return seen <= Number(flaky[1]) ? html(502) : normal();
    }
    return normal();
  }

  const server = http.createServer(async (req, res) => {
    const t0 = Date.now();
    res.setHeader("access-control-allow-origin", "*");
    res.setHeader("access-control-allow-headers", "content-type, x-sandbox-fault, authorization");
    res.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
    if (req.method === "OPTIONS") { res.writeHead(204); return res.end(); }
    const url = new URL(req.url, "http://sandbox");
    let path = url.pathname;
    let faultName = req.headers["x-sandbox-fault"];
    const prefix = path.match(/^\/__fault\/([^/]+)(\/.*)$/);
    if (prefix) { faultName = prefix[1]; path = prefix[2]; }
    const json = (v, code = 200) => { res.writeHead(code, { "content-type": "application/json" }); res.end(JSON.stringify(v)); };

    if (path.startsWith("/__sandbox/edge/")) return edge.admin(req, path, url, json);
    if (path.startsWith("/__sandbox/")) {
      const uname = url.searchParams.get("uname") ?? "demo";
      const acct = state.accounts[uname];
      switch (path) {
        case "/__sandbox/reset": state = seed(); edge.reset(); return json({ ok: true });
        case "/__sandbox/ledger": return json(acct ? acct.sends.map(({ at, ...e }) => ({ ...e, at: new Date(at).toISOString() })) : []);
        case "/__sandbox/requests": return json(state.requests);
        case "/__sandbox/violations": return json(violations);
        case "/__sandbox/state": return json(acct ? { credit: acct.credit, sends: acct.sends.length, lines: acct.lines } : null, acct ? 200 : 404);
        case "/__sandbox/deliver": { const b = state.bulks.get(url.searchParams.get("bulkId")); if (b) b.forced = true; return json({ ok: !!b }, b ? 200 : 404); }
        case "/__sandbox/credit": { if (acct) acct.credit = Number(url.searchParams.get("amount")); return json({ ok: !!acct }); }
        default: return json({ error: "unknown admin path" }, 404);
      }
    }

    if (path.startsWith("/edge/v1/")) {
      return edge.handle({ req, res, path, url, faultName, t0, violations, fault: (name, normal) => fault(name, res, req, normal),
        record: (line) => { state.requests.push(line); say(line); } });
    }
    const { fields, body: rawBody, contentType } = await readRequest(req, url);
    const isEndpoint = path === "/services.jspd" || path === "/patterns/pattern";
    // Checked before any fault: a malformed request is the client's bug whatever the network does.
    const broken = strict && isEndpoint
      ? strictViolation({ method: req.method, path, query: url.search.slice(1), body: rawBody, contentType })
      : null;
    const normal = () => {
      let body;
      if (path === "/services.jspd") {
        const acct = state.accounts[fields.uname];
        const out = !acct || acct.password !== fields.pass ? [962, ERR[962]] : op(fields, acct, fields.uname);
        body = phpJson(out);
      } else if (path === "/patterns/pattern") {
        body = pattern(fields);
      } else { res.writeHead(404, { "content-type": "text/html" }); return res.end("<html>Not Found</html>"); }
      res.writeHead(200, { "content-type": "text/html; charset=UTF-8" });
      res.end(body);
    };
    // Never the query string (pattern sends carry the password there), never a field value but op/uname.
    res.on("finish", () => {
      const line = `${req.method} ${path} op=${fields.op ?? (path === "/patterns/pattern" ? "pattern" : "-")} uname=${fields.uname ?? fields.username ?? "-"} status=${res.statusCode} ${Date.now() - t0}ms${faultName ? " fault=" + faultName : ""}${broken ? ` strict=${broken.rule}: ${broken.detail}` : ""}`;
      state.requests.push(line); say(line);
    });
    if (broken) {
      violations.push({ ...broken, method: req.method, path, op: fields.op ?? null });
      res.writeHead(400, { "content-type": "text/plain; charset=UTF-8", "x-sandbox-strict": broken.rule });
      return res.end(`sandbox strict: ${broken.rule}: ${broken.detail}`);
    }
    fault(faultName ?? "", res, req, normal);
  });
  const sockets = new Set();
  server.on("connection", (s) => { sockets.add(s); s.on("close", () => sockets.delete(s)); });
  // A deep accept queue: the load test opens 2,000 connections at once.
  await new Promise((resolve) => server.listen({ port, host, backlog: 4096 }, resolve));
  const actual = server.address().port;
  return {
    url: `http://${host}:${actual}`, port: actual, strict, get state() { return state; }, violations,
    close: () => new Promise((resolve) => { for (const s of sockets) s.destroy(); server.close(() => resolve()); }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
  const sb = await startSandbox({
    port: Number(arg("--port", 8787)), quiet: process.argv.includes("--quiet"),
    deliveryStepMs: Number(arg("--delivery-step-ms", 400)), strict: !process.argv.includes("--lenient"),
    edgeDuplicateWindowMs: Number(arg("--edge-duplicate-window-ms", 40000)),
  });
  console.log(`SANDBOX_URL=${sb.url}`);
  const stop = () => sb.close().then(() => process.exit(0));
  process.on("SIGINT", stop); process.on("SIGTERM", stop);
}
