// Every link in the repository's Markdown resolves, and nothing a user reads points outside the
// repository (the developer notes beside it are not published with it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO, REPO_URL, markdownFiles, userFacingFiles, links, brokenLinks, anchors, slug } from "./markdown.mjs";

test("the walk finds the repository's Markdown and skips build and tool folders", () => {
  const files = markdownFiles();
  for (const expected of ["README.md", "CHANGELOG.md", "docs/api.md", "docs/edge.md", "docs/rust.md", "docs/protocol.md", "js/README.npm.md"]) {
    assert.ok(files.includes(expected), `${expected} not found among ${files.join(", ")}`);
  }
  assert.deepEqual(files.filter((f) => /(^|\/)(node_modules|target|pkg|\.[^/]+)\//.test(f)), []);
});

test("every relative link in every Markdown file resolves (files and heading anchors)", () => {
  const files = markdownFiles();
  const total = files.reduce((n, f) => n + links(readFileSync(join(REPO, f), "utf8")).length, 0);
  assert.ok(total > 50, `only ${total} links found: the extraction is broken`);
  assert.deepEqual(brokenLinks(files), []);
});

test("no Markdown file a user reads refers to a path outside the repository", () => {
  const files = userFacingFiles();
  assert.ok(files.includes("docs/api.md") && files.includes("docs/edge.md") && files.includes("README.md"));
  const outside = [];
  for (const file of [...files, "js/index.d.ts", "js/edge.d.ts"]) {
    const text = readFileSync(join(REPO, file), "utf8");
    text.split("\n").forEach((line, i) => {
      if (/\.\.\/shared\b|\/work\//.test(line)) outside.push(`${file}:${i + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(outside, []);
});

test("the npm README links only with absolute URLs into the repository (npm cannot follow relative ones)", () => {
  const targets = links(readFileSync(join(REPO, "js/README.npm.md"), "utf8"));
  assert.ok(REPO_URL && targets.some((t) => t.startsWith(`${REPO_URL}/blob/`)), "no link to the reference");
  assert.deepEqual(targets.filter((t) => !/^https:\/\//.test(t)), []);
  for (const doc of ["docs/api.md", "docs/edge.md", "docs/rust.md", "docs/protocol.md"]) {
    assert.ok(targets.some((t) => t.endsWith(`/${doc}`)), `no link to ${doc}`);
  }
});

test("the README sends readers to the reference in docs/", () => {
  const targets = links(readFileSync(join(REPO, "README.md"), "utf8"));
  for (const doc of ["docs/api.md", "docs/edge.md", "docs/rust.md", "docs/protocol.md"]) assert.ok(targets.includes(doc), `README does not link ${doc}`);
});

test("the checker itself catches broken links, escapes and missing anchors", () => {
  const root = mkdtempSync(join(tmpdir(), "md-links-"));
  try {
    mkdirSync(join(root, "docs"));
    writeFileSync(join(root, "docs/a.md"), "# Title\n\n## `send(req)` and more\n## Repeated\n## Repeated\n");
    writeFileSync(
      join(root, "README.md"),
      [
        "[ok](docs/a.md) [ok anchor](docs/a.md#sendreq-and-more) [ok repeat](docs/a.md#repeated-1) [self](#top)",
        "[missing](docs/b.md) [bad anchor](docs/a.md#nope) [escape](../outside.md) [root](/docs/a.md)",
        "`[in code](nowhere.md)` [web](https://example.com/x.md)",
        "```",
        "[in a fence](nowhere.md)",
        "```",
        '<img src="docs/missing.png"> [ref]: docs/a.md',
        "# Top",
      ].join("\n"),
    );
    const problems = brokenLinks(["README.md"], root);
    assert.equal(problems.length, 4, problems.join("\n"));
    assert.match(problems.join("\n"), /docs\/b\.md does not exist/);
    assert.match(problems.join("\n"), /no heading #nope/);
    assert.match(problems.join("\n"), /leaves the repository/);
    assert.match(problems.join("\n"), /docs\/missing\.png does not exist/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("heading anchors follow GitHub's rules", () => {
  assert.equal(slug("`checkMessage(bulkId, opts?)`"), "checkmessagebulkid-opts");
  assert.equal(slug("Kinds and what to do"), "kinds-and-what-to-do");
  assert.equal(slug("`normalize_mobile` helper"), "normalize_mobile-helper");
  assert.deepEqual([...anchors("# A\n```\n# not a heading\n```\n# A\n")], ["a", "a-1"]);
});
