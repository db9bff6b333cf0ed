//! The Edge results' tests: geo and job helpers, pages.

use super::*;

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
