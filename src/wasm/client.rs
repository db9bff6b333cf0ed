//! The `Client` class: every ippanel op as a method returning a Promise.

use std::rc::Rc;

use crate::core::error::CoreError;
use crate::core::request::{self, Credentials, Op, Request, SendRequest};
use crate::core::{bulk, retry};
use js_sys::{Array, Object, Promise};
use wasm_bindgen::prelude::*;

use super::bindings::{set, AbortSignal};
use super::error::to_js_error;
use super::read;
use super::transport::{self, Transport};

const DEFAULT_BASE_URL: &str = "https://ippanel.com";
const DEFAULT_TIMEOUT_MS: f64 = 30_000.0;
const DEFAULT_RETRIES: f64 = 2.0;
/// `setTimeout` clamps larger delays to 1 ms, which would turn a long timeout into none.
const MAX_TIMER_MS: f64 = 2_147_483_647.0;

/// A client for one ippanel account.
///
/// ```js
/// const client = new Client({ username: "me", password: "secret" });
/// const { bulkId } = await client.send({ from: "3000505", to: "09121234567", message: "Hi" });
/// ```
#[wasm_bindgen]
pub struct Client {
    inner: Rc<Inner>,
}

/// What every call of one `Client` shares, calls in flight included.
pub(super) struct Inner {
    username: String,
    password: String,
    /// The password as it appears percent-encoded in a pattern URL, to redact that form too.
    password_encoded: String,
    pub(super) transport: Transport,
}

impl Inner {
    fn credentials(&self) -> Credentials<'_> {
        Credentials { username: &self.username, password: &self.password }
    }

    /// The JS error for a failure, with the password scrubbed from every field.
    pub(super) fn reject(&self, op: Op, mut error: CoreError, dispatched: bool) -> JsValue {
        error.redact(&self.password);
        error.redact(&self.password_encoded);
        let may_have_sent = retry::may_have_sent(op, &error, dispatched);
        to_js_error(&error, op.wire_name(), may_have_sent)
    }
}

/// Encodes a request that was read and starts it; a bad request is a rejected promise.
fn start(inner: &Rc<Inner>, op: Op, read: Result<(Request, Option<AbortSignal>), CoreError>) -> Promise {
    let started = read.and_then(|(request, signal)| Ok((request::encode(inner.credentials(), &request)?, signal)));
    match started {
        Ok((wire, signal)) => transport::start(inner, op, &wire, signal.as_ref()),
        Err(error) => Promise::reject(&inner.reject(op, error, false)),
    }
}

/// Reads a request object and its `signal`.
fn with_signal(req: &JsValue, reader: fn(&JsValue) -> Result<Request, CoreError>) -> Result<(Request, Option<AbortSignal>), CoreError> {
    let request = reader(req)?;
    Ok((request, read::signal(req)?))
}

/// Reads the optional trailing options bag (`{ signal }`) of methods that take no request.
fn opts_signal(opts: &JsValue) -> Result<Option<AbortSignal>, CoreError> {
    if opts.is_undefined() || opts.is_null() {
        return Ok(None);
    }
    read::object(opts, "options")?;
    read::signal(opts)
}

fn no_request(request: Request, opts: &JsValue) -> Result<(Request, Option<AbortSignal>), CoreError> {
    Ok((request, opts_signal(opts)?))
}

/// A positive option, or its default when absent.
fn opt_positive(options: &JsValue, field: &str, default: f64, max: f64) -> Result<f64, CoreError> {
    match read::opt_number(options, field)? {
        None => Ok(default),
        Some(n) if n.is_finite() && n > 0.0 && n <= max => Ok(n),
        Some(_) => Err(CoreError::input(field, "must be a positive number in range", "باید عددی مثبت و در محدوده باشد")),
    }
}

