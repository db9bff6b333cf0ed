//! An Edge call's arguments: its request object read into the Rust request type (field by
//! field, by [`super::requests`], through [`Obj`]), ids, and trailing options bags.

use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

use super::fields::Obj;
use crate::args::{self, bad, Read};
use crate::messages::{NOT_SMALL, REQUIRED};

/// The request object `value` read by `read`, and its `signal`. `undefined` or `null` is the
/// default request where the method's request is optional.
pub fn request<T: Default>(value: &JsValue, optional: bool, read: fn(&Obj) -> T) -> Read<(T, Option<AbortSignal>)> {
    if args::is_nullish(value) {
        return if optional {
            Ok((T::default(), None))
        } else {
            bad("request", REQUIRED)
        };
    }
    let object = Obj::request(value)?;
    let request = read(&object);
    object.finish()?;
    Ok((request, object.signal()?))
}

/// The trailing options bag of a method taking none or only an id: its `signal`.
pub fn options(opts: &JsValue) -> Read<Option<AbortSignal>> {
    args::options_signal(opts)
}

/// An enumeration id given directly (`counties(provinceId)`): a number or digits.
pub fn small(value: &JsValue, field: &str) -> Read<u32> {
    if args::is_nullish(value) {
        return bad(field, REQUIRED);
    }
    let n = args::whole_or_digits(value, field)?;
    u32::try_from(n).or_else(|_| bad(field, NOT_SMALL))
}
