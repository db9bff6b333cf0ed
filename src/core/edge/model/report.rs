//! What the reports answer: outbox items (`report/new_list`, `report/by_bulk`), recipients and
//! their delivery (`report/recipients`), per-operator counts (`report/bulk_stats`) and received
//! messages (`report/messages-inbox`).

use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

use super::read::{object, small, Reader};
use crate::core::fields::{FieldError, Fields};
use crate::core::model::{Approval, DeliveryStatus};
use crate::core::num::u64_text;
use crate::core::text::trim_body;
use crate::core::value::{Extra, Value};

/// One sent message of the outbox (`outbox`, `outbox_item`): a bulk, its state and its cost.
///
/// Read from a `report/new_list` item or the `report/by_bulk` answer; numbers and unix times
/// come as digits or numbers. Required: `messages_outbox_id`, `number`, `number_id`, `state`,
/// the counts, `cost`, `time` and `time_send`; `username`, `type`, `status` and `message` are
/// empty when missing. Keys no field maps are kept in `extra`, camelCased.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "Fields")]
pub struct OutboxItem {
    /// The outbox id (the "bulk id" of the other reports).
    pub messages_outbox_id: String,
    /// The sender line, as the service wrote it (`+98…`).
    pub number: String,
    /// The sender line's id.
    pub number_id: String,
    /// The account that sent it (masked by the service: `*****`).
    pub username: String,
    /// What kind of send it was (`pattern`, `pattern_transactional`, `sendvoice`, …); `type`
    /// on the wire and in JS.
    #[serde(rename = "type")]
    pub kind: String,
    /// Where it is, in the service's English word (`finish`, …).
    pub state: String,
    /// Where it is, as a code: 0 being created, 1 awaiting review, 2 sending, 3 rejected,
    /// 4 invalid recipients, 5 queued, 6 sent, 7 cancelled, 8 insufficient credit, 9 system
    /// error.
    pub state_id: Option<u32>,
    /// Where it is, in the service's Persian words (`پایان یافته`).
    pub status: String,
    /// The review's verdict, when there was one.
    pub valid: Option<Approval>,
    /// The text sent.
    pub message: String,
    /// The service's summary of it, when it gives one.
    pub summary: Option<String>,
    /// How many recipients it had.
    pub rcpts_count: u64,
    /// How many messages went out.
    pub exit_count: u64,
    /// How many parts it was sent in, when the service says.
    pub part: Option<u64>,
    /// What it cost, in Rials.
    pub cost: f64,
    /// When it was created, in unix seconds.
    pub time: i64,
    /// When it was (or is to be) sent, in unix seconds.
    pub time_send: i64,
    /// Fields the service sent that no field above maps, keys camelCased.
    #[serde(flatten)]
    pub extra: Extra,
}

const OUTBOX_ITEM: &[&str] = &[
    "messagesOutboxId",
    "number",
    "numberId",
    "username",
    "type",
    "state",
    "stateId",
    "status",
    "valid",
    "message",
    "summary",
    "rcptsCount",
    "exitCount",
    "part",
    "cost",
    "time",
    "timeSend",
];

impl TryFrom<Fields> for OutboxItem {
    type Error = FieldError;
    fn try_from(f: Fields) -> Result<Self, FieldError> {
        let mut f = Reader::new(f);
        let messages_outbox_id = f.id("messages_outbox_id", "an outbox item has no messages_outbox_id")?;
        let number = f.text("number", "an outbox item has no number")?;
        let number_id = f.id("number_id", "an outbox item has no number_id")?;
        let username = f.text_or_empty("username")?;
        let kind = f.text_or_empty("type")?;
        let state = f.text("state", "an outbox item has no state")?;
        let state_id = f.opt_code("state_id")?;
        let status = f.text_or_empty("status")?;
        let valid = f
            .opt_text("valid")?
            .filter(|word| !trim_body(word).is_empty())
            .map(|word| Approval::from_word(&word));
        let message = f.text_or_empty("message")?;
        let summary = f.opt_text("summary")?;
        let rcpts_count = f.count("rcpts_count", "an outbox item has no rcpts_count")?;
        let exit_count = f.count("exit_count", "an outbox item has no exit_count")?;
        let part = f.opt_count("part")?;
        let cost = f.amount("cost", "an outbox item has no cost")?;
        let time = f.time("time", "an outbox item has no time")?;
        let time_send = f.time("time_send", "an outbox item has no time_send")?;
        Ok(OutboxItem {
            messages_outbox_id,
            number,
            number_id,
            username,
            kind,
            state,
            state_id,
            status,
            valid,
            message,
            summary,
            rcpts_count,
            exit_count,
            part,
            cost,
            time,
            time_send,
            extra: f.rest(OUTBOX_ITEM),
        })
    }
}

