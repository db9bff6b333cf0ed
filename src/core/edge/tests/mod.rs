//! The Edge core against the vendor's documents: every request body as their examples write
//! it, and every row of the contract's error mapping.

mod decode;
mod encode;

use serde::de::DeserializeOwned;

/// `json` (a JS-shaped request object) read into a request type, as the JS layer reads it.
pub fn req<T: DeserializeOwned>(json: &str) -> T {
    serde_json::from_str(json).expect("request JSON fits its type")
}
