// The demo page's Edge mode (www/panels/edge/, the ippanel-wasm/edge entry) in a real Chromium
// (playwright-core), against the in-process sandbox's Edge API ({sandbox}/edge/v1).
// Run: node --test tests/browser/   (needs pkg/ from `make pkg` and /usr/bin/chromium)
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const SHOTS = join(ROOT, "target", "screenshots");
const EDGE_KEY = "edge-demo-key-1234";
const BAD_KEY = "edge-wrong-key-9876";
const FINAL = new Set(["delivered", "failed", "discarded"]);
const haveChromium = existsSync(CHROMIUM);
/** What only Edge mode may fetch: its modules, the Edge entry, its wasm, the Edge API. */
const EDGE_URL = /\/pkg\/edge\.browser\.js|ippanel_wasm_edge_bg\.wasm|\/panels\/edge\/|\/edge\/v1\//;

const LAUNCH_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
  "--disable-sync", "--no-first-run", "--disable-quic",
];

const NO_CHROMIUM = `${CHROMIUM} is missing: install it with \`make setup-browser\` (Debian: apt-get install chromium)`;

it("Chromium is installed (Edge mode suite)", () => {
  assert.ok(haveChromium, NO_CHROMIUM);
});

describe("demo page: Edge mode (ippanel-wasm/edge) in Chromium", () => {
  let demo, browser, context, page;
  const problems = [];
  /** Console errors a step provokes on purpose (an HTTP error status from the sandbox), by pattern. */
  let expected = [];
  const consoleLog = [];
  /** Every URL the page requested, in order. */
  const requests = [];

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
  const edgeRequests = () => requests.filter((u) => EDGE_URL.test(u));
  const sandboxEdgeState = async () => (await fetch(`${demo.sandboxUrl}/__sandbox/edge/state?key=${EDGE_KEY}`)).json();

  async function edgeCredit() {
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="edge-credit-value"]');
      return el && el.dataset.state === "ok" && !el.closest(".card").hasAttribute("aria-busy");
    }, null, { timeout: 15_000 });
    return Number(await byId("edge-credit-value").getAttribute("data-value"));
  }

  async function legacyCredit() {
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="credit-value"]');
      return el && el.dataset.state === "ok" && !el.closest(".card").hasAttribute("aria-busy");
    }, null, { timeout: 15_000 });
    return Number(await byId("credit-value").getAttribute("data-value"));
  }

  /** Waits for an output region to be drawn (its panel no longer busy), then returns it. */
  async function settled(out) {
    await page.waitForFunction((o) => {
      const el = document.querySelector(`[data-testid="${o}"]`);
      return el.childElementCount > 0 && !el.closest(".card").hasAttribute("aria-busy");
    }, out, { timeout: 15_000 });
    return byId(out);
  }

  async function waitFinal() {
    await page.waitForFunction(
      () => document.querySelector('[data-testid="edge-delivery-state"]').dataset.state === "final",
      null, { timeout: 30_000 });
  }

  /** Types a pattern code; Escape closes the field's suggestion list (its datalist), which would
   *  otherwise take the next click. */
  async function setPatternCode(code) {
    await byId("edge-pattern-code").fill(code);
    await byId("edge-pattern-code").press("Escape");
    await byId("edge-pattern-code").blur();
  }

  async function openEdgeSettings() {
    const open = await byId("edge-settings-panel").evaluate((d) => d.open);
    if (!open) await byId("edge-settings-panel").locator("summary").click();
  }

  before(async () => {
    assert.ok(haveChromium, NO_CHROMIUM);
    const pkgDir = process.env.DEMO_TEST_PKG_DIR ?? join(ROOT, "pkg");
    for (const f of ["browser.js", "edge.browser.js", "ippanel_wasm_edge_bg.wasm"]) {
      assert.ok(existsSync(join(pkgDir, f)), `pkg/${f} is missing: run \`make pkg\` first`);
    }
    mkdirSync(SHOTS, { recursive: true });
    const { startDemoServer } = await import("../../scripts/serve-demo.mjs");
    demo = await startDemoServer({ port: 0, quiet: true, pollIntervalMs: 250, sandbox: { deliveryStepMs: 150 }, pkgDir: process.env.DEMO_TEST_PKG_DIR, sandboxModule: process.env.DEMO_TEST_SANDBOX });
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
    context = await browser.newContext({ locale: "fa-IR", viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    watch(page, "desktop");
    page.on("request", (req) => requests.push(req.url()));
    await page.goto(demo.url);
    await page.waitForSelector('body[data-ready="1"]', { timeout: 20_000 });
  });

  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  it("serves the Edge settings in /config.json and the Edge entry with its wasm (application/wasm)", async () => {
    const cfg = await (await fetch(new URL("/config.json", demo.url))).json();
    assert.equal(cfg.edgeBaseUrl, `${demo.sandboxUrl}/edge/v1`);
    assert.equal(cfg.edgeApiKey, EDGE_KEY);
    const js = await fetch(new URL("/pkg/edge.browser.js", demo.url));
    assert.equal(js.status, 200);
    assert.match(js.headers.get("content-type"), /javascript/);
    const wasm = await fetch(new URL("/pkg/ippanel_wasm_edge_bg.wasm", demo.url));
    assert.equal(wasm.status, 200);
    assert.equal(wasm.headers.get("content-type"), "application/wasm");
  });

  it("the legacy mode (the default) fetches nothing of Edge mode: no Edge module, no Edge wasm, no Edge API", async () => {
    assert.equal(await page.getAttribute("body", "data-api"), "legacy");
    assert.equal(await byId("api-legacy").isChecked(), true);
    assert.equal(await byId("edge-app").isVisible(), false);
    assert.equal(await byId("send-panel").isVisible(), true);
    await legacyCredit();
    // Use the legacy panels a little: still nothing of Edge mode.
    await byId("inbox-refresh").click();
    await settled("inbox-out");
    assert.equal(await byId("inbox-out").locator('[data-testid="error-box"]').count(), 0);
    await page.waitForLoadState("networkidle");
    assert.ok(requests.some((u) => u.endsWith("/pkg/ippanel_wasm_bg.wasm")), "the legacy wasm was fetched");
    assert.deepEqual(edgeRequests(), [], "no Edge request in legacy mode");
    assert.equal(await page.evaluate(() => performance.getEntriesByType("resource").filter((e) => /edge/.test(e.name)).length), 0);
    assertClean();
  });

  it("switching to Edge mode loads the Edge entry and its wasm once, shows only the Edge panels, loads the credit", async () => {
    await byId("api-edge").check();
    await page.waitForSelector('body[data-api="edge"]');
    assert.ok(requests.some((u) => u.endsWith("/pkg/edge.browser.js")), "the Edge entry was imported");
    assert.ok(requests.some((u) => u.endsWith("/pkg/ippanel_wasm_edge_bg.wasm")), "the Edge wasm was fetched");
    assert.equal(await byId("legacy-app").isVisible(), false, "the legacy panels are hidden");
    assert.equal(await byId("send-panel").isVisible(), false);
    for (const id of ["edge-settings-panel", "edge-credit-panel", "edge-send-panel", "edge-delivery-panel", "edge-patterns-panel", "edge-inbox-panel", "edge-lines-panel"]) {
      assert.equal(await byId(id).isVisible(), true, `${id} visible`);
    }
    assert.equal(await byId("mode-badge").getAttribute("data-mode"), "edge");
    assert.match(await byId("mode-badge").innerText(), /Edge/);
    const credit = await edgeCredit();
    assert.equal(credit, Number((await sandboxEdgeState()).credit), "the credit is the Edge account's");
    assert.match(await byId("edge-credit-value").innerText(), /ریال/);
    assert.match(await byId("edge-settings-summary").innerText(), /edge\/v1/);
    assert.ok(requests.some((u) => u.includes("/edge/v1/api/payment/credit/mine")), "credit() went to {sandbox}/edge/v1");
    await shot("edge-fa.png", page, { fullPage: true });
    assertClean();
  });

  let outboxId;
  it("sends a message: the messageOutboxIds are shown and each recipient's status updates until final", async () => {
    const before = await edgeCredit();
    // Watch every status the table shows, to see the updates (onUpdate), not only the end.
    await page.evaluate(() => {
      const table = document.querySelector('[data-testid="edge-delivery-table"]');
      window.__statuses = [];
      new MutationObserver(() => {
        const rows = [...table.querySelectorAll('[data-testid="edge-delivery-row"]')].map((tr) => tr.dataset.status);
        if (rows.length) window.__statuses.push(rows.join(","));
      }).observe(table, { childList: true, subtree: true });
    });
    // +98…0 is failed at the sandbox, +98…99 blacklisted (discarded), the other delivered.
    await byId("edge-send-to").fill("09121234567, ۰۹۳۵۱۲۳۴۵۶۰\n+98 919 123 4599");
    assert.equal(await byId("edge-send-to-valid").getAttribute("data-count"), "3");
    await byId("edge-send-message").fill("سلام! پیام آزمایشی Edge");
    await page.waitForFunction(() => document.querySelector('[data-testid="edge-send-counter"]').dataset.encoding === "ucs2");
    await byId("edge-send-submit").click();
    const ids = byId("edge-send-out").locator('[data-testid="edge-outbox-id"]');
    await ids.first().waitFor({ timeout: 15_000 });
    assert.equal(await ids.count(), 1);
    outboxId = (await ids.first().innerText()).trim();
    assert.match(outboxId, /^\d+$/, `outbox id ${outboxId}`);
    assert.equal(await byId("edge-delivery-id").inputValue(), outboxId, "the delivery panel watches it");

    await waitFinal();
    const rows = byId("edge-delivery-table").locator('[data-testid="edge-delivery-row"]');
    assert.equal(await rows.count(), 3);
    const byRecipient = Object.fromEntries(await rows.evaluateAll((trs) =>
      trs.map((tr) => [tr.querySelector("td").textContent.trim(), tr.dataset.status])));
    assert.deepEqual(byRecipient, { "+989121234567": "delivered", "+989351234560": "failed", "+989191234599": "discarded" });
    const seen = await page.evaluate(() => window.__statuses);
    assert.ok(seen.some((s) => s.split(",").some((st) => !FINAL.has(st))), `a not-yet-final status was shown first (${JSON.stringify(seen)})`);
    assert.ok(Number(await byId("edge-delivery-table").getAttribute("data-polls")) >= 2, "several polls drawn");
    assert.match(await byId("edge-delivery-state").innerText(), /[\u0600-\u06FF]/);
    await byId("edge-delivery-panel").scrollIntoViewIfNeeded();
    await shot("edge-delivery.png", byId("edge-delivery-panel"));

    // The sandbox has the send, and the credit went down.
    const st = await sandboxEdgeState();
    assert.ok(JSON.stringify(st.outbox).includes(outboxId), "the sandbox's outbox has the id");
    await byId("edge-credit-refresh").click();
    await page.waitForFunction((b) => Number(document.querySelector('[data-testid="edge-credit-value"]').dataset.value) < b, before, { timeout: 10_000 });
    assertClean();
  });

  it("watches a typed outbox id again (waitForDelivery of an already final send)", async () => {
    await byId("edge-delivery-id").fill(outboxId);
    await byId("edge-delivery-watch").click();
    await waitFinal();
    assert.equal(await byId("edge-delivery-table").locator('[data-testid="edge-delivery-row"]').count(), 3);
    assertClean();
  });

  it("lists the patterns and sends one picked from the list (sendPattern)", async () => {
    await byId("edge-patterns-load").click();
    const out = await settled("edge-patterns-out");
    assert.equal(await out.locator('[data-testid="error-box"]').count(), 0, await out.innerText());
    const codes = (await out.locator('[data-testid="edge-pattern-row-code"]').allInnerTexts()).map((s) => s.trim());
    assert.deepEqual(codes.sort(), ["oldpromo789", "otpdemo123", "welcome456"]);
    assert.equal(await out.locator('[data-status="inactive"]').count(), 1);
    // "Use" on welcome456: its code and its one variable, %name%.
    const row = out.locator("tr", { has: page.locator('[data-testid="edge-pattern-row-code"]', { hasText: "welcome456" }) });
    await row.locator('[data-testid="edge-pattern-use"]').click();
    assert.equal(await byId("edge-pattern-code").inputValue(), "welcome456");
    const vars = byId("edge-pattern-vars").locator('[data-testid="edge-pattern-var-row"]');
    assert.equal(await vars.count(), 1);
    assert.equal(await vars.first().locator('[data-testid="edge-pattern-var-key"]').inputValue(), "name");
    await vars.first().locator('[data-testid="edge-pattern-var-value"]').fill("مریم");
    await byId("edge-pattern-to").fill("0912 765 4321");
    await byId("edge-pattern-submit").click();
    const id = byId("edge-pattern-out").locator('[data-testid="edge-outbox-id"]');
    await id.waitFor({ timeout: 15_000 });
    assert.match((await id.innerText()).trim(), /^\d+$/);
    await waitFinal();
    const rows = byId("edge-delivery-table").locator('[data-testid="edge-delivery-row"]');
    assert.equal(await rows.count(), 1);
    assert.equal((await rows.first().locator("td").first().innerText()).trim(), "+989127654321");
    assertClean();
  });

  it("shows a service error (inactive pattern) with kind, code, both messages and the field errors", async () => {
    expected = [/status of 422/];
    await setPatternCode("oldpromo789");
    await byId("edge-pattern-submit").click();
    const box = byId("edge-pattern-out").locator('[data-testid="error-box"]');
    await box.waitFor({ timeout: 15_000 });
    expected = [];
    assert.equal((await box.locator('[data-testid="error-kind"]').innerText()).trim(), "api");
    assert.equal((await box.locator('[data-testid="error-code"]').innerText()).trim(), "400-2");
    assert.equal((await box.locator('[data-testid="error-op"]').innerText()).trim(), "send:pattern");
    assert.equal((await box.locator('[data-testid="error-status"]').innerText()).trim(), "422");
    assert.match(await box.locator('[data-testid="error-message"]').innerText(), /invalid/i);
    assert.match(await box.locator('[data-testid="error-message-fa"]').innerText(), /[\u0600-\u06FF]/);
    const fields = box.locator('[data-testid="error-field"]');
    assert.equal(await fields.count(), 1);
    assert.equal(await fields.first().getAttribute("data-field"), "code");
    assert.match(await fields.first().innerText(), /[\u0600-\u06FF]/);
    assert.equal(await box.locator('[data-testid="error-may-have-sent"]').count(), 0, "a refused send did not go out");
    assert.doesNotMatch(await box.innerText(), /\[object|undefined/, "no raw object");
    await byId("edge-patterns-panel").scrollIntoViewIfNeeded();
    await shot("edge-error.png", byId("edge-patterns-panel"));

    // A send the package refuses before sending (empty text): an input error, no field errors.
    await byId("edge-send-message").fill("");
    await byId("edge-send-submit").click();
    const input = byId("edge-send-out").locator('[data-testid="error-box"]');
    await input.waitFor();
    assert.equal((await input.locator('[data-testid="error-kind"]').innerText()).trim(), "input");
    assert.equal(await input.locator('[data-testid="error-field"]').count(), 0);
    await setPatternCode("otpdemo123");
    assertClean();
  });

  it("loads the inbox (inboxAll) and the lines (numbers), the lines offered as sender lines", async () => {
    await byId("edge-inbox-load").click();
    const inbox = await settled("edge-inbox-out");
    assert.equal(await inbox.locator('[data-testid="error-box"]').count(), 0, await inbox.innerText());
    assert.equal(await inbox.locator('[data-testid="edge-inbox-table"]').getAttribute("data-rows"), "3");
    assert.match(await inbox.innerText(), /سلام، پیام شما رسید/);
    assert.equal(await inbox.locator('[data-seen="1"]').count(), 1);

    await byId("edge-lines-load").click();
    const lines = await settled("edge-lines-out");
    assert.equal(await lines.locator('[data-testid="error-box"]').count(), 0, await lines.innerText());
    const numbers = (await lines.locator('[data-testid="edge-line-number"]').allInnerTexts()).map((s) => s.trim());
    assert.deepEqual(numbers, ["+983000505", "+98BANK", "+98PRO", "+9850004001"]);
    const offered = await page.locator("#edge-senders option").evaluateAll((os) => os.map((o) => o.value));
    for (const n of numbers) assert.ok(offered.includes(n), `${n} offered as a sender line`);
    assertClean();
  });

  it("a wrong API key gives an auth error; the key is never shown or logged", async () => {
    expected = [/status of 401/];
    await openEdgeSettings();
    await byId("edge-settings-api-key").fill(BAD_KEY);
    await byId("edge-settings-apply").click();
    const box = byId("edge-credit-out").locator('[data-testid="error-box"]');
    await box.waitFor({ timeout: 15_000 });
    expected = [];
    assert.equal((await box.locator('[data-testid="error-kind"]').innerText()).trim(), "auth");
    assert.equal((await box.locator('[data-testid="error-code"]').innerText()).trim(), "400-1");
    assert.match(await box.locator('[data-testid="error-message-fa"]').innerText(), /[\u0600-\u06FF]/);
    const html = await page.content();
    const text = await page.evaluate(() => document.body.innerText);
    for (const secret of [BAD_KEY, EDGE_KEY]) {
      assert.ok(!html.includes(secret) && !text.includes(secret), `the page never shows the key (${secret === BAD_KEY ? "bad" : "demo"})`);
    }
    assert.ok(!consoleLog.some((l) => l.includes(BAD_KEY) || l.includes(EDGE_KEY)), "the console never logs the key");

    // An empty key is refused by the EdgeClient constructor itself (input, no request).
    const before = requests.length;
    await byId("edge-settings-api-key").fill("");
    await byId("edge-settings-apply").click();
    const refused = byId("edge-settings-out").locator('[data-testid="error-box"]');
    await refused.waitFor();
    assert.equal((await refused.locator('[data-testid="error-kind"]').innerText()).trim(), "input");
    assert.equal(requests.slice(before).filter((u) => u.includes("/edge/v1/")).length, 0);

    await byId("edge-settings-reset").click();
    await edgeCredit();
    assert.equal(await byId("edge-credit-out").locator('[data-testid="error-box"]').count(), 0);
    assertClean();
  });

  it("switches language in Edge mode: English is ltr, Persian is rtl, Edge panels and errors follow", async () => {
    // An error box on the page, to see it follow the language.
    expected = [/status of 422/];
    await setPatternCode("oldpromo789");
    await byId("edge-pattern-submit").click();
    await byId("edge-pattern-out").locator('[data-testid="error-box"]').waitFor({ timeout: 15_000 });
    expected = [];
    await byId("lang-toggle").click();
    assert.equal(await page.getAttribute("html", "dir"), "ltr");
    assert.equal(await page.getAttribute("html", "lang"), "en");
    assert.match(await byId("api-edge").locator("xpath=..").innerText(), /Edge API \(API key\)/);
    assert.match(await byId("api-legacy").locator("xpath=..").innerText(), /Legacy API \(username\/password\)/);
    assert.match(await byId("edge-send-panel").locator("h2").innerText(), /Send a message/);
    assert.match(await byId("edge-lines-panel").locator("h2").innerText(), /Lines/);
    assert.match(await byId("edge-credit-value").innerText(), /rials/);
    assert.match(await byId("edge-delivery-state").innerText(), /final state/);
    assert.match(await byId("edge-delivery-table").innerText(), /delivered|Recipient/);
    assert.match(await byId("edge-send-counter").innerText(), /Characters/);
    assert.match(await byId("edge-inbox-out").innerText(), /From/);
    assert.match(await byId("edge-patterns-out").innerText(), /active/);
    assert.match(await byId("edge-pattern-out").locator(".err-fields-title").innerText(), /Fields/);
    // The page's language first in the error box: English now.
    const order = await byId("edge-pattern-out").locator('[data-testid="error-box"]').evaluate((b) =>
      [getComputedStyle(b.querySelector(".err-en")).order, getComputedStyle(b.querySelector(".err-fa")).order]);
    assert.deepEqual(order, ["0", "1"]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot("edge-en.png", page, { fullPage: true });
    await byId("lang-toggle").click();
    assert.equal(await page.getAttribute("html", "dir"), "rtl");
    assert.equal(await page.getAttribute("html", "lang"), "fa");
    assert.match(await byId("edge-send-panel").locator("h2").innerText(), /ارسال/);
    assert.match(await byId("edge-credit-value").innerText(), /ریال/);
    assert.match(await byId("mode-badge").innerText(), /Edge/);
    await setPatternCode("otpdemo123");
    assertClean();
  });

  it("switches back to the legacy API and again to Edge without fetching the Edge entry twice", async () => {
    await byId("api-legacy").check();
    await page.waitForSelector('body[data-api="legacy"]');
    assert.equal(await byId("edge-app").isVisible(), false);
    assert.equal(await byId("send-panel").isVisible(), true);
    assert.notEqual(await byId("mode-badge").getAttribute("data-mode"), "edge");
    await legacyCredit();
    const fetched = requests.filter((u) => /edge\.browser\.js|ippanel_wasm_edge_bg\.wasm/.test(u)).length;
    await byId("api-edge").check();
    await page.waitForSelector('body[data-api="edge"]');
    await edgeCredit();
    assert.equal(requests.filter((u) => /edge\.browser\.js|ippanel_wasm_edge_bg\.wasm/.test(u)).length, fetched, "the Edge module is loaded once");
    await byId("api-legacy").check();
    await page.waitForSelector('body[data-api="legacy"]');
    assertClean();
  });

  it("opens straight in Edge mode with ?api=edge, and stays readable at phone width", async () => {
    const phone = await browser.newContext({ locale: "en-US", viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const p = await phone.newPage();
    watch(p, "phone");
    await p.goto(`${demo.url}?api=edge`);
    await p.waitForSelector('body[data-ready="1"][data-api="edge"]', { timeout: 20_000 });
    assert.equal(await p.locator('[data-testid="api-edge"]').isChecked(), true);
    await p.waitForFunction(() => document.querySelector('[data-testid="edge-credit-value"]').dataset.state === "ok", null, { timeout: 15_000 });
    const layout = await p.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      lefts: [...document.querySelectorAll("#edge-app .cards > .card")].filter((c) => c.offsetParent !== null)
        .map((c) => Math.round(c.getBoundingClientRect().left)),
    }));
    assert.ok(layout.scrollWidth <= 390, `no horizontal overflow (scrollWidth ${layout.scrollWidth})`);
    assert.equal(new Set(layout.lefts).size, 1, `one column (${layout.lefts})`);
    await p.screenshot({ path: join(SHOTS, "edge-phone-width.png"), fullPage: true });
    await phone.close();
    assertClean();
  });
});
