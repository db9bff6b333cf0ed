//! The path and query string of the GET methods.

use crate::core::form::Form;
use crate::core::messages::NOT_EMPTY;
use crate::core::num::u64_text;
use crate::core::validate::{fail, Check};

use super::super::request::*;
use super::super::values::*;
use super::{gender_id, present, EdgeRequest};

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

pub(super) fn get_query(req: &EdgeRequest, path: &mut String, q: &mut Form) -> Check<()> {
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
