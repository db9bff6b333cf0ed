//! Turns a core `CoreError` into the JavaScript `IppanelError` users catch.
//!
//! The class itself is plain JavaScript (`js/ippanel_error.js`), registered once by the
//! package entry through `__registerErrorClass`, so that it is a real subclass of `Error` in
//! every runtime and the same class the package exports. Without a registered class (the raw
//! glue used directly) a plain `Error` with the same fields and `name` is thrown instead.

use std::cell::RefCell;

use crate::core::error::{CoreError, ErrorCode};
use js_sys::{Array, Function, Object};
use wasm_bindgen::prelude::*;

use super::bindings::set;

thread_local! {
    static ERROR_CLASS: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// Registers the `IppanelError` class; called by every package entry right after loading.
#[wasm_bindgen(js_name = __registerErrorClass)]
pub fn register_error_class(class: Function) {
    ERROR_CLASS.with(|slot| *slot.borrow_mut() = Some(class));
}

/// The JS error for `err`, raised by the call named `op`.
pub fn to_js_error(err: &CoreError, op: &str, may_have_sent: bool) -> JsValue {
    let init = Object::new();
    set(&init, "kind", &JsValue::from_str(err.kind.as_str()));
    let code = match &err.code {
        Some(ErrorCode::Num(n)) => JsValue::from_f64(*n as f64),
        Some(ErrorCode::Text(t)) => JsValue::from_str(t),
        None => JsValue::NULL,
    };
    set(&init, "code", &code);
    set(&init, "op", &JsValue::from_str(op));
    set(&init, "message", &JsValue::from_str(&err.message));
    set(&init, "messageFa", &JsValue::from_str(&err.message_fa));
    set(&init, "mayHaveSent", &JsValue::from_bool(may_have_sent));
    let status = err.status.map_or(JsValue::NULL, |s| JsValue::from_f64(f64::from(s)));
    set(&init, "status", &status);
    let body = err.body.as_deref().map_or(JsValue::NULL, JsValue::from_str);
    set(&init, "body", &body);

    let class = ERROR_CLASS.with(|slot| slot.borrow().clone());
    if let Some(class) = class {
        if let Ok(error) = js_sys::Reflect::construct(&class, &Array::of1(&init)) {
            return error;
        }
    }
    // Fallback: a plain Error carrying the same fields.
    let error = js_sys::Error::new(&err.message);
    error.set_name("IppanelError");
    let _ = Object::assign(error.unchecked_ref(), &init);
    error.into()
}
