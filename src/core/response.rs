//! Turns the service's answer into the JS-shaped result of API.md, or into the right error.
//!
//! The service is loose (PROTOCOL.md section 2): numbers come as numbers or strings, lists come
//! as JSON text inside JSON or directly, item keys vary. The decoder accepts every variant the
//! protocol lists, and anything else that is well-formed becomes a `protocol` error rather than
//! a guess. Keys of list items the decoder does not map are kept, camelCased, so no data the
//! service sent is dropped.

use super::error::{CoreError, ErrorCode, AUTH_CODE};
use super::json::{
    f64_to_i64, f64_to_u64, i64_text, is_ascii_digits, is_decimal_text, u64_text, Json, ParseJson,
};
use super::request::Op;

/// The bare text a wrong login may answer instead of `[962, ...]`.
const AUTH_TEXT: &str = "the username or password is incorrect";

/// The code the protocol gives an unknown bulk id; `delivery` answers a bare `null` for it.
const UNKNOWN_BULK_ID: i64 = 456;

/// The HTTP status and raw body of the response being decoded, for the errors.
#[derive(Clone, Copy)]
struct Ctx<'a> {
    status: u16,
    body: &'a str,
    parser: &'a dyn ParseJson,
}

impl Ctx<'_> {
    fn protocol(&self, detail: &str) -> CoreError {
        CoreError::protocol(detail, self.status, self.body)
    }
}

type Decoded = Result<Json, CoreError>;

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

/// Decodes the answer to `op` (HTTP `status`, body text `body`) into the result tree JS gets.
///
/// Results, per API.md: `{bulkId}` for sends, a number for `credit` and the counts, a list of
/// objects for list ops, `{status, approval}` for `checkMessage`, `{userId}` for `newUser`.
/// Errors: non-2xx → `http`; the bare wrong-login text or code 962 → `auth`; a non-zero code →
/// `api`; a body that is not JSON → `http` (not the service's format); well-formed JSON of the
/// wrong shape → `protocol`. Every error carries the status and a body excerpt.
pub fn decode(op: Op, status: u16, body: &str, parser: &dyn ParseJson) -> Result<Json, CoreError> {
    if !(200..=299).contains(&status) {
        return Err(CoreError::http(status, body));
    }
    let ctx = Ctx {
        status,
        body,
        parser,
    };
    let text = trim(body);
    if is_auth_text(text) {
        return Err(CoreError::api(
            ErrorCode::Num(AUTH_CODE),
            AUTH_TEXT,
            status,
            body,
        ));
    }
    // A pattern send answers the bare bulk id. Read it from the text, not through the JSON
    // parser, so an id longer than an f64 holds exactly keeps every digit.
    if op == Op::SendPattern && is_ascii_digits(text) {
        return Ok(bulk_result(String::from(text)));
    }
    let Some(value) = parser.parse_json(text) else {
        return Err(CoreError::not_service_format(status, body));
    };
    match value {
        Json::Arr(items) => envelope(op, items, ctx),
        Json::Null if op == Op::Delivery => Err(CoreError::api(
            ErrorCode::Num(UNKNOWN_BULK_ID),
            "null",
            status,
            body,
        )),
        Json::Obj(fields) if op == Op::CheckMessage => check_message(fields, ctx),
        scalar @ (Json::Num(_) | Json::Str(_)) if op == Op::SendPattern => bulk_id(scalar, ctx),
        _ => Err(ctx.protocol("expected a [code, data] array")),
    }
}

/// `body` without surrounding whitespace or byte order mark.
fn trim(body: &str) -> &str {
    body.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
}

fn is_auth_text(text: &str) -> bool {
    let unquoted = text
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .map_or(text, str::trim);
    unquoted.eq_ignore_ascii_case(AUTH_TEXT)
}

