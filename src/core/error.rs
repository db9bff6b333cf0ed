//! The error type of the whole library and the service's error table.
//!
//! `CoreError` is what every fallible core function returns; the wasm layer turns it into the
//! JavaScript `IppanelError` one to one (adding `op` and `mayHaveSent`, which depend on the call).

use super::codes::{error_table, AUTH_CODE};
use super::messages::{
    fill_both, ABORTED, EMPTY_RESPONSE, HTTP_STATUS, NETWORK, NETWORK_SAID, NOT_SERVICE_FORMAT, TIMEOUT, TOO_LARGE,
    UNEXPECTED, UNKNOWN_CODE,
};
use super::num::{u64_text, write_i64};

/// What went wrong, in the words of the JavaScript API (docs/api.md, `err.kind`).
///
/// New kinds may be added (the service grows), so a `match` needs a `_` arm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
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
    /// `err.fieldErrors`: the Edge service's per-field messages (its envelope's `errors`), keyed
    /// by the wire's field paths, in the order it sent them; empty for every other error.
    /// Boxed: most errors have none, and every `Result` of the core carries this type.
    #[cfg(feature = "edge")]
    pub field_errors: Option<Box<FieldErrors>>,
}

/// Field path → the service's messages for it, in the order it sent them.
#[cfg(feature = "edge")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FieldErrors(pub Vec<(String, Vec<String>)>);

/// How much of a response body an error keeps.
pub const BODY_EXCERPT_BYTES: usize = 2048;

/// At most [`BODY_EXCERPT_BYTES`] bytes of `body`, cut on a char boundary so the excerpt stays
/// valid UTF-8 (a cut inside a Persian letter would otherwise need a replacement character).
pub fn body_excerpt(body: &str) -> String {
    let mut end = body.len().min(BODY_EXCERPT_BYTES);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    String::from(body.get(..end).unwrap_or_default())
}

/// `parts` joined: messages are built without `format!`, which costs wasm bytes.
fn concat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for part in parts {
        out.push_str(part);
    }
    out
}

impl CoreError {
    fn new(kind: ErrorKind, message: String, message_fa: String) -> CoreError {
        CoreError {
            kind,
            code: None,
            message,
            message_fa,
            status: None,
            body: None,
            #[cfg(feature = "edge")]
            field_errors: None,
        }
    }

    /// Attaches the HTTP status and a body excerpt.
    fn with_response(mut self, status: u16, body: &str) -> CoreError {
        self.status = Some(status);
        self.body = Some(body_excerpt(body));
        self
    }

    /// A locally rejected input: `"{field}: {en}"` / `"{field}: {fa}"`, so the message always
    /// starts with the JS field name the caller has to fix.
    pub fn input(field: &str, en: &str, fa: &str) -> CoreError {
        CoreError::new(ErrorKind::Input, concat(&[field, ": ", en]), concat(&[field, ": ", fa]))
    }

    /// No response arrived; `detail` is what the runtime said (e.g. `fetch failed (ECONNRESET)`).
    pub fn network(detail: &str) -> CoreError {
        let (en, fa) = if detail.is_empty() {
            (String::from(NETWORK.0), String::from(NETWORK.1))
        } else {
            fill_both(NETWORK_SAID, detail)
        };
        CoreError::new(ErrorKind::Network, en, fa)
    }

    /// The per-attempt timeout of `ms` milliseconds ran out.
    pub fn timeout(ms: u32) -> CoreError {
        let (en, fa) = fill_both(TIMEOUT, &u64_text(u64::from(ms)));
        CoreError::new(ErrorKind::Timeout, en, fa)
    }

    /// The caller's `AbortSignal` fired.
    pub fn aborted() -> CoreError {
        CoreError::new(ErrorKind::Aborted, String::from(ABORTED.0), String::from(ABORTED.1))
    }

    /// A non-2xx response.
    pub fn http(status: u16, body: &str) -> CoreError {
        let (en, fa) = fill_both(HTTP_STATUS, &u64_text(u64::from(status)));
        CoreError::new(ErrorKind::Http, en, fa).with_response(status, body)
    }

    /// A 2xx response whose body is not the service's format (an HTML page, truncated or empty
    /// JSON). Kind `Http`: the API (docs/api.md) files it with the non-2xx answers, since a proxy or gateway
    /// rather than the service usually wrote it.
    pub fn not_service_format(status: u16, body: &str) -> CoreError {
        let text = if body.trim().is_empty() {
            EMPTY_RESPONSE
        } else {
            NOT_SERVICE_FORMAT
        };
        let (en, fa) = fill_both(text, &u64_text(u64::from(status)));
        CoreError::new(ErrorKind::Http, en, fa).with_response(status, body)
    }

    /// A response body too large to read; `body_excerpt` is its beginning.
    pub fn too_large(status: u16, body_excerpt: &str) -> CoreError {
        let (en, fa) = fill_both(TOO_LARGE, &u64_text(u64::from(status)));
        CoreError::new(ErrorKind::Http, en, fa).with_response(status, body_excerpt)
    }

