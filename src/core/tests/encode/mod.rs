//! `encode`: the exact bytes of every op on the wire, and every validation error.
//!
//! The expected strings were produced independently by Node's `new URLSearchParams([...])
//! .toString()` over the fields docs/protocol.md lists, so they check the form encoder too.

//!
//! Numbers a JS caller gives (ids, trend ids, `Date`s) are turned into the request's Rust types
//! before `encode` sees them: by the core's serde helpers (`core::de`), checked here, and by
//! `tehran_time::format_epoch_ms` for a `Date`. Naming the field of a bad one is the JS layer's.

use crate::core::de;
use crate::core::encode::{encode, Credentials};
use crate::core::error::{CoreError, ErrorKind};
use crate::core::ops::{Endpoint, Op};
use crate::core::request::{
    BookSendRequest, Gender, JobsCountRequest, JobsSendRequest, NewUserRequest, Operator, PostalCodeCountRequest,
    PostalCodeSendRequest, Request, SendPatternRequest, SendRequest,
};
use crate::core::tehran_time::format_epoch_ms;
use serde::de::value::{Error as DeError, F64Deserializer, SeqDeserializer};
use serde_json::json;

const CREDS: Credentials = Credentials {
    username: "demo",
    password: "demo-pass-1234",
};

mod exact;
mod validation;
const PREFIX: &str = "uname=demo&pass=demo-pass-1234&op=";

fn wire(req: &Request) -> (Endpoint, String) {
    let w = encode(CREDS, req).unwrap_or_else(|e| panic!("{req:?}: {e:?}"));
    (w.endpoint, w.fields)
}

fn services(req: &Request) -> String {
    let (endpoint, fields) = wire(req);
    assert_eq!(endpoint, Endpoint::Services);
    assert!(fields.starts_with(PREFIX), "{fields}");
    fields[PREFIX.len()..].to_string()
}

fn error(req: &Request) -> CoreError {
    let e = encode(CREDS, req).expect_err("should be rejected");
    assert_eq!(e.kind, ErrorKind::Input, "{e:?}");
    assert_eq!((e.status, &e.body, &e.code), (None, &None, &None));
    assert!(!e.message.contains("demo-pass-1234") && !e.message_fa.contains("demo-pass-1234"));
    e
}

/// Asserts the request fails naming `field` (the message starts with `field: `).
fn rejects(req: Request, field: &str) {
    let e = error(&req);
    let prefix = format!("{field}: ");
    assert!(
        e.message.starts_with(&prefix),
        "{req:?}\n  expected field {field}, got {}",
        e.message
    );
    assert!(e.message_fa.starts_with(&prefix), "{}", e.message_fa);
}

fn send(from: &str, to: &[&str], message: &str, time: Option<&str>) -> Request {
    Request::Send(SendRequest {
        from: from.into(),
        to: to.iter().map(|t| t.to_string()).collect(),
        message: message.into(),
        time: time.map(String::from),
    })
}

fn pattern(to: &str, code: &str, values: &[(&str, &str)]) -> Request {
    Request::SendPattern(SendPatternRequest {
        from: "3000505".into(),
        to: to.into(),
        pattern_code: code.into(),
        values: values.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
    })
}

fn postal(code: &str) -> PostalCodeCountRequest {
    PostalCodeCountRequest {
        postal_code: code.into(),
        operator: Operator::Mtn,
        gender: Gender::All,
    }
}

fn postal_send(from: &str, message: &str, code: &str) -> Request {
    Request::PostalCodeSend(PostalCodeSendRequest {
        from: from.into(),
        message: message.into(),
        postal_code: code.into(),
        operator: Operator::Mtn,
        gender: Gender::All,
    })
}

fn jobs(job_id: u64, trend_ids: &[u64]) -> Request {
    Request::JobsSend(JobsSendRequest {
        from: "3000505".into(),
        message: "m".into(),
        job_id,
        trend_ids: trend_ids.to_vec(),
    })
}

fn book(id: &str) -> Request {
    Request::BookSend(BookSendRequest {
        from: "3000505".into(),
        message: "m".into(),
        book_id: id.into(),
    })
}

/// An id a JS caller gave as a number, read as the core reads one (`bookId`; the JS layer's
/// `bulkId` argument applies the same rule).
fn js_number_id(n: f64) -> Result<String, DeError> {
    de::id_text(F64Deserializer::<DeError>::new(n))
}

/// A whole number a JS caller gave (`jobId`, `accessId`, a trend id).
fn js_whole(n: f64) -> Result<u64, DeError> {
    de::whole(F64Deserializer::<DeError>::new(n))
}

/// A list of whole numbers a JS caller gave (`trendIds`).
fn js_whole_list(ns: &[f64]) -> Result<Vec<u64>, DeError> {
    de::whole_list(SeqDeserializer::<_, DeError>::new(ns.iter().copied()))
}

/// The message every bad JS number is reported with (the JS layer prefixes the field).
const NOT_A_WHOLE_NUMBER: &str = "must be a whole number, 0 or more";

/// The largest id a JS number holds exactly, plus one.
const TOO_BIG: u64 = 1 << 53;

fn full_user() -> NewUserRequest {
    NewUserRequest {
        username: "newbie".into(),
        password: "p@ss w0rd!".into(),
        name: "علی رضایی".into(),
        company: Some("ACME".into()),
        national_id: "۰۰۱۲۳۴۵۶۷۸".into(),
        certificate_id: Some("123".into()),
        access_id: 4,
        tel: Some("021 1234 5678".into()),
        mobile: "0912 123 4567".into(),
        postal_code: Some("12345-67890".into()),
        email: Some("a@b.ir".into()),
        address: Some("تهران، خیابان ۱".into()),
    }
}

fn min_user() -> NewUserRequest {
    NewUserRequest {
        username: "newbie".into(),
        password: "secret12".into(),
        name: "N".into(),
        national_id: "12345678901".into(),
        access_id: 0,
        mobile: "+989351234567".into(),
        ..Default::default()
    }
}
