//! The pure Rust core: everything about the ippanel wire protocol that is not JavaScript.
//!
//! Nothing in here touches `wasm_bindgen`, `js_sys` or any JS type, so all of it is tested
//! natively with `cargo test`. A call flows: a request ([`request`], one serde type per op of
//! [`ops`]) is checked value by value ([`validate`]) and written as the form to POST
//! ([`encode::encode`], with [`form`], [`mobile`], [`tehran_time`]); the answer is read by
//! [`response::decode`] through serde visitors ([`envelope`], [`fields`], [`value`]) over
//! whatever parses the JSON (the engine's `JSON.parse` with `serde-wasm-bindgen` in wasm,
//! `serde_json` in native tests) into a result ([`model`]), or an error ([`error`], with the
//! service's [`codes`], and [`redact`] to mask the password). [`retry`] decides whether a
//! failed attempt is tried again; [`bulk`] plans `send_bulk`'s batches; [`sms`] counts parts.

// Every public item of the core is documented; the build keeps it that way.
#![warn(missing_docs)]

pub mod bulk;
pub mod codes;
pub mod de;
pub mod decimal;
#[cfg(feature = "edge")]
pub mod edge;
pub mod encode;
pub mod envelope;
pub mod error;
pub mod fields;
pub mod form;
pub mod messages;
pub mod mobile;
pub mod model;
pub mod num;
pub mod ops;
pub mod redact;
pub mod request;
pub mod response;
pub mod retry;
pub mod sms;
pub mod tehran_time;
pub mod text;
pub mod validate;
pub mod value;

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod tests;
