// Serves the Rust web example: index.html at "/" and the files of dist/, nothing else, on
// 127.0.0.1 (the test's server and `make rust-web-dev`'s).
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const APP = join(dirname(fileURLToPath(import.meta.url)), "..");
const MIME = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".wasm": "application/wasm" };

/** The app's server on `port` (0: a free one): `{ url, close() }`. */
export async function serveApp(port = 0) {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    const file = path === "/" ? "index.html" : /^\/dist\/[\w.-]+$/.test(path) ? path.slice(1) : null;
    const body = file && (await readFile(join(APP, file)).catch(() => null));
    if (!body) return res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": MIME[extname(file)] ?? "application/octet-stream", "Cache-Control": "no-cache" }).end(body);
  });
  await new Promise((ok) => server.listen(port, "127.0.0.1", ok));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
}
