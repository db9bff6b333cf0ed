//! A checked Edge request as what goes on the wire: the method, the path and query after
//! `{base}/api/`, and the JSON body, keys in the order of the vendor's examples.

mod body;
mod query;
mod sends;

use crate::core::form::Form;
use crate::core::validate::Check;

use super::ops::{EdgeOp, Method};
use super::request::*;
use super::values::int_id;

use body::body;
use query::get_query;

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

/// An optional text that is there and not blank.
pub(super) fn present(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// `gender` as the postal-code and country targets take it: 0 all, 1 male, 2 female.
pub(super) fn gender_code(gender: Gender) -> u64 {
    match gender {
        Gender::Male => 1,
        Gender::Female => 2,
        _ => 0,
    }
}

/// `gender` where "all" sends nothing (geolocation targets, bank counts).
pub(super) fn gender_id(gender: Gender) -> Option<u32> {
    match gender_code(gender) {
        0 => None,
        n => u32::try_from(n).ok(),
    }
}
