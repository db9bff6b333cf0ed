//! Errors as the JavaScript `IppanelError` users catch.
//!
//! The class itself is plain JavaScript (`js/ippanel_error.js`), registered once by the
//! package entry through `__registerErrorClass`, so that it is a real subclass of `Error` in
//! every runtime and the same class the package exports. Without a registered class (the raw
//! glue used directly) a plain `Error` with the same fields and `name` is thrown instead.

use std::cell::RefCell;

use js_sys::{Array, Function, Object};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::core::error::CoreError;
use crate::error::{Error, ErrorCode};

thread_local! {
    static ERROR_CLASS: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// Registers the `IppanelError` class; called by every package entry right after loading.
#[wasm_bindgen(js_name = __registerErrorClass)]
pub fn register_error_class(class: Function) {
    ERROR_CLASS.with(|slot| *slot.borrow_mut() = Some(class));
}

/// What `new IppanelError(init)` takes.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Init<'a> {
    kind: &'a str,
    code: Option<Code<'a>>,
    op: &'a str,
    message: &'a str,
    message_fa: &'a str,
    may_have_sent: bool,
    status: Option<u16>,
    body: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Code<'a> {
    Num(f64),
    Text(&'a str),
}

/// The JS error for `error`.
pub fn to_js(error: &Error) -> JsValue {
    let code = error.code().map(|c| match c {
        ErrorCode::Num(n) => Code::Num(*n as f64),
        ErrorCode::Text(t) => Code::Text(t),
    });
    let init = Init {
        kind: error.kind().as_str(),
        code,
        op: error.op(),
        message: error.message(),
        message_fa: error.message_fa(),
        may_have_sent: error.may_have_sent(),
        status: error.status(),
        body: error.body(),
    };
    let init = init
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or_else(|_| Object::new().into());
    let class = ERROR_CLASS.with(|slot| slot.borrow().clone());
    if let Some(class) = class {
        if let Ok(error) = js_sys::Reflect::construct(&class, &Array::of1(&init)) {
            return error;
        }
    }
    // Fallback: a plain Error carrying the same fields.
    let plain = js_sys::Error::new(error.message());
    plain.set_name("IppanelError");
    let target: &Object = plain.unchecked_ref();
    let _ = Object::assign(target, init.unchecked_ref::<Object>());
    plain.into()
}

/// The JS error for a core error of a call that never reached a client (bad helper input).
pub fn core_to_js(error: CoreError, op: &'static str) -> JsValue {
    to_js(&Error::new(error, op, false))
}
