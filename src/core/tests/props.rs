//! Property tests of the core: mobile normalization, SMS part counting against an independent
//! reference, and decode/encode never panicking on anything.
//!
//! Case counts are kept small enough for a debug `cargo test` in seconds; set `PROPTEST_CASES`
//! to run more (e.g. `PROPTEST_CASES=100000 cargo test --test core_props`).

use super::support::decode_json;
use crate::core::encode::{encode, Credentials};
use crate::core::error::{ErrorKind, BODY_EXCERPT_BYTES};
use crate::core::mobile::normalize_mobile;
use crate::core::num::{f64_to_u64, u64_text, MAX_SAFE_INTEGER};
use crate::core::ops::Op;
use crate::core::request::{
    BookSendRequest, Gender, JobsCountRequest, JobsSendRequest, NewUserRequest, Operator, PostalCodeCountRequest,
    PostalCodeSendRequest, Request, SendPatternRequest, SendRequest,
};
use crate::core::sms::{sms_parts, Encoding};
use crate::core::tehran_time::format_epoch_ms;
use proptest::prelude::*;
use proptest::sample::select;

const ALL_OPS: [Op; 17] = Op::ALL;

/// `default` cases, or `PROPTEST_CASES` when set.
fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------- mobile numbers

const SEPARATORS: &[&str] = &[
    " ", "-", ".", "(", ")", "\u{a0}", "\u{200b}", "\u{200c}", "\u{200d}", "\u{200e}", "\u{200f}", "\u{202a}",
    "\u{202c}", "\u{202e}", "\u{2066}", "\u{2069}", "\u{feff}", "\t", "\u{2013}",
];

/// A digit in ASCII, Persian or Arabic-Indic script.
fn script_digit(d: u32, script: u8) -> char {
    let base = match script % 3 {
        0 => '0' as u32,
        1 => 0x6f0,
        _ => 0x660,
    };
    char::from_u32(base + d).unwrap()
}

/// Writes `text` (ASCII digits and `+`) with random digit scripts and random separators.
fn dress(text: &str, scripts: &[u8], seps: &[Option<usize>]) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if let Some(Some(k)) = seps.get(i) {
            // Separators may come before the `+` too (a direction mark usually does).
            out.push_str(SEPARATORS[k % SEPARATORS.len()]);
        }
        match c.to_digit(10) {
            Some(d) => out.push(script_digit(d, scripts.get(i).copied().unwrap_or(0))),
            None => out.push(c),
        }
    }
    if let Some(Some(k)) = seps.get(text.len()) {
        out.push_str(SEPARATORS[k % SEPARATORS.len()]);
    }
    out
}

fn sep_strategy() -> impl Strategy<Value = Vec<Option<usize>>> {
    prop::collection::vec(prop::option::weighted(0.3, 0..SEPARATORS.len()), 16)
}

proptest! {
    #![proptest_config(cases(500))]

    #[test]
    fn every_valid_form_of_a_number_normalizes_the_same(
        national in "9[0-9]{9}",
        prefix in select(vec!["", "0", "98", "+98", "0098"]),
        scripts in prop::collection::vec(0u8..3, 16),
        seps in sep_strategy(),
    ) {
        let expected = format!("+98{national}");
        let input = dress(&format!("{prefix}{national}"), &scripts, &seps);
        prop_assert_eq!(normalize_mobile(&input), Ok(expected.clone()), "{:?}", input);
        // The result is a fixed point.
        prop_assert_eq!(normalize_mobile(&expected), Ok(expected));
    }

    #[test]
    fn landlines_and_wrong_lengths_are_rejected(
        digits in "[0-9]{0,16}",
        prefix in select(vec!["", "+", "0", "98", "+98", "0098"]),
        scripts in prop::collection::vec(0u8..3, 20),
        seps in sep_strategy(),
    ) {
        let text = format!("{prefix}{digits}");
        let all = text.trim_start_matches('+');
        // The accepted shapes, written out independently of the implementation.
        let national = if text.starts_with('+') {
            all.strip_prefix("98")
        } else if all.len() == 14 {
            all.strip_prefix("0098")
        } else if all.len() == 12 {
            all.strip_prefix("98")
        } else if all.len() == 11 {
            all.strip_prefix('0')
        } else if all.len() == 10 {
            Some(all)
        } else {
            None
        };
        let valid = national.is_some_and(|n| n.len() == 10 && n.starts_with('9'));
        let input = dress(&text, &scripts, &seps);
        let result = normalize_mobile(&input);
        prop_assert_eq!(result.is_ok(), valid, "{:?} -> {:?}", input, result);
        if let Ok(n) = result {
            prop_assert_eq!(n, format!("+98{}", national.unwrap()));
        }
    }

    #[test]
    fn junk_never_panics_and_never_passes_as_a_number(input in any::<String>()) {
        match normalize_mobile(&input) {
            Ok(n) => {
                prop_assert!(n.len() == 13 && n.starts_with("+989") && n[1..].bytes().all(|b| b.is_ascii_digit()));
                prop_assert_eq!(normalize_mobile(&n), Ok(n.clone()));
            }
            Err(e) => {
                prop_assert_eq!(e.kind, ErrorKind::Input);
                prop_assert!(e.message.starts_with("input: "));
            }
        }
    }

    #[test]
    fn letters_anywhere_are_rejected(
        national in "9[0-9]{9}",
        at in 0usize..12,
        junk in "[a-zA-Z/_*#,+ا-ی]",
    ) {
        let mut text: Vec<char> = format!("0{national}").chars().collect();
        let at = at.min(text.len());
        let junk_char = junk.chars().next().unwrap();
        // A `+` is only junk after the first digit.
        prop_assume!(!(junk_char == '+' && at == 0));
        text.insert(at, junk_char);
        let input: String = text.into_iter().collect();
        prop_assert!(normalize_mobile(&input).is_err(), "{:?}", input);
    }
}

