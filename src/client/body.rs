//! Reading an answer's body: the bytes under a 4 MiB cap (streamed and dropped once over it),
//! from a real `Response` or from whatever a caller's `fetch` answered, then strict UTF-8.

use gloo_net::http::Response;
use js_sys::Uint8Array;
use wasm_bindgen::{JsCast, JsValue};

use crate::core::error::{body_excerpt, CoreError, BODY_EXCERPT_BYTES};
use crate::core::response::undecodable;

use super::guard::AbortGuard;
use super::sys;
use super::transport::{Answer, MAX_BODY_BYTES};

/// The body as UTF-8 text, or the error for one that is too large or not UTF-8.
pub fn into_answer(status: u16, body: Vec<u8>) -> Result<Answer, CoreError> {
    if body.len() > MAX_BODY_BYTES {
        return Err(CoreError::too_large(status, &lossy_head(&body)));
    }
    match String::from_utf8(body) {
        Ok(text) => Ok(Answer { status, text }),
        Err(error) => Err(undecodable(status, &lossy_head(error.as_bytes()))),
    }
}

/// The beginning of a body that is refused, for the error: its first 2 KB, decoded lossily.
fn lossy_head(body: &[u8]) -> String {
    let cut = body.get(..BODY_EXCERPT_BYTES).unwrap_or(body);
    body_excerpt(&String::from_utf8_lossy(cut))
}

/// What a response says about itself. A real `Response` is read through gloo-net; anything
/// else a caller's `fetch` answered (a mock, another realm's object) through catching reads,
/// since gloo-net's `Headers::get` throws through the wasm on an object that is not `Headers`.
pub fn status_and_headers(raw: &web_sys::Response) -> (u16, Option<u64>, bool) {
    let (status, length, encoding) = if raw.is_instance_of::<web_sys::Response>() {
        let response = Response::from(Clone::clone(raw));
        let headers = response.headers();
        (
            response.status(),
            headers.get("content-length"),
            headers.get("content-encoding"),
        )
    } else {
        let headers = sys::get(raw, "headers");
        let header = |name: &str| sys::call1(&headers, "get", &JsValue::from_str(name)).and_then(|v| v.as_string());
        let status = sys::get(raw, "status")
            .as_f64()
            .filter(|s| (0.0..=999.0).contains(s))
            .unwrap_or(0.0);
        (status as u16, header("content-length"), header("content-encoding"))
    };
    let declared = length.and_then(|v| v.trim().parse::<u64>().ok());
    let plain = encoding.map_or(true, |e| e.trim().eq_ignore_ascii_case("identity"));
    (status, declared, plain)
}

/// At most what fits under the cap and one byte more of `bytes` (a JS view), appended to `out`:
/// a caller's `fetch` may hand over one huge chunk, which must not be copied whole.
fn append_capped(out: &mut Vec<u8>, bytes: &Uint8Array) {
    let room = (MAX_BODY_BYTES + 1).saturating_sub(out.len()) as u32;
    let take = bytes.length().min(room);
    let start = out.len();
    out.resize(start + take as usize, 0);
    if let Some(slot) = out.get_mut(start..) {
        bytes.subarray(0, take).copy_to(slot);
    }
}

/// A chunk or buffer as bytes: this realm's `Uint8Array`, an `ArrayBuffer`, or another realm's
/// typed array or buffer (read through a view of this realm); `None` for anything else.
fn as_bytes(value: &JsValue) -> Option<Uint8Array> {
    if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
        return Some(bytes.clone());
    }
    if value.is_instance_of::<js_sys::ArrayBuffer>() {
        return Some(Uint8Array::new(value));
    }
    let length = sys::get(value, "byteLength").as_f64()?;
    let buffer = sys::get(value, "buffer");
    let offset = sys::get(value, "byteOffset").as_f64().unwrap_or(0.0);
    if buffer.is_object() && length >= 0.0 {
        // A foreign view: a view of its buffer (buffers are shared across realms' views).
        Some(Uint8Array::new_with_byte_offset_and_length(
            &buffer,
            offset as u32,
            length as u32,
        ))
    } else {
        // A foreign ArrayBuffer.
        Some(Uint8Array::new(value))
    }
}

/// The body's bytes, or its first [`MAX_BODY_BYTES`] and at most one more chunk when it is
/// longer: an uncompressed body that declares a length within the cap is read whole (the fast
/// path every real answer takes); any other is streamed and dropped once over the cap, so a
/// runaway answer cannot fill memory. A compressed body is always streamed: its declared
/// length is the compressed one, and fetch hands over the bytes decompressed. Every call on the
/// body goes through a catching binding: a caller's `fetch` may answer a locked stream or a
/// Node stream, which must fail the call, not throw through the wasm.
pub async fn read_capped(
    raw: &web_sys::Response,
    declared: Option<u64>,
    plain: bool,
    guard: &AbortGuard,
) -> Result<Vec<u8>, JsValue> {
    let stream = sys::get(raw, "body");
    if stream.is_null() || stream.is_undefined() {
        return Ok(Vec::new());
    }
    let not_bytes = || JsValue::from_str("the response body is not a stream of bytes");
    let mut bytes: Vec<u8> = Vec::new();
    if plain && declared.is_some_and(|n| n <= MAX_BODY_BYTES as u64) {
        let pending = sys::call0(raw, "arrayBuffer").ok_or_else(not_bytes)?;
        let buffer = guard.settle(sys::promise_resolve(&pending)?).await?;
        append_capped(&mut bytes, &as_bytes(&buffer).ok_or_else(not_bytes)?);
        return Ok(bytes);
    }
    let reader = Reader::of(&stream).ok_or_else(not_bytes)?;
    loop {
        let chunk = match guard.settle(reader.read().ok_or_else(not_bytes)?).await {
            Ok(chunk) => chunk,
            Err(error) => {
                reader.cancel();
                return Err(error);
            }
        };
        if sys::get(&chunk, "done").is_truthy() {
            break;
        }
        let Some(part) = as_bytes(&sys::get(&chunk, "value")) else {
            reader.cancel();
            return Err(not_bytes());
        };
        append_capped(&mut bytes, &part);
        if bytes.len() > MAX_BODY_BYTES {
            // Tell the server to stop; what it says about that does not matter.
            reader.cancel();
            break;
        }
    }
    Ok(bytes)
}

/// The body's reader: web-sys's for a real, unlocked `ReadableStream`, whose methods do not
/// throw; catching calls for anything else a caller's `fetch` answered.
enum Reader {
    Web(web_sys::ReadableStreamDefaultReader),
    Foreign(JsValue),
}

impl Reader {
    fn of(stream: &JsValue) -> Option<Reader> {
        if let Some(stream) = stream.dyn_ref::<web_sys::ReadableStream>() {
            if stream.locked() {
                return None;
            }
            return Some(Reader::Web(stream.get_reader().unchecked_into()));
        }
        sys::call0(stream, "getReader").map(Reader::Foreign)
    }

    /// The next chunk's promise.
    fn read(&self) -> Option<js_sys::Promise> {
        match self {
            Reader::Web(reader) => Some(reader.read()),
            Reader::Foreign(reader) => sys::call0(reader, "read").and_then(|p| sys::promise_resolve(&p).ok()),
        }
    }

    /// Tells the source to stop; its answer does not matter.
    fn cancel(&self) {
        let done = match self {
            Reader::Web(reader) => Some(reader.cancel().into()),
            Reader::Foreign(reader) => sys::call0(reader, "cancel"),
        };
        if let Some(done) = done {
            sys::quiet(&done);
        }
    }
}
