//! End-to-end tests of the Rust Edge API (`ippanel_wasm::edge`) against the sandbox's Edge
//! service, run by `scripts/test-wasm.sh` in Node and in headless Chromium: every method,
//! success and errors, paging and delivery, through the real transport.
#![cfg(all(target_arch = "wasm32", feature = "edge"))]

use ippanel_wasm::edge::*;
use wasm_bindgen_test::wasm_bindgen_test;

const SANDBOX: &str = match option_env!("SANDBOX_URL") {
    Some(url) => url,
    None => "http://127.0.0.1:8787",
};
const KEY: &str = "edge-demo-key-1234";

fn base() -> String {
    [SANDBOX, "/edge/v1"].concat()
}

fn client_with(key: &str) -> Client {
    Client::new(Config {
        api_key: key.into(),
        base_url: Some(base()),
        timeout_ms: Some(3000),
        ..Default::default()
    })
    .expect("client")
}

fn client() -> Client {
    client_with(KEY)
}

fn unique(text: &str) -> String {
    // The service refuses an identical send within 40 seconds; the suites send many.
    [text, " ", &js_sys::Math::random().to_string()].concat()
}

fn send(to: &[&str], message: &str) -> SendRequest {
    SendRequest {
        from: "3000505".into(),
        to: to.iter().map(|s| s.to_string()).collect(),
        message: unique(message),
        ..Default::default()
    }
}

fn fast() -> WaitOptions {
    WaitOptions {
        interval_ms: Some(50),
        timeout_ms: Some(20_000),
    }
}

#[wasm_bindgen_test]
async fn send_spends_credit_and_delivers() {
    let c = client();
    let before = c.credit().await.expect("credit");
    let sent = c
        .send(send(&["09121234567", "+98 912 123 4560"], "سلام"))
        .await
        .expect("send");
    assert_eq!(sent.message_outbox_ids.len(), 1);
    assert!(sent.message_outbox_ids[0].bytes().all(|b| b.is_ascii_digit()));
    let after = c.credit().await.expect("credit");
    assert!(after.credit < before.credit, "{} {}", before.credit, after.credit);
    let id = &sent.message_outbox_ids[0];
    let mut updates = 0;
    let entries = c
        .wait_for_delivery_with(id, fast(), |_| updates += 1)
        .await
        .expect("delivery");
    assert!(updates >= 1);
    let statuses: Vec<&str> = entries.iter().map(|e| e.status.as_str()).collect();
    assert_eq!(statuses, ["delivered", "failed"]);
    let item = c.bulk(id).await.expect("bulk");
    assert_eq!(item.messages_outbox_id, *id);
    assert_eq!(item.state_id, Some(6));
    let stats = c.bulk_stats(id).await.expect("stats");
    assert!(!stats.operators_delivered.0.is_empty());
    let page = c
        .recipients(id, RecipientsRequest::default())
        .await
        .expect("recipients");
    assert_eq!(page.items.len(), 2);
    assert_eq!(page.page, 1);
}

