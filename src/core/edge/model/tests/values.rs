//! The Edge results' tests: the value readers, send.

use super::*;

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
