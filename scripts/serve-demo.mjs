#!/usr/bin/env node
// Serves the demo page: www/ at "/", pkg/ at "/pkg/", and a generated /config.json that tells
// the page where the sandbox is (its legacy API at the root, its Edge API at /edge/v1).
// Starts the sandbox in-process unless --no-sandbox.
// Zero dependencies (node: built-ins only); binds 127.0.0.1 only.
//
//   node scripts/serve-demo.mjs [--port 8080] [--no-sandbox] [--sandbox-port 0]
//                               [--sandbox-url URL] [--proxy-url URL] [--poll-ms 2000]
//
// Environment overrides: PORT (or DEMO_PORT), SANDBOX_PORT, SANDBOX_URL (use a sandbox that is
// already running; implies --no-sandbox), PROXY_URL (the Worker proxy the page's proxy mode
// talks to), DEMO_POLL_MS (how often the page polls delivery).
//
// From JS (tests): const demo = await startDemoServer({ port: 0, sandbox: { deliveryStepMs: 150 } });
//   → { url, port, sandboxUrl, sandbox, config, close() }

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const HOST = "127.0.0.1";
const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".cjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
};

const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-cache",
};

/** Resolves `rel` inside `base`, or null when it would escape it. */
function inside(base, rel) {
  const target = normalize(join(base, rel));
  return target === base || target.startsWith(base + sep) ? target : null;
}

function send(res, status, headers, body, head) {
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers });
  res.end(head ? undefined : body);
}

function notFound(res, head, text = "Not found") {
  send(res, 404, { "Content-Type": "text/plain; charset=utf-8" }, text + "\n", head);
}

async function serveFile(res, file, head) {
  let info;
  try {
    info = await stat(file);
  } catch {
    return false;
  }
  if (info.isDirectory()) {
    return serveFile(res, join(file, "index.html"), head);
  }
  if (!info.isFile()) return false;
  const body = await readFile(file);
  const type = MIME[extname(file).toLowerCase()] ?? "application/octet-stream";
  send(res, 200, { "Content-Type": type, "Content-Length": body.length }, body, head);
  return true;
}

/**
 * Starts the demo server (and, unless `sandbox: false` or `sandboxUrl` is given, the sandbox).
 * @param {{ port?: number, sandbox?: false | object, sandboxUrl?: string | null,
 *           proxyUrl?: string | null, pollIntervalMs?: number, wwwDir?: string,
 *           pkgDir?: string, quiet?: boolean }} [opts]
 */
export async function startDemoServer(opts = {}) {
  const wwwDir = resolve(opts.wwwDir ?? join(ROOT, "www"));
  const pkgDir = resolve(opts.pkgDir ?? join(ROOT, "pkg"));
  const log = opts.quiet ? () => {} : (...a) => console.log(...a);

  let sandbox = null;
  let sandboxUrl = opts.sandboxUrl ?? null;
  if (!sandboxUrl && opts.sandbox !== false) {
    const sandboxModule = opts.sandboxModule ?? join(ROOT, "sandbox", "server.mjs");
    const { startSandbox } = await import(pathToFileURL(sandboxModule).href);
    const sandboxOpts = typeof opts.sandbox === "object" && opts.sandbox ? opts.sandbox : {};
    sandbox = await startSandbox({ port: 0, quiet: true, ...sandboxOpts });
    sandboxUrl = sandbox.url;
  }
  if (sandboxUrl) sandboxUrl = sandboxUrl.replace(/\/+$/, "");

  // What the page reads at start-up. The demo account's password is the sandbox's public demo
  // password (docs/CONVENTIONS.md); nothing else secret is ever put here.
  const config = {
    sandboxUrl,
    baseUrl: sandboxUrl ?? "https://ippanel.com",
    demoUser: sandboxUrl ? "demo" : "",
    demoPass: sandboxUrl ? "demo-pass-1234" : "",
    senders: ["3000505", "50004001"],
    proxyUrl: opts.proxyUrl ? opts.proxyUrl.replace(/\/+$/, "") : "",
    pollIntervalMs: opts.pollIntervalMs ?? 2000,
    // The Edge API (ippanel-wasm/edge): the sandbox serves it under /edge/v1, and its public demo
    // key (sandbox/README.md) is as public as the demo password above.
    edgeBaseUrl: sandboxUrl ? `${sandboxUrl}/edge/v1` : "https://edge.ippanel.com/v1",
    edgeApiKey: sandboxUrl ? "edge-demo-key-1234" : "",
    edgeSenders: ["+983000505", "+9850004001"],
  };
  const configBody = JSON.stringify(config, null, 2) + "\n";

  const server = createServer(async (req, res) => {
    const head = req.method === "HEAD";
    try {
      if (req.method !== "GET" && !head) {
        return send(res, 405, { Allow: "GET, HEAD", "Content-Type": "text/plain" }, "Method not allowed\n", head);
      }
      let path;
      try {
        path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      } catch {
        return send(res, 400, { "Content-Type": "text/plain" }, "Bad request\n", head);
      }
      if (path.includes("\0")) return notFound(res, head);
      if (path === "/config.json") {
        return send(res, 200, { "Content-Type": MIME[".json"] }, configBody, head);
      }
      if (path === "/favicon.ico") return send(res, 204, {}, undefined, head);
      let file;
      if (path === "/pkg" || path.startsWith("/pkg/")) {
        file = inside(pkgDir, path.slice("/pkg".length) || "/");
        if (file && !(await serveFile(res, file, head))) {
          return notFound(res, head, "Not found (has `make pkg` been run?)");
        }
        if (file) return;
      } else {
        file = inside(wwwDir, path);
        if (file && (await serveFile(res, file, head))) return;
      }
      notFound(res, head);
    } catch (err) {
      if (!res.headersSent) send(res, 500, { "Content-Type": "text/plain" }, "Internal error\n", head);
      else res.destroy();
      log(`[demo] error serving ${req.url}: ${err?.message ?? err}`);
    }
  });

  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(opts.port ?? 8080, HOST, () => {
      server.off("error", fail);
      ok();
    });
  });
  const port = server.address().port;
  const url = `http://${HOST}:${port}/`;

  let closed = false;
  async function close() {
    if (closed) return;
    closed = true;
    server.closeAllConnections?.();
    await new Promise((ok) => server.close(() => ok()));
    if (sandbox) await sandbox.close();
  }

  return { url, port, sandboxUrl, sandbox, config, server, close };
}

