//! Substring search, replacement and splitting without `core::str::pattern`.
//!
//! The standard `str::contains(&str)` / `str::replace` go through the Two-Way searcher, whose
//! panicking slice paths pull `core::fmt`'s `Debug` for chars and ranges into the wasm (about
//! 6 KB). The needles here are short (a password), so a plain byte scan is as fast. A match of
//! valid UTF-8 inside valid UTF-8 always starts and ends on char boundaries, so the `get`s
//! below never return `None` for a found match.

/// The byte offset of the first occurrence of `needle` in `haystack` (`None` for an empty needle).
pub fn find(haystack: &str, needle: &str) -> Option<usize> {
    let (hay, pin) = (haystack.as_bytes(), needle.as_bytes());
    let first = *pin.first()?;
    let last_start = hay.len().checked_sub(pin.len())?;
    (0..=last_start).find(|&i| hay.get(i) == Some(&first) && hay.get(i..i + pin.len()) == Some(pin))
}

/// Whether `needle` occurs in `haystack` (never for an empty needle).
pub fn contains(haystack: &str, needle: &str) -> bool {
    find(haystack, needle).is_some()
}

/// `haystack` with every occurrence of `needle` replaced by `with`, or `None` when there is none.
pub fn replace_all(haystack: &str, needle: &str, with: &str) -> Option<String> {
    let mut at = find(haystack, needle)?;
    let mut out = String::with_capacity(haystack.len());
    let mut rest = haystack;
    loop {
        out.push_str(rest.get(..at).unwrap_or_default());
        out.push_str(with);
        rest = rest.get(at + needle.len()..).unwrap_or_default();
        match find(rest, needle) {
            Some(next) => at = next,
            None => break,
        }
    }
    out.push_str(rest);
    Some(out)
}

/// `s` split around the first `byte` (an ASCII character), without it.
pub fn split_once_byte(s: &str, byte: u8) -> Option<(&str, &str)> {
    let at = s.bytes().position(|b| b == byte)?;
    Some((s.get(..at)?, s.get(at + 1..)?))
}

/// `s` split around the last `byte` (an ASCII character), without it.
pub fn rsplit_once_byte(s: &str, byte: u8) -> Option<(&str, &str)> {
    let at = s.bytes().rposition(|b| b == byte)?;
    Some((s.get(..at)?, s.get(at + 1..)?))
}

/// `body` without surrounding whitespace or byte order mark, as the service's answers are read.
pub fn trim_body(body: &str) -> &str {
    body.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_std_on_ascii_and_persian() {
        let cases = [
            ("", ""),
            ("", "a"),
            ("a", ""),
            ("abc", "abc"),
            ("xabcx", "abc"),
            ("ababab", "ab"),
            ("aaa", "aa"),
            ("رمز: پسورد۱۲۳ و پسورد۱۲۳", "پسورد۱۲۳"),
            ("no match", "zz"),
            ("ab", "abc"),
        ];
        for (hay, pin) in cases {
            let expected = if pin.is_empty() { None } else { hay.find(pin) };
            assert_eq!(find(hay, pin), expected, "{hay:?} / {pin:?}");
            assert_eq!(contains(hay, pin), expected.is_some());
            let replaced = (!pin.is_empty() && hay.contains(pin)).then(|| hay.replace(pin, "***"));
            assert_eq!(replace_all(hay, pin, "***"), replaced, "{hay:?} / {pin:?}");
        }
    }

    #[test]
    fn splits_like_std() {
        for s in ["", ":", "a:b", "a:b:c", "۰۹۱۲:delivered", "no colon", "::"] {
            assert_eq!(split_once_byte(s, b':'), s.split_once(':'), "{s:?}");
            assert_eq!(rsplit_once_byte(s, b':'), s.rsplit_once(':'), "{s:?}");
        }
    }
}