// ---------------------------------------------------------------- SMS parts

/// The GSM 03.38 default alphabet, written as its 128-entry table (0x1B, the escape, is
/// skipped), independently of the implementation.
const GSM_TABLE: [char; 128] = [
    '@', '£', '$', '¥', 'è', 'é', 'ù', 'ì', 'ò', 'Ç', '\n', 'Ø', 'ø', '\r', 'Å', 'å', //
    'Δ', '_', 'Φ', 'Γ', 'Λ', 'Ω', 'Π', 'Ψ', 'Σ', 'Θ', 'Ξ', '\u{1b}', 'Æ', 'æ', 'ß', 'É', //
    ' ', '!', '"', '#', '¤', '%', '&', '\'', '(', ')', '*', '+', ',', '-', '.', '/', //
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':', ';', '<', '=', '>', '?', //
    '¡', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', //
    'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 'Ä', 'Ö', 'Ñ', 'Ü', '§', //
    '¿', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', //
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 'ä', 'ö', 'ñ', 'ü', 'à', //
];
const GSM_EXT: [char; 10] = ['\u{c}', '^', '{', '}', '\\', '[', '~', ']', '|', '€'];
const ESC: u16 = 0x1b;

/// Reference count: encode to septets (escape + char for extensions) or UTF-16 units, then cut
/// fixed-size segments, moving a segment's trailing escape / high surrogate to the next one.
fn reference(text: &str) -> (Encoding, u32, u32, u32, u32) {
    let mut septets: Vec<u16> = Vec::new();
    let mut gsm = true;
    for c in text.chars() {
        if c != '\u{1b}' && GSM_TABLE.contains(&c) {
            septets.push(1);
        } else if GSM_EXT.contains(&c) {
            septets.push(ESC);
            septets.push(2);
        } else {
            gsm = false;
            break;
        }
    }
    /// Whether a segment may not end with this unit (it needs the unit after it).
    type Breakable = fn(u16) -> bool;
    let (encoding, units, single, multi, breakable): (_, Vec<u16>, usize, usize, Breakable) = if gsm {
        (Encoding::Gsm7, septets, 160, 153, |u| u == ESC)
    } else {
        (Encoding::Ucs2, text.encode_utf16().collect(), 70, 67, |u| {
            (0xd800..0xdc00).contains(&u)
        })
    };
    let length = units.len();
    if length <= single {
        return (
            encoding,
            length as u32,
            u32::from(length > 0),
            single as u32,
            (single - length) as u32,
        );
    }
    let mut parts = 0;
    let mut start = 0;
    let mut last_len = 0;
    while start < length {
        let mut end = (start + multi).min(length);
        if end < length && breakable(units[end - 1]) {
            end -= 1;
        }
        parts += 1;
        last_len = end - start;
        start = end;
    }
    (encoding, length as u32, parts, multi as u32, (multi - last_len) as u32)
}

fn gsm_char() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => select(GSM_TABLE.iter().copied().filter(|c| *c != '\u{1b}').collect::<Vec<_>>()),
        1 => select(GSM_EXT.to_vec()),
    ]
}

