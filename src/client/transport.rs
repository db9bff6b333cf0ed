//! One attempt of one call: the request gloo-net builds, dispatched through the caller's
//! `fetch` or the global one, under a per-attempt timeout and the caller's abort signal, and its
//! body read as bytes under a cap.
//!
//! gloo-net's own `send` is not used: it binds the global `fetch` only, calls `unreachable!`
//! when fetch rejects with something that is not an `Error` (a caller's `fetch`, an abort with
//! a string reason) and panics when fetch answers something that is not a `Response`; a panic
//! traps the wasm. Here every rejection is a `network`, `timeout` or `aborted` error instead.

use gloo_net::http::{Request, Response};
use js_sys::{Function, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal};

use crate::core::error::{body_excerpt, CoreError};
use crate::core::request::{Endpoint, WireRequest};
use crate::core::response::undecodable;

use super::sys::{self, AbortListener, Timer};

/// Bodies longer than this (bytes) are refused; no more than this and one chunk is ever held.
pub const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;

/// Where and how to call the service; shared by every call of one client.
#[derive(Clone)]
pub struct Transport {
    /// Origin (and optional path prefix) without a trailing slash.
    pub base_url: String,
    /// Per attempt.
    pub timeout_ms: u32,
    /// The caller's `fetch`, or `None` for the global one.
    pub fetch: Option<Function>,
    /// The `services.jspd` request gloo-net built (method, URL, content type), made on first
    /// use; each call copies it with its own body and signal. Building it anew per call cost
    /// two `Request` objects and a URL parse, a tenth of a call's time in Node.
    pub services: std::rc::Rc<std::cell::OnceCell<web_sys::Request>>,
}

/// An answer that arrived: its status and its body as text.
pub struct Answer {
    pub status: u16,
    pub text: String,
}

/// What one attempt came to, and whether its request was handed to `fetch` (so a send may have
/// reached the service even though no answer came back).
pub struct Attempt {
    pub result: Result<Answer, CoreError>,
    pub dispatched: bool,
}

/// Aborts the attempt's request when dropped: when the call's future is dropped, when the
/// attempt ends, and so after a timeout too. Also owns the timer and the listener on the
/// caller's signal, both removed on drop.
struct AbortGuard {
    controller: AbortController,
    /// Set once the answer is read whole: there is nothing left to abort, and aborting would
    /// only cost the runtime an `AbortError` per call.
    finished: bool,
    /// Settles when `controller` aborts. Every wait of the attempt races it, so a timeout or
    /// the caller's abort ends the attempt even when a `fetch` does not honour its signal (a
    /// caller's own, or one whose signal chain was collected).
    aborted: js_sys::Promise,
    _timer: Option<Timer>,
    _listener: Option<AbortListener>,
}

impl Drop for AbortGuard {
    fn drop(&mut self) {
        if !self.finished {
            self.controller.abort();
        }
    }
}

impl AbortGuard {
    fn new(timeout_ms: u32, caller: Option<&AbortSignal>) -> Option<AbortGuard> {
        let controller = AbortController::new().ok()?;
        // `controller.abort` bound to it: the timer and the caller's signal call it directly,
        // so no Rust closure is made per attempt.
        let abort = sys::get(&controller, "abort").dyn_into::<Function>().ok()?.bind0(&controller);
        let signal = controller.signal();
        let aborted = js_sys::Promise::new(&mut |resolve, _reject| {
            let _ = signal.add_event_listener_with_callback("abort", &resolve);
        });
        Some(AbortGuard {
            finished: false,
            aborted,
            _timer: Some(Timer::start(&abort, f64::from(timeout_ms))),
            _listener: caller.and_then(|signal| AbortListener::add(signal, &abort)),
            controller,
        })
    }

