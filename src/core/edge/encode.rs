//! A checked Edge request as what goes on the wire: the method, the path and query after
//! `{base}/api/`, and the JSON body, keys in the order of the vendor's examples.

use crate::core::form::Form;
use crate::core::messages::{NOT_EMPTY, VARIABLE_NAMES};
use crate::core::num::u64_text;
use crate::core::validate::{fail, indexed, Check};

use super::json::Json;
use super::ops::{EdgeOp, Method};
use super::request::*;
use super::values::*;

/// One call of the Edge client, with what it takes.
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)]
pub enum EdgeRequest {
    Send(SendRequest),
    SendPeerToPeer(SendPeerToPeerRequest),
    SendPattern(SendPatternRequest),
    SendVoiceOtp(SendVoiceOtpRequest),
    SendPostalCode(SendPostalCodeRequest),
    SendCountry(SendCountryRequest),
    SendGeolocation(SendGeolocationRequest),
    SendJob(SendJobRequest),
    SendPhonebook(SendPhonebookRequest),
    SendKeywordPhonebook(SendKeywordPhonebookRequest),
    Cancel { outbox_id: String },
    CalculatePrice(CalculatePriceRequest),
    Outbox(OutboxRequest),
    Bulk { outbox_id: String },
    BulkStats { outbox_id: String },
    Recipients { outbox_id: String, page: RecipientsRequest },
    Inbox(InboxRequest),
    Credit,
    Patterns(PatternsRequest),
    Pattern { code: String },
    CreatePattern(CreatePatternRequest),
    Numbers(NumbersRequest),
    Phonebooks(PhonebooksRequest),
    PhonebookContacts(PhonebookContactsRequest),
    Provinces,
    Counties { province_id: u32 },
    Cities { county_id: u32 },
    BankCounts(BankCountsRequest),
    JobCategories,
    JobSubCategories { main_category_id: u32 },
    JobNumberCount(JobNumberCountRequest),
}

impl EdgeRequest {
    /// The method this request is a call of.
    pub fn op(&self) -> EdgeOp {
        match self {
            EdgeRequest::Send(_) => EdgeOp::Send,
            EdgeRequest::SendPeerToPeer(_) => EdgeOp::SendPeerToPeer,
            EdgeRequest::SendPattern(_) => EdgeOp::SendPattern,
            EdgeRequest::SendVoiceOtp(_) => EdgeOp::SendVoiceOtp,
            EdgeRequest::SendPostalCode(_) => EdgeOp::SendPostalCode,
            EdgeRequest::SendCountry(_) => EdgeOp::SendCountry,
            EdgeRequest::SendGeolocation(_) => EdgeOp::SendGeolocation,
            EdgeRequest::SendJob(_) => EdgeOp::SendJob,
            EdgeRequest::SendPhonebook(_) => EdgeOp::SendPhonebook,
            EdgeRequest::SendKeywordPhonebook(_) => EdgeOp::SendKeywordPhonebook,
            EdgeRequest::Cancel { .. } => EdgeOp::Cancel,
            EdgeRequest::CalculatePrice(_) => EdgeOp::CalculatePrice,
            EdgeRequest::Outbox(_) => EdgeOp::Outbox,
            EdgeRequest::Bulk { .. } => EdgeOp::Bulk,
            EdgeRequest::BulkStats { .. } => EdgeOp::BulkStats,
            EdgeRequest::Recipients { .. } => EdgeOp::Recipients,
            EdgeRequest::Inbox(_) => EdgeOp::Inbox,
            EdgeRequest::Credit => EdgeOp::Credit,
            EdgeRequest::Patterns(_) => EdgeOp::Patterns,
            EdgeRequest::Pattern { .. } => EdgeOp::Pattern,
            EdgeRequest::CreatePattern(_) => EdgeOp::CreatePattern,
            EdgeRequest::Numbers(_) => EdgeOp::Numbers,
            EdgeRequest::Phonebooks(_) => EdgeOp::Phonebooks,
            EdgeRequest::PhonebookContacts(_) => EdgeOp::PhonebookContacts,
            EdgeRequest::Provinces => EdgeOp::Provinces,
            EdgeRequest::Counties { .. } => EdgeOp::Counties,
            EdgeRequest::Cities { .. } => EdgeOp::Cities,
            EdgeRequest::BankCounts(_) => EdgeOp::BankCounts,
            EdgeRequest::JobCategories => EdgeOp::JobCategories,
            EdgeRequest::JobSubCategories { .. } => EdgeOp::JobSubCategories,
            EdgeRequest::JobNumberCount(_) => EdgeOp::JobNumberCount,
        }
    }

