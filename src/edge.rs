//! The Edge API: ippanel's current JSON service (`edge.ippanel.com/v1`), whose accounts hold
//! an API key instead of a username and password.
//!
//! `Client` (on wasm32) has one `async fn` per method of the service's SMS surface: the ten sending
//! types, cancel and price, the reports (with `Pager`s over the paged ones), credit, lines,
//! patterns, phonebooks and contacts, and the geo and job helpers, plus
//! `Client::wait_for_delivery`. Calls behave as the legacy `Client`'s do: dropping a
//! call's future aborts its request, reads are retried with backoff, sends never, and every
//! failure is the crate's [`Error`] (with [`Error::field_errors`] for the service's per-field
//! messages), the key redacted from all of it.
//!
//! ```no_run
//! # #[cfg(target_arch = "wasm32")]
//! # async fn run() -> Result<(), ippanel_wasm::Error> {
//! use ippanel_wasm::edge::{Client, Config, SendRequest};
//!
//! let edge = Client::new(Config { api_key: "your-api-key".into(), ..Default::default() })?;
//! let sent = edge.send(SendRequest {
//!     from: "+983000505".into(),
//!     to: vec!["09121234567".into()],
//!     message: "سلام".into(),
//!     ..Default::default()
//! }).await?;
//! let entries = edge.wait_for_delivery(&sent.message_outbox_ids[0], Default::default()).await?;
//! # let _ = entries;
//! # Ok(()) }
//! ```

#[cfg(target_arch = "wasm32")]
#[cfg_attr(docsrs, doc(cfg(target_arch = "wasm32")))]
pub use crate::client::edge::{Client, Config, Pager};
#[cfg(target_arch = "wasm32")]
#[cfg_attr(docsrs, doc(cfg(target_arch = "wasm32")))]
pub use crate::client::WaitOptions;
pub use crate::core::edge::model::{
    Area, BulkStats, Contact, Counts, Credit, InboxMessage, LangCounts, Line, OperatorCounts, OutboxItem, Page,
    Pattern, PatternStatus, PatternVariable, Phonebook, PhonebookOption, Price, Recipient, Sent, SubCategory,
};
pub use crate::core::edge::request::{
    Bank, BankCountsRequest, CalculatePriceRequest, CountryTarget, CreatePatternRequest, Gender, GeoTarget,
    InboxRequest, JobNumberCountRequest, JobTarget, KeywordPhonebookTarget, NumbersRequest, OperatorId, OutboxFilters,
    OutboxRequest, PatternFilter, PatternPhonebook, PatternState, PatternType, PatternsRequest, PeerToPeerItem,
    PhonebookContactsRequest, PhonebookTarget, PhonebooksRequest, PostalTarget, Range, RecipientsRequest,
    SendCountryRequest, SendGeolocationRequest, SendJobRequest, SendKeywordPhonebookRequest, SendPatternRequest,
    SendPeerToPeerRequest, SendPhonebookRequest, SendPostalCodeRequest, SendRequest, SendVoiceOtpRequest, Slice,
    VariableSpec, VariableType,
};
pub use crate::{Approval, DeliveryStatus, Error, ErrorCode, ErrorKind};

/// Reads a request of the Edge client from a JSON value: a JS object's shape, as
/// `serde_json::from_value` or a Worker's parsed body would give it (`{"from": "3000505",
/// "to": "09121234567", "message": "hi"}`), every form the JavaScript API accepts included.
///
/// # Errors
/// An [`ErrorKind::Input`] error whose message starts with the path of the field that does
/// not fit, as JavaScript writes it (`params[0].postalCode: …`), or `request` for the value
/// itself.
///
/// ```
/// use ippanel_wasm::{edge::{read_request, SendRequest}, Value};
///
/// let value = Value::Object(ippanel_wasm::Extra(vec![
///     ("from".into(), Value::String("3000505".into())),
///     ("to".into(), Value::String("09121234567".into())),
///     ("message".into(), Value::Bool(true)),
/// ]));
/// let error = read_request::<SendRequest>(value).unwrap_err();
/// assert!(error.message().starts_with("message: invalid type"));
/// ```
pub fn read_request<T: serde::de::DeserializeOwned>(value: crate::Value) -> Result<T, Error> {
    crate::core::value::from_value_at(value).map_err(|(path, error)| {
        let field = if path.is_empty() { "request" } else { path.as_str() };
        let detail = error.to_string();
        let fa = [crate::core::messages::NOT_FITTING_FA, detail.as_str()].concat();
        Error::new(
            crate::core::error::CoreError::input(field, &detail, &fa),
            "request",
            false,
        )
    })
}
