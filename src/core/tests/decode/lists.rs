//! Lists, delivery entries, message checks and new users, decoded.

use super::*;

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
