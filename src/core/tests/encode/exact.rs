//! The exact wire form of every op, and the ops' wire names.

use super::*;

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