    /// A well-formed answer of an unexpected shape; `detail` says what was expected.
    pub fn protocol(detail: &str, status: u16, body: &str) -> CoreError {
        let (en, fa) = fill_both(UNEXPECTED, detail);
        CoreError::new(ErrorKind::Protocol, en, fa).with_response(status, body)
    }

    /// The service answered with an error code. A code in the table gets the table's texts
    /// (962 becomes kind `Auth`); an unknown code keeps the service's own text in the English
    /// message, since that text is the only explanation there is.
    pub fn api(code: ErrorCode, service_text: &str, status: u16, body: &str) -> CoreError {
        let known = match &code {
            ErrorCode::Num(n) => error_table(*n),
            ErrorCode::Text(_) => None,
        };
        let (kind, message, message_fa) = match known {
            Some((en, fa)) => {
                let kind = if code == ErrorCode::Num(AUTH_CODE) {
                    ErrorKind::Auth
                } else {
                    ErrorKind::Api
                };
                (kind, String::from(en), String::from(fa))
            }
            None => {
                let mut shown = String::new();
                match &code {
                    ErrorCode::Num(n) => write_i64(&mut shown, *n),
                    ErrorCode::Text(t) => shown.push_str(t),
                }
                let text = service_text.trim();
                let (mut en, fa) = fill_both(UNKNOWN_CODE, &shown);
                if !text.is_empty() {
                    en.push_str(": ");
                    en.push_str(text);
                }
                (ErrorKind::Api, en, fa)
            }
        };
        let mut error = CoreError::new(kind, message, message_fa).with_response(status, body);
        error.code = Some(code);
        error
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_errors() {
        let e = CoreError::api(ErrorCode::Num(5), "credit", 200, "[5,\"credit\"]");
        assert_eq!(e.kind, ErrorKind::Api);
        assert_eq!(e.message, "Insufficient credit");
        assert_eq!(e.message_fa, "اعتبار کافی نیست");
        assert_eq!(e.status, Some(200));
        assert_eq!(e.body.as_deref(), Some("[5,\"credit\"]"));

        let auth = CoreError::api(ErrorCode::Num(962), "", 200, "x");
        assert_eq!(auth.kind, ErrorKind::Auth);
        assert_eq!(auth.code, Some(ErrorCode::Num(962)));

        let unknown = CoreError::api(ErrorCode::Num(4242), " odd thing ", 200, "");
        assert_eq!(unknown.kind, ErrorKind::Api);
        assert_eq!(unknown.message, "unknown error code 4242: odd thing");
        assert_eq!(unknown.message_fa, "کد خطای ناشناخته 4242");
        assert_eq!(
            CoreError::api(ErrorCode::Num(-7), "", 200, "").message,
            "unknown error code -7"
        );

        let text = CoreError::api(ErrorCode::Text("E_X".into()), "bad", 200, "");
        assert_eq!(text.code, Some(ErrorCode::Text("E_X".into())));
        assert_eq!(text.message, "unknown error code E_X: bad");
    }

    #[test]
    fn constructors_fill_every_text() {
        let all = [
            CoreError::input("to[2]", "bad", "بد"),
            CoreError::network(""),
            CoreError::network("fetch failed"),
            CoreError::timeout(30_000),
            CoreError::aborted(),
            CoreError::http(502, "<html>"),
            CoreError::not_service_format(200, "<html>"),
            CoreError::not_service_format(200, ""),
            CoreError::too_large(200, "[[[["),
            CoreError::protocol("expected a list", 200, "{}"),
        ];
        for e in &all {
            assert!(!e.message.is_empty() && !e.message_fa.is_empty(), "{e:?}");
        }
        assert_eq!(all[0].message, "to[2]: bad");
        assert_eq!(all[0].message_fa, "to[2]: بد");
        assert_eq!(all[0].kind, ErrorKind::Input);
        assert_eq!(all[3].message, "no response within 30000 ms");
        assert_eq!(all[5].status, Some(502));
        assert_eq!(all[5].kind, ErrorKind::Http);
        assert_eq!(all[6].kind, ErrorKind::Http);
        assert_eq!(all[8].kind, ErrorKind::Http);
        assert!(all[8].message.contains("response body too large"));
        assert_eq!(all[9].kind, ErrorKind::Protocol);
        assert_eq!(all[9].body.as_deref(), Some("{}"));
        assert_eq!(all[1].status, None);
    }

    #[test]
    fn excerpts_cut_on_char_boundaries() {
        let long = "ب".repeat(BODY_EXCERPT_BYTES); // 2 bytes each
        let e = body_excerpt(&long);
        assert_eq!(e.len(), BODY_EXCERPT_BYTES);
        let odd = String::from("a") + &long;
        let e = body_excerpt(&odd);
        assert_eq!(e.len(), BODY_EXCERPT_BYTES - 1);
        assert!(odd.starts_with(&e));
        assert_eq!(body_excerpt("short"), "short");
        assert_eq!(
            CoreError::http(500, &long).body.map(|b| b.len()),
            Some(BODY_EXCERPT_BYTES)
        );
    }
}
