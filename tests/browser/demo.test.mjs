// The demo page in a real Chromium (playwright-core), against the in-process sandbox, and in
// Worker mode against the real Worker (examples/worker-proxy) in local workerd.
// Run: node --test tests/browser/   (needs pkg/ from `make pkg` and /usr/bin/chromium)
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { TOKEN_SECRET, WorkerPool, bundleWorker, lastCode } from "../../examples/worker-proxy/testing/harness.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
// CHROMIUM_PATH: another Chromium build (the suite fails, never skips, when there is none).
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const SHOTS = join(ROOT, "target", "screenshots");
const DEMO_PASS = "demo-pass-1234";
const BAD_PASS = "wrong-pass-9876";
const FINAL = new Set(["delivered", "failed", "discarded"]);
const haveChromium = existsSync(CHROMIUM);

const LAUNCH_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
  "--disable-sync", "--no-first-run", "--disable-quic",
];

const NO_CHROMIUM = `${CHROMIUM} is missing: install it with \`make setup-browser\` (Debian: apt-get install chromium)`;

// A missing browser is a failure, not a pass with no tests: this suite is the only check that
// the page works. (The suite below fails in its set-up too, and its tests are cancelled.)
it("Chromium is installed", () => {
  assert.ok(haveChromium, NO_CHROMIUM);
});

