//! What the account ops answer: credit (`payment/credit/mine`), lines (`number/numbers`),
//! phonebooks (`phonebooks/list-new`) and their contacts (`phonebooks/numbers/contact-list`).

use serde::{Deserialize, Serialize};

use super::read::Reader;
use crate::core::fields::{FieldError, Fields};
use crate::core::value::Extra;

/// The account's credit (`credit`), in Rials.
///
/// Read from the `payment/credit/mine` answer. Required: `credit`, `yesterday_credit` and
/// `updated_at`; `gift` is 0 when missing. Keys no field maps are kept in `extra`, camelCased.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "Fields")]
pub struct Credit {
    /// The credit now.
    pub credit: f64,
    /// The credit a day ago.
    pub yesterday_credit: f64,
    /// Gift credit.
    pub gift: f64,
    /// When the gift credit expires, as the service wrote it, when there is one.
    pub gift_expires_at: Option<String>,
    /// When the credit was last updated, as the service wrote it (`2025-06-30 18:07:06`; the
    /// time zone is not stated).
    pub updated_at: String,
    /// Fields the service sent that no field above maps, keys camelCased.
    #[serde(flatten)]
    pub extra: Extra,
}

const CREDIT: &[&str] = &["credit", "yesterdayCredit", "gift", "giftExpiresAt", "updatedAt"];

impl TryFrom<Fields> for Credit {
    type Error = FieldError;
    fn try_from(f: Fields) -> Result<Self, FieldError> {
        let mut f = Reader::new(f);
        let credit = f.amount("credit", "the credit has no credit")?;
        let yesterday_credit = f.amount("yesterday_credit", "the credit has no yesterday_credit")?;
        let gift = f.amount_or_zero("gift")?;
        let gift_expires_at = f.opt_text("gift_expires_at")?;
        let updated_at = f.text("updated_at", "the credit has no updated_at")?;
        Ok(Credit {
            credit,
            yesterday_credit,
            gift,
            gift_expires_at,
            updated_at,
            extra: f.rest(CREDIT),
        })
    }
}

/// A sender line of the account (`numbers`).
///
/// Read from a `number/numbers` item. Required: `id`, `number` and `operator_id`; the flags
/// are `false` when missing. Keys no field maps are kept in `extra`, camelCased.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "Fields")]
pub struct Line {
    /// Its id (an outbox item's `number_id`).
    pub id: String,
    /// The line, as the service wrote it (`+98…`).
    pub number: String,
    /// Its operator's id.
    pub operator_id: u32,
    /// Its alias, when it has one.
    pub alias: Option<String>,
    /// The service's `gets` flag (receives messages, by all signs; undocumented).
    pub gets: bool,
    /// The service's `is_66_char` flag (undocumented); `is66Char` in JS.
    #[serde(rename = "is66Char")]
    pub is_66_char: bool,
    /// Fields the service sent that no field above maps, keys camelCased.
    #[serde(flatten)]
    pub extra: Extra,
}

const LINE: &[&str] = &["id", "number", "operatorId", "alias", "gets", "is66Char"];

impl TryFrom<Fields> for Line {
    type Error = FieldError;
    fn try_from(f: Fields) -> Result<Self, FieldError> {
        let mut f = Reader::new(f);
        let id = f.id("id", "a line has no id")?;
        let number = f.text("number", "a line has no number")?;
        let operator_id = f.code("operator_id", "a line has no operator_id")?;
        let alias = f.opt_text("alias")?;
        let gets = f.flag("gets")?;
        let is_66_char = f.flag("is_66_char")?;
        Ok(Line {
            id,
            number,
            operator_id,
            alias,
            gets,
            is_66_char,
            extra: f.rest(LINE),
        })
    }
}

/// A custom field of a phonebook's contacts; its id is the `{ex_<id>}` placeholder of
/// keyword-phonebook sends.
///
/// Required: `id` and `title`; `type` is empty when missing. Other keys are not kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "Fields")]
pub struct PhonebookOption {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its type (`int`, `string`, `date`); `type` on the wire and in JS.
    #[serde(rename = "type")]
    pub kind: String,
}

impl TryFrom<Fields> for PhonebookOption {
    type Error = FieldError;
    fn try_from(f: Fields) -> Result<Self, FieldError> {
        let mut f = Reader::new(f);
        Ok(PhonebookOption {
            id: f.id("id", "a phonebook option has no id")?,
            title: f.text("title", "a phonebook option has no title")?,
            kind: f.text_or_empty("type")?,
        })
    }
}

