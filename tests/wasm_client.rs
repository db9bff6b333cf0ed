//! End-to-end tests of the compiled client against the sandbox, run by `scripts/test-wasm.sh`
//! in Node and in headless Chromium: every op, success and error, through the real transport.
#![cfg(target_arch = "wasm32")]

use ippanel_wasm::{normalize_mobile, register_transport, sms_parts, Client};
use js_sys::{Array, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;

const SANDBOX: &str = match option_env!("SANDBOX_URL") {
    Some(url) => url,
    None => "http://127.0.0.1:8787",
};
const PASSWORD: &str = "demo-pass-1234";

fn js(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("test JSON")
}

fn field(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("readable field")
}

fn string(value: &JsValue, key: &str) -> String {
    field(value, key).as_string().unwrap_or_else(|| panic!("{key} is not a string"))
}

fn number(value: &JsValue, key: &str) -> f64 {
    field(value, key).as_f64().unwrap_or_else(|| panic!("{key} is not a number"))
}

/// Registers `js/transport.js` with the wasm, as every package entry does (tests load no entry).
fn install_transport() {
    let source = include_str!("../js/transport.js").replace("export ", "");
    let make = js_sys::Function::new_no_args(&format!("{source}\nreturn run;"));
    let run = make.call0(&JsValue::UNDEFINED).expect("transport.js evaluates");
    register_transport(run.unchecked_into());
}

fn client_at(base: &str, password: &str) -> Client {
    install_transport();
    let options = js_sys::Object::new();
    Reflect::set(&options, &"username".into(), &"demo".into()).unwrap();
    Reflect::set(&options, &"password".into(), &password.into()).unwrap();
    Reflect::set(&options, &"baseUrl".into(), &base.into()).unwrap();
    Reflect::set(&options, &"timeoutMs".into(), &JsValue::from_f64(3000.0)).unwrap();
    Client::new(options.into()).map_err(|e| format!("{e:?}")).expect("client")
}

fn client() -> Client {
    client_at(SANDBOX, PASSWORD)
}

async fn ok(promise: Promise) -> JsValue {
    match JsFuture::from(promise).await {
        Ok(value) => value,
        Err(error) => panic!("rejected: {} / {}", string(&error, "kind"), string(&error, "message")),
    }
}

async fn err(promise: Promise) -> JsValue {
    match JsFuture::from(promise).await {
        Ok(value) => panic!("resolved unexpectedly: {:?}", js_sys::JSON::stringify(&value)),
        Err(error) => {
            assert_eq!(string(&error, "name"), "IppanelError");
            assert!(error.is_instance_of::<js_sys::Error>(), "errors are Error instances");
            error
        }
    }
}

fn list(value: &JsValue) -> Array {
    assert!(Array::is_array(value), "expected an array");
    value.clone().unchecked_into()
}

fn assert_bulk_id(result: &JsValue) -> String {
    let id = string(result, "bulkId");
    assert!(!id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()), "bulk id {id:?}");
    id
}

