//! The JSON bodies of the ten sending types, keys in the order of the vendor's examples.

use crate::core::messages::{NOT_EMPTY, NO_ITEMS, TOO_MANY_ITEMS, VARIABLE_NAMES};
use crate::core::num::u64_text;
use crate::core::validate::{fail, indexed, Check};

use super::super::json::Json;
use super::super::request::*;
use super::super::values::*;
use super::{gender_code, gender_id, present, EdgeRequest};

/// The body of the send `req` after its `sending_type`.
pub(super) fn send_body(j: &mut Json, req: &EdgeRequest) -> Check<()> {
    match req {
        EdgeRequest::Send(r) => {
            let from = sender(&r.from, "from")?;
            let message = text(&r.message, "message")?;
            let to = recipients(&r.to, "to", true)?;
            let time = send_time(&r.send_time)?;
            j.str(Some("from_number"), &from).str(Some("message"), message);
            j.begin_object(Some("params"))
                .strings(Some("recipients"), &to)
                .end_object();
            push_time(j, time);
        }
        EdgeRequest::SendPeerToPeer(r) => {
            let from = sender(&r.from, "from")?;
            items(&r.params, "params")?;
            let time = send_time(&r.send_time)?;
            j.str(Some("from_number"), &from).begin_array(Some("params"));
            for (i, item) in r.params.iter().enumerate() {
                let at = indexed("params", i);
                let to = recipients(&item.to, &nested(&at, "to"), true)?;
                let message = text(&item.message, &nested(&at, "message"))?;
                j.begin_object(None)
                    .strings(Some("recipients"), &to)
                    .str(Some("message"), message);
                j.end_object();
            }
            j.end_array();
            push_time(j, time);
        }
        EdgeRequest::SendPattern(r) => {
            let from = sender(&r.from, "from")?;
            let to = recipients(std::slice::from_ref(&r.to), "to", true)?;
            let code = r.pattern_code.trim();
            if code.is_empty() {
                return fail("patternCode", NOT_EMPTY);
            }
            if r.values.iter().any(|(k, _)| k.trim().is_empty()) {
                return fail("values", VARIABLE_NAMES);
            }
            let time = send_time(&r.send_time)?;
            j.str(Some("from_number"), &from).str(Some("code"), code);
            j.strings(Some("recipients"), &to).begin_object(Some("params"));
            for (k, v) in &r.values {
                j.str(Some(k), v);
            }
            j.end_object();
            if let Some(book) = &r.phonebook {
                j.begin_object(Some("phonebook"));
                j.digits(Some("id"), &int_id(&book.id, "phonebook.id")?);
                for (key, value) in [("name", &book.name), ("pre", &book.pre), ("email", &book.email)] {
                    if let Some(value) = present(value) {
                        j.str(Some(key), value);
                    }
                }
                if !book.options.is_empty() {
                    j.begin_object(Some("options"));
                    for (k, v) in &book.options {
                        j.str(Some(k), v);
                    }
                    j.end_object();
                }
                j.end_object();
            }
            push_time(j, time);
        }
        EdgeRequest::SendVoiceOtp(r) => {
            let to = recipients(std::slice::from_ref(&r.to), "to", true)?;
            let code = votp_code(&r.code)?;
            let from = r.from.as_deref().map(|f| sender(f, "from")).transpose()?;
            let time = send_time(&r.send_time)?;
            if let Some(from) = from {
                j.str(Some("from_number"), &from);
            }
            j.str(Some("message"), &code);
            j.begin_object(Some("params"))
                .strings(Some("recipients"), &to)
                .end_object();
            push_time(j, time);
        }
        EdgeRequest::SendPostalCode(r) => {
            let (from, message, time) = targeted(&r.from, &r.message, r.params.len(), &r.send_time)?;
            let others = recipients(&r.other_recipients, "otherRecipients", false)?;
            j.str(Some("from_number"), &from).str(Some("message"), message);
            j.begin_array(Some("params"));
            for (i, t) in r.params.iter().enumerate() {
                let at = indexed("params", i);
                j.begin_object(None).str(Some("bank"), t.bank.wire());
                j.digits(
                    Some("postal_code"),
                    &postal_prefix(&t.postal_code, &nested(&at, "postalCode"))?,
                );
                j.int(Some("gender"), gender_code(t.gender));
                push_year(j, "age_from", birth_year(t.age_from, &nested(&at, "ageFrom"))?);
                push_year(j, "age_to", birth_year(t.age_to, &nested(&at, "ageTo"))?);
                for (key, range) in [("mci", t.mci), ("irancell", t.irancell), ("other", t.other)] {
                    if let Some(range) = range {
                        push_range(j, key, range);
                    }
                }
                j.end_object();
            }
            j.end_array();
            push_others(j, &others);
            push_time(j, time);
        }
        EdgeRequest::SendCountry(r) => {
            let (from, message, time) = targeted(&r.from, &r.message, r.params.len(), &r.send_time)?;
            let others = recipients(&r.other_recipients, "otherRecipients", false)?;
            j.str(Some("from_number"), &from).str(Some("message"), message);
            j.begin_array(Some("params"));
            for (i, t) in r.params.iter().enumerate() {
                let at = indexed("params", i);
                j.begin_object(None).str(Some("bank"), t.bank.wire());
                j.digits(Some("pre"), &number_prefix(&t.pre, &nested(&at, "pre"))?);
                j.int(Some("province_id"), u64::from(t.province_id));
                if let Some(county) = t.county_id {
                    j.int(Some("county_id"), u64::from(county));
                }
                if let Some(city) = t.city_id {
                    j.int(Some("city_id"), u64::from(city));
                }
                j.int(Some("gender"), gender_code(t.gender));
                let from_year = birth_year(t.age_from, &nested(&at, "ageFrom"))?.unwrap_or(1300);
                let to_year = birth_year(t.age_to, &nested(&at, "ageTo"))?.unwrap_or(1410);
                j.int(Some("age_from"), u64::from(from_year))
                    .int(Some("age_to"), u64::from(to_year));
                push_range(j, "mci", t.mci);
                push_range(j, "irancell", t.irancell);
                push_range(j, "other", t.other);
                j.end_object();
            }
            j.end_array();
            push_others(j, &others);
            push_time(j, time);
        }
        EdgeRequest::SendGeolocation(r) => {
            let (from, message, time) = targeted(&r.from, &r.message, r.params.len(), &r.send_time)?;
            let others = recipients(&r.other_recipients, "otherRecipients", false)?;
            j.str(Some("from_number"), &from).str(Some("message"), message);
            j.begin_array(Some("params"));
            for (i, t) in r.params.iter().enumerate() {
                let at = indexed("params", i);
                j.begin_object(None);
                for (key, n) in [
                    ("province_id", t.province_id),
                    ("county_id", t.county_id),
                    ("city_id", t.city_id),
                ] {
                    if let Some(n) = n {
                        j.int(Some(key), u64::from(n));
                    }
                }
                if let Some(pre) = &t.pre {
                    j.str(Some("pre"), &prefix_text(pre, &nested(&at, "pre"))?);
                }
                if let Some(g) = gender_id(t.gender) {
                    j.int(Some("gender"), u64::from(g));
                }
                push_year(j, "from_age", birth_year(t.from_age, &nested(&at, "fromAge"))?);
                push_year(j, "to_age", birth_year(t.to_age, &nested(&at, "toAge"))?);
                push_slices(j, &t.operator);
                j.end_object();
            }
            j.end_array();
            push_others(j, &others);
            push_time(j, time);
        }
        EdgeRequest::SendJob(r) => {
            let (from, message, time) = targeted(&r.from, &r.message, r.params.len(), &r.send_time)?;
            let others = recipients(&r.other_recipients, "otherRecipients", false)?;
            j.str(Some("from_number"), &from).str(Some("message"), message);
            j.begin_array(Some("params"));
            for t in &r.params {
                j.begin_object(None)
                    .int(Some("main_category_id"), u64::from(t.main_category_id));
                if let Some(sub) = t.sub_category_id {
                    j.int(Some("sub_category_id"), u64::from(sub));
                }
                push_slices(j, &t.operator);
                j.end_object();
            }
            j.end_array();
            push_others(j, &others);
            push_time(j, time);
        }
        EdgeRequest::SendPhonebook(r) => {
            let (from, message, time) = targeted(&r.from, &r.message, r.params.len(), &r.send_time)?;
            j.str(Some("from_number"), &from).str(Some("message"), message);
            j.begin_array(Some("params"));
            for (i, t) in r.params.iter().enumerate() {
                let at = indexed("params", i);
                j.begin_object(None);
                match t {
                    PhonebookTarget::All {
                        phonebook_ids,
                        start,
                        size,
                    } => {
                        let field = nested(&at, "phonebookIds");
                        items(phonebook_ids, &field)?;
                        j.begin_array(Some("phonebook_ids"));
                        for (k, book) in phonebook_ids.iter().enumerate() {
                            j.str(None, &id(book, &indexed(&field, k))?);
                        }
                        j.end_array().str(Some("type"), "all");
                        if let Some(start) = start {
                            j.str(Some("start"), &u64_text(*start));
                        }
                        if let Some(size) = size {
                            j.str(Some("size"), &u64_text(*size));
                        }
                    }
                    PhonebookTarget::Detail {
                        phonebook_id,
                        number_ids,
                    } => {
                        j.str(Some("phonebook_id"), &id(phonebook_id, &nested(&at, "phonebookId"))?);
                        j.str(Some("type"), "detail");
                        let field = nested(&at, "numberIds");
                        items(number_ids, &field)?;
                        j.begin_array(Some("number_ids"));
                        for (k, number) in number_ids.iter().enumerate() {
                            j.str(None, &id(number, &indexed(&field, k))?);
                        }
                        j.end_array();
                    }
                }
                j.end_object();
            }
            j.end_array();
            push_time(j, time);
        }
        EdgeRequest::SendKeywordPhonebook(r) => {
            let (from, message, time) = targeted(&r.from, &r.message, r.params.len(), &r.send_time)?;
            j.str(Some("from_number"), &from).str(Some("message"), message);
            push_time(j, time);
            j.begin_array(Some("params"));
            for (i, t) in r.params.iter().enumerate() {
                let book = int_id(&t.phonebook_id, &nested(&indexed("params", i), "phonebookId"))?;
                j.begin_object(None).digits(Some("phonebook_id"), &book).end_object();
            }
            j.end_array();
        }
        _ => {}
    }
    Ok(())
}

