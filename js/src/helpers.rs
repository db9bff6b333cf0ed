//! The package's free functions, `normalizeMobile`, `smsParts` and `isFinalDelivery`, over the
//! Rust API's.

use wasm_bindgen::prelude::*;

use crate::{args, error, to_plain};

/// The one string argument of a helper (`field`), or the `IppanelError` of `op` saying it is
/// too long or not a string.
fn string_arg(value: &JsValue, field: &str, op: &'static str) -> Result<String, JsValue> {
    args::string(value, field).map_err(|e| e.to_js(op))
}

/// `normalizeMobile(input)`: any common Iranian mobile form → `"+989121234567"`.
/// Throws an `IppanelError` of kind `"input"` for anything that is not a mobile number.
#[wasm_bindgen(js_name = normalizeMobile)]
pub fn normalize_mobile(input: JsValue) -> Result<String, JsValue> {
    let text = string_arg(&input, "input", "normalizeMobile")?;
    ippanel_wasm::normalize_mobile(&text).map_err(|e| error::to_js(&e))
}

/// `isFinalDelivery(status)`: whether a delivery status word is final (`delivered`, `failed`,
/// `discarded`), as `waitForDelivery` decides; `false` for anything else.
#[wasm_bindgen(js_name = isFinalDelivery)]
pub fn is_final_delivery(status: JsValue) -> bool {
    status
        .as_string()
        .is_some_and(|word| ippanel_wasm::DeliveryStatus::from_word(&word).is_final())
}

/// `smsParts(text)`: encoding, length and number of SMS parts per GSM 03.38.
#[wasm_bindgen(js_name = smsParts)]
pub fn sms_parts(text: JsValue) -> Result<JsValue, JsValue> {
    let text = string_arg(&text, "text", "smsParts")?;
    Ok(to_plain(&ippanel_wasm::sms_parts(&text)))
}
