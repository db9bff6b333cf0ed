//! Iranian mobile numbers: every common written form in, the `+98` form the service returns out.
//!
//! People paste numbers from contacts, spreadsheets and right-to-left chat apps, so the input
//! may carry Persian or Arabic-Indic digits, grouping characters, and invisible direction marks.
//! Those are dropped; anything else that is not a digit (a letter, a `+` in the middle) makes
//! the number invalid rather than being guessed at, because a wrong guess texts a stranger.

use super::error::CoreError;
use super::messages::{MOBILE_CHARACTER, MOBILE_EMPTY, NOT_MOBILE};

/// The field name used by [`normalize_mobile`], matching the argument of JS `normalizeMobile`.
const DEFAULT_FIELD: &str = "input";

/// Inputs up to this many chars are quoted back in the error message; longer ones are not, so a
/// message never carries a whole pasted paragraph.
const QUOTE_MAX_CHARS: usize = 24;

/// The ASCII digit for a Persian (U+06F0..U+06F9), Arabic-Indic (U+0660..U+0669) or ASCII digit.
pub fn digit_value(c: char) -> Option<char> {
    let base = match c {
        '0'..='9' => return Some(c),
        '\u{6f0}'..='\u{6f9}' => 0x6f0,
        '\u{660}'..='\u{669}' => 0x660,
        _ => return None,
    };
    char::from_digit(u32::from(c) - base, 10)
}

/// `s` with Persian and Arabic-Indic digits turned into ASCII digits; everything else unchanged.
/// The service only understands ASCII digits, and Persian keyboards type the others.
pub fn ascii_digits(s: &str) -> String {
    s.chars().map(|c| digit_value(c).unwrap_or(c)).collect()
}

/// Invisible formatting characters that copy-paste from right-to-left text leaves behind:
/// zero-width space/joiners and LRM/RLM (U+200B..U+200F), the bidi embeddings and overrides
/// (U+202A..U+202E), the bidi isolates (U+2066..U+2069) and the byte order mark (U+FEFF).
pub fn is_invisible_mark(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// Characters people use to group digits: any whitespace (including no-break spaces), dashes
/// (ASCII and the Unicode hyphens/dashes/minus a word processor substitutes), dots and parentheses.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '-' | '.' | '(' | ')' | '\u{2010}'..='\u{2015}' | '\u{2212}')
        || is_invisible_mark(c)
}

/// Normalizes a mobile number to `+989XXXXXXXXX`; errors name the field `input`.
///
/// Accepted: `09121234567`, `9121234567`, `989121234567`, `+989121234567`, `00989121234567`,
/// in ASCII, Persian or Arabic-Indic digits, with spaces, dashes, dots, parentheses and
/// invisible direction marks anywhere.
pub fn normalize_mobile(input: &str) -> Result<String, CoreError> {
    normalize_mobile_field(input, DEFAULT_FIELD)
}

/// [`normalize_mobile`] with errors naming `field` (e.g. `to[2]`), so a caller with a list of
/// recipients learns which one is wrong.
pub fn normalize_mobile_field(input: &str, field: &str) -> Result<String, CoreError> {
    normalize_mobile_checked(input, field, true)
}

/// [`normalize_mobile_field`], quoting a short bad input in the error only when `quote` is set
/// (callers clear it when the input may hold a secret).
pub fn normalize_mobile_checked(input: &str, field: &str, quote: bool) -> Result<String, CoreError> {
    let fail = |problem| invalid(input, field, problem, quote);
    let mut digits = String::with_capacity(14);
    let mut plus = false;
    for c in input.chars() {
        if let Some(d) = digit_value(c) {
            digits.push(d);
        } else if c == '+' && !plus && digits.is_empty() {
            plus = true;
        } else if !is_separator(c) {
            return Err(fail(Problem::Character));
        }
    }
    if digits.is_empty() {
        return Err(fail(Problem::Empty));
    }
    // The ten national digits, after the country prefix or trunk zero that this form carries.
    let national = if plus {
        digits.strip_prefix("98")
    } else {
        match digits.len() {
            14 => digits.strip_prefix("0098"),
            12 => digits.strip_prefix("98"),
            11 => digits.strip_prefix('0'),
            10 => Some(digits.as_str()),
            _ => None,
        }
    };
    match national {
        // Mobile numbers are the ones whose national number starts with 9; landlines start
        // with the area code (21 for Tehran...) and cannot receive an SMS.
        Some(n) if n.len() == 10 && n.starts_with('9') => {
            let mut out = String::with_capacity(13);
            out.push_str("+98");
            out.push_str(n);
            Ok(out)
        }
        _ => Err(fail(Problem::NotMobile)),
    }
}

