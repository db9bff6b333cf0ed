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

#[test]
fn send_exact() {
    assert_eq!(
        services(&send("3000505", &["09121234567", "+98 935 123 4567"], "Hello سلام & bye", None)),
        "send&from=3000505&to=%5B%22%2B989121234567%22%2C%22%2B989351234567%22%5D&message=Hello+%D8%B3%D9%84%D8%A7%D9%85+%26+bye"
    );
}

#[test]
fn send_with_date_is_tehran_time() {
    // 2024-02-29T20:30:00Z is midnight in Tehran.
    // The JS layer turns a `Date` into this text with `format_epoch_ms`.
    let time = format_epoch_ms(1_709_238_600_000.0).expect("a valid date");
    let req = send("3000505", &["9121234567"], "hi", Some(&time));
    assert_eq!(
        services(&req),
        "send&from=3000505&to=%5B%22%2B989121234567%22%5D&message=hi&time=2024-03-01+00%3A00%3A00"
    );
}

#[test]
fn send_with_text_time_and_normalized_from() {
    // `from` loses spaces and Persian digits but keeps its own form; the message is untouched.
    let req = send("+98 ۳۰۰۰ 505", &["۰۹۱۲۱۲۳۴۵۶۷"], " x ", Some("2024-05-01 08:30:00"));
    assert_eq!(
        services(&req),
        "send&from=%2B983000505&to=%5B%22%2B989121234567%22%5D&message=+x+&time=2024-05-01+08%3A30%3A00"
    );
    let date_only = send("3000505", &["09121234567"], "m", Some("2024-05-01"));
    assert!(services(&date_only).ends_with("&time=2024-05-01"));
}

#[test]
fn pattern_exact() {
    let (endpoint, fields) = wire(&pattern(
        "0912 123 4567",
        "abc123",
        &[("code", "1234"), ("name", "علی \"q\"")],
    ));
    assert_eq!(endpoint, Endpoint::Pattern);
    assert_eq!(
        fields,
        "username=demo&password=demo-pass-1234&from=3000505&to=%5B%22%2B989121234567%22%5D&input_data=%7B%22code%22%3A%221234%22%2C%22name%22%3A%22%D8%B9%D9%84%DB%8C+%5C%22q%5C%22%22%7D&pattern_code=abc123"
    );
    // No variables is an empty object.
    let (_, fields) = wire(&pattern("09121234567", "p", &[]));
    assert!(fields.contains("&input_data=%7B%7D&"), "{fields}");
}

#[test]
fn postal_code_ops_exact() {
    let req = Request::PostalCodeSend(PostalCodeSendRequest {
        from: "50004001".into(),
        message: "m".into(),
        postal_code: "1234567890".into(),
        operator: Operator::Mci,
        gender: Gender::Female,
    });
    assert_eq!(
        services(&req),
        "postalcodesend&from=50004001&message=m&type=mci&gender=2&postalcode=1234567890"
    );
    assert_eq!(
        services(&Request::PostalCodeCount(postal("۱۲۳۴۵-۶۷۸۹۰"))),
        "postalcodecount&type=mtn&gender=0&postalcode=1234567890"
    );
    let male = PostalCodeCountRequest {
        gender: Gender::Male,
        ..postal("1234567890")
    };
    assert!(services(&Request::PostalCodeCount(male)).contains("&gender=1&"));
    assert_eq!(services(&Request::PostalCodeArea), "postalcodearea");
}

#[test]
fn book_ops_exact() {
    assert_eq!(services(&book("12")), "booksend&from=3000505&message=m&bookid=%5B12%5D");
    // A JS number, read through the request's serde derive.
    let from_js: BookSendRequest =
        serde_json::from_value(json!({"from": "3000505", "message": "m", "bookId": 12.0})).unwrap();
    assert_eq!(
        services(&Request::BookSend(from_js)),
        "booksend&from=3000505&message=m&bookid=%5B12%5D"
    );
    // Leading zeros and Persian digits still give a JSON number.
    assert!(services(&book(" ۰۰12 ")).ends_with("&bookid=%5B12%5D"));
    assert!(services(&book("0")).ends_with("&bookid=%5B0%5D"));
    assert_eq!(services(&Request::BookList), "booklist");
}

