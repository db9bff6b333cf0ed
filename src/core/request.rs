//! Typed requests for the 17 wire ops, their validation, and their encoding for the wire.

use serde::{Deserialize, Serialize};

use super::de;
use super::error::CoreError;
use super::form::{json_int_list, json_string_list, json_string_object, Form};
use super::mobile::{ascii_digits, digit_value, is_invisible_mark, normalize_mobile_checked, normalize_mobile_field};
use super::num::{is_ascii_digits, u64_text, write_u64, MAX_SAFE_INTEGER};
use super::tehran_time::is_valid_time_text;

/// One ippanel operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `send`: one message to one or more numbers.
    ///
    /// ```
    /// use ippanel_wasm::SendRequest;
    ///
    /// let req = SendRequest {
    ///     from: "3000505".into(),
    ///     to: vec!["09121234567".into(), "+98 935 123 4567".into()],
    ///     message: "سلام".into(),
    ///     time: Some("2030-01-31 18:30:00".into()),
    /// };
    /// // The JS shape reads into it too (one recipient may be a plain string).
    /// let from_js: SendRequest =
    ///     serde_json::from_str(r#"{"from":"3000505","to":"09121234567","message":"hi"}"#).unwrap();
    /// assert_eq!(from_js.to, ["09121234567"]);
    /// # let _ = req;
    /// ```
    Send,
    /// `patterns/pattern`: a pre-approved template with variables, to one number.
    SendPattern,
    /// `postalcodesend`: to the numbers registered in a postal code area.
    PostalCodeSend,
    /// `postalcodecount`: how many numbers a postal code area has.
    PostalCodeCount,
    /// `postalcodearea`: the postal code areas on offer.
    PostalCodeArea,
    /// `booksend`: to a phonebook of the account.
    BookSend,
    /// `booklist`: the account's phonebooks.
    BookList,
    /// `jobssend`: to the numbers of a job's trends.
    JobsSend,
    /// `jobslist`: the jobs on offer.
    JobList,
    /// `jobstrenlist`: the trends of one job.
    JobTrendList,
    /// `jobscount`: how many numbers some trends have.
    JobsCount,
    /// `checkmessage`: the review status of a bulk send.
    CheckMessage,
    /// `delivery`: per-recipient delivery status of a bulk send.
    Delivery,
    /// `inboxlist`: received messages.
    InboxList,
    /// `credit`: the account's credit in rials.
    Credit,
    /// `newuser`: creates a sub-account (resellers).
    NewUser,
    /// `accesslist`: the access packages on offer.
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
#[derive(Clone, PartialEq, Eq)]
pub struct WireRequest {
    /// Which path.
    pub endpoint: Endpoint,
    /// The urlencoded fields (`uname=..&pass=..&op=..&...`, or for patterns
    /// `username=..&password=..&from=..&to=..&input_data=..&pattern_code=..`): the POST body for
    /// `Services`, the query string (without `?`) for `Pattern`. Contains the password: never log it.
    pub fields: String,
}

/// Debug output leaves the fields out: they carry the password.
impl std::fmt::Debug for WireRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WireRequest")
            .field("endpoint", &self.endpoint)
            .finish_non_exhaustive()
    }
}

/// The account's credentials, sent with every call.
#[derive(Clone, Copy)]
pub struct Credentials<'a> {
    /// `uname` (`username` for pattern sends).
    pub username: &'a str,
    /// `pass` (`password` for pattern sends). Never echoed in an error.
    pub password: &'a str,
}

/// Debug output masks the password, so a stray `{:?}` cannot log it.
impl std::fmt::Debug for Credentials<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("username", &self.username)
            .field("password", &"***")
            .finish()
    }
}

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

