//! The npm package `ippanel-wasm`: its JavaScript `Client` class, `normalizeMobile`,
//! `smsParts`, and the `IppanelError` every failure becomes, as a thin wasm-bindgen layer over
//! the crate's Rust API (`ippanel_wasm`). Rust apps depend on that crate, never on this one,
//! so none of these exports reaches their wasm.
//!
//! A call flows: the JS arguments are read into the Rust request types ([`args`], catching
//! every property read); the Rust client's `async fn` runs as a promise ([`client`]); its
//! result goes back through serde-wasm-bindgen as a plain object, its error as an
//! `IppanelError` ([`error`]).
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)
)]
#![forbid(unsafe_code)]

mod args;
mod bulk;
mod client;
mod error;
mod sys;

use serde::Serialize;
use wasm_bindgen::prelude::*;

/// `value` as a plain JS value: objects (not `Map`s), `null` for `None`.
fn to_plain<T: Serialize + ?Sized>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::UNDEFINED)
}

/// The one string argument of a helper (`field`), or the `IppanelError` of `op` saying it is
/// too long or not a string.
fn string_arg(value: &JsValue, field: &str, op: &'static str) -> Result<String, JsValue> {
    args::string(value, field).map_err(|e| e.to_js(op))
}

/// `normalizeMobile(input)`: any common Iranian mobile form → `"+989121234567"`.
/// Throws an `IppanelError` of kind `"input"` for anything that is not a mobile number.
#[wasm_bindgen(js_name = normalizeMobile)]
pub fn normalize_mobile(input: JsValue) -> Result<String, JsValue> {
    let text = string_arg(&input, "input", "normalizeMobile")?;
    ippanel_wasm::normalize_mobile(&text).map_err(|e| error::to_js(&e))
}

/// `smsParts(text)`: encoding, length and number of SMS parts per GSM 03.38.
#[wasm_bindgen(js_name = smsParts)]
pub fn sms_parts(text: JsValue) -> Result<JsValue, JsValue> {
    let text = string_arg(&text, "text", "smsParts")?;
    Ok(to_plain(&ippanel_wasm::sms_parts(&text)))
}