enum Problem {
    Empty,
    Character,
    NotMobile,
}

fn invalid(input: &str, field: &str, problem: Problem, quote: bool) -> CoreError {
    let (en, fa) = match problem {
        Problem::Empty => return CoreError::input(field, MOBILE_EMPTY.0, MOBILE_EMPTY.1),
        Problem::Character => MOBILE_CHARACTER,
        Problem::NotMobile => NOT_MOBILE,
    };
    // Quote short inputs so the caller sees what was wrong; never quote text with control
    // characters or quotes in it, which would garble the message.
    // Chars counted as the bytes that start one (`chars().count()` links a larger routine).
    let quotable = quote
        && input.bytes().filter(|b| b & 0xC0 != 0x80).count() <= QUOTE_MAX_CHARS
        && !input
            .chars()
            .any(|c| c.is_control() || c == '"' || c == '«' || c == '»');
    if !quotable {
        return CoreError::input(field, en, fa);
    }
    let mut quoted_en = String::with_capacity(input.len() + en.len() + 3);
    quoted_en.push('"');
    quoted_en.push_str(input);
    quoted_en.push_str("\" ");
    quoted_en.push_str(en);
    let mut quoted_fa = String::with_capacity(input.len() + fa.len() + 6);
    quoted_fa.push('«');
    quoted_fa.push_str(input);
    quoted_fa.push_str("» ");
    quoted_fa.push_str(fa);
    CoreError::input(field, &quoted_en, &quoted_fa)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::error::ErrorKind;

    #[test]
    fn accepts_every_documented_form() {
        for input in [
            "09121234567",
            "9121234567",
            "989121234567",
            "+989121234567",
            "00989121234567",
            "۰۹۱۲۱۲۳۴۵۶۷",
            "٠٩١٢١٢٣٤٥٦٧",
            "+۹۸ ۹۱۲ ۱۲۳ ۴۵۶۷",
            "0912-123-4567",
            "(0912) 123.45.67",
            "\u{200e}+98 912 123 4567\u{200f}",
            "\u{feff}0912\u{200c}1234567",
            " 0912 123 4567\t",
            "+98\u{a0}912\u{2013}123\u{2013}4567",
        ] {
            assert_eq!(normalize_mobile(input).as_deref(), Ok("+989121234567"), "{input:?}");
        }
    }

    #[test]
    fn rejects_everything_else() {
        for input in [
            "",
            "   ",
            "-",
            "abc",
            "0912123456a",
            "091212345678",
            "0912123456",
            "02112345678",
            "+982112345678",
            "+0989121234567",
            "+9121234567",
            "0912+1234567",
            "++989121234567",
            "9891212345678",
            "8121234567",
            "0098021234567",
            "00989121234567 1",
            "+1 202 555 0100",
            "0912/123/4567",
        ] {
            let err = normalize_mobile(input).expect_err(input);
            assert_eq!(err.kind, ErrorKind::Input, "{input:?}");
            assert!(err.message.starts_with("input: "), "{}", err.message);
            assert!(err.message_fa.starts_with("input: "), "{}", err.message_fa);
        }
    }

    #[test]
    fn errors_name_the_field_and_quote_short_inputs() {
        let e = normalize_mobile_field("0912", "to[2]").unwrap_err();
        assert_eq!(
            e.message,
            "to[2]: \"0912\" is not a valid Iranian mobile number (e.g. 09121234567)"
        );
        assert!(e.message_fa.starts_with("to[2]: «0912» "));
        let long = "1".repeat(40);
        let e = normalize_mobile_field(&long, "mobile").unwrap_err();
        assert!(!e.message.contains(&long));
        assert!(e.message.starts_with("mobile: is not"));
        assert_eq!(normalize_mobile_field("", "to").unwrap_err().message, "to: is empty");
        let e = normalize_mobile_field("x\"y", "to").unwrap_err();
        assert_eq!(e.message, "to: contains a character that is not a digit");
    }

    #[test]
    fn ascii_digit_conversion() {
        assert_eq!(
            ascii_digits("۰۱۲۳۴۵۶۷۸۹-٠١٢٣٤٥٦٧٨٩-0123456789"),
            "0123456789-0123456789-0123456789"
        );
        assert_eq!(ascii_digits("کد ۱۲ abc"), "کد 12 abc");
        assert_eq!(digit_value('x'), None);
        assert_eq!(digit_value('۷'), Some('7'));
    }
}