#[test]
fn job_ops_exact() {
    assert_eq!(
        services(&jobs(7, &[1, 2])),
        "jobssend&from=3000505&message=m&jobsid=7&trendid=%5B1%2C2%5D"
    );
    // JS numbers, read through the request's serde derive.
    let from_js: JobsSendRequest =
        serde_json::from_value(json!({"from": "3000505", "message": "m", "jobId": 7.0, "trendIds": [1.0, 2.0]}))
            .unwrap();
    assert_eq!(Request::JobsSend(from_js), jobs(7, &[1, 2]));
    assert_eq!(services(&Request::JobList), "jobslist");
    assert_eq!(services(&Request::JobTrendList { job_id: 3 }), "jobstrenlist&jobsid=3");
    assert_eq!(
        services(&Request::JobsCount(JobsCountRequest { trend_ids: vec![5] })),
        "jobscount&trendid=%5B5%5D"
    );
    assert!(services(&Request::JobsCount(JobsCountRequest {
        trend_ids: vec![9_007_199_254_740_991, 0]
    }))
    .ends_with("trendid=%5B9007199254740991%2C0%5D"));
}

#[test]
fn bulk_id_ops_exact() {
    for id in [
        "10929800".to_string(),
        js_number_id(10_929_800.0).unwrap(),
        " ۱۰۹۲۹۸۰۰ ".to_string(),
    ] {
        assert_eq!(
            services(&Request::CheckMessage { bulk_id: id.clone() }),
            "checkmessage&messageid=10929800"
        );
        assert_eq!(services(&Request::Delivery { bulk_id: id }), "delivery&uinqid=10929800");
    }
    // Long ids given as text keep every digit.
    assert_eq!(
        services(&Request::Delivery {
            bulk_id: "123456789012345678901234".into()
        }),
        "delivery&uinqid=123456789012345678901234"
    );
}

#[test]
fn no_field_ops_exact() {
    assert_eq!(services(&Request::InboxList), "inboxlist");
    assert_eq!(services(&Request::Credit), "credit");
    assert_eq!(services(&Request::AccessList), "accesslist");
}

#[test]
fn new_user_exact() {
    assert_eq!(
        services(&Request::NewUser(full_user())),
        "newuser&user_uname=newbie&user_pass=p%40ss+w0rd%21&name=%D8%B9%D9%84%DB%8C+%D8%B1%D8%B6%D8%A7%DB%8C%DB%8C&company=ACME&national_id=0012345678&certificate_id=123&access_id=4&tell=02112345678&mobile=%2B989121234567&postalcode=1234567890&email=a%40b.ir&address=%D8%AA%D9%87%D8%B1%D8%A7%D9%86%D8%8C+%D8%AE%DB%8C%D8%A7%D8%A8%D8%A7%D9%86+%DB%B1"
    );
    // Every field is always sent; absent ones are empty.
    assert_eq!(
        services(&Request::NewUser(min_user())),
        "newuser&user_uname=newbie&user_pass=secret12&name=N&company=&national_id=12345678901&certificate_id=&access_id=0&tell=&mobile=%2B989351234567&postalcode=&email=&address="
    );
    // Blank optional fields count as absent and are not validated.
    let blank = NewUserRequest {
        postal_code: Some("  ".into()),
        email: Some("".into()),
        ..min_user()
    };
    assert_eq!(
        services(&Request::NewUser(blank)),
        services(&Request::NewUser(min_user()))
    );
}

#[test]
fn request_ops_and_wire_names() {
    let cases: Vec<(Request, Op, &str)> = vec![
        (send("1", &["09121234567"], "m", None), Op::Send, "send"),
        (pattern("09121234567", "p", &[]), Op::SendPattern, "patterns/pattern"),
        (
            postal_send("1", "m", "1234567890"),
            Op::PostalCodeSend,
            "postalcodesend",
        ),
        (
            Request::PostalCodeCount(postal("1234567890")),
            Op::PostalCodeCount,
            "postalcodecount",
        ),
        (Request::PostalCodeArea, Op::PostalCodeArea, "postalcodearea"),
        (book("1"), Op::BookSend, "booksend"),
        (Request::BookList, Op::BookList, "booklist"),
        (jobs(1, &[1]), Op::JobsSend, "jobssend"),
        (Request::JobList, Op::JobList, "jobslist"),
        (Request::JobTrendList { job_id: 1 }, Op::JobTrendList, "jobstrenlist"),
        (
            Request::JobsCount(JobsCountRequest { trend_ids: vec![1] }),
            Op::JobsCount,
            "jobscount",
        ),
        (
            Request::CheckMessage { bulk_id: "1".into() },
            Op::CheckMessage,
            "checkmessage",
        ),
        (Request::Delivery { bulk_id: "1".into() }, Op::Delivery, "delivery"),
        (Request::InboxList, Op::InboxList, "inboxlist"),
        (Request::Credit, Op::Credit, "credit"),
        (Request::NewUser(min_user()), Op::NewUser, "newuser"),
        (Request::AccessList, Op::AccessList, "accesslist"),
    ];
    for (req, op, name) in cases {
        assert_eq!(req.op(), op);
        assert_eq!(op.wire_name(), name);
        let sends = matches!(
            op,
            Op::Send | Op::SendPattern | Op::PostalCodeSend | Op::BookSend | Op::JobsSend
        );
        assert_eq!(op.is_send(), sends, "{op:?}");
        assert_eq!(op.is_read_only(), !sends && op != Op::NewUser, "{op:?}");
        // Services ops carry `op=<wire name>` as their third field.
        if op != Op::SendPattern {
            let fields = encode(CREDS, &req).unwrap().fields;
            let expected = format!("{PREFIX}{name}");
            assert!(
                fields == expected || fields.starts_with(&format!("{expected}&")),
                "{fields}"
            );
        }
    }
}

