use serde_json::Value;

use super::req;
use crate::core::edge::encode::{encode, fallback, EdgeRequest, EdgeWire};
use crate::core::edge::ops::Method;
use crate::core::error::ErrorKind;

fn wire(r: EdgeRequest) -> EdgeWire {
    encode(&r).expect("encodes")
}

fn body(r: EdgeRequest) -> Value {
    serde_json::from_str(&wire(r).body.expect("a body")).expect("the body is JSON")
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("test JSON")
}

fn input_error(r: EdgeRequest) -> String {
    let e = encode(&r).expect_err("refused");
    assert_eq!(e.kind, ErrorKind::Input);
    e.message
}

#[test]
fn webservice_as_the_example_and_the_sdks() {
    let sent = body(EdgeRequest::Send(req(
        r#"{"from":"3000505","to":["09120000000","+98 935 000 0000"],"message":"متن پیام","sendTime":"2025-03-13T00:50:02+03:30"}"#,
    )));
    assert_eq!(
        sent,
        json(
            r#"{"sending_type":"webservice","from_number":"+983000505","message":"متن پیام","params":{"recipients":["+989120000000","+989350000000"]},"send_time":"2025-03-12 21:20:02"}"#
        )
    );
    let text = wire(EdgeRequest::Send(req(
        r#"{"from":"+983000505","to":"09121234567","message":"hi"}"#,
    )));
    assert_eq!(text.method, Method::Post);
    assert_eq!(text.path, "send");
    assert_eq!(
        text.body.as_deref(),
        Some(
            r#"{"sending_type":"webservice","from_number":"+983000505","message":"hi","params":{"recipients":["+989121234567"]}}"#
        )
    );
}

