//! The npm package `ippanel-wasm`: its JavaScript `Client` class, `normalizeMobile`,
//! `smsParts`, and the `IppanelError` every failure becomes, as a thin wasm-bindgen layer over
//! the crate's Rust API (`ippanel_wasm`). Rust apps depend on that crate, never on this one,
//! so none of these exports reaches their wasm.
//!
//! A call flows: the JS arguments are read into the Rust request types ([`args`], catching
//! every property read); the Rust client's `async fn` runs as a promise ([`client`]); its
//! result goes back through serde-wasm-bindgen as a plain object, its error as an
//! `IppanelError` ([`error`]).
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)
)]
#![forbid(unsafe_code)]

// The layer exists on wasm32; natively only the declarations test builds.
#[cfg(target_arch = "wasm32")]
mod args;
#[cfg(target_arch = "wasm32")]
mod bulk;
#[cfg(target_arch = "wasm32")]
mod client;
#[cfg(test)]
mod declarations;
#[cfg(target_arch = "wasm32")]
mod error;
#[cfg(target_arch = "wasm32")]
mod helpers;
#[cfg(target_arch = "wasm32")]
mod messages;
#[cfg(target_arch = "wasm32")]
mod sys;

/// `value` as a plain JS value: objects (not `Map`s), `null` for `None`.
#[cfg(target_arch = "wasm32")]
fn to_plain<T: serde::Serialize + ?Sized>(value: &T) -> wasm_bindgen::JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(wasm_bindgen::JsValue::UNDEFINED)
}
