// The published package, proven from the packed tarball: `npm pack pkg/`, install the tarball
// into a fresh project (tests/runtime/.work/app), and run one smoke scenario (credit, send, a
// wrong password caught with `instanceof IppanelError`, normalizeMobile) against the sandbox in
// Node ESM, Node CommonJS, Deno, Bun, workerd, a plain ESM page in Chromium, and pages built
// by Vite and by webpack; in each, a call to a server that redirects to the sandbox must fail
// rather than follow. The second entry, `ippanel-wasm/edge`, runs its own scenario (credit, a
// send, a wrong API key, the redirect) in the same runtimes from the same install, with its
// IppanelError checked to be the main entry's class; and a user of one entry loads none of
// the other's WebAssembly (the files Node and Bun read, the modules a worker bundle carries,
// the requests a page makes, the assets Vite and webpack emit). Then strict TypeScript
// consumers of both entries in every module mode, publint and @arethetypeswrong/cli on the
// tarball. Nothing leaves 127.0.0.1.
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

/** Each entry's WebAssembly file, by the name the package gives it. */
const MAIN_WASM = "ippanel_wasm_bg.wasm";
const EDGE_WASM = "ippanel_wasm_edge_bg.wasm";

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
  // Node and Bun report the .wasm files the process read (Deno imports it: null).
  if (result.wasm) assert.deepEqual(result.wasm, [MAIN_WASM], `${runtime}: the main entry reads its own wasm and not the Edge one`);
}

/**
 * The Edge scenario's result (fixtures/edge-smoke.mjs). `withMain`: the runtime also imported
 * the main entry, so the class check ran.
 */
function assertEdgeSmoke(runtime, result, { withMain = true } = {}) {
  assert.equal(result.redirect, runtime === "workerd" ? "http" : "network", `${runtime}: a redirect is not followed`);
  assert.equal(typeof result.credit, "number", `${runtime}: credit`);
  assert.ok(result.credit > 0, `${runtime}: credit`);
  assert.equal(result.messageOutboxIds?.length, 1, `${runtime}: one outbox id: ${JSON.stringify(result.messageOutboxIds)}`);
  assert.match(result.messageOutboxIds[0], /^\d+$/, `${runtime}: outbox id`);
  assert.equal(result.wrongIsIppanelError, true, `${runtime}: instanceof IppanelError (ippanel-wasm/edge)`);
  assert.equal(result.wrongIsError, true, `${runtime}: instanceof Error`);
  assert.equal(result.wrongKind, "auth", `${runtime}: kind`);
  assert.deepEqual(result.wrongFieldErrors, {}, `${runtime}: fieldErrors`);
  assert.equal(result.sameClass, withMain ? true : null, `${runtime}: ippanel-wasm/edge's IppanelError is ippanel-wasm's`);
  assert.equal(result.wrongIsMainIppanelError, withMain ? true : null, `${runtime}: instanceof the main entry's IppanelError`);
  if (result.wasm) {
    assert.deepEqual(result.wasmEdgeOnly, [EDGE_WASM], `${runtime}: the Edge entry reads its own wasm and not the main one`);
    assert.deepEqual(result.wasm, [EDGE_WASM, MAIN_WASM], `${runtime}: the main entry, imported afterwards, reads its own`);
  }
}

/**
 * The CommonJS twin of a scenario module: the same text with require() for its imports of the
 * package, `head` before it (run before anything is required) and `tail` after it.
 */
