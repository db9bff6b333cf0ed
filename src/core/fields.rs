//! [`Fields`]: an item the service sent, read through aliases into a result type.
//!
//! The service names the same field differently from op to op and account to account
//! (`id`/`code`/`ID`, `title`/`name`; docs/protocol.md, "Results per op"), and sends numbers as numbers or as
//! text. Result types deserialize `#[serde(try_from = "Fields")]`: serde reads the object, and
//! their `TryFrom` takes each field from the first alias present, then keeps every key left
//! over, camelCased, so nothing the service sent is dropped.

use serde::Deserialize;

use super::num::{f64_to_i64, f64_to_u64, i64_text, is_ascii_digits, is_decimal_text, u64_text};
use super::value::{Extra, Value};

/// The fields of one object the service sent, in order.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(transparent)]
pub struct Fields(Extra);

/// Why an item could not become a result: a missing field or one of the wrong type. Its text
/// becomes the detail of a `protocol` error.
pub type FieldError = &'static str;

impl Fields {
    /// Takes the value of the first of `keys` that is present and not `null`. The result's own
    /// key comes first in `keys`, so it wins when the service sends a field under two names;
    /// the other copy stays in the leftovers.
    pub fn take(&mut self, keys: &[&str]) -> Option<Value> {
        for key in keys {
            let found = self.0 .0.iter().position(|(k, v)| k == key && *v != Value::Null);
            if let Some(at) = found {
                return Some(self.0 .0.remove(at).1);
            }
        }
        None
    }

    /// A required text field (a string, or a whole number the service sent for it).
    pub fn text(&mut self, keys: &[&str], missing: FieldError) -> Result<String, FieldError> {
        let value = self.take(keys).ok_or(missing)?;
        as_text(value).ok_or("an item field is not text")
    }

    /// A required number field (a number, or decimal text).
    pub fn number(&mut self, keys: &[&str], missing: FieldError) -> Result<f64, FieldError> {
        let value = self.take(keys).ok_or(missing)?;
        as_number(&value).ok_or("an item field is not a number")
    }

    /// A required id: a whole number from 0 to 2^53 − 1, as a number or as digits.
    pub fn id(&mut self, keys: &[&str], missing: FieldError) -> Result<u64, FieldError> {
        let n = self.number(keys, missing)?;
        f64_to_u64(n).ok_or("an item id is not a whole number")
    }

    /// Every key not taken, camelCased; under its own name where the camelCased one is a
    /// result field (`mapped`) or already kept, and left out only when both are taken (a
    /// second copy of a field).
    pub fn rest(self, mapped: &[&str]) -> Extra {
        let mut out: Vec<(String, Value)> = Vec::new();
        let taken = |out: &Vec<(String, Value)>, k: &str| mapped.contains(&k) || out.iter().any(|(o, _)| o == k);
        for (key, value) in self.0 .0 {
            let camel = camel_case(&key);
            let key = if !taken(&out, &camel) {
                camel
            } else if !taken(&out, &key) {
                key
            } else {
                continue;
            };
            out.push((key, value));
        }
        Extra(out)
    }
}

/// A string, or a whole number written as its digits (ids the service sends either way).
pub fn as_text(value: Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s),
        Value::Number(n) => f64_to_i64(n).map(i64_text),
        _ => None,
    }
}

/// A finite number, or plain decimal text (`-?digits(.digits)?`) read as one.
pub fn as_number(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) if n.is_finite() => Some(*n),
        Value::String(s) => decimal(s),
        _ => None,
    }
}

/// Plain decimal text as a number, rounded as `JSON.parse` and `Number()` round it, the same
/// wherever it is read (see [`super::decimal`]).
pub fn decimal(text: &str) -> Option<f64> {
    let t = super::text::trim_body(text);
    if !is_decimal_text(t) {
        return None;
    }
    Some(super::decimal::parse(t)).filter(|n| n.is_finite())
}

/// A bulk id: digits, as text or as a whole number.
pub fn bulk_id(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => {
            let t = super::text::trim_body(s);
            is_ascii_digits(t).then(|| String::from(t))
        }
        Value::Number(n) => f64_to_u64(*n).map(u64_text),
        _ => None,
    }
}

/// `user_id` → `userId`, `created-at` → `createdAt`: a `_` or `-` between a character and an
/// ASCII letter or digit is dropped and that letter upper-cased. Other keys are unchanged.
pub fn camel_case(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut pending: Option<char> = None;
    for c in key.chars() {
        if let Some(sep) = pending.take() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_uppercase());
                continue;
            }
            out.push(sep);
        }
        if (c == '_' || c == '-') && !out.is_empty() {
            pending = Some(c);
        } else {
            out.push(c);
        }
    }
    if let Some(sep) = pending {
        out.push(sep);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camel_cases_keys() {
        for (from, to) in [
            ("user_id", "userId"),
            ("created-at", "createdAt"),
            ("id", "id"),
            ("alreadyCamel", "alreadyCamel"),
            ("_private", "_private"),
            ("trailing_", "trailing_"),
            ("a__b", "a_B"),
            ("item_2", "item2"),
            ("نام_کاربر", "نام_کاربر"),
            ("x_y_z", "xYZ"),
            ("", ""),
        ] {
            assert_eq!(camel_case(from), to, "{from}");
        }
    }

    #[test]
    fn numbers_from_text_round_like_json_parse() {
        // Long text is read exactly too, by the core itself, wherever the type is read.
        let long = "0.1000000000000000055511151231257827";
        assert_eq!(decimal(long), long.parse().ok());
        assert_eq!(decimal("933222.33"), Some(933222.33));
        assert_eq!(decimal(&"9".repeat(400)), None, "beyond f64::MAX");
        assert_eq!(decimal(" 12 "), Some(12.0));
        assert_eq!(decimal("-0.5"), Some(-0.5));
        for bad in ["", "1e5", "+1", "۱۲", "NaN", "1,000"] {
            assert_eq!(decimal(bad), None, "{bad}");
        }
    }
}
