//! The JS built-ins this layer calls that js-sys binds without `catch`: every binding here
//! catches, so a hostile argument (a throwing getter, a revoked `Proxy`) becomes an `Err`
//! instead of a throw through the wasm.

use js_sys::{Array, Function};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `Array.isArray`; throws only for a revoked proxy.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array_or_throw(value: &JsValue) -> Result<bool, JsValue>;

    /// `Object.entries`; throws when a proxy's traps or a getter throw.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = entries)]
    pub fn entries_or_throw(value: &JsValue) -> Result<Array, JsValue>;
}

/// `Array.isArray(value)`, `false` when it throws.
pub fn is_array(value: &JsValue) -> bool {
    is_array_or_throw(value).unwrap_or(false)
}

/// `target[key]`, `undefined` when absent or when the getter throws.
pub fn get(target: &JsValue, key: &str) -> JsValue {
    if !target.is_object() && !target.is_function() {
        return JsValue::UNDEFINED;
    }
    js_sys::Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Calls an observer (`onProgress`, `onUpdate`). Its failure, thrown or as a rejected promise,
/// must not stop the calls it observes, nor surface as an unhandled rejection.
pub fn notify(callback: &Function, value: &JsValue) {
    let Ok(result) = callback.call1(&JsValue::UNDEFINED, value) else {
        return;
    };
    if let Ok(then) = get(&result, "then").dyn_into::<Function>() {
        thread_local! {
            static IGNORE: Closure<dyn FnMut(JsValue)> = Closure::new(|_: JsValue| {});
        }
        IGNORE.with(|ignore| {
            let _ = then.call2(&result, &JsValue::UNDEFINED, ignore.as_ref().unchecked_ref());
        });
    }
}
