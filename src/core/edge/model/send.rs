//! What the send ops answer: the ids of the messages sent (`/api/send`, every type) and a
//! message's price (`/api/send/calculate-price`).

use serde::{Deserialize, Serialize};

use super::read::Reader;
use crate::core::fields::{bulk_id, FieldError, Fields};
use crate::core::value::Value;

/// The answer to every send: one outbox id per message sent (not per recipient), for the
/// reports, `cancel` and `wait_for_delivery`.
///
/// Read from `{"message_outbox_ids": [1123544244]}`; the ids come as ints or as digits, and an
/// answer without one (a missing, empty or non-digit list) is an error, since nothing then
/// says what was sent. Other keys of the answer are not kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "Fields")]
pub struct Sent {
    /// The outbox ids, digits as text, in the service's order; never empty.
    pub message_outbox_ids: Vec<String>,
}

impl TryFrom<Fields> for Sent {
    type Error = FieldError;
    fn try_from(f: Fields) -> Result<Self, FieldError> {
        let mut f = Reader::new(f);
        let ids = match f.take("message_outbox_ids") {
            Some(Value::Array(ids)) => ids,
            Some(_) => return Err("message_outbox_ids is not a list"),
            None => return Err("the answer has no message_outbox_ids"),
        };
        let message_outbox_ids = ids
            .iter()
            .map(|id| bulk_id(id).ok_or("a message_outbox_id is not digits"))
            .collect::<Result<Vec<_>, _>>()?;
        if message_outbox_ids.is_empty() {
            return Err("message_outbox_ids is empty");
        }
        Ok(Sent { message_outbox_ids })
    }
}

/// A message's price per recipient (`calculate_price`), in Rials.
///
/// Read from `{"mci_price": 2370, "other_price": 2503, "parts": 1}`; all three are required.
/// Other keys of the answer are not kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "Fields")]
pub struct Price {
    /// The price per recipient on MCI (Hamrah-e Avval).
    pub mci_price: f64,
    /// The price per recipient on the other operators.
    pub other_price: f64,
    /// How many parts the message is sent in.
    pub parts: u64,
}

impl TryFrom<Fields> for Price {
    type Error = FieldError;
    fn try_from(f: Fields) -> Result<Self, FieldError> {
        let mut f = Reader::new(f);
        Ok(Price {
            mci_price: f.amount("mci_price", "the price has no mci_price")?,
            other_price: f.amount("other_price", "the price has no other_price")?,
            parts: f.count("parts", "the price has no parts")?,
        })
    }
}
