//! End-to-end tests of the Rust API against the sandbox, run by `scripts/test-wasm.sh` in Node
//! and in headless Chromium: every op, success and error, through the real transport.
//! (The JavaScript API over it is tested by `tests/js/`.)
#![cfg(target_arch = "wasm32")]

use ippanel_wasm::{
    normalize_mobile, sms_parts, Approval, BookSendRequest, Client, Config, DeliveryStatus, ErrorCode, ErrorKind,
    Gender, JobsCountRequest, JobsSendRequest, NewUserRequest, Operator, PostalCodeCountRequest, PostalCodeSendRequest,
    SendBulkRequest, SendPatternRequest, SendRequest, WaitOptions,
};
use wasm_bindgen_test::wasm_bindgen_test;

const SANDBOX: &str = match option_env!("SANDBOX_URL") {
    Some(url) => url,
    None => "http://127.0.0.1:8787",
};
const PASSWORD: &str = "demo-pass-1234";

fn client_at(base: &str, username: &str, password: &str) -> Client {
    Client::new(Config {
        username: username.into(),
        password: password.into(),
        base_url: Some(base.into()),
        timeout_ms: Some(3000),
        ..Default::default()
    })
    .expect("client")
}

fn client() -> Client {
    client_at(SANDBOX, "demo", PASSWORD)
}

fn send(to: &[&str], message: &str) -> SendRequest {
    SendRequest {
        from: "3000505".into(),
        to: to.iter().map(|s| s.to_string()).collect(),
        message: message.into(),
        ..Default::default()
    }
}

fn code(e: &ippanel_wasm::Error) -> Option<i64> {
    match e.code() {
        Some(ErrorCode::Num(n)) => Some(*n),
        _ => None,
    }
}

#[wasm_bindgen_test]
async fn credit_is_a_number_and_send_spends_it() {
    let c = client();
    let before = c.credit().await.expect("credit");
    let sent = c
        .send(send(&["09121234567", "+98 935 123 4567"], "سلام دنیا"))
        .await
        .expect("send");
    assert!(sent.bulk_id.bytes().all(|b| b.is_ascii_digit()), "{}", sent.bulk_id);
    let after = c.credit().await.expect("credit");
    assert_eq!(before - after, 2.0 * 150.0, "two recipients, one UCS-2 part each");
}

#[wasm_bindgen_test]
async fn send_rejects_bad_input_before_any_request() {
    let c = client();
    let e = c.send(send(&["09121234567", "0912"], "hi")).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Input);
    assert!(e.message().starts_with("to[1]: "), "{}", e.message());
    assert_eq!(e.op(), "send");
    assert!(!e.may_have_sent());
    let e = c.send(send(&["09121234567"], "   ")).await.unwrap_err();
    assert!(e.message().starts_with("message: "));
    let e = c.send(send(&[], "hi")).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Input);
    let mut late = send(&["09121234567"], "hi");
    late.time = Some("2030-13-01".into());
    assert!(c.send(late).await.unwrap_err().message().starts_with("time: "));
}

#[wasm_bindgen_test]
async fn scheduled_send() {
    let mut req = send(&["09121234567"], "later");
    req.time = Some("2099-01-31 18:30:00".into());
    assert!(!client().send(req).await.expect("scheduled").bulk_id.is_empty());
}

#[wasm_bindgen_test]
async fn wrong_password_is_auth_and_never_leaks() {
    let secret = "s3cret-Pässword&x=1";
    let c = client_at(SANDBOX, "demo", secret);
    let pattern = SendPatternRequest {
        from: "3000505".into(),
        to: "09121234567".into(),
        pattern_code: "otp-demo".into(),
        values: vec![("code".into(), "1".into())],
    };
    for e in [
        c.credit().await.unwrap_err(),
        c.send_pattern(pattern).await.unwrap_err(),
    ] {
        assert_eq!(e.kind(), ErrorKind::Auth);
        assert_eq!(code(&e), Some(962));
        let dump = format!("{e} {e:?} {}", e.body().unwrap_or_default());
        assert!(!dump.contains("s3cret"), "{dump}");
        assert!(!e.message_fa().is_empty());
    }
    assert!(!format!("{c:?}").contains("s3cret"));
}

