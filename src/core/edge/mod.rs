//! The Edge API (`edge.ippanel.com/v1`, JSON, an API key in `Authorization`) in plain Rust,
//! beside the legacy service's core it shares the number rules, errors, redaction, retry rule
//! and JSON values with.
//!
//! A call flows: a request ([`request`], one type per method of [`ops`]) is checked value by
//! value ([`values`], [`time`]) and written as the method, path, query and JSON body to send
//! ([`encode::encode`], with [`json`]); the answer is read by [`decode::decode`]: the status and
//! the `meta` envelope decide success or the error (its English from [`texts`]), `data` becomes
//! a result ([`model`]).

pub mod de;
pub mod decode;
pub mod encode;
pub mod json;
pub mod model;
pub mod ops;
pub mod request;
pub mod texts;
pub mod time;
pub mod values;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
