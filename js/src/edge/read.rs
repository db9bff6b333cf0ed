//! An Edge request object read into the Rust API's request type.
//!
//! The object is first copied as JSON by the engine (`JSON.stringify`, whose throws are caught:
//! a throwing getter, a revoked `Proxy`, a cycle or a `BigInt` fail the call), so what
//! serde-wasm-bindgen reads is plain data that cannot throw through the wasm, and a `Date`
//! arrives as its ISO-8601 text. the Rust API's `read_request` names the field that
//! does not fit (`params[0].postalCode`); what the values mean is the Rust API's to check.

use js_sys::{Function, JSON};
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

use crate::args::{self, Fields, Read};
use crate::error::BadArgument;
use crate::messages::{BAD_DATE, NOT_PLAIN, REQUIRED, TOO_LARGE_REQUEST};
use crate::sys::{get, parse_json};
use ippanel_wasm::edge::read_request;
use ippanel_wasm::Value;

/// The most UTF-16 units a request's JSON may have: room for a million recipients, far below
/// what would exhaust the wasm's memory.
const MAX_JSON_UNITS: u32 = 32 << 20;

/// Fields of Edge requests that take a time, top level and in `filters`.
const TIME_FIELDS: &[&str] = &["sendTime", "fromCreatedAt"];
const FILTER_TIME_FIELDS: &[&str] = &["createFromDate", "createToDate", "sendFromDate", "sendToDate"];

thread_local! {
    /// `JSON.stringify`'s replacer: a number that JSON cannot hold (NaN, ±Infinity, which
    /// JSON would turn into `null`, read as "not given") stops the copy instead.
    static FINITE_ONLY: Closure<dyn Fn(JsValue, JsValue) -> Result<JsValue, JsValue>> =
        Closure::new(|_key: JsValue, value: JsValue| match value.as_f64() {
            Some(n) if !n.is_finite() => Err(JsValue::from_str("not finite")),
            _ => Ok(value),
        });
}

fn bad<T>(field: &str, (en, fa): crate::messages::Text) -> Read<T> {
    Err(BadArgument::new(field, en, fa))
}

/// A `Date` whose time is not a number would be copied as `null`, read as "not given": a
/// scheduled send would go out at once. Such a date is refused instead.
fn check_dates(object: &JsValue, fields: &[&str], prefix: &str) -> Read<()> {
    for field in fields {
        let value = get(object, field);
        let Ok(get_time) = get(&value, "getTime").dyn_into::<Function>() else {
            continue;
        };
        let ms = get_time.call0(&value).ok().and_then(|v| v.as_f64());
        if !ms.is_some_and(f64::is_finite) {
            return bad(&[prefix, field].concat(), BAD_DATE);
        }
    }
    Ok(())
}

/// The request object `value` as a `T`, and its `signal`. `undefined` or `null` is the default
/// request where the method's request is optional.
pub fn request<T: DeserializeOwned + Default>(value: &JsValue, optional: bool) -> Read<(T, Option<AbortSignal>)> {
    if value.is_undefined() || value.is_null() {
        return if optional {
            Ok((T::default(), None))
        } else {
            bad("request", REQUIRED)
        };
    }
    let fields = Fields::of_request(value)?;
    let signal = fields.signal()?;
    check_dates(value, TIME_FIELDS, "")?;
    check_dates(&get(value, "filters"), FILTER_TIME_FIELDS, "filters.")?;
    let text = FINITE_ONLY.with(|replacer| JSON::stringify_with_replacer(value, replacer.as_ref().unchecked_ref()));
    let Ok(text) = text else {
        return bad("request", NOT_PLAIN);
    };
    if text.length() > MAX_JSON_UNITS {
        return bad("request", TOO_LARGE_REQUEST);
    }
    // What JSON.parse made has no getters or proxies, so reading it cannot throw.
    let plain = parse_json(&text).unwrap_or(JsValue::UNDEFINED);
    let value: Value = serde_wasm_bindgen::from_value(plain).or_else(|_| bad("request", NOT_PLAIN))?;
    match read_request::<T>(value) {
        Ok(request) => Ok((request, signal)),
        Err(error) => Err(BadArgument::said(error.message(), error.message_fa())),
    }
}

/// The trailing options bag of a method taking none or only an id: its `signal`.
pub fn options(opts: &JsValue) -> Read<Option<AbortSignal>> {
    args::options_signal(opts)
}

/// An enumeration id given directly (`counties(provinceId)`).
pub fn small(value: &JsValue, field: &str) -> Read<u32> {
    let n = args::whole_arg(value, field)?;
    u32::try_from(n).or_else(|_| bad(field, crate::messages::NOT_WHOLE))
}