#[test]
fn credentials_are_required_and_never_echoed() {
    for (username, password, field) in [
        ("", "pw", "username"),
        ("  ", "pw", "username"),
        ("demo", "", "password"),
    ] {
        let creds = Credentials { username, password };
        for req in [Request::Credit, pattern("09121234567", "p", &[])] {
            let e = encode(creds, &req).unwrap_err();
            assert_eq!(e.kind, ErrorKind::Input);
            assert!(e.message.starts_with(&format!("{field}: ")), "{}", e.message);
        }
    }
    // Whatever fails, the password does not appear in the error.
    let creds = Credentials {
        username: "demo",
        password: "09121234567",
    };
    let e = encode(creds, &send("1", &["bad"], "m", None)).unwrap_err();
    assert!(!e.message.contains("09121234567"));
}

#[test]
fn send_validation() {
    let ok_to: &[&str] = &["09121234567"];
    rejects(send("", ok_to, "m", None), "from");
    rejects(send("   ", ok_to, "m", None), "from");
    rejects(send("abc", ok_to, "m", None), "from");
    rejects(send("30-00", ok_to, "m", None), "from");
    rejects(send("3000+505", ok_to, "m", None), "from");
    rejects(send("+", ok_to, "m", None), "from");
    rejects(send("3000505", &[], "m", None), "to");
    rejects(send("3000505", &["0912"], "m", None), "to");
    rejects(
        send("3000505", &["09121234567", "09351234567", "x"], "m", None),
        "to[2]",
    );
    rejects(send("3000505", &["09121234567", "", "x"], "m", None), "to[1]");
    rejects(send("3000505", ok_to, "", None), "message");
    rejects(send("3000505", ok_to, " \n\t ", None), "message");
    // A `Date` that no time text can stand for: the JS layer rejects it as `time`.
    for bad_date in [f64::NAN, f64::INFINITY, -1e15, 1e16] {
        assert_eq!(format_epoch_ms(bad_date), None, "{bad_date}");
    }
    for bad_time in ["", "2024-02-30", "2024-01-01T10:00:00", "tomorrow"] {
        rejects(send("3000505", ok_to, "m", Some(bad_time)), "time");
    }
}

#[test]
fn input_error_quotes_short_bad_numbers_only() {
    let e = error(&send("3000505", &["09121234567", "0912-abc"], "m", None));
    assert!(e.message.contains("\"0912-abc\""), "{}", e.message);
    let long = "9".repeat(60);
    let e = error(&send("3000505", &[&long], "m", None));
    assert!(!e.message.contains(&long));
}

#[test]
fn pattern_validation() {
    rejects(pattern("09121234567", "", &[]), "patternCode");
    rejects(pattern("09121234567", "  ", &[]), "patternCode");
    rejects(pattern("", "p", &[]), "to");
    rejects(pattern("02112345678", "p", &[]), "to");
    rejects(pattern("09121234567", "p", &[("", "v")]), "values");
    rejects(pattern("09121234567", "p", &[("a", "1"), (" ", "v")]), "values");
    let bad_from = Request::SendPattern(SendPatternRequest {
        from: "x".into(),
        to: "09121234567".into(),
        pattern_code: "p".into(),
        values: vec![],
    });
    rejects(bad_from, "from");
}

#[test]
fn postal_validation() {
    for bad in ["", "123456789", "12345678901", "12345a7890", "۱۲۳۴۵۶۷۸۹", "1234 5678 9"] {
        rejects(Request::PostalCodeCount(postal(bad)), "postalCode");
    }
    let send_bad = postal_send;
    rejects(send_bad("", "m", "1234567890"), "from");
    rejects(send_bad("1", "", "1234567890"), "message");
    rejects(send_bad("1", "m", "123"), "postalCode");
}

