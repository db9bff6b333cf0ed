//! What the pattern ops answer (`patterns`, `patterns/{code}`, `patterns/normal`): patterns,
//! their variables and review status.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::read::Reader;
use crate::core::fields::{FieldError, Fields};
use crate::core::value::Extra;

/// Where a pattern's review is (`pattern_status`).
///
/// A word the service adds later arrives as `Other` rather than failing the call.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PatternStatus {
    /// Approved: it can be sent (`pattern_status_id` 1).
    Active,
    /// Rejected or switched off (`pattern_status_id` 2).
    Inactive,
    /// Awaiting review, right after create or update.
    Pending,
    /// A word this version does not know, as the service sent it.
    Other(String),
}

impl PatternStatus {
    /// The status for the service's word.
    pub fn from_word(word: &str) -> PatternStatus {
        match word {
            "active" => PatternStatus::Active,
            "inactive" => PatternStatus::Inactive,
            "pending" => PatternStatus::Pending,
            _ => PatternStatus::Other(String::from(word)),
        }
    }

    /// The service's own word.
    pub fn as_str(&self) -> &str {
        match self {
            PatternStatus::Active => "active",
            PatternStatus::Inactive => "inactive",
            PatternStatus::Pending => "pending",
            PatternStatus::Other(word) => word,
        }
    }
}

impl fmt::Display for PatternStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for PatternStatus {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for PatternStatus {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(|w| PatternStatus::from_word(&w))
    }
}

/// A variable of a pattern, written `%name%` (with the pattern's delimiter) in its message.
///
/// Required: `name` and `len`; `type` is empty when missing. Other keys are not kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "Fields")]
pub struct PatternVariable {
    /// Its name, the key of a pattern send's `values`.
    pub name: String,
    /// Its type (`string`, `integer`); `type` on the wire and in JS.
    #[serde(rename = "type")]
    pub kind: String,
    /// Its maximum length.
    pub len: u64,
}

impl TryFrom<Fields> for PatternVariable {
    type Error = FieldError;
    fn try_from(f: Fields) -> Result<Self, FieldError> {
        let mut f = Reader::new(f);
        Ok(PatternVariable {
            name: f.text("name", "a pattern variable has no name")?,
            kind: f.text_or_empty("type")?,
            len: f.count("len", "a pattern variable has no len")?,
        })
    }
}

/// A pattern of the account (`patterns`, `pattern`, `create_pattern`).
///
/// Read from a `patterns` item, the show answer or the create answer. Required: `id`,
/// `pattern_code`, `pattern_message`, `pattern_status`, `delimiter`, `updated_at` and `time`;
/// `pattern_description` and `reject_text` are empty when missing, `variable` empty,
/// `pattern_is_share` `false`. Keys no field maps (dozens: revisions, logs) are kept in
/// `extra`, camelCased.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "Fields")]
pub struct Pattern {
    /// Its id (24 hex digits).
    pub id: String,
    /// Its code, for pattern sends.
    pub pattern_code: String,
    /// Its title, when it has one.
    pub title: Option<String>,
    /// Its text, variables written between delimiters.
    pub pattern_message: String,
    /// Its description.
    pub pattern_description: String,
    /// Where its review is.
    pub pattern_status: PatternStatus,
    /// The same as a code (1 active, 2 inactive), when the service sends one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern_status_id: Option<u32>,
    /// The same in Persian (`فعال`, `رد شده`), when the service sends it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern_status_fa: Option<String>,
    /// Whether it is shared.
    pub pattern_is_share: bool,
    /// Its variables.
    pub variable: Vec<PatternVariable>,
    /// What marks a variable in its text (`%`).
    pub delimiter: String,
    /// The reviewer's comment, when there is one.
    pub admin_comment: Option<String>,
    /// Why it was rejected (empty when it was not).
    pub reject_text: String,
    /// When it was last updated, as the service wrote it (`2025-06-01T08:27:32.244000Z`).
    pub updated_at: String,
    /// When it was last updated, in unix seconds.
    pub time: i64,
    /// Fields the service sent that no field above maps, keys camelCased.
    #[serde(flatten)]
    pub extra: Extra,
}

const PATTERN: &[&str] = &[
    "id",
    "patternCode",
    "title",
    "patternMessage",
    "patternDescription",
    "patternStatus",
    "patternStatusId",
    "patternStatusFa",
    "patternIsShare",
    "variable",
    "delimiter",
    "adminComment",
    "rejectText",
    "updatedAt",
    "time",
];

impl TryFrom<Fields> for Pattern {
    type Error = FieldError;
    fn try_from(f: Fields) -> Result<Self, FieldError> {
        let mut f = Reader::new(f);
        let id = f.id("id", "a pattern has no id")?;
        let pattern_code = f.id("pattern_code", "a pattern has no pattern_code")?;
        let title = f.opt_text("title")?;
        let pattern_message = f.text("pattern_message", "a pattern has no pattern_message")?;
        let pattern_description = f.text_or_empty("pattern_description")?;
        let pattern_status = f.text("pattern_status", "a pattern has no pattern_status")?;
        let pattern_status_id = f.opt_code("pattern_status_id")?;
        let pattern_status_fa = f.opt_text("pattern_status_fa")?;
        let pattern_is_share = f.flag("pattern_is_share")?;
        let variable = f.objects("variable", PatternVariable::try_from)?;
        let delimiter = f.text("delimiter", "a pattern has no delimiter")?;
        let admin_comment = f.opt_text("admin_comment")?;
        let reject_text = f.text_or_empty("reject_text")?;
        let updated_at = f.text("updated_at", "a pattern has no updated_at")?;
        let time = f.time("time", "a pattern has no time")?;
        Ok(Pattern {
            id,
            pattern_code,
            title,
            pattern_message,
            pattern_description,
            pattern_status: PatternStatus::from_word(&pattern_status),
            pattern_status_id,
            pattern_status_fa,
            pattern_is_share,
            variable,
            delimiter,
            admin_comment,
            reject_text,
            updated_at,
            time,
            extra: f.rest(PATTERN),
        })
    }
}
