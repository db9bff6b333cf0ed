//! One attempt of one call: the request gloo-net builds, dispatched through the caller's
//! `fetch` or the global one, under a per-attempt timeout and the caller's abort signal, and its
//! body read as bytes under a cap.
//!
//! gloo-net's own `send` is not used: it binds the global `fetch` only, calls `unreachable!`
//! when fetch rejects with something that is not an `Error` (a caller's `fetch`, an abort with
//! a string reason) and panics when fetch answers something that is not a `Response`; a panic
//! traps the wasm. Here every rejection is a `network`, `timeout` or `aborted` error instead.

use gloo_net::http::Request;
use js_sys::Function;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AbortController, AbortSignal, RequestRedirect};

use crate::core::encode::WireRequest;
use crate::core::error::CoreError;
use crate::core::ops::Endpoint;

use super::body::{into_answer, read_capped, status_and_headers};
use super::guard::AbortGuard;
use super::sys;

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

/// A request to make. The legacy forms and the Edge calls each build and dispatch their own,
/// so a wasm that makes only one kind holds only its code.
pub trait Outgoing {
    /// Builds the request for `transport`, aborted by `signal`, and hands it to `fetch` (the
    /// caller's or the global one): what `fetch` answered or threw, or the error that kept the
    /// request from being made.
    fn dispatch(&self, transport: &Transport, signal: &AbortSignal) -> Result<Result<JsValue, JsValue>, CoreError>;
}

impl Outgoing for WireRequest {
    fn dispatch(&self, transport: &Transport, signal: &AbortSignal) -> Result<Result<JsValue, JsValue>, CoreError> {
        let (request, init) = transport.build(self, signal)?;
        Ok(transport.fetch_built(&request, init.as_ref()))
    }
}

impl Transport {
    /// Makes one attempt of `wire`.
    pub async fn attempt<W: Outgoing + ?Sized>(&self, wire: &W, caller: Option<&AbortSignal>) -> Attempt {
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
        let started = match wire.dispatch(self, &guard.abort.signal()) {
            Ok(started) => started,
            Err(error) => {
                return Attempt {
                    result: Err(error),
                    dispatched: false,
                }
            }
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

    /// `request` (with `init`, where there is one) handed to the caller's `fetch` or the global
    /// one.
    pub(super) fn fetch_built(
        &self,
        request: &web_sys::Request,
        init: Option<&web_sys::RequestInit>,
    ) -> Result<JsValue, JsValue> {
        match (&self.fetch, init) {
            (None, Some(init)) => sys::global_fetch_with(request, init),
            (None, None) => sys::global_fetch(request),
            // A caller's fetch gets one whole Request, as fetch is usually called.
            (Some(fetch), Some(init)) => web_sys::Request::new_with_request_and_init(request, init)
                .and_then(|whole| fetch.call1(&JsValue::UNDEFINED, &whole)),
            (Some(fetch), None) => fetch.call1(&JsValue::UNDEFINED, request),
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
    pub(super) fn build(
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
        let (request, redirect, no_window) = probe(|redirect| {
            Request::post(&url)
                .header("content-type", "application/x-www-form-urlencoded;charset=UTF-8")
                .redirect(redirect)
                .build()
        })?;
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

/// The request `make` builds with the strictest redirect setting the runtime has (`"error"`,
/// else `"manual"`), that setting, and whether the runtime takes `window: null` beside it.
pub(super) fn probe(
    make: impl Fn(RequestRedirect) -> Result<Request, gloo_net::Error>,
) -> Result<(web_sys::Request, RequestRedirect, bool), CoreError> {
    let (request, redirect) = match make(RequestRedirect::Error) {
        Ok(request) => (web_sys::Request::from(request), RequestRedirect::Error),
        Err(_) => (built(make(RequestRedirect::Manual))?, RequestRedirect::Manual),
    };
    let check = web_sys::RequestInit::new();
    set_no_window(&check);
    let no_window = web_sys::Request::new_with_request_and_init(&request, &check).is_ok();
    Ok((request, redirect, no_window))
}

/// Sets `init.window = null` (web-sys has no setter for it).
pub(super) fn set_no_window(init: &web_sys::RequestInit) {
    let _ = js_sys::Reflect::set(init, &JsValue::from_str("window"), &JsValue::NULL);
}

/// The request gloo-net built. Its error quotes the URL, which holds the password for pattern
/// sends: say only that the URL was refused.
pub(super) fn built(request: Result<Request, gloo_net::Error>) -> Result<web_sys::Request, CoreError> {
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
