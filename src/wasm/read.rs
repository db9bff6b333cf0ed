//! Reads the caller's JS request objects into the core's typed requests.
//!
//! Only JS *types* are checked here (is it a string, a number, an array?); what the values mean
//! (is this a mobile number, a 10-digit postal code?) is checked by the core's `encode`, so
//! the rules are the same natively and in wasm.

use crate::core::error::CoreError;
use crate::core::request::indexed;
use crate::core::request::{
    BookSendRequest, Gender, IdInput, JobsSendRequest, NewUserRequest, Operator, PatternRequest,
    PostalCodeRequest, Request, SendRequest, SendTime,
};
use js_sys::{Array, Function};
use wasm_bindgen::{JsCast, JsValue};

use super::bindings::{entries, get, is_array, item};

/// The most items a list argument may have. Far above any real use (a `sendBulk` of a million
/// recipients is ten thousand requests), and far below what would exhaust the wasm's memory,
/// which would trap instead of failing the call.
const MAX_LIST_ITEMS: u32 = 1_000_000;

/// The most variables a pattern's `values` may have; real patterns have a handful.
const MAX_PATTERN_VALUES: u32 = 1_000;

type Read<T> = Result<T, CoreError>;

fn wrong_type(field: &str, en: &str, fa: &str) -> CoreError {
    CoreError::input(field, en, fa)
}

/// How long a text field may be, in UTF-16 units, checked before the text is copied into
/// wasm memory: a caller's string of any length must fail the call, not exhaust the memory.
#[derive(Clone, Copy)]
pub enum Limit {
    /// Free text (a message, a name, a password): 1,048,576 units, far above any real SMS (a
    /// message of 1,000 parts is 67,000).
    Text,
    /// A number, id, code or time: 64 units, room for any spacing of a real one.
    Short,
}

/// `value` as a Rust string when it is a JS string within `limit`; `None` when it is not a
/// string.
pub fn text(value: &JsValue, field: &str, limit: Limit) -> Read<Option<String>> {
    let Some(js) = value.dyn_ref::<js_sys::JsString>() else {
        return Ok(None);
    };
    let (max, en, fa) = match limit {
        Limit::Text => (1 << 20, "is longer than 1,048,576 characters", "بیش از ۱٬۰۴۸٬۵۷۶ نویسه دارد"),
        Limit::Short => (64, "is longer than 64 characters", "بیش از ۶۴ نویسه دارد"),
    };
    if js.length() > max {
        return Err(wrong_type(field, en, fa));
    }
    Ok(value.as_string())
}

/// The request argument itself must be an object.
pub fn object(value: &JsValue, field: &str) -> Read<()> {
    if value.is_object() && !is_array(value) {
        Ok(())
    } else {
        Err(wrong_type(field, "must be an object", "باید یک شیء باشد"))
    }
}

/// A required string field.
pub fn string(obj: &JsValue, field: &str) -> Read<String> {
    let value = get(obj, field);
    text(&value, field, Limit::Text)?.ok_or_else(|| {
        if value.is_undefined() || value.is_null() {
            wrong_type(field, "is required", "الزامی است")
        } else {
            wrong_type(field, "must be a string", "باید رشته باشد")
        }
    })
}

/// An optional string field (`undefined` and `null` both mean absent).
pub fn opt_string(obj: &JsValue, field: &str) -> Read<Option<String>> {
    let value = get(obj, field);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    text(&value, field, Limit::Text)?
        .map(Some)
        .ok_or_else(|| wrong_type(field, "must be a string", "باید رشته باشد"))
}

/// A required number field.
pub fn number(obj: &JsValue, field: &str) -> Read<f64> {
    number_value(&get(obj, field), field)
}

/// A number given directly as an argument (`jobTrendList(jobId)`).
pub fn number_value(value: &JsValue, field: &str) -> Read<f64> {
    match value.as_f64() {
        Some(n) => Ok(n),
        None if value.is_undefined() || value.is_null() => {
            Err(wrong_type(field, "is required", "الزامی است"))
        }
        None => Err(wrong_type(field, "must be a number", "باید عدد باشد")),
    }
}

/// An optional number field.
pub fn opt_number(obj: &JsValue, field: &str) -> Read<Option<f64>> {
    let value = get(obj, field);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    number_value(&value, field).map(Some)
}

