//! Turns every ```rust block of the repository's Markdown into a module of this crate, so that
//! `cargo build -p ippanel-wasm-doc-snippets --target wasm32-unknown-unknown` compiles each
//! example exactly as the docs show it. A block is a module body: items only (`use`, `fn`, ...).

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = vec![root.join("README.md")];
    let mut docs: Vec<_> = fs::read_dir(root.join("docs"))
        .expect("docs/")
        .map(|e| e.expect("docs/ entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    files.extend(docs);

    let mut out = String::new();
    let mut count = 0;
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let text = fs::read_to_string(file).expect("markdown");
        let name = file.strip_prefix(&root).unwrap_or(file).display().to_string();
        let mut block: Option<(usize, String)> = None;
        for (number, line) in text.lines().enumerate() {
            match &mut block {
                None if line.trim_start() == "```rust" => block = Some((number + 1, String::new())),
                None => {}
                Some((start, code)) if line.trim_start() == "```" => {
                    count += 1;
                    let _ = writeln!(out, "/// {name}, the block at line {start}.\n#[allow(dead_code, unused_imports, clippy::all)]\nmod snippet_{count} {{\n{code}}}\n");
                    block = None;
                }
                Some((_, code)) => {
                    code.push_str(line);
                    code.push('\n');
                }
            }
        }
        assert!(block.is_none(), "{name}: a ```rust block is not closed");
    }
    assert!(count > 0, "no ```rust block found in README.md and docs/");
    let _ = writeln!(
        out,
        "/// How many examples this crate compiles.\npub const SNIPPETS: usize = {count};"
    );
    fs::write(
        Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("snippets.rs"),
        out,
    )
    .expect("write snippets.rs");
}