    /// The page and limit a list request asked for (for the `Page` of its answer).
    pub fn paging(&self) -> (Option<u32>, Option<u32>) {
        match self {
            EdgeRequest::Outbox(r) => (r.page, r.limit),
            EdgeRequest::Recipients { page, .. } => (page.page, page.limit),
            EdgeRequest::Inbox(r) => (r.page, r.limit),
            EdgeRequest::Patterns(r) => (r.page, r.limit),
            EdgeRequest::Numbers(r) => (r.page, r.limit),
            EdgeRequest::Phonebooks(r) => (r.page, r.limit),
            EdgeRequest::PhonebookContacts(r) => (r.page, r.limit),
            _ => (None, None),
        }
    }

    /// The same list request for page `page`.
    pub fn set_page(&mut self, page: u32) {
        let slot = match self {
            EdgeRequest::Outbox(r) => &mut r.page,
            EdgeRequest::Recipients { page, .. } => &mut page.page,
            EdgeRequest::Inbox(r) => &mut r.page,
            EdgeRequest::Patterns(r) => &mut r.page,
            EdgeRequest::Numbers(r) => &mut r.page,
            EdgeRequest::Phonebooks(r) => &mut r.page,
            EdgeRequest::PhonebookContacts(r) => &mut r.page,
            _ => return,
        };
        *slot = Some(page);
    }
}

/// What to put on the wire. The client adds the base URL and the headers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EdgeWire {
    /// GET or POST.
    pub method: Method,
    /// After `{base}/api/`: the path, and `?` and the query where there is one.
    pub path: String,
    /// The JSON body of a POST.
    pub body: Option<String>,
}

/// Checks `req` and builds what goes on the wire. Every check happens here, before anything is
/// sent; errors name the JS field to fix.
pub fn encode(req: &EdgeRequest) -> Check<EdgeWire> {
    let op = req.op();
    match op.method() {
        Method::Post => Ok(EdgeWire {
            method: Method::Post,
            path: String::from(op.path()),
            body: Some(body(req)?),
        }),
        Method::Get => {
            let mut path = String::from(op.path());
            let mut query = Form::new();
            get_query(req, &mut path, &mut query)?;
            let query = query.finish();
            if !query.is_empty() {
                path.push('?');
                path.push_str(&query);
            }
            Ok(EdgeWire {
                method: Method::Get,
                path,
                body: None,
            })
        }
    }
}

/// The older route of a request whose documented route is not there (see
/// [`EdgeOp::fallback_path`]): the same body, or for `bulk` the id in the path.
pub fn fallback(req: &EdgeRequest, wire: &EdgeWire) -> Option<EdgeWire> {
    let path = req.op().fallback_path()?;
    Some(match req {
        EdgeRequest::Bulk { outbox_id } => EdgeWire {
            method: Method::Post,
            path: [path, &int_id(outbox_id, "outboxId").ok()?].concat(),
            body: Some(String::from("{}")),
        },
        _ => EdgeWire {
            method: Method::Post,
            path: String::from(path),
            body: wire.body.clone(),
        },
    })
}

fn push_u(query: &mut Form, key: &str, n: Option<u32>) {
    if let Some(n) = n {
        query.push(key, &u64_text(u64::from(n)));
    }
}

