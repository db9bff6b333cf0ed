//! The Edge API's methods: where each goes, the name its errors carry, and which change the
//! account (never retried) and which only read (retried).

/// How a request goes out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Parameters in the query string, no body.
    Get,
    /// A JSON body.
    Post,
}

/// One method of the Edge client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EdgeOp {
    /// `send`, `sending_type` `webservice`.
    Send,
    /// `send`, `peer_to_peer`.
    SendPeerToPeer,
    /// `send`, `pattern`.
    SendPattern,
    /// `send`, `votp`.
    SendVoiceOtp,
    /// `send`, `postal_code`.
    SendPostalCode,
    /// `send`, `country`.
    SendCountry,
    /// `send`, `geolocation`.
    SendGeolocation,
    /// `send`, `job`.
    SendJob,
    /// `send`, `phonebook`.
    SendPhonebook,
    /// `send`, `keyword_phonebook`.
    SendKeywordPhonebook,
    /// `send/cancel`.
    Cancel,
    /// `send/calculate-price`.
    CalculatePrice,
    /// `report/new_list`.
    Outbox,
    /// `report/by_bulk`.
    Bulk,
    /// `report/bulk_stats`.
    BulkStats,
    /// `report/recipients`.
    Recipients,
    /// `report/messages-inbox`.
    Inbox,
    /// `payment/credit/mine`.
    Credit,
    /// `patterns` (the list).
    Patterns,
    /// `patterns/{code}`.
    Pattern,
    /// `patterns/normal` (create).
    CreatePattern,
    /// `number/numbers`.
    Numbers,
    /// `phonebooks/list-new`.
    Phonebooks,
    /// `phonebooks/numbers/contact-list`.
    PhonebookContacts,
    /// `send/banks/provinces`.
    Provinces,
    /// `send/banks/counties`.
    Counties,
    /// `send/banks/cities`.
    Cities,
    /// `send/banks/counts`.
    BankCounts,
    /// `send/jobs/categories`.
    JobCategories,
    /// `send/jobs/sub-categories`.
    JobSubCategories,
    /// `send/jobs/number-count`.
    JobNumberCount,
}

impl EdgeOp {
    /// Every method, in the order of the API's table; the tests go through all.
    #[cfg(test)]
    pub const ALL: [EdgeOp; 31] = [
        EdgeOp::Send,
        EdgeOp::SendPeerToPeer,
        EdgeOp::SendPattern,
        EdgeOp::SendVoiceOtp,
        EdgeOp::SendPostalCode,
        EdgeOp::SendCountry,
        EdgeOp::SendGeolocation,
        EdgeOp::SendJob,
        EdgeOp::SendPhonebook,
        EdgeOp::SendKeywordPhonebook,
        EdgeOp::Cancel,
        EdgeOp::CalculatePrice,
        EdgeOp::Outbox,
        EdgeOp::Bulk,
        EdgeOp::BulkStats,
        EdgeOp::Recipients,
        EdgeOp::Inbox,
        EdgeOp::Credit,
        EdgeOp::Patterns,
        EdgeOp::Pattern,
        EdgeOp::CreatePattern,
        EdgeOp::Numbers,
        EdgeOp::Phonebooks,
        EdgeOp::PhonebookContacts,
        EdgeOp::Provinces,
        EdgeOp::Counties,
        EdgeOp::Cities,
        EdgeOp::BankCounts,
        EdgeOp::JobCategories,
        EdgeOp::JobSubCategories,
        EdgeOp::JobNumberCount,
    ];