#[wasm_bindgen_test]
async fn credit_is_a_number_and_send_spends_it() {
    let c = client();
    let before = ok(c.credit(JsValue::UNDEFINED)).await.as_f64().expect("credit number");
    let sent = ok(c.send(js(r#"{"from":"3000505","to":["09121234567","+98 935 123 4567"],"message":"سلام دنیا"}"#))).await;
    assert_bulk_id(&sent);
    let after = ok(c.credit(JsValue::UNDEFINED)).await.as_f64().expect("credit number");
    assert!(after < before, "credit {before} -> {after}");
}

#[wasm_bindgen_test]
async fn send_rejects_bad_input_before_any_request() {
    let c = client();
    let e = err(c.send(js(r#"{"from":"3000505","to":["09121234567","0912"],"message":"hi"}"#))).await;
    assert_eq!(string(&e, "kind"), "input");
    assert!(string(&e, "message").contains("to[1]"), "{}", string(&e, "message"));
    assert_eq!(string(&e, "op"), "send");
    assert_eq!(field(&e, "mayHaveSent").as_bool(), Some(false));
    let e = err(c.send(js(r#"{"from":"3000505","to":"09121234567","message":"   "}"#))).await;
    assert!(string(&e, "message").contains("message"));
    let e = err(c.send(js(r#"{"from":"3000505","to":[],"message":"hi"}"#))).await;
    assert_eq!(string(&e, "kind"), "input");
    let e = err(c.send(js(r#"{"from":"3000505","to":"09121234567","message":"hi","time":"2030-13-01"}"#))).await;
    assert!(string(&e, "message").contains("time"));
}

#[wasm_bindgen_test]
async fn scheduled_send_with_a_date() {
    let c = client();
    let req = js(r#"{"from":"3000505","to":"09121234567","message":"later"}"#);
    let later = js_sys::Date::new(&JsValue::from_f64(js_sys::Date::now() + 86_400_000.0));
    Reflect::set(&req, &"time".into(), &later).unwrap();
    assert_bulk_id(&ok(c.send(req)).await);
}

#[wasm_bindgen_test]
async fn wrong_password_is_auth_and_never_leaks() {
    let secret = "s3cret-Pässword&x=1";
    let c = client_at(SANDBOX, secret);
    // Each promise is created only when awaited: Node kills the process on an unhandled rejection.
    for pattern in [false, true] {
        let promise = if pattern {
            c.send_pattern(js(r#"{"from":"3000505","to":"09121234567","patternCode":"otp-demo","values":{"code":"1"}}"#))
        } else {
            c.credit(JsValue::UNDEFINED)
        };
        let e = err(promise).await;
        assert_eq!(string(&e, "kind"), "auth");
        assert_eq!(number(&e, "code"), 962.0);
        let dump = js_sys::JSON::stringify(&e).unwrap().as_string().unwrap();
        assert!(!dump.contains("s3cret"), "{dump}");
        assert!(!string(&e, "messageFa").is_empty());
    }
}

#[wasm_bindgen_test]
async fn pattern_send_and_its_errors() {
    let c = client();
    let sent = ok(c.send_pattern(js(r#"{"from":"3000505","to":"09121234567","patternCode":"otp-demo","values":{"code":4821}}"#))).await;
    assert_bulk_id(&sent);
    let e = err(c.send_pattern(js(r#"{"from":"3000505","to":"09121234567","patternCode":"old-promo","values":{}}"#))).await;
    assert_eq!(string(&e, "kind"), "api");
    assert_eq!(number(&e, "code"), 996.0);
    assert_eq!(field(&e, "mayHaveSent").as_bool(), Some(false));
    let e = err(c.send_pattern(js(r#"{"from":"3000505","to":"09121234567","patternCode":"no-such-pattern","values":{"a":"b"}}"#))).await;
    assert_eq!(number(&e, "code"), 971.0);
    let e = err(c.send_pattern(js(r#"{"from":"3000505","to":"09121234567","patternCode":"otp-demo","values":[1]}"#))).await;
    assert_eq!(string(&e, "kind"), "input");
}

#[wasm_bindgen_test]
async fn api_errors_carry_table_text() {
    let c = client();
    let e = err(c.send(js(r#"{"from":"1111111","to":"09121234567","message":"hi"}"#))).await;
    assert_eq!(string(&e, "kind"), "api");
    assert_eq!(number(&e, "code"), 3.0);
    assert_eq!(string(&e, "messageFa"), "خط به شما تعلق ندارد");
    let empty = {
        let options = js(r#"{"username":"empty","password":"empty-pass-1234"}"#);
        Reflect::set(&options, &"baseUrl".into(), &SANDBOX.into()).unwrap();
        Client::new(options).map_err(|e| format!("{e:?}")).unwrap()
    };
    let e = err(empty.send(js(r#"{"from":"3000505","to":"09121234567","message":"hi"}"#))).await;
    assert!(matches!(number(&e, "code") as i64, 3 | 5), "no credit or not its line");
}

#[wasm_bindgen_test]
async fn postal_code_ops() {
    let c = client();
    let areas = list(&ok(c.postal_code_area(JsValue::UNDEFINED)).await);
    assert!(areas.length() > 0);
    let first = areas.get(0);
    assert!(!string(&first, "code").is_empty() && !string(&first, "name").is_empty());
    let count = ok(c.postal_code_count(js(r#"{"postalCode":"1234567890","operator":"mci","gender":"female"}"#))).await;
    assert!(count.as_f64().is_some_and(|n| n >= 0.0));
    assert_bulk_id(&ok(c.postal_code_send(js(r#"{"from":"3000505","message":"hi","postalCode":"۱۲۳۴۵۶۷۸۹۰","operator":"mtn"}"#))).await);
    let e = err(c.postal_code_count(js(r#"{"postalCode":"12345","operator":"mci"}"#))).await;
    assert!(string(&e, "message").contains("postalCode"));
    let e = err(c.postal_code_count(js(r#"{"postalCode":"1234567890","operator":"rightel"}"#))).await;
    assert!(string(&e, "message").contains("operator"));
}

#[wasm_bindgen_test]
async fn phonebook_ops() {
    let c = client();
    let books = list(&ok(c.book_list(JsValue::UNDEFINED)).await);
    assert!(books.length() > 0);
    let id = string(&books.get(0), "id");
    assert!(!string(&books.get(0), "title").is_empty());
    let req = js(r#"{"from":"3000505","message":"hi book"}"#);
    Reflect::set(&req, &"bookId".into(), &id.into()).unwrap();
    assert_bulk_id(&ok(c.book_send(req)).await);
    let e = err(c.book_send(js(r#"{"from":"3000505","message":"x","bookId":-1}"#))).await;
    assert_eq!(string(&e, "kind"), "input");
}

#[wasm_bindgen_test]
async fn job_ops() {
    let c = client();
    let jobs = list(&ok(c.job_list(JsValue::UNDEFINED)).await);
    assert!(jobs.length() > 0);
    let job_id = number(&jobs.get(0), "id");
    let trends = list(&ok(c.job_trend_list(JsValue::from_f64(job_id), JsValue::UNDEFINED)).await);
    assert!(trends.length() > 0);
    let trend_id = number(&trends.get(0), "id");
    let count_req = js("{}");
    Reflect::set(&count_req, &"trendIds".into(), &Array::of1(&JsValue::from_f64(trend_id))).unwrap();
    assert!(ok(c.jobs_count(count_req)).await.as_f64().is_some());
    let send_req = js(r#"{"from":"3000505","message":"jobs"}"#);
    Reflect::set(&send_req, &"jobId".into(), &JsValue::from_f64(job_id)).unwrap();
    Reflect::set(&send_req, &"trendIds".into(), &Array::of1(&JsValue::from_f64(trend_id))).unwrap();
    assert_bulk_id(&ok(c.jobs_send(send_req)).await);
    let e = err(c.job_trend_list(JsValue::from_f64(1.5), JsValue::UNDEFINED)).await;
    assert!(string(&e, "message").contains("jobId"));
}

#[wasm_bindgen_test]
async fn message_status_and_delivery() {
    let c = client();
    let id = assert_bulk_id(&ok(c.send(js(r#"{"from":"3000505","to":["09121234567","09351234560"],"message":"track me"}"#))).await);
    let status = ok(c.check_message(JsValue::from_str(&id), JsValue::UNDEFINED)).await;
    assert!(!string(&status, "status").is_empty());
    assert!(!string(&status, "approval").is_empty());
    let entries = list(&ok(c.delivery(JsValue::from_str(&id), JsValue::UNDEFINED)).await);
    assert_eq!(entries.length(), 2);
    assert!(string(&entries.get(0), "recipient").starts_with("+98"));
    let e = err(c.delivery(JsValue::from_str("999999999999"), JsValue::UNDEFINED)).await;
    assert_eq!(string(&e, "kind"), "api");
}

#[wasm_bindgen_test]
async fn inbox_access_list_and_new_user() {
    let c = client();
    let inbox = list(&ok(c.inbox_list(JsValue::UNDEFINED)).await);
    assert!(inbox.length() > 0);
    let m = inbox.get(0);
    for key in ["from", "to", "message", "receivedAt"] {
        assert!(field(&m, key).is_string(), "inbox item {key}");
    }
    let packages = list(&ok(c.access_list(JsValue::UNDEFINED)).await);
    assert!(packages.length() > 0);
    let p = packages.get(0);
    for key in ["id", "price", "discount"] {
        assert!(field(&p, key).as_f64().is_some(), "access item {key}");
    }
    let user = js(r#"{"password":"Str0ng-pass-99","name":"Ali","nationalId":"0012345679","mobile":"09121234567","email":"a@b.ir"}"#);
    // The sandbox keeps accounts, and this suite runs twice against one sandbox (Node, Chromium).
    let username = format!("newbie{}", js_sys::Date::now() as u64);
    Reflect::set(&user, &"username".into(), &username.as_str().into()).unwrap();
    Reflect::set(&user, &"accessId".into(), &field(&p, "id")).unwrap();
    let created = ok(c.new_user(user)).await;
    assert!(!string(&created, "userId").is_empty());
}

#[wasm_bindgen_test]
async fn faults_become_typed_errors() {
    let c = client_at(&format!("{SANDBOX}/__fault/http502"), PASSWORD);
    let e = err(c.send(js(r#"{"from":"3000505","to":"09121234567","message":"x"}"#))).await;
    assert_eq!(string(&e, "kind"), "http");
    assert_eq!(number(&e, "status"), 502.0);
    assert_eq!(field(&e, "mayHaveSent").as_bool(), Some(true));
    let c = client_at(&format!("{SANDBOX}/__fault/shape"), PASSWORD);
    assert_eq!(string(&err(c.credit(JsValue::UNDEFINED)).await, "kind"), "protocol");
    let c = client_at(&format!("{SANDBOX}/__fault/truncated"), PASSWORD);
    assert_eq!(string(&err(c.credit(JsValue::UNDEFINED)).await, "kind"), "http");
}

#[wasm_bindgen_test]
fn helpers() {
    assert_eq!(normalize_mobile(JsValue::from_str("۰۹۱۲ ۱۲۳ ۴۵۶۷")).unwrap(), "+989121234567");
    assert!(normalize_mobile(JsValue::from_str("12345")).is_err());
    let parts = sms_parts(JsValue::from_str(&"a".repeat(161))).unwrap();
    assert_eq!(string(&parts, "encoding"), "gsm7");
    assert_eq!(number(&parts, "parts"), 2.0);
    let parts = sms_parts(JsValue::from_str("سلام")).unwrap();
    assert_eq!(string(&parts, "encoding"), "ucs2");
    assert_eq!(number(&parts, "perPart"), 70.0);
}

#[wasm_bindgen_test]
fn constructor_validates_options() {
    for bad in [r#"{"username":"demo"}"#, r#"{"username":"demo","password":"x","baseUrl":"ftp://x"}"#, r#"{"username":"demo","password":"x","retries":-1}"#] {
        let e = Client::new(js(bad)).err().expect("rejected");
        assert_eq!(string(&e, "kind"), "input");
    }
}

/// The crate's allocator (src/wasm/alloc.rs) is this test binary's global allocator too: many
/// live blocks of random sizes and alignments, freed and grown in random order, must each keep
/// their own bytes, and steady churn must not keep growing memory.
#[wasm_bindgen_test]
fn allocator_keeps_every_block_intact() {
    let mut seed: u32 = 0x9e37_79b9;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed
    };
    let check = |blocks: &Vec<(Vec<u8>, u8)>| {
        for (block, fill) in blocks {
            assert!(block.iter().all(|b| b == fill), "a block lost its bytes");
        }
    };
    let mut blocks: Vec<(Vec<u8>, u8)> = Vec::new();
    let mut aligned: Vec<Box<[u64; 9]>> = Vec::new();
    let mut memory_after_warmup = 0;
    for round in 0..20_000u32 {
        let r = next();
        match r % 4 {
            0 | 1 => {
                // Mostly small, sometimes large (up to 300 KB, over a page).
                let len = if r % 97 == 0 { (next() % 300_000) as usize } else { (next() % 200) as usize };
                let fill = (next() % 251) as u8;
                blocks.push((vec![fill; len], fill));
            }
            2 if !blocks.is_empty() => {
                let i = next() as usize % blocks.len();
                blocks.swap_remove(i);
            }
            _ if !blocks.is_empty() => {
                // Grow in place or move: realloc must carry the bytes over.
                let i = next() as usize % blocks.len();
                let (block, fill) = &mut blocks[i];
                let more = (next() % 500) as usize;
                block.extend(std::iter::repeat(*fill).take(more));
            }
            _ => {}
        }
        if r % 7 == 0 {
            aligned.push(Box::new([u64::from(round); 9]));
            if aligned.len() > 50 {
                let gone = aligned.remove(0);
                assert!(gone.iter().all(|v| *v == gone[0]));
            }
            assert_eq!(aligned.last().map(|b| b.as_ptr() as usize % 8), Some(0), "alignment");
        }
        if blocks.len() > 400 {
            blocks.truncate(200);
        }
        if round % 1000 == 0 {
            check(&blocks);
        }
        if round == 10_000 {
            memory_after_warmup = core::arch::wasm32::memory_size(0);
        }
    }
    check(&blocks);
    let grown = core::arch::wasm32::memory_size(0) - memory_after_warmup;
    assert!(grown <= 64, "steady churn grew memory by {grown} pages");
}