/// `[code, data]`: code 0 → the op's data; anything else → the service's error.
fn envelope(op: Op, items: Vec<Json>, ctx: Ctx) -> Decoded {
    // The reference shows `delivery` answering its list bare, without the envelope; a list of
    // `"number:status"` strings cannot be mistaken for `[code, data]`.
    if op == Op::Delivery && !items.is_empty() && items.iter().all(is_delivery_text) {
        return list(Json::Arr(items), ctx, delivery_item);
    }
    let mut items = items.into_iter();
    let (code, data, extra) = (items.next(), items.next(), items.next());
    let Some(code) = code.and_then(error_code) else {
        return Err(ctx.protocol("expected a [code, data] array with a numeric code"));
    };
    if code != ErrorCode::Num(0) {
        let text = data.as_ref().map(scalar_text).unwrap_or_default();
        return Err(CoreError::api(code, &text, ctx.status, ctx.body));
    }
    match (data, extra) {
        (Some(data), None) => success(op, data, ctx),
        _ => Err(ctx.protocol("expected a [0, data] array of two items")),
    }
}

fn is_delivery_text(item: &Json) -> bool {
    // A colon never appears in a numeric code.
    matches!(item, Json::Str(s) if s.bytes().any(|b| b == b':'))
}

/// The code of `[code, data]`: a whole JSON number, or a string holding one (`"0"`). Other
/// non-empty text is kept as a text code; anything else is not a code.
fn error_code(code: Json) -> Option<ErrorCode> {
    match code {
        Json::Num(n) => f64_to_i64(n).map(ErrorCode::Num),
        Json::Str(s) => {
            let t = s.trim();
            if t.is_empty() {
                None
            } else {
                Some(
                    error_code_text(t)
                        .map_or_else(|| ErrorCode::Text(String::from(t)), ErrorCode::Num),
                )
            }
        }
        _ => None,
    }
}

/// A numeric code written as text, `-?digits`, within i64.
fn error_code_text(s: &str) -> Option<i64> {
    let t = s.trim();
    let (negative, digits) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    if !is_ascii_digits(digits) {
        return None;
    }
    let magnitude = digits.bytes().try_fold(0i64, |acc, b| {
        acc.checked_mul(10)?.checked_add(i64::from(b - b'0'))
    })?;
    Some(if negative { -magnitude } else { magnitude })
}

/// The text of an error's `data`, for the message of an unknown code.
fn scalar_text(data: &Json) -> String {
    match data {
        Json::Str(s) => s.clone(),
        Json::Num(n) => f64_to_i64(*n).map(i64_text).unwrap_or_default(),
        Json::NumText(s) => s.clone(),
        _ => String::new(),
    }
}

/// The data of `[0, data]`, shaped for `op`.
fn success(op: Op, data: Json, ctx: Ctx) -> Decoded {
    match op {
        Op::Send | Op::SendPattern | Op::PostalCodeSend | Op::BookSend | Op::JobsSend => {
            bulk_id(data, ctx)
        }
        Op::Credit | Op::PostalCodeCount | Op::JobsCount => {
            number(data).ok_or_else(|| ctx.protocol("expected a number"))
        }
        Op::PostalCodeArea => list(data, ctx, |item, ctx| object_item(item, AREA, ctx)),
        Op::BookList => list(data, ctx, |item, ctx| object_item(item, BOOK, ctx)),
        Op::JobList | Op::JobTrendList => list(data, ctx, |item, ctx| object_item(item, JOB, ctx)),
        Op::InboxList => list(data, ctx, |item, ctx| object_item(item, INBOX, ctx)),
        Op::AccessList => list(data, ctx, |item, ctx| object_item(item, ACCESS, ctx)),
        Op::Delivery => list(data, ctx, delivery_item),
        Op::CheckMessage => match data {
            Json::Obj(fields) => check_message(fields, ctx),
            Json::Str(s) => match ctx.parser.parse_json(trim(&s)) {
                Some(Json::Obj(fields)) => check_message(fields, ctx),
                _ => Err(ctx.protocol("expected a message status object")),
            },
            _ => Err(ctx.protocol("expected a message status object")),
        },
        Op::NewUser => {
            let id = match data {
                Json::Str(s) => Some(s),
                Json::Num(n) => f64_to_i64(n).map(i64_text),
                _ => None,
            };
            id.map(|id| Json::obj([("userId", Json::Str(id))]))
                .ok_or_else(|| ctx.protocol("expected the new user's id"))
        }
    }
}

fn bulk_result(id: String) -> Json {
    Json::obj([("bulkId", Json::Str(id))])
}

