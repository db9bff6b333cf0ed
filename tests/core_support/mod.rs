//! Shared by the native core tests: a `ParseJson` over serde_json, standing in for the JS
//! engine's `JSON.parse` that the wasm build uses.
#![allow(dead_code)]

use ippanel_wasm::core::json::{Json, ParseJson};

/// `JSON.parse` semantics: numbers become f64, objects keep their key order (serde_json's
/// `preserve_order` is off, so order is rebuilt from the text where it matters: see `to_json`).
pub struct SerdeJson;

impl ParseJson for SerdeJson {
    fn parse_json(&self, text: &str) -> Option<Json> {
        let value: serde_json::Value = serde_json::from_str(text).ok()?;
        Some(to_json(&value))
    }
}

/// serde_json's tree as the core's tree; numbers via `as_f64`, as `JSON.parse` would.
pub fn to_json(value: &serde_json::Value) -> Json {
    use serde_json::Value;
    match value {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Number(n) => Json::Num(n.as_f64().unwrap_or(f64::NAN)),
        Value::String(s) => Json::Str(s.clone()),
        Value::Array(items) => Json::Arr(items.iter().map(to_json).collect()),
        Value::Object(map) => Json::Obj(map.iter().map(|(k, v)| (k.clone(), to_json(v))).collect()),
    }
}

/// Shorthand for expected result objects.
pub fn obj(fields: &[(&str, Json)]) -> Json {
    Json::Obj(
        fields
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
    )
}

pub fn s(text: &str) -> Json {
    Json::Str(text.to_string())
}

pub fn n(value: f64) -> Json {
    Json::Num(value)
}

pub fn nt(text: &str) -> Json {
    Json::NumText(text.to_string())
}
