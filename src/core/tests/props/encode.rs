//! Properties of encoding: any request either encodes or names its field.

use super::*;

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
