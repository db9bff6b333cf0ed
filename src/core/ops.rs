//! The 17 wire ops: their wire names, where each goes, and which are sends (never retried) and
//! which are read-only (retried).

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
            // The reference says `joblist`; the live service answers `jobslist` (docs/protocol.md, "Fields per op").
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
