//! The TypeScript declarations (`js/index.d.ts`) against the Rust request types they describe:
//! every field of every request type is declared, under its JS name, optional where the Rust
//! field is an `Option`, and nothing else is declared but the JS-only options (`signal`, the
//! callbacks). The requests below are written out field by field without `..Default::default()`,
//! so a field added to a request type fails to compile here (as in `client.rs`, which reads it)
//! until it is given, and then fails this test until `index.d.ts` declares it.

use std::collections::BTreeMap;

use ippanel_wasm::{
    BookSendRequest, Gender, JobsCountRequest, JobsSendRequest, NewUserRequest, Operator, PostalCodeCountRequest,
    PostalCodeSendRequest, SendBulkRequest, SendPatternRequest, SendRequest,
};
use serde::Serialize;

const DECLARATIONS: &str = include_str!("../index.d.ts");

/// Fields a declaration has that no Rust type carries: JS-only call options.
const JS_ONLY: &[&str] = &["signal", "onProgress"];

/// `interface name`'s fields (name → optional), with those of the interfaces it extends.
fn declared(name: &str) -> BTreeMap<String, bool> {
    let head = format!("export interface {name} ");
    let start = DECLARATIONS
        .find(&head)
        .unwrap_or_else(|| panic!("index.d.ts declares no {name}"));
    let rest = &DECLARATIONS[start + head.len()..];
    let open = rest.find('{').expect("{");
    let mut fields = BTreeMap::new();
    if let Some(parents) = rest[..open].trim().strip_prefix("extends ") {
        for parent in parents.split(',').map(str::trim).filter(|p| *p != "CallOptions") {
            fields.extend(declared(parent));
        }
    }
    let body = &rest[open + 1..rest.find("\n}").expect("}")];
    for line in body
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with("/**") && !l.starts_with('*') && !l.is_empty())
    {
        let name = line.split(':').next().expect("field").trim();
        let (name, optional) = name.strip_suffix('?').map_or((name, false), |n| (n, true));
        fields.insert(name.to_string(), optional);
    }
    fields
}

/// A request's fields as the JS API names them (name → optional), from a value whose every
/// `Option` is `Some` and a default copy, in which only the `Option`s are left out.
fn rust_fields<T: Serialize + Default>(full: &T) -> BTreeMap<String, bool> {
    let keys = |value: serde_json::Value| {
        value
            .as_object()
            .expect("an object")
            .keys()
            .cloned()
            .collect::<Vec<_>>()
    };
    let required = keys(serde_json::to_value(T::default()).expect("serialize"));
    let all = keys(serde_json::to_value(full).expect("serialize"));
    all.into_iter().map(|k| (k.clone(), !required.contains(&k))).collect()
}

fn same<T: Serialize + Default>(declaration: &str, full: &T) {
    let mut declared = declared(declaration);
    declared.retain(|name, _| !JS_ONLY.contains(&name.as_str()));
    let rust = rust_fields(full);
    // A Rust field with a default (not an Option), such as `gender`, may be optional in JS.
    for (name, rust_optional) in &rust {
        match declared.get(name) {
            None => panic!("index.d.ts: {declaration} does not declare `{name}`"),
            Some(false) if *rust_optional => panic!("index.d.ts: {declaration}.{name} must be optional (`{name}?`)"),
            Some(_) => {}
        }
    }
    for name in declared.keys() {
        assert!(
            rust.contains_key(name),
            "index.d.ts: {declaration} declares `{name}`, which the Rust type has not"
        );
    }
}

fn text() -> String {
    String::from("x")
}

#[test]
fn every_request_type_is_declared_field_for_field() {
    same(
        "SendRequest",
        &SendRequest {
            from: text(),
            to: vec![text()],
            message: text(),
            time: Some(text()),
        },
    );
    same(
        "PatternSendRequest",
        &SendPatternRequest {
            from: text(),
            to: text(),
            pattern_code: text(),
            values: vec![(text(), text())],
        },
    );
    same(
        "PostalCodeSendRequest",
        &PostalCodeSendRequest {
            from: text(),
            message: text(),
            postal_code: text(),
            operator: Operator::Mci,
            gender: Gender::All,
        },
    );
    same(
        "PostalCodeCountRequest",
        &PostalCodeCountRequest {
            postal_code: text(),
            operator: Operator::Mci,
            gender: Gender::All,
        },
    );
    same(
        "BookSendRequest",
        &BookSendRequest {
            from: text(),
            message: text(),
            book_id: text(),
        },
    );
    same(
        "JobsSendRequest",
        &JobsSendRequest {
            from: text(),
            message: text(),
            job_id: 1,
            trend_ids: vec![1],
        },
    );
    same("JobsCountRequest", &JobsCountRequest { trend_ids: vec![1] });
    same(
        "NewUserRequest",
        &NewUserRequest {
            username: text(),
            password: text(),
            name: text(),
            company: Some(text()),
            national_id: text(),
            certificate_id: Some(text()),
            access_id: 1,
            tel: Some(text()),
            mobile: text(),
            postal_code: Some(text()),
            email: Some(text()),
            address: Some(text()),
        },
    );
    same(
        "SendBulkRequest",
        &SendBulkRequest {
            from: text(),
            to: vec![text()],
            message: text(),
            time: Some(text()),
            chunk_size: Some(1),
            concurrency: Some(1),
        },
    );
}