/// One recipient of a bulk and where its message is (`recipients`, `wait_for_delivery`).
///
/// Read from a `report/recipients` item. Required: `recipient` and `msg_parts`;
/// `message_status` may be missing, `null` or blank (no status yet), `is_readable` is `false`
/// when missing. Keys no field maps are kept in `extra`, camelCased (a wire key `status` would
/// collide with the derived [`Recipient::status`] and is not kept).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "Fields")]
pub struct Recipient {
    /// The number, as the service wrote it (`+98…`).
    pub recipient: String,
    /// The text sent to it.
    pub message: String,
    /// The service's `is_readable` flag.
    pub is_readable: bool,
    /// How many parts its message was sent in.
    pub msg_parts: u64,
    /// The service's delivery code, once the bulk is final: 0 sent to the operator, 1 at the
    /// operator, 2 delivered, 3 not delivered, 4 blacklisted.
    pub message_status: Option<u32>,
    /// The same as a [`DeliveryStatus`] word: `message_status` 0 `send`, 1 `pending`, 2
    /// `delivered`, 3 `failed`, 4 `discarded`, none yet `notsync`, any other code its digits.
    pub status: DeliveryStatus,
    /// Fields the service sent that no field above maps, keys camelCased.
    #[serde(flatten)]
    pub extra: Extra,
}

const RECIPIENT: &[&str] = &[
    "recipient",
    "message",
    "isReadable",
    "msgParts",
    "messageStatus",
    "status",
];

/// The [`DeliveryStatus`] for a recipient's `message_status`: 0 `Send`, 1 `Pending`,
/// 2 `Delivered`, 3 `Failed`, 4 `Discarded`, no code yet `NotSync`, any other code its digits
/// (`Other("5")`).
pub fn delivery_status(message_status: Option<u32>) -> DeliveryStatus {
    match message_status {
        None => DeliveryStatus::NotSync,
        Some(0) => DeliveryStatus::Send,
        Some(1) => DeliveryStatus::Pending,
        Some(2) => DeliveryStatus::Delivered,
        Some(3) => DeliveryStatus::Failed,
        Some(4) => DeliveryStatus::Discarded,
        Some(code) => DeliveryStatus::Other(u64_text(u64::from(code))),
    }
}

impl TryFrom<Fields> for Recipient {
    type Error = FieldError;
    fn try_from(f: Fields) -> Result<Self, FieldError> {
        let mut f = Reader::new(f);
        let recipient = f.text("recipient", "a recipient has no recipient")?;
        let message = f.text_or_empty("message")?;
        let is_readable = f.flag("is_readable")?;
        let msg_parts = f.count("msg_parts", "a recipient has no msg_parts")?;
        let message_status = match f.take("message_status") {
            None => None,
            Some(Value::String(s)) if trim_body(&s).is_empty() => None,
            Some(code) => Some(small(&code).ok_or("a recipient's message_status is not a whole number")?),
        };
        Ok(Recipient {
            recipient,
            message,
            is_readable,
            msg_parts,
            message_status,
            status: delivery_status(message_status),
            extra: f.rest(RECIPIENT),
        })
    }
}

/// Messages counted by script: `en` Latin, `fa` Persian (the service does not say; inferred).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(try_from = "Fields")]
pub struct LangCounts {
    /// The Latin-script count.
    pub en: u64,
    /// The Persian-script count.
    pub fa: u64,
}

impl TryFrom<Fields> for LangCounts {
    type Error = FieldError;
    fn try_from(f: Fields) -> Result<Self, FieldError> {
        let mut f = Reader::new(f);
        Ok(LangCounts {
            en: f.count("en", "an operator count has no en")?,
            fa: f.count("fa", "an operator count has no fa")?,
        })
    }
}

/// Counts per operator, keyed by the service's operator names (`mci`, `irancell`, …), every
/// key kept in the order it came (names as sent, not camelCased: they are data, not fields).
/// Serialized as an object, `{ "mci": { "en": 0, "fa": 0 }, … }`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(try_from = "Extra")]
pub struct OperatorCounts(pub Vec<(String, LangCounts)>);

impl OperatorCounts {
    /// The counts of one operator, by the service's name for it.
    pub fn get(&self, operator: &str) -> Option<&LangCounts> {
        self.0
            .iter()
            .find(|(name, _)| name == operator)
            .map(|(_, counts)| counts)
    }

