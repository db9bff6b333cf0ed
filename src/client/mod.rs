//! The Rust API: [`Client`], every op an `async fn`.
//!
//! A call flows: an op of `ops.rs` builds its request; [`Client::run`] here encodes it (core),
//! makes attempts through `transport.rs` (the request gloo-net built, under the abort guard of
//! `guard.rs`, its answer read by `body.rs`), decodes the answer (core, JSON through
//! `format.rs`), and between attempts waits the backoff the core's retry rule says. `bulk.rs`
//! holds the calls that loop over other calls; `sys.rs` every JS global the crate binds.
//! Dropping the future drops the attempt in flight, whose guard aborts its request.

mod body;
mod bulk;
#[cfg(feature = "edge")]
pub mod edge;
mod format;
mod guard;
mod ops;
mod sys;
mod transport;

use std::rc::Rc;

use web_sys::AbortSignal;

use crate::core::encode::{encode, Credentials};
use crate::core::error::CoreError;
use crate::core::form::Form;
use crate::core::messages::{Text, BASE_URL, NOT_EMPTY, RETRIES, TIME_IN_RANGE};
use crate::core::ops::Op;
use crate::core::request::Request;
use crate::core::response::{decode, Reply};
use crate::core::retry;
use crate::Error;

pub use bulk::{BulkBatch, BulkProgress, BulkReport, WaitOptions};
use format::EngineJson;
use sys::sleep;
use transport::Answer;
use transport::Transport;

const DEFAULT_BASE_URL: &str = "https://ippanel.com";
const DEFAULT_TIMEOUT_MS: u32 = 30_000;
const DEFAULT_RETRIES: u32 = 2;
const MAX_RETRIES: u32 = 10;

/// How to reach the service, for [`Client::new`].
///
/// ```
/// let config = ippanel_wasm::Config {
///     username: "me".into(),
///     password: "secret".into(),
///     timeout_ms: Some(10_000),
///     ..Default::default()
/// };
/// ```
#[derive(Clone, Default)]
pub struct Config {
    /// The account's username (`uname`).
    pub username: String,
    /// The account's password (`pass`); never in an error, a log line or `Debug` output.
    pub password: String,
    /// The service's origin, `https://ippanel.com` when `None` (a reseller's host, or your own
    /// proxy: calls go to `{base_url}/services.jspd` and `{base_url}/patterns/pattern`).
    /// Redirects are not followed, so the password never goes on to another address.
    pub base_url: Option<String>,
    /// Per attempt, in milliseconds; 30,000 when `None`.
    pub timeout_ms: Option<u32>,
    /// Extra attempts for read-only ops after a network error, a timeout or a 5xx; 2 when
    /// `None`, at most 10. Sends and `new_user` are never repeated.
    pub retries: Option<u32>,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("username", &self.username)
            .field("password", &"***")
            .field("base_url", &self.base_url)
            .field("timeout_ms", &self.timeout_ms)
            .field("retries", &self.retries)
            .finish()
    }
}

/// A client for one ippanel account. Cheap to clone: clones share one configuration.
///
/// ```no_run
/// # async fn run() -> Result<(), ippanel_wasm::Error> {
/// use ippanel_wasm::{Client, Config};
///
/// let client = Client::new(Config { username: "me".into(), password: "secret".into(), ..Default::default() })?;
/// let rials: f64 = client.credit().await?;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Rc<Inner>,
    /// What aborts this handle's calls besides dropping them ([`Client::with_signal`]).
    signal: Option<AbortSignal>,
}

struct Inner {
    username: String,
    password: String,
    /// The password as it appears percent-encoded in a pattern URL, to redact that form too.
    password_encoded: String,
    retries: u32,
    transport: Transport,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("username", &self.inner.username)
            .field("base_url", &self.inner.transport.base_url)
            .finish_non_exhaustive()
    }
}

fn invalid(field: &str, (en, fa): Text) -> Error {
    Error::new(CoreError::input(field, en, fa), "Client", false)
}

impl Client {
    /// A client for the account `config` names.
    ///
    /// # Errors
    /// An [`ErrorKind::Input`](crate::ErrorKind::Input) error for an empty username or password,
    /// a `base_url` that is not `https://` or `http://` with a host, a zero timeout, or more
    /// than 10 retries.
    pub fn new(config: Config) -> Result<Client, Error> {
        Client::build(config, None)
    }

    /// As [`Client::new`], with every request dispatched through `fetch` instead of the
    /// global `fetch`: a JS function called as `fetch(request)` that returns a `Response` or a
    /// promise of one (a service binding's `fetch`, a test double, a wrapper that logs).
    ///
    /// Whatever it answers is checked: a rejection, a throw or something that is not a
    /// `Response` fails the call with a typed error, never a trap.
    ///
    /// # Errors
    /// As [`Client::new`].
    pub fn with_fetch(config: Config, fetch: js_sys::Function) -> Result<Client, Error> {
        Client::build(config, Some(fetch))
    }

    fn build(config: Config, fetch: Option<js_sys::Function>) -> Result<Client, Error> {
        if config.username.trim().is_empty() {
            return Err(invalid("username", NOT_EMPTY));
        }
        if config.password.is_empty() {
            return Err(invalid("password", NOT_EMPTY));
        }
        let (base_url, timeout_ms, retries) = settings(
            config.base_url.as_deref(),
            DEFAULT_BASE_URL,
            config.timeout_ms,
            config.retries,
        )
        .map_err(|(field, text)| invalid(field, text))?;
        let mut form = Form::new();
        form.push("p", &config.password);
        let encoded = form.finish();
        let password_encoded = String::from(encoded.get(2..).unwrap_or_default());
        Ok(Client {
            inner: Rc::new(Inner {
                username: config.username,
                password: config.password,
                password_encoded,
                retries,
                transport: Transport {
                    base_url,
                    timeout_ms,
                    fetch,
                    services: Default::default(),
                },
            }),
            signal: None,
        })
    }

