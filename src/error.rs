//! [`Error`]: the one error type of the Rust API, beside the JavaScript `IppanelError` it
//! becomes in the JS layer.

use std::fmt;

use crate::core::error::CoreError;
pub use crate::core::error::{ErrorCode, ErrorKind};

/// Why a call failed: what [`kind`](Error::kind) of failure, the service's code where it gave
/// one, English and Persian text, and whether a send may have gone out anyway.
///
/// No part of an error ever contains the account's password (it is masked as `***` wherever
/// the service or the runtime echoed it).
///
/// ```
/// use ippanel_wasm::{normalize_mobile, ErrorKind};
///
/// let err = normalize_mobile("021 1234 5678").unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Input);
/// assert!(err.to_string().starts_with("input: "));
/// ```
#[derive(Clone, PartialEq)]
pub struct Error {
    inner: Box<Inner>,
}

#[derive(Clone, PartialEq)]
struct Inner {
    core: CoreError,
    op: &'static str,
    may_have_sent: bool,
}

impl Error {
    pub(crate) fn new(core: CoreError, op: &'static str, may_have_sent: bool) -> Error {
        Error {
            inner: Box::new(Inner {
                core,
                op,
                may_have_sent,
            }),
        }
    }

    /// What went wrong; what a caller should do differs per kind.
    pub fn kind(&self) -> ErrorKind {
        self.inner.core.kind
    }

    /// The English message (also what `Display` prints). For [`ErrorKind::Input`] it starts
    /// with the field to fix, e.g. `to[1]: ...`.
    pub fn message(&self) -> &str {
        &self.inner.core.message
    }

    /// The same message in Persian.
    pub fn message_fa(&self) -> &str {
        &self.inner.core.message_fa
    }

    /// The service's own error code, where it gave one (kinds `Api` and `Auth`).
    pub fn code(&self) -> Option<&ErrorCode> {
        self.inner.core.code.as_ref()
    }

    /// The HTTP status, where a response arrived.
    pub fn status(&self) -> Option<u16> {
        self.inner.core.status
    }

    /// The first 2 KB of the response body, where one arrived.
    pub fn body(&self) -> Option<&str> {
        self.inner.core.body.as_deref()
    }

    /// The wire op of the failed call (`send`, `credit`, …).
    pub fn op(&self) -> &str {
        self.inner.op
    }

    /// Whether a send-type op may have been carried out although it failed (its request left
    /// and no answer proved it was refused): check `delivery` before sending again.
    pub fn may_have_sent(&self) -> bool {
        self.inner.may_have_sent
    }

    /// The Edge service's messages per field (its answer's `errors`), keyed by the wire's field
    /// paths (`message`, `variable.0.name`) in the order it sent them; empty for every other
    /// error.
    #[cfg(feature = "edge")]
    #[cfg_attr(docsrs, doc(cfg(feature = "edge")))]
    pub fn field_errors(&self) -> &[(String, Vec<String>)] {
        self.inner.core.field_errors.as_deref().map_or(&[], |f| f.0.as_slice())
    }

    /// Whether the per-attempt timeout ran out.
    pub fn is_timeout(&self) -> bool {
        self.kind() == ErrorKind::Timeout
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.kind().as_str())?;
        f.write_str(": ")?;
        f.write_str(self.message())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("kind", &self.kind())
            .field("op", &self.op())
            .field("code", &self.code())
            .field("message", &self.message())
            .field("status", &self.status())
            .field("may_have_sent", &self.may_have_sent())
            .finish()
    }
}

impl std::error::Error for Error {}
