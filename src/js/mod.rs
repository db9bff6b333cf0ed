//! The thin wasm-bindgen layer of the npm package: the `Client` class over the Rust client,
//! `normalizeMobile`, `smsParts`, and the `IppanelError` every failure becomes.
//!
//! Arguments come in through [`args`] (a checked plain copy, then serde-wasm-bindgen); results
//! go out through serde-wasm-bindgen as plain objects (never `Map`s), in the shapes of the
//! JavaScript API.

mod args;
mod client;
mod error;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::core::error::CoreError;

/// `value` as a plain JS value: objects (not `Map`s), `null` for `None`.
fn to_plain<T: Serialize + ?Sized>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::UNDEFINED)
}

/// The one string argument of a helper (`field`), or the `IppanelError` of `op` saying it is
/// too long or not a string.
fn string_arg(value: &JsValue, field: &str, op: &'static str) -> Result<String, JsValue> {
    match args::text(value, field) {
        Ok(Some(text)) => Ok(text),
        Ok(None) => Err(error::core_to_js(CoreError::input(field, "must be a string", "باید رشته باشد"), op)),
        Err(e) => Err(error::core_to_js(e, op)),
    }
}

/// `normalizeMobile(input)`: any common Iranian mobile form → `"+989121234567"`.
/// Throws an `IppanelError` of kind `"input"` for anything that is not a mobile number.
#[wasm_bindgen(js_name = normalizeMobile)]
pub fn normalize_mobile(input: JsValue) -> Result<String, JsValue> {
    let text = string_arg(&input, "input", "normalizeMobile")?;
    crate::normalize_mobile(&text).map_err(|e| error::to_js(&e))
}

/// `smsParts(text)`: encoding, length and number of SMS parts per GSM 03.38.
#[wasm_bindgen(js_name = smsParts)]
pub fn sms_parts(text: JsValue) -> Result<JsValue, JsValue> {
    let text = string_arg(&text, "text", "smsParts")?;
    Ok(to_plain(&crate::sms_parts(&text)))
}
