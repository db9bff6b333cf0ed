// Turns wasm-pack's output in pkg/ into the published package: one optimized .wasm, the web
// glue (ESM) and the nodejs glue (CommonJS) for it, a small entry per runtime that loads the
// wasm its own way and registers the IppanelError class, and package.json with an exports map.
import { readFileSync, writeFileSync, rmSync, copyFileSync } from "node:fs";

const pkg = new URL("../pkg/", import.meta.url);
const at = (name) => new URL(name, pkg);
const repo = new URL("../", import.meta.url);

// wasm-pack's generated types describe the raw glue, not the package; the entries are the API.
for (const junk of [".gitignore", "ippanel_wasm.d.ts", "ippanel_wasm_bg.wasm.d.ts", "package.json"]) {
  rmSync(at(junk), { force: true });
}

// One source for each JS module the entries load (only the error class: everything else is
// Rust); the CommonJS copies are a mechanical transform of it (drop `export`, list the names in
// module.exports).
const jsModules = {
  "ippanel_error": ["IppanelError"],
};
for (const [name, exported] of Object.entries(jsModules)) {
  const source = readFileSync(new URL(`js/${name}.js`, repo), "utf8");
  writeFileSync(at(`${name}.js`), source);
  const cjs = source
    .replace(/^export (class|function|async function) /gm, "$1 ")
    .replace(/^import (\{[^}]*\}) from "\.\/(\w+)\.js";$/gm, 'const $1 = require("./$2.cjs");');
  if (cjs.includes("export ")) throw new Error(`js/${name}.js: an export the CommonJS transform does not handle`);
  writeFileSync(at(`${name}.cjs`), `"use strict";\n${cjs}\nmodule.exports = { ${exported.join(", ")} };\n`);
}

// The nodejs glue sits in cjs/ but must load the one wasm at the package root.
const cjsGlue = at("cjs/ippanel_wasm.cjs");
const glue = readFileSync(cjsGlue, "utf8");
const wasmLine = "const wasmPath = `${__dirname}/ippanel_wasm_bg.wasm`;";
if (!glue.includes(wasmLine)) throw new Error("nodejs glue changed shape: cannot point it at ../ippanel_wasm_bg.wasm");
writeFileSync(cjsGlue, glue.replace(wasmLine, "const wasmPath = require('path').join(__dirname, '..', 'ippanel_wasm_bg.wasm');"));

// Hand-written types: wasm-bindgen's would say `any`. The .d.cts twin serves require().
const types = readFileSync(new URL("js/index.d.ts", repo), "utf8");
writeFileSync(at("index.d.ts"), types);
writeFileSync(at("index.d.cts"), types);

// The names every entry exports: the wasm's (the glue's) and the error class.
const wasmNames = "Client, normalizeMobile, smsParts, isFinalDelivery";
const publicNames = `${wasmNames}, IppanelError`;
/**
 * An ES-module entry: `prelude`, the imports, `load` (the wasm loaded this runtime's way, with
 * the glue's `init` or `initSync`), then what every entry does once it is loaded.
 */
const esmEntry = (init, load, prelude = "") => `${prelude}import ${init === "init" ? "init, { " : "{ initSync, "}${wasmNames}, __registerErrorClass } from "./ippanel_wasm.js";
import { IppanelError } from "./ippanel_error.js";
${load}
__registerErrorClass(IppanelError);
export { ${publicNames} };
`;
// Deno and Cloudflare Workers both take the wasm as a compiled module: workerd refuses to
// compile bytes, and Deno then needs no --allow-read. Deno's is a source-phase import, which
// bundlers cannot parse yet: it is written as a plain import here, and
// scripts/optimize-js.mjs turns deno.js's into the source phase once the file is bundled.
const compiledModuleEntry = esmEntry("initSync", "initSync({ module: wasm });", `import wasm from "./ippanel_wasm_bg.wasm";\n`);
const entries = {
  // Browsers and bundlers: fetch the wasm next to this module. Top-level await, because
  // `new Client()`, `normalizeMobile` and `smsParts` are synchronous and need the wasm ready.
  "browser.js": esmEntry("init", `await init({ module_or_path: new URL("./ippanel_wasm_bg.wasm", import.meta.url) });`),
  // Node ESM: read the file synchronously; no top-level await, so require(esm) works too.
  // process.getBuiltinModule (Node 20.16+, Bun, Deno) rather than \`import ... from "node:fs"\`,
  // whose ES-module facade loads Node's whole streams stack: 1.5 ms of start-up.
  "node.mjs": esmEntry(
    "initSync",
    `initSync({ module: readFileSync(new URL("./ippanel_wasm_bg.wasm", import.meta.url)) });`,
    `const { readFileSync } = process.getBuiltinModule("fs");\n`,
  ),
  // Node CommonJS: the nodejs glue loads the wasm itself.
  "node.cjs": `"use strict";
const { ${wasmNames}, __registerErrorClass } = require("./cjs/ippanel_wasm.cjs");
const { IppanelError } = require("./ippanel_error.cjs");
__registerErrorClass(IppanelError);
module.exports = { ${publicNames} };
`,
  "deno.js": compiledModuleEntry,
  "workerd.js": compiledModuleEntry,
};
for (const [name, source] of Object.entries(entries)) writeFileSync(at(name), source);

const esm = (entry) => ({ types: "./index.d.ts", default: entry });
const cjs = (entry) => ({ types: "./index.d.cts", default: entry });
const cargo = readFileSync(new URL("Cargo.toml", repo), "utf8");
const field = (name) => cargo.match(new RegExp(`^${name} = "([^"]*)"`, "m"))?.[1];
const manifest = {
  name: "ippanel-wasm",
  version: field("version"),
  description: field("description"),
  license: field("license"),
  type: "module",
  files: ["*.js", "*.mjs", "*.cjs", "*.d.ts", "*.d.cts", "*.wasm", "cjs/", "README.md", "LICENSE-MIT", "LICENSE-APACHE"],
  // process.getBuiltinModule (node.mjs) is in Node 20.16 and later.
  engines: { node: ">=20.16" },
  sideEffects: Object.keys(entries).map((f) => `./${f}`),
  main: "./node.cjs",
  types: "./index.d.ts",
  module: "./browser.js",
  // One condition per runtime, first match wins: each names its entry and the types beside it
  // (index.d.cts for require(), so TypeScript reads them as CommonJS).
  exports: {
    ".": {
      workerd: esm("./workerd.js"),
      deno: esm("./deno.js"),
      bun: esm("./node.mjs"),
      node: { import: esm("./node.mjs"), require: cjs("./node.cjs") },
      browser: esm("./browser.js"),
      import: esm("./browser.js"),
      require: cjs("./node.cjs"),
      default: esm("./browser.js"),
    },
    // The wasm itself, for tools that want to place or preload it.
    "./wasm": "./ippanel_wasm_bg.wasm",
    "./package.json": "./package.json",
  },
};
writeFileSync(at("package.json"), JSON.stringify(manifest, null, 2) + "\n");
// The npm page gets its own README (the repository's links are relative, npm's cannot be), and
// the licences the manifest declares.
for (const [from, to] of [["js/README.npm.md", "README.md"], ["LICENSE-MIT", "LICENSE-MIT"], ["LICENSE-APACHE", "LICENSE-APACHE"]]) {
  copyFileSync(new URL(from, repo), at(to));
}
console.log(`pkg/ ready: ippanel-wasm ${manifest.version}`);
