//! The JSON bodies the Edge client sends, written directly: objects in the order the vendor's
//! examples give their keys, no spaces, strings escaped as `JSON.stringify` escapes them.

use crate::core::num::{write_json_string, write_u64};

/// A JSON object or array under construction.
pub struct Json {
    out: String,
    /// Per open container: whether it has an entry yet.
    open: Vec<bool>,
}

impl Json {
    /// An object, open.
    pub fn object() -> Json {
        let mut out = String::with_capacity(256);
        out.push('{');
        Json { out, open: vec![false] }
    }

    fn comma(&mut self) {
        if let Some(has) = self.open.last_mut() {
            if *has {
                self.out.push(',');
            }
            *has = true;
        }
    }

    /// Starts the next entry: `"key":` in an object, nothing in an array (`key` is `None`).
    fn entry(&mut self, key: Option<&str>) -> &mut Json {
        self.comma();
        if let Some(key) = key {
            write_json_string(&mut self.out, key);
            self.out.push(':');
        }
        self
    }

    /// A string.
    pub fn str(&mut self, key: Option<&str>, value: &str) -> &mut Json {
        self.entry(key);
        write_json_string(&mut self.out, value);
        self
    }

    /// A whole number.
    pub fn int(&mut self, key: Option<&str>, value: u64) -> &mut Json {
        self.entry(key);
        write_u64(&mut self.out, value);
        self
    }

    /// Digits, already checked to be a JSON integer (no leading zeros).
    pub fn digits(&mut self, key: Option<&str>, digits: &str) -> &mut Json {
        self.entry(key);
        self.out.push_str(digits);
        self
    }

    /// `true` or `false`.
    pub fn bool(&mut self, key: Option<&str>, value: bool) -> &mut Json {
        self.entry(key);
        self.out.push_str(if value { "true" } else { "false" });
        self
    }

    /// Opens an object.
    pub fn begin_object(&mut self, key: Option<&str>) -> &mut Json {
        self.entry(key);
        self.out.push('{');
        self.open.push(false);
        self
    }

    /// Opens an array.
    pub fn begin_array(&mut self, key: Option<&str>) -> &mut Json {
        self.entry(key);
        self.out.push('[');
        self.open.push(false);
        self
    }

    /// Closes the innermost object.
    pub fn end_object(&mut self) -> &mut Json {
        self.open.pop();
        self.out.push('}');
        self
    }

    /// Closes the innermost array.
    pub fn end_array(&mut self) -> &mut Json {
        self.open.pop();
        self.out.push(']');
        self
    }

    /// An array of strings.
    pub fn strings(&mut self, key: Option<&str>, items: &[String]) -> &mut Json {
        self.begin_array(key);
        for item in items {
            self.str(None, item);
        }
        self.end_array()
    }

    /// The text, every container closed.
    pub fn finish(mut self) -> String {
        while self.open.pop().is_some() {
            self.out.push('}');
        }
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_nested_objects_compactly() {
        let mut j = Json::object();
        j.str(Some("a"), "س\"").int(Some("n"), 5);
        j.begin_array(Some("l")).int(None, 1).str(None, "x").end_array();
        j.begin_object(Some("o")).bool(Some("b"), false).end_object();
        j.strings(Some("e"), &[]);
        assert_eq!(j.finish(), r#"{"a":"س\"","n":5,"l":[1,"x"],"o":{"b":false},"e":[]}"#);
    }
}
