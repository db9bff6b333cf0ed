// Turns wasm-pack's output in pkg/ into the published package: one optimized .wasm, the web
// glue (ESM) and the nodejs glue (CommonJS) for it, a small entry per runtime that loads the
// wasm its own way and registers the IppanelError class, and package.json with an exports map.
import { readFileSync, writeFileSync, rmSync, copyFileSync } from "node:fs";

const pkg = new URL("../pkg/", import.meta.url);
const at = (name) => new URL(name, pkg);
const repo = new URL("../", import.meta.url);

// wasm-pack's generated types describe the raw glue, not the package; the entries are the API.
for (const junk of [".gitignore", "ippanel_wasm.d.ts", "ippanel_wasm_bg.wasm.d.ts", "ippanel_wasm_edge.d.ts", "ippanel_wasm_edge_bg.wasm.d.ts", "package.json"]) {
  rmSync(at(junk), { force: true });
}

// One source for each JS module the entries load (the error class, and the Edge entry's async
// iterators: everything else is Rust); the CommonJS copies are a mechanical transform of it
// (drop `export`, list the names in module.exports).
const jsModules = {
  "ippanel_error": ["IppanelError"],
  "edge_paging": ["addPaging"],
};
for (const [name, exported] of Object.entries(jsModules)) {
  const source = readFileSync(new URL(`js/${name}.js`, repo), "utf8");
  writeFileSync(at(`${name}.js`), source);
  const cjs = source
    .replace(/^export (class|function|async function|const) /gm, "$1 ")
    .replace(/^import (\{[^}]*\}) from "\.\/(\w+)\.js";$/gm, 'const $1 = require("./$2.cjs");');
  if (cjs.includes("export ")) throw new Error(`js/${name}.js: an export the CommonJS transform does not handle`);
  writeFileSync(at(`${name}.cjs`), `"use strict";\n${cjs}\nmodule.exports = { ${exported.join(", ")} };\n`);
}

// Each entry's wasm and glue: the main entry's (`ippanel_wasm`, the legacy API) and the Edge
// entry's (`ippanel_wasm_edge`), built from the same crate with one feature each.
const apis = {
  main: { glue: "ippanel_wasm", names: "Client, normalizeMobile, smsParts, isFinalDelivery", prefix: "", after: "" },
  edge: {
    glue: "ippanel_wasm_edge",
    names: "EdgeClient",
    prefix: "edge.",
    after: 'import { addPaging } from "./edge_paging.js";\naddPaging(EdgeClient);\n',
    afterCjs: 'const { addPaging } = require("./edge_paging.cjs");\naddPaging(EdgeClient);\n',
  },
};

// The nodejs glue sits in cjs/ but must load its wasm at the package root.
for (const { glue } of Object.values(apis)) {
  const cjsGlue = at(`cjs/${glue}.cjs`);
  const text = readFileSync(cjsGlue, "utf8");
  const wasmLine = `const wasmPath = \`\${__dirname}/${glue}_bg.wasm\`;`;
  if (!text.includes(wasmLine)) throw new Error(`nodejs glue changed shape: cannot point it at ../${glue}_bg.wasm`);
  writeFileSync(cjsGlue, text.replace(wasmLine, `const wasmPath = require('path').join(__dirname, '..', '${glue}_bg.wasm');`));
}

// Hand-written types: wasm-bindgen's would say `any`. The .d.cts twins serve require(); the
// Edge types import the main entry's error class from the twin of their own kind.
const types = readFileSync(new URL("js/index.d.ts", repo), "utf8");
writeFileSync(at("index.d.ts"), types);
writeFileSync(at("index.d.cts"), types);
const edgeTypes = readFileSync(new URL("js/edge.d.ts", repo), "utf8");
if (!edgeTypes.includes('from "./index.js"')) throw new Error('js/edge.d.ts: expected its imports from "./index.js"');
writeFileSync(at("edge.d.ts"), edgeTypes);
writeFileSync(at("edge.d.cts"), edgeTypes.replaceAll('from "./index.js"', 'from "./index.cjs"'));

