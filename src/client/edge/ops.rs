//! One `async fn` per method of the Edge API, each building its request and naming its result.

use crate::core::edge::decode::{Ignored, List, One};
use crate::core::edge::encode::EdgeRequest;
use crate::core::edge::model::{Area, BulkStats, Counts, Credit, OutboxItem, Pattern, Price, Sent, SubCategory};
use crate::core::edge::request::*;
use crate::Error;

use super::{Client, Fetched};

impl Client {
    /// The answer to `request` (one future for every method), for [`Client::one`] or
    /// [`Client::list`] to decode.
    async fn call(&self, request: EdgeRequest) -> Result<Fetched, Error> {
        self.fetch(&request, self.signal.as_ref()).await
    }

    fn one<T: serde::de::DeserializeOwned>(&self, fetched: Fetched) -> Result<T, Error> {
        self.read::<One<T>>(fetched).map(|One(v)| v)
    }

    fn list<T: serde::de::DeserializeOwned>(&self, fetched: Fetched) -> Result<Vec<T>, Error> {
        self.read::<List<T>>(fetched).map(|List(v)| v)
    }

    /// One text to a list of numbers (`send`, type `webservice`). Never retried.
    ///
    /// # Errors
    /// `Input` before sending; the service's `Api` errors (a 422 with
    /// [`field_errors`](crate::Error::field_errors), a 429 for an identical send within 40 s);
    /// for failures without a clear answer, [`Error::may_have_sent`](crate::Error::may_have_sent)
    /// says whether it may have gone out.
    ///
    /// ```no_run
    /// # async fn run(edge: ippanel_wasm::edge::Client) -> Result<(), ippanel_wasm::Error> {
    /// use ippanel_wasm::edge::SendRequest;
    /// let sent = edge.send(SendRequest {
    ///     from: "+983000505".into(),
    ///     to: vec!["09121234567".into()],
    ///     message: "سلام".into(),
    ///     ..Default::default()
    /// }).await?;
    /// println!("outbox id {}", sent.message_outbox_ids[0]);
    /// # Ok(()) }
    /// ```
    pub async fn send(&self, request: SendRequest) -> Result<Sent, Error> {
        self.one(self.call(EdgeRequest::Send(request)).await?)
    }

    /// A different text per group of numbers (`peer_to_peer`); one outbox id per group.
    ///
    /// # Errors
    /// As [`Client::send`].
    pub async fn send_peer_to_peer(&self, request: SendPeerToPeerRequest) -> Result<Sent, Error> {
        self.one(self.call(EdgeRequest::SendPeerToPeer(request)).await?)
    }

    /// An approved pattern with its values, to one number (`pattern`); sent at once, not reviewed.
    ///
    /// # Errors
    /// As [`Client::send`]; an unknown pattern is an `Api` error (404).
    pub async fn send_pattern(&self, request: SendPatternRequest) -> Result<Sent, Error> {
        self.one(self.call(EdgeRequest::SendPattern(request)).await?)
    }

    /// A one-time code read out in a voice call (`votp`).
    ///
    /// # Errors
    /// As [`Client::send`]; a code that is not 1 to 14 digits is an `Input` error.
    pub async fn send_voice_otp(&self, request: SendVoiceOtpRequest) -> Result<Sent, Error> {
        self.one(self.call(EdgeRequest::SendVoiceOtp(request)).await?)
    }

    /// To the numbers of postal-code areas (`postal_code`).
    ///
    /// # Errors
    /// As [`Client::send`].
    pub async fn send_postal_code(&self, request: SendPostalCodeRequest) -> Result<Sent, Error> {
        self.one(self.call(EdgeRequest::SendPostalCode(request)).await?)
    }

    /// To the numbers of provinces, counties or cities (`country`).
    ///
    /// # Errors
    /// As [`Client::send`].
    pub async fn send_country(&self, request: SendCountryRequest) -> Result<Sent, Error> {
        self.one(self.call(EdgeRequest::SendCountry(request)).await?)
    }

    /// To the numbers of regions by the newer geolocation bank (`geolocation`).
    ///
    /// # Errors
    /// As [`Client::send`].
    pub async fn send_geolocation(&self, request: SendGeolocationRequest) -> Result<Sent, Error> {
        self.one(self.call(EdgeRequest::SendGeolocation(request)).await?)
    }

    /// To the numbers of job categories (`job`).
    ///
    /// # Errors
    /// As [`Client::send`].
    pub async fn send_job(&self, request: SendJobRequest) -> Result<Sent, Error> {
        self.one(self.call(EdgeRequest::SendJob(request)).await?)
    }

    /// To phonebooks of the account, whole or some contacts (`phonebook`).
    ///
    /// # Errors
    /// As [`Client::send`].
    pub async fn send_phonebook(&self, request: SendPhonebookRequest) -> Result<Sent, Error> {
        self.one(self.call(EdgeRequest::SendPhonebook(request)).await?)
    }

    /// A text with `{ex_<option id>}` placeholders filled per contact (`keyword_phonebook`).
    ///
    /// # Errors
    /// As [`Client::send`].
    pub async fn send_keyword_phonebook(&self, request: SendKeywordPhonebookRequest) -> Result<Sent, Error> {
        self.one(self.call(EdgeRequest::SendKeywordPhonebook(request)).await?)
    }

