//! The npm package `ippanel-wasm`: its JavaScript classes and helpers, and the `IppanelError`
//! every failure becomes, as a thin wasm-bindgen layer over the crate's Rust API
//! (`ippanel_wasm`). Rust apps depend on that crate, never on this one, so none of these
//! exports reaches their wasm.
//!
//! The package has two entries, each its own wasm built from this crate with one feature:
//! `legacy` (the main entry: `Client`, `normalizeMobile`, `smsParts`, `isFinalDelivery`) and
//! `edge` (`ippanel-wasm/edge`: `EdgeClient`), so a user of one loads none of the other's code.
//!
//! A call flows: the JS arguments are read into the Rust request types ([`args`], catching
//! every property read; the Edge entry copies a request object as JSON first); the Rust
//! client's `async fn` runs as a promise ([`calls`]); its result goes back through
//! serde-wasm-bindgen as a plain object, its error as an `IppanelError` ([`error`]).
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)
)]
#![forbid(unsafe_code)]

// The layer exists on wasm32; natively only the declarations test builds.
#[cfg(target_arch = "wasm32")]
mod args;
#[cfg(all(target_arch = "wasm32", feature = "legacy"))]
mod bulk;
#[cfg(target_arch = "wasm32")]
mod calls;
#[cfg(all(target_arch = "wasm32", feature = "legacy"))]
mod client;
mod decimal;
#[cfg(test)]
mod declarations;
#[cfg(all(target_arch = "wasm32", feature = "edge"))]
mod edge;
#[cfg(target_arch = "wasm32")]
mod error;
#[cfg(all(target_arch = "wasm32", feature = "legacy"))]
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
