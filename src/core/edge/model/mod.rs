//! What each Edge op resolves to: the result types of the Rust API, and through `serde` the
//! plain objects of the JavaScript API (camelCase, extra fields beside the mapped ones).
//!
//! As on the legacy service ([`crate::core::model`]), every result deserializes `try_from`
//! [`Fields`](crate::core::fields::Fields) and keeps the keys no field maps in `extra`,
//! camelCased. The Edge wire sends one name per field but loose values: entity ids as ints or
//! text (read as `String`), enumeration ids, counts and unix times as numbers or digits,
//! amounts as numbers or decimal text, 0/1 flags as `0`/`1`, `"0"`/`"1"` or booleans
//! ([`read`]). A value of another form, or a missing identity (an id, a recipient), is an
//! error, the detail of a `protocol` error; free text a result can do without is empty when
//! missing.
//!
//! Serialized, a Rust field `kind` is the wire's and JS's `type`, and `is_66_char` is
//! `is66Char`.

mod account;
mod geo;
pub mod page;
mod pattern;
pub mod read;
pub mod report;
mod send;

pub use account::{Contact, Credit, Line, Phonebook, PhonebookOption};
pub use geo::{Area, Counts, SubCategory};
pub use page::Page;
pub use pattern::{Pattern, PatternStatus, PatternVariable};
pub use report::{BulkStats, InboxMessage, LangCounts, OperatorCounts, OutboxItem, Recipient};
pub use send::{Price, Sent};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
