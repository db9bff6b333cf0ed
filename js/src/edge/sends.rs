//! The `EdgeClient` methods that send (each sending type), cancel a send or price one.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::{op, read, requests, JsEdgeClient};
use crate::args;
use crate::calls::reject;

#[wasm_bindgen(js_class = EdgeClient)]
impl JsEdgeClient {
    /// `send` (`webservice`). Resolves to `{ messageOutboxIds }`.
    pub fn send(&self, req: JsValue) -> Promise {
        self.request(
            op::SEND,
            &req,
            false,
            requests::send,
            |c, r| async move { c.send(r).await },
        )
    }

    /// `send` (`peer_to_peer`).
    #[wasm_bindgen(js_name = sendPeerToPeer)]
    pub fn send_peer_to_peer(&self, req: JsValue) -> Promise {
        self.request(
            op::SEND_PEER_TO_PEER,
            &req,
            false,
            requests::peer_to_peer,
            |c, r| async move { c.send_peer_to_peer(r).await },
        )
    }

    /// `send` (`pattern`).
    #[wasm_bindgen(js_name = sendPattern)]
    pub fn send_pattern(&self, req: JsValue) -> Promise {
        self.request(op::SEND_PATTERN, &req, false, requests::pattern, |c, r| async move {
            c.send_pattern(r).await
        })
    }

    /// `send` (`votp`).
    #[wasm_bindgen(js_name = sendVoiceOtp)]
    pub fn send_voice_otp(&self, req: JsValue) -> Promise {
        self.request(
            op::SEND_VOICE_OTP,
            &req,
            false,
            requests::voice_otp,
            |c, r| async move { c.send_voice_otp(r).await },
        )
    }

    /// `send` (`postal_code`).
    #[wasm_bindgen(js_name = sendPostalCode)]
    pub fn send_postal_code(&self, req: JsValue) -> Promise {
        self.request(
            op::SEND_POSTAL_CODE,
            &req,
            false,
            requests::postal_code,
            |c, r| async move { c.send_postal_code(r).await },
        )
    }

    /// `send` (`country`).
    #[wasm_bindgen(js_name = sendCountry)]
    pub fn send_country(&self, req: JsValue) -> Promise {
        self.request(op::SEND_COUNTRY, &req, false, requests::country, |c, r| async move {
            c.send_country(r).await
        })
    }

    /// `send` (`geolocation`).
    #[wasm_bindgen(js_name = sendGeolocation)]
    pub fn send_geolocation(&self, req: JsValue) -> Promise {
        self.request(
            op::SEND_GEOLOCATION,
            &req,
            false,
            requests::geolocation,
            |c, r| async move { c.send_geolocation(r).await },
        )
    }

    /// `send` (`job`).
    #[wasm_bindgen(js_name = sendJob)]
    pub fn send_job(&self, req: JsValue) -> Promise {
        self.request(op::SEND_JOB, &req, false, requests::job, |c, r| async move {
            c.send_job(r).await
        })
    }

    /// `send` (`phonebook`).
    #[wasm_bindgen(js_name = sendPhonebook)]
    pub fn send_phonebook(&self, req: JsValue) -> Promise {
        self.request(
            op::SEND_PHONEBOOK,
            &req,
            false,
            requests::phonebook,
            |c, r| async move { c.send_phonebook(r).await },
        )
    }

    /// `send` (`keyword_phonebook`).
    #[wasm_bindgen(js_name = sendKeywordPhonebook)]
    pub fn send_keyword_phonebook(&self, req: JsValue) -> Promise {
        self.request(
            op::SEND_KEYWORD_PHONEBOOK,
            &req,
            false,
            requests::keyword_phonebook,
            |c, r| async move { c.send_keyword_phonebook(r).await },
        )
    }

    /// `send/cancel`. Resolves to `undefined`.
    pub fn cancel(&self, outbox_id: JsValue, opts: JsValue) -> Promise {
        let read = args::id(&outbox_id, "outboxId").and_then(|id| Ok((id, read::options(&opts)?)));
        let (id, signal) = match read {
            Ok(read) => read,
            Err(error) => return reject(op::CANCEL, error),
        };
        let client = self.under(signal);
        wasm_bindgen_futures::future_to_promise(async move {
            match client.cancel(&id).await {
                Ok(()) => Ok(JsValue::UNDEFINED),
                Err(error) => Err(crate::error::to_js(&error)),
            }
        })
    }

    /// `send/calculate-price`. Resolves to `{ mciPrice, otherPrice, parts }`.
    #[wasm_bindgen(js_name = calculatePrice)]
    pub fn calculate_price(&self, req: JsValue) -> Promise {
        self.request(
            op::CALCULATE_PRICE,
            &req,
            false,
            requests::calculate_price,
            |c, r| async move { c.calculate_price(r).await },
        )
    }
}
