//! When to try again, how long to wait, and whether a failed send may still have gone out.

use super::error::{CoreError, ErrorKind};
use super::ops::Op;

/// First retry delay, before jitter.
const BASE_MS: u32 = 250;
/// Longest delay before jitter; with +20 % jitter a wait never exceeds 4.8 s.
const CAP_MS: u32 = 4_000;

/// What the retry rule needs to know of a call: whether repeating it is harmless. The legacy
/// ops and the Edge methods both answer it.
pub trait CallKind: Copy {
    /// Whether repeating the call is harmless.
    fn is_read_only(self) -> bool;
}

impl CallKind for Op {
    fn is_read_only(self) -> bool {
        Op::is_read_only(self)
    }
}

#[cfg(feature = "edge")]
impl CallKind for super::edge::ops::EdgeOp {
    fn is_read_only(self) -> bool {
        super::edge::ops::EdgeOp::is_read_only(self)
    }
}

fn status_is(err: &CoreError, range: std::ops::RangeInclusive<u16>) -> bool {
    err.status.is_some_and(|s| range.contains(&s))
}

/// The one retry rule: after `attempts` attempts of `op` (1 after the first), the last failing
/// with `err`, how many milliseconds to wait before the next one, or `None` to give up.
///
/// A read-only op gets `retries` more attempts after curable failures ([`should_retry`]);
/// every other op gets exactly one. `jitter` is a random number in `[0, 1)` ([`backoff_ms`]).
pub fn next_attempt<C: CallKind>(op: C, err: &CoreError, attempts: u32, retries: u32, jitter: f64) -> Option<u32> {
    let max_attempts = if op.is_read_only() {
        retries.saturating_add(1)
    } else {
        1
    };
    (attempts < max_attempts && should_retry(op, err)).then(|| backoff_ms(attempts, jitter))
}

/// Whether a failed attempt of `op` is worth repeating.
///
/// Only read-only ops are retried (repeating a send could text everyone twice), and only after
/// failures that another attempt can cure: no answer (network, timeout) or a 5xx from an
/// overloaded server or gateway. Answers that will not change (an error code, a bad login, a bad
/// input, a 4xx, a malformed 2xx) and the caller's own abort are final.
pub fn should_retry<C: CallKind>(op: C, err: &CoreError) -> bool {
    op.is_read_only()
        && match err.kind {
            ErrorKind::Network | ErrorKind::Timeout => true,
            ErrorKind::Http => status_is(err, 500..=599),
            _ => false,
        }
}

/// Milliseconds to wait before retry number `attempt` (1 for the first retry): 250 ms doubling
/// per attempt up to 4 s, scaled by 80 %..120 % with `jitter` (a random number in `[0, 1)`) so
/// that many clients failing together do not retry in lockstep. A `jitter` outside `[0, 1)`
/// (NaN included) counts as 0.5, the unscaled delay.
pub fn backoff_ms(attempt: u32, jitter: f64) -> u32 {
    let doublings = attempt.saturating_sub(1).min(16);
    let base = BASE_MS.saturating_mul(1 << doublings).min(CAP_MS);
    let jitter = if (0.0..1.0).contains(&jitter) { jitter } else { 0.5 };
    // Per mille in 800..1200; integer math from here on.
    let scale = 800 + (jitter * 400.0) as u32;
    base.saturating_mul(scale) / 1000
}

