//! The two calls that are loops over other calls: `send_bulk` (batches of `send`, a few at a
//! time) and `wait_for_delivery` (`delivery` until every recipient is final).

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use serde::Serialize;
use web_sys::AbortSignal;

use crate::core::bulk::plan_batches;
use crate::core::error::CoreError;
use crate::core::messages::{CONCURRENCY, TIME_IN_RANGE};
use crate::core::model::{DeliveryEntry, Sent};
use crate::core::ops::Op;
use crate::core::request::{Request, SendBulkRequest, SendRequest};
use crate::core::validate::send_time;
use crate::{Error, ErrorKind};

use super::sys::{TimedAbort, MAX_TIMER_MS};
use super::{sleep, Client};

const DEFAULT_CHUNK: u64 = 100;
const DEFAULT_CONCURRENCY: u64 = 4;
const MAX_CONCURRENCY: u64 = 64;

/// How far a [`Client::send_bulk_with`] has come, after each batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BulkProgress {
    /// Recipients whose batch has finished, sent or failed.
    pub done: usize,
    /// All recipients.
    pub total: usize,
}

/// One `send` of a bulk send: its recipients and how it went.
#[derive(Debug, Clone, PartialEq)]
pub struct BulkBatch {
    /// The batch's recipients, normalized (`+98…`).
    pub recipients: Vec<String>,
    /// The bulk id, when the batch was accepted.
    pub bulk_id: Option<String>,
    /// Why it failed, when it did.
    pub error: Option<Error>,
}

/// What [`Client::send_bulk`] did: every batch, and recipient counts.
#[derive(Debug, Clone, PartialEq)]
pub struct BulkReport {
    /// Every batch, in the order of the recipients.
    pub batches: Vec<BulkBatch>,
    /// Recipients in accepted batches.
    pub sent: usize,
    /// Recipients in failed batches.
    pub failed: usize,
}

/// How [`Client::wait_for_delivery`] polls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WaitOptions {
    /// Between polls, in milliseconds; 5,000 when `None`.
    pub interval_ms: Option<u32>,
    /// How long to poll at most, a poll in flight included; 600,000 (10 minutes) when `None`.
    /// Then the latest entries are returned as they are.
    pub timeout_ms: Option<u32>,
}

/// Polls every future until all are done, in one task: dropping it drops them all (and so
/// aborts their requests).
struct JoinAll<F: Future<Output = ()>> {
    futures: Vec<Option<Pin<Box<F>>>>,
}

impl<F: Future<Output = ()>> Future for JoinAll<F> {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut pending = false;
        for slot in self.futures.iter_mut() {
            if let Some(future) = slot {
                if future.as_mut().poll(cx).is_ready() {
                    *slot = None;
                } else {
                    pending = true;
                }
            }
        }
        if pending {
            Poll::Pending
        } else {
            Poll::Ready(())
        }
    }
}

fn input(field: &str, en: &str, fa: &str) -> CoreError {
    CoreError::input(field, en, fa)
}

impl Client {
    /// Sends one message to a long list of recipients in `send` calls of `chunk_size`
    /// recipients, `concurrency` at a time. A failed batch does not stop the others: it is
    /// reported in [`BulkReport::batches`], not returned as an error.
    ///
    /// # Errors
    /// Only for a bad request, before anything is sent: one invalid number (named `to[i]`),
    /// an empty list, a bad `chunk_size` or `concurrency`, or a bad sender, text or time.
    ///
    /// ```no_run
    /// # async fn run(client: ippanel_wasm::Client) -> Result<(), ippanel_wasm::Error> {
    /// use ippanel_wasm::SendBulkRequest;
    /// let report = client.send_bulk(SendBulkRequest {
    ///     from: "3000505".into(),
    ///     to: vec!["09121234567".into(), "09351234567".into()],
    ///     message: "Sale!".into(),
    ///     ..Default::default()
    /// }).await?;
    /// println!("{} sent, {} failed", report.sent, report.failed);
    /// # Ok(()) }
    /// ```
    pub async fn send_bulk(&self, request: SendBulkRequest) -> Result<BulkReport, Error> {
        self.send_bulk_with(request, |_| {}).await
    }

    /// [`Client::send_bulk`], calling `on_progress` after each batch.
    ///
    /// # Errors
    /// As [`Client::send_bulk`].
    pub async fn send_bulk_with(
        &self,
        request: SendBulkRequest,
        on_progress: impl FnMut(BulkProgress),
    ) -> Result<BulkReport, Error> {
        self.bulk(request, on_progress, self.signal.as_ref()).await
    }