impl Op {
    /// Every op, in the order of the API's table (docs/api.md); the tests go through all.
    #[cfg(test)]
    pub const ALL: [Op; 17] = [
        Op::Send,
        Op::SendPattern,
        Op::PostalCodeSend,
        Op::PostalCodeCount,
        Op::PostalCodeArea,
        Op::BookSend,
        Op::BookList,
        Op::JobsSend,
        Op::JobList,
        Op::JobTrendList,
        Op::JobsCount,
        Op::CheckMessage,
        Op::Delivery,
        Op::InboxList,
        Op::Credit,
        Op::NewUser,
        Op::AccessList,
    ];

    /// The op's name on the wire (`op=`), or the path for pattern sends.
    pub fn wire_name(self) -> &'static str {
        match self {
            Op::Send => "send",
            Op::SendPattern => "patterns/pattern",
            Op::PostalCodeSend => "postalcodesend",
            Op::PostalCodeCount => "postalcodecount",
            Op::PostalCodeArea => "postalcodearea",
            Op::BookSend => "booksend",
            Op::BookList => "booklist",
            Op::JobsSend => "jobssend",
            // The reference says `joblist`; the live service answers `jobslist` (PROTOCOL.md).
            Op::JobList => "jobslist",
            Op::JobTrendList => "jobstrenlist",
            Op::JobsCount => "jobscount",
            Op::CheckMessage => "checkmessage",
            Op::Delivery => "delivery",
            Op::InboxList => "inboxlist",
            Op::Credit => "credit",
            Op::NewUser => "newuser",
            Op::AccessList => "accesslist",
        }
    }

    /// Whether the op sends SMS (and so answers a bulk id, and is never retried).
    pub fn is_send(self) -> bool {
        matches!(
            self,
            Op::Send | Op::SendPattern | Op::PostalCodeSend | Op::BookSend | Op::JobsSend
        )
    }

    /// Whether repeating the op is harmless: everything but sends and `newuser`, which both
    /// change the account, so only these are retried after a failure.
    pub fn is_read_only(self) -> bool {
        !self.is_send() && self != Op::NewUser
    }
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

type Check<T> = Result<T, CoreError>;

const EMPTY: (&str, &str) = ("must not be empty", "نباید خالی باشد");

fn fail<T>(field: &str, (en, fa): (&str, &str)) -> Check<T> {
    Err(CoreError::input(field, en, fa))
}

/// Validates `req` and builds what goes on the wire, fields in the order of PROTOCOL.md.
///
/// Every check happens here, before anything is sent, and errors name the JS field to fix.
/// No error quotes any value except a short bad mobile number (never one holding the new
/// user's password); the wasm layer also scrubs the account password from every error.
pub fn encode(creds: Credentials, req: &Request) -> Result<WireRequest, CoreError> {
    if creds.username.trim().is_empty() {
        return fail("username", EMPTY);
    }
    if creds.password.is_empty() {
        return fail("password", EMPTY);
    }
    if let Request::SendPattern(p) = req {
        return encode_pattern(creds, p);
    }
    let mut form = Form::new();
    form.push("uname", creds.username);
    form.push("pass", creds.password);
    form.push("op", req.op().wire_name());
    match req {
        Request::Send(r) => {
            let from = sender(&r.from)?;
            let to = recipients(&r.to)?;
            let message = message(&r.message)?;
            let time = r.time.as_deref().map(send_time).transpose()?;
            form.push("from", &from);
            form.push("to", &json_string_list(&to));
            form.push("message", message);
            if let Some(time) = time {
                form.push("time", &time);
            }
        }
        Request::PostalCodeSend(r) => {
            let from = sender(&r.from)?;
            let text = message(&r.message)?;
            let postal = postal_code(&r.postal_code, "postalCode")?;
            form.push("from", &from);
            form.push("message", text);
            push_postal_target(&mut form, &postal, r.operator, r.gender);
        }
        Request::PostalCodeCount(r) => {
            let postal = postal_code(&r.postal_code, "postalCode")?;
            push_postal_target(&mut form, &postal, r.operator, r.gender);
        }
        Request::BookSend(r) => {
            let from = sender(&r.from)?;
            let text = message(&r.message)?;
            let id = id_input(&r.book_id, "bookId")?;
            form.push("from", &from);
            form.push("message", text);
            form.push("bookid", &json_int_list(&[id]));
        }
        Request::JobsSend(r) => {
            let from = sender(&r.from)?;
            let text = message(&r.message)?;
            let job = id_number(r.job_id, "jobId")?;
            let trends = trend_ids(&r.trend_ids)?;
            form.push("from", &from);
            form.push("message", text);
            form.push("jobsid", &u64_text(job));
            form.push("trendid", &json_int_list(&trends));
        }
        Request::JobTrendList { job_id } => {
            form.push("jobsid", &u64_text(id_number(*job_id, "jobId")?));
        }
        Request::JobsCount(r) => {
            form.push("trendid", &json_int_list(&trend_ids(&r.trend_ids)?));
        }
        Request::CheckMessage { bulk_id } => {
            form.push("messageid", &bulk_id_digits(bulk_id)?);
        }
        Request::Delivery { bulk_id } => {
            // `uinqid` (sic) is the service's spelling.
            form.push("uinqid", &bulk_id_digits(bulk_id)?);
        }
        Request::NewUser(r) => encode_new_user(&mut form, r)?,
        Request::PostalCodeArea
        | Request::BookList
        | Request::JobList
        | Request::InboxList
        | Request::Credit
        | Request::AccessList
        | Request::SendPattern(_) => {}
    }
    Ok(WireRequest {
        endpoint: Endpoint::Services,
        fields: form.finish(),
    })
}

