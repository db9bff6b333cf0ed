//! [`ValueDeserializer`]: a [`Value`] read as any serde type, optionally keeping the path of
//! what it is reading, and [`from_value`] / `from_value_at` over it.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

use super::{Extra, Value};

/// Reads a [`Value`] as any serde type: the one deserializer every typed read of the core goes
/// through (answers in [`super::response`], JS requests in the JS layer), so each type's serde
/// code is compiled once, for it, rather than once per JSON source.
///
/// `P` says whether it keeps the path of what it is reading (`from_value_at`, for the Edge
/// client's requests): reading answers compiles none of that code.
pub struct ValueDeserializer<E, P = Untracked> {
    value: Value,
    marker: std::marker::PhantomData<(E, P)>,
}

/// Whether a [`ValueDeserializer`] keeps its path.
pub trait Track {
    /// It does.
    const ON: bool;
}

/// Reads without keeping the path ([`from_value`]).
pub struct Untracked;

/// Reads keeping the path (`from_value_at`).
#[cfg(feature = "edge")]
pub struct Tracked;

impl Track for Untracked {
    const ON: bool = false;
}

#[cfg(feature = "edge")]
impl Track for Tracked {
    const ON: bool = true;
}

impl<E, P> ValueDeserializer<E, P> {
    fn new(value: Value) -> Self {
        ValueDeserializer {
            value,
            marker: std::marker::PhantomData,
        }
    }
}

impl<'de, E: de::Error> de::IntoDeserializer<'de, E> for Value {
    type Deserializer = ValueDeserializer<E>;

    fn into_deserializer(self) -> ValueDeserializer<E> {
        ValueDeserializer::new(self)
    }
}

/// The largest integer a JS number holds exactly.
const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

impl<'de, E: de::Error, P: Track> Deserializer<'de> for ValueDeserializer<E, P> {
    type Error = E;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            // Whole numbers as integers (as serde-wasm-bindgen hands safe integers over), so
            // integer fields read them; others as floats.
            Value::Number(n) if n.fract() == 0.0 && n.abs() <= MAX_SAFE => visitor.visit_i64(n as i64),
            Value::Number(n) => visitor.visit_f64(n),
            Value::String(s) => visitor.visit_string(s),
            Value::Array(items) => visit_array::<_, _, P>(items, visitor),
            Value::Object(fields) => visit_object::<_, _, P>(fields, visitor),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, E> {
        match self.value {
            // Unit variants written as their name (`"mci"`).
            Value::String(s) => visitor.visit_enum(de::IntoDeserializer::<E>::into_deserializer(s)),
            other => ValueDeserializer::<E, P>::new(other).deserialize_any(visitor),
        }
    }

