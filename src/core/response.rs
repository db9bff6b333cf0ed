//! Turns the service's answer into the op's result type, or into the right error.
//!
//! The service is loose (docs/protocol.md, "Answers"): numbers come as numbers or strings, lists come
//! as JSON text inside JSON or directly, item keys vary. The decoder accepts every variant the
//! protocol lists; anything else that is well-formed becomes a `protocol` error rather than a
//! guess.
//!
//! JSON is parsed by a [`JsonFormat`] into the core's [`Value`]: the engine's `JSON.parse`
//! read through serde-wasm-bindgen in wasm, `serde_json` in native tests. From there the same
//! serde visitors ([`super::envelope`], [`super::fields`]) decode both through the core's one
//! [`Value`] deserializer, so no JSON parser is compiled into the wasm and each result type's
//! serde code exists once.

use serde::de::DeserializeOwned;

use super::codes::AUTH_CODE;
use super::envelope::{Body, Data};
use super::error::{CoreError, ErrorCode};
use super::fields::{as_text, bulk_id, decimal};
use super::model::{
    AccessPackage, CreatedUser, DeliveryEntry, InboxMessage, Job, MessageCheck, Phonebook, PostalArea, Sent,
};
use super::num::{f64_to_i64, i64_text, is_ascii_digits};
use super::ops::Op;
use super::text::trim_body;
use super::value::{from_value, Value};

/// Why text could not be read as a `T`.
#[derive(Debug, Clone, PartialEq)]
pub enum Malformed {
    /// It is not JSON at all.
    NotJson,
    /// It is JSON of another shape; the text says what did not fit.
    Shape(String),
}

/// Parses JSON text.
pub trait JsonFormat {
    /// `text` as a [`Value`]: [`Malformed::NotJson`] when it is not JSON, [`Malformed::Shape`]
    /// when it nests too deeply to keep.
    fn parse(&self, text: &str) -> Result<Value, Malformed>;
}

/// `value` as a `T`, or a `Shape` error saying what did not fit.
fn typed<T: DeserializeOwned>(value: Value) -> Result<T, Malformed> {
    from_value(value).map_err(|e| Malformed::Shape(e.to_string()))
}

/// The bare text a wrong login may answer instead of `[962, ...]`.
const AUTH_TEXT: &str = "the username or password is incorrect";

/// The code the protocol gives an unknown bulk id; `delivery` answers a bare `null` for it.
const UNKNOWN_BULK_ID: i64 = 456;

/// The response being decoded, for the errors.
pub struct Cx<'a, F: JsonFormat> {
    status: u16,
    body: &'a str,
    format: &'a F,
}

impl<F: JsonFormat> Cx<'_, F> {
    fn protocol(&self, detail: &str) -> CoreError {
        CoreError::protocol(detail, self.status, self.body)
    }

    /// `text`, itself JSON, as a `T` (the service's double-encoded lists and objects).
    fn inner<T: DeserializeOwned>(&self, text: &str, what: &str) -> Result<T, CoreError> {
        self.format
            .parse(trim_body(text))
            .and_then(typed)
            .map_err(|m| self.malformed(m, what))
    }

    /// `value` as a `T` (an item of a list, an object).
    fn item<T: DeserializeOwned>(&self, value: Value) -> Result<T, CoreError> {
        typed(value).map_err(|m| self.malformed(m, "unexpected item"))
    }

    fn malformed(&self, m: Malformed, what: &str) -> CoreError {
        match m {
            Malformed::NotJson => self.protocol(what),
            Malformed::Shape(detail) => self.protocol(&detail),
        }
    }
}

/// A result type: how the data of `[0, data]` (and any bare answer its ops give) becomes it.
pub trait Reply: Sized {
    /// The result from `[0, data]`.
    fn from_data<F: JsonFormat>(op: Op, data: Data, cx: &Cx<F>) -> Result<Self, CoreError>;

    /// The result from a body that is not JSON at all; only a pattern send has one.
    fn from_plain_text(op: Op, text: &str) -> Option<Self> {
        let _ = (op, text);
        None
    }

    /// The result from an answer without the envelope; by default there is none.
    fn from_bare<F: JsonFormat>(op: Op, body: Body, cx: &Cx<F>) -> Result<Self, CoreError> {
        let _ = (op, body);
        Err(cx.protocol("expected a [code, data] array"))
    }
}

