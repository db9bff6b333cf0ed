//! # ippanel-wasm
//!
//! A client for the ippanel SMS web service, compiled to WebAssembly and published to npm.
//! Browsers, Node, Deno, Bun and Cloudflare Workers call every operation of the service as a
//! promise over `fetch`; see `README.md` for the JavaScript API.
//!
//! The crate has two layers:
//! - [`core`]: the wire protocol in plain Rust (form encoding, response decoding, the error
//!   table, mobile-number normalization, SMS part counting). No JS types; tested natively.
//! - `wasm` (only on `wasm32`): the thin wasm-bindgen layer exporting `Client`,
//!   `normalizeMobile` and `smsParts`, with one transport over the global `fetch`.
//!
//! A panic in wasm kills the instance for a whole page or Worker, so code outside tests may not
//! unwrap, expect, panic or index unchecked; clippy enforces it.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)
)]

pub mod core;

#[cfg(target_arch = "wasm32")]
mod wasm;

#[cfg(target_arch = "wasm32")]
pub use wasm::{normalize_mobile, register_error_class, register_transport, sms_parts, Client};