#[wasm_bindgen_test]
async fn pattern_send_and_its_errors() {
    let c = client();
    let pattern = |code: &str, values: Vec<(String, String)>| SendPatternRequest {
        from: "3000505".into(),
        to: "09121234567".into(),
        pattern_code: code.into(),
        values,
    };
    let sent = c
        .send_pattern(pattern("otp-demo", vec![("code".into(), "4821".into())]))
        .await
        .expect("pattern");
    assert!(!sent.bulk_id.is_empty());
    let e = c.send_pattern(pattern("old-promo", vec![])).await.unwrap_err();
    assert_eq!(
        (e.kind(), code(&e), e.may_have_sent()),
        (ErrorKind::Api, Some(996), false)
    );
    let e = c
        .send_pattern(pattern("no-such-pattern", vec![("a".into(), "b".into())]))
        .await
        .unwrap_err();
    assert_eq!(code(&e), Some(971));
    let e = c.send_pattern(pattern(" ", vec![])).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Input);
}

#[wasm_bindgen_test]
async fn api_errors_carry_table_text() {
    let c = client();
    let mut req = send(&["09121234567"], "hi");
    req.from = "1111111".into();
    let e = c.send(req).await.unwrap_err();
    assert_eq!((e.kind(), code(&e)), (ErrorKind::Api, Some(3)));
    assert_eq!(e.message_fa(), "خط به شما تعلق ندارد");
    // The empty account owns line 3000505 but has no credit.
    let empty = client_at(SANDBOX, "empty", "empty-pass-1234");
    let e = empty.send(send(&["09121234567"], "hi")).await.unwrap_err();
    assert_eq!((e.kind(), code(&e)), (ErrorKind::Api, Some(5)));
}

