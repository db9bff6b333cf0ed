//! The JavaScript `Client` class: a thin layer over the Rust [`crate::Client`].
//!
//! Each method reads its arguments now, synchronously and through catching reads (so a bad
//! argument is reported against what the caller passed, and a hostile one cannot throw through
//! the wasm), then runs the Rust call as a promise.

use js_sys::{Function, Promise};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

use crate::client::{Answer, BulkProgress, Config};
use crate::core::error::CoreError;
use crate::core::model::{
    AccessPackage, CreatedUser, DeliveryEntry, InboxMessage, Job, MessageCheck, Phonebook,
    PostalArea, Sent,
};
use crate::core::request::{
    BookSendRequest, JobsCountRequest, JobsSendRequest, NewUserRequest, Op, PostalCodeCountRequest,
    PostalCodeSendRequest, Request, SendBulkRequest, SendPatternRequest, SendRequest,
};
use crate::core::response::Reply;
use crate::core::value::{from_value, Value};

use super::args::Kind::{self, *};
use super::{args, error, to_plain};

/// A client for one ippanel account.
///
/// ```js
/// const client = new Client({ username: "me", password: "secret" });
/// const { bulkId } = await client.send({ from: "3000505", to: "09121234567", message: "Hi" });
/// ```
#[wasm_bindgen(js_name = Client)]
pub struct JsClient {
    client: crate::Client,
}

type Read<T> = Result<T, CoreError>;

/// `sendBulk`'s batches as JS sees them: `error` is the `IppanelError` itself.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Batch {
    recipients: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    bulk_id: Option<String>,
    #[serde(with = "serde_wasm_bindgen::preserve", skip_serializing_if = "JsValue::is_undefined")]
    error: JsValue,
}

#[derive(Serialize)]
struct Report {
    batches: Vec<Batch>,
    sent: usize,
    failed: usize,
}

/// Calls an observer. Its failure, thrown or as a rejected promise, must not stop the calls it
/// observes, nor surface as an unhandled rejection.
fn notify(callback: &Function, value: &JsValue) {
    if let Ok(result) = callback.call1(&JsValue::UNDEFINED, value) {
        crate::client::quiet(&result);
    }
}

/// A promise of `future`'s outcome. The futures are boxed so that wasm-bindgen-futures'
/// promise glue is compiled once for all of them rather than once per future type.
fn promise(future: std::pin::Pin<Box<dyn std::future::Future<Output = Result<JsValue, JsValue>>>>) -> Promise {
    wasm_bindgen_futures::future_to_promise(future)
}

/// Decodes an answer into the op's result, as a plain JS value or an `IppanelError`.
type Finish = fn(&crate::Client, Op, &Answer, bool) -> Result<JsValue, JsValue>;

/// Reads a checked copy of a request object as the op's request; `None` for what the checks
/// let through and its serde type refuses (nothing a JS caller can give).
type ReadRequest = fn(Value) -> Option<Request>;

fn finish<R: Reply + Serialize>(client: &crate::Client, op: Op, answer: &Answer, dispatched: bool) -> Result<JsValue, JsValue> {
    client.decode::<R>(op, answer, dispatched).map(|r| to_plain(&r)).map_err(|e| error::to_js(&e))
}

impl JsClient {
    fn reject(&self, op: Op, error: CoreError) -> Promise {
        Promise::reject(&error::to_js(&self.client.fail(op, error, false)))
    }

    /// Runs `request` (already read) as a promise of its result as a plain JS value. One
    /// future type serves every op (only the decoding step, `finish`, differs), so the wasm
    /// holds one copy of the call's state machine rather than one per result type.
    fn spawn(&self, op: Op, read: Read<(Request, Option<AbortSignal>)>, finish: Finish) -> Promise {
        let (request, signal) = match read {
            Ok(read) => read,
            Err(error) => return self.reject(op, error),
        };
        let client = self.client.clone();
        promise(Box::pin(async move {
            let (answer, dispatched) = client.exchange(&request, signal.as_ref()).await.map_err(|e| error::to_js(&e))?;
            finish(&client, op, &answer, dispatched)
        }))
    }

