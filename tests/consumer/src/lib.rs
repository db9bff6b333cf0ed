//! A Rust app as docs/rust.md describes one: it depends on `ippanel-wasm` and exports a `Client`
//! class and a `normalizeMobile` function of its own. `scripts/test-consumer.sh` builds it and
//! checks that wasm-bindgen accepts it (a second `Client` export would stop it) and that the
//! app's wasm exports nothing but the app's own names.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::prelude::*;

/// The app's own client, over the crate's.
#[wasm_bindgen]
pub struct Client {
    inner: ippanel_wasm::Client,
}

#[wasm_bindgen]
impl Client {
    /// A client for `username`.
    #[wasm_bindgen(constructor)]
    pub fn new(username: String, password: String) -> Result<Client, String> {
        let config = ippanel_wasm::Config {
            username,
            password,
            ..Default::default()
        };
        ippanel_wasm::Client::new(config)
            .map(|inner| Client { inner })
            .map_err(|e| e.to_string())
    }

    /// The account's username.
    pub fn username(&self) -> String {
        self.inner.username().to_string()
    }
}

/// The app's own `normalizeMobile`.
#[wasm_bindgen(js_name = normalizeMobile)]
pub fn normalize_mobile(input: &str) -> String {
    ippanel_wasm::normalize_mobile(input).unwrap_or_default()
}