#[wasm_bindgen_test]
async fn postal_code_ops() {
    let c = client();
    let areas = c.postal_code_area().await.expect("areas");
    assert!(!areas.is_empty() && !areas[0].code.is_empty() && !areas[0].name.is_empty());
    let count = c
        .postal_code_count(PostalCodeCountRequest {
            postal_code: "1234567890".into(),
            operator: Operator::Mci,
            gender: Gender::Female,
        })
        .await
        .expect("count");
    assert!(count >= 0.0 && count.fract() == 0.0, "{count}");
    let sent = c
        .postal_code_send(PostalCodeSendRequest {
            from: "3000505".into(),
            message: "hi".into(),
            postal_code: "۱۲۳۴۵۶۷۸۹۰".into(),
            operator: Operator::Mtn,
            ..Default::default()
        })
        .await
        .expect("postal send");
    assert!(!sent.bulk_id.is_empty());
    let e = c
        .postal_code_count(PostalCodeCountRequest {
            postal_code: "12345".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert!(e.message().starts_with("postalCode: "));
}

#[wasm_bindgen_test]
async fn phonebook_ops() {
    let c = client();
    let books = c.book_list().await.expect("books");
    assert!(!books.is_empty() && !books[0].title.is_empty());
    let req = BookSendRequest {
        from: "3000505".into(),
        message: "hi book".into(),
        book_id: books[0].id.clone(),
    };
    assert!(!c.book_send(req).await.expect("book send").bulk_id.is_empty());
    let bad = BookSendRequest {
        from: "3000505".into(),
        message: "x".into(),
        book_id: "-1".into(),
    };
    assert_eq!(c.book_send(bad).await.unwrap_err().kind(), ErrorKind::Input);
}

#[wasm_bindgen_test]
async fn job_ops() {
    let c = client();
    let jobs = c.job_list().await.expect("jobs");
    let job_id = jobs[0].id;
    let trends = c.job_trend_list(job_id).await.expect("trends");
    let trend_id = trends[0].id;
    c.jobs_count(JobsCountRequest {
        trend_ids: vec![trend_id],
    })
    .await
    .expect("count");
    let req = JobsSendRequest {
        from: "3000505".into(),
        message: "jobs".into(),
        job_id,
        trend_ids: vec![trend_id],
    };
    assert!(!c.jobs_send(req).await.expect("jobs send").bulk_id.is_empty());
    let e = c.jobs_count(JobsCountRequest { trend_ids: vec![] }).await.unwrap_err();
    assert!(e.message().starts_with("trendIds: "));
}

#[wasm_bindgen_test]
async fn message_status_delivery_and_waiting() {
    let c = client();
    let id = c
        .send(send(&["09121234567", "09351234560"], "track me"))
        .await
        .expect("send")
        .bulk_id;
    let check = c.check_message(&id).await.expect("check");
    assert_eq!(check.approval, Approval::Approve);
    assert!(!check.status.as_str().is_empty());
    let entries = c.delivery(&id).await.expect("delivery");
    assert_eq!(entries.len(), 2);
    assert!(entries[0].recipient.starts_with("+98"));
    let mut updates = 0;
    let done = c
        .wait_for_delivery_with(
            &id,
            WaitOptions {
                interval_ms: Some(50),
                timeout_ms: Some(20_000),
            },
            |_| updates += 1,
        )
        .await
        .expect("wait");
    assert!(done.iter().all(|e| e.status.is_final()), "{done:?}");
    assert!(
        done.iter().any(|e| e.status == DeliveryStatus::Failed),
        "a number ending in 0 fails"
    );
    assert!(updates >= 1);
    let e = c.delivery("999999999999").await.unwrap_err();
    assert_eq!((e.kind(), code(&e)), (ErrorKind::Api, Some(456)));
    // Times no timer can hold, or none at all, are refused before anything is sent.
    for (options, field) in [
        (
            WaitOptions {
                interval_ms: Some(0),
                timeout_ms: None,
            },
            "intervalMs",
        ),
        (
            WaitOptions {
                interval_ms: Some(3_000_000_000),
                timeout_ms: None,
            },
            "intervalMs",
        ),
        (
            WaitOptions {
                interval_ms: None,
                timeout_ms: Some(0),
            },
            "timeoutMs",
        ),
    ] {
        let e = c.wait_for_delivery(&id, options).await.unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Input);
        assert!(e.message().starts_with(field), "{e}");
    }
}

#[wasm_bindgen_test]
async fn bulk_send_in_batches() {
    let c = client();
    let to: Vec<String> = (0..7).map(|i| format!("0912000000{i}")).collect();
    let mut seen = Vec::new();
    let report = c
        .send_bulk_with(
            SendBulkRequest {
                from: "3000505".into(),
                to,
                message: "bulk".into(),
                chunk_size: Some(3),
                concurrency: Some(2),
                ..Default::default()
            },
            |p| seen.push(p.done),
        )
        .await
        .expect("bulk");
    assert_eq!((report.sent, report.failed, report.batches.len()), (7, 0, 3));
    assert!(report.batches.iter().all(|b| b.bulk_id.is_some() && b.error.is_none()));
    assert_eq!(seen.last(), Some(&7));
    let bad = SendBulkRequest {
        from: "3000505".into(),
        to: vec!["09121234567".into(), "x".into()],
        message: "m".into(),
        ..Default::default()
    };
    assert!(c.send_bulk(bad).await.unwrap_err().message().starts_with("to[1]: "));
}

#[wasm_bindgen_test]
async fn inbox_access_list_and_new_user() {
    let c = client();
    let inbox = c.inbox_list().await.expect("inbox");
    assert!(!inbox.is_empty() && !inbox[0].received_at.is_empty());
    let packages = c.access_list().await.expect("packages");
    assert!(packages[0].price > 0.0);
    // The sandbox keeps accounts, and this suite runs twice against one sandbox (Node, Chromium).
    let user = NewUserRequest {
        username: format!("newbie{}", js_sys::Date::now() as u64),
        password: "Str0ng-pass-99".into(),
        name: "Ali".into(),
        national_id: "0012345679".into(),
        access_id: packages[0].id,
        mobile: "09121234567".into(),
        email: Some("a@b.ir".into()),
        ..Default::default()
    };
    assert!(!c.new_user(user.clone()).await.expect("new user").user_id.is_empty());
    let e = c.new_user(user).await.unwrap_err();
    assert_eq!(
        (e.kind(), code(&e)),
        (ErrorKind::Api, Some(304)),
        "the username is taken now"
    );
}

#[wasm_bindgen_test]
async fn faults_become_typed_errors() {
    let at = |fault: &str| client_at(&format!("{SANDBOX}/__fault/{fault}"), "demo", PASSWORD);
    let e = at("http502").send(send(&["09121234567"], "x")).await.unwrap_err();
    assert_eq!(
        (e.kind(), e.status(), e.may_have_sent()),
        (ErrorKind::Http, Some(502), true)
    );
    assert_eq!(at("shape").credit().await.unwrap_err().kind(), ErrorKind::Protocol);
    assert_eq!(at("truncated").credit().await.unwrap_err().kind(), ErrorKind::Http);
    let e = at("hang").credit().await;
    assert!(e.is_err());
}

#[wasm_bindgen_test]
async fn a_dropped_call_is_aborted() {
    // Polled once (the request goes out), then dropped: nothing may keep running.
    let c = client_at(&format!("{SANDBOX}/__fault/hang"), "demo", PASSWORD);
    let call = c.credit();
    let mut call = Box::pin(call);
    struct Noop;
    impl std::task::Wake for Noop {
        fn wake(self: std::sync::Arc<Self>) {}
    }
    let waker = std::task::Waker::from(std::sync::Arc::new(Noop));
    let mut cx = std::task::Context::from_waker(&waker);
    assert!(call.as_mut().poll(&mut cx).is_pending());
    drop(call);
    // The client still works after a dropped call.
    assert!(client().credit().await.is_ok());
}

use std::future::Future;

#[wasm_bindgen_test]
async fn with_signal_aborts_its_calls() {
    // A call in flight is stopped by the signal: Aborted, and a send may have gone out.
    let hung = client_at(&format!("{SANDBOX}/__fault/hang"), "demo", PASSWORD);
    let controller = web_sys::AbortController::new().expect("AbortController");
    let abort = wasm_bindgen::closure::Closure::once_into_js({
        let controller = controller.clone();
        move || controller.abort()
    });
    let global = js_sys::global();
    let set_timeout: js_sys::Function = js_sys::Reflect::get(&global, &"setTimeout".into())
        .expect("setTimeout")
        .into();
    set_timeout.call2(&global, &abort, &100.into()).expect("timer");
    let err = hung
        .with_signal(controller.signal())
        .send(send(&["09121234567"], "hi"))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Aborted);
    assert!(err.may_have_sent(), "the send had left");
    // An aborted signal stops a call before it is sent; the handle it came from is unaffected.
    let c = client();
    let before = c.credit().await.expect("credit");
    let err = c
        .with_signal(controller.signal())
        .send(send(&["09121234567"], "hi"))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Aborted);
    assert!(!err.may_have_sent(), "nothing was sent");
    assert_eq!(c.credit().await.expect("credit"), before, "nothing was spent");
}