    /// A method whose one argument is a request object with `fields`, read by `read` (the
    /// request type's serde code) and answered through `finish`. Not generic: every such method
    /// shares this one copy, and only its request type's and result type's own code differs.
    fn request(&self, op: Op, req: &JsValue, fields: &[(&str, Kind)], read: ReadRequest, finish: Finish) -> Promise {
        let read = args::request(req, fields)
            .and_then(|value| read(value).ok_or_else(args::invalid))
            .and_then(|request| Ok((request, args::signal(req)?)));
        self.spawn(op, read, finish)
    }

    /// A method with no request, only the optional `{ signal }`.
    fn bare<R: Reply + Serialize>(&self, request: Request, opts: &JsValue) -> Promise {
        let op = request.op();
        let read = args::options(opts).and_then(|()| Ok((request, args::signal(opts)?)));
        self.spawn(op, read, finish::<R>)
    }

    fn read_options(options: &JsValue) -> Read<(Config, Option<Function>)> {
        args::object(options, "options")?;
        // A required text field is always `Some` once checked.
        let username = args::field_text(options, "username", Text)?.unwrap_or_default();
        let password = args::field_text(options, "password", Text)?.unwrap_or_default();
        let base_url = args::field_text(options, "baseUrl", OptText)?;
        let timeout_ms = args::positive(options, "timeoutMs", 2_147_483_647.0)?.map(|n| n.ceil() as u32);
        let retries = match args::number(options, "retries")? {
            None => None,
            Some(n) if (0.0..=10.0).contains(&n) && n.fract() == 0.0 => Some(n as u32),
            Some(_) => return Err(CoreError::input("retries", "must be a whole number from 0 to 10", "باید عدد صحیح بین ۰ تا ۱۰ باشد")),
        };
        let fetch = args::function(options, "fetch")?;
        Ok((Config { username, password, base_url, timeout_ms, retries }, fetch))
    }
}