    /// `(method, path after /api/, name in errors)`. The name is the path as a template (never
    /// an id or a code), sends with their type.
    fn route(self) -> (Method, &'static str, &'static str) {
        use Method::{Get, Post};
        match self {
            EdgeOp::Send => (Post, "send", "send:webservice"),
            EdgeOp::SendPeerToPeer => (Post, "send", "send:peer_to_peer"),
            EdgeOp::SendPattern => (Post, "send", "send:pattern"),
            EdgeOp::SendVoiceOtp => (Post, "send", "send:votp"),
            EdgeOp::SendPostalCode => (Post, "send", "send:postal_code"),
            EdgeOp::SendCountry => (Post, "send", "send:country"),
            EdgeOp::SendGeolocation => (Post, "send", "send:geolocation"),
            EdgeOp::SendJob => (Post, "send", "send:job"),
            EdgeOp::SendPhonebook => (Post, "send", "send:phonebook"),
            EdgeOp::SendKeywordPhonebook => (Post, "send", "send:keyword_phonebook"),
            EdgeOp::Cancel => (Post, "send/cancel", "send/cancel"),
            EdgeOp::CalculatePrice => (Post, "send/calculate-price", "send/calculate-price"),
            EdgeOp::Outbox => (Post, "report/new_list", "report/new_list"),
            EdgeOp::Bulk => (Get, "report/by_bulk", "report/by_bulk"),
            EdgeOp::BulkStats => (Get, "report/bulk_stats", "report/bulk_stats"),
            EdgeOp::Recipients => (Get, "report/recipients", "report/recipients"),
            EdgeOp::Inbox => (Post, "report/messages-inbox", "report/messages-inbox"),
            EdgeOp::Credit => (Get, "payment/credit/mine", "payment/credit/mine"),
            EdgeOp::Patterns => (Get, "patterns", "patterns"),
            EdgeOp::Pattern => (Get, "patterns/", "patterns/{code}"),
            EdgeOp::CreatePattern => (Post, "patterns/normal", "patterns/normal"),
            EdgeOp::Numbers => (Get, "number/numbers", "number/numbers"),
            EdgeOp::Phonebooks => (Get, "phonebooks/list-new", "phonebooks/list-new"),
            EdgeOp::PhonebookContacts => (
                Get,
                "phonebooks/numbers/contact-list",
                "phonebooks/numbers/contact-list",
            ),
            EdgeOp::Provinces => (Get, "send/banks/provinces", "send/banks/provinces"),
            EdgeOp::Counties => (Get, "send/banks/counties", "send/banks/counties"),
            EdgeOp::Cities => (Get, "send/banks/cities", "send/banks/cities"),
            EdgeOp::BankCounts => (Get, "send/banks/counts", "send/banks/counts"),
            EdgeOp::JobCategories => (Get, "send/jobs/categories", "send/jobs/categories"),
            EdgeOp::JobSubCategories => (Get, "send/jobs/sub-categories", "send/jobs/sub-categories"),
            EdgeOp::JobNumberCount => (Get, "send/jobs/number-count", "send/jobs/number-count"),
        }
    }

    /// How the request goes out.
    pub fn method(self) -> Method {
        self.route().0
    }

    /// The path after `{base}/api/` (for [`EdgeOp::Pattern`], the code follows it).
    pub fn path(self) -> &'static str {
        self.route().1
    }

    /// The name errors carry as `op`.
    pub fn wire_name(self) -> &'static str {
        self.route().2
    }

    /// The sending type of a send, `None` for the other methods.
    pub fn sending_type(self) -> Option<&'static str> {
        self.wire_name().strip_prefix("send:")
    }

    /// Whether the method sends SMS (never retried; `mayHaveSent` when its outcome is unknown).
    pub fn is_send(self) -> bool {
        self.sending_type().is_some()
    }

    /// Whether repeating the method is harmless: everything but sends, `cancel` and
    /// `createPattern`, which change the account.
    pub fn is_read_only(self) -> bool {
        !self.is_send() && !matches!(self, EdgeOp::Cancel | EdgeOp::CreatePattern)
    }

    /// Whether a send that failed with `err` may nevertheless have gone out, so the caller must
    /// check before sending again. Only an answer of the service's own (an error envelope, a
    /// 401, a 429) or a refusal before sending proves it did not; a 4xx without the envelope
    /// came from something in between (a proxy, a gateway), which may have passed it on.
    pub fn may_have_sent(self, err: &crate::core::error::CoreError, dispatched: bool) -> bool {
        use crate::core::error::ErrorKind;
        self.is_send() && dispatched && !matches!(err.kind, ErrorKind::Api | ErrorKind::Auth | ErrorKind::Input)
    }

    /// The older route tried once when the documented one answers a 404 or 405 that is not
    /// the service's envelope (no such route): `POST report/by_bulk/{id}` and
    /// `POST user/pattern` (both from earlier versions of the vendor's documents).
    pub fn fallback_path(self) -> Option<&'static str> {
        match self {
            EdgeOp::Bulk => Some("report/by_bulk/"),
            EdgeOp::CreatePattern => Some("user/pattern"),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sends_are_never_read_only_and_names_are_templates() {
        let mut sends = 0;
        for op in EdgeOp::ALL {
            if op.is_send() {
                sends += 1;
                assert!(!op.is_read_only());
                assert_eq!(op.path(), "send");
                assert_eq!(op.method(), Method::Post);
            }
            assert!(!op.wire_name().is_empty());
        }
        assert_eq!(sends, 10);
        assert!(!EdgeOp::Cancel.is_read_only() && !EdgeOp::CreatePattern.is_read_only());
        assert!(EdgeOp::CalculatePrice.is_read_only() && EdgeOp::Inbox.is_read_only());
        assert_eq!(EdgeOp::Pattern.wire_name(), "patterns/{code}");
        assert_eq!(EdgeOp::SendVoiceOtp.sending_type(), Some("votp"));
        assert_eq!(EdgeOp::Credit.sending_type(), None);
    }
}
