//! The caller's JS arguments into the core's request types.
//!
//! Two steps. First a plain copy of the fields a request has, read through catching bindings
//! (`Reflect.get`, `Array.isArray`, `Object.entries`) and checked against each field's
//! [`Kind`]: its JS type, every string's length and every list's size, before anything is
//! copied into wasm memory. serde-wasm-bindgen reads properties without catching, so a throwing
//! getter or a revoked `Proxy` read by it would throw through the wasm instead of failing the
//! call with an `input` error; and an error found here names its field (`to[2]`), in English
//! and Persian. Then serde-wasm-bindgen reads the copy into the core's `Value`, and the core's
//! serde request types are read from that, as answers are.

use js_sys::{Array, Function, Object};
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

use crate::core::error::CoreError;
use crate::core::request::indexed;
use crate::core::tehran_time::format_epoch_ms;
use crate::core::value::Value;

#[wasm_bindgen]
extern "C" {
    /// `Array.isArray`; throws only for a revoked proxy.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array_or_throw(value: &JsValue) -> Result<bool, JsValue>;

    /// `Object.entries`; throws when a proxy's traps or a getter throw.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = entries)]
    fn entries_or_throw(value: &JsValue) -> Result<Array, JsValue>;
}

type Read<T> = Result<T, CoreError>;

/// The most items a list argument may have. Far above any real use (a `sendBulk` of a million
/// recipients is ten thousand requests), and far below what would exhaust the wasm's memory,
/// which would trap instead of failing the call.
const MAX_LIST_ITEMS: f64 = 1_000_000.0;

/// The most variables a pattern's `values` may have; real patterns have a handful.
const MAX_PATTERN_VALUES: u32 = 1_000;

/// Free text (a message, a name, a password): 1,048,576 UTF-16 units, far above any real SMS
/// (a message of 1,000 parts is 67,000).
const TEXT_UNITS: u32 = 1 << 20;

/// A number, id, code or time: 64 units, room for any spacing of a real one.
const SHORT_UNITS: u32 = 64;

/// Fields that hold a number, id, code or time, so their text is short.
const SHORT_FIELDS: &[&str] = &[
    "to", "from", "time", "postalCode", "operator", "gender", "bookId", "bulkId", "jobId",
    "nationalId", "certificateId", "tel", "mobile", "input",
];

fn input(field: &str, en: &str, fa: &str) -> CoreError {
    CoreError::input(field, en, fa)
}

pub(crate) use crate::client::get;

fn is_array(value: &JsValue) -> bool {
    is_array_or_throw(value).unwrap_or(false)
}

fn is_nullish(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}

/// The request argument itself must be an object.
pub fn object(value: &JsValue, field: &str) -> Read<()> {
    if value.is_object() && !is_array(value) {
        Ok(())
    } else {
        Err(input(field, "must be an object", "باید یک شیء باشد"))
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
    let Some(js) = value.dyn_ref::<js_sys::JsString>() else {
        return Ok(None);
    };
    let name = field.split(['[', '.']).next().unwrap_or(field);
    if SHORT_FIELDS.contains(&name) && !field.starts_with("values") {
        if js.length() > SHORT_UNITS {
            return Err(input(field, "is longer than 64 characters", "بیش از ۶۴ نویسه دارد"));
        }
    } else if js.length() > TEXT_UNITS {
        return Err(input(field, "is longer than 1,048,576 characters", "بیش از ۱٬۰۴۸٬۵۷۶ نویسه دارد"));
    }
    Ok(value.as_string())
}

/// What a request field must be.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A string.
    Text,
    /// A string, or absent.
    OptText,
    /// A string or an array of strings (`to`).
    Recipients,
    /// Digits or a whole number (`bookId`).
    Id,
    /// A whole number, 0 or more.
    Whole,
    /// A whole number, or absent.
    OptWhole,
    /// An array of whole numbers.
    WholeList,
    /// An object of strings and numbers (`values`).
    Values,
    /// `"mci"` or `"mtn"`.
    Operator,
    /// `"all"`, `"male"` or `"female"`, or absent.
    OptGender,
    /// A `Date` or a string, or absent (`time`).
    Time,
}

const REQUIRED: (&str, &str) = ("is required", "الزامی است");
const NOT_TEXT: (&str, &str) = ("must be a string", "باید رشته باشد");
const NOT_WHOLE: (&str, &str) = ("must be a whole number, 0 or more", "باید عدد صحیح نامنفی باشد");

fn bad<T>(field: &str, (en, fa): (&str, &str)) -> Read<T> {
    Err(input(field, en, fa))
}

