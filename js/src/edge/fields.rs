//! An Edge request object's fields, read one by one through the same catching readers as the
//! main entry's (`crate::args`), with the path of a nested object in their names
//! (`params[0].postalCode`), so an error names exactly the field to fix.

use js_sys::Function;
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

use ippanel_wasm::edge::{Bank, Gender, OperatorId, Range, Slice};

use crate::args::{self, bad, is_nullish, list, text, whole, Fields, Read};
use crate::messages::*;
use crate::sys::{entries_or_throw, get, is_array};

/// The most entries a pattern's `values` or a phonebook's `options` may have.
const MAX_ENTRIES: u32 = 1_000;

/// One object of a request: the value and its path (empty for the request itself).
pub struct Obj {
    value: JsValue,
    path: String,
}

impl Obj {
    /// The request object `value`. One whose properties cannot be listed (a revoked `Proxy`, a
    /// throwing trap or getter) is refused as a whole, rather than read as if empty.
    pub fn request(value: &JsValue) -> Read<Obj> {
        Fields::of_request(value)?;
        if entries_or_throw(value).is_err() {
            return bad("request", NOT_READABLE);
        }
        Ok(Obj {
            value: value.clone(),
            path: String::new(),
        })
    }

    /// The request's `signal`.
    pub fn signal(&self) -> Read<Option<AbortSignal>> {
        Fields::of(&self.value).signal()
    }

    /// `field`'s name in errors: the path, a dot, the field.
    fn name(&self, field: &str) -> String {
        if self.path.is_empty() {
            String::from(field)
        } else {
            [self.path.as_str(), ".", field].concat()
        }
    }

    /// `field`'s value; `None` when it is absent (`undefined` or `null`).
    fn get(&self, field: &str) -> Option<JsValue> {
        Some(get(&self.value, field)).filter(|v| !is_nullish(v))
    }

    /// The error for `field`, which is required, being absent.
    pub fn missing<T>(&self, field: &str) -> Read<T> {
        bad(&self.name(field), REQUIRED)
    }

    /// A required string.
    pub fn text(&self, field: &str) -> Read<String> {
        self.opt_text(field)?
            .map_or_else(|| bad(&self.name(field), REQUIRED), Ok)
    }

    /// An optional string.
    pub fn opt_text(&self, field: &str) -> Read<Option<String>> {
        let Some(value) = self.get(field) else { return Ok(None) };
        let name = self.name(field);
        text(&value, &name)?.map_or_else(|| bad(&name, NOT_TEXT), |t| Ok(Some(t)))
    }

    /// One string or an array of strings (`to`); `required` says whether it may be absent.
    pub fn recipients(&self, field: &str, required: bool) -> Read<Vec<String>> {
        let name = self.name(field);
        let Some(value) = self.get(field) else {
            return if required { bad(&name, REQUIRED) } else { Ok(Vec::new()) };
        };
        if let Some(one) = text(&value, &name)? {
            return Ok(vec![one]);
        }
        if !is_array(&value) {
            return bad(&name, NOT_RECIPIENTS);
        }
        list(&value, &name, |item, name| {
            text(item, name)?.map_or_else(|| bad(name, NOT_TEXT), Ok)
        })
    }

    /// An optional id: digits or a whole number, as text.
    pub fn opt_id(&self, field: &str) -> Read<Option<String>> {
        self.get(field)
            .map(|value| args::id(&value, &self.name(field)))
            .transpose()
    }

    /// A required id.
    pub fn id(&self, field: &str) -> Read<String> {
        self.opt_id(field)?.map_or_else(|| bad(&self.name(field), REQUIRED), Ok)
    }

    /// An optional whole number: a number, or a string of digits.
    pub fn opt_whole(&self, field: &str) -> Read<Option<u64>> {
        let Some(value) = self.get(field) else { return Ok(None) };
        let name = self.name(field);
        if let Some(digits) = text(&value, &name)? {
            let digits = digits.trim();
            return match digits.parse::<u64>() {
                Ok(n) if digits.bytes().all(|b| b.is_ascii_digit()) && n <= 9_007_199_254_740_991 => Ok(Some(n)),
                _ => bad(&name, NOT_WHOLE),
            };
        }
        whole(&value, &name).map(Some)
    }

