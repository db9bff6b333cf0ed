//! The JavaScript `EdgeClient` class of the `ippanel-wasm/edge` entry: a thin layer over the
//! Rust [`ippanel_wasm::edge::Client`]. Request objects are read whole ([`read`]); ids and
//! options bags through the same catching readers as the main entry's `Client`.

mod fields;
mod pages;
mod read;
mod requests;

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

    /// `send` (`webservice`). Resolves to `{ messageOutboxIds }`.
    pub fn send(&self, req: JsValue) -> Promise {
        self.request(
            op::SEND,
            &req,
            false,
            requests::send,
            |c, r| async move { c.send(r).await },
        )
    }

    /// `send` (`peer_to_peer`).
    #[wasm_bindgen(js_name = sendPeerToPeer)]
    pub fn send_peer_to_peer(&self, req: JsValue) -> Promise {
        self.request(
            op::SEND_PEER_TO_PEER,
            &req,
            false,
            requests::peer_to_peer,
            |c, r| async move { c.send_peer_to_peer(r).await },
        )
    }

    /// `send` (`pattern`).
    #[wasm_bindgen(js_name = sendPattern)]
    pub fn send_pattern(&self, req: JsValue) -> Promise {
        self.request(op::SEND_PATTERN, &req, false, requests::pattern, |c, r| async move {
            c.send_pattern(r).await
        })
    }

    /// `send` (`votp`).
    #[wasm_bindgen(js_name = sendVoiceOtp)]
    pub fn send_voice_otp(&self, req: JsValue) -> Promise {
        self.request(
            op::SEND_VOICE_OTP,
            &req,
            false,
            requests::voice_otp,
            |c, r| async move { c.send_voice_otp(r).await },
        )
    }

    /// `send` (`postal_code`).
    #[wasm_bindgen(js_name = sendPostalCode)]
    pub fn send_postal_code(&self, req: JsValue) -> Promise {
        self.request(
            op::SEND_POSTAL_CODE,
            &req,
            false,
            requests::postal_code,
            |c, r| async move { c.send_postal_code(r).await },
        )
    }

    /// `send` (`country`).
    #[wasm_bindgen(js_name = sendCountry)]
    pub fn send_country(&self, req: JsValue) -> Promise {
        self.request(op::SEND_COUNTRY, &req, false, requests::country, |c, r| async move {
            c.send_country(r).await
        })
    }

    /// `send` (`geolocation`).
    #[wasm_bindgen(js_name = sendGeolocation)]
    pub fn send_geolocation(&self, req: JsValue) -> Promise {
        self.request(
            op::SEND_GEOLOCATION,
            &req,
            false,
            requests::geolocation,
            |c, r| async move { c.send_geolocation(r).await },
        )
    }

    /// `send` (`job`).
    #[wasm_bindgen(js_name = sendJob)]
    pub fn send_job(&self, req: JsValue) -> Promise {
        self.request(op::SEND_JOB, &req, false, requests::job, |c, r| async move {
            c.send_job(r).await
        })
    }

    /// `send` (`phonebook`).
    #[wasm_bindgen(js_name = sendPhonebook)]
    pub fn send_phonebook(&self, req: JsValue) -> Promise {
        self.request(
            op::SEND_PHONEBOOK,
            &req,
            false,
            requests::phonebook,
            |c, r| async move { c.send_phonebook(r).await },
        )
    }

    /// `send` (`keyword_phonebook`).
    #[wasm_bindgen(js_name = sendKeywordPhonebook)]
    pub fn send_keyword_phonebook(&self, req: JsValue) -> Promise {
        self.request(
            op::SEND_KEYWORD_PHONEBOOK,
            &req,
            false,
            requests::keyword_phonebook,
            |c, r| async move { c.send_keyword_phonebook(r).await },
        )
    }

    /// `send/cancel`. Resolves to `undefined`.
    pub fn cancel(&self, outbox_id: JsValue, opts: JsValue) -> Promise {
        let read = args::id(&outbox_id, "outboxId").and_then(|id| Ok((id, read::options(&opts)?)));
        let (id, signal) = match read {
            Ok(read) => read,
            Err(error) => return reject(op::CANCEL, error),
        };
        let client = self.under(signal);
        wasm_bindgen_futures::future_to_promise(async move {
            match client.cancel(&id).await {
                Ok(()) => Ok(JsValue::UNDEFINED),
                Err(error) => Err(crate::error::to_js(&error)),
            }
        })
    }

    /// `send/calculate-price`. Resolves to `{ mciPrice, otherPrice, parts }`.
    #[wasm_bindgen(js_name = calculatePrice)]
    pub fn calculate_price(&self, req: JsValue) -> Promise {
        self.request(
            op::CALCULATE_PRICE,
            &req,
            false,
            requests::calculate_price,
            |c, r| async move { c.calculate_price(r).await },
        )
    }

    /// `report/new_list`. Resolves to a page of outbox items.
    pub fn outbox(&self, req: JsValue) -> Promise {
        self.request(op::OUTBOX, &req, true, requests::outbox, |c, r| async move {
            c.outbox(r).await
        })
    }

    /// `report/by_bulk`. Resolves to an outbox item.
    pub fn bulk(&self, outbox_id: JsValue, opts: JsValue) -> Promise {
        let id = args::id(&outbox_id, "outboxId");
        self.with_arg(op::BULK, id, &opts, |c, id| async move { c.bulk(&id).await })
    }

    /// `report/bulk_stats`. Resolves to the counts per operator.
    #[wasm_bindgen(js_name = bulkStats)]
    pub fn bulk_stats(&self, outbox_id: JsValue, opts: JsValue) -> Promise {
        let id = args::id(&outbox_id, "outboxId");
        self.with_arg(
            op::BULK_STATS,
            id,
            &opts,
            |c, id| async move { c.bulk_stats(&id).await },
        )
    }

    /// `report/recipients`. Resolves to a page of recipients.
    pub fn recipients(&self, outbox_id: JsValue, req: JsValue) -> Promise {
        let read =
            args::id(&outbox_id, "outboxId").and_then(|id| Ok((id, read::request(&req, true, requests::recipients)?)));
        match read {
            Ok((id, (request, signal))) => {
                let client = self.under(signal);
                answer(async move { client.recipients(&id, request).await })
            }
            Err(error) => reject(op::RECIPIENTS, error),
        }
    }

    /// `report/messages-inbox`. Resolves to a page of received messages.
    pub fn inbox(&self, req: JsValue) -> Promise {
        self.request(op::INBOX, &req, true, requests::inbox, |c, r| async move {
            c.inbox(r).await
        })
    }

    /// `payment/credit/mine`. Resolves to `{ credit, yesterdayCredit, gift, giftExpiresAt, updatedAt }`.
    pub fn credit(&self, opts: JsValue) -> Promise {
        self.with_arg(op::CREDIT, Ok(()), &opts, |c, ()| async move { c.credit().await })
    }

    /// `patterns`. Resolves to a page of patterns.
    pub fn patterns(&self, req: JsValue) -> Promise {
        self.request(op::PATTERNS, &req, true, requests::patterns, |c, r| async move {
            c.patterns(r).await
        })
    }

    /// `patterns/{code}`. Resolves to a pattern.
    pub fn pattern(&self, pattern_code: JsValue, opts: JsValue) -> Promise {
        let code = args::string(&pattern_code, "patternCode");
        self.with_arg(
            op::PATTERN,
            code,
            &opts,
            |c, code| async move { c.pattern(&code).await },
        )
    }

    /// `patterns/normal`. Resolves to the new pattern.
    #[wasm_bindgen(js_name = createPattern)]
    pub fn create_pattern(&self, req: JsValue) -> Promise {
        self.request(
            op::CREATE_PATTERN,
            &req,
            false,
            requests::create_pattern,
            |c, r| async move { c.create_pattern(r).await },
        )
    }

    /// `number/numbers`. Resolves to a page of lines.
    pub fn numbers(&self, req: JsValue) -> Promise {
        self.request(op::NUMBERS, &req, true, requests::numbers, |c, r| async move {
            c.numbers(r).await
        })
    }

    /// `phonebooks/list-new`. Resolves to a page of phonebooks.
    pub fn phonebooks(&self, req: JsValue) -> Promise {
        self.request(op::PHONEBOOKS, &req, true, requests::phonebooks, |c, r| async move {
            c.phonebooks(r).await
        })
    }

    /// `phonebooks/numbers/contact-list`. Resolves to a page of contacts.
    #[wasm_bindgen(js_name = phonebookContacts)]
    pub fn phonebook_contacts(&self, req: JsValue) -> Promise {
        self.request(
            op::PHONEBOOK_CONTACTS,
            &req,
            true,
            requests::phonebook_contacts,
            |c, r| async move { c.phonebook_contacts(r).await },
        )
    }

    /// `send/banks/provinces`. Resolves to `{ id, name }[]`.
    pub fn provinces(&self, opts: JsValue) -> Promise {
        self.with_arg(op::PROVINCES, Ok(()), &opts, |c, ()| async move { c.provinces().await })
    }

    /// `send/banks/counties`. Resolves to `{ id, name }[]`.
    pub fn counties(&self, province_id: JsValue, opts: JsValue) -> Promise {
        let id = read::small(&province_id, "provinceId");
        self.with_arg(op::COUNTIES, id, &opts, |c, id| async move { c.counties(id).await })
    }

    /// `send/banks/cities`. Resolves to `{ id, name }[]`.
    pub fn cities(&self, county_id: JsValue, opts: JsValue) -> Promise {
        let id = read::small(&county_id, "countyId");
        self.with_arg(op::CITIES, id, &opts, |c, id| async move { c.cities(id).await })
    }

    /// `send/banks/counts`. Resolves to `{ mciCount, irancellCount, otherCount }`.
    #[wasm_bindgen(js_name = bankCounts)]
    pub fn bank_counts(&self, req: JsValue) -> Promise {
        self.request(op::BANK_COUNTS, &req, false, requests::bank_counts, |c, r| async move {
            c.bank_counts(r).await
        })
    }

    /// `send/jobs/categories`. Resolves to `{ id, name }[]`.
    #[wasm_bindgen(js_name = jobCategories)]
    pub fn job_categories(&self, opts: JsValue) -> Promise {
        self.with_arg(op::JOB_CATEGORIES, Ok(()), &opts, |c, ()| async move {
            c.job_categories().await
        })
    }

    /// `send/jobs/sub-categories`. Resolves to `{ id, name, mainId, mainName }[]`.
    #[wasm_bindgen(js_name = jobSubCategories)]
    pub fn job_sub_categories(&self, main_category_id: JsValue, opts: JsValue) -> Promise {
        let id = read::small(&main_category_id, "mainCategoryId");
        self.with_arg(op::JOB_SUB_CATEGORIES, id, &opts, |c, id| async move {
            c.job_sub_categories(id).await
        })
    }

    /// `send/jobs/number-count`. Resolves to `{ mciCount, irancellCount, otherCount }`.
    #[wasm_bindgen(js_name = jobNumberCount)]
    pub fn job_number_count(&self, req: JsValue) -> Promise {
        self.request(
            op::JOB_NUMBER_COUNT,
            &req,
            false,
            requests::job_number_count,
            |c, r| async move { c.job_number_count(r).await },
        )
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
