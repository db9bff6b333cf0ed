//! The thin wasm-bindgen layer: JS values in, the core in the middle, `fetch` out.
//!
//! One concern per module: `bindings` (the JS globals), `read` (JS request objects → core
//! requests), `json_bridge` (JSON between the engine and the core), `transport` (the retry
//! loop around `js/transport.js`'s single attempt), `error` (core errors → `IppanelError`), `client` (the `Client` class),
//! `alloc` (the allocator).

mod alloc;
mod bindings;
mod client;
mod error;
mod json_bridge;
mod read;
mod transport;

/// Replaces dlmalloc (see `alloc`); wasm32 without threads only.
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: alloc::SizeClasses = alloc::SizeClasses::new();

pub use client::Client;
pub use error::register_error_class;
pub use transport::register_transport;

use crate::core::{mobile, sms};
use js_sys::Object;
use wasm_bindgen::prelude::*;

/// `normalizeMobile(input)`: any common Iranian mobile form → `"+989121234567"`.
/// Throws an `IppanelError` of kind `"input"` for anything that is not a mobile number.
#[wasm_bindgen(js_name = normalizeMobile)]
pub fn normalize_mobile(input: JsValue) -> Result<String, JsValue> {
    let result = match read::text(&input, "input", read::Limit::Short) {
        Ok(Some(text)) => mobile::normalize_mobile(&text),
        Ok(None) => Err(crate::core::error::CoreError::input("input", "must be a string", "باید رشته باشد")),
        Err(error) => Err(error),
    };
    result.map_err(|e| error::to_js_error(&e, "normalizeMobile", false))
}

/// `smsParts(text)`: encoding, length and number of SMS parts per GSM 03.38.
#[wasm_bindgen(js_name = smsParts)]
pub fn sms_parts(text: JsValue) -> Result<JsValue, JsValue> {
    let text = match read::text(&text, "text", read::Limit::Text) {
        Ok(Some(text)) => text,
        Ok(None) => {
            let e = crate::core::error::CoreError::input("text", "must be a string", "باید رشته باشد");
            return Err(error::to_js_error(&e, "smsParts", false));
        }
        Err(e) => return Err(error::to_js_error(&e, "smsParts", false)),
    };
    let parts = sms::sms_parts(&text);
    let out = Object::new();
    bindings::set(&out, "encoding", &JsValue::from_str(parts.encoding.as_str()));
    bindings::set(&out, "length", &JsValue::from_f64(f64::from(parts.length)));
    bindings::set(&out, "parts", &JsValue::from_f64(f64::from(parts.parts)));
    bindings::set(&out, "perPart", &JsValue::from_f64(f64::from(parts.per_part)));
    bindings::set(&out, "remaining", &JsValue::from_f64(f64::from(parts.remaining)));
    Ok(out.into())
}
