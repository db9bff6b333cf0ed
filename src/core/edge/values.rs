//! Every check of an Edge request's values, made before anything is sent, and the form each
//! value goes out in. Errors name the JS field to fix (`params[2].postalCode`).

use crate::core::messages::{
    Text, BIRTH_YEAR, DIGITS, EDGE_SENDER, EDGE_SEND_TIME, FILTER_TIME, LIMIT, NOT_EMPTY, NO_ITEMS, NO_RECIPIENT,
    NUMBER_PREFIX, PAGE, PATTERN_LIMIT, POSTAL_PREFIX, TOO_MANY_ITEMS, VOTP_CODE,
};
use crate::core::mobile::normalize_mobile_field;
use crate::core::num::is_ascii_digits;
use crate::core::validate::{compact, fail, indexed, Check};

use super::time::{unix_seconds_text, utc_send_time};

/// The most items any list of a request may hold (the service's own largest send).
pub const MAX_ITEMS: usize = 1_000_000;

/// `parent.field`, for errors about a field of a list item.
pub fn nested(parent: &str, field: &str) -> String {
    let mut out = String::with_capacity(parent.len() + 1 + field.len());
    out.push_str(parent);
    out.push('.');
    out.push_str(field);
    out
}

/// `from`: trimmed, digits made ASCII; `+…` as given, `0098…` as `+98…`, anything else with
/// `+98` in front. After the `+98`, letters and digits only (`+98BANK`).
pub fn sender(from: &str, field: &str) -> Check<String> {
    let cleaned = compact(from, false);
    if cleaned.is_empty() {
        return fail(field, NOT_EMPTY);
    }
    let line = if cleaned.starts_with('+') {
        cleaned
    } else if let Some(rest) = cleaned.strip_prefix("0098") {
        ["+98", rest].concat()
    } else {
        ["+98", cleaned.as_str()].concat()
    };
    let body = line.get(1..).unwrap_or_default();
    if body.is_empty() || !body.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return fail(field, EDGE_SENDER);
    }
    Ok(line)
}

/// A text that must not be empty or only whitespace; sent as given.
pub use crate::core::validate::not_blank as text;

/// A list that must have items, and not more than [`MAX_ITEMS`].
pub fn items<'a, T>(list: &'a [T], field: &str) -> Check<&'a [T]> {
    if list.is_empty() {
        return fail(field, NO_ITEMS);
    }
    if list.len() > MAX_ITEMS {
        return fail(field, TOO_MANY_ITEMS);
    }
    Ok(list)
}

/// Recipients, each normalized to `+98` and 10 digits; `field` for one, `field[i]` in a list.
pub fn recipients(to: &[String], field: &str, required: bool) -> Check<Vec<String>> {
    if to.is_empty() && required {
        return fail(field, NO_RECIPIENT);
    }
    if to.len() > MAX_ITEMS {
        return fail(field, TOO_MANY_ITEMS);
    }
    if let [one] = to {
        return Ok(vec![normalize_mobile_field(one, field)?]);
    }
    to.iter()
        .enumerate()
        .map(|(i, number)| normalize_mobile_field(number, &indexed(field, i)))
        .collect()
}

/// `sendTime` as UTC `YYYY-MM-DD HH:MM:SS`.
pub fn send_time(time: &Option<String>) -> Check<Option<String>> {
    match time {
        None => Ok(None),
        Some(t) => utc_send_time(t)
            .map(Some)
            .map_or_else(|| fail("sendTime", EDGE_SEND_TIME), Ok),
    }
}

/// A report filter's time as unix-second digits.
pub fn filter_time(time: &Option<String>, field: &str) -> Check<Option<String>> {
    match time {
        None => Ok(None),
        Some(t) => unix_seconds_text(t)
            .map(Some)
            .map_or_else(|| fail(field, FILTER_TIME), Ok),
    }
}

/// ASCII digits (Persian and Arabic-Indic digits converted; spaces dropped) of a length in
/// `len`, or the error `text`.
fn digits_in(value: &str, field: &str, len: std::ops::RangeInclusive<usize>, text: Text) -> Check<String> {
    let digits = compact(value, false);
    if is_ascii_digits(&digits) && len.contains(&digits.len()) {
        Ok(digits)
    } else {
        fail(field, text)
    }
}

/// An id the service takes as a string of digits (outbox, inbox, phonebook, contact ids).
pub fn id(value: &str, field: &str) -> Check<String> {
    digits_in(value, field, 1..=20, DIGITS)
}

