//! Every check of a request's values, each with its message in English and Persian, made
//! before anything is sent; the encoder calls them field by field.

use super::error::CoreError;
use super::messages::{Text, NOT_AN_ID, NOT_EMPTY, NO_RECIPIENT, NO_TREND, POSTAL_CODE, SENDER, SEND_TIME};
use super::mobile::{ascii_digits, digit_value, is_invisible_mark, normalize_mobile_field};
use super::num::{is_ascii_digits, write_u64, MAX_SAFE_INTEGER};
use super::tehran_time::is_valid_time_text;

pub type Check<T> = Result<T, CoreError>;

pub fn fail<T>(field: &str, (en, fa): Text) -> Check<T> {
    Err(CoreError::input(field, en, fa))
}

/// An optional text field, trimmed; `None` when absent or blank (sent as an empty string).
pub fn optional(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// `s` in ASCII digits, without whitespace, invisible marks, and (with `dashes`) dashes: how
/// people group sender lines, postal codes and ids.
pub fn compact(s: &str, dashes: bool) -> String {
    s.chars()
        .filter(|&c| !(c.is_whitespace() || is_invisible_mark(c) || (dashes && c == '-')))
        .map(|c| digit_value(c).unwrap_or(c))
        .collect()
}

/// `s` compacted with dashes removed too (postal codes, national ids, phone numbers).
pub fn digits_only(s: &str) -> String {
    compact(s, true)
}

/// `from`: a sender line, `+?digits` once digits are ASCII and spaces are gone. Sent in that
/// form, not converted to `+98`: sender lines are service numbers like `3000505`, not mobiles.
pub fn sender(from: &str) -> Check<String> {
    let cleaned = compact(from, false);
    if cleaned.is_empty() {
        return fail("from", NOT_EMPTY);
    }
    if !is_ascii_digits(cleaned.strip_prefix('+').unwrap_or(&cleaned)) {
        return fail("from", SENDER);
    }
    Ok(cleaned)
}

/// `message`: sent exactly as given, but never empty or only whitespace (the service answers
/// code 1 for that, after a round trip).
pub fn message(text: &str) -> Check<&str> {
    not_blank(text, "message")
}

/// A text that must not be empty or only whitespace, named `field`; sent as given.
pub fn not_blank<'a>(text: &'a str, field: &str) -> Check<&'a str> {
    if text.trim().is_empty() {
        return fail(field, NOT_EMPTY);
    }
    Ok(text)
}

/// `to` of `send`: every recipient normalized. A single recipient is named `to` (the JS caller
/// usually passed a plain string); in a longer list the first bad one is named `to[i]`.
pub fn recipients(to: &[String]) -> Check<Vec<String>> {
    if to.is_empty() {
        return fail("to", NO_RECIPIENT);
    }
    if let [one] = to {
        return Ok(vec![normalize_mobile_field(one, "to")?]);
    }
    to.iter()
        .enumerate()
        .map(|(i, number)| normalize_mobile_field(number, &indexed("to", i)))
        .collect()
}

/// `field[i]`, for errors about one item of a list.
pub fn indexed(field: &str, i: usize) -> String {
    let mut out = String::with_capacity(field.len() + 6);
    out.push_str(field);
    out.push('[');
    write_u64(&mut out, i as u64);
    out.push(']');
    out
}

/// The wire text of a send time: checked, then sent as given.
pub fn send_time(time: &str) -> Check<String> {
    if is_valid_time_text(time) {
        Ok(String::from(time))
    } else {
        fail("time", SEND_TIME)
    }
}

/// A postal code: exactly 10 digits once digits are ASCII and spaces and dashes are gone.
pub fn postal_code(code: &str, field: &str) -> Check<String> {
    let digits = digits_only(code);
    if digits.len() == 10 && is_ascii_digits(&digits) {
        Ok(digits)
    } else {
        fail(field, POSTAL_CODE)
    }
}

/// A numeric id: at most 2^53 − 1, the largest a JS number (and the service's parser) holds
/// exactly.
pub fn id_number(n: u64, field: &str) -> Check<u64> {
    if n <= MAX_SAFE_INTEGER as u64 {
        Ok(n)
    } else {
        fail(field, NOT_AN_ID)
    }
}

/// The digits of an id given as text (digits only once converted to ASCII and trimmed).
pub fn id_text(text: &str, field: &str) -> Check<String> {
    let digits = ascii_digits(text.trim());
    if is_ascii_digits(&digits) {
        Ok(digits)
    } else {
        fail(field, NOT_AN_ID)
    }
}

/// `bookId` as an integer for the JSON list.
pub fn id_input(id: &str, field: &str) -> Check<u64> {
    let digits = id_text(id, field)?;
    // Leading zeros would not be valid JSON; a value past 2^53 would not survive the service's
    // own parsing either.
    digits
        .parse::<u64>()
        .ok()
        .filter(|&n| n <= MAX_SAFE_INTEGER as u64)
        .map_or_else(|| fail(field, NOT_AN_ID), Ok)
}

/// `bulkId` as the digits to send, as given.
pub fn bulk_id_digits(id: &str) -> Check<String> {
    id_text(id, "bulkId")
}

/// `trendIds`: a non-empty list of ids.
pub fn trend_ids(ids: &[u64]) -> Check<Vec<u64>> {
    if ids.is_empty() {
        return fail("trendIds", NO_TREND);
    }
    ids.iter()
        .enumerate()
        .map(|(i, n)| id_number(*n, &indexed("trendIds", i)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_helpers() {
        assert_eq!(indexed("trendIds", 12), "trendIds[12]");
        assert_eq!(sender(" +98 ۳۰۰۰ 505\u{200f}").unwrap(), "+983000505");
        assert!(sender("+").is_err());
        assert_eq!(postal_code("۱۲۳۴۵-۶۷۸۹۰", "postalCode").unwrap(), "1234567890");
        assert_eq!(id_input("007", "bookId").unwrap(), 7);
        assert!(id_input("9007199254740992", "bookId").is_err());
        assert_eq!(bulk_id_digits("007").unwrap(), "007");
        assert!(id_number(1 << 53, "jobId").is_err());
        assert_eq!(
            recipients(&["x".into()]).unwrap_err().message.split(':').next(),
            Some("to")
        );
        assert_eq!(
            recipients(&["09121234567".into(), "x".into()])
                .unwrap_err()
                .message
                .split(':')
                .next(),
            Some("to[1]")
        );
    }
}