fn any_sms_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => gsm_char(),
        2 => select("سلامپچژگکی۰۹،؟".chars().collect::<Vec<_>>()),
        1 => select(vec!['😀', '𝄞', '🇮', 'ç', '`', '\t', '\u{1b}']),
        1 => any::<char>(),
    ]
}

fn check_sms(text: &str) -> Result<(), TestCaseError> {
    let p = sms_parts(text);
    prop_assert_eq!(
        (p.encoding, p.length, p.parts, p.per_part, p.remaining),
        reference(text),
        "{:?}",
        text
    );
    // Invariants that hold whatever the content.
    if p.parts > 0 {
        prop_assert!(p.remaining < p.per_part || (p.parts == 1 && p.length == 0));
        prop_assert!(p.parts * p.per_part >= p.length + p.remaining);
    }
    Ok(())
}

proptest! {
    #![proptest_config(cases(1000))]

    #[test]
    fn gsm_texts_match_the_reference(chars in prop::collection::vec(gsm_char(), 0..400)) {
        check_sms(&chars.into_iter().collect::<String>())?;
    }

    #[test]
    fn mixed_texts_match_the_reference(chars in prop::collection::vec(any_sms_char(), 0..200)) {
        check_sms(&chars.into_iter().collect::<String>())?;
    }

    #[test]
    fn part_boundaries(
        gsm_len in select(vec![0usize, 1, 152, 153, 154, 159, 160, 161, 305, 306, 307, 459, 460]),
        ucs_len in select(vec![1usize, 66, 67, 68, 69, 70, 71, 133, 134, 135, 201, 202]),
        gsm_fill in gsm_char(),
        ucs_fill in select("سلامپچژگکی".chars().collect::<Vec<_>>()),
        emoji_at in prop::option::of(0usize..200),
    ) {
        let gsm: String = "a".repeat(gsm_len);
        let p = sms_parts(&gsm);
        let (parts, per) = match gsm_len { 0 => (0, 160), 1..=160 => (1, 160), l => (l.div_ceil(153) as u32, 153) };
        prop_assert_eq!((p.encoding, p.length, p.parts, p.per_part), (Encoding::Gsm7, gsm_len as u32, parts, per));
        check_sms(&gsm)?;
        let filled: String = gsm_fill.to_string().repeat(gsm_len);
        check_sms(&filled)?;

        let mut ucs: Vec<char> = vec![ucs_fill; ucs_len];
        let p = sms_parts(&ucs.iter().collect::<String>());
        let (parts, per) = match ucs_len { 1..=70 => (1, 70), l => (l.div_ceil(67) as u32, 67) };
        prop_assert_eq!((p.encoding, p.length, p.parts, p.per_part), (Encoding::Ucs2, ucs_len as u32, parts, per));
        if let Some(at) = emoji_at {
            ucs.insert(at.min(ucs.len()), '😀');
        }
        check_sms(&ucs.into_iter().collect::<String>())?;
    }
}

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

// ---------------------------------------------------------------- encode

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9 +۰-۹٠-٩-]{0,16}",
        select(vec![
            "09121234567",
            "3000505",
            "1234567890",
            "2024-01-01 10:00:00",
            "2024-02-30",
            "a@b.ir",
            "12",
            ""
        ])
        .prop_map(str::to_string),
    ]
}

fn any_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>(),
        (0u64..1000).prop_map(|n| n as f64),
        select(vec![
            f64::NAN,
            f64::INFINITY,
            -0.0,
            9_007_199_254_740_991.0,
            9_007_199_254_740_992.0,
            1.5,
            -1.0
        ]),
    ]
}

/// A whole number as the request types hold one, around the edges a JS number has.
fn any_whole() -> impl Strategy<Value = u64> {
    prop_oneof![
        any::<u64>(),
        0u64..1000,
        select(vec![0, MAX_SAFE_INTEGER as u64, MAX_SAFE_INTEGER as u64 + 1, u64::MAX]),
    ]
}

/// An id as text: typed, or a JS number as the JS layer turns it into text.
fn any_id() -> impl Strategy<Value = String> {
    prop_oneof![
        any_text(),
        any_number().prop_filter_map("a whole JS number", |n| f64_to_u64(n).map(u64_text)),
    ]
}

