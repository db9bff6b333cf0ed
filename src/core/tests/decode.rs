//! `decode`: every response variant docs/protocol.md documents, for every op, and every error path.

use super::support::{arr, decode_json, n, obj, s, SerdeJson};
use crate::core::error::{CoreError, ErrorCode, ErrorKind, BODY_EXCERPT_BYTES};
use crate::core::model::{InboxMessage, Job};
use crate::core::ops::Op;
use crate::core::response::decode;
use serde_json::Value;

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

// ---- lists ----

#[test]
fn lists_come_double_encoded_or_direct_or_empty() {
    let expected = arr(vec![obj(&[("id", s("12")), ("title", s("customers"))])]);
    assert_ok(
        Op::BookList,
        r#"[0,"[{\"id\":12,\"title\":\"customers\"}]"]"#,
        expected.clone(),
    );
    assert_ok(Op::BookList, r#"[0,[{"id":12,"title":"customers"}]]"#, expected.clone());
    assert_ok(
        Op::BookList,
        r#"["0"," [{\"id\":\"12\",\"title\":\"customers\"}] "]"#,
        expected,
    );
    for op in [
        Op::BookList,
        Op::JobList,
        Op::JobTrendList,
        Op::InboxList,
        Op::AccessList,
        Op::PostalCodeArea,
        Op::Delivery,
    ] {
        for empty in [
            r#"[0,""]"#,
            "[0,null]",
            r#"[0,"[]"]"#,
            "[0,[]]",
            r#"[0,"null"]"#,
            r#"[0,"  "]"#,
        ] {
            assert_ok(op, empty, arr(vec![]));
        }
        for bad in [
            r#"[0,"{\"id\":1}"]"#,
            r#"[0,{"id":1,"title":"x"}]"#,
            r#"[0,"[{"]"#,
            r#"[0,"not json"]"#,
            "[0,5]",
            "[0,true]",
            r#"[0,"[1,2]"]"#,
            "[0,[null]]",
            r#"[0,[[1]]]"#,
            r#"[0,"\"[]\""]"#,
        ] {
            assert_protocol(op, bad);
        }
    }
}

#[test]
fn postal_areas() {
    assert_ok(
        Op::PostalCodeArea,
        r#"[0,"[{\"code\":\"11\",\"name\":\"Tehran 1\"},{\"id\":12,\"title\":\"تهران ۲\"}]"]"#,
        arr(vec![
            obj(&[("code", s("11")), ("name", s("Tehran 1"))]),
            obj(&[("code", s("12")), ("name", s("تهران ۲"))]),
        ]),
    );
    // Unknown keys are kept, camelCased.
    assert_ok(
        Op::PostalCodeArea,
        r#"[0,[{"code":"11","name":"a","region_id":3,"is-active":true}]]"#,
        arr(vec![obj(&[
            ("code", s("11")),
            ("name", s("a")),
            ("regionId", n(3.0)),
            ("isActive", Value::Bool(true)),
        ])]),
    );
    assert_protocol(Op::PostalCodeArea, r#"[0,[{"code":"11"}]]"#);
    assert_protocol(Op::PostalCodeArea, r#"[0,[{"name":"x"}]]"#);
    assert_protocol(Op::PostalCodeArea, r#"[0,[{"code":{},"name":"x"}]]"#);
}

#[test]
fn book_lists() {
    assert_ok(
        Op::BookList,
        r#"[0,[{"ID":"7","name":"friends"},{"code":8,"title":"b","count":40}]]"#,
        arr(vec![
            obj(&[("id", s("7")), ("title", s("friends"))]),
            obj(&[("id", s("8")), ("title", s("b")), ("count", n(40.0))]),
        ]),
    );
    // `id` wins over its aliases; the alias is kept as an extra key.
    assert_ok(
        Op::BookList,
        r#"[0,[{"id":1,"code":"c","title":"t"}]]"#,
        arr(vec![obj(&[("id", s("1")), ("code", s("c")), ("title", s("t"))])]),
    );
    assert_protocol(Op::BookList, r#"[0,[{"title":"no id"}]]"#);
    assert_protocol(Op::BookList, r#"[0,[{"id":1}]]"#);
    assert_protocol(Op::BookList, r#"[0,[{"id":null,"title":"t"}]]"#);
    assert_protocol(Op::BookList, r#"[0,[{"id":1.5,"title":"t"}]]"#);
    assert_protocol(Op::BookList, r#"[0,[{"id":1,"title":["t"]}]]"#);
    assert_protocol(Op::BookList, r#"[0,["customers"]]"#);
}

#[test]
fn job_and_trend_lists() {
    for op in [Op::JobList, Op::JobTrendList] {
        assert_ok(
            op,
            r#"[0,"[{\"id\":3,\"title\":\"پزشک\"},{\"id\":\"4\",\"name\":\"وکیل\",\"parent_id\":3}]"]"#,
            arr(vec![
                obj(&[("id", n(3.0)), ("title", s("پزشک"))]),
                obj(&[("id", n(4.0)), ("title", s("وکیل")), ("parentId", n(3.0))]),
            ]),
        );
        assert_protocol(op, r#"[0,[{"id":"x","title":"t"}]]"#);
        assert_protocol(op, r#"[0,[{"title":"t"}]]"#);
        assert_protocol(op, r#"[0,[{"id":1}]]"#);
    }
}

#[test]
fn inbox_lists() {
    assert_ok(
        Op::InboxList,
        r#"[0,"[{\"message\":\"\\u0633\\u0644\\u0627\\u0645\",\"from\":\"+989121111111\",\"to\":\"+983000505\",\"time\":\"2020-01-01 10:00:00\"}]"]"#,
        arr(vec![obj(&[
            ("from", s("+989121111111")),
            ("to", s("+983000505")),
            ("message", s("سلام")),
            ("receivedAt", s("2020-01-01 10:00:00")),
        ])]),
    );
    for key in ["date", "receivedAt"] {
        let body = format!(r#"[0,[{{"message":"m","from":"1","to":"2","{key}":"2020-01-01","msg_id":9}}]]"#);
        assert_ok(
            Op::InboxList,
            &body,
            arr(vec![obj(&[
                ("from", s("1")),
                ("to", s("2")),
                ("message", s("m")),
                ("receivedAt", s("2020-01-01")),
                ("msgId", n(9.0)),
            ])]),
        );
    }
    // `receivedAt` wins over `time`; `time` is kept.
    assert_ok(
        Op::InboxList,
        r#"[0,[{"message":"m","from":"1","to":"2","time":"t","receivedAt":"r"}]]"#,
        arr(vec![obj(&[
            ("from", s("1")),
            ("to", s("2")),
            ("message", s("m")),
            ("receivedAt", s("r")),
            ("time", s("t")),
        ])]),
    );
    assert_protocol(Op::InboxList, r#"[0,[{"from":"1","to":"2","time":"t"}]]"#);
    assert_protocol(Op::InboxList, r#"[0,[{"message":"m","to":"2","time":"t"}]]"#);
}

#[test]
fn access_lists() {
    assert_ok(
        Op::AccessList,
        r#"[0,"[{\"id\":1,\"title\":\"gold\",\"price\":\"1000000\",\"discount\":10},{\"code\":\"2\",\"name\":\"silver\",\"price\":500.5,\"off\":\"5\"},{\"id\":3,\"title\":\"free\",\"price\":0}]"]"#,
        arr(vec![
            obj(&[
                ("id", n(1.0)),
                ("title", s("gold")),
                ("price", n(1_000_000.0)),
                ("discount", n(10.0)),
            ]),
            obj(&[
                ("id", n(2.0)),
                ("title", s("silver")),
                ("price", n(500.5)),
                ("discount", n(5.0)),
            ]),
            obj(&[
                ("id", n(3.0)),
                ("title", s("free")),
                ("price", n(0.0)),
                ("discount", n(0.0)),
            ]),
        ]),
    );
    assert_protocol(Op::AccessList, r#"[0,[{"id":1,"title":"t"}]]"#);
    assert_protocol(Op::AccessList, r#"[0,[{"id":1,"title":"t","price":"free"}]]"#);
    assert_protocol(
        Op::AccessList,
        r#"[0,[{"id":1,"title":"t","price":1,"discount":"much"}]]"#,
    );
}

// ---- delivery ----

fn entry(recipient: &str, status: &str) -> Value {
    obj(&[("recipient", s(recipient)), ("status", s(status))])
}

#[test]
fn delivery_entries() {
    assert_ok(
        Op::Delivery,
        r#"[0,"[\"+989121111111:delivered\",\"+989122222222:pending\"]"]"#,
        arr(vec![
            entry("+989121111111", "delivered"),
            entry("+989122222222", "pending"),
        ]),
    );
    // Split at the last colon; unknown statuses pass through.
    assert_ok(
        Op::Delivery,
        r#"[0,["a:b:failed","+98912:brand-new"]]"#,
        arr(vec![entry("a:b", "failed"), entry("+98912", "brand-new")]),
    );
    // The reference's own sample is the bare list.
    assert_ok(
        Op::Delivery,
        r#"["+98910000098:notsync","+989210000616:notsync"]"#,
        arr(vec![
            entry("+98910000098", "notsync"),
            entry("+989210000616", "notsync"),
        ]),
    );
    // Objects are accepted too, extra keys kept.
    assert_ok(
        Op::Delivery,
        r#"[0,[{"mobile":"+98912","status":"send","updated_at":"x"}]]"#,
        arr(vec![obj(&[
            ("recipient", s("+98912")),
            ("status", s("send")),
            ("updatedAt", s("x")),
        ])]),
    );
    assert_protocol(Op::Delivery, r#"[0,["no colon"]]"#);
    assert_protocol(Op::Delivery, r#"[0,[":delivered"]]"#);
    assert_protocol(Op::Delivery, "[0,[5]]");
    assert_protocol(Op::Delivery, r#"[0,[{"status":"send"}]]"#);
}

#[test]
fn delivery_of_an_unknown_bulk_id_is_a_bare_null() {
    for body in ["null", " null\n"] {
        let e = assert_api(Op::Delivery, body, 456);
        assert_eq!(e.message, "Invalid bulk id");
        assert_eq!(e.message_fa, "کد بالک ارسالی نامعتبر است");
    }
    // Only delivery answers that way.
    assert_protocol(Op::Credit, "null");
    assert_protocol(Op::CheckMessage, "null");
}

// ---- check message ----

#[test]
fn check_message() {
    assert_ok(
        Op::CheckMessage,
        r#"{"statusMessage":"Active","validMessage":"approve"}"#,
        obj(&[("status", s("Active")), ("approval", s("approve"))]),
    );
    assert_ok(
        Op::CheckMessage,
        r#"{"statusMessage":"No Sufficient Charge","validMessage":"notconfirm:"}"#,
        obj(&[("status", s("No Sufficient Charge")), ("approval", s("notconfirm"))]),
    );
    assert_ok(
        Op::CheckMessage,
        r#"{"statusMessage":"NoContactWithTheOperator","validMessage":"somethingNew","sent_count":3}"#,
        obj(&[
            ("status", s("NoContactWithTheOperator")),
            ("approval", s("somethingNew")),
            ("sentCount", n(3.0)),
        ]),
    );
    // Inside the envelope too.
    assert_ok(
        Op::CheckMessage,
        r#"[0,{"statusMessage":"Finish","validMessage":"cancel"}]"#,
        obj(&[("status", s("Finish")), ("approval", s("cancel"))]),
    );
    assert_ok(
        Op::CheckMessage,
        r#"[0,"{\"statusMessage\":\"Interacting\",\"validMessage\":\"approve\"}"]"#,
        obj(&[("status", s("Interacting")), ("approval", s("approve"))]),
    );
    assert_api(Op::CheckMessage, r#"[456,"invalid bulk"]"#, 456);
    assert_api(Op::CheckMessage, r#"["962","bad login"]"#, 962);
    assert_protocol(Op::CheckMessage, r#"{"statusMessage":"Active"}"#);
    assert_protocol(Op::CheckMessage, r#"{"validMessage":"approve"}"#);
    assert_protocol(Op::CheckMessage, r#"{"statusMessage":5.5,"validMessage":"approve"}"#);
    assert_protocol(Op::CheckMessage, r#"[0,"Active"]"#);
    assert_protocol(Op::CheckMessage, "[0,[]]");
    // Only checkmessage answers an object.
    assert_protocol(Op::Credit, r#"{"statusMessage":"Active","validMessage":"approve"}"#);
}

// ---- new user ----

#[test]
fn new_user() {
    assert_ok(Op::NewUser, r#"[0,"1234"]"#, obj(&[("userId", s("1234"))]));
    assert_ok(Op::NewUser, "[0,1234]", obj(&[("userId", s("1234"))]));
    assert_ok(
        Op::NewUser,
        r#"[0,"user created"]"#,
        obj(&[("userId", s("user created"))]),
    );
    assert_protocol(Op::NewUser, "[0,null]");
    assert_protocol(Op::NewUser, "[0,{}]");
    assert_protocol(Op::NewUser, "[0,1.5]");
    for code in [301, 304, 307, 315, 1002, 1003, 1004, 1005] {
        assert_api(Op::NewUser, &format!("[{code},\"x\"]"), code);
    }
}

// ---- error codes ----

#[test]
fn error_codes_for_every_op() {
    for op in ALL_OPS {
        let e = assert_api(op, r#"[5,"credit is not enough"]"#, 5);
        assert_eq!(
            (e.message.as_str(), e.message_fa.as_str()),
            ("Insufficient credit", "اعتبار کافی نیست")
        );
        assert_api(op, r#"["5","credit"]"#, 5);
        assert_api(op, r#"[" 4 ","x"]"#, 4);
        assert_api(op, "[1]", 1);
        assert_api(op, "[1,null,\"more\"]", 1);
        assert_api(op, r#"[1.0,{"detail":1}]"#, 1);
        let auth = assert_api(op, r#"[962,"the username or password is incorrect"]"#, 962);
        assert_eq!(auth.message, "Username or password is incorrect");
        assert_api(op, r#"["962",""]"#, 962);

        let unknown = assert_api(op, r#"[4242,"something odd"]"#, 4242);
        assert_eq!(unknown.message, "unknown error code 4242: something odd");
        assert_eq!(unknown.message_fa, "کد خطای ناشناخته 4242");
        assert_api(op, "[-1,7]", -1);

        let text = err(op, r#"["ERR_X","broken"]"#);
        assert_eq!(
            (text.kind, text.code),
            (ErrorKind::Api, Some(ErrorCode::Text("ERR_X".into())))
        );
        assert_eq!(text.message, "unknown error code ERR_X: broken");

        for bad in [
            "[]",
            "[1.5,\"x\"]",
            "[null,\"x\"]",
            "[\"\",\"x\"]",
            "[true,1]",
            "[{},1]",
            "[[0],1]",
            "[0]",
            "[0,1,2]",
        ] {
            assert_protocol(op, bad);
        }
    }
}

#[test]
fn bare_auth_text_quoted_or_not() {
    for op in ALL_OPS {
        for body in [
            "the username or password is incorrect",
            "\"the username or password is incorrect\"",
            "  The Username Or Password Is Incorrect \n",
            "\u{feff}\"the username or password is incorrect\"",
        ] {
            let e = assert_api(op, body, 962);
            assert_eq!(e.message_fa, "نام کاربری یا کلمه عبور نادرست می باشد");
        }
    }
}

// ---- HTTP level ----

#[test]
fn non_2xx_is_http_whatever_the_body() {
    for op in ALL_OPS {
        for (status, body) in [
            (500, "<html><body>Internal Server Error</body></html>"),
            (502, "Bad Gateway"),
            (404, r#"[0,"123"]"#),
            (401, "the username or password is incorrect"),
            (302, ""),
            (199, ""),
            (300, "[0,1]"),
        ] {
            let e = err_at(op, status, body);
            assert_eq!(e.kind, ErrorKind::Http, "{op:?} {status}");
            assert_eq!(e.code, None);
            assert!(e.message.contains(&status.to_string()));
        }
    }
}

#[test]
fn unparseable_2xx_bodies_are_http() {
    for op in ALL_OPS {
        for body in [
            "<html><body>Service unavailable</body></html>",
            "",
            "   \n",
            r#"[0,"10929800""#,
            "[0,",
            "<?xml version=\"1.0\"?><error/>",
            "Warning: mysql_connect() failed [0,\"1\"]",
            "[0,\"1\"] trailing",
        ] {
            let e = err_at(op, 200, body);
            assert_eq!(e.kind, ErrorKind::Http, "{op:?} {body:?}");
            assert_eq!(e.code, None);
        }
        assert_eq!(err_at(op, 204, "").status, Some(204));
    }
}

#[test]
fn wrong_shapes_are_protocol_errors() {
    for op in ALL_OPS {
        for body in ["true", "{\"error\":\"x\"}", "\"hello\""] {
            if op == Op::CheckMessage && body.starts_with('{') {
                continue;
            }
            assert_protocol(op, body);
        }
    }
    for op in ALL_OPS.into_iter().filter(|op| *op != Op::Delivery) {
        assert_protocol(op, "null");
    }
}

#[test]
fn long_bodies_are_cut_in_errors() {
    let body = format!("<html>{}</html>", "ی".repeat(5000));
    let e = err_at(Op::Credit, 502, &body);
    let excerpt = e.body.unwrap();
    assert!(excerpt.len() <= BODY_EXCERPT_BYTES && excerpt.len() >= BODY_EXCERPT_BYTES - 3);
    assert!(body.starts_with(&excerpt));
}

// ---- key order ----

// serde_json's `Value` sorts keys, so order is checked on the serialized text: the result
// types read keys in the order the body has them, as the engine's `JSON.parse` gives them.

/// The keys of each object of a list, in the order the JSON text has them.
fn keys_in_order(json: &str) -> Vec<Vec<String>> {
    struct Keys(Vec<String>);
    impl<'de> serde::Deserialize<'de> for Keys {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Keys, D::Error> {
            struct V;
            impl<'de> serde::de::Visitor<'de> for V {
                type Value = Keys;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("an object")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Keys, A::Error> {
                    let mut keys = Vec::new();
                    while let Some((k, _)) = map.next_entry::<String, serde::de::IgnoredAny>()? {
                        keys.push(k);
                    }
                    Ok(Keys(keys))
                }
            }
            d.deserialize_map(V)
        }
    }
    let objects: Vec<Keys> = serde_json::from_str(json).unwrap();
    objects.into_iter().map(|k| k.0).collect()
}

#[test]
fn extra_keys_follow_the_mapped_ones_in_order() {
    let body = r#"[0,[{"z_last":1,"title":"t","created-at":"c","id":3,"Title":"other"}]]"#;
    let result: Vec<Job> = decode(Op::JobList, 200, body, &SerdeJson).unwrap();
    let text = serde_json::to_string(&result).unwrap();
    assert_eq!(keys_in_order(&text), [["id", "title", "zLast", "createdAt", "Title"]]);
    assert_eq!(
        super::support::as_js_numbers(serde_json::from_str(&text).unwrap()),
        arr(vec![obj(&[
            ("id", n(3.0)),
            ("title", s("t")),
            ("zLast", n(1.0)),
            ("createdAt", s("c")),
            ("Title", s("other")),
        ])])
    );
}

#[test]
fn a_camel_cased_key_never_overwrites_a_mapped_one() {
    // `received_at` would camelCase onto `receivedAt` (taken from `time`): it keeps its name.
    let body = r#"[0,[{"from":"1","to":"2","message":"m","time":"t","received_at":"r"}]]"#;
    let result: Vec<InboxMessage> = decode(Op::InboxList, 200, body, &SerdeJson).unwrap();
    assert_eq!(
        serde_json::to_string(&result).unwrap(),
        r#"[{"from":"1","to":"2","message":"m","receivedAt":"t","received_at":"r"}]"#
    );
}
