//! The abort guard of one attempt: its request aborted when the attempt ends, times out, or is
//! dropped, and when the caller's signal aborts.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

use super::sys::{self, TimedAbort};

/// Aborts the attempt's request when dropped: when the call's future is dropped, when the
/// attempt ends, and so after a timeout too. Its controller also aborts at the attempt's
/// timeout and when the caller's signal does.
pub struct AbortGuard {
    pub abort: TimedAbort,
    /// Set once the answer is read whole: there is nothing left to abort, and aborting would
    /// only cost the runtime an `AbortError` per call.
    pub finished: bool,
    /// With a caller's `fetch`: settles when the controller aborts. Every wait of the attempt
    /// races it, so a timeout or the caller's abort ends the attempt even when that `fetch` does
    /// not honour its signal. The runtime's own fetch does, and racing costs a tenth of a
    /// call's time, so it is not raced.
    aborted: Option<js_sys::Promise>,
}

impl Drop for AbortGuard {
    fn drop(&mut self) {
        if !self.finished {
            self.abort.controller.abort();
        }
    }
}

impl AbortGuard {
    pub fn new(timeout_ms: u32, caller: Option<&AbortSignal>, race: bool) -> Option<AbortGuard> {
        let abort = TimedAbort::start(Some(f64::from(timeout_ms)), caller)?;
        let signal = abort.signal();
        let aborted = race.then(|| {
            js_sys::Promise::new(&mut |resolve, _reject| {
                let _ = signal.add_event_listener_with_callback("abort", &resolve);
            })
        });
        Some(AbortGuard {
            abort,
            finished: false,
            aborted,
        })
    }

    /// `promise`'s outcome, or (with a caller's `fetch`) `Err(undefined)` as soon as the
    /// attempt is aborted.
    pub async fn settle(&self, promise: js_sys::Promise) -> Result<JsValue, JsValue> {
        let Some(aborted) = &self.aborted else {
            return JsFuture::from(promise).await;
        };
        let race = js_sys::Promise::race(&js_sys::Array::of2(&promise, aborted));
        let outcome = JsFuture::from(race).await;
        if self.abort.signal().aborted() {
            // The losing promise may still reject later; nobody is listening then.
            sys::quiet(&promise);
            return Err(JsValue::UNDEFINED);
        }
        outcome
    }
}
