//! The Edge results, decoded: every answer EDGE-PROTOCOL.md shows, each loose form of a value
//! (ids, numbers, flags, unix times), the values refused, and the JS shapes they serialize to.

mod examples;

use std::fmt::Debug;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::json;

use super::page::{paginator, Paginator};
use super::read::{flag, id_text, small, unix_time, whole};
use super::report::delivery_status;
use super::*;
use crate::core::model::{Approval, DeliveryStatus};
use crate::core::value::{from_value, Extra, Value};
use examples::*;

// ---- helpers ----

fn parse(json: &str) -> Value {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"))
}

fn envelope(json: &str) -> Extra {
    match parse(json) {
        Value::Object(envelope) => envelope,
        other => panic!("not an envelope: {other:?}"),
    }
}

/// The `data` of an envelope.
fn data(json: &str) -> Value {
    envelope(json).get("data").cloned().expect("data")
}

/// The `meta` of an envelope.
fn meta(json: &str) -> Extra {
    match envelope(json).get("meta") {
        Some(Value::Object(meta)) => meta.clone(),
        other => panic!("no meta: {other:?}"),
    }
}

fn decode<T: DeserializeOwned>(value: Value) -> T {
    from_value(value.clone()).unwrap_or_else(|e| panic!("{e}: {value:?}"))
}

/// The `data` of an envelope, decoded.
fn decode_data<T: DeserializeOwned>(json: &str) -> T {
    decode(data(json))
}

/// One object, decoded.
fn one<T: DeserializeOwned>(json: &str) -> T {
    decode(parse(json))
}

/// Why one object does not decode.
fn refused<T: DeserializeOwned + Debug>(json: &str) -> String {
    match from_value::<T>(parse(json)) {
        Ok(decoded) => panic!("decoded {json} as {decoded:?}"),
        Err(e) => e.to_string(),
    }
}

/// Every number as an f64, as `JSON.parse` and serde-wasm-bindgen give them.
fn js_numbers(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        J::Number(n) => n
            .as_f64()
            .and_then(serde_json::Number::from_f64)
            .map_or(J::Null, J::Number),
        J::Array(items) => J::Array(items.into_iter().map(js_numbers).collect()),
        J::Object(map) => J::Object(map.into_iter().map(|(k, v)| (k, js_numbers(v))).collect()),
        other => other,
    }
}

/// What the JS API hands out for `result`.
fn js<T: Serialize>(result: &T) -> serde_json::Value {
    js_numbers(serde_json::to_value(result).expect("results serialize"))
}

fn assert_js<T: Serialize>(result: &T, expected: serde_json::Value) {
    assert_eq!(js(result), js_numbers(expected));
}

/// The keys of the JS object, in order.
fn js_keys<T: Serialize>(result: &T) -> Vec<String> {
    // serde_json's map is sorted without `preserve_order`; the text keeps the order.
    let text = serde_json::to_string(result).expect("results serialize");
    let mut keys = Vec::new();
    let mut de = serde_json::Deserializer::from_str(&text);
    let ordered: OrderedKeys = serde::Deserialize::deserialize(&mut de).expect("an object");
    keys.extend(ordered.0);
    keys
}

struct OrderedKeys(Vec<String>);

impl<'de> serde::Deserialize<'de> for OrderedKeys {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Value::deserialize(d)? {
            Value::Object(fields) => Ok(OrderedKeys(fields.0.into_iter().map(|(k, _)| k).collect())),
            _ => Err(serde::de::Error::custom("not an object")),
        }
    }
}

fn extra_keys(extra: &Extra) -> Vec<&str> {
    extra.0.iter().map(|(k, _)| k.as_str()).collect()
}

// ---- the value readers ----

#[test]
fn flags_come_as_numbers_text_or_booleans() {
    for (value, expected) in [
        (json!(0), false),
        (json!(1), true),
        (json!("0"), false),
        (json!("1"), true),
        (json!(" 1 "), true),
        (json!(false), false),
        (json!(true), true),
        (json!(1.0), true),
    ] {
        assert_eq!(
            flag(&decode::<Value>(parse(&value.to_string()))),
            Some(expected),
            "{value}"
        );
    }
    for bad in [
        json!(2),
        json!(-1),
        json!(0.5),
        json!("2"),
        json!("yes"),
        json!("true"),
        json!(""),
        json!(null),
        json!([]),
        json!({}),
    ] {
        assert_eq!(flag(&parse(&bad.to_string())), None, "{bad}");
    }
}