#[wasm_bindgen]
impl Client {
    /// `new Client({ username, password, baseUrl?, timeoutMs?, retries?, fetch? })`.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<Client, JsValue> {
        Self::from_options(&options).map_err(|e| to_js_error(&e, "Client", false))
    }

    fn from_options(options: &JsValue) -> Result<Client, CoreError> {
        read::object(options, "options")?;
        let username = read::string(options, "username")?;
        let password = read::string(options, "password")?;
        if username.trim().is_empty() {
            return Err(CoreError::input("username", "must not be empty", "نباید خالی باشد"));
        }
        if password.is_empty() {
            return Err(CoreError::input("password", "must not be empty", "نباید خالی باشد"));
        }
        let base_url = match read::opt_string(options, "baseUrl")? {
            None => String::from(DEFAULT_BASE_URL),
            Some(url) => {
                let mut trimmed = url.trim();
                while let Some(shorter) = trimmed.strip_suffix('/') {
                    trimmed = shorter;
                }
                let lower = trimmed.to_ascii_lowercase();
                let host_len = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://")).map_or(0, str::len);
                if host_len == 0 {
                    return Err(CoreError::input("baseUrl", "must start with https:// or http:// and name a host", "باید با https:// یا http:// شروع شود و میزبان داشته باشد"));
                }
                String::from(trimmed)
            }
        };
        let timeout_ms = opt_positive(options, "timeoutMs", DEFAULT_TIMEOUT_MS, MAX_TIMER_MS)?;
        let retries = match read::opt_number(options, "retries")? {
            None => DEFAULT_RETRIES,
            Some(n) if (0.0..=10.0).contains(&n) && n.fract() == 0.0 => n,
            Some(_) => return Err(CoreError::input("retries", "must be a whole number from 0 to 10", "باید عدد صحیح بین ۰ تا ۱۰ باشد")),
        };
        let fetch = read::opt_function(options, "fetch")?;
        let mut form = crate::core::form::Form::new();
        form.push("p", &password);
        let encoded = form.finish();
        let password_encoded = String::from(encoded.get(2..).unwrap_or_default());
        Ok(Client {
            inner: Rc::new(Inner {
                username,
                password,
                password_encoded,
                transport: Transport { base_url, timeout_ms, retries: retries as u32, fetch: fetch.map_or(JsValue::UNDEFINED, JsValue::from) },
            }),
        })
    }

    /// Reads now (so a bad argument is reported against what the caller passed), runs later;
    /// either way the outcome is a promise.
    fn spawn(&self, op: Op, read: Result<(Request, Option<AbortSignal>), CoreError>) -> Promise {
        start(&self.inner, op, read)
    }

    /// `send`: one message to one or more recipients. Resolves to `{ bulkId }`.
    pub fn send(&self, req: JsValue) -> Promise {
        self.spawn(Op::Send, with_signal(&req, read::send))
    }

    /// Pattern send (`patterns/pattern`). Resolves to `{ bulkId }`.
    #[wasm_bindgen(js_name = sendPattern)]
    pub fn send_pattern(&self, req: JsValue) -> Promise {
        self.spawn(Op::SendPattern, with_signal(&req, read::send_pattern))
    }

    /// `postalcodesend`. Resolves to `{ bulkId }`.
    #[wasm_bindgen(js_name = postalCodeSend)]
    pub fn postal_code_send(&self, req: JsValue) -> Promise {
        self.spawn(Op::PostalCodeSend, with_signal(&req, read::postal_code_send))
    }

    /// `postalcodecount`. Resolves to a number.
    #[wasm_bindgen(js_name = postalCodeCount)]
    pub fn postal_code_count(&self, req: JsValue) -> Promise {
        self.spawn(Op::PostalCodeCount, with_signal(&req, read::postal_code_count))
    }

    /// `postalcodearea`. Resolves to `{ code, name }[]`.
    #[wasm_bindgen(js_name = postalCodeArea)]
    pub fn postal_code_area(&self, opts: JsValue) -> Promise {
        self.spawn(Op::PostalCodeArea, no_request(Request::PostalCodeArea, &opts))
    }

    /// `booksend`. Resolves to `{ bulkId }`.
    #[wasm_bindgen(js_name = bookSend)]
    pub fn book_send(&self, req: JsValue) -> Promise {
        self.spawn(Op::BookSend, with_signal(&req, read::book_send))
    }

    /// `booklist`. Resolves to `{ id, title }[]`.
    #[wasm_bindgen(js_name = bookList)]
    pub fn book_list(&self, opts: JsValue) -> Promise {
        self.spawn(Op::BookList, no_request(Request::BookList, &opts))
    }

    /// `jobssend`. Resolves to `{ bulkId }`.
    #[wasm_bindgen(js_name = jobsSend)]
    pub fn jobs_send(&self, req: JsValue) -> Promise {
        self.spawn(Op::JobsSend, with_signal(&req, read::jobs_send))
    }

    /// `jobslist`. Resolves to `{ id, title }[]`.
    #[wasm_bindgen(js_name = jobList)]
    pub fn job_list(&self, opts: JsValue) -> Promise {
        self.spawn(Op::JobList, no_request(Request::JobList, &opts))
    }

    /// `jobstrenlist`. Resolves to `{ id, title }[]`.
    #[wasm_bindgen(js_name = jobTrendList)]
    pub fn job_trend_list(&self, job_id: JsValue, opts: JsValue) -> Promise {
        let read = read::number_value(&job_id, "jobId").and_then(|job_id| no_request(Request::JobTrendList { job_id }, &opts));
        self.spawn(Op::JobTrendList, read)
    }

    /// `jobscount`. Resolves to a number.
    #[wasm_bindgen(js_name = jobsCount)]
    pub fn jobs_count(&self, req: JsValue) -> Promise {
        self.spawn(Op::JobsCount, with_signal(&req, read::jobs_count))
    }

    /// `checkmessage`. Resolves to `{ status, approval }`.
    #[wasm_bindgen(js_name = checkMessage)]
    pub fn check_message(&self, bulk_id: JsValue, opts: JsValue) -> Promise {
        let read = read::id_value(&bulk_id, "bulkId").and_then(|bulk_id| no_request(Request::CheckMessage { bulk_id }, &opts));
        self.spawn(Op::CheckMessage, read)
    }

    /// `delivery`. Resolves to `{ recipient, status }[]`.
    pub fn delivery(&self, bulk_id: JsValue, opts: JsValue) -> Promise {
        let read = read::id_value(&bulk_id, "bulkId").and_then(|bulk_id| no_request(Request::Delivery { bulk_id }, &opts));
        self.spawn(Op::Delivery, read)
    }

    /// `inboxlist`. Resolves to `{ from, to, message, receivedAt }[]`.
    #[wasm_bindgen(js_name = inboxList)]
    pub fn inbox_list(&self, opts: JsValue) -> Promise {
        self.spawn(Op::InboxList, no_request(Request::InboxList, &opts))
    }

    /// `credit`. Resolves to the account's credit in rials.
    pub fn credit(&self, opts: JsValue) -> Promise {
        self.spawn(Op::Credit, no_request(Request::Credit, &opts))
    }

    /// `newuser`. Resolves to `{ userId }`.
    #[wasm_bindgen(js_name = newUser)]
    pub fn new_user(&self, req: JsValue) -> Promise {
        self.spawn(Op::NewUser, with_signal(&req, read::new_user))
    }

    /// `accesslist`. Resolves to `{ id, title, price, discount }[]`.
    #[wasm_bindgen(js_name = accessList)]
    pub fn access_list(&self, opts: JsValue) -> Promise {
        self.spawn(Op::AccessList, no_request(Request::AccessList, &opts))
    }

    /// Checks a `sendBulk` request and splits its recipients into batches. The loop over the
    /// batches is `sendBulk` in `js/long_calls.js` (each batch a `send` call), so the wasm
    /// carries no async runtime. Returns `{ batches, send, concurrency, total, onProgress,
    /// signal }` (the last two `undefined` when not given): `batches` the normalized recipients of each `send`, `send` its other fields
    /// (`time` as wire text). Throws the `IppanelError` of a bad request: invalid numbers fail
    /// the whole call before anything is sent.
    #[wasm_bindgen(js_name = __planBulk)]
    pub fn plan_bulk(&self, req: JsValue) -> Result<JsValue, JsValue> {
        self.read_bulk(&req).map_err(|e| self.inner.reject(Op::Send, e, false))
    }

    fn read_bulk(&self, req: &JsValue) -> Result<JsValue, CoreError> {
        let SendRequest { from, to, message, time } = read::send_fields(req)?;
        let chunk_size = read::opt_number(req, "chunkSize")?.unwrap_or(100.0);
        let concurrency = read::opt_number(req, "concurrency")?.unwrap_or(4.0);
        if !((1.0..=64.0).contains(&concurrency) && concurrency.fract() == 0.0) {
            return Err(CoreError::input("concurrency", "must be a whole number from 1 to 64", "باید عدد صحیح بین ۱ تا ۶۴ باشد"));
        }
        let batches = bulk::plan_batches(&to, chunk_size)?;
        // Every batch shares the sender, text and time, so encoding one checks them for all.
        if let Some(first) = batches.first() {
            let request = Request::Send(SendRequest { from: from.clone(), to: first.clone(), message: message.clone(), time: time.clone() });
            request::encode(self.inner.credentials(), &request)?;
        }
        let on_progress = read::opt_function(req, "onProgress")?;
        let signal = read::signal(req)?;

        let send = Object::new();
        set(&send, "from", &JsValue::from_str(&from));
        set(&send, "message", &JsValue::from_str(&message));
        if let Some(time) = &time {
            set(&send, "time", &JsValue::from_str(&request::send_time(time)?));
        }
        let out = Object::new();
        let lists = batches.iter().map(|batch| batch.iter().map(|r| JsValue::from_str(r)).collect::<Array>());
        set(&out, "batches", &lists.collect::<Array>());
        set(&out, "send", &send);
        set(&out, "concurrency", &JsValue::from_f64(concurrency));
        set(&out, "total", &JsValue::from_f64(to.len() as f64));
        set(&out, "onProgress", &on_progress.into());
        set(&out, "signal", &signal.into());
        Ok(out.into())
    }

    /// Checks `waitForDelivery`'s arguments; the polling loop is `waitForDelivery` in
    /// `js/long_calls.js`. Returns `{ intervalMs, timeoutMs, onUpdate, signal }`; throws the
    /// `IppanelError` of a bad argument.
    #[wasm_bindgen(js_name = __planWait)]
    pub fn plan_wait(&self, bulk_id: JsValue, opts: JsValue) -> Result<JsValue, JsValue> {
        self.read_wait(&bulk_id, &opts).map_err(|e| self.inner.reject(Op::Delivery, e, false))
    }

    fn read_wait(&self, bulk_id: &JsValue, opts: &JsValue) -> Result<JsValue, CoreError> {
        let bulk_id = read::id_value(bulk_id, "bulkId")?;
        if !(opts.is_undefined() || opts.is_null()) {
            read::object(opts, "options")?;
        }
        let interval = opt_positive(opts, "intervalMs", 5_000.0, MAX_TIMER_MS)?;
        let timeout = opt_positive(opts, "timeoutMs", 600_000.0, f64::MAX)?;
        let on_update = read::opt_function(opts, "onUpdate")?;
        let signal = read::signal(opts)?;
        request::encode(self.inner.credentials(), &Request::Delivery { bulk_id })?;
        let out = Object::new();
        set(&out, "intervalMs", &JsValue::from_f64(interval));
        set(&out, "timeoutMs", &JsValue::from_f64(timeout));
        set(&out, "onUpdate", &on_update.into());
        set(&out, "signal", &signal.into());
        Ok(out.into())
    }

    /// What `JSON.stringify(client)` shows: never the password.
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> JsValue {
        let out = Object::new();
        set(&out, "baseUrl", &JsValue::from_str(&self.inner.transport.base_url));
        set(&out, "username", &JsValue::from_str(&self.inner.username));
        out.into()
    }
}