function cjsTwin(file, head, tail) {
  const scenario = readFileSync(join(APP, file), "utf8");
  const body = scenario
    .replace(/^import \{([^}]+)\} from "(ippanel-wasm(?:\/edge)?)";$/gm, 'const {$1} = require("$2");')
    .replace(/^export async function smoke/m, "async function smoke");
  assert.ok(body.includes('require("ippanel-wasm') && !/^(import|export) /m.test(body), `${file} has the shape the CommonJS twin needs`);
  writeFileSync(join(APP, file.replace(/\.mjs$/, ".cjs")), `${head}\n${body}\n${tail}\n`);
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
  // The CommonJS twins of the scenarios, watching the .wasm files read from the first line on.
  const watch = 'const wasm = require("./wasm-reads.cjs").watchWasmReads();';
  cjsTwin("smoke.mjs", watch, "smoke(process.argv[2], process.argv[3]).then((result) => console.log(JSON.stringify({ ...result, wasm })));");
  cjsTwin("edge-smoke.mjs", watch, [
    "let wasmEdgeOnly = null;",
    'const loadMain = async () => { wasmEdgeOnly = [...wasm]; return require("ippanel-wasm"); };',
    "smoke(process.argv[2], process.argv[3], loadMain).then((result) => console.log(JSON.stringify({ ...result, wasmEdgeOnly, wasm })));",
  ].join("\n"));
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
  for (const needed of [
    "package.json", "README.md", "browser.js", "node.mjs", "node.cjs", "deno.js", "workerd.js", "index.d.ts", "index.d.cts", MAIN_WASM,
    "edge.browser.js", "edge.node.mjs", "edge.node.cjs", "edge.deno.js", "edge.workerd.js", "edge.d.ts", "edge.d.cts", EDGE_WASM,
  ]) {
    assert.ok(files.includes(needed), `${needed} is in the tarball: ${files.join(", ")}`);
  }
  assert.deepEqual(files.filter((f) => /\.(rs|toml|map|test\.mjs)$|^src|^tests/.test(f)), [], "no sources or tests");
  assert.deepEqual(files.filter((f) => f.endsWith(".wasm")), [MAIN_WASM, EDGE_WASM], "one wasm per entry, shared by every runtime");
});

/**
 * The package files `file` (relative to `root`) brings in, itself included: the closure of the
 * string literals in each file that name one of the package's files (`"./x.js"` from
 * `import`/`require`/`new URL`, and bare `"x.wasm"` as wasm-bindgen and the CommonJS loader
 * write it, relative to the file or the package root).
 */
