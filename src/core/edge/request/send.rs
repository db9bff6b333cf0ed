//! The send requests: one per sending type, and the targets they take.

use serde::Deserialize;

use super::super::de;
use super::{Bank, Gender, Range, Slice};

/// `send`: one text to a list of numbers (`webservice`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SendRequest {
    /// The sender line: `+983000505`, `3000505` or `+98BANK`.
    pub from: String,
    /// Recipients in any common Iranian form; JS may give one string.
    #[serde(deserialize_with = "crate::core::de::one_or_many")]
    pub to: Vec<String>,
    /// The text.
    pub message: String,
    /// When to send, ISO-8601 with an offset; sent as UTC. Now when `None`.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub send_time: Option<String>,
}

/// One group of a peer-to-peer send: its own text to its own numbers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PeerToPeerItem {
    /// Recipients in any common Iranian form.
    #[serde(deserialize_with = "crate::core::de::one_or_many")]
    pub to: Vec<String>,
    /// The text for them.
    pub message: String,
}

/// `sendPeerToPeer`: a different text per group (`peer_to_peer`); one outbox id per group.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SendPeerToPeerRequest {
    /// The sender line.
    pub from: String,
    /// The groups.
    pub params: Vec<PeerToPeerItem>,
    /// When to send, ISO-8601 with an offset.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub send_time: Option<String>,
}

/// Where a pattern send also saves its recipient.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PatternPhonebook {
    /// The phonebook's id (digits).
    #[serde(deserialize_with = "crate::core::de::id_text")]
    pub id: String,
    /// The contact's name.
    #[serde(default)]
    pub name: Option<String>,
    /// The contact's title (`mr`, …).
    #[serde(default)]
    pub pre: Option<String>,
    /// The contact's email.
    #[serde(default)]
    pub email: Option<String>,
    /// Custom fields: option id → value.
    #[serde(default, deserialize_with = "de::options")]
    pub options: Vec<(String, String)>,
}

/// `sendPattern`: an approved pattern with its variables, to one number (`pattern`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SendPatternRequest {
    /// The sender line.
    pub from: String,
    /// The one recipient.
    pub to: String,
    /// The pattern's code.
    pub pattern_code: String,
    /// The pattern's variables, each sent as a string.
    #[serde(default, deserialize_with = "de::values")]
    pub values: Vec<(String, String)>,
    /// Saves the recipient into a phonebook too.
    #[serde(default)]
    pub phonebook: Option<PatternPhonebook>,
    /// When to send, ISO-8601 with an offset.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub send_time: Option<String>,
}

/// `sendVoiceOtp`: a code read out in a voice call (`votp`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SendVoiceOtpRequest {
    /// The one recipient.
    pub to: String,
    /// The code: 1 to 14 digits, leading zeros kept.
    #[serde(deserialize_with = "crate::core::de::id_text")]
    pub code: String,
    /// A sender line; none is sent when `None`.
    #[serde(default)]
    pub from: Option<String>,
    /// When to call, ISO-8601 with an offset.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub send_time: Option<String>,
}

/// The numbers of a postal-code area.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PostalTarget {
    /// 2 to 5 digits.
    #[serde(deserialize_with = "crate::core::de::id_text")]
    pub postal_code: String,
    /// Which numbers of the bank.
    #[serde(default, deserialize_with = "de::or_default")]
    pub bank: Bank,
    /// Whose numbers.
    #[serde(default, deserialize_with = "de::or_default")]
    pub gender: Gender,
    /// Born from this Solar Hijri year (1300–1410).
    #[serde(default, deserialize_with = "de::opt_small")]
    pub age_from: Option<u32>,
    /// Born up to this Solar Hijri year.
    #[serde(default, deserialize_with = "de::opt_small")]
    pub age_to: Option<u32>,
    /// A slice of MCI's numbers.
    #[serde(default)]
    pub mci: Option<Range>,
    /// A slice of Irancell's numbers.
    #[serde(default)]
    pub irancell: Option<Range>,
    /// A slice of the other operators' numbers.
    #[serde(default)]
    pub other: Option<Range>,
}

/// `sendPostalCode`: to the numbers of postal-code areas (`postal_code`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SendPostalCodeRequest {
    /// The sender line (`+98BANK`, …).
    pub from: String,
    /// The text.
    pub message: String,
    /// The areas.
    pub params: Vec<PostalTarget>,
    /// Numbers added to the send.
    #[serde(default, deserialize_with = "de::opt_one_or_many")]
    pub other_recipients: Vec<String>,
    /// When to send, ISO-8601 with an offset.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub send_time: Option<String>,
}

/// The numbers of a province, county or city (`country`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CountryTarget {
    /// The province (from `provinces`).
    #[serde(deserialize_with = "de::small")]
    pub province_id: u32,
    /// A number prefix, 2 to 6 digits (`938`).
    #[serde(deserialize_with = "crate::core::de::id_text")]
    pub pre: String,
    /// A slice of MCI's numbers.
    pub mci: Range,
    /// A slice of Irancell's numbers.
    pub irancell: Range,
    /// A slice of the other operators' numbers.
    pub other: Range,
    /// The county (from `counties`).
    #[serde(default, deserialize_with = "de::opt_small")]
    pub county_id: Option<u32>,
    /// The city (from `cities`).
    #[serde(default, deserialize_with = "de::opt_small")]
    pub city_id: Option<u32>,
    /// Which numbers of the bank.
    #[serde(default, deserialize_with = "de::or_default")]
    pub bank: Bank,
    /// Whose numbers.
    #[serde(default, deserialize_with = "de::or_default")]
    pub gender: Gender,
    /// Born from this Solar Hijri year; 1300 when `None`.
    #[serde(default, deserialize_with = "de::opt_small")]
    pub age_from: Option<u32>,
    /// Born up to this Solar Hijri year; 1410 when `None`.
    #[serde(default, deserialize_with = "de::opt_small")]
    pub age_to: Option<u32>,
}

