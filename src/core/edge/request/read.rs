//! The requests of the reports, the account's lists and the geo and job helpers.

use serde::Deserialize;

use super::super::de;
use super::{Gender, OperatorId};

/// Which outbox items [`OutboxRequest`] lists; only the filters given are sent.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OutboxFilters {
    /// A username (`*` is a wildcard).
    #[serde(default)]
    pub username: Option<String>,
    /// The sender line.
    #[serde(default)]
    pub number: Option<String>,
    /// One outbox id.
    #[serde(default, deserialize_with = "de::opt_id")]
    pub messages_outbox_id: Option<String>,
    /// Created at or after: unix seconds as digits, or ISO-8601 with an offset.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub create_from_date: Option<String>,
    /// Created at or before.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub create_to_date: Option<String>,
    /// Sent at or after.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub send_from_date: Option<String>,
    /// Sent at or before.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub send_to_date: Option<String>,
    /// At least this many messages went out.
    #[serde(default, deserialize_with = "de::opt_whole")]
    pub from_exit_count: Option<u64>,
    /// At most this many messages went out.
    #[serde(default, deserialize_with = "de::opt_whole")]
    pub to_exit_count: Option<u64>,
    /// Text in the message.
    #[serde(default)]
    pub message: Option<String>,
    /// The state (0–9, see `OutboxItem::state_id`).
    #[serde(default, deserialize_with = "de::opt_small")]
    pub state_id: Option<u32>,
}

/// `outbox`: a page of the messages sent.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OutboxRequest {
    /// The page, from 1.
    #[serde(default, deserialize_with = "de::opt_small")]
    pub page: Option<u32>,
    /// Items per page (1–1000; the service's default is 10).
    #[serde(default, deserialize_with = "de::opt_small")]
    pub limit: Option<u32>,
    /// Which items.
    #[serde(default, deserialize_with = "de::or_default")]
    pub filters: OutboxFilters,
}

/// `recipients`: a page of a send's recipients and their delivery.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RecipientsRequest {
    /// The page, from 1.
    #[serde(default, deserialize_with = "de::opt_small")]
    pub page: Option<u32>,
    /// Items per page (1–1000).
    #[serde(default, deserialize_with = "de::opt_small")]
    pub limit: Option<u32>,
}

/// `inbox`: a page of received messages.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InboxRequest {
    /// Messages after this inbox id, as the service reads it.
    #[serde(default, deserialize_with = "de::opt_id")]
    pub from_id: Option<String>,
    /// The page, from 1.
    #[serde(default, deserialize_with = "de::opt_small")]
    pub page: Option<u32>,
    /// Items per page (1–1000).
    #[serde(default, deserialize_with = "de::opt_small")]
    pub limit: Option<u32>,
}

/// A pattern's state, as `patterns` filters it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum PatternState {
    /// `"active"`.
    Active,
    /// `"inactive"`.
    Inactive,
}

/// A pattern's kind, as `patterns` filters it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum PatternType {
    /// `"normal"`: the account's own.
    Normal,
    /// `"systemic"`: the service's.
    Systemic,
}

/// Which patterns [`PatternsRequest`] lists; only the filters given are sent.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PatternFilter {
    /// The pattern code.
    #[serde(default)]
    pub code: Option<String>,
    /// The title.
    #[serde(default)]
    pub title: Option<String>,
    /// Shared patterns only, or unshared only.
    #[serde(default)]
    pub is_share: Option<bool>,
    /// Active or inactive.
    #[serde(default)]
    pub state: Option<PatternState>,
    /// Normal or systemic.
    #[serde(default, rename = "type")]
    pub kind: Option<PatternType>,
}

/// `patterns`: a page of the account's patterns.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PatternsRequest {
    /// The page, from 1.
    #[serde(default, deserialize_with = "de::opt_small")]
    pub page: Option<u32>,
    /// Items per page (1–100).
    #[serde(default, deserialize_with = "de::opt_small")]
    pub limit: Option<u32>,
    /// Which patterns.
    #[serde(default, deserialize_with = "de::or_default")]
    pub filter: PatternFilter,
}

/// What a pattern variable holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum VariableType {
    /// `"string"` (the default).
    #[default]
    String,
    /// `"integer"`.
    Integer,
}