fn push_paging(query: &mut Form, page_: Option<u32>, limit_: Option<u32>, patterns: bool) -> Check<()> {
    push_u(query, "page", page(page_)?);
    push_u(query, "per_page", limit(limit_, patterns)?);
    Ok(())
}

/// A path segment: unreserved characters as they are, everything else `%XX`.
fn push_segment(path: &mut String, segment: &str) {
    for b in segment.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            path.push(char::from(b));
        } else {
            path.push('%');
            path.push(crate::core::num::hex_digit(u32::from(b >> 4)));
            path.push(crate::core::num::hex_digit(u32::from(b)));
        }
    }
}

fn get_query(req: &EdgeRequest, path: &mut String, q: &mut Form) -> Check<()> {
    match req {
        EdgeRequest::Bulk { outbox_id } => q.push("messages_outbox_id", &id(outbox_id, "outboxId")?),
        EdgeRequest::BulkStats { outbox_id } => q.push("bulk_id", &id(outbox_id, "outboxId")?),
        EdgeRequest::Recipients { outbox_id, page: p } => {
            let bulk = id(outbox_id, "outboxId")?;
            push_paging(q, p.page, p.limit, false)?;
            q.push("bulk_id", &bulk);
        }
        EdgeRequest::Patterns(r) => {
            push_paging(q, r.page, r.limit, true)?;
            let f = &r.filter;
            if let Some(code) = present(&f.code) {
                q.push("filter[code]", code);
            }
            if let Some(title) = present(&f.title) {
                q.push("filter[title]", title);
            }
            if let Some(share) = f.is_share {
                q.push("filter[is_share]", if share { "true" } else { "false" });
            }
            if let Some(state) = f.state {
                q.push(
                    "filter[state]",
                    match state {
                        PatternState::Active => "active",
                        PatternState::Inactive => "inactive",
                    },
                );
            }
            if let Some(kind) = f.kind {
                q.push(
                    "filter[type]",
                    match kind {
                        PatternType::Normal => "normal",
                        PatternType::Systemic => "systemic",
                    },
                );
            }
        }
        EdgeRequest::Pattern { code } => {
            let code = code.trim();
            if code.is_empty() {
                return fail("patternCode", NOT_EMPTY);
            }
            push_segment(path, code);
        }
        EdgeRequest::Numbers(r) => push_paging(q, r.page, r.limit, false)?,
        EdgeRequest::Phonebooks(r) => {
            push_paging(q, r.page, r.limit, false)?;
            if let Some(title) = present(&r.title) {
                q.push("title", title);
            }
            if let Some(book) = &r.id {
                q.push("id", &id(book, "id")?);
            }
        }
        EdgeRequest::PhonebookContacts(r) => {
            if let Some(after) = filter_time(&r.from_created_at, "fromCreatedAt")? {
                q.push("from_created_at", &after);
            }
            if let Some(number) = present(&r.number) {
                q.push(
                    "number",
                    &crate::core::mobile::normalize_mobile_field(number, "number")?,
                );
            }
            if let Some(title) = present(&r.phonebook_title) {
                q.push("phonebook_title", title);
            }
            if let Some(book) = &r.phonebook_id {
                q.push("phonebook_id", &id(book, "phonebookId")?);
            }
            push_paging(q, r.page, r.limit, false)?;
        }
        EdgeRequest::Counties { province_id } => q.push("province_id", &u64_text(u64::from(*province_id))),
        EdgeRequest::Cities { county_id } => q.push("county_id", &u64_text(u64::from(*county_id))),
        EdgeRequest::BankCounts(r) => {
            push_u(q, "province_id", Some(r.province_id));
            push_u(q, "county_id", r.county_id);
            push_u(q, "city_id", r.city_id);
            push_u(q, "birth_year_from", birth_year(r.birth_year_from, "birthYearFrom")?);
            push_u(q, "birth_year_to", birth_year(r.birth_year_to, "birthYearTo")?);
            push_u(q, "gender_id", gender_id(r.gender));
            if let Some(pre) = &r.number_prefix {
                q.push("number_prefix", &prefix_text(pre, "numberPrefix")?);
            }
        }
        EdgeRequest::JobSubCategories { main_category_id } => {
            q.push("main_category_id", &u64_text(u64::from(*main_category_id)));
        }
        EdgeRequest::JobNumberCount(r) => {
            push_u(q, "main_category_id", Some(r.main_category_id));
            push_u(q, "sub_category_id", r.sub_category_id);
            push_u(q, "operator_id", r.operator_id.map(OperatorId::wire));
            if let Some(start) = r.start {
                q.push("start", &u64_text(start));
            }
            if let Some(size) = r.size {
                q.push("size", &u64_text(size));
            }
        }
        EdgeRequest::Credit | EdgeRequest::Provinces | EdgeRequest::JobCategories => {}
        _ => {}
    }
    Ok(())
}

