use crate::core::edge::decode::{decode, is_missing_route, Ignored, List, Listed, One};
use crate::core::error::{CoreError, ErrorCode, ErrorKind};
use crate::core::tests::support::SerdeJson;
use crate::core::value::Value;

fn fails(status: u16, body: &str) -> CoreError {
    match decode::<One<Value>, _>(status, body, &SerdeJson) {
        Ok(_) => panic!("{status} {body} decoded"),
        Err(e) => e,
    }
}

fn code(text: &str) -> Option<ErrorCode> {
    Some(ErrorCode::Text(text.into()))
}

const AUTH: &str = r#"{"data":null,"meta":{"status":false,"message":"اطلاعات وارد شده صحیح نمی باشد","message_parameters":[],"message_code":"400-1","errors":{}}}"#;
const VALIDATION: &str = r#"{"data":null,"meta":{"status":false,"message":"تکمیل گزینه description الزامی است (و 1 خطای دیگر)","message_parameters":[],"message_code":"400-2","errors":{"description":["تکمیل گزینه description الزامی است"],"variable.0.name":["تکمیل گزینه variable.0.name الزامی است"]}}}"#;

#[test]
fn successes_with_and_without_meta() {
    let ok = r#"{"data":{"credit":5.5},"meta":{"status":true,"message":"انجام شد","message_code":"200-1"}}"#;
    assert!(matches!(
        decode::<One<Value>, _>(200, ok, &SerdeJson),
        Ok(One(Value::Object(_)))
    ));
    assert!(decode::<One<Value>, _>(200, r#"{"data":{"a":1}}"#, &SerdeJson).is_ok());
    assert!(decode::<One<Value>, _>(201, r#"{"data":{"a":1},"meta":{"message":"x"}}"#, &SerdeJson).is_ok());
    let null =
        r#"{"data":null,"meta":{"status":true,"message":"انجام شد","message_parameters":[],"message_code":"200-1"}}"#;
    assert!(decode::<Ignored, _>(200, null, &SerdeJson).is_ok());
    let List(items) = decode::<List<Value>, _>(200, null, &SerdeJson).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(items.is_empty());
    let page =
        r#"{"data":[{"a":1},{"a":2}],"meta":{"current_page":1,"last_page":3,"per_page":2,"total":6,"status":true}}"#;
    let listed = decode::<Listed<Value>, _>(200, page, &SerdeJson).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(listed.items.len(), 2);
    assert_eq!(listed.meta.get("last_page"), Some(&Value::Number(3.0)));
}

#[test]
fn the_mapping_table() {
    let e = fails(401, AUTH);
    assert_eq!(
        (e.kind, e.code.clone(), e.status),
        (ErrorKind::Auth, code("400-1"), Some(401))
    );
    assert!(
        e.message.starts_with("The information entered is not correct"),
        "{}",
        e.message
    );
    assert_eq!(e.message_fa, "اطلاعات وارد شده صحیح نمی باشد");
    let e = fails(401, "<html>Unauthorized</html>");
    assert_eq!((e.kind, e.code.clone()), (ErrorKind::Auth, None));
    assert!(e.message.contains("API key"));

    let e = fails(429, "");
    assert_eq!((e.kind, e.code.clone()), (ErrorKind::Api, code("429")));
    assert!(e.message.contains("40 seconds"));
    let e = fails(
        429,
        r#"{"data":null,"meta":{"status":false,"message":"تکراری","message_code":"429-1"}}"#,
    );
    assert_eq!(
        (e.kind, e.code.clone(), e.message_fa.as_str()),
        (ErrorKind::Api, code("429-1"), "تکراری")
    );

    let e = fails(422, VALIDATION);
    assert_eq!((e.kind, e.code.clone()), (ErrorKind::Api, code("400-2")));
    assert_eq!(e.message, "description is required (and 1 more errors)");
    let fields = e.field_errors.map(|f| f.0).unwrap_or_default();
    assert_eq!(fields.len(), 2);
    assert_eq!(fields[1].0, "variable.0.name");
    assert_eq!(fields[1].1, ["تکمیل گزینه variable.0.name الزامی است"]);
    let e = fails(
        200,
        r#"{"data":null,"meta":{"status":false,"message":"something new","message_code":"400-9"}}"#,
    );
    assert_eq!((e.kind, e.message.as_str()), (ErrorKind::Api, "something new"));
    let e = fails(
        422,
        r#"{"data":null,"meta":{"status":false,"message":"invalid state","message_code":"400-31","errors":{}}}"#,
    );
    assert_eq!(
        (e.message.as_str(), e.code.clone()),
        ("Invalid state filter", code("400-31"))
    );
    let e = fails(
        404,
        r#"{"data":null,"meta":{"status":false,"message":"الگو یافت نشد","message_code":"404-1","errors":{}}}"#,
    );
    assert_eq!((e.kind, e.message.as_str()), (ErrorKind::Api, "Pattern not found"));
    // errors at the top level, one string per field (the login error's form).
    let e = fails(
        422,
        r#"{"data":null,"meta":{"status":false,"message":"x"},"errors":{"username":"نام کاربری"}}"#,
    );
    assert_eq!(
        e.field_errors.map(|f| f.0),
        Some(vec![("username".to_string(), vec!["نام کاربری".to_string()])])
    );

    let e = fails(502, "<html>Bad gateway</html>");
    assert_eq!((e.kind, e.code.clone(), e.status), (ErrorKind::Http, None, Some(502)));
    let e = fails(
        500,
        r#"{"data":null,"meta":{"status":false,"message":"x","message_code":"500-1"}}"#,
    );
    assert_eq!((e.kind, e.code.clone()), (ErrorKind::Http, code("500-1")));
    let e = fails(404, "<html>Not Found</html>");
    assert_eq!((e.kind, e.code.clone()), (ErrorKind::Http, None));
    let e = fails(302, "");
    assert_eq!(e.kind, ErrorKind::Http);
    let e = fails(200, "<html>maintenance</html>");
    assert_eq!((e.kind, e.code.clone()), (ErrorKind::Http, None));
    let e = fails(200, "");
    assert_eq!(e.kind, ErrorKind::Http);
    let e = fails(200, r#"{"data":{"credit":1"#);
    assert_eq!(e.kind, ErrorKind::Http);
    let e = fails(200, r#"[1,2]"#);
    assert_eq!(e.kind, ErrorKind::Protocol);
    let e = fails(200, r#"{"data":[1],"meta":{"status":true}}"#);
    assert_eq!((e.kind, e.code.clone()), (ErrorKind::Protocol, None));
    for e in [fails(422, VALIDATION), fails(502, "x"), fails(200, "[1]")] {
        assert!(
            !e.message.is_empty() && !e.message_fa.is_empty() && e.body.is_some(),
            "{e:?}"
        );
    }
    assert!(fails(200, "[1]").field_errors.is_none());
}

#[test]
fn missing_routes_are_404s_and_405s_without_the_envelope() {
    assert!(is_missing_route(404, "<html>Not Found</html>", &SerdeJson));
    assert!(is_missing_route(405, "", &SerdeJson));
    assert!(is_missing_route(404, r#"{"message":"Not Found"}"#, &SerdeJson));
    assert!(!is_missing_route(404, AUTH, &SerdeJson));
    assert!(!is_missing_route(500, "", &SerdeJson));
}