    /// Cancels a scheduled send, until 5 minutes before its time (`send/cancel`). Not retried.
    ///
    /// # Errors
    /// An `Api` error (404) for an unknown message or one that can no longer be cancelled.
    pub async fn cancel(&self, outbox_id: &str) -> Result<(), Error> {
        let request = EdgeRequest::Cancel {
            outbox_id: String::from(outbox_id),
        };
        let fetched = self.call(request).await?;
        self.read::<Ignored>(fetched).map(drop)
    }

    /// What a text costs per recipient, in rials (`send/calculate-price`).
    ///
    /// # Errors
    /// `Input`, `Api`, and the failures of any read.
    pub async fn calculate_price(&self, request: CalculatePriceRequest) -> Result<Price, Error> {
        self.one(self.call(EdgeRequest::CalculatePrice(request)).await?)
    }

    /// One message of the outbox, by its outbox id (`report/by_bulk`).
    ///
    /// # Errors
    /// An `Input` error for an id that is not digits; the failures of any read.
    pub async fn bulk(&self, outbox_id: &str) -> Result<OutboxItem, Error> {
        self.one(
            self.call(EdgeRequest::Bulk {
                outbox_id: String::from(outbox_id),
            })
            .await?,
        )
    }

    /// A send's counts per operator (`report/bulk_stats`).
    ///
    /// # Errors
    /// As [`Client::bulk`].
    pub async fn bulk_stats(&self, outbox_id: &str) -> Result<BulkStats, Error> {
        self.one(
            self.call(EdgeRequest::BulkStats {
                outbox_id: String::from(outbox_id),
            })
            .await?,
        )
    }

    /// The account's credit (`payment/credit/mine`).
    ///
    /// ```no_run
    /// # async fn run(edge: ippanel_wasm::edge::Client) -> Result<(), ippanel_wasm::Error> {
    /// let credit = edge.credit().await?;
    /// println!("{} rials", credit.credit);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// `Auth` for a bad key; the failures of any read.
    pub async fn credit(&self) -> Result<Credit, Error> {
        self.one(self.call(EdgeRequest::Credit).await?)
    }

    /// One pattern by its code (`patterns/{code}`).
    ///
    /// # Errors
    /// An `Api` error (404) for an unknown pattern.
    pub async fn pattern(&self, pattern_code: &str) -> Result<Pattern, Error> {
        self.one(
            self.call(EdgeRequest::Pattern {
                code: String::from(pattern_code),
            })
            .await?,
        )
    }

    /// A new pattern, `pending` until the service reviews it (`patterns/normal`). Not retried.
    ///
    /// # Errors
    /// `Input`, and `Api` errors with [`field_errors`](crate::Error::field_errors).
    pub async fn create_pattern(&self, request: CreatePatternRequest) -> Result<Pattern, Error> {
        self.one(self.call(EdgeRequest::CreatePattern(request)).await?)
    }

    /// The provinces, for country targets and bank counts (`send/banks/provinces`).
    ///
    /// # Errors
    /// The failures of any read.
    pub async fn provinces(&self) -> Result<Vec<Area>, Error> {
        self.list(self.call(EdgeRequest::Provinces).await?)
    }

    /// The counties of a province (`send/banks/counties`).
    ///
    /// # Errors
    /// An `Api` error (422) for an unknown province.
    pub async fn counties(&self, province_id: u32) -> Result<Vec<Area>, Error> {
        self.list(self.call(EdgeRequest::Counties { province_id }).await?)
    }

    /// The cities of a county (`send/banks/cities`).
    ///
    /// # Errors
    /// An `Api` error (422) for an unknown county.
    pub async fn cities(&self, county_id: u32) -> Result<Vec<Area>, Error> {
        self.list(self.call(EdgeRequest::Cities { county_id }).await?)
    }

    /// How many numbers a region's bank has (`send/banks/counts`).
    ///
    /// # Errors
    /// `Input`, `Api`, and the failures of any read.
    pub async fn bank_counts(&self, request: BankCountsRequest) -> Result<Counts, Error> {
        self.one(self.call(EdgeRequest::BankCounts(request)).await?)
    }

    /// The job categories (`send/jobs/categories`).
    ///
    /// # Errors
    /// The failures of any read.
    pub async fn job_categories(&self) -> Result<Vec<Area>, Error> {
        self.list(self.call(EdgeRequest::JobCategories).await?)
    }

    /// The sub-categories of a job category (`send/jobs/sub-categories`).
    ///
    /// # Errors
    /// An `Api` error (422) for an unknown category.
    pub async fn job_sub_categories(&self, main_category_id: u32) -> Result<Vec<SubCategory>, Error> {
        self.list(self.call(EdgeRequest::JobSubCategories { main_category_id }).await?)
    }

    /// How many numbers a job category has (`send/jobs/number-count`).
    ///
    /// # Errors
    /// `Input`, `Api`, and the failures of any read.
    pub async fn job_number_count(&self, request: JobNumberCountRequest) -> Result<Counts, Error> {
        self.one(self.call(EdgeRequest::JobNumberCount(request)).await?)
    }
}
