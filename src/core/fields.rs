//! [`Fields`]: an item the service sent, read through aliases into a result type.
//!
//! The service names the same field differently from op to op and account to account
//! (`id`/`code`/`ID`, `title`/`name`; docs/protocol.md, "Results per op"), and sends numbers as numbers or as
//! text. Result types deserialize `#[serde(try_from = "Fields")]`: serde reads the object, and
//! their `TryFrom` takes each field from the first alias present, then keeps every key left
//! over, camelCased, so nothing the service sent is dropped.

use std::cell::Cell;

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

/// Reads plain decimal text (`-?digits(.digits)?`, checked already) as the nearest number.
pub type NumberParser = fn(&str) -> Option<f64>;

thread_local! {
    /// The number parser of the decode in progress: its JSON format's (see
    /// [`super::response::JsonFormat::number`]). Result types read numbers inside serde's
    /// `try_from`, which has no way to be handed it.
    static NUMBERS: Cell<Option<NumberParser>> = const { Cell::new(None) };
}

/// Makes `parser` the one [`decimal`] uses while this lives.
pub struct NumberScope(Option<NumberParser>);

impl NumberScope {
    /// Starts the scope.
    pub fn enter(parser: NumberParser) -> NumberScope {
        NumberScope(NUMBERS.with(|n| n.replace(Some(parser))))
    }
}

impl Drop for NumberScope {
    fn drop(&mut self) {
        let previous = self.0;
        NUMBERS.with(|n| n.set(previous));
    }
}

/// Plain decimal text as a number, rounded as `JSON.parse` and `Number()` round it. Up to 15
/// significant digits (every amount the service sends) it is read here; longer text by the
/// number parser of the decode in progress, or, natively, by Rust's own. In wasm, outside a
/// decode (a result type read straight from JSON by the caller), longer text is `None`.
pub fn decimal(text: &str) -> Option<f64> {
    let t = super::text::trim_body(text);
    if !is_decimal_text(t) {
        return None;
    }
    let n = short_decimal(t).or_else(|| match NUMBERS.with(Cell::get) {
        Some(parse) => parse(t),
        None => fallback(t),
    });
    n.filter(|n| n.is_finite())
}

#[cfg(not(target_arch = "wasm32"))]
fn fallback(t: &str) -> Option<f64> {
    t.parse().ok()
}

#[cfg(target_arch = "wasm32")]
fn fallback(_: &str) -> Option<f64> {
    None
}

/// Powers of ten that an `f64` holds exactly.
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// Decimal text of at most 15 significant digits and 22 decimals, read exactly: its digits as
/// a whole number (below 2^53, so exact) divided by an exact power of ten is one correctly
/// rounded operation (Clinger's fast path). `None` for longer text.
fn short_decimal(t: &str) -> Option<f64> {
    let (negative, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let (whole, fraction) = t.split_once('.').unwrap_or((t, ""));
    let power = *EXACT_POWERS.get(fraction.len())?;
    let mut digits: u64 = 0;
    let mut significant = 0;
    for b in whole.bytes().chain(fraction.bytes()) {
        digits = digits * 10 + u64::from(b.wrapping_sub(b'0'));
        if digits != 0 {
            significant += 1;
            if significant > 15 {
                return None;
            }
        }
    }
    let n = digits as f64 / power;
    Some(if negative { -n } else { n })
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

    /// The fast path agrees with Rust's own (exact) parser wherever it answers.
    #[test]
    fn short_decimals_are_exact() {
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut answered = 0;
        for _ in 0..200_000 {
            let digits = next() % 10u64.pow((next() % 16) as u32 + 1);
            let text = digits.to_string();
            let point = (next() % (text.len() as u64 + 3)) as usize;
            let text = if point == 0 {
                text
            } else if point <= text.len() {
                format!(
                    "{}.{}",
                    &text[..text.len() - point + 1],
                    &text[text.len() - point + 1..]
                )
            } else {
                format!("0.{}{}", "0".repeat(point - text.len()), text)
            };
            let text = text.trim_end_matches('.').to_string();
            if let Some(n) = short_decimal(&text) {
                answered += 1;
                assert_eq!(n, text.parse::<f64>().unwrap(), "{text}");
            }
        }
        assert!(answered > 150_000, "{answered}");
        assert_eq!(short_decimal("1234567890123456"), None, "16 significant digits");
        assert_eq!(short_decimal("0.00000000000000000000001"), None, "23 decimals");
        assert_eq!(short_decimal("-0"), Some(-0.0));
    }

    #[test]
    fn numbers_from_text_round_like_json_parse() {
        // Long text goes to the decode's parser: here one that says so.
        let long = "0.1000000000000000055511151231257827";
        assert_eq!(decimal(long), long.parse().ok(), "natively, outside a decode");
        {
            let _scope = NumberScope::enter(|_| Some(7.0));
            assert_eq!(decimal(long), Some(7.0));
            assert_eq!(decimal("933222.33"), Some(933222.33), "short text is read here");
        }
        assert_eq!(decimal("933222.33"), Some(933222.33));
        assert_eq!(decimal(" 12 "), Some(12.0));
        assert_eq!(decimal("-0.5"), Some(-0.5));
        for bad in ["", "1e5", "+1", "۱۲", "NaN", "1,000"] {
            assert_eq!(decimal(bad), None, "{bad}");
        }
    }
}
