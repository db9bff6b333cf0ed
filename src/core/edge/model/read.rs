//! How the Edge wire writes values, read loosely: ids as ints or text, numbers as numbers or
//! digits, 0/1 flags in any of their three forms, unix seconds as numbers or digits.
//!
//! [`Reader`] wraps the [`Fields`] of one object and reads each field by its one wire name
//! (the Edge API has no aliases). A field a result needs that is missing, `null` or of the
//! wrong form is a [`FieldError`], the detail of a `protocol` error.

use crate::core::fields::{as_number, as_text, camel_case, FieldError, Fields};
use crate::core::num::{f64_to_i64, f64_to_u64};
use crate::core::text::trim_body;
use crate::core::value::{from_value, Extra, Value};

const NOT_ID: FieldError = "an item id is not text or a whole number";
const NOT_TEXT: FieldError = "an item field is not text";
const NOT_AMOUNT: FieldError = "an item field is not a number";
const NOT_COUNT: FieldError = "an item field is not a whole number";
const NOT_CODE: FieldError = "an item code is not a whole number";
const NOT_TIME: FieldError = "an item time is not unix seconds";
const NOT_FLAG: FieldError = "an item flag is not 0, 1, true or false";
const NOT_LIST: FieldError = "an item field is not a list of objects";

/// A 0/1 flag: `0`/`1`, `"0"`/`"1"` or `false`/`true`; anything else is `None`.
pub fn flag(value: &Value) -> Option<bool> {
    match value {
        Value::Bool(b) => Some(*b),
        Value::Number(n) if *n == 0.0 => Some(false),
        Value::Number(n) if *n == 1.0 => Some(true),
        Value::String(s) => match trim_body(s) {
            "0" => Some(false),
            "1" => Some(true),
            _ => None,
        },
        _ => None,
    }
}

/// A whole number from 0 to 2^53 − 1, as a number or as digits.
pub fn whole(value: &Value) -> Option<u64> {
    as_number(value).and_then(f64_to_u64)
}

/// A whole number that fits a `u32` (an enumeration id or a page number), as a number or as
/// digits.
pub fn small(value: &Value) -> Option<u32> {
    whole(value).and_then(|n| u32::try_from(n).ok())
}

/// Unix seconds, as a whole number or as its digits.
pub fn unix_time(value: &Value) -> Option<i64> {
    as_number(value).and_then(f64_to_i64)
}

/// An entity id as text: a string that is not blank, or a whole number written as its digits.
pub fn id_text(value: Value) -> Option<String> {
    as_text(value).filter(|s| !trim_body(s).is_empty())
}

/// The fields of a nested object (a pattern's variable, a phonebook's option).
pub fn object(value: Value) -> Option<Fields> {
    match value {
        Value::Object(fields) => from_value::<Fields>(Value::Object(fields)).ok(),
        _ => None,
    }
}

/// The fields of one object the service sent, read by wire name.
pub struct Reader(Fields);

impl Reader {
    /// Reads `fields`.
    pub fn new(fields: Fields) -> Reader {
        Reader(fields)
    }

    /// The value under `key`, unless missing or `null`.
    pub fn take(&mut self, key: &str) -> Option<Value> {
        self.0.take(&[key])
    }

    /// A required entity id (text, or a whole number as its digits).
    pub fn id(&mut self, key: &str, missing: FieldError) -> Result<String, FieldError> {
        id_text(self.take(key).ok_or(missing)?).ok_or(NOT_ID)
    }

    /// Required text (a whole number is written as its digits).
    pub fn text(&mut self, key: &str, missing: FieldError) -> Result<String, FieldError> {
        self.0.text(&[key], missing)
    }

    /// Optional text: `None` when missing or `null`.
    pub fn opt_text(&mut self, key: &str) -> Result<Option<String>, FieldError> {
        self.take(key).map(|v| as_text(v).ok_or(NOT_TEXT)).transpose()
    }

    /// Free text the item can do without: empty when missing or `null`.
    pub fn text_or_empty(&mut self, key: &str) -> Result<String, FieldError> {
        Ok(self.opt_text(key)?.unwrap_or_default())
    }

    /// A required amount (a number, or decimal text).
    pub fn amount(&mut self, key: &str, missing: FieldError) -> Result<f64, FieldError> {
        self.0.number(&[key], missing)
    }

    /// An amount that is 0 when missing or `null`.
    pub fn amount_or_zero(&mut self, key: &str) -> Result<f64, FieldError> {
        self.take(key).map_or(Ok(0.0), |v| as_number(&v).ok_or(NOT_AMOUNT))
    }

    /// A required count.
    pub fn count(&mut self, key: &str, missing: FieldError) -> Result<u64, FieldError> {
        whole(&self.take(key).ok_or(missing)?).ok_or(NOT_COUNT)
    }

    /// An optional count: `None` when missing or `null`.
    pub fn opt_count(&mut self, key: &str) -> Result<Option<u64>, FieldError> {
        self.take(key).map(|v| whole(&v).ok_or(NOT_COUNT)).transpose()
    }

    /// A required enumeration id.
    pub fn code(&mut self, key: &str, missing: FieldError) -> Result<u32, FieldError> {
        small(&self.take(key).ok_or(missing)?).ok_or(NOT_CODE)
    }

    /// An optional enumeration id: `None` when missing or `null`.
    pub fn opt_code(&mut self, key: &str) -> Result<Option<u32>, FieldError> {
        self.take(key).map(|v| small(&v).ok_or(NOT_CODE)).transpose()
    }

    /// A required unix time in seconds.
    pub fn time(&mut self, key: &str, missing: FieldError) -> Result<i64, FieldError> {
        unix_time(&self.take(key).ok_or(missing)?).ok_or(NOT_TIME)
    }

    /// A 0/1 flag, `false` when missing or `null`.
    pub fn flag(&mut self, key: &str) -> Result<bool, FieldError> {
        self.take(key).map_or(Ok(false), |v| flag(&v).ok_or(NOT_FLAG))
    }

    /// A list of objects, each read by `read`; empty when missing or `null`.
    pub fn objects<T>(&mut self, key: &str, read: fn(Fields) -> Result<T, FieldError>) -> Result<Vec<T>, FieldError> {
        match self.take(key) {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .into_iter()
                .map(|item| object(item).ok_or(NOT_LIST).and_then(read))
                .collect(),
            Some(_) => Err(NOT_LIST),
        }
    }

    /// Every field not read, camelCased (see [`Fields::rest`]); `mapped` are the result's own
    /// (JS) field names. A `null` the service sent for a mapped field (`"summary": null`) is
    /// not kept: the field itself says `None`.
    pub fn rest(self, mapped: &[&str]) -> Extra {
        let mut extra = self.0.rest(mapped);
        extra
            .0
            .retain(|(key, value)| *value != Value::Null || !mapped.contains(&camel_case(key).as_str()));
        extra
    }
}
