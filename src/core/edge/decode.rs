//! Turns an Edge answer into its result or its error, by the contract's mapping: the HTTP
//! status and the `meta` envelope decide; `message_code` and `message` are the error's
//! identity and text; `errors` become `field_errors`.

use serde::de::DeserializeOwned;

use crate::core::error::{CoreError, ErrorCode, ErrorKind, FieldErrors};
use crate::core::messages::{fill_both, Text, EDGE_AUTH, EDGE_DUPLICATE, EDGE_REFUSED};
use crate::core::num::u64_text;
use crate::core::response::{JsonFormat, Malformed};
use crate::core::text::trim_body;
use crate::core::value::{from_value, Extra, Value};

use super::texts::{render, INVALID_STATE_FA};

/// The service's envelope: `{ data, meta: { status, message, message_code, errors, … } }`.
struct Envelope {
    data: Option<Value>,
    meta: Extra,
    /// `meta.status`, where it is a boolean (or 0/1).
    status: Option<bool>,
    /// `errors`, in `meta` or at the top level.
    errors: Vec<(String, Vec<String>)>,
}

impl Envelope {
    /// `value` as the envelope, when it is an object with `data` or `meta`.
    fn read(value: Value) -> Option<Envelope> {
        let Value::Object(fields) = value else {
            return None;
        };
        if fields.get("data").is_none() && fields.get("meta").is_none() {
            return None;
        }
        let mut data = None;
        let mut meta = Extra::default();
        let mut top_errors = None;
        for (key, value) in fields.0 {
            match (key.as_str(), value) {
                ("data", v) => data = Some(v),
                ("meta", Value::Object(m)) => meta = m,
                ("errors", v) => top_errors = Some(v),
                _ => {}
            }
        }
        let status = match meta.get("status") {
            Some(Value::Bool(b)) => Some(*b),
            Some(Value::Number(n)) if *n == 0.0 || *n == 1.0 => Some(*n == 1.0),
            _ => None,
        };
        let errors = meta
            .get("errors")
            .or(top_errors.as_ref())
            .map(field_errors)
            .unwrap_or_default();
        Some(Envelope {
            data,
            meta,
            status,
            errors,
        })
    }

    fn text(&self, key: &str) -> Option<&str> {
        self.meta
            .get(key)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }

    fn code(&self) -> Option<ErrorCode> {
        match self.meta.get("message_code") {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(ErrorCode::Text(String::from(s.trim()))),
            Some(Value::Number(n)) => crate::core::num::f64_to_i64(*n).map(ErrorCode::Num),
            _ => None,
        }
    }
}

/// `errors`: field path → messages (an array of strings, or one string).
fn field_errors(value: &Value) -> Vec<(String, Vec<String>)> {
    let Value::Object(fields) = value else {
        return Vec::new();
    };
    fields
        .0
        .iter()
        .map(|(path, texts)| {
            let texts = match texts {
                Value::String(s) => vec![s.clone()],
                Value::Array(items) => items.iter().filter_map(|v| v.as_str().map(String::from)).collect(),
                _ => Vec::new(),
            };
            (path.clone(), texts)
        })
        .collect()
}

/// A result type of the Edge client: how the envelope's `data` (and `meta`) becomes it.
pub trait EdgeReply: Sized {
    /// The result from a successful answer's `data` and `meta`; the text is what did not fit.
    fn from_data(data: Value, meta: Extra) -> Result<Self, String>;
}

/// An object result.
pub struct One<T>(pub T);

impl<T: DeserializeOwned> EdgeReply for One<T> {
    fn from_data(data: Value, _: Extra) -> Result<Self, String> {
        match data {
            Value::Object(_) => from_value(data).map(One).map_err(|e| e.to_string()),
            _ => Err(String::from("expected an object in data")),
        }
    }
}

/// A list result (`null` is the empty list).
pub struct List<T>(pub Vec<T>);

impl<T: DeserializeOwned> EdgeReply for List<T> {
    fn from_data(data: Value, _: Extra) -> Result<Self, String> {
        items(data).map(List)
    }
}

fn items<T: DeserializeOwned>(data: Value) -> Result<Vec<T>, String> {
    let entries = match data {
        Value::Array(entries) => entries,
        Value::Null => Vec::new(),
        _ => return Err(String::from("expected a list in data")),
    };
    let mut out = Vec::with_capacity(entries.len());
    for entry in entries {
        out.push(from_value(entry).map_err(|e| e.to_string())?);
    }
    Ok(out)
}

/// A page of a list, with the `meta` its paginator fields are in.
pub struct Listed<T> {
    /// The page's items.
    pub items: Vec<T>,
    /// The envelope's `meta`.
    pub meta: Extra,
}

