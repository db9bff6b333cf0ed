//! Error codes, HTTP-level failures and wrong shapes, and the order of kept keys.

use super::*;

// ---- error codes ----

#[test]
fn error_codes_for_every_op() {
    for op in ALL_OPS {
        let e = assert_api(op, r#"[5,"credit is not enough"]"#, 5);
        assert_eq!(
            (e.message.as_str(), e.message_fa.as_str()),
            ("Insufficient credit", "اعتبار کافی نیست")
        );
        assert_api(op, r#"["5","credit"]"#, 5);
        assert_api(op, r#"[" 4 ","x"]"#, 4);
        assert_api(op, "[1]", 1);
        assert_api(op, "[1,null,\"more\"]", 1);
        assert_api(op, r#"[1.0,{"detail":1}]"#, 1);
        let auth = assert_api(op, r#"[962,"the username or password is incorrect"]"#, 962);
        assert_eq!(auth.message, "Username or password is incorrect");
        assert_api(op, r#"["962",""]"#, 962);

        let unknown = assert_api(op, r#"[4242,"something odd"]"#, 4242);
        assert_eq!(unknown.message, "unknown error code 4242: something odd");
        assert_eq!(unknown.message_fa, "کد خطای ناشناخته 4242");
        assert_api(op, "[-1,7]", -1);

        let text = err(op, r#"["ERR_X","broken"]"#);
        assert_eq!(
            (text.kind, text.code),
            (ErrorKind::Api, Some(ErrorCode::Text("ERR_X".into())))
        );
        assert_eq!(text.message, "unknown error code ERR_X: broken");

        for bad in [
            "[]",
            "[1.5,\"x\"]",
            "[null,\"x\"]",
            "[\"\",\"x\"]",
            "[true,1]",
            "[{},1]",
            "[[0],1]",
            "[0]",
            "[0,1,2]",
        ] {
            assert_protocol(op, bad);
        }
    }
}

#[test]
fn bare_auth_text_quoted_or_not() {
    for op in ALL_OPS {
        for body in [
            "the username or password is incorrect",
            "\"the username or password is incorrect\"",
            "  The Username Or Password Is Incorrect \n",
            "\u{feff}\"the username or password is incorrect\"",
        ] {
            let e = assert_api(op, body, 962);
            assert_eq!(e.message_fa, "نام کاربری یا کلمه عبور نادرست می باشد");
        }
    }
}

// ---- HTTP level ----

#[test]
fn non_2xx_is_http_whatever_the_body() {
    for op in ALL_OPS {
        for (status, body) in [
            (500, "<html><body>Internal Server Error</body></html>"),
            (502, "Bad Gateway"),
            (404, r#"[0,"123"]"#),
            (401, "the username or password is incorrect"),
            (302, ""),
            (199, ""),
            (300, "[0,1]"),
        ] {
            let e = err_at(op, status, body);
            assert_eq!(e.kind, ErrorKind::Http, "{op:?} {status}");
            assert_eq!(e.code, None);
            assert!(e.message.contains(&status.to_string()));
        }
    }
}

#[test]
fn unparseable_2xx_bodies_are_http() {
    for op in ALL_OPS {
        for body in [
            "<html><body>Service unavailable</body></html>",
            "",
            "   \n",
            r#"[0,"10929800""#,
            "[0,",
            "<?xml version=\"1.0\"?><error/>",
            "Warning: mysql_connect() failed [0,\"1\"]",
            "[0,\"1\"] trailing",
        ] {
            let e = err_at(op, 200, body);
            assert_eq!(e.kind, ErrorKind::Http, "{op:?} {body:?}");
            assert_eq!(e.code, None);
        }
        assert_eq!(err_at(op, 204, "").status, Some(204));
    }
}

#[test]
fn wrong_shapes_are_protocol_errors() {
    for op in ALL_OPS {
        for body in ["true", "{\"error\":\"x\"}", "\"hello\""] {
            if op == Op::CheckMessage && body.starts_with('{') {
                continue;
            }
            assert_protocol(op, body);
        }
    }
    for op in ALL_OPS.into_iter().filter(|op| *op != Op::Delivery) {
        assert_protocol(op, "null");
    }
}

#[test]
fn long_bodies_are_cut_in_errors() {
    let body = format!("<html>{}</html>", "ی".repeat(5000));
    let e = err_at(Op::Credit, 502, &body);
    let excerpt = e.body.unwrap();
    assert!(excerpt.len() <= BODY_EXCERPT_BYTES && excerpt.len() >= BODY_EXCERPT_BYTES - 3);
    assert!(body.starts_with(&excerpt));
}

// ---- key order ----

// serde_json's `Value` sorts keys, so order is checked on the serialized text: the result
// types read keys in the order the body has them, as the engine's `JSON.parse` gives them.

/// The keys of each object of a list, in the order the JSON text has them.
fn keys_in_order(json: &str) -> Vec<Vec<String>> {
    struct Keys(Vec<String>);
    impl<'de> serde::Deserialize<'de> for Keys {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Keys, D::Error> {
            struct V;
            impl<'de> serde::de::Visitor<'de> for V {
                type Value = Keys;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("an object")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Keys, A::Error> {
                    let mut keys = Vec::new();
                    while let Some((k, _)) = map.next_entry::<String, serde::de::IgnoredAny>()? {
                        keys.push(k);
                    }
                    Ok(Keys(keys))
                }
            }
            d.deserialize_map(V)
        }
    }
    let objects: Vec<Keys> = serde_json::from_str(json).unwrap();
    objects.into_iter().map(|k| k.0).collect()
}

#[test]
fn extra_keys_follow_the_mapped_ones_in_order() {
    let body = r#"[0,[{"z_last":1,"title":"t","created-at":"c","id":3,"Title":"other"}]]"#;
    let result: Vec<Job> = decode(Op::JobList, 200, body, &SerdeJson).unwrap();
    let text = serde_json::to_string(&result).unwrap();
    assert_eq!(keys_in_order(&text), [["id", "title", "zLast", "createdAt", "Title"]]);
    assert_eq!(
        crate::core::tests::support::as_js_numbers(serde_json::from_str(&text).unwrap()),
        arr(vec![obj(&[
            ("id", n(3.0)),
            ("title", s("t")),
            ("zLast", n(1.0)),
            ("createdAt", s("c")),
            ("Title", s("other")),
        ])])
    );
}

#[test]
fn a_camel_cased_key_never_overwrites_a_mapped_one() {
    // `received_at` would camelCase onto `receivedAt` (taken from `time`): it keeps its name.
    let body = r#"[0,[{"from":"1","to":"2","message":"m","time":"t","received_at":"r"}]]"#;
    let result: Vec<InboxMessage> = decode(Op::InboxList, 200, body, &SerdeJson).unwrap();
    assert_eq!(
        serde_json::to_string(&result).unwrap(),
        r#"[{"from":"1","to":"2","message":"m","receivedAt":"t","received_at":"r"}]"#
    );
}