    /// A required whole number.
    pub fn whole(&self, field: &str) -> Read<u64> {
        self.opt_whole(field)?
            .map_or_else(|| bad(&self.name(field), REQUIRED), Ok)
    }

    /// An optional small whole number (an enumeration id, a year, a page).
    pub fn opt_small(&self, field: &str) -> Read<Option<u32>> {
        match self.opt_whole(field)? {
            None => Ok(None),
            Some(n) => u32::try_from(n)
                .map(Some)
                .or_else(|_| bad(&self.name(field), NOT_SMALL)),
        }
    }

    /// A required small whole number.
    pub fn small(&self, field: &str) -> Read<u32> {
        self.opt_small(field)?
            .map_or_else(|| bad(&self.name(field), REQUIRED), Ok)
    }

    /// An optional boolean.
    pub fn opt_bool(&self, field: &str) -> Read<Option<bool>> {
        let Some(value) = self.get(field) else { return Ok(None) };
        value
            .as_bool()
            .map_or_else(|| bad(&self.name(field), NOT_BOOL), |b| Ok(Some(b)))
    }

    /// An optional word of `words` (its index), e.g. `"active"`.
    pub fn word(&self, field: &str, words: &[&str], not: Text) -> Read<Option<usize>> {
        let Some(value) = self.get(field) else { return Ok(None) };
        let word = value.as_string();
        match words.iter().position(|w| word.as_deref() == Some(*w)) {
            Some(i) => Ok(Some(i)),
            None => bad(&self.name(field), not),
        }
    }

    /// `gender`: `"all"` (also when absent), `"male"` or `"female"`.
    pub fn gender(&self, field: &str) -> Read<Gender> {
        Ok(match self.word(field, &["all", "male", "female"], NOT_GENDER)? {
            Some(1) => Gender::Male,
            Some(2) => Gender::Female,
            _ => Gender::All,
        })
    }

    /// `bank`: `"all"` (also when absent) or `"white"`.
    pub fn bank(&self, field: &str) -> Read<Bank> {
        Ok(match self.word(field, &["all", "white"], NOT_WORD)? {
            Some(1) => Bank::White,
            _ => Bank::All,
        })
    }

    /// An operator: `1`, `2` or `13`, or `"mci"`, `"irancell"` or `"other"` (the JavaScript
    /// API's `OperatorId`; other ids are for Rust callers who know one the service added).
    pub fn opt_operator(&self, field: &str) -> Read<Option<OperatorId>> {
        let Some(value) = self.get(field) else { return Ok(None) };
        let word = value.as_string();
        let number = value.as_f64();
        Ok(Some(match (word.as_deref(), number) {
            (Some("mci"), _) | (_, Some(1.0)) => OperatorId::Mci,
            (Some("irancell"), _) | (_, Some(2.0)) => OperatorId::Irancell,
            (Some("other"), _) | (_, Some(13.0)) => OperatorId::Other,
            _ => return bad(&self.name(field), NOT_OPERATOR_ID),
        }))
    }

    /// A time: a `Date` as its ISO-8601 text (UTC), a string as given, a number (unix
    /// seconds) as its digits. An invalid `Date` is refused, not sent as "now".
    pub fn time(&self, field: &str) -> Read<Option<String>> {
        let Some(value) = self.get(field) else { return Ok(None) };
        let name = self.name(field);
        if let Some(text) = text(&value, &name)? {
            return Ok(Some(text));
        }
        if value.as_f64().is_some() {
            return whole(&value, &name).map(|n| Some(n.to_string()));
        }
        let Ok(to_iso) = get(&value, "toISOString").dyn_into::<Function>() else {
            return bad(&name, NOT_EDGE_TIME);
        };
        // An invalid Date throws (RangeError): caught here.
        match to_iso.call0(&value).ok().and_then(|v| v.as_string()) {
            Some(iso) => Ok(Some(iso)),
            None => bad(&name, BAD_DATE),
        }
    }

