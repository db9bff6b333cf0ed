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
use web_sys::{AbortController, AbortSignal, RequestRedirect};

use crate::core::encode::WireRequest;
use crate::core::error::{body_excerpt, CoreError, BODY_EXCERPT_BYTES};
use crate::core::ops::Endpoint;
use crate::core::response::undecodable;

use super::sys::{self, TimedAbort};

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
    /// The `services.jspd` request gloo-net built (method, URL, content type, redirects), made
    /// on first use; each call copies it with its own body and signal. Building it anew per
    /// call cost two `Request` objects and a URL parse, a tenth of a call's time in Node.
    pub services: std::rc::Rc<std::cell::OnceCell<Template>>,
}

/// The built `services.jspd` request and what this runtime accepts of the redirect settings.
pub struct Template {
    request: web_sys::Request,
    /// `"error"` where the runtime has it, else `"manual"` (workerd has only `"follow"` and
    /// `"manual"`).
    redirect: RequestRedirect,
    /// Whether calls say `window: null`: with it and `redirect: "error"`, a fetch need not
    /// keep a copy of the request (and tee its body) to replay on a redirect, about a tenth
    /// of a call's time in Node.
    no_window: bool,
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
/// attempt ends, and so after a timeout too. Its controller also aborts at the attempt's
/// timeout and when the caller's signal does.
struct AbortGuard {
    abort: TimedAbort,
    /// Set once the answer is read whole: there is nothing left to abort, and aborting would
    /// only cost the runtime an `AbortError` per call.
    finished: bool,
    /// With a caller's `fetch`: settles when the controller aborts. Every wait of the attempt
    /// races it, so a timeout or the caller's abort ends the attempt even when that `fetch` does
    /// not honour its signal. The runtime's own fetch does, and racing costs a tenth of a
    /// call's time, so it is not raced.
    aborted: Option<js_sys::Promise>,
}

impl Drop for AbortGuard {
    fn drop(&mut self) {
        if !self.finished {
            self.abort.controller.abort();
        }
    }
}

impl AbortGuard {
    fn new(timeout_ms: u32, caller: Option<&AbortSignal>, race: bool) -> Option<AbortGuard> {
        let abort = TimedAbort::start(Some(f64::from(timeout_ms)), caller)?;
        let signal = abort.signal();
        let aborted = race.then(|| {
            js_sys::Promise::new(&mut |resolve, _reject| {
                let _ = signal.add_event_listener_with_callback("abort", &resolve);
            })
        });
        Some(AbortGuard {
            abort,
            finished: false,
            aborted,
        })
    }