    /// `promise`'s outcome, or `Err(undefined)` as soon as the attempt is aborted.
    async fn settle(&self, promise: js_sys::Promise) -> Result<JsValue, JsValue> {
        let race = js_sys::Promise::race(&js_sys::Array::of2(&promise, &self.aborted));
        let outcome = JsFuture::from(race).await;
        if self.controller.signal().aborted() {
            // The losing promise may still reject later; nobody is listening then.
            sys::quiet(&promise);
            return Err(JsValue::UNDEFINED);
        }
        outcome
    }
}

impl Transport {
    /// Makes one attempt of `wire`.
    pub async fn attempt(&self, wire: &WireRequest, caller: Option<&AbortSignal>) -> Attempt {
        let aborted = || Attempt { result: Err(CoreError::aborted()), dispatched: false };
        if caller.is_some_and(AbortSignal::aborted) {
            return aborted();
        }
        let Some(mut guard) = AbortGuard::new(self.timeout_ms, caller) else {
            return Attempt { result: Err(CoreError::network("AbortController is not available")), dispatched: false };
        };
        let request = match self.build(wire, &guard.controller.signal()) {
            Ok(request) => request,
            Err(error) => return Attempt { result: Err(error), dispatched: false },
        };
        let started = match &self.fetch {
            Some(fetch) => fetch.call1(&JsValue::UNDEFINED, &request),
            None => sys::global_fetch(&request),
        };
        let failed = |error: JsValue, dispatched: bool| Attempt {
            result: Err(self.failure(&error, &guard.controller, caller)),
            dispatched,
        };
        let pending = match started.and_then(|value| sys::promise_resolve(&value)) {
            Ok(pending) => pending,
            Err(error) => return failed(error, false),
        };
        let response = match guard.settle(pending).await {
            Ok(response) => response,
            Err(error) => return failed(error, true),
        };
        let Some(response) = as_response(response) else {
            let error = CoreError::network("fetch answered something that is not a Response");
            return Attempt { result: Err(error), dispatched: true };
        };
        let result = match read_capped(&response, &guard).await {
            Ok(bytes) => Ok(bytes),
            Err(error) => return failed(error, true),
        };
        // Read whole (or cut at the cap, where the reader was cancelled already).
        guard.finished = true;
        let status = Response::from(Clone::clone(&response)).status();
        let result = result.and_then(|body| into_answer(status, body));
        drop(guard);
        Attempt { result, dispatched: true }
    }

    /// The request: a form POST to `services.jspd`, or a body-less POST whose query string
    /// carries a pattern send (the service reads those fields from the query).
    fn build(&self, wire: &WireRequest, signal: &AbortSignal) -> Result<web_sys::Request, CoreError> {
        let mut url = String::with_capacity(self.base_url.len() + wire.fields.len() + 20);
        url.push_str(&self.base_url);
        let builder = match wire.endpoint {
            Endpoint::Services => {
                let template = match self.services.get() {
                    Some(template) => Clone::clone(template),
                    None => {
                        url.push_str("/services.jspd");
                        let built = Request::post(&url)
                            .header("content-type", "application/x-www-form-urlencoded;charset=UTF-8")
                            .build()
                            .map(web_sys::Request::from)
                            .map_err(|_| CoreError::network("the runtime refused the request URL"))?;
                        let _ = self.services.set(Clone::clone(&built));
                        built
                    }
                };
                let init = web_sys::RequestInit::new();
                init.set_body(&JsValue::from_str(&wire.fields));
                init.set_signal(Some(signal));
                return web_sys::Request::new_with_request_and_init(&template, &init)
                    .map_err(|_| CoreError::network("the runtime refused the request"));
            }
            Endpoint::Pattern => {
                url.push_str("/patterns/pattern?");
                url.push_str(&wire.fields);
                Request::post(&url).abort_signal(Some(signal)).build()
            }
        };
        // gloo-net's error quotes the URL, which holds the password for pattern sends: say
        // only that the URL was refused.
        builder
            .map(web_sys::Request::from)
            .map_err(|_| CoreError::network("the runtime refused the request URL"))
    }

