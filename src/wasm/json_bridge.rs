//! Moves JSON between the JS engine and the core: `JSON.parse` on the way in, plain JS objects
//! on the way out. The engine's parser is used so that no JSON parser is compiled into the wasm.

use crate::core::json::{Json, ParseJson};
use js_sys::{Array, Object};
use wasm_bindgen::{JsCast, JsValue};

use super::bindings::set;

/// Nesting deeper than this is refused: converting it recursively could exhaust the wasm stack,
/// and no ippanel answer nests more than four levels.
const MAX_DEPTH: u32 = 32;

/// [`ParseJson`] over the JS engine's `JSON.parse`.
pub struct EngineJson;

impl ParseJson for EngineJson {
    fn parse_json(&self, text: &str) -> Option<Json> {
        let value = js_sys::JSON::parse(text).ok()?;
        from_js(&value, 0)
    }
}

fn from_js(value: &JsValue, depth: u32) -> Option<Json> {
    if depth > MAX_DEPTH {
        return None;
    }
    if value.is_null() || value.is_undefined() {
        return Some(Json::Null);
    }
    if let Some(b) = value.as_bool() {
        return Some(Json::Bool(b));
    }
    if let Some(n) = value.as_f64() {
        return Some(Json::Num(n));
    }
    if let Some(s) = value.as_string() {
        return Some(Json::Str(s));
    }
    if Array::is_array(value) {
        let array: &Array = value.unchecked_ref();
        let mut items = Vec::with_capacity(array.length() as usize);
        for item in array.iter() {
            items.push(from_js(&item, depth + 1)?);
        }
        return Some(Json::Arr(items));
    }
    let object: &Object = value.dyn_ref()?;
    let entries = Object::entries(object);
    let mut fields = Vec::with_capacity(entries.length() as usize);
    for entry in entries.iter() {
        let pair: Array = entry.unchecked_into();
        let key = pair.get(0).as_string()?;
        fields.push((key, from_js(&pair.get(1), depth + 1)?));
    }
    Some(Json::Obj(fields))
}

/// The JS value for a decoded result tree.
pub fn to_js(value: &Json) -> JsValue {
    match value {
        Json::Null => JsValue::NULL,
        Json::Bool(b) => JsValue::from_bool(*b),
        Json::Num(n) => JsValue::from_f64(*n),
        // The core checked the text is a plain decimal number; the engine converts it.
        Json::NumText(text) => JsValue::from_f64(js_sys::Number::parse_float(text)),
        Json::Str(s) => JsValue::from_str(s),
        Json::Arr(items) => items.iter().map(to_js).collect::<Array>().into(),
        Json::Obj(fields) => {
            let object = Object::new();
            for (key, item) in fields {
                set(&object, key, &to_js(item));
            }
            object.into()
        }
    }
}
