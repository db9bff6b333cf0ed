//! Typed requests for the 17 wire ops, as the Rust API takes them (the JS objects' fields in
//! snake_case), and the [`Request`] that carries any of them to the encoder.

use serde::{Deserialize, Serialize};

use super::de;
use super::ops::Op;

/// `gender` of postal-code ops.
///
/// ```
/// assert_eq!(ippanel_wasm::Gender::default(), ippanel_wasm::Gender::All);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Gender {
    /// `"all"`, wire `0` (the default).
    #[default]
    All,
    /// `"male"`, wire `1`.
    Male,
    /// `"female"`, wire `2`.
    Female,
}

/// `operator` of postal-code ops: whose subscribers.
///
/// ```
/// let op: ippanel_wasm::Operator = serde_json::from_str(r#""mtn""#).unwrap();
/// assert_eq!(op, ippanel_wasm::Operator::Mtn);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Operator {
    /// Hamrah-e Aval (MCI), wire `mci`. The default only so that requests can use
    /// `..Default::default()`; name the operator you mean.
    #[default]
    Mci,
    /// Irancell (MTN), wire `mtn`.
    Mtn,
}

/// `send`: one message to one or more numbers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SendRequest {
    /// The sender line, e.g. `3000505`.
    pub from: String,
    /// Recipients in any common Iranian form; sent as `+98…`. JS may give one string.
    #[serde(deserialize_with = "de::one_or_many")]
    pub to: Vec<String>,
    /// The text, sent as given.
    pub message: String,
    /// A scheduled send time, Tehran time: `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
}

/// `sendPattern`: a pre-approved template with variables, to one number.
///
/// ```
/// let req = ippanel_wasm::SendPatternRequest {
///     from: "3000505".into(),
///     to: "09121234567".into(),
///     pattern_code: "otp-demo".into(),
///     values: vec![("code".into(), "482913".into())],
/// };
/// # let _ = req;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SendPatternRequest {
    /// The sender line.
    pub from: String,
    /// The one recipient, in any common form.
    pub to: String,
    /// The pattern's code from the panel.
    pub pattern_code: String,
    /// The pattern's variables, name and value, in order (JS numbers become their text).
    #[serde(with = "de::string_values")]
    pub values: Vec<(String, String)>,
}

/// `postalCodeSend`: to the numbers registered in a postal-code area.
///
/// ```
/// use ippanel_wasm::{Gender, Operator, PostalCodeSendRequest};
/// let req = PostalCodeSendRequest {
///     from: "3000505".into(),
///     message: "Opening sale".into(),
///     postal_code: "1234567890".into(),
///     operator: Operator::Mtn,
///     gender: Gender::Female,
/// };
/// # let _ = req;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PostalCodeSendRequest {
    /// The sender line.
    pub from: String,
    /// The text, sent as given.
    pub message: String,
    /// Ten digits (Persian digits, spaces and dashes allowed).
    pub postal_code: String,
    /// Whose subscribers.
    pub operator: Operator,
    /// Which subscribers (all by default).
    #[serde(default)]
    pub gender: Gender,
}

/// `postalCodeCount`: how many numbers a postal-code area has.
///
/// ```
/// use ippanel_wasm::{Operator, PostalCodeCountRequest};
/// let req = PostalCodeCountRequest { postal_code: "1234567890".into(), operator: Operator::Mci, ..Default::default() };
/// # let _ = req;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PostalCodeCountRequest {
    /// Ten digits (Persian digits, spaces and dashes allowed).
    pub postal_code: String,
    /// Whose subscribers.
    pub operator: Operator,
    /// Which subscribers (all by default).
    #[serde(default)]
    pub gender: Gender,
}

/// `bookSend`: to a phonebook of the account.
///
/// ```
/// let req = ippanel_wasm::BookSendRequest { from: "3000505".into(), message: "Hi".into(), book_id: "12".into() };
/// # let _ = req;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BookSendRequest {
    /// The sender line.
    pub from: String,
    /// The text, sent as given.
    pub message: String,
    /// The phonebook's id (from `bookList`); JS may give a number.
    #[serde(deserialize_with = "de::id_text")]
    pub book_id: String,
}

/// `jobsSend`: to the numbers of some trends of a job.
///
/// ```
/// let req = ippanel_wasm::JobsSendRequest { from: "3000505".into(), message: "Hi".into(), job_id: 1, trend_ids: vec![11, 12] };
/// # let _ = req;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobsSendRequest {
    /// The sender line.
    pub from: String,
    /// The text, sent as given.
    pub message: String,
    /// The job's id (from `jobList`).
    #[serde(deserialize_with = "de::whole")]
    pub job_id: u64,
    /// Ids of the job's trends (from `jobTrendList`); at least one.
    #[serde(deserialize_with = "de::whole_list")]
    pub trend_ids: Vec<u64>,
}

/// `jobsCount`: how many numbers some trends have.
///
/// ```
/// let req = ippanel_wasm::JobsCountRequest { trend_ids: vec![11, 12] };
/// # let _ = req;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobsCountRequest {
    /// Ids of the trends to count; at least one.
    #[serde(deserialize_with = "de::whole_list")]
    pub trend_ids: Vec<u64>,
}

