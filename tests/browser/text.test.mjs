// The demo's words: each language in its own file (www/lib/text/en.js, fa.js), key for key.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as en from "../../www/lib/text/en.js";
import * as fa from "../../www/lib/text/fa.js";

test("the demo's English and Persian files have the same keys, none empty", () => {
  for (const table of ["UI", "WORDS"]) {
    assert.deepEqual(Object.keys(fa[table]).sort(), Object.keys(en[table]).sort(), table);
    for (const [lang, texts] of [["en", en[table]], ["fa", fa[table]]]) {
      for (const [key, text] of Object.entries(texts)) assert.ok(typeof text === "string" && text.length > 0, `${lang} ${table}.${key}`);
    }
  }
  assert.ok(Object.keys(en.UI).length > 100);
});
