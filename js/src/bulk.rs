//! The two JS methods that are loops over other calls, `sendBulk` and `waitForDelivery`: their
//! arguments read, their observers called, their reports written back.

use ippanel_wasm::{BulkProgress, DeliveryEntry, SendBulkRequest};
use js_sys::{Function, Promise};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::args::{self, Fields};
use crate::calls::{answer, reject};
use crate::client::{op, JsClient};
use crate::error;
use crate::sys::notify;
use crate::to_plain;

/// `sendBulk`'s batches as JS sees them: `error` is the `IppanelError` itself.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Batch {
    recipients: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    bulk_id: Option<String>,
    #[serde(with = "serde_wasm_bindgen::preserve", skip_serializing_if = "JsValue::is_undefined")]
    error: JsValue,
}

#[derive(Serialize)]
struct Report {
    batches: Vec<Batch>,
    sent: usize,
    failed: usize,
}

#[wasm_bindgen(js_class = Client)]
impl JsClient {
    /// `sendBulk`: one message to a long list, in batches of `send`; resolves to
    /// `{ batches, sent, failed }`. Failed batches are reported, not thrown.
    #[wasm_bindgen(js_name = sendBulk)]
    pub fn send_bulk(&self, req: JsValue) -> Promise {
        let read = |f: &Fields| {
            let request = SendBulkRequest {
                from: f.text("from")?,
                to: f.recipients("to")?,
                message: f.text("message")?,
                time: f.time("time")?,
                chunk_size: f.opt_whole("chunkSize")?,
                concurrency: f.opt_whole("concurrency")?,
            };
            Ok((request, f.function("onProgress")?))
        };
        let run = |client: ippanel_wasm::Client, (request, on_progress): (SendBulkRequest, Option<Function>)| async move {
            let observe = |progress: BulkProgress| {
                if let Some(callback) = &on_progress {
                    notify(callback, &to_plain(&progress));
                }
            };
            let report = client.send_bulk_with(request, observe).await?;
            let batches = report.batches.into_iter().map(|b| Batch {
                recipients: b.recipients,
                bulk_id: b.bulk_id,
                error: b.error.as_ref().map_or(JsValue::UNDEFINED, error::to_js),
            });
            Ok(Report {
                batches: batches.collect(),
                sent: report.sent,
                failed: report.failed,
            })
        };
        self.request(op::SEND, &req, read, run)
    }

    /// `waitForDelivery`: polls `delivery` until every recipient is final or the time runs
    /// out; resolves to the latest entries.
    #[wasm_bindgen(js_name = waitForDelivery)]
    pub fn wait_for_delivery(&self, bulk_id: JsValue, opts: JsValue) -> Promise {
        let read = args::id(&bulk_id, "bulkId").and_then(|id| Ok((id, args::wait_options(&opts)?)));
        let (bulk_id, (options, on_update, signal)) = match read {
            Ok(read) => read,
            Err(error) => return reject(op::DELIVERY, error),
        };
        let client = self.under(signal);
        answer(async move {
            let observe = |entries: &[DeliveryEntry]| {
                if let Some(callback) = &on_update {
                    notify(callback, &to_plain(&entries));
                }
            };
            client.wait_for_delivery_with(&bulk_id, options, observe).await
        })
    }
}
