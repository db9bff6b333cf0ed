// `make rust-web-dev`: the Rust web example (built by build.sh) on PORT (default 8080) against
// the sandbox at SANDBOX_URL, or a sandbox started here on 8787. Prints the URL to open; Ctrl-C
// stops both.
import { startSandbox } from "../../../sandbox/server.mjs";
import { serveApp } from "./serve.mjs";

const sandbox = process.env.SANDBOX_URL ? null : await startSandbox({ port: 8787, quiet: true });
const sandboxUrl = process.env.SANDBOX_URL ?? sandbox.url;
const app = await serveApp(Number(process.env.PORT ?? 8080));
const query = new URLSearchParams({ baseUrl: sandboxUrl, username: "demo", password: "demo-pass-1234" });
console.log(`sandbox: ${sandboxUrl}\nopen:    ${app.url}/?${query}`);
process.on("SIGINT", async () => {
  await app.close();
  await sandbox?.close();
  process.exit(0);
});