    /// A handle on the same client whose calls also stop when `signal` aborts, for code that
    /// holds an `AbortSignal` (a Worker's incoming request, a page's `AbortController`) rather
    /// than dropping the call's future. A call stopped this way fails with
    /// [`ErrorKind::Aborted`](crate::ErrorKind::Aborted), and its request is aborted; a signal
    /// already aborted fails the call before anything is sent.
    ///
    /// ```no_run
    /// # async fn run(client: ippanel_wasm::Client) -> Result<(), ippanel_wasm::Error> {
    /// let controller = web_sys::AbortController::new().expect("AbortController");
    /// let credit = client.with_signal(controller.signal()).credit().await?;
    /// # Ok(()) }
    /// ```
    pub fn with_signal(&self, signal: AbortSignal) -> Client {
        Client {
            inner: Rc::clone(&self.inner),
            signal: Some(signal),
        }
    }

    /// The origin calls go to.
    pub fn base_url(&self) -> &str {
        &self.inner.transport.base_url
    }

    /// The account's username.
    pub fn username(&self) -> &str {
        &self.inner.username
    }

    /// The public error for a failure of `op`, with the password scrubbed from every field.
    pub(crate) fn fail(&self, op: Op, mut error: CoreError, dispatched: bool) -> Error {
        error.redact(&self.inner.password);
        error.redact(&self.inner.password_encoded);
        let may_have_sent = retry::may_have_sent(op, &error, dispatched);
        Error::new(error, op.wire_name(), may_have_sent)
    }

    fn credentials(&self) -> Credentials<'_> {
        Credentials {
            username: &self.inner.username,
            password: &self.inner.password,
        }
    }

    /// Checks `request` without sending it (what [`Client::run`] does first).
    pub(crate) fn check(&self, request: &Request) -> Result<(), Error> {
        encode(self.credentials(), request)
            .map(drop)
            .map_err(|e| self.fail(request.op(), e, false))
    }

    /// One call: encode, attempt until an answer arrives or the retry rule gives up, decode.
    pub(crate) async fn run<R: Reply>(&self, request: Request, signal: Option<&AbortSignal>) -> Result<R, Error> {
        let op = request.op();
        let (answer, dispatched) = self.exchange(&request, signal).await?;
        self.decode(op, &answer, dispatched)
    }

    /// The answer to `op` as its result.
    pub(crate) fn decode<R: Reply>(&self, op: Op, answer: &Answer, dispatched: bool) -> Result<R, Error> {
        decode::<R, _>(op, answer.status, &answer.text, &EngineJson).map_err(|e| self.fail(op, e, dispatched))
    }

    /// Sends `request` until a 2xx answer arrives or the core's retry rule gives up. Not
    /// generic over the result type, so the wasm holds one copy of the attempt loop: decoding
    /// a 2xx answer never calls for another attempt (a malformed answer will not improve).
    pub(crate) async fn exchange(
        &self,
        request: &Request,
        signal: Option<&AbortSignal>,
    ) -> Result<(Answer, bool), Error> {
        let op = request.op();
        let wire = encode(self.credentials(), request).map_err(|e| self.fail(op, e, false))?;
        let mut attempts = 1;
        let mut dispatched = false;
        loop {
            let attempt = self.inner.transport.attempt(&wire, signal).await;
            dispatched |= attempt.dispatched;
            let error = match attempt.result {
                Ok(answer) if (200..=299).contains(&answer.status) => return Ok((answer, dispatched)),
                Ok(answer) => CoreError::http(answer.status, &answer.text),
                Err(error) => error,
            };
            let jitter = js_sys::Math::random();
            let Some(wait) = retry::next_attempt(op, &error, attempts, self.inner.retries, jitter) else {
                return Err(self.fail(op, error, dispatched));
            };
            if !sleep(f64::from(wait), signal).await {
                return Err(self.fail(op, CoreError::aborted(), dispatched));
            }
            attempts += 1;
        }
    }
}

/// The settings both clients share, checked: the base URL (`default` when `None`), the
/// per-attempt timeout and the retries; or the JS field that is wrong and why.
pub(crate) fn settings(
    base: Option<&str>,
    default: &str,
    timeout_ms: Option<u32>,
    retries: Option<u32>,
) -> Result<(String, u32, u32), (&'static str, Text)> {
    let base_url = match base {
        None => String::from(default),
        Some(url) => base_url(url).ok_or(("baseUrl", BASE_URL))?,
    };
    let timeout_ms = timeout_ms.unwrap_or(DEFAULT_TIMEOUT_MS);
    if timeout_ms == 0 || f64::from(timeout_ms) > sys::MAX_TIMER_MS {
        return Err(("timeoutMs", TIME_IN_RANGE));
    }
    let retries = retries.unwrap_or(DEFAULT_RETRIES);
    if retries > MAX_RETRIES {
        return Err(("retries", RETRIES));
    }
    Ok((base_url, timeout_ms, retries))
}

/// `url` without surrounding spaces and trailing slashes, when it is `https://` or `http://`
/// with something after it.
fn base_url(url: &str) -> Option<String> {
    let mut trimmed = url.trim();
    while let Some(shorter) = trimmed.strip_suffix('/') {
        trimmed = shorter;
    }
    let lower = trimmed.to_ascii_lowercase();
    let host = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    (!host.is_empty()).then(|| String::from(trimmed))
}