/// Whose numbers a postal-code op means: `type`, `gender`, `postalcode`, in the wire's order.
fn push_postal_target(form: &mut Form, postal: &str, operator: Operator, gender: Gender) {
    form.push("type", operator.wire());
    form.push("gender", gender.wire());
    form.push("postalcode", postal);
}

fn encode_pattern(creds: Credentials, p: &SendPatternRequest) -> Check<WireRequest> {
    let from = sender(&p.from)?;
    let to = normalize_mobile_field(&p.to, "to")?;
    if p.pattern_code.trim().is_empty() {
        return fail("patternCode", EMPTY);
    }
    if p.values.iter().any(|(key, _)| key.trim().is_empty()) {
        return fail(
            "values",
            ("variable names must not be empty", "نام متغیرها نباید خالی باشد"),
        );
    }
    let mut form = Form::new();
    form.push("username", creds.username);
    form.push("password", creds.password);
    form.push("from", &from);
    form.push("to", &json_string_list(&[to]));
    form.push("input_data", &json_string_object(&p.values));
    form.push("pattern_code", p.pattern_code.trim());
    Ok(WireRequest {
        endpoint: Endpoint::Pattern,
        fields: form.finish(),
    })
}

fn encode_new_user(form: &mut Form, r: &NewUserRequest) -> Check<()> {
    if r.username.trim().is_empty() {
        return fail("username", EMPTY);
    }
    if r.password.is_empty() {
        return fail("password", EMPTY);
    }
    if r.name.trim().is_empty() {
        return fail("name", EMPTY);
    }
    let national_id = digits_only(&r.national_id);
    if !(national_id.len() == 10 || national_id.len() == 11) || !is_ascii_digits(&national_id) {
        return fail(
            "nationalId",
            (
                "must be 10 digits (a person) or 11 digits (a company)",
                "باید ۱۰ رقم (شخص حقیقی) یا ۱۱ رقم (شخص حقوقی) باشد",
            ),
        );
    }
    let access_id = id_number(r.access_id, "accessId")?;
    // A bad mobile is quoted back, unless the new user's password was typed into it: the
    // caller's redaction only knows the account's own password.
    let quote = !super::text::contains(&r.mobile, &r.password);
    let mobile = normalize_mobile_checked(&r.mobile, "mobile", quote)?;
    let postal = match optional(&r.postal_code) {
        Some(code) => postal_code(code, "postalCode")?,
        None => String::new(),
    };
    let email = optional(&r.email).unwrap_or_default();
    if !email.is_empty() {
        let valid = super::text::split_once_byte(email, b'@')
            .is_some_and(|(user, host)| !user.is_empty() && !host.is_empty() && !host.bytes().any(|b| b == b'@'));
        if !valid {
            return fail(
                "email",
                ("must look like name@example.com", "باید به شکل name@example.com باشد"),
            );
        }
    }
    form.push("user_uname", &r.username);
    form.push("user_pass", &r.password);
    form.push("name", &r.name);
    form.push("company", r.company.as_deref().unwrap_or_default());
    form.push("national_id", &national_id);
    form.push(
        "certificate_id",
        &digits_only(r.certificate_id.as_deref().unwrap_or_default()),
    );
    form.push("access_id", &u64_text(access_id));
    form.push("tell", &digits_only(r.tel.as_deref().unwrap_or_default()));
    form.push("mobile", &mobile);
    form.push("postalcode", &postal);
    form.push("email", email);
    form.push("address", r.address.as_deref().unwrap_or_default());
    Ok(())
}

