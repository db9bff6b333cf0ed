//! The JavaScript `EdgeClient` class of the `ippanel-wasm/edge` entry: a thin layer over the
//! Rust [`ippanel_wasm::edge::Client`]. Request objects are read field by field ([`requests`],
//! over [`fields`]); ids and options bags through the same catching readers as the main entry's
//! `Client`. The methods are in `sends.rs` and `reads.rs`, the pagers of the `…All` iterators in
//! `pages.rs`.

mod fields;
mod pages;
mod read;
mod reads;
mod requests;
mod sends;

use std::future::Future;

use ippanel_wasm::edge::{Client, Config, Recipient};
use ippanel_wasm::Error;
use js_sys::{Function, Promise};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

use crate::args::{self, Fields, Read};
use crate::calls::{answer, reject};
use crate::sys::notify;
use crate::to_plain;

/// The names errors carry (`err.op`) for arguments refused before the Rust API is called; the
/// Rust API's own errors carry the same names.
mod op {
    pub const CLIENT: &str = "EdgeClient";
    pub const SEND: &str = "send:webservice";
    pub const SEND_PEER_TO_PEER: &str = "send:peer_to_peer";
    pub const SEND_PATTERN: &str = "send:pattern";
    pub const SEND_VOICE_OTP: &str = "send:votp";
    pub const SEND_POSTAL_CODE: &str = "send:postal_code";
    pub const SEND_COUNTRY: &str = "send:country";
    pub const SEND_GEOLOCATION: &str = "send:geolocation";
    pub const SEND_JOB: &str = "send:job";
    pub const SEND_PHONEBOOK: &str = "send:phonebook";
    pub const SEND_KEYWORD_PHONEBOOK: &str = "send:keyword_phonebook";
    pub const CANCEL: &str = "send/cancel";
    pub const CALCULATE_PRICE: &str = "send/calculate-price";
    pub const OUTBOX: &str = "report/new_list";
    pub const BULK: &str = "report/by_bulk";
    pub const BULK_STATS: &str = "report/bulk_stats";
    pub const RECIPIENTS: &str = "report/recipients";
    pub const INBOX: &str = "report/messages-inbox";
    pub const CREDIT: &str = "payment/credit/mine";
    pub const PATTERNS: &str = "patterns";
    pub const PATTERN: &str = "patterns/{code}";
    pub const CREATE_PATTERN: &str = "patterns/normal";
    pub const NUMBERS: &str = "number/numbers";
    pub const PHONEBOOKS: &str = "phonebooks/list-new";
    pub const PHONEBOOK_CONTACTS: &str = "phonebooks/numbers/contact-list";
    pub const PROVINCES: &str = "send/banks/provinces";
    pub const COUNTIES: &str = "send/banks/counties";
    pub const CITIES: &str = "send/banks/cities";
    pub const BANK_COUNTS: &str = "send/banks/counts";
    pub const JOB_CATEGORIES: &str = "send/jobs/categories";
    pub const JOB_SUB_CATEGORIES: &str = "send/jobs/sub-categories";
    pub const JOB_NUMBER_COUNT: &str = "send/jobs/number-count";
}

/// A client for one Edge account (an API key).
///
/// ```js
/// const edge = new EdgeClient({ apiKey: "your-api-key" });
/// const { messageOutboxIds } = await edge.send({ from: "3000505", to: "09121234567", message: "Hi" });
/// ```
#[wasm_bindgen(js_name = EdgeClient)]
pub struct JsEdgeClient {
    client: Client,
}

impl JsEdgeClient {
    fn under(&self, signal: Option<AbortSignal>) -> Client {
        match signal {
            Some(signal) => self.client.with_signal(signal),
            None => self.client.clone(),
        }
    }

    /// A method taking a request object, read whole into `Q`.
    fn request<Q, R, F>(
        &self,
        op: &str,
        req: &JsValue,
        optional: bool,
        read: fn(&fields::Obj) -> Q,
        call: impl FnOnce(Client, Q) -> F,
    ) -> Promise
    where
        Q: Default,
        R: Serialize,
        F: Future<Output = Result<R, Error>> + 'static,
    {
        match read::request(req, optional, read) {
            Ok((request, signal)) => answer(call(self.under(signal), request)),
            Err(error) => reject(op, error),
        }
    }

    /// A method taking one argument read by `arg` (an id), then the optional `{ signal }`.
    fn with_arg<A, R, F>(&self, op: &str, arg: Read<A>, opts: &JsValue, call: impl FnOnce(Client, A) -> F) -> Promise
    where
        R: Serialize,
        F: Future<Output = Result<R, Error>> + 'static,
    {
        match arg.and_then(|arg| Ok((arg, read::options(opts)?))) {
            Ok((arg, signal)) => answer(call(self.under(signal), arg)),
            Err(error) => reject(op, error),
        }
    }

    fn read_options(options: &JsValue) -> Read<(Config, Option<Function>)> {
        args::object(options, "options")?;
        let options = Fields::of(options);
        Ok((
            Config {
                api_key: options.text("apiKey")?,
                base_url: options.opt_text("baseUrl")?,
                timeout_ms: options.milliseconds("timeoutMs")?,
                retries: options.count("retries")?,
            },
            options.function("fetch")?,
        ))
    }
}

#[wasm_bindgen(js_class = EdgeClient)]
impl JsEdgeClient {
    /// `new EdgeClient({ apiKey, baseUrl?, timeoutMs?, retries?, fetch? })`.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<JsEdgeClient, JsValue> {
        let (config, fetch) = Self::read_options(&options).map_err(|e| e.to_js(op::CLIENT))?;
        let client = match fetch {
            Some(fetch) => Client::with_fetch(config, fetch),
            None => Client::new(config),
        };
        client
            .map(|client| JsEdgeClient { client })
            .map_err(|e| crate::error::to_js(&e))
    }

    /// `waitForDelivery(outboxId, { intervalMs?, timeoutMs?, signal?, onUpdate? })`: polls the
    /// recipients until each is final, the send will never deliver, or the time is up.
    #[wasm_bindgen(js_name = waitForDelivery)]
    pub fn wait_for_delivery(&self, outbox_id: JsValue, opts: JsValue) -> Promise {
        let read = args::id(&outbox_id, "outboxId").and_then(|id| Ok((id, args::wait_options(&opts)?)));
        let (id, (options, on_update, signal)) = match read {
            Ok(read) => read,
            Err(error) => return reject(op::RECIPIENTS, error),
        };
        let client = self.under(signal);
        answer(async move {
            let observe = |entries: &[Recipient]| {
                if let Some(callback) = &on_update {
                    notify(callback, &to_plain(&entries));
                }
            };
            client.wait_for_delivery_with(&id, options, observe).await
        })
    }

    /// What `JSON.stringify(client)` shows: never the key.
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> JsValue {
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Shown<'a> {
            base_url: &'a str,
        }
        to_plain(&Shown {
            base_url: self.client.base_url(),
        })
    }
}
