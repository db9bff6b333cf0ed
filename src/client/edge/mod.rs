//! The Rust API of the Edge service: [`Client`], every method an `async fn`.
//!
//! A call flows as on the legacy [`crate::Client`]: a method of `ops.rs` builds its request;
//! [`Client::run`] encodes it (core), makes attempts through the same transport (the request
//! gloo-net built here in `wire.rs`, with the key in `Authorization`), retries read-only
//! methods with the core's rule, tries a method's older route once when the documented one is
//! missing, and decodes the answer (core). `pager.rs` walks paged lists; `wait.rs` polls a
//! send's delivery.

mod ops;
mod pager;
mod wait;
mod wire;

use std::rc::Rc;

use web_sys::AbortSignal;

use crate::core::edge::decode::{decode, is_missing_route, EdgeReply};
use crate::core::edge::encode::{encode, fallback, EdgeRequest, EdgeWire};
use crate::core::edge::ops::EdgeOp;
use crate::core::error::CoreError;
use crate::core::messages::{Text, NOT_EMPTY};
use crate::core::retry;
use crate::Error;

use super::format::EngineJson;
use super::sys::sleep;
use super::transport::{Answer, Transport};

pub use pager::Pager;

const DEFAULT_BASE_URL: &str = "https://edge.ippanel.com/v1";

/// An API key as a header value: printable ASCII (a header cannot carry anything else).
const API_KEY: Text = (
    "must be an API key: printable ASCII characters",
    "باید کلید API باشد: نویسه‌های چاپی ASCII",
);

/// How to reach the Edge service, for [`Client::new`].
///
/// ```
/// let config = ippanel_wasm::edge::Config {
///     api_key: "your-api-key".into(),
///     timeout_ms: Some(10_000),
///     ..Default::default()
/// };
/// # let _ = config;
/// ```
#[derive(Clone, Default)]
pub struct Config {
    /// The panel's API key, sent as the `Authorization` header exactly as given (no scheme is
    /// added or removed); never in an error, a log line or `Debug` output.
    pub api_key: String,
    /// `https://edge.ippanel.com/v1` when `None`; calls go to `{base_url}/api/…`. Redirects
    /// are not followed, so the key never goes on to another address.
    pub base_url: Option<String>,
    /// Per attempt, body included, in milliseconds; 30,000 when `None`.
    pub timeout_ms: Option<u32>,
    /// Extra attempts for read-only methods after a network error, a timeout or a 5xx; 2 when
    /// `None`, at most 10. Sends, `cancel` and `create_pattern` are never repeated.
    pub retries: Option<u32>,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("api_key", &"***")
            .field("base_url", &self.base_url)
            .field("timeout_ms", &self.timeout_ms)
            .field("retries", &self.retries)
            .finish()
    }
}

/// A client for one Edge account (one API key). Cheap to clone: clones share one configuration.
///
/// ```no_run
/// # async fn run() -> Result<(), ippanel_wasm::Error> {
/// use ippanel_wasm::edge::{Client, Config};
///
/// let edge = Client::new(Config { api_key: "your-api-key".into(), ..Default::default() })?;
/// let credit = edge.credit().await?;
/// println!("{} rials", credit.credit);
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Rc<Inner>,
    /// What aborts this handle's calls besides dropping them ([`Client::with_signal`]).
    signal: Option<AbortSignal>,
}

struct Inner {
    api_key: String,
    /// The key as an answer may echo it besides as given: percent-encoded (a URL, a form) and
    /// escaped inside a JSON string; each is masked in errors too.
    key_spellings: Vec<String>,
    retries: u32,
    transport: Transport,
    /// What the first call finds out for all others (the runtime's settings, the headers).
    prepared: wire::Prepared,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.transport.base_url)
            .finish_non_exhaustive()
    }
}

/// The other spellings of `key` an answer may carry: percent-encoded as a form writes it (space
/// as `+`) and as `encodeURIComponent` does, and JSON-escaped; only those that differ from it.
fn spellings(key: &str) -> Vec<String> {
    let mut form = crate::core::form::Form::new();
    form.push("k", key);
    let form = String::from(form.finish().get(2..).unwrap_or_default());
    let mut component = String::with_capacity(key.len() * 3);
    for b in key.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            component.push(char::from(b));
        } else {
            component.push('%');
            component.push(crate::core::num::hex_digit(u32::from(b >> 4)));
            component.push(crate::core::num::hex_digit(u32::from(b)));
        }
    }
    let mut json = String::new();
    crate::core::num::write_json_string(&mut json, key);
    let json = String::from(json.get(1..json.len().saturating_sub(1)).unwrap_or_default());
    let mut out: Vec<String> = Vec::new();
    for spelling in [form, component, json] {
        if spelling != key && !out.contains(&spelling) {
            out.push(spelling);
        }
    }
    out
}

/// An answer to decode, with what its errors need.
pub(crate) struct Fetched {
    op: EdgeOp,
    answer: Answer,
    dispatched: bool,
}

fn invalid(field: &str, (en, fa): Text) -> Error {
    Error::new(CoreError::input(field, en, fa), "EdgeClient", false)
}

impl Client {
    /// A client for the account whose API key `config` holds.
    ///
    /// # Errors
    /// An [`ErrorKind::Input`](crate::ErrorKind::Input) error for an empty API key or one that
    /// is not printable ASCII, a `base_url` that is not `https://` or `http://` with a host, a
    /// zero timeout, or more than 10 retries.
    pub fn new(config: Config) -> Result<Client, Error> {
        Client::build(config, None)
    }

