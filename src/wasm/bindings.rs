//! Hand-written bindings to the few JS globals the client needs.
//!
//! Everything is reached through the global scope (`globalThis`), never through `window`:
//! Node and workerd have no `window`, and a worker's global is not a `Window`. Hand-written
//! bindings instead of web-sys keep the wasm small and avoid `Window`-typed entry points.

use js_sys::{Function, Object, Promise};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `AbortController`, one per attempt: it carries both the timeout and the caller's signal.
    pub type AbortController;
    #[wasm_bindgen(constructor, js_class = "AbortController")]
    pub fn new() -> AbortController;
    #[wasm_bindgen(method, getter)]
    pub fn signal(this: &AbortController) -> AbortSignal;
    #[wasm_bindgen(method)]
    pub fn abort(this: &AbortController);

    /// An `AbortSignal`, ours or the caller's.
    pub type AbortSignal;
    #[wasm_bindgen(method, getter)]
    pub fn aborted(this: &AbortSignal) -> bool;
    #[wasm_bindgen(method, js_name = addEventListener)]
    pub fn add_event_listener(this: &AbortSignal, kind: &str, listener: &Function);
    #[wasm_bindgen(method, js_name = removeEventListener)]
    pub fn remove_event_listener(this: &AbortSignal, kind: &str, listener: &Function);

    /// What `fetch` resolves to.
    pub type FetchResponse;
    #[wasm_bindgen(method, getter)]
    pub fn status(this: &FetchResponse) -> u16;
    #[wasm_bindgen(method, catch)]
    pub fn text(this: &FetchResponse) -> Result<Promise, JsValue>;

    /// `setTimeout` on the global scope. The handle is a number in browsers and an object in Node.
    #[wasm_bindgen(js_name = setTimeout)]
    pub fn set_timeout(callback: &Function, ms: f64) -> JsValue;
    /// `clearTimeout` on the global scope.
    #[wasm_bindgen(js_name = clearTimeout)]
    pub fn clear_timeout(handle: &JsValue);
}

/// `f.bind(this_arg)`: a JS function that calls a JS method, so timers and listeners never hold
/// a Rust closure (a Rust closure handed to a timer that is later cleared would leak).
pub fn bound_method(target: &JsValue, method: &str) -> Option<Function> {
    let f: Function = js_sys::Reflect::get(target, &JsValue::from_str(method)).ok()?.dyn_into().ok()?;
    Some(f.bind0(target))
}

/// The global `fetch`, looked up at call time so a runtime's or a test's replacement is used.
pub fn global_fetch() -> Option<Function> {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("fetch")).ok()?.dyn_into().ok()
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
