//! What each op resolves to: the result types of the Rust API, and through `serde` the plain
//! objects of the JavaScript API (camelCase, extra fields beside the mapped ones).
//!
//! Items deserialize `try_from` [`Fields`], which reads the service's aliases and keeps what no
//! field maps in `extra`; they serialize with `extra` flattened, so a JS caller sees
//! `{ id, title, ...whatever else the service sent }`.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::fields::{FieldError, Fields};
use super::value::Extra;

/// The answer to a send-type op: the id of the bulk send, for `delivery` and `check_message`.
///
/// ```
/// let sent = ippanel_wasm::Sent { bulk_id: "10929800".into() };
/// assert_eq!(serde_json::to_string(&sent).unwrap(), r#"{"bulkId":"10929800"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Sent {
    /// The bulk id, digits as text (it may be longer than a JS number holds exactly).
    pub bulk_id: String,
}

/// The answer to `new_user`.
///
/// ```
/// let user = ippanel_wasm::CreatedUser { user_id: "4521".into() };
/// assert_eq!(user.user_id, "4521");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreatedUser {
    /// What the service answered for the new account (its id).
    pub user_id: String,
}

macro_rules! item {
    ($(#[$doc:meta])* $name:ident, example: $example:literal, { $($(#[$fdoc:meta])* $field:ident : $ty:ty),* $(,)? }) => {
        $(#[$doc])*
        ///
        /// Read from an item the service sent (its key aliases and numbers-as-text accepted);
        /// keys no field maps are kept in `extra`, camelCased:
        ///
        /// ```
        #[doc = concat!("let json = r#\"", $example, "\"#;")]
        #[doc = concat!("let item: ippanel_wasm::", stringify!($name), " = serde_json::from_str(json).unwrap();")]
        /// assert!(item.extra.get("createdAt").is_some());
        /// ```
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(rename_all = "camelCase", try_from = "Fields")]
        pub struct $name {
            $($(#[$fdoc])* pub $field: $ty,)*
            /// Fields the service sent that no field above maps, keys camelCased.
            #[serde(flatten)]
            pub extra: Extra,
        }
    };
}

item!(
    /// A postal-code area (`postal_code_area`).
    PostalArea,
    example: r#"{"id":"11","name":"Tehran","created_at":"2020"}"#,
    {
        /// The area's code, for `postal_code_send`.
        code: String,
        /// Its name.
        name: String,
    }
);

item!(
    /// A phonebook of the account (`book_list`).
    Phonebook,
    example: r#"{"id":12,"title":"customers","created_at":"2020"}"#,
    {
        /// Its id, for `book_send`.
        id: String,
        /// Its title.
        title: String,
    }
);

item!(
    /// A job, or a trend of a job (`job_list`, `job_trend_list`).
    Job,
    example: r#"{"code":"3","name":"doctors","created_at":"2020"}"#,
    {
        /// Its id, for `job_trend_list` and `jobs_send`.
        id: u64,
        /// Its title.
        title: String,
    }
);

/// A trend of a job (`job_trend_list`): the same shape as a [`Job`].
pub type JobTrend = Job;

item!(
    /// A received message (`inbox_list`).
    InboxMessage,
    example: r#"{"from":"+989121234567","to":"+983000505","message":"hi","time":"2020-01-01 10:00:00","created_at":"2020"}"#,
    {
        /// The sender's number.
        from: String,
        /// The line it came in on.
        to: String,
        /// The text.
        message: String,
        /// When it arrived, as the service wrote it (Tehran time).
        received_at: String,
    }
);

item!(
    /// An access package a reseller can give a new user (`access_list`).
    AccessPackage,
    example: r#"{"id":"1","title":"Bronze","price":"500000","created_at":"2020"}"#,
    {
        /// Its id, for `new_user`'s `access_id`.
        id: u64,
        /// Its title.
        title: String,
        /// Its price in rials.
        price: f64,
        /// Its discount (0 when the service gives none).
        discount: f64,
    }
);

item!(
    /// One recipient of a bulk send and where its message is (`delivery`).
    DeliveryEntry,
    example: r#"{"mobile":"+989121234567","status":"delivered","created_at":"2020"}"#,
    {
        /// The number, as the service wrote it (`+98…`).
        recipient: String,
        /// Where the message is.
        status: DeliveryStatus,
    }
);

item!(
    /// The review state of a bulk send (`check_message`).
    MessageCheck,
    example: r#"{"statusMessage":"Finish","validMessage":"approve","created_at":"2020"}"#,
    {
        /// Where the send is.
        status: MessageStatus,
        /// Whether it was approved.
        approval: Approval,
    }
);

const ID: &[&str] = &["id", "code", "ID"];
const TITLE: &[&str] = &["title", "name"];

impl TryFrom<Fields> for PostalArea {
    type Error = FieldError;
    fn try_from(mut f: Fields) -> Result<Self, FieldError> {
        let code = f.text(&["code", "id"], "an item has no code")?;
        let name = f.text(&["name", "title"], "an item has no name")?;
        Ok(PostalArea {
            code,
            name,
            extra: f.rest(&["code", "name"]),
        })
    }
}

impl TryFrom<Fields> for Phonebook {
    type Error = FieldError;
    fn try_from(mut f: Fields) -> Result<Self, FieldError> {
        let id = f.text(ID, "an item has no id")?;
        let title = f.text(TITLE, "an item has no title")?;
        Ok(Phonebook {
            id,
            title,
            extra: f.rest(&["id", "title"]),
        })
    }
}

impl TryFrom<Fields> for Job {
    type Error = FieldError;
    fn try_from(mut f: Fields) -> Result<Self, FieldError> {
        let id = f.id(ID, "an item has no id")?;
        let title = f.text(TITLE, "an item has no title")?;
        Ok(Job {
            id,
            title,
            extra: f.rest(&["id", "title"]),
        })
    }
}

impl TryFrom<Fields> for InboxMessage {
    type Error = FieldError;
    fn try_from(mut f: Fields) -> Result<Self, FieldError> {
        let from = f.text(&["from", "sender"], "an item has no from")?;
        let to = f.text(&["to", "receiver"], "an item has no to")?;
        let message = f.text(&["message", "text", "body"], "an item has no message")?;
        let received_at = f.text(&["receivedAt", "time", "date"], "an item has no receivedAt")?;
        let extra = f.rest(&["from", "to", "message", "receivedAt"]);
        Ok(InboxMessage {
            from,
            to,
            message,
            received_at,
            extra,
        })
    }
}

impl TryFrom<Fields> for AccessPackage {
    type Error = FieldError;
    fn try_from(mut f: Fields) -> Result<Self, FieldError> {
        let id = f.id(ID, "an item has no id")?;
        let title = f.text(TITLE, "an item has no title")?;
        let price = f.number(&["price"], "an item has no price")?;
        let discount = match f.take(&["discount", "off"]) {
            None => 0.0,
            Some(v) => super::fields::as_number(&v).ok_or("an item field is not a number")?,
        };
        let extra = f.rest(&["id", "title", "price", "discount"]);
        Ok(AccessPackage {
            id,
            title,
            price,
            discount,
            extra,
        })
    }
}

impl TryFrom<Fields> for DeliveryEntry {
    type Error = FieldError;
    fn try_from(mut f: Fields) -> Result<Self, FieldError> {
        let recipient = f.text(&["recipient", "mobile", "number", "to"], "an item has no recipient")?;
        let status = f.text(&["status", "state"], "an item has no status")?;
        let extra = f.rest(&["recipient", "status"]);
        Ok(DeliveryEntry {
            recipient,
            status: DeliveryStatus::from_word(&status),
            extra,
        })
    }
}

impl DeliveryEntry {
    /// An entry written `"<recipient>:<status>"`, split at the last colon (numbers carry none).
    pub fn from_text(text: &str) -> Option<DeliveryEntry> {
        let (recipient, status) = super::text::rsplit_once_byte(text, b':')?;
        let recipient = recipient.trim();
        if recipient.is_empty() {
            return None;
        }
        Some(DeliveryEntry {
            recipient: String::from(recipient),
            status: DeliveryStatus::from_word(status.trim()),
            extra: Extra::default(),
        })
    }
}

impl TryFrom<Fields> for MessageCheck {
    type Error = FieldError;
    fn try_from(mut f: Fields) -> Result<Self, FieldError> {
        let status = f.text(&["statusMessage", "status"], "an item has no status")?;
        let approval = f.text(&["validMessage", "approval"], "an item has no approval")?;
        let extra = f.rest(&["status", "approval"]);
        Ok(MessageCheck {
            status: MessageStatus::from_word(&status),
            approval: Approval::from_word(&approval),
            extra,
        })
    }
}

macro_rules! words {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $word:literal),* $(,)? }) => {
        $(#[$doc])*
        ///
        /// A word the service adds later arrives as `Other` rather than failing the call.
        ///
        /// ```
        #[doc = concat!("use ippanel_wasm::", stringify!($name), ";")]
        #[doc = concat!("let later = ", stringify!($name), "::from_word(\"SomethingNew\");")]
        #[doc = concat!("assert_eq!(later, ", stringify!($name), "::Other(\"SomethingNew\".into()));")]
        /// assert_eq!(later.as_str(), "SomethingNew");
        /// ```
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$vdoc])* $variant,)*
            /// A word this version does not know, as the service sent it.
            Other(String),
        }

        impl $name {
            /// The service's own word.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $word,)*
                    $name::Other(word) => word,
                }
            }

            fn known(word: &str) -> Option<$name> {
                match word {
                    $($word => Some($name::$variant),)*
                    _ => None,
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                String::deserialize(d).map(|w| $name::from_word(&w))
            }
        }
    };
}