    /// As [`Client::new`], with every request dispatched through `fetch` (a JS function called
    /// as `fetch(request)`) instead of the global `fetch`; whatever it answers is checked.
    ///
    /// # Errors
    /// As [`Client::new`].
    pub fn with_fetch(config: Config, fetch: js_sys::Function) -> Result<Client, Error> {
        Client::build(config, Some(fetch))
    }

    fn build(config: Config, fetch: Option<js_sys::Function>) -> Result<Client, Error> {
        if config.api_key.trim().is_empty() {
            return Err(invalid("apiKey", NOT_EMPTY));
        }
        // gloo-net throws (through the wasm) for a header value the runtime refuses.
        if !config.api_key.bytes().all(|b| (0x20..0x7f).contains(&b) || b == b'\t') {
            return Err(invalid("apiKey", API_KEY));
        }
        let (base_url, timeout_ms, retries) = super::settings(
            config.base_url.as_deref(),
            DEFAULT_BASE_URL,
            config.timeout_ms,
            config.retries,
        )
        .map_err(|(field, text)| invalid(field, text))?;
        let key_spellings = spellings(&config.api_key);
        Ok(Client {
            inner: Rc::new(Inner {
                key_spellings,
                api_key: config.api_key,
                retries,
                transport: Transport {
                    base_url,
                    timeout_ms,
                    fetch,
                    services: Default::default(),
                },
                prepared: Default::default(),
            }),
            signal: None,
        })
    }

    /// A handle on the same client whose calls also stop when `signal` aborts (then they fail
    /// with [`ErrorKind::Aborted`](crate::ErrorKind::Aborted) and their request is aborted).
    pub fn with_signal(&self, signal: AbortSignal) -> Client {
        Client {
            inner: Rc::clone(&self.inner),
            signal: Some(signal),
        }
    }

    /// The base URL calls go to (`{base_url}/api/…`).
    pub fn base_url(&self) -> &str {
        &self.inner.transport.base_url
    }

    /// The public error for a failure of `op`, the key scrubbed from every field.
    pub(crate) fn fail(&self, op: EdgeOp, mut error: CoreError, dispatched: bool) -> Error {
        error.redact(&self.inner.api_key);
        for spelling in &self.inner.key_spellings {
            error.redact(spelling);
        }
        let may_have_sent = op.may_have_sent(&error, dispatched);
        Error::new(error, op.wire_name(), may_have_sent)
    }

    /// One call's answer: encode, attempt until an answer arrives or the retry rule gives up
    /// (and the older route once, where there is one and the documented route is missing).
    /// Not generic over the result type, so the wasm holds one copy of it for every method;
    /// [`Client::read`] then decodes.
    pub(crate) async fn fetch(&self, request: &EdgeRequest, signal: Option<&AbortSignal>) -> Result<Fetched, Error> {
        let op = request.op();
        let wire = encode(request).map_err(|e| self.fail(op, e, false))?;
        let (mut answer, mut dispatched) = self.exchange(op, &wire, signal).await?;
        if let Some(older) = fallback(request, &wire) {
            if is_missing_route(answer.status, &answer.text, &EngineJson) {
                let (retried, sent) = self.exchange(op, &older, signal).await?;
                answer = retried;
                dispatched |= sent;
            }
        }
        Ok(Fetched { op, answer, dispatched })
    }

    /// The answer `fetched` as its result, or its error.
    pub(crate) fn read<R: EdgeReply>(&self, fetched: Fetched) -> Result<R, Error> {
        let Fetched { op, answer, dispatched } = fetched;
        decode::<R, _>(answer.status, &answer.text, &EngineJson).map_err(|e| self.fail(op, e, dispatched))
    }

    /// Checks `request` without sending it.
    pub(crate) fn check(&self, request: &EdgeRequest) -> Result<(), Error> {
        encode(request).map(drop).map_err(|e| self.fail(request.op(), e, false))
    }

    /// Sends `wire` until an answer that is not a 5xx arrives or the retry rule gives up; the
    /// last answer is returned for decoding (a 5xx envelope's code is kept), a failure without
    /// an answer as the error. Not generic over the result type, so the attempt loop exists
    /// once in the wasm.
    async fn exchange(
        &self,
        op: EdgeOp,
        wire: &EdgeWire,
        signal: Option<&AbortSignal>,
    ) -> Result<(Answer, bool), Error> {
        let outgoing = wire::EdgeOutgoing {
            wire,
            key: &self.inner.api_key,
            prepared: &self.inner.prepared,
        };
        let mut attempts = 1;
        let mut dispatched = false;
        loop {
            let attempt = self.inner.transport.attempt(&outgoing, signal).await;
            dispatched |= attempt.dispatched;
            let (error, answer) = match attempt.result {
                Ok(answer) if (500..=599).contains(&answer.status) => {
                    (CoreError::http(answer.status, ""), Some(answer))
                }
                Ok(answer) => return Ok((answer, dispatched)),
                Err(error) => (error, None),
            };
            let jitter = js_sys::Math::random();
            let Some(wait) = retry::next_attempt(op, &error, attempts, self.inner.retries, jitter) else {
                return match answer {
                    Some(answer) => Ok((answer, dispatched)),
                    None => Err(self.fail(op, error, dispatched)),
                };
            };
            if !sleep(f64::from(wait), signal).await {
                return Err(self.fail(op, CoreError::aborted(), dispatched));
            }
            attempts += 1;
        }
    }
}
