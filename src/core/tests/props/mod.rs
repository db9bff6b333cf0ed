//! Property tests of the core: mobile normalization, SMS part counting against an independent
//! reference, and decode/encode never panicking on anything.
//!
//! Case counts are kept small enough for a debug `cargo test` in seconds; set `PROPTEST_CASES`
//! to run more (e.g. `PROPTEST_CASES=100000 cargo test --test core_props`).

use super::support::decode_json;
use crate::core::encode::{encode, Credentials};
use crate::core::error::{ErrorKind, BODY_EXCERPT_BYTES};
use crate::core::mobile::normalize_mobile;
use crate::core::num::{f64_to_u64, u64_text, MAX_SAFE_INTEGER};
use crate::core::ops::Op;
use crate::core::request::{
    BookSendRequest, Gender, JobsCountRequest, JobsSendRequest, NewUserRequest, Operator, PostalCodeCountRequest,
    PostalCodeSendRequest, Request, SendPatternRequest, SendRequest,
};
use crate::core::sms::{sms_parts, Encoding};
use crate::core::tehran_time::format_epoch_ms;
use proptest::prelude::*;
use proptest::sample::select;

mod decode;
mod encode;
mod mobile;
mod sms;

const ALL_OPS: [Op; 17] = Op::ALL;

/// `default` cases, or `PROPTEST_CASES` when set.
fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}