words!(
    /// Where a bulk send is (`checkmessage`'s `statusMessage`).
    MessageStatus {
        /// Done.
        Finish = "Finish",
        /// In progress.
        Interacting = "Interacting",
        /// Not authenticated.
        NoAuthentication = "NoAuthentication",
        /// Active.
        Active = "Active",
        /// Cancelled.
        Cancel = "Cancel",
        /// The account's credit ran out.
        NoSufficientCharge = "No Sufficient Charge",
    }
);

words!(
    /// Whether a bulk send was approved (`checkmessage`'s `validMessage`).
    Approval {
        /// Approved.
        Approve = "approve",
        /// Cancelled.
        Cancel = "cancel",
        /// Not (yet) confirmed.
        NotConfirm = "notconfirm",
    }
);

words!(
    /// Where one recipient's message is (`delivery`).
    DeliveryStatus {
        /// Being sent.
        NotSync = "notsync",
        /// Sent.
        Send = "send",
        /// At the operator.
        Pending = "pending",
        /// Not delivered to the handset.
        Failed = "failed",
        /// Blacklisted.
        Discarded = "discarded",
        /// Delivered.
        Delivered = "delivered",
    }
);

impl MessageStatus {
    /// The status for the service's word.
    pub fn from_word(word: &str) -> MessageStatus {
        MessageStatus::known(word).unwrap_or_else(|| MessageStatus::Other(String::from(word)))
    }
}

impl Approval {
    /// The approval for the service's word; one client saw `notconfirm:`, so any word starting
    /// with `notconfirm` is [`Approval::NotConfirm`].
    pub fn from_word(word: &str) -> Approval {
        if word.starts_with("notconfirm") {
            return Approval::NotConfirm;
        }
        Approval::known(word).unwrap_or_else(|| Approval::Other(String::from(word)))
    }
}

impl DeliveryStatus {
    /// The status for the service's word.
    pub fn from_word(word: &str) -> DeliveryStatus {
        DeliveryStatus::known(word).unwrap_or_else(|| DeliveryStatus::Other(String::from(word)))
    }

    /// Whether the status no longer changes (`delivered`, `failed`, `discarded`).
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            DeliveryStatus::Delivered | DeliveryStatus::Failed | DeliveryStatus::Discarded
        )
    }
}
