// The published tarball carries what the docs promise: both licences the manifest declares,
// the npm README (not the repository's, whose relative links npm cannot follow), and the
// documented type declarations.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { REPO } from "./markdown.mjs";

const PKG = join(REPO, "pkg");

/** The paths `npm pack` would put in the tarball, from its dry run. */
function packedFiles() {
  assert.ok(existsSync(join(PKG, "package.json")), "pkg/ is not built: run make pkg first");
  const out = execFileSync("npm", ["pack", PKG, "--dry-run", "--json", "--ignore-scripts"], { cwd: REPO, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const [report] = JSON.parse(out);
  return report.files.map((f) => f.path);
}

test("the packed tarball holds LICENSE-MIT, LICENSE-APACHE and README.md", () => {
  const files = packedFiles();
  for (const needed of ["LICENSE-MIT", "LICENSE-APACHE", "README.md", "package.json", "index.d.ts", "index.d.cts", "edge.d.ts", "edge.d.cts"]) {
    assert.ok(files.includes(needed), `${needed} missing from the tarball: ${files.join(", ")}`);
  }
});

test("the packed files are the repository's licences, the npm README and the documented types", () => {
  assert.ok(existsSync(join(PKG, "package.json")), "pkg/ is not built: run make pkg first");
  for (const [packed, source] of [["LICENSE-MIT", "LICENSE-MIT"], ["LICENSE-APACHE", "LICENSE-APACHE"], ["README.md", "js/README.npm.md"], ["index.d.ts", "js/index.d.ts"], ["index.d.cts", "js/index.d.ts"]]) {
    assert.equal(readFileSync(join(PKG, packed), "utf8"), readFileSync(join(REPO, source), "utf8"), `pkg/${packed} is not ${source}`);
  }
  // The Edge entry's: edge.d.ts as written, and its CommonJS twin pointing at index.d.cts.
  const edge = readFileSync(join(REPO, "js/edge.d.ts"), "utf8");
  assert.equal(readFileSync(join(PKG, "edge.d.ts"), "utf8"), edge, "pkg/edge.d.ts is not js/edge.d.ts");
  assert.ok(edge.includes('from "./index.js"'), "js/edge.d.ts takes the shared types from ./index.js");
  assert.equal(readFileSync(join(PKG, "edge.d.cts"), "utf8"), edge.replaceAll('from "./index.js"', 'from "./index.cjs"'), "pkg/edge.d.cts is not js/edge.d.ts with ./index.cjs for ./index.js");
  const manifest = JSON.parse(readFileSync(join(PKG, "package.json"), "utf8"));
  assert.equal(manifest.license, "MIT OR Apache-2.0");
});

test("the licence texts are the MIT and Apache 2.0 licences", () => {
  const mit = readFileSync(join(REPO, "LICENSE-MIT"), "utf8");
  assert.match(mit, /^MIT License/);
  assert.match(mit, /Permission is hereby granted, free of charge/);
  const apache = readFileSync(join(REPO, "LICENSE-APACHE"), "utf8");
  assert.match(apache, /Apache License\s+Version 2\.0, January 2004/);
  assert.match(apache, /END OF TERMS AND CONDITIONS/);
});