/// An optional text field, trimmed; `None` when absent or blank (sent as an empty string).
fn optional(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// `s` in ASCII digits, without whitespace, invisible marks, and (with `dashes`) dashes: how
/// people group sender lines, postal codes and ids.
fn compact(s: &str, dashes: bool) -> String {
    s.chars()
        .filter(|&c| !(c.is_whitespace() || is_invisible_mark(c) || (dashes && c == '-')))
        .map(|c| digit_value(c).unwrap_or(c))
        .collect()
}

/// `s` compacted with dashes removed too (postal codes, national ids, phone numbers).
fn digits_only(s: &str) -> String {
    compact(s, true)
}

/// `from`: a sender line, `+?digits` once digits are ASCII and spaces are gone. Sent in that
/// form, not converted to `+98`: sender lines are service numbers like `3000505`, not mobiles.
fn sender(from: &str) -> Check<String> {
    let cleaned = compact(from, false);
    if cleaned.is_empty() {
        return fail("from", EMPTY);
    }
    if !is_ascii_digits(cleaned.strip_prefix('+').unwrap_or(&cleaned)) {
        return fail(
            "from",
            (
                "must be a sender line number (digits)",
                "باید شماره خط ارسال‌کننده (رقم) باشد",
            ),
        );
    }
    Ok(cleaned)
}

/// `message`: sent exactly as given, but never empty or only whitespace (the service answers
/// code 1 for that, after a round trip).
fn message(text: &str) -> Check<&str> {
    if text.trim().is_empty() {
        return fail("message", EMPTY);
    }
    Ok(text)
}

/// `to` of `send`: every recipient normalized. A single recipient is named `to` (the JS caller
/// usually passed a plain string); in a longer list the first bad one is named `to[i]`.
fn recipients(to: &[String]) -> Check<Vec<String>> {
    if to.is_empty() {
        return fail(
            "to",
            ("must list at least one recipient", "باید دست کم یک گیرنده داشته باشد"),
        );
    }
    if let [one] = to {
        return Ok(vec![normalize_mobile_field(one, "to")?]);
    }
    to.iter()
        .enumerate()
        .map(|(i, number)| normalize_mobile_field(number, &indexed("to", i)))
        .collect()
}

/// `field[i]`, for errors about one item of a list.
pub fn indexed(field: &str, i: usize) -> String {
    let mut out = String::with_capacity(field.len() + 6);
    out.push_str(field);
    out.push('[');
    write_u64(&mut out, i as u64);
    out.push(']');
    out
}

/// The wire text of a send time: checked, then sent as given.
pub fn send_time(time: &str) -> Check<String> {
    if is_valid_time_text(time) {
        Ok(String::from(time))
    } else {
        fail(
            "time",
            (
                "must be a Date or text like 2024-01-31 or 2024-01-31 18:30:00 (Tehran time)",
                "باید Date یا متنی مانند 2024-01-31 یا 2024-01-31 18:30:00 (به وقت تهران) باشد",
            ),
        )
    }
}

/// A postal code: exactly 10 digits once digits are ASCII and spaces and dashes are gone.
fn postal_code(code: &str, field: &str) -> Check<String> {
    let digits = digits_only(code);
    if digits.len() == 10 && is_ascii_digits(&digits) {
        Ok(digits)
    } else {
        fail(field, ("must be a 10-digit postal code", "باید کد پستی ۱۰ رقمی باشد"))
    }
}

const NOT_AN_ID: (&str, &str) = ("must be a whole number, 0 or more", "باید عدد صحیح نامنفی باشد");

/// A numeric id: at most 2^53 − 1, the largest a JS number (and the service's parser) holds
/// exactly.
fn id_number(n: u64, field: &str) -> Check<u64> {
    if n <= MAX_SAFE_INTEGER as u64 {
        Ok(n)
    } else {
        fail(field, NOT_AN_ID)
    }
}

/// The digits of an id given as text (digits only once converted to ASCII and trimmed).
fn id_text(text: &str, field: &str) -> Check<String> {
    let digits = ascii_digits(text.trim());
    if is_ascii_digits(&digits) {
        Ok(digits)
    } else {
        fail(field, NOT_AN_ID)
    }
}

/// `bookId` as an integer for the JSON list.
fn id_input(id: &str, field: &str) -> Check<u64> {
    let digits = id_text(id, field)?;
    // Leading zeros would not be valid JSON; a value past 2^53 would not survive the service's
    // own parsing either.
    digits
        .parse::<u64>()
        .ok()
        .filter(|&n| n <= MAX_SAFE_INTEGER as u64)
        .map_or_else(|| fail(field, NOT_AN_ID), Ok)
}

/// `bulkId` as the digits to send, as given.
fn bulk_id_digits(id: &str) -> Check<String> {
    id_text(id, "bulkId")
}

/// `trendIds`: a non-empty list of ids.
fn trend_ids(ids: &[u64]) -> Check<Vec<u64>> {
    if ids.is_empty() {
        return fail(
            "trendIds",
            (
                "must list at least one trend id",
                "باید دست کم یک شناسه گرایش داشته باشد",
            ),
        );
    }
    ids.iter()
        .enumerate()
        .map(|(i, n)| id_number(*n, &indexed("trendIds", i)))
        .collect()
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
        assert_eq!(indexed("trendIds", 12), "trendIds[12]");
    }

    #[test]
    fn field_helpers() {
        assert_eq!(sender(" +98 ۳۰۰۰ 505\u{200f}").unwrap(), "+983000505");
        assert!(sender("+").is_err());
        assert_eq!(postal_code("۱۲۳۴۵-۶۷۸۹۰", "postalCode").unwrap(), "1234567890");
        assert_eq!(id_input("007", "bookId").unwrap(), 7);
        assert!(id_input("9007199254740992", "bookId").is_err());
        assert_eq!(bulk_id_digits("007").unwrap(), "007");
        assert!(id_number(1 << 53, "jobId").is_err());
        assert_eq!(
            recipients(&["x".into()]).unwrap_err().message.split(':').next(),
            Some("to")
        );
        assert_eq!(
            recipients(&["09121234567".into(), "x".into()])
                .unwrap_err()
                .message
                .split(':')
                .next(),
            Some("to[1]")
        );
    }

    #[test]
    fn debug_output_never_shows_passwords() {
        let creds = Credentials {
            username: "me",
            password: "pw-secret",
        };
        assert!(!format!("{creds:?}").contains("pw-secret"));
        let user = NewUserRequest {
            password: "pw-secret".into(),
            ..Default::default()
        };
        assert!(!format!("{user:?}").contains("pw-secret"));
        let wire = encode(creds, &Request::Credit).unwrap();
        assert!(wire.fields.contains("pw-secret"));
        assert!(!format!("{wire:?}").contains("pw-secret"));
    }
}
