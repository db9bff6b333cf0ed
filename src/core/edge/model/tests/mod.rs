//! The Edge results, decoded: every answer EDGE-PROTOCOL.md shows, each loose form of a value
//! (ids, numbers, flags, unix times), the values refused, and the JS shapes they serialize to.

mod account;
mod examples;
mod lists;
mod reports;
mod values;

use std::fmt::Debug;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::json;

use super::page::{paginator, Paginator};
use super::read::{flag, id_text, small, unix_time, whole};
use super::report::delivery_status;
use super::*;
use crate::core::model::{Approval, DeliveryStatus};
use crate::core::value::{from_value, Extra, Value};
use examples::*;

// ---- helpers ----

fn parse(json: &str) -> Value {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"))
}

fn envelope(json: &str) -> Extra {
    match parse(json) {
        Value::Object(envelope) => envelope,
        other => panic!("not an envelope: {other:?}"),
    }
}

/// The `data` of an envelope.
fn data(json: &str) -> Value {
    envelope(json).get("data").cloned().expect("data")
}

/// The `meta` of an envelope.
fn meta(json: &str) -> Extra {
    match envelope(json).get("meta") {
        Some(Value::Object(meta)) => meta.clone(),
        other => panic!("no meta: {other:?}"),
    }
}

fn decode<T: DeserializeOwned>(value: Value) -> T {
    from_value(value.clone()).unwrap_or_else(|e| panic!("{e}: {value:?}"))
}

/// The `data` of an envelope, decoded.
fn decode_data<T: DeserializeOwned>(json: &str) -> T {
    decode(data(json))
}

/// One object, decoded.
fn one<T: DeserializeOwned>(json: &str) -> T {
    decode(parse(json))
}

/// Why one object does not decode.
fn refused<T: DeserializeOwned + Debug>(json: &str) -> String {
    match from_value::<T>(parse(json)) {
        Ok(decoded) => panic!("decoded {json} as {decoded:?}"),
        Err(e) => e.to_string(),
    }
}

/// Every number as an f64, as `JSON.parse` and serde-wasm-bindgen give them.
fn js_numbers(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        J::Number(n) => n
            .as_f64()
            .and_then(serde_json::Number::from_f64)
            .map_or(J::Null, J::Number),
        J::Array(items) => J::Array(items.into_iter().map(js_numbers).collect()),
        J::Object(map) => J::Object(map.into_iter().map(|(k, v)| (k, js_numbers(v))).collect()),
        other => other,
    }
}

/// What the JS API hands out for `result`.
fn js<T: Serialize>(result: &T) -> serde_json::Value {
    js_numbers(serde_json::to_value(result).expect("results serialize"))
}

fn assert_js<T: Serialize>(result: &T, expected: serde_json::Value) {
    assert_eq!(js(result), js_numbers(expected));
}

/// The keys of the JS object, in order.
fn js_keys<T: Serialize>(result: &T) -> Vec<String> {
    // serde_json's map is sorted without `preserve_order`; the text keeps the order.
    let text = serde_json::to_string(result).expect("results serialize");
    let mut keys = Vec::new();
    let mut de = serde_json::Deserializer::from_str(&text);
    let ordered: OrderedKeys = serde::Deserialize::deserialize(&mut de).expect("an object");
    keys.extend(ordered.0);
    keys
}

struct OrderedKeys(Vec<String>);

impl<'de> serde::Deserialize<'de> for OrderedKeys {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Value::deserialize(d)? {
            Value::Object(fields) => Ok(OrderedKeys(fields.0.into_iter().map(|(k, _)| k).collect())),
            _ => Err(serde::de::Error::custom("not an object")),
        }
    }
}

fn extra_keys(extra: &Extra) -> Vec<&str> {
    extra.0.iter().map(|(k, _)| k.as_str()).collect()
}
