// Reading the repository's Markdown the way GitHub renders it: which files there are, what
// they link to, and which anchors their headings make. Shared by the docs tests.
import { readdirSync, readFileSync, existsSync, statSync } from "node:fs";
import { join, relative, resolve, dirname, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The repository as Cargo.toml names it; absolute links into it are checked like relative ones. */
export const REPO_URL = readFileSync(join(REPO, "Cargo.toml"), "utf8").match(/^repository = "([^"]+)"/m)?.[1];

/** Folders that hold build output, installed packages or tool state, not sources. */
const SKIPPED_DIRS = new Set(["node_modules", "target", "pkg", "dist"]);

/** Every `.md` file of the repository, as paths relative to it, skipping build and tool folders. */
export function markdownFiles(root = REPO) {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      // Dot-folders are tool state (.git, .wrangler, .work, ...).
      if (entry.name.startsWith(".")) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(path);
      } else if (entry.isFile() && entry.name.toLowerCase().endsWith(".md")) {
        found.push(relative(root, path).split(sep).join("/"));
      }
    }
  };
  walk(root);
  return found.sort();
}

/** The Markdown files a user reads: the README, docs/, each example's README, the npm README, the changelog. */
export function userFacingFiles(root = REPO) {
  return markdownFiles(root).filter(
    (f) =>
      f === "README.md" ||
      f === "CHANGELOG.md" ||
      f === "js/README.npm.md" ||
      f.startsWith("docs/") ||
      /^examples\/[^/]+\/README\.md$/.test(f),
  );
}

/** `text` without fenced code blocks, HTML comments and inline code, which hold no links. */
export function prose(text) {
  const lines = [];
  let fence = null;
  for (const line of text.split("\n")) {
    const opener = line.match(/^\s*(`{3,}|~{3,})/);
    if (fence) {
      if (opener && opener[1][0] === fence[0] && opener[1].length >= fence.length) fence = null;
      lines.push("");
    } else if (opener) {
      fence = opener[1];
      lines.push("");
    } else {
      lines.push(line);
    }
  }
  return lines
    .join("\n")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/(`+)[\s\S]*?\1/g, "code");
}

/** Every link target in `text`: inline links and images, reference definitions, HTML src/href. */
export function links(text) {
  const body = prose(text);
  const targets = [];
  for (const m of body.matchAll(/\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g)) {
    targets.push(m[1].replace(/^<|>$/g, ""));
  }
  for (const m of body.matchAll(/^ {0,3}\[[^\]]+\]:\s*(\S+)/gm)) targets.push(m[1].replace(/^<|>$/g, ""));
  for (const m of body.matchAll(/\b(?:src|href)\s*=\s*"([^"]+)"/g)) targets.push(m[1]);
  return targets;
}

/** The anchor GitHub gives a heading: its text lower-cased, punctuation dropped, spaces as dashes. */
export function slug(heading) {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]+>/g, "")
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M} _-]/gu, "")
    .replace(/ /g, "-");
}

/** Every anchor a Markdown text defines: its headings (numbered when repeated) and HTML ids. */
export function anchors(text) {
  const seen = new Map();
  const out = new Set();
  let fence = null;
  for (const line of text.split("\n")) {
    const opener = line.match(/^\s*(`{3,}|~{3,})/);
    if (fence) {
      if (opener && opener[1][0] === fence[0]) fence = null;
      continue;
    }
    if (opener) {
      fence = opener[1];
      continue;
    }
    const heading = line.match(/^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/);
    if (heading) {
      const base = slug(heading[1]);
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      out.add(n === 0 ? base : `${base}-${n}`);
    }
    for (const m of line.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) out.add(m[1]);
  }
  return out;
}

/**
 * What is wrong with one link of `file` (a repository-relative path), or null when it resolves:
 * a missing file, a path that leaves the repository, or a missing heading anchor in a Markdown
 * target. External links are not fetched, except absolute links into this repository's own
 * files (`{REPO_URL}/blob/<branch>/<path>`), which are checked like relative ones.
 */
export function checkLink(file, target, root = REPO) {
  if (/^(mailto|tel|data):/i.test(target)) return null;
  let path;
  let fragment = "";
  const own = REPO_URL && target.startsWith(`${REPO_URL}/`) ? target.slice(REPO_URL.length + 1).match(/^(?:blob|tree|raw)\/[^/]+\/([^#?]*)(#.*)?$/) : null;
  if (own) {
    path = resolve(root, decodeURIComponent(own[1]));
    fragment = own[2]?.slice(1) ?? "";
  } else if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//")) {
    return null;
  } else {
    const [rawPath, rawFragment = ""] = target.split("#", 2);
    const clean = decodeURIComponent(rawPath.split("?")[0]);
    fragment = rawFragment;
    if (clean === "") path = resolve(root, file);
    // GitHub resolves a leading slash against the repository root.
    else path = clean.startsWith("/") ? resolve(root, `.${clean}`) : resolve(root, dirname(file), clean);
  }
  const inside = relative(root, path);
  if (inside.startsWith("..") || resolve(root, inside) !== path) return `${target}: leaves the repository`;
  if (!existsSync(path)) return `${target}: ${inside.split(sep).join("/")} does not exist`;
  if (fragment && statSync(path).isFile() && path.toLowerCase().endsWith(".md")) {
    if (!anchors(readFileSync(path, "utf8")).has(decodeURIComponent(fragment))) return `${target}: no heading #${fragment}`;
  }
  return null;
}

/** Every broken link of the Markdown files `files` (repository-relative), as `file: problem`. */
export function brokenLinks(files, root = REPO) {
  const problems = [];
  for (const file of files) {
    for (const target of links(readFileSync(join(root, file), "utf8"))) {
      const problem = checkLink(file, target, root);
      if (problem) problems.push(`${file}: ${problem}`);
    }
  }
  return problems;
}
