// The last step of scripts/build-pkg.sh: makes the package's JavaScript cheap to load.
// 1. Every ES-module entry named in pkg/package.json's exports is bundled with what it imports
//    (glue, error class, transport) into one file: each extra module costs Node's ESM loader
//    about 0.6 ms at start-up, and a browser one more request. The `.wasm` and `node:` imports
//    stay imports. CommonJS entries are left as they are (require() of a small file is cheap,
//    and the nodejs glue finds the wasm relative to its own directory).
// 2. Every .js/.mjs/.cjs file is minified; class names are kept so `console.log(client)` still
//    says `Client` and stack traces name `IppanelError`. Bundlers would minify again anyway.
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { build } from "esbuild";
import { minify } from "terser";

const pkg = new URL("../pkg/", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("package.json", pkg), "utf8"));

/** Every file path the exports map points at, whatever the nesting of conditions. */
const targets = (node) => (typeof node === "string" ? [node] : Object.values(node ?? {}).flatMap(targets));
const esmEntries = [...new Set(targets(manifest.exports).filter((t) => /\.m?js$/.test(t)))];
for (const entry of esmEntries) {
  const file = new URL(entry, pkg).pathname;
  await build({
    entryPoints: [file],
    outfile: file,
    allowOverwrite: true,
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    external: ["*.wasm", "node:*"],
    keepNames: true, // `var Client = class {}` would otherwise lose its name to the minifier
    logLevel: "warning",
  });
}

/**
 * deno.js and edge.deno.js: the wasm import becomes a source-phase import (`import source m from "x.wasm"`),
 * which gives a compiled WebAssembly.Module without file-system access. It is written as a
 * plain import until here because esbuild and terser do not parse the source phase.
 */
function sourcePhase(code, file) {
  const plain = /import ?([\w$]+) ?from ?"(\.\/ippanel_wasm(?:_edge)?_bg\.wasm)";?/g;
  const found = code.match(plain) ?? [];
  if (found.length !== 1) throw new Error(`${file}: expected one import of the .wasm, found ${found.length}`);
  return code.replace(plain, 'import source $1 from "$2";');
}

const files = [
  ...readdirSync(pkg).filter((f) => /\.(m?js|cjs)$/.test(f)),
  ...readdirSync(new URL("cjs/", pkg)).filter((f) => f.endsWith(".cjs")).map((f) => `cjs/${f}`),
];
let before = 0, after = 0;
for (const file of files) {
  const url = new URL(file, pkg);
  const source = readFileSync(url, "utf8");
  const result = await minify(source, {
    module: !file.endsWith(".cjs"),
    ecma: 2020,
    compress: { passes: 2 },
    mangle: true,
    keep_classnames: true,
    format: { comments: false },
  });
  if (!result.code) throw new Error(`terser produced nothing for pkg/${file}`);
  let code = result.code;
  if (file.endsWith("deno.js")) code = sourcePhase(code, file);
  writeFileSync(url, code + "\n");
  before += source.length;
  after += code.length + 1;
}
console.log(`pkg/ JavaScript: ${esmEntries.length} ES-module entries bundled; ${files.length} files minified, ${before} -> ${after} bytes`);
