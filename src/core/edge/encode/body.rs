//! The JSON bodies of the POST methods: the sends (in `sends.rs`), cancel, price, the outbox and
//! inbox lists, a new pattern.

use crate::core::num::u64_text;
use crate::core::validate::{indexed, Check};

use super::super::json::Json;
use super::super::request::*;
use super::super::values::*;
use super::sends::send_body;
use super::{present, EdgeRequest};

pub(super) fn body(req: &EdgeRequest) -> Check<String> {
    let mut j = Json::object();
    let op = req.op();
    if let Some(kind) = op.sending_type() {
        j.str(Some("sending_type"), kind);
    }
    match req {
        EdgeRequest::Send(_)
        | EdgeRequest::SendPeerToPeer(_)
        | EdgeRequest::SendPattern(_)
        | EdgeRequest::SendVoiceOtp(_)
        | EdgeRequest::SendPostalCode(_)
        | EdgeRequest::SendCountry(_)
        | EdgeRequest::SendGeolocation(_)
        | EdgeRequest::SendJob(_)
        | EdgeRequest::SendPhonebook(_)
        | EdgeRequest::SendKeywordPhonebook(_) => send_body(&mut j, req)?,
        EdgeRequest::Cancel { outbox_id } => {
            j.digits(Some("message_outbox_id"), &int_id(outbox_id, "outboxId")?);
        }
        EdgeRequest::CalculatePrice(r) => {
            let from = sender(&r.from, "from")?;
            let message = text(&r.message, "message")?;
            j.str(Some("number"), &from).str(Some("message"), message);
        }
        EdgeRequest::Outbox(r) => outbox_body(&mut j, r)?,
        EdgeRequest::Inbox(r) => {
            let from_id = r.from_id.as_deref().map(|f| int_id(f, "fromId")).transpose()?;
            if let Some(p) = page(r.page)? {
                j.int(Some("page"), u64::from(p));
            }
            if let Some(l) = limit(r.limit, false)? {
                j.int(Some("per_page"), u64::from(l));
            }
            if let Some(from_id) = from_id {
                j.begin_object(Some("filters"))
                    .digits(Some("from_id"), &from_id)
                    .end_object();
            }
        }
        EdgeRequest::CreatePattern(r) => {
            let description = text(&r.description, "description")?;
            let message = text(&r.message, "message")?;
            if let Some(title) = present(&r.title) {
                j.str(Some("title"), title);
            }
            j.str(Some("description"), description)
                .bool(Some("is_share"), r.is_share);
            j.str(Some("message"), message);
            if let Some(website) = present(&r.website) {
                j.str(Some("website"), website);
            }
            j.begin_array(Some("variable"));
            for (i, v) in r.variable.iter().enumerate() {
                let name = text(&v.name, &nested(&indexed("variable", i), "name"))?;
                j.begin_object(None)
                    .str(Some("name"), name.trim())
                    .str(Some("type"), v.kind.wire());
                j.end_object();
            }
            j.end_array();
        }
        _ => {}
    }
    Ok(j.finish())
}

fn outbox_body(j: &mut Json, r: &OutboxRequest) -> Check<()> {
    if let Some(p) = page(r.page)? {
        j.int(Some("page"), u64::from(p));
    }
    if let Some(l) = limit(r.limit, false)? {
        j.int(Some("limit"), u64::from(l));
    }
    let f = &r.filters;
    let mut filters = Json::object();
    let mut any = false;
    let mut text_filter = |key: &str, value: Option<&str>| {
        if let Some(value) = value {
            filters.str(Some(key), value);
            any = true;
        }
    };
    text_filter("username", present(&f.username));
    let number = present(&f.number).map(|n| sender(n, "filters.number")).transpose()?;
    text_filter("number", number.as_deref());
    let outbox = f
        .messages_outbox_id
        .as_deref()
        .map(|o| id(o, "filters.messagesOutboxId"))
        .transpose()?;
    text_filter("messages_outbox_id", outbox.as_deref());
    for (key, field, value) in [
        ("create_from_date", "filters.createFromDate", &f.create_from_date),
        ("create_to_date", "filters.createToDate", &f.create_to_date),
        ("send_from_date", "filters.sendFromDate", &f.send_from_date),
        ("send_to_date", "filters.sendToDate", &f.send_to_date),
    ] {
        let seconds = filter_time(value, field)?;
        text_filter(key, seconds.as_deref());
    }
    for (key, value) in [
        ("from_exit_count", f.from_exit_count),
        ("to_exit_count", f.to_exit_count),
    ] {
        if let Some(n) = value {
            filters.int(Some(key), n);
            any = true;
        }
    }
    if let Some(message) = present(&f.message) {
        filters.str(Some("message"), message);
        any = true;
    }
    if let Some(state) = f.state_id {
        filters.str(Some("state_id"), &u64_text(u64::from(state)));
        any = true;
    }
    if any {
        // The filters object is complete JSON; splice it in as the value of `filters`.
        j.digits(Some("filters"), &filters.finish());
    }
    Ok(())
}
