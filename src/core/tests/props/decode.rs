//! Properties of decoding: any body, real bodies mutated, never a panic.

use super::*;

// ---------------------------------------------------------------- decode

/// Arbitrary JSON values, biased towards the shapes the decoder looks at.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-3i64..1000).prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f).map(Value::Number)),
        select(vec![0i64, 1, 5, 456, 962, 4242, -1, 9_007_199_254_740_993]).prop_map(Value::from),
        "[0-9]{0,12}".prop_map(Value::String),
        "-?[0-9]{1,4}(\\.[0-9]{1,3})?".prop_map(Value::String),
        select(vec![
            "+989121111111:delivered",
            "a:b",
            ":",
            "notconfirm:",
            "the username or password is incorrect",
            "",
            "null",
            "[]",
            "[{\"id\":1,\"title\":\"t\"}]",
            "[\"+98912:send\"]",
            "{\"statusMessage\":\"Active\"}",
            "[{",
            "\"",
        ])
        .prop_map(|s| Value::String(s.to_string())),
        any::<String>().prop_map(Value::String),
    ];
    let key = prop_oneof![
        select(vec![
            "id",
            "ID",
            "code",
            "title",
            "name",
            "price",
            "discount",
            "off",
            "from",
            "to",
            "message",
            "time",
            "date",
            "receivedAt",
            "recipient",
            "mobile",
            "status",
            "statusMessage",
            "validMessage",
            "user_id",
            "a-b",
            "_",
        ])
        .prop_map(str::to_string),
        "[a-zA-Z_-]{0,6}",
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner.clone()), 0..6)
                .prop_map(|fields| Value::Object(fields.into_iter().collect())),
            // `[code, data]` envelopes, with data sometimes JSON text holding JSON.
            (
                prop_oneof![Just(serde_json::json!(0)), Just(serde_json::json!("0")), inner.clone()],
                inner.clone()
            )
                .prop_map(|(code, data)| serde_json::json!([code, data])),
            inner.clone().prop_map(|data| serde_json::json!([0, data.to_string()])),
        ]
    })
}

/// Checks what must hold for any decode outcome.
fn check_decode(op: Op, status: u16, body: &str) -> Result<(), TestCaseError> {
    match decode_json(op, status, body) {
        Ok(result) => {
            prop_assert!((200..300).contains(&status));
            if op.is_send() {
                let id = result.get("bulkId").and_then(serde_json::Value::as_str);
                prop_assert!(
                    id.is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())),
                    "{:?}",
                    result
                );
            }
            // A numeric result is a finite number (serde_json writes NaN and infinities as
            // null), as decimal text was before the results became typed.
            if matches!(op, Op::Credit | Op::PostalCodeCount | Op::JobsCount) {
                prop_assert!(result.as_f64().is_some_and(f64::is_finite), "{:?}", result);
            }
        }
        Err(e) => {
            prop_assert_eq!(e.status, Some(status));
            let excerpt = e.body.as_deref().unwrap_or("<none>");
            prop_assert!(body.starts_with(excerpt) && excerpt.len() <= BODY_EXCERPT_BYTES);
            prop_assert!(!e.message.is_empty() && !e.message_fa.is_empty());
            prop_assert!(matches!(
                e.kind,
                ErrorKind::Http | ErrorKind::Api | ErrorKind::Auth | ErrorKind::Protocol
            ));
        }
    }
    Ok(())
}

/// Real responses as docs/protocol.md shows them, to mutate.
const REAL: &[&str] = &[
    r#"[0,"10929800"]"#,
    "43218765123",
    r#"[0,"933222.33"]"#,
    r#"[0,"1520"]"#,
    r#"[0,"[{\"id\":12,\"title\":\"customers\"}]"]"#,
    r#"{"statusMessage":"Active","validMessage":"approve"}"#,
    r#"[0,"[\"+989121111111:delivered\",\"+989122222222:pending\"]"]"#,
    r#"[0,"[{\"message\":\"...\",\"from\":\"+98...\",\"to\":\"+98...\",\"time\":\"2020-01-01 10:00:00\"}]"]"#,
    r#"[0,"[{\"id\":1,\"title\":\"gold\",\"price\":\"1000\",\"off\":5}]"]"#,
    r#"[962,"the username or password is incorrect"]"#,
    "\"the username or password is incorrect\"",
    "null",
    r#"[971,"\u067e\u062a\u0631\u0646"]"#,
];