/// A plain object with a checked copy of `fields` of `request`; absent optional fields stay
/// absent.
pub fn plain(request: &JsValue, fields: &[(&str, Kind)]) -> Read<JsValue> {
    let out = Object::new();
    for &(field, kind) in fields {
        let value = get(request, field);
        if let Some(copy) = copy(&value, field, kind)? {
            let _ = js_sys::Reflect::set(&out, &JsValue::from_str(field), &copy);
        }
    }
    Ok(out.into())
}

/// A checked copy of one field's value; `None` for an absent optional one.
fn copy(value: &JsValue, field: &str, kind: Kind) -> Read<Option<JsValue>> {
    let optional = matches!(kind, Kind::OptText | Kind::OptWhole | Kind::OptGender | Kind::Time);
    if is_nullish(value) {
        return if optional { Ok(None) } else { bad(field, REQUIRED) };
    }
    let copied = match kind {
        Kind::Text | Kind::OptText => match text(value, field)? {
            Some(_) => value.clone(),
            None => return bad(field, NOT_TEXT),
        },
        Kind::Recipients => {
            if text(value, field)?.is_some() {
                value.clone()
            } else if is_array(value) {
                list(value, field, |item, name| match text(item, name)? {
                    Some(_) => Ok(item.clone()),
                    None => bad(name, NOT_TEXT),
                })?
            } else {
                return bad(field, ("must be a string or an array of strings", "باید رشته یا آرایه‌ای از رشته‌ها باشد"));
            }
        }
        Kind::Id => match text(value, field)? {
            Some(_) => value.clone(),
            None if value.as_f64().is_some() => whole_number(value, field)?,
            None => return bad(field, ("must be a string or a number", "باید رشته یا عدد باشد")),
        },
        Kind::Whole | Kind::OptWhole => whole_number(value, field)?,
        Kind::WholeList => {
            if !is_array(value) {
                return bad(field, ("must be an array of whole numbers", "باید آرایه‌ای از اعداد صحیح باشد"));
            }
            list(value, field, |item, name| if is_nullish(item) { bad(name, REQUIRED) } else { whole_number(item, name) })?
        }
        Kind::Values => {
            if !value.is_object() || is_array(value) {
                return bad(field, ("must be an object", "باید یک شیء باشد"));
            }
            copy_values(value)?
        }
        Kind::Operator => match value.as_string().as_deref() {
            Some("mci" | "mtn") => value.clone(),
            _ => return bad(field, ("must be \"mci\" or \"mtn\"", "باید \"mci\" یا \"mtn\" باشد")),
        },
        Kind::OptGender => match value.as_string().as_deref() {
            Some("all" | "male" | "female") => value.clone(),
            _ => return bad(field, ("must be \"all\", \"male\" or \"female\"", "باید \"all\"، \"male\" یا \"female\" باشد")),
        },
        Kind::Time => {
            if text(value, field)?.is_some() {
                value.clone()
            } else if let Ok(get_time) = get(value, "getTime").dyn_into::<Function>() {
                let ms = get_time.call0(value).ok().and_then(|v| v.as_f64()).unwrap_or(f64::NAN);
                match format_epoch_ms(ms) {
                    Some(t) => JsValue::from_str(&t),
                    None => return bad(field, ("must be a valid date between 1970 and 9999", "باید تاریخی معتبر بین ۱۹۷۰ و ۹۹۹۹ باشد")),
                }
            } else {
                return bad(field, ("must be a Date or a string", "باید Date یا رشته باشد"));
            }
        }
    };
    Ok(Some(copied))
}

/// `value` itself when it is a whole number from 0 to 2^53 − 1.
fn whole_number(value: &JsValue, field: &str) -> Read<JsValue> {
    match value.as_f64().and_then(crate::core::num::f64_to_u64) {
        Some(_) => Ok(value.clone()),
        None => bad(field, NOT_WHOLE),
    }
}

/// A copy of the array `value`, each item through `item` (named `field[i]`).
fn list(value: &JsValue, field: &str, item: impl Fn(&JsValue, &str) -> Read<JsValue>) -> Read<JsValue> {
    let length = get(value, "length").as_f64().unwrap_or(0.0);
    if length > MAX_LIST_ITEMS {
        return bad(field, ("has more than 1,000,000 items", "بیش از ۱٬۰۰۰٬۰۰۰ عضو دارد"));
    }
    let out = Array::new();
    for i in 0..(length as u32) {
        let value = js_sys::Reflect::get_u32(value, i).unwrap_or(JsValue::UNDEFINED);
        out.push(&item(&value, &indexed(field, i as usize))?);
    }
    Ok(out.into())
}