function intEnv(name) {
  const v = process.env[name];
  if (v === undefined || v === "") return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${name} must be a port number, got ${v}`);
  return n;
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      "no-sandbox": { type: "boolean", default: false },
      "sandbox-port": { type: "string" },
      "sandbox-url": { type: "string" },
      "proxy-url": { type: "string" },
      "poll-ms": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(
      "usage: node scripts/serve-demo.mjs [--port 8080|0] [--no-sandbox] [--sandbox-port N]\n" +
        "                                   [--sandbox-url URL] [--proxy-url URL] [--poll-ms MS]\n" +
        "env: PORT / DEMO_PORT, SANDBOX_PORT, SANDBOX_URL, PROXY_URL, DEMO_POLL_MS",
    );
    return;
  }
  const portArg = values.port ?? process.env.PORT ?? process.env.DEMO_PORT;
  const port = portArg === undefined ? 8080 : Number(portArg);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got ${portArg}`);
  const sandboxUrl = values["sandbox-url"] ?? process.env.SANDBOX_URL ?? null;
  const sandboxPort = values["sandbox-port"] !== undefined ? Number(values["sandbox-port"]) : intEnv("SANDBOX_PORT") ?? 0;
  const pollArg = values["poll-ms"] ?? process.env.DEMO_POLL_MS;
  const pollIntervalMs = pollArg ? Math.max(100, Number(pollArg)) : undefined;

  const demo = await startDemoServer({
    port,
    sandbox: values["no-sandbox"] ? false : { port: sandboxPort, quiet: true },
    sandboxUrl,
    proxyUrl: values["proxy-url"] ?? process.env.PROXY_URL ?? null,
    pollIntervalMs,
  });

  let hasPkg = true;
  try {
    await stat(join(ROOT, "pkg", "browser.js"));
  } catch {
    hasPkg = false;
  }
  console.log("");
  console.log(`  Demo:    ${demo.url}`);
  if (demo.sandboxUrl) {
    console.log(`  Sandbox: ${demo.sandboxUrl}${demo.sandbox ? "  (in-process; account demo / demo-pass-1234)" : ""}`);
    console.log(`  Edge:    ${demo.config.edgeBaseUrl}${demo.sandbox ? "  (API key edge-demo-key-1234)" : ""}`);
  } else {
    console.log("  Sandbox: none (--no-sandbox): set the base URL and credentials in the page's settings");
  }
  if (demo.config.proxyUrl) console.log(`  Proxy:   ${demo.config.proxyUrl}`);
  if (!hasPkg) console.log("  Warning: pkg/browser.js is missing; run `make pkg` first (or `make demo`).");
  console.log("");
  console.log("  Press Ctrl+C to stop.");

  const stop = async () => {
    await demo.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(`serve-demo: ${err?.message ?? err}`);
    if (err?.code === "EADDRINUSE") console.error("serve-demo: that port is taken; try --port 0 (any free port) or PORT=8081");
    process.exit(1);
  });
}
