//! The JavaScript `Client` class: a thin layer over the Rust [`crate::Client`].
//!
//! Each method reads its arguments now, synchronously and through catching reads (so a bad
//! argument is reported against what the caller passed, and a hostile one cannot throw through
//! the wasm), then runs the Rust call as a promise.

use std::future::Future;

use ippanel_wasm::{
    BookSendRequest, Config, Error, JobsCountRequest, JobsSendRequest, NewUserRequest, PostalCodeCountRequest,
    PostalCodeSendRequest, SendPatternRequest, SendRequest,
};
use js_sys::{Function, Promise};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

use crate::args::{self, Fields, Read};
use crate::calls::{answer, reject};
use crate::error;
use crate::to_plain;

/// A client for one ippanel account.
///
/// ```js
/// const client = new Client({ username: "me", password: "secret" });
/// const { bulkId } = await client.send({ from: "3000505", to: "09121234567", message: "Hi" });
/// ```
#[wasm_bindgen(js_name = Client)]
pub struct JsClient {
    pub(crate) client: ippanel_wasm::Client,
}

/// The wire op names errors carry (`err.op`), for arguments refused before the Rust API is
/// called; the Rust API's own errors carry the same names.
pub(crate) mod op {
    pub const SEND: &str = "send";
    pub const SEND_PATTERN: &str = "patterns/pattern";
    pub const POSTAL_CODE_SEND: &str = "postalcodesend";
    pub const POSTAL_CODE_COUNT: &str = "postalcodecount";
    pub const POSTAL_CODE_AREA: &str = "postalcodearea";
    pub const BOOK_SEND: &str = "booksend";
    pub const BOOK_LIST: &str = "booklist";
    pub const JOBS_SEND: &str = "jobssend";
    pub const JOB_LIST: &str = "jobslist";
    pub const JOB_TREND_LIST: &str = "jobstrenlist";
    pub const JOBS_COUNT: &str = "jobscount";
    pub const CHECK_MESSAGE: &str = "checkmessage";
    pub const DELIVERY: &str = "delivery";
    pub const INBOX_LIST: &str = "inboxlist";
    pub const CREDIT: &str = "credit";
    pub const NEW_USER: &str = "newuser";
    pub const ACCESS_LIST: &str = "accesslist";
}

impl JsClient {
    /// This client under `signal`, when the caller gave one.
    pub(crate) fn under(&self, signal: Option<AbortSignal>) -> ippanel_wasm::Client {
        match signal {
            Some(signal) => self.client.with_signal(signal),
            None => self.client.clone(),
        }
    }

    /// A method whose one argument is a request object: `read` turns its fields into the
    /// Rust request, then `call` runs it on this client (under the object's `signal`).
    pub(crate) fn request<Q, R, F>(
        &self,
        op: &str,
        req: &JsValue,
        read: impl FnOnce(&Fields) -> Read<Q>,
        call: impl FnOnce(ippanel_wasm::Client, Q) -> F,
    ) -> Promise
    where
        R: Serialize,
        F: Future<Output = Result<R, Error>> + 'static,
    {
        let read = Fields::of_request(req).and_then(|fields| Ok((read(&fields)?, fields.signal()?)));
        match read {
            Ok((request, signal)) => answer(call(self.under(signal), request)),
            Err(error) => reject(op, error),
        }
    }

    /// A method with no request, only the optional `{ signal }`.
    fn bare<R, F>(&self, op: &str, opts: &JsValue, call: impl FnOnce(ippanel_wasm::Client) -> F) -> Promise
    where
        R: Serialize,
        F: Future<Output = Result<R, Error>> + 'static,
    {
        match args::options_signal(opts) {
            Ok(signal) => answer(call(self.under(signal))),
            Err(error) => reject(op, error),
        }
    }

    /// A method whose first argument (`bulkId`, `jobId`) is read by `arg`, then the optional
    /// `{ signal }` as for [`JsClient::bare`].
    fn with_arg<A, R, F>(
        &self,
        op: &str,
        arg: Read<A>,
        opts: &JsValue,
        call: impl FnOnce(ippanel_wasm::Client, A) -> F,
    ) -> Promise
    where
        R: Serialize,
        F: Future<Output = Result<R, Error>> + 'static,
    {
        match arg {
            Ok(arg) => self.bare(op, opts, move |c| call(c, arg)),
            Err(error) => reject(op, error),
        }
    }

