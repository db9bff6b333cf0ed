//! [`EngineJson`]: JSON parsed by the JS engine's `JSON.parse` and read into the core's serde
//! types by serde-wasm-bindgen, so the wasm carries no JSON parser of its own.

use serde::de::DeserializeOwned;

use crate::core::response::{JsonFormat, Malformed};

/// `JSON.parse`, then `serde_wasm_bindgen::from_value`.
pub struct EngineJson;

impl JsonFormat for EngineJson {
    fn parse<T: DeserializeOwned>(&self, text: &str) -> Result<T, Malformed> {
        let value = js_sys::JSON::parse(text).map_err(|_| Malformed::NotJson)?;
        // What JSON.parse made has no getters or proxies, so reading it cannot throw.
        serde_wasm_bindgen::from_value(value).map_err(|e| Malformed::Shape(e.to_string()))
    }
}
