// Editors show the declarations' doc comments on hover, so every declaration a user can reach
// must have one: each exported type and its fields, each method with an example and what it
// throws. Both entries: js/index.d.ts (ippanel-wasm) and js/edge.d.ts (ippanel-wasm/edge).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { REPO } from "./markdown.mjs";

const ts = createRequire(import.meta.url)(join(REPO, "node_modules/typescript"));

/** Members that cannot fail, so their docs need no `@throws`. */
const CANNOT_FAIL = new Set(["toJSON", "free", "IppanelError.constructor", "isFinalDelivery"]);

/** The JSDoc blocks attached to `node`. */
const jsDocs = (node) => ts.getJSDocCommentsAndTags(node).filter((d) => d.kind === ts.SyntaxKind.JSDoc);
const tagNames = (node) => new Set(jsDocs(node).flatMap((d) => (d.tags ?? []).map((t) => t.tagName.text)));
const hasText = (node) => jsDocs(node).some((d) => (typeof d.comment === "string" ? d.comment : (d.comment ?? []).map((c) => c.text).join("")).trim() !== "" || (d.tags?.length ?? 0) > 0);
const isExported = (node) => (ts.getModifiers?.(node) ?? node.modifiers ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
const nameOf = (node) => (node.kind === ts.SyntaxKind.Constructor ? "constructor" : node.name?.getText() ?? "?");

/**
 * What a declaration file lacks, as a list of `Name.member: problem`: a doc comment on every
 * top-level declaration and on every member of an interface (exported, or a base an exported
 * one extends, whose fields a user sees just the same) or of an exported class; on every
 * method, constructor and exported function, an `@example`, and `@throws` unless it cannot fail.
 */
export function missingDocs(source) {
  const file = ts.createSourceFile("index.d.ts", source, ts.ScriptTarget.Latest, true);
  const problems = [];
  const callable = (node, label) => {
    const tags = tagNames(node);
    if (!tags.has("example")) problems.push(`${label}: no @example`);
    if (!tags.has("throws") && !CANNOT_FAIL.has(nameOf(node)) && !CANNOT_FAIL.has(label)) problems.push(`${label}: no @throws`);
  };
  for (const statement of file.statements) {
    const name = nameOf(statement);
    if (!hasText(statement)) problems.push(`${name}: no doc comment`);
    if (ts.isFunctionDeclaration(statement) && isExported(statement)) callable(statement, name);
    if (ts.isInterfaceDeclaration(statement) || (ts.isClassDeclaration(statement) && isExported(statement))) {
      for (const member of statement.members) {
        if (ts.isIndexSignatureDeclaration(member)) continue;
        const label = `${name}.${nameOf(member)}`;
        if (!hasText(member)) problems.push(`${label}: no doc comment`);
        if (ts.isMethodDeclaration(member) || ts.isConstructorDeclaration(member) || ts.isMethodSignature(member)) callable(member, label);
      }
    }
  }
  return problems;
}

const source = readFileSync(join(REPO, "js/index.d.ts"), "utf8");
const edgeSource = readFileSync(join(REPO, "js/edge.d.ts"), "utf8");

/** The names of the methods of class `name` in `text`. */
function methodsOf(text, name) {
  const file = ts.createSourceFile("x.d.ts", text, ts.ScriptTarget.Latest, true);
  const found = file.statements.find((s) => ts.isClassDeclaration(s) && s.name?.text === name);
  assert.ok(found, `class ${name} not found`);
  return found.members.filter(ts.isMethodDeclaration).map(nameOf);
}

test("every declaration of index.d.ts, every field and every method has a doc comment", () => {
  assert.deepEqual(missingDocs(source), []);
});

test("every declaration of edge.d.ts, every field and every method has a doc comment", () => {
  assert.deepEqual(missingDocs(edgeSource), []);
});

test("every Client method is covered (the check sees the whole class)", () => {
  const methods = methodsOf(source, "Client");
  for (const m of ["send", "sendPattern", "postalCodeSend", "postalCodeCount", "postalCodeArea", "bookSend", "bookList", "jobsSend", "jobList", "jobTrendList", "jobsCount", "checkMessage", "delivery", "inboxList", "credit", "newUser", "accessList", "sendBulk", "waitForDelivery", "toJSON", "free"]) {
    assert.ok(methods.includes(m), `Client.${m} not found`);
  }
});

test("every EdgeClient method of the API is covered (the check sees the whole class)", () => {
  const methods = methodsOf(edgeSource, "EdgeClient");
  const api = [
    "send", "sendPeerToPeer", "sendPattern", "sendVoiceOtp", "sendPostalCode", "sendCountry", "sendGeolocation", "sendJob", "sendPhonebook", "sendKeywordPhonebook",
    "cancel", "calculatePrice", "outbox", "outboxAll", "bulk", "bulkStats", "recipients", "recipientsAll", "inbox", "inboxAll", "credit",
    "patterns", "patternsAll", "pattern", "createPattern", "numbers", "numbersAll", "phonebooks", "phonebooksAll", "phonebookContacts", "phonebookContactsAll",
    "provinces", "counties", "cities", "bankCounts", "jobCategories", "jobSubCategories", "jobNumberCount", "waitForDelivery", "toJSON", "free",
  ];
  assert.deepEqual(api.filter((m) => !methods.includes(m)), [], "EdgeClient methods not declared");
  assert.deepEqual(methods.filter((m) => !api.includes(m)), [], "EdgeClient methods the API does not list");
});

test("edge.d.ts re-exports the main entry's IppanelError rather than declaring its own", () => {
  const file = ts.createSourceFile("edge.d.ts", edgeSource, ts.ScriptTarget.Latest, true);
  assert.ok(!file.statements.some((s) => ts.isClassDeclaration(s) && s.name?.text === "IppanelError"), "edge.d.ts declares a class IppanelError of its own");
  const reexport = file.statements.find((s) => ts.isExportDeclaration(s) && !s.isTypeOnly && s.exportClause?.elements.some((e) => e.name.text === "IppanelError"));
  assert.equal(reexport?.moduleSpecifier?.text, "./index.js", "IppanelError is re-exported from the main entry's declarations");
});

test("the check fails on a missing comment, example or @throws", () => {
  const bare = [
    "/** Documented. */ export interface A {\n  /** Yes. */ a: string;\n  b: number;\n}",
    "export type B = string;",
    "/** A base, not exported. */ interface Base {\n  c: string;\n}",
    "/** A class. */ export class C {",
    "  /** No example.\n   * @throws {@link Error} never */ m(): void;",
    "  /** @example\n   * c.n() */ n(): void;",
    "  /** Cannot fail.\n   * @example\n   * c.free() */ free(): void;",
    "}",
    "/** A function.\n * @example\n * f() */ export function f(): void;",
  ].join("\n");
  assert.deepEqual(missingDocs(bare).sort(), ["A.b: no doc comment", "B: no doc comment", "Base.c: no doc comment", "C.m: no @example", "C.n: no @throws", "f: no @throws"].sort());
});