    /// A nested object, absent as `None`.
    pub fn opt_object(&self, field: &str) -> Read<Option<Obj>> {
        let Some(value) = self.get(field) else { return Ok(None) };
        let name = self.name(field);
        args::object(&value, &name)?;
        Ok(Some(Obj { value, path: name }))
    }

    /// A required nested object.
    pub fn object(&self, field: &str) -> Read<Obj> {
        self.opt_object(field)?
            .map_or_else(|| bad(&self.name(field), REQUIRED), Ok)
    }

    /// An array of objects, each read by `item`; absent is empty unless `required`.
    pub fn objects<T>(&self, field: &str, required: bool, item: impl Fn(&Obj) -> Read<T>) -> Read<Vec<T>> {
        let name = self.name(field);
        let Some(value) = self.get(field) else {
            return if required { bad(&name, REQUIRED) } else { Ok(Vec::new()) };
        };
        if !is_array(&value) {
            return bad(&name, NOT_LIST);
        }
        list(&value, &name, |value, name| {
            args::object(value, name)?;
            item(&Obj {
                value: value.clone(),
                path: String::from(name),
            })
        })
    }

    /// An array of ids (each digits or a whole number), as text.
    pub fn ids(&self, field: &str) -> Read<Vec<String>> {
        let name = self.name(field);
        let Some(value) = self.get(field) else {
            return bad(&name, REQUIRED);
        };
        if !is_array(&value) {
            return bad(&name, NOT_LIST);
        }
        list(&value, &name, args::id)
    }

    /// An object of strings, finite numbers and booleans (pattern `values`, phonebook
    /// `options`), each as the text the wire takes: numbers with the engine's own formatting.
    pub fn entries(&self, field: &str) -> Read<Vec<(String, String)>> {
        let Some(value) = self.get(field) else {
            return Ok(Vec::new());
        };
        let name = self.name(field);
        if !value.is_object() || is_array(&value) {
            return bad(&name, NOT_OBJECT);
        }
        let pairs = entries_or_throw(&value).or_else(|_| bad(&name, NOT_OBJECT))?;
        if pairs.length() > MAX_ENTRIES {
            return bad(&name, TOO_MANY_VALUES);
        }
        let mut out = Vec::with_capacity(pairs.length() as usize);
        for entry in pairs.iter() {
            let pair: js_sys::Array = entry.unchecked_into();
            let key = text(&pair.get(0), &name)?.unwrap_or_default();
            let item_name = [name.as_str(), ".", key.as_str()].concat();
            let item = pair.get(1);
            let text = if let Some(text) = text(&item, &item_name)? {
                text
            } else if let Some(b) = item.as_bool() {
                String::from(if b { "true" } else { "false" })
            } else if let Some(n) = item.as_f64().filter(|n| n.is_finite()) {
                let shortest = js_sys::Number::from(n)
                    .to_string_with_radix(10)
                    .map(String::from)
                    .unwrap_or_default();
                crate::decimal::plain(&shortest)
            } else {
                return bad(&item_name, NOT_EDGE_VALUE);
            };
            out.push((key, text));
        }
        Ok(out)
    }

    /// `{ start, size }`.
    pub fn range(&self) -> Read<Range> {
        Ok(Range {
            start: self.whole("start")?,
            size: self.whole("size")?,
        })
    }

    /// An optional `{ start, size }` field.
    pub fn opt_range(&self, field: &str) -> Read<Option<Range>> {
        self.opt_object(field)?.map(|o| o.range()).transpose()
    }

    /// `operator: Slice[]`.
    pub fn slices(&self, field: &str) -> Read<Vec<Slice>> {
        self.objects(field, false, |o| {
            Ok(Slice {
                id: o.opt_operator("id")?.map_or_else(|| bad(&o.name("id"), REQUIRED), Ok)?,
                start: o.whole("start")?,
                size: o.whole("size")?,
            })
        })
    }
}
