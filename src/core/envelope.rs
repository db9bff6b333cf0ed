//! The shapes a body can take before it means anything (docs/protocol.md, "Answers"), as serde
//! visitors: the `[code, data]` envelope, a bare `null`, a bare object (`checkmessage`), a bare
//! scalar (a pattern send's bulk id), or a bare list (`delivery`, per the reference).
//!
//! The visitors read the envelope in order: the code first, then the data. They are not
//! generic over the op's result: the data's lists and objects stay [`Value`]s here and become
//! result types afterwards, so the envelope's code exists once in the wasm, not once per op.

use std::fmt;

use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use super::error::ErrorCode;
use super::num::{f64_to_i64, is_ascii_digits};
use super::value::{Extra, Value};

/// A whole body.
#[derive(Debug)]
pub enum Body {
    /// `[0, data]`.
    Reply(Data),
    /// `[code, text]` with a code other than 0.
    Refused(ErrorCode, Value),
    /// A list whose first item is text that is not a numeric code: a bare `delivery` list, or
    /// an envelope with a text code. The first item, then the rest.
    Headless(String, Vec<Value>),
    /// A bare object.
    Object(Extra),
    /// A bare `null`.
    Null,
    /// A bare string, number or boolean.
    Scalar(Value),
    /// A list that is no envelope; says what was expected.
    Malformed(&'static str),
}

/// The `data` of `[0, data]`.
#[derive(Debug)]
pub enum Data {
    /// Text: a scalar written as text, or a list or object written as JSON text.
    Text(String),
    /// A number.
    Number(f64),
    /// `null`.
    Null,
    /// A list given directly.
    Items(Vec<Value>),
    /// An object given directly.
    Object(Extra),
    /// A boolean, which no op answers.
    Other,
}

impl<'de> Deserialize<'de> for Body {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(BodyVisitor)
    }
}

impl<'de> Deserialize<'de> for Data {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DataVisitor)
    }
}

/// The first item of a list: the envelope's code, or something else.
enum Head {
    Code(ErrorCode),
    Text(String),
    Other,
}

impl<'de> Deserialize<'de> for Head {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(HeadVisitor)
    }
}

/// A numeric code written as text, `-?digits`, within i64.
pub fn code_from_text(s: &str) -> Option<i64> {
    let t = s.trim();
    let (negative, digits) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    if !is_ascii_digits(digits) {
        return None;
    }
    let magnitude = digits
        .bytes()
        .try_fold(0i64, |acc, b| acc.checked_mul(10)?.checked_add(i64::from(b - b'0')))?;
    Some(if negative { -magnitude } else { magnitude })
}

struct HeadVisitor;

impl<'de> Visitor<'de> for HeadVisitor {
    type Value = Head;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a code")
    }

    fn visit_i64<E>(self, n: i64) -> Result<Head, E> {
        Ok(Head::Code(ErrorCode::Num(n)))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Head, E> {
        Ok(i64::try_from(n).map_or(Head::Other, |n| Head::Code(ErrorCode::Num(n))))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Head, E> {
        Ok(f64_to_i64(n).map_or(Head::Other, |n| Head::Code(ErrorCode::Num(n))))
    }

    fn visit_str<E>(self, s: &str) -> Result<Head, E> {
        let t = s.trim();
        Ok(if t.is_empty() {
            Head::Other
        } else if let Some(n) = code_from_text(t) {
            Head::Code(ErrorCode::Num(n))
        } else {
            Head::Text(String::from(s))
        })
    }

    fn visit_bool<E>(self, _: bool) -> Result<Head, E> {
        Ok(Head::Other)
    }

    fn visit_unit<E>(self) -> Result<Head, E> {
        Ok(Head::Other)
    }

    fn visit_none<E>(self) -> Result<Head, E> {
        Ok(Head::Other)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Head, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Head::Other)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Head, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Head::Other)
    }
}

struct BodyVisitor;

impl<'de> Visitor<'de> for BodyVisitor {
    type Value = Body;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a [code, data] array")
    }

    fn visit_unit<E>(self) -> Result<Body, E> {
        Ok(Body::Null)
    }

    fn visit_none<E>(self) -> Result<Body, E> {
        Ok(Body::Null)
    }

    fn visit_bool<E>(self, b: bool) -> Result<Body, E> {
        Ok(Body::Scalar(Value::Bool(b)))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Body, E> {
        Ok(Body::Scalar(Value::Number(n as f64)))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Body, E> {
        Ok(Body::Scalar(Value::Number(n as f64)))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Body, E> {
        Ok(Body::Scalar(Value::Number(n)))
    }

    fn visit_str<E>(self, s: &str) -> Result<Body, E> {
        Ok(Body::Scalar(Value::String(String::from(s))))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Body, A::Error> {
        Extra::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(Body::Object)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Body, A::Error> {
        let body = match seq.next_element::<Head>()? {
            Some(Head::Code(ErrorCode::Num(0))) => match seq.next_element::<Data>()? {
                Some(data) => match seq.next_element::<IgnoredAny>()? {
                    None => Body::Reply(data),
                    Some(_) => Body::Malformed("expected a [0, data] array of two items"),
                },
                None => Body::Malformed("expected a [0, data] array of two items"),
            },
            Some(Head::Code(code)) => {
                let text = seq.next_element::<Value>()?.unwrap_or(Value::Null);
                Body::Refused(code, text)
            }
            Some(Head::Text(first)) => {
                let mut rest = Vec::new();
                while let Some(item) = seq.next_element::<Value>()? {
                    rest.push(item);
                }
                return Ok(Body::Headless(first, rest));
            }
            Some(Head::Other) | None => Body::Malformed("expected a [code, data] array with a numeric code"),
        };
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(body)
    }
}

struct DataVisitor;

impl<'de> Visitor<'de> for DataVisitor {
    type Value = Data;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("the data of a [0, data] array")
    }

    fn visit_unit<E>(self) -> Result<Data, E> {
        Ok(Data::Null)
    }

    fn visit_none<E>(self) -> Result<Data, E> {
        Ok(Data::Null)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Data, E> {
        Ok(Data::Other)
    }

    fn visit_i64<E>(self, n: i64) -> Result<Data, E> {
        Ok(Data::Number(n as f64))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Data, E> {
        Ok(Data::Number(n as f64))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Data, E> {
        Ok(Data::Number(n))
    }

    fn visit_str<E>(self, s: &str) -> Result<Data, E> {
        Ok(Data::Text(String::from(s)))
    }

    fn visit_string<E>(self, s: String) -> Result<Data, E> {
        Ok(Data::Text(s))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Data, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Value>()? {
            items.push(item);
        }
        Ok(Data::Items(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Data, A::Error> {
        Extra::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(Data::Object)
    }
}
