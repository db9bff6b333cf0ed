//! [`EngineJson`]: JSON parsed by the JS engine's `JSON.parse`, so the wasm carries no JSON
//! parser of its own.

use crate::core::response::{JsonFormat, Malformed};
use crate::core::value::Value;

/// `JSON.parse`, its output read into the core's [`Value`] by serde-wasm-bindgen.
pub struct EngineJson;

impl JsonFormat for EngineJson {
    fn parse(&self, text: &str) -> Result<Value, Malformed> {
        let parsed = js_sys::JSON::parse(text).map_err(|_| Malformed::NotJson)?;
        // What JSON.parse made has no getters or proxies, so reading it cannot throw.
        serde_wasm_bindgen::from_value(parsed).map_err(|e| Malformed::Shape(e.to_string()))
    }
}