#[wasm_bindgen(js_class = Client)]
impl JsClient {
    /// `new Client({ username, password, baseUrl?, timeoutMs?, retries?, fetch? })`.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<JsClient, JsValue> {
        let (config, fetch) = Self::read_options(&options).map_err(|e| error::core_to_js(e, "Client"))?;
        crate::Client::with_fetch(config, fetch).map(|client| JsClient { client }).map_err(|e| error::to_js(&e))
    }

    /// `send`: one message to one or more recipients. Resolves to `{ bulkId }`.
    pub fn send(&self, req: JsValue) -> Promise {
        self.request(Op::Send, &req, &[("from", Text), ("to", Recipients), ("message", Text), ("time", Time)], |v| from_value::<SendRequest>(v).ok().map(Request::Send), finish::<Sent>)
    }

    /// Pattern send (`patterns/pattern`). Resolves to `{ bulkId }`.
    #[wasm_bindgen(js_name = sendPattern)]
    pub fn send_pattern(&self, req: JsValue) -> Promise {
        let fields = [("from", Text), ("to", Text), ("patternCode", Text), ("values", Values)];
        self.request(Op::SendPattern, &req, &fields, |v| from_value::<SendPatternRequest>(v).ok().map(Request::SendPattern), finish::<Sent>)
    }

    /// `postalcodesend`. Resolves to `{ bulkId }`.
    #[wasm_bindgen(js_name = postalCodeSend)]
    pub fn postal_code_send(&self, req: JsValue) -> Promise {
        let fields = [("from", Text), ("message", Text), ("postalCode", Text), ("operator", Operator), ("gender", OptGender)];
        self.request(Op::PostalCodeSend, &req, &fields, |v| from_value::<PostalCodeSendRequest>(v).ok().map(Request::PostalCodeSend), finish::<Sent>)
    }

    /// `postalcodecount`. Resolves to a number.
    #[wasm_bindgen(js_name = postalCodeCount)]
    pub fn postal_code_count(&self, req: JsValue) -> Promise {
        let fields = [("postalCode", Text), ("operator", Operator), ("gender", OptGender)];
        self.request(Op::PostalCodeCount, &req, &fields, |v| from_value::<PostalCodeCountRequest>(v).ok().map(Request::PostalCodeCount), finish::<f64>)
    }

    /// `postalcodearea`. Resolves to `{ code, name }[]`.
    #[wasm_bindgen(js_name = postalCodeArea)]
    pub fn postal_code_area(&self, opts: JsValue) -> Promise {
        self.bare::<Vec<PostalArea>>(Request::PostalCodeArea, &opts)
    }

    /// `booksend`. Resolves to `{ bulkId }`.
    #[wasm_bindgen(js_name = bookSend)]
    pub fn book_send(&self, req: JsValue) -> Promise {
        self.request(Op::BookSend, &req, &[("from", Text), ("message", Text), ("bookId", Id)], |v| from_value::<BookSendRequest>(v).ok().map(Request::BookSend), finish::<Sent>)
    }

    /// `booklist`. Resolves to `{ id, title }[]`.
    #[wasm_bindgen(js_name = bookList)]
    pub fn book_list(&self, opts: JsValue) -> Promise {
        self.bare::<Vec<Phonebook>>(Request::BookList, &opts)
    }

    /// `jobssend`. Resolves to `{ bulkId }`.
    #[wasm_bindgen(js_name = jobsSend)]
    pub fn jobs_send(&self, req: JsValue) -> Promise {
        let fields = [("from", Text), ("message", Text), ("jobId", Whole), ("trendIds", WholeList)];
        self.request(Op::JobsSend, &req, &fields, |v| from_value::<JobsSendRequest>(v).ok().map(Request::JobsSend), finish::<Sent>)
    }

    /// `jobslist`. Resolves to `{ id, title }[]`.
    #[wasm_bindgen(js_name = jobList)]
    pub fn job_list(&self, opts: JsValue) -> Promise {
        self.bare::<Vec<Job>>(Request::JobList, &opts)
    }

    /// `jobstrenlist`. Resolves to `{ id, title }[]`.
    #[wasm_bindgen(js_name = jobTrendList)]
    pub fn job_trend_list(&self, job_id: JsValue, opts: JsValue) -> Promise {
        match args::whole(&job_id, "jobId") {
            Ok(job_id) => self.bare::<Vec<Job>>(Request::JobTrendList { job_id }, &opts),
            Err(error) => self.reject(Op::JobTrendList, error),
        }
    }

    /// `jobscount`. Resolves to a number.
    #[wasm_bindgen(js_name = jobsCount)]
    pub fn jobs_count(&self, req: JsValue) -> Promise {
        self.request(Op::JobsCount, &req, &[("trendIds", WholeList)], |v| from_value::<JobsCountRequest>(v).ok().map(Request::JobsCount), finish::<f64>)
    }

    /// `checkmessage`. Resolves to `{ status, approval }`.
    #[wasm_bindgen(js_name = checkMessage)]
    pub fn check_message(&self, bulk_id: JsValue, opts: JsValue) -> Promise {
        match args::id(&bulk_id, "bulkId") {
            Ok(bulk_id) => self.bare::<MessageCheck>(Request::CheckMessage { bulk_id }, &opts),
            Err(error) => self.reject(Op::CheckMessage, error),
        }
    }

    /// `delivery`. Resolves to `{ recipient, status }[]`.
    pub fn delivery(&self, bulk_id: JsValue, opts: JsValue) -> Promise {
        match args::id(&bulk_id, "bulkId") {
            Ok(bulk_id) => self.bare::<Vec<DeliveryEntry>>(Request::Delivery { bulk_id }, &opts),
            Err(error) => self.reject(Op::Delivery, error),
        }
    }

    /// `inboxlist`. Resolves to `{ from, to, message, receivedAt }[]`.
    #[wasm_bindgen(js_name = inboxList)]
    pub fn inbox_list(&self, opts: JsValue) -> Promise {
        self.bare::<Vec<InboxMessage>>(Request::InboxList, &opts)
    }

    /// `credit`. Resolves to the account's credit in rials.
    pub fn credit(&self, opts: JsValue) -> Promise {
        self.bare::<f64>(Request::Credit, &opts)
    }

    /// `newuser`. Resolves to `{ userId }`.
    #[wasm_bindgen(js_name = newUser)]
    pub fn new_user(&self, req: JsValue) -> Promise {
        let fields = [
            ("username", Text), ("password", Text), ("name", Text), ("company", OptText), ("nationalId", Text),
            ("certificateId", OptText), ("accessId", Whole), ("tel", OptText), ("mobile", Text),
            ("postalCode", OptText), ("email", OptText), ("address", OptText),
        ];
        self.request(Op::NewUser, &req, &fields, |v| from_value::<NewUserRequest>(v).ok().map(Request::NewUser), finish::<CreatedUser>)
    }

    /// `accesslist`. Resolves to `{ id, title, price, discount }[]`.
    #[wasm_bindgen(js_name = accessList)]
    pub fn access_list(&self, opts: JsValue) -> Promise {
        self.bare::<Vec<AccessPackage>>(Request::AccessList, &opts)
    }

    /// `sendBulk`: one message to a long list, in batches of `send`; resolves to
    /// `{ batches, sent, failed }`. Failed batches are reported, not thrown.
    #[wasm_bindgen(js_name = sendBulk)]
    pub fn send_bulk(&self, req: JsValue) -> Promise {
        let fields = [("from", Text), ("to", Recipients), ("message", Text), ("time", Time), ("chunkSize", OptWhole), ("concurrency", OptWhole)];
        let read = (|| {
            let request: SendBulkRequest = from_value(args::request(&req, &fields)?).map_err(|_| args::invalid())?;
            Ok((request, args::function(&req, "onProgress")?, args::signal(&req)?))
        })();
        let (request, on_progress, signal) = match read {
            Ok(read) => read,
            Err(error) => return self.reject(Op::Send, error),
        };
        let client = self.client.clone();
        promise(Box::pin(async move {
            let observe = |progress: BulkProgress| {
                if let Some(callback) = &on_progress {
                    notify(callback, &to_plain(&progress));
                }
            };
            let report = client.bulk(request, observe, signal.as_ref()).await.map_err(|e| error::to_js(&e))?;
            let batches = report.batches.into_iter().map(|b| Batch {
                recipients: b.recipients,
                bulk_id: b.bulk_id,
                error: b.error.as_ref().map_or(JsValue::UNDEFINED, error::to_js),
            });
            Ok(to_plain(&Report { batches: batches.collect(), sent: report.sent, failed: report.failed }))
        }))
    }

    /// `waitForDelivery`: polls `delivery` until every recipient is final or the time runs
    /// out; resolves to the latest entries.
    #[wasm_bindgen(js_name = waitForDelivery)]
    pub fn wait_for_delivery(&self, bulk_id: JsValue, opts: JsValue) -> Promise {
        let read = (|| {
            let bulk_id = args::id(&bulk_id, "bulkId")?;
            args::options(&opts)?;
            let interval = args::positive(&opts, "intervalMs", 2_147_483_647.0)?.unwrap_or(5_000.0);
            let timeout = args::positive(&opts, "timeoutMs", f64::MAX)?.unwrap_or(600_000.0);
            Ok((bulk_id, interval, timeout, args::function(&opts, "onUpdate")?, args::signal(&opts)?))
        })();
        let (bulk_id, interval, timeout, on_update, signal) = match read {
            Ok(read) => read,
            Err(error) => return self.reject(Op::Delivery, error),
        };
        let client = self.client.clone();
        promise(Box::pin(async move {
            let observe = |entries: &[DeliveryEntry]| {
                if let Some(callback) = &on_update {
                    notify(callback, &to_plain(&entries));
                }
            };
            match client.wait(&bulk_id, interval, timeout, observe, signal.as_ref()).await {
                Ok(entries) => Ok(to_plain(&entries)),
                Err(error) => Err(error::to_js(&error)),
            }
        }))
    }

    /// What `JSON.stringify(client)` shows: never the password.
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> JsValue {
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Shown<'a> {
            base_url: &'a str,
            username: &'a str,
        }
        to_plain(&Shown { base_url: self.client.base_url(), username: self.client.username() })
    }
}
