// The password never leaks: not through any error (message, fields, String, JSON, stack,
// util.inspect) of any op under any fault, not through the client object, not through the
// sandbox's log. And calls go over https unless the caller passes an http:// base URL.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { inspect } from "node:util";
import { fileURLToPath } from "node:url";
import { Client, normalizeMobile } from "../../pkg/node.mjs";
import { DEMO, LINE, OPS, sandboxWithBulk, switchableFetch, rejection, closeChecked } from "./ops.mjs";

// Characters that the form encoding, the query string and JSON each write differently.
const SECRET = "pw-Säkr3t&x=1 +%/\"'<>";
/** Every spelling of the secret that could end up in a text. */
const SPELLINGS = [
  SECRET,
  encodeURIComponent(SECRET),
  new URLSearchParams({ p: SECRET }).toString().slice(2),
  JSON.stringify(SECRET).slice(1, -1),
  "Säkr3t", // the distinctive core, whatever surrounds it
];

/**
 * The texts this file searches, as the README states them, and of those the carriers: texts made
 * from material that held the password (an echoed answer, a thrown error's message, the bad input
 * value itself, the client object), where only the client's redaction stands between the password
 * and the text. The rest are made from sandbox answers and logs, which never hold it. A case that
 * disappears fails the last test below.
 */
const TEXTS = 1729;
const CARRIERS = 340;

let ctx;
let checked = 0;
let carriers = 0;
before(async () => { ctx = await sandboxWithBulk(); });
after(async () => {
  console.log(`# texts checked for the password: ${checked}, of which could carry it: ${carriers}`);
  await closeChecked(ctx.sandbox);
});

/** `carrier`: the text was made from material that held the password (see CARRIERS). */
function assertNoSecret(label, carrier, ...texts) {
  for (const text of texts) {
    for (const spelling of SPELLINGS) {
      assert.ok(!String(text).includes(spelling), `${label}: the password (${spelling}) in ${text}`);
    }
    checked += 1;
    if (carrier) carriers += 1;
  }
}

const holdsSecret = (text) => SPELLINGS.some((spelling) => text.includes(spelling));

/** Every way an error can be printed, logged or serialized. */
function assertErrorClean(label, err, carrier = false) {
  assertNoSecret(
    label,
    carrier,
    String(err),
    err.message,
    err.messageFa,
    err.body ?? "",
    String(err.code),
    JSON.stringify(err),
    err.stack,
    inspect(err, { depth: Infinity, showHidden: true }),
    JSON.stringify(Object.getOwnPropertyNames(err).map((k) => [k, err[k]])),
  );
}

test("no error of any op, under any fault or a wrong password, carries the password", async () => {
  const faults = [null, "hang", "reset", "http500", "html200", "truncated", "shape", "huge", "nonutf8"];
  for (const op of OPS) {
    const sw = switchableFetch();
    const client = new Client({ username: DEMO.username, password: SECRET, baseUrl: ctx.sandbox.url, timeoutMs: 300, retries: 0, fetch: sw.fetch });
    for (const fault of faults) {
      sw.fault = fault;
      const err = await rejection(op[3](client, ctx));
      if (fault === null) assert.equal(err.kind, "auth", `${op[0]}: wrong password`);
      // The sandbox's answer never holds the password: these texts are the control group.
      assert.ok(!holdsSecret(err.body ?? ""), `${op[0]} ${fault}: the sandbox echoed the password`);
      assertErrorClean(`${op[0]} ${fault ?? "wrong password"}`, err);
    }
  }
});

test("a gateway that echoes the request back, and a network error naming the URL, are redacted", async () => {
  for (const op of OPS) {
    // The form body (services.jspd) or the query string (patterns) holds the password.
    const made = [];
    const echo = async (url, init) => {
      const text = `<html>bad gateway for ${url} with ${init.body ?? ""}</html>`;
      made.push(text);
      return new Response(text, { status: 502 });
    };
    const thrower = async (url, init) => {
      const text = `connect failed: ${url} body=${init.body ?? ""}`;
      made.push(text);
      throw new TypeError(text);
    };
    for (const [name, fetchFn] of [["echo", echo], ["throw", thrower]]) {
      const client = new Client({ username: "u", password: SECRET, baseUrl: ctx.sandbox.url, retries: 0, fetch: fetchFn });
      const err = await rejection(op[3](client, ctx));
      assert.equal(err.kind, name === "echo" ? "http" : "network", `${op[0]} ${name}`);
      assert.ok(holdsSecret(made.at(-1)), `${op[0]} ${name}: what the client was handed holds the password`);
      assertErrorClean(`${op[0]} ${name}`, err, true);
      // The redaction leaves a visible mark instead of the password.
      assert.match(name === "echo" ? err.body : err.message, /\*\*\*/, `${op[0]} ${name}`);
    }
  }
});