impl<T: DeserializeOwned> EdgeReply for Listed<T> {
    fn from_data(data: Value, meta: Extra) -> Result<Self, String> {
        Ok(Listed {
            items: items(data)?,
            meta,
        })
    }
}

/// A result whose `data` is of no interest (`cancel` answers `null`).
pub struct Ignored;

impl EdgeReply for Ignored {
    fn from_data(_: Value, _: Extra) -> Result<Self, String> {
        Ok(Ignored)
    }
}

fn with(kind: ErrorKind, (en, fa): (String, String), status: u16, body: &str) -> CoreError {
    let mut error = CoreError::http(status, body);
    error.kind = kind;
    error.message = en;
    error.message_fa = fa;
    error
}

fn texts(text: Text) -> (String, String) {
    (String::from(text.0), String::from(text.1))
}

/// The service's own words for an error: English where the text is known, else the text
/// itself; Persian as it came (or its Persian where the service wrote English).
fn service_words(envelope: &Envelope, fallback: (String, String)) -> (String, String) {
    match envelope.text("message") {
        Some("invalid state") => (String::from("Invalid state filter"), String::from(INVALID_STATE_FA)),
        Some(text) => (render(text).unwrap_or_else(|| String::from(text)), String::from(text)),
        None => fallback,
    }
}

/// Whether an answer says there is no such route (a 404 or 405 that is not the envelope), so
/// a method with an older route may try that one.
pub fn is_missing_route<F: JsonFormat>(status: u16, body: &str, format: &F) -> bool {
    (status == 404 || status == 405) && parse(body, format).ok().flatten().and_then(Envelope::read).is_none()
}

fn parse<F: JsonFormat>(body: &str, format: &F) -> Result<Option<Value>, Malformed> {
    let text = trim_body(body);
    if text.is_empty() {
        return Ok(None);
    }
    format.parse(text).map(Some)
}

/// Decodes the answer (HTTP `status`, body text `body`) into `R`, or the error the contract's
/// table gives it. Only the last step, `data` into `R`, is generic: the envelope and the error
/// mapping exist once in the wasm, not once per result type.
pub fn decode<R: EdgeReply, F: JsonFormat>(status: u16, body: &str, format: &F) -> Result<R, CoreError> {
    let (data, meta) = answer(status, body, format)?;
    R::from_data(data, meta).map_err(|detail| CoreError::protocol(&detail, status, body))
}

/// A successful answer's `data` and `meta`, or the error the contract's table gives it.
fn answer<F: JsonFormat>(status: u16, body: &str, format: &F) -> Result<(Value, Extra), CoreError> {
    let ok = (200..=299).contains(&status);
    let parsed = parse(body, format);
    if let (true, Err(Malformed::Shape(detail))) = (ok, &parsed) {
        return Err(CoreError::protocol(detail, status, body));
    }
    let parsed = parsed.ok().flatten();
    let is_json = parsed.is_some();
    let envelope = parsed.and_then(Envelope::read);
    let code = envelope.as_ref().and_then(Envelope::code);
    let mut error = match (status, &envelope) {
        (401, _) => {
            let words = match &envelope {
                Some(e) => service_words(e, texts(EDGE_AUTH)),
                None => texts(EDGE_AUTH),
            };
            let mut e = with(ErrorKind::Auth, words, status, body);
            e.code = code;
            e
        }
        (429, _) => {
            let fa = envelope.as_ref().and_then(|e| e.text("message")).map(String::from);
            let (en, ours) = texts(EDGE_DUPLICATE);
            let mut e = with(ErrorKind::Api, (en, fa.unwrap_or(ours)), status, body);
            e.code = Some(code.unwrap_or_else(|| ErrorCode::Text(u64_text(429))));
            e
        }
        (500..=599, _) => {
            let mut e = CoreError::http(status, body);
            e.code = code;
            e
        }
        (200..=499, Some(env)) if env.status == Some(false) => {
            let refused = fill_both(EDGE_REFUSED, &u64_text(u64::from(status)));
            let mut e = with(ErrorKind::Api, service_words(env, refused), status, body);
            e.code = code;
            e
        }
        (200..=299, Some(env)) if env.status == Some(true) || (env.status.is_none() && env.data.is_some()) => {
            let Some(Envelope { data, meta, .. }) = envelope else {
                return Err(CoreError::protocol("expected the envelope", status, body));
            };
            return Ok((data.unwrap_or(Value::Null), meta));
        }
        (200..=299, _) if is_json => CoreError::protocol("expected the {data, meta} envelope", status, body),
        (200..=299, _) => CoreError::not_service_format(status, body),
        _ => CoreError::http(status, body),
    };
    if let Some(env) = envelope.filter(|env| !env.errors.is_empty()) {
        error.field_errors = Some(Box::new(FieldErrors(env.errors)));
    }
    Err(error)
}