fn any_request() -> impl Strategy<Value = Request> {
    let texts = || prop::collection::vec(any_text(), 0..4);
    // Typed text, or a `Date` as the JS layer writes it.
    let time = prop::option::of(prop_oneof![
        any_number().prop_filter_map("a date with a time text", format_epoch_ms),
        any_text(),
    ]);
    let target = || {
        (any_text(), any::<bool>(), 0u8..3).prop_map(|(postal_code, mci, g)| {
            (
                postal_code,
                if mci { Operator::Mci } else { Operator::Mtn },
                [Gender::All, Gender::Male, Gender::Female][g as usize],
            )
        })
    };
    let user = (
        (
            any_text(),
            any_text(),
            any_text(),
            prop::option::of(any_text()),
            any_text(),
            prop::option::of(any_text()),
        ),
        (
            any_whole(),
            prop::option::of(any_text()),
            any_text(),
            prop::option::of(any_text()),
        ),
        (prop::option::of(any_text()), prop::option::of(any_text())),
    )
        .prop_map(
            |(
                (username, password, name, company, national_id, certificate_id),
                (access_id, tel, mobile, postal_code),
                (email, address),
            )| {
                NewUserRequest {
                    username,
                    password,
                    name,
                    company,
                    national_id,
                    certificate_id,
                    access_id,
                    tel,
                    mobile,
                    postal_code,
                    email,
                    address,
                }
            },
        );
    prop_oneof![
        (any_text(), texts(), any_text(), time).prop_map(|(from, to, message, time)| Request::Send(SendRequest {
            from,
            to,
            message,
            time
        })),
        (
            any_text(),
            any_text(),
            any_text(),
            prop::collection::vec((any_text(), any_text()), 0..3)
        )
            .prop_map(
                |(from, to, pattern_code, values)| Request::SendPattern(SendPatternRequest {
                    from,
                    to,
                    pattern_code,
                    values
                })
            ),
        (any_text(), any_text(), target()).prop_map(|(from, message, (postal_code, operator, gender))| {
            Request::PostalCodeSend(PostalCodeSendRequest {
                from,
                message,
                postal_code,
                operator,
                gender,
            })
        }),
        target().prop_map(
            |(postal_code, operator, gender)| Request::PostalCodeCount(PostalCodeCountRequest {
                postal_code,
                operator,
                gender
            })
        ),
        (any_text(), any_text(), any_id()).prop_map(|(from, message, book_id)| Request::BookSend(BookSendRequest {
            from,
            message,
            book_id
        })),
        (
            any_text(),
            any_text(),
            any_whole(),
            prop::collection::vec(any_whole(), 0..4)
        )
            .prop_map(|(from, message, job_id, trend_ids)| Request::JobsSend(JobsSendRequest {
                from,
                message,
                job_id,
                trend_ids
            })),
        any_whole().prop_map(|job_id| Request::JobTrendList { job_id }),
        prop::collection::vec(any_whole(), 0..4)
            .prop_map(|trend_ids| Request::JobsCount(JobsCountRequest { trend_ids })),
        any_id().prop_map(|bulk_id| Request::CheckMessage { bulk_id }),
        any_id().prop_map(|bulk_id| Request::Delivery { bulk_id }),
        user.prop_map(Request::NewUser),
        select(vec![
            Request::PostalCodeArea,
            Request::BookList,
            Request::JobList,
            Request::InboxList,
            Request::Credit,
            Request::AccessList
        ]),
    ]
}

proptest! {
    #![proptest_config(cases(2000))]

    #[test]
    fn encode_never_panics(
        req in any_request(),
        username in any_text(),
        password in prop_oneof![any_text(), "[A-Z][a-z]{4}-[0-9]{4}-pw"],
    ) {
        let creds = Credentials { username: &username, password: &password };
        match encode(creds, &req) {
            Ok(wire) => {
                // Only the urlencoded alphabet goes on the wire.
                prop_assert!(wire.fields.bytes().all(|b| b.is_ascii_alphanumeric() || b"*-._+%=&".contains(&b)));
                let op_field = format!("&op={}", req.op().wire_name().replace('/', "%2F"));
                prop_assert_eq!(wire.fields.contains(&op_field), req.op() != Op::SendPattern);
            }
            Err(e) => {
                prop_assert_eq!(e.kind, ErrorKind::Input);
                prop_assert!(e.message.contains(": ") && e.message_fa.contains(": "));
                // The core never echoes the password on its own (a distinctive one that the
                // caller did not also type into another field).
                if password.ends_with("-pw") && !format!("{req:?}").contains(&password) {
                    prop_assert!(!e.message.contains(&password) && !e.message_fa.contains(&password));
                }
            }
        }
    }
}