#[test]
fn peer_to_peer_pattern_and_votp() {
    let p2p = body(EdgeRequest::SendPeerToPeer(req(
        r#"{"from":"+983000505","params":[{"to":["09120000000","09350000000"],"message":"پیام اول"},{"to":"09130000000","message":"پیام دوم"}]}"#,
    )));
    assert_eq!(
        p2p,
        json(
            r#"{"sending_type":"peer_to_peer","from_number":"+983000505","params":[{"recipients":["+989120000000","+989350000000"],"message":"پیام اول"},{"recipients":["+989130000000"],"message":"پیام دوم"}]}"#
        )
    );
    let pattern = body(EdgeRequest::SendPattern(req(
        r#"{"from":"+983000505","to":"09120000000","patternCode":"xxxxxxxxxxxxxxx","values":{"code":"متن جایگذاری","n":12,"ok":true,"f":1.5},"phonebook":{"id":"1234","name":"سعید محمدی","pre":"mr","email":"saeed@gmail.com","options":{"456":"1970/01/01"}}}"#,
    )));
    assert_eq!(
        pattern,
        json(
            r#"{"sending_type":"pattern","from_number":"+983000505","code":"xxxxxxxxxxxxxxx","recipients":["+989120000000"],"params":{"code":"متن جایگذاری","n":"12","ok":"true","f":"1.5"},"phonebook":{"id":1234,"name":"سعید محمدی","pre":"mr","email":"saeed@gmail.com","options":{"456":"1970/01/01"}}}"#
        )
    );
    let no_values = body(EdgeRequest::SendPattern(req(
        r#"{"from":"3000505","to":"09120000000","patternCode":"abc"}"#,
    )));
    assert_eq!(no_values["params"], json("{}"));
    let votp = body(EdgeRequest::SendVoiceOtp(req(
        r#"{"to":"09120000000","code":"045852"}"#,
    )));
    assert_eq!(
        votp,
        json(r#"{"sending_type":"votp","message":"045852","params":{"recipients":["+989120000000"]}}"#)
    );
    let with_line = body(EdgeRequest::SendVoiceOtp(req(
        r#"{"to":"09120000000","code":45852,"from":"+98votp"}"#,
    )));
    assert_eq!(with_line["from_number"], "+98votp");
    assert_eq!(with_line["message"], "45852");
}

#[test]
fn targeted_sends_as_the_examples() {
    let postal = body(EdgeRequest::SendPostalCode(req(
        r#"{"from":"+98BANK","message":"متن پیام","params":[{"postalCode":131,"ageFrom":1330,"ageTo":1402,"mci":{"start":0,"size":1},"irancell":{"start":0,"size":0},"other":{"start":0,"size":0}},{"postalCode":"141","bank":"all","gender":"all","ageFrom":1330,"ageTo":1402,"mci":{"start":0,"size":1},"irancell":{"start":0,"size":0},"other":{"start":0,"size":0}}],"otherRecipients":["09120000000","09350000000"],"sendTime":"2025-02-28T10:52:02Z"}"#,
    )));
    assert_eq!(
        postal,
        json(
            r#"{"sending_type":"postal_code","from_number":"+98BANK","message":"متن پیام","params":[{"bank":"all","postal_code":131,"gender":0,"age_from":1330,"age_to":1402,"mci":{"start":0,"size":1},"irancell":{"start":0,"size":0},"other":{"start":0,"size":0}},{"bank":"all","postal_code":141,"gender":0,"age_from":1330,"age_to":1402,"mci":{"start":0,"size":1},"irancell":{"start":0,"size":0},"other":{"start":0,"size":0}}],"other_recipients":["+989120000000","+989350000000"],"send_time":"2025-02-28 10:52:02"}"#
        )
    );
    let country = body(EdgeRequest::SendCountry(req(
        r#"{"from":"+98BANK","message":"تست","params":[{"pre":938,"provinceId":89,"countyId":212,"cityId":82,"ageTo":1401,"mci":{"start":10,"size":100},"irancell":{"start":1,"size":2},"other":{"start":2,"size":3}}],"otherRecipients":["09121111111","09351111111"]}"#,
    )));
    assert_eq!(
        country,
        json(
            r#"{"sending_type":"country","from_number":"+98BANK","message":"تست","params":[{"bank":"all","pre":938,"province_id":89,"county_id":212,"city_id":82,"gender":0,"age_from":1300,"age_to":1401,"mci":{"start":10,"size":100},"irancell":{"start":1,"size":2},"other":{"start":2,"size":3}}],"other_recipients":["+989121111111","+989351111111"]}"#
        )
    );
    let geo = body(EdgeRequest::SendGeolocation(req(
        r#"{"from":"+98BANK","message":"تست","params":[{"provinceId":1,"countyId":2,"cityId":5,"pre":912,"gender":"female","fromAge":1354,"toAge":1364,"operator":[{"start":0,"size":10,"id":"mci"},{"start":0,"size":20,"id":2}]}],"otherRecipients":["09121111111","09351111111"]}"#,
    )));
    assert_eq!(
        geo,
        json(
            r#"{"sending_type":"geolocation","from_number":"+98BANK","message":"تست","params":[{"province_id":1,"county_id":2,"city_id":5,"pre":"912","gender":2,"from_age":1354,"to_age":1364,"operator":[{"start":0,"size":10,"id":1},{"start":0,"size":20,"id":2}]}],"other_recipients":["+989121111111","+989351111111"]}"#
        )
    );
    let geo_all = body(EdgeRequest::SendGeolocation(req(
        r#"{"from":"+98BANK","message":"x","params":[{"provinceId":1}]}"#,
    )));
    assert_eq!(geo_all["params"], json(r#"[{"province_id":1}]"#));
    let job = body(EdgeRequest::SendJob(req(
        r#"{"from":"+98PRO","message":"متن پیام","params":[{"mainCategoryId":1,"subCategoryId":1,"operator":[{"start":0,"size":3373,"id":"irancell"},{"start":1,"size":2,"id":"other"}]},{"mainCategoryId":"1","subCategoryId":2}]}"#,
    )));
    assert_eq!(
        job,
        json(
            r#"{"sending_type":"job","from_number":"+98PRO","message":"متن پیام","params":[{"main_category_id":1,"sub_category_id":1,"operator":[{"start":0,"size":3373,"id":2},{"start":1,"size":2,"id":13}]},{"main_category_id":1,"sub_category_id":2}]}"#
        )
    );
    let books = body(EdgeRequest::SendPhonebook(req(
        r#"{"from":"+983000505","message":"تست","params":[{"type":"all","phonebookIds":["123654"],"start":1,"size":"2"},{"type":"detail","phonebookId":456987,"numberIds":["123",456,"789"]}]}"#,
    )));
    assert_eq!(
        books,
        json(
            r#"{"sending_type":"phonebook","from_number":"+983000505","message":"تست","params":[{"phonebook_ids":["123654"],"type":"all","start":"1","size":"2"},{"phonebook_id":"456987","type":"detail","number_ids":["123","456","789"]}]}"#
        )
    );
    let keyword = body(EdgeRequest::SendKeywordPhonebook(req(
        r#"{"from":"+983000505","message":"تاریخ {ex_50856}\nبدهی {ex_50858}","sendTime":"2025-03-25T13:40:10+03:30","params":[{"phonebookId":"123654"}]}"#,
    )));
    assert_eq!(
        keyword,
        json(
            r#"{"sending_type":"keyword_phonebook","from_number":"+983000505","message":"تاریخ {ex_50856}\nبدهی {ex_50858}","send_time":"2025-03-25 10:10:10","params":[{"phonebook_id":123654}]}"#
        )
    );
}

#[test]
fn the_other_bodies() {
    assert_eq!(
        wire(EdgeRequest::Cancel {
            outbox_id: "1148303263".into()
        })
        .body
        .as_deref(),
        Some(r#"{"message_outbox_id":1148303263}"#)
    );
    assert_eq!(
        body(EdgeRequest::CalculatePrice(req(
            r#"{"from":"+983000505","message":"تست"}"#
        ))),
        json(r#"{"number":"+983000505","message":"تست"}"#)
    );
    assert_eq!(
        body(EdgeRequest::Outbox(req(
            r#"{"page":1,"limit":10,"filters":{"username":"*","number":"+98217000070","messagesOutboxId":1100972179,"createFromDate":1744102007,"createToDate":"1744102007","sendFromDate":"2025-04-08T08:46:47Z","sendToDate":"1744102007","fromExitCount":1,"toExitCount":100,"message":"تست","stateId":6}}"#
        ))),
        json(
            r#"{"page":1,"limit":10,"filters":{"username":"*","number":"+98217000070","messages_outbox_id":"1100972179","create_from_date":"1744102007","create_to_date":"1744102007","send_from_date":"1744102007","send_to_date":"1744102007","from_exit_count":1,"to_exit_count":100,"message":"تست","state_id":"6"}}"#
        )
    );
    assert_eq!(
        wire(EdgeRequest::Outbox(Default::default())).body.as_deref(),
        Some("{}")
    );
    assert_eq!(
        body(EdgeRequest::Inbox(req(r#"{"page":1,"limit":10,"fromId":"125"}"#))),
        json(r#"{"page":1,"per_page":10,"filters":{"from_id":125}}"#)
    );
    assert_eq!(
        body(EdgeRequest::CreatePattern(req(
            r#"{"title":"test pattern","description":"پترن تستی","message":"پترن تستی %var% . کد شما %code%","website":"https://yoursite.com","variable":[{"name":"var","type":"string"},{"name":"code","type":"integer"}]}"#
        ))),
        json(
            r#"{"title":"test pattern","description":"پترن تستی","is_share":false,"message":"پترن تستی %var% . کد شما %code%","website":"https://yoursite.com","variable":[{"name":"var","type":"string"},{"name":"code","type":"integer"}]}"#
        )
    );
    assert_eq!(
        body(EdgeRequest::CreatePattern(req(r#"{"description":"d","message":"m"}"#))),
        json(r#"{"description":"d","is_share":false,"message":"m","variable":[]}"#)
    );
}

#[test]
fn queries_of_the_reads() {
    let path = |r: EdgeRequest| {
        let w = wire(r);
        assert_eq!((w.method, w.body), (Method::Get, None));
        w.path
    };
    assert_eq!(path(EdgeRequest::Credit), "payment/credit/mine");
    assert_eq!(
        path(EdgeRequest::Bulk {
            outbox_id: "5544778899".into()
        }),
        "report/by_bulk?messages_outbox_id=5544778899"
    );
    assert_eq!(
        path(EdgeRequest::BulkStats { outbox_id: "7".into() }),
        "report/bulk_stats?bulk_id=7"
    );
    assert_eq!(
        path(EdgeRequest::Recipients {
            outbox_id: "7".into(),
            page: req(r#"{"page":1,"limit":10}"#)
        }),
        "report/recipients?page=1&per_page=10&bulk_id=7"
    );
    assert_eq!(
        path(EdgeRequest::Patterns(req(r#"{"page":2,"limit":100,"filter":{"code":"a b","isShare":false,"state":"active","type":"normal"}}"#))),
        "patterns?page=2&per_page=100&filter%5Bcode%5D=a+b&filter%5Bis_share%5D=false&filter%5Bstate%5D=active&filter%5Btype%5D=normal"
    );
    assert_eq!(
        path(EdgeRequest::Pattern {
            code: " aibg4dsf/ertj5ht ".into()
        }),
        "patterns/aibg4dsf%2Fertj5ht"
    );
    assert_eq!(
        path(EdgeRequest::Numbers(req(r#"{"page":1,"limit":10}"#))),
        "number/numbers?page=1&per_page=10"
    );
    assert_eq!(path(EdgeRequest::Numbers(Default::default())), "number/numbers");
    assert_eq!(
        path(EdgeRequest::Phonebooks(req(r#"{"title":"تست","id":123654}"#))),
        "phonebooks/list-new?title=%D8%AA%D8%B3%D8%AA&id=123654"
    );
    assert_eq!(
        path(EdgeRequest::PhonebookContacts(req(
            r#"{"phonebookId":"123456","number":"09123456788","fromCreatedAt":1745061101,"page":1}"#
        ))),
        "phonebooks/numbers/contact-list?from_created_at=1745061101&number=%2B989123456788&phonebook_id=123456&page=1"
    );
    assert_eq!(
        path(EdgeRequest::Counties { province_id: 119 }),
        "send/banks/counties?province_id=119"
    );
    assert_eq!(
        path(EdgeRequest::Cities { county_id: 147 }),
        "send/banks/cities?county_id=147"
    );
    assert_eq!(
        path(EdgeRequest::BankCounts(req(
            r#"{"provinceId":89,"gender":"male","numberPrefix":"912","birthYearFrom":1360}"#
        ))),
        "send/banks/counts?province_id=89&birth_year_from=1360&gender_id=1&number_prefix=912"
    );
    assert_eq!(
        path(EdgeRequest::BankCounts(req(r#"{"provinceId":89,"gender":"all"}"#))),
        "send/banks/counts?province_id=89"
    );
    assert_eq!(
        path(EdgeRequest::JobSubCategories { main_category_id: 1 }),
        "send/jobs/sub-categories?main_category_id=1"
    );
    assert_eq!(
        path(EdgeRequest::JobNumberCount(req(
            r#"{"mainCategoryId":1,"operatorId":"irancell","start":0,"size":5}"#
        ))),
        "send/jobs/number-count?main_category_id=1&operator_id=2&start=0&size=5"
    );
}

#[test]
fn fallbacks_use_the_older_routes() {
    let bulk = EdgeRequest::Bulk {
        outbox_id: "0042".into(),
    };
    let w = fallback(&bulk, &wire(bulk.clone())).expect("bulk has one");
    assert_eq!((w.method, w.path.as_str()), (Method::Post, "report/by_bulk/42"));
    let create = EdgeRequest::CreatePattern(req(r#"{"description":"d","message":"m"}"#));
    let first = wire(create.clone());
    let w = fallback(&create, &first).expect("createPattern has one");
    assert_eq!((w.path.as_str(), w.body), ("user/pattern", first.body));
    assert!(fallback(&EdgeRequest::Credit, &wire(EdgeRequest::Credit)).is_none());
}

#[test]
fn bad_values_are_refused_naming_the_field() {
    let refused = [
        (
            EdgeRequest::Send(req(r#"{"from":"","to":"09121234567","message":"x"}"#)),
            "from: ",
        ),
        (
            EdgeRequest::Send(req(r#"{"from":"3000505","to":[],"message":"x"}"#)),
            "to: ",
        ),
        (
            EdgeRequest::Send(req(r#"{"from":"3000505","to":["09121234567","12"],"message":"x"}"#)),
            "to[1]: ",
        ),
        (
            EdgeRequest::Send(req(r#"{"from":"3000505","to":"09121234567","message":"  "}"#)),
            "message: ",
        ),
        (
            EdgeRequest::Send(req(
                r#"{"from":"3000505","to":"09121234567","message":"x","sendTime":"2025-03-12 21:20:02"}"#,
            )),
            "sendTime: ",
        ),
        (
            EdgeRequest::SendPeerToPeer(req(r#"{"from":"3000505","params":[]}"#)),
            "params: ",
        ),
        (
            EdgeRequest::SendPeerToPeer(req(
                r#"{"from":"3000505","params":[{"to":"09121234567","message":"a"},{"to":"1","message":"b"}]}"#,
            )),
            "params[1].to: ",
        ),
        (
            EdgeRequest::SendPattern(req(r#"{"from":"3000505","to":"09121234567","patternCode":" "}"#)),
            "patternCode: ",
        ),
        (
            EdgeRequest::SendVoiceOtp(req(r#"{"to":"09121234567","code":"123456789012345"}"#)),
            "code: ",
        ),
        (
            EdgeRequest::SendPostalCode(req(r#"{"from":"+98BANK","message":"x","params":[{"postalCode":"1"}]}"#)),
            "params[0].postalCode: ",
        ),
        (
            EdgeRequest::SendPostalCode(req(
                r#"{"from":"+98BANK","message":"x","params":[{"postalCode":"131","ageFrom":1200}]}"#,
            )),
            "params[0].ageFrom: ",
        ),
        (
            EdgeRequest::SendCountry(req(
                r#"{"from":"+98BANK","message":"x","params":[{"provinceId":89,"pre":"9","mci":{"start":0,"size":1},"irancell":{"start":0,"size":0},"other":{"start":0,"size":0}}]}"#,
            )),
            "params[0].pre: ",
        ),
        (
            EdgeRequest::SendPhonebook(req(
                r#"{"from":"3000505","message":"x","params":[{"type":"all","phonebookIds":["12a"]}]}"#,
            )),
            "params[0].phonebookIds[0]: ",
        ),
        (
            EdgeRequest::Cancel {
                outbox_id: "12-3".into(),
            },
            "outboxId: ",
        ),
        (EdgeRequest::Bulk { outbox_id: "".into() }, "outboxId: "),
        (EdgeRequest::Outbox(req(r#"{"page":0}"#)), "page: "),
        (EdgeRequest::Outbox(req(r#"{"limit":1001}"#)), "limit: "),
        (EdgeRequest::Patterns(req(r#"{"limit":101}"#)), "limit: "),
        (
            EdgeRequest::Outbox(req(r#"{"filters":{"sendFromDate":"yesterday"}}"#)),
            "filters.sendFromDate: ",
        ),
        (EdgeRequest::Inbox(req(r#"{"fromId":"x"}"#)), "fromId: "),
        (EdgeRequest::Pattern { code: "".into() }, "patternCode: "),
        (
            EdgeRequest::CreatePattern(req(r#"{"description":"d","message":"m","variable":[{"name":""}]}"#)),
            "variable[0].name: ",
        ),
        (
            EdgeRequest::CreatePattern(req(r#"{"description":"","message":"m"}"#)),
            "description: ",
        ),
        (EdgeRequest::PhonebookContacts(req(r#"{"number":"0212"}"#)), "number: "),
    ];
    for (request, field) in refused {
        let message = input_error(request.clone());
        assert!(message.starts_with(field), "{request:?}: {message}");
    }
}

#[test]
fn js_shapes_that_do_not_fit_are_refused_by_serde() {
    for bad in [
        r#"{"from":"3000505","to":5,"message":"x"}"#,
        r#"{"from":"3000505","message":"x"}"#,
        r#"{"from":"3000505","to":"0912","message":"x","sendTime":true}"#,
    ] {
        assert!(
            serde_json::from_str::<crate::core::edge::request::SendRequest>(bad).is_err(),
            "{bad}"
        );
    }
    assert!(serde_json::from_str::<crate::core::edge::request::Slice>(r#"{"id":"tci","start":0,"size":1}"#).is_err());
    assert!(serde_json::from_str::<crate::core::edge::request::Range>(r#"{"start":-1,"size":1}"#).is_err());
    assert!(serde_json::from_str::<crate::core::edge::request::Range>(r#"{"start":"1.5","size":1}"#).is_err());
}