    fn read_options(options: &JsValue) -> Read<(Config, Option<Function>)> {
        args::object(options, "options")?;
        let options = Fields::of(options);
        let username = options.text("username")?;
        let password = options.text("password")?;
        let base_url = options.opt_text("baseUrl")?;
        let timeout_ms = options.milliseconds("timeoutMs")?;
        let retries = options.count("retries")?;
        let fetch = options.function("fetch")?;
        Ok((
            Config {
                username,
                password,
                base_url,
                timeout_ms,
                retries,
            },
            fetch,
        ))
    }
}

#[wasm_bindgen(js_class = Client)]
impl JsClient {
    /// `new Client({ username, password, baseUrl?, timeoutMs?, retries?, fetch? })`.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<JsClient, JsValue> {
        let (config, fetch) = Self::read_options(&options).map_err(|e| e.to_js("Client"))?;
        let client = match fetch {
            Some(fetch) => ippanel_wasm::Client::with_fetch(config, fetch),
            None => ippanel_wasm::Client::new(config),
        };
        client.map(|client| JsClient { client }).map_err(|e| error::to_js(&e))
    }

    /// `send`: one message to one or more recipients. Resolves to `{ bulkId }`.
    pub fn send(&self, req: JsValue) -> Promise {
        let read = |f: &Fields| {
            Ok(SendRequest {
                from: f.text("from")?,
                to: f.recipients("to")?,
                message: f.text("message")?,
                time: f.time("time")?,
            })
        };
        self.request(op::SEND, &req, read, |c, r| async move { c.send(r).await })
    }

    /// Pattern send (`patterns/pattern`). Resolves to `{ bulkId }`.
    #[wasm_bindgen(js_name = sendPattern)]
    pub fn send_pattern(&self, req: JsValue) -> Promise {
        let read = |f: &Fields| {
            Ok(SendPatternRequest {
                from: f.text("from")?,
                to: f.text("to")?,
                pattern_code: f.text("patternCode")?,
                values: f.values("values")?,
            })
        };
        self.request(
            op::SEND_PATTERN,
            &req,
            read,
            |c, r| async move { c.send_pattern(r).await },
        )
    }

    /// `postalcodesend`. Resolves to `{ bulkId }`.
    #[wasm_bindgen(js_name = postalCodeSend)]
    pub fn postal_code_send(&self, req: JsValue) -> Promise {
        let read = |f: &Fields| {
            Ok(PostalCodeSendRequest {
                from: f.text("from")?,
                message: f.text("message")?,
                postal_code: f.text("postalCode")?,
                operator: f.operator("operator")?,
                gender: f.gender("gender")?,
            })
        };
        self.request(op::POSTAL_CODE_SEND, &req, read, |c, r| async move {
            c.postal_code_send(r).await
        })
    }

    /// `postalcodecount`. Resolves to a number.
    #[wasm_bindgen(js_name = postalCodeCount)]
    pub fn postal_code_count(&self, req: JsValue) -> Promise {
        let read = |f: &Fields| {
            Ok(PostalCodeCountRequest {
                postal_code: f.text("postalCode")?,
                operator: f.operator("operator")?,
                gender: f.gender("gender")?,
            })
        };
        self.request(op::POSTAL_CODE_COUNT, &req, read, |c, r| async move {
            c.postal_code_count(r).await
        })
    }

    /// `postalcodearea`. Resolves to `{ code, name }[]`.
    #[wasm_bindgen(js_name = postalCodeArea)]
    pub fn postal_code_area(&self, opts: JsValue) -> Promise {
        self.bare(
            op::POSTAL_CODE_AREA,
            &opts,
            |c| async move { c.postal_code_area().await },
        )
    }

    /// `booksend`. Resolves to `{ bulkId }`.
    #[wasm_bindgen(js_name = bookSend)]
    pub fn book_send(&self, req: JsValue) -> Promise {
        let read = |f: &Fields| {
            Ok(BookSendRequest {
                from: f.text("from")?,
                message: f.text("message")?,
                book_id: f.id("bookId")?,
            })
        };
        self.request(op::BOOK_SEND, &req, read, |c, r| async move { c.book_send(r).await })
    }

    /// `booklist`. Resolves to `{ id, title }[]`.
    #[wasm_bindgen(js_name = bookList)]
    pub fn book_list(&self, opts: JsValue) -> Promise {
        self.bare(op::BOOK_LIST, &opts, |c| async move { c.book_list().await })
    }

    /// `jobssend`. Resolves to `{ bulkId }`.
    #[wasm_bindgen(js_name = jobsSend)]
    pub fn jobs_send(&self, req: JsValue) -> Promise {
        let read = |f: &Fields| {
            Ok(JobsSendRequest {
                from: f.text("from")?,
                message: f.text("message")?,
                job_id: f.whole("jobId")?,
                trend_ids: f.whole_list("trendIds")?,
            })
        };
        self.request(op::JOBS_SEND, &req, read, |c, r| async move { c.jobs_send(r).await })
    }

    /// `jobslist`. Resolves to `{ id, title }[]`.
    #[wasm_bindgen(js_name = jobList)]
    pub fn job_list(&self, opts: JsValue) -> Promise {
        self.bare(op::JOB_LIST, &opts, |c| async move { c.job_list().await })
    }

    /// `jobstrenlist`. Resolves to `{ id, title }[]`.
    #[wasm_bindgen(js_name = jobTrendList)]
    pub fn job_trend_list(&self, job_id: JsValue, opts: JsValue) -> Promise {
        let job_id = args::whole_arg(&job_id, "jobId");
        self.with_arg(op::JOB_TREND_LIST, job_id, &opts, |c, id| async move {
            c.job_trend_list(id).await
        })
    }

    /// `jobscount`. Resolves to a number.
    #[wasm_bindgen(js_name = jobsCount)]
    pub fn jobs_count(&self, req: JsValue) -> Promise {
        let read = |f: &Fields| {
            Ok(JobsCountRequest {
                trend_ids: f.whole_list("trendIds")?,
            })
        };
        self.request(op::JOBS_COUNT, &req, read, |c, r| async move { c.jobs_count(r).await })
    }

    /// `checkmessage`. Resolves to `{ status, approval }`.
    #[wasm_bindgen(js_name = checkMessage)]
    pub fn check_message(&self, bulk_id: JsValue, opts: JsValue) -> Promise {
        let id = args::id(&bulk_id, "bulkId");
        self.with_arg(op::CHECK_MESSAGE, id, &opts, |c, id| async move {
            c.check_message(&id).await
        })
    }

    /// `delivery`. Resolves to `{ recipient, status }[]`.
    pub fn delivery(&self, bulk_id: JsValue, opts: JsValue) -> Promise {
        let id = args::id(&bulk_id, "bulkId");
        self.with_arg(op::DELIVERY, id, &opts, |c, id| async move { c.delivery(&id).await })
    }

    /// `inboxlist`. Resolves to `{ from, to, message, receivedAt }[]`.
    #[wasm_bindgen(js_name = inboxList)]
    pub fn inbox_list(&self, opts: JsValue) -> Promise {
        self.bare(op::INBOX_LIST, &opts, |c| async move { c.inbox_list().await })
    }

    /// `credit`. Resolves to the account's credit in rials.
    pub fn credit(&self, opts: JsValue) -> Promise {
        self.bare(op::CREDIT, &opts, |c| async move { c.credit().await })
    }

    /// `newuser`. Resolves to `{ userId }`.
    #[wasm_bindgen(js_name = newUser)]
    pub fn new_user(&self, req: JsValue) -> Promise {
        let read = |f: &Fields| {
            Ok(NewUserRequest {
                username: f.text("username")?,
                password: f.text("password")?,
                name: f.text("name")?,
                company: f.opt_text("company")?,
                national_id: f.text("nationalId")?,
                certificate_id: f.opt_text("certificateId")?,
                access_id: f.whole("accessId")?,
                tel: f.opt_text("tel")?,
                mobile: f.text("mobile")?,
                postal_code: f.opt_text("postalCode")?,
                email: f.opt_text("email")?,
                address: f.opt_text("address")?,
            })
        };
        self.request(op::NEW_USER, &req, read, |c, r| async move { c.new_user(r).await })
    }

    /// `accesslist`. Resolves to `{ id, title, price, discount }[]`.
    #[wasm_bindgen(js_name = accessList)]
    pub fn access_list(&self, opts: JsValue) -> Promise {
        self.bare(op::ACCESS_LIST, &opts, |c| async move { c.access_list().await })
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
        to_plain(&Shown {
            base_url: self.client.base_url(),
            username: self.client.username(),
        })
    }
}
