//! The error type of the whole library and the service's error table.
//!
//! `CoreError` is what every fallible core function returns; the wasm layer turns it into the
//! JavaScript `IppanelError` one to one (adding `op` and `mayHaveSent`, which depend on the call).

/// What went wrong, in the words of API.md (`err.kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Rejected locally; nothing was sent.
    Input,
    /// Wrong username or password (code 962 or the bare auth text).
    Auth,
    /// The service answered with an error code.
    Api,
    /// A non-2xx response, or a 2xx whose body is not the service's format.
    Http,
    /// No response at all (connection refused, reset, DNS...).
    Network,
    /// The per-attempt timeout ran out.
    Timeout,
    /// The caller's `AbortSignal` fired.
    Aborted,
    /// A well-formed answer of an unexpected shape.
    Protocol,
}

impl ErrorKind {
    /// The JS string for `err.kind`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Input => "input",
            ErrorKind::Auth => "auth",
            ErrorKind::Api => "api",
            ErrorKind::Http => "http",
            ErrorKind::Network => "network",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Aborted => "aborted",
            ErrorKind::Protocol => "protocol",
        }
    }
}

/// The service's own error code (`err.code`): a number in the table, or text it sent instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorCode {
    /// A numeric code, e.g. 962.
    Num(i64),
    /// A non-numeric code the service sent.
    Text(String),
}

/// A failure, with everything `IppanelError` carries except `op` and `mayHaveSent`.
#[derive(Debug, Clone, PartialEq)]
pub struct CoreError {
    /// `err.kind`.
    pub kind: ErrorKind,
    /// `err.code`: the service's code where it gave one.
    pub code: Option<ErrorCode>,
    /// `err.message`, English. For `Input` it names the field, e.g. `to[1]: ...`.
    pub message: String,
    /// `err.messageFa`, Persian.
    pub message_fa: String,
    /// `err.status`: the HTTP status where a response arrived.
    pub status: Option<u16>,
    /// `err.body`: the raw response text, at most [`BODY_EXCERPT_BYTES`] bytes (cut on a char
    /// boundary), where a response arrived.
    pub body: Option<String>,
}

/// How much of a response body an error keeps.
pub const BODY_EXCERPT_BYTES: usize = 2048;
