//! A JSON value tree, used both for what the service sent and for the result handed to JS.

/// A parsed JSON value, or a result value on its way to JavaScript.
///
/// Objects keep their keys in order and may repeat them, exactly as received.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A number the JSON parser already turned into an `f64`.
    Num(f64),
    /// A number that arrived as text (e.g. `"933222.33"`), checked to be a plain decimal
    /// number (`-?digits(.digits)?`). Never produced by a parser; produced by the decoder so
    /// that the JS boundary, not Rust, turns the text into a number.
    NumText(String),
    /// A string.
    Str(String),
    /// An array.
    Arr(Vec<Json>),
    /// An object, keys in the order received.
    Obj(Vec<(String, Json)>),
}

/// Parses JSON text. Implemented over `JSON.parse` in wasm and over `serde_json` in tests.
pub trait ParseJson {
    /// Returns `None` when `text` is not valid JSON.
    fn parse_json(&self, text: &str) -> Option<Json>;
}

impl Json {
    /// The value under `key` when `self` is an object (the first one, if repeated).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}
