//! Shared by the native core tests: a `JsonFormat` over serde_json, standing in for the JS
//! engine's `JSON.parse` (read through serde-wasm-bindgen) that the wasm build uses, and
//! `decode_json`, which decodes into the op's result type and serializes it the way the JS API
//! hands it out, so expected results are written as plain JSON values.
#![allow(dead_code)]

use crate::core::error::CoreError;
use crate::core::model::{
    AccessPackage, CreatedUser, DeliveryEntry, InboxMessage, Job, MessageCheck, Phonebook, PostalArea, Sent,
};
use crate::core::ops::Op;
use crate::core::response::{decode, JsonFormat, Malformed, Reply};
use serde::de::IgnoredAny;
use serde::Serialize;
use serde_json::{Number, Value};

/// `JSON.parse` then a typed read: text that is not JSON at all is `NotJson` whatever the
/// target type (serde_json alone would report a shape error met before a later syntax error);
/// JSON that does not fit `T` is `Shape`. serde_json reads objects in text order, as the
/// engine does, so key order reaches the result types unchanged.
pub struct SerdeJson;

impl JsonFormat for SerdeJson {
    fn parse(&self, text: &str) -> Result<crate::core::value::Value, Malformed> {
        if serde_json::from_str::<IgnoredAny>(text).is_err() {
            return Err(Malformed::NotJson);
        }
        serde_json::from_str(text).map_err(|e| Malformed::Shape(e.to_string()))
    }
}

/// `decode` into `R`, serialized as the JS API hands it out.
fn decode_as<R: Reply + Serialize>(op: Op, status: u16, body: &str) -> Result<Value, CoreError> {
    let result: R = decode(op, status, body, &SerdeJson)?;
    let value = serde_json::to_value(&result).expect("results serialize to JSON");
    Ok(as_js_numbers(value))
}

/// `decode` into the result type of `op`, as a JSON value (numbers as f64, as in JS).
pub fn decode_json(op: Op, status: u16, body: &str) -> Result<Value, CoreError> {
    match op {
        Op::Send | Op::SendPattern | Op::PostalCodeSend | Op::BookSend | Op::JobsSend => {
            decode_as::<Sent>(op, status, body)
        }
        Op::Credit => decode_as::<f64>(op, status, body),
        Op::PostalCodeCount | Op::JobsCount => decode_as::<f64>(op, status, body),
        Op::PostalCodeArea => decode_as::<Vec<PostalArea>>(op, status, body),
        Op::BookList => decode_as::<Vec<Phonebook>>(op, status, body),
        Op::JobList | Op::JobTrendList => decode_as::<Vec<Job>>(op, status, body),
        Op::CheckMessage => decode_as::<MessageCheck>(op, status, body),
        Op::Delivery => decode_as::<Vec<DeliveryEntry>>(op, status, body),
        Op::InboxList => decode_as::<Vec<InboxMessage>>(op, status, body),
        Op::NewUser => decode_as::<CreatedUser>(op, status, body),
        Op::AccessList => decode_as::<Vec<AccessPackage>>(op, status, body),
    }
}

/// Every number as an f64, as `JSON.parse` and serde-wasm-bindgen give them (serde_json would
/// tell `3` from `3.0`).
pub fn as_js_numbers(value: Value) -> Value {
    match value {
        Value::Number(n) => n.as_f64().map_or(Value::Null, n_value),
        Value::Array(items) => Value::Array(items.into_iter().map(as_js_numbers).collect()),
        Value::Object(map) => Value::Object(map.into_iter().map(|(k, v)| (k, as_js_numbers(v))).collect()),
        other => other,
    }
}

fn n_value(value: f64) -> Value {
    Number::from_f64(value).map_or(Value::Null, Value::Number)
}

/// Shorthand for expected result objects.
pub fn obj(fields: &[(&str, Value)]) -> Value {
    Value::Object(fields.iter().map(|(k, v)| (k.to_string(), v.clone())).collect())
}

pub fn arr(items: Vec<Value>) -> Value {
    Value::Array(items)
}

pub fn s(text: &str) -> Value {
    Value::String(text.to_string())
}

pub fn n(value: f64) -> Value {
    n_value(value)
}
