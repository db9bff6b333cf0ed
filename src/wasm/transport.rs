//! The one transport, driven from JavaScript so that a call costs no Rust future and no Rust
//! closure: `start` hands the request to the JS `run` loop (`js/transport.js`, registered by
//! the package entry), which makes each attempt (fetch, per-attempt timeout, the caller's
//! `AbortSignal`, body read) and passes its outcome to [`settle`]. `settle` is where the policy
//! stays: decoding, the retry rule for read-only ops and its backoff, and the error each outcome
//! means. A call in flight is a slot in a table here, named to JS by its index.

use std::cell::RefCell;
use std::rc::Rc;

use crate::core::error::CoreError;
use crate::core::request::{Endpoint, Op, WireRequest};
use crate::core::{response, retry};
use js_sys::{Array, Function, Promise};
use wasm_bindgen::prelude::*;

use super::bindings::{AbortSignal, RunFn};
use super::client::Inner;
use super::error::to_js_error;
use super::json_bridge::{to_js, EngineJson};

/// The JS half of the transport, and the one Rust closure JS calls back (made once, kept for
/// the life of the module).
struct Runtime {
    run: RunFn,
    settle: JsValue,
}

/// What [`settle`] needs to judge each attempt of a call in flight.
struct Call {
    inner: Rc<Inner>,
    op: Op,
    /// Attempts made so far, this one included.
    attempt: u32,
    /// Some attempt was handed to `fetch`, so a send may have reached the service.
    dispatched: bool,
}

thread_local! {
    static RUNTIME: RefCell<Option<Runtime>> = const { RefCell::new(None) };
    /// Calls in flight; a free slot is reused, so the table is as long as the most calls ever
    /// in flight at once.
    static CALLS: RefCell<Vec<Option<Call>>> = const { RefCell::new(Vec::new()) };
}

/// Registers the JS half of the transport (`run` of `js/transport.js`); called by every
/// package entry right after loading.
#[wasm_bindgen(js_name = __registerTransport)]
pub fn register_transport(run: Function) {
    let settle = Closure::<dyn FnMut(u32, JsValue) -> JsValue>::new(settle).into_js_value();
    let runtime = Runtime { run: run.unchecked_into(), settle };
    RUNTIME.with(|slot| *slot.borrow_mut() = Some(runtime));
}

/// Where and how to call the service; shared by every call of one `Client`.
pub struct Transport {
    /// Origin (and optional path prefix) without a trailing slash.
    pub base_url: String,
    pub timeout_ms: f64,
    pub retries: u32,
    /// The caller's `fetch`, or `undefined` for the global one.
    pub fetch: JsValue,
}

/// Starts `wire` as a call of `inner`'s client. The promise resolves with the decoded result
/// as a JS value, or rejects with the `IppanelError` of the last attempt.
pub fn start(inner: &Rc<Inner>, op: Op, wire: &WireRequest, signal: Option<&AbortSignal>) -> Promise {
    let runtime = RUNTIME.with(|slot| slot.borrow().as_ref().map(|r| (r.run.clone(), r.settle.clone())));
    let Some((run, settle)) = runtime else {
        let error = CoreError::network("the wasm was loaded without a package entry: no transport registered");
        return Promise::reject(&inner.reject(op, error, false));
    };
    let transport = &inner.transport;
    let mut url = String::with_capacity(transport.base_url.len() + wire.fields.len() + 20);
    url.push_str(&transport.base_url);
    let body = match wire.endpoint {
        Endpoint::Services => {
            url.push_str("/services.jspd");
            JsValue::from_str(&wire.fields)
        }
        Endpoint::Pattern => {
            // The service reads pattern sends from the query string.
            url.push_str("/patterns/pattern?");
            url.push_str(&wire.fields);
            JsValue::UNDEFINED
        }
    };
    let call = Call { inner: inner.clone(), op, attempt: 1, dispatched: false };
    let id = CALLS.with(|calls| {
        let mut calls = calls.borrow_mut();
        match calls.iter().position(Option::is_none) {
            Some(free) => {
                if let Some(slot) = calls.get_mut(free) {
                    *slot = Some(call);
                }
                free
            }
            None => {
                calls.push(Some(call));
                calls.len() - 1
            }
        }
    }) as u32;
    let signal = signal.map_or(JsValue::UNDEFINED, |s| s.into());
    match run.run(&JsValue::UNDEFINED, &settle, id, &transport.fetch, &url, &body, transport.timeout_ms, &signal) {
        Ok(promise) => promise,
        Err(_) => {
            take_call(id);
            Promise::reject(&inner.reject(op, CoreError::network("the transport failed to start"), false))
        }
    }
}

fn take_call(id: u32) -> Option<Call> {
    CALLS.with(|calls| calls.borrow_mut().get_mut(id as usize).and_then(Option::take))
}

/// Judges one attempt's outcome `[status, text, failure?, dispatched?]` (see `js/transport.js`)
/// for call `id`. Returns `[0, result]` to resolve, `[1, error]` to reject, or `[2, delayMs]` to
/// attempt again after that backoff.
fn settle(id: u32, outcome: JsValue) -> JsValue {
    let Some(mut call) = take_call(id) else {
        let error = CoreError::network("the transport reported an unknown call");
        return Array::of2(&JsValue::from_f64(1.0), &to_js_error(&error, "", false)).into();
    };
    let op = call.op;
    let outcome: Array = outcome.unchecked_into();
    let status = outcome.get(0).as_f64().unwrap_or(0.0) as u16;
    let text = outcome.get(1).as_string().unwrap_or_default();
    let result = match outcome.get(2).as_string() {
        None => {
            call.dispatched = true;
            response::decode(op, status, &text, &EngineJson)
        }
        Some(failure) if failure == "too_large" => {
            call.dispatched = true;
            Err(CoreError::too_large(status, &text))
        }
        Some(failure) if failure == "not_utf8" => {
            call.dispatched = true;
            Err(response::undecodable(status, &text))
        }
        Some(failure) => {
            call.dispatched |= outcome.get(3).is_truthy();
            Err(match failure.as_str() {
                "timeout" => CoreError::timeout(call.inner.transport.timeout_ms as u32),
                "aborted" => CoreError::aborted(),
                _ => CoreError::network(&text),
            })
        }
    };
    let error = match result {
        Ok(value) => return Array::of2(&JsValue::from_f64(0.0), &to_js(&value)).into(),
        Err(error) => error,
    };
    let max_attempts = if op.is_read_only() { call.inner.transport.retries.saturating_add(1) } else { 1 };
    if call.attempt < max_attempts && retry::should_retry(op, &error) {
        let wait = retry::backoff_ms(call.attempt, js_sys::Math::random());
        call.attempt += 1;
        CALLS.with(|calls| {
            if let Some(slot) = calls.borrow_mut().get_mut(id as usize) {
                *slot = Some(call);
            }
        });
        return Array::of2(&JsValue::from_f64(2.0), &JsValue::from_f64(f64::from(wait))).into();
    }
    Array::of2(&JsValue::from_f64(1.0), &call.inner.reject(op, error, call.dispatched)).into()
}