/// A pattern's `values`: an object of strings and finite numbers; numbers become strings here,
/// with the engine's own number formatting (`String(n)`), which users expect.
fn copy_values(value: &JsValue) -> Read<JsValue> {
    let not_object = || input("values", "must be an object", "باید یک شیء باشد");
    let pairs = entries_or_throw(value).map_err(|_| not_object())?;
    if pairs.length() > MAX_PATTERN_VALUES {
        return Err(input("values", "has more than 1,000 entries", "بیش از ۱٬۰۰۰ عضو دارد"));
    }
    let out = Object::new();
    for entry in pairs.iter() {
        let pair: Array = entry.unchecked_into();
        let key = pair.get(0);
        let name = {
            let mut name = String::from("values.");
            name.push_str(&text(&key, "values")?.unwrap_or_default());
            name
        };
        let item = pair.get(1);
        let copied = if text(&item, &name)?.is_some() {
            item
        } else if let Some(n) = item.as_f64().filter(|n| n.is_finite()) {
            js_sys::Number::from(n).to_string_with_radix(10).map(JsValue::from).unwrap_or(item)
        } else {
            return Err(input(&name, "must be a string or a finite number", "باید رشته یا عدد باشد"));
        };
        let _ = js_sys::Reflect::set(&out, &key, &copied);
    }
    Ok(out.into())
}


/// The request object `req`, checked and copied field by field ([`plain`]), as the core's
/// `Value`, read by serde-wasm-bindgen; the core's serde request types are read from that by
/// the core's one `Value` deserializer, as answers are.
pub fn request(req: &JsValue, fields: &[(&str, Kind)]) -> Read<Value> {
    object(req, "request")?;
    serde_wasm_bindgen::from_value(plain(req, fields)?).map_err(|_| invalid())
}

/// The error for a checked copy that its request type still refuses: the copy was checked
/// against the type's fields already, so nothing a JS caller can give comes here.
pub fn invalid() -> CoreError {
    input("request", "has an invalid value", "مقدار نامعتبری دارد")
}

/// The optional `signal` of a request object or options bag.
pub fn signal(obj: &JsValue) -> Read<Option<AbortSignal>> {
    let value = get(obj, "signal");
    if is_nullish(&value) {
        return Ok(None);
    }
    if get(&value, "aborted").as_bool().is_none() {
        return Err(input("signal", "must be an AbortSignal", "باید AbortSignal باشد"));
    }
    Ok(Some(value.unchecked_into()))
}

/// An optional callback (`onProgress`, `onUpdate`, `fetch`).
pub fn function(obj: &JsValue, field: &str) -> Read<Option<Function>> {
    let value = get(obj, field);
    if is_nullish(&value) {
        return Ok(None);
    }
    value.dyn_into::<Function>().map(Some).map_err(|_| input(field, "must be a function", "باید تابع باشد"))
}

/// An optional number (`timeoutMs`, `intervalMs`, `retries`).
pub fn number(obj: &JsValue, field: &str) -> Read<Option<f64>> {
    let value = get(obj, field);
    if is_nullish(&value) {
        return Ok(None);
    }
    value.as_f64().map(Some).ok_or_else(|| input(field, "must be a number", "باید عدد باشد"))
}

/// An optional number above 0 and at most `max` (`timeoutMs`, `intervalMs`).
pub fn positive(obj: &JsValue, field: &str, max: f64) -> Read<Option<f64>> {
    match number(obj, field)? {
        Some(n) if !(n.is_finite() && n > 0.0 && n <= max) => {
            Err(input(field, "must be a positive number in range", "باید عددی مثبت و در محدوده باشد"))
        }
        n => Ok(n),
    }
}

/// An id given directly as an argument (`checkMessage(bulkId)`): digits or a whole number.
pub fn id(value: &JsValue, field: &str) -> Read<String> {
    if let Some(text) = text(value, field)? {
        return Ok(text);
    }
    if is_nullish(value) {
        return Err(input(field, "is required", "الزامی است"));
    }
    match value.as_f64().and_then(crate::core::num::f64_to_u64) {
        Some(n) => Ok(crate::core::num::u64_text(n)),
        None => Err(input(field, "must be a whole number, 0 or more", "باید عدد صحیح نامنفی باشد")),
    }
}

/// A whole number given directly as an argument (`jobTrendList(jobId)`), checked as a
/// [`Kind::Whole`] field is.
pub fn whole(value: &JsValue, field: &str) -> Read<u64> {
    copy(value, field, Kind::Whole)?
        .and_then(|n| n.as_f64())
        .and_then(crate::core::num::f64_to_u64)
        .map_or_else(|| bad(field, NOT_WHOLE), Ok)
}

/// The text of `obj[field]`, checked as a [`Kind::Text`] or [`Kind::OptText`] field is; `None`
/// for an absent optional one.
pub fn field_text(obj: &JsValue, field: &str, kind: Kind) -> Read<Option<String>> {
    Ok(copy(&get(obj, field), field, kind)?.and_then(|v| v.as_string()))
}