#[test]
fn whole_numbers_and_times_come_as_numbers_or_digits() {
    assert_eq!(whole(&parse("12")), Some(12));
    assert_eq!(whole(&parse(r#""12""#)), Some(12));
    assert_eq!(whole(&parse(r#"" 12 ""#)), Some(12));
    assert_eq!(whole(&parse("9007199254740991")), Some(9_007_199_254_740_991));
    for bad in [
        "-1",
        "1.5",
        r#""1.5""#,
        r#""-1""#,
        r#""""#,
        r#""abc""#,
        r#""1e3""#,
        "9007199254740992",
        "true",
        "null",
        "[]",
    ] {
        assert_eq!(whole(&parse(bad)), None, "{bad}");
    }
    assert_eq!(small(&parse(r#""4294967295""#)), Some(u32::MAX));
    assert_eq!(small(&parse("4294967296")), None);
    assert_eq!(unix_time(&parse(r#""1745409418""#)), Some(1_745_409_418));
    assert_eq!(unix_time(&parse("1747808125")), Some(1_747_808_125));
    assert_eq!(unix_time(&parse("-5")), Some(-5));
    for bad in [r#""2025-06-30 18:07:06""#, r#""""#, "1.5", "true", "null"] {
        assert_eq!(unix_time(&parse(bad)), None, "{bad}");
    }
}

#[test]
fn ids_are_text_or_whole_numbers() {
    assert_eq!(id_text(parse("10001")).as_deref(), Some("10001"));
    assert_eq!(id_text(parse(r#""12545856""#)).as_deref(), Some("12545856"));
    assert_eq!(
        id_text(parse(r#""67b1b80sdf55sff8f3d069472""#)).as_deref(),
        Some("67b1b80sdf55sff8f3d069472")
    );
    for bad in ["1.5", r#""""#, r#""  ""#, "true", "null", "{}", "[1]"] {
        assert_eq!(id_text(parse(bad)), None, "{bad}");
    }
}

// ---- send ----

#[test]
fn sent_reads_every_send_answer() {
    let sent: Sent = decode_data(SEND);
    assert_eq!(sent.message_outbox_ids, ["1123544244"]);
    assert_js(&sent, json!({ "messageOutboxIds": ["1123544244"] }));
    let sent: Sent = decode_data(SEND_PEER_TO_PEER);
    assert_eq!(sent.message_outbox_ids, ["1123594208", "1123594210"]);
    // Numeric strings, mixed with ints; other keys are not kept.
    let sent: Sent = one(r#"{"message_outbox_ids": ["1123594208", 7, " 8 "], "cost": 1}"#);
    assert_eq!(sent.message_outbox_ids, ["1123594208", "7", "8"]);
    assert_js(&sent, json!({ "messageOutboxIds": ["1123594208", "7", "8"] }));
}

#[test]
fn sent_without_an_id_is_refused() {
    for bad in [
        r#"{"message_outbox_ids": []}"#,
        r#"{"message_outbox_ids": null}"#,
        r#"{}"#,
        r#"{"message_outbox_ids": 1123544244}"#,
        r#"{"message_outbox_ids": "1123544244"}"#,
        r#"{"message_outbox_ids": ["abc"]}"#,
        r#"{"message_outbox_ids": [""]}"#,
        r#"{"message_outbox_ids": [1.5]}"#,
        r#"{"message_outbox_ids": [-1]}"#,
        r#"{"message_outbox_ids": [null]}"#,
        r#"{"message_outbox_ids": [[1]]}"#,
        r#"{"message_outbox_ids": [1, "x"]}"#,
    ] {
        refused::<Sent>(bad);
    }
    assert!(refused::<Sent>(r#"{"message_outbox_ids": []}"#).contains("empty"));
    for not_object in ["[1]", "null", "1", r#""x""#] {
        refused::<Sent>(not_object);
    }
}

#[test]
fn prices() {
    let price: Price = decode_data(CALCULATE_PRICE);
    assert_eq!(
        price,
        Price {
            mci_price: 2370.0,
            other_price: 2503.0,
            parts: 1
        }
    );
    assert_js(&price, json!({ "mciPrice": 2370, "otherPrice": 2503, "parts": 1 }));
    let price: Price = one(r#"{"mci_price": "2370.5", "other_price": " 2503 ", "parts": "2"}"#);
    assert_eq!((price.mci_price, price.other_price, price.parts), (2370.5, 2503.0, 2));
    for bad in [
        r#"{"other_price": 1, "parts": 1}"#,
        r#"{"mci_price": 1, "parts": 1}"#,
        r#"{"mci_price": 1, "other_price": 1}"#,
        r#"{"mci_price": "12a", "other_price": 1, "parts": 1}"#,
        r#"{"mci_price": 1, "other_price": true, "parts": 1}"#,
        r#"{"mci_price": 1, "other_price": 1, "parts": 1.5}"#,
        r#"{"mci_price": 1, "other_price": 1, "parts": "x"}"#,
    ] {
        refused::<Price>(bad);
    }
}

// ---- reports ----

#[test]
fn outbox_lists() {
    let items: Vec<OutboxItem> = decode_data(OUTBOX_LIST);
    assert_eq!(items.len(), 2);
    let first = &items[0];
    assert_eq!(first.messages_outbox_id, "12545856");
    assert_eq!(first.number_id, "123654");
    assert_eq!(first.kind, "pattern_transactional");
    assert_eq!(first.state_id, Some(6));
    assert_eq!(first.valid, Some(Approval::Approve));
    assert_eq!((first.rcpts_count, first.exit_count, first.part), (1, 1, None));
    assert_eq!((first.time, first.time_send), (1_745_409_418, 1_745_409_418));
    // The nulls sent for mapped fields (`part`, `summary`) are the fields' `None`, not extras.
    assert_eq!(
        extra_keys(&first.extra),
        [
            "numberColor",
            "partnerId",
            "inDeliveryLine",
            "userIp",
            "userId",
            "filesPath",
            "parentId"
        ]
    );
    assert_js(
        first,
        json!({
            "messagesOutboxId": "12545856", "number": "+981000", "numberId": "123654",
            "username": "*****", "type": "pattern_transactional", "state": "finish", "stateId": 6,
            "status": "پایان یافته", "valid": "approve", "message": "متن پیام", "summary": null,
            "rcptsCount": 1, "exitCount": 1, "part": null, "cost": 3990.2, "time": 1745409418,
            "timeSend": 1745409418, "numberColor": "#95E871", "partnerId": null, "inDeliveryLine": 0,
            "userIp": null, "userId": null, "filesPath": null, "parentId": null,
        }),
    );
    // The mapped fields first, in the contract's order, then the extras in the wire's.
    let keys = js_keys(first);
    assert_eq!(keys.first().map(String::as_str), Some("messagesOutboxId"));
    assert_eq!(keys.get(16).map(String::as_str), Some("timeSend"));
    assert_eq!(keys.get(17).map(String::as_str), Some("numberColor"));
    assert_eq!(items[1].messages_outbox_id, "588459562");
    assert_eq!(items[1].cost, 6144.9);
}

#[test]
fn one_bulk() {
    let item: OutboxItem = decode_data(BY_BULK);
    assert_eq!(item.messages_outbox_id, "5544778899");
    assert_eq!(item.number, "+98votp");
    assert_eq!(item.kind, "sendvoice");
    assert_eq!(item.valid, None);
    assert_eq!(item.part, Some(1));
    assert_eq!(item.cost, 1064.0);
    assert_eq!(item.summary.as_deref(), Some("ارسال کد فعالسازی صوتی : 1234"));
    assert_eq!(item.extra.get("return"), Some(&Value::Number(0.0)));
    assert_eq!(item.extra.get("rejectComment"), Some(&Value::Null));
    assert_eq!(
        item.extra.get("filesPath").and_then(Value::as_str),
        Some("1/send/SZiasdasdasdgghgf.wav")
    );
    assert_eq!(js(&item)["valid"], serde_json::Value::Null);
}

const OUTBOX_ITEM: &str = r#"{"messages_outbox_id": 1, "number": "+981000", "number_id": 2, "state": "finish",
    "rcpts_count": 1, "exit_count": 1, "cost": 1, "time": 1, "time_send": 1"#;

fn outbox_item(more: &str) -> String {
    let mut json = String::from(OUTBOX_ITEM);
    json.push_str(more);
    json.push('}');
    json
}

#[test]
fn outbox_items_take_every_variant_and_refuse_bad_values() {
    // The least an item carries: ids as ints, the rest empty or `None`.
    let item: OutboxItem = one(&outbox_item(""));
    assert_eq!((item.messages_outbox_id.as_str(), item.number_id.as_str()), ("1", "2"));
    assert_eq!(
        (item.username.as_str(), item.kind.as_str(), item.status.as_str()),
        ("", "", "")
    );
    assert_eq!(
        (item.state_id, item.valid.clone(), item.summary.clone(), item.part),
        (None, None, None, None)
    );
    let item: OutboxItem = one(&outbox_item(r#", "state_id": "7", "valid": "notconfirm:", "part": 2"#));
    assert_eq!(
        (item.state_id, item.valid, item.part),
        (Some(7), Some(Approval::NotConfirm), Some(2))
    );
    let item: OutboxItem = one(&outbox_item(r#", "valid": "later", "state_id": null"#));
    assert_eq!(item.valid, Some(Approval::Other("later".into())));
    assert!(item.extra.is_empty(), "{:?}", item.extra);
    let item: OutboxItem = one(&outbox_item(r#", "valid": """#));
    assert_eq!(item.valid, None);
    // A key whose camelCase is a field keeps its wire name, a second copy of a field too (the
    // first copy is read); one named as the JS field is left out.
    let item: OutboxItem = one(&outbox_item(
        r#", "new_field": 1, "time-send": 5, "time_send": 9, "timeSend": 7"#,
    ));
    assert_eq!(extra_keys(&item.extra), ["newField", "time-send", "time_send"]);
    assert_eq!(item.time_send, 1);
    for bad in [
        r#", "state_id": "six""#,
        r#", "state_id": -1"#,
        r#", "part": "1.5""#,
        r#", "summary": {}"#,
        r#", "valid": true"#,
        r#", "username": ["x"]"#,
    ] {
        refused::<OutboxItem>(&outbox_item(bad));
    }
    let without = |key: &str| {
        let mut fields = envelope(&outbox_item(""));
        fields.0.retain(|(k, _)| k != key);
        from_value::<OutboxItem>(Value::Object(fields))
    };
    for required in [
        "messages_outbox_id",
        "number",
        "number_id",
        "state",
        "rcpts_count",
        "exit_count",
        "cost",
        "time",
        "time_send",
    ] {
        let e = without(required).expect_err(required).to_string();
        assert!(e.contains(required), "{required}: {e}");
    }
    for (key, bad) in [
        ("time", r#""2025-01-01""#),
        ("time_send", r#""soon""#),
        ("rcpts_count", r#""x""#),
        ("exit_count", "-2"),
        ("cost", r#""3990,2""#),
        ("messages_outbox_id", r#""""#),
        ("messages_outbox_id", "1.5"),
        ("number_id", "true"),
    ] {
        let mut json = outbox_item("");
        json.push_str("");
        let mut fields = envelope(&json);
        for (k, v) in fields.0.iter_mut() {
            if k == key {
                *v = parse(bad);
            }
        }
        refused::<OutboxItem>(&serde_json::to_string(&fields).expect("json"));
    }
}

#[test]
fn recipients() {
    let recipients: Vec<Recipient> = decode_data(RECIPIENTS);
    assert_eq!(recipients.len(), 2);
    let first = &recipients[0];
    assert_eq!(first.recipient, "+989190000000");
    assert!(first.is_readable);
    assert_eq!((first.msg_parts, first.message_status), (1, Some(1)));
    assert_eq!(first.status, DeliveryStatus::Pending);
    assert_js(
        first,
        json!({
            "recipient": "+989190000000", "message": "متن پیام", "isReadable": true,
            "msgParts": 1, "messageStatus": 1, "status": "pending",
        }),
    );
    assert_eq!(recipients[1].recipient, "+989120000000");
}

#[test]
fn recipient_statuses_follow_the_delivery_code() {
    let status = |code: &str| {
        let json = format!(r#"{{"recipient": "+989120000000", "msg_parts": 1{code}}}"#);
        let r: Recipient = one(&json);
        assert_eq!(delivery_status(r.message_status), r.status);
        (r.message_status, r.status)
    };
    assert_eq!(status(r#", "message_status": 0"#), (Some(0), DeliveryStatus::Send));
    assert_eq!(status(r#", "message_status": "1""#), (Some(1), DeliveryStatus::Pending));
    assert_eq!(status(r#", "message_status": 2"#), (Some(2), DeliveryStatus::Delivered));
    assert_eq!(status(r#", "message_status": "3""#), (Some(3), DeliveryStatus::Failed));
    assert_eq!(status(r#", "message_status": 4"#), (Some(4), DeliveryStatus::Discarded));
    assert_eq!(
        status(r#", "message_status": "5""#),
        (Some(5), DeliveryStatus::Other("5".into()))
    );
    assert_eq!(status(r#", "message_status": 12"#).1.as_str(), "12");
    // No status yet: absent, null or blank.
    for none in [
        "",
        r#", "message_status": null"#,
        r#", "message_status": """#,
        r#", "message_status": " ""#,
    ] {
        assert_eq!(status(none), (None, DeliveryStatus::NotSync), "{none}");
    }
    let r: Recipient = one(r#"{"recipient": "+989120000000", "msg_parts": 1, "message_status": null}"#);
    assert!(r.extra.is_empty());
    assert_eq!(js(&r)["messageStatus"], serde_json::Value::Null);
    assert_eq!(js(&r)["status"], json!("notsync"));
    assert_eq!(js(&r)["message"], json!(""));
    assert!(!r.is_readable);
    for bad in [
        r#"{"recipient": "+989120000000", "msg_parts": 1, "message_status": "x"}"#,
        r#"{"recipient": "+989120000000", "msg_parts": 1, "message_status": 1.5}"#,
        r#"{"recipient": "+989120000000", "msg_parts": 1, "message_status": -1}"#,
        r#"{"recipient": "+989120000000", "msg_parts": 1, "is_readable": "yes"}"#,
        r#"{"recipient": "+989120000000", "msg_parts": "one"}"#,
        r#"{"recipient": "+989120000000"}"#,
        r#"{"msg_parts": 1, "message_status": 2}"#,
        r#"{"recipient": null, "msg_parts": 1}"#,
    ] {
        refused::<Recipient>(bad);
    }
    for (form, readable) in [
        ("0", false),
        ("1", true),
        (r#""0""#, false),
        (r#""1""#, true),
        ("false", false),
        ("true", true),
    ] {
        let json = format!(r#"{{"recipient": "+989120000000", "msg_parts": 1, "is_readable": {form}}}"#);
        assert_eq!(one::<Recipient>(&json).is_readable, readable, "{form}");
    }
}

#[test]
fn bulk_stats_keep_every_operator_in_order() {
    let stats: BulkStats = decode_data(BULK_STATS);
    let names = |c: &OperatorCounts| c.0.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    for counts in [
        &stats.operators_sent,
        &stats.operators_pending,
        &stats.operators_delivered,
        &stats.operators_failed,
        &stats.operators_blacklist,
    ] {
        assert_eq!(names(counts), ["irancell", "mci"]);
    }
    assert_eq!(
        stats.operators_delivered.get("irancell"),
        Some(&LangCounts { en: 0, fa: 1 })
    );
    assert_eq!(stats.operators_delivered.get("rightel"), None);
    assert_eq!(stats.operators_delivered.total(), LangCounts { en: 0, fa: 1 });
    let zero = json!({ "irancell": { "en": 0, "fa": 0 }, "mci": { "en": 0, "fa": 0 } });
    assert_js(
        &stats,
        json!({
            "operatorsSent": zero, "operatorsPending": zero,
            "operatorsDelivered": { "irancell": { "en": 0, "fa": 1 }, "mci": { "en": 0, "fa": 0 } },
            "operatorsFailed": zero, "operatorsBlacklist": zero,
        }),
    );
    assert_eq!(
        js_keys(&stats),
        [
            "operatorsSent",
            "operatorsPending",
            "operatorsDelivered",
            "operatorsFailed",
            "operatorsBlacklist"
        ]
    );
    // A new operator, names as sent (not camelCased), in the wire's order.
    let stats: BulkStats = one(
        r#"{"operators_sent": {"rightel_new": {"en": "2", "fa": 3}, "mci": {"en": 1, "fa": "0"}},
            "operators_pending": {}, "operators_delivered": {}, "operators_failed": {}, "operators_blacklist": {}}"#,
    );
    assert_eq!(names(&stats.operators_sent), ["rightel_new", "mci"]);
    assert_eq!(stats.operators_sent.total(), LangCounts { en: 3, fa: 3 });
    assert_eq!(js_keys(&stats.operators_sent), ["rightel_new", "mci"]);
    let all =
        r#""operators_pending": {}, "operators_delivered": {}, "operators_failed": {}, "operators_blacklist": {}"#;
    for bad in [
        r#""operators_sent": {"mci": {"en": 1}}"#,
        r#""operators_sent": {"mci": {"en": "x", "fa": 0}}"#,
        r#""operators_sent": {"mci": {"en": -1, "fa": 0}}"#,
        r#""operators_sent": {"mci": [0, 0]}"#,
        r#""operators_sent": {"mci": 1}"#,
        r#""operators_sent": []"#,
        r#""operators_sent": null"#,
        r#""operators": {}"#,
    ] {
        refused::<BulkStats>(&format!("{{{bad}, {all}}}"));
    }
}

#[test]
fn inbox_messages() {
    let messages: Vec<InboxMessage> = decode_data(INBOX);
    assert_eq!(messages.len(), 2);
    let first = &messages[0];
    assert_eq!(first.messages_inbox_id, "123");
    assert_eq!(
        (first.from.as_str(), first.number.as_str()),
        ("+989122222222", "+981000123")
    );
    assert_eq!((first.time, first.seen), (1_747_808_125, false));
    assert!(first.extra.is_empty());
    assert_js(
        first,
        json!({
            "messagesInboxId": "123", "from": "+989122222222", "number": "+981000123",
            "message": "message text", "type": "normal", "time": 1747808125, "seen": false,
        }),
    );
    assert_eq!(messages[1].messages_inbox_id, "122");
    let m: InboxMessage =
        one(r#"{"messages_inbox_id": "9", "from": "+98912", "number": "+98100", "time": "5", "seen": 1, "to_id": 3}"#);
    assert_eq!((m.time, m.seen, m.kind.as_str()), (5, true, ""));
    assert_eq!(extra_keys(&m.extra), ["toId"]);
    for bad in [
        r#"{"from": "+98912", "number": "+98100", "time": 5}"#,
        r#"{"messages_inbox_id": 9, "number": "+98100", "time": 5}"#,
        r#"{"messages_inbox_id": 9, "from": "+98912", "time": 5}"#,
        r#"{"messages_inbox_id": 9, "from": "+98912", "number": "+98100"}"#,
        r#"{"messages_inbox_id": 9, "from": "+98912", "number": "+98100", "time": "2025-05-21"}"#,
        r#"{"messages_inbox_id": 9, "from": "+98912", "number": "+98100", "time": 5, "seen": "no"}"#,
    ] {
        refused::<InboxMessage>(bad);
    }
}

// ---- account ----

#[test]
fn credit() {
    let credit: Credit = decode_data(CREDIT);
    assert_eq!(credit.credit, 6084722932.705052);
    assert_eq!(credit.yesterday_credit, 195251925510.55);
    assert_eq!((credit.gift, credit.gift_expires_at.clone()), (0.0, None));
    assert_js(
        &credit,
        json!({
            "credit": 6084722932.705052, "yesterdayCredit": 195251925510.55, "gift": 0,
            "giftExpiresAt": null, "updatedAt": "2025-06-30 18:07:06",
        }),
    );
    let c: Credit = one(
        r#"{"credit": "12.5", "yesterday_credit": 3, "gift_expires_at": "2026-01-01", "updated_at": "x", "currency": "IRR"}"#,
    );
    assert_eq!(
        (c.credit, c.gift, c.gift_expires_at.as_deref()),
        (12.5, 0.0, Some("2026-01-01"))
    );
    assert_eq!(extra_keys(&c.extra), ["currency"]);
    for bad in [
        r#"{"yesterday_credit": 3, "updated_at": "x"}"#,
        r#"{"credit": "lots", "yesterday_credit": 3, "updated_at": "x"}"#,
        r#"{"credit": 1, "updated_at": "x"}"#,
        r#"{"credit": 1, "yesterday_credit": 3}"#,
        r#"{"credit": 1, "yesterday_credit": 3, "updated_at": "x", "gift": "none"}"#,
    ] {
        refused::<Credit>(bad);
    }
}

#[test]
fn lines() {
    let lines: Vec<Line> = decode_data(LINES);
    assert_eq!(lines.len(), 5);
    assert_eq!(
        lines.iter().map(|l| (l.id.as_str(), l.operator_id)).collect::<Vec<_>>(),
        [("10001", 1), ("10002", 2), ("10003", 3), ("10004", 4), ("10005", 5)]
    );
    assert_eq!(lines[1].alias.as_deref(), Some("Sample Alias"));
    assert_js(
        &lines[0],
        json!({
            "id": "10001", "number": "+981234567890", "operatorId": 1, "alias": null,
            "gets": false, "is66Char": false,
        }),
    );
    for (form, set) in [
        ("0", false),
        ("1", true),
        (r#""0""#, false),
        (r#""1""#, true),
        ("false", false),
        ("true", true),
    ] {
        let json =
            format!(r#"{{"id": "1", "number": "+98", "operator_id": "2", "gets": {form}, "is_66_char": {form}}}"#);
        let line: Line = one(&json);
        assert_eq!((line.gets, line.is_66_char, line.operator_id), (set, set, 2), "{form}");
        assert_eq!(js(&line)["is66Char"], json!(set));
    }
    let line: Line = one(r#"{"id": 1, "number": "+98", "operator_id": 1}"#);
    assert_eq!((line.gets, line.is_66_char, line.alias), (false, false, None));
    for bad in [
        r#"{"number": "+98", "operator_id": 1}"#,
        r#"{"id": 1, "operator_id": 1}"#,
        r#"{"id": 1, "number": "+98"}"#,
        r#"{"id": 1, "number": "+98", "operator_id": "mci"}"#,
        r#"{"id": 1, "number": "+98", "operator_id": 1, "gets": 2}"#,
        r#"{"id": 1, "number": "+98", "operator_id": 1, "is_66_char": "true"}"#,
        r#"{"id": 1, "number": "+98", "operator_id": 1, "alias": false}"#,
    ] {
        refused::<Line>(bad);
    }
}

#[test]
fn patterns() {
    let patterns: Vec<Pattern> = decode_data(PATTERNS);
    let p = &patterns[0];
    assert_eq!(p.id, "67b1b80sdf55sff8f3d069472");
    assert_eq!(p.pattern_code, "zcxxc465465zxc");
    assert_eq!(p.title, None);
    assert_eq!(p.pattern_status, PatternStatus::Inactive);
    assert_eq!(
        (p.pattern_status_id, p.pattern_status_fa.as_deref()),
        (Some(2), Some("رد شده"))
    );
    assert!(!p.pattern_is_share);
    assert_eq!(
        p.variable,
        [PatternVariable {
            name: "code".into(),
            kind: "string".into(),
            len: 20
        }]
    );
    assert_eq!(
        (p.delimiter.as_str(), p.reject_text.as_str(), p.time),
        ("%", "", 1_739_700_243)
    );
    assert!(p.admin_comment.as_deref().is_some_and(|c| c.starts_with("لطفا نام")));
    // The dozens of other keys are kept, camelCased at the top level only.
    assert_eq!(p.extra.get("patternType").and_then(Value::as_str), Some("normal"));
    assert_eq!(p.extra.get("readonly"), Some(&Value::Bool(false)));
    assert_eq!(p.extra.get("type").and_then(Value::as_str), Some("sms"));
    match p.extra.get("revision") {
        Some(Value::Object(revision)) => assert!(revision.get("pattern_status_id").is_some()),
        other => panic!("{other:?}"),
    }
    let shown: Pattern = decode_data(PATTERN);
    assert_eq!(shown.pattern_status, PatternStatus::Active);
    assert_eq!(shown.pattern_status_id, Some(1));
    assert_eq!(shown.pattern_message, "پترن تست دستگاه ثبت شماره\r\n%number%");
    let js_shown = js(&shown);
    assert_eq!(js_shown["patternStatus"], json!("active"));
    assert_eq!(
        js_shown["variable"],
        js_numbers(json!([{ "name": "number", "type": "string", "len": 20 }]))
    );
    assert_eq!(js_shown["userId"], json!("1234"));
    assert_eq!(js_shown["adminComment"], json!("متن پترن مورد تائید است."));
}

#[test]
fn created_patterns_are_pending() {
    let p: Pattern = decode_data(CREATED_PATTERN);
    assert_eq!(p.pattern_status, PatternStatus::Pending);
    assert_eq!((p.pattern_status_id, p.pattern_status_fa.clone()), (None, None));
    assert_eq!(p.title.as_deref(), Some("test pattern"));
    assert_eq!(
        p.variable
            .iter()
            .map(|v| (v.name.as_str(), v.kind.as_str(), v.len))
            .collect::<Vec<_>>(),
        [("var", "string", 40), ("code", "integer", 40)]
    );
    let shown = js(&p);
    let object = shown.as_object().expect("an object");
    // `patternStatusId?` and `patternStatusFa?` are left out, `adminComment: null` is not.
    assert!(!object.contains_key("patternStatusId") && !object.contains_key("patternStatusFa"));
    assert_eq!(object.get("adminComment"), Some(&serde_json::Value::Null));
    assert_eq!(object.get("title"), Some(&json!("test pattern")));
    let keys = js_keys(&p);
    assert_eq!(
        keys.get(..6).map(|k| k.to_vec()),
        Some(
            [
                "id",
                "patternCode",
                "title",
                "patternMessage",
                "patternDescription",
                "patternStatus"
            ]
            .map(String::from)
            .to_vec()
        )
    );
}

const PATTERN_MIN: &str = r#"{"id": "a", "pattern_code": "c", "pattern_message": "m", "pattern_status": "active",
    "delimiter": "%", "updated_at": "u", "time": 1"#;

fn pattern(more: &str) -> String {
    let mut json = String::from(PATTERN_MIN);
    json.push_str(more);
    json.push('}');
    json
}

#[test]
fn pattern_variants_and_refusals() {
    let p: Pattern = one(&pattern(""));
    assert_eq!((p.pattern_description.as_str(), p.reject_text.as_str()), ("", ""));
    assert!(p.variable.is_empty() && !p.pattern_is_share);
    let p: Pattern = one(&pattern(
        r#", "variable": null, "pattern_is_share": 1, "pattern_status_id": "3""#,
    ));
    assert!(p.variable.is_empty() && p.pattern_is_share);
    assert_eq!(p.pattern_status_id, Some(3));
    let p: Pattern = one(
        r##"{"id": 7, "pattern_code": 12, "pattern_message": "m", "pattern_status": "archived", "delimiter": "#",
            "updated_at": "u", "time": "1735559975"}"##,
    );
    assert_eq!(p.pattern_status, PatternStatus::Other("archived".into()));
    assert_eq!(
        (p.id.as_str(), p.pattern_code.as_str(), p.time),
        ("7", "12", 1_735_559_975)
    );
    assert_eq!(js(&p)["patternStatus"], json!("archived"));
    let p: Pattern = one(&pattern(r#", "variable": [{"name": "n", "len": "5", "min": 1}]"#));
    assert_eq!(
        p.variable,
        [PatternVariable {
            name: "n".into(),
            kind: String::new(),
            len: 5
        }]
    );
    for bad in [
        r#", "variable": {}"#,
        r#", "variable": ["code"]"#,
        r#", "variable": [{"name": "n"}]"#,
        r#", "variable": [{"len": 5}]"#,
        r#", "variable": [{"name": "n", "len": "long"}]"#,
        r#", "pattern_is_share": "no""#,
        r#", "pattern_status_id": "one""#,
        r#", "title": []"#,
    ] {
        refused::<Pattern>(&pattern(bad));
    }
    for required in [
        "id",
        "pattern_code",
        "pattern_message",
        "pattern_status",
        "delimiter",
        "updated_at",
        "time",
    ] {
        let mut fields = envelope(&pattern(""));
        fields.0.retain(|(k, _)| k != required);
        let e = from_value::<Pattern>(Value::Object(fields))
            .expect_err(required)
            .to_string();
        assert!(e.contains(required), "{required}: {e}");
    }
}

#[test]
fn pattern_status_words() {
    for (word, status) in [
        ("active", PatternStatus::Active),
        ("inactive", PatternStatus::Inactive),
        ("pending", PatternStatus::Pending),
    ] {
        assert_eq!(PatternStatus::from_word(word), status);
        assert_eq!(status.as_str(), word);
        assert_eq!(status.to_string(), word);
        assert_eq!(serde_json::to_value(&status).expect("a word"), json!(word));
        assert_eq!(one::<PatternStatus>(&json!(word).to_string()), status);
    }
    let later = PatternStatus::from_word("Active");
    assert_eq!(later, PatternStatus::Other("Active".into()));
    assert_eq!(later.as_str(), "Active");
}

#[test]
fn phonebooks() {
    let books: Vec<Phonebook> = decode_data(PHONEBOOKS);
    assert_eq!(books.len(), 2);
    assert_eq!((books[0].id.as_str(), books[0].count), ("123654", 12));
    assert_eq!((books[0].export_status, books[0].import_status), (Some(0), Some(0)));
    assert!(books[0].options.is_empty());
    assert_eq!(
        books[1].options,
        [PhonebookOption {
            id: "1234".into(),
            title: "تاریخ تولد".into(),
            kind: "date".into()
        }]
    );
    assert_js(
        &books[1],
        json!({
            "id": "838550", "title": "تست 2", "count": 1, "exportStatus": 0, "importStatus": 0,
            "createdAt": "2025-01-29T14:29:57+00:00", "updatedAt": "2025-02-15T11:11:25+00:00",
            "options": [{ "id": "1234", "title": "تاریخ تولد", "type": "date" }],
        }),
    );
    // `exportStatus, importStatus: number | null`; `updatedAt?` is left out.
    let book: Phonebook = one(r#"{"id": "5", "title": "t", "count": "3", "created_at": "c", "export_status": null}"#);
    let shown = js(&book);
    assert_eq!(shown["exportStatus"], serde_json::Value::Null);
    assert_eq!(shown["importStatus"], serde_json::Value::Null);
    assert!(!shown.as_object().is_some_and(|o| o.contains_key("updatedAt")));
    assert!(book.extra.is_empty());
    for bad in [
        r#"{"title": "t", "count": 1, "created_at": "c"}"#,
        r#"{"id": 5, "count": 1, "created_at": "c"}"#,
        r#"{"id": 5, "title": "t", "created_at": "c"}"#,
        r#"{"id": 5, "title": "t", "count": 1}"#,
        r#"{"id": 5, "title": "t", "count": "many", "created_at": "c"}"#,
        r#"{"id": 5, "title": "t", "count": 1, "created_at": "c", "import_status": "done"}"#,
        r#"{"id": 5, "title": "t", "count": 1, "created_at": "c", "options": [{"title": "x", "type": "int"}]}"#,
        r#"{"id": 5, "title": "t", "count": 1, "created_at": "c", "options": [{"id": 1, "type": "int"}]}"#,
        r#"{"id": 5, "title": "t", "count": 1, "created_at": "c", "options": "none"}"#,
    ] {
        refused::<Phonebook>(bad);
    }
}

#[test]
fn contacts() {
    let contacts: Vec<Contact> = decode_data(CONTACTS);
    assert_eq!(contacts.len(), 2);
    assert_js(
        &contacts[0],
        json!({
            "id": "1233", "phonebookId": "123456", "number": "+989123456788", "pre": "", "name": "",
            "email": "", "phonebookTitle": "تست 3532", "createdAt": "2025-04-19T11:11:41+00:00",
            "updatedAt": "2025-04-19T11:12:51+00:00",
        }),
    );
    assert_eq!(contacts[1].id, "1234");
    let c: Contact = one(
        r#"{"id": "7", "phonebook_id": "8", "number": "+98", "pre": null, "created_at": "c", "updated_at": "u", "birth_date": "1370"}"#,
    );
    assert_eq!(
        (c.pre.as_str(), c.name.as_str(), c.phonebook_title.as_str()),
        ("", "", "")
    );
    assert_eq!(extra_keys(&c.extra), ["birthDate"]);
    for required in ["id", "phonebook_id", "number", "created_at", "updated_at"] {
        let mut fields =
            envelope(r#"{"id": 7, "phonebook_id": 8, "number": "+98", "created_at": "c", "updated_at": "u"}"#);
        fields.0.retain(|(k, _)| k != required);
        let e = from_value::<Contact>(Value::Object(fields))
            .expect_err(required)
            .to_string();
        assert!(e.contains(required), "{required}: {e}");
    }
    refused::<Contact>(r#"{"id": 7.5, "phonebook_id": 8, "number": "+98", "created_at": "c", "updated_at": "u"}"#);
}

// ---- geo and job helpers ----

#[test]
fn areas_and_categories() {
    let provinces: Vec<Area> = decode_data(PROVINCES);
    assert_eq!(provinces.len(), 31);
    assert_eq!(
        provinces.iter().map(|a| a.id).collect::<Vec<_>>(),
        (89..=119).collect::<Vec<_>>()
    );
    assert_js(&provinces[0], json!({ "id": 89, "name": "تهران" }));
    let counties: Vec<Area> = decode_data(COUNTIES);
    assert_eq!(counties.len(), 12);
    assert_eq!((counties[0].id, counties[0].name.as_str()), (147, "بیرجند"));
    let cities: Vec<Area> = decode_data(CITIES);
    assert_eq!((cities.len(), cities[0].id), (1, 12));
    let categories: Vec<Area> = decode_data(JOB_CATEGORIES);
    assert_eq!(
        categories.iter().map(|a| a.id).collect::<Vec<_>>(),
        (1..=8).collect::<Vec<_>>()
    );
    let subs: Vec<SubCategory> = decode_data(JOB_SUB_CATEGORIES);
    assert_eq!(
        subs.iter().map(|s| (s.id, s.main_id)).collect::<Vec<_>>(),
        [(1, 1), (3, 1)]
    );
    assert_js(
        &subs[1],
        json!({ "id": 3, "name": "قصابان و کاشی‌سازان و فخاران", "mainId": 1, "mainName": "صنایع و اصناف" }),
    );
    let area: Area = one(r#"{"id": "90", "name": "یزد", "province_id": 3}"#);
    assert_eq!((area.id, extra_keys(&area.extra)), (90, vec!["provinceId"]));
    for bad in [
        r#"{"name": "x"}"#,
        r#"{"id": 1}"#,
        r#"{"id": "x", "name": "x"}"#,
        r#"{"id": -1, "name": "x"}"#,
    ] {
        refused::<Area>(bad);
    }
    for bad in [
        r#"{"id": 1, "name": "x"}"#,
        r#"{"id": 1, "name": "x", "main_id": "one"}"#,
    ] {
        refused::<SubCategory>(bad);
    }
}

#[test]
fn counts() {
    let counts: Counts = decode_data(BANK_COUNTS);
    assert_eq!(
        (counts.mci_count, counts.irancell_count, counts.other_count),
        (256171, 134380, 10425)
    );
    assert_js(
        &counts,
        json!({ "mciCount": 256171, "irancellCount": 134380, "otherCount": 10425 }),
    );
    let jobs: Counts = decode_data(JOB_COUNTS);
    assert_eq!((jobs.mci_count, jobs.irancell_count, jobs.other_count), (15322, 0, 0));
    let text: Counts = one(r#"{"mci_count": "1", "irancell_count": "2", "other_count": 3}"#);
    assert_eq!((text.mci_count, text.irancell_count, text.other_count), (1, 2, 3));
    for bad in [
        r#"{"irancell_count": 0, "other_count": 0}"#,
        r#"{"mci_count": 0, "other_count": 0}"#,
        r#"{"mci_count": 0, "irancell_count": 0}"#,
        r#"{"mci_count": "1k", "irancell_count": 0, "other_count": 0}"#,
        r#"{"mci_count": 0.5, "irancell_count": 0, "other_count": 0}"#,
    ] {
        refused::<Counts>(bad);
    }
}

// ---- pages ----

#[test]
fn paginators_come_from_meta() {
    let full = Paginator {
        current_page: Some(1),
        per_page: Some(2),
        total: Some(64_564_080),
        last_page: Some(32_282_040),
    };
    assert_eq!(paginator(&meta(OUTBOX_LIST)), full);
    assert_eq!(
        paginator(&meta(RECIPIENTS)),
        Paginator {
            current_page: Some(1),
            per_page: Some(10),
            total: Some(2),
            last_page: Some(1)
        }
    );
    assert_eq!(paginator(&meta(INBOX)).last_page, Some(4_066_539));
    assert_eq!(paginator(&meta(PATTERNS)).total, Some(3));
    assert_eq!(paginator(&meta(PHONEBOOKS)).last_page, Some(6));
    assert_eq!(paginator(&meta(CONTACTS)).per_page, Some(10));
    // The lines list and single answers have none.
    assert_eq!(paginator(&meta(LINES)), Paginator::default());
    assert_eq!(paginator(&meta(CREDIT)), Paginator::default());
    let text = envelope(r#"{"current_page": "3", "per_page": " 25 ", "total": "70", "last_page": "3"}"#);
    assert_eq!(
        paginator(&text),
        Paginator {
            current_page: Some(3),
            per_page: Some(25),
            total: Some(70),
            last_page: Some(3)
        }
    );
    let bad = envelope(r#"{"current_page": "x", "per_page": -1, "total": 1.5, "last_page": null}"#);
    assert_eq!(paginator(&bad), Paginator::default());
}

#[test]
fn pages_serialize_to_the_js_shape() {
    let lines: Vec<Line> = decode_data(LINES);
    let page = Page {
        items: lines.into_iter().take(1).collect(),
        page: 1,
        limit: 10,
        total: None,
        last_page: None,
    };
    assert_js(
        &page,
        json!({
            "items": [{ "id": "10001", "number": "+981234567890", "operatorId": 1, "alias": null, "gets": false, "is66Char": false }],
            "page": 1, "limit": 10,
        }),
    );
    let page = Page {
        items: vec![Counts {
            mci_count: 1,
            irancell_count: 2,
            other_count: 3,
            extra: Extra::default(),
        }],
        page: 2,
        limit: 1,
        total: Some(3),
        last_page: Some(3),
    };
    assert_js(
        &page,
        json!({
            "items": [{ "mciCount": 1, "irancellCount": 2, "otherCount": 3 }],
            "page": 2, "limit": 1, "total": 3, "lastPage": 3,
        }),
    );
    assert_eq!(js_keys(&page), ["items", "page", "limit", "total", "lastPage"]);
}

#[test]
fn not_objects_are_refused() {
    for not_object in ["[]", "null", "1", r#""x""#, "true"] {
        refused::<OutboxItem>(not_object);
        refused::<Recipient>(not_object);
        refused::<InboxMessage>(not_object);
        refused::<BulkStats>(not_object);
        refused::<Credit>(not_object);
        refused::<Pattern>(not_object);
        refused::<Line>(not_object);
        refused::<Phonebook>(not_object);
        refused::<Contact>(not_object);
        refused::<Area>(not_object);
        refused::<SubCategory>(not_object);
        refused::<Counts>(not_object);
        refused::<Price>(not_object);
    }
}
