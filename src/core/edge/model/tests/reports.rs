//! The Edge results' tests: reports.

use super::*;

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
