//! Typed requests of the Edge client, as the Rust API takes them (the JS objects' fields in
//! snake_case; serde reads the JS objects' camelCase into them), and the shared parts of their
//! targets.

mod read;
mod send;

use serde::{Deserialize, Deserializer};

pub use read::*;
pub use send::*;

pub use crate::core::request::Gender;

/// Which numbers of a bank a postal-code or country target reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Bank {
    /// `"all"` (the default).
    #[default]
    All,
    /// `"white"`: leaves out numbers on the blacklist.
    White,
}

impl Bank {
    /// The wire word.
    pub fn wire(self) -> &'static str {
        match self {
            Bank::All => "all",
            Bank::White => "white",
        }
    }
}

/// An operator: `1`, `2` or `13` on the wire, or `"mci"`, `"irancell"`, `"other"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum OperatorId {
    /// Hamrah-e Aval (MCI), `1`.
    Mci,
    /// Irancell, `2`.
    Irancell,
    /// Every other operator, `13`.
    Other,
    /// Another id the service may add.
    Id(u32),
}

impl Default for OperatorId {
    /// [`OperatorId::Mci`], only so that requests can use `..Default::default()`.
    fn default() -> OperatorId {
        OperatorId::Mci
    }
}

impl OperatorId {
    /// The wire number.
    pub fn wire(self) -> u32 {
        match self {
            OperatorId::Mci => 1,
            OperatorId::Irancell => 2,
            OperatorId::Other => 13,
            OperatorId::Id(n) => n,
        }
    }
}

impl<'de> Deserialize<'de> for OperatorId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<OperatorId, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Given {
            Word(String),
            Number(#[serde(deserialize_with = "super::de::small")] u32),
        }
        match Given::deserialize(d)? {
            Given::Number(1) => Ok(OperatorId::Mci),
            Given::Number(2) => Ok(OperatorId::Irancell),
            Given::Number(13) => Ok(OperatorId::Other),
            Given::Number(n) => Ok(OperatorId::Id(n)),
            Given::Word(w) => match w.trim() {
                "mci" => Ok(OperatorId::Mci),
                "irancell" => Ok(OperatorId::Irancell),
                "other" => Ok(OperatorId::Other),
                digits => digits
                    .parse::<u32>()
                    .map(|n| match n {
                        1 => OperatorId::Mci,
                        2 => OperatorId::Irancell,
                        13 => OperatorId::Other,
                        n => OperatorId::Id(n),
                    })
                    .map_err(|_| serde::de::Error::custom("1, 2, 13, \"mci\", \"irancell\" or \"other\"")),
            },
        }
    }
}

/// A slice of an operator's numbers: from `start`, `size` of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Range {
    /// The first number's position.
    #[serde(deserialize_with = "super::de::whole")]
    pub start: u64,
    /// How many numbers.
    #[serde(deserialize_with = "super::de::whole")]
    pub size: u64,
}

/// A slice of one operator's numbers, for geolocation and job targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Slice {
    /// Whose numbers.
    pub id: OperatorId,
    /// The first number's position.
    #[serde(deserialize_with = "super::de::whole")]
    pub start: u64,
    /// How many numbers.
    #[serde(deserialize_with = "super::de::whole")]
    pub size: u64,
}