/// The error for an answer whose body is not UTF-8 (`excerpt`: its beginning, decoded lossily).
/// The service always answers UTF-8, so like any body not in its format this is `http`, with
/// the status's own error when the status is not 2xx.
pub fn undecodable(status: u16, excerpt: &str) -> CoreError {
    if (200..=299).contains(&status) {
        CoreError::not_service_format(status, excerpt)
    } else {
        CoreError::http(status, excerpt)
    }
}

/// Decodes the answer to `op` (HTTP `status`, body text `body`) into its result.
///
/// Errors: non-2xx → `http`; the bare wrong-login text or code 962 → `auth`; a non-zero code →
/// `api`; a body that is not JSON → `http` (not the service's format); well-formed JSON of the
/// wrong shape → `protocol`. Every error carries the status and a body excerpt.
pub fn decode<R: Reply, F: JsonFormat>(op: Op, status: u16, body: &str, format: &F) -> Result<R, CoreError> {
    let cx = Cx { status, body, format };
    if (200..=299).contains(&status) {
        if let Some(result) = R::from_plain_text(op, trim_body(body)) {
            return Ok(result);
        }
    }
    match parse_body(&cx)? {
        Body::Reply(data) => R::from_data(op, data, &cx),
        other => R::from_bare(op, other, &cx),
    }
}

/// Everything about an answer that does not depend on the op's result: the status, the bare
/// wrong-login text, JSON at all, an error code. Not generic over the result type, so it exists
/// once in the wasm.
fn parse_body<F: JsonFormat>(cx: &Cx<F>) -> Result<Body, CoreError> {
    let (status, body) = (cx.status, cx.body);
    if !(200..=299).contains(&status) {
        return Err(CoreError::http(status, body));
    }
    let text = trim_body(body);
    if is_auth_text(text) {
        return Err(CoreError::api(ErrorCode::Num(AUTH_CODE), AUTH_TEXT, status, body));
    }
    match cx.format.parse(text).and_then(typed::<Body>) {
        Ok(Body::Refused(code, text)) => Err(CoreError::api(code, &scalar_text(&text), status, body)),
        Ok(Body::Malformed(detail)) => Err(cx.protocol(detail)),
        Ok(parsed) => Ok(parsed),
        Err(Malformed::NotJson) => Err(CoreError::not_service_format(status, body)),
        Err(Malformed::Shape(detail)) => Err(cx.protocol(&detail)),
    }
}

fn is_auth_text(text: &str) -> bool {
    let unquoted = text
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .map_or(text, str::trim);
    unquoted.eq_ignore_ascii_case(AUTH_TEXT)
}

/// The text of an error's `data`, for the message of an unknown code.
fn scalar_text(data: &Value) -> String {
    match data {
        Value::String(s) => s.clone(),
        Value::Number(n) => f64_to_i64(*n).map(i64_text).unwrap_or_default(),
        _ => String::new(),
    }
}

/// An envelope whose first item is text: a text code (`["ERR_X", "broken"]`), unless the op
/// accepts a bare list (`delivery`).
fn text_code<R>(first: &str, rest: &[Value], status: u16, body: &str) -> Result<R, CoreError> {
    let code = ErrorCode::Text(String::from(first.trim()));
    let text = rest.first().map(scalar_text).unwrap_or_default();
    Err(CoreError::api(code, &text, status, body))
}

impl Reply for Sent {
    /// A pattern send's bare bulk id, read from the text rather than through a JSON number, so
    /// an id longer than an f64 holds exactly keeps every digit.
    fn from_plain_text(op: Op, text: &str) -> Option<Sent> {
        (op == Op::SendPattern && is_ascii_digits(text)).then(|| Sent {
            bulk_id: String::from(text),
        })
    }

    fn from_data<F: JsonFormat>(_: Op, data: Data, cx: &Cx<F>) -> Result<Sent, CoreError> {
        let id = match data {
            Data::Text(s) => bulk_id(&Value::String(s)),
            Data::Number(n) => bulk_id(&Value::Number(n)),
            _ => None,
        };
        id.map(|bulk_id| Sent { bulk_id })
            .ok_or_else(|| cx.protocol("expected a bulk id"))
    }