#[wasm_bindgen_test]
async fn with_fetch_sends_through_the_callers_fetch() {
    let counting = js_sys::Function::new_with_args(
        "request",
        "globalThis.__ippanelFetches = (globalThis.__ippanelFetches || 0) + 1; return fetch(request);",
    );
    let config = || Config {
        username: "demo".into(),
        password: PASSWORD.into(),
        base_url: Some(SANDBOX.into()),
        ..Default::default()
    };
    let c = Client::with_fetch(config(), counting).expect("client");
    assert!(c.credit().await.expect("credit") > 0.0);
    let count = js_sys::Reflect::get(&js_sys::global(), &"__ippanelFetches".into()).expect("count");
    assert_eq!(count.as_f64(), Some(1.0));
    // Whatever the caller's fetch answers is checked: not a Response is a typed error.
    let odd = Client::with_fetch(config(), js_sys::Function::new_with_args("request", "return 42;")).expect("client");
    assert_eq!(odd.credit().await.unwrap_err().kind(), ErrorKind::Network);
}

#[wasm_bindgen_test]
fn helpers() {
    assert_eq!(normalize_mobile("۰۹۱۲ ۱۲۳ ۴۵۶۷").unwrap(), "+989121234567");
    assert_eq!(normalize_mobile("12345").unwrap_err().kind(), ErrorKind::Input);
    let parts = sms_parts(&"a".repeat(161));
    assert_eq!((parts.encoding.as_str(), parts.parts), ("gsm7", 2));
    assert_eq!(sms_parts("سلام").per_part, 70);
}

#[wasm_bindgen_test]
fn constructor_validates_config() {
    let bad = [
        Config {
            username: "demo".into(),
            ..Default::default()
        },
        Config {
            username: "demo".into(),
            password: "x".into(),
            base_url: Some("ftp://x".into()),
            ..Default::default()
        },
        Config {
            username: "demo".into(),
            password: "x".into(),
            retries: Some(11),
            ..Default::default()
        },
        Config {
            username: "demo".into(),
            password: "x".into(),
            timeout_ms: Some(0),
            ..Default::default()
        },
    ];
    for config in bad {
        assert_eq!(Client::new(config).unwrap_err().kind(), ErrorKind::Input);
    }
}