/// A phonebook of the account (`phonebooks`).
///
/// Read from a `phonebooks/list-new` item. Required: `id`, `title`, `count` and `created_at`;
/// `options` is empty when missing. Keys no field maps are kept in `extra`, camelCased.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "Fields")]
pub struct Phonebook {
    /// Its id, for phonebook sends.
    pub id: String,
    /// Its title.
    pub title: String,
    /// How many contacts it holds.
    pub count: u64,
    /// The state of its last export, as the service's code, when it gives one.
    pub export_status: Option<u32>,
    /// The state of its last import, as the service's code, when it gives one.
    pub import_status: Option<u32>,
    /// When it was created, as the service wrote it (`2025-01-19T12:26:25+00:00`).
    pub created_at: String,
    /// When it was last updated, as the service wrote it, when it says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// Its contacts' custom fields.
    pub options: Vec<PhonebookOption>,
    /// Fields the service sent that no field above maps, keys camelCased.
    #[serde(flatten)]
    pub extra: Extra,
}

const PHONEBOOK: &[&str] = &[
    "id",
    "title",
    "count",
    "exportStatus",
    "importStatus",
    "createdAt",
    "updatedAt",
    "options",
];

impl TryFrom<Fields> for Phonebook {
    type Error = FieldError;
    fn try_from(f: Fields) -> Result<Self, FieldError> {
        let mut f = Reader::new(f);
        let id = f.id("id", "a phonebook has no id")?;
        let title = f.text("title", "a phonebook has no title")?;
        let count = f.count("count", "a phonebook has no count")?;
        let export_status = f.opt_code("export_status")?;
        let import_status = f.opt_code("import_status")?;
        let created_at = f.text("created_at", "a phonebook has no created_at")?;
        let updated_at = f.opt_text("updated_at")?;
        let options = f.objects("options", PhonebookOption::try_from)?;
        Ok(Phonebook {
            id,
            title,
            count,
            export_status,
            import_status,
            created_at,
            updated_at,
            options,
            extra: f.rest(PHONEBOOK),
        })
    }
}

/// A contact of a phonebook (`phonebook_contacts`); its id is what a phonebook `detail` send
/// lists in `number_ids`.
///
/// Read from a `phonebooks/numbers/contact-list` item. Required: `id`, `phonebook_id`,
/// `number`, `created_at` and `updated_at`; `pre`, `name`, `email` and `phonebook_title` are
/// empty when missing. Keys no field maps are kept in `extra`, camelCased.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "Fields")]
pub struct Contact {
    /// Its id.
    pub id: String,
    /// Its phonebook's id.
    pub phonebook_id: String,
    /// The number, as the service wrote it (`+98…`).
    pub number: String,
    /// The title before the name (`Mr.`, …).
    pub pre: String,
    /// The name.
    pub name: String,
    /// The email address.
    pub email: String,
    /// Its phonebook's title.
    pub phonebook_title: String,
    /// When it was created, as the service wrote it.
    pub created_at: String,
    /// When it was last updated, as the service wrote it.
    pub updated_at: String,
    /// Fields the service sent that no field above maps, keys camelCased.
    #[serde(flatten)]
    pub extra: Extra,
}

const CONTACT: &[&str] = &[
    "id",
    "phonebookId",
    "number",
    "pre",
    "name",
    "email",
    "phonebookTitle",
    "createdAt",
    "updatedAt",
];

impl TryFrom<Fields> for Contact {
    type Error = FieldError;
    fn try_from(f: Fields) -> Result<Self, FieldError> {
        let mut f = Reader::new(f);
        let id = f.id("id", "a contact has no id")?;
        let phonebook_id = f.id("phonebook_id", "a contact has no phonebook_id")?;
        let number = f.text("number", "a contact has no number")?;
        let pre = f.text_or_empty("pre")?;
        let name = f.text_or_empty("name")?;
        let email = f.text_or_empty("email")?;
        let phonebook_title = f.text_or_empty("phonebook_title")?;
        let created_at = f.text("created_at", "a contact has no created_at")?;
        let updated_at = f.text("updated_at", "a contact has no updated_at")?;
        Ok(Contact {
            id,
            phonebook_id,
            number,
            pre,
            name,
            email,
            phonebook_title,
            created_at,
            updated_at,
            extra: f.rest(CONTACT),
        })
    }
}