    /// A pattern send answers the bare bulk id (other sends do not).
    fn from_bare<F: JsonFormat>(op: Op, body: Body, cx: &Cx<F>) -> Result<Sent, CoreError> {
        match body {
            Body::Scalar(value) if op == Op::SendPattern => bulk_id(&value)
                .map(|bulk_id| Sent { bulk_id })
                .ok_or_else(|| cx.protocol("expected a bulk id")),
            Body::Headless(first, rest) => text_code(&first, &rest, cx.status, cx.body),
            _ => Err(cx.protocol("expected a [code, data] array")),
        }
    }
}

/// `credit` (rials, possibly fractional) and the counts, as numbers or as text. Counts stay
/// numbers rather than integers: the service writes them as it likes, and nothing is gained by
/// refusing an answer a caller can still use.
impl Reply for f64 {
    fn from_data<F: JsonFormat>(_: Op, data: Data, cx: &Cx<F>) -> Result<f64, CoreError> {
        match data {
            Data::Number(n) if n.is_finite() => Some(n),
            Data::Text(s) => decimal(&s),
            _ => None,
        }
        .ok_or_else(|| cx.protocol("expected a number"))
    }

    fn from_bare<F: JsonFormat>(_: Op, body: Body, cx: &Cx<F>) -> Result<f64, CoreError> {
        bare_default(body, cx)
    }
}

impl Reply for CreatedUser {
    fn from_data<F: JsonFormat>(_: Op, data: Data, cx: &Cx<F>) -> Result<CreatedUser, CoreError> {
        let id = match data {
            Data::Text(s) => Some(s),
            Data::Number(n) => as_text(Value::Number(n)),
            _ => None,
        };
        id.map(|user_id| CreatedUser { user_id })
            .ok_or_else(|| cx.protocol("expected the new user's id"))
    }

    fn from_bare<F: JsonFormat>(_: Op, body: Body, cx: &Cx<F>) -> Result<CreatedUser, CoreError> {
        bare_default(body, cx)
    }
}

/// No bare answer, but a text code is still the service's error.
fn bare_default<R, F: JsonFormat>(body: Body, cx: &Cx<F>) -> Result<R, CoreError> {
    match body {
        Body::Headless(first, rest) => text_code(&first, &rest, cx.status, cx.body),
        _ => Err(cx.protocol("expected a [code, data] array")),
    }
}

/// `checkmessage`: an object, bare or in the envelope, directly or as JSON text.
impl Reply for MessageCheck {
    fn from_data<F: JsonFormat>(_: Op, data: Data, cx: &Cx<F>) -> Result<MessageCheck, CoreError> {
        match data {
            Data::Object(check) => cx.item(Value::Object(check)),
            Data::Text(s) => cx.inner(&s, "expected a message status object"),
            _ => Err(cx.protocol("expected a message status object")),
        }
    }

    fn from_bare<F: JsonFormat>(_: Op, body: Body, cx: &Cx<F>) -> Result<MessageCheck, CoreError> {
        match body {
            Body::Object(check) => cx.item(Value::Object(check)),
            other => bare_default(other, cx),
        }
    }
}

/// An item of a list result.
pub trait Item: DeserializeOwned {
    /// The item from a bare list's text entry; only `delivery` has them.
    fn from_text(text: &str) -> Option<Self> {
        let _ = text;
        None
    }
}

impl Item for PostalArea {}
impl Item for Phonebook {}
impl Item for Job {}
impl Item for InboxMessage {}
impl Item for AccessPackage {}
impl Item for DeliveryEntry {
    fn from_text(text: &str) -> Option<Self> {
        DeliveryEntry::from_text(text)
    }
}

/// A list: JSON text holding a list (parsed a second time), or a list given directly; an empty
/// string or `null` is the empty list. Only the last step, each entry into `T`, is generic, so
/// the list handling exists once in the wasm, not once per item type.
impl<T: Item> Reply for Vec<T> {
    fn from_data<F: JsonFormat>(_: Op, data: Data, cx: &Cx<F>) -> Result<Vec<T>, CoreError> {
        items(list_entries(data, cx)?, cx)
    }