    /// Every operator's counts added up.
    pub fn total(&self) -> LangCounts {
        self.0.iter().fold(LangCounts::default(), |sum, (_, c)| LangCounts {
            en: sum.en.saturating_add(c.en),
            fa: sum.fa.saturating_add(c.fa),
        })
    }
}

impl TryFrom<Extra> for OperatorCounts {
    type Error = FieldError;
    fn try_from(operators: Extra) -> Result<Self, FieldError> {
        operators
            .0
            .into_iter()
            .map(|(name, counts)| {
                let counts = object(counts).ok_or("an operator's counts are not an object")?;
                Ok((name, LangCounts::try_from(counts)?))
            })
            .collect::<Result<Vec<_>, FieldError>>()
            .map(OperatorCounts)
    }
}

impl Serialize for OperatorCounts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (name, counts) in &self.0 {
            map.serialize_entry(name, counts)?;
        }
        map.end()
    }
}

/// A bulk's messages per operator and language, by where they are (`bulk_stats`).
///
/// Read from the `report/bulk_stats` answer; all five maps are required, the counts come as
/// ints or digits. Other keys of the answer are not kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "Fields")]
pub struct BulkStats {
    /// Sent to the operator.
    pub operators_sent: OperatorCounts,
    /// At the operator.
    pub operators_pending: OperatorCounts,
    /// Delivered.
    pub operators_delivered: OperatorCounts,
    /// Not delivered.
    pub operators_failed: OperatorCounts,
    /// Blacklisted.
    pub operators_blacklist: OperatorCounts,
}

fn operators(f: &mut Reader, key: &str, missing: FieldError) -> Result<OperatorCounts, FieldError> {
    match f.take(key).ok_or(missing)? {
        Value::Object(operators) => OperatorCounts::try_from(operators),
        _ => Err("bulk stats are not objects of operators"),
    }
}

impl TryFrom<Fields> for BulkStats {
    type Error = FieldError;
    fn try_from(f: Fields) -> Result<Self, FieldError> {
        let mut f = Reader::new(f);
        Ok(BulkStats {
            operators_sent: operators(&mut f, "operators_sent", "bulk stats have no operators_sent")?,
            operators_pending: operators(&mut f, "operators_pending", "bulk stats have no operators_pending")?,
            operators_delivered: operators(&mut f, "operators_delivered", "bulk stats have no operators_delivered")?,
            operators_failed: operators(&mut f, "operators_failed", "bulk stats have no operators_failed")?,
            operators_blacklist: operators(&mut f, "operators_blacklist", "bulk stats have no operators_blacklist")?,
        })
    }
}

/// A received message (`inbox`).
///
/// Read from a `report/messages-inbox` item. Required: `messages_inbox_id`, `from`, `number`
/// and `time`; `message` and `type` are empty when missing, `seen` is `false`. Keys no field
/// maps are kept in `extra`, camelCased.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "Fields")]
pub struct InboxMessage {
    /// Its id; a poller keeps the highest seen for the next `from_id`.
    pub messages_inbox_id: String,
    /// The sender's number.
    pub from: String,
    /// The account's line it came in on.
    pub number: String,
    /// The text.
    pub message: String,
    /// What kind of message (`normal`, …); `type` on the wire and in JS.
    #[serde(rename = "type")]
    pub kind: String,
    /// When it arrived, in unix seconds.
    pub time: i64,
    /// Whether it was read.
    pub seen: bool,
    /// Fields the service sent that no field above maps, keys camelCased.
    #[serde(flatten)]
    pub extra: Extra,
}

const INBOX_MESSAGE: &[&str] = &["messagesInboxId", "from", "number", "message", "type", "time", "seen"];

impl TryFrom<Fields> for InboxMessage {
    type Error = FieldError;
    fn try_from(f: Fields) -> Result<Self, FieldError> {
        let mut f = Reader::new(f);
        let messages_inbox_id = f.id("messages_inbox_id", "an inbox message has no messages_inbox_id")?;
        let from = f.text("from", "an inbox message has no from")?;
        let number = f.text("number", "an inbox message has no number")?;
        let message = f.text_or_empty("message")?;
        let kind = f.text_or_empty("type")?;
        let time = f.time("time", "an inbox message has no time")?;
        let seen = f.flag("seen")?;
        Ok(InboxMessage {
            messages_inbox_id,
            from,
            number,
            message,
            kind,
            time,
            seen,
            extra: f.rest(INBOX_MESSAGE),
        })
    }
}
