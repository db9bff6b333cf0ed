//! # ippanel-wasm
//!
//! A client for the ippanel SMS web service (`services.jspd`), for Rust compiled to
//! WebAssembly (Leptos, Yew and Dioxus apps, Cloudflare Workers written with workers-rs) and,
//! through the same code, for JavaScript in browsers, Node, Deno, Bun and Workers (the npm
//! package `ippanel-wasm`).
//!
//! ```no_run
//! # #[cfg(target_arch = "wasm32")]
//! # async fn run() -> Result<(), ippanel_wasm::Error> {
//! use ippanel_wasm::{Client, Config, SendRequest};
//!
//! let client = Client::new(Config {
//!     username: "me".into(),
//!     password: "secret".into(),
//!     ..Default::default()
//! })?;
//! let sent = client.send(SendRequest {
//!     from: "3000505".into(),
//!     to: vec!["09121234567".into()],
//!     message: "سلام".into(),
//!     ..Default::default()
//! }).await?;
//! for entry in client.delivery(&sent.bulk_id).await? {
//!     println!("{} {}", entry.recipient, entry.status.as_str());
//! }
//! # Ok(()) }
//! ```
//!
//! ## Layers, and the packages each stands on
//! - The core (every target, private): the wire protocol in plain Rust: typed requests and results,
//!   form encoding, response decoding, the error table, mobile-number normalization and SMS
//!   part counting. **serde** derives the request and result types; the protocol's quirks
//!   (numbers as text, double-encoded lists, the `[code, data]` envelope, item aliases, extra
//!   fields kept) are serde attributes and small visitors. No JS types; tested natively.
//! - `Client` (wasm32): the Rust API. Every op is an `async fn` (**wasm-bindgen-futures**
//!   turns the engine's promises into futures); **gloo-net** builds each request and wraps each
//!   response; **web-sys** gives the `AbortController` that cancels a request when its future is
//!   dropped or times out, the `ReadableStreamDefaultReader` of the capped body read, and
//!   headers; **js-sys** the JS values in between (`JSON.parse`, timers, the global `fetch`).
//!   **serde-wasm-bindgen** reads what `JSON.parse` made of an answer into the core's types.
//!
//! The npm package's JavaScript `Client` class is a separate crate of the workspace, built over
//! this Rust API: a Rust app that depends on this crate exports nothing of it.
//!
//! A panic in wasm kills the instance for a whole page or Worker, so code outside tests may not
//! unwrap, expect, panic or index unchecked; clippy enforces it.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)
)]
#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

// Natively only the helpers and types use the core; the client that uses the rest is wasm32.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod core;
#[cfg(feature = "edge")]
#[cfg_attr(docsrs, doc(cfg(feature = "edge")))]
pub mod edge;
mod error;

#[cfg(target_arch = "wasm32")]
mod client;

#[cfg(target_arch = "wasm32")]
#[cfg_attr(docsrs, doc(cfg(target_arch = "wasm32")))]
pub use client::{BulkBatch, BulkProgress, BulkReport, Client, Config, WaitOptions};
pub use core::model::{
    AccessPackage, Approval, CreatedUser, DeliveryEntry, DeliveryStatus, InboxMessage, Job, JobTrend, MessageCheck,
    MessageStatus, Phonebook, PostalArea, Sent,
};
pub use core::request::{
    BookSendRequest, Gender, JobsCountRequest, JobsSendRequest, NewUserRequest, Operator, PostalCodeCountRequest,
    PostalCodeSendRequest, SendBulkRequest, SendPatternRequest, SendRequest,
};
pub use core::sms::{Encoding, SmsParts};
pub use core::value::{Extra, Value};
pub use error::{Error, ErrorCode, ErrorKind};

/// Any common form of an Iranian mobile number as `+989121234567`: `09121234567`,
/// `9121234567`, `989121234567`, `00989121234567`, with Persian or Arabic-Indic digits, spaces
/// or dashes.
///
/// # Errors
/// An [`ErrorKind::Input`] error for anything that is not a mobile number.
///
/// ```
/// assert_eq!(ippanel_wasm::normalize_mobile("۰۹۱۲ ۱۲۳ ۴۵۶۷").unwrap(), "+989121234567");
/// assert!(ippanel_wasm::normalize_mobile("02112345678").is_err());
/// ```
pub fn normalize_mobile(input: &str) -> Result<String, Error> {
    core::mobile::normalize_mobile(input).map_err(|e| Error::new(e, "normalizeMobile", false))
}

/// How `text` is sent as SMS (GSM 03.38): its encoding, length, and number of parts.
///
/// ```
/// let parts = ippanel_wasm::sms_parts("سلام");
/// assert_eq!((parts.parts, parts.length, parts.per_part), (1, 4, 70));
/// ```
pub fn sms_parts(text: &str) -> SmsParts {
    core::sms::sms_parts(text)
}

/// The moment `unix_ms` (milliseconds since 1970, as `Date.now()` gives them) as the `time`
/// of a scheduled send: Tehran wall-clock time (UTC+03:30), `YYYY-MM-DD HH:MM:SS`. `None` for
/// a moment that is not a finite time from 1970 to 9999. The JavaScript API does this for a
/// `Date`.
///
/// ```
/// assert_eq!(ippanel_wasm::tehran_time(0.0).as_deref(), Some("1970-01-01 03:30:00"));
/// assert_eq!(ippanel_wasm::tehran_time(f64::NAN), None);
/// ```
pub fn tehran_time(unix_ms: f64) -> Option<String> {
    core::tehran_time::format_epoch_ms(unix_ms)
}