/// `newUser`: creates a sub-account (resellers). Optional fields are `None` when left out.
///
/// ```
/// let req = ippanel_wasm::NewUserRequest {
///     username: "shop1".into(),
///     password: "a-long-password".into(),
///     name: "Shop".into(),
///     national_id: "0012345678".into(),
///     access_id: 1,
///     mobile: "09121234567".into(),
///     ..Default::default()
/// };
/// assert!(!format!("{req:?}").contains("a-long-password"));
/// ```
#[derive(Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewUserRequest {
    /// `user_uname`.
    pub username: String,
    /// `user_pass`. Never echoed in an error.
    pub password: String,
    /// `name`.
    pub name: String,
    /// `company`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// `national_id`: 10 digits (a person) or 11 (a company).
    pub national_id: String,
    /// `certificate_id`: birth certificate number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_id: Option<String>,
    /// `access_id`: a package id from `accessList`.
    #[serde(deserialize_with = "de::whole")]
    pub access_id: u64,
    /// `tell`: landline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tel: Option<String>,
    /// `mobile`, in any common form; sent as `+98…`.
    pub mobile: String,
    /// `postalcode`: 10 digits when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// `email`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// `address`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

/// Debug output masks the new user's password.
impl std::fmt::Debug for NewUserRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewUserRequest")
            .field("username", &self.username)
            .field("password", &"***")
            .field("name", &self.name)
            .field("company", &self.company)
            .field("national_id", &self.national_id)
            .field("certificate_id", &self.certificate_id)
            .field("access_id", &self.access_id)
            .field("tel", &self.tel)
            .field("mobile", &self.mobile)
            .field("postal_code", &self.postal_code)
            .field("email", &self.email)
            .field("address", &self.address)
            .finish()
    }
}

/// `sendBulk`: one message to a long list, in `send` calls of `chunk_size` recipients,
/// `concurrency` at a time.
///
/// ```
/// let req = ippanel_wasm::SendBulkRequest {
///     from: "3000505".into(),
///     to: (0..250).map(|i| format!("0912{:07}", i)).collect(),
///     message: "Sale!".into(),
///     chunk_size: Some(100),
///     ..Default::default()
/// };
/// # let _ = req;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SendBulkRequest {
    /// The sender line.
    pub from: String,
    /// Every recipient, in any common form; one bad number fails the call before any send.
    #[serde(deserialize_with = "de::one_or_many")]
    pub to: Vec<String>,
    /// The text, sent as given.
    pub message: String,
    /// A scheduled send time, as in [`SendRequest`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// Recipients per `send` (default 100; the service takes at most 1,000).
    #[serde(default, deserialize_with = "de::opt_whole", skip_serializing_if = "Option::is_none")]
    pub chunk_size: Option<u64>,
    /// `send` calls at a time, 1 to 64 (default 4).
    #[serde(default, deserialize_with = "de::opt_whole", skip_serializing_if = "Option::is_none")]
    pub concurrency: Option<u64>,
}

/// Any one call, with its op-specific input.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// `send`.
    Send(SendRequest),
    /// `sendPattern`.
    SendPattern(SendPatternRequest),
    /// `postalCodeSend`.
    PostalCodeSend(PostalCodeSendRequest),
    /// `postalCodeCount`.
    PostalCodeCount(PostalCodeCountRequest),
    /// `postalCodeArea`.
    PostalCodeArea,
    /// `bookSend`.
    BookSend(BookSendRequest),
    /// `bookList`.
    BookList,
    /// `jobsSend`.
    JobsSend(JobsSendRequest),
    /// `jobList`.
    JobList,
    /// `jobTrendList(jobId)`.
    JobTrendList {
        /// The job whose trends to list.
        job_id: u64,
    },
    /// `jobsCount`.
    JobsCount(JobsCountRequest),
    /// `checkMessage(bulkId)`.
    CheckMessage {
        /// The bulk id a send returned.
        bulk_id: String,
    },
    /// `delivery(bulkId)`.
    Delivery {
        /// The bulk id a send returned.
        bulk_id: String,
    },
    /// `inboxList`.
    InboxList,
    /// `credit`.
    Credit,
    /// `newUser`.
    NewUser(NewUserRequest),
    /// `accessList`.
    AccessList,
}

impl Request {
    /// The op this request is for.
    pub fn op(&self) -> Op {
        match self {
            Request::Send(_) => Op::Send,
            Request::SendPattern(_) => Op::SendPattern,
            Request::PostalCodeSend(_) => Op::PostalCodeSend,
            Request::PostalCodeCount(_) => Op::PostalCodeCount,
            Request::PostalCodeArea => Op::PostalCodeArea,
            Request::BookSend(_) => Op::BookSend,
            Request::BookList => Op::BookList,
            Request::JobsSend(_) => Op::JobsSend,
            Request::JobList => Op::JobList,
            Request::JobTrendList { .. } => Op::JobTrendList,
            Request::JobsCount(_) => Op::JobsCount,
            Request::CheckMessage { .. } => Op::CheckMessage,
            Request::Delivery { .. } => Op::Delivery,
            Request::InboxList => Op::InboxList,
            Request::Credit => Op::Credit,
            Request::NewUser(_) => Op::NewUser,
            Request::AccessList => Op::AccessList,
        }
    }
}

impl Operator {
    /// The wire value of `type`.
    pub fn wire(self) -> &'static str {
        match self {
            Operator::Mci => "mci",
            Operator::Mtn => "mtn",
        }
    }
}

impl Gender {
    /// The wire value of `gender`: 0 all, 1 male, 2 female.
    pub fn wire(self) -> &'static str {
        match self {
            Gender::All => "0",
            Gender::Male => "1",
            Gender::Female => "2",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_wire_values() {
        assert_eq!(
            (Gender::All.wire(), Gender::Male.wire(), Gender::Female.wire()),
            ("0", "1", "2")
        );
        assert_eq!(Gender::default(), Gender::All);
        assert_eq!((Operator::Mci.wire(), Operator::Mtn.wire()), ("mci", "mtn"));
    }
}
