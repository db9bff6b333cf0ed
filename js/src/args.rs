//! The caller's JS arguments into the Rust API's request types.
//!
//! Every property is read through catching bindings (`Reflect.get`, `Array.isArray`,
//! `Object.entries`) and checked for its JS type, and every string's length and every list's
//! size is checked before it is copied into wasm memory: a throwing getter or a revoked `Proxy`
//! fails the call with an `input` error instead of throwing through the wasm, and a huge value
//! cannot exhaust the wasm's memory (which would trap). An error found here names its field
//! (`to[2]`), in English and Persian. What the values mean (a valid number, a known sender) is
//! the Rust API's to check.

// Shared by both entries' builds, each of which uses only its own readers and messages.
#![cfg_attr(not(all(feature = "legacy", feature = "edge")), allow(dead_code))]

use ippanel_wasm::{Gender, Operator};
use js_sys::{Array, Function, JsString};
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

use crate::error::BadArgument;
use crate::messages::*;
use crate::sys::{entries_or_throw, get, is_array};

pub type Read<T> = Result<T, BadArgument>;

/// The most items a list argument may have. Far above any real use (a `sendBulk` of a million
/// recipients is ten thousand requests), and far below what would exhaust the wasm's memory,
/// which would trap instead of failing the call.
const MAX_LIST_ITEMS: f64 = 1_000_000.0;

/// The most entries a pattern's `values` (or an Edge phonebook's `options`) may have; real
/// patterns have a handful.
const MAX_PATTERN_VALUES: u32 = 1_000;

/// Free text (a message, a name, a password): 1,048,576 UTF-16 units, far above any real SMS
/// (a message of 1,000 parts is 67,000).
const TEXT_UNITS: u32 = 1 << 20;

/// A number, id, code or time: 64 units, room for any spacing of a real one.
const SHORT_UNITS: u32 = 64;

/// Fields that hold a number, id, code or time, so their text is short.
const SHORT_FIELDS: &[&str] = &[
    "to",
    "from",
    "time",
    "postalCode",
    "operator",
    "gender",
    "bookId",
    "bulkId",
    "jobId",
    "nationalId",
    "certificateId",
    "tel",
    "mobile",
    "input",
];

pub fn bad<T>(field: &str, (en, fa): Text) -> Read<T> {
    Err(BadArgument::new(field, en, fa))
}

pub fn is_nullish(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}

/// `field[i]`, the name of a list item in messages.
fn indexed(field: &str, i: u32) -> String {
    let mut name = String::from(field);
    name.push('[');
    name.push_str(&i.to_string());
    name.push(']');
    name
}

/// `n` as a whole number from 0 to 2^53 − 1, the integers a JS number holds exactly.
fn whole_of(n: f64) -> Option<u64> {
    (n.fract() == 0.0 && (0.0..=9_007_199_254_740_991.0).contains(&n)).then_some(n as u64)
}

/// The request argument itself must be an object.
pub fn object(value: &JsValue, field: &str) -> Read<()> {
    if value.is_object() && !is_array(value) {
        Ok(())
    } else {
        bad(field, NOT_OBJECT)
    }
}

/// The optional trailing options bag of methods that take no request: an object or nothing.
pub fn options(value: &JsValue) -> Read<()> {
    if is_nullish(value) {
        Ok(())
    } else {
        object(value, "options")
    }
}

/// `value` as a string within the limit for `field`; `None` when it is not a string.
pub fn text(value: &JsValue, field: &str) -> Read<Option<String>> {
    let Some(js) = value.dyn_ref::<JsString>() else {
        return Ok(None);
    };
    let name = field.split(['[', '.']).next().unwrap_or(field);
    if SHORT_FIELDS.contains(&name) && !field.starts_with("values") {
        if js.length() > SHORT_UNITS {
            return bad(field, TOO_LONG_SHORT);
        }
    } else if js.length() > TEXT_UNITS {
        return bad(field, TOO_LONG_TEXT);
    }
    Ok(value.as_string())
}

