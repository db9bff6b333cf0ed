//! Serde helpers for Edge request fields given in more than one form: numbers as numbers or
//! digits, operator ids as numbers or words, pattern values as strings, numbers or booleans,
//! times as unix seconds or text.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

use crate::core::num::{f64_to_u64, i64_text, is_ascii_digits, u64_text, MAX_SAFE_INTEGER};

const WHOLE: &str = "a whole number, 0 or more (a number or digits)";

/// A whole number from a number or a string of ASCII digits.
struct Whole;

impl Visitor<'_> for Whole {
    type Value = u64;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(WHOLE)
    }
    fn visit_u64<E: de::Error>(self, n: u64) -> Result<u64, E> {
        (n <= MAX_SAFE_INTEGER as u64)
            .then_some(n)
            .ok_or_else(|| E::custom(WHOLE))
    }
    fn visit_i64<E: de::Error>(self, n: i64) -> Result<u64, E> {
        u64::try_from(n)
            .map_err(|_| E::custom(WHOLE))
            .and_then(|n| self.visit_u64(n))
    }
    fn visit_f64<E: de::Error>(self, n: f64) -> Result<u64, E> {
        f64_to_u64(n).ok_or_else(|| E::custom(WHOLE))
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<u64, E> {
        let t = s.trim();
        if !is_ascii_digits(t) {
            return Err(E::custom(WHOLE));
        }
        t.parse::<u64>()
            .ok()
            .filter(|&n| n <= MAX_SAFE_INTEGER as u64)
            .ok_or_else(|| E::custom(WHOLE))
    }
}

/// A number field: a whole number, or digits.
pub fn whole<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    d.deserialize_any(Whole)
}

/// A small number field (an enumeration id, a year, a page).
pub fn small<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let n = d.deserialize_any(Whole)?;
    u32::try_from(n).map_err(|_| de::Error::custom("a whole number up to 4294967295"))
}

/// An optional number field; `null` and `undefined` mean absent.
pub fn opt_whole<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    Option::<Number>::deserialize(d).map(|n| n.map(|Number(n)| n))
}

/// An optional small number field.
pub fn opt_small<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    match opt_whole(d)? {
        None => Ok(None),
        Some(n) => u32::try_from(n)
            .map(Some)
            .map_err(|_| de::Error::custom("a whole number up to 4294967295")),
    }
}

/// `u64` in either form, for `Option`'s and lists' elements.
struct Number(u64);

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Number, D::Error> {
        d.deserialize_any(Whole).map(Number)
    }
}

/// An id as text: a string, or a whole number written as its digits.
struct IdText(String);

impl<'de> Deserialize<'de> for IdText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<IdText, D::Error> {
        crate::core::de::id_text(d).map(IdText)
    }
}

/// An optional id (`string | number`), kept as text.
pub fn opt_id<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Option::<IdText>::deserialize(d).map(|id| id.map(|IdText(s)| s))
}

/// Ids as text, each a string or a number.
pub fn id_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Vec::<IdText>::deserialize(d).map(|ids| ids.into_iter().map(|IdText(s)| s).collect())
}

/// An optional time: text as given, or unix seconds (a number) as digits.
pub fn opt_time<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    opt_id(d)
}

/// An optional list of recipients: one string or a list of them.
pub fn opt_one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    struct Many(Vec<String>);
    impl<'de> Deserialize<'de> for Many {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Many, D::Error> {
            crate::core::de::one_or_many(d).map(Many)
        }
    }
    Option::<Many>::deserialize(d).map(|m| m.map(|Many(v)| v).unwrap_or_default())
}

/// Pattern values: an object of strings, numbers or booleans, in order, each as the text the
/// wire takes (`true` → `"true"`, numbers in plain decimal).
pub fn values<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(String, String)>, D::Error> {
    struct Text(String);
    impl<'de> Deserialize<'de> for Text {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
            struct V;
            impl Visitor<'_> for V {
                type Value = Text;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("a string, a number or a boolean")
                }
                fn visit_bool<E: de::Error>(self, b: bool) -> Result<Text, E> {
                    Ok(Text(String::from(if b { "true" } else { "false" })))
                }
                fn visit_str<E: de::Error>(self, s: &str) -> Result<Text, E> {
                    Ok(Text(String::from(s)))
                }
                fn visit_u64<E: de::Error>(self, n: u64) -> Result<Text, E> {
                    Ok(Text(u64_text(n)))
                }
                fn visit_i64<E: de::Error>(self, n: i64) -> Result<Text, E> {
                    Ok(Text(i64_text(n)))
                }
                fn visit_f64<E: de::Error>(self, n: f64) -> Result<Text, E> {
                    crate::core::de::number_text(n)
                        .map(Text)
                        .ok_or_else(|| E::custom("a finite number"))
                }
            }
            d.deserialize_any(V)
        }
    }
    struct Values;
    impl<'de> Visitor<'de> for Values {
        type Value = Vec<(String, String)>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object of strings, numbers or booleans")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some((k, Text(v))) = map.next_entry::<String, Text>()? {
                out.push((k, v));
            }
            Ok(out)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
    }
    d.deserialize_any(Values)
}

/// A pattern phonebook's `options`: option id → value, in order.
pub fn options<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(String, String)>, D::Error> {
    values(d)
}

/// A field that may be absent, `undefined` or `null`: then its default.
pub fn or_default<'de, D: Deserializer<'de>, T: Deserialize<'de> + Default>(d: D) -> Result<T, D::Error> {
    Option::<T>::deserialize(d).map(Option::unwrap_or_default)
}
