// Minifies the JavaScript of pkg/ in place (the last step of scripts/build-pkg.sh): the glue,
// the entries, the error class and the transport. What a browser or a Worker downloads is then
// about half as big gzipped; bundlers would minify it again anyway. Class names are kept so
// `console.log(client)` still says `Client` and stack traces name `IppanelError`.
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { minify } from "terser";

const pkg = new URL("../pkg/", import.meta.url);
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
  writeFileSync(url, result.code + "\n");
  before += source.length;
  after += result.code.length + 1;
}
console.log(`pkg/ JavaScript minified: ${files.length} files, ${before} -> ${after} bytes`);
