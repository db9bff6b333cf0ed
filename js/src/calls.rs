//! How a JS method's Rust call becomes its promise, for both entries' classes.

use std::future::Future;
use std::pin::Pin;

use ippanel_wasm::Error;
use js_sys::Promise;
use serde::Serialize;
use wasm_bindgen::JsValue;

use crate::error::{self, BadArgument};
use crate::to_plain;

type Boxed = Pin<Box<dyn Future<Output = Result<JsValue, JsValue>>>>;

/// A promise of `future`'s outcome. The futures are boxed so that wasm-bindgen-futures'
/// promise glue is compiled once for all of them rather than once per future type.
fn promise(future: Boxed) -> Promise {
    wasm_bindgen_futures::future_to_promise(future)
}

/// The promise of a Rust API call: its result as a plain JS value, or its `IppanelError`.
pub(crate) fn answer<R: Serialize>(call: impl Future<Output = Result<R, Error>> + 'static) -> Promise {
    promise(Box::pin(async move {
        call.await.map(|r| to_plain(&r)).map_err(|e| error::to_js(&e))
    }))
}

/// A promise already rejected with the `input` error of an argument of `op`.
pub(crate) fn reject(op: &str, error: BadArgument) -> Promise {
    Promise::reject(&error.to_js(op))
}