/**
 * The entries of one API: an ES-module entry per runtime (`prelude`, the imports, `load` (the
 * wasm loaded this runtime's way, with the glue's `init` or `initSync`), then what every entry
 * does once it is loaded), and the CommonJS one.
 */
function entriesOf({ glue, names, prefix, after, afterCjs = "" }) {
  const publicNames = `${names}, IppanelError`;
  const wasm = `./${glue}_bg.wasm`;
  const esmEntry = (init, load, prelude = "") => `${prelude}import ${init === "init" ? "init, { " : "{ initSync, "}${names}, __registerErrorClass } from "./${glue}.js";
import { IppanelError } from "./ippanel_error.js";
${load}
__registerErrorClass(IppanelError);
${after}export { ${publicNames} };
`;
  // Deno and Cloudflare Workers both take the wasm as a compiled module: workerd refuses to
  // compile bytes, and Deno then needs no --allow-read. Deno's is a source-phase import, which
  // bundlers cannot parse yet: it is written as a plain import here, and
  // scripts/optimize-js.mjs turns deno.js's into the source phase once the file is bundled.
  const compiledModuleEntry = esmEntry("initSync", "initSync({ module: wasm });", `import wasm from "${wasm}";\n`);
  return {
    // Browsers and bundlers: fetch the wasm next to this module. Top-level await, because
    // the constructors and helpers are synchronous and need the wasm ready.
    [`${prefix}browser.js`]: esmEntry("init", `await init({ module_or_path: new URL("${wasm}", import.meta.url) });`),
    // Node ESM: read the file synchronously; no top-level await, so require(esm) works too.
    // process.getBuiltinModule (Node 20.16+, Bun, Deno) rather than \`import ... from "node:fs"\`,
    // whose ES-module facade loads Node's whole streams stack: 1.5 ms of start-up.
    [`${prefix}node.mjs`]: esmEntry(
      "initSync",
      `initSync({ module: readFileSync(new URL("${wasm}", import.meta.url)) });`,
      `const { readFileSync } = process.getBuiltinModule("fs");\n`,
    ),
    // Node CommonJS: the nodejs glue loads the wasm itself.
    [`${prefix}node.cjs`]: `"use strict";
const { ${names}, __registerErrorClass } = require("./cjs/${glue}.cjs");
const { IppanelError } = require("./ippanel_error.cjs");
__registerErrorClass(IppanelError);
${afterCjs}module.exports = { ${publicNames} };
`,
    [`${prefix}deno.js`]: compiledModuleEntry,
    [`${prefix}workerd.js`]: compiledModuleEntry,
  };
}
const entries = { ...entriesOf(apis.main), ...entriesOf(apis.edge) };
for (const [name, source] of Object.entries(entries)) writeFileSync(at(name), source);

const esm = (entry, types = "index") => ({ types: `./${types}.d.ts`, default: entry });
const cjs = (entry, types = "index") => ({ types: `./${types}.d.cts`, default: entry });
/** One condition per runtime, first match wins, for the entries named `${prefix}<runtime>`. */
const conditions = (prefix, types) => ({
  workerd: esm(`./${prefix}workerd.js`, types),
  deno: esm(`./${prefix}deno.js`, types),
  bun: esm(`./${prefix}node.mjs`, types),
  node: { import: esm(`./${prefix}node.mjs`, types), require: cjs(`./${prefix}node.cjs`, types) },
  browser: esm(`./${prefix}browser.js`, types),
  import: esm(`./${prefix}browser.js`, types),
  require: cjs(`./${prefix}node.cjs`, types),
  default: esm(`./${prefix}browser.js`, types),
});
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
    ".": conditions("", "index"),
    // The Edge API: its own wasm, the same conditions.
    "./edge": conditions("edge.", "edge"),
    // The wasm itself, for tools that want to place or preload it.
    "./wasm": "./ippanel_wasm_bg.wasm",
    "./edge/wasm": "./ippanel_wasm_edge_bg.wasm",
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