#[wasm_bindgen_test]
async fn every_sending_type() {
    let c = client();
    let p2p = c
        .send_peer_to_peer(SendPeerToPeerRequest {
            from: "+983000505".into(),
            params: vec![
                PeerToPeerItem {
                    to: vec!["09121234567".into()],
                    message: unique("one"),
                },
                PeerToPeerItem {
                    to: vec!["09351234567".into()],
                    message: unique("two"),
                },
            ],
            ..Default::default()
        })
        .await
        .expect("p2p");
    assert_eq!(p2p.message_outbox_ids.len(), 2);
    c.send_pattern(SendPatternRequest {
        from: "3000505".into(),
        to: "09121234567".into(),
        pattern_code: "otpdemo123".into(),
        values: vec![("code".into(), unique("4821"))],
        ..Default::default()
    })
    .await
    .expect("pattern");
    c.send_voice_otp(SendVoiceOtpRequest {
        to: "09121234568".into(),
        code: "0".to_string() + &(js_sys::Math::random() * 1e6).floor().to_string(),
        ..Default::default()
    })
    .await
    .expect("votp");
    let range = |size| Range { start: 0, size };
    c.send_postal_code(SendPostalCodeRequest {
        from: "+98BANK".into(),
        message: unique("postal"),
        params: vec![PostalTarget {
            postal_code: "131".into(),
            mci: Some(range(2)),
            ..Default::default()
        }],
        ..Default::default()
    })
    .await
    .expect("postal");
    c.send_country(SendCountryRequest {
        from: "+98BANK".into(),
        message: unique("country"),
        params: vec![CountryTarget {
            province_id: 89,
            pre: "912".into(),
            mci: range(2),
            irancell: range(0),
            other: range(0),
            ..Default::default()
        }],
        ..Default::default()
    })
    .await
    .expect("country");
    c.send_geolocation(SendGeolocationRequest {
        from: "+98BANK".into(),
        message: unique("geo"),
        params: vec![GeoTarget {
            province_id: Some(89),
            gender: Gender::Female,
            operator: vec![Slice {
                id: OperatorId::Irancell,
                start: 0,
                size: 2,
            }],
            ..Default::default()
        }],
        ..Default::default()
    })
    .await
    .expect("geo");
    c.send_job(SendJobRequest {
        from: "+98PRO".into(),
        message: unique("job"),
        params: vec![JobTarget {
            main_category_id: 1,
            sub_category_id: Some(1),
            ..Default::default()
        }],
        ..Default::default()
    })
    .await
    .expect("job");
    c.send_phonebook(SendPhonebookRequest {
        from: "3000505".into(),
        message: unique("book"),
        params: vec![
            PhonebookTarget::All {
                phonebook_ids: vec!["123654".into()],
                start: None,
                size: None,
            },
            PhonebookTarget::Detail {
                phonebook_id: "838550".into(),
                number_ids: vec!["1240".into()],
            },
        ],
        ..Default::default()
    })
    .await
    .expect("phonebook");
    c.send_keyword_phonebook(SendKeywordPhonebookRequest {
        from: "3000505".into(),
        message: unique("تاریخ {ex_1234}"),
        params: vec![KeywordPhonebookTarget {
            phonebook_id: "838550".into(),
        }],
        ..Default::default()
    })
    .await
    .expect("keyword");
}

#[wasm_bindgen_test]
async fn scheduled_sends_can_be_cancelled_and_prices_calculated() {
    let c = client();
    let at = js_sys::Date::new_0();
    at.set_time(js_sys::Date::now() + 3_600_000.0);
    let mut later = send(&["09121234567"], "later");
    later.send_time = Some(String::from(at.to_iso_string()));
    let sent = c.send(later).await.expect("scheduled");
    c.cancel(&sent.message_outbox_ids[0]).await.expect("cancel");
    let again = c.cancel(&sent.message_outbox_ids[0]).await.unwrap_err();
    assert_eq!((again.kind(), again.status()), (ErrorKind::Api, Some(404)));
    assert!(!again.may_have_sent());
    let price = c
        .calculate_price(CalculatePriceRequest {
            from: "3000505".into(),
            message: "hello".into(),
        })
        .await
        .expect("price");
    assert_eq!(price.parts, 1);
    assert!(price.mci_price > 0.0 && price.other_price > 0.0);
}

#[wasm_bindgen_test]
async fn reports_and_pagers() {
    let c = client();
    c.send(send(&["09121234567"], "for the outbox")).await.expect("send");
    let page = c
        .outbox(OutboxRequest {
            limit: Some(1),
            ..Default::default()
        })
        .await
        .expect("outbox");
    assert_eq!((page.items.len(), page.limit), (1, 1));
    assert!(page.total.is_some() && page.last_page.is_some());
    let inbox = c.inbox_all(InboxRequest::default()).collect().await.expect("inbox");
    assert!(inbox.len() >= 3);
    let mut pager = c.patterns_all(PatternsRequest {
        limit: Some(1),
        ..Default::default()
    });
    let mut pages = 0;
    while let Some(page) = pager.next_page().await.expect("page") {
        assert_eq!(page.items.len(), 1);
        pages += 1;
    }
    assert!(pages >= 3, "{pages}");
    assert!(pager.next_page().await.expect("after the end").is_none());
    let lines = c.numbers_all(NumbersRequest::default()).collect().await.expect("lines");
    assert!(lines.iter().any(|l| l.number == "+983000505"));
    let books = c
        .phonebooks_all(PhonebooksRequest::default())
        .collect()
        .await
        .expect("books");
    assert!(books.iter().any(|b| b.id == "123654"));
    let contacts = c
        .phonebook_contacts_all(PhonebookContactsRequest {
            phonebook_id: Some("123654".into()),
            ..Default::default()
        })
        .collect()
        .await
        .expect("contacts");
    assert!(contacts.iter().all(|x| x.phonebook_id == "123654") && !contacts.is_empty());
    let outbox = c
        .outbox_all(OutboxRequest {
            limit: Some(100),
            ..Default::default()
        })
        .collect()
        .await
        .expect("outbox_all");
    assert!(!outbox.is_empty());
}

