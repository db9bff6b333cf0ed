//! Every validation error, each naming its field, and credentials never echoed.

use super::*;

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
