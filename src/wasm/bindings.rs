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

    /// `delay(ms, signal)` of `js/transport.js`: resolves to false when aborted.
    #[derive(Clone)]
    pub type DelayFn;
    #[wasm_bindgen(method, catch, js_name = call)]
    pub fn run(this: &DelayFn, this_arg: &JsValue, ms: f64, signal: &JsValue) -> Result<Promise, JsValue>;
}

/// A property of a JS object, `undefined` when absent or when the getter throws.
pub fn get(target: &JsValue, key: &str) -> JsValue {
    if !target.is_object() && !target.is_function() {
        return JsValue::UNDEFINED;
    }
    js_sys::Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Sets a property on a plain object created by this crate (cannot fail on those).
pub fn set(target: &Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), value);
}
