//! Serde helpers for request fields that callers give in more than one form: one recipient or
//! a list, an id as digits or a number, pattern values as text or numbers.
//!
//! They serve Rust callers that deserialize requests (from JSON, say); the JS layer checks each
//! field's kind before these run, so its errors name the field in English and Persian.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};

use super::num::{f64_to_u64, u64_text};

/// `to`: one string, or a list of strings.
pub fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    struct OneOrMany;
    impl<'de> Visitor<'de> for OneOrMany {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a string or an array of strings")
        }
        fn visit_str<E: de::Error>(self, s: &str) -> Result<Vec<String>, E> {
            Ok(vec![String::from(s)])
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<String>, A::Error> {
            let mut out = Vec::new();
            while let Some(item) = seq.next_element::<String>()? {
                out.push(item);
            }
            Ok(out)
        }
    }
    d.deserialize_any(OneOrMany)
}

/// An id given as digits or as a whole number, kept as text.
pub fn id_text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    struct IdText;
    impl Visitor<'_> for IdText {
        type Value = String;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a string or a number")
        }
        fn visit_str<E: de::Error>(self, s: &str) -> Result<String, E> {
            Ok(String::from(s))
        }
        fn visit_u64<E: de::Error>(self, n: u64) -> Result<String, E> {
            Ok(u64_text(n))
        }
        fn visit_i64<E: de::Error>(self, n: i64) -> Result<String, E> {
            u64::try_from(n)
                .map(u64_text)
                .map_err(|_| E::custom("must be a whole number, 0 or more"))
        }
        fn visit_f64<E: de::Error>(self, n: f64) -> Result<String, E> {
            f64_to_u64(n)
                .map(u64_text)
                .ok_or_else(|| E::custom("must be a whole number, 0 or more"))
        }
    }
    d.deserialize_any(IdText)
}

struct Whole;

impl Visitor<'_> for Whole {
    type Value = u64;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a whole number, 0 or more")
    }
    fn visit_u64<E: de::Error>(self, n: u64) -> Result<u64, E> {
        Ok(n)
    }
    fn visit_i64<E: de::Error>(self, n: i64) -> Result<u64, E> {
        u64::try_from(n).map_err(|_| E::custom("must be a whole number, 0 or more"))
    }
    fn visit_f64<E: de::Error>(self, n: f64) -> Result<u64, E> {
        f64_to_u64(n).ok_or_else(|| E::custom("must be a whole number, 0 or more"))
    }
}

/// A whole number given as a number (JS has no integers: `3.0` is fine, `3.5` is not).
pub fn whole<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    d.deserialize_any(Whole)
}

/// An optional whole number (`null` and `undefined` mean absent).
pub fn opt_whole<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    struct OptWhole;
    impl<'de> Visitor<'de> for OptWhole {
        type Value = Option<u64>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a whole number, 0 or more")
        }
        fn visit_none<E: de::Error>(self) -> Result<Option<u64>, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Option<u64>, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<u64>, D::Error> {
            whole(d).map(Some)
        }
    }
    d.deserialize_option(OptWhole)
}

/// A list of whole numbers.
pub fn whole_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u64>, D::Error> {
    struct Item(u64);
    impl<'de> serde::Deserialize<'de> for Item {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Item, D::Error> {
            d.deserialize_any(Whole).map(Item)
        }
    }
    struct WholeList;
    impl<'de> Visitor<'de> for WholeList {
        type Value = Vec<u64>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an array of whole numbers")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u64>, A::Error> {
            let mut out = Vec::new();
            while let Some(Item(n)) = seq.next_element()? {
                out.push(n);
            }
            Ok(out)
        }
    }
    d.deserialize_seq(WholeList)
}

/// A pattern value's number as text: whole numbers as digits (as JS prints them), others the
/// shortest text that reads back as the same number, as JS does below 1e21; `None` for NaN and
/// the infinities.
pub fn number_text(n: f64) -> Option<String> {
    match super::num::f64_to_i64(n) {
        Some(i) => Some(super::num::i64_text(i)),
        None if n.is_finite() => {
            let mut text = String::new();
            let _ = fmt::Write::write_fmt(&mut text, format_args!("{n}"));
            Some(text)
        }
        None => None,
    }
}

/// Pattern values: an object whose values are strings or numbers, kept in order as text.
pub mod string_values {
    use super::*;

    /// As an object of strings.
    pub fn serialize<S: Serializer>(values: &[(String, String)], s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(values.len()))?;
        for (k, v) in values {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }

    /// From an object of strings or numbers (numbers written as JS writes them).
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(String, String)>, D::Error> {
        struct Text(String);
        impl<'de> serde::Deserialize<'de> for Text {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
                struct V;
                impl Visitor<'_> for V {
                    type Value = Text;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str("a string or a number")
                    }
                    fn visit_str<E: de::Error>(self, s: &str) -> Result<Text, E> {
                        Ok(Text(String::from(s)))
                    }
                    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Text, E> {
                        Ok(Text(u64_text(n)))
                    }
                    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Text, E> {
                        Ok(Text(super::super::num::i64_text(n)))
                    }
                    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Text, E> {
                        number_text(n)
                            .map(Text)
                            .ok_or_else(|| E::custom("must be an object of strings or numbers"))
                    }
                }
                d.deserialize_any(V)
            }
        }
        struct Values;
        impl<'de> Visitor<'de> for Values {
            type Value = Vec<(String, String)>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of strings or numbers")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some((k, Text(v))) = map.next_entry::<String, Text>()? {
                    out.push((k, v));
                }
                Ok(out)
            }
        }
        d.deserialize_map(Values)
    }
}