/// Whether a send-type `op` that failed with `err` may nevertheless have been carried out, so
/// the caller must check before sending again (`err.mayHaveSent`).
///
/// Only when the request left this process (`dispatched`) and no answer proved it was refused:
/// lost connections, timeouts and aborts after dispatch, 5xx (a gateway may time out while the
/// service goes on), and 2xx answers that could not be read (an HTML page, a wrong shape).
/// An error code, a bad login, a bad input or a 4xx say the service did not send.
pub fn may_have_sent(op: Op, err: &CoreError, dispatched: bool) -> bool {
    op.is_send()
        && dispatched
        && match err.kind {
            ErrorKind::Network | ErrorKind::Timeout | ErrorKind::Aborted | ErrorKind::Protocol => true,
            ErrorKind::Http => status_is(err, 500..=599) || status_is(err, 200..=299),
            ErrorKind::Api | ErrorKind::Auth | ErrorKind::Input => false,
        }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::error::ErrorCode;

    const ALL_OPS: [Op; 17] = Op::ALL;

    fn errors() -> Vec<(CoreError, bool, bool)> {
        // (error, retryable for a read-only op, may have sent for a dispatched send)
        vec![
            (CoreError::network("reset"), true, true),
            (CoreError::timeout(1000), true, true),
            (CoreError::aborted(), false, true),
            (CoreError::http(500, ""), true, true),
            (CoreError::http(502, "<html>"), true, true),
            (CoreError::http(404, ""), false, false),
            (CoreError::http(429, ""), false, false),
            (CoreError::http(302, ""), false, false),
            (CoreError::not_service_format(200, "<html>"), false, true),
            (CoreError::too_large(200, "[[["), false, true),
            (CoreError::protocol("shape", 200, "{}"), false, true),
            (CoreError::api(ErrorCode::Num(5), "", 200, ""), false, false),
            (CoreError::api(ErrorCode::Num(962), "", 200, ""), false, false),
            (CoreError::input("to", "bad", "بد"), false, false),
        ]
    }

    #[test]
    fn retries_only_read_only_ops_after_curable_failures() {
        for op in ALL_OPS {
            for (err, retryable, _) in errors() {
                assert_eq!(should_retry(op, &err), retryable && op.is_read_only(), "{op:?} {err:?}");
            }
        }
        assert!(!Op::NewUser.is_read_only());
        assert!(Op::Credit.is_read_only());
    }

    #[test]
    fn may_have_sent_only_for_dispatched_sends() {
        for op in ALL_OPS {
            for (err, _, may) in errors() {
                assert_eq!(may_have_sent(op, &err, true), may && op.is_send(), "{op:?} {err:?}");
                assert!(!may_have_sent(op, &err, false));
            }
        }
    }

    #[test]
    fn next_attempt_counts_retries_for_read_only_ops_only() {
        let reset = CoreError::network("reset");
        assert_eq!(next_attempt(Op::Credit, &reset, 1, 2, 0.5), Some(250));
        assert_eq!(next_attempt(Op::Credit, &reset, 2, 2, 0.5), Some(500));
        assert_eq!(next_attempt(Op::Credit, &reset, 3, 2, 0.5), None);
        assert_eq!(next_attempt(Op::Credit, &reset, 1, 0, 0.5), None);
        assert_eq!(next_attempt(Op::Send, &reset, 1, 5, 0.5), None);
        assert_eq!(next_attempt(Op::NewUser, &reset, 1, 5, 0.5), None);
        let api = CoreError::api(ErrorCode::Num(5), "", 200, "");
        assert_eq!(next_attempt(Op::Credit, &api, 1, 2, 0.5), None);
    }

    #[test]
    fn backoff_grows_caps_and_jitters() {
        assert_eq!(backoff_ms(1, 0.5), 250);
        assert_eq!(backoff_ms(2, 0.5), 500);
        assert_eq!(backoff_ms(3, 0.5), 1000);
        assert_eq!(backoff_ms(5, 0.5), 4000);
        assert_eq!(backoff_ms(50, 0.5), 4000);
        assert_eq!(backoff_ms(u32::MAX, 0.5), 4000);
        assert_eq!(backoff_ms(0, 0.5), 250);
        assert_eq!(backoff_ms(1, 0.0), 200);
        assert!(backoff_ms(1, 0.999_999) <= 300 && backoff_ms(1, 0.999_999) >= 299);
        assert_eq!(backoff_ms(9, 0.999_999), 4796);
        for weird in [f64::NAN, f64::INFINITY, -1.0, 1.0, 7.5, f64::MIN] {
            assert_eq!(backoff_ms(2, weird), 500, "{weird}");
        }
    }
}