    async fn bulk(
        &self,
        request: SendBulkRequest,
        on_progress: impl FnMut(BulkProgress),
        signal: Option<&AbortSignal>,
    ) -> Result<BulkReport, Error> {
        let fail = |e: CoreError| self.fail(Op::Send, e, false);
        let concurrency = request.concurrency.unwrap_or(DEFAULT_CONCURRENCY);
        if !(1..=MAX_CONCURRENCY).contains(&concurrency) {
            return Err(fail(input("concurrency", CONCURRENCY.0, CONCURRENCY.1)));
        }
        let batches = plan_batches(&request.to, request.chunk_size.unwrap_or(DEFAULT_CHUNK)).map_err(fail)?;
        let time = request.time.as_deref().map(send_time).transpose().map_err(fail)?;
        let send = |to: Vec<String>| {
            Request::Send(SendRequest {
                from: request.from.clone(),
                to,
                message: request.message.clone(),
                time: time.clone(),
            })
        };
        // Every batch shares the sender, text and time, so checking one checks them for all.
        if let Some(first) = batches.first() {
            self.check(&send(first.clone()))?;
        }
        let total = request.to.len();
        let results: RefCell<Vec<Option<Result<Sent, Error>>>> = RefCell::new(vec![None; batches.len()]);
        let next = Cell::new(0usize);
        let done = Cell::new(0usize);
        let on_progress = RefCell::new(on_progress);
        let worker = || async {
            loop {
                let index = next.get();
                let Some(batch) = batches.get(index) else { break };
                next.set(index + 1);
                let outcome = self.run::<Sent>(send(batch.clone()), signal).await;
                if let Some(slot) = results.borrow_mut().get_mut(index) {
                    *slot = Some(outcome);
                }
                done.set(done.get() + batch.len());
                if let Ok(mut observer) = on_progress.try_borrow_mut() {
                    observer(BulkProgress {
                        done: done.get(),
                        total,
                    });
                }
            }
        };
        let workers = usize::try_from(concurrency).unwrap_or(1).min(batches.len());
        JoinAll {
            futures: (0..workers).map(|_| Some(Box::pin(worker()))).collect(),
        }
        .await;

        let mut report = BulkReport {
            batches: Vec::with_capacity(batches.len()),
            sent: 0,
            failed: 0,
        };
        for (recipients, outcome) in batches.into_iter().zip(results.into_inner()) {
            let batch = match outcome {
                Some(Ok(sent)) => {
                    report.sent += recipients.len();
                    BulkBatch {
                        recipients,
                        bulk_id: Some(sent.bulk_id),
                        error: None,
                    }
                }
                Some(Err(error)) => {
                    report.failed += recipients.len();
                    BulkBatch {
                        recipients,
                        bulk_id: None,
                        error: Some(error),
                    }
                }
                None => {
                    report.failed += recipients.len();
                    let error = self.fail(Op::Send, CoreError::aborted(), false);
                    BulkBatch {
                        recipients,
                        bulk_id: None,
                        error: Some(error),
                    }
                }
            };
            report.batches.push(batch);
        }
        Ok(report)
    }

    /// Polls `delivery` every `interval_ms` until every recipient is in a final state
    /// (`delivered`, `failed`, `discarded`) or `timeout_ms` passes; then returns the latest
    /// entries. The time bounds the whole wait: a poll still in flight when it runs out is cut
    /// short.
    ///
    /// # Errors
    /// The first failing `delivery` call's error (each is retried as usual first), or a
    /// [`ErrorKind::Timeout`] error when no poll answered within `timeout_ms`.
    ///
    /// ```no_run
    /// # async fn run(client: ippanel_wasm::Client) -> Result<(), ippanel_wasm::Error> {
    /// use ippanel_wasm::WaitOptions;
    /// let entries = client.wait_for_delivery("10929800", WaitOptions::default()).await?;
    /// # Ok(()) }
    /// ```
    pub async fn wait_for_delivery(&self, bulk_id: &str, options: WaitOptions) -> Result<Vec<DeliveryEntry>, Error> {
        self.wait_for_delivery_with(bulk_id, options, |_| {}).await
    }

    /// [`Client::wait_for_delivery`], calling `on_update` with the entries after each poll.
    ///
    /// # Errors
    /// As [`Client::wait_for_delivery`].
    pub async fn wait_for_delivery_with(
        &self,
        bulk_id: &str,
        options: WaitOptions,
        on_update: impl FnMut(&[DeliveryEntry]),
    ) -> Result<Vec<DeliveryEntry>, Error> {
        let (interval, timeout) = options.times().map_err(|e| self.fail(Op::Delivery, e, false))?;
        self.wait(bulk_id, interval, timeout, on_update, self.signal.as_ref())
            .await
    }

