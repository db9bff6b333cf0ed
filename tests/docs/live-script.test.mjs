// scripts/live.mjs (make live) against the sandbox standing in for the real service: it refuses
// to run without credentials, makes only read-only calls unless a recipient is named, sends
// exactly one SMS when one is, fails when a step fails, and never prints the password.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { REPO } from "./markdown.mjs";
import { startSandbox } from "../../sandbox/server.mjs";

const PASSWORD = "demo-pass-1234";
let sandbox;

before(async () => {
  sandbox = await startSandbox({ port: 0, quiet: true, deliveryStepMs: 20 });
});
after(() => sandbox?.close());

/**
 * Runs the script with only the IPPANEL_* variables given (none inherited). Asynchronously: the
 * sandbox answers from this process's event loop.
 */
async function live(vars) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("IPPANEL_")));
  const child = spawn(process.execPath, [join(REPO, "scripts/live.mjs")], { env: { ...env, ...vars }, stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
  const status = await new Promise((resolve, reject) => child.on("error", reject).on("close", resolve));
  const output = stdout + stderr;
  assert.ok(!output.includes(PASSWORD), "the password was printed");
  return { status, stdout, stderr, output };
}

const admin = async (path) => (await fetch(`${sandbox.url}/__sandbox/${path}`, { method: path === "reset" ? "POST" : "GET" })).json();
const ops = (lines) => lines.map((line) => line.match(/ op=(\S+)/)?.[1]);

test("without IPPANEL_USER and IPPANEL_PASS it says so, makes no request and exits non-zero", async () => {
  await admin("reset");
  for (const vars of [{}, { IPPANEL_USER: "demo" }, { IPPANEL_PASS: PASSWORD }]) {
    const run = await live({ ...vars, IPPANEL_URL: sandbox.url });
    assert.equal(run.status, 2, run.output);
    assert.match(run.stderr, /IPPANEL_USER and IPPANEL_PASS are not set/);
  }
  assert.deepEqual(await admin("requests"), []);
});

test("a recipient without a sender line is refused before any request", async () => {
  await admin("reset");
  const run = await live({ IPPANEL_USER: "demo", IPPANEL_PASS: PASSWORD, IPPANEL_URL: sandbox.url, IPPANEL_LIVE_TO: "09121234567" });
  assert.equal(run.status, 2, run.output);
  assert.match(run.stderr, /IPPANEL_LIVE_FROM/);
  assert.deepEqual(await admin("requests"), []);
});

test("with credentials only: credit, inbox, phonebooks and access list, and no send", async () => {
  await admin("reset");
  const run = await live({ IPPANEL_USER: "demo", IPPANEL_PASS: PASSWORD, IPPANEL_URL: sandbox.url });
  assert.equal(run.status, 0, run.output);
  for (const step of ["credit", "inboxList", "bookList", "accessList"]) assert.match(run.stdout, new RegExp(`ok +${step} `));
  assert.match(run.stdout, /skip +send/);
  assert.deepEqual(ops(await admin("requests")).sort(), ["accesslist", "booklist", "credit", "inboxlist"]);
  assert.deepEqual(await admin("ledger?uname=demo"), []);
});

test("with IPPANEL_LIVE_TO: exactly one SMS, to that number, followed to delivery", async () => {
  await admin("reset");
  const run = await live({
    IPPANEL_USER: "demo", IPPANEL_PASS: PASSWORD, IPPANEL_URL: sandbox.url,
    IPPANEL_LIVE_TO: "0912 123 4567", IPPANEL_LIVE_FROM: "3000505", IPPANEL_LIVE_WAIT_MS: "5000",
  });
  assert.equal(run.status, 0, run.output);
  const ledger = await admin("ledger?uname=demo");
  assert.equal(ledger.length, 1, JSON.stringify(ledger));
  assert.deepEqual(ledger[0].recipients, ["+989121234567"]);
  assert.match(run.stdout, new RegExp(`bulkId ${ledger[0].bulkId}`));
  assert.match(run.stdout, /ok +waitForDelivery .*\+989121234567 delivered/);
});

test("a failing step fails the run (a wrong password), and skips what depends on the login", async () => {
  await admin("reset");
  const run = await live({ IPPANEL_USER: "demo", IPPANEL_PASS: "not-the-password", IPPANEL_URL: sandbox.url, IPPANEL_LIVE_TO: "09121234567", IPPANEL_LIVE_FROM: "3000505" });
  assert.equal(run.status, 1, run.output);
  assert.match(run.stdout, /FAIL +credit .*auth code 962/);
  assert.ok(!run.output.includes("not-the-password"));
  assert.deepEqual(ops(await admin("requests")), ["credit"]);
  assert.deepEqual(await admin("ledger?uname=demo"), []);
});