    /// `promise`'s outcome, or (with a caller's `fetch`) `Err(undefined)` as soon as the
    /// attempt is aborted.
    async fn settle(&self, promise: js_sys::Promise) -> Result<JsValue, JsValue> {
        let Some(aborted) = &self.aborted else {
            return JsFuture::from(promise).await;
        };
        let race = js_sys::Promise::race(&js_sys::Array::of2(&promise, aborted));
        let outcome = JsFuture::from(race).await;
        if self.abort.signal().aborted() {
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
        let aborted = || Attempt {
            result: Err(CoreError::aborted()),
            dispatched: false,
        };
        if caller.is_some_and(AbortSignal::aborted) {
            return aborted();
        }
        let Some(mut guard) = AbortGuard::new(self.timeout_ms, caller, self.fetch.is_some()) else {
            return Attempt {
                result: Err(CoreError::network("AbortController is not available")),
                dispatched: false,
            };
        };
        let (request, init) = match self.build(wire, &guard.abort.signal()) {
            Ok(built) => built,
            Err(error) => {
                return Attempt {
                    result: Err(error),
                    dispatched: false,
                }
            }
        };
        let started = match (&self.fetch, &init) {
            (None, Some(init)) => sys::global_fetch_with(&request, init),
            (None, None) => sys::global_fetch(&request),
            // A caller's fetch gets one whole Request, as fetch is usually called.
            (Some(fetch), Some(init)) => web_sys::Request::new_with_request_and_init(&request, init)
                .and_then(|whole| fetch.call1(&JsValue::UNDEFINED, &whole)),
            (Some(fetch), None) => fetch.call1(&JsValue::UNDEFINED, &request),
        };
        let failed = |error: JsValue, dispatched: bool| Attempt {
            result: Err(self.failure(&error, &guard.abort.controller, caller)),
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
            return Attempt {
                result: Err(error),
                dispatched: true,
            };
        };
        let (status, declared, plain) = status_and_headers(&response);
        let result = match read_capped(&response, declared, plain, &guard).await {
            Ok(bytes) => Ok(bytes),
            Err(error) => return failed(error, true),
        };
        // Read whole (or cut at the cap, where the reader was cancelled already).
        guard.finished = true;
        let result = result.and_then(|body| into_answer(status, body));
        drop(guard);
        Attempt {
            result,
            dispatched: true,
        }
    }

    /// The request: a form POST to `services.jspd` (the built request, and this call's body and
    /// signal to send it with), or a body-less POST whose query string carries a pattern send
    /// (the service reads those fields from the query).
    ///
    /// Redirects are not followed: the service answers where it is asked, and a `307` or `308`
    /// would send the password on to wherever it points. A redirect fails the call instead
    /// (`"error"`: a network error), or, where the runtime has only `"manual"` (workerd), comes
    /// back as its 3xx answer, an `http` error.
    fn build(
        &self,
        wire: &WireRequest,
        signal: &AbortSignal,
    ) -> Result<(web_sys::Request, Option<web_sys::RequestInit>), CoreError> {
        let template = match self.services.get() {
            Some(template) => template,
            None => {
                let made = self.template()?;
                self.services.get_or_init(|| made)
            }
        };
        match wire.endpoint {
            Endpoint::Services => {
                let init = web_sys::RequestInit::new();
                init.set_body(&JsValue::from_str(&wire.fields));
                init.set_signal(Some(signal));
                if template.no_window {
                    set_no_window(&init);
                }
                Ok((Clone::clone(&template.request), Some(init)))
            }
            Endpoint::Pattern => {
                let url = [self.base_url.as_str(), "/patterns/pattern?", wire.fields.as_str()].concat();
                Ok((
                    built(
                        Request::post(&url)
                            .redirect(template.redirect)
                            .abort_signal(Some(signal))
                            .build(),
                    )?,
                    None,
                ))
            }
        }
    }

    /// Builds the `services.jspd` request with the strictest redirect setting the runtime has,
    /// and finds out whether it takes `window: null`.
    fn template(&self) -> Result<Template, CoreError> {
        let url = [self.base_url.as_str(), "/services.jspd"].concat();
        let make = |redirect| {
            Request::post(&url)
                .header("content-type", "application/x-www-form-urlencoded;charset=UTF-8")
                .redirect(redirect)
                .build()
        };
        let (request, redirect) = match make(RequestRedirect::Error) {
            Ok(request) => (web_sys::Request::from(request), RequestRedirect::Error),
            Err(_) => (built(make(RequestRedirect::Manual))?, RequestRedirect::Manual),
        };
        let probe = web_sys::RequestInit::new();
        set_no_window(&probe);
        let no_window = web_sys::Request::new_with_request_and_init(&request, &probe).is_ok();
        Ok(Template {
            request,
            redirect,
            no_window,
        })
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

/// Sets `init.window = null` (web-sys has no setter for it).
fn set_no_window(init: &web_sys::RequestInit) {
    let _ = js_sys::Reflect::set(init, &JsValue::from_str("window"), &JsValue::NULL);
}

/// The request gloo-net built. Its error quotes the URL, which holds the password for pattern
/// sends: say only that the URL was refused.
fn built(request: Result<Request, gloo_net::Error>) -> Result<web_sys::Request, CoreError> {
    request
        .map(web_sys::Request::from)
        .map_err(|_| CoreError::network("the runtime refused the request URL"))
}

/// What a rejection says: an `Error`'s message and its cause's code (Node's `fetch failed`
/// carries `ECONNRESET` there), or a string as it is.
fn describe(error: &JsValue) -> String {
    if let Some(text) = error.as_string() {
        return text;
    }
    let mut out = sys::get(error, "message")
        .as_string()
        .unwrap_or_else(|| String::from("fetch failed"));
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
    if body.len() > MAX_BODY_BYTES {
        return Err(CoreError::too_large(status, &lossy_head(&body)));
    }
    match String::from_utf8(body) {
        Ok(text) => Ok(Answer { status, text }),
        Err(error) => Err(undecodable(status, &lossy_head(error.as_bytes()))),
    }
}

/// The beginning of a body that is refused, for the error: its first 2 KB, decoded lossily.
fn lossy_head(body: &[u8]) -> String {
    let cut = body.get(..BODY_EXCERPT_BYTES).unwrap_or(body);
    body_excerpt(&String::from_utf8_lossy(cut))
}

/// What a response says about itself. A real `Response` is read through gloo-net; anything
/// else a caller's `fetch` answered (a mock, another realm's object) through catching reads,
/// since gloo-net's `Headers::get` throws through the wasm on an object that is not `Headers`.
fn status_and_headers(raw: &web_sys::Response) -> (u16, Option<u64>, bool) {
    let (status, length, encoding) = if raw.is_instance_of::<web_sys::Response>() {
        let response = Response::from(Clone::clone(raw));
        let headers = response.headers();
        (
            response.status(),
            headers.get("content-length"),
            headers.get("content-encoding"),
        )
    } else {
        let headers = sys::get(raw, "headers");
        let header = |name: &str| sys::call1(&headers, "get", &JsValue::from_str(name)).and_then(|v| v.as_string());
        let status = sys::get(raw, "status")
            .as_f64()
            .filter(|s| (0.0..=999.0).contains(s))
            .unwrap_or(0.0);
        (status as u16, header("content-length"), header("content-encoding"))
    };
    let declared = length.and_then(|v| v.trim().parse::<u64>().ok());
    let plain = encoding.map_or(true, |e| e.trim().eq_ignore_ascii_case("identity"));
    (status, declared, plain)
}

/// At most what fits under the cap and one byte more of `bytes` (a JS view), appended to `out`:
/// a caller's `fetch` may hand over one huge chunk, which must not be copied whole.
fn append_capped(out: &mut Vec<u8>, bytes: &Uint8Array) {
    let room = (MAX_BODY_BYTES + 1).saturating_sub(out.len()) as u32;
    let take = bytes.length().min(room);
    let start = out.len();
    out.resize(start + take as usize, 0);
    if let Some(slot) = out.get_mut(start..) {
        bytes.subarray(0, take).copy_to(slot);
    }
}

/// A chunk or buffer as bytes: this realm's `Uint8Array`, an `ArrayBuffer`, or another realm's
/// typed array or buffer (read through a view of this realm); `None` for anything else.
fn as_bytes(value: &JsValue) -> Option<Uint8Array> {
    if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
        return Some(bytes.clone());
    }
    if value.is_instance_of::<js_sys::ArrayBuffer>() {
        return Some(Uint8Array::new(value));
    }
    let length = sys::get(value, "byteLength").as_f64()?;
    let buffer = sys::get(value, "buffer");
    let offset = sys::get(value, "byteOffset").as_f64().unwrap_or(0.0);
    if buffer.is_object() && length >= 0.0 {
        // A foreign view: a view of its buffer (buffers are shared across realms' views).
        Some(Uint8Array::new_with_byte_offset_and_length(
            &buffer,
            offset as u32,
            length as u32,
        ))
    } else {
        // A foreign ArrayBuffer.
        Some(Uint8Array::new(value))
    }
}

/// The body's bytes, or its first [`MAX_BODY_BYTES`] and at most one more chunk when it is
/// longer: an uncompressed body that declares a length within the cap is read whole (the fast
/// path every real answer takes); any other is streamed and dropped once over the cap, so a
/// runaway answer cannot fill memory. A compressed body is always streamed: its declared
/// length is the compressed one, and fetch hands over the bytes decompressed. Every call on the
/// body goes through a catching binding: a caller's `fetch` may answer a locked stream or a
/// Node stream, which must fail the call, not throw through the wasm.
async fn read_capped(
    raw: &web_sys::Response,
    declared: Option<u64>,
    plain: bool,
    guard: &AbortGuard,
) -> Result<Vec<u8>, JsValue> {
    let stream = sys::get(raw, "body");
    if stream.is_null() || stream.is_undefined() {
        return Ok(Vec::new());
    }
    let not_bytes = || JsValue::from_str("the response body is not a stream of bytes");
    let mut bytes: Vec<u8> = Vec::new();
    if plain && declared.is_some_and(|n| n <= MAX_BODY_BYTES as u64) {
        let pending = sys::call0(raw, "arrayBuffer").ok_or_else(not_bytes)?;
        let buffer = guard.settle(sys::promise_resolve(&pending)?).await?;
        append_capped(&mut bytes, &as_bytes(&buffer).ok_or_else(not_bytes)?);
        return Ok(bytes);
    }
    let reader = Reader::of(&stream).ok_or_else(not_bytes)?;
    loop {
        let chunk = match guard.settle(reader.read().ok_or_else(not_bytes)?).await {
            Ok(chunk) => chunk,
            Err(error) => {
                reader.cancel();
                return Err(error);
            }
        };
        if sys::get(&chunk, "done").is_truthy() {
            break;
        }
        let Some(part) = as_bytes(&sys::get(&chunk, "value")) else {
            reader.cancel();
            return Err(not_bytes());
        };
        append_capped(&mut bytes, &part);
        if bytes.len() > MAX_BODY_BYTES {
            // Tell the server to stop; what it says about that does not matter.
            reader.cancel();
            break;
        }
    }
    Ok(bytes)
}

/// The body's reader: web-sys's for a real, unlocked `ReadableStream`, whose methods do not
/// throw; catching calls for anything else a caller's `fetch` answered.
enum Reader {
    Web(web_sys::ReadableStreamDefaultReader),
    Foreign(JsValue),
}

impl Reader {
    fn of(stream: &JsValue) -> Option<Reader> {
        if let Some(stream) = stream.dyn_ref::<web_sys::ReadableStream>() {
            if stream.locked() {
                return None;
            }
            return Some(Reader::Web(stream.get_reader().unchecked_into()));
        }
        sys::call0(stream, "getReader").map(Reader::Foreign)
    }

    /// The next chunk's promise.
    fn read(&self) -> Option<js_sys::Promise> {
        match self {
            Reader::Web(reader) => Some(reader.read()),
            Reader::Foreign(reader) => sys::call0(reader, "read").and_then(|p| sys::promise_resolve(&p).ok()),
        }
    }

    /// Tells the source to stop; its answer does not matter.
    fn cancel(&self) {
        let done = match self {
            Reader::Web(reader) => Some(reader.cancel().into()),
            Reader::Foreign(reader) => sys::call0(reader, "cancel"),
        };
        if let Some(done) = done {
            sys::quiet(&done);
        }
    }
}
