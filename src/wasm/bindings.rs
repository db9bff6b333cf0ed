//! Hand-written bindings to the few JS values the client needs.
//!
//! Everything is reached through the global scope (`globalThis`), never through `window`:
//! Node and workerd have no `window`, and a worker's global is not a `Window`. Hand-written
//! bindings instead of web-sys keep the wasm small and avoid `Window`-typed entry points.

use js_sys::{Object, Promise};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The caller's `AbortSignal`; only handed on to the JS half of the transport.
    pub type AbortSignal;

    /// `run(settle, id, fetch, url, body, timeoutMs, signal)` of `js/transport.js`.
    #[derive(Clone)]
    pub type RunFn;
    #[wasm_bindgen(method, catch, js_name = call)]
    pub fn run(
        this: &RunFn,
        this_arg: &JsValue,
        settle: &JsValue,
        id: u32,
        fetch: &JsValue,
        url: &str,
        body: &JsValue,
        timeout_ms: f64,
        signal: &JsValue,
    ) -> Result<Promise, JsValue>;

    /// `Array.isArray`; throws only for a revoked proxy.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array_or_throw(value: &JsValue) -> Result<bool, JsValue>;

    /// `Object.entries`; throws when a proxy's traps or a getter throw.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = entries)]
    fn entries_or_throw(value: &JsValue) -> Result<js_sys::Array, JsValue>;
}

/// A property of a JS object, `undefined` when absent or when the getter throws.
pub fn get(target: &JsValue, key: &str) -> JsValue {
    if !target.is_object() && !target.is_function() {
        return JsValue::UNDEFINED;
    }
    js_sys::Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Whether `value` is an array (a proxy of one included); false where the check throws.
///
/// The caller's values are read only through functions that catch: a JS exception thrown
/// through the wasm would skip the `IppanelError` every bad input must become.
pub fn is_array(value: &JsValue) -> bool {
    is_array_or_throw(value).unwrap_or(false)
}

/// Item `index` of an array-like `value`, `undefined` when absent or when the getter throws.
pub fn item(value: &JsValue, index: u32) -> JsValue {
    js_sys::Reflect::get_u32(value, index).unwrap_or(JsValue::UNDEFINED)
}

/// `Object.entries(value)` as `[key, value]` pairs, or `None` where a trap or getter throws.
pub fn entries(value: &JsValue) -> Option<js_sys::Array> {
    entries_or_throw(value).ok()
}

/// Sets a property on a plain object created by this crate (cannot fail on those).
pub fn set(target: &Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), value);
}
