// make bench: size, cold start, call overhead, memory and sendBulk throughput, each printed
// beside the baseline it is compared with in the same run. Not a test: it never fails on a
// missed target; it prints the figures and a summary.
import { readFileSync, existsSync } from "node:fs";
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

console.log(`machine: ${os.cpus()[0]?.model} x${os.cpus().length}, node ${process.version}`);

// 1. Size.
const wasm = readFileSync(pkg("ippanel_wasm_bg.wasm"));
const browserFiles = ["browser.js", "ippanel_wasm.js", "ippanel_error.js", "transport.js"].map((f) => readFileSync(pkg(f)));
const glueGz = gz(Buffer.concat(browserFiles));
const totalGz = gz(wasm) + glueGz;
line("1. wasm raw / gzip -9", `${kb(wasm.length)} / ${kb(gz(wasm))}`);
line("   JS glue + browser entry gzip -9", kb(glueGz));
line("   total a browser loads, gzip -9", kb(totalGz), "target 40.0 KB");
targets.push(["total package <= 40 KB gz", totalGz <= 40 * 1024, kb(totalGz)]);
const twiggy = spawnSync("twiggy", ["top", "-n", "12", new URL("target/wasm32-unknown-unknown/release/ippanel_wasm.wasm", root).pathname], { encoding: "utf8" });
if (twiggy.status === 0) console.log("   top items of the un-optimized release wasm (twiggy; names kept):\n" + twiggy.stdout.split("\n").map((l) => "     " + l).join("\n"));
else console.log("   (twiggy not installed: `cargo install twiggy` to list the largest items)");

// 2. Cold start: import to first smsParts result, fresh processes.
const coldStart = (module) => {
  const code = `const t0 = performance.now(); const m = await import(${JSON.stringify(module)}); m.smsParts("سلام"); console.log(performance.now() - t0);`;
  return median(Array.from({ length: 20 }, () => Number(spawnSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8" }).stdout)));
};
const coldWasm = coldStart(pkg("node.mjs").href);
const coldPlain = coldStart(new URL("bench/plain-sms.mjs", root).href);
line("2. cold start, import -> smsParts (median 20)", `${coldWasm.toFixed(2)} ms`, `plain JS module ${coldPlain.toFixed(2)} ms`);
targets.push(["cold start within 2 ms of plain JS", coldWasm - coldPlain <= 2, `+${(coldWasm - coldPlain).toFixed(2)} ms`]);

// The sandbox runs in its own process so it does not share the client's event loop.
const sandbox = spawn(process.execPath, [new URL("sandbox/server.mjs", root).pathname, "--port", "0", "--quiet"], { stdio: ["ignore", "pipe", "inherit"] });
const base = await new Promise((resolve) => sandbox.stdout.on("data", (d) => { const m = String(d).match(/SANDBOX_URL=(\S+)/); if (m) resolve(m[1]); }));
await fetch(`${base}/__sandbox/credit?uname=demo&amount=1000000000`, { method: "POST" });

const glue = await import(pkg("ippanel_wasm.js").href);
const exportsOfWasm = glue.initSync({ module: wasm });
const { run, delay } = await import(pkg("transport.js").href);
glue.__registerTransport(run, delay);
const { Client } = glue;
const client = new Client({ username: "demo", password: "demo-pass-1234", baseUrl: base });
const rawCredit = async () => {
  const res = await fetch(`${base}/services.jspd`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8" }, body: new URLSearchParams({ uname: "demo", pass: "demo-pass-1234", op: "credit" }) });
  const [code, data] = JSON.parse(await res.text());
  if (code !== 0) throw new Error("credit failed");
  return Number(data);
};
const rate = async (fn, calls, concurrency = 32) => {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => { while (next++ < calls) await fn(); }));
  return calls / ((performance.now() - t0) / 1000);
};

// 3. Call overhead: alternate raw and client runs, best of two each.
await rate(rawCredit, 2000); await rate(() => client.credit(), 2000); // warm-up
const raws = [], clients = [];
for (let i = 0; i < 2; i++) { raws.push(await rate(rawCredit, 20000)); clients.push(await rate(() => client.credit(), 20000)); }
const ratio = Math.max(...clients) / Math.max(...raws);
line("3. credit() x20000 @32, client", `${Math.max(...clients).toFixed(0)} calls/s, ratio ${ratio.toFixed(2)}`, `raw fetch ${Math.max(...raws).toFixed(0)} calls/s (best of 2, alternated)`);
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

sandbox.kill();
console.log("\nsummary:");
for (const [name, met, value] of targets) console.log(`  ${met ? "met   " : "MISSED"} ${name.padEnd(38)} ${value}`);