#[wasm_bindgen_test]
async fn patterns_and_helpers() {
    let c = client();
    let p = c.pattern("otpdemo123").await.expect("pattern");
    assert_eq!(p.pattern_status, PatternStatus::Active);
    let missing = c.pattern("no-such-pattern").await.unwrap_err();
    assert_eq!((missing.kind(), missing.status()), (ErrorKind::Api, Some(404)));
    assert_eq!(missing.op(), "patterns/{code}");
    let created = c
        .create_pattern(CreatePatternRequest {
            message: "کد شما %code%".into(),
            description: unique("test"),
            variable: vec![VariableSpec {
                name: "code".into(),
                kind: VariableType::Integer,
            }],
            ..Default::default()
        })
        .await
        .expect("create");
    assert_eq!(created.pattern_status, PatternStatus::Pending);
    let bad = c
        .create_pattern(CreatePatternRequest {
            message: "x".into(),
            description: "d".into(),
            variable: vec![VariableSpec {
                name: "a b".into(),
                kind: VariableType::String,
            }],
            ..Default::default()
        })
        .await;
    if let Err(e) = bad {
        assert_eq!(e.kind(), ErrorKind::Api);
    }
    assert_eq!(c.provinces().await.expect("provinces").len(), 31);
    let counties = c.counties(119).await.expect("counties");
    assert!(counties.iter().any(|x| x.id == 147));
    assert!(!c.cities(147).await.expect("cities").is_empty());
    let bad_province = c.counties(5).await.unwrap_err();
    assert_eq!(bad_province.kind(), ErrorKind::Api);
    assert!(!bad_province.field_errors().is_empty());
    c.bank_counts(BankCountsRequest {
        province_id: 89,
        ..Default::default()
    })
    .await
    .expect("counts");
    assert_eq!(c.job_categories().await.expect("jobs").len(), 8);
    assert!(!c.job_sub_categories(1).await.expect("subs").is_empty());
    c.job_number_count(JobNumberCountRequest {
        main_category_id: 1,
        operator_id: Some(OperatorId::Mci),
        ..Default::default()
    })
    .await
    .expect("job count");
}

#[wasm_bindgen_test]
async fn errors_of_the_mapping_table() {
    let bad = client_with("not-a-key");
    let e = bad.credit().await.unwrap_err();
    assert_eq!((e.kind(), e.status()), (ErrorKind::Auth, Some(401)));
    assert!(!format!("{e:?} {e}").contains("not-a-key"));
    let c = client();
    let twice = send(&["09121234567"], "twice");
    c.send(twice.clone()).await.expect("first");
    let e = c.send(twice).await.unwrap_err();
    assert_eq!(
        (e.kind(), e.status(), e.may_have_sent()),
        (ErrorKind::Api, Some(429), false)
    );
    let mut long = send(&["09121234567"], "");
    long.message = "x".repeat(1401);
    let e = c.send(long).await.unwrap_err();
    assert_eq!((e.kind(), e.status()), (ErrorKind::Api, Some(422)));
    assert!(
        e.field_errors().iter().any(|(path, _)| path == "message"),
        "{:?}",
        e.field_errors()
    );
    let e = c.send(send(&["0912"], "x")).await.unwrap_err();
    assert_eq!((e.kind(), e.op()), (ErrorKind::Input, "send:webservice"));
    let faulty = Client::new(Config {
        api_key: KEY.into(),
        base_url: Some([SANDBOX, "/__fault/http502/edge/v1"].concat()),
        retries: Some(0),
        ..Default::default()
    })
    .expect("client");
    let e = faulty.send(send(&["09121234567"], "x")).await.unwrap_err();
    assert_eq!((e.kind(), e.may_have_sent()), (ErrorKind::Http, true));
    let e = faulty.credit().await.unwrap_err();
    assert_eq!((e.kind(), e.may_have_sent()), (ErrorKind::Http, false));
    let html = Client::new(Config {
        api_key: KEY.into(),
        base_url: Some([SANDBOX, "/__fault/shape/edge/v1"].concat()),
        ..Default::default()
    })
    .expect("client");
    assert_eq!(
        html.send(send(&["09121234567"], "x")).await.unwrap_err().kind(),
        ErrorKind::Protocol
    );
    assert!(Client::new(Config::default()).is_err());
}

#[wasm_bindgen_test]
async fn a_dead_send_ends_the_wait_without_recipients() {
    let broke = client_with("edge-empty-key-1234");
    let sent = broke.send(send(&["09121234567"], "no credit")).await.expect("accepted");
    let entries = broke
        .wait_for_delivery(&sent.message_outbox_ids[0], fast())
        .await
        .expect("wait");
    assert!(entries.is_empty());
}
