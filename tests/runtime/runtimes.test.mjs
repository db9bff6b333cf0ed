// The published package, proven from the packed tarball: `npm pack pkg/`, install the tarball
// into a fresh project (tests/runtime/.work/app), and run one smoke scenario (credit, send, a
// wrong password caught with `instanceof IppanelError`, normalizeMobile) against the sandbox in
// Node ESM, Node CommonJS, Deno, Bun, workerd, a plain ESM page in Chromium, and pages built
// by Vite and by webpack; in each, a call to a server that redirects to the sandbox must fail
// rather than follow. Then a strict TypeScript consumer in every module mode, publint and
// @arethetypeswrong/cli on the tarball. Nothing leaves 127.0.0.1.
//
//   node --test tests/runtime/      (needs pkg/: `make pkg`, and /usr/bin/chromium)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import http from "node:http";
import { basename, dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { startSandbox } from "../../sandbox/server.mjs";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const WORK = join(REPO, "tests/runtime/.work");
const APP = join(WORK, "app");
const BIN = join(REPO, "node_modules/.bin");
const CHROMIUM = "/usr/bin/chromium";
const LAUNCH_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
  "--disable-sync", "--no-first-run", "--disable-quic",
];

const run = promisify(execFile);
let sandbox;
/** Answers every request with a 307 to the same path on the sandbox. */
let redirector;
let tarball;
let browser;

/** Runs a command in the app project; its stdout. Fails the test with stderr on a non-zero exit. */
async function sh(file, args, options = {}) {
  try {
    const { stdout } = await run(file, args, { cwd: APP, maxBuffer: 64 << 20, timeout: 180_000, ...options });
    return stdout;
  } catch (err) {
    throw new Error(`${basename(file)} ${args.join(" ")} failed (${err.code}):\n${err.stdout}\n${err.stderr}`);
  }
}

/** The last line of a runtime's output, as the scenario's JSON result. */
const lastJson = (stdout) => JSON.parse(stdout.trim().split("\n").at(-1));

function assertSmoke(runtime, result) {
  // workerd cannot refuse a redirect, only hand it back: an http error with the 307.
  assert.equal(result.redirect, runtime === "workerd" ? "http" : "network", `${runtime}: a redirect is not followed`);
  assert.equal(typeof result.credit, "number", `${runtime}: credit`);
  assert.ok(result.credit > 0, `${runtime}: credit`);
  assert.match(result.bulkId, /^\d+$/, `${runtime}: bulk id`);
  assert.equal(result.wrongIsIppanelError, true, `${runtime}: instanceof IppanelError`);
  assert.equal(result.wrongIsError, true, `${runtime}: instanceof Error`);
  assert.equal(result.wrongKind, "auth", `${runtime}: kind`);
  assert.equal(result.mobile, "+989121234567", `${runtime}: normalizeMobile`);
}

before(async () => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(APP, { recursive: true });
  const packed = JSON.parse((await run("npm", ["pack", join(REPO, "pkg"), "--json", "--pack-destination", WORK], { cwd: REPO })).stdout);
  tarball = join(WORK, packed[0].filename);
  writeFileSync(join(APP, "package.json"), JSON.stringify({
    name: "ippanel-runtime-smoke", private: true, dependencies: { "ippanel-wasm": `file:${tarball}` },
  }, null, 2));
  // The tarball has no dependencies, so nothing is fetched.
  await sh("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"]);
  cpSync(join(REPO, "tests/runtime/fixtures"), APP, { recursive: true });
  // The CommonJS twin of the scenario: the same text, with require() for the import.
  const scenario = readFileSync(join(APP, "smoke.mjs"), "utf8");
  const cjs = scenario
    .replace(/^import \{([^}]+)\} from "ippanel-wasm";$/m, 'const {$1} = require("ippanel-wasm");')
    .replace(/^export async function smoke/m, "async function smoke");
  assert.ok(cjs.includes('require("ippanel-wasm")') && !cjs.includes("export "), "smoke.mjs has the shape the CommonJS twin needs");
  writeFileSync(join(APP, "smoke.cjs"), `${cjs}\nsmoke(process.argv[2], process.argv[3]).then((result) => console.log(JSON.stringify(result)));\n`);
  sandbox = await startSandbox({ port: 0, quiet: true });
  const server = http.createServer((req, res) => {
    res.writeHead(307, { location: `${sandbox.url}${req.url}`, "access-control-allow-origin": "*" });
    res.end();
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  redirector = { url: `http://127.0.0.1:${server.address().port}`, server };
});

