//! The Edge results' tests: account.

use super::*;

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