impl VariableType {
    /// The wire word.
    pub fn wire(self) -> &'static str {
        match self {
            VariableType::String => "string",
            VariableType::Integer => "integer",
        }
    }
}

/// A variable of a new pattern, written `%name%` in its message.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VariableSpec {
    /// Its name.
    pub name: String,
    /// What it holds.
    #[serde(default, rename = "type", deserialize_with = "de::or_default")]
    pub kind: VariableType,
}

/// `createPattern`: a new pattern, `pending` until the service reviews it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreatePatternRequest {
    /// The text, variables written `%name%`.
    pub message: String,
    /// What it is for (the reviewers read it).
    pub description: String,
    /// Its variables.
    #[serde(default, deserialize_with = "de::or_default")]
    pub variable: Vec<VariableSpec>,
    /// Whether other accounts may use it.
    #[serde(default, deserialize_with = "de::or_default")]
    pub is_share: bool,
    /// A title.
    #[serde(default)]
    pub title: Option<String>,
    /// The website it is for.
    #[serde(default)]
    pub website: Option<String>,
}

/// `numbers`: a page of the account's lines.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NumbersRequest {
    /// The page, from 1.
    #[serde(default, deserialize_with = "de::opt_small")]
    pub page: Option<u32>,
    /// Items per page (1–1000).
    #[serde(default, deserialize_with = "de::opt_small")]
    pub limit: Option<u32>,
}

/// `phonebooks`: a page of the account's phonebooks.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PhonebooksRequest {
    /// The page, from 1.
    #[serde(default, deserialize_with = "de::opt_small")]
    pub page: Option<u32>,
    /// Items per page (1–1000).
    #[serde(default, deserialize_with = "de::opt_small")]
    pub limit: Option<u32>,
    /// Phonebooks with this title.
    #[serde(default)]
    pub title: Option<String>,
    /// The phonebook with this id.
    #[serde(default, deserialize_with = "de::opt_id")]
    pub id: Option<String>,
}

/// `phonebookContacts`: a page of contacts.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PhonebookContactsRequest {
    /// Contacts of this phonebook.
    #[serde(default, deserialize_with = "de::opt_id")]
    pub phonebook_id: Option<String>,
    /// Contacts of phonebooks with this title.
    #[serde(default)]
    pub phonebook_title: Option<String>,
    /// The contact with this number (any common form).
    #[serde(default)]
    pub number: Option<String>,
    /// Created at or after: unix seconds as digits, or ISO-8601 with an offset.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub from_created_at: Option<String>,
    /// The page, from 1.
    #[serde(default, deserialize_with = "de::opt_small")]
    pub page: Option<u32>,
    /// Items per page (1–1000).
    #[serde(default, deserialize_with = "de::opt_small")]
    pub limit: Option<u32>,
}

/// `bankCounts`: how many numbers a region's bank has.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BankCountsRequest {
    /// The province.
    #[serde(deserialize_with = "de::small")]
    pub province_id: u32,
    /// The county.
    #[serde(default, deserialize_with = "de::opt_small")]
    pub county_id: Option<u32>,
    /// The city.
    #[serde(default, deserialize_with = "de::opt_small")]
    pub city_id: Option<u32>,
    /// Born from this Solar Hijri year.
    #[serde(default, deserialize_with = "de::opt_small")]
    pub birth_year_from: Option<u32>,
    /// Born up to this Solar Hijri year.
    #[serde(default, deserialize_with = "de::opt_small")]
    pub birth_year_to: Option<u32>,
    /// Whose numbers; `All` sends none.
    #[serde(default, deserialize_with = "de::or_default")]
    pub gender: Gender,
    /// Numbers starting with these digits.
    #[serde(default, deserialize_with = "de::opt_id")]
    pub number_prefix: Option<String>,
}

/// `jobNumberCount`: how many numbers a job category has.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobNumberCountRequest {
    /// The category.
    #[serde(deserialize_with = "de::small")]
    pub main_category_id: u32,
    /// The sub-category.
    #[serde(default, deserialize_with = "de::opt_small")]
    pub sub_category_id: Option<u32>,
    /// One operator's numbers only.
    #[serde(default)]
    pub operator_id: Option<OperatorId>,
    /// From this position.
    #[serde(default, deserialize_with = "de::opt_whole")]
    pub start: Option<u64>,
    /// This many.
    #[serde(default, deserialize_with = "de::opt_whole")]
    pub size: Option<u64>,
}