after(async () => {
  await browser?.close();
  await sandbox?.close();
  redirector?.server.closeAllConnections();
  redirector?.server.close();
});

test("the tarball holds the package and nothing else", () => {
  const files = readdirSync(join(APP, "node_modules/ippanel-wasm"), { recursive: true }).sort();
  for (const needed of ["package.json", "README.md", "browser.js", "node.mjs", "node.cjs", "deno.js", "workerd.js", "index.d.ts", "index.d.cts", "ippanel_wasm_bg.wasm"]) {
    assert.ok(files.includes(needed), `${needed} is in the tarball: ${files.join(", ")}`);
  }
  assert.deepEqual(files.filter((f) => /\.(rs|toml|map|test\.mjs)$|^src|^tests/.test(f)), [], "no sources or tests");
  assert.equal(files.filter((f) => f.endsWith(".wasm")).length, 1, "one wasm for every runtime");
});

test("Node, ES module", async () => {
  assertSmoke("node esm", lastJson(await sh(process.execPath, ["main.mjs", sandbox.url, redirector.url])));
});

test("Node, CommonJS require()", async () => {
  assertSmoke("node cjs", lastJson(await sh(process.execPath, ["smoke.cjs", sandbox.url, redirector.url])));
});

test("Deno", async () => {
  // Network access to the sandbox and nothing else: no --allow-read, because the deno entry
  // gets the wasm through a source-phase import rather than by reading the file.
  const out = await sh(join(BIN, "deno"), ["run", "--quiet", "--no-prompt", "--allow-net=127.0.0.1", "main.mjs", sandbox.url, redirector.url], {
    env: { ...process.env, DENO_NO_UPDATE_CHECK: "1", DENO_DIR: join(WORK, "deno-cache") },
  });
  assertSmoke("deno", lastJson(out));
});

test("Bun", async () => {
  assertSmoke("bun", lastJson(await sh(join(BIN, "bun"), ["main.mjs", sandbox.url, redirector.url], { env: { ...process.env, BUN_INSTALL_CACHE_DIR: join(WORK, "bun-cache") } })));
});

/**
 * Bundles `entry` as wrangler does (esbuild with the workerd/worker/browser conditions; a .wasm
 * import stays a module of its own, which workerd hands over compiled, since it refuses to
 * compile bytes at run time), runs it in workerd (Miniflare) with `bindings`, and returns the
 * response to one request.
 */
async function runWorker(entry, bindings) {
  const { build } = await import("esbuild");
  const { Miniflare } = await import("miniflare");
  const outdir = join(dirname(entry), "dist-worker");
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    outfile: join(outdir, "index.js"),
    conditions: ["workerd", "worker", "browser"],
    absWorkingDir: APP,
    logLevel: "silent",
    plugins: [{
      name: "wasm-module",
      setup(b) {
        b.onResolve({ filter: /\.wasm$/ }, (args) => {
          copyFileSync(resolve(args.resolveDir, args.path), join(outdir, basename(args.path)));
          return { path: "./" + basename(args.path), external: true };
        });
      },
    }],
  });
  const wasm = readdirSync(outdir).filter((f) => f.endsWith(".wasm"));
  assert.equal(wasm.length, 1, "the worker imports the package's .wasm as a module");
  const mf = new Miniflare({
    modules: [
      { type: "ESModule", path: join(outdir, "index.js") },
      { type: "CompiledWasm", path: join(outdir, wasm[0]) },
    ],
    modulesRoot: outdir,
    compatibilityDate: "2025-09-01",
    bindings,
  });
  try {
    const response = await mf.dispatchFetch("http://worker.test/");
    return { status: response.status, text: await response.text() };
  } finally {
    await mf.dispose();
  }
}

test("Cloudflare Workers (workerd), bundled as wrangler bundles it", async () => {
  const { status, text } = await runWorker(join(APP, "worker.mjs"), { SANDBOX_URL: sandbox.url, REDIRECT_URL: redirector.url });
  assert.equal(status, 200, text);
  assertSmoke("workerd", JSON.parse(text));
});