    // Each request and result type asks for what it is (a struct, a string, a list), and only
    // that visitor method is called: forwarding all of these to `deserialize_any` would compile
    // every visitor's every method (a struct's positional `visit_seq` among them) for nothing.

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, E> {
        self.deserialize_map(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        match self.value {
            Value::Object(fields) => visit_object::<_, _, P>(fields, visitor),
            other => Err(other.unexpected(&visitor)),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        match self.value {
            Value::Array(items) => visit_array::<_, _, P>(items, visitor),
            other => Err(other.unexpected(&visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        match self.value {
            Value::String(s) => visitor.visit_string(s),
            other => Err(other.unexpected(&visitor)),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        self.deserialize_string(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        self.deserialize_string(visitor)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        match self.value {
            Value::Bool(b) => visitor.visit_bool(b),
            other => Err(other.unexpected(&visitor)),
        }
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        match self.value {
            Value::Number(n) => visitor.visit_f64(n),
            other => Err(other.unexpected(&visitor)),
        }
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        match self.value {
            Value::Number(n) if n.fract() == 0.0 && (0.0..=MAX_SAFE).contains(&n) => visitor.visit_u64(n as u64),
            other => Err(other.unexpected(&visitor)),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        visitor.visit_unit()
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            other => Err(other.unexpected(&visitor)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _: &'static str, visitor: V) -> Result<V::Value, E> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u128 f32 char
        bytes byte_buf unit_struct tuple tuple_struct
    }
}

/// One step into a value, for `from_value_at`'s path (read only with the `edge` feature).
#[cfg_attr(not(feature = "edge"), allow(dead_code))]
enum Step {
    Key(String),
    Index(usize),
}

thread_local! {
    /// The steps from the value being read to the item being read. A step is taken off when
    /// its item has been read; an item that fails leaves its step on, so after a failed read
    /// the path names the innermost item that did not fit.
    static PATH: std::cell::RefCell<Vec<Step>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn step_in(step: Step) {
    PATH.with(|p| p.borrow_mut().push(step));
}

fn step_out() {
    PATH.with(|p| {
        p.borrow_mut().pop();
    });
}

/// An array's items, each read with its index on the path.
struct Items<E, P> {
    items: std::iter::Enumerate<std::vec::IntoIter<Value>>,
    marker: std::marker::PhantomData<(E, P)>,
}

impl<'de, E: de::Error, P: Track> SeqAccess<'de> for Items<E, P> {
    type Error = E;
    fn next_element_seed<T: de::DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, E> {
        let Some((i, item)) = self.items.next() else {
            return Ok(None);
        };
        if P::ON {
            step_in(Step::Index(i));
        }
        let out = seed.deserialize(ValueDeserializer::<E, P>::new(item))?;
        if P::ON {
            step_out();
        }
        Ok(Some(out))
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// An object's fields, each value read with its key on the path.
struct Entries<E, P> {
    fields: std::vec::IntoIter<(String, Value)>,
    value: Option<(String, Value)>,
    marker: std::marker::PhantomData<(E, P)>,
}

impl<'de, E: de::Error, P: Track> MapAccess<'de> for Entries<E, P> {
    type Error = E;
    fn next_key_seed<K: de::DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, E> {
        let Some((key, value)) = self.fields.next() else {
            return Ok(None);
        };
        let out = seed.deserialize(de::IntoDeserializer::<E>::into_deserializer(key.as_str()))?;
        self.value = Some((key, value));
        Ok(Some(out))
    }
    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, E> {
        let (key, value) = self.value.take().unwrap_or((String::new(), Value::Null));
        if P::ON {
            step_in(Step::Key(key));
        }
        let out = seed.deserialize(ValueDeserializer::<E, P>::new(value))?;
        if P::ON {
            step_out();
        }
        Ok(out)
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.fields.len())
    }
}

/// `visitor` over an array's items; an item it leaves unread is an error.
fn visit_array<'de, V: Visitor<'de>, E: de::Error, P: Track>(items: Vec<Value>, visitor: V) -> Result<V::Value, E> {
    let total = items.len();
    let mut seq = Items::<E, P> {
        items: items.into_iter().enumerate(),
        marker: std::marker::PhantomData,
    };
    let out = visitor.visit_seq(&mut seq)?;
    match seq.items.len() {
        0 => Ok(out),
        left => Err(E::invalid_length(total, &ReadFewer(total - left))),
    }
}

/// What a visitor that read only some items expected, for its error.
struct ReadFewer(usize);

impl de::Expected for ReadFewer {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("fewer items")?;
        let _ = self.0;
        Ok(())
    }
}

/// `visitor` over an object's fields.
fn visit_object<'de, V: Visitor<'de>, E: de::Error, P: Track>(fields: Extra, visitor: V) -> Result<V::Value, E> {
    visitor.visit_map(Entries::<E, P> {
        fields: fields.0.into_iter(),
        value: None,
        marker: std::marker::PhantomData,
    })
}

impl Value {
    /// The error for a value of the wrong kind, in serde's words.
    #[cold]
    fn unexpected<E: de::Error>(&self, expected: &dyn de::Expected) -> E {
        let unexpected = match self {
            Value::Null => de::Unexpected::Unit,
            Value::Bool(b) => de::Unexpected::Bool(*b),
            Value::Number(n) => de::Unexpected::Float(*n),
            Value::String(s) => de::Unexpected::Str(s),
            Value::Array(_) => de::Unexpected::Seq,
            Value::Object(_) => de::Unexpected::Map,
        };
        E::invalid_type(unexpected, expected)
    }
}

/// A `Value` read as a `T`; the error says what did not fit.
pub fn from_value<T: de::DeserializeOwned>(value: Value) -> Result<T, de::value::Error> {
    T::deserialize(ValueDeserializer::<de::value::Error>::new(value))
}

#[cfg(feature = "edge")]
/// [`from_value`], and on failure the path of the item that did not fit, written as in
/// JavaScript (`params[0].postalCode`; empty for the value itself).
pub fn from_value_at<T: de::DeserializeOwned>(value: Value) -> Result<T, (String, de::value::Error)> {
    PATH.with(|p| p.borrow_mut().clear());
    T::deserialize(ValueDeserializer::<de::value::Error, Tracked>::new(value)).map_err(|error| {
        let mut path = String::new();
        PATH.with(|p| {
            for step in p.borrow().iter() {
                match step {
                    Step::Key(key) => {
                        if !path.is_empty() {
                            path.push('.');
                        }
                        path.push_str(key);
                    }
                    Step::Index(i) => {
                        path.push('[');
                        crate::core::num::write_u64(&mut path, *i as u64);
                        path.push(']');
                    }
                }
            }
        });
        (path, error)
    })
}