/// `{bulkId}` from a string of digits or a whole non-negative number.
fn bulk_id(data: Json, ctx: Ctx) -> Decoded {
    let id = match data {
        Json::Str(s) if is_ascii_digits(trim(&s)) => Some(String::from(trim(&s))),
        Json::Num(n) => f64_to_u64(n).map(u64_text),
        _ => None,
    };
    id.map(bulk_result)
        .ok_or_else(|| ctx.protocol("expected a bulk id"))
}

/// A number given as a JSON number or as decimal text (which stays text until the JS boundary).
fn number(value: Json) -> Option<Json> {
    match value {
        Json::Num(n) if n.is_finite() => Some(Json::Num(n)),
        Json::Str(s) => {
            let t = trim(&s);
            is_decimal_text(t).then(|| Json::NumText(String::from(t)))
        }
        _ => None,
    }
}

/// A string given as a JSON string or a whole number (ids the service sends either way).
fn text(value: Json) -> Option<Json> {
    match value {
        Json::Str(s) => Some(Json::Str(s)),
        Json::Num(n) => f64_to_i64(n).map(|n| Json::Str(i64_text(n))),
        _ => None,
    }
}

/// A list: JSON text holding a list (parsed a second time), or a list given directly; an empty
/// string or `null` is the empty list.
fn list(data: Json, ctx: Ctx, item: impl Fn(Json, Ctx) -> Decoded) -> Decoded {
    let items = match data {
        Json::Arr(items) => items,
        Json::Null => Vec::new(),
        Json::Str(s) => {
            let t = trim(&s);
            if t.is_empty() {
                Vec::new()
            } else {
                match ctx.parser.parse_json(t) {
                    Some(Json::Arr(items)) => items,
                    Some(Json::Null) => Vec::new(),
                    Some(_) => return Err(ctx.protocol("expected a list")),
                    None => return Err(ctx.protocol("the list is not valid JSON")),
                }
            }
        }
        _ => return Err(ctx.protocol("expected a list")),
    };
    items
        .into_iter()
        .map(|i| item(i, ctx))
        .collect::<Result<_, _>>()
        .map(Json::Arr)
}

/// How one output field of an item is found and typed.
struct Field {
    /// The key in the result.
    out: &'static str,
    /// Keys to take it from, first match wins; the result's own key comes first so that it
    /// wins over aliases when the service sends both.
    from: &'static [&'static str],
    /// Expect a number (`true`) or a string.
    numeric: bool,
    /// The value when no key is present; `None` makes the field required.
    default: Option<f64>,
}