/** Serves `root` on 127.0.0.1 with the right types for .js/.mjs/.wasm. */
async function serve(root) {
  const types = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };
  const server = http.createServer((req, res) => {
    const path = join(root, decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (!path.startsWith(root)) { res.writeHead(403); return res.end(); }
    try {
      const body = readFileSync(path);
      res.writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }) };
}

/** Opens `page` of a site served from `root` in headless Chromium and returns `read(tab)`. */
async function inChromium(root, page, read) {
  if (!browser) {
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  }
  const site = await serve(root);
  const context = await browser.newContext();
  const tab = await context.newPage();
  const problems = [];
  tab.on("pageerror", (err) => problems.push(String(err)));
  try {
    await tab.goto(`${site.url}/${page}?sandbox=${encodeURIComponent(sandbox.url)}&redirect=${encodeURIComponent(redirector.url)}`);
    return await read(tab, problems);
  } finally {
    await context.close();
    await site.close();
  }
}

/** The smoke scenario's result from a page that runs page.mjs. */
function smokeInChromium(root, page) {
  return inChromium(root, page, async (tab, problems) => {
    await tab.waitForFunction(() => window.__smoke !== undefined, null, { timeout: 20_000 }).catch(() => {
      throw new Error(`the page never ran its module: ${problems.join("; ")}`);
    });
    const outcome = await tab.evaluate(() => window.__smoke);
    assert.ok(outcome.ok, outcome.error);
    return outcome.result;
  });
}

test("Chromium: a plain ES-module page with an import map", async () => {
  assertSmoke("chromium plain esm", await smokeInChromium(APP, "plain.html"));
});

test("Chromium: a page built by Vite", async () => {
  writeFileSync(join(APP, "vite.config.mjs"), `export default { base: "./", logLevel: "error", build: { outDir: "dist-vite", rollupOptions: { input: "vite.html" } } };\n`);
  await sh(process.execPath, [join(REPO, "node_modules/vite/bin/vite.js"), "build"]);
  const built = readdirSync(join(APP, "dist-vite"), { recursive: true });
  assert.ok(built.some((f) => f.endsWith(".wasm")), `Vite emitted the .wasm as an asset: ${built.join(", ")}`);
  assertSmoke("chromium vite", await smokeInChromium(join(APP, "dist-vite"), "vite.html"));
});

test("Chromium: a page built by webpack", async () => {
  writeFileSync(join(APP, "webpack.config.cjs"), `module.exports = { mode: "production", entry: "./page.mjs", target: "web",
  output: { path: require("path").join(__dirname, "dist-webpack"), filename: "main.js", clean: true } };\n`);
  await sh(process.execPath, [join(REPO, "node_modules/webpack-cli/bin/cli.js"), "--config", "webpack.config.cjs"]);
  copyFileSync(join(APP, "webpack.html"), join(APP, "dist-webpack/index.html"));
  const built = readdirSync(join(APP, "dist-webpack"));
  assert.ok(built.some((f) => f.endsWith(".wasm")), `webpack emitted the .wasm as an asset: ${built.join(", ")}`);
  assertSmoke("chromium webpack", await smokeInChromium(join(APP, "dist-webpack"), "index.html"));
});