/// The length of `value` if it is an array, read through `Reflect` like its items, so that a
/// proxy whose traps throw is refused, not thrown through the wasm. `Err` when it is over
/// [`MAX_LIST_ITEMS`].
fn array_length(value: &JsValue, field: &str) -> Read<Option<u32>> {
    if !is_array(value) {
        return Ok(None);
    }
    let Some(length) = get(value, "length").as_f64() else {
        return Ok(None);
    };
    if length > f64::from(MAX_LIST_ITEMS) {
        return Err(wrong_type(field, "has more than 1,000,000 items", "بیش از ۱٬۰۰۰٬۰۰۰ عضو دارد"));
    }
    Ok(Some(length as u32))
}

/// A number array (`trendIds`).
pub fn number_list(obj: &JsValue, field: &str) -> Read<Vec<f64>> {
    let value = get(obj, field);
    let Some(length) = array_length(&value, field)? else {
        return Err(wrong_type(field, "must be an array of numbers", "باید آرایه‌ای از اعداد باشد"));
    };
    let mut out = Vec::with_capacity(length as usize);
    for i in 0..length {
        out.push(number_value(&item(&value, i), &indexed(field, i as usize))?);
    }
    Ok(out)
}

/// `to`: one string or an array of strings.
pub fn recipients(obj: &JsValue, field: &str) -> Read<Vec<String>> {
    let value = get(obj, field);
    if let Some(one) = text(&value, field, Limit::Short)? {
        return Ok(vec![one]);
    }
    let Some(length) = array_length(&value, field)? else {
        return Err(wrong_type(
            field,
            "must be a string or an array of strings",
            "باید رشته یا آرایه‌ای از رشته‌ها باشد",
        ));
    };
    let mut out = Vec::with_capacity(length as usize);
    for i in 0..length {
        let name = || indexed(field, i as usize);
        match text(&item(&value, i), &name(), Limit::Short)? {
            Some(s) => out.push(s),
            None => return Err(wrong_type(&name(), "must be a string", "باید رشته باشد")),
        }
    }
    Ok(out)
}

/// `bookId` / `bulkId`: a string or a number.
pub fn id_value(value: &JsValue, field: &str) -> Read<IdInput> {
    if let Some(s) = text(value, field, Limit::Short)? {
        return Ok(IdInput::Text(s));
    }
    number_value(value, field).map(IdInput::Num)
}

/// `time`: a `Date` (anything with a `getTime` method) or a string.
fn send_time(obj: &JsValue) -> Read<Option<SendTime>> {
    let value = get(obj, "time");
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if let Some(time) = text(&value, "time", Limit::Short)? {
        return Ok(Some(SendTime::Text(time)));
    }
    if let Ok(get_time) = get(&value, "getTime").dyn_into::<Function>() {
        if let Some(ms) = get_time.call0(&value).ok().and_then(|v| v.as_f64()) {
            return Ok(Some(SendTime::EpochMs(ms)));
        }
    }
    Err(wrong_type("time", "must be a Date or a string", "باید Date یا رشته باشد"))
}

/// `values` of a pattern: an object of strings and finite numbers; numbers become strings here,
/// with the engine's own number formatting (`String(n)`), which users expect.
fn pattern_values(obj: &JsValue) -> Read<Vec<(String, String)>> {
    let value = get(obj, "values");
    let pairs = if value.is_object() && !is_array(&value) { entries(&value) } else { None };
    let Some(pairs) = pairs else {
        return Err(wrong_type("values", "must be an object", "باید یک شیء باشد"));
    };
    if pairs.length() > MAX_PATTERN_VALUES {
        return Err(wrong_type("values", "has more than 1,000 entries", "بیش از ۱٬۰۰۰ عضو دارد"));
    }
    let mut out = Vec::with_capacity(pairs.length() as usize);
    for entry in pairs.iter() {
        let pair: Array = entry.unchecked_into();
        let key = text(&pair.get(0), "values", Limit::Short)?.unwrap_or_default();
        let item = pair.get(1);
        let mut field = String::from("values.");
        field.push_str(&key);
        let value_text = if let Some(s) = text(&item, &field, Limit::Text)? {
            s
        } else if let Some(n) = item.as_f64().filter(|n| n.is_finite()) {
            js_sys::Number::from(n)
                .to_string_with_radix(10)
                .map(String::from)
                .unwrap_or_default()
        } else {
            return Err(wrong_type(&field, "must be a string or a finite number", "باید رشته یا عدد باشد"));
        };
        out.push((key, value_text));
    }
    Ok(out)
}

fn operator(obj: &JsValue) -> Read<Operator> {
    match string(obj, "operator")?.as_str() {
        "mci" => Ok(Operator::Mci),
        "mtn" => Ok(Operator::Mtn),
        _ => Err(wrong_type("operator", "must be \"mci\" or \"mtn\"", "باید \"mci\" یا \"mtn\" باشد")),
    }
}

