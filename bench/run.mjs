// make bench: size, cold start, call overhead, memory and sendBulk throughput, each printed
// beside the baseline it is compared with in the same run. Not a test: it never fails on a
// missed target; it prints the figures and a summary.
import { readFileSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { spawn, spawnSync } from "node:child_process";
import os from "node:os";

const root = new URL("../", import.meta.url);
const pkg = (f) => new URL(`pkg/${f}`, root);
const kb = (n) => (n / 1024).toFixed(1) + " KB";
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const targets = [];
const line = (label, value, baseline) => console.log(`${label.padEnd(44)} ${value}${baseline ? `   (baseline: ${baseline})` : ""}`);

// The tools `make` puts on PATH (wasm-bindgen, binaryen's wasm-opt, twiggy), when run directly.
process.env.PATH = [new URL("node_modules/.bin", root).pathname, `${os.homedir()}/.cargo/bin`, process.env.PATH].join(":");
console.log(`machine: ${os.cpus()[0]?.model} x${os.cpus().length}, node ${process.version}`);

// 1. Size.
const wasm = readFileSync(pkg("ippanel_wasm_bg.wasm"));
// browser.js is one bundled file (glue, error class): all the JS a browser loads.
const browserFiles = ["browser.js"].map((f) => readFileSync(pkg(f)));
const glueGz = gz(Buffer.concat(browserFiles));
const totalGz = gz(wasm) + glueGz;
line("1. wasm raw / gzip -9", `${kb(wasm.length)} / ${kb(gz(wasm))}`);
line("   browser.js (entry, glue, error class) gzip -9", kb(glueGz));
// The budget: at most 110 KB gzip per entry, aim 80.
line("   total a browser loads, gzip -9", kb(totalGz), "budget 110.0 KB, aim 80.0 KB");
targets.push(["what a browser loads <= 110 KB gz (aim 80)", totalGz <= 110 * 1024, kb(totalGz)]);
// What the bytes are: the release wasm through the same wasm-bindgen and wasm-opt -Oz, but with
// names kept (-g), measured by twiggy and grouped. Needs twiggy (`cargo install twiggy`).
breakdown("ippanel_wasm");

/** What an entry's wasm bytes are, grouped, from the release wasm scripts/build-pkg.sh kept. */
function breakdown(name) {
  const named = namedWasm(name);
  if (!named) return console.log("   (twiggy not installed: `cargo install twiggy` to see what the bytes are)");
  const groups = groupTwiggy(named);
  const total = Object.values(groups).reduce((a, [b]) => a + b, 0);
  console.log(`   what the ${kb(total)} of code and data are (names kept, twiggy; shallow bytes; code inlined into a caller counts there):`);
  for (const [group, [bytes, top]] of Object.entries(groups).sort((a, b) => b[1][0] - a[1][0])) {
    console.log(`     ${group.padEnd(34)} ${kb(bytes).padStart(9)}   ${top.slice(0, 2).map(([b, n]) => `${n} ${kb(b)}`).join(", ")}`);
  }
}


/** The wasm-opt flags wasm-pack applies to pkg/, read from js/Cargo.toml so the two cannot drift. */
function wasmOptFlags() {
  const cargo = readFileSync(new URL("js/Cargo.toml", root), "utf8");
  const list = cargo.match(/^wasm-opt = (\[.*\])$/m);
  if (!list) throw new Error("js/Cargo.toml has no wasm-opt = [...] line");
  return JSON.parse(list[1]);
}

/** The release wasm, bindgen'd and optimized like pkg/ but keeping function names; null without twiggy. */
function namedWasm(name) {
  if (spawnSync("twiggy", ["--version"]).status !== 0) return null;
  const dir = mkdtempSync(join(os.tmpdir(), "ippanel-bench-"));
  const release = new URL(`target/pkg-wasm/${name}.wasm`, root).pathname;
  const run = (cmd, args) => { const r = spawnSync(cmd, args, { encoding: "utf8" }); if (r.status !== 0) throw new Error(`${cmd}: ${r.stderr}`); };
  run("wasm-bindgen", ["--target", "web", "--keep-debug", "--out-name", "ippanel_wasm", "--out-dir", dir, release]);
  run("wasm-opt", [...wasmOptFlags(), "-g", join(dir, "ippanel_wasm_bg.wasm"), "-o", join(dir, "named.wasm")]);
  return join(dir, "named.wasm");
}

/** twiggy's items grouped by what they are for: { group: [bytes, [[bytes, name]...]] }. */
function groupTwiggy(file) {
  const csv = spawnSync("twiggy", ["top", "-n", "100000", "--format", "csv", file], { encoding: "utf8" }).stdout;
  const groups = {};
  for (const row of csv.trim().split("\n").slice(1)) {
    const m = row.match(/^"?(.*?)"?,(\d+),[\d.]+,/);
    if (!m) continue;
    const [, quoted, size] = m;
    const name = quoted.replaceAll('""', '"');
    const group =
      /function names|data names/.test(name) ? null :
      /data segment/.test(name) ? "data: bilingual messages, field names" :
      /serde_wasm_bindgen/.test(name) ? "serde-wasm-bindgen (JS values <-> serde)" :
      /gloo_net|gloo_utils/.test(name) ? "gloo-net (request building, response wrapping)" :
      /web_sys/.test(name) ? "web-sys (AbortController, streams, headers)" :
      /js_sys::futures|JsFuture|wasm_bindgen_futures|future_to_promise|spawn_local/.test(name) ? "wasm-bindgen-futures (promises <-> futures)" :
      /serde/.test(name) ? "serde (derives, visitors, de::value)" :
      /js_sys/.test(name) ? "js-sys" :
      /wasm_bindgen::convert::closures|Closure|call_once\{\{vtable/.test(name) ? "wasm-bindgen closures" :
      // The JS methods' request reads (`|v| from_value::<T>(v)`, passed as fn pointers): each
      // request type's serde code, inlined there.
      /^core::ops::function::FnOnce::call_once::/.test(name) ? "serde (derives, visitors, de::value)" :
      /dlmalloc|__rdl_|__rust_(alloc|dealloc|realloc)|raw_vec|finish_grow/.test(name) ? "allocator (dlmalloc) + Vec growth" :
      /fmt|panic|Debug|Display|unwrap_failed|slice_index|thread::local|LazyCell|Once/.test(name) ? "std panic + fmt paths" :
      /ippanel_wasm::core::request|ippanel_wasm::core::form|ippanel_wasm::core::mobile|tehran_time/.test(name) ? "core: validate + encode requests" :
      /ippanel_wasm::core::(response|envelope|fields|model|value)/.test(name) ? "core: decode responses" :
      /ippanel_wasm::core::error/.test(name) ? "core: error table + redaction" :
      /ippanel_wasm::core/.test(name) ? "core: sms parts, retry, bulk, text" :
      /ippanel_wasm::js::args|ippanel_wasm::core::de/.test(name) ? "js layer: read JS arguments" :
      /ippanel_wasm::js/.test(name) ? "js layer: Client class, errors" :
      /ippanel_wasm::client/.test(name) ? "Rust client: transport, retries, bulk" :
      /shim|externref|__wbindgen|__wbg|__externref/.test(name) ? "wasm-bindgen export/import shims" :
      "other (core::str, iterators, ...)";
    if (!group) continue;
    const entry = (groups[group] ??= [0, []]);
    entry[0] += Number(size);
    entry[1].push([Number(size), name.replace(/::h[0-9a-f]{16}$/, "").replace(/\[[0-9a-f]{16}\]/g, "").slice(0, 60)]);
  }
  for (const entry of Object.values(groups)) entry[1].sort((a, b) => b[0] - a[0]);
  return groups;
}

// 2. Cold start: import to first smsParts result, fresh processes.
const coldStart = (module) => {
  const code = `const t0 = performance.now(); const m = await import(${JSON.stringify(module)}); m.smsParts("سلام"); console.log(performance.now() - t0);`;
  return median(Array.from({ length: 20 }, () => Number(spawnSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8" }).stdout)));
};
const coldWasm = coldStart(pkg("node.mjs").href);
const coldPlain = coldStart(new URL("bench/plain-sms.mjs", root).href);
line("2. cold start, import -> smsParts (median 20)", `${coldWasm.toFixed(2)} ms`, `plain JS module ${coldPlain.toFixed(2)} ms`);
targets.push(["cold start within 6 ms of plain JS (aim 2)", coldWasm - coldPlain <= 6, `+${(coldWasm - coldPlain).toFixed(2)} ms`]);
// Where the time goes: the same steps as node.mjs, one by one, after the ESM loader has been
// warmed by importing the plain module (the part both figures above pay).
const phaseNames = ["glue JS load", "read .wasm", "compile (WebAssembly.Module)", "instantiate + init", "first smsParts"];
const phaseCode = `await import(${JSON.stringify(new URL("bench/plain-sms.mjs", root).href)});
const T = [performance.now()];
const glue = await import(${JSON.stringify(pkg("ippanel_wasm.js").href)}); T.push(performance.now());
const bytes = process.getBuiltinModule("fs").readFileSync(${JSON.stringify(pkg("ippanel_wasm_bg.wasm").pathname)}); T.push(performance.now());
const module = new WebAssembly.Module(bytes); T.push(performance.now());
glue.initSync({ module }); T.push(performance.now());
glue.smsParts("سلام"); T.push(performance.now());
console.log(JSON.stringify(T.slice(1).map((t, i) => t - T[i])));`;
const phases = Array.from({ length: 20 }, () => JSON.parse(spawnSync(process.execPath, ["--input-type=module", "-e", phaseCode], { encoding: "utf8" }).stdout));
console.log("   where it goes (medians, loader already warm): " + phaseNames.map((n, i) => `${n} ${median(phases.map((p) => p[i])).toFixed(2)} ms`).join(", "));

// The sandbox runs in its own process so it does not share the client's event loop.
const sandbox = spawn(process.execPath, [new URL("sandbox/server.mjs", root).pathname, "--port", "0", "--quiet"], { stdio: ["ignore", "pipe", "inherit"] });
const base = await new Promise((resolve) => sandbox.stdout.on("data", (d) => { const m = String(d).match(/SANDBOX_URL=(\S+)/); if (m) resolve(m[1]); }));
await fetch(`${base}/__sandbox/credit?uname=demo&amount=1000000000`, { method: "POST" });

const glue = await import(pkg("ippanel_wasm.js").href);
const exportsOfWasm = glue.initSync({ module: wasm });
// What every package entry does after loading the wasm.
const { IppanelError } = await import(pkg("ippanel_error.js").href);
glue.__registerErrorClass(IppanelError);
const { Client } = glue;
const client = new Client({ username: "demo", password: "demo-pass-1234", baseUrl: base });
const rawCredit = async () => {
  const res = await fetch(`${base}/services.jspd`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8" }, body: new URLSearchParams({ uname: "demo", pass: "demo-pass-1234", op: "credit" }) });
  const [code, data] = JSON.parse(await res.text());
  if (code !== 0) throw new Error("credit failed");
  return Number(data);
};
// The same call with the per-attempt timeout the client applies: an AbortController whose
// signal fetch must watch (in Node's fetch, most of the cost is that watching).
const rawCreditWithTimeout = async () => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 30000);
  try {
    const res = await fetch(`${base}/services.jspd`, { method: "POST", signal: controller.signal, headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8" }, body: new URLSearchParams({ uname: "demo", pass: "demo-pass-1234", op: "credit" }) });
    const [code, data] = JSON.parse(await res.text());
    if (code !== 0) throw new Error("credit failed");
    return Number(data);
  } finally {
    clearTimeout(timer);
  }
};
const rate = async (fn, calls, concurrency = 32) => {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => { while (next++ < calls) await fn(); }));
  return calls / ((performance.now() - t0) / 1000);
};

// 3. Call overhead: alternate raw and client runs, best of two each.
await rate(rawCredit, 2000); await rate(() => client.credit(), 2000); // warm-up
const raws = [], timed = [], clients = [];
for (let i = 0; i < 2; i++) {
  raws.push(await rate(rawCredit, 20000));
  timed.push(await rate(rawCreditWithTimeout, 20000));
  clients.push(await rate(() => client.credit(), 20000));
}
const best = (xs) => Math.max(...xs);
const ratio = best(clients) / best(raws);
line("3. credit() x20000 @32, client", `${best(clients).toFixed(0)} calls/s, ratio ${ratio.toFixed(2)}`, `raw fetch ${best(raws).toFixed(0)} calls/s (best of 2, alternated)`);
line("   where it goes: raw fetch + a timeout", `${best(timed).toFixed(0)} calls/s (${(best(timed) / best(raws)).toFixed(2)} of raw); the client is ${(best(clients) / best(timed)).toFixed(2)} of that`);
targets.push(["throughput >= 0.9 x raw fetch", ratio >= 0.9, ratio.toFixed(2)]);

// 4. Memory after 1,000 and 100,000 calls.
const memory = () => exportsOfWasm.memory.buffer.byteLength;
const memClient = new Client({ username: "demo", password: "demo-pass-1234", baseUrl: base });
await rate(() => memClient.credit(), 1000);
globalThis.gc?.();
const [wasm1k, rss1k] = [memory(), process.memoryUsage().rss];
await rate(() => memClient.credit(), 99000);
globalThis.gc?.();
const [wasm100k, rss100k] = [memory(), process.memoryUsage().rss];
line("4. wasm memory after 1k / 100k calls", `${kb(wasm1k)} / ${kb(wasm100k)} (growth ${kb(wasm100k - wasm1k)})`, "target growth <= 1024 KB");
line("   process RSS after 1k / 100k calls", `${kb(rss1k)} / ${kb(rss100k)} (growth ${kb(rss100k - rss1k)})`);
targets.push(["wasm memory growth <= 1 MB", wasm100k - wasm1k <= 1024 * 1024, kb(wasm100k - wasm1k)]);

// 5. sendBulk of 100,000 recipients in chunks of 100.
const to = Array.from({ length: 100000 }, (_, i) => "0912" + String(i).padStart(7, "0"));
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
const t0 = performance.now();
const bulk = await client.sendBulk({ from: "3000505", to, message: "bench", chunkSize: 100 });
clearInterval(sampler);
line("5. sendBulk 100,000 recipients / 100", `${((performance.now() - t0) / 1000).toFixed(2)} s, sent ${bulk.sent}, failed ${bulk.failed}, peak RSS ${kb(peak)}`);

// 6-8. The Edge entry (ippanel-wasm/edge): the same size, throughput and memory measures, beside
// the main entry's figures above.
const edgeWasm = readFileSync(pkg("ippanel_wasm_edge_bg.wasm"));
const edgeGlueGz = gz(readFileSync(pkg("edge.browser.js")));
const edgeTotalGz = gz(edgeWasm) + edgeGlueGz;
line("6. Edge wasm raw / gzip -9", `${kb(edgeWasm.length)} / ${kb(gz(edgeWasm))}`);
line("   edge.browser.js gzip -9", kb(edgeGlueGz));
line("   total a browser loads for ippanel-wasm/edge", kb(edgeTotalGz), `budget 110.0 KB, aim 80.0 KB; main entry ${kb(totalGz)}`);
targets.push(["Edge: what a browser loads <= 110 KB gz", edgeTotalGz <= 110 * 1024, kb(edgeTotalGz)]);
breakdown("ippanel_wasm_edge");

const edgeGlue = await import(pkg("ippanel_wasm_edge.js").href);
const edgeExports = edgeGlue.initSync({ module: edgeWasm });
edgeGlue.__registerErrorClass(IppanelError);
const edgeBase = `${base}/edge/v1`;
const apiKey = "edge-demo-key-1234";
const edge = new edgeGlue.EdgeClient({ apiKey, baseUrl: edgeBase });
const rawEdgeCredit = async () => {
  const res = await fetch(`${edgeBase}/api/payment/credit/mine`, { headers: { accept: "application/json", authorization: apiKey } });
  const { data, meta } = JSON.parse(await res.text());
  if (!meta?.status) throw new Error("credit failed");
  return data.credit;
};
await rate(rawEdgeCredit, 2000); await rate(() => edge.credit(), 2000); // warm-up
const edgeRaws = [], edgeClients = [];
for (let i = 0; i < 2; i++) {
  edgeRaws.push(await rate(rawEdgeCredit, 20000));
  edgeClients.push(await rate(() => edge.credit(), 20000));
}
const edgeRatio = best(edgeClients) / best(edgeRaws);
line("7. Edge credit() x20000 @32, client", `${best(edgeClients).toFixed(0)} calls/s, ratio ${edgeRatio.toFixed(2)}`, `raw fetch, same headers ${best(edgeRaws).toFixed(0)} calls/s (best of 2, alternated)`);
targets.push(["Edge: throughput >= 0.9 x raw fetch", edgeRatio >= 0.9, edgeRatio.toFixed(2)]);

const edgeMemory = () => edgeExports.memory.buffer.byteLength;
const edgeMemClient = new edgeGlue.EdgeClient({ apiKey, baseUrl: edgeBase });
await rate(() => edgeMemClient.credit(), 1000);
globalThis.gc?.();
const edge1k = edgeMemory();
await rate(() => edgeMemClient.credit(), 99000);
globalThis.gc?.();
const edge100k = edgeMemory();
line("8. Edge wasm memory after 1k / 100k calls", `${kb(edge1k)} / ${kb(edge100k)} (growth ${kb(edge100k - edge1k)})`, "target growth <= 1024 KB");
targets.push(["Edge: wasm memory growth <= 1 MB", edge100k - edge1k <= 1024 * 1024, kb(edge100k - edge1k)]);

sandbox.kill();
console.log("\nsummary:");
for (const [name, met, value] of targets) console.log(`  ${met ? "met   " : "MISSED"} ${name.padEnd(38)} ${value}`);