function reachable(root, file) {
  const seen = new Set();
  const visit = (rel) => {
    if (seen.has(rel)) return;
    seen.add(rel);
    if (!/\.(m?js|cjs)$/.test(rel)) return;
    for (const [, literal] of readFileSync(join(root, rel), "utf8").matchAll(/["']((?:\.{1,2}\/)*[\w./-]+\.(?:m?js|cjs|wasm))["']/g)) {
      for (const candidate of [join(dirname(rel), literal), literal.replace(/^(\.{1,2}\/)+/, "")]) {
        try {
          readFileSync(join(root, candidate));
          visit(candidate.split("\\").join("/"));
          break;
        } catch {}
      }
    }
  };
  visit(file);
  return [...seen].sort();
}

test("each entry's files, in every runtime's condition, bring in its own wasm and none of the other entry's files", () => {
  const root = join(APP, "node_modules/ippanel-wasm");
  const { exports } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  /** Every JavaScript file a condition of `subpath` resolves to. */
  const targets = (subpath) => {
    const out = new Set();
    const walk = (node) => (typeof node === "string" ? out.add(node.replace(/^\.\//, "")) : Object.entries(node).forEach(([k, v]) => k !== "types" && walk(v)));
    walk(exports[subpath]);
    return [...out].sort();
  };
  assert.deepEqual(targets("."), ["browser.js", "deno.js", "node.cjs", "node.mjs", "workerd.js"]);
  assert.deepEqual(targets("./edge"), ["edge.browser.js", "edge.deno.js", "edge.node.cjs", "edge.node.mjs", "edge.workerd.js"]);
  const files = (subpath) => new Set(targets(subpath).flatMap((entry) => reachable(root, entry)));
  const main = files(".");
  const edge = files("./edge");
  for (const entry of targets(".")) {
    assert.deepEqual(reachable(root, entry).filter((f) => f.endsWith(".wasm")), [MAIN_WASM], `${entry} loads the main wasm only`);
  }
  for (const entry of targets("./edge")) {
    assert.deepEqual(reachable(root, entry).filter((f) => f.endsWith(".wasm")), [EDGE_WASM], `${entry} loads the Edge wasm only`);
  }
  // What both use is the shared error class's file, and only that.
  assert.deepEqual([...main].filter((f) => edge.has(f)), ["ippanel_error.cjs"], "files both entries load");
});

test("Node, ES module", async () => {
  assertSmoke("node esm", lastJson(await sh(process.execPath, ["main.mjs", sandbox.url, redirector.url])));
});

test("Node, CommonJS require()", async () => {
  assertSmoke("node cjs", lastJson(await sh(process.execPath, ["smoke.cjs", sandbox.url, redirector.url])));
});

test("Node, ES module: ippanel-wasm/edge", async () => {
  assertEdgeSmoke("node esm", lastJson(await sh(process.execPath, ["edge-main.mjs", sandbox.url, redirector.url])));
});

test("Node, CommonJS require(): ippanel-wasm/edge", async () => {
  assertEdgeSmoke("node cjs", lastJson(await sh(process.execPath, ["edge-smoke.cjs", sandbox.url, redirector.url])));
});

/** Runs `script` in Deno with network access to the sandbox and nothing else. */
function deno(script) {
  // No --allow-read: the deno entries get their wasm through a source-phase import rather than
  // by reading the file.
  return sh(join(BIN, "deno"), ["run", "--quiet", "--no-prompt", "--allow-net=127.0.0.1", script, sandbox.url, redirector.url], {
    env: { ...process.env, DENO_NO_UPDATE_CHECK: "1", DENO_DIR: join(WORK, "deno-cache") },
  });
}

test("Deno", async () => {
  assertSmoke("deno", lastJson(await deno("main.mjs")));
});

test("Deno: ippanel-wasm/edge", async () => {
  assertEdgeSmoke("deno", lastJson(await deno("edge-main.mjs")));
});

const bun = (script) => sh(join(BIN, "bun"), [script, sandbox.url, redirector.url], { env: { ...process.env, BUN_INSTALL_CACHE_DIR: join(WORK, "bun-cache") } });

test("Bun", async () => {
  assertSmoke("bun", lastJson(await bun("main.mjs")));
});

test("Bun: ippanel-wasm/edge", async () => {
  assertEdgeSmoke("bun", lastJson(await bun("edge-main.mjs")));
});

/**
 * Bundles `entry` as wrangler does (esbuild with the workerd/worker/browser conditions; a .wasm
 * import stays a module of its own, which workerd hands over compiled, since it refuses to
 * compile bytes at run time) into a folder of its own; that folder and the .wasm modules the
 * bundle imports.
 */
async function bundleWorker(entry) {
  const { build } = await import("esbuild");
  const outdir = join(dirname(entry), `dist-worker-${basename(entry, extname(entry))}`);
  rmSync(outdir, { recursive: true, force: true });
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
  const wasm = readdirSync(outdir).filter((f) => f.endsWith(".wasm")).sort();
  assert.ok(wasm.length > 0, "the worker imports the package's .wasm as a module");
  return { outdir, wasm };
}

/**
 * Bundles `entry` (bundleWorker), runs it in workerd (Miniflare) with `bindings`, and returns
 * the response to one request and the bundle's .wasm modules.
 */
async function runWorker(entry, bindings) {
  const { Miniflare } = await import("miniflare");
  const { outdir, wasm } = await bundleWorker(entry);
  const mf = new Miniflare({
    modules: [
      { type: "ESModule", path: join(outdir, "index.js") },
      ...wasm.map((name) => ({ type: "CompiledWasm", path: join(outdir, name) })),
    ],
    modulesRoot: outdir,
    compatibilityDate: "2025-09-01",
    bindings,
  });
  try {
    const response = await mf.dispatchFetch("http://worker.test/");
    return { status: response.status, text: await response.text(), wasm };
  } finally {
    await mf.dispose();
  }
}

test("Cloudflare Workers (workerd), bundled as wrangler bundles it", async () => {
  const { status, text, wasm } = await runWorker(join(APP, "worker.mjs"), { SANDBOX_URL: sandbox.url, REDIRECT_URL: redirector.url });
  assert.equal(status, 200, text);
  assertSmoke("workerd", JSON.parse(text));
  assert.deepEqual(wasm, [MAIN_WASM], "a worker using the main entry carries its wasm and not the Edge one");
});

test("Cloudflare Workers (workerd): ippanel-wasm/edge, and a worker using it alone carries only its wasm", async () => {
  const { status, text, wasm } = await runWorker(join(APP, "edge-worker.mjs"), { SANDBOX_URL: sandbox.url, REDIRECT_URL: redirector.url });
  assert.equal(status, 200, text);
  assertEdgeSmoke("workerd", JSON.parse(text));
  assert.deepEqual(wasm, [MAIN_WASM, EDGE_WASM], "a worker using both entries carries both wasm modules");
  // The scenario module imports the Edge entry alone: what an Edge-only worker is made of.
  assert.deepEqual((await bundleWorker(join(APP, "edge-smoke.mjs"))).wasm, [EDGE_WASM], "an Edge-only worker carries the Edge wasm and not the main one");
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

/**
 * Opens `page` of a site served from `root` in headless Chromium and returns `read(tab,
 * problems, requests)`; `requests` collects the URL of every request the page makes.
 */
async function inChromium(root, page, read) {
  if (!browser) {
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  }
  const site = await serve(root);
  const context = await browser.newContext();
  const tab = await context.newPage();
  const problems = [];
  const requests = [];
  tab.on("pageerror", (err) => problems.push(String(err)));
  tab.on("request", (request) => requests.push(request.url()));
  try {
    await tab.goto(`${site.url}/${page}?sandbox=${encodeURIComponent(sandbox.url)}&redirect=${encodeURIComponent(redirector.url)}`);
    return await read(tab, problems, requests);
  } finally {
    await context.close();
    await site.close();
  }
}

/**
 * Which entry's WebAssembly `bytes` are (MAIN_WASM or EDGE_WASM), by content: bundlers rename
 * the file (webpack to a bare hash).
 */
function wasmOf(bytes) {
  for (const name of [MAIN_WASM, EDGE_WASM]) {
    if (Buffer.compare(bytes, readFileSync(join(APP, "node_modules/ippanel-wasm", name))) === 0) return name;
  }
  return `an unknown wasm of ${bytes.length} bytes`;
}

/** The .wasm files under `dir` (a build's output), each as the entry's file it is a copy of. */
const emittedWasm = (dir) =>
  readdirSync(dir, { recursive: true }).filter((f) => f.endsWith(".wasm")).map((f) => wasmOf(readFileSync(join(dir, f)))).sort();

/**
 * The smoke scenario's result from a page that runs page.mjs, page-edge.mjs or page-both.mjs,
 * with `fetched`: every .wasm the page requested from the site (as wasmOf names it), and every
 * file of the installed package it requested directly (an unbundled page), sorted.
 */
function smokeInChromium(root, page) {
  return inChromium(root, page, async (tab, problems, requests) => {
    await tab.waitForFunction(() => window.__smoke !== undefined, null, { timeout: 20_000 }).catch(() => {
      throw new Error(`the page never ran its module: ${problems.join("; ")}`);
    });
    const outcome = await tab.evaluate(() => window.__smoke);
    assert.ok(outcome.ok, outcome.error);
    const site = new URL(tab.url()).origin;
    const paths = requests.filter((u) => u.startsWith(`${site}/`)).map((u) => decodeURIComponent(new URL(u).pathname));
    const wasm = paths.filter((p) => p.endsWith(".wasm")).map((p) => wasmOf(readFileSync(join(root, p)))).sort();
    const packageFiles = paths.filter((p) => p.startsWith("/node_modules/ippanel-wasm/")).map((p) => p.slice("/node_modules/ippanel-wasm/".length)).sort();
    return { ...outcome.result, fetched: { wasm, packageFiles } };
  });
}

test("Chromium: a plain ES-module page with an import map", async () => {
  const result = await smokeInChromium(APP, "plain.html");
  assertSmoke("chromium plain esm", result);
  assert.deepEqual(result.fetched, { wasm: [MAIN_WASM], packageFiles: ["browser.js", MAIN_WASM] }, "the page fetches the main entry and nothing of the Edge one");
});

test("Chromium: ippanel-wasm/edge in a plain ES-module page with an import map", async () => {
  const alone = await smokeInChromium(APP, "plain-edge.html");
  assertEdgeSmoke("chromium plain esm", alone, { withMain: false });
  assert.deepEqual(alone.fetched, { wasm: [EDGE_WASM], packageFiles: ["edge.browser.js", EDGE_WASM] }, "an Edge-only page fetches the Edge entry and nothing of the main one");
  const both = await smokeInChromium(APP, "plain-both.html");
  assertEdgeSmoke("chromium plain esm, both entries", both);
  assert.deepEqual(both.fetched.wasm, [MAIN_WASM, EDGE_WASM], "a page using both entries fetches both wasm files");
});

/** Builds `html` with Vite into `outDir` (under APP); the built folder. */
async function viteBuild(html, outDir) {
  const config = `vite.config.${basename(html, ".html")}.mjs`;
  writeFileSync(join(APP, config), `export default { base: "./", logLevel: "error", build: { outDir: ${JSON.stringify(outDir)}, emptyOutDir: true, rollupOptions: { input: ${JSON.stringify(html)} } } };\n`);
  await sh(process.execPath, [join(REPO, "node_modules/vite/bin/vite.js"), "build", "--config", config]);
  return join(APP, outDir);
}

test("Chromium: a page built by Vite", async () => {
  const dist = await viteBuild("vite.html", "dist-vite");
  assert.deepEqual(emittedWasm(dist), [MAIN_WASM], `Vite emitted the main entry's .wasm as an asset, and not the Edge one: ${readdirSync(dist, { recursive: true }).join(", ")}`);
  const result = await smokeInChromium(dist, "vite.html");
  assertSmoke("chromium vite", result);
  assert.deepEqual(result.fetched.wasm, [MAIN_WASM], "the page fetches the main wasm only");
});

test("Chromium: ippanel-wasm/edge in pages built by Vite (alone, and beside the main entry)", async () => {
  const [alone, both] = await Promise.all([viteBuild("vite-edge.html", "dist-vite-edge"), viteBuild("vite-both.html", "dist-vite-both")]);
  assert.deepEqual(emittedWasm(alone), [EDGE_WASM], `an Edge-only app's build has the Edge .wasm and no ${MAIN_WASM}: ${readdirSync(alone, { recursive: true }).join(", ")}`);
  const edge = await smokeInChromium(alone, "vite-edge.html");
  assertEdgeSmoke("chromium vite", edge, { withMain: false });
  assert.deepEqual(edge.fetched.wasm, [EDGE_WASM], "the Edge-only page fetches the Edge wasm only");
  assert.deepEqual(emittedWasm(both), [MAIN_WASM, EDGE_WASM], "an app using both entries has both .wasm assets");
  assertEdgeSmoke("chromium vite, both entries", await smokeInChromium(both, "vite-both.html"));
});

/**
 * Builds each `[entry, outDir]` (a page module, a folder under APP) with webpack, in one run,
 * with webpack.html as each one's page; the built folders.
 */
async function webpackBuild(...builds) {
  const config = `webpack.config.${basename(builds[0][0], ".mjs")}.cjs`;
  const one = ([entry, outDir]) => `{ mode: "production", entry: ${JSON.stringify(`./${entry}`)}, target: "web",
  output: { path: require("path").join(__dirname, ${JSON.stringify(outDir)}), filename: "main.js", clean: true } }`;
  writeFileSync(join(APP, config), `module.exports = ${builds.length === 1 ? one(builds[0]) : `[${builds.map(one).join(", ")}]`};\n`);
  await sh(process.execPath, [join(REPO, "node_modules/webpack-cli/bin/cli.js"), "--config", config]);
  return builds.map(([, outDir]) => {
    copyFileSync(join(APP, "webpack.html"), join(APP, outDir, "index.html"));
    return join(APP, outDir);
  });
}

test("Chromium: a page built by webpack", async () => {
  const [dist] = await webpackBuild(["page.mjs", "dist-webpack"]);
  assert.deepEqual(emittedWasm(dist), [MAIN_WASM], `webpack emitted the main entry's .wasm as an asset, and not the Edge one: ${readdirSync(dist).join(", ")}`);
  const result = await smokeInChromium(dist, "index.html");
  assertSmoke("chromium webpack", result);
  assert.deepEqual(result.fetched.wasm, [MAIN_WASM], "the page fetches the main wasm only");
});

test("Chromium: ippanel-wasm/edge in pages built by webpack (alone, and beside the main entry)", async () => {
  const [alone, both] = await webpackBuild(["page-edge.mjs", "dist-webpack-edge"], ["page-both.mjs", "dist-webpack-both"]);
  assert.deepEqual(emittedWasm(alone), [EDGE_WASM], `an Edge-only app's build has the Edge .wasm and no copy of ${MAIN_WASM}: ${readdirSync(alone).join(", ")}`);
  const edge = await smokeInChromium(alone, "index.html");
  assertEdgeSmoke("chromium webpack", edge, { withMain: false });
  assert.deepEqual(edge.fetched.wasm, [EDGE_WASM], "the Edge-only page fetches the Edge wasm only");
  assert.deepEqual(emittedWasm(both), [MAIN_WASM, EDGE_WASM], "an app using both entries has both .wasm assets");
  assertEdgeSmoke("chromium webpack, both entries", await smokeInChromium(both, "index.html"));
});

test("TypeScript --strict: the types of both entries resolve in every module mode, ESM and CommonJS", async () => {
  // tests/types/: consumer.ts uses every export of the main entry, edge.ts every export of
  // ippanel-wasm/edge (with @ts-expect-error lines, which fail if the types came out as any).
  const sources = { consumer: readFileSync(join(REPO, "tests/types/consumer.ts"), "utf8"), edge: readFileSync(join(REPO, "tests/types/edge.ts"), "utf8") };
  const base = { strict: true, noEmit: true, target: "ES2022", lib: ["ES2022", "DOM"], types: [], skipLibCheck: false };
  const both = (ext) => [`consumer.${ext}`, `edge.${ext}`];
  const modes = {
    // Node's own rules, ES modules and CommonJS files (require resolves index.d.cts and edge.d.cts).
    "tsconfig.nodenext.json": [{ ...base, module: "NodeNext", moduleResolution: "NodeNext" }, [...both("mts"), ...both("cts")]],
    // Node 16 rules, the same files.
    "tsconfig.node16.json": [{ ...base, module: "Node16", moduleResolution: "Node16" }, [...both("mts"), ...both("cts")]],
    // Bundlers (Vite, webpack, esbuild).
    "tsconfig.bundler.json": [{ ...base, module: "ESNext", moduleResolution: "Bundler" }, both("ts")],
  };
  for (const [name, text] of Object.entries(sources)) for (const ext of ["mts", "cts", "ts"]) writeFileSync(join(APP, `${name}.${ext}`), text);
  const declarations = (listed) => listed.split("\n").map((l) => l.trim()).filter((l) => l.includes("/node_modules/ippanel-wasm/")).map((l) => basename(l)).sort();
  // And misuses the types must catch, in ESM and CommonJS, so the checks cannot pass vacuously.
  writeFileSync(join(APP, "misuse.mts"), `import { Client } from "ippanel-wasm";\nnew Client({ username: "u", password: "p" }).send({ from: 3000505, to: "x", message: "m" });\n`);
  writeFileSync(join(APP, "misuse-edge.mts"), `import { EdgeClient } from "ippanel-wasm/edge";\nnew EdgeClient({ apiKey: "k" }).send({ from: 3000505, to: "x", message: "m" });\n`);
  writeFileSync(join(APP, "misuse-edge.cts"), `import { EdgeClient } from "ippanel-wasm/edge";\nnew EdgeClient({ apiKey: 1234 });\n`);
  const misuses = ["misuse.mts", "misuse-edge.mts", "misuse-edge.cts"];
  writeFileSync(join(APP, "tsconfig.misuse.json"), JSON.stringify({ compilerOptions: modes["tsconfig.nodenext.json"][0], files: misuses }));
  const tsc = (config, ...args) => sh(process.execPath, [join(REPO, "node_modules/typescript/bin/tsc"), "-p", config, ...args]);
  // The compilers run side by side: each is a process of its own.
  const [failure] = await Promise.all([
    tsc("tsconfig.misuse.json").then(() => "", (err) => err.message),
    ...Object.entries(modes).map(async ([name, [compilerOptions, files]]) => {
      writeFileSync(join(APP, name), JSON.stringify({ compilerOptions, files }));
      const listed = await tsc(name, "--listFiles");
      // The ES module files get the .d.ts, the CommonJS ones the .d.cts, of each entry.
      const expected = name === "tsconfig.bundler.json" ? ["edge.d.ts", "index.d.ts"] : ["edge.d.cts", "edge.d.ts", "index.d.cts", "index.d.ts"];
      assert.deepEqual(declarations(listed), expected, `${name}: the declarations tsc read`);
    }),
  ]);
  for (const file of misuses) assert.match(failure, new RegExp(`^${file.replace(".", "\\.")}\\(2,\\d+\\): error TS2322`, "m"), `${file} must not compile:\n${failure}`);
});

test("publint: no errors, no warnings", async () => {
  const out = await sh(process.execPath, [join(REPO, "node_modules/publint/src/cli.js"), join(APP, "node_modules/ippanel-wasm"), "--strict"]);
  assert.doesNotMatch(out, /error|warning|suggestion/i, out);
});

test("@arethetypeswrong/cli on the tarball: no problems in any resolution mode", async () => {
  // ./wasm and ./edge/wasm are the binaries themselves, not modules with types (attw reports
  // them as "Resolution failed"): they are left out of the check.
  const out = await sh(process.execPath, [join(REPO, "node_modules/@arethetypeswrong/cli/dist/index.js"), tarball, "--format", "json", "--exclude-entrypoints", "./wasm", "./edge/wasm"]);
  const report = JSON.parse(out);
  assert.deepEqual(Object.keys(report.analysis.entrypoints).sort(), [".", "./edge", "./package.json"], "the entries analysed");
  assert.deepEqual(Object.values(report.problems ?? {}).flat(), [], JSON.stringify(report.problems));
  // What each mode resolves ippanel-wasm/edge to: the types and the JavaScript of that condition.
  const resolved = Object.fromEntries(Object.entries(report.analysis.entrypoints["./edge"].resolutions).map(([mode, r]) => [
    mode, [r.resolution?.fileName, r.implementationResolution?.fileName].map((f) => f && basename(f)),
  ]));
  assert.deepEqual(resolved, {
    node10: ["edge.d.ts", undefined],
    "node16-cjs": ["edge.d.cts", "edge.node.cjs"],
    "node16-esm": ["edge.d.ts", "edge.node.mjs"],
    bundler: ["edge.d.ts", "edge.browser.js"],
  });
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