/// An id the wire types as an integer: digits without leading zeros, as a JSON integer.
pub fn int_id(value: &str, field: &str) -> Check<String> {
    let digits = id(value, field)?;
    let trimmed = digits.trim_start_matches('0');
    Ok(String::from(if trimmed.is_empty() { "0" } else { trimmed }))
}

/// The VOTP code: 1 to 14 digits, leading zeros kept.
pub fn votp_code(code: &str) -> Check<String> {
    digits_in(code, "code", 1..=14, VOTP_CODE)
}

/// A postal-code prefix: 2 to 5 digits, sent as a JSON integer.
pub fn postal_prefix(code: &str, field: &str) -> Check<String> {
    let digits = digits_in(code, field, 2..=5, POSTAL_PREFIX)?;
    int_id(&digits, field)
}

/// A number prefix of a country target: 2 to 6 digits, sent as a JSON integer.
pub fn number_prefix(pre: &str, field: &str) -> Check<String> {
    let digits = digits_in(pre, field, 2..=6, NUMBER_PREFIX)?;
    int_id(&digits, field)
}

/// A geolocation or bank-count prefix: digits, sent as a string.
pub fn prefix_text(pre: &str, field: &str) -> Check<String> {
    digits_in(pre, field, 1..=13, DIGITS)
}

/// A Solar Hijri birth year, 1300–1410.
pub fn birth_year(year: Option<u32>, field: &str) -> Check<Option<u32>> {
    match year {
        Some(y) if !(1300..=1410).contains(&y) => fail(field, BIRTH_YEAR),
        other => Ok(other),
    }
}

/// `page`, 1 or more.
pub fn page(page: Option<u32>) -> Check<Option<u32>> {
    match page {
        Some(0) => fail("page", PAGE),
        other => Ok(other),
    }
}

/// `limit`, 1–1000 (1–100 for patterns).
pub fn limit(limit: Option<u32>, patterns: bool) -> Check<Option<u32>> {
    let (max, text) = if patterns { (100, PATTERN_LIMIT) } else { (1000, LIMIT) };
    match limit {
        Some(n) if n == 0 || n > max => fail("limit", text),
        other => Ok(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sender_lines() {
        assert_eq!(sender("+983000505", "from").unwrap(), "+983000505");
        assert_eq!(sender(" ۳۰۰۰۵۰۵ ", "from").unwrap(), "+983000505");
        assert_eq!(sender("00983000505", "from").unwrap(), "+983000505");
        assert_eq!(sender("+98BANK", "from").unwrap(), "+98BANK");
        assert_eq!(sender("3000 505", "from").unwrap(), "+983000505");
        assert!(sender("", "from")
            .unwrap_err()
            .message
            .starts_with("from: must not be empty"));
        assert!(sender("+", "from").is_err());
        assert!(sender("+98-BANK", "from").is_err());
    }

    #[test]
    fn codes_ids_and_ranges() {
        assert_eq!(votp_code("00123").unwrap(), "00123");
        assert_eq!(votp_code("۰۱۲").unwrap(), "012");
        assert!(votp_code("123456789012345").is_err() && votp_code("12a").is_err() && votp_code("").is_err());
        assert_eq!(postal_prefix("0131", "p").unwrap(), "131");
        assert!(postal_prefix("1", "p").is_err() && postal_prefix("123456", "p").is_err());
        assert_eq!(number_prefix("938", "p").unwrap(), "938");
        assert_eq!(int_id("00042", "id").unwrap(), "42");
        assert!(id("12x", "id").unwrap_err().message.starts_with("id: "));
        assert!(birth_year(Some(1299), "ageFrom").is_err());
        assert_eq!(birth_year(Some(1410), "ageFrom").unwrap(), Some(1410));
        assert!(page(Some(0)).is_err() && limit(Some(0), false).is_err());
        assert!(limit(Some(101), true).is_err() && limit(Some(1000), false).is_ok());
        assert!(limit(Some(1001), false).is_err());
    }

    #[test]
    fn recipients_name_their_place() {
        let to = vec!["09121234567".to_string(), "0912".to_string()];
        assert!(recipients(&to, "to", true).unwrap_err().message.starts_with("to[1]: "));
        assert!(recipients(&[], "to", true).is_err());
        assert_eq!(recipients(&[], "otherRecipients", false).unwrap(), Vec::<String>::new());
        assert_eq!(
            send_time(&Some("2025-03-12T21:20:02+03:30".into())).unwrap().as_deref(),
            Some("2025-03-12 17:50:02")
        );
        assert!(send_time(&Some("2025-03-12 21:20:02".into()))
            .unwrap_err()
            .message
            .starts_with("sendTime: "));
    }
}