fn gender(obj: &JsValue) -> Read<Gender> {
    match opt_string(obj, "gender")?.as_deref() {
        None | Some("all") => Ok(Gender::All),
        Some("male") => Ok(Gender::Male),
        Some("female") => Ok(Gender::Female),
        Some(_) => Err(wrong_type(
            "gender",
            "must be \"all\", \"male\" or \"female\"",
            "باید \"all\"، \"male\" یا \"female\" باشد",
        )),
    }
}

fn postal_target(obj: &JsValue) -> Read<PostalCodeRequest> {
    Ok(PostalCodeRequest {
        postal_code: string(obj, "postalCode")?,
        operator: operator(obj)?,
        gender: gender(obj)?,
    })
}

/// The fields of `send` (also the common fields of `sendBulk`).
pub fn send_fields(obj: &JsValue) -> Read<SendRequest> {
    object(obj, "request")?;
    Ok(SendRequest {
        from: string(obj, "from")?,
        to: recipients(obj, "to")?,
        message: string(obj, "message")?,
        time: send_time(obj)?,
    })
}

/// `send`.
pub fn send(obj: &JsValue) -> Read<Request> {
    send_fields(obj).map(Request::Send)
}

/// `sendPattern`.
pub fn send_pattern(obj: &JsValue) -> Read<Request> {
    object(obj, "request")?;
    Ok(Request::SendPattern(PatternRequest {
        from: string(obj, "from")?,
        to: string(obj, "to")?,
        pattern_code: string(obj, "patternCode")?,
        values: pattern_values(obj)?,
    }))
}

/// `postalCodeSend`.
pub fn postal_code_send(obj: &JsValue) -> Read<Request> {
    object(obj, "request")?;
    Ok(Request::PostalCodeSend {
        from: string(obj, "from")?,
        message: string(obj, "message")?,
        target: postal_target(obj)?,
    })
}

/// `postalCodeCount`.
pub fn postal_code_count(obj: &JsValue) -> Read<Request> {
    object(obj, "request")?;
    Ok(Request::PostalCodeCount(postal_target(obj)?))
}

/// `bookSend`.
pub fn book_send(obj: &JsValue) -> Read<Request> {
    object(obj, "request")?;
    Ok(Request::BookSend(BookSendRequest {
        from: string(obj, "from")?,
        message: string(obj, "message")?,
        book_id: id_value(&get(obj, "bookId"), "bookId")?,
    }))
}

/// `jobsSend`.
pub fn jobs_send(obj: &JsValue) -> Read<Request> {
    object(obj, "request")?;
    Ok(Request::JobsSend(JobsSendRequest {
        from: string(obj, "from")?,
        message: string(obj, "message")?,
        job_id: number(obj, "jobId")?,
        trend_ids: number_list(obj, "trendIds")?,
    }))
}

/// `jobsCount`.
pub fn jobs_count(obj: &JsValue) -> Read<Request> {
    object(obj, "request")?;
    Ok(Request::JobsCount { trend_ids: number_list(obj, "trendIds")? })
}

/// `newUser`.
pub fn new_user(obj: &JsValue) -> Read<Request> {
    object(obj, "request")?;
    Ok(Request::NewUser(NewUserRequest {
        username: string(obj, "username")?,
        password: string(obj, "password")?,
        name: string(obj, "name")?,
        company: opt_string(obj, "company")?,
        national_id: string(obj, "nationalId")?,
        certificate_id: opt_string(obj, "certificateId")?,
        access_id: number(obj, "accessId")?,
        tel: opt_string(obj, "tel")?,
        mobile: string(obj, "mobile")?,
        postal_code: opt_string(obj, "postalCode")?,
        email: opt_string(obj, "email")?,
        address: opt_string(obj, "address")?,
    }))
}

/// The optional `signal` of a request object or options bag.
pub fn signal(obj: &JsValue) -> Read<Option<super::bindings::AbortSignal>> {
    let value = get(obj, "signal");
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if get(&value, "aborted").as_bool().is_none() {
        return Err(wrong_type("signal", "must be an AbortSignal", "باید AbortSignal باشد"));
    }
    Ok(Some(value.unchecked_into()))
}

/// An optional callback (`onProgress`, `onUpdate`).
pub fn opt_function(obj: &JsValue, field: &str) -> Read<Option<Function>> {
    let value = get(obj, field);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value
        .dyn_into::<Function>()
        .map(Some)
        .map_err(|_| wrong_type(field, "must be a function", "باید تابع باشد"))
}
