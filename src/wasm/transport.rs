//! The one transport. Each attempt is one call of the JS `attempt` function (`js/transport.js`,
//! registered by the package entry): it does the `fetch`, the per-attempt timeout, the caller's
//! `AbortSignal` and the body read, and resolves to a plain array. This side keeps what is
//! policy: the URL and body, the retry rule for read-only ops, and the error each outcome means.
//! One awaited promise per attempt keeps both the wasm's async code and the per-call work small.

use std::cell::RefCell;

use crate::core::error::CoreError;
use crate::core::request::{Endpoint, Op, WireRequest};
use crate::core::retry;
use js_sys::{Array, Function};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::bindings::{AbortSignal, AttemptFn, DelayFn};

thread_local! {
    /// `attempt` and `delay` of `js/transport.js`.
    static RUNTIME: RefCell<Option<(AttemptFn, DelayFn)>> = const { RefCell::new(None) };
}

/// Registers the JS half of the transport; called by every package entry right after loading.
#[wasm_bindgen(js_name = __registerTransport)]
pub fn register_transport(attempt: Function, delay: Function) {
    RUNTIME.with(|slot| *slot.borrow_mut() = Some((attempt.unchecked_into(), delay.unchecked_into())));
}

fn runtime() -> Result<(AttemptFn, DelayFn), CoreError> {
    RUNTIME
        .with(|slot| slot.borrow().clone())
        .ok_or_else(|| CoreError::network("the wasm was loaded without a package entry: no transport registered"))
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

/// How an attempt or a whole call failed, and whether the request left this process.
pub struct Failure {
    pub error: CoreError,
    /// The request was handed to `fetch`, so a send may have reached the service.
    pub dispatched: bool,
}

impl Transport {
    /// Runs `wire`, retrying read-only ops per `retry::should_retry`, and returns what `decode`
    /// makes of the first usable answer, or the last failure.
    pub async fn call<T>(
        &self,
        op: Op,
        wire: &WireRequest,
        signal: Option<&AbortSignal>,
        decode: impl Fn(u16, &str) -> Result<T, CoreError>,
    ) -> Result<T, Failure> {
        let (attempt_fn, _) = runtime().map_err(|error| Failure { error, dispatched: false })?;
        let mut url = String::with_capacity(self.base_url.len() + wire.fields.len() + 20);
        url.push_str(&self.base_url);
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
        let signal = signal.map_or(JsValue::UNDEFINED, |s| s.into());
        let max_attempts = if op.is_read_only() { self.retries.saturating_add(1) } else { 1 };
        let mut dispatched = false;
        let mut delay_ms = 0;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let result = match attempt_fn.run(&JsValue::UNDEFINED, &self.fetch, &url, &body, self.timeout_ms, &signal, delay_ms) {
                Ok(promise) => JsFuture::from(promise).await,
                Err(thrown) => Err(thrown),
            };
            let outcome = match result {
                Ok(result) => self.outcome(&result.unchecked_into(), &mut dispatched, &decode),
                // `attempt` never rejects; this is only reachable if it was replaced.
                Err(_) => Err(CoreError::network("the transport failed")),
            };
            let error = match outcome {
                Ok(value) => return Ok(value),
                Err(error) => error,
            };
            if attempt >= max_attempts || !retry::should_retry(op, &error) {
                return Err(Failure { error, dispatched });
            }
            delay_ms = retry::backoff_ms(attempt, js_sys::Math::random());
        }
    }

    /// What one attempt's `[status, text, failure?, dispatched?]` means.
    fn outcome<T>(
        &self,
        result: &Array,
        dispatched: &mut bool,
        decode: &impl Fn(u16, &str) -> Result<T, CoreError>,
    ) -> Result<T, CoreError> {
        let status = result.get(0).as_f64().unwrap_or(0.0) as u16;
        let text = result.get(1).as_string().unwrap_or_default();
        let Some(failure) = result.get(2).as_string() else {
            *dispatched = true;
            return decode(status, &text);
        };
        if failure == "too_large" {
            *dispatched = true;
            return Err(CoreError::too_large(status, &text));
        }
        *dispatched |= result.get(3).is_truthy();
        Err(match failure.as_str() {
            "timeout" => CoreError::timeout(self.timeout_ms as u32),
            "aborted" => CoreError::aborted(),
            _ => CoreError::network(&text),
        })
    }
}

/// Waits `ms`, or less if `signal` fires; returns false when aborted.
pub async fn sleep(ms: f64, signal: Option<&AbortSignal>) -> bool {
    let Ok((_, delay)) = runtime() else { return false };
    let signal = signal.map_or(JsValue::UNDEFINED, |s| s.into());
    match delay.run(&JsValue::UNDEFINED, ms, &signal) {
        Ok(promise) => JsFuture::from(promise).await.is_ok_and(|v| v.is_truthy()),
        Err(_) => false,
    }
}