test("TypeScript --strict: the types resolve in every module mode, ESM and CommonJS", async () => {
  const consumer = readFileSync(join(REPO, "tests/types/consumer.ts"), "utf8");
  const base = { strict: true, noEmit: true, target: "ES2022", lib: ["ES2022", "DOM"], types: [], skipLibCheck: false };
  const modes = {
    // Node's own rules, an ES module and a CommonJS file (require resolves index.d.cts).
    "tsconfig.nodenext.json": [{ ...base, module: "NodeNext", moduleResolution: "NodeNext" }, ["consumer.mts", "consumer.cts"]],
    // Node 16 rules, the same two files.
    "tsconfig.node16.json": [{ ...base, module: "Node16", moduleResolution: "Node16" }, ["consumer.mts", "consumer.cts"]],
    // Bundlers (Vite, webpack, esbuild).
    "tsconfig.bundler.json": [{ ...base, module: "ESNext", moduleResolution: "Bundler" }, ["consumer.ts"]],
  };
  for (const file of ["consumer.mts", "consumer.cts", "consumer.ts"]) writeFileSync(join(APP, file), consumer);
  for (const [name, [compilerOptions, files]] of Object.entries(modes)) {
    writeFileSync(join(APP, name), JSON.stringify({ compilerOptions, files }));
    await sh(process.execPath, [join(REPO, "node_modules/typescript/bin/tsc"), "-p", name]);
  }
  // And a misuse the types must catch, so the checks above cannot pass vacuously.
  writeFileSync(join(APP, "misuse.mts"), `import { Client } from "ippanel-wasm";\nnew Client({ username: "u", password: "p" }).send({ from: 3000505, to: "x", message: "m" });\n`);
  writeFileSync(join(APP, "tsconfig.misuse.json"), JSON.stringify({ compilerOptions: modes["tsconfig.nodenext.json"][0], files: ["misuse.mts"] }));
  await assert.rejects(sh(process.execPath, [join(REPO, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.misuse.json"]), /TS2322/);
});

test("publint: no errors, no warnings", async () => {
  const out = await sh(process.execPath, [join(REPO, "node_modules/publint/src/cli.js"), join(APP, "node_modules/ippanel-wasm"), "--strict"]);
  assert.doesNotMatch(out, /error|warning|suggestion/i, out);
});

test("@arethetypeswrong/cli on the tarball: no problems in any resolution mode", async () => {
  // ./wasm is the binary itself, not a module with types: it is left out of the check.
  const out = await sh(process.execPath, [join(REPO, "node_modules/@arethetypeswrong/cli/dist/index.js"), tarball, "--format", "json", "--exclude-entrypoints", "./wasm"]);
  const report = JSON.parse(out);
  assert.ok(report.analysis.entrypoints["."], "the main entry was analysed");
  assert.deepEqual(Object.values(report.problems ?? {}).flat(), [], JSON.stringify(report.problems));
});

test("README: every runtime's example runs as written", async () => {
  const readme = readFileSync(join(REPO, "README.md"), "utf8");
  const examples = [...readme.matchAll(/<!-- example: (\S+) (\S+) -->\n```\w+\n([\s\S]*?)\n```/g)]
    .map(([, runtime, file, code]) => ({ runtime, file, code }));
  assert.deepEqual(examples.map((e) => e.runtime), ["node-esm", "node-cjs", "deno", "bun", "workerd", "browser"]);
  const account = { IPPANEL_USER: "demo", IPPANEL_PASS: "demo-pass-1234", IPPANEL_URL: sandbox.url };
  const env = { ...process.env, ...account, DENO_NO_UPDATE_CHECK: "1", DENO_DIR: join(WORK, "deno-cache"), BUN_INSTALL_CACHE_DIR: join(WORK, "bun-cache") };
  for (const { runtime, file, code } of examples) {
    const dir = join(APP, "readme", runtime);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, file);
    writeFileSync(path, code + "\n");
    const label = `README example for ${runtime}`;
    if (runtime === "workerd") {
      const { status, text } = await runWorker(path, account);
      assert.equal(status, 200, `${label}: ${text}`);
      assert.equal(typeof JSON.parse(text).credit, "number", `${label}: ${text}`);
      continue;
    }
    if (runtime === "browser") {
      // The import map's path is relative to the page: it sits beside node_modules/.
      writeFileSync(join(APP, "readme-browser.html"), code);
      const shown = await inChromium(APP, "readme-browser.html", async (tab) => {
        await tab.waitForFunction(() => document.getElementById("count")?.textContent, null, { timeout: 20_000 });
        await tab.fill("#message", "x".repeat(161));
        return [await tab.textContent("#count")];
      });
      assert.deepEqual(shown, ["2 part(s), 145 characters left (gsm7)"], label);
      continue;
    }
    const command = {
      "node-esm": [process.execPath, [path]],
      "node-cjs": [process.execPath, [path]],
      deno: [join(BIN, "deno"), ["run", "--quiet", "--no-prompt", "--allow-net=127.0.0.1", "--allow-env", path]],
      bun: [join(BIN, "bun"), [path]],
    }[runtime];
    const out = await sh(command[0], command[1], { env });
    assert.match(out, /^credit: \d+(\.\d+)?$/m, `${label}: ${out}`);
  }
});