#[derive(Debug, Clone)]
enum Mutation {
    Truncate(usize),
    Delete(usize, usize),
    Insert(usize, char),
    Replace(usize, char),
    Duplicate(usize, usize),
}

fn apply(body: &str, mutations: &[Mutation]) -> String {
    let mut chars: Vec<char> = body.chars().collect();
    for m in mutations {
        let len = chars.len();
        let at = |i: usize| if len == 0 { 0 } else { i % (len + 1) };
        match *m {
            Mutation::Truncate(i) => chars.truncate(at(i)),
            Mutation::Delete(i, n) => {
                let from = at(i).min(len);
                let to = (from + n % 4).min(len);
                chars.drain(from..to);
            }
            Mutation::Insert(i, c) => chars.insert(at(i).min(len), c),
            Mutation::Replace(i, c) => {
                if len > 0 {
                    chars[i % len] = c;
                }
            }
            Mutation::Duplicate(i, n) => {
                let from = at(i).min(len);
                let to = (from + n % 8).min(len);
                let copy: Vec<char> = chars[from..to].to_vec();
                for (k, c) in copy.into_iter().enumerate() {
                    chars.insert(to + k, c);
                }
            }
        }
    }
    chars.into_iter().collect()
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let c = prop_oneof![
        select("[]{}\",:0123456789-.\\ena ".chars().collect::<Vec<_>>()),
        any::<char>()
    ];
    prop_oneof![
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), any::<usize>()).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (any::<usize>(), c.clone()).prop_map(|(i, c)| Mutation::Insert(i, c)),
        (any::<usize>(), c).prop_map(|(i, c)| Mutation::Replace(i, c)),
        (any::<usize>(), any::<usize>()).prop_map(|(i, n)| Mutation::Duplicate(i, n)),
    ]
}

fn status() -> impl Strategy<Value = u16> {
    prop_oneof![8 => Just(200u16), 1 => select(vec![0u16, 201, 204, 299, 300, 404, 500, 502, 599, u16::MAX])]
}

proptest! {
    #![proptest_config(cases(2000))]

    #[test]
    fn decode_never_panics_on_json_trees(value in json_value(), status in status()) {
        let body = value.to_string();
        for op in ALL_OPS {
            check_decode(op, status, &body)?;
        }
    }

    #[test]
    fn decode_never_panics_on_mutated_real_responses(
        base in select(REAL.to_vec()),
        mutations in prop::collection::vec(mutation(), 1..5),
    ) {
        let body = apply(base, &mutations);
        for op in ALL_OPS {
            check_decode(op, 200, &body)?;
        }
    }

    #[test]
    fn decode_never_panics_on_arbitrary_text(body in any::<String>(), status in status()) {
        for op in ALL_OPS {
            check_decode(op, status, &body)?;
        }
    }
}

proptest! {
    #![proptest_config(cases(200))]

    #[test]
    fn huge_bodies_are_cut(extra in 0usize..5000, fill in any::<char>()) {
        let body: String = fill.to_string().repeat(BODY_EXCERPT_BYTES / 2 + extra);
        for op in [Op::Credit, Op::SendPattern] {
            if let Err(e) = decode_json(op, 502, &body) {
                let excerpt = e.body.unwrap();
                prop_assert!(excerpt.len() <= BODY_EXCERPT_BYTES && body.starts_with(&excerpt));
                prop_assert!(excerpt.len() + fill.len_utf8() > BODY_EXCERPT_BYTES || excerpt == body);
            }
        }
    }
}