/// The one string argument of a helper: a string, or an error saying it must be one.
pub fn string(value: &JsValue, field: &str) -> Read<String> {
    text(value, field)?.map_or_else(|| bad(field, NOT_TEXT), Ok)
}

/// A request object's fields, read one by one.
pub struct Fields<'a> {
    object: &'a JsValue,
}

impl<'a> Fields<'a> {
    /// The fields of the request object `value`, which must be an object.
    pub fn of_request(value: &'a JsValue) -> Read<Fields<'a>> {
        object(value, "request")?;
        Ok(Fields { object: value })
    }

    /// The fields of an object already checked (the constructor's options).
    pub fn of(object: &'a JsValue) -> Fields<'a> {
        Fields { object }
    }

    /// `field`'s value; `None` when it is absent (`undefined` or `null`).
    fn get(&self, field: &str) -> Option<JsValue> {
        Some(get(self.object, field)).filter(|v| !is_nullish(v))
    }

    /// A required string.
    pub fn text(&self, field: &str) -> Read<String> {
        self.opt_text(field)?.map_or_else(|| bad(field, REQUIRED), Ok)
    }

    /// An optional string.
    pub fn opt_text(&self, field: &str) -> Read<Option<String>> {
        let Some(value) = self.get(field) else { return Ok(None) };
        text(&value, field)?.map_or_else(|| bad(field, NOT_TEXT), |t| Ok(Some(t)))
    }

    /// A string or an array of strings (`to`).
    pub fn recipients(&self, field: &str) -> Read<Vec<String>> {
        let Some(value) = self.get(field) else {
            return bad(field, REQUIRED);
        };
        recipients(&value, field)
    }

    /// Digits or a whole number (`bookId`), as text.
    pub fn id(&self, field: &str) -> Read<String> {
        let Some(value) = self.get(field) else {
            return bad(field, REQUIRED);
        };
        match text(&value, field)? {
            Some(text) => Ok(text),
            None if value.as_f64().is_some() => whole(&value, field).map(|n| n.to_string()),
            None => bad(field, NOT_ID),
        }
    }

    /// A required whole number, 0 or more.
    pub fn whole(&self, field: &str) -> Read<u64> {
        whole_arg(&get(self.object, field), field)
    }

    /// An optional whole number, 0 or more.
    pub fn opt_whole(&self, field: &str) -> Read<Option<u64>> {
        self.get(field).map(|value| whole(&value, field)).transpose()
    }

    /// An array of whole numbers.
    pub fn whole_list(&self, field: &str) -> Read<Vec<u64>> {
        let Some(value) = self.get(field) else {
            return bad(field, REQUIRED);
        };
        if !is_array(&value) {
            return bad(field, NOT_WHOLE_LIST);
        }
        list(&value, field, |item, name| {
            if is_nullish(item) {
                bad(name, REQUIRED)
            } else {
                whole(item, name)
            }
        })
    }

    /// A pattern's `values`: an object of strings and finite numbers; numbers become strings
    /// here, with the engine's own number formatting (`String(n)`), which users expect.
    pub fn values(&self, field: &str) -> Read<Vec<(String, String)>> {
        let Some(value) = self.get(field) else {
            return bad(field, REQUIRED);
        };
        entries(&value, field, |item, name| {
            if let Some(text) = text(item, name)? {
                Ok(text)
            } else if let Some(n) = item.as_f64().filter(|n| n.is_finite()) {
                Ok(number_text(n))
            } else {
                bad(name, NOT_VALUE)
            }
        })
    }

    /// `"mci"` or `"mtn"`.
    pub fn operator(&self, field: &str) -> Read<Operator> {
        let Some(value) = self.get(field) else {
            return bad(field, REQUIRED);
        };
        match value.as_string().as_deref() {
            Some("mci") => Ok(Operator::Mci),
            Some("mtn") => Ok(Operator::Mtn),
            _ => bad(field, NOT_OPERATOR),
        }
    }

    /// `"all"`, `"male"` or `"female"`; `"all"` when absent.
    pub fn gender(&self, field: &str) -> Read<Gender> {
        let Some(value) = self.get(field) else {
            return Ok(Gender::All);
        };
        match value.as_string().as_deref() {
            Some("all") => Ok(Gender::All),
            Some("male") => Ok(Gender::Male),
            Some("female") => Ok(Gender::Female),
            _ => bad(field, NOT_GENDER),
        }
    }

    /// A `Date` (as Tehran wall-clock text) or a string, or absent (`time`).
    pub fn time(&self, field: &str) -> Read<Option<String>> {
        let Some(value) = self.get(field) else { return Ok(None) };
        if let Some(text) = text(&value, field)? {
            return Ok(Some(text));
        }
        let Ok(get_time) = get(&value, "getTime").dyn_into::<Function>() else {
            return bad(field, NOT_TIME);
        };
        let ms = get_time.call0(&value).ok().and_then(|v| v.as_f64()).unwrap_or(f64::NAN);
        match ippanel_wasm::tehran_time(ms) {
            Some(time) => Ok(Some(time)),
            None => bad(field, BAD_DATE),
        }
    }

    /// The optional `signal`.
    pub fn signal(&self) -> Read<Option<AbortSignal>> {
        let Some(value) = self.get("signal") else {
            return Ok(None);
        };
        if get(&value, "aborted").as_bool().is_none() {
            return bad("signal", NOT_SIGNAL);
        }
        Ok(Some(value.unchecked_into()))
    }

    /// An optional callback (`onProgress`, `onUpdate`, `fetch`).
    pub fn function(&self, field: &str) -> Read<Option<Function>> {
        let Some(value) = self.get(field) else { return Ok(None) };
        value
            .dyn_into::<Function>()
            .map(Some)
            .or_else(|_| bad(field, NOT_FUNCTION))
    }

    /// An optional number (`timeoutMs`, `intervalMs`, `retries`).
    pub fn number(&self, field: &str) -> Read<Option<f64>> {
        let Some(value) = self.get(field) else { return Ok(None) };
        value.as_f64().map_or_else(|| bad(field, NOT_NUMBER), |n| Ok(Some(n)))
    }

    /// An optional time in milliseconds (`timeoutMs`, `intervalMs`) as the Rust API takes it,
    /// which checks its range: a fraction rounded up, a time past what a `u32` holds the
    /// longest one, and anything that is no positive time (0, negative, NaN, infinite) 0, which
    /// the Rust API refuses.
    pub fn milliseconds(&self, field: &str) -> Read<Option<u32>> {
        let ms = |n: f64| {
            if n.is_finite() && n > 0.0 {
                n.ceil().min(f64::from(u32::MAX)) as u32
            } else {
                0
            }
        };
        Ok(self.number(field)?.map(ms))
    }

    /// An optional count (`retries`) as the Rust API takes it, which checks its range: a whole
    /// number past what a `u32` holds is the largest one, and anything that is no whole
    /// number 0 or more is too, which the Rust API refuses.
    pub fn count(&self, field: &str) -> Read<Option<u32>> {
        let count = |n: f64| {
            if n.fract() == 0.0 && n >= 0.0 {
                n.min(f64::from(u32::MAX)) as u32
            } else {
                u32::MAX
            }
        };
        Ok(self.number(field)?.map(count))
    }
}

/// The options bag of a method that takes no request (or only an id): nothing, or an object
/// with an optional `signal`.
pub fn options_signal(opts: &JsValue) -> Read<Option<AbortSignal>> {
    options(opts)?;
    Fields::of(opts).signal()
}

/// One string or an array of strings (`to`), named `field`.
pub fn recipients(value: &JsValue, field: &str) -> Read<Vec<String>> {
    if let Some(one) = text(value, field)? {
        return Ok(vec![one]);
    }
    if !is_array(value) {
        return bad(field, NOT_RECIPIENTS);
    }
    list(value, field, |item, name| {
        text(item, name)?.map_or_else(|| bad(name, NOT_TEXT), Ok)
    })
}

/// An object of values (pattern `values`, a phonebook's `options`) named `field`, each value
/// (named `field.key`) as text by `item`, in order; at most [`MAX_PATTERN_VALUES`] of them.
pub fn entries(
    value: &JsValue,
    field: &str,
    item: impl Fn(&JsValue, &str) -> Read<String>,
) -> Read<Vec<(String, String)>> {
    if !value.is_object() || is_array(value) {
        return bad(field, NOT_OBJECT);
    }
    let pairs = entries_or_throw(value).or_else(|_| bad(field, NOT_OBJECT))?;
    if pairs.length() > MAX_PATTERN_VALUES {
        return bad(field, TOO_MANY_VALUES);
    }
    let mut out = Vec::with_capacity(pairs.length() as usize);
    for entry in pairs.iter() {
        let pair: Array = entry.unchecked_into();
        let key = text(&pair.get(0), field)?.unwrap_or_default();
        let mut name = String::from(field);
        name.push('.');
        name.push_str(&key);
        let text = item(&pair.get(1), &name)?;
        out.push((key, text));
    }
    Ok(out)
}

/// A finite number as the engine writes it (`String(n)`), which users expect of their values.
pub fn number_text(n: f64) -> String {
    js_sys::Number::from(n)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

/// A whole number from 0 to 2^53 − 1 given as a number or as a string of ASCII digits.
pub fn whole_or_digits(value: &JsValue, field: &str) -> Read<u64> {
    let Some(digits) = text(value, field)? else {
        return whole(value, field);
    };
    let digits = digits.trim();
    match digits.parse::<u64>() {
        Ok(n) if digits.bytes().all(|b| b.is_ascii_digit()) && n <= 9_007_199_254_740_991 => Ok(n),
        _ => bad(field, NOT_WHOLE),
    }
}

/// `waitForDelivery`'s options bag, on both entries: `{ intervalMs?, timeoutMs?, onUpdate?,
/// signal? }`.
pub fn wait_options(opts: &JsValue) -> Read<(ippanel_wasm::WaitOptions, Option<Function>, Option<AbortSignal>)> {
    options(opts)?;
    let f = Fields::of(opts);
    let options = ippanel_wasm::WaitOptions {
        interval_ms: f.milliseconds("intervalMs")?,
        timeout_ms: f.milliseconds("timeoutMs")?,
    };
    Ok((options, f.function("onUpdate")?, f.signal()?))
}

/// `value` as a whole number from 0 to 2^53 − 1.
pub fn whole(value: &JsValue, field: &str) -> Read<u64> {
    value
        .as_f64()
        .and_then(whole_of)
        .map_or_else(|| bad(field, NOT_WHOLE), Ok)
}

/// The items of the array `value`, each through `item` (named `field[i]`).
pub fn list<T>(value: &JsValue, field: &str, item: impl Fn(&JsValue, &str) -> Read<T>) -> Read<Vec<T>> {
    let length = get(value, "length").as_f64().unwrap_or(0.0);
    if length > MAX_LIST_ITEMS {
        return bad(field, TOO_MANY_ITEMS);
    }
    let mut out = Vec::with_capacity(length as usize);
    for i in 0..(length as u32) {
        let value = js_sys::Reflect::get_u32(value, i).unwrap_or(JsValue::UNDEFINED);
        out.push(item(&value, &indexed(field, i))?);
    }
    Ok(out)
}

/// An id given directly as an argument (`checkMessage(bulkId)`): digits or a whole number.
pub fn id(value: &JsValue, field: &str) -> Read<String> {
    if let Some(text) = text(value, field)? {
        return Ok(text);
    }
    if is_nullish(value) {
        return bad(field, REQUIRED);
    }
    whole(value, field).map(|n| n.to_string())
}

/// A required whole number, 0 or more: an argument given directly (`jobTrendList(jobId)`) or a
/// request field's value.
pub fn whole_arg(value: &JsValue, field: &str) -> Read<u64> {
    if is_nullish(value) {
        return bad(field, REQUIRED);
    }
    whole(value, field)
}
