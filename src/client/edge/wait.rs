//! `wait_for_delivery`: every page of a send's recipients, polled until each is final, the
//! send will never deliver, or the time is up.

use web_sys::AbortSignal;

use crate::core::edge::encode::EdgeRequest;
use crate::core::edge::model::Recipient;
use crate::core::edge::ops::EdgeOp;
use crate::core::edge::request::RecipientsRequest;
use crate::core::error::CoreError;
use crate::{Error, ErrorKind, WaitOptions};

use super::super::bulk::{whole_ms, Deadline};
use super::super::sys::sleep;
use super::Client;

/// Recipients a poll reads per page.
const POLL_LIMIT: u32 = 100;

/// Outbox states after which a send with no recipient listed will never deliver: rejected,
/// invalid recipients, cancelled, insufficient credit, system error.
const DEAD_STATES: [u32; 5] = [3, 4, 7, 8, 9];

impl Client {
    /// Polls [`Client::recipients`] (every page) until every recipient is `delivered`,
    /// `failed` or `discarded`; or, while none is listed, until [`Client::bulk`] says the send
    /// will never deliver (rejected, cancelled, no credit, …); or until `timeout_ms` passes,
    /// then with the latest entries.
    ///
    /// # Errors
    /// `Input` for a bad id or options; `Timeout` when no poll answered in time; `Aborted`; the
    /// error of a failing poll (after its retries).
    ///
    /// ```no_run
    /// # async fn run(edge: ippanel_wasm::edge::Client) -> Result<(), ippanel_wasm::Error> {
    /// let entries = edge.wait_for_delivery("1123544244", Default::default()).await?;
    /// for entry in entries {
    ///     println!("{} {}", entry.recipient, entry.status.as_str());
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn wait_for_delivery(&self, outbox_id: &str, options: WaitOptions) -> Result<Vec<Recipient>, Error> {
        self.wait_for_delivery_with(outbox_id, options, |_| {}).await
    }

    /// [`Client::wait_for_delivery`], calling `on_update` with the entries after each poll.
    ///
    /// # Errors
    /// As [`Client::wait_for_delivery`].
    pub async fn wait_for_delivery_with(
        &self,
        outbox_id: &str,
        options: WaitOptions,
        mut on_update: impl FnMut(&[Recipient]),
    ) -> Result<Vec<Recipient>, Error> {
        let op = EdgeOp::Recipients;
        let (interval, timeout) = options.times().map_err(|e| self.fail(op, e, false))?;
        let poll = EdgeRequest::Recipients {
            outbox_id: String::from(outbox_id),
            page: RecipientsRequest {
                page: Some(1),
                limit: Some(POLL_LIMIT),
            },
        };
        self.check(&poll)?;
        let caller = self.signal.as_ref();
        let aborted = || Err(self.fail(op, CoreError::aborted(), false));
        let deadline = Deadline::begin(timeout, caller).map_err(|e| self.fail(op, e, false))?;
        let polling = self.with_signal(deadline.signal());
        let mut latest: Option<Vec<Recipient>> = None;
        loop {
            let entries = match polling.poll(outbox_id).await {
                Ok(entries) => entries,
                Err(_) if caller.is_some_and(AbortSignal::aborted) => return aborted(),
                Err(e) if e.kind() == ErrorKind::Aborted => {
                    // The time ran out during a poll: the entries of the one before, if any.
                    return latest.ok_or_else(|| self.fail(op, CoreError::timeout(whole_ms(timeout)), false));
                }
                Err(e) => return Err(e),
            };
            on_update(&entries);
            let left = deadline.left();
            let finished = match entries.is_empty() {
                false => entries.iter().all(|e| e.status.is_final()),
                true => match polling.bulk(outbox_id).await {
                    Ok(item) => item.state_id.is_some_and(|s| DEAD_STATES.contains(&s)),
                    Err(_) if caller.is_some_and(AbortSignal::aborted) => return aborted(),
                    Err(e) if e.kind() == ErrorKind::Aborted => return Ok(entries),
                    Err(e) => return Err(e),
                },
            };
            if finished || left <= 0.0 {
                return Ok(entries);
            }
            latest = Some(entries);
            if !sleep(interval.min(left), Some(&deadline.signal())).await {
                if caller.is_some_and(AbortSignal::aborted) {
                    return aborted();
                }
                return Ok(latest.unwrap_or_default());
            }
        }
    }

    /// One poll: every page of the recipients.
    async fn poll(&self, outbox_id: &str) -> Result<Vec<Recipient>, Error> {
        let request = RecipientsRequest {
            page: Some(1),
            limit: Some(POLL_LIMIT),
        };
        self.recipients_all(outbox_id, request).collect().await
    }
}