/// An optional text that is there and not blank.
fn present(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// `gender` as the postal-code and country targets take it: 0 all, 1 male, 2 female.
fn gender_code(gender: Gender) -> u64 {
    match gender {
        Gender::Male => 1,
        Gender::Female => 2,
        _ => 0,
    }
}

/// `gender` where "all" sends nothing (geolocation targets, bank counts).
fn gender_id(gender: Gender) -> Option<u32> {
    match gender_code(gender) {
        0 => None,
        n => u32::try_from(n).ok(),
    }
}

fn body(req: &EdgeRequest) -> Check<String> {
    let mut j = Json::object();
    let op = req.op();
    if let Some(kind) = op.sending_type() {
        j.str(Some("sending_type"), kind);
    }
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
            push_time(&mut j, time);
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
            push_time(&mut j, time);
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
            push_time(&mut j, time);
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
            push_time(&mut j, time);
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
                push_year(&mut j, "age_from", birth_year(t.age_from, &nested(&at, "ageFrom"))?);
                push_year(&mut j, "age_to", birth_year(t.age_to, &nested(&at, "ageTo"))?);
                for (key, range) in [("mci", t.mci), ("irancell", t.irancell), ("other", t.other)] {
                    if let Some(range) = range {
                        push_range(&mut j, key, range);
                    }
                }
                j.end_object();
            }
            j.end_array();
            push_others(&mut j, &others);
            push_time(&mut j, time);
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
                push_range(&mut j, "mci", t.mci);
                push_range(&mut j, "irancell", t.irancell);
                push_range(&mut j, "other", t.other);
                j.end_object();
            }
            j.end_array();
            push_others(&mut j, &others);
            push_time(&mut j, time);
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
                push_year(&mut j, "from_age", birth_year(t.from_age, &nested(&at, "fromAge"))?);
                push_year(&mut j, "to_age", birth_year(t.to_age, &nested(&at, "toAge"))?);
                push_slices(&mut j, &t.operator);
                j.end_object();
            }
            j.end_array();
            push_others(&mut j, &others);
            push_time(&mut j, time);
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
                push_slices(&mut j, &t.operator);
                j.end_object();
            }
            j.end_array();
            push_others(&mut j, &others);
            push_time(&mut j, time);
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
            push_time(&mut j, time);
        }
        EdgeRequest::SendKeywordPhonebook(r) => {
            let (from, message, time) = targeted(&r.from, &r.message, r.params.len(), &r.send_time)?;
            j.str(Some("from_number"), &from).str(Some("message"), message);
            push_time(&mut j, time);
            j.begin_array(Some("params"));
            for (i, t) in r.params.iter().enumerate() {
                let book = int_id(&t.phonebook_id, &nested(&indexed("params", i), "phonebookId"))?;
                j.begin_object(None).digits(Some("phonebook_id"), &book).end_object();
            }
            j.end_array();
        }
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
        return fail("params", crate::core::messages::NO_ITEMS);
    }
    if targets > MAX_ITEMS {
        return fail("params", crate::core::messages::TOO_MANY_ITEMS);
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