    /// The error for a rejected or throwing `fetch`: the caller's abort, this attempt's
    /// timeout, or a network failure with what the runtime said.
    fn failure(&self, error: &JsValue, controller: &AbortController, caller: Option<&AbortSignal>) -> CoreError {
        if caller.is_some_and(AbortSignal::aborted) {
            return CoreError::aborted();
        }
        if controller.signal().aborted() {
            return CoreError::timeout(self.timeout_ms);
        }
        CoreError::network(&describe(error))
    }
}

/// What a rejection says: an `Error`'s message and its cause's code (Node's `fetch failed`
/// carries `ECONNRESET` there), or a string as it is.
fn describe(error: &JsValue) -> String {
    if let Some(text) = error.as_string() {
        return text;
    }
    let mut out = sys::get(error, "message").as_string().unwrap_or_else(|| String::from("fetch failed"));
    if let Some(code) = sys::get(&sys::get(error, "cause"), "code").as_string() {
        out.push_str(" (");
        out.push_str(&code);
        out.push(')');
    }
    out
}

/// The value as a `Response`: a real one, or one from another realm (a caller's `fetch` may
/// use its own classes) that has a numeric `status`.
fn as_response(value: JsValue) -> Option<web_sys::Response> {
    if value.is_instance_of::<web_sys::Response>() || sys::get(&value, "status").as_f64().is_some() {
        Some(value.unchecked_into::<web_sys::Response>())
    } else {
        None
    }
}

/// The body as UTF-8 text, or the error for one that is too large or not UTF-8.
fn into_answer(status: u16, body: Vec<u8>) -> Result<Answer, CoreError> {
    let head = || {
        let cut = body.get(..2048).unwrap_or(&body);
        body_excerpt(&String::from_utf8_lossy(cut))
    };
    if body.len() > MAX_BODY_BYTES {
        return Err(CoreError::too_large(status, &head()));
    }
    match String::from_utf8(body) {
        Ok(text) => Ok(Answer { status, text }),
        Err(error) => {
            let body = error.into_bytes();
            let cut = body.get(..2048).unwrap_or(&body);
            Err(undecodable(status, &String::from_utf8_lossy(cut)))
        }
    }
}

/// The body's bytes, or its first [`MAX_BODY_BYTES`] and at most one more chunk when it is
/// longer: an uncompressed body that declares a length within the cap is read whole (the fast
/// path every real answer takes); any other is streamed and dropped once over the cap, so a
/// runaway answer cannot fill memory. A compressed body is always streamed: its declared
/// length is the compressed one, and fetch hands over the bytes decompressed.
async fn read_capped(raw: &web_sys::Response, guard: &AbortGuard) -> Result<Vec<u8>, JsValue> {
    let headers = Response::from(Clone::clone(raw)).headers();
    let declared = headers.get("content-length").and_then(|v| v.trim().parse::<u64>().ok());
    let plain = headers
        .get("content-encoding")
        .map_or(true, |e| e.trim().eq_ignore_ascii_case("identity"));
    let Some(stream) = raw.body() else {
        return Ok(Vec::new());
    };
    if plain && declared.is_some_and(|n| n <= MAX_BODY_BYTES as u64) {
        let buffer = guard.settle(raw.array_buffer()?).await?;
        return Ok(Uint8Array::new(&buffer).to_vec());
    }
    let reader: web_sys::ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut bytes: Vec<u8> = Vec::new();
    loop {
        let chunk = match guard.settle(reader.read()).await {
            Ok(chunk) => chunk,
            Err(error) => {
                sys::quiet(&reader.cancel());
                return Err(error);
            }
        };
        if sys::get(&chunk, "done").is_truthy() {
            break;
        }
        let value = sys::get(&chunk, "value");
        let Some(part) = value.dyn_ref::<Uint8Array>() else {
            break;
        };
        bytes.extend_from_slice(&part.to_vec());
        if bytes.len() > MAX_BODY_BYTES {
            // Tell the server to stop; what it says about that does not matter.
            sys::quiet(&reader.cancel());
            break;
        }
    }
    Ok(bytes)
}
