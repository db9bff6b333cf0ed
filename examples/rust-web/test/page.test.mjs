// The Rust web example (examples/rust-web, Yew over the crate's Rust API) in a real Chromium
// (playwright-core), against the in-process sandbox.
// Run from the repo root: node --test examples/rust-web/test/
// Needs examples/rust-web/dist/ (examples/rust-web/build.sh) and /usr/bin/chromium.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { startSandbox } from "../../../sandbox/server.mjs";
import { APP, serveApp } from "../scripts/serve.mjs";

const GLUE = join(APP, "dist", "ippanel_rust_web_example.js");
// CHROMIUM_PATH: another Chromium build (the suite fails, never skips, when there is none).
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const LAUNCH_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync",
];
const NO_CHROMIUM = `${CHROMIUM} is missing: install it with \`make setup-browser\` (Debian: apt-get install chromium)`;

it("Chromium is installed", () => {
  assert.ok(existsSync(CHROMIUM), NO_CHROMIUM);
});

describe("examples/rust-web in Chromium", () => {
  let sandbox, app, browser, page;
  const problems = [];
  const byId = (id) => page.locator(`[data-testid="${id}"]`);
  const admin = async (path) => (await fetch(`${sandbox.url}/__sandbox/${path}`)).json();
  /** The counter's data attributes, once it counts `length` (it follows each input event). */
  async function counter(length) {
    await page.waitForFunction((n) => document.querySelector('[data-testid="counter"]').dataset.length === n, String(length));
    return byId("counter").evaluate((el) => ({ ...el.dataset }));
  }
  /** The credit the page shows once loaded: its data-value, and its text. */
  async function shownCredit() {
    await page.waitForSelector('[data-testid="credit"][data-state="ok"]');
    return { value: Number(await byId("credit").getAttribute("data-value")), text: await byId("credit").innerText() };
  }

  before(async () => {
    assert.ok(existsSync(CHROMIUM), NO_CHROMIUM);
    assert.ok(existsSync(GLUE), "examples/rust-web/dist/ is missing: run examples/rust-web/build.sh first");
    sandbox = await startSandbox({ port: 0, quiet: true });
    app = await serveApp();
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
    page = await browser.newPage();
    page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
    page.on("console", (msg) => msg.type() === "error" && problems.push(`console error: ${msg.text()}`));
    const query = new URLSearchParams({ baseUrl: sandbox.url, username: "demo", password: "demo-pass-1234" });
    await page.goto(`${app.url}/?${query}`);
    await byId("counter").waitFor({ timeout: 20_000 });
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    await sandbox?.close();
  });

  it("serves the page, the glue and the wasm (application/wasm)", async () => {
    const wasm = await fetch(`${app.url}/dist/ippanel_rust_web_example_bg.wasm`);
    assert.equal(wasm.status, 200);
    assert.equal(wasm.headers.get("content-type"), "application/wasm");
    assert.equal((await fetch(`${app.url}/dist/..%2fCargo.toml`)).status, 404);
  });

  it("counts the SMS parts of the message as you type (sms_parts): GSM-7 and Persian", async () => {
    const message = byId("message");
    await message.pressSequentially("Hello from Rust");
    assert.deepEqual(await counter(15), { testid: "counter", encoding: "gsm7", length: "15", parts: "1", perPart: "160", remaining: "145" });
    assert.match(await byId("counter").innerText(), /GSM-7 · 15 characters · 1 part\(s\) of 160 · 145 left/);
    await message.fill("a".repeat(161));
    assert.deepEqual(await counter(161), { testid: "counter", encoding: "gsm7", length: "161", parts: "2", perPart: "153", remaining: "145" });

    await message.fill("");
    await counter(0);
    await message.pressSequentially("سلام دنیا");
    assert.deepEqual(await counter(9), { testid: "counter", encoding: "ucs2", length: "9", parts: "1", perPart: "70", remaining: "61" });
    assert.match(await byId("counter").innerText(), /UCS-2/);
    await message.fill("س".repeat(71));
    assert.deepEqual(await counter(71), { testid: "counter", encoding: "ucs2", length: "71", parts: "2", perPart: "67", remaining: "63" });
  });

  it("shows the account's credit, exactly the sandbox's", async () => {
    const { credit } = await admin("state?uname=demo");
    assert.equal(credit, 1_000_000);
    const shown = await shownCredit();
    assert.equal(shown.value, credit);
    assert.equal(shown.text, "1000000 rials");
  });

  let bulkId;
  it("sends: the page shows the bulk id the sandbox's ledger records, then the new credit", async () => {
    await byId("to").fill("09121234567, 0935 123 4567");
    await byId("message").fill("سلام از Rust");
    await byId("send").click();
    await byId("bulk-id").waitFor({ timeout: 15_000 });
    bulkId = (await byId("bulk-id").innerText()).trim();
    assert.match(bulkId, /^\d+$/);
    const ledger = await admin("ledger?uname=demo");
    assert.equal(ledger.length, 1);
    assert.equal(ledger[0].bulkId, bulkId);
    assert.equal(ledger[0].from, "3000505");
    assert.deepEqual(ledger[0].recipients, ["+989121234567", "+989351234567"]);
    assert.equal(ledger[0].message, "سلام از Rust");
    // The credit is loaded again after a send: 2 recipients × 1 part × 150 rials less.
    await page.waitForFunction(() => document.querySelector('[data-testid="credit"]').dataset.value === "999700");
    assert.equal((await shownCredit()).value, (await admin("state?uname=demo")).credit);
  });

  it("shows an input error (kind and message) for a bad recipient, and sends nothing", async () => {
    await byId("to").fill("09121234567\n12345");
    await byId("send").click();
    const error = byId("send-result").locator('[data-testid="error"]');
    await error.waitFor();
    assert.equal(await error.getAttribute("data-kind"), "input");
    assert.equal(await error.locator('[data-testid="error-kind"]').innerText(), "input");
    assert.match(await error.locator('[data-testid="error-message"]').innerText(), /^to\[1\]: /);
    assert.equal(await byId("bulk-id").count(), 0, "the old bulk id is gone");
    assert.equal((await admin("ledger?uname=demo")).length, 1, "nothing more was sent");
  });

  it("takes the account from the page's inputs: a wrong password shows an auth error", async () => {
    await byId("password").fill("wrong-pass-9876");
    await byId("credit-refresh").click();
    const error = byId("credit").locator('[data-testid="error"]');
    await error.waitFor();
    assert.equal(await error.getAttribute("data-kind"), "auth");
    assert.ok(!(await error.innerText()).includes("wrong-pass-9876"), "the error never shows the password");
    await byId("password").fill("demo-pass-1234");
    await byId("credit-refresh").click();
    assert.equal((await shownCredit()).value, 999_700);
  });

  it("the sandbox saw no request a correct client never sends, and the page no error", async () => {
    assert.deepEqual(await admin("violations"), []);
    assert.deepEqual(problems, []);
  });
});