#[test]
fn id_validation() {
    // Bad JS numbers never become a request: the core's readers refuse them.
    for bad in [
        -1.0,
        1.5,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        9_007_199_254_740_992.0,
    ] {
        let refused = |e: DeError| assert_eq!(e.to_string(), NOT_A_WHOLE_NUMBER, "{bad}");
        // bookId, and the bulkId of checkMessage and delivery.
        js_number_id(bad).map_or_else(refused, |id| panic!("{bad} read as {id}"));
        // jobId and accessId.
        js_whole(bad).map_or_else(refused, |n| panic!("{bad} read as {n}"));
        // trendIds, wherever the bad one is.
        js_whole_list(&[1.0, bad]).map_or_else(refused, |ns| panic!("{bad} read as {ns:?}"));
        js_whole_list(&[bad]).map_or_else(refused, |ns| panic!("{bad} read as {ns:?}"));
    }
    // Ids a u64 holds but a JS number does not: `encode` refuses them, naming the field.
    rejects(jobs(TOO_BIG, &[1]), "jobId");
    rejects(Request::JobTrendList { job_id: TOO_BIG }, "jobId");
    rejects(jobs(1, &[1, TOO_BIG]), "trendIds[1]");
    rejects(
        Request::JobsCount(JobsCountRequest {
            trend_ids: vec![TOO_BIG],
        }),
        "trendIds[0]",
    );
    rejects(
        Request::NewUser(NewUserRequest {
            access_id: TOO_BIG,
            ..min_user()
        }),
        "accessId",
    );
    rejects(book(&TOO_BIG.to_string()), "bookId");
    for bad in ["", "  ", "12a", "-3", "1.0", "1e3", "+5", "99999999999999999999"] {
        if bad != "99999999999999999999" {
            rejects(Request::Delivery { bulk_id: bad.into() }, "bulkId");
            rejects(Request::CheckMessage { bulk_id: bad.into() }, "bulkId");
        }
        // Book ids go into a JSON number, so they must also fit one exactly.
        rejects(book(bad), "bookId");
    }
    rejects(jobs(1, &[]), "trendIds");
    rejects(Request::JobsCount(JobsCountRequest { trend_ids: vec![] }), "trendIds");
    let jobs_bad = |from: &str, message: &str| {
        Request::JobsSend(JobsSendRequest {
            from: from.into(),
            message: message.into(),
            job_id: 1,
            trend_ids: vec![1],
        })
    };
    rejects(jobs_bad("", "m"), "from");
    rejects(jobs_bad("1", ""), "message");
    let book_bad = |from: &str, message: &str| {
        Request::BookSend(BookSendRequest {
            from: from.into(),
            message: message.into(),
            book_id: "1".into(),
        })
    };
    rejects(book_bad("", "m"), "from");
    rejects(book_bad("1", " "), "message");
}

#[test]
fn new_user_validation() {
    let with = |f: &dyn Fn(&mut NewUserRequest)| {
        let mut user = min_user();
        f(&mut user);
        Request::NewUser(user)
    };
    rejects(with(&|u| u.username = " ".into()), "username");
    rejects(with(&|u| u.password = "".into()), "password");
    rejects(with(&|u| u.name = "".into()), "name");
    for bad in ["", "123456789", "123456789012", "12345a7890", "abcdefghij"] {
        rejects(with(&|u| u.national_id = bad.into()), "nationalId");
    }
    for bad in ["", "0912", "02112345678"] {
        rejects(with(&|u| u.mobile = bad.into()), "mobile");
    }
    for bad in ["123", "12345678901", "abcdefghij"] {
        rejects(with(&|u| u.postal_code = Some(bad.into())), "postalCode");
    }
    for bad in ["plain", "@b.ir", "a@", "a@b@c", "@"] {
        rejects(with(&|u| u.email = Some(bad.into())), "email");
    }
    // The new user's password is never echoed.
    let e = error(&with(&|u| {
        u.password = "Hunter2-secret".into();
        u.mobile = "Hunter2-secret".into();
    }));
    assert!(!e.message.contains("Hunter2-secret"));
    // National ids: 10 digits (person) or 11 (company), Persian digits and spaces allowed.
    assert!(encode(CREDS, &with(&|u| u.national_id = "۰۰۱ ۲۳۴ ۵۶۷۸".into()))
        .unwrap()
        .fields
        .contains("&national_id=0012345678&"));
}
