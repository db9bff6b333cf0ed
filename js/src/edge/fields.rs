//! An Edge request object's fields, read one by one through the same catching readers as the
//! main entry's (`crate::args`), with the path of a nested object in their names
//! (`params[0].postalCode`), so an error names exactly the field to fix.
//!
//! A read that fails records its error and gives a default value; the request's reader goes on
//! and [`Obj::finish`] reports the first error. Returning early from the middle of a struct
//! literal instead would compile a cleanup path for every field already read, in every reader.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Function;
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

use ippanel_wasm::edge::{Bank, Gender, OperatorId, Range, Slice};

use crate::args::{self, bad, is_nullish, list, text, whole, Fields, Read};
use crate::error::BadArgument;
use crate::messages::*;
use crate::sys::{entries_or_throw, get, is_array};

/// One object of a request: the value, its path (empty for the request itself), and where the
/// first error of the whole request is kept.
pub struct Obj {
    value: JsValue,
    path: String,
    error: Rc<RefCell<Option<BadArgument>>>,
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
            error: Rc::default(),
        })
    }

    /// The first error any read of the request recorded, or `Ok`.
    pub fn finish(&self) -> Read<()> {
        match self.error.borrow_mut().take() {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    /// Whether a read has failed already (later reads are skipped).
    fn failed(&self) -> bool {
        self.error.borrow().is_some()
    }

    /// `read`'s value, or `T::default()` with its error recorded (the first one is kept).
    fn keep<T: Default>(&self, read: Read<T>) -> T {
        match read {
            Ok(value) => value,
            Err(error) => {
                let mut slot = self.error.borrow_mut();
                if slot.is_none() {
                    *slot = Some(error);
                }
                T::default()
            }
        }
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

    /// `field`'s value; `None` when it is absent (`undefined` or `null`) or a read failed.
    fn get(&self, field: &str) -> Option<JsValue> {
        if self.failed() {
            return None;
        }
        Some(get(&self.value, field)).filter(|v| !is_nullish(v))
    }

    /// Records that `field`, which is required, is absent; `fallback` stands in for it.
    pub fn missing<T>(&self, field: &str, fallback: T) -> T {
        if !self.failed() {
            *self.error.borrow_mut() = Some(BadArgument::new(&self.name(field), REQUIRED.0, REQUIRED.1));
        }
        fallback
    }

    fn required<T: Default>(&self, field: &str, value: Option<T>) -> T {
        match value {
            Some(value) => value,
            None => self.missing(field, T::default()),
        }
    }

    /// A required string.
    pub fn text(&self, field: &str) -> String {
        let value = self.opt_text(field);
        self.required(field, value)
    }

    /// An optional string.
    pub fn opt_text(&self, field: &str) -> Option<String> {
        let value = self.get(field)?;
        let name = self.name(field);
        self.keep(text(&value, &name).and_then(|t| t.map_or_else(|| bad(&name, NOT_TEXT), |t| Ok(Some(t)))))
    }

    /// One string or an array of strings (`to`); `required` says whether it may be absent.
    pub fn recipients(&self, field: &str, required: bool) -> Vec<String> {
        let Some(value) = self.get(field) else {
            return if required && !self.failed() {
                self.missing(field, Vec::new())
            } else {
                Vec::new()
            };
        };
        self.keep(args::recipients(&value, &self.name(field)))
    }

    /// An optional id: digits or a whole number, as text.
    pub fn opt_id(&self, field: &str) -> Option<String> {
        let value = self.get(field)?;
        self.keep(args::id(&value, &self.name(field)).map(Some))
    }

    /// A required id.
    pub fn id(&self, field: &str) -> String {
        let value = self.opt_id(field);
        self.required(field, value)
    }

    /// An optional whole number: a number, or a string of digits.
    pub fn opt_whole(&self, field: &str) -> Option<u64> {
        let value = self.get(field)?;
        self.keep(args::whole_or_digits(&value, &self.name(field)).map(Some))
    }

    /// A required whole number.
    pub fn whole(&self, field: &str) -> u64 {
        let value = self.opt_whole(field);
        self.required(field, value)
    }

    /// An optional small whole number (an enumeration id, a year, a page).
    pub fn opt_small(&self, field: &str) -> Option<u32> {
        let n = self.opt_whole(field)?;
        self.keep(
            u32::try_from(n)
                .map(Some)
                .or_else(|_| bad(&self.name(field), NOT_SMALL)),
        )
    }

    /// A required small whole number.
    pub fn small(&self, field: &str) -> u32 {
        let value = self.opt_small(field);
        self.required(field, value)
    }

    /// An optional boolean.
    pub fn opt_bool(&self, field: &str) -> Option<bool> {
        let value = self.get(field)?;
        self.keep(
            value
                .as_bool()
                .map_or_else(|| bad(&self.name(field), NOT_BOOL), |b| Ok(Some(b))),
        )
    }

    /// An optional word of `words` (its index), e.g. `"active"`.
    pub fn word(&self, field: &str, words: &[&str], not: Text) -> Option<usize> {
        let value = self.get(field)?;
        let word = value.as_string();
        match words.iter().position(|w| word.as_deref() == Some(*w)) {
            Some(i) => Some(i),
            None => self.keep(bad(&self.name(field), not)),
        }
    }

    /// `gender`: `"all"` (also when absent), `"male"` or `"female"`.
    pub fn gender(&self, field: &str) -> Gender {
        match self.word(field, &["all", "male", "female"], NOT_GENDER) {
            Some(1) => Gender::Male,
            Some(2) => Gender::Female,
            _ => Gender::All,
        }
    }

    /// `bank`: `"all"` (also when absent) or `"white"`.
    pub fn bank(&self, field: &str) -> Bank {
        match self.word(field, &["all", "white"], NOT_WORD) {
            Some(1) => Bank::White,
            _ => Bank::All,
        }
    }

    /// An operator: `1`, `2` or `13`, or `"mci"`, `"irancell"` or `"other"` (the JavaScript
    /// API's `OperatorId`; other ids are for Rust callers who know one the service added).
    pub fn opt_operator(&self, field: &str) -> Option<OperatorId> {
        let value = self.get(field)?;
        let word = value.as_string();
        let number = value.as_f64();
        Some(match (word.as_deref(), number) {
            (Some("mci"), _) | (_, Some(1.0)) => OperatorId::Mci,
            (Some("irancell"), _) | (_, Some(2.0)) => OperatorId::Irancell,
            (Some("other"), _) | (_, Some(13.0)) => OperatorId::Other,
            _ => return self.keep(bad(&self.name(field), NOT_OPERATOR_ID)),
        })
    }

    /// A time: a `Date` as its ISO-8601 text (UTC), a string as given, a number (unix
    /// seconds) as its digits. An invalid `Date` is refused, not sent as "now".
    pub fn time(&self, field: &str) -> Option<String> {
        let value = self.get(field)?;
        let name = self.name(field);
        let read = (|| {
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
        })();
        self.keep(read)
    }

    /// A nested object, absent as `None`.
    pub fn opt_object(&self, field: &str) -> Option<Obj> {
        let value = self.get(field)?;
        let name = self.name(field);
        match args::object(&value, &name) {
            Ok(()) => Some(self.child(value, name)),
            Err(error) => self.keep(Err(error)),
        }
    }

    /// A required nested object (a stand-in that reads as empty when it is absent).
    pub fn object(&self, field: &str) -> Obj {
        match self.opt_object(field) {
            Some(obj) => obj,
            None => {
                let name = self.name(field);
                self.missing(field, self.child(JsValue::UNDEFINED, name))
            }
        }
    }

    fn child(&self, value: JsValue, path: String) -> Obj {
        Obj {
            value,
            path,
            error: Rc::clone(&self.error),
        }
    }

    /// An array of objects, each read by `item`; absent is empty unless `required`.
    pub fn objects<T>(&self, field: &str, required: bool, item: impl Fn(&Obj) -> T) -> Vec<T> {
        let name = self.name(field);
        let Some(value) = self.get(field) else {
            return if required && !self.failed() {
                self.missing(field, Vec::new())
            } else {
                Vec::new()
            };
        };
        if !is_array(&value) {
            return self.keep(bad(&name, NOT_LIST));
        }
        let read = list(&value, &name, |value, name| {
            args::object(value, name)?;
            let out = item(&self.child(value.clone(), String::from(name)));
            // Stop at the first item that failed: its error is recorded already.
            if self.failed() {
                return bad(name, REQUIRED);
            }
            Ok(out)
        });
        match read {
            Ok(items) => items,
            Err(error) => {
                self.keep::<()>(Err(error));
                Vec::new()
            }
        }
    }

    /// An array of ids (each digits or a whole number), as text.
    pub fn ids(&self, field: &str) -> Vec<String> {
        let name = self.name(field);
        let Some(value) = self.get(field) else {
            return self.missing(field, Vec::new());
        };
        if !is_array(&value) {
            return self.keep(bad(&name, NOT_LIST));
        }
        self.keep(list(&value, &name, args::id))
    }

    /// An object of strings, finite numbers and booleans (pattern `values`, phonebook
    /// `options`), each as the text the wire takes: numbers in plain decimal.
    pub fn entries(&self, field: &str) -> Vec<(String, String)> {
        let Some(value) = self.get(field) else {
            return Vec::new();
        };
        let read = args::entries(&value, &self.name(field), |item, name| {
            if let Some(text) = text(item, name)? {
                Ok(text)
            } else if let Some(b) = item.as_bool() {
                Ok(String::from(if b { "true" } else { "false" }))
            } else if let Some(n) = item.as_f64().filter(|n| n.is_finite()) {
                Ok(crate::decimal::plain(&args::number_text(n)))
            } else {
                bad(name, NOT_EDGE_VALUE)
            }
        });
        self.keep(read)
    }

    /// `{ start, size }`.
    pub fn range(&self) -> Range {
        Range {
            start: self.whole("start"),
            size: self.whole("size"),
        }
    }

    /// An optional `{ start, size }` field.
    pub fn opt_range(&self, field: &str) -> Option<Range> {
        self.opt_object(field).map(|o| o.range())
    }

    /// `operator: Slice[]`.
    pub fn slices(&self, field: &str) -> Vec<Slice> {
        self.objects(field, false, |o| Slice {
            id: match o.opt_operator("id") {
                Some(id) => id,
                None => o.missing("id", OperatorId::Mci),
            },
            start: o.whole("start"),
            size: o.whole("size"),
        })
    }
}