const fn text_field(out: &'static str, from: &'static [&'static str]) -> Field {
    Field {
        out,
        from,
        numeric: false,
        default: None,
    }
}

const fn number_field(out: &'static str, from: &'static [&'static str]) -> Field {
    Field {
        out,
        from,
        numeric: true,
        default: None,
    }
}

const ID_KEYS: &[&str] = &["id", "code", "ID"];
const TITLE_KEYS: &[&str] = &["title", "name"];

/// `postalCodeArea` items: `{code: string, name: string}`.
const AREA: &[Field] = &[
    text_field("code", &["code", "id"]),
    text_field("name", &["name", "title"]),
];
/// `bookList` items: `{id: string, title: string}`.
const BOOK: &[Field] = &[text_field("id", ID_KEYS), text_field("title", TITLE_KEYS)];
/// `jobList` and `jobTrendList` items: `{id: number, title: string}`.
const JOB: &[Field] = &[number_field("id", ID_KEYS), text_field("title", TITLE_KEYS)];
/// `inboxList` items: `{from, to, message, receivedAt}`.
const INBOX: &[Field] = &[
    text_field("from", &["from", "sender"]),
    text_field("to", &["to", "receiver"]),
    text_field("message", &["message", "text", "body"]),
    text_field("receivedAt", &["receivedAt", "time", "date"]),
];
/// `accessList` items: `{id: number, title: string, price: number, discount: number}`; a
/// package without a discount has discount 0.
const ACCESS: &[Field] = &[
    number_field("id", ID_KEYS),
    text_field("title", TITLE_KEYS),
    number_field("price", &["price"]),
    Field {
        out: "discount",
        from: &["discount", "off"],
        numeric: true,
        default: Some(0.0),
    },
];
/// `delivery` items given as objects: `{recipient, status}`.
const DELIVERY: &[Field] = &[
    text_field("recipient", &["recipient", "mobile", "number", "to"]),
    text_field("status", &["status", "state"]),
];
/// `checkmessage`: `{statusMessage, validMessage}` → `{status, approval}`.
const CHECK: &[Field] = &[
    text_field("status", &["statusMessage", "status"]),
    text_field("approval", &["validMessage", "approval"]),
];

fn object_item(item: Json, spec: &[Field], ctx: Ctx) -> Decoded {
    match item {
        Json::Obj(fields) => map_object(fields, spec, ctx),
        _ => Err(ctx.protocol("expected list items to be objects")),
    }
}

/// Builds the result object: the fields of `spec` first, then every key of `fields` that no
/// spec field consumed, camelCased (or under its own name if the camelCased one is taken).
fn map_object(fields: Vec<(String, Json)>, spec: &[Field], ctx: Ctx) -> Decoded {
    let mut fields: Vec<Option<(String, Json)>> = fields.into_iter().map(Some).collect();
    let mut out: Vec<(String, Json)> = Vec::with_capacity(fields.len() + spec.len());
    for field in spec {
        // The first alias present with a non-null value.
        let found = field.from.iter().find_map(|key| {
            fields
                .iter_mut()
                .find(|slot| matches!(slot, Some((k, v)) if k == key && !matches!(v, Json::Null)))
                .and_then(Option::take)
        });
        let value = match (found, field.default) {
            (Some((_, v)), _) => {
                let typed = if field.numeric { number(v) } else { text(v) };
                typed.ok_or_else(|| {
                    ctx.protocol(if field.numeric {
                        "an item field is not a number"
                    } else {
                        "an item field is not text"
                    })
                })?
            }
            (None, Some(default)) => Json::Num(default),
            (None, None) => {
                let mut detail = String::from("an item has no ");
                detail.push_str(field.out);
                return Err(ctx.protocol(&detail));
            }
        };
        out.push((String::from(field.out), value));
    }
    for (key, value) in fields.into_iter().flatten() {
        let camel = camel_case(&key);
        let taken = |k: &str| out.iter().any(|(o, _)| o == k);
        // Only a second copy of a key the result already has (the service sent a field under
        // two names, or repeated a key) is left out.
        let key = if !taken(&camel) {
            camel
        } else if !taken(&key) {
            key
        } else {
            continue;
        };
        out.push((key, value));
    }
    Ok(Json::Obj(out))
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

/// A delivery entry: `"<recipient>:<status>"`, split at the last colon, or an object.
fn delivery_item(item: Json, ctx: Ctx) -> Decoded {
    match item {
        Json::Str(s) => match super::text::rsplit_once_byte(&s, b':') {
            Some((recipient, status)) if !recipient.trim().is_empty() => Ok(Json::obj([
                ("recipient", Json::Str(String::from(recipient.trim()))),
                ("status", Json::Str(String::from(status.trim()))),
            ])),
            _ => Err(ctx.protocol("expected delivery entries like \"+989121234567:delivered\"")),
        },
        Json::Obj(fields) => map_object(fields, DELIVERY, ctx),
        _ => Err(ctx.protocol("expected delivery entries like \"+989121234567:delivered\"")),
    }
}

/// `{statusMessage, validMessage}` → `{status, approval}`. An approval starting with
/// `notconfirm` (one client saw `notconfirm:`) is `notconfirm`; other words pass through.
fn check_message(fields: Vec<(String, Json)>, ctx: Ctx) -> Decoded {
    let mut result = map_object(fields, CHECK, ctx)?;
    if let Json::Obj(out) = &mut result {
        for (key, value) in out.iter_mut() {
            if key == "approval" {
                if let Json::Str(s) = value {
                    if s.starts_with("notconfirm") {
                        *s = String::from("notconfirm");
                    }
                }
            }
        }
    }
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;
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
    fn numeric_code_text() {
        assert_eq!(error_code_text("0"), Some(0));
        assert_eq!(error_code_text(" 962 "), Some(962));
        assert_eq!(error_code_text("-5"), Some(-5));
        assert_eq!(error_code_text("99999999999999999999"), None);
        assert_eq!(error_code_text("1.5"), None);
        assert_eq!(error_code_text("+1"), None);
        assert_eq!(error_code_text(""), None);
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
