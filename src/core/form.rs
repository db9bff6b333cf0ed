//! `application/x-www-form-urlencoded` bodies and query strings, and the JSON-in-a-field values
//! the service expects for its list fields.
//!
//! The output is byte-identical to WHATWG `URLSearchParams.prototype.toString()` (what every
//! JavaScript client of the service sends): space becomes `+`, `A-Z a-z 0-9 * - . _` stay, and
//! every other byte of the UTF-8 text is `%XX` with uppercase hex.

use super::num::{hex_digit, write_json_string, write_u64};

/// A urlencoded form under construction, fields in the order pushed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Form {
    out: String,
}

impl Form {
    /// An empty form.
    pub fn new() -> Form {
        Form {
            out: String::with_capacity(128),
        }
    }

    /// Appends `key=value`, both percent-encoded.
    pub fn push(&mut self, key: &str, value: &str) {
        if !self.out.is_empty() {
            self.out.push('&');
        }
        encode_into(&mut self.out, key);
        self.out.push('=');
        encode_into(&mut self.out, value);
    }

    /// The encoded form, e.g. `uname=me&pass=p%40ss&op=credit`.
    pub fn finish(self) -> String {
        self.out
    }
}

/// Appends `s` percent-encoded by the urlencoded serializer's rules.
fn encode_into(out: &mut String, s: &str) {
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => out.push(char::from(b)),
            b' ' => out.push('+'),
            _ => {
                out.push('%');
                out.push(hex_digit(u32::from(b >> 4)));
                out.push(hex_digit(u32::from(b)));
            }
        }
    }
}

/// A JSON array of strings with no spaces, e.g. `["+989121234567","+989351234567"]` (`to`).
pub fn json_string_list(items: &[String]) -> String {
    let mut out = String::with_capacity(items.len() * 16 + 2);
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_json_string(&mut out, item);
    }
    out.push(']');
    out
}

/// A JSON array of integers with no spaces, e.g. `[1,2]` (`bookid`, `trendid`).
pub fn json_int_list(items: &[u64]) -> String {
    let mut out = String::with_capacity(items.len() * 4 + 2);
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_u64(&mut out, *item);
    }
    out.push(']');
    out
}

/// A JSON object of string values, keys in the given order, e.g. `{"code":"1234"}`
/// (`input_data`).
pub fn json_string_object(pairs: &[(String, String)]) -> String {
    let mut out = String::with_capacity(pairs.len() * 16 + 2);
    out.push('{');
    for (i, (key, value)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_json_string(&mut out, key);
        out.push(':');
        write_json_string(&mut out, value);
    }
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(value: &str) -> String {
        let mut f = Form::new();
        f.push("k", value);
        f.finish()
    }

    #[test]
    fn matches_url_search_params() {
        // Expected strings taken from `new URLSearchParams({k: value}).toString()` in Node.
        assert_eq!(one("a b"), "k=a+b");
        assert_eq!(one("AZaz09*-._"), "k=AZaz09*-._");
        assert_eq!(one("~!'()"), "k=%7E%21%27%28%29");
        assert_eq!(one("+&=%/?#"), "k=%2B%26%3D%25%2F%3F%23");
        assert_eq!(one("سلام"), "k=%D8%B3%D9%84%D8%A7%D9%85");
        assert_eq!(one("😀\n"), "k=%F0%9F%98%80%0A");
        assert_eq!(one(r#"["+98912"]"#), "k=%5B%22%2B98912%22%5D");
        assert_eq!(one(""), "k=");
    }

    #[test]
    fn fields_in_order() {
        let mut f = Form::new();
        f.push("uname", "me");
        f.push("pass", "p@ss word");
        f.push("op", "credit");
        assert_eq!(f.finish(), "uname=me&pass=p%40ss+word&op=credit");
        assert_eq!(Form::new().finish(), "");
    }

    #[test]
    fn json_lists() {
        assert_eq!(
            json_string_list(&["+989121234567".into(), "+989351234567".into()]),
            r#"["+989121234567","+989351234567"]"#
        );
        assert_eq!(json_string_list(&[]), "[]");
        assert_eq!(json_int_list(&[12]), "[12]");
        assert_eq!(json_int_list(&[1, 2, 30]), "[1,2,30]");
        assert_eq!(
            json_string_object(&[("code".into(), "1234".into()), ("na\"me".into(), "علی".into())]),
            r#"{"code":"1234","na\"me":"علی"}"#
        );
        assert_eq!(json_string_object(&[]), "{}");
    }
}
