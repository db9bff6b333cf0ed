//! [`Value`]: a JSON value the service sent that no result field maps, kept as it came.
//!
//! Result types keep the keys they do not know in [`Extra`] (camelCased), so no data the
//! service sent is dropped. Its `Deserialize` is a small visitor that works the same under
//! `serde_json` (native tests) and `serde-wasm-bindgen` (the engine's `JSON.parse` output), and
//! stops at a nesting depth where a deeper tree would overflow the wasm stack (a trap) instead.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// How deep a kept value may nest. Real answers nest two levels; the limit only has to stop a
/// hostile body before recursion exhausts the stack.
const MAX_DEPTH: u32 = 64;

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// A JSON value, objects in the order their keys came.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object.
    Object(Extra),
}

/// Object fields in the order they came, keys possibly repeated, as the service sent them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Extra(pub Vec<(String, Value)>);

impl Extra {
    /// Whether no field is kept.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first value under `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

impl Value {
    /// The text, when this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
}

/// Counts one level of nesting while it lives.
struct Nested;

impl Nested {
    fn enter<E: de::Error>() -> Result<Nested, E> {
        let depth = DEPTH.with(|d| {
            let next = d.get().saturating_add(1);
            d.set(next);
            next
        });
        let guard = Nested;
        if depth > MAX_DEPTH {
            return Err(E::custom("the answer nests too deeply"));
        }
        Ok(guard)
    }
}

impl Drop for Nested {
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Number(n as f64))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Number(n as f64))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
        Ok(Value::Number(n))
    }

    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(String::from(s)))
    }

    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let _depth = Nested::enter()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let _depth = Nested::enter()?;
        let mut fields = Vec::new();
        while let Some(entry) = map.next_entry::<String, Value>()? {
            fields.push(entry);
        }
        Ok(Value::Object(Extra(fields)))
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => s.serialize_unit(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Number(n) => s.serialize_f64(*n),
            Value::String(text) => s.serialize_str(text),
            Value::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Value::Object(fields) => fields.serialize(s),
        }
    }
}

/// Serialized as an object (a repeated key keeps its first value, as `JSON.parse` keeps the
/// last: neither can hold both). Flattened into a result, its keys sit beside the mapped ones.
impl Serialize for Extra {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Extra {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Extra, D::Error> {
        match Value::deserialize(d)? {
            Value::Object(fields) => Ok(fields),
            _ => Err(de::Error::custom("expected an object")),
        }
    }
}

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
                        super::num::write_u64(&mut path, *i as u64);
                        path.push(']');
                    }
                }
            }
        });
        (path, error)
    })
}
