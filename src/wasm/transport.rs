//! The one transport: a call to the global (or the caller's) `fetch`, with a per-attempt
//! timeout, the caller's `AbortSignal`, and the retry rule for read-only ops.

use crate::core::error::CoreError;
use crate::core::request::{Endpoint, Op, WireRequest};
use crate::core::retry;
use js_sys::{Function, Object, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::bindings::{
    bound_method, clear_timeout, get, global_fetch, set, set_timeout, AbortController, AbortSignal,
    FetchResponse,
};

/// Bodies longer than this (in UTF-16 units) are refused before they are copied into wasm
/// memory, which never shrinks; no ippanel answer comes near it.
const MAX_BODY_UNITS: u32 = 4 * 1024 * 1024;

/// Where and how to call the service; shared by every call of one `Client`.
pub struct Transport {
    /// Origin (and optional path prefix) without a trailing slash.
    pub base_url: String,
    pub timeout_ms: f64,
    pub retries: u32,
    /// The caller's `fetch`, or `None` for the global one.
    pub fetch: Option<Function>,
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
        let max_attempts = if op.is_read_only() { self.retries.saturating_add(1) } else { 1 };
        let mut dispatched = false;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let outcome = match self.attempt(wire, signal).await {
                Ok((status, body)) => {
                    dispatched = true;
                    decode(status, &body)
                }
                Err(failure) => {
                    dispatched |= failure.dispatched;
                    Err(failure.error)
                }
            };
            let error = match outcome {
                Ok(value) => return Ok(value),
                Err(error) => error,
            };
            if attempt >= max_attempts || !retry::should_retry(op, &error) {
                return Err(Failure { error, dispatched });
            }
            let wait = retry::backoff_ms(attempt, js_sys::Math::random());
            if !sleep(f64::from(wait), signal).await {
                return Err(Failure { error: CoreError::aborted(), dispatched });
            }
        }
    }

    /// One `fetch`, its body read as text, under one timeout.
    async fn attempt(&self, wire: &WireRequest, signal: Option<&AbortSignal>) -> Result<(u16, String), Failure> {
        let early = |error| Failure { error, dispatched: false };
        if signal.is_some_and(|s| s.aborted()) {
            return Err(early(CoreError::aborted()));
        }
        let fetch = match &self.fetch {
            Some(f) => f.clone(),
            None => global_fetch().ok_or_else(|| early(CoreError::network("no global fetch in this runtime")))?,
        };

        let mut url = String::with_capacity(self.base_url.len() + wire.fields.len() + 20);
        url.push_str(&self.base_url);
        let init = Object::new();
        set(&init, "method", &JsValue::from_str("POST"));
        match wire.endpoint {
            Endpoint::Services => {
                url.push_str("/services.jspd");
                let headers = Object::new();
                set(&headers, "content-type", &JsValue::from_str("application/x-www-form-urlencoded;charset=UTF-8"));
                set(&init, "headers", &headers);
                set(&init, "body", &JsValue::from_str(&wire.fields));
            }
            Endpoint::Pattern => {
                // The service reads pattern sends from the query string.
                url.push_str("/patterns/pattern?");
                url.push_str(&wire.fields);
            }
        }

        // One controller per attempt carries both the timeout and the caller's abort; timers
        // and listeners get bound JS methods, never Rust closures, so nothing leaks.
        let controller = AbortController::new();
        let ours = controller.signal();
        set(&init, "signal", &ours);
        let abort = bound_method(&controller, "abort");
        let timer = abort.as_ref().map(|f| set_timeout(f, self.timeout_ms));
        if let (Some(user), Some(f)) = (signal, &abort) {
            user.add_event_listener("abort", f);
        }

        let result = self.fetch_text(&fetch, &url, &init).await;

        if let Some(timer) = &timer {
            clear_timeout(timer);
        }
        if let (Some(user), Some(f)) = (signal, &abort) {
            user.remove_event_listener("abort", f);
        }

        result.map_err(|failed| {
            let (js_error, dispatched) = match failed {
                Attempt::Threw(js_error, dispatched) => (js_error, dispatched),
                Attempt::TooLarge(status, head) => {
                    return Failure { error: CoreError::too_large(status, &head), dispatched: true }
                }
            };
            let error = if signal.is_some_and(|s| s.aborted()) {
                CoreError::aborted()
            } else if ours.aborted() {
                CoreError::timeout(self.timeout_ms as u32)
            } else {
                CoreError::network(&describe(&js_error))
            };
            Failure { error, dispatched }
        })
    }

    async fn fetch_text(&self, fetch: &Function, url: &str, init: &Object) -> Result<(u16, String), Attempt> {
        // The global fetch must be called on the global object (browsers throw otherwise).
        let this = if self.fetch.is_some() { JsValue::UNDEFINED } else { js_sys::global().into() };
        let promise: Promise = fetch
            .call2(&this, &JsValue::from_str(url), init)
            .and_then(|p| p.dyn_into::<Promise>())
            .map_err(|e| Attempt::Threw(e, false))?;
        let sent = |e| Attempt::Threw(e, true);
        let response: FetchResponse = JsFuture::from(promise).await.map_err(sent)?.unchecked_into();
        let status = response.status();
        let text = JsFuture::from(response.text().map_err(sent)?).await.map_err(sent)?;
        let text: js_sys::JsString = text.dyn_into().map_err(sent)?;
        if text.length() > MAX_BODY_UNITS {
            return Err(Attempt::TooLarge(status, String::from(text.slice(0, 2048))));
        }
        Ok((status, String::from(text)))
    }
}

/// Why one attempt produced no body to decode.
enum Attempt {
    /// `fetch` or reading the body threw; `true` when the request had been handed to `fetch`.
    Threw(JsValue, bool),
    /// The body was over [`MAX_BODY_UNITS`]; its head, for the error.
    TooLarge(u16, String),
}

/// A short description of a JS exception: its message and, where Node gives one, the cause's code.
fn describe(error: &JsValue) -> String {
    let mut out = get(error, "message").as_string().unwrap_or_else(|| String::from("fetch failed"));
    if let Some(code) = get(&get(error, "cause"), "code").as_string() {
        out.push_str(" (");
        out.push_str(&code);
        out.push(')');
    }
    out
}

/// Waits `ms`, or less if `signal` fires; returns false when aborted.
pub async fn sleep(ms: f64, signal: Option<&AbortSignal>) -> bool {
    if signal.is_some_and(|s| s.aborted()) {
        return false;
    }
    let mut resolver: Option<Function> = None;
    let promise = Promise::new(&mut |resolve, _reject| {
        set_timeout(&resolve, ms);
        if let Some(s) = signal {
            s.add_event_listener("abort", &resolve);
        }
        resolver = Some(resolve);
    });
    let _ = JsFuture::from(promise).await;
    if let (Some(s), Some(resolve)) = (signal, &resolver) {
        s.remove_event_listener("abort", resolve);
    }
    !signal.is_some_and(|s| s.aborted())
}
