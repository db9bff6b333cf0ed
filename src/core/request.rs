//! Typed requests for the 17 wire ops, their validation, and their encoding for the wire.

use super::error::CoreError;

/// One ippanel operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Send,
    SendPattern,
    PostalCodeSend,
    PostalCodeCount,
    PostalCodeArea,
    BookSend,
    BookList,
    JobsSend,
    JobList,
    JobTrendList,
    JobsCount,
    CheckMessage,
    Delivery,
    InboxList,
    Credit,
    NewUser,
    AccessList,
}

/// Where a request goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    /// `{baseUrl}/services.jspd`, fields in a urlencoded POST body.
    Services,
    /// `{baseUrl}/patterns/pattern`, fields in the query string, POST with no body.
    Pattern,
}

/// What to put on the wire. The wasm layer adds the origin and calls `fetch`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireRequest {
    /// Which path.
    pub endpoint: Endpoint,
    /// The urlencoded fields (`uname=..&pass=..&op=..&...`, or for patterns
    /// `username=..&password=..&from=..&to=..&input_data=..&pattern_code=..`): the POST body for
    /// `Services`, the query string (without `?`) for `Pattern`. Contains the password: never log it.
    pub fields: String,
}

/// The account's credentials, sent with every call.
#[derive(Debug, Clone, Copy)]
pub struct Credentials<'a> {
    pub username: &'a str,
    pub password: &'a str,
}

/// An id the caller may give as a string or a number (`bookId`, `bulkId`).
#[derive(Debug, Clone, PartialEq)]
pub enum IdInput {
    Text(String),
    Num(f64),
}

/// When to send (`time`).
#[derive(Debug, Clone, PartialEq)]
pub enum SendTime {
    /// A JS `Date`, as milliseconds since the Unix epoch (`Date.prototype.getTime`); may be NaN.
    EpochMs(f64),
    /// A string that must already be `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS`.
    Text(String),
}

/// `gender` of postal-code ops.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Gender {
    #[default]
    All,
    Male,
    Female,
}

/// `operator` of postal-code ops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operator {
    Mci,
    Mtn,
}

/// `send`.
#[derive(Debug, Clone, PartialEq)]
pub struct SendRequest {
    pub from: String,
    /// Recipients in any accepted form; normalized by `encode`.
    pub to: Vec<String>,
    pub message: String,
    pub time: Option<SendTime>,
}

/// `sendPattern`.
#[derive(Debug, Clone, PartialEq)]
pub struct PatternRequest {
    pub from: String,
    pub to: String,
    pub pattern_code: String,
    /// Variable name and value; numbers were already turned into strings by the JS layer.
    pub values: Vec<(String, String)>,
}

/// `postalCodeSend` (with `message`/`from`) and `postalCodeCount` (without).
#[derive(Debug, Clone, PartialEq)]
pub struct PostalCodeRequest {
    pub postal_code: String,
    pub operator: Operator,
    pub gender: Gender,
}

/// `bookSend`.
#[derive(Debug, Clone, PartialEq)]
pub struct BookSendRequest {
    pub from: String,
    pub message: String,
    pub book_id: IdInput,
}

/// `jobsSend`.
#[derive(Debug, Clone, PartialEq)]
pub struct JobsSendRequest {
    pub from: String,
    pub message: String,
    pub job_id: f64,
    pub trend_ids: Vec<f64>,
}

/// `newUser`. Optional fields are `None` when the caller left them out.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NewUserRequest {
    pub username: String,
    pub password: String,
    pub name: String,
    pub company: Option<String>,
    pub national_id: String,
    pub certificate_id: Option<String>,
    pub access_id: f64,
    pub tel: Option<String>,
    pub mobile: String,
    pub postal_code: Option<String>,
    pub email: Option<String>,
    pub address: Option<String>,
}

/// Any one call, with its op-specific input.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    Send(SendRequest),
    SendPattern(PatternRequest),
    PostalCodeSend { from: String, message: String, target: PostalCodeRequest },
    PostalCodeCount(PostalCodeRequest),
    PostalCodeArea,
    BookSend(BookSendRequest),
    BookList,
    JobsSend(JobsSendRequest),
    JobList,
    JobTrendList { job_id: f64 },
    JobsCount { trend_ids: Vec<f64> },
    CheckMessage { bulk_id: IdInput },
    Delivery { bulk_id: IdInput },
    InboxList,
    Credit,
    NewUser(NewUserRequest),
    AccessList,
}
