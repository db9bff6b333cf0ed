//! `decode`: every response variant docs/protocol.md documents, for every op, and every error path.

use super::support::{arr, decode_json, n, obj, s, SerdeJson};
use crate::core::error::{CoreError, ErrorCode, ErrorKind, BODY_EXCERPT_BYTES};
use crate::core::model::{InboxMessage, Job};
use crate::core::ops::Op;
use crate::core::response::decode;
use serde_json::Value;

mod failures;
mod lists;

const SEND_OPS: [Op; 5] = [
    Op::Send,
    Op::SendPattern,
    Op::PostalCodeSend,
    Op::BookSend,
    Op::JobsSend,
];
const ALL_OPS: [Op; 17] = Op::ALL;

fn ok(op: Op, body: &str) -> Value {
    decode_json(op, 200, body).unwrap_or_else(|e| panic!("{op:?} {body}: {e:?}"))
}

/// Compared as JSON values, so without key order; order is checked in
/// `extra_keys_follow_the_mapped_ones_in_order`.
fn assert_ok(op: Op, body: &str, expected: Value) {
    assert_eq!(ok(op, body), expected, "{op:?} {body}");
}

fn err_at(op: Op, status: u16, body: &str) -> CoreError {
    let e = decode_json(op, status, body).expect_err(body);
    // Every decode error carries the status and the body (excerpt).
    assert_eq!(e.status, Some(status), "{e:?}");
    let excerpt = e.body.as_deref().expect("body");
    assert!(body.starts_with(excerpt));
    if body.len() <= BODY_EXCERPT_BYTES {
        assert_eq!(excerpt, body);
    } else {
        assert!((BODY_EXCERPT_BYTES - 3..=BODY_EXCERPT_BYTES).contains(&excerpt.len()));
    }
    assert!(!e.message.is_empty() && !e.message_fa.is_empty());
    e
}

fn err(op: Op, body: &str) -> CoreError {
    err_at(op, 200, body)
}

fn assert_protocol(op: Op, body: &str) {
    let e = err(op, body);
    assert_eq!(e.kind, ErrorKind::Protocol, "{op:?} {body}: {e:?}");
}

fn assert_api(op: Op, body: &str, code: i64) -> CoreError {
    let e = err(op, body);
    assert_eq!(e.code, Some(ErrorCode::Num(code)), "{op:?} {body}: {e:?}");
    let kind = if code == 962 { ErrorKind::Auth } else { ErrorKind::Api };
    assert_eq!(e.kind, kind);
    e
}

fn bulk(id: &str) -> Value {
    obj(&[("bulkId", s(id))])
}

// ---- sends ----

#[test]
fn send_ops_answer_bulk_ids_as_string_or_number() {
    for op in SEND_OPS {
        assert_ok(op, r#"[0,"10929800"]"#, bulk("10929800"));
        assert_ok(op, "[0,10929800]", bulk("10929800"));
        assert_ok(op, r#"["0","10929800"]"#, bulk("10929800"));
        assert_ok(op, " \r\n[0, \"10929800\"]\n", bulk("10929800"));
        assert_ok(op, "\u{feff}[0,43218765123]", bulk("43218765123"));
        assert_ok(op, "[0.0,9007199254740991]", bulk("9007199254740991"));
        for bad in [
            r#"[0,"abc"]"#,
            "[0,null]",
            "[0,1.5]",
            "[0,-3]",
            r#"[0,"12a"]"#,
            r#"[0,""]"#,
            "[0,[1]]",
            "[0,{}]",
        ] {
            assert_protocol(op, bad);
        }
    }
}

#[test]
fn pattern_send_answers_a_bare_bulk_id() {
    assert_ok(Op::SendPattern, "43218765123", bulk("43218765123"));
    assert_ok(Op::SendPattern, " 43218765123\n", bulk("43218765123"));
    assert_ok(Op::SendPattern, "\"43218765123\"", bulk("43218765123"));
    // Longer than an f64 holds exactly: every digit kept.
    assert_ok(Op::SendPattern, "123456789012345678901", bulk("123456789012345678901"));
    assert_protocol(Op::SendPattern, "\"abc\"");
    assert_protocol(Op::SendPattern, "-5");
    assert_protocol(Op::SendPattern, "12.5");
    // Other ops do not accept a bare id.
    for op in [Op::Send, Op::Credit, Op::BookSend] {
        assert_protocol(op, "43218765123");
    }
}

#[test]
fn pattern_errors() {
    for code in [970, 971, 972, 996, 997, 404] {
        let e = assert_api(Op::SendPattern, &format!("[{code},\"pattern problem\"]"), code);
        assert!(!e.message.contains("unknown"), "{}", e.message);
    }
}

// ---- numbers ----

/// Fractional and negative answers, which the old core passed through as decimal text for
/// every numeric op.
const FRACTIONAL: [(&str, f64); 3] = [
    (r#"[0,"933222.33"]"#, 933_222.33),
    ("[0,933222.33]", 933_222.33),
    (r#"[0,"-12.5"]"#, -12.5),
];

#[test]
fn counts_and_credit_are_numbers_or_decimal_text() {
    for (body, value) in FRACTIONAL {
        assert_ok(Op::Credit, body, n(value));
    }
    for op in [Op::Credit, Op::PostalCodeCount, Op::JobsCount] {
        assert_ok(op, r#"[0,"1520"]"#, n(1520.0));
        assert_ok(op, r#"[0," 1520 "]"#, n(1520.0));
        assert_ok(op, "[0,1520]", n(1520.0));
        assert_ok(op, "[0,0]", n(0.0));
        for bad in [
            r#"[0,"abc"]"#,
            "[0,null]",
            r#"[0,"1e5"]"#,
            r#"[0,"1,000"]"#,
            r#"[0,""]"#,
            "[0,true]",
            "[0,[1]]",
            r#"[0,"NaN"]"#,
        ] {
            assert_protocol(op, bad);
        }
        assert_protocol(op, "{}");
    }
}

/// Counts are numbers like credit: fractional or negative text from the service is passed on.
#[test]
fn counts_accept_fractional_and_negative_decimal_text() {
    let mut failures = Vec::new();
    for op in [Op::PostalCodeCount, Op::JobsCount] {
        for (body, value) in FRACTIONAL {
            match decode_json(op, 200, body) {
                Ok(result) if result == n(value) => {}
                other => failures.push(format!("{op:?} {body}: {other:?}")),
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