/// The checks every targeted send shares.
fn targeted<'a>(
    from: &str,
    message: &'a str,
    targets: usize,
    time: &Option<String>,
) -> Check<(String, &'a str, Option<String>)> {
    let from = sender(from, "from")?;
    let message = text(message, "message")?;
    if targets == 0 {
        return fail("params", NO_ITEMS);
    }
    if targets > MAX_ITEMS {
        return fail("params", TOO_MANY_ITEMS);
    }
    Ok((from, message, send_time(time)?))
}

fn push_time(j: &mut Json, time: Option<String>) {
    if let Some(time) = time {
        j.str(Some("send_time"), &time);
    }
}

fn push_others(j: &mut Json, others: &[String]) {
    if !others.is_empty() {
        j.strings(Some("other_recipients"), others);
    }
}

fn push_year(j: &mut Json, key: &str, year: Option<u32>) {
    if let Some(year) = year {
        j.int(Some(key), u64::from(year));
    }
}

fn push_range(j: &mut Json, key: &str, range: Range) {
    j.begin_object(Some(key))
        .int(Some("start"), range.start)
        .int(Some("size"), range.size);
    j.end_object();
}

fn push_slices(j: &mut Json, slices: &[Slice]) {
    if slices.is_empty() {
        return;
    }
    j.begin_array(Some("operator"));
    for s in slices {
        j.begin_object(None)
            .int(Some("start"), s.start)
            .int(Some("size"), s.size);
        j.int(Some("id"), u64::from(s.id.wire())).end_object();
    }
    j.end_array();
}
