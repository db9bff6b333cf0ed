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

use ippanel_wasm::{Error, ErrorCode};

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
    /// The Edge service's `errors`; left out (the class makes it `{}`) when there are none,
    /// as always on the main entry, whose wasm has no code for them.
    #[cfg(feature = "edge")]
    #[serde(skip_serializing_if = "FieldErrors::is_empty")]
    field_errors: FieldErrors<'a>,
}

/// Field path → messages, as a JS object.
#[cfg(feature = "edge")]
struct FieldErrors<'a>(&'a [(String, Vec<String>)]);

#[cfg(feature = "edge")]
impl FieldErrors<'_> {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(feature = "edge")]
impl Serialize for FieldErrors<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(path, texts)| (path, texts)))
    }
}

#[derive(Serialize)]
#[serde(untagged)]
enum Code<'a> {
    Num(f64),
    Text(&'a str),
}

/// An argument this layer could not read into the Rust API's types (not a string, too long,
/// not a whole number, ...): an `input` error, nothing sent. The message starts with the JS
/// field to fix, in English and Persian.
#[derive(Debug)]
pub struct BadArgument {
    message: String,
    message_fa: String,
}

impl BadArgument {
    pub fn new(field: &str, en: &str, fa: &str) -> BadArgument {
        let line = |text: &str| {
            let mut line = String::with_capacity(field.len() + 2 + text.len());
            line.push_str(field);
            line.push_str(": ");
            line.push_str(text);
            line
        };
        BadArgument {
            message: line(en),
            message_fa: line(fa),
        }
    }

    /// The `IppanelError` of kind `input` for this argument of the call `op`.
    pub fn to_js(&self, op: &str) -> JsValue {
        build(&Init {
            kind: "input",
            code: None,
            op,
            message: &self.message,
            message_fa: &self.message_fa,
            may_have_sent: false,
            status: None,
            body: None,
            #[cfg(feature = "edge")]
            field_errors: FieldErrors(&[]),
        })
    }
}

/// The JS error for `error`.
pub fn to_js(error: &Error) -> JsValue {
    let code = error.code().map(|c| match c {
        ErrorCode::Num(n) => Code::Num(*n as f64),
        ErrorCode::Text(t) => Code::Text(t),
    });
    build(&Init {
        kind: error.kind().as_str(),
        code,
        op: error.op(),
        message: error.message(),
        message_fa: error.message_fa(),
        may_have_sent: error.may_have_sent(),
        status: error.status(),
        body: error.body(),
        #[cfg(feature = "edge")]
        field_errors: FieldErrors(error.field_errors()),
    })
}

/// `new IppanelError(init)`, or a plain `Error` with the same fields when no class is
/// registered.
fn build(init: &Init<'_>) -> JsValue {
    let message = init.message;
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
    let plain = js_sys::Error::new(message);
    plain.set_name("IppanelError");
    let target: &Object = plain.unchecked_ref();
    let _ = Object::assign(target, init.unchecked_ref::<Object>());
    plain.into()
}