test("input errors name the field, never the password", async () => {
  const client = new Client({ username: "u", password: SECRET, baseUrl: ctx.sandbox.url });
  // [error, field it names, whether the bad value was the password itself]
  const errors = [
    [await rejection(client.send({ from: LINE, to: SECRET, message: "x" })), "to", true],
    [await rejection(client.send({ from: LINE, to: ["09121111111"], message: "" })), "message", false],
    [await rejection(client.newUser({ username: "x", password: SECRET, name: "n", nationalId: SECRET, accessId: 1, mobile: "0912" })), "nationalId", true],
  ];
  for (const [err, field, carrier] of errors) {
    assert.equal(err.kind, "input");
    assert.ok(err.message.startsWith(`${field}:`), `${field}: ${err.message}`);
    assertErrorClean(`input ${field}`, err, carrier);
  }
  let thrown;
  assert.throws(() => normalizeMobile(SECRET), (err) => { thrown = err; return err.kind === "input"; });
  assertErrorClean("normalizeMobile", thrown, true);
});

test("the client object shows no password however it is printed", () => {
  const client = new Client({ username: "u", password: SECRET, baseUrl: ctx.sandbox.url });
  const views = [
    String(client),
    JSON.stringify(client),
    inspect(client, { depth: Infinity, showHidden: true }),
    JSON.stringify(Object.entries(client)),
    JSON.stringify(client.toJSON?.()),
  ];
  assertNoSecret("client", true, ...views);
  // What it does show: enough to tell clients apart in a log.
  assert.match(JSON.stringify(client), /"username":"u"/);
  assert.match(JSON.stringify(client), new RegExp(`"baseUrl":"${ctx.sandbox.url}"`));
});

test("console.log of a client and of an error print no password", async () => {
  const client = new Client({ username: "u", password: SECRET, baseUrl: `${ctx.sandbox.url}/__fault/http500`, retries: 0 });
  const err = await rejection(client.credit());
  const printed = [];
  const original = console.log;
  console.log = (...args) => printed.push(args.map((a) => (typeof a === "string" ? a : inspect(a))).join(" "));
  try {
    console.log(client);
    console.log("failed:", err);
    console.log({ client, err });
  } finally {
    console.log = original;
  }
  assert.equal(printed.length, 3);
  // The client is in the first and the last line; the error alone (an HTML 500) in the second.
  assertNoSecret("console.log", true, printed[0], printed[2]);
  assertNoSecret("console.log", false, printed[1]);
});

test("the sandbox's log never shows the password, on either endpoint", async () => {
  const server = fileURLToPath(new URL("../../sandbox/server.mjs", import.meta.url));
  const child = spawn(process.execPath, [server, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  try {
    const url = await new Promise((resolve, reject) => {
      child.stdout.on("data", () => { const m = out.match(/SANDBOX_URL=(\S+)/); if (m) resolve(m[1]); });
      child.on("exit", (code) => reject(new Error(`sandbox exited: ${code}\n${out}`)));
    });
    // The new user's password is the secret, so the pattern send (password in the query
    // string) and the services.jspd calls (in the body) both authenticate and get logged.
    const admin = new Client({ ...DEMO, baseUrl: url });
    await admin.newUser({ username: "secret-holder", password: SECRET, name: "S", nationalId: "0012345678", accessId: 1, mobile: "09121234567" });
    const user = new Client({ username: "secret-holder", password: SECRET, baseUrl: url, retries: 0 });
    assert.equal(await user.credit(), 0);
    await rejection(user.sendPattern({ from: LINE, to: "09121111111", patternCode: "otp-demo", values: { code: "1" } }));
    await rejection(user.send({ from: LINE, to: ["09121111111"], message: "x" }));
    await rejection(new Client({ username: "secret-holder", password: SECRET, baseUrl: `${url}/__fault/http500`, retries: 0 }).credit());
    const requests = await (await fetch(`${url}/__sandbox/requests`)).json();
    await new Promise((resolve) => setTimeout(resolve, 100)); // let the last log lines arrive
    assert.ok(out.includes("op=credit uname=secret-holder"), `the log shows the calls:\n${out}`);
    assert.ok(out.includes("/patterns/pattern"), out);
    assertNoSecret("sandbox stdout", false, out);
    assertNoSecret("sandbox /__sandbox/requests", false, JSON.stringify(requests));
  } finally {
    child.kill();
  }
});

test("https by default; plain http only when the caller passes an http:// base URL", async () => {
  const calls = [];
  const recording = async (url) => { calls.push(String(url)); return new Response('[0,"100.00"]'); };
  const patternAnswer = async (url) => { calls.push(String(url)); return new Response("12345"); };
  await new Client({ username: "u", password: "p", fetch: recording }).credit();
  await new Client({ username: "u", password: "p", fetch: patternAnswer }).sendPattern({ from: LINE, to: "09121111111", patternCode: "c", values: { a: 1 } });
  await new Client({ username: "u", password: "p", baseUrl: "http://127.0.0.1:9", fetch: recording }).credit();
  assert.equal(calls[0], "https://ippanel.com/services.jspd");
  assert.match(calls[1], /^https:\/\/ippanel\.com\/patterns\/pattern\?/);
  assert.equal(calls[2], "http://127.0.0.1:9/services.jspd");
  for (const baseUrl of ["ippanel.com", "ftp://ippanel.com", "//ippanel.com", "https://", "javascript:alert(1)"]) {
    assert.throws(() => new Client({ username: "u", password: "p", baseUrl }), (err) => err.kind === "input" && /baseUrl/.test(err.message), baseUrl);
  }
});

test(`all ${TEXTS} texts were searched, ${CARRIERS} of them made from material that held the password`, () => {
  assert.equal(OPS.length, 17);
  assert.equal(carriers, CARRIERS);
  assert.equal(checked, TEXTS);
});
