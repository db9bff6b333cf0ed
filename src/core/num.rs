//! Small number and text writers the encoder and the error texts share.
//!
//! Hand-rolled instead of `format!`, which would pull the formatting machinery into paths that
//! need none of it.

/// Appends `s` as a JSON string literal, quotes included.
///
/// Escapes exactly what `JSON.stringify` escapes (`"`, `\`, and control characters, the common
/// ones as `\n`-style short forms, the rest as `\u00xx`), so the service sees the same bytes a
/// JavaScript client would have sent. Everything else, Persian included, goes out as UTF-8.
pub fn write_json_string(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => {
                // Lower-case hex, as `JSON.stringify` writes it.
                out.push_str("\\u00");
                out.push(hex_digit(u32::from(c) >> 4).to_ascii_lowercase());
                out.push(hex_digit(u32::from(c)).to_ascii_lowercase());
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The uppercase hex digit for the low four bits of `n`.
pub(crate) fn hex_digit(n: u32) -> char {
    // `from_digit` only fails for values ≥ 16, which the mask rules out.
    char::from_digit(n & 0xf, 16).map_or('0', |c| c.to_ascii_uppercase())
}

/// Appends `n` in decimal.
///
/// A hand-rolled loop instead of `to_string`/`format!`, which would pull the formatting
/// machinery into the wasm for a job this small.
pub fn write_u64(out: &mut String, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut start = buf.len();
    loop {
        start -= 1;
        if let Some(slot) = buf.get_mut(start) {
            // `n % 10` is below 10, so the cast cannot truncate.
            *slot = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || start == 0 {
            break;
        }
    }
    for &b in buf.get(start..).unwrap_or_default() {
        out.push(char::from(b));
    }
}

/// Appends `n` in decimal, with a leading `-` when negative.
pub fn write_i64(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    write_u64(out, n.unsigned_abs());
}

/// `n` in decimal, as a new string.
pub fn u64_text(n: u64) -> String {
    let mut out = String::new();
    write_u64(&mut out, n);
    out
}

/// `n` in decimal, as a new string.
pub fn i64_text(n: i64) -> String {
    let mut out = String::new();
    write_i64(&mut out, n);
    out
}

/// Whether `s` is one or more ASCII digits and nothing else.
pub fn is_ascii_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// The largest integer an `f64` (a JS number) holds exactly: 2^53 − 1.
pub const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// `n` as a `u64` when it is a whole number in `0..=2^53−1`; `None` for NaN, infinities,
/// fractions, negatives and numbers too large to be exact.
pub fn f64_to_u64(n: f64) -> Option<u64> {
    if (0.0..=MAX_SAFE_INTEGER).contains(&n) && n.fract() == 0.0 {
        // In range and integral, so the cast is exact.
        Some(n as u64)
    } else {
        None
    }
}

/// `n` as an `i64` when it is a whole number within ±(2^53−1).
pub fn f64_to_i64(n: f64) -> Option<i64> {
    if n.is_finite() && n.abs() <= MAX_SAFE_INTEGER && n.fract() == 0.0 {
        Some(n as i64)
    } else {
        None
    }
}

/// Whether `s` is a plain decimal number `-?digits(.digits)?` (ASCII digits), the only numeric
/// text the decoder reads as a number.
pub fn is_decimal_text(s: &str) -> bool {
    let unsigned = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = match super::text::split_once_byte(unsigned, b'.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (unsigned, None),
    };
    is_ascii_digits(int) && frac.map_or(true, is_ascii_digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json_string(s: &str) -> String {
        let mut out = String::new();
        write_json_string(&mut out, s);
        out
    }

    #[test]
    fn json_strings_match_json_stringify() {
        assert_eq!(json_string("abc"), r#""abc""#);
        assert_eq!(json_string("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(json_string("\n\r\t\u{8}\u{c}"), r#""\n\r\t\b\f""#);
        assert_eq!(json_string("\u{0}\u{1f}\u{7f}"), "\"\\u0000\\u001f\u{7f}\"");
        assert_eq!(json_string("سلام"), "\"سلام\"");
        // Every escape parses back to the original text.
        let tricky = "\u{0}\u{1}x\"\\\u{1b}\u{2028}😀";
        let back: String = serde_json::from_str(&json_string(tricky)).unwrap();
        assert_eq!(back, tricky);
    }

    #[test]
    fn integers_format_like_to_string() {
        for n in [0u64, 1, 9, 10, 99, 100, 12345, u64::MAX, 9_007_199_254_740_991] {
            let mut out = String::new();
            write_u64(&mut out, n);
            assert_eq!(out, n.to_string());
        }
        for n in [0i64, -1, -10, 42, i64::MIN, i64::MAX] {
            let mut out = String::new();
            write_i64(&mut out, n);
            assert_eq!(out, n.to_string());
        }
    }

    #[test]
    fn float_to_integer_conversions_are_exact_or_refused() {
        assert_eq!(f64_to_u64(0.0), Some(0));
        assert_eq!(f64_to_u64(7.0), Some(7));
        assert_eq!(f64_to_u64(MAX_SAFE_INTEGER), Some(9_007_199_254_740_991));
        assert_eq!(f64_to_u64(MAX_SAFE_INTEGER + 1.0), None);
        for bad in [-1.0, 1.5, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(f64_to_u64(bad), None, "{bad}");
        }
        assert_eq!(f64_to_u64(-0.0), Some(0));
        assert_eq!(f64_to_i64(-42.0), Some(-42));
        assert_eq!(f64_to_i64(0.5), None);
    }

    #[test]
    fn decimal_text() {
        for good in ["0", "12", "-3", "933222.33", "-0.5"] {
            assert!(is_decimal_text(good), "{good}");
        }
        for bad in ["", "-", ".5", "5.", "1e5", "+1", " 1", "1,000", "۱۲", "NaN", "1.2.3"] {
            assert!(!is_decimal_text(bad), "{bad}");
        }
    }
}
