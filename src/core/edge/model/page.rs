//! One page of a paginated list, and the paginator fields the service puts in `meta`.

use serde::Serialize;

use super::read::{small, whole};
use crate::core::value::Extra;

/// One page of a list (`outbox`, `recipients`, `inbox`, `patterns`, `numbers`, `phonebooks`,
/// `phonebook_contacts`): its items and where it stands.
///
/// Serialized as `{ items, page, limit, total?, lastPage? }`: `total` and `lastPage` only when
/// the service gave them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Page<T> {
    /// The items, in the service's order.
    pub items: Vec<T>,
    /// Which page this is, from 1.
    pub page: u32,
    /// How many items a page holds.
    pub limit: u32,
    /// How many items the whole list holds, when the service says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<u64>,
    /// The number of the last page, when the service says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_page: Option<u32>,
}

/// The paginator fields of an answer's `meta`, each `None` when the service did not send it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Paginator {
    /// `current_page`: which page the answer is.
    pub current_page: Option<u32>,
    /// `per_page`: how many items a page holds.
    pub per_page: Option<u32>,
    /// `total`: how many items the whole list holds.
    pub total: Option<u64>,
    /// `last_page`: the number of the last page.
    pub last_page: Option<u32>,
}

/// The paginator fields of `meta` (the envelope's object beside `data`), each a whole number
/// sent as a number or as digits. One missing, `null` or of another form (negative, a
/// fraction, text that is not digits, too large) is `None`: the paging rules then fall back to
/// the request's page and limit and to a short page as the end.
pub fn paginator(meta: &Extra) -> Paginator {
    Paginator {
        current_page: meta.get("current_page").and_then(small),
        per_page: meta.get("per_page").and_then(small),
        total: meta.get("total").and_then(whole),
        last_page: meta.get("last_page").and_then(small),
    }
}