    async fn wait(
        &self,
        bulk_id: &str,
        interval_ms: f64,
        timeout_ms: f64,
        mut on_update: impl FnMut(&[DeliveryEntry]),
        caller: Option<&AbortSignal>,
    ) -> Result<Vec<DeliveryEntry>, Error> {
        let request = || Request::Delivery {
            bulk_id: String::from(bulk_id),
        };
        self.check(&request())?;
        let aborted = || Err(self.fail(Op::Delivery, CoreError::aborted(), false));
        let deadline = Deadline::begin(timeout_ms, caller).map_err(|e| self.fail(Op::Delivery, e, false))?;
        let signal = deadline.signal();
        let mut latest: Option<Vec<DeliveryEntry>> = None;
        loop {
            let entries: Vec<DeliveryEntry> = match self.run(request(), Some(&signal)).await {
                Ok(entries) => entries,
                Err(_) if caller.is_some_and(AbortSignal::aborted) => return aborted(),
                Err(e) if e.kind() == ErrorKind::Aborted => {
                    // The time ran out during a poll: the entries of the one before, if any.
                    return latest
                        .ok_or_else(|| self.fail(Op::Delivery, CoreError::timeout(whole_ms(timeout_ms)), false));
                }
                Err(e) => return Err(e),
            };
            on_update(&entries);
            let left = deadline.left();
            if left <= 0.0 || (!entries.is_empty() && entries.iter().all(|e| e.status.is_final())) {
                return Ok(entries);
            }
            latest = Some(entries);
            if !sleep(interval_ms.min(left), Some(&signal)).await {
                if caller.is_some_and(AbortSignal::aborted) {
                    return aborted();
                }
                return Ok(latest.unwrap_or_default());
            }
        }
    }
}

/// `ms` as a whole number of milliseconds for an error message, saturating.
pub(super) fn whole_ms(ms: f64) -> u32 {
    ms.ceil().clamp(0.0, f64::from(u32::MAX)) as u32
}

/// The end of a `wait_for_delivery`: an abort signal that fires at the deadline or when the
/// caller's signal does.
pub(super) struct Deadline {
    abort: TimedAbort,
    at: f64,
}

impl WaitOptions {
    /// The interval and the timeout in milliseconds, or the `input` error of the one out of
    /// range. A timer holds at most `MAX_TIMER_MS` (setTimeout fires at once past it); the whole
    /// wait may be longer, as the checks between polls bound it.
    pub(super) fn times(self) -> Result<(f64, f64), CoreError> {
        let interval = f64::from(self.interval_ms.unwrap_or(5_000));
        let timeout = f64::from(self.timeout_ms.unwrap_or(600_000));
        let out_of_range = |field| Err(input(field, TIME_IN_RANGE.0, TIME_IN_RANGE.1));
        if interval <= 0.0 || interval > MAX_TIMER_MS {
            return out_of_range("intervalMs");
        }
        if timeout <= 0.0 {
            return out_of_range("timeoutMs");
        }
        Ok((interval, timeout))
    }
}

impl Deadline {
    /// One signal for the whole wait, aborted by the caller's or when the time is up, so a
    /// poll still in flight at the deadline is cut short rather than given its own timeout and
    /// retries on top of the wait's. The caller's abort when it has fired already.
    pub(super) fn begin(timeout_ms: f64, caller: Option<&AbortSignal>) -> Result<Deadline, CoreError> {
        if caller.is_some_and(AbortSignal::aborted) {
            return Err(CoreError::aborted());
        }
        Deadline::start(timeout_ms, caller).ok_or_else(|| CoreError::network("AbortController is not available"))
    }

    fn start(timeout_ms: f64, caller: Option<&AbortSignal>) -> Option<Deadline> {
        // Past what a timer can hold (24.8 days), only the checks between polls apply.
        let timer_ms = Some(timeout_ms).filter(|ms| *ms <= MAX_TIMER_MS);
        Some(Deadline {
            abort: TimedAbort::start(timer_ms, caller)?,
            at: js_sys::Date::now() + timeout_ms,
        })
    }

    pub(super) fn signal(&self) -> AbortSignal {
        self.abort.signal()
    }

    /// Milliseconds until the deadline; 0 or less once it has passed.
    pub(super) fn left(&self) -> f64 {
        self.at - js_sys::Date::now()
    }
}