describe("demo page (www/) in Chromium", () => {
  let demo, browser, context, page, workerBundle, workers;
  /** Console errors and page errors seen so far (any is a failure, unless a step expects it). */
  const problems = [];
  /** Console errors a step provokes on purpose (an HTTP error status from a stub), by pattern. */
  let expected = [];
  const consoleLog = [];

  function watch(p, label) {
    p.on("pageerror", (err) => problems.push(`[${label}] page error: ${err.message}`));
    p.on("console", (msg) => {
      consoleLog.push(msg.text());
      if (msg.type() !== "error") return;
      if (expected.some((re) => re.test(msg.text()))) return;
      problems.push(`[${label}] console error: ${msg.text()} ${JSON.stringify(msg.location())}`);
    });
    p.on("requestfailed", (req) => {
      const f = req.failure()?.errorText ?? "";
      if (!/ERR_ABORTED/.test(f)) problems.push(`[${label}] request failed: ${req.url()} ${f}`);
    });
  }
  function assertClean() {
    assert.deepEqual(problems, [], "page errors or console errors");
  }
  const byId = (id, root = page) => root.locator(`[data-testid="${id}"]`);
  const shot = (name, target = page, opts = {}) => target.screenshot({ path: join(SHOTS, name), ...opts });

  async function creditValue() {
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="credit-value"]');
      return el && el.dataset.state === "ok" && el.dataset.value !== undefined;
    });
    return Number(await byId("credit-value").getAttribute("data-value"));
  }

  async function openSettings() {
    const open = await byId("settings-panel").evaluate((d) => d.open);
    if (!open) await byId("settings-panel").locator("summary").click();
  }

  before(async () => {
    assert.ok(haveChromium, NO_CHROMIUM);
    const pkgEntry = join(process.env.DEMO_TEST_PKG_DIR ?? join(ROOT, "pkg"), "browser.js");
    assert.ok(existsSync(pkgEntry), "pkg/browser.js is missing: run `make pkg` first");
    mkdirSync(SHOTS, { recursive: true });
    const { startDemoServer } = await import("../../scripts/serve-demo.mjs");
    demo = await startDemoServer({ port: 0, quiet: true, pollIntervalMs: 250, sandbox: { deliveryStepMs: 150 }, pkgDir: process.env.DEMO_TEST_PKG_DIR, sandboxModule: process.env.DEMO_TEST_SANDBOX });
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
    context = await browser.newContext({ locale: "fa-IR", viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    watch(page, "desktop");
    await page.goto(demo.url);
    await page.waitForSelector('body[data-ready="1"]', { timeout: 20_000 });
  });

  after(async () => {
    await browser?.close();
    await demo?.close();
    await workers?.close();
    await workerBundle?.dispose();
  });

  it("serves the page, the package (application/wasm) and /config.json", async () => {
    const res = await fetch(demo.url);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type"), /text\/html/);
    const cfg = await (await fetch(new URL("/config.json", demo.url))).json();
    assert.equal(cfg.sandboxUrl, demo.sandboxUrl);
    assert.equal(cfg.demoUser, "demo");
    const js = await fetch(new URL("/pkg/browser.js", demo.url));
    assert.equal(js.status, 200);
    assert.match(js.headers.get("content-type"), /javascript/);
    const wasm = await fetch(new URL("/pkg/ippanel_wasm_bg.wasm", demo.url));
    assert.equal(wasm.status, 200);
    assert.equal(wasm.headers.get("content-type"), "application/wasm");
    const escape = await fetch(new URL("/pkg/..%2fpackage.json", demo.url));
    assert.equal(escape.status, 404, "no path traversal out of pkg/");
  });

  it("starts in Persian (dir=rtl) and loads the credit", async () => {
    assert.equal(await page.getAttribute("html", "dir"), "rtl");
    assert.equal(await page.getAttribute("html", "lang"), "fa");
    const credit = await creditValue();
    assert.ok(credit > 0, `credit ${credit} should be positive for the demo account`);
    assert.match(await byId("credit-value").innerText(), /ریال/);
    await shot("demo-fa.png", page, { fullPage: true });
    assertClean();
  });

  it("the counter follows the text (smsParts): GSM-7 vs UCS-2, parts", async () => {
    const msg = byId("send-message");
    const counter = byId("send-counter");
    await msg.fill("Hello there");
    await assert.doesNotReject(page.waitForFunction(() => document.querySelector('[data-testid="send-counter"]').dataset.length === "11"));
    assert.equal(await counter.getAttribute("data-encoding"), "gsm7");
    assert.equal(await counter.getAttribute("data-parts"), "1");
    assert.equal(await counter.getAttribute("data-remaining"), "149");
    const latinText = await counter.innerText();

    await msg.fill("سلام دنیا");
    await page.waitForFunction(() => document.querySelector('[data-testid="send-counter"]').dataset.encoding === "ucs2");
    assert.equal(await counter.getAttribute("data-length"), "9");
    assert.equal(await counter.getAttribute("data-remaining"), "61");
    assert.notEqual(await counter.innerText(), latinText, "the visible counter changed");
    assert.match(await counter.locator('[data-testid="counter-encoding"]').innerText(), /UCS-2/);

    await msg.fill("س".repeat(71));
    await page.waitForFunction(() => document.querySelector('[data-testid="send-counter"]').dataset.parts === "2");
    await msg.fill("a".repeat(161));
    await page.waitForFunction(() => document.querySelector('[data-testid="send-counter"]').dataset.parts === "2");
    assert.equal(await counter.getAttribute("data-encoding"), "gsm7");
    assertClean();
  });

  it("validates recipients live with normalizeMobile and shows the error beside the field", async () => {
    const to = byId("send-to");
    await to.fill("09121234567\n12345, ۰۹۳۵۱۲۳۴۵۶۷");
    const err = byId("send-to-error");
    await err.locator('[data-testid="recipient-error"]').first().waitFor();
    assert.equal(await err.locator('[data-testid="recipient-error"]').count(), 1);
    assert.match(await err.innerText(), /12345/);
    assert.equal(await to.getAttribute("aria-invalid"), "true");
    assert.equal(await byId("send-to-valid").getAttribute("data-count"), "2");
    assert.match(await byId("send-to-valid").innerText(), /\+989351234567/, "Persian digits normalized");
    await to.fill("09121234567");
    await page.waitForFunction(() => document.querySelector('[data-testid="send-to-error"]').childElementCount === 0);
    assert.equal(await to.getAttribute("aria-invalid"), "false");
    assertClean();
  });

  let bulkId;
  it("sends a message, shows the bulk id, and the delivery table reaches a final state", async () => {
    const before = await creditValue();
    await byId("send-to").fill("09121234567, 9351234567\n+98 919 123 4567");
    await byId("send-message").fill("سلام! پیام آزمایشی دمو");
    await byId("send-submit").click();
    const idEl = byId("send-out").locator('[data-testid="bulk-id"]');
    await idEl.waitFor({ timeout: 15_000 });
    bulkId = (await idEl.innerText()).trim();
    assert.match(bulkId, /^\d+$/, `bulk id ${bulkId}`);
    assert.equal(await byId("status-bulk-id").inputValue(), bulkId);

    // waitForDelivery's onUpdate fills the table; it must end with every row final.
    await page.waitForFunction(
      () => document.querySelector('[data-testid="delivery-state"]').dataset.state === "final",
      null, { timeout: 30_000 });
    const rows = byId("delivery-table").locator('[data-testid="delivery-row"]');
    assert.equal(await rows.count(), 3);
    const recipients = (await rows.locator("td:first-child").allInnerTexts()).map((s) => s.trim()).sort();
    assert.deepEqual(recipients, ["+989121234567", "+989191234567", "+989351234567"]);
    for (const status of await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.status))) {
      assert.ok(FINAL.has(status), `row status ${status} is final`);
    }
    await byId("delivery-panel").scrollIntoViewIfNeeded();
    await shot("demo-delivery.png", page);

    // The sandbox recorded this send, and the credit went down.
    if (!process.env.DEMO_TEST_SANDBOX) {
    const ledger = await (await fetch(`${demo.sandboxUrl}/__sandbox/ledger?uname=demo`)).json();
    assert.ok(JSON.stringify(ledger).includes(bulkId), "the sandbox ledger has the bulk id");
    }
    await page.waitForFunction((b) => Number(document.querySelector('[data-testid="credit-value"]').dataset.value) < b,
      before, { timeout: 10_000 });
    await byId("credit-refresh").click();
    const afterCredit = await creditValue();
    assert.ok(afterCredit < before, `credit ${afterCredit} < ${before}`);
    assertClean();
  });

  it("checks the message status (checkMessage)", async () => {
    await byId("status-bulk-id").fill(bulkId);
    await byId("status-check").click();
    const status = byId("status-out").locator('[data-testid="message-status"]');
    await status.waitFor();
    assert.ok((await status.getAttribute("data-value")).length > 0);
    assert.ok((await byId("status-out").locator('[data-testid="message-approval"]').getAttribute("data-value")).length > 0);
    assertClean();
  });

  it("shows an API error (inactive pattern old-promo → 996) in English and Persian with kind and code", async () => {
    await byId("pattern-code").fill("old-promo");
    await byId("pattern-to").fill("09121234567");
    await byId("pattern-submit").click();
    const box = byId("pattern-out").locator('[data-testid="error-box"]');
    await box.waitFor({ timeout: 15_000 });
    assert.equal((await box.locator('[data-testid="error-kind"]').innerText()).trim(), "api");
    assert.equal((await box.locator('[data-testid="error-code"]').innerText()).trim(), "996");
    const en = await box.locator('[data-testid="error-message"]').innerText();
    const fa = await box.locator('[data-testid="error-message-fa"]').innerText();
    assert.match(en, /not active/i);
    assert.match(fa, /[\u0600-\u06FF]/, "Persian text");
    assert.doesNotMatch(await box.innerText(), /\[object|undefined/, "no raw object");
    await byId("pattern-panel").scrollIntoViewIfNeeded();
    await shot("demo-error.png", byId("pattern-panel"));
    assertClean();
  });

  it("sends the otp-demo pattern with a variable row", async () => {
    await byId("pattern-code").fill("otp-demo");
    const rows = byId("pattern-vars").locator('[data-testid="pattern-var-row"]');
    assert.ok(await rows.count() >= 1);
    await rows.first().locator('[data-testid="pattern-var-key"]').fill("code");
    await rows.first().locator('[data-testid="pattern-var-value"]').fill("4821");
    // add and remove a row: the extra row must not be sent
    await byId("pattern-add-var").click();
    assert.equal(await rows.count(), 2);
    await rows.nth(1).locator('[data-testid="pattern-var-remove"]').click();
    assert.equal(await rows.count(), 1);
    await byId("pattern-submit").click();
    await byId("pattern-out").locator('[data-testid="bulk-id"]').waitFor({ timeout: 15_000 });
    assert.match(await byId("pattern-out").locator('[data-testid="bulk-id"]').innerText(), /^\d+$/);
    assertClean();
  });

  it("a wrong password in the settings gives an auth error; the password is never shown", async () => {
    await openSettings();
    await byId("settings-password").fill(BAD_PASS);
    await byId("settings-apply").click();
    const box = byId("credit-out").locator('[data-testid="error-box"]');
    await box.waitFor({ timeout: 15_000 });
    assert.equal((await box.locator('[data-testid="error-kind"]').innerText()).trim(), "auth");
    assert.ok((await box.locator('[data-testid="error-message"]').innerText()).trim().length > 0);
    assert.match(await box.locator('[data-testid="error-message-fa"]').innerText(), /[\u0600-\u06FF]/);
    const html = await page.content();
    const text = await page.evaluate(() => document.body.innerText);
    for (const secret of [BAD_PASS, DEMO_PASS]) {
      assert.ok(!html.includes(secret) && !text.includes(secret), `the page never shows the password (${secret === BAD_PASS ? "bad" : "demo"})`);
    }
    assert.ok(!consoleLog.some((l) => l.includes(BAD_PASS) || l.includes(DEMO_PASS)), "the console never logs the password");
    // back to the demo account
    await byId("settings-reset").click();
    await page.waitForFunction(() => document.querySelector('[data-testid="credit-value"]').dataset.state === "ok");
    assert.equal(await byId("credit-out").locator('[data-testid="error-box"]').count(), 0);
    assertClean();
  });

  it("switches language: English is ltr, Persian is rtl", async () => {
    await byId("lang-toggle").click();
    assert.equal(await page.getAttribute("html", "dir"), "ltr");
    assert.equal(await page.getAttribute("html", "lang"), "en");
    assert.match(await byId("send-panel").locator("h2").innerText(), /Send a message/);
    assert.match(await byId("credit-value").innerText(), /rials/);
    assert.match(await byId("send-counter").innerText(), /Characters/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot("demo-en.png", page, { fullPage: true });
    await byId("lang-toggle").click();
    assert.equal(await page.getAttribute("html", "dir"), "rtl");
    assert.equal(await page.getAttribute("html", "lang"), "fa");
    assert.match(await byId("send-panel").locator("h2").innerText(), /ارسال/);
    assertClean();
  });

  it("bulk-sends to a list: the progress bar (onProgress) reaches 100% and the summary adds up", async () => {
    await byId("bulk-sample-n").fill("250");
    await byId("bulk-fill").click();
    assert.equal(await byId("bulk-to-valid").getAttribute("data-count"), "250");
    await byId("bulk-chunk").fill("50");
    await byId("bulk-concurrency").fill("2");
    // record every value the bar takes
    await page.evaluate(() => {
      const bar = document.querySelector('[data-testid="bulk-progress"]');
      window.__progress = [];
      new MutationObserver(() => window.__progress.push(Number(bar.dataset.done))).observe(bar, { attributes: true, attributeFilter: ["data-done"] });
    });
    await byId("bulk-submit").click();
    const summary = byId("bulk-out").locator('[data-testid="bulk-summary"]');
    await summary.waitFor({ timeout: 30_000 });
    const bar = byId("bulk-progress");
    assert.equal(await bar.getAttribute("data-percent"), "100");
    assert.equal(await bar.evaluate((b) => b.value === b.max && b.max === 250), true);
    assert.equal(await summary.getAttribute("data-sent"), "250");
    assert.equal(await summary.getAttribute("data-failed"), "0");
    assert.equal(await summary.getAttribute("data-batches"), "5");
    const seen = await page.evaluate(() => window.__progress);
    const steps = seen.filter((v) => v > 0);
    assert.ok(steps.length >= 2, `several progress updates (${JSON.stringify(seen)})`);
    assert.deepEqual([...steps].sort((a, b) => a - b), steps, "progress never goes back");
    assert.equal(steps.at(-1), 250);
    assertClean();
  });

  it("list panels load without errors (inbox, phonebooks, jobs, postal codes, access list)", async () => {
    for (const [button, out] of [["inbox-refresh", "inbox-out"], ["book-load", "book-out"], ["jobs-load", "jobs-out"],
      ["postal-load", "postal-out"], ["access-load", "access-out"]]) {
      await byId(button).click();
      await page.waitForFunction((o) => {
        const el = document.querySelector(`[data-testid="${o}"]`);
        return el.childElementCount > 0 && !el.closest(".card").hasAttribute("aria-busy");
      }, out, { timeout: 15_000 });
      const err = await byId(out).locator('[data-testid="error-box"]').count();
      assert.equal(err, 0, `${button}: ${err ? await byId(out).innerText() : ""}`);
    }
    // phonebook send, job count + send, postal count + send
    if (await byId("book-select").locator("option").count()) {
      await byId("book-submit").click();
      await byId("book-out").locator('[data-testid="bulk-id"], [data-testid="error-box"]').first().waitFor();
      assert.equal(await byId("book-out").locator('[data-testid="error-box"]').count(), 0, await byId("book-out").innerText());
    }
    const trends = byId("jobs-trends").locator('[data-testid="jobs-trend"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="jobs-trends"]').childElementCount > 0, null, { timeout: 10_000 }).catch(() => {});
    if (await trends.count()) {
      await trends.first().check();
      await byId("jobs-count").click();
      await page.waitForFunction(() => document.querySelector('[data-testid="jobs-count-value"]').dataset.value !== undefined
        || document.querySelector('[data-testid="jobs-out"] [data-testid="error-box"]'));
      assert.equal(await byId("jobs-out").locator('[data-testid="error-box"]').count(), 0, await byId("jobs-out").innerText());
      await byId("jobs-submit").click();
      await byId("jobs-out").locator('[data-testid="bulk-id"], [data-testid="error-box"]').first().waitFor();
      assert.equal(await byId("jobs-out").locator('[data-testid="error-box"]').count(), 0, await byId("jobs-out").innerText());
    }
    assert.ok(await byId("postal-out").locator(".chip").count() > 0, "postal areas listed");
    {
      await byId("postal-code").fill("1234567890");
      await byId("postal-count").click();
      await page.waitForFunction(() => document.querySelector('[data-testid="postal-count-value"]').dataset.value !== undefined
        || document.querySelector('[data-testid="postal-out"] [data-testid="error-box"]'));
      assert.equal(await byId("postal-out").locator('[data-testid="error-box"]').count(), 0, await byId("postal-out").innerText());
    }
    assertClean();
  });

  it("Worker mode verifies a number end to end: code texted by the real Worker, read on the phone, approved", async () => {
    // The Worker in local workerd (Durable Objects included), in front of the demo's sandbox,
    // allowing the page's origin.
    workerBundle = await bundleWorker();
    workers = new WorkerPool(workerBundle, demo.sandboxUrl);
    const worker = await workers.start({ ALLOWED_ORIGINS: new URL(demo.url).origin }, { port: 0 });
    const proxyUrl = String(worker.url).replace(/\/+$/, "");

    await openSettings();
    await byId("mode-proxy").check();
    await byId("settings-proxy-url").fill(proxyUrl);
    await byId("settings-apply").click();
    await page.waitForFunction(() => document.body.classList.contains("mode-proxy"));
    const sandboxCredit = Number((await (await fetch(`${demo.sandboxUrl}/__sandbox/state?uname=demo`)).json()).credit);
    assert.equal(await creditValue(), sandboxCredit, "the credit came through the Worker");
    assert.equal(await byId("send-panel").isVisible(), false, "direct-only panels hidden in Worker mode");
    assert.equal(await byId("delivery-panel").isVisible(), false);
    assert.equal(await byId("verify-panel").isVisible(), true);

    // A number the package refuses never reaches the Worker.
    await byId("verify-to").fill("12345");
    await byId("verify-start").click();
    const bad = byId("verify-start-out").locator('[data-testid="error-box"]');
    await bad.waitFor();
    assert.equal((await bad.locator('[data-testid="error-kind"]').innerText()).trim(), "input");

    const phone = "+989127654321";
    await byId("verify-to").fill("0912 765 4321");
    await byId("verify-start").click();
    await byId("verify-sent").waitFor({ timeout: 15_000 });
    assert.match(await byId("verify-sent").innerText(), /\+989127654321/);
    const shown = byId("verify-phone-message");
    await shown.waitFor({ timeout: 10_000 });
    const code = await lastCode(demo.sandboxUrl, phone);
    assert.match(await shown.innerText(), new RegExp(`${code}$`), "the phone shows the sandbox's last text to that number");
    assert.ok(!(await byId("verify-panel").locator("form, .out").allInnerTexts()).join(" ").includes(code),
      "the form never shows the code: only the phone does");
    await byId("verify-panel").scrollIntoViewIfNeeded();
    await shot("demo-verify-sent.png", byId("verify-panel"));

    // A wrong code first: pending, one attempt used.
    await byId("verify-code").fill(code.replace(/^./, (d) => String((Number(d) + 1) % 10)));
    await byId("verify-check").click();
    await page.waitForSelector('[data-testid="verify-result"][data-status="pending"]');
    assert.match(await byId("verify-result").innerText(), /4|۴/);

    // The code as read on the phone: approved, with the token's claims.
    await byId("verify-code").fill(code);
    await byId("verify-check").click();
    await page.waitForSelector('[data-testid="verify-result"][data-status="approved"]', { timeout: 10_000 });
    const claims = byId("verify-claims");
    assert.equal((await claims.locator('[data-claim="sub"]').innerText()).trim(), phone);
    const token = (await byId("verify-token").innerText()).trim();
    const [h, p, sig] = token.split(".");
    assert.equal(createHmac("sha256", TOKEN_SECRET).update(`${h}.${p}`).digest("base64url"), sig, "the token is signed with TOKEN_SECRET");
    assert.equal(await byId("verify-check-form").isVisible(), false, "an approved code cannot be checked again");
    await byId("verify-panel").scrollIntoViewIfNeeded();
    await shot("demo-verify-approved.png", byId("verify-panel"));

    // Asking again at once: the Worker's resend cooldown, shown with its Retry-After.
    expected = [/status of 429/];
    await byId("verify-start").click();
    const box = byId("verify-start-out").locator('[data-testid="error-box"]');
    await box.waitFor();
    expected = [];
    assert.equal((await box.locator('[data-testid="error-code"]').innerText()).trim(), "cooldown");
    assert.match(await box.locator('[data-testid="error-message-fa"]').innerText(), /[\u0600-\u06FF]/);

    // back to direct mode
    await byId("mode-direct").check();
    await byId("settings-reset").click();
    await page.waitForFunction(() => document.body.classList.contains("mode-direct"));
    await creditValue();
    assertClean();
  });

  it("is readable at phone width (390px): one column, no sideways scrolling", async () => {
    const phone = await browser.newContext({ locale: "fa-IR", viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const p = await phone.newPage();
    watch(p, "phone");
    await p.goto(demo.url);
    await p.waitForSelector('body[data-ready="1"]', { timeout: 20_000 });
    await p.waitForFunction(() => document.querySelector('[data-testid="credit-value"]').dataset.state === "ok");
    const layout = await p.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      lefts: [...document.querySelectorAll(".cards > .card")].filter((c) => c.offsetParent !== null)
        .map((c) => Math.round(c.getBoundingClientRect().left)),
    }));
    assert.ok(layout.scrollWidth <= 390, `no horizontal overflow (scrollWidth ${layout.scrollWidth})`);
    assert.equal(new Set(layout.lefts).size, 1, `one column (${layout.lefts})`);
    await p.screenshot({ path: join(SHOTS, "phone-width.png"), fullPage: true });
    await phone.close();
    assertClean();
  });
});