/// `sendCountry`: to the numbers of regions (`country`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SendCountryRequest {
    /// The sender line.
    pub from: String,
    /// The text.
    pub message: String,
    /// The regions.
    pub params: Vec<CountryTarget>,
    /// Numbers added to the send.
    #[serde(default, deserialize_with = "de::opt_one_or_many")]
    pub other_recipients: Vec<String>,
    /// When to send, ISO-8601 with an offset.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub send_time: Option<String>,
}

/// The numbers of a region by the newer geolocation bank.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GeoTarget {
    /// The province.
    #[serde(default, deserialize_with = "de::opt_small")]
    pub province_id: Option<u32>,
    /// The county.
    #[serde(default, deserialize_with = "de::opt_small")]
    pub county_id: Option<u32>,
    /// The city.
    #[serde(default, deserialize_with = "de::opt_small")]
    pub city_id: Option<u32>,
    /// A number prefix (digits).
    #[serde(default, deserialize_with = "de::opt_id")]
    pub pre: Option<String>,
    /// Whose numbers; `All` sends no gender.
    #[serde(default, deserialize_with = "de::or_default")]
    pub gender: Gender,
    /// Born from this Solar Hijri year.
    #[serde(default, deserialize_with = "de::opt_small")]
    pub from_age: Option<u32>,
    /// Born up to this Solar Hijri year.
    #[serde(default, deserialize_with = "de::opt_small")]
    pub to_age: Option<u32>,
    /// Slices per operator.
    #[serde(default, deserialize_with = "de::or_default")]
    pub operator: Vec<Slice>,
}

/// `sendGeolocation`: to the numbers of regions (`geolocation`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SendGeolocationRequest {
    /// The sender line.
    pub from: String,
    /// The text.
    pub message: String,
    /// The regions.
    pub params: Vec<GeoTarget>,
    /// Numbers added to the send.
    #[serde(default, deserialize_with = "de::opt_one_or_many")]
    pub other_recipients: Vec<String>,
    /// When to send, ISO-8601 with an offset.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub send_time: Option<String>,
}

/// The numbers of a job category.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobTarget {
    /// The category (from `job_categories`).
    #[serde(deserialize_with = "de::small")]
    pub main_category_id: u32,
    /// The sub-category (from `job_sub_categories`).
    #[serde(default, deserialize_with = "de::opt_small")]
    pub sub_category_id: Option<u32>,
    /// Slices per operator.
    #[serde(default, deserialize_with = "de::or_default")]
    pub operator: Vec<Slice>,
}

/// `sendJob`: to the numbers of job categories (`job`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SendJobRequest {
    /// The sender line (`+98PRO`, …).
    pub from: String,
    /// The text.
    pub message: String,
    /// The categories.
    pub params: Vec<JobTarget>,
    /// Numbers added to the send.
    #[serde(default, deserialize_with = "de::opt_one_or_many")]
    pub other_recipients: Vec<String>,
    /// When to send, ISO-8601 with an offset.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub send_time: Option<String>,
}

/// Phonebooks of the account, whole or some contacts.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase", rename_all_fields = "camelCase")]
#[non_exhaustive]
pub enum PhonebookTarget {
    /// `"all"`: every contact of the phonebooks, or a slice.
    All {
        /// The phonebooks' ids.
        #[serde(deserialize_with = "de::id_list")]
        phonebook_ids: Vec<String>,
        /// From this position.
        #[serde(default, deserialize_with = "de::opt_whole")]
        start: Option<u64>,
        /// This many contacts.
        #[serde(default, deserialize_with = "de::opt_whole")]
        size: Option<u64>,
    },
    /// `"detail"`: chosen contacts of one phonebook.
    Detail {
        /// The phonebook's id.
        #[serde(deserialize_with = "crate::core::de::id_text")]
        phonebook_id: String,
        /// The contacts' ids (from `phonebook_contacts`).
        #[serde(deserialize_with = "de::id_list")]
        number_ids: Vec<String>,
    },
}

/// `sendPhonebook`: to phonebooks of the account (`phonebook`; at most 100 targets).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SendPhonebookRequest {
    /// The sender line.
    pub from: String,
    /// The text.
    pub message: String,
    /// The phonebooks.
    pub params: Vec<PhonebookTarget>,
    /// When to send, ISO-8601 with an offset.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub send_time: Option<String>,
}

/// A phonebook of a keyword send.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeywordPhonebookTarget {
    /// The phonebook's id.
    #[serde(deserialize_with = "crate::core::de::id_text")]
    pub phonebook_id: String,
}

/// `sendKeywordPhonebook`: a text with `{ex_<option id>}` placeholders filled per contact.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SendKeywordPhonebookRequest {
    /// The sender line.
    pub from: String,
    /// The text, with placeholders.
    pub message: String,
    /// The phonebooks.
    pub params: Vec<KeywordPhonebookTarget>,
    /// When to send, ISO-8601 with an offset.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub send_time: Option<String>,
}

/// `calculatePrice`: what a text costs per recipient.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CalculatePriceRequest {
    /// The sender line.
    pub from: String,
    /// The text.
    pub message: String,
}
