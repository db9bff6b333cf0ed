//! The pure Rust core: everything about the ippanel wire protocol that is not JavaScript.
//!
//! Nothing in here touches `wasm_bindgen`, `js_sys` or any JS type, so all of it is tested
//! natively with `cargo test`. The wasm layer (`crate::wasm`) reads JS values into the typed
//! requests of [`request`], calls [`request::encode`], hands the [`request::WireRequest`] to
//! `fetch`, and turns the body back into a result tree with [`response::decode`].
//!
//! JSON is parsed by whoever calls the core (the JS engine's `JSON.parse` in wasm, `serde_json`
//! in native tests) through the [`json::ParseJson`] trait, so no JSON parser is compiled into
//! the wasm. Numbers that arrive as text stay text ([`json::Json::NumText`]) and become JS
//! numbers at the boundary, so no float parsing or formatting machinery is compiled in either.

// Every public item of the core is documented; the build keeps it that way.
#![warn(missing_docs)]

pub mod bulk;
pub mod error;
pub mod form;
pub mod json;
pub mod mobile;
pub mod request;
pub mod response;
pub mod retry;
pub mod sms;
pub mod tehran_time;
pub mod text;