    fn from_bare<F: JsonFormat>(op: Op, body: Body, cx: &Cx<F>) -> Result<Vec<T>, CoreError> {
        items(bare_entries(op, body, cx)?, cx)
    }
}

fn items<T: Item, F: JsonFormat>(entries: Vec<Value>, cx: &Cx<F>) -> Result<Vec<T>, CoreError> {
    let mut out = Vec::with_capacity(entries.len());
    for entry in entries {
        out.push(item(entry, cx)?);
    }
    Ok(out)
}

fn list_entries<F: JsonFormat>(data: Data, cx: &Cx<F>) -> Result<Vec<Value>, CoreError> {
    match data {
        Data::Items(items) => Ok(items),
        Data::Null => Ok(Vec::new()),
        Data::Text(s) if trim_body(&s).is_empty() => Ok(Vec::new()),
        Data::Text(s) => Ok(cx
            .inner::<Option<Vec<Value>>>(&s, "the list is not valid JSON")?
            .unwrap_or_default()),
        _ => Err(cx.protocol("expected a list")),
    }
}

/// The reference shows `delivery` answering its list bare, without the envelope: a list of
/// `"number:status"` strings cannot be mistaken for `[code, data]`. A bare `null` is its
/// answer for an unknown bulk id.
fn bare_entries<F: JsonFormat>(op: Op, body: Body, cx: &Cx<F>) -> Result<Vec<Value>, CoreError> {
    match body {
        Body::Null if op == Op::Delivery => Err(CoreError::api(
            ErrorCode::Num(UNKNOWN_BULK_ID),
            "null",
            cx.status,
            cx.body,
        )),
        Body::Headless(first, rest) if op == Op::Delivery && is_entry_text(&first) => {
            let mut out = Vec::with_capacity(rest.len() + 1);
            for value in &rest {
                match value {
                    Value::String(s) if is_entry_text(s) => out.push(Value::String(s.clone())),
                    _ => return text_code(&first, &rest, cx.status, cx.body),
                }
            }
            out.insert(0, Value::String(first));
            Ok(out)
        }
        other => bare_default(other, cx),
    }
}

fn is_entry_text(s: &str) -> bool {
    // A colon never appears in a numeric code.
    s.bytes().any(|b| b == b':')
}

/// An entry of a list: an object read as `T`, or text (`delivery`'s `"+989121234567:delivered"`).
fn item<T: Item, F: JsonFormat>(entry: Value, cx: &Cx<F>) -> Result<T, CoreError> {
    match entry {
        Value::String(text) => T::from_text(&text)
            .ok_or_else(|| cx.protocol("expected list items to be objects or \"number:status\" text")),
        Value::Object(_) => cx.item(entry),
        _ => Err(cx.protocol("expected list items to be objects")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::envelope::code_from_text;
    use crate::core::error::ErrorKind;

    #[test]
    fn an_undecodable_body_is_an_http_error_with_its_status() {
        let ok = undecodable(200, "[0,\"\u{fffd}\"]");
        assert_eq!((ok.kind, ok.status), (ErrorKind::Http, Some(200)));
        assert!(ok.message.contains("not in the service's format"), "{}", ok.message);
        let bad = undecodable(502, "\u{fffd}");
        assert_eq!((bad.kind, bad.status), (ErrorKind::Http, Some(502)));
        assert!(bad.message.contains("HTTP 502 from the service"), "{}", bad.message);
    }

    #[test]
    fn numeric_code_text() {
        assert_eq!(code_from_text("0"), Some(0));
        assert_eq!(code_from_text(" 962 "), Some(962));
        assert_eq!(code_from_text("-5"), Some(-5));
        assert_eq!(code_from_text("99999999999999999999"), None);
        assert_eq!(code_from_text("1.5"), None);
        assert_eq!(code_from_text("+1"), None);
        assert_eq!(code_from_text(""), None);
    }

    #[test]
    fn auth_text_forms() {
        assert!(is_auth_text("the username or password is incorrect"));
        assert!(is_auth_text("\"The Username or Password is incorrect\""));
        assert!(is_auth_text("\" the username or password is incorrect \""));
        assert!(!is_auth_text("the username or password is incorrect!"));
        assert!(!is_auth_text("\""));
    }
}
